/*
 * store_pg_part.c: implements the partition maintenance and the
 * retention of the PostgreSQL back end (store_pg_int.h): partitions of
 * call, leg and mos_sample made ahead, the DEFAULT partitions emptied at
 * start, and retention by dropping whole partitions
 * (sql/postgresql/012_partitions.sql; docs/postgresql.md, "Partitions").
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "log.h"
#include "store.h"
#include "store_pg_int.h"
#include "util.h"

/* Seconds between two rounds of partition making (store_pg_part_make). */
#define PG_PART_INTERVAL_S	3600
/* How long partition maintenance waits for the tables' locks. */
#define PG_PART_LOCK_TIMEOUT	"2s"

/*
 * Partition maintenance (sql/postgresql/012_partitions.sql). Runs in
 * transactions of its own between batches, never fails its caller: a
 * failure (another daemon or a query holds the tables longer than
 * PG_PART_LOCK_TIMEOUT) is logged and counted, and the next round tries
 * again; rows outside the made partitions wait in the DEFAULT partition
 * meanwhile. sql's one result column is returned in *out.
 */
static enum store_status
pg_part_run(struct store *st, const char *sql, long long *out, char *err,
    size_t errlen)
{
	PGresult *res;
	enum store_status s;

	*out = 0;
	if ((s = store_pg_exec(st, "BEGIN; SET LOCAL lock_timeout = '"
	    PG_PART_LOCK_TIMEOUT "'; SET LOCAL client_min_messages = warning",
	    PGRES_COMMAND_OK, "partitions", err, errlen)) != STORE_OK)
		goto fail;
	res = PQexec(st->conn, sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		store_pg_err(st, PQresultErrorMessage(res), err, errlen,
		    "partitions");
		s = store_pg_classify(st, res);
		PQclear(res);
		goto fail;
	}
	*out = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	if ((s = store_pg_exec(st, "COMMIT", PGRES_COMMAND_OK, "partitions", err,
	    errlen)) != STORE_OK)
		goto fail;
	return STORE_OK;
fail:
	store_pg_recover(st);
	return s;
}

/*
 * Makes the partitions of yesterday (a late message), today and the
 * next database.partition_ahead_days days where missing; due again in
 * PG_PART_INTERVAL_S, after a failure too.
 */
void
store_pg_part_make(struct store *st)
{
	char sql[256], err[1024];
	long long made;

	st->part_next = util_monotonic() + PG_PART_INTERVAL_S;
	snprintf(sql, sizeof(sql), "SELECT coalesce(sum(moscdr_partition_make("
	    "now() + d * interval '1 day', %d)), 0)"
	    " FROM generate_series(-1, %d) AS d", st->part_days,
	    st->part_ahead);
	if (store_pg_connect(st, err, sizeof(err)) != STORE_OK ||
	    pg_part_run(st, sql, &made, err, sizeof(err)) != STORE_OK) {
		st->part_busy++;
		log_warnx("%s (partitions not made: %llu times so far; "
		    "retried in %d s)", err, st->part_busy, PG_PART_INTERVAL_S);
		return;
	}
	if (made > 0)
		log_info("postgresql: made the partitions of call, leg and "
		    "mos_sample for %lld more ranges of up to %d days", made,
		    st->part_days);
}

/* At start: the rows of the DEFAULT partitions into their own ones. */
void
store_pg_part_sweep(struct store *st)
{
	char sql[128], err[1024];
	long long moved;

	snprintf(sql, sizeof(sql), "SELECT moscdr_partition_sweep(%d)",
	    st->part_days);
	if (store_pg_connect(st, err, sizeof(err)) != STORE_OK ||
	    pg_part_run(st, sql, &moved, err, sizeof(err)) != STORE_OK) {
		st->part_busy++;
		log_warnx("%s (the DEFAULT partitions' rows stay there until "
		    "the next start)", err);
		return;
	}
	if (moved > 0)
		log_notice("postgresql: moved %lld calls from the DEFAULT "
		    "partitions into partitions of their own", moved);
}

