/*
 * test_log.c: proves the rate limit's accounting: a line standing for n
 * records counts n suppressed records, not one; the next line of the key
 * reports them; and once the key has been quiet for a whole interval,
 * log_limited_flush writes the last suppressed count (a burst's end is
 * never silent) exactly once, repeating the last line written with the
 * count in messages (log_limited_n) or lines (log_limited). Waits out
 * the interval (10 s) once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

static char path[] = "/tmp/moscdr-log.XXXXXX";

static char *
slurp(void)
{
	static char buf[8192];
	ssize_t n;
	int fd;

	fflush(stderr);
	fd = open(path, O_RDONLY);
	assert_true(fd != -1);
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

static int
count(const char *s, const char *what)
{
	int n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

static void
test_counts_records_and_flushes(void **state)
{
	char *out;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd != -1);
	assert_true(dup2(fd, STDERR_FILENO) != -1);
	close(fd);
	log_init(1, LOG_INFO, "test", LOG_DAEMON);
	log_limited_n(LOG_ERR, "loss", 5, "lost %d", 5);
	log_limited_n(LOG_ERR, "loss", 7, "lost %d", 7);
	log_limited_n(LOG_ERR, "loss", 3, "lost %d", 3);
	/* Lines of log_limited count lines: "similar". */
	log_limited(LOG_ERR, "refusal", "refused %d", 1);
	log_limited(LOG_ERR, "refusal", "refused %d", 2);
	log_limited(LOG_ERR, "refusal", "refused %d", 3);
	out = slurp();
	assert_non_null(strstr(out, "lost 5"));
	assert_null(strstr(out, "lost 7"));
	/* Not quiet for a whole interval yet: nothing flushed. */
	log_limited_flush();
	assert_null(strstr(slurp(), "suppressed"));
	sleep(LOG_LIMIT_INTERVAL + 1);
	log_limited_flush();
	out = slurp();
	/* The last line written again, with the count: in messages for
	 * log_limited_n, in lines for log_limited. */
	assert_non_null(strstr(out, "lost 5 (10 more messages suppressed in "
	    "the last 10 s, none since)"));
	assert_null(strstr(out, "refused 2"));
	assert_non_null(strstr(out, "refused 1 (2 similar suppressed in the "
	    "last 10 s, none since)"));
	/* Once only, each. */
	log_limited_flush();
	assert_int_equal(count(slurp(), "suppressed"), 2);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_records_and_flushes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
