/*
 * log.c: implements log.h: stderr or syslog output, levels, and a small
 * table of rate-limited keys so hostile input cannot flood the log.
 */
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

#define LOG_LIMIT_SLOTS	256
#define LOG_KEY_MAX	96
#define LOG_MSG_KEEP	512

/* One rate-limited event class; slot chosen by hash of the key. */
struct log_slot {
	char key[LOG_KEY_MAX];
	time_t last;		/* when it was last written */
	unsigned long suppressed; /* records not logged since then */
	int pri;
	int messages;		/* the count is of messages (log_limited_n) */
	char msg[LOG_MSG_KEEP];	/* the line last written, for the flush */
};

static struct {
	int foreground;
	int journal;		/* stderr is the journal: "<N>" prefixes */
	_Atomic int level;	/* changed by a reload */
	int facility;
	char ident[32];
	pthread_mutex_t lock;
	struct log_slot slots[LOG_LIMIT_SLOTS];
} log_state = {
	.foreground = 1,
	.level = LOG_INFO,
	.facility = LOG_DAEMON,
	.ident = "moscdrd",
	.lock = PTHREAD_MUTEX_INITIALIZER,
};

static const struct {
	const char *name;
	int value;
} log_facilities[] = {
	{ "daemon", LOG_DAEMON }, { "user", LOG_USER },
	{ "local0", LOG_LOCAL0 }, { "local1", LOG_LOCAL1 },
	{ "local2", LOG_LOCAL2 }, { "local3", LOG_LOCAL3 },
	{ "local4", LOG_LOCAL4 }, { "local5", LOG_LOCAL5 },
	{ "local6", LOG_LOCAL6 }, { "local7", LOG_LOCAL7 },
}, log_levels[] = {
	{ "err", LOG_ERR }, { "error", LOG_ERR }, { "warning", LOG_WARNING },
	{ "warn", LOG_WARNING }, { "notice", LOG_NOTICE },
	{ "info", LOG_INFO }, { "debug", LOG_DEBUG },
};

/*
 * True when stderr is the journal's stream: JOURNAL_STREAM, which systemd
 * sets to "device:inode" of the stream it connects, names this stderr.
 * A child that inherited the variable but not the stream is not fooled.
 */
static int
log_stderr_is_journal(void)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	if (js == NULL || sscanf(js, "%llu:%llu", &dev, &ino) != 2)
		return 0;
	if (fstat(STDERR_FILENO, &st) == -1)
		return 0;
	return (unsigned long long)st.st_dev == dev &&
	    (unsigned long long)st.st_ino == ino;
}

void
log_init(int foreground, int level, const char *ident, int facility)
{
	log_state.foreground = foreground;
	log_state.journal = foreground && log_stderr_is_journal();
	log_state.level = level;
	log_state.facility = facility;
	snprintf(log_state.ident, sizeof(log_state.ident), "%s", ident);
	if (!foreground)
		openlog(log_state.ident, LOG_PID | LOG_NDELAY, facility);
	tzset();
}

void
log_set_level(int level)
{
	log_state.level = level;
}

int
log_get_level(void)
{
	return log_state.level;
}

void
log_reopen(void)
{
	if (log_state.foreground)
		return;
	closelog();
	openlog(log_state.ident, LOG_PID | LOG_NDELAY, log_state.facility);
}

int
log_facility_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(log_facilities) / sizeof(log_facilities[0]); i++)
		if (strcasecmp(name, log_facilities[i].name) == 0)
			return log_facilities[i].value;
	return -1;
}

int
log_level_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(log_levels) / sizeof(log_levels[0]); i++)
		if (strcasecmp(name, log_levels[i].name) == 0)
			return log_levels[i].value;
	return -1;
}

static const char *
log_prefix(int pri)
{
	switch (pri) {
	case LOG_CRIT:
	case LOG_ERR:
		return "error: ";
	case LOG_WARNING:
		return "warning: ";
	case LOG_DEBUG:
		return "debug: ";
	default:
		return "";
	}
}

