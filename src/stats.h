/*
 * stats.h: the daemon's counters, declared once.
 *
 * STATS_TABLE below is the only list of them. From it come the struct
 * every thread increments in place with relaxed atomics (struct stats),
 * the plain copy the readers work on (struct stats_snapshot), the summary
 * log line (stats_format_line), the Prometheus families (prom.c renders
 * stats_families[]) and, through that rendering, the check that the
 * documentation names every exported metric and label value.
 *
 * Readers never look at struct stats directly: stats_snapshot() copies it
 * and fills the live gauges (the queue's length and bytes, read from the
 * queue itself under its lock at that moment, so they are never stale).
 */
#ifndef MOSCDR_STATS_H
#define MOSCDR_STATS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "record.h"

struct journal;
struct quality;
struct queue;

enum stats_transport {
	STATS_UDP = 0,
	STATS_EVAPI = 1,
	STATS_TRANSPORT_COUNT
};

/* The writer's database calls, for the log and /health. */
enum stats_op {
	STATS_OP_NONE = 0,
	STATS_OP_CONNECT,		/* open and migrate */
	STATS_OP_POSITION,		/* read the journal's position */
	STATS_OP_COMMIT,		/* a batch's transaction */
	STATS_OP_PING,
	STATS_OP_RETENTION,
	STATS_OP_COUNT
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
typedef _Atomic int64_t stats_gauge;

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

struct stats_histogram_snap {
	uint64_t bucket[STATS_LATENCY_NBOUNDS + 1];
	uint64_t sum_us;
	uint64_t count;
};

/*
 * The table. One row per field:
 *   X(kind, field, dim, line, metric, label, names, first, help)
 * kind   COUNTER (only grows), GAUGE (set), LIVE (a gauge read from the
 *        queue when the snapshot is taken; no field in struct stats),
 *        STATE (internal, for /health; not exported), HISTOGRAM
 *        (commit latency buckets, STATS_LATENCY_BOUNDS_US)
 * dim    empty for one value, [N] for one value per label value
 * line   key in the summary log line (labelled: prefix of "key<value>"),
 *        or NULL when the line leaves it out
 * metric Prometheus family name, or NULL when not exported by itself
 * label  the label's name when dim is [N]; names(i) gives its values
 *        for i in first..N-1 (index 0 of an error enum means "no error")
 */
#define STATS_TABLE(X)							\
	X(COUNTER, received, [STATS_TRANSPORT_COUNT], "received_",	\
	    "moscdr_messages_received_total", "transport",		\
	    stats_transport_label, 0, "Messages received, by transport.") \
	X(COUNTER, received_bytes, [STATS_TRANSPORT_COUNT], NULL,	\
	    "moscdr_received_bytes_total", "transport",			\
	    stats_transport_label, 0,					\
	    "Payload bytes received, by transport.")			\
	X(COUNTER, accepted, , "accepted",				\
	    "moscdr_messages_accepted_total", NULL, NULL, 0,		\
	    "Messages parsed and queued for the database.")		\
	X(COUNTER, stored, , "stored", "moscdr_messages_stored_total",	\
	    NULL, NULL, 0, "Messages committed to the database.")	\
	X(COUNTER, calls_new, , "calls_new", "moscdr_calls_new_total",	\
	    NULL, NULL, 0, "Call rows inserted.")			\
	X(COUNTER, calls_merged, , "calls_merged",			\
	    "moscdr_calls_merged_total", NULL, NULL, 0,			\
	    "Messages merged into a call already stored (duplicates and " \
	    "updates).")						\
	X(COUNTER, legs, , "legs", NULL, NULL, NULL, 0,			\
	    "Leg rows written.")					\
	X(COUNTER, samples, , "samples", NULL, NULL, NULL, 0,		\
	    "MOS sample rows written.")					\
	X(COUNTER, mos_refused, , "mos_refused",			\
	    "moscdr_mos_refused_total", NULL, NULL, 0,			\
	    "MOS values outside 1..5, stored as unknown.")		\
	X(COUNTER, text_repaired, , "text_repaired",			\
	    "moscdr_text_repaired_total", NULL, NULL, 0,		\
	    "Message fields whose invalid UTF-8 was replaced by U+FFFD.") \
	X(COUNTER, text_cut, , "text_cut", "moscdr_text_cut_total",	\
	    NULL, NULL, 0, "Optional text fields cut to their length limit.") \
	X(COUNTER, refused, [REC_ERR_COUNT], "refused_",		\
	    "moscdr_messages_refused_total", "reason", stats_refused_label, \
	    1, "Messages refused by the parser, by reason.")		\
	X(COUNTER, dropped, [STATS_DROP_COUNT], "dropped_",		\
	    "moscdr_messages_dropped_total", "reason", stats_drop_label, 0, \
	    "Messages dropped before or after parsing, by reason.")	\
	X(COUNTER, auth_refused, [AUTH_ERR_COUNT], "auth_",		\
	    "moscdr_auth_refused_total", "reason", stats_auth_label, 1,	\
	    "Messages refused by the signature check, by reason.")	\
	X(COUNTER, batches, , "batches", "moscdr_batches_total", NULL,	\
	    NULL, 0, "Transactions committed.")				\
	X(HISTOGRAM, commit_latency, , NULL,				\
	    "moscdr_batch_commit_seconds", NULL, NULL, 0,		\
	    "Time of one batch write (one transaction), successful or " \
	    "not.")							\
	X(COUNTER, db_errors, , "db_errors", "moscdr_db_errors_total",	\
	    NULL, NULL, 0,						\
	    "Failed database calls (each is retried; the messages wait " \
	    "in the journal).")						\
	X(COUNTER, db_reconnects, , "db_reconnects",			\
	    "moscdr_db_reconnects_total", NULL, NULL, 0,		\
	    "Times the database became available again after a failure.") \
	X(GAUGE, db_up, , NULL, "moscdr_db_up", NULL, NULL, 0,		\
	    "1 when the writer's last database call succeeded.")	\
	X(COUNTER, retention_deleted, , NULL,				\
	    "moscdr_retention_deleted_calls_total", NULL, NULL, 0,	\
	    "Calls deleted (with their legs and samples) by retention.") \
	X(LIVE, queue_len, , "queue_len", "moscdr_queue_length", NULL,	\
	    NULL, 0,							\
	    "Messages waiting between the receive thread and the writer.") \
	X(LIVE, queue_bytes, , NULL, "moscdr_queue_bytes", NULL, NULL, 0, \
	    "Bytes of those messages.")					\
	X(GAUGE, spool_bytes, , "spool_bytes", "moscdr_spool_bytes",	\
	    NULL, NULL, 0,						\
	    "Bytes of the journal's segments in the spool directory.")	\
	X(GAUGE, spool_segments, , NULL, "moscdr_spool_segments", NULL,	\
	    NULL, 0, "Journal segment files in the spool directory.")	\
	X(GAUGE, backlog, , "backlog", "moscdr_journal_backlog", NULL,	\
	    NULL, 0, "Messages in the journal not yet in the database.") \
	X(COUNTER, spool_written, , "spool_written",			\
	    "moscdr_spool_written_total", NULL, NULL, 0,		\
	    "Messages the full queue left to the journal, read back " \
	    "later.")							\
	X(COUNTER, spool_replayed, , "spool_replayed",			\
	    "moscdr_spool_replayed_total", NULL, NULL, 0,		\
	    "Messages read back from the journal into the database.")	\
	X(COUNTER, evapi_frames, , "evapi_frames",			\
	    "moscdr_evapi_frames_total", NULL, NULL, 0,			\
	    "evapi frames handed to ingest, all clients.")		\
	X(COUNTER, evapi_framing_errors, , "evapi_framing_errors",	\
	    "moscdr_evapi_framing_errors_total", NULL, NULL, 0,		\
	    "evapi framing errors, all clients.")			\
	X(COUNTER, evapi_reconnects, , "evapi_reconnects",		\
	    "moscdr_evapi_reconnects_total", NULL, NULL, 0,		\
	    "evapi connections re-established, all clients.")		\
	X(STATE, db_ok_ms, , NULL, NULL, NULL, NULL, 0,			\
	    "Monotonic ms of the last successful store call.")		\
	X(STATE, db_down_ms, , NULL, NULL, NULL, NULL, 0,		\
	    "Monotonic ms the database went down, or 0.")		\
	X(STATE, spool_append_ms, , NULL, NULL, NULL, NULL, 0,		\
	    "Monotonic ms a full queue last left a message to the journal.") \
	X(STATE, backlog_grow_ms, , NULL, NULL, NULL, NULL, 0,		\
	    "Monotonic ms since when the backlog grows, or 0.")		\
	X(COUNTER, writer_stalls, , "writer_stalls",			\
	    "moscdr_writer_stalls_total", NULL, NULL, 0,		\
	    "Times the writer was inside one database call for "	\
	    "STATS_HEALTH_STUCK_S (10) seconds or more.")		\
	X(STATE, writer_busy_ms, , NULL, NULL, NULL, NULL, 0,		\
	    "Monotonic ms the writer's database call in progress began, " \
	    "or 0.")							\
	X(STATE, writer_busy_op, , NULL, NULL, NULL, NULL, 0,		\
	    "What that call is (enum stats_op).")			\
	X(STATE, journal_applied, , NULL, NULL, NULL, NULL, 0,		\
	    "1 + the last journal entry committed, once known; 0 before.")

/* The field types, by kind: in struct stats and in the snapshot. */
#define STATS_FIELD_COUNTER(f, dim)	stats_counter f dim;
#define STATS_FIELD_GAUGE(f, dim)	stats_gauge f dim;
#define STATS_FIELD_STATE(f, dim)	stats_gauge f dim;
#define STATS_FIELD_HISTOGRAM(f, dim)	struct stats_histogram f dim;
#define STATS_FIELD_LIVE(f, dim)
#define STATS_SNAP_COUNTER(f, dim)	uint64_t f dim;
#define STATS_SNAP_GAUGE(f, dim)	int64_t f dim;
#define STATS_SNAP_STATE(f, dim)	int64_t f dim;
#define STATS_SNAP_HISTOGRAM(f, dim)	struct stats_histogram_snap f dim;
#define STATS_SNAP_LIVE(f, dim)		int64_t f dim;

#define STATS_X_FIELD(kind, f, dim, ...)	STATS_FIELD_##kind(f, dim)
#define STATS_X_SNAP(kind, f, dim, ...)		STATS_SNAP_##kind(f, dim)

struct stats {
	STATS_TABLE(STATS_X_FIELD)
	/* Where the LIVE gauges come from; set before the threads start,
	 * NULL leaves them 0. */
	struct queue *queue;
	/* When set, the snapshot's backlog is the journal's last entry now
	 * less journal_applied, so it stays current while the writer is
	 * stuck in a call and cannot update the gauge. The writer sets it
	 * and clears it before it closes the journal. */
	_Atomic(struct journal *) journal;
	/* The call-quality figures, per node and side (quality.h): not
	 * rows of the table, their label values come from the messages.
	 * Set before the threads start; NULL counts nothing. */
	struct quality *quality;
};

struct stats_snapshot {
	STATS_TABLE(STATS_X_SNAP)
};

enum stats_kind {
	STATS_KIND_COUNTER,
	STATS_KIND_GAUGE,
	STATS_KIND_LIVE,
	STATS_KIND_STATE,
	STATS_KIND_HISTOGRAM
};

/* One row of STATS_TABLE, for the readers (stats.c, prom.c). */
struct stats_family {
	enum stats_kind kind;
	const char *field;	/* the C name, for messages */
	const char *line;
	const char *metric;
	const char *label;
	const char *(*names)(int);
	int first;
	size_t count;		/* values (1, or N of [N]) */
	size_t offset;		/* of the first in struct stats_snapshot */
	const char *help;
};

extern const struct stats_family stats_families[];
extern const size_t stats_nfamilies;

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
/* The label names of the table's labelled rows, by index. */
const char *stats_transport_label(int i);
const char *stats_drop_label(int i);
const char *stats_refused_label(int i);
const char *stats_auth_label(int i);

/* Copies every counter of st into *s and reads the live gauges. */
void stats_snapshot(struct stats *st, struct stats_snapshot *s);

/* The value i of a COUNTER, GAUGE, LIVE or STATE row of *s. */
int64_t stats_value(const struct stats_snapshot *s,
    const struct stats_family *f, size_t i);

/* One line "received_udp=... stored=... refused_not_json=..." into buf
 * (truncated to len), from a snapshot. */
void stats_format_snapshot(const struct stats_snapshot *s, char *buf,
    size_t len);
/* The same from the live counters. */
void stats_format_line(struct stats *st, char *buf, size_t len);

/*
 * The health verdict, at monotonic time now_ms: NULL when healthy (buf
 * then holds "ok", or "draining: N messages in the journal" while a
 * backlog is written, or the length of a short database outage), else
 * buf holding the reason for a 503. Unhealthy is: the database never
 * reached since start, away for STATS_HEALTH_DOWN_S seconds, or no
 * successful call for STATS_HEALTH_STALE_S; the writer inside one
 * database call for STATS_HEALTH_STUCK_S; the journal's backlog growing
 * for STATS_HEALTH_SPOOL_S. "Draining" is a backlog of more than
 * STATS_HEALTH_BACKLOG messages beyond what the queue holds.
 */
#define STATS_HEALTH_STALE_S	60
#define STATS_HEALTH_SPOOL_S	30
#define STATS_HEALTH_DOWN_S	10
#define STATS_HEALTH_STUCK_S	10
#define STATS_HEALTH_BACKLOG	1000
const char *stats_health(const struct stats_snapshot *s, int64_t now_ms,
    char *buf, size_t len);

/* "commit", "connect", ... ("database call" for none or unknown). */
const char *stats_op_name(int64_t op);

/*
 * A writer stuck in one database call, judged by another thread once a
 * second (the writer cannot say so while it is stuck): stats_stall_check
 * on the writer's busy mark (writer_busy_ms, writer_busy_op) at
 * monotonic now_ms says what to log. BEGIN once the call has lasted
 * STATS_HEALTH_STUCK_S, STILL every STATS_STALL_REPEAT_S after that,
 * END once that call is over; *dur_ms is its duration so far (at END:
 * until it returned, to within the check's period) and *op what it was.
 * The state starts zeroed.
 */
#define STATS_STALL_REPEAT_S	30
enum stats_stall_event {
	STATS_STALL_NONE = 0,
	STATS_STALL_BEGIN,
	STATS_STALL_STILL,
	STATS_STALL_END
};
struct stats_stall {
	int64_t since_ms;	/* start of the call reported stuck, or 0 */
	int64_t logged_ms;	/* when it was last reported */
	int64_t op;
};
enum stats_stall_event stats_stall_check(struct stats_stall *st,
    int64_t busy_ms, int64_t busy_op, int64_t now_ms, int64_t *dur_ms,
    int64_t *op);

#endif
