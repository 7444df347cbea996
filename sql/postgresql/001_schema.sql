-- 001_schema.sql: the tables and indexes of the moscdr PostgreSQL schema.
--
-- The same tables, keys and meanings as sql/sqlite/001_schema.sql, in
-- PostgreSQL types: times are timestamptz (UTC instants), ids bigint, MOS,
-- loss and jitter real, unknown keys jsonb. Unknown values are NULL, never 0.
--
-- Merge rule (in store_pg.c, the same for every table): a later message
-- for the same key fills in what was NULL and replaces what it carries,
-- but a NULL it carries never erases a known value; received_at keeps the
-- earliest, messages counts the merged messages, extra is patched (||).
--
-- Every row of a call carries its call_pk, so a call and its legs and
-- samples can be moved, partitioned or distributed together by call_pk.
--
-- moscdrd records the version itself (store_pg.c), in the same transaction
-- that runs this file; the table is created there too, before this file.

CREATE TABLE IF NOT EXISTS moscdr_schema_version (
	version		integer PRIMARY KEY,
	applied_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE call (
	call_pk		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
	-- Seconds, to the millisecond; NULL unless both times are known.
	duration_s	double precision GENERATED ALWAYS AS
	    (round(extract(epoch FROM end_time - start_time), 3)) STORED,
	received_at	timestamptz NOT NULL,	-- first message; merge keeps the earliest
	updated_at	timestamptz NOT NULL,	-- last message merged
	messages	integer NOT NULL DEFAULT 1,
	extra		jsonb,			-- object of unknown keys
	-- call_id first, so lookups by call_id alone use this index too.
	CONSTRAINT call_call_id_node_key UNIQUE (call_id, node)
);

CREATE INDEX call_start_time ON call (start_time);
CREATE INDEX call_node_start_time ON call (node, start_time);
CREATE INDEX call_received_at ON call (received_at);

CREATE TABLE leg (
	call_pk		bigint NOT NULL REFERENCES call (call_pk) ON DELETE CASCADE,
	side		text NOT NULL CHECK (side IN ('A', 'B')),
	label		text,
	PRIMARY KEY (call_pk, side)
);

CREATE TABLE mos_sample (
	call_pk		bigint NOT NULL REFERENCES call (call_pk) ON DELETE CASCADE,
	scope		text NOT NULL CHECK (scope IN ('call', 'A', 'B')),
	kind		text NOT NULL
	    CHECK (kind IN ('average', 'min', 'max', 'progression')),
	seq		integer NOT NULL DEFAULT 0,	-- 0 unless progression
	mos		real,		-- 1.0 .. 5.0
	packetloss_pct	real,		-- percent
	jitter_ms	real,		-- milliseconds
	roundtrip_us	bigint,		-- microseconds, end to end
	roundtrip_leg_us bigint,	-- microseconds, rtpengine to the reporter
	samples		integer,	-- RTCP reports that carried a MOS
	at_offset_s	integer,	-- seconds since rtpengine created the call
	reported_at	timestamptz,	-- progression: when rtpengine took it
	PRIMARY KEY (call_pk, scope, kind, seq)
);
