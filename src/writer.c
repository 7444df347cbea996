/*
 * writer.c: implements writer.h, the database writer thread with its
 * batching, spooling, replay and reconnect backoff.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "queue.h"
#include "record.h"
#include "retention.h"
#include "spool.h"
#include "stats.h"
#include "util.h"
#include "writer.h"

#define WRITER_BACKOFF_MIN	1.0	/* seconds */
#define WRITER_BACKOFF_MAX	30.0
/* Batches taken at once when moving a backlog to the spool. */
#define WRITER_SPOOL_CHUNK	4
/* How often the overflow thread looks at the queue: 2 ms, during which
 * a flood of 40,000 messages/s adds 80 messages. */
#define WRITER_OVERFLOW_POLL_NS	2000000L
/* Seconds without a successful store call before an idle writer pings. */
#define WRITER_PING_S		10.0

/*
 * Invariants: store is NULL until opened and migrated; while down is
 * true nothing is written before retry_at; records go to the database
 * directly only while the spool is empty.
 */
struct writer {
	struct writer_config cfg;
	struct queue *q;
	struct stats *stats;
	struct spool *spool;
	struct store *store;
	pthread_t thread;
	bool down;		/* last store call failed */
	bool down_logged;
	double retry_at;	/* monotonic */
	double backoff;
	double ok_at;		/* monotonic: last successful store call */
	struct retention ret;
	_Atomic int retention_new;	/* days set by a reload; -1 none */
	struct record **recs;	/* batch_size slots */
	/* The spool segment being replayed: its records, parsed, and the
	 * first one not yet committed. NULL when none is loaded. */
	struct queue_item *replay_list, *replay_next;
	uint64_t replay_id;
	pthread_t overflow;	/* writer_overflow_main() */
	atomic_bool stopping;	/* tells the overflow thread to end */
};

static int64_t
writer_ms(double monotonic_s)
{
	return (int64_t)(monotonic_s * 1000);
}

/* A store call succeeded: the health state says so. */
static void
writer_note_ok(struct writer *w)
{
	w->ok_at = util_monotonic();
	atomic_store(&w->stats->db_ok_ms, writer_ms(w->ok_at));
	atomic_store(&w->stats->db_up, 1);
	atomic_store(&w->stats->db_down_ms, 0);
}

static void
writer_free_list(struct queue_item *it)
{
	struct queue_item *next;

	for (; it != NULL; it = next) {
		next = it->next;
		queue_item_free(it);
	}
}

/* The queue is over three quarters full: spool its excess. */
static bool
writer_backlog(struct writer *w)
{
	return queue_bytes(w->q) > queue_max_bytes(w->q) / 4 * 3;
}

/* Records a failure of the store: log once, back off. */
static void
writer_mark_down(struct writer *w, const char *err)
{
	stats_inc(&w->stats->db_errors);
	if (atomic_load(&w->stats->db_up) != 0 ||
	    atomic_load(&w->stats->db_down_ms) == 0)
		atomic_store(&w->stats->db_down_ms,
		    writer_ms(util_monotonic()));
	atomic_store(&w->stats->db_up, 0);
	if (!w->down_logged) {
		log_warnx("database unavailable: %s; spooling to %s and "
		    "retrying", err, w->cfg.spool_dir);
		w->down_logged = true;
	} else
		log_debug("database still unavailable: %s", err);
	w->down = true;
	w->backoff = w->backoff == 0 ? WRITER_BACKOFF_MIN :
	    fmin(w->backoff * 2, WRITER_BACKOFF_MAX);
	w->retry_at = util_monotonic() + w->backoff;
}

static void
writer_mark_up(struct writer *w)
{
	if (w->down) {
		stats_inc(&w->stats->db_reconnects);
		log_notice("database available again%s",
		    spool_is_empty(w->spool) ? "" : "; replaying the spool");
	}
	w->down = false;
	w->down_logged = false;
	w->backoff = 0;
}

/* Opens and migrates the store when it is not open yet. */
static bool
writer_ensure_store(struct writer *w)
{
	char err[512];
	enum store_status rc;

	if (w->store != NULL)
		return true;
	if (w->down && util_monotonic() < w->retry_at)
		return false;
	rc = w->cfg.backend->open(&w->cfg.store, &w->store, err, sizeof(err));
	if (rc == STORE_OK) {
		rc = w->cfg.backend->migrate(w->store, err, sizeof(err));
		if (rc != STORE_OK) {
			w->cfg.backend->close(w->store);
			w->store = NULL;
		}
	}
	if (rc == STORE_REJECT)
		/* Schema newer than this daemon and the like: no retry
		 * will help, but records must not be lost either. */
		log_limited(LOG_ERR, "store reject", "database refused: %s",
		    err);
	if (rc != STORE_OK) {
		writer_mark_down(w, err);
		return false;
	}
	log_info("database open (%s)", w->cfg.backend->name);
	writer_mark_up(w);
	writer_note_ok(w);
	return true;
}

