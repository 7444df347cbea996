/*
 * test_prom.c: the counters' one table and what is derived from it: the
 * Prometheus text (escaping, labels from the table, cumulative histogram
 * buckets), the summary line, the live queue gauges, the health verdict,
 * and that the documentation names every exported metric and only label
 * values that exist.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prom.h"
#include "queue.h"
#include "stats.h"
#include "util.h"

static char *
render(const struct stats_snapshot *s, const struct evapi_counters *c,
    size_t n)
{
	static const struct process_stats ps = { 100, 2, 4096, 8192, 5, 1024 };
	struct prom_info info = { "1.2", "no\"de\\x\ny", "sqlite", 1.5, 7,
	    &ps, NULL };
	struct quality_snapshot *q = xcalloc(1, sizeof(*q));
	struct prom_buf b;

	/* One node with no call yet: every quality series at 0. */
	q->nnodes = 1;
	snprintf(q->nodes[0].name, sizeof(q->nodes[0].name), "k1");
	info.quality = q;
	prom_buf_init(&b);
	prom_render_page(&b, &info, s, c, n);
	free(q);
	return b.p;
}

static void
test_page(void **state)
{
	struct stats_snapshot s;
	char *p;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.received[STATS_EVAPI] = 3;
	s.refused[REC_ERR_JSON] = 4;
	s.dropped[STATS_DROP_SPOOL_FULL] = 5;
	s.calls_new = 2;
	s.calls_merged = 3;
	s.queue_len = 9;
	s.db_up = -1;		/* a gauge below 0 is written as 0 */
	s.commit_latency.bucket[0] = 1;
	s.commit_latency.bucket[2] = 2;
	s.commit_latency.bucket[STATS_LATENCY_NBOUNDS] = 1;
	s.commit_latency.sum_us = 12000000;
	s.commit_latency.count = 4;
	p = render(&s, NULL, 0);
	assert_non_null(strstr(p, "# TYPE moscdr_messages_received_total "
	    "counter\n"));
	assert_non_null(strstr(p, "moscdr_messages_received_total"
	    "{transport=\"evapi\"} 3\n"));
	assert_non_null(strstr(p, "moscdr_messages_refused_total"
	    "{reason=\"not_json\"} 4\n"));
	/* Index 0 of an error enum is "no error": not a label value. */
	assert_null(strstr(p, "reason=\"ok\""));
	assert_non_null(strstr(p, "moscdr_messages_dropped_total"
	    "{reason=\"spool_full\"} 5\n"));
	assert_non_null(strstr(p, "moscdr_rows_written_total{table=\"call\"} "
	    "5\n"));
	assert_non_null(strstr(p, "moscdr_queue_length 9\n"));
	assert_non_null(strstr(p, "moscdr_db_up 0\n"));
	assert_non_null(strstr(p, "moscdr_retention_days 7\n"));
	assert_non_null(strstr(p, "node=\"no\\\"de\\\\x\\ny\""));
	assert_non_null(strstr(p, "moscdr_batch_commit_seconds_bucket"
	    "{le=\"0.001\"} 1\n"));
	assert_non_null(strstr(p, "moscdr_batch_commit_seconds_bucket"
	    "{le=\"0.005\"} 3\n"));
	assert_non_null(strstr(p, "moscdr_batch_commit_seconds_bucket"
	    "{le=\"10\"} 3\n"));
	assert_non_null(strstr(p, "moscdr_batch_commit_seconds_bucket"
	    "{le=\"+Inf\"} 4\n"));
	assert_non_null(strstr(p, "moscdr_batch_commit_seconds_sum "
	    "12.000000\n"));
	assert_non_null(strstr(p, "moscdr_batch_commit_seconds_count 4\n"));
	/* Internal state is not exported. */
	assert_null(strstr(p, "db_ok_ms"));
	free(p);
}

