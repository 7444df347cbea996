/*
 * test_queue.c: proves the queue's contract: FIFO order, the byte bound
 * refuses without taking ownership, pop returns by count or by time,
 * close wakes the consumer and hands over what is left, and nothing is
 * lost or duplicated between a producer and a consumer thread.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "queue.h"
#include "util.h"

static struct queue_item *
mk(size_t bytes, size_t tag)
{
	struct queue_item *it = xcalloc(1, sizeof(*it));

	it->bytes = bytes;
	it->rawlen = tag;	/* the tag rides in rawlen for the test */
	return it;
}

static void
free_list(struct queue_item *it)
{
	struct queue_item *n;

	for (; it != NULL; it = n) {
		n = it->next;
		queue_item_free(it);
	}
}

static void
test_fifo_and_bound(void **state)
{
	struct queue *q = queue_new(300);
	struct queue_item *big, *out, *it;
	size_t n, i;

	(void)state;
	for (i = 0; i < 3; i++)
		assert_int_equal(queue_push(q, mk(100, i)), 0);
	big = mk(1, 99);
	assert_int_equal(queue_push(q, big), -1);	/* 301 > 300 */
	assert_int_equal(queue_len(q), 3);
	assert_int_equal(queue_bytes(q), 300);
	n = queue_pop(q, &out, 2, 0);
	assert_int_equal(n, 2);
	assert_int_equal(out->rawlen, 0);
	assert_int_equal(out->next->rawlen, 1);
	assert_null(out->next->next);
	free_list(out);
	assert_int_equal(queue_bytes(q), 100);
	/* Room again: the refused item still belongs to us and fits now. */
	assert_int_equal(queue_push(q, big), 0);
	n = queue_pop(q, &out, 10, 0.01);	/* fewer than 10: by time */
	assert_int_equal(n, 2);
	for (it = out, i = 0; it != NULL; it = it->next, i++)
		assert_int_equal(it->rawlen, i == 0 ? 2 : 99);
	free_list(out);
	assert_int_equal(queue_pop(q, &out, 10, 0.01), 0);
	assert_null(out);
	queue_close(q);
	assert_true(queue_is_closed(q));
	big = mk(1, 1);
	assert_int_equal(queue_push(q, big), -1);	/* closed */
	queue_item_free(big);
	queue_free(q);
}

#define PRODUCED 20000

static void *
producer(void *arg)
{
	struct queue *q = arg;
	struct queue_item *it;
	size_t i;

	for (i = 0; i < PRODUCED; i++) {
		it = mk(10, i);
		/* A full queue refuses and leaves the item with us: retry. */
		while (queue_push(q, it) == -1)
			;
	}
	queue_close(q);
	return NULL;
}

/* Every item arrives once, in order, and the wait of 10 s never elapses
 * because close wakes the consumer. */
static void
test_threads_no_loss_no_dup(void **state)
{
	struct queue *q = queue_new(10 * 500);
	struct queue_item *out, *it;
	size_t expect = 0, n;
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, producer, q), 0);
	for (;;) {
		n = queue_pop(q, &out, 64, 10.0);
		for (it = out; it != NULL; it = it->next)
			assert_int_equal(it->rawlen, expect++);
		free_list(out);
		if (n == 0 && queue_is_closed(q) && queue_len(q) == 0)
			break;
	}
	pthread_join(t, NULL);
	assert_int_equal(expect, PRODUCED);
	queue_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fifo_and_bound),
		cmocka_unit_test(test_threads_no_loss_no_dup),
	};

	return cmocka_run_group_tests_name("queue", tests, NULL, NULL);
}
