/*
 * evapi.c: implements evapi.h, a reconnecting TCP client of Kamailio's
 * evapi module on libevent 2.
 *
 * DESIGN. One client is a small state machine driven by the receive
 * thread's event loop:
 *
 *   WAITING --timer--> [RESOLVING --dns-->] CONNECTING --ok--> CONNECTED
 *      ^                     |                  |                  |
 *      '----- failure -------'------------------'--- close/error/--'
 *                                                    framing/idle
 *
 * Numeric addresses are parsed once; host names are looked up with
 * evdns (never a blocking getaddrinfo() in the event loop), and the
 * addresses are tried one per attempt before a new lookup. Each attempt
 * opens its own non-blocking socket with TCP keepalive and
 * TCP_USER_TIMEOUT set, so a Kamailio host that vanished is noticed even
 * though we never write. The read callback drains the whole input
 * buffer every time (reading never pauses: evapi's blocking write()
 * would stall Kamailio) and each read is at most max_frame + 1 bytes, so
 * the input buffer stays bounded. Logs name each state change once; a
 * peer that stays unreachable gives one line when it goes down and one
 * when the backoff reaches its cap, not one per retry.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <event2/util.h>

#include "config.h"
#include "evapi.h"
#include "ingest.h"
#include "log.h"
#include "netstring.h"
#include "util.h"

#define EVAPI_DEFAULT_PORT	"8448"
/* Keepalive probes: every EVAPI_KEEPINTVL_S seconds, EVAPI_KEEPCNT times. */
#define EVAPI_KEEPINTVL_S	10
#define EVAPI_KEEPCNT		3
/* Shortest backoff step, whatever reconnect_max says. */
#define EVAPI_DELAY_MIN_S	0.1
/* Reads taken from the socket by evapi_stop() before closing. */
#define EVAPI_STOP_READS_MAX	64

struct evapi_client {
	struct event_base *base;
	const struct config_evapi *cfg;
	const char *title;
	const char *node;		/* for messages without one, or NULL */
	struct ingest *ing;
	struct stats *stats;

	char host[256];
	char port[16];
	char peer[256 + 16 + 4];	/* "1.2.3.4:8448", "[::1]:8448" */
	char source[sizeof("evapi ") + 256 + 16 + 4];

	bool numeric;			/* host is an address: no lookups */
	struct evutil_addrinfo *ai;	/* addresses (owned); freed by kind */
	struct evutil_addrinfo *ai_next; /* next to try, NULL: start over */
	struct evdns_base *dns;		/* only for host names */
	struct evdns_getaddrinfo_request *dns_req;

	enum evapi_state state;
	struct event *timer;		/* the backoff */
	struct bufferevent *bev;	/* set in CONNECTING and CONNECTED */
	struct netstring *ns;		/* NULL with raw framing */

	double fib_a, fib_b;		/* the next two backoff steps */
	double connected_at;		/* monotonic, current connection */
	bool delivered;			/* a frame came on this connection */
	bool ever_connected;
	bool down_logged;		/* this outage's first failure logged */
	bool cap_logged;		/* "still unreachable" logged */
	unsigned outage_attempts;

	uint64_t frames, bytes, framing_errors;
	uint64_t connects, reconnects, failed_attempts;
};

static void evapi_attempt(struct evapi_client *);
static void evapi_drop(struct evapi_client *, const char *, bool);

const char *
evapi_state_name(enum evapi_state s)
{
	switch (s) {
	case EVAPI_WAITING:
		return "waiting";
	case EVAPI_RESOLVING:
		return "resolving";
	case EVAPI_CONNECTING:
		return "connecting";
	case EVAPI_CONNECTED:
		return "connected";
	case EVAPI_STOPPED:
		return "stopped";
	}
	return "unknown";
}

static void
evapi_free_ai(struct evapi_client *c)
{
	if (c->ai == NULL)
		return;
	/* evutil and evdns results are both freed by evutil_freeaddrinfo. */
	evutil_freeaddrinfo(c->ai);
	c->ai = NULL;
	c->ai_next = NULL;
}

