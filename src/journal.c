/*
 * journal.c: implements journal.h. An entry is
 *   u32 crc32 of the rest of the entry (bytes 4 .. end)
 *   u32 node_len, u32 raw_len, u32 reserved (0)
 *   u64 seq, f64 received_at
 *   node bytes, raw bytes
 * and a segment is JOURNAL_MAGIC followed by entries.
 *
 * The segment list (first sequence number and size of each) is shared by
 * the producer (which adds segments), the writer (which reads and trims)
 * and the sync thread; the lock guards it and the swap of the segment
 * being written, and is never held across a read, write or fsync.
 */
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "journal.h"
#include "limits.h"
#include "log.h"
#include "queue.h"
#include "util.h"

#define JOURNAL_PREFIX	"j-"
#define JOURNAL_SUFFIX	".log"
#define JOURNAL_IDFILE	"journal.id"
#define JOURNAL_LOCK	".lock"
/* A new segment once the current one passes this size. */
#define JOURNAL_SEGMENT_MAX	(16u << 20)
#define JOURNAL_READ_CHUNK	(1u << 20)

struct journal_seg {
	uint64_t first;		/* sequence number of its first entry */
	uint64_t size;		/* bytes, as far as known */
};

/*
 * Invariants: segs[0 .. nsegs - 1] ascend by first; the last is the one
 * being written (cur_fd); every entry up to last_seq is completely
 * written; bytes is the sum of the sizes.
 */
struct journal {
	pthread_mutex_t lock;
	pthread_cond_t wake;	/* the sync thread's timer, and stop */
	char *dir;
	int dirfd;
	int lockfd;		/* holds the flock on JOURNAL_LOCK */
	char id[JOURNAL_ID_LEN + 1];
	uint64_t max_bytes;
	double sync_s;
	struct journal_seg *segs;
	size_t nsegs, cap;
	int *unsynced;		/* fds of finished segments to sync, close */
	size_t nunsynced;
	bool dir_dirty;		/* a segment was created since the sync */
	bool stop;
	pthread_t syncer;
	bool syncer_started;
	_Atomic uint64_t last_seq;
	_Atomic uint64_t synced_seq;
	_Atomic uint64_t bytes;
	/* The producer's own. */
	int cur_fd;
	uint64_t cur_size;
	uint64_t next_seq;
	char *wbuf;
	size_t wcap;
	/* The reader's own (the writer thread). */
	int rd_fd;
	uint64_t rd_first;	/* segment open for reading */
	uint64_t rd_next;	/* sequence number at rbuf[roff] */
	char *rbuf;
	size_t rlen, roff, rcap;
};

static uint32_t
journal_crc(const unsigned char *p, size_t len)
{
	return (uint32_t)crc32(crc32(0L, Z_NULL, 0), p, (uInt)len);
}

size_t
journal_encode(void *buf, uint64_t seq, double received_at, const char *node,
    size_t nodelen, const char *raw, size_t rawlen)
{
	unsigned char *b = buf;
	uint32_t nl = (uint32_t)nodelen, rl = (uint32_t)rawlen, zero = 0, crc;
	size_t len = JOURNAL_HDR_LEN + nodelen + rawlen;

	memcpy(b + 4, &nl, 4);
	memcpy(b + 8, &rl, 4);
	memcpy(b + 12, &zero, 4);
	memcpy(b + 16, &seq, 8);
	memcpy(b + 24, &received_at, 8);
	/* memcpy's pointers must be valid even for 0 bytes. */
	if (nodelen > 0)
		memcpy(b + JOURNAL_HDR_LEN, node, nodelen);
	if (rawlen > 0)
		memcpy(b + JOURNAL_HDR_LEN + nodelen, raw, rawlen);
	crc = journal_crc(b + 4, len - 4);
	memcpy(b, &crc, 4);
	return len;
}

