/*
 * store.h: the one interface between the writer thread and a database.
 *
 * A back end is a named, constant struct store_backend of function pointers
 * (store_sqlite.c, store_pg.c); store.c picks one by the configured driver
 * name. Only the writer thread calls these, so a store needs no locking.
 *
 * Merge rules live in the SQL of each back end, never in C: a record for an
 * existing (node, call_id) fills in what was unknown and updates what it
 * carries, but never replaces a known value with NULL. Writing the same
 * batch twice therefore leaves the database as writing it once.
 */
#ifndef MOSCDR_STORE_H
#define MOSCDR_STORE_H

#include <stddef.h>
#include <stdint.h>

struct record;

/* What a back end needs from the configuration. */
struct store_config {
	const char *driver;	/* "sqlite" or "postgresql" */
	const char *path;	/* sqlite: database file */
	const char *conninfo;	/* postgresql: libpq conninfo string or URI */
	int busy_timeout_ms;	/* sqlite: wait on a locked database */
	int cache_kib;		/* sqlite: page cache size */
	int connect_timeout_s;	/* postgresql: connect_timeout when unset */
	int partition_days;	/* postgresql: days per partition; 0: 1 */
	int partition_ahead_days; /* postgresql: days made ahead; 0: 3 */
};

/* Outcome of a store call. */
enum store_status {
	STORE_OK = 0,
	STORE_RETRY = -1,	/* unavailable now (down, locked, disk full):
				   nothing of the batch was kept; spool it,
				   reconnect, try again later */
	STORE_REJECT = -2	/* this data can never be written (a record the
				   database refuses): retrying will not help */
};

/*
 * Rows touched by one put_batch, for counters. created, when not NULL,
 * has room for the batch's n records: on STORE_OK created[i] is 1 when
 * recs[i] inserted its call row (the call is new) and 0 when it was
 * merged into a call already stored (in this batch or before); on
 * failure its content is undefined.
 */
struct store_counts {
	uint64_t calls_new;	/* call rows inserted */
	uint64_t calls_merged;	/* messages merged into an existing call */
	uint64_t legs;		/* leg rows inserted or updated */
	uint64_t samples;	/* mos_sample rows inserted or updated */
	unsigned char *created;	/* per record, or NULL */
};

/*
 * How far a journal (journal.h) has been applied: put_batch_at writes it
 * in the batch's own transaction, so rows and position commit together.
 */
struct store_position {
	const char *journal;	/* the journal's identity */
	uint64_t seq;		/* the last sequence number applied */
};

struct store;

/* Most columns a query (store_backend.query) hands to its row callback. */
#define STORE_QUERY_COLS_MAX	64

struct store_backend {
	const char *name;
	/*
	 * Connects or opens. On STORE_OK *out is a new store. On failure
	 * *out is NULL and err holds a message without secrets (never the
	 * password of a conninfo).
	 */
	enum store_status (*open)(const struct store_config *cfg,
	    struct store **out, char *err, size_t errlen);
	/*
	 * Applies the missing migrations (migrate.h) in one
	 * transaction and records the version. A database newer than the
	 * daemon is refused with STORE_REJECT and a clear message.
	 */
	enum store_status (*migrate)(struct store *st, char *err,
	    size_t errlen);
	/*
	 * Writes n records in one transaction: all or nothing. Records for
	 * the same (node, call_id) may appear more than once in one batch
	 * and are applied in order. counts may be NULL.
	 */
	enum store_status (*put_batch)(struct store *st,
	    struct record *const *recs, size_t n, struct store_counts *counts,
	    char *err, size_t errlen);
	/*
	 * put_batch that also records pos (when not NULL) in the same
	 * transaction; with n == 0 it records only pos.
	 */
	enum store_status (*put_batch_at)(struct store *st,
	    struct record *const *recs, size_t n,
	    const struct store_position *pos, struct store_counts *counts,
	    char *err, size_t errlen);
	/*
	 * The last sequence number recorded for journal in *seq, 0 when
	 * none is recorded.
	 */
	enum store_status (*position)(struct store *st, const char *journal,
	    uint64_t *seq, char *err, size_t errlen);
	/*
	 * Retention: deletes at most limit calls whose COALESCE(start_time,
	 * received_at) is before before_unix, oldest first, with their legs
	 * and samples (the foreign keys cascade), in one short transaction
	 * of its own. *deleted is the number of calls deleted: less than
	 * limit means none older is left (as far as this call could see).
	 */
	enum store_status (*purge)(struct store *st, double before_unix,
	    size_t limit, uint64_t *deleted, char *err, size_t errlen);
	/* STORE_OK when the database answers and is writable. */
	enum store_status (*ping)(struct store *st, char *err, size_t errlen);
	/*
	 * A read-only query, for the report (report.h), never the writer:
	 * runs sql with the text parameters params[0 .. nparams) (?1.. on
	 * SQLite, $1.. on PostgreSQL) and calls row(arg, ncols, values) for
	 * each result row, values[i] the column as text, NULL for SQL NULL
	 * (borrowed until row returns). row returning -1 stops the query:
	 * STORE_REJECT with err untouched.
	 */
	enum store_status (*query)(struct store *st, const char *sql,
	    const char *const *params, size_t nparams,
	    int (*row)(void *arg, size_t ncols, const char *const *values),
	    void *arg, char *err, size_t errlen);
	/* Closes and frees. NULL is a no-op. */
	void (*close)(struct store *st);
};

/* The back end of that name, or NULL. */
const struct store_backend *store_backend_find(const char *driver);

extern const struct store_backend store_backend_sqlite;
extern const struct store_backend store_backend_pg;

/*
 * Formats unix seconds as ISO-8601 UTC text with milliseconds,
 * "2026-11-27T07:18:31.123Z", into buf (at least STORE_TIME_LEN bytes).
 * Returns buf.
 */
#define STORE_TIME_LEN 32
/* Last second formatted without snprintf(): 9999-12-31T23:59:59Z. */
#define STORE_TIME_FAST_MAX 253402300799LL
char *store_time_format(double unix_s, char *buf, size_t len);
/* The same text through gmtime_r() and snprintf() for any time: what
 * store_time_format() does outside years 1970..9999 (and the tests'
 * reference for the rest). */
char *store_time_format_general(double unix_s, char *buf, size_t len);

#endif
