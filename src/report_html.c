/*
 * report_html.c: implements report_html() (report_int.h): the report's
 * HTML page, its tables, the JSON object the charts read, and Chart.js
 * inlined.
 *
 * Every value from the database goes out through report_esc() (HTML text
 * and attributes) or report_json_str() (inside the script element), never
 * as it is: a Call-ID may hold '<', '"' or "</script>".
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "report_int.h"
#include "util.h"

/* The largest Chart.js file inlined. */
#define REPORT_CHARTJS_MAX	(8 * 1024 * 1024)

/* s as HTML text or attribute value: & < > " ' escaped. */
static void
report_esc(FILE *f, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			fputc(*s, f);
		}
}

/* s as a JSON string that is also safe inside <script>; NULL: null. */
static void
report_json_str(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* The database's text of a number as a double; false when not one. */
static bool
report_number(const char *s, double *v)
{
	char *end;

	if (s == NULL || *s == '\0')
		return false;
	*v = strtod(s, &end);
	return *end == '\0' && isfinite(*v);
}

/* A number as JSON (exactly, %.17g), or null. */
static void
report_json_num(FILE *f, const char *s)
{
	double v;

	if (report_number(s, &v))
		fprintf(f, "%.17g", v);
	else
		fputs("null", f);
}

/*
 * One table cell: data-v holds the database's text (for the tests and
 * for copying), the cell shows it formatted: with dec decimals, as a
 * percentage when pct, as text when dec is negative. An unknown figure
 * says "no data" (a day without any MOS has no average, percentile or
 * band share, which is not 0); an unknown text is a dash.
 */
static void
report_td(FILE *f, const char *s, int dec, bool pct)
{
	double v;

	if (s == NULL) {
		fputs(dec >= 0 ? "<td class=\"na\">no data</td>" :
		    "<td class=\"na\">&ndash;</td>", f);
		return;
	}
	fputs("<td data-v=\"", f);
	report_esc(f, s);
	fputs("\">", f);
	if (dec >= 0 && report_number(s, &v))
		fprintf(f, pct ? "%.*f&nbsp;%%" : "%.*f", dec, pct ? v * 100 :
		    v);
	else
		report_esc(f, s);
	fputs("</td>", f);
}

/* A JSON number member per (name, column) of row i of t. */
struct report_json_col {
	const char *name;
	size_t col;
};

static void
report_json_nums(FILE *f, const struct report_table *t, size_t i,
    const struct report_json_col *c, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		fprintf(f, ",\"%s\":", c[k].name);
		report_json_num(f, report_cell(t, i, c[k].col));
	}
}

/* The rows of sides A and B, as "sides":[...]. */
static void
report_json_sides(FILE *f, const struct report_table *t)
{
	static const struct report_json_col c[] = {
		{ "calls", RS_CALLS }, { "mos_calls", RS_MOS_CALLS },
		{ "mos_average", RS_MOS_AVG }, { "mos_p5", RS_MOS_P5 },
		{ "mos_median", RS_MOS_MEDIAN },
	};
	size_t i;

	fputs(",\"sides\":[", f);
	for (i = 0; i < t->nrows; i++) {
		fprintf(f, "%s\n{\"day\":", i > 0 ? "," : "");
		report_json_str(f, report_cell(t, i, RS_DAY));
		fputs(",\"node\":", f);
		report_json_str(f, report_cell(t, i, RS_NODE));
		fputs(",\"side\":", f);
		report_json_str(f, report_cell(t, i, RS_SIDE));
		report_json_nums(f, t, i, c, sizeof(c) / sizeof(c[0]));
		fputs("}", f);
	}
	fputs("]", f);
}

