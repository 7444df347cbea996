/*
 * store_sqlite.c: implements the SQLite storage back end (store.h), the
 * embedded default: one database file, written by the writer thread only.
 *
 * Each put_batch is one IMMEDIATE transaction over statements prepared
 * once (after migrate). The merge rules are in the SQL below, not in C:
 * every data column is set with COALESCE(excluded.col, col), so a later
 * message fills in and updates but never erases a known value.
 *
 * Failures are split by what retrying can change: a locked, full,
 * read-only or unreachable database is STORE_RETRY (the writer spools and
 * tries again), anything else (a constraint the data breaks, bad SQL) is
 * STORE_REJECT. Either way the transaction is rolled back first, so a
 * batch is kept whole or not at all.
 */
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "migrate.h"
#include "record.h"
#include "store.h"
#include "store_sqlite_rollup.h"
#include "store_sqlite_sql.h"
#include "util.h"


enum sqlite_stmt {
	SQ_BEGIN,
	SQ_COMMIT,
	SQ_ROLLBACK,
	SQ_CALL,
	SQ_CALL_KEY,
	SQ_LEG,
	SQ_POSITION,
	SQ_POSITION_GET,
	SQ_KEYS_CLEAR,
	SQ_KEY,
	SQ_CONTRIB,
	SQ_ADD_HOUR,
	SQ_ADD_MOS,
	SQ_CALL_SET,
	SQ_COUNT
};

static const char *const sqlite_stmt_sql[SQ_COUNT] = {
	[SQ_BEGIN] = "BEGIN IMMEDIATE",
	[SQ_COMMIT] = "COMMIT",
	[SQ_ROLLBACK] = "ROLLBACK",
	[SQ_CALL] = STORE_SQLITE_SQL_CALL,
	[SQ_CALL_KEY] = STORE_SQLITE_SQL_CALL_KEY,
	[SQ_LEG] = STORE_SQLITE_SQL_LEG,
	[SQ_POSITION] = "INSERT INTO journal_position (journal, seq, "
	    "updated_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', "
	    "'now')) ON CONFLICT (journal) DO UPDATE SET seq = excluded.seq, "
	    "updated_at = excluded.updated_at",
	[SQ_POSITION_GET] = "SELECT seq FROM journal_position WHERE "
	    "journal = ?1",
	[SQ_KEYS_CLEAR] = STORE_SQLITE_SQL_KEYS_CLEAR,
	[SQ_KEY] = STORE_SQLITE_SQL_KEY,
	[SQ_CONTRIB] = STORE_SQLITE_SQL_CONTRIB(STORE_SQLITE_SQL_KEYS_PK),
	[SQ_ADD_HOUR] = STORE_SQLITE_SQL_ADD_HOUR,
	[SQ_ADD_MOS] = STORE_SQLITE_SQL_ADD_MOS,
	[SQ_CALL_SET] = STORE_SQLITE_SQL_CALL_SET,
};

/*
 * An open database. Invariant: stmt[] are all NULL (before migrate) or all
 * prepared against the migrated schema; no statement is left un-reset
 * between calls, so none holds a lock.
 */
struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[SQ_COUNT];
	/* [i]: i + 1 samples in one statement, prepared on first use. */
	sqlite3_stmt *sample[STORE_SQLITE_SAMPLE_ROWS];
	struct sqlite_rollup_sums *sums;	/* empty between calls */
};

/* Fills err with "sqlite: <what>: <message of db>". */
static void
sqlite_err(struct store *st, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
sqlite_err(struct store *st, char *err, size_t errlen, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "sqlite: %s: %s", what,
	    st != NULL && st->db != NULL ? sqlite3_errmsg(st->db) :
	    "out of memory");
}

/* Whether an SQLite result code means "try again later". */
static bool
sqlite_is_transient(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_NOMEM:
		return true;
	default:
		return false;
	}
}

static enum store_status
sqlite_status(int rc)
{
	return sqlite_is_transient(rc) ? STORE_RETRY : STORE_REJECT;
}

