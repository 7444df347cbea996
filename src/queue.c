/*
 * queue.c: implements queue.h with a mutex, a condition variable and a
 * singly linked list. One producer and one consumer (queue.h); `want` is
 * the consumer's alone, so the producer signals exactly when the waiting
 * consumer's batch is full. The lock is held only to link or unlink,
 * never while parsing or writing.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "queue.h"
#include "record.h"
#include "util.h"

/* Invariant: head == NULL iff len == 0; bytes is the sum of item bytes. */
struct queue {
	pthread_mutex_t lock;
	pthread_cond_t ready;	/* signalled on push and close */
	struct queue_item *head, *tail;
	size_t len, bytes, max_bytes;
	size_t want;		/* items the waiting consumer wants */
	bool closed;
};

struct queue *
queue_new(size_t max_bytes)
{
	struct queue *q = xcalloc(1, sizeof(*q));
	pthread_condattr_t ca;

	pthread_mutex_init(&q->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&q->ready, &ca);
	pthread_condattr_destroy(&ca);
	q->max_bytes = max_bytes;
	return q;
}

void
queue_item_free(struct queue_item *item)
{
	if (item == NULL)
		return;
	record_free(item->rec);
	free(item->node);
	free(item->raw);
	free(item);
}

void
queue_free(struct queue *q)
{
	struct queue_item *it, *next;

	if (q == NULL)
		return;
	for (it = q->head; it != NULL; it = next) {
		next = it->next;
		queue_item_free(it);
	}
	pthread_cond_destroy(&q->ready);
	pthread_mutex_destroy(&q->lock);
	free(q);
}

int
queue_push(struct queue *q, struct queue_item *item)
{
	pthread_mutex_lock(&q->lock);
	if (q->closed || q->bytes + item->bytes > q->max_bytes) {
		pthread_mutex_unlock(&q->lock);
		return -1;
	}
	item->next = NULL;
	if (q->tail != NULL)
		q->tail->next = item;
	else
		q->head = item;
	q->tail = item;
	q->len++;
	q->bytes += item->bytes;
	/* Wake the writer only when its batch is full: fewer wake-ups. */
	if (q->want > 0 && q->len >= q->want)
		pthread_cond_signal(&q->ready);
	pthread_mutex_unlock(&q->lock);
	return 0;
}

size_t
queue_pop(struct queue *q, struct queue_item **out, size_t max, double wait_s)
{
	struct queue_item *it, *last = NULL;
	struct timespec deadline;
	size_t n = 0;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += (time_t)wait_s;
	deadline.tv_nsec += (long)((wait_s - (double)(time_t)wait_s) * 1e9);
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&q->lock);
	q->want = max;
	while (q->len < max && !q->closed) {
		if (pthread_cond_timedwait(&q->ready, &q->lock, &deadline) ==
		    ETIMEDOUT)
			break;
	}
	q->want = 0;
	*out = q->head;
	for (it = q->head; it != NULL && n < max; it = it->next) {
		q->bytes -= it->bytes;
		last = it;
		n++;
	}
	if (last != NULL) {
		q->head = last->next;
		last->next = NULL;
		if (q->head == NULL)
			q->tail = NULL;
	}
	q->len -= n;
	pthread_mutex_unlock(&q->lock);
	return n;
}

uint64_t
queue_head_seq(struct queue *q)
{
	uint64_t s;

	pthread_mutex_lock(&q->lock);
	s = q->head != NULL ? q->head->seq : UINT64_MAX;
	pthread_mutex_unlock(&q->lock);
	return s;
}

void
queue_close(struct queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = true;
	pthread_cond_broadcast(&q->ready);
	pthread_mutex_unlock(&q->lock);
}

bool
queue_is_closed(struct queue *q)
{
	bool c;

	pthread_mutex_lock(&q->lock);
	c = q->closed;
	pthread_mutex_unlock(&q->lock);
	return c;
}

size_t
queue_bytes(struct queue *q)
{
	size_t b;

	pthread_mutex_lock(&q->lock);
	b = q->bytes;
	pthread_mutex_unlock(&q->lock);
	return b;
}

size_t
queue_len(struct queue *q)
{
	size_t n;

	pthread_mutex_lock(&q->lock);
	n = q->len;
	pthread_mutex_unlock(&q->lock);
	return n;
}

size_t
queue_max_bytes(struct queue *q)
{
	return q->max_bytes;
}
