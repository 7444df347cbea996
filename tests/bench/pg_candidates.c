/*
 * pg_candidates.c: measures the ways store_pg.c could write a batch to
 * PostgreSQL, on the real moscdr schema, to choose the fastest one.
 *
 * One message is 1 call + 2 legs + 9 mos_sample rows (call, A and B, each
 * average/min/max); 1000 messages per transaction; every call is new
 * (fresh call_ids), the steady state of a busy proxy. Strategies:
 *
 *   pipeline-rows  pipeline mode, prepared upserts, one statement per row
 *                  (children find call_pk by a subselect on the key)
 *   pipeline-cte   pipeline mode, one prepared statement per message:
 *                  WITH c AS (INSERT call ... RETURNING call_pk) INSERT the
 *                  legs and samples from unnest() of array parameters
 *   multirow       multi-row INSERT ... VALUES ... ON CONFLICT per table
 *                  (calls RETURNING call_pk, children in 65535-parameter
 *                  chunks)
 *   store          store_backend_pg.put_batch itself: COPY into temporary
 *                  staging tables, INSERT ... SELECT ... ON CONFLICT
 *
 * All four keep the merge rules (COALESCE(excluded.col, col), ...); the
 * "store" one also handles a key twice in a batch. Prints messages per
 * second. Build and run (the schema must exist: run "store" first, or
 * any strategy runs the migration through store_pg.c):
 *
 *   cc -std=gnu11 -D_GNU_SOURCE -O2 -Isrc -I/usr/include/postgresql \
 *     -o build/pg_candidates tests/bench/pg_candidates.c build/libmoscdr.a \
 *     $(pkg-config --libs libcjson libconfuse sqlite3 libpq libevent \
 *     libevent_pthreads) -lpthread -lm
 *   build/pg_candidates "CONNINFO" STRATEGY MESSAGES [TAG]
 *
 * TAG (default "bench") prefixes the call_ids, so runs do not collide.
 * The figures and how they were taken are in docs/postgresql.md.
 *
 * Since migration 012 (partitions, part_at in every key) only "store"
 * runs: the other three strategies write no part_at and the database
 * refuses them. They are kept as the record of the choice, made on the
 * schema before 012; not part of make bench.
 */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "bench_pg.h"
#include "record.h"
#include "store.h"
#include "store_pg_sql.h"
#include "util.h"

#define BENCH_BATCH	1000

static const char sql_call[] =
    "INSERT INTO call AS t (" STORE_PG_CALL_COLUMNS ") VALUES ";
static const char sql_call_merge[] = STORE_PG_CALL_MERGE;
static const char sql_leg_merge[] = STORE_PG_LEG_MERGE;
static const char sql_sample_merge[] = STORE_PG_SAMPLE_MERGE;

/* A growable string. */
struct sbuf {
	char *p;
	size_t len, cap;
};

static void
sb_add(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
sb_add(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if ((size_t)n < b->cap - b->len)
			break;
		b->cap = b->cap * 2 + (size_t)n + 1024;
		b->p = xrealloc(b->p, b->cap);
	}
	b->len += (size_t)n;
}

static void
check(PGresult *res, ExecStatusType want, PGconn *c, const char *what)
{
	if (PQresultStatus(res) != want) {
		fprintf(stderr, "%s: %s", what, PQerrorMessage(c));
		exit(1);
	}
	PQclear(res);
}

static void
num(char *buf, size_t len, double v, int integer)
{
	if (isnan(v))
		snprintf(buf, len, "NULL");
	else if (integer)
		snprintf(buf, len, "%lld", (long long)llround(v));
	else
		snprintf(buf, len, "%.9g", v);
}

