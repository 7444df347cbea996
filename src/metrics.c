/*
 * metrics.c: implements metrics.h, the /metrics (Prometheus text format
 * 0.0.4) and /health endpoint on libmicrohttpd's internal thread.
 *
 * Every family is written with its HELP and TYPE lines once, followed by
 * its samples; names carry the moscdr_ prefix, counters end in _total,
 * label values are escaped (backslash, double quote, newline) as the
 * format requires. The page is built into a fresh buffer per request and
 * handed to libmicrohttpd, which frees it.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "config.h"
#include "log.h"
#include "metrics.h"
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
	int retention_days;
	double start_unix;
	char address[METRICS_ADDR_LEN];
	pthread_mutex_t lock;
	struct metrics_evapi evapi[METRICS_EVAPI_MAX];
	size_t nevapi;
};

/* A growing text buffer; allocation failure is fatal (xrealloc). */
struct metrics_buf {
	char *p;
	size_t len, cap;
};

static void
metrics_printf(struct metrics_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
metrics_printf(struct metrics_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if ((size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return;
		}
		b->cap = b->cap * 2 + (size_t)n;
		b->p = xrealloc(b->p, b->cap);
	}
}

/* Writes s as a label value: \ " and newline escaped. */
static void
metrics_label_value(struct metrics_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			metrics_printf(b, "\\\\");
		else if (*s == '"')
			metrics_printf(b, "\\\"");
		else if (*s == '\n')
			metrics_printf(b, "\\n");
		else
			metrics_printf(b, "%c", *s);
	}
}

static void
metrics_family(struct metrics_buf *b, const char *name, const char *type,
    const char *help)
{
	metrics_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name,
	    type);
}

/* "name value" */
static void
metrics_u64(struct metrics_buf *b, const char *name, uint64_t v)
{
	metrics_printf(b, "%s %llu\n", name, (unsigned long long)v);
}

/* "name{label="value"} v" */
static void
metrics_u64_label(struct metrics_buf *b, const char *name, const char *label,
    const char *value, uint64_t v)
{
	metrics_printf(b, "%s{%s=\"", name, label);
	metrics_label_value(b, value);
	metrics_printf(b, "\"} %llu\n", (unsigned long long)v);
}

/* A family of one unlabelled counter or gauge. */
static void
metrics_single(struct metrics_buf *b, const char *name, const char *type,
    const char *help, uint64_t v)
{
	metrics_family(b, name, type, help);
	metrics_u64(b, name, v);
}

static uint64_t
metrics_gauge(_Atomic int64_t *g)
{
	int64_t v = atomic_load_explicit(g, memory_order_relaxed);

	return v > 0 ? (uint64_t)v : 0;
}

static void
metrics_write_ingest(struct metrics_buf *b, struct stats *st)
{
	int i;

	metrics_family(b, "moscdr_messages_received_total", "counter",
	    "Messages received, by transport.");
	for (i = 0; i < STATS_TRANSPORT_COUNT; i++)
		metrics_u64_label(b, "moscdr_messages_received_total",
		    "transport", stats_transport_name(i),
		    stats_get(&st->received[i]));
	metrics_family(b, "moscdr_received_bytes_total", "counter",
	    "Payload bytes received, by transport.");
	for (i = 0; i < STATS_TRANSPORT_COUNT; i++)
		metrics_u64_label(b, "moscdr_received_bytes_total",
		    "transport", stats_transport_name(i),
		    stats_get(&st->received_bytes[i]));
	metrics_family(b, "moscdr_messages_refused_total", "counter",
	    "Messages refused by the parser, by reason.");
	for (i = 1; i < REC_ERR_COUNT; i++)
		metrics_u64_label(b, "moscdr_messages_refused_total", "reason",
		    rec_error_name(i), stats_get(&st->refused[i]));
	metrics_family(b, "moscdr_messages_dropped_total", "counter",
	    "Messages dropped before or after parsing, by reason.");
	for (i = 0; i < STATS_DROP_COUNT; i++)
		metrics_u64_label(b, "moscdr_messages_dropped_total", "reason",
		    stats_drop_name(i), stats_get(&st->dropped[i]));
	metrics_family(b, "moscdr_auth_refused_total", "counter",
	    "Messages refused by the signature check, by reason.");
	for (i = 1; i < AUTH_ERR_COUNT; i++)
		metrics_u64_label(b, "moscdr_auth_refused_total", "reason",
		    auth_error_name(i), stats_get(&st->auth_refused[i]));
	metrics_single(b, "moscdr_messages_accepted_total", "counter",
	    "Messages parsed and queued for the database.",
	    stats_get(&st->accepted));
	metrics_single(b, "moscdr_messages_stored_total", "counter",
	    "Messages committed to the database.", stats_get(&st->stored));
	metrics_single(b, "moscdr_mos_refused_total", "counter",
	    "MOS values outside 1..5, stored as unknown.",
	    stats_get(&st->mos_refused));
	metrics_single(b, "moscdr_text_repaired_total", "counter",
	    "Message fields whose invalid UTF-8 was replaced by U+FFFD.",
	    stats_get(&st->text_repaired));
	metrics_single(b, "moscdr_text_cut_total", "counter",
	    "Optional text fields cut to their length limit.",
	    stats_get(&st->text_cut));
}

