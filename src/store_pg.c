/*
 * store_pg.c: implements the PostgreSQL storage back end (store.h), a
 * database that several moscdrd (one per Kamailio node) share.
 *
 * DESIGN. One put_batch is one transaction: the records are streamed with
 * COPY into three temporary staging tables (call, leg, sample rows tied by
 * the record's position "ord"), then one statement per "round" upserts
 * call, leg and mos_sample rows from them with INSERT ... SELECT ... ON
 * CONFLICT, the merge rules written in that SQL. This was the fastest of
 * the strategies measured (tests/bench/pg_candidates.c, figures in
 * docs/postgresql.md): three round trips for the data instead of one per row.
 *
 * POOLERS. Every transaction is self-contained, so moscdrd works behind a
 * pooler in transaction mode (pgbouncer pool_mode = transaction), where
 * consecutive transactions may run on different server connections: the
 * staging tables are created by the transaction that uses them (IF NOT
 * EXISTS: a server connection keeps them, empty, from an earlier one),
 * settings are SET LOCAL, the merge is an unnamed statement (no named
 * prepared statement to lose) and the migration lock is a transaction
 * advisory lock. Nothing is carried from one transaction to the next.
 *
 * PARTITIONS (sql/postgresql/012_partitions.sql). call, leg and
 * mos_sample are partitioned by part_at; every batch first gives its
 * staged calls the part_at of their stored call (STORE_PG_PART_AT), so
 * the upserts, keyed with part_at, merge across partition boundaries.
 * Partitions are made at start and hourly, between batches, the DEFAULT
 * partitions emptied at start, and retention drops whole partitions:
 * store_pg_part.c.
 *
 * ON CONFLICT cannot touch a row twice in one statement, so records for
 * the same (node, call_id) within a batch go to successive rounds: round r
 * holds the r-th record of each key, and rounds run in order, which is
 * exactly applying the records one by one. Almost every batch is one round.
 *
 * Lock order: every statement upserts its rows sorted by (call_id, node),
 * then the children by call_pk. Two daemons writing the same keys (the same
 * node name by mistake) therefore lock in the same order; and each batch
 * first takes a transaction lock per node name (STORE_PG_NODE_LOCK), so
 * such daemons commit one after the other and the rollups, whose rows are
 * per node, stay exact. Daemons with different node names never touch
 * the same rows and never wait for each other.
 *
 * Failures: a lost or refused connection, an administrator shutdown,
 * resource exhaustion, a serialization failure or a read-only server are
 * STORE_RETRY and the next call reconnects with the same parameters; data
 * errors (SQLSTATE classes 22, 23) and the rest are STORE_REJECT. The
 * transaction is always rolled back first. Messages name host, port,
 * database and user, never the conninfo (it may carry a password).
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <libpq-fe.h>

#include "log.h"
#include "migrate.h"
#include "record.h"
#include "store.h"
#include "store_pg_int.h"
#include "store_pg_sql.h"
#include "util.h"

/* Key of the advisory lock that serializes migrations ("moscdr"). */
#define PG_MIGRATE_LOCK_KEY	"120265520539762"
/* connect_timeout when neither the conninfo nor the config set one. */
#define PG_CONNECT_TIMEOUT_DEFAULT 10
/* Seconds to find out whether a COMMIT whose answer was lost committed. */
#define PG_RESOLVE_SECONDS	30
/* Bytes of COPY data collected before handing them to libpq. */
#define PG_COPY_CHUNK		(64 * 1024)

/*
 * The start of every put_batch transaction: the staging tables, one set per
 * server connection, made here when this connection has none yet (behind a
 * pooler that may be any transaction) and emptied by every commit. Their
 * columns carry times as unix seconds (to_timestamp() in the merge) so no
 * time zone or text format is involved.
 */
static const char pg_sql_begin[] =
    "BEGIN;"
    "SET LOCAL client_min_messages = warning;"
    /* "3": a pooled server connection may still hold the table of an
     * older moscdrd, without answer_time or part_at. part_at is set
     * by pg_sql_part_at, not by COPY. */
    "CREATE TEMP TABLE IF NOT EXISTS moscdr_stg_call3 ("
    " ord integer, round integer, node text, call_id text, from_tag text,"
    " to_tag text, from_uri text, to_uri text, sip_code integer,"
    " sip_reason text, start_time float8, end_time float8,"
    " received_at float8, extra jsonb, answer_time float8,"
    " part_at timestamptz)"
    " ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE IF NOT EXISTS moscdr_stg_leg ("
    " ord integer, side text, label text, rtp_packets bigint,"
    " rtp_bytes bigint, rtp_errors bigint, rtcp_packets bigint,"
    " remote_addr text, remote_port integer, protocol text, codec text,"
    " ssrc bigint,"
    " last_packet float8, mos_missing text) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE IF NOT EXISTS moscdr_stg_sample ("
    " ord integer, scope text, kind text, seq integer, mos real,"
    " packetloss_pct real, jitter_ms real, roundtrip_us bigint,"
    " roundtrip_leg_us bigint, samples integer, at_offset_s integer,"
    " reported_at float8) ON COMMIT DELETE ROWS;"
    /*
     * The staging tables are never analyzed, so the planner takes them
     * for nearly empty and joins the RETURNING rows back to them with a
     * nested loop: quadratic, 0.7 s for 1000 records. Hash joins keep the
     * merge linear; for this transaction only.
     */
    "SET LOCAL enable_nestloop = off";

/* The batch's partition keys: STORE_PG_PART_AT by each key's first. */
static const char pg_sql_part_at[] = STORE_PG_PART_AT("moscdr_stg_call3",
    "to_timestamp(coalesce(start_time, received_at))", "start_time",
    " WHERE round = 1");

/*
 * The merge of one round ($1): the call rows first (sorted by key: the
 * lock order), then their legs and samples joined through ord. Returns
 * calls inserted, calls merged, legs and samples written, and the ords
 * of the records that inserted their call ("0,3,4", or NULL).
 */
