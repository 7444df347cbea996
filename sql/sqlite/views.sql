-- views.sql: the reporting views of the moscdr SQLite schema, a
-- contract for BI tools: the PostgreSQL views have the same names, the
-- same columns in the same order and the same meanings.
--
-- Units: mos 1.0 .. 5.0; packet loss in percent; jitter in milliseconds;
-- round trip in MILLIseconds here (the tables keep microseconds);
-- *_at_s in seconds since rtpengine created the call. NULL = unknown.
--
-- Cost (see docs/schema.md): a call's samples are reached by their primary
-- key (call_pk, scope, kind, seq), never by aggregating every sample of
-- every call. v_call_quality joins the nine fixed samples of a call
-- (scope call/A/B x kind average/min/max, seq 0) one key lookup each, so
-- a filter on a call column (call_id, node, start_time, received_at)
-- picks the calls through the call indexes first and only those calls
-- cost lookups. The figures the per-call questions filter and sort on
-- (mos_average, mos_worst, has_mos, the average losses) are columns of
-- call (migration 013, kept by the writer), so those filters use the call
-- indexes too; v_poor_calls is one range of call_worst.
--
-- How this file is applied: moscdrd runs it, in the migration transaction,
-- whenever its text differs from the one the database last ran (the hash in
-- moscdr_views), so a view is changed here and nowhere else. SQLite keeps
-- no grants on views, so each view is dropped and created again.

DROP VIEW IF EXISTS v_mos_missing_by_remote;
DROP VIEW IF EXISTS v_mos_distribution;
DROP VIEW IF EXISTS v_poor_calls;
DROP VIEW IF EXISTS v_daily_quality;
DROP VIEW IF EXISTS v_quality_daily;
DROP VIEW IF EXISTS v_quality_hourly;
DROP VIEW IF EXISTS v_leg_quality;
DROP VIEW IF EXISTS v_call_quality;

