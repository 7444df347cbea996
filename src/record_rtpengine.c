/*
 * record_rtpengine.c: implements record_rtpengine(): the "MOS progression"
 * of rtpengine's query reply (rtpengine_query_v("j")) as progression
 * samples of side A or B.
 *
 * The reply keys its quality data by SSRC, and names sides only through
 * tags: tags.<tag>.label (the label= flag of the offer or answer) and the
 * SSRCs of tags.<tag>.medias[].streams[]. A tag is side A when its label
 * is the message's mos_A_label, B for mos_B_label; when neither label
 * matches, the tag that equals from_tag is A and the one that equals
 * to_tag is B. An SSRC found under tags of both sides is ambiguous and,
 * like an SSRC under no sided tag, its entries are counted in
 * progression_unmapped instead of being guessed.
 *
 * Only the parts of the reply used here are checked; a wrong type or an
 * impossible value there refuses the message (REC_ERR_VALUE, "rtpengine").
 * Where the reply repeats a key, cJSON's first occurrence is used.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <cJSON.h>

#include "limits.h"
#include "record_int.h"
#include "util.h"

#define RTP_FIELD	"rtpengine"

/* Results of tags_side_of(). */
#define SIDE_NONE	(-1)
#define SIDE_A		0
#define SIDE_B		1
#define SIDE_BOTH	2

static int
rtp_fail(struct rec_build *b)
{
	return record_fail(b->err, REC_ERR_VALUE, RTP_FIELD);
}

/* A number (or numeric string) of the reply; NAN when absent or null. */
static int
rtp_number(struct rec_build *b, const cJSON *obj, const char *key,
    double *v)
{
	enum rec_error code;

	if (record_json_number(cJSON_GetObjectItemCaseSensitive(obj, key), v,
	    &code) == -1)
		return rtp_fail(b);
	return 0;
}

/* An SSRC: a 32-bit unsigned integer, as a JSON number or digits. */
static int
ssrc_parse(const cJSON *it, bool *known, uint32_t *ssrc)
{
	enum rec_error code;
	double v;

	*known = false;
	if (record_json_number(it, &v, &code) == -1)
		return -1;
	if (isnan(v))
		return 0;
	if (v < 0 || v > 4294967295.0 || v != floor(v))
		return -1;
	*ssrc = (uint32_t)v;
	*known = true;
	return 0;
}

