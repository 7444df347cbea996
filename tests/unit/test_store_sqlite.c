/*
 * test_store_sqlite.c: unit tests of the SQLite back end (store_sqlite.c)
 * against a real database file in a fresh temporary directory, read back
 * through the SQLite library itself: migrations, the merge rules, NULL
 * handling, the views and their columns, and the error classes.
 */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "migrate.h"
#include "record.h"
#include "store.h"
#include "test_rec.h"
#include "test_views.h"
#include "util.h"

/* 2026-11-27T07:18:31.000Z */
#define T0	1795763911.0

struct fixture {
	char dir[64];
	char path[96];
	struct store_config cfg;
	struct store *st;
	sqlite3 *db;		/* a second connection, to read back */
	char err[512];
};

/*
 * A message as Kamailio sends it for a completed call: every field, both
 * legs, and the nine samples (call, A, B x average, min, max) with values
 * derived from base so that each is distinct.
 */
static struct record *
rec_full(const char *node, const char *call_id, double received_at)
{
	struct record *r = rec_new(node, call_id, received_at);
	int sc, k;

	r->from_tag = xstrdup("ft1");
	r->to_tag = xstrdup("tt1");
	r->from_uri = xstrdup("sip:alice@example.org");
	r->to_uri = xstrdup("sip:bob@example.org");
	r->sip_code = 200;
	r->sip_reason = xstrdup("OK");
	r->start_time = T0;
	r->end_time = T0 + 65.25;
	r->extra = xstrdup("{\"x\":1}");
	r->legs[0].present = true;
	r->legs[0].label = xstrdup("caller");
	r->legs[1].present = true;
	r->legs[1].label = xstrdup("callee");
	for (sc = 0; sc < REC_SCOPE_COUNT; sc++)
		for (k = REC_KIND_AVERAGE; k <= REC_KIND_MAX; k++) {
			struct rec_sample *x = rec_sample_add(r, sc, k, 0);

			/* call avg 4.3, min 4.2, max 4.4; A 4.1..; B 3.9.. */
			x->mos = 4.3 - 0.2 * sc + (k == REC_KIND_MIN ? -0.1 :
			    k == REC_KIND_MAX ? 0.1 : 0.0);
			x->packetloss_pct = 0.5 + sc;
			x->jitter_ms = 3 + sc;
			x->roundtrip_us = 90858 + sc;
			x->roundtrip_leg_us = 40000 + sc;
			x->samples = 12 + sc;
			x->at_offset_s = k == REC_KIND_AVERAGE ? NAN : 5 + k;
		}
	return r;
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/test_store_sqlite.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/moscdr.db", f->dir);
	f->cfg.driver = "sqlite";
	f->cfg.path = f->path;
	f->cfg.busy_timeout_ms = 100;
	f->cfg.cache_kib = 2048;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	store_backend_sqlite.close(f->st);
	if (f->db != NULL)
		sqlite3_close(f->db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(f);
	return 0;
}

/* Opens and migrates the store and the read-back connection. */
static void
open_all(struct fixture *f)
{
	assert_int_equal(store_backend_sqlite.open(&f->cfg, &f->st, f->err,
	    sizeof(f->err)), STORE_OK);
	assert_int_equal(store_backend_sqlite.migrate(f->st, f->err,
	    sizeof(f->err)), STORE_OK);
	if (f->db == NULL) {
		assert_int_equal(sqlite3_open(f->path, &f->db), SQLITE_OK);
		sqlite3_busy_timeout(f->db, 1000);
	}
}

/* Writes recs as one batch, frees them, returns the status. */
static enum store_status
put(struct fixture *f, struct store_counts *c, size_t n, ...)
{
	struct record *recs[16];
	enum store_status s;
	va_list ap;
	size_t i;

	assert_true(n <= 16);
	va_start(ap, n);
	for (i = 0; i < n; i++)
		recs[i] = va_arg(ap, struct record *);
	va_end(ap);
	f->err[0] = '\0';
	s = store_backend_sqlite.put_batch(f->st, recs, n, c, f->err,
	    sizeof(f->err));
	for (i = 0; i < n; i++)
		record_free(recs[i]);
	return s;
}

/* Runs sql (one row expected) and returns a new statement on that row. */
static sqlite3_stmt * row(struct fixture *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static sqlite3_stmt *
row(struct fixture *f, const char *fmt, ...)
{
	sqlite3_stmt *stmt;
	char sql[1024];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	rc = sqlite3_prepare_v2(f->db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(f->db));
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW)
		fail_msg("%s: no row (%d)", sql, rc);
	return stmt;
}

static int64_t
q_int(struct fixture *f, const char *sql)
{
	sqlite3_stmt *s = row(f, "%s", sql);
	int64_t v;

	assert_int_equal(sqlite3_column_type(s, 0), SQLITE_INTEGER);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static double
q_real(struct fixture *f, const char *sql)
{
	sqlite3_stmt *s = row(f, "%s", sql);
	double v;

	assert_int_equal(sqlite3_column_type(s, 0), SQLITE_FLOAT);
	v = sqlite3_column_double(s, 0);
	sqlite3_finalize(s);
	return v;
}

static bool
q_null(struct fixture *f, const char *sql)
{
	sqlite3_stmt *s = row(f, "%s", sql);
	bool v = sqlite3_column_type(s, 0) == SQLITE_NULL;

	sqlite3_finalize(s);
	return v;
}

/* Asserts the single text value of sql equals want. */
static void
q_text_eq(struct fixture *f, const char *sql, const char *want)
{
	sqlite3_stmt *s = row(f, "%s", sql);
	const char *got = (const char *)sqlite3_column_text(s, 0);

	if (got == NULL || strcmp(got, want) != 0)
		fail_msg("%s: got '%s', want '%s'", sql, got ? got : "NULL",
		    want);
	sqlite3_finalize(s);
}

/* Proves: migrate creates the version row, every table and view, in WAL
 * mode, and a second open + migrate changes nothing. */
static void
test_migrate_creates_and_is_idempotent(void **state)
{
	struct fixture *f = *state;
	const char *names[] = { "moscdr_schema_version", "call", "leg",
	    "mos_sample", "v_call_quality", "v_leg_quality", "v_daily_quality",
	    "v_poor_calls" };
	const struct migration *m;
	size_t i, n = migrate_list("sqlite", &m);
	char sql[256];

	assert_true(n >= 2);
	open_all(f);
	assert_int_equal(q_int(f, "SELECT max(version) FROM "
	    "moscdr_schema_version"), migrate_latest("sqlite"));
	assert_int_equal(q_int(f, "SELECT count(*) FROM moscdr_schema_version"),
	    (int64_t)n);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM sqlite_schema "
		    "WHERE name = '%s'", names[i]);
		if (q_int(f, sql) != 1)
			fail_msg("%s missing", names[i]);
	}
	q_text_eq(f, "PRAGMA journal_mode", "wal");
	/* applied_at is the schema's time text. */
	assert_int_equal(q_int(f, "SELECT count(*) FROM moscdr_schema_version "
	    "WHERE applied_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
	    "[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'"), (int64_t)n);

	store_backend_sqlite.close(f->st);
	f->st = NULL;
	open_all(f);
	assert_int_equal(q_int(f, "SELECT count(*) FROM moscdr_schema_version"),
	    (int64_t)n);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)), STORE_OK);
}

