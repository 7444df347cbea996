/*
 * spool.c: implements spool.h with one file per segment. The format of a
 * segment ("MOSCDRS1" then entries, little-endian as written by this
 * host) is: u32 node_len, u32 raw_len, f64 received_at, node bytes, raw
 * bytes. Segments are never appended to once renamed into place.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limits.h"
#include "queue.h"
#include "spool.h"
#include "util.h"

#define SPOOL_MAGIC	"MOSCDRS1"
#define SPOOL_MAGIC_LEN	8
#define SPOOL_SUFFIX	".seg"
#define SPOOL_TMP	"tmp-"
#define SPOOL_LOCK	".lock"	/* not a segment name */
#define SPOOL_HDR_LEN	(4 + 4 + 8)

/*
 * Invariant: ids holds the ids of the segments on disk in ascending
 * order, from ids[first] to ids[n - 1]; bytes is their total size.
 */
struct spool {
	pthread_mutex_t lock;	/* the writer and its overflow thread */
	char *dir;
	int dirfd;
	int lockfd;		/* holds the flock on SPOOL_LOCK */
	uint64_t max_bytes;
	uint64_t bytes;
	uint64_t next_id;
	uint64_t *ids;
	uint64_t *sizes;
	size_t first, n, cap;
};

static void
spool_path(const struct spool *sp, uint64_t id, const char *prefix, char *buf,
    size_t len)
{
	snprintf(buf, len, "%s/%s%016" PRIu64 "%s", sp->dir, prefix, id,
	    prefix[0] == '\0' ? SPOOL_SUFFIX : "");
}

