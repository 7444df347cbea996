/*
 * spool.h: the durable on-disk spool that holds received messages while
 * the database cannot take them, and gives them back in order.
 *
 * A spool is a directory of segment files named by a growing 16-digit
 * sequence number, "0000000000000042.seg". A segment is written whole:
 * to a temporary file, fsync(), rename(), fsync() of the directory, so
 * after a crash a segment is either complete or absent. What is stored
 * is the raw message with its receive time and default node, exactly as
 * received, so a replay parses it with the same code.
 * Used by the writer thread and its overflow thread: every function
 * takes the spool's lock, so the two may call them at the same time.
 */
#ifndef MOSCDR_SPOOL_H
#define MOSCDR_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct queue_item;
struct spool;

/*
 * Creates dir if missing (not its parents), refuses it when it is not
 * writable, locks it (flock on dir/.lock, holding this process's pid:
 * a second daemon on the same directory is refused, named by that pid),
 * removes leftover temporary files, and counts the segments already
 * there (they are replayed first). max_bytes caps the total size of
 * the segments (0: no cap). The lock lasts until spool_close.
 */
struct spool *spool_open(const char *dir, uint64_t max_bytes, char *err,
    size_t errlen);
void spool_close(struct spool *sp);

/*
 * Writes the items of the list (their raw, node and received_at) as one
 * segment. Items that would take the spool over its cap are not written:
 * their number goes to *dropped. Returns 0 when the segment is durable
 * (or nothing fitted), -1 on an I/O error with err filled (nothing
 * written; the caller counts the items as lost).
 */
int spool_append(struct spool *sp, struct queue_item *list,
    size_t *dropped, char *err, size_t errlen);

bool spool_is_empty(struct spool *sp);
uint64_t spool_bytes(struct spool *sp);
size_t spool_segments(struct spool *sp);

/*
 * Reads the oldest segment into a new list of items (rec is NULL: the
 * caller parses raw) and its id. Returns 1 with a list, 0 when the spool
 * is empty, -1 when the segment is unreadable (it is renamed *.bad, err
 * says why; call again for the next).
 */
int spool_read_oldest(struct spool *sp, struct queue_item **list,
    size_t *n, uint64_t *id, char *err, size_t errlen);

/* Deletes segment id once all it held is committed. */
int spool_remove(struct spool *sp, uint64_t id);

#endif
