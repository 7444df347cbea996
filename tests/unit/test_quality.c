/*
 * test_quality.c: the call-quality figures of /metrics (quality.h) and
 * their rendering (prom.c): which bucket a MOS at a G.107 edge falls in,
 * one observation per side (the average MOS, or the mos_missing reason),
 * loss and jitter in their units, every reason of the one reason table
 * on the page, the node limit, and the families' text.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "prom.h"
#include "quality.h"
#include "record.h"

static struct record *
parse(const char *json)
{
	struct rec_opts o = { "own", 1700000000.0 };
	struct rec_errinfo e;
	struct record *r = NULL;

	if (record_from_json(json, strlen(json), &o, &r, &e) != 0)
		fail_msg("refused: %s: %s", rec_error_name(e.code), json);
	return r;
}

/* Observes one message. */
static void
observe(struct quality *q, const char *json)
{
	struct record *r = parse(json);

	quality_observe_call(q, r);
	record_free(r);
}

static const struct quality_node *
node(const struct quality_snapshot *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nnodes; i++)
		if (strcmp(s->nodes[i].name, name) == 0)
			return &s->nodes[i];
	fail_msg("no node %s", name);
	return NULL;
}

static void
test_mos_buckets_at_the_band_edges(void **state)
{
	/* MOS, in rtpengine's steps of 0.1, and the bucket it counts in:
	 * le is inclusive, so 3.1 and 3.6 count at their own edge. */
	static const struct { const char *mos; int bucket; } v[] = {
		{ "1.0", 0 }, { "2.5", 0 }, { "2.6", 1 }, { "3.0", 1 },
		{ "3.1", 1 }, { "3.2", 2 }, { "3.6", 2 }, { "3.7", 3 },
		{ "4.0", 3 }, { "4.1", 4 }, { "4.3", 4 }, { "4.4", 5 },
		{ "5.0", 5 },
	};
	struct quality_snapshot *s = calloc(1, sizeof(*s));
	uint64_t want[QUALITY_MOS_NBOUNDS + 1] = { 0 };
	struct quality *q = quality_new("own");
	char json[256];
	double sum = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(json, sizeof(json), "{\"call_id\": \"c%zu\","
		    " \"mos_average_A\": \"%s\", \"mos_A_label\": \"caller\"}",
		    i, v[i].mos);
		observe(q, json);
		want[v[i].bucket]++;
		sum += atof(v[i].mos);
	}
	quality_snapshot(q, s);
	assert_int_equal(s->nnodes, 1);
	for (i = 0; i <= QUALITY_MOS_NBOUNDS; i++)
		assert_int_equal(s->nodes[0].side[0].mos.bucket[i], want[i]);
	assert_true(fabs(s->nodes[0].side[0].mos.sum - sum) < 1e-9);
	assert_int_equal(s->nodes[0].calls, sizeof(v) / sizeof(v[0]));
	/* Side B had no MOS and no reply: "no_reply", each call once. */
	assert_int_equal(s->nodes[0].side[1].without[REC_MISSING_NO_REPLY],
	    sizeof(v) / sizeof(v[0]));
	for (i = 0; i <= QUALITY_MOS_NBOUNDS; i++)
		assert_int_equal(s->nodes[0].side[1].mos.bucket[i], 0);
	quality_free(q);
	free(s);
}

