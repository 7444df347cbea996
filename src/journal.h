/*
 * journal.h: the append-only journal every accepted message is written to
 * before it enters the writer's in-memory queue, and the only place a
 * message waits on disk (it replaces a separate spool: when the database
 * is slow or away, the queue simply lets go of what it cannot hold and
 * the writer reads it back from here).
 *
 * A journal is a directory of segment files, "j-<first seq>.log" with the
 * 16-digit sequence number of their first entry, plus "journal.id", a
 * random identity written once. Every entry carries its sequence number,
 * contiguous across segments and restarts; the writer records in the
 * database, in the same transaction as the rows, the last sequence number
 * it applied under the journal's identity, so a replay after any crash
 * starts exactly after the last committed entry: nothing twice, nothing
 * skipped.
 *
 * An entry is one plain write() (no fsync), so a killed process loses
 * nothing written; a thread of the journal calls fdatasync() every
 * sync interval, so a machine crash loses at most that interval. Each
 * entry has a CRC-32, so a torn tail after a crash is found and cut.
 *
 * Threads: journal_append() from the receive thread only (one producer),
 * journal_read() and journal_trim() from the writer thread only (one
 * consumer); the rest from any thread.
 */
#ifndef MOSCDR_JOURNAL_H
#define MOSCDR_JOURNAL_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct queue_item;
struct journal;

/* Entry layout (little-endian as this host writes it), then node, raw. */
#define JOURNAL_HDR_LEN	32
#define JOURNAL_MAGIC	"MOSCDRJ1"
#define JOURNAL_MAGIC_LEN 8
#define JOURNAL_ID_LEN	32	/* hex characters */

/* One decoded entry; node and raw point into the decoded buffer. */
struct journal_entry {
	uint64_t seq;
	double received_at;
	const char *node;
	size_t nodelen;
	const char *raw;
	size_t rawlen;
};

/*
 * Decodes the entry at the start of buf (len bytes, read from disk, so
 * untrusted). Returns the bytes it takes (> 0) with *e filled, 0 when buf
 * holds only the beginning of an entry, -1 when the bytes are not a valid
 * entry (bad CRC, impossible lengths).
 */
ssize_t journal_decode(const void *buf, size_t len, struct journal_entry *e);

/* Encodes an entry into buf (JOURNAL_HDR_LEN + nodelen + rawlen bytes). */
size_t journal_encode(void *buf, uint64_t seq, double received_at,
    const char *node, size_t nodelen, const char *raw, size_t rawlen);

/*
 * Opens (creating dir if missing) the journal: checks the newest segment
 * and cuts a torn tail, starts a new segment after the last entry, and
 * starts the sync thread (every sync_s seconds). max_bytes caps the
 * segments' total size (0: no cap). Returns NULL with err filled.
 */
struct journal *journal_open(const char *dir, uint64_t max_bytes,
    double sync_s, char *err, size_t errlen);
/* Syncs, stops the sync thread, closes. NULL is a no-op. */
void journal_close(struct journal *j);

const char *journal_id(const struct journal *j);
const char *journal_dir(const struct journal *j);

/*
 * Appends one message and sets *seq to its sequence number. Returns 0, or
 * -1 with err naming the cause ("spool directory full", "not writable",
 * ...): nothing was written and the message has no sequence number.
 */
int journal_append(struct journal *j, const char *node, const char *raw,
    size_t rawlen, double received_at, uint64_t *seq, char *err,
    size_t errlen);

/* Last sequence number completely written (0: none yet). */
uint64_t journal_last_seq(struct journal *j);
/* Sequence number of the oldest entry still on disk. */
uint64_t journal_first_seq(struct journal *j);
uint64_t journal_bytes(struct journal *j);
size_t journal_segments(struct journal *j);
/* Last sequence number known to be on stable storage (fdatasync). */
uint64_t journal_synced_seq(struct journal *j);

/*
 * Reads up to max entries with sequence numbers from..upto (upto at most
 * journal_last_seq()) into a new list of items in order (rec NULL, seq
 * set). Sequence numbers that cannot be read (a corrupt or missing
 * segment) are skipped and counted in *lost, with err saying why.
 * Returns how many items.
 */
size_t journal_read(struct journal *j, uint64_t from, uint64_t upto,
    size_t max, struct queue_item **list, uint64_t *lost, char *err,
    size_t errlen);

/*
 * Deletes the segments whose every entry is at or before applied (never
 * the one being written). Returns how many could not be deleted (they
 * stay on disk and are skipped by sequence number at the next start).
 */
size_t journal_trim(struct journal *j, uint64_t applied);

/* fdatasync() of everything written so far; 0 or -1 (errno). */
int journal_sync(struct journal *j);

#endif
