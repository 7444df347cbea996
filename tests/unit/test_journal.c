/*
 * test_journal.c: proves the journal's contract: entries come back byte
 * for byte in sequence order across reopen and segments; sequence numbers
 * go on after a reopen; a torn tail is cut and the numbering resumes
 * after the last whole entry; a corrupt entry is skipped with the exact
 * count of what was lost; trim deletes only applied segments and one
 * that cannot be deleted is harmless; the cap refuses with its cause;
 * the decoder refuses bad bytes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "queue.h"
#include "util.h"

static char tmpl[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpl, sizeof(tmpl), "/tmp/moscdr-journal.XXXXXX");
	assert_non_null(mkdtemp(tmpl));
	return 0;
}

static int
teardown(void **state)
{
	char cmd[200];

	(void)state;
	snprintf(cmd, sizeof(cmd), "chmod -R u+w %s; rm -rf %s", tmpl, tmpl);
	return system(cmd);
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

static size_t
count_segments(void)
{
	struct dirent *de;
	size_t n = 0;
	DIR *d = opendir(tmpl);

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, "j-", 2) == 0)
			n++;
	closedir(d);
	return n;
}

static void
append(struct journal *j, const char *raw, uint64_t want)
{
	char err[256];
	uint64_t seq = 0;

	assert_int_equal(journal_append(j, "node-a", raw, strlen(raw), 1.5,
	    &seq, err, sizeof(err)), 0);
	assert_int_equal(seq, want);
}

/* Entries come back in order, unchanged, also after a reopen, and the
 * numbering goes on where it stopped. */
static void
test_roundtrip_and_reopen(void **state)
{
	struct queue_item *got, *it;
	struct journal *j;
	char err[256], raw[32];
	uint64_t lost, i;
	const char bin[] = "{\"a\":\"x\0y\"}";

	(void)state;
	j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
	assert_non_null(j);
	assert_int_equal(journal_last_seq(j), 0);
	for (i = 1; i <= 100; i++) {
		snprintf(raw, sizeof(raw), "{\"n\":%" PRIu64 "}", i);
		append(j, raw, i);
	}
	journal_close(j);

	j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
	assert_non_null(j);
	assert_int_equal(journal_last_seq(j), 100);
	assert_int_equal(journal_first_seq(j), 1);
	{
		uint64_t seq;

		assert_int_equal(journal_append(j, "n", bin, sizeof(bin), 2.0,
		    &seq, err, sizeof(err)), 0);
		assert_int_equal(seq, 101);
	}
	/* A read in the middle, then the rest. */
	assert_int_equal(journal_read(j, 40, 49, 1000, &got, &lost, err,
	    sizeof(err)), 10);
	assert_int_equal(lost, 0);
	for (it = got, i = 40; it != NULL; it = it->next, i++) {
		snprintf(raw, sizeof(raw), "{\"n\":%" PRIu64 "}", i);
		assert_int_equal(it->seq, i);
		assert_int_equal(it->rawlen, strlen(raw));
		assert_memory_equal(it->raw, raw, it->rawlen);
		assert_string_equal(it->node, "node-a");
		assert_true(it->received_at == 1.5);
	}
	free_list(got);
	assert_int_equal(journal_read(j, 50, 200, 1000, &got, &lost, err,
	    sizeof(err)), 52);
	for (it = got; it->next != NULL; it = it->next)
		;
	assert_int_equal(it->seq, 101);
	assert_int_equal(it->rawlen, sizeof(bin));
	assert_memory_equal(it->raw, bin, sizeof(bin));
	free_list(got);
	/* Backwards again: the reader repositions. */
	assert_int_equal(journal_read(j, 1, 3, 2, &got, &lost, err,
	    sizeof(err)), 2);
	assert_int_equal(got->seq, 1);
	assert_int_equal(got->next->seq, 2);
	free_list(got);
	journal_close(j);
}

/* A write cut short (a crash) is cut at the next open; the numbering
 * resumes right after the last whole entry. */
static void
test_torn_tail(void **state)
{
	struct queue_item *got;
	struct journal *j;
	char err[256], path[256];
	uint64_t lost;
	struct stat st;
	int fd;

	(void)state;
	j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
	assert_non_null(j);
	append(j, "{\"n\":1}", 1);
	append(j, "{\"n\":2}", 2);
	journal_close(j);
	snprintf(path, sizeof(path), "%s/j-%016d.log", tmpl, 1);
	assert_int_equal(stat(path, &st), 0);
	/* Half of the second entry's bytes are gone, garbage follows. */
	assert_int_equal(truncate(path, st.st_size - 5), 0);
	fd = open(path, O_WRONLY | O_APPEND);
	assert_true(fd != -1);
	assert_int_equal(write(fd, "garbage", 7), 7);
	close(fd);

	j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
	assert_non_null(j);
	assert_int_equal(journal_last_seq(j), 1);
	append(j, "{\"n\":3}", 2);
	assert_int_equal(journal_read(j, 1, 2, 10, &got, &lost, err,
	    sizeof(err)), 2);
	assert_int_equal(lost, 0);
	assert_int_equal(got->seq, 1);
	assert_int_equal(got->next->seq, 2);
	assert_memory_equal(got->next->raw, "{\"n\":3}", 7);
	free_list(got);
	journal_close(j);
}

/* A corrupt entry in an older segment: the rest of that segment is
 * skipped and counted exactly; the next segment reads on. */
