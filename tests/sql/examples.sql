-- examples.sql: the ten questions asked most of a moscdr database, as SQL
-- over the reporting views (sql/*/views.sql). docs/sql-examples.md shows these
-- very texts, and tests/integration/test_sql_examples.py runs each one
-- against SQLite and PostgreSQL with known calls and checks the answer.
--
-- Layout: each query starts with a line "-- Q<n>: <question>". A query
-- that both back ends accept is written once; where they differ (date
-- arithmetic), a line "-- sqlite:" or "-- postgresql:" starts each
-- dialect's text. Every day, hour and "today" is UTC. The questions about
-- single calls filter on start_time (indexed; a call whose start is
-- unknown is left out) and on the call's stored figures (has_mos,
-- mos_worst, the average losses: indexed columns of call, migration 013); those about hours and days read the rollup views
-- (v_daily_quality, v_quality_hourly), in whole UTC hours: "the last 7
-- days" starts at the beginning of the hour 7 days ago, and a call counts
-- in the hour it started (or, without a start time, was received).
-- Each statement ends with ";".

-- Q1: Average MOS per node, yesterday
-- sqlite:
SELECT node, calls, calls_with_mos, mos_average
FROM v_daily_quality
WHERE day = date('now', '-1 day')
ORDER BY node;
-- postgresql:
SELECT node, calls, calls_with_mos, mos_average
FROM v_daily_quality
WHERE day = (now() AT TIME ZONE 'UTC')::date - 1
ORDER BY node;

-- Q2: Calls with an average MOS below 3.1 in the last hour
-- sqlite:
SELECT call_id, node, start_time, mos_average, quality_band
FROM v_call_quality
WHERE start_time >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 hour')
  AND mos_average < 3.1
ORDER BY mos_average, call_id;
-- postgresql:
SELECT call_id, node, start_time, mos_average, quality_band
FROM v_call_quality
WHERE start_time >= now() - interval '1 hour'
  AND mos_average < 3.1::real
ORDER BY mos_average, call_id;

-- Q3: Which side is worse, per node, over the last 7 days
-- sqlite:
SELECT node,
       sum(CASE WHEN side = 'call' THEN calls_a_worse END) AS a_worse,
       sum(CASE WHEN side = 'call' THEN calls_b_worse END) AS b_worse,
       sum(CASE WHEN side = 'A' THEN mos_average * mos_calls END)
           / sum(CASE WHEN side = 'A' THEN mos_calls END) AS a_mos_average,
       sum(CASE WHEN side = 'B' THEN mos_average * mos_calls END)
           / sum(CASE WHEN side = 'B' THEN mos_calls END) AS b_mos_average
FROM v_quality_hourly
WHERE hour >= strftime('%Y-%m-%dT%H:00:00.000Z', 'now', '-7 days')
GROUP BY node
ORDER BY node;
-- postgresql:
SELECT node,
       sum(calls_a_worse) FILTER (WHERE side = 'call') AS a_worse,
       sum(calls_b_worse) FILTER (WHERE side = 'call') AS b_worse,
       sum(mos_average * mos_calls) FILTER (WHERE side = 'A')
           / nullif(sum(mos_calls) FILTER (WHERE side = 'A'), 0)
           AS a_mos_average,
       sum(mos_average * mos_calls) FILTER (WHERE side = 'B')
           / nullif(sum(mos_calls) FILTER (WHERE side = 'B'), 0)
           AS b_mos_average
FROM v_quality_hourly
WHERE hour >= date_trunc('hour', now() - interval '7 days', 'UTC')
GROUP BY node
ORDER BY node;

-- Q4: Calls without any MOS (no RTCP) in the last 24 hours
-- sqlite:
SELECT call_id, node, start_time, sip_code, duration_s
FROM v_call_quality
WHERE start_time >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-24 hours')
  AND NOT has_mos
ORDER BY start_time, call_id;
-- postgresql:
SELECT call_id, node, start_time, sip_code, duration_s
FROM v_call_quality
WHERE start_time >= now() - interval '24 hours'
  AND NOT has_mos
ORDER BY start_time, call_id;

-- Q5: The 10 worst calls of today
-- sqlite:
SELECT call_id, node, start_time, mos_worst, mos_average,
       a_mos_average, b_mos_average
FROM v_call_quality
WHERE start_time >= date('now') AND mos_worst IS NOT NULL
ORDER BY mos_worst, call_id
LIMIT 10;
-- postgresql:
SELECT call_id, node, start_time, mos_worst, mos_average,
       a_mos_average, b_mos_average
FROM v_call_quality
WHERE start_time >= date_trunc('day', now(), 'UTC') AND mos_worst IS NOT NULL
  AND part_at >= date_trunc('day', now(), 'UTC') - interval '1 day'
ORDER BY mos_worst, call_id
LIMIT 10;

-- Q6: Daily trend of the last 30 days, per node
-- sqlite:
SELECT day, node, calls, share_with_mos, mos_average, mos_min
FROM v_daily_quality
WHERE day >= date('now', '-30 days')
ORDER BY day, node;
-- postgresql:
SELECT day, node, calls, share_with_mos, mos_average, mos_min
FROM v_daily_quality
WHERE day >= (now() AT TIME ZONE 'UTC')::date - 30
ORDER BY day, node;

-- Q7: Share of calls with a MOS, per node, over the last 7 days
-- sqlite:
SELECT node, sum(calls) AS calls, sum(calls_with_mos) AS calls_with_mos,
       sum(calls_with_mos) * 1.0 / sum(calls) AS share_with_mos
FROM v_quality_hourly
WHERE side = 'call'
  AND hour >= strftime('%Y-%m-%dT%H:00:00.000Z', 'now', '-7 days')
GROUP BY node
ORDER BY node;
-- postgresql:
SELECT node, sum(calls) AS calls, sum(calls_with_mos) AS calls_with_mos,
       sum(calls_with_mos)::float8 / sum(calls) AS share_with_mos
FROM v_quality_hourly
WHERE side = 'call'
  AND hour >= date_trunc('hour', now() - interval '7 days', 'UTC')
GROUP BY node
ORDER BY node;

-- Q8: Calls with more than 5 % packet loss (whole call or either side), last 24 hours
-- sqlite:
SELECT call_id, node, start_time, packetloss_pct_average,
       a_packetloss_pct_average, b_packetloss_pct_average, mos_average
FROM v_call_quality
WHERE start_time >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-24 hours')
  AND (packetloss_pct_average > 5 OR a_packetloss_pct_average > 5
       OR b_packetloss_pct_average > 5)
ORDER BY start_time, call_id;
-- postgresql:
SELECT call_id, node, start_time, packetloss_pct_average,
       a_packetloss_pct_average, b_packetloss_pct_average, mos_average
FROM v_call_quality
WHERE start_time >= now() - interval '24 hours'
  AND (packetloss_pct_average > 5 OR a_packetloss_pct_average > 5
       OR b_packetloss_pct_average > 5)
ORDER BY start_time, call_id;

-- Q9: How one call's MOS went, per side, from rtpengine's MOS progression
SELECT s.scope AS side, s.seq, s.reported_at, s.mos, s.packetloss_pct,
       s.jitter_ms, s.roundtrip_us / 1000.0 AS roundtrip_ms
FROM call AS c
JOIN mos_sample AS s ON s.call_pk = c.call_pk
WHERE c.call_id = 'a84b4c76e66710@192.0.2.10' AND s.kind = 'progression'
ORDER BY s.scope, s.seq;

-- Q10: MOS hour by hour over the last 24 hours, all nodes
-- sqlite:
SELECT hour, sum(calls) AS calls,
       sum(mos_average * mos_calls) / sum(mos_calls) AS mos_average,
       min(mos_min) AS mos_min
FROM v_quality_hourly
WHERE side = 'call'
  AND hour >= strftime('%Y-%m-%dT%H:00:00.000Z', 'now', '-24 hours')
GROUP BY hour
ORDER BY hour;
-- postgresql:
SELECT hour, sum(calls) AS calls,
       sum(mos_average * mos_calls) / nullif(sum(mos_calls), 0)
           AS mos_average,
       min(mos_min) AS mos_min
FROM v_quality_hourly
WHERE side = 'call'
  AND hour >= date_trunc('hour', now() - interval '24 hours', 'UTC')
GROUP BY hour
ORDER BY hour;
