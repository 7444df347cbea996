/*
 * store_sqlite_sql.h: the SQL text of the SQLite back end's upserts and
 * connection settings. store_sqlite.c runs them; the benchmark's raw
 * baseline (tests/bench/baseline_sqlite.c) runs the very same text, so the
 * comparison cannot drift. Plain strings, and the one function that
 * joins the samples' parts: no sqlite3.h here.
 */
#ifndef MOSCDR_STORE_SQLITE_SQL_H
#define MOSCDR_STORE_SQLITE_SQL_H

#include <string.h>

/*
 * Page size of a new database file (takes effect only when the file is
 * created). Measured to 1 M calls: 8 KiB and 16 KiB pages were no faster
 * than SQLite's 4 KiB default, so the default is kept, explicitly.
 */
#ifndef STORE_SQLITE_PAGE_SIZE
#define STORE_SQLITE_PAGE_SIZE	4096
#endif

/*
 * Pages in the WAL before an automatic checkpoint. Larger than SQLite's
 * 1000 so checkpoints are fewer and copy more pages at once (measured a
 * little faster over 300 k messages); journal_size_limit keeps the WAL
 * file itself under 64 MiB after a checkpoint.
 */
#ifndef STORE_SQLITE_WAL_PAGES
#define STORE_SQLITE_WAL_PAGES	4000
#endif

#define STORE_SQLITE_STR(x)	STORE_SQLITE_STR2(x)
#define STORE_SQLITE_STR2(x)	#x

/* Settings of every connection; cache_size comes from the config. */
#define STORE_SQLITE_PRAGMAS \
	"PRAGMA page_size = " /* only on a new file */ \
	    STORE_SQLITE_STR(STORE_SQLITE_PAGE_SIZE), \
	"PRAGMA journal_mode = WAL", \
	"PRAGMA synchronous = NORMAL", \
	"PRAGMA foreign_keys = ON", \
	"PRAGMA temp_store = MEMORY", \
	"PRAGMA wal_autocheckpoint = " STORE_SQLITE_STR(STORE_SQLITE_WAL_PAGES), \
	"PRAGMA journal_size_limit = 67108864"

/*
 * The writer's statements run without foreign-key checks: every leg and
 * sample a batch writes takes its call_pk from its call's upsert in the
 * same transaction, so it cannot point at a missing call, and the check
 * (a probe of call per child row) bought nothing. Nothing of the writer
 * deletes a call but retention, which turns the checks on around its
 * transaction so that legs and samples follow by ON DELETE CASCADE.
 * (The pragma is compiled into the statements: changing it makes SQLite
 * prepare them again, so it is switched per purge, not per batch.)
 */
#define STORE_SQLITE_SQL_FK_OFF "PRAGMA foreign_keys = OFF"
#define STORE_SQLITE_SQL_FK_ON "PRAGMA foreign_keys = ON"

/* A message's call: the merge rules (docs/schema.md, "Merge rules"). */
#define STORE_SQLITE_SQL_CALL \
	"INSERT INTO call (node, call_id, from_tag, to_tag, from_uri," \
	" to_uri, sip_code, sip_reason, start_time, end_time," \
	" received_at, updated_at, messages, extra, answer_time)" \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, 1, ?12," \
	" ?13)" \
	" ON CONFLICT (call_id, node) DO UPDATE SET" \
	" from_tag = COALESCE(excluded.from_tag, from_tag)," \
	" to_tag = COALESCE(excluded.to_tag, to_tag)," \
	" from_uri = COALESCE(excluded.from_uri, from_uri)," \
	" to_uri = COALESCE(excluded.to_uri, to_uri)," \
	" sip_code = COALESCE(excluded.sip_code, sip_code)," \
	" sip_reason = COALESCE(excluded.sip_reason, sip_reason)," \
	" start_time = COALESCE(excluded.start_time, start_time)," \
	" end_time = COALESCE(excluded.end_time, end_time)," \
	" answer_time = COALESCE(excluded.answer_time, answer_time)," \
	" received_at = min(received_at, excluded.received_at)," \
	" updated_at = excluded.updated_at," \
	" messages = messages + 1," \
	" extra = CASE WHEN excluded.extra IS NULL THEN extra" \
	"  WHEN extra IS NULL THEN excluded.extra" \
	"  ELSE json_patch(extra, excluded.extra) END"