static void
test_labels_and_histogram(void **state)
{
	const struct prom_label l[2] = { { "node", "k1" }, { "side", "a" } };
	const double bounds[2] = { 1.5, 3 };
	const uint64_t counts[3] = { 2, 0, 1 };
	struct prom_buf b;

	(void)state;
	prom_buf_init(&b);
	prom_histogram(&b, "x_mos", l, 2, bounds, 2, counts, 7.25);
	assert_string_equal(b.p,
	    "x_mos_bucket{node=\"k1\",side=\"a\",le=\"1.5\"} 2\n"
	    "x_mos_bucket{node=\"k1\",side=\"a\",le=\"3\"} 2\n"
	    "x_mos_bucket{node=\"k1\",side=\"a\",le=\"+Inf\"} 3\n"
	    "x_mos_sum{node=\"k1\",side=\"a\"} 7.250000\n"
	    "x_mos_count{node=\"k1\",side=\"a\"} 3\n");
	prom_buf_free(&b);
}

static void
test_evapi(void **state)
{
	struct evapi_counters c[1];
	struct stats_snapshot s;
	char *p;

	(void)state;
	memset(&s, 0, sizeof(s));
	memset(c, 0, sizeof(c));
	c[0].title = "kam1";
	c[0].peer = "127.0.0.1:8448";
	c[0].state = EVAPI_CONNECTED;
	c[0].frames = 11;
	c[0].connected_s = 2.5;
	p = render(&s, c, 1);
	assert_non_null(strstr(p, "moscdr_evapi_connected{client=\"kam1\","
	    "peer=\"127.0.0.1:8448\"} 1\n"));
	assert_non_null(strstr(p, "moscdr_evapi_client_frames_total"
	    "{client=\"kam1\"} 11\n"));
	assert_non_null(strstr(p, "moscdr_evapi_client_connected_seconds"
	    "{client=\"kam1\"} 2.500000\n"));
	free(p);
	p = render(&s, NULL, 0);
	assert_null(strstr(p, "moscdr_evapi_connected"));
	free(p);
}

static void
test_line_and_live_gauges(void **state)
{
	struct queue_item *it = xcalloc(1, sizeof(*it));
	struct stats *st = xcalloc(1, sizeof(*st));
	struct queue *q = queue_new(1000);
	char line[4096];

	(void)state;
	stats_inc(&st->stored);
	stats_add(&st->refused[REC_ERR_VALUE], 2);
	stats_inc(&st->auth_refused[AUTH_ERR_REPLAY]);
	it->bytes = 100;
	assert_int_equal(queue_push(q, it), 0);
	st->queue = q;
	stats_format_line(st, line, sizeof(line));
	assert_non_null(strstr(line, "received_udp=0 "));
	assert_non_null(strstr(line, " stored=1 "));
	assert_non_null(strstr(line, " refused_bad_value=2 "));
	assert_non_null(strstr(line, " auth_replay=1 "));
	assert_non_null(strstr(line, " queue_len=1 "));
	assert_null(strstr(line, "refused_ok"));
	/* A short buffer is cut, not overrun. */
	stats_format_line(st, line, 10);
	assert_int_equal(strlen(line), 9);
	queue_free(q);
	free(st);
}

