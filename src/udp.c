/*
 * udp.c: implements udp.h. Each readiness event drains the socket with
 * recvmmsg() in batches of UDP_BATCH_MAX, up to a bound per event so
 * one busy socket cannot starve the rest of the loop; every datagram goes
 * to ingest_message() with its sender as "udp ADDR:PORT".
 *
 * Socket activation: when systemd (a moscdrd.socket unit) passes sockets
 * (sd_listen_fds), each configured address takes the passed socket bound
 * to it instead of binding its own. The socket then outlives the process:
 * datagrams that arrive while moscdrd restarts wait in its receive
 * buffer for the next process.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>
#include <systemd/sd-daemon.h>

#include "acl.h"
#include "config.h"
#include "ingest.h"
#include "limits.h"
#include "log.h"
#include "udp.h"
#include "util.h"

/* recvmmsg() rounds per readiness event before yielding to the loop. */
#define UDP_ROUNDS_MAX	16

struct udp {
	int fd;
	struct event *ev;
	struct ingest *ing;
	const struct acl *allow;	/* NULL: anyone */
	char name[80];			/* "udp 127.0.0.1:9099" */
	struct mmsghdr msgs[UDP_BATCH_MAX];
	struct iovec iov[UDP_BATCH_MAX];
	struct sockaddr_storage from[UDP_BATCH_MAX];
	char *bufs;			/* UDP_BATCH_MAX * UDP_DATAGRAM_MAX */
};

/* "udp 1.2.3.4:5" or "udp [::1]:5" */
static void
udp_format_peer(const struct sockaddr_storage *ss, char *buf, size_t len)
{
	char host[INET6_ADDRSTRLEN];

	if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const void *)ss;

		inet_ntop(AF_INET6, &s6->sin6_addr, host, sizeof(host));
		snprintf(buf, len, "udp [%s]:%u", host, ntohs(s6->sin6_port));
	} else if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *s4 = (const void *)ss;

		inet_ntop(AF_INET, &s4->sin_addr, host, sizeof(host));
		snprintf(buf, len, "udp %s:%u", host, ntohs(s4->sin_port));
	} else
		snprintf(buf, len, "udp (unknown)");
}

static void
udp_reset_msgs(struct udp *u)
{
	int i;

	for (i = 0; i < UDP_BATCH_MAX; i++) {
		u->iov[i].iov_base = u->bufs + (size_t)i * (UDP_DATAGRAM_MAX + 1);
		u->iov[i].iov_len = UDP_DATAGRAM_MAX + 1;
		memset(&u->msgs[i].msg_hdr, 0, sizeof(u->msgs[i].msg_hdr));
		u->msgs[i].msg_hdr.msg_iov = &u->iov[i];
		u->msgs[i].msg_hdr.msg_iovlen = 1;
		u->msgs[i].msg_hdr.msg_name = &u->from[i];
		u->msgs[i].msg_hdr.msg_namelen = sizeof(u->from[i]);
	}
}

static void
udp_read_cb(evutil_socket_t fd, short what, void *arg)
{
	struct udp *u = arg;
	char peer[80];
	int n, i, round;

	(void)what;
	for (round = 0; round < UDP_ROUNDS_MAX; round++) {
		udp_reset_msgs(u);
		n = recvmmsg(fd, u->msgs, UDP_BATCH_MAX, MSG_DONTWAIT, NULL);
		if (n == -1) {
			if (errno != EAGAIN && errno != EWOULDBLOCK &&
			    errno != EINTR)
				log_limited(LOG_ERR, u->name, "%s: recvmmsg: %s",
				    u->name, strerror(errno));
			return;
		}
		for (i = 0; i < n; i++) {
			struct msghdr *h = &u->msgs[i].msg_hdr;
			size_t len = u->msgs[i].msg_len;

			udp_format_peer(&u->from[i], peer, sizeof(peer));
			if (u->allow != NULL && !acl_allows(u->allow,
			    (const struct sockaddr *)&u->from[i])) {
				ingest_drop(u->ing, STATS_UDP, peer,
				    STATS_DROP_DENIED);
				continue;
			}
			/* The buffer is one byte larger than the biggest UDP
			 * payload, so this cannot happen; if it did, the
			 * length makes record.c refuse it as too_large. */
			if ((h->msg_flags & MSG_TRUNC) || len > UDP_DATAGRAM_MAX)
				len = UDP_DATAGRAM_MAX + 1;
			ingest_message(u->ing, STATS_UDP, peer, NULL,
			    u->iov[i].iov_base, len);
		}
		if (n < UDP_BATCH_MAX)
			return;
	}
}

