/*
 * stats.c: implements stats.h: the table's rows for the readers, the
 * snapshot, the summary line and the health verdict. The counters
 * themselves are atomics incremented in place.
 */
#include <stdio.h>
#include <string.h>

#include "journal.h"
#include "queue.h"
#include "stats.h"

static const char *const stats_transport_names[STATS_TRANSPORT_COUNT] = {
	"udp", "evapi"
};

static const char *const stats_drop_names[STATS_DROP_COUNT] = {
	"queue_full", "denied", "auth", "spool_full", "rejected"
};

#define STATS_ELEM_COUNTER	sizeof(uint64_t)
#define STATS_ELEM_GAUGE	sizeof(int64_t)
#define STATS_ELEM_LIVE		sizeof(int64_t)
#define STATS_ELEM_STATE	sizeof(int64_t)
#define STATS_ELEM_HISTOGRAM	sizeof(struct stats_histogram_snap)

#define STATS_X_ROW(kind, f, dim, line, metric, label, names, first, help) \
	{ STATS_KIND_##kind, #f, line, metric, label, names, first,	\
	  sizeof(((struct stats_snapshot *)0)->f) / STATS_ELEM_##kind,	\
	  offsetof(struct stats_snapshot, f), help },

const struct stats_family stats_families[] = {
	STATS_TABLE(STATS_X_ROW)
};
const size_t stats_nfamilies = sizeof(stats_families) /
    sizeof(stats_families[0]);

const char *
stats_transport_name(enum stats_transport t)
{
	return (unsigned)t < STATS_TRANSPORT_COUNT ? stats_transport_names[t] :
	    "unknown";
}

const char *
stats_drop_name(enum stats_drop d)
{
	return (unsigned)d < STATS_DROP_COUNT ? stats_drop_names[d] : "unknown";
}

const char *
stats_transport_label(int i)
{
	return stats_transport_name((enum stats_transport)i);
}

const char *
stats_drop_label(int i)
{
	return stats_drop_name((enum stats_drop)i);
}

const char *
stats_refused_label(int i)
{
	return rec_error_name((enum rec_error)i);
}

const char *
stats_auth_label(int i)
{
	return auth_error_name((enum auth_error)i);
}

static void
stats_copy_histogram(struct stats_histogram_snap *d, struct stats_histogram *h)
{
	int i;

	for (i = 0; i <= STATS_LATENCY_NBOUNDS; i++)
		d->bucket[i] = stats_get(&h->bucket[i]);
	d->sum_us = stats_get(&h->sum_us);
	/* The count must equal the sum of the buckets: report that sum, not
	 * a second load that may have moved meanwhile. */
	d->count = 0;
	for (i = 0; i <= STATS_LATENCY_NBOUNDS; i++)
		d->count += d->bucket[i];
}

#define STATS_COPY_COUNTER(f)						\
	for (i = 0; i < sizeof(s->f) / sizeof(uint64_t); i++)		\
		((uint64_t *)&s->f)[i] = stats_get(&((stats_counter *)&st->f)[i]);
#define STATS_COPY_GAUGE(f)						\
	for (i = 0; i < sizeof(s->f) / sizeof(int64_t); i++)		\
		((int64_t *)&s->f)[i] = atomic_load_explicit(		\
		    &((stats_gauge *)&st->f)[i], memory_order_relaxed);
#define STATS_COPY_STATE(f)	STATS_COPY_GAUGE(f)
#define STATS_COPY_HISTOGRAM(f)	stats_copy_histogram(&s->f, &st->f);
#define STATS_COPY_LIVE(f)
#define STATS_X_COPY(kind, f, ...)	STATS_COPY_##kind(f)

void
stats_snapshot(struct stats *st, struct stats_snapshot *s)
{
	struct journal *j;
	size_t i;

	memset(s, 0, sizeof(*s));
	STATS_TABLE(STATS_X_COPY)
	(void)i;
	if (st->queue != NULL) {
		s->queue_len = (int64_t)queue_len(st->queue);
		s->queue_bytes = (int64_t)queue_bytes(st->queue);
	}
	j = atomic_load(&st->journal);
	if (j != NULL && s->journal_applied > 0) {
		uint64_t last = journal_last_seq(j);
		uint64_t applied = (uint64_t)s->journal_applied - 1;

		s->backlog = last > applied ? (int64_t)(last - applied) : 0;
	}
}

int64_t
stats_value(const struct stats_snapshot *s, const struct stats_family *f,
    size_t i)
{
	const char *p = (const char *)s + f->offset;

	if (f->kind == STATS_KIND_COUNTER)
		return (int64_t)((const uint64_t *)(const void *)p)[i];
	if (f->kind == STATS_KIND_HISTOGRAM)
		return 0;
	return ((const int64_t *)(const void *)p)[i];
}

