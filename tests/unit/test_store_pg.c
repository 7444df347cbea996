/*
 * test_store_pg.c: unit tests of the PostgreSQL back end (store_pg.c)
 * against a real server.
 *
 * The conninfo comes from MOSCDR_TEST_PG (tests/run-all.sh starts a
 * throwaway cluster with tests/pg/cluster.sh and sets it); without it every
 * test is skipped. The outage test also needs MOSCDR_TEST_PG_DIR, the
 * cluster's directory, to stop and start that cluster. Each test starts
 * from an empty public schema. Rows are read back with libpq directly.
 */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <libpq-fe.h>

#include "migrate.h"
#include "record.h"
#include "store.h"
#include "test_rec.h"
#include "test_views.h"
#include "util.h"

/* How many migrations there are (numbers may have gaps). */
static long
pg_migrations(void)
{
	const struct migration *m;

	return (long)migrate_list("postgresql", &m);
}

static const char *test_conninfo;

static struct store_config
test_cfg(void)
{
	struct store_config cfg = { "postgresql", NULL, test_conninfo, 0, 0,
	    5, 0, 0 };

	return cfg;
}

/* Runs sql on a connection of its own; fails the test on error. */
static void
test_sql(const char *sql)
{
	PGconn *c = PQconnectdb(test_conninfo);
	PGresult *res;

	assert_int_equal(PQstatus(c), CONNECTION_OK);
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	PQclear(res);
	PQfinish(c);
}

/*
 * The single value of a query as text in buf ("" for NULL); fails the
 * test unless there is exactly one row.
 */
static char *test_vvalue(char *buf, size_t len, const char *fmt,
    va_list ap) __attribute__((format(printf, 3, 0)));
static char *test_value(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static long test_long(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *
test_vvalue(char *buf, size_t len, const char *fmt, va_list ap)
{
	char sql[1024];
	PGconn *c = PQconnectdb(test_conninfo);
	PGresult *res;

	vsnprintf(sql, sizeof(sql), fmt, ap);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
		fail_msg("%s: %s (%d rows)", sql, PQerrorMessage(c),
		    PQntuples(res));
	snprintf(buf, len, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	PQfinish(c);
	return buf;
}

static char *
test_value(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	test_vvalue(buf, len, fmt, ap);
	va_end(ap);
	return buf;
}

static long
test_long(const char *fmt, ...)
{
	char buf[64];
	va_list ap;

	va_start(ap, fmt);
	test_vvalue(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return atol(buf);
}

static int
setup_empty(void **state)
{
	(void)state;
	if (test_conninfo == NULL)
		return 0;
	test_sql("SET client_min_messages = warning;"
	    " DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
	return 0;
}

#define SKIP_WITHOUT_PG() do { \
	if (test_conninfo == NULL) { \
		print_message("skipped: MOSCDR_TEST_PG not set\n"); \
		skip(); \
	} \
} while (0)

/* Opens and migrates a store; fails the test otherwise. */
static struct store *
store_ready(void)
{
	struct store_config cfg = test_cfg();
	struct store *st = NULL;
	char err[1024] = "";

	if (store_backend_pg.open(&cfg, &st, err, sizeof(err)) != STORE_OK)
		fail_msg("open: %s", err);
	if (store_backend_pg.migrate(st, err, sizeof(err)) != STORE_OK)
		fail_msg("migrate: %s", err);
	return st;
}

static enum store_status
put(struct store *st, struct record **recs, size_t n, struct store_counts *c)
{
	char err[1024] = "";
	enum store_status s;

	s = store_backend_pg.put_batch(st, recs, n, c, err, sizeof(err));
	if (s != STORE_OK)
		print_message("put_batch: %s\n", err);
	return s;
}

/*
 * Proves: messages of one call on both sides of midnight (UTC) merge
 * into one call row, in the partition of the first message's day, with
 * its legs and samples there too: a BYE retransmitted after midnight
 * without a start time, and a first message after midnight (no start
 * time: its reception's day) whose later message brings a start time
 * before midnight. Each second message comes in a batch of its own.
 * And a BYE without a start time for a call that started 10 days ago.
 */
static void
test_merge_across_midnight(void **state)
{
	double midnight = floor(util_now() / 86400.0) * 86400.0;
	struct record *r;
	struct store *st;
	char buf[256], want[256], day[16], next[16];
	time_t t;
	struct tm tm;

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	t = (time_t)midnight - 86400;
	gmtime_r(&t, &tm);
	strftime(day, sizeof(day), "%Y%m%d", &tm);
	t = (time_t)midnight;
	gmtime_r(&t, &tm);
	strftime(next, sizeof(next), "%Y%m%d", &tm);

	r = rec_new("n1", "bye-twice", midnight - 5.0);
	r->start_time = midnight - 60.0;
	r->legs[0].present = true;
	rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.1);
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	r = rec_new("n1", "bye-twice", midnight + 10.0);
	r->legs[1].present = true;
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0, 3.9);
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);

	r = rec_new("n1", "late-start", midnight + 5.0);
	r->legs[0].present = true;
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	r = rec_new("n1", "late-start", midnight + 7.0);
	r->start_time = midnight - 30.0;
	rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_MIN, 0, 3.0);
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);

	/* A BYE without a start time for a call that started 10 days ago
	 * (beyond the window: the fallback to the key's latest call). */
	r = rec_new("n1", "old-call", midnight - 10 * 86400.0 + 60.0);
	r->start_time = midnight - 10 * 86400.0;
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	r = rec_new("n1", "old-call", midnight + 20.0);
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	assert_int_equal(test_long("SELECT messages FROM call WHERE call_id ="
	    " %s", "'old-call'"), 2);
	test_sql("DELETE FROM call WHERE call_id = 'old-call'");

	snprintf(want, sizeof(want), "bye-twice:2:call_p%s,late-start:2:"
	    "call_p%s", day, next);
	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "string_agg(call_id || ':' || messages || ':' || tableoid::regclass,"
	    " ',' ORDER BY call_id) FROM call"), want);
	/* Every leg and sample in its call's partition, none elsewhere. */
	assert_int_equal(test_long("SELECT count(*) FROM leg JOIN call USING"
	    " (call_pk, part_at) WHERE leg.tableoid::regclass::text ="
	    " replace(call.tableoid::regclass::text, 'call_', 'leg_') AND"
	    " %s", "true"), 3);
	assert_int_equal(test_long("SELECT count(*) FROM mos_sample JOIN call"
	    " USING (call_pk, part_at) WHERE %s", "true"), 3);
	assert_int_equal(test_long("SELECT count(*) FROM %s", "leg"), 3);
	assert_int_equal(test_long("SELECT count(*) FROM %s", "mos_sample"),
	    3);
	store_backend_pg.close(st);
}