/* The JSON object of the page (see report_js for its use). */
static void
report_json(FILE *f, const struct report_data *d)
{
	static const struct report_json_col dc[] = {
		{ "calls", RD_CALLS }, { "calls_with_mos", RD_WITH_MOS },
		{ "mos_average", RD_MOS_AVG }, { "mos_p5", RD_MOS_P5 },
		{ "mos_median", RD_MOS_MEDIAN }, { "mos_min", RD_MOS_MIN },
	};
	const struct report_table *t = &d->daily, *w = &d->worst, *p;
	const char *side;
	bool first;
	size_t i, k;
	int j;

	fprintf(f, "{\"days\":%d,\"worst_asked\":%d,\"since\":\"%s\","
	    "\"driver\":", d->o->days, d->o->worst, d->since);
	report_json_str(f, d->driver);
	fputs(",\"jit\":", f);
	report_json_str(f, d->jit[0] != '\0' ? d->jit : NULL);
	fputs(",\"bands\":[", f);
	for (j = 0; j < REPORT_NBANDS; j++) {
		fprintf(f, "%s{\"name\":", j > 0 ? "," : "");
		report_json_str(f, report_bands[j].name);
		fputs(",\"color\":", f);
		report_json_str(f, report_bands[j].color);
		fputs("}", f);
	}
	fputs("],\"reasons\":[", f);
	for (j = 1; j < REC_MISSING_COUNT; j++) {
		fputs(j > 1 ? "," : "", f);
		report_json_str(f, rec_missing_name((enum rec_missing)j));
	}
	fputs("],\"daily\":[", f);
	for (i = 0; i < t->nrows; i++) {
		fprintf(f, "%s\n{\"day\":", i > 0 ? "," : "");
		report_json_str(f, report_cell(t, i, RD_DAY));
		fputs(",\"node\":", f);
		report_json_str(f, report_cell(t, i, RD_NODE));
		report_json_nums(f, t, i, dc, sizeof(dc) / sizeof(dc[0]));
		fputs(",\"bands\":[", f);
		for (j = 0; j < REPORT_NBANDS; j++) {
			fputs(j > 0 ? "," : "", f);
			report_json_num(f, report_cell(t, i, RD_BAND0 +
			    (size_t)j));
		}
		fputs("],\"no_mos\":[", f);
		for (j = 0; j < REC_MISSING_COUNT - 1; j++) {
			fputs(j > 0 ? "," : "", f);
			report_json_num(f, report_cell(t, i, RD_REASON0 +
			    (size_t)j));
		}
		fputs("]}", f);
	}
	fputs("]", f);
	report_json_sides(f, &d->sides);
	fputs(",\"worst\":[", f);
	for (i = 0; i < w->nrows; i++) {
		static const int num[] = { RW_DURATION, RW_WORST, RW_MOS_AVG,
		    RW_A_AVG, RW_B_AVG };
		static const char *const numname[] = { "duration_s",
		    "mos_worst", "mos_average", "a_mos_average",
		    "b_mos_average" };

		fprintf(f, "%s\n{\"call_id\":", i > 0 ? "," : "");
		report_json_str(f, report_cell(w, i, RW_CALL_ID));
		fputs(",\"node\":", f);
		report_json_str(f, report_cell(w, i, RW_NODE));
		fputs(",\"start\":", f);
		report_json_str(f, report_cell(w, i, RW_START));
		for (j = 0; j < 5; j++) {
			fprintf(f, ",\"%s\":", numname[j]);
			report_json_num(f, report_cell(w, i, (size_t)num[j]));
		}
		fputs(",\"prog\":{", f);
		p = &d->prog[i];
		for (j = 0; j < 2; j++) {
			side = j == 0 ? "A" : "B";
			fprintf(f, "%s\"%s\":[", j > 0 ? "," : "", side);
			for (k = 0, first = true; k < p->nrows; k++) {
				const char *sc = report_cell(p, k, RP_SCOPE);
				const char *at = report_cell(p, k, RP_AT);

				if (sc == NULL || strcmp(sc, side) != 0)
					continue;
				fputs(first ? "{\"x\":" : ",{\"x\":", f);
				first = false;
				/* The point's time, else its place. */
				report_json_num(f, at != NULL ? at :
				    report_cell(p, k, RP_SEQ));
				fputs(",\"y\":", f);
				report_json_num(f, report_cell(p, k, RP_MOS));
				fputs("}", f);
			}
			fputs("]", f);
		}
		fputs("}}", f);
	}
	fputs("]}", f);
}

