/*
 * writer.c: implements writer.h, the database writer thread with its
 * batching, spooling, replay and reconnect backoff.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "quality.h"
#include "queue.h"
#include "record.h"
#include "retention.h"
#include "journal.h"
#include "stats.h"
#include "util.h"
#include "writer.h"

#define WRITER_BACKOFF_MIN	1.0	/* seconds */
/* At most 5 s between reconnect attempts: they are cheap, and every
 * second of an outage is a second more of backlog to write. */
#define WRITER_BACKOFF_MAX	5.0
/* Batches in one transaction when the queue holds more than a batch.
 * A backlog read back from the journal goes one batch at a time: it
 * holds the text of each message and then its record, and reading 4
 * batches at once took the peak of a burst from 29 to 34 MiB, while
 * SQLite commits 1,000 messages a transaction about as fast per message
 * as 10,000 (docs/benchmark.md). */
#define WRITER_BIG_BATCHES	4
/* Seconds without a successful store call before an idle writer pings. */
#define WRITER_PING_S		10.0
/* Seconds between two samples of the backlog's trend. */
#define WRITER_TREND_S		5.0
/* Seconds writer_start waits for the first open and migration. */
#define WRITER_START_WAIT_S	5
/* Sleep steps while the database is away. */
#define WRITER_NAP_S		0.05

/*
 * Invariants: store is NULL until opened and migrated; while down is
 * true nothing is written before retry_at; applied is the last journal
 * sequence number committed (known once have_pos); batch holds what was
 * taken and not committed yet, in sequence order, its journaled items
 * exactly applied + 1 .. batch_last.
 */
