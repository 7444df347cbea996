/*
 * retention.h: the schedule of retention (retention.days), the deletion
 * of calls older than the retention period by the writer thread.
 *
 * DESIGN: the writer thread owns the only database connection, so it also
 * deletes: one small transaction (store.h purge, RETENTION_BATCH calls with
 * their legs and samples) at a time, and only at a moment when the queue
 * is empty and the spool is empty, so ingestion never waits for more than
 * one such transaction. A run repeats batches until one comes back short
 * (nothing older is left), then sleeps RETENTION_INTERVAL_S. This module
 * only decides when; it does no I/O and reads no clock itself, so it can
 * be tested with made-up times.
 */
#ifndef MOSCDR_RETENTION_H
#define MOSCDR_RETENTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Calls per purge transaction (each call has ~2 legs and 9+ samples). */
#define RETENTION_BATCH		500
/* Seconds between runs once caught up, and after a failed batch. */
#define RETENTION_INTERVAL_S	60
/* Seconds after start before the first run: let start-up settle. */
#define RETENTION_FIRST_S	1
#define RETENTION_DAYS_MAX	36500

/*
 * Invariants: keep_s == 0 means off and nothing is ever due; run_deleted
 * counts the calls deleted since the current run started.
 */
struct retention {
	double keep_s;		/* seconds of calls kept; 0 off */
	double next_at;		/* monotonic time the next batch is due */
	uint64_t run_deleted;
	bool running;		/* a run is in progress */
};

/* days: 0 (off) .. RETENTION_DAYS_MAX; now: monotonic seconds. */
void retention_init(struct retention *r, int days, double now);
bool retention_is_enabled(const struct retention *r);
/* Whether a batch should run now (monotonic seconds). */
bool retention_is_due(const struct retention *r, double now);
/* The cutoff for a batch run at wall-clock time wall_now (unix s). */
double retention_cutoff(const struct retention *r, double wall_now);
/*
 * Records the outcome of one batch of limit calls: ok is false when the
 * store failed; deleted is what it removed. Returns true when this batch
 * ended a run (caught up, or failed); then *run_total holds the calls the
 * run deleted, for the log line, and the next run is RETENTION_INTERVAL_S
 * away. A full batch keeps the run going: the next batch is due at once.
 */
bool retention_done(struct retention *r, double now, bool ok,
    uint64_t deleted, size_t limit, uint64_t *run_total);

#endif