-- One row per call: the whole-call values, side A and side B side by side.
-- mos_average, mos_worst, has_mos and the three average losses are the
-- call's stored figures (migration 013, kept by the writer equal to what
-- the samples give), so a filter or an order on them uses the call
-- indexes: call_no_mos (NOT has_mos), call_worst (mos_worst, call_id),
-- call_loss (a loss over 5 %).
CREATE VIEW v_call_quality AS
SELECT q.*,
	CASE
	    WHEN q.mos_average IS NULL THEN NULL
	    WHEN q.mos_average >= 4.34 THEN 'very satisfied'
	    WHEN q.mos_average >= 4.03 THEN 'satisfied'
	    WHEN q.mos_average >= 3.60 THEN 'some users dissatisfied'
	    WHEN q.mos_average >= 3.10 THEN 'many users dissatisfied'
	    WHEN q.mos_average >= 2.58 THEN 'nearly all users dissatisfied'
	    ELSE 'not recommended'
	END AS quality_band,
	-- When the call was answered; ringing = start to answer, talk =
	-- answer to end (duration_s counts both), seconds to the ms, NULL
	-- unless both times are known. From call by its key: a query that
	-- uses none of these three costs no join (SQLite omits the LEFT JOIN).
	t.answer_time,
	round((julianday(t.answer_time) - julianday(t.start_time)) * 86400.0,
	    3) AS ringing_s,
	round((julianday(t.end_time) - julianday(t.answer_time)) * 86400.0,
	    3) AS talk_s,
	-- What rtpengine's reply said about each side (the leg table).
	ma.rtp_packets AS a_rtp_packets,
	ma.rtp_bytes AS a_rtp_bytes,
	ma.rtp_errors AS a_rtp_errors,
	ma.rtcp_packets AS a_rtcp_packets,
	ma.remote_addr AS a_remote_addr,
	ma.remote_port AS a_remote_port,
	ma.protocol AS a_protocol,
	ma.codec AS a_codec,
	ma.ssrc AS a_ssrc,
	ma.last_packet AS a_last_packet,
	ma.mos_missing AS a_mos_missing,
	mb.rtp_packets AS b_rtp_packets,
	mb.rtp_bytes AS b_rtp_bytes,
	mb.rtp_errors AS b_rtp_errors,
	mb.rtcp_packets AS b_rtcp_packets,
	mb.remote_addr AS b_remote_addr,
	mb.remote_port AS b_remote_port,
	mb.protocol AS b_protocol,
	mb.codec AS b_codec,
	mb.ssrc AS b_ssrc,
	mb.last_packet AS b_last_packet,
	mb.mos_missing AS b_mos_missing
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
		c.mos_average,
		cn.mos AS mos_min,
		cx.mos AS mos_max,
		cn.at_offset_s AS mos_min_at_s,
		cx.at_offset_s AS mos_max_at_s,
		c.packetloss_pct_average,
		ca.jitter_ms AS jitter_ms_average,
		ca.roundtrip_us / 1000.0 AS roundtrip_ms_average,
		ca.roundtrip_leg_us / 1000.0 AS roundtrip_leg_ms_average,
		ca.samples AS samples,
		la.label AS a_label,
		aa.mos AS a_mos_average,
		an.mos AS a_mos_min,
		ax.mos AS a_mos_max,
		c.a_packetloss_pct_average,
		aa.jitter_ms AS a_jitter_ms_average,
		aa.roundtrip_us / 1000.0 AS a_roundtrip_ms_average,
		lb.label AS b_label,
		ba.mos AS b_mos_average,
		bn.mos AS b_mos_min,
		bx.mos AS b_mos_max,
		c.b_packetloss_pct_average,
		ba.jitter_ms AS b_jitter_ms_average,
		ba.roundtrip_us / 1000.0 AS b_roundtrip_ms_average,
		c.mos_worst,
		c.has_mos
	FROM call AS c
	LEFT JOIN leg AS la ON la.call_pk = c.call_pk AND la.side = 'A'
	LEFT JOIN leg AS lb ON lb.call_pk = c.call_pk AND lb.side = 'B'
	LEFT JOIN mos_sample AS ca ON ca.call_pk = c.call_pk
	    AND ca.scope = 'call' AND ca.kind = 'average' AND ca.seq = 0
	LEFT JOIN mos_sample AS cn ON cn.call_pk = c.call_pk
	    AND cn.scope = 'call' AND cn.kind = 'min' AND cn.seq = 0
	LEFT JOIN mos_sample AS cx ON cx.call_pk = c.call_pk
	    AND cx.scope = 'call' AND cx.kind = 'max' AND cx.seq = 0
	LEFT JOIN mos_sample AS aa ON aa.call_pk = c.call_pk
	    AND aa.scope = 'A' AND aa.kind = 'average' AND aa.seq = 0
	LEFT JOIN mos_sample AS an ON an.call_pk = c.call_pk
	    AND an.scope = 'A' AND an.kind = 'min' AND an.seq = 0
	LEFT JOIN mos_sample AS ax ON ax.call_pk = c.call_pk
	    AND ax.scope = 'A' AND ax.kind = 'max' AND ax.seq = 0
	LEFT JOIN mos_sample AS ba ON ba.call_pk = c.call_pk
	    AND ba.scope = 'B' AND ba.kind = 'average' AND ba.seq = 0
	LEFT JOIN mos_sample AS bn ON bn.call_pk = c.call_pk
	    AND bn.scope = 'B' AND bn.kind = 'min' AND bn.seq = 0
	LEFT JOIN mos_sample AS bx ON bx.call_pk = c.call_pk
	    AND bx.scope = 'B' AND bx.kind = 'max' AND bx.seq = 0
) AS q
LEFT JOIN call AS t ON t.call_pk = q.call_pk
LEFT JOIN leg AS ma ON ma.call_pk = q.call_pk AND ma.side = 'A'
LEFT JOIN leg AS mb ON mb.call_pk = q.call_pk AND mb.side = 'B';

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
	END AS quality_band,
	l.rtp_packets,
	l.rtp_bytes,
	l.rtp_errors,
	l.rtcp_packets,
	l.remote_addr,
	l.remote_port,
	l.protocol,
	l.codec,
	l.ssrc,
	l.last_packet,
	l.mos_missing
