/*
 * migrate.h: the numbered SQL migrations of each back end, compiled into
 * the daemon from sql/<driver>/NNN_name.sql (see tests/gen-sql.sh), so an
 * installed binary can never run against a different set of files, and the
 * reporting views of each (sql/<driver>/views.sql).
 *
 * A store applies, in one transaction: every migration whose version is
 * not yet recorded in moscdr_schema_version, in ascending order (a gap in
 * the numbering is allowed), then the views when the fingerprint of their
 * text differs from the one recorded in moscdr_views.
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

/* The views of driver (version 0, name "views.sql"), NULL when none. */
const struct migration *migrate_views(const char *driver);

/* Fingerprint of an SQL text: 16 hex digits of its FNV-1a 64 hash. */
#define MIGRATE_HASH_LEN 17
void migrate_hash(const char *sql, char out[MIGRATE_HASH_LEN]);

#endif
