/*
 * migrate.h: the numbered SQL migrations of each back end, compiled into
 * the daemon from sql/<driver>/NNN_name.sql (see tests/gen-sql.sh), so an
 * installed binary can never run against a different set of files.
 */
#ifndef MOSCDR_MIGRATE_H
#define MOSCDR_MIGRATE_H

#include <stddef.h>

struct migration {
	const char *driver;	/* "sqlite" or "postgresql" */
	int version;		/* NNN of the file name, 1, 2, ... */
	const char *name;	/* file name, "001_schema.sql" */
	const char *sql;	/* the file's text */
};

/*
 * Stores in *out the migrations of driver in ascending version order and
 * returns how many there are (0 for an unknown driver).
 */
size_t migrate_list(const char *driver, const struct migration **out);

/* Highest version known for driver, 0 when none. */
int migrate_latest(const char *driver);

#endif
