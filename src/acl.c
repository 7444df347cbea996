/*
 * acl.c: implements acl.h, the allow list of sender networks: parsing of
 * "address[/prefix]" entries with inet_pton() and matching of a socket
 * address by prefix comparison.
 *
 * An IPv4 peer is matched only against IPv4 entries, whether it arrived
 * on an AF_INET socket or as ::ffff:a.b.c.d on a dual-stack AF_INET6 one:
 * the same sender must get the same answer whatever socket the daemon
 * listens on. Lists are a handful of entries read once at start, so a
 * linear scan is both the simplest and fast enough.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl.h"
#include "util.h"

/* Longest entry text: an IPv6 address with an embedded IPv4 and "/128". */
#define ACL_ENTRY_LEN_MAX	(INET6_ADDRSTRLEN + 4)

/* One network. Invariant: the bits of addr past prefix are zero. */
struct acl_entry {
	int family;		/* AF_INET or AF_INET6 */
	unsigned prefix;	/* 0..32 or 0..128 */
	uint8_t addr[16];	/* IPv4 in the first 4 bytes */
};

struct acl {
	size_t n;
	struct acl_entry *e;
};

static const uint8_t acl_v4mapped_prefix[12] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
};

/* True when the first prefix bits of a and b are equal. */
static bool
acl_prefix_equal(const uint8_t *a, const uint8_t *b, unsigned prefix)
{
	unsigned whole = prefix / 8, rest = prefix % 8;
	uint8_t mask;

	if (memcmp(a, b, whole) != 0)
		return false;
	if (rest == 0)
		return true;
	mask = (uint8_t)(0xff << (8 - rest));
	return (a[whole] & mask) == (b[whole] & mask);
}

/* True when some bit of addr (len bytes) past prefix is set. */
static bool
acl_has_host_bits(const uint8_t *addr, size_t len, unsigned prefix)
{
	size_t i;

	for (i = prefix / 8; i < len; i++) {
		uint8_t keep = 0;

		if (i == prefix / 8 && prefix % 8 != 0)
			keep = (uint8_t)(0xff << (8 - prefix % 8));
		if ((addr[i] & (uint8_t)~keep) != 0)
			return true;
	}
	return false;
}

/* "0".."128": decimal digits only, no sign, no leading zeros but "0". */
static int
acl_parse_prefix(const char *s, unsigned max, unsigned *out)
{
	unsigned v = 0;
	size_t i, len = strlen(s);

	if (len == 0 || len > 3 || (len > 1 && s[0] == '0'))
		return -1;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

/* Parses one entry into e; on failure puts the reason in why. */
static int
acl_parse_entry(const char *text, struct acl_entry *e, const char **why)
{
	char buf[ACL_ENTRY_LEN_MAX + 1];
	const char *start = text, *end;
	char *slash;
	size_t len;
	unsigned max;

	/* Blanks around an entry are a harmless slip in a config list. */
	while (isspace((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	len = (size_t)(end - start);
	if (len == 0) {
		*why = "empty entry";
		return -1;
	}
	if (len > ACL_ENTRY_LEN_MAX) {
		*why = "too long";
		return -1;
	}
	memcpy(buf, start, len);
	buf[len] = '\0';

	memset(e, 0, sizeof(*e));
	slash = strchr(buf, '/');
	if (slash != NULL)
		*slash = '\0';
	if (inet_pton(AF_INET, buf, e->addr) == 1) {
		e->family = AF_INET;
		max = 32;
	} else if (inet_pton(AF_INET6, buf, e->addr) == 1) {
		e->family = AF_INET6;
		max = 128;
	} else {
		*why = "not an IPv4 or IPv6 address";
		return -1;
	}
	e->prefix = max;
	if (slash != NULL && acl_parse_prefix(slash + 1, max, &e->prefix) == -1) {
		*why = max == 32 ? "prefix length is not 0..32" :
		    "prefix length is not 0..128";
		return -1;
	}
	if (acl_has_host_bits(e->addr, max / 8, e->prefix)) {
		*why = "address has bits set past the prefix length";
		return -1;
	}
	/* ::ffff:a.b.c.d/96+n is the IPv4 network a.b.c.d/n. */
	if (e->family == AF_INET6 && e->prefix >= 96 &&
	    memcmp(e->addr, acl_v4mapped_prefix, 12) == 0) {
		memmove(e->addr, e->addr + 12, 4);
		memset(e->addr + 4, 0, 12);
		e->family = AF_INET;
		e->prefix -= 96;
	}
	return 0;
}

int
acl_parse(const char *const *list, size_t n, struct acl **out, char *err,
    size_t errlen)
{
	struct acl *acl;
	const char *why = NULL;
	size_t i;

	acl = xcalloc(1, sizeof(*acl));
	acl->e = xcalloc(n, sizeof(*acl->e));
	for (i = 0; i < n; i++) {
		if (list[i] == NULL) {
			why = "missing";
			goto fail;
		}
		if (acl_parse_entry(list[i], &acl->e[i], &why) == -1)
			goto fail;
	}
	acl->n = n;
	*out = acl;
	return 0;
fail:
	snprintf(err, errlen, "entry %zu \"%.*s\": %s", i + 1,
	    ACL_ENTRY_LEN_MAX, list[i] != NULL ? list[i] : "", why);
	acl_free(acl);
	return -1;
}

void
acl_free(struct acl *acl)
{
	if (acl == NULL)
		return;
	free(acl->e);
	free(acl);
}

size_t
acl_count(const struct acl *acl)
{
	return acl->n;
}

bool
acl_allows(const struct acl *acl, const struct sockaddr *sa)
{
	const uint8_t *addr;
	int family;
	size_t i;

	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s4 = (const void *)sa;

		family = AF_INET;
		addr = (const uint8_t *)&s4->sin_addr;
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const void *)sa;

		family = AF_INET6;
		addr = s6->sin6_addr.s6_addr;
		if (IN6_IS_ADDR_V4MAPPED(&s6->sin6_addr)) {
			family = AF_INET;
			addr += 12;
		}
	} else
		return false;

	for (i = 0; i < acl->n; i++) {
		if (acl->e[i].family == family &&
		    acl_prefix_equal(acl->e[i].addr, addr, acl->e[i].prefix))
			return true;
	}
	return false;
}