static int
spool_cmp_id(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
spool_track(struct spool *sp, uint64_t id, uint64_t size)
{
	if (sp->n == sp->cap) {
		/* Compact what was already removed before growing. */
		if (sp->first > 0) {
			memmove(sp->ids, sp->ids + sp->first,
			    (sp->n - sp->first) * sizeof(*sp->ids));
			memmove(sp->sizes, sp->sizes + sp->first,
			    (sp->n - sp->first) * sizeof(*sp->sizes));
			sp->n -= sp->first;
			sp->first = 0;
		}
		if (sp->n == sp->cap) {
			sp->cap = sp->cap ? sp->cap * 2 : 64;
			sp->ids = xrealloc(sp->ids, sp->cap * sizeof(*sp->ids));
			sp->sizes = xrealloc(sp->sizes,
			    sp->cap * sizeof(*sp->sizes));
		}
	}
	sp->ids[sp->n] = id;
	sp->sizes[sp->n] = size;
	sp->n++;
	sp->bytes += size;
}

/*
 * Takes the spool's lock: an flock on SPOOL_LOCK in dir, held as long as
 * the spool is open, with the holder's pid written in it. Two daemons
 * on one spool would pick the same segment names and overwrite each
 * other's records. Returns the lock's descriptor, or -1 with err filled.
 */
static int
spool_lock(const char *dir, char *err, size_t errlen)
{
	char path[4200], pid[32];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, SPOOL_LOCK);
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

struct spool *
spool_open(const char *dir, uint64_t max_bytes, char *err, size_t errlen)
{
	struct spool *sp;
	struct dirent *de;
	struct stat st;
	DIR *d;
	char path[4200];
	uint64_t id;
	size_t i;

	/* The directory itself may be made here, not its parents: a
	 * missing parent is a mistake in the configuration. */
	if (mkdir(dir, 0750) == -1 && errno != EEXIST) {
		snprintf(err, errlen, "spool %s: cannot create the directory: "
		    "%s", dir, strerror(errno));
		return NULL;
	}
	sp = xcalloc(1, sizeof(*sp));
	pthread_mutex_init(&sp->lock, NULL);
	sp->dir = xstrdup(dir);
	sp->max_bytes = max_bytes;
	sp->next_id = 1;
	sp->lockfd = -1;
	sp->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (sp->dirfd == -1) {
		snprintf(err, errlen, "spool %s: %s", dir, strerror(errno));
		spool_close(sp);
		return NULL;
	}
	if (access(dir, W_OK | X_OK) == -1) {
		snprintf(err, errlen, "spool %s: not writable by uid %u: %s",
		    dir, (unsigned)geteuid(), strerror(errno));
		spool_close(sp);
		return NULL;
	}
	if ((sp->lockfd = spool_lock(dir, err, errlen)) == -1) {
		spool_close(sp);
		return NULL;
	}
	if ((d = fdopendir(dup(sp->dirfd))) == NULL) {
		snprintf(err, errlen, "spool %s: %s", dir, strerror(errno));
		spool_close(sp);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		char *end;

		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (strncmp(de->d_name, SPOOL_TMP, strlen(SPOOL_TMP)) == 0) {
			/* A segment whose write never completed. */
			unlink(path);
			continue;
		}
		id = strtoull(de->d_name, &end, 10);
		if (end == de->d_name || strcmp(end, SPOOL_SUFFIX) != 0)
			continue;
		if (stat(path, &st) == -1)
			continue;
		spool_track(sp, id, (uint64_t)st.st_size);
	}
	closedir(d);
	if (sp->n > 0) {
		/* Sort ids and sizes together: sort pairs by id. */
		uint64_t *pairs = xcalloc(sp->n * 2, sizeof(uint64_t));

		for (i = 0; i < sp->n; i++) {
			pairs[2 * i] = sp->ids[i];
			pairs[2 * i + 1] = sp->sizes[i];
		}
		qsort(pairs, sp->n, 2 * sizeof(uint64_t), spool_cmp_id);
		for (i = 0; i < sp->n; i++) {
			sp->ids[i] = pairs[2 * i];
			sp->sizes[i] = pairs[2 * i + 1];
		}
		free(pairs);
		sp->next_id = sp->ids[sp->n - 1] + 1;
	}
	return sp;
}

void
spool_close(struct spool *sp)
{
	if (sp == NULL)
		return;
	if (sp->dirfd != -1)
		close(sp->dirfd);
	if (sp->lockfd != -1)
		close(sp->lockfd);	/* releases the flock */
	pthread_mutex_destroy(&sp->lock);
	free(sp->ids);
	free(sp->sizes);
	free(sp->dir);
	free(sp);
}

static int
spool_write_all(int fd, const void *p, size_t len)
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

static int spool_append_locked(struct spool *sp, struct queue_item *list,
    size_t *dropped, char *err, size_t errlen);

int
spool_append(struct spool *sp, struct queue_item *list, size_t *dropped,
    char *err, size_t errlen)
{
	int rc;

	pthread_mutex_lock(&sp->lock);
	rc = spool_append_locked(sp, list, dropped, err, errlen);
	pthread_mutex_unlock(&sp->lock);
	return rc;
}

static int
spool_append_locked(struct spool *sp, struct queue_item *list,
    size_t *dropped, char *err, size_t errlen)
{
	char tmp[4200], final[4200];
	struct queue_item *it;
	uint64_t size = SPOOL_MAGIC_LEN, id;
	char *buf = NULL;
	size_t off = 0, cap = 0, written = 0;
	int fd = -1;

	*dropped = 0;
	for (it = list; it != NULL; it = it->next) {
		uint32_t nl = (uint32_t)strlen(it->node), rl = (uint32_t)it->rawlen;
		size_t need = SPOOL_HDR_LEN + nl + rl;

		if (sp->max_bytes > 0 &&
		    sp->bytes + size + need > sp->max_bytes) {
			(*dropped)++;
			continue;
		}
		if (off + need > cap) {
			cap = (off + need) * 2 + 4096;
			buf = xrealloc(buf, cap);
		}
		memcpy(buf + off, &nl, 4);
		memcpy(buf + off + 4, &rl, 4);
		memcpy(buf + off + 8, &it->received_at, 8);
		memcpy(buf + off + SPOOL_HDR_LEN, it->node, nl);
		memcpy(buf + off + SPOOL_HDR_LEN + nl, it->raw, rl);
		off += need;
		size += need;
		written++;
	}
	if (written == 0) {
		free(buf);
		return 0;
	}
	id = sp->next_id;
	spool_path(sp, id, SPOOL_TMP, tmp, sizeof(tmp));
	spool_path(sp, id, "", final, sizeof(final));
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd == -1)
		goto fail;
	if (spool_write_all(fd, SPOOL_MAGIC, SPOOL_MAGIC_LEN) == -1 ||
	    spool_write_all(fd, buf, off) == -1 || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, final) == -1)
		goto fail;
	fsync(sp->dirfd);
	sp->next_id++;
	spool_track(sp, id, size);
	free(buf);
	return 0;
fail:
	snprintf(err, errlen, "spool %s: %s", tmp, strerror(errno));
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(buf);
	*dropped = 0;
	return -1;
}

bool
spool_is_empty(struct spool *sp)
{
	bool e;

	pthread_mutex_lock(&sp->lock);
	e = sp->first == sp->n;
	pthread_mutex_unlock(&sp->lock);
	return e;
}

