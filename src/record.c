/*
 * record.c: implements record_from_json(), the wire format v1 parser: one
 * JSON message from Kamailio in, one normalized struct record out.
 *
 * Order of work, which is also the order in which refusals are decided
 * (the first one met is reported, so the same bytes always give the same
 * reason): size, raw bytes (record_scan.c: NUL bytes, nesting), JSON
 * syntax, top level, "\u0000" escapes, duplicate known keys, invalid UTF-8
 * in the call_id, "v", "call_id", the other fields in the
 * order of key_table, the MOS keys, "rtpengine", then the unknown keys
 * into `extra`. Nothing is half-done: on any refusal the whole record is
 * freed and *out stays NULL.
 *
 * The raw-byte checks cost as much as cJSON's parse when run in full, so
 * rec_parse_checked() runs the nesting part of them only when its answer
 * can differ from what the parsed tree says (see there); the refusals and
 * their order stay those above.
 *
 * Memory: cJSON's tree lives in the thread's scratch arena
 * (record_arena.c) for the length of the call and goes with it, so no
 * tree is deleted here; the values are read from the tree without
 * copies; once all are checked, rec_pack() puts the record, its samples
 * and its strings in one allocation, which record_free() releases with
 * one free().
 *
 * Duplicate keys: a known key sent twice is refused (REC_ERR_VALUE naming
 * it): taking either copy would be an arbitrary choice about data we
 * store. An unknown key sent twice keeps its last value in `extra`, as
 * PostgreSQL's jsonb and most JSON readers do; those keys are the
 * sender's own business.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "limits.h"
#include "record_int.h"
#include "util.h"

enum key_type {
	KEY_CALL_ID,
	KEY_NODE,
	KEY_STRING,		/* optional text, <= FIELD_LEN_MAX */
	KEY_SIP_CODE,
	KEY_TIME,		/* unix seconds */
	KEY_VERSION,
	KEY_RTPENGINE,
	KEY_AVP,		/* one of the 56 MOS keys */
	KEY_LABEL		/* mos_A_label, mos_B_label */
};

/* One known top-level key and where its value goes. */
struct rec_key {
	const char *name;
	uint8_t len;		/* strlen(name): most lookups stop at it */
	uint8_t type;		/* enum key_type */
	uint8_t scope;		/* KEY_AVP, KEY_LABEL: enum rec_scope */
	uint8_t kind;		/* KEY_AVP: enum rec_kind */
	uint8_t quantity;	/* KEY_AVP: enum rec_quantity */
	size_t off;		/* KEY_STRING, KEY_TIME: offset in the record */
};

#define FIELD(n, t, o)	{ (n), sizeof(n) - 1, (t), 0, 0, 0, (o) }
#define AVP(n, s, k, q)	{ (n), sizeof(n) - 1, KEY_AVP, (s), (k), (q), 0 }

/*
 * The 18 MOS keys of one scope: the names of the rtpengine module's
 * modparams without "_pv", with the side's suffix ("" for the whole call,
 * "_A", "_B"). The *_at values belong to the min and max rows, samples to
 * the average row.
 */
#define AVP_SCOPE(sfx, s)						\
	AVP("mos_average" sfx, s, REC_KIND_AVERAGE, REC_Q_MOS),	\
	AVP("mos_min" sfx, s, REC_KIND_MIN, REC_Q_MOS),			\
	AVP("mos_max" sfx, s, REC_KIND_MAX, REC_Q_MOS),			\
	AVP("mos_min_at" sfx, s, REC_KIND_MIN, REC_Q_AT),		\
	AVP("mos_max_at" sfx, s, REC_KIND_MAX, REC_Q_AT),		\
	AVP("mos_average_packetloss" sfx, s, REC_KIND_AVERAGE,		\
	    REC_Q_PACKETLOSS),						\
	AVP("mos_min_packetloss" sfx, s, REC_KIND_MIN, REC_Q_PACKETLOSS), \
	AVP("mos_max_packetloss" sfx, s, REC_KIND_MAX, REC_Q_PACKETLOSS), \
	AVP("mos_average_jitter" sfx, s, REC_KIND_AVERAGE, REC_Q_JITTER), \
	AVP("mos_min_jitter" sfx, s, REC_KIND_MIN, REC_Q_JITTER),	\
	AVP("mos_max_jitter" sfx, s, REC_KIND_MAX, REC_Q_JITTER),	\
	AVP("mos_average_roundtrip" sfx, s, REC_KIND_AVERAGE,		\
	    REC_Q_ROUNDTRIP),						\
	AVP("mos_min_roundtrip" sfx, s, REC_KIND_MIN, REC_Q_ROUNDTRIP),	\
	AVP("mos_max_roundtrip" sfx, s, REC_KIND_MAX, REC_Q_ROUNDTRIP),	\
	AVP("mos_average_roundtrip_leg" sfx, s, REC_KIND_AVERAGE,	\
	    REC_Q_ROUNDTRIP_LEG),					\
	AVP("mos_min_roundtrip_leg" sfx, s, REC_KIND_MIN,		\
	    REC_Q_ROUNDTRIP_LEG),					\
	AVP("mos_max_roundtrip_leg" sfx, s, REC_KIND_MAX,		\
	    REC_Q_ROUNDTRIP_LEG),					\
	AVP("mos_average_samples" sfx, s, REC_KIND_AVERAGE, REC_Q_SAMPLES)