static const char pg_sql_merge[] =
    "WITH c AS ("
    /* answer_time, part_at and the figures after the shared columns
     * (the benchmark's candidates use them without these); a new call's
     * figures from its staged samples (store_pg_sql.h) */
    " INSERT INTO call AS t (" STORE_PG_CALL_COLUMNS ", answer_time,"
    "  part_at, mos_average, mos_worst, has_mos, packetloss_pct_average,"
    "  a_packetloss_pct_average, b_packetloss_pct_average)"
    " SELECT node, call_id, from_tag, to_tag, from_uri, to_uri, sip_code,"
    "  sip_reason, to_timestamp(start_time), to_timestamp(end_time),"
    "  to_timestamp(received_at), to_timestamp(received_at), extra,"
    "  to_timestamp(answer_time), part_at, f.f_avg, f.f_worst,"
    "  coalesce(f.f_any, false), f.f_loss, f.f_a_loss, f.f_b_loss"
    " FROM moscdr_stg_call3 AS s LEFT JOIN ("
    STORE_PG_STG_FIGURES("ord", "moscdr_stg_sample") ") AS f"
    "  ON f.ord = s.ord"
    " WHERE s.round = $1 ORDER BY call_id, node"
    STORE_PG_CALL_MERGE
    " RETURNING t.call_pk, t.call_id, t.node, t.messages, t.part_at),"
    "m AS ("
    " SELECT s.ord, c.call_pk, c.messages, c.part_at"
    " FROM c JOIN moscdr_stg_call3 s"
    "  ON s.round = $1 AND s.call_id = c.call_id AND s.node = c.node),"
    "l AS ("
    " INSERT INTO leg AS t (call_pk, side, label, rtp_packets, rtp_bytes,"
    "  rtp_errors, rtcp_packets, remote_addr, remote_port, protocol, codec,"
    "  ssrc, last_packet, mos_missing, part_at)"
    " SELECT m.call_pk, g.side, g.label, g.rtp_packets, g.rtp_bytes,"
    "  g.rtp_errors, g.rtcp_packets, g.remote_addr, g.remote_port,"
    "  g.protocol, g.codec, g.ssrc, to_timestamp(g.last_packet),"
    "  g.mos_missing, m.part_at"
    " FROM moscdr_stg_leg g JOIN m ON m.ord = g.ord"
    " ORDER BY m.call_pk, g.side"
    STORE_PG_LEG_MERGE
    " RETURNING 1),"
    "x AS ("
    " INSERT INTO mos_sample AS t (call_pk, " STORE_PG_SAMPLE_COLUMNS
    ", part_at)"
    " SELECT m.call_pk, x.scope, x.kind, x.seq, x.mos, x.packetloss_pct,"
    "  x.jitter_ms, x.roundtrip_us, x.roundtrip_leg_us, x.samples,"
    "  x.at_offset_s, to_timestamp(x.reported_at), m.part_at"
    " FROM moscdr_stg_sample x JOIN m ON m.ord = x.ord"
    " ORDER BY m.call_pk, x.scope, x.kind, x.seq"
    STORE_PG_SAMPLE_MERGE
    " RETURNING 1)"
    "SELECT (SELECT count(*) FROM m WHERE messages = 1),"
    " (SELECT count(*) FROM m WHERE messages > 1),"
    " (SELECT count(*) FROM l), (SELECT count(*) FROM x),"
    /* the records that inserted their call (messages is 1 only then) */
    " (SELECT string_agg(ord::text, ',') FROM m WHERE messages = 1)";

/*
 * The rollups of the batch's calls (the keys of round 1 are all of them):
 * out before the merge, in after the last round, with nested loops (the
 * keys probe the tables' indexes) for these statements only.
 */
#define PG_BATCH_KEYS							\
    "SELECT k.call_pk, k.part_at FROM moscdr_stg_call3 AS s"		\
    " JOIN call AS k ON k.call_id = s.call_id AND k.node = s.node"	\
    " AND k.part_at = s.part_at WHERE s.round = 1"
static const char pg_sql_rollup_out[] =
    STORE_PG_ROLLUP_PLAN STORE_PG_ROLLUP("-1", PG_BATCH_KEYS) ";"
    STORE_PG_ROLLUP_UNPLAN "SET LOCAL enable_nestloop = off";
static const char pg_sql_rollup_in[] =
    STORE_PG_ROLLUP_PLAN STORE_PG_ROLLUP_IN(PG_BATCH_KEYS) ";"
    STORE_PG_ROLLUP_UNPLAN "SET LOCAL enable_nestloop = off";


/*
 * Copies libpq's message into dst without a trailing newline and with the
 * password of the conninfo, should libpq ever echo it, masked.
 */
