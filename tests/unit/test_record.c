/*
 * test_record.c: unit tests of record_from_json(), the wire format v1
 * parser (src/record*.c): every MOS key, every unit, every refusal
 * reason, the real samples in tests/data and rtpengine's MOS progression.
 *
 * Run from the top of the tree (the samples are read from tests/data/).
 */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "limits.h"
#include "record.h"

#define T_RECEIVED	1700000000.5

/* Parses a NUL-terminated text; the record, or NULL with *err filled. */
static struct record *
parse_n(const char *p, size_t len, struct rec_errinfo *err)
{
	struct rec_opts opts = { "defnode", T_RECEIVED };
	struct rec_errinfo e;
	struct record *r = (struct record *)0x1;
	int rc;

	if (err == NULL)
		err = &e;
	rc = record_from_json(p, len, &opts, &r, err);
	if (rc == -1) {
		assert_null(r);
		assert_int_not_equal(err->code, REC_OK);
		return NULL;
	}
	assert_int_equal(rc, 0);
	assert_non_null(r);
	return r;
}

static struct record *
parse(const char *p, struct rec_errinfo *err)
{
	return parse_n(p, strlen(p), err);
}

/* A message that must parse; fails the test with the reason if not. */
static struct record *
parse_ok(const char *p)
{
	struct rec_errinfo err;
	struct record *r = parse(p, &err);

	if (r == NULL)
		fail_msg("refused %s (%s): %.200s", rec_error_name(err.code),
		    err.field, p);
	return r;
}

/* A message that must be refused with this reason and field. */
static void
refused(const char *p, size_t len, enum rec_error code, const char *field)
{
	struct rec_errinfo err;
	struct record *r = parse_n(p, len, &err);

	if (r != NULL) {
		record_free(r);
		fail_msg("accepted, expected %s (%s): %.200s",
		    rec_error_name(code), field, p);
	}
	if (err.code != code || strcmp(err.field, field) != 0)
		fail_msg("refused %s (%s), expected %s (%s): %.200s",
		    rec_error_name(err.code), err.field, rec_error_name(code),
		    field, p);
}

#define REFUSED(p, code, field) refused((p), strlen(p), (code), (field))

static char *
fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

/* A printf into a new buffer (tests only: aborts on failure). */
static char *
fmt(const char *f, ...)
{
	va_list ap;
	char *s;

	va_start(ap, f);
	if (vasprintf(&s, f, ap) == -1)
		abort();
	va_end(ap);
	return s;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		fail_msg("cannot open %s (run from the top of the tree)", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* The sample of this scope, kind and seq, or NULL. */
static const struct rec_sample *
find(const struct record *r, int scope, int kind, int seq)
{
	size_t i;

	for (i = 0; i < r->nsamples; i++)
		if (r->samples[i].scope == scope &&
		    r->samples[i].kind == kind && r->samples[i].seq == seq)
			return &r->samples[i];
	return NULL;
}

static size_t
count_kind(const struct record *r, int scope, int kind)
{
	size_t i, n = 0;

	for (i = 0; i < r->nsamples; i++)
		if (r->samples[i].scope == scope && r->samples[i].kind == kind)
			n++;
	return n;
}

#define assert_nan(x)		assert_true(isnan(x))
/*
 * cmocka's assert_float_equal() compares floats (24-bit mantissa: unix
 * times differ by a minute and still pass) and passes on NAN: doubles are
 * compared here, known first, to 1e-6 absolute (below a microsecond).
 */
#define assert_dbl(x, want)	dbl_equal((x), (want), #x, __FILE__, __LINE__)

static void
dbl_equal(double x, double want, const char *expr, const char *file,
    int line)
{
	if (isnan(x) || fabs(x - want) > 1e-6)
		fail_msg("%s:%d: %s is %.9f, expected %.9f", file, line, expr,
		    x, want);
}

/* Fields of a sample in one enum, so a table can name them. */
enum q { Q_MOS, Q_LOSS, Q_JITTER, Q_RTT, Q_RTT_LEG, Q_SAMPLES, Q_AT, Q_COUNT };

static double
sample_q(const struct rec_sample *s, enum q q)
{
	switch (q) {
	case Q_MOS: return s->mos;
	case Q_LOSS: return s->packetloss_pct;
	case Q_JITTER: return s->jitter_ms;
	case Q_RTT: return s->roundtrip_us;
	case Q_RTT_LEG: return s->roundtrip_leg_us;
	case Q_SAMPLES: return s->samples;
	case Q_AT: return s->at_offset_s;
	default: return NAN;
	}
}

/*
 * The 56 key names built from the rule in the spec (not from the
 * parser's table), each with the row and field it must fill.
 */
struct avp_case {
	char name[48];
	int scope;
	int kind;		/* -1: the side's label */
	enum q q;
};

static size_t
avp_cases(struct avp_case *c)
{
	static const char *const sfx[] = { "", "_A", "_B" };
	static const char *const kinds[] = { "average", "min", "max" };
	static const char *const qs[] = { "packetloss", "jitter", "roundtrip",
	    "roundtrip_leg" };
	static const enum q qe[] = { Q_LOSS, Q_JITTER, Q_RTT, Q_RTT_LEG };
	size_t n = 0;
	int s, k, q;

	for (s = 0; s < 3; s++) {
		for (k = 0; k < 3; k++) {
			snprintf(c[n].name, sizeof(c[n].name), "mos_%s%s",
			    kinds[k], sfx[s]);
			c[n].scope = s, c[n].kind = k, c[n].q = Q_MOS, n++;
		}
		for (k = 1; k < 3; k++) {
			snprintf(c[n].name, sizeof(c[n].name), "mos_%s_at%s",
			    kinds[k], sfx[s]);
			c[n].scope = s, c[n].kind = k, c[n].q = Q_AT, n++;
		}
		for (q = 0; q < 4; q++)
			for (k = 0; k < 3; k++) {
				snprintf(c[n].name, sizeof(c[n].name),
				    "mos_%s_%s%s", kinds[k], qs[q], sfx[s]);
				c[n].scope = s, c[n].kind = k, c[n].q = qe[q];
				n++;
			}
		snprintf(c[n].name, sizeof(c[n].name), "mos_average_samples%s",
		    sfx[s]);
		c[n].scope = s, c[n].kind = REC_KIND_AVERAGE;
		c[n].q = Q_SAMPLES, n++;
		if (s > 0) {
			snprintf(c[n].name, sizeof(c[n].name), "mos_%s_label",
			    sfx[s] + 1);
			c[n].scope = s, c[n].kind = -1, c[n].q = Q_COUNT, n++;
		}
	}
	return n;
}

/*
 * Proves: each of the 56 keys, alone in a message, lands in exactly one
 * sample of the right scope and kind, in the right field, in the right
 * unit, from its string form and from its number form; every other field
 * of that sample is unknown; labels land in the leg and make it present.
 */
static void
test_avp_every_key(void **state)
{
	/* A value per quantity: string form, number form, expected. */
	static const struct {
		const char *str;
		const char *num;
		double want;
	} v[Q_COUNT] = {
		[Q_MOS] = { "\"2.5\"", "2.5", 2.5 },
		[Q_LOSS] = { "\"12.5\"", "12.5", 12.5 },
		[Q_JITTER] = { "\"7.25\"", "7.25", 7.25 },
		[Q_RTT] = { "\"90858\"", "90858", 90858 },
		[Q_RTT_LEG] = { "\"40511\"", "40511", 40511 },
		[Q_SAMPLES] = { "\"5\"", "5", 5 },
		[Q_AT] = { "\"12:07\"", "727", 727 },
	};
	struct avp_case c[64];
	bool seen[REC_SCOPE_COUNT][3][Q_COUNT];
	size_t n, i, form;
	enum q q;

	(void)state;
	memset(seen, 0, sizeof(seen));
	n = avp_cases(c);
	assert_int_equal(n, 56);
	for (i = 0; i < n; i++) {
		for (form = 0; form < 2; form++) {
			const struct rec_sample *s;
			struct record *r;
			char *msg;

			if (c[i].kind == -1) {
				msg = fmt("{\"call_id\":\"c\",\"%s\":\"lbl\"}",
				    c[i].name);
				r = parse_ok(msg);
				assert_string_equal(
				    r->legs[c[i].scope - 1].label, "lbl");
				assert_true(r->legs[c[i].scope - 1].present);
				assert_false(r->legs[2 - c[i].scope].present);
				assert_int_equal(r->nsamples, 0);
				record_free(r);
				free(msg);
				break;
			}
			msg = fmt("{\"call_id\":\"c\",\"%s\":%s}", c[i].name,
			    form == 0 ? v[c[i].q].str : v[c[i].q].num);
			r = parse_ok(msg);
			assert_null(r->extra);
			assert_int_equal(r->nsamples, 1);
			s = find(r, c[i].scope, c[i].kind, 0);
			if (s == NULL)
				fail_msg("%s: no %s/%s sample", c[i].name,
				    rec_scope_name(c[i].scope),
				    rec_kind_name(c[i].kind));
			for (q = 0; q < Q_COUNT; q++) {
				if (q == c[i].q)
					assert_dbl(sample_q(s, q),
					    v[c[i].q].want);
				else
					assert_nan(sample_q(s, q));
			}
			/* No rtpengine created, no start_time: no base. */
			assert_nan(s->reported_at);
			assert_int_equal(r->legs[0].present,
			    c[i].scope == REC_SCOPE_A);
			assert_int_equal(r->legs[1].present,
			    c[i].scope == REC_SCOPE_B);
			seen[c[i].scope][c[i].kind][c[i].q] = true;
			record_free(r);
			free(msg);
		}
	}
	/* 54 distinct destinations: no two keys share a field. */
	n = 0;
	for (i = 0; i < sizeof(seen) / sizeof(bool); i++)
		n += ((bool *)seen)[i];
	assert_int_equal(n, 54);
}

/* Proves: look-alike names are not MOS keys; they go to extra. */
static void
test_avp_lookalikes(void **state)
{
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"mos_average_at\":\"0:03\","
	    "\"mos_C_label\":\"x\",\"MOS_AVERAGE\":\"4\","
	    "\"mos_average_samples_C\":\"3\"}");
	assert_int_equal(r->nsamples, 0);
	assert_string_equal(r->extra, "{\"mos_average_at\":\"0:03\","
	    "\"mos_C_label\":\"x\",\"MOS_AVERAGE\":\"4\","
	    "\"mos_average_samples_C\":\"3\"}");
	record_free(r);
}

/* Proves: "m:ss" and plain seconds convert; every bad form is refused. */
static void
test_avp_minsec(void **state)
{
	static const struct {
		const char *json;
		double want;
	} good[] = {
		{ "\"0:03\"", 3 }, { "\"12:07\"", 727 }, { "\"75:00\"", 4500 },
		{ "\"0:59\"", 59 }, { "\"00:00\"", 0 }, { "\"90\"", 90 },
		{ "90", 90 }, { "\"1000:01\"", 60001 },
	};
	static const char *const bad[] = {
		"\"0:60\"", "\"1:5\"", "\":05\"", "\"1:05:00\"", "\"-1:05\"",
		"\"1:0a\"", "\"1.5:00\"", "\"a:00\"", "\"1:05 \"", "\" 1:05\"",
		"\"1:005\"", "\"1234567890:00\"", "3.5", "\"3.5\"", "\"-3\"",
		"-3", "\"1e2\"", "\"abc\"",
	};
	struct record *r;
	size_t i;
	char *msg;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		msg = fmt("{\"call_id\":\"c\",\"mos_max_at_B\":%s}",
		    good[i].json);
		r = parse_ok(msg);
		assert_int_equal(r->nsamples, 1);
		assert_dbl(find(r, REC_SCOPE_B, REC_KIND_MAX, 0)->at_offset_s,
		    good[i].want);
		record_free(r);
		free(msg);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msg = fmt("{\"call_id\":\"c\",\"mos_max_at_B\":%s}", bad[i]);
		REFUSED(msg, REC_ERR_VALUE, "mos_max_at_B");
		free(msg);
	}
}