/* True when a datagram is waiting. */
static int
udp_pending(int fd)
{
	char c;

	return recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) >= 0;
}

int
udp_passed_take(struct udp_passed *p, char *err, size_t errlen)
{
	int n, i;

	memset(p, 0, sizeof(*p));
	/* 1: no child (there is none today) inherits LISTEN_*. */
	n = sd_listen_fds(1);
	if (n < 0) {
		snprintf(err, errlen, "sockets passed by systemd: %s",
		    strerror(-n));
		return -1;
	}
	if (n > UDP_PASSED_MAX) {
		snprintf(err, errlen, "systemd passed %d sockets, more than "
		    "the %d moscdrd takes", n, UDP_PASSED_MAX);
		return -1;
	}
	for (i = 0; i < n; i++)
		p->fd[i] = SD_LISTEN_FDS_START + i;
	p->n = (size_t)n;
	return 0;
}

/* "udp 127.0.0.1:9099" for the socket fd, or "fd N" when it has none. */
static void
udp_describe_fd(int fd, char *buf, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sslen = sizeof(ss);
	int type = 0;
	socklen_t tlen = sizeof(type);
	char peer[80];

	memset(&ss, 0, sizeof(ss));
	if (getsockname(fd, (struct sockaddr *)&ss, &sslen) == -1 ||
	    (ss.ss_family != AF_INET && ss.ss_family != AF_INET6)) {
		snprintf(buf, len, "fd %d, not an IP socket", fd);
		return;
	}
	getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tlen);
	udp_format_peer(&ss, peer, sizeof(peer));
	/* udp_format_peer says "udp"; a stream socket is not. */
	snprintf(buf, len, "fd %d, %s%s", fd, type == SOCK_DGRAM ? "udp" :
	    type == SOCK_STREAM ? "tcp" : "not udp", peer + 3);
}

int
udp_passed_check(const struct udp_passed *p, char *err, size_t errlen)
{
	char what[120];
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->claimed[i])
			continue;
		udp_describe_fd(p->fd[i], what, sizeof(what));
		snprintf(err, errlen, "systemd passed a socket (%s) that "
		    "matches no udp.listen address: list its address in "
		    "udp.listen or remove it from moscdrd.socket", what);
		return -1;
	}
	return 0;
}

/*
 * The unclaimed passed socket bound to one of res's addresses (a UDP
 * socket with that address and port), claimed; -1 when there is none.
 */
static int
udp_passed_claim(struct udp_passed *p, const struct addrinfo *res)
{
	const struct addrinfo *ai;
	size_t i;

	if (p == NULL)
		return -1;
	for (ai = res; ai != NULL; ai = ai->ai_next)
		for (i = 0; i < p->n; i++) {
			if (p->claimed[i])
				continue;
			if (sd_is_socket_sockaddr(p->fd[i], SOCK_DGRAM,
			    ai->ai_addr, ai->ai_addrlen, -1) > 0) {
				p->claimed[i] = true;
				return p->fd[i];
			}
		}
	return -1;
}

/* Beyond net.core.rmem_max only with CAP_NET_ADMIN (FORCE). */
static void
udp_set_rcvbuf(int fd, int rcvbuf)
{
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
	    sizeof(rcvbuf)) == -1)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
}

