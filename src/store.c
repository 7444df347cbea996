/*
 * store.c: picks a storage back end by name and holds helpers every back
 * end shares.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store.h"

static const struct store_backend *const store_backends[] = {
	&store_backend_sqlite,
	&store_backend_pg,
};

const struct store_backend *
store_backend_find(const char *driver)
{
	size_t i;

	if (driver == NULL)
		return NULL;
	for (i = 0; i < sizeof(store_backends) / sizeof(store_backends[0]); i++)
		if (strcmp(store_backends[i]->name, driver) == 0)
			return store_backends[i];
	if (strcmp(driver, "postgres") == 0 || strcmp(driver, "pgsql") == 0)
		return &store_backend_pg;
	return NULL;
}

/* Writes v as n decimal digits, zero-padded, at p; returns p + n. */
static char *
store_digits(char *p, unsigned v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

/* Unix seconds as whole seconds and milliseconds, rounded to the
 * millisecond first so that 59.9996 s carries into the next minute. */
static void
store_time_split(double unix_s, time_t *secs, long *ms)
{
	double whole;

	*ms = lround(modf(unix_s, &whole) * 1000.0);
	*secs = (time_t)whole;
	if (*ms >= 1000) {
		(*secs)++;
		*ms -= 1000;
	} else if (*ms < 0) {
		(*secs)--;
		*ms += 1000;
	}
}

char *
store_time_format_general(double unix_s, char *buf, size_t len)
{
	struct tm tm;
	time_t secs;
	long ms;

	store_time_split(unix_s, &secs, &ms);
	gmtime_r(&secs, &tm);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ms);
	return buf;
}

/*
 * The writer formats several times per message (the call's, each
 * sample's), and snprintf() with gmtime_r() cost 8 % of the daemon's
 * instructions (callgrind, docs/benchmark.md): the common case, a time
 * of years 1970 to 9999, is formatted by hand from the day number (the
 * proleptic Gregorian calendar counted in 400-year eras of 146,097
 * days). Anything else takes the general path; both give the same text
 * (tests/unit/test_store_sqlite.c compares them).
 */
char *
store_time_format(double unix_s, char *buf, size_t len)
{
	time_t secs;
	long ms;

	store_time_split(unix_s, &secs, &ms);
	if (secs >= 0 && secs <= STORE_TIME_FAST_MAX && len >= 25) {
		unsigned long days = (unsigned long)(secs / 86400);
		unsigned sod = (unsigned)(secs % 86400);
		unsigned long z = days + 719468, era = z / 146097;
		unsigned doe = (unsigned)(z - era * 146097);
		unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) /
		    365;
		unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		unsigned mp = (5 * doy + 2) / 153;
		unsigned day = doy - (153 * mp + 2) / 5 + 1;
		unsigned mon = mp < 10 ? mp + 3 : mp - 9;
		unsigned year = (unsigned)(era * 400) + yoe + (mon <= 2);
		char *p = buf;

		p = store_digits(p, year, 4);
		*p++ = '-';
		p = store_digits(p, mon, 2);
		*p++ = '-';
		p = store_digits(p, day, 2);
		*p++ = 'T';
		p = store_digits(p, sod / 3600, 2);
		*p++ = ':';
		p = store_digits(p, sod / 60 % 60, 2);
		*p++ = ':';
		p = store_digits(p, sod % 60, 2);
		*p++ = '.';
		p = store_digits(p, (unsigned)ms, 3);
		*p++ = 'Z';
		*p = '\0';
		return buf;
	}
	return store_time_format_general(unix_s, buf, len);
}
