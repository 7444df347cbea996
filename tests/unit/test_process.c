/*
 * test_process.c: the standard process metrics (process.h): the parsers
 * on hand-made /proc texts (a command name with spaces and parentheses,
 * a missing field, an unlimited descriptor limit), what process_read()
 * finds for this very process, and the families' text.
 */
#include <sys/resource.h>

#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "process.h"
#include "prom.h"
#include "util.h"

/* Fields 1..24 of a stat line: utime 250, stime 150 ticks, started at
 * tick 12345, 10 MB virtual, 300 pages resident. */
#define STAT_LINE(comm) "4242 (" comm ") S 1 4242 4242 0 -1 4194560 " \
	"1000 0 0 0 250 150 0 0 20 0 3 0 12345 10485760 300 " \
	"18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n"

static void
test_parse_stat(void **state)
{
	static const char line[] = STAT_LINE("moscdrd (x) y");
	struct process_stats ps = { -1, -1, -1, -1, -1, -1 };

	(void)state;
	assert_int_equal(process_parse_stat(line, sizeof(line) - 1, 100,
	    4096, 1700000000, &ps), 0);
	assert_true(fabs(ps.cpu_s - 4.0) < 1e-9);
	assert_true(fabs(ps.start_unix - 1700000123.45) < 1e-6);
	assert_true(ps.vsize_bytes == 10485760);
	assert_true(ps.rss_bytes == 300 * 4096);
	/* No boot time: no start time, the rest still there. */
	assert_int_equal(process_parse_stat(line, sizeof(line) - 1, 100,
	    4096, -1, &ps), 0);
	assert_true(ps.start_unix < 0);
	/* Cut before the rss field, or not a stat line: refused. */
	assert_int_equal(process_parse_stat(line, 90, 100, 4096, 0, &ps), -1);
	assert_int_equal(process_parse_stat("4242 moscdrd S 1", 16, 100, 4096,
	    0, &ps), -1);
	assert_int_equal(process_parse_stat(line, sizeof(line) - 1, 0, 4096,
	    0, &ps), -1);
}

static void
test_parse_btime_and_limits(void **state)
{
	static const char stat[] = "cpu  1 2 3\nintr 5\nbtime 1764644000\n"
	    "processes 9\n";
	static const char limits[] =
	    "Limit                     Soft Limit           Hard Limit"
	    "           Units     \n"
	    "Max processes             63704                63704"
	    "                processes \n"
	    "Max open files            4352                 524288"
	    "               files     \n";
	static const char unlimited[] =
	    "Max open files            unlimited            unlimited"
	    "            files     \n";
	double v = 0;

	(void)state;
	assert_int_equal(process_parse_btime(stat, sizeof(stat) - 1, &v), 0);
	assert_true(v == 1764644000);
	assert_int_equal(process_parse_btime("cpu 1\n", 6, &v), -1);
	assert_int_equal(process_parse_max_fds(limits, sizeof(limits) - 1,
	    &v), 0);
	assert_true(v == 4352);
	assert_int_equal(process_parse_max_fds(unlimited,
	    sizeof(unlimited) - 1, &v), -1);
	assert_int_equal(process_parse_max_fds(stat, sizeof(stat) - 1, &v),
	    -1);
}

static void
test_read_this_process(void **state)
{
	struct process_stats a, b;
	struct rlimit rl;
	double now = util_now();
	int fd;

	(void)state;
	process_read(&a);
	assert_true(getrlimit(RLIMIT_NOFILE, &rl) == 0);
	assert_true(a.max_fds == (double)rl.rlim_cur);
	/* Started before now, and not before the boot of the machine. */
	assert_true(a.start_unix > 1e9 && a.start_unix <= now + 1);
	assert_true(a.rss_bytes > 0 && a.vsize_bytes >= a.rss_bytes);
	assert_true(a.cpu_s >= 0);
	assert_true(a.open_fds >= 3);
	/* One more descriptor open is one more counted. */
	fd = open("/dev/null", O_RDONLY);
	assert_true(fd >= 0);
	process_read(&b);
	close(fd);
	assert_true(b.open_fds == a.open_fds + 1);
	assert_true(b.start_unix == a.start_unix);
}

static void
test_rendered(void **state)
{
	struct process_stats ps = { 1700000123.45, 4.5, 1228800, 10485760, 7,
	    -1 };
	struct prom_buf b;

	(void)state;
	prom_buf_init(&b);
	prom_render_process(&b, &ps);
	assert_non_null(strstr(b.p, "# TYPE process_start_time_seconds "
	    "gauge\nprocess_start_time_seconds 1700000123.45\n"));
	assert_non_null(strstr(b.p, "# TYPE process_cpu_seconds_total "
	    "counter\nprocess_cpu_seconds_total 4.50\n"));
	assert_non_null(strstr(b.p, "process_resident_memory_bytes 1228800\n"));
	assert_non_null(strstr(b.p, "process_virtual_memory_bytes 10485760\n"));
	assert_non_null(strstr(b.p, "process_open_fds 7\n"));
	/* Unknown (unlimited): left out, not 0. */
	assert_null(strstr(b.p, "process_max_fds"));
	prom_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_stat),
		cmocka_unit_test(test_parse_btime_and_limits),
		cmocka_unit_test(test_read_this_process),
		cmocka_unit_test(test_rendered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
