/*
 * test_auth.c: unit tests for the signed envelope (auth.c): known
 * HMAC-SHA256 vectors computed independently with openssl(1) verify in
 * both spellings (base64url as Kamailio writes it, hex as openssl does);
 * every change to the payload, the ts or the signature, a wrong key, a
 * ts outside the window either way, a missing or malformed envelope and
 * a replay are refused with their own reason; the key file's permission
 * check holds; the header auth_sign_header writes verifies.
 *
 * The expected signatures were computed with (K is KEY below):
 *   printf 'MOSCDR1 1700000000\n%s' "$PAYLOAD" |
 *       openssl dgst -sha256 -hmac "$K"                     (hex)
 *   ... | openssl dgst -sha256 -hmac "$K" -binary |
 *       basenc --base64url | tr -d =                         (base64url)
 * and that openssl gives RFC 4231's test case 2 (key "Jefe") checked.
 */
#include <sys/types.h>
#include <sys/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "auth.h"

#define KEY	"moscdr-test-key-0123456789abcdef"
#define TS	1700000000.0
#define PAYLOAD	"{\"call_id\":\"abc@host\",\"mos_average\":\"4.3\"}"
/* HMAC-SHA256(KEY, "MOSCDR1 1700000000\n" PAYLOAD) */
#define SIG_HEX	"55c0d00570e651161d8ecb37260c67287a1c6eae8eee7c5445fe96d3717850bd"
#define SIG_B64	"VcDQBXDmURYdjss3JgxnKHocbq6O7nxURf6W03F4UL0"
/* HMAC-SHA256(KEY, "MOSCDR1 1700000000\n"): empty payload */
#define SIG_EMPTY "b909b1d6d9160472e1d00835c74adfc20410448e141111d1cae946e63e1fbcac"
/* HMAC-SHA256(KEY2, "MOSCDR1 1700000000\n" PAYLOAD) */
#define KEY2	"another-key-for-moscdr-tests!!"
#define SIG_KEY2 "159cb6b1cbc6520b835a173786a6b07b3d9539eb50b272a53a695dadc6d18ead"
/* A payload with newlines of its own: only the first one ends the header. */
#define PAYLOAD_ML "{\n\"call_id\": \"two\\nlines\"\n}\n"
#define SIG_ML	"TI3Dc-f1Xr5nzYwBLkEio9i4QDDfJlpldy6fHXL8T2s"

#define ENV(ts, sig, payload)	"MOSCDR1 " ts " " sig "\n" payload

static struct auth *
new_auth(const char *key, size_t replay_max, bool allow_unsigned)
{
	struct auth_opts o = { AUTH_WINDOW_DEFAULT, replay_max,
	    allow_unsigned };
	char err[256] = "";
	struct auth *a = auth_new(key, strlen(key), &o, err, sizeof(err));

	if (a == NULL)
		fail_msg("auth_new: %s", err);
	return a;
}

/* Verifies the NUL-terminated msg at now; returns the reason. */
static enum auth_error
verify_at(struct auth *a, const char *msg, double now, int want_rc)
{
	const char *payload = NULL;
	size_t plen = 0;
	enum auth_error why = AUTH_ERR_COUNT;
	int rc;

	rc = auth_verify(a, msg, strlen(msg), now, &payload, &plen, &why);
	assert_int_equal(rc, want_rc);
	assert_true(why < AUTH_ERR_COUNT);
	return why;
}

static void
expect_refused(struct auth *a, const char *msg, double now,
    enum auth_error want)
{
	enum auth_error why = verify_at(a, msg, now, -1);

	if (why != want)
		fail_msg("\"%s\": %s, expected %s", msg, auth_error_name(why),
		    auth_error_name(want));
}

/* The base64url vector verifies, and the payload is the exact bytes. */
static void
test_vector_base64url(void **state)
{
	static const char msg[] = ENV("1700000000", SIG_B64, PAYLOAD);
	struct auth *a = new_auth(KEY, 0, false);
	const char *payload = NULL;
	size_t plen = 0;
	enum auth_error why = AUTH_ERR_COUNT;

	(void)state;
	assert_int_equal(auth_verify(a, msg, strlen(msg), TS, &payload, &plen,
	    &why), 0);
	assert_int_equal(why, AUTH_OK);
	assert_ptr_equal(payload, msg + strlen(msg) - strlen(PAYLOAD));
	assert_int_equal(plen, strlen(PAYLOAD));
	auth_free(a);
}