static void
test_health(void **state)
{
	struct stats_snapshot s;
	char buf[256];

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_string_equal(stats_health(&s, 5000, buf, sizeof(buf)),
	    "database not available since start");
	s.db_up = 1;
	s.db_ok_ms = 1000;
	assert_null(stats_health(&s, 5000, buf, sizeof(buf)));
	assert_string_equal(buf, "ok");
	assert_non_null(stats_health(&s, 1000 + STATS_HEALTH_STALE_S * 1000 +
	    1, buf, sizeof(buf)));
	assert_string_equal(buf, "no successful database call for 60 s");
	/* A short outage is healthy (the journal holds the messages); one
	 * of STATS_HEALTH_DOWN_S is not. */
	s.db_up = 0;
	s.db_down_ms = 3000;
	assert_null(stats_health(&s, 8000, buf, sizeof(buf)));
	assert_string_equal(buf, "database unavailable for 5 s");
	assert_string_equal(stats_health(&s, 3000 + STATS_HEALTH_DOWN_S *
	    1000, buf, sizeof(buf)), "database unavailable for 10 s");
	/* A writer inside one call for STATS_HEALTH_STUCK_S is stuck. */
	s.db_up = 1;
	s.db_ok_ms = 4000;
	s.writer_busy_ms = 4000;
	s.writer_busy_op = STATS_OP_COMMIT;
	s.backlog = 7;
	assert_null(stats_health(&s, 5000, buf, sizeof(buf)));
	assert_string_equal(stats_health(&s, 4000 + STATS_HEALTH_STUCK_S *
	    1000, buf, sizeof(buf)), "writer stuck in a database call "
	    "(commit) for 10 s; 7 messages wait in the journal");
	s.writer_busy_ms = 0;
	/* A backlog beyond the queue's that shrinks: 200 "draining". */
	s.queue_len = 500;
	s.backlog = 500 + STATS_HEALTH_BACKLOG;
	assert_null(stats_health(&s, 5000, buf, sizeof(buf)));
	assert_string_equal(buf, "ok");
	s.backlog = 501 + STATS_HEALTH_BACKLOG;
	assert_null(stats_health(&s, 5000, buf, sizeof(buf)));
	assert_string_equal(buf, "draining: 1501 messages in the journal");
	/* Growing: still 200 at first, 503 after STATS_HEALTH_SPOOL_S. */
	s.backlog_grow_ms = 4500;
	assert_null(stats_health(&s, 5000, buf, sizeof(buf)));
	assert_string_equal(stats_health(&s, 4500 + STATS_HEALTH_SPOOL_S *
	    1000, buf, sizeof(buf)), "backlog growing for 30 s: 1501 "
	    "messages in the journal");
}

/* README.md and the docs directory's .md files, concatenated. */
static char *
read_docs(void)
{
	glob_t g;
	char *all = xstrdup(""), *p;
	size_t i, n, len = 0;
	FILE *f;

	assert_int_equal(glob("docs/*.md", 0, NULL, &g), 0);
	for (i = 0; i <= g.gl_pathc; i++) {
		f = fopen(i < g.gl_pathc ? g.gl_pathv[i] : "README.md", "r");
		assert_non_null(f);
		fseek(f, 0, SEEK_END);
		n = (size_t)ftell(f);
		rewind(f);
		p = xrealloc(all, len + n + 1);
		all = p;
		assert_int_equal(fread(all + len, 1, n, f), n);
		len += n;
		all[len] = '\0';
		fclose(f);
	}
	globfree(&g);
	return all;
}

/* Whether the page has a family of that name. */
static int
exported(const char *page, const char *name, size_t len)
{
	char key[256];

	snprintf(key, sizeof(key), "# TYPE %.*s ", (int)len, name);
	return strstr(page, key) != NULL;
}

/*
 * Every family of the page is named in the docs (in backquotes), and in
 * each table row of the docs that documents metrics, every metric named
 * is exported and every label value listed (`label` = `v1`, `v2`)
 * occurs on the page.
 */
static void
test_docs_match(void **state)
{
	struct evapi_counters c[1];
	struct stats_snapshot s;
	char *page, *docs, *p, *e, *row, *col, *eol, name[256], lab[64];
	int bad = 0;

	(void)state;
	memset(&s, 0, sizeof(s));
	memset(c, 0, sizeof(c));
	c[0].title = "t";
	c[0].peer = "p";
	page = render(&s, c, 1);
	docs = read_docs();
	for (p = strstr(page, "# TYPE "); p != NULL;
	    p = strstr(p, "# TYPE ")) {
		p += 7;
		e = strchr(p, ' ');
		snprintf(name, sizeof(name), "`%.*s`", (int)(e - p), p);
		if (strstr(docs, name) == NULL) {
			print_error("metric %s is not in the docs\n", name);
			bad++;
		}
	}
	for (row = strstr(docs, "\n| `moscdr_"); row != NULL;
	    row = strstr(eol, "\n| `moscdr_")) {
		row++;
		eol = strchr(row, '\n');
		if (eol == NULL)
			eol = row + strlen(row);
		/* First column: the metric names. */
		col = strchr(row + 1, '|');
		for (p = row; p < col; p = e + 1) {
			if ((p = strchr(p, '`')) == NULL || p >= col)
				break;
			e = strchr(p + 1, '`');
			if (!exported(page, p + 1, (size_t)(e - p - 1))) {
				print_error("docs name %.*s, not exported\n",
				    (int)(e - p - 1), p + 1);
				bad++;
			}
		}
		/* Third column: `label` = `v`, `v`... */
		col = strchr(col + 1, '|');
		p = col + 1;
		lab[0] = '\0';
		while ((p = strchr(p, '`')) != NULL && p < eol) {
			e = strchr(p + 1, '`');
			if (strncmp(e + 1, " = ", 3) == 0) {
				snprintf(lab, sizeof(lab), "%.*s",
				    (int)(e - p - 1), p + 1);
			} else if (lab[0] != '\0' && (e[1] == ',' ||
			    e[1] == ' ') && (p[-1] == ' ')) {
				snprintf(name, sizeof(name), "%s=\"%.*s\"",
				    lab, (int)(e - p - 1), p + 1);
				if (strstr(page, name) == NULL) {
					print_error("docs list %s, not "
					    "exported\n", name);
					bad++;
				}
			}
			if (e[1] == ' ' && e[2] == '|')
				break;
			p = e + 1;
		}
	}
	free(page);
	free(docs);
	assert_int_equal(bad, 0);
}