/*
 * Proves: null, "" and absence are unknown (NAN), never 0; a sample is
 * emitted only with a known value; a known 0 stays 0.
 */
static void
test_avp_unknown(void **state)
{
	const struct rec_sample *s;
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"mos_average\":null,"
	    "\"mos_min\":\"\",\"mos_max_jitter\":null,\"mos_A_label\":\"\","
	    "\"mos_B_label\":null,\"mos_min_at\":\"\"}");
	assert_int_equal(r->nsamples, 0);
	assert_false(r->legs[0].present);
	assert_false(r->legs[1].present);
	assert_null(r->legs[0].label);
	assert_int_equal(r->mos_refused, 0);
	record_free(r);

	r = parse_ok("{\"call_id\":\"c\",\"mos_average\":null,"
	    "\"mos_average_jitter\":\"0\",\"mos_average_packetloss\":0}");
	assert_int_equal(r->nsamples, 1);
	s = find(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0);
	assert_non_null(s);
	assert_nan(s->mos);
	assert_dbl(s->jitter_ms, 0);
	assert_dbl(s->packetloss_pct, 0);
	assert_nan(s->roundtrip_us);
	assert_nan(s->samples);
	record_free(r);
}

/*
 * Proves: a MOS outside 1.0..5.0 (0, "0.0", 5.1, 0.99, -1) is NULLed and
 * counted without refusing the message or dropping the row's other
 * values; 1.0 and 5.0 themselves are kept.
 */
static void
test_avp_mos_range(void **state)
{
	const struct rec_sample *s;
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"mos_average\":0,"
	    "\"mos_average_jitter\":\"3\",\"mos_min\":\"0.0\","
	    "\"mos_max\":5.1,\"mos_average_A\":\"0.99\",\"mos_min_B\":\"-1\","
	    "\"mos_max_A\":\"1.0\",\"mos_max_B\":5}");
	assert_int_equal(r->mos_refused, 5);
	s = find(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0);
	assert_non_null(s);
	assert_nan(s->mos);
	assert_dbl(s->jitter_ms, 3);
	/* Rows with nothing known left are not emitted. */
	assert_null(find(r, REC_SCOPE_CALL, REC_KIND_MIN, 0));
	assert_null(find(r, REC_SCOPE_CALL, REC_KIND_MAX, 0));
	assert_null(find(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0));
	assert_null(find(r, REC_SCOPE_B, REC_KIND_MIN, 0));
	assert_dbl(find(r, REC_SCOPE_A, REC_KIND_MAX, 0)->mos, 1.0);
	assert_dbl(find(r, REC_SCOPE_B, REC_KIND_MAX, 0)->mos, 5.0);
	assert_int_equal(r->nsamples, 3);
	record_free(r);
}

/*
 * Proves: text that is not a plain decimal, values out of their range
 * and wrong JSON types are refused, naming the key.
 */
static void
test_avp_bad_values(void **state)
{
	static const struct {
		const char *key;
		const char *json;
		enum rec_error code;
	} t[] = {
		{ "mos_average", "\"abc\"", REC_ERR_VALUE },
		{ "mos_average", "\"4.3x\"", REC_ERR_VALUE },
		{ "mos_average", "\"NaN\"", REC_ERR_VALUE },
		{ "mos_average", "\"nan\"", REC_ERR_VALUE },
		{ "mos_average", "\"inf\"", REC_ERR_VALUE },
		{ "mos_average", "\"Infinity\"", REC_ERR_VALUE },
		{ "mos_average", "\"1e999\"", REC_ERR_VALUE },
		{ "mos_average", "1e999", REC_ERR_VALUE },
		{ "mos_average", "\" 4.3\"", REC_ERR_VALUE },
		{ "mos_average", "\"4,3\"", REC_ERR_VALUE },
		{ "mos_average", "\"+4.3\"", REC_ERR_VALUE },
		{ "mos_average", "\".5\"", REC_ERR_VALUE },
		{ "mos_average", "\"5.\"", REC_ERR_VALUE },
		{ "mos_average", "\"0x10\"", REC_ERR_VALUE },
		{ "mos_average", "\"4.3\\n\"", REC_ERR_VALUE },
		{ "mos_average", "true", REC_ERR_TYPE },
		{ "mos_average", "{}", REC_ERR_TYPE },
		{ "mos_average", "[4.3]", REC_ERR_TYPE },
		{ "mos_min_packetloss", "\"-1\"", REC_ERR_VALUE },
		{ "mos_min_packetloss", "100.5", REC_ERR_VALUE },
		{ "mos_average_jitter_A", "-0.5", REC_ERR_VALUE },
		{ "mos_max_roundtrip_B", "\"90858.5\"", REC_ERR_VALUE },
		{ "mos_max_roundtrip_B", "\"-1\"", REC_ERR_VALUE },
		{ "mos_min_roundtrip_leg", "1e300", REC_ERR_VALUE },
		{ "mos_average_samples", "\"2.5\"", REC_ERR_VALUE },
		{ "mos_average_samples", "false", REC_ERR_TYPE },
		{ "mos_average_roundtrip",
		    "\"99999999999999999999999999999999999\"", REC_ERR_VALUE },
		{ "mos_A_label", "5", REC_ERR_TYPE },
		{ "mos_B_label", "[]", REC_ERR_TYPE },
	};
	size_t i;
	char *msg;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		msg = fmt("{\"call_id\":\"c\",\"%s\":%s}", t[i].key, t[i].json);
		REFUSED(msg, t[i].code, t[i].key);
		free(msg);
	}
}

/*
 * Proves: decimals are read the same under a locale whose decimal
 * separator is ',' (where strtod would read "4.3" as 4). Skipped when no
 * such locale is installed (generate one with localedef and LOCPATH).
 */
static void
test_avp_locale(void **state)
{
	static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8",
	    "fr_FR.UTF-8", "fr_FR.utf8", "nl_NL.UTF-8", "de_DE" };
	const struct rec_sample *s;
	struct record *r;
	size_t i;
	bool ok = false;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]) && !ok; i++)
		ok = setlocale(LC_NUMERIC, names[i]) != NULL &&
		    strcmp(localeconv()->decimal_point, ",") == 0;
	if (!ok) {
		setlocale(LC_NUMERIC, "C");
		skip();
	}
	r = parse_ok("{\"call_id\":\"c\",\"mos_average\":\"4.3\","
	    "\"mos_average_jitter\":2.75,\"start_time\":\"1700000000.25\"}");
	setlocale(LC_NUMERIC, "C");
	s = find(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0);
	assert_dbl(s->mos, 4.3);
	assert_dbl(s->jitter_ms, 2.75);
	assert_dbl(r->start_time, 1700000000.25);
	record_free(r);
}

/*
 * Proves: the Kamailio 5.6 sample (a Call-ID with quotes) parses field by
 * field, including the roundtrip_leg values and units as sent.
 */
static void
test_sample_kamailio56(void **state)
{
	const struct rec_sample *s;
	struct record *r;
	size_t len;
	char *p;

	(void)state;
	p = read_file("tests/data/datagram-kamailio56-avps.json", &len);
	r = parse_n(p, len, NULL);
	assert_non_null(r);
	assert_string_equal(r->call_id, "mos-test-\"q\"-1795755056@127.0.0.1");
	assert_string_equal(r->node, "defnode");
	assert_null(r->from_tag);
	assert_null(r->extra);
	assert_dbl(r->received_at, T_RECEIVED);
	assert_nan(r->start_time);
	assert_nan(r->sip_code);
	assert_int_equal(r->mos_refused, 0);
	assert_int_equal(r->nsamples, 7);

	s = find(r, REC_SCOPE_CALL, REC_KIND_MIN, 0);
	assert_dbl(s->mos, 3.9);
	assert_dbl(s->at_offset_s, 3);
	assert_dbl(s->packetloss_pct, 5);
	assert_dbl(s->jitter_ms, 10);
	assert_dbl(s->roundtrip_us, 90858);
	assert_dbl(s->roundtrip_leg_us, 40511);
	assert_nan(s->samples);
	assert_nan(s->reported_at);
	s = find(r, REC_SCOPE_CALL, REC_KIND_MAX, 0);
	assert_dbl(s->mos, 3.9);
	assert_dbl(s->at_offset_s, 3);
	assert_dbl(s->packetloss_pct, 5);
	assert_dbl(s->jitter_ms, 10);
	assert_dbl(s->roundtrip_us, 90858);
	assert_nan(s->roundtrip_leg_us);
	s = find(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0);
	assert_dbl(s->mos, 3.9);
	assert_dbl(s->packetloss_pct, 5);
	assert_dbl(s->jitter_ms, 10);
	assert_dbl(s->roundtrip_us, 90930);
	assert_dbl(s->samples, 5);
	assert_nan(s->at_offset_s);
	s = find(r, REC_SCOPE_A, REC_KIND_MIN, 0);
	assert_dbl(s->mos, 3.9);
	assert_dbl(s->at_offset_s, 3);
	assert_dbl(s->roundtrip_us, 90858);
	assert_dbl(s->roundtrip_leg_us, 40511);
	assert_dbl(s->jitter_ms, 10);
	assert_dbl(s->packetloss_pct, 5);
	s = find(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0);
	assert_dbl(s->mos, 3.9);
	assert_dbl(s->samples, 5);
	assert_nan(s->jitter_ms);
	assert_null(find(r, REC_SCOPE_A, REC_KIND_MAX, 0));
	s = find(r, REC_SCOPE_B, REC_KIND_MIN, 0);
	assert_dbl(s->mos, 3.9);
	assert_nan(s->at_offset_s);
	s = find(r, REC_SCOPE_B, REC_KIND_AVERAGE, 0);
	assert_dbl(s->mos, 3.9);
	assert_dbl(s->samples, 6);
	assert_true(r->legs[0].present);
	assert_true(r->legs[1].present);
	assert_null(r->legs[0].label);
	assert_null(r->legs[1].label);
	record_free(r);
	free(p);
}