static void
metrics_write_store(struct metrics_buf *b, struct stats *st)
{
	static const uint64_t bounds[STATS_LATENCY_NBOUNDS] =
	    STATS_LATENCY_BOUNDS_US;
	uint64_t cum = 0;
	int i;

	metrics_single(b, "moscdr_calls_new_total", "counter",
	    "Call rows inserted.", stats_get(&st->calls_new));
	metrics_single(b, "moscdr_calls_merged_total", "counter",
	    "Messages merged into a call already stored (duplicates and "
	    "updates).", stats_get(&st->calls_merged));
	metrics_family(b, "moscdr_rows_written_total", "counter",
	    "Rows inserted or updated, by table.");
	metrics_u64_label(b, "moscdr_rows_written_total", "table", "call",
	    stats_get(&st->calls_new) + stats_get(&st->calls_merged));
	metrics_u64_label(b, "moscdr_rows_written_total", "table", "leg",
	    stats_get(&st->legs));
	metrics_u64_label(b, "moscdr_rows_written_total", "table",
	    "mos_sample", stats_get(&st->samples));
	metrics_single(b, "moscdr_batches_total", "counter",
	    "Transactions committed.", stats_get(&st->batches));
	metrics_single(b, "moscdr_db_errors_total", "counter",
	    "Failed database calls (each leads to spooling and a retry).",
	    stats_get(&st->db_errors));
	metrics_single(b, "moscdr_db_reconnects_total", "counter",
	    "Times the database became available again after a failure.",
	    stats_get(&st->db_reconnects));
	metrics_single(b, "moscdr_db_up", "gauge",
	    "1 when the writer's last database call succeeded.",
	    metrics_gauge(&st->db_up));
	metrics_family(b, "moscdr_batch_commit_seconds", "histogram",
	    "Time of one batch write (one transaction), successful or not.");
	for (i = 0; i < STATS_LATENCY_NBOUNDS; i++) {
		cum += stats_get(&st->commit_latency.bucket[i]);
		metrics_printf(b, "moscdr_batch_commit_seconds_bucket"
		    "{le=\"%g\"} %llu\n", bounds[i] / 1e6,
		    (unsigned long long)cum);
	}
	cum += stats_get(&st->commit_latency.bucket[i]);
	metrics_printf(b, "moscdr_batch_commit_seconds_bucket{le=\"+Inf\"} "
	    "%llu\n", (unsigned long long)cum);
	metrics_printf(b, "moscdr_batch_commit_seconds_sum %.6f\n",
	    stats_get(&st->commit_latency.sum_us) / 1e6);
	/* The count must equal the +Inf bucket: report that sum, not a
	 * second load that may have moved meanwhile. */
	metrics_u64(b, "moscdr_batch_commit_seconds_count", cum);
	metrics_single(b, "moscdr_retention_deleted_calls_total", "counter",
	    "Calls deleted (with their legs and samples) by retention.",
	    stats_get(&st->retention_deleted));
}