static void
evapi_set_peer(struct evapi_client *c, const struct sockaddr *sa,
    socklen_t salen)
{
	char h[INET6_ADDRSTRLEN], s[16];

	if (getnameinfo(sa, salen, h, sizeof(h), s, sizeof(s),
	    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		snprintf(c->peer, sizeof(c->peer), "%s:%s", c->host, c->port);
	else if (sa->sa_family == AF_INET6)
		snprintf(c->peer, sizeof(c->peer), "[%s]:%s", h, s);
	else
		snprintf(c->peer, sizeof(c->peer), "%s:%s", h, s);
	snprintf(c->source, sizeof(c->source), "evapi %s", c->peer);
}

/* The next Fibonacci step, capped at reconnect_max_s. */
static double
evapi_next_delay(struct evapi_client *c)
{
	double cap = c->cfg->reconnect_max_s, d = c->fib_a, t;

	if (cap < EVAPI_DELAY_MIN_S)
		cap = EVAPI_DELAY_MIN_S;
	if (d > cap)
		d = cap;
	if (c->fib_a < cap) {	/* stop growing once at the cap */
		t = c->fib_a + c->fib_b;
		c->fib_a = c->fib_b;
		c->fib_b = t;
	}
	return d;
}

static bool
evapi_at_cap(const struct evapi_client *c, double delay)
{
	double cap = c->cfg->reconnect_max_s;

	return delay >= (cap < EVAPI_DELAY_MIN_S ? EVAPI_DELAY_MIN_S : cap);
}

static void
evapi_reset_backoff(struct evapi_client *c)
{
	c->fib_a = 1;
	c->fib_b = 1;
}

static void
evapi_schedule(struct evapi_client *c, double delay)
{
	struct timeval tv;

	tv.tv_sec = (time_t)delay;
	tv.tv_usec = (suseconds_t)((delay - (double)tv.tv_sec) * 1e6);
	c->state = EVAPI_WAITING;
	if (evtimer_add(c->timer, &tv) == -1)
		fatalx("evapi %s: cannot arm the reconnect timer", c->title);
}

static void
evapi_on_timer(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	evapi_attempt(arg);
}

/* Each complete frame (or raw chunk) goes to ingest. */
static int
evapi_on_frame(const char *payload, size_t len, void *arg)
{
	struct evapi_client *c = arg;

	c->frames++;
	c->bytes += len;
	c->delivered = true;
	stats_inc(&c->stats->evapi_frames);
	/* Refusals are counted and logged by ingest; the stream goes on. */
	(void)ingest_message(c->ing, STATS_EVAPI, c->source, c->node,
	    payload, len);
	return 0;
}

static void
evapi_framing_error(struct evapi_client *c, const char *what)
{
	char why[128];

	c->framing_errors++;
	stats_inc(&c->stats->evapi_framing_errors);
	snprintf(why, sizeof(why), "framing error: %s", what);
	evapi_drop(c, why, true);
}

/*
 * Feeds len bytes to the decoder (or, raw, hands them over as one
 * message). Returns 0, or -1 after dropping the connection.
 */
static int
evapi_consume(struct evapi_client *c, const char *p, size_t len)
{
	enum netstring_error e;
	char what[96];

	if (c->ns == NULL) {
		if (len > c->cfg->max_frame) {
			snprintf(what, sizeof(what),
			    "raw read of %zu bytes over max_frame %zu", len,
			    c->cfg->max_frame);
			evapi_framing_error(c, what);
			return -1;
		}
		return evapi_on_frame(p, len, c);
	}
	if (netstring_feed(c->ns, p, len, evapi_on_frame, c, &e) == 0)
		return 0;
	if (e == NETSTRING_ERR_TOO_LONG)
		snprintf(what, sizeof(what), "length over max_frame %zu",
		    c->cfg->max_frame);
	else
		snprintf(what, sizeof(what), "%s", netstring_strerror(e));
	evapi_framing_error(c, what);
	return -1;
}

/* Drains the input buffer, chain by chain, without copying. */
static void
evapi_on_read(struct bufferevent *bev, void *arg)
{
	struct evapi_client *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	struct evbuffer_iovec v;
	size_t n;

	if (c->ns == NULL) {
		/* raw: the whole read is one message (see docs/evapi.md). */
		n = evbuffer_get_length(in);
		if (n == 0)
			return;
		if (evapi_consume(c, (const char *)evbuffer_pullup(in, -1),
		    n) == 0)
			evbuffer_drain(in, n);
		return;
	}
	while (evbuffer_get_length(in) > 0) {
		if (evbuffer_peek(in, -1, NULL, &v, 1) < 1 || v.iov_len == 0)
			break;
		if (evapi_consume(c, v.iov_base, v.iov_len) == -1)
			return;		/* bev is gone */
		evbuffer_drain(in, v.iov_len);
	}
}

static void
evapi_on_connected(struct evapi_client *c)
{
	struct timeval tv;

	c->state = EVAPI_CONNECTED;
	c->connects++;
	if (c->ever_connected) {
		c->reconnects++;
		stats_inc(&c->stats->evapi_reconnects);
	}
	c->ever_connected = true;
	c->connected_at = util_monotonic();
	c->delivered = false;
	c->down_logged = false;
	c->cap_logged = false;
	c->outage_attempts = 0;
	if (c->ns != NULL)
		netstring_reset(c->ns);
	if (c->cfg->idle_timeout_s > 0) {
		tv.tv_sec = (time_t)c->cfg->idle_timeout_s;
		tv.tv_usec = (suseconds_t)((c->cfg->idle_timeout_s -
		    (double)tv.tv_sec) * 1e6);
		bufferevent_set_timeouts(c->bev, &tv, NULL);
	} else
		bufferevent_set_timeouts(c->bev, NULL, NULL);
	log_info("evapi %s: connected to %s", c->title, c->peer);
}

static void
evapi_on_event(struct bufferevent *bev, short what, void *arg)
{
	struct evapi_client *c = arg;
	char why[160];
	int e = EVUTIL_SOCKET_ERROR();

	(void)bev;
	if (what & BEV_EVENT_CONNECTED) {
		evapi_on_connected(c);
		return;
	}
	if (what & BEV_EVENT_TIMEOUT) {
		if (c->state == EVAPI_CONNECTING)
			snprintf(why, sizeof(why), "no answer in %d s",
			    EVAPI_CONNECT_TIMEOUT_S);
		else
			snprintf(why, sizeof(why), "nothing received for %g s",
			    c->cfg->idle_timeout_s);
	} else if (what & BEV_EVENT_EOF)
		snprintf(why, sizeof(why), "closed by the peer%s",
		    c->ns != NULL && netstring_is_mid_frame(c->ns) ?
		    " in the middle of a frame" : "");
	else if (e != 0)
		snprintf(why, sizeof(why), "%s", evutil_socket_error_to_string(e));
	else
		snprintf(why, sizeof(why), "socket error");
	evapi_drop(c, why, false);
}

/* Keepalive so a vanished host is noticed although we never write. */
static void
evapi_set_keepalive(struct evapi_client *c, int fd)
{
	int on = 1, idle = c->cfg->keepalive_idle_s;
	int intvl = EVAPI_KEEPINTVL_S, cnt = EVAPI_KEEPCNT;
	unsigned int user_timeout;

	if (idle <= 0)
		return;
	user_timeout = (unsigned int)(idle + intvl * cnt) * 1000;
	if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on)) == -1 ||
	    setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle,
	    sizeof(idle)) == -1 ||
	    setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl,
	    sizeof(intvl)) == -1 ||
	    setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt)) == -1 ||
	    setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &user_timeout,
	    sizeof(user_timeout)) == -1)
		log_warn("evapi %s: keepalive options", c->title);
}