struct writer {
	struct writer_config cfg;
	struct queue *q;
	struct stats *stats;
	struct journal *journal;	/* NULL: journal off */
	struct store *store;
	pthread_t thread;
	bool down;		/* last store call failed */
	bool down_logged;
	double retry_at;	/* monotonic */
	double backoff;
	double ok_at;		/* monotonic: last successful store call */
	struct retention ret;
	_Atomic int retention_new;	/* days set by a reload; -1 none */
	struct record **recs;	/* big batch slots */
	unsigned char *created;	/* per slot: the record inserted its call */
	size_t nrecs;
	bool have_pos;
	uint64_t applied;
	uint64_t start_last;	/* the journal's last entry at open */
	struct queue_item *batch;
	/* Popped after a gap in the queue (entries the full queue let go
	 * of): they wait here while the journal gives back the gap. */
	struct queue_item *held;
	uint64_t batch_last;
	size_t batch_disk;	/* items of batch read from the journal */
	double stop_at;		/* monotonic; set before the queue closes */
	bool replay_logged;
	double trend_at;	/* monotonic: last backlog sample */
	uint64_t trend_backlog;
	/* The thread's first open, awaited by writer_start for at most
	 * WRITER_START_WAIT_S. */
	pthread_mutex_t start_lock;
	pthread_cond_t start_cond;
	bool first_done;
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

/* Messages in the journal not committed yet. */
static uint64_t
writer_backlog(struct writer *w)
{
	uint64_t last;

	if (w->journal == NULL || !w->have_pos)
		return 0;
	last = journal_last_seq(w->journal);
	return last > w->applied ? last - w->applied : 0;
}

/* The writer is inside a store call of kind op, or out of it
 * (STATS_OP_NONE); another thread watches it (stats_stall_check). */
static void
writer_busy(struct writer *w, enum stats_op op)
{
	if (op != STATS_OP_NONE)
		atomic_store(&w->stats->writer_busy_op, (int64_t)op);
	atomic_store(&w->stats->writer_busy_ms, op != STATS_OP_NONE ?
	    writer_ms(util_monotonic()) : 0);
}

static void
writer_gauges(struct writer *w)
{
	uint64_t backlog;
	double now;

	if (w->journal == NULL)
		return;
	backlog = writer_backlog(w);
	atomic_store(&w->stats->backlog, (int64_t)backlog);
	if (w->have_pos)
		atomic_store(&w->stats->journal_applied,
		    (int64_t)w->applied + 1);
	/* The trend, sampled every WRITER_TREND_S: growing while a sample
	 * beyond a few batches is larger than the one before. */
	now = util_monotonic();
	if (w->down) {
		/* While the database is away its own rule applies; the
		 * trend starts afresh at the reconnect. */
		atomic_store(&w->stats->backlog_grow_ms, 0);
		w->trend_at = now;
		w->trend_backlog = backlog;
	} else if (now - w->trend_at >= WRITER_TREND_S) {
		if (backlog > WRITER_BIG_BATCHES * w->cfg.batch_size &&
		    backlog > w->trend_backlog) {
			if (atomic_load(&w->stats->backlog_grow_ms) == 0)
				atomic_store(&w->stats->backlog_grow_ms,
				    writer_ms(w->trend_at > 0 ? w->trend_at :
				    now));
		} else
			atomic_store(&w->stats->backlog_grow_ms, 0);
		w->trend_at = now;
		w->trend_backlog = backlog;
	}
	atomic_store(&w->stats->spool_bytes,
	    (int64_t)journal_bytes(w->journal));
	atomic_store(&w->stats->spool_segments,
	    (int64_t)journal_segments(w->journal));
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
		log_warnx("database unavailable: %s; keeping messages in the "
		    "journal %s and retrying", err, w->cfg.spool_dir);
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
		    writer_backlog(w) == 0 ? "" : "; writing the journal's "
		    "backlog");
	}
	w->down = false;
	w->down_logged = false;
	w->backoff = 0;
	w->trend_at = util_monotonic();
	w->trend_backlog = writer_backlog(w);
	atomic_store(&w->stats->backlog_grow_ms, 0);
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
	writer_busy(w, STATS_OP_CONNECT);
	rc = w->cfg.backend->open(&w->cfg.store, &w->store, err, sizeof(err));
	if (rc == STORE_OK) {
		rc = w->cfg.backend->migrate(w->store, err, sizeof(err));
		if (rc != STORE_OK) {
			w->cfg.backend->close(w->store);
			w->store = NULL;
		}
	}
	writer_busy(w, STATS_OP_NONE);
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

/*
 * Counts a committed batch. The call-quality figures (quality.h) see
 * each call once: only the records that inserted their call row.
 */
static void
writer_count(struct writer *w, struct record *const *recs, size_t n,
    const struct store_counts *c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c->created != NULL && c->created[i])
			quality_observe_call(w->stats->quality, recs[i]);
	stats_add(&w->stats->stored, n);
	stats_add(&w->stats->calls_new, c->calls_new);
	stats_add(&w->stats->calls_merged, c->calls_merged);
	stats_add(&w->stats->legs, c->legs);
	stats_add(&w->stats->samples, c->samples);
	stats_inc(&w->stats->batches);
}

/* One store call with the busy mark around it. */
static enum store_status
writer_call_put(struct writer *w, struct record *const *recs, size_t n,
    uint64_t seq, struct store_counts *c, char *err, size_t errlen)
{
	struct store_position pos;
	enum store_status rc;
	double t0 = util_monotonic();

	writer_busy(w, STATS_OP_COMMIT);
	if (seq != 0) {
		pos.journal = journal_id(w->journal);
		pos.seq = seq;
		rc = w->cfg.backend->put_batch_at(w->store, recs, n, &pos, c,
		    err, errlen);
	} else
		rc = w->cfg.backend->put_batch(w->store, recs, n, c, err,
		    errlen);
	writer_busy(w, STATS_OP_NONE);
	if (n > 0)
		stats_observe(&w->stats->commit_latency,
		    (uint64_t)((util_monotonic() - t0) * 1e6));
	return rc;
}

