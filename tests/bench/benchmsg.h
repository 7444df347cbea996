/*
 * benchmsg.h: realistic wire-format v1 messages for the benchmark, and the
 * normalized rows each one stands for.
 *
 * The load generator (loadgen.c) sends the JSON text; the database
 * baselines (baseline_sqlite.c, baseline_pg.c) insert the rows directly, so
 * both sides of a comparison store the same data: 1 call, 2 legs and
 * 0, 9 or 29 mos_sample rows per message. Everything a message holds is a
 * pure function of (generator settings, sequence number), so a run can be
 * repeated exactly.
 *
 * Message mix (percentages are settings): most messages carry all 56
 * mos_* values the rtpengine module of Kamailio 5.6 writes, as strings in
 * the module's formats; a share also carries an "rtpengine" object shaped
 * like rtpengine_query_v("j") with a MOS progression of BM_PROG_ENTRIES
 * points per SSRC for two SSRCs; a share carries no MOS at all (no RTCP),
 * only the labels. Start times spread over the last 30 days so the daily
 * view has something to aggregate.
 *
 * Header only (static inline) because three small programs share it and
 * none of them belongs in libmoscdr.
 */
#ifndef MOSCDR_BENCHMSG_H
#define MOSCDR_BENCHMSG_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define BM_PROG_ENTRIES	10
#define BM_SAMPLES_MAX	(9 + 2 * BM_PROG_ENTRIES)
#define BM_JSON_MAX	16384
#define BM_SEQ_DIGITS	10
#define BM_SENT_DIGITS	17	/* "1732690000.123456" */
#define BM_DAYS		30

enum { BM_SCOPE_CALL, BM_SCOPE_A, BM_SCOPE_B };
enum { BM_KIND_AVERAGE, BM_KIND_MIN, BM_KIND_MAX, BM_KIND_PROGRESSION };

/* One mos_sample row; NAN is unknown (SQL NULL). */
struct bm_sample {
	int scope;
	int kind;
	int seq;
	double mos;
	double packetloss_pct;
	double jitter_ms;
	double roundtrip_us;
	double roundtrip_leg_us;
	double samples;
	double at_offset_s;
	double reported_at;
};

/* One message: the call row, both legs and the sample rows. */
struct bm_msg {
	uint64_t seq;
	char call_id[96];
	char from_tag[24];
	char to_tag[24];
	char from_uri[64];
	char to_uri[64];
	int sip_code;
	const char *sip_reason;
	double start_time;
	double end_time;
	char start_iso[96];
	char end_iso[96];
	bool has_mos;
	bool has_rtpengine;
	uint32_t ssrc[2];
	struct bm_sample s[BM_SAMPLES_MAX];
	size_t ns;
};

/* Generator settings shared by every message of a run. */
struct bm_gen {
	char prefix[48];	/* call_id is "<prefix>-<seq, 10 digits>@..." */
	double now;		/* unix seconds: start times lie before it */
	unsigned rtp_pct;	/* share with an "rtpengine" object */
	unsigned nomos_pct;	/* share without any MOS value */
	long recent_s;		/* > 0: start times within the last
				   recent_s seconds, as calls ending now
				   (default: spread over BM_DAYS days) */
};

static inline const char *
bm_scope_name(int s)
{
	return s == BM_SCOPE_CALL ? "call" : s == BM_SCOPE_A ? "A" : "B";
}

static inline const char *
bm_kind_name(int k)
{
	static const char *const n[] = { "average", "min", "max",
	    "progression" };

	return n[k];
}