/* Every known key, in the order their values are checked. */
static const struct rec_key key_table[] = {
	FIELD("v", KEY_VERSION, 0),
	FIELD("call_id", KEY_CALL_ID, 0),
	FIELD("node", KEY_NODE, 0),
	FIELD("from_tag", KEY_STRING, offsetof(struct record, from_tag)),
	FIELD("to_tag", KEY_STRING, offsetof(struct record, to_tag)),
	FIELD("from_uri", KEY_STRING, offsetof(struct record, from_uri)),
	FIELD("to_uri", KEY_STRING, offsetof(struct record, to_uri)),
	FIELD("sip_code", KEY_SIP_CODE, 0),
	FIELD("sip_reason", KEY_STRING, offsetof(struct record, sip_reason)),
	FIELD("start_time", KEY_TIME, offsetof(struct record, start_time)),
	FIELD("end_time", KEY_TIME, offsetof(struct record, end_time)),
	{ "mos_A_label", 11, KEY_LABEL, REC_SCOPE_A, 0, 0, 0 },
	{ "mos_B_label", 11, KEY_LABEL, REC_SCOPE_B, 0, 0, 0 },
	AVP_SCOPE("", REC_SCOPE_CALL),
	AVP_SCOPE("_A", REC_SCOPE_A),
	AVP_SCOPE("_B", REC_SCOPE_B),
	FIELD("rtpengine", KEY_RTPENGINE, 0),
	FIELD("answer_time", KEY_TIME, offsetof(struct record, answer_time)),
};

#define KEY_COUNT	(sizeof(key_table) / sizeof(key_table[0]))

/* The average, min and max rows of each scope, before emission. */
#define GRID_KINDS	3

/* The string fields of a record (rec_texts()). */
#define REC_TEXTS	10

/* Unknown members held without an allocation (more are rare). */
#define REC_UNKNOWN_FIRST	16

static const char *const error_names[REC_ERR_COUNT] = {
	[REC_OK] = "ok",
	[REC_ERR_EMPTY] = "empty",
	[REC_ERR_TOO_LARGE] = "too_large",
	[REC_ERR_UTF8] = "bad_utf8",
	[REC_ERR_DEPTH] = "too_deep",
	[REC_ERR_JSON] = "not_json",
	[REC_ERR_NOT_OBJECT] = "not_object",
	[REC_ERR_CALL_ID] = "bad_call_id",
	[REC_ERR_TYPE] = "bad_type",
	[REC_ERR_VALUE] = "bad_value",
	[REC_ERR_VERSION] = "bad_version",
};

/*
 * The schema's words for sides, scopes and kinds (the CHECK constraints
 * of sql/<driver>/001_schema.sql), indexed by the enums of record.h; the
 * stores write these, so this is their only copy.
 */
static const char *const side_names[2] = { "A", "B" };
static const char *const scope_names[REC_SCOPE_COUNT] = {
	[REC_SCOPE_CALL] = "call",
	[REC_SCOPE_A] = "A",
	[REC_SCOPE_B] = "B",
};
static const char *const kind_names[REC_KIND_COUNT] = {
	[REC_KIND_AVERAGE] = "average",
	[REC_KIND_MIN] = "min",
	[REC_KIND_MAX] = "max",
	[REC_KIND_PROGRESSION] = "progression",
};

const char *
rec_error_name(enum rec_error e)
{
	return (unsigned)e < REC_ERR_COUNT ? error_names[e] : "unknown";
}

const char *
rec_side_name(int side)
{
	return side == 0 || side == 1 ? side_names[side] : "unknown";
}

const char *
rec_scope_name(enum rec_scope s)
{
	return (unsigned)s < REC_SCOPE_COUNT ? scope_names[s] : "unknown";
}

const char *
rec_kind_name(enum rec_kind k)
{
	return (unsigned)k < REC_KIND_COUNT ? kind_names[k] : "unknown";
}

