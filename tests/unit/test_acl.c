/*
 * test_acl.c: unit tests for the sender allow list (acl.c): every entry
 * form matches what it names and nothing else, prefix edges (/0, /31,
 * /32, /127, /128, a prefix that is not a multiple of 8) fall on the
 * right bit, IPv4 peers on IPv6 sockets (::ffff:a.b.c.d) meet the IPv4
 * entries, and malformed entries are refused naming the entry.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acl.h"

/* A sender address from text, IPv4 or IPv6, port 5060. */
static struct sockaddr_storage
peer(const char *text)
{
	struct sockaddr_storage ss;

	memset(&ss, 0, sizeof(ss));
	if (strchr(text, ':') == NULL) {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons(5060);
		assert_int_equal(inet_pton(AF_INET, text, &s4->sin_addr), 1);
	} else {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(5060);
		assert_int_equal(inet_pton(AF_INET6, text, &s6->sin6_addr), 1);
	}
	return ss;
}

static bool
allows(const struct acl *acl, const char *text)
{
	struct sockaddr_storage ss = peer(text);

	return acl_allows(acl, (const struct sockaddr *)&ss);
}

/* Parses one entry; fails the test if it is refused. */
static struct acl *
one(const char *entry)
{
	struct acl *acl = NULL;
	char err[256] = "";

	if (acl_parse(&entry, 1, &acl, err, sizeof(err)) != 0)
		fail_msg("\"%s\" refused: %s", entry, err);
	assert_non_null(acl);
	assert_int_equal(acl_count(acl), 1);
	return acl;
}

/* A bare IPv4 address is a /32: it and only it. */
static void
test_ipv4_host(void **state)
{
	struct acl *acl = one("10.1.2.3");

	(void)state;
	assert_true(allows(acl, "10.1.2.3"));
	assert_false(allows(acl, "10.1.2.2"));
	assert_false(allows(acl, "10.1.2.4"));
	assert_false(allows(acl, "::1"));
	acl_free(acl);
}

/* A /8 covers its whole range and stops at both ends. */
static void
test_ipv4_network(void **state)
{
	struct acl *acl = one("127.0.0.0/8");

	(void)state;
	assert_true(allows(acl, "127.0.0.1"));
	assert_true(allows(acl, "127.255.255.255"));
	assert_true(allows(acl, "127.0.0.0"));
	assert_false(allows(acl, "126.255.255.255"));
	assert_false(allows(acl, "128.0.0.0"));
	acl_free(acl);
}

/* /0 is every IPv4 address, and still no IPv6 one. */
static void
test_ipv4_prefix0(void **state)
{
	struct acl *acl = one("0.0.0.0/0");

	(void)state;
	assert_true(allows(acl, "0.0.0.0"));
	assert_true(allows(acl, "203.0.113.9"));
	assert_true(allows(acl, "255.255.255.255"));
	assert_false(allows(acl, "2001:db8::1"));
	acl_free(acl);
}

/* /32 written out equals the bare address; /31 is exactly two. */
static void
test_ipv4_prefix32_31(void **state)
{
	struct acl *acl = one("192.0.2.7/32");

	(void)state;
	assert_true(allows(acl, "192.0.2.7"));
	assert_false(allows(acl, "192.0.2.6"));
	acl_free(acl);

	acl = one("192.0.2.6/31");
	assert_true(allows(acl, "192.0.2.6"));
	assert_true(allows(acl, "192.0.2.7"));
	assert_false(allows(acl, "192.0.2.5"));
	assert_false(allows(acl, "192.0.2.8"));
	acl_free(acl);
}

/* A prefix inside a byte (/20): the boundary is on the right bit. */
static void
test_ipv4_prefix_mid_byte(void **state)
{
	struct acl *acl = one("172.16.16.0/20");

	(void)state;
	assert_true(allows(acl, "172.16.16.0"));
	assert_true(allows(acl, "172.16.31.255"));
	assert_false(allows(acl, "172.16.15.255"));
	assert_false(allows(acl, "172.16.32.0"));
	acl_free(acl);
}

/* ::1 is a /128: only itself, and not 127.0.0.1. */
static void
test_ipv6_host(void **state)
{
	struct acl *acl = one("::1");

	(void)state;
	assert_true(allows(acl, "::1"));
	assert_false(allows(acl, "::2"));
	assert_false(allows(acl, "::"));
	assert_false(allows(acl, "127.0.0.1"));
	assert_false(allows(acl, "::ffff:127.0.0.1"));
	acl_free(acl);
}

