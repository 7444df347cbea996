/*
 * bench_pg.h: what the PostgreSQL benchmark programs (pg_writers.c,
 * pg_candidates.c) share: the record of one benchmark message and
 * opening the store. Header-only: each program is one source file.
 */
#ifndef MOSCDR_BENCH_PG_H
#define MOSCDR_BENCH_PG_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "record.h"
#include "store.h"
#include "util.h"

/* Samples of a benchmark message: call, A and B x average, min, max. */
#define BENCH_PG_SAMPLES	9

/*
 * Message i of node and run tag: 1 call (Call-ID "TAG-i-..."), 2 labelled
 * legs and BENCH_PG_SAMPLES samples whose MOS depends on i. Each part is
 * allocated by itself (one_block false): record_free() releases it.
 */
static inline struct record *
bench_pg_record(const char *node, const char *tag, long i)
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
	r->samples = xcalloc(BENCH_PG_SAMPLES, sizeof(*r->samples));
	r->nsamples = BENCH_PG_SAMPLES;
	for (k = 0; k < BENCH_PG_SAMPLES; k++) {
		struct rec_sample *x = &r->samples[k];

		x->scope = (uint8_t)(k / 3);
		x->kind = (uint8_t)(k % 3);
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

/*
 * Opens the PostgreSQL store at conninfo (connect timeout 10 s) and,
 * when migrate is true, brings its schema up to date. NULL when either
 * fails, with the reason printed after "prog: ".
 */
static inline struct store *
bench_pg_open(const char *conninfo, bool migrate, const char *prog)
{
	struct store_config cfg = { "postgresql", NULL, conninfo, 0, 0, 10,
	    0, 0 };
	struct store *st = NULL;
	char err[1024];

	if (store_backend_pg.open(&cfg, &st, err, sizeof(err)) != STORE_OK ||
	    (migrate && store_backend_pg.migrate(st, err,
	    sizeof(err)) != STORE_OK)) {
		fprintf(stderr, "%s: %s\n", prog, err);
		if (st != NULL)
			store_backend_pg.close(st);
		return NULL;
	}
	return st;
}

#endif
