/*
 * fuzz_netstring.c: the libFuzzer target for the netstring decoder.
 *
 * The first input byte picks a maximum payload and a split step; the rest
 * is fed to two decoders, one in a single call and one in pieces of that
 * step. Whatever the bytes, both must agree: the same frames (compared by
 * a running hash and count), the same result and the same error; every
 * frame must respect the maximum. Any disagreement aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "netstring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_seen {
	size_t max;
	size_t frames;
	uint64_t hash;
};

static int
fuzz_frame(const char *payload, size_t len, void *arg)
{
	struct fuzz_seen *s = arg;
	size_t i;

	if (len > s->max || (len > 0 && payload == NULL))
		abort();
	s->frames++;
	s->hash = s->hash * 1099511628211ULL + len;
	for (i = 0; i < len; i++)
		s->hash = (s->hash ^ (uint8_t)payload[i]) * 1099511628211ULL;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t maxes[] = { 0, 1, 10, 100, 65535 };
	struct fuzz_seen whole = { 0, 0, 14695981039346656037ULL };
	struct fuzz_seen split;
	enum netstring_error e1 = NETSTRING_OK, e2 = NETSTRING_OK;
	struct netstring *a, *b;
	const char *p;
	size_t step, off, n;
	int r1, r2 = 0;

	if (size < 1)
		return 0;
	whole.max = maxes[data[0] % 5];
	step = (size_t)(data[0] / 5) % 16 + 1;
	split = whole;
	p = (const char *)data + 1;
	size--;

	if ((a = netstring_new(whole.max)) == NULL ||
	    (b = netstring_new(whole.max)) == NULL)
		abort();
	r1 = netstring_feed(a, p, size, fuzz_frame, &whole, &e1);
	for (off = 0; off < size && r2 == 0; off += n) {
		n = size - off < step ? size - off : step;
		r2 = netstring_feed(b, p + off, n, fuzz_frame, &split, &e2);
	}
	if (r1 != r2 || e1 != e2 || whole.frames != split.frames ||
	    whole.hash != split.hash)
		abort();
	if (r1 == -1 && (netstring_error(a) != e1 ||
	    netstring_feed(a, "0:,", 3, fuzz_frame, &whole, NULL) != -1))
		abort();
	netstring_free(a);
	netstring_free(b);
	return 0;
}
