/*
 * baseline_pg.c: the PostgreSQL reference points of the benchmark: how fast
 * the database itself takes moscdrd's rows, with no daemon in between.
 *
 * Modes (the database must already carry the schema; run.sh has moscdrd
 * create it, or "schema" applies sql/postgresql/NNN_*.sql by hand):
 *   raw     the limit: per batch of BATCH messages, one transaction that
 *           COPYs the rows into temporary staging tables and moves them
 *           with one INSERT ... SELECT ... ON CONFLICT DO UPDATE per table
 *           (the merge rule: COALESCE(excluded.col, col)). That was the
 *           fastest bulk path measured here (PERFORMANCE-NOTES.md: COPY
 *           into staging beat multi-row INSERT and pipeline mode). Row
 *           building is kept out of the timed part.
 *   naive   one autocommit INSERT (the same upserts) per row.
 *   query   times the typical view queries at the current size.
 *   schema  applies SQL files and records their versions.
 * Rows come from benchmsg.h: the same messages loadgen sends, normalized.
 * Staged rows find their call by (call_id, node), which the bench keeps
 * distinct within a batch (ON CONFLICT cannot touch a row twice in one
 * statement; the daemon has to handle that case, the limit does not).
 *
 * Output: one line of key=value pairs on stdout. Exit 0 unless a database
 * call failed.
 */
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "benchmsg.h"
#include "store_pg_sql.h"

static const char *const bp_staging_sql =
    "CREATE TEMP TABLE s_call (node text, call_id text, from_tag text,"
    " to_tag text, from_uri text, to_uri text, sip_code integer,"
    " sip_reason text, start_time timestamptz, end_time timestamptz,"
    " received_at timestamptz, extra jsonb) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE s_leg (node text, call_id text, side text,"
    " label text) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE s_sample (node text, call_id text, scope text,"
    " kind text, seq integer, mos real, packetloss_pct real,"
    " jitter_ms real, roundtrip_us bigint, roundtrip_leg_us bigint,"
    " samples integer, at_offset_s integer, reported_at timestamptz)"
    " ON COMMIT DELETE ROWS";

#define BP_CALL_SET \
    " ON CONFLICT (call_id, node, part_at) DO UPDATE SET" \
    " from_tag = COALESCE(excluded.from_tag, call.from_tag)," \
    " to_tag = COALESCE(excluded.to_tag, call.to_tag)," \
    " from_uri = COALESCE(excluded.from_uri, call.from_uri)," \
    " to_uri = COALESCE(excluded.to_uri, call.to_uri)," \
    " sip_code = COALESCE(excluded.sip_code, call.sip_code)," \
    " sip_reason = COALESCE(excluded.sip_reason, call.sip_reason)," \
    " start_time = COALESCE(excluded.start_time, call.start_time)," \
    " end_time = COALESCE(excluded.end_time, call.end_time)," \
    " received_at = LEAST(call.received_at, excluded.received_at)," \
    " updated_at = excluded.updated_at," \
    " messages = call.messages + 1," \
    " extra = CASE WHEN excluded.extra IS NULL THEN call.extra" \
    "  WHEN call.extra IS NULL THEN excluded.extra" \
    "  ELSE call.extra || excluded.extra END"

#define BP_LEG_SET \
    " ON CONFLICT (call_pk, side, part_at) DO UPDATE SET" \
    " label = COALESCE(excluded.label, leg.label)"

#define BP_SAMPLE_SET \
    " ON CONFLICT (call_pk, scope, kind, seq, part_at) DO UPDATE SET" \
    " mos = COALESCE(excluded.mos, mos_sample.mos)," \
    " packetloss_pct = COALESCE(excluded.packetloss_pct," \
    "  mos_sample.packetloss_pct)," \
    " jitter_ms = COALESCE(excluded.jitter_ms, mos_sample.jitter_ms)," \
    " roundtrip_us = COALESCE(excluded.roundtrip_us," \
    "  mos_sample.roundtrip_us)," \
    " roundtrip_leg_us = COALESCE(excluded.roundtrip_leg_us," \
    "  mos_sample.roundtrip_leg_us)," \
    " samples = COALESCE(excluded.samples, mos_sample.samples)," \
    " at_offset_s = COALESCE(excluded.at_offset_s, mos_sample.at_offset_s)," \
    " reported_at = COALESCE(excluded.reported_at, mos_sample.reported_at)"

