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

char *
store_time_format(double unix_s, char *buf, size_t len)
{
	struct tm tm;
	time_t secs;
	double whole;
	long ms;

	/* Round to the millisecond first so 59.9996 s carries into minutes. */
	ms = lround(modf(unix_s, &whole) * 1000.0);
	secs = (time_t)whole;
	if (ms >= 1000) {
		secs++;
		ms -= 1000;
	} else if (ms < 0) {
		secs--;
		ms += 1000;
	}
	gmtime_r(&secs, &tm);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ms);
	return buf;
}
