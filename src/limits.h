/*
 * limits.h: every bound moscdrd puts on input from the network, in one place.
 *
 * Hitting one of these is a counted, rate-limited, logged event; never
 * undefined behaviour. Sizes are in bytes unless the name says otherwise.
 */
#ifndef MOSCDR_LIMITS_H
#define MOSCDR_LIMITS_H

/* Largest UDP datagram accepted (the IPv4/IPv6 UDP payload maximum). */
#define UDP_DATAGRAM_MAX	65535
/* Datagrams taken per recvmmsg() call. */
#define UDP_BATCH_MAX		64
/* Largest message (JSON text) accepted over any transport. */
#define MESSAGE_MAX		65535
/* Default largest netstring payload accepted from evapi. */
#define NETSTRING_MAX_DEFAULT	MESSAGE_MAX
/* Digits in a netstring length header ("65535" is 5). */
#define NETSTRING_DIGITS_MAX	10
/* Deepest nesting of JSON arrays/objects in one message. */
#define JSON_DEPTH_MAX		16
/*
 * Longest SIP Call-ID accepted (bytes, not characters). RFC 3261 sets no
 * length; real ones are far below this. A longer one is refused, the only
 * field whose length is a reason to refuse a message: the call is known
 * by it, and a cut one could merge two calls.
 */
#define CALL_ID_LEN_MAX		1024
/* Longest node name; a longer one is cut to it (at a UTF-8 boundary). */
#define NODE_LEN_MAX		64
/* Longest tag, URI, reason phrase or label; a longer value is cut to it
 * at a UTF-8 boundary and counted (text_cut), the call is kept. */
#define FIELD_LEN_MAX		1024
/* Longest number in an unknown key kept as the sender wrote it; a longer
 * one, or one whose exponent is beyond RAW_NUMBER_EXP_MAX, is kept as a
 * JSON string of its text (no store could hold it as a number). */
#define RAW_NUMBER_LEN_MAX	64
#define RAW_NUMBER_EXP_MAX	1000
/* Largest `extra` JSON object (unknown keys kept with the call). */
#define EXTRA_LEN_MAX		4096
/* Most progression samples kept per side of one call. */
#define PROGRESSION_MAX		512
/* Most SSRCs looked at in one rtpengine reply. */
#define SSRC_MAX		64
/* Most streams (tags x medias x streams) read in one rtpengine reply. */
#define MEDIA_STREAMS_MAX	64
/* Longest remote media address kept (an IPv6 text is at most 45). */
#define MEDIA_ADDR_LEN_MAX	63
/* Longest media protocol name kept ("UDP/TLS/RTP/SAVPF" is 17). */
#define MEDIA_PROTO_LEN_MAX	31
/* Longest codec name kept ("PCMU/8000", "opus/48000/2"). */
#define MEDIA_CODEC_LEN_MAX	31
/*
 * Nodes with their own series in the /metrics call-quality families
 * (quality.h). The node name comes from the message, so the label's
 * values are bounded: calls of further nodes are counted together under
 * node="".
 */
#define QUALITY_NODES_MAX	64

#endif