/*
 * Proves: a leg's media facts are stored as the SQLite store stores them
 * (0 stays 0, unknown stays NULL), and the reason merges by its rule.
 */
static void
test_leg_media(void **state)
{
	struct record *r;
	struct store *st;
	char buf[256];

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	r = rec_new("n1", "c1", 1795763911.0);
	leg_media(r, REC_MISSING_NO_RTCP);
	r->legs[1].present = true;
	r->legs[1].mos_missing = REC_MISSING_NO_REPLY;
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "rtp_packets || '/' || rtp_bytes || '/' || rtp_errors || '/' || "
	    "rtcp_packets || '/' || remote_addr || ':' || remote_port || '/' "
	    "|| protocol || '/' || codec || '/' || ssrc || '/' || extract(epoch FROM "
	    "last_packet)::bigint || '/' || mos_missing FROM leg "
	    "WHERE side = 'A'"), "1228/209296/0/0/192.168.1.108:59398/"
	    "RTP/AVP/PCMU/8000/4006960018/1795763971/no_rtcp");
	assert_int_equal(test_long("SELECT count(*) FROM leg WHERE side = 'B'"
	    " AND rtp_packets IS NULL AND rtp_bytes IS NULL AND rtp_errors IS"
	    " NULL AND rtcp_packets IS NULL AND remote_addr IS NULL AND"
	    " remote_port IS NULL AND protocol IS NULL AND codec IS NULL AND"
	    " ssrc IS NULL AND"
	    " last_packet IS NULL AND mos_missing = %s", "'no_reply'"), 1);

	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "a_mos_missing || b_mos_missing || a_remote_addr || "
	    "(SELECT mos_missing || rtcp_packets FROM v_leg_quality WHERE "
	    "side = 'A') FROM v_call_quality"),
	    "no_rtcpno_reply192.168.1.108no_rtcp0");
	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "share_no_mos_no_rtcp || '/' || share_no_mos_no_reply || '/' || "
	    "share_no_mos_no_media FROM v_daily_quality"), "1/1/0");
	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "string_agg(coalesce(remote_addr, '-') || ' ' || mos_missing || ' '"
	    " || calls, ',') FROM v_mos_missing_by_remote"),
	    "192.168.1.108 no_rtcp 1,- no_reply 1");
	r = rec_new("n1", "c1", 1795763912.0);
	r->legs[0].present = true;
	r->legs[0].mos_missing = REC_MISSING_NO_REPLY;
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "mos_missing || rtp_packets FROM leg WHERE side = 'A'"),
	    "no_rtcp1228");

	r = rec_new("n1", "c1", 1795763913.0);
	r->legs[0].present = true;
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0, 4.1);
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	r = rec_new("n1", "c1", 1795763914.0);
	leg_media(r, REC_MISSING_NO_RTCP);
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	assert_int_equal(test_long("SELECT count(*) FROM leg WHERE side = 'A'"
	    " AND mos_missing IS NULL AND rtp_packets = %s", "1228"), 1);
	store_backend_pg.close(st);
}

/*
 * Proves: the CHECK constraint on leg.mos_missing (migration 011) takes
 * every name rec_missing_name() gives and is the one migration 011 set;
 * v_daily_quality's share of peer_no_rtcp and its talk and ringing
 * times; v_mos_missing_by_remote's row for peer_no_rtcp.
 */