/* Proves: the views are applied when their text changed since the
 * database last ran them (an upgrade), and only then; a migration whose
 * version is not recorded is applied even below the highest recorded one
 * (a gap in the numbering); stored calls survive both. */
static void
test_migrate_views_and_gaps(void **state)
{
	struct fixture *f = *state;
	const struct migration *v = migrate_views("sqlite");
	char hash[MIGRATE_HASH_LEN], sql[256];

	assert_non_null(v);
	migrate_hash(v->sql, hash);
	open_all(f);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)), STORE_OK);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM moscdr_views "
	    "WHERE id = 1 AND hash = '%s'", hash);
	assert_int_equal(q_int(f, sql), 1);

	/* Same text: a view dropped by hand stays dropped. */
	assert_int_equal(sqlite3_exec(f->db, "DROP VIEW v_poor_calls", NULL,
	    NULL, NULL), SQLITE_OK);
	store_backend_sqlite.close(f->st);
	f->st = NULL;
	open_all(f);
	assert_int_equal(q_int(f, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name = 'v_poor_calls'"), 0);

	/* Another text recorded (an older release), and version 3 not
	 * recorded: both are applied at the next start. */
	assert_int_equal(sqlite3_exec(f->db, "UPDATE moscdr_views SET hash = "
	    "'older'; DELETE FROM moscdr_schema_version WHERE version = 3; "
	    "DROP INDEX call_retention", NULL, NULL, NULL), SQLITE_OK);
	store_backend_sqlite.close(f->st);
	f->st = NULL;
	open_all(f);
	assert_int_equal(q_int(f, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name IN ('v_poor_calls', 'call_retention')"), 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM moscdr_schema_version "
	    "WHERE version = 3"), 1);
	assert_int_equal(q_int(f, sql), 1);
	assert_int_equal(q_int(f, "SELECT count(*) FROM v_call_quality "
	    "WHERE call_id = 'c1'"), 1);
}

/* Proves: a database stamped by a newer moscdrd is refused, with the
 * message an operator needs, and is left as it was. */
static void
test_migrate_refuses_newer(void **state)
{
	struct fixture *f = *state;
	int latest = migrate_latest("sqlite");
	char sql[256], want[160];

	open_all(f);
	snprintf(sql, sizeof(sql), "INSERT INTO moscdr_schema_version VALUES "
	    "(%d, '2030-01-01T00:00:00.000Z')", latest + 1);
	assert_int_equal(sqlite3_exec(f->db, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	store_backend_sqlite.close(f->st);
	f->st = NULL;

	assert_int_equal(store_backend_sqlite.open(&f->cfg, &f->st, f->err,
	    sizeof(f->err)), STORE_OK);
	assert_int_equal(store_backend_sqlite.migrate(f->st, f->err,
	    sizeof(f->err)), STORE_REJECT);
	snprintf(want, sizeof(want), "database schema version %d is newer "
	    "than this moscdrd (%d): upgrade moscdrd", latest + 1, latest);
	if (strstr(f->err, want) == NULL)
		fail_msg("message: %s", f->err);
	assert_int_equal(q_int(f, "SELECT max(version) FROM "
	    "moscdr_schema_version"), latest + 1);
	/* Not migrated, so it must not write either. */
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)),
	    STORE_REJECT);
}

/* Proves: one message is stored with every value in its documented
 * unit and type, and the counts say one new call, 2 legs, 9 samples. */
static void
test_put_stores_units(void **state)
{
	struct fixture *f = *state;
	struct store_counts c = { 0, 0, 0, 0, NULL };

	open_all(f);
	assert_int_equal(put(f, &c, 1, rec_full("n1", "c1", T0 + 70.5)),
	    STORE_OK);
	assert_int_equal(c.calls_new, 1);
	assert_int_equal(c.calls_merged, 0);
	assert_int_equal(c.legs, 2);
	assert_int_equal(c.samples, 9);

	q_text_eq(f, "SELECT node || '|' || call_id || '|' || from_tag || '|' "
	    "|| to_tag || '|' || from_uri || '|' || to_uri || '|' || sip_reason "
	    "FROM call", "n1|c1|ft1|tt1|sip:alice@example.org|"
	    "sip:bob@example.org|OK");
	assert_int_equal(q_int(f, "SELECT sip_code FROM call"), 200);
	q_text_eq(f, "SELECT start_time FROM call", "2026-11-27T07:18:31.000Z");
	q_text_eq(f, "SELECT end_time FROM call", "2026-11-27T07:19:36.250Z");
	q_text_eq(f, "SELECT received_at FROM call",
	    "2026-11-27T07:19:41.500Z");
	q_text_eq(f, "SELECT updated_at FROM call", "2026-11-27T07:19:41.500Z");
	assert_float_equal(q_real(f, "SELECT duration_s FROM call"), 65.25,
	    1e-9);
	assert_int_equal(q_int(f, "SELECT messages FROM call"), 1);
	q_text_eq(f, "SELECT extra FROM call", "{\"x\":1}");
	q_text_eq(f, "SELECT group_concat(side || '=' || label, ',') FROM "
	    "(SELECT * FROM leg ORDER BY side)", "A=caller,B=callee");

	assert_int_equal(q_int(f, "SELECT count(*) FROM mos_sample"), 9);
	assert_float_equal(q_real(f, "SELECT mos FROM mos_sample WHERE "
	    "scope = 'call' AND kind = 'average'"), 4.3, 1e-9);
	assert_float_equal(q_real(f, "SELECT mos FROM mos_sample WHERE "
	    "scope = 'B' AND kind = 'min'"), 3.8, 1e-9);
	assert_float_equal(q_real(f, "SELECT packetloss_pct FROM mos_sample "
	    "WHERE scope = 'A' AND kind = 'average'"), 1.5, 1e-9);
	assert_float_equal(q_real(f, "SELECT jitter_ms FROM mos_sample "
	    "WHERE scope = 'call' AND kind = 'average'"), 3.0, 1e-9);
	assert_int_equal(q_int(f, "SELECT roundtrip_us FROM mos_sample "
	    "WHERE scope = 'call' AND kind = 'average'"), 90858);
	assert_int_equal(q_int(f, "SELECT roundtrip_leg_us FROM mos_sample "
	    "WHERE scope = 'B' AND kind = 'average'"), 40002);
	assert_int_equal(q_int(f, "SELECT samples FROM mos_sample "
	    "WHERE scope = 'A' AND kind = 'max'"), 13);
	assert_int_equal(q_int(f, "SELECT at_offset_s FROM mos_sample "
	    "WHERE scope = 'call' AND kind = 'max'"), 7);
	assert_true(q_null(f, "SELECT at_offset_s FROM mos_sample "
	    "WHERE scope = 'call' AND kind = 'average'"));
	assert_int_equal(q_int(f, "SELECT count(*) FROM mos_sample "
	    "WHERE seq <> 0 OR reported_at IS NOT NULL"), 0);
}