static void log_vwrite(int pri, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
log_vwrite(int pri, const char *fmt, va_list ap)
{
	char line[2048];
	struct timespec ts;
	struct tm tm;

	if (pri > log_state.level)
		return;
	vsnprintf(line, sizeof(line), fmt, ap);
	if (!log_state.foreground) {
		syslog(pri, "%s", line);
		return;
	}
	if (log_state.journal) {
		/* sd-daemon's priority prefix; the journal stamps the time. */
		fprintf(stderr, "<%d>%s%s\n", pri, log_prefix(pri), line);
		return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	/* One fprintf per line: stdio locks the stream, lines never mix. */
	fprintf(stderr, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ %s%s\n",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000, log_prefix(pri), line);
}

static void log_write(int pri, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
log_write(int pri, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(pri, fmt, ap);
	va_end(ap);
}

static void log_vwarn_errno(int pri, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
log_vwarn_errno(int pri, const char *fmt, va_list ap)
{
	char msg[1536];
	int saved = errno;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	log_write(pri, "%s: %s", msg, strerror(saved));
	errno = saved;
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwarn_errno(LOG_WARNING, fmt, ap);
	va_end(ap);
}

void
log_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_WARNING, fmt, ap);
	va_end(ap);
}

void
log_notice(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_NOTICE, fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_INFO, fmt, ap);
	va_end(ap);
}

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_DEBUG, fmt, ap);
	va_end(ap);
}

/* FNV-1a: spreads keys over the slots; collisions only share a limit. */
static unsigned
log_key_hash(const char *key)
{
	unsigned h = 2166136261u;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h % LOG_LIMIT_SLOTS;
}

static void log_limited_v(int pri, const char *key, unsigned long n,
    int messages, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/* What a suppressed count stands for, in the line that reports it. */
static const char *
log_suppressed_what(int messages)
{
	return messages ? "more messages" : "similar";
}

static void
log_limited_v(int pri, const char *key, unsigned long n, int messages,
    const char *fmt, va_list ap)
{
	struct log_slot *s;
	unsigned long suppressed;
	time_t now;
	char msg[1536];
	int was_messages;

	if (pri > log_state.level)
		return;
	now = time(NULL);
	pthread_mutex_lock(&log_state.lock);
	s = &log_state.slots[log_key_hash(key)];
	if (strncmp(s->key, key, sizeof(s->key) - 1) == 0 &&
	    now - s->last < LOG_LIMIT_INTERVAL) {
		s->suppressed += n;
		pthread_mutex_unlock(&log_state.lock);
		return;
	}
	suppressed = strncmp(s->key, key, sizeof(s->key) - 1) == 0 ?
	    s->suppressed : 0;
	was_messages = s->messages;
	snprintf(s->key, sizeof(s->key), "%s", key);
	s->last = now;
	s->suppressed = 0;
	s->pri = pri;
	s->messages = messages;
	s->msg[0] = '\0';
	pthread_mutex_unlock(&log_state.lock);

	vsnprintf(msg, sizeof(msg), fmt, ap);
	pthread_mutex_lock(&log_state.lock);
	if (strncmp(s->key, key, sizeof(s->key) - 1) == 0)
		snprintf(s->msg, sizeof(s->msg), "%.*s",
		    (int)sizeof(s->msg) - 1, msg);
	pthread_mutex_unlock(&log_state.lock);
	if (suppressed > 0)
		log_write(pri, "%s (%lu %s suppressed in the last %d s)",
		    msg, suppressed, log_suppressed_what(was_messages),
		    LOG_LIMIT_INTERVAL);
	else
		log_write(pri, "%s", msg);
}

void
log_limited(int pri, const char *key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_limited_v(pri, key, 1, 0, fmt, ap);
	va_end(ap);
}

void
log_limited_n(int pri, const char *key, unsigned long n, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_limited_v(pri, key, n, 1, fmt, ap);
	va_end(ap);
}

void
log_limited_flush(void)
{
	struct log_slot done[8];
	time_t now = time(NULL);
	size_t i, n = 0;

	pthread_mutex_lock(&log_state.lock);
	for (i = 0; i < LOG_LIMIT_SLOTS && n < 8; i++) {
		struct log_slot *s = &log_state.slots[i];

		if (s->suppressed == 0 || now - s->last < LOG_LIMIT_INTERVAL)
			continue;
		done[n++] = *s;
		s->suppressed = 0;
	}
	pthread_mutex_unlock(&log_state.lock);
	for (i = 0; i < n; i++)
		log_write(done[i].pri, "%s (%lu %s suppressed in the last %d "
		    "s, none since)", done[i].msg[0] != '\0' ? done[i].msg :
		    done[i].key, done[i].suppressed,
		    log_suppressed_what(done[i].messages), LOG_LIMIT_INTERVAL);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwarn_errno(LOG_CRIT, fmt, ap);
	va_end(ap);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(LOG_CRIT, fmt, ap);
	va_end(ap);
	exit(1);
}