static void
pg_clean_message(const struct store *st, const char *msg, char *dst,
    size_t len)
{
	PQconninfoOption *opts, *o;
	char *p, *secret = NULL;
	size_t n;

	snprintf(dst, len, "%s", msg != NULL && msg[0] != '\0' ? msg :
	    "unknown error");
	n = strlen(dst);
	while (n > 0 && (dst[n - 1] == '\n' || dst[n - 1] == ' '))
		dst[--n] = '\0';
	for (p = dst; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	if (st == NULL || st->conninfo == NULL)
		return;
	if ((opts = PQconninfoParse(st->conninfo, NULL)) == NULL) {
		/* Unparsable (pg_open refuses those): trust nothing. */
		snprintf(dst, len, "invalid connection string "
		    "(not shown: it may hold a password)");
		return;
	}
	for (o = opts; o->keyword != NULL; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val != NULL &&
		    o->val[0] != '\0')
			secret = o->val;
	if (secret != NULL)
		while ((p = strstr(dst, secret)) != NULL)
			memset(p, '*', strlen(secret));
	PQconninfoFree(opts);
}

/* "host H port P dbname D user U" of the connection, for messages. */
static void
pg_describe(const struct store *st, char *buf, size_t len)
{
	const char *h = NULL, *p = NULL, *d = NULL, *u = NULL;

	if (st->conn != NULL) {
		h = PQhost(st->conn);
		p = PQport(st->conn);
		d = PQdb(st->conn);
		u = PQuser(st->conn);
	}
	snprintf(buf, len, "host=%s port=%s dbname=%s user=%s",
	    h != NULL && h[0] != '\0' ? h : "(default)",
	    p != NULL && p[0] != '\0' ? p : "(default)",
	    d != NULL && d[0] != '\0' ? d : "(default)",
	    u != NULL && u[0] != '\0' ? u : "(default)");
}

/* Fills err with "postgresql <who>: <what>: <message>". */
void
store_pg_err(const struct store *st, const char *msg, char *err, size_t errlen,
    const char *what)
{
	char who[512], clean[1024];

	if (err == NULL || errlen == 0)
		return;
	pg_describe(st, who, sizeof(who));
	pg_clean_message(st, msg, clean, sizeof(clean));
	snprintf(err, errlen, "postgresql %s: %s: %s", who, what, clean);
}

/*
 * What a failed result means: STORE_RETRY when the server or connection is
 * the problem and a later attempt can succeed, STORE_REJECT otherwise.
 */
enum store_status
store_pg_classify(const struct store *st, const PGresult *res)
{
	const char *state;

	if (st->conn == NULL || PQstatus(st->conn) != CONNECTION_OK)
		return STORE_RETRY;
	state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (state == NULL || strlen(state) != 5)
		return STORE_RETRY;	/* no answer from the server */
	if (strncmp(state, "08", 2) == 0 ||	/* connection exception */
	    strncmp(state, "53", 2) == 0 ||	/* insufficient resources */
	    strncmp(state, "57P", 3) == 0 ||	/* shutdown, cannot connect */
	    strncmp(state, "58", 2) == 0 ||	/* system error (I/O) */
	    strcmp(state, "40001") == 0 ||	/* serialization failure */
	    strcmp(state, "40P01") == 0 ||	/* deadlock detected */
	    strcmp(state, "55P03") == 0 ||	/* lock not available */
	    strcmp(state, "57014") == 0 ||	/* statement timeout */
	    strcmp(state, "25006") == 0)	/* read-only (a standby) */
		return STORE_RETRY;
	return STORE_REJECT;
}

/* Ends an open or failed transaction; forgets a broken connection. */
void
store_pg_recover(struct store *st)
{
	PGresult *res;

	if (st->conn == NULL)
		return;
	if (PQstatus(st->conn) == CONNECTION_OK &&
	    PQtransactionStatus(st->conn) != PQTRANS_IDLE) {
		/* Drain whatever a failed COPY or query left pending. */
		while ((res = PQgetResult(st->conn)) != NULL)
			PQclear(res);
		if (PQtransactionStatus(st->conn) != PQTRANS_IDLE) {
			res = PQexec(st->conn, "ROLLBACK");
			PQclear(res);
		}
	}
	if (PQstatus(st->conn) != CONNECTION_OK ||
	    PQtransactionStatus(st->conn) != PQTRANS_IDLE) {
		PQfinish(st->conn);
		st->conn = NULL;
	}
}

/*
 * Connects (again) with the configured parameters. The conninfo may set
 * every parameter itself: dbname comes last, so what it expands to wins
 * over the defaults given before it.
 */
enum store_status
store_pg_connect(struct store *st, char *err, size_t errlen)
{
	const char *keys[] = { "connect_timeout", "application_name",
	    "dbname", NULL };
	const char *vals[] = { st->timeout, "moscdrd",
	    st->conninfo, NULL };

	if (st->conn != NULL && PQstatus(st->conn) == CONNECTION_OK)
		return STORE_OK;
	if (st->conn != NULL)
		PQfinish(st->conn);
	st->conn = PQconnectdbParams(keys, vals, 1);
	if (st->conn == NULL) {
		snprintf(err, errlen, "postgresql: out of memory");
		return STORE_RETRY;
	}
	if (PQstatus(st->conn) != CONNECTION_OK) {
		store_pg_err(st, PQerrorMessage(st->conn), err, errlen,
		    "cannot connect");
		PQfinish(st->conn);
		st->conn = NULL;
		return STORE_RETRY;
	}
	return STORE_OK;
}

/* Runs sql expecting status want; on failure fills err and classifies. */
/*
 * Runs sql; a result status other than want and also is an error, told in
 * err under what. With rows, the number of rows returned is stored there.
 */
static enum store_status
pg_exec_rows(struct store *st, const char *sql, ExecStatusType want,
    ExecStatusType also, const char *what, int *rows, char *err,
    size_t errlen)
{
	PGresult *res;
	enum store_status s = STORE_OK;

	res = PQexec(st->conn, sql);
	if (PQresultStatus(res) != want && PQresultStatus(res) != also) {
		store_pg_err(st, res != NULL ? PQresultErrorMessage(res) :
		    PQerrorMessage(st->conn), err, errlen, what);
		s = store_pg_classify(st, res);
	}
	if (rows != NULL)
		*rows = s == STORE_OK ? PQntuples(res) : 0;
	PQclear(res);
	return s;
}

enum store_status
store_pg_exec(struct store *st, const char *sql, ExecStatusType want,
    const char *what, char *err, size_t errlen)
{
	return pg_exec_rows(st, sql, want, want, what, NULL, err, errlen);
}

/* A random writer id (moscdr_writer, 007_writer.sql), 32 hex digits. */
static void
pg_writer_id(struct store *st)
{
	unsigned char b[16];
	size_t i;

	if (getrandom(b, sizeof(b), 0) != (ssize_t)sizeof(b)) {
		/* Unique enough to tell this run from the others. */
		uint64_t t = (uint64_t)(util_now() * 1e6);

		memcpy(b, &t, 8);
		memcpy(b + 8, &st, sizeof(st) < 8 ? sizeof(st) : 8);
	}
	for (i = 0; i < sizeof(b); i++)
		snprintf(st->writer + 2 * i, 3, "%02x", b[i]);
}

static enum store_status
pg_open(const struct store_config *cfg, struct store **out, char *err,
    size_t errlen)
{
	struct store *st;
	PQconninfoOption *opts;
	char *perr = NULL;
	enum store_status s;

	*out = NULL;
	st = xcalloc(1, sizeof(*st));
	st->conninfo = xstrdup(cfg != NULL && cfg->conninfo != NULL ?
	    cfg->conninfo : "");
	snprintf(st->timeout, sizeof(st->timeout), "%d",
	    cfg != NULL && cfg->connect_timeout_s > 0 ? cfg->connect_timeout_s :
	    PG_CONNECT_TIMEOUT_DEFAULT);
	/* A malformed conninfo will never connect: say so, without it. */
	opts = st->conninfo[0] != '\0' ?
	    PQconninfoParse(st->conninfo, &perr) : NULL;
	if (st->conninfo[0] != '\0' && opts == NULL) {
		PQfreemem(perr);
		snprintf(err, errlen, "postgresql: database.conninfo is not a "
		    "valid connection string or URI (not shown: it may hold a "
		    "password)");
		s = STORE_REJECT;
		goto fail;
	}
	PQconninfoFree(opts);
	st->part_days = cfg != NULL && cfg->partition_days > 0 ?
	    cfg->partition_days : 1;
	st->part_ahead = cfg != NULL && cfg->partition_ahead_days > 0 ?
	    cfg->partition_ahead_days : 3;
	pg_writer_id(st);
	if ((s = store_pg_connect(st, err, errlen)) != STORE_OK)
		goto fail;
	*out = st;
	return STORE_OK;
fail:
	free(st->conninfo);
	free(st);
	return s;
}

/*
 * Applies the views (sql/postgresql/views.sql) when the database last ran
 * another text of them, inside the open migration transaction.
 */
static enum store_status
pg_apply_views(struct store *st, char *err, size_t errlen)
{
	const struct migration *v = migrate_views("postgresql");
	const char *what = "migrate: sql/postgresql/views.sql";
	char hash[MIGRATE_HASH_LEN], sql[200];
	enum store_status s;
	int same;

	if (v == NULL)
		return STORE_OK;
	migrate_hash(v->sql, hash);
	snprintf(sql, sizeof(sql), "SELECT 1 FROM moscdr_views WHERE hash = '%s'",
	    hash);
	if ((s = store_pg_exec(st, "CREATE TABLE IF NOT EXISTS moscdr_views ("
	    " id integer PRIMARY KEY CHECK (id = 1), hash text NOT NULL,"
	    " applied_at timestamptz NOT NULL DEFAULT now())",
	    PGRES_COMMAND_OK, what, err, errlen)) != STORE_OK ||
	    (s = pg_exec_rows(st, sql, PGRES_TUPLES_OK, PGRES_TUPLES_OK, what,
	    &same, err, errlen)) != STORE_OK)
		return s;
	if (same > 0)
		return STORE_OK;
	if ((s = pg_exec_rows(st, v->sql, PGRES_COMMAND_OK,
	    PGRES_EMPTY_QUERY, what, NULL, err, errlen)) != STORE_OK)
		return s;
	snprintf(sql, sizeof(sql), "INSERT INTO moscdr_views (id, hash)"
	    " VALUES (1, '%s') ON CONFLICT (id) DO UPDATE SET"
	    " hash = excluded.hash, applied_at = now()", hash);
	return store_pg_exec(st, sql, PGRES_COMMAND_OK, what, err, errlen);
}

/* The version of the migration that creates the rollups. */
#define PG_ROLLUP_VERSION	6
/* Calls per statement of the rollup fill. */
#define PG_ROLLUP_FILL_STEP	100000

/*
 * Right after migration 006, inside its transaction: the rollups of the
 * calls already stored, with the writer's own statement, a range of
 * call_pk at a time.
 */
static enum store_status
pg_rollup_fill(struct store *st, char *err, size_t errlen)
{
	static const char sql[] = STORE_PG_ROLLUP("1",
	    "SELECT call_pk, part_at FROM call"
	    " WHERE call_pk > $1 AND call_pk <= $2");
	char lo[32], hi[32];
	const char *param[2] = { lo, hi };
	long long top, at;
	PGresult *res;
	enum store_status s;

	res = PQexec(st->conn, STORE_PG_ROLLUP_PLAN
	    "SELECT coalesce(max(call_pk), 0) FROM call");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		store_pg_err(st, PQresultErrorMessage(res), err, errlen,
		    "migrate: filling the rollups");
		s = store_pg_classify(st, res);
		PQclear(res);
		return s;
	}
	top = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	for (at = 0; at < top; at += PG_ROLLUP_FILL_STEP) {
		snprintf(lo, sizeof(lo), "%lld", at);
		snprintf(hi, sizeof(hi), "%lld", at + PG_ROLLUP_FILL_STEP);
		res = PQexecParams(st->conn, sql, 2, NULL, param, NULL, NULL,
		    0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			store_pg_err(st, PQresultErrorMessage(res), err, errlen,
			    "migrate: filling the rollups");
			s = store_pg_classify(st, res);
			PQclear(res);
			return s;
		}
		PQclear(res);
	}
	return store_pg_exec(st, STORE_PG_ROLLUP_UNPLAN, PGRES_COMMAND_OK,
	    "migrate: filling the rollups", err, errlen);
}