/* Rolls back the open transaction, if any (SQLite may have done it). */
static void
sqlite_rollback(struct store *st)
{
	if (sqlite3_get_autocommit(st->db))
		return;
	if (st->stmt[SQ_ROLLBACK] != NULL) {
		sqlite3_step(st->stmt[SQ_ROLLBACK]);
		sqlite3_reset(st->stmt[SQ_ROLLBACK]);
	} else
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
sqlite_finalize_all(struct store *st)
{
	int i;

	for (i = 0; i < SQ_COUNT; i++) {
		sqlite3_finalize(st->stmt[i]);
		st->stmt[i] = NULL;
	}
	for (i = 0; i < STORE_SQLITE_SAMPLE_ROWS; i++) {
		sqlite3_finalize(st->sample[i]);
		st->sample[i] = NULL;
	}
}

/*
 * The statement that writes n samples (1 to STORE_SQLITE_SAMPLE_ROWS),
 * prepared the first time; NULL with *rc set when it cannot be.
 */
static sqlite3_stmt *
sqlite_sample_stmt(struct store *st, size_t n, int *rc)
{
	char sql[STORE_SQLITE_SQL_SAMPLES_LEN];

	if (st->sample[n - 1] != NULL)
		return st->sample[n - 1];
	store_sqlite_sql_samples(sql, n);
	*rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st->sample[n - 1], NULL);
	return *rc == SQLITE_OK ? st->sample[n - 1] : NULL;
}

/* Runs a statement that returns no rows; returns the SQLite code. */
static int
sqlite_run(sqlite3_stmt *stmt)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static void
sqlite_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
}

static void
sqlite_bind_real(sqlite3_stmt *stmt, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_double(stmt, i, v);
}

static void
sqlite_bind_int(sqlite3_stmt *stmt, int i, double v)
{
	if (isnan(v) || isinf(v))
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_int64(stmt, i, (sqlite3_int64)llround(v));
}

/* Binds a time as ISO text in buf (STORE_TIME_LEN bytes, kept alive). */
static void
sqlite_bind_time(sqlite3_stmt *stmt, int i, double unix_s, char *buf)
{
	if (isnan(unix_s) || isinf(unix_s))
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_text(stmt, i, store_time_format(unix_s, buf,
		    STORE_TIME_LEN), -1, SQLITE_STATIC);
}

/*
 * Binds a leg's media facts and mos_missing to the 11 parameters from
 * first on: all NULL but the reason when the reply did not name the side.
 */
static void
sqlite_bind_media(sqlite3_stmt *stmt, int first, const struct rec_leg *l,
    char *buf)
{
	const struct rec_media *m = &l->m;
	int i;

	if (!m->media) {
		for (i = 0; i < 10; i++)
			sqlite3_bind_null(stmt, first + i);
	} else {
		sqlite_bind_int(stmt, first, m->rtp_packets);
		sqlite_bind_int(stmt, first + 1, m->rtp_bytes);
		sqlite_bind_int(stmt, first + 2, m->rtp_errors);
		sqlite_bind_int(stmt, first + 3, m->rtcp_packets);
		sqlite_bind_text(stmt, first + 4, m->remote_addr[0] != '\0' ?
		    m->remote_addr : NULL);
		sqlite_bind_int(stmt, first + 5, m->remote_port);
		sqlite_bind_text(stmt, first + 6, m->protocol[0] != '\0' ?
		    m->protocol : NULL);
		sqlite_bind_text(stmt, first + 7, m->codec[0] != '\0' ?
		    m->codec : NULL);
		sqlite_bind_int(stmt, first + 8, m->ssrc);
		sqlite_bind_time(stmt, first + 9, m->last_packet, buf);
	}
	sqlite_bind_text(stmt, first + 10,
	    rec_missing_name((enum rec_missing)l->mos_missing));
}


/*
 * Runs a PRAGMA that may return a row. A failure is reported, with the
 * PRAGMA named, as the SQLite code.
 */
static int
sqlite_pragma(struct store *st, const char *sql, char *err, size_t errlen)
{
	int rc;

	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		sqlite_err(st, err, errlen, "%s on %s", sql, st->path);
	return rc;
}

/*
 * Before SQLite's first use in the process: no memory statistics. With
 * them (the library's default) every sqlite3_malloc and free takes a
 * global mutex and updates counters that nothing here reads; measured
 * under callgrind, that was about 4 % of the daemon's instructions per
 * message. sqlite3_config only works before sqlite3_initialize: if
 * something else initialised SQLite first (moscdrd --copy-from), it
 * refuses and the statistics simply stay on.
 */
static void
sqlite_init_once(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	(void)sqlite3_initialize();
}

static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