static void
writer_count(struct writer *w, size_t n, const struct store_counts *c)
{
	stats_add(&w->stats->stored, n);
	stats_add(&w->stats->calls_new, c->calls_new);
	stats_add(&w->stats->calls_merged, c->calls_merged);
	stats_add(&w->stats->legs, c->legs);
	stats_add(&w->stats->samples, c->samples);
	stats_inc(&w->stats->batches);
}

/*
 * Writes the parsed records of list. Returns STORE_OK when every record
 * is either committed or refused for good (counted, logged), STORE_RETRY
 * when the database is unavailable and nothing was written.
 */
static enum store_status
writer_put(struct writer *w, struct queue_item *list)
{
	struct store_counts c;
	struct queue_item *it;
	enum store_status rc;
	char err[512];
	double t0;
	size_t n = 0;

	for (it = list; it != NULL; it = it->next)
		if (it->rec != NULL)
			w->recs[n++] = it->rec;
	if (n == 0)
		return STORE_OK;
	memset(&c, 0, sizeof(c));
	t0 = util_monotonic();
	rc = w->cfg.backend->put_batch(w->store, w->recs, n, &c, err,
	    sizeof(err));
	stats_observe(&w->stats->commit_latency,
	    (uint64_t)((util_monotonic() - t0) * 1e6));
	if (rc == STORE_OK) {
		writer_note_ok(w);
		writer_count(w, n, &c);
		if (w->down)
			writer_mark_up(w);
		return STORE_OK;
	}
	if (rc == STORE_RETRY) {
		writer_mark_down(w, err);
		return STORE_RETRY;
	}
	/* One record the database refuses must not take the batch with
	 * it: write them one by one and drop only the refused ones. */
	log_limited(LOG_ERR, "batch reject", "batch refused (%s); writing "
	    "its %zu records one by one", err, n);
	for (it = list; it != NULL; it = it->next) {
		struct record *r = it->rec;

		if (r == NULL)
			continue;
		memset(&c, 0, sizeof(c));
		rc = w->cfg.backend->put_batch(w->store, &r, 1, &c, err,
		    sizeof(err));
		if (rc == STORE_RETRY) {
			/* Already committed ones merge again harmlessly on
			 * replay: merges are idempotent. */
			writer_mark_down(w, err);
			return STORE_RETRY;
		}
		if (rc == STORE_REJECT) {
			stats_inc(&w->stats->dropped[STATS_DROP_REJECTED]);
			log_limited(LOG_ERR, "record reject", "record for call "
			    "%s refused by the database and dropped: %s",
			    r->call_id, err);
			it->rec = NULL;
			record_free(r);
			continue;
		}
		writer_count(w, 1, &c);
	}
	writer_note_ok(w);
	return STORE_OK;
}

static void
writer_spool(struct writer *w, struct queue_item *list)
{
	size_t dropped = 0, n = 0;
	struct queue_item *it;
	char err[512];

	for (it = list; it != NULL; it = it->next)
		n++;
	if (spool_append(w->spool, list, &dropped, err, sizeof(err)) == -1) {
		stats_add(&w->stats->dropped[STATS_DROP_SPOOL_FULL], n);
		log_limited(LOG_ERR, "spool write", "%s: %zu records lost",
		    err, n);
		return;
	}
	if (dropped > 0) {
		stats_add(&w->stats->dropped[STATS_DROP_SPOOL_FULL], dropped);
		log_limited(LOG_ERR, "spool full", "spool %s reached its cap of "
		    "%llu bytes: %zu records dropped", w->cfg.spool_dir,
		    (unsigned long long)w->cfg.spool_max_bytes, dropped);
	}
	stats_add(&w->stats->spool_written, n - dropped);
	atomic_store(&w->stats->spool_append_ms, writer_ms(util_monotonic()));
	atomic_store(&w->stats->spool_bytes, (int64_t)spool_bytes(w->spool));
	atomic_store(&w->stats->spool_segments,
	    (int64_t)spool_segments(w->spool));
}

/* Parses the raw messages of replayed items not parsed yet. */
static void
writer_parse(struct writer *w, struct queue_item *list)
{
	struct rec_errinfo e;
	struct rec_opts o;
	struct queue_item *it;

	for (it = list; it != NULL; it = it->next) {
		if (it->parsed)
			continue;
		it->parsed = true;
		o.default_node = it->node;
		o.received_at = it->received_at;
		if (record_from_json(it->raw, it->rawlen, &o, &it->rec, &e) ==
		    -1) {
			stats_inc(&w->stats->refused[e.code]);
			log_limited(LOG_WARNING, "spool refused", "spooled "
			    "message refused on replay: %s", rec_error_name(
			    e.code));
		}
	}
}