/* The same signature in hex (upper or lower case) verifies too. */
static void
test_vector_hex(void **state)
{
	struct auth *a = new_auth(KEY, 0, false);
	char upper[] = SIG_HEX;
	char msg[512];
	size_t i;

	(void)state;
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_HEX, PAYLOAD), TS,
	    0), AUTH_OK);
	for (i = 0; upper[i] != '\0'; i++)
		if (upper[i] >= 'a' && upper[i] <= 'f')
			upper[i] = (char)(upper[i] - 'a' + 'A');
	snprintf(msg, sizeof(msg), "MOSCDR1 1700000000 %s\n%s", upper, PAYLOAD);
	assert_int_equal(verify_at(a, msg, TS, 0), AUTH_OK);
	auth_free(a);
}

/* An empty payload and a multi-line payload have their own vectors. */
static void
test_vector_empty_and_multiline(void **state)
{
	static const char ml[] = ENV("1700000000", SIG_ML, PAYLOAD_ML);
	struct auth *a = new_auth(KEY, 0, false);
	const char *payload;
	size_t plen;
	enum auth_error why;

	(void)state;
	assert_int_equal(auth_verify(a, ENV("1700000000", SIG_EMPTY, ""),
	    strlen(ENV("1700000000", SIG_EMPTY, "")), TS, &payload, &plen,
	    &why), 0);
	assert_int_equal(plen, 0);
	assert_int_equal(auth_verify(a, ml, strlen(ml), TS, &payload, &plen,
	    &why), 0);
	assert_int_equal(plen, strlen(PAYLOAD_ML));
	assert_memory_equal(payload, PAYLOAD_ML, plen);
	auth_free(a);
}

/* One flipped or added byte of payload breaks the signature. */
static void
test_tampered_payload(void **state)
{
	struct auth *a = new_auth(KEY, 0, false);

	(void)state;
	expect_refused(a, ENV("1700000000", SIG_B64,
	    "{\"call_id\":\"abc@host\",\"mos_average\":\"4.4\"}"), TS,
	    AUTH_ERR_BAD_SIGNATURE);
	expect_refused(a, ENV("1700000000", SIG_B64, PAYLOAD " "), TS,
	    AUTH_ERR_BAD_SIGNATURE);
	expect_refused(a, ENV("1700000000", SIG_B64, ""), TS,
	    AUTH_ERR_BAD_SIGNATURE);
	auth_free(a);
}

/* The ts is signed: moving it, even inside the window, is caught. */
static void
test_tampered_ts(void **state)
{
	struct auth *a = new_auth(KEY, 0, false);

	(void)state;
	expect_refused(a, ENV("1700000001", SIG_B64, PAYLOAD), TS,
	    AUTH_ERR_BAD_SIGNATURE);
	/* Same number, other spelling: still other signed bytes. */
	expect_refused(a, ENV("01700000000", SIG_B64, PAYLOAD), TS,
	    AUTH_ERR_BAD_SIGNATURE);
	auth_free(a);
}

/* A changed signature character, hex or base64url, is refused. */
static void
test_tampered_sig(void **state)
{
	struct auth *a = new_auth(KEY, 0, false);
	char msg[512];

	(void)state;
	snprintf(msg, sizeof(msg), "%s", ENV("1700000000", SIG_B64, PAYLOAD));
	msg[strlen("MOSCDR1 1700000000 ")] ^= 0x01;	/* 'V' -> 'W' */
	expect_refused(a, msg, TS, AUTH_ERR_BAD_SIGNATURE);
	snprintf(msg, sizeof(msg), "%s", ENV("1700000000", SIG_HEX, PAYLOAD));
	msg[strlen("MOSCDR1 1700000000 ") + 63] = 'c';	/* ...bd -> ...bc */
	expect_refused(a, msg, TS, AUTH_ERR_BAD_SIGNATURE);
	auth_free(a);
}

/* Right envelope, other key: refused; with that key: accepted. */
static void
test_wrong_key(void **state)
{
	struct auth *a = new_auth(KEY2, 0, false);

	(void)state;
	expect_refused(a, ENV("1700000000", SIG_HEX, PAYLOAD), TS,
	    AUTH_ERR_BAD_SIGNATURE);
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_KEY2, PAYLOAD), TS,
	    0), AUTH_OK);
	auth_free(a);
}