/* Proves: the seed sample (tags, labels, no side values) field by field. */
static void
test_sample_seed(void **state)
{
	const struct rec_sample *s;
	struct record *r;
	size_t len;
	char *p;

	(void)state;
	p = read_file("tests/data/datagram-seed-avps.json", &len);
	r = parse_n(p, len, NULL);
	assert_non_null(r);
	assert_string_equal(r->call_id,
	    "103103NTUyYmUxMDU0ODRkNDUzNGVhNDUzZWFlZjEyMmU1ZjY");
	assert_string_equal(r->from_tag, "bea85f0b");
	assert_string_equal(r->to_tag, "cNgQQcg2N572N");
	assert_string_equal(r->legs[0].label, "Aleg_label");
	assert_string_equal(r->legs[1].label, "Bleg_label");
	assert_true(r->legs[0].present);
	assert_true(r->legs[1].present);
	assert_int_equal(r->nsamples, 3);
	s = find(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0);
	assert_dbl(s->mos, 4.4);
	assert_dbl(s->packetloss_pct, 0);
	assert_dbl(s->jitter_ms, 0);
	assert_dbl(s->roundtrip_us, 2771);
	assert_dbl(s->samples, 2);
	s = find(r, REC_SCOPE_CALL, REC_KIND_MIN, 0);
	assert_dbl(s->mos, 4.4);
	assert_dbl(s->at_offset_s, 5);
	assert_dbl(s->packetloss_pct, 0);
	assert_dbl(s->jitter_ms, 0);
	assert_dbl(s->roundtrip_us, 2776);
	assert_nan(s->reported_at);
	s = find(r, REC_SCOPE_CALL, REC_KIND_MAX, 0);
	assert_dbl(s->mos, 4.4);
	assert_nan(s->at_offset_s);
	assert_nan(s->jitter_ms);
	record_free(r);
	free(p);
}

/*
 * The seed sample's text with "rtpengine": <reply> added before the
 * closing brace; as_string puts the reply in as a JSON string.
 */
static char *
seed_with_rtpengine(const char *extra_keys, bool as_string)
{
	char *seed, *reply, *msg, *q, *esc;
	size_t ls, lr, i;

	seed = read_file("tests/data/datagram-seed-avps.json", &ls);
	reply = read_file("tests/data/rtpengine-delete-reply.json", &lr);
	q = strrchr(seed, '}');
	assert_non_null(q);
	*q = '\0';
	if (as_string) {
		esc = malloc(2 * lr + 3);
		assert_non_null(esc);
		q = esc;
		*q++ = '"';
		for (i = 0; i < lr; i++) {
			if (reply[i] == '\n') {
				*q++ = '\\';
				*q++ = 'n';
				continue;
			}
			if (reply[i] == '"' || reply[i] == '\\')
				*q++ = '\\';
			*q++ = reply[i];
		}
		*q++ = '"';
		*q = '\0';
		msg = fmt("%s,%s\"rtpengine\":%s}", seed, extra_keys, esc);
		free(esc);
	} else
		msg = fmt("%s,%s\"rtpengine\":%s}", seed, extra_keys, reply);
	free(seed);
	free(reply);
	return msg;
}

/* The values of the rtpengine sample, checked for both forms. */
static void
check_progression(const struct record *r)
{
	const struct rec_sample *s;
	/* created 1590498074 + created_us 755783 */
	double base = 1590498074.755783;

	assert_int_equal(count_kind(r, REC_SCOPE_A, REC_KIND_PROGRESSION), 4);
	assert_int_equal(count_kind(r, REC_SCOPE_B, REC_KIND_PROGRESSION), 11);
	assert_int_equal(count_kind(r, REC_SCOPE_CALL,
	    REC_KIND_PROGRESSION), 0);
	assert_int_equal(r->nsamples, 3 + 15);
	assert_int_equal(r->progression_unmapped, 0);
	assert_int_equal(r->mos_refused, 0);
	assert_true(r->legs[0].present);
	assert_true(r->legs[1].present);
	/* The reply is not an unknown key. */
	assert_null(r->extra);

	/* Side A: SSRC 1451888189 of tag bea85f0b (label Aleg_label). */
	s = find(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 0);
	assert_non_null(s);
	assert_dbl(s->mos, 4.3);
	assert_dbl(s->roundtrip_us, 24184);
	assert_dbl(s->jitter_ms, 0);
	assert_dbl(s->packetloss_pct, 0);
	assert_nan(s->roundtrip_leg_us);
	assert_nan(s->samples);
	assert_dbl(s->reported_at, 1590498085);
	assert_dbl(s->at_offset_s, 11);
	s = find(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 3);
	assert_non_null(s);
	assert_dbl(s->mos, 4.3);
	assert_dbl(s->roundtrip_us, 12473);
	assert_dbl(s->reported_at, 1590498099);
	assert_dbl(s->at_offset_s, 25);
	assert_null(find(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 4));

	/* Side B: SSRC 4006960018 of tag cNgQQcg2N572N. */
	s = find(r, REC_SCOPE_B, REC_KIND_PROGRESSION, 0);
	assert_dbl(s->mos, 4.3);
	assert_dbl(s->roundtrip_us, 20241);
	assert_dbl(s->reported_at, 1590498082);
	assert_dbl(s->at_offset_s, 8);
	s = find(r, REC_SCOPE_B, REC_KIND_PROGRESSION, 1);
	assert_dbl(s->jitter_ms, 3);
	assert_dbl(s->roundtrip_us, 9101);
	s = find(r, REC_SCOPE_B, REC_KIND_PROGRESSION, 10);
	assert_dbl(s->mos, 4.3);
	assert_dbl(s->roundtrip_us, 8175);
	assert_dbl(s->packetloss_pct, 1);
	assert_dbl(s->reported_at, 1590498099);
	assert_dbl(s->at_offset_s, 25);

	/* The AVP min row's time counts from rtpengine's "created". */
	s = find(r, REC_SCOPE_CALL, REC_KIND_MIN, 0);
	assert_dbl(s->at_offset_s, 5);
	assert_dbl(s->reported_at, base + 5);
	assert_nan(find(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0)->reported_at);
}

/*
 * Proves: with rtpengine's reply (object form) the progression gives 4
 * rows for side A and 11 for side B with the right values and times.
 */
static void
test_rtpengine_object(void **state)
{
	struct record *r;
	char *msg;

	(void)state;
	msg = seed_with_rtpengine("", false);
	r = parse_ok(msg);
	check_progression(r);
	record_free(r);
	free(msg);
}

/* Proves: the sample reply's per-side media facts, field by field. */
static void
test_media_sample(void **state)
{
	const struct rec_media *a, *b;
	struct record *r;
	char *msg;

	(void)state;
	msg = seed_with_rtpengine("", false);
	r = parse_ok(msg);
	a = &r->legs[0].m;
	b = &r->legs[1].m;
	assert_true(a->media);
	assert_dbl(a->rtp_packets, 1228);
	assert_dbl(a->rtp_bytes, 209296);
	assert_dbl(a->rtp_errors, 12);
	assert_dbl(a->rtcp_packets, 7);
	assert_string_equal(a->remote_addr, "192.168.1.108");
	assert_dbl(a->remote_port, 59398);
	assert_string_equal(a->protocol, "RTP/AVPF");
	assert_string_equal(a->codec, "");	/* the sample has none */
	assert_dbl(a->ssrc, 1451888189);
	assert_dbl(a->last_packet, 1590498099);
	assert_true(b->media);
	assert_dbl(b->rtp_packets, 950);
	assert_dbl(b->rtp_bytes, 163400);
	assert_dbl(b->rtp_errors, 0);
	assert_dbl(b->rtcp_packets, 12);
	assert_string_equal(b->remote_addr, "192.168.1.109");
	assert_dbl(b->remote_port, 30106);
	assert_dbl(b->ssrc, 4006960018.0);
	/* Both sides have progression MOS values: no reason. */
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NONE);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_NONE);
	assert_null(rec_missing_name(REC_MISSING_NONE));
	record_free(r);
	free(msg);
}

/* Does the record hold a MOS value for the side (scope)? */
static bool
side_mos(const struct record *r, int scope)
{
	size_t i;

	for (i = 0; i < r->nsamples; i++)
		if (r->samples[i].scope == scope && !isnan(r->samples[i].mos))
			return true;
	return false;
}

/*
 * Proves: replies captured from the end-to-end test with rtpengine 10.5
 * (tests/data/e2e-reply-*.json, messages as the Kamailio script sent
 * them): a clean call, one whose endpoints send no RTCP, one where
 * only the callee sends RTCP (rtpengine then has no MOS for either side),
 * a call of 2 s (a MOS for the callee only) and a 486 without media.
 */