static void
test_one_observation_per_side(void **state)
{
	struct quality_snapshot *s = calloc(1, sizeof(*s));
	struct quality *q = quality_new("own");
	const struct quality_node *n;
	uint64_t mos_a = 0, without_a = 0, mos_b = 0, without_b = 0;
	int i;

	(void)state;
	observe(q, "{\"call_id\": \"x1\", \"node\": \"k1\","
	    " \"mos_average_A\": \"3.9\", \"mos_average_packetloss_A\": \"5\","
	    " \"mos_average_jitter_A\": \"12\", \"mos_average_B\": \"4.4\","
	    " \"mos_average_packetloss_B\": \"0\"}");
	/* No MOS at all, no reply: both sides "no_reply". */
	observe(q, "{\"call_id\": \"x2\", \"node\": \"k1\"}");
	/* Only the whole call's MOS: the sides have none. */
	observe(q, "{\"call_id\": \"x3\", \"node\": \"k1\","
	    " \"mos_average\": \"4.0\"}");
	quality_snapshot(q, s);
	/* The own node is there from the start, at 0. */
	assert_int_equal(s->nnodes, 2);
	assert_string_equal(s->nodes[0].name, "own");
	assert_int_equal(s->nodes[0].calls, 0);
	n = node(s, "k1");
	assert_int_equal(n->calls, 3);
	for (i = 0; i <= QUALITY_MOS_NBOUNDS; i++) {
		mos_a += n->side[0].mos.bucket[i];
		mos_b += n->side[1].mos.bucket[i];
	}
	for (i = 1; i < REC_MISSING_COUNT; i++) {
		without_a += n->side[0].without[i];
		without_b += n->side[1].without[i];
	}
	/* Every call once per side: with MOS or without. */
	assert_int_equal(mos_a + without_a, 3);
	assert_int_equal(mos_b + without_b, 3);
	assert_int_equal(mos_a, 1);
	assert_int_equal(n->side[0].mos.bucket[3], 1);	/* 3.9: 3.6..4.03 */
	assert_int_equal(n->side[1].mos.bucket[5], 1);	/* 4.4 */
	assert_int_equal(n->side[0].without[REC_MISSING_NO_REPLY], 2);
	/* Loss: 5 % in le 5, 0 % in le 0; jitter 12 ms in le 20. */
	assert_int_equal(n->side[0].loss.bucket[4], 1);
	assert_int_equal(n->side[1].loss.bucket[0], 1);
	assert_true(n->side[0].loss.sum == 5);
	assert_int_equal(n->side[0].jitter.bucket[2], 1);
	assert_true(n->side[0].jitter.sum == 12);
	/* Unknown jitter is not observed at all. */
	for (i = 0; i <= QUALITY_JITTER_NBOUNDS; i++)
		assert_int_equal(n->side[1].jitter.bucket[i], 0);
	quality_free(q);
	free(s);
}

static void
test_reason_from_the_reply(void **state)
{
	struct quality_snapshot *s = calloc(1, sizeof(*s));
	struct quality *q = quality_new("own");
	struct record *r;

	(void)state;
	/* A parsed call whose reasons the reply decided (set by hand: the
	 * reply parsing has its own tests). */
	r = parse("{\"call_id\": \"y\", \"mos_A_label\": \"a\","
	    " \"mos_B_label\": \"b\"}");
	r->legs[0].mos_missing = REC_MISSING_NO_RTCP;
	r->legs[1].mos_missing = REC_MISSING_TOO_SHORT;
	quality_observe_call(q, r);
	quality_observe_call(NULL, r);	/* no-op */
	record_free(r);
	quality_snapshot(q, s);
	assert_int_equal(s->nodes[0].side[0].without[REC_MISSING_NO_RTCP], 1);
	assert_int_equal(s->nodes[0].side[1].without[REC_MISSING_TOO_SHORT],
	    1);
	assert_int_equal(s->nodes[0].side[0].without[REC_MISSING_NO_REPLY], 0);
	quality_free(q);
	free(s);
}

static void
test_node_limit(void **state)
{
	struct quality_snapshot *s = calloc(1, sizeof(*s));
	struct quality *q = quality_new("own");
	char json[128];
	int i;

	(void)state;
	/* The own node and QUALITY_NODES_MAX - 1 others have series; the
	 * calls of the 10 beyond count under node "". */
	for (i = 0; i < QUALITY_NODES_MAX + 9; i++) {
		snprintf(json, sizeof(json), "{\"call_id\": \"n\","
		    " \"node\": \"node-%d\"}", i);
		observe(q, json);
	}
	quality_snapshot(q, s);
	assert_int_equal(s->nnodes, QUALITY_NODES_MAX + 1);
	assert_string_equal(s->nodes[QUALITY_NODES_MAX].name, "");
	assert_int_equal(s->nodes[QUALITY_NODES_MAX].calls, 10);
	assert_int_equal(node(s, "node-0")->calls, 1);
	quality_free(q);
	free(s);
}