/*
 * Retention (store.h) on partitions: detaches and drops the partitions of
 * call, leg and mos_sample whose range ends before the cutoff, oldest
 * first, one range per transaction. Each transaction locks the three
 * parent tables (moscdr_partition_lock(): not each partition, where a
 * vacuum would hold the lock up; sql/postgresql/014_partition_locks.sql)
 * in the writer's order (call, leg, mos_sample) with PG_PART_LOCK_TIMEOUT: a daemon writing or
 * a report reading then delays the drop, never the other way round for
 * long; a timeout is STORE_RETRY
 * (logged by the writer, retried at the next run). limit is not used: a
 * whole partition goes at once, whatever its size. *deleted is the
 * number of calls the dropped partitions held. Rows whose partition ends
 * after the cutoff stay (up to database.partition_days longer than the
 * retention), so do rows in the DEFAULT partition until the next start
 * moves them.
 */
enum store_status
store_pg_purge(struct store *st, double before_unix, size_t limit,
    uint64_t *deleted, char *err, size_t errlen)
{
	static const char oldest[] =
	    "SELECT partition, lo FROM moscdr_partition"
	    " WHERE parent = 'call' AND hi <= to_timestamp($1)"
	    " ORDER BY lo LIMIT 1";
	static const char drop[] =
	    "SELECT format('ALTER TABLE %I DETACH PARTITION %I; DROP TABLE %I',"
	    " parent, partition, partition) FROM moscdr_partition"
	    " WHERE lo = $1::timestamptz"
	    " ORDER BY array_position(ARRAY['mos_sample', 'leg', 'call'],"
	    " parent)";
	const char *param[1];
	char before[64], sql[256], *name = NULL, *lo = NULL;
	PGresult *res;
	enum store_status s;
	uint64_t held;
	int i;

	(void)limit;
	*deleted = 0;
	if ((s = store_pg_connect(st, err, errlen)) != STORE_OK)
		return s;
	if (util_monotonic() >= st->part_next)
		store_pg_part_make(st);
	snprintf(before, sizeof(before), "%.6f", before_unix);
	for (;;) {
		param[0] = before;
		res = PQexecParams(st->conn, oldest, 1, NULL, param, NULL,
		    NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			goto fail_res;
		if (PQntuples(res) == 0) {
			PQclear(res);
			return STORE_OK;
		}
		name = xstrdup(PQgetvalue(res, 0, 0));
		lo = xstrdup(PQgetvalue(res, 0, 1));
		PQclear(res);
		/* Counted before the locks: the count reads the whole
		 * partition, the locks are held only for the drop. */
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", name);
		res = PQexec(st->conn, sql);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			goto fail_res;
		held = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
		if ((s = store_pg_exec(st, "BEGIN; SET LOCAL lock_timeout = '"
		    PG_PART_LOCK_TIMEOUT "'; SELECT moscdr_partition_lock()",
		    PGRES_TUPLES_OK, "retention", err, errlen)) != STORE_OK)
			goto fail;
		param[0] = lo;
		res = PQexecParams(st->conn, drop, 1, NULL, param, NULL, NULL,
		    0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			goto fail_res;
		for (i = 0; i < PQntuples(res); i++)
			if ((s = store_pg_exec(st, PQgetvalue(res, i, 0),
			    PGRES_COMMAND_OK, "retention", err, errlen)) !=
			    STORE_OK) {
				PQclear(res);
				goto fail;
			}
		PQclear(res);
		if ((s = store_pg_exec(st, "COMMIT", PGRES_COMMAND_OK, "retention",
		    err, errlen)) != STORE_OK)
			goto fail;
		/* Only what a committed drop took: a failed one is tried
		 * again and counted then. */
		*deleted += held;
		log_info("retention: dropped the partitions of %s (from %s)",
		    name, lo);
		free(name);
		free(lo);
		name = lo = NULL;
	}
fail_res:
	store_pg_err(st, PQresultErrorMessage(res), err, errlen, "retention");
	s = store_pg_classify(st, res);
	PQclear(res);
fail:
	free(name);
	free(lo);
	store_pg_recover(st);
	return s;
}
