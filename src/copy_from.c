/*
 * copy_from.c: implements copy_from.h.
 *
 * The columns copied are those that both databases have (a column only
 * one side knows is left alone), so the copy follows the migrations of
 * either side. Per chunk of calls (by SQLite call_pk): COPY the rows into
 * temporary tables shaped like the real ones, upsert the calls and map
 * their SQLite call_pk to the PostgreSQL one, then upsert legs and
 * samples through that map, then advance moscdr_copy, all in one
 * transaction. Values travel as text: SQLite's times are ISO-8601 UTC,
 * which timestamptz reads; its 1/0 are booleans PostgreSQL reads.
 */
#include <limits.h>
#include <linux/limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "copy_from.h"
#include "store.h"
#include "store_pg_sql.h"
#include "util.h"

#define CF_CHUNK	2000
/* The calls of a chunk in PostgreSQL, for the rollups. */
#define CF_CHUNK_KEYS	"SELECT k.call_pk, k.part_at FROM cp_call AS s" \
	" JOIN call AS k ON k.call_id = s.call_id AND k.node = s.node" \
	" AND k.part_at = s.part_at"
#define CF_STR2(x)	#x
#define CF_STR(x)	CF_STR2(x)
#define CF_MAXCOLS	64

struct cf_table {
	const char *name;
	const char *key;	/* ON CONFLICT target */
	char *cols[CF_MAXCOLS];	/* common columns but call_pk, PG order */
	size_t ncols;
};

struct cf_buf {
	char *p;
	size_t len, cap;
};

static void
cf_add(struct cf_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
cf_str(struct cf_buf *b, const char *s)
{
	cf_add(b, s, strlen(s));
}

static int
cf_fail(char *err, size_t errlen, const char *what, const char *msg)
{
	size_t n;

	snprintf(err, errlen, "copy-from: %s: %s", what, msg);
	n = strlen(err);
	while (n > 0 && (err[n - 1] == '\n' || err[n - 1] == ' '))
		err[--n] = '\0';
	return -1;
}

static int
cf_exec(PGconn *c, const char *sql, ExecStatusType want, const char *what,
    char *err, size_t errlen)
{
	PGresult *res = PQexec(c, sql);
	int rc = 0;

	if (PQresultStatus(res) != want)
		rc = cf_fail(err, errlen, what, PQerrorMessage(c));
	PQclear(res);
	return rc;
}

/* The columns of t that both sides have, in PostgreSQL's order. */
static int
cf_columns(PGconn *c, sqlite3 *db, struct cf_table *t, char *err,
    size_t errlen)
{
	const char *param[1] = { t->name };
	sqlite3_stmt *st;
	PGresult *res;
	char sql[128];
	int i, found;

	res = PQexecParams(c, "SELECT column_name FROM information_schema"
	    ".columns WHERE table_schema = current_schema() AND table_name = $1"
	    " AND is_generated = 'NEVER' AND is_identity = 'NO'"
	    " AND column_name <> 'call_pk' ORDER BY ordinal_position", 1, NULL,
	    param, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		cf_fail(err, errlen, "reading the PostgreSQL columns",
		    PQerrorMessage(c));
		PQclear(res);
		return -1;
	}
	snprintf(sql, sizeof(sql), "SELECT 1 FROM pragma_table_info('%s')"
	    " WHERE name = ?", t->name);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		PQclear(res);
		return cf_fail(err, errlen, "reading the SQLite columns",
		    sqlite3_errmsg(db));
	}
	t->ncols = 0;
	for (i = 0; i < PQntuples(res) && t->ncols < CF_MAXCOLS; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, PQgetvalue(res, i, 0), -1,
		    SQLITE_TRANSIENT);
		found = sqlite3_step(st) == SQLITE_ROW;
		if (found)
			t->cols[t->ncols++] = xstrdup(PQgetvalue(res, i, 0));
	}
	sqlite3_finalize(st);
	PQclear(res);
	if (t->ncols == 0)
		return cf_fail(err, errlen, t->name, "no common columns");
	return 0;
}

static void
cf_list(struct cf_buf *b, const struct cf_table *t, const char *prefix)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (i > 0 || prefix[0] != '\0')
			cf_str(b, ", ");
		cf_str(b, t->cols[i]);
	}
}

static bool
cf_in_key(const struct cf_table *t, const char *col)
{
	char key[128], *p, *save = NULL;

	snprintf(key, sizeof(key), "%s", t->key);
	for (p = strtok_r(key, ", ", &save); p != NULL;
	    p = strtok_r(NULL, ", ", &save))
		if (strcmp(p, col) == 0)
			return true;
	return false;
}