static void
evapi_connect(struct evapi_client *c, const struct evutil_addrinfo *ai)
{
	struct timeval tv = { EVAPI_CONNECT_TIMEOUT_S, 0 };
	char why[160];
	int fd;

	evapi_set_peer(c, ai->ai_addr, (socklen_t)ai->ai_addrlen);
	log_debug("evapi %s: connecting to %s", c->title, c->peer);
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    IPPROTO_TCP);
	if (fd == -1) {
		snprintf(why, sizeof(why), "socket: %s", strerror(errno));
		goto fail;
	}
	evapi_set_keepalive(c, fd);
	c->bev = bufferevent_socket_new(c->base, fd, BEV_OPT_CLOSE_ON_FREE);
	if (c->bev == NULL) {
		close(fd);
		snprintf(why, sizeof(why), "cannot create a bufferevent");
		goto fail;
	}
	c->state = EVAPI_CONNECTING;
	bufferevent_setcb(c->bev, evapi_on_read, NULL, evapi_on_event, c);
	/* One read never exceeds a frame, so neither does the input. */
	bufferevent_set_max_single_read(c->bev, c->cfg->max_frame + 1);
	/* While connecting libevent waits for writability: a connect timeout. */
	bufferevent_set_timeouts(c->bev, NULL, &tv);
	if (bufferevent_enable(c->bev, EV_READ) == -1 ||
	    bufferevent_socket_connect(c->bev, ai->ai_addr,
	    (int)ai->ai_addrlen) == -1) {
		snprintf(why, sizeof(why), "%s", strerror(errno));
		evapi_drop(c, why, false);
	}
	return;
