/*
 * baseline_sqlite.c: the SQLite reference points of the benchmark: how fast
 * the database itself takes moscdrd's rows, with no daemon in between.
 *
 * -r (raw): also the daemon's rollups around each batch, as store_sqlite.c
 * keeps them (its statements and its in-memory sums, store_sqlite_rollup.c); without it the rollups are left alone (and
 * no longer match the rows).
 *
 * Modes (the database must already carry the schema; run.sh has moscdrd
 * create it, or "schema" applies sql/sqlite/NNN_*.sql by hand):
 *   raw     the limit: prepared statements, BATCH messages per
 *           transaction, the same upsert SQL and pragmas as the daemon's
 *           store (src/store_sqlite.c). Row building is kept out of the
 *           timed part: only the database work counts.
 *   naive   one autocommit INSERT (the same upserts) per row, with
 *           SQLite's default journal and synchronous settings (what a
 *           program that sets nothing gets); -P daemon keeps the daemon's
 *           WAL settings instead, where a commit does not fsync.
 *   query   times the typical view queries at the current size.
 *   schema  applies SQL files and records their versions, as the daemon's
 *           migration does (for development without the daemon).
 * Rows come from benchmsg.h: the same messages loadgen sends, normalized.
 *
 * Output: one line of key=value pairs on stdout. Exit 0 unless a database
 * call failed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "benchmsg.h"
#include "store_sqlite_rollup.h"
#include "store_sqlite_sql.h"

/*
 * The daemon's own statements (src/store_sqlite_sql.h), used as it uses
 * them (a new call's key from last_insert_rowid, raw mode's samples up to
 * STORE_SQLITE_SAMPLE_ROWS per statement): a fair comparison.
 */
static const char *const bs_call_sql = STORE_SQLITE_SQL_CALL;
static const char *const bs_leg_sql = STORE_SQLITE_SQL_LEG;
static const char *const bs_sample_sql = STORE_SQLITE_SQL_SAMPLE;

struct bs {
	sqlite3 *db;
	sqlite3_stmt *call, *call_key, *leg, *sample, *begin, *commit;
	sqlite3_stmt *samples[STORE_SQLITE_SAMPLE_ROWS];	/* [i]: i + 1 */
	/* -r: the daemon's rollup statements around each batch */
	sqlite3_stmt *keys_clear, *key, *contrib;
	sqlite3_stmt *add_hour, *add_mos, *call_set;
	struct sqlite_rollup_sums *sums;
	bool rollup;
	const char *node;
	struct bm_gen gen;
	uint64_t first_seq;
	uint64_t count;
	double seconds;
	size_t batch;
	bool progress;
	const char *suffix;	/* appended to the mode in the output */
	uint64_t rows;
};

static void
bs_die(struct bs *b, const char *what)
{
	fprintf(stderr, "baseline_sqlite: %s: %s\n", what,
	    b->db ? sqlite3_errmsg(b->db) : "no database");
	exit(1);
}

static void
bs_exec(struct bs *b, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(b->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "baseline_sqlite: %s: %s\n", sql, msg);
		exit(1);
	}
}

/*
 * The daemon's connection settings (src/store_sqlite.c, sqlite_open), or
 * with defaults true SQLite's own defaults: a rollback journal and
 * synchronous=FULL, i.e. what a program that sets nothing gets.
 */
