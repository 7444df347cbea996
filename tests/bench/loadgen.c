/*
 * loadgen.c: the benchmark's load generator; it sends realistic v1
 * messages to moscdrd and measures when each one becomes visible in the
 * database.
 *
 * Two transports: UDP datagrams (sendmmsg, up to LG_BATCH per call), or
 * Kamailio's side of evapi (loadgen listens on 127.0.0.1:PORT, waits for
 * moscdrd to connect and writes netstrings, as the evapi module does).
 * Rate: a token bucket at -r messages per second (bucket of LG_BATCH), or
 * flat out when -r is 0. Stops after -n messages or -s seconds.
 *
 * Latency is send -> commit, measured from outside the daemon: a poller
 * thread reads the rows added since the start (call_pk greater than the
 * largest one before the run) every LG_POLL_MS and notes when each call_id
 * first shows up; the call_id carries the message's sequence number, which
 * indexes the send times. Resolution is therefore LG_POLL_MS plus the query
 * time. Every message also carries "bench_sent_at" (unix seconds) which
 * the daemon keeps in call.extra, for inspection after the fact.
 *
 * Output: one line of key=value pairs on stdout (parsed by run.sh).
 * Exit status 0 unless something broke (never because of a timing).
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "benchmsg.h"

#define LG_BATCH	64	/* messages per sendmmsg() */
#define LG_POLL_MS	10
#define LG_CHUNK	65536	/* send times per allocated chunk */
#define LG_CHUNKS	16384	/* at most LG_CHUNK * LG_CHUNKS messages */
#define LG_POOL		1024	/* distinct message templates */

/* One prepared message; seq and sent-at digits are patched per send. */
struct lg_tmpl {
	char *buf;
	size_t len;
	size_t off_seq;
	size_t off_sent;
};

/* Reads new rows from the database; owned by the poller thread. */
struct lg_poller {
	const char *db;		/* "sqlite:PATH" or "pg:CONNINFO" */
	sqlite3 *lite;
	sqlite3_stmt *st;
	PGconn *pg;
	long long base_pk;	/* largest call_pk before the run */
	long long last_pk;
	char prefix[64];	/* "<prefix>-" */
	size_t prefix_len;
	uint64_t *lat_ns;	/* one per visible message */
	uint64_t *lat_seq;	/* the sequence number of each lat_ns */
	size_t nlat, caplat;
	uint64_t first_ns, last_ns;
	int error;
};

struct lg {
	/* settings */
	struct bm_gen gen;
	const char *udp_target;
	int evapi_port;
	double rate;
	double seconds;
	uint64_t count;
	double drain_wait;
	/* state */
	struct lg_tmpl pool[LG_POOL];
	size_t npool;
	_Atomic(uint64_t *) chunks[LG_CHUNKS];
	_Atomic uint64_t sent;
	_Atomic uint64_t visible;
	_Atomic bool stop;
	uint64_t t0_ns;
	uint64_t tend_ns;
	struct lg_poller poll;
	pthread_t poll_thread;
	bool polling;
};

static volatile sig_atomic_t lg_interrupted;

static void
lg_on_signal(int sig)
{
	(void)sig;
	lg_interrupted = 1;
}

static void
lg_die(const char *what)
{
	fprintf(stderr, "loadgen: %s\n", what);
	exit(1);
}

static void
lg_usage(void)
{
	fprintf(stderr,
	    "usage: loadgen (-u HOST:PORT | -e PORT) [-r RATE] [-s SECONDS]"
	    " [-n COUNT]\n"
	    "               [-p PREFIX] [-R RTP_PCT] [-M NOMOS_PCT]"
	    " [-D sqlite:PATH | -D pg:CONNINFO] [-w DRAIN_S]\n"
	    "  -r 0 sends flat out; -e listens on 127.0.0.1:PORT as"
	    " Kamailio's evapi\n");
	exit(2);
}

