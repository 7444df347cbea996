/*
 * quality.h: the call-quality figures of /metrics, per node and side:
 * a MOS histogram at the G.107 band edges, calls without MOS by reason,
 * and packet-loss and jitter histograms.
 *
 * DESIGN: the writer thread observes a call once, after the transaction
 * that inserted its call row committed (quality_observe_call, fed from
 * the store's per-record "created" flags, store.h), with what that first
 * message carried. Messages merged into a call already stored are never
 * observed: a retransmitted BYE (every MOS field empty) cannot count a
 * call "without MOS", and a later message that changes a call cannot
 * count it twice. Each created call adds, per side, exactly one of: an
 * observation of the side's average MOS, or one call without MOS under
 * the side's mos_missing reason; so, per node and side, calls = the MOS
 * histogram's count + the sum over the reasons (docs/operations.md),
 * but for the rare side that has a MOS only outside its average (a
 * progression without the summary values), which counts in neither.
 *
 * The figures are plain integers under one mutex: the writer adds a
 * call's few increments at once, the HTTP thread copies everything with
 * quality_snapshot() and renders the copy (prom.c), so the buckets, sum
 * and count of a series are always consistent with each other.
 */
#ifndef MOSCDR_QUALITY_H
#define MOSCDR_QUALITY_H

#include <stddef.h>
#include <stdint.h>

#include "limits.h"
#include "record.h"

/*
 * Upper bounds of the buckets (a last, unbounded bucket follows). MOS:
 * the G.107 band edges (docs/operations.md: with Prometheus's inclusive
 * "le", a MOS of exactly 3.1 or 3.6 counts in the bucket of that edge).
 * Packet loss in percent (rtpengine reports whole percents, so le="0"
 * is the calls without loss); jitter in milliseconds.
 */
#define QUALITY_MOS_NBOUNDS	5
#define QUALITY_MOS_BOUNDS	{ 2.58, 3.10, 3.60, 4.03, 4.34 }
#define QUALITY_LOSS_NBOUNDS	8
#define QUALITY_LOSS_BOUNDS	{ 0, 1, 2, 3, 5, 10, 20, 50 }
#define QUALITY_JITTER_NBOUNDS	8
#define QUALITY_JITTER_BOUNDS	{ 5, 10, 20, 30, 50, 100, 200, 500 }

/* Sides, as leg rows: [0] A, [1] B. */
#define QUALITY_SIDES		2

/* One histogram: counts per bucket (not cumulative) and the sum. */
struct quality_hist_mos {
	uint64_t bucket[QUALITY_MOS_NBOUNDS + 1];
	double sum;
};

struct quality_hist_loss {
	uint64_t bucket[QUALITY_LOSS_NBOUNDS + 1];
	double sum;
};

struct quality_hist_jitter {
	uint64_t bucket[QUALITY_JITTER_NBOUNDS + 1];
	double sum;
};

struct quality_side {
	struct quality_hist_mos mos;
	struct quality_hist_loss loss;
	struct quality_hist_jitter jitter;
	/* Calls without MOS by enum rec_missing (index 0 unused). */
	uint64_t without[REC_MISSING_COUNT];
};

/* One node's series; name "" is the overflow (QUALITY_NODES_MAX). */
struct quality_node {
	char name[NODE_LEN_MAX + 1];
	uint64_t calls;		/* calls observed */
	struct quality_side side[QUALITY_SIDES];
};

/* A consistent copy, for rendering. nodes[0] is the daemon's own. */
struct quality_snapshot {
	size_t nnodes;
	struct quality_node nodes[QUALITY_NODES_MAX + 1];
};

struct quality;

/*
 * A new, empty set whose first node is own_node (so the families have
 * series from the start, at 0). own_node is copied.
 */
struct quality *quality_new(const char *own_node);
void quality_free(struct quality *q);

/*
 * Counts the call r created: per side its average MOS, loss and jitter
 * (the side's average sample, when known) or its mos_missing reason.
 * q NULL is a no-op. Any thread.
 */
void quality_observe_call(struct quality *q, const struct record *r);

/* Copies every figure into *s. */
void quality_snapshot(struct quality *q, struct quality_snapshot *s);

/* The bounds of each histogram (QUALITY_*_BOUNDS as arrays). */
extern const double quality_mos_bounds[QUALITY_MOS_NBOUNDS];
extern const double quality_loss_bounds[QUALITY_LOSS_NBOUNDS];
extern const double quality_jitter_bounds[QUALITY_JITTER_NBOUNDS];

#endif
