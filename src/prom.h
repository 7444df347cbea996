/*
 * prom.h: the Prometheus text exposition format (0.0.4), as pure
 * functions over plain data: no thread, no lock, no clock. metrics.c
 * serves what prom_render_page() writes; the unit tests call the same
 * functions on hand-made snapshots.
 *
 * A family is written with its HELP and TYPE lines once (prom_family),
 * then its samples. Samples take any number of labels (name/value pairs;
 * values are escaped: backslash, double quote, newline), so families
 * labelled by node, side or anything else, and histograms with their own
 * bounds, are written with the same calls as the counters of stats.h.
 */
#ifndef MOSCDR_PROM_H
#define MOSCDR_PROM_H

#include <stddef.h>
#include <stdint.h>

#include "evapi.h"
#include "process.h"
#include "quality.h"
#include "stats.h"

/* A growing text buffer; allocation failure is fatal (xrealloc). */
struct prom_buf {
	char *p;
	size_t len, cap;
};

struct prom_label {
	const char *name;
	const char *value;
};

void prom_buf_init(struct prom_buf *b);
void prom_buf_free(struct prom_buf *b);

void prom_printf(struct prom_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "# HELP name help" and "# TYPE name type". */
void prom_family(struct prom_buf *b, const char *name, const char *type,
    const char *help);

/* "name{l1="v1",...} value"; nlabels 0 writes no braces. */
void prom_u64(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, uint64_t v);
void prom_i64(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, int64_t v);
/* The value with "%.6f" (seconds, fractions). */
void prom_double(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, double v);

/*
 * The samples of one histogram series: name_bucket{labels...,le="b"} for
 * each of the nbounds upper bounds (cumulative) and +Inf, name_sum and
 * name_count (equal to the +Inf bucket). counts holds nbounds + 1 counts
 * per bucket, not cumulative; bounds and sum in the family's unit.
 */
void prom_histogram(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, const double *bounds,
    size_t nbounds, const uint64_t *counts, double sum);

/* Every exported row of stats_families[] from the snapshot, plus the
 * families derived from them (moscdr_rows_written_total). */
void prom_render_stats(struct prom_buf *b, const struct stats_snapshot *s);

/* The call-quality families (quality.h) from a snapshot. */
void prom_render_quality(struct prom_buf *b,
    const struct quality_snapshot *q);

/* The standard process_* families; a negative value is left out. */
void prom_render_process(struct prom_buf *b, const struct process_stats *p);

/* What the page says besides the counters. */
struct prom_info {
	const char *version;
	const char *node;
	const char *driver;
	double start_unix;
	int retention_days;
	const struct process_stats *process;	/* NULL: no process_* */
	const struct quality_snapshot *quality;	/* NULL: no call quality */
};

/* The whole /metrics page: build info, process, stats, call quality, the
 * evapi clients. */
void prom_render_page(struct prom_buf *b, const struct prom_info *info,
    const struct stats_snapshot *s, const struct evapi_counters *evapi,
    size_t nevapi);

#endif
