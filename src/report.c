/*
 * report.c: implements report.h: the report's queries, through the
 * store's read-only query, and the atomic write of the page
 * (report_html.c renders it).
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report_int.h"
#include "util.h"

const struct report_band report_bands[REPORT_NBANDS] = {
	{ "share_very_satisfied", "very satisfied", "#1a9850" },
	{ "share_satisfied", "satisfied", "#91cf60" },
	{ "share_some_dissatisfied", "some users dissatisfied", "#fee08b" },
	{ "share_many_dissatisfied", "many users dissatisfied", "#fc8d59" },
	{ "share_nearly_all_dissatisfied", "nearly all users dissatisfied",
	  "#d73027" },
	{ "share_not_recommended", "not recommended", "#7f0000" },
};

/* Appends one row of text cells to the table (the query's callback). */
static int
report_add_row(void *arg, size_t ncols, const char *const *v)
{
	struct report_table *t = arg;
	size_t i;

	if (t->ncols == 0)
		t->ncols = ncols;
	if (ncols != t->ncols)
		return -1;
	if ((t->nrows + 1) * t->ncols > t->cap) {
		t->cap = t->cap * 2 + t->ncols * 16;
		t->cell = xrealloc(t->cell, t->cap * sizeof(*t->cell));
	}
	for (i = 0; i < ncols; i++)
		t->cell[t->nrows * ncols + i] = v[i] != NULL ? xstrdup(v[i]) :
		    NULL;
	t->nrows++;
	return 0;
}

static void
report_table_free(struct report_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cell[i]);
	free(t->cell);
	memset(t, 0, sizeof(*t));
}

/* Appends printf text to the SQL being built in buf. */
static void report_sql(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
report_sql(char *buf, size_t len, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + n, len - n, fmt, ap);
	va_end(ap);
}

/* Keeps the first cell of the one row a query gives (arg: char[8]). */
static int
report_keep_first(void *arg, size_t ncols, const char *const *v)
{
	char *out = arg;

	if (ncols < 1 || v[0] == NULL)
		return -1;
	snprintf(out, 8, "%s", v[0]);
	return 0;
}

/*
 * PostgreSQL: jit off for the report's session. JIT compilation made
 * these queries take tens of seconds on partitioned tables, and they are
 * key lookups and small aggregates that gain nothing from it. The
 * server's answer is kept for the page's JSON object.
 */
static enum store_status
report_session(const struct store_backend *be, struct store *st,
    struct report_data *d, char *err, size_t errlen)
{
	if (strcmp(be->name, "postgresql") != 0)
		return STORE_OK;
	return be->query(st, "SELECT set_config('jit', 'off', false)", NULL,
	    0, report_keep_first, d->jit, err, errlen);
}

/*
 * The daily rows of the period from v_daily_quality, in RD_* order: the
 * band shares by report_bands, the reasons by rec_missing_name.
 */
static enum store_status
report_query_daily(const struct store_backend *be, struct store *st,
    struct report_data *d, char *err, size_t errlen)
{
	const char *param[1] = { d->since };
	bool pg = strcmp(be->name, "postgresql") == 0;
	char sql[2048] = "";
	int i;

	report_sql(sql, sizeof(sql), "SELECT %s, node, calls, calls_with_mos,"
	    " mos_average, mos_p5, mos_median, mos_min",
	    pg ? "day::text" : "day");
	for (i = 0; i < REPORT_NBANDS; i++)
		report_sql(sql, sizeof(sql), ", %s", report_bands[i].column);
	for (i = 1; i < REC_MISSING_COUNT; i++)
		report_sql(sql, sizeof(sql), ", share_no_mos_%s",
		    rec_missing_name((enum rec_missing)i));
	report_sql(sql, sizeof(sql), " FROM v_daily_quality WHERE day >= %s"
	    " ORDER BY day, node", pg ? "$1::date" : "?1");
	d->daily.ncols = RD_NCOLS;
	return be->query(st, sql, param, 1, report_add_row, &d->daily, err,
	    errlen);
}

/* The period's rows of sides A and B from v_quality_daily, RS_* order. */
static enum store_status
report_query_sides(const struct store_backend *be, struct store *st,
    struct report_data *d, char *err, size_t errlen)
{
	const char *param[1] = { d->since };
	bool pg = strcmp(be->name, "postgresql") == 0;
	char sql[512];

	snprintf(sql, sizeof(sql), "SELECT %s, node, side, calls, mos_calls,"
	    " mos_average, mos_p5, mos_median FROM v_quality_daily WHERE"
	    " day >= %s AND side IN ('A', 'B') ORDER BY day, node, side",
	    pg ? "day::text" : "day", pg ? "$1::date" : "?1");
	d->sides.ncols = RS_NCOLS;
	return be->query(st, sql, param, 1, report_add_row, &d->sides, err,
	    errlen);
}