/*
 * part_at (the partition key, migration 012) is the message's own start,
 * else reception, time here: the baselines do not look for a call of
 * another day (the daemon does, store_pg_sql.h STORE_PG_PART_AT).
 *
 * One round trip after the COPYs: one statement moves the staged rows and
 * the children find their call_pk through the RETURNING of the call
 * insert (joining the whole call table instead made the planner hash all
 * of it per batch: slower with every call stored), then commit.
 */
static const char *const bp_move_sql =
    "WITH c AS (INSERT INTO call (node, call_id, from_tag, to_tag, from_uri,"
    " to_uri, sip_code, sip_reason, start_time, end_time, received_at,"
    " updated_at, messages, extra, part_at, mos_average, mos_worst,"
    " has_mos, packetloss_pct_average, a_packetloss_pct_average,"
    " b_packetloss_pct_average)"
    " SELECT s.node, s.call_id, from_tag, to_tag, from_uri, to_uri,"
    " sip_code, sip_reason, start_time, end_time, received_at, received_at,"
    " 1, extra, coalesce(start_time, received_at), f.f_avg, f.f_worst,"
    " coalesce(f.f_any, false), f.f_loss, f.f_a_loss, f.f_b_loss"
    /* a new call's figures as the daemon's merge sets them */
    " FROM s_call AS s LEFT JOIN (" STORE_PG_STG_FIGURES("call_id, node",
    "s_sample") ") AS f ON f.call_id = s.call_id AND f.node = s.node"
    BP_CALL_SET " RETURNING call_pk, call_id, node, part_at),"
    " l AS (INSERT INTO leg (call_pk, side, label, part_at)"
    " SELECT c.call_pk, s.side, s.label, c.part_at FROM s_leg s JOIN c"
    " ON c.call_id = s.call_id AND c.node = s.node" BP_LEG_SET ")"
    " INSERT INTO mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct,"
    " jitter_ms, roundtrip_us, roundtrip_leg_us, samples, at_offset_s,"
    " reported_at, part_at)"
    " SELECT c.call_pk, s.scope, s.kind, s.seq, s.mos, s.packetloss_pct,"
    " s.jitter_ms, s.roundtrip_us, s.roundtrip_leg_us, s.samples,"
    " s.at_offset_s, s.reported_at, c.part_at FROM s_sample s JOIN c"
    " ON c.call_id = s.call_id AND c.node = s.node" BP_SAMPLE_SET ";"
    "COMMIT";

/*
 * -r: the daemon's rollup statement (src/store_pg_sql.h) around the move,
 * out for the staged calls that exist before it, in for all after it.
 */
#define BP_KEYS "SELECT k.call_pk, k.part_at FROM s_call AS s" \
    " JOIN call AS k ON k.call_id = s.call_id AND k.node = s.node" \
    " AND k.part_at = coalesce(s.start_time, s.received_at)"
static const char *const bp_rollup_out_sql =
    STORE_PG_ROLLUP_PLAN STORE_PG_ROLLUP("-1", BP_KEYS) ";"
    STORE_PG_ROLLUP_UNPLAN;
static const char *const bp_rollup_in_sql =
    STORE_PG_ROLLUP_PLAN STORE_PG_ROLLUP_IN(BP_KEYS) "; COMMIT";

/* naive: the same upserts, one row per statement, autocommit. */
static const char *const bp_call_sql =
    "INSERT INTO call (node, call_id, from_tag, to_tag, from_uri, to_uri,"
    " sip_code, sip_reason, start_time, end_time, received_at, updated_at,"
    " messages, extra, part_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
    " $10, $11, $11, 1, $12, coalesce($9::timestamptz, $11::timestamptz))"
    BP_CALL_SET
    " RETURNING call_pk";
/* The children take their call's part_at by its call_pk. */
static const char *const bp_leg_sql =
    "INSERT INTO leg (call_pk, side, label, part_at) SELECT $1, $2, $3,"
    " part_at FROM call WHERE call_pk = $1" BP_LEG_SET;
static const char *const bp_sample_sql =
    "INSERT INTO mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct,"
    " jitter_ms, roundtrip_us, roundtrip_leg_us, samples, at_offset_s,"
    " reported_at, part_at) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
    " $11, $12, part_at FROM call WHERE call_pk = $1" BP_SAMPLE_SET;

