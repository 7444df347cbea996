-- 002_views.sql: the reporting views of the moscdr PostgreSQL schema, a
-- contract for BI tools: the same names, the same columns in the same
-- order and the same meanings as sql/sqlite/002_views.sql.
--
-- Units: mos 1.0 .. 5.0; packet loss in percent; jitter in milliseconds;
-- round trip in MILLIseconds here (the tables keep microseconds);
-- *_at_s in seconds since rtpengine created the call. NULL = unknown.
-- Types: times timestamptz, day date (UTC), has_mos boolean, shares and
-- round trips double precision.
--
-- MOS columns are real: the band limits are compared as real too, so a
-- MOS sent as 3.6 is 'some users dissatisfied' as in SQLite (real 3.6 is
-- a little below the numeric 3.60).
--
-- The views are plain (not security_invoker): a reporting role needs
-- SELECT on the views only, never on the tables (see the README).
--
-- Each call's samples are aggregated in one pass grouped by the call's
-- columns, so a filter on a call column (call_id, node, start_time,
-- received_at) is pushed below the aggregation and uses the call indexes.

-- One row per call: the whole-call values, side A and side B side by side.
CREATE VIEW v_call_quality AS
SELECT q.*,
	CASE
	    WHEN q.mos_average IS NULL THEN NULL
	    WHEN q.mos_average >= 4.34::real THEN 'very satisfied'
	    WHEN q.mos_average >= 4.03::real THEN 'satisfied'
	    WHEN q.mos_average >= 3.60::real THEN 'some users dissatisfied'
	    WHEN q.mos_average >= 3.10::real THEN 'many users dissatisfied'
	    WHEN q.mos_average >= 2.58::real THEN 'nearly all users dissatisfied'
	    ELSE 'not recommended'
	END AS quality_band
FROM (
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
		max(s.mos) FILTER (WHERE s.scope = 'call' AND s.kind = 'average')
		    AS mos_average,
		max(s.mos) FILTER (WHERE s.scope = 'call' AND s.kind = 'min')
		    AS mos_min,
		max(s.mos) FILTER (WHERE s.scope = 'call' AND s.kind = 'max')
		    AS mos_max,
		max(s.at_offset_s) FILTER (WHERE s.scope = 'call' AND s.kind = 'min')
		    AS mos_min_at_s,
		max(s.at_offset_s) FILTER (WHERE s.scope = 'call' AND s.kind = 'max')
		    AS mos_max_at_s,
		max(s.packetloss_pct) FILTER (WHERE s.scope = 'call'
		    AND s.kind = 'average') AS packetloss_pct_average,
		max(s.jitter_ms) FILTER (WHERE s.scope = 'call'
		    AND s.kind = 'average') AS jitter_ms_average,
		max(s.roundtrip_us / 1000.0::float8) FILTER (WHERE s.scope = 'call'
		    AND s.kind = 'average') AS roundtrip_ms_average,
		max(s.roundtrip_leg_us / 1000.0::float8) FILTER (WHERE
		    s.scope = 'call' AND s.kind = 'average')
		    AS roundtrip_leg_ms_average,
		max(s.samples) FILTER (WHERE s.scope = 'call'
		    AND s.kind = 'average') AS samples,
		max(la.label) AS a_label,
		max(s.mos) FILTER (WHERE s.scope = 'A' AND s.kind = 'average')
		    AS a_mos_average,
		max(s.mos) FILTER (WHERE s.scope = 'A' AND s.kind = 'min')
		    AS a_mos_min,
		max(s.mos) FILTER (WHERE s.scope = 'A' AND s.kind = 'max')
		    AS a_mos_max,
		max(s.packetloss_pct) FILTER (WHERE s.scope = 'A'
		    AND s.kind = 'average') AS a_packetloss_pct_average,
		max(s.jitter_ms) FILTER (WHERE s.scope = 'A'
		    AND s.kind = 'average') AS a_jitter_ms_average,
		max(s.roundtrip_us / 1000.0::float8) FILTER (WHERE s.scope = 'A'
		    AND s.kind = 'average') AS a_roundtrip_ms_average,
		max(lb.label) AS b_label,
		max(s.mos) FILTER (WHERE s.scope = 'B' AND s.kind = 'average')
		    AS b_mos_average,
		max(s.mos) FILTER (WHERE s.scope = 'B' AND s.kind = 'min')
		    AS b_mos_min,
		max(s.mos) FILTER (WHERE s.scope = 'B' AND s.kind = 'max')
		    AS b_mos_max,
		max(s.packetloss_pct) FILTER (WHERE s.scope = 'B'
		    AND s.kind = 'average') AS b_packetloss_pct_average,
		max(s.jitter_ms) FILTER (WHERE s.scope = 'B'
		    AND s.kind = 'average') AS b_jitter_ms_average,
		max(s.roundtrip_us / 1000.0::float8) FILTER (WHERE s.scope = 'B'
		    AND s.kind = 'average') AS b_roundtrip_ms_average,
		-- The lowest known average or minimum, of the call or a side
		-- (the aggregate skips NULLs).
		min(s.mos) FILTER (WHERE s.kind IN ('average', 'min'))
		    AS mos_worst,
		coalesce(bool_or(s.mos IS NOT NULL), false) AS has_mos
	FROM call AS c
	LEFT JOIN leg AS la ON la.call_pk = c.call_pk AND la.side = 'A'
	LEFT JOIN leg AS lb ON lb.call_pk = c.call_pk AND lb.side = 'B'
	LEFT JOIN mos_sample AS s
	    ON s.call_pk = c.call_pk AND s.kind <> 'progression'
	GROUP BY c.call_pk
) AS q;

