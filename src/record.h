/*
 * record.h: one call-quality message, parsed and normalized.
 *
 * record.c turns the JSON text of one wire-format v1 message into a
 * struct record. It is pure: no I/O, no logging, no globals; the same bytes
 * always give the same record or the same error. The stores only bind the
 * fields of a record; no other module interprets the wire format.
 *
 * Unknown values are NAN (numbers) or NULL (strings) and become SQL NULL.
 * Nothing is ever stored as 0 unless 0 was sent.
 */
#ifndef MOSCDR_RECORD_H
#define MOSCDR_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "limits.h"

enum rec_scope {
	REC_SCOPE_CALL = 0,	/* the whole call: "call" */
	REC_SCOPE_A = 1,	/* side A, reported by party A: "A" */
	REC_SCOPE_B = 2,	/* side B: "B" */
	REC_SCOPE_COUNT
};

enum rec_kind {
	REC_KIND_AVERAGE = 0,	/* "average" */
	REC_KIND_MIN = 1,	/* "min" */
	REC_KIND_MAX = 2,	/* "max" */
	REC_KIND_PROGRESSION = 3, /* "progression", seq 0..n */
	REC_KIND_COUNT
};

/*
 * One mos_sample row. Invariant: at least one value is known (a sample with
 * nothing known is not emitted). NAN means unknown.
 */
struct rec_sample {
	uint8_t scope;		/* enum rec_scope */
	uint8_t kind;		/* enum rec_kind */
	uint16_t seq;		/* 0 unless kind is progression */
	double mos;		/* 1.0 .. 5.0 */
	double packetloss_pct;	/* percent */
	double jitter_ms;	/* milliseconds */
	double roundtrip_us;	/* microseconds, end to end */
	double roundtrip_leg_us; /* microseconds, rtpengine to the reporter */
	double samples;		/* RTCP reports that carried a MOS */
	double at_offset_s;	/* seconds since rtpengine created the call */
	double reported_at;	/* unix seconds, UTC */
};

/*
 * Why a side has no MOS (record_rtpengine.c decides, docs/schema.md gives
 * the rules). Names (rec_missing_name) are the stored values.
 */
enum rec_missing {
	REC_MISSING_NONE = 0,	/* the side has a MOS: SQL NULL */
	REC_MISSING_NO_MEDIA,	/* "no_media": no RTP received from the side */
	REC_MISSING_NO_RTCP,	/* "no_rtcp": RTP but no RTCP from the side */
	REC_MISSING_TOO_SHORT,	/* "too_short": RTCP came, the call ended first */
	REC_MISSING_NO_REPLY,	/* "no_reply": no rtpengine reply in the message */
	REC_MISSING_UNKNOWN,	/* "unknown": the reply does not tell */
	REC_MISSING_PEER_NO_RTCP, /* "peer_no_rtcp": RTCP came, none from
				   * the peer: no round trip, so no MOS */
	REC_MISSING_COUNT
};

/*
 * What rtpengine's reply says about one side's media: the streams of the
 * tags of that side, i.e. what rtpengine received FROM that party. Valid
 * only when media is true (a zeroed struct has media false and stores
 * NULL everywhere); then NAN and "" still mean unknown.
 */
struct rec_media {
	bool media;		/* the reply named this side */
	double rtp_packets;	/* RTP streams: packets, bytes, errors */
	double rtp_bytes;
	double rtp_errors;
	double rtcp_packets;	/* RTCP streams: packets */
	double remote_port;	/* the first RTP stream's endpoint */
	double ssrc;		/* the first RTP stream's SSRC */
	double last_packet;	/* unix seconds, latest of the side's streams */
	char remote_addr[MEDIA_ADDR_LEN_MAX + 1];
	char protocol[MEDIA_PROTO_LEN_MAX + 1];	/* "RTP/AVP", ... */
	char codec[MEDIA_CODEC_LEN_MAX + 1];	/* "PCMU/8000", ... */
};

/* One leg row. Invariant: present is true iff a label or a value was sent. */
struct rec_leg {
	bool present;
	char *label;		/* NULL when unknown */
	struct rec_media m;
	uint8_t mos_missing;	/* enum rec_missing */
};