/* A growing text buffer for COPY data. */
struct bp_text {
	char *p;
	size_t len, cap;
};

struct bp {
	PGconn *pg;
	bool rollup;		/* -r: the daemon's rollup statements too */
	char *move_rollup;	/* bp_move_sql before its COMMIT, then the
				   rollups in, then COMMIT */
	const char *node;
	struct bm_gen gen;
	uint64_t first_seq;
	uint64_t count;
	double seconds;
	size_t batch;
	bool progress;
	uint64_t rows;
	struct bp_text tcall, tleg, tsample;
};

static void
bp_die(struct bp *b, const char *what)
{
	fprintf(stderr, "baseline_pg: %s: %s", what,
	    b->pg ? PQerrorMessage(b->pg) : "no connection\n");
	exit(1);
}

static void
bp_exec(struct bp *b, const char *sql, ExecStatusType want)
{
	PGresult *res = PQexec(b->pg, sql);

	if (PQresultStatus(res) != want) {
		fprintf(stderr, "baseline_pg: %.60s...: %s", sql,
		    PQresultErrorMessage(res));
		exit(1);
	}
	PQclear(res);
}

static void
bp_grow(struct bp_text *t, size_t more)
{
	if (t->len + more <= t->cap)
		return;
	t->cap = (t->len + more) * 2;
	if ((t->p = realloc(t->p, t->cap)) == NULL) {
		fprintf(stderr, "baseline_pg: out of memory\n");
		exit(1);
	}
}

/* Appends one COPY text field, escaped; NULL is \N. sep follows it. */
static void
bp_field(struct bp_text *t, const char *v, char sep)
{
	const char *s;

	bp_grow(t, (v ? 2 * strlen(v) : 2) + 2);
	if (v == NULL) {
		t->p[t->len++] = '\\';
		t->p[t->len++] = 'N';
	} else
		for (s = v; *s; s++) {
			if (*s == '\\' || *s == '\t' || *s == '\n' ||
			    *s == '\r')
				t->p[t->len++] = '\\';
			t->p[t->len++] = *s == '\t' ? 't' : *s == '\n' ? 'n' :
			    *s == '\r' ? 'r' : *s;
		}
	t->p[t->len++] = sep;
}

static void
bp_num(struct bp_text *t, double v, bool integer, char sep)
{
	char buf[64];

	if (isnan(v))
		bp_field(t, NULL, sep);
	else {
		if (integer)
			snprintf(buf, sizeof(buf), "%lld", (long long)v);
		else
			snprintf(buf, sizeof(buf), "%.9g", v);
		bp_field(t, buf, sep);
	}
}

