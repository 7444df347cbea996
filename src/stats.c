/*
 * stats.c: implements the naming and formatting half of stats.h; the
 * counters themselves are atomics incremented in place.
 */
#include <stdio.h>
#include <string.h>

#include "stats.h"

static const char *const stats_transport_names[STATS_TRANSPORT_COUNT] = {
	"udp", "evapi"
};

static const char *const stats_drop_names[STATS_DROP_COUNT] = {
	"queue_full", "denied", "auth", "spool_full", "rejected"
};

const char *
stats_transport_name(enum stats_transport t)
{
	return (unsigned)t < STATS_TRANSPORT_COUNT ? stats_transport_names[t] :
	    "unknown";
}

const char *
stats_drop_name(enum stats_drop d)
{
	return (unsigned)d < STATS_DROP_COUNT ? stats_drop_names[d] : "unknown";
}

/* Appends " name=value" to buf at *off, never past len. */
static void
stats_put(char *buf, size_t len, size_t *off, const char *prefix,
    const char *name, long long value)
{
	int n;

	if (*off >= len)
		return;
	n = snprintf(buf + *off, len - *off, "%s%s%s=%lld",
	    *off > 0 ? " " : "", prefix, name, value);
	if (n > 0)
		*off += (size_t)n;
}

void
stats_format_line(struct stats *st, char *buf, size_t len)
{
	size_t off = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < STATS_TRANSPORT_COUNT; i++)
		stats_put(buf, len, &off, "received_", stats_transport_name(i),
		    (long long)stats_get(&st->received[i]));
	stats_put(buf, len, &off, "", "accepted", (long long)stats_get(&st->accepted));
	stats_put(buf, len, &off, "", "stored", (long long)stats_get(&st->stored));
	stats_put(buf, len, &off, "", "calls_new", (long long)stats_get(&st->calls_new));
	stats_put(buf, len, &off, "", "calls_merged",
	    (long long)stats_get(&st->calls_merged));
	stats_put(buf, len, &off, "", "legs", (long long)stats_get(&st->legs));
	stats_put(buf, len, &off, "", "samples", (long long)stats_get(&st->samples));
	stats_put(buf, len, &off, "", "mos_refused",
	    (long long)stats_get(&st->mos_refused));
	stats_put(buf, len, &off, "", "text_repaired",
	    (long long)stats_get(&st->text_repaired));
	stats_put(buf, len, &off, "", "text_cut",
	    (long long)stats_get(&st->text_cut));
	for (i = 1; i < REC_ERR_COUNT; i++)
		stats_put(buf, len, &off, "refused_", rec_error_name(i),
		    (long long)stats_get(&st->refused[i]));
	for (i = 0; i < STATS_DROP_COUNT; i++)
		stats_put(buf, len, &off, "dropped_", stats_drop_name(i),
		    (long long)stats_get(&st->dropped[i]));
	for (i = 1; i < AUTH_ERR_COUNT; i++)
		stats_put(buf, len, &off, "auth_", auth_error_name(i),
		    (long long)stats_get(&st->auth_refused[i]));
	stats_put(buf, len, &off, "", "batches", (long long)stats_get(&st->batches));
	stats_put(buf, len, &off, "", "db_errors", (long long)stats_get(&st->db_errors));
	stats_put(buf, len, &off, "", "db_reconnects",
	    (long long)stats_get(&st->db_reconnects));
	stats_put(buf, len, &off, "", "spool_written",
	    (long long)stats_get(&st->spool_written));
	stats_put(buf, len, &off, "", "spool_replayed",
	    (long long)stats_get(&st->spool_replayed));
	stats_put(buf, len, &off, "", "evapi_frames",
	    (long long)stats_get(&st->evapi_frames));
	stats_put(buf, len, &off, "", "evapi_framing_errors",
	    (long long)stats_get(&st->evapi_framing_errors));
	stats_put(buf, len, &off, "", "evapi_reconnects",
	    (long long)stats_get(&st->evapi_reconnects));
	stats_put(buf, len, &off, "", "queue_len",
	    (long long)atomic_load(&st->queue_len));
	stats_put(buf, len, &off, "", "spool_bytes",
	    (long long)atomic_load(&st->spool_bytes));
}
