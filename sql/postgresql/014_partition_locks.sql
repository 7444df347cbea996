-- 014_partition_locks.sql: partition maintenance locks the three parent
-- tables only, not every partition.
--
-- moscdr_partition_make() and moscdr_partition_sweep() of migration 012
-- took LOCK TABLE call, leg, mos_sample, which PostgreSQL applies to each
-- table and to every one of its partitions. A partition being vacuumed
-- (autovacuum holds SHARE UPDATE EXCLUSIVE on it) then held the lock up
-- for PostgreSQL's deadlock_timeout (1 s by default) before autovacuum was
-- cancelled, and the next worker on the next partition did the same: at
-- 100 M samples, with autovacuum working through the partitions, one lock
-- took 16 to 24 s while every writer waited behind it (docs/benchmark.md,
-- "Partitions"). An anti-wraparound vacuum, which is never cancelled, on
-- any partition made the lock fail by lock_timeout until it finished.
--
-- Every reader and writer reaches a partition through its parent (the
-- daemon, the views, the rollups), so an ACCESS EXCLUSIVE lock on the
-- three parents alone, in the writer's order, keeps them all out while a
-- partition is made, moved into or dropped; CREATE TABLE ... PARTITION OF
-- and DETACH PARTITION then lock the partitions they change (and the
-- DEFAULT one) themselves. moscdr_partition_lock() is that lock, for the
-- two functions below and for retention (store_pg_part.c); they are
-- otherwise those of 012.

CREATE FUNCTION moscdr_partition_lock()
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	LOCK TABLE ONLY call, ONLY leg, ONLY mos_sample
	    IN ACCESS EXCLUSIVE MODE;
END $$;

CREATE OR REPLACE FUNCTION moscdr_partition_make(at timestamptz, p_days integer)
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
	PERFORM moscdr_partition_lock();
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

CREATE OR REPLACE FUNCTION moscdr_partition_sweep(p_days integer)
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
	PERFORM moscdr_partition_lock();
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
