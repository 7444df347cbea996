/*
 * prom.c: implements prom.h, the Prometheus text format written from
 * plain data.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prom.h"
#include "util.h"

void
prom_buf_init(struct prom_buf *b)
{
	b->cap = 16384;
	b->len = 0;
	b->p = xmalloc(b->cap);
	b->p[0] = '\0';
}

void
prom_buf_free(struct prom_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void
prom_printf(struct prom_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if ((size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return;
		}
		b->cap = b->cap * 2 + (size_t)n;
		b->p = xrealloc(b->p, b->cap);
	}
}

/* Writes s as a label value: \ " and newline escaped. */
static void
prom_label_value(struct prom_buf *b, const char *s)
{
	const char *run;

	for (run = s; *s != '\0'; s++) {
		if (*s != '\\' && *s != '"' && *s != '\n')
			continue;
		prom_printf(b, "%.*s\\%c", (int)(s - run), run,
		    *s == '\n' ? 'n' : *s);
		run = s + 1;
	}
	prom_printf(b, "%s", run);
}

void
prom_family(struct prom_buf *b, const char *name, const char *type,
    const char *help)
{
	prom_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* "name{labels}" or "name{labels,le="x"}"; then the caller's value. */
static void
prom_series(struct prom_buf *b, const char *name, const char *suffix,
    const struct prom_label *labels, size_t nlabels, const char *le)
{
	size_t i;

	prom_printf(b, "%s%s", name, suffix);
	if (nlabels == 0 && le == NULL)
		return;
	prom_printf(b, "{");
	for (i = 0; i < nlabels; i++) {
		prom_printf(b, "%s%s=\"", i > 0 ? "," : "", labels[i].name);
		prom_label_value(b, labels[i].value != NULL ?
		    labels[i].value : "");
		prom_printf(b, "\"");
	}
	if (le != NULL)
		prom_printf(b, "%sle=\"%s\"", nlabels > 0 ? "," : "", le);
	prom_printf(b, "}");
}

void
prom_u64(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, uint64_t v)
{
	prom_series(b, name, "", labels, nlabels, NULL);
	prom_printf(b, " %llu\n", (unsigned long long)v);
}

void
prom_i64(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, int64_t v)
{
	prom_series(b, name, "", labels, nlabels, NULL);
	prom_printf(b, " %lld\n", (long long)v);
}

void
prom_double(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, double v)
{
	prom_series(b, name, "", labels, nlabels, NULL);
	prom_printf(b, " %.6f\n", v);
}

void
prom_histogram(struct prom_buf *b, const char *name,
    const struct prom_label *labels, size_t nlabels, const double *bounds,
    size_t nbounds, const uint64_t *counts, double sum)
{
	uint64_t cum = 0;
	char le[32];
	size_t i;

	for (i = 0; i < nbounds; i++) {
		cum += counts[i];
		snprintf(le, sizeof(le), "%g", bounds[i]);
		prom_series(b, name, "_bucket", labels, nlabels, le);
		prom_printf(b, " %llu\n", (unsigned long long)cum);
	}
	cum += counts[nbounds];
	prom_series(b, name, "_bucket", labels, nlabels, "+Inf");
	prom_printf(b, " %llu\n", (unsigned long long)cum);
	prom_series(b, name, "_sum", labels, nlabels, NULL);
	prom_printf(b, " %.6f\n", sum);
	prom_series(b, name, "_count", labels, nlabels, NULL);
	prom_printf(b, " %llu\n", (unsigned long long)cum);
}

static const char *
prom_type(enum stats_kind k)
{
	switch (k) {
	case STATS_KIND_COUNTER:
		return "counter";
	case STATS_KIND_HISTOGRAM:
		return "histogram";
	default:
		return "gauge";
	}
}

static void
prom_commit_latency(struct prom_buf *b, const struct stats_family *f,
    const struct stats_histogram_snap *h)
{
	static const uint64_t us[STATS_LATENCY_NBOUNDS] =
	    STATS_LATENCY_BOUNDS_US;
	double bounds[STATS_LATENCY_NBOUNDS];
	size_t i;

	for (i = 0; i < STATS_LATENCY_NBOUNDS; i++)
		bounds[i] = (double)us[i] / 1e6;
	prom_family(b, f->metric, "histogram", f->help);
	prom_histogram(b, f->metric, NULL, 0, bounds, STATS_LATENCY_NBOUNDS,
	    h->bucket, (double)h->sum_us / 1e6);
}

void
prom_render_stats(struct prom_buf *b, const struct stats_snapshot *s)
{
	const struct stats_family *f;
	struct prom_label l;
	int64_t v;
	size_t k, i;

	for (k = 0; k < stats_nfamilies; k++) {
		f = &stats_families[k];
		if (f->metric == NULL || f->kind == STATS_KIND_STATE)
			continue;
		if (f->kind == STATS_KIND_HISTOGRAM) {
			prom_commit_latency(b, f, (const void *)((const char *)s +
			    f->offset));
			continue;
		}
		prom_family(b, f->metric, prom_type(f->kind), f->help);
		for (i = f->names != NULL ? (size_t)f->first : 0; i < f->count;
		    i++) {
			v = stats_value(s, f, i);
			if (f->kind != STATS_KIND_COUNTER && v < 0)
				v = 0;
			l.name = f->label;
			l.value = f->names != NULL ? f->names((int)i) : NULL;
			prom_u64(b, f->metric, &l, f->names != NULL ? 1 : 0,
			    (uint64_t)v);
		}
	}
	/* Derived: rows by table. */
	prom_family(b, "moscdr_rows_written_total", "counter",
	    "Rows inserted or updated, by table.");
	l.name = "table";
	l.value = "call";
	prom_u64(b, "moscdr_rows_written_total", &l, 1,
	    s->calls_new + s->calls_merged);
	l.value = "leg";
	prom_u64(b, "moscdr_rows_written_total", &l, 1, s->legs);
	l.value = "mos_sample";
	prom_u64(b, "moscdr_rows_written_total", &l, 1, s->samples);
}

/* One histogram family's series, one per node and side; which picks
 * the histogram of a side. */
enum prom_qhist { PROM_Q_MOS, PROM_Q_LOSS, PROM_Q_JITTER };

static void
prom_quality_hist(struct prom_buf *b, const struct quality_snapshot *q,
    const char *name, const char *help, enum prom_qhist which)
{
	double bounds[QUALITY_LOSS_NBOUNDS + QUALITY_JITTER_NBOUNDS];
	const struct quality_side *s;
	struct prom_label l[2];
	size_t i, k, side, nb;

	prom_family(b, name, "histogram", help);
	nb = which == PROM_Q_MOS ? QUALITY_MOS_NBOUNDS : which == PROM_Q_LOSS ?
	    QUALITY_LOSS_NBOUNDS : QUALITY_JITTER_NBOUNDS;
	for (k = 0; k < nb; k++)
		bounds[k] = which == PROM_Q_MOS ? quality_mos_bounds[k] :
		    which == PROM_Q_LOSS ? quality_loss_bounds[k] :
		    quality_jitter_bounds[k] / 1000.0;
	for (i = 0; i < q->nnodes; i++)
		for (side = 0; side < QUALITY_SIDES; side++) {
			s = &q->nodes[i].side[side];
			l[0].name = "node";
			l[0].value = q->nodes[i].name;
			l[1].name = "side";
			l[1].value = rec_side_name((int)side);
			if (which == PROM_Q_MOS)
				prom_histogram(b, name, l, 2, bounds, nb,
				    s->mos.bucket, s->mos.sum);
			else if (which == PROM_Q_LOSS)
				prom_histogram(b, name, l, 2, bounds, nb,
				    s->loss.bucket, s->loss.sum);
			else
				prom_histogram(b, name, l, 2, bounds, nb,
				    s->jitter.bucket, s->jitter.sum / 1000.0);
		}
}

void
prom_render_quality(struct prom_buf *b, const struct quality_snapshot *q)
{
	struct prom_label l[3];
	size_t i, side;
	int r;

	if (q->nnodes == 0)
		return;
	prom_family(b, "moscdr_node_calls_total", "counter",
	    "Calls stored, by node: counted once, when their call row is "
	    "inserted.");
	for (i = 0; i < q->nnodes; i++) {
		l[0].name = "node";
		l[0].value = q->nodes[i].name;
		prom_u64(b, "moscdr_node_calls_total", l, 1, q->nodes[i].calls);
	}
	prom_quality_hist(b, q, "moscdr_call_mos",
	    "Average MOS of a side of each new call, buckets at the G.107 "
	    "band edges.", PROM_Q_MOS);
	prom_family(b, "moscdr_calls_without_mos_total", "counter",
	    "New calls whose side has no MOS, by the reason stored in "
	    "mos_missing.");
	for (i = 0; i < q->nnodes; i++)
		for (side = 0; side < QUALITY_SIDES; side++)
			for (r = 1; r < REC_MISSING_COUNT; r++) {
				l[0].name = "node";
				l[0].value = q->nodes[i].name;
				l[1].name = "side";
				l[1].value = rec_side_name((int)side);
				l[2].name = "reason";
				l[2].value = rec_missing_name(
				    (enum rec_missing)r);
				prom_u64(b, "moscdr_calls_without_mos_total",
				    l, 3, q->nodes[i].side[side].without[r]);
			}
	prom_quality_hist(b, q, "moscdr_call_packet_loss_percent",
	    "Average packet loss of a side of each new call, in percent.",
	    PROM_Q_LOSS);
	prom_quality_hist(b, q, "moscdr_call_jitter_seconds",
	    "Average jitter of a side of each new call.", PROM_Q_JITTER);
}

/* One gauge or counter family of one unlabelled value, when known. */
static void
prom_process_one(struct prom_buf *b, const char *name, const char *type,
    const char *help, double v, int decimals)
{
	if (v < 0)
		return;
	prom_family(b, name, type, help);
	if (decimals == 0)
		prom_printf(b, "%s %.0f\n", name, v);
	else
		prom_printf(b, "%s %.*f\n", name, decimals, v);
}

void
prom_render_process(struct prom_buf *b, const struct process_stats *p)
{
	prom_process_one(b, "process_start_time_seconds", "gauge",
	    "Start time of the process since the epoch, in seconds.",
	    p->start_unix, 2);
	prom_process_one(b, "process_cpu_seconds_total", "counter",
	    "User and system CPU time the process spent, in seconds.",
	    p->cpu_s, 2);
	prom_process_one(b, "process_resident_memory_bytes", "gauge",
	    "Resident memory of the process, in bytes.", p->rss_bytes, 0);
	prom_process_one(b, "process_virtual_memory_bytes", "gauge",
	    "Virtual memory of the process, in bytes.", p->vsize_bytes, 0);
	prom_process_one(b, "process_open_fds", "gauge",
	    "File descriptors the process has open.", p->open_fds, 0);
	prom_process_one(b, "process_max_fds", "gauge",
	    "The process's limit of open file descriptors (soft).",
	    p->max_fds, 0);
}

/* One per-client family; field picks the value. */
static void
prom_evapi_family(struct prom_buf *b, const struct evapi_counters *c,
    size_t n, const char *name, const char *type, const char *help,
    int field)
{
	struct prom_label l[2];
	size_t i;

	prom_family(b, name, type, help);
	for (i = 0; i < n; i++) {
		l[0].name = "client";
		l[0].value = c[i].title;
		l[1].name = "peer";
		l[1].value = c[i].peer;
		switch (field) {
		case 0:
			prom_u64(b, name, l, 2, c[i].state == EVAPI_CONNECTED);
			break;
		case 1:
			prom_u64(b, name, l, 1, c[i].frames);
			break;
		case 2:
			prom_u64(b, name, l, 1, c[i].framing_errors);
			break;
		case 3:
			prom_u64(b, name, l, 1, c[i].reconnects);
			break;
		case 4:
			prom_u64(b, name, l, 1, c[i].failed_attempts);
			break;
		default:
			prom_double(b, name, l, 1, c[i].connected_s);
			break;
		}
	}
}

void
prom_render_page(struct prom_buf *b, const struct prom_info *info,
    const struct stats_snapshot *s, const struct evapi_counters *evapi,
    size_t nevapi)
{
	struct prom_label l[3] = {
		{ "version", info->version }, { "node", info->node },
		{ "driver", info->driver }
	};

	prom_family(b, "moscdr_build_info", "gauge",
	    "Always 1; the labels name the version, node and database.");
	prom_u64(b, "moscdr_build_info", l, 3, 1);
	prom_family(b, "moscdr_start_time_seconds", "gauge",
	    "Unix time the daemon started.");
	prom_printf(b, "moscdr_start_time_seconds %.3f\n", info->start_unix);
	prom_family(b, "moscdr_retention_days", "gauge",
	    "Days of calls kept (retention.days); 0 keeps all.");
	prom_i64(b, "moscdr_retention_days", NULL, 0, info->retention_days);
	if (info->process != NULL)
		prom_render_process(b, info->process);
	prom_render_stats(b, s);
	if (info->quality != NULL)
		prom_render_quality(b, info->quality);
	if (nevapi == 0)
		return;
	prom_evapi_family(b, evapi, nevapi, "moscdr_evapi_connected", "gauge",
	    "1 while the client is connected to this Kamailio evapi peer.", 0);
	prom_evapi_family(b, evapi, nevapi, "moscdr_evapi_client_frames_total",
	    "counter", "Frames received by this client.", 1);
	prom_evapi_family(b, evapi, nevapi,
	    "moscdr_evapi_client_framing_errors_total", "counter",
	    "Framing errors of this client.", 2);
	prom_evapi_family(b, evapi, nevapi,
	    "moscdr_evapi_client_reconnects_total", "counter",
	    "Connections of this client re-established after a loss.", 3);
	prom_evapi_family(b, evapi, nevapi,
	    "moscdr_evapi_client_connect_failures_total", "counter",
	    "Connection attempts of this client that failed.", 4);
	prom_evapi_family(b, evapi, nevapi,
	    "moscdr_evapi_client_connected_seconds", "gauge",
	    "Up time of the client's current connection, 0 when down.", 5);
}