FROM leg AS l
JOIN call AS c ON c.call_pk = l.call_pk
LEFT JOIN mos_sample AS s ON s.call_pk = l.call_pk AND s.scope = l.side
GROUP BY l.call_pk, l.side, c.node, c.call_id, c.start_time, l.label;

-- The rollups (migration 006) by UTC hour, node and side ('call' = the
-- whole call, 'A', 'B'): the figures of the calls counted in that hour
-- (start time, else reception). mos_p5 and mos_median are the 5th
-- percentile and the median of the side's average MOS, exact from the
-- distribution in rollup_mos (nearest rank: the value at rank
-- ceil(n x 5 / 100) and ceil(n / 2) of the n = mos_calls calls with an
-- average, ascending); they and mos_min read the row's own range of
-- rollup_mos's key, and only for the rows a query keeps. Rows whose
-- calls went back to 0 (a call moved to another hour) are left out.
-- Counts (calls, mos_calls, packetloss_calls, jitter_calls, talk_calls,
-- ringing_calls) are there to weight the averages when summing hours:
-- sum(mos_average * mos_calls) / sum(mos_calls). Percentiles cannot be
-- summed that way: use v_mos_distribution for other periods.
CREATE VIEW v_quality_hourly AS
SELECT
	h.hour,
	h.node,
	h.side,
	h.calls,
	h.calls_with_mos,
	h.calls_with_mos * 1.0 / h.calls AS share_with_mos,
	h.mos_calls,
	h.mos_sum / nullif(h.mos_calls, 0) AS mos_average,
	(SELECT min(w.mos) FROM (SELECT m.mos, sum(m.calls) OVER (ORDER BY m.mos) AS cum
	    FROM rollup_mos AS m WHERE m.node = h.node AND m.side = h.side AND m.kind = 'average'
	    AND m.hour = h.hour
	    AND m.calls <> 0) AS w
	    WHERE w.cum >= (h.mos_calls * 5 + 99) / 100) AS mos_p5,
	(SELECT min(w.mos) FROM (SELECT m.mos, sum(m.calls) OVER (ORDER BY m.mos) AS cum
	    FROM rollup_mos AS m WHERE m.node = h.node AND m.side = h.side AND m.kind = 'average'
	    AND m.hour = h.hour
	    AND m.calls <> 0) AS w
	    WHERE w.cum >= (h.mos_calls + 1) / 2) AS mos_median,
	CASE WHEN h.side = 'call' THEN (SELECT min(m.mos) FROM rollup_mos AS m
	    WHERE m.node = h.node AND m.side = 'call' AND m.kind = 'min'
	    AND m.hour = h.hour AND m.calls <> 0) END AS mos_min,
	h.band_very_satisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_very_satisfied,
	h.band_satisfied * 1.0 / nullif(h.mos_calls, 0) AS share_satisfied,
	h.band_some_dissatisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_some_dissatisfied,
	h.band_many_dissatisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_many_dissatisfied,
	h.band_nearly_all_dissatisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_nearly_all_dissatisfied,
	h.band_not_recommended * 1.0 / nullif(h.mos_calls, 0)
	    AS share_not_recommended,
	h.loss_calls AS packetloss_calls,
	h.loss_sum / nullif(h.loss_calls, 0) AS packetloss_pct_average,
	h.jitter_calls,
	h.jitter_sum / nullif(h.jitter_calls, 0) AS jitter_ms_average,
	h.no_mos_no_media AS calls_no_mos_no_media,
	h.no_mos_no_rtcp AS calls_no_mos_no_rtcp,
	h.no_mos_too_short AS calls_no_mos_too_short,
	h.no_mos_no_reply AS calls_no_mos_no_reply,
	h.no_mos_unknown AS calls_no_mos_unknown,
	h.no_mos_peer_no_rtcp AS calls_no_mos_peer_no_rtcp,
	h.talk_calls,
	h.talk_s,
	h.ringing_calls,
	h.ringing_s,
	h.a_worse AS calls_a_worse,
	h.b_worse AS calls_b_worse
FROM rollup_hour AS h
WHERE h.calls <> 0;