static void
test_media_captured(void **state)
{
	const struct rec_media *a, *b;
	struct record *r;
	size_t len;
	char *p;

	(void)state;
	p = read_file("tests/data/e2e-reply-clean.json", &len);
	r = parse_n(p, len, NULL);
	assert_non_null(r);
	a = &r->legs[0].m;
	b = &r->legs[1].m;
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NONE);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_NONE);
	assert_dbl(a->rtp_packets, 299);
	assert_dbl(a->rtp_bytes, 51428);
	assert_dbl(a->rtp_errors, 0);
	assert_dbl(a->rtcp_packets, 6);
	assert_string_equal(a->remote_addr, "127.0.0.1");
	assert_dbl(a->remote_port, 29116);
	assert_string_equal(a->protocol, "RTP/AVP");
	assert_string_equal(a->codec, "PCMU/8000");
	assert_dbl(a->last_packet, 1796164428);
	assert_dbl(b->rtp_packets, 299);
	assert_dbl(b->rtcp_packets, 6);
	assert_dbl(b->remote_port, 28626);
	assert_string_equal(b->codec, "PCMU/8000");
	record_free(r);
	free(p);

	p = read_file("tests/data/e2e-reply-nortcp.json", &len);
	r = parse_n(p, len, NULL);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NO_RTCP);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_NO_RTCP);
	assert_dbl(r->legs[0].m.rtp_packets, 295);
	assert_dbl(r->legs[0].m.rtcp_packets, 0);
	assert_dbl(r->legs[0].m.ssrc, 52734659);
	assert_dbl(r->legs[1].m.ssrc, 332524003);
	record_free(r);
	free(p);

	/* RTCP from the callee only, 6 s: rtpengine 10.5 has a MOS for
	 * neither side. The caller no_rtcp; the callee sent RTCP, its peer
	 * none: peer_no_rtcp (not too_short, whatever the call's length). */
	p = read_file("tests/data/e2e-reply-oneside.json", &len);
	r = parse_n(p, len, NULL);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NO_RTCP);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_PEER_NO_RTCP);
	assert_string_equal(rec_missing_name(r->legs[1].mos_missing),
	    "peer_no_rtcp");
	assert_false(side_mos(r, REC_SCOPE_A));
	assert_false(side_mos(r, REC_SCOPE_B));
	assert_dbl(r->legs[0].m.rtp_packets, 300);
	assert_dbl(r->legs[0].m.rtcp_packets, 0);
	assert_dbl(r->legs[1].m.rtp_packets, 301);
	assert_dbl(r->legs[1].m.rtcp_packets, 6);
	assert_dbl(r->legs[1].m.ssrc, 2271760180.0);
	record_free(r);
	free(p);

	/* 2 s, two RTCP packets each: rtpengine has a MOS for the callee
	 * (NULL reason), none for the caller: too_short. */
	p = read_file("tests/data/e2e-reply-short.json", &len);
	r = parse_n(p, len, NULL);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_TOO_SHORT);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_NONE);
	assert_dbl(r->legs[0].m.rtp_packets, 100);
	assert_dbl(r->legs[0].m.rtcp_packets, 2);
	assert_dbl(r->legs[1].m.rtp_packets, 101);
	assert_dbl(r->legs[1].m.rtcp_packets, 2);
	assert_dbl(r->legs[0].m.last_packet, 1796165545);
	record_free(r);
	free(p);

	/* 486: the caller's tag received nothing; the callee's tag is
	 * "<untagged 1>" without a label, so the reply names no B stream. */
	p = read_file("tests/data/e2e-reply-busy.json", &len);
	r = parse_n(p, len, NULL);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NO_MEDIA);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_UNKNOWN);
	assert_false(r->legs[1].m.media);
	assert_string_equal(r->legs[0].m.codec, "");
	record_free(r);
	free(p);
}

/*
 * Proves: the reasons of rec_missing_name() (the one list) are what the
 * rest names: each has its row in docs/schema.md's rule table, its
 * share_no_mos_<name> column in both back ends' views.sql, and is in
 * PostgreSQL's CHECK constraint (the newest migration that sets it,
 * 011); names out of range read as "unknown".
 */
static void
test_missing_names_everywhere(void **state)
{
	static const char *const files[] = { "docs/schema.md",
		"sql/sqlite/views.sql", "sql/postgresql/views.sql",
		"sql/postgresql/011_mos13.sql" };
	char *text[4], want[64];
	size_t len, f;
	int i;

	(void)state;
	for (f = 0; f < 4; f++)
		text[f] = read_file(files[f], &len);
	for (i = 1; i < REC_MISSING_COUNT; i++) {
		const char *n = rec_missing_name((enum rec_missing)i);

		assert_non_null(n);
		snprintf(want, sizeof(want), "| `%s` |", n);
		if (strstr(text[0], want) == NULL)
			fail_msg("docs/schema.md has no rule row for %s", n);
		snprintf(want, sizeof(want), "share_no_mos_%s", n);
		for (f = 0; f < 3; f++)
			if (strstr(text[f], want) == NULL)
				fail_msg("%s does not name %s", files[f], want);
		snprintf(want, sizeof(want), "'%s'", n);
		if (strstr(text[3], want) == NULL)
			fail_msg("%s: %s not in the CHECK list", files[3], n);
	}
	assert_string_equal(rec_missing_name(REC_MISSING_COUNT), "unknown");
	for (f = 0; f < 4; f++)
		free(text[f]);
}

/*
 * A message whose reply has one tag per side (labelled caller, callee),
 * each with an RTP and an RTCP stream; a and b are the streams' JSON
 * members (stats, last packet, endpoint), last the newest packet time.
 */
static struct record *
media_msg(const char *avps, const char *a_rtp, const char *a_rtcp,
    const char *b_rtp, const char *b_rtcp, struct rec_errinfo *err)
{
	struct record *r;
	char *msg;

	msg = fmt("{\"call_id\":\"m1\",\"mos_A_label\":\"caller\","
	    "\"mos_B_label\":\"callee\"%s,\"rtpengine\":{\"created\":1000,"
	    "\"tags\":{"
	    "\"t1\":{\"label\":\"caller\",\"medias\":[{\"protocol\":\"RTP/AVP\","
	    "\"streams\":[{\"flags\":[\"RTP\"],%s},{\"flags\":[\"RTCP\"],%s}]}]},"
	    "\"t2\":{\"label\":\"callee\",\"medias\":[{\"protocol\":\"RTP/AVP\","
	    "\"streams\":[{\"flags\":[\"RTP\"],%s},{\"flags\":[\"RTCP\"],%s}]}]}"
	    "}}}", avps, a_rtp, a_rtcp, b_rtp, b_rtcp);
	r = parse(msg, err);
	free(msg);
	return r;
}

#define ST(p, t)	"\"stats\":{\"packets\":" #p ",\"bytes\":160,"	\
			"\"errors\":0},\"last packet\":" #t

/* Proves: each reason for a side without MOS, by the documented rule. */
static void
test_media_reasons(void **state)
{
	struct rec_errinfo err;
	struct record *r;

	(void)state;
	/* No reply at all. */
	r = parse_ok("{\"call_id\":\"m0\",\"mos_A_label\":\"caller\","
	    "\"mos_B_label\":\"callee\"}");
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NO_REPLY);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_NO_REPLY);
	assert_string_equal(rec_missing_name(r->legs[0].mos_missing),
	    "no_reply");
	assert_false(r->legs[0].m.media);
	record_free(r);

	/* A long call: A sends no RTCP, B sends RTCP yet has no MOS: its
	 * peer's missing RTCP is the cause. */
	r = media_msg("", ST(3000, 1060), ST(0, 0), ST(3000, 1060),
	    ST(12, 1059), &err);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NO_RTCP);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_PEER_NO_RTCP);
	assert_dbl(r->legs[0].m.rtcp_packets, 0);
	/* last packet 0: never received, unknown, not 0. */
	assert_dbl(r->legs[0].m.last_packet, 1060);
	assert_nan(r->legs[0].m.remote_port);
	assert_string_equal(r->legs[0].m.remote_addr, "");
	assert_nan(r->legs[0].m.ssrc);
	record_free(r);

	/* No RTP from B; a 3-second call with RTCP from A: B sent no RTCP
	 * either, which decides before the call's length. */
	r = media_msg("", ST(150, 1003), ST(2, 1003), ST(0, 0), ST(0, 0),
	    &err);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_PEER_NO_RTCP);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_NO_MEDIA);
	assert_nan(r->legs[1].m.last_packet);
	record_free(r);

	/* RTCP from both, no MOS: under REC_TOO_SHORT_S (8 s) too_short,
	 * from it on unknown (length: last packet - created, no
	 * answer_time). */
	r = media_msg("", ST(150, 1003), ST(2, 1003), ST(150, 1003),
	    ST(2, 1002), &err);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_TOO_SHORT);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_TOO_SHORT);
	record_free(r);
	r = media_msg("", ST(400, 1008), ST(2, 1008), ST(400, 1008),
	    ST(2, 1007), &err);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_UNKNOWN);
	record_free(r);
	/* With answer_time and end_time the talk counts, not the ringing:
	 * 20 s since rtpengine's created, 5 s of them talk. */
	r = media_msg(",\"answer_time\":1015,\"end_time\":1020",
	    ST(250, 1020), ST(2, 1020), ST(250, 1020), ST(2, 1019), &err);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_TOO_SHORT);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_TOO_SHORT);
	record_free(r);
	r = media_msg(",\"answer_time\":1002,\"end_time\":1020",
	    ST(900, 1020), ST(4, 1020), ST(900, 1020), ST(4, 1019), &err);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_UNKNOWN);
	record_free(r);

	/* A MOS for side B clears its reason only. */
	r = media_msg(",\"mos_average_B\":\"4.1\"", ST(3000, 1060), ST(0, 0),
	    ST(3000, 1060), ST(12, 1059), &err);
	assert_non_null(r);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_NO_RTCP);
	assert_int_equal(r->legs[1].mos_missing, REC_MISSING_NONE);
	record_free(r);

	/* Streams without stats: nothing known, the reason unknown. */
	r = media_msg("", "\"SSRC\":7", "\"SSRC\":7", "\"SSRC\":8",
	    "\"SSRC\":8", &err);
	assert_non_null(r);
	assert_true(r->legs[0].m.media);
	assert_nan(r->legs[0].m.rtp_packets);
	assert_nan(r->legs[0].m.rtcp_packets);
	assert_dbl(r->legs[0].m.ssrc, 7);
	assert_int_equal(r->legs[0].mos_missing, REC_MISSING_UNKNOWN);
	record_free(r);

	/* Impossible values refuse the message. */
	r = media_msg("", "\"endpoint\":{\"address\":\"1.2.3.4\","
	    "\"port\":70000}", ST(0, 0), ST(0, 0), ST(0, 0), &err);
	assert_null(r);
	assert_int_equal(err.code, REC_ERR_VALUE);
	r = media_msg("", ST(-1, 0), ST(0, 0), ST(0, 0), ST(0, 0), &err);
	assert_null(r);
	r = media_msg("", ST(1.5, 0), ST(0, 0), ST(0, 0), ST(0, 0), &err);
	assert_null(r);
	r = media_msg("", "\"stats\":[1]", ST(0, 0), ST(0, 0), ST(0, 0),
	    &err);
	assert_null(r);
	/* A too long address is unknown, not cut. */
	r = media_msg("", "\"endpoint\":{\"address\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"port\":5}",
	    ST(0, 0), ST(0, 0), ST(0, 0), &err);
	assert_non_null(r);
	assert_string_equal(r->legs[0].m.remote_addr, "");
	assert_dbl(r->legs[0].m.remote_port, 5);
	record_free(r);
}

