/*
 * migrate.c: implements migrate.h over the table that the build generates
 * from sql/ (migrate_sql.c, made by tests/gen-sql.sh). The generated table
 * is sorted by driver, then version.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "migrate.h"

extern const struct migration migrate_table[];
extern const size_t migrate_table_len;
extern const struct migration migrate_views_table[];
extern const size_t migrate_views_table_len;

size_t
migrate_list(const char *driver, const struct migration **out)
{
	size_t i, first = 0, n = 0;

	for (i = 0; i < migrate_table_len; i++) {
		if (strcmp(migrate_table[i].driver, driver) != 0)
			continue;
		if (n == 0)
			first = i;
		n++;
	}
	*out = n > 0 ? &migrate_table[first] : NULL;
	return n;
}

int
migrate_latest(const char *driver)
{
	const struct migration *m;
	size_t n = migrate_list(driver, &m);

	return n > 0 ? m[n - 1].version : 0;
}

const struct migration *
migrate_views(const char *driver)
{
	size_t i;

	for (i = 0; i < migrate_views_table_len; i++)
		if (strcmp(migrate_views_table[i].driver, driver) == 0)
			return &migrate_views_table[i];
	return NULL;
}

void
migrate_hash(const char *sql, char out[MIGRATE_HASH_LEN])
{
	uint64_t h = 14695981039346656037ULL;
	const unsigned char *p;

	for (p = (const unsigned char *)sql; *p != '\0'; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	snprintf(out, MIGRATE_HASH_LEN, "%016llx", (unsigned long long)h);
}