/* Proves: the same message twice is one call with messages = 2; the
 * counts say new, then merged; received_at keeps the earliest and
 * updated_at follows the latest; extra is patched, not replaced. */
static void
test_merge_same_record_twice(void **state)
{
	struct fixture *f = *state;
	struct store_counts c1 = { 0, 0, 0, 0, NULL }, c2 = { 0, 0, 0, 0, NULL };
	struct record *r;

	open_all(f);
	assert_int_equal(put(f, &c1, 1, rec_full("n1", "c1", T0 + 100)),
	    STORE_OK);
	r = rec_full("n1", "c1", T0 + 90);
	free(r->extra);
	r->extra = xstrdup("{\"y\":2}");
	assert_int_equal(put(f, &c2, 1, r), STORE_OK);
	assert_int_equal(c1.calls_new, 1);
	assert_int_equal(c1.calls_merged, 0);
	assert_int_equal(c2.calls_new, 0);
	assert_int_equal(c2.calls_merged, 1);
	assert_int_equal(c2.samples, 9);
	assert_int_equal(q_int(f, "SELECT count(*) FROM call"), 1);
	assert_int_equal(q_int(f, "SELECT messages FROM call"), 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM leg"), 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM mos_sample"), 9);
	q_text_eq(f, "SELECT received_at FROM call",
	    "2026-11-27T07:20:01.000Z");
	/* A third message, later: received_at stays, updated_at moves. */
	assert_int_equal(put(f, NULL, 1, rec_new("n1", "c1", T0 + 120)),
	    STORE_OK);
	q_text_eq(f, "SELECT received_at FROM call",
	    "2026-11-27T07:20:01.000Z");
	q_text_eq(f, "SELECT updated_at FROM call", "2026-11-27T07:20:31.000Z");
	assert_int_equal(q_int(f, "SELECT messages FROM call"), 3);
	assert_int_equal(q_int(f, "SELECT json_extract(extra, '$.x') * 10 + "
	    "json_extract(extra, '$.y') FROM call"), 12);
}

/* Proves: a later message with every MOS value unknown and fewer fields
 * erases nothing that is known. */
static void
test_merge_nan_does_not_erase(void **state)
{
	struct fixture *f = *state;
	struct record *r;
	int sc, k;

	open_all(f);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)), STORE_OK);
	r = rec_new("n1", "c1", T0 + 5);
	r->legs[0].present = true;	/* a leg sent without its label */
	for (sc = 0; sc < REC_SCOPE_COUNT; sc++)
		for (k = REC_KIND_AVERAGE; k <= REC_KIND_MAX; k++)
			rec_sample_add(r, sc, k, 0);
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);

	assert_int_equal(q_int(f, "SELECT messages FROM call"), 2);
	q_text_eq(f, "SELECT from_tag || to_tag || from_uri || to_uri || "
	    "sip_code || sip_reason || start_time || end_time || extra "
	    "FROM call", "ft1tt1sip:alice@example.orgsip:bob@example.org200OK"
	    "2026-11-27T07:18:31.000Z2026-11-27T07:19:36.250Z{\"x\":1}");
	q_text_eq(f, "SELECT label FROM leg WHERE side = 'A'", "caller");
	assert_int_equal(q_int(f, "SELECT count(*) FROM mos_sample WHERE "
	    "mos IS NULL OR packetloss_pct IS NULL OR jitter_ms IS NULL OR "
	    "roundtrip_us IS NULL OR roundtrip_leg_us IS NULL OR "
	    "samples IS NULL"), 0);
	assert_float_equal(q_real(f, "SELECT mos_average FROM v_call_quality"),
	    4.3, 1e-9);
	assert_int_equal(q_int(f, "SELECT mos_max_at_s FROM v_call_quality"),
	    7);
}

/*
 * Proves: a leg's media facts are stored with their units (0 stays 0,
 * unknown stays NULL), and the reason merges by its rule: no_reply
 * never replaces a reason from a reply, a MOS clears it for good.
 */
