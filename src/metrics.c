/*
 * metrics.c: implements metrics.h, the HTTP side of /metrics and /health
 * on libmicrohttpd's internal thread. What the pages say is decided
 * elsewhere, by pure functions over a snapshot of the counters: the
 * Prometheus text by prom_render_page() (prom.c), the health verdict by
 * stats_health() (stats.c). The page is built into a fresh buffer per
 * request and handed to libmicrohttpd, which frees it.
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "config.h"
#include "log.h"
#include "metrics.h"
#include "process.h"
#include "prom.h"
#include "quality.h"
#include "util.h"

#define METRICS_CONTENT_TYPE	"text/plain; version=0.0.4; charset=utf-8"
#define METRICS_ADDR_LEN	(NI_MAXHOST + NI_MAXSERV + 4)

/* One evapi client as last copied from the event loop thread. */
struct metrics_evapi {
	char title[128];
	char peer[NI_MAXHOST + NI_MAXSERV + 4];
	enum evapi_state state;
	uint64_t frames;
	uint64_t bytes;
	uint64_t framing_errors;
	uint64_t reconnects;
	uint64_t failed_attempts;
	double connected_s;
};

/*
 * Invariant: evapi[0..nevapi) is only read or written under lock; every
 * other field is set before the daemon starts and never changes.
 */
struct metrics {
	struct MHD_Daemon *mhd;
	struct stats *st;
	char *version, *node, *driver;
	_Atomic int retention_days;	/* a reload changes it */
	double start_unix;
	char address[METRICS_ADDR_LEN];
	pthread_mutex_t lock;
	struct metrics_evapi evapi[METRICS_EVAPI_MAX];
	size_t nevapi;
};

/* The page from a snapshot taken now; rendering is prom.c's. */
static char *
metrics_page(struct metrics *m, size_t *len)
{
	struct evapi_counters c[METRICS_EVAPI_MAX];
	struct quality_snapshot *q = xmalloc(sizeof(*q));
	struct process_stats ps;
	struct stats_snapshot s;
	struct prom_info info;
	struct prom_buf b;
	size_t i;

	info.version = m->version;
	info.node = m->node;
	info.driver = m->driver;
	info.start_unix = m->start_unix;
	info.retention_days = atomic_load(&m->retention_days);
	process_read(&ps);
	info.process = &ps;
	stats_snapshot(m->st, &s);
	/* A few tens of KiB with many nodes: on the heap, not the stack
	 * of libmicrohttpd's thread. */
	quality_snapshot(m->st->quality, q);
	info.quality = m->st->quality != NULL ? q : NULL;
	prom_buf_init(&b);
	pthread_mutex_lock(&m->lock);
	for (i = 0; i < m->nevapi; i++) {
		memset(&c[i], 0, sizeof(c[i]));
		c[i].title = m->evapi[i].title;
		c[i].peer = m->evapi[i].peer;
		c[i].state = m->evapi[i].state;
		c[i].frames = m->evapi[i].frames;
		c[i].bytes = m->evapi[i].bytes;
		c[i].framing_errors = m->evapi[i].framing_errors;
		c[i].reconnects = m->evapi[i].reconnects;
		c[i].failed_attempts = m->evapi[i].failed_attempts;
		c[i].connected_s = m->evapi[i].connected_s;
	}
	/* Rendered under the lock: c[] borrows the strings of m->evapi. */
	prom_render_page(&b, &info, &s, c, m->nevapi);
	pthread_mutex_unlock(&m->lock);
	free(q);
	*len = b.len;
	return b.p;
}

/* The health verdict on a snapshot taken now (stats_health). */
static const char *
metrics_health(struct metrics *m, char *buf, size_t len)
{
	struct stats_snapshot s;

	stats_snapshot(m->st, &s);
	return stats_health(&s, (int64_t)(util_monotonic() * 1000), buf, len);
}