static enum store_status
sqlite_open(const struct store_config *cfg, struct store **out, char *err,
    size_t errlen)
{
	struct store *st;
	char sql[128];
	const char *pragmas[] = { STORE_SQLITE_PRAGMAS };
	size_t i;
	int rc;

	*out = NULL;
	if (cfg == NULL || cfg->path == NULL || cfg->path[0] == '\0') {
		snprintf(err, errlen, "sqlite: no database path configured");
		return STORE_REJECT;
	}
	pthread_once(&sqlite_once, sqlite_init_once);
	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(cfg->path);
	st->sums = sqlite_rollup_sums_new();
	rc = sqlite3_open_v2(cfg->path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		sqlite_err(st, err, errlen, "cannot open %s", cfg->path);
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	rc = sqlite3_busy_timeout(st->db, cfg->busy_timeout_ms > 0 ?
	    cfg->busy_timeout_ms : 0);
	if (rc != SQLITE_OK) {
		sqlite_err(st, err, errlen, "busy_timeout on %s", cfg->path);
		goto fail;
	}
	for (i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++)
		if ((rc = sqlite_pragma(st, pragmas[i], err, errlen)) !=
		    SQLITE_OK)
			goto fail;
	if (cfg->cache_kib > 0) {
		snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d",
		    cfg->cache_kib);
		if ((rc = sqlite_pragma(st, sql, err, errlen)) != SQLITE_OK)
			goto fail;
	}
	/*
	 * SQLite falls back to read-only when the file's modes forbid
	 * writing; every write would then fail. Say so now, as transient:
	 * the operator can fix the modes and the writer will open again.
	 */
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		snprintf(err, errlen, "sqlite: cannot write %s: the file is "
		    "read-only for this user", cfg->path);
		rc = SQLITE_READONLY;
		goto fail;
	}
	*out = st;
	return STORE_OK;
fail:
	sqlite3_close_v2(st->db);
	sqlite_rollup_sums_free(st->sums);
	free(st->path);
	free(st);
	return sqlite_status(rc);
}

/* Prepares every statement of put_batch and ping; 0 or an SQLite code. */
static int
sqlite_prepare_all(struct store *st, char *err, size_t errlen)
{
	int i, rc;

	/* The batch's keys for the rollups: a table of this connection
	 * (temp_store is memory). Foreign-key checks off from here on
	 * (store_sqlite_sql.h, STORE_SQLITE_SQL_FK_OFF). */
	if ((rc = sqlite3_exec(st->db, STORE_SQLITE_SQL_KEYS_TABLE, NULL, NULL,
	    NULL)) != SQLITE_OK || (rc = sqlite3_exec(st->db,
	    STORE_SQLITE_SQL_FK_OFF, NULL, NULL, NULL)) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "creating the rollups' temp table");
		return rc;
	}
	for (i = 0; i < SQ_COUNT; i++) {
		rc = sqlite3_prepare_v3(st->db, sqlite_stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &st->stmt[i], NULL);
		if (rc != SQLITE_OK) {
			sqlite_err(st, err, errlen, "prepare %.40s",
			    sqlite_stmt_sql[i]);
			sqlite_finalize_all(st);
			return rc;
		}
	}
	return SQLITE_OK;
}

/*
 * Runs sql with ?1 bound to arg and stores the first column of its first
 * row in *out (0 when it returns no row); an SQLite code.
 */
static int
sqlite_query_int(struct store *st, const char *sql, int arg, int *out)
{
	sqlite3_stmt *stmt;
	int rc;

	*out = 0;
	rc = sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, arg);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(stmt, 0);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(stmt);
	return rc;
}

/*
 * Applies the views (sql/sqlite/views.sql) when the database last ran
 * another text of them, inside the open migration transaction.
 */
