/*
 * test_spool.c: proves that the spool keeps what it was given across a
 * reopen, in order, byte for byte; that it honours its cap; that leftover
 * temporary files are discarded and corrupt segments set aside.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "queue.h"
#include "spool.h"
#include "util.h"

static char tmpl[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpl, sizeof(tmpl), "/tmp/moscdr-spool.XXXXXX");
	assert_non_null(mkdtemp(tmpl));
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpl);
	return system(cmd);
}

static struct queue_item *
item(const char *raw, const char *node, double t)
{
	struct queue_item *it = xcalloc(1, sizeof(*it));

	it->raw = xstrdup(raw);
	it->rawlen = strlen(raw);
	it->node = xstrdup(node);
	it->received_at = t;
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

/* Two segments written, reopened, read back oldest first, unchanged. */
static void
test_roundtrip_in_order(void **state)
{
	struct queue_item *a, *got, *it;
	struct spool *sp;
	char err[256];
	size_t dropped, n;
	uint64_t id;
	/* A payload with a NUL byte and quotes survives byte for byte. */
	const char bin[] = "{\"call_id\":\"x\\\"y\"}\0tail";

	(void)state;
	sp = spool_open(tmpl, 0, err, sizeof(err));
	assert_non_null(sp);
	assert_true(spool_is_empty(sp));
	a = item("{\"call_id\":\"1\"}", "n1", 1000.5);
	a->next = item("{\"call_id\":\"2\"}", "n2", 1001.25);
	assert_int_equal(spool_append(sp, a, &dropped, err, sizeof(err)), 0);
	assert_int_equal(dropped, 0);
	free_list(a);
	a = item("x", "n3", 1002);
	free(a->raw);
	a->raw = xmalloc(sizeof(bin));
	memcpy(a->raw, bin, sizeof(bin));
	a->rawlen = sizeof(bin);
	assert_int_equal(spool_append(sp, a, &dropped, err, sizeof(err)), 0);
	free_list(a);
	assert_int_equal(spool_segments(sp), 2);
	spool_close(sp);

	sp = spool_open(tmpl, 0, err, sizeof(err));
	assert_non_null(sp);
	assert_int_equal(spool_segments(sp), 2);
	assert_int_equal(spool_read_oldest(sp, &got, &n, &id, err,
	    sizeof(err)), 1);
	assert_int_equal(n, 2);
	assert_string_equal(got->raw, "{\"call_id\":\"1\"}");
	assert_string_equal(got->node, "n1");
	assert_true(got->received_at == 1000.5);
	it = got->next;
	assert_string_equal(it->raw, "{\"call_id\":\"2\"}");
	assert_true(it->received_at == 1001.25);
	free_list(got);
	assert_int_equal(spool_remove(sp, id), 0);
	assert_int_equal(spool_read_oldest(sp, &got, &n, &id, err,
	    sizeof(err)), 1);
	assert_int_equal(n, 1);
	assert_int_equal(got->rawlen, sizeof(bin));
	assert_memory_equal(got->raw, bin, sizeof(bin));
	free_list(got);
	assert_int_equal(spool_remove(sp, id), 0);
	assert_true(spool_is_empty(sp));
	assert_int_equal(spool_bytes(sp), 0);
	assert_int_equal(spool_read_oldest(sp, &got, &n, &id, err,
	    sizeof(err)), 0);
	spool_close(sp);
}

/* Past the cap, items are not written and are reported as dropped. */
static void
test_cap_drops_and_counts(void **state)
{
	struct queue_item *a = NULL, **tail = &a, *got;
	struct spool *sp;
	char err[256], raw[100];
	size_t dropped, n, i;
	uint64_t id;

	(void)state;
	/* Each entry is 16 + 2 + 99 bytes; the cap fits about three. */
	sp = spool_open(tmpl, 8 + 3 * 117 + 10, err, sizeof(err));
	assert_non_null(sp);
	memset(raw, 'a', sizeof(raw) - 1);
	raw[sizeof(raw) - 1] = '\0';
	for (i = 0; i < 5; i++) {
		*tail = item(raw, "n1", (double)i);
		tail = &(*tail)->next;
	}
	assert_int_equal(spool_append(sp, a, &dropped, err, sizeof(err)), 0);
	assert_int_equal(dropped, 2);
	free_list(a);
	assert_int_equal(spool_read_oldest(sp, &got, &n, &id, err,
	    sizeof(err)), 1);
	assert_int_equal(n, 3);
	free_list(got);
	spool_close(sp);
}

/* A temporary file left by a crash is removed; a corrupt segment is
 * renamed .bad and skipped, the next one still reads. */
static void
test_tmp_removed_corrupt_quarantined(void **state)
{
	struct queue_item *a, *got;
	struct spool *sp;
	char err[256], path[256];
	size_t dropped, n;
	uint64_t id;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/tmp-0000000000000009", tmpl);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("partial", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/0000000000000001.seg", tmpl);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("MOSCDRS1\x05\x00\x00\x00", f);	/* truncated header */
	fclose(f);
	sp = spool_open(tmpl, 0, err, sizeof(err));
	assert_non_null(sp);
	snprintf(path, sizeof(path), "%s/tmp-0000000000000009", tmpl);
	assert_int_equal(access(path, F_OK), -1);
	a = item("{\"call_id\":\"ok\"}", "n", 5);
	assert_int_equal(spool_append(sp, a, &dropped, err, sizeof(err)), 0);
	free_list(a);
	assert_int_equal(spool_read_oldest(sp, &got, &n, &id, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "corrupt"));
	snprintf(path, sizeof(path), "%s/0000000000000001.seg.bad", tmpl);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(spool_read_oldest(sp, &got, &n, &id, err,
	    sizeof(err)), 1);
	assert_int_equal(n, 1);
	assert_string_equal(got->raw, "{\"call_id\":\"ok\"}");
	assert_int_equal(id, 2);
	free_list(got);
	spool_close(sp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip_in_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_cap_drops_and_counts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_tmp_removed_corrupt_quarantined, setup, teardown),
	};

	return cmocka_run_group_tests_name("spool", tests, NULL, NULL);
}