static enum MHD_Result
metrics_reply(struct MHD_Connection *conn, unsigned int code, char *body,
    size_t len, const char *type, enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(len, body, mode);
	if (r == NULL) {
		if (mode == MHD_RESPMEM_MUST_FREE)
			free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	ret = MHD_queue_response(conn, code, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
metrics_handle(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	static char not_found[] = "not found: try /metrics or /health\n";
	static char not_allowed[] = "only GET and HEAD\n";
	struct metrics *m = cls;
	const char *why;
	char reason[256], *body;
	size_t len;

	(void)version;
	(void)upload_data;
	if (*con_cls == NULL) {
		/* First call for this request: headers only. Answer on the
		 * second, as libmicrohttpd recommends. */
		*con_cls = m;
		return MHD_YES;
	}
	if (*upload_data_size != 0) {
		*upload_data_size = 0;	/* a body we ignore */
		return MHD_YES;
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return metrics_reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
		    not_allowed, strlen(not_allowed), "text/plain",
		    MHD_RESPMEM_PERSISTENT);
	if (strcmp(url, "/metrics") == 0) {
		body = metrics_page(m, &len);
		return metrics_reply(conn, MHD_HTTP_OK, body, len,
		    METRICS_CONTENT_TYPE, MHD_RESPMEM_MUST_FREE);
	}
	if (strcmp(url, "/health") == 0) {
		why = metrics_health(m, reason, sizeof(reason));
		len = strlen(reason);
		body = xmalloc(len + 2);
		memcpy(body, reason, len);
		body[len++] = '\n';
		body[len] = '\0';
		return metrics_reply(conn, why == NULL ? MHD_HTTP_OK :
		    MHD_HTTP_SERVICE_UNAVAILABLE, body, len,
		    "text/plain; charset=utf-8",
		    MHD_RESPMEM_MUST_FREE);
	}
	return metrics_reply(conn, MHD_HTTP_NOT_FOUND, not_found,
	    strlen(not_found), "text/plain", MHD_RESPMEM_PERSISTENT);
}

/* libmicrohttpd's own error messages, into our log. */
static void metrics_mhd_log(void *cls, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
metrics_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char line[512];
	size_t n;

	(void)cls;
	vsnprintf(line, sizeof(line), fmt, ap);
	n = strlen(line);
	while (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	log_limited(LOG_WARNING, "metrics http", "metrics: %s", line);
}

/*
 * Opens a listening TCP socket on address. Returns the fd and its family
 * in *family, the bound "host:port" in m->address, or -1 with err.
 */
static int
metrics_listen(struct metrics *m, const char *address, int *family,
    char *err, size_t errlen)
{
	struct addrinfo hints, *res = NULL;
	struct sockaddr_storage ss;
	socklen_t sslen = sizeof(ss);
	char host[NI_MAXHOST], port[NI_MAXSERV];
	int fd = -1, on = 1, rc;

	if (config_split_address(address, "9199", host, sizeof(host), port,
	    sizeof(port)) == -1) {
		snprintf(err, errlen, "metrics.listen \"%s\": not host:port",
		    address);
		return -1;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		snprintf(err, errlen, "metrics.listen \"%s\": %s", address,
		    gai_strerror(rc));
		return -1;
	}
	fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC,
	    res->ai_protocol);
	if (fd == -1)
		goto fail;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (res->ai_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
	if (bind(fd, res->ai_addr, res->ai_addrlen) == -1 ||
	    listen(fd, SOMAXCONN) == -1 ||
	    getsockname(fd, (struct sockaddr *)&ss, &sslen) == -1)
		goto fail;
	*family = res->ai_family;
	if (getnameinfo((struct sockaddr *)&ss, sslen, host, sizeof(host),
	    port, sizeof(port), NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		snprintf(host, sizeof(host), "?");
	snprintf(m->address, sizeof(m->address), *family == AF_INET6 ?
	    "[%s]:%s" : "%s:%s", host, port);
	freeaddrinfo(res);
	return fd;
fail:
	snprintf(err, errlen, "metrics.listen %s: %s", address,
	    strerror(errno));
	if (fd != -1)
		close(fd);
	freeaddrinfo(res);
	return -1;
}

/*
 * Raises the soft descriptor limit so that METRICS_CONN_MAX connections
 * fit beside METRICS_FD_RESERVE others, within the hard limit; returns
 * the connection limit that fits (lower when the hard limit is lower).
 */
static unsigned int
metrics_reserve_fds(void)
{
	struct rlimit rl;
	rlim_t want = METRICS_CONN_MAX + METRICS_FD_RESERVE;
	unsigned int n;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1)
		return 64;
	if (rl.rlim_cur < want) {
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ||
		    rl.rlim_max >= want ? want : rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) == -1)
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur >= want)
		return METRICS_CONN_MAX;
	n = rl.rlim_cur > METRICS_FD_RESERVE + 64 ?
	    (unsigned int)(rl.rlim_cur - METRICS_FD_RESERVE) : 64;
	log_warnx("metrics: %u HTTP connections at most (RLIMIT_NOFILE %llu;"
	    " raise LimitNOFILE for %u)", n, (unsigned long long)rl.rlim_cur,
	    METRICS_CONN_MAX);
	return n;
}

struct metrics *
metrics_start(const struct metrics_config *cfg, struct stats *st, char *err,
    size_t errlen)
{
	struct metrics *m = xcalloc(1, sizeof(*m));
	unsigned int flags, conn_max;
	int fd, family = AF_INET;

	m->st = st;
	m->version = xstrdup(cfg->version != NULL ? cfg->version : "");
	m->node = xstrdup(cfg->node != NULL ? cfg->node : "");
	m->driver = xstrdup(cfg->driver != NULL ? cfg->driver : "");
	m->retention_days = cfg->retention_days;
	m->start_unix = util_now();
	pthread_mutex_init(&m->lock, NULL);
	if ((fd = metrics_listen(m, cfg->listen, &family, err, errlen)) == -1)
		goto fail;
	conn_max = metrics_reserve_fds();
	flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
	if (family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* libmicrohttpd owns fd from here and closes it on stop. */
	m->mhd = MHD_start_daemon(flags, 0, NULL, NULL, metrics_handle, m,
	    MHD_OPTION_EXTERNAL_LOGGER, metrics_mhd_log, NULL,
	    MHD_OPTION_LISTEN_SOCKET, fd,
	    MHD_OPTION_CONNECTION_LIMIT, conn_max,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, conn_max / 2,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)METRICS_CONN_TIMEOUT_S,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)METRICS_CONN_MEMORY,
	    MHD_OPTION_END);
	if (m->mhd == NULL) {
		close(fd);
		snprintf(err, errlen, "metrics.listen %s: cannot start the "
		    "HTTP server", cfg->listen);
		goto fail;
	}
	return m;
fail:
	pthread_mutex_destroy(&m->lock);
	free(m->version);
	free(m->node);
	free(m->driver);
	free(m);
	return NULL;
}

const char *
metrics_address(const struct metrics *m)
{
	return m->address;
}

void
metrics_set_evapi(struct metrics *m, const struct evapi_counters *c,
    size_t n)
{
	struct metrics_evapi *e;
	size_t i;

	if (m == NULL)
		return;
	if (n > METRICS_EVAPI_MAX)
		n = METRICS_EVAPI_MAX;
	pthread_mutex_lock(&m->lock);
	for (i = 0; i < n; i++) {
		e = &m->evapi[i];
		snprintf(e->title, sizeof(e->title), "%s",
		    c[i].title != NULL ? c[i].title : "");
		snprintf(e->peer, sizeof(e->peer), "%s",
		    c[i].peer != NULL ? c[i].peer : "");
		e->state = c[i].state;
		e->frames = c[i].frames;
		e->bytes = c[i].bytes;
		e->framing_errors = c[i].framing_errors;
		e->reconnects = c[i].reconnects;
		e->failed_attempts = c[i].failed_attempts;
		e->connected_s = c[i].connected_s;
	}
	m->nevapi = n;
	pthread_mutex_unlock(&m->lock);
}

void
metrics_set_retention_days(struct metrics *m, int days)
{
	if (m != NULL)
		atomic_store(&m->retention_days, days);
}

void
metrics_stop(struct metrics *m)
{
	if (m == NULL)
		return;
	MHD_stop_daemon(m->mhd);
	pthread_mutex_destroy(&m->lock);
	free(m->version);
	free(m->node);
	free(m->driver);
	free(m);
}