struct udp *
udp_open(struct event_base *base, const char *address, int rcvbuf,
    const struct acl *allow, struct ingest *ing, struct udp_passed *passed,
    char *err, size_t errlen)
{
	struct addrinfo hints, *res = NULL;
	struct sockaddr_storage bound;
	socklen_t blen = sizeof(bound);
	char host[256], port[16], name[80];
	struct udp *u = NULL;
	int fd = -1, on = 1, granted = 0, rc, fl;
	socklen_t glen = sizeof(granted);
	bool is_passed = false;

	if (config_split_address(address, NULL, host, sizeof(host), port,
	    sizeof(port)) == -1) {
		snprintf(err, errlen, "udp %s: not host:port", address);
		return NULL;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		snprintf(err, errlen, "udp %s: %s", address, gai_strerror(rc));
		return NULL;
	}
	if ((fd = udp_passed_claim(passed, res)) != -1) {
		/* systemd made it (close-on-exec already); ours from here. */
		is_passed = true;
		if ((fl = fcntl(fd, F_GETFL)) == -1 ||
		    fcntl(fd, F_SETFL, fl | O_NONBLOCK) == -1)
			goto fail_errno;
		/* Raised, never lowered: the unit's ReceiveBuffer= (set by
		 * root) may exceed what this process may set. */
		if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &granted,
		    &glen) == -1 || granted / 2 < rcvbuf)
			udp_set_rcvbuf(fd, rcvbuf);
	} else {
		fd = socket(res->ai_family, SOCK_DGRAM | SOCK_NONBLOCK |
		    SOCK_CLOEXEC, 0);
		if (fd == -1)
			goto fail_errno;
		if (res->ai_family == AF_INET6)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on,
			    sizeof(on));
		/* No SO_REUSEADDR or SO_REUSEPORT: a second daemon on the
		 * same address must fail here, not share (or take) the
		 * traffic. */
		udp_set_rcvbuf(fd, rcvbuf);
		if (bind(fd, res->ai_addr, res->ai_addrlen) == -1) {
			snprintf(err, errlen, "udp %s: cannot bind: %s%s",
			    address, strerror(errno), errno == EADDRINUSE ?
			    " (another moscdrd or another program listens "
			    "there)" : "");
			goto fail;
		}
	}
	getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &granted, &glen);
	getsockname(fd, (struct sockaddr *)&bound, &blen);
	udp_format_peer(&bound, name, sizeof(name));

	u = xcalloc(1, sizeof(*u));
	u->fd = fd;
	u->ing = ing;
	u->allow = allow;
	snprintf(u->name, sizeof(u->name), "%s", name);
	u->bufs = xmalloc((size_t)UDP_BATCH_MAX * (UDP_DATAGRAM_MAX + 1));
	u->ev = event_new(base, fd, EV_READ | EV_PERSIST, udp_read_cb, u);
	if (u->ev == NULL || event_add(u->ev, NULL) == -1) {
		snprintf(err, errlen, "udp %s: cannot register the event",
		    address);
		goto fail;
	}
	/* The kernel reports twice the usable size it granted. */
	log_info("listening on %s (%sreceive buffer %d bytes%s)", name,
	    is_passed ? "socket passed by systemd, " : "", granted,
	    granted / 2 < rcvbuf ? ", less than udp.rcvbuf: raise "
	    "net.core.rmem_max or run as root" : "");
	freeaddrinfo(res);
	return u;
fail_errno:
	snprintf(err, errlen, "udp %s: %s", address, strerror(errno));
fail:
	if (u != NULL) {
		if (u->ev != NULL)
			event_free(u->ev);
		free(u->bufs);
		free(u);
	}
	if (fd != -1)
		close(fd);
	if (res != NULL)
		freeaddrinfo(res);
	return NULL;
}

void
udp_drain(struct udp *u)
{
	/* Each call reads at most UDP_ROUNDS_MAX batches: loop until empty. */
	do
		udp_read_cb(u->fd, EV_READ, u);
	while (udp_pending(u->fd));
}

void
udp_set_allow(struct udp *u, const struct acl *allow)
{
	u->allow = allow;
}

void
udp_stop(struct udp *u)
{
	if (u != NULL && u->ev != NULL)
		event_del(u->ev);
}

void
udp_close(struct udp *u)
{
	if (u == NULL)
		return;
	if (u->ev != NULL)
		event_free(u->ev);
	close(u->fd);
	free(u->bufs);
	free(u);
}