static int
sqlite_apply_views(struct store *st)
{
	const struct migration *v = migrate_views("sqlite");
	char hash[MIGRATE_HASH_LEN];
	sqlite3_stmt *stmt;
	int rc, same;

	if (v == NULL)
		return SQLITE_OK;
	migrate_hash(v->sql, hash);
	rc = sqlite3_exec(st->db,
	    "CREATE TABLE IF NOT EXISTS moscdr_views ("
	    " id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL,"
	    " applied_at TEXT NOT NULL)", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(st->db,
	    "SELECT count(*) FROM moscdr_views WHERE hash = ?1", -1, &stmt,
	    NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	same = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) > 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return rc;
	if (same)
		return SQLITE_OK;
	if ((rc = sqlite3_exec(st->db, v->sql, NULL, NULL, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(st->db,
	    "INSERT INTO moscdr_views (id, hash, applied_at)"
	    " VALUES (1, ?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
	    " ON CONFLICT (id) DO UPDATE SET hash = excluded.hash,"
	    " applied_at = excluded.applied_at", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
sqlite_stamp_version(struct store *st, int version)
{
	sqlite3_stmt *stmt;
	int rc;

	rc = sqlite3_prepare_v2(st->db,
	    "INSERT INTO moscdr_schema_version (version, applied_at)"
	    " VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", -1, &stmt,
	    NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, version);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int sqlite_rollup(struct store *, sqlite3_stmt *, int, char *,
    size_t);
static int sqlite_rollup_write(struct store *, char *, size_t);

/* The version of the migration that creates the rollups. */
#define SQLITE_ROLLUP_VERSION	6
/*
 * Calls per step of the rollup fill: their sums are held in memory until
 * the step is written (at most one hour entry and four MOS entries per
 * call, about 1 KB in all).
 */
#define SQLITE_ROLLUP_FILL_STEP	5000

/*
 * Right after migration 006, inside its transaction: the rollups of the
 * calls already stored, through the writer's own pass, a range of
 * call_pk at a time. An SQLite code.
 */
static int
sqlite_rollup_fill(struct store *st, char *err, size_t errlen)
{
	sqlite3_stmt *fill = NULL;
	sqlite3_int64 lo = 0, top = 0;
	int rc;

	static const int need[] = { SQ_ADD_HOUR, SQ_ADD_MOS };
	size_t i;

	/* Only these: later migrations' tables may not exist yet. */
	rc = SQLITE_OK;
	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if ((rc = sqlite3_prepare_v2(st->db, sqlite_stmt_sql[need[i]],
		    -1, &st->stmt[need[i]], NULL)) != SQLITE_OK)
			goto out;
	rc = sqlite3_prepare_v2(st->db, STORE_SQLITE_SQL_CONTRIB(
	    "SELECT call_pk FROM call WHERE call_pk > ?1 AND call_pk <= ?2"),
	    -1, &fill, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_stmt *q;

		rc = sqlite3_prepare_v2(st->db, "SELECT coalesce(max(call_pk),"
		    " 0) FROM call", -1, &q, NULL);
		if (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
			top = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
	}
	while (rc == SQLITE_OK && lo < top) {
		sqlite3_bind_int64(fill, 1, lo);
		sqlite3_bind_int64(fill, 2, lo + SQLITE_ROLLUP_FILL_STEP);
		rc = sqlite_rollup(st, fill, 1, err, errlen);
		if (rc == SQLITE_OK)
			rc = sqlite_rollup_write(st, err, errlen);
		lo += SQLITE_ROLLUP_FILL_STEP;
	}
out:
	if (rc != SQLITE_OK)
		sqlite_err(st, err, errlen, "migrate %s: filling the rollups",
		    st->path);
	sqlite3_finalize(fill);
	sqlite_finalize_all(st);
	sqlite_rollup_sums_clear(st->sums);
	return rc;
}

static enum store_status
sqlite_migrate(struct store *st, char *err, size_t errlen)
{
	const struct migration *m;
	size_t i, n;
	int current = 0, latest, done, rc;

	/* The schema may change under them: prepare again afterwards. */
	sqlite_finalize_all(st);
	n = migrate_list("sqlite", &m);
	latest = migrate_latest("sqlite");

	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite_err(st, err, errlen, "migrate %s: begin", st->path);
		return sqlite_status(rc);
	}
	rc = sqlite3_exec(st->db,
	    "CREATE TABLE IF NOT EXISTS moscdr_schema_version ("
	    " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
	    NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite_query_int(st, "SELECT coalesce(max(version), 0)"
		    " FROM moscdr_schema_version WHERE version > ?1", 0,
		    &current);
	if (rc != SQLITE_OK) {
		sqlite_err(st, err, errlen,
		    "migrate %s: reading moscdr_schema_version", st->path);
		goto fail;
	}
	if (current > latest) {
		sqlite_rollback(st);
		snprintf(err, errlen, "sqlite: %s: database schema version %d "
		    "is newer than this moscdrd (%d): upgrade moscdrd",
		    st->path, current, latest);
		return STORE_REJECT;
	}
	for (i = 0; i < n; i++) {
		rc = sqlite_query_int(st, "SELECT count(*) FROM"
		    " moscdr_schema_version WHERE version = ?1", m[i].version,
		    &done);
		if (rc == SQLITE_OK && done == 0)
			rc = sqlite3_exec(st->db, m[i].sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK && done == 0)
			rc = sqlite_stamp_version(st, m[i].version);
		if (rc == SQLITE_OK && done == 0 &&
		    m[i].version == SQLITE_ROLLUP_VERSION &&
		    (rc = sqlite_rollup_fill(st, err, errlen)) != SQLITE_OK)
			goto fail;
		if (rc != SQLITE_OK) {
			sqlite_err(st, err, errlen, "migrate %s: sql/sqlite/%s",
			    st->path, m[i].name);
			goto fail;
		}
	}
	if ((rc = sqlite_apply_views(st)) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "migrate %s: sql/sqlite/views.sql",
		    st->path);
		goto fail;
	}
	rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite_err(st, err, errlen, "migrate %s: commit", st->path);
		goto fail;
	}
	rc = sqlite_prepare_all(st, err, errlen);
	return rc == SQLITE_OK ? STORE_OK : sqlite_status(rc);
fail:
	sqlite_rollback(st);
	return sqlite_status(rc);
}

/*
 * Upserts one record inside the open transaction. Returns an SQLite code;
 * on failure err says which row.
 */
static int
sqlite_put_record(struct store *st, const struct record *r,
    struct store_counts *c, unsigned char *created, char *err,
    size_t errlen)
{
	sqlite3_stmt *s;
	char t_start[STORE_TIME_LEN], t_end[STORE_TIME_LEN];
	char t_answer[STORE_TIME_LEN];
	char t_recv[STORE_TIME_LEN];
	char t_rep[STORE_SQLITE_SAMPLE_ROWS][STORE_TIME_LEN];
	char t_last[STORE_TIME_LEN];
	sqlite3_int64 call_pk, before, messages;
	size_t i, j, n;
	int rc, p;

	s = st->stmt[SQ_CALL];
	sqlite_bind_text(s, 1, r->node);
	sqlite_bind_text(s, 2, r->call_id);
	sqlite_bind_text(s, 3, r->from_tag);
	sqlite_bind_text(s, 4, r->to_tag);
	sqlite_bind_text(s, 5, r->from_uri);
	sqlite_bind_text(s, 6, r->to_uri);
	sqlite_bind_int(s, 7, r->sip_code);
	sqlite_bind_text(s, 8, r->sip_reason);
	sqlite_bind_time(s, 9, r->start_time, t_start);
	sqlite_bind_time(s, 10, r->end_time, t_end);
	sqlite_bind_time(s, 13, r->answer_time, t_answer);
	/* received_at is NOT NULL: a record without one was received now. */
	sqlite_bind_time(s, 11, isnan(r->received_at) ? util_now() :
	    r->received_at, t_recv);
	sqlite_bind_text(s, 12, r->extra);
	/*
	 * An insert sets last_insert_rowid to the new call_pk; a merge (DO
	 * UPDATE) leaves it as it was. So a changed value is a new call.
	 * An unchanged one is a merge, or a new call whose call_pk happens
	 * to equal the rowid last inserted into another table: either way
	 * SQ_CALL_KEY reads the key and the message count.
	 */
	before = sqlite3_last_insert_rowid(st->db);
	rc = sqlite_run(s);
	if (rc != SQLITE_OK) {
		sqlite_err(st, err, errlen, "call %s", r->call_id);
		return rc;
	}
	call_pk = sqlite3_last_insert_rowid(st->db);
	messages = 1;
	if (call_pk == before) {
		sqlite3_stmt *k = st->stmt[SQ_CALL_KEY];

		sqlite_bind_text(k, 1, r->call_id);
		sqlite_bind_text(k, 2, r->node);
		rc = sqlite3_step(k);
		if (rc == SQLITE_ROW) {
			call_pk = sqlite3_column_int64(k, 0);
			messages = sqlite3_column_int64(k, 1);
		}
		sqlite3_reset(k);
		if (rc != SQLITE_ROW) {
			sqlite_err(st, err, errlen, "key of call %s",
			    r->call_id);
			return rc == SQLITE_DONE ? SQLITE_INTERNAL : rc;
		}
	}
	/* messages is 1 only on the insert: a merge adds one. */
	if (messages > 1)
		c->calls_merged++;
	else
		c->calls_new++;
	if (created != NULL)
		*created = messages <= 1;

	s = st->stmt[SQ_LEG];
	for (i = 0; i < 2; i++) {
		if (!r->legs[i].present)
			continue;
		sqlite3_bind_int64(s, 1, call_pk);
		sqlite_bind_text(s, 2, rec_side_name((int)i));
		sqlite_bind_text(s, 3, r->legs[i].label);
		sqlite_bind_media(s, 4, &r->legs[i], t_last);
		if ((rc = sqlite_run(s)) != SQLITE_OK) {
			sqlite_err(st, err, errlen, "leg %s of call %s",
			    rec_side_name((int)i), r->call_id);
			return rc;
		}
		c->legs++;
	}

	/* The samples, up to STORE_SQLITE_SAMPLE_ROWS per statement. */
	for (i = 0; i < r->nsamples; i += n) {
		n = r->nsamples - i;
		if (n > STORE_SQLITE_SAMPLE_ROWS)
			n = STORE_SQLITE_SAMPLE_ROWS;
		if ((s = sqlite_sample_stmt(st, n, &rc)) == NULL) {
			sqlite_err(st, err, errlen, "prepare %zu samples", n);
			return rc;
		}
		for (j = 0; j < n; j++) {
			const struct rec_sample *x = &r->samples[i + j];

			p = (int)j * STORE_SQLITE_SAMPLE_PARAMS;
			sqlite3_bind_int64(s, p + 1, call_pk);
			sqlite_bind_text(s, p + 2, x->scope < REC_SCOPE_COUNT ?
			    rec_scope_name(x->scope) : NULL);
			sqlite_bind_text(s, p + 3, x->kind < REC_KIND_COUNT ?
			    rec_kind_name(x->kind) : NULL);
			sqlite3_bind_int(s, p + 4, x->seq);
			sqlite_bind_real(s, p + 5, x->mos);
			sqlite_bind_real(s, p + 6, x->packetloss_pct);
			sqlite_bind_real(s, p + 7, x->jitter_ms);
			sqlite_bind_int(s, p + 8, x->roundtrip_us);
			sqlite_bind_int(s, p + 9, x->roundtrip_leg_us);
			sqlite_bind_int(s, p + 10, x->samples);
			sqlite_bind_int(s, p + 11, x->at_offset_s);
			sqlite_bind_time(s, p + 12, x->reported_at, t_rep[j]);
		}
		if ((rc = sqlite_run(s)) != SQLITE_OK) {
			sqlite_err(st, err, errlen, "samples %zu to %zu of call "
			    "%s", i, i + n - 1, r->call_id);
			return rc;
		}
		c->samples += n;
	}
	return SQLITE_OK;
}

/*
 * A rollup pass (store_sqlite_sql.h): the contributions of the calls
 * contrib selects (a prepared CONTRIB, bound) added to st->sums times
 * sign: -1 before the batch's upserts takes the touched calls' current
 * contributions out, 1 after them puts their new ones in. Nothing is
 * written before sqlite_rollup_write. An SQLite code.
 */
static int
sqlite_rollup(struct store *st, sqlite3_stmt *contrib, int sign, char *err,
    size_t errlen)
{
	int rc = sqlite_rollup_sums_pass(st->sums, contrib, sign);

	if (rc != SQLITE_OK)
		sqlite_err(st, err, errlen, "reading the calls' contributions "
		    "to the rollups on %s", st->path);
	return rc;
}

/*
 * Each rollup key's sums added to its row, once, and the stored figures
 * of the calls the pass after the upserts read; an SQLite code.
 */
static int
sqlite_rollup_write(struct store *st, char *err, size_t errlen)
{
	int rc = sqlite_rollup_sums_write(st->sums, st->stmt[SQ_ADD_HOUR],
	    st->stmt[SQ_ADD_MOS], st->stmt[SQ_CALL_SET]);

	if (rc != SQLITE_OK)
		sqlite_err(st, err, errlen, "adding to the rollups and setting "
		    "the calls' figures on %s", st->path);
	return rc;
}

/* The keys of the batch's records into temp.moscdr_keys. */
static int
sqlite_keys(struct store *st, struct record *const *recs, size_t n,
    char *err, size_t errlen)
{
	sqlite3_stmt *k = st->stmt[SQ_KEY];
	size_t i;
	int rc;

	if ((rc = sqlite_run(st->stmt[SQ_KEYS_CLEAR])) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "clearing temp.moscdr_keys");
		return rc;
	}
	for (i = 0; i < n; i++) {
		sqlite_bind_text(k, 1, recs[i]->call_id);
		sqlite_bind_text(k, 2, recs[i]->node);
		if ((rc = sqlite_run(k)) != SQLITE_OK) {
			sqlite_err(st, err, errlen, "key of call %s",
			    recs[i]->call_id);
			return rc;
		}
	}
	return SQLITE_OK;
}

static enum store_status
sqlite_put_batch_at(struct store *st, struct record *const *recs, size_t n,
    const struct store_position *pos, struct store_counts *counts, char *err,
    size_t errlen)
{
	struct store_counts c = { 0, 0, 0, 0, NULL };
	unsigned char *created = counts != NULL ? counts->created : NULL;
	size_t i;
	int rc;

	if (st->stmt[SQ_BEGIN] == NULL) {
		snprintf(err, errlen, "sqlite: %s: put_batch before migrate",
		    st->path);
		return STORE_REJECT;
	}
	if ((rc = sqlite_run(st->stmt[SQ_BEGIN])) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "begin on %s", st->path);
		return sqlite_status(rc);
	}
	sqlite_rollup_sums_clear(st->sums);
	if (n > 0 && ((rc = sqlite_keys(st, recs, n, err, errlen)) !=
	    SQLITE_OK || (rc = sqlite_rollup(st, st->stmt[SQ_CONTRIB], -1,
	    err, errlen)) != SQLITE_OK))
		goto fail;
	for (i = 0; i < n; i++)
		if ((rc = sqlite_put_record(st, recs[i], &c, created != NULL ?
		    &created[i] : NULL, err, errlen)) != SQLITE_OK)
			goto fail;
	if (n > 0 && ((rc = sqlite_rollup(st, st->stmt[SQ_CONTRIB], 1,
	    err, errlen)) != SQLITE_OK || (rc = sqlite_rollup_write(st, err,
	    errlen)) != SQLITE_OK))
		goto fail;
	if (pos != NULL) {
		sqlite3_stmt *p = st->stmt[SQ_POSITION];

		sqlite3_bind_text(p, 1, pos->journal, -1, SQLITE_STATIC);
		sqlite3_bind_int64(p, 2, (sqlite3_int64)pos->seq);
		if ((rc = sqlite_run(p)) != SQLITE_OK) {
			sqlite_err(st, err, errlen, "journal position on %s",
			    st->path);
			goto fail;
		}
	}
	if ((rc = sqlite_run(st->stmt[SQ_COMMIT])) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "commit on %s", st->path);
		goto fail;
	}
	if (counts != NULL) {
		counts->calls_new += c.calls_new;
		counts->calls_merged += c.calls_merged;
		counts->legs += c.legs;
		counts->samples += c.samples;
	}
	return STORE_OK;
fail:
	sqlite_rollback(st);
	sqlite_rollup_sums_clear(st->sums);
	return sqlite_status(rc);
}

static enum store_status
sqlite_put_batch(struct store *st, struct record *const *recs, size_t n,
    struct store_counts *counts, char *err, size_t errlen)
{
	return sqlite_put_batch_at(st, recs, n, NULL, counts, err, errlen);
}

static enum store_status
sqlite_position(struct store *st, const char *journal, uint64_t *seq,
    char *err, size_t errlen)
{
	sqlite3_stmt *p = st->stmt[SQ_POSITION_GET];
	int rc;

	*seq = 0;
	if (p == NULL) {
		snprintf(err, errlen, "sqlite: %s: position before migrate",
		    st->path);
		return STORE_REJECT;
	}
	sqlite3_bind_text(p, 1, journal, -1, SQLITE_STATIC);
	rc = sqlite3_step(p);
	if (rc == SQLITE_ROW)
		*seq = (uint64_t)sqlite3_column_int64(p, 0);
	else if (rc != SQLITE_DONE)
		sqlite_err(st, err, errlen, "journal position on %s",
		    st->path);
	sqlite3_reset(p);
	sqlite3_clear_bindings(p);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK :
	    sqlite_status(rc);
}

static enum store_status
sqlite_ping(struct store *st, char *err, size_t errlen)
{
	int rc;

	/*
	 * Taking the write lock proves the file is there and not locked by
	 * another writer; BEGIN IMMEDIATE succeeds on a read-only handle, so
	 * that is checked separately.
	 */
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		snprintf(err, errlen, "sqlite: ping %s: the file is read-only",
		    st->path);
		return STORE_RETRY;
	}
	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite_err(st, err, errlen, "ping %s", st->path);
		return sqlite_status(rc);
	}
	sqlite_rollback(st);
	return STORE_OK;
}

static void
sqlite_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite_finalize_all(st);
	/* Checkpoints the WAL into the file when this is the last user. */
	sqlite3_close_v2(st->db);
	sqlite_rollup_sums_free(st->sums);
	free(st->path);
	free(st);
}

