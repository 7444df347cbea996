/*
 * test_netstring.c: unit tests for the netstring decoder (netstring.c):
 * frames come out the same whatever the split of the byte stream, the
 * limits hold at max and max+1, every malformed form is refused with its
 * own error and the error sticks until a reset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "limits.h"
#include "netstring.h"

#define FRAMES_MAX	16
#define FRAME_LEN_MAX	8192

/* What the callback saw, copied out of the decoder's bytes. */
struct frames {
	size_t n;
	size_t len[FRAMES_MAX];
	char data[FRAMES_MAX][FRAME_LEN_MAX];
	int stop_after;		/* stop once this many arrived; 0 never */
};

static int
collect(const char *payload, size_t len, void *arg)
{
	struct frames *f = arg;

	assert_true(f->n < FRAMES_MAX);
	assert_true(len <= FRAME_LEN_MAX);
	assert_non_null(payload);
	memcpy(f->data[f->n], payload, len);
	f->len[f->n] = len;
	f->n++;
	if (f->stop_after > 0 && (int)f->n >= f->stop_after)
		return 1;
	return 0;
}

static void
assert_frame(const struct frames *f, size_t i, const char *want)
{
	assert_true(i < f->n);
	assert_int_equal(f->len[i], strlen(want));
	assert_memory_equal(f->data[i], want, strlen(want));
}

/* Three frames, the middle one empty. */
static const char stream3[] = "5:hello,0:,12:hello world!,";

static void
assert_stream3(const struct frames *f)
{
	assert_int_equal(f->n, 3);
	assert_frame(f, 0, "hello");
	assert_int_equal(f->len[1], 0);
	assert_frame(f, 2, "hello world!");
}

static struct frames *
frames_new(void)
{
	struct frames *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	return f;
}

/* Proves: cutting the stream into 1, 2 or 3 pieces at every possible
 * place yields exactly the same three frames. */
static void
test_every_split(void **state)
{
	size_t len = sizeof(stream3) - 1, i, j;
	enum netstring_error err;
	struct netstring *ns;
	struct frames *f = frames_new();

	(void)state;
	ns = netstring_new(64);
	assert_non_null(ns);
	for (i = 0; i <= len; i++) {
		for (j = i; j <= len; j++) {
			memset(f, 0, sizeof(*f));
			netstring_reset(ns);
			assert_int_equal(netstring_feed(ns, stream3, i,
			    collect, f, &err), 0);
			assert_int_equal(netstring_feed(ns, stream3 + i, j - i,
			    collect, f, &err), 0);
			assert_int_equal(netstring_feed(ns, stream3 + j,
			    len - j, collect, f, &err), 0);
			assert_stream3(f);
			assert_false(netstring_is_mid_frame(ns));
		}
	}
	netstring_free(ns);
	free(f);
}

/* Proves: feeding one byte at a time yields the same frames, and the
 * decoder reports an unfinished frame in between. */
static void
test_one_byte_at_a_time(void **state)
{
	size_t len = sizeof(stream3) - 1, i;
	struct netstring *ns = netstring_new(64);
	struct frames *f = frames_new();

	(void)state;
	for (i = 0; i < len; i++) {
		assert_int_equal(netstring_feed(ns, stream3 + i, 1, collect, f,
		    NULL), 0);
		if (i == 0)
			assert_true(netstring_is_mid_frame(ns));
	}
	assert_stream3(f);
	assert_false(netstring_is_mid_frame(ns));
	netstring_free(ns);
	free(f);
}

/* Proves: "0:," is one frame of length 0, alone or between others. */
static void
test_zero_length(void **state)
{
	struct netstring *ns = netstring_new(16);
	struct frames *f = frames_new();

	(void)state;
	assert_int_equal(netstring_feed(ns, "0:,", 3, collect, f, NULL), 0);
	assert_int_equal(f->n, 1);
	assert_int_equal(f->len[0], 0);
	assert_int_equal(netstring_feed(ns, "0:,0:,", 6, collect, f, NULL), 0);
	assert_int_equal(f->n, 3);
	netstring_free(ns);
	free(f);
}

