/*
 * copy_from.h: copies an existing SQLite database of moscdr into the
 * configured PostgreSQL database (moscdrd --copy-from sqlite:PATH).
 */
#ifndef MOSCDR_COPY_FROM_H
#define MOSCDR_COPY_FROM_H

#include <stddef.h>

/*
 * Copies the calls of the SQLite file path, with their legs and samples,
 * into the PostgreSQL database of conninfo (migrated first), chunk by
 * chunk, each chunk one transaction that also records how far the copy
 * got; a copy that stopped resumes after its last chunk, and a finished
 * one copies nothing the second time. A call already in PostgreSQL (same
 * call_id and node) is merged: values PostgreSQL has stay, NULLs are
 * filled in, messages are added, received_at keeps the earliest. Prints
 * progress to stdout. Returns 0, or -1 with err set.
 */
int copy_from_sqlite(const char *conninfo, const char *path, char *err,
    size_t errlen);

#endif