/* Proves: the reply sent as a JSON string gives the very same rows. */
static void
test_rtpengine_string(void **state)
{
	struct record *r;
	char *msg;

	(void)state;
	msg = seed_with_rtpengine("", true);
	r = parse_ok(msg);
	check_progression(r);
	record_free(r);
	free(msg);
}

/*
 * Proves: when no label matches, tags equal to from_tag / to_tag decide
 * the side; when nothing decides, entries are counted as unmapped and not
 * stored, and the legs stay absent.
 */
static void
test_rtpengine_sides(void **state)
{
	struct record *r;
	char *msg, *reply;
	size_t len;

	(void)state;
	/* Labels that match no tag: from_tag / to_tag decide. */
	msg = seed_with_rtpengine("", false);
	reply = strstr(msg, "\"mos_A_label\": \"Aleg_label\"");
	assert_non_null(reply);
	memcpy(reply + strlen("\"mos_A_label\": \""), "Xleg", 4);
	reply = strstr(msg, "\"mos_B_label\": \"Bleg_label\"");
	assert_non_null(reply);
	memcpy(reply + strlen("\"mos_B_label\": \""), "Yleg", 4);
	r = parse_ok(msg);
	assert_int_equal(count_kind(r, REC_SCOPE_A, REC_KIND_PROGRESSION), 4);
	assert_int_equal(count_kind(r, REC_SCOPE_B, REC_KIND_PROGRESSION), 11);
	record_free(r);
	free(msg);

	/* Labels swapped: labels win over from_tag / to_tag. */
	msg = seed_with_rtpengine("", false);
	reply = strstr(msg, "\"mos_A_label\": \"Aleg_label\"");
	memcpy(reply + strlen("\"mos_A_label\": \""), "B", 1);
	reply = strstr(msg, "\"mos_B_label\": \"Bleg_label\"");
	memcpy(reply + strlen("\"mos_B_label\": \""), "A", 1);
	r = parse_ok(msg);
	assert_int_equal(count_kind(r, REC_SCOPE_A, REC_KIND_PROGRESSION), 11);
	assert_int_equal(count_kind(r, REC_SCOPE_B, REC_KIND_PROGRESSION), 4);
	record_free(r);
	free(msg);

	/* Neither labels nor tags: nothing is guessed. */
	reply = read_file("tests/data/rtpengine-delete-reply.json", &len);
	msg = fmt("{\"call_id\":\"c\",\"rtpengine\":%s}", reply);
	r = parse_ok(msg);
	assert_int_equal(r->progression_unmapped, 15);
	assert_int_equal(r->nsamples, 0);
	assert_false(r->legs[0].present);
	assert_false(r->legs[1].present);
	record_free(r);
	free(msg);
	free(reply);
}

/*
 * Proves on a small reply: an SSRC under tags of both sides is not
 * guessed; SSRC given as a string; MOS 0 and 51 NULLed and counted;
 * "round-trip time leg" kept; entries with nothing known skipped.
 */
static void
test_rtpengine_small(void **state)
{
	const struct rec_sample *s;
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"mos_A_label\":\"a\","
	    "\"mos_B_label\":\"b\",\"rtpengine\":{\"created\":1000,"
	    "\"tags\":{\"t1\":{\"label\":\"a\",\"medias\":[{\"streams\":["
	    "{\"SSRC\":\"11\"},{\"SSRC\":33}]}]},"
	    "\"t2\":{\"label\":\"b\",\"medias\":[{\"streams\":[{\"SSRC\":22},"
	    "{\"SSRC\":33}]}]}},"
	    "\"SSRC\":{\"11\":{\"MOS progression\":{\"entries\":["
	    "{\"MOS\":0,\"jitter\":2,\"reported at\":1010},"
	    "{\"MOS\":41,\"round-trip time leg\":777,\"reported at\":1020},"
	    "{},{\"MOS\":42,\"reported at\":1000}]}},"
	    "\"22\":{\"MOS progression\":{\"entries\":[{\"MOS\":51}]}},"
	    "\"33\":{\"MOS progression\":{\"entries\":[{\"MOS\":40},"
	    "{\"MOS\":40}]}}}}}");
	assert_int_equal(r->progression_unmapped, 2);
	assert_int_equal(r->mos_refused, 2);
	assert_int_equal(count_kind(r, REC_SCOPE_A, REC_KIND_PROGRESSION), 3);
	/* Reported the second the call was created: offset 0. */
	assert_dbl(find(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 2)->at_offset_s,
	    0);
	/* B's only entry had nothing but a refused MOS. */
	assert_int_equal(count_kind(r, REC_SCOPE_B, REC_KIND_PROGRESSION), 0);
	s = find(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 0);
	assert_nan(s->mos);
	assert_dbl(s->jitter_ms, 2);
	assert_dbl(s->at_offset_s, 10);
	s = find(r, REC_SCOPE_A, REC_KIND_PROGRESSION, 1);
	assert_dbl(s->mos, 4.1);
	assert_dbl(s->roundtrip_leg_us, 777);
	assert_dbl(s->at_offset_s, 20);
	/* The labels make both legs present. */
	assert_true(r->legs[1].present);
	record_free(r);
}

/*
 * Proves the limits: at most PROGRESSION_MAX rows per side, at most
 * SSRC_MAX SSRCs looked at.
 */
static void
test_rtpengine_limits(void **state)
{
	struct record *r;
	char *msg, *p;
	size_t i, cap = 65536;

	(void)state;
	msg = malloc(cap);
	assert_non_null(msg);
	p = msg + sprintf(msg, "{\"call_id\":\"c\",\"from_tag\":\"t\","
	    "\"rtpengine\":{\"tags\":{\"t\":{\"medias\":[{\"streams\":"
	    "[{\"SSRC\":1}]}]}},\"SSRC\":{\"1\":{\"MOS progression\":"
	    "{\"entries\":[");
	for (i = 0; i < PROGRESSION_MAX + 100; i++)
		p += sprintf(p, "%s{\"MOS\":40}", i ? "," : "");
	strcpy(p, "]}}}}}");
	r = parse_ok(msg);
	assert_int_equal(count_kind(r, REC_SCOPE_A, REC_KIND_PROGRESSION),
	    PROGRESSION_MAX);
	assert_non_null(find(r, REC_SCOPE_A, REC_KIND_PROGRESSION,
	    PROGRESSION_MAX - 1));
	record_free(r);

	/* SSRC_MAX + 6 SSRCs, all of side A: only SSRC_MAX count. */
	p = msg + sprintf(msg, "{\"call_id\":\"c\",\"from_tag\":\"t\","
	    "\"rtpengine\":{\"tags\":{\"t\":{\"medias\":[{\"streams\":[");
	for (i = 0; i < SSRC_MAX + 6; i++)
		p += sprintf(p, "%s{\"SSRC\":%zu}", i ? "," : "", i + 1);
	p += sprintf(p, "]}]}},\"SSRC\":{");
	for (i = 0; i < SSRC_MAX + 6; i++)
		p += sprintf(p, "%s\"%zu\":{\"MOS progression\":{\"entries\":"
		    "[{\"MOS\":40}]}}", i ? "," : "", i + 1);
	strcpy(p, "}}}");
	r = parse_ok(msg);
	assert_int_equal(count_kind(r, REC_SCOPE_A, REC_KIND_PROGRESSION),
	    SSRC_MAX);
	record_free(r);
	free(msg);
}

/* Proves: a malformed rtpengine value refuses the whole message. */
static void
test_rtpengine_bad(void **state)
{
	static const struct {
		const char *json;
		enum rec_error code;
	} t[] = {
		{ "5", REC_ERR_TYPE },
		{ "true", REC_ERR_TYPE },
		{ "[]", REC_ERR_TYPE },
		{ "\"nope\"", REC_ERR_VALUE },
		{ "\"[1]\"", REC_ERR_VALUE },
		{ "\"{}x\"", REC_ERR_VALUE },
		{ "\"{\\\"a\\\":\\\"\\\\u0000\\\"}\"", REC_ERR_VALUE },
		{ "{\"SSRC\":5}", REC_ERR_VALUE },
		{ "{\"SSRC\":{\"1\":5}}", REC_ERR_VALUE },
		{ "{\"SSRC\":{\"1\":{\"MOS progression\":[]}}}", REC_ERR_VALUE },
		{ "{\"SSRC\":{\"1\":{\"MOS progression\":{\"entries\":{}}}}}",
		    REC_ERR_VALUE },
		{ "{\"SSRC\":{\"1\":{\"MOS progression\":{\"entries\":[5]}}}}",
		    REC_ERR_VALUE },
		{ "{\"SSRC\":{\"1\":{\"MOS progression\":{\"entries\":"
		    "[{\"MOS\":\"x\"}]}}}}", REC_ERR_VALUE },
		{ "{\"SSRC\":{\"1\":{\"MOS progression\":{\"entries\":"
		    "[{\"jitter\":-1}]}}}}", REC_ERR_VALUE },
		{ "{\"SSRC\":{\"1\":{\"MOS progression\":{\"entries\":"
		    "[{\"reported at\":-1}]}}}}", REC_ERR_VALUE },
		{ "{\"tags\":[]}", REC_ERR_VALUE },
		{ "{\"tags\":{\"t\":{\"label\":5}}}", REC_ERR_VALUE },
		{ "{\"tags\":{\"t\":{\"medias\":5}}}", REC_ERR_VALUE },
		{ "{\"tags\":{\"t\":{\"medias\":[{\"streams\":[{\"SSRC\":-1}]}]"
		    "}}}", REC_ERR_VALUE },
		{ "{\"tags\":{\"t\":{\"medias\":[{\"streams\":[{\"SSRC\":"
		    "4294967296}]}]}}}", REC_ERR_VALUE },
		{ "{\"created\":\"x\"}", REC_ERR_VALUE },
		{ "{\"created\":1000,\"created_us\":1000000}", REC_ERR_VALUE },
	};
	size_t i;
	char *msg;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		msg = fmt("{\"call_id\":\"c\",\"rtpengine\":%s}", t[i].json);
		REFUSED(msg, t[i].code, "rtpengine");
		free(msg);
	}
	/* Nesting inside the string counts as if it were an object. */
	msg = fmt("{\"call_id\":\"c\",\"rtpengine\":\"{\\\"a\\\":%.*s%.*s}\"}",
	    14, "[[[[[[[[[[[[[[[[", 14, "]]]]]]]]]]]]]]]]");
	record_free(parse_ok(msg));
	free(msg);
	msg = fmt("{\"call_id\":\"c\",\"rtpengine\":\"{\\\"a\\\":%.*s%.*s}\"}",
	    15, "[[[[[[[[[[[[[[[[", 15, "]]]]]]]]]]]]]]]]");
	REFUSED(msg, REC_ERR_VALUE, "rtpengine");
	free(msg);
	/* null and "" are no reply at all. */
	record_free(parse_ok("{\"call_id\":\"c\",\"rtpengine\":null}"));
	record_free(parse_ok("{\"call_id\":\"c\",\"rtpengine\":\"\"}"));
}