/* "SET a = COALESCE(t.a, excluded.a), ..." with the call's own rules. */
static void
cf_merge_set(struct cf_buf *b, const struct cf_table *t)
{
	const char *c;
	size_t i, n = 0;

	for (i = 0; i < t->ncols; i++) {
		c = t->cols[i];
		if (cf_in_key(t, c))
			continue;
		cf_str(b, n++ == 0 ? " DO UPDATE SET " : ", ");
		cf_str(b, c);
		if (strcmp(t->name, "call") == 0 && strcmp(c, "messages") == 0)
			cf_str(b, " = t.messages + excluded.messages");
		else if (strcmp(t->name, "call") == 0 &&
		    strcmp(c, "received_at") == 0)
			cf_str(b, " = LEAST(t.received_at, excluded.received_at)");
		else if (strcmp(t->name, "call") == 0 &&
		    strcmp(c, "updated_at") == 0)
			cf_str(b, " = GREATEST(t.updated_at, excluded.updated_at)");
		else if (strcmp(c, "extra") == 0)
			cf_str(b, " = COALESCE(excluded.extra || t.extra,"
			    " t.extra, excluded.extra)");
		else {
			cf_str(b, " = COALESCE(t.");
			cf_str(b, c);
			cf_str(b, ", excluded.");
			cf_str(b, c);
			cf_str(b, ")");
		}
	}
	if (n == 0)
		cf_str(b, " DO NOTHING");
}

/* COPY text of one SQLite value: \N, or the text with \ \t \n \r escaped. */
static void
cf_copy_value(struct cf_buf *b, sqlite3_stmt *st, int i)
{
	const unsigned char *v;
	char esc[2] = { '\\', 0 };

	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		cf_str(b, "\\N");
		return;
	}
	for (v = sqlite3_column_text(st, i); v != NULL && *v != '\0'; v++) {
		switch (*v) {
		case '\\': esc[1] = '\\'; break;
		case '\t': esc[1] = 't'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		default: cf_add(b, (const char *)v, 1); continue;
		}
		cf_add(b, esc, 2);
	}
}

/* Streams the rows of sql (first column: call_pk) into COPY table. */
static int
cf_copy_rows(PGconn *c, sqlite3 *db, const char *sql, long long lo,
    long long hi, const char *table, char *err, size_t errlen)
{
	struct cf_buf b = { NULL, 0, 0 };
	sqlite3_stmt *st;
	PGresult *res;
	char copy[96];
	int i, n, rc = 0, step;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return cf_fail(err, errlen, "reading SQLite", sqlite3_errmsg(db));
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	snprintf(copy, sizeof(copy), "COPY %s FROM STDIN", table);
	res = PQexec(c, copy);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		PQclear(res);
		sqlite3_finalize(st);
		return cf_fail(err, errlen, copy, PQerrorMessage(c));
	}
	PQclear(res);
	n = sqlite3_column_count(st);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++) {
			if (i > 0)
				cf_str(&b, "\t");
			cf_copy_value(&b, st, i);
		}
		cf_str(&b, "\n");
		if (b.len > 65536) {
			if (PQputCopyData(c, b.p, (int)b.len) != 1)
				rc = -1;
			b.len = 0;
		}
	}
	if (step != SQLITE_DONE) {
		cf_fail(err, errlen, "reading SQLite", sqlite3_errmsg(db));
		rc = -1;
	}
	if (rc == 0 && b.len > 0 && PQputCopyData(c, b.p, (int)b.len) != 1)
		rc = -1;
	PQputCopyEnd(c, rc == 0 ? NULL : "aborted");
	res = PQgetResult(c);
	if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == 0)
		rc = cf_fail(err, errlen, copy, PQerrorMessage(c));
	PQclear(res);
	while ((res = PQgetResult(c)) != NULL)
		PQclear(res);
	sqlite3_finalize(st);
	free(b.p);
	return rc;
}

