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

/*
 * The partition key (sql/postgresql/012_partitions.sql) of each call row
 * staged in TABLE, from the key's row selected by WHERE (its first): the
 * part_at of its stored call (the same call_id and node) when one is
 * stored with a part_at within STORE_PG_MERGE_WINDOW of that row's own
 * time P (start, else reception); else, when that row has no start time
 * (START is NULL: a retransmitted BYE after rtpengine forgot the call, a
 * late message carrying nothing but the key), the latest stored call of
 * the key however old, as before partitions; else P, a new call. So a
 * later message (a retransmitted BYE, a message after midnight, a spool
 * replay, one that brings the start time the first lacked) merges into
 * the call's row in the call's partition. Run after the node locks
 * (STORE_PG_NODE_LOCK): no other writer of the node can insert the same
 * call between this lookup and the merge. The window's bounds are known
 * per row at run time only; PostgreSQL prunes the partitions outside
 * them while executing. The fallback probes every partition's key index
 * and runs only for rows without a start time that the window missed. A
 * message with a start time more than the window away from its call's
 * part_at becomes a call of its own.
 */
#define STORE_PG_MERGE_WINDOW	"3 days"
#define STORE_PG_PART_AT(TABLE, P, START, WHERE)			\
    "UPDATE " TABLE " AS s SET part_at = k.part_at FROM ("		\
    " SELECT f.call_id, f.node, coalesce((SELECT min(c.part_at)"	\
    "  FROM call AS c WHERE c.call_id = f.call_id AND c.node = f.node"	\
    "  AND c.part_at >= f.p - interval '" STORE_PG_MERGE_WINDOW "'"	\
    "  AND c.part_at <= f.p + interval '" STORE_PG_MERGE_WINDOW "'),"	\
    "  CASE WHEN f.nostart THEN (SELECT max(c.part_at) FROM call AS c"	\
    "  WHERE c.call_id = f.call_id AND c.node = f.node) END,"		\
    "  f.p) AS part_at"							\
    " FROM (SELECT call_id, node, " P " AS p, " START " IS NULL"	\
    "  AS nostart FROM " TABLE WHERE ") AS f"				\
    ") AS k WHERE s.call_id = k.call_id AND s.node = k.node"

/* The call columns an upsert writes, in this order. */
#define STORE_PG_CALL_COLUMNS						\
    "node, call_id, from_tag, to_tag, from_uri, to_uri, sip_code,"	\
    " sip_reason, start_time, end_time, received_at, updated_at, extra"

/*
 * A known value is never replaced by an unknown one; the first reception
 * time is kept; every message counts; extra keys are merged.
 */
#define STORE_PG_CALL_MERGE						\
    " ON CONFLICT (call_id, node, part_at) DO UPDATE SET"			\
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
    " ON CONFLICT (call_pk, side, part_at) DO UPDATE SET"			\
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
    " ON CONFLICT (call_pk, scope, kind, seq, part_at) DO UPDATE SET"		\
    "  mos = COALESCE(excluded.mos, t.mos),"				\
    "  packetloss_pct = COALESCE(excluded.packetloss_pct, t.packetloss_pct)," \
    "  jitter_ms = COALESCE(excluded.jitter_ms, t.jitter_ms),"		\
    "  roundtrip_us = COALESCE(excluded.roundtrip_us, t.roundtrip_us),"	\
    "  roundtrip_leg_us = COALESCE(excluded.roundtrip_leg_us,"		\
    "   t.roundtrip_leg_us),"						\
    "  samples = COALESCE(excluded.samples, t.samples),"		\
    "  at_offset_s = COALESCE(excluded.at_offset_s, t.at_offset_s),"	\
    "  reported_at = COALESCE(excluded.reported_at, t.reported_at)"

