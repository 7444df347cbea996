/*
 * acl.h: an allow list of IPv4 and IPv6 networks for UDP senders.
 *
 * Pure: parsing and matching do no I/O and no logging, so they are unit
 * tested directly. An entry is an address ("10.1.2.3", "::1") or a
 * network with a prefix length ("127.0.0.0/8", "2001:db8::/32"). Senders
 * with an IPv4-mapped IPv6 address (::ffff:1.2.3.4, what a dual-stack
 * socket reports for IPv4 peers) are matched against the IPv4 entries,
 * and an IPv4-mapped entry (::ffff:10.0.0.0/104) is kept as the IPv4
 * network it names, so either way of writing an IPv4 network works.
 */
#ifndef MOSCDR_ACL_H
#define MOSCDR_ACL_H

#include <stdbool.h>
#include <stddef.h>

struct sockaddr;
struct acl;

/*
 * Parses the n entries of list into a new allow list in *out. An entry
 * whose address has bits set past its prefix ("10.1.2.3/8") is refused:
 * it is most likely a typo and its meaning would be a guess.
 * Returns 0, or -1 with "entry N "TEXT": why" in err and *out untouched.
 * An empty list (n == 0) gives a list that allows nobody; a caller that
 * wants "no allow list" keeps no struct acl at all.
 */
int acl_parse(const char *const *list, size_t n, struct acl **out, char *err,
    size_t errlen);
void acl_free(struct acl *acl);

/*
 * True when sa (AF_INET or AF_INET6; any other family is never allowed)
 * falls in one of the networks of acl. Only the address is looked at,
 * never the port.
 */
bool acl_allows(const struct acl *acl, const struct sockaddr *sa);

/* Number of entries, for the start-up log line. */
size_t acl_count(const struct acl *acl);

#endif