static void
test_leg_media(void **state)
{
	struct fixture *f = *state;
	struct record *r;

	open_all(f);
	r = rec_new("n1", "c1", T0);
	leg_media(r, REC_MISSING_NO_RTCP);
	r->legs[1].present = true;
	r->legs[1].mos_missing = REC_MISSING_NO_REPLY;
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	q_text_eq(f, "SELECT rtp_packets || '/' || rtp_bytes || '/' || "
	    "rtp_errors || '/' || rtcp_packets || '/' || remote_addr || ':' || "
	    "remote_port || '/' || protocol || '/' || codec || '/' || ssrc || "
	    "'/' || "
	    "last_packet || '/' || mos_missing FROM leg WHERE side = 'A'",
	    "1228/209296/0/0/192.168.1.108:59398/RTP/AVP/PCMU/8000/4006960018/"
	    "2026-11-27T07:19:31.000Z/no_rtcp");
	assert_int_equal(q_int(f, "SELECT count(*) FROM leg WHERE side = 'B' "
	    "AND rtp_packets IS NULL AND rtp_bytes IS NULL AND rtp_errors IS "
	    "NULL AND rtcp_packets IS NULL AND remote_addr IS NULL AND "
	    "remote_port IS NULL AND protocol IS NULL AND codec IS NULL AND "
	    "ssrc IS NULL AND "
	    "last_packet IS NULL AND mos_missing = 'no_reply'"), 1);

	/* The views: per leg, per call, per day, per remote address. */
	q_text_eq(f, "SELECT mos_missing || rtcp_packets FROM v_leg_quality "
	    "WHERE side = 'A'", "no_rtcp0");
	q_text_eq(f, "SELECT a_mos_missing || b_mos_missing || a_remote_addr "
	    "FROM v_call_quality", "no_rtcpno_reply192.168.1.108");
	q_text_eq(f, "SELECT share_no_mos_no_rtcp || '/' || "
	    "share_no_mos_no_reply || '/' || share_no_mos_no_media FROM "
	    "v_daily_quality", "1.0/1.0/0.0");
	q_text_eq(f, "SELECT group_concat(coalesce(remote_addr, '-') || ' ' "
	    "|| mos_missing || ' ' || calls, ',') FROM v_mos_missing_by_remote",
	    "192.168.1.108 no_rtcp 1,- no_reply 1");

	/* A retransmitted BYE: no reply, no values. */
	r = rec_new("n1", "c1", T0 + 1);
	r->legs[0].present = true;
	r->legs[0].mos_missing = REC_MISSING_NO_REPLY;
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	q_text_eq(f, "SELECT mos_missing || rtp_packets FROM leg "
	    "WHERE side = 'A'", "no_rtcp1228");

	/* A MOS arrives: the reason goes, and stays gone. */
	r = rec_new("n1", "c1", T0 + 2);
	r->legs[0].present = true;
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0, 4.1);
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	assert_true(q_null(f, "SELECT mos_missing FROM leg WHERE side = 'A'"));
	r = rec_new("n1", "c1", T0 + 3);
	leg_media(r, REC_MISSING_NO_RTCP);
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	assert_true(q_null(f, "SELECT mos_missing FROM leg WHERE side = 'A'"));
}

/*
 * Proves: every reason rec_missing_name() gives is stored as that name;
 * v_daily_quality's share of peer_no_rtcp and its talk and ringing
 * times (answer to end, start to answer, NULL times left out), and
 * v_mos_missing_by_remote's row for peer_no_rtcp.
 */
static void
test_daily_reasons_talk(void **state)
{
	struct fixture *f = *state;
	struct record *r;
	char cid[32], sql[160];
	int i;

	open_all(f);
	/* One call per reason, side A; start .. answer 2 s, answer .. end
	 * 10 s for the first, 20 s for the second, ... */
	for (i = 1; i < REC_MISSING_COUNT; i++) {
		snprintf(cid, sizeof(cid), "r%d", i);
		r = rec_new("n1", cid, T0 + i);
		r->start_time = T0;
		r->answer_time = T0 + 2;
		r->end_time = T0 + 2 + 10 * i;
		leg_media(r, (enum rec_missing)i);
		assert_int_equal(put(f, NULL, 1, r), STORE_OK);
		snprintf(sql, sizeof(sql), "SELECT mos_missing FROM leg JOIN "
		    "call USING (call_pk) WHERE call_id = '%s'", cid);
		q_text_eq(f, sql, rec_missing_name((enum rec_missing)i));
	}
	/* A call never answered: no talk, no ringing, still a call. */
	r = rec_new("n1", "unanswered", T0 + 50);
	r->start_time = T0 + 1;
	r->end_time = T0 + 9;
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	/* 6 reasons: talk 10 + 20 + ... + 60 s, 7 calls, 1 of 7 peer_no_rtcp */
	assert_int_equal(REC_MISSING_COUNT, 7);
	q_text_eq(f, "SELECT calls || '/' || round(share_no_mos_peer_no_rtcp"
	    " * 7, 6) || '/' || talk_s_total || '/' || talk_s_average || '/' "
	    "|| ringing_s_average FROM v_daily_quality",
	    "7/1.0/210.0/35.0/2.0");
	q_text_eq(f, "SELECT remote_addr || ' ' || calls || ' ' || legs FROM "
	    "v_mos_missing_by_remote WHERE mos_missing = 'peer_no_rtcp'",
	    "192.168.1.108 1 1");
}

/* Proves: a later message fills in values the first one lacked. */
static void
test_merge_fills_null(void **state)
{
	struct fixture *f = *state;
	struct record *r;

	open_all(f);
	r = rec_new("n1", "c1", T0);
	r->from_tag = xstrdup("ft1");
	r->legs[0].present = true;
	rec_sample_add(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0)->jitter_ms = 7;
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	assert_true(q_null(f, "SELECT to_tag FROM call"));
	assert_true(q_null(f, "SELECT label FROM leg"));
	assert_true(q_null(f, "SELECT mos FROM mos_sample"));

	r = rec_new("n1", "c1", T0 + 1);
	r->to_tag = xstrdup("tt1");
	r->sip_code = 486;
	r->legs[0].present = true;
	r->legs[0].label = xstrdup("caller");
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0, 3.7);
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);

	q_text_eq(f, "SELECT from_tag || to_tag FROM call", "ft1tt1");
	assert_int_equal(q_int(f, "SELECT sip_code FROM call"), 486);
	q_text_eq(f, "SELECT label FROM leg", "caller");
	assert_float_equal(q_real(f, "SELECT mos FROM mos_sample"), 3.7, 1e-9);
	assert_float_equal(q_real(f, "SELECT jitter_ms FROM mos_sample"), 7,
	    1e-9);
}

/* Proves: the key is (call_id, node): the same Call-ID seen by two nodes
 * is two calls. */
static void
test_two_nodes_two_calls(void **state)
{
	struct fixture *f = *state;
	struct store_counts c = { 0, 0, 0, 0, NULL };

	open_all(f);
	assert_int_equal(put(f, &c, 2, rec_full("n1", "c1", T0),
	    rec_full("n2", "c1", T0)), STORE_OK);
	assert_int_equal(c.calls_new, 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM call WHERE "
	    "call_id = 'c1' AND messages = 1"), 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM mos_sample"), 18);
	assert_int_equal(q_int(f, "SELECT count(*) FROM v_call_quality"), 2);
}