/* The string fields of r, node first (rec_pack() cuts it). */
static void
rec_texts(struct record *r, char **text[REC_TEXTS])
{
	text[0] = &r->node;
	text[1] = &r->call_id;
	text[2] = &r->from_tag;
	text[3] = &r->to_tag;
	text[4] = &r->from_uri;
	text[5] = &r->to_uri;
	text[6] = &r->sip_reason;
	text[7] = &r->extra;
	text[8] = &r->legs[0].label;
	text[9] = &r->legs[1].label;
}

/*
 * A parsed record is one block (rec_pack()); a record put together by
 * other code, such as the stores' tests, has each part allocated apart
 * and one_block false.
 */
void
record_free(struct record *r)
{
	char **text[REC_TEXTS];
	size_t i;

	if (r == NULL)
		return;
	if (!r->one_block) {
		rec_texts(r, text);
		for (i = 0; i < REC_TEXTS; i++)
			free(*text[i]);
		free(r->samples);
	}
	free(r);
}

/*
 * Parses JSON text that already passed record_scan(). Refuses trailing
 * bytes other than JSON white space, which cJSON alone would ignore.
 */
static cJSON *
rec_parse(const char *p, size_t len)
{
	const char *end = NULL;
	cJSON *root;

	root = cJSON_ParseWithLengthOpts(p, len, &end, 0);
	if (root == NULL)
		return NULL;
	for (; end != NULL && end < p + len; end++) {
		if (*end != ' ' && *end != '\t' && *end != '\n' &&
		    *end != '\r')
			return NULL;	/* the tree goes with the arena */
	}
	return root;
}

/* Are the containers of it, it at depth + 1, within JSON_DEPTH_MAX? */
static bool
rec_depth_ok(const cJSON *it, int depth)
{
	const cJSON *c;

	if ((it->type & (cJSON_Array | cJSON_Object)) == 0)
		return true;
	if (++depth > JSON_DEPTH_MAX)
		return false;
	for (c = it->child; c != NULL; c = c->next)
		if (!rec_depth_ok(c, depth))
			return false;
	return true;
}

/*
 * Might the text hold the escape "\\u0000"? (Any backslash followed by
 * "u0000" says yes: a superset of what record_scan() looks for.)
 */
static bool
rec_has_nul_escape(const char *p, size_t len)
{
	const char *q = p, *end = p + len;

	while ((q = memchr(q, '\\', (size_t)(end - q))) != NULL) {
		if (end - q > 5 && memcmp(q + 1, "u0000", 5) == 0)
			return true;
		q++;
	}
	return false;
}

/*
 * record_scan() then rec_parse(), with the same result: the tree, or NULL
 * with *code REC_ERR_UTF8 (a NUL byte), REC_ERR_DEPTH or REC_ERR_JSON;
 * *nul_member as record_scan() sets it; *repair true when the text holds
 * invalid UTF-8 (for rec_repair()). The full scan only runs where it is
 * needed:
 *  - text holding "\u0000" somewhere: only the scan can tell an escape
 *    from a backslash that ends an escaped backslash, and find the member;
 *  - text that cJSON refuses: only the scan can tell too deep from not
 *    JSON.
 * Else the text is one JSON value, and its brackets outside strings are
 * exactly the containers of the tree (cJSON pairs a backslash with the
 * next byte as the scan does), so the tree's depth is the scan's.
 */
static cJSON *
rec_parse_checked(const char *p, size_t len, int depth0,
    enum rec_error *code, int *nul_member, bool *repair)
{
	struct rec_scan scan;
	cJSON *root;
	bool utf8;

	*nul_member = -1;
	/* Invalid UTF-8 is repaired in the tree (rec_repair()); the scan
	 * refuses NUL bytes, which the UTF-8 check also finds. */
	utf8 = record_is_utf8(p, len);
	*repair = !utf8;
	if (!utf8 && memchr(p, '\0', len) != NULL) {
		*code = REC_ERR_UTF8;
		return NULL;
	}
	if (rec_has_nul_escape(p, len)) {
		if (record_scan(p, len, depth0, code, &scan) == -1)
			return NULL;
		*nul_member = scan.nul_member;
		if ((root = rec_parse(p, len)) == NULL)
			*code = REC_ERR_JSON;
		return root;
	}
	if ((root = rec_parse(p, len)) == NULL) {
		if (record_scan(p, len, depth0, code, &scan) == 0)
			*code = REC_ERR_JSON;
		return NULL;
	}
	if (!rec_depth_ok(root, depth0)) {
		*code = REC_ERR_DEPTH;
		return NULL;
	}
	return root;
}