static enum store_status
pg_migrate(struct store *st, char *err, size_t errlen)
{
	const struct migration *m;
	PGresult *res;
	char sql[160], what[160];
	size_t i, n;
	int current, latest, done;
	bool fill = false;
	enum store_status s;

	if ((s = store_pg_connect(st, err, errlen)) != STORE_OK)
		return s;
	n = migrate_list("postgresql", &m);
	latest = migrate_latest("postgresql");

	/*
	 * The advisory lock makes daemons that start together migrate one
	 * after the other; the later ones then find nothing left to do.
	 */
	if ((s = store_pg_exec(st, "BEGIN", PGRES_COMMAND_OK, "migrate: begin",
	    err, errlen)) != STORE_OK ||
	    (s = store_pg_exec(st, "SELECT pg_advisory_xact_lock("
	    PG_MIGRATE_LOCK_KEY ")", PGRES_TUPLES_OK,
	    "migrate: taking the migration lock", err, errlen)) != STORE_OK ||
	    (s = store_pg_exec(st, "SET LOCAL client_min_messages = warning",
	    PGRES_COMMAND_OK, "migrate", err, errlen)) != STORE_OK ||
	    (s = store_pg_exec(st, "CREATE TABLE IF NOT EXISTS moscdr_schema_version"
	    " (version integer PRIMARY KEY,"
	    " applied_at timestamptz NOT NULL DEFAULT now())",
	    PGRES_COMMAND_OK, "migrate: creating moscdr_schema_version",
	    err, errlen)) != STORE_OK)
		goto fail;
	res = PQexec(st->conn,
	    "SELECT coalesce(max(version), 0) FROM moscdr_schema_version");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		store_pg_err(st, PQresultErrorMessage(res), err, errlen,
		    "migrate: reading moscdr_schema_version");
		s = store_pg_classify(st, res);
		PQclear(res);
		goto fail;
	}
	current = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (current > latest) {
		char who[512];

		store_pg_recover(st);
		pg_describe(st, who, sizeof(who));
		snprintf(err, errlen, "postgresql %s: database schema version "
		    "%d is newer than this moscdrd (%d): upgrade moscdrd", who,
		    current, latest);
		return STORE_REJECT;
	}
	for (i = 0; i < n; i++) {
		snprintf(what, sizeof(what), "migrate: sql/postgresql/%s",
		    m[i].name);
		snprintf(sql, sizeof(sql), "SELECT 1 FROM moscdr_schema_version"
		    " WHERE version = %d", m[i].version);
		if ((s = pg_exec_rows(st, sql, PGRES_TUPLES_OK,
		    PGRES_TUPLES_OK, what, &done, err, errlen)) != STORE_OK)
			goto fail;
		if (done > 0)
			continue;
		/* EMPTY_QUERY: a file of comments only (002_views.sql,
		 * kept for its number). */
		if ((s = pg_exec_rows(st, m[i].sql, PGRES_COMMAND_OK,
		    PGRES_EMPTY_QUERY, what, NULL, err, errlen)) != STORE_OK)
			goto fail;
		snprintf(sql, sizeof(sql), "INSERT INTO moscdr_schema_version"
		    " (version) VALUES (%d)", m[i].version);
		if ((s = store_pg_exec(st, sql, PGRES_COMMAND_OK, what, err,
		    errlen)) != STORE_OK)
			goto fail;
		/* After the last migration: the fill's statement is
		 * written for the latest schema (012's part_at). */
		if (m[i].version == PG_ROLLUP_VERSION)
			fill = true;
	}
	if (fill && (s = pg_rollup_fill(st, err, errlen)) != STORE_OK)
		goto fail;
	if ((s = pg_apply_views(st, err, errlen)) != STORE_OK)
		goto fail;
	if ((s = store_pg_exec(st, "COMMIT", PGRES_COMMAND_OK, "migrate: commit",
	    err, errlen)) != STORE_OK)
		goto fail;
	store_pg_part_sweep(st);
	store_pg_part_make(st);
	return STORE_OK;
