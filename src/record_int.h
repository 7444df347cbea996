/*
 * record_int.h: what the files of the record parser (record.c,
 * record_scan.c, record_value.c, record_rtpengine.c, record_extra.c,
 * record_arena.c) share with each other.
 * Nothing outside record*.c includes it.
 */
#ifndef MOSCDR_RECORD_INT_H
#define MOSCDR_RECORD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

struct cJSON;

/* Unix times accepted anywhere in a message: after 1970, before 2100. */
#define REC_TIME_MAX		4102444800.0
/* Largest count, duration or delay: integers up to it are exact doubles. */
#define REC_MAGNITUDE_MAX	9007199254740992.0

/*
 * Result of record_scan(). nul_member is the 0-based position, among the
 * members of the top-level object, of the member whose key or value holds
 * the first "\u0000" escape; -1 when there is none.
 */
struct rec_scan {
	int nul_member;
};

/*
 * Checks the raw bytes before any JSON parser sees them: no NUL bytes
 * (invalid UTF-8 is not refused here, but repaired after the parse), then
 * nesting of arrays and objects outside strings, which must stay within
 * JSON_DEPTH_MAX - depth0 (depth0 is the depth at which this text sits in
 * the message: 0 for a message, 1 for the rtpengine string). Also finds
 * "\u0000" escapes (see struct rec_scan). Returns 0, or -1 with *code set
 * to REC_ERR_UTF8 or REC_ERR_DEPTH. Does not check that the text is JSON.
 */
int record_scan(const char *p, size_t len, int depth0, enum rec_error *code,
    struct rec_scan *res);

/* Is p[0..len) valid UTF-8 without NUL bytes? */
bool record_is_utf8(const char *p, size_t len);

/*
 * When the NUL-terminated *sp (allocated by cJSON) is not valid UTF-8,
 * replaces it by a copy in which each maximal ill-formed subpart is one
 * U+FFFD, frees the old one and returns true; else returns false.
 */
bool record_utf8_repair(char **sp);

/* The longest prefix of valid UTF-8 s[0..len) of at most max bytes that
 * ends at a character boundary: len when len <= max. */
size_t record_utf8_cut(const char *s, size_t len, size_t max);

/*
 * The numbers of the kept unknown members (us[0..n)) of the object root,
 * parsed from p[0..len), turned into raw JSON text as the sender wrote
 * them (cJSON holds a double, which would turn 9007199254740993 into
 * ...992). A number not in strict JSON grammar keeps cJSON's value; one
 * over RAW_NUMBER_LEN_MAX bytes or with an exponent beyond
 * RAW_NUMBER_EXP_MAX becomes a JSON string of its text.
 */
struct rec_unknown;
void record_extra_raw_numbers(const char *p, size_t len, struct cJSON *root,
    struct rec_unknown *us, size_t n);

/*
 * Strict, locale-independent decimal: -?[0-9]+(\.[0-9]+)? and at most
 * 32 bytes; no exponent, spaces, '+', "NaN" or "inf". Returns 0 with *v
 * set, or -1.
 */
int record_parse_decimal(const char *s, size_t len, double *v);

/*
 * "m:ss" (minutes 1 to 9 digits, uncapped; seconds exactly two digits,
 * 00..59) into seconds. Returns 0 with *v set, or -1.
 */
int record_parse_minsec(const char *s, size_t len, double *v);

/* The quantities a MOS key or a progression entry carries. */
enum rec_quantity {
	REC_Q_MOS,		/* 1.0..5.0, else unknown and counted */
	REC_Q_PACKETLOSS,	/* percent, 0..100, fractions allowed */
	REC_Q_JITTER,		/* milliseconds, >= 0, fractions allowed */
	REC_Q_ROUNDTRIP,	/* microseconds, whole, >= 0 */
	REC_Q_ROUNDTRIP_LEG,	/* microseconds, whole, >= 0 */
	REC_Q_SAMPLES,		/* count, whole, >= 0 */
	REC_Q_AT		/* seconds since rtpengine created the call */
};

/*
 * Checks a known (not NAN) value of quantity q. A MOS outside 1.0..5.0
 * becomes NAN and counts in *mos_refused; any other value out of its
 * range makes it return -1 (the caller refuses the message with
 * REC_ERR_VALUE). Returns 0 otherwise.
 */
