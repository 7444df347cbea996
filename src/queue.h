/*
 * queue.h: the bounded hand-off between the receive thread (producer)
 * and the writer thread (consumer).
 *
 * Contract: exactly one thread pushes and exactly one thread pops (and
 * calls queue_head_seq); any thread may read the gauges and close it.
 *
 * Bounded by bytes, not by count, so memory stays predictable whatever
 * the message size. Pushing never blocks: a full queue refuses and the
 * caller counts the drop. The writer pops batches, waiting at most a
 * given time, so it can commit by count and by time.
 */
#ifndef MOSCDR_QUEUE_H
#define MOSCDR_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct record;

/*
 * One message. An item from the receive thread holds the parsed record
 * only (parsed true, node and raw NULL): its raw text is in the journal.
 * An item read back from the journal holds the raw text and the default
 * node to parse it with (parsed false, rec NULL) until the writer parses
 * it.
 */
struct queue_item {
	struct queue_item *next;
	struct record *rec;	/* owned */
	char *node;		/* default node to parse raw with, owned */
	char *raw;		/* the message, owned, not NUL-terminated */
	size_t rawlen;
	uint64_t seq;		/* journal sequence number, 0: not journaled */
	double received_at;	/* unix seconds */
	double received_mono;	/* monotonic seconds, for latency */
	size_t bytes;		/* what it counts against the bound */
	bool parsed;		/* rec was made (or refused) from raw */
};

struct queue;

struct queue *queue_new(size_t max_bytes);
/* Frees the queue and every item still in it. */
void queue_free(struct queue *q);

/*
 * Appends item (ownership passes to the queue) and returns 0, or
 * returns -1 when it does not fit or the queue is closed (ownership
 * stays with the caller).
 */
int queue_push(struct queue *q, struct queue_item *item);

/*
 * Waits until max items are queued, wait_s seconds passed since the call,
 * or the queue was closed; then moves up to max items to *out (a linked
 * list in arrival order, ownership passes) and returns how many.
 */
size_t queue_pop(struct queue *q, struct queue_item **out, size_t max,
    double wait_s);

/*
 * The journal sequence number of the oldest item queued (0 when that item
 * is not journaled), UINT64_MAX when the queue is empty. The consumer's.
 */
uint64_t queue_head_seq(struct queue *q);

/* Wakes the consumer and refuses further pushes. */
void queue_close(struct queue *q);
bool queue_is_closed(struct queue *q);
/* Bytes and items queued now. */
size_t queue_bytes(struct queue *q);
size_t queue_len(struct queue *q);
size_t queue_max_bytes(struct queue *q);

/* Frees one item and all it owns. */
void queue_item_free(struct queue_item *item);

#endif