/*
 * Proves: min/max rows get reported_at = start_time + offset when there
 * is no rtpengine "created"; without either it stays unknown.
 */
static void
test_reported_at_base(void **state)
{
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"start_time\":1700000000.5,"
	    "\"mos_max_at_A\":\"1:02\",\"mos_average_A\":\"4\"}");
	assert_dbl(find(r, REC_SCOPE_A, REC_KIND_MAX, 0)->reported_at,
	    1700000062.5);
	assert_nan(find(r, REC_SCOPE_A, REC_KIND_AVERAGE, 0)->reported_at);
	record_free(r);
	r = parse_ok("{\"call_id\":\"c\",\"start_time\":1700000000.5,"
	    "\"mos_max_at_A\":\"1:02\",\"rtpengine\":{\"created\":1600000000}}");
	assert_dbl(find(r, REC_SCOPE_A, REC_KIND_MAX, 0)->reported_at,
	    1600000062);
	record_free(r);
}

/*
 * Proves: the header fields: node default and bounds, optional strings,
 * sip_code, times and v in every accepted form, and the refusals.
 */
static void
test_fields(void **state)
{
	struct record *r;
	char *msg;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"v\":1,\"node\":\"kam2\","
	    "\"from_tag\":\"ft\",\"to_tag\":\"tt\",\"from_uri\":\"sip:a@x\","
	    "\"to_uri\":\"sip:b@y\",\"sip_code\":\"486\","
	    "\"sip_reason\":\"Busy Here\",\"start_time\":\"1700000000.25\","
	    "\"end_time\":1700000060}");
	assert_string_equal(r->node, "kam2");
	assert_string_equal(r->from_tag, "ft");
	assert_string_equal(r->to_tag, "tt");
	assert_string_equal(r->from_uri, "sip:a@x");
	assert_string_equal(r->to_uri, "sip:b@y");
	assert_string_equal(r->sip_reason, "Busy Here");
	assert_dbl(r->sip_code, 486);
	assert_dbl(r->start_time, 1700000000.25);
	assert_dbl(r->end_time, 1700000060);
	assert_null(r->extra);
	record_free(r);

	r = parse_ok("{\"call_id\":\"c\",\"v\":\"1\",\"node\":\"\","
	    "\"from_tag\":\"\",\"to_tag\":null,\"sip_code\":200,"
	    "\"sip_reason\":null,\"start_time\":\"\",\"end_time\":null}");
	assert_string_equal(r->node, "defnode");
	assert_null(r->from_tag);
	assert_null(r->to_tag);
	assert_null(r->sip_reason);
	assert_dbl(r->sip_code, 200);
	assert_nan(r->start_time);
	assert_nan(r->end_time);
	record_free(r);

	r = parse_ok("{\"call_id\":\"c\",\"node\":null}");
	assert_string_equal(r->node, "defnode");
	record_free(r);

	msg = fmt("{\"call_id\":\"c\",\"node\":\"%064d\","
	    "\"sip_reason\":\"%01024d\"}", 0, 0);
	r = parse_ok(msg);
	assert_int_equal(strlen(r->node), NODE_LEN_MAX);
	assert_int_equal(strlen(r->sip_reason), FIELD_LEN_MAX);
	record_free(r);
	free(msg);
	/* Longer: cut to the limit and counted, the call kept. */
	msg = fmt("{\"call_id\":\"c\",\"node\":\"%065d\"}", 0);
	r = parse_ok(msg);
	assert_int_equal(strlen(r->node), NODE_LEN_MAX);
	assert_int_equal(r->text_cut, 1);
	assert_string_equal(r->cut_field, "node");
	record_free(r);
	free(msg);
	msg = fmt("{\"call_id\":\"c\",\"to_uri\":\"%01025d\","
	    "\"mos_average\":\"4.1\"}", 0);
	r = parse_ok(msg);
	assert_int_equal(strlen(r->to_uri), FIELD_LEN_MAX);
	assert_int_equal(r->text_cut, 1);
	assert_string_equal(r->cut_field, "to_uri");
	assert_int_equal(r->nsamples, 1);
	record_free(r);
	free(msg);

	REFUSED("{\"call_id\":\"c\",\"node\":5}", REC_ERR_TYPE, "node");
	REFUSED("{\"call_id\":\"c\",\"from_tag\":1}", REC_ERR_TYPE,
	    "from_tag");
	REFUSED("{\"call_id\":\"c\",\"to_tag\":true}", REC_ERR_TYPE, "to_tag");
	REFUSED("{\"call_id\":\"c\",\"from_uri\":[]}", REC_ERR_TYPE,
	    "from_uri");
	REFUSED("{\"call_id\":\"c\",\"sip_reason\":{}}", REC_ERR_TYPE,
	    "sip_reason");
	REFUSED("{\"call_id\":\"c\",\"sip_code\":99}", REC_ERR_VALUE,
	    "sip_code");
	REFUSED("{\"call_id\":\"c\",\"sip_code\":\"700\"}", REC_ERR_VALUE,
	    "sip_code");
	REFUSED("{\"call_id\":\"c\",\"sip_code\":200.5}", REC_ERR_VALUE,
	    "sip_code");
	REFUSED("{\"call_id\":\"c\",\"sip_code\":\"OK\"}", REC_ERR_VALUE,
	    "sip_code");
	REFUSED("{\"call_id\":\"c\",\"sip_code\":false}", REC_ERR_TYPE,
	    "sip_code");
	REFUSED("{\"call_id\":\"c\",\"start_time\":0}", REC_ERR_VALUE,
	    "start_time");
	REFUSED("{\"call_id\":\"c\",\"start_time\":-1}", REC_ERR_VALUE,
	    "start_time");
	REFUSED("{\"call_id\":\"c\",\"end_time\":4102444800}", REC_ERR_VALUE,
	    "end_time");
	REFUSED("{\"call_id\":\"c\",\"end_time\":\"1,5\"}", REC_ERR_VALUE,
	    "end_time");
	REFUSED("{\"call_id\":\"c\",\"end_time\":\"2023-01-01\"}",
	    REC_ERR_VALUE, "end_time");
	REFUSED("{\"call_id\":\"c\",\"start_time\":{}}", REC_ERR_TYPE,
	    "start_time");
	REFUSED("{\"call_id\":\"c\",\"v\":2}", REC_ERR_VERSION, "v");
	REFUSED("{\"call_id\":\"c\",\"v\":\"2\"}", REC_ERR_VERSION, "v");
	REFUSED("{\"call_id\":\"c\",\"v\":\"1.0\"}", REC_ERR_VERSION, "v");
	REFUSED("{\"call_id\":\"c\",\"v\":null}", REC_ERR_VERSION, "v");
	REFUSED("{\"call_id\":\"c\",\"v\":true}", REC_ERR_VERSION, "v");
	/* The version is judged before anything else of the message. */
	REFUSED("{\"v\":2}", REC_ERR_VERSION, "v");
}

/*
 * Proves: a Call-ID of CALL_ID_LEN_MAX (1,024) bytes full of quotes and
 * backslashes is kept byte for byte, one byte more is refused naming the
 * limit; every other bad call_id too.
 */
static void
test_call_id(void **state)
{
	char id[CALL_ID_LEN_MAX + 2], json[2 * sizeof(id) + 64], *q;
	struct record *r;
	size_t i;

	(void)state;
	for (i = 0; i < CALL_ID_LEN_MAX + 1; i++)
		id[i] = "\"\\x'%;"[i % 6];
	id[CALL_ID_LEN_MAX] = '\0';
	q = json + sprintf(json, "{\"call_id\":\"");
	for (i = 0; id[i] != '\0'; i++) {
		if (id[i] == '"' || id[i] == '\\')
			*q++ = '\\';
		*q++ = id[i];
	}
	strcpy(q, "\"}");
	r = parse_ok(json);
	assert_int_equal(strlen(r->call_id), CALL_ID_LEN_MAX);
	assert_memory_equal(r->call_id, id, CALL_ID_LEN_MAX);
	record_free(r);
	/* One more byte. */
	strcpy(q, "x\"}");
	REFUSED(json, REC_ERR_CALL_ID, "call_id: 1025 bytes, the limit is 1024");

	r = parse_ok("{\"call_id\":\"a\\\\u0000b\"}");
	assert_string_equal(r->call_id, "a\\u0000b");
	record_free(r);
	REFUSED("{\"call_id\":\"a\\u0000b\"}", REC_ERR_CALL_ID, "call_id");
	REFUSED("{\"node\":\"n\"}", REC_ERR_CALL_ID, "call_id");
	REFUSED("{\"call_id\":\"\"}", REC_ERR_CALL_ID, "call_id");
	REFUSED("{\"call_id\":null}", REC_ERR_CALL_ID, "call_id");
	REFUSED("{\"call_id\":42}", REC_ERR_CALL_ID, "call_id");
	REFUSED("{\"call_id\":[\"a\"]}", REC_ERR_CALL_ID, "call_id");
	REFUSED("{\"call_id\":\"a\",\"call_id\":\"a\"}", REC_ERR_VALUE,
	    "call_id");
}

/*
 * Proves: every refusal reason before the fields (size, bytes, syntax,
 * top level, "\u0000") with the field named where there is one.
 */