/*
 * Writes the parsed records of list and, when last is not 0, the journal
 * position last, in one transaction. Returns STORE_OK when every record
 * is either committed or refused for good (counted, logged), STORE_RETRY
 * when the database is unavailable and nothing more was written.
 */
static enum store_status
writer_put(struct writer *w, struct queue_item *list, uint64_t last)
{
	struct store_counts c;
	struct queue_item *it;
	enum store_status rc;
	char err[512];
	uint64_t done;
	size_t n = 0;

	for (it = list; it != NULL; it = it->next)
		if (it->rec != NULL)
			w->recs[n++] = it->rec;
	if (n == 0 && last == 0)
		return STORE_OK;
	memset(&c, 0, sizeof(c));
	c.created = w->created;
	rc = writer_call_put(w, w->recs, n, last, &c, err, sizeof(err));
	if (rc == STORE_OK) {
		writer_note_ok(w);
		if (n > 0)
			writer_count(w, w->recs, n, &c);
		if (w->down)
			writer_mark_up(w);
		return STORE_OK;
	}
	if (rc == STORE_RETRY) {
		writer_mark_down(w, err);
		return STORE_RETRY;
	}
	/* One record the database refuses must not take the batch with
	 * it: write them one by one, each with its own position, and drop
	 * only the refused ones. */
	log_limited(LOG_ERR, "batch reject", "batch refused (%s); writing "
	    "its %zu records one by one", err, n);
	done = w->applied;
	for (it = list; it != NULL; it = it->next) {
		struct record *r = it->rec;
		uint64_t seq = it->seq != 0 && last != 0 ? it->seq : 0;

		if (r == NULL)
			continue;
		memset(&c, 0, sizeof(c));
		c.created = w->created;
		rc = writer_call_put(w, &r, 1, seq, &c, err, sizeof(err));
		if (rc == STORE_RETRY) {
			/* The committed ones are behind the position now:
			 * the retry skips them by sequence number. */
			writer_mark_down(w, err);
			if (done > w->applied)
				w->applied = done;
			return STORE_RETRY;
		}
		if (rc == STORE_REJECT) {
			stats_inc(&w->stats->dropped[STATS_DROP_REJECTED]);
			log_limited_n(LOG_ERR, "record reject", 1, "record "
			    "for call %s refused by the database and dropped: "
			    "%s", r->call_id, err);
			it->rec = NULL;
			record_free(r);
			continue;
		}
		if (seq > done)
			done = seq;
		writer_count(w, &r, 1, &c);
	}
	/* The refused records' sequence numbers are applied too. */
	if (last > done && writer_call_put(w, NULL, 0, last, NULL, err,
	    sizeof(err)) != STORE_OK) {
		writer_mark_down(w, err);
		if (done > w->applied)
			w->applied = done;
		return STORE_RETRY;
	}
	writer_note_ok(w);
	return STORE_OK;
}

/* Parses the raw messages of items read back from the journal. */
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
			log_limited(LOG_WARNING, "journal refused", "journaled "
			    "message refused on replay: %s", rec_error_name(
			    e.code));
		}
		/* Parsed: the text is in the journal still, and a batch
		 * read back holds the record only from here on. */
		free(it->raw);
		free(it->node);
		it->raw = it->node = NULL;
		it->rawlen = 0;
	}
}

static bool
writer_can_write(struct writer *w)
{
	if (w->down && util_monotonic() < w->retry_at)
		return false;
	return writer_ensure_store(w);
}

/*
 * Reads from the database how far this journal was applied. Entries
 * before the oldest segment are gone (applied before); a position beyond
 * the journal's last entry at open means the directory is not the one
 * the database saw (restored, replaced): then everything in it counts.
 */