/* Strategy pipeline-rows: 12 prepared statements per message. */
static void
run_pipeline_rows(PGconn *c, struct record **recs, size_t n, int prepared)
{
	char t[3][32], code[16], sbuf[BENCH_PG_SAMPLES][8][24], seq[] = "0";
	const char *p[13];
	PGresult *res;
	size_t i;
	int k, f;

	if (!prepared) {
		struct sbuf q = { 0 };

		sb_add(&q, "%s($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9),"
		    " to_timestamp($10), to_timestamp($11), to_timestamp($11),"
		    " $12)%s", sql_call, sql_call_merge);
		check(PQprepare(c, "call", q.p, 0, NULL), PGRES_COMMAND_OK, c,
		    "prepare call");
		free(q.p);
		q = (struct sbuf){ 0 };
		sb_add(&q, "INSERT INTO leg AS t (call_pk, side, label)"
		    " SELECT call_pk, $3, $4 FROM call WHERE call_id = $2"
		    " AND node = $1%s", sql_leg_merge);
		check(PQprepare(c, "leg", q.p, 0, NULL), PGRES_COMMAND_OK, c,
		    "prepare leg");
		free(q.p);
		q = (struct sbuf){ 0 };
		sb_add(&q, "INSERT INTO mos_sample AS t (call_pk, scope, kind,"
		    " seq, mos, packetloss_pct, jitter_ms, roundtrip_us,"
		    " roundtrip_leg_us, samples, at_offset_s, reported_at)"
		    " SELECT call_pk, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
		    " to_timestamp($13) FROM call WHERE call_id = $2"
		    " AND node = $1%s", sql_sample_merge);
		check(PQprepare(c, "sample", q.p, 0, NULL), PGRES_COMMAND_OK,
		    c, "prepare sample");
		free(q.p);
	}
	PQenterPipelineMode(c);
	PQsendQueryParams(c, "BEGIN", 0, NULL, NULL, NULL, NULL, 0);
	for (i = 0; i < n; i++) {
		struct record *r = recs[i];

		num(t[0], 32, r->start_time, 0);
		num(t[1], 32, r->end_time, 0);
		num(t[2], 32, r->received_at, 0);
		num(code, sizeof(code), r->sip_code, 1);
		p[0] = r->node; p[1] = r->call_id; p[2] = r->from_tag;
		p[3] = r->to_tag; p[4] = r->from_uri; p[5] = r->to_uri;
		p[6] = code; p[7] = r->sip_reason; p[8] = t[0]; p[9] = t[1];
		p[10] = t[2]; p[11] = NULL;
		PQsendQueryPrepared(c, "call", 12, p, NULL, NULL, 0);
		for (k = 0; k < 2; k++) {
			p[2] = k == 0 ? "A" : "B";
			p[3] = r->legs[k].label;
			PQsendQueryPrepared(c, "leg", 4, p, NULL, NULL, 0);
		}
		for (k = 0; k < (int)r->nsamples; k++) {
			struct rec_sample *x = &r->samples[k];

			p[2] = rec_scope_name(x->scope);
			p[3] = rec_kind_name(x->kind);
			p[4] = seq;
			num(sbuf[k][0], 24, x->mos, 0);
			num(sbuf[k][1], 24, x->packetloss_pct, 0);
			num(sbuf[k][2], 24, x->jitter_ms, 0);
			num(sbuf[k][3], 24, x->roundtrip_us, 1);
			num(sbuf[k][4], 24, x->roundtrip_leg_us, 1);
			num(sbuf[k][5], 24, x->samples, 1);
			num(sbuf[k][6], 24, x->at_offset_s, 1);
			num(sbuf[k][7], 24, x->reported_at, 0);
			for (f = 0; f < 8; f++)
				p[5 + f] = strcmp(sbuf[k][f], "NULL") == 0 ?
				    NULL : sbuf[k][f];
			PQsendQueryPrepared(c, "sample", 13, p, NULL, NULL, 0);
		}
	}
	PQsendQueryParams(c, "COMMIT", 0, NULL, NULL, NULL, NULL, 0);
	PQpipelineSync(c);
	/* Results: one per statement, each followed by a NULL. */
	for (;;) {
		res = PQgetResult(c);
		if (res == NULL)
			continue;
		if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (PQresultStatus(res) != PGRES_COMMAND_OK &&
		    PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(stderr, "pipeline: %s", PQerrorMessage(c));
			exit(1);
		}
		PQclear(res);
	}
	PQexitPipelineMode(c);
}

