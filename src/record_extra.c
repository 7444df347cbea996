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

/* Does it, or anything inside it, hold a number? Bounded by
 * JSON_DEPTH_MAX, checked before. */
static bool
has_number(const cJSON *it)
{
	const cJSON *c;

	if (cJSON_IsNumber(it))
		return true;
	for (c = it->child; c != NULL; c = c->next)
		if (has_number(c))
			return true;
	return false;
}

/* Reads the raw text of the parsed tree in document order. */
struct raw_cursor {
	const char *p;
	size_t len, pos;
};

/*
 * The next number outside strings: start in *start, length returned (0
 * when the text ends first). In text that cJSON parsed, the numbers met
 * this way are the tree's number nodes in pre-order: keys and string
 * values are skipped whole, and true, false and null hold no digit.
 */
static size_t
raw_next_number(struct raw_cursor *c, const char **start)
{
	const char *p = c->p;
	size_t i = c->pos, b;

	while (i < c->len) {
		char ch = p[i];

		if (ch == '"') {
			for (i++; i < c->len && p[i] != '"'; i++)
				if (p[i] == '\\')
					i++;
			i++;
			continue;
		}
		if (ch == '-' || (ch >= '0' && ch <= '9')) {
			b = i;
			while (i < c->len && strchr("0123456789+-.eE",
			    p[i]) != NULL && p[i] != '\0')
				i++;
			c->pos = i;
			*start = p + b;
			return i - b;
		}
		i++;
	}
	c->pos = i;
	return 0;
}

/*
 * Is s[0..n) a number in JSON's grammar, -?(0|[1-9][0-9]*)(.[0-9]+)?
 * ([eE][+-]?[0-9]+)? ? *exp is the exponent's value (capped), 0 without.
 */
static bool
raw_strict(const char *s, size_t n, long *exp)
{
	size_t i = 0, d;
	bool neg = false;

	*exp = 0;
	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return false;
	if (i < n && s[i] == '.') {
		d = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return false;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			neg = s[i++] == '-';
		d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			if (*exp < 1000000)
				*exp = *exp * 10 + (s[i] - '0');
			i++;
		}
		if (i == d)
			return false;
		if (neg)
			*exp = -*exp;
	}
	return i == n;
}

/* Number node it, whose text is s[0..n), as the sender wrote it. */
static void
raw_keep(cJSON *it, const char *s, size_t n)
{
	char *text;
	long exp;

	if (!raw_strict(s, n, &exp))
		return;
	if ((text = cJSON_malloc(n + 1)) == NULL)
		abort();
	memcpy(text, s, n);
	text[n] = '\0';
	cJSON_free(it->valuestring);
	it->valuestring = text;
	if (n > RAW_NUMBER_LEN_MAX || exp > RAW_NUMBER_EXP_MAX ||
	    exp < -RAW_NUMBER_EXP_MAX)
		it->type = cJSON_String;
	else
		it->type = cJSON_Raw;
}

/* Consumes the numbers of it from c, keeping their text when keep. */
static void
raw_walk(cJSON *it, struct raw_cursor *c, bool keep)
{
	const char *s;
	cJSON *ch;
	size_t n;

	if (cJSON_IsNumber(it)) {
		n = raw_next_number(c, &s);
		if (keep && n > 0)
			raw_keep(it, s, n);
		return;
	}
	for (ch = it->child; ch != NULL; ch = ch->next)
		raw_walk(ch, c, keep);
}

void
record_extra_raw_numbers(const char *p, size_t len, cJSON *root,
    struct rec_unknown *us, size_t n)
{
	struct raw_cursor c = { p, len, 0 };
	size_t i, last = n, j = 0;
	cJSON *it;

	for (i = 0; i < n; i++)
		if (us[i].keep && has_number(us[i].it))
			last = i;
	if (last == n)
		return;
	/* Every member up to the last unknown one with a number, in order:
	 * the numbers of the known ones only move the cursor on. */
	for (it = root->child; it != NULL && j <= last; it = it->next) {
		bool unknown = (it == us[j].it);

		raw_walk(it, &c, unknown && us[j].keep);
		if (unknown)
			j++;
	}
}
