/*
 * moscdrd.c: implements the daemon's main(): options, configuration,
 * logging, the receive thread's event loop (UDP sockets, evapi clients,
 * signals, the periodic summary) and an orderly shutdown that commits
 * everything received.
 */
#include <sys/types.h>

#include <errno.h>
#include <malloc.h>
#include <pwd.h>
#include <getopt.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>
#include <event2/thread.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <systemd/sd-daemon.h>

#include "acl.h"
#include "auth.h"
#include "config.h"
#include "copy_from.h"
#include "evapi.h"
#include "ingest.h"
#include "log.h"
#include "metrics.h"
#include "privdrop.h"
#include "quality.h"
#include "queue.h"
#include "report.h"
#include "stats.h"
#include "store.h"
#include "udp.h"
#include "util.h"
#include "writer.h"

#ifndef MOSCDR_VERSION
#define MOSCDR_VERSION "0.1.0"
#endif
#define MOSCDR_CONF_DEFAULT "/etc/moscdr/moscdrd.conf"
#define MOSCDR_OVERRIDES_MAX 64
/* Seconds between STATUS= updates to systemd. */
#define MOSCDRD_STATUS_INTERVAL_S 5

/* The one top-level context; passed down, never global. */
struct moscdrd {
	struct config cfg;
	const char *file;		/* -f, or the default; NULL: none */
	char **overrides;		/* -o, applied again by a reload */
	size_t noverrides;
	int verbose;			/* -v: debug whatever log.level says */
	unsigned char key_digest[32];	/* SHA-256 of the key file read */
	struct stats stats;
	struct event_base *base;
	struct queue *queue;
	struct ingest *ingest;
	struct writer *writer;
	struct udp **udp;
	size_t nudp;
	struct acl *udp_allow;		/* NULL: anyone may send */
	struct udp_passed passed;	/* sockets systemd passed */
	struct evapi_client **evapi;
	size_t nevapi;
	struct event *ev_term, *ev_int, *ev_hup, *ev_usr1, *ev_stats;
	struct event *ev_logflush;	/* rate-limited lines' last counts,
					 * and the writer's watch */
	struct stats_stall stall;	/* a writer stuck in a call */
	struct event *ev_status;	/* sd_notify STATUS=; NULL: no systemd */
	struct metrics *metrics;	/* NULL: metrics.listen off */
	struct event *ev_metrics;	/* copies evapi counters to it */
};

/* SIGTERM or SIGINT before the event loop took them over. */
static volatile sig_atomic_t moscdrd_stop_early;

static void
moscdrd_early_stop(int sig)
{
	(void)sig;
	moscdrd_stop_early = 1;
}

/* A --days or --worst argument: digits only, into *out; 0 or -1. */
static int
moscdrd_count_arg(const char *s, int *out)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v > 1000000)
		return -1;
	*out = (int)v;
	return 0;
}

/* moscdrd --report: the page from the configured database; exit code. */
static int
moscdrd_report(struct config *cfg, const char *out, int days, int worst)
{
	const struct store_backend *be = store_backend_find(cfg->db_driver);
	struct report_options o;
	struct store_config sc;
	char err[1024];
	int rc = 0;

	memset(&sc, 0, sizeof(sc));
	sc.driver = cfg->db_driver;
	sc.path = cfg->db_path;
	sc.conninfo = cfg->db_conninfo;
	sc.busy_timeout_ms = cfg->db_busy_timeout_ms;
	sc.cache_kib = cfg->db_cache_kib;
	sc.connect_timeout_s = 10;
	memset(&o, 0, sizeof(o));
	o.out = out;
	o.days = days;
	o.worst = worst;
	o.now = util_now();
	o.version = MOSCDR_VERSION;
	if (be == NULL) {
		fprintf(stderr, "moscdrd: database.driver %s: unknown\n",
		    cfg->db_driver);
		rc = 1;
	} else if (report_write(be, &sc, &o, err, sizeof(err)) == -1) {
		fprintf(stderr, "moscdrd: %s\n", err);
		rc = 1;
	}
	config_free(cfg);
	return rc;
}

static __attribute__((noreturn)) void
usage(int code)
{
	fprintf(code == 0 ? stdout : stderr,
	    "usage: moscdrd [-dtvVh] [-f file] [-o section.name=value]...\n"
	    "  -d   stay in the foreground and log to stderr\n"
	    "  -f   configuration file (default %s when it exists)\n"
	    "  -o   override one option, e.g. -o database.path=/tmp/x.db\n"
	    "  -t   check the configuration, print \"configuration OK\"\n"
	    "  -v   log debug messages\n"
	    "  -V   print the version\n"
	    "  -h   this help\n"
	    "  --copy-from sqlite:PATH  copy that SQLite database into the\n"
	    "       configured PostgreSQL one, then exit (resumable)\n"
	    "  --report FILE [--days N] [--worst N]  write an HTML report of\n"
	    "       the last N days (30) with the N worst calls (20; 0: none),\n"
	    "       then exit\n",
	    MOSCDR_CONF_DEFAULT);
	exit(code);
}

