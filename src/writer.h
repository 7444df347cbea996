/*
 * writer.h: the writer thread, the only code that talks to the database.
 *
 * DESIGN: the receive thread writes every accepted message to the
 * journal (journal.h, in the spool directory), then pushes it into a
 * bounded queue (queue.h) and never waits. The writer takes batches in
 * journal order: from the queue by count (database.batch_size) or time
 * (database.flush_interval) while the queue holds the next entry, else
 * read back from the journal, WRITER_BIG_BATCHES batches per transaction.
 * A full queue (a slow or absent database) therefore loses nothing: the
 * message is in the journal and read back from there, and after an outage
 * the backlog drains in large transactions while new messages wait in
 * memory as long as the queue has room. Every transaction also records
 * how far the journal was applied (store.h, put_batch_at), so a restart
 * after any crash replays exactly what the database lacks; the journal's
 * segments are deleted once applied.
 *
 * Reconnects back off 1, 2, 4, 5, 5 ... seconds. On stop the writer commits
 * what it can until database.stop_timeout; what is left stays in the
 * journal for the next start (logged with its count), so a stop never
 * waits on a hung database longer than that.
 *
 * The thread opens and migrates the database itself; writer_start waits
 * for that first call at most WRITER_START_WAIT_S (writer.c), so a locked
 * or hung database delays "ready" by that much at most.
 *
 * When idle the writer also pings the database every WRITER_PING_S
 * seconds, so the health state (stats db_up, /health) stays current
 * without traffic, and runs retention (retention.h) one small transaction
 * at a time. While it is inside a database call, stats writer_busy_ms
 * and writer_busy_op say since when and which (/health reports a writer
 * stuck in one, and the event loop logs it: stats_stall_check).
 */
#ifndef MOSCDR_WRITER_H
#define MOSCDR_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct journal;
struct queue;
struct stats;
struct writer;

struct writer_config {
	const struct store_backend *backend;
	struct store_config store;
	size_t batch_size;
	double flush_s;
	const char *spool_dir;		/* the journal's directory */
	uint64_t spool_max_bytes;	/* its cap, 0 none */
	bool journal;			/* false: memory only (benchmarks) */
	double sync_s;			/* journal fdatasync interval */
	double stop_s;			/* longest stop */
	int retention_days;	/* delete calls older than this; 0 never */
};

/*
 * Opens the journal and starts the thread; the database is opened by the
 * thread (so a database that is down at start only delays writes).
 * Returns NULL with err filled when the spool cannot be opened.
 */
struct writer *writer_start(const struct writer_config *cfg,
    struct queue *q, struct stats *stats, char *err, size_t errlen);

/* The journal the receive side writes to (NULL: journal off). */
struct journal *writer_journal(struct writer *w);

/*
 * Sets retention.days (0 off) from now on: the writer thread applies it
 * before its next batch. Any thread.
 */
void writer_set_retention(struct writer *w, int days);

/*
 * Closes the queue and lets the thread commit what it can within
 * stop_s seconds; frees the writer and returns true once it ended. When
 * the thread is stuck in a database call it returns false after a
 * second more, with the journal synced and the writer left running: the
 * caller must then exit without freeing what the thread uses.
 */
bool writer_stop(struct writer *w);

#endif
