-- 012_partitions.sql: call, leg and mos_sample partitioned by time
-- (PostgreSQL's declarative partitioning, RANGE on part_at), so that
-- retention drops whole partitions instead of deleting rows.
--
-- part_at is the call's start time, else its reception time, as the
-- first message of the call gave it; it never changes afterwards (a later
-- message that brings the start time merges into the same row, the
-- writer finds it by (call_id, node) within a window, store_pg.c).
-- leg and mos_sample carry their call's part_at, so a call and its rows
-- are always in partitions of the same range and are dropped together.
--
-- Keys: a partitioned table's primary and unique keys must contain the
-- partition key, so every key gets part_at: call (call_pk, part_at),
-- UNIQUE (call_id, node, part_at), leg (call_pk, side, part_at),
-- mos_sample (call_pk, scope, kind, seq, part_at). call_pk comes from a
-- sequence. The foreign keys from leg and mos_sample to call are gone: a
-- foreign key would have to reference (call_pk, part_at) and could not
-- follow a partition that is detached; the writer inserts a call's
-- children only with the call (docs/schema.md), and retention drops the
-- partitions of the three tables together.
--
-- Partitions: one per moscdr_partition_make() slot (database.
-- partition_days days, aligned to whole multiples of that many days since
-- 1970-01-01 UTC), named <table>_pYYYYMMDD after their first day; moscdrd
-- makes them at start and hourly, database.partition_ahead_days ahead.
-- A DEFAULT partition takes any row outside them; moscdrd moves its rows
-- into proper partitions at start (moscdr_partition_sweep()).
--
-- This migration moves every stored row into day partitions, in its one
-- transaction: it rewrites the three tables (about as long as a copy of
-- them) and blocks writers meanwhile. The views are dropped with the old
-- tables and made again from views.sql right after (grants on them must
-- be given again; docs/postgresql.md).

-- With about a hundred partitions, JIT compilation of the reporting
-- queries took longer than the queries (35 to 67 s instead of about 1 s
-- on the benchmark's database): off for this database. A role without
-- the right (not the database's owner) gets a warning and can do it by
-- hand (docs/postgresql.md).
DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
	RAISE WARNING 'moscdr: cannot turn JIT off for database %: run '
	    'ALTER DATABASE % SET jit = off as its owner', current_database(),
	    current_database();
END $$;
SET LOCAL jit = off;

ALTER TABLE call RENAME TO call_v11;
ALTER TABLE leg RENAME TO leg_v11;
ALTER TABLE mos_sample RENAME TO mos_sample_v11;
ALTER TABLE call_v11 RENAME CONSTRAINT call_call_id_node_key
    TO call_v11_call_id_node_key;
ALTER TABLE leg_v11 RENAME CONSTRAINT leg_mos_missing_check
    TO leg_v11_mos_missing_check;
ALTER INDEX call_start_time RENAME TO call_v11_start_time;
ALTER INDEX call_node_start_time RENAME TO call_v11_node_start_time;
ALTER INDEX call_received_at RENAME TO call_v11_received_at;
ALTER INDEX IF EXISTS call_retention RENAME TO call_v11_retention;

CREATE SEQUENCE call_pk_seq AS bigint;

CREATE TABLE call (
	call_pk		bigint NOT NULL DEFAULT nextval('call_pk_seq'),
	node		text NOT NULL,
	call_id		text NOT NULL,
	from_tag	text,
	to_tag		text,
	from_uri	text,
	to_uri		text,
	sip_code	integer,
	sip_reason	text,
	start_time	timestamptz,
	end_time	timestamptz,
	duration_s	double precision GENERATED ALWAYS AS
	    (round(extract(epoch FROM end_time - start_time), 3)) STORED,
	received_at	timestamptz NOT NULL,
	updated_at	timestamptz NOT NULL,
	messages	integer NOT NULL DEFAULT 1,
	extra		jsonb,
	answer_time	timestamptz,
	-- the partition key: start time, else reception, of the first message
	part_at		timestamptz NOT NULL,
	PRIMARY KEY (call_pk, part_at),
	CONSTRAINT call_call_id_node_key UNIQUE (call_id, node, part_at)
) PARTITION BY RANGE (part_at);
ALTER SEQUENCE call_pk_seq OWNED BY call.call_pk;

CREATE INDEX call_start_time ON call (start_time);
CREATE INDEX call_node_start_time ON call (node, start_time);
CREATE INDEX call_received_at ON call (received_at);
CREATE INDEX call_retention ON call ((coalesce(start_time, received_at)));

CREATE TABLE leg (
	call_pk		bigint NOT NULL,
	side		text NOT NULL CHECK (side IN ('A', 'B')),
	label		text,
	rtp_packets	bigint,
	rtp_bytes	bigint,
	rtp_errors	bigint,
	rtcp_packets	bigint,
	remote_addr	text,
	remote_port	integer,
	protocol	text,
	codec		text,
	ssrc		bigint,
	last_packet	timestamptz,
	mos_missing	text CONSTRAINT leg_mos_missing_check CHECK (mos_missing IN
	    ('no_media', 'no_rtcp', 'too_short', 'no_reply', 'unknown',
	    'peer_no_rtcp')),
	part_at		timestamptz NOT NULL,	-- its call's
	PRIMARY KEY (call_pk, side, part_at)
) PARTITION BY RANGE (part_at);

CREATE TABLE mos_sample (
	call_pk		bigint NOT NULL,
	scope		text NOT NULL CHECK (scope IN ('call', 'A', 'B')),
	kind		text NOT NULL
	    CHECK (kind IN ('average', 'min', 'max', 'progression')),
	seq		integer NOT NULL DEFAULT 0,
	mos		real,
	packetloss_pct	real,
	jitter_ms	real,
	roundtrip_us	bigint,
	roundtrip_leg_us bigint,
	samples		integer,
	at_offset_s	integer,
	reported_at	timestamptz,
	part_at		timestamptz NOT NULL,	-- its call's
	PRIMARY KEY (call_pk, scope, kind, seq, part_at)
) PARTITION BY RANGE (part_at);

CREATE TABLE call_default PARTITION OF call DEFAULT;
CREATE TABLE leg_default PARTITION OF leg DEFAULT;
CREATE TABLE mos_sample_default PARTITION OF mos_sample DEFAULT;

-- The partitions of the three tables with their ranges (the DEFAULT
-- partitions have none and are not listed), for moscdrd's maintenance
-- and for an operator.
CREATE VIEW moscdr_partition AS
SELECT p.relname::text AS parent, c.relname::text AS partition,
	b[1]::timestamptz AS lo, b[2]::timestamptz AS hi
FROM pg_inherits AS i
JOIN pg_class AS c ON c.oid = i.inhrelid
JOIN pg_class AS p ON p.oid = i.inhparent
CROSS JOIN LATERAL regexp_match(pg_get_expr(c.relpartbound, c.oid),
    $re$FROM \('([^']+)'\) TO \('([^']+)'\)$re$) AS b
WHERE i.inhparent IN ('call'::regclass, 'leg'::regclass,
    'mos_sample'::regclass) AND b IS NOT NULL;

-- Makes the partitions of call, leg and mos_sample for the slot that
-- holds at (p_days days from a multiple of p_days days since 1970), or
-- the part of it that no partition covers yet (after partition_days was
-- changed); nothing when a partition already holds at. The caller sets
-- lock_timeout: the three tables are locked, in this order (the writer's
-- order), only when a partition is made. Returns 1 when it made one.
CREATE FUNCTION moscdr_partition_make(at timestamptz, p_days integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	day0 constant date := date '1970-01-01';
	n integer := (at AT TIME ZONE 'UTC')::date - day0;
	lo timestamptz;
	hi timestamptz;
	t text;
BEGIN
	IF EXISTS (SELECT 1 FROM moscdr_partition AS m
	    WHERE m.parent = 'call' AND at >= m.lo AND at < m.hi) THEN
		RETURN 0;
	END IF;
	LOCK TABLE call, leg, mos_sample IN ACCESS EXCLUSIVE MODE;
	n := floor(n::numeric / p_days)::integer * p_days;
	lo := greatest((day0 + n)::timestamp AT TIME ZONE 'UTC',
	    (SELECT max(m.hi) FROM moscdr_partition AS m
	    WHERE m.parent = 'call' AND m.hi <= at));
	hi := least((day0 + n + p_days)::timestamp AT TIME ZONE 'UTC',
	    (SELECT min(m.lo) FROM moscdr_partition AS m
	    WHERE m.parent = 'call' AND m.lo > at));
	IF EXISTS (SELECT 1 FROM moscdr_partition AS m
	    WHERE m.parent = 'call' AND at >= m.lo AND at < m.hi) THEN
		RETURN 0;	-- made by another daemon meanwhile
	END IF;
	FOREACH t IN ARRAY ARRAY['call', 'leg', 'mos_sample'] LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF %I'
		    ' FOR VALUES FROM (%L) TO (%L)',
		    t || '_p' || to_char(lo AT TIME ZONE 'UTC', 'YYYYMMDD'), t,
		    lo, hi);
	END LOOP;
	RETURN 1;
END $$;

-- The columns of table that an INSERT may name (not the generated
-- duration_s), in order, each after prefix, for the moves below and in
-- the sweep.
CREATE FUNCTION moscdr_partition_columns(tab regclass, prefix text DEFAULT '')
RETURNS text LANGUAGE sql STABLE AS $$
	SELECT string_agg(prefix || quote_ident(attname), ', ' ORDER BY attnum)
	FROM pg_attribute
	WHERE attrelid = tab AND attnum > 0 AND NOT attisdropped
	    AND attgenerated = ''
$$;

-- Moves the rows of the DEFAULT partitions into partitions of their own
-- (made here, p_days days each): run by moscdrd at start, in a
-- transaction of its own, with lock_timeout. Returns the calls moved.
CREATE FUNCTION moscdr_partition_sweep(p_days integer)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	moved bigint;
	at timestamptz;
	t text;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM call_default) AND
	    NOT EXISTS (SELECT 1 FROM leg_default) AND
	    NOT EXISTS (SELECT 1 FROM mos_sample_default) THEN
		RETURN 0;
	END IF;
	LOCK TABLE call, leg, mos_sample IN ACCESS EXCLUSIVE MODE;
	SELECT count(*) INTO moved FROM call_default;
	FOREACH t IN ARRAY ARRAY['call', 'leg', 'mos_sample'] LOOP
		EXECUTE format('CREATE TEMP TABLE %I ON COMMIT DROP AS'
		    ' SELECT * FROM %I', 'moscdr_sweep_' || t, t || '_default');
		EXECUTE format('DELETE FROM %I', t || '_default');
	END LOOP;
	FOR at IN SELECT DISTINCT date_trunc('day', s.part_at, 'UTC')
	    FROM (SELECT part_at FROM moscdr_sweep_call UNION ALL
	    SELECT part_at FROM moscdr_sweep_leg UNION ALL
	    SELECT part_at FROM moscdr_sweep_mos_sample) AS s LOOP
		PERFORM moscdr_partition_make(at, p_days);
	END LOOP;
	FOREACH t IN ARRAY ARRAY['call', 'leg', 'mos_sample'] LOOP
		EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I', t,
		    moscdr_partition_columns(t::regclass),
		    moscdr_partition_columns(t::regclass),
		    'moscdr_sweep_' || t);
		EXECUTE format('DROP TABLE %I', 'moscdr_sweep_' || t);
	END LOOP;
	RETURN moved;
END $$;

-- The stored rows, into day partitions; the children with their call's
-- part_at by one join (a hash join over the whole tables, not a lookup
-- per row).
SELECT moscdr_partition_make(d, 1) FROM (SELECT DISTINCT
    date_trunc('day', coalesce(start_time, received_at), 'UTC') AS d
    FROM call_v11) AS days;

DO $$
DECLARE
	cols text := moscdr_partition_columns('call_v11'::regclass);
BEGIN
	EXECUTE format('INSERT INTO call (%s, part_at) SELECT %s,'
	    ' coalesce(start_time, received_at) FROM call_v11', cols, cols);
	EXECUTE format('INSERT INTO leg (%s, part_at) SELECT %s,'
	    ' coalesce(c.start_time, c.received_at) FROM leg_v11 AS l'
	    ' JOIN call_v11 AS c ON c.call_pk = l.call_pk',
	    moscdr_partition_columns('leg_v11'::regclass),
	    moscdr_partition_columns('leg_v11'::regclass, 'l.'));
	EXECUTE format('INSERT INTO mos_sample (%s, part_at) SELECT %s,'
	    ' coalesce(c.start_time, c.received_at) FROM mos_sample_v11 AS s'
	    ' JOIN call_v11 AS c ON c.call_pk = s.call_pk',
	    moscdr_partition_columns('mos_sample_v11'::regclass),
	    moscdr_partition_columns('mos_sample_v11'::regclass, 's.'));
END $$;
SELECT setval('call_pk_seq', coalesce(max(call_pk), 0) + 1, false)
    FROM call;

DROP TABLE mos_sample_v11, leg_v11, call_v11 CASCADE;

-- The views went with the old tables: views.sql is applied again.
DO $$
BEGIN
	IF to_regclass('moscdr_views') IS NOT NULL THEN
		DELETE FROM moscdr_views;
	END IF;
END $$;
