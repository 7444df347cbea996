/*
 * record_extra.c: implements `extra`, the unknown top-level keys of a
 * message kept as one compact JSON object of at most EXTRA_LEN_MAX bytes.
 *
 * Operators add their own keys to the message (a trunk name, a customer
 * id); they are stored with the call as they came, without being
 * interpreted. A message is never refused because of them: when they do
 * not fit, some are left out and the object says so with "_truncated".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "limits.h"
#include "record_int.h"
#include "util.h"

static int
unknown_cmp(const void *a, const void *b)
{
	const struct rec_unknown *x = a, *y = b;
	int c = strcmp(x->it->string, y->it->string);

	if (c != 0)
		return c;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Length of the JSON text cJSON prints for it. */
static size_t
json_len(const cJSON *it)
{
	char *s = cJSON_PrintUnformatted(it);
	size_t n;

	if (s == NULL)
		abort();	/* cJSON prints every tree it parsed: OOM */
	n = strlen(s);
	cJSON_free(s);
	return n;
}

static size_t
json_key_len(const char *name)
{
	cJSON *k = cJSON_CreateString(name);
	size_t n;

	if (k == NULL)
		abort();
	n = json_len(k);
	cJSON_Delete(k);
	return n;
}

/* The text of obj, as cJSON allocates it (cJSON_free() releases it). */
static char *
json_text(cJSON *obj)
{
	char *s = cJSON_PrintUnformatted(obj);

	if (s == NULL)
		abort();
	return s;
}

/*
 * `extra`: the unknown keys (us[0..n), message order, duplicates already
 * marked) as one compact JSON object. The object only references the
 * parsed values, so nothing is copied but the final text. When the text
 * would exceed EXTRA_LEN_MAX, the keys that fit are kept in message order
 * and "_truncated": true is added, which takes the place of any key of
 * that name the sender used.
 */
char *
record_extra_text(const struct rec_unknown *us, size_t n)
{
	static const char marker[] = "\"_truncated\":true";
	cJSON *obj;
	char *text;
	size_t i, total, add;
	bool any = false;

	if ((obj = cJSON_CreateObject()) == NULL)
		abort();
	for (i = 0; i < n; i++) {
		if (!us[i].keep)
			continue;
		any = true;
		if (!cJSON_AddItemReferenceToObject(obj, us[i].it->string,
		    (cJSON *)(uintptr_t)us[i].it))
			abort();
	}
	if (!any) {
		cJSON_Delete(obj);
		return NULL;
	}
	text = json_text(obj);
	cJSON_Delete(obj);
	if (strlen(text) <= EXTRA_LEN_MAX)
		return text;
	cJSON_free(text);

	/* "{" + members joined by "," + "}": each member priced alone. */
	if ((obj = cJSON_CreateObject()) == NULL)
		abort();
	total = 2 + (sizeof(marker) - 1);
	for (i = 0; i < n; i++) {
		if (!us[i].keep || strcmp(us[i].it->string, "_truncated") == 0)
			continue;
		add = json_key_len(us[i].it->string) + 1 + json_len(us[i].it) +
		    1;
		if (total + add > EXTRA_LEN_MAX)
			continue;
		total += add;
		if (!cJSON_AddItemReferenceToObject(obj, us[i].it->string,
		    (cJSON *)(uintptr_t)us[i].it))
			abort();
	}
	if (cJSON_AddTrueToObject(obj, "_truncated") == NULL)
		abort();
	text = json_text(obj);
	cJSON_Delete(obj);
	return text;
}

/*
 * Sorts a copy by (name, position) to find every name given more than
 * once in O(n log n): all but its last occurrence are dropped.
 */
void
record_extra_dedup(struct rec_unknown *us, size_t n)
{
	struct rec_unknown *s;
	size_t i;

	if (n < 2)
		return;
	s = xmalloc(n * sizeof(*s));
	memcpy(s, us, n * sizeof(*s));
	qsort(s, n, sizeof(*s), unknown_cmp);
	for (i = 0; i + 1 < n; i++)
		if (strcmp(s[i].it->string, s[i + 1].it->string) == 0)
			us[s[i].pos].keep = false;
	free(s);
}