-- One row per leg (side A or B of a call) with that side's values.
CREATE VIEW v_leg_quality AS
SELECT q.*,
	CASE
	    WHEN q.mos_average IS NULL THEN NULL
	    WHEN q.mos_average >= 4.34::real THEN 'very satisfied'
	    WHEN q.mos_average >= 4.03::real THEN 'satisfied'
	    WHEN q.mos_average >= 3.60::real THEN 'some users dissatisfied'
	    WHEN q.mos_average >= 3.10::real THEN 'many users dissatisfied'
	    WHEN q.mos_average >= 2.58::real THEN 'nearly all users dissatisfied'
	    ELSE 'not recommended'
	END AS quality_band
FROM (
	SELECT
		l.call_pk,
		c.node,
		c.call_id,
		c.start_time,
		l.side,
		l.label,
		max(s.mos) FILTER (WHERE s.kind = 'average') AS mos_average,
		max(s.mos) FILTER (WHERE s.kind = 'min') AS mos_min,
		max(s.mos) FILTER (WHERE s.kind = 'max') AS mos_max,
		max(s.at_offset_s) FILTER (WHERE s.kind = 'min') AS mos_min_at_s,
		max(s.at_offset_s) FILTER (WHERE s.kind = 'max') AS mos_max_at_s,
		max(s.packetloss_pct) FILTER (WHERE s.kind = 'average')
		    AS packetloss_pct_average,
		max(s.jitter_ms) FILTER (WHERE s.kind = 'average')
		    AS jitter_ms_average,
		max(s.roundtrip_us / 1000.0::float8) FILTER (WHERE
		    s.kind = 'average') AS roundtrip_ms_average,
		max(s.roundtrip_leg_us / 1000.0::float8) FILTER (WHERE
		    s.kind = 'average') AS roundtrip_leg_ms_average,
		max(s.samples) FILTER (WHERE s.kind = 'average') AS samples,
		count(*) FILTER (WHERE s.kind = 'progression')
		    AS progression_points
	FROM leg AS l
	JOIN call AS c ON c.call_pk = l.call_pk
	LEFT JOIN mos_sample AS s ON s.call_pk = l.call_pk AND s.scope = l.side
	GROUP BY l.call_pk, l.side, c.node, c.call_id, c.start_time, l.label
) AS q;

-- Per UTC day (of the start time, else of the reception) and node. The
-- shares of the quality bands are among the calls that have a band, that
-- is a known mos_average; NULL on a day without any.
CREATE VIEW v_daily_quality AS
SELECT
	(coalesce(start_time, received_at) AT TIME ZONE 'UTC')::date AS day,
	node,
	count(*) AS calls,
	count(*) FILTER (WHERE has_mos) AS calls_with_mos,
	count(*) FILTER (WHERE has_mos)::float8 / count(*) AS share_with_mos,
	avg(mos_average) AS mos_average,
	min(mos_min) AS mos_min,
	count(*) FILTER (WHERE quality_band = 'very satisfied')::float8
	    / nullif(count(quality_band), 0) AS share_very_satisfied,
	count(*) FILTER (WHERE quality_band = 'satisfied')::float8
	    / nullif(count(quality_band), 0) AS share_satisfied,
	count(*) FILTER (WHERE quality_band = 'some users dissatisfied')::float8
	    / nullif(count(quality_band), 0) AS share_some_dissatisfied,
	count(*) FILTER (WHERE quality_band = 'many users dissatisfied')::float8
	    / nullif(count(quality_band), 0) AS share_many_dissatisfied,
	count(*) FILTER (WHERE
	    quality_band = 'nearly all users dissatisfied')::float8
	    / nullif(count(quality_band), 0) AS share_nearly_all_dissatisfied,
	count(*) FILTER (WHERE quality_band = 'not recommended')::float8
	    / nullif(count(quality_band), 0) AS share_not_recommended
FROM v_call_quality
GROUP BY 1, 2;

-- The calls where some average or minimum MOS fell below 3.6 (below
-- "some users dissatisfied"), worst first.
CREATE VIEW v_poor_calls AS
SELECT *
FROM v_call_quality
WHERE mos_worst < 3.6::real
ORDER BY mos_worst ASC, call_pk ASC;