/* 2001:db8::/32 and its edges. */
static void
test_ipv6_network(void **state)
{
	struct acl *acl = one("2001:db8::/32");

	(void)state;
	assert_true(allows(acl, "2001:db8::1"));
	assert_true(allows(acl, "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
	assert_false(allows(acl, "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"));
	assert_false(allows(acl, "2001:db9::"));
	acl_free(acl);
}

/* /128 written out, /127 (two addresses) and /0 (all IPv6, no IPv4). */
static void
test_ipv6_prefix_edges(void **state)
{
	struct acl *acl = one("2001:db8::10/128");

	(void)state;
	assert_true(allows(acl, "2001:db8::10"));
	assert_false(allows(acl, "2001:db8::11"));
	acl_free(acl);

	acl = one("2001:db8::10/127");
	assert_true(allows(acl, "2001:db8::10"));
	assert_true(allows(acl, "2001:db8::11"));
	assert_false(allows(acl, "2001:db8::12"));
	assert_false(allows(acl, "2001:db8::f"));
	acl_free(acl);

	acl = one("::/0");
	assert_true(allows(acl, "::"));
	assert_true(allows(acl, "fe80::1"));
	assert_false(allows(acl, "10.0.0.1"));
	assert_false(allows(acl, "::ffff:10.0.0.1"));
	acl_free(acl);
}

/* An IPv4 peer seen on a dual-stack socket meets the IPv4 entries. */
static void
test_v4mapped_peer(void **state)
{
	struct acl *acl = one("10.0.0.0/8");

	(void)state;
	assert_true(allows(acl, "::ffff:10.9.8.7"));
	assert_false(allows(acl, "::ffff:11.0.0.1"));
	/* The same 32 bits, not mapped, are an IPv6 peer: not matched. */
	assert_false(allows(acl, "::a09:807"));
	acl_free(acl);
}

/* An entry written as ::ffff:a.b.c.d/96+n is the IPv4 network /n. */
static void
test_v4mapped_entry(void **state)
{
	struct acl *acl = one("::ffff:192.0.2.0/120");

	(void)state;
	assert_true(allows(acl, "192.0.2.200"));
	assert_true(allows(acl, "::ffff:192.0.2.1"));
	assert_false(allows(acl, "192.0.3.1"));
	acl_free(acl);

	acl = one("::ffff:192.0.2.1");
	assert_true(allows(acl, "192.0.2.1"));
	assert_false(allows(acl, "192.0.2.2"));
	acl_free(acl);
}

/* Several entries of both families: any match allows. */
static void
test_list(void **state)
{
	const char *list[] = { "127.0.0.0/8", " ::1 ", "10.1.2.3",
	    "2001:db8::/32" };
	struct acl *acl = NULL;
	char err[256];

	(void)state;
	assert_int_equal(acl_parse(list, 4, &acl, err, sizeof(err)), 0);
	assert_int_equal(acl_count(acl), 4);
	assert_true(allows(acl, "127.0.0.53"));
	assert_true(allows(acl, "::1"));
	assert_true(allows(acl, "10.1.2.3"));
	assert_true(allows(acl, "2001:db8:1::5"));
	assert_false(allows(acl, "10.1.2.4"));
	assert_false(allows(acl, "192.168.1.1"));
	assert_false(allows(acl, "fe80::1"));
	acl_free(acl);
}

/* An empty list allows nobody. */
static void
test_empty_list(void **state)
{
	struct acl *acl = NULL;
	char err[64];

	(void)state;
	assert_int_equal(acl_parse(NULL, 0, &acl, err, sizeof(err)), 0);
	assert_int_equal(acl_count(acl), 0);
	assert_false(allows(acl, "127.0.0.1"));
	assert_false(allows(acl, "::1"));
	acl_free(acl);
}

/* A family other than IPv4/IPv6 is never allowed, even by /0. */
static void
test_other_family(void **state)
{
	const char *list[] = { "0.0.0.0/0", "::/0" };
	struct acl *acl = NULL;
	struct sockaddr_storage ss;
	char err[64];

	(void)state;
	assert_int_equal(acl_parse(list, 2, &acl, err, sizeof(err)), 0);
	memset(&ss, 0, sizeof(ss));
	ss.ss_family = AF_UNIX;
	assert_false(acl_allows(acl, (struct sockaddr *)&ss));
	acl_free(acl);
}

/* Each malformed entry is refused, naming its position and text. */
static void
test_malformed(void **state)
{
	static const char *bad[] = {
		"", "   ", "localhost", "10.1.2", "10.1.2.3.4", "256.0.0.1",
		"10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/+8",
		"10.0.0.0/08", "10.0.0.0/8/8", "10.0.0.0/x", "10.1.2.3/8",
		"::1/129", "2001:db8::/", "2001:db8::1/32", "2001:db8:::1",
		"fe80::1%eth0", "[::1]", "10.0.0.1:5060", "2001:db8::/1000",
		"0.0.0.1/0", "01.2.3.4",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *list[2] = { "127.0.0.1", bad[i] };
		struct acl *acl = (struct acl *)&list;	/* must stay */
		char err[256] = "";

		if (acl_parse(list, 2, &acl, err, sizeof(err)) != -1)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_ptr_equal(acl, (struct acl *)&list);
		assert_non_null(strstr(err, "entry 2 "));
		assert_non_null(strstr(err, bad[i]));
	}
}

/* A NULL entry in the list is refused, not dereferenced. */
static void
test_null_entry(void **state)
{
	const char *list[] = { "::1", NULL };
	struct acl *acl = NULL;
	char err[64];

	(void)state;
	assert_int_equal(acl_parse(list, 2, &acl, err, sizeof(err)), -1);
	assert_null(acl);
	assert_non_null(strstr(err, "entry 2"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipv4_host),
		cmocka_unit_test(test_ipv4_network),
		cmocka_unit_test(test_ipv4_prefix0),
		cmocka_unit_test(test_ipv4_prefix32_31),
		cmocka_unit_test(test_ipv4_prefix_mid_byte),
		cmocka_unit_test(test_ipv6_host),
		cmocka_unit_test(test_ipv6_network),
		cmocka_unit_test(test_ipv6_prefix_edges),
		cmocka_unit_test(test_v4mapped_peer),
		cmocka_unit_test(test_v4mapped_entry),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_empty_list),
		cmocka_unit_test(test_other_family),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_null_entry),
	};

	return cmocka_run_group_tests_name("acl", tests, NULL, NULL);
}
