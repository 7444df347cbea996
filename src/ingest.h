/*
 * ingest.h: the one path every transport feeds. It checks the size and
 * the sender, parses and normalizes (record.c), counts, logs refusals
 * (rate-limited, naming the sender and the reason) and hands good records
 * to the writer's queue. It never blocks and never touches a database.
 * Called from the receive thread only.
 */
#ifndef MOSCDR_INGEST_H
#define MOSCDR_INGEST_H

#include <stddef.h>

#include "stats.h"

struct ingest;
struct queue;

/*
 * stats and queue are borrowed and must outlive the ingest.
 * default_node applies to messages without "node" when the transport
 * gives none.
 */
struct ingest *ingest_new(struct stats *stats, struct queue *queue,
    const char *default_node);
void ingest_free(struct ingest *ing);

struct journal;
/*
 * Writes every accepted message to j (borrowed) before queueing it; the
 * queue may then refuse it without loss (the writer reads it back).
 */
void ingest_set_journal(struct ingest *ing, struct journal *j);

struct auth;
/*
 * Requires messages over transport t to carry a valid signature (auth.h).
 * The ingest takes ownership of a. One verifier per transport, so the same
 * message sent over UDP and over evapi is not taken for a replay.
 */
void ingest_set_auth(struct ingest *ing, enum stats_transport t,
    struct auth *a);

/*
 * Counts a message from source refused before ingest_message (sender not
 * allowed, datagram truncated): received, dropped[why], one rate-limited
 * log line per reason (not per source: spoofed sources cannot multiply it).
 */
void ingest_drop(struct ingest *ing, enum stats_transport t,
    const char *source, enum stats_drop why);

/*
 * One message of len bytes at p (not NUL-terminated), received over
 * transport t from source, a printable sender such as "udp
 * 127.0.0.1:5060" or "evapi 127.0.0.1:8448". node, when not NULL,
 * replaces the configured default node for this message.
 * Returns 0 when queued, -1 when refused or dropped (already counted and
 * logged).
 */
int ingest_message(struct ingest *ing, enum stats_transport t,
    const char *source, const char *node, const char *p, size_t len);

#endif