/* Proves: the same call twice in one batch merges in order. */
static void
test_same_call_in_one_batch(void **state)
{
	struct fixture *f = *state;
	unsigned char created[3] = { 9, 9, 9 };
	struct store_counts c = { 0, 0, 0, 0, created };
	struct record *r2 = rec_new("n1", "c1", T0 + 3);

	r2->sip_reason = xstrdup("Later");
	rec_sample_mos(r2, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 2.5);
	open_all(f);
	assert_int_equal(put(f, &c, 2, rec_full("n1", "c1", T0), r2),
	    STORE_OK);
	assert_int_equal(c.calls_new, 1);
	assert_int_equal(c.calls_merged, 1);
	/* The first inserted the call, the second merged into it. */
	assert_int_equal(created[0], 1);
	assert_int_equal(created[1], 0);
	/* A later batch: c1 merged, c2 new. */
	assert_int_equal(put(f, &c, 3, rec_new("n1", "c2", T0 + 4),
	    rec_new("n1", "c1", T0 + 4), rec_new("n1", "c2", T0 + 5)),
	    STORE_OK);
	assert_int_equal(created[0], 1);
	assert_int_equal(created[1], 0);
	assert_int_equal(created[2], 0);
	assert_int_equal(q_int(f, "SELECT count(*) FROM call"), 2);
	assert_int_equal(q_int(f, "SELECT messages FROM call WHERE"
	    " call_id = 'c1'"), 3);
	q_text_eq(f, "SELECT sip_reason FROM call WHERE call_id = 'c1'",
	    "Later");
	assert_float_equal(q_real(f, "SELECT mos_average FROM v_call_quality"
	    " WHERE call_id = 'c1'"), 2.5, 1e-9);
}

/* Proves: a value not sent is NULL in the table and in the view, not 0;
 * an explicit 0 is kept as 0. */
static void
test_null_stays_null(void **state)
{
	struct fixture *f = *state;
	struct record *r = rec_new("n1", "c1", T0);
	const char *cols[] = { "from_tag", "to_tag", "from_uri", "to_uri",
	    "sip_code", "sip_reason", "start_time", "end_time", "duration_s",
	    "mos_min", "mos_max", "mos_min_at_s", "mos_max_at_s",
	    "jitter_ms_average", "roundtrip_ms_average",
	    "roundtrip_leg_ms_average", "samples", "a_label", "a_mos_average",
	    "a_mos_min", "a_mos_max", "a_packetloss_pct_average",
	    "a_jitter_ms_average", "a_roundtrip_ms_average", "b_label",
	    "b_mos_average", "b_mos_min", "b_mos_max",
	    "b_packetloss_pct_average", "b_jitter_ms_average",
	    "b_roundtrip_ms_average", "answer_time", "ringing_s", "talk_s" };
	char sql[160];
	size_t i;

	rec_sample_add(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0)->mos = 4.0;
	r->samples[0].packetloss_pct = 0;
	open_all(f);
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	assert_true(q_null(f, "SELECT sip_code FROM call"));
	assert_true(q_null(f, "SELECT extra FROM call"));
	assert_true(q_null(f, "SELECT jitter_ms FROM mos_sample"));
	assert_true(q_null(f, "SELECT roundtrip_us FROM mos_sample"));
	assert_int_equal(q_int(f, "SELECT count(*) FROM leg"), 0);
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		snprintf(sql, sizeof(sql), "SELECT %s FROM v_call_quality",
		    cols[i]);
		if (!q_null(f, sql))
			fail_msg("%s is not NULL", cols[i]);
	}
	assert_float_equal(q_real(f, "SELECT packetloss_pct_average FROM "
	    "v_call_quality"), 0.0, 0.0);
	assert_int_equal(q_int(f, "SELECT has_mos FROM v_call_quality"), 1);
}

/* Asserts that view has exactly the columns want, in that order. */
static void
check_columns(struct fixture *f, const char *view, const char *const *want,
    int n)
{
	sqlite3_stmt *s;
	char sql[128];
	int i;

	snprintf(sql, sizeof(sql), "SELECT * FROM %s", view);
	assert_int_equal(sqlite3_prepare_v2(f->db, sql, -1, &s, NULL),
	    SQLITE_OK);
	if (sqlite3_column_count(s) != n)
		fail_msg("%s has %d columns, want %d", view,
		    sqlite3_column_count(s), n);
	for (i = 0; i < n; i++)
		if (strcmp(sqlite3_column_name(s, i), want[i]) != 0)
			fail_msg("%s column %d is %s, want %s", view, i,
			    sqlite3_column_name(s, i), want[i]);
	sqlite3_finalize(s);
}

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Proves: the views have the documented columns, in the documented order
 * (the contract shared with the PostgreSQL back end: test_views.h). */
static void
test_view_columns(void **state)
{
	struct fixture *f = *state;
	static const char *const call_q[] = { VIEW_COLS_CALL };
	static const char *const leg_q[] = { VIEW_COLS_LEG };
	static const char *const daily_q[] = { VIEW_COLS_DAILY };
	static const char *const hourly_q[] = { "hour", VIEW_COLS_QUALITY };
	static const char *const daily_rq[] = { "day", VIEW_COLS_QUALITY };
	static const char *const dist_q[] = { VIEW_COLS_DIST };
	static const char *const remote_q[] = { VIEW_COLS_REMOTE };

	open_all(f);
	check_columns(f, "v_call_quality", call_q, NELEM(call_q));
	check_columns(f, "v_leg_quality", leg_q, NELEM(leg_q));
	check_columns(f, "v_daily_quality", daily_q, NELEM(daily_q));
	check_columns(f, "v_poor_calls", call_q, NELEM(call_q));
	check_columns(f, "v_mos_missing_by_remote", remote_q,
	    NELEM(remote_q));
	check_columns(f, "v_quality_hourly", hourly_q, NELEM(hourly_q));
	check_columns(f, "v_quality_daily", daily_rq, NELEM(daily_rq));
	check_columns(f, "v_mos_distribution", dist_q, NELEM(dist_q));
}

/* Proves: quality_band follows the G.107 thresholds exactly at and just
 * under each boundary, and is NULL without a mos_average (also in
 * v_leg_quality). */
