/*
 * record_scan.c: implements the checks record_from_json() makes on the raw
 * bytes of a message before a JSON parser sees them.
 *
 * Why before: cJSON would accept NUL bytes hidden behind its length,
 * invalid UTF-8 inside strings and nesting far deeper than any real
 * message, and it decodes "\u0000" into a NUL that silently cuts a string
 * short. Refusing those here keeps the parser's input to what Kamailio
 * can actually send, and gives each a precise refusal reason.
 *
 * Speed: every message goes through both passes, so each skips the bytes
 * that cannot matter to it eight at a time (plain ASCII for the UTF-8
 * check, string contents without '"' or '\\' for the structure pass).
 * A word that holds an interesting byte is looked at byte by byte (on a
 * little-endian machine from that byte on), so the result never depends
 * on the byte order of the machine.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "limits.h"
#include "record_int.h"


#define SCAN_ONES	0x0101010101010101ULL
#define SCAN_HIGHS	0x8080808080808080ULL
#define SCAN_QUOTES	(SCAN_ONES * (unsigned char)'"')
#define SCAN_BACKSLASHES (SCAN_ONES * (unsigned char)'\\')

static inline uint64_t
word_load(const unsigned char *s)
{
	uint64_t x;

	memcpy(&x, s, sizeof(x));
	return x;
}

/*
 * Non-zero iff a byte of x is zero. (The borrow of the subtraction may
 * also mark bytes above a zero byte; as a yes/no answer it is exact.)
 */
static inline uint64_t
word_has_zero(uint64_t x)
{
	return (x - SCAN_ONES) & ~x & SCAN_HIGHS;
}

/*
 * A lead byte c >= 0x80 of the well-formed byte sequences of Unicode 15
 * table 3-7: false when no sequence starts with it, else true with the
 * number of continuation bytes (1 to 3) in *n and the range of the first
 * one in *lo..*hi (the others are 80..BF). That the second byte's range
 * depends on the first is what rules out overlong forms (C0, C1, E0
 * 80..9F, F0 80..8F), surrogates (ED A0..BF) and code points above
 * U+10FFFF (F4 90.., F5..FF).
 */
static inline bool
utf8_lead(unsigned char c, size_t *n, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf)
		*n = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		*n = 2;
		if (c == 0xe0)
			*lo = 0xa0;
		else if (c == 0xed)
			*hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		*n = 3;
		if (c == 0xf0)
			*lo = 0x90;
		else if (c == 0xf4)
			*hi = 0x8f;
	} else
		return false;
	return true;
}

bool
record_is_utf8(const char *p, size_t len)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, n, k, end;
	unsigned char lo, hi;
	uint64_t x;

	while (i < len) {
		/* Eight ASCII bytes without NUL at once. */
		if (len - i >= 8) {
			x = word_load(s + i);
			if (((x & SCAN_HIGHS) | word_has_zero(x)) == 0) {
				i += 8;
				continue;
			}
		}
		/* Else this word (or the tail) byte by byte. */
		end = len - i > 8 ? i + 8 : len;
		while (i < end) {
			unsigned char c = s[i];

			if (c == 0)
				return false;
			if (c < 0x80) {
				i++;
				continue;
			}
			if (!utf8_lead(c, &n, &lo, &hi))
				return false;
			if (len - i - 1 < n)
				return false;
			if (s[i + 1] < lo || s[i + 1] > hi)
				return false;
			for (k = 2; k <= n; k++)
				if (s[i + k] < 0x80 || s[i + k] > 0xbf)
					return false;
			i += n + 1;
		}
	}
	return true;
}

/*
 * The length of the well-formed sequence at s[0..avail) (1 to 4, *ok
 * true), or of its maximal ill-formed subpart (at least 1, *ok false):
 * the lead byte and the continuation bytes that still fit table 3-7.
 * Replacing each such subpart by one U+FFFD is Unicode's recommended
 * practice (chapter 3, "U+FFFD Substitution of Maximal Subparts").
 */