static void
moscdrd_on_stop(evutil_socket_t sig, short what, void *arg)
{
	struct moscdrd *d = arg;

	(void)what;
	log_info("received %s, stopping", sig == SIGTERM ? "SIGTERM" :
	    "SIGINT");
	sd_notify(0, "STOPPING=1\nSTATUS=stopping: committing what is "
	    "queued");
	event_base_loopbreak(d->base);
}

/* SHA-256 of the file's contents: tells a reload whether the key changed
 * without keeping a second copy of it. 0, or -1 when unreadable. */
static int
moscdrd_file_digest(const char *path, unsigned char out[32])
{
	unsigned char buf[4096];
	unsigned int len = 32;
	EVP_MD_CTX *ctx;
	size_t n;
	FILE *f;
	int rc = -1;

	if (path == NULL) {
		memset(out, 0, 32);
		return 0;
	}
	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	if ((ctx = EVP_MD_CTX_new()) != NULL &&
	    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1) {
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			EVP_DigestUpdate(ctx, buf, n);
		if (!ferror(f) && EVP_DigestFinal_ex(ctx, out, &len) == 1)
			rc = 0;
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	EVP_MD_CTX_free(ctx);
	fclose(f);
	return rc;
}

static int
moscdrd_str_differs(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

static int
moscdrd_list_differs(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 1;
	for (i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 1;
	return 0;
}

static int
moscdrd_evapi_differs(const struct config *a, const struct config *b)
{
	size_t i;

	if (a->nevapi != b->nevapi)
		return 1;
	for (i = 0; i < a->nevapi; i++) {
		const struct config_evapi *x = &a->evapi[i], *y = &b->evapi[i];

		if (strcmp(x->title, y->title) != 0 ||
		    strcmp(x->address, y->address) != 0 ||
		    moscdrd_str_differs(x->node, y->node) ||
		    x->framing != y->framing || x->max_frame != y->max_frame ||
		    x->reconnect_max_s != y->reconnect_max_s ||
		    x->idle_timeout_s != y->idle_timeout_s ||
		    x->keepalive_idle_s != y->keepalive_idle_s)
			return 1;
	}
	return 0;
}

/* Logs each option that changed in the file but needs a restart. */
static int
moscdrd_note_restart_only(const struct config *o, const struct config *n)
{
	static const char fmt[] = "reload: %s changed: it takes effect at "
	    "the next restart; running with the old value";
	int count = 0;

#define NOTE(cond, name) do {						\
		if (cond) {						\
			log_notice(fmt, name);				\
			count++;					\
		}							\
	} while (0)
	NOTE(strcmp(o->node, n->node) != 0, "node");
	NOTE(moscdrd_str_differs(o->user, n->user), "user");
	NOTE(moscdrd_str_differs(o->group, n->group), "group");
	NOTE(moscdrd_list_differs(o->udp_listen, o->udp_nlisten,
	    n->udp_listen, n->udp_nlisten), "udp.listen");
	NOTE(o->udp_rcvbuf != n->udp_rcvbuf, "udp.rcvbuf");
	NOTE(moscdrd_evapi_differs(o, n), "evapi");
	NOTE(strcmp(o->db_driver, n->db_driver) != 0, "database.driver");
	NOTE(strcmp(o->db_path, n->db_path) != 0, "database.path");
	NOTE(strcmp(o->db_conninfo, n->db_conninfo) != 0,
	    "database.conninfo");
	NOTE(o->db_batch_size != n->db_batch_size, "database.batch_size");
	NOTE(o->db_flush_ms != n->db_flush_ms, "database.flush_interval");
	NOTE(o->db_busy_timeout_ms != n->db_busy_timeout_ms,
	    "database.busy_timeout");
	NOTE(o->db_cache_kib != n->db_cache_kib, "database.cache_size");
	NOTE(o->db_partition_days != n->db_partition_days,
	    "database.partition_days");
	NOTE(o->db_partition_ahead_days != n->db_partition_ahead_days,
	    "database.partition_ahead_days");
	NOTE(strcmp(o->spool_dir, n->spool_dir) != 0, "spool.dir");
	NOTE(o->spool_max_bytes != n->spool_max_bytes, "spool.max_size");
	NOTE(o->queue_max_bytes != n->queue_max_bytes, "queue.max_bytes");
	NOTE(strcmp(o->log_facility, n->log_facility) != 0, "log.facility");
	NOTE(moscdrd_str_differs(o->metrics_listen, n->metrics_listen),
	    "metrics.listen");
#undef NOTE
	return count;
}

/* Moves the string at *from into *to (freeing *to's). */
static void
moscdrd_take(char **to, char **from)
{
	free(*to);
	*to = *from;
	*from = NULL;
}

static void moscdrd_on_stats(evutil_socket_t, short, void *);
static void moscdrd_set_stats_timer(struct moscdrd *);

/*
 * SIGHUP (systemctl reload): reads the configuration again and applies
 * what can change while running: udp.allow, the auth section (the key
 * file is read again), log.level, log.stats_interval, retention.days.
 * Logs each change, and each change that needs a restart. A file that
 * does not load, or a key file that cannot be read, changes nothing: the
 * reason is logged and the daemon runs on as it was.
 */
static void
moscdrd_reload(struct moscdrd *d)
{
	struct auth *newauth[STATS_TRANSPORT_COUNT] = { NULL };
	struct acl *newacl = NULL;
	unsigned char digest[32];
	struct config n;
	char err[1024];
	int changed = 0, later, auth_changed, allow_changed, t, level;

	sd_notify(0, "RELOADING=1");
	log_reopen();
	if (config_load(&n, d->file, d->overrides, d->noverrides, err,
	    sizeof(err)) == -1) {
		log_warnx("reload: %s: keeping the running configuration",
		    err);
		goto done;
	}
	allow_changed = moscdrd_list_differs(d->cfg.udp_allow,
	    d->cfg.udp_nallow, n.udp_allow, n.udp_nallow);
	if (allow_changed && n.udp_nallow > 0 && acl_parse(
	    (const char *const *)n.udp_allow, n.udp_nallow, &newacl, err,
	    sizeof(err)) == -1) {
		log_warnx("reload: udp.allow: %s: keeping the running "
		    "configuration", err);
		goto out;
	}
	if (n.auth_key_file != NULL && moscdrd_file_digest(n.auth_key_file,
	    digest) == -1) {
		log_warnx("reload: auth.key_file %s: %s: keeping the running "
		    "configuration", n.auth_key_file, strerror(errno));
		goto out;
	} else if (n.auth_key_file == NULL)
		memset(digest, 0, sizeof(digest));
	auth_changed = moscdrd_str_differs(d->cfg.auth_key_file,
	    n.auth_key_file) || memcmp(digest, d->key_digest, 32) != 0 ||
	    d->cfg.auth_window_s != n.auth_window_s ||
	    d->cfg.auth_replay_max != n.auth_replay_max ||
	    d->cfg.auth_allow_unsigned != n.auth_allow_unsigned;
	/* The key file is checked (owner, mode, contents) at every reload,
	 * changed or not, as at start. */
	if (n.auth_key_file != NULL) {
		struct auth_opts ao;

		ao.window_s = n.auth_window_s;
		ao.replay_max = n.auth_replay_max;
		ao.allow_unsigned = n.auth_allow_unsigned;
		for (t = 0; t < STATS_TRANSPORT_COUNT; t++)
			if ((newauth[t] = auth_open(n.auth_key_file, &ao, err,
			    sizeof(err))) == NULL) {
				log_warnx("reload: auth.key_file: %s: keeping "
				    "the running configuration", err);
				goto out;
			}
	}

	if (!auth_changed)
		for (t = 0; t < STATS_TRANSPORT_COUNT; t++) {
			auth_free(newauth[t]);
			newauth[t] = NULL;
		}

	/* Everything new is in hand: apply it, all of it. */
	later = moscdrd_note_restart_only(&d->cfg, &n);
	if (allow_changed) {
		size_t i;

		for (i = 0; i < d->nudp; i++)
			udp_set_allow(d->udp[i], newacl);
		acl_free(d->udp_allow);
		d->udp_allow = newacl;
		newacl = NULL;
		for (i = 0; i < d->cfg.udp_nallow; i++)
			free(d->cfg.udp_allow[i]);
		free(d->cfg.udp_allow);
		d->cfg.udp_allow = n.udp_allow;
		d->cfg.udp_nallow = n.udp_nallow;
		n.udp_allow = NULL;
		n.udp_nallow = 0;
		log_notice("reload: udp.allow changed: %zu entries%s",
		    d->cfg.udp_nallow, d->cfg.udp_nallow == 0 ?
		    " (anyone may send)" : "");
		changed++;
	}
	if (auth_changed) {
		for (t = 0; t < STATS_TRANSPORT_COUNT; t++) {
			ingest_set_auth(d->ingest, t, newauth[t]);
			newauth[t] = NULL;
		}
		log_notice("reload: auth changed: %s", n.auth_key_file == NULL ?
		    "no key, messages are no longer authenticated" :
		    "key read again from the key file, replay cache emptied");
		moscdrd_take(&d->cfg.auth_key_file, &n.auth_key_file);
		d->cfg.auth_window_s = n.auth_window_s;
		d->cfg.auth_replay_max = n.auth_replay_max;
		d->cfg.auth_allow_unsigned = n.auth_allow_unsigned;
		memcpy(d->key_digest, digest, 32);
		changed++;
	}
	if (strcmp(d->cfg.log_level, n.log_level) != 0) {
		/* Said at the more verbose of the two levels, so that the
		 * line shows either way. */
		level = log_level_from_name(n.log_level);
		if (!d->verbose && level > log_get_level())
			log_set_level(level);
		log_notice("reload: log.level %s -> %s%s", d->cfg.log_level,
		    n.log_level, d->verbose ? " (-v keeps debug)" : "");
		if (!d->verbose)
			log_set_level(level);
		moscdrd_take(&d->cfg.log_level, &n.log_level);
		changed++;
	}
	if (d->cfg.log_stats_interval_s != n.log_stats_interval_s) {
		log_notice("reload: log.stats_interval %d -> %d s",
		    d->cfg.log_stats_interval_s, n.log_stats_interval_s);
		d->cfg.log_stats_interval_s = n.log_stats_interval_s;
		moscdrd_set_stats_timer(d);
		changed++;
	}
	if (d->cfg.retention_days != n.retention_days) {
		log_notice("reload: retention.days %d -> %d%s",
		    d->cfg.retention_days, n.retention_days,
		    n.retention_days == 0 ? " (keep everything)" : "");
		d->cfg.retention_days = n.retention_days;
		writer_set_retention(d->writer, n.retention_days);
		metrics_set_retention_days(d->metrics, n.retention_days);
		changed++;
	}
	if (changed == 0 && later == 0)
		log_notice("reload: %s: nothing changed",
		    d->file != NULL ? d->file : "built-in defaults");
	else
		log_notice("reload: %s: %d change%s applied, %d at the next "
		    "restart", d->file != NULL ? d->file : "built-in defaults",
		    changed, changed == 1 ? "" : "s", later);
out:
	for (t = 0; t < STATS_TRANSPORT_COUNT; t++)
		auth_free(newauth[t]);
	acl_free(newacl);
	config_free(&n);
done:
	sd_notify(0, "READY=1");
}

static void
moscdrd_on_hup(evutil_socket_t sig, short what, void *arg)
{
	(void)sig;
	(void)what;
	moscdrd_reload(arg);
}

/* The periodic summary line, and on SIGUSR1 (fd is then the signal). */
/*
 * The writer cannot say it is stuck while it is inside the call that
 * does not return: this thread says it for it, when it begins, every
 * STATS_STALL_REPEAT_S while it lasts, and when the call returns.
 */
static void
moscdrd_watch_writer(struct moscdrd *d)
{
	struct stats_snapshot s;
	int64_t dur, op, now = (int64_t)(util_monotonic() * 1000);

	stats_snapshot(&d->stats, &s);
	switch (stats_stall_check(&d->stall, s.writer_busy_ms,
	    s.writer_busy_op, now, &dur, &op)) {
	case STATS_STALL_BEGIN:
		stats_inc(&d->stats.writer_stalls);
		log_warnx("writer stuck: a database call (%s) has not returned "
		    "for %lld s; %lld messages wait in the journal, new ones "
		    "are journaled and wait too", stats_op_name(op),
		    (long long)(dur / 1000), (long long)s.backlog);
		break;
	case STATS_STALL_STILL:
		log_warnx("writer still stuck in a database call (%s) after "
		    "%lld s; %lld messages wait in the journal",
		    stats_op_name(op), (long long)(dur / 1000),
		    (long long)s.backlog);
		break;
	case STATS_STALL_END:
		log_notice("writer no longer stuck: the database call (%s) "
		    "returned after %lld s; %lld messages wait in the "
		    "journal", stats_op_name(op), (long long)(dur / 1000),
		    (long long)s.backlog);
		break;
	case STATS_STALL_NONE:
		break;
	}
}

/* Once a second: the last suppressed counts of rate-limited lines, and
 * the writer's watch. */
static void
moscdrd_on_logflush(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	log_limited_flush();
	moscdrd_watch_writer(arg);
}

static void
moscdrd_on_stats(evutil_socket_t fd, short what, void *arg)
{
	struct moscdrd *d = arg;
	char line[2048];

	(void)fd;
	stats_format_line(&d->stats, line, sizeof(line));
	log_info("%sstats: %s", (what & EV_SIGNAL) ? "SIGUSR1: " : "", line);
}

/* What "systemctl status moscdrd" shows under the unit's name. */
static void
moscdrd_on_status(evutil_socket_t fd, short what, void *arg)
{
	struct moscdrd *d = arg;
	struct stats *st = &d->stats;
	uint64_t received = 0, dropped = 0, refused = 0;
	int i;

	(void)fd;
	(void)what;
	for (i = 0; i < STATS_TRANSPORT_COUNT; i++)
		received += stats_get(&st->received[i]);
	for (i = 0; i < STATS_DROP_COUNT; i++)
		dropped += stats_get(&st->dropped[i]);
	for (i = 0; i < REC_ERR_COUNT; i++)
		refused += stats_get(&st->refused[i]);
	sd_notifyf(0, "STATUS=database %s; received %llu, stored %llu, "
	    "refused %llu, dropped %llu, spooled %llu, replayed %llu",
	    atomic_load(&st->db_up) ? "up" : "DOWN (spooling)",
	    (unsigned long long)received,
	    (unsigned long long)stats_get(&st->stored),
	    (unsigned long long)refused, (unsigned long long)dropped,
	    (unsigned long long)stats_get(&st->spool_written),
	    (unsigned long long)stats_get(&st->spool_replayed));
}

/* The evapi clients belong to this thread: hand metrics a copy. */
static void
moscdrd_on_metrics(evutil_socket_t fd, short what, void *arg)
{
	struct evapi_counters c[METRICS_EVAPI_MAX];
	struct moscdrd *d = arg;
	size_t i;

	(void)fd;
	(void)what;
	for (i = 0; i < d->nevapi && i < METRICS_EVAPI_MAX; i++)
		evapi_get_counters(d->evapi[i], &c[i]);
	metrics_set_evapi(d->metrics, c, i);
}

/*
 * Starts the HTTP endpoint. A port already taken must not stop the
 * collection of records: the failure is logged and metrics stay off.
 */
static void
moscdrd_start_metrics(struct moscdrd *d)
{
	struct metrics_config mc;
	struct timeval tv = { 1, 0 };
	char err[512];

	if (d->cfg.metrics_listen == NULL)
		return;
	mc.listen = d->cfg.metrics_listen;
	mc.version = MOSCDR_VERSION;
	mc.node = d->cfg.node;
	mc.driver = d->cfg.db_driver;
	mc.retention_days = d->cfg.retention_days;
	d->metrics = metrics_start(&mc, &d->stats, err, sizeof(err));
	if (d->metrics == NULL) {
		log_warnx("%s: /metrics and /health are off", err);
		return;
	}
	log_info("metrics on http://%s/metrics", metrics_address(d->metrics));
	moscdrd_on_metrics(-1, 0, d);
	d->ev_metrics = event_new(d->base, -1, EV_PERSIST, moscdrd_on_metrics,
	    d);
	if (d->ev_metrics == NULL || event_add(d->ev_metrics, &tv) == -1)
		fatalx("cannot register the metrics timer");
}

static void
moscdrd_start_writer(struct moscdrd *d)
{
	struct writer_config wc;
	char err[512];

	memset(&wc, 0, sizeof(wc));
	wc.backend = store_backend_find(d->cfg.db_driver);
	if (wc.backend == NULL)
		fatalx("unknown database driver \"%s\"", d->cfg.db_driver);
	wc.store.driver = d->cfg.db_driver;
	wc.store.path = d->cfg.db_path;
	wc.store.conninfo = d->cfg.db_conninfo;
	wc.store.busy_timeout_ms = d->cfg.db_busy_timeout_ms;
	wc.store.cache_kib = d->cfg.db_cache_kib;
	wc.store.connect_timeout_s = 5;
	wc.store.partition_days = d->cfg.db_partition_days;
	wc.store.partition_ahead_days = d->cfg.db_partition_ahead_days;
	wc.batch_size = (size_t)d->cfg.db_batch_size;
	wc.flush_s = d->cfg.db_flush_ms / 1000.0;
	wc.spool_dir = d->cfg.spool_dir;
	wc.spool_max_bytes = d->cfg.spool_max_bytes;
	wc.journal = d->cfg.spool_journal;
	wc.sync_s = d->cfg.spool_sync_ms / 1000.0;
	wc.stop_s = d->cfg.db_stop_timeout_s;
	wc.retention_days = d->cfg.retention_days;
	d->writer = writer_start(&wc, d->queue, &d->stats, err, sizeof(err));
	if (d->writer == NULL)
		fatalx("%s", err);
	ingest_set_journal(d->ingest, writer_journal(d->writer));
}

static void
moscdrd_open_transports(struct moscdrd *d)
{
	char err[512];
	size_t i;

	if (d->cfg.udp_nallow > 0 && acl_parse((const char *const *)
	    d->cfg.udp_allow, d->cfg.udp_nallow, &d->udp_allow, err,
	    sizeof(err)) == -1)
		fatalx("udp.allow: %s", err);
	d->udp = xcalloc(d->cfg.udp_nlisten + 1, sizeof(*d->udp));
	for (i = 0; i < d->cfg.udp_nlisten; i++) {
		d->udp[i] = udp_open(d->base, d->cfg.udp_listen[i],
		    d->cfg.udp_rcvbuf, d->udp_allow, d->ingest, &d->passed,
		    err, sizeof(err));
		if (d->udp[i] == NULL)
			fatalx("%s", err);
		d->nudp++;
	}
	if (udp_passed_check(&d->passed, err, sizeof(err)) == -1)
		fatalx("%s", err);
	d->evapi = xcalloc(d->cfg.nevapi + 1, sizeof(*d->evapi));
	for (i = 0; i < d->cfg.nevapi; i++) {
		struct config_evapi *ce = &d->cfg.evapi[i];

		d->evapi[i] = evapi_new(d->base, ce, ce->title, d->cfg.node,
		    d->ingest, &d->stats, err, sizeof(err));
		if (d->evapi[i] == NULL)
			fatalx("evapi %s: %s", ce->title, err);
		d->nevapi++;
	}
}

/*
 * Reads the shared key (possibly readable by root only) into one verifier
 * per transport. Returns 0, or -1 with err filled.
 */
static int
moscdrd_open_auth(const struct config *cfg, struct ingest *ing, char *err,
    size_t errlen)
{
	struct auth_opts ao;
	struct auth *a;
	int t;

	if (cfg->auth_key_file == NULL)
		return 0;
	ao.window_s = cfg->auth_window_s;
	ao.replay_max = cfg->auth_replay_max;
	ao.allow_unsigned = cfg->auth_allow_unsigned;
	for (t = 0; t < STATS_TRANSPORT_COUNT; t++) {
		if ((a = auth_open(cfg->auth_key_file, &ao, err, errlen)) ==
		    NULL)
			return -1;
		if (ing != NULL)
			ingest_set_auth(ing, t, a);
		else
			auth_free(a);
	}
	return 0;
}

/* (Re)arms the periodic summary for log.stats_interval; 0: none. */
static void
moscdrd_set_stats_timer(struct moscdrd *d)
{
	struct timeval tv;

	if (d->ev_stats == NULL) {
		d->ev_stats = event_new(d->base, -1, EV_PERSIST,
		    moscdrd_on_stats, d);
		if (d->ev_stats == NULL)
			fatalx("cannot create the stats timer");
	}
	event_del(d->ev_stats);
	if (d->cfg.log_stats_interval_s <= 0)
		return;
	tv.tv_sec = d->cfg.log_stats_interval_s;
	tv.tv_usec = 0;
	if (event_add(d->ev_stats, &tv) == -1)
		fatalx("cannot register the stats timer");
}

static void
moscdrd_add_events(struct moscdrd *d)
{
	struct timeval tv;

	d->ev_term = evsignal_new(d->base, SIGTERM, moscdrd_on_stop, d);
	d->ev_int = evsignal_new(d->base, SIGINT, moscdrd_on_stop, d);
	d->ev_hup = evsignal_new(d->base, SIGHUP, moscdrd_on_hup, d);
	d->ev_usr1 = evsignal_new(d->base, SIGUSR1, moscdrd_on_stats, d);
	if (d->ev_term == NULL || d->ev_int == NULL || d->ev_hup == NULL ||
	    d->ev_usr1 == NULL || event_add(d->ev_term, NULL) == -1 ||
	    event_add(d->ev_int, NULL) == -1 ||
	    event_add(d->ev_hup, NULL) == -1 ||
	    event_add(d->ev_usr1, NULL) == -1)
		fatalx("cannot register signal events");
	if (getenv("NOTIFY_SOCKET") != NULL) {
		d->ev_status = event_new(d->base, -1, EV_PERSIST,
		    moscdrd_on_status, d);
		tv.tv_sec = MOSCDRD_STATUS_INTERVAL_S;
		tv.tv_usec = 0;
		if (d->ev_status == NULL || event_add(d->ev_status, &tv) == -1)
			fatalx("cannot register the status timer");
	}
	d->ev_logflush = event_new(d->base, -1, EV_PERSIST,
	    moscdrd_on_logflush, d);
	tv.tv_sec = 1;
	tv.tv_usec = 0;
	if (d->ev_logflush == NULL || event_add(d->ev_logflush, &tv) == -1)
		fatalx("cannot register the log timer");
	moscdrd_set_stats_timer(d);
}

/*
 * Stops receiving, takes what is still in the UDP socket buffers (it was
 * received before the signal), lets the writer commit everything and
 * frees all.
 */
static void
moscdrd_shutdown(struct moscdrd *d)
{
	char line[2048];
	size_t i;

	metrics_stop(d->metrics);
	if (d->ev_metrics != NULL)
		event_free(d->ev_metrics);
	for (i = 0; i < d->nevapi; i++)
		evapi_free(d->evapi[i]);
	for (i = 0; i < d->nudp; i++) {
		udp_drain(d->udp[i]);
		udp_close(d->udp[i]);
	}
	if (!writer_stop(d->writer)) {
		/* The writer hangs in a database call: everything it had
		 * not committed is in the journal, synced. Leave without
		 * freeing what it still uses. */
		stats_format_line(&d->stats, line, sizeof(line));
		log_info("exiting, stats: %s", line);
		fflush(stderr);
		_exit(0);
	}
	stats_format_line(&d->stats, line, sizeof(line));
	log_info("exiting, stats: %s", line);
	ingest_free(d->ingest);
	queue_free(d->queue);
	quality_free(d->stats.quality);
	log_limited_flush();
	if (d->ev_logflush != NULL)
		event_free(d->ev_logflush);
	if (d->ev_stats != NULL)
		event_free(d->ev_stats);
	if (d->ev_status != NULL)
		event_free(d->ev_status);
	event_free(d->ev_usr1);
	event_free(d->ev_term);
	event_free(d->ev_int);
	event_free(d->ev_hup);
	event_base_free(d->base);
	free(d->udp);
	acl_free(d->udp_allow);
	free(d->evapi);
	config_free(&d->cfg);
}

/*
 * -t: the configuration, the key, and the paths the daemon will write,
 * checked as the user it will run as (the key is read first, as the
 * daemon reads it, possibly as root). Returns the exit status.
 */
static int
moscdrd_check(struct config *cfg, const char *file)
{
	char err[1024], who[300];
	struct passwd *pw;
	int rc = 1;

	if (moscdrd_open_auth(cfg, NULL, err, sizeof(err)) == -1) {
		fprintf(stderr, "moscdrd: auth.key_file: %s\n", err);
		goto out;
	}
	if (cfg->user != NULL && geteuid() == 0) {
		if (privdrop_to(cfg->user, cfg->group, err, sizeof(err)) == -1) {
			fprintf(stderr, "moscdrd: %s: cannot become user %s: "
			    "%s\n", file != NULL ? file : "built-in defaults",
			    cfg->user, err);
			goto out;
		}
		snprintf(who, sizeof(who), "user %s", cfg->user);
	} else if ((pw = getpwuid(geteuid())) != NULL)
		snprintf(who, sizeof(who), "user %s", pw->pw_name);
	else
		snprintf(who, sizeof(who), "uid %u", (unsigned)geteuid());
	if (config_check_paths(cfg, err, sizeof(err)) == -1) {
		fprintf(stderr, "moscdrd: %s (checked as %s)\n", err, who);
		goto out;
	}
	printf("configuration OK: %s (database and spool writable by %s)\n",
	    file != NULL ? file : "built-in defaults", who);
	rc = 0;
out:
	config_free(cfg);
	return rc;
}

int
main(int argc, char *argv[])
{
	char *overrides[MOSCDR_OVERRIDES_MAX];
	const char *file = NULL;
	struct moscdrd d;
	size_t noverrides = 0;
	int ch, foreground = 0, check = 0, verbose = 0, level, facility;
	char err[1024];

	static const struct option longopts[] = {
		{ "copy-from", required_argument, NULL, 'C' },
		{ "report", required_argument, NULL, 'R' },
		{ "days", required_argument, NULL, 'D' },
		{ "worst", required_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 }
	};
	const char *copy_from = NULL, *report = NULL;
	int days = 30, worst = 20;

	while ((ch = getopt_long(argc, argv, "df:ho:tvV", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'C':
			copy_from = optarg;
			break;
		case 'R':
			report = optarg;
			break;
		case 'D':
		case 'W':
			if (moscdrd_count_arg(optarg, ch == 'D' ?
			    &days : &worst) == -1) {
				fprintf(stderr, "moscdrd: --%s takes a whole "
				    "number\n", ch == 'D' ? "days" : "worst");
				return 1;
			}
			break;
		case 'd':
			foreground = 1;
			break;
		case 'f':
			file = optarg;
			break;
		case 'o':
			if (noverrides == MOSCDR_OVERRIDES_MAX)
				fatalx("too many -o options");
			overrides[noverrides++] = optarg;
			break;
		case 't':
			check = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'V':
			printf("moscdrd %s\n", MOSCDR_VERSION);
			return 0;
		case 'h':
			usage(0);
		default:
			usage(1);
		}
	}
	if (optind != argc)
		usage(1);

	/* Without -f, a missing default file means built-in defaults. */
	if (file == NULL && access(MOSCDR_CONF_DEFAULT, F_OK) == 0)
		file = MOSCDR_CONF_DEFAULT;
	/* Until the event loop takes SIGUSR1 over, none of these may kill
	 * the daemon; SIGUSR2 and SIGPIPE stay ignored for good. */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGUSR1, SIG_IGN);
	signal(SIGUSR2, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	/* A stop asked for while starting is kept for the loop to honour
	 * (libevent takes the signals over in moscdrd_add_events). */
	signal(SIGTERM, moscdrd_early_stop);
	signal(SIGINT, moscdrd_early_stop);
	memset(&d, 0, sizeof(d));
	if (config_load(&d.cfg, file, overrides, noverrides, err,
	    sizeof(err)) == -1) {
		fprintf(stderr, "moscdrd: %s\n", err);
		return 1;
	}
	if (check)
		return moscdrd_check(&d.cfg, file);
	if (report != NULL)
		return moscdrd_report(&d.cfg, report, days, worst);
	if (copy_from != NULL) {
		int rc = 0;

		if (strncmp(copy_from, "sqlite:", 7) != 0 ||
		    strcmp(d.cfg.db_driver, "postgresql") != 0) {
			fprintf(stderr, "moscdrd: --copy-from takes sqlite:PATH "
			    "and a configuration with database.driver = "
			    "postgresql\n");
			rc = 1;
		} else if (copy_from_sqlite(d.cfg.db_conninfo, copy_from + 7,
		    err, sizeof(err)) == -1) {
			fprintf(stderr, "moscdrd: %s\n", err);
			rc = 1;
		}
		config_free(&d.cfg);
		return rc;
	}
	d.file = file;
	d.overrides = overrides;
	d.noverrides = noverrides;
	d.verbose = verbose;
	level = verbose ? LOG_DEBUG : log_level_from_name(d.cfg.log_level);
	facility = log_facility_from_name(d.cfg.log_facility);
	log_init(foreground, level, "moscdrd", facility);
	/* Before daemon(): LISTEN_PID names this process, not its child. */
	if (udp_passed_take(&d.passed, err, sizeof(err)) == -1)
		fatalx("%s", err);
	if (!foreground && daemon(1, 0) == -1)
		fatal("daemon");
	log_info("moscdrd %s starting: node %s, database %s, configuration %s",
	    MOSCDR_VERSION, d.cfg.node, d.cfg.db_driver,
	    file != NULL ? file : "built-in defaults");

	/*
	 * One malloc arena for all threads, before any thread starts. With
	 * one per thread (glibc's default), what the receive thread frees
	 * (records the writer committed) is not what the writer reuses
	 * (records read back from the journal, SQLite's pages): each arena
	 * keeps its own high-water mark. One arena took the peak of a burst
	 * from 62 to 51 MiB (docs/benchmark.md); the threads are two that
	 * allocate, so the shared lock costs nothing measurable.
	 */
	mallopt(M_ARENA_MAX, 1);
	if (evthread_use_pthreads() == -1)
		fatalx("libevent without pthreads support");
	d.base = event_base_new();
	if (d.base == NULL)
		fatalx("cannot create the event loop");
	d.queue = queue_new(d.cfg.queue_max_bytes);
	d.stats.queue = d.queue;	/* the live queue gauges */
	d.stats.quality = quality_new(d.cfg.node);
	d.ingest = ingest_new(&d.stats, d.queue, d.cfg.node);
	if (moscdrd_open_auth(&d.cfg, d.ingest, err, sizeof(err)) == -1)
		fatalx("auth.key_file: %s", err);
	if (moscdrd_file_digest(d.cfg.auth_key_file, d.key_digest) == -1)
		fatalx("auth.key_file: %s: %s", d.cfg.auth_key_file,
		    strerror(errno));
	/* Bind as root (low ports, SO_RCVBUFFORCE), then drop before the
	 * database and the spool are opened, so their files belong to the
	 * unprivileged user. */
	moscdrd_open_transports(&d);
	if (d.cfg.user != NULL) {
		if (privdrop_to(d.cfg.user, d.cfg.group, err, sizeof(err)) == -1)
			fatalx("cannot drop privileges: %s", err);
		log_info("running as user %s", d.cfg.user);
	} else if (geteuid() == 0)
		log_notice("running as root: set \"user\" to drop privileges");
	/* Mistakes no retry can mend stop the start here, with one line. */
	if (config_check_paths(&d.cfg, err, sizeof(err)) == -1)
		fatalx("%s", err);
	/* /metrics and /health only once no root is left to serve them. */
	moscdrd_start_metrics(&d);
	moscdrd_start_writer(&d);
	moscdrd_add_events(&d);
	log_info("ready");
	/* Sockets bound, database open and migrated, or the spool has
	 * taken over while it is down (writer_start returns then). */
	moscdrd_on_status(-1, 0, &d);
	sd_notify(0, "READY=1");

	if (moscdrd_stop_early) {
		log_info("stop asked for while starting, stopping");
		sd_notify(0, "STOPPING=1");
	} else if (event_base_dispatch(d.base) == -1)
		log_warnx("event loop failed");
	moscdrd_shutdown(&d);
	return 0;
}
