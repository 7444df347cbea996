/*
 * report_int.h: what report.c (the queries) hands report_html.c (the
 * page): the result tables as the database's text, and their columns.
 */
#ifndef MOSCDR_REPORT_INT_H
#define MOSCDR_REPORT_INT_H

#include <stdio.h>

#include "record.h"
#include "report.h"

/*
 * A query's result: nrows rows of ncols cells, row-major; a cell is the
 * column's text as the database gave it, NULL for SQL NULL. Owns them.
 */
struct report_table {
	size_t ncols, nrows, cap;
	char **cell;
};

static inline const char *
report_cell(const struct report_table *t, size_t row, size_t col)
{
	return row < t->nrows && col < t->ncols ? t->cell[row * t->ncols + col]
	    : NULL;
}

/* The G.107 bands as v_daily_quality names their shares, best first. */
#define REPORT_NBANDS	6
struct report_band {
	const char *column;	/* share_... of v_daily_quality */
	const char *name;	/* as quality_band says it */
	const char *color;
};
extern const struct report_band report_bands[REPORT_NBANDS];

/* Columns of the daily table (v_daily_quality): then the bands, then one
 * share per reason 1 .. REC_MISSING_COUNT - 1 (rec_missing_name). */
enum {
	RD_DAY, RD_NODE, RD_CALLS, RD_WITH_MOS, RD_MOS_AVG, RD_MOS_P5,
	RD_MOS_MEDIAN, RD_MOS_MIN, RD_BAND0
};
#define RD_REASON0	(RD_BAND0 + REPORT_NBANDS)
#define RD_NCOLS	(RD_REASON0 + REC_MISSING_COUNT - 1)

/* Columns of the daily table per side (v_quality_daily, sides A and B). */
enum {
	RS_DAY, RS_NODE, RS_SIDE, RS_CALLS, RS_MOS_CALLS, RS_MOS_AVG,
	RS_MOS_P5, RS_MOS_MEDIAN, RS_NCOLS
};

/* Columns of the worst calls. */
enum {
	RW_PK, RW_NODE, RW_CALL_ID, RW_START, RW_DURATION, RW_WORST,
	RW_MOS_AVG, RW_A_AVG, RW_B_AVG, RW_A_LABEL, RW_B_LABEL, RW_A_MISSING,
	RW_B_MISSING, RW_BAND, RW_NCOLS
};

/* Columns of a progression: scope ('A', 'B'), seq, at_offset_s, mos (the
 * query's first column, call_pk, picks the table and is not kept). */
enum { RP_SCOPE, RP_SEQ, RP_AT, RP_MOS, RP_NCOLS };

/*
 * Everything the page shows. prog[i] belongs to worst row i; worst and
 * prog are empty when o->worst is 0 (the page then leaves the section
 * out). jit is PostgreSQL's jit setting in the report's session as the
 * server gave it back, "" on SQLite.
 */
struct report_data {
	const struct report_options *o;
	const char *driver;
	char since[16];		/* first day, "YYYY-MM-DD" */
	char jit[8];
	struct report_table daily;
	struct report_table sides;
	struct report_table worst;
	struct report_table *prog;
};

/* The page's style sheet and script (report_script.c). */
extern const char report_css[];
extern const char report_js[];

/* Writes the page to f; -1 with err set when Chart.js cannot be read. */
int report_html(FILE *f, const struct report_data *d, char *err,
    size_t errlen);

#endif
