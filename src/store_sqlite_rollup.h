/*
 * store_sqlite_rollup.h: the SQLite back end's rollup sums, kept in
 * memory for one transaction (store_sqlite_sql.h, "The rollups").
 *
 * A pass reads the rows of a prepared, bound STORE_SQLITE_SQL_CONTRIB
 * query and adds each call's contribution, times -1 or 1, to the sums of
 * its keys: (hour, node, side) for rollup_hour, (node, side, kind, hour,
 * mos) for rollup_mos. A write then adds each key's sums to its row with
 * one ADD_HOUR or ADD_MOS upsert, and forgets them. A key whose sums are
 * all zero (a call taken out and put back unchanged) is not written:
 * adding zeros to its existing row changes nothing.
 *
 * Used by store_sqlite.c and the benchmark's raw baseline; the connection
 * is the caller's, used from one thread.
 */
#ifndef MOSCDR_STORE_SQLITE_ROLLUP_H
#define MOSCDR_STORE_SQLITE_ROLLUP_H

#include <sqlite3.h>

/* The columns of STORE_SQLITE_SQL_CONTRIB, in its order. */
enum rsum_col {
	RSUM_COL_CALL_PK, RSUM_COL_HOUR, RSUM_COL_NODE, RSUM_COL_TALK,
	RSUM_COL_RINGING, RSUM_COL_RA, RSUM_COL_RB,
	RSUM_COL_SIDE		/* the first side's first column */
};
/* Each side's columns (call, then A, then B), from RSUM_COL_SIDE on. */
enum rsum_side_col {
	RSUM_AVG, RSUM_MIN, RSUM_LOSS, RSUM_JIT, RSUM_ANY, RSUM_PER_SIDE
};

struct sqlite_rollup_sums;

struct sqlite_rollup_sums *sqlite_rollup_sums_new(void);
void sqlite_rollup_sums_free(struct sqlite_rollup_sums *);

/* Forgets every sum (after a rollback, or before a transaction). */
void sqlite_rollup_sums_clear(struct sqlite_rollup_sums *);

/*
 * Steps contrib (bound by the caller) to its end, adding each row times
 * sign (-1 or 1), then resets it. Returns SQLITE_OK or the SQLite code
 * (SQLITE_CONSTRAINT_NOTNULL for a row without hour or node, which the
 * rollup tables could not take).
 */
int sqlite_rollup_sums_pass(struct sqlite_rollup_sums *, sqlite3_stmt *contrib,
    int sign);

/*
 * Adds every key's sums to the tables through the prepared ADD_HOUR and
 * ADD_MOS statements, in the caller's transaction; then, unless figures
 * is NULL (the rollup fill of migration 006, before the columns exist),
 * sets the stored figures (migration 013) of every call a pass with
 * sign 1 read through the prepared CALL_SET; and clears the sums.
 * Returns SQLITE_OK or the code of the first failing upsert (the sums
 * are cleared either way: the caller rolls back).
 */
int sqlite_rollup_sums_write(struct sqlite_rollup_sums *, sqlite3_stmt *hour,
    sqlite3_stmt *mos, sqlite3_stmt *figures);

#endif
