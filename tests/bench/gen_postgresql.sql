-- gen_postgresql.sql: @N@ more calls for the benchmark's growth
-- databases, generated in SQL straight into the real tables, the same
-- calls as tests/bench/gen_sqlite.sql makes (see there); run.sh
-- substitutes @N@, @NOW@ (unix seconds) and @TAG@. The rollups are not
-- touched here: run.sh has moscdrd fill them, with the migration's fill.
-- part_at (the partition key, migration 012) is the start time; the
-- day partitions of the 30 days are made first, so no row goes through
-- the DEFAULT partition. call_pk follows the start time and every
-- INSERT is in call_pk order, so the day partitions fill one after the
-- other and each index grows at its end or in one day's small tree (in
-- random order a 10 M-call load spends its time in index pages read
-- back and written again, ~4 times slower). The per-call figures of
-- migration 013 are set here from the values the samples get (cheaper
-- than its backfill UPDATE, which rewrites every row);
-- tests/sql/rollup_check.sql, run after every growth step, checks them
-- against the samples.
SET synchronous_commit = off;
SET work_mem = '256MB';
BEGIN;
CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT (SELECT coalesce(max(call_pk), 0) FROM call)
	    + row_number() OVER (ORDER BY t, i) AS call_pk, i, h, mix, t,
	CASE WHEN (i * 13) % 10 = 0 THEN 20 + h % 16 ELSE 36 + h % 9 END AS m
FROM (SELECT i, h, (i * 2246822519) % 100 AS mix,
	@NOW@ - 60 - (h % (30 * 86400 - 960)) - 900 + (i % 1000) / 1000.0 AS t
	FROM (SELECT i, (i * 2654435761) % 4294967296 AS h
	    FROM generate_series(1::bigint, @N@) AS i) AS a) AS b;
SELECT moscdr_partition_make(to_timestamp(@NOW@) - d * interval '1 day', 1)
FROM generate_series(-1, 31) AS d;

INSERT INTO call (call_pk, node, call_id, from_tag, to_tag, from_uri, to_uri,
	sip_code, sip_reason, start_time, end_time, received_at, updated_at,
	messages, answer_time, part_at, mos_average, mos_worst, has_mos,
	packetloss_pct_average, a_packetloss_pct_average,
	b_packetloss_pct_average)
SELECT call_pk, 'kam' || (i % 3 + 1), '@TAG@' || lpad(i::text, 10, '0')
	|| '@192.0.2.10', lpad(to_hex(h), 8, '0'), 'as' || to_hex(h / 7),
	'sip:+4930' || lpad((h % 10000000)::text, 7, '0') || '@192.0.2.10',
	'sip:+4989' || lpad(((h / 3) % 10000000)::text, 7, '0') || '@192.0.2.20',
	200, 'OK', to_timestamp(t), to_timestamp(t + d), to_timestamp(t + d + 1),
	to_timestamp(t + d + 1), 1, to_timestamp(t + 3), to_timestamp(t),
	-- the call's average is m, side B's at least m: the worst of the
	-- averages and minimums is the call's (and side A's) minimum
	CASE WHEN mix >= 10 THEN m / 10.0 END,
	CASE WHEN mix >= 10 THEN greatest(10, m - h % 9) / 10.0 END, mix >= 10,
	CASE WHEN mix >= 10 THEN h % 4 END, CASE WHEN mix >= 10 THEN h % 4 END,
	CASE WHEN mix >= 10 THEN h % 4 END
FROM (SELECT call_pk, i, h, t, m, mix, 5 + h % 895 AS d FROM gen) AS g
ORDER BY call_pk;

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
FROM (SELECT g.call_pk, g.h, g.t, s.scope, k.kind,
	CASE s.scope WHEN 'B' THEN least(44, g.m + g.h % 4) ELSE g.m END AS sm
	FROM gen AS g
	CROSS JOIN (VALUES ('A'), ('B'), ('call')) AS s (scope)
	CROSS JOIN (VALUES ('average'), ('max'), ('min')) AS k (kind)
	WHERE g.mix >= 10) AS x
ORDER BY call_pk, scope, kind;

INSERT INTO mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct,
	jitter_ms, roundtrip_us, reported_at, part_at)
SELECT g.call_pk, s.scope, 'progression', q.seq,
	greatest(10, least(45, g.m + (q.seq * 7 + g.h) % 5 - 2)) / 10.0,
	(g.h + q.seq) % 5, (g.h + q.seq) % 25, 8000 + (g.h + q.seq) % 152000,
	to_timestamp(g.t) + q.seq * interval '5 s', to_timestamp(g.t)
FROM gen AS g
CROSS JOIN (VALUES ('A'), ('B')) AS s (scope)
CROSS JOIN generate_series(1, 10) AS q (seq)
WHERE g.mix >= 10 AND g.mix < 30
ORDER BY 1, 2, 4;
SELECT setval(pg_get_serial_sequence('call', 'call_pk'), max(call_pk))
FROM call;
COMMIT;
ANALYZE;