static void
test_daily_reasons_talk(void **state)
{
	struct record *r;
	struct store *st;
	char buf[256], cid[32];
	int i;

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	for (i = 1; i < REC_MISSING_COUNT; i++) {
		snprintf(cid, sizeof(cid), "r%d", i);
		r = rec_new("n1", cid, 1795763911.0 + i);
		r->start_time = 1795763911.0;
		r->answer_time = 1795763913.0;
		r->end_time = 1795763913.0 + 10 * i;
		leg_media(r, (enum rec_missing)i);
		assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
		record_free(r);
		assert_string_equal(test_value(buf, sizeof(buf), "SELECT "
		    "mos_missing FROM leg JOIN call USING (call_pk) WHERE "
		    "call_id = '%s'", cid),
		    rec_missing_name((enum rec_missing)i));
	}
	assert_int_equal(test_long("SELECT count(*) FROM (SELECT 1 FROM "
	    "pg_constraint WHERE conname = 'leg_mos_missing_check' AND "
	    "conrelid = 'leg'::regclass AND "
	    "pg_get_constraintdef(oid) LIKE %s) AS x", "'%peer_no_rtcp%'"), 1);
	r = rec_new("n1", "unanswered", 1795763960.0);
	r->start_time = 1795763912.0;
	r->end_time = 1795763920.0;
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	record_free(r);
	assert_int_equal(REC_MISSING_COUNT, 7);
	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "calls || '/' || round((share_no_mos_peer_no_rtcp * 7)::numeric, 6)"
	    " || '/' || talk_s_total || '/' || talk_s_average || '/' || "
	    "ringing_s_average FROM v_daily_quality"), "7/1.000000/210/35/2");
	assert_string_equal(test_value(buf, sizeof(buf), "%s", "SELECT "
	    "remote_addr || ' ' || calls || ' ' || legs FROM "
	    "v_mos_missing_by_remote WHERE mos_missing = 'peer_no_rtcp'"),
	    "192.168.1.108 1 1");
	store_backend_pg.close(st);
}

/* Proves: migrate creates the tables and views, stamps the latest version
 * and a second run changes nothing. */
static void
test_migrate_creates_and_is_idempotent(void **state)
{
	struct store *st;
	char err[512];

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	assert_int_equal(test_long("SELECT count(*) FROM information_schema"
	    ".tables WHERE table_schema = 'public' AND table_name IN %s",
	    "('call', 'leg', 'mos_sample', 'moscdr_schema_version',"
	    " 'v_call_quality', 'v_leg_quality', 'v_daily_quality',"
	    " 'v_poor_calls')"), 8);
	assert_int_equal(test_long("SELECT max(version) FROM %s",
	    "moscdr_schema_version"), migrate_latest("postgresql"));
	assert_int_equal(store_backend_pg.migrate(st, err, sizeof(err)),
	    STORE_OK);
	assert_int_equal(test_long("SELECT count(*) FROM %s",
	    "moscdr_schema_version"), pg_migrations());
	store_backend_pg.close(st);
	st = store_ready();
	store_backend_pg.close(st);
	assert_int_equal(test_long("SELECT count(*) FROM %s",
	    "moscdr_schema_version"), pg_migrations());
}

static void *
migrate_thread(void *arg)
{
	struct store_config cfg = test_cfg();
	struct store *st = NULL;
	char err[512];
	enum store_status *s = arg;

	*s = store_backend_pg.open(&cfg, &st, err, sizeof(err));
	if (*s == STORE_OK)
		*s = store_backend_pg.migrate(st, err, sizeof(err));
	if (*s != STORE_OK)
		fprintf(stderr, "migrate_thread: %s\n", err);
	store_backend_pg.close(st);
	return NULL;
}

/* Proves: daemons migrating an empty database at the same moment both
 * succeed and each migration is applied once (the advisory lock). */
static void
test_migrate_concurrent(void **state)
{
	pthread_t t[4];
	enum store_status s[4];
	int i;

	(void)state;
	SKIP_WITHOUT_PG();
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, migrate_thread,
		    &s[i]), 0);
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(s[i], STORE_OK);
	}
	assert_int_equal(test_long("SELECT count(*) FROM %s",
	    "moscdr_schema_version"), pg_migrations());
}

/* Proves: a database migrated by a newer moscdrd is refused, clearly. */
static void
test_migrate_newer_refused(void **state)
{
	struct store *st;
	char err[512] = "", sql[128];

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	snprintf(sql, sizeof(sql), "INSERT INTO moscdr_schema_version"
	    " (version) VALUES (%d)", migrate_latest("postgresql") + 1);
	test_sql(sql);
	assert_int_equal(store_backend_pg.migrate(st, err, sizeof(err)),
	    STORE_REJECT);
	assert_non_null(strstr(err, "newer than this moscdrd"));
	/* The connection was left usable, outside any transaction. */
	assert_int_equal(store_backend_pg.ping(st, err, sizeof(err)),
	    STORE_OK);
	store_backend_pg.close(st);
}

