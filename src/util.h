/*
 * util.h: allocation wrappers that abort on failure of internal sizes,
 * and the clock. Sizes that come from the network are checked by the
 * caller before they reach these.
 */
#ifndef MOSCDR_UTIL_H
#define MOSCDR_UTIL_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* At most n bytes of s, stopping at a NUL, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* n bytes of p, NULs included, plus a terminating NUL. */
char *xmemdup(const void *p, size_t n);
/* Wall clock, unix seconds with sub-second precision. */
double util_now(void);
/* Monotonic clock in seconds, for intervals. */
double util_monotonic(void);

#endif
