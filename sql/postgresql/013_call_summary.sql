-- 013_call_summary.sql: the per-call figures the per-call questions
-- filter and sort on, stored on the call row, and their indexes.
--
-- v_call_quality computed these from the call's mos_sample rows for
-- every call a query read, so "the worst calls of the day" or "calls
-- without MOS in the last 24 hours" read every call of the period and
-- nine samples each (hundreds of ms at 300 k calls, seconds over 30
-- days). Now the view reads them from here and the indexes below find
-- the calls asked for. The writer keeps them equal to the values
-- computed from the rows, in the batch's transaction, in the statement
-- that adds the batch's calls to the rollups (store_pg_sql.h,
-- STORE_PG_ROLLUP_IN), so a later message that changes a call's samples
-- changes them too. NULL when not known (a call without that sample),
-- never 0; has_mos is true or false. The same columns as SQLite's 013:
--
--   mos_average		the call's average MOS (mos_sample call/average)
--   mos_worst			the lowest known average or minimum MOS of the
--				call and of both sides (v_call_quality.mos_worst)
--   has_mos			any MOS of the call is known, progression points
--				included (v_call_quality.has_mos)
--   packetloss_pct_average	average packet loss of the call, side A, side B
--   a_packetloss_pct_average	(the average samples' packetloss_pct)
--   b_packetloss_pct_average
--
-- Plain ALTER TABLE, UPDATE and CREATE INDEX: they work the same on the
-- tables partitioned by time of migration 012 (the indexes are created on
-- each partition); the backfill finds a call's samples by their whole
-- key, part_at included, so each lookup probes one partition.

ALTER TABLE call
	ADD COLUMN mos_average real,
	ADD COLUMN mos_worst real,
	ADD COLUMN has_mos boolean,
	ADD COLUMN packetloss_pct_average real,
	ADD COLUMN a_packetloss_pct_average real,
	ADD COLUMN b_packetloss_pct_average real;

-- The backfill: the same rule as the writer's, from the stored rows, in
-- the migration transaction. tests/bench/run.sh runs this statement
-- (between the two marker lines) on its generated calls.
-- backfill begin
UPDATE call SET
	mos_average = (SELECT s.mos FROM mos_sample AS s
	    WHERE s.call_pk = call.call_pk AND s.part_at = call.part_at AND s.scope = 'call'
	    AND s.kind = 'average' AND s.seq = 0),
	mos_worst = (SELECT min(s.mos) FROM mos_sample AS s
	    WHERE s.call_pk = call.call_pk AND s.part_at = call.part_at AND s.kind IN ('average', 'min')
	    AND s.seq = 0),
	has_mos = EXISTS (SELECT 1 FROM mos_sample AS s
	    WHERE s.call_pk = call.call_pk AND s.part_at = call.part_at AND s.mos IS NOT NULL),
	packetloss_pct_average = (SELECT s.packetloss_pct FROM mos_sample AS s
	    WHERE s.call_pk = call.call_pk AND s.part_at = call.part_at AND s.scope = 'call'
	    AND s.kind = 'average' AND s.seq = 0),
	a_packetloss_pct_average = (SELECT s.packetloss_pct
	    FROM mos_sample AS s WHERE s.call_pk = call.call_pk AND s.part_at = call.part_at
	    AND s.scope = 'A' AND s.kind = 'average' AND s.seq = 0),
	b_packetloss_pct_average = (SELECT s.packetloss_pct
	    FROM mos_sample AS s WHERE s.call_pk = call.call_pk AND s.part_at = call.part_at
	    AND s.scope = 'B' AND s.kind = 'average' AND s.seq = 0);
-- backfill end

-- The indexes of the per-call questions (docs/schema.md), after the
-- backfill so that each is built once: the calls without MOS by start
-- time, then Call-ID, with the other columns SQL example 4 lists (it
-- returns 10 % of a day's calls on the benchmark's data; from the index,
-- in its order, they need no sort and, once vacuumed, no heap reads:
-- an index-only scan, which through v_call_quality also wants call_pk,
-- and part_at, the key of the view's joins, and has_mos:
-- 0.3 ms instead of 3.8 ms for 988 calls at 300 k);
-- the calls in order of mos_worst, then call_id
-- (the worst calls of a period: example 5, the dashboard's table,
-- v_poor_calls); the calls with more than 5 % average loss, of the call
-- or a side, by start time (example 8, its condition word for word).
CREATE INDEX call_no_mos ON call (start_time, call_id)
    INCLUDE (node, sip_code, duration_s, call_pk, part_at, has_mos)
    WHERE NOT has_mos;
CREATE INDEX call_worst ON call (mos_worst, call_id, start_time)
    WHERE mos_worst IS NOT NULL;
CREATE INDEX call_loss ON call (start_time)
    WHERE packetloss_pct_average > 5 OR a_packetloss_pct_average > 5
    OR b_packetloss_pct_average > 5;
