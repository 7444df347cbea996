/*
 * auth.h: sender authentication of messages with HMAC-SHA256 (OpenSSL's
 * libcrypto), a timestamp window against replays, and a bounded memory of
 * recent signatures against replays inside the window.
 *
 * The signed envelope (version 1) is one header line before the message:
 *
 *   MOSCDR1 <ts> <sig>\n<payload>
 *
 * ts is the sender's clock in unix seconds (1 to 12 decimal digits); sig
 * is HMAC-SHA256(key, "MOSCDR1 <ts>\n<payload>"), that is the envelope
 * without " <sig>", written as 43 characters of unpadded base64url (what
 * Kamailio's KSR.crypto.hmac_sha256 gives) or as 64 hex digits (what
 * `openssl dgst -sha256 -hmac` gives). The payload bytes are signed and
 * passed on exactly as sent, so the JSON needs no canonical form. The key
 * is the text of the key file with trailing white space removed, used as
 * is (never hex-decoded), so the same file read by Kamailio's Lua script
 * gives the same key.
 *
 * Nothing here does I/O except auth_open (reads the key file); nothing
 * logs, and the key never leaves the struct. A struct auth is used by one
 * thread (the receive thread).
 */
#ifndef MOSCDR_AUTH_H
#define MOSCDR_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The envelope's first bytes, version included. */
#define AUTH_MAGIC		"MOSCDR1 "
#define AUTH_MAGIC_LEN		8
/* Longest ts: 12 digits last until the year 33658. */
#define AUTH_TS_DIGITS_MAX	12
/* Longest header line: magic, ts, space, 64 hex digits, newline. */
#define AUTH_HEADER_MAX		(AUTH_MAGIC_LEN + AUTH_TS_DIGITS_MAX + 1 + 64 + 1)
/* Key length bounds in bytes (after trailing white space is removed). */
#define AUTH_KEY_MIN		16
#define AUTH_KEY_MAX		1024
/* Defaults of auth.window and auth.replay_cache. */
#define AUTH_WINDOW_DEFAULT	30.0
#define AUTH_REPLAY_DEFAULT	65536

/* Why a message was refused; each has its own counter. */
enum auth_error {
	AUTH_OK = 0,
	AUTH_ERR_UNSIGNED,	/* no envelope (does not start "MOSCDR") */
	AUTH_ERR_MALFORMED,	/* envelope present but not well formed */
	AUTH_ERR_BAD_SIGNATURE,	/* wrong key, or header/payload changed */
	AUTH_ERR_EXPIRED,	/* ts older than now - window */
	AUTH_ERR_FUTURE,	/* ts newer than now + window */
	AUTH_ERR_REPLAY,	/* same signature seen before */
	AUTH_ERR_COUNT
};

struct auth_opts {
	/* Seconds a ts may differ from the receiver's clock, either way. */
	double window_s;
	/* Signatures remembered to refuse replays; 0: window only. */
	size_t replay_max;
	/* Let messages without an envelope through (for a rollout, while
	 * some senders do not sign yet); signed ones are still verified. */
	bool allow_unsigned;
};

struct auth;

/*
 * A verifier for key (keylen bytes, AUTH_KEY_MIN..AUTH_KEY_MAX, copied
 * into libcrypto's context). Returns NULL with the reason in err.
 */
struct auth *auth_new(const void *key, size_t keylen,
    const struct auth_opts *opts, char *err, size_t errlen);

/*
 * auth_new with the key read from path. The file must be a regular file
 * that neither other users may read, write or search (no o+rwx) nor the
 * group may write (no g+w); trailing white space (space, \t, \n, \v,
 * \f, \r: a final newline) is not part of the key. Returns NULL with "path: reason" in err; the key
 * itself never appears in err.
 */
struct auth *auth_open(const char *path, const struct auth_opts *opts,
    char *err, size_t errlen);

/* Frees a and wipes what it held of the key. NULL is ignored. */
void auth_free(struct auth *a);

/*
 * Verifies the envelope of the message at p (len bytes, not
 * NUL-terminated) at receiver time now (unix seconds). Returns 0 when the
 * message may be ingested: *payload and *payload_len then give the
 * payload inside p, and *why is AUTH_OK, or AUTH_ERR_UNSIGNED for an
 * unsigned message let through by allow_unsigned (p and len unchanged).
 * Returns -1 with *why set when the message must be dropped. A verified
 * signature is remembered (replay_max of them, oldest forgotten first),
 * so the same envelope a second time gives AUTH_ERR_REPLAY.
 * Checks run in the order envelope, signature, time, replay: a message
 * with a bad signature counts as bad_signature whatever its ts says.
 */
int auth_verify(struct auth *a, const char *p, size_t len, double now,
    const char **payload, size_t *payload_len, enum auth_error *why);

/*
 * Writes the header line "MOSCDR1 <ts> <sig>\n" (base64url signature)
 * for payload into hdr, which has room for AUTH_HEADER_MAX + 1 bytes;
 * the result is NUL-terminated. Returns its length, or -1 when ts is
 * negative or too long. For test senders and the load generator.
 */
int auth_sign_header(struct auth *a, int64_t ts, const char *payload,
    size_t len, char *hdr);

/* "unsigned", "malformed", "bad_signature", "expired", "future", "replay". */
const char *auth_error_name(enum auth_error e);

#endif
