-- 002_views.sql: the reporting views of the moscdr SQLite schema, a
-- contract for BI tools: the PostgreSQL views have the same names, the
-- same columns in the same order and the same meanings.
--
-- Units: mos 1.0 .. 5.0; packet loss in percent; jitter in milliseconds;
-- round trip in MILLIseconds here (the tables keep microseconds);
-- *_at_s in seconds since rtpengine created the call. NULL = unknown.
--
-- Each view aggregates the samples of a call in one pass joined on the
-- call's key, grouped by the call's columns, so that a filter on any call
-- column (call_id, node, start_time, received_at) is applied before the
-- aggregation and uses the call indexes instead of reading every sample.
-- Aggregate min() and max() skip NULLs; the multi-argument min() of SQLite
-- would return NULL as soon as one argument is NULL.

-- One row per call: the whole-call values, side A and side B side by side.
CREATE VIEW v_call_quality AS
SELECT
	c.call_pk,
	c.node,
	c.call_id,
	c.from_tag,
	c.to_tag,
	c.from_uri,
	c.to_uri,
	c.sip_code,
	c.sip_reason,
	c.start_time,
	c.end_time,
	c.duration_s,
	c.received_at,
	c.messages,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'average' THEN s.mos END)
	    AS mos_average,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'min' THEN s.mos END)
	    AS mos_min,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'max' THEN s.mos END)
	    AS mos_max,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'min' THEN s.at_offset_s END)
	    AS mos_min_at_s,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'max' THEN s.at_offset_s END)
	    AS mos_max_at_s,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
	    THEN s.packetloss_pct END) AS packetloss_pct_average,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
	    THEN s.jitter_ms END) AS jitter_ms_average,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
	    THEN s.roundtrip_us / 1000.0 END) AS roundtrip_ms_average,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
	    THEN s.roundtrip_leg_us / 1000.0 END) AS roundtrip_leg_ms_average,
	max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
	    THEN s.samples END) AS samples,
	max(la.label) AS a_label,
	max(CASE WHEN s.scope = 'A' AND s.kind = 'average' THEN s.mos END)
	    AS a_mos_average,
	max(CASE WHEN s.scope = 'A' AND s.kind = 'min' THEN s.mos END)
	    AS a_mos_min,
	max(CASE WHEN s.scope = 'A' AND s.kind = 'max' THEN s.mos END)
	    AS a_mos_max,
	max(CASE WHEN s.scope = 'A' AND s.kind = 'average'
	    THEN s.packetloss_pct END) AS a_packetloss_pct_average,
	max(CASE WHEN s.scope = 'A' AND s.kind = 'average'
	    THEN s.jitter_ms END) AS a_jitter_ms_average,
	max(CASE WHEN s.scope = 'A' AND s.kind = 'average'
	    THEN s.roundtrip_us / 1000.0 END) AS a_roundtrip_ms_average,
	max(lb.label) AS b_label,
	max(CASE WHEN s.scope = 'B' AND s.kind = 'average' THEN s.mos END)
	    AS b_mos_average,
	max(CASE WHEN s.scope = 'B' AND s.kind = 'min' THEN s.mos END)
	    AS b_mos_min,
	max(CASE WHEN s.scope = 'B' AND s.kind = 'max' THEN s.mos END)
	    AS b_mos_max,
	max(CASE WHEN s.scope = 'B' AND s.kind = 'average'
	    THEN s.packetloss_pct END) AS b_packetloss_pct_average,
	max(CASE WHEN s.scope = 'B' AND s.kind = 'average'
	    THEN s.jitter_ms END) AS b_jitter_ms_average,
	max(CASE WHEN s.scope = 'B' AND s.kind = 'average'
	    THEN s.roundtrip_us / 1000.0 END) AS b_roundtrip_ms_average,
	-- The lowest known average or minimum, of the call or of a side.
	min(CASE WHEN s.kind IN ('average', 'min') THEN s.mos END)
	    AS mos_worst,
	coalesce(max(s.mos IS NOT NULL), 0) AS has_mos,
	CASE
	    WHEN max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
		THEN s.mos END) IS NULL THEN NULL
	    WHEN max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
		THEN s.mos END) >= 4.34 THEN 'very satisfied'
	    WHEN max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
		THEN s.mos END) >= 4.03 THEN 'satisfied'
	    WHEN max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
		THEN s.mos END) >= 3.60 THEN 'some users dissatisfied'
	    WHEN max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
		THEN s.mos END) >= 3.10 THEN 'many users dissatisfied'
	    WHEN max(CASE WHEN s.scope = 'call' AND s.kind = 'average'
		THEN s.mos END) >= 2.58 THEN 'nearly all users dissatisfied'
	    ELSE 'not recommended'
	END AS quality_band
