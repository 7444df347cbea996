/*
 * auth.c: implements auth.h, the verifier of signed envelopes: parsing of
 * the "MOSCDR1 <ts> <sig>" header, HMAC-SHA256 through libcrypto's EVP_MAC
 * (fed the header and the payload in two updates, so the payload is
 * never copied), a constant-time comparison, the time window, and the
 * replay memory.
 *
 * Replay memory: a FIFO ring of the last replay_max verified signatures,
 * indexed by a chained hash table whose bucket is taken from the
 * signature's first bytes (HMAC output is uniform, and a sender without
 * the key cannot make valid signatures to crowd one bucket). The oldest
 * entry is forgotten when the ring is full; an entry whose ts has left
 * the window needs no memory anyway, because the window refuses it. Only
 * the first AUTH_SEEN_LEN bytes of a signature are kept: 128 bits make a
 * chance collision between two honest messages negligible.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "auth.h"
#include "util.h"

#define AUTH_MAC_LEN	32	/* SHA-256 */
#define AUTH_SEEN_LEN	16	/* bytes of a signature remembered */
#define AUTH_B64_LEN	43	/* unpadded base64url of 32 bytes */
#define AUTH_HEX_LEN	64
#define AUTH_NONE	UINT32_MAX

/* One remembered signature, in the ring and in one bucket's chain. */
struct auth_seen {
	uint8_t mac[AUTH_SEEN_LEN];
	uint32_t next;		/* next in the bucket chain, or AUTH_NONE */
};

/*
 * Invariants: ring[0..used) are live entries, each in exactly one chain,
 * that of bucket auth_bucket(mac); when used == replay_max, ring[pos] is
 * the oldest; nbuckets is a power of two.
 */
struct auth {
	EVP_MAC *mac;
	EVP_MAC_CTX *ctx;	/* holds the key; re-initialized per message */
	struct auth_opts opts;
	struct auth_seen *ring;
	uint32_t used, pos;
	uint32_t *buckets;
	uint32_t nbuckets;
};

static const char *const auth_error_names[AUTH_ERR_COUNT] = {
	[AUTH_OK] = "ok",
	[AUTH_ERR_UNSIGNED] = "unsigned",
	[AUTH_ERR_MALFORMED] = "malformed",
	[AUTH_ERR_BAD_SIGNATURE] = "bad_signature",
	[AUTH_ERR_EXPIRED] = "expired",
	[AUTH_ERR_FUTURE] = "future",
	[AUTH_ERR_REPLAY] = "replay",
};

const char *
auth_error_name(enum auth_error e)
{
	if ((unsigned)e >= AUTH_ERR_COUNT)
		return "unknown";
	return auth_error_names[e];
}

struct auth *
auth_new(const void *key, size_t keylen, const struct auth_opts *opts,
    char *err, size_t errlen)
{
	struct auth *a;
	OSSL_PARAM params[2];
	char digest[] = "SHA256";
	uint32_t i;

	if (keylen < AUTH_KEY_MIN || keylen > AUTH_KEY_MAX) {
		snprintf(err, errlen, "key is %zu bytes; it must be %d to %d",
		    keylen, AUTH_KEY_MIN, AUTH_KEY_MAX);
		return NULL;
	}
	if (!(opts->window_s >= 0) || opts->replay_max > UINT32_MAX / 4) {
		snprintf(err, errlen, "window or replay cache out of range");
		return NULL;
	}
	a = xcalloc(1, sizeof(*a));
	a->opts = *opts;
	a->mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	if (a->mac == NULL || (a->ctx = EVP_MAC_CTX_new(a->mac)) == NULL) {
		snprintf(err, errlen, "libcrypto has no HMAC");
		goto fail;
	}
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	if (EVP_MAC_init(a->ctx, key, keylen, params) != 1) {
		snprintf(err, errlen, "libcrypto cannot set up HMAC-SHA256");
		goto fail;
	}
	if (opts->replay_max > 0) {
		a->ring = xcalloc(opts->replay_max, sizeof(*a->ring));
		for (a->nbuckets = 1; a->nbuckets < opts->replay_max;)
			a->nbuckets <<= 1;
		a->buckets = xmalloc(a->nbuckets * sizeof(*a->buckets));
		for (i = 0; i < a->nbuckets; i++)
			a->buckets[i] = AUTH_NONE;
	}
	return a;
fail:
	auth_free(a);
	return NULL;
}