/*
 * Retention (store.h): one IMMEDIATE transaction deleting the oldest calls
 * before the cutoff, found through the call_retention index (migration
 * 003); legs and samples follow by ON DELETE CASCADE: foreign_keys is
 * turned on for it, and off again afterwards for the writer's batches.
 * Prepared per call: it runs a few times a minute at most.
 */
static enum store_status
sqlite_purge(struct store *st, double before_unix, size_t limit,
    uint64_t *deleted, char *err, size_t errlen)
{
	static const char sql[] =
	    "DELETE FROM call WHERE call_pk IN (SELECT call_pk FROM call"
	    " WHERE coalesce(start_time, received_at) < ?1"
	    " ORDER BY coalesce(start_time, received_at) LIMIT ?2)";
	sqlite3_stmt *stmt = NULL;
	char when[STORE_TIME_LEN];
	int rc;

	*deleted = 0;
	if (st->stmt[SQ_BEGIN] == NULL) {
		snprintf(err, errlen, "sqlite: %s: purge before migrate",
		    st->path);
		return STORE_REJECT;
	}
	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL)) !=
	    SQLITE_OK) {
		sqlite_err(st, err, errlen, "preparing the purge on %s",
		    st->path);
		return sqlite_status(rc);
	}
	sqlite_bind_time(stmt, 1, before_unix, when);
	sqlite3_bind_int64(stmt, 2, (sqlite3_int64)limit);
	if ((rc = sqlite3_exec(st->db, STORE_SQLITE_SQL_FK_ON, NULL, NULL,
	    NULL)) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "foreign_keys on %s", st->path);
		goto done;
	}
	if ((rc = sqlite_run(st->stmt[SQ_BEGIN])) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "begin on %s", st->path);
		goto done;
	}
	if ((rc = sqlite3_step(stmt)) != SQLITE_DONE) {
		sqlite_err(st, err, errlen, "purge on %s", st->path);
		sqlite_rollback(st);
		goto done;
	}
	/* Counts the call rows only, not the cascaded ones. */
	*deleted = (uint64_t)sqlite3_changes(st->db);
	if ((rc = sqlite_run(st->stmt[SQ_COMMIT])) != SQLITE_OK) {
		sqlite_err(st, err, errlen, "commit on %s", st->path);
		sqlite_rollback(st);
		*deleted = 0;
		goto done;
	}
	rc = SQLITE_OK;
