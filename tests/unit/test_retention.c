/*
 * test_retention.c: proves the retention schedule: off when days is 0,
 * the first run waits RETENTION_FIRST_S, a full batch keeps the run going
 * at once, a short batch ends the run with its total and sleeps
 * RETENTION_INTERVAL_S, a failed batch ends the run the same way, and
 * the cutoff is exactly days before the wall clock.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "retention.h"

static void
test_off(void **state)
{
	struct retention r;

	(void)state;
	retention_init(&r, 0, 100);
	assert_false(retention_is_enabled(&r));
	assert_false(retention_is_due(&r, 100));
	assert_false(retention_is_due(&r, 1e9));
	/* A negative value is off too, never a cutoff in the future. */
	retention_init(&r, -3, 100);
	assert_false(retention_is_due(&r, 1e9));
}

static void
test_run(void **state)
{
	struct retention r;
	uint64_t total = 12345;

	(void)state;
	retention_init(&r, 30, 1000);
	assert_true(retention_is_enabled(&r));
	assert_false(retention_is_due(&r, 1000));
	assert_false(retention_is_due(&r, 1000 + RETENTION_FIRST_S - 0.5));
	assert_true(retention_is_due(&r, 1000 + RETENTION_FIRST_S));
	/* Two full batches: the run goes on, due again at once. */
	assert_false(retention_done(&r, 1010, true, 500, 500, &total));
	assert_int_equal(total, 12345);		/* untouched mid-run */
	assert_true(retention_is_due(&r, 1010));
	assert_false(retention_done(&r, 1011, true, 500, 500, &total));
	/* A short batch ends it with the run's total. */
	assert_true(retention_done(&r, 1012, true, 7, 500, &total));
	assert_int_equal(total, 1007);
	assert_false(retention_is_due(&r, 1012));
	assert_false(retention_is_due(&r, 1012 + RETENTION_INTERVAL_S - 1));
	assert_true(retention_is_due(&r, 1012 + RETENTION_INTERVAL_S));
	/* The next run counts from zero. */
	assert_true(retention_done(&r, 2000, true, 0, 500, &total));
	assert_int_equal(total, 0);
}

static void
test_failure_ends_run(void **state)
{
	struct retention r;
	uint64_t total = 0;

	(void)state;
	retention_init(&r, 1, 0);
	assert_false(retention_done(&r, 20, true, 500, 500, &total));
	/* The store failed: nothing deleted by this batch; back off. */
	assert_true(retention_done(&r, 21, false, 0, 500, &total));
	assert_int_equal(total, 500);
	assert_false(retention_is_due(&r, 21));
	assert_true(retention_is_due(&r, 21 + RETENTION_INTERVAL_S));
}

static void
test_cutoff(void **state)
{
	struct retention r;

	(void)state;
	retention_init(&r, 90, 0);
	assert_true(retention_cutoff(&r, 1709294400.0) ==
	    1709294400.0 - 90 * 86400.0);
	retention_init(&r, RETENTION_DAYS_MAX + 1, 0);
	assert_true(retention_cutoff(&r, 0) ==
	    -(double)RETENTION_DAYS_MAX * 86400.0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_off),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_failure_ends_run),
		cmocka_unit_test(test_cutoff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
