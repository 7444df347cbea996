/*
 * netstring.h: an incremental decoder for netstring frames
 * "<len>:<payload>," as Kamailio's evapi module writes them.
 *
 * Pure: no I/O, no logging, no globals. Bytes go in with netstring_feed()
 * split anywhere; the same frames come out, in order, whatever the split.
 *
 * Rules (stricter than some writers, exactly what evapi sends):
 *  - the length is 1 to NETSTRING_DIGITS_MAX decimal digits, no sign, no
 *    spaces; a leading zero is refused unless the length is "0" itself
 *    (djb's netstring text forbids them; evapi prints "%d", never zeros);
 *  - a length above max_payload is refused as soon as its digits exceed
 *    it, before any ':' or payload byte arrives; the announced size is
 *    never allocated: the payload buffer grows only with bytes received;
 *  - the byte after the payload must be ','; the frame is delivered only
 *    once that ',' has been seen.
 * After an error the decoder stays in error (every feed returns -1 with
 * the same code) until netstring_reset(): a byte stream that lost its
 * framing cannot be resynchronized, the caller drops the connection.
 */
#ifndef MOSCDR_NETSTRING_H
#define MOSCDR_NETSTRING_H

#include <stdbool.h>
#include <stddef.h>

enum netstring_error {
	NETSTRING_OK = 0,
	NETSTRING_ERR_TOO_LONG,		/* announced length > max_payload */
	NETSTRING_ERR_TOO_MANY_DIGITS,	/* > NETSTRING_DIGITS_MAX digits */
	NETSTRING_ERR_NOT_DIGIT,	/* other byte before the ':' */
	NETSTRING_ERR_LEADING_ZERO,	/* "01:" and the like */
	NETSTRING_ERR_EMPTY_LENGTH,	/* ':' with no digit before it */
	NETSTRING_ERR_NO_COMMA,		/* payload not followed by ',' */
	NETSTRING_ERR_NOMEM,		/* the payload buffer could not grow */
	NETSTRING_ERR_STOPPED,		/* the callback asked to stop */
	NETSTRING_ERR_COUNT
};

struct netstring;

/*
 * Called once per complete frame. payload points to len bytes (not
 * NUL-terminated; len may be 0), valid only during the call: it is
 * either inside the caller's fed bytes or inside the decoder's buffer.
 * Return 0 to go on; anything else stops netstring_feed() at once, which
 * then returns -1 with NETSTRING_ERR_STOPPED and stays stopped until
 * netstring_reset() (the rest of the fed bytes is not consumed).
 * cb must not feed, reset or free the decoder that called it.
 */
typedef int (*netstring_cb)(const char *payload, size_t len, void *arg);

/*
 * A decoder accepting payloads up to max_payload bytes. The decoder's
 * memory never exceeds a small struct plus max_payload bytes. Returns
 * NULL only when malloc fails.
 */
struct netstring *netstring_new(size_t max_payload);
void netstring_free(struct netstring *ns);
/* Back to the start of a frame, clearing any error (new connection). */
void netstring_reset(struct netstring *ns);

/*
 * Decodes len bytes at p, calling cb for each frame completed by them.
 * Returns 0 when every byte was consumed (a partial frame is kept for
 * the next feed), or -1 with *err set (err may be NULL) on a framing
 * error, an allocation failure or a stop; frames before the error were
 * delivered. While in error, returns -1 at once without reading p.
 */
int netstring_feed(struct netstring *ns, const char *p, size_t len,
    netstring_cb cb, void *arg, enum netstring_error *err);

/* True when some bytes of an unfinished frame are held. */
bool netstring_is_mid_frame(const struct netstring *ns);
/* The sticky error, NETSTRING_OK when none. */
enum netstring_error netstring_error(const struct netstring *ns);
/* A short lowercase text for err ("length over the maximum", ...). */
const char *netstring_strerror(enum netstring_error err);

#endif
