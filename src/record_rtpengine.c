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
 * The same walk gathers each side's media facts (struct rec_media): the
 * streams under a side's tags are what rtpengine received from that
 * party. A stream whose "flags" hold "RTCP" is an RTCP stream; any other
 * is an RTP stream. Packet, byte and error counts add up over the side's
 * streams of that kind; the endpoint, SSRC, protocol and codec are the
 * first RTP stream's (protocol and codec those of its media); the last
 * packet time is the latest of all. A value the reply
 * lacks stays unknown; a count is known as soon as one stream gives it.
 * At most MEDIA_STREAMS_MAX streams are read; the rest are ignored.
 *
 * record_media_reasons() turns those facts into the reason a side has no
 * MOS (enum rec_missing), in this order, the first that holds:
 *   the side has a MOS value (any sample)       -> none (NULL)
 *   the message carried no rtpengine reply      -> no_reply
 *   the reply names no stream of the side,
 *   or gives no RTP packet count                -> unknown
 *   0 RTP packets from the side                 -> no_media
 *   0 RTCP packets from the side                -> no_rtcp
 *   the reply names the peer's streams and
 *   counts 0 RTCP packets from the peer         -> peer_no_rtcp
 *   the call lasted under REC_TOO_SHORT_S       -> too_short
 *   anything else                               -> unknown
 * The call's length for too_short is its talk time, end_time -
 * answer_time, when the message has both (one clock, Kamailio's; media
 * and RTCP start with the answer); else the latest last-packet time
 * minus rtpengine's "created" (which counts the ringing too) when the
 * reply has both; else end_time - start_time.
 * peer_no_rtcp: rtpengine's MOS (CQ mode) needs a round-trip time, which
 * it gets from LSR/DLSR in report blocks, so from RTCP of both parties;
 * with RTCP from one party only neither side gets a MOS (measured with
 * rtpengine 10.5, tests/data/e2e-reply-oneside.json), and the side that
 * did send RTCP is told apart from the silent one, which is no_rtcp.
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

/* Largest UDP port. */
#define PORT_MAX	65535.0

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

/* A count of the reply: whole, >= 0; NAN when absent. */
static int
media_count(struct rec_build *b, const cJSON *obj, const char *key,
    double *v)
{
	if (rtp_number(b, obj, key, v) == -1)
		return -1;
	if (!isnan(*v) && (*v < 0 || *v > REC_MAGNITUDE_MAX || *v != floor(*v)))
		return rtp_fail(b);
	return 0;
}

/* Adds a known count to a sum that starts unknown. */
static void
media_add(double *sum, double v)
{
	if (!isnan(v))
		*sum = isnan(*sum) ? v : *sum + v;
}

/* Copies a JSON string of at most max bytes; "" when absent or longer. */
static int
media_text(struct rec_build *b, const cJSON *it, char *dst, size_t max)
{
	size_t n;

	if (it == NULL || cJSON_IsNull(it))
		return 0;
	if (!cJSON_IsString(it) || it->valuestring == NULL)
		return rtp_fail(b);
	n = strlen(it->valuestring);
	if (n <= max) {
		memcpy(dst, it->valuestring, n);
		dst[n] = '\0';
	}
	return 0;
}

/* Does the stream's "flags" array hold "RTCP"? */
static int
media_is_rtcp(struct rec_build *b, const cJSON *stream, bool *rtcp)
{
	const cJSON *flags = cJSON_GetObjectItemCaseSensitive(stream, "flags");
	const cJSON *f;

	*rtcp = false;
	if (flags == NULL || cJSON_IsNull(flags))
		return 0;
	if (!cJSON_IsArray(flags))
		return rtp_fail(b);
	cJSON_ArrayForEach(f, flags)
		if (cJSON_IsString(f) && f->valuestring != NULL &&
		    strcmp(f->valuestring, "RTCP") == 0)
			*rtcp = true;
	return 0;
}

static void
media_init(struct rec_media *m)
{
	m->media = true;
	m->rtp_packets = m->rtp_bytes = m->rtp_errors = NAN;
	m->rtcp_packets = m->remote_port = m->ssrc = m->last_packet = NAN;
	m->remote_addr[0] = m->protocol[0] = m->codec[0] = '\0';
}