static void
test_quality_band_boundaries(void **state)
{
	struct fixture *f = *state;
	static const struct {
		double mos;
		const char *band;
	} cases[] = {
		{ 5.0, "very satisfied" },
		{ 4.34, "very satisfied" },
		{ 4.33, "satisfied" },
		{ 4.03, "satisfied" },
		{ 4.02, "some users dissatisfied" },
		{ 3.60, "some users dissatisfied" },
		{ 3.59, "many users dissatisfied" },
		{ 3.10, "many users dissatisfied" },
		{ 3.09, "nearly all users dissatisfied" },
		{ 2.58, "nearly all users dissatisfied" },
		{ 2.57, "not recommended" },
		{ 1.0, "not recommended" },
	};
	char id[16], sql[160];
	struct record *r;
	size_t i;

	open_all(f);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(id, sizeof(id), "c%zu", i);
		r = rec_new("n1", id, T0);
		r->legs[1].present = true;
		rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, cases[i].mos);
		rec_sample_mos(r, REC_SCOPE_B, REC_KIND_AVERAGE, 0, cases[i].mos);
		assert_int_equal(put(f, NULL, 1, r), STORE_OK);
		snprintf(sql, sizeof(sql), "SELECT quality_band FROM "
		    "v_call_quality WHERE call_id = '%s'", id);
		q_text_eq(f, sql, cases[i].band);
		snprintf(sql, sizeof(sql), "SELECT quality_band FROM "
		    "v_leg_quality WHERE call_id = '%s'", id);
		q_text_eq(f, sql, cases[i].band);
	}
	r = rec_new("n1", "nomos", T0);
	rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_MIN, 0, 2.0);
	assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	assert_true(q_null(f, "SELECT quality_band FROM v_call_quality "
	    "WHERE call_id = 'nomos'"));
}

/* Proves: mos_worst is the lowest known average or min of the call and
 * its sides, ignoring NULLs, maxima and progression points; has_mos is 1
 * when any MOS is known and 0 (not NULL) when none is. */
static void
test_mos_worst_has_mos(void **state)
{
	struct fixture *f = *state;
	struct record *r, *r2, *r3, *r4;
	struct rec_sample *x;

	open_all(f);
	r = rec_new("n1", "mixed", T0);
	rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.0);
	rec_sample_add(r, REC_SCOPE_CALL, REC_KIND_MIN, 0)->jitter_ms = 1;
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0, 3.2);
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_MAX, 0, 1.5);
	x = rec_sample_add(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 1);
	x->mos = 1.2;
	x->reported_at = T0 + 10;
	rec_sample_mos(r, REC_SCOPE_B, REC_KIND_MIN, 0, 3.4);
	r->legs[0].present = r->legs[1].present = true;

	r2 = rec_new("n1", "maxonly", T0);
	rec_sample_mos(r2, REC_SCOPE_B, REC_KIND_MAX, 0, 4.1);

	r3 = rec_new("n1", "none", T0);
	rec_sample_add(r3, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0)->jitter_ms = 2;

	r4 = rec_new("n1", "nosamples", T0);

	assert_int_equal(put(f, NULL, 4, r, r2, r3, r4), STORE_OK);
	assert_float_equal(q_real(f, "SELECT mos_worst FROM v_call_quality "
	    "WHERE call_id = 'mixed'"), 3.2, 1e-9);
	assert_int_equal(q_int(f, "SELECT has_mos FROM v_call_quality "
	    "WHERE call_id = 'mixed'"), 1);
	assert_true(q_null(f, "SELECT mos_worst FROM v_call_quality "
	    "WHERE call_id = 'maxonly'"));
	assert_int_equal(q_int(f, "SELECT has_mos FROM v_call_quality "
	    "WHERE call_id = 'maxonly'"), 1);
	assert_int_equal(q_int(f, "SELECT has_mos FROM v_call_quality "
	    "WHERE call_id = 'none'"), 0);
	assert_int_equal(q_int(f, "SELECT has_mos FROM v_call_quality "
	    "WHERE call_id = 'nosamples'"), 0);
	assert_true(q_null(f, "SELECT mos_worst FROM v_call_quality "
	    "WHERE call_id = 'nosamples'"));
	/* The progression point is stored and counted, per leg. */
	q_text_eq(f, "SELECT reported_at FROM mos_sample WHERE "
	    "kind = 'progression'", "2026-11-27T07:18:41.000Z");
	assert_int_equal(q_int(f, "SELECT progression_points FROM "
	    "v_leg_quality WHERE call_id = 'mixed' AND side = 'A'"), 1);
	assert_int_equal(q_int(f, "SELECT progression_points FROM "
	    "v_leg_quality WHERE call_id = 'mixed' AND side = 'B'"), 0);
	assert_float_equal(q_real(f, "SELECT mos_min FROM v_leg_quality "
	    "WHERE call_id = 'mixed' AND side = 'B'"), 3.4, 1e-9);
}

/* Proves: the views give round trips in milliseconds (us / 1000) and the
 * side columns come from the right side. */
static void
test_view_values(void **state)
{
	struct fixture *f = *state;

	open_all(f);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)), STORE_OK);
	assert_float_equal(q_real(f, "SELECT roundtrip_ms_average FROM "
	    "v_call_quality"), 90.858, 1e-9);
	assert_float_equal(q_real(f, "SELECT roundtrip_leg_ms_average FROM "
	    "v_call_quality"), 40.0, 1e-9);
	assert_float_equal(q_real(f, "SELECT a_roundtrip_ms_average FROM "
	    "v_call_quality"), 90.859, 1e-9);
	assert_float_equal(q_real(f, "SELECT b_roundtrip_ms_average FROM "
	    "v_call_quality"), 90.860, 1e-9);
	assert_float_equal(q_real(f, "SELECT roundtrip_leg_ms_average FROM "
	    "v_leg_quality WHERE side = 'B'"), 40.002, 1e-9);
	q_text_eq(f, "SELECT a_label || '/' || b_label FROM v_call_quality",
	    "caller/callee");
	assert_float_equal(q_real(f, "SELECT a_mos_min FROM v_call_quality"),
	    4.0, 1e-9);
	assert_float_equal(q_real(f, "SELECT b_mos_max FROM v_call_quality"),
	    4.0, 1e-9);
	assert_float_equal(q_real(f, "SELECT b_packetloss_pct_average FROM "
	    "v_call_quality"), 2.5, 1e-9);
	assert_float_equal(q_real(f, "SELECT a_jitter_ms_average FROM "
	    "v_call_quality"), 4.0, 1e-9);
	assert_int_equal(q_int(f, "SELECT samples FROM v_call_quality"), 12);
	assert_int_equal(q_int(f, "SELECT mos_min_at_s FROM v_call_quality"),
	    6);
	assert_float_equal(q_real(f, "SELECT mos_worst FROM v_call_quality"),
	    3.8, 1e-9);
	assert_float_equal(q_real(f, "SELECT duration_s FROM v_call_quality"),
	    65.25, 1e-9);
	q_text_eq(f, "SELECT quality_band FROM v_call_quality", "satisfied");
	assert_int_equal(q_int(f, "SELECT count(*) FROM v_leg_quality"), 2);
}