/* A record with every field set; values chosen to show units. */
static struct record *
rec_full(const char *node, const char *call_id)
{
	struct record *r = rec_new(node, call_id, 1790000000.25);
	struct rec_sample *x;

	r->from_tag = xstrdup("ft\t1");
	r->to_tag = xstrdup("tt\\2");
	r->from_uri = xstrdup("sip:alice@example.org");
	r->to_uri = xstrdup("sip:bob@example.org");
	r->sip_code = 200;
	r->sip_reason = xstrdup("OK\nfine");
	r->start_time = 1790000000.5;
	r->end_time = 1790000065.75;
	r->extra = xstrdup("{\"k\": \"v\", \"n\": 1}");
	r->legs[0].present = true;
	r->legs[0].label = xstrdup("caller");
	r->legs[1].present = true;
	r->legs[1].label = xstrdup("callee");
	x = rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.1);
	x->packetloss_pct = 2;
	x->jitter_ms = 10;
	x->roundtrip_us = 90858;
	x->roundtrip_leg_us = 40511;
	x->samples = 5;
	x = rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_MIN, 0, 3.9);
	x->at_offset_s = 3;
	rec_sample_mos(r, REC_SCOPE_CALL, REC_KIND_MAX, 0, 4.3)->at_offset_s =
	    727;
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0, 4.2)->roundtrip_us =
	    1500;
	rec_sample_mos(r, REC_SCOPE_A, REC_KIND_MIN, 0, 4.0);
	rec_sample_mos(r, REC_SCOPE_B, REC_KIND_AVERAGE, 0, 3.8);
	rec_sample_mos(r, REC_SCOPE_B, REC_KIND_MIN, 0, 3.5);
	x = rec_sample_mos(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 0, 4.4);
	x->reported_at = 1790000010;
	x = rec_sample_mos(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 1, 4.3);
	x->reported_at = 1790000020;
	return r;
}

/* Proves: every field lands in its column with its unit, text with
 * COPY's special characters intact, and the counts are right. */
static void
test_put_values_and_units(void **state)
{
	struct store *st;
	struct record *r = rec_full("n1", "call-1@host");
	struct store_counts c = { 0, 0, 0, 0, NULL };
	char buf[256];

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	assert_int_equal(put(st, &r, 1, &c), STORE_OK);
	assert_int_equal(c.calls_new, 1);
	assert_int_equal(c.calls_merged, 0);
	assert_int_equal(c.legs, 2);
	assert_int_equal(c.samples, 9);
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT concat_ws("
	    "'|', node, call_id, from_tag, to_tag, from_uri, to_uri, sip_code,"
	    " sip_reason, start_time AT TIME ZONE 'UTC', end_time AT TIME ZONE"
	    " 'UTC', duration_s, received_at AT TIME ZONE 'UTC', updated_at ="
	    " received_at, messages, extra->>'k', extra->'n') FROM call"),
	    "n1|call-1@host|ft\t1|tt\\2|sip:alice@example.org|"
	    "sip:bob@example.org|200|OK\nfine|2026-09-21 14:13:20.5|"
	    "2026-09-21 14:14:25.75|65.25|2026-09-21 14:13:20.25|t|1|v|1");
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT string_agg("
	    "side || '=' || label, ',' ORDER BY side) FROM leg"),
	    "A=caller,B=callee");
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT concat_ws("
	    "'|', mos, packetloss_pct, jitter_ms, roundtrip_us,"
	    " roundtrip_leg_us, samples, at_offset_s, reported_at IS NULL)"
	    " FROM mos_sample WHERE scope = 'call' AND kind = 'average'"),
	    "4.1|2|10|90858|40511|5|t");
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT concat_ws("
	    "'|', count(*), max(seq), min(reported_at) AT TIME ZONE 'UTC')"
	    " FROM mos_sample WHERE kind = 'progression' AND scope = 'A'"),
	    "2|1|2026-09-21 14:13:30");
	/* The views show round trips in milliseconds. */
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT concat_ws("
	    "'|', roundtrip_ms_average, roundtrip_leg_ms_average,"
	    " a_roundtrip_ms_average, mos_min_at_s, mos_max_at_s, a_label,"
	    " b_label, mos_worst, has_mos, quality_band) FROM v_call_quality"),
	    "90.858|40.511|1.5|3|727|caller|callee|3.5|t|satisfied");
	assert_int_equal(test_long("SELECT progression_points FROM"
	    " v_leg_quality WHERE side = %s", "'A'"), 2);
	store_backend_pg.close(st);
	record_free(r);
}

/* Proves the merge rules across batches: the same call twice is one call
 * with messages = 2; a retransmission with nothing known erases nothing;
 * a later message fills what was NULL; received_at keeps the earliest;
 * extra is patched. */
static void
test_merge_rules(void **state)
{
	struct store *st;
	struct record *a = rec_full("n1", "m-1"), *b, *d;
	struct store_counts c = { 0, 0, 0, 0, NULL };
	char buf[256];

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	free(a->to_uri);
	a->to_uri = NULL;
	assert_int_equal(put(st, &a, 1, &c), STORE_OK);
	/* An empty retransmission, received later. */
	b = rec_new("n1", "m-1", 1790000100);
	b->legs[0].present = true;	/* a leg with no label */
	rec_sample_mos(b, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, NAN)->jitter_ms
	    = 12;
	assert_int_equal(put(st, &b, 1, &c), STORE_OK);
	/* A later message that knows the to_uri, received earlier. */
	d = rec_new("n1", "m-1", 1789999999);
	d->to_uri = xstrdup("sip:carol@example.org");
	d->extra = xstrdup("{\"k\": \"w\", \"z\": true}");
	assert_int_equal(put(st, &d, 1, &c), STORE_OK);

	assert_int_equal(c.calls_new, 1);
	assert_int_equal(c.calls_merged, 2);
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT concat_ws("
	    "'|', count(*), max(messages), max(from_uri), max(to_uri),"
	    " max(sip_code), max(extra::text),"
	    " max(received_at) AT TIME ZONE 'UTC',"
	    " max(updated_at) AT TIME ZONE 'UTC') FROM call"),
	    "1|3|sip:alice@example.org|sip:carol@example.org|200|"
	    "{\"k\": \"w\", \"n\": 1, \"z\": true}|2026-09-21 14:13:19|"
	    "2026-09-21 14:13:19");
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT label FROM"
	    " leg WHERE side = 'A'"), "caller");
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT concat_ws("
	    "'|', mos, jitter_ms, roundtrip_us) FROM mos_sample"
	    " WHERE scope = 'call' AND kind = 'average'"), "4.1|12|90858");
	assert_int_equal(test_long("SELECT count(*) FROM %s", "mos_sample"),
	    9);
	store_backend_pg.close(st);
	record_free(a);
	record_free(b);
	record_free(d);
}

