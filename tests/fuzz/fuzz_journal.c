/*
 * fuzz_journal.c: the libFuzzer target for the journal's entry decoder,
 * which reads bytes from disk (a segment after a crash, a disk that
 * returns garbage).
 *
 * The input is decoded as a segment body, entry after entry, as the
 * reader does. Whatever the bytes: each decoded entry lies inside the
 * input, its lengths add up to what the decoder consumed, and encoding
 * it again gives exactly the bytes it was decoded from; decoding stops
 * at the first incomplete or invalid entry. Any violation aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct journal_entry e;
	unsigned char *again;
	size_t off = 0;
	ssize_t r;

	while (off < size) {
		r = journal_decode(data + off, size - off, &e);
		if (r <= 0)
			break;
		if ((size_t)r > size - off || e.seq == 0 ||
		    (size_t)r != JOURNAL_HDR_LEN + e.nodelen + e.rawlen ||
		    e.node != (const char *)data + off + JOURNAL_HDR_LEN ||
		    e.raw != e.node + e.nodelen)
			abort();
		again = malloc((size_t)r);
		if (again == NULL)
			abort();
		if (journal_encode(again, e.seq, e.received_at, e.node,
		    e.nodelen, e.raw, e.rawlen) != (size_t)r ||
		    memcmp(again, data + off, (size_t)r) != 0)
			abort();
		free(again);
		off += (size_t)r;
	}
	return 0;
}
