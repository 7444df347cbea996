/*
 * config.h: moscdrd's configuration as plain data.
 *
 * config.c is the only file that knows libconfuse; everything else reads
 * this struct. All strings are owned by the struct; config_free releases.
 */
#ifndef MOSCDR_CONFIG_H
#define MOSCDR_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum evapi_framing {
	EVAPI_FRAMING_NETSTRING = 0,
	EVAPI_FRAMING_RAW = 1
};

/* One evapi server (one Kamailio node) to connect to. */
struct config_evapi {
	char *title;		/* the section title, used in logs */
	char *address;		/* "host:port", "[v6]:port" or "host" */
	char *node;		/* node for messages without one, or NULL */
	enum evapi_framing framing;
	size_t max_frame;	/* largest netstring payload accepted */
	double reconnect_max_s;	/* cap of the reconnect backoff */
	double idle_timeout_s;	/* reconnect when silent this long; 0 off */
	int keepalive_idle_s;	/* TCP_KEEPIDLE */
};

struct config {
	char *file;		/* the file it was read from */
	char *node;		/* this node's name */

	char *user;		/* drop root to this user; NULL: stay */
	char *group;		/* and group; NULL: the user's */

	char **udp_listen;	/* "host:port" each; none = UDP off */
	size_t udp_nlisten;
	int udp_rcvbuf;		/* SO_RCVBUF(FORCE) bytes */
	char **udp_allow;	/* sender networks; none = anyone */
	size_t udp_nallow;

	char *auth_key_file;	/* shared HMAC key; NULL: no auth */
	double auth_window_s;
	size_t auth_replay_max;
	bool auth_allow_unsigned;

	struct config_evapi *evapi;
	size_t nevapi;

	char *db_driver;	/* "sqlite" | "postgresql" */
	char *db_path;		/* sqlite file */
	char *db_conninfo;	/* libpq conninfo */
	int db_batch_size;	/* messages per transaction, at most */
	int db_flush_ms;	/* commit at least this often when idle */
	int db_busy_timeout_ms;
	int db_cache_kib;
	int db_partition_days;	/* postgresql: days per partition */
	int db_partition_ahead_days; /* postgresql: partitions made ahead */
	int db_stop_timeout_s;	/* longest stop, whatever the database does */

	char *spool_dir;
	uint64_t spool_max_bytes;
	int spool_sync_ms;	/* journal fdatasync interval */
	bool spool_journal;	/* false: memory only, for benchmarks */

	size_t queue_max_bytes;	/* memory between receive and writer */

	bool log_foreground;	/* stderr instead of syslog */
	char *log_facility;
	char *log_level;
	int log_stats_interval_s; /* periodic summary line; 0 off */

	char *metrics_listen;	/* HTTP /metrics and /health; NULL: off */
	int retention_days;	/* delete calls older than this; 0 keeps all */
};

/*
 * Reads file (NULL: built-in defaults only), then applies each "-o
 * section.name=value" override in order. Returns 0, or -1 with a
 * "file:line: message" (or "-o ...: message") in err.
 */
int config_load(struct config *cfg, const char *file,
    char *const *overrides, size_t noverrides, char *err, size_t errlen);
void config_free(struct config *cfg);

/*
 * Checks, as the calling process's user, what the configuration would
 * otherwise only show at the first write: the SQLite database's
 * directory exists and is writable (and the file, when it exists); the
 * spool directory is writable, or missing with a writable parent (the
 * daemon makes it). A read-only file system passes: it is an outage
 * the writer rides out with the spool, not a mistake. Returns 0, or -1 with one line naming the option,
 * the path and the reason in err.
 */
int config_check_paths(const struct config *cfg, char *err, size_t errlen);

/*
 * Splits "host:port", "[v6addr]:port" or "host" (default_port applies)
 * into host and port buffers. Returns 0, or -1 when malformed.
 */
int config_split_address(const char *address, const char *default_port,
    char *host, size_t hostlen, char *port, size_t portlen);

#endif