static bool
writer_load_position(struct writer *w)
{
	enum store_status rc;
	uint64_t pos, first, backlog;
	char err[512];

	if (w->journal == NULL) {
		w->have_pos = true;
		return true;
	}
	writer_busy(w, STATS_OP_POSITION);
	rc = w->cfg.backend->position(w->store, journal_id(w->journal), &pos,
	    err, sizeof(err));
	writer_busy(w, STATS_OP_NONE);
	if (rc != STORE_OK) {
		writer_mark_down(w, err);
		return false;
	}
	if (pos > w->start_last) {
		log_warnx("journal %s: the database has it applied up to "
		    "entry %llu, beyond its last entry %llu: replaying all it "
		    "holds", w->cfg.spool_dir, (unsigned long long)pos,
		    (unsigned long long)w->start_last);
		pos = 0;
	}
	first = journal_first_seq(w->journal);
	if (pos + 1 < first)
		pos = first - 1;
	w->applied = pos;
	w->have_pos = true;
	backlog = w->start_last > pos ? w->start_last - pos : 0;
	if (backlog > 0 && !w->replay_logged)
		log_notice("journal %s holds %llu messages from before that "
		    "are not in the database: writing them first",
		    w->cfg.spool_dir, (unsigned long long)backlog);
	w->replay_logged = true;
	return true;
}

/*
 * Takes the next batch, in sequence order: from the queue while it holds
 * the next entry, else read back from the journal (the queue let go of
 * those while it was full), a batch at a time. Journaled items the queue
 * still holds but that were already read back are freed unwritten.
 */
static void
writer_take(struct writer *w, bool closed)
{
	struct queue_item *list, *it, *next, *keep = NULL, **tail = &keep;
	struct queue_item **held_tail = &w->held;
	uint64_t want = w->applied + 1, last, head, lost;
	size_t big = WRITER_BIG_BATCHES * w->cfg.batch_size, max, n;
	char err[512];
	bool gap = false;

	w->batch_last = 0;
	w->batch_disk = 0;
	last = w->journal != NULL ? journal_last_seq(w->journal) : 0;
	head = w->held != NULL ? w->held->seq : queue_head_seq(w->q);
	if (w->journal != NULL && want <= last && head != 0 && head > want) {
		err[0] = '\0';
		n = journal_read(w->journal, want, head == UINT64_MAX ? last :
		    head - 1, w->cfg.batch_size, &list, &lost, err,
		    sizeof(err));
		if (lost > 0) {
			stats_add(&w->stats->dropped[STATS_DROP_SPOOL_FULL], lost);
			log_limited_n(LOG_ERR, "journal read", lost, "%s: %llu "
			    "messages lost", err, (unsigned long long)lost);
		}
		for (it = list; it != NULL; it = it->next)
			w->batch_last = it->seq;
		if (n == 0 && lost > 0)
			/* Only unreadable entries: step over them. */
			w->batch_last = w->applied + lost;
		writer_parse(w, list);
		w->batch = list;
		w->batch_disk = n;
		return;
	}
	if (w->held != NULL) {
		list = w->held;
		w->held = NULL;
	} else {
		max = queue_len(w->q) > w->cfg.batch_size ? big :
		    w->cfg.batch_size;
		n = queue_pop(w->q, &list, max, closed ? 0 : w->cfg.flush_s);
		writer_gauges(w);
		if (n == 0)
			return;
	}
	for (it = list; it != NULL; it = next) {
		next = it->next;
		it->next = NULL;
		if (it->seq != 0 && it->seq < want) {
			/* Already read back from the journal. */
			queue_item_free(it);
			continue;
		}
		if (it->seq != 0 && (gap || it->seq > want)) {
			/* After a gap: held until the journal gave it back. */
			gap = true;
			*held_tail = it;
			held_tail = &it->next;
			continue;
		}
		if (it->seq != 0)
			w->batch_last = want++;
		*tail = it;
		tail = &it->next;
	}
	w->batch = keep;
}

