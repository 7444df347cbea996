-- views.sql: the reporting views of the moscdr PostgreSQL schema, a
-- contract for BI tools: the same names, the same columns in the same
-- order and the same meanings as sql/sqlite/views.sql.
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
-- SELECT on the views only, never on the tables (see docs/schema.md).
--
-- Cost (see docs/schema.md): a call's samples and legs are reached by
-- their primary key (call_pk, ..., part_at), never by aggregating every
-- sample of every call. v_call_quality aggregates the samples and the
-- legs of each call it returns, a range of the primary key in the one
-- partition of the call's part_at (sql/postgresql/012_partitions.sql), so
-- a filter on a call column (call_id, node, start_time, received_at)
-- picks the calls through the call indexes first and only those calls
-- cost lookups. Each partitioned table is named once per view where
-- possible: planning expands every reference to all partitions. The
-- figures the per-call questions filter and sort on (mos_average,
-- mos_worst, has_mos, the average losses) are columns of call (migration
-- 013, kept by the writer), so those filters use the call indexes too;
-- v_poor_calls is one range of call_worst.
--
-- How this file is applied: moscdrd runs it, in the migration transaction,
-- whenever its text differs from the one the database last ran (the hash in
-- moscdr_views), so a view is changed here and nowhere else. Each view is
-- CREATE OR REPLACE, which keeps the grants a DBA gave on it and the
-- objects built on it: a new column therefore goes at the END of a view's
-- column list (PostgreSQL refuses to rename, retype or move one). A view
-- that must change otherwise is dropped explicitly above its CREATE, and
-- the docs then say that its grants must be given again.