/* Proves: v_daily_quality groups by UTC day of start_time (else of
 * received_at) and node, and its counts, averages and shares are right. */
static void
test_daily_quality(void **state)
{
	struct fixture *f = *state;
	struct record *r[5];

	open_all(f);
	/* Day 1, n1: bands very satisfied, satisfied, none; 1 without MOS. */
	r[0] = rec_new("n1", "a", T0);
	r[0]->start_time = T0;
	rec_sample_mos(r[0], REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.4);
	rec_sample_mos(r[0], REC_SCOPE_CALL, REC_KIND_MIN, 0, 3.0);
	r[1] = rec_new("n1", "b", T0);
	r[1]->start_time = T0 + 60;
	rec_sample_mos(r[1], REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.1);
	rec_sample_mos(r[1], REC_SCOPE_CALL, REC_KIND_MIN, 0, 2.0);
	r[2] = rec_new("n1", "c", T0);	/* no start_time: day of receipt */
	rec_sample_mos(r[2], REC_SCOPE_A, REC_KIND_AVERAGE, 0, 3.0);
	r[3] = rec_new("n1", "d", T0);
	/* Day 2 (start next day, received the same): n1, one poor call. */
	r[4] = rec_new("n1", "e", T0);
	r[4]->start_time = T0 + 86400;
	rec_sample_mos(r[4], REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 2.0);
	assert_int_equal(put(f, NULL, 5, r[0], r[1], r[2], r[3], r[4]),
	    STORE_OK);
	assert_int_equal(put(f, NULL, 1, rec_new("n2", "x", T0)), STORE_OK);

	assert_int_equal(q_int(f, "SELECT count(*) FROM v_daily_quality"), 3);
	assert_int_equal(q_int(f, "SELECT calls FROM v_daily_quality "
	    "WHERE day = '2026-11-27' AND node = 'n1'"), 4);
	assert_int_equal(q_int(f, "SELECT calls_with_mos FROM v_daily_quality "
	    "WHERE day = '2026-11-27' AND node = 'n1'"), 3);
	assert_float_equal(q_real(f, "SELECT share_with_mos FROM "
	    "v_daily_quality WHERE day = '2026-11-27' AND node = 'n1'"), 0.75,
	    1e-9);
	assert_float_equal(q_real(f, "SELECT mos_average FROM v_daily_quality "
	    "WHERE day = '2026-11-27' AND node = 'n1'"), 4.25, 1e-9);
	assert_float_equal(q_real(f, "SELECT mos_min FROM v_daily_quality "
	    "WHERE day = '2026-11-27' AND node = 'n1'"), 2.0, 1e-9);
	assert_float_equal(q_real(f, "SELECT share_very_satisfied FROM "
	    "v_daily_quality WHERE day = '2026-11-27' AND node = 'n1'"), 0.5,
	    1e-9);
	assert_float_equal(q_real(f, "SELECT share_satisfied FROM "
	    "v_daily_quality WHERE day = '2026-11-27' AND node = 'n1'"), 0.5,
	    1e-9);
	assert_float_equal(q_real(f, "SELECT share_some_dissatisfied + "
	    "share_many_dissatisfied + share_nearly_all_dissatisfied + "
	    "share_not_recommended FROM v_daily_quality WHERE "
	    "day = '2026-11-27' AND node = 'n1'"), 0.0, 0.0);
	assert_float_equal(q_real(f, "SELECT share_not_recommended FROM "
	    "v_daily_quality WHERE day = '2026-11-28'"), 1.0, 0.0);
	/* A day without any band: shares unknown, not 0. */
	assert_int_equal(q_int(f, "SELECT calls_with_mos FROM v_daily_quality "
	    "WHERE node = 'n2'"), 0);
	assert_true(q_null(f, "SELECT share_satisfied FROM v_daily_quality "
	    "WHERE node = 'n2'"));
	assert_true(q_null(f, "SELECT mos_average FROM v_daily_quality "
	    "WHERE node = 'n2'"));
}

/* Proves: v_poor_calls lists exactly the calls with mos_worst < 3.6,
 * worst first. */
static void
test_poor_calls_order(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *id;
		double mos;
	} cases[] = {
		{ "p35", 3.5 }, { "ok40", 4.0 }, { "p20", 2.0 },
		{ "ok36", 3.6 }, { "p359", 3.59 },
	};
	struct record *r;
	size_t i;

	open_all(f);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = rec_new("n1", cases[i].id, T0);
		rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.2);
		rec_sample_mos(r, i % 2 ? REC_SCOPE_A : REC_SCOPE_B,
		    REC_KIND_MIN, 0, cases[i].mos);
		assert_int_equal(put(f, NULL, 1, r), STORE_OK);
	}
	assert_int_equal(put(f, NULL, 1, rec_new("n1", "nomos", T0)),
	    STORE_OK);
	q_text_eq(f, "SELECT group_concat(call_id, ',') FROM v_poor_calls",
	    "p20,p35,p359");
}

/* Proves: a record the schema refuses (a sample scope outside the enum)
 * is STORE_REJECT and takes the whole batch with it: nothing of it is
 * kept, and the store works afterwards. */
static void
test_reject_is_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	struct record *bad = rec_new("n1", "bad", T0);

	rec_sample_mos(bad, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.0);
	bad->samples[0].scope = 9;
	open_all(f);
	assert_int_equal(put(f, NULL, 2, rec_full("n1", "good", T0), bad),
	    STORE_REJECT);
	if (strncmp(f->err, "sqlite: ", 8) != 0 || strstr(f->err, "bad") ==
	    NULL)
		fail_msg("message: %s", f->err);
	assert_int_equal(q_int(f, "SELECT count(*) FROM call"), 0);
	assert_int_equal(q_int(f, "SELECT count(*) FROM mos_sample"), 0);
	assert_int_equal(store_backend_sqlite.ping(f->st, f->err,
	    sizeof(f->err)), STORE_OK);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "good", T0)),
	    STORE_OK);
	assert_int_equal(q_int(f, "SELECT messages FROM call"), 1);
}