static inline uint64_t
bm_rand(uint64_t *st)
{
	uint64_t z;

	/* splitmix64: tiny, fast, good enough for test data. */
	z = (*st += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform integer in lo..hi inclusive. */
static inline long
bm_range(uint64_t *st, long lo, long hi)
{
	return lo + (long)(bm_rand(st) % (uint64_t)(hi - lo + 1));
}

static inline char *
bm_time_iso(double unix_s, char *buf, size_t len)
{
	struct tm tm;
	time_t secs;
	long ms;

	secs = (time_t)floor(unix_s);
	ms = lround((unix_s - (double)secs) * 1000.0);
	if (ms >= 1000) {
		secs++;
		ms -= 1000;
	}
	gmtime_r(&secs, &tm);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ms);
	return buf;
}

static inline struct bm_sample *
bm_add(struct bm_msg *m, int scope, int kind, int seq)
{
	struct bm_sample *s = &m->s[m->ns++];

	s->scope = scope;
	s->kind = kind;
	s->seq = seq;
	s->mos = s->packetloss_pct = s->jitter_ms = NAN;
	s->roundtrip_us = s->roundtrip_leg_us = s->samples = NAN;
	s->at_offset_s = s->reported_at = NAN;
	return s;
}

/*
 * Fills the average, min and max samples of one scope the way rtpengine
 * reports them: MOS with one decimal, integer loss, jitter, round trips in
 * microseconds, "at" offsets within the call.
 */
static inline void
bm_fill_scope(struct bm_msg *m, int scope, uint64_t *st, double base_mos,
    long dur)
{
	struct bm_sample *avg, *mn, *mx;
	long rt = bm_range(st, 8000, 160000);

	avg = bm_add(m, scope, BM_KIND_AVERAGE, 0);
	avg->mos = base_mos;
	avg->packetloss_pct = (double)bm_range(st, 0, 3);
	avg->jitter_ms = (double)bm_range(st, 0, 20);
	avg->roundtrip_us = (double)rt;
	avg->roundtrip_leg_us = (double)(rt / 2 + bm_range(st, 0, 999));
	avg->samples = (double)bm_range(st, 2, 60);

	mn = bm_add(m, scope, BM_KIND_MIN, 0);
	mn->mos = fmax(1.0, base_mos - 0.1 * (double)bm_range(st, 0, 8));
	mn->at_offset_s = (double)bm_range(st, 0, dur);
	mn->packetloss_pct = avg->packetloss_pct + (double)bm_range(st, 0, 6);
	mn->jitter_ms = avg->jitter_ms + (double)bm_range(st, 0, 30);
	mn->roundtrip_us = (double)(rt + bm_range(st, 0, 40000));
	mn->roundtrip_leg_us = mn->roundtrip_us / 2;

	mx = bm_add(m, scope, BM_KIND_MAX, 0);
	mx->mos = fmin(4.5, base_mos + 0.1 * (double)bm_range(st, 0, 2));
	mx->at_offset_s = (double)bm_range(st, 0, dur);
	mx->packetloss_pct = 0;
	mx->jitter_ms = (double)bm_range(st, 0, 5);
	mx->roundtrip_us = (double)(rt - rt / 4);
	mx->roundtrip_leg_us = floor(mx->roundtrip_us / 2);
}

/* Builds message seq. Deterministic: same gen and seq, same message. */
static inline void
bm_build(const struct bm_gen *g, uint64_t seq, struct bm_msg *m)
{
	uint64_t st = seq * 0x2545f4914f6cdd1dULL + 12345;
	unsigned mix;
	long dur, i;
	double base;
	int side;

	memset(m, 0, sizeof(*m));
	m->seq = seq;
	snprintf(m->call_id, sizeof(m->call_id), "%s-%0*llu@192.0.2.10",
	    g->prefix, BM_SEQ_DIGITS, (unsigned long long)seq);
	snprintf(m->from_tag, sizeof(m->from_tag), "%08llx",
	    (unsigned long long)(bm_rand(&st) & 0xffffffffULL));
	snprintf(m->to_tag, sizeof(m->to_tag), "as%010llx",
	    (unsigned long long)(bm_rand(&st) & 0xffffffffffULL));
	snprintf(m->from_uri, sizeof(m->from_uri), "sip:+4930%07ld@192.0.2.10",
	    bm_range(&st, 0, 9999999));
	snprintf(m->to_uri, sizeof(m->to_uri), "sip:+4989%07ld@192.0.2.20",
	    bm_range(&st, 0, 9999999));
	m->sip_code = 200;
	m->sip_reason = "OK";
	dur = bm_range(&st, 5, 900);
	m->start_time = floor(g->now) - (double)bm_range(&st, 60,
	    g->recent_s > 60 ? g->recent_s : BM_DAYS * 86400L - 1) +
	    (double)bm_range(&st, 0, 999) / 1000.0;
	m->end_time = m->start_time + (double)dur;
	bm_time_iso(m->start_time, m->start_iso, sizeof(m->start_iso));
	bm_time_iso(m->end_time, m->end_iso, sizeof(m->end_iso));

	mix = (unsigned)(bm_rand(&st) % 100);
	m->has_mos = mix >= g->nomos_pct;
	m->has_rtpengine = m->has_mos && mix < g->nomos_pct + g->rtp_pct;
	if (!m->has_mos)
		return;
	/* About one call in ten is poor (MOS below 3.6). */
	base = bm_range(&st, 0, 9) == 0 ? 0.1 * (double)bm_range(&st, 20, 35) :
	    0.1 * (double)bm_range(&st, 36, 44);
	bm_fill_scope(m, BM_SCOPE_CALL, &st, base, dur);
	bm_fill_scope(m, BM_SCOPE_A, &st, base, dur);
	bm_fill_scope(m, BM_SCOPE_B, &st,
	    fmin(4.4, base + 0.1 * (double)bm_range(&st, 0, 3)), dur);
	if (!m->has_rtpengine)
		return;
	for (side = 0; side < 2; side++) {
		m->ssrc[side] = (uint32_t)bm_rand(&st);
		for (i = 0; i < BM_PROG_ENTRIES; i++) {
			struct bm_sample *p = bm_add(m, BM_SCOPE_A + side,
			    BM_KIND_PROGRESSION, (int)i);

			p->mos = 0.1 * (double)bm_range(&st, 30, 44);
			p->roundtrip_us = (double)bm_range(&st, 7000, 90000);
			p->jitter_ms = (double)bm_range(&st, 0, 9);
			p->packetloss_pct = (double)bm_range(&st, 0, 2);
			p->reported_at = floor(m->start_time) + 5 +
			    (double)(i * dur / BM_PROG_ENTRIES);
		}
	}
}

/* A bounded text builder; overflow sets bad and stops writing. */
struct bm_buf {
	char *p;
	size_t len;
	size_t cap;
	bool bad;
};

__attribute__((format(printf, 2, 3)))
static inline void
bm_put(struct bm_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->bad)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= b->cap - b->len) {
		b->bad = true;
		return;
	}
	b->len += (size_t)n;
}