/*
 * Replays the next batch of the oldest spool segment: loads and parses
 * the segment when none is loaded, commits up to batch_size of its records,
 * and removes the segment once all are committed. One batch per call, so
 * the writer goes back to the queue between transactions. Returns false
 * when the database failed (the cursor stays where it was).
 */
static bool
writer_replay_one(struct writer *w)
{
	struct queue_item *it, *chunk, *rest;
	char err[512];
	size_t n, i;
	int rc;

	if (w->replay_list == NULL) {
		rc = spool_read_oldest(w->spool, &w->replay_list, &n,
		    &w->replay_id, err, sizeof(err));
		if (rc == -1)
			log_warnx("%s", err);
		if (rc != 1)
			return true;
		w->replay_next = w->replay_list;
	}
	chunk = w->replay_next;
	for (it = chunk, i = 1; it->next != NULL && i < w->cfg.batch_size;
	    it = it->next, i++)
		;
	rest = it->next;
	it->next = NULL;
	/* Parse one batch at a time: a whole segment of parsed records
	 * would cost several times its size in memory. */
	writer_parse(w, chunk);
	if (writer_put(w, chunk) != STORE_OK) {
		it->next = rest;
		return false;
	}
	it->next = rest;
	stats_add(&w->stats->spool_replayed, i);
	w->replay_next = rest;
	if (rest != NULL)
		return true;
	writer_free_list(w->replay_list);
	w->replay_list = w->replay_next = NULL;
	spool_remove(w->spool, w->replay_id);
	atomic_store(&w->stats->spool_bytes, (int64_t)spool_bytes(w->spool));
	atomic_store(&w->stats->spool_segments,
	    (int64_t)spool_segments(w->spool));
	if (spool_is_empty(w->spool))
		log_notice("spool replayed completely");
	return true;
}

static bool
writer_can_write(struct writer *w)
{
	if (w->down && util_monotonic() < w->retry_at)
		return false;
	return writer_ensure_store(w);
}

/*
 * One batch of retention: the calls older than the period, oldest first.
 * A failure is counted like any store failure (the next write retries).
 */
static void
writer_purge(struct writer *w)
{
	char err[512], when[STORE_TIME_LEN];
	uint64_t deleted = 0, total = 0;
	enum store_status rc;
	double before;

	before = retention_cutoff(&w->ret, util_now());
	rc = w->cfg.backend->purge(w->store, before, RETENTION_BATCH,
	    &deleted, err, sizeof(err));
	if (rc == STORE_OK) {
		writer_note_ok(w);
		stats_add(&w->stats->retention_deleted, deleted);
	} else if (rc == STORE_RETRY)
		writer_mark_down(w, err);
	else
		log_limited(LOG_ERR, "retention", "retention: %s", err);
	if (retention_done(&w->ret, util_monotonic(), rc == STORE_OK, deleted,
	    RETENTION_BATCH, &total) && total > 0)
		log_info("retention: deleted %llu calls that started before "
		    "%s", (unsigned long long)total,
		    store_time_format(before, when, sizeof(when)));
}

/* Whether a retention batch can and should run at the next idle moment. */
static bool
writer_wants_purge(struct writer *w, double now)
{
	return w->store != NULL && !w->down && spool_is_empty(w->spool) &&
	    w->cfg.backend->purge != NULL && retention_is_due(&w->ret, now);
}

/*
 * Called when the queue is empty: keeps the health state current with a
 * ping when nothing was written for WRITER_PING_S, and runs one batch of
 * retention when it is due and nothing waits to be written.
 */
static void
writer_idle(struct writer *w)
{
	enum store_status rc;
	char err[512];
	double now = util_monotonic();

	if (now - w->ok_at >= WRITER_PING_S && writer_can_write(w)) {
		rc = w->cfg.backend->ping(w->store, err, sizeof(err));
		if (rc == STORE_OK) {
			if (w->down)
				writer_mark_up(w);
			writer_note_ok(w);
		} else
			writer_mark_down(w, err);
		return;
	}
	if (writer_wants_purge(w, now))
		writer_purge(w);
}