/* Proves: the same call more than once in one batch is applied in order
 * (no "cannot affect row a second time"), next to other calls. */
static void
test_same_call_twice_in_batch(void **state)
{
	struct store *st;
	struct record *r[4];
	struct record *later[2];
	unsigned char created[4] = { 9, 9, 9, 9 };
	struct store_counts c = { 0, 0, 0, 0, created };
	char buf[256];
	size_t i;

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	r[0] = rec_new("n1", "dup", 1790000000);
	r[0]->sip_code = 180;
	rec_sample_mos(r[0], REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 3.0);
	r[1] = rec_new("n1", "other", 1790000000);
	r[2] = rec_new("n1", "dup", 1790000001);
	r[2]->sip_code = 200;
	r[2]->from_tag = xstrdup("tag");
	rec_sample_mos(r[2], REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, 4.0);
	r[3] = rec_new("n1", "dup", 1790000002);	/* nothing known */
	rec_sample_mos(r[3], REC_SCOPE_CALL, REC_KIND_AVERAGE, 0, NAN)
	    ->samples = 7;
	assert_int_equal(put(st, r, 4, &c), STORE_OK);
	assert_int_equal(c.calls_new, 2);
	assert_int_equal(c.calls_merged, 2);
	assert_int_equal(c.samples, 3);
	/* Which records inserted their call: the first "dup" and "other". */
	assert_int_equal(created[0], 1);
	assert_int_equal(created[1], 1);
	assert_int_equal(created[2], 0);
	assert_int_equal(created[3], 0);
	/* A later batch merges "dup" and creates "new". */
	later[0] = rec_new("n1", "new", 1790000003);
	later[1] = rec_new("n1", "dup", 1790000003);
	memset(created, 9, sizeof(created));
	assert_int_equal(put(st, later, 2, &c), STORE_OK);
	assert_int_equal(created[0], 1);
	assert_int_equal(created[1], 0);
	record_free(later[0]);
	record_free(later[1]);
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT concat_ws("
	    "'|', messages, sip_code, from_tag, mos, samples) FROM call"
	    " JOIN mos_sample USING (call_pk) WHERE call_id = 'dup'"),
	    "4|200|tag|4|7");
	assert_int_equal(test_long("SELECT count(*) FROM %s", "call"), 3);
	store_backend_pg.close(st);
	for (i = 0; i < 4; i++)
		record_free(r[i]);
}

/* Proves: the same call_id from two nodes is two calls. */
static void
test_two_nodes_two_calls(void **state)
{
	struct store *st;
	struct record *r[2];
	struct store_counts c = { 0, 0, 0, 0, NULL };

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	r[0] = rec_new("kam1", "shared", 1790000000);
	r[1] = rec_new("kam2", "shared", 1790000000);
	assert_int_equal(put(st, r, 2, &c), STORE_OK);
	assert_int_equal(c.calls_new, 2);
	assert_int_equal(test_long("SELECT count(DISTINCT call_pk) FROM call"
	    " WHERE call_id = %s AND messages = 1", "'shared'"), 2);
	store_backend_pg.close(st);
	record_free(r[0]);
	record_free(r[1]);
}

#define CW_KEYS		300
#define CW_BATCHES	15

struct writer_arg {
	const char *node;
	int reverse;		/* write the keys in the opposite order */
	int failures;
};

static void *
writer_thread(void *p)
{
	struct writer_arg *a = p;
	struct store *st = store_ready();
	struct record *r[CW_KEYS];
	char id[32], err[512];
	int b, i, k;

	for (b = 0; b < CW_BATCHES; b++) {
		for (i = 0; i < CW_KEYS; i++) {
			k = a->reverse ? CW_KEYS - 1 - i : i;
			snprintf(id, sizeof(id), "cw-%d", k);
			r[i] = rec_new(a->node, id, 1790000000 + b);
			r[i]->legs[0].present = true;
			rec_sample_mos(r[i], REC_SCOPE_CALL,
			    REC_KIND_AVERAGE, 0, 4.0);
			rec_sample_mos(r[i], REC_SCOPE_A, REC_KIND_MIN, 0,
			    3.0);
		}
		if (store_backend_pg.put_batch(st, r, CW_KEYS, NULL, err,
		    sizeof(err)) != STORE_OK) {
			fprintf(stderr, "writer %s: %s\n", a->node, err);
			a->failures++;
		}
		for (i = 0; i < CW_KEYS; i++)
			record_free(r[i]);
	}
	store_backend_pg.close(st);
	return NULL;
}