/* Records the send time of seq; allocates chunks as the run grows. */
static void
lg_mark_sent(struct lg *lg, uint64_t seq, uint64_t ns)
{
	uint64_t *c;
	size_t ci = (size_t)(seq / LG_CHUNK);

	c = atomic_load_explicit(&lg->chunks[ci], memory_order_acquire);
	if (c == NULL) {
		if ((c = calloc(LG_CHUNK, sizeof(*c))) == NULL)
			lg_die("out of memory");
		atomic_store_explicit(&lg->chunks[ci], c,
		    memory_order_release);
	}
	__atomic_store_n(&c[seq % LG_CHUNK], ns, __ATOMIC_RELEASE);
}

static uint64_t
lg_sent_at(struct lg *lg, uint64_t seq)
{
	uint64_t *c;

	c = atomic_load_explicit(&lg->chunks[seq / LG_CHUNK],
	    memory_order_acquire);
	return c == NULL ? 0 : __atomic_load_n(&c[seq % LG_CHUNK],
	    __ATOMIC_ACQUIRE);
}

static void
lg_build_pool(struct lg *lg)
{
	struct bm_msg *m;
	char *buf;
	size_t i, len;
	char key[128];
	char *p;

	if ((m = malloc(sizeof(*m))) == NULL || (buf = malloc(BM_JSON_MAX))
	    == NULL)
		lg_die("out of memory");
	lg->npool = LG_POOL;
	if (lg->count != 0 && lg->count < lg->npool)
		lg->npool = lg->count < LG_BATCH ? LG_BATCH : lg->count;
	for (i = 0; i < lg->npool; i++) {
		bm_build(&lg->gen, i, m);
		if ((len = bm_json(m, true, buf, BM_JSON_MAX)) == 0)
			lg_die("message template too large");
		snprintf(key, sizeof(key), "\"call_id\":\"%s-", lg->gen.prefix);
		if ((p = memmem(buf, len, key, strlen(key))) == NULL)
			lg_die("no call_id in template");
		lg->pool[i].off_seq = (size_t)(p - buf) + strlen(key);
		if ((p = memmem(buf, len, "\"bench_sent_at\":", 16)) == NULL)
			lg_die("no bench_sent_at in template");
		lg->pool[i].off_sent = (size_t)(p - buf) + 16;
		if ((lg->pool[i].buf = malloc(len)) == NULL)
			lg_die("out of memory");
		memcpy(lg->pool[i].buf, buf, len);
		lg->pool[i].len = len;
	}
	free(buf);
	free(m);
}

/* Writes seq and the send time into the template seq uses; returns it. */
static struct lg_tmpl *
lg_patch(struct lg *lg, uint64_t seq, double now)
{
	struct lg_tmpl *t = &lg->pool[seq % lg->npool];
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%0*llu", BM_SEQ_DIGITS,
	    (unsigned long long)seq);
	memcpy(t->buf + t->off_seq, tmp, BM_SEQ_DIGITS);
	snprintf(tmp, sizeof(tmp), "%0*.6f", BM_SENT_DIGITS, now);
	memcpy(t->buf + t->off_sent, tmp, BM_SENT_DIGITS);
	return t;
}

/*
 * How many messages may go now (token bucket of LG_BATCH). Sleeps briefly
 * when none may. A sender that fell behind does not burst to catch up by
 * more than one bucket.
 */
static size_t
lg_tokens(struct lg *lg, uint64_t sent, uint64_t *t0)
{
	uint64_t now = bm_mono_ns(), due, wait_ns;
	struct timespec ts;

	if (lg->rate <= 0)
		return LG_BATCH;
	due = (uint64_t)((double)(now - *t0) * lg->rate / 1e9);
	if (due > sent + LG_BATCH) {
		*t0 = now - (uint64_t)((double)(sent + LG_BATCH) * 1e9 /
		    lg->rate);
		due = sent + LG_BATCH;
	}
	if (due > sent)
		return (size_t)(due - sent);
	wait_ns = (uint64_t)((double)(sent + 1) * 1e9 / lg->rate) -
	    (now - *t0);
	ts.tv_sec = (time_t)(wait_ns / 1000000000ULL);
	ts.tv_nsec = (long)(wait_ns % 1000000000ULL);
	nanosleep(&ts, NULL);
	return 0;
}