static void
test_corrupt_middle_counted(void **state)
{
	struct queue_item *got, *it;
	struct journal *j;
	char err[256], path[256];
	uint64_t lost;
	size_t n;
	int fd;

	(void)state;
	j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
	assert_non_null(j);
	append(j, "{\"n\":1}", 1);
	append(j, "{\"n\":2}", 2);
	append(j, "{\"n\":3}", 3);
	journal_close(j);
	/* Reopen: a new segment from 4 on. */
	j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
	assert_non_null(j);
	append(j, "{\"n\":4}", 4);
	append(j, "{\"n\":5}", 5);
	assert_int_equal(journal_segments(j), 2);
	/* Flip a byte of entry 2 in the first segment. */
	snprintf(path, sizeof(path), "%s/j-%016d.log", tmpl, 1);
	fd = open(path, O_WRONLY);
	assert_true(fd != -1);
	assert_int_equal(pwrite(fd, "X", 1, JOURNAL_MAGIC_LEN +
	    JOURNAL_HDR_LEN + 6 + 7 + JOURNAL_HDR_LEN + 2), 1);
	close(fd);
	err[0] = '\0';
	n = journal_read(j, 1, 5, 100, &got, &lost, err, sizeof(err));
	assert_int_equal(n, 3);
	assert_int_equal(lost, 2);
	assert_non_null(strstr(err, "corrupt"));
	it = got;
	assert_int_equal(it->seq, 1);
	assert_int_equal(it->next->seq, 4);
	assert_int_equal(it->next->next->seq, 5);
	free_list(got);
	journal_close(j);
}

/* Trim deletes a segment once all of it is applied, never the current
 * one; a segment that cannot be deleted is reported, and its entries are
 * then skipped by sequence number (a reopen reads on after them). */
static void
test_trim(void **state)
{
	struct journal *j;
	char err[256];
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
		assert_non_null(j);
		append(j, "{\"n\":1}", (uint64_t)(2 * i + 1));
		append(j, "{\"n\":2}", (uint64_t)(2 * i + 2));
		journal_close(j);
	}
	j = journal_open(tmpl, 0, 1.0, err, sizeof(err));
	assert_non_null(j);
	assert_int_equal(count_segments(), 4);	/* 1, 3, 5, 7 (empty) */
	assert_int_equal(journal_trim(j, 2), 0);	/* segment 1: 1..2 */
	assert_int_equal(count_segments(), 3);
	assert_int_equal(journal_first_seq(j), 3);
	assert_int_equal(journal_trim(j, 3), 0);	/* 3..4 not all */
	assert_int_equal(count_segments(), 3);
	/* A directory that refuses the unlink: counted, not fatal. */
	if (geteuid() != 0) {
		assert_int_equal(chmod(tmpl, 0500), 0);
		assert_int_equal(journal_trim(j, 4), 1);
		assert_int_equal(chmod(tmpl, 0700), 0);
		assert_int_equal(count_segments(), 3);
	} else {
		assert_int_equal(journal_trim(j, 4), 0);
		assert_int_equal(count_segments(), 2);
	}
	assert_int_equal(journal_first_seq(j), 5);
	assert_int_equal(journal_trim(j, 100), 0);
	assert_int_equal(journal_segments(j), 1);	/* the current one */
	assert_int_equal(journal_last_seq(j), 6);
	journal_close(j);
}

/* The cap refuses with "spool directory full"; nothing is numbered. */
static void
test_cap(void **state)
{
	struct journal *j;
	char err[256];
	uint64_t seq = 0;

	(void)state;
	j = journal_open(tmpl, JOURNAL_MAGIC_LEN + 2 * (JOURNAL_HDR_LEN + 6 +
	    7), 1.0, err, sizeof(err));
	assert_non_null(j);
	append(j, "{\"n\":1}", 1);
	append(j, "{\"n\":2}", 2);
	assert_int_equal(journal_append(j, "node-a", "{\"n\":3}", 7, 1.0,
	    &seq, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "spool directory full"));
	assert_int_equal(journal_last_seq(j), 2);
	assert_int_equal(journal_sync(j), 0);
	assert_int_equal(journal_synced_seq(j), 2);
	journal_close(j);
}

/* The decoder: whole entries only, CRC checked, lengths bounded. */
static void
test_decode(void **state)
{
	struct journal_entry e;
	unsigned char buf[256];
	size_t len;

	(void)state;
	len = journal_encode(buf, 7, 3.25, "nd", 2, "raw", 3);
	assert_int_equal(len, JOURNAL_HDR_LEN + 5);
	assert_int_equal(journal_decode(buf, len, &e), (ssize_t)len);
	assert_int_equal(e.seq, 7);
	assert_memory_equal(e.node, "nd", 2);
	assert_memory_equal(e.raw, "raw", 3);
	assert_int_equal(journal_decode(buf, len - 1, &e), 0);
	assert_int_equal(journal_decode(buf, 3, &e), 0);
	buf[len - 1] ^= 1;
	assert_int_equal(journal_decode(buf, len, &e), -1);
	buf[len - 1] ^= 1;
	buf[11] = 0x7f;		/* raw length beyond the message limit */
	assert_int_equal(journal_decode(buf, len, &e), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip_and_reopen,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_torn_tail, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_middle_counted,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_trim, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cap, setup, teardown),
		cmocka_unit_test(test_decode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
