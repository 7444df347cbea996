/*
 * ingest.c: implements ingest.h, the single path from any transport to
 * the writer's queue: size check, parse and normalize (record.c),
 * counters, rate-limited refusal logs, hand-off.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "ingest.h"
#include "journal.h"
#include "limits.h"
#include "log.h"
#include "queue.h"
#include "record.h"
#include "util.h"

struct ingest {
	struct stats *stats;
	struct queue *queue;
	struct journal *journal;	/* NULL: memory only */
	char *default_node;
	struct auth *auth[STATS_TRANSPORT_COUNT];	/* NULL: no auth */
};

struct ingest *
ingest_new(struct stats *stats, struct queue *queue, const char *default_node)
{
	struct ingest *ing = xcalloc(1, sizeof(*ing));

	ing->stats = stats;
	ing->queue = queue;
	ing->default_node = xstrdup(default_node);
	return ing;
}

void
ingest_free(struct ingest *ing)
{
	int t;

	if (ing == NULL)
		return;
	for (t = 0; t < STATS_TRANSPORT_COUNT; t++)
		auth_free(ing->auth[t]);
	free(ing->default_node);
	free(ing);
}

void
ingest_set_auth(struct ingest *ing, enum stats_transport t, struct auth *a)
{
	auth_free(ing->auth[t]);
	ing->auth[t] = a;
}

void
ingest_set_journal(struct ingest *ing, struct journal *j)
{
	ing->journal = j;
}

void
ingest_drop(struct ingest *ing, enum stats_transport t, const char *source,
    enum stats_drop why)
{
	char key[64];

	stats_inc(&ing->stats->received[t]);
	stats_inc(&ing->stats->dropped[why]);
	snprintf(key, sizeof(key), "drop %s", stats_drop_name(why));
	log_limited(LOG_WARNING, key, "refused message from %s: %s", source,
	    stats_drop_name(why));
}

/*
 * The rate limit key "what ADDRESS reason" for a sender "udp ADDR:PORT"
 * (or "evapi HOST:PORT"): the port is left out, so that a sender whose
 * source port changes (a restart, one socket per worker) still gets one
 * line per reason and interval, not one per port.
 */
static void
ingest_log_key(char *key, size_t len, const char *what, const char *source,
    const char *reason)
{
	const char *colon = strrchr(source, ':');
	size_t n = strlen(source);

	if (colon != NULL && colon[1] != '\0' &&
	    strspn(colon + 1, "0123456789") == strlen(colon + 1))
		n = (size_t)(colon - source);
	snprintf(key, len, "%s %.*s %s", what, (int)n, source, reason);
}

/* What an item costs in memory, counted from what it holds. */
static size_t
ingest_item_bytes(const struct queue_item *it)
{
	const struct record *r = it->rec;
	const char *const strs[] = { r->node, r->call_id, r->from_tag,
		r->to_tag, r->from_uri, r->to_uri, r->sip_reason, r->extra,
		r->legs[0].label, r->legs[1].label };
	size_t n = sizeof(*it) + sizeof(*r), i;

	n += r->nsamples * sizeof(r->samples[0]);
	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		if (strs[i] != NULL)
			n += strlen(strs[i]) + 1;
	return n;
}