static bool
lg_should_stop(struct lg *lg, uint64_t sent)
{
	if (lg_interrupted || (lg->count && sent >= lg->count))
		return true;
	if (lg->seconds > 0 && (double)(bm_mono_ns() - lg->t0_ns) / 1e9 >=
	    lg->seconds)
		return true;
	return false;
}

static int
lg_udp_socket(const char *target)
{
	struct sockaddr_in sin;
	char host[64];
	const char *colon;
	int fd, sz = 4 << 20;

	if ((colon = strrchr(target, ':')) == NULL ||
	    (size_t)(colon - target) >= sizeof(host))
		lg_die("bad -u HOST:PORT");
	memcpy(host, target, (size_t)(colon - target));
	host[colon - target] = '\0';
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)atoi(colon + 1));
	if (inet_pton(AF_INET, host, &sin.sin_addr) != 1)
		lg_die("bad -u address (IPv4 literal expected)");
	if ((fd = socket(AF_INET, SOCK_DGRAM, 0)) == -1)
		lg_die("socket");
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1)
		lg_die("connect");
	return fd;
}

static void
lg_send_udp(struct lg *lg)
{
	struct mmsghdr mm[LG_BATCH];
	struct iovec iov[LG_BATCH];
	uint64_t sent = 0, t0 = bm_mono_ns();
	size_t want, i;
	int fd, n;

	fd = lg_udp_socket(lg->udp_target);
	memset(mm, 0, sizeof(mm));
	lg->t0_ns = t0;
	while (!lg_should_stop(lg, sent)) {
		double wall = bm_now();
		uint64_t ns;

		if ((want = lg_tokens(lg, sent, &t0)) == 0)
			continue;
		if (want > LG_BATCH)
			want = LG_BATCH;
		if (lg->count && want > lg->count - sent)
			want = (size_t)(lg->count - sent);
		ns = bm_mono_ns();
		for (i = 0; i < want; i++) {
			struct lg_tmpl *t = lg_patch(lg, sent + i, wall);

			iov[i].iov_base = t->buf;
			iov[i].iov_len = t->len;
			mm[i].msg_hdr.msg_iov = &iov[i];
			mm[i].msg_hdr.msg_iovlen = 1;
			lg_mark_sent(lg, sent + i, ns);
		}
		if ((n = sendmmsg(fd, mm, (unsigned)want, 0)) == -1) {
			/* ECONNREFUSED: nobody listening; ENOBUFS: retry. */
			if (errno == EINTR || errno == ENOBUFS ||
			    errno == EAGAIN || errno == ECONNREFUSED)
				continue;
			lg_die("sendmmsg");
		}
		sent += (uint64_t)n;
		atomic_store(&lg->sent, sent);
	}
	lg->tend_ns = bm_mono_ns();
	close(fd);
}

/* Listens on 127.0.0.1:port and waits up to 60 s for moscdrd. */
static int
lg_evapi_accept(int port)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof(sin);
	struct pollfd pfd;
	int lfd, fd, one = 1;

	if ((lfd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		lg_die("socket");
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(lfd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(lfd, 4) == -1 ||
	    getsockname(lfd, (struct sockaddr *)&sin, &sl) == -1)
		lg_die("evapi bind/listen");
	fprintf(stderr, "loadgen: evapi listening on 127.0.0.1:%d\n",
	    ntohs(sin.sin_port));
	pfd.fd = lfd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 60000) != 1)
		lg_die("no evapi client connected within 60 s");
	if ((fd = accept(lfd, NULL, NULL)) == -1)
		lg_die("accept");
	close(lfd);
	return fd;
}