/*
 * The call's key and message count when the upsert merged (store_sqlite.c
 * takes a new row's key from sqlite3_last_insert_rowid(); RETURNING costs
 * SQLite an ephemeral table per row). The benchmark's raw baseline still
 * uses RETURNING (STORE_SQLITE_SQL_CALL_RETURNING).
 */
#define STORE_SQLITE_SQL_CALL_KEY \
	"SELECT call_pk, messages FROM call WHERE call_id = ?1 AND node = ?2"
#define STORE_SQLITE_SQL_CALL_RETURNING \
	STORE_SQLITE_SQL_CALL " RETURNING call_pk, messages"

/*
 * A leg: label and media facts merge like every column; mos_missing as
 * docs/schema.md says (a MOS once seen clears it, 'no_reply' never
 * replaces a reason decided from a reply).
 */
#define STORE_SQLITE_SQL_LEG \
	"INSERT INTO leg (call_pk, side, label, rtp_packets, rtp_bytes," \
	" rtp_errors, rtcp_packets, remote_addr, remote_port, protocol, codec," \
	" ssrc, last_packet, mos_missing)" \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)" \
	" ON CONFLICT (call_pk, side) DO UPDATE SET" \
	" label = COALESCE(excluded.label, label)," \
	" rtp_packets = COALESCE(excluded.rtp_packets, rtp_packets)," \
	" rtp_bytes = COALESCE(excluded.rtp_bytes, rtp_bytes)," \
	" rtp_errors = COALESCE(excluded.rtp_errors, rtp_errors)," \
	" rtcp_packets = COALESCE(excluded.rtcp_packets, rtcp_packets)," \
	" remote_addr = COALESCE(excluded.remote_addr, remote_addr)," \
	" remote_port = COALESCE(excluded.remote_port, remote_port)," \
	" protocol = COALESCE(excluded.protocol, protocol)," \
	" codec = COALESCE(excluded.codec, codec)," \
	" ssrc = COALESCE(excluded.ssrc, ssrc)," \
	" last_packet = COALESCE(excluded.last_packet, last_packet)," \
	" mos_missing = CASE WHEN excluded.mos_missing IS NULL" \
	"  OR mos_missing IS NULL THEN NULL" \
	"  WHEN excluded.mos_missing = 'no_reply' THEN mos_missing" \
	"  ELSE excluded.mos_missing END"

/*
 * A call's samples: HEAD, then one SAMPLE_ROW per sample (12 parameters
 * each, numbered in order), then TAIL. store_sqlite.c writes up to
 * STORE_SQLITE_SAMPLE_ROWS of them per statement; SAMPLE is the
 * statement of one.
 */
#define STORE_SQLITE_SQL_SAMPLE_HEAD \
	"INSERT INTO mos_sample (call_pk, scope, kind, seq, mos," \
	" packetloss_pct, jitter_ms, roundtrip_us, roundtrip_leg_us," \
	" samples, at_offset_s, reported_at) VALUES "
#define STORE_SQLITE_SQL_SAMPLE_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define STORE_SQLITE_SQL_SAMPLE_TAIL \
	" ON CONFLICT (call_pk, scope, kind, seq) DO UPDATE SET" \
	" mos = COALESCE(excluded.mos, mos)," \
	" packetloss_pct = COALESCE(excluded.packetloss_pct, packetloss_pct)," \
	" jitter_ms = COALESCE(excluded.jitter_ms, jitter_ms)," \
	" roundtrip_us = COALESCE(excluded.roundtrip_us, roundtrip_us)," \
	" roundtrip_leg_us = COALESCE(excluded.roundtrip_leg_us," \
	"  roundtrip_leg_us)," \
	" samples = COALESCE(excluded.samples, samples)," \
	" at_offset_s = COALESCE(excluded.at_offset_s, at_offset_s)," \
	" reported_at = COALESCE(excluded.reported_at, reported_at)"