static void
bp_copy(struct bp *b, const char *sql, struct bp_text *t)
{
	PGresult *res;

	res = PQexec(b->pg, sql);
	if (PQresultStatus(res) != PGRES_COPY_IN)
		bp_die(b, sql);
	PQclear(res);
	if (PQputCopyData(b->pg, t->p, (int)t->len) != 1 ||
	    PQputCopyEnd(b->pg, NULL) != 1)
		bp_die(b, "copy data");
	while ((res = PQgetResult(b->pg)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			bp_die(b, sql);
		PQclear(res);
	}
	t->len = 0;
}

/* Formats the COPY rows of one message into the three buffers. */
static void
bp_stage(struct bp *b, const struct bm_msg *m, const char *now_iso,
    const char *extra)
{
	char code[16], seq[16], iso[96];
	size_t i;

	snprintf(code, sizeof(code), "%d", m->sip_code);
	bp_field(&b->tcall, b->node, '\t');
	bp_field(&b->tcall, m->call_id, '\t');
	bp_field(&b->tcall, m->from_tag, '\t');
	bp_field(&b->tcall, m->to_tag, '\t');
	bp_field(&b->tcall, m->from_uri, '\t');
	bp_field(&b->tcall, m->to_uri, '\t');
	bp_field(&b->tcall, code, '\t');
	bp_field(&b->tcall, m->sip_reason, '\t');
	bp_field(&b->tcall, m->start_iso, '\t');
	bp_field(&b->tcall, m->end_iso, '\t');
	bp_field(&b->tcall, now_iso, '\t');
	bp_field(&b->tcall, extra, '\n');
	b->rows++;
	for (i = 0; i < 2; i++) {
		bp_field(&b->tleg, b->node, '\t');
		bp_field(&b->tleg, m->call_id, '\t');
		bp_field(&b->tleg, i ? "B" : "A", '\t');
		bp_field(&b->tleg, i ? "callee" : "caller", '\n');
		b->rows++;
	}
	for (i = 0; i < m->ns; i++) {
		const struct bm_sample *s = &m->s[i];

		snprintf(seq, sizeof(seq), "%d", s->seq);
		bp_field(&b->tsample, b->node, '\t');
		bp_field(&b->tsample, m->call_id, '\t');
		bp_field(&b->tsample, bm_scope_name(s->scope), '\t');
		bp_field(&b->tsample, bm_kind_name(s->kind), '\t');
		bp_field(&b->tsample, seq, '\t');
		bp_num(&b->tsample, s->mos, false, '\t');
		bp_num(&b->tsample, s->packetloss_pct, false, '\t');
		bp_num(&b->tsample, s->jitter_ms, false, '\t');
		bp_num(&b->tsample, s->roundtrip_us, true, '\t');
		bp_num(&b->tsample, s->roundtrip_leg_us, true, '\t');
		bp_num(&b->tsample, s->samples, true, '\t');
		bp_num(&b->tsample, s->at_offset_s, true, '\t');
		bp_field(&b->tsample, isnan(s->reported_at) ? NULL :
		    bm_time_iso(s->reported_at, iso, sizeof(iso)), '\n');
		b->rows++;
	}
}

/* naive: every row its own autocommit statement. */
static void
bp_put_naive(struct bp *b, const struct bm_msg *m, const char *now_iso,
    const char *extra)
{
	const char *v[12];
	char code[16], pk[32], num[8][64], seq[16], iso[96];
	PGresult *res;
	size_t i;
	int k;

	snprintf(code, sizeof(code), "%d", m->sip_code);
	v[0] = b->node; v[1] = m->call_id; v[2] = m->from_tag;
	v[3] = m->to_tag; v[4] = m->from_uri; v[5] = m->to_uri;
	v[6] = code; v[7] = m->sip_reason; v[8] = m->start_iso;
	v[9] = m->end_iso; v[10] = now_iso; v[11] = extra;
	res = PQexecParams(b->pg, bp_call_sql, 12, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		bp_die(b, "insert call");
	snprintf(pk, sizeof(pk), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	b->rows++;
	for (i = 0; i < 2; i++) {
		v[0] = pk;
		v[1] = i ? "B" : "A";
		v[2] = i ? "callee" : "caller";
		res = PQexecParams(b->pg, bp_leg_sql, 3, NULL, v, NULL, NULL,
		    0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			bp_die(b, "insert leg");
		PQclear(res);
		b->rows++;
	}
	for (i = 0; i < m->ns; i++) {
		const struct bm_sample *s = &m->s[i];
		const double d[7] = { s->mos, s->packetloss_pct, s->jitter_ms,
		    s->roundtrip_us, s->roundtrip_leg_us, s->samples,
		    s->at_offset_s };

		snprintf(seq, sizeof(seq), "%d", s->seq);
		v[0] = pk;
		v[1] = bm_scope_name(s->scope);
		v[2] = bm_kind_name(s->kind);
		v[3] = seq;
		for (k = 0; k < 7; k++) {
			if (isnan(d[k]))
				v[4 + k] = NULL;
			else {
				snprintf(num[k], sizeof(num[k]), k < 3 ?
				    "%.17g" : "%.0f", d[k]);
				v[4 + k] = num[k];
			}
		}
		v[11] = isnan(s->reported_at) ? NULL :
		    bm_time_iso(s->reported_at, iso, sizeof(iso));
		res = PQexecParams(b->pg, bp_sample_sql, 12, NULL, v, NULL,
		    NULL, 0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			bp_die(b, "insert sample");
		PQclear(res);
		b->rows++;
	}
}

/*
 * raw (batch > 0) and naive (batch 0). Stops after count messages or
 * seconds of database time, whichever comes first.
 */
static void
bp_run(struct bp *b, const char *mode)
{
	struct bm_msg *msgs;
	size_t per = b->batch ? b->batch : 20, i, n;
	uint64_t done = 0, t0, last_report = 0;
	double db_s = 0, now;
	char now_iso[96], extra[64];

	if ((msgs = calloc(per, sizeof(*msgs))) == NULL) {
		fprintf(stderr, "baseline_pg: out of memory\n");
		exit(1);
	}
	if (b->batch)
		bp_exec(b, bp_staging_sql, PGRES_COMMAND_OK);
	if (b->rollup) {
		size_t k = strlen(bp_move_sql) - strlen("COMMIT");

		if ((b->move_rollup = malloc(k + strlen(bp_rollup_in_sql) +
		    1)) == NULL) {
			fprintf(stderr, "baseline_pg: out of memory\n");
			exit(1);
		}
		memcpy(b->move_rollup, bp_move_sql, k);
		strcpy(b->move_rollup + k, bp_rollup_in_sql);
	}
	while ((b->count == 0 || done < b->count) &&
	    (b->seconds <= 0 || db_s < b->seconds)) {
		n = per;
		if (b->count && n > b->count - done)
			n = (size_t)(b->count - done);
		for (i = 0; i < n; i++)
			bm_build(&b->gen, b->first_seq + done + i, &msgs[i]);
		/* Timed: formatting the COPY text and the database work. */
		t0 = bm_mono_ns();
		now = bm_now();
		bm_time_iso(now, now_iso, sizeof(now_iso));
		snprintf(extra, sizeof(extra), "{\"bench_sent_at\":%.6f}", now);
		if (b->batch) {
			for (i = 0; i < n; i++)
				bp_stage(b, &msgs[i], now_iso, extra);
			uint64_t t1 = bm_mono_ns(), t2;

			bp_exec(b, "BEGIN", PGRES_COMMAND_OK);
			bp_copy(b, "COPY s_call FROM STDIN", &b->tcall);
			bp_copy(b, "COPY s_leg FROM STDIN", &b->tleg);
			bp_copy(b, "COPY s_sample FROM STDIN", &b->tsample);
			t2 = bm_mono_ns();
			if (b->rollup) {
				bp_exec(b, bp_rollup_out_sql, PGRES_COMMAND_OK);
				bp_exec(b, b->move_rollup, PGRES_COMMAND_OK);
			} else
				bp_exec(b, bp_move_sql, PGRES_COMMAND_OK);
			if (getenv("BP_TRACE"))
				fprintf(stderr, "format %.1f ms copy %.1f ms"
				    " move+commit %.1f ms\n",
				    (double)(t1 - t0) / 1e6,
				    (double)(t2 - t1) / 1e6,
				    (double)(bm_mono_ns() - t2) / 1e6);
		} else
			for (i = 0; i < n; i++)
				bp_put_naive(b, &msgs[i], now_iso, extra);
		db_s += (double)(bm_mono_ns() - t0) / 1e9;
		done += n;
		if (b->progress && done - last_report >= 200000) {
			fprintf(stderr, "baseline_pg: %llu messages, %.0f/s\n",
			    (unsigned long long)(b->first_seq + done),
			    (double)done / db_s);
			last_report = done;
		}
	}
	printf("mode=%s%s msgs=%llu rows=%llu db_s=%.3f rate=%.0f"
	    " rows_per_s=%.0f batch=%zu\n", mode, b->rollup ? "_rollup" : "",
	    (unsigned long long)done,
	    (unsigned long long)b->rows, db_s, db_s > 0 ? (double)done / db_s :
	    0.0, db_s > 0 ? (double)b->rows / db_s : 0.0, b->batch);
	free(msgs);
}

static void
bp_time_query(struct bp *b, const char *name, const char *sql, int np,
    const char *p1, const char *p2)
{
	const char *v[2] = { p1, p2 };
	double t[3], tmp;
	PGresult *res;
	int i, j, rows = 0;

	for (i = 0; i < 3; i++) {
		uint64_t t0 = bm_mono_ns();

		res = PQexecParams(b->pg, sql, np, NULL, v, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			bp_die(b, name);
		rows = PQntuples(res);
		PQclear(res);
		t[i] = (double)(bm_mono_ns() - t0) / 1e6;
	}
	for (i = 0; i < 3; i++)
		for (j = i + 1; j < 3; j++)
			if (t[j] < t[i]) {
				tmp = t[i];
				t[i] = t[j];
				t[j] = tmp;
			}
	printf(" %s_ms=%.1f %s_rows=%d", name, t[1], name, rows);
}

/* The same three dashboard queries as baseline_sqlite.c. */
static void
bp_query(struct bp *b)
{
	char day0[96], day1[96];
	double yday = floor(bm_now() / 86400.0 - 1) * 86400.0;
	struct bm_msg m;
	PGresult *res;

	bm_time_iso(yday, day0, sizeof(day0));
	bm_time_iso(yday + 86400.0, day1, sizeof(day1));
	bm_build(&b->gen, b->first_seq, &m);
	res = PQexec(b->pg, "SELECT count(*) FROM call");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		bp_die(b, "count");
	printf("mode=query calls=%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	bp_time_query(b, "daily30", "SELECT * FROM v_daily_quality WHERE day"
	    " >= current_date - 30 ORDER BY day, node", 0, NULL, NULL);
	bp_time_query(b, "worst100", "SELECT * FROM v_call_quality WHERE"
	    " start_time >= $1 AND start_time < $2 AND mos_worst IS NOT NULL"
	    " ORDER BY mos_worst LIMIT 100", 2, day0, day1);
	bp_time_query(b, "by_call_id", "SELECT * FROM v_call_quality WHERE"
	    " call_id = $1", 1, m.call_id, NULL);
	printf("\n");
}

static void
bp_schema(struct bp *b, int argc, char **argv)
{
	char sql[256], *text;
	const char *base;
	FILE *f;
	long len;
	int i;

	bp_exec(b, "BEGIN", PGRES_COMMAND_OK);
	for (i = 0; i < argc; i++) {
		if ((f = fopen(argv[i], "r")) == NULL ||
		    fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
		    fseek(f, 0, SEEK_SET) != 0 ||
		    (text = calloc(1, (size_t)len + 1)) == NULL ||
		    fread(text, 1, (size_t)len, f) != (size_t)len) {
			fprintf(stderr, "baseline_pg: cannot read %s\n",
			    argv[i]);
			exit(1);
		}
		fclose(f);
		bp_exec(b, text, PGRES_COMMAND_OK);
		free(text);
		base = strrchr(argv[i], '/');
		base = base ? base + 1 : argv[i];
		snprintf(sql, sizeof(sql), "INSERT INTO moscdr_schema_version"
		    " (version) VALUES (%d)", atoi(base));
		bp_exec(b, sql, PGRES_COMMAND_OK);
	}
	bp_exec(b, "COMMIT", PGRES_COMMAND_OK);
	printf("mode=schema files=%d\n", argc);
}

static void
bp_usage(void)
{
	fprintf(stderr, "usage: baseline_pg raw|naive|query|schema CONNINFO"
	    " [-n COUNT] [-s SECONDS] [-b BATCH]\n"
	    "       [-p PREFIX] [-S FIRST_SEQ] [-N NODE] [-R RTP_PCT]"
	    " [-M NOMOS_PCT] [-v] [SQLFILE...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static struct bp b;
	const char *mode, *conninfo;
	int c;

	if (argc < 3)
		bp_usage();
	mode = argv[1];
	conninfo = argv[2];
	argc -= 2;
	argv += 2;
	b.node = "bench";
	b.batch = 1000;
	snprintf(b.gen.prefix, sizeof(b.gen.prefix), "raw");
	b.gen.now = bm_now();
	b.gen.rtp_pct = 20;
	b.gen.nomos_pct = 10;
	while ((c = getopt(argc, argv, "n:s:b:p:S:N:R:M:T:vr")) != -1) {
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
		case 'v': b.progress = true; break;
		case 'r': b.rollup = true; break;
		case 'T': b.gen.recent_s = atol(optarg); break;
		default: bp_usage();
		}
	}
	b.pg = PQconnectdb(conninfo);
	if (PQstatus(b.pg) != CONNECTION_OK)
		bp_die(&b, "connect");
	if (strcmp(mode, "raw") == 0 || strcmp(mode, "naive") == 0) {
		if ((b.count == 0 && b.seconds <= 0) || (b.batch == 0 &&
		    strcmp(mode, "raw") == 0))
			bp_usage();
		if (strcmp(mode, "naive") == 0)
			b.batch = 0;
		bp_run(&b, mode);
	} else if (strcmp(mode, "query") == 0)
		bp_query(&b);
	else if (strcmp(mode, "schema") == 0)
		bp_schema(&b, argc - optind, argv + optind);
	else
		bp_usage();
	PQfinish(b.pg);
	free(b.tcall.p);
	free(b.tleg.p);
	free(b.tsample.p);
	return 0;
}
