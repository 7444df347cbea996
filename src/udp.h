/*
 * udp.h: the UDP transport: one socket per configured address, drained in
 * batches with recvmmsg() from the receive thread's event loop.
 */
#ifndef MOSCDR_UDP_H
#define MOSCDR_UDP_H

#include <stdbool.h>
#include <stddef.h>

struct acl;
struct event_base;
struct ingest;
struct udp;

/* Most sockets taken from systemd. */
#define UDP_PASSED_MAX	16

/*
 * The sockets systemd passed (LISTEN_FDS for this pid), each claimed by
 * the configured address it is bound to. Invariant: fd[0..n) are the
 * passed descriptors; claimed[i] once udp_open() took fd[i].
 */
struct udp_passed {
	int fd[UDP_PASSED_MAX];
	bool claimed[UDP_PASSED_MAX];
	size_t n;
};

/*
 * Fills p with the sockets systemd passed (none: n = 0) and removes
 * LISTEN_* from the environment. Returns 0, or -1 with a message in err.
 */
int udp_passed_take(struct udp_passed *p, char *err, size_t errlen);
/*
 * Returns -1 with a message naming the socket in err when a passed socket
 * was claimed by no udp_open(), 0 otherwise.
 */
int udp_passed_check(const struct udp_passed *p, char *err, size_t errlen);

/*
 * Binds address ("host:port", "[v6]:port"; port 0 picks one) with a
 * receive buffer of rcvbuf bytes and registers it with base; when passed
 * (may be NULL) holds an unclaimed socket bound to that address, takes
 * that one instead of binding (and sets the same receive buffer on it).
 * Logs "listening on udp HOST:PORT" with the real port and the buffer size
 * granted. Datagrams from senders that allow (borrowed; NULL: anyone)
 * does not allow are dropped and counted. Returns NULL with a message in
 * err on failure.
 */
struct udp *udp_open(struct event_base *base, const char *address,
    int rcvbuf, const struct acl *allow, struct ingest *ing,
    struct udp_passed *passed, char *err, size_t errlen);
/* Replaces the allow list (borrowed; NULL: anyone). Call from the thread
 * of base's loop: the next datagram is checked against it. */
void udp_set_allow(struct udp *u, const struct acl *allow);
/* Stops receiving: removes the event; the socket stays until udp_close. */
void udp_stop(struct udp *u);
/* Reads and ingests every datagram queued in the socket now. */
void udp_drain(struct udp *u);
void udp_close(struct udp *u);

#endif
