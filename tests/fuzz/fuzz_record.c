/*
 * fuzz_record.c: the libFuzzer target for record_from_json(), the wire
 * format parser that every network message goes through.
 *
 * Beyond "no crash, no leak, no undefined behaviour" it checks the
 * parser's contract on every input, and aborts when it is broken:
 *  - refusal: *out stays NULL and the reason is a real one;
 *  - success: node and call_id within their bounds and without NUL, every
 *    sample with a valid scope and kind and at least one known value,
 *    MOS values within 1.0..5.0 when known, extra within EXTRA_LEN_MAX
 *    and JSON that parses; every string valid UTF-8 (invalid input is
 *    repaired, never passed on), optional text within FIELD_LEN_MAX;
 *  - determinism: a second parse of the same bytes gives the same result
 *    (code, or the same number of samples and MOS values).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "limits.h"
#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Plain UTF-8 check, written apart from the parser's own. */
static int
fuzz_utf8(const char *p)
{
	const unsigned char *s = (const unsigned char *)p;
	unsigned long cp;
	int n, k;

	while (*s != 0) {
		if (*s < 0x80) {
			s++;
			continue;
		}
		if ((*s & 0xe0) == 0xc0) {
			n = 1;
			cp = *s & 0x1f;
		} else if ((*s & 0xf0) == 0xe0) {
			n = 2;
			cp = *s & 0x0f;
		} else if ((*s & 0xf8) == 0xf0) {
			n = 3;
			cp = *s & 0x07;
		} else
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[k] & 0x3f);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		    (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		s += n + 1;
	}
	return 1;
}

static void
fuzz_text(const char *t, size_t max)
{
	if (t == NULL)
		return;
	if (strlen(t) == 0 || strlen(t) > max || !fuzz_utf8(t))
		abort();
}

static void
fuzz_check(const struct record *r)
{
	size_t i, n;

	n = strlen(r->call_id);
	if (n == 0 || n > CALL_ID_LEN_MAX)
		abort();
	n = strlen(r->node);
	if (n == 0 || n > NODE_LEN_MAX)
		abort();
	if (r->extra != NULL && strlen(r->extra) > EXTRA_LEN_MAX)
		abort();
	if (r->extra != NULL) {
		cJSON *x = cJSON_Parse(r->extra);

		if (x == NULL || !cJSON_IsObject(x) || !fuzz_utf8(r->extra))
			abort();
		cJSON_Delete(x);
	}
	if (!fuzz_utf8(r->call_id) || !fuzz_utf8(r->node))
		abort();
	fuzz_text(r->from_tag, FIELD_LEN_MAX);
	fuzz_text(r->to_tag, FIELD_LEN_MAX);
	fuzz_text(r->from_uri, FIELD_LEN_MAX);
	fuzz_text(r->to_uri, FIELD_LEN_MAX);
	fuzz_text(r->sip_reason, FIELD_LEN_MAX);
	fuzz_text(r->legs[0].label, FIELD_LEN_MAX);
	fuzz_text(r->legs[1].label, FIELD_LEN_MAX);
	for (i = 0; i < r->nsamples; i++) {
		const struct rec_sample *s = &r->samples[i];

		if (s->scope >= REC_SCOPE_COUNT || s->kind >= REC_KIND_COUNT)
			abort();
		if (!isnan(s->mos) && (s->mos < 1.0 || s->mos > 5.0))
			abort();
		if (s->kind != REC_KIND_PROGRESSION && s->seq != 0)
			abort();
		if (isnan(s->mos) && isnan(s->packetloss_pct) &&
		    isnan(s->jitter_ms) && isnan(s->roundtrip_us) &&
		    isnan(s->roundtrip_leg_us) && isnan(s->samples) &&
		    isnan(s->at_offset_s) && isnan(s->reported_at))
			abort();
		if (s->scope != REC_SCOPE_CALL && !r->legs[s->scope - 1].present)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_opts opts = { "fuzz", 1.0 };
	struct rec_errinfo e1, e2;
	struct record *r1 = NULL, *r2 = NULL;
	int rc1, rc2;

	rc1 = record_from_json((const char *)data, size, &opts, &r1, &e1);
	rc2 = record_from_json((const char *)data, size, &opts, &r2, &e2);
	if (rc1 != rc2)
		abort();
	if (rc1 == -1) {
		if (r1 != NULL || e1.code <= REC_OK || e1.code >= REC_ERR_COUNT ||
		    e1.code != e2.code || strcmp(e1.field, e2.field) != 0)
			abort();
		return 0;
	}
	if (r1 == NULL || r2 == NULL)
		abort();
	fuzz_check(r1);
	if (r1->nsamples != r2->nsamples || r1->mos_refused != r2->mos_refused ||
	    strcmp(r1->call_id, r2->call_id) != 0)
		abort();
	record_free(r1);
	record_free(r2);
	return 0;
}