/* Proves: a database locked by another writer is STORE_RETRY (for
 * put_batch and ping), nothing is half-written, and the same batch goes
 * through once the lock is gone. */
static void
test_locked_is_retry(void **state)
{
	struct fixture *f = *state;

	open_all(f);
	assert_int_equal(sqlite3_exec(f->db, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)),
	    STORE_RETRY);
	assert_non_null(strstr(f->err, "locked"));
	assert_int_equal(store_backend_sqlite.ping(f->st, f->err,
	    sizeof(f->err)), STORE_RETRY);
	assert_int_equal(sqlite3_exec(f->db, "COMMIT", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(q_int(f, "SELECT count(*) FROM call"), 0);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)), STORE_OK);
	assert_int_equal(q_int(f, "SELECT count(*) FROM call"), 1);
}

/* Proves: purge deletes only calls older than the cut (by start_time,
 * else received_at), oldest first, at most limit per call, with their legs
 * and samples, and reports how many. */
static void
test_purge(void **state)
{
	struct fixture *f = *state;
	struct record *r[4];
	uint64_t n = 99;
	int i;

	open_all(f);
	for (i = 0; i < 3; i++) {
		r[i] = rec_full("n1", "x", T0);
		free(r[i]->call_id);
		r[i]->call_id = xstrdup(i == 0 ? "old2" : i == 1 ? "old1" :
		    "new");
		r[i]->start_time = T0 - (i == 0 ? 200 : i == 1 ? 300 : 10);
	}
	/* No start time, received long ago: old by its reception. */
	r[3] = rec_new("n1", "nostart", T0 - 400);
	rec_sample_mos(r[3], REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.0);
	assert_int_equal(put(f, NULL, 4, r[0], r[1], r[2], r[3]), STORE_OK);

	assert_int_equal(store_backend_sqlite.purge(f->st, T0 - 100, 1, &n,
	    f->err, sizeof(f->err)), STORE_OK);
	assert_int_equal(n, 1);
	q_text_eq(f, "SELECT group_concat(call_id, ',') FROM (SELECT call_id "
	    "FROM call ORDER BY call_id)", "new,old1,old2");
	assert_int_equal(store_backend_sqlite.purge(f->st, T0 - 100, 10, &n,
	    f->err, sizeof(f->err)), STORE_OK);
	assert_int_equal(n, 2);
	q_text_eq(f, "SELECT group_concat(call_id, ',') FROM call", "new");
	assert_int_equal(q_int(f, "SELECT count(*) FROM leg"), 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM mos_sample"), 9);
	assert_int_equal(store_backend_sqlite.purge(f->st, T0 - 100, 10, &n,
	    f->err, sizeof(f->err)), STORE_OK);
	assert_int_equal(n, 0);
}

/*
 * The read-only case, run in a child: as root, file modes do not bind, so
 * the child first becomes an unprivileged user. Exits 0 when every check
 * holds, else the number of the failed check.
 */
static int
readonly_child(const char *path)
{
	struct store_config cfg = { "sqlite", path, NULL, 10, 1024, 0, 0,
	    0 };
	struct store *st = NULL;
	char err[512];

	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		return 10;
	if (access(path, W_OK) == 0)
		return 11;	/* the test would prove nothing */
	if (store_backend_sqlite.open(&cfg, &st, err, sizeof(err)) !=
	    STORE_RETRY)
		return 12;
	if (st != NULL)
		return 13;
	if (strstr(err, path) == NULL || strstr(err, "read-only") == NULL)
		return 14;
	return 0;
}

/* Proves: a database file the daemon may not write is STORE_RETRY with
 * a message naming it (the writer spools and opens again later), not a
 * crash, and not a REJECT that would drop data. */
static void
test_readonly_is_retry(void **state)
{
	struct fixture *f = *state;
	pid_t pid;
	int status;

	open_all(f);
	assert_int_equal(put(f, NULL, 1, rec_full("n1", "c1", T0)), STORE_OK);
	store_backend_sqlite.close(f->st);
	f->st = NULL;
	sqlite3_close(f->db);
	f->db = NULL;
	/* The directory stays writable; only the database file is not. */
	assert_int_equal(chmod(f->dir, 0777), 0);
	assert_int_equal(chmod(f->path, 0444), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(readonly_child(f->path));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/*
 * store_time_format() formats years 1970..9999 by hand: the same text
 * as gmtime_r() and snprintf() (store_time_format_general()) at the
 * edges of days, months, leap years and the range, and at a million
 * pseudo-random instants.
 */
static void
test_time_format_matches_gmtime(void **state)
{
	static const double edges[] = { 0.0, 0.0004, 0.9996, 59.9995,
		86399.9996, 951782400.0 /* 2000-02-29 */, 951868799.999,
		4107542400.0 /* 2100-03-01 */, 4107455999.5, 68169600.0,
		T0, T0 + 0.123, 253402300799.0, 253402300799.9996,
		253402300800.0, -0.0004, -1.5, -86400.25, 1e12 };
	char got[STORE_TIME_LEN], want[64];
	uint64_t x = 88172645463325252ULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		store_time_format_general(edges[i], want, sizeof(want));
		assert_string_equal(store_time_format(edges[i], got,
		    sizeof(got)), want);
	}
	for (i = 0; i < 1000000; i++) {
		double t;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		t = (double)(x % 2534023008000ULL) / 10000.0 *
		    (i % 2 == 0 ? 1.0 : 0.001);
		store_time_format_general(t, want, sizeof(want));
		store_time_format(t, got, sizeof(got));
		if (strcmp(got, want) != 0)
			fail_msg("%.6f: %s, want %s", t, got, want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_migrate_creates_and_is_idempotent),
		T(test_migrate_views_and_gaps),
		T(test_migrate_refuses_newer),
		T(test_put_stores_units),
		T(test_merge_same_record_twice),
		T(test_merge_nan_does_not_erase),
		T(test_merge_fills_null),
		T(test_leg_media),
		T(test_daily_reasons_talk),
		T(test_two_nodes_two_calls),
		T(test_same_call_in_one_batch),
		T(test_null_stays_null),
		T(test_view_columns),
		T(test_quality_band_boundaries),
		T(test_mos_worst_has_mos),
		T(test_view_values),
		T(test_daily_quality),
		T(test_poor_calls_order),
		T(test_reject_is_all_or_nothing),
		T(test_locked_is_retry),
		T(test_purge),
		T(test_readonly_is_retry),
#undef T
		cmocka_unit_test(test_time_format_matches_gmtime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
