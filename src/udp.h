/*
 * udp.h: the UDP transport: one socket per configured address, drained in
 * batches with recvmmsg() from the receive thread's event loop.
 */
#ifndef MOSCDR_UDP_H
#define MOSCDR_UDP_H

struct acl;
struct event_base;
struct ingest;
struct udp;

/*
 * Binds address ("host:port", "[v6]:port"; port 0 picks one) with a
 * receive buffer of rcvbuf bytes and registers it with base. Logs
 * "listening on udp HOST:PORT" with the real port and the buffer size
 * granted. Datagrams from senders that allow (borrowed; NULL: anyone)
 * does not allow are dropped and counted. Returns NULL with a message in
 * err on failure.
 */
struct udp *udp_open(struct event_base *base, const char *address,
    int rcvbuf, const struct acl *allow, struct ingest *ing, char *err,
    size_t errlen);
/* Stops receiving: removes the event; the socket stays until udp_close. */
void udp_stop(struct udp *u);
/* Reads and ingests every datagram queued in the socket now. */
void udp_drain(struct udp *u);
void udp_close(struct udp *u);

#endif