/*
 * The rollups (sql/postgresql/006_rollup.sql): one statement that adds
 * SIGN ("-1" or "1") times the contributions of the calls KEYS selects
 * (a query of distinct (call_pk, part_at), the call's whole key since
 * migration 012; they drive the joins, so each call costs a few index
 * probes, each in the one partition of its part_at) to both rollup
 * tables. The writer runs it with -1 before a batch's merge (the
 * touched calls' current contributions come out; a new call has no row
 * yet) and with 1 after it (the new ones go in); the copy from SQLite
 * does the same per chunk, and the migration fills the tables with it.
 * Rows in key order: the lock order of two writers of the same node.
 * Wants nested loops (the keys probe call and mos_sample by index).
 *
 * The contribution of a call (docs/schema.md, "Rollups"): its hour is
 * that of the start time, else of the reception (as v_daily_quality's
 * day); per side ('call', 'A', 'B') the average and minimum MOS, the
 * average's packet loss and jitter, whether the side has any MOS (for
 * 'call': any MOS of the call, v_call_quality.has_mos), the legs'
 * mos_missing; the call's talk and ringing times. The same as the
 * SQLite store's.
 */
/*
 * Taken first by every transaction that changes calls (the writer's
 * batch, a chunk of the copy from SQLite): a transaction lock per node
 * name in TABLE's node column, in name order. Two writers of the same
 * node (the same node name by mistake) then run one after the other, so
 * the contributions one subtracts are never those the other is changing
 * (the rollups stay exact) and they cannot deadlock; writers of
 * different nodes never touch the same rows and do not wait.
 */
#define STORE_PG_NODE_LOCK(TABLE)					\
    "SELECT pg_advisory_xact_lock(1836020579, hashtext(node))"		\
    " FROM (SELECT DISTINCT node FROM " TABLE " ORDER BY node) AS n"

/* Around the statement: index probes, whatever the staging tables' size
 * is guessed to be (they are never analyzed). */
#define STORE_PG_ROLLUP_PLAN						\
    "SET LOCAL enable_nestloop = on; SET LOCAL enable_hashjoin = off;"	\
    " SET LOCAL enable_mergejoin = off;"
#define STORE_PG_ROLLUP_UNPLAN						\
    "SET LOCAL enable_nestloop = DEFAULT;"				\
    " SET LOCAL enable_hashjoin = DEFAULT;"				\
    " SET LOCAL enable_mergejoin = DEFAULT;"

#define STORE_PG_ROLLUP_ANY(SCOPE)					\
    " OR EXISTS (SELECT 1 FROM mos_sample AS p"			\
    "  WHERE p.call_pk = c.call_pk AND p.part_at = c.part_at" SCOPE	\
    "  AND p.mos IS NOT NULL)"
#define STORE_PG_ROLLUP_ONE(A, SCOPE, KIND)				\
    " LEFT JOIN mos_sample AS " A " ON " A ".call_pk = c.call_pk"	\
    "  AND " A ".part_at = c.part_at"					\
    "  AND " A ".scope = '" SCOPE "' AND " A ".kind = '" KIND "'"	\
    "  AND " A ".seq = 0"
#define STORE_PG_ROLLUP_SIDE(SIGN, SIDE, X, REST)			\
    " SELECT hour, node, '" SIDE "', " SIGN " * count(*),"		\
    "  " SIGN " * count(*) FILTER (WHERE " X "_any),"			\
    "  " SIGN " * count(" X "_avg),"					\
    "  " SIGN " * coalesce(sum(" X "_avg::float8), 0),"		\
    "  " SIGN " * count(*) FILTER (WHERE " X "_avg >= 4.34::real),"	\
    "  " SIGN " * count(*) FILTER (WHERE " X "_avg >= 4.03::real"	\
    "   AND " X "_avg < 4.34::real),"					\
    "  " SIGN " * count(*) FILTER (WHERE " X "_avg >= 3.60::real"	\
    "   AND " X "_avg < 4.03::real),"					\
    "  " SIGN " * count(*) FILTER (WHERE " X "_avg >= 3.10::real"	\
    "   AND " X "_avg < 3.60::real),"					\
    "  " SIGN " * count(*) FILTER (WHERE " X "_avg >= 2.58::real"	\
    "   AND " X "_avg < 3.10::real),"					\
    "  " SIGN " * count(*) FILTER (WHERE " X "_avg < 2.58::real),"	\
    "  " SIGN " * count(" X "_loss),"					\
    "  " SIGN " * coalesce(sum(" X "_loss::float8), 0),"		\
    "  " SIGN " * count(" X "_jit),"					\
    "  " SIGN " * coalesce(sum(" X "_jit::float8), 0)," REST		\
    " FROM q GROUP BY hour, node"