/* The suffix of an AVP name for a scope: "", "_A", "_B". */
static inline const char *
bm_sfx(int scope)
{
	return scope == BM_SCOPE_CALL ? "" : scope == BM_SCOPE_A ? "_A" :
	    "_B";
}

/*
 * Writes the 18 mos_* values of one scope (6 per kind) as the rtpengine
 * module names and formats them: whole-call "mos_min_at", per side
 * "mos_min_at_A", values as strings.
 */
static inline void
bm_json_scope(struct bm_buf *b, const struct bm_msg *m, int scope)
{
	static const char *const kn[] = { "average", "min", "max" };
	const char *x = bm_sfx(scope);
	size_t i;

	for (i = 0; i < m->ns; i++) {
		const struct bm_sample *s = &m->s[i];
		const char *k;

		if (s->scope != scope || s->kind > BM_KIND_MAX)
			continue;
		k = kn[s->kind];
		bm_put(b, ",\"mos_%s%s\":\"%.1f\"", k, x, s->mos);
		if (s->kind == BM_KIND_AVERAGE)
			bm_put(b, ",\"mos_average_samples%s\":\"%.0f\"", x,
			    s->samples);
		else
			bm_put(b, ",\"mos_%s_at%s\":\"%d:%02d\"", k, x,
			    (int)s->at_offset_s / 60, (int)s->at_offset_s % 60);
		bm_put(b, ",\"mos_%s_packetloss%s\":\"%.0f\""
		    ",\"mos_%s_jitter%s\":\"%.0f\""
		    ",\"mos_%s_roundtrip%s\":\"%.0f\""
		    ",\"mos_%s_roundtrip_leg%s\":\"%.0f\"",
		    k, x, s->packetloss_pct, k, x, s->jitter_ms,
		    k, x, s->roundtrip_us, k, x, s->roundtrip_leg_us);
	}
}

/* One SSRC of the rtpengine reply: summary values and the progression. */
static inline void
bm_json_ssrc(struct bm_buf *b, const struct bm_msg *m, int side)
{
	const struct bm_sample *first = NULL, *s;
	size_t i, n = 0;

	for (i = 0; i < m->ns; i++)
		if (m->s[i].kind == BM_KIND_PROGRESSION &&
		    m->s[i].scope == BM_SCOPE_A + side && first == NULL)
			first = &m->s[i];
	bm_put(b, "\"%u\":{\"average MOS\":{\"MOS\":%.0f,\"round-trip time\""
	    ":%.0f,\"round-trip time leg\":%.0f,\"jitter\":%.0f,"
	    "\"packet loss\":%.0f,\"samples\":%d},", m->ssrc[side],
	    first->mos * 10, first->roundtrip_us, first->roundtrip_us / 2,
	    first->jitter_ms, first->packetloss_pct, BM_PROG_ENTRIES);
	bm_put(b, "\"lowest MOS\":{\"MOS\":%.0f,\"round-trip time\":%.0f,"
	    "\"jitter\":%.0f,\"packet loss\":%.0f,\"reported at\":%.0f},",
	    first->mos * 10, first->roundtrip_us, first->jitter_ms,
	    first->packetloss_pct, first->reported_at);
	bm_put(b, "\"highest MOS\":{\"MOS\":%.0f,\"round-trip time\":%.0f,"
	    "\"jitter\":%.0f,\"packet loss\":%.0f,\"reported at\":%.0f},",
	    first->mos * 10, first->roundtrip_us, first->jitter_ms,
	    first->packetloss_pct, first->reported_at);
	bm_put(b, "\"MOS progression\":{\"interval\":%d,\"entries\":[",
	    (int)fmax(1, floor((m->end_time - m->start_time) /
	    BM_PROG_ENTRIES)));
	for (s = first; s < m->s + m->ns && s->kind == BM_KIND_PROGRESSION &&
	    s->scope == BM_SCOPE_A + side; s++, n++)
		bm_put(b, "%s{\"MOS\":%.0f,\"round-trip time\":%.0f,"
		    "\"jitter\":%.0f,\"packet loss\":%.0f,\"reported at\":%.0f}",
		    n ? "," : "", s->mos * 10, s->roundtrip_us, s->jitter_ms,
		    s->packetloss_pct, s->reported_at);
	bm_put(b, "]}}");
}

