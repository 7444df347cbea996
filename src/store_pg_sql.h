/*
 * store_pg_sql.h: the merge rules of the PostgreSQL back end as SQL text:
 * the column lists and the ON CONFLICT clauses of the call, leg and
 * sample upserts. store_pg.c builds its merge statement from them; the
 * benchmark's candidate strategies (tests/bench/pg_candidates.c) use the
 * very same text, so a comparison cannot drift from what the daemon
 * does. Plain strings: no libpq-fe.h here.
 */
#ifndef MOSCDR_STORE_PG_SQL_H
#define MOSCDR_STORE_PG_SQL_H

/* The call columns an upsert writes, in this order. */
#define STORE_PG_CALL_COLUMNS						\
    "node, call_id, from_tag, to_tag, from_uri, to_uri, sip_code,"	\
    " sip_reason, start_time, end_time, received_at, updated_at, extra"

/*
 * A known value is never replaced by an unknown one; the first reception
 * time is kept; every message counts; extra keys are merged.
 */
#define STORE_PG_CALL_MERGE						\
    " ON CONFLICT (call_id, node) DO UPDATE SET"			\
    "  from_tag = COALESCE(excluded.from_tag, t.from_tag),"		\
    "  to_tag = COALESCE(excluded.to_tag, t.to_tag),"			\
    "  from_uri = COALESCE(excluded.from_uri, t.from_uri),"		\
    "  to_uri = COALESCE(excluded.to_uri, t.to_uri),"			\
    "  sip_code = COALESCE(excluded.sip_code, t.sip_code),"		\
    "  sip_reason = COALESCE(excluded.sip_reason, t.sip_reason),"	\
    "  start_time = COALESCE(excluded.start_time, t.start_time),"	\
    "  end_time = COALESCE(excluded.end_time, t.end_time),"		\
    "  answer_time = COALESCE(excluded.answer_time, t.answer_time),"	\
    "  received_at = LEAST(t.received_at, excluded.received_at),"	\
    "  updated_at = excluded.updated_at,"				\
    "  messages = t.messages + 1,"					\
    "  extra = COALESCE(t.extra || excluded.extra, excluded.extra, t.extra)"

/*
 * Label and media facts as every column; mos_missing: a MOS once seen
 * (NULL on either side) clears it for good, and 'no_reply' never replaces
 * a reason decided from a reply. The same rule as the SQLite store's.
 */
#define STORE_PG_LEG_MERGE						\
    " ON CONFLICT (call_pk, side) DO UPDATE SET"			\
    "  label = COALESCE(excluded.label, t.label),"			\
    "  rtp_packets = COALESCE(excluded.rtp_packets, t.rtp_packets),"	\
    "  rtp_bytes = COALESCE(excluded.rtp_bytes, t.rtp_bytes),"		\
    "  rtp_errors = COALESCE(excluded.rtp_errors, t.rtp_errors),"	\
    "  rtcp_packets = COALESCE(excluded.rtcp_packets, t.rtcp_packets),"	\
    "  remote_addr = COALESCE(excluded.remote_addr, t.remote_addr),"	\
    "  remote_port = COALESCE(excluded.remote_port, t.remote_port),"	\
    "  protocol = COALESCE(excluded.protocol, t.protocol),"		\
    "  codec = COALESCE(excluded.codec, t.codec),"			\
    "  ssrc = COALESCE(excluded.ssrc, t.ssrc),"				\
    "  last_packet = COALESCE(excluded.last_packet, t.last_packet),"	\
    "  mos_missing = CASE WHEN excluded.mos_missing IS NULL"		\
    "   OR t.mos_missing IS NULL THEN NULL"				\
    "   WHEN excluded.mos_missing = 'no_reply' THEN t.mos_missing"	\
    "   ELSE excluded.mos_missing END"

/* The sample columns after call_pk, in this order. */
#define STORE_PG_SAMPLE_COLUMNS						\
    "scope, kind, seq, mos, packetloss_pct, jitter_ms, roundtrip_us,"	\
    " roundtrip_leg_us, samples, at_offset_s, reported_at"

#define STORE_PG_SAMPLE_MERGE						\
    " ON CONFLICT (call_pk, scope, kind, seq) DO UPDATE SET"		\
    "  mos = COALESCE(excluded.mos, t.mos),"				\
    "  packetloss_pct = COALESCE(excluded.packetloss_pct, t.packetloss_pct)," \
    "  jitter_ms = COALESCE(excluded.jitter_ms, t.jitter_ms),"		\
    "  roundtrip_us = COALESCE(excluded.roundtrip_us, t.roundtrip_us),"	\
    "  roundtrip_leg_us = COALESCE(excluded.roundtrip_leg_us,"		\
    "   t.roundtrip_leg_us),"						\
    "  samples = COALESCE(excluded.samples, t.samples),"		\
    "  at_offset_s = COALESCE(excluded.at_offset_s, t.at_offset_s),"	\
    "  reported_at = COALESCE(excluded.reported_at, t.reported_at)"

#endif