int
ingest_message(struct ingest *ing, enum stats_transport t, const char *source,
    const char *node, const char *p, size_t len)
{
	struct rec_opts opts;
	struct rec_errinfo err;
	struct record *rec = NULL;
	struct queue_item *it;
	char key[128], jerr[256] = "";

	stats_inc(&ing->stats->received[t]);
	stats_add(&ing->stats->received_bytes[t], len);
	opts.default_node = node != NULL ? node : ing->default_node;
	opts.received_at = util_now();
	/* Larger than MESSAGE_MAX: record.c refuses it as too_large. */
	if (ing->auth[t] != NULL && len <= MESSAGE_MAX) {
		enum auth_error why;

		if (auth_verify(ing->auth[t], p, len, opts.received_at, &p, &len,
		    &why) == -1) {
			stats_inc(&ing->stats->dropped[STATS_DROP_AUTH]);
			stats_inc(&ing->stats->auth_refused[why]);
			snprintf(key, sizeof(key), "auth %s", auth_error_name(why));
			log_limited(LOG_WARNING, key, "refused message from %s: "
			    "auth (%s)", source, auth_error_name(why));
			return -1;
		}
	}
	if (record_from_json(p, len, &opts, &rec, &err) == -1) {
		stats_inc(&ing->stats->refused[err.code]);
		/* One line per sender address and reason every
		 * LOG_LIMIT_INTERVAL, whatever the source port. */
		ingest_log_key(key, sizeof(key), "refused", source,
		    rec_error_name(err.code));
		log_limited(LOG_WARNING, key,
		    "refused message from %s: %s%s%s%s (%zu bytes)", source,
		    rec_error_name(err.code), err.field[0] != '\0' ? " (" : "",
		    err.field, err.field[0] != '\0' ? ")" : "", len);
		return -1;
	}
	if (rec->mos_refused > 0) {
		stats_add(&ing->stats->mos_refused, rec->mos_refused);
		ingest_log_key(key, sizeof(key), "mosrange", source, "");
		log_limited(LOG_NOTICE, key, "message from %s: %u MOS value(s) "
		    "outside 1.0..5.0 stored as NULL", source, rec->mos_refused);
	}
	if (rec->text_repaired > 0) {
		stats_add(&ing->stats->text_repaired, rec->text_repaired);
		ingest_log_key(key, sizeof(key), "utf8repair", source, "");
		log_limited(LOG_NOTICE, key, "message from %s: invalid UTF-8 "
		    "replaced by U+FFFD in %u field(s), first \"%s\"", source,
		    rec->text_repaired, rec->repaired_field);
	}
	if (rec->text_cut > 0) {
		stats_add(&ing->stats->text_cut, rec->text_cut);
		ingest_log_key(key, sizeof(key), "textcut", source, "");
		log_limited(LOG_NOTICE, key, "message from %s: %u text field(s) "
		    "over their limit cut (first \"%s\"; limits: node %d, "
		    "others %d bytes)", source, rec->text_cut, rec->cut_field,
		    NODE_LEN_MAX, FIELD_LEN_MAX);
	}
	it = xcalloc(1, sizeof(*it));
	it->rec = rec;
	it->parsed = true;
	/* The raw text goes to the journal only: a parsed item never needs
	 * it again, and a copy per message cost 4.5 % of the daemon's
	 * instructions and half the queue's memory. */
	it->received_at = opts.received_at;
	it->received_mono = util_monotonic();
	it->bytes = ingest_item_bytes(it);
	/* On disk before in memory: from here on a crash loses nothing. */
	if (ing->journal != NULL && journal_append(ing->journal,
	    opts.default_node, p, len, it->received_at, &it->seq, jerr,
	    sizeof(jerr)) == -1) {
		it->seq = 0;
		log_limited(LOG_ERR, "journal write", "journal %s: %s; "
		    "messages wait in memory only", journal_dir(ing->journal),
		    jerr);
	}
	if (queue_push(ing->queue, it) == -1) {
		if (it->seq != 0) {
			/* The writer reads it back from the journal. */
			stats_inc(&ing->stats->spool_written);
			atomic_store(&ing->stats->spool_append_ms,
			    (int64_t)(util_monotonic() * 1000));
		} else {
			enum stats_drop why = ing->journal != NULL ?
			    STATS_DROP_SPOOL_FULL : STATS_DROP_QUEUE_FULL;

			stats_inc(&ing->stats->dropped[why]);
			log_limited_n(LOG_ERR, why == STATS_DROP_SPOOL_FULL ?
			    "lost journal" : "queue full", 1, "message from %s "
			    "lost: the queue is full (%zu bytes) and %s",
			    source, queue_max_bytes(ing->queue), ing->journal ?
			    jerr : "the journal is off");
			queue_item_free(it);
			return -1;
		}
		queue_item_free(it);
	}
	stats_inc(&ing->stats->accepted);
	return 0;
}
