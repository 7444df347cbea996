/*
 * parse_bench.c: measures what record_from_json() costs per message, next
 * to what cJSON alone costs to parse and free the same text.
 *
 * Three messages: the 822-byte Kamailio sample of tests/data, a message
 * with all 56 mos_* keys as benchmsg.h writes it, and the same with
 * rtpengine's query reply (two SSRCs, ten progression points each). Each
 * is parsed N times (default 20000) after a short warm-up, the records
 * freed by batches of PB_BATCH as the writer does; the figure is
 * thread CPU time, not wall time, so a busy machine slows it less. For
 * repeatable figures run it under callgrind, which counts instructions:
 *
 *   valgrind --tool=callgrind --toggle-collect=record_from_json \
 *       build/bench/parse_bench -n 1000 -c full
 *
 * and divide the total by N + N / 20 + 1 (the warm-up runs count too);
 * --toggle-collect=pb_run_cjson counts cJSON alone, N times. Usage: parse_bench [-n N] [-c sample|full|
 * rtpengine] [-d DATADIR]. Prints one line per message; never fails on
 * timing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cJSON.h>

#include "record.h"
#include "benchmsg.h"

#define PB_FILE_MAX	65536
/*
 * Records kept before they are freed, as the writer thread frees a
 * committed batch: parsing and freeing one at a time would let the
 * allocator hand back the same chunks every time, which flatters no
 * real run (and penalizes some layouts at random).
 */
#define PB_BATCH	1000

struct pb_case {
	const char *name;
	char *text;
	size_t len;
};

static double
pb_cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
pb_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	if ((buf = malloc(PB_FILE_MAX)) == NULL)
		abort();
	*len = fread(buf, 1, PB_FILE_MAX, f);
	fclose(f);
	return buf;
}

/* A benchmsg.h message with MOS values, with or without rtpengine. */
static char *
pb_generate(bool rtpengine, size_t *len)
{
	struct bm_gen g;
	struct bm_msg m;
	char *buf;
	uint64_t seq;

	memset(&g, 0, sizeof(g));
	snprintf(g.prefix, sizeof(g.prefix), "bench");
	g.now = 1732690000.0;
	g.rtp_pct = rtpengine ? 100 : 0;
	g.nomos_pct = 0;
	if ((buf = malloc(BM_JSON_MAX)) == NULL)
		abort();
	for (seq = 1;; seq++) {
		bm_build(&g, seq, &m);
		if (m.has_mos && m.has_rtpengine == rtpengine)
			break;
	}
	if ((*len = bm_json(&m, false, buf, BM_JSON_MAX)) == 0)
		abort();
	return buf;
}

/*
 * Parses c->text n times; returns the seconds of CPU spent. Not inlined,
 * so that callgrind can count it alone (--toggle-collect=pb_run_cjson).
 */
__attribute__((noinline))
static double
pb_run_record(const struct pb_case *c, long n, size_t *nsamples)
{
	static struct record *kept[PB_BATCH];
	struct rec_opts opts = { "bench", 1732690000.0 };
	struct rec_errinfo err;
	size_t nkept = 0, k;
	double t0;
	long i;

	t0 = pb_cpu_s();
	for (i = 0; i < n; i++) {
		if (record_from_json(c->text, c->len, &opts, &kept[nkept],
		    &err) == -1) {
			fprintf(stderr, "%s: refused: %s %s\n", c->name,
			    rec_error_name(err.code), err.field);
			exit(1);
		}
		*nsamples = kept[nkept]->nsamples;
		if (++nkept == PB_BATCH || i + 1 == n) {
			for (k = 0; k < nkept; k++)
				record_free(kept[k]);
			nkept = 0;
		}
	}
	return pb_cpu_s() - t0;
}

__attribute__((noinline))
static double
pb_run_cjson(const struct pb_case *c, long n)
{
	cJSON *root;
	double t0;
	long i;

	t0 = pb_cpu_s();
	for (i = 0; i < n; i++) {
		if ((root = cJSON_ParseWithLength(c->text, c->len)) == NULL)
			abort();
		cJSON_Delete(root);
	}
	return pb_cpu_s() - t0;
}

int
main(int argc, char **argv)
{
	struct pb_case cases[3];
	const char *only = NULL, *dir = "tests/data";
	char path[4096];
	size_t nsamples = 0, i;
	long n = 20000;
	double rec_s, cj_s, rec_us[3] = { 0, 0, 0 };
	int ch;

	while ((ch = getopt(argc, argv, "n:c:d:")) != -1) {
		switch (ch) {
		case 'n':
			n = atol(optarg);
			break;
		case 'c':
			only = optarg;
			break;
		case 'd':
			dir = optarg;
			break;
		default:
			fprintf(stderr, "usage: parse_bench [-n N] "
			    "[-c sample|full|rtpengine] [-d DATADIR]\n");
			return 2;
		}
	}
	if (n < 1)
		n = 1;
	snprintf(path, sizeof(path), "%s/datagram-kamailio56-avps.json", dir);
	cases[0].name = "sample";
	cases[0].text = pb_read(path, &cases[0].len);
	cases[1].name = "full";
	cases[1].text = pb_generate(false, &cases[1].len);
	cases[2].name = "rtpengine";
	cases[2].text = pb_generate(true, &cases[2].len);

	printf("%-10s %6s %8s %10s %12s %10s\n", "message", "bytes",
	    "samples", "us/msg", "msgs/s", "cJSON us");
	for (i = 0; i < 3; i++) {
		const struct pb_case *c = &cases[i];

		if (only != NULL && strcmp(only, c->name) != 0)
			continue;
		/* Warm-up: caches, the allocator's free lists. */
		pb_run_record(c, n / 20 + 1, &nsamples);
		rec_s = pb_run_record(c, n, &nsamples);
		cj_s = pb_run_cjson(c, n);
		rec_us[i] = rec_s * 1e6 / (double)n;
		printf("%-10s %6zu %8zu %10.2f %12.0f %10.2f\n", c->name,
		    c->len, nsamples, rec_s * 1e6 / (double)n,
		    (double)n / rec_s, cj_s * 1e6 / (double)n);
	}
	/* What the lines mean, printed with them (make bench's summary). */
	printf("  sample: the captured Kamailio 5.6 message; full: all 56 "
	    "mos_* values, no rtpengine reply;\n"
	    "  rtpengine: the same with the query reply (MOSCDR_QUERY=1: "
	    "media facts of both legs, 2 x %d progression points)\n"
	    "  us/msg: record_from_json() CPU time per message (parse, "
	    "check, record built and freed), one core;\n"
	    "  msgs/s: its inverse; cJSON us: cJSON's parse and free of "
	    "the same text alone, part of us/msg\n",
	    BM_PROG_ENTRIES);
	if (rec_us[1] > 0 && rec_us[2] > 0)
		printf("  the reply costs %.2f us more per message "
		    "(rtpengine / full = %.1f x)\n", rec_us[2] - rec_us[1],
		    rec_us[2] / rec_us[1]);
	for (i = 0; i < 3; i++)
		free(cases[i].text);
	return 0;
}