static void
bs_open(struct bs *b, const char *path, bool defaults)
{
	static const char *const pragmas[] = { STORE_SQLITE_PRAGMAS };
	size_t i;

	if (sqlite3_open_v2(path, &b->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		bs_die(b, path);
	sqlite3_busy_timeout(b->db, 5000);
	if (defaults) {
		bs_exec(b, "PRAGMA journal_mode = DELETE");
		bs_exec(b, "PRAGMA synchronous = FULL");
		bs_exec(b, "PRAGMA foreign_keys = ON");
		return;
	}
	for (i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++)
		bs_exec(b, pragmas[i]);
	bs_exec(b, "PRAGMA cache_size = -8192");	/* the default config */
	bs_exec(b, STORE_SQLITE_SQL_FK_OFF);	/* as the daemon's writer */
}

static void bs_step_done(struct bs *, sqlite3_stmt *, const char *);

static void
bs_prepare(struct bs *b)
{
	if (sqlite3_prepare_v2(b->db, bs_call_sql, -1, &b->call, NULL) ||
	    sqlite3_prepare_v2(b->db, STORE_SQLITE_SQL_CALL_KEY, -1,
	    &b->call_key, NULL) ||
	    sqlite3_prepare_v2(b->db, bs_leg_sql, -1, &b->leg, NULL) ||
	    sqlite3_prepare_v2(b->db, bs_sample_sql, -1, &b->sample, NULL) ||
	    sqlite3_prepare_v2(b->db, "BEGIN IMMEDIATE", -1, &b->begin, NULL) ||
	    sqlite3_prepare_v2(b->db, "COMMIT", -1, &b->commit, NULL))
		bs_die(b, "prepare (is the schema there?)");
	if (!b->rollup)
		return;
	b->sums = sqlite_rollup_sums_new();
	if (sqlite3_exec(b->db, STORE_SQLITE_SQL_KEYS_TABLE, NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(b->db, STORE_SQLITE_SQL_CONTRIB(
	    STORE_SQLITE_SQL_KEYS_PK), -1, &b->contrib, NULL) ||
	    sqlite3_prepare_v2(b->db, STORE_SQLITE_SQL_KEYS_CLEAR, -1,
	    &b->keys_clear, NULL) ||
	    sqlite3_prepare_v2(b->db, STORE_SQLITE_SQL_KEY, -1, &b->key,
	    NULL) ||
	    sqlite3_prepare_v2(b->db, STORE_SQLITE_SQL_ADD_HOUR, -1,
	    &b->add_hour, NULL) ||
	    sqlite3_prepare_v2(b->db, STORE_SQLITE_SQL_ADD_MOS, -1,
	    &b->add_mos, NULL) ||
	    sqlite3_prepare_v2(b->db, STORE_SQLITE_SQL_CALL_SET, -1,
	    &b->call_set, NULL))
		bs_die(b, "prepare the rollups (schema 006 and 013?)");
}

/*
 * The daemon's rollup pass (store_sqlite.c): sign -1 before, 1 after,
 * which then writes the sums.
 */
static void
bs_rollup(struct bs *b, int sign)
{
	if (sqlite_rollup_sums_pass(b->sums, b->contrib, sign) != SQLITE_OK)
		bs_die(b, "contrib");
	/* After the upserts: the calls' figures (migration 013) too. */
	if (sign > 0 && sqlite_rollup_sums_write(b->sums, b->add_hour,
	    b->add_mos, b->call_set) != SQLITE_OK)
		bs_die(b, "rollups");
}

static void
bs_step_done(struct bs *b, sqlite3_stmt *st, const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		bs_die(b, what);
	sqlite3_reset(st);
}

static void
bs_bind_num(sqlite3_stmt *st, int i, double v, bool integer)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else if (integer)
		sqlite3_bind_int64(st, i, (sqlite3_int64)v);
	else
		sqlite3_bind_double(st, i, v);
}

/* The statement of n samples (raw mode), prepared on first use. */
static sqlite3_stmt *
bs_samples_stmt(struct bs *b, size_t n)
{
	char sql[STORE_SQLITE_SQL_SAMPLES_LEN];

	if (b->samples[n - 1] != NULL)
		return b->samples[n - 1];
	store_sqlite_sql_samples(sql, n);
	if (sqlite3_prepare_v2(b->db, sql, -1, &b->samples[n - 1], NULL))
		bs_die(b, "prepare samples");
	return b->samples[n - 1];
}

/* Binds sample s of call pk to the 12 parameters after p. */
static void
bs_bind_sample(sqlite3_stmt *st, int p, sqlite3_int64 pk,
    const struct bm_sample *s)
{
	char iso[96];

	sqlite3_bind_int64(st, p + 1, pk);
	sqlite3_bind_text(st, p + 2, bm_scope_name(s->scope), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, p + 3, bm_kind_name(s->kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, p + 4, s->seq);
	bs_bind_num(st, p + 5, s->mos, false);
	bs_bind_num(st, p + 6, s->packetloss_pct, false);
	bs_bind_num(st, p + 7, s->jitter_ms, false);
	bs_bind_num(st, p + 8, s->roundtrip_us, true);
	bs_bind_num(st, p + 9, s->roundtrip_leg_us, true);
	bs_bind_num(st, p + 10, s->samples, true);
	bs_bind_num(st, p + 11, s->at_offset_s, true);
	if (isnan(s->reported_at))
		sqlite3_bind_null(st, p + 12);
	else
		sqlite3_bind_text(st, p + 12, bm_time_iso(s->reported_at, iso,
		    sizeof(iso)), -1, SQLITE_TRANSIENT);
}

/*
 * Writes one message's rows: the call (its key as store_sqlite.c finds
 * it), both legs, the samples (naive: one statement each). now_iso is
 * the receive time; extra the unknown keys.
 */
static void
bs_put(struct bs *b, const struct bm_msg *m, const char *now_iso,
    const char *extra)
{
	sqlite3_int64 pk, before;
	size_t i, j, n;

	sqlite3_bind_text(b->call, 1, b->node, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 2, m->call_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 3, m->from_tag, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 4, m->to_tag, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 5, m->from_uri, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 6, m->to_uri, -1, SQLITE_STATIC);
	sqlite3_bind_int(b->call, 7, m->sip_code);
	sqlite3_bind_text(b->call, 8, m->sip_reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 9, m->start_iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 10, m->end_iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 11, now_iso, -1, SQLITE_STATIC);
	sqlite3_bind_text(b->call, 12, extra, -1, SQLITE_STATIC);
	before = sqlite3_last_insert_rowid(b->db);
	bs_step_done(b, b->call, "insert call");
	pk = sqlite3_last_insert_rowid(b->db);
	if (pk == before) {
		sqlite3_bind_text(b->call_key, 1, m->call_id, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(b->call_key, 2, b->node, -1, SQLITE_STATIC);
		if (sqlite3_step(b->call_key) != SQLITE_ROW)
			bs_die(b, "key of call");
		pk = sqlite3_column_int64(b->call_key, 0);
		sqlite3_reset(b->call_key);
	}
	b->rows++;

	for (i = 0; i < 2; i++) {
		sqlite3_bind_int64(b->leg, 1, pk);
		sqlite3_bind_text(b->leg, 2, i ? "B" : "A", 1, SQLITE_STATIC);
		sqlite3_bind_text(b->leg, 3, i ? "callee" : "caller", -1,
		    SQLITE_STATIC);
		bs_step_done(b, b->leg, "insert leg");
		b->rows++;
	}
	for (i = 0; i < m->ns; i += n) {
		sqlite3_stmt *st = b->sample;

		n = 1;
		if (b->batch) {
			n = m->ns - i;
			if (n > STORE_SQLITE_SAMPLE_ROWS)
				n = STORE_SQLITE_SAMPLE_ROWS;
			st = bs_samples_stmt(b, n);
		}
		for (j = 0; j < n; j++)
			bs_bind_sample(st, (int)j * STORE_SQLITE_SAMPLE_PARAMS,
			    pk, &m->s[i + j]);
		bs_step_done(b, st, "insert sample");
		b->rows += n;
	}
}

static double
bs_elapsed(uint64_t t0)
{
	return (double)(bm_mono_ns() - t0) / 1e9;
}

/*
 * raw (batch > 1, one transaction per batch) and naive (batch 0:
 * autocommit per row). Stops after count messages or seconds of database
 * time, whichever comes first.
 */
static void
bs_run(struct bs *b, const char *mode)
{
	struct bm_msg *msgs;
	size_t per = b->batch ? b->batch : 100, i, n;
	uint64_t done = 0, t0, last_report = 0;
	double db_s = 0, now;
	char now_iso[96], extra[64];

	if ((msgs = calloc(per, sizeof(*msgs))) == NULL) {
		fprintf(stderr, "baseline_sqlite: out of memory\n");
		exit(1);
	}
	bs_prepare(b);
	while ((b->count == 0 || done < b->count) &&
	    (b->seconds <= 0 || db_s < b->seconds)) {
		n = per;
		if (b->count && n > b->count - done)
			n = (size_t)(b->count - done);
		/* Building the rows is not database time. */
		for (i = 0; i < n; i++)
			bm_build(&b->gen, b->first_seq + done + i, &msgs[i]);
		t0 = bm_mono_ns();
		now = bm_now();
		bm_time_iso(now, now_iso, sizeof(now_iso));
		snprintf(extra, sizeof(extra), "{\"bench_sent_at\":%.6f}", now);
		if (b->batch)
			bs_step_done(b, b->begin, "begin");
		if (b->rollup) {
			bs_step_done(b, b->keys_clear, "keys");
			for (i = 0; i < n; i++) {
				sqlite3_bind_text(b->key, 1, msgs[i].call_id,
				    -1, SQLITE_STATIC);
				sqlite3_bind_text(b->key, 2, b->node, -1,
				    SQLITE_STATIC);
				bs_step_done(b, b->key, "key");
			}
			bs_rollup(b, -1);
		}
		for (i = 0; i < n; i++)
			bs_put(b, &msgs[i], now_iso, extra);
		if (b->rollup)
			bs_rollup(b, 1);
		if (b->batch)
			bs_step_done(b, b->commit, "commit");
		db_s += bs_elapsed(t0);
		done += n;
		if (b->progress && done - last_report >= 200000) {
			fprintf(stderr, "baseline_sqlite: %llu messages, %.0f/s\n",
			    (unsigned long long)(b->first_seq + done),
			    (double)done / db_s);
			last_report = done;
		}
	}
	printf("mode=%s%s msgs=%llu rows=%llu db_s=%.3f rate=%.0f"
	    " rows_per_s=%.0f batch=%zu\n", mode, b->suffix, (unsigned long long)done,
	    (unsigned long long)b->rows, db_s, db_s > 0 ? (double)done / db_s :
	    0.0, db_s > 0 ? (double)b->rows / db_s : 0.0, b->batch);
	free(msgs);
}

/* Runs sql (one statement, parameters bound by the caller) 3 times. */
static void
bs_time_query(struct bs *b, const char *name, const char *sql,
    const char *p1, const char *p2)
{
	sqlite3_stmt *st;
	double best[3], tmp;
	long rows = 0;
	int i, j, rc;

	if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) != SQLITE_OK)
		bs_die(b, name);
	for (i = 0; i < 3; i++) {
		uint64_t t0 = bm_mono_ns();

		if (p1)
			sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC);
		if (p2)
			sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
		rows = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			rows++;
		if (rc != SQLITE_DONE)
			bs_die(b, name);
		sqlite3_reset(st);
		best[i] = bs_elapsed(t0) * 1000;
	}
	sqlite3_finalize(st);
	for (i = 0; i < 3; i++)
		for (j = i + 1; j < 3; j++)
			if (best[j] < best[i]) {
				tmp = best[i];
				best[i] = best[j];
				best[j] = tmp;
			}
	printf(" %s_ms=%.1f %s_rows=%ld", name, best[1], name, rows);
}

/*
 * The queries a dashboard runs: the daily view for 30 days, the 100 worst
 * calls of yesterday, one call by call_id (one the fill wrote).
 */
static void
bs_query(struct bs *b)
{
	char day0[96], day1[96], call_id[128], calls[32];
	double yday = floor(bm_now() / 86400.0 - 1) * 86400.0;
	sqlite3_stmt *st;
	struct bm_msg m;

	bm_time_iso(yday, day0, sizeof(day0));
	bm_time_iso(yday + 86400.0, day1, sizeof(day1));
	bm_build(&b->gen, b->first_seq, &m);
	snprintf(call_id, sizeof(call_id), "%s", m.call_id);
	if (sqlite3_prepare_v2(b->db, "SELECT count(*) FROM call", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		bs_die(b, "count");
	snprintf(calls, sizeof(calls), "%lld",
	    (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	printf("mode=query calls=%s", calls);
	bs_time_query(b, "daily30", "SELECT * FROM v_daily_quality WHERE day"
	    " >= strftime('%Y-%m-%d', 'now', '-30 days') ORDER BY day, node",
	    NULL, NULL);
	bs_time_query(b, "worst100", "SELECT * FROM v_call_quality WHERE"
	    " start_time >= ?1 AND start_time < ?2 AND mos_worst IS NOT NULL"
	    " ORDER BY mos_worst LIMIT 100", day0, day1);
	bs_time_query(b, "by_call_id", "SELECT * FROM v_call_quality WHERE"
	    " call_id = ?1", call_id, NULL);
	printf("\n");
}

/* Applies SQL files in the order given and records their versions. */
static void
bs_schema(struct bs *b, int argc, char **argv)
{
	char sql[256], *text;
	const char *base;
	FILE *f;
	long len;
	int i;

	bs_exec(b, "BEGIN");
	for (i = 0; i < argc; i++) {
		if ((f = fopen(argv[i], "r")) == NULL ||
		    fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
		    fseek(f, 0, SEEK_SET) != 0 ||
		    (text = calloc(1, (size_t)len + 1)) == NULL ||
		    fread(text, 1, (size_t)len, f) != (size_t)len) {
			fprintf(stderr, "baseline_sqlite: cannot read %s\n",
			    argv[i]);
			exit(1);
		}
		fclose(f);
		bs_exec(b, text);
		free(text);
		base = strrchr(argv[i], '/');
		base = base ? base + 1 : argv[i];
		snprintf(sql, sizeof(sql), "INSERT INTO moscdr_schema_version"
		    " VALUES (%d, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'))",
		    atoi(base));
		bs_exec(b, sql);
	}
	bs_exec(b, "COMMIT");
	printf("mode=schema files=%d\n", argc);
}

static void
bs_usage(void)
{
	fprintf(stderr, "usage: baseline_sqlite raw|naive|query|schema DB"
	    " [-n COUNT] [-s SECONDS] [-b BATCH]\n"
	    "       [-p PREFIX] [-S FIRST_SEQ] [-N NODE] [-R RTP_PCT]"
	    " [-M NOMOS_PCT] [-P daemon|default] [-v] [-r] [SQLFILE...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static struct bs b;
	const char *mode, *path, *pragmas = NULL;
	int c, i;

	if (argc < 3)
		bs_usage();
	mode = argv[1];
	path = argv[2];
	argc -= 2;
	argv += 2;
	b.node = "bench";
	b.suffix = "";
	b.batch = 1000;
	snprintf(b.gen.prefix, sizeof(b.gen.prefix), "raw");
	b.gen.now = bm_now();
	b.gen.rtp_pct = 20;
	b.gen.nomos_pct = 10;
	while ((c = getopt(argc, argv, "n:s:b:p:S:N:R:M:P:T:vr")) != -1) {
		switch (c) {
		case 'n': b.count = strtoull(optarg, NULL, 10); break;
		case 's': b.seconds = atof(optarg); break;
		case 'b': b.batch = (size_t)atol(optarg); break;
		case 'p':
			snprintf(b.gen.prefix, sizeof(b.gen.prefix), "%s",
			    optarg);
			break;
		case 'S': b.first_seq = strtoull(optarg, NULL, 10); break;
		case 'N': b.node = optarg; break;
		case 'R': b.gen.rtp_pct = (unsigned)atoi(optarg); break;
		case 'M': b.gen.nomos_pct = (unsigned)atoi(optarg); break;
		case 'P': pragmas = optarg; break;
		case 'v': b.progress = true; break;
		case 'r': b.rollup = true; break;
		case 'T': b.gen.recent_s = atol(optarg); break;
		default: bs_usage();
		}
	}
	/* naive gets SQLite's defaults unless -P daemon, the others the
	   daemon's settings unless -P default. */
	bs_open(&b, path, pragmas ? strcmp(pragmas, "default") == 0 :
	    strcmp(mode, "naive") == 0);
	if (strcmp(mode, "raw") == 0) {
		if (b.count == 0 && b.seconds <= 0)
			bs_usage();
		if (b.rollup)
			b.suffix = "_rollup";
		bs_run(&b, "raw");
	} else if (strcmp(mode, "naive") == 0) {
		if (b.count == 0 && b.seconds <= 0)
			bs_usage();
		b.batch = 0;
		if (pragmas != NULL && strcmp(pragmas, "daemon") == 0)
			b.suffix = "_wal";
		bs_run(&b, "naive");
	} else if (strcmp(mode, "query") == 0)
		bs_query(&b);
	else if (strcmp(mode, "schema") == 0)
		bs_schema(&b, argc - optind, argv + optind);
	else
		bs_usage();
	sqlite3_finalize(b.call);
	sqlite3_finalize(b.call_key);
	for (i = 0; i < STORE_SQLITE_SAMPLE_ROWS; i++)
		sqlite3_finalize(b.samples[i]);
	sqlite3_finalize(b.leg);
	sqlite3_finalize(b.sample);
	sqlite3_finalize(b.begin);
	sqlite3_finalize(b.commit);
	sqlite3_finalize(b.keys_clear);
	sqlite3_finalize(b.contrib);
	sqlite3_finalize(b.call_set);
	sqlite3_finalize(b.key);
	sqlite3_finalize(b.add_hour);
	sqlite3_finalize(b.add_mos);
	sqlite_rollup_sums_free(b.sums);
	if (sqlite3_close(b.db) != SQLITE_OK)
		bs_die(&b, "close");
	return 0;
}