#define STORE_PG_ROLLUP_NOMOS_CALL(SIGN, R)				\
    "  " SIGN " * count(*) FILTER (WHERE NOT c_any"			\
    "   AND (ra = '" R "' OR rb = '" R "')),"
#define STORE_PG_ROLLUP_NOMOS_LEG(SIGN, L, R)				\
    "  " SIGN " * count(*) FILTER (WHERE " L " = '" R "'),"
#define STORE_PG_ROLLUP_LEG(SIGN, L)					\
    STORE_PG_ROLLUP_NOMOS_LEG(SIGN, L, "no_media")			\
    STORE_PG_ROLLUP_NOMOS_LEG(SIGN, L, "no_rtcp")			\
    STORE_PG_ROLLUP_NOMOS_LEG(SIGN, L, "too_short")			\
    STORE_PG_ROLLUP_NOMOS_LEG(SIGN, L, "no_reply")			\
    STORE_PG_ROLLUP_NOMOS_LEG(SIGN, L, "unknown")			\
    STORE_PG_ROLLUP_NOMOS_LEG(SIGN, L, "peer_no_rtcp")			\
    "  0, 0, 0, 0, 0, 0"
#define STORE_PG_ROLLUP_HIST(SIGN, SIDE, KIND, COL)			\
    " SELECT node, '" SIDE "', '" KIND "', hour, " COL ","		\
    "  " SIGN " * count(*) FROM q WHERE " COL " IS NOT NULL"		\
    "  GROUP BY hour, node, " COL

/*
 * The per-call figures of migration 013 (sql/postgresql/013_call_summary.sql)
 * from q, the contributions the same statement computes from the rows:
 * one more CTE of the statement that adds the batch's calls to the
 * rollups (STORE_PG_ROLLUP_IN), so the samples are read once. mos_worst
 * is the lowest of the six known averages and minima (least() skips
 * NULLs). Only rows that change are written; the call is found by its
 * whole key, part_at included, so the UPDATE probes one partition.
 */
#define STORE_PG_CALL_WORST						\
    "least(q.c_avg, q.c_min, q.a_avg, q.a_min, q.b_avg, q.b_min)"
#define STORE_PG_CALL_SET						\
    "d AS (UPDATE call AS u SET mos_average = q.c_avg,"		\
    "  mos_worst = " STORE_PG_CALL_WORST ", has_mos = q.c_any,"	\
    "  packetloss_pct_average = q.c_loss,"				\
    "  a_packetloss_pct_average = q.a_loss,"				\
    "  b_packetloss_pct_average = q.b_loss"				\
    " FROM q WHERE u.call_pk = q.call_pk AND u.part_at = q.part_at"	\
    "  AND (u.mos_average IS DISTINCT FROM q.c_avg"			\
    "  OR u.mos_worst IS DISTINCT FROM " STORE_PG_CALL_WORST		\
    "  OR u.has_mos IS DISTINCT FROM q.c_any"				\
    "  OR u.packetloss_pct_average IS DISTINCT FROM q.c_loss"		\
    "  OR u.a_packetloss_pct_average IS DISTINCT FROM q.a_loss"	\
    "  OR u.b_packetloss_pct_average IS DISTINCT FROM q.b_loss)),"

/*
 * A new call's figures from its record's staged samples (TABLE, grouped
 * by KEY, the record's key there), which are all of its samples: the
 * merge inserts them with the call, so the UPDATE above finds nothing to
 * change for it and the row gets no second version (the figures are
 * indexed: that UPDATE can never be a HOT update). A merged call keeps
 * its figures in the merge; the UPDATE then sets them from the rows.
 * Columns f_avg, f_worst, f_any, f_loss, f_a_loss, f_b_loss.
 */
#define STORE_PG_STG_FIGURE_LOSS(SCOPE)				\
    " max(packetloss_pct) FILTER (WHERE scope = '" SCOPE "'"		\
    "  AND kind = 'average' AND seq = 0)"