/*
 * Column col of t (call keys) as one query parameter in *out (the
 * caller frees it): a JSON array for SQLite's json_each(), an array
 * literal for PostgreSQL's ANY(). -1 when a key is not an integer.
 */
static int
report_pk_list(const struct report_table *t, size_t col, bool pg,
    char **out)
{
	size_t i, len = 3, n = 0;
	char *buf, *end;
	const char *k;

	for (i = 0; i < t->nrows; i++) {
		if ((k = report_cell(t, i, col)) == NULL)
			return -1;
		len += strlen(k) + 1;
	}
	buf = xmalloc(len);
	buf[n++] = pg ? '{' : '[';
	for (i = 0; i < t->nrows; i++) {
		k = report_cell(t, i, col);
		(void)strtoll(k, &end, 10);
		if (*k == '\0' || *end != '\0') {
			free(buf);
			return -1;
		}
		n += (size_t)sprintf(buf + n, "%s%s", i > 0 ? "," : "", k);
	}
	buf[n++] = pg ? '}' : ']';
	buf[n] = '\0';
	*out = buf;
	return 0;
}

/*
 * The worst calls' keys: the calls of the period in the order of their
 * stored mos_worst (migration 013: the lowest known average or minimum
 * of the call and its sides, kept by the writer; NULL, and left out,
 * when none is known), ties by call_pk. The call_worst index gives them
 * in that order, so the query reads about as many index entries as
 * --worst asks for divided by the period's share of the calls, however
 * many calls the period holds (before 013 it ranked every call of the
 * period from its samples: about 2 to 3 us per call).
 */
#define REPORT_WORST_KEYS \
	"SELECT call_pk FROM call WHERE mos_worst IS NOT NULL" \
	" AND coalesce(start_time, received_at) >= %s" \
	" ORDER BY mos_worst, call_pk LIMIT %s"

/*
 * The period's worst calls by mos_worst, in RW_* order, in two steps, as
 * one query through v_call_quality for every call of the period was slow
 * on a large database (its thirteen lookups per call, and the sort of
 * wide rows): first the keys (above), then only those calls' details
 * from v_call_quality by call_pk, in the same order.
 */
static enum store_status
report_query_worst(const struct store_backend *be, struct store *st,
    struct report_data *d, char *err, size_t errlen)
{
	static const char cols[] = " call_pk, node, call_id, %s, duration_s,"
	    " mos_worst, mos_average, a_mos_average, b_mos_average, a_label,"
	    " b_label, a_mos_missing, b_mos_missing, quality_band"
	    " FROM v_call_quality WHERE call_pk %s"
	    " ORDER BY mos_worst, call_pk";
	struct report_table keys;
	char since[32], limit[16], sql[1024];
	const char *param[2] = { since, limit };
	bool pg = strcmp(be->name, "postgresql") == 0;
	enum store_status s;
	char *list = NULL;

	memset(&keys, 0, sizeof(keys));
	snprintf(since, sizeof(since), "%sT00:00:00.000Z", d->since);
	snprintf(limit, sizeof(limit), "%d", d->o->worst);
	snprintf(sql, sizeof(sql), REPORT_WORST_KEYS,
	    pg ? "$1::timestamptz" : "?1", pg ? "$2::int" : "?2");
	keys.ncols = 1;
	s = be->query(st, sql, param, 2, report_add_row, &keys, err, errlen);
	d->worst.ncols = RW_NCOLS;
	if (s != STORE_OK || keys.nrows == 0)
		goto done;
	if (report_pk_list(&keys, 0, pg, &list) == -1) {
		s = STORE_REJECT;
		goto done;
	}
	param[0] = list;
	snprintf(sql, sizeof(sql), "SELECT");
	report_sql(sql, sizeof(sql), cols, pg ?
	    "to_char(coalesce(start_time, received_at) AT TIME ZONE 'UTC',"
	    " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')" :
	    "coalesce(start_time, received_at)", pg ?
	    "= ANY ($1::bigint[])" : "IN (SELECT value FROM json_each(?1))");
	s = be->query(st, sql, param, 1, report_add_row, &d->worst, err,
	    errlen);
done:
	free(list);
	report_table_free(&keys);
	return s;
}

/* Routes a progression row to the table of its call (by call_pk). */
struct report_prog_arg {
	struct report_data *d;
	size_t at;		/* the worst row the last key matched */
};

static int
report_add_prog(void *arg, size_t ncols, const char *const *v)
{
	struct report_prog_arg *a = arg;
	const struct report_table *w = &a->d->worst;
	size_t i;

	if (ncols != RP_NCOLS + 1 || v[0] == NULL)
		return -1;
	for (i = 0; i < w->nrows; i++, a->at = (a->at + 1) % w->nrows)
		if (strcmp(report_cell(w, a->at, RW_PK), v[0]) == 0)
			return report_add_row(&a->d->prog[a->at], ncols - 1,
			    v + 1);
	return -1;
}