static void *
writer_main(void *arg)
{
	struct writer *w = arg;
	struct queue_item *list;
	bool closed, spooling, calm;
	double wait;
	size_t n;

	for (;;) {
		int days = atomic_exchange(&w->retention_new, -1);

		if (days >= 0)
			retention_init(&w->ret, days, util_monotonic());
		/*
		 * A backlog means the database is not keeping up: move it to
		 * the spool in large chunks (disk appends are far faster
		 * than transactions), so the receive side never finds the
		 * queue full, and replay once the queue is calm again. While
		 * the spool holds anything, new records queue behind it, so
		 * they reach the database in the order received.
		 */
		spooling = writer_backlog(w) || !spool_is_empty(w->spool);
		wait = spooling && !w->down ? 0 : w->cfg.flush_s;
		/* Nor while a retention run has batches left: the next one
		 * runs as soon as the queue is found empty. */
		if (writer_wants_purge(w, util_monotonic()))
			wait = 0;
		n = queue_pop(w->q, &list, spooling ? WRITER_SPOOL_CHUNK *
		    w->cfg.batch_size : w->cfg.batch_size, wait);
		closed = queue_is_closed(w->q);
		if (n > 0) {
			if (!spooling && writer_can_write(w) &&
			    writer_put(w, list) == STORE_OK)
				;
			else
				writer_spool(w, list);
			writer_free_list(list);
		}
		calm = queue_bytes(w->q) <= queue_max_bytes(w->q) / 4;
		if (!spool_is_empty(w->spool) && !closed && calm &&
		    writer_can_write(w))
			writer_replay_one(w);
		if (closed && n == 0 && queue_len(w->q) == 0)
			break;
		if (!closed && queue_len(w->q) == 0)
			writer_idle(w);
	}
	/* A segment half replayed stays on disk and is replayed whole at
	 * the next start: its committed records merge again, harmlessly. */
	writer_free_list(w->replay_list);
	w->replay_list = w->replay_next = NULL;
	if (w->store != NULL)
		w->cfg.backend->close(w->store);
	w->store = NULL;
	return NULL;
}

/*
 * The overflow thread. While the writer is inside a transaction (a third
 * of a second for a batch on a busy PostgreSQL) it cannot look at the
 * queue, and a flood fills the queue in that time. This thread watches
 * the queue and moves the excess to the spool as soon as it passes three
 * quarters full, whatever the writer is doing. Both threads pop from the
 * same queue and append to the same spool (spool.c locks), so a burst's
 * overflow can interleave with the writer's batches by whole batches;
 * the merge rules make that order harmless.
 */
static void *
writer_overflow_main(void *arg)
{
	const struct timespec nap = { 0, WRITER_OVERFLOW_POLL_NS };
	struct writer *w = arg;
	struct queue_item *list;

	while (!atomic_load(&w->stopping)) {
		if (!writer_backlog(w)) {
			nanosleep(&nap, NULL);
			continue;
		}
		if (queue_pop(w->q, &list, WRITER_SPOOL_CHUNK *
		    w->cfg.batch_size, 0) == 0)
			continue;
		writer_spool(w, list);
		writer_free_list(list);
	}
	return NULL;
}

struct writer *
writer_start(const struct writer_config *cfg, struct queue *q,
    struct stats *stats, char *err, size_t errlen)
{
	struct writer *w = xcalloc(1, sizeof(*w));

	w->cfg = *cfg;
	w->q = q;
	w->stats = stats;
	w->recs = xcalloc(cfg->batch_size, sizeof(*w->recs));
	retention_init(&w->ret, cfg->retention_days, util_monotonic());
	atomic_store(&w->retention_new, -1);
	w->spool = spool_open(cfg->spool_dir, cfg->spool_max_bytes, err,
	    errlen);
	if (w->spool == NULL) {
		free(w->recs);
		free(w);
		return NULL;
	}
	if (!spool_is_empty(w->spool))
		log_notice("spool %s holds %zu segments (%llu bytes) from "
		    "before: replaying them first", cfg->spool_dir,
		    spool_segments(w->spool),
		    (unsigned long long)spool_bytes(w->spool));
	atomic_store(&stats->spool_bytes, (int64_t)spool_bytes(w->spool));
	/* Open the database in this thread first so that "ready" means the
	 * schema is in place whenever the database is reachable. */
	writer_ensure_store(w);
	if (pthread_create(&w->thread, NULL, writer_main, w) != 0) {
		snprintf(err, errlen, "cannot start the writer thread");
		if (w->store != NULL)
			cfg->backend->close(w->store);
		goto fail;
	}
	if (pthread_create(&w->overflow, NULL, writer_overflow_main, w) != 0) {
		snprintf(err, errlen, "cannot start the overflow thread");
		queue_close(w->q);
		pthread_join(w->thread, NULL);	/* it closes the store */
		goto fail;
	}
	return w;
fail:
	spool_close(w->spool);
	free(w->recs);
	free(w);
	return NULL;
}

void
writer_set_retention(struct writer *w, int days)
{
	atomic_store(&w->retention_new, days);
}

void
writer_stop(struct writer *w)
{
	if (w == NULL)
		return;
	/* The overflow thread first: then only the writer drains the queue
	 * on close, committing what it can and spooling the rest. */
	atomic_store(&w->stopping, true);
	pthread_join(w->overflow, NULL);
	queue_close(w->q);
	pthread_join(w->thread, NULL);
	spool_close(w->spool);
	free(w->recs);
	free(w);
}