/* Proves: writers on two connections upserting overlapping call_ids in
 * opposite orders, with the same node name (worst case: the same rows)
 * and with different ones, finish without error or deadlock and count
 * every message. */
static void
test_concurrent_writers(void **state)
{
	struct writer_arg a[4] = {
		{ "same", 0, 0 }, { "same", 1, 0 },
		{ "kam1", 0, 0 }, { "kam2", 1, 0 },
	};
	pthread_t t[4];
	struct store *st;
	int i;

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();	/* migrated before the writers start */
	store_backend_pg.close(st);
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, writer_thread,
		    &a[i]), 0);
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(a[i].failures, 0);
	}
	assert_int_equal(test_long("SELECT count(*) FROM call WHERE node ="
	    " %s", "'same'"), CW_KEYS);
	assert_int_equal(test_long("SELECT count(*) FROM call WHERE node ="
	    " 'same' AND messages = %s", "30"), CW_KEYS);
	assert_int_equal(test_long("SELECT count(*) FROM call WHERE node IN"
	    " ('kam1', 'kam2') AND messages = %s", "15"), 2 * CW_KEYS);
	assert_int_equal(test_long("SELECT count(*) FROM %s", "mos_sample"),
	    3 * 2 * CW_KEYS);
	assert_int_equal(test_long("SELECT count(*) FROM %s", "leg"),
	    3 * CW_KEYS);
}

/* The view columns of the spec, in order (test_views.h, as the SQLite
 * views have them); PostgreSQL's v_call_quality ends with the partition
 * key (views.sql). */
static const char *const cols_call[] = { VIEW_COLS_CALL, "part_at", NULL };
static const char *const cols_leg[] = { VIEW_COLS_LEG, NULL };
static const char *const cols_daily[] = { VIEW_COLS_DAILY, NULL };
static const char *const cols_hourly[] = { "hour", VIEW_COLS_QUALITY, NULL };
static const char *const cols_rdaily[] = { "day", VIEW_COLS_QUALITY, NULL };
static const char *const cols_dist[] = { VIEW_COLS_DIST, NULL };
static const char *const cols_remote[] = { VIEW_COLS_REMOTE, NULL };

static void
check_columns(PGconn *c, const char *view, const char *const *want)
{
	char sql[128];
	PGresult *res;
	int i;

	snprintf(sql, sizeof(sql), "SELECT * FROM %s LIMIT 0", view);
	res = PQexec(c, sql);
	assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < PQnfields(res));
		assert_string_equal(PQfname(res, i), want[i]);
	}
	assert_int_equal(PQnfields(res), i);
	PQclear(res);
}

/* Proves: the views have exactly the spec's columns in its order. */
static void
test_view_columns(void **state)
{
	struct store *st;
	PGconn *c;

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	c = PQconnectdb(test_conninfo);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	check_columns(c, "v_call_quality", cols_call);
	check_columns(c, "v_poor_calls", cols_call);
	check_columns(c, "v_leg_quality", cols_leg);
	check_columns(c, "v_daily_quality", cols_daily);
	check_columns(c, "v_mos_missing_by_remote", cols_remote);
	check_columns(c, "v_quality_hourly", cols_hourly);
	check_columns(c, "v_quality_daily", cols_rdaily);
	check_columns(c, "v_mos_distribution", cols_dist);
	PQfinish(c);
	store_backend_pg.close(st);
}

/* Proves the views' values: bands at their limits (a MOS sent as 3.6 is
 * 'some users dissatisfied' although real 3.6 < numeric 3.6), has_mos,
 * mos_worst skipping NULLs, the daily shares and the poor calls order. */