/*
 * key_find() looks a name up in one step: key_hash() mixes the bytes in
 * which the known names differ (length, bytes 4 and 5, last byte) into a
 * slot of key_slot[], and one compare confirms it, so an unknown name
 * costs a compare at most. key_slot[h] is 1 + the key_table index of the
 * known name whose key_hash() is h, 0 for none; the multipliers were
 * chosen so that no two known names share a slot. Adding a name means
 * adding its slot here (and other multipliers if it collides):
 * test_avp_every_key and test_fields fail while one is missing.
 */
static const uint8_t key_slot[256] = {
	[0x61] = 1 + 0,	/* v */
	[0x85] = 1 + 1,	/* call_id */
	[0x54] = 1 + 2,	/* node */
	[0x03] = 1 + 3,	/* from_tag */
	[0xa8] = 1 + 4,	/* to_tag */
	[0x2a] = 1 + 5,	/* from_uri */
	[0xe7] = 1 + 6,	/* to_uri */
	[0xc4] = 1 + 7,	/* sip_code */
	[0x1f] = 1 + 8,	/* sip_reason */
	[0x67] = 1 + 9,	/* start_time */
	[0xab] = 1 + 10,	/* end_time */
	[0xa5] = 1 + 11,	/* mos_A_label */
	[0xa6] = 1 + 12,	/* mos_B_label */
	[0xf6] = 1 + 13,	/* mos_average */
	[0x33] = 1 + 14,	/* mos_min */
	[0x9b] = 1 + 15,	/* mos_max */
	[0x96] = 1 + 16,	/* mos_min_at */
	[0x5e] = 1 + 17,	/* mos_max_at */
	[0xe1] = 1 + 18,	/* mos_average_packetloss */
	[0x8e] = 1 + 19,	/* mos_min_packetloss */
	[0x56] = 1 + 20,	/* mos_max_packetloss */
	[0xcd] = 1 + 21,	/* mos_average_jitter */
	[0x7a] = 1 + 22,	/* mos_min_jitter */
	[0x42] = 1 + 23,	/* mos_max_jitter */
	[0xb0] = 1 + 24,	/* mos_average_roundtrip */
	[0x5d] = 1 + 25,	/* mos_min_roundtrip */
	[0x25] = 1 + 26,	/* mos_max_roundtrip */
	[0x24] = 1 + 27,	/* mos_average_roundtrip_leg */
	[0xd1] = 1 + 28,	/* mos_min_roundtrip_leg */
	[0x99] = 1 + 29,	/* mos_max_roundtrip_leg */
	[0xde] = 1 + 30,	/* mos_average_samples */
	[0xb8] = 1 + 31,	/* mos_average_A */
	[0x65] = 1 + 32,	/* mos_min_A */
	[0x2d] = 1 + 33,	/* mos_max_A */
	[0x68] = 1 + 34,	/* mos_min_at_A */
	[0x30] = 1 + 35,	/* mos_max_at_A */
	[0xc3] = 1 + 36,	/* mos_average_packetloss_A */
	[0x70] = 1 + 37,	/* mos_min_packetloss_A */
	[0x38] = 1 + 38,	/* mos_max_packetloss_A */
	[0xbf] = 1 + 39,	/* mos_average_jitter_A */
	[0x6c] = 1 + 40,	/* mos_min_jitter_A */
	[0x34] = 1 + 41,	/* mos_max_jitter_A */
	[0xc2] = 1 + 42,	/* mos_average_roundtrip_A */
	[0x6f] = 1 + 43,	/* mos_min_roundtrip_A */
	[0x37] = 1 + 44,	/* mos_max_roundtrip_A */
	[0xc6] = 1 + 45,	/* mos_average_roundtrip_leg_A */
	[0x73] = 1 + 46,	/* mos_min_roundtrip_leg_A */
	[0x3b] = 1 + 47,	/* mos_max_roundtrip_leg_A */
	[0xc0] = 1 + 48,	/* mos_average_samples_A */
	[0xc8] = 1 + 49,	/* mos_average_B */
	[0x75] = 1 + 50,	/* mos_min_B */
	[0x3d] = 1 + 51,	/* mos_max_B */
	[0x78] = 1 + 52,	/* mos_min_at_B */
	[0x40] = 1 + 53,	/* mos_max_at_B */
	[0xd3] = 1 + 54,	/* mos_average_packetloss_B */
	[0x80] = 1 + 55,	/* mos_min_packetloss_B */
	[0x48] = 1 + 56,	/* mos_max_packetloss_B */
	[0xcf] = 1 + 57,	/* mos_average_jitter_B */
	[0x7c] = 1 + 58,	/* mos_min_jitter_B */
	[0x44] = 1 + 59,	/* mos_max_jitter_B */
	[0xd2] = 1 + 60,	/* mos_average_roundtrip_B */
	[0x7f] = 1 + 61,	/* mos_min_roundtrip_B */
	[0x47] = 1 + 62,	/* mos_max_roundtrip_B */
	[0xd6] = 1 + 63,	/* mos_average_roundtrip_leg_B */
	[0x83] = 1 + 64,	/* mos_min_roundtrip_leg_B */
	[0x4b] = 1 + 65,	/* mos_max_roundtrip_leg_B */
	[0xd0] = 1 + 66,	/* mos_average_samples_B */
	[0x98] = 1 + 67,	/* rtpengine */
};