#define STORE_PG_STG_FIGURES(KEY, TABLE)				\
    "SELECT " KEY ","							\
    " max(mos) FILTER (WHERE scope = 'call' AND kind = 'average'"	\
    "  AND seq = 0) AS f_avg,"						\
    " min(mos) FILTER (WHERE kind IN ('average', 'min') AND seq = 0)"	\
    "  AS f_worst,"							\
    " coalesce(bool_or(mos IS NOT NULL), false) AS f_any,"		\
    STORE_PG_STG_FIGURE_LOSS("call") " AS f_loss,"			\
    STORE_PG_STG_FIGURE_LOSS("A") " AS f_a_loss,"			\
    STORE_PG_STG_FIGURE_LOSS("B") " AS f_b_loss"			\
    " FROM " TABLE " GROUP BY " KEY

/* The rollup statement; STORE_PG_ROLLUP_IN also sets the calls' figures
 * (the pass after the batch's merge: the copy from SQLite's too). */
#define STORE_PG_ROLLUP(SIGN, KEYS) STORE_PG_ROLLUP_WITH(SIGN, KEYS, "")
#define STORE_PG_ROLLUP_IN(KEYS)					\
    STORE_PG_ROLLUP_WITH("1", KEYS, STORE_PG_CALL_SET)