/* One stream of a media of a side's tag into that side's facts. */
static int
media_stream(struct rec_build *b, const cJSON *media, const cJSON *stream,
    bool ssrc_known, uint32_t ssrc, struct rec_media *m)
{
	const cJSON *stats, *ep;
	double packets, bytes, errors, port, last;
	bool rtcp, first;

	if (b->nstreams >= MEDIA_STREAMS_MAX)
		return 0;
	b->nstreams++;
	if (!m->media)
		media_init(m);
	if (media_is_rtcp(b, stream, &rtcp) == -1)
		return -1;
	stats = cJSON_GetObjectItemCaseSensitive(stream, "stats");
	packets = bytes = errors = NAN;
	if (stats != NULL && !cJSON_IsNull(stats)) {
		if (!cJSON_IsObject(stats) ||
		    media_count(b, stats, "packets", &packets) == -1 ||
		    media_count(b, stats, "bytes", &bytes) == -1 ||
		    media_count(b, stats, "errors", &errors) == -1)
			return rtp_fail(b);
	}
	if (rtp_number(b, stream, "last packet", &last) == -1)
		return -1;
	/* rtpengine writes 0 for a stream that never received a packet. */
	if (!isnan(last) && last != 0) {
		if (!(last > 0 && last < REC_TIME_MAX))
			return rtp_fail(b);
		if (isnan(m->last_packet) || last > m->last_packet)
			m->last_packet = last;
	}
	if (rtcp) {
		media_add(&m->rtcp_packets, packets);
		return 0;
	}
	first = isnan(m->rtp_packets) && isnan(m->ssrc) &&
	    m->remote_addr[0] == '\0';
	media_add(&m->rtp_packets, packets);
	media_add(&m->rtp_bytes, bytes);
	media_add(&m->rtp_errors, errors);
	if (!first)
		return 0;
	if (ssrc_known)
		m->ssrc = ssrc;
	if (media_text(b, cJSON_GetObjectItemCaseSensitive(media, "protocol"),
	    m->protocol, MEDIA_PROTO_LEN_MAX) == -1 ||
	    media_text(b, cJSON_GetObjectItemCaseSensitive(media, "codec"),
	    m->codec, MEDIA_CODEC_LEN_MAX) == -1)
		return -1;
	ep = cJSON_GetObjectItemCaseSensitive(stream, "endpoint");
	if (ep == NULL || cJSON_IsNull(ep))
		return 0;
	if (!cJSON_IsObject(ep) ||
	    media_text(b, cJSON_GetObjectItemCaseSensitive(ep, "address"),
	    m->remote_addr, MEDIA_ADDR_LEN_MAX) == -1 ||
	    rtp_number(b, ep, "port", &port) == -1)
		return rtp_fail(b);
	if (!isnan(port) && (port < 0 || port > PORT_MAX || port != floor(port)))
		return rtp_fail(b);
	/* Port 0: rtpengine has not learnt the endpoint. */
	if (!isnan(port) && port != 0)
		m->remote_port = port;
	return 0;
}

/*
 * Walks tags.*.medias[].streams[].SSRC, checking their types. When want
 * is non-NULL, *side becomes the side whose tags hold that SSRC
 * (SIDE_NONE, SIDE_A, SIDE_B or SIDE_BOTH). The walk is repeated for each
 * SSRC looked up (at most SSRC_MAX): cheaper than building a map for the
 * few SSRCs a call has, and bounded by the message size. The first walk
 * (want NULL) also gathers the sides' media facts.
 */
static int
tags_walk(struct rec_build *b, const cJSON *tags, const uint32_t *want,
    int *side)
{
	const cJSON *tag, *medias, *media, *streams, *stream;
	uint32_t ssrc = 0;
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
				if (want == NULL && (ts == SIDE_A ||
				    ts == SIDE_B) && media_stream(b, media,
				    stream, known, ssrc,
				    &b->r->legs[ts].m) == -1)
					return -1;
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

/* Does the record hold a MOS value for the side (scope)? */
static bool
side_has_mos(const struct record *r, int scope)
{
	size_t i;

	for (i = 0; i < r->nsamples; i++)
		if (r->samples[i].scope == scope && !isnan(r->samples[i].mos))
			return true;
	return false;
}

void
record_media_reasons(struct record *r, bool replied, double created)
{
	const struct rec_media *m;
	double last = NAN, length = NAN;
	int i;

	for (i = 0; i < 2; i++) {
		m = &r->legs[i].m;
		if (m->media && !isnan(m->last_packet) &&
		    (isnan(last) || m->last_packet > last))
			last = m->last_packet;
	}
	if (!isnan(r->end_time) && !isnan(r->answer_time))
		length = r->end_time - r->answer_time;
	else if (!isnan(last) && !isnan(created))
		length = last - floor(created);
	else if (!isnan(r->end_time) && !isnan(r->start_time))
		length = r->end_time - r->start_time;
	for (i = 0; i < 2; i++) {
		struct rec_leg *l = &r->legs[i];
		const struct rec_media *peer = &r->legs[1 - i].m;

		m = &l->m;
		if (m->media)
			l->present = true;
		if (side_has_mos(r, i == 0 ? REC_SCOPE_A : REC_SCOPE_B))
			l->mos_missing = REC_MISSING_NONE;
		else if (!replied)
			l->mos_missing = REC_MISSING_NO_REPLY;
		else if (!m->media || isnan(m->rtp_packets))
			l->mos_missing = REC_MISSING_UNKNOWN;
		else if (m->rtp_packets == 0)
			l->mos_missing = REC_MISSING_NO_MEDIA;
		else if (m->rtcp_packets == 0)
			l->mos_missing = REC_MISSING_NO_RTCP;
		else if (peer->media && peer->rtcp_packets == 0)
			l->mos_missing = REC_MISSING_PEER_NO_RTCP;
		else if (!isnan(length) && length < REC_TOO_SHORT_S)
			l->mos_missing = REC_MISSING_TOO_SHORT;
		else
			l->mos_missing = REC_MISSING_UNKNOWN;
	}
}