/* The window holds at its edges: 30 s either way in, 31 s out. */
static void
test_window(void **state)
{
	static const char msg[] = ENV("1700000000", SIG_B64, PAYLOAD);
	struct auth *a = new_auth(KEY, 0, false);

	(void)state;
	assert_int_equal(verify_at(a, msg, TS + 30, 0), AUTH_OK);
	assert_int_equal(verify_at(a, msg, TS - 30, 0), AUTH_OK);
	expect_refused(a, msg, TS + 30.5, AUTH_ERR_EXPIRED);
	expect_refused(a, msg, TS + 3600, AUTH_ERR_EXPIRED);
	expect_refused(a, msg, TS - 30.5, AUTH_ERR_FUTURE);
	expect_refused(a, msg, TS - 86400, AUTH_ERR_FUTURE);
	auth_free(a);
}

/* A bad signature is reported as such even when the ts is stale too. */
static void
test_signature_before_time(void **state)
{
	struct auth *a = new_auth(KEY2, 0, false);

	(void)state;
	expect_refused(a, ENV("1700000000", SIG_B64, PAYLOAD), TS + 3600,
	    AUTH_ERR_BAD_SIGNATURE);
	auth_free(a);
}

/* Without an envelope: refused, or let through unchanged if allowed. */
static void
test_unsigned(void **state)
{
	struct auth *a = new_auth(KEY, 0, false);
	const char *payload = NULL;
	size_t plen = 0;
	enum auth_error why;

	(void)state;
	expect_refused(a, PAYLOAD, TS, AUTH_ERR_UNSIGNED);
	expect_refused(a, "", TS, AUTH_ERR_UNSIGNED);
	expect_refused(a, "MOSC", TS, AUTH_ERR_UNSIGNED);
	auth_free(a);

	a = new_auth(KEY, 0, true);
	assert_int_equal(auth_verify(a, PAYLOAD, strlen(PAYLOAD), TS, &payload,
	    &plen, &why), 0);
	assert_int_equal(why, AUTH_ERR_UNSIGNED);
	assert_ptr_equal(payload, PAYLOAD);
	assert_int_equal(plen, strlen(PAYLOAD));
	/* allow_unsigned never excuses a bad envelope. */
	expect_refused(a, ENV("1700000001", SIG_B64, PAYLOAD), TS,
	    AUTH_ERR_BAD_SIGNATURE);
	expect_refused(a, "MOSCDR1 1700000000\n" PAYLOAD, TS,
	    AUTH_ERR_MALFORMED);
	auth_free(a);
}

/* Each way of breaking the header is malformed, not a crash or a pass. */
static void
test_malformed(void **state)
{
	static const char *bad[] = {
		"MOSCDR",				/* magic cut short */
		"MOSCDR1",
		"MOSCDR2 1700000000 " SIG_B64 "\n" PAYLOAD, /* version */
		"MOSCDR1  1700000000 " SIG_B64 "\n" PAYLOAD, /* two spaces */
		"MOSCDR1 " SIG_B64 "\n" PAYLOAD,	/* no ts */
		"MOSCDR1 -1700000000 " SIG_B64 "\n" PAYLOAD,
		"MOSCDR1 1700000000.5 " SIG_B64 "\n" PAYLOAD,
		"MOSCDR1 1234567890123 " SIG_B64 "\n" PAYLOAD, /* 13 digits */
		"MOSCDR1 1700000000\n" PAYLOAD,		/* no signature */
		"MOSCDR1 1700000000 \n" PAYLOAD,	/* empty signature */
		"MOSCDR1 1700000000 " SIG_B64,		/* no newline */
		"MOSCDR1 1700000000 " SIG_B64 "\r\n" PAYLOAD,
		"MOSCDR1 1700000000 " SIG_B64 "=\n" PAYLOAD, /* padding */
		"MOSCDR1 1700000000 " SIG_B64 "A\n" PAYLOAD, /* 44 chars */
		/* truncated hex: 63 and 62 digits */
		"MOSCDR1 1700000000 55c0d00570e651161d8ecb37260c67287a1c6eae"
		    "8eee7c5445fe96d3717850b\n" PAYLOAD,
		"MOSCDR1 1700000000 55c0d00570e651161d8ecb37260c67287a1c6eae"
		    "8eee7c5445fe96d3717850\n" PAYLOAD,
		/* truncated base64url: 42 characters */
		"MOSCDR1 1700000000 VcDQBXDmURYdjss3JgxnKHocbq6O7nxURf6W03F4UL"
		    "\n" PAYLOAD,
		/* a non-hex digit in 64 characters */
		"MOSCDR1 1700000000 55c0d00570e651161d8ecb37260c67287a1c6eae"
		    "8eee7c5445fe96d3717850bg\n" PAYLOAD,
		/* standard base64 characters are not base64url */
		"MOSCDR1 1700000000 VcDQBXDmURYdjss3JgxnKHocbq6O7nxURf6W03F4U+0"
		    "\n" PAYLOAD,
		/* last character with its unused low bits set ("L1" for "L0") */
		"MOSCDR1 1700000000 VcDQBXDmURYdjss3JgxnKHocbq6O7nxURf6W03F4UL1"
		    "\n" PAYLOAD,
	};
	struct auth *a = new_auth(KEY, 0, false);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_refused(a, bad[i], TS, AUTH_ERR_MALFORMED);
	auth_free(a);
}