fail:
	store_pg_recover(st);
	return s;
}

/* Appends n bytes to the COPY buffer, handing full chunks to libpq. */
static int
pg_copy_put(struct store *st, const char *p, size_t n)
{
	if (st->copylen + n > st->copycap) {
		if (st->copylen > 0 && PQputCopyData(st->conn, st->copybuf,
		    (int)st->copylen) != 1)
			return -1;
		st->copylen = 0;
		if (n > st->copycap) {
			st->copycap = n > PG_COPY_CHUNK ? n : PG_COPY_CHUNK;
			st->copybuf = xrealloc(st->copybuf, st->copycap);
		}
	}
	memcpy(st->copybuf + st->copylen, p, n);
	st->copylen += n;
	return 0;
}

/*
 * Appends one text column in COPY text format: \N for NULL, backslash,
 * tab, newline and carriage return escaped; a tab before it unless first.
 */
static int
pg_copy_text(struct store *st, const char *s, bool first)
{
	const char *p, *run;
	char esc[2] = { '\\', 0 };

	if (!first && pg_copy_put(st, "\t", 1) == -1)
		return -1;
	if (s == NULL)
		return pg_copy_put(st, "\\N", 2);
	for (run = p = s; *p != '\0'; p++) {
		switch (*p) {
		case '\\': esc[1] = '\\'; break;
		case '\t': esc[1] = 't'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		default: continue;
		}
		if (pg_copy_put(st, run, (size_t)(p - run)) == -1 ||
		    pg_copy_put(st, esc, 2) == -1)
			return -1;
		run = p + 1;
	}
	return pg_copy_put(st, run, (size_t)(p - run));
}

/* A number column: real (%.17g) or integer (rounded); NAN is NULL. */
static int
pg_copy_num(struct store *st, double v, bool integer)
{
	char buf[48];
	int n;

	if (isnan(v) || isinf(v))
		return pg_copy_put(st, "\t\\N", 3);
	if (integer)
		n = snprintf(buf, sizeof(buf), "\t%lld", (long long)llround(v));
	else
		n = snprintf(buf, sizeof(buf), "\t%.17g", v);
	return pg_copy_put(st, buf, (size_t)n);
}

static int
pg_copy_int(struct store *st, long long v, bool first)
{
	char buf[32];
	int n;

	n = snprintf(buf, sizeof(buf), first ? "%lld" : "\t%lld", v);
	return pg_copy_put(st, buf, (size_t)n);
}

static int
pg_copy_call(struct store *st, const struct record *r, size_t ord, int round)
{
	return pg_copy_int(st, (long long)ord, true) == -1 ||
	    pg_copy_int(st, round, false) == -1 ||
	    pg_copy_text(st, r->node, false) == -1 ||
	    pg_copy_text(st, r->call_id, false) == -1 ||
	    pg_copy_text(st, r->from_tag, false) == -1 ||
	    pg_copy_text(st, r->to_tag, false) == -1 ||
	    pg_copy_text(st, r->from_uri, false) == -1 ||
	    pg_copy_text(st, r->to_uri, false) == -1 ||
	    pg_copy_num(st, r->sip_code, true) == -1 ||
	    pg_copy_text(st, r->sip_reason, false) == -1 ||
	    pg_copy_num(st, r->start_time, false) == -1 ||
	    pg_copy_num(st, r->end_time, false) == -1 ||
	    /* received_at is NOT NULL: a record without one came now. */
	    pg_copy_num(st, isnan(r->received_at) ? util_now() :
	    r->received_at, false) == -1 ||
	    pg_copy_text(st, r->extra, false) == -1 ||
	    pg_copy_num(st, r->answer_time, false) == -1 ||
	    pg_copy_put(st, "\n", 1) == -1 ? -1 : 0;
}