static void
lg_send_evapi(struct lg *lg)
{
	static char out[LG_BATCH * (BM_JSON_MAX + 16)];
	uint64_t sent = 0, t0;
	size_t want, i, len, off;
	ssize_t n;
	int fd;

	fd = lg_evapi_accept(lg->evapi_port);
	t0 = lg->t0_ns = bm_mono_ns();
	while (!lg_should_stop(lg, sent)) {
		double wall = bm_now();
		uint64_t ns;

		if ((want = lg_tokens(lg, sent, &t0)) == 0)
			continue;
		if (want > LG_BATCH)
			want = LG_BATCH;
		if (lg->count && want > lg->count - sent)
			want = (size_t)(lg->count - sent);
		ns = bm_mono_ns();
		for (i = len = 0; i < want; i++) {
			struct lg_tmpl *t = lg_patch(lg, sent + i, wall);

			len += (size_t)sprintf(out + len, "%zu:", t->len);
			memcpy(out + len, t->buf, t->len);
			len += t->len;
			out[len++] = ',';
			lg_mark_sent(lg, sent + i, ns);
		}
		/* Blocking, like the evapi module: a slow reader stalls us. */
		for (off = 0; off < len; off += (size_t)n)
			if ((n = write(fd, out + off, len - off)) == -1) {
				if (errno == EINTR)
					n = 0;
				else
					lg_die("evapi write");
			}
		sent += want;
		atomic_store(&lg->sent, sent);
	}
	lg->tend_ns = bm_mono_ns();
	/* Keep the connection until the drain is over (see main). */
	lg->evapi_port = fd;
}

static int
lg_poll_open(struct lg_poller *p)
{
	if (strncmp(p->db, "sqlite:", 7) == 0) {
		if (sqlite3_open_v2(p->db + 7, &p->lite, SQLITE_OPEN_READWRITE,
		    NULL) != SQLITE_OK)
			return -1;
		sqlite3_busy_timeout(p->lite, 2000);
		if (sqlite3_prepare_v2(p->lite, "SELECT call_pk, call_id FROM "
		    "call WHERE call_pk > ?1 ORDER BY call_pk", -1, &p->st, NULL)
		    != SQLITE_OK)
			return -1;
	} else if (strncmp(p->db, "pg:", 3) == 0) {
		p->pg = PQconnectdb(p->db + 3);
		if (PQstatus(p->pg) != CONNECTION_OK)
			return -1;
	} else
		return -1;
	return 0;
}

/*
 * Calls fn for every call row with call_pk > after, in call_pk order.
 * Returns the number of rows or -1.
 */
static long
lg_poll_rows(struct lg_poller *p, long long after,
    void (*fn)(void *, long long, const char *), void *arg)
{
	long n = 0;
	int rc, i;

	if (p->lite != NULL) {
		sqlite3_reset(p->st);
		sqlite3_bind_int64(p->st, 1, after);
		while ((rc = sqlite3_step(p->st)) == SQLITE_ROW) {
			fn(arg, sqlite3_column_int64(p->st, 0),
			    (const char *)sqlite3_column_text(p->st, 1));
			n++;
		}
		sqlite3_reset(p->st);
		return rc == SQLITE_DONE ? n : (rc == SQLITE_BUSY ? 0 : -1);
	} else {
		char num[32];
		const char *params[1] = { num };
		PGresult *res;

		snprintf(num, sizeof(num), "%lld", after);
		res = PQexecParams(p->pg, "SELECT call_pk, call_id FROM call "
		    "WHERE call_pk > $1 ORDER BY call_pk", 1, NULL, params, NULL,
		    NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			PQclear(res);
			return -1;
		}
		for (i = 0; i < PQntuples(res); i++)
			fn(arg, atoll(PQgetvalue(res, i, 0)),
			    PQgetvalue(res, i, 1));
		n = PQntuples(res);
		PQclear(res);
		return n;
	}
}

static void
lg_note_row(void *arg, long long pk, const char *call_id)
{
	struct lg *lg = arg;
	struct lg_poller *p = &lg->poll;
	uint64_t seq, sent_ns, now;
	char *end;

	p->last_pk = pk;
	if (call_id == NULL || strncmp(call_id, p->prefix, p->prefix_len) != 0)
		return;
	seq = strtoull(call_id + p->prefix_len, &end, 10);
	if (end != call_id + p->prefix_len + BM_SEQ_DIGITS ||
	    seq >= (uint64_t)LG_CHUNK * LG_CHUNKS ||
	    (sent_ns = lg_sent_at(lg, seq)) == 0)
		return;
	now = bm_mono_ns();
	if (p->nlat == p->caplat) {
		p->caplat = p->caplat ? p->caplat * 2 : 65536;
		if ((p->lat_ns = realloc(p->lat_ns, p->caplat *
		    sizeof(*p->lat_ns))) == NULL ||
		    (p->lat_seq = realloc(p->lat_seq, p->caplat *
		    sizeof(*p->lat_seq))) == NULL)
			lg_die("out of memory");
	}
	p->lat_seq[p->nlat] = seq;
	p->lat_ns[p->nlat++] = now > sent_ns ? now - sent_ns : 0;
	if (p->first_ns == 0)
		p->first_ns = now;
	p->last_ns = now;
	atomic_fetch_add(&lg->visible, 1);
}