int record_check_quantity(enum rec_quantity q, double *v,
    unsigned *mos_refused);

/* Stores v as quantity q of the sample. */
void record_sample_set(struct rec_sample *s, enum rec_quantity q, double v);

/*
 * Reads a JSON number or a string that record_parse_decimal() accepts.
 * null and "" give NAN (unknown). Returns 0, or -1 with *code set to
 * REC_ERR_TYPE (bool, object, array) or REC_ERR_VALUE (text that does
 * not parse, a number that is not finite).
 */
int record_json_number(const struct cJSON *it, double *v,
    enum rec_error *code);

/* A top-level member that is not a known key, in message order. */
struct rec_unknown {
	const struct cJSON *it;
	size_t pos;		/* index in the array of unknown members */
	bool keep;		/* false for all but the last of a name */
};

/*
 * Marks all but the last occurrence of each name in us[0..n) as not
 * kept, in O(n log n).
 */
void record_extra_dedup(struct rec_unknown *us, size_t n);

/*
 * The kept members of us[0..n) as compact JSON object text of at most
 * EXTRA_LEN_MAX bytes (see record_extra.c), or NULL when none is kept.
 * The text is cJSON's: release it with cJSON_free().
 */
char *record_extra_text(const struct rec_unknown *us, size_t n);

/* Progression samples held without an allocation (more are rare). */
#define REC_PROG_FIRST	32

/*
 * Work state of one record_from_json() call. r is the record being
 * filled; its strings are the parsed tree's (or the default node) until
 * it is packed into its own block.
 */
struct rec_build {
	struct record *r;
	struct rec_errinfo *err;
	struct rec_sample *prog;	/* progression samples, in order */
	size_t nprog;
	size_t progcap;
	double created;		/* rtpengine "created" (+ created_us), or NAN */
	bool replied;		/* the message carried an rtpengine reply */
	unsigned nstreams;	/* streams read so far (MEDIA_STREAMS_MAX) */
	/* prog's first REC_PROG_FIRST entries; NULL prog until used. */
	struct rec_sample prog_first[REC_PROG_FIRST];
};

/* Fills *err and returns -1: the one way a refusal leaves a function. */
int record_fail(struct rec_errinfo *err, enum rec_error code,
    const char *field);

/* A sample with every value unknown. */
void record_sample_init(struct rec_sample *s, int scope, int kind);

/* Does the sample carry at least one known value? */
bool record_sample_known(const struct rec_sample *s);

/*
 * Reads the rtpengine reply object: rtpengine "created" into b->created
 * and the "MOS progression" entries into b->prog. Needs b->r's labels and
 * tags filled. Returns 0, or -1 with REC_ERR_VALUE (field "rtpengine").
 */
int record_rtpengine(struct rec_build *b, const struct cJSON *rtp);

/*
 * A call shorter than this (seconds of talk) whose sides both sent RTCP
 * yet have no MOS ended before rtpengine could compute one ("too_short").
 * Measured with rtpengine 10.5 and tests/e2e/rtpep.py (E2E_CASES=short):
 * a side's first MOS comes with the second RTCP report of each party
 * (the first has no round trip yet). Reporting every 5 s (RFC 3550's
 * minimum; the first report after half an interval), that is at 7.5 s:
 * 4, 6 and 7 s of media gave no MOS, 8 s and more a MOS on both sides.
 * Every 1 s: 1 s none, 2 s both. docs/schema.md has the figures.
 */
#define REC_TOO_SHORT_S		8.0

/*
 * Sets legs[].mos_missing of the finished record r (samples in place),
 * and makes a leg present when the reply named it. created is rtpengine's
 * "created" or NAN; replied says whether the message carried a reply.
 */
void record_media_reasons(struct record *r, bool replied, double created);

/*
 * The scratch arena of the calling thread (record_arena.c): between
 * begin and end every allocation cJSON makes comes from it and its frees
 * do nothing; end releases it all at once. record_from_json() brackets
 * its whole parse with them, so nothing in record*.c deletes a tree.
 * Not nested; nothing cJSON allocated in the window may be used after.
 */
void record_arena_begin(void);
void record_arena_end(void);

#endif
