/*
 * pg_writers.c: several writers on one PostgreSQL database at once, each
 * with its own connection through store_pg.c's put_batch, exactly what
 * each moscdrd's writer thread does (one per Kamailio node).
 *
 *   pg_writers CONNINFO WRITERS distinct|overlap SECONDS TAG
 *
 * distinct: writer w is node TAG-w with Call-IDs of its own (the normal
 * case: several nodes, one database). overlap: every writer is node TAG
 * and writes the same Call-IDs, the odd writers in reverse order (a node
 * name shared by mistake: the same rows from several connections, the
 * case the lock order exists for). Batches of 500 messages, each message 1
 * call + 2 legs + 9 samples; the call-ids cycle over 20,000 per writer
 * (distinct) or in all (overlap), so later batches merge into existing
 * calls.
 *
 * Prints one line: writers, mode, messages committed, seconds, total
 * rate, retries (a batch STORE_RETRY, written again), deadlocks among
 * them, and "lost": committed messages minus sum(call.messages) of the
 * run's rows, which is 0 unless an update was lost.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "record.h"
#include "store.h"
#include "util.h"

#define W_BATCH		500
#define W_CALLS		20000
#define W_SAMPLES	9
#define W_MAX		16

static const char *conninfo, *tag;
static bool overlap;
static double seconds;
static atomic_long committed, retries, deadlocks, failed;

static struct record *
w_record(const char *node, long i)
{
	struct record *r = xcalloc(1, sizeof(*r));
	char buf[128];
	int k;

	snprintf(buf, sizeof(buf), "%s-%ld-a84b4c76e66710@10.0.0.1", tag, i);
	r->node = xstrdup(node);
	r->call_id = xstrdup(buf);
	r->from_tag = xstrdup("as5f2b1a3c");
	r->to_tag = xstrdup("bs9e8d7c6b");
	r->from_uri = xstrdup("sip:alice@example.org");
	r->to_uri = xstrdup("sip:bob@example.org");
	r->sip_code = 200;
	r->sip_reason = xstrdup("OK");
	r->received_at = util_now();
	r->start_time = r->received_at - 65;
	r->end_time = r->received_at - 1;
	r->answer_time = r->received_at - 60;
	r->legs[0].present = r->legs[1].present = true;
	r->legs[0].label = xstrdup("caller");
	r->legs[1].label = xstrdup("callee");
	r->samples = xcalloc(W_SAMPLES, sizeof(*r->samples));
	r->nsamples = W_SAMPLES;
	for (k = 0; k < W_SAMPLES; k++) {
		struct rec_sample *x = &r->samples[k];

		x->scope = (uint8_t)(k / 3);
		x->kind = (uint8_t)(k % 3);
		x->seq = 0;
		x->mos = 3.0 + (double)((i + k) % 15) / 10.0;
		x->packetloss_pct = (double)(k % 3);
		x->jitter_ms = 10;
		x->roundtrip_us = 90858;
		x->roundtrip_leg_us = 40511;
		x->samples = 5;
		x->at_offset_s = x->kind == 0 ? NAN : 3;
		x->reported_at = NAN;
	}
	return r;
}

static void *
w_thread(void *arg)
{
	struct store_config cfg = { "postgresql", NULL, conninfo, 0, 0, 10 };
	struct record *recs[W_BATCH];
	struct store *st = NULL;
	char node[96], err[1024];
	long w = (long)(intptr_t)arg, i, seq = 0, idx;
	double end;
	enum store_status s;

	if (overlap)
		snprintf(node, sizeof(node), "%s", tag);
	else
		snprintf(node, sizeof(node), "%s-%ld", tag, w);
	if (store_backend_pg.open(&cfg, &st, err, sizeof(err)) != STORE_OK) {
		fprintf(stderr, "pg_writers: %s\n", err);
		atomic_fetch_add(&failed, 1);
		return NULL;
	}
	end = util_monotonic() + seconds;
	while (util_monotonic() < end) {
		for (i = 0; i < W_BATCH; i++, seq++) {
			idx = seq % W_CALLS;
			if (overlap && (w & 1))
				idx = W_CALLS - 1 - idx;
			recs[i] = w_record(node, idx);
		}
		for (;;) {
			s = store_backend_pg.put_batch(st, recs, W_BATCH, NULL,
			    err, sizeof(err));
			if (s != STORE_RETRY)
				break;
			atomic_fetch_add(&retries, 1);
			if (strstr(err, "deadlock") != NULL)
				atomic_fetch_add(&deadlocks, 1);
		}
		if (s == STORE_OK)
			atomic_fetch_add(&committed, W_BATCH);
		else {
			fprintf(stderr, "pg_writers: %s\n", err);
			atomic_fetch_add(&failed, 1);
		}
		for (i = 0; i < W_BATCH; i++) {
			recs[i]->one_block = false;
			record_free(recs[i]);
		}
		if (s != STORE_OK)
			break;
	}
	store_backend_pg.close(st);
	return NULL;
}

int
main(int argc, char **argv)
{
	struct store_config cfg = { "postgresql", NULL, NULL, 0, 0, 10 };
	pthread_t t[W_MAX];
	struct store *st;
	char err[1024], sql[256];
	const char *param[1];
	PGconn *c;
	PGresult *res;
	long n, i, stored;
	double t0, el;

	if (argc != 6) {
		fprintf(stderr, "usage: pg_writers CONNINFO WRITERS "
		    "distinct|overlap SECONDS TAG\n");
		return 2;
	}
	conninfo = argv[1];
	n = atol(argv[2]);
	overlap = strcmp(argv[3], "overlap") == 0;
	seconds = atof(argv[4]);
	tag = argv[5];
	if (n < 1 || n > W_MAX)
		return 2;
	cfg.conninfo = conninfo;
	if (store_backend_pg.open(&cfg, &st, err, sizeof(err)) != STORE_OK ||
	    store_backend_pg.migrate(st, err, sizeof(err)) != STORE_OK) {
		fprintf(stderr, "pg_writers: %s\n", err);
		return 1;
	}
	store_backend_pg.close(st);
	t0 = util_monotonic();
	for (i = 0; i < n; i++)
		pthread_create(&t[i], NULL, w_thread, (void *)(intptr_t)i);
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	el = util_monotonic() - t0;
	c = PQconnectdb(conninfo);
	snprintf(sql, sizeof(sql), "SELECT coalesce(sum(messages), 0) FROM call"
	    " WHERE node = $1 OR node LIKE $1 || '-%%'");
	param[0] = tag;
	res = PQexecParams(c, sql, 1, NULL, param, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "pg_writers: %s", PQerrorMessage(c));
		return 1;
	}
	stored = atol(PQgetvalue(res, 0, 0));
	PQclear(res);
	PQfinish(c);
	printf("writers=%ld mode=%s messages=%ld seconds=%.1f rate=%.0f "
	    "retries=%ld deadlocks=%ld lost=%ld failed=%ld\n", n,
	    overlap ? "overlap" : "distinct", (long)committed, el,
	    (double)committed / el, (long)retries, (long)deadlocks,
	    (long)committed - stored, (long)failed);
	return failed != 0;
}