static void *
lg_poll_main(void *arg)
{
	struct lg *lg = arg;
	struct lg_poller *p = &lg->poll;
	struct timespec ts = { 0, LG_POLL_MS * 1000000L };

	while (!atomic_load(&lg->stop)) {
		if (lg_poll_rows(p, p->last_pk, lg_note_row, lg) < 0) {
			p->error = 1;
			break;
		}
		nanosleep(&ts, NULL);
	}
	return NULL;
}

static int
lg_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static double
lg_pct_ms(const uint64_t *v, size_t n, double pct)
{
	size_t i;

	if (n == 0)
		return NAN;
	i = (size_t)ceil(pct / 100.0 * (double)n);
	if (i > 0)
		i--;
	if (i >= n)
		i = n - 1;
	return (double)v[i] / 1e6;
}

/*
 * Median latency (ms) of the messages with lo <= seq < hi. A backlog that
 * grows during a run shows as a later quarter slower than the first one.
 */
static double
lg_median_range(const struct lg_poller *p, uint64_t lo, uint64_t hi)
{
	uint64_t *v;
	size_t i, n = 0;
	double r;

	if ((v = malloc((p->nlat + 1) * sizeof(*v))) == NULL)
		lg_die("out of memory");
	for (i = 0; i < p->nlat; i++)
		if (p->lat_seq[i] >= lo && p->lat_seq[i] < hi)
			v[n++] = p->lat_ns[i];
	qsort(v, n, sizeof(*v), lg_cmp_u64);
	r = lg_pct_ms(v, n, 50);
	free(v);
	return r;
}

/* Waits until every sent message is visible or nothing new came in. */
static void
lg_drain(struct lg *lg)
{
	struct timespec ts = { 0, 20 * 1000000L };
	uint64_t last = atomic_load(&lg->visible), since = bm_mono_ns(), v;

	while (!lg_interrupted && !lg->poll.error) {
		v = atomic_load(&lg->visible);
		if (v >= atomic_load(&lg->sent))
			break;
		if (v != last) {
			last = v;
			since = bm_mono_ns();
		} else if ((double)(bm_mono_ns() - since) / 1e9 >
		    lg->drain_wait)
			break;
		nanosleep(&ts, NULL);
	}
}