/* A header row of plain names, the first ntext of text columns. */
static void
report_th(FILE *f, const char *const *names, size_t n, size_t ntext)
{
	size_t i;

	fputs("<tr>", f);
	for (i = 0; i < n; i++) {
		fputs(i < ntext ? "<th class=\"t\">" : "<th>", f);
		report_esc(f, names[i]);
		fputs("</th>", f);
	}
	fputs("</tr>\n", f);
}

/* The three daily tables: MOS, band shares, shares without MOS. */
static void
report_daily_tables(FILE *f, const struct report_table *t, int which)
{
	const char *names[2 + REPORT_NBANDS + REC_MISSING_COUNT];
	size_t i, n = 0;
	int j;

	names[n++] = "day";
	names[n++] = "node";
	if (which == 0) {
		names[n++] = "calls";
		names[n++] = "with MOS";
		names[n++] = "average MOS";
		names[n++] = "5th percentile";
		names[n++] = "median";
		names[n++] = "lowest MOS";
	} else if (which == 1)
		for (j = 0; j < REPORT_NBANDS; j++)
			names[n++] = report_bands[j].name;
	else
		for (j = 1; j < REC_MISSING_COUNT; j++)
			names[n++] = rec_missing_name((enum rec_missing)j);
	fprintf(f, "<table id=\"table-%s\">\n", which == 0 ? "mos" :
	    which == 1 ? "bands" : "nomos");
	report_th(f, names, n, 2);
	for (i = 0; i < t->nrows; i++) {
		fputs("<tr><td class=\"t\">", f);
		report_esc(f, report_cell(t, i, RD_DAY));
		fputs("</td><td class=\"t\">", f);
		report_esc(f, report_cell(t, i, RD_NODE));
		fputs("</td>", f);
		if (which == 0) {
			report_td(f, report_cell(t, i, RD_CALLS), 0, false);
			report_td(f, report_cell(t, i, RD_WITH_MOS), 0, false);
			report_td(f, report_cell(t, i, RD_MOS_AVG), 2, false);
			report_td(f, report_cell(t, i, RD_MOS_P5), 1, false);
			report_td(f, report_cell(t, i, RD_MOS_MEDIAN), 1, false);
			report_td(f, report_cell(t, i, RD_MOS_MIN), 1, false);
		} else if (which == 1)
			for (j = 0; j < REPORT_NBANDS; j++)
				report_td(f, report_cell(t, i, RD_BAND0 +
				    (size_t)j), 1, true);
		else
			for (j = 0; j < REC_MISSING_COUNT - 1; j++)
				report_td(f, report_cell(t, i, RD_REASON0 +
				    (size_t)j), 1, true);
		fputs("</tr>\n", f);
	}
	if (t->nrows == 0)
		fprintf(f, "<tr><td class=\"t\" colspan=\"%zu\">no calls in "
		    "this period</td></tr>\n", n);
	fputs("</table>\n", f);
}