#define STORE_SQLITE_SQL_SAMPLE \
	STORE_SQLITE_SQL_SAMPLE_HEAD STORE_SQLITE_SQL_SAMPLE_ROW \
	STORE_SQLITE_SQL_SAMPLE_TAIL
#define STORE_SQLITE_SAMPLE_PARAMS	12
/* Samples per statement at most (the load generator's have 9 or 29). */
#define STORE_SQLITE_SAMPLE_ROWS	16
/* The size of the text of STORE_SQLITE_SAMPLE_ROWS samples, NUL included. */
#define STORE_SQLITE_SQL_SAMPLES_LEN \
	(sizeof(STORE_SQLITE_SQL_SAMPLE_HEAD) + STORE_SQLITE_SAMPLE_ROWS * \
	sizeof(STORE_SQLITE_SQL_SAMPLE_ROW) + sizeof(STORE_SQLITE_SQL_SAMPLE_TAIL))

/*
 * Writes the statement of n samples (1 to STORE_SQLITE_SAMPLE_ROWS) into
 * sql, STORE_SQLITE_SQL_SAMPLES_LEN bytes: HEAD, n rows separated by
 * commas, TAIL. For store_sqlite.c and the raw baseline alike.
 */
static inline void
store_sqlite_sql_samples(char *sql, size_t n)
{
	static const char head[] = STORE_SQLITE_SQL_SAMPLE_HEAD;
	static const char row[] = STORE_SQLITE_SQL_SAMPLE_ROW;
	static const char tail[] = STORE_SQLITE_SQL_SAMPLE_TAIL;
	size_t i;

	memcpy(sql, head, sizeof(head) - 1);
	sql += sizeof(head) - 1;
	for (i = 0; i < n; i++) {
		if (i > 0)
			*sql++ = ',';
		memcpy(sql, row, sizeof(row) - 1);
		sql += sizeof(row) - 1;
	}
	memcpy(sql, tail, sizeof(tail));
}

/*
 * The rollups (sql/sqlite/006_rollup.sql). A pass over a set of calls:
 * their keys are in temp.moscdr_keys (one row per distinct call_id,
 * node); CONTRIB (a query) returns what each of them contributes, one row
 * per call with the three sides side by side, in the columns
 * store_sqlite_rollup.h numbers (SQLITE_RC_*). store_sqlite_rollup.c sums
 * those rows, times -1 or 1, per rollup key in memory; ADD_HOUR and
 * ADD_MOS then add each key's sum to its row, once per transaction.
 * The writer makes a pass with -1 before a batch's upserts (the touched
 * calls' current contributions come out; a new call has no row yet, so
 * nothing) and one with 1 after them (the new ones go in).
 *
 * The contribution of a call (docs/schema.md, "Rollups"): its hour is
 * that of the start time, else of the reception (as v_daily_quality's
 * day); per side ('call', 'A', 'B') the average and minimum MOS, the
 * average's packet loss and jitter, whether the side has any MOS (for
 * 'call': any MOS of the call, v_call_quality.has_mos), the legs'
 * mos_missing; the call's talk and ringing times.
 */
#define STORE_SQLITE_SQL_KEYS_TABLE \
	"CREATE TEMP TABLE IF NOT EXISTS moscdr_keys (call_id TEXT NOT NULL," \
	" node TEXT NOT NULL, PRIMARY KEY (call_id, node)) WITHOUT ROWID"
