/*
 * writer.h: the writer thread, the only code that talks to the database.
 *
 * DESIGN: the receive thread pushes parsed messages into a bounded queue
 * (queue.h) and never waits. The writer pops them in batches, by count
 * (database.batch_size) or by time (database.flush_interval), and writes
 * each batch in one transaction through the store interface (store.h).
 * When the store fails (down, locked, full) or the queue runs more than
 * three quarters full, batches go to the on-disk spool (spool.h) instead.
 * A second, small thread watches the queue and spools its excess also
 * while the writer is busy inside a transaction, so a flood cannot fill
 * the queue during one slow commit. While the spool holds anything, new
 * batches are appended behind it and the oldest segment is replayed, one
 * batch per turn, whenever the database answers and the queue is under a
 * quarter full; records reach the database in the order they were
 * received, except that a burst's overflow may interleave with the
 * writer's own batches by whole batches (harmless under the merge rules).
 * Reconnects back off 1, 2, 4 ... 30 seconds. On stop, everything still
 * queued is committed, or spooled when the database cannot take it.
 *
 * When idle (queue and spool empty) the writer also pings the database
 * every WRITER_PING_S seconds, so the health state (stats db_up, /health)
 * stays current without traffic, and runs retention (retention.h) one
 * small transaction at a time.
 */
#ifndef MOSCDR_WRITER_H
#define MOSCDR_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct queue;
struct stats;
struct writer;

struct writer_config {
	const struct store_backend *backend;
	struct store_config store;
	size_t batch_size;
	double flush_s;
	const char *spool_dir;
	uint64_t spool_max_bytes;
	int retention_days;	/* delete calls older than this; 0 never */
};

/*
 * Opens the spool and starts the thread; the database is opened by the
 * thread (so a database that is down at start only delays writes).
 * Returns NULL with err filled when the spool cannot be opened.
 */
struct writer *writer_start(const struct writer_config *cfg,
    struct queue *q, struct stats *stats, char *err, size_t errlen);

/*
 * Sets retention.days (0 off) from now on: the writer thread applies it
 * before its next batch. Any thread.
 */
void writer_set_retention(struct writer *w, int days);

/*
 * Closes the queue, waits until the thread has committed (or spooled)
 * everything and exits, and frees the writer.
 */
void writer_stop(struct writer *w);

#endif