/* A leg's media facts and mos_missing: NULL facts when not in a reply. */
static int
pg_copy_media(struct store *st, const struct rec_leg *l)
{
	const struct rec_media *m = &l->m;
	bool k = m->media;

	return pg_copy_num(st, k ? m->rtp_packets : NAN, true) == -1 ||
	    pg_copy_num(st, k ? m->rtp_bytes : NAN, true) == -1 ||
	    pg_copy_num(st, k ? m->rtp_errors : NAN, true) == -1 ||
	    pg_copy_num(st, k ? m->rtcp_packets : NAN, true) == -1 ||
	    pg_copy_text(st, k && m->remote_addr[0] != '\0' ?
	    m->remote_addr : NULL, false) == -1 ||
	    pg_copy_num(st, k ? m->remote_port : NAN, true) == -1 ||
	    pg_copy_text(st, k && m->protocol[0] != '\0' ? m->protocol : NULL,
	    false) == -1 ||
	    pg_copy_text(st, k && m->codec[0] != '\0' ? m->codec : NULL,
	    false) == -1 ||
	    pg_copy_num(st, k ? m->ssrc : NAN, true) == -1 ||
	    pg_copy_num(st, k ? m->last_packet : NAN, false) == -1 ||
	    pg_copy_text(st, rec_missing_name(
	    (enum rec_missing)l->mos_missing), false) == -1 ? -1 : 0;
}

static int
pg_copy_legs(struct store *st, const struct record *r, size_t ord)
{
	size_t i;

	for (i = 0; i < 2; i++) {
		if (!r->legs[i].present)
			continue;
		if (pg_copy_int(st, (long long)ord, true) == -1 ||
		    pg_copy_text(st, rec_side_name((int)i), false) == -1 ||
		    pg_copy_text(st, r->legs[i].label, false) == -1 ||
		    pg_copy_media(st, &r->legs[i]) == -1 ||
		    pg_copy_put(st, "\n", 1) == -1)
			return -1;
	}
	return 0;
}

static int
pg_copy_samples(struct store *st, const struct record *r, size_t ord)
{
	const struct rec_sample *x;
	size_t i;

	for (i = 0; i < r->nsamples; i++) {
		x = &r->samples[i];
		if (pg_copy_int(st, (long long)ord, true) == -1 ||
		    pg_copy_text(st, x->scope < REC_SCOPE_COUNT ?
		    rec_scope_name(x->scope) : NULL, false) == -1 ||
		    pg_copy_text(st, x->kind < REC_KIND_COUNT ?
		    rec_kind_name(x->kind) : NULL, false) == -1 ||
		    pg_copy_int(st, x->seq, false) == -1 ||
		    pg_copy_num(st, x->mos, false) == -1 ||
		    pg_copy_num(st, x->packetloss_pct, false) == -1 ||
		    pg_copy_num(st, x->jitter_ms, false) == -1 ||
		    pg_copy_num(st, x->roundtrip_us, true) == -1 ||
		    pg_copy_num(st, x->roundtrip_leg_us, true) == -1 ||
		    pg_copy_num(st, x->samples, true) == -1 ||
		    pg_copy_num(st, x->at_offset_s, true) == -1 ||
		    pg_copy_num(st, x->reported_at, false) == -1 ||
		    pg_copy_put(st, "\n", 1) == -1)
			return -1;
	}
	return 0;
}

enum pg_table { PG_STG_CALL, PG_STG_LEG, PG_STG_SAMPLE };

/* Streams the rows of one staging table for the whole batch. */
static enum store_status
pg_copy_table(struct store *st, enum pg_table t, struct record *const *recs,
    size_t n, char *err, size_t errlen)
{
	static const char *const sql[] = {
		/* every column but part_at */
		[PG_STG_CALL] = "COPY moscdr_stg_call3 (ord, round, node,"
		    " call_id, from_tag, to_tag, from_uri, to_uri, sip_code,"
		    " sip_reason, start_time, end_time, received_at, extra,"
		    " answer_time) FROM STDIN",
		[PG_STG_LEG] = "COPY moscdr_stg_leg FROM STDIN",
		[PG_STG_SAMPLE] = "COPY moscdr_stg_sample FROM STDIN",
	};
	PGresult *res;
	enum store_status s;
	size_t i;
	int rc = 0;

	res = PQexec(st->conn, sql[t]);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		store_pg_err(st, PQresultErrorMessage(res), err, errlen, sql[t]);
		s = store_pg_classify(st, res);
		PQclear(res);
		return s;
	}
	PQclear(res);
	st->copylen = 0;
	for (i = 0; i < n && rc == 0; i++) {
		if (t == PG_STG_CALL)
			rc = pg_copy_call(st, recs[i], i, st->round[i]);
		else if (t == PG_STG_LEG)
			rc = pg_copy_legs(st, recs[i], i);
		else
			rc = pg_copy_samples(st, recs[i], i);
	}
	if (rc == 0 && st->copylen > 0 &&
	    PQputCopyData(st->conn, st->copybuf, (int)st->copylen) != 1)
		rc = -1;
	st->copylen = 0;
	if (PQputCopyEnd(st->conn, rc == 0 ? NULL : "moscdrd: aborted") != 1)
		rc = -1;
	res = PQgetResult(st->conn);
	if (rc != 0 || PQresultStatus(res) != PGRES_COMMAND_OK) {
		store_pg_err(st, res != NULL ? PQresultErrorMessage(res) :
		    PQerrorMessage(st->conn), err, errlen, sql[t]);
		s = store_pg_classify(st, res);
		PQclear(res);
		return s;
	}
	PQclear(res);
	while ((res = PQgetResult(st->conn)) != NULL)
		PQclear(res);
	return STORE_OK;
}

/* qsort context: the batch being sorted (qsort has no user pointer). */
struct pg_keyref {
	const struct record *rec;
	size_t ord;
};

static int
pg_keyref_cmp(const void *a, const void *b)
{
	const struct pg_keyref *x = a, *y = b;
	int c;

	if ((c = strcmp(x->rec->call_id, y->rec->call_id)) != 0)
		return c;
	if ((c = strcmp(x->rec->node, y->rec->node)) != 0)
		return c;
	return x->ord < y->ord ? -1 : x->ord > y->ord;
}

/*
 * Gives each record its round: 1 for the first record of a key in the
 * batch, 2 for the second, ... Returns the number of rounds.
 */