ssize_t
journal_decode(const void *buf, size_t len, struct journal_entry *e)
{
	const unsigned char *b = buf;
	uint32_t crc, nl, rl, reserved;
	size_t total;

	if (len < JOURNAL_HDR_LEN)
		return 0;
	memcpy(&crc, b, 4);
	memcpy(&nl, b + 4, 4);
	memcpy(&rl, b + 8, 4);
	memcpy(&reserved, b + 12, 4);
	if (nl > NODE_LEN_MAX * 4 || rl > MESSAGE_MAX || reserved != 0)
		return -1;
	total = JOURNAL_HDR_LEN + (size_t)nl + rl;
	if (len < total)
		return 0;
	if (journal_crc(b + 4, total - 4) != crc)
		return -1;
	memcpy(&e->seq, b + 16, 8);
	memcpy(&e->received_at, b + 24, 8);
	if (e->seq == 0)
		return -1;
	e->node = (const char *)b + JOURNAL_HDR_LEN;
	e->nodelen = nl;
	e->raw = (const char *)b + JOURNAL_HDR_LEN + nl;
	e->rawlen = rl;
	return (ssize_t)total;
}

static void
journal_path(const struct journal *j, uint64_t first, char *buf, size_t len)
{
	snprintf(buf, len, "%s/" JOURNAL_PREFIX "%016" PRIu64 JOURNAL_SUFFIX,
	    j->dir, first);
}

/* Appends a segment to the list; lock held or not yet shared. */
static void
journal_track(struct journal *j, uint64_t first, uint64_t size)
{
	if (j->nsegs == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 16;
		j->segs = xrealloc(j->segs, j->cap * sizeof(*j->segs));
	}
	j->segs[j->nsegs].first = first;
	j->segs[j->nsegs].size = size;
	j->nsegs++;
	atomic_fetch_add(&j->bytes, size);
}

static int
journal_cmp_seg(const void *a, const void *b)
{
	uint64_t x = ((const struct journal_seg *)a)->first;
	uint64_t y = ((const struct journal_seg *)b)->first;

	return x < y ? -1 : x > y;
}

/*
 * Takes the journal's lock: an flock on JOURNAL_LOCK in dir, held as long
 * as the journal is open, with the holder's pid written in it. Two
 * daemons on one directory would number their entries alike. Returns the
 * lock's descriptor, or -1 with err filled.
 */
