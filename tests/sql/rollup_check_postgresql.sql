-- rollup_check_postgresql.sql: the rollups (rollup_hour, rollup_mos) against
-- the same aggregates computed from the rows through the reporting views,
-- without moscdr_rollup_contrib. Returns one row per difference (none
-- when the rollups are exact): what, hour, node, side, rollup, rows.
-- Hours before :since (a timestamptz literal; '-infinity' for all) are left out: retention
-- deletes rows, never rollups. Run by tests/integration/test_rollup.py
-- and by make bench.
WITH calls AS (
	SELECT
		date_trunc('hour', coalesce(v.start_time, v.received_at), 'UTC')
		    AS hour,
		v.*
	FROM v_call_quality AS v
	WHERE coalesce(v.start_time, v.received_at) >= :since::timestamptz
),
sides AS (
	SELECT hour, node, 'call' AS side, mos_average AS m, mos_min AS n,
		packetloss_pct_average AS loss, jitter_ms_average AS jit,
		has_mos::int AS w,
		(NOT has_mos AND 'no_media' IN (coalesce(a_mos_missing, ''),
		    coalesce(b_mos_missing, '')))::int AS r1,
		(NOT has_mos AND 'no_rtcp' IN (coalesce(a_mos_missing, ''),
		    coalesce(b_mos_missing, '')))::int AS r2,
		(NOT has_mos AND 'too_short' IN (coalesce(a_mos_missing, ''),
		    coalesce(b_mos_missing, '')))::int AS r3,
		(NOT has_mos AND 'no_reply' IN (coalesce(a_mos_missing, ''),
		    coalesce(b_mos_missing, '')))::int AS r4,
		(NOT has_mos AND 'unknown' IN (coalesce(a_mos_missing, ''),
		    coalesce(b_mos_missing, '')))::int AS r5,
		(NOT has_mos AND 'peer_no_rtcp' IN (coalesce(a_mos_missing, ''),
		    coalesce(b_mos_missing, '')))::int AS r6,
		talk_s AS talk, ringing_s AS ring,
		coalesce((a_mos_average < b_mos_average)::int, 0) AS aw,
		coalesce((b_mos_average < a_mos_average)::int, 0) AS bw
	FROM calls
	UNION ALL
	SELECT hour, node, 'A', a_mos_average, a_mos_min,
		a_packetloss_pct_average, a_jitter_ms_average,
		EXISTS (SELECT 1 FROM mos_sample AS p WHERE p.call_pk = calls.call_pk
		    AND p.scope = 'A' AND p.mos IS NOT NULL)::int,
		(a_mos_missing IS NOT DISTINCT FROM 'no_media')::int, (a_mos_missing IS NOT DISTINCT FROM 'no_rtcp')::int,
		(a_mos_missing IS NOT DISTINCT FROM 'too_short')::int, (a_mos_missing IS NOT DISTINCT FROM 'no_reply')::int,
		(a_mos_missing IS NOT DISTINCT FROM 'unknown')::int,
		(a_mos_missing IS NOT DISTINCT FROM 'peer_no_rtcp')::int,
		NULL::float8, NULL::float8, 0, 0
	FROM calls
	UNION ALL
	SELECT hour, node, 'B', b_mos_average, b_mos_min,
		b_packetloss_pct_average, b_jitter_ms_average,
		EXISTS (SELECT 1 FROM mos_sample AS p WHERE p.call_pk = calls.call_pk
		    AND p.scope = 'B' AND p.mos IS NOT NULL)::int,
		(b_mos_missing IS NOT DISTINCT FROM 'no_media')::int, (b_mos_missing IS NOT DISTINCT FROM 'no_rtcp')::int,
		(b_mos_missing IS NOT DISTINCT FROM 'too_short')::int, (b_mos_missing IS NOT DISTINCT FROM 'no_reply')::int,
		(b_mos_missing IS NOT DISTINCT FROM 'unknown')::int,
		(b_mos_missing IS NOT DISTINCT FROM 'peer_no_rtcp')::int,
		NULL::float8, NULL::float8, 0, 0
	FROM calls
),
want AS (
	SELECT hour, node, side, count(*) AS calls, sum(w) AS calls_with_mos,
		count(m) AS mos_calls, coalesce(sum(m::float8), 0) AS mos_sum,
		coalesce(sum(CASE WHEN m >= 4.34::real THEN 1 END), 0) AS b1,
		coalesce(sum(CASE WHEN m >= 4.03::real AND m < 4.34::real THEN 1 END), 0) AS b2,
		coalesce(sum(CASE WHEN m >= 3.60::real AND m < 4.03::real THEN 1 END), 0) AS b3,
		coalesce(sum(CASE WHEN m >= 3.10::real AND m < 3.60::real THEN 1 END), 0) AS b4,
		coalesce(sum(CASE WHEN m >= 2.58::real AND m < 3.10::real THEN 1 END), 0) AS b5,
		coalesce(sum(CASE WHEN m < 2.58::real THEN 1 END), 0) AS b6,
		count(loss) AS loss_calls, coalesce(sum(loss::float8), 0) AS loss_sum,
		count(jit) AS jitter_calls, coalesce(sum(jit::float8), 0) AS jitter_sum,
		sum(r1) AS r1, sum(r2) AS r2, sum(r3) AS r3, sum(r4) AS r4,
		sum(r5) AS r5, sum(r6) AS r6, count(talk) AS talk_calls,
		coalesce(sum(talk), 0) AS talk_s, count(ring) AS ringing_calls,
		coalesce(sum(ring), 0) AS ringing_s,
		sum(aw) AS aw, sum(bw) AS bw
	FROM sides GROUP BY hour, node, side
),
got AS (
	SELECT * FROM rollup_hour WHERE calls <> 0 AND hour >= date_trunc('hour', :since::timestamptz, 'UTC')
),
keys AS (
	SELECT hour, node, side FROM want UNION SELECT hour, node, side FROM got
),
cmp AS (
	SELECT k.hour, k.node, k.side,
		g.calls AS g_calls, w.calls AS w_calls,
		'|' || g.calls_with_mos || '|' || g.mos_calls || '|' ||
		    g.band_very_satisfied || '|' || g.band_satisfied || '|' ||
		    g.band_some_dissatisfied || '|' || g.band_many_dissatisfied ||
		    '|' || g.band_nearly_all_dissatisfied || '|' ||
		    g.band_not_recommended || '|' ||
		    g.loss_calls || '|' || g.jitter_calls || '|' ||
		    g.no_mos_no_media || '|' || g.no_mos_no_rtcp || '|' ||
		    g.no_mos_too_short || '|' || g.no_mos_no_reply || '|' ||
		    g.no_mos_unknown || '|' || g.no_mos_peer_no_rtcp || '|' ||
		    g.talk_calls || '|' || g.ringing_calls || '|' ||
		    g.a_worse || '|' || g.b_worse AS g_counts,
		'|' || w.calls_with_mos || '|' || w.mos_calls || '|' ||
		    w.b1 || '|' || w.b2 || '|' || w.b3 || '|' || w.b4 || '|' ||
		    w.b5 || '|' || w.b6 || '|' ||
		    w.loss_calls || '|' || w.jitter_calls || '|' || w.r1 || '|' ||
		    w.r2 || '|' || w.r3 || '|' || w.r4 || '|' || w.r5 || '|' ||
		    w.r6 || '|' || w.talk_calls || '|' || w.ringing_calls || '|' ||
		    w.aw || '|' || w.bw AS w_counts,
		g.mos_sum AS g1, w.mos_sum AS w1, g.loss_sum AS g2,
		w.loss_sum AS w2, g.jitter_sum AS g3, w.jitter_sum AS w3,
		g.talk_s AS g4, w.talk_s AS w4, g.ringing_s AS g5,
		w.ringing_s AS w5
	FROM keys AS k
	LEFT JOIN got AS g USING (hour, node, side)
	LEFT JOIN want AS w USING (hour, node, side)
),
hist_want AS (
	SELECT hour, node, side, 'average' AS kind, m AS mos, count(*) AS calls
	FROM sides WHERE m IS NOT NULL GROUP BY 1, 2, 3, 4, 5
	UNION ALL
	SELECT hour, node, side, 'min', n, count(*)
	FROM sides WHERE n IS NOT NULL AND side = 'call' GROUP BY 1, 2, 3, 4, 5
),
hist_got AS (
	SELECT hour, node, side, kind, mos, calls FROM rollup_mos
	WHERE calls <> 0 AND hour >= date_trunc('hour', :since::timestamptz, 'UTC')
),
hist_keys AS (
	SELECT hour, node, side, kind, mos FROM hist_want
	UNION SELECT hour, node, side, kind, mos FROM hist_got
)
SELECT 'rollup_hour' AS what, hour, node, side,
	concat_ws(' ', g_calls || g_counts, g1, g2, g3, g4, g5) AS rollup,
	concat_ws(' ', w_calls || w_counts, w1, w2, w3, w4, w5) AS rows
FROM cmp
WHERE g_calls IS DISTINCT FROM w_calls OR g_counts IS DISTINCT FROM w_counts
    OR abs(g1 - w1) > 1e-6 * (1 + abs(w1)) OR abs(g2 - w2) > 1e-6 * (1 + abs(w2))
    OR abs(g3 - w3) > 1e-6 * (1 + abs(w3)) OR abs(g4 - w4) > 1e-6 * (1 + abs(w4))
    OR abs(g5 - w5) > 1e-6 * (1 + abs(w5))
UNION ALL
SELECT 'rollup_mos ' || k.kind || ' ' || k.mos::text, k.hour, k.node, k.side,
	g.calls::text, w.calls::text
FROM hist_keys AS k
LEFT JOIN hist_got AS g USING (hour, node, side, kind, mos)
LEFT JOIN hist_want AS w USING (hour, node, side, kind, mos)
WHERE g.calls IS DISTINCT FROM w.calls
ORDER BY 1, 2, 3, 4;