-- One row per call: the whole-call values, side A and side B side by side.
--
-- Each table is named once (call, one lateral aggregate over the call's
-- samples, one over its legs), each lateral probing the one partition of
-- the call's part_at by its primary key: with about a hundred partitions
-- the planning time grows with every reference to a partitioned table
-- (each is expanded to all partitions while planning), which the nine
-- sample joins of the unpartitioned schema made seconds long. Each fixed
-- sample (scope x kind, seq 0) and each side's leg is unique on its key,
-- so max() FILTER picks exactly its value, NULL when it is missing.
-- mos_average, mos_worst, has_mos and the three average losses are the
-- call's stored figures (migration 013, kept by the writer equal to what
-- the samples give), so a filter or an order on them uses the call
-- indexes: call_no_mos (NOT has_mos), call_worst (mos_worst, call_id),
-- call_loss (a loss over 5 %). The view's columns and their order are
-- unchanged (CREATE OR REPLACE keeps them).
CREATE OR REPLACE VIEW v_call_quality AS
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
	s.mos_min,
	s.mos_max,
	s.mos_min_at_s,
	s.mos_max_at_s,
	c.packetloss_pct_average,
	s.jitter_ms_average,
	s.roundtrip_ms_average,
	s.roundtrip_leg_ms_average,
	s.samples,
	l.a_label,
	s.a_mos_average,
	s.a_mos_min,
	s.a_mos_max,
	c.a_packetloss_pct_average,
	s.a_jitter_ms_average,
	s.a_roundtrip_ms_average,
	l.b_label,
	s.b_mos_average,
	s.b_mos_min,
	s.b_mos_max,
	c.b_packetloss_pct_average,
	s.b_jitter_ms_average,
	s.b_roundtrip_ms_average,
	c.mos_worst,
	c.has_mos,
	CASE
	    WHEN c.mos_average IS NULL THEN NULL
	    WHEN c.mos_average >= 4.34::real THEN 'very satisfied'
	    WHEN c.mos_average >= 4.03::real THEN 'satisfied'
	    WHEN c.mos_average >= 3.60::real THEN 'some users dissatisfied'
	    WHEN c.mos_average >= 3.10::real THEN 'many users dissatisfied'
	    WHEN c.mos_average >= 2.58::real THEN 'nearly all users dissatisfied'
	    ELSE 'not recommended'
	END AS quality_band,
	-- When the call was answered; ringing = start to answer, talk =
	-- answer to end (duration_s counts both), seconds to the ms, NULL
	-- unless both times are known.
	c.answer_time,
	round(extract(epoch FROM c.answer_time - c.start_time), 3)::float8
	    AS ringing_s,
	round(extract(epoch FROM c.end_time - c.answer_time), 3)::float8
	    AS talk_s,
	-- What rtpengine's reply said about each side (the leg table).
	l.a_rtp_packets,
	l.a_rtp_bytes,
	l.a_rtp_errors,
	l.a_rtcp_packets,
	l.a_remote_addr,
	l.a_remote_port,
	l.a_protocol,
	l.a_codec,
	l.a_ssrc,
	l.a_last_packet,
	l.a_mos_missing,
	l.b_rtp_packets,
	l.b_rtp_bytes,
	l.b_rtp_errors,
	l.b_rtcp_packets,
	l.b_remote_addr,
	l.b_remote_port,
	l.b_protocol,
	l.b_codec,
	l.b_ssrc,
	l.b_last_packet,
	l.b_mos_missing,
	-- The partition key (PostgreSQL only): never before the start time
	-- (it is the start time, or the first message's reception time), so
	-- "part_at >= <from> - interval '1 day'" beside a start_time filter
	-- lets PostgreSQL skip the older partitions (docs/schema.md).
	c.part_at
FROM call AS c
LEFT JOIN LATERAL (
	SELECT
		max(x.mos) FILTER (WHERE x.scope = 'call' AND x.kind = 'min'
		    AND x.seq = 0) AS mos_min,
		max(x.mos) FILTER (WHERE x.scope = 'call' AND x.kind = 'max'
		    AND x.seq = 0) AS mos_max,
		max(x.at_offset_s) FILTER (WHERE x.scope = 'call' AND x.kind = 'min'
		    AND x.seq = 0) AS mos_min_at_s,
		max(x.at_offset_s) FILTER (WHERE x.scope = 'call' AND x.kind = 'max'
		    AND x.seq = 0) AS mos_max_at_s,
		max(x.jitter_ms) FILTER (WHERE x.scope = 'call' AND x.kind = 'average'
		    AND x.seq = 0) AS jitter_ms_average,
		max(x.roundtrip_us / 1000.0::float8) FILTER (WHERE
		    x.scope = 'call' AND x.kind = 'average' AND x.seq = 0)
		    AS roundtrip_ms_average,
		max(x.roundtrip_leg_us / 1000.0::float8) FILTER (WHERE
		    x.scope = 'call' AND x.kind = 'average' AND x.seq = 0)
		    AS roundtrip_leg_ms_average,
		max(x.samples) FILTER (WHERE x.scope = 'call' AND x.kind = 'average'
		    AND x.seq = 0) AS samples,
		max(x.mos) FILTER (WHERE x.scope = 'A' AND x.kind = 'average'
		    AND x.seq = 0) AS a_mos_average,
		max(x.mos) FILTER (WHERE x.scope = 'A' AND x.kind = 'min'
		    AND x.seq = 0) AS a_mos_min,
		max(x.mos) FILTER (WHERE x.scope = 'A' AND x.kind = 'max'
		    AND x.seq = 0) AS a_mos_max,
		max(x.jitter_ms) FILTER (WHERE x.scope = 'A' AND x.kind = 'average'
		    AND x.seq = 0) AS a_jitter_ms_average,
		max(x.roundtrip_us / 1000.0::float8) FILTER (WHERE
		    x.scope = 'A' AND x.kind = 'average' AND x.seq = 0)
		    AS a_roundtrip_ms_average,
		max(x.mos) FILTER (WHERE x.scope = 'B' AND x.kind = 'average'
		    AND x.seq = 0) AS b_mos_average,
		max(x.mos) FILTER (WHERE x.scope = 'B' AND x.kind = 'min'
		    AND x.seq = 0) AS b_mos_min,
		max(x.mos) FILTER (WHERE x.scope = 'B' AND x.kind = 'max'
		    AND x.seq = 0) AS b_mos_max,
		max(x.jitter_ms) FILTER (WHERE x.scope = 'B' AND x.kind = 'average'
		    AND x.seq = 0) AS b_jitter_ms_average,
		max(x.roundtrip_us / 1000.0::float8) FILTER (WHERE
		    x.scope = 'B' AND x.kind = 'average' AND x.seq = 0)
		    AS b_roundtrip_ms_average
	FROM mos_sample AS x
	WHERE x.call_pk = c.call_pk AND x.part_at = c.part_at
) AS s ON true
LEFT JOIN LATERAL (
	SELECT
		max(y.label) FILTER (WHERE y.side = 'A') AS a_label,
		max(y.rtp_packets) FILTER (WHERE y.side = 'A') AS a_rtp_packets,
		max(y.rtp_bytes) FILTER (WHERE y.side = 'A') AS a_rtp_bytes,
		max(y.rtp_errors) FILTER (WHERE y.side = 'A') AS a_rtp_errors,
		max(y.rtcp_packets) FILTER (WHERE y.side = 'A') AS a_rtcp_packets,
		max(y.remote_addr) FILTER (WHERE y.side = 'A') AS a_remote_addr,
		max(y.remote_port) FILTER (WHERE y.side = 'A') AS a_remote_port,
		max(y.protocol) FILTER (WHERE y.side = 'A') AS a_protocol,
		max(y.codec) FILTER (WHERE y.side = 'A') AS a_codec,
		max(y.ssrc) FILTER (WHERE y.side = 'A') AS a_ssrc,
		max(y.last_packet) FILTER (WHERE y.side = 'A') AS a_last_packet,
		max(y.mos_missing) FILTER (WHERE y.side = 'A') AS a_mos_missing,
		max(y.label) FILTER (WHERE y.side = 'B') AS b_label,
		max(y.rtp_packets) FILTER (WHERE y.side = 'B') AS b_rtp_packets,
		max(y.rtp_bytes) FILTER (WHERE y.side = 'B') AS b_rtp_bytes,
		max(y.rtp_errors) FILTER (WHERE y.side = 'B') AS b_rtp_errors,
		max(y.rtcp_packets) FILTER (WHERE y.side = 'B') AS b_rtcp_packets,
		max(y.remote_addr) FILTER (WHERE y.side = 'B') AS b_remote_addr,
		max(y.remote_port) FILTER (WHERE y.side = 'B') AS b_remote_port,
		max(y.protocol) FILTER (WHERE y.side = 'B') AS b_protocol,
		max(y.codec) FILTER (WHERE y.side = 'B') AS b_codec,
		max(y.ssrc) FILTER (WHERE y.side = 'B') AS b_ssrc,
		max(y.last_packet) FILTER (WHERE y.side = 'B') AS b_last_packet,
		max(y.mos_missing) FILTER (WHERE y.side = 'B') AS b_mos_missing
	FROM leg AS y
	WHERE y.call_pk = c.call_pk AND y.part_at = c.part_at
) AS l ON true;

-- One row per leg (side A or B of a call) with that side's values. The
-- leg's own columns come through the GROUP BY of its primary key
-- (call_pk, side, part_at), so leg is named once.
CREATE OR REPLACE VIEW v_leg_quality AS
SELECT q.call_pk,
	q.node,
	q.call_id,
	q.start_time,
	q.side,
	q.label,
	q.mos_average,
	q.mos_min,
	q.mos_max,
	q.mos_min_at_s,
	q.mos_max_at_s,
	q.packetloss_pct_average,
	q.jitter_ms_average,
	q.roundtrip_ms_average,
	q.roundtrip_leg_ms_average,
	q.samples,
	q.progression_points,
	CASE
	    WHEN q.mos_average IS NULL THEN NULL
	    WHEN q.mos_average >= 4.34::real THEN 'very satisfied'
	    WHEN q.mos_average >= 4.03::real THEN 'satisfied'
	    WHEN q.mos_average >= 3.60::real THEN 'some users dissatisfied'
	    WHEN q.mos_average >= 3.10::real THEN 'many users dissatisfied'
	    WHEN q.mos_average >= 2.58::real THEN 'nearly all users dissatisfied'
	    ELSE 'not recommended'
	END AS quality_band,
	q.rtp_packets,
	q.rtp_bytes,
	q.rtp_errors,
	q.rtcp_packets,
	q.remote_addr,
	q.remote_port,
	q.protocol,
	q.codec,
	q.ssrc,
	q.last_packet,
	q.mos_missing
FROM (
	SELECT
		l.call_pk,
		l.part_at,
		c.node,
		c.call_id,
		c.start_time,
		l.side,
		l.label,
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
		l.mos_missing,
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
	JOIN call AS c ON c.call_pk = l.call_pk AND c.part_at = l.part_at
	LEFT JOIN mos_sample AS s ON s.call_pk = l.call_pk
	    AND s.part_at = l.part_at AND s.scope = l.side
	GROUP BY l.call_pk, l.part_at, l.side, c.node, c.call_id, c.start_time,
	    l.label
) AS q;

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
CREATE OR REPLACE VIEW v_quality_hourly AS
SELECT
	h.hour,
	h.node,
	h.side,
	h.calls,
	h.calls_with_mos,
	h.calls_with_mos::float8 / h.calls AS share_with_mos,
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
	h.band_very_satisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_very_satisfied,
	h.band_satisfied::float8 / nullif(h.mos_calls, 0) AS share_satisfied,
	h.band_some_dissatisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_some_dissatisfied,
	h.band_many_dissatisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_many_dissatisfied,
	h.band_nearly_all_dissatisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_nearly_all_dissatisfied,
	h.band_not_recommended::float8 / nullif(h.mos_calls, 0)
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
CREATE OR REPLACE VIEW v_quality_daily AS
SELECT
	h.day,
	h.node,
	h.side,
	h.calls,
	h.calls_with_mos,
	h.calls_with_mos::float8 / h.calls AS share_with_mos,
	h.mos_calls,
	h.mos_sum / nullif(h.mos_calls, 0) AS mos_average,
	(SELECT min(w.mos) FROM (SELECT m.mos, sum(m.calls) OVER (ORDER BY m.mos) AS cum
	    FROM rollup_mos AS m WHERE m.node = h.node AND m.side = h.side AND m.kind = 'average'
	    AND m.hour >= h.day AT TIME ZONE 'UTC'
	    AND m.hour < (h.day + 1) AT TIME ZONE 'UTC'
	    AND m.calls <> 0) AS w
	    WHERE w.cum >= (h.mos_calls * 5 + 99) / 100) AS mos_p5,
	(SELECT min(w.mos) FROM (SELECT m.mos, sum(m.calls) OVER (ORDER BY m.mos) AS cum
	    FROM rollup_mos AS m WHERE m.node = h.node AND m.side = h.side AND m.kind = 'average'
	    AND m.hour >= h.day AT TIME ZONE 'UTC'
	    AND m.hour < (h.day + 1) AT TIME ZONE 'UTC'
	    AND m.calls <> 0) AS w
	    WHERE w.cum >= (h.mos_calls + 1) / 2) AS mos_median,
	CASE WHEN h.side = 'call' THEN (SELECT min(m.mos) FROM rollup_mos AS m
	    WHERE m.node = h.node AND m.side = 'call' AND m.kind = 'min'
	    AND m.hour >= h.day AT TIME ZONE 'UTC'
	    AND m.hour < (h.day + 1) AT TIME ZONE 'UTC' AND m.calls <> 0) END AS mos_min,
	h.band_very_satisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_very_satisfied,
	h.band_satisfied::float8 / nullif(h.mos_calls, 0) AS share_satisfied,
	h.band_some_dissatisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_some_dissatisfied,
	h.band_many_dissatisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_many_dissatisfied,
	h.band_nearly_all_dissatisfied::float8 / nullif(h.mos_calls, 0)
	    AS share_nearly_all_dissatisfied,
	h.band_not_recommended::float8 / nullif(h.mos_calls, 0)
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
	SELECT (hour AT TIME ZONE 'UTC')::date AS day, node, side,
		sum(calls)::bigint AS calls,
		sum(calls_with_mos)::bigint AS calls_with_mos,
		sum(mos_calls)::bigint AS mos_calls,
		sum(mos_sum) AS mos_sum,
		sum(band_very_satisfied)::bigint AS band_very_satisfied,
		sum(band_satisfied)::bigint AS band_satisfied,
		sum(band_some_dissatisfied)::bigint AS band_some_dissatisfied,
		sum(band_many_dissatisfied)::bigint AS band_many_dissatisfied,
		sum(band_nearly_all_dissatisfied)::bigint AS band_nearly_all_dissatisfied,
		sum(band_not_recommended)::bigint AS band_not_recommended,
		sum(loss_calls)::bigint AS loss_calls,
		sum(loss_sum) AS loss_sum,
		sum(jitter_calls)::bigint AS jitter_calls,
		sum(jitter_sum) AS jitter_sum,
		sum(no_mos_no_media)::bigint AS no_mos_no_media,
		sum(no_mos_no_rtcp)::bigint AS no_mos_no_rtcp,
		sum(no_mos_too_short)::bigint AS no_mos_too_short,
		sum(no_mos_no_reply)::bigint AS no_mos_no_reply,
		sum(no_mos_unknown)::bigint AS no_mos_unknown,
		sum(no_mos_peer_no_rtcp)::bigint AS no_mos_peer_no_rtcp,
		sum(talk_calls)::bigint AS talk_calls,
		sum(talk_s) AS talk_s,
		sum(ringing_calls)::bigint AS ringing_calls,
		sum(ringing_s) AS ringing_s,
		sum(a_worse)::bigint AS a_worse,
		sum(b_worse)::bigint AS b_worse
	FROM rollup_hour
	WHERE calls <> 0
	GROUP BY 1, 2, 3
) AS h
WHERE h.calls <> 0;

