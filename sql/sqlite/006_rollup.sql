-- 006_rollup.sql: hourly rollups per node and side, kept exact by the
-- writer, so that day- and hour-level questions read a few hundred rows
-- instead of every call (docs/schema.md, "Rollups").
--
-- What a call adds to the rollups is defined once, in the SQL of the
-- writer (src/store_sqlite_sql.h): the writer keeps the tables equal to the sum
-- of the contributions of all stored calls: in the batch's transaction,
-- before the batch's upserts it subtracts the current contribution of
-- every call the batch touches, after them it adds the new one
-- (set-based: a few statements per batch). A call changed by a later
-- message therefore moves from its old figures to its new ones, also to
-- another hour when its start time becomes known. When this migration
-- runs, moscdrd then fills the tables from the calls already stored, in
-- the same transaction, with those very statements.
-- Retention does NOT subtract: the rollups keep the history of calls
-- whose rows were deleted (see docs/schema.md).
--
-- A row whose calls went back to 0 (its only call moved to another hour
-- or bucket) may stay; every reader ignores rows with calls = 0.

CREATE TABLE rollup_hour (
	hour		TEXT NOT NULL,	-- 'YYYY-MM-DDTHH:00:00.000Z' (UTC)
	node		TEXT NOT NULL,
	side		TEXT NOT NULL,	-- 'call', 'A' or 'B'
	calls		INTEGER NOT NULL,	-- calls of the hour and node
	calls_with_mos	INTEGER NOT NULL,	-- of which with a MOS (of the side)
	mos_calls	INTEGER NOT NULL,	-- of which with an average MOS
	mos_sum		REAL NOT NULL,		-- sum of those averages
	band_very_satisfied INTEGER NOT NULL,	-- of which in each G.107 band
	band_satisfied	INTEGER NOT NULL,
	band_some_dissatisfied INTEGER NOT NULL,
	band_many_dissatisfied INTEGER NOT NULL,
	band_nearly_all_dissatisfied INTEGER NOT NULL,
	band_not_recommended INTEGER NOT NULL,
	loss_calls	INTEGER NOT NULL,	-- with an average packet loss
	loss_sum	REAL NOT NULL,		-- its sum, percent
	jitter_calls	INTEGER NOT NULL,	-- with an average jitter
	jitter_sum	REAL NOT NULL,		-- its sum, ms
	no_mos_no_media	INTEGER NOT NULL,	-- without MOS, by reason
	no_mos_no_rtcp	INTEGER NOT NULL,
	no_mos_too_short INTEGER NOT NULL,
	no_mos_no_reply	INTEGER NOT NULL,
	no_mos_unknown	INTEGER NOT NULL,
	no_mos_peer_no_rtcp INTEGER NOT NULL,
	talk_calls	INTEGER NOT NULL,	-- 'call' rows: with a known talk time
	talk_s		REAL NOT NULL,		-- their talk seconds
	ringing_calls	INTEGER NOT NULL,	-- 'call' rows: with a known ringing time
	ringing_s	REAL NOT NULL,		-- their ringing seconds
	a_worse		INTEGER NOT NULL,	-- 'call' rows: side A's average below B's
	b_worse		INTEGER NOT NULL,	-- and the other way round
	PRIMARY KEY (hour, node, side)
) WITHOUT ROWID;

-- The exact distribution: how many calls of the hour, node and side had
-- that average MOS (kind 'average'), and for side 'call' that minimum MOS
-- (kind 'min'). rtpengine's MOS comes in steps of 0.1, so there are at
-- most 41 values per kind.
CREATE TABLE rollup_mos (
	hour		TEXT NOT NULL,
	node		TEXT NOT NULL,
	side		TEXT NOT NULL,
	kind		TEXT NOT NULL,	-- 'average' or 'min'
	mos		REAL NOT NULL,
	calls		INTEGER NOT NULL,
	-- node, side, kind first: a group's values, or a day's hours of one
	-- node and side, are one range of the key.
	PRIMARY KEY (node, side, kind, hour, mos)
) WITHOUT ROWID;