/* The key of an SSRC entry: 1 to 10 decimal digits, at most 2^32 - 1. */
static int
ssrc_from_key(const char *k, uint32_t *ssrc)
{
	uint64_t v = 0;
	size_t i;

	if (k == NULL || k[0] == '\0')
		return -1;
	for (i = 0; k[i] != '\0'; i++) {
		if (i >= 10 || k[i] < '0' || k[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(k[i] - '0');
	}
	if (v > UINT32_MAX)
		return -1;
	*ssrc = (uint32_t)v;
	return 0;
}

/* Which side a tag is, by label first, then by from_tag / to_tag. */
static int
tag_side(struct rec_build *b, const cJSON *tag, int *side)
{
	const struct record *r = b->r;
	const cJSON *label = cJSON_GetObjectItemCaseSensitive(tag, "label");
	const char *l = NULL;

	if (label != NULL && !cJSON_IsNull(label)) {
		if (!cJSON_IsString(label) || label->valuestring == NULL)
			return rtp_fail(b);
		l = label->valuestring;
	}
	*side = SIDE_NONE;
	if (l != NULL && r->legs[0].label != NULL &&
	    strcmp(l, r->legs[0].label) == 0)
		*side = SIDE_A;
	else if (l != NULL && r->legs[1].label != NULL &&
	    strcmp(l, r->legs[1].label) == 0)
		*side = SIDE_B;
	else if (tag->string != NULL && r->from_tag != NULL &&
	    strcmp(tag->string, r->from_tag) == 0)
		*side = SIDE_A;
	else if (tag->string != NULL && r->to_tag != NULL &&
	    strcmp(tag->string, r->to_tag) == 0)
		*side = SIDE_B;
	return 0;
}

/*
 * Walks tags.*.medias[].streams[].SSRC, checking their types. When want
 * is non-NULL, *side becomes the side whose tags hold that SSRC
 * (SIDE_NONE, SIDE_A, SIDE_B or SIDE_BOTH). The walk is repeated for each
 * SSRC looked up (at most SSRC_MAX): cheaper than building a map for the
 * few SSRCs a call has, and bounded by the message size.
 */
static int
tags_walk(struct rec_build *b, const cJSON *tags, const uint32_t *want,
    int *side)
{
	const cJSON *tag, *medias, *media, *streams, *stream;
	uint32_t ssrc;
	bool known;
	int ts = SIDE_NONE;

	*side = SIDE_NONE;
	if (tags == NULL || cJSON_IsNull(tags))
		return 0;
	if (!cJSON_IsObject(tags))
		return rtp_fail(b);
	cJSON_ArrayForEach(tag, tags) {
		if (!cJSON_IsObject(tag) || tag_side(b, tag, &ts) == -1)
			return rtp_fail(b);
		medias = cJSON_GetObjectItemCaseSensitive(tag, "medias");
		if (medias == NULL || cJSON_IsNull(medias))
			continue;
		if (!cJSON_IsArray(medias))
			return rtp_fail(b);
		cJSON_ArrayForEach(media, medias) {
			if (!cJSON_IsObject(media))
				return rtp_fail(b);
			streams = cJSON_GetObjectItemCaseSensitive(media,
			    "streams");
			if (streams == NULL || cJSON_IsNull(streams))
				continue;
			if (!cJSON_IsArray(streams))
				return rtp_fail(b);
			cJSON_ArrayForEach(stream, streams) {
				if (!cJSON_IsObject(stream) ||
				    ssrc_parse(cJSON_GetObjectItemCaseSensitive(
				    stream, "SSRC"), &known, &ssrc) == -1)
					return rtp_fail(b);
				if (want == NULL || !known || ssrc != *want ||
				    ts == SIDE_NONE || *side == ts)
					continue;
				*side = *side == SIDE_NONE ? ts : SIDE_BOTH;
			}
		}
	}
	return 0;
}

/* Appends to b->prog: in b->prog_first first, then on the heap. */
static void
prog_push(struct rec_build *b, const struct rec_sample *s)
{
	if (b->prog == NULL) {
		b->prog = b->prog_first;
		b->progcap = REC_PROG_FIRST;
	} else if (b->nprog == b->progcap) {
		if (b->prog == b->prog_first) {
			b->prog = xmalloc(2 * b->progcap * sizeof(*b->prog));
			memcpy(b->prog, b->prog_first,
			    b->progcap * sizeof(*b->prog));
		} else
			b->prog = xrealloc(b->prog,
			    2 * b->progcap * sizeof(*b->prog));
		b->progcap *= 2;
	}
	b->prog[b->nprog++] = *s;
}

/*
 * One "MOS progression" entry. MOS comes as rtpengine's integer x10.
 * at_offset_s counts whole seconds from the integer "created", as the
 * rtpengine module computes its *_at values.
 */
static int
rtp_entry(struct rec_build *b, const cJSON *e, int side, double created_s,
    unsigned *seq)
{
	static const struct {
		const char *key;
		enum rec_quantity q;
	} fields[] = {
		{ "MOS", REC_Q_MOS },
		{ "packet loss", REC_Q_PACKETLOSS },
		{ "jitter", REC_Q_JITTER },
		{ "round-trip time", REC_Q_ROUNDTRIP },
		{ "round-trip time leg", REC_Q_ROUNDTRIP_LEG },
	};
	struct rec_sample s;
	unsigned refused = 0;
	double v;
	size_t i;

	if (!cJSON_IsObject(e))
		return rtp_fail(b);
	record_sample_init(&s, side == SIDE_A ? REC_SCOPE_A : REC_SCOPE_B,
	    REC_KIND_PROGRESSION);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (rtp_number(b, e, fields[i].key, &v) == -1)
			return -1;
		if (isnan(v))
			continue;
		if (fields[i].q == REC_Q_MOS)
			v /= 10;
		if (record_check_quantity(fields[i].q, &v, &refused) == -1)
			return rtp_fail(b);
		record_sample_set(&s, fields[i].q, v);
	}
	if (rtp_number(b, e, "reported at", &v) == -1)
		return -1;
	if (!isnan(v) && !(v > 0 && v < REC_TIME_MAX))
		return rtp_fail(b);
	s.reported_at = v;
	if (!isnan(v) && !isnan(created_s) && v >= created_s)
		s.at_offset_s = floor(v - created_s);

	if (side != SIDE_A && side != SIDE_B) {
		b->r->progression_unmapped++;
		return 0;
	}
	/* Counted like a refused MOS key, even when nothing else is left. */
	b->r->mos_refused += refused;
	if (!record_sample_known(&s) || *seq >= PROGRESSION_MAX)
		return 0;
	s.seq = (uint16_t)(*seq)++;
	prog_push(b, &s);
	return 0;
}

/* "created" and "created_us": when rtpengine set the call up. */
static int
rtp_created(struct rec_build *b, const cJSON *rtp, double *created_s)
{
	double c, us;

	if (rtp_number(b, rtp, "created", &c) == -1 ||
	    rtp_number(b, rtp, "created_us", &us) == -1)
		return -1;
	*created_s = NAN;
	if (isnan(c))
		return 0;
	if (!(c > 0 && c < REC_TIME_MAX))
		return rtp_fail(b);
	if (!isnan(us) && (us < 0 || us >= 1e6))
		return rtp_fail(b);
	*created_s = c;
	b->created = isnan(us) ? c : c + us / 1e6;
	return 0;
}

int
record_rtpengine(struct rec_build *b, const cJSON *rtp)
{
	const cJSON *tags, *ssrcs, *one, *prog, *entries, *e;
	unsigned seq[2] = { 0, 0 }, nssrc = 0;
	double created_s;
	uint32_t ssrc;
	int side;

	if (rtp_created(b, rtp, &created_s) == -1)
		return -1;
	tags = cJSON_GetObjectItemCaseSensitive(rtp, "tags");
	/* Checks the tags even when there is no SSRC to look up. */
	if (tags_walk(b, tags, NULL, &side) == -1)
		return -1;
	ssrcs = cJSON_GetObjectItemCaseSensitive(rtp, "SSRC");
	if (ssrcs == NULL || cJSON_IsNull(ssrcs))
		return 0;
	if (!cJSON_IsObject(ssrcs))
		return rtp_fail(b);
	cJSON_ArrayForEach(one, ssrcs) {
		if (nssrc++ >= SSRC_MAX)
			break;
		if (!cJSON_IsObject(one))
			return rtp_fail(b);
		prog = cJSON_GetObjectItemCaseSensitive(one, "MOS progression");
		if (prog == NULL || cJSON_IsNull(prog))
			continue;
		if (!cJSON_IsObject(prog))
			return rtp_fail(b);
		entries = cJSON_GetObjectItemCaseSensitive(prog, "entries");
		if (entries == NULL || cJSON_IsNull(entries))
			continue;
		if (!cJSON_IsArray(entries))
			return rtp_fail(b);
		side = SIDE_NONE;
		if (ssrc_from_key(one->string, &ssrc) == 0 &&
		    tags_walk(b, tags, &ssrc, &side) == -1)
			return -1;
		cJSON_ArrayForEach(e, entries)
			if (rtp_entry(b, e, side, created_s,
			    side == SIDE_B ? &seq[1] : &seq[0]) == -1)
				return -1;
	}
	return 0;
}