static int
journal_lock(const char *dir, char *err, size_t errlen)
{
	char path[4200], pid[32];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, JOURNAL_LOCK);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (fd == -1) {
		snprintf(err, errlen, "spool %s: not writable: %s: %s", dir,
		    path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		int saved = errno;

		n = pread(fd, pid, sizeof(pid) - 1, 0);
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		if (saved == EWOULDBLOCK)
			snprintf(err, errlen, "spool %s: in use by another "
			    "moscdrd (pid %s): each daemon needs its own "
			    "spool.dir", dir, pid[0] != '\0' ? pid : "unknown");
		else
			snprintf(err, errlen, "spool %s: cannot lock %s: %s",
			    dir, path, strerror(saved));
		close(fd);
		return -1;
	}
	n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == -1 || pwrite(fd, pid, (size_t)n, 0) != n) {
		snprintf(err, errlen, "spool %s: cannot write %s: %s", dir,
		    path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static int
journal_write_all(int fd, const void *p, size_t len)
{
	const char *c = p;
	ssize_t w;

	while (len > 0) {
		w = write(fd, c, len);
		if (w == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Reads journal.id, or makes a new identity when fresh is set or the
 * file is missing. */
static int
journal_load_id(struct journal *j, bool fresh, char *err, size_t errlen)
{
	unsigned char rnd[JOURNAL_ID_LEN / 2];
	char path[4200], tmp[4200];
	ssize_t r = -1;
	size_t i;
	int fd;

	snprintf(path, sizeof(path), "%s/" JOURNAL_IDFILE, j->dir);
	if (!fresh && (fd = open(path, O_RDONLY | O_CLOEXEC)) != -1) {
		r = read(fd, j->id, JOURNAL_ID_LEN);
		close(fd);
		j->id[JOURNAL_ID_LEN] = '\0';
		if (r == JOURNAL_ID_LEN &&
		    strspn(j->id, "0123456789abcdef") == JOURNAL_ID_LEN)
			return 0;
	}
	if (!fresh)
		log_warnx("journal %s: %s missing or unreadable: a new identity, "
		    "so its entries are all replayed (some may count twice)",
		    j->dir, JOURNAL_IDFILE);
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
		snprintf(err, errlen, "journal %s: no random identity: %s",
		    j->dir, strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof(rnd); i++)
		snprintf(j->id + 2 * i, 3, "%02x", rnd[i]);
	snprintf(tmp, sizeof(tmp), "%s/" JOURNAL_IDFILE ".tmp", j->dir);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd == -1 || journal_write_all(fd, j->id, JOURNAL_ID_LEN) == -1 ||
	    fsync(fd) == -1 || close(fd) == -1 || rename(tmp, path) == -1 ||
	    fsync(j->dirfd) == -1) {
		snprintf(err, errlen, "journal %s: %s: %s", j->dir,
		    JOURNAL_IDFILE, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Scans the newest segment: the sequence number after its last valid
 * entry, cutting whatever follows that (a write torn by a crash).
 */
static int
journal_recover_tail(struct journal *j, char *err, size_t errlen)
{
	struct journal_seg *s = &j->segs[j->nsegs - 1];
	struct journal_entry e;
	char path[4200], *buf;
	uint64_t next = s->first;
	struct stat st;
	size_t off = JOURNAL_MAGIC_LEN, len;
	ssize_t r;
	int fd;

	journal_path(j, s->first, path, sizeof(path));
	if ((fd = open(path, O_RDWR | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		snprintf(err, errlen, "journal %s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	len = (size_t)st.st_size;
	buf = xmalloc(len + 1);
	if (pread(fd, buf, len, 0) != (ssize_t)len) {
		snprintf(err, errlen, "journal %s: short read", path);
		free(buf);
		close(fd);
		return -1;
	}
	if (len < JOURNAL_MAGIC_LEN ||
	    memcmp(buf, JOURNAL_MAGIC, JOURNAL_MAGIC_LEN) != 0)
		off = 0;	/* not even the header: cut it all */
	else
		while ((r = journal_decode(buf + off, len - off, &e)) > 0 &&
		    e.seq == next) {
			off += (size_t)r;
			next++;
		}
	if (off < len) {
		log_warnx("journal %s: cut %zu bytes after its last complete "
		    "entry (a write cut short by a crash)", path, len - off);
		if (off == 0) {
			if (ftruncate(fd, 0) == -1 ||
			    pwrite(fd, JOURNAL_MAGIC, JOURNAL_MAGIC_LEN, 0) !=
			    JOURNAL_MAGIC_LEN)
				goto fail;
			off = JOURNAL_MAGIC_LEN;
		} else if (ftruncate(fd, (off_t)off) == -1)
			goto fail;
		fdatasync(fd);
		atomic_fetch_sub(&j->bytes, s->size - off);
		s->size = off;
	}
	free(buf);
	close(fd);
	j->next_seq = next;
	return 0;
fail:
	snprintf(err, errlen, "journal %s: %s", path, strerror(errno));
	free(buf);
	close(fd);
	return -1;
}

/* Creates the segment starting at next_seq and makes it current. */
static int
journal_new_segment(struct journal *j, char *err, size_t errlen)
{
	char path[4200];
	int fd, old;

	journal_path(j, j->next_seq, path, sizeof(path));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC,
	    0640);
	if (fd == -1 || journal_write_all(fd, JOURNAL_MAGIC,
	    JOURNAL_MAGIC_LEN) == -1) {
		snprintf(err, errlen, "journal %s: %s", path, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(path);
		}
		return -1;
	}
	pthread_mutex_lock(&j->lock);
	old = j->cur_fd;
	if (old != -1) {
		j->unsynced = xrealloc(j->unsynced, (j->nunsynced + 1) *
		    sizeof(*j->unsynced));
		j->unsynced[j->nunsynced++] = old;
	}
	j->cur_fd = fd;
	j->cur_size = JOURNAL_MAGIC_LEN;
	journal_track(j, j->next_seq, JOURNAL_MAGIC_LEN);
	j->dir_dirty = true;
	pthread_mutex_unlock(&j->lock);
	return 0;
}

static void *
journal_sync_main(void *arg)
{
	struct journal *j = arg;
	struct timespec t;

	pthread_mutex_lock(&j->lock);
	while (!j->stop) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		t.tv_sec += (time_t)j->sync_s;
		t.tv_nsec += (long)((j->sync_s - (double)(time_t)j->sync_s) *
		    1e9);
		if (t.tv_nsec >= 1000000000L) {
			t.tv_sec++;
			t.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&j->wake, &j->lock, &t);
		if (j->stop)
			break;
		pthread_mutex_unlock(&j->lock);
		journal_sync(j);
		pthread_mutex_lock(&j->lock);
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

int
journal_sync(struct journal *j)
{
	uint64_t upto = atomic_load(&j->last_seq);
	int *fds, fd, rc = 0;
	size_t n, i;
	bool dirty;

	pthread_mutex_lock(&j->lock);
	fds = j->unsynced;
	n = j->nunsynced;
	j->unsynced = NULL;
	j->nunsynced = 0;
	dirty = j->dir_dirty;
	j->dir_dirty = false;
	fd = j->cur_fd != -1 ? dup(j->cur_fd) : -1;
	pthread_mutex_unlock(&j->lock);
	for (i = 0; i < n; i++) {
		if (fdatasync(fds[i]) == -1)
			rc = -1;
		close(fds[i]);
	}
	free(fds);
	if (fd != -1) {
		if (fdatasync(fd) == -1)
			rc = -1;
		close(fd);
	}
	if (dirty && fsync(j->dirfd) == -1)
		rc = -1;
	if (rc == 0)
		atomic_store(&j->synced_seq, upto);
	return rc;
}

/*
 * A segment of the spool of the first release: sixteen digits and
 * ".seg". This journal does not read that format.
 */
static bool
journal_is_old_segment(const char *name)
{
	size_t i;

	for (i = 0; i < 16; i++)
		if (name[i] < '0' || name[i] > '9')
			return false;
	return strcmp(name + 16, ".seg") == 0;
}

struct journal *
journal_open(const char *dir, uint64_t max_bytes, double sync_s, char *err,
    size_t errlen)
{
	size_t old = 0;
	struct journal *j;
	struct dirent *de;
	struct stat st;
	DIR *d;
	char path[4200];

	/* The directory itself may be made here, not its parents: a
	 * missing parent is a mistake in the configuration. */
	if (mkdir(dir, 0750) == -1 && errno != EEXIST) {
		snprintf(err, errlen, "spool %s: cannot create the directory: "
		    "%s", dir, strerror(errno));
		return NULL;
	}
	j = xcalloc(1, sizeof(*j));
	pthread_mutex_init(&j->lock, NULL);
	{
		pthread_condattr_t ca;

		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&j->wake, &ca);
		pthread_condattr_destroy(&ca);
	}
	j->dir = xstrdup(dir);
	j->max_bytes = max_bytes;
	j->sync_s = sync_s > 0 ? sync_s : 1.0;
	j->cur_fd = j->rd_fd = j->lockfd = -1;
	j->next_seq = 1;
	j->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (j->dirfd == -1) {
		snprintf(err, errlen, "spool %s: %s", dir, strerror(errno));
		journal_close(j);
		return NULL;
	}
	if (access(dir, W_OK | X_OK) == -1) {
		snprintf(err, errlen, "spool %s: not writable by uid %u: %s",
		    dir, (unsigned)geteuid(), strerror(errno));
		journal_close(j);
		return NULL;
	}
	if ((j->lockfd = journal_lock(dir, err, errlen)) == -1) {
		journal_close(j);
		return NULL;
	}
	if ((d = fdopendir(dup(j->dirfd))) == NULL) {
		snprintf(err, errlen, "spool %s: %s", dir, strerror(errno));
		journal_close(j);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		char *end;
		uint64_t first;

		if (journal_is_old_segment(de->d_name))
			old++;
		if (strncmp(de->d_name, JOURNAL_PREFIX,
		    strlen(JOURNAL_PREFIX)) != 0)
			continue;
		first = strtoull(de->d_name + strlen(JOURNAL_PREFIX), &end, 10);
		if (end == de->d_name + strlen(JOURNAL_PREFIX) || first == 0 ||
		    strcmp(end, JOURNAL_SUFFIX) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &st) == -1)
			continue;
		journal_track(j, first, (uint64_t)st.st_size);
	}
	closedir(d);
	if (old > 0) {
		snprintf(err, errlen, "spool %s: holds %zu segment(s) of the "
		    "previous release's spool (NNNNNNNNNNNNNNNN.seg), which this "
		    "moscdrd does not read: start the previous moscdrd until "
		    "they are gone (it replays them), then this one; refusing "
		    "to start so that they are not lost", dir, old);
		journal_close(j);
		return NULL;
	}
	if (j->nsegs > 1)
		qsort(j->segs, j->nsegs, sizeof(*j->segs), journal_cmp_seg);
	/* No segment: a new journal, with a new identity, so that its
	 * sequence numbers are never confused with an earlier one's. */
	if (journal_load_id(j, j->nsegs == 0, err, errlen) == -1 ||
	    (j->nsegs > 0 && journal_recover_tail(j, err, errlen) == -1)) {
		journal_close(j);
		return NULL;
	}
	atomic_store(&j->last_seq, j->next_seq - 1);
	atomic_store(&j->synced_seq, j->next_seq - 1);
	if (j->nsegs > 0 && j->segs[j->nsegs - 1].first == j->next_seq &&
	    j->segs[j->nsegs - 1].size <= JOURNAL_MAGIC_LEN) {
		/* The newest segment is empty: write on into it. */
		journal_path(j, j->next_seq, path, sizeof(path));
		j->cur_fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
		j->cur_size = j->segs[j->nsegs - 1].size;
	}
	if (j->cur_fd == -1 && journal_new_segment(j, err, errlen) == -1) {
		journal_close(j);
		return NULL;
	}
	if (pthread_create(&j->syncer, NULL, journal_sync_main, j) != 0) {
		snprintf(err, errlen, "journal %s: cannot start the sync thread",
		    dir);
		journal_close(j);
		return NULL;
	}
	j->syncer_started = true;
	return j;
}

void
journal_close(struct journal *j)
{
	size_t i;

	if (j == NULL)
		return;
	if (j->syncer_started) {
		pthread_mutex_lock(&j->lock);
		j->stop = true;
		pthread_cond_signal(&j->wake);
		pthread_mutex_unlock(&j->lock);
		pthread_join(j->syncer, NULL);
		journal_sync(j);
	}
	for (i = 0; i < j->nunsynced; i++)
		close(j->unsynced[i]);
	free(j->unsynced);
	if (j->cur_fd != -1)
		close(j->cur_fd);
	if (j->rd_fd != -1)
		close(j->rd_fd);
	if (j->dirfd != -1)
		close(j->dirfd);
	if (j->lockfd != -1)
		close(j->lockfd);
	pthread_cond_destroy(&j->wake);
	pthread_mutex_destroy(&j->lock);
	free(j->segs);
	free(j->wbuf);
	free(j->rbuf);
	free(j->dir);
	free(j);
}

const char *
journal_id(const struct journal *j)
{
	return j->id;
}

const char *
journal_dir(const struct journal *j)
{
	return j->dir;
}

int
journal_append(struct journal *j, const char *node, const char *raw,
    size_t rawlen, double received_at, uint64_t *seq, char *err,
    size_t errlen)
{
	size_t nl = strlen(node), need = JOURNAL_HDR_LEN + nl + rawlen;
	ssize_t w;

	if (nl > NODE_LEN_MAX * 4 || rawlen > MESSAGE_MAX) {
		snprintf(err, errlen, "message too large for the journal");
		return -1;
	}
	if (j->max_bytes > 0 && atomic_load(&j->bytes) + need > j->max_bytes) {
		snprintf(err, errlen, "spool directory full: %s reached its "
		    "cap of %" PRIu64 " bytes", j->dir, j->max_bytes);
		return -1;
	}
	if (j->cur_fd == -1 || (j->cur_size + need > JOURNAL_SEGMENT_MAX &&
	    j->cur_size > JOURNAL_MAGIC_LEN)) {
		if (journal_new_segment(j, err, errlen) == -1)
			return -1;
	}
	if (need > j->wcap) {
		j->wcap = need + 4096;
		j->wbuf = xrealloc(j->wbuf, j->wcap);
	}
	journal_encode(j->wbuf, j->next_seq, received_at, node, nl, raw, rawlen);
	do
		w = write(j->cur_fd, j->wbuf, need);
	while (w == -1 && errno == EINTR);
	if (w != (ssize_t)need) {
		int e = w == -1 ? errno : ENOSPC;

		/* Take back a partial entry so that the segment stays whole. */
		if (w > 0 && ftruncate(j->cur_fd, (off_t)j->cur_size) == -1) {
			/* The next entry must not follow the torn one: it
			 * goes to a new segment. */
			pthread_mutex_lock(&j->lock);
			close(j->cur_fd);
			j->cur_fd = -1;
			pthread_mutex_unlock(&j->lock);
		}
		snprintf(err, errlen, "%s: %s", e == ENOSPC || e == EDQUOT ?
		    "spool directory full" : e == EACCES || e == EROFS ||
		    e == EPERM || e == EBADF ? "spool directory not writable" :
		    "spool write failed", strerror(e));
		return -1;
	}
	j->cur_size += need;
	pthread_mutex_lock(&j->lock);
	j->segs[j->nsegs - 1].size = j->cur_size;
	pthread_mutex_unlock(&j->lock);
	atomic_fetch_add(&j->bytes, need);
	*seq = j->next_seq++;
	atomic_store_explicit(&j->last_seq, *seq, memory_order_release);
	return 0;
}

uint64_t
journal_last_seq(struct journal *j)
{
	return atomic_load_explicit(&j->last_seq, memory_order_acquire);
}

uint64_t
journal_synced_seq(struct journal *j)
{
	return atomic_load(&j->synced_seq);
}

uint64_t
journal_first_seq(struct journal *j)
{
	uint64_t f;

	pthread_mutex_lock(&j->lock);
	f = j->nsegs > 0 ? j->segs[0].first : j->next_seq;
	pthread_mutex_unlock(&j->lock);
	return f;
}

uint64_t
journal_bytes(struct journal *j)
{
	return atomic_load(&j->bytes);
}

size_t
journal_segments(struct journal *j)
{
	size_t n;

	pthread_mutex_lock(&j->lock);
	n = j->nsegs;
	pthread_mutex_unlock(&j->lock);
	return n;
}

/*
 * The segment holding seq: its first sequence number in *first, and the
 * next segment's in *next (0: none). false when seq is before the oldest.
 */
static bool
journal_find(struct journal *j, uint64_t seq, uint64_t *first, uint64_t *next)
{
	bool found = false;
	size_t i;

	*next = 0;
	*first = 0;
	pthread_mutex_lock(&j->lock);
	for (i = j->nsegs; i > 0; i--)
		if (j->segs[i - 1].first <= seq) {
			*first = j->segs[i - 1].first;
			*next = i < j->nsegs ? j->segs[i].first : 0;
			found = true;
			break;
		}
	if (!found && j->nsegs > 0) {
		*first = j->segs[0].first;
		*next = j->nsegs > 1 ? j->segs[1].first : 0;
	}
	pthread_mutex_unlock(&j->lock);
	return found;
}

/* Opens segment first for reading; false with err when it cannot. */
static bool
journal_rd_open(struct journal *j, uint64_t first, char *err, size_t errlen)
{
	char path[4200], magic[JOURNAL_MAGIC_LEN];

	if (j->rd_fd != -1)
		close(j->rd_fd);
	j->rd_first = first;
	j->rd_next = first;
	j->rlen = j->roff = 0;
	journal_path(j, first, path, sizeof(path));
	j->rd_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (j->rd_fd == -1 || read(j->rd_fd, magic, sizeof(magic)) !=
	    (ssize_t)sizeof(magic) || memcmp(magic, JOURNAL_MAGIC,
	    JOURNAL_MAGIC_LEN) != 0) {
		snprintf(err, errlen, "journal %s: %s", path, j->rd_fd == -1 ?
		    strerror(errno) : "not a journal segment");
		if (j->rd_fd != -1)
			close(j->rd_fd);
		j->rd_fd = -1;
		return false;
	}
	return true;
}

/* Reads more of the open segment into rbuf; false at its end. */
static bool
journal_rd_fill(struct journal *j)
{
	ssize_t r;

	if (j->roff > 0) {
		memmove(j->rbuf, j->rbuf + j->roff, j->rlen - j->roff);
		j->rlen -= j->roff;
		j->roff = 0;
	}
	if (j->rcap - j->rlen < JOURNAL_READ_CHUNK / 2) {
		j->rcap = j->rlen + JOURNAL_READ_CHUNK;
		j->rbuf = xrealloc(j->rbuf, j->rcap);
	}
	do
		r = read(j->rd_fd, j->rbuf + j->rlen, j->rcap - j->rlen);
	while (r == -1 && errno == EINTR);
	if (r <= 0)
		return false;
	j->rlen += (size_t)r;
	return true;
}

size_t
journal_read(struct journal *j, uint64_t from, uint64_t upto, size_t max,
    struct queue_item **list, uint64_t *lost, char *err, size_t errlen)
{
	struct queue_item *head = NULL, **tail = &head, *it;
	struct journal_entry e;
	uint64_t first, next;
	size_t n = 0;
	ssize_t r;

	*lost = 0;
	*list = NULL;
	if (upto > journal_last_seq(j))
		upto = journal_last_seq(j);
	while (n < max && from <= upto) {
		/* Position on the segment holding from. */
		if (!journal_find(j, from, &first, &next)) {
			if (first == 0 || first > upto) {
				*lost += upto + 1 - from;
				snprintf(err, errlen, "journal %s: entries %"
				    PRIu64 " to %" PRIu64 " missing", j->dir,
				    from, upto);
				break;
			}
			/* Before the oldest segment: those are gone. */
			*lost += first - from;
			snprintf(err, errlen, "journal %s: entries %" PRIu64
			    " to %" PRIu64 " missing", j->dir, from, first - 1);
			from = first;
		}
		if (j->rd_fd == -1 || j->rd_first != first || from < j->rd_next)
			if (!journal_rd_open(j, first, err, errlen)) {
				/* The whole segment is unreadable. */
				uint64_t end = next != 0 ? next : upto + 1;

				*lost += end - from;
				from = end;
				continue;
			}
		r = journal_decode(j->rbuf + j->roff, j->rlen - j->roff, &e);
		if (r == 0) {
			if (journal_rd_fill(j))
				continue;
			/* The segment ends before from. */
			if (next != 0 && next > from) {
				snprintf(err, errlen, "journal %s: segment %"
				    PRIu64 " ends at entry %" PRIu64 ", before "
				    "%" PRIu64, j->dir, first, j->rd_next,
				    next);
				*lost += next - from;
				from = next;
				continue;
			}
			/* The segment being written, read up to its end. */
			snprintf(err, errlen, "journal %s: segment %" PRIu64
			    " ends at entry %" PRIu64 ", before %" PRIu64,
			    j->dir, first, j->rd_next, upto);
			*lost += upto + 1 - from;
			from = upto + 1;
			break;
		}
		if (r < 0 || e.seq != j->rd_next) {
			uint64_t end = next != 0 ? next : upto + 1;

			snprintf(err, errlen, "journal %s: segment %" PRIu64
			    " corrupt at entry %" PRIu64 "; skipping to %"
			    PRIu64, j->dir, first, j->rd_next, end);
			if (end > from)
				*lost += end - from;
			from = end;
			close(j->rd_fd);
			j->rd_fd = -1;
			continue;
		}
		j->roff += (size_t)r;
		j->rd_next = e.seq + 1;
		if (e.seq < from)
			continue;
		it = xcalloc(1, sizeof(*it));
		it->seq = e.seq;
		it->received_at = e.received_at;
		it->node = xstrndup(e.node, e.nodelen);
		it->raw = xmemdup(e.raw, e.rawlen);
		it->rawlen = e.rawlen;
		it->received_mono = util_monotonic();
		*tail = it;
		tail = &it->next;
		n++;
		from = e.seq + 1;
	}
	*list = head;
	return n;
}

size_t
journal_trim(struct journal *j, uint64_t applied)
{
	uint64_t *gone = NULL, size = 0;
	char path[4200];
	size_t ngone = 0, i, failed = 0;

	pthread_mutex_lock(&j->lock);
	while (j->nsegs >= 2 && j->segs[1].first <= applied + 1) {
		gone = xrealloc(gone, (ngone + 1) * sizeof(*gone));
		gone[ngone++] = j->segs[0].first;
		size += j->segs[0].size;
		memmove(j->segs, j->segs + 1, (j->nsegs - 1) * sizeof(*j->segs));
		j->nsegs--;
	}
	pthread_mutex_unlock(&j->lock);
	atomic_fetch_sub(&j->bytes, size);
	for (i = 0; i < ngone; i++) {
		if (gone[i] == j->rd_first && j->rd_fd != -1) {
			close(j->rd_fd);
			j->rd_fd = -1;
		}
		journal_path(j, gone[i], path, sizeof(path));
		if (unlink(path) == -1 && errno != ENOENT) {
			log_limited(LOG_ERR, "journal trim", "journal: cannot "
			    "delete %s: %s (its entries are applied and are "
			    "skipped)", path, strerror(errno));
			failed++;
		}
	}
	free(gone);
	return failed;
}