/* The header is found within the bytes given, never past len. */
static void
test_len_respected(void **state)
{
	static const char msg[] = ENV("1700000000", SIG_B64, PAYLOAD);
	struct auth *a = new_auth(KEY, 0, false);
	const char *payload;
	size_t plen, cut = strlen("MOSCDR1 1700000000 ") + 43;
	enum auth_error why;

	(void)state;
	/* Cut just before the newline: no header end inside len. */
	assert_int_equal(auth_verify(a, msg, cut, TS, &payload, &plen, &why),
	    -1);
	assert_int_equal(why, AUTH_ERR_MALFORMED);
	/* Cut inside the payload: the signature no longer matches. */
	assert_int_equal(auth_verify(a, msg, strlen(msg) - 1, TS, &payload,
	    &plen, &why), -1);
	assert_int_equal(why, AUTH_ERR_BAD_SIGNATURE);
	auth_free(a);
}

/* The same envelope twice: the second is a replay, also in hex. */
static void
test_replay(void **state)
{
	struct auth *a = new_auth(KEY, 16, false);

	(void)state;
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_B64, PAYLOAD), TS,
	    0), AUTH_OK);
	expect_refused(a, ENV("1700000000", SIG_B64, PAYLOAD), TS + 1,
	    AUTH_ERR_REPLAY);
	/* The same signature spelled in hex is the same message. */
	expect_refused(a, ENV("1700000000", SIG_HEX, PAYLOAD), TS + 1,
	    AUTH_ERR_REPLAY);
	/* A refused message is not remembered: a bad one cannot block
	 * the good one that follows. */
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_EMPTY, ""), TS, 0),
	    AUTH_OK);
	auth_free(a);

	/* With no replay memory, the window alone decides. */
	a = new_auth(KEY, 0, false);
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_B64, PAYLOAD), TS,
	    0), AUTH_OK);
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_B64, PAYLOAD), TS,
	    0), AUTH_OK);
	auth_free(a);
}

/*
 * The replay memory is bounded: with room for 3, signing 4 distinct
 * messages forgets the first (accepted again) but keeps the last three,
 * and the hash chains stay consistent through many evictions.
 */
static void
test_replay_bounded(void **state)
{
	struct auth *a = new_auth(KEY, 3, false);
	char hdr[AUTH_HEADER_MAX + 1], msg[256], payload[64];
	int i, n;

	(void)state;
	for (i = 0; i < 4; i++) {
		snprintf(payload, sizeof(payload), "{\"call_id\":\"c%d\"}", i);
		n = auth_sign_header(a, 1700000000, payload, strlen(payload),
		    hdr);
		assert_true(n > 0);
		snprintf(msg, sizeof(msg), "%s%s", hdr, payload);
		assert_int_equal(verify_at(a, msg, TS, 0), AUTH_OK);
	}
	for (i = 3; i >= 0; i--) {
		snprintf(payload, sizeof(payload), "{\"call_id\":\"c%d\"}", i);
		auth_sign_header(a, 1700000000, payload, strlen(payload), hdr);
		snprintf(msg, sizeof(msg), "%s%s", hdr, payload);
		if (i >= 1)
			expect_refused(a, msg, TS, AUTH_ERR_REPLAY);
		else	/* forgotten, accepted, and now remembered again */
			assert_int_equal(verify_at(a, msg, TS, 0), AUTH_OK);
	}
	/* Many more than the room: every new one passes once only. */
	for (i = 0; i < 1000; i++) {
		snprintf(payload, sizeof(payload), "{\"call_id\":\"m%d\"}", i);
		auth_sign_header(a, 1700000000, payload, strlen(payload), hdr);
		snprintf(msg, sizeof(msg), "%s%s", hdr, payload);
		assert_int_equal(verify_at(a, msg, TS, 0), AUTH_OK);
		expect_refused(a, msg, TS, AUTH_ERR_REPLAY);
	}
	auth_free(a);
}