/*
 * Known names whose key_hash() slot another one holds (1 + key_table
 * index), tried when the slot's name does not match: answer_time shares
 * mos_average_samples' slot. An unknown name costs one compare more.
 */
static const uint8_t key_overflow[] = {
	1 + 68,		/* answer_time */
};

static inline unsigned
key_hash(const char *s, size_t n)
{
	unsigned b4 = 0, b5 = 0;

	if (n > 5) {
		b4 = (unsigned char)s[4];
		b5 = (unsigned char)s[5];
	}
	return ((unsigned)n + b4 + 7 * b5 + 16 * (unsigned char)s[n - 1]) &
	    0xff;
}

static int
key_find(const char *name)
{
	const struct rec_key *k;
	size_t n;
	unsigned slot;

	if (name == NULL || (n = strlen(name)) == 0)
		return -1;
	if ((slot = key_slot[key_hash(name, n)]) == 0)
		return -1;
	k = &key_table[slot - 1];
	if (k->len == n && memcmp(k->name, name, n) == 0)
		return (int)slot - 1;
	for (slot = 0; slot < sizeof(key_overflow); slot++) {
		k = &key_table[key_overflow[slot] - 1];
		if (k->len == n && memcmp(k->name, name, n) == 0)
			return key_overflow[slot] - 1;
	}
	return -1;
}

/* Name of a field for a log line: at most 63 bytes, cut at a UTF-8
 * boundary (names come from the message). */
static void
rec_field_name(char dst[64], const char *name)
{
	size_t n = record_utf8_cut(name, strlen(name), 63);

	memcpy(dst, name, n);
	dst[n] = '\0';
}

/*
 * A text field: a JSON string; null and "" leave *out NULL (unknown).
 * Longer than max bytes, it is cut to max at a UTF-8 boundary (in the
 * tree, which is ours) and counted in r->text_cut. *out is the tree's
 * string until rec_pack().
 */
static int
rec_string(struct record *r, const cJSON *it, const char *name, size_t max,
    char **out, struct rec_errinfo *err)
{
	size_t n;

	if (it == NULL || cJSON_IsNull(it))
		return 0;
	if (!cJSON_IsString(it) || it->valuestring == NULL)
		return record_fail(err, REC_ERR_TYPE, name);
	n = strlen(it->valuestring);
	if (n == 0)
		return 0;
	if (n > max) {
		n = record_utf8_cut(it->valuestring, n, max);
		it->valuestring[n] = '\0';
		if (r->text_cut++ == 0)
			rec_field_name(r->cut_field, name);
		if (n == 0)
			return 0;
	}
	*out = it->valuestring;
	return 0;
}

static int
rec_version(const cJSON *it, struct rec_errinfo *err)
{
	if (it == NULL)
		return 0;
	if (cJSON_IsNumber(it) && it->valuedouble == 1.0)
		return 0;
	if (cJSON_IsString(it) && it->valuestring != NULL &&
	    strcmp(it->valuestring, "1") == 0)
		return 0;
	return record_fail(err, REC_ERR_VERSION, "v");
}

static int
rec_call_id(struct record *r, const cJSON *it, struct rec_errinfo *err)
{
	size_t n;

	if (it == NULL || !cJSON_IsString(it) || it->valuestring == NULL)
		return record_fail(err, REC_ERR_CALL_ID, "call_id");
	n = strlen(it->valuestring);
	if (n == 0)
		return record_fail(err, REC_ERR_CALL_ID, "call_id");
	if (n > CALL_ID_LEN_MAX) {
		/* The log line names the limit. */
		record_fail(err, REC_ERR_CALL_ID, "call_id");
		snprintf(err->field, sizeof(err->field),
		    "call_id: %zu bytes, the limit is %d", n, CALL_ID_LEN_MAX);
		return -1;
	}
	r->call_id = it->valuestring;
	return 0;
}

/*
 * The message's node, else the transport's default. A default that is
 * missing or too long (the configuration checks it; this keeps the
 * record's invariant whatever the caller passes) becomes "unknown" or is
 * cut to NODE_LEN_MAX.
 */