int
main(int argc, char **argv)
{
	static struct lg lg;
	struct lg_poller *p = &lg.poll;
	const char *dbspec = NULL;
	double send_s;
	uint64_t sent, stored;
	int c;

	snprintf(lg.gen.prefix, sizeof(lg.gen.prefix), "lg%d", (int)getpid());
	lg.gen.now = bm_now();
	lg.gen.rtp_pct = 20;
	lg.gen.nomos_pct = 10;
	lg.drain_wait = 5;
	while ((c = getopt(argc, argv, "u:e:r:s:n:p:R:M:D:w:")) != -1) {
		switch (c) {
		case 'u': lg.udp_target = optarg; break;
		case 'e': lg.evapi_port = atoi(optarg); break;
		case 'r': lg.rate = atof(optarg); break;
		case 's': lg.seconds = atof(optarg); break;
		case 'n': lg.count = strtoull(optarg, NULL, 10); break;
		case 'p':
			snprintf(lg.gen.prefix, sizeof(lg.gen.prefix), "%s",
			    optarg);
			break;
		case 'R': lg.gen.rtp_pct = (unsigned)atoi(optarg); break;
		case 'M': lg.gen.nomos_pct = (unsigned)atoi(optarg); break;
		case 'D': dbspec = optarg; break;
		case 'w': lg.drain_wait = atof(optarg); break;
		default: lg_usage();
		}
	}
	if ((lg.udp_target == NULL) == (lg.evapi_port == 0) ||
	    (lg.count == 0 && lg.seconds <= 0) ||
	    lg.gen.rtp_pct + lg.gen.nomos_pct > 100)
		lg_usage();
	if (lg.count > (uint64_t)LG_CHUNK * LG_CHUNKS)
		lg_die("-n too large");
	signal(SIGINT, lg_on_signal);
	signal(SIGTERM, lg_on_signal);
	signal(SIGPIPE, SIG_IGN);
	lg_build_pool(&lg);

	if (dbspec != NULL) {
		p->db = dbspec;
		snprintf(p->prefix, sizeof(p->prefix), "%s-", lg.gen.prefix);
		p->prefix_len = strlen(p->prefix);
		if (lg_poll_open(p) == -1)
			lg_die("cannot open the database to poll");
		/* The rows before the run are not ours: start past them. */
		p->base_pk = 0;
		if (p->lite != NULL) {
			sqlite3_stmt *st;

			if (sqlite3_prepare_v2(p->lite, "SELECT coalesce(max("
			    "call_pk), 0) FROM call", -1, &st, NULL) != SQLITE_OK ||
			    sqlite3_step(st) != SQLITE_ROW)
				lg_die("cannot read max(call_pk)");
			p->base_pk = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		} else {
			PGresult *res = PQexec(p->pg, "SELECT coalesce(max("
			    "call_pk), 0) FROM call");

			if (PQresultStatus(res) != PGRES_TUPLES_OK)
				lg_die("cannot read max(call_pk)");
			p->base_pk = atoll(PQgetvalue(res, 0, 0));
			PQclear(res);
		}
		p->last_pk = p->base_pk;
		if (pthread_create(&lg.poll_thread, NULL, lg_poll_main, &lg)
		    != 0)
			lg_die("pthread_create");
		lg.polling = true;
	}

	if (lg.udp_target != NULL)
		lg_send_udp(&lg);
	else
		lg_send_evapi(&lg);
	sent = atomic_load(&lg.sent);
	send_s = (double)(lg.tend_ns - lg.t0_ns) / 1e9;

	if (lg.polling) {
		lg_drain(&lg);
		atomic_store(&lg.stop, true);
		pthread_join(lg.poll_thread, NULL);
	}
	if (lg.evapi_port > 0 && lg.udp_target == NULL)
		close(lg.evapi_port);

	printf("mode=%s sent=%llu send_s=%.3f send_rate=%.0f",
	    lg.udp_target ? "udp" : "evapi", (unsigned long long)sent, send_s,
	    send_s > 0 ? (double)sent / send_s : 0.0);
	if (lg.polling) {
		/* Commit throughput while rows were appearing. */
		double span = p->last_ns > p->first_ns ?
		    (double)(p->last_ns - p->first_ns) / 1e9 : 0;
		double q1 = lg_median_range(p, 0, sent / 4);
		double q4 = lg_median_range(p, sent - sent / 4, sent);

		stored = atomic_load(&lg.visible);
		qsort(p->lat_ns, p->nlat, sizeof(*p->lat_ns), lg_cmp_u64);
		printf(" q1_p50_ms=%.1f q4_p50_ms=%.1f", q1, q4);
		printf(" stored=%llu lost=%lld drain_s=%.3f commit_rate=%.0f"
		    " p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f"
		    " poll_error=%d",
		    (unsigned long long)stored, (long long)(sent - stored),
		    p->last_ns > lg.tend_ns ?
		    (double)(p->last_ns - lg.tend_ns) / 1e9 : 0.0,
		    span > 0 ? (double)stored / span : 0.0,
		    lg_pct_ms(p->lat_ns, p->nlat, 50),
		    lg_pct_ms(p->lat_ns, p->nlat, 90),
		    lg_pct_ms(p->lat_ns, p->nlat, 99),
		    lg_pct_ms(p->lat_ns, p->nlat, 100), p->error);
	}
	printf("\n");
	if (p->lite != NULL) {
		sqlite3_finalize(p->st);
		sqlite3_close(p->lite);
	}
	if (p->pg != NULL)
		PQfinish(p->pg);
	return p->error ? 1 : 0;
}