/* Appends v as an element of a PostgreSQL array literal. */
static void
arr_num(struct sbuf *b, double v, int integer, int first)
{
	char buf[32];

	num(buf, sizeof(buf), v, integer);
	sb_add(b, "%s%s", first ? "" : ",", buf);
}

/* Strategy pipeline-cte: one statement per message, arrays for children. */
static void
run_pipeline_cte(PGconn *c, struct record **recs, size_t n, int prepared)
{
	struct sbuf a[14];
	char t[3][32], code[16];
	const char *p[14 + 12];
	PGresult *res;
	size_t i;
	int k, f;

	if (!prepared) {
		struct sbuf q = { 0 };

		sb_add(&q, "WITH c AS (%s($1, $2, $3, $4, $5, $6, $7, $8,"
		    " to_timestamp($9), to_timestamp($10), to_timestamp($11),"
		    " to_timestamp($11), $12)%s RETURNING t.call_pk),"
		    " l AS (INSERT INTO leg AS t (call_pk, side, label)"
		    " SELECT c.call_pk, u.side, u.label FROM c,"
		    " unnest($13::text[], $14::text[]) AS u(side, label)%s)"
		    " INSERT INTO mos_sample AS t (call_pk, scope, kind, seq, mos,"
		    " packetloss_pct, jitter_ms, roundtrip_us, roundtrip_leg_us,"
		    " samples, at_offset_s, reported_at)"
		    " SELECT c.call_pk, u.* FROM c, unnest($15::text[],"
		    " $16::text[], $17::int[], $18::real[], $19::real[],"
		    " $20::real[], $21::bigint[], $22::bigint[], $23::int[],"
		    " $24::int[], $25::timestamptz[]) AS u%s",
		    sql_call, sql_call_merge, sql_leg_merge, sql_sample_merge);
		check(PQprepare(c, "cte", q.p, 0, NULL), PGRES_COMMAND_OK, c,
		    "prepare cte");
		free(q.p);
	}
	memset(a, 0, sizeof(a));
	PQenterPipelineMode(c);
	PQsendQueryParams(c, "BEGIN", 0, NULL, NULL, NULL, NULL, 0);
	for (i = 0; i < n; i++) {
		struct record *r = recs[i];

		for (f = 0; f < 14; f++)
			a[f].len = 0;
		num(t[0], 32, r->start_time, 0);
		num(t[1], 32, r->end_time, 0);
		num(t[2], 32, r->received_at, 0);
		num(code, sizeof(code), r->sip_code, 1);
		p[0] = r->node; p[1] = r->call_id; p[2] = r->from_tag;
		p[3] = r->to_tag; p[4] = r->from_uri; p[5] = r->to_uri;
		p[6] = code; p[7] = r->sip_reason; p[8] = t[0]; p[9] = t[1];
		p[10] = t[2]; p[11] = NULL;
		/* Labels here are plain words; the store would quote them. */
		sb_add(&a[0], "{A,B}");
		sb_add(&a[1], "{%s,%s}", r->legs[0].label, r->legs[1].label);
		for (f = 2; f < 13; f++)
			sb_add(&a[f], "{");
		for (k = 0; k < (int)r->nsamples; k++) {
			struct rec_sample *x = &r->samples[k];
			const char *sep = k == 0 ? "" : ",";

			sb_add(&a[2], "%s%s", sep, rec_scope_name(x->scope));
			sb_add(&a[3], "%s%s", sep, rec_kind_name(x->kind));
			sb_add(&a[4], "%s%d", sep, x->seq);
			arr_num(&a[5], x->mos, 0, k == 0);
			arr_num(&a[6], x->packetloss_pct, 0, k == 0);
			arr_num(&a[7], x->jitter_ms, 0, k == 0);
			arr_num(&a[8], x->roundtrip_us, 1, k == 0);
			arr_num(&a[9], x->roundtrip_leg_us, 1, k == 0);
			arr_num(&a[10], x->samples, 1, k == 0);
			arr_num(&a[11], x->at_offset_s, 1, k == 0);
			sb_add(&a[12], "%sNULL", sep);
		}
		for (f = 2; f < 13; f++)
			sb_add(&a[f], "}");
		for (f = 0; f < 13; f++)
			p[12 + f] = a[f].p;
		PQsendQueryPrepared(c, "cte", 25, p, NULL, NULL, 0);
		/*
		 * The array texts are copied into libpq's buffer by the send
		 * call, so the buffers can be reused for the next message.
		 */
	}
	PQsendQueryParams(c, "COMMIT", 0, NULL, NULL, NULL, NULL, 0);
	PQpipelineSync(c);
	for (;;) {
		res = PQgetResult(c);
		if (res == NULL)
			continue;
		if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			break;
		}
		if (PQresultStatus(res) != PGRES_COMMAND_OK &&
		    PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(stderr, "pipeline-cte: %s", PQerrorMessage(c));
			exit(1);
		}
		PQclear(res);
	}
	PQexitPipelineMode(c);
	for (f = 0; f < 14; f++)
		free(a[f].p);
}

