/*
 * quality.c: implements quality.h, the per-node call-quality figures of
 * /metrics, kept under one mutex.
 */
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quality.h"
#include "util.h"

const double quality_mos_bounds[QUALITY_MOS_NBOUNDS] = QUALITY_MOS_BOUNDS;
const double quality_loss_bounds[QUALITY_LOSS_NBOUNDS] = QUALITY_LOSS_BOUNDS;
const double quality_jitter_bounds[QUALITY_JITTER_NBOUNDS] =
    QUALITY_JITTER_BOUNDS;

/*
 * Invariant: nodes[0 .. nnodes) hold distinct names, nodes[0] the
 * daemon's own; once QUALITY_NODES_MAX are taken, further nodes count
 * in overflow_node (name ""). Everything only under lock.
 */
struct quality {
	pthread_mutex_t lock;
	size_t nnodes;
	struct quality_node nodes[QUALITY_NODES_MAX];
	struct quality_node overflow_node;
	bool overflow;		/* overflow_node was used */
};

struct quality *
quality_new(const char *own_node)
{
	struct quality *q = xcalloc(1, sizeof(*q));

	pthread_mutex_init(&q->lock, NULL);
	snprintf(q->nodes[0].name, sizeof(q->nodes[0].name), "%s",
	    own_node != NULL ? own_node : "");
	q->nnodes = 1;
	return q;
}

void
quality_free(struct quality *q)
{
	if (q == NULL)
		return;
	pthread_mutex_destroy(&q->lock);
	free(q);
}

/* The bucket of v: the first bound v is at or below, else nbounds. */
static size_t
quality_bucket(const double *bounds, size_t nbounds, double v)
{
	size_t i;

	for (i = 0; i < nbounds && v > bounds[i]; i++)
		;
	return i;
}

/* The node's entry, added when new; under lock. */
static struct quality_node *
quality_node_of(struct quality *q, const char *name)
{
	size_t i;

	for (i = 0; i < q->nnodes; i++)
		if (strcmp(q->nodes[i].name, name) == 0)
			return &q->nodes[i];
	if (q->nnodes == QUALITY_NODES_MAX) {
		q->overflow = true;
		return &q->overflow_node;
	}
	snprintf(q->nodes[q->nnodes].name, sizeof(q->nodes[0].name), "%s",
	    name);
	return &q->nodes[q->nnodes++];
}

/* The side's average sample (seq 0), or NULL. */
static const struct rec_sample *
quality_average(const struct record *r, enum rec_scope scope)
{
	size_t i;

	for (i = 0; i < r->nsamples; i++)
		if (r->samples[i].scope == scope &&
		    r->samples[i].kind == REC_KIND_AVERAGE &&
		    r->samples[i].seq == 0)
			return &r->samples[i];
	return NULL;
}

void
quality_observe_call(struct quality *q, const struct record *r)
{
	const struct rec_sample *a;
	struct quality_side *s;
	struct quality_node *n;
	size_t i, b;

	if (q == NULL || r == NULL || r->node == NULL)
		return;
	pthread_mutex_lock(&q->lock);
	n = quality_node_of(q, r->node);
	n->calls++;
	for (i = 0; i < QUALITY_SIDES; i++) {
		s = &n->side[i];
		a = quality_average(r, i == 0 ? REC_SCOPE_A : REC_SCOPE_B);
		if (a != NULL && !isnan(a->mos)) {
			b = quality_bucket(quality_mos_bounds,
			    QUALITY_MOS_NBOUNDS, a->mos);
			s->mos.bucket[b]++;
			s->mos.sum += a->mos;
		} else if (r->legs[i].mos_missing != REC_MISSING_NONE &&
		    r->legs[i].mos_missing < REC_MISSING_COUNT)
			s->without[r->legs[i].mos_missing]++;
		if (a != NULL && !isnan(a->packetloss_pct)) {
			b = quality_bucket(quality_loss_bounds,
			    QUALITY_LOSS_NBOUNDS, a->packetloss_pct);
			s->loss.bucket[b]++;
			s->loss.sum += a->packetloss_pct;
		}
		if (a != NULL && !isnan(a->jitter_ms)) {
			b = quality_bucket(quality_jitter_bounds,
			    QUALITY_JITTER_NBOUNDS, a->jitter_ms);
			s->jitter.bucket[b]++;
			s->jitter.sum += a->jitter_ms;
		}
	}
	pthread_mutex_unlock(&q->lock);
}

void
quality_snapshot(struct quality *q, struct quality_snapshot *s)
{
	memset(s, 0, sizeof(*s));
	if (q == NULL)
		return;
	pthread_mutex_lock(&q->lock);
	memcpy(s->nodes, q->nodes, q->nnodes * sizeof(q->nodes[0]));
	s->nnodes = q->nnodes;
	if (q->overflow)
		s->nodes[s->nnodes++] = q->overflow_node;
	pthread_mutex_unlock(&q->lock);
}
