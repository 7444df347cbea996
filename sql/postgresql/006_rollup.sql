-- 006_rollup.sql: hourly rollups per node and side, kept exact by the
-- writer, so that day- and hour-level questions read a few hundred rows
-- instead of every call (docs/schema.md, "Rollups").
--
-- What a call adds to the rollups is defined once, in the SQL of the
-- writer (src/store_pg_sql.h): the writer keeps the tables equal to the sum
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
	hour		timestamptz NOT NULL,	-- start of the UTC hour
	node		text NOT NULL,
	side		text NOT NULL CHECK (side IN ('call', 'A', 'B')),
	calls		bigint NOT NULL,	-- calls of the hour and node
	calls_with_mos	bigint NOT NULL,	-- of which with a MOS (of the side)
	mos_calls	bigint NOT NULL,	-- of which with an average MOS
	mos_sum		float8 NOT NULL,		-- sum of those averages
	band_very_satisfied bigint NOT NULL,	-- of which in each G.107 band
	band_satisfied	bigint NOT NULL,
	band_some_dissatisfied bigint NOT NULL,
	band_many_dissatisfied bigint NOT NULL,
	band_nearly_all_dissatisfied bigint NOT NULL,
	band_not_recommended bigint NOT NULL,
	loss_calls	bigint NOT NULL,	-- with an average packet loss
	loss_sum	float8 NOT NULL,		-- its sum, percent
	jitter_calls	bigint NOT NULL,	-- with an average jitter
	jitter_sum	float8 NOT NULL,		-- its sum, ms
	no_mos_no_media	bigint NOT NULL,	-- without MOS, by reason
	no_mos_no_rtcp	bigint NOT NULL,
	no_mos_too_short bigint NOT NULL,
	no_mos_no_reply	bigint NOT NULL,
	no_mos_unknown	bigint NOT NULL,
	no_mos_peer_no_rtcp bigint NOT NULL,
	talk_calls	bigint NOT NULL,	-- 'call' rows: with a known talk time
	talk_s		float8 NOT NULL,		-- their talk seconds
	ringing_calls	bigint NOT NULL,	-- 'call' rows: with a known ringing time
	ringing_s	float8 NOT NULL,	-- their ringing seconds
	a_worse		bigint NOT NULL,	-- 'call' rows: side A's average below B's
	b_worse		bigint NOT NULL,	-- and the other way round
	PRIMARY KEY (hour, node, side)
);

-- The exact distribution: how many calls of the hour, node and side had
-- that average MOS (kind 'average'), and for side 'call' that minimum MOS
-- (kind 'min'). rtpengine's MOS comes in steps of 0.1, so there are at
-- most 41 values per kind.
CREATE TABLE rollup_mos (
	hour		timestamptz NOT NULL,
	node		text NOT NULL,
	side		text NOT NULL,
	kind		text NOT NULL,	-- 'average' or 'min'
	mos		real NOT NULL,
	calls		bigint NOT NULL,
	-- node, side, kind first: a group's values, or a day's hours of one
	-- node and side, are one range of the key.
	PRIMARY KEY (node, side, kind, hour, mos)
);