static int
pg_assign_rounds(struct store *st, struct record *const *recs, size_t n)
{
	struct pg_keyref *refs;
	size_t i;
	int r = 1, rounds = n > 0 ? 1 : 0;

	if (n > st->roundcap) {
		st->round = xrealloc(st->round, n * sizeof(*st->round));
		st->roundcap = n;
	}
	refs = xcalloc(n, sizeof(*refs));
	for (i = 0; i < n; i++) {
		refs[i].rec = recs[i];
		refs[i].ord = i;
	}
	qsort(refs, n, sizeof(*refs), pg_keyref_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(refs[i].rec->call_id,
		    refs[i - 1].rec->call_id) == 0 &&
		    strcmp(refs[i].rec->node, refs[i - 1].rec->node) == 0)
			r++;
		else
			r = 1;
		st->round[refs[i].ord] = r;
		if (r > rounds)
			rounds = r;
	}
	free(refs);
	return rounds;
}

static enum store_status pg_ping(struct store *, char *, size_t);

/*
 * The connection broke after the COMMIT of batch was sent and before its
 * answer came: the batch may or may not have committed. Reconnects (with
 * a multi-host conninfo, to whichever server is now the primary) and
 * reads this writer's row in moscdr_writer, written by the same
 * transaction: STORE_OK when it holds batch (committed: writing it again
 * would count its messages twice), STORE_RETRY when it does not (not
 * committed, so it must be written again) or when no server answered
 * within PG_RESOLVE_SECONDS (then a retry may merge it twice: logged).
 */
static enum store_status
pg_resolve(struct store *st, unsigned long long batch)
{
	const struct timespec pause = { 0, 200 * 1000 * 1000 };
	double deadline = util_monotonic() + PG_RESOLVE_SECONDS;
	char sql[160], cerr[512];
	PGresult *res;
	bool known, committed = false;

	snprintf(sql, sizeof(sql), "SELECT batch FROM moscdr_writer"
	    " WHERE writer = '%s'", st->writer);
	for (;;) {
		store_pg_recover(st);
		known = false;
		if (store_pg_connect(st, cerr, sizeof(cerr)) == STORE_OK) {
			res = PQexec(st->conn, sql);
			if (PQresultStatus(res) == PGRES_TUPLES_OK) {
				known = true;
				committed = PQntuples(res) == 1 &&
				    strtoull(PQgetvalue(res, 0, 0), NULL, 10) ==
				    batch;
			}
			PQclear(res);
			/* A standby answers too but may lag: ask a primary. */
			if (known && !committed && pg_ping(st, cerr,
			    sizeof(cerr)) != STORE_OK)
				known = false;
		}
		if (known)
			break;
		if (util_monotonic() > deadline) {
			log_warnx("postgresql: cannot tell whether batch %llu "
			    "committed before the connection was lost; "
			    "retrying it (its messages may be counted twice)",
			    batch);
			return STORE_RETRY;
		}
		nanosleep(&pause, NULL);
	}
	if (committed) {
		log_notice("postgresql: the connection was lost after COMMIT; "
		    "batch %llu did commit", batch);
		return STORE_OK;
	}
	return STORE_RETRY;
}

/*
 * Sets created[ord] for each ord of the list "0,3,4" (the merge's last
 * column); ords outside 0..n-1 are ignored.
 */
static void
pg_mark_created(const char *list, unsigned char *created, size_t n)
{
	unsigned long long ord;
	char *end;

	while (*list != '\0') {
		ord = strtoull(list, &end, 10);
		if (end == list)
			break;
		if (ord < n)
			created[ord] = 1;
		list = *end == ',' ? end + 1 : end;
	}
}

static enum store_status
pg_put_batch_at(struct store *st, struct record *const *recs, size_t n,
    const struct store_position *pos, struct store_counts *counts, char *err,
    size_t errlen)
{
	struct store_counts c = { 0, 0, 0, 0, NULL };
	const char *param[1];
	char rbuf[16], sql[256];
	PGresult *res;
	enum store_status s;
	int r, rounds;

	if (n == 0 && pos == NULL)
		return STORE_OK;
	if ((s = store_pg_connect(st, err, errlen)) != STORE_OK)
		return s;
	if (util_monotonic() >= st->part_next)
		store_pg_part_make(st);
	if (counts != NULL && counts->created != NULL && n > 0)
		memset(counts->created, 0, n);
	rounds = n > 0 ? pg_assign_rounds(st, recs, n) : 0;
	if ((s = store_pg_exec(st, pg_sql_begin, PGRES_COMMAND_OK, "begin", err,
	    errlen)) != STORE_OK)
		goto fail;
	if (n > 0 && (
	    (s = pg_copy_table(st, PG_STG_CALL, recs, n, err, errlen)) !=
	    STORE_OK ||
	    (s = pg_copy_table(st, PG_STG_LEG, recs, n, err, errlen)) !=
	    STORE_OK ||
	    (s = pg_copy_table(st, PG_STG_SAMPLE, recs, n, err, errlen)) !=
	    STORE_OK))
		goto fail;
	if (n > 0 && ((s = store_pg_exec(st, STORE_PG_NODE_LOCK("moscdr_stg_call3"),
	    PGRES_TUPLES_OK, "locking the batch's nodes", err, errlen)) !=
	    STORE_OK || (s = store_pg_exec(st, pg_sql_part_at, PGRES_COMMAND_OK,
	    "finding the batch's partitions", err, errlen)) != STORE_OK ||
	    (s = store_pg_exec(st, pg_sql_rollup_out, PGRES_COMMAND_OK,
	    "subtracting from the rollups", err, errlen)) != STORE_OK))
		goto fail;
	for (r = 1; r <= rounds; r++) {
		snprintf(rbuf, sizeof(rbuf), "%d", r);
		param[0] = rbuf;
		res = PQexecParams(st->conn, pg_sql_merge, 1, NULL, param,
		    NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK ||
		    PQntuples(res) != 1 || PQnfields(res) != 5) {
			store_pg_err(st, PQresultErrorMessage(res), err, errlen,
			    "merging the batch");
			s = store_pg_classify(st, res);
			PQclear(res);
			goto fail;
		}
		c.calls_new += strtoull(PQgetvalue(res, 0, 0), NULL, 10);
		c.calls_merged += strtoull(PQgetvalue(res, 0, 1), NULL, 10);
		c.legs += strtoull(PQgetvalue(res, 0, 2), NULL, 10);
		c.samples += strtoull(PQgetvalue(res, 0, 3), NULL, 10);
		if (counts != NULL && counts->created != NULL)
			pg_mark_created(PQgetvalue(res, 0, 4), counts->created,
			    n);
		PQclear(res);
	}
	if (n > 0 && (s = store_pg_exec(st, pg_sql_rollup_in, PGRES_COMMAND_OK,
	    "adding to the rollups", err, errlen)) != STORE_OK)
		goto fail;
	if (pos != NULL) {
		char sbuf[24];
		const char *pp[2] = { pos->journal, sbuf };

		snprintf(sbuf, sizeof(sbuf), "%llu",
		    (unsigned long long)pos->seq);
		res = PQexecParams(st->conn, "INSERT INTO journal_position "
		    "(journal, seq) VALUES ($1, $2) ON CONFLICT (journal) DO "
		    "UPDATE SET seq = excluded.seq, updated_at = now()", 2,
		    NULL, pp, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			store_pg_err(st, PQresultErrorMessage(res), err, errlen,
			    "journal position");
			s = store_pg_classify(st, res);
			PQclear(res);
			goto fail;
		}
		PQclear(res);
	}
	snprintf(sql, sizeof(sql), "INSERT INTO moscdr_writer (writer, batch)"
	    " VALUES ('%s', %llu) ON CONFLICT (writer) DO UPDATE SET"
	    " batch = excluded.batch, updated_at = now(); COMMIT", st->writer,
	    st->batch + 1);
	if ((s = store_pg_exec(st, sql, PGRES_COMMAND_OK, "commit", err, errlen)) !=
	    STORE_OK) {
		if (st->conn != NULL && PQstatus(st->conn) == CONNECTION_OK)
			goto fail;
		/* COMMIT sent, connection gone before its answer. */
		if ((s = pg_resolve(st, st->batch + 1)) != STORE_OK)
			return s;
	}
	st->batch++;
	if (counts != NULL) {
		counts->calls_new += c.calls_new;
		counts->calls_merged += c.calls_merged;
		counts->legs += c.legs;
		counts->samples += c.samples;
	}
	return STORE_OK;
fail:
	store_pg_recover(st);
	return s;
}