struct auth *
auth_open(const char *path, const struct auth_opts *opts, char *err,
    size_t errlen)
{
	unsigned char buf[AUTH_KEY_MAX + 2];
	struct auth *a = NULL;
	struct stat st;
	size_t len = 0;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		goto done;
	}
	/* A key others can read is no secret; one the group can write
	 * lets the group choose it. */
	if ((st.st_mode & (S_IRWXO | S_IWGRP)) != 0) {
		snprintf(err, errlen, "%s: mode %04o lets others read or "
		    "change the key; use chmod 0600 or 0640", path,
		    (unsigned)(st.st_mode & 07777));
		goto done;
	}
	while (len < sizeof(buf)) {
		n = read(fd, buf + len, sizeof(buf) - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			goto done;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	/* The white space of Lua's "%s" (C locale isspace), so that the
	 * script's string.gsub(key, "%s+$", "") gives the same key. */
	while (len > 0 && strchr(" \t\n\v\f\r", buf[len - 1]) != NULL &&
	    buf[len - 1] != '\0')
		len--;
	if (len > AUTH_KEY_MAX) {
		snprintf(err, errlen, "%s: key longer than %d bytes", path,
		    AUTH_KEY_MAX);
		goto done;
	}
	if (len < AUTH_KEY_MIN) {
		snprintf(err, errlen, "%s: key shorter than %d bytes (make one "
		    "with: openssl rand -hex 32)", path, AUTH_KEY_MIN);
		goto done;
	}
	a = auth_new(buf, len, opts, err, errlen);
done:
	OPENSSL_cleanse(buf, sizeof(buf));
	close(fd);
	return a;
}

void
auth_free(struct auth *a)
{
	if (a == NULL)
		return;
	/* EVP_MAC_CTX_free wipes the key schedule it holds. */
	EVP_MAC_CTX_free(a->ctx);
	EVP_MAC_free(a->mac);
	free(a->ring);
	free(a->buckets);
	free(a);
}

/* HMAC of the n parts in v, in order, into out (AUTH_MAC_LEN bytes). */
static int
auth_compute(struct auth *a, const struct iovec *v, int n, uint8_t *out)
{
	size_t outlen = 0;
	int i;

	/* A NULL key keeps the key set in auth_new. */
	if (EVP_MAC_init(a->ctx, NULL, 0, NULL) != 1)
		return -1;
	for (i = 0; i < n; i++) {
		if (EVP_MAC_update(a->ctx, v[i].iov_base, v[i].iov_len) != 1)
			return -1;
	}
	if (EVP_MAC_final(a->ctx, out, &outlen, AUTH_MAC_LEN) != 1 ||
	    outlen != AUTH_MAC_LEN)
		return -1;
	return 0;
}

static int
auth_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
auth_b64val(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/*
 * Decodes a signature of len characters (64 hex digits or 43 base64url
 * characters) into out. Refuses any other length, a stray character, and
 * a base64url text whose unused last bits are not zero (one signature,
 * one spelling).
 */
static int
auth_decode_sig(const char *s, size_t len, uint8_t *out)
{
	uint32_t acc = 0;
	int bits = 0, v, w;
	size_t i, o = 0;

	if (len == AUTH_HEX_LEN) {
		for (i = 0; i < AUTH_MAC_LEN; i++) {
			v = auth_hexval(s[2 * i]);
			w = auth_hexval(s[2 * i + 1]);
			if (v < 0 || w < 0)
				return -1;
			out[i] = (uint8_t)(v << 4 | w);
		}
		return 0;
	}
	if (len != AUTH_B64_LEN)
		return -1;
	for (i = 0; i < len; i++) {
		if ((v = auth_b64val(s[i])) < 0)
			return -1;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	/* 43 * 6 = 258 bits: 256 used, the last 2 must be zero. */
	if (o != AUTH_MAC_LEN || acc != 0)
		return -1;
	return 0;
}

static void
auth_encode_b64(const uint8_t *in, char *out)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	uint32_t acc = 0;
	int bits = 0;
	size_t i, o = 0;

	for (i = 0; i < AUTH_MAC_LEN; i++) {
		acc = (acc << 8) | in[i];
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			out[o++] = alphabet[(acc >> bits) & 63];
		}
	}
	if (bits > 0)
		out[o++] = alphabet[(acc << (6 - bits)) & 63];
	out[o] = '\0';
}

static uint32_t
auth_bucket(const struct auth *a, const uint8_t *mac)
{
	uint32_t h;

	memcpy(&h, mac, sizeof(h));
	return h & (a->nbuckets - 1);
}

static bool
auth_seen_has(const struct auth *a, const uint8_t *mac)
{
	uint32_t i;

	for (i = a->buckets[auth_bucket(a, mac)]; i != AUTH_NONE;
	    i = a->ring[i].next) {
		if (memcmp(a->ring[i].mac, mac, AUTH_SEEN_LEN) == 0)
			return true;
	}
	return false;
}

/* Remembers mac, forgetting the oldest entry when the ring is full. */
static void
auth_seen_add(struct auth *a, const uint8_t *mac)
{
	uint32_t slot, *link, b;

	if (a->used < a->opts.replay_max)
		slot = a->used++;
	else {
		slot = a->pos;
		a->pos = (a->pos + 1) % (uint32_t)a->opts.replay_max;
		/* Unlink the oldest from its chain. */
		link = &a->buckets[auth_bucket(a, a->ring[slot].mac)];
		while (*link != slot)
			link = &a->ring[*link].next;
		*link = a->ring[slot].next;
	}
	memcpy(a->ring[slot].mac, mac, AUTH_SEEN_LEN);
	b = auth_bucket(a, mac);
	a->ring[slot].next = a->buckets[b];
	a->buckets[b] = slot;
}

int
auth_verify(struct auth *a, const char *p, size_t len, double now,
    const char **payload, size_t *payload_len, enum auth_error *why)
{
	uint8_t got[AUTH_MAC_LEN], want[AUTH_MAC_LEN];
	struct iovec v[2];
	const char *ts_end, *sig, *nl, *end = p + len;
	size_t ts_len;
	int64_t ts = 0;

	if (len < 6 || memcmp(p, AUTH_MAGIC, 6) != 0) {
		*why = AUTH_ERR_UNSIGNED;
		if (!a->opts.allow_unsigned)
			return -1;
		*payload = p;
		*payload_len = len;
		return 0;
	}
	/* It claims to be an envelope: from here on it must be one. */
	*why = AUTH_ERR_MALFORMED;
	if (len < AUTH_MAGIC_LEN || memcmp(p, AUTH_MAGIC, AUTH_MAGIC_LEN) != 0)
		return -1;
	for (ts_end = p + AUTH_MAGIC_LEN; ts_end < end &&
	    *ts_end >= '0' && *ts_end <= '9'; ts_end++) {
		if (ts_end - (p + AUTH_MAGIC_LEN) >= AUTH_TS_DIGITS_MAX)
			return -1;
		ts = ts * 10 + (*ts_end - '0');
	}
	ts_len = (size_t)(ts_end - (p + AUTH_MAGIC_LEN));
	if (ts_len == 0 || ts_end >= end || *ts_end != ' ')
		return -1;
	sig = ts_end + 1;
	nl = memchr(sig, '\n', (size_t)(end - sig) < AUTH_HEX_LEN + 1 ?
	    (size_t)(end - sig) : AUTH_HEX_LEN + 1);
	if (nl == NULL || auth_decode_sig(sig, (size_t)(nl - sig), got) == -1)
		return -1;

	/* Signed: "MOSCDR1 <ts>\n<payload>", the envelope without " <sig>".
	 * The "\n" before the payload is the one at nl. */
	v[0].iov_base = (void *)p;
	v[0].iov_len = (size_t)(ts_end - p);
	v[1].iov_base = (void *)nl;
	v[1].iov_len = (size_t)(end - nl);
	if (auth_compute(a, v, 2, want) == -1)
		return -1;
	if (CRYPTO_memcmp(got, want, AUTH_MAC_LEN) != 0) {
		*why = AUTH_ERR_BAD_SIGNATURE;
		return -1;
	}
	if ((double)ts < now - a->opts.window_s) {
		*why = AUTH_ERR_EXPIRED;
		return -1;
	}
	if ((double)ts > now + a->opts.window_s) {
		*why = AUTH_ERR_FUTURE;
		return -1;
	}
	if (a->opts.replay_max > 0) {
		if (auth_seen_has(a, got)) {
			*why = AUTH_ERR_REPLAY;
			return -1;
		}
		auth_seen_add(a, got);
	}
	*why = AUTH_OK;
	*payload = nl + 1;
	*payload_len = (size_t)(end - (nl + 1));
	return 0;
}

int
auth_sign_header(struct auth *a, int64_t ts, const char *payload, size_t len,
    char *hdr)
{
	uint8_t mac[AUTH_MAC_LEN];
	char b64[AUTH_B64_LEN + 1];
	struct iovec v[3];
	int n;

	if (ts < 0)
		return -1;
	n = snprintf(hdr, AUTH_HEADER_MAX + 1, AUTH_MAGIC "%lld",
	    (long long)ts);
	if (n < 0 || n > AUTH_MAGIC_LEN + AUTH_TS_DIGITS_MAX)
		return -1;
	v[0].iov_base = hdr;
	v[0].iov_len = (size_t)n;
	v[1].iov_base = (void *)"\n";
	v[1].iov_len = 1;
	v[2].iov_base = (void *)payload;
	v[2].iov_len = len;
	if (auth_compute(a, v, 3, mac) == -1)
		return -1;
	auth_encode_b64(mac, b64);
	n += snprintf(hdr + n, AUTH_HEADER_MAX + 1 - (size_t)n, " %s\n", b64);
	return n;
}