/* auth_sign_header writes the vector's header, base64url signature. */
static void
test_sign_header(void **state)
{
	struct auth *a = new_auth(KEY, 0, false);
	char hdr[AUTH_HEADER_MAX + 1];
	int n;

	(void)state;
	n = auth_sign_header(a, 1700000000, PAYLOAD, strlen(PAYLOAD), hdr);
	assert_int_equal(n, strlen("MOSCDR1 1700000000 " SIG_B64 "\n"));
	assert_string_equal(hdr, "MOSCDR1 1700000000 " SIG_B64 "\n");
	assert_int_equal(auth_sign_header(a, -1, "", 0, hdr), -1);
	assert_int_equal(auth_sign_header(a, 1000000000000LL, "", 0, hdr), -1);
	auth_free(a);
}

/* Keys shorter than AUTH_KEY_MIN are refused. */
static void
test_short_key(void **state)
{
	struct auth_opts o = { AUTH_WINDOW_DEFAULT, 0, false };
	char err[256] = "";

	(void)state;
	assert_null(auth_new("short", 5, &o, err, sizeof(err)));
	assert_non_null(strstr(err, "5 bytes"));
}

static void
write_key(const char *path, const char *text, mode_t mode)
{
	FILE *f;

	unlink(path);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

/*
 * The key file: its text less the trailing newline is the key (the
 * vector verifies); world-readable, group-writable, too short and
 * missing files are refused, and the key text is never in the error.
 */
static void
test_key_file(void **state)
{
	struct auth_opts o = { AUTH_WINDOW_DEFAULT, 0, false };
	char dir[] = "/tmp/moscdr-test-auth-XXXXXX";
	char path[128], err[256];
	struct auth *a;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/key", dir);

	write_key(path, KEY "\n", 0600);
	a = auth_open(path, &o, err, sizeof(err));
	if (a == NULL)
		fail_msg("auth_open: %s", err);
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_B64, PAYLOAD), TS,
	    0), AUTH_OK);
	auth_free(a);

	write_key(path, KEY " \t\v\f\r\n", 0640);
	a = auth_open(path, &o, err, sizeof(err));
	assert_non_null(a);
	assert_int_equal(verify_at(a, ENV("1700000000", SIG_B64, PAYLOAD), TS,
	    0), AUTH_OK);
	auth_free(a);

	write_key(path, KEY "\n", 0644);
	err[0] = '\0';
	assert_null(auth_open(path, &o, err, sizeof(err)));
	assert_non_null(strstr(err, "0644"));
	assert_null(strstr(err, KEY));

	write_key(path, KEY "\n", 0660);
	assert_null(auth_open(path, &o, err, sizeof(err)));
	assert_non_null(strstr(err, "0660"));

	write_key(path, KEY "\n", 0604);
	assert_null(auth_open(path, &o, err, sizeof(err)));

	write_key(path, "too-short\n", 0600);
	assert_null(auth_open(path, &o, err, sizeof(err)));
	assert_non_null(strstr(err, "shorter"));
	assert_null(strstr(err, "too-short"));

	assert_int_equal(unlink(path), 0);
	assert_null(auth_open(path, &o, err, sizeof(err)));
	assert_non_null(strstr(err, path));

	/* A directory is not a key file. */
	assert_null(auth_open(dir, &o, err, sizeof(err)));
	assert_int_equal(rmdir(dir), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vector_base64url),
		cmocka_unit_test(test_vector_hex),
		cmocka_unit_test(test_vector_empty_and_multiline),
		cmocka_unit_test(test_tampered_payload),
		cmocka_unit_test(test_tampered_ts),
		cmocka_unit_test(test_tampered_sig),
		cmocka_unit_test(test_wrong_key),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_signature_before_time),
		cmocka_unit_test(test_unsigned),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_len_respected),
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_replay_bounded),
		cmocka_unit_test(test_sign_header),
		cmocka_unit_test(test_short_key),
		cmocka_unit_test(test_key_file),
	};

	return cmocka_run_group_tests_name("auth", tests, NULL, NULL);
}