static void
metrics_write_queue(struct metrics_buf *b, struct stats *st)
{
	metrics_single(b, "moscdr_queue_length", "gauge",
	    "Messages waiting between the receive thread and the writer.",
	    metrics_gauge(&st->queue_len));
	metrics_single(b, "moscdr_queue_bytes", "gauge",
	    "Bytes of those messages.", metrics_gauge(&st->queue_bytes));
	metrics_single(b, "moscdr_spool_bytes", "gauge",
	    "Bytes in the on-disk spool.", metrics_gauge(&st->spool_bytes));
	metrics_single(b, "moscdr_spool_segments", "gauge",
	    "Segment files in the on-disk spool.",
	    metrics_gauge(&st->spool_segments));
	metrics_single(b, "moscdr_spool_written_total", "counter",
	    "Messages written to the spool.", stats_get(&st->spool_written));
	metrics_single(b, "moscdr_spool_replayed_total", "counter",
	    "Messages replayed from the spool into the database.",
	    stats_get(&st->spool_replayed));
}

/* Writes one per-client family; value(e) picks the field. */
static void
metrics_write_evapi_family(struct metrics_buf *b, const struct metrics *m,
    const char *name, const char *type, const char *help, int field)
{
	const struct metrics_evapi *e;
	size_t i;

	metrics_family(b, name, type, help);
	for (i = 0; i < m->nevapi; i++) {
		e = &m->evapi[i];
		metrics_printf(b, "%s{client=\"", name);
		metrics_label_value(b, e->title);
		if (field == 0) {
			metrics_printf(b, "\",peer=\"");
			metrics_label_value(b, e->peer);
			metrics_printf(b, "\"} %d\n",
			    e->state == EVAPI_CONNECTED);
			continue;
		}
		metrics_printf(b, "\"} ");
		switch (field) {
		case 1:
			metrics_printf(b, "%llu\n",
			    (unsigned long long)e->frames);
			break;
		case 2:
			metrics_printf(b, "%llu\n",
			    (unsigned long long)e->framing_errors);
			break;
		case 3:
			metrics_printf(b, "%llu\n",
			    (unsigned long long)e->reconnects);
			break;
		case 4:
			metrics_printf(b, "%llu\n",
			    (unsigned long long)e->failed_attempts);
			break;
		default:
			metrics_printf(b, "%.3f\n", e->connected_s);
			break;
		}
	}
}

static void
metrics_write_evapi(struct metrics_buf *b, struct metrics *m)
{
	struct stats *st = m->st;

	metrics_single(b, "moscdr_evapi_frames_total", "counter",
	    "evapi frames handed to ingest, all clients.",
	    stats_get(&st->evapi_frames));
	metrics_single(b, "moscdr_evapi_framing_errors_total", "counter",
	    "evapi framing errors, all clients.",
	    stats_get(&st->evapi_framing_errors));
	metrics_single(b, "moscdr_evapi_reconnects_total", "counter",
	    "evapi connections re-established, all clients.",
	    stats_get(&st->evapi_reconnects));
	pthread_mutex_lock(&m->lock);
	if (m->nevapi > 0) {
		metrics_write_evapi_family(b, m, "moscdr_evapi_connected",
		    "gauge", "1 while the client is connected to this "
		    "Kamailio evapi peer.", 0);
		metrics_write_evapi_family(b, m,
		    "moscdr_evapi_client_frames_total", "counter",
		    "Frames received by this client.", 1);
		metrics_write_evapi_family(b, m,
		    "moscdr_evapi_client_framing_errors_total", "counter",
		    "Framing errors of this client.", 2);
		metrics_write_evapi_family(b, m,
		    "moscdr_evapi_client_reconnects_total", "counter",
		    "Connections of this client re-established after a "
		    "loss.", 3);
		metrics_write_evapi_family(b, m,
		    "moscdr_evapi_client_connect_failures_total", "counter",
		    "Connection attempts of this client that failed.", 4);
		metrics_write_evapi_family(b, m,
		    "moscdr_evapi_client_connected_seconds", "gauge",
		    "Up time of the client's current connection, 0 when "
		    "down.", 5);
	}
	pthread_mutex_unlock(&m->lock);
}