static int
rec_node(struct record *r, const cJSON *it, const struct rec_opts *opts,
    struct rec_errinfo *err)
{
	const char *def = opts != NULL ? opts->default_node : NULL;

	if (rec_string(r, it, "node", NODE_LEN_MAX, &r->node, err) == -1)
		return -1;
	if (r->node == NULL) {
		if (def == NULL || *def == '\0')
			def = "unknown";
		/* Borrowed and cut to NODE_LEN_MAX by rec_pack(). */
		r->node = (char *)(uintptr_t)def;
	}
	return 0;
}

/* A number of quantity-free kind: sip_code or a unix time. */
static int
rec_scalar(struct record *r, const struct rec_key *k, const cJSON *it,
    struct rec_errinfo *err)
{
	enum rec_error code;
	double v;

	if (record_json_number(it, &v, &code) == -1)
		return record_fail(err, code, k->name);
	if (isnan(v))
		return 0;
	if (k->type == KEY_SIP_CODE) {
		if (v < 100 || v > 699 || v != floor(v))
			return record_fail(err, REC_ERR_VALUE, k->name);
		r->sip_code = v;
	} else {
		if (!(v > 0 && v < REC_TIME_MAX))
			return record_fail(err, REC_ERR_VALUE, k->name);
		*(double *)(void *)((char *)r + k->off) = v;
	}
	return 0;
}

/* One MOS key into its row of the grid. */
static int
rec_avp(struct record *r, const struct rec_key *k, const cJSON *it,
    struct rec_sample grid[REC_SCOPE_COUNT][GRID_KINDS],
    struct rec_errinfo *err)
{
	enum rec_error code;
	double v;

	if (k->quantity == REC_Q_AT && cJSON_IsString(it) &&
	    it->valuestring != NULL && strchr(it->valuestring, ':') != NULL) {
		if (record_parse_minsec(it->valuestring,
		    strlen(it->valuestring), &v) == -1)
			return record_fail(err, REC_ERR_VALUE, k->name);
	} else if (record_json_number(it, &v, &code) == -1)
		return record_fail(err, code, k->name);
	if (isnan(v))
		return 0;
	if (record_check_quantity(k->quantity, &v, &r->mos_refused) == -1)
		return record_fail(err, REC_ERR_VALUE, k->name);
	record_sample_set(&grid[k->scope][k->kind], k->quantity, v);
	return 0;
}

/* "rtpengine": the reply object, or that object as JSON text. */
static int
rec_rtpengine(struct rec_build *b, const cJSON *it)
{
	enum rec_error code;
	cJSON *inner;
	size_t n;
	bool repair;
	int nul, rc;

	if (it == NULL || cJSON_IsNull(it))
		return 0;
	b->replied = true;
	if (cJSON_IsObject(it))
		return record_rtpengine(b, it);
	if (!cJSON_IsString(it) || it->valuestring == NULL)
		return record_fail(b->err, REC_ERR_TYPE, "rtpengine");
	n = strlen(it->valuestring);
	if (n == 0)
		return 0;
	/* The same limits as a message, the text sitting at depth 1. */
	/* The string was repaired with the tree: valid UTF-8 already. */
	if ((inner = rec_parse_checked(it->valuestring, n, 1, &code,
	    &nul, &repair)) == NULL)
		return record_fail(b->err, REC_ERR_VALUE, "rtpengine");
	if (nul != -1 || !cJSON_IsObject(inner))
		rc = record_fail(b->err, REC_ERR_VALUE, "rtpengine");
	else
		rc = record_rtpengine(b, inner);
	return rc;
}

/*
 * Moves the record built in *b->r, whose strings still belong to the tree
 * or to opts, into one new block: the struct, its samples (the known grid
 * rows, then the progression rows), then its strings. The node is cut to
 * NODE_LEN_MAX: only a default node can be longer. The node, always
 * there, keeps the samples pointer inside the block even with no sample,
 * which record_free() relies on.
 */
static struct record *
rec_pack(struct rec_build *b,
    struct rec_sample grid[REC_SCOPE_COUNT][GRID_KINDS])
{
	struct rec_sample known[REC_SCOPE_COUNT * GRID_KINDS];
	size_t tlen[REC_TEXTS], nknown = 0, size, i;
	char **text[REC_TEXTS];
	struct record *r;
	double base;
	char *q;
	int s, k;