-- The same per UTC day, node and side; the percentiles are those of the
-- day's calls (not an average of hourly ones).
CREATE VIEW v_quality_daily AS
SELECT
	h.day,
	h.node,
	h.side,
	h.calls,
	h.calls_with_mos,
	h.calls_with_mos * 1.0 / h.calls AS share_with_mos,
	h.mos_calls,
	h.mos_sum / nullif(h.mos_calls, 0) AS mos_average,
	(SELECT min(w.mos) FROM (SELECT m.mos, sum(m.calls) OVER (ORDER BY m.mos) AS cum
	    FROM rollup_mos AS m WHERE m.node = h.node AND m.side = h.side AND m.kind = 'average'
	    AND m.hour >= h.day AND m.hour < date(h.day, '+1 day')
	    AND m.calls <> 0) AS w
	    WHERE w.cum >= (h.mos_calls * 5 + 99) / 100) AS mos_p5,
	(SELECT min(w.mos) FROM (SELECT m.mos, sum(m.calls) OVER (ORDER BY m.mos) AS cum
	    FROM rollup_mos AS m WHERE m.node = h.node AND m.side = h.side AND m.kind = 'average'
	    AND m.hour >= h.day AND m.hour < date(h.day, '+1 day')
	    AND m.calls <> 0) AS w
	    WHERE w.cum >= (h.mos_calls + 1) / 2) AS mos_median,
	CASE WHEN h.side = 'call' THEN (SELECT min(m.mos) FROM rollup_mos AS m
	    WHERE m.node = h.node AND m.side = 'call' AND m.kind = 'min'
	    AND m.hour >= h.day AND m.hour < date(h.day, '+1 day') AND m.calls <> 0) END AS mos_min,
	h.band_very_satisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_very_satisfied,
	h.band_satisfied * 1.0 / nullif(h.mos_calls, 0) AS share_satisfied,
	h.band_some_dissatisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_some_dissatisfied,
	h.band_many_dissatisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_many_dissatisfied,
	h.band_nearly_all_dissatisfied * 1.0 / nullif(h.mos_calls, 0)
	    AS share_nearly_all_dissatisfied,
	h.band_not_recommended * 1.0 / nullif(h.mos_calls, 0)
	    AS share_not_recommended,
	h.loss_calls AS packetloss_calls,
	h.loss_sum / nullif(h.loss_calls, 0) AS packetloss_pct_average,
	h.jitter_calls,
	h.jitter_sum / nullif(h.jitter_calls, 0) AS jitter_ms_average,
	h.no_mos_no_media AS calls_no_mos_no_media,
	h.no_mos_no_rtcp AS calls_no_mos_no_rtcp,
	h.no_mos_too_short AS calls_no_mos_too_short,
	h.no_mos_no_reply AS calls_no_mos_no_reply,
	h.no_mos_unknown AS calls_no_mos_unknown,
	h.no_mos_peer_no_rtcp AS calls_no_mos_peer_no_rtcp,
	h.talk_calls,
	h.talk_s,
	h.ringing_calls,
	h.ringing_s,
	h.a_worse AS calls_a_worse,
	h.b_worse AS calls_b_worse
FROM (
	SELECT date(hour) AS day, node, side,
		sum(calls) AS calls,
		sum(calls_with_mos) AS calls_with_mos,
		sum(mos_calls) AS mos_calls,
		sum(mos_sum) AS mos_sum,
		sum(band_very_satisfied) AS band_very_satisfied,
		sum(band_satisfied) AS band_satisfied,
		sum(band_some_dissatisfied) AS band_some_dissatisfied,
		sum(band_many_dissatisfied) AS band_many_dissatisfied,
		sum(band_nearly_all_dissatisfied) AS band_nearly_all_dissatisfied,
		sum(band_not_recommended) AS band_not_recommended,
		sum(loss_calls) AS loss_calls,
		sum(loss_sum) AS loss_sum,
		sum(jitter_calls) AS jitter_calls,
		sum(jitter_sum) AS jitter_sum,
		sum(no_mos_no_media) AS no_mos_no_media,
		sum(no_mos_no_rtcp) AS no_mos_no_rtcp,
		sum(no_mos_too_short) AS no_mos_too_short,
		sum(no_mos_no_reply) AS no_mos_no_reply,
		sum(no_mos_unknown) AS no_mos_unknown,
		sum(no_mos_peer_no_rtcp) AS no_mos_peer_no_rtcp,
		sum(talk_calls) AS talk_calls,
		sum(talk_s) AS talk_s,
		sum(ringing_calls) AS ringing_calls,
		sum(ringing_s) AS ringing_s,
		sum(a_worse) AS a_worse,
		sum(b_worse) AS b_worse
	FROM rollup_hour
	WHERE calls <> 0
	GROUP BY 1, 2, 3
) AS h
WHERE h.calls <> 0;

