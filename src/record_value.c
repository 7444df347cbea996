/*
 * record_value.c: implements the value rules of the record parser: strict
 * text-to-number conversions (decimals as Kamailio's rtpengine module prints
 * them, "4.3", "90858", and "m:ss" offsets, "0:03", "12:07"), the range of
 * each MOS quantity, and the helpers that fill a struct rec_sample.
 *
 * strtod() is not used: it follows LC_NUMERIC, so a process whose locale
 * uses ',' as decimal separator would read "4.3" as 4. It also accepts
 * "nan", "inf", hex floats, exponents and leading spaces, none of which
 * the module ever writes.
 *
 * It also holds the helpers every file of the parser shares (refusals,
 * JSON numbers, the names of the missing-MOS reasons), so that record.c
 * and record_rtpengine.c each call these and never one another.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cJSON.h>

#include "record_int.h"

/* Longest decimal text accepted; more digits than a double can hold. */
#define DECIMAL_LEN_MAX	32
/* Significant digits kept; 10^19 < 2^64. */
#define DECIMAL_DIGITS_MAX 19

static const double pow10_table[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
	1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31, 1e32
};

/*
 * The digits are gathered into an exact 64-bit integer and scaled once,
 * so "4.3" is 43 / 10, the double nearest to 4.3, as strtod gives it.
 * Digits past the 19th significant one only shift the scale.
 */
int
record_parse_decimal(const char *s, size_t len, double *v)
{
	uint64_t mant = 0;
	size_t i = 0, intdigits = 0, fracdigits = 0;
	int sig = 0, scale = 0;
	bool neg = false;
	double d;

	if (len == 0 || len > DECIMAL_LEN_MAX)
		return -1;
	if (s[0] == '-') {
		neg = true;
		i++;
	}
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, intdigits++) {
		if (mant == 0 && s[i] == '0')
			continue;
		if (sig < DECIMAL_DIGITS_MAX) {
			mant = mant * 10 + (uint64_t)(s[i] - '0');
			sig++;
		} else
			scale++;
	}
	if (intdigits == 0)
		return -1;
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9';
		    i++, fracdigits++) {
			if (mant == 0 && s[i] == '0') {
				scale--;
				continue;
			}
			if (sig < DECIMAL_DIGITS_MAX) {
				mant = mant * 10 + (uint64_t)(s[i] - '0');
				sig++;
				scale--;
			}
		}
		if (fracdigits == 0)
			return -1;
	}
	if (i != len)
		return -1;
	/* len <= 32 bounds scale to -32..32: the table covers it. */
	d = (double)mant;
	if (scale >= 0)
		d *= pow10_table[scale];
	else
		d /= pow10_table[-scale];
	/* "-0" is 0: a sign on zero means nothing here. */
	*v = neg && mant != 0 ? -d : d;
	return 0;
}

int
record_parse_minsec(const char *s, size_t len, double *v)
{
	size_t i, colon;
	double min = 0;
	int sec;

	for (colon = 0; colon < len && s[colon] >= '0' && s[colon] <= '9';
	    colon++)
		min = min * 10 + (s[colon] - '0');
	if (colon == 0 || colon > 9 || colon + 3 != len || s[colon] != ':')
		return -1;
	for (i = colon + 1; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	sec = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
	if (sec > 59)
		return -1;
	*v = min * 60 + sec;
	return 0;
}

int
record_check_quantity(enum rec_quantity q, double *v, unsigned *mos_refused)
{
	double x = *v;

	switch (q) {
	case REC_Q_MOS:
		/* 0 is what some setups send for "no score": not a MOS. */
		if (x < 1.0 || x > 5.0) {
			*v = NAN;
			(*mos_refused)++;
		}
		return 0;
	case REC_Q_PACKETLOSS:
		return x >= 0 && x <= 100 ? 0 : -1;
	case REC_Q_JITTER:
		return x >= 0 && x <= REC_MAGNITUDE_MAX ? 0 : -1;
	case REC_Q_ROUNDTRIP:
	case REC_Q_ROUNDTRIP_LEG:
	case REC_Q_SAMPLES:
	case REC_Q_AT:
		/* Stored as SQL integers: a fraction would be lost silently. */
		return x >= 0 && x <= REC_MAGNITUDE_MAX && x == floor(x) ?
		    0 : -1;
	}
	return -1;
}

void
record_sample_set(struct rec_sample *s, enum rec_quantity q, double v)
{
	switch (q) {
	case REC_Q_MOS:
		s->mos = v;
		break;
	case REC_Q_PACKETLOSS:
		s->packetloss_pct = v;
		break;
	case REC_Q_JITTER:
		s->jitter_ms = v;
		break;
	case REC_Q_ROUNDTRIP:
		s->roundtrip_us = v;
		break;
	case REC_Q_ROUNDTRIP_LEG:
		s->roundtrip_leg_us = v;
		break;
	case REC_Q_SAMPLES:
		s->samples = v;
		break;
	case REC_Q_AT:
		s->at_offset_s = v;
		break;
	}
}

void
record_sample_init(struct rec_sample *s, int scope, int kind)
{
	s->scope = (uint8_t)scope;
	s->kind = (uint8_t)kind;
	s->seq = 0;
	s->mos = s->packetloss_pct = s->jitter_ms = NAN;
	s->roundtrip_us = s->roundtrip_leg_us = s->samples = NAN;
	s->at_offset_s = s->reported_at = NAN;
}

bool
record_sample_known(const struct rec_sample *s)
{
	return !isnan(s->mos) || !isnan(s->packetloss_pct) ||
	    !isnan(s->jitter_ms) || !isnan(s->roundtrip_us) ||
	    !isnan(s->roundtrip_leg_us) || !isnan(s->samples) ||
	    !isnan(s->at_offset_s) || !isnan(s->reported_at);
}

int
record_fail(struct rec_errinfo *err, enum rec_error code, const char *field)
{
	err->code = code;
	/* Field names come from the message: cut, never overflow. */
	snprintf(err->field, sizeof(err->field), "%s",
	    field != NULL ? field : "");
	return -1;
}

int
record_json_number(const cJSON *it, double *v, enum rec_error *code)
{
	size_t n;

	*v = NAN;
	if (it == NULL || cJSON_IsNull(it))
		return 0;
	if (cJSON_IsNumber(it)) {
		/* cJSON gives inf for "1e999": not a value anyone sent. */
		if (!isfinite(it->valuedouble)) {
			*code = REC_ERR_VALUE;
			return -1;
		}
		*v = it->valuedouble;
		return 0;
	}
	if (cJSON_IsString(it) && it->valuestring != NULL) {
		n = strlen(it->valuestring);
		if (n == 0)
			return 0;
		if (record_parse_decimal(it->valuestring, n, v) == -1) {
			*code = REC_ERR_VALUE;
			return -1;
		}
		return 0;
	}
	*code = REC_ERR_TYPE;
	return -1;
}

static const char *const missing_names[REC_MISSING_COUNT] = {
	[REC_MISSING_NONE] = NULL,
	[REC_MISSING_NO_MEDIA] = "no_media",
	[REC_MISSING_NO_RTCP] = "no_rtcp",
	[REC_MISSING_TOO_SHORT] = "too_short",
	[REC_MISSING_NO_REPLY] = "no_reply",
	[REC_MISSING_UNKNOWN] = "unknown",
	[REC_MISSING_PEER_NO_RTCP] = "peer_no_rtcp",
};

const char *
rec_missing_name(enum rec_missing m)
{
	return (unsigned)m < REC_MISSING_COUNT ? missing_names[m] : "unknown";
}