	/* rtpengine's own clock when we have it; the SIP one else. */
	base = !isnan(b->created) ? b->created : b->r->start_time;
	for (s = 0; s < REC_SCOPE_COUNT; s++) {
		for (k = 0; k < GRID_KINDS; k++) {
			struct rec_sample *g = &grid[s][k];

			if (!isnan(g->at_offset_s))	/* only min, max have one */
				g->reported_at = base + g->at_offset_s;
			if (record_sample_known(g))
				known[nknown++] = *g;
		}
	}
	size = sizeof(*r) + (nknown + b->nprog) * sizeof(*r->samples);
	rec_texts(b->r, text);
	for (i = 0; i < REC_TEXTS; i++) {
		if (*text[i] == NULL)
			continue;
		tlen[i] = i == 0 ? strnlen(*text[i], NODE_LEN_MAX) :
		    strlen(*text[i]);
		size += tlen[i] + 1;
	}

	r = xmalloc(size);
	*r = *b->r;
	r->one_block = true;
	r->samples = (struct rec_sample *)(void *)(r + 1);
	memcpy(r->samples, known, nknown * sizeof(*known));
	if (b->nprog > 0)
		memcpy(r->samples + nknown, b->prog,
		    b->nprog * sizeof(*b->prog));
	r->nsamples = nknown + b->nprog;
	q = (char *)(r->samples + r->nsamples);
	rec_texts(r, text);
	for (i = 0; i < REC_TEXTS; i++) {
		if (*text[i] == NULL)
			continue;
		memcpy(q, *text[i], tlen[i]);
		q[tlen[i]] = '\0';
		*text[i] = q;
		q += tlen[i] + 1;
	}

	for (i = 0; i < r->nsamples; i++)
		if (r->samples[i].scope != REC_SCOPE_CALL)
			r->legs[r->samples[i].scope - 1].present = true;
	if (r->legs[0].label != NULL)
		r->legs[0].present = true;
	if (r->legs[1].label != NULL)
		r->legs[1].present = true;
	record_media_reasons(r, b->replied, b->created);
	return r;
}

/*
 * The array of unknown members, full at *cap entries, with room for twice
 * as many; the first array is the caller's own (not freed).
 */
static struct rec_unknown *
rec_unknown_grow(struct rec_unknown *us, const struct rec_unknown *first,
    size_t *cap)
{
	struct rec_unknown *n;

	if (us != first)
		n = xrealloc(us, 2 * *cap * sizeof(*us));
	else {
		n = xmalloc(2 * *cap * sizeof(*us));
		memcpy(n, us, *cap * sizeof(*us));
	}
	*cap *= 2;
	return n;
}

/*
 * Every known key, in key_table order, into *b->r and grid; slot[i] is
 * key i's value.
 */
static int
rec_known(struct rec_build *b, const cJSON *const *slot,
    const struct rec_opts *opts,
    struct rec_sample grid[REC_SCOPE_COUNT][GRID_KINDS])
{
	struct record *r = b->r;
	const struct rec_key *k;
	size_t i;
	int s, kind;

	for (s = 0; s < REC_SCOPE_COUNT; s++)
		for (kind = 0; kind < GRID_KINDS; kind++)
			record_sample_init(&grid[s][kind], s, kind);
	for (i = 0; i < KEY_COUNT; i++) {
		k = &key_table[i];
		switch (k->type) {
		case KEY_VERSION:
			if (rec_version(slot[i], b->err) == -1)
				return -1;
			break;
		case KEY_CALL_ID:
			if (rec_call_id(r, slot[i], b->err) == -1)
				return -1;
			break;
		case KEY_NODE:
			if (rec_node(r, slot[i], opts, b->err) == -1)
				return -1;
			break;
		case KEY_STRING:
			if (rec_string(r, slot[i], k->name, FIELD_LEN_MAX,
			    (char **)(void *)((char *)r + k->off),
			    b->err) == -1)
				return -1;
			break;
		case KEY_SIP_CODE:
		case KEY_TIME:
			if (rec_scalar(r, k, slot[i], b->err) == -1)
				return -1;
			break;
		case KEY_LABEL:
			if (rec_string(r, slot[i], k->name, FIELD_LEN_MAX,
			    &r->legs[k->scope - 1].label, b->err) == -1)
				return -1;
			break;
		case KEY_AVP:
			if (slot[i] != NULL &&
			    rec_avp(r, k, slot[i], grid, b->err) == -1)
				return -1;
			break;
		case KEY_RTPENGINE:
			if (rec_rtpengine(b, slot[i]) == -1)
				return -1;
			break;
		}
	}
	return 0;
}

/* Repairs the keys and strings of it and below; true if any was bad.
 * Bounded by JSON_DEPTH_MAX, checked before. */
static bool
rec_repair_tree(cJSON *it)
{
	bool any = false;
	cJSON *c;

	if (it->string != NULL && !(it->type & cJSON_StringIsConst))
		any |= record_utf8_repair(&it->string);
	if ((cJSON_IsString(it) || cJSON_IsRaw(it)) && it->valuestring != NULL)
		any |= record_utf8_repair(&it->valuestring);
	for (c = it->child; c != NULL; c = c->next)
		any |= rec_repair_tree(c);
	return any;
}