/* The worst calls' progression points with a MOS, per side: one query. */
static enum store_status
report_query_progressions(const struct store_backend *be, struct store *st,
    struct report_data *d, char *err, size_t errlen)
{
	bool pg = strcmp(be->name, "postgresql") == 0;
	struct report_prog_arg a = { d, 0 };
	const char *param[1];
	enum store_status s;
	char sql[512];
	char *list;
	size_t i;

	d->prog = xcalloc(d->worst.nrows + 1, sizeof(*d->prog));
	for (i = 0; i < d->worst.nrows; i++)
		d->prog[i].ncols = RP_NCOLS;
	if (d->worst.nrows == 0)
		return STORE_OK;
	if (report_pk_list(&d->worst, RW_PK, pg, &list) == -1)
		return STORE_REJECT;
	param[0] = list;
	snprintf(sql, sizeof(sql), "SELECT call_pk, scope, seq, at_offset_s,"
	    " mos FROM mos_sample WHERE call_pk %s AND kind = 'progression'"
	    " AND scope IN ('A', 'B') AND mos IS NOT NULL"
	    " ORDER BY call_pk, scope, seq", pg ? "= ANY ($1::bigint[])" :
	    "IN (SELECT value FROM json_each(?1))");
	s = be->query(st, sql, param, 1, report_add_prog, &a, err, errlen);
	free(list);
	return s;
}

/* Writes the page to path through path.tmp, synced, renamed. */
static int
report_save(const char *path, const struct report_data *d, char *err,
    size_t errlen)
{
	char tmp[4096];
	FILE *f;
	int rc;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp)) {
		snprintf(err, errlen, "report: %s: path too long", path);
		return -1;
	}
	if ((f = fopen(tmp, "w")) == NULL) {
		snprintf(err, errlen, "report: %s: %s", tmp, strerror(errno));
		return -1;
	}
	rc = report_html(f, d, err, errlen);
	if (rc == 0 && (fflush(f) != 0 || fsync(fileno(f)) == -1)) {
		snprintf(err, errlen, "report: %s: %s", tmp, strerror(errno));
		rc = -1;
	}
	if (fclose(f) != 0 && rc == 0) {
		snprintf(err, errlen, "report: %s: %s", tmp, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path) == -1) {
		snprintf(err, errlen, "report: %s: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	return rc;
}

int
report_write(const struct store_backend *be, const struct store_config *cfg,
    const struct report_options *o, char *err, size_t errlen)
{
	struct report_data d;
	struct store *st = NULL;
	struct stat sb;
	time_t first;
	struct tm tm;
	size_t i;
	int rc = -1;

	memset(&d, 0, sizeof(d));
	d.o = o;
	d.driver = be->name;
	if (o->days < 1 || o->days > REPORT_DAYS_MAX || o->worst < 0 ||
	    o->worst > REPORT_WORST_MAX) {
		snprintf(err, errlen, "report: --days 1..%d, --worst 0..%d",
		    REPORT_DAYS_MAX, REPORT_WORST_MAX);
		return -1;
	}
	/* Opening a missing SQLite file would create an empty one. */
	if (strcmp(be->name, "sqlite") == 0 && cfg->path != NULL &&
	    stat(cfg->path, &sb) == -1) {
		snprintf(err, errlen, "report: database %s: %s", cfg->path,
		    strerror(errno));
		return -1;
	}
	first = (time_t)(o->now / 86400) * 86400 - (time_t)(o->days - 1) *
	    86400;
	gmtime_r(&first, &tm);
	strftime(d.since, sizeof(d.since), "%Y-%m-%d", &tm);
	if (be->open(cfg, &st, err, errlen) != STORE_OK)
		return -1;
	err[0] = '\0';
	if (report_session(be, st, &d, err, errlen) != STORE_OK ||
	    report_query_daily(be, st, &d, err, errlen) != STORE_OK ||
	    report_query_sides(be, st, &d, err, errlen) != STORE_OK ||
	    (o->worst > 0 &&
	    report_query_worst(be, st, &d, err, errlen) != STORE_OK) ||
	    report_query_progressions(be, st, &d, err, errlen) != STORE_OK) {
		if (err[0] == '\0')
			snprintf(err, errlen, "report: a view has other "
			    "columns than this moscdrd expects");
		goto done;
	}
	be->close(st);
	st = NULL;
	rc = report_save(o->out, &d, err, errlen);
done:
	be->close(st);
	report_table_free(&d.daily);
	report_table_free(&d.sides);
	for (i = 0; d.prog != NULL && i < d.worst.nrows; i++)
		report_table_free(&d.prog[i]);
	free(d.prog);
	report_table_free(&d.worst);
	return rc;
}
