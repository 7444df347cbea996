/*
 * udp.c: implements udp.h. Each readiness event drains the socket with
 * recvmmsg() in batches of UDP_BATCH_MAX, up to a bound per event so
 * one busy socket cannot starve the rest of the loop; every datagram goes
 * to ingest_message() with its sender as "udp ADDR:PORT".
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

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

struct udp *
udp_open(struct event_base *base, const char *address, int rcvbuf,
    const struct acl *allow, struct ingest *ing, char *err, size_t errlen)
{
	struct addrinfo hints, *res = NULL;
	struct sockaddr_storage bound;
	socklen_t blen = sizeof(bound);
	char host[256], port[16], name[80];
	struct udp *u = NULL;
	int fd = -1, on = 1, granted = 0, rc;
	socklen_t glen = sizeof(granted);

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
	fd = socket(res->ai_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0);
	if (fd == -1)
		goto fail_errno;
	if (res->ai_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
	/* No SO_REUSEADDR or SO_REUSEPORT: a second daemon on the same
	 * address must fail here, not share (or take) the traffic. */
	/* Beyond net.core.rmem_max only with CAP_NET_ADMIN (FORCE). */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
	    sizeof(rcvbuf)) == -1)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (bind(fd, res->ai_addr, res->ai_addrlen) == -1) {
		snprintf(err, errlen, "udp %s: cannot bind: %s%s", address,
		    strerror(errno), errno == EADDRINUSE ? " (another moscdrd "
		    "or another program listens there)" : "");
		goto fail;
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
	log_info("listening on %s (receive buffer %d bytes%s)", name, granted,
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