static void
test_view_values(void **state)
{
	static const struct { const char *id; double avg, min; } v[] = {
		{ "v-44", 4.4, NAN },	/* very satisfied */
		{ "v-36", 3.6, NAN },	/* some users dissatisfied */
		{ "v-31", 3.1, 2.9 },	/* many; worst 2.9 */
		{ "v-25", 2.5, NAN },	/* not recommended */
		{ "v-none", NAN, NAN },	/* no MOS at all */
		{ "v-sideonly", NAN, NAN }, /* MOS only for side B */
	};
	struct record *r[6];
	struct store *st;
	char buf[256];
	size_t i;

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	for (i = 0; i < 6; i++) {
		r[i] = rec_new("n1", v[i].id, 1790000000 + (double)i);
		r[i]->start_time = 1790035200 - 10 + (double)i * 5; /* 2 days */
		if (!isnan(v[i].avg))
			rec_sample_mos(r[i], REC_SCOPE_CALL, REC_KIND_AVERAGE,
			    0, v[i].avg);
		if (!isnan(v[i].min))
			rec_sample_mos(r[i], REC_SCOPE_CALL, REC_KIND_MIN, 0,
			    v[i].min);
	}
	/* A NULL MOS (loss only) next to a known one: mos_worst skips it. */
	rec_sample_mos(r[0], REC_SCOPE_A, REC_KIND_MIN, 0, NAN)
	    ->packetloss_pct = 1;
	rec_sample_mos(r[5], REC_SCOPE_B, REC_KIND_MIN, 0, 3.2);
	assert_int_equal(put(st, r, 6, NULL), STORE_OK);

	assert_string_equal(test_value(buf, sizeof(buf), "SELECT string_agg("
	    "concat_ws('/', call_id, quality_band, mos_worst, has_mos), ','"
	    " ORDER BY call_id) FROM v_call_quality"),
	    "v-25/not recommended/2.5/t,v-31/many users dissatisfied/2.9/t,"
	    "v-36/some users dissatisfied/3.6/t,v-44/very satisfied/4.4/t,"
	    "v-none/f,v-sideonly/3.2/t");
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT string_agg("
	    "call_id, ',') FROM v_poor_calls"), "v-25,v-31,v-sideonly");
	/* Start times straddle midnight UTC 2026-09-22: 2 and 4 calls. */
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT string_agg("
	    "concat_ws('/', day, calls, calls_with_mos, share_with_mos,"
	    " round(mos_average::numeric, 3), mos_min, share_very_satisfied,"
	    " share_some_dissatisfied, share_many_dissatisfied,"
	    " share_not_recommended), ',' ORDER BY day) FROM v_daily_quality"),
	    "2026-09-21/2/2/1/4.000/0.5/0.5/0/0,"	/* mos_min NULL */
	    "2026-09-22/4/3/0.75/2.800/2.9/0/0/0.5/0.5");
	assert_string_equal(test_value(buf, sizeof(buf), "SELECT pg_typeof("
	    "day)::text || ',' || pg_typeof(share_with_mos)::text FROM"
	    " v_daily_quality LIMIT 1"), "date,double precision");
	store_backend_pg.close(st);
	for (i = 0; i < 6; i++)
		record_free(r[i]);
}

/* Proves: a role given SELECT on the views only can read every view but
 * not the tables (the GRANTs documented in docs/postgresql.md), and keeps that
 * right when an upgrade applies the views again (CREATE OR REPLACE). */
static void
test_readonly_bi_role(void **state)
{
	struct store *st;
	struct record *r = rec_full("n1", "bi-1");
	PGconn *c;
	PGresult *res;
	const char *views[] = { "v_call_quality", "v_leg_quality",
	    "v_daily_quality", "v_poor_calls", "v_quality_hourly",
	    "v_quality_daily", "v_mos_distribution" };
	char sql[128];
	size_t i;

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	test_sql("SET client_min_messages = warning;"
	    " DROP ROLE IF EXISTS moscdr_test_bi; CREATE ROLE moscdr_test_bi;"
	    " GRANT USAGE ON SCHEMA public TO moscdr_test_bi;"
	    " GRANT SELECT ON v_call_quality, v_leg_quality, v_daily_quality,"
	    " v_poor_calls, v_quality_hourly, v_quality_daily,"
	    " v_mos_distribution TO moscdr_test_bi");
	/* An older text of the views recorded: the next start applies them. */
	test_sql("UPDATE moscdr_views SET hash = 'older'");
	store_backend_pg.close(st);
	st = store_ready();
	c = PQconnectdb(test_conninfo);
	res = PQexec(c, "SELECT count(*) FROM moscdr_views WHERE hash <> 'older'");
	assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
	assert_string_equal(PQgetvalue(res, 0, 0), "1");
	PQclear(res);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	PQclear(PQexec(c, "SET ROLE moscdr_test_bi"));
	for (i = 0; i < 4; i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", views[i]);
		res = PQexec(c, sql);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			fail_msg("%s: %s", sql, PQerrorMessage(c));
		/* One call, two legs, one day, one poor call (B min 3.5). */
		assert_int_equal(atoi(PQgetvalue(res, 0, 0)), i == 1 ? 2 : 1);
		PQclear(res);
	}
	/* The rollup views: readable with the same grants, with rows. */
	for (i = 4; i < sizeof(views) / sizeof(views[0]); i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", views[i]);
		res = PQexec(c, sql);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			fail_msg("%s: %s", sql, PQerrorMessage(c));
		assert_true(atoi(PQgetvalue(res, 0, 0)) >= 1);
		PQclear(res);
	}
	res = PQexec(c, "SELECT count(*) FROM call");
	assert_int_equal(PQresultStatus(res), PGRES_FATAL_ERROR);
	assert_string_equal(PQresultErrorField(res, PG_DIAG_SQLSTATE), "42501");
	PQclear(res);
	PQfinish(c);
	test_sql("DROP OWNED BY moscdr_test_bi; DROP ROLE moscdr_test_bi");
	store_backend_pg.close(st);
	record_free(r);
}

/* Proves: a record the database refuses (extra not JSON) is REJECT, the
 * batch is kept whole or not at all, and the store works right after. */
static void
test_data_error_rejected(void **state)
{
	struct store *st;
	struct record *r[2];
	char err[512] = "";

	(void)state;
	SKIP_WITHOUT_PG();
	st = store_ready();
	r[0] = rec_new("n1", "good", 1790000000);
	r[1] = rec_new("n1", "bad", 1790000000);
	r[1]->extra = xstrdup("{not json");
	assert_int_equal(store_backend_pg.put_batch(st, r, 2, NULL, err,
	    sizeof(err)), STORE_REJECT);
	assert_true(strlen(err) > 0);
	assert_int_equal(test_long("SELECT count(*) FROM %s", "call"), 0);
	assert_int_equal(put(st, r, 1, NULL), STORE_OK);
	assert_int_equal(test_long("SELECT count(*) FROM %s", "call"), 1);
	store_backend_pg.close(st);
	record_free(r[0]);
	record_free(r[1]);
}