#define STORE_SQLITE_SQL_KEYS_CLEAR "DELETE FROM temp.moscdr_keys"
#define STORE_SQLITE_SQL_KEY \
	"INSERT OR IGNORE INTO temp.moscdr_keys (call_id, node) VALUES (?1, ?2)"

/* The calls of the batch that exist (their call_pk). */
#define STORE_SQLITE_SQL_KEYS_PK \
	"SELECT c.call_pk FROM temp.moscdr_keys AS k JOIN call AS c" \
	" ON c.call_id = k.call_id AND c.node = k.node"

/* The contributions of the calls KEYS (a query of call_pk) selects. */
#define STORE_SQLITE_SQL_ANY(SCOPE) \
	" OR EXISTS (SELECT 1 FROM mos_sample AS p WHERE p.call_pk = c.call_pk" \
	SCOPE " AND p.mos IS NOT NULL)"
#define STORE_SQLITE_SQL_ONE(A, SCOPE, KIND) \
	" LEFT JOIN mos_sample AS " A " ON " A ".call_pk = c.call_pk" \
	" AND " A ".scope = '" SCOPE "' AND " A ".kind = '" KIND "'" \
	" AND " A ".seq = 0"
#define STORE_SQLITE_SQL_CONTRIB(KEYS) \
	"SELECT c.call_pk," \
	" strftime('%Y-%m-%dT%H:00:00.000Z'," \
	"  coalesce(c.start_time, c.received_at))," \
	" c.node, round((julianday(c.end_time) - julianday(c.answer_time))" \
	"  * 86400.0, 3)," \
	" round((julianday(c.answer_time) - julianday(c.start_time))" \
	"  * 86400.0, 3)," \
	" la.mos_missing, lb.mos_missing," \
	" ca.mos, cn.mos, ca.packetloss_pct, ca.jitter_ms," \
	" coalesce(ca.mos, cn.mos) IS NOT NULL" STORE_SQLITE_SQL_ANY("") "," \
	" aa.mos, an.mos, aa.packetloss_pct, aa.jitter_ms," \
	" coalesce(aa.mos, an.mos) IS NOT NULL" \
	STORE_SQLITE_SQL_ANY(" AND p.scope = 'A'") "," \
	" ba.mos, bn.mos, ba.packetloss_pct, ba.jitter_ms," \
	" coalesce(ba.mos, bn.mos) IS NOT NULL" \
	STORE_SQLITE_SQL_ANY(" AND p.scope = 'B'") \
	" FROM call AS c" \
	" LEFT JOIN leg AS la ON la.call_pk = c.call_pk AND la.side = 'A'" \
	" LEFT JOIN leg AS lb ON lb.call_pk = c.call_pk AND lb.side = 'B'" \
	STORE_SQLITE_SQL_ONE("ca", "call", "average") \
	STORE_SQLITE_SQL_ONE("cn", "call", "min") \
	STORE_SQLITE_SQL_ONE("aa", "A", "average") \
	STORE_SQLITE_SQL_ONE("an", "A", "min") \
	STORE_SQLITE_SQL_ONE("ba", "B", "average") \
	STORE_SQLITE_SQL_ONE("bn", "B", "min") \
	" WHERE c.call_pk IN (" KEYS ")"

/*
 * One key's sums added to its row of rollup_hour: ?1 hour, ?2 node, ?3
 * side, then the columns from calls to b_worse in the table's order.
 */