static size_t
utf8_seq(const unsigned char *s, size_t avail, bool *ok)
{
	unsigned char c = s[0], lo, hi;
	size_t n, k;

	*ok = true;
	if (c < 0x80)
		return 1;
	if (!utf8_lead(c, &n, &lo, &hi)) {
		*ok = false;
		return 1;
	}
	for (k = 1; k <= n; k++) {
		if (k >= avail || s[k] < lo || s[k] > hi) {
			*ok = false;
			return k;
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return n + 1;
}

bool
record_utf8_repair(char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t len = strlen(*sp), i, n, bad = 0;
	unsigned char *out, *q;
	bool ok;

	if (record_is_utf8(*sp, len))
		return false;
	for (i = 0; i < len; i += n) {
		n = utf8_seq(s + i, len - i, &ok);
		if (!ok)
			bad++;
	}
	/* Each bad subpart (>= 1 byte) becomes 3 bytes. */
	if ((out = cJSON_malloc(len + 2 * bad + 1)) == NULL)
		abort();
	for (i = 0, q = out; i < len; i += n) {
		n = utf8_seq(s + i, len - i, &ok);
		if (ok) {
			memcpy(q, s + i, n);
			q += n;
		} else {
			*q++ = 0xef;
			*q++ = 0xbf;
			*q++ = 0xbd;
		}
	}
	*q = '\0';
	cJSON_free(*sp);
	*sp = (char *)out;
	return true;
}

size_t
record_utf8_cut(const char *s, size_t len, size_t max)
{
	size_t cut;

	if (len <= max)
		return len;
	cut = max;
	while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
		cut--;
	return cut;
}

/*
 * The index just past the closing quote of the string whose contents
 * start at p[i], or len when the text ends first. An escape is skipped
 * as a pair, so "\\u0000" (a backslash, then text) is not taken for the
 * escape "\u0000"; *nul becomes true when that escape is met.
 */
static size_t
scan_string(const unsigned char *s, size_t len, size_t i, bool *nul)
{
	uint64_t x, m;

	while (i < len) {
		/* Eight bytes without '"' or '\\' at once. */
		while (len - i >= 8) {
			x = word_load(s + i);
			m = word_has_zero(x ^ SCAN_QUOTES) |
			    word_has_zero(x ^ SCAN_BACKSLASHES);
			if (m == 0) {
				i += 8;
				continue;
			}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* The lowest mark is exact: the first such byte. */
			i += (size_t)__builtin_ctzll(m) / 8;
#endif
			break;
		}
		/* The '"' or '\\' is in the next eight bytes, or none is left. */
		for (; i < len; i++) {
			if (s[i] == '"')
				return i + 1;
			if (s[i] == '\\')
				break;
		}
		if (i == len)
			break;
		if (len - i > 5 && memcmp(s + i + 1, "u0000", 5) == 0)
			*nul = true;
		i += 2;
	}
	return len;
}

/*
 * One pass that skips strings (so brackets in strings do not count) and
 * tracks the nesting depth and which member of the top-level object we
 * are in: a string that starts at depth 1 right after '{' or ',' is a
 * key, and opens the next member. On text that is not JSON the member
 * count may be wrong, but such text is refused by the JSON parser
 * afterwards.
 */
int
record_scan(const char *p, size_t len, int depth0, enum rec_error *code,
    struct rec_scan *res)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0;
	int depth = depth0, member = -1;
	bool expect_key = false, nul = false;

	res->nul_member = -1;
	/* Invalid UTF-8 is repaired after the parse (record_utf8_repair());
	 * a raw NUL byte is refused. */
	if (memchr(p, '\0', len) != NULL) {
		*code = REC_ERR_UTF8;
		return -1;
	}
	while (i < len) {
		unsigned char c = s[i++];

		switch (c) {
		case '"':
			if (depth == depth0 + 1 && expect_key) {
				member++;
				expect_key = false;
			}
			i = scan_string(s, len, i, &nul);
			/* The member is the same from quote to quote. */
			if (nul && res->nul_member == -1)
				res->nul_member = member < 0 ? 0 : member;
			break;
		case '{':
		case '[':
			if (++depth > JSON_DEPTH_MAX) {
				*code = REC_ERR_DEPTH;
				return -1;
			}
			if (depth == depth0 + 1 && c == '{')
				expect_key = true;
			break;
		case '}':
		case ']':
			if (depth > depth0)
				depth--;
			break;
		case ',':
			if (depth == depth0 + 1)
				expect_key = true;
			break;
		default:
			break;
		}
	}
	return 0;
}