done:
	sqlite3_finalize(stmt);
	/* Outside any transaction now: the pragma takes effect. */
	(void)sqlite3_exec(st->db, STORE_SQLITE_SQL_FK_OFF, NULL, NULL, NULL);
	return rc == SQLITE_OK ? STORE_OK : sqlite_status(rc);
}

/* The report's read-only queries (store.h, query). */
static enum store_status
sqlite_query(struct store *st, const char *sql, const char *const *params,
    size_t nparams, int (*row)(void *, size_t, const char *const *),
    void *arg, char *err, size_t errlen)
{
	const char *vals[STORE_QUERY_COLS_MAX];
	char real[STORE_QUERY_COLS_MAX][32];
	sqlite3_stmt *stmt = NULL;
	size_t i, ncols;
	int rc;

	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL)) !=
	    SQLITE_OK) {
		sqlite_err(st, err, errlen, "query on %s", st->path);
		return sqlite_status(rc);
	}
	for (i = 0; i < nparams; i++)
		sqlite3_bind_text(stmt, (int)i + 1, params[i], -1,
		    SQLITE_STATIC);
	ncols = (size_t)sqlite3_column_count(stmt);
	if (ncols > STORE_QUERY_COLS_MAX)
		ncols = STORE_QUERY_COLS_MAX;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < ncols; i++) {
			/* SQLite's own text of a REAL has 15 digits: not
			 * always the same double again. */
			if (sqlite3_column_type(stmt, (int)i) == SQLITE_FLOAT) {
				snprintf(real[i], sizeof(real[i]), "%.17g",
				    sqlite3_column_double(stmt, (int)i));
				vals[i] = real[i];
			} else
				vals[i] = (const char *)sqlite3_column_text(
				    stmt, (int)i);
		}
		if (row(arg, ncols, vals) == -1) {
			sqlite3_finalize(stmt);
			return STORE_REJECT;
		}
	}
	if (rc != SQLITE_DONE)
		sqlite_err(st, err, errlen, "query on %s", st->path);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? STORE_OK : sqlite_status(rc);
}

const struct store_backend store_backend_sqlite = {
	.name = "sqlite",
	.open = sqlite_open,
	.migrate = sqlite_migrate,
	.put_batch = sqlite_put_batch,
	.put_batch_at = sqlite_put_batch_at,
	.position = sqlite_position,
	.purge = sqlite_purge,
	.ping = sqlite_ping,
	.query = sqlite_query,
	.close = sqlite_close,
};