/*
 * A normalized message. Owns every pointer in it; record_free() releases it.
 * Invariants after record_from_json() succeeded: node and call_id are
 * non-NULL, 1..NODE_LEN_MAX / 1..CALL_ID_LEN_MAX bytes, without NUL bytes;
 * every string is valid UTF-8 (invalid sequences of the message replaced
 * by U+FFFD, except in call_id, where they refuse the message).
 */
struct record {
	char *node;
	char *call_id;
	char *from_tag;
	char *to_tag;
	char *from_uri;
	char *to_uri;
	char *sip_reason;
	double sip_code;	/* NAN when unknown */
	double start_time;	/* unix seconds, NAN when unknown */
	double end_time;	/* unix seconds, NAN when unknown */
	double answer_time;	/* unix seconds of the 2xx, NAN when unknown */
	double received_at;	/* unix seconds, set from rec_opts */
	char *extra;		/* JSON object of unknown keys, or NULL */
	struct rec_leg legs[2];	/* [0] side A, [1] side B */
	struct rec_sample *samples;
	size_t nsamples;
	unsigned mos_refused;	/* MOS values outside 1..5 that were NULLed */
	unsigned progression_unmapped; /* progression entries with no side */
	/* Top-level fields whose invalid UTF-8 became U+FFFD, and optional
	 * text fields cut to their limit; the first of each by name ("" for
	 * none), for the log line. */
	unsigned text_repaired;
	unsigned text_cut;
	char repaired_field[64];
	char cut_field[64];
	/* true: made by record_from_json(), the record, its strings and
	 * samples are one allocation. false (a zeroed struct filled by
	 * other code, e.g. tests): each part was allocated by itself. */
	bool one_block;
};

/* Why a message was refused. Names (rec_error_name) are metric labels. */
enum rec_error {
	REC_OK = 0,
	REC_ERR_EMPTY,		/* "empty": zero bytes */
	REC_ERR_TOO_LARGE,	/* "too_large": over MESSAGE_MAX */
	REC_ERR_UTF8,		/* "bad_utf8": NUL byte, or call_id not UTF-8 */
	REC_ERR_DEPTH,		/* "too_deep": nesting over JSON_DEPTH_MAX */
	REC_ERR_JSON,		/* "not_json": not parseable JSON */
	REC_ERR_NOT_OBJECT,	/* "not_object": top level is not an object */
	REC_ERR_CALL_ID,	/* "bad_call_id": missing, empty, too long, NUL */
	REC_ERR_TYPE,		/* "bad_type": a known key with a wrong JSON type */
	REC_ERR_VALUE,		/* "bad_value": a value that does not parse */
	REC_ERR_VERSION,	/* "bad_version": v is not 1 */
	REC_ERR_COUNT
};

/* Inputs that do not come from the message itself. */
struct rec_opts {
	const char *default_node; /* used when the message has no "node" */
	double received_at;	  /* unix seconds */
};

/* Filled by record_from_json() on error: the reason and the key at fault. */
struct rec_errinfo {
	enum rec_error code;
	char field[64];		/* offending key, "" when not about one key */
};

/*
 * Parses len bytes at p (no NUL terminator needed; embedded NULs refused)
 * into a newly allocated record stored in *out. Returns 0 on success, -1 on
 * refusal with *err filled and *out left NULL. Aborts only on allocation
 * failure of internal sizes.
 */
int record_from_json(const char *p, size_t len, const struct rec_opts *opts,
    struct record **out, struct rec_errinfo *err);

/* Frees a record and all it owns. NULL is a no-op. */
void record_free(struct record *r);

/* "empty", "too_large", ... for counters and log lines. */
const char *rec_error_name(enum rec_error e);

/* The schema's words: "A", "B" for legs[0], legs[1]; "call", "A", "B";
 * "average", "min", "max", "progression". */
const char *rec_side_name(int side);
const char *rec_scope_name(enum rec_scope s);
const char *rec_kind_name(enum rec_kind k);

/* "no_media", ...; NULL for REC_MISSING_NONE (stored as SQL NULL). */
const char *rec_missing_name(enum rec_missing m);

#endif