-- The distribution of the average MOS by hour, node and side: how many
-- calls had that value (rtpengine's steps of 0.1), for percentiles and
-- histograms over any period (the Grafana dashboard's percentile panel).
CREATE VIEW v_mos_distribution AS
SELECT hour, node, side, mos, calls
FROM rollup_mos
WHERE kind = 'average' AND calls <> 0;

-- Per UTC day (of the start time, else of the reception) and node. The
-- shares of the quality bands are among the calls that have a band, that
-- is a known mos_average; NULL on a day without any.
--
-- The 'call' rows of v_quality_daily: read from the rollups (migration
-- 006, kept exact by the writer), so it costs a few rows per hour
-- whatever the number of calls. mos_p5 and mos_median (added at the end)
-- are exact nearest-rank percentiles of the calls' mos_average.
CREATE VIEW v_daily_quality AS
SELECT
	day,
	node,
	calls,
	calls_with_mos,
	share_with_mos,
	mos_average,
	mos_min,
	share_very_satisfied,
	share_satisfied,
	share_some_dissatisfied,
	share_many_dissatisfied,
	share_nearly_all_dissatisfied,
	share_not_recommended,
	calls_no_mos_no_media * 1.0 / calls AS share_no_mos_no_media,
	calls_no_mos_no_rtcp * 1.0 / calls AS share_no_mos_no_rtcp,
	calls_no_mos_too_short * 1.0 / calls AS share_no_mos_too_short,
	calls_no_mos_no_reply * 1.0 / calls AS share_no_mos_no_reply,
	calls_no_mos_unknown * 1.0 / calls AS share_no_mos_unknown,
	calls_no_mos_peer_no_rtcp * 1.0 / calls AS share_no_mos_peer_no_rtcp,
	CASE WHEN talk_calls > 0 THEN talk_s END AS talk_s_total,
	talk_s / nullif(talk_calls, 0) AS talk_s_average,
	ringing_s / nullif(ringing_calls, 0) AS ringing_s_average,
	mos_p5,
	mos_median
FROM v_quality_daily
WHERE side = 'call';

-- The calls where some average or minimum MOS fell below 3.6 (below
-- "some users dissatisfied"), worst first: the stored mos_worst
-- (migration 013) through the call_worst index.
CREATE VIEW v_poor_calls AS
SELECT *
FROM v_call_quality
WHERE mos_worst < 3.6
ORDER BY mos_worst ASC, call_pk ASC;

-- Legs without MOS by the address their media came from and the reason:
-- which carrier or gateway sends no RTCP, or no media at all. remote_addr
-- is NULL for legs the reply gave no address for (no_reply among them).
-- Reads every leg with a reason; meant for a time-bounded query through
-- first_seen / last_seen or for small tables.
CREATE VIEW v_mos_missing_by_remote AS
SELECT
	l.remote_addr,
	l.mos_missing,
	count(DISTINCT l.call_pk) AS calls,
	count(*) AS legs,
	min(coalesce(c.start_time, c.received_at)) AS first_seen,
	max(coalesce(c.start_time, c.received_at)) AS last_seen
FROM leg AS l
JOIN call AS c ON c.call_pk = l.call_pk
WHERE l.mos_missing IS NOT NULL
GROUP BY l.remote_addr, l.mos_missing
ORDER BY calls DESC, remote_addr IS NULL, remote_addr, mos_missing;
