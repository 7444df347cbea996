/*
 * test_rec.h: the records the store tests (test_store_sqlite.c,
 * test_store_pg.c) build by hand, the way record_from_json() would fill
 * them. Header-only: each test is one source file. Each part of a record
 * made here is allocated by itself (one_block false): record_free()
 * releases it.
 */
#ifndef MOSCDR_TEST_REC_H
#define MOSCDR_TEST_REC_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "record.h"
#include "util.h"

/* A record with nothing known but its key and when it was received. */
static inline struct record *
rec_new(const char *node, const char *call_id, double received_at)
{
	struct record *r = xcalloc(1, sizeof(*r));

	r->node = xstrdup(node);
	r->call_id = xstrdup(call_id);
	r->sip_code = r->start_time = r->end_time = r->answer_time = NAN;
	r->received_at = received_at;
	return r;
}

/* Appends a sample with every value unknown and returns it. */
static inline struct rec_sample *
rec_sample_add(struct record *r, enum rec_scope scope, enum rec_kind kind,
    unsigned seq)
{
	struct rec_sample *x;

	r->samples = xrealloc(r->samples, (r->nsamples + 1) *
	    sizeof(*r->samples));
	x = &r->samples[r->nsamples++];
	memset(x, 0, sizeof(*x));
	x->scope = (uint8_t)scope;
	x->kind = (uint8_t)kind;
	x->seq = (uint16_t)seq;
	x->mos = x->packetloss_pct = x->jitter_ms = NAN;
	x->roundtrip_us = x->roundtrip_leg_us = x->samples = NAN;
	x->at_offset_s = x->reported_at = NAN;
	return x;
}

/* The same with a MOS, the one value known. */
static inline struct rec_sample *
rec_sample_mos(struct record *r, enum rec_scope scope, enum rec_kind kind,
    unsigned seq, double mos)
{
	struct rec_sample *x = rec_sample_add(r, scope, kind, seq);

	x->mos = mos;
	return x;
}

/*
 * Side A's media facts as rtpengine's reply gives them (its last packet
 * at 2026-11-27T07:19:31Z), with the reason why it has no MOS.
 */
static inline void
leg_media(struct record *rec, enum rec_missing reason)
{
	struct rec_media *m = &rec->legs[0].m;

	rec->legs[0].present = true;
	m->media = true;
	m->rtp_packets = 1228;
	m->rtp_bytes = 209296;
	m->rtp_errors = 0;
	m->rtcp_packets = 0;
	m->remote_port = 59398;
	m->ssrc = 4006960018.0;
	m->last_packet = 1795763971.0;
	strcpy(m->remote_addr, "192.168.1.108");
	strcpy(m->protocol, "RTP/AVP");
	strcpy(m->codec, "PCMU/8000");
	rec->legs[0].mos_missing = (uint8_t)reason;
}

#endif