#define STORE_PG_ROLLUP_WITH(SIGN, KEYS, MORE)				\
    "WITH q AS MATERIALIZED (SELECT c.call_pk, c.part_at,"		\
    " date_trunc('hour', coalesce(c.start_time, c.received_at), 'UTC')" \
    "  AS hour, c.node,"						\
    " round(extract(epoch FROM c.end_time - c.answer_time), 3)::float8" \
    "  AS talk_s,"							\
    " round(extract(epoch FROM c.answer_time - c.start_time), 3)::float8" \
    "  AS ringing_s,"							\
    " la.mos_missing AS ra, lb.mos_missing AS rb,"			\
    " ca.mos AS c_avg, cn.mos AS c_min, ca.packetloss_pct AS c_loss,"	\
    " ca.jitter_ms AS c_jit, coalesce(ca.mos, cn.mos) IS NOT NULL"	\
    STORE_PG_ROLLUP_ANY("") " AS c_any,"				\
    " aa.mos AS a_avg, an.mos AS a_min, aa.packetloss_pct AS a_loss,"	\
    " aa.jitter_ms AS a_jit, coalesce(aa.mos, an.mos) IS NOT NULL"	\
    STORE_PG_ROLLUP_ANY(" AND p.scope = 'A'") " AS a_any,"		\
    " ba.mos AS b_avg, bn.mos AS b_min, ba.packetloss_pct AS b_loss,"	\
    " ba.jitter_ms AS b_jit, coalesce(ba.mos, bn.mos) IS NOT NULL"	\
    STORE_PG_ROLLUP_ANY(" AND p.scope = 'B'") " AS b_any"		\
    " FROM (" KEYS ") AS kk JOIN call AS c ON c.call_pk = kk.call_pk"	\
    "  AND c.part_at = kk.part_at"					\
    " LEFT JOIN leg AS la ON la.call_pk = c.call_pk"			\
    "  AND la.part_at = c.part_at AND la.side = 'A'"			\
    " LEFT JOIN leg AS lb ON lb.call_pk = c.call_pk"			\
    "  AND lb.part_at = c.part_at AND lb.side = 'B'"			\
    STORE_PG_ROLLUP_ONE("ca", "call", "average")			\
    STORE_PG_ROLLUP_ONE("cn", "call", "min")				\
    STORE_PG_ROLLUP_ONE("aa", "A", "average")				\
    STORE_PG_ROLLUP_ONE("an", "A", "min")				\
    STORE_PG_ROLLUP_ONE("ba", "B", "average")				\
    STORE_PG_ROLLUP_ONE("bn", "B", "min")				\
    ")," MORE								\
    "h AS (INSERT INTO rollup_hour AS t"				\
    STORE_PG_ROLLUP_SIDE(SIGN, "call", "c",				\
     STORE_PG_ROLLUP_NOMOS_CALL(SIGN, "no_media")			\
     STORE_PG_ROLLUP_NOMOS_CALL(SIGN, "no_rtcp")			\
     STORE_PG_ROLLUP_NOMOS_CALL(SIGN, "too_short")			\
     STORE_PG_ROLLUP_NOMOS_CALL(SIGN, "no_reply")			\
     STORE_PG_ROLLUP_NOMOS_CALL(SIGN, "unknown")			\
     STORE_PG_ROLLUP_NOMOS_CALL(SIGN, "peer_no_rtcp")			\
     "  " SIGN " * count(talk_s), " SIGN " * coalesce(sum(talk_s), 0)," \
     "  " SIGN " * count(ringing_s),"					\
     "  " SIGN " * coalesce(sum(ringing_s), 0),"			\
     "  " SIGN " * count(*) FILTER (WHERE a_avg < b_avg),"		\
     "  " SIGN " * count(*) FILTER (WHERE b_avg < a_avg)")		\
    " UNION ALL" STORE_PG_ROLLUP_SIDE(SIGN, "A", "a",			\
     STORE_PG_ROLLUP_LEG(SIGN, "ra"))					\
    " UNION ALL" STORE_PG_ROLLUP_SIDE(SIGN, "B", "b",			\
     STORE_PG_ROLLUP_LEG(SIGN, "rb"))					\
    " ORDER BY 1, 2, 3"							\
    " ON CONFLICT (hour, node, side) DO UPDATE SET"			\
    "  calls = t.calls + excluded.calls,"				\
    "  calls_with_mos = t.calls_with_mos + excluded.calls_with_mos,"	\
    "  mos_calls = t.mos_calls + excluded.mos_calls,"			\
    "  mos_sum = t.mos_sum + excluded.mos_sum,"				\
    "  band_very_satisfied = t.band_very_satisfied"			\
    "   + excluded.band_very_satisfied,"				\
    "  band_satisfied = t.band_satisfied + excluded.band_satisfied,"	\
    "  band_some_dissatisfied = t.band_some_dissatisfied"		\
    "   + excluded.band_some_dissatisfied,"				\
    "  band_many_dissatisfied = t.band_many_dissatisfied"		\
    "   + excluded.band_many_dissatisfied,"				\
    "  band_nearly_all_dissatisfied = t.band_nearly_all_dissatisfied"	\
    "   + excluded.band_nearly_all_dissatisfied,"			\
    "  band_not_recommended = t.band_not_recommended"			\
    "   + excluded.band_not_recommended,"				\
    "  loss_calls = t.loss_calls + excluded.loss_calls,"		\
    "  loss_sum = t.loss_sum + excluded.loss_sum,"			\
    "  jitter_calls = t.jitter_calls + excluded.jitter_calls,"		\
    "  jitter_sum = t.jitter_sum + excluded.jitter_sum,"		\
    "  no_mos_no_media = t.no_mos_no_media + excluded.no_mos_no_media," \
    "  no_mos_no_rtcp = t.no_mos_no_rtcp + excluded.no_mos_no_rtcp,"	\
    "  no_mos_too_short = t.no_mos_too_short + excluded.no_mos_too_short," \
    "  no_mos_no_reply = t.no_mos_no_reply + excluded.no_mos_no_reply," \
    "  no_mos_unknown = t.no_mos_unknown + excluded.no_mos_unknown,"	\
    "  no_mos_peer_no_rtcp = t.no_mos_peer_no_rtcp"			\
    "   + excluded.no_mos_peer_no_rtcp,"				\
    "  talk_calls = t.talk_calls + excluded.talk_calls,"		\
    "  talk_s = t.talk_s + excluded.talk_s,"				\
    "  ringing_calls = t.ringing_calls + excluded.ringing_calls,"	\
    "  ringing_s = t.ringing_s + excluded.ringing_s,"			\
    "  a_worse = t.a_worse + excluded.a_worse,"				\
    "  b_worse = t.b_worse + excluded.b_worse)"				\
    " INSERT INTO rollup_mos AS t (node, side, kind, hour, mos, calls)"	\
    STORE_PG_ROLLUP_HIST(SIGN, "call", "average", "c_avg") " UNION ALL" \
    STORE_PG_ROLLUP_HIST(SIGN, "call", "min", "c_min") " UNION ALL"	\
    STORE_PG_ROLLUP_HIST(SIGN, "A", "average", "a_avg") " UNION ALL"	\
    STORE_PG_ROLLUP_HIST(SIGN, "B", "average", "b_avg")		\
    " ORDER BY 1, 2, 3, 4, 5"						\
    " ON CONFLICT (node, side, kind, hour, mos) DO UPDATE SET"		\
    "  calls = t.calls + excluded.calls"

#endif
