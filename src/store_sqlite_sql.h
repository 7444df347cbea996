/*
 * store_sqlite_sql.h: the SQL text of the SQLite back end's upserts and
 * connection settings. store_sqlite.c runs them; the benchmark's raw
 * baseline (tests/bench/baseline_sqlite.c) runs the very same text, so the
 * comparison cannot drift. Plain strings: no sqlite3.h here.
 */
#ifndef MOSCDR_STORE_SQLITE_SQL_H
#define MOSCDR_STORE_SQLITE_SQL_H

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
	"  ELSE json_patch(extra, excluded.extra) END" \
	" RETURNING call_pk, messages"

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

#define STORE_SQLITE_SQL_SAMPLE \
	"INSERT INTO mos_sample (call_pk, scope, kind, seq, mos," \
	" packetloss_pct, jitter_ms, roundtrip_us, roundtrip_leg_us," \
	" samples, at_offset_s, reported_at)" \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)" \
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

#endif