static void
test_refusals(void **state)
{
	static const char nul_inside[] = "{\"call_id\":\"a\0b\"}";
	static const char nul_after[] = "{\"call_id\":\"c\"}\0";
	struct record *r;
	char *big;
	size_t n;

	(void)state;
	refused("", 0, REC_ERR_EMPTY, "");
	big = malloc(MESSAGE_MAX + 2);
	assert_non_null(big);
	n = (size_t)sprintf(big, "{\"call_id\":\"c\",\"pad\":\"");
	memset(big + n, 'x', MESSAGE_MAX - n - 2);
	memcpy(big + MESSAGE_MAX - 2, "\"}", 3);
	assert_int_equal(strlen(big), MESSAGE_MAX);
	r = parse_ok(big);
	record_free(r);
	memcpy(big + MESSAGE_MAX - 2, "x\"}", 4);
	refused(big, MESSAGE_MAX + 1, REC_ERR_TOO_LARGE, "");
	free(big);

	/* Invalid UTF-8 in the call_id refuses (elsewhere it is repaired,
	 * test_utf8_repair); outside strings it is not JSON. */
	REFUSED("{\"call_id\":\"\xc0\xaf\"}", REC_ERR_UTF8, "call_id");
	REFUSED("{\"call_id\":\"\xe0\x80\xaf\"}", REC_ERR_UTF8, "call_id");
	REFUSED("{\"call_id\":\"\xed\xa0\x80\"}", REC_ERR_UTF8, "call_id");
	REFUSED("{\"call_id\":\"\xf4\x90\x80\x80\"}", REC_ERR_UTF8,
	    "call_id");
	REFUSED("{\"call_id\":\"\xf8\x88\x80\x80\x80\"}", REC_ERR_UTF8,
	    "call_id");
	REFUSED("{\"call_id\":\"\xe2\x82\"}", REC_ERR_UTF8, "call_id");
	REFUSED("{\"call_id\":\"\x80\"}", REC_ERR_UTF8, "call_id");
	REFUSED("{\"call_id\":\"c\"}\xe2\x82", REC_ERR_JSON, "");
	refused(nul_inside, sizeof(nul_inside) - 1, REC_ERR_UTF8, "");
	refused(nul_after, sizeof(nul_after) - 1, REC_ERR_UTF8, "");
	r = parse_ok("{\"call_id\":\"\xe2\x82\xac \xf0\x9f\x98\x80 "
	    "\xf4\x8f\xbf\xbf\"}");
	record_free(r);

	/* JSON_DEPTH_MAX levels pass, one more does not; brackets in
	 * strings do not count. */
	r = parse_ok("{\"call_id\":\"[[[[[[[[[[[[[[[[[[[[\","
	    "\"x\":[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]}");
	assert_string_equal(r->extra, "{\"x\":[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]}");
	record_free(r);
	REFUSED("{\"call_id\":\"c\",\"x\":[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]}",
	    REC_ERR_DEPTH, "");
	REFUSED("{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":"
	    "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":1"
	    "}}}}}}}}}}}}}}}}}", REC_ERR_DEPTH, "");
	REFUSED("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", REC_ERR_DEPTH, "");

	REFUSED("{\"call_id\":\"abc", REC_ERR_JSON, "");
	REFUSED("{\"call_id\":\"abc\\", REC_ERR_JSON, "");
	REFUSED("{\"call_id\":", REC_ERR_JSON, "");
	REFUSED("{\"call_id\":\"c\"}x", REC_ERR_JSON, "");
	REFUSED("{\"call_id\":\"c\"}{\"call_id\":\"d\"}", REC_ERR_JSON, "");
	REFUSED("{\"call_id\":\"c\",\"mos_average\":NaN}", REC_ERR_JSON, "");
	REFUSED("{\"call_id\":\"c\",}", REC_ERR_JSON, "");
	REFUSED("{\"call_id\":\"\\ud800\"}", REC_ERR_JSON, "");
	REFUSED("   ", REC_ERR_JSON, "");
	r = parse_ok(" {\"call_id\":\"c\"} \r\n\t");
	record_free(r);

	REFUSED("[{\"call_id\":\"c\"}]", REC_ERR_NOT_OBJECT, "");
	REFUSED("\"call_id\"", REC_ERR_NOT_OBJECT, "");
	REFUSED("42", REC_ERR_NOT_OBJECT, "");
	REFUSED("null", REC_ERR_NOT_OBJECT, "");

	REFUSED("{\"call_id\":\"c\",\"from_tag\":\"x\\u0000y\"}",
	    REC_ERR_VALUE, "from_tag");
	REFUSED("{\"call_id\":\"c\",\"mos_A_label\":\"\\u0000\"}",
	    REC_ERR_VALUE, "mos_A_label");
	REFUSED("{\"call_id\":\"c\",\"custom\":[\"\\u0000\"]}",
	    REC_ERR_VALUE, "custom");
	REFUSED("{\"call_id\":\"c\",\"k\\u0000\":1}", REC_ERR_VALUE, "k");
	r = parse_ok("{\"call_id\":\"c\",\"from_tag\":\"x\\\\u0000\","
	    "\"to_tag\":\"\\\\\\\\u0000\"}");
	assert_string_equal(r->from_tag, "x\\u0000");
	assert_string_equal(r->to_tag, "\\\\u0000");
	record_free(r);
}

/*
 * Proves: unknown keys are kept in extra (compact, in order, last value
 * of a repeated name), known keys and rtpengine never are, a repeated
 * known key is refused.
 */
static void
test_extra(void **state)
{
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\", \"trunk\" : \"t1\",\"mos_average\":"
	    "\"4\",\"customer\":{\"id\":5, \"tags\":[1,\"x\"]},\"rtpengine\":"
	    "{},\"x\":1,\"x\":2,\"n\":null}");
	assert_string_equal(r->extra, "{\"trunk\":\"t1\",\"customer\":"
	    "{\"id\":5,\"tags\":[1,\"x\"]},\"x\":2,\"n\":null}");
	record_free(r);
	r = parse_ok("{\"call_id\":\"c\",\"mos_average\":\"4\"}");
	assert_null(r->extra);
	record_free(r);
	REFUSED("{\"call_id\":\"c\",\"mos_average\":\"4\","
	    "\"mos_average\":\"4\"}", REC_ERR_VALUE, "mos_average");
	REFUSED("{\"call_id\":\"c\",\"rtpengine\":{},\"rtpengine\":{}}",
	    REC_ERR_VALUE, "rtpengine");
	/* A number that overflows a double is kept as it was written, also
	 * deep inside an unknown member. */
	r = parse_ok("{\"call_id\":\"c\",\"x\":1e309}");
	assert_string_equal(r->extra, "{\"x\":1e309}");
	record_free(r);
	r = parse_ok("{\"call_id\":\"c\",\"y\":{\"z\":[1,-1e999]}}");
	assert_string_equal(r->extra, "{\"y\":{\"z\":[1,-1e999]}}");
	record_free(r);
}

/*
 * Proves: answer_time is a known time (string or number), NAN when not
 * sent, refused like start_time when out of range, never put in extra;
 * its name shares a hash slot and is still found.
 */
static void
test_answer_time(void **state)
{
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"start_time\":1700000000.25,"
	    "\"answer_time\":\"1700000004.5\",\"mos_average_samples\":3}");
	assert_dbl(r->answer_time, 1700000004.5);
	assert_null(r->extra);
	record_free(r);
	r = parse_ok("{\"call_id\":\"c\",\"answer_time\":1700000004}");
	assert_dbl(r->answer_time, 1700000004);
	record_free(r);
	r = parse_ok("{\"call_id\":\"c\"}");
	assert_nan(r->answer_time);
	record_free(r);
	REFUSED("{\"call_id\":\"c\",\"answer_time\":0}", REC_ERR_VALUE,
	    "answer_time");
	REFUSED("{\"call_id\":\"c\",\"answer_time\":[]}", REC_ERR_TYPE,
	    "answer_time");
}

/*
 * Proves: numbers in unknown keys are kept as the sender wrote them
 * (9007199254740993 is not a double; 1.50 and 1E+2 keep their form),
 * known keys' numbers before and between them do not shift the text, a
 * number in a string is not taken for one, duplicates keep the last;
 * an exponent no store could hold becomes a string of its text.
 */
static void
test_extra_raw_numbers(void **state)
{
	struct record *r;
	char *msg;

	(void)state;
	r = parse_ok("{\"v\":1,\"call_id\":\"c-12\",\"big\":9007199254740993,"
	    "\"sip_code\":200,\"s\":\"-42 7\",\"m\":{\"a\":[1.50,-0,1E+2]},"
	    "\"mos_average\":4.1,\"big\":18446744073709551617}");
	assert_string_equal(r->extra, "{\"s\":\"-42 7\",\"m\":{\"a\":"
	    "[1.50,-0,1E+2]},\"big\":18446744073709551617}");
	assert_dbl(r->sip_code, 200);
	record_free(r);
	r = parse_ok("{\"call_id\":\"c\",\"rtpengine\":{\"created\":1700000000,"
	    "\"totals\":{\"x\":[3,4]}},\"after\":12345678901234567890}");
	assert_string_equal(r->extra, "{\"after\":12345678901234567890}");
	record_free(r);
	r = parse_ok("{\"call_id\":\"c\",\"e\":1e99999}");
	assert_string_equal(r->extra, "{\"e\":\"1e99999\"}");
	record_free(r);
	msg = fmt("{\"call_id\":\"c\",\"long\":1%080d}", 0);
	r = parse_ok(msg);
	assert_non_null(strstr(r->extra, "\"long\":\"1000"));
	record_free(r);
	free(msg);
}

/*
 * Proves: invalid UTF-8 in optional text (URIs, reason, tags, labels,
 * unknown keys and values, inside rtpengine's reply) becomes U+FFFD, one
 * per maximal ill-formed subpart, the call and its MOS values are kept,
 * the repaired fields are counted and the first is named; a Latin-1
 * reason phrase ("Non trouv\xe9") is the common case.
 */