/*
 * The writer's watch: nothing for a call shorter than STATS_HEALTH_STUCK_S,
 * BEGIN once when it reaches it, STILL every STATS_STALL_REPEAT_S with the
 * duration, END once when that call is over (also when the next one began
 * in between), then a new stuck call is a new BEGIN.
 */
static void
test_stall(void **state)
{
	const int64_t stuck = STATS_HEALTH_STUCK_S * 1000;
	const int64_t rep = STATS_STALL_REPEAT_S * 1000;
	struct stats_stall st;
	int64_t dur, op, t, n = 0;

	(void)state;
	memset(&st, 0, sizeof(st));
	assert_int_equal(stats_stall_check(&st, 0, 0, 5000, &dur, &op),
	    STATS_STALL_NONE);
	assert_int_equal(stats_stall_check(&st, 1000, STATS_OP_COMMIT,
	    1000 + stuck - 1, &dur, &op), STATS_STALL_NONE);
	assert_int_equal(stats_stall_check(&st, 1000, STATS_OP_COMMIT,
	    1000 + stuck, &dur, &op), STATS_STALL_BEGIN);
	assert_int_equal(dur, stuck);
	assert_int_equal(op, STATS_OP_COMMIT);
	assert_string_equal(stats_op_name(op), "commit");
	/* Once a second for a while: one STILL per repeat interval. */
	for (t = 1000 + stuck + 1000; t <= 1000 + stuck + 3 * rep; t += 1000)
		if (stats_stall_check(&st, 1000, STATS_OP_COMMIT, t, &dur,
		    &op) == STATS_STALL_STILL) {
			n++;
			assert_int_equal(dur, t - 1000);
		}
	assert_int_equal(n, 3);
	/* Over: it lasted until now (idle writer). */
	assert_int_equal(stats_stall_check(&st, 0, STATS_OP_NONE, 200000,
	    &dur, &op), STATS_STALL_END);
	assert_int_equal(dur, 199000);
	assert_int_equal(op, STATS_OP_COMMIT);
	assert_int_equal(stats_stall_check(&st, 0, 0, 201000, &dur, &op),
	    STATS_STALL_NONE);
	/* Stuck again, then over with the next call already running: it
	 * ended before that one began. */
	assert_int_equal(stats_stall_check(&st, 300000, STATS_OP_CONNECT,
	    300000 + stuck, &dur, &op), STATS_STALL_BEGIN);
	assert_string_equal(stats_op_name(op), "connect");
	assert_int_equal(stats_stall_check(&st, 312500, STATS_OP_PING,
	    313000, &dur, &op), STATS_STALL_END);
	assert_int_equal(dur, 12500);
	assert_int_equal(op, STATS_OP_CONNECT);
	assert_int_equal(stats_stall_check(&st, 312500, STATS_OP_PING,
	    314000, &dur, &op), STATS_STALL_NONE);
	assert_string_equal(stats_op_name(99), "database call");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_labels_and_histogram),
		cmocka_unit_test(test_evapi),
		cmocka_unit_test(test_line_and_live_gauges),
		cmocka_unit_test(test_health),
		cmocka_unit_test(test_stall),
		cmocka_unit_test(test_docs_match),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
