/*
 * config.c: implements config.h: reads moscdrd.conf with libconfuse,
 * applies "-o section.name=value" overrides and checks every value, so
 * that the rest of the daemon sees only valid plain data.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <confuse.h>

#include "acl.h"
#include "auth.h"
#include "config.h"
#include "limits.h"
#include "util.h"

/* Where an error message goes while libconfuse is working. */
struct config_errctx {
	char *buf;
	size_t len;
	const char *override;	/* the -o being applied, or NULL */
	const char *file;	/* the file being parsed, or NULL */
	cfg_t *root;		/* its file name and line while parsing */
	int set;
};

/* libconfuse keeps one error function per cfg_t; it has no user pointer,
 * and parsing is single-threaded at start-up, so a file-local is safe. */
static struct config_errctx *config_err;

static void config_errfunc(cfg_t *cfg, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
config_errfunc(cfg_t *cfg, const char *fmt, va_list ap)
{
	cfg_t *root;
	char msg[512];
	int line;

	if (config_err == NULL || config_err->set)
		return;
	/* Sections have no file name of their own: the root's lexer has
	 * the file and the line being read. */
	root = config_err->root != NULL ? config_err->root : cfg;
	line = cfg != NULL && cfg->line > 0 ? cfg->line :
	    root != NULL ? root->line : 0;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (config_err->override != NULL)
		snprintf(config_err->buf, config_err->len, "-o %s: %s",
		    config_err->override, msg);
	else if (config_err->file != NULL && line > 0)
		snprintf(config_err->buf, config_err->len, "%s:%d: %s",
		    config_err->file, line, msg);
	else if (config_err->file != NULL)
		snprintf(config_err->buf, config_err->len, "%s: %s",
		    config_err->file, msg);
	else
		snprintf(config_err->buf, config_err->len, "%s", msg);
	config_err->set = 1;
}

/* Reports an error through config_errfunc: sections made while parsing
 * do not inherit the root's error function, so cfg_error() on them would
 * print to stderr instead of filling the caller's buffer. */
static void __attribute__((format(printf, 2, 3)))
config_fail(cfg_t *cfg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_errfunc(cfg, fmt, ap);
	va_end(ap);
}

/* Integer options and the range each must fall in. */
static const struct {
	const char *path;
	long min;
	long max;
} config_int_ranges[] = {
	{ "udp|rcvbuf", 65536, 1L << 30 },
	{ "database|batch_size", 1, 100000 },
	{ "database|flush_interval", 1, 60000 },
	{ "database|busy_timeout", 0, 600000 },
	{ "database|cache_size", 256, 4L << 20 },
	{ "database|stop_timeout", 1, 80 },
	{ "database|partition_days", 1, 366 },
	{ "database|partition_ahead_days", 1, 366 },
	{ "spool|sync_interval", 10, 60000 },
	{ "spool|max_size", 0, 1L << 50 },
	{ "queue|max_bytes", 1L << 16, 1L << 34 },
	{ "log|stats_interval", 0, 86400 },
	{ "auth|window", 1, 3600 },
	{ "auth|replay_cache", 0, 1L << 22 },
	{ "evapi|max_frame", 16, MESSAGE_MAX },
	{ "evapi|reconnect_max", 1, 3600 },
	{ "evapi|idle_timeout", 0, 86400 },
	{ "evapi|keepalive", 1, 7200 },
};

static int
config_validate_int(cfg_t *cfg, cfg_opt_t *opt)
{
	const char *secname = cfg_name(cfg);
	char path[128];
	size_t i;
	long v;

	snprintf(path, sizeof(path), "%s|%s", secname, opt->name);
	v = cfg_opt_getnint(opt, 0);
	for (i = 0; i < sizeof(config_int_ranges) / sizeof(config_int_ranges[0]);
	    i++) {
		if (strcmp(config_int_ranges[i].path, path) != 0)
			continue;
		if (v < config_int_ranges[i].min || v > config_int_ranges[i].max) {
			config_fail(cfg, "%s.%s = %ld: must be between %ld and %ld",
			    secname, opt->name, v, config_int_ranges[i].min,
			    config_int_ranges[i].max);
			return -1;
		}
	}
	return 0;
}

static int
config_validate_choice(cfg_t *cfg, cfg_opt_t *opt, const char *const *choices)
{
	const char *v = cfg_opt_getnstr(opt, 0);
	size_t i;

	for (i = 0; choices[i] != NULL; i++)
		if (v != NULL && strcmp(v, choices[i]) == 0)
			return 0;
	config_fail(cfg, "%s = \"%s\": not one of the accepted values",
	    opt->name, v != NULL ? v : "");
	return -1;
}

static int
config_validate_driver(cfg_t *cfg, cfg_opt_t *opt)
{
	static const char *const v[] = { "sqlite", "postgresql", "postgres",
		NULL };

	return config_validate_choice(cfg, opt, v);
}

static int
config_validate_framing(cfg_t *cfg, cfg_opt_t *opt)
{
	static const char *const v[] = { "netstring", "raw", NULL };

	return config_validate_choice(cfg, opt, v);
}

static int
config_validate_level(cfg_t *cfg, cfg_opt_t *opt)
{
	static const char *const v[] = { "err", "error", "warning", "warn",
		"notice", "info", "debug", NULL };

	return config_validate_choice(cfg, opt, v);
}

static int
config_validate_facility(cfg_t *cfg, cfg_opt_t *opt)
{
	static const char *const v[] = { "daemon", "user", "local0", "local1",
		"local2", "local3", "local4", "local5", "local6", "local7",
		NULL };

	return config_validate_choice(cfg, opt, v);
}

static int
config_validate_address(cfg_t *cfg, cfg_opt_t *opt)
{
	char host[256], port[16];
	unsigned i;

	for (i = 0; i < cfg_opt_size(opt); i++) {
		const char *a = cfg_opt_getnstr(opt, i);

		if (a == NULL || config_split_address(a, NULL, host,
		    sizeof(host), port, sizeof(port)) == -1) {
			config_fail(cfg, "%s: \"%s\" is not host:port",
			    opt->name, a != NULL ? a : "");
			return -1;
		}
	}
	return 0;
}

static int
config_validate_evapi_address(cfg_t *cfg, cfg_opt_t *opt)
{
	char host[256], port[16];
	const char *a = cfg_opt_getnstr(opt, 0);

	if (a == NULL || config_split_address(a, "8448", host, sizeof(host),
	    port, sizeof(port)) == -1) {
		config_fail(cfg, "address: \"%s\" is not host:port",
		    a != NULL ? a : "");
		return -1;
	}
	return 0;
}

/* The allow list must parse as acl.c will read it at start. */
static int
config_validate_allow(cfg_t *cfg, cfg_opt_t *opt)
{
	const char **list;
	struct acl *acl = NULL;
	char err[256];
	unsigned i, n = cfg_opt_size(opt);
	int rc;

	if (n == 0)
		return 0;
	list = xcalloc(n, sizeof(*list));
	for (i = 0; i < n; i++)
		list[i] = cfg_opt_getnstr(opt, i);
	rc = acl_parse(list, n, &acl, err, sizeof(err));
	free(list);
	acl_free(acl);
	if (rc == -1) {
		config_fail(cfg, "udp.allow: %s", err);
		return -1;
	}
	return 0;
}

static cfg_t *
config_init_cfg(void)
{
	static cfg_opt_t udp_opts[] = {
		CFG_STR_LIST("listen", "{\"127.0.0.1:9099\"}", CFGF_NONE),
		CFG_INT("rcvbuf", 8388608, CFGF_NONE),
		CFG_STR_LIST("allow", "{\"127.0.0.0/8\", \"::1\"}", CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t evapi_opts[] = {
		CFG_STR("address", "127.0.0.1:8448", CFGF_NONE),
		CFG_STR("node", NULL, CFGF_NONE),
		CFG_STR("framing", "netstring", CFGF_NONE),
		CFG_INT("max_frame", MESSAGE_MAX, CFGF_NONE),
		CFG_INT("reconnect_max", 30, CFGF_NONE),
		CFG_INT("idle_timeout", 0, CFGF_NONE),
		CFG_INT("keepalive", 30, CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t db_opts[] = {
		CFG_STR("driver", "sqlite", CFGF_NONE),
		CFG_STR("path", "/var/lib/moscdr/moscdr.db", CFGF_NONE),
		CFG_STR("conninfo", "", CFGF_NONE),
		CFG_INT("batch_size", 1000, CFGF_NONE),
		CFG_INT("flush_interval", 200, CFGF_NONE),
		CFG_INT("busy_timeout", 5000, CFGF_NONE),
		CFG_INT("cache_size", 8192, CFGF_NONE),
		CFG_INT("stop_timeout", 20, CFGF_NONE),
		CFG_INT("partition_days", 1, CFGF_NONE),
		CFG_INT("partition_ahead_days", 3, CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t spool_opts[] = {
		CFG_STR("dir", "/var/spool/moscdr", CFGF_NONE),
		CFG_INT("max_size", 1073741824L, CFGF_NONE),
		CFG_INT("sync_interval", 1000, CFGF_NONE),
		CFG_BOOL("journal", cfg_true, CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t queue_opts[] = {
		CFG_INT("max_bytes", 4194304, CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t log_opts[] = {
		CFG_STR("level", "info", CFGF_NONE),
		CFG_STR("facility", "daemon", CFGF_NONE),
		CFG_INT("stats_interval", 300, CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t auth_opts[] = {
		CFG_STR("key_file", "", CFGF_NONE),
		CFG_INT("window", 30, CFGF_NONE),
		CFG_INT("replay_cache", AUTH_REPLAY_DEFAULT, CFGF_NONE),
		CFG_BOOL("allow_unsigned", cfg_false, CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t metrics_opts[] = {
		CFG_STR("listen", "127.0.0.1:9199", CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t retention_opts[] = {
		CFG_INT("days", 0, CFGF_NONE),
		CFG_END()
	};
	static cfg_opt_t opts[] = {
		CFG_STR("node", NULL, CFGF_NONE),
		CFG_STR("user", "", CFGF_NONE),
		CFG_STR("group", "", CFGF_NONE),
		CFG_SEC("udp", udp_opts, CFGF_NONE),
		CFG_SEC("evapi", evapi_opts, CFGF_MULTI | CFGF_TITLE |
		    CFGF_NO_TITLE_DUPES),
		CFG_SEC("database", db_opts, CFGF_NONE),
		CFG_SEC("spool", spool_opts, CFGF_NONE),
		CFG_SEC("queue", queue_opts, CFGF_NONE),
		CFG_SEC("log", log_opts, CFGF_NONE),
		CFG_SEC("auth", auth_opts, CFGF_NONE),
		CFG_SEC("metrics", metrics_opts, CFGF_NONE),
		CFG_SEC("retention", retention_opts, CFGF_NONE),
		CFG_END()
	};
	cfg_t *cfg;
	size_t i;

	cfg = cfg_init(opts, CFGF_NONE);
	if (cfg == NULL)
		return NULL;
	cfg_set_error_function(cfg, config_errfunc);
	for (i = 0; i < sizeof(config_int_ranges) / sizeof(config_int_ranges[0]);
	    i++)
		cfg_set_validate_func(cfg, config_int_ranges[i].path,
		    config_validate_int);
	cfg_set_validate_func(cfg, "database|driver", config_validate_driver);
	cfg_set_validate_func(cfg, "evapi|framing", config_validate_framing);
	cfg_set_validate_func(cfg, "evapi|address",
	    config_validate_evapi_address);
	cfg_set_validate_func(cfg, "udp|listen", config_validate_address);
	cfg_set_validate_func(cfg, "udp|allow", config_validate_allow);
	cfg_set_validate_func(cfg, "log|level", config_validate_level);
	cfg_set_validate_func(cfg, "log|facility", config_validate_facility);
	return cfg;
}

/* The option called name in sec, or NULL (silently, unlike cfg_getopt). */
static cfg_opt_t *
config_find_opt(cfg_t *sec, const char *name)
{
	size_t i;

	for (i = 0; sec->opts[i].name != NULL; i++)
		if (strcmp(sec->opts[i].name, name) == 0)
			return &sec->opts[i];
	return NULL;
}

/*
 * Applies one "section.name=value" (or "name=value" at the top level).
 * Lists take comma-separated values and replace the list.
 */
static int
config_apply_override(cfg_t *cfg, const char *spec)
{
	char key[128], *eq, *dot, *value;
	cfg_t *sec = cfg;
	cfg_opt_t *opt;
	const char *name;

	eq = strchr(spec, '=');
	if (eq == NULL || (size_t)(eq - spec) >= sizeof(key)) {
		config_fail(cfg, "expected section.name=value");
		return -1;
	}
	memcpy(key, spec, eq - spec);
	key[eq - spec] = '\0';
	value = eq + 1;
	dot = strchr(key, '.');
	name = key;
	if (dot != NULL) {
		*dot = '\0';
		name = dot + 1;
		if (strcmp(key, "evapi") == 0) {
			/* -o evapi.x sets the first evapi section. */
			if (cfg_size(cfg, "evapi") == 0 &&
			    cfg_addtsec(cfg, "evapi", "evapi") == NULL)
				return -1;
			sec = cfg_getnsec(cfg, "evapi", 0);
		} else {
			opt = config_find_opt(cfg, key);
			if (opt == NULL || opt->type != CFGT_SEC) {
				config_fail(cfg, "no section \"%s\"", key);
				return -1;
			}
			sec = cfg_getsec(cfg, key);
		}
		if (sec == NULL)
			return -1;
	}
	opt = config_find_opt(sec, name);
	if (opt == NULL) {
		config_fail(cfg, "no such option");
		return -1;
	}
	if (opt->type == CFGT_SEC) {
		config_fail(cfg, "%s is a section", name);
		return -1;
	}
	if (opt->flags & CFGF_LIST) {
		char *copy = xstrdup(value), *tok, *save = NULL;

		cfg_free_value(opt);
		for (tok = strtok_r(copy, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			if (cfg_setopt(sec, opt, tok) == NULL) {
				free(copy);
				return -1;
			}
		}
		free(copy);
	} else if (cfg_setopt(sec, opt, value) == NULL)
		return -1;
	if (opt->validcb != NULL && opt->validcb(sec, opt) != 0)
		return -1;
	return 0;
}

static char *
config_strdup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

static void
config_fill(struct config *c, cfg_t *cfg)
{
	cfg_t *udp = cfg_getsec(cfg, "udp"), *db = cfg_getsec(cfg, "database");
	cfg_t *spool = cfg_getsec(cfg, "spool"), *q = cfg_getsec(cfg, "queue");
	cfg_t *lg = cfg_getsec(cfg, "log"), *au = cfg_getsec(cfg, "auth");
	char host[256];
	size_t i;

	c->node = config_strdup_or_null(cfg_getstr(cfg, "node"));
	if (c->node == NULL) {
		if (gethostname(host, sizeof(host)) == -1 || host[0] == '\0')
			snprintf(host, sizeof(host), "localhost");
		host[sizeof(host) - 1] = '\0';
		host[strcspn(host, ".")] = '\0';
		c->node = xstrdup(host);
	}
	c->udp_nlisten = cfg_size(udp, "listen");
	c->udp_listen = xcalloc(c->udp_nlisten + 1, sizeof(char *));
	for (i = 0; i < c->udp_nlisten; i++)
		c->udp_listen[i] = xstrdup(cfg_getnstr(udp, "listen", i));
	c->udp_rcvbuf = (int)cfg_getint(udp, "rcvbuf");
	c->udp_nallow = cfg_size(udp, "allow");
	c->udp_allow = xcalloc(c->udp_nallow + 1, sizeof(char *));
	for (i = 0; i < c->udp_nallow; i++)
		c->udp_allow[i] = xstrdup(cfg_getnstr(udp, "allow", i));
	c->user = config_strdup_or_null(cfg_getstr(cfg, "user"));
	c->group = config_strdup_or_null(cfg_getstr(cfg, "group"));
	c->auth_key_file = config_strdup_or_null(cfg_getstr(au, "key_file"));
	c->auth_window_s = (double)cfg_getint(au, "window");
	c->auth_replay_max = (size_t)cfg_getint(au, "replay_cache");
	c->auth_allow_unsigned = cfg_getbool(au, "allow_unsigned") != cfg_false;

	c->nevapi = cfg_size(cfg, "evapi");
	c->evapi = xcalloc(c->nevapi + 1, sizeof(*c->evapi));
	for (i = 0; i < c->nevapi; i++) {
		cfg_t *e = cfg_getnsec(cfg, "evapi", i);
		struct config_evapi *ce = &c->evapi[i];

		ce->title = xstrdup(cfg_title(e));
		ce->address = xstrdup(cfg_getstr(e, "address"));
		ce->node = config_strdup_or_null(cfg_getstr(e, "node"));
		ce->framing = strcmp(cfg_getstr(e, "framing"), "raw") == 0 ?
		    EVAPI_FRAMING_RAW : EVAPI_FRAMING_NETSTRING;
		ce->max_frame = (size_t)cfg_getint(e, "max_frame");
		ce->reconnect_max_s = (double)cfg_getint(e, "reconnect_max");
		ce->idle_timeout_s = (double)cfg_getint(e, "idle_timeout");
		ce->keepalive_idle_s = (int)cfg_getint(e, "keepalive");
	}

	c->db_driver = xstrdup(cfg_getstr(db, "driver"));
	if (strcmp(c->db_driver, "postgres") == 0) {
		free(c->db_driver);
		c->db_driver = xstrdup("postgresql");
	}
	c->db_path = xstrdup(cfg_getstr(db, "path"));
	c->db_conninfo = xstrdup(cfg_getstr(db, "conninfo"));
	c->db_batch_size = (int)cfg_getint(db, "batch_size");
	c->db_flush_ms = (int)cfg_getint(db, "flush_interval");
	c->db_busy_timeout_ms = (int)cfg_getint(db, "busy_timeout");
	c->db_cache_kib = (int)cfg_getint(db, "cache_size");
	c->db_partition_days = (int)cfg_getint(db, "partition_days");
	c->db_partition_ahead_days = (int)cfg_getint(db,
	    "partition_ahead_days");
	c->spool_dir = xstrdup(cfg_getstr(spool, "dir"));
	c->spool_max_bytes = (uint64_t)cfg_getint(spool, "max_size");
	c->spool_sync_ms = (int)cfg_getint(spool, "sync_interval");
	c->spool_journal = cfg_getbool(spool, "journal") != cfg_false;
	c->db_stop_timeout_s = (int)cfg_getint(db, "stop_timeout");
	c->queue_max_bytes = (size_t)cfg_getint(q, "max_bytes");
	c->log_level = xstrdup(cfg_getstr(lg, "level"));
	c->log_facility = xstrdup(cfg_getstr(lg, "facility"));
	c->log_stats_interval_s = (int)cfg_getint(lg, "stats_interval");
	c->metrics_listen = config_strdup_or_null(cfg_getstr(
	    cfg_getsec(cfg, "metrics"), "listen"));
	c->retention_days = (int)cfg_getint(cfg_getsec(cfg, "retention"),
	    "days");
}

/*
 * Reads file into a new buffer with its comments blanked out (newlines
 * kept), for cfg_parse_buf. libconfuse 3.3 (Debian 12) miscounts lines
 * in comments: an error below n comment lines is reported 2n lines too
 * far. Without comments its line numbers are the file's own, whatever
 * version counts them wrong.
 *
 * libconfuse also accepts a file that ends inside a section ("database
 * {" and no "}"), which a truncated copy of a file does: the same scan
 * counts braces outside strings and comments and names the line of the
 * section left open.
 */
static char *
config_read_file(const char *file, char *err, size_t errlen)
{
	int c, quote = 0, line = 1, depth = 0, open_line[32];
	size_t len = 0, cap = 4096;
	struct stat st;
	char *buf;
	FILE *f;

	if ((f = fopen(file, "r")) == NULL) {
		snprintf(err, errlen, "%s: cannot read: %s", file,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == -1 || S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: cannot read: %s", file,
		    S_ISDIR(st.st_mode) ? "is a directory, not a file" :
		    strerror(errno));
		fclose(f);
		return NULL;
	}
	buf = xmalloc(cap);
#define CONFIG_PUT(ch) do {						\
		if (len + 2 > cap)					\
			buf = xrealloc(buf, cap *= 2);			\
		buf[len++] = (char)(ch);				\
	} while (0)
	while ((c = getc(f)) != EOF) {
		if (c == '\n')
			line++;
		if (quote != 0) {
			CONFIG_PUT(c);
			if (c == '\\') {
				if ((c = getc(f)) == EOF)
					break;
				if (c == '\n')
					line++;
				CONFIG_PUT(c);
			} else if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '#') {
			while ((c = getc(f)) != EOF && c != '\n')
				;
			if (c == EOF)
				break;
			line++;
		} else if (c == '/') {
			c = getc(f);
			if (c == '/') {
				while ((c = getc(f)) != EOF && c != '\n')
					;
				if (c == EOF)
					break;
				line++;
			} else if (c == '*') {
				int prev = 0;

				while ((c = getc(f)) != EOF &&
				    !(prev == '*' && c == '/')) {
					if (c == '\n') {
						line++;
						CONFIG_PUT('\n');
					}
					prev = c;
				}
				CONFIG_PUT(' ');
				continue;
			} else {
				CONFIG_PUT('/');
				if (c == EOF)
					break;
				ungetc(c, f);
				continue;
			}
		} else if (c == '{') {
			if (depth < 32)
				open_line[depth] = line;
			depth++;
		} else if (c == '}' && depth > 0)
			depth--;
		CONFIG_PUT(c);
	}
#undef CONFIG_PUT
	buf[len] = '\0';
	if (ferror(f)) {
		snprintf(err, errlen, "%s: cannot read: %s", file,
		    strerror(errno));
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	if (depth > 0) {
		snprintf(err, errlen, "%s:%d: section not closed: missing \"}\" "
		    "before the end of the file", file,
		    open_line[depth > 32 ? 31 : depth - 1]);
		free(buf);
		return NULL;
	}
	return buf;
}

/* Checks that need several options at once. */
static int
config_check(const struct config *c, char *err, size_t errlen)
{
	const char *where = c->file != NULL ? c->file : "configuration";
	char host[256], port[32];

	if (strlen(c->node) > NODE_LEN_MAX) {
		snprintf(err, errlen, "%s: node: longer than %d bytes", where,
		    NODE_LEN_MAX);
		return -1;
	}
	if (strcmp(c->db_driver, "postgresql") == 0 &&
	    c->db_conninfo[0] == '\0') {
		snprintf(err, errlen, "%s: database.conninfo: required with "
		    "driver \"postgresql\"", where);
		return -1;
	}
	if (strcmp(c->db_driver, "sqlite") == 0 && c->db_path[0] == '\0') {
		snprintf(err, errlen, "%s: database.path: required with "
		    "driver \"sqlite\"", where);
		return -1;
	}
	if (c->udp_nlisten == 0 && c->nevapi == 0) {
		snprintf(err, errlen, "%s: no transport: set udp.listen or "
		    "add an evapi section", where);
		return -1;
	}
	if (c->group != NULL && c->user == NULL) {
		snprintf(err, errlen, "%s: group: needs user", where);
		return -1;
	}
	if (c->spool_dir[0] == '\0') {
		snprintf(err, errlen, "%s: spool.dir: required", where);
		return -1;
	}
	if (c->metrics_listen != NULL && config_split_address(
	    c->metrics_listen, "9199", host, sizeof(host), port,
	    sizeof(port)) == -1) {
		snprintf(err, errlen, "%s: metrics.listen: \"%s\" is not "
		    "host:port", where, c->metrics_listen);
		return -1;
	}
	if (c->retention_days < 0 || c->retention_days > 36500) {
		snprintf(err, errlen, "%s: retention.days: %d is not 0 (keep "
		    "all) or a number of days", where, c->retention_days);
		return -1;
	}
	return 0;
}

int
config_load(struct config *c, const char *file, char *const *overrides,
    size_t noverrides, char *err, size_t errlen)
{
	struct config_errctx ctx = { err, errlen, NULL, NULL, NULL, 0 };
	char *text;
	cfg_t *cfg;
	size_t i;
	int rc;

	memset(c, 0, sizeof(*c));
	snprintf(err, errlen, "unknown error");
	config_err = &ctx;
	cfg = config_init_cfg();
	ctx.root = cfg;
	if (cfg == NULL) {
		snprintf(err, errlen, "cannot initialize the parser");
		goto fail;
	}
	if (file != NULL) {
		c->file = xstrdup(file);
		ctx.file = file;
		if ((text = config_read_file(file, err, errlen)) == NULL)
			goto fail;
		rc = cfg_parse_buf(cfg, text);
		free(text);
		if (rc != CFG_SUCCESS) {
			if (!ctx.set)
				snprintf(err, errlen, "%s: parse error", file);
			goto fail;
		}
	}
	for (i = 0; i < noverrides; i++) {
		ctx.override = overrides[i];
		ctx.set = 0;
		if (config_apply_override(cfg, overrides[i]) == -1) {
			if (!ctx.set)
				snprintf(err, errlen, "-o %s: no such option",
				    overrides[i]);
			goto fail;
		}
	}
	config_fill(c, cfg);
	cfg_free(cfg);
	config_err = NULL;
	if (config_check(c, err, errlen) == -1) {
		config_free(c);
		return -1;
	}
	return 0;
fail:
	if (cfg != NULL)
		cfg_free(cfg);
	config_err = NULL;
	config_free(c);
	return -1;
}

/* 0 when dir is a directory this process may create files in. */
static int
config_dir_writable(const char *what, const char *file, const char *dir,
    char *err, size_t errlen)
{
	struct stat st;

	if (stat(dir, &st) == -1) {
		snprintf(err, errlen, "%s %s: directory %s: %s", what, file,
		    dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s %s: %s is not a directory", what,
		    file, dir);
		return -1;
	}
	/* A read-only mount is not the configuration's fault and may be
	 * undone while the daemon runs: the writer spools and retries. */
	if (access(dir, W_OK | X_OK) == -1 && errno != EROFS) {
		snprintf(err, errlen, "%s %s: directory %s not writable by "
		    "uid %u: %s", what, file, dir, (unsigned)geteuid(),
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
config_check_paths(const struct config *c, char *err, size_t errlen)
{
	char dir[4096], *slash;
	struct stat st;

	if (strcmp(c->db_driver, "sqlite") == 0 &&
	    strcmp(c->db_path, ":memory:") != 0) {
		/* SQLite makes its journal next to the file: the directory
		 * must be writable, and the file when it exists. */
		snprintf(dir, sizeof(dir), "%s", c->db_path);
		slash = strrchr(dir, '/');
		if (slash == NULL)
			snprintf(dir, sizeof(dir), ".");
		else if (slash == dir)
			dir[1] = '\0';
		else
			*slash = '\0';
		if (config_dir_writable("database.path", c->db_path, dir, err,
		    errlen) == -1)
			return -1;
		if (stat(c->db_path, &st) == 0 && (S_ISDIR(st.st_mode) ||
		    (access(c->db_path, R_OK | W_OK) == -1 &&
		    errno != EROFS))) {
			snprintf(err, errlen, "database.path %s: %s", c->db_path,
			    S_ISDIR(st.st_mode) ? "is a directory" :
			    "not writable by this user");
			return -1;
		}
	}
	/* The spool directory itself may be missing: it is made at start
	 * when its parent lets this user. */
	if (stat(c->spool_dir, &st) == 0 || errno != ENOENT)
		return config_dir_writable("spool.dir", c->spool_dir,
		    c->spool_dir, err, errlen);
	snprintf(dir, sizeof(dir), "%s", c->spool_dir);
	while ((slash = strrchr(dir, '/')) != NULL && slash[1] == '\0' &&
	    slash != dir)
		*slash = '\0';
	slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (config_dir_writable("spool.dir", c->spool_dir, dir, err,
	    errlen) == -1)
		return -1;
	return 0;
}

void
config_free(struct config *c)
{
	size_t i;

	free(c->file);
	free(c->node);
	for (i = 0; c->udp_listen != NULL && i < c->udp_nlisten; i++)
		free(c->udp_listen[i]);
	free(c->udp_listen);
	for (i = 0; c->udp_allow != NULL && i < c->udp_nallow; i++)
		free(c->udp_allow[i]);
	free(c->udp_allow);
	free(c->user);
	free(c->group);
	free(c->auth_key_file);
	for (i = 0; c->evapi != NULL && i < c->nevapi; i++) {
		free(c->evapi[i].title);
		free(c->evapi[i].address);
		free(c->evapi[i].node);
	}
	free(c->evapi);
	free(c->db_driver);
	free(c->db_path);
	free(c->db_conninfo);
	free(c->spool_dir);
	free(c->log_level);
	free(c->log_facility);
	free(c->metrics_listen);
	memset(c, 0, sizeof(*c));
}

int
config_split_address(const char *address, const char *default_port,
    char *host, size_t hostlen, char *port, size_t portlen)
{
	const char *h, *p = NULL, *end;
	size_t hl;
	char *ep;
	long n;

	if (address == NULL || *address == '\0')
		return -1;
	if (address[0] == '[') {
		end = strchr(address, ']');
		if (end == NULL)
			return -1;
		h = address + 1;
		hl = (size_t)(end - h);
		if (end[1] == ':')
			p = end + 2;
		else if (end[1] != '\0')
			return -1;
	} else {
		end = strrchr(address, ':');
		if (end != NULL && strchr(address, ':') != end)
			return -1;	/* bare IPv6 needs brackets */
		h = address;
		hl = end != NULL ? (size_t)(end - address) : strlen(address);
		if (end != NULL)
			p = end + 1;
	}
	if (hl == 0 || hl >= hostlen)
		return -1;
	if (p == NULL)
		p = default_port;
	if (p == NULL || *p == '\0' || strlen(p) >= portlen)
		return -1;
	errno = 0;
	n = strtol(p, &ep, 10);
	if (errno != 0 || *ep != '\0' || n < 0 || n > 65535)
		return -1;
	memcpy(host, h, hl);
	host[hl] = '\0';
	snprintf(port, portlen, "%s", p);
	return 0;
}