/* Proves: a payload of exactly max bytes is accepted, in one piece and
 * byte by byte (the gathering buffer path). */
static void
test_exactly_max(void **state)
{
	char in[16 + 5000];
	size_t n, i;
	struct netstring *ns = netstring_new(5000);
	struct frames *f = frames_new();

	(void)state;
	n = (size_t)snprintf(in, sizeof(in), "5000:");
	for (i = 0; i < 5000; i++)
		in[n + i] = (char)('a' + i % 26);
	in[n + 5000] = ',';
	n += 5001;
	assert_int_equal(netstring_feed(ns, in, n, collect, f, NULL), 0);
	for (i = 0; i < n; i += 7)
		assert_int_equal(netstring_feed(ns, in + i,
		    n - i < 7 ? n - i : 7, collect, f, NULL), 0);
	assert_int_equal(f->n, 2);
	assert_int_equal(f->len[0], 5000);
	assert_int_equal(f->len[1], 5000);
	assert_memory_equal(f->data[0], in + 5, 5000);
	assert_memory_equal(f->data[1], in + 5, 5000);
	netstring_free(ns);
	free(f);
}

/* Proves: max+1 is refused from the digits alone, before the ':' and
 * before any payload byte; a length that overflows size_t is refused. */
static void
test_max_plus_one(void **state)
{
	enum netstring_error err = NETSTRING_OK;
	struct netstring *ns = netstring_new(5000);

	(void)state;
	assert_int_equal(netstring_feed(ns, "500", 3, collect, NULL, &err), 0);
	assert_int_equal(netstring_feed(ns, "1", 1, collect, NULL, &err), -1);
	assert_int_equal(err, NETSTRING_ERR_TOO_LONG);
	netstring_reset(ns);
	/* The 10 MB header of a misbehaving peer: refused at its 5th digit. */
	assert_int_equal(netstring_feed(ns, "10485", 5, collect, NULL, &err),
	    -1);
	assert_int_equal(err, NETSTRING_ERR_TOO_LONG);
	netstring_free(ns);

	/* With no practical maximum, the digit bound still stops it. */
	ns = netstring_new(SIZE_MAX);
	assert_int_equal(netstring_feed(ns, "99999999999:", 12, collect, NULL,
	    &err), -1);
	assert_int_equal(err, NETSTRING_ERR_TOO_MANY_DIGITS);
	netstring_reset(ns);
	/* NETSTRING_DIGITS_MAX digits are fine (only the header is fed). */
	assert_int_equal(netstring_feed(ns, "9999999999:", 11, collect, NULL,
	    &err), 0);
	assert_true(netstring_is_mid_frame(ns));
	netstring_free(ns);

	/* max = 0 allows only empty frames. */
	ns = netstring_new(0);
	assert_int_equal(netstring_feed(ns, "0:,", 3, NULL, NULL, &err), 0);
	assert_int_equal(netstring_feed(ns, "1", 1, NULL, NULL, &err), -1);
	assert_int_equal(err, NETSTRING_ERR_TOO_LONG);
	netstring_free(ns);
}

struct malformed {
	const char *in;
	enum netstring_error want;
	size_t frames_before;
};

/* Proves: each malformed form gives its own error, fed whole and byte
 * by byte, after delivering the good frames before it; the error sticks
 * (even good input is refused) until netstring_reset(). */