static void
test_rendered_families(void **state)
{
	struct quality_snapshot *s = calloc(1, sizeof(*s));
	struct quality *q = quality_new("o\"wn");
	struct prom_buf b;
	char want[256];
	int r;

	(void)state;
	observe(q, "{\"call_id\": \"x1\", \"node\": \"k1\","
	    " \"mos_average_A\": \"3.6\", \"mos_average_jitter_A\": \"30\","
	    " \"mos_average_packetloss_A\": \"2\"}");
	observe(q, "{\"call_id\": \"x2\", \"node\": \"k1\","
	    " \"mos_average_A\": \"2.0\"}");
	quality_snapshot(q, s);
	prom_buf_init(&b);
	prom_render_quality(&b, s);
	assert_non_null(strstr(b.p, "# TYPE moscdr_call_mos histogram\n"));
	assert_non_null(strstr(b.p, "moscdr_call_mos_bucket{node=\"k1\","
	    "side=\"A\",le=\"2.58\"} 1\n"));
	assert_non_null(strstr(b.p, "moscdr_call_mos_bucket{node=\"k1\","
	    "side=\"A\",le=\"3.1\"} 1\n"));
	assert_non_null(strstr(b.p, "moscdr_call_mos_bucket{node=\"k1\","
	    "side=\"A\",le=\"3.6\"} 2\n"));
	assert_non_null(strstr(b.p, "moscdr_call_mos_bucket{node=\"k1\","
	    "side=\"A\",le=\"4.34\"} 2\n"));
	assert_non_null(strstr(b.p, "moscdr_call_mos_bucket{node=\"k1\","
	    "side=\"A\",le=\"+Inf\"} 2\n"));
	assert_non_null(strstr(b.p, "moscdr_call_mos_sum{node=\"k1\","
	    "side=\"A\"} 5.600000\n"));
	assert_non_null(strstr(b.p, "moscdr_call_mos_count{node=\"k1\","
	    "side=\"B\"} 0\n"));
	/* The own node, escaped, with zero series. */
	assert_non_null(strstr(b.p, "moscdr_call_mos_count{node=\"o\\\"wn\","
	    "side=\"A\"} 0\n"));
	assert_non_null(strstr(b.p, "moscdr_node_calls_total{node=\"k1\"} "
	    "2\n"));
	/* Jitter in seconds: 30 ms at le 0.03. */
	assert_non_null(strstr(b.p, "moscdr_call_jitter_seconds_bucket{"
	    "node=\"k1\",side=\"A\",le=\"0.03\"} 1\n"));
	assert_non_null(strstr(b.p, "moscdr_call_jitter_seconds_sum{"
	    "node=\"k1\",side=\"A\"} 0.030000\n"));
	assert_non_null(strstr(b.p, "moscdr_call_packet_loss_percent_bucket{"
	    "node=\"k1\",side=\"A\",le=\"1\"} 0\n"));
	assert_non_null(strstr(b.p, "moscdr_call_packet_loss_percent_bucket{"
	    "node=\"k1\",side=\"A\",le=\"2\"} 1\n"));
	/* Every reason of the reason table, for every node and side. */
	for (r = 1; r < REC_MISSING_COUNT; r++) {
		snprintf(want, sizeof(want), "moscdr_calls_without_mos_total{"
		    "node=\"k1\",side=\"B\",reason=\"%s\"} %d\n",
		    rec_missing_name((enum rec_missing)r),
		    r == REC_MISSING_NO_REPLY ? 2 : 0);
		assert_non_null(strstr(b.p, want));
	}
	assert_null(strstr(b.p, "reason=\"(null)\""));
	prom_buf_free(&b);
	/* No nodes: no families (a family needs a sample). */
	memset(s, 0, sizeof(*s));
	prom_buf_init(&b);
	prom_render_quality(&b, s);
	assert_int_equal(b.len, 0);
	prom_buf_free(&b);
	quality_free(q);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mos_buckets_at_the_band_edges),
		cmocka_unit_test(test_one_observation_per_side),
		cmocka_unit_test(test_reason_from_the_reply),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_rendered_families),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
