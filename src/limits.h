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
/* Longest SIP Call-ID accepted (bytes, not characters). */
#define CALL_ID_LEN_MAX		255
/* Longest node name. */
#define NODE_LEN_MAX		64
/* Longest tag, URI or reason phrase; longer values are refused. */
#define FIELD_LEN_MAX		1024
/* Largest `extra` JSON object (unknown keys kept with the call). */
#define EXTRA_LEN_MAX		4096
/* Most progression samples kept per side of one call. */
#define PROGRESSION_MAX		512
/* Most SSRCs looked at in one rtpengine reply. */
#define SSRC_MAX		64

#endif