static char *
metrics_page(struct metrics *m, size_t *len)
{
	struct metrics_buf b;

	b.cap = 16384;
	b.len = 0;
	b.p = xmalloc(b.cap);
	b.p[0] = '\0';
	metrics_family(&b, "moscdr_build_info", "gauge",
	    "Always 1; the labels name the version, node and database.");
	metrics_printf(&b, "moscdr_build_info{version=\"");
	metrics_label_value(&b, m->version);
	metrics_printf(&b, "\",node=\"");
	metrics_label_value(&b, m->node);
	metrics_printf(&b, "\",driver=\"");
	metrics_label_value(&b, m->driver);
	metrics_printf(&b, "\"} 1\n");
	metrics_family(&b, "moscdr_start_time_seconds", "gauge",
	    "Unix time the daemon started.");
	metrics_printf(&b, "moscdr_start_time_seconds %.3f\n", m->start_unix);
	metrics_single(&b, "moscdr_retention_days", "gauge",
	    "Days of calls kept (retention.days); 0 keeps all.",
	    (uint64_t)m->retention_days);
	metrics_write_ingest(&b, m->st);
	metrics_write_store(&b, m->st);
	metrics_write_queue(&b, m->st);
	metrics_write_evapi(&b, m);
	*len = b.len;
	return b.p;
}

/*
 * The health verdict: NULL when healthy, else the reason in buf. Reads
 * only atomics; see metrics.h for the rules.
 */
static const char *
metrics_health(struct metrics *m, char *buf, size_t len)
{
	struct stats *st = m->st;
	int64_t now = (int64_t)(util_monotonic() * 1000);
	int64_t ok = atomic_load(&st->db_ok_ms);
	int64_t down = atomic_load(&st->db_down_ms);
	int64_t spool = atomic_load(&st->spool_bytes);
	int64_t app = atomic_load(&st->spool_append_ms);

	if (ok == 0 && atomic_load(&st->db_up) == 0) {
		snprintf(buf, len, "database not available since start");
		return buf;
	}
	if (atomic_load(&st->db_up) == 0) {
		snprintf(buf, len, "database unavailable for %lld s",
		    (long long)((now - (down > 0 ? down : ok)) / 1000));
		return buf;
	}
	if (now - ok > (int64_t)METRICS_HEALTH_STALE_S * 1000) {
		snprintf(buf, len, "no successful database call for %lld s",
		    (long long)((now - ok) / 1000));
		return buf;
	}
	if (spool > 0 && app > 0 &&
	    now - app < (int64_t)METRICS_HEALTH_SPOOL_S * 1000) {
		snprintf(buf, len, "spool growing: %lld bytes in %lld segments",
		    (long long)spool,
		    (long long)atomic_load(&st->spool_segments));
		return buf;
	}
	return NULL;
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
		if (why == NULL)
			snprintf(reason, sizeof(reason), "ok");
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
	    listen(fd, 16) == -1 ||
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

struct metrics *
metrics_start(const struct metrics_config *cfg, struct stats *st, char *err,
    size_t errlen)
{
	struct metrics *m = xcalloc(1, sizeof(*m));
	unsigned int flags;
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
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	if (family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* libmicrohttpd owns fd from here and closes it on stop. */
	m->mhd = MHD_start_daemon(flags, 0, NULL, NULL, metrics_handle, m,
	    MHD_OPTION_EXTERNAL_LOGGER, metrics_mhd_log, NULL,
	    MHD_OPTION_LISTEN_SOCKET, fd,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)METRICS_CONN_MAX,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)METRICS_CONN_TIMEOUT_S,
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