/* Appends a quoted SQL literal or NULL (values here have no quote). */
static void
lit(struct sbuf *b, const char *s, int first)
{
	sb_add(b, s == NULL ? "%sNULL" : "%s'%s'", first ? "" : ", ",
	    s == NULL ? "" : s);
}

static void
litnum(struct sbuf *b, double v, int integer)
{
	char buf[32];

	num(buf, sizeof(buf), v, integer);
	sb_add(b, ", %s", buf);
}

/* Strategy multirow: one INSERT per table (samples in chunks). */
static void
run_multirow(PGconn *c, struct record **recs, size_t n)
{
	struct sbuf q = { 0 };
	PGresult *res;
	long long *pk = xcalloc(n, sizeof(*pk));
	size_t i, chunk;
	int k;

	check(PQexec(c, "BEGIN"), PGRES_COMMAND_OK, c, "begin");
	sb_add(&q, "%s", sql_call);
	for (i = 0; i < n; i++) {
		struct record *r = recs[i];

		sb_add(&q, "%s(", i == 0 ? "" : ",");
		lit(&q, r->node, 1);
		lit(&q, r->call_id, 0);
		lit(&q, r->from_tag, 0);
		lit(&q, r->to_tag, 0);
		lit(&q, r->from_uri, 0);
		lit(&q, r->to_uri, 0);
		litnum(&q, r->sip_code, 1);
		lit(&q, r->sip_reason, 0);
		sb_add(&q, ", to_timestamp(%.6f), to_timestamp(%.6f),"
		    " to_timestamp(%.6f), to_timestamp(%.6f), NULL)",
		    r->start_time, r->end_time, r->received_at, r->received_at);
	}
	sb_add(&q, "%s RETURNING t.call_pk, t.call_id", sql_call_merge);
	res = PQexec(c, q.p);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "multirow call: %s", PQerrorMessage(c));
		exit(1);
	}
	/* Map call_id back to the record: call_ids are "tag-i-...". */
	for (i = 0; i < (size_t)PQntuples(res); i++) {
		const char *id = PQgetvalue(res, (int)i, 1);
		size_t j;

		for (j = 0; j < n; j++)
			if (strcmp(recs[j]->call_id, id) == 0) {
				pk[j] = atoll(PQgetvalue(res, (int)i, 0));
				break;
			}
	}
	PQclear(res);
	q.len = 0;
	sb_add(&q, "INSERT INTO leg AS t (call_pk, side, label) VALUES ");
	for (i = 0; i < n; i++)
		for (k = 0; k < 2; k++) {
			sb_add(&q, "%s(%lld, '%c'", i + (size_t)k == 0 ? "" : ",",
			    pk[i], k == 0 ? 'A' : 'B');
			lit(&q, recs[i]->legs[k].label, 0);
			sb_add(&q, ")");
		}
	sb_add(&q, "%s", sql_leg_merge);
	check(PQexec(c, q.p), PGRES_COMMAND_OK, c, "multirow leg");
	/* Literals, not parameters: no 65535 limit, but keep chunks. */
	for (chunk = 0; chunk < n; chunk += 250) {
		q.len = 0;
		sb_add(&q, "INSERT INTO mos_sample AS t (call_pk, scope, kind,"
		    " seq, mos, packetloss_pct, jitter_ms, roundtrip_us,"
		    " roundtrip_leg_us, samples, at_offset_s, reported_at)"
		    " VALUES ");
		for (i = chunk; i < n && i < chunk + 250; i++)
			for (k = 0; k < (int)recs[i]->nsamples; k++) {
				struct rec_sample *x = &recs[i]->samples[k];

				sb_add(&q, "%s(%lld, '%s', '%s', %d",
				    i == chunk && k == 0 ? "" : ",", pk[i],
				    rec_scope_name(x->scope), rec_kind_name(x->kind),
				    x->seq);
				litnum(&q, x->mos, 0);
				litnum(&q, x->packetloss_pct, 0);
				litnum(&q, x->jitter_ms, 0);
				litnum(&q, x->roundtrip_us, 1);
				litnum(&q, x->roundtrip_leg_us, 1);
				litnum(&q, x->samples, 1);
				litnum(&q, x->at_offset_s, 1);
				sb_add(&q, ", NULL)");
			}
		sb_add(&q, "%s", sql_sample_merge);
		check(PQexec(c, q.p), PGRES_COMMAND_OK, c, "multirow sample");
	}
	check(PQexec(c, "COMMIT"), PGRES_COMMAND_OK, c, "commit");
	free(q.p);
	free(pk);
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct record **recs;
	const char *strategy, *tag;
	char err[1024];
	PGconn *c = NULL;
	long total, done;
	double t0, t;
	size_t i, n;
	int prepared = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: pg_candidates CONNINFO "
		    "pipeline-rows|pipeline-cte|multirow|store MESSAGES [TAG]\n");
		return 2;
	}
	strategy = argv[2];
	total = atol(argv[3]);
	tag = argc > 4 ? argv[4] : "bench";
	if ((st = bench_pg_open(argv[1], true, "pg_candidates")) == NULL)
		return 1;
	if (strcmp(strategy, "store") != 0) {
		c = PQconnectdb(argv[1]);
		if (PQstatus(c) != CONNECTION_OK) {
			fprintf(stderr, "%s", PQerrorMessage(c));
			return 1;
		}
	}
	recs = xcalloc(BENCH_BATCH, sizeof(*recs));
	t = 0;
	for (done = 0; done < total; done += (long)n) {
		n = (size_t)(total - done < BENCH_BATCH ? total - done :
		    BENCH_BATCH);
		for (i = 0; i < n; i++)
			recs[i] = bench_pg_record("kam1", tag, done + (long)i);
		t0 = util_monotonic();
		if (strcmp(strategy, "store") == 0) {
			if (store_backend_pg.put_batch(st, recs, n, NULL, err,
			    sizeof(err)) != STORE_OK) {
				fprintf(stderr, "%s\n", err);
				return 1;
			}
		} else if (strcmp(strategy, "pipeline-rows") == 0)
			run_pipeline_rows(c, recs, n, prepared++);
		else if (strcmp(strategy, "pipeline-cte") == 0)
			run_pipeline_cte(c, recs, n, prepared++);
		else if (strcmp(strategy, "multirow") == 0)
			run_multirow(c, recs, n);
		else {
			fprintf(stderr, "unknown strategy %s\n", strategy);
			return 2;
		}
		t += util_monotonic() - t0;
		for (i = 0; i < n; i++)
			record_free(recs[i]);
	}
	printf("%s: %ld messages in %.2f s: %.0f messages/s\n", strategy,
	    total, t, (double)total / t);
	free(recs);
	if (c != NULL)
		PQfinish(c);
	store_backend_pg.close(st);
	return 0;
}
