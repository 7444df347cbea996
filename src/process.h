/*
 * process.h: the standard process metrics of a Prometheus exporter
 * (process_start_time_seconds, process_cpu_seconds_total, ...), read
 * from /proc/self when /metrics is asked for.
 *
 * The parsers are pure (text in, numbers out) so the unit tests feed them
 * hand-made /proc texts; process_read() does the reading.
 */
#ifndef MOSCDR_PROCESS_H
#define MOSCDR_PROCESS_H

#include <stdbool.h>
#include <stddef.h>

/* What the page shows; a value that could not be read is negative. */
struct process_stats {
	double start_unix;	/* process_start_time_seconds */
	double cpu_s;		/* process_cpu_seconds_total: user + system */
	double rss_bytes;	/* process_resident_memory_bytes */
	double vsize_bytes;	/* process_virtual_memory_bytes */
	double open_fds;	/* process_open_fds */
	double max_fds;		/* process_max_fds: the soft limit */
};

/*
 * Reads /proc/self/stat's text (len bytes at p, no NUL needed): CPU
 * seconds, resident and virtual bytes, and the start time as unix seconds
 * from the boot time boot_unix (/proc/stat's btime), with ticks clock
 * ticks per second and pages of page_size bytes. Fills the four fields
 * of *ps; returns 0, or -1 when the text is not a stat line (*ps's
 * fields then untouched).
 */
int process_parse_stat(const char *p, size_t len, double ticks,
    double page_size, double boot_unix, struct process_stats *ps);

/* /proc/stat's "btime N" into *boot_unix; 0, or -1 when absent. */
int process_parse_btime(const char *p, size_t len, double *boot_unix);

/* /proc/self/limits' soft "Max open files" into *max; 0 or -1.
 * "unlimited" is -1 too (no value to show). */
int process_parse_max_fds(const char *p, size_t len, double *max);

/* Everything, now, from /proc/self (-1 where something failed). */
void process_read(struct process_stats *ps);

#endif
