-- gen_postgresql.sql: @N@ more calls for the benchmark's growth
-- databases, generated in SQL straight into the real tables, the same
-- calls as tests/bench/gen_sqlite.sql makes (see there); run.sh
-- substitutes @N@, @NOW@ (unix seconds) and @TAG@. The rollups are not
-- touched here: run.sh has moscdrd fill them, with the migration's fill.
-- part_at (the partition key, migration 012) is the start time; the
-- day partitions of the 30 days are made first, so no row goes through
-- the DEFAULT partition.
SET synchronous_commit = off;
BEGIN;
CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT (SELECT coalesce(max(call_pk), 0) FROM call) + i AS call_pk, i,
	(i * 2654435761) % 4294967296 AS h,
	(i * 2246822519) % 100 AS mix,
	@NOW@ - 60 - (((i * 2654435761) % 4294967296) % (30 * 86400 - 960))
	    - 900 + (i % 1000) / 1000.0 AS t
FROM generate_series(1::bigint, @N@) AS i;
SELECT moscdr_partition_make(to_timestamp(@NOW@) - d * interval '1 day', 1)
FROM generate_series(-1, 31) AS d;

INSERT INTO call (call_pk, node, call_id, from_tag, to_tag, from_uri, to_uri,
	sip_code, sip_reason, start_time, end_time, received_at, updated_at,
	messages, answer_time, part_at)
SELECT call_pk, 'kam' || (i % 3 + 1), '@TAG@' || lpad(i::text, 10, '0')
	|| '@192.0.2.10', lpad(to_hex(h), 8, '0'), 'as' || to_hex(h / 7),
	'sip:+4930' || lpad((h % 10000000)::text, 7, '0') || '@192.0.2.10',
	'sip:+4989' || lpad(((h / 3) % 10000000)::text, 7, '0') || '@192.0.2.20',
	200, 'OK', to_timestamp(t), to_timestamp(t + d), to_timestamp(t + d + 1),
	to_timestamp(t + d + 1), 1, to_timestamp(t + 3), to_timestamp(t)
FROM (SELECT call_pk, i, h, t, 5 + h % 895 AS d FROM gen) AS g;

INSERT INTO leg (call_pk, side, label, rtp_packets, rtp_bytes, rtp_errors,
	rtcp_packets, remote_addr, remote_port, protocol, codec, ssrc, mos_missing,
	part_at)
SELECT g.call_pk, s.side, s.label, 1000 + g.h % 40000,
	(1000 + g.h % 40000) * 172, 0,
	CASE WHEN g.mix < 10 THEN 0 ELSE 10 + g.h % 90 END,
	'192.0.2.' || (g.h % 200 + 1), 10000 + g.h % 50000, 'RTP/AVP',
	'PCMU/8000', g.h, CASE WHEN g.mix < 10 THEN 'no_rtcp' END,
	to_timestamp(g.t)
FROM gen AS g
CROSS JOIN (VALUES ('A', 'caller'), ('B', 'callee')) AS s (side, label)
ORDER BY g.call_pk, s.side;

INSERT INTO mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct,
	jitter_ms, roundtrip_us, roundtrip_leg_us, samples, at_offset_s, part_at)
SELECT call_pk, scope, kind, 0,
	(CASE kind WHEN 'average' THEN sm WHEN 'min' THEN greatest(10, sm - h % 9)
	    ELSE least(45, sm + h % 3) END) / 10.0,
	CASE kind WHEN 'max' THEN 0 ELSE h % 4 + (kind = 'min')::int * (h % 7) END,
	h % 21 + (kind = 'min')::int * 10, 8000 + h % 152000, 4000 + h % 76000,
	CASE kind WHEN 'average' THEN 2 + h % 59 END,
	CASE kind WHEN 'average' THEN NULL ELSE h % 300 END, to_timestamp(t)
FROM (SELECT b.call_pk, b.h, b.t, s.scope, k.kind,
	CASE s.scope WHEN 'B' THEN least(44, b.m + b.h % 4) ELSE b.m END AS sm
	FROM (SELECT call_pk, h, t, CASE WHEN (i * 13) % 10 = 0 THEN 20 + h % 16
	    ELSE 36 + h % 9 END AS m FROM gen WHERE mix >= 10) AS b
	CROSS JOIN (VALUES ('A'), ('B'), ('call')) AS s (scope)
	CROSS JOIN (VALUES ('average'), ('max'), ('min')) AS k (kind)) AS x
ORDER BY call_pk, scope, kind;

INSERT INTO mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct,
	jitter_ms, roundtrip_us, reported_at, part_at)
SELECT b.call_pk, s.scope, 'progression', q.seq,
	greatest(10, least(45, b.m + (q.seq * 7 + b.h) % 5 - 2)) / 10.0,
	(b.h + q.seq) % 5, (b.h + q.seq) % 25, 8000 + (b.h + q.seq) % 152000,
	c.start_time + q.seq * interval '5 s', c.part_at
FROM (SELECT call_pk, h, CASE WHEN (i * 13) % 10 = 0 THEN 20 + h % 16
	ELSE 36 + h % 9 END AS m FROM gen WHERE mix >= 10 AND mix < 30) AS b
JOIN gen AS g ON g.call_pk = b.call_pk
JOIN call AS c ON c.call_pk = b.call_pk AND c.part_at = to_timestamp(g.t)
CROSS JOIN (VALUES ('A'), ('B')) AS s (scope)
CROSS JOIN generate_series(1, 10) AS q (seq)
ORDER BY 1, 2, 4;
SELECT setval(pg_get_serial_sequence('call', 'call_pk'), max(call_pk))
FROM call;
COMMIT;
ANALYZE;
