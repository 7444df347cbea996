/*
 * metrics.h: the HTTP endpoint for monitoring: Prometheus text format at
 * /metrics and a yes/no health check at /health, served by libmicrohttpd
 * on its own thread.
 *
 * DESIGN: the endpoint only reads. Counters and gauges come from a
 * snapshot (stats_snapshot) of the atomics of struct stats (stats.h),
 * which every thread updates in place, and of the queue's length;
 * the evapi clients belong to the event loop thread, so that thread hands
 * metrics a copy of their counters (metrics_set_evapi) once a second
 * instead of the HTTP thread reading them under its feet. No request ever
 * waits on the database or on another thread's lock for longer than a
 * copy of a few structs.
 *
 * /health answers 200 "ok" when stats_health() (stats.h) finds the daemon
 * healthy, else 503 with its one-line reason.
 */
#ifndef MOSCDR_METRICS_H
#define MOSCDR_METRICS_H

#include <stddef.h>

#include "evapi.h"
#include "stats.h"

/*
 * Simultaneous HTTP connections, at most half of them from one address
 * (a probe from another host always finds room), and seconds a
 * connection may stay silent (an idle or slow client) before it is
 * closed. Epoll, not select(), so the limit is not FD_SETSIZE; the
 * descriptors are reserved at start (RLIMIT_NOFILE), the limit lowered
 * when they cannot be. Per connection at most METRICS_CONN_MEMORY bytes
 * for the request (a GET of /metrics or /health needs a few hundred).
 */
#define METRICS_CONN_MAX	4096
#define METRICS_CONN_TIMEOUT_S	5
#define METRICS_CONN_MEMORY	16384
/* Descriptors kept for everything but HTTP (sockets, files, database). */
#define METRICS_FD_RESERVE	256
/* evapi clients reported (one per Kamailio node). */
#define METRICS_EVAPI_MAX	64

struct metrics;

struct metrics_config {
	const char *listen;	/* "host:port" or "[v6]:port"; port 0 picks one */
	const char *version;	/* for moscdr_build_info */
	const char *node;	/* this daemon's node name */
	const char *driver;	/* database driver, for moscdr_build_info */
	int retention_days;	/* for moscdr_retention_days; 0 off */
};

/*
 * Binds cfg->listen and starts serving. cfg's strings are copied; st is
 * borrowed and must outlive the server. Returns NULL with err filled when
 * the address is malformed or cannot be bound.
 */
struct metrics *metrics_start(const struct metrics_config *cfg,
    struct stats *st, char *err, size_t errlen);

/* "127.0.0.1:9199" (the bound port, also when 0 was configured). */
const char *metrics_address(const struct metrics *m);

/*
 * Replaces the evapi snapshot with n clients' counters (the first
 * METRICS_EVAPI_MAX). Strings are copied. Call from the thread that owns
 * the clients.
 */
void metrics_set_evapi(struct metrics *m, const struct evapi_counters *c,
    size_t n);

/* What moscdr_retention_days reports from now on (a reload). NULL: no-op. */
void metrics_set_retention_days(struct metrics *m, int days);

/* Stops the server (waits for the request in progress). NULL: no-op. */
void metrics_stop(struct metrics *m);

#endif