#define STORE_SQLITE_SQL_ADD_HOUR \
	"INSERT INTO rollup_hour (hour, node, side, calls, calls_with_mos," \
	" mos_calls, mos_sum, band_very_satisfied, band_satisfied," \
	" band_some_dissatisfied, band_many_dissatisfied," \
	" band_nearly_all_dissatisfied, band_not_recommended, loss_calls," \
	" loss_sum, jitter_calls, jitter_sum, no_mos_no_media, no_mos_no_rtcp," \
	" no_mos_too_short, no_mos_no_reply, no_mos_unknown," \
	" no_mos_peer_no_rtcp, talk_calls, talk_s, ringing_calls, ringing_s," \
	" a_worse, b_worse)" \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14," \
	" ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28," \
	" ?29)" \
	" ON CONFLICT (hour, node, side) DO UPDATE SET" \
	" calls = calls + excluded.calls," \
	" calls_with_mos = calls_with_mos + excluded.calls_with_mos," \
	" mos_calls = mos_calls + excluded.mos_calls," \
	" mos_sum = mos_sum + excluded.mos_sum," \
	" band_very_satisfied = band_very_satisfied" \
	"  + excluded.band_very_satisfied," \
	" band_satisfied = band_satisfied + excluded.band_satisfied," \
	" band_some_dissatisfied = band_some_dissatisfied" \
	"  + excluded.band_some_dissatisfied," \
	" band_many_dissatisfied = band_many_dissatisfied" \
	"  + excluded.band_many_dissatisfied," \
	" band_nearly_all_dissatisfied = band_nearly_all_dissatisfied" \
	"  + excluded.band_nearly_all_dissatisfied," \
	" band_not_recommended = band_not_recommended" \
	"  + excluded.band_not_recommended," \
	" loss_calls = loss_calls + excluded.loss_calls," \
	" loss_sum = loss_sum + excluded.loss_sum," \
	" jitter_calls = jitter_calls + excluded.jitter_calls," \
	" jitter_sum = jitter_sum + excluded.jitter_sum," \
	" no_mos_no_media = no_mos_no_media + excluded.no_mos_no_media," \
	" no_mos_no_rtcp = no_mos_no_rtcp + excluded.no_mos_no_rtcp," \
	" no_mos_too_short = no_mos_too_short + excluded.no_mos_too_short," \
	" no_mos_no_reply = no_mos_no_reply + excluded.no_mos_no_reply," \
	" no_mos_unknown = no_mos_unknown + excluded.no_mos_unknown," \
	" no_mos_peer_no_rtcp = no_mos_peer_no_rtcp" \
	"  + excluded.no_mos_peer_no_rtcp," \
	" talk_calls = talk_calls + excluded.talk_calls," \
	" talk_s = talk_s + excluded.talk_s," \
	" ringing_calls = ringing_calls + excluded.ringing_calls," \
	" ringing_s = ringing_s + excluded.ringing_s," \
	" a_worse = a_worse + excluded.a_worse," \
	" b_worse = b_worse + excluded.b_worse"

/* One key's count added to its row of rollup_mos. */
#define STORE_SQLITE_SQL_ADD_MOS \
	"INSERT INTO rollup_mos (node, side, kind, hour, mos, calls)" \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)" \
	" ON CONFLICT (node, side, kind, hour, mos) DO UPDATE SET" \
	" calls = calls + excluded.calls"

/*
 * The per-call figures of migration 013 (sql/sqlite/013_call_summary.sql)
 * of one call (?1 call_pk), from what the rollup pass after the batch's
 * upserts has just read of its rows (store_sqlite_rollup.c), so the
 * samples are not read again: ?2 mos_average, ?3 mos_worst (the lowest
 * of the six known averages and minima, computed there), ?4 has_mos, ?5
 * to ?7 the call's and the sides' average losses. Only a row that
 * changes is written.
 */
#define STORE_SQLITE_SQL_CALL_SET \
	"UPDATE call SET mos_average = ?2, mos_worst = ?3, has_mos = ?4," \
	" packetloss_pct_average = ?5, a_packetloss_pct_average = ?6," \
	" b_packetloss_pct_average = ?7 WHERE call_pk = ?1" \
	" AND (mos_average IS NOT ?2 OR mos_worst IS NOT ?3" \
	"  OR has_mos IS NOT ?4 OR packetloss_pct_average IS NOT ?5" \
	"  OR a_packetloss_pct_average IS NOT ?6" \
	"  OR b_packetloss_pct_average IS NOT ?7)"

#endif