/* Appends " name=value" to buf at *off, never past len. */
static void
stats_put(char *buf, size_t len, size_t *off, const char *prefix,
    const char *name, long long value)
{
	int n;

	if (*off >= len)
		return;
	n = snprintf(buf + *off, len - *off, "%s%s%s=%lld",
	    *off > 0 ? " " : "", prefix, name, value);
	if (n > 0)
		*off += (size_t)n;
}

void
stats_format_snapshot(const struct stats_snapshot *s, char *buf, size_t len)
{
	const struct stats_family *f;
	size_t off = 0, k, i;

	if (len == 0)
		return;
	buf[0] = '\0';
	for (k = 0; k < stats_nfamilies; k++) {
		f = &stats_families[k];
		if (f->line == NULL || f->kind == STATS_KIND_HISTOGRAM)
			continue;
		if (f->names == NULL) {
			stats_put(buf, len, &off, "", f->line,
			    (long long)stats_value(s, f, 0));
			continue;
		}
		for (i = (size_t)f->first; i < f->count; i++)
			stats_put(buf, len, &off, f->line, f->names((int)i),
			    (long long)stats_value(s, f, i));
	}
}

void
stats_format_line(struct stats *st, char *buf, size_t len)
{
	struct stats_snapshot s;

	stats_snapshot(st, &s);
	stats_format_snapshot(&s, buf, len);
}

const char *
stats_health(const struct stats_snapshot *s, int64_t now_ms, char *buf,
    size_t len)
{
	int64_t ok = s->db_ok_ms, down = s->db_down_ms, away;

	if (ok == 0 && s->db_up == 0) {
		snprintf(buf, len, "database not available since start");
		return buf;
	}
	if (s->writer_busy_ms > 0 && now_ms - s->writer_busy_ms >=
	    (int64_t)STATS_HEALTH_STUCK_S * 1000) {
		snprintf(buf, len, "writer stuck in a database call (%s) for "
		    "%lld s; %lld messages wait in the journal",
		    stats_op_name(s->writer_busy_op),
		    (long long)((now_ms - s->writer_busy_ms) / 1000),
		    (long long)s->backlog);
		return buf;
	}
	if (s->db_up == 0) {
		away = now_ms - (down > 0 ? down : ok);
		snprintf(buf, len, "database unavailable for %lld s",
		    (long long)(away / 1000));
		return away >= (int64_t)STATS_HEALTH_DOWN_S * 1000 ? buf : NULL;
	}
	if (now_ms - ok > (int64_t)STATS_HEALTH_STALE_S * 1000) {
		snprintf(buf, len, "no successful database call for %lld s",
		    (long long)((now_ms - ok) / 1000));
		return buf;
	}
	if (s->backlog_grow_ms > 0 && now_ms - s->backlog_grow_ms >=
	    (int64_t)STATS_HEALTH_SPOOL_S * 1000) {
		snprintf(buf, len, "backlog growing for %lld s: %lld messages "
		    "in the journal",
		    (long long)((now_ms - s->backlog_grow_ms) / 1000),
		    (long long)s->backlog);
		return buf;
	}
	if (s->backlog_grow_ms > 0 || s->backlog > s->queue_len +
	    STATS_HEALTH_BACKLOG) {
		snprintf(buf, len, "draining: %lld messages in the journal",
		    (long long)s->backlog);
		return NULL;
	}
	snprintf(buf, len, "ok");
	return NULL;
}

static const char *const stats_op_names[STATS_OP_COUNT] = {
	"database call", "connect", "journal position", "commit", "ping",
	"retention"
};

const char *
stats_op_name(int64_t op)
{
	return op > 0 && op < STATS_OP_COUNT ? stats_op_names[op] :
	    stats_op_names[0];
}

enum stats_stall_event
stats_stall_check(struct stats_stall *st, int64_t busy_ms, int64_t busy_op,
    int64_t now_ms, int64_t *dur_ms, int64_t *op)
{
	const int64_t stuck = (int64_t)STATS_HEALTH_STUCK_S * 1000;

	*dur_ms = 0;
	*op = st->op;
	if (st->since_ms != 0 && busy_ms != st->since_ms) {
		/* That call is over: it ended before the next one began,
		 * or before now when the writer is idle. */
		*dur_ms = (busy_ms > st->since_ms ? busy_ms : now_ms) -
		    st->since_ms;
		st->since_ms = 0;
		return STATS_STALL_END;
	}
	if (busy_ms <= 0 || now_ms - busy_ms < stuck)
		return STATS_STALL_NONE;
	*dur_ms = now_ms - busy_ms;
	if (st->since_ms == 0) {
		st->since_ms = busy_ms;
		st->logged_ms = now_ms;
		st->op = busy_op;
		*op = busy_op;
		return STATS_STALL_BEGIN;
	}
	if (now_ms - st->logged_ms >= (int64_t)STATS_STALL_REPEAT_S * 1000) {
		st->logged_ms = now_ms;
		return STATS_STALL_STILL;
	}
	return STATS_STALL_NONE;
}