fail:
	c->state = EVAPI_CONNECTING;
	evapi_drop(c, why, false);
}

static void
evapi_on_resolved(int result, struct evutil_addrinfo *res, void *arg)
{
	struct evapi_client *c = arg;
	char why[160];

	if (result == EVUTIL_EAI_CANCEL)
		return;		/* evapi_stop(): c may be going away */
	c->dns_req = NULL;
	if (result != 0 || res == NULL) {
		snprintf(why, sizeof(why), "name lookup failed: %s",
		    evutil_gai_strerror(result));
		if (res != NULL)
			evutil_freeaddrinfo(res);
		c->state = EVAPI_CONNECTING;	/* counts as a failed attempt */
		evapi_drop(c, why, false);
		return;
	}
	evapi_free_ai(c);
	c->ai = res;
	c->ai_next = res->ai_next;
	evapi_connect(c, res);
}

/* One connection attempt, from the backoff timer. */
static void
evapi_attempt(struct evapi_client *c)
{
	struct evutil_addrinfo hints, *ai;
	struct evdns_getaddrinfo_request *req;

	if (c->state == EVAPI_STOPPED)
		return;
	if (c->ai_next != NULL || c->numeric) {
		ai = c->ai_next != NULL ? c->ai_next : c->ai;
		c->ai_next = ai->ai_next;
		evapi_connect(c, ai);
		return;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_protocol = IPPROTO_TCP;
	hints.ai_flags = EVUTIL_AI_ADDRCONFIG;
	c->state = EVAPI_RESOLVING;
	req = evdns_getaddrinfo(c->dns, c->host, c->port, &hints,
	    evapi_on_resolved, c);
	/* The callback may already have run (hosts file, cache). */
	if (c->state == EVAPI_RESOLVING)
		c->dns_req = req;
}

/*
 * Ends the current connection or attempt and arms the next one. framing
 * is true when our side hung up because the stream lost its framing:
 * such a connection never resets the backoff, so a peer that keeps
 * sending garbage is retried ever more slowly.
 */
static void
evapi_drop(struct evapi_client *c, const char *why, bool framing)
{
	bool was_up = c->state == EVAPI_CONNECTED;
	double up = was_up ? util_monotonic() - c->connected_at : 0, delay;

	if (c->bev != NULL) {
		bufferevent_free(c->bev);	/* safe inside its callbacks */
		c->bev = NULL;
	}
	if (c->ns != NULL)
		netstring_reset(c->ns);
	if (was_up) {
		if (!framing && (c->delivered || up >= EVAPI_STABLE_S))
			evapi_reset_backoff(c);
		delay = evapi_next_delay(c);
		log_warnx("evapi %s: connection lost: %s, retrying in %g s",
		    c->title, why, delay);
		c->down_logged = true;	/* this outage is announced */
		c->outage_attempts = 0;
	} else {
		c->failed_attempts++;
		c->outage_attempts++;
		delay = evapi_next_delay(c);
		if (!c->down_logged) {
			log_warnx("evapi %s: cannot connect to %s: %s, "
			    "retrying in %g s", c->title, c->peer, why, delay);
			c->down_logged = true;
		} else if (!c->cap_logged && evapi_at_cap(c, delay)) {
			log_warnx("evapi %s: %s still unreachable after %u "
			    "attempts (%s), retrying every %g s", c->title,
			    c->peer, c->outage_attempts, why, delay);
			c->cap_logged = true;
		} else
			log_debug("evapi %s: cannot connect to %s: %s, "
			    "retrying in %g s", c->title, c->peer, why, delay);
	}
	evapi_schedule(c, delay);
}

struct evapi_client *
evapi_new(struct event_base *base, const struct config_evapi *cfg,
    const char *title, const char *default_node, struct ingest *ing,
    struct stats *stats, char *err, size_t errlen)
{
	struct evapi_client *c;
	struct evutil_addrinfo hints;
	int rc;

	c = xcalloc(1, sizeof(*c));
	c->base = base;
	c->cfg = cfg;
	c->title = title;
	c->node = cfg->node != NULL ? cfg->node : default_node;
	c->ing = ing;
	c->stats = stats;
	evapi_reset_backoff(c);
	if (config_split_address(cfg->address, EVAPI_DEFAULT_PORT, c->host,
	    sizeof(c->host), c->port, sizeof(c->port)) == -1) {
		snprintf(err, errlen, "\"%s\" is not host:port",
		    cfg->address != NULL ? cfg->address : "");
		goto fail;
	}
	snprintf(c->peer, sizeof(c->peer), "%s", cfg->address);
	snprintf(c->source, sizeof(c->source), "evapi %s", c->peer);

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_protocol = IPPROTO_TCP;
	hints.ai_flags = EVUTIL_AI_NUMERICHOST | EVUTIL_AI_NUMERICSERV;
	rc = evutil_getaddrinfo(c->host, c->port, &hints, &c->ai);
	if (rc == 0 && c->ai != NULL)
		c->numeric = true;
	else {
		c->ai = NULL;
		c->dns = evdns_base_new(base,
		    EVDNS_BASE_INITIALIZE_NAMESERVERS);
		if (c->dns == NULL) {
			snprintf(err, errlen, "cannot set up name resolution "
			    "for %s", c->host);
			goto fail;
		}
	}
	if (cfg->framing == EVAPI_FRAMING_NETSTRING &&
	    (c->ns = netstring_new(cfg->max_frame)) == NULL)
		fatalx("evapi %s: out of memory", title);
	if ((c->timer = evtimer_new(base, evapi_on_timer, c)) == NULL) {
		snprintf(err, errlen, "cannot create the reconnect timer");
		goto fail;
	}
	evapi_schedule(c, 0);
	return c;
fail:
	evapi_free_ai(c);
	if (c->dns != NULL)
		evdns_base_free(c->dns, 0);
	free(c);
	return NULL;
}

void
evapi_stop(struct evapi_client *c)
{
	char buf[16384];
	ssize_t n;
	int i, fd;

	if (c->state == EVAPI_STOPPED)
		return;
	if (c->state == EVAPI_CONNECTED) {
		/* What Kamailio already sent is in the kernel: take it. */
		evapi_on_read(c->bev, c);
		fd = c->bev != NULL ? bufferevent_getfd(c->bev) : -1;
		for (i = 0; fd != -1 && c->bev != NULL &&
		    i < EVAPI_STOP_READS_MAX; i++) {
			n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
			if (n <= 0 ||
			    evapi_consume(c, buf, (size_t)n) == -1)
				break;
		}
	}
	evtimer_del(c->timer);
	if (c->bev != NULL) {
		bufferevent_free(c->bev);
		c->bev = NULL;
	}
	if (c->dns_req != NULL) {
		evdns_getaddrinfo_cancel(c->dns_req);
		c->dns_req = NULL;
	}
	c->state = EVAPI_STOPPED;
}

void
evapi_free(struct evapi_client *c)
{
	if (c == NULL)
		return;
	evapi_stop(c);
	event_free(c->timer);
	evapi_free_ai(c);
	if (c->dns != NULL)
		evdns_base_free(c->dns, 0);
	netstring_free(c->ns);
	free(c);
}

void
evapi_get_counters(const struct evapi_client *c, struct evapi_counters *out)
{
	memset(out, 0, sizeof(*out));
	out->title = c->title;
	out->peer = c->peer;
	out->state = c->state;
	out->frames = c->frames;
	out->bytes = c->bytes;
	out->framing_errors = c->framing_errors;
	out->connects = c->connects;
	out->reconnects = c->reconnects;
	out->failed_attempts = c->failed_attempts;
	if (c->state == EVAPI_CONNECTED)
		out->connected_s = util_monotonic() - c->connected_at;
}