/* The daily table of sides A and B. */
static void
report_sides_table(FILE *f, const struct report_table *t)
{
	static const char *const names[] = { "day", "node", "side", "calls",
	    "with an average MOS", "average MOS", "5th percentile", "median" };
	const size_t n = sizeof(names) / sizeof(names[0]);
	size_t i, k;

	fputs("<table id=\"table-sides\">\n", f);
	report_th(f, names, n, 3);
	for (i = 0; i < t->nrows; i++) {
		fputs("<tr>", f);
		for (k = RS_DAY; k <= RS_SIDE; k++) {
			fputs("<td class=\"t\">", f);
			report_esc(f, report_cell(t, i, k));
			fputs("</td>", f);
		}
		report_td(f, report_cell(t, i, RS_CALLS), 0, false);
		report_td(f, report_cell(t, i, RS_MOS_CALLS), 0, false);
		report_td(f, report_cell(t, i, RS_MOS_AVG), 2, false);
		report_td(f, report_cell(t, i, RS_MOS_P5), 1, false);
		report_td(f, report_cell(t, i, RS_MOS_MEDIAN), 1, false);
		fputs("</tr>\n", f);
	}
	if (t->nrows == 0)
		fprintf(f, "<tr><td class=\"t\" colspan=\"%zu\">no calls in "
		    "this period</td></tr>\n", n);
	fputs("</table>\n", f);
}

