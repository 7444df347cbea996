-- pg-v11.sql: a database made by moscdrd at schema version 11 (main a75dd97,
-- before the partitions): 120 calls of tests/bench/gen_postgresql.sql over 30
-- days before 2025-12-02, every 37th without a start time, every 5th with
-- messages = 2, rollups filled by the migration; pg_dump --no-owner
-- --no-privileges. tests/integration/test_pg_partitions.py migrates it.

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.call (
    call_pk bigint NOT NULL,
    node text NOT NULL,
    call_id text NOT NULL,
    from_tag text,
    to_tag text,
    from_uri text,
    to_uri text,
    sip_code integer,
    sip_reason text,
    start_time timestamp with time zone,
    end_time timestamp with time zone,
    duration_s double precision GENERATED ALWAYS AS (round(EXTRACT(epoch FROM (end_time - start_time)), 3)) STORED,
    received_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    messages integer DEFAULT 1 NOT NULL,
    extra jsonb,
    answer_time timestamp with time zone
);

ALTER TABLE public.call ALTER COLUMN call_pk ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.call_call_pk_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.journal_position (
    journal text NOT NULL,
    seq bigint NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.leg (
    call_pk bigint NOT NULL,
    side text NOT NULL,
    label text,
    rtp_packets bigint,
    rtp_bytes bigint,
    rtp_errors bigint,
    rtcp_packets bigint,
    remote_addr text,
    remote_port integer,
    protocol text,
    codec text,
    ssrc bigint,
    last_packet timestamp with time zone,
    mos_missing text,
    CONSTRAINT leg_mos_missing_check CHECK ((mos_missing = ANY (ARRAY['no_media'::text, 'no_rtcp'::text, 'too_short'::text, 'no_reply'::text, 'unknown'::text, 'peer_no_rtcp'::text]))),
    CONSTRAINT leg_side_check CHECK ((side = ANY (ARRAY['A'::text, 'B'::text])))
);

CREATE TABLE public.mos_sample (
    call_pk bigint NOT NULL,
    scope text NOT NULL,
    kind text NOT NULL,
    seq integer DEFAULT 0 NOT NULL,
    mos real,
    packetloss_pct real,
    jitter_ms real,
    roundtrip_us bigint,
    roundtrip_leg_us bigint,
    samples integer,
    at_offset_s integer,
    reported_at timestamp with time zone,
    CONSTRAINT mos_sample_kind_check CHECK ((kind = ANY (ARRAY['average'::text, 'min'::text, 'max'::text, 'progression'::text]))),
    CONSTRAINT mos_sample_scope_check CHECK ((scope = ANY (ARRAY['call'::text, 'A'::text, 'B'::text])))
);

CREATE TABLE public.moscdr_schema_version (
    version integer NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.moscdr_views (
    id integer NOT NULL,
    hash text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT moscdr_views_id_check CHECK ((id = 1))
);

CREATE TABLE public.moscdr_writer (
    writer text NOT NULL,
    batch bigint NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.rollup_hour (
    hour timestamp with time zone NOT NULL,
    node text NOT NULL,
    side text NOT NULL,
    calls bigint NOT NULL,
    calls_with_mos bigint NOT NULL,
    mos_calls bigint NOT NULL,
    mos_sum double precision NOT NULL,
    band_very_satisfied bigint NOT NULL,
    band_satisfied bigint NOT NULL,
    band_some_dissatisfied bigint NOT NULL,
    band_many_dissatisfied bigint NOT NULL,
    band_nearly_all_dissatisfied bigint NOT NULL,
    band_not_recommended bigint NOT NULL,
    loss_calls bigint NOT NULL,
    loss_sum double precision NOT NULL,
    jitter_calls bigint NOT NULL,
    jitter_sum double precision NOT NULL,
    no_mos_no_media bigint NOT NULL,
    no_mos_no_rtcp bigint NOT NULL,
    no_mos_too_short bigint NOT NULL,
    no_mos_no_reply bigint NOT NULL,
    no_mos_unknown bigint NOT NULL,
    no_mos_peer_no_rtcp bigint NOT NULL,
    talk_calls bigint NOT NULL,
    talk_s double precision NOT NULL,
    ringing_calls bigint NOT NULL,
    ringing_s double precision NOT NULL,
    a_worse bigint NOT NULL,
    b_worse bigint NOT NULL,
    CONSTRAINT rollup_hour_side_check CHECK ((side = ANY (ARRAY['call'::text, 'A'::text, 'B'::text])))
);

CREATE TABLE public.rollup_mos (
    hour timestamp with time zone NOT NULL,
    node text NOT NULL,
    side text NOT NULL,
    kind text NOT NULL,
    mos real NOT NULL,
    calls bigint NOT NULL
);

CREATE VIEW public.v_call_quality AS
 SELECT q.call_pk,
    q.node,
    q.call_id,
    q.from_tag,
    q.to_tag,
    q.from_uri,
    q.to_uri,
    q.sip_code,
    q.sip_reason,
    q.start_time,
    q.end_time,
    q.duration_s,
    q.received_at,
    q.messages,
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
    q.a_label,
    q.a_mos_average,
    q.a_mos_min,
    q.a_mos_max,
    q.a_packetloss_pct_average,
    q.a_jitter_ms_average,
    q.a_roundtrip_ms_average,
    q.b_label,
    q.b_mos_average,
    q.b_mos_min,
    q.b_mos_max,
    q.b_packetloss_pct_average,
    q.b_jitter_ms_average,
    q.b_roundtrip_ms_average,
    LEAST(q.mos_average, q.mos_min, q.a_mos_average, q.a_mos_min, q.b_mos_average, q.b_mos_min) AS mos_worst,
        CASE
            WHEN (COALESCE(q.mos_average, q.mos_min) IS NOT NULL) THEN true
            ELSE (EXISTS ( SELECT 1
               FROM public.mos_sample p
              WHERE ((p.call_pk = q.call_pk) AND (p.mos IS NOT NULL))))
        END AS has_mos,
        CASE
            WHEN (q.mos_average IS NULL) THEN NULL::text
            WHEN (q.mos_average >= (4.34)::real) THEN 'very satisfied'::text
            WHEN (q.mos_average >= (4.03)::real) THEN 'satisfied'::text
            WHEN (q.mos_average >= (3.60)::real) THEN 'some users dissatisfied'::text
            WHEN (q.mos_average >= (3.10)::real) THEN 'many users dissatisfied'::text
            WHEN (q.mos_average >= (2.58)::real) THEN 'nearly all users dissatisfied'::text
            ELSE 'not recommended'::text
        END AS quality_band,
    t.answer_time,
    (round(EXTRACT(epoch FROM (t.answer_time - t.start_time)), 3))::double precision AS ringing_s,
    (round(EXTRACT(epoch FROM (t.end_time - t.answer_time)), 3))::double precision AS talk_s,
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
   FROM (((( SELECT c.call_pk,
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
            ca.mos AS mos_average,
            cn.mos AS mos_min,
            cx.mos AS mos_max,
            cn.at_offset_s AS mos_min_at_s,
            cx.at_offset_s AS mos_max_at_s,
            ca.packetloss_pct AS packetloss_pct_average,
            ca.jitter_ms AS jitter_ms_average,
            ((ca.roundtrip_us)::double precision / (1000.0)::double precision) AS roundtrip_ms_average,
            ((ca.roundtrip_leg_us)::double precision / (1000.0)::double precision) AS roundtrip_leg_ms_average,
            ca.samples,
            ( SELECT la.label
                   FROM public.leg la
                  WHERE ((la.call_pk = c.call_pk) AND (la.side = 'A'::text))) AS a_label,
            aa.mos AS a_mos_average,
            an.mos AS a_mos_min,
            ax.mos AS a_mos_max,
            aa.packetloss_pct AS a_packetloss_pct_average,
            aa.jitter_ms AS a_jitter_ms_average,
            ((aa.roundtrip_us)::double precision / (1000.0)::double precision) AS a_roundtrip_ms_average,
            ( SELECT lb.label
                   FROM public.leg lb
                  WHERE ((lb.call_pk = c.call_pk) AND (lb.side = 'B'::text))) AS b_label,
            ba.mos AS b_mos_average,
            bn.mos AS b_mos_min,
            bx.mos AS b_mos_max,
            ba.packetloss_pct AS b_packetloss_pct_average,
            ba.jitter_ms AS b_jitter_ms_average,
            ((ba.roundtrip_us)::double precision / (1000.0)::double precision) AS b_roundtrip_ms_average
           FROM (((((((((public.call c
             LEFT JOIN public.mos_sample ca ON (((ca.call_pk = c.call_pk) AND (ca.scope = 'call'::text) AND (ca.kind = 'average'::text) AND (ca.seq = 0))))
             LEFT JOIN public.mos_sample cn ON (((cn.call_pk = c.call_pk) AND (cn.scope = 'call'::text) AND (cn.kind = 'min'::text) AND (cn.seq = 0))))
             LEFT JOIN public.mos_sample cx ON (((cx.call_pk = c.call_pk) AND (cx.scope = 'call'::text) AND (cx.kind = 'max'::text) AND (cx.seq = 0))))
             LEFT JOIN public.mos_sample aa ON (((aa.call_pk = c.call_pk) AND (aa.scope = 'A'::text) AND (aa.kind = 'average'::text) AND (aa.seq = 0))))
             LEFT JOIN public.mos_sample an ON (((an.call_pk = c.call_pk) AND (an.scope = 'A'::text) AND (an.kind = 'min'::text) AND (an.seq = 0))))
             LEFT JOIN public.mos_sample ax ON (((ax.call_pk = c.call_pk) AND (ax.scope = 'A'::text) AND (ax.kind = 'max'::text) AND (ax.seq = 0))))
             LEFT JOIN public.mos_sample ba ON (((ba.call_pk = c.call_pk) AND (ba.scope = 'B'::text) AND (ba.kind = 'average'::text) AND (ba.seq = 0))))
             LEFT JOIN public.mos_sample bn ON (((bn.call_pk = c.call_pk) AND (bn.scope = 'B'::text) AND (bn.kind = 'min'::text) AND (bn.seq = 0))))
             LEFT JOIN public.mos_sample bx ON (((bx.call_pk = c.call_pk) AND (bx.scope = 'B'::text) AND (bx.kind = 'max'::text) AND (bx.seq = 0))))) q
     LEFT JOIN public.call t ON ((t.call_pk = q.call_pk)))
     LEFT JOIN public.leg ma ON (((ma.call_pk = q.call_pk) AND (ma.side = 'A'::text))))
     LEFT JOIN public.leg mb ON (((mb.call_pk = q.call_pk) AND (mb.side = 'B'::text))));

CREATE VIEW public.v_quality_daily AS
 SELECT h.day,
    h.node,
    h.side,
    h.calls,
    h.calls_with_mos,
    ((h.calls_with_mos)::double precision / (h.calls)::double precision) AS share_with_mos,
    h.mos_calls,
    (h.mos_sum / (NULLIF(h.mos_calls, 0))::double precision) AS mos_average,
    ( SELECT min(w.mos) AS min
           FROM ( SELECT m.mos,
                    sum(m.calls) OVER (ORDER BY m.mos) AS cum
                   FROM public.rollup_mos m
                  WHERE ((m.node = h.node) AND (m.side = h.side) AND (m.kind = 'average'::text) AND (m.hour >= (h.day AT TIME ZONE 'UTC'::text)) AND (m.hour < ((h.day + 1) AT TIME ZONE 'UTC'::text)) AND (m.calls <> 0))) w
          WHERE (w.cum >= ((((h.mos_calls * 5) + 99) / 100))::numeric)) AS mos_p5,
    ( SELECT min(w.mos) AS min
           FROM ( SELECT m.mos,
                    sum(m.calls) OVER (ORDER BY m.mos) AS cum
                   FROM public.rollup_mos m
                  WHERE ((m.node = h.node) AND (m.side = h.side) AND (m.kind = 'average'::text) AND (m.hour >= (h.day AT TIME ZONE 'UTC'::text)) AND (m.hour < ((h.day + 1) AT TIME ZONE 'UTC'::text)) AND (m.calls <> 0))) w
          WHERE (w.cum >= (((h.mos_calls + 1) / 2))::numeric)) AS mos_median,
        CASE
            WHEN (h.side = 'call'::text) THEN ( SELECT min(m.mos) AS min
               FROM public.rollup_mos m
              WHERE ((m.node = h.node) AND (m.side = 'call'::text) AND (m.kind = 'min'::text) AND (m.hour >= (h.day AT TIME ZONE 'UTC'::text)) AND (m.hour < ((h.day + 1) AT TIME ZONE 'UTC'::text)) AND (m.calls <> 0)))
            ELSE NULL::real
        END AS mos_min,
    ((h.band_very_satisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_very_satisfied,
    ((h.band_satisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_satisfied,
    ((h.band_some_dissatisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_some_dissatisfied,
    ((h.band_many_dissatisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_many_dissatisfied,
    ((h.band_nearly_all_dissatisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_nearly_all_dissatisfied,
    ((h.band_not_recommended)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_not_recommended,
    h.loss_calls AS packetloss_calls,
    (h.loss_sum / (NULLIF(h.loss_calls, 0))::double precision) AS packetloss_pct_average,
    h.jitter_calls,
    (h.jitter_sum / (NULLIF(h.jitter_calls, 0))::double precision) AS jitter_ms_average,
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
   FROM ( SELECT ((rollup_hour.hour AT TIME ZONE 'UTC'::text))::date AS day,
            rollup_hour.node,
            rollup_hour.side,
            (sum(rollup_hour.calls))::bigint AS calls,
            (sum(rollup_hour.calls_with_mos))::bigint AS calls_with_mos,
            (sum(rollup_hour.mos_calls))::bigint AS mos_calls,
            sum(rollup_hour.mos_sum) AS mos_sum,
            (sum(rollup_hour.band_very_satisfied))::bigint AS band_very_satisfied,
            (sum(rollup_hour.band_satisfied))::bigint AS band_satisfied,
            (sum(rollup_hour.band_some_dissatisfied))::bigint AS band_some_dissatisfied,
            (sum(rollup_hour.band_many_dissatisfied))::bigint AS band_many_dissatisfied,
            (sum(rollup_hour.band_nearly_all_dissatisfied))::bigint AS band_nearly_all_dissatisfied,
            (sum(rollup_hour.band_not_recommended))::bigint AS band_not_recommended,
            (sum(rollup_hour.loss_calls))::bigint AS loss_calls,
            sum(rollup_hour.loss_sum) AS loss_sum,
            (sum(rollup_hour.jitter_calls))::bigint AS jitter_calls,
            sum(rollup_hour.jitter_sum) AS jitter_sum,
            (sum(rollup_hour.no_mos_no_media))::bigint AS no_mos_no_media,
            (sum(rollup_hour.no_mos_no_rtcp))::bigint AS no_mos_no_rtcp,
            (sum(rollup_hour.no_mos_too_short))::bigint AS no_mos_too_short,
            (sum(rollup_hour.no_mos_no_reply))::bigint AS no_mos_no_reply,
            (sum(rollup_hour.no_mos_unknown))::bigint AS no_mos_unknown,
            (sum(rollup_hour.no_mos_peer_no_rtcp))::bigint AS no_mos_peer_no_rtcp,
            (sum(rollup_hour.talk_calls))::bigint AS talk_calls,
            sum(rollup_hour.talk_s) AS talk_s,
            (sum(rollup_hour.ringing_calls))::bigint AS ringing_calls,
            sum(rollup_hour.ringing_s) AS ringing_s,
            (sum(rollup_hour.a_worse))::bigint AS a_worse,
            (sum(rollup_hour.b_worse))::bigint AS b_worse
           FROM public.rollup_hour
          WHERE (rollup_hour.calls <> 0)
          GROUP BY (((rollup_hour.hour AT TIME ZONE 'UTC'::text))::date), rollup_hour.node, rollup_hour.side) h
  WHERE (h.calls <> 0);

CREATE VIEW public.v_daily_quality AS
 SELECT v_quality_daily.day,
    v_quality_daily.node,
    v_quality_daily.calls,
    v_quality_daily.calls_with_mos,
    v_quality_daily.share_with_mos,
    v_quality_daily.mos_average,
    v_quality_daily.mos_min,
    v_quality_daily.share_very_satisfied,
    v_quality_daily.share_satisfied,
    v_quality_daily.share_some_dissatisfied,
    v_quality_daily.share_many_dissatisfied,
    v_quality_daily.share_nearly_all_dissatisfied,
    v_quality_daily.share_not_recommended,
    ((v_quality_daily.calls_no_mos_no_media)::double precision / (v_quality_daily.calls)::double precision) AS share_no_mos_no_media,
    ((v_quality_daily.calls_no_mos_no_rtcp)::double precision / (v_quality_daily.calls)::double precision) AS share_no_mos_no_rtcp,
    ((v_quality_daily.calls_no_mos_too_short)::double precision / (v_quality_daily.calls)::double precision) AS share_no_mos_too_short,
    ((v_quality_daily.calls_no_mos_no_reply)::double precision / (v_quality_daily.calls)::double precision) AS share_no_mos_no_reply,
    ((v_quality_daily.calls_no_mos_unknown)::double precision / (v_quality_daily.calls)::double precision) AS share_no_mos_unknown,
    ((v_quality_daily.calls_no_mos_peer_no_rtcp)::double precision / (v_quality_daily.calls)::double precision) AS share_no_mos_peer_no_rtcp,
        CASE
            WHEN (v_quality_daily.talk_calls > 0) THEN v_quality_daily.talk_s
            ELSE NULL::double precision
        END AS talk_s_total,
    (v_quality_daily.talk_s / (NULLIF(v_quality_daily.talk_calls, 0))::double precision) AS talk_s_average,
    (v_quality_daily.ringing_s / (NULLIF(v_quality_daily.ringing_calls, 0))::double precision) AS ringing_s_average,
    v_quality_daily.mos_p5,
    v_quality_daily.mos_median
   FROM public.v_quality_daily
  WHERE (v_quality_daily.side = 'call'::text);

CREATE VIEW public.v_leg_quality AS
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
            WHEN (q.mos_average IS NULL) THEN NULL::text
            WHEN (q.mos_average >= (4.34)::real) THEN 'very satisfied'::text
            WHEN (q.mos_average >= (4.03)::real) THEN 'satisfied'::text
            WHEN (q.mos_average >= (3.60)::real) THEN 'some users dissatisfied'::text
            WHEN (q.mos_average >= (3.10)::real) THEN 'many users dissatisfied'::text
            WHEN (q.mos_average >= (2.58)::real) THEN 'nearly all users dissatisfied'::text
            ELSE 'not recommended'::text
        END AS quality_band,
    m.rtp_packets,
    m.rtp_bytes,
    m.rtp_errors,
    m.rtcp_packets,
    m.remote_addr,
    m.remote_port,
    m.protocol,
    m.codec,
    m.ssrc,
    m.last_packet,
    m.mos_missing
   FROM (( SELECT l.call_pk,
            c.node,
            c.call_id,
            c.start_time,
            l.side,
            l.label,
            max(s.mos) FILTER (WHERE (s.kind = 'average'::text)) AS mos_average,
            max(s.mos) FILTER (WHERE (s.kind = 'min'::text)) AS mos_min,
            max(s.mos) FILTER (WHERE (s.kind = 'max'::text)) AS mos_max,
            max(s.at_offset_s) FILTER (WHERE (s.kind = 'min'::text)) AS mos_min_at_s,
            max(s.at_offset_s) FILTER (WHERE (s.kind = 'max'::text)) AS mos_max_at_s,
            max(s.packetloss_pct) FILTER (WHERE (s.kind = 'average'::text)) AS packetloss_pct_average,
            max(s.jitter_ms) FILTER (WHERE (s.kind = 'average'::text)) AS jitter_ms_average,
            max(((s.roundtrip_us)::double precision / (1000.0)::double precision)) FILTER (WHERE (s.kind = 'average'::text)) AS roundtrip_ms_average,
            max(((s.roundtrip_leg_us)::double precision / (1000.0)::double precision)) FILTER (WHERE (s.kind = 'average'::text)) AS roundtrip_leg_ms_average,
            max(s.samples) FILTER (WHERE (s.kind = 'average'::text)) AS samples,
            count(*) FILTER (WHERE (s.kind = 'progression'::text)) AS progression_points
           FROM ((public.leg l
             JOIN public.call c ON ((c.call_pk = l.call_pk)))
             LEFT JOIN public.mos_sample s ON (((s.call_pk = l.call_pk) AND (s.scope = l.side))))
          GROUP BY l.call_pk, l.side, c.node, c.call_id, c.start_time, l.label) q
     JOIN public.leg m ON (((m.call_pk = q.call_pk) AND (m.side = q.side))));

CREATE VIEW public.v_mos_distribution AS
 SELECT rollup_mos.hour,
    rollup_mos.node,
    rollup_mos.side,
    rollup_mos.mos,
    rollup_mos.calls
   FROM public.rollup_mos
  WHERE ((rollup_mos.kind = 'average'::text) AND (rollup_mos.calls <> 0));

CREATE VIEW public.v_mos_missing_by_remote AS
 SELECT l.remote_addr,
    l.mos_missing,
    count(DISTINCT l.call_pk) AS calls,
    count(*) AS legs,
    min(COALESCE(c.start_time, c.received_at)) AS first_seen,
    max(COALESCE(c.start_time, c.received_at)) AS last_seen
   FROM (public.leg l
     JOIN public.call c ON ((c.call_pk = l.call_pk)))
  WHERE (l.mos_missing IS NOT NULL)
  GROUP BY l.remote_addr, l.mos_missing
  ORDER BY (count(DISTINCT l.call_pk)) DESC, (l.remote_addr IS NULL), l.remote_addr, l.mos_missing;

CREATE VIEW public.v_poor_calls AS
 SELECT v_call_quality.call_pk,
    v_call_quality.node,
    v_call_quality.call_id,
    v_call_quality.from_tag,
    v_call_quality.to_tag,
    v_call_quality.from_uri,
    v_call_quality.to_uri,
    v_call_quality.sip_code,
    v_call_quality.sip_reason,
    v_call_quality.start_time,
    v_call_quality.end_time,
    v_call_quality.duration_s,
    v_call_quality.received_at,
    v_call_quality.messages,
    v_call_quality.mos_average,
    v_call_quality.mos_min,
    v_call_quality.mos_max,
    v_call_quality.mos_min_at_s,
    v_call_quality.mos_max_at_s,
    v_call_quality.packetloss_pct_average,
    v_call_quality.jitter_ms_average,
    v_call_quality.roundtrip_ms_average,
    v_call_quality.roundtrip_leg_ms_average,
    v_call_quality.samples,
    v_call_quality.a_label,
    v_call_quality.a_mos_average,
    v_call_quality.a_mos_min,
    v_call_quality.a_mos_max,
    v_call_quality.a_packetloss_pct_average,
    v_call_quality.a_jitter_ms_average,
    v_call_quality.a_roundtrip_ms_average,
    v_call_quality.b_label,
    v_call_quality.b_mos_average,
    v_call_quality.b_mos_min,
    v_call_quality.b_mos_max,
    v_call_quality.b_packetloss_pct_average,
    v_call_quality.b_jitter_ms_average,
    v_call_quality.b_roundtrip_ms_average,
    v_call_quality.mos_worst,
    v_call_quality.has_mos,
    v_call_quality.quality_band,
    v_call_quality.answer_time,
    v_call_quality.ringing_s,
    v_call_quality.talk_s,
    v_call_quality.a_rtp_packets,
    v_call_quality.a_rtp_bytes,
    v_call_quality.a_rtp_errors,
    v_call_quality.a_rtcp_packets,
    v_call_quality.a_remote_addr,
    v_call_quality.a_remote_port,
    v_call_quality.a_protocol,
    v_call_quality.a_codec,
    v_call_quality.a_ssrc,
    v_call_quality.a_last_packet,
    v_call_quality.a_mos_missing,
    v_call_quality.b_rtp_packets,
    v_call_quality.b_rtp_bytes,
    v_call_quality.b_rtp_errors,
    v_call_quality.b_rtcp_packets,
    v_call_quality.b_remote_addr,
    v_call_quality.b_remote_port,
    v_call_quality.b_protocol,
    v_call_quality.b_codec,
    v_call_quality.b_ssrc,
    v_call_quality.b_last_packet,
    v_call_quality.b_mos_missing
   FROM public.v_call_quality
  WHERE (v_call_quality.mos_worst < (3.6)::real)
  ORDER BY v_call_quality.mos_worst, v_call_quality.call_pk;

CREATE VIEW public.v_quality_hourly AS
 SELECT h.hour,
    h.node,
    h.side,
    h.calls,
    h.calls_with_mos,
    ((h.calls_with_mos)::double precision / (h.calls)::double precision) AS share_with_mos,
    h.mos_calls,
    (h.mos_sum / (NULLIF(h.mos_calls, 0))::double precision) AS mos_average,
    ( SELECT min(w.mos) AS min
           FROM ( SELECT m.mos,
                    sum(m.calls) OVER (ORDER BY m.mos) AS cum
                   FROM public.rollup_mos m
                  WHERE ((m.node = h.node) AND (m.side = h.side) AND (m.kind = 'average'::text) AND (m.hour = h.hour) AND (m.calls <> 0))) w
          WHERE (w.cum >= ((((h.mos_calls * 5) + 99) / 100))::numeric)) AS mos_p5,
    ( SELECT min(w.mos) AS min
           FROM ( SELECT m.mos,
                    sum(m.calls) OVER (ORDER BY m.mos) AS cum
                   FROM public.rollup_mos m
                  WHERE ((m.node = h.node) AND (m.side = h.side) AND (m.kind = 'average'::text) AND (m.hour = h.hour) AND (m.calls <> 0))) w
          WHERE (w.cum >= (((h.mos_calls + 1) / 2))::numeric)) AS mos_median,
        CASE
            WHEN (h.side = 'call'::text) THEN ( SELECT min(m.mos) AS min
               FROM public.rollup_mos m
              WHERE ((m.node = h.node) AND (m.side = 'call'::text) AND (m.kind = 'min'::text) AND (m.hour = h.hour) AND (m.calls <> 0)))
            ELSE NULL::real
        END AS mos_min,
    ((h.band_very_satisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_very_satisfied,
    ((h.band_satisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_satisfied,
    ((h.band_some_dissatisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_some_dissatisfied,
    ((h.band_many_dissatisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_many_dissatisfied,
    ((h.band_nearly_all_dissatisfied)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_nearly_all_dissatisfied,
    ((h.band_not_recommended)::double precision / (NULLIF(h.mos_calls, 0))::double precision) AS share_not_recommended,
    h.loss_calls AS packetloss_calls,
    (h.loss_sum / (NULLIF(h.loss_calls, 0))::double precision) AS packetloss_pct_average,
    h.jitter_calls,
    (h.jitter_sum / (NULLIF(h.jitter_calls, 0))::double precision) AS jitter_ms_average,
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
   FROM public.rollup_hour h
  WHERE (h.calls <> 0);

COPY public.call (call_pk, node, call_id, from_tag, to_tag, from_uri, to_uri, sip_code, sip_reason, start_time, end_time, received_at, updated_at, messages, extra, answer_time) FROM stdin;
1	kam2	v11-0000000001@192.0.2.10	9e3779b1	as169a35f4	sip:+49304435761@192.0.2.10	sip:+49894811920@192.0.2.20	200	OK	2025-11-17 23:23:59.001+00	2025-11-17 23:24:15.001+00	2025-11-17 23:24:16.001+00	2025-11-17 23:24:16.001+00	1	\N	2025-11-17 23:24:02.001+00
2	kam3	v11-0000000002@192.0.2.10	3c6ef362	as8a222c4	sip:+49303904226@192.0.2.10	sip:+49897968075@192.0.2.20	200	OK	2025-11-22 15:24:14.002+00	2025-11-22 15:37:30.002+00	2025-11-22 15:37:31.002+00	2025-11-22 15:37:31.002+00	1	\N	2025-11-22 15:24:17.002+00
3	kam1	v11-0000000003@192.0.2.10	daa66d13	as1f3c58b9	sip:+49308339987@192.0.2.10	sip:+49892779995@192.0.2.20	200	OK	2025-11-08 15:04:13.003+00	2025-11-08 15:17:40.003+00	2025-11-08 15:17:41.003+00	2025-11-08 15:17:41.003+00	1	\N	2025-11-08 15:04:16.003+00
4	kam2	v11-0000000004@192.0.2.10	78dde6c4	as11444589	sip:+49307808452@192.0.2.10	sip:+49895936150@192.0.2.20	200	OK	2025-11-13 07:04:28.004+00	2025-11-13 07:16:00.004+00	2025-11-13 07:16:01.004+00	2025-11-13 07:16:01.004+00	1	\N	2025-11-13 07:04:31.004+00
6	kam1	v11-0000000006@192.0.2.10	b54cda26	as19e6684e	sip:+49301712678@192.0.2.10	sip:+49893904226@192.0.2.20	200	OK	2025-11-03 22:44:42.006+00	2025-11-03 22:54:30.006+00	2025-11-03 22:54:31.006+00	2025-11-03 22:54:31.006+00	1	\N	2025-11-03 22:44:45.006+00
7	kam2	v11-0000000007@192.0.2.10	538453d7	asbee551e	sip:+49301181143@192.0.2.10	sip:+49897060381@192.0.2.20	200	OK	2025-11-08 14:44:57.007+00	2025-11-08 14:52:50.007+00	2025-11-08 14:52:51.007+00	2025-11-08 14:52:51.007+00	1	\N	2025-11-08 14:45:00.007+00
8	kam3	v11-0000000008@192.0.2.10	f1bbcd88	as22888b13	sip:+49305616904@192.0.2.10	sip:+49891872301@192.0.2.20	200	OK	2025-11-24 14:08:56.008+00	2025-11-24 14:17:00.008+00	2025-11-24 14:17:01.008+00	2025-11-24 14:17:01.008+00	1	\N	2025-11-24 14:08:59.008+00
9	kam1	v11-0000000009@192.0.2.10	8ff34739	as149077e3	sip:+49305085369@192.0.2.10	sip:+49895028456@192.0.2.20	200	OK	2025-11-29 06:09:11.009+00	2025-11-29 06:15:20.009+00	2025-11-29 06:15:21.009+00	2025-11-29 06:15:21.009+00	1	\N	2025-11-29 06:09:14.009+00
11	kam3	v11-0000000011@192.0.2.10	cc623a9b	as1d329aa8	sip:+49308989595@192.0.2.10	sip:+49892996531@192.0.2.20	200	OK	2025-11-19 21:49:25.011+00	2025-11-19 21:53:50.011+00	2025-11-19 21:53:51.011+00	2025-11-19 21:53:51.011+00	1	\N	2025-11-19 21:49:28.011+00
12	kam1	v11-0000000012@192.0.2.10	6a99b44c	asf3a8778	sip:+49308458060@192.0.2.10	sip:+49896152686@192.0.2.20	200	OK	2025-11-24 13:49:40.012+00	2025-11-24 13:52:10.012+00	2025-11-24 13:52:11.012+00	2025-11-24 13:52:11.012+00	1	\N	2025-11-24 13:49:43.012+00
13	kam2	v11-0000000013@192.0.2.10	08d12dfd	as1427448	sip:+49307926525@192.0.2.10	sip:+49899308841@192.0.2.20	200	OK	2025-11-29 05:49:55.013+00	2025-11-29 05:50:30.013+00	2025-11-29 05:50:31.013+00	2025-11-29 05:50:31.013+00	1	\N	2025-11-29 05:49:58.013+00
14	kam3	v11-0000000014@192.0.2.10	a708a7ae	as17dcaa3d	sip:+49302362286@192.0.2.10	sip:+49894120762@192.0.2.20	200	OK	2025-11-15 05:29:54.014+00	2025-11-15 05:30:40.014+00	2025-11-15 05:30:41.014+00	2025-11-15 05:30:41.014+00	1	\N	2025-11-15 05:29:57.014+00
16	kam2	v11-0000000016@192.0.2.10	e3779b10	as207ecd02	sip:+49306266512@192.0.2.10	sip:+49892088837@192.0.2.20	200	OK	2025-11-05 21:10:08.016+00	2025-11-05 21:24:05.016+00	2025-11-05 21:24:06.016+00	2025-11-05 21:24:06.016+00	1	\N	2025-11-05 21:10:11.016+00
17	kam3	v11-0000000017@192.0.2.10	81af14c1	as1286b9d2	sip:+49305734977@192.0.2.10	sip:+49895244992@192.0.2.20	200	OK	2025-11-10 13:10:23.017+00	2025-11-10 13:22:25.017+00	2025-11-10 13:22:26.017+00	2025-11-10 13:22:26.017+00	1	\N	2025-11-10 13:10:26.017+00
18	kam1	v11-0000000018@192.0.2.10	1fe68e72	as48ea6a2	sip:+49305203442@192.0.2.10	sip:+49898401147@192.0.2.20	200	OK	2025-11-15 05:10:38.018+00	2025-11-15 05:20:45.018+00	2025-11-15 05:20:46.018+00	2025-11-15 05:20:46.018+00	1	\N	2025-11-15 05:10:41.018+00
19	kam2	v11-0000000019@192.0.2.10	be1e0823	as1b28dc97	sip:+49309639203@192.0.2.10	sip:+49893213067@192.0.2.20	200	OK	2025-12-01 04:34:37.019+00	2025-12-01 04:44:55.019+00	2025-12-01 04:44:56.019+00	2025-12-01 04:44:56.019+00	1	\N	2025-12-01 04:34:40.019+00
21	kam1	v11-0000000021@192.0.2.10	fa8cfb85	as23caff5c	sip:+49303543429@192.0.2.10	sip:+49891181143@192.0.2.20	200	OK	2025-11-21 20:14:51.021+00	2025-11-21 20:23:25.021+00	2025-11-21 20:23:26.021+00	2025-11-21 20:23:26.021+00	1	\N	2025-11-21 20:14:54.021+00
22	kam2	v11-0000000022@192.0.2.10	98c47536	as15d2ec2c	sip:+49303011894@192.0.2.10	sip:+49894337298@192.0.2.20	200	OK	2025-11-26 12:15:06.022+00	2025-11-26 12:21:45.022+00	2025-11-26 12:21:46.022+00	2025-11-26 12:21:46.022+00	1	\N	2025-11-26 12:15:09.022+00
23	kam3	v11-0000000023@192.0.2.10	36fbeee7	as7dad8fc	sip:+49302480359@192.0.2.10	sip:+49897493453@192.0.2.20	200	OK	2025-12-01 04:15:21.023+00	2025-12-01 04:20:05.023+00	2025-12-01 04:20:06.023+00	2025-12-01 04:20:06.023+00	1	\N	2025-12-01 04:15:24.023+00
24	kam1	v11-0000000024@192.0.2.10	d5336898	as1e750ef1	sip:+49306916120@192.0.2.10	sip:+49892305373@192.0.2.20	200	OK	2025-11-17 03:55:20.024+00	2025-11-17 04:00:15.024+00	2025-11-17 04:00:16.024+00	2025-11-17 04:00:16.024+00	1	\N	2025-11-17 03:55:23.024+00
26	kam3	v11-0000000026@192.0.2.10	11a25bfa	as284e891	sip:+49305853050@192.0.2.10	sip:+49898617683@192.0.2.20	200	OK	2025-11-26 11:55:50.026+00	2025-11-26 11:56:55.026+00	2025-11-26 11:56:56.026+00	2025-11-26 11:56:56.026+00	1	\N	2025-11-26 11:55:53.026+00
27	kam1	v11-0000000027@192.0.2.10	afd9d5ab	as191f1e86	sip:+49300288811@192.0.2.10	sip:+49893429603@192.0.2.20	200	OK	2025-11-12 11:35:49.027+00	2025-11-12 11:37:05.027+00	2025-11-12 11:37:06.027+00	2025-11-12 11:37:06.027+00	1	\N	2025-11-12 11:35:52.027+00
28	kam2	v11-0000000028@192.0.2.10	4e114f5c	asb270b56	sip:+49309757276@192.0.2.10	sip:+49896585758@192.0.2.20	200	OK	2025-11-17 03:36:04.028+00	2025-11-17 03:50:20.028+00	2025-11-17 03:50:21.028+00	2025-11-17 03:50:21.028+00	1	\N	2025-11-17 03:36:07.028+00
29	kam3	v11-0000000029@192.0.2.10	ec48c90d	as21c1414b	sip:+49304193037@192.0.2.10	sip:+49891397679@192.0.2.20	200	OK	2025-11-03 03:16:03.029+00	2025-11-03 03:30:30.029+00	2025-11-03 03:30:31.029+00	2025-11-03 03:30:31.029+00	1	\N	2025-11-03 03:16:06.029+00
31	kam2	v11-0000000031@192.0.2.10	28b7bc6f	as5d11aeb	sip:+49303129967@192.0.2.10	sip:+49897709989@192.0.2.20	200	OK	2025-11-12 11:16:33.031+00	2025-11-12 11:27:10.031+00	2025-11-12 11:27:11.031+00	2025-11-12 11:27:11.031+00	1	\N	2025-11-12 11:16:36.031+00
32	kam3	v11-0000000032@192.0.2.10	c6ef3620	as1c6b50e0	sip:+49307565728@192.0.2.10	sip:+49892521909@192.0.2.20	200	OK	2025-11-28 10:40:32.032+00	2025-11-28 10:51:20.032+00	2025-11-28 10:51:21.032+00	2025-11-28 10:51:21.032+00	1	\N	2025-11-28 10:40:35.032+00
33	kam1	v11-0000000033@192.0.2.10	6526afd1	ase733db0	sip:+49307034193@192.0.2.10	sip:+49895678064@192.0.2.20	200	OK	2025-11-03 02:56:47.033+00	2025-11-03 03:05:40.033+00	2025-11-03 03:05:41.033+00	2025-11-03 03:05:41.033+00	1	\N	2025-11-03 02:56:50.033+00
34	kam2	v11-0000000034@192.0.2.10	035e2982	as7b2a80	sip:+49306502658@192.0.2.10	sip:+49898834219@192.0.2.20	200	OK	2025-11-07 18:57:02.034+00	2025-11-07 19:04:00.034+00	2025-11-07 19:04:01.034+00	2025-11-07 19:04:01.034+00	1	\N	2025-11-07 18:57:05.034+00
36	kam1	v11-0000000036@192.0.2.10	3fcd1ce4	as91d4d45	sip:+49300406884@192.0.2.10	sip:+49896802294@192.0.2.20	200	OK	2025-11-28 10:21:16.036+00	2025-11-28 10:26:30.036+00	2025-11-28 10:26:31.036+00	2025-11-28 10:26:31.036+00	1	\N	2025-11-28 10:21:19.036+00
38	kam3	v11-0000000038@192.0.2.10	7c3c1046	as11bf700a	sip:+49304311110@192.0.2.10	sip:+49894770370@192.0.2.20	200	OK	2025-11-19 02:01:30.038+00	2025-11-19 02:05:00.038+00	2025-11-19 02:05:01.038+00	2025-11-19 02:05:01.038+00	1	\N	2025-11-19 02:01:33.038+00
39	kam1	v11-0000000039@192.0.2.10	1a7389f7	as3c75cda	sip:+49303779575@192.0.2.10	sip:+49897926525@192.0.2.20	200	OK	2025-11-23 18:01:45.039+00	2025-11-23 18:03:20.039+00	2025-11-23 18:03:21.039+00	2025-11-23 18:03:21.039+00	1	\N	2025-11-23 18:01:48.039+00
41	kam3	v11-0000000041@192.0.2.10	56e27d59	asc697f9f	sip:+49307683801@192.0.2.10	sip:+49895894600@192.0.2.20	200	OK	2025-11-14 09:41:59.041+00	2025-11-14 09:56:45.041+00	2025-11-14 09:56:46.041+00	2025-11-14 09:56:46.041+00	1	\N	2025-11-14 09:42:02.041+00
42	kam1	v11-0000000042@192.0.2.10	f519f70a	as2303b593	sip:+49302119562@192.0.2.10	sip:+49890706520@192.0.2.20	200	OK	2025-11-30 09:05:58.042+00	2025-11-30 09:20:55.042+00	2025-11-30 09:20:56.042+00	2025-11-30 09:20:56.042+00	1	\N	2025-11-30 09:06:01.042+00
43	kam2	v11-0000000043@192.0.2.10	935170bb	as150ba263	sip:+49301588027@192.0.2.10	sip:+49893862675@192.0.2.20	200	OK	2025-11-05 01:22:13.043+00	2025-11-05 01:35:15.043+00	2025-11-05 01:35:16.043+00	2025-11-05 01:35:16.043+00	1	\N	2025-11-05 01:22:16.043+00
44	kam3	v11-0000000044@192.0.2.10	3188ea6c	as7138f34	sip:+49301056492@192.0.2.10	sip:+49897018830@192.0.2.20	200	OK	2025-11-09 17:22:28.044+00	2025-11-09 17:33:35.044+00	2025-11-09 17:33:36.044+00	2025-11-09 17:33:36.044+00	1	\N	2025-11-09 17:22:31.044+00
46	kam2	v11-0000000046@192.0.2.10	6df7ddce	asfb5b1f8	sip:+49304960718@192.0.2.10	sip:+49894986906@192.0.2.20	200	OK	2025-11-30 08:46:42.046+00	2025-11-30 08:56:05.046+00	2025-11-30 08:56:06.046+00	2025-11-30 08:56:06.046+00	1	\N	2025-11-30 08:46:45.046+00
47	kam3	v11-0000000047@192.0.2.10	0c2f577f	as1bd9ec9	sip:+49304429183@192.0.2.10	sip:+49898143061@192.0.2.20	200	OK	2025-11-05 01:02:57.047+00	2025-11-05 01:10:25.047+00	2025-11-05 01:10:26.047+00	2025-11-05 01:10:26.047+00	1	\N	2025-11-05 01:03:00.047+00
48	kam1	v11-0000000048@192.0.2.10	aa66d130	as1857d4bd	sip:+49308864944@192.0.2.10	sip:+49892954981@192.0.2.20	200	OK	2025-11-21 00:26:56.048+00	2025-11-21 00:34:35.048+00	2025-11-21 00:34:36.048+00	2025-11-21 00:34:36.048+00	1	\N	2025-11-21 00:26:59.048+00
49	kam2	v11-0000000049@192.0.2.10	489e4ae1	asa5fc18d	sip:+49308333409@192.0.2.10	sip:+49896111136@192.0.2.20	200	OK	2025-11-25 16:27:11.049+00	2025-11-25 16:32:55.049+00	2025-11-25 16:32:56.049+00	2025-11-25 16:32:56.049+00	1	\N	2025-11-25 16:27:14.049+00
51	kam1	v11-0000000051@192.0.2.10	850d3e43	as1301e452	sip:+49302237635@192.0.2.10	sip:+49894079211@192.0.2.20	200	OK	2025-11-16 08:07:25.051+00	2025-11-16 08:11:25.051+00	2025-11-16 08:11:26.051+00	2025-11-16 08:11:26.051+00	1	\N	2025-11-16 08:07:28.051+00
52	kam2	v11-0000000052@192.0.2.10	2344b7f4	as509d122	sip:+49301706100@192.0.2.10	sip:+49897235366@192.0.2.20	200	OK	2025-11-21 00:07:40.052+00	2025-11-21 00:09:45.052+00	2025-11-21 00:09:46.052+00	2025-11-21 00:09:46.052+00	1	\N	2025-11-21 00:07:43.052+00
53	kam3	v11-0000000053@192.0.2.10	c17c31a5	as1ba40717	sip:+49306141861@192.0.2.10	sip:+49892047287@192.0.2.20	200	OK	2025-11-06 23:47:39.053+00	2025-11-06 23:49:55.053+00	2025-11-06 23:49:56.053+00	2025-11-06 23:49:56.053+00	1	\N	2025-11-06 23:47:42.053+00
54	kam1	v11-0000000054@192.0.2.10	5fb3ab56	asdabf3e7	sip:+49305610326@192.0.2.10	sip:+49895203442@192.0.2.20	200	OK	2025-11-11 15:47:54.054+00	2025-11-11 15:48:15.054+00	2025-11-11 15:48:16.054+00	2025-11-11 15:48:16.054+00	1	\N	2025-11-11 15:47:57.054+00
56	kam3	v11-0000000056@192.0.2.10	9c229eb8	as164e16ac	sip:+49309514552@192.0.2.10	sip:+49893171517@192.0.2.20	200	OK	2025-11-02 07:28:08.056+00	2025-11-02 07:41:40.056+00	2025-11-02 07:41:41.056+00	2025-11-02 07:41:41.056+00	1	\N	2025-11-02 07:28:11.056+00
57	kam1	v11-0000000057@192.0.2.10	3a5a1869	as856037c	sip:+49308983017@192.0.2.10	sip:+49896327672@192.0.2.20	200	OK	2025-11-06 23:28:23.057+00	2025-11-06 23:40:00.057+00	2025-11-06 23:40:01.057+00	2025-11-06 23:40:01.057+00	1	\N	2025-11-06 23:28:26.057+00
58	kam2	v11-0000000058@192.0.2.10	d891921a	as1ef03971	sip:+49303418778@192.0.2.10	sip:+49891139592@192.0.2.20	200	OK	2025-11-22 22:52:22.058+00	2025-11-22 23:04:10.058+00	2025-11-22 23:04:11.058+00	2025-11-22 23:04:11.058+00	1	\N	2025-11-22 22:52:25.058+00
59	kam3	v11-0000000059@192.0.2.10	76c90bcb	as10f82641	sip:+49302887243@192.0.2.10	sip:+49894295747@192.0.2.20	200	OK	2025-11-27 14:52:37.059+00	2025-11-27 15:02:30.059+00	2025-11-27 15:02:31.059+00	2025-11-27 15:02:31.059+00	1	\N	2025-11-27 14:52:40.059+00
61	kam2	v11-0000000061@192.0.2.10	b337ff2d	as199a4906	sip:+49306791469@192.0.2.10	sip:+49892263823@192.0.2.20	200	OK	2025-11-18 06:32:51.061+00	2025-11-18 06:41:00.061+00	2025-11-18 06:41:01.061+00	2025-11-18 06:41:01.061+00	1	\N	2025-11-18 06:32:54.061+00
62	kam3	v11-0000000062@192.0.2.10	516f78de	asba235d6	sip:+49306259934@192.0.2.10	sip:+49895419978@192.0.2.20	200	OK	2025-11-22 22:33:06.062+00	2025-11-22 22:39:20.062+00	2025-11-22 22:39:21.062+00	2025-11-22 22:39:21.062+00	1	\N	2025-11-22 22:33:09.062+00
63	kam1	v11-0000000063@192.0.2.10	efa6f28f	as223c6bcb	sip:+49300695695@192.0.2.10	sip:+49890231898@192.0.2.20	200	OK	2025-11-08 22:13:05.063+00	2025-11-08 22:19:30.063+00	2025-11-08 22:19:31.063+00	2025-11-08 22:19:31.063+00	1	\N	2025-11-08 22:13:08.063+00
64	kam2	v11-0000000064@192.0.2.10	8dde6c40	as1444589b	sip:+49300164160@192.0.2.10	sip:+49893388053@192.0.2.20	200	OK	2025-11-13 14:13:20.064+00	2025-11-13 14:17:50.064+00	2025-11-13 14:17:51.064+00	2025-11-13 14:17:51.064+00	1	\N	2025-11-13 14:13:23.064+00
66	kam1	v11-0000000066@192.0.2.10	ca4d5fa2	as1ce67b60	sip:+49304068386@192.0.2.10	sip:+49891356128@192.0.2.20	200	OK	2025-11-04 05:53:34.066+00	2025-11-04 05:56:20.066+00	2025-11-04 05:56:21.066+00	2025-11-04 05:56:21.066+00	1	\N	2025-11-04 05:53:37.066+00
67	kam2	v11-0000000067@192.0.2.10	6884d953	aseee6830	sip:+49303536851@192.0.2.10	sip:+49894512283@192.0.2.20	200	OK	2025-11-08 21:53:49.067+00	2025-11-08 21:54:40.067+00	2025-11-08 21:54:41.067+00	2025-11-08 21:54:41.067+00	1	\N	2025-11-08 21:53:52.067+00
68	kam3	v11-0000000068@192.0.2.10	06bc5304	asf65500	sip:+49303005316@192.0.2.10	sip:+49897668438@192.0.2.20	200	OK	2025-11-13 13:54:04.068+00	2025-11-13 14:07:55.068+00	2025-11-13 14:07:56.068+00	2025-11-13 14:07:56.068+00	1	\N	2025-11-13 13:54:07.068+00
69	kam1	v11-0000000069@192.0.2.10	a4f3ccb5	as17908af5	sip:+49307441077@192.0.2.10	sip:+49892480359@192.0.2.20	200	OK	2025-11-29 13:18:03.069+00	2025-11-29 13:32:05.069+00	2025-11-29 13:32:06.069+00	2025-11-29 13:32:06.069+00	1	\N	2025-11-29 13:18:06.069+00
71	kam3	v11-0000000071@192.0.2.10	e162c017	as2032adba	sip:+49301345303@192.0.2.10	sip:+49890448434@192.0.2.20	200	OK	2025-11-20 04:58:17.071+00	2025-11-20 05:10:35.071+00	2025-11-20 05:10:36.071+00	2025-11-20 05:10:36.071+00	1	\N	2025-11-20 04:58:20.071+00
72	kam1	v11-0000000072@192.0.2.10	7f9a39c8	as123a9a8a	sip:+49300813768@192.0.2.10	sip:+49893604589@192.0.2.20	200	OK	2025-11-24 20:58:32.072+00	2025-11-24 21:08:55.072+00	2025-11-24 21:08:56.072+00	2025-11-24 21:08:56.072+00	1	\N	2025-11-24 20:58:35.072+00
73	kam2	v11-0000000073@192.0.2.10	1dd1b379	as442875a	sip:+49300282233@192.0.2.10	sip:+49896760744@192.0.2.20	200	OK	2025-11-29 12:58:47.073+00	2025-11-29 13:07:15.073+00	2025-11-29 13:07:16.073+00	2025-11-29 13:07:16.073+00	1	\N	2025-11-29 12:58:50.073+00
76	kam2	v11-0000000076@192.0.2.10	f878208c	as237ee014	sip:+49308622220@192.0.2.10	sip:+49899540740@192.0.2.20	200	OK	2025-11-06 04:19:00.076+00	2025-11-06 04:25:55.076+00	2025-11-06 04:25:56.076+00	2025-11-06 04:25:56.076+00	1	\N	2025-11-06 04:19:03.076+00
77	kam3	v11-0000000077@192.0.2.10	96af9a3d	as1586cce4	sip:+49308090685@192.0.2.10	sip:+49892696895@192.0.2.20	200	OK	2025-11-10 20:19:15.077+00	2025-11-10 20:24:15.077+00	2025-11-10 20:24:16.077+00	2025-11-10 20:24:16.077+00	1	\N	2025-11-10 20:19:18.077+00
78	kam1	v11-0000000078@192.0.2.10	34e713ee	as78eb9b4	sip:+49307559150@192.0.2.10	sip:+49895853050@192.0.2.20	200	OK	2025-11-15 12:19:30.078+00	2025-11-15 12:22:35.078+00	2025-11-15 12:22:36.078+00	2025-11-15 12:22:36.078+00	1	\N	2025-11-15 12:19:33.078+00
79	kam2	v11-0000000079@192.0.2.10	d31e8d9f	as1e28efa9	sip:+49301994911@192.0.2.10	sip:+49890664970@192.0.2.20	200	OK	2025-12-01 11:43:29.079+00	2025-12-01 11:46:45.079+00	2025-12-01 11:46:46.079+00	2025-12-01 11:46:46.079+00	1	\N	2025-12-01 11:43:32.079+00
81	kam1	v11-0000000081@192.0.2.10	0f8d8101	as238c949	sip:+49300931841@192.0.2.10	sip:+49896977280@192.0.2.20	200	OK	2025-11-10 19:59:59.081+00	2025-11-10 20:14:20.081+00	2025-11-10 20:14:21.081+00	2025-11-10 20:14:21.081+00	1	\N	2025-11-10 20:00:02.081+00
82	kam2	v11-0000000082@192.0.2.10	adc4fab2	as18d2ff3e	sip:+49305367602@192.0.2.10	sip:+49891789200@192.0.2.20	200	OK	2025-11-26 19:23:58.082+00	2025-11-26 19:38:30.082+00	2025-11-26 19:38:31.082+00	2025-11-26 19:38:31.082+00	1	\N	2025-11-26 19:24:01.082+00
83	kam3	v11-0000000083@192.0.2.10	4bfc7463	asadaec0e	sip:+49304836067@192.0.2.10	sip:+49894945355@192.0.2.20	200	OK	2025-12-01 11:24:13.083+00	2025-12-01 11:36:50.083+00	2025-12-01 11:36:51.083+00	2025-12-01 11:36:51.083+00	1	\N	2025-12-01 11:24:16.083+00
84	kam1	v11-0000000084@192.0.2.10	ea33ee14	as21752202	sip:+49309271828@192.0.2.10	sip:+49899757276@192.0.2.20	200	OK	2025-11-17 11:04:12.084+00	2025-11-17 11:17:00.084+00	2025-11-17 11:17:01.084+00	2025-11-17 11:17:01.084+00	1	\N	2025-11-17 11:04:15.084+00
86	kam3	v11-0000000086@192.0.2.10	26a2e176	as584fba3	sip:+49308208758@192.0.2.10	sip:+49896069586@192.0.2.20	200	OK	2025-11-26 19:04:42.086+00	2025-11-26 19:13:40.086+00	2025-11-26 19:13:41.086+00	2025-11-26 19:13:41.086+00	1	\N	2025-11-26 19:04:45.086+00
87	kam1	v11-0000000087@192.0.2.10	c4da5b27	as1c1f3197	sip:+49302644519@192.0.2.10	sip:+49890881506@192.0.2.20	200	OK	2025-11-12 18:44:41.087+00	2025-11-12 18:53:50.087+00	2025-11-12 18:53:51.087+00	2025-11-12 18:53:51.087+00	1	\N	2025-11-12 18:44:44.087+00
88	kam2	v11-0000000088@192.0.2.10	6311d4d8	ase271e68	sip:+49302112984@192.0.2.10	sip:+49894037661@192.0.2.20	200	OK	2025-11-17 10:44:56.088+00	2025-11-17 10:52:10.088+00	2025-11-17 10:52:11.088+00	2025-11-17 10:52:11.088+00	1	\N	2025-11-17 10:44:59.088+00
89	kam3	v11-0000000089@192.0.2.10	01494e89	as2f0b38	sip:+49301581449@192.0.2.10	sip:+49897193816@192.0.2.20	200	OK	2025-11-22 02:45:11.089+00	2025-11-22 02:50:30.089+00	2025-11-22 02:50:31.089+00	2025-11-22 02:50:31.089+00	1	\N	2025-11-22 02:45:14.089+00
91	kam2	v11-0000000091@192.0.2.10	3db841eb	as8d12dfd	sip:+49305485675@192.0.2.10	sip:+49895161891@192.0.2.20	200	OK	2025-11-12 18:25:25.091+00	2025-11-12 18:29:00.091+00	2025-11-12 18:29:01.091+00	2025-11-12 18:29:01.091+00	1	\N	2025-11-12 18:25:28.091+00
92	kam3	v11-0000000092@192.0.2.10	dbefbb9c	as1f6b63f1	sip:+49309921436@192.0.2.10	sip:+49899973812@192.0.2.20	200	OK	2025-11-28 17:49:24.092+00	2025-11-28 17:53:10.092+00	2025-11-28 17:53:11.092+00	2025-11-28 17:53:11.092+00	1	\N	2025-11-28 17:49:27.092+00
93	kam1	v11-0000000093@192.0.2.10	7a27354d	as117350c1	sip:+49309389901@192.0.2.10	sip:+49893129967@192.0.2.20	200	OK	2025-11-03 10:05:39.093+00	2025-11-03 10:07:30.093+00	2025-11-03 10:07:31.093+00	2025-11-03 10:07:31.093+00	1	\N	2025-11-03 10:05:42.093+00
94	kam2	v11-0000000094@192.0.2.10	185eaefe	as37b3d92	sip:+49308858366@192.0.2.10	sip:+49896286122@192.0.2.20	200	OK	2025-11-08 02:05:54.094+00	2025-11-08 02:20:45.094+00	2025-11-08 02:20:46.094+00	2025-11-08 02:20:46.094+00	1	\N	2025-11-08 02:05:57.094+00
96	kam1	v11-0000000096@192.0.2.10	54cda260	asc1d6056	sip:+49302762592@192.0.2.10	sip:+49894254197@192.0.2.20	200	OK	2025-11-28 17:30:08.096+00	2025-11-28 17:43:15.096+00	2025-11-28 17:43:16.096+00	2025-11-28 17:43:16.096+00	1	\N	2025-11-28 17:30:11.096+00
97	kam2	v11-0000000097@192.0.2.10	f3051c11	as22b7964b	sip:+49307198353@192.0.2.10	sip:+49899066117@192.0.2.20	200	OK	2025-11-14 17:10:07.097+00	2025-11-14 17:23:25.097+00	2025-11-14 17:23:26.097+00	2025-11-14 17:23:26.097+00	1	\N	2025-11-14 17:10:10.097+00
98	kam3	v11-0000000098@192.0.2.10	913c95c2	as14bf831b	sip:+49306666818@192.0.2.10	sip:+49892222272@192.0.2.20	200	OK	2025-11-19 09:10:22.098+00	2025-11-19 09:21:45.098+00	2025-11-19 09:21:46.098+00	2025-11-19 09:21:46.098+00	1	\N	2025-11-19 09:10:25.098+00
99	kam1	v11-0000000099@192.0.2.10	2f740f73	as6c76feb	sip:+49306135283@192.0.2.10	sip:+49895378427@192.0.2.20	200	OK	2025-11-24 01:10:37.099+00	2025-11-24 01:20:05.099+00	2025-11-24 01:20:06.099+00	2025-11-24 01:20:06.099+00	1	\N	2025-11-24 01:10:40.099+00
101	kam3	v11-0000000101@192.0.2.10	6be302d5	asf6992b0	sip:+49300039509@192.0.2.10	sip:+49893346503@192.0.2.20	200	OK	2025-11-14 16:50:51.101+00	2025-11-14 16:58:35.101+00	2025-11-14 16:58:36.101+00	2025-11-14 16:58:36.101+00	1	\N	2025-11-14 16:50:54.101+00
102	kam1	v11-0000000102@192.0.2.10	0a1a7c86	as1717f80	sip:+49309507974@192.0.2.10	sip:+49896502658@192.0.2.20	200	OK	2025-11-19 08:51:06.102+00	2025-11-19 08:56:55.102+00	2025-11-19 08:56:56.102+00	2025-11-19 08:56:56.102+00	1	\N	2025-11-19 08:51:09.102+00
103	kam2	v11-0000000103@192.0.2.10	a851f637	as180bb575	sip:+49303943735@192.0.2.10	sip:+49891314578@192.0.2.20	200	OK	2025-11-05 08:31:05.103+00	2025-11-05 08:37:05.103+00	2025-11-05 08:37:06.103+00	2025-11-05 08:37:06.103+00	1	\N	2025-11-05 08:31:08.103+00
104	kam3	v11-0000000104@192.0.2.10	46896fe8	asa13a245	sip:+49303412200@192.0.2.10	sip:+49894470733@192.0.2.20	200	OK	2025-11-10 00:31:20.104+00	2025-11-10 00:35:25.104+00	2025-11-10 00:35:26.104+00	2025-11-10 00:35:26.104+00	1	\N	2025-11-10 00:31:23.104+00
106	kam2	v11-0000000106@192.0.2.10	82f8634a	as12b5c50a	sip:+49307316426@192.0.2.10	sip:+49892438808@192.0.2.20	200	OK	2025-11-30 15:55:34.106+00	2025-11-30 15:57:55.106+00	2025-11-30 15:57:56.106+00	2025-11-30 15:57:56.106+00	1	\N	2025-11-30 15:55:37.106+00
107	kam3	v11-0000000107@192.0.2.10	212fdcfb	as4bdb1da	sip:+49306784891@192.0.2.10	sip:+49895594963@192.0.2.20	200	OK	2025-11-05 08:11:49.107+00	2025-11-05 08:12:15.107+00	2025-11-05 08:12:16.107+00	2025-11-05 08:12:16.107+00	1	\N	2025-11-05 08:11:52.107+00
108	kam1	v11-0000000108@192.0.2.10	bf6756ac	as1b57e7cf	sip:+49301220652@192.0.2.10	sip:+49890406884@192.0.2.20	200	OK	2025-11-21 07:35:48.108+00	2025-11-21 07:36:25.108+00	2025-11-21 07:36:26.108+00	2025-11-21 07:36:26.108+00	1	\N	2025-11-21 07:35:51.108+00
109	kam2	v11-0000000109@192.0.2.10	5d9ed05d	asd5fd49f	sip:+49300689117@192.0.2.10	sip:+49893563039@192.0.2.20	200	OK	2025-11-25 23:36:03.109+00	2025-11-25 23:49:40.109+00	2025-11-25 23:49:41.109+00	2025-11-25 23:49:41.109+00	1	\N	2025-11-25 23:36:06.109+00
112	kam2	v11-0000000112@192.0.2.10	38453d70	as809e434	sip:+49304061808@192.0.2.10	sip:+49894687269@192.0.2.20	200	OK	2025-11-21 07:16:32.112+00	2025-11-21 07:26:30.112+00	2025-11-21 07:26:31.112+00	2025-11-21 07:26:31.112+00	1	\N	2025-11-21 07:16:35.112+00
113	kam3	v11-0000000113@192.0.2.10	d67cb721	as1ea41a29	sip:+49308497569@192.0.2.10	sip:+49899499189@192.0.2.20	200	OK	2025-11-07 06:56:31.113+00	2025-11-07 07:06:40.113+00	2025-11-07 07:06:41.113+00	2025-11-07 07:06:41.113+00	1	\N	2025-11-07 06:56:34.113+00
114	kam1	v11-0000000114@192.0.2.10	74b430d2	as10ac06f9	sip:+49307966034@192.0.2.10	sip:+49892655344@192.0.2.20	200	OK	2025-11-11 22:56:46.114+00	2025-11-11 23:05:00.114+00	2025-11-11 23:05:01.114+00	2025-11-11 23:05:01.114+00	1	\N	2025-11-11 22:56:49.114+00
116	kam3	v11-0000000116@192.0.2.10	b1232434	as194e29be	sip:+49301870260@192.0.2.10	sip:+49890623420@192.0.2.20	200	OK	2025-11-02 14:37:00.116+00	2025-11-02 14:43:30.116+00	2025-11-02 14:43:31.116+00	2025-11-02 14:43:31.116+00	1	\N	2025-11-02 14:37:03.116+00
117	kam1	v11-0000000117@192.0.2.10	4f5a9de5	asb56168e	sip:+49301338725@192.0.2.10	sip:+49893779575@192.0.2.20	200	OK	2025-11-07 06:37:15.117+00	2025-11-07 06:41:50.117+00	2025-11-07 06:41:51.117+00	2025-11-07 06:41:51.117+00	1	\N	2025-11-07 06:37:18.117+00
118	kam2	v11-0000000118@192.0.2.10	ed921796	as21f04c83	sip:+49305774486@192.0.2.10	sip:+49898591495@192.0.2.20	200	OK	2025-11-23 06:01:14.118+00	2025-11-23 06:06:00.118+00	2025-11-23 06:06:01.118+00	2025-11-23 06:06:01.118+00	1	\N	2025-11-23 06:01:17.118+00
119	kam3	v11-0000000119@192.0.2.10	8bc99147	as13f83953	sip:+49305242951@192.0.2.10	sip:+49891747650@192.0.2.20	200	OK	2025-11-27 22:01:29.119+00	2025-11-27 22:04:20.119+00	2025-11-27 22:04:21.119+00	2025-11-27 22:04:21.119+00	1	\N	2025-11-27 22:01:32.119+00
37	kam2	v11-0000000037@192.0.2.10	de049695	as1fb78339	sip:+49304842645@192.0.2.10	sip:+49891614215@192.0.2.20	200	OK	\N	2025-11-14 10:06:40.037+00	2025-11-14 10:06:41.037+00	2025-11-14 10:06:41.037+00	1	\N	\N
74	kam3	v11-0000000074@192.0.2.10	bc092d2a	as1adcbd4f	sip:+49304717994@192.0.2.10	sip:+49891572664@192.0.2.20	200	OK	\N	2025-11-15 12:47:25.074+00	2025-11-15 12:47:26.074+00	2025-11-15 12:47:26.074+00	1	\N	\N
111	kam1	v11-0000000111@192.0.2.10	9a0dc3bf	as1601f764	sip:+49304593343@192.0.2.10	sip:+49891531114@192.0.2.20	200	OK	\N	2025-11-16 15:28:10.111+00	2025-11-16 15:28:11.111+00	2025-11-16 15:28:11.111+00	1	\N	\N
5	kam3	v11-0000000005@192.0.2.10	17156075	as34c3259	sip:+49307276917@192.0.2.10	sip:+49899092305@192.0.2.20	200	OK	2025-11-17 23:04:43.005+00	2025-11-17 23:14:20.005+00	2025-11-17 23:14:21.005+00	2025-11-17 23:14:21.005+00	2	\N	2025-11-17 23:04:46.005+00
10	kam2	v11-0000000010@192.0.2.10	2e2ac0ea	as69864b3	sip:+49304553834@192.0.2.10	sip:+49898184611@192.0.2.20	200	OK	2025-11-03 22:25:26.01+00	2025-11-03 22:29:40.01+00	2025-11-03 22:29:41.01+00	2025-11-03 22:29:41.01+00	2	\N	2025-11-03 22:25:29.01+00
15	kam1	v11-0000000015@192.0.2.10	4540215f	as9e4970d	sip:+49301830751@192.0.2.10	sip:+49897276917@192.0.2.20	200	OK	2025-11-19 21:30:09.015+00	2025-11-19 21:43:55.015+00	2025-11-19 21:43:56.015+00	2025-11-19 21:43:56.015+00	2	\N	2025-11-19 21:30:12.015+00
20	kam3	v11-0000000020@192.0.2.10	5c5581d4	asd30c967	sip:+49309107668@192.0.2.10	sip:+49896369222@192.0.2.20	200	OK	2025-11-05 20:50:52.02+00	2025-11-05 20:59:15.02+00	2025-11-05 20:59:16.02+00	2025-11-05 20:59:16.02+00	2	\N	2025-11-05 20:50:55.02+00
25	kam2	v11-0000000025@192.0.2.10	736ae249	as107cfbc1	sip:+49306384585@192.0.2.10	sip:+49895461528@192.0.2.20	200	OK	2025-11-21 19:55:35.025+00	2025-11-21 19:58:35.025+00	2025-11-21 19:58:36.025+00	2025-11-21 19:58:36.025+00	2	\N	2025-11-21 19:55:38.025+00
30	kam1	v11-0000000030@192.0.2.10	8a8042be	as13c92e1b	sip:+49303661502@192.0.2.10	sip:+49894553834@192.0.2.20	200	OK	2025-11-07 19:16:18.03+00	2025-11-07 19:28:50.03+00	2025-11-07 19:28:51.03+00	2025-11-07 19:28:51.03+00	2	\N	2025-11-07 19:16:21.03+00
35	kam3	v11-0000000035@192.0.2.10	a195a333	as17156075	sip:+49300938419@192.0.2.10	sip:+49893646139@192.0.2.20	200	OK	2025-11-23 18:21:01.035+00	2025-11-23 18:28:10.035+00	2025-11-23 18:28:11.035+00	2025-11-23 18:28:11.035+00	2	\N	2025-11-23 18:21:04.035+00
40	kam2	v11-0000000040@192.0.2.10	b8ab03a8	as1a6192ce	sip:+49308215336@192.0.2.10	sip:+49892738445@192.0.2.20	200	OK	2025-11-09 17:41:44.04+00	2025-11-09 17:43:30.04+00	2025-11-09 17:43:31.04+00	2025-11-09 17:43:31.04+00	2	\N	2025-11-09 17:41:47.04+00
45	kam1	v11-0000000045@192.0.2.10	cfc0641d	as1dadc528	sip:+49305492253@192.0.2.10	sip:+49891830751@192.0.2.20	200	OK	2025-11-25 16:46:27.045+00	2025-11-25 16:57:45.045+00	2025-11-25 16:57:46.045+00	2025-11-25 16:57:46.045+00	2	\N	2025-11-25 16:46:30.045+00
50	kam3	v11-0000000050@192.0.2.10	e6d5c492	as20f9f782	sip:+49302769170@192.0.2.10	sip:+49890923056@192.0.2.20	200	OK	2025-11-11 16:07:10.05+00	2025-11-11 16:13:05.05+00	2025-11-11 16:13:06.05+00	2025-11-11 16:13:06.05+00	2	\N	2025-11-11 16:07:13.05+00
55	kam2	v11-0000000055@192.0.2.10	fdeb2507	as244629dc	sip:+49300046087@192.0.2.10	sip:+49890015362@192.0.2.20	200	OK	2025-11-27 15:11:53.055+00	2025-11-27 15:12:25.055+00	2025-11-27 15:12:26.055+00	2025-11-27 15:12:26.055+00	2	\N	2025-11-27 15:11:56.055+00
60	kam1	v11-0000000060@192.0.2.10	1500857c	as3001311	sip:+49302355708@192.0.2.10	sip:+49897451902@192.0.2.20	200	OK	2025-11-02 07:08:52.06+00	2025-11-02 07:16:50.06+00	2025-11-02 07:16:51.06+00	2025-11-02 07:16:51.06+00	2	\N	2025-11-02 07:08:55.06+00
65	kam3	v11-0000000065@192.0.2.10	2c15e5f1	as64c456b	sip:+49309632625@192.0.2.10	sip:+49896544208@192.0.2.20	200	OK	2025-11-18 06:13:35.065+00	2025-11-18 06:16:10.065+00	2025-11-18 06:16:11.065+00	2025-11-18 06:16:11.065+00	2	\N	2025-11-18 06:13:38.065+00
70	kam2	v11-0000000070@192.0.2.10	432b4666	as99877c5	sip:+49306909542@192.0.2.10	sip:+49895636514@192.0.2.20	200	OK	2025-11-04 05:34:18.07+00	2025-11-04 05:46:25.07+00	2025-11-04 05:46:26.07+00	2025-11-04 05:46:26.07+00	2	\N	2025-11-04 05:34:21.07+00
75	kam1	v11-0000000075@192.0.2.10	5a40a6db	asce4aa1f	sip:+49304186459@192.0.2.10	sip:+49894728819@192.0.2.20	200	OK	2025-11-20 04:39:01.075+00	2025-11-20 04:45:45.075+00	2025-11-20 04:45:46.075+00	2025-11-20 04:45:46.075+00	2	\N	2025-11-20 04:39:04.075+00
80	kam3	v11-0000000080@192.0.2.10	71560750	as1030dc79	sip:+49301463376@192.0.2.10	sip:+49893821125@192.0.2.20	200	OK	2025-11-06 03:59:44.08+00	2025-11-06 04:01:05.08+00	2025-11-06 04:01:06.08+00	2025-11-06 04:01:06.08+00	2	\N	2025-11-06 03:59:47.08+00
85	kam2	v11-0000000085@192.0.2.10	886b67c5	as137d0ed3	sip:+49308740293@192.0.2.10	sip:+49892913431@192.0.2.20	200	OK	2025-11-22 03:04:27.085+00	2025-11-22 03:15:20.085+00	2025-11-22 03:15:21.085+00	2025-11-22 03:15:21.085+00	2	\N	2025-11-22 03:04:30.085+00
90	kam1	v11-0000000090@192.0.2.10	9f80c83a	as16c9412c	sip:+49306017210@192.0.2.10	sip:+49892005736@192.0.2.20	200	OK	2025-11-08 02:25:10.09+00	2025-11-08 02:30:40.09+00	2025-11-08 02:30:41.09+00	2025-11-08 02:30:41.09+00	2	\N	2025-11-08 02:25:13.09+00
95	kam3	v11-0000000095@192.0.2.10	b69628af	as1a157386	sip:+49303294127@192.0.2.10	sip:+49891098042@192.0.2.20	200	OK	2025-11-24 01:29:53.095+00	2025-11-24 01:30:00.095+00	2025-11-24 01:30:01.095+00	2025-11-24 01:30:01.095+00	2	\N	2025-11-24 01:29:56.095+00
100	kam2	v11-0000000100@192.0.2.10	cdab8924	as1d61a5e0	sip:+49300571044@192.0.2.10	sip:+49890190348@192.0.2.20	200	OK	2025-11-10 00:50:36.1+00	2025-11-10 01:00:15.1+00	2025-11-10 01:00:16.1+00	2025-11-10 01:00:16.1+00	2	\N	2025-11-10 00:50:39.1+00
105	kam1	v11-0000000105@192.0.2.10	e4c0e999	as20add83a	sip:+49307847961@192.0.2.10	sip:+49899282653@192.0.2.20	200	OK	2025-11-25 23:55:19.105+00	2025-11-25 23:59:35.105+00	2025-11-25 23:59:36.105+00	2025-11-25 23:59:36.105+00	2	\N	2025-11-25 23:55:22.105+00
110	kam3	v11-0000000110@192.0.2.10	fbd64a0e	as23fa0a94	sip:+49305124878@192.0.2.10	sip:+49898374959@192.0.2.20	200	OK	2025-11-11 23:16:02.11+00	2025-11-11 23:29:50.11+00	2025-11-11 23:29:51.11+00	2025-11-11 23:29:51.11+00	2	\N	2025-11-11 23:16:05.11+00
115	kam2	v11-0000000115@192.0.2.10	12ebaa83	as2b3f3c9	sip:+49307434499@192.0.2.10	sip:+49895811499@192.0.2.20	200	OK	2025-11-16 14:57:01.115+00	2025-11-16 15:03:20.115+00	2025-11-16 15:03:21.115+00	2025-11-16 15:03:21.115+00	2	\N	2025-11-16 14:57:04.115+00
120	kam1	v11-0000000120@192.0.2.10	2a010af8	as6002623	sip:+49304711416@192.0.2.10	sip:+49894903805@192.0.2.20	200	OK	2025-11-02 14:17:44.12+00	2025-11-02 14:18:40.12+00	2025-11-02 14:18:41.12+00	2025-11-02 14:18:41.12+00	2	\N	2025-11-02 14:17:47.12+00
\.

COPY public.journal_position (journal, seq, updated_at) FROM stdin;
\.

COPY public.leg (call_pk, side, label, rtp_packets, rtp_bytes, rtp_errors, rtcp_packets, remote_addr, remote_port, protocol, codec, ssrc, last_packet, mos_missing) FROM stdin;
1	A	caller	36761	6322892	0	71	192.0.2.162	45761	RTP/AVP	PCMU/8000	2654435761	\N	\N
1	B	callee	36761	6322892	0	71	192.0.2.162	45761	RTP/AVP	PCMU/8000	2654435761	\N	\N
2	A	caller	25226	4338872	0	56	192.0.2.27	14226	RTP/AVP	PCMU/8000	1013904226	\N	\N
2	B	callee	25226	4338872	0	56	192.0.2.27	14226	RTP/AVP	PCMU/8000	1013904226	\N	\N
3	A	caller	20987	3609764	0	27	192.0.2.188	49987	RTP/AVP	PCMU/8000	3668339987	\N	\N
3	B	callee	20987	3609764	0	27	192.0.2.188	49987	RTP/AVP	PCMU/8000	3668339987	\N	\N
4	A	caller	9452	1625744	0	12	192.0.2.53	18452	RTP/AVP	PCMU/8000	2027808452	\N	\N
4	B	callee	9452	1625744	0	12	192.0.2.53	18452	RTP/AVP	PCMU/8000	2027808452	\N	\N
5	A	caller	37917	6521724	0	87	192.0.2.118	36917	RTP/AVP	PCMU/8000	387276917	\N	\N
5	B	callee	37917	6521724	0	87	192.0.2.118	36917	RTP/AVP	PCMU/8000	387276917	\N	\N
6	A	caller	33678	5792616	0	58	192.0.2.79	22678	RTP/AVP	PCMU/8000	3041712678	\N	\N
6	B	callee	33678	5792616	0	58	192.0.2.79	22678	RTP/AVP	PCMU/8000	3041712678	\N	\N
7	A	caller	22143	3808596	0	43	192.0.2.144	41143	RTP/AVP	PCMU/8000	1401181143	\N	\N
7	B	callee	22143	3808596	0	43	192.0.2.144	41143	RTP/AVP	PCMU/8000	1401181143	\N	\N
8	A	caller	17904	3079488	0	14	192.0.2.105	26904	RTP/AVP	PCMU/8000	4055616904	\N	\N
8	B	callee	17904	3079488	0	14	192.0.2.105	26904	RTP/AVP	PCMU/8000	4055616904	\N	\N
9	A	caller	6369	1095468	0	89	192.0.2.170	45369	RTP/AVP	PCMU/8000	2415085369	\N	\N
9	B	callee	6369	1095468	0	89	192.0.2.170	45369	RTP/AVP	PCMU/8000	2415085369	\N	\N
10	A	caller	34834	5991448	0	74	192.0.2.35	13834	RTP/AVP	PCMU/8000	774553834	\N	\N
10	B	callee	34834	5991448	0	74	192.0.2.35	13834	RTP/AVP	PCMU/8000	774553834	\N	\N
11	A	caller	30595	5262340	0	0	192.0.2.196	49595	RTP/AVP	PCMU/8000	3428989595	\N	no_rtcp
11	B	callee	30595	5262340	0	0	192.0.2.196	49595	RTP/AVP	PCMU/8000	3428989595	\N	no_rtcp
12	A	caller	19060	3278320	0	30	192.0.2.61	18060	RTP/AVP	PCMU/8000	1788458060	\N	\N
12	B	callee	19060	3278320	0	30	192.0.2.61	18060	RTP/AVP	PCMU/8000	1788458060	\N	\N
13	A	caller	7525	1294300	0	15	192.0.2.126	36525	RTP/AVP	PCMU/8000	147926525	\N	\N
13	B	callee	7525	1294300	0	15	192.0.2.126	36525	RTP/AVP	PCMU/8000	147926525	\N	\N
14	A	caller	3286	565192	0	76	192.0.2.87	22286	RTP/AVP	PCMU/8000	2802362286	\N	\N
14	B	callee	3286	565192	0	76	192.0.2.87	22286	RTP/AVP	PCMU/8000	2802362286	\N	\N
15	A	caller	31751	5461172	0	61	192.0.2.152	40751	RTP/AVP	PCMU/8000	1161830751	\N	\N
15	B	callee	31751	5461172	0	61	192.0.2.152	40751	RTP/AVP	PCMU/8000	1161830751	\N	\N
16	A	caller	27512	4732064	0	0	192.0.2.113	26512	RTP/AVP	PCMU/8000	3816266512	\N	no_rtcp
16	B	callee	27512	4732064	0	0	192.0.2.113	26512	RTP/AVP	PCMU/8000	3816266512	\N	no_rtcp
17	A	caller	15977	2748044	0	17	192.0.2.178	44977	RTP/AVP	PCMU/8000	2175734977	\N	\N
17	B	callee	15977	2748044	0	17	192.0.2.178	44977	RTP/AVP	PCMU/8000	2175734977	\N	\N
18	A	caller	4442	764024	0	92	192.0.2.43	13442	RTP/AVP	PCMU/8000	535203442	\N	\N
18	B	callee	4442	764024	0	92	192.0.2.43	13442	RTP/AVP	PCMU/8000	535203442	\N	\N
19	A	caller	40203	6914916	0	63	192.0.2.4	49203	RTP/AVP	PCMU/8000	3189639203	\N	\N
19	B	callee	40203	6914916	0	63	192.0.2.4	49203	RTP/AVP	PCMU/8000	3189639203	\N	\N
20	A	caller	28668	4930896	0	48	192.0.2.69	17668	RTP/AVP	PCMU/8000	1549107668	\N	\N
20	B	callee	28668	4930896	0	48	192.0.2.69	17668	RTP/AVP	PCMU/8000	1549107668	\N	\N
21	A	caller	24429	4201788	0	19	192.0.2.30	53429	RTP/AVP	PCMU/8000	4203543429	\N	\N
21	B	callee	24429	4201788	0	19	192.0.2.30	53429	RTP/AVP	PCMU/8000	4203543429	\N	\N
22	A	caller	12894	2217768	0	94	192.0.2.95	21894	RTP/AVP	PCMU/8000	2563011894	\N	\N
22	B	callee	12894	2217768	0	94	192.0.2.95	21894	RTP/AVP	PCMU/8000	2563011894	\N	\N
23	A	caller	1359	233748	0	79	192.0.2.160	40359	RTP/AVP	PCMU/8000	922480359	\N	\N
23	B	callee	1359	233748	0	79	192.0.2.160	40359	RTP/AVP	PCMU/8000	922480359	\N	\N
24	A	caller	37120	6384640	0	50	192.0.2.121	26120	RTP/AVP	PCMU/8000	3576916120	\N	\N
24	B	callee	37120	6384640	0	50	192.0.2.121	26120	RTP/AVP	PCMU/8000	3576916120	\N	\N
25	A	caller	25585	4400620	0	35	192.0.2.186	44585	RTP/AVP	PCMU/8000	1936384585	\N	\N
25	B	callee	25585	4400620	0	35	192.0.2.186	44585	RTP/AVP	PCMU/8000	1936384585	\N	\N
26	A	caller	14050	2416600	0	20	192.0.2.51	13050	RTP/AVP	PCMU/8000	295853050	\N	\N
26	B	callee	14050	2416600	0	20	192.0.2.51	13050	RTP/AVP	PCMU/8000	295853050	\N	\N
27	A	caller	9811	1687492	0	81	192.0.2.12	48811	RTP/AVP	PCMU/8000	2950288811	\N	\N
27	B	callee	9811	1687492	0	81	192.0.2.12	48811	RTP/AVP	PCMU/8000	2950288811	\N	\N
28	A	caller	38276	6583472	0	66	192.0.2.77	17276	RTP/AVP	PCMU/8000	1309757276	\N	\N
28	B	callee	38276	6583472	0	66	192.0.2.77	17276	RTP/AVP	PCMU/8000	1309757276	\N	\N
29	A	caller	34037	5854364	0	37	192.0.2.38	53037	RTP/AVP	PCMU/8000	3964193037	\N	\N
29	B	callee	34037	5854364	0	37	192.0.2.38	53037	RTP/AVP	PCMU/8000	3964193037	\N	\N
30	A	caller	22502	3870344	0	22	192.0.2.103	21502	RTP/AVP	PCMU/8000	2323661502	\N	\N
30	B	callee	22502	3870344	0	22	192.0.2.103	21502	RTP/AVP	PCMU/8000	2323661502	\N	\N
31	A	caller	10967	1886324	0	97	192.0.2.168	39967	RTP/AVP	PCMU/8000	683129967	\N	\N
31	B	callee	10967	1886324	0	97	192.0.2.168	39967	RTP/AVP	PCMU/8000	683129967	\N	\N
32	A	caller	6728	1157216	0	0	192.0.2.129	25728	RTP/AVP	PCMU/8000	3337565728	\N	no_rtcp
32	B	callee	6728	1157216	0	0	192.0.2.129	25728	RTP/AVP	PCMU/8000	3337565728	\N	no_rtcp
33	A	caller	35193	6053196	0	53	192.0.2.194	44193	RTP/AVP	PCMU/8000	1697034193	\N	\N
33	B	callee	35193	6053196	0	53	192.0.2.194	44193	RTP/AVP	PCMU/8000	1697034193	\N	\N
34	A	caller	23658	4069176	0	38	192.0.2.59	12658	RTP/AVP	PCMU/8000	56502658	\N	\N
34	B	callee	23658	4069176	0	38	192.0.2.59	12658	RTP/AVP	PCMU/8000	56502658	\N	\N
35	A	caller	19419	3340068	0	99	192.0.2.20	48419	RTP/AVP	PCMU/8000	2710938419	\N	\N
35	B	callee	19419	3340068	0	99	192.0.2.20	48419	RTP/AVP	PCMU/8000	2710938419	\N	\N
36	A	caller	7884	1356048	0	84	192.0.2.85	16884	RTP/AVP	PCMU/8000	1070406884	\N	\N
36	B	callee	7884	1356048	0	84	192.0.2.85	16884	RTP/AVP	PCMU/8000	1070406884	\N	\N
37	A	caller	3645	626940	0	0	192.0.2.46	52645	RTP/AVP	PCMU/8000	3724842645	\N	no_rtcp
37	B	callee	3645	626940	0	0	192.0.2.46	52645	RTP/AVP	PCMU/8000	3724842645	\N	no_rtcp
38	A	caller	32110	5522920	0	40	192.0.2.111	21110	RTP/AVP	PCMU/8000	2084311110	\N	\N
38	B	callee	32110	5522920	0	40	192.0.2.111	21110	RTP/AVP	PCMU/8000	2084311110	\N	\N
39	A	caller	20575	3538900	0	25	192.0.2.176	39575	RTP/AVP	PCMU/8000	443779575	\N	\N
39	B	callee	20575	3538900	0	25	192.0.2.176	39575	RTP/AVP	PCMU/8000	443779575	\N	\N
40	A	caller	16336	2809792	0	86	192.0.2.137	25336	RTP/AVP	PCMU/8000	3098215336	\N	\N
40	B	callee	16336	2809792	0	86	192.0.2.137	25336	RTP/AVP	PCMU/8000	3098215336	\N	\N
41	A	caller	4801	825772	0	71	192.0.2.2	43801	RTP/AVP	PCMU/8000	1457683801	\N	\N
41	B	callee	4801	825772	0	71	192.0.2.2	43801	RTP/AVP	PCMU/8000	1457683801	\N	\N
42	A	caller	40562	6976664	0	42	192.0.2.163	29562	RTP/AVP	PCMU/8000	4112119562	\N	\N
42	B	callee	40562	6976664	0	42	192.0.2.163	29562	RTP/AVP	PCMU/8000	4112119562	\N	\N
43	A	caller	29027	4992644	0	27	192.0.2.28	48027	RTP/AVP	PCMU/8000	2471588027	\N	\N
43	B	callee	29027	4992644	0	27	192.0.2.28	48027	RTP/AVP	PCMU/8000	2471588027	\N	\N
44	A	caller	17492	3008624	0	12	192.0.2.93	16492	RTP/AVP	PCMU/8000	831056492	\N	\N
44	B	callee	17492	3008624	0	12	192.0.2.93	16492	RTP/AVP	PCMU/8000	831056492	\N	\N
45	A	caller	13253	2279516	0	73	192.0.2.54	52253	RTP/AVP	PCMU/8000	3485492253	\N	\N
45	B	callee	13253	2279516	0	73	192.0.2.54	52253	RTP/AVP	PCMU/8000	3485492253	\N	\N
46	A	caller	1718	295496	0	58	192.0.2.119	20718	RTP/AVP	PCMU/8000	1844960718	\N	\N
46	B	callee	1718	295496	0	58	192.0.2.119	20718	RTP/AVP	PCMU/8000	1844960718	\N	\N
47	A	caller	30183	5191476	0	43	192.0.2.184	39183	RTP/AVP	PCMU/8000	204429183	\N	\N
47	B	callee	30183	5191476	0	43	192.0.2.184	39183	RTP/AVP	PCMU/8000	204429183	\N	\N
48	A	caller	25944	4462368	0	14	192.0.2.145	24944	RTP/AVP	PCMU/8000	2858864944	\N	\N
48	B	callee	25944	4462368	0	14	192.0.2.145	24944	RTP/AVP	PCMU/8000	2858864944	\N	\N
49	A	caller	14409	2478348	0	89	192.0.2.10	43409	RTP/AVP	PCMU/8000	1218333409	\N	\N
49	B	callee	14409	2478348	0	89	192.0.2.10	43409	RTP/AVP	PCMU/8000	1218333409	\N	\N
50	A	caller	10170	1749240	0	60	192.0.2.171	29170	RTP/AVP	PCMU/8000	3872769170	\N	\N
50	B	callee	10170	1749240	0	60	192.0.2.171	29170	RTP/AVP	PCMU/8000	3872769170	\N	\N
51	A	caller	38635	6645220	0	45	192.0.2.36	47635	RTP/AVP	PCMU/8000	2232237635	\N	\N
51	B	callee	38635	6645220	0	45	192.0.2.36	47635	RTP/AVP	PCMU/8000	2232237635	\N	\N
52	A	caller	27100	4661200	0	30	192.0.2.101	16100	RTP/AVP	PCMU/8000	591706100	\N	\N
52	B	callee	27100	4661200	0	30	192.0.2.101	16100	RTP/AVP	PCMU/8000	591706100	\N	\N
53	A	caller	22861	3932092	0	0	192.0.2.62	51861	RTP/AVP	PCMU/8000	3246141861	\N	no_rtcp
53	B	callee	22861	3932092	0	0	192.0.2.62	51861	RTP/AVP	PCMU/8000	3246141861	\N	no_rtcp
54	A	caller	11326	1948072	0	76	192.0.2.127	20326	RTP/AVP	PCMU/8000	1605610326	\N	\N
54	B	callee	11326	1948072	0	76	192.0.2.127	20326	RTP/AVP	PCMU/8000	1605610326	\N	\N
55	A	caller	7087	1218964	0	47	192.0.2.88	56087	RTP/AVP	PCMU/8000	4260046087	\N	\N
55	B	callee	7087	1218964	0	47	192.0.2.88	56087	RTP/AVP	PCMU/8000	4260046087	\N	\N
56	A	caller	35552	6114944	0	32	192.0.2.153	24552	RTP/AVP	PCMU/8000	2619514552	\N	\N
56	B	callee	35552	6114944	0	32	192.0.2.153	24552	RTP/AVP	PCMU/8000	2619514552	\N	\N
57	A	caller	24017	4130924	0	17	192.0.2.18	43017	RTP/AVP	PCMU/8000	978983017	\N	\N
57	B	callee	24017	4130924	0	17	192.0.2.18	43017	RTP/AVP	PCMU/8000	978983017	\N	\N
58	A	caller	19778	3401816	0	0	192.0.2.179	28778	RTP/AVP	PCMU/8000	3633418778	\N	no_rtcp
58	B	callee	19778	3401816	0	0	192.0.2.179	28778	RTP/AVP	PCMU/8000	3633418778	\N	no_rtcp
59	A	caller	8243	1417796	0	63	192.0.2.44	47243	RTP/AVP	PCMU/8000	1992887243	\N	\N
59	B	callee	8243	1417796	0	63	192.0.2.44	47243	RTP/AVP	PCMU/8000	1992887243	\N	\N
60	A	caller	36708	6313776	0	48	192.0.2.109	15708	RTP/AVP	PCMU/8000	352355708	\N	\N
60	B	callee	36708	6313776	0	48	192.0.2.109	15708	RTP/AVP	PCMU/8000	352355708	\N	\N
61	A	caller	32469	5584668	0	19	192.0.2.70	51469	RTP/AVP	PCMU/8000	3006791469	\N	\N
61	B	callee	32469	5584668	0	19	192.0.2.70	51469	RTP/AVP	PCMU/8000	3006791469	\N	\N
62	A	caller	20934	3600648	0	94	192.0.2.135	19934	RTP/AVP	PCMU/8000	1366259934	\N	\N
62	B	callee	20934	3600648	0	94	192.0.2.135	19934	RTP/AVP	PCMU/8000	1366259934	\N	\N
63	A	caller	16695	2871540	0	65	192.0.2.96	55695	RTP/AVP	PCMU/8000	4020695695	\N	\N
63	B	callee	16695	2871540	0	65	192.0.2.96	55695	RTP/AVP	PCMU/8000	4020695695	\N	\N
64	A	caller	5160	887520	0	50	192.0.2.161	24160	RTP/AVP	PCMU/8000	2380164160	\N	\N
64	B	callee	5160	887520	0	50	192.0.2.161	24160	RTP/AVP	PCMU/8000	2380164160	\N	\N
65	A	caller	33625	5783500	0	35	192.0.2.26	42625	RTP/AVP	PCMU/8000	739632625	\N	\N
65	B	callee	33625	5783500	0	35	192.0.2.26	42625	RTP/AVP	PCMU/8000	739632625	\N	\N
66	A	caller	29386	5054392	0	96	192.0.2.187	28386	RTP/AVP	PCMU/8000	3394068386	\N	\N
66	B	callee	29386	5054392	0	96	192.0.2.187	28386	RTP/AVP	PCMU/8000	3394068386	\N	\N
67	A	caller	17851	3070372	0	81	192.0.2.52	46851	RTP/AVP	PCMU/8000	1753536851	\N	\N
67	B	callee	17851	3070372	0	81	192.0.2.52	46851	RTP/AVP	PCMU/8000	1753536851	\N	\N
68	A	caller	6316	1086352	0	66	192.0.2.117	15316	RTP/AVP	PCMU/8000	113005316	\N	\N
68	B	callee	6316	1086352	0	66	192.0.2.117	15316	RTP/AVP	PCMU/8000	113005316	\N	\N
69	A	caller	2077	357244	0	37	192.0.2.78	51077	RTP/AVP	PCMU/8000	2767441077	\N	\N
69	B	callee	2077	357244	0	37	192.0.2.78	51077	RTP/AVP	PCMU/8000	2767441077	\N	\N
70	A	caller	30542	5253224	0	22	192.0.2.143	19542	RTP/AVP	PCMU/8000	1126909542	\N	\N
70	B	callee	30542	5253224	0	22	192.0.2.143	19542	RTP/AVP	PCMU/8000	1126909542	\N	\N
71	A	caller	26303	4524116	0	83	192.0.2.104	55303	RTP/AVP	PCMU/8000	3781345303	\N	\N
71	B	callee	26303	4524116	0	83	192.0.2.104	55303	RTP/AVP	PCMU/8000	3781345303	\N	\N
72	A	caller	14768	2540096	0	68	192.0.2.169	23768	RTP/AVP	PCMU/8000	2140813768	\N	\N
72	B	callee	14768	2540096	0	68	192.0.2.169	23768	RTP/AVP	PCMU/8000	2140813768	\N	\N
73	A	caller	3233	556076	0	53	192.0.2.34	42233	RTP/AVP	PCMU/8000	500282233	\N	\N
73	B	callee	3233	556076	0	53	192.0.2.34	42233	RTP/AVP	PCMU/8000	500282233	\N	\N
74	A	caller	38994	6706968	0	0	192.0.2.195	27994	RTP/AVP	PCMU/8000	3154717994	\N	no_rtcp
74	B	callee	38994	6706968	0	0	192.0.2.195	27994	RTP/AVP	PCMU/8000	3154717994	\N	no_rtcp
75	A	caller	27459	4722948	0	99	192.0.2.60	46459	RTP/AVP	PCMU/8000	1514186459	\N	\N
75	B	callee	27459	4722948	0	99	192.0.2.60	46459	RTP/AVP	PCMU/8000	1514186459	\N	\N
76	A	caller	23220	3993840	0	70	192.0.2.21	32220	RTP/AVP	PCMU/8000	4168622220	\N	\N
76	B	callee	23220	3993840	0	70	192.0.2.21	32220	RTP/AVP	PCMU/8000	4168622220	\N	\N
77	A	caller	11685	2009820	0	55	192.0.2.86	50685	RTP/AVP	PCMU/8000	2528090685	\N	\N
77	B	callee	11685	2009820	0	55	192.0.2.86	50685	RTP/AVP	PCMU/8000	2528090685	\N	\N
78	A	caller	40150	6905800	0	40	192.0.2.151	19150	RTP/AVP	PCMU/8000	887559150	\N	\N
78	B	callee	40150	6905800	0	40	192.0.2.151	19150	RTP/AVP	PCMU/8000	887559150	\N	\N
79	A	caller	35911	6176692	0	0	192.0.2.112	54911	RTP/AVP	PCMU/8000	3541994911	\N	no_rtcp
79	B	callee	35911	6176692	0	0	192.0.2.112	54911	RTP/AVP	PCMU/8000	3541994911	\N	no_rtcp
80	A	caller	24376	4192672	0	86	192.0.2.177	23376	RTP/AVP	PCMU/8000	1901463376	\N	\N
80	B	callee	24376	4192672	0	86	192.0.2.177	23376	RTP/AVP	PCMU/8000	1901463376	\N	\N
81	A	caller	12841	2208652	0	71	192.0.2.42	41841	RTP/AVP	PCMU/8000	260931841	\N	\N
81	B	callee	12841	2208652	0	71	192.0.2.42	41841	RTP/AVP	PCMU/8000	260931841	\N	\N
82	A	caller	8602	1479544	0	42	192.0.2.3	27602	RTP/AVP	PCMU/8000	2915367602	\N	\N
82	B	callee	8602	1479544	0	42	192.0.2.3	27602	RTP/AVP	PCMU/8000	2915367602	\N	\N
83	A	caller	37067	6375524	0	27	192.0.2.68	46067	RTP/AVP	PCMU/8000	1274836067	\N	\N
83	B	callee	37067	6375524	0	27	192.0.2.68	46067	RTP/AVP	PCMU/8000	1274836067	\N	\N
84	A	caller	32828	5646416	0	88	192.0.2.29	31828	RTP/AVP	PCMU/8000	3929271828	\N	\N
84	B	callee	32828	5646416	0	88	192.0.2.29	31828	RTP/AVP	PCMU/8000	3929271828	\N	\N
85	A	caller	21293	3662396	0	73	192.0.2.94	50293	RTP/AVP	PCMU/8000	2288740293	\N	\N
85	B	callee	21293	3662396	0	73	192.0.2.94	50293	RTP/AVP	PCMU/8000	2288740293	\N	\N
86	A	caller	9758	1678376	0	58	192.0.2.159	18758	RTP/AVP	PCMU/8000	648208758	\N	\N
86	B	callee	9758	1678376	0	58	192.0.2.159	18758	RTP/AVP	PCMU/8000	648208758	\N	\N
87	A	caller	5519	949268	0	29	192.0.2.120	54519	RTP/AVP	PCMU/8000	3302644519	\N	\N
87	B	callee	5519	949268	0	29	192.0.2.120	54519	RTP/AVP	PCMU/8000	3302644519	\N	\N
88	A	caller	33984	5845248	0	14	192.0.2.185	22984	RTP/AVP	PCMU/8000	1662112984	\N	\N
88	B	callee	33984	5845248	0	14	192.0.2.185	22984	RTP/AVP	PCMU/8000	1662112984	\N	\N
89	A	caller	22449	3861228	0	89	192.0.2.50	41449	RTP/AVP	PCMU/8000	21581449	\N	\N
89	B	callee	22449	3861228	0	89	192.0.2.50	41449	RTP/AVP	PCMU/8000	21581449	\N	\N
90	A	caller	18210	3132120	0	60	192.0.2.11	27210	RTP/AVP	PCMU/8000	2676017210	\N	\N
90	B	callee	18210	3132120	0	60	192.0.2.11	27210	RTP/AVP	PCMU/8000	2676017210	\N	\N
91	A	caller	6675	1148100	0	45	192.0.2.76	45675	RTP/AVP	PCMU/8000	1035485675	\N	\N
91	B	callee	6675	1148100	0	45	192.0.2.76	45675	RTP/AVP	PCMU/8000	1035485675	\N	\N
92	A	caller	2436	418992	0	16	192.0.2.37	31436	RTP/AVP	PCMU/8000	3689921436	\N	\N
92	B	callee	2436	418992	0	16	192.0.2.37	31436	RTP/AVP	PCMU/8000	3689921436	\N	\N
93	A	caller	30901	5314972	0	91	192.0.2.102	49901	RTP/AVP	PCMU/8000	2049389901	\N	\N
93	B	callee	30901	5314972	0	91	192.0.2.102	49901	RTP/AVP	PCMU/8000	2049389901	\N	\N
94	A	caller	19366	3330952	0	76	192.0.2.167	18366	RTP/AVP	PCMU/8000	408858366	\N	\N
94	B	callee	19366	3330952	0	76	192.0.2.167	18366	RTP/AVP	PCMU/8000	408858366	\N	\N
95	A	caller	15127	2601844	0	0	192.0.2.128	54127	RTP/AVP	PCMU/8000	3063294127	\N	no_rtcp
95	B	callee	15127	2601844	0	0	192.0.2.128	54127	RTP/AVP	PCMU/8000	3063294127	\N	no_rtcp
96	A	caller	3592	617824	0	32	192.0.2.193	22592	RTP/AVP	PCMU/8000	1422762592	\N	\N
96	B	callee	3592	617824	0	32	192.0.2.193	22592	RTP/AVP	PCMU/8000	1422762592	\N	\N
97	A	caller	39353	6768716	0	93	192.0.2.154	58353	RTP/AVP	PCMU/8000	4077198353	\N	\N
97	B	callee	39353	6768716	0	93	192.0.2.154	58353	RTP/AVP	PCMU/8000	4077198353	\N	\N
98	A	caller	27818	4784696	0	78	192.0.2.19	26818	RTP/AVP	PCMU/8000	2436666818	\N	\N
98	B	callee	27818	4784696	0	78	192.0.2.19	26818	RTP/AVP	PCMU/8000	2436666818	\N	\N
99	A	caller	16283	2800676	0	63	192.0.2.84	45283	RTP/AVP	PCMU/8000	796135283	\N	\N
99	B	callee	16283	2800676	0	63	192.0.2.84	45283	RTP/AVP	PCMU/8000	796135283	\N	\N
100	A	caller	12044	2071568	0	0	192.0.2.45	31044	RTP/AVP	PCMU/8000	3450571044	\N	no_rtcp
100	B	callee	12044	2071568	0	0	192.0.2.45	31044	RTP/AVP	PCMU/8000	3450571044	\N	no_rtcp
101	A	caller	40509	6967548	0	19	192.0.2.110	49509	RTP/AVP	PCMU/8000	1810039509	\N	\N
101	B	callee	40509	6967548	0	19	192.0.2.110	49509	RTP/AVP	PCMU/8000	1810039509	\N	\N
102	A	caller	28974	4983528	0	94	192.0.2.175	17974	RTP/AVP	PCMU/8000	169507974	\N	\N
102	B	callee	28974	4983528	0	94	192.0.2.175	17974	RTP/AVP	PCMU/8000	169507974	\N	\N
103	A	caller	24735	4254420	0	65	192.0.2.136	53735	RTP/AVP	PCMU/8000	2823943735	\N	\N
103	B	callee	24735	4254420	0	65	192.0.2.136	53735	RTP/AVP	PCMU/8000	2823943735	\N	\N
104	A	caller	13200	2270400	0	50	192.0.2.1	22200	RTP/AVP	PCMU/8000	1183412200	\N	\N
104	B	callee	13200	2270400	0	50	192.0.2.1	22200	RTP/AVP	PCMU/8000	1183412200	\N	\N
105	A	caller	8961	1541292	0	21	192.0.2.162	57961	RTP/AVP	PCMU/8000	3837847961	\N	\N
105	B	callee	8961	1541292	0	21	192.0.2.162	57961	RTP/AVP	PCMU/8000	3837847961	\N	\N
106	A	caller	37426	6437272	0	96	192.0.2.27	26426	RTP/AVP	PCMU/8000	2197316426	\N	\N
106	B	callee	37426	6437272	0	96	192.0.2.27	26426	RTP/AVP	PCMU/8000	2197316426	\N	\N
107	A	caller	25891	4453252	0	81	192.0.2.92	44891	RTP/AVP	PCMU/8000	556784891	\N	\N
107	B	callee	25891	4453252	0	81	192.0.2.92	44891	RTP/AVP	PCMU/8000	556784891	\N	\N
108	A	caller	21652	3724144	0	52	192.0.2.53	30652	RTP/AVP	PCMU/8000	3211220652	\N	\N
108	B	callee	21652	3724144	0	52	192.0.2.53	30652	RTP/AVP	PCMU/8000	3211220652	\N	\N
109	A	caller	10117	1740124	0	37	192.0.2.118	49117	RTP/AVP	PCMU/8000	1570689117	\N	\N
109	B	callee	10117	1740124	0	37	192.0.2.118	49117	RTP/AVP	PCMU/8000	1570689117	\N	\N
110	A	caller	5878	1011016	0	98	192.0.2.79	34878	RTP/AVP	PCMU/8000	4225124878	\N	\N
110	B	callee	5878	1011016	0	98	192.0.2.79	34878	RTP/AVP	PCMU/8000	4225124878	\N	\N
111	A	caller	34343	5906996	0	0	192.0.2.144	53343	RTP/AVP	PCMU/8000	2584593343	\N	no_rtcp
111	B	callee	34343	5906996	0	0	192.0.2.144	53343	RTP/AVP	PCMU/8000	2584593343	\N	no_rtcp
112	A	caller	22808	3922976	0	68	192.0.2.9	21808	RTP/AVP	PCMU/8000	944061808	\N	\N
112	B	callee	22808	3922976	0	68	192.0.2.9	21808	RTP/AVP	PCMU/8000	944061808	\N	\N
113	A	caller	18569	3193868	0	39	192.0.2.170	57569	RTP/AVP	PCMU/8000	3598497569	\N	\N
113	B	callee	18569	3193868	0	39	192.0.2.170	57569	RTP/AVP	PCMU/8000	3598497569	\N	\N
114	A	caller	7034	1209848	0	24	192.0.2.35	26034	RTP/AVP	PCMU/8000	1957966034	\N	\N
114	B	callee	7034	1209848	0	24	192.0.2.35	26034	RTP/AVP	PCMU/8000	1957966034	\N	\N
115	A	caller	35499	6105828	0	99	192.0.2.100	44499	RTP/AVP	PCMU/8000	317434499	\N	\N
115	B	callee	35499	6105828	0	99	192.0.2.100	44499	RTP/AVP	PCMU/8000	317434499	\N	\N
116	A	caller	31260	5376720	0	0	192.0.2.61	30260	RTP/AVP	PCMU/8000	2971870260	\N	no_rtcp
116	B	callee	31260	5376720	0	0	192.0.2.61	30260	RTP/AVP	PCMU/8000	2971870260	\N	no_rtcp
117	A	caller	19725	3392700	0	55	192.0.2.126	48725	RTP/AVP	PCMU/8000	1331338725	\N	\N
117	B	callee	19725	3392700	0	55	192.0.2.126	48725	RTP/AVP	PCMU/8000	1331338725	\N	\N
118	A	caller	15486	2663592	0	26	192.0.2.87	34486	RTP/AVP	PCMU/8000	3985774486	\N	\N
118	B	callee	15486	2663592	0	26	192.0.2.87	34486	RTP/AVP	PCMU/8000	3985774486	\N	\N
119	A	caller	3951	679572	0	11	192.0.2.152	52951	RTP/AVP	PCMU/8000	2345242951	\N	\N
119	B	callee	3951	679572	0	11	192.0.2.152	52951	RTP/AVP	PCMU/8000	2345242951	\N	\N
120	A	caller	32416	5575552	0	86	192.0.2.17	21416	RTP/AVP	PCMU/8000	704711416	\N	\N
120	B	callee	32416	5575552	0	86	192.0.2.17	21416	RTP/AVP	PCMU/8000	704711416	\N	\N
\.

COPY public.mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct, jitter_ms, roundtrip_us, roundtrip_leg_us, samples, at_offset_s, reported_at) FROM stdin;
1	A	average	0	4.3	1	19	67761	63761	39	\N	\N
1	A	max	0	4.4	0	19	67761	63761	\N	61	\N
1	A	min	0	3.6	6	29	67761	63761	\N	61	\N
1	B	average	0	4.4	1	19	67761	63761	39	\N	\N
1	B	max	0	4.5	0	19	67761	63761	\N	61	\N
1	B	min	0	3.7	6	29	67761	63761	\N	61	\N
1	call	average	0	4.3	1	19	67761	63761	39	\N	\N
1	call	max	0	4.4	0	19	67761	63761	\N	61	\N
1	call	min	0	3.6	6	29	67761	63761	\N	61	\N
2	A	average	0	3.7	2	13	72226	68226	25	\N	\N
2	A	max	0	3.8	0	13	72226	68226	\N	226	\N
2	A	min	0	3.6	8	23	72226	68226	\N	226	\N
2	B	average	0	3.9	2	13	72226	68226	25	\N	\N
2	B	max	0	4	0	13	72226	68226	\N	226	\N
2	B	min	0	3.8	8	23	72226	68226	\N	226	\N
2	call	average	0	3.7	2	13	72226	68226	25	\N	\N
2	call	max	0	3.8	0	13	72226	68226	\N	226	\N
2	call	min	0	3.6	8	23	72226	68226	\N	226	\N
3	A	average	0	4.4	3	11	131987	51987	3	\N	\N
3	A	max	0	4.5	0	11	131987	51987	\N	287	\N
3	A	min	0	3.6	7	21	131987	51987	\N	287	\N
3	B	average	0	4.4	3	11	131987	51987	3	\N	\N
3	B	max	0	4.5	0	11	131987	51987	\N	287	\N
3	B	min	0	3.6	7	21	131987	51987	\N	287	\N
3	call	average	0	4.4	3	11	131987	51987	3	\N	\N
3	call	max	0	4.5	0	11	131987	51987	\N	287	\N
3	call	min	0	3.6	7	21	131987	51987	\N	287	\N
4	A	average	0	3.8	0	5	136452	56452	48	\N	\N
4	A	max	0	4	0	5	136452	56452	\N	152	\N
4	A	min	0	3.6	5	15	136452	56452	\N	152	\N
4	B	average	0	3.8	0	5	136452	56452	48	\N	\N
4	B	max	0	4	0	5	136452	56452	\N	152	\N
4	B	min	0	3.6	5	15	136452	56452	\N	152	\N
4	call	average	0	3.8	0	5	136452	56452	48	\N	\N
4	call	max	0	4	0	5	136452	56452	\N	152	\N
4	call	min	0	3.6	5	15	136452	56452	\N	152	\N
5	A	average	0	4.1	1	20	140917	60917	34	\N	\N
5	A	max	0	4.3	0	20	140917	60917	\N	17	\N
5	A	min	0	3.6	7	30	140917	60917	\N	17	\N
5	B	average	0	4.2	1	20	140917	60917	34	\N	\N
5	B	max	0	4.4	0	20	140917	60917	\N	17	\N
5	B	min	0	3.7	7	30	140917	60917	\N	17	\N
5	call	average	0	4.1	1	20	140917	60917	34	\N	\N
5	call	max	0	4.3	0	20	140917	60917	\N	17	\N
5	call	min	0	3.6	7	30	140917	60917	\N	17	\N
6	A	average	0	3.9	2	18	48678	44678	12	\N	\N
6	A	max	0	3.9	0	18	48678	44678	\N	78	\N
6	A	min	0	3.6	6	28	48678	44678	\N	78	\N
6	B	average	0	4.1	2	18	48678	44678	12	\N	\N
6	B	max	0	4.1	0	18	48678	44678	\N	78	\N
6	B	min	0	3.8	6	28	48678	44678	\N	78	\N
6	call	average	0	3.9	2	18	48678	44678	12	\N	\N
6	call	max	0	3.9	0	18	48678	44678	\N	78	\N
6	call	min	0	3.6	6	28	48678	44678	\N	78	\N
7	A	average	0	4.2	3	12	53143	49143	57	\N	\N
7	A	max	0	4.2	0	12	53143	49143	\N	243	\N
7	A	min	0	3.6	8	22	53143	49143	\N	243	\N
7	B	average	0	4.4	3	12	53143	49143	57	\N	\N
7	B	max	0	4.4	0	12	53143	49143	\N	243	\N
7	B	min	0	3.8	8	22	53143	49143	\N	243	\N
7	call	average	0	4.2	3	12	53143	49143	57	\N	\N
7	call	max	0	4.2	0	12	53143	49143	\N	243	\N
7	call	min	0	3.6	8	22	53143	49143	\N	243	\N
8	A	average	0	4	0	10	112904	32904	35	\N	\N
8	A	max	0	4.1	0	10	112904	32904	\N	4	\N
8	A	min	0	3.6	3	20	112904	32904	\N	4	\N
8	B	average	0	4	0	10	112904	32904	35	\N	\N
8	B	max	0	4.1	0	10	112904	32904	\N	4	\N
8	B	min	0	3.6	3	20	112904	32904	\N	4	\N
8	call	average	0	4	0	10	112904	32904	35	\N	\N
8	call	max	0	4.1	0	10	112904	32904	\N	4	\N
8	call	min	0	3.6	3	20	112904	32904	\N	4	\N
9	A	average	0	4.3	1	4	117369	37369	21	\N	\N
9	A	max	0	4.4	0	4	117369	37369	\N	169	\N
9	A	min	0	3.6	5	14	117369	37369	\N	169	\N
9	B	average	0	4.4	1	4	117369	37369	21	\N	\N
9	B	max	0	4.5	0	4	117369	37369	\N	169	\N
9	B	min	0	3.7	5	14	117369	37369	\N	169	\N
9	call	average	0	4.3	1	4	117369	37369	21	\N	\N
9	call	max	0	4.4	0	4	117369	37369	\N	169	\N
9	call	min	0	3.6	5	14	117369	37369	\N	169	\N
10	A	average	0	3	2	19	121834	41834	7	\N	\N
10	A	max	0	3.1	0	19	121834	41834	\N	34	\N
10	A	min	0	2.9	7	29	121834	41834	\N	34	\N
10	B	average	0	3.2	2	19	121834	41834	7	\N	\N
10	B	max	0	3.3	0	19	121834	41834	\N	34	\N
10	B	min	0	3.1	7	29	121834	41834	\N	34	\N
10	call	average	0	3	2	19	121834	41834	7	\N	\N
10	call	max	0	3.1	0	19	121834	41834	\N	34	\N
10	call	min	0	2.9	7	29	121834	41834	\N	34	\N
12	A	average	0	3.8	0	11	34060	30060	30	\N	\N
12	A	max	0	4	0	11	34060	30060	\N	260	\N
12	A	min	0	3.6	4	21	34060	30060	\N	260	\N
12	B	average	0	3.8	0	11	34060	30060	30	\N	\N
12	B	max	0	4	0	11	34060	30060	\N	260	\N
12	B	min	0	3.6	4	21	34060	30060	\N	260	\N
12	call	average	0	3.8	0	11	34060	30060	30	\N	\N
12	call	max	0	4	0	11	34060	30060	\N	260	\N
12	call	min	0	3.6	4	21	34060	30060	\N	260	\N
13	A	average	0	4.1	1	5	38525	34525	16	\N	\N
13	A	max	0	4.3	0	5	38525	34525	\N	125	\N
13	A	min	0	3.6	6	15	38525	34525	\N	125	\N
13	B	average	0	4.2	1	5	38525	34525	16	\N	\N
13	B	max	0	4.4	0	5	38525	34525	\N	125	\N
13	B	min	0	3.7	6	15	38525	34525	\N	125	\N
13	call	average	0	4.1	1	5	38525	34525	16	\N	\N
13	call	max	0	4.3	0	5	38525	34525	\N	125	\N
13	call	min	0	3.6	6	15	38525	34525	\N	125	\N
14	A	average	0	3.9	2	3	98286	18286	53	\N	\N
14	A	max	0	3.9	0	3	98286	18286	\N	186	\N
14	A	min	0	3.6	5	13	98286	18286	\N	186	\N
14	B	average	0	4.1	2	3	98286	18286	53	\N	\N
14	B	max	0	4.1	0	3	98286	18286	\N	186	\N
14	B	min	0	3.8	5	13	98286	18286	\N	186	\N
14	call	average	0	3.9	2	3	98286	18286	53	\N	\N
14	call	max	0	3.9	0	3	98286	18286	\N	186	\N
14	call	min	0	3.6	5	13	98286	18286	\N	186	\N
15	A	average	0	4.2	3	18	102751	22751	39	\N	\N
15	A	max	0	4.2	0	18	102751	22751	\N	51	\N
15	A	min	0	3.6	7	28	102751	22751	\N	51	\N
15	B	average	0	4.4	3	18	102751	22751	39	\N	\N
15	B	max	0	4.4	0	18	102751	22751	\N	51	\N
15	B	min	0	3.8	7	28	102751	22751	\N	51	\N
15	call	average	0	4.2	3	18	102751	22751	39	\N	\N
15	call	max	0	4.2	0	18	102751	22751	\N	51	\N
15	call	min	0	3.6	7	28	102751	22751	\N	51	\N
17	A	average	0	4.3	1	10	14977	10977	3	\N	\N
17	A	max	0	4.4	0	10	14977	10977	\N	277	\N
17	A	min	0	3.6	4	20	14977	10977	\N	277	\N
17	B	average	0	4.4	1	10	14977	10977	3	\N	\N
17	B	max	0	4.5	0	10	14977	10977	\N	277	\N
17	B	min	0	3.7	4	20	14977	10977	\N	277	\N
17	call	average	0	4.3	1	10	14977	10977	3	\N	\N
17	call	max	0	4.4	0	10	14977	10977	\N	277	\N
17	call	min	0	3.6	4	20	14977	10977	\N	277	\N
18	A	average	0	3.7	2	4	19442	15442	48	\N	\N
18	A	max	0	3.8	0	4	19442	15442	\N	142	\N
18	A	min	0	3.6	6	14	19442	15442	\N	142	\N
18	B	average	0	3.9	2	4	19442	15442	48	\N	\N
18	B	max	0	4	0	4	19442	15442	\N	142	\N
18	B	min	0	3.8	6	14	19442	15442	\N	142	\N
18	call	average	0	3.7	2	4	19442	15442	48	\N	\N
18	call	max	0	3.8	0	4	19442	15442	\N	142	\N
18	call	min	0	3.6	6	14	19442	15442	\N	142	\N
19	A	average	0	4.4	3	2	79203	75203	26	\N	\N
19	A	max	0	4.5	0	2	79203	75203	\N	203	\N
19	A	min	0	3.6	5	12	79203	75203	\N	203	\N
19	B	average	0	4.4	3	2	79203	75203	26	\N	\N
19	B	max	0	4.5	0	2	79203	75203	\N	203	\N
19	B	min	0	3.6	5	12	79203	75203	\N	203	\N
19	call	average	0	4.4	3	2	79203	75203	26	\N	\N
19	call	max	0	4.5	0	2	79203	75203	\N	203	\N
19	call	min	0	3.6	5	12	79203	75203	\N	203	\N
20	A	average	0	2.4	0	17	83668	79668	12	\N	\N
20	A	max	0	2.6	0	17	83668	79668	\N	68	\N
20	A	min	0	2.2	3	27	83668	79668	\N	68	\N
20	B	average	0	2.4	0	17	83668	79668	12	\N	\N
20	B	max	0	2.6	0	17	83668	79668	\N	68	\N
20	B	min	0	2.2	3	27	83668	79668	\N	68	\N
20	call	average	0	2.4	0	17	83668	79668	12	\N	\N
20	call	max	0	2.6	0	17	83668	79668	\N	68	\N
20	call	min	0	2.2	3	27	83668	79668	\N	68	\N
21	A	average	0	3.6	1	15	143429	63429	49	\N	\N
21	A	max	0	3.6	0	15	143429	63429	\N	129	\N
21	A	min	0	3.6	2	25	143429	63429	\N	129	\N
21	B	average	0	3.7	1	15	143429	63429	49	\N	\N
21	B	max	0	3.7	0	15	143429	63429	\N	129	\N
21	B	min	0	3.7	2	25	143429	63429	\N	129	\N
21	call	average	0	3.6	1	15	143429	63429	49	\N	\N
21	call	max	0	3.6	0	15	143429	63429	\N	129	\N
21	call	min	0	3.6	2	25	143429	63429	\N	129	\N
22	A	average	0	3.9	2	9	147894	67894	35	\N	\N
22	A	max	0	3.9	0	9	147894	67894	\N	294	\N
22	A	min	0	3.6	4	19	147894	67894	\N	294	\N
22	B	average	0	4.1	2	9	147894	67894	35	\N	\N
22	B	max	0	4.1	0	9	147894	67894	\N	294	\N
22	B	min	0	3.8	4	19	147894	67894	\N	294	\N
22	call	average	0	3.9	2	9	147894	67894	35	\N	\N
22	call	max	0	3.9	0	9	147894	67894	\N	294	\N
22	call	min	0	3.6	4	19	147894	67894	\N	294	\N
23	A	average	0	4.2	3	3	152359	72359	21	\N	\N
23	A	max	0	4.2	0	3	152359	72359	\N	159	\N
23	A	min	0	3.6	6	13	152359	72359	\N	159	\N
23	B	average	0	4.4	3	3	152359	72359	21	\N	\N
23	B	max	0	4.4	0	3	152359	72359	\N	159	\N
23	B	min	0	3.8	6	13	152359	72359	\N	159	\N
23	call	average	0	4.2	3	3	152359	72359	21	\N	\N
23	call	max	0	4.2	0	3	152359	72359	\N	159	\N
23	call	min	0	3.6	6	13	152359	72359	\N	159	\N
24	A	average	0	4	0	1	60120	56120	58	\N	\N
24	A	max	0	4.1	0	1	60120	56120	\N	220	\N
24	A	min	0	3.6	1	11	60120	56120	\N	220	\N
24	B	average	0	4	0	1	60120	56120	58	\N	\N
24	B	max	0	4.1	0	1	60120	56120	\N	220	\N
24	B	min	0	3.6	1	11	60120	56120	\N	220	\N
24	call	average	0	4	0	1	60120	56120	58	\N	\N
24	call	max	0	4.1	0	1	60120	56120	\N	220	\N
24	call	min	0	3.6	1	11	60120	56120	\N	220	\N
25	A	average	0	4.3	1	16	64585	60585	44	\N	\N
25	A	max	0	4.4	0	16	64585	60585	\N	85	\N
25	A	min	0	3.6	3	26	64585	60585	\N	85	\N
25	B	average	0	4.4	1	16	64585	60585	44	\N	\N
25	B	max	0	4.5	0	16	64585	60585	\N	85	\N
25	B	min	0	3.7	3	26	64585	60585	\N	85	\N
25	call	average	0	4.3	1	16	64585	60585	44	\N	\N
25	call	max	0	4.4	0	16	64585	60585	\N	85	\N
25	call	min	0	3.6	3	26	64585	60585	\N	85	\N
26	A	average	0	3.7	2	10	69050	65050	30	\N	\N
26	A	max	0	3.8	0	10	69050	65050	\N	250	\N
26	A	min	0	3.6	5	20	69050	65050	\N	250	\N
26	B	average	0	3.9	2	10	69050	65050	30	\N	\N
26	B	max	0	4	0	10	69050	65050	\N	250	\N
26	B	min	0	3.8	5	20	69050	65050	\N	250	\N
26	call	average	0	3.7	2	10	69050	65050	30	\N	\N
26	call	max	0	3.8	0	10	69050	65050	\N	250	\N
26	call	min	0	3.6	5	20	69050	65050	\N	250	\N
27	A	average	0	4.4	3	8	128811	48811	8	\N	\N
27	A	max	0	4.5	0	8	128811	48811	\N	11	\N
27	A	min	0	3.6	4	18	128811	48811	\N	11	\N
27	B	average	0	4.4	3	8	128811	48811	8	\N	\N
27	B	max	0	4.5	0	8	128811	48811	\N	11	\N
27	B	min	0	3.6	4	18	128811	48811	\N	11	\N
27	call	average	0	4.4	3	8	128811	48811	8	\N	\N
27	call	max	0	4.5	0	8	128811	48811	\N	11	\N
27	call	min	0	3.6	4	18	128811	48811	\N	11	\N
28	A	average	0	3.8	0	2	133276	53276	53	\N	\N
28	A	max	0	4	0	2	133276	53276	\N	176	\N
28	A	min	0	3.6	2	12	133276	53276	\N	176	\N
28	B	average	0	3.8	0	2	133276	53276	53	\N	\N
28	B	max	0	4	0	2	133276	53276	\N	176	\N
28	B	min	0	3.6	2	12	133276	53276	\N	176	\N
28	call	average	0	3.8	0	2	133276	53276	53	\N	\N
28	call	max	0	4	0	2	133276	53276	\N	176	\N
28	call	min	0	3.6	2	12	133276	53276	\N	176	\N
29	A	average	0	3.6	1	0	41037	37037	31	\N	\N
29	A	max	0	3.6	0	0	41037	37037	\N	237	\N
29	A	min	0	3.6	1	10	41037	37037	\N	237	\N
29	B	average	0	3.7	1	0	41037	37037	31	\N	\N
29	B	max	0	3.7	0	0	41037	37037	\N	237	\N
29	B	min	0	3.7	1	10	41037	37037	\N	237	\N
29	call	average	0	3.6	1	0	41037	37037	31	\N	\N
29	call	max	0	3.6	0	0	41037	37037	\N	237	\N
29	call	min	0	3.6	1	10	41037	37037	\N	237	\N
30	A	average	0	3.4	2	15	45502	41502	17	\N	\N
30	A	max	0	3.4	0	15	45502	41502	\N	102	\N
30	A	min	0	3.1	3	25	45502	41502	\N	102	\N
30	B	average	0	3.6	2	15	45502	41502	17	\N	\N
30	B	max	0	3.6	0	15	45502	41502	\N	102	\N
30	B	min	0	3.3	3	25	45502	41502	\N	102	\N
30	call	average	0	3.4	2	15	45502	41502	17	\N	\N
30	call	max	0	3.4	0	15	45502	41502	\N	102	\N
30	call	min	0	3.1	3	25	45502	41502	\N	102	\N
31	A	average	0	4.2	3	9	49967	45967	3	\N	\N
31	A	max	0	4.2	0	9	49967	45967	\N	267	\N
31	A	min	0	3.6	5	19	49967	45967	\N	267	\N
31	B	average	0	4.4	3	9	49967	45967	3	\N	\N
31	B	max	0	4.4	0	9	49967	45967	\N	267	\N
31	B	min	0	3.8	5	19	49967	45967	\N	267	\N
31	call	average	0	4.2	3	9	49967	45967	3	\N	\N
31	call	max	0	4.2	0	9	49967	45967	\N	267	\N
31	call	min	0	3.6	5	19	49967	45967	\N	267	\N
33	A	average	0	4.3	1	1	114193	34193	26	\N	\N
33	A	max	0	4.4	0	1	114193	34193	\N	193	\N
33	A	min	0	3.6	2	11	114193	34193	\N	193	\N
33	B	average	0	4.4	1	1	114193	34193	26	\N	\N
33	B	max	0	4.5	0	1	114193	34193	\N	193	\N
33	B	min	0	3.7	2	11	114193	34193	\N	193	\N
33	call	average	0	4.3	1	1	114193	34193	26	\N	\N
33	call	max	0	4.4	0	1	114193	34193	\N	193	\N
33	call	min	0	3.6	2	11	114193	34193	\N	193	\N
34	A	average	0	3.7	2	16	118658	38658	12	\N	\N
34	A	max	0	3.8	0	16	118658	38658	\N	58	\N
34	A	min	0	3.6	4	26	118658	38658	\N	58	\N
34	B	average	0	3.9	2	16	118658	38658	12	\N	\N
34	B	max	0	4	0	16	118658	38658	\N	58	\N
34	B	min	0	3.8	4	26	118658	38658	\N	58	\N
34	call	average	0	3.7	2	16	118658	38658	12	\N	\N
34	call	max	0	3.8	0	16	118658	38658	\N	58	\N
34	call	min	0	3.6	4	26	118658	38658	\N	58	\N
35	A	average	0	4.4	3	14	26419	22419	49	\N	\N
35	A	max	0	4.5	0	14	26419	22419	\N	119	\N
35	A	min	0	3.6	3	24	26419	22419	\N	119	\N
35	B	average	0	4.4	3	14	26419	22419	49	\N	\N
35	B	max	0	4.5	0	14	26419	22419	\N	119	\N
35	B	min	0	3.6	3	24	26419	22419	\N	119	\N
35	call	average	0	4.4	3	14	26419	22419	49	\N	\N
35	call	max	0	4.5	0	14	26419	22419	\N	119	\N
35	call	min	0	3.6	3	24	26419	22419	\N	119	\N
36	A	average	0	3.8	0	8	30884	26884	35	\N	\N
36	A	max	0	4	0	8	30884	26884	\N	284	\N
36	A	min	0	3.6	1	18	30884	26884	\N	284	\N
36	B	average	0	3.8	0	8	30884	26884	35	\N	\N
36	B	max	0	4	0	8	30884	26884	\N	284	\N
36	B	min	0	3.6	1	18	30884	26884	\N	284	\N
36	call	average	0	3.8	0	8	30884	26884	35	\N	\N
36	call	max	0	4	0	8	30884	26884	\N	284	\N
36	call	min	0	3.6	1	18	30884	26884	\N	284	\N
38	A	average	0	3.9	2	0	95110	15110	58	\N	\N
38	A	max	0	3.9	0	0	95110	15110	\N	210	\N
38	A	min	0	3.6	2	10	95110	15110	\N	210	\N
38	B	average	0	4.1	2	0	95110	15110	58	\N	\N
38	B	max	0	4.1	0	0	95110	15110	\N	210	\N
38	B	min	0	3.8	2	10	95110	15110	\N	210	\N
38	call	average	0	3.9	2	0	95110	15110	58	\N	\N
38	call	max	0	3.9	0	0	95110	15110	\N	210	\N
38	call	min	0	3.6	2	10	95110	15110	\N	210	\N
39	A	average	0	4.2	3	15	99575	19575	44	\N	\N
39	A	max	0	4.2	0	15	99575	19575	\N	75	\N
39	A	min	0	3.6	4	25	99575	19575	\N	75	\N
39	B	average	0	4.4	3	15	99575	19575	44	\N	\N
39	B	max	0	4.4	0	15	99575	19575	\N	75	\N
39	B	min	0	3.8	4	25	99575	19575	\N	75	\N
39	call	average	0	4.2	3	15	99575	19575	44	\N	\N
39	call	max	0	4.2	0	15	99575	19575	\N	75	\N
39	call	min	0	3.6	4	25	99575	19575	\N	75	\N
40	A	average	0	2.8	0	13	159336	79336	22	\N	\N
40	A	max	0	2.9	0	13	159336	79336	\N	136	\N
40	A	min	0	2.4	6	23	159336	79336	\N	136	\N
40	B	average	0	2.8	0	13	159336	79336	22	\N	\N
40	B	max	0	2.9	0	13	159336	79336	\N	136	\N
40	B	min	0	2.4	6	23	159336	79336	\N	136	\N
40	call	average	0	2.8	0	13	159336	79336	22	\N	\N
40	call	max	0	2.9	0	13	159336	79336	\N	136	\N
40	call	min	0	2.4	6	23	159336	79336	\N	136	\N
41	A	average	0	4.3	1	7	11801	7801	8	\N	\N
41	A	max	0	4.4	0	7	11801	7801	\N	1	\N
41	A	min	0	3.6	1	17	11801	7801	\N	1	\N
41	B	average	0	4.4	1	7	11801	7801	8	\N	\N
41	B	max	0	4.5	0	7	11801	7801	\N	1	\N
41	B	min	0	3.7	1	17	11801	7801	\N	1	\N
41	call	average	0	4.3	1	7	11801	7801	8	\N	\N
41	call	max	0	4.4	0	7	11801	7801	\N	1	\N
41	call	min	0	3.6	1	17	11801	7801	\N	1	\N
42	A	average	0	4.1	2	5	71562	67562	45	\N	\N
42	A	max	0	4.3	0	5	71562	67562	\N	62	\N
42	A	min	0	3.6	7	15	71562	67562	\N	62	\N
42	B	average	0	4.3	2	5	71562	67562	45	\N	\N
42	B	max	0	4.5	0	5	71562	67562	\N	62	\N
42	B	min	0	3.8	7	15	71562	67562	\N	62	\N
42	call	average	0	4.1	2	5	71562	67562	45	\N	\N
42	call	max	0	4.3	0	5	71562	67562	\N	62	\N
42	call	min	0	3.6	7	15	71562	67562	\N	62	\N
43	A	average	0	4.4	3	20	76027	72027	31	\N	\N
43	A	max	0	4.5	0	20	76027	72027	\N	227	\N
43	A	min	0	3.6	9	30	76027	72027	\N	227	\N
43	B	average	0	4.4	3	20	76027	72027	31	\N	\N
43	B	max	0	4.5	0	20	76027	72027	\N	227	\N
43	B	min	0	3.6	9	30	76027	72027	\N	227	\N
43	call	average	0	4.4	3	20	76027	72027	31	\N	\N
43	call	max	0	4.5	0	20	76027	72027	\N	227	\N
43	call	min	0	3.6	9	30	76027	72027	\N	227	\N
44	A	average	0	3.8	0	14	80492	76492	17	\N	\N
44	A	max	0	4	0	14	80492	76492	\N	92	\N
44	A	min	0	3.6	0	24	80492	76492	\N	92	\N
44	B	average	0	3.8	0	14	80492	76492	17	\N	\N
44	B	max	0	4	0	14	80492	76492	\N	92	\N
44	B	min	0	3.6	0	24	80492	76492	\N	92	\N
44	call	average	0	3.8	0	14	80492	76492	17	\N	\N
44	call	max	0	4	0	14	80492	76492	\N	92	\N
44	call	min	0	3.6	0	24	80492	76492	\N	92	\N
45	A	average	0	3.6	1	12	140253	60253	54	\N	\N
45	A	max	0	3.6	0	12	140253	60253	\N	153	\N
45	A	min	0	3.6	6	22	140253	60253	\N	153	\N
45	B	average	0	3.7	1	12	140253	60253	54	\N	\N
45	B	max	0	3.7	0	12	140253	60253	\N	153	\N
45	B	min	0	3.7	6	22	140253	60253	\N	153	\N
45	call	average	0	3.6	1	12	140253	60253	54	\N	\N
45	call	max	0	3.6	0	12	140253	60253	\N	153	\N
45	call	min	0	3.6	6	22	140253	60253	\N	153	\N
46	A	average	0	3.9	2	6	144718	64718	40	\N	\N
46	A	max	0	3.9	0	6	144718	64718	\N	18	\N
46	A	min	0	3.6	8	16	144718	64718	\N	18	\N
46	B	average	0	4.1	2	6	144718	64718	40	\N	\N
46	B	max	0	4.1	0	6	144718	64718	\N	18	\N
46	B	min	0	3.8	8	16	144718	64718	\N	18	\N
46	call	average	0	3.9	2	6	144718	64718	40	\N	\N
46	call	max	0	3.9	0	6	144718	64718	\N	18	\N
46	call	min	0	3.6	8	16	144718	64718	\N	18	\N
47	A	average	0	4.2	3	0	149183	69183	26	\N	\N
47	A	max	0	4.2	0	0	149183	69183	\N	183	\N
47	A	min	0	3.6	3	10	149183	69183	\N	183	\N
47	B	average	0	4.4	3	0	149183	69183	26	\N	\N
47	B	max	0	4.4	0	0	149183	69183	\N	183	\N
47	B	min	0	3.8	3	10	149183	69183	\N	183	\N
47	call	average	0	4.2	3	0	149183	69183	26	\N	\N
47	call	max	0	4.2	0	0	149183	69183	\N	183	\N
47	call	min	0	3.6	3	10	149183	69183	\N	183	\N
48	A	average	0	4	0	19	56944	52944	4	\N	\N
48	A	max	0	4.1	0	19	56944	52944	\N	244	\N
48	A	min	0	3.6	5	29	56944	52944	\N	244	\N
48	B	average	0	4	0	19	56944	52944	4	\N	\N
48	B	max	0	4.1	0	19	56944	52944	\N	244	\N
48	B	min	0	3.6	5	29	56944	52944	\N	244	\N
48	call	average	0	4	0	19	56944	52944	4	\N	\N
48	call	max	0	4.1	0	19	56944	52944	\N	244	\N
48	call	min	0	3.6	5	29	56944	52944	\N	244	\N
49	A	average	0	4.3	1	13	61409	57409	49	\N	\N
49	A	max	0	4.4	0	13	61409	57409	\N	109	\N
49	A	min	0	3.6	7	23	61409	57409	\N	109	\N
49	B	average	0	4.4	1	13	61409	57409	49	\N	\N
49	B	max	0	4.5	0	13	61409	57409	\N	109	\N
49	B	min	0	3.7	7	23	61409	57409	\N	109	\N
49	call	average	0	4.3	1	13	61409	57409	49	\N	\N
49	call	max	0	4.4	0	13	61409	57409	\N	109	\N
49	call	min	0	3.6	7	23	61409	57409	\N	109	\N
50	A	average	0	2.2	2	11	121170	41170	27	\N	\N
50	A	max	0	2.4	0	11	121170	41170	\N	170	\N
50	A	min	0	1.7	6	21	121170	41170	\N	170	\N
50	B	average	0	2.4	2	11	121170	41170	27	\N	\N
50	B	max	0	2.6	0	11	121170	41170	\N	170	\N
50	B	min	0	1.9	6	21	121170	41170	\N	170	\N
50	call	average	0	2.2	2	11	121170	41170	27	\N	\N
50	call	max	0	2.4	0	11	121170	41170	\N	170	\N
50	call	min	0	1.7	6	21	121170	41170	\N	170	\N
51	A	average	0	4.4	3	5	125635	45635	13	\N	\N
51	A	max	0	4.5	0	5	125635	45635	\N	35	\N
51	A	min	0	3.6	8	15	125635	45635	\N	35	\N
51	B	average	0	4.4	3	5	125635	45635	13	\N	\N
51	B	max	0	4.5	0	5	125635	45635	\N	35	\N
51	B	min	0	3.6	8	15	125635	45635	\N	35	\N
51	call	average	0	4.4	3	5	125635	45635	13	\N	\N
51	call	max	0	4.5	0	5	125635	45635	\N	35	\N
51	call	min	0	3.6	8	15	125635	45635	\N	35	\N
52	A	average	0	3.8	0	20	130100	50100	58	\N	\N
52	A	max	0	4	0	20	130100	50100	\N	200	\N
52	A	min	0	3.6	6	30	130100	50100	\N	200	\N
52	B	average	0	3.8	0	20	130100	50100	58	\N	\N
52	B	max	0	4	0	20	130100	50100	\N	200	\N
52	B	min	0	3.6	6	30	130100	50100	\N	200	\N
52	call	average	0	3.8	0	20	130100	50100	58	\N	\N
52	call	max	0	4	0	20	130100	50100	\N	200	\N
52	call	min	0	3.6	6	30	130100	50100	\N	200	\N
54	A	average	0	3.9	2	12	42326	38326	22	\N	\N
54	A	max	0	3.9	0	12	42326	38326	\N	126	\N
54	A	min	0	3.6	7	22	42326	38326	\N	126	\N
54	B	average	0	4.1	2	12	42326	38326	22	\N	\N
54	B	max	0	4.1	0	12	42326	38326	\N	126	\N
54	B	min	0	3.8	7	22	42326	38326	\N	126	\N
54	call	average	0	3.9	2	12	42326	38326	22	\N	\N
54	call	max	0	3.9	0	12	42326	38326	\N	126	\N
54	call	min	0	3.6	7	22	42326	38326	\N	126	\N
55	A	average	0	3.7	3	10	102087	22087	59	\N	\N
55	A	max	0	3.8	0	10	102087	22087	\N	187	\N
55	A	min	0	3.6	6	20	102087	22087	\N	187	\N
55	B	average	0	4	3	10	102087	22087	59	\N	\N
55	B	max	0	4.1	0	10	102087	22087	\N	187	\N
55	B	min	0	3.9	6	20	102087	22087	\N	187	\N
55	call	average	0	3.7	3	10	102087	22087	59	\N	\N
55	call	max	0	3.8	0	10	102087	22087	\N	187	\N
55	call	min	0	3.6	6	20	102087	22087	\N	187	\N
56	A	average	0	4	0	4	106552	26552	45	\N	\N
56	A	max	0	4.1	0	4	106552	26552	\N	52	\N
56	A	min	0	3.6	4	14	106552	26552	\N	52	\N
56	B	average	0	4	0	4	106552	26552	45	\N	\N
56	B	max	0	4.1	0	4	106552	26552	\N	52	\N
56	B	min	0	3.6	4	14	106552	26552	\N	52	\N
56	call	average	0	4	0	4	106552	26552	45	\N	\N
56	call	max	0	4.1	0	4	106552	26552	\N	52	\N
56	call	min	0	3.6	4	14	106552	26552	\N	52	\N
57	A	average	0	4.3	1	19	111017	31017	31	\N	\N
57	A	max	0	4.4	0	19	111017	31017	\N	217	\N
57	A	min	0	3.6	6	29	111017	31017	\N	217	\N
57	B	average	0	4.4	1	19	111017	31017	31	\N	\N
57	B	max	0	4.5	0	19	111017	31017	\N	217	\N
57	B	min	0	3.7	6	29	111017	31017	\N	217	\N
57	call	average	0	4.3	1	19	111017	31017	31	\N	\N
57	call	max	0	4.4	0	19	111017	31017	\N	217	\N
57	call	min	0	3.6	6	29	111017	31017	\N	217	\N
59	A	average	0	4.4	3	11	23243	19243	54	\N	\N
59	A	max	0	4.5	0	11	23243	19243	\N	143	\N
59	A	min	0	3.6	7	21	23243	19243	\N	143	\N
59	B	average	0	4.4	3	11	23243	19243	54	\N	\N
59	B	max	0	4.5	0	11	23243	19243	\N	143	\N
59	B	min	0	3.6	7	21	23243	19243	\N	143	\N
59	call	average	0	4.4	3	11	23243	19243	54	\N	\N
59	call	max	0	4.5	0	11	23243	19243	\N	143	\N
59	call	min	0	3.6	7	21	23243	19243	\N	143	\N
60	A	average	0	3.2	0	5	27708	23708	40	\N	\N
60	A	max	0	3.4	0	5	27708	23708	\N	8	\N
60	A	min	0	3	5	15	27708	23708	\N	8	\N
60	B	average	0	3.2	0	5	27708	23708	40	\N	\N
60	B	max	0	3.4	0	5	27708	23708	\N	8	\N
60	B	min	0	3	5	15	27708	23708	\N	8	\N
60	call	average	0	3.2	0	5	27708	23708	40	\N	\N
60	call	max	0	3.4	0	5	27708	23708	\N	8	\N
60	call	min	0	3	5	15	27708	23708	\N	8	\N
61	A	average	0	3.6	1	3	87469	7469	18	\N	\N
61	A	max	0	3.6	0	3	87469	7469	\N	69	\N
61	A	min	0	3.6	4	13	87469	7469	\N	69	\N
61	B	average	0	3.7	1	3	87469	7469	18	\N	\N
61	B	max	0	3.7	0	3	87469	7469	\N	69	\N
61	B	min	0	3.7	4	13	87469	7469	\N	69	\N
61	call	average	0	3.6	1	3	87469	7469	18	\N	\N
61	call	max	0	3.6	0	3	87469	7469	\N	69	\N
61	call	min	0	3.6	4	13	87469	7469	\N	69	\N
62	A	average	0	3.9	2	18	91934	11934	4	\N	\N
62	A	max	0	3.9	0	18	91934	11934	\N	234	\N
62	A	min	0	3.6	6	28	91934	11934	\N	234	\N
62	B	average	0	4.1	2	18	91934	11934	4	\N	\N
62	B	max	0	4.1	0	18	91934	11934	\N	234	\N
62	B	min	0	3.8	6	28	91934	11934	\N	234	\N
62	call	average	0	3.9	2	18	91934	11934	4	\N	\N
62	call	max	0	3.9	0	18	91934	11934	\N	234	\N
62	call	min	0	3.6	6	28	91934	11934	\N	234	\N
63	A	average	0	3.7	3	16	151695	71695	41	\N	\N
63	A	max	0	3.8	0	16	151695	71695	\N	295	\N
63	A	min	0	3.6	5	26	151695	71695	\N	295	\N
63	B	average	0	4	3	16	151695	71695	41	\N	\N
63	B	max	0	4.1	0	16	151695	71695	\N	295	\N
63	B	min	0	3.9	5	26	151695	71695	\N	295	\N
63	call	average	0	3.7	3	16	151695	71695	41	\N	\N
63	call	max	0	3.8	0	16	151695	71695	\N	295	\N
63	call	min	0	3.6	5	26	151695	71695	\N	295	\N
64	A	average	0	4	0	10	156160	76160	27	\N	\N
64	A	max	0	4.1	0	10	156160	76160	\N	160	\N
64	A	min	0	3.6	3	20	156160	76160	\N	160	\N
64	B	average	0	4	0	10	156160	76160	27	\N	\N
64	B	max	0	4.1	0	10	156160	76160	\N	160	\N
64	B	min	0	3.6	3	20	156160	76160	\N	160	\N
64	call	average	0	4	0	10	156160	76160	27	\N	\N
64	call	max	0	4.1	0	10	156160	76160	\N	160	\N
64	call	min	0	3.6	3	20	156160	76160	\N	160	\N
65	A	average	0	4.3	1	4	8625	4625	13	\N	\N
65	A	max	0	4.4	0	4	8625	4625	\N	25	\N
65	A	min	0	3.6	5	14	8625	4625	\N	25	\N
65	B	average	0	4.4	1	4	8625	4625	13	\N	\N
65	B	max	0	4.5	0	4	8625	4625	\N	25	\N
65	B	min	0	3.7	5	14	8625	4625	\N	25	\N
65	call	average	0	4.3	1	4	8625	4625	13	\N	\N
65	call	max	0	4.4	0	4	8625	4625	\N	25	\N
65	call	min	0	3.6	5	14	8625	4625	\N	25	\N
66	A	average	0	4.1	2	2	68386	64386	50	\N	\N
66	A	max	0	4.3	0	2	68386	64386	\N	86	\N
66	A	min	0	3.6	4	12	68386	64386	\N	86	\N
66	B	average	0	4.3	2	2	68386	64386	50	\N	\N
66	B	max	0	4.5	0	2	68386	64386	\N	86	\N
66	B	min	0	3.8	4	12	68386	64386	\N	86	\N
66	call	average	0	4.1	2	2	68386	64386	50	\N	\N
66	call	max	0	4.3	0	2	68386	64386	\N	86	\N
66	call	min	0	3.6	4	12	68386	64386	\N	86	\N
67	A	average	0	4.4	3	17	72851	68851	36	\N	\N
67	A	max	0	4.5	0	17	72851	68851	\N	251	\N
67	A	min	0	3.6	6	27	72851	68851	\N	251	\N
67	B	average	0	4.4	3	17	72851	68851	36	\N	\N
67	B	max	0	4.5	0	17	72851	68851	\N	251	\N
67	B	min	0	3.6	6	27	72851	68851	\N	251	\N
67	call	average	0	4.4	3	17	72851	68851	36	\N	\N
67	call	max	0	4.5	0	17	72851	68851	\N	251	\N
67	call	min	0	3.6	6	27	72851	68851	\N	251	\N
68	A	average	0	3.8	0	11	77316	73316	22	\N	\N
68	A	max	0	4	0	11	77316	73316	\N	116	\N
68	A	min	0	3.6	4	21	77316	73316	\N	116	\N
68	B	average	0	3.8	0	11	77316	73316	22	\N	\N
68	B	max	0	4	0	11	77316	73316	\N	116	\N
68	B	min	0	3.6	4	21	77316	73316	\N	116	\N
68	call	average	0	3.8	0	11	77316	73316	22	\N	\N
68	call	max	0	4	0	11	77316	73316	\N	116	\N
68	call	min	0	3.6	4	21	77316	73316	\N	116	\N
69	A	average	0	3.6	1	9	137077	57077	59	\N	\N
69	A	max	0	3.6	0	9	137077	57077	\N	177	\N
69	A	min	0	3.6	3	19	137077	57077	\N	177	\N
69	B	average	0	3.7	1	9	137077	57077	59	\N	\N
69	B	max	0	3.7	0	9	137077	57077	\N	177	\N
69	B	min	0	3.7	3	19	137077	57077	\N	177	\N
69	call	average	0	3.6	1	9	137077	57077	59	\N	\N
69	call	max	0	3.6	0	9	137077	57077	\N	177	\N
69	call	min	0	3.6	3	19	137077	57077	\N	177	\N
70	A	average	0	2.6	2	3	141542	61542	45	\N	\N
70	A	max	0	2.6	0	3	141542	61542	\N	42	\N
70	A	min	0	2.3	5	13	141542	61542	\N	42	\N
70	B	average	0	2.8	2	3	141542	61542	45	\N	\N
70	B	max	0	2.8	0	3	141542	61542	\N	42	\N
70	B	min	0	2.5	5	13	141542	61542	\N	42	\N
70	call	average	0	2.6	2	3	141542	61542	45	\N	\N
70	call	max	0	2.6	0	3	141542	61542	\N	42	\N
70	call	min	0	2.3	5	13	141542	61542	\N	42	\N
71	A	average	0	3.7	3	1	49303	45303	23	\N	\N
71	A	max	0	3.8	0	1	49303	45303	\N	103	\N
71	A	min	0	3.6	4	11	49303	45303	\N	103	\N
71	B	average	0	4	3	1	49303	45303	23	\N	\N
71	B	max	0	4.1	0	1	49303	45303	\N	103	\N
71	B	min	0	3.9	4	11	49303	45303	\N	103	\N
71	call	average	0	3.7	3	1	49303	45303	23	\N	\N
71	call	max	0	3.8	0	1	49303	45303	\N	103	\N
71	call	min	0	3.6	4	11	49303	45303	\N	103	\N
72	A	average	0	4	0	16	53768	49768	9	\N	\N
72	A	max	0	4.1	0	16	53768	49768	\N	268	\N
72	A	min	0	3.6	2	26	53768	49768	\N	268	\N
72	B	average	0	4	0	16	53768	49768	9	\N	\N
72	B	max	0	4.1	0	16	53768	49768	\N	268	\N
72	B	min	0	3.6	2	26	53768	49768	\N	268	\N
72	call	average	0	4	0	16	53768	49768	9	\N	\N
72	call	max	0	4.1	0	16	53768	49768	\N	268	\N
72	call	min	0	3.6	2	26	53768	49768	\N	268	\N
73	A	average	0	4.3	1	10	58233	54233	54	\N	\N
73	A	max	0	4.4	0	10	58233	54233	\N	133	\N
73	A	min	0	3.6	4	20	58233	54233	\N	133	\N
73	B	average	0	4.4	1	10	58233	54233	54	\N	\N
73	B	max	0	4.5	0	10	58233	54233	\N	133	\N
73	B	min	0	3.7	4	20	58233	54233	\N	133	\N
73	call	average	0	4.3	1	10	58233	54233	54	\N	\N
73	call	max	0	4.4	0	10	58233	54233	\N	133	\N
73	call	min	0	3.6	4	20	58233	54233	\N	133	\N
75	A	average	0	4.4	3	2	122459	42459	18	\N	\N
75	A	max	0	4.5	0	2	122459	42459	\N	59	\N
75	A	min	0	3.6	5	12	122459	42459	\N	59	\N
75	B	average	0	4.4	3	2	122459	42459	18	\N	\N
75	B	max	0	4.5	0	2	122459	42459	\N	59	\N
75	B	min	0	3.6	5	12	122459	42459	\N	59	\N
75	call	average	0	4.4	3	2	122459	42459	18	\N	\N
75	call	max	0	4.5	0	2	122459	42459	\N	59	\N
75	call	min	0	3.6	5	12	122459	42459	\N	59	\N
76	A	average	0	4.2	0	0	30220	26220	55	\N	\N
76	A	max	0	4.2	0	0	30220	26220	\N	120	\N
76	A	min	0	3.6	0	10	30220	26220	\N	120	\N
76	B	average	0	4.2	0	0	30220	26220	55	\N	\N
76	B	max	0	4.2	0	0	30220	26220	\N	120	\N
76	B	min	0	3.6	0	10	30220	26220	\N	120	\N
76	call	average	0	4.2	0	0	30220	26220	55	\N	\N
76	call	max	0	4.2	0	0	30220	26220	\N	120	\N
76	call	min	0	3.6	0	10	30220	26220	\N	120	\N
77	A	average	0	3.6	1	15	34685	30685	41	\N	\N
77	A	max	0	3.6	0	15	34685	30685	\N	285	\N
77	A	min	0	3.6	2	25	34685	30685	\N	285	\N
77	B	average	0	3.7	1	15	34685	30685	41	\N	\N
77	B	max	0	3.7	0	15	34685	30685	\N	285	\N
77	B	min	0	3.7	2	25	34685	30685	\N	285	\N
77	call	average	0	3.6	1	15	34685	30685	41	\N	\N
77	call	max	0	3.6	0	15	34685	30685	\N	285	\N
77	call	min	0	3.6	2	25	34685	30685	\N	285	\N
78	A	average	0	3.9	2	9	39150	35150	27	\N	\N
78	A	max	0	3.9	0	9	39150	35150	\N	150	\N
78	A	min	0	3.6	4	19	39150	35150	\N	150	\N
78	B	average	0	4.1	2	9	39150	35150	27	\N	\N
78	B	max	0	4.1	0	9	39150	35150	\N	150	\N
78	B	min	0	3.8	4	19	39150	35150	\N	150	\N
78	call	average	0	3.9	2	9	39150	35150	27	\N	\N
78	call	max	0	3.9	0	9	39150	35150	\N	150	\N
78	call	min	0	3.6	4	19	39150	35150	\N	150	\N
80	A	average	0	2	0	1	103376	23376	50	\N	\N
80	A	max	0	2.1	0	1	103376	23376	\N	76	\N
80	A	min	0	1.6	1	11	103376	23376	\N	76	\N
80	B	average	0	2	0	1	103376	23376	50	\N	\N
80	B	max	0	2.1	0	1	103376	23376	\N	76	\N
80	B	min	0	1.6	1	11	103376	23376	\N	76	\N
80	call	average	0	2	0	1	103376	23376	50	\N	\N
80	call	max	0	2.1	0	1	103376	23376	\N	76	\N
80	call	min	0	1.6	1	11	103376	23376	\N	76	\N
81	A	average	0	4.3	1	16	107841	27841	36	\N	\N
81	A	max	0	4.4	0	16	107841	27841	\N	241	\N
81	A	min	0	3.6	3	26	107841	27841	\N	241	\N
81	B	average	0	4.4	1	16	107841	27841	36	\N	\N
81	B	max	0	4.5	0	16	107841	27841	\N	241	\N
81	B	min	0	3.7	3	26	107841	27841	\N	241	\N
81	call	average	0	4.3	1	16	107841	27841	36	\N	\N
81	call	max	0	4.4	0	16	107841	27841	\N	241	\N
81	call	min	0	3.6	3	26	107841	27841	\N	241	\N
82	A	average	0	4.1	2	14	15602	11602	14	\N	\N
82	A	max	0	4.3	0	14	15602	11602	\N	2	\N
82	A	min	0	3.6	2	24	15602	11602	\N	2	\N
82	B	average	0	4.3	2	14	15602	11602	14	\N	\N
82	B	max	0	4.5	0	14	15602	11602	\N	2	\N
82	B	min	0	3.8	2	24	15602	11602	\N	2	\N
82	call	average	0	4.1	2	14	15602	11602	14	\N	\N
82	call	max	0	4.3	0	14	15602	11602	\N	2	\N
82	call	min	0	3.6	2	24	15602	11602	\N	2	\N
83	A	average	0	4.4	3	8	20067	16067	59	\N	\N
83	A	max	0	4.5	0	8	20067	16067	\N	167	\N
83	A	min	0	3.6	4	18	20067	16067	\N	167	\N
83	B	average	0	4.4	3	8	20067	16067	59	\N	\N
83	B	max	0	4.5	0	8	20067	16067	\N	167	\N
83	B	min	0	3.6	4	18	20067	16067	\N	167	\N
83	call	average	0	4.4	3	8	20067	16067	59	\N	\N
83	call	max	0	4.5	0	8	20067	16067	\N	167	\N
83	call	min	0	3.6	4	18	20067	16067	\N	167	\N
84	A	average	0	4.2	0	6	79828	75828	37	\N	\N
84	A	max	0	4.2	0	6	79828	75828	\N	228	\N
84	A	min	0	3.6	6	16	79828	75828	\N	228	\N
84	B	average	0	4.2	0	6	79828	75828	37	\N	\N
84	B	max	0	4.2	0	6	79828	75828	\N	228	\N
84	B	min	0	3.6	6	16	79828	75828	\N	228	\N
84	call	average	0	4.2	0	6	79828	75828	37	\N	\N
84	call	max	0	4.2	0	6	79828	75828	\N	228	\N
84	call	min	0	3.6	6	16	79828	75828	\N	228	\N
85	A	average	0	3.6	1	0	84293	4293	23	\N	\N
85	A	max	0	3.6	0	0	84293	4293	\N	93	\N
85	A	min	0	3.6	1	10	84293	4293	\N	93	\N
85	B	average	0	3.7	1	0	84293	4293	23	\N	\N
85	B	max	0	3.7	0	0	84293	4293	\N	93	\N
85	B	min	0	3.7	1	10	84293	4293	\N	93	\N
85	call	average	0	3.6	1	0	84293	4293	23	\N	\N
85	call	max	0	3.6	0	0	84293	4293	\N	93	\N
85	call	min	0	3.6	1	10	84293	4293	\N	93	\N
86	A	average	0	3.9	2	15	88758	8758	9	\N	\N
86	A	max	0	3.9	0	15	88758	8758	\N	258	\N
86	A	min	0	3.6	3	25	88758	8758	\N	258	\N
86	B	average	0	4.1	2	15	88758	8758	9	\N	\N
86	B	max	0	4.1	0	15	88758	8758	\N	258	\N
86	B	min	0	3.8	3	25	88758	8758	\N	258	\N
86	call	average	0	3.9	2	15	88758	8758	9	\N	\N
86	call	max	0	3.9	0	15	88758	8758	\N	258	\N
86	call	min	0	3.6	3	25	88758	8758	\N	258	\N
87	A	average	0	3.7	3	13	148519	68519	46	\N	\N
87	A	max	0	3.8	0	13	148519	68519	\N	19	\N
87	A	min	0	3.6	9	23	148519	68519	\N	19	\N
87	B	average	0	4	3	13	148519	68519	46	\N	\N
87	B	max	0	4.1	0	13	148519	68519	\N	19	\N
87	B	min	0	3.9	9	23	148519	68519	\N	19	\N
87	call	average	0	3.7	3	13	148519	68519	46	\N	\N
87	call	max	0	3.8	0	13	148519	68519	\N	19	\N
87	call	min	0	3.6	9	23	148519	68519	\N	19	\N
88	A	average	0	4	0	7	152984	72984	32	\N	\N
88	A	max	0	4.1	0	7	152984	72984	\N	184	\N
88	A	min	0	3.6	0	17	152984	72984	\N	184	\N
88	B	average	0	4	0	7	152984	72984	32	\N	\N
88	B	max	0	4.1	0	7	152984	72984	\N	184	\N
88	B	min	0	3.6	0	17	152984	72984	\N	184	\N
88	call	average	0	4	0	7	152984	72984	32	\N	\N
88	call	max	0	4.1	0	7	152984	72984	\N	184	\N
88	call	min	0	3.6	0	17	152984	72984	\N	184	\N
89	A	average	0	4.3	1	1	157449	77449	18	\N	\N
89	A	max	0	4.4	0	1	157449	77449	\N	49	\N
89	A	min	0	3.6	2	11	157449	77449	\N	49	\N
89	B	average	0	4.4	1	1	157449	77449	18	\N	\N
89	B	max	0	4.5	0	1	157449	77449	\N	49	\N
89	B	min	0	3.7	2	11	157449	77449	\N	49	\N
89	call	average	0	4.3	1	1	157449	77449	18	\N	\N
89	call	max	0	4.4	0	1	157449	77449	\N	49	\N
89	call	min	0	3.6	2	11	157449	77449	\N	49	\N
90	A	average	0	3	2	20	65210	61210	55	\N	\N
90	A	max	0	3.2	0	20	65210	61210	\N	110	\N
90	A	min	0	2.5	8	30	65210	61210	\N	110	\N
90	B	average	0	3.2	2	20	65210	61210	55	\N	\N
90	B	max	0	3.4	0	20	65210	61210	\N	110	\N
90	B	min	0	2.7	8	30	65210	61210	\N	110	\N
90	call	average	0	3	2	20	65210	61210	55	\N	\N
90	call	max	0	3.2	0	20	65210	61210	\N	110	\N
90	call	min	0	2.5	8	30	65210	61210	\N	110	\N
91	A	average	0	4.4	3	14	69675	65675	41	\N	\N
91	A	max	0	4.5	0	14	69675	65675	\N	275	\N
91	A	min	0	3.6	3	24	69675	65675	\N	275	\N
91	B	average	0	4.4	3	14	69675	65675	41	\N	\N
91	B	max	0	4.5	0	14	69675	65675	\N	275	\N
91	B	min	0	3.6	3	24	69675	65675	\N	275	\N
91	call	average	0	4.4	3	14	69675	65675	41	\N	\N
91	call	max	0	4.5	0	14	69675	65675	\N	275	\N
91	call	min	0	3.6	3	24	69675	65675	\N	275	\N
92	A	average	0	4.2	0	12	129436	49436	19	\N	\N
92	A	max	0	4.2	0	12	129436	49436	\N	36	\N
92	A	min	0	3.6	5	22	129436	49436	\N	36	\N
92	B	average	0	4.2	0	12	129436	49436	19	\N	\N
92	B	max	0	4.2	0	12	129436	49436	\N	36	\N
92	B	min	0	3.6	5	22	129436	49436	\N	36	\N
92	call	average	0	4.2	0	12	129436	49436	19	\N	\N
92	call	max	0	4.2	0	12	129436	49436	\N	36	\N
92	call	min	0	3.6	5	22	129436	49436	\N	36	\N
93	A	average	0	3.6	1	6	133901	53901	5	\N	\N
93	A	max	0	3.6	0	6	133901	53901	\N	201	\N
93	A	min	0	3.6	7	16	133901	53901	\N	201	\N
93	B	average	0	3.7	1	6	133901	53901	5	\N	\N
93	B	max	0	3.7	0	6	133901	53901	\N	201	\N
93	B	min	0	3.7	7	16	133901	53901	\N	201	\N
93	call	average	0	3.6	1	6	133901	53901	5	\N	\N
93	call	max	0	3.6	0	6	133901	53901	\N	201	\N
93	call	min	0	3.6	7	16	133901	53901	\N	201	\N
94	A	average	0	3.9	2	0	138366	58366	50	\N	\N
94	A	max	0	3.9	0	0	138366	58366	\N	66	\N
94	A	min	0	3.6	2	10	138366	58366	\N	66	\N
94	B	average	0	4.1	2	0	138366	58366	50	\N	\N
94	B	max	0	4.1	0	0	138366	58366	\N	66	\N
94	B	min	0	3.8	2	10	138366	58366	\N	66	\N
94	call	average	0	3.9	2	0	138366	58366	50	\N	\N
94	call	max	0	3.9	0	0	138366	58366	\N	66	\N
94	call	min	0	3.6	2	10	138366	58366	\N	66	\N
96	A	average	0	4	0	13	50592	46592	14	\N	\N
96	A	max	0	4.1	0	13	50592	46592	\N	292	\N
96	A	min	0	3.6	6	23	50592	46592	\N	292	\N
96	B	average	0	4	0	13	50592	46592	14	\N	\N
96	B	max	0	4.1	0	13	50592	46592	\N	292	\N
96	B	min	0	3.6	6	23	50592	46592	\N	292	\N
96	call	average	0	4	0	13	50592	46592	14	\N	\N
96	call	max	0	4.1	0	13	50592	46592	\N	292	\N
96	call	min	0	3.6	6	23	50592	46592	\N	292	\N
97	A	average	0	3.8	1	11	110353	30353	51	\N	\N
97	A	max	0	4	0	11	110353	30353	\N	53	\N
97	A	min	0	3.6	5	21	110353	30353	\N	53	\N
97	B	average	0	3.9	1	11	110353	30353	51	\N	\N
97	B	max	0	4.1	0	11	110353	30353	\N	53	\N
97	B	min	0	3.7	5	21	110353	30353	\N	53	\N
97	call	average	0	3.8	1	11	110353	30353	51	\N	\N
97	call	max	0	4	0	11	110353	30353	\N	53	\N
97	call	min	0	3.6	5	21	110353	30353	\N	53	\N
98	A	average	0	4.1	2	5	114818	34818	37	\N	\N
98	A	max	0	4.3	0	5	114818	34818	\N	218	\N
98	A	min	0	3.6	7	15	114818	34818	\N	218	\N
98	B	average	0	4.3	2	5	114818	34818	37	\N	\N
98	B	max	0	4.5	0	5	114818	34818	\N	218	\N
98	B	min	0	3.8	7	15	114818	34818	\N	218	\N
98	call	average	0	4.1	2	5	114818	34818	37	\N	\N
98	call	max	0	4.3	0	5	114818	34818	\N	218	\N
98	call	min	0	3.6	7	15	114818	34818	\N	218	\N
99	A	average	0	4.4	3	20	119283	39283	23	\N	\N
99	A	max	0	4.5	0	20	119283	39283	\N	83	\N
99	A	min	0	3.6	9	30	119283	39283	\N	83	\N
99	B	average	0	4.4	3	20	119283	39283	23	\N	\N
99	B	max	0	4.5	0	20	119283	39283	\N	83	\N
99	B	min	0	3.6	9	30	119283	39283	\N	83	\N
99	call	average	0	4.4	3	20	119283	39283	23	\N	\N
99	call	max	0	4.5	0	20	119283	39283	\N	83	\N
99	call	min	0	3.6	9	30	119283	39283	\N	83	\N
101	A	average	0	3.6	1	12	31509	27509	46	\N	\N
101	A	max	0	3.6	0	12	31509	27509	\N	9	\N
101	A	min	0	3.6	6	22	31509	27509	\N	9	\N
101	B	average	0	3.7	1	12	31509	27509	46	\N	\N
101	B	max	0	3.7	0	12	31509	27509	\N	9	\N
101	B	min	0	3.7	6	22	31509	27509	\N	9	\N
101	call	average	0	3.6	1	12	31509	27509	46	\N	\N
101	call	max	0	3.6	0	12	31509	27509	\N	9	\N
101	call	min	0	3.6	6	22	31509	27509	\N	9	\N
102	A	average	0	3.9	2	6	35974	31974	32	\N	\N
102	A	max	0	3.9	0	6	35974	31974	\N	174	\N
102	A	min	0	3.6	8	16	35974	31974	\N	174	\N
102	B	average	0	4.1	2	6	35974	31974	32	\N	\N
102	B	max	0	4.1	0	6	35974	31974	\N	174	\N
102	B	min	0	3.8	8	16	35974	31974	\N	174	\N
102	call	average	0	3.9	2	6	35974	31974	32	\N	\N
102	call	max	0	3.9	0	6	35974	31974	\N	174	\N
102	call	min	0	3.6	8	16	35974	31974	\N	174	\N
103	A	average	0	3.7	3	4	95735	15735	10	\N	\N
103	A	max	0	3.8	0	4	95735	15735	\N	235	\N
103	A	min	0	3.6	7	14	95735	15735	\N	235	\N
103	B	average	0	4	3	4	95735	15735	10	\N	\N
103	B	max	0	4.1	0	4	95735	15735	\N	235	\N
103	B	min	0	3.9	7	14	95735	15735	\N	235	\N
103	call	average	0	3.7	3	4	95735	15735	10	\N	\N
103	call	max	0	3.8	0	4	95735	15735	\N	235	\N
103	call	min	0	3.6	7	14	95735	15735	\N	235	\N
104	A	average	0	4	0	19	100200	20200	55	\N	\N
104	A	max	0	4.1	0	19	100200	20200	\N	100	\N
104	A	min	0	3.6	5	29	100200	20200	\N	100	\N
104	B	average	0	4	0	19	100200	20200	55	\N	\N
104	B	max	0	4.1	0	19	100200	20200	\N	100	\N
104	B	min	0	3.6	5	29	100200	20200	\N	100	\N
104	call	average	0	4	0	19	100200	20200	55	\N	\N
104	call	max	0	4.1	0	19	100200	20200	\N	100	\N
104	call	min	0	3.6	5	29	100200	20200	\N	100	\N
105	A	average	0	3.8	1	17	159961	79961	33	\N	\N
105	A	max	0	4	0	17	159961	79961	\N	161	\N
105	A	min	0	3.6	4	27	159961	79961	\N	161	\N
105	B	average	0	3.9	1	17	159961	79961	33	\N	\N
105	B	max	0	4.1	0	17	159961	79961	\N	161	\N
105	B	min	0	3.7	4	27	159961	79961	\N	161	\N
105	call	average	0	3.8	1	17	159961	79961	33	\N	\N
105	call	max	0	4	0	17	159961	79961	\N	161	\N
105	call	min	0	3.6	4	27	159961	79961	\N	161	\N
106	A	average	0	4.1	2	11	12426	8426	19	\N	\N
106	A	max	0	4.3	0	11	12426	8426	\N	26	\N
106	A	min	0	3.6	6	21	12426	8426	\N	26	\N
106	B	average	0	4.3	2	11	12426	8426	19	\N	\N
106	B	max	0	4.5	0	11	12426	8426	\N	26	\N
106	B	min	0	3.8	6	21	12426	8426	\N	26	\N
106	call	average	0	4.1	2	11	12426	8426	19	\N	\N
106	call	max	0	4.3	0	11	12426	8426	\N	26	\N
106	call	min	0	3.6	6	21	12426	8426	\N	26	\N
107	A	average	0	4.4	3	5	16891	12891	5	\N	\N
107	A	max	0	4.5	0	5	16891	12891	\N	191	\N
107	A	min	0	3.6	8	15	16891	12891	\N	191	\N
107	B	average	0	4.4	3	5	16891	12891	5	\N	\N
107	B	max	0	4.5	0	5	16891	12891	\N	191	\N
107	B	min	0	3.6	8	15	16891	12891	\N	191	\N
107	call	average	0	4.4	3	5	16891	12891	5	\N	\N
107	call	max	0	4.5	0	5	16891	12891	\N	191	\N
107	call	min	0	3.6	8	15	16891	12891	\N	191	\N
108	A	average	0	4.2	0	3	76652	72652	42	\N	\N
108	A	max	0	4.2	0	3	76652	72652	\N	252	\N
108	A	min	0	3.6	3	13	76652	72652	\N	252	\N
108	B	average	0	4.2	0	3	76652	72652	42	\N	\N
108	B	max	0	4.2	0	3	76652	72652	\N	252	\N
108	B	min	0	3.6	3	13	76652	72652	\N	252	\N
108	call	average	0	4.2	0	3	76652	72652	42	\N	\N
108	call	max	0	4.2	0	3	76652	72652	\N	252	\N
108	call	min	0	3.6	3	13	76652	72652	\N	252	\N
109	A	average	0	3.6	1	18	81117	77117	28	\N	\N
109	A	max	0	3.6	0	18	81117	77117	\N	117	\N
109	A	min	0	3.6	5	28	81117	77117	\N	117	\N
109	B	average	0	3.7	1	18	81117	77117	28	\N	\N
109	B	max	0	3.7	0	18	81117	77117	\N	117	\N
109	B	min	0	3.7	5	28	81117	77117	\N	117	\N
109	call	average	0	3.6	1	18	81117	77117	28	\N	\N
109	call	max	0	3.6	0	18	81117	77117	\N	117	\N
109	call	min	0	3.6	5	28	81117	77117	\N	117	\N
110	A	average	0	3.4	2	16	140878	60878	6	\N	\N
110	A	max	0	3.5	0	16	140878	60878	\N	178	\N
110	A	min	0	2.7	4	26	140878	60878	\N	178	\N
110	B	average	0	3.6	2	16	140878	60878	6	\N	\N
110	B	max	0	3.7	0	16	140878	60878	\N	178	\N
110	B	min	0	2.9	4	26	140878	60878	\N	178	\N
110	call	average	0	3.4	2	16	140878	60878	6	\N	\N
110	call	max	0	3.5	0	16	140878	60878	\N	178	\N
110	call	min	0	2.7	4	26	140878	60878	\N	178	\N
112	A	average	0	4	0	4	149808	69808	37	\N	\N
112	A	max	0	4.1	0	4	149808	69808	\N	208	\N
112	A	min	0	3.6	4	14	149808	69808	\N	208	\N
112	B	average	0	4	0	4	149808	69808	37	\N	\N
112	B	max	0	4.1	0	4	149808	69808	\N	208	\N
112	B	min	0	3.6	4	14	149808	69808	\N	208	\N
112	call	average	0	4	0	4	149808	69808	37	\N	\N
112	call	max	0	4.1	0	4	149808	69808	\N	208	\N
112	call	min	0	3.6	4	14	149808	69808	\N	208	\N
113	A	average	0	3.8	1	2	57569	53569	15	\N	\N
113	A	max	0	4	0	2	57569	53569	\N	269	\N
113	A	min	0	3.6	3	12	57569	53569	\N	269	\N
113	B	average	0	3.9	1	2	57569	53569	15	\N	\N
113	B	max	0	4.1	0	2	57569	53569	\N	269	\N
113	B	min	0	3.7	3	12	57569	53569	\N	269	\N
113	call	average	0	3.8	1	2	57569	53569	15	\N	\N
113	call	max	0	4	0	2	57569	53569	\N	269	\N
113	call	min	0	3.6	3	12	57569	53569	\N	269	\N
114	A	average	0	4.1	2	17	62034	58034	60	\N	\N
114	A	max	0	4.3	0	17	62034	58034	\N	134	\N
114	A	min	0	3.6	5	27	62034	58034	\N	134	\N
114	B	average	0	4.3	2	17	62034	58034	60	\N	\N
114	B	max	0	4.5	0	17	62034	58034	\N	134	\N
114	B	min	0	3.8	5	27	62034	58034	\N	134	\N
114	call	average	0	4.1	2	17	62034	58034	60	\N	\N
114	call	max	0	4.3	0	17	62034	58034	\N	134	\N
114	call	min	0	3.6	5	27	62034	58034	\N	134	\N
115	A	average	0	4.4	3	11	66499	62499	46	\N	\N
115	A	max	0	4.5	0	11	66499	62499	\N	299	\N
115	A	min	0	3.6	7	21	66499	62499	\N	299	\N
115	B	average	0	4.4	3	11	66499	62499	46	\N	\N
115	B	max	0	4.5	0	11	66499	62499	\N	299	\N
115	B	min	0	3.6	7	21	66499	62499	\N	299	\N
115	call	average	0	4.4	3	11	66499	62499	46	\N	\N
115	call	max	0	4.5	0	11	66499	62499	\N	299	\N
115	call	min	0	3.6	7	21	66499	62499	\N	299	\N
117	A	average	0	3.6	1	3	130725	50725	10	\N	\N
117	A	max	0	3.6	0	3	130725	50725	\N	225	\N
117	A	min	0	3.6	4	13	130725	50725	\N	225	\N
117	B	average	0	3.7	1	3	130725	50725	10	\N	\N
117	B	max	0	3.7	0	3	130725	50725	\N	225	\N
117	B	min	0	3.7	4	13	130725	50725	\N	225	\N
117	call	average	0	3.6	1	3	130725	50725	10	\N	\N
117	call	max	0	3.6	0	3	130725	50725	\N	225	\N
117	call	min	0	3.6	4	13	130725	50725	\N	225	\N
118	A	average	0	4.3	2	1	38486	34486	47	\N	\N
118	A	max	0	4.4	0	1	38486	34486	\N	286	\N
118	A	min	0	3.6	3	11	38486	34486	\N	286	\N
118	B	average	0	4.4	2	1	38486	34486	47	\N	\N
118	B	max	0	4.5	0	1	38486	34486	\N	286	\N
118	B	min	0	3.7	3	11	38486	34486	\N	286	\N
118	call	average	0	4.3	2	1	38486	34486	47	\N	\N
118	call	max	0	4.4	0	1	38486	34486	\N	286	\N
118	call	min	0	3.6	3	11	38486	34486	\N	286	\N
119	A	average	0	3.7	3	16	42951	38951	33	\N	\N
119	A	max	0	3.8	0	16	42951	38951	\N	151	\N
119	A	min	0	3.6	5	26	42951	38951	\N	151	\N
119	B	average	0	4	3	16	42951	38951	33	\N	\N
119	B	max	0	4.1	0	16	42951	38951	\N	151	\N
119	B	min	0	3.9	5	26	42951	38951	\N	151	\N
119	call	average	0	3.7	3	16	42951	38951	33	\N	\N
119	call	max	0	3.8	0	16	42951	38951	\N	151	\N
119	call	min	0	3.6	5	26	42951	38951	\N	151	\N
120	A	average	0	2.8	0	10	47416	43416	19	\N	\N
120	A	max	0	2.9	0	10	47416	43416	\N	16	\N
120	A	min	0	2.4	3	20	47416	43416	\N	16	\N
120	B	average	0	2.8	0	10	47416	43416	19	\N	\N
120	B	max	0	2.9	0	10	47416	43416	\N	16	\N
120	B	min	0	2.4	3	20	47416	43416	\N	16	\N
120	call	average	0	2.8	0	10	47416	43416	19	\N	\N
120	call	max	0	2.9	0	10	47416	43416	\N	16	\N
120	call	min	0	2.4	3	20	47416	43416	\N	16	\N
1	A	progression	1	4.4	2	12	67762	\N	\N	\N	2025-11-17 23:24:04.001+00
1	A	progression	2	4.1	3	13	67763	\N	\N	\N	2025-11-17 23:24:09.001+00
1	A	progression	3	4.3	4	14	67764	\N	\N	\N	2025-11-17 23:24:14.001+00
1	A	progression	4	4.5	0	15	67765	\N	\N	\N	2025-11-17 23:24:19.001+00
1	A	progression	5	4.2	1	16	67766	\N	\N	\N	2025-11-17 23:24:24.001+00
1	A	progression	6	4.4	2	17	67767	\N	\N	\N	2025-11-17 23:24:29.001+00
1	A	progression	7	4.1	3	18	67768	\N	\N	\N	2025-11-17 23:24:34.001+00
1	A	progression	8	4.3	4	19	67769	\N	\N	\N	2025-11-17 23:24:39.001+00
1	A	progression	9	4.5	0	20	67770	\N	\N	\N	2025-11-17 23:24:44.001+00
1	A	progression	10	4.2	1	21	67771	\N	\N	\N	2025-11-17 23:24:49.001+00
1	B	progression	1	4.4	2	12	67762	\N	\N	\N	2025-11-17 23:24:04.001+00
1	B	progression	2	4.1	3	13	67763	\N	\N	\N	2025-11-17 23:24:09.001+00
1	B	progression	3	4.3	4	14	67764	\N	\N	\N	2025-11-17 23:24:14.001+00
1	B	progression	4	4.5	0	15	67765	\N	\N	\N	2025-11-17 23:24:19.001+00
1	B	progression	5	4.2	1	16	67766	\N	\N	\N	2025-11-17 23:24:24.001+00
1	B	progression	6	4.4	2	17	67767	\N	\N	\N	2025-11-17 23:24:29.001+00
1	B	progression	7	4.1	3	18	67768	\N	\N	\N	2025-11-17 23:24:34.001+00
1	B	progression	8	4.3	4	19	67769	\N	\N	\N	2025-11-17 23:24:39.001+00
1	B	progression	9	4.5	0	20	67770	\N	\N	\N	2025-11-17 23:24:44.001+00
1	B	progression	10	4.2	1	21	67771	\N	\N	\N	2025-11-17 23:24:49.001+00
6	A	progression	1	3.7	4	4	48679	\N	\N	\N	2025-11-03 22:44:47.006+00
6	A	progression	2	3.9	0	5	48680	\N	\N	\N	2025-11-03 22:44:52.006+00
6	A	progression	3	4.1	1	6	48681	\N	\N	\N	2025-11-03 22:44:57.006+00
6	A	progression	4	3.8	2	7	48682	\N	\N	\N	2025-11-03 22:45:02.006+00
6	A	progression	5	4	3	8	48683	\N	\N	\N	2025-11-03 22:45:07.006+00
6	A	progression	6	3.7	4	9	48684	\N	\N	\N	2025-11-03 22:45:12.006+00
6	A	progression	7	3.9	0	10	48685	\N	\N	\N	2025-11-03 22:45:17.006+00
6	A	progression	8	4.1	1	11	48686	\N	\N	\N	2025-11-03 22:45:22.006+00
6	A	progression	9	3.8	2	12	48687	\N	\N	\N	2025-11-03 22:45:27.006+00
6	A	progression	10	4	3	13	48688	\N	\N	\N	2025-11-03 22:45:32.006+00
6	B	progression	1	3.7	4	4	48679	\N	\N	\N	2025-11-03 22:44:47.006+00
6	B	progression	2	3.9	0	5	48680	\N	\N	\N	2025-11-03 22:44:52.006+00
6	B	progression	3	4.1	1	6	48681	\N	\N	\N	2025-11-03 22:44:57.006+00
6	B	progression	4	3.8	2	7	48682	\N	\N	\N	2025-11-03 22:45:02.006+00
6	B	progression	5	4	3	8	48683	\N	\N	\N	2025-11-03 22:45:07.006+00
6	B	progression	6	3.7	4	9	48684	\N	\N	\N	2025-11-03 22:45:12.006+00
6	B	progression	7	3.9	0	10	48685	\N	\N	\N	2025-11-03 22:45:17.006+00
6	B	progression	8	4.1	1	11	48686	\N	\N	\N	2025-11-03 22:45:22.006+00
6	B	progression	9	3.8	2	12	48687	\N	\N	\N	2025-11-03 22:45:27.006+00
6	B	progression	10	4	3	13	48688	\N	\N	\N	2025-11-03 22:45:32.006+00
12	A	progression	1	3.8	1	11	34061	\N	\N	\N	2025-11-24 13:49:45.012+00
12	A	progression	2	4	2	12	34062	\N	\N	\N	2025-11-24 13:49:50.012+00
12	A	progression	3	3.7	3	13	34063	\N	\N	\N	2025-11-24 13:49:55.012+00
12	A	progression	4	3.9	4	14	34064	\N	\N	\N	2025-11-24 13:50:00.012+00
12	A	progression	5	3.6	0	15	34065	\N	\N	\N	2025-11-24 13:50:05.012+00
12	A	progression	6	3.8	1	16	34066	\N	\N	\N	2025-11-24 13:50:10.012+00
12	A	progression	7	4	2	17	34067	\N	\N	\N	2025-11-24 13:50:15.012+00
12	A	progression	8	3.7	3	18	34068	\N	\N	\N	2025-11-24 13:50:20.012+00
12	A	progression	9	3.9	4	19	34069	\N	\N	\N	2025-11-24 13:50:25.012+00
12	A	progression	10	3.6	0	20	34070	\N	\N	\N	2025-11-24 13:50:30.012+00
12	B	progression	1	3.8	1	11	34061	\N	\N	\N	2025-11-24 13:49:45.012+00
12	B	progression	2	4	2	12	34062	\N	\N	\N	2025-11-24 13:49:50.012+00
12	B	progression	3	3.7	3	13	34063	\N	\N	\N	2025-11-24 13:49:55.012+00
12	B	progression	4	3.9	4	14	34064	\N	\N	\N	2025-11-24 13:50:00.012+00
12	B	progression	5	3.6	0	15	34065	\N	\N	\N	2025-11-24 13:50:05.012+00
12	B	progression	6	3.8	1	16	34066	\N	\N	\N	2025-11-24 13:50:10.012+00
12	B	progression	7	4	2	17	34067	\N	\N	\N	2025-11-24 13:50:15.012+00
12	B	progression	8	3.7	3	18	34068	\N	\N	\N	2025-11-24 13:50:20.012+00
12	B	progression	9	3.9	4	19	34069	\N	\N	\N	2025-11-24 13:50:25.012+00
12	B	progression	10	3.6	0	20	34070	\N	\N	\N	2025-11-24 13:50:30.012+00
17	A	progression	1	4.5	3	3	14978	\N	\N	\N	2025-11-10 13:10:28.017+00
17	A	progression	2	4.2	4	4	14979	\N	\N	\N	2025-11-10 13:10:33.017+00
17	A	progression	3	4.4	0	5	14980	\N	\N	\N	2025-11-10 13:10:38.017+00
17	A	progression	4	4.1	1	6	14981	\N	\N	\N	2025-11-10 13:10:43.017+00
17	A	progression	5	4.3	2	7	14982	\N	\N	\N	2025-11-10 13:10:48.017+00
17	A	progression	6	4.5	3	8	14983	\N	\N	\N	2025-11-10 13:10:53.017+00
17	A	progression	7	4.2	4	9	14984	\N	\N	\N	2025-11-10 13:10:58.017+00
17	A	progression	8	4.4	0	10	14985	\N	\N	\N	2025-11-10 13:11:03.017+00
17	A	progression	9	4.1	1	11	14986	\N	\N	\N	2025-11-10 13:11:08.017+00
17	A	progression	10	4.3	2	12	14987	\N	\N	\N	2025-11-10 13:11:13.017+00
17	B	progression	1	4.5	3	3	14978	\N	\N	\N	2025-11-10 13:10:28.017+00
17	B	progression	2	4.2	4	4	14979	\N	\N	\N	2025-11-10 13:10:33.017+00
17	B	progression	3	4.4	0	5	14980	\N	\N	\N	2025-11-10 13:10:38.017+00
17	B	progression	4	4.1	1	6	14981	\N	\N	\N	2025-11-10 13:10:43.017+00
17	B	progression	5	4.3	2	7	14982	\N	\N	\N	2025-11-10 13:10:48.017+00
17	B	progression	6	4.5	3	8	14983	\N	\N	\N	2025-11-10 13:10:53.017+00
17	B	progression	7	4.2	4	9	14984	\N	\N	\N	2025-11-10 13:10:58.017+00
17	B	progression	8	4.4	0	10	14985	\N	\N	\N	2025-11-10 13:11:03.017+00
17	B	progression	9	4.1	1	11	14986	\N	\N	\N	2025-11-10 13:11:08.017+00
17	B	progression	10	4.3	2	12	14987	\N	\N	\N	2025-11-10 13:11:13.017+00
22	A	progression	1	3.8	0	20	147895	\N	\N	\N	2025-11-26 12:15:11.022+00
22	A	progression	2	4	1	21	147896	\N	\N	\N	2025-11-26 12:15:16.022+00
22	A	progression	3	3.7	2	22	147897	\N	\N	\N	2025-11-26 12:15:21.022+00
22	A	progression	4	3.9	3	23	147898	\N	\N	\N	2025-11-26 12:15:26.022+00
22	A	progression	5	4.1	4	24	147899	\N	\N	\N	2025-11-26 12:15:31.022+00
22	A	progression	6	3.8	0	0	147900	\N	\N	\N	2025-11-26 12:15:36.022+00
22	A	progression	7	4	1	1	147901	\N	\N	\N	2025-11-26 12:15:41.022+00
22	A	progression	8	3.7	2	2	147902	\N	\N	\N	2025-11-26 12:15:46.022+00
22	A	progression	9	3.9	3	3	147903	\N	\N	\N	2025-11-26 12:15:51.022+00
22	A	progression	10	4.1	4	4	147904	\N	\N	\N	2025-11-26 12:15:56.022+00
22	B	progression	1	3.8	0	20	147895	\N	\N	\N	2025-11-26 12:15:11.022+00
22	B	progression	2	4	1	21	147896	\N	\N	\N	2025-11-26 12:15:16.022+00
22	B	progression	3	3.7	2	22	147897	\N	\N	\N	2025-11-26 12:15:21.022+00
22	B	progression	4	3.9	3	23	147898	\N	\N	\N	2025-11-26 12:15:26.022+00
22	B	progression	5	4.1	4	24	147899	\N	\N	\N	2025-11-26 12:15:31.022+00
22	B	progression	6	3.8	0	0	147900	\N	\N	\N	2025-11-26 12:15:36.022+00
22	B	progression	7	4	1	1	147901	\N	\N	\N	2025-11-26 12:15:41.022+00
22	B	progression	8	3.7	2	2	147902	\N	\N	\N	2025-11-26 12:15:46.022+00
22	B	progression	9	3.9	3	3	147903	\N	\N	\N	2025-11-26 12:15:51.022+00
22	B	progression	10	4.1	4	4	147904	\N	\N	\N	2025-11-26 12:15:56.022+00
27	A	progression	1	4.5	2	12	128812	\N	\N	\N	2025-11-12 11:35:54.027+00
27	A	progression	2	4.2	3	13	128813	\N	\N	\N	2025-11-12 11:35:59.027+00
27	A	progression	3	4.4	4	14	128814	\N	\N	\N	2025-11-12 11:36:04.027+00
27	A	progression	4	4.5	0	15	128815	\N	\N	\N	2025-11-12 11:36:09.027+00
27	A	progression	5	4.3	1	16	128816	\N	\N	\N	2025-11-12 11:36:14.027+00
27	A	progression	6	4.5	2	17	128817	\N	\N	\N	2025-11-12 11:36:19.027+00
27	A	progression	7	4.2	3	18	128818	\N	\N	\N	2025-11-12 11:36:24.027+00
27	A	progression	8	4.4	4	19	128819	\N	\N	\N	2025-11-12 11:36:29.027+00
27	A	progression	9	4.5	0	20	128820	\N	\N	\N	2025-11-12 11:36:34.027+00
27	A	progression	10	4.3	1	21	128821	\N	\N	\N	2025-11-12 11:36:39.027+00
27	B	progression	1	4.5	2	12	128812	\N	\N	\N	2025-11-12 11:35:54.027+00
27	B	progression	2	4.2	3	13	128813	\N	\N	\N	2025-11-12 11:35:59.027+00
27	B	progression	3	4.4	4	14	128814	\N	\N	\N	2025-11-12 11:36:04.027+00
27	B	progression	4	4.5	0	15	128815	\N	\N	\N	2025-11-12 11:36:09.027+00
27	B	progression	5	4.3	1	16	128816	\N	\N	\N	2025-11-12 11:36:14.027+00
27	B	progression	6	4.5	2	17	128817	\N	\N	\N	2025-11-12 11:36:19.027+00
27	B	progression	7	4.2	3	18	128818	\N	\N	\N	2025-11-12 11:36:24.027+00
27	B	progression	8	4.4	4	19	128819	\N	\N	\N	2025-11-12 11:36:29.027+00
27	B	progression	9	4.5	0	20	128820	\N	\N	\N	2025-11-12 11:36:34.027+00
27	B	progression	10	4.3	1	21	128821	\N	\N	\N	2025-11-12 11:36:39.027+00
33	A	progression	1	4.1	4	19	114194	\N	\N	\N	2025-11-03 02:56:52.033+00
33	A	progression	2	4.3	0	20	114195	\N	\N	\N	2025-11-03 02:56:57.033+00
33	A	progression	3	4.5	1	21	114196	\N	\N	\N	2025-11-03 02:57:02.033+00
33	A	progression	4	4.2	2	22	114197	\N	\N	\N	2025-11-03 02:57:07.033+00
33	A	progression	5	4.4	3	23	114198	\N	\N	\N	2025-11-03 02:57:12.033+00
33	A	progression	6	4.1	4	24	114199	\N	\N	\N	2025-11-03 02:57:17.033+00
33	A	progression	7	4.3	0	0	114200	\N	\N	\N	2025-11-03 02:57:22.033+00
33	A	progression	8	4.5	1	1	114201	\N	\N	\N	2025-11-03 02:57:27.033+00
33	A	progression	9	4.2	2	2	114202	\N	\N	\N	2025-11-03 02:57:32.033+00
33	A	progression	10	4.4	3	3	114203	\N	\N	\N	2025-11-03 02:57:37.033+00
33	B	progression	1	4.1	4	19	114194	\N	\N	\N	2025-11-03 02:56:52.033+00
33	B	progression	2	4.3	0	20	114195	\N	\N	\N	2025-11-03 02:56:57.033+00
33	B	progression	3	4.5	1	21	114196	\N	\N	\N	2025-11-03 02:57:02.033+00
33	B	progression	4	4.2	2	22	114197	\N	\N	\N	2025-11-03 02:57:07.033+00
33	B	progression	5	4.4	3	23	114198	\N	\N	\N	2025-11-03 02:57:12.033+00
33	B	progression	6	4.1	4	24	114199	\N	\N	\N	2025-11-03 02:57:17.033+00
33	B	progression	7	4.3	0	0	114200	\N	\N	\N	2025-11-03 02:57:22.033+00
33	B	progression	8	4.5	1	1	114201	\N	\N	\N	2025-11-03 02:57:27.033+00
33	B	progression	9	4.2	2	2	114202	\N	\N	\N	2025-11-03 02:57:32.033+00
33	B	progression	10	4.4	3	3	114203	\N	\N	\N	2025-11-03 02:57:37.033+00
38	A	progression	1	3.9	1	11	95111	\N	\N	\N	2025-11-19 02:01:35.038+00
38	A	progression	2	4.1	2	12	95112	\N	\N	\N	2025-11-19 02:01:40.038+00
38	A	progression	3	3.8	3	13	95113	\N	\N	\N	2025-11-19 02:01:45.038+00
38	A	progression	4	4	4	14	95114	\N	\N	\N	2025-11-19 02:01:50.038+00
38	A	progression	5	3.7	0	15	95115	\N	\N	\N	2025-11-19 02:01:55.038+00
38	A	progression	6	3.9	1	16	95116	\N	\N	\N	2025-11-19 02:02:00.038+00
38	A	progression	7	4.1	2	17	95117	\N	\N	\N	2025-11-19 02:02:05.038+00
38	A	progression	8	3.8	3	18	95118	\N	\N	\N	2025-11-19 02:02:10.038+00
38	A	progression	9	4	4	19	95119	\N	\N	\N	2025-11-19 02:02:15.038+00
38	A	progression	10	3.7	0	20	95120	\N	\N	\N	2025-11-19 02:02:20.038+00
38	B	progression	1	3.9	1	11	95111	\N	\N	\N	2025-11-19 02:01:35.038+00
38	B	progression	2	4.1	2	12	95112	\N	\N	\N	2025-11-19 02:01:40.038+00
38	B	progression	3	3.8	3	13	95113	\N	\N	\N	2025-11-19 02:01:45.038+00
38	B	progression	4	4	4	14	95114	\N	\N	\N	2025-11-19 02:01:50.038+00
38	B	progression	5	3.7	0	15	95115	\N	\N	\N	2025-11-19 02:01:55.038+00
38	B	progression	6	3.9	1	16	95116	\N	\N	\N	2025-11-19 02:02:00.038+00
38	B	progression	7	4.1	2	17	95117	\N	\N	\N	2025-11-19 02:02:05.038+00
38	B	progression	8	3.8	3	18	95118	\N	\N	\N	2025-11-19 02:02:10.038+00
38	B	progression	9	4	4	19	95119	\N	\N	\N	2025-11-19 02:02:15.038+00
38	B	progression	10	3.7	0	20	95120	\N	\N	\N	2025-11-19 02:02:20.038+00
43	A	progression	1	4.5	3	3	76028	\N	\N	\N	2025-11-05 01:22:18.043+00
43	A	progression	2	4.3	4	4	76029	\N	\N	\N	2025-11-05 01:22:23.043+00
43	A	progression	3	4.5	0	5	76030	\N	\N	\N	2025-11-05 01:22:28.043+00
43	A	progression	4	4.2	1	6	76031	\N	\N	\N	2025-11-05 01:22:33.043+00
43	A	progression	5	4.4	2	7	76032	\N	\N	\N	2025-11-05 01:22:38.043+00
43	A	progression	6	4.5	3	8	76033	\N	\N	\N	2025-11-05 01:22:43.043+00
43	A	progression	7	4.3	4	9	76034	\N	\N	\N	2025-11-05 01:22:48.043+00
43	A	progression	8	4.5	0	10	76035	\N	\N	\N	2025-11-05 01:22:53.043+00
43	A	progression	9	4.2	1	11	76036	\N	\N	\N	2025-11-05 01:22:58.043+00
43	A	progression	10	4.4	2	12	76037	\N	\N	\N	2025-11-05 01:23:03.043+00
43	B	progression	1	4.5	3	3	76028	\N	\N	\N	2025-11-05 01:22:18.043+00
43	B	progression	2	4.3	4	4	76029	\N	\N	\N	2025-11-05 01:22:23.043+00
43	B	progression	3	4.5	0	5	76030	\N	\N	\N	2025-11-05 01:22:28.043+00
43	B	progression	4	4.2	1	6	76031	\N	\N	\N	2025-11-05 01:22:33.043+00
43	B	progression	5	4.4	2	7	76032	\N	\N	\N	2025-11-05 01:22:38.043+00
43	B	progression	6	4.5	3	8	76033	\N	\N	\N	2025-11-05 01:22:43.043+00
43	B	progression	7	4.3	4	9	76034	\N	\N	\N	2025-11-05 01:22:48.043+00
43	B	progression	8	4.5	0	10	76035	\N	\N	\N	2025-11-05 01:22:53.043+00
43	B	progression	9	4.2	1	11	76036	\N	\N	\N	2025-11-05 01:22:58.043+00
43	B	progression	10	4.4	2	12	76037	\N	\N	\N	2025-11-05 01:23:03.043+00
48	A	progression	1	3.9	0	20	56945	\N	\N	\N	2025-11-21 00:27:01.048+00
48	A	progression	2	4.1	1	21	56946	\N	\N	\N	2025-11-21 00:27:06.048+00
48	A	progression	3	3.8	2	22	56947	\N	\N	\N	2025-11-21 00:27:11.048+00
48	A	progression	4	4	3	23	56948	\N	\N	\N	2025-11-21 00:27:16.048+00
48	A	progression	5	4.2	4	24	56949	\N	\N	\N	2025-11-21 00:27:21.048+00
48	A	progression	6	3.9	0	0	56950	\N	\N	\N	2025-11-21 00:27:26.048+00
48	A	progression	7	4.1	1	1	56951	\N	\N	\N	2025-11-21 00:27:31.048+00
48	A	progression	8	3.8	2	2	56952	\N	\N	\N	2025-11-21 00:27:36.048+00
48	A	progression	9	4	3	3	56953	\N	\N	\N	2025-11-21 00:27:41.048+00
48	A	progression	10	4.2	4	4	56954	\N	\N	\N	2025-11-21 00:27:46.048+00
48	B	progression	1	3.9	0	20	56945	\N	\N	\N	2025-11-21 00:27:01.048+00
48	B	progression	2	4.1	1	21	56946	\N	\N	\N	2025-11-21 00:27:06.048+00
48	B	progression	3	3.8	2	22	56947	\N	\N	\N	2025-11-21 00:27:11.048+00
48	B	progression	4	4	3	23	56948	\N	\N	\N	2025-11-21 00:27:16.048+00
48	B	progression	5	4.2	4	24	56949	\N	\N	\N	2025-11-21 00:27:21.048+00
48	B	progression	6	3.9	0	0	56950	\N	\N	\N	2025-11-21 00:27:26.048+00
48	B	progression	7	4.1	1	1	56951	\N	\N	\N	2025-11-21 00:27:31.048+00
48	B	progression	8	3.8	2	2	56952	\N	\N	\N	2025-11-21 00:27:36.048+00
48	B	progression	9	4	3	3	56953	\N	\N	\N	2025-11-21 00:27:41.048+00
48	B	progression	10	4.2	4	4	56954	\N	\N	\N	2025-11-21 00:27:46.048+00
54	A	progression	1	4	2	2	42327	\N	\N	\N	2025-11-11 15:47:59.054+00
54	A	progression	2	3.7	3	3	42328	\N	\N	\N	2025-11-11 15:48:04.054+00
54	A	progression	3	3.9	4	4	42329	\N	\N	\N	2025-11-11 15:48:09.054+00
54	A	progression	4	4.1	0	5	42330	\N	\N	\N	2025-11-11 15:48:14.054+00
54	A	progression	5	3.8	1	6	42331	\N	\N	\N	2025-11-11 15:48:19.054+00
54	A	progression	6	4	2	7	42332	\N	\N	\N	2025-11-11 15:48:24.054+00
54	A	progression	7	3.7	3	8	42333	\N	\N	\N	2025-11-11 15:48:29.054+00
54	A	progression	8	3.9	4	9	42334	\N	\N	\N	2025-11-11 15:48:34.054+00
54	A	progression	9	4.1	0	10	42335	\N	\N	\N	2025-11-11 15:48:39.054+00
54	A	progression	10	3.8	1	11	42336	\N	\N	\N	2025-11-11 15:48:44.054+00
54	B	progression	1	4	2	2	42327	\N	\N	\N	2025-11-11 15:47:59.054+00
54	B	progression	2	3.7	3	3	42328	\N	\N	\N	2025-11-11 15:48:04.054+00
54	B	progression	3	3.9	4	4	42329	\N	\N	\N	2025-11-11 15:48:09.054+00
54	B	progression	4	4.1	0	5	42330	\N	\N	\N	2025-11-11 15:48:14.054+00
54	B	progression	5	3.8	1	6	42331	\N	\N	\N	2025-11-11 15:48:19.054+00
54	B	progression	6	4	2	7	42332	\N	\N	\N	2025-11-11 15:48:24.054+00
54	B	progression	7	3.7	3	8	42333	\N	\N	\N	2025-11-11 15:48:29.054+00
54	B	progression	8	3.9	4	9	42334	\N	\N	\N	2025-11-11 15:48:34.054+00
54	B	progression	9	4.1	0	10	42335	\N	\N	\N	2025-11-11 15:48:39.054+00
54	B	progression	10	3.8	1	11	42336	\N	\N	\N	2025-11-11 15:48:44.054+00
59	A	progression	1	4.2	4	19	23244	\N	\N	\N	2025-11-27 14:52:42.059+00
59	A	progression	2	4.4	0	20	23245	\N	\N	\N	2025-11-27 14:52:47.059+00
59	A	progression	3	4.5	1	21	23246	\N	\N	\N	2025-11-27 14:52:52.059+00
59	A	progression	4	4.3	2	22	23247	\N	\N	\N	2025-11-27 14:52:57.059+00
59	A	progression	5	4.5	3	23	23248	\N	\N	\N	2025-11-27 14:53:02.059+00
59	A	progression	6	4.2	4	24	23249	\N	\N	\N	2025-11-27 14:53:07.059+00
59	A	progression	7	4.4	0	0	23250	\N	\N	\N	2025-11-27 14:53:12.059+00
59	A	progression	8	4.5	1	1	23251	\N	\N	\N	2025-11-27 14:53:17.059+00
59	A	progression	9	4.3	2	2	23252	\N	\N	\N	2025-11-27 14:53:22.059+00
59	A	progression	10	4.5	3	3	23253	\N	\N	\N	2025-11-27 14:53:27.059+00
59	B	progression	1	4.2	4	19	23244	\N	\N	\N	2025-11-27 14:52:42.059+00
59	B	progression	2	4.4	0	20	23245	\N	\N	\N	2025-11-27 14:52:47.059+00
59	B	progression	3	4.5	1	21	23246	\N	\N	\N	2025-11-27 14:52:52.059+00
59	B	progression	4	4.3	2	22	23247	\N	\N	\N	2025-11-27 14:52:57.059+00
59	B	progression	5	4.5	3	23	23248	\N	\N	\N	2025-11-27 14:53:02.059+00
59	B	progression	6	4.2	4	24	23249	\N	\N	\N	2025-11-27 14:53:07.059+00
59	B	progression	7	4.4	0	0	23250	\N	\N	\N	2025-11-27 14:53:12.059+00
59	B	progression	8	4.5	1	1	23251	\N	\N	\N	2025-11-27 14:53:17.059+00
59	B	progression	9	4.3	2	2	23252	\N	\N	\N	2025-11-27 14:53:22.059+00
59	B	progression	10	4.5	3	3	23253	\N	\N	\N	2025-11-27 14:53:27.059+00
64	A	progression	1	4	1	11	156161	\N	\N	\N	2025-11-13 14:13:25.064+00
64	A	progression	2	4.2	2	12	156162	\N	\N	\N	2025-11-13 14:13:30.064+00
64	A	progression	3	3.9	3	13	156163	\N	\N	\N	2025-11-13 14:13:35.064+00
64	A	progression	4	4.1	4	14	156164	\N	\N	\N	2025-11-13 14:13:40.064+00
64	A	progression	5	3.8	0	15	156165	\N	\N	\N	2025-11-13 14:13:45.064+00
64	A	progression	6	4	1	16	156166	\N	\N	\N	2025-11-13 14:13:50.064+00
64	A	progression	7	4.2	2	17	156167	\N	\N	\N	2025-11-13 14:13:55.064+00
64	A	progression	8	3.9	3	18	156168	\N	\N	\N	2025-11-13 14:14:00.064+00
64	A	progression	9	4.1	4	19	156169	\N	\N	\N	2025-11-13 14:14:05.064+00
64	A	progression	10	3.8	0	20	156170	\N	\N	\N	2025-11-13 14:14:10.064+00
64	B	progression	1	4	1	11	156161	\N	\N	\N	2025-11-13 14:13:25.064+00
64	B	progression	2	4.2	2	12	156162	\N	\N	\N	2025-11-13 14:13:30.064+00
64	B	progression	3	3.9	3	13	156163	\N	\N	\N	2025-11-13 14:13:35.064+00
64	B	progression	4	4.1	4	14	156164	\N	\N	\N	2025-11-13 14:13:40.064+00
64	B	progression	5	3.8	0	15	156165	\N	\N	\N	2025-11-13 14:13:45.064+00
64	B	progression	6	4	1	16	156166	\N	\N	\N	2025-11-13 14:13:50.064+00
64	B	progression	7	4.2	2	17	156167	\N	\N	\N	2025-11-13 14:13:55.064+00
64	B	progression	8	3.9	3	18	156168	\N	\N	\N	2025-11-13 14:14:00.064+00
64	B	progression	9	4.1	4	19	156169	\N	\N	\N	2025-11-13 14:14:05.064+00
64	B	progression	10	3.8	0	20	156170	\N	\N	\N	2025-11-13 14:14:10.064+00
69	A	progression	1	3.8	3	3	137078	\N	\N	\N	2025-11-29 13:18:08.069+00
69	A	progression	2	3.5	4	4	137079	\N	\N	\N	2025-11-29 13:18:13.069+00
69	A	progression	3	3.7	0	5	137080	\N	\N	\N	2025-11-29 13:18:18.069+00
69	A	progression	4	3.4	1	6	137081	\N	\N	\N	2025-11-29 13:18:23.069+00
69	A	progression	5	3.6	2	7	137082	\N	\N	\N	2025-11-29 13:18:28.069+00
69	A	progression	6	3.8	3	8	137083	\N	\N	\N	2025-11-29 13:18:33.069+00
69	A	progression	7	3.5	4	9	137084	\N	\N	\N	2025-11-29 13:18:38.069+00
69	A	progression	8	3.7	0	10	137085	\N	\N	\N	2025-11-29 13:18:43.069+00
69	A	progression	9	3.4	1	11	137086	\N	\N	\N	2025-11-29 13:18:48.069+00
69	A	progression	10	3.6	2	12	137087	\N	\N	\N	2025-11-29 13:18:53.069+00
69	B	progression	1	3.8	3	3	137078	\N	\N	\N	2025-11-29 13:18:08.069+00
69	B	progression	2	3.5	4	4	137079	\N	\N	\N	2025-11-29 13:18:13.069+00
69	B	progression	3	3.7	0	5	137080	\N	\N	\N	2025-11-29 13:18:18.069+00
69	B	progression	4	3.4	1	6	137081	\N	\N	\N	2025-11-29 13:18:23.069+00
69	B	progression	5	3.6	2	7	137082	\N	\N	\N	2025-11-29 13:18:28.069+00
69	B	progression	6	3.8	3	8	137083	\N	\N	\N	2025-11-29 13:18:33.069+00
69	B	progression	7	3.5	4	9	137084	\N	\N	\N	2025-11-29 13:18:38.069+00
69	B	progression	8	3.7	0	10	137085	\N	\N	\N	2025-11-29 13:18:43.069+00
69	B	progression	9	3.4	1	11	137086	\N	\N	\N	2025-11-29 13:18:48.069+00
69	B	progression	10	3.6	2	12	137087	\N	\N	\N	2025-11-29 13:18:53.069+00
75	A	progression	1	4.3	0	10	122460	\N	\N	\N	2025-11-20 04:39:06.075+00
75	A	progression	2	4.5	1	11	122461	\N	\N	\N	2025-11-20 04:39:11.075+00
75	A	progression	3	4.2	2	12	122462	\N	\N	\N	2025-11-20 04:39:16.075+00
75	A	progression	4	4.4	3	13	122463	\N	\N	\N	2025-11-20 04:39:21.075+00
75	A	progression	5	4.5	4	14	122464	\N	\N	\N	2025-11-20 04:39:26.075+00
75	A	progression	6	4.3	0	15	122465	\N	\N	\N	2025-11-20 04:39:31.075+00
75	A	progression	7	4.5	1	16	122466	\N	\N	\N	2025-11-20 04:39:36.075+00
75	A	progression	8	4.2	2	17	122467	\N	\N	\N	2025-11-20 04:39:41.075+00
75	A	progression	9	4.4	3	18	122468	\N	\N	\N	2025-11-20 04:39:46.075+00
75	A	progression	10	4.5	4	19	122469	\N	\N	\N	2025-11-20 04:39:51.075+00
75	B	progression	1	4.3	0	10	122460	\N	\N	\N	2025-11-20 04:39:06.075+00
75	B	progression	2	4.5	1	11	122461	\N	\N	\N	2025-11-20 04:39:11.075+00
75	B	progression	3	4.2	2	12	122462	\N	\N	\N	2025-11-20 04:39:16.075+00
75	B	progression	4	4.4	3	13	122463	\N	\N	\N	2025-11-20 04:39:21.075+00
75	B	progression	5	4.5	4	14	122464	\N	\N	\N	2025-11-20 04:39:26.075+00
75	B	progression	6	4.3	0	15	122465	\N	\N	\N	2025-11-20 04:39:31.075+00
75	B	progression	7	4.5	1	16	122466	\N	\N	\N	2025-11-20 04:39:36.075+00
75	B	progression	8	4.2	2	17	122467	\N	\N	\N	2025-11-20 04:39:41.075+00
75	B	progression	9	4.4	3	18	122468	\N	\N	\N	2025-11-20 04:39:46.075+00
75	B	progression	10	4.5	4	19	122469	\N	\N	\N	2025-11-20 04:39:51.075+00
80	A	progression	1	2.1	2	2	103377	\N	\N	\N	2025-11-06 03:59:49.08+00
80	A	progression	2	1.8	3	3	103378	\N	\N	\N	2025-11-06 03:59:54.08+00
80	A	progression	3	2	4	4	103379	\N	\N	\N	2025-11-06 03:59:59.08+00
80	A	progression	4	2.2	0	5	103380	\N	\N	\N	2025-11-06 04:00:04.08+00
80	A	progression	5	1.9	1	6	103381	\N	\N	\N	2025-11-06 04:00:09.08+00
80	A	progression	6	2.1	2	7	103382	\N	\N	\N	2025-11-06 04:00:14.08+00
80	A	progression	7	1.8	3	8	103383	\N	\N	\N	2025-11-06 04:00:19.08+00
80	A	progression	8	2	4	9	103384	\N	\N	\N	2025-11-06 04:00:24.08+00
80	A	progression	9	2.2	0	10	103385	\N	\N	\N	2025-11-06 04:00:29.08+00
80	A	progression	10	1.9	1	11	103386	\N	\N	\N	2025-11-06 04:00:34.08+00
80	B	progression	1	2.1	2	2	103377	\N	\N	\N	2025-11-06 03:59:49.08+00
80	B	progression	2	1.8	3	3	103378	\N	\N	\N	2025-11-06 03:59:54.08+00
80	B	progression	3	2	4	4	103379	\N	\N	\N	2025-11-06 03:59:59.08+00
80	B	progression	4	2.2	0	5	103380	\N	\N	\N	2025-11-06 04:00:04.08+00
80	B	progression	5	1.9	1	6	103381	\N	\N	\N	2025-11-06 04:00:09.08+00
80	B	progression	6	2.1	2	7	103382	\N	\N	\N	2025-11-06 04:00:14.08+00
80	B	progression	7	1.8	3	8	103383	\N	\N	\N	2025-11-06 04:00:19.08+00
80	B	progression	8	2	4	9	103384	\N	\N	\N	2025-11-06 04:00:24.08+00
80	B	progression	9	2.2	0	10	103385	\N	\N	\N	2025-11-06 04:00:29.08+00
80	B	progression	10	1.9	1	11	103386	\N	\N	\N	2025-11-06 04:00:34.08+00
85	A	progression	1	3.4	4	19	84294	\N	\N	\N	2025-11-22 03:04:32.085+00
85	A	progression	2	3.6	0	20	84295	\N	\N	\N	2025-11-22 03:04:37.085+00
85	A	progression	3	3.8	1	21	84296	\N	\N	\N	2025-11-22 03:04:42.085+00
85	A	progression	4	3.5	2	22	84297	\N	\N	\N	2025-11-22 03:04:47.085+00
85	A	progression	5	3.7	3	23	84298	\N	\N	\N	2025-11-22 03:04:52.085+00
85	A	progression	6	3.4	4	24	84299	\N	\N	\N	2025-11-22 03:04:57.085+00
85	A	progression	7	3.6	0	0	84300	\N	\N	\N	2025-11-22 03:05:02.085+00
85	A	progression	8	3.8	1	1	84301	\N	\N	\N	2025-11-22 03:05:07.085+00
85	A	progression	9	3.5	2	2	84302	\N	\N	\N	2025-11-22 03:05:12.085+00
85	A	progression	10	3.7	3	3	84303	\N	\N	\N	2025-11-22 03:05:17.085+00
85	B	progression	1	3.4	4	19	84294	\N	\N	\N	2025-11-22 03:04:32.085+00
85	B	progression	2	3.6	0	20	84295	\N	\N	\N	2025-11-22 03:04:37.085+00
85	B	progression	3	3.8	1	21	84296	\N	\N	\N	2025-11-22 03:04:42.085+00
85	B	progression	4	3.5	2	22	84297	\N	\N	\N	2025-11-22 03:04:47.085+00
85	B	progression	5	3.7	3	23	84298	\N	\N	\N	2025-11-22 03:04:52.085+00
85	B	progression	6	3.4	4	24	84299	\N	\N	\N	2025-11-22 03:04:57.085+00
85	B	progression	7	3.6	0	0	84300	\N	\N	\N	2025-11-22 03:05:02.085+00
85	B	progression	8	3.8	1	1	84301	\N	\N	\N	2025-11-22 03:05:07.085+00
85	B	progression	9	3.5	2	2	84302	\N	\N	\N	2025-11-22 03:05:12.085+00
85	B	progression	10	3.7	3	3	84303	\N	\N	\N	2025-11-22 03:05:17.085+00
90	A	progression	1	3	1	11	65211	\N	\N	\N	2025-11-08 02:25:15.09+00
90	A	progression	2	3.2	2	12	65212	\N	\N	\N	2025-11-08 02:25:20.09+00
90	A	progression	3	2.9	3	13	65213	\N	\N	\N	2025-11-08 02:25:25.09+00
90	A	progression	4	3.1	4	14	65214	\N	\N	\N	2025-11-08 02:25:30.09+00
90	A	progression	5	2.8	0	15	65215	\N	\N	\N	2025-11-08 02:25:35.09+00
90	A	progression	6	3	1	16	65216	\N	\N	\N	2025-11-08 02:25:40.09+00
90	A	progression	7	3.2	2	17	65217	\N	\N	\N	2025-11-08 02:25:45.09+00
90	A	progression	8	2.9	3	18	65218	\N	\N	\N	2025-11-08 02:25:50.09+00
90	A	progression	9	3.1	4	19	65219	\N	\N	\N	2025-11-08 02:25:55.09+00
90	A	progression	10	2.8	0	20	65220	\N	\N	\N	2025-11-08 02:26:00.09+00
90	B	progression	1	3	1	11	65211	\N	\N	\N	2025-11-08 02:25:15.09+00
90	B	progression	2	3.2	2	12	65212	\N	\N	\N	2025-11-08 02:25:20.09+00
90	B	progression	3	2.9	3	13	65213	\N	\N	\N	2025-11-08 02:25:25.09+00
90	B	progression	4	3.1	4	14	65214	\N	\N	\N	2025-11-08 02:25:30.09+00
90	B	progression	5	2.8	0	15	65215	\N	\N	\N	2025-11-08 02:25:35.09+00
90	B	progression	6	3	1	16	65216	\N	\N	\N	2025-11-08 02:25:40.09+00
90	B	progression	7	3.2	2	17	65217	\N	\N	\N	2025-11-08 02:25:45.09+00
90	B	progression	8	2.9	3	18	65218	\N	\N	\N	2025-11-08 02:25:50.09+00
90	B	progression	9	3.1	4	19	65219	\N	\N	\N	2025-11-08 02:25:55.09+00
90	B	progression	10	2.8	0	20	65220	\N	\N	\N	2025-11-08 02:26:00.09+00
91	A	progression	1	4.4	1	1	69676	\N	\N	\N	2025-11-12 18:25:30.091+00
91	A	progression	2	4.5	2	2	69677	\N	\N	\N	2025-11-12 18:25:35.091+00
91	A	progression	3	4.3	3	3	69678	\N	\N	\N	2025-11-12 18:25:40.091+00
91	A	progression	4	4.5	4	4	69679	\N	\N	\N	2025-11-12 18:25:45.091+00
91	A	progression	5	4.2	0	5	69680	\N	\N	\N	2025-11-12 18:25:50.091+00
91	A	progression	6	4.4	1	6	69681	\N	\N	\N	2025-11-12 18:25:55.091+00
91	A	progression	7	4.5	2	7	69682	\N	\N	\N	2025-11-12 18:26:00.091+00
91	A	progression	8	4.3	3	8	69683	\N	\N	\N	2025-11-12 18:26:05.091+00
91	A	progression	9	4.5	4	9	69684	\N	\N	\N	2025-11-12 18:26:10.091+00
91	A	progression	10	4.2	0	10	69685	\N	\N	\N	2025-11-12 18:26:15.091+00
91	B	progression	1	4.4	1	1	69676	\N	\N	\N	2025-11-12 18:25:30.091+00
91	B	progression	2	4.5	2	2	69677	\N	\N	\N	2025-11-12 18:25:35.091+00
91	B	progression	3	4.3	3	3	69678	\N	\N	\N	2025-11-12 18:25:40.091+00
91	B	progression	4	4.5	4	4	69679	\N	\N	\N	2025-11-12 18:25:45.091+00
91	B	progression	5	4.2	0	5	69680	\N	\N	\N	2025-11-12 18:25:50.091+00
91	B	progression	6	4.4	1	6	69681	\N	\N	\N	2025-11-12 18:25:55.091+00
91	B	progression	7	4.5	2	7	69682	\N	\N	\N	2025-11-12 18:26:00.091+00
91	B	progression	8	4.3	3	8	69683	\N	\N	\N	2025-11-12 18:26:05.091+00
91	B	progression	9	4.5	4	9	69684	\N	\N	\N	2025-11-12 18:26:10.091+00
91	B	progression	10	4.2	0	10	69685	\N	\N	\N	2025-11-12 18:26:15.091+00
96	A	progression	1	4.2	3	18	50593	\N	\N	\N	2025-11-28 17:30:13.096+00
96	A	progression	2	3.9	4	19	50594	\N	\N	\N	2025-11-28 17:30:18.096+00
96	A	progression	3	4.1	0	20	50595	\N	\N	\N	2025-11-28 17:30:23.096+00
96	A	progression	4	3.8	1	21	50596	\N	\N	\N	2025-11-28 17:30:28.096+00
96	A	progression	5	4	2	22	50597	\N	\N	\N	2025-11-28 17:30:33.096+00
96	A	progression	6	4.2	3	23	50598	\N	\N	\N	2025-11-28 17:30:38.096+00
96	A	progression	7	3.9	4	24	50599	\N	\N	\N	2025-11-28 17:30:43.096+00
96	A	progression	8	4.1	0	0	50600	\N	\N	\N	2025-11-28 17:30:48.096+00
96	A	progression	9	3.8	1	1	50601	\N	\N	\N	2025-11-28 17:30:53.096+00
96	A	progression	10	4	2	2	50602	\N	\N	\N	2025-11-28 17:30:58.096+00
96	B	progression	1	4.2	3	18	50593	\N	\N	\N	2025-11-28 17:30:13.096+00
96	B	progression	2	3.9	4	19	50594	\N	\N	\N	2025-11-28 17:30:18.096+00
96	B	progression	3	4.1	0	20	50595	\N	\N	\N	2025-11-28 17:30:23.096+00
96	B	progression	4	3.8	1	21	50596	\N	\N	\N	2025-11-28 17:30:28.096+00
96	B	progression	5	4	2	22	50597	\N	\N	\N	2025-11-28 17:30:33.096+00
96	B	progression	6	4.2	3	23	50598	\N	\N	\N	2025-11-28 17:30:38.096+00
96	B	progression	7	3.9	4	24	50599	\N	\N	\N	2025-11-28 17:30:43.096+00
96	B	progression	8	4.1	0	0	50600	\N	\N	\N	2025-11-28 17:30:48.096+00
96	B	progression	9	3.8	1	1	50601	\N	\N	\N	2025-11-28 17:30:53.096+00
96	B	progression	10	4	2	2	50602	\N	\N	\N	2025-11-28 17:30:58.096+00
101	A	progression	1	3.5	0	10	31510	\N	\N	\N	2025-11-14 16:50:56.101+00
101	A	progression	2	3.7	1	11	31511	\N	\N	\N	2025-11-14 16:51:01.101+00
101	A	progression	3	3.4	2	12	31512	\N	\N	\N	2025-11-14 16:51:06.101+00
101	A	progression	4	3.6	3	13	31513	\N	\N	\N	2025-11-14 16:51:11.101+00
101	A	progression	5	3.8	4	14	31514	\N	\N	\N	2025-11-14 16:51:16.101+00
101	A	progression	6	3.5	0	15	31515	\N	\N	\N	2025-11-14 16:51:21.101+00
101	A	progression	7	3.7	1	16	31516	\N	\N	\N	2025-11-14 16:51:26.101+00
101	A	progression	8	3.4	2	17	31517	\N	\N	\N	2025-11-14 16:51:31.101+00
101	A	progression	9	3.6	3	18	31518	\N	\N	\N	2025-11-14 16:51:36.101+00
101	A	progression	10	3.8	4	19	31519	\N	\N	\N	2025-11-14 16:51:41.101+00
101	B	progression	1	3.5	0	10	31510	\N	\N	\N	2025-11-14 16:50:56.101+00
101	B	progression	2	3.7	1	11	31511	\N	\N	\N	2025-11-14 16:51:01.101+00
101	B	progression	3	3.4	2	12	31512	\N	\N	\N	2025-11-14 16:51:06.101+00
101	B	progression	4	3.6	3	13	31513	\N	\N	\N	2025-11-14 16:51:11.101+00
101	B	progression	5	3.8	4	14	31514	\N	\N	\N	2025-11-14 16:51:16.101+00
101	B	progression	6	3.5	0	15	31515	\N	\N	\N	2025-11-14 16:51:21.101+00
101	B	progression	7	3.7	1	16	31516	\N	\N	\N	2025-11-14 16:51:26.101+00
101	B	progression	8	3.4	2	17	31517	\N	\N	\N	2025-11-14 16:51:31.101+00
101	B	progression	9	3.6	3	18	31518	\N	\N	\N	2025-11-14 16:51:36.101+00
101	B	progression	10	3.8	4	19	31519	\N	\N	\N	2025-11-14 16:51:41.101+00
106	A	progression	1	4.2	2	2	12427	\N	\N	\N	2025-11-30 15:55:39.106+00
106	A	progression	2	3.9	3	3	12428	\N	\N	\N	2025-11-30 15:55:44.106+00
106	A	progression	3	4.1	4	4	12429	\N	\N	\N	2025-11-30 15:55:49.106+00
106	A	progression	4	4.3	0	5	12430	\N	\N	\N	2025-11-30 15:55:54.106+00
106	A	progression	5	4	1	6	12431	\N	\N	\N	2025-11-30 15:55:59.106+00
106	A	progression	6	4.2	2	7	12432	\N	\N	\N	2025-11-30 15:56:04.106+00
106	A	progression	7	3.9	3	8	12433	\N	\N	\N	2025-11-30 15:56:09.106+00
106	A	progression	8	4.1	4	9	12434	\N	\N	\N	2025-11-30 15:56:14.106+00
106	A	progression	9	4.3	0	10	12435	\N	\N	\N	2025-11-30 15:56:19.106+00
106	A	progression	10	4	1	11	12436	\N	\N	\N	2025-11-30 15:56:24.106+00
106	B	progression	1	4.2	2	2	12427	\N	\N	\N	2025-11-30 15:55:39.106+00
106	B	progression	2	3.9	3	3	12428	\N	\N	\N	2025-11-30 15:55:44.106+00
106	B	progression	3	4.1	4	4	12429	\N	\N	\N	2025-11-30 15:55:49.106+00
106	B	progression	4	4.3	0	5	12430	\N	\N	\N	2025-11-30 15:55:54.106+00
106	B	progression	5	4	1	6	12431	\N	\N	\N	2025-11-30 15:55:59.106+00
106	B	progression	6	4.2	2	7	12432	\N	\N	\N	2025-11-30 15:56:04.106+00
106	B	progression	7	3.9	3	8	12433	\N	\N	\N	2025-11-30 15:56:09.106+00
106	B	progression	8	4.1	4	9	12434	\N	\N	\N	2025-11-30 15:56:14.106+00
106	B	progression	9	4.3	0	10	12435	\N	\N	\N	2025-11-30 15:56:19.106+00
106	B	progression	10	4	1	11	12436	\N	\N	\N	2025-11-30 15:56:24.106+00
112	A	progression	1	3.8	4	9	149809	\N	\N	\N	2025-11-21 07:16:37.112+00
112	A	progression	2	4	0	10	149810	\N	\N	\N	2025-11-21 07:16:42.112+00
112	A	progression	3	4.2	1	11	149811	\N	\N	\N	2025-11-21 07:16:47.112+00
112	A	progression	4	3.9	2	12	149812	\N	\N	\N	2025-11-21 07:16:52.112+00
112	A	progression	5	4.1	3	13	149813	\N	\N	\N	2025-11-21 07:16:57.112+00
112	A	progression	6	3.8	4	14	149814	\N	\N	\N	2025-11-21 07:17:02.112+00
112	A	progression	7	4	0	15	149815	\N	\N	\N	2025-11-21 07:17:07.112+00
112	A	progression	8	4.2	1	16	149816	\N	\N	\N	2025-11-21 07:17:12.112+00
112	A	progression	9	3.9	2	17	149817	\N	\N	\N	2025-11-21 07:17:17.112+00
112	A	progression	10	4.1	3	18	149818	\N	\N	\N	2025-11-21 07:17:22.112+00
112	B	progression	1	3.8	4	9	149809	\N	\N	\N	2025-11-21 07:16:37.112+00
112	B	progression	2	4	0	10	149810	\N	\N	\N	2025-11-21 07:16:42.112+00
112	B	progression	3	4.2	1	11	149811	\N	\N	\N	2025-11-21 07:16:47.112+00
112	B	progression	4	3.9	2	12	149812	\N	\N	\N	2025-11-21 07:16:52.112+00
112	B	progression	5	4.1	3	13	149813	\N	\N	\N	2025-11-21 07:16:57.112+00
112	B	progression	6	3.8	4	14	149814	\N	\N	\N	2025-11-21 07:17:02.112+00
112	B	progression	7	4	0	15	149815	\N	\N	\N	2025-11-21 07:17:07.112+00
112	B	progression	8	4.2	1	16	149816	\N	\N	\N	2025-11-21 07:17:12.112+00
112	B	progression	9	3.9	2	17	149817	\N	\N	\N	2025-11-21 07:17:17.112+00
112	B	progression	10	4.1	3	18	149818	\N	\N	\N	2025-11-21 07:17:22.112+00
117	A	progression	1	3.6	1	1	130726	\N	\N	\N	2025-11-07 06:37:20.117+00
117	A	progression	2	3.8	2	2	130727	\N	\N	\N	2025-11-07 06:37:25.117+00
117	A	progression	3	3.5	3	3	130728	\N	\N	\N	2025-11-07 06:37:30.117+00
117	A	progression	4	3.7	4	4	130729	\N	\N	\N	2025-11-07 06:37:35.117+00
117	A	progression	5	3.4	0	5	130730	\N	\N	\N	2025-11-07 06:37:40.117+00
117	A	progression	6	3.6	1	6	130731	\N	\N	\N	2025-11-07 06:37:45.117+00
117	A	progression	7	3.8	2	7	130732	\N	\N	\N	2025-11-07 06:37:50.117+00
117	A	progression	8	3.5	3	8	130733	\N	\N	\N	2025-11-07 06:37:55.117+00
117	A	progression	9	3.7	4	9	130734	\N	\N	\N	2025-11-07 06:38:00.117+00
117	A	progression	10	3.4	0	10	130735	\N	\N	\N	2025-11-07 06:38:05.117+00
117	B	progression	1	3.6	1	1	130726	\N	\N	\N	2025-11-07 06:37:20.117+00
117	B	progression	2	3.8	2	2	130727	\N	\N	\N	2025-11-07 06:37:25.117+00
117	B	progression	3	3.5	3	3	130728	\N	\N	\N	2025-11-07 06:37:30.117+00
117	B	progression	4	3.7	4	4	130729	\N	\N	\N	2025-11-07 06:37:35.117+00
117	B	progression	5	3.4	0	5	130730	\N	\N	\N	2025-11-07 06:37:40.117+00
117	B	progression	6	3.6	1	6	130731	\N	\N	\N	2025-11-07 06:37:45.117+00
117	B	progression	7	3.8	2	7	130732	\N	\N	\N	2025-11-07 06:37:50.117+00
117	B	progression	8	3.5	3	8	130733	\N	\N	\N	2025-11-07 06:37:55.117+00
117	B	progression	9	3.7	4	9	130734	\N	\N	\N	2025-11-07 06:38:00.117+00
117	B	progression	10	3.4	0	10	130735	\N	\N	\N	2025-11-07 06:38:05.117+00
\.

COPY public.moscdr_schema_version (version, applied_at) FROM stdin;
1	2026-12-02 13:44:35.623079+00
2	2026-12-02 13:44:35.623079+00
3	2026-12-02 13:44:35.623079+00
4	2026-12-02 13:44:35.623079+00
5	2026-12-02 13:44:35.623079+00
7	2026-12-02 13:44:35.623079+00
8	2026-12-02 13:44:35.623079+00
11	2026-12-02 13:44:35.623079+00
6	2026-12-02 13:44:35.987698+00
\.

COPY public.moscdr_views (id, hash, applied_at) FROM stdin;
1	79c273e71d7146f7	2026-12-02 13:44:35.987698+00
\.

COPY public.moscdr_writer (writer, batch, updated_at) FROM stdin;
\.

COPY public.rollup_hour (hour, node, side, calls, calls_with_mos, mos_calls, mos_sum, band_very_satisfied, band_satisfied, band_some_dissatisfied, band_many_dissatisfied, band_nearly_all_dissatisfied, band_not_recommended, loss_calls, loss_sum, jitter_calls, jitter_sum, no_mos_no_media, no_mos_no_rtcp, no_mos_too_short, no_mos_no_reply, no_mos_unknown, no_mos_peer_no_rtcp, talk_calls, talk_s, ringing_calls, ringing_s, a_worse, b_worse) FROM stdin;
2025-11-02 07:00:00+00	kam1	A	1	1	1	3.200000047683716	0	0	0	1	0	0	1	0	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-02 07:00:00+00	kam1	B	1	1	1	3.200000047683716	0	0	0	1	0	0	1	0	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-02 07:00:00+00	kam1	call	1	1	1	3.200000047683716	0	0	0	1	0	0	1	0	1	5	0	0	0	0	0	0	1	475	1	3	0	0
2025-11-02 07:00:00+00	kam3	A	1	1	1	4	0	0	1	0	0	0	1	0	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-02 07:00:00+00	kam3	B	1	1	1	4	0	0	1	0	0	0	1	0	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-02 07:00:00+00	kam3	call	1	1	1	4	0	0	1	0	0	0	1	0	1	4	0	0	0	0	0	0	1	809	1	3	0	0
2025-11-02 14:00:00+00	kam1	A	1	1	1	2.799999952316284	0	0	0	0	1	0	1	0	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-02 14:00:00+00	kam1	B	1	1	1	2.799999952316284	0	0	0	0	1	0	1	0	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-02 14:00:00+00	kam1	call	1	1	1	2.799999952316284	0	0	0	0	1	0	1	0	1	10	0	0	0	0	0	0	1	53	1	3	0	0
2025-11-02 14:00:00+00	kam3	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-02 14:00:00+00	kam3	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-02 14:00:00+00	kam3	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	387	1	3	0	0
2025-11-03 02:00:00+00	kam1	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 02:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 02:00:00+00	kam1	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	1	0	0	0	0	0	0	1	530	1	3	1	0
2025-11-03 03:00:00+00	kam3	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 03:00:00+00	kam3	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 03:00:00+00	kam3	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	0	0	0	0	0	0	0	1	864	1	3	1	0
2025-11-03 10:00:00+00	kam1	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 10:00:00+00	kam1	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 10:00:00+00	kam1	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	6	0	0	0	0	0	0	1	108	1	3	1	0
2025-11-03 22:00:00+00	kam1	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 22:00:00+00	kam1	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 22:00:00+00	kam1	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	18	0	0	0	0	0	0	1	585	1	3	1	0
2025-11-03 22:00:00+00	kam2	A	1	1	1	3	0	0	0	0	1	0	1	2	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 22:00:00+00	kam2	B	1	1	1	3.200000047683716	0	0	0	1	0	0	1	2	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-03 22:00:00+00	kam2	call	1	1	1	3	0	0	0	0	1	0	1	2	1	19	0	0	0	0	0	0	1	251	1	3	1	0
2025-11-04 05:00:00+00	kam1	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-04 05:00:00+00	kam1	B	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-04 05:00:00+00	kam1	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	2	0	0	0	0	0	0	1	163	1	3	1	0
2025-11-04 05:00:00+00	kam2	A	1	1	1	2.5999999046325684	0	0	0	0	1	0	1	2	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-04 05:00:00+00	kam2	B	1	1	1	2.799999952316284	0	0	0	0	1	0	1	2	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-04 05:00:00+00	kam2	call	1	1	1	2.5999999046325684	0	0	0	0	1	0	1	2	1	3	0	0	0	0	0	0	1	724	1	3	1	0
2025-11-05 01:00:00+00	kam2	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 01:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 01:00:00+00	kam2	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	20	0	0	0	0	0	0	1	779	1	3	0	0
2025-11-05 01:00:00+00	kam3	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 01:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 01:00:00+00	kam3	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	0	0	0	0	0	0	0	1	445	1	3	1	0
2025-11-05 08:00:00+00	kam2	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 08:00:00+00	kam2	B	1	1	1	4	0	0	1	0	0	0	1	3	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 08:00:00+00	kam2	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	4	0	0	0	0	0	0	1	357	1	3	1	0
2025-11-05 08:00:00+00	kam3	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 08:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 08:00:00+00	kam3	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	5	0	0	0	0	0	0	1	23	1	3	0	0
2025-11-05 20:00:00+00	kam3	A	1	1	1	2.4000000953674316	0	0	0	0	0	1	1	0	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 20:00:00+00	kam3	B	1	1	1	2.4000000953674316	0	0	0	0	0	1	1	0	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-05 20:00:00+00	kam3	call	1	1	1	2.4000000953674316	0	0	0	0	0	1	1	0	1	17	0	0	0	0	0	0	1	500	1	3	0	0
2025-11-05 21:00:00+00	kam2	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-05 21:00:00+00	kam2	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-05 21:00:00+00	kam2	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	834	1	3	0	0
2025-11-06 03:00:00+00	kam3	A	1	1	1	2	0	0	0	0	0	1	1	0	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-06 03:00:00+00	kam3	B	1	1	1	2	0	0	0	0	0	1	1	0	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-06 03:00:00+00	kam3	call	1	1	1	2	0	0	0	0	0	1	1	0	1	1	0	0	0	0	0	0	1	78	1	3	0	0
2025-11-06 04:00:00+00	kam2	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-06 04:00:00+00	kam2	B	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-06 04:00:00+00	kam2	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	0	0	0	0	0	0	0	1	412	1	3	0	0
2025-11-06 23:00:00+00	kam1	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-06 23:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-06 23:00:00+00	kam1	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	19	0	0	0	0	0	0	1	694	1	3	1	0
2025-11-06 23:00:00+00	kam3	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-06 23:00:00+00	kam3	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-06 23:00:00+00	kam3	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	133	1	3	0	0
2025-11-07 06:00:00+00	kam1	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 06:00:00+00	kam1	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 06:00:00+00	kam1	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	3	0	0	0	0	0	0	1	272	1	3	1	0
2025-11-07 06:00:00+00	kam3	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	1	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 06:00:00+00	kam3	B	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	1	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 06:00:00+00	kam3	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	1	1	2	0	0	0	0	0	0	1	606	1	3	1	0
2025-11-07 18:00:00+00	kam2	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 18:00:00+00	kam2	B	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 18:00:00+00	kam2	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	16	0	0	0	0	0	0	1	415	1	3	1	0
2025-11-07 19:00:00+00	kam1	A	1	1	1	3.4000000953674316	0	0	0	1	0	0	1	2	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 19:00:00+00	kam1	B	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	2	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-07 19:00:00+00	kam1	call	1	1	1	3.4000000953674316	0	0	0	1	0	0	1	2	1	15	0	0	0	0	0	0	1	749	1	3	1	0
2025-11-08 02:00:00+00	kam1	A	1	1	1	3	0	0	0	0	1	0	1	2	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 02:00:00+00	kam1	B	1	1	1	3.200000047683716	0	0	0	1	0	0	1	2	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 02:00:00+00	kam1	call	1	1	1	3	0	0	0	0	1	0	1	2	1	20	0	0	0	0	0	0	1	327	1	3	1	0
2025-11-08 02:00:00+00	kam2	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 02:00:00+00	kam2	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 02:00:00+00	kam2	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	0	0	0	0	0	0	0	1	888	1	3	1	0
2025-11-08 14:00:00+00	kam2	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 14:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 14:00:00+00	kam2	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	12	0	0	0	0	0	0	1	470	1	3	1	0
2025-11-08 15:00:00+00	kam1	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 15:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 15:00:00+00	kam1	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	1	804	1	3	0	0
2025-11-08 21:00:00+00	kam2	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 21:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 21:00:00+00	kam2	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	17	0	0	0	0	0	0	1	48	1	3	0	0
2025-11-08 22:00:00+00	kam1	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 22:00:00+00	kam1	B	1	1	1	4	0	0	1	0	0	0	1	3	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-08 22:00:00+00	kam1	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	16	0	0	0	0	0	0	1	382	1	3	1	0
2025-11-09 17:00:00+00	kam2	A	1	1	1	2.799999952316284	0	0	0	0	1	0	1	0	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-09 17:00:00+00	kam2	B	1	1	1	2.799999952316284	0	0	0	0	1	0	1	0	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-09 17:00:00+00	kam2	call	1	1	1	2.799999952316284	0	0	0	0	1	0	1	0	1	13	0	0	0	0	0	0	1	103	1	3	0	0
2025-11-09 17:00:00+00	kam3	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-09 17:00:00+00	kam3	B	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-09 17:00:00+00	kam3	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	14	0	0	0	0	0	0	1	664	1	3	0	0
2025-11-10 00:00:00+00	kam2	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-10 00:00:00+00	kam2	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-10 00:00:00+00	kam2	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	576	1	3	0	0
2025-11-10 00:00:00+00	kam3	A	1	1	1	4	0	0	1	0	0	0	1	0	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 00:00:00+00	kam3	B	1	1	1	4	0	0	1	0	0	0	1	0	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 00:00:00+00	kam3	call	1	1	1	4	0	0	1	0	0	0	1	0	1	19	0	0	0	0	0	0	1	242	1	3	0	0
2025-11-10 13:00:00+00	kam3	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 13:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 13:00:00+00	kam3	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	10	0	0	0	0	0	0	1	719	1	3	1	0
2025-11-10 19:00:00+00	kam1	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 19:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 19:00:00+00	kam1	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	16	0	0	0	0	0	0	1	858	1	3	1	0
2025-11-10 20:00:00+00	kam3	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 20:00:00+00	kam3	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-10 20:00:00+00	kam3	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	15	0	0	0	0	0	0	1	297	1	3	1	0
2025-11-11 15:00:00+00	kam1	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 15:00:00+00	kam1	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 15:00:00+00	kam1	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	12	0	0	0	0	0	0	1	18	1	3	1	0
2025-11-11 16:00:00+00	kam3	A	1	1	1	2.200000047683716	0	0	0	0	0	1	1	2	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 16:00:00+00	kam3	B	1	1	1	2.4000000953674316	0	0	0	0	0	1	1	2	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 16:00:00+00	kam3	call	1	1	1	2.200000047683716	0	0	0	0	0	1	1	2	1	11	0	0	0	0	0	0	1	352	1	3	1	0
2025-11-11 22:00:00+00	kam1	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 22:00:00+00	kam1	B	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 22:00:00+00	kam1	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	17	0	0	0	0	0	0	1	491	1	3	1	0
2025-11-11 23:00:00+00	kam3	A	1	1	1	3.4000000953674316	0	0	0	1	0	0	1	2	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 23:00:00+00	kam3	B	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	2	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-11 23:00:00+00	kam3	call	1	1	1	3.4000000953674316	0	0	0	1	0	0	1	2	1	16	0	0	0	0	0	0	1	825	1	3	1	0
2025-11-12 11:00:00+00	kam1	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	8	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 11:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	8	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 11:00:00+00	kam1	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	8	0	0	0	0	0	0	1	73	1	3	0	0
2025-11-12 11:00:00+00	kam2	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 11:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 11:00:00+00	kam2	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	9	0	0	0	0	0	0	1	634	1	3	1	0
2025-11-12 18:00:00+00	kam1	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 18:00:00+00	kam1	B	1	1	1	4	0	0	1	0	0	0	1	3	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 18:00:00+00	kam1	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	13	0	0	0	0	0	0	1	546	1	3	1	0
2025-11-12 18:00:00+00	kam2	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 18:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-12 18:00:00+00	kam2	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	14	0	0	0	0	0	0	1	212	1	3	0	0
2025-11-13 07:00:00+00	kam2	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-13 07:00:00+00	kam2	B	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-13 07:00:00+00	kam2	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	5	0	0	0	0	0	0	1	689	1	3	0	0
2025-11-13 13:00:00+00	kam3	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-13 13:00:00+00	kam3	B	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-13 13:00:00+00	kam3	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	11	0	0	0	0	0	0	1	828	1	3	0	0
2025-11-13 14:00:00+00	kam2	A	1	1	1	4	0	0	1	0	0	0	1	0	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-13 14:00:00+00	kam2	B	1	1	1	4	0	0	1	0	0	0	1	0	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-13 14:00:00+00	kam2	call	1	1	1	4	0	0	1	0	0	0	1	0	1	10	0	0	0	0	0	0	1	267	1	3	0	0
2025-11-14 09:00:00+00	kam3	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	7	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-14 09:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	7	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-14 09:00:00+00	kam3	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	7	0	0	0	0	0	0	1	883	1	3	1	0
2025-11-14 10:00:00+00	kam2	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-14 10:00:00+00	kam2	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-14 10:00:00+00	kam2	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-14 16:00:00+00	kam3	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-14 16:00:00+00	kam3	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-14 16:00:00+00	kam3	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	12	0	0	0	0	0	0	1	461	1	3	1	0
2025-11-14 17:00:00+00	kam2	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	1	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-14 17:00:00+00	kam2	B	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	1	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-14 17:00:00+00	kam2	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	1	1	11	0	0	0	0	0	0	1	795	1	3	1	0
2025-11-15 05:00:00+00	kam1	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-15 05:00:00+00	kam1	B	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-15 05:00:00+00	kam1	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	4	0	0	0	0	0	0	1	604	1	3	1	0
2025-11-15 05:00:00+00	kam3	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-15 05:00:00+00	kam3	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-15 05:00:00+00	kam3	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	3	0	0	0	0	0	0	1	43	1	3	1	0
2025-11-15 12:00:00+00	kam1	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-15 12:00:00+00	kam1	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-15 12:00:00+00	kam1	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	9	0	0	0	0	0	0	1	182	1	3	1	0
2025-11-15 12:00:00+00	kam3	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-15 12:00:00+00	kam3	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-15 12:00:00+00	kam3	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-16 08:00:00+00	kam1	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-16 08:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-16 08:00:00+00	kam1	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	5	0	0	0	0	0	0	1	237	1	3	0	0
2025-11-16 14:00:00+00	kam2	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-16 14:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-16 14:00:00+00	kam2	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	1	376	1	3	0	0
2025-11-16 15:00:00+00	kam1	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-16 15:00:00+00	kam1	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-16 15:00:00+00	kam1	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-17 03:00:00+00	kam1	A	1	1	1	4	0	0	1	0	0	0	1	0	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 03:00:00+00	kam1	B	1	1	1	4	0	0	1	0	0	0	1	0	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 03:00:00+00	kam1	call	1	1	1	4	0	0	1	0	0	0	1	0	1	1	0	0	0	0	0	0	1	292	1	3	0	0
2025-11-17 03:00:00+00	kam2	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 03:00:00+00	kam2	B	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 03:00:00+00	kam2	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	2	0	0	0	0	0	0	1	853	1	3	0	0
2025-11-17 10:00:00+00	kam2	A	1	1	1	4	0	0	1	0	0	0	1	0	1	7	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 10:00:00+00	kam2	B	1	1	1	4	0	0	1	0	0	0	1	0	1	7	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 10:00:00+00	kam2	call	1	1	1	4	0	0	1	0	0	0	1	0	1	7	0	0	0	0	0	0	1	431	1	3	0	0
2025-11-17 11:00:00+00	kam1	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 11:00:00+00	kam1	B	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 11:00:00+00	kam1	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	6	0	0	0	0	0	0	1	765	1	3	0	0
2025-11-17 23:00:00+00	kam2	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 23:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 23:00:00+00	kam2	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	19	0	0	0	0	0	0	1	13	1	3	1	0
2025-11-17 23:00:00+00	kam3	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	1	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 23:00:00+00	kam3	B	1	1	1	4.199999809265137	0	1	0	0	0	0	1	1	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-17 23:00:00+00	kam3	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	1	1	20	0	0	0	0	0	0	1	574	1	3	1	0
2025-11-18 06:00:00+00	kam2	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-18 06:00:00+00	kam2	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-18 06:00:00+00	kam2	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	3	0	0	0	0	0	0	1	486	1	3	1	0
2025-11-18 06:00:00+00	kam3	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-18 06:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-18 06:00:00+00	kam3	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	4	0	0	0	0	0	0	1	152	1	3	1	0
2025-11-19 02:00:00+00	kam3	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 02:00:00+00	kam3	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 02:00:00+00	kam3	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	0	0	0	0	0	0	0	1	207	1	3	1	0
2025-11-19 08:00:00+00	kam1	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 08:00:00+00	kam1	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 08:00:00+00	kam1	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	6	0	0	0	0	0	0	1	346	1	3	1	0
2025-11-19 09:00:00+00	kam3	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 09:00:00+00	kam3	B	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 09:00:00+00	kam3	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	5	0	0	0	0	0	0	1	680	1	3	1	0
2025-11-19 21:00:00+00	kam1	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 21:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-19 21:00:00+00	kam1	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	18	0	0	0	0	0	0	1	823	1	3	1	0
2025-11-19 21:00:00+00	kam3	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-19 21:00:00+00	kam3	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-19 21:00:00+00	kam3	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	262	1	3	0	0
2025-11-20 04:00:00+00	kam1	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-20 04:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-20 04:00:00+00	kam1	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	2	0	0	0	0	0	0	1	401	1	3	0	0
2025-11-20 04:00:00+00	kam3	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-20 04:00:00+00	kam3	B	1	1	1	4	0	0	1	0	0	0	1	3	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-20 04:00:00+00	kam3	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	1	0	0	0	0	0	0	1	735	1	3	1	0
2025-11-21 00:00:00+00	kam1	A	1	1	1	4	0	0	1	0	0	0	1	0	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 00:00:00+00	kam1	B	1	1	1	4	0	0	1	0	0	0	1	0	1	19	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 00:00:00+00	kam1	call	1	1	1	4	0	0	1	0	0	0	1	0	1	19	0	0	0	0	0	0	1	456	1	3	0	0
2025-11-21 00:00:00+00	kam2	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 00:00:00+00	kam2	B	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 00:00:00+00	kam2	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	20	0	0	0	0	0	0	1	122	1	3	0	0
2025-11-21 07:00:00+00	kam1	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 07:00:00+00	kam1	B	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 07:00:00+00	kam1	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	3	0	0	0	0	0	0	1	34	1	3	0	0
2025-11-21 07:00:00+00	kam2	A	1	1	1	4	0	0	1	0	0	0	1	0	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 07:00:00+00	kam2	B	1	1	1	4	0	0	1	0	0	0	1	0	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 07:00:00+00	kam2	call	1	1	1	4	0	0	1	0	0	0	1	0	1	4	0	0	0	0	0	0	1	595	1	3	0	0
2025-11-21 19:00:00+00	kam2	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 19:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 19:00:00+00	kam2	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	16	0	0	0	0	0	0	1	177	1	3	1	0
2025-11-21 20:00:00+00	kam1	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 20:00:00+00	kam1	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-21 20:00:00+00	kam1	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	15	0	0	0	0	0	0	1	511	1	3	1	0
2025-11-22 02:00:00+00	kam3	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 02:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 02:00:00+00	kam3	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	1	0	0	0	0	0	0	1	316	1	3	1	0
2025-11-22 03:00:00+00	kam2	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 03:00:00+00	kam2	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	0	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 03:00:00+00	kam2	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	0	0	0	0	0	0	0	1	650	1	3	1	0
2025-11-22 15:00:00+00	kam3	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 15:00:00+00	kam3	B	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 15:00:00+00	kam3	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	13	0	0	0	0	0	0	1	793	1	3	1	0
2025-11-22 22:00:00+00	kam2	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-22 22:00:00+00	kam2	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-22 22:00:00+00	kam2	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	705	1	3	0	0
2025-11-22 22:00:00+00	kam3	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 22:00:00+00	kam3	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-22 22:00:00+00	kam3	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	18	0	0	0	0	0	0	1	371	1	3	1	0
2025-11-23 06:00:00+00	kam2	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-23 06:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	2	1	1	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-23 06:00:00+00	kam2	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	1	0	0	0	0	0	0	1	283	1	3	1	0
2025-11-23 18:00:00+00	kam1	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-23 18:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-23 18:00:00+00	kam1	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	15	0	0	0	0	0	0	1	92	1	3	1	0
2025-11-23 18:00:00+00	kam3	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-23 18:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-23 18:00:00+00	kam3	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	14	0	0	0	0	0	0	1	426	1	3	0	0
2025-11-24 01:00:00+00	kam1	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 01:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	20	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 01:00:00+00	kam1	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	20	0	0	0	0	0	0	1	565	1	3	0	0
2025-11-24 01:00:00+00	kam3	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-24 01:00:00+00	kam3	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-24 01:00:00+00	kam3	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	4	1	3	0	0
2025-11-24 13:00:00+00	kam1	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 13:00:00+00	kam1	B	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 13:00:00+00	kam1	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	11	0	0	0	0	0	0	1	147	1	3	0	0
2025-11-24 14:00:00+00	kam3	A	1	1	1	4	0	0	1	0	0	0	1	0	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 14:00:00+00	kam3	B	1	1	1	4	0	0	1	0	0	0	1	0	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 14:00:00+00	kam3	call	1	1	1	4	0	0	1	0	0	0	1	0	1	10	0	0	0	0	0	0	1	481	1	3	0	0
2025-11-24 20:00:00+00	kam1	A	1	1	1	4	0	0	1	0	0	0	1	0	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 20:00:00+00	kam1	B	1	1	1	4	0	0	1	0	0	0	1	0	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-24 20:00:00+00	kam1	call	1	1	1	4	0	0	1	0	0	0	1	0	1	16	0	0	0	0	0	0	1	620	1	3	0	0
2025-11-25 16:00:00+00	kam1	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 16:00:00+00	kam1	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 16:00:00+00	kam1	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	12	0	0	0	0	0	0	1	675	1	3	1	0
2025-11-25 16:00:00+00	kam2	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 16:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 16:00:00+00	kam2	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	13	0	0	0	0	0	0	1	341	1	3	1	0
2025-11-25 23:00:00+00	kam1	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	1	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 23:00:00+00	kam1	B	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	1	1	17	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 23:00:00+00	kam1	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	1	1	17	0	0	0	0	0	0	1	253	1	3	1	0
2025-11-25 23:00:00+00	kam2	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 23:00:00+00	kam2	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	18	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-25 23:00:00+00	kam2	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	18	0	0	0	0	0	0	1	814	1	3	1	0
2025-11-26 11:00:00+00	kam3	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 11:00:00+00	kam3	B	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 11:00:00+00	kam3	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	2	1	10	0	0	0	0	0	0	1	62	1	3	1	0
2025-11-26 12:00:00+00	kam2	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 12:00:00+00	kam2	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 12:00:00+00	kam2	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	9	0	0	0	0	0	0	1	396	1	3	1	0
2025-11-26 19:00:00+00	kam2	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 19:00:00+00	kam2	B	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	14	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 19:00:00+00	kam2	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	14	0	0	0	0	0	0	1	869	1	3	1	0
2025-11-26 19:00:00+00	kam3	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 19:00:00+00	kam3	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	15	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-26 19:00:00+00	kam3	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	15	0	0	0	0	0	0	1	535	1	3	1	0
2025-11-27 14:00:00+00	kam3	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-27 14:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-27 14:00:00+00	kam3	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	11	0	0	0	0	0	0	1	590	1	3	0	0
2025-11-27 15:00:00+00	kam2	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-27 15:00:00+00	kam2	B	1	1	1	4	0	0	1	0	0	0	1	3	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-27 15:00:00+00	kam2	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	10	0	0	0	0	0	0	1	29	1	3	1	0
2025-11-27 22:00:00+00	kam3	A	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-27 22:00:00+00	kam3	B	1	1	1	4	0	0	1	0	0	0	1	3	1	16	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-27 22:00:00+00	kam3	call	1	1	1	3.700000047683716	0	0	1	0	0	0	1	3	1	16	0	0	0	0	0	0	1	168	1	3	1	0
2025-11-28 10:00:00+00	kam1	A	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	8	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-28 10:00:00+00	kam1	B	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	8	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-28 10:00:00+00	kam1	call	1	1	1	3.799999952316284	0	0	1	0	0	0	1	0	1	8	0	0	0	0	0	0	1	311	1	3	0	0
2025-11-28 10:00:00+00	kam3	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-28 10:00:00+00	kam3	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-11-28 10:00:00+00	kam3	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	645	1	3	0	0
2025-11-28 17:00:00+00	kam1	A	1	1	1	4	0	0	1	0	0	0	1	0	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-28 17:00:00+00	kam1	B	1	1	1	4	0	0	1	0	0	0	1	0	1	13	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-28 17:00:00+00	kam1	call	1	1	1	4	0	0	1	0	0	0	1	0	1	13	0	0	0	0	0	0	1	784	1	3	0	0
2025-11-28 17:00:00+00	kam3	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-28 17:00:00+00	kam3	B	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	12	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-28 17:00:00+00	kam3	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	0	1	12	0	0	0	0	0	0	1	223	1	3	0	0
2025-11-29 05:00:00+00	kam2	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	1	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 05:00:00+00	kam2	B	1	1	1	4.199999809265137	0	1	0	0	0	0	1	1	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 05:00:00+00	kam2	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	1	1	5	0	0	0	0	0	0	1	32	1	3	1	0
2025-11-29 06:00:00+00	kam1	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 06:00:00+00	kam1	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	4	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 06:00:00+00	kam1	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	4	0	0	0	0	0	0	1	366	1	3	1	0
2025-11-29 12:00:00+00	kam2	A	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 12:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	1	1	10	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 12:00:00+00	kam2	call	1	1	1	4.300000190734863	0	1	0	0	0	0	1	1	1	10	0	0	0	0	0	0	1	505	1	3	1	0
2025-11-29 13:00:00+00	kam1	A	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 13:00:00+00	kam1	B	1	1	1	3.700000047683716	0	0	1	0	0	0	1	1	1	9	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-29 13:00:00+00	kam1	call	1	1	1	3.5999999046325684	0	0	1	0	0	0	1	1	1	9	0	0	0	0	0	0	1	839	1	3	1	0
2025-11-30 08:00:00+00	kam2	A	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-30 08:00:00+00	kam2	B	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	6	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-30 08:00:00+00	kam2	call	1	1	1	3.9000000953674316	0	0	1	0	0	0	1	2	1	6	0	0	0	0	0	0	1	560	1	3	1	0
2025-11-30 09:00:00+00	kam1	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-30 09:00:00+00	kam1	B	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	5	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-30 09:00:00+00	kam1	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	5	0	0	0	0	0	0	1	894	1	3	1	0
2025-11-30 15:00:00+00	kam2	A	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-30 15:00:00+00	kam2	B	1	1	1	4.300000190734863	0	1	0	0	0	0	1	2	1	11	0	0	0	0	0	0	0	0	0	0	0	0
2025-11-30 15:00:00+00	kam2	call	1	1	1	4.099999904632568	0	1	0	0	0	0	1	2	1	11	0	0	0	0	0	0	1	138	1	3	1	0
2025-12-01 04:00:00+00	kam2	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-12-01 04:00:00+00	kam2	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	2	0	0	0	0	0	0	0	0	0	0	0	0
2025-12-01 04:00:00+00	kam2	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	2	0	0	0	0	0	0	1	615	1	3	0	0
2025-12-01 04:00:00+00	kam3	A	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-12-01 04:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	3	0	0	0	0	0	0	0	0	0	0	0	0
2025-12-01 04:00:00+00	kam3	call	1	1	1	4.199999809265137	0	1	0	0	0	0	1	3	1	3	0	0	0	0	0	0	1	281	1	3	1	0
2025-12-01 11:00:00+00	kam2	A	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-12-01 11:00:00+00	kam2	B	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	0	0	0	0	0	0
2025-12-01 11:00:00+00	kam2	call	1	0	0	0	0	0	0	0	0	0	0	0	0	0	0	1	0	0	0	0	1	193	1	3	0	0
2025-12-01 11:00:00+00	kam3	A	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	8	0	0	0	0	0	0	0	0	0	0	0	0
2025-12-01 11:00:00+00	kam3	B	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	8	0	0	0	0	0	0	0	0	0	0	0	0
2025-12-01 11:00:00+00	kam3	call	1	1	1	4.400000095367432	1	0	0	0	0	0	1	3	1	8	0	0	0	0	0	0	1	754	1	3	0	0
\.

COPY public.rollup_mos (hour, node, side, kind, mos, calls) FROM stdin;
2025-11-02 07:00:00+00	kam1	A	average	3.2	1
2025-11-02 14:00:00+00	kam1	A	average	2.8	1
2025-11-03 02:00:00+00	kam1	A	average	4.3	1
2025-11-03 10:00:00+00	kam1	A	average	3.6	1
2025-11-03 22:00:00+00	kam1	A	average	3.9	1
2025-11-04 05:00:00+00	kam1	A	average	4.1	1
2025-11-06 23:00:00+00	kam1	A	average	4.3	1
2025-11-07 06:00:00+00	kam1	A	average	3.6	1
2025-11-07 19:00:00+00	kam1	A	average	3.4	1
2025-11-08 02:00:00+00	kam1	A	average	3	1
2025-11-08 15:00:00+00	kam1	A	average	4.4	1
2025-11-08 22:00:00+00	kam1	A	average	3.7	1
2025-11-10 19:00:00+00	kam1	A	average	4.3	1
2025-11-11 15:00:00+00	kam1	A	average	3.9	1
2025-11-11 22:00:00+00	kam1	A	average	4.1	1
2025-11-12 11:00:00+00	kam1	A	average	4.4	1
2025-11-12 18:00:00+00	kam1	A	average	3.7	1
2025-11-15 05:00:00+00	kam1	A	average	3.7	1
2025-11-15 12:00:00+00	kam1	A	average	3.9	1
2025-11-16 08:00:00+00	kam1	A	average	4.4	1
2025-11-17 03:00:00+00	kam1	A	average	4	1
2025-11-17 11:00:00+00	kam1	A	average	4.2	1
2025-11-19 08:00:00+00	kam1	A	average	3.9	1
2025-11-19 21:00:00+00	kam1	A	average	4.2	1
2025-11-20 04:00:00+00	kam1	A	average	4.4	1
2025-11-21 00:00:00+00	kam1	A	average	4	1
2025-11-21 07:00:00+00	kam1	A	average	4.2	1
2025-11-21 20:00:00+00	kam1	A	average	3.6	1
2025-11-23 18:00:00+00	kam1	A	average	4.2	1
2025-11-24 01:00:00+00	kam1	A	average	4.4	1
2025-11-24 13:00:00+00	kam1	A	average	3.8	1
2025-11-24 20:00:00+00	kam1	A	average	4	1
2025-11-25 16:00:00+00	kam1	A	average	3.6	1
2025-11-25 23:00:00+00	kam1	A	average	3.8	1
2025-11-28 10:00:00+00	kam1	A	average	3.8	1
2025-11-28 17:00:00+00	kam1	A	average	4	1
2025-11-29 06:00:00+00	kam1	A	average	4.3	1
2025-11-29 13:00:00+00	kam1	A	average	3.6	1
2025-11-30 09:00:00+00	kam1	A	average	4.1	1
2025-11-02 07:00:00+00	kam1	B	average	3.2	1
2025-11-02 14:00:00+00	kam1	B	average	2.8	1
2025-11-03 02:00:00+00	kam1	B	average	4.4	1
2025-11-03 10:00:00+00	kam1	B	average	3.7	1
2025-11-03 22:00:00+00	kam1	B	average	4.1	1
2025-11-04 05:00:00+00	kam1	B	average	4.3	1
2025-11-06 23:00:00+00	kam1	B	average	4.4	1
2025-11-07 06:00:00+00	kam1	B	average	3.7	1
2025-11-07 19:00:00+00	kam1	B	average	3.6	1
2025-11-08 02:00:00+00	kam1	B	average	3.2	1
2025-11-08 15:00:00+00	kam1	B	average	4.4	1
2025-11-08 22:00:00+00	kam1	B	average	4	1
2025-11-10 19:00:00+00	kam1	B	average	4.4	1
2025-11-11 15:00:00+00	kam1	B	average	4.1	1
2025-11-11 22:00:00+00	kam1	B	average	4.3	1
2025-11-12 11:00:00+00	kam1	B	average	4.4	1
2025-11-12 18:00:00+00	kam1	B	average	4	1
2025-11-15 05:00:00+00	kam1	B	average	3.9	1
2025-11-15 12:00:00+00	kam1	B	average	4.1	1
2025-11-16 08:00:00+00	kam1	B	average	4.4	1
2025-11-17 03:00:00+00	kam1	B	average	4	1
2025-11-17 11:00:00+00	kam1	B	average	4.2	1
2025-11-19 08:00:00+00	kam1	B	average	4.1	1
2025-11-19 21:00:00+00	kam1	B	average	4.4	1
2025-11-20 04:00:00+00	kam1	B	average	4.4	1
2025-11-21 00:00:00+00	kam1	B	average	4	1
2025-11-21 07:00:00+00	kam1	B	average	4.2	1
2025-11-21 20:00:00+00	kam1	B	average	3.7	1
2025-11-23 18:00:00+00	kam1	B	average	4.4	1
2025-11-24 01:00:00+00	kam1	B	average	4.4	1
2025-11-24 13:00:00+00	kam1	B	average	3.8	1
2025-11-24 20:00:00+00	kam1	B	average	4	1
2025-11-25 16:00:00+00	kam1	B	average	3.7	1
2025-11-25 23:00:00+00	kam1	B	average	3.9	1
2025-11-28 10:00:00+00	kam1	B	average	3.8	1
2025-11-28 17:00:00+00	kam1	B	average	4	1
2025-11-29 06:00:00+00	kam1	B	average	4.4	1
2025-11-29 13:00:00+00	kam1	B	average	3.7	1
2025-11-30 09:00:00+00	kam1	B	average	4.3	1
2025-11-02 07:00:00+00	kam1	call	average	3.2	1
2025-11-02 14:00:00+00	kam1	call	average	2.8	1
2025-11-03 02:00:00+00	kam1	call	average	4.3	1
2025-11-03 10:00:00+00	kam1	call	average	3.6	1
2025-11-03 22:00:00+00	kam1	call	average	3.9	1
2025-11-04 05:00:00+00	kam1	call	average	4.1	1
2025-11-06 23:00:00+00	kam1	call	average	4.3	1
2025-11-07 06:00:00+00	kam1	call	average	3.6	1
2025-11-07 19:00:00+00	kam1	call	average	3.4	1
2025-11-08 02:00:00+00	kam1	call	average	3	1
2025-11-08 15:00:00+00	kam1	call	average	4.4	1
2025-11-08 22:00:00+00	kam1	call	average	3.7	1
2025-11-10 19:00:00+00	kam1	call	average	4.3	1
2025-11-11 15:00:00+00	kam1	call	average	3.9	1
2025-11-11 22:00:00+00	kam1	call	average	4.1	1
2025-11-12 11:00:00+00	kam1	call	average	4.4	1
2025-11-12 18:00:00+00	kam1	call	average	3.7	1
2025-11-15 05:00:00+00	kam1	call	average	3.7	1
2025-11-15 12:00:00+00	kam1	call	average	3.9	1
2025-11-16 08:00:00+00	kam1	call	average	4.4	1
2025-11-17 03:00:00+00	kam1	call	average	4	1
2025-11-17 11:00:00+00	kam1	call	average	4.2	1
2025-11-19 08:00:00+00	kam1	call	average	3.9	1
2025-11-19 21:00:00+00	kam1	call	average	4.2	1
2025-11-20 04:00:00+00	kam1	call	average	4.4	1
2025-11-21 00:00:00+00	kam1	call	average	4	1
2025-11-21 07:00:00+00	kam1	call	average	4.2	1
2025-11-21 20:00:00+00	kam1	call	average	3.6	1
2025-11-23 18:00:00+00	kam1	call	average	4.2	1
2025-11-24 01:00:00+00	kam1	call	average	4.4	1
2025-11-24 13:00:00+00	kam1	call	average	3.8	1
2025-11-24 20:00:00+00	kam1	call	average	4	1
2025-11-25 16:00:00+00	kam1	call	average	3.6	1
2025-11-25 23:00:00+00	kam1	call	average	3.8	1
2025-11-28 10:00:00+00	kam1	call	average	3.8	1
2025-11-28 17:00:00+00	kam1	call	average	4	1
2025-11-29 06:00:00+00	kam1	call	average	4.3	1
2025-11-29 13:00:00+00	kam1	call	average	3.6	1
2025-11-30 09:00:00+00	kam1	call	average	4.1	1
2025-11-02 07:00:00+00	kam1	call	min	3	1
2025-11-02 14:00:00+00	kam1	call	min	2.4	1
2025-11-03 02:00:00+00	kam1	call	min	3.6	1
2025-11-03 10:00:00+00	kam1	call	min	3.6	1
2025-11-03 22:00:00+00	kam1	call	min	3.6	1
2025-11-04 05:00:00+00	kam1	call	min	3.6	1
2025-11-06 23:00:00+00	kam1	call	min	3.6	1
2025-11-07 06:00:00+00	kam1	call	min	3.6	1
2025-11-07 19:00:00+00	kam1	call	min	3.1	1
2025-11-08 02:00:00+00	kam1	call	min	2.5	1
2025-11-08 15:00:00+00	kam1	call	min	3.6	1
2025-11-08 22:00:00+00	kam1	call	min	3.6	1
2025-11-10 19:00:00+00	kam1	call	min	3.6	1
2025-11-11 15:00:00+00	kam1	call	min	3.6	1
2025-11-11 22:00:00+00	kam1	call	min	3.6	1
2025-11-12 11:00:00+00	kam1	call	min	3.6	1
2025-11-12 18:00:00+00	kam1	call	min	3.6	1
2025-11-15 05:00:00+00	kam1	call	min	3.6	1
2025-11-15 12:00:00+00	kam1	call	min	3.6	1
2025-11-16 08:00:00+00	kam1	call	min	3.6	1
2025-11-17 03:00:00+00	kam1	call	min	3.6	1
2025-11-17 11:00:00+00	kam1	call	min	3.6	1
2025-11-19 08:00:00+00	kam1	call	min	3.6	1
2025-11-19 21:00:00+00	kam1	call	min	3.6	1
2025-11-20 04:00:00+00	kam1	call	min	3.6	1
2025-11-21 00:00:00+00	kam1	call	min	3.6	1
2025-11-21 07:00:00+00	kam1	call	min	3.6	1
2025-11-21 20:00:00+00	kam1	call	min	3.6	1
2025-11-23 18:00:00+00	kam1	call	min	3.6	1
2025-11-24 01:00:00+00	kam1	call	min	3.6	1
2025-11-24 13:00:00+00	kam1	call	min	3.6	1
2025-11-24 20:00:00+00	kam1	call	min	3.6	1
2025-11-25 16:00:00+00	kam1	call	min	3.6	1
2025-11-25 23:00:00+00	kam1	call	min	3.6	1
2025-11-28 10:00:00+00	kam1	call	min	3.6	1
2025-11-28 17:00:00+00	kam1	call	min	3.6	1
2025-11-29 06:00:00+00	kam1	call	min	3.6	1
2025-11-29 13:00:00+00	kam1	call	min	3.6	1
2025-11-30 09:00:00+00	kam1	call	min	3.6	1
2025-11-03 22:00:00+00	kam2	A	average	3	1
2025-11-04 05:00:00+00	kam2	A	average	2.6	1
2025-11-05 01:00:00+00	kam2	A	average	4.4	1
2025-11-05 08:00:00+00	kam2	A	average	3.7	1
2025-11-06 04:00:00+00	kam2	A	average	4.2	1
2025-11-07 18:00:00+00	kam2	A	average	3.7	1
2025-11-08 02:00:00+00	kam2	A	average	3.9	1
2025-11-08 14:00:00+00	kam2	A	average	4.2	1
2025-11-08 21:00:00+00	kam2	A	average	4.4	1
2025-11-09 17:00:00+00	kam2	A	average	2.8	1
2025-11-12 11:00:00+00	kam2	A	average	4.2	1
2025-11-12 18:00:00+00	kam2	A	average	4.4	1
2025-11-13 07:00:00+00	kam2	A	average	3.8	1
2025-11-13 14:00:00+00	kam2	A	average	4	1
2025-11-14 17:00:00+00	kam2	A	average	3.8	1
2025-11-16 14:00:00+00	kam2	A	average	4.4	1
2025-11-17 03:00:00+00	kam2	A	average	3.8	1
2025-11-17 10:00:00+00	kam2	A	average	4	1
2025-11-17 23:00:00+00	kam2	A	average	4.3	1
2025-11-18 06:00:00+00	kam2	A	average	3.6	1
2025-11-21 00:00:00+00	kam2	A	average	3.8	1
2025-11-21 07:00:00+00	kam2	A	average	4	1
2025-11-21 19:00:00+00	kam2	A	average	4.3	1
2025-11-22 03:00:00+00	kam2	A	average	3.6	1
2025-11-23 06:00:00+00	kam2	A	average	4.3	1
2025-11-25 16:00:00+00	kam2	A	average	4.3	1
2025-11-25 23:00:00+00	kam2	A	average	3.6	1
2025-11-26 12:00:00+00	kam2	A	average	3.9	1
2025-11-26 19:00:00+00	kam2	A	average	4.1	1
2025-11-27 15:00:00+00	kam2	A	average	3.7	1
2025-11-29 05:00:00+00	kam2	A	average	4.1	1
2025-11-29 12:00:00+00	kam2	A	average	4.3	1
2025-11-30 08:00:00+00	kam2	A	average	3.9	1
2025-11-30 15:00:00+00	kam2	A	average	4.1	1
2025-12-01 04:00:00+00	kam2	A	average	4.4	1
2025-11-03 22:00:00+00	kam2	B	average	3.2	1
2025-11-04 05:00:00+00	kam2	B	average	2.8	1
2025-11-05 01:00:00+00	kam2	B	average	4.4	1
2025-11-05 08:00:00+00	kam2	B	average	4	1
2025-11-06 04:00:00+00	kam2	B	average	4.2	1
2025-11-07 18:00:00+00	kam2	B	average	3.9	1
2025-11-08 02:00:00+00	kam2	B	average	4.1	1
2025-11-08 14:00:00+00	kam2	B	average	4.4	1
2025-11-08 21:00:00+00	kam2	B	average	4.4	1
2025-11-09 17:00:00+00	kam2	B	average	2.8	1
2025-11-12 11:00:00+00	kam2	B	average	4.4	1
2025-11-12 18:00:00+00	kam2	B	average	4.4	1
2025-11-13 07:00:00+00	kam2	B	average	3.8	1
2025-11-13 14:00:00+00	kam2	B	average	4	1
2025-11-14 17:00:00+00	kam2	B	average	3.9	1
2025-11-16 14:00:00+00	kam2	B	average	4.4	1
2025-11-17 03:00:00+00	kam2	B	average	3.8	1
2025-11-17 10:00:00+00	kam2	B	average	4	1
2025-11-17 23:00:00+00	kam2	B	average	4.4	1
2025-11-18 06:00:00+00	kam2	B	average	3.7	1
2025-11-21 00:00:00+00	kam2	B	average	3.8	1
2025-11-21 07:00:00+00	kam2	B	average	4	1
2025-11-21 19:00:00+00	kam2	B	average	4.4	1
2025-11-22 03:00:00+00	kam2	B	average	3.7	1
2025-11-23 06:00:00+00	kam2	B	average	4.4	1
2025-11-25 16:00:00+00	kam2	B	average	4.4	1
2025-11-25 23:00:00+00	kam2	B	average	3.7	1
2025-11-26 12:00:00+00	kam2	B	average	4.1	1
2025-11-26 19:00:00+00	kam2	B	average	4.3	1
2025-11-27 15:00:00+00	kam2	B	average	4	1
2025-11-29 05:00:00+00	kam2	B	average	4.2	1
2025-11-29 12:00:00+00	kam2	B	average	4.4	1
2025-11-30 08:00:00+00	kam2	B	average	4.1	1
2025-11-30 15:00:00+00	kam2	B	average	4.3	1
2025-12-01 04:00:00+00	kam2	B	average	4.4	1
2025-11-03 22:00:00+00	kam2	call	average	3	1
2025-11-04 05:00:00+00	kam2	call	average	2.6	1
2025-11-05 01:00:00+00	kam2	call	average	4.4	1
2025-11-05 08:00:00+00	kam2	call	average	3.7	1
2025-11-06 04:00:00+00	kam2	call	average	4.2	1
2025-11-07 18:00:00+00	kam2	call	average	3.7	1
2025-11-08 02:00:00+00	kam2	call	average	3.9	1
2025-11-08 14:00:00+00	kam2	call	average	4.2	1
2025-11-08 21:00:00+00	kam2	call	average	4.4	1
2025-11-09 17:00:00+00	kam2	call	average	2.8	1
2025-11-12 11:00:00+00	kam2	call	average	4.2	1
2025-11-12 18:00:00+00	kam2	call	average	4.4	1
2025-11-13 07:00:00+00	kam2	call	average	3.8	1
2025-11-13 14:00:00+00	kam2	call	average	4	1
2025-11-14 17:00:00+00	kam2	call	average	3.8	1
2025-11-16 14:00:00+00	kam2	call	average	4.4	1
2025-11-17 03:00:00+00	kam2	call	average	3.8	1
2025-11-17 10:00:00+00	kam2	call	average	4	1
2025-11-17 23:00:00+00	kam2	call	average	4.3	1
2025-11-18 06:00:00+00	kam2	call	average	3.6	1
2025-11-21 00:00:00+00	kam2	call	average	3.8	1
2025-11-21 07:00:00+00	kam2	call	average	4	1
2025-11-21 19:00:00+00	kam2	call	average	4.3	1
2025-11-22 03:00:00+00	kam2	call	average	3.6	1
2025-11-23 06:00:00+00	kam2	call	average	4.3	1
2025-11-25 16:00:00+00	kam2	call	average	4.3	1
2025-11-25 23:00:00+00	kam2	call	average	3.6	1
2025-11-26 12:00:00+00	kam2	call	average	3.9	1
2025-11-26 19:00:00+00	kam2	call	average	4.1	1
2025-11-27 15:00:00+00	kam2	call	average	3.7	1
2025-11-29 05:00:00+00	kam2	call	average	4.1	1
2025-11-29 12:00:00+00	kam2	call	average	4.3	1
2025-11-30 08:00:00+00	kam2	call	average	3.9	1
2025-11-30 15:00:00+00	kam2	call	average	4.1	1
2025-12-01 04:00:00+00	kam2	call	average	4.4	1
2025-11-03 22:00:00+00	kam2	call	min	2.9	1
2025-11-04 05:00:00+00	kam2	call	min	2.3	1
2025-11-05 01:00:00+00	kam2	call	min	3.6	1
2025-11-05 08:00:00+00	kam2	call	min	3.6	1
2025-11-06 04:00:00+00	kam2	call	min	3.6	1
2025-11-07 18:00:00+00	kam2	call	min	3.6	1
2025-11-08 02:00:00+00	kam2	call	min	3.6	1
2025-11-08 14:00:00+00	kam2	call	min	3.6	1
2025-11-08 21:00:00+00	kam2	call	min	3.6	1
2025-11-09 17:00:00+00	kam2	call	min	2.4	1
2025-11-12 11:00:00+00	kam2	call	min	3.6	1
2025-11-12 18:00:00+00	kam2	call	min	3.6	1
2025-11-13 07:00:00+00	kam2	call	min	3.6	1
2025-11-13 14:00:00+00	kam2	call	min	3.6	1
2025-11-14 17:00:00+00	kam2	call	min	3.6	1
2025-11-16 14:00:00+00	kam2	call	min	3.6	1
2025-11-17 03:00:00+00	kam2	call	min	3.6	1
2025-11-17 10:00:00+00	kam2	call	min	3.6	1
2025-11-17 23:00:00+00	kam2	call	min	3.6	1
2025-11-18 06:00:00+00	kam2	call	min	3.6	1
2025-11-21 00:00:00+00	kam2	call	min	3.6	1
2025-11-21 07:00:00+00	kam2	call	min	3.6	1
2025-11-21 19:00:00+00	kam2	call	min	3.6	1
2025-11-22 03:00:00+00	kam2	call	min	3.6	1
2025-11-23 06:00:00+00	kam2	call	min	3.6	1
2025-11-25 16:00:00+00	kam2	call	min	3.6	1
2025-11-25 23:00:00+00	kam2	call	min	3.6	1
2025-11-26 12:00:00+00	kam2	call	min	3.6	1
2025-11-26 19:00:00+00	kam2	call	min	3.6	1
2025-11-27 15:00:00+00	kam2	call	min	3.6	1
2025-11-29 05:00:00+00	kam2	call	min	3.6	1
2025-11-29 12:00:00+00	kam2	call	min	3.6	1
2025-11-30 08:00:00+00	kam2	call	min	3.6	1
2025-11-30 15:00:00+00	kam2	call	min	3.6	1
2025-12-01 04:00:00+00	kam2	call	min	3.6	1
2025-11-02 07:00:00+00	kam3	A	average	4	1
2025-11-03 03:00:00+00	kam3	A	average	3.6	1
2025-11-05 01:00:00+00	kam3	A	average	4.2	1
2025-11-05 08:00:00+00	kam3	A	average	4.4	1
2025-11-05 20:00:00+00	kam3	A	average	2.4	1
2025-11-06 03:00:00+00	kam3	A	average	2	1
2025-11-07 06:00:00+00	kam3	A	average	3.8	1
2025-11-09 17:00:00+00	kam3	A	average	3.8	1
2025-11-10 00:00:00+00	kam3	A	average	4	1
2025-11-10 13:00:00+00	kam3	A	average	4.3	1
2025-11-10 20:00:00+00	kam3	A	average	3.6	1
2025-11-11 16:00:00+00	kam3	A	average	2.2	1
2025-11-11 23:00:00+00	kam3	A	average	3.4	1
2025-11-13 13:00:00+00	kam3	A	average	3.8	1
2025-11-14 09:00:00+00	kam3	A	average	4.3	1
2025-11-14 16:00:00+00	kam3	A	average	3.6	1
2025-11-15 05:00:00+00	kam3	A	average	3.9	1
2025-11-17 23:00:00+00	kam3	A	average	4.1	1
2025-11-18 06:00:00+00	kam3	A	average	4.3	1
2025-11-19 02:00:00+00	kam3	A	average	3.9	1
2025-11-19 09:00:00+00	kam3	A	average	4.1	1
2025-11-20 04:00:00+00	kam3	A	average	3.7	1
2025-11-22 02:00:00+00	kam3	A	average	4.3	1
2025-11-22 15:00:00+00	kam3	A	average	3.7	1
2025-11-22 22:00:00+00	kam3	A	average	3.9	1
2025-11-23 18:00:00+00	kam3	A	average	4.4	1
2025-11-24 14:00:00+00	kam3	A	average	4	1
2025-11-26 11:00:00+00	kam3	A	average	3.7	1
2025-11-26 19:00:00+00	kam3	A	average	3.9	1
2025-11-27 14:00:00+00	kam3	A	average	4.4	1
2025-11-27 22:00:00+00	kam3	A	average	3.7	1
2025-11-28 17:00:00+00	kam3	A	average	4.2	1
2025-12-01 04:00:00+00	kam3	A	average	4.2	1
2025-12-01 11:00:00+00	kam3	A	average	4.4	1
2025-11-02 07:00:00+00	kam3	B	average	4	1
2025-11-03 03:00:00+00	kam3	B	average	3.7	1
2025-11-05 01:00:00+00	kam3	B	average	4.4	1
2025-11-05 08:00:00+00	kam3	B	average	4.4	1
2025-11-05 20:00:00+00	kam3	B	average	2.4	1
2025-11-06 03:00:00+00	kam3	B	average	2	1
2025-11-07 06:00:00+00	kam3	B	average	3.9	1
2025-11-09 17:00:00+00	kam3	B	average	3.8	1
2025-11-10 00:00:00+00	kam3	B	average	4	1
2025-11-10 13:00:00+00	kam3	B	average	4.4	1
2025-11-10 20:00:00+00	kam3	B	average	3.7	1
2025-11-11 16:00:00+00	kam3	B	average	2.4	1
2025-11-11 23:00:00+00	kam3	B	average	3.6	1
2025-11-13 13:00:00+00	kam3	B	average	3.8	1
2025-11-14 09:00:00+00	kam3	B	average	4.4	1
2025-11-14 16:00:00+00	kam3	B	average	3.7	1
2025-11-15 05:00:00+00	kam3	B	average	4.1	1
2025-11-17 23:00:00+00	kam3	B	average	4.2	1
2025-11-18 06:00:00+00	kam3	B	average	4.4	1
2025-11-19 02:00:00+00	kam3	B	average	4.1	1
2025-11-19 09:00:00+00	kam3	B	average	4.3	1
2025-11-20 04:00:00+00	kam3	B	average	4	1
2025-11-22 02:00:00+00	kam3	B	average	4.4	1
2025-11-22 15:00:00+00	kam3	B	average	3.9	1
2025-11-22 22:00:00+00	kam3	B	average	4.1	1
2025-11-23 18:00:00+00	kam3	B	average	4.4	1
2025-11-24 14:00:00+00	kam3	B	average	4	1
2025-11-26 11:00:00+00	kam3	B	average	3.9	1
2025-11-26 19:00:00+00	kam3	B	average	4.1	1
2025-11-27 14:00:00+00	kam3	B	average	4.4	1
2025-11-27 22:00:00+00	kam3	B	average	4	1
2025-11-28 17:00:00+00	kam3	B	average	4.2	1
2025-12-01 04:00:00+00	kam3	B	average	4.4	1
2025-12-01 11:00:00+00	kam3	B	average	4.4	1
2025-11-02 07:00:00+00	kam3	call	average	4	1
2025-11-03 03:00:00+00	kam3	call	average	3.6	1
2025-11-05 01:00:00+00	kam3	call	average	4.2	1
2025-11-05 08:00:00+00	kam3	call	average	4.4	1
2025-11-05 20:00:00+00	kam3	call	average	2.4	1
2025-11-06 03:00:00+00	kam3	call	average	2	1
2025-11-07 06:00:00+00	kam3	call	average	3.8	1
2025-11-09 17:00:00+00	kam3	call	average	3.8	1
2025-11-10 00:00:00+00	kam3	call	average	4	1
2025-11-10 13:00:00+00	kam3	call	average	4.3	1
2025-11-10 20:00:00+00	kam3	call	average	3.6	1
2025-11-11 16:00:00+00	kam3	call	average	2.2	1
2025-11-11 23:00:00+00	kam3	call	average	3.4	1
2025-11-13 13:00:00+00	kam3	call	average	3.8	1
2025-11-14 09:00:00+00	kam3	call	average	4.3	1
2025-11-14 16:00:00+00	kam3	call	average	3.6	1
2025-11-15 05:00:00+00	kam3	call	average	3.9	1
2025-11-17 23:00:00+00	kam3	call	average	4.1	1
2025-11-18 06:00:00+00	kam3	call	average	4.3	1
2025-11-19 02:00:00+00	kam3	call	average	3.9	1
2025-11-19 09:00:00+00	kam3	call	average	4.1	1
2025-11-20 04:00:00+00	kam3	call	average	3.7	1
2025-11-22 02:00:00+00	kam3	call	average	4.3	1
2025-11-22 15:00:00+00	kam3	call	average	3.7	1
2025-11-22 22:00:00+00	kam3	call	average	3.9	1
2025-11-23 18:00:00+00	kam3	call	average	4.4	1
2025-11-24 14:00:00+00	kam3	call	average	4	1
2025-11-26 11:00:00+00	kam3	call	average	3.7	1
2025-11-26 19:00:00+00	kam3	call	average	3.9	1
2025-11-27 14:00:00+00	kam3	call	average	4.4	1
2025-11-27 22:00:00+00	kam3	call	average	3.7	1
2025-11-28 17:00:00+00	kam3	call	average	4.2	1
2025-12-01 04:00:00+00	kam3	call	average	4.2	1
2025-12-01 11:00:00+00	kam3	call	average	4.4	1
2025-11-02 07:00:00+00	kam3	call	min	3.6	1
2025-11-03 03:00:00+00	kam3	call	min	3.6	1
2025-11-05 01:00:00+00	kam3	call	min	3.6	1
2025-11-05 08:00:00+00	kam3	call	min	3.6	1
2025-11-05 20:00:00+00	kam3	call	min	2.2	1
2025-11-06 03:00:00+00	kam3	call	min	1.6	1
2025-11-07 06:00:00+00	kam3	call	min	3.6	1
2025-11-09 17:00:00+00	kam3	call	min	3.6	1
2025-11-10 00:00:00+00	kam3	call	min	3.6	1
2025-11-10 13:00:00+00	kam3	call	min	3.6	1
2025-11-10 20:00:00+00	kam3	call	min	3.6	1
2025-11-11 16:00:00+00	kam3	call	min	1.7	1
2025-11-11 23:00:00+00	kam3	call	min	2.7	1
2025-11-13 13:00:00+00	kam3	call	min	3.6	1
2025-11-14 09:00:00+00	kam3	call	min	3.6	1
2025-11-14 16:00:00+00	kam3	call	min	3.6	1
2025-11-15 05:00:00+00	kam3	call	min	3.6	1
2025-11-17 23:00:00+00	kam3	call	min	3.6	1
2025-11-18 06:00:00+00	kam3	call	min	3.6	1
2025-11-19 02:00:00+00	kam3	call	min	3.6	1
2025-11-19 09:00:00+00	kam3	call	min	3.6	1
2025-11-20 04:00:00+00	kam3	call	min	3.6	1
2025-11-22 02:00:00+00	kam3	call	min	3.6	1
2025-11-22 15:00:00+00	kam3	call	min	3.6	1
2025-11-22 22:00:00+00	kam3	call	min	3.6	1
2025-11-23 18:00:00+00	kam3	call	min	3.6	1
2025-11-24 14:00:00+00	kam3	call	min	3.6	1
2025-11-26 11:00:00+00	kam3	call	min	3.6	1
2025-11-26 19:00:00+00	kam3	call	min	3.6	1
2025-11-27 14:00:00+00	kam3	call	min	3.6	1
2025-11-27 22:00:00+00	kam3	call	min	3.6	1
2025-11-28 17:00:00+00	kam3	call	min	3.6	1
2025-12-01 04:00:00+00	kam3	call	min	3.6	1
2025-12-01 11:00:00+00	kam3	call	min	3.6	1
\.

SELECT pg_catalog.setval('public.call_call_pk_seq', 120, true);

ALTER TABLE ONLY public.call
    ADD CONSTRAINT call_call_id_node_key UNIQUE (call_id, node);

ALTER TABLE ONLY public.call
    ADD CONSTRAINT call_pkey PRIMARY KEY (call_pk);

ALTER TABLE ONLY public.journal_position
    ADD CONSTRAINT journal_position_pkey PRIMARY KEY (journal);

ALTER TABLE ONLY public.leg
    ADD CONSTRAINT leg_pkey PRIMARY KEY (call_pk, side);

ALTER TABLE ONLY public.mos_sample
    ADD CONSTRAINT mos_sample_pkey PRIMARY KEY (call_pk, scope, kind, seq);

ALTER TABLE ONLY public.moscdr_schema_version
    ADD CONSTRAINT moscdr_schema_version_pkey PRIMARY KEY (version);

ALTER TABLE ONLY public.moscdr_views
    ADD CONSTRAINT moscdr_views_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.moscdr_writer
    ADD CONSTRAINT moscdr_writer_pkey PRIMARY KEY (writer);

ALTER TABLE ONLY public.rollup_hour
    ADD CONSTRAINT rollup_hour_pkey PRIMARY KEY (hour, node, side);

ALTER TABLE ONLY public.rollup_mos
    ADD CONSTRAINT rollup_mos_pkey PRIMARY KEY (node, side, kind, hour, mos);

CREATE INDEX call_node_start_time ON public.call USING btree (node, start_time);

CREATE INDEX call_received_at ON public.call USING btree (received_at);

CREATE INDEX call_retention ON public.call USING btree (COALESCE(start_time, received_at));

CREATE INDEX call_start_time ON public.call USING btree (start_time);

ALTER TABLE ONLY public.leg
    ADD CONSTRAINT leg_call_pk_fkey FOREIGN KEY (call_pk) REFERENCES public.call(call_pk) ON DELETE CASCADE;

ALTER TABLE ONLY public.mos_sample
    ADD CONSTRAINT mos_sample_call_pk_fkey FOREIGN KEY (call_pk) REFERENCES public.call(call_pk) ON DELETE CASCADE;

