/*
 * fuzz_auth.c: the libFuzzer target for the signed envelope (auth.c).
 *
 * The first input byte picks the options (unsigned messages allowed or
 * not, a replay memory of 0, 1 or 4 signatures); the rest is a datagram
 * as received. Whatever the bytes:
 *  - verifying it returns 0 only with a payload inside the input (the
 *    whole input for an unsigned message let through) and AUTH_OK or
 *    AUTH_ERR_UNSIGNED, or -1 with a reason that is a real refusal;
 *  - the input signed as a payload (auth_sign_header at the receiver's
 *    time) verifies, hands back exactly those bytes, and is refused as a
 *    replay the second time when the memory is on;
 *  - that envelope with one payload byte changed is a bad signature.
 * Any disagreement aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_NOW	1700000000.0
#define FUZZ_KEY	"fuzz-key-0123456789abcdef"

static void
fuzz_check_raw(struct auth *a, bool allow_unsigned, const char *p,
    size_t len)
{
	const char *payload = NULL;
	enum auth_error why = AUTH_ERR_COUNT;
	size_t plen = 0;

	if (auth_verify(a, p, len, FUZZ_NOW, &payload, &plen, &why) == 0) {
		if (why != AUTH_OK && !(why == AUTH_ERR_UNSIGNED &&
		    allow_unsigned))
			abort();
		if (payload < p || plen > len || payload + plen > p + len)
			abort();
		if (why == AUTH_ERR_UNSIGNED && (payload != p || plen != len))
			abort();
		return;
	}
	if (why <= AUTH_OK || why >= AUTH_ERR_COUNT)
		abort();
	if (why == AUTH_ERR_UNSIGNED && allow_unsigned)
		abort();
}

static void
fuzz_check_signed(struct auth *a, size_t replay_max, const char *p,
    size_t len)
{
	char hdr[AUTH_HEADER_MAX + 1], *env;
	const char *payload;
	enum auth_error why;
	size_t plen;
	int h;

	h = auth_sign_header(a, (int64_t)FUZZ_NOW, p, len, hdr);
	if (h <= 0 || (size_t)h > AUTH_HEADER_MAX)
		abort();
	env = malloc((size_t)h + len + 1);
	if (env == NULL)
		abort();
	memcpy(env, hdr, (size_t)h);
	if (len > 0)
		memcpy(env + h, p, len);
	if (auth_verify(a, env, (size_t)h + len, FUZZ_NOW, &payload, &plen,
	    &why) != 0 || why != AUTH_OK || plen != len ||
	    payload != env + h)
		abort();
	if (auth_verify(a, env, (size_t)h + len, FUZZ_NOW, &payload, &plen,
	    &why) != (replay_max > 0 ? -1 : 0) ||
	    why != (replay_max > 0 ? AUTH_ERR_REPLAY : AUTH_OK))
		abort();
	if (len > 0) {
		env[h + len / 2] ^= 0x01;
		if (auth_verify(a, env, (size_t)h + len, FUZZ_NOW, &payload,
		    &plen, &why) != -1 || why != AUTH_ERR_BAD_SIGNATURE)
			abort();
	}
	free(env);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t replay[] = { 0, 1, 4 };
	struct auth_opts o;
	struct auth *a;
	char err[256];
	const char *p;

	if (size < 1)
		return 0;
	o.window_s = AUTH_WINDOW_DEFAULT;
	o.replay_max = replay[(data[0] >> 1) % 3];
	o.allow_unsigned = (data[0] & 1) != 0;
	p = (const char *)data + 1;
	size--;
	a = auth_new(FUZZ_KEY, strlen(FUZZ_KEY), &o, err, sizeof(err));
	if (a == NULL)
		abort();
	fuzz_check_raw(a, o.allow_unsigned, p, size);
	/* The same bytes again: a replay only if they verified. */
	fuzz_check_raw(a, o.allow_unsigned, p, size);
	auth_free(a);
	a = auth_new(FUZZ_KEY, strlen(FUZZ_KEY), &o, err, sizeof(err));
	if (a == NULL)
		abort();
	fuzz_check_signed(a, o.replay_max, p, size);
	auth_free(a);
	return 0;
}