/* The worst calls, each with its progression chart. */
static void
report_worst(FILE *f, const struct report_data *d)
{
	/* Column, header, decimals (-1: text, right; -2: text, left). */
	static const struct { int col; const char *name; int dec; } c[] = {
		{ RW_START, "start (UTC)", -2 }, { RW_NODE, "node", -2 },
		{ RW_CALL_ID, "Call-ID", -2 }, { RW_DURATION, "duration s", 1 },
		{ RW_WORST, "worst MOS", 1 }, { RW_MOS_AVG, "average MOS", 2 },
		{ RW_A_AVG, "A average", 2 }, { RW_B_AVG, "B average", 2 },
		{ RW_A_LABEL, "A label", -1 }, { RW_B_LABEL, "B label", -1 },
		{ RW_A_MISSING, "A without MOS", -1 },
		{ RW_B_MISSING, "B without MOS", -1 }, { RW_BAND, "band", -1 },
	};
	const size_t nc = sizeof(c) / sizeof(c[0]);
	const struct report_table *w = &d->worst;
	size_t i, k;

	fputs("<table id=\"table-worst\">\n<tr><th>#</th>", f);
	for (k = 0; k < nc; k++)
		fprintf(f, "<th%s>%s</th>", c[k].dec == -2 ? " class=\"t\"" :
		    "", c[k].name);
	fputs("</tr>\n", f);
	for (i = 0; i < w->nrows; i++) {
		fprintf(f, "<tr><td>%zu</td>", i + 1);
		for (k = 0; k < nc; k++) {
			if (c[k].dec != -2) {
				report_td(f, report_cell(w, i,
				    (size_t)c[k].col), c[k].dec, false);
				continue;
			}
			fputs(c[k].col == RW_CALL_ID ?
			    "<td class=\"t call\">" : "<td class=\"t\">", f);
			report_esc(f, report_cell(w, i, (size_t)c[k].col));
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	if (w->nrows == 0)
		fprintf(f, "<tr><td class=\"t\" colspan=\"%zu\">no call with "
		    "a MOS in this period</td></tr>\n", nc + 1);
	fputs("</table>\n", f);
	for (i = 0; i < w->nrows; i++) {
		fprintf(f, "<h3>%zu. <span class=\"call\">", i + 1);
		report_esc(f, report_cell(w, i, RW_CALL_ID));
		fputs("</span> (", f);
		report_esc(f, report_cell(w, i, RW_NODE));
		if (d->prog[i].nrows == 0)
			fputs(")</h3>\n<p>No MOS progression stored for this "
			    "call.</p>\n", f);
		else
			fprintf(f, ")</h3>\n<div class=\"prog\"><canvas "
			    "id=\"chart-prog-%zu\"></canvas></div>\n", i);
	}
}

/* Copies the Chart.js file into f, refusing text that could end the
 * script element. */
static int
report_chartjs(FILE *f, const char *path, char *err, size_t errlen)
{
	FILE *in;
	char *buf;
	size_t n;

	if ((in = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "report: Chart.js %s: %s (install the "
		    "libjs-chart.js package)", path, strerror(errno));
		return -1;
	}
	buf = xmalloc(REPORT_CHARTJS_MAX + 1);
	n = fread(buf, 1, REPORT_CHARTJS_MAX + 1, in);
	fclose(in);
	buf[n > REPORT_CHARTJS_MAX ? REPORT_CHARTJS_MAX : n] = '\0';
	if (n == 0 || n > REPORT_CHARTJS_MAX || strlen(buf) != n ||
	    strcasestr(buf, "</script") != NULL ||
	    strstr(buf, "<!--") != NULL) {
		snprintf(err, errlen, "report: Chart.js %s: empty, over %d "
		    "bytes, or not inlinable text", path, REPORT_CHARTJS_MAX);
		free(buf);
		return -1;
	}
	fwrite(buf, 1, n, f);
	free(buf);
	return 0;
}

int
report_html(FILE *f, const struct report_data *d, char *err, size_t errlen)
{
	const struct report_options *o = d->o;
	char when[32];
	time_t now = (time_t)o->now;
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8"
	    "\">\n<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; script-src 'unsafe-inline'; style-src "
	    "'unsafe-inline'; img-src data:\">\n", f);
	fprintf(f, "<title>moscdr call quality since %s</title>\n<style>%s"
	    "</style>\n</head><body>\n", d->since, report_css);
	fprintf(f, "<h1>Call quality: the last %d days, since %s</h1>\n"
	    "<p>From the %s database's reporting views, written %s. Every "
	    "figure is per UTC day of the call's start (else of its "
	    "reception) and node.</p>\n", o->days, d->since, d->driver, when);
	fputs("<h2>Daily MOS per node: average, median, 5th percentile</h2>\n"
	    "<p>Of the calls' average MOS. A day without any MOS has no "
	    "figure: it says \"no data\", never 0.</p>\n<div class=\"chart\">"
	    "<canvas id=\"chart-mos\"></canvas></div>\n", f);
	report_daily_tables(f, &d->daily, 0);
	fputs("<h2>Daily MOS per side: average, median, 5th percentile</h2>\n"
	    "<p>Of each side's average MOS, per node.</p>\n"
	    "<div class=\"chart\"><canvas "
	    "id=\"chart-side-A\"></canvas></div>\n<div class=\"chart\">"
	    "<canvas id=\"chart-side-B\"></canvas></div>\n", f);
	report_sides_table(f, &d->sides);
	fputs("<h2>Quality bands (ITU-T G.107), among the calls with an "
	    "average MOS</h2>\n<div class=\"chart\"><canvas id=\"chart-bands\">"
	    "</canvas></div>\n", f);
	report_daily_tables(f, &d->daily, 1);
	fputs("<h2>Calls without MOS, by the reason of a side</h2>\n"
	    "<div class=\"chart\"><canvas id=\"chart-nomos\"></canvas></div>\n",
	    f);
	report_daily_tables(f, &d->daily, 2);
	/* --worst 0: no such section. */
	if (o->worst > 0) {
		fprintf(f, "<h2>The %d worst calls by their lowest MOS, and "
		    "their MOS progression per side</h2>\n", o->worst);
		report_worst(f, d);
	}
	fprintf(f, "<footer>moscdrd %s --report; charts by Chart.js, inlined."
	    "</footer>\n", o->version != NULL ? o->version : "");
	fputs("<script type=\"application/json\" id=\"moscdr-data\">", f);
	report_json(f, d);
	fputs("</script>\n<script>\n", f);
	if (report_chartjs(f, o->chartjs != NULL ? o->chartjs :
	    REPORT_CHARTJS, err, errlen) == -1)
		return -1;
	fputs("\n</script>\n<script>\n", f);
	fputs(report_js, f);
	fputs("</script>\n</body></html>\n", f);
	if (ferror(f)) {
		snprintf(err, errlen, "report: write error");
		return -1;
	}
	return 0;
}