/* Runs tests/pg/cluster.sh CMD DIR; 0 on success. */
static int
cluster(const char *cmd, const char *dir)
{
	char sh[1024];

	snprintf(sh, sizeof(sh), "tests/pg/cluster.sh %s '%s' >/dev/null",
	    cmd, dir);
	return system(sh);
}

/* Proves: with the server stopped put_batch and open say RETRY (and ping
 * too); once it is back the same store reconnects and writes. */
static void
test_server_down_retry_then_reconnect(void **state)
{
	struct store_config cfg = test_cfg();
	struct store *st, *st2 = NULL;
	struct record *r = rec_full("n1", "outage");
	char err[1024] = "";
	const char *dir = getenv("MOSCDR_TEST_PG_DIR");
	enum store_status s_put, s_open, s_ping;

	(void)state;
	SKIP_WITHOUT_PG();
	if (dir == NULL || access("tests/pg/cluster.sh", X_OK) != 0) {
		print_message("skipped: MOSCDR_TEST_PG_DIR not set or not run"
		    " from the top directory\n");
		skip();
	}
	st = store_ready();
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	assert_int_equal(cluster("stop", dir), 0);
	s_put = store_backend_pg.put_batch(st, &r, 1, NULL, err, sizeof(err));
	s_ping = store_backend_pg.ping(st, err, sizeof(err));
	s_open = store_backend_pg.open(&cfg, &st2, err, sizeof(err));
	/* Start again before asserting, so a failure leaves a server up. */
	assert_int_equal(cluster("start", dir), 0);
	assert_int_equal(s_put, STORE_RETRY);
	assert_int_equal(s_ping, STORE_RETRY);
	assert_int_equal(s_open, STORE_RETRY);
	assert_null(st2);
	assert_int_equal(put(st, &r, 1, NULL), STORE_OK);
	assert_int_equal(test_long("SELECT messages FROM call WHERE call_id"
	    " = %s", "'outage'"), 2);
	store_backend_pg.close(st);
	record_free(r);
}

/* Proves: the password of a conninfo or URI never appears in err, while
 * the host and port do. */
static void
test_password_not_in_err(void **state)
{
	const char *infos[] = {
		"host=127.0.0.1 port=1 dbname=x user=u password=secret-XYZ",
		"postgresql://u:secret-XYZ@127.0.0.1:1/x",
		"host=127.0.0.1 port=1 password=secret-XYZ bogus",
		"host=127.0.0.1 port=1 password='secret-XYZ",
	};
	struct store_config cfg = test_cfg();
	struct store *st;
	char err[1024];
	size_t i;

	(void)state;
	SKIP_WITHOUT_PG();
	for (i = 0; i < sizeof(infos) / sizeof(infos[0]); i++) {
		st = NULL;
		err[0] = '\0';
		cfg.conninfo = infos[i];
		assert_int_not_equal(store_backend_pg.open(&cfg, &st, err,
		    sizeof(err)), STORE_OK);
		assert_null(st);
		assert_true(strlen(err) > 0);
		assert_null(strstr(err, "secret-XYZ"));
		if (i < 2) {
			assert_non_null(strstr(err, "127.0.0.1"));
			assert_non_null(strstr(err, "port=1"));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_migrate_creates_and_is_idempotent,
		    setup_empty),
		cmocka_unit_test_setup(test_migrate_concurrent, setup_empty),
		cmocka_unit_test_setup(test_migrate_newer_refused,
		    setup_empty),
		cmocka_unit_test_setup(test_put_values_and_units, setup_empty),
		cmocka_unit_test_setup(test_leg_media, setup_empty),
		cmocka_unit_test_setup(test_daily_reasons_talk, setup_empty),
		cmocka_unit_test_setup(test_merge_rules, setup_empty),
		cmocka_unit_test_setup(test_same_call_twice_in_batch,
		    setup_empty),
		cmocka_unit_test_setup(test_two_nodes_two_calls, setup_empty),
		cmocka_unit_test_setup(test_merge_across_midnight,
		    setup_empty),
		cmocka_unit_test_setup(test_concurrent_writers, setup_empty),
		cmocka_unit_test_setup(test_view_columns, setup_empty),
		cmocka_unit_test_setup(test_view_values, setup_empty),
		cmocka_unit_test_setup(test_readonly_bi_role, setup_empty),
		cmocka_unit_test_setup(test_data_error_rejected, setup_empty),
		cmocka_unit_test_setup(test_server_down_retry_then_reconnect,
		    setup_empty),
		cmocka_unit_test(test_password_not_in_err),
	};

	test_conninfo = getenv("MOSCDR_TEST_PG");
	if (test_conninfo != NULL && test_conninfo[0] == '\0')
		test_conninfo = NULL;
	if (test_conninfo == NULL)
		printf("skipped: MOSCDR_TEST_PG not set\n");
	return cmocka_run_group_tests_name("store_pg", tests, NULL, NULL);
}
