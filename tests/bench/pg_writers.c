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

#include "bench_pg.h"
#include "record.h"
#include "store.h"
#include "util.h"

#define W_BATCH		500
#define W_CALLS		20000
#define W_MAX		16

static const char *conninfo, *tag;
static bool overlap;
static double seconds;
static atomic_long committed, retries, deadlocks, failed;

static void *
w_thread(void *arg)
{
	struct record *recs[W_BATCH];
	struct store *st;
	char node[96], err[1024];
	long w = (long)(intptr_t)arg, i, seq = 0, idx;
	double end;
	enum store_status s;

	if (overlap)
		snprintf(node, sizeof(node), "%s", tag);
	else
		snprintf(node, sizeof(node), "%s-%ld", tag, w);
	if ((st = bench_pg_open(conninfo, false, "pg_writers")) == NULL) {
		atomic_fetch_add(&failed, 1);
		return NULL;
	}
	end = util_monotonic() + seconds;
	while (util_monotonic() < end) {
		for (i = 0; i < W_BATCH; i++, seq++) {
			idx = seq % W_CALLS;
			if (overlap && (w & 1))
				idx = W_CALLS - 1 - idx;
			recs[i] = bench_pg_record(node, tag, idx);
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
		for (i = 0; i < W_BATCH; i++)
			record_free(recs[i]);
		if (s != STORE_OK)
			break;
	}
	store_backend_pg.close(st);
	return NULL;
}

int
main(int argc, char **argv)
{
	pthread_t t[W_MAX];
	struct store *st;
	char sql[256];
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
	if ((st = bench_pg_open(conninfo, true, "pg_writers")) == NULL)
		return 1;
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
