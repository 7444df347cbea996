/*
 * record_scan.c: implements the checks record_from_json() makes on the raw
 * bytes of a message before a JSON parser sees them.
 *
 * Why before: cJSON would accept NUL bytes hidden behind its length,
 * invalid UTF-8 inside strings and nesting far deeper than any real
 * message, and it decodes "\u0000" into a NUL that silently cuts a string
 * short. Refusing those here keeps the parser's input to what Kamailio
 * can actually send, and gives each a precise refusal reason.
 */
#include <string.h>

#include "limits.h"
#include "record_int.h"

/*
 * Each branch follows the well-formed byte sequences of Unicode 15 table
 * 3-7: the second byte's range depends on the first byte, which is what
 * rules out overlong forms (C0, C1, E0 80..9F, F0 80..8F), surrogates
 * (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF).
 */
bool
record_is_utf8(const char *p, size_t len)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, n, k;
	unsigned char lo, hi;

	while (i < len) {
		unsigned char c = s[i];

		if (c == 0)
			return false;
		if (c < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c == 0xe0) {
			n = 2;
			lo = 0xa0;
		} else if (c == 0xed) {
			n = 2;
			hi = 0x9f;
		} else if (c >= 0xe1 && c <= 0xef)
			n = 2;
		else if (c == 0xf0) {
			n = 3;
			lo = 0x90;
		} else if (c >= 0xf1 && c <= 0xf3)
			n = 3;
		else if (c == 0xf4) {
			n = 3;
			hi = 0x8f;
		} else
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
	return true;
}

/*
 * One pass that tracks whether we are inside a string (so brackets in
 * strings do not count), the nesting depth, and which member of the
 * top-level object we are in: a string that starts at depth 1 right
 * after '{' or ',' is a key, and opens the next member. An escape is
 * skipped as a pair, so "\\u0000" (a backslash, then text) is not taken
 * for the escape "\u0000". On text that is not JSON the member count may
 * be wrong, but such text is refused by the JSON parser afterwards.
 */
int
record_scan(const char *p, size_t len, int depth0, enum rec_error *code,
    struct rec_scan *res)
{
	size_t i;
	int depth = depth0, member = -1;
	bool in_str = false, expect_key = false;

	res->nul_member = -1;
	if (!record_is_utf8(p, len)) {
		*code = REC_ERR_UTF8;
		return -1;
	}
	for (i = 0; i < len; i++) {
		char c = p[i];

		if (in_str) {
			if (c == '\\') {
				if (res->nul_member == -1 && len - i > 5 &&
				    memcmp(p + i + 1, "u0000", 5) == 0)
					res->nul_member = member < 0 ? 0 :
					    member;
				i++;
			} else if (c == '"')
				in_str = false;
			continue;
		}
		switch (c) {
		case '"':
			in_str = true;
			if (depth == depth0 + 1 && expect_key) {
				member++;
				expect_key = false;
			}
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
