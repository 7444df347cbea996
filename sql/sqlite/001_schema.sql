-- 001_schema.sql: the tables and indexes of the moscdr SQLite schema.
--
-- Times are TEXT in ISO-8601 UTC with milliseconds, 'YYYY-MM-DDTHH:MM:SS.sssZ',
-- so they sort, compare and group correctly as text and SQLite's date and
-- time functions read them. Unknown values are NULL, never 0.
--
-- Merge rule (in store_sqlite.c, the same for every table): a later
-- message for the same key fills in what was NULL and replaces what it
-- carries, but a NULL it carries never erases a known value.
--
-- The children key on the integer call_pk rather than on (node, call_id):
-- the text key is stored once, in call, which halves the bytes written
-- per message and keeps the insert rate up as the file grows.
--
-- side, scope and kind take only the values in the comments; the writer
-- binds them from fixed tables. They are not CHECK constraints because,
-- measured, CHECKs on these upserted tables halved the insert rate.

CREATE TABLE IF NOT EXISTS moscdr_schema_version (
	version		INTEGER PRIMARY KEY,
	applied_at	TEXT NOT NULL
);

CREATE TABLE call (
	call_pk		INTEGER PRIMARY KEY,	-- rowid
	node		TEXT NOT NULL,
	call_id		TEXT NOT NULL,
	from_tag	TEXT,
	to_tag		TEXT,
	from_uri	TEXT,
	to_uri		TEXT,
	sip_code	INTEGER,
	sip_reason	TEXT,
	start_time	TEXT,
	end_time	TEXT,
	-- Seconds, to the millisecond; NULL unless both times are known.
	-- Virtual: computed when read, so it costs nothing on insert.
	duration_s	REAL GENERATED ALWAYS AS
	    (round((julianday(end_time) - julianday(start_time)) * 86400.0, 3))
	    VIRTUAL,
	received_at	TEXT NOT NULL,		-- first message; merge keeps the earliest
	updated_at	TEXT NOT NULL,		-- last message merged
	messages	INTEGER NOT NULL DEFAULT 1,
	extra		TEXT,			-- JSON object of unknown keys
	-- call_id first, so lookups by call_id alone use this index too.
	UNIQUE (call_id, node)
);

CREATE INDEX call_start_time ON call (start_time);
CREATE INDEX call_node_start_time ON call (node, start_time);
CREATE INDEX call_received_at ON call (received_at);

CREATE TABLE leg (
	call_pk		INTEGER NOT NULL REFERENCES call (call_pk) ON DELETE CASCADE,
	side		TEXT NOT NULL,		-- 'A' or 'B'
	label		TEXT,
	PRIMARY KEY (call_pk, side)
) WITHOUT ROWID;

CREATE TABLE mos_sample (
	call_pk		INTEGER NOT NULL REFERENCES call (call_pk) ON DELETE CASCADE,
	scope		TEXT NOT NULL,		-- 'call', 'A' or 'B'
	kind		TEXT NOT NULL,		-- 'average', 'min', 'max', 'progression'
	seq		INTEGER NOT NULL DEFAULT 0,	-- 0 unless progression
	mos		REAL,		-- 1.0 .. 5.0
	packetloss_pct	REAL,		-- percent
	jitter_ms	REAL,		-- milliseconds
	roundtrip_us	INTEGER,	-- microseconds, end to end
	roundtrip_leg_us INTEGER,	-- microseconds, rtpengine to the reporter
	samples		INTEGER,	-- RTCP reports that carried a MOS
	at_offset_s	INTEGER,	-- seconds since rtpengine created the call
	reported_at	TEXT,		-- progression: when rtpengine took it
	PRIMARY KEY (call_pk, scope, kind, seq)
) WITHOUT ROWID;