/*
 * Invalid UTF-8 in the message's strings becomes U+FFFD, member by
 * member, counted in r->text_repaired with the first member's name. Not
 * in the call_id: a repaired Call-ID could be another call's, so that is
 * refused (REC_ERR_UTF8, "call_id"). Keys are repaired after they were
 * looked up: a known key is ASCII, so a bad one is an unknown key anyway.
 */
static int
rec_repair(struct record *r, cJSON *root, struct rec_errinfo *err)
{
	cJSON *it;

	for (it = root->child; it != NULL; it = it->next) {
		if (it->string != NULL && strcmp(it->string, "call_id") == 0 &&
		    cJSON_IsString(it) && it->valuestring != NULL &&
		    !record_is_utf8(it->valuestring, strlen(it->valuestring)))
			return record_fail(err, REC_ERR_UTF8, "call_id");
		if (rec_repair_tree(it) && r->text_repaired++ == 0)
			rec_field_name(r->repaired_field,
			    it->string != NULL ? it->string : "");
	}
	return 0;
}

int
record_from_json(const char *p, size_t len, const struct rec_opts *opts,
    struct record **out, struct rec_errinfo *err)
{
	struct rec_sample grid[REC_SCOPE_COUNT][GRID_KINDS];
	struct rec_unknown us_first[REC_UNKNOWN_FIRST], *us = us_first;
	const cJSON *slot[KEY_COUNT];
	struct record rec;
	struct rec_build b;
	enum rec_error code;
	const cJSON *it;
	cJSON *root = NULL;
	size_t nus = 0, uscap = REC_UNKNOWN_FIRST, pos;
	int ki, nul_member, rc = -1;
	bool repair;

	*out = NULL;
	err->code = REC_OK;
	err->field[0] = '\0';
	/* Field by field: prog_first needs no clearing. */
	b.r = NULL;
	b.err = err;
	b.prog = NULL;
	b.nprog = b.progcap = 0;
	b.created = NAN;
	b.replied = false;
	b.nstreams = 0;
	if (len == 0)
		return record_fail(err, REC_ERR_EMPTY, NULL);
	if (len > MESSAGE_MAX)
		return record_fail(err, REC_ERR_TOO_LARGE, NULL);
	record_arena_begin();
	if ((root = rec_parse_checked(p, len, 0, &code, &nul_member,
	    &repair)) == NULL) {
		record_fail(err, code, NULL);
		goto fail;
	}
	if (!cJSON_IsObject(root)) {
		record_fail(err, REC_ERR_NOT_OBJECT, NULL);
		goto fail;
	}

	/* "\u0000" would have cut that member's key or string short. */
	if (nul_member >= 0) {
		pos = 0;
		for (it = root->child; it != NULL && pos <
		    (size_t)nul_member; it = it->next)
			pos++;
		if (it != NULL && it->string != NULL &&
		    strcmp(it->string, "call_id") == 0)
			record_fail(err, REC_ERR_CALL_ID, "call_id");
		else
			record_fail(err, REC_ERR_VALUE,
			    it != NULL ? it->string : NULL);
		goto fail;
	}

	memset(slot, 0, sizeof(slot));
	for (it = root->child; it != NULL; it = it->next) {
		if ((ki = key_find(it->string)) == -1) {
			if (it->string == NULL)
				continue;
			if (nus == uscap)
				us = rec_unknown_grow(us, us_first, &uscap);
			us[nus].it = it;
			us[nus].pos = nus;
			us[nus].keep = true;
			nus++;
			continue;
		}
		if (slot[ki] != NULL) {
			record_fail(err, REC_ERR_VALUE, it->string);
			goto fail;
		}
		slot[ki] = it;
	}

	memset(&rec, 0, sizeof(rec));
	rec.sip_code = rec.start_time = rec.end_time = rec.answer_time = NAN;
	rec.received_at = opts != NULL ? opts->received_at : NAN;
	b.r = &rec;
	if (repair && rec_repair(&rec, root, err) == -1)
		goto fail;
	if (rec_known(&b, slot, opts, grid) == -1)
		goto fail;
	record_extra_dedup(us, nus);
	/* After the repair: a number's text holds no string bytes. */
	record_extra_raw_numbers(p, len, root, us, nus);
	rec.extra = record_extra_text(us, nus);
	*out = rec_pack(&b, grid);
	rc = 0;
fail:
	if (b.prog != b.prog_first)
		free(b.prog);
	if (us != us_first)
		free(us);
	/* root, extra and every other cJSON allocation. */
	record_arena_end();
	return rc;
}
