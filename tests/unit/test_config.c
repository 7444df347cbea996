/*
 * test_config.c: proves that the shipped configuration file loads with
 * the documented values, that -o overrides reach every kind of option,
 * and that bad input gives "file:line: message" or "-o ...: message".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static const char *
write_tmp(const char *text)
{
	static char path[64];
	FILE *f;
	int fd;

	snprintf(path, sizeof(path), "/tmp/moscdr-conf.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* conf/moscdrd.conf is what `make run` uses: it must load as documented. */
static void
test_shipped_file(void **state)
{
	struct config c;
	char err[512];

	(void)state;
	assert_int_equal(config_load(&c, "conf/moscdrd.conf", NULL, 0, err,
	    sizeof(err)), 0);
	assert_int_equal(c.udp_nlisten, 1);
	assert_string_equal(c.udp_listen[0], "127.0.0.1:9099");
	assert_string_equal(c.db_driver, "sqlite");
	assert_string_equal(c.db_path, "var/moscdr.db");
	assert_int_equal(c.db_batch_size, 1000);
	assert_int_equal(c.db_flush_ms, 200);
	assert_string_equal(c.spool_dir, "var/spool");
	assert_int_equal(c.nevapi, 0);
	assert_non_null(c.node);
	config_free(&c);
}

static void
test_overrides(void **state)
{
	char *o[] = {
		"node=edge-7",
		"database.driver=postgresql",
		"database.conninfo=host=/tmp dbname=x",
		"database.batch_size=10",
		"udp.listen=127.0.0.1:0,[::1]:9100",
		"evapi.address=[::1]:8450",
		"evapi.reconnect_max=4",
		"evapi.framing=raw",
	};
	struct config c;
	char err[512];

	(void)state;
	assert_int_equal(config_load(&c, NULL, o, sizeof(o) / sizeof(o[0]),
	    err, sizeof(err)), 0);
	assert_string_equal(c.node, "edge-7");
	assert_string_equal(c.db_driver, "postgresql");
	assert_string_equal(c.db_conninfo, "host=/tmp dbname=x");
	assert_int_equal(c.db_batch_size, 10);
	assert_int_equal(c.udp_nlisten, 2);
	assert_string_equal(c.udp_listen[1], "[::1]:9100");
	assert_int_equal(c.nevapi, 1);
	assert_string_equal(c.evapi[0].address, "[::1]:8450");
	assert_true(c.evapi[0].reconnect_max_s == 4.0);
	assert_int_equal(c.evapi[0].framing, EVAPI_FRAMING_RAW);
	config_free(&c);
}

static void
test_errors_name_the_place(void **state)
{
	char *bad_opt[] = { "database.nosuch=1" };
	char *bad_range[] = { "database.batch_size=0" };
	char *bad_form[] = { "database" };
	struct config c;
	char err[512];
	const char *f;

	(void)state;
	f = write_tmp("node = \"a\"\ndatabase {\n  batch_size = 0\n}\n");
	assert_int_equal(config_load(&c, f, NULL, 0, err, sizeof(err)), -1);
	assert_non_null(strstr(err, f));
	assert_non_null(strstr(err, ":3:"));
	assert_non_null(strstr(err, "batch_size"));
	unlink(f);

	f = write_tmp("node = \"a\"\n\nudp {\n listen = {\"nothing\"}\n}\n");
	assert_int_equal(config_load(&c, f, NULL, 0, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":4:"));
	unlink(f);

	f = write_tmp("node = \"a\"\nbogus = 1\n");
	assert_int_equal(config_load(&c, f, NULL, 0, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":2:"));
	unlink(f);

	/* Cut off inside a section: libconfuse alone would accept it. */
	f = write_tmp("node = \"a{\" # {\ndatabase {\n  path = \"x}\"\n");
	assert_int_equal(config_load(&c, f, NULL, 0, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":2: section not closed"));
	unlink(f);
	/* Braces in strings and comments do not count. */
	f = write_tmp("node = \"a{\" # {\ndatabase {\n  path = \"x}\"\n}\n"
	    "/* { */\n// {\n");
	assert_int_equal(config_load(&c, f, NULL, 0, err, sizeof(err)), 0);
	config_free(&c);
	unlink(f);

	assert_int_equal(config_load(&c, NULL, bad_opt, 1, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "-o database.nosuch=1"));
	assert_int_equal(config_load(&c, NULL, bad_range, 1, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "between 1 and"));
	assert_int_equal(config_load(&c, NULL, bad_form, 1, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "section.name=value"));

	assert_int_equal(config_load(&c, "/nonexistent/moscdrd.conf", NULL, 0,
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file"));
}

/* PostgreSQL without a conninfo is an error, not a silent default. */
static void
test_cross_checks(void **state)
{
	char *pg[] = { "database.driver=postgresql" };
	char *none[] = { "udp.listen=" };
	struct config c;
	char err[512];

	(void)state;
	assert_int_equal(config_load(&c, NULL, pg, 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "conninfo"));
	assert_int_equal(config_load(&c, NULL, none, 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "no transport"));
}

static void
test_split_address(void **state)
{
	char h[64], p[8];

	(void)state;
	assert_int_equal(config_split_address("127.0.0.1:9", NULL, h,
	    sizeof(h), p, sizeof(p)), 0);
	assert_string_equal(h, "127.0.0.1");
	assert_string_equal(p, "9");
	assert_int_equal(config_split_address("[::1]:8448", NULL, h,
	    sizeof(h), p, sizeof(p)), 0);
	assert_string_equal(h, "::1");
	assert_int_equal(config_split_address("[::1]", "8448", h, sizeof(h),
	    p, sizeof(p)), 0);
	assert_string_equal(p, "8448");
	assert_int_equal(config_split_address("kam1", "8448", h, sizeof(h), p,
	    sizeof(p)), 0);
	assert_string_equal(h, "kam1");
	assert_int_equal(config_split_address("kam1", NULL, h, sizeof(h), p,
	    sizeof(p)), -1);
	assert_int_equal(config_split_address("::1:80", NULL, h, sizeof(h), p,
	    sizeof(p)), -1);
	assert_int_equal(config_split_address("h:65536", NULL, h, sizeof(h), p,
	    sizeof(p)), -1);
	assert_int_equal(config_split_address("h:x", NULL, h, sizeof(h), p,
	    sizeof(p)), -1);
	assert_int_equal(config_split_address(":80", NULL, h, sizeof(h), p,
	    sizeof(p)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_file),
		cmocka_unit_test(test_overrides),
		cmocka_unit_test(test_errors_name_the_place),
		cmocka_unit_test(test_cross_checks),
		cmocka_unit_test(test_split_address),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