static void
test_utf8_repair(void **state)
{
	struct record *r;

	(void)state;
	r = parse_ok("{\"call_id\":\"c\",\"sip_code\":404,"
	    "\"sip_reason\":\"Non trouv\xe9\",\"mos_average\":\"4.2\"}");
	assert_string_equal(r->sip_reason, "Non trouv\xef\xbf\xbd");
	assert_int_equal(r->text_repaired, 1);
	assert_string_equal(r->repaired_field, "sip_reason");
	assert_int_equal(r->nsamples, 1);
	record_free(r);

	/* E0 80: the lead and nothing that fits: two subparts, two U+FFFD;
	 * E2 82 cut short by a quote: one. */
	r = parse_ok("{\"call_id\":\"c\",\"from_uri\":\"sip:\xe0\x80@h\","
	    "\"to_tag\":\"t\xe2\x82\",\"mos_A_label\":\"\xff\","
	    "\"k\xc3\":\"\xf0\x9f\x98\",\"rtpengine\":{\"tags\":{\"\xfe\":{}}}}");
	assert_string_equal(r->from_uri,
	    "sip:\xef\xbf\xbd\xef\xbf\xbd@h");
	assert_string_equal(r->to_tag, "t\xef\xbf\xbd");
	assert_string_equal(r->legs[0].label, "\xef\xbf\xbd");
	assert_string_equal(r->extra, "{\"k\xef\xbf\xbd\":\"\xef\xbf\xbd\"}");
	assert_int_equal(r->text_repaired, 5);
	assert_string_equal(r->repaired_field, "from_uri");
	record_free(r);

	/* Valid text is not touched nor counted. */
	r = parse_ok("{\"call_id\":\"c\",\"sip_reason\":\"Non trouv\xc3\xa9\"}");
	assert_string_equal(r->sip_reason, "Non trouv\xc3\xa9");
	assert_int_equal(r->text_repaired, 0);
	assert_string_equal(r->repaired_field, "");
	record_free(r);

	/* A cut lands on a character boundary: 1,023 ASCII bytes and a
	 * two-byte character do not fit in 1,024. */
	{
		char *msg = fmt("{\"call_id\":\"c\",\"sip_reason\":\"%01023d"
		    "\xc3\xa9\"}", 0);

		r = parse_ok(msg);
		assert_int_equal(strlen(r->sip_reason), 1023);
		assert_int_equal(r->text_cut, 1);
		record_free(r);
		free(msg);
	}
}

/*
 * Proves: extra over EXTRA_LEN_MAX keeps the keys that fit (in message
 * order, also a small one after a big one) and adds "_truncated": true;
 * the message itself is accepted with its MOS values.
 */
static void
test_extra_truncated(void **state)
{
	struct record *r;
	char *msg, *p, key[32];
	size_t i, kept = 0;

	(void)state;
	msg = malloc(65536);
	assert_non_null(msg);
	p = msg + sprintf(msg, "{\"call_id\":\"c\",\"mos_average\":\"4.1\","
	    "\"big\":\"%05000d\"", 0);
	for (i = 0; i < 200; i++)
		p += sprintf(p, ",\"k%03zu\":\"%040zu\"", i, i);
	strcpy(p, ",\"_truncated\":false}");
	r = parse_ok(msg);
	assert_dbl(find(r, REC_SCOPE_CALL, REC_KIND_AVERAGE, 0)->mos, 4.1);
	assert_non_null(r->extra);
	assert_true(strlen(r->extra) <= EXTRA_LEN_MAX);
	/* Each k member is 50 bytes with its comma: as many as fit. */
	assert_true(strlen(r->extra) > EXTRA_LEN_MAX - 50);
	assert_null(strstr(r->extra, "\"big\""));
	assert_null(strstr(r->extra, "false"));
	assert_int_equal(strncmp(r->extra, "{\"k000\":\"", 9), 0);
	p = r->extra + strlen(r->extra) - strlen(",\"_truncated\":true}");
	assert_string_equal(p, ",\"_truncated\":true}");
	for (i = 0; i < 200; i++) {
		snprintf(key, sizeof(key), "\"k%03zu\"", i);
		if (strstr(r->extra, key) != NULL) {
			assert_int_equal(kept, i);	/* a prefix, in order */
			kept++;
		}
	}
	assert_true(kept > 70 && kept < 82);
	record_free(r);

	/* One key alone just over the limit. */
	sprintf(msg, "{\"call_id\":\"c\",\"pad\":\"%0*d\"}",
	    EXTRA_LEN_MAX - 9, 0);
	r = parse_ok(msg);
	assert_string_equal(r->extra, "{\"_truncated\":true}");
	record_free(r);
	/* And exactly at it: kept whole. */
	sprintf(msg, "{\"call_id\":\"c\",\"pad\":\"%0*d\"}",
	    EXTRA_LEN_MAX - 10, 0);
	r = parse_ok(msg);
	assert_int_equal(strlen(r->extra), EXTRA_LEN_MAX);
	record_free(r);
	free(msg);
}

/* Proves: the names used in counters and the database. */
static void
test_names(void **state)
{
	static const char *const want[REC_ERR_COUNT] = {
		"ok", "empty", "too_large", "bad_utf8", "too_deep", "not_json",
		"not_object", "bad_call_id", "bad_type", "bad_value",
		"bad_version",
	};
	int i;

	(void)state;
	for (i = 0; i < REC_ERR_COUNT; i++)
		assert_string_equal(rec_error_name(i), want[i]);
	assert_string_equal(rec_scope_name(REC_SCOPE_CALL), "call");
	assert_string_equal(rec_scope_name(REC_SCOPE_A), "A");
	assert_string_equal(rec_scope_name(REC_SCOPE_B), "B");
	assert_string_equal(rec_kind_name(REC_KIND_AVERAGE), "average");
	assert_string_equal(rec_kind_name(REC_KIND_MIN), "min");
	assert_string_equal(rec_kind_name(REC_KIND_MAX), "max");
	assert_string_equal(rec_kind_name(REC_KIND_PROGRESSION),
	    "progression");
	record_free(NULL);
}

/*
 * Proves: the transport's default node is used as given, cut to
 * NODE_LEN_MAX when longer (never read past its end), "unknown" when
 * there is none; received_at comes from the options.
 */
static void
test_default_node(void **state)
{
	static const char msg[] = "{\"call_id\":\"c\"}";
	char longnode[NODE_LEN_MAX * 2];
	struct rec_opts opts = { NULL, 42.5 };
	struct rec_errinfo err;
	struct record *r;

	(void)state;
	assert_int_equal(record_from_json(msg, strlen(msg), &opts, &r, &err), 0);
	assert_string_equal(r->node, "unknown");
	assert_dbl(r->received_at, 42.5);
	record_free(r);
	opts.default_node = "n";
	assert_int_equal(record_from_json(msg, strlen(msg), &opts, &r, &err), 0);
	assert_string_equal(r->node, "n");
	record_free(r);
	memset(longnode, 'n', sizeof(longnode) - 1);
	longnode[sizeof(longnode) - 1] = '\0';
	opts.default_node = longnode;
	assert_int_equal(record_from_json(msg, strlen(msg), &opts, &r, &err), 0);
	assert_int_equal(strlen(r->node), NODE_LEN_MAX);
	record_free(r);
}

/*
 * Proves: a message is parsed from exactly len bytes (no NUL needed, no
 * byte after len read): the same text with junk after len gives the same
 * record.
 */
static void
test_length_bound(void **state)
{
	static const char text[] = "{\"call_id\":\"c\",\"mos_min\":\"3.5\"}GARBAGE";
	struct record *r;

	(void)state;
	r = parse_n(text, strlen(text) - 7, NULL);
	assert_non_null(r);
	assert_dbl(find(r, REC_SCOPE_CALL, REC_KIND_MIN, 0)->mos, 3.5);
	record_free(r);
}

/*
 * cJSON's tree lives in a per-thread arena for the length of a parse
 * (record_arena.c): a message whose tree outgrows the arena (a few
 * thousand unknown keys, near MESSAGE_MAX) parses like a small one, the
 * small one after it is not disturbed, and the same text gives the same
 * record again once the arena has grown.
 */
static void
test_arena_growth(void **state)
{
	const char *small = "{\"v\":1,\"call_id\":\"s\",\"x\":\"y\"}";
	char *big = malloc(MESSAGE_MAX + 1);
	struct record *r1, *r2, *r3;
	size_t n = 0;
	int i;

	(void)state;
	assert_non_null(big);
	n += (size_t)snprintf(big + n, MESSAGE_MAX - n, "{\"v\":1,"
	    "\"call_id\":\"big\"");
	for (i = 0; n + 40 < MESSAGE_MAX; i++)
		n += (size_t)snprintf(big + n, MESSAGE_MAX - n,
		    ",\"k%05d\":[%d,\"s\"]", i, i);
	big[n++] = '}';
	big[n] = '\0';
	assert_true(i > 3000);
	r1 = parse_ok(big);
	r2 = parse_ok(small);
	r3 = parse_ok(big);
	assert_string_equal(r1->call_id, "big");
	assert_string_equal(r2->call_id, "s");
	assert_string_equal(r2->extra, "{\"x\":\"y\"}");
	assert_non_null(r1->extra);
	assert_non_null(strstr(r1->extra, "\"k00000\":[0,\"s\"]"));
	assert_non_null(strstr(r1->extra, "\"k00100\":[100,\"s\"]"));
	assert_string_equal(r1->extra, r3->extra);
	record_free(r1);
	record_free(r2);
	record_free(r3);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_avp_every_key),
		cmocka_unit_test(test_avp_lookalikes),
		cmocka_unit_test(test_avp_minsec),
		cmocka_unit_test(test_avp_unknown),
		cmocka_unit_test(test_avp_mos_range),
		cmocka_unit_test(test_avp_bad_values),
		cmocka_unit_test(test_avp_locale),
		cmocka_unit_test(test_sample_kamailio56),
		cmocka_unit_test(test_sample_seed),
		cmocka_unit_test(test_rtpengine_object),
		cmocka_unit_test(test_rtpengine_string),
		cmocka_unit_test(test_media_sample),
		cmocka_unit_test(test_media_reasons),
		cmocka_unit_test(test_media_captured),
		cmocka_unit_test(test_missing_names_everywhere),
		cmocka_unit_test(test_rtpengine_sides),
		cmocka_unit_test(test_rtpengine_small),
		cmocka_unit_test(test_rtpengine_limits),
		cmocka_unit_test(test_rtpengine_bad),
		cmocka_unit_test(test_reported_at_base),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_call_id),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_extra),
		cmocka_unit_test(test_extra_truncated),
		cmocka_unit_test(test_extra_raw_numbers),
		cmocka_unit_test(test_answer_time),
		cmocka_unit_test(test_utf8_repair),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_default_node),
		cmocka_unit_test(test_length_bound),
		cmocka_unit_test(test_arena_growth),
	};

	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
