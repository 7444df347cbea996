/*
 * netstring.c: implements netstring.h, an incremental netstring decoder.
 *
 * A frame that arrives whole inside one feed is handed to the callback
 * straight from the caller's bytes (no copy); only a frame split across
 * feeds is gathered in the decoder's buffer, which grows with the bytes
 * actually received (doubling, capped at the announced length), so a
 * peer announcing a large length and sending nothing costs nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "limits.h"
#include "netstring.h"

/* First size of the gathering buffer; it doubles from there. */
#define NETSTRING_BUF_MIN	256

enum netstring_state {
	NS_LENGTH,	/* reading digits up to ':' */
	NS_PAYLOAD,	/* reading need bytes, have of them buffered */
	NS_COMMA,	/* payload complete in buf, expecting ',' */
	NS_FAILED	/* err is set; only netstring_reset leaves this */
};

/*
 * Invariants: need <= max at all times; have <= need <= cap when have >
 * 0; cap <= max; ndigits <= NETSTRING_DIGITS_MAX.
 */
struct netstring {
	size_t max;			/* largest payload accepted */
	enum netstring_state state;
	enum netstring_error err;	/* set with NS_FAILED */
	size_t ndigits;			/* digits of the length read so far */
	size_t need;			/* the length (partial in NS_LENGTH) */
	size_t have;			/* payload bytes in buf */
	char *buf;
	size_t cap;
};

struct netstring *
netstring_new(size_t max_payload)
{
	struct netstring *ns;

	if ((ns = calloc(1, sizeof(*ns))) == NULL)
		return NULL;
	ns->max = max_payload;
	ns->state = NS_LENGTH;
	return ns;
}

void
netstring_free(struct netstring *ns)
{
	if (ns == NULL)
		return;
	free(ns->buf);
	free(ns);
}

/* Keeps the buffer: it is bounded by max and the next frame reuses it. */
void
netstring_reset(struct netstring *ns)
{
	ns->state = NS_LENGTH;
	ns->err = NETSTRING_OK;
	ns->ndigits = 0;
	ns->need = 0;
	ns->have = 0;
}

bool
netstring_is_mid_frame(const struct netstring *ns)
{
	return ns->state == NS_PAYLOAD || ns->state == NS_COMMA ||
	    (ns->state == NS_LENGTH && ns->ndigits > 0);
}

enum netstring_error
netstring_error(const struct netstring *ns)
{
	return ns->err;
}

const char *
netstring_strerror(enum netstring_error err)
{
	switch (err) {
	case NETSTRING_OK:
		return "no error";
	case NETSTRING_ERR_TOO_LONG:
		return "length over the maximum";
	case NETSTRING_ERR_TOO_MANY_DIGITS:
		return "too many length digits";
	case NETSTRING_ERR_NOT_DIGIT:
		return "non-digit in the length";
	case NETSTRING_ERR_LEADING_ZERO:
		return "leading zero in the length";
	case NETSTRING_ERR_EMPTY_LENGTH:
		return "empty length";
	case NETSTRING_ERR_NO_COMMA:
		return "no ',' after the payload";
	case NETSTRING_ERR_NOMEM:
		return "out of memory";
	case NETSTRING_ERR_STOPPED:
		return "stopped by the consumer";
	case NETSTRING_ERR_COUNT:
		break;
	}
	return "unknown error";
}

static int
netstring_fail(struct netstring *ns, enum netstring_error e,
    enum netstring_error *err)
{
	ns->state = NS_FAILED;
	ns->err = e;
	if (err != NULL)
		*err = e;
	return -1;
}

/* Makes room for want (<= need) payload bytes in buf. */
static int
netstring_reserve(struct netstring *ns, size_t want)
{
	size_t cap;
	char *nb;

	if (want <= ns->cap)
		return 0;
	cap = ns->cap > 0 ? ns->cap : NETSTRING_BUF_MIN;
	while (cap < want && cap <= ns->need / 2)
		cap *= 2;
	if (cap < want || cap > ns->need)
		cap = ns->need;
	if ((nb = realloc(ns->buf, cap)) == NULL)
		return -1;
	ns->buf = nb;
	ns->cap = cap;
	return 0;
}

/* One length byte. Returns 0, or an error code. */
static enum netstring_error
netstring_length_byte(struct netstring *ns, char c)
{
	size_t d;

	if (c == ':') {
		if (ns->ndigits == 0)
			return NETSTRING_ERR_EMPTY_LENGTH;
		ns->have = 0;
		ns->state = ns->need == 0 ? NS_COMMA : NS_PAYLOAD;
		return NETSTRING_OK;
	}
	if (c < '0' || c > '9')
		return NETSTRING_ERR_NOT_DIGIT;
	if (ns->ndigits > 0 && ns->need == 0)
		return NETSTRING_ERR_LEADING_ZERO;
	if (ns->ndigits >= NETSTRING_DIGITS_MAX)
		return NETSTRING_ERR_TOO_MANY_DIGITS;
	d = (size_t)(c - '0');
	/* need * 10 + d > max, without overflowing */
	if (d > ns->max || ns->need > (ns->max - d) / 10)
		return NETSTRING_ERR_TOO_LONG;
	ns->need = ns->need * 10 + d;
	ns->ndigits++;
	return NETSTRING_OK;
}

static void
netstring_next_frame(struct netstring *ns)
{
	ns->state = NS_LENGTH;
	ns->ndigits = 0;
	ns->need = 0;
	ns->have = 0;
}

int
netstring_feed(struct netstring *ns, const char *p, size_t len,
    netstring_cb cb, void *arg, enum netstring_error *err)
{
	enum netstring_error e;
	size_t n, flen;

	if (ns->state == NS_FAILED) {
		if (err != NULL)
			*err = ns->err;
		return -1;
	}
	while (len > 0) {
		switch (ns->state) {
		case NS_LENGTH:
			e = netstring_length_byte(ns, *p);
			if (e != NETSTRING_OK)
				return netstring_fail(ns, e, err);
			p++;
			len--;
			break;
		case NS_PAYLOAD:
			if (ns->have == 0 && len > ns->need) {
				/* The whole frame is here: no copy. */
				flen = ns->need;
				if (p[flen] != ',')
					return netstring_fail(ns,
					    NETSTRING_ERR_NO_COMMA, err);
				netstring_next_frame(ns);
				if (cb != NULL && cb(p, flen, arg) != 0)
					return netstring_fail(ns,
					    NETSTRING_ERR_STOPPED, err);
				p += flen + 1;
				len -= flen + 1;
				break;
			}
			n = ns->need - ns->have;
			if (n > len)
				n = len;
			if (netstring_reserve(ns, ns->have + n) == -1)
				return netstring_fail(ns, NETSTRING_ERR_NOMEM,
				    err);
			memcpy(ns->buf + ns->have, p, n);
			ns->have += n;
			p += n;
			len -= n;
			if (ns->have == ns->need)
				ns->state = NS_COMMA;
			break;
		case NS_COMMA:
			if (*p != ',')
				return netstring_fail(ns, NETSTRING_ERR_NO_COMMA,
				    err);
			p++;
			len--;
			flen = ns->need;
			netstring_next_frame(ns);
			/* buf is still NULL when only empty frames came. */
			if (cb != NULL &&
			    cb(flen > 0 ? ns->buf : "", flen, arg) != 0)
				return netstring_fail(ns, NETSTRING_ERR_STOPPED,
				    err);
			break;
		case NS_FAILED:
			if (err != NULL)
				*err = ns->err;
			return -1;
		}
	}
	return 0;
}
