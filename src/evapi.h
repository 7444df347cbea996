/*
 * evapi.h: the evapi transport: moscdrd as a TCP client of Kamailio's
 * evapi module (Kamailio is the server), one client per Kamailio node,
 * reading netstring frames (or raw chunks) and handing each to ingest.
 *
 * The client connects, reads, and on any close, error, framing error or
 * idle timeout reconnects with a Fibonacci backoff (1, 1, 2, 3, 5, 8 ...
 * seconds, capped at reconnect_max_s; back to 1 after a connection that
 * delivered a frame or stayed up EVAPI_STABLE_S seconds). It never writes
 * to Kamailio and never stops reading: evapi writes with a blocking
 * write(), so a slow reader would stall Kamailio.
 */
#ifndef MOSCDR_EVAPI_H
#define MOSCDR_EVAPI_H

#include <stddef.h>
#include <stdint.h>

#include "stats.h"

/* A connection up this long (seconds) resets the backoff. */
#define EVAPI_STABLE_S		10
/* A connect() not done after this many seconds is a failed attempt. */
#define EVAPI_CONNECT_TIMEOUT_S	10

struct config_evapi;
struct event_base;
struct ingest;
struct evapi_client;

enum evapi_state {
	EVAPI_WAITING = 0,	/* backoff timer before the next attempt */
	EVAPI_RESOLVING,	/* asynchronous DNS lookup of the host */
	EVAPI_CONNECTING,	/* non-blocking connect() in progress */
	EVAPI_CONNECTED,
	EVAPI_STOPPED		/* evapi_stop(): no more attempts */
};

/* A snapshot of one client, for logs and metrics. */
struct evapi_counters {
	const char *title;	/* borrowed from the client */
	const char *peer;	/* "127.0.0.1:8448", last address tried */
	enum evapi_state state;
	uint64_t frames;	/* messages handed to ingest */
	uint64_t bytes;		/* payload bytes of those */
	uint64_t framing_errors;
	uint64_t connects;	/* connections established */
	uint64_t reconnects;	/* connections established after a loss */
	uint64_t failed_attempts; /* connect attempts that failed */
	double connected_s;	/* up time of the current connection, or 0 */
};

/*
 * A client for one evapi section; the first attempt is made as soon as
 * base runs. cfg, title, default_node, ing and stats are borrowed and
 * must outlive the client (title names the client in logs: "evapi
 * TITLE: ..."). Frames without a "node" get cfg->node, else
 * default_node (either may be NULL: ingest's default applies). Returns
 * NULL with a message in err (without the "evapi TITLE: " prefix) when
 * cfg->address is malformed or the event objects cannot be created.
 */
struct evapi_client *evapi_new(struct event_base *base,
    const struct config_evapi *cfg, const char *title,
    const char *default_node, struct ingest *ing, struct stats *stats,
    char *err, size_t errlen);
/*
 * For shutdown: takes the bytes already in the socket's receive buffer
 * (Kamailio sent them before we stopped), then closes the connection and
 * cancels any pending attempt, for good. evapi_free() calls it.
 */
void evapi_stop(struct evapi_client *c);
void evapi_free(struct evapi_client *c);

void evapi_get_counters(const struct evapi_client *c,
    struct evapi_counters *out);
/* "waiting", "resolving", "connecting", "connected", "stopped". */
const char *evapi_state_name(enum evapi_state s);

#endif
