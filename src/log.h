/*
 * log.h: logging to stderr (foreground) or syslog, OpenBSD style.
 *
 * log_warn appends strerror(errno); log_warnx does not. fatal/fatalx log
 * and exit(1). log_limited is for events that network input can trigger:
 * the same key is logged at most once per LOG_LIMIT_INTERVAL seconds and
 * the next line says how many were suppressed. All functions are safe to
 * call from any thread; none may be called from a signal handler.
 */
#ifndef MOSCDR_LOG_H
#define MOSCDR_LOG_H

#include <stdarg.h>
#include <syslog.h>

#define LOG_LIMIT_INTERVAL	10	/* seconds */

#define LOG_PRINTF(a, b)	__attribute__((format(printf, a, b)))

/*
 * foreground: 1 logs to stderr, 0 to syslog with ident and facility.
 * On stderr each line starts with a UTC timestamp, except when stderr is
 * the journal (JOURNAL_STREAM names it): then each line starts with the
 * priority as "<N>" (sd-daemon.h) and carries no time of its own.
 * level: highest syslog priority logged (LOG_INFO, LOG_DEBUG, ...).
 */
void log_init(int foreground, int level, const char *ident, int facility);
void log_set_level(int level);
int log_get_level(void);
/* Closes and reopens syslog (for SIGHUP). */
void log_reopen(void);
/* Facility by name ("daemon", "local0".."local7"), -1 if unknown. */
int log_facility_from_name(const char *name);
/* Level by name ("err", "warning", "notice", "info", "debug"), -1. */
int log_level_from_name(const char *name);

void log_warn(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_warnx(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_notice(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_info(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_debug(const char *fmt, ...) LOG_PRINTF(1, 2);
/* log_limited for an event that stands for n records (n lost messages):
 * the suppressed count it reports is then in messages, not lines
 * ("(N more messages suppressed in the last 10 s)"). */
void log_limited_n(int pri, const char *key, unsigned long n,
    const char *fmt, ...) LOG_PRINTF(4, 5);
/*
 * Writes, for each key whose lines were suppressed and that has been
 * quiet for the whole interval since, the line last written for it again
 * with the count ("... (N similar suppressed in the last 10 s, none
 * since)"): the last of a burst is never silent. Call about once a
 * second.
 */
void log_limited_flush(void);
void log_limited(int pri, const char *key, const char *fmt, ...)
    LOG_PRINTF(3, 4);
__attribute__((noreturn)) void fatal(const char *fmt, ...) LOG_PRINTF(1, 2);
__attribute__((noreturn)) void fatalx(const char *fmt, ...) LOG_PRINTF(1, 2);

#endif