-- The distribution of the average MOS by hour, node and side: how many
-- calls had that value (rtpengine's steps of 0.1), for percentiles and
-- histograms over any period (the Grafana dashboard's percentile panel).
CREATE OR REPLACE VIEW v_mos_distribution AS
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
CREATE OR REPLACE VIEW v_daily_quality AS
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
	calls_no_mos_no_media::float8 / calls AS share_no_mos_no_media,
	calls_no_mos_no_rtcp::float8 / calls AS share_no_mos_no_rtcp,
	calls_no_mos_too_short::float8 / calls AS share_no_mos_too_short,
	calls_no_mos_no_reply::float8 / calls AS share_no_mos_no_reply,
	calls_no_mos_unknown::float8 / calls AS share_no_mos_unknown,
	calls_no_mos_peer_no_rtcp::float8 / calls AS share_no_mos_peer_no_rtcp,
	CASE WHEN talk_calls > 0 THEN talk_s END AS talk_s_total,
	talk_s / nullif(talk_calls, 0) AS talk_s_average,
	ringing_s / nullif(ringing_calls, 0) AS ringing_s_average,
	mos_p5,
	mos_median
FROM v_quality_daily
WHERE side = 'call';

-- The calls where some average or minimum MOS fell below 3.6 (below
-- "some users dissatisfied"), worst first.
--
-- The stored mos_worst (migration 013) through the call_worst index.
CREATE OR REPLACE VIEW v_poor_calls AS
SELECT *
FROM v_call_quality
WHERE mos_worst < 3.6::real
ORDER BY mos_worst ASC, call_pk ASC;

-- Legs without MOS by the address their media came from and the reason:
-- which carrier or gateway sends no RTCP, or no media at all. remote_addr
-- is NULL for legs the reply gave no address for (no_reply among them).
-- Reads every leg with a reason; meant for a time-bounded query through
-- first_seen / last_seen or for small tables.
CREATE OR REPLACE VIEW v_mos_missing_by_remote AS
SELECT
	l.remote_addr,
	l.mos_missing,
	count(DISTINCT l.call_pk) AS calls,
	count(*) AS legs,
	min(coalesce(c.start_time, c.received_at)) AS first_seen,
	max(coalesce(c.start_time, c.received_at)) AS last_seen
FROM leg AS l
JOIN call AS c ON c.call_pk = l.call_pk AND c.part_at = l.part_at
WHERE l.mos_missing IS NOT NULL
GROUP BY l.remote_addr, l.mos_missing
ORDER BY calls DESC, remote_addr IS NULL, remote_addr, mos_missing;
