/*
 * test_views.h: the reporting views' columns, in the documented order
 * (docs/schema.md), as the store tests (test_store_sqlite.c,
 * test_store_pg.c) check both back ends' views against them. Each list
 * is a macro of string literals, so a test puts it in an array of its
 * own (with or without a NULL at the end). v_quality_hourly and
 * v_quality_daily differ only in their first column: one list,
 * VIEW_COLS_QUALITY, after it.
 */
#ifndef MOSCDR_TEST_VIEWS_H
#define MOSCDR_TEST_VIEWS_H

/* v_call_quality and v_poor_calls */
#define VIEW_COLS_CALL \
	"call_pk", "node", "call_id", "from_tag", "to_tag", "from_uri", \
	"to_uri", "sip_code", "sip_reason", "start_time", "end_time", \
	"duration_s", "received_at", "messages", "mos_average", "mos_min", \
	"mos_max", "mos_min_at_s", "mos_max_at_s", "packetloss_pct_average", \
	"jitter_ms_average", "roundtrip_ms_average", \
	"roundtrip_leg_ms_average", "samples", "a_label", "a_mos_average", \
	"a_mos_min", "a_mos_max", "a_packetloss_pct_average", \
	"a_jitter_ms_average", "a_roundtrip_ms_average", "b_label", \
	"b_mos_average", "b_mos_min", "b_mos_max", \
	"b_packetloss_pct_average", "b_jitter_ms_average", \
	"b_roundtrip_ms_average", "mos_worst", "has_mos", "quality_band", \
	"answer_time", "ringing_s", "talk_s", \
	"a_rtp_packets", "a_rtp_bytes", "a_rtp_errors", "a_rtcp_packets", \
	"a_remote_addr", "a_remote_port", "a_protocol", "a_codec", "a_ssrc", \
	"a_last_packet", "a_mos_missing", "b_rtp_packets", "b_rtp_bytes", \
	"b_rtp_errors", "b_rtcp_packets", "b_remote_addr", "b_remote_port", \
	"b_protocol", "b_codec", "b_ssrc", "b_last_packet", "b_mos_missing"

/* v_leg_quality */
#define VIEW_COLS_LEG \
	"call_pk", "node", "call_id", "start_time", "side", "label", \
	"mos_average", "mos_min", "mos_max", "mos_min_at_s", "mos_max_at_s", \
	"packetloss_pct_average", "jitter_ms_average", \
	"roundtrip_ms_average", "roundtrip_leg_ms_average", "samples", \
	"progression_points", "quality_band", \
	"rtp_packets", "rtp_bytes", "rtp_errors", "rtcp_packets", \
	"remote_addr", "remote_port", "protocol", "codec", "ssrc", \
	"last_packet", "mos_missing"

/* v_daily_quality */
#define VIEW_COLS_DAILY \
	"day", "node", "calls", "calls_with_mos", "share_with_mos", \
	"mos_average", "mos_min", "share_very_satisfied", "share_satisfied", \
	"share_some_dissatisfied", "share_many_dissatisfied", \
	"share_nearly_all_dissatisfied", "share_not_recommended", \
	"share_no_mos_no_media", "share_no_mos_no_rtcp", \
	"share_no_mos_too_short", "share_no_mos_no_reply", \
	"share_no_mos_unknown", "share_no_mos_peer_no_rtcp", \
	"talk_s_total", "talk_s_average", "ringing_s_average", "mos_p5", \
	"mos_median"

/* v_quality_hourly ("hour" first) and v_quality_daily ("day" first):
 * the columns after the first */
#define VIEW_COLS_QUALITY \
	"node", "side", "calls", "calls_with_mos", "share_with_mos", \
	"mos_calls", "mos_average", "mos_p5", "mos_median", "mos_min", \
	"share_very_satisfied", "share_satisfied", \
	"share_some_dissatisfied", "share_many_dissatisfied", \
	"share_nearly_all_dissatisfied", "share_not_recommended", \
	"packetloss_calls", "packetloss_pct_average", "jitter_calls", \
	"jitter_ms_average", "calls_no_mos_no_media", \
	"calls_no_mos_no_rtcp", "calls_no_mos_too_short", \
	"calls_no_mos_no_reply", "calls_no_mos_unknown", \
	"calls_no_mos_peer_no_rtcp", "talk_calls", "talk_s", \
	"ringing_calls", "ringing_s", "calls_a_worse", "calls_b_worse"

/* v_mos_distribution */
#define VIEW_COLS_DIST "hour", "node", "side", "mos", "calls"

/* v_mos_missing_by_remote */
#define VIEW_COLS_REMOTE \
	"remote_addr", "mos_missing", "calls", "legs", "first_seen", \
	"last_seen"

#endif