static enum store_status
pg_put_batch(struct store *st, struct record *const *recs, size_t n,
    struct store_counts *counts, char *err, size_t errlen)
{
	return pg_put_batch_at(st, recs, n, NULL, counts, err, errlen);
}

static enum store_status
pg_position(struct store *st, const char *journal, uint64_t *seq, char *err,
    size_t errlen)
{
	const char *pp[1] = { journal };
	PGresult *res;
	enum store_status s;

	*seq = 0;
	if ((s = store_pg_connect(st, err, errlen)) != STORE_OK)
		return s;
	res = PQexecParams(st->conn, "SELECT seq FROM journal_position "
	    "WHERE journal = $1", 1, NULL, pp, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		store_pg_err(st, PQresultErrorMessage(res), err, errlen,
		    "journal position");
		s = store_pg_classify(st, res);
		PQclear(res);
		store_pg_recover(st);
		return s;
	}
	if (PQntuples(res) == 1)
		*seq = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return STORE_OK;
}

static enum store_status
pg_ping(struct store *st, char *err, size_t errlen)
{
	PGresult *res;
	enum store_status s;

	if ((s = store_pg_connect(st, err, errlen)) != STORE_OK)
		return s;
	res = PQexec(st->conn, "SELECT 1, pg_is_in_recovery(),"
	    " current_setting('transaction_read_only')");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		store_pg_err(st, PQresultErrorMessage(res), err, errlen, "ping");
		s = store_pg_classify(st, res);
		PQclear(res);
		store_pg_recover(st);
		return s;
	}
	if (strcmp(PQgetvalue(res, 0, 1), "f") != 0 ||
	    strcmp(PQgetvalue(res, 0, 2), "off") != 0) {
		store_pg_err(st, "the server is read-only (a standby in recovery, "
		    "or default_transaction_read_only is on)", err, errlen,
		    "ping");
		s = STORE_RETRY;
	}
	PQclear(res);
	return s;
}

static void
pg_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->conn != NULL)
		PQfinish(st->conn);
	free(st->conninfo);
	free(st->copybuf);
	free(st->round);
	free(st);
}

/* The report's read-only queries (store.h, query). */
static enum store_status
pg_query(struct store *st, const char *sql, const char *const *params,
    size_t nparams, int (*row)(void *, size_t, const char *const *),
    void *arg, char *err, size_t errlen)
{
	const char *vals[STORE_QUERY_COLS_MAX];
	enum store_status s;
	PGresult *res;
	int r, i, nrows, ncols;

	if ((s = store_pg_connect(st, err, errlen)) != STORE_OK)
		return s;
	res = PQexecParams(st->conn, sql, (int)nparams, NULL, params, NULL,
	    NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		store_pg_err(st, PQresultErrorMessage(res), err, errlen, "query");
		s = store_pg_classify(st, res);
		PQclear(res);
		store_pg_recover(st);
		return s;
	}
	nrows = PQntuples(res);
	ncols = PQnfields(res);
	if (ncols > STORE_QUERY_COLS_MAX)
		ncols = STORE_QUERY_COLS_MAX;
	for (r = 0; r < nrows; r++) {
		for (i = 0; i < ncols; i++)
			vals[i] = PQgetisnull(res, r, i) ? NULL :
			    PQgetvalue(res, r, i);
		if (row(arg, (size_t)ncols, vals) == -1) {
			PQclear(res);
			return STORE_REJECT;
		}
	}
	PQclear(res);
	return STORE_OK;
}

const struct store_backend store_backend_pg = {
	.name = "postgresql",
	.open = pg_open,
	.migrate = pg_migrate,
	.put_batch = pg_put_batch,
	.put_batch_at = pg_put_batch_at,
	.position = pg_position,
	.purge = store_pg_purge,
	.ping = pg_ping,
	.query = pg_query,
	.close = pg_close,
};
