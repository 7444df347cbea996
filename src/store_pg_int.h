/*
 * store_pg_int.h: what the files of the PostgreSQL back end share
 * (store_pg.c, the store and its merge; store_pg_part.c, the partitions
 * and retention). Only those files include it.
 */
#ifndef MOSCDR_STORE_PG_INT_H
#define MOSCDR_STORE_PG_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "store.h"

/*
 * A connection. Invariants: conn is NULL or a connection attempt (maybe
 * broken); outside a call the connection is never inside a transaction.
 */
struct store {
	PGconn *conn;
	char *conninfo;		/* as configured, never shown */
	char timeout[16];	/* connect_timeout default, seconds */
	char writer[33];	/* moscdr_writer.writer: random, per open */
	unsigned long long batch; /* moscdr_writer.batch of the last commit */
	char *copybuf;		/* COPY data not yet handed to libpq */
	size_t copylen, copycap;
	int *round;		/* put_batch: round of each record */
	size_t roundcap;
	int part_days;		/* database.partition_days */
	int part_ahead;		/* database.partition_ahead_days */
	double part_next;	/* monotonic time partitions are next made */
	unsigned long long part_busy; /* maintenance runs that found a lock */
};

/* Fills err with "postgresql <who>: <what>: <message>". */
void store_pg_err(const struct store *st, const char *msg, char *err,
    size_t errlen, const char *what);
/* STORE_RETRY when the server or connection failed, else STORE_REJECT. */
enum store_status store_pg_classify(const struct store *st,
    const PGresult *res);
/* Ends an open or failed transaction; forgets a broken connection. */
void store_pg_recover(struct store *st);
/* Connects (again) when not connected. */
enum store_status store_pg_connect(struct store *st, char *err,
    size_t errlen);
/* Runs sql expecting status want; on failure fills err and classifies. */
enum store_status store_pg_exec(struct store *st, const char *sql,
    ExecStatusType want, const char *what, char *err, size_t errlen);

/* store_pg_part.c: partitions (sql/postgresql/012_partitions.sql). */
/* Makes the missing partitions from yesterday to partition_ahead_days
 * ahead; sets part_next. Logs, never fails. */
void store_pg_part_make(struct store *st);
/* Moves the DEFAULT partitions' rows into their own (at start). */
void store_pg_part_sweep(struct store *st);
/* store_backend.purge: drops the partitions older than the cutoff. */
enum store_status store_pg_purge(struct store *st, double before_unix,
    size_t limit, uint64_t *deleted, char *err, size_t errlen);

#endif
