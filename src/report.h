/*
 * report.h: moscdrd --report FILE: one self-contained HTML page of call
 * quality, from either back end, for those without Grafana.
 *
 * DESIGN: the figures are read through the store's read-only query
 * (store.h) from the reporting views, the same on both back ends:
 * v_daily_quality (daily MOS per node: average, 5th percentile, median,
 * lowest; band shares; the shares without MOS by reason, whose columns
 * are named after the one reason table, rec_missing_name),
 * v_quality_daily (the same MOS figures per side), v_call_quality (the
 * worst calls of the period, picked first by key from call and
 * mos_sample, then read by key: report.c says why) and mos_sample (their
 * MOS progression per side, one query for all). On PostgreSQL the
 * session runs with jit off. The page
 * carries them twice: as HTML tables (every value from the database
 * HTML-escaped) and as one JSON object the charts are drawn from (every
 * '<', '>' and '&' escaped, so no text can end the script element).
 * Chart.js (Debian's libjs-chart.js) is read when the page is written
 * and inlined, so the file opens offline and requests nothing.
 * docs/report.md describes the page.
 */
#ifndef MOSCDR_REPORT_H
#define MOSCDR_REPORT_H

#include <stddef.h>

#include "store.h"

/* Where libjs-chart.js puts its UMD build. */
#define REPORT_CHARTJS	"/usr/share/javascript/chart.js/chart.min.js"
/* The most days and worst calls a report covers. */
#define REPORT_DAYS_MAX		3660
#define REPORT_WORST_MAX	1000

struct report_options {
	const char *out;	/* the HTML file; written atomically */
	int days;		/* the last days (UTC), today included, >= 1 */
	int worst;		/* worst calls listed, >= 0 */
	const char *chartjs;	/* Chart.js file, NULL: REPORT_CHARTJS */
	double now;		/* unix seconds: "today" and the page's date */
	const char *version;	/* moscdrd's, for the page's footer */
};

/*
 * Reads the figures through backend be opened with cfg (nothing is
 * written to the database; a SQLite file must exist) and writes the page
 * to o->out (a temporary file renamed over it). Returns 0, or -1 with err
 * set.
 */
int report_write(const struct store_backend *be,
    const struct store_config *cfg, const struct report_options *o,
    char *err, size_t errlen);

#endif