FROM call AS c
LEFT JOIN leg AS la ON la.call_pk = c.call_pk AND la.side = 'A'
LEFT JOIN leg AS lb ON lb.call_pk = c.call_pk AND lb.side = 'B'
LEFT JOIN mos_sample AS s ON s.call_pk = c.call_pk AND s.kind <> 'progression'
GROUP BY c.call_pk, c.node, c.call_id, c.from_tag, c.to_tag, c.from_uri,
    c.to_uri, c.sip_code, c.sip_reason, c.start_time, c.end_time,
    c.received_at, c.messages;

-- One row per leg (side A or B of a call) with that side's values.
CREATE VIEW v_leg_quality AS
SELECT
	l.call_pk,
	c.node,
	c.call_id,
	c.start_time,
	l.side,
	l.label,
	max(CASE WHEN s.kind = 'average' THEN s.mos END) AS mos_average,
	max(CASE WHEN s.kind = 'min' THEN s.mos END) AS mos_min,
	max(CASE WHEN s.kind = 'max' THEN s.mos END) AS mos_max,
	max(CASE WHEN s.kind = 'min' THEN s.at_offset_s END) AS mos_min_at_s,
	max(CASE WHEN s.kind = 'max' THEN s.at_offset_s END) AS mos_max_at_s,
	max(CASE WHEN s.kind = 'average' THEN s.packetloss_pct END)
	    AS packetloss_pct_average,
	max(CASE WHEN s.kind = 'average' THEN s.jitter_ms END)
	    AS jitter_ms_average,
	max(CASE WHEN s.kind = 'average' THEN s.roundtrip_us / 1000.0 END)
	    AS roundtrip_ms_average,
	max(CASE WHEN s.kind = 'average' THEN s.roundtrip_leg_us / 1000.0 END)
	    AS roundtrip_leg_ms_average,
	max(CASE WHEN s.kind = 'average' THEN s.samples END) AS samples,
	count(CASE WHEN s.kind = 'progression' THEN 1 END)
	    AS progression_points,
	CASE
	    WHEN max(CASE WHEN s.kind = 'average' THEN s.mos END) IS NULL
		THEN NULL
	    WHEN max(CASE WHEN s.kind = 'average' THEN s.mos END) >= 4.34
		THEN 'very satisfied'
	    WHEN max(CASE WHEN s.kind = 'average' THEN s.mos END) >= 4.03
		THEN 'satisfied'
	    WHEN max(CASE WHEN s.kind = 'average' THEN s.mos END) >= 3.60
		THEN 'some users dissatisfied'
	    WHEN max(CASE WHEN s.kind = 'average' THEN s.mos END) >= 3.10
		THEN 'many users dissatisfied'
	    WHEN max(CASE WHEN s.kind = 'average' THEN s.mos END) >= 2.58
		THEN 'nearly all users dissatisfied'
	    ELSE 'not recommended'
	END AS quality_band
FROM leg AS l
JOIN call AS c ON c.call_pk = l.call_pk
LEFT JOIN mos_sample AS s ON s.call_pk = l.call_pk AND s.scope = l.side
GROUP BY l.call_pk, l.side, c.node, c.call_id, c.start_time, l.label;

-- Per UTC day (of the start time, else of the reception) and node. The
-- shares of the quality bands are among the calls that have a band, that
-- is a known mos_average; NULL on a day without any.
CREATE VIEW v_daily_quality AS
SELECT
	date(coalesce(start_time, received_at)) AS day,
	node,
	count(*) AS calls,
	sum(has_mos) AS calls_with_mos,
	sum(has_mos) * 1.0 / count(*) AS share_with_mos,
	avg(mos_average) AS mos_average,
	min(mos_min) AS mos_min,
	sum(quality_band = 'very satisfied') * 1.0
	    / nullif(count(quality_band), 0) AS share_very_satisfied,
	sum(quality_band = 'satisfied') * 1.0
	    / nullif(count(quality_band), 0) AS share_satisfied,
	sum(quality_band = 'some users dissatisfied') * 1.0
	    / nullif(count(quality_band), 0) AS share_some_dissatisfied,
	sum(quality_band = 'many users dissatisfied') * 1.0
	    / nullif(count(quality_band), 0) AS share_many_dissatisfied,
	sum(quality_band = 'nearly all users dissatisfied') * 1.0
	    / nullif(count(quality_band), 0) AS share_nearly_all_dissatisfied,
	sum(quality_band = 'not recommended') * 1.0
	    / nullif(count(quality_band), 0) AS share_not_recommended
FROM v_call_quality
GROUP BY date(coalesce(start_time, received_at)), node;

-- The calls where some average or minimum MOS fell below 3.6 (below
-- "some users dissatisfied"), worst first.
CREATE VIEW v_poor_calls AS
SELECT *
FROM v_call_quality
WHERE mos_worst < 3.6
ORDER BY mos_worst ASC, call_pk ASC;