int
copy_from_sqlite(const char *conninfo, const char *path, char *err,
    size_t errlen)
{
	struct store_config sc = { "postgresql", NULL, conninfo, 0, 0, 10,
	    0, 0 };
	struct cf_table t[3] = {
		{ "call", "call_id, node", { NULL }, 0 },
		{ "leg", "call_pk, side, part_at", { NULL }, 0 },
		{ "mos_sample", "call_pk, scope, kind, seq, part_at", { NULL },
		    0 },
	};
	struct cf_buf q = { NULL, 0, 0 }, sel[3] = { { NULL, 0, 0 } };
	char source[PATH_MAX], num[64];
	const char *param[1];
	struct store *store;
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	PGconn *c = NULL;
	PGresult *res;
	long long last = 0, hi, copied = 0, total = 0;
	size_t k;
	int rc = -1, i;

	if (realpath(path, source) == NULL)
		return cf_fail(err, errlen, path, "no such file");
	if (store_backend_pg.open(&sc, &store, err, errlen) != STORE_OK)
		return -1;
	if (store_backend_pg.migrate(store, err, errlen) != STORE_OK) {
		store_backend_pg.close(store);
		return -1;
	}
	store_backend_pg.close(store);
	if (sqlite3_open_v2(source, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		cf_fail(err, errlen, source, sqlite3_errmsg(db));
		goto out;
	}
	sqlite3_busy_timeout(db, 10000);
	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		cf_fail(err, errlen, "connecting to PostgreSQL",
		    PQerrorMessage(c));
		goto out;
	}
	if (cf_exec(c, "SET client_min_messages = warning;"
	    "CREATE TABLE IF NOT EXISTS moscdr_copy (source text PRIMARY KEY,"
	    " last_call_pk bigint NOT NULL, calls bigint NOT NULL,"
	    " updated_at timestamptz NOT NULL DEFAULT now())",
	    PGRES_COMMAND_OK, "creating moscdr_copy", err, errlen) == -1)
		goto out;
	for (k = 0; k < 3; k++)
		if (cf_columns(c, db, &t[k], err, errlen) == -1)
			goto out;
	param[0] = source;
	res = PQexecParams(c, "SELECT last_call_pk FROM moscdr_copy"
	    " WHERE source = $1", 1, NULL, param, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		cf_fail(err, errlen, "reading moscdr_copy", PQerrorMessage(c));
		PQclear(res);
		goto out;
	}
	if (PQntuples(res) == 1)
		last = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM call WHERE call_pk > ?",
	    -1, &st, NULL) != SQLITE_OK) {
		cf_fail(err, errlen, source, sqlite3_errmsg(db));
		goto out;
	}
	sqlite3_bind_int64(st, 1, last);
	if (sqlite3_step(st) == SQLITE_ROW)
		total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	printf("copy-from %s: %lld calls to copy%s\n", source, total,
	    last > 0 ? " (resuming an earlier copy)" : "");
	/* SELECT call_pk, <common columns> ... WHERE call_pk in (lo, hi]. */
	for (k = 0; k < 3; k++) {
		cf_str(&sel[k], "SELECT call_pk");
		cf_list(&sel[k], &t[k], ",");
		cf_str(&sel[k], " FROM ");
		cf_str(&sel[k], t[k].name);
		cf_str(&sel[k], " WHERE call_pk > ?1 AND call_pk <= ?2");
	}
	for (;;) {
		if (sqlite3_prepare_v2(db, "SELECT max(call_pk), count(*) FROM"
		    " (SELECT call_pk FROM call WHERE call_pk > ? ORDER BY"
		    " call_pk LIMIT " CF_STR(CF_CHUNK) ")", -1, &st, NULL) !=
		    SQLITE_OK) {
			cf_fail(err, errlen, source, sqlite3_errmsg(db));
			goto out;
		}
		sqlite3_bind_int64(st, 1, last);
		hi = 0;
		i = 0;
		if (sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_type(st, 0) != SQLITE_NULL) {
			hi = sqlite3_column_int64(st, 0);
			i = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
		if (hi == 0)
			break;
		q.len = 0;
		cf_str(&q, "BEGIN; SET LOCAL client_min_messages = warning;");
		for (k = 0; k < 3; k++) {
			cf_str(&q, "CREATE TEMP TABLE cp_");
			cf_str(&q, t[k].name);
			cf_str(&q, " ON COMMIT DROP AS SELECT 0::bigint AS src_pk");
			cf_list(&q, &t[k], ",");
			cf_str(&q, " FROM ");
			cf_str(&q, t[k].name);
			cf_str(&q, " WITH NO DATA;");
		}
		cf_str(&q, "CREATE TEMP TABLE cp_map (src_pk bigint,"
		    " call_pk bigint, part_at timestamptz) ON COMMIT DROP");
		if (cf_exec(c, q.p, PGRES_COMMAND_OK, "starting a chunk", err,
		    errlen) == -1)
			goto out;
		for (k = 0; k < 3; k++) {
			char name[32];

			snprintf(name, sizeof(name), "cp_%s", t[k].name);
			if (cf_copy_rows(c, db, sel[k].p, last, hi, name, err,
			    errlen) == -1)
				goto out;
		}
		/*
		 * The rollups: the chunk's calls already in PostgreSQL out,
		 * then, after the merge, all of them in (as the writer does).
		 * Calls in key order (the daemons' lock order), then map.
		 */
		q.len = 0;
		/* part_at: the partition key, after the COPY, before the
		 * merge (STORE_PG_PART_AT, under the node locks). */
		cf_str(&q, "ALTER TABLE cp_call ADD COLUMN part_at timestamptz;");
		cf_str(&q, STORE_PG_NODE_LOCK("cp_call") ";");
		cf_str(&q, STORE_PG_PART_AT("cp_call",
		    "coalesce(start_time, received_at)", "start_time", "") ";");
		/* The chunk's days get partitions (of a day) before the
		 * merge, rather than the DEFAULT partition's detour. */
		cf_str(&q, "SELECT moscdr_partition_make(d, 1) FROM (SELECT"
		    " DISTINCT date_trunc('day', part_at, 'UTC') AS d"
		    " FROM cp_call) AS days;");
		cf_str(&q, STORE_PG_ROLLUP_PLAN);
		cf_str(&q, STORE_PG_ROLLUP("-1", CF_CHUNK_KEYS) ";");
		cf_str(&q, STORE_PG_ROLLUP_UNPLAN);
		cf_str(&q, "WITH c AS (INSERT INTO call AS t (");
		cf_list(&q, &t[0], "");
		cf_str(&q, ", part_at) SELECT ");
		cf_list(&q, &t[0], "");
		cf_str(&q, ", part_at FROM cp_call ORDER BY call_id, node"
		    " ON CONFLICT (call_id, node, part_at)");
		cf_merge_set(&q, &t[0]);
		cf_str(&q, " RETURNING t.call_pk, t.call_id, t.node, t.part_at)"
		    " INSERT INTO cp_map SELECT s.src_pk, c.call_pk, c.part_at"
		    " FROM c"
		    " JOIN cp_call s USING (call_id, node);");
		for (k = 1; k < 3; k++) {
			cf_str(&q, "INSERT INTO ");
			cf_str(&q, t[k].name);
			cf_str(&q, " AS t (call_pk, part_at");
			cf_list(&q, &t[k], ",");
			cf_str(&q, ") SELECT m.call_pk, m.part_at");
			cf_list(&q, &t[k], ",");
			cf_str(&q, " FROM cp_");
			cf_str(&q, t[k].name);
			cf_str(&q, " x JOIN cp_map m USING (src_pk) ORDER BY ");
			cf_str(&q, t[k].key);
			cf_str(&q, " ON CONFLICT (");
			cf_str(&q, t[k].key);
			cf_str(&q, ")");
			cf_merge_set(&q, &t[k]);
			cf_str(&q, ";");
		}
		cf_str(&q, STORE_PG_ROLLUP_PLAN);
		cf_str(&q, STORE_PG_ROLLUP_IN(CF_CHUNK_KEYS) ";");
		cf_str(&q, STORE_PG_ROLLUP_UNPLAN);
		snprintf(num, sizeof(num), "%lld, %d", hi, i);
		cf_str(&q, "INSERT INTO moscdr_copy (source, last_call_pk, calls)"
		    " VALUES (");
		{
			char *lit = PQescapeLiteral(c, source, strlen(source));

			cf_str(&q, lit != NULL ? lit : "''");
			PQfreemem(lit);
		}
		cf_str(&q, ", ");
		cf_str(&q, num);
		cf_str(&q, ") ON CONFLICT (source) DO UPDATE SET"
		    " last_call_pk = excluded.last_call_pk,"
		    " calls = moscdr_copy.calls + excluded.calls,"
		    " updated_at = now(); COMMIT");
		if (cf_exec(c, q.p, PGRES_COMMAND_OK, "merging a chunk", err,
		    errlen) == -1)
			goto out;
		last = hi;
		copied += i;
		printf("copy-from %s: %lld of %lld calls copied\n", source,
		    copied, total);
		fflush(stdout);
	}
	printf("copy-from %s: done, %lld calls copied\n", source, copied);
	rc = 0;
out:
	if (c != NULL)
		PQfinish(c);
	sqlite3_close(db);
	for (k = 0; k < 3; k++) {
		for (i = 0; i < (int)t[k].ncols; i++)
			free(t[k].cols[i]);
		free(sel[k].p);
	}
	free(q.p);
	return rc;
}
