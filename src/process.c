/*
 * process.c: implements process.h, the standard process metrics from
 * /proc/self/stat, /proc/stat, /proc/self/limits and /proc/self/fd.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "process.h"

/* Fields of /proc/self/stat, counted from 1 as proc(5) does. */
#define STAT_UTIME	14
#define STAT_STIME	15
#define STAT_STARTTIME	22
#define STAT_VSIZE	23
#define STAT_RSS	24

/* The first len bytes at p as a string in buf, or NULL if too long. */
static const char *
process_text(const char *p, size_t len, char *buf, size_t size)
{
	if (len >= size)
		return NULL;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

int
process_parse_stat(const char *p, size_t len, double ticks,
    double page_size, double boot_unix, struct process_stats *ps)
{
	char buf[2048], *s, *end;
	double f[STAT_RSS + 1];
	int i;

	if (process_text(p, len, buf, sizeof(buf)) == NULL || ticks <= 0)
		return -1;
	/* "pid (comm) state ...": comm may hold spaces and ')', so the
	 * fields start after the last ')'. Field 3 (state) is a letter. */
	if ((s = strrchr(buf, ')')) == NULL || s[1] != ' ')
		return -1;
	s += 2;
	while (*s != '\0' && *s != ' ')
		s++;
	for (i = 4; i <= STAT_RSS; i++) {
		errno = 0;
		f[i] = (double)strtoll(s, &end, 10);
		if (end == s || errno != 0 || (*end != ' ' && *end != '\n' &&
		    *end != '\0'))
			return -1;
		s = end;
	}
	ps->cpu_s = (f[STAT_UTIME] + f[STAT_STIME]) / ticks;
	ps->start_unix = boot_unix >= 0 ? boot_unix + f[STAT_STARTTIME] /
	    ticks : -1;
	ps->vsize_bytes = f[STAT_VSIZE];
	ps->rss_bytes = f[STAT_RSS] * page_size;
	return 0;
}

int
process_parse_btime(const char *p, size_t len, double *boot_unix)
{
	const char *e = p + len, *line, *nl;
	char num[32];
	size_t n;

	for (line = p; line < e; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(e - line));
		if (nl == NULL)
			nl = e;
		n = (size_t)(nl - line);
		if (n > 6 && n - 6 < sizeof(num) &&
		    memcmp(line, "btime ", 6) == 0) {
			memcpy(num, line + 6, n - 6);
			num[n - 6] = '\0';
			*boot_unix = strtod(num, NULL);
			return *boot_unix > 0 ? 0 : -1;
		}
	}
	return -1;
}

int
process_parse_max_fds(const char *p, size_t len, double *max)
{
	static const char key[] = "Max open files";
	const char *e = p + len, *line, *nl;
	char num[32], *end;
	size_t n, i;

	for (line = p; line < e; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(e - line));
		if (nl == NULL)
			nl = e;
		n = (size_t)(nl - line);
		if (n <= sizeof(key) - 1 || memcmp(line, key, sizeof(key) - 1)
		    != 0)
			continue;
		/* "Max open files  1024  4096  files": the soft limit. */
		for (i = sizeof(key) - 1; i < n && line[i] == ' '; i++)
			;
		n -= i;
		if (n >= sizeof(num))
			n = sizeof(num) - 1;
		memcpy(num, line + i, n);
		num[n] = '\0';
		*max = strtod(num, &end);
		return end != num && *max >= 0 ? 0 : -1;
	}
	return -1;
}

/* Reads a small /proc file into buf; its length, or -1. */
static ssize_t
process_slurp(const char *path, char *buf, size_t size)
{
	ssize_t n, got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	while ((size_t)got < size &&
	    (n = read(fd, buf + got, size - (size_t)got)) > 0)
		got += n;
	close(fd);
	return got;
}

/* Entries of /proc/self/fd but the directory's own descriptor. */
static double
process_count_fds(void)
{
	struct dirent *de;
	DIR *d;
	double n = 0;

	if ((d = opendir("/proc/self/fd")) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n > 0 ? n - 1 : n;
}

void
process_read(struct process_stats *ps)
{
	double boot = -1, ticks = (double)sysconf(_SC_CLK_TCK);
	double page = (double)sysconf(_SC_PAGESIZE);
	char *big;
	ssize_t n;

	ps->start_unix = ps->cpu_s = ps->rss_bytes = ps->vsize_bytes = -1;
	ps->open_fds = process_count_fds();
	ps->max_fds = -1;
	/* /proc/stat grows with the CPUs: 64 KiB holds hundreds. */
	big = malloc(65536);
	if (big == NULL)
		return;
	if ((n = process_slurp("/proc/stat", big, 65536)) > 0)
		process_parse_btime(big, (size_t)n, &boot);
	if ((n = process_slurp("/proc/self/stat", big, 65536)) > 0)
		process_parse_stat(big, (size_t)n, ticks, page, boot, ps);
	if ((n = process_slurp("/proc/self/limits", big, 65536)) > 0 &&
	    process_parse_max_fds(big, (size_t)n, &ps->max_fds) == -1)
		ps->max_fds = -1;
	free(big);
}
