/*
 * stats.h: the daemon's counters. One struct stats lives in the top-level
 * context; every thread increments it with relaxed atomics (stats_inc) and
 * the summary line and the metrics endpoint read it.
 */
#ifndef MOSCDR_STATS_H
#define MOSCDR_STATS_H

#include <stdatomic.h>
#include <stdint.h>

#include "auth.h"
#include "record.h"

enum stats_transport {
	STATS_UDP = 0,
	STATS_EVAPI = 1,
	STATS_TRANSPORT_COUNT
};

/* Refusals that happen before or around parsing, besides rec_error. */
enum stats_drop {
	STATS_DROP_QUEUE_FULL = 0,	/* writer too far behind, spool full */
	STATS_DROP_DENIED,		/* sender not allowed */
	STATS_DROP_AUTH,		/* missing or bad signature */
	STATS_DROP_SPOOL_FULL,		/* spool at its cap: record lost */
	STATS_DROP_REJECTED,		/* database refused it for good */
	STATS_DROP_COUNT
};

typedef _Atomic uint64_t stats_counter;

/*
 * Batch commit latency: upper bounds of the histogram buckets in
 * microseconds (a last, unbounded bucket follows). Chosen around what a
 * batch of 1..1000 messages takes on SQLite and PostgreSQL (1 ms .. 1 s),
 * with room for a database in trouble.
 */
#define STATS_LATENCY_NBOUNDS	12
#define STATS_LATENCY_BOUNDS_US	{ 1000, 2500, 5000, 10000, 25000, 50000, \
	100000, 250000, 500000, 1000000, 2500000, 10000000 }

/* Counts per bucket (not cumulative), their sum and how many. */
struct stats_histogram {
	stats_counter bucket[STATS_LATENCY_NBOUNDS + 1];
	stats_counter sum_us;
	stats_counter count;
};

struct stats {
	stats_counter received[STATS_TRANSPORT_COUNT];	/* messages */
	stats_counter received_bytes[STATS_TRANSPORT_COUNT];
	stats_counter refused[REC_ERR_COUNT];		/* by reason */
	stats_counter dropped[STATS_DROP_COUNT];
	stats_counter auth_refused[AUTH_ERR_COUNT];	/* by auth reason */
	stats_counter accepted;		/* parsed and queued */
	stats_counter stored;		/* messages committed */
	stats_counter calls_new;
	stats_counter calls_merged;
	stats_counter legs;
	stats_counter samples;
	stats_counter mos_refused;	/* MOS out of 1..5, stored as NULL */
	stats_counter text_repaired;	/* fields with invalid UTF-8 repaired */
	stats_counter text_cut;		/* optional text fields cut to limit */
	stats_counter batches;
	stats_counter db_errors;
	stats_counter db_reconnects;
	stats_counter spool_written;	/* messages put into the spool */
	stats_counter spool_replayed;	/* messages replayed from it */
	stats_counter evapi_frames;
	stats_counter evapi_framing_errors;
	stats_counter evapi_reconnects;
	_Atomic int64_t queue_bytes;	/* gauges */
	_Atomic int64_t queue_len;
	_Atomic int64_t spool_bytes;
	_Atomic int64_t spool_segments;
	/* Written by the writer thread for metrics.c and /health. */
	struct stats_histogram commit_latency;	/* put_batch calls */
	stats_counter retention_deleted;	/* calls purged by age */
	_Atomic int64_t db_up;		/* 1: the last store call succeeded */
	_Atomic int64_t db_ok_ms;	/* monotonic ms of that success */
	_Atomic int64_t db_down_ms;	/* monotonic ms it went down, or 0 */
	_Atomic int64_t spool_append_ms; /* monotonic ms of the last append */
};

static inline void
stats_add(stats_counter *c, uint64_t n)
{
	atomic_fetch_add_explicit(c, n, memory_order_relaxed);
}

static inline void
stats_inc(stats_counter *c)
{
	stats_add(c, 1);
}

static inline uint64_t
stats_get(stats_counter *c)
{
	return atomic_load_explicit(c, memory_order_relaxed);
}

/* Counts one observation of us microseconds. */
static inline void
stats_observe(struct stats_histogram *h, uint64_t us)
{
	static const uint64_t bounds[STATS_LATENCY_NBOUNDS] =
	    STATS_LATENCY_BOUNDS_US;
	int i;

	for (i = 0; i < STATS_LATENCY_NBOUNDS && us > bounds[i]; i++)
		;
	stats_inc(&h->bucket[i]);
	stats_add(&h->sum_us, us);
	stats_inc(&h->count);
}

const char *stats_transport_name(enum stats_transport t);
const char *stats_drop_name(enum stats_drop d);
/* One line "received=... stored=... refused_not_json=..." into buf. */
void stats_format_line(struct stats *st, char *buf, size_t len);

#endif