static void
test_malformed(void **state)
{
	static const struct malformed cases[] = {
		{ "a:", NETSTRING_ERR_NOT_DIGIT, 0 },
		{ "-1:x,", NETSTRING_ERR_NOT_DIGIT, 0 },
		{ " 3:abc,", NETSTRING_ERR_NOT_DIGIT, 0 },
		{ "3 :abc,", NETSTRING_ERR_NOT_DIGIT, 0 },
		{ "+3:abc,", NETSTRING_ERR_NOT_DIGIT, 0 },
		{ "{\"call_id\":\"x\"}", NETSTRING_ERR_NOT_DIGIT, 0 },
		{ ":abc,", NETSTRING_ERR_EMPTY_LENGTH, 0 },
		{ "01:a,", NETSTRING_ERR_LEADING_ZERO, 0 },
		{ "00:,", NETSTRING_ERR_LEADING_ZERO, 0 },
		{ "3:abcX", NETSTRING_ERR_NO_COMMA, 0 },
		{ "3:abc;3:abc,", NETSTRING_ERR_NO_COMMA, 0 },
		{ "0:x", NETSTRING_ERR_NO_COMMA, 0 },
		{ "1:a,1:b,x", NETSTRING_ERR_NOT_DIGIT, 2 },
		{ "1:a,2:bcd,", NETSTRING_ERR_NO_COMMA, 1 },
		{ "1:a,99999:", NETSTRING_ERR_TOO_LONG, 1 },
	};
	enum netstring_error err;
	struct netstring *ns = netstring_new(100);
	struct frames *f = frames_new();
	size_t i, k, len;
	int rc;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		len = strlen(cases[i].in);
		/* whole */
		memset(f, 0, sizeof(*f));
		netstring_reset(ns);
		err = NETSTRING_OK;
		rc = netstring_feed(ns, cases[i].in, len, collect, f, &err);
		assert_int_equal(rc, -1);
		assert_int_equal(err, cases[i].want);
		assert_int_equal(f->n, cases[i].frames_before);
		assert_int_equal(netstring_error(ns), cases[i].want);
		/* sticky */
		err = NETSTRING_OK;
		assert_int_equal(netstring_feed(ns, "1:a,", 4, collect, f,
		    &err), -1);
		assert_int_equal(err, cases[i].want);
		assert_int_equal(f->n, cases[i].frames_before);
		/* byte by byte: the same error, the same frames */
		memset(f, 0, sizeof(*f));
		netstring_reset(ns);
		rc = 0;
		for (k = 0; k < len && rc == 0; k++)
			rc = netstring_feed(ns, cases[i].in + k, 1, collect, f,
			    &err);
		assert_int_equal(rc, -1);
		assert_int_equal(err, cases[i].want);
		assert_int_equal(f->n, cases[i].frames_before);
		/* reset makes it usable again */
		netstring_reset(ns);
		assert_int_equal(netstring_error(ns), NETSTRING_OK);
		memset(f, 0, sizeof(*f));
		assert_int_equal(netstring_feed(ns, "1:a,", 4, collect, f,
		    &err), 0);
		assert_int_equal(f->n, 1);
	}
	netstring_free(ns);
	free(f);
}

/* Proves: a callback returning non-zero stops the feed at once (later
 * frames in the same bytes are not delivered) and the stop sticks. */
static void
test_stop(void **state)
{
	enum netstring_error err;
	struct netstring *ns = netstring_new(64);
	struct frames *f = frames_new();

	(void)state;
	f->stop_after = 1;
	assert_int_equal(netstring_feed(ns, stream3, sizeof(stream3) - 1,
	    collect, f, &err), -1);
	assert_int_equal(err, NETSTRING_ERR_STOPPED);
	assert_int_equal(f->n, 1);
	assert_int_equal(netstring_feed(ns, "0:,", 3, collect, f, &err), -1);
	assert_int_equal(f->n, 1);
	/* The same through the gathering buffer path. */
	netstring_reset(ns);
	memset(f, 0, sizeof(*f));
	f->stop_after = 1;
	assert_int_equal(netstring_feed(ns, "2:a", 3, collect, f, &err), 0);
	assert_int_equal(netstring_feed(ns, "b,1:c,", 6, collect, f, &err),
	    -1);
	assert_int_equal(err, NETSTRING_ERR_STOPPED);
	assert_int_equal(f->n, 1);
	assert_frame(f, 0, "ab");
	netstring_free(ns);
	free(f);
}

/* Proves: every error has its own text. */
static void
test_strerror(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < NETSTRING_ERR_COUNT; i++)
		for (j = i + 1; j < NETSTRING_ERR_COUNT; j++)
			assert_string_not_equal(netstring_strerror(i),
			    netstring_strerror(j));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_split),
		cmocka_unit_test(test_one_byte_at_a_time),
		cmocka_unit_test(test_zero_length),
		cmocka_unit_test(test_exactly_max),
		cmocka_unit_test(test_max_plus_one),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
