-- rollup_check.sql: the rollups (rollup_hour, rollup_mos) against the
-- same aggregates computed from the rows through the reporting views,
-- without moscdr_rollup_contrib, and each call's stored figures
-- (migration 013: mos_average, mos_worst, has_mos, the three average
-- losses, which v_call_quality reads from the call row) against the
-- same figures computed from its mos_sample rows (what 'call <Call-ID>',
-- side 'call'). Returns one row per difference (none when the rollups
-- and the figures are exact): what, hour, node, side, rollup (or
-- stored), rows. The rollups are compared with the values from the
-- rows, not with the stored ones, so that neither hides the other.
-- Hours before the time given (every hour when none) are left out:
-- retention deletes rows, never rollups. Run by
-- tests/integration/test_rollup.py and by make bench.
--
-- One text for SQLite and PostgreSQL: booleans become 0/1 by CASE, casts
-- are CAST(... AS ...), NULL-safe comparisons IS [NOT] DISTINCT FROM
-- (SQLite 3.39 and later). The three words in braces differ and are
-- filled in per back end by check_sql() in tests/integration/
-- test_rollup.py (`test_rollup.py DRIVER [SINCE]` prints the query for
-- sqlite3 or psql): hour, the UTC hour of the call's time as the rollups'
-- hour column holds it; since, the first time checked; since_hour, the
-- hour of that time, likewise.
-- The figures from the samples: one pass over mos_sample grouped by
-- call (a lookup per call and figure would probe every partition on
-- PostgreSQL, where the call's part_at is not in the view); a call
-- without samples has none (NULL, and 0 for the "any" flags).
WITH x AS (
	SELECT call_pk,
		max(CASE WHEN scope = 'call' AND kind = 'average' AND seq = 0
		    THEN mos END) AS x_mos_average,
		min(CASE WHEN seq = 0 AND kind IN ('average', 'min')
		    THEN mos END) AS x_mos_worst,
		max(CASE WHEN mos IS NOT NULL THEN 1 ELSE 0 END) AS x_any,
		max(CASE WHEN scope = 'A' AND mos IS NOT NULL THEN 1 ELSE 0 END)
		    AS x_a_any,
		max(CASE WHEN scope = 'B' AND mos IS NOT NULL THEN 1 ELSE 0 END)
		    AS x_b_any,
		max(CASE WHEN scope = 'call' AND kind = 'average' AND seq = 0
		    THEN packetloss_pct END) AS x_loss,
		max(CASE WHEN scope = 'A' AND kind = 'average' AND seq = 0
		    THEN packetloss_pct END) AS x_a_loss,
		max(CASE WHEN scope = 'B' AND kind = 'average' AND seq = 0
		    THEN packetloss_pct END) AS x_b_loss
	FROM mos_sample GROUP BY call_pk
),
calls AS (
	SELECT {hour} AS hour, v.*, x.x_mos_average, x.x_mos_worst,
		coalesce(x.x_any, 0) AS x_any, coalesce(x.x_a_any, 0) AS x_a_any,
		coalesce(x.x_b_any, 0) AS x_b_any, x.x_loss, x.x_a_loss,
		x.x_b_loss
	FROM v_call_quality AS v
	LEFT JOIN x ON x.call_pk = v.call_pk
	WHERE coalesce(v.start_time, v.received_at) >= {since}
),
sides AS (
	SELECT hour, node, 'call' AS side, x_mos_average AS m, mos_min AS n,
		x_loss AS loss, jitter_ms_average AS jit, x_any AS w,
		CASE WHEN x_any = 0 AND 'no_media' IN (
		    coalesce(a_mos_missing, ''), coalesce(b_mos_missing, ''))
		    THEN 1 ELSE 0 END AS r1,
		CASE WHEN x_any = 0 AND 'no_rtcp' IN (
		    coalesce(a_mos_missing, ''), coalesce(b_mos_missing, ''))
		    THEN 1 ELSE 0 END AS r2,
		CASE WHEN x_any = 0 AND 'too_short' IN (
		    coalesce(a_mos_missing, ''), coalesce(b_mos_missing, ''))
		    THEN 1 ELSE 0 END AS r3,
		CASE WHEN x_any = 0 AND 'no_reply' IN (
		    coalesce(a_mos_missing, ''), coalesce(b_mos_missing, ''))
		    THEN 1 ELSE 0 END AS r4,
		CASE WHEN x_any = 0 AND 'unknown' IN (
		    coalesce(a_mos_missing, ''), coalesce(b_mos_missing, ''))
		    THEN 1 ELSE 0 END AS r5,
		CASE WHEN x_any = 0 AND 'peer_no_rtcp' IN (
		    coalesce(a_mos_missing, ''), coalesce(b_mos_missing, ''))
		    THEN 1 ELSE 0 END AS r6,
		talk_s AS talk, ringing_s AS ring,
		CASE WHEN a_mos_average < b_mos_average THEN 1 ELSE 0 END AS aw,
		CASE WHEN b_mos_average < a_mos_average THEN 1 ELSE 0 END AS bw
	FROM calls
	UNION ALL
	SELECT hour, node, 'A', a_mos_average, a_mos_min,
		x_a_loss, a_jitter_ms_average,
		x_a_any,
		CASE WHEN a_mos_missing = 'no_media' THEN 1 ELSE 0 END,
		CASE WHEN a_mos_missing = 'no_rtcp' THEN 1 ELSE 0 END,
		CASE WHEN a_mos_missing = 'too_short' THEN 1 ELSE 0 END,
		CASE WHEN a_mos_missing = 'no_reply' THEN 1 ELSE 0 END,
		CASE WHEN a_mos_missing = 'unknown' THEN 1 ELSE 0 END,
		CASE WHEN a_mos_missing = 'peer_no_rtcp' THEN 1 ELSE 0 END,
		CAST(NULL AS double precision), CAST(NULL AS double precision),
		0, 0
	FROM calls
	UNION ALL
	SELECT hour, node, 'B', b_mos_average, b_mos_min,
		x_b_loss, b_jitter_ms_average,
		x_b_any,
		CASE WHEN b_mos_missing = 'no_media' THEN 1 ELSE 0 END,
		CASE WHEN b_mos_missing = 'no_rtcp' THEN 1 ELSE 0 END,
		CASE WHEN b_mos_missing = 'too_short' THEN 1 ELSE 0 END,
		CASE WHEN b_mos_missing = 'no_reply' THEN 1 ELSE 0 END,
		CASE WHEN b_mos_missing = 'unknown' THEN 1 ELSE 0 END,
		CASE WHEN b_mos_missing = 'peer_no_rtcp' THEN 1 ELSE 0 END,
		CAST(NULL AS double precision), CAST(NULL AS double precision),
		0, 0
	FROM calls
),
-- the band edges as the rollups compare them: REAL (float4 on
-- PostgreSQL, where the MOS columns are real; a double on SQLite)
want AS (
	SELECT hour, node, side, count(*) AS calls, sum(w) AS calls_with_mos,
		count(m) AS mos_calls,
		coalesce(sum(CAST(m AS double precision)), 0) AS mos_sum,
		sum(CASE WHEN m >= CAST(4.34 AS real) THEN 1 ELSE 0 END) AS b1,
		sum(CASE WHEN m >= CAST(4.03 AS real) AND m < CAST(4.34 AS real)
		    THEN 1 ELSE 0 END) AS b2,
		sum(CASE WHEN m >= CAST(3.60 AS real) AND m < CAST(4.03 AS real)
		    THEN 1 ELSE 0 END) AS b3,
		sum(CASE WHEN m >= CAST(3.10 AS real) AND m < CAST(3.60 AS real)
		    THEN 1 ELSE 0 END) AS b4,
		sum(CASE WHEN m >= CAST(2.58 AS real) AND m < CAST(3.10 AS real)
		    THEN 1 ELSE 0 END) AS b5,
		sum(CASE WHEN m < CAST(2.58 AS real) THEN 1 ELSE 0 END) AS b6,
		count(loss) AS loss_calls,
		coalesce(sum(CAST(loss AS double precision)), 0) AS loss_sum,
		count(jit) AS jitter_calls,
		coalesce(sum(CAST(jit AS double precision)), 0) AS jitter_sum,
		sum(r1) AS r1, sum(r2) AS r2, sum(r3) AS r3, sum(r4) AS r4,
		sum(r5) AS r5, sum(r6) AS r6, count(talk) AS talk_calls,
		coalesce(sum(CAST(talk AS double precision)), 0) AS talk_s,
		count(ring) AS ringing_calls,
		coalesce(sum(CAST(ring AS double precision)), 0) AS ringing_s,
		sum(aw) AS aw, sum(bw) AS bw
	FROM sides GROUP BY hour, node, side
),
got AS (
	SELECT * FROM rollup_hour WHERE calls <> 0 AND hour >= {since_hour}
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
	FROM sides WHERE m IS NOT NULL GROUP BY hour, node, side, m
	UNION ALL
	SELECT hour, node, side, 'min', n, count(*)
	FROM sides WHERE n IS NOT NULL AND side = 'call' GROUP BY hour, node, side, n
),
hist_got AS (
	SELECT hour, node, side, kind, mos, calls FROM rollup_mos
	WHERE calls <> 0 AND hour >= {since_hour}
),
hist_keys AS (
	SELECT hour, node, side, kind, mos FROM hist_want
	UNION SELECT hour, node, side, kind, mos FROM hist_got
)
SELECT 'rollup_hour' AS what, hour, node, side,
	coalesce(CAST(g_calls AS text) || g_counts, '') ||
	    coalesce(' ' || g1, '') || coalesce(' ' || g2, '') ||
	    coalesce(' ' || g3, '') || coalesce(' ' || g4, '') ||
	    coalesce(' ' || g5, '') AS rollup,
	coalesce(CAST(w_calls AS text) || w_counts, '') ||
	    coalesce(' ' || w1, '') || coalesce(' ' || w2, '') ||
	    coalesce(' ' || w3, '') || coalesce(' ' || w4, '') ||
	    coalesce(' ' || w5, '') AS rows
FROM cmp
WHERE g_calls IS DISTINCT FROM w_calls OR g_counts IS DISTINCT FROM w_counts
    OR abs(g1 - w1) > 1e-6 * (1 + abs(w1)) OR abs(g2 - w2) > 1e-6 * (1 + abs(w2))
    OR abs(g3 - w3) > 1e-6 * (1 + abs(w3)) OR abs(g4 - w4) > 1e-6 * (1 + abs(w4))
    OR abs(g5 - w5) > 1e-6 * (1 + abs(w5))
UNION ALL
SELECT 'rollup_mos ' || k.kind || ' ' || CAST(k.mos AS text), k.hour, k.node,
	k.side, CAST(g.calls AS text), CAST(w.calls AS text)
FROM hist_keys AS k
LEFT JOIN hist_got AS g USING (hour, node, side, kind, mos)
LEFT JOIN hist_want AS w USING (hour, node, side, kind, mos)
WHERE g.calls IS DISTINCT FROM w.calls
UNION ALL
SELECT 'call ' || call_id, hour, node, 'call',
	coalesce(CAST(mos_average AS text), 'NULL') || ' ' ||
	    coalesce(CAST(mos_worst AS text), 'NULL') || ' ' ||
	    coalesce(CAST(CASE WHEN has_mos THEN 1 WHEN NOT has_mos THEN 0 END
	    AS text), 'NULL') || ' ' ||
	    coalesce(CAST(packetloss_pct_average AS text), 'NULL') || ' ' ||
	    coalesce(CAST(a_packetloss_pct_average AS text), 'NULL') || ' ' ||
	    coalesce(CAST(b_packetloss_pct_average AS text), 'NULL'),
	coalesce(CAST(x_mos_average AS text), 'NULL') || ' ' ||
	    coalesce(CAST(x_mos_worst AS text), 'NULL') || ' ' ||
	    CAST(x_any AS text) || ' ' ||
	    coalesce(CAST(x_loss AS text), 'NULL') || ' ' ||
	    coalesce(CAST(x_a_loss AS text), 'NULL') || ' ' ||
	    coalesce(CAST(x_b_loss AS text), 'NULL')
FROM calls
WHERE mos_average IS DISTINCT FROM x_mos_average
    OR mos_worst IS DISTINCT FROM x_mos_worst
    OR CASE WHEN has_mos THEN 1 WHEN NOT has_mos THEN 0 END
	IS DISTINCT FROM x_any
    OR packetloss_pct_average IS DISTINCT FROM x_loss
    OR a_packetloss_pct_average IS DISTINCT FROM x_a_loss
    OR b_packetloss_pct_average IS DISTINCT FROM x_b_loss
ORDER BY 1, 2, 3, 4;