uint64_t
spool_bytes(struct spool *sp)
{
	uint64_t b;

	pthread_mutex_lock(&sp->lock);
	b = sp->bytes;
	pthread_mutex_unlock(&sp->lock);
	return b;
}

size_t
spool_segments(struct spool *sp)
{
	size_t n;

	pthread_mutex_lock(&sp->lock);
	n = sp->n - sp->first;
	pthread_mutex_unlock(&sp->lock);
	return n;
}

/* Moves an unreadable segment aside and forgets it. */
static void
spool_quarantine(struct spool *sp, const char *path)
{
	char bad[4300];

	snprintf(bad, sizeof(bad), "%s.bad", path);
	rename(path, bad);
	sp->bytes -= sp->sizes[sp->first];
	sp->first++;
}

static int spool_read_oldest_locked(struct spool *sp,
    struct queue_item **list, size_t *n, uint64_t *id, char *err,
    size_t errlen);

int
spool_read_oldest(struct spool *sp, struct queue_item **list, size_t *n,
    uint64_t *id, char *err, size_t errlen)
{
	int rc;

	pthread_mutex_lock(&sp->lock);
	rc = spool_read_oldest_locked(sp, list, n, id, err, errlen);
	pthread_mutex_unlock(&sp->lock);
	return rc;
}

static int
spool_read_oldest_locked(struct spool *sp, struct queue_item **list,
    size_t *n, uint64_t *id, char *err, size_t errlen)
{
	struct queue_item *head = NULL, **tail = &head, *it;
	char path[4200], *buf = NULL;
	struct stat st;
	size_t off, count = 0;
	ssize_t r;
	int fd;

	*list = NULL;
	*n = 0;
	if (sp->first == sp->n)
		return 0;
	*id = sp->ids[sp->first];
	spool_path(sp, *id, "", path, sizeof(path));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1) {
		snprintf(err, errlen, "spool %s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		spool_quarantine(sp, path);
		return -1;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	off = 0;
	while (off < (size_t)st.st_size) {
		r = read(fd, buf + off, (size_t)st.st_size - off);
		if (r <= 0) {
			if (r == -1 && errno == EINTR)
				continue;
			break;
		}
		off += (size_t)r;
	}
	close(fd);
	if (off != (size_t)st.st_size || off < SPOOL_MAGIC_LEN ||
	    memcmp(buf, SPOOL_MAGIC, SPOOL_MAGIC_LEN) != 0) {
		snprintf(err, errlen, "spool %s: not a spool segment; moved "
		    "to .bad", path);
		goto bad;
	}
	for (off = SPOOL_MAGIC_LEN; off < (size_t)st.st_size;) {
		uint32_t nl, rl;

		if ((size_t)st.st_size - off < SPOOL_HDR_LEN)
			goto corrupt;
		memcpy(&nl, buf + off, 4);
		memcpy(&rl, buf + off + 4, 4);
		if (nl > NODE_LEN_MAX * 4 || rl > MESSAGE_MAX ||
		    (size_t)st.st_size - off - SPOOL_HDR_LEN < (size_t)nl + rl)
			goto corrupt;
		it = xcalloc(1, sizeof(*it));
		memcpy(&it->received_at, buf + off + 8, 8);
		it->node = xstrndup(buf + off + SPOOL_HDR_LEN, nl);
		it->raw = xmemdup(buf + off + SPOOL_HDR_LEN + nl, rl);
		it->rawlen = rl;
		it->received_mono = util_monotonic();
		*tail = it;
		tail = &it->next;
		count++;
		off += SPOOL_HDR_LEN + nl + rl;
	}
	free(buf);
	*list = head;
	*n = count;
	return 1;
corrupt:
	snprintf(err, errlen, "spool %s: truncated or corrupt after %zu "
	    "records; moved to .bad", path, count);
bad:
	while (head != NULL) {
		it = head->next;
		queue_item_free(head);
		head = it;
	}
	free(buf);
	spool_quarantine(sp, path);
	return -1;
}

int
spool_remove(struct spool *sp, uint64_t id)
{
	char path[4200];
	int rc = -1;

	pthread_mutex_lock(&sp->lock);
	if (sp->first == sp->n || sp->ids[sp->first] != id)
		goto out;
	spool_path(sp, id, "", path, sizeof(path));
	if (unlink(path) == -1 && errno != ENOENT)
		goto out;
	sp->bytes -= sp->sizes[sp->first];
	sp->first++;
	rc = 0;
out:
	pthread_mutex_unlock(&sp->lock);
	return rc;
}