/* One tag of the rtpengine reply: label and the RTP and RTCP streams. */
static inline void
bm_json_tag(struct bm_buf *b, const struct bm_msg *m, int side)
{
	const char *tag = side == 0 ? m->from_tag : m->to_tag;
	unsigned port = 30000 + (unsigned)(m->seq % 10000) * 2 + (unsigned)side * 4;
	int k;

	bm_put(b, "\"%s\":{\"tag\":\"%s\",\"label\":\"%s\",\"created\":%.0f,"
	    "\"in dialogue with\":\"%s\",\"medias\":[{\"index\":1,"
	    "\"type\":\"audio\",\"protocol\":\"RTP/AVP\",\"streams\":[",
	    tag, tag, side == 0 ? "caller" : "callee", floor(m->start_time),
	    side == 0 ? m->to_tag : m->from_tag);
	for (k = 0; k < 2; k++)
		bm_put(b, "%s{\"local port\":%u,\"endpoint\":{\"family\":\"IPv4\","
		    "\"address\":\"198.51.100.%d\",\"port\":%u},"
		    "\"last packet\":%.0f,\"flags\":[\"%s\",\"filled\","
		    "\"confirmed\"],\"SSRC\":%u,\"stats\":{\"packets\":%d,"
		    "\"bytes\":%d,\"errors\":0}}", k ? "," : "", port + (unsigned)k,
		    10 + side, 10000 + port + (unsigned)k, floor(m->end_time),
		    k ? "RTCP" : "RTP", m->ssrc[side], k ? 12 : 950,
		    k ? 1324 : 163400);
	bm_put(b, "],\"flags\":[\"initialized\",\"send\",\"recv\"]}]}");
}

/*
 * Writes the JSON text of m into buf (cap bytes) and returns its length,
 * or 0 when it does not fit. When sent_at is true the message carries
 * "bench_sent_at" (an unknown key, kept in call.extra) as
 * BM_SENT_DIGITS zeros for the sender to overwrite in place.
 */
static inline size_t
bm_json(const struct bm_msg *m, bool sent_at, char *buf, size_t cap)
{
	struct bm_buf b = { buf, 0, cap, false };
	int side;

	bm_put(&b, "{\"v\":1,\"call_id\":\"%s\",\"from_tag\":\"%s\","
	    "\"to_tag\":\"%s\",\"from_uri\":\"%s\",\"to_uri\":\"%s\","
	    "\"sip_code\":%d,\"sip_reason\":\"%s\",\"start_time\":%.3f,"
	    "\"end_time\":%.3f,\"mos_A_label\":\"caller\","
	    "\"mos_B_label\":\"callee\"", m->call_id, m->from_tag, m->to_tag,
	    m->from_uri, m->to_uri, m->sip_code, m->sip_reason, m->start_time,
	    m->end_time);
	if (sent_at)
		bm_put(&b, ",\"bench_sent_at\":%0*d", BM_SENT_DIGITS, 0);
	if (m->has_mos) {
		bm_json_scope(&b, m, BM_SCOPE_CALL);
		bm_json_scope(&b, m, BM_SCOPE_A);
		bm_json_scope(&b, m, BM_SCOPE_B);
	}
	if (m->has_rtpengine) {
		bm_put(&b, ",\"rtpengine\":{\"created\":%.0f,\"created_us\":%d,"
		    "\"last signal\":%.0f,\"SSRC\":{", floor(m->start_time),
		    (int)(m->seq % 1000000), floor(m->end_time));
		for (side = 0; side < 2; side++) {
			bm_put(&b, side ? "," : "");
			bm_json_ssrc(&b, m, side);
		}
		bm_put(&b, "},\"tags\":{");
		for (side = 0; side < 2; side++) {
			bm_put(&b, side ? "," : "");
			bm_json_tag(&b, m, side);
		}
		bm_put(&b, "},\"totals\":{\"RTP\":{\"packets\":1900,\"bytes\":"
		    "326800,\"errors\":0},\"RTCP\":{\"packets\":24,\"bytes\":"
		    "2648,\"errors\":0}},\"result\":\"ok\"}");
	}
	bm_put(&b, "}");
	return b.bad ? 0 : b.len;
}

/* Unix time now, in seconds with microseconds. */
static inline double
bm_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Monotonic nanoseconds, for intervals. */
static inline uint64_t
bm_mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

#endif