/* Commits the batch taken; false when the database failed (kept). */
static bool
writer_commit(struct writer *w)
{
	uint64_t last = w->batch_last > w->applied ? w->batch_last : 0;

	if (writer_put(w, w->batch, last) != STORE_OK)
		return false;
	if (last != 0)
		w->applied = last;
	stats_add(&w->stats->spool_replayed, w->batch_disk);
	writer_free_list(w->batch);
	w->batch = NULL;
	w->batch_last = 0;
	w->batch_disk = 0;
	if (w->journal != NULL)
		journal_trim(w->journal, w->applied);
	writer_gauges(w);
	return true;
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
	writer_busy(w, STATS_OP_RETENTION);
	rc = w->cfg.backend->purge(w->store, before, RETENTION_BATCH,
	    &deleted, err, sizeof(err));
	writer_busy(w, STATS_OP_NONE);
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
	return w->store != NULL && !w->down && writer_backlog(w) == 0 &&
	    w->cfg.backend->purge != NULL && retention_is_due(&w->ret, now);
}

/*
 * Called when nothing is waiting: keeps the health state current with a
 * ping when nothing was written for WRITER_PING_S, and runs one batch of
 * retention when it is due.
 */
static void
writer_idle(struct writer *w)
{
	enum store_status rc;
	char err[512];
	double now = util_monotonic();

	if (now - w->ok_at >= WRITER_PING_S && writer_can_write(w)) {
		writer_busy(w, STATS_OP_PING);
		rc = w->cfg.backend->ping(w->store, err, sizeof(err));
		writer_busy(w, STATS_OP_NONE);
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

/* Sleeps while the database is away, waking early for a stop. */
static void
writer_nap(struct writer *w)
{
	const struct timespec nap = { 0, (long)(WRITER_NAP_S * 1e9) };

	writer_gauges(w);
	if (util_monotonic() < w->retry_at)
		nanosleep(&nap, NULL);
}

static void *
writer_main(void *arg)
{
	struct writer *w = arg;
	bool closed;

	if (writer_ensure_store(w))
		writer_load_position(w);
	writer_gauges(w);
	pthread_mutex_lock(&w->start_lock);
	w->first_done = true;
	pthread_cond_signal(&w->start_cond);
	pthread_mutex_unlock(&w->start_lock);

	for (;;) {
		int days = atomic_exchange(&w->retention_new, -1);

		if (days >= 0)
			retention_init(&w->ret, days, util_monotonic());
		closed = queue_is_closed(w->q);
		if (closed && util_monotonic() >= w->stop_at)
			break;
		if (!writer_can_write(w)) {
			/* Stopping while the database is away: what is not
			 * committed waits in the journal. */
			if (closed)
				break;
			writer_nap(w);
			continue;
		}
		if (!w->have_pos && !writer_load_position(w))
			continue;
		if (w->batch == NULL)
			writer_take(w, closed);
		if (w->batch == NULL && w->batch_last == 0) {
			if (closed && queue_len(w->q) == 0 &&
			    w->held == NULL && writer_backlog(w) == 0)
				break;
			if (!closed && queue_len(w->q) == 0 && w->held == NULL)
				writer_idle(w);
			continue;
		}
		writer_commit(w);
	}
	/* The exit's stats line reports the backlog: what the receive
	 * thread journaled since the last sample (udp_drain() at a stop
	 * included) counts too. */
	writer_gauges(w);
	if (w->store != NULL)
		w->cfg.backend->close(w->store);
	w->store = NULL;
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
	w->nrecs = WRITER_BIG_BATCHES * cfg->batch_size;
	w->recs = xcalloc(w->nrecs, sizeof(*w->recs));
	w->created = xcalloc(w->nrecs, 1);
	retention_init(&w->ret, cfg->retention_days, util_monotonic());
	atomic_store(&w->retention_new, -1);
	if (cfg->journal) {
		w->journal = journal_open(cfg->spool_dir, cfg->spool_max_bytes,
		    cfg->sync_s, err, errlen);
		if (w->journal == NULL) {
			free(w->recs);
			free(w->created);
			free(w);
			return NULL;
		}
		w->start_last = journal_last_seq(w->journal);
		atomic_store(&stats->journal, w->journal);
	} else
		log_warnx("journal off: messages wait in memory only and are "
		    "lost when the daemon stops before storing them");
	pthread_mutex_init(&w->start_lock, NULL);
	{
		pthread_condattr_t ca;

		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&w->start_cond, &ca);
		pthread_condattr_destroy(&ca);
	}
	if (pthread_create(&w->thread, NULL, writer_main, w) != 0) {
		snprintf(err, errlen, "cannot start the writer thread");
		pthread_cond_destroy(&w->start_cond);
		pthread_mutex_destroy(&w->start_lock);
		atomic_store(&stats->journal, NULL);
		journal_close(w->journal);
		free(w->recs);
		free(w->created);
		free(w);
		return NULL;
	}
	/* "ready" should mean the schema is in place whenever the database
	 * answers: wait for the thread's first open, but not for a database
	 * that hangs or is locked (the socket is not read meanwhile). */
	{
		struct timespec until;
		bool first;

		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += WRITER_START_WAIT_S;
		pthread_mutex_lock(&w->start_lock);
		while (!w->first_done && pthread_cond_timedwait(&w->start_cond,
		    &w->start_lock, &until) == 0)
			;
		first = w->first_done;
		pthread_mutex_unlock(&w->start_lock);
		if (!first)
			log_notice("database: no answer to the first call after "
			    "%d s; starting anyway, messages wait in the journal "
			    "while the writer keeps trying", WRITER_START_WAIT_S);
	}
	return w;
}

void
writer_set_retention(struct writer *w, int days)
{
	atomic_store(&w->retention_new, days);
}

struct journal *
writer_journal(struct writer *w)
{
	return w->journal;
}

bool
writer_stop(struct writer *w)
{
	struct timespec until;
	uint64_t left, lost;
	double grace;

	if (w == NULL)
		return true;
	w->stop_at = util_monotonic() + w->cfg.stop_s;
	queue_close(w->q);
	/* The thread ends at stop_at unless it is inside a database call
	 * that does not return: then give up on it a second later. */
	grace = w->cfg.stop_s + 1.0;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += (time_t)grace;
	if (pthread_timedjoin_np(w->thread, NULL, &until) != 0) {
		left = writer_backlog(w);
		if (w->journal != NULL)
			journal_sync(w->journal);
		log_warnx("stop: the writer is still inside a database call "
		    "after %.0f s; %llu messages not in the database stay in "
		    "the journal %s for the next start", w->cfg.stop_s,
		    (unsigned long long)left, w->cfg.spool_dir);
		return false;
	}
	left = writer_backlog(w);
	/* What only the queue held (journal off, or its write failed). */
	lost = queue_len(w->q);
	{
		struct queue_item *it;

		for (it = w->batch; it != NULL; it = it->next)
			if (it->seq == 0)
				lost++;
		for (it = w->held; it != NULL; it = it->next)
			if (it->seq == 0)
				lost++;
		writer_free_list(w->batch);
		writer_free_list(w->held);
	}
	if (left > 0)
		log_notice("stopped with %llu messages not in the database yet: "
		    "they stay in the journal %s and are written at the next "
		    "start", (unsigned long long)left, w->cfg.spool_dir);
	if (lost > 0)
		log_warnx("stopped with %llu messages that were in memory only "
		    "(not journaled): lost", (unsigned long long)lost);
	/* The exit line reads the gauge from here on. */
	atomic_store(&w->stats->backlog, (int64_t)left);
	atomic_store(&w->stats->journal, NULL);
	journal_close(w->journal);
	pthread_cond_destroy(&w->start_cond);
	pthread_mutex_destroy(&w->start_lock);
	free(w->recs);
	free(w->created);
	free(w);
	return true;
}
