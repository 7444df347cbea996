-- gen_sqlite.sql: @N@ more calls for the benchmark's growth databases,
-- generated in SQL straight into the real tables (no daemon, no
-- parsing): tests/bench/run.sh substitutes @N@ (calls), @NOW@ (unix
-- seconds), @TAG@ (a word unique per run, in the Call-IDs). The calls
-- are spread over the 30 days before @NOW@ on three nodes; like the
-- load generator's: 10 % without MOS (both legs 'no_rtcp'), one in ten
-- of the others poor (MOS 2.0 .. 3.5, else 3.6 .. 4.4, in rtpengine's
-- steps of 0.1), 20 % with a 10-point MOS progression per side, the
-- call, side A and side B each with average, min and max. The rollups
-- are not touched here: run.sh has moscdrd fill them afterwards, with
-- the migration's own fill. call_pk follows the start time and every
-- INSERT is in call_pk order, so each index grows at its end (in random
-- order a 10 M-call load spends its time reading index pages back). The
-- per-call figures of migration 013 are set here from the values the
-- samples get (cheaper than its backfill UPDATE);
-- tests/sql/rollup_check.sql, run after every growth step, checks them
-- against the samples.
PRAGMA foreign_keys = OFF;
-- no journal while generating (a benchmark's throwaway file, nothing
-- else open on it): at 10 M calls the WAL of one transaction is as big
-- as the file and costs a fifth of the time; back to WAL at the end
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE gen_off AS SELECT coalesce(max(call_pk), 0) AS off FROM call;
CREATE TEMP TABLE gen AS
SELECT (SELECT off FROM gen_off) + row_number() OVER (ORDER BY t, i) AS call_pk,
	i, h, mix, t,
	CASE WHEN (i * 13) % 10 = 0 THEN 20 + h % 16 ELSE 36 + h % 9 END AS m
FROM (SELECT i, h, (i * 2246822519) % 100 AS mix,
	@NOW@ - 60 - (h % (30 * 86400 - 960)) - 900 + (i % 1000) / 1000.0 AS t
	FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	    WHERE i < @N@) SELECT i, (i * 2654435761) % 4294967296 AS h FROM n));
CREATE UNIQUE INDEX temp.gen_pk ON gen (call_pk);

INSERT INTO call (call_pk, node, call_id, from_tag, to_tag, from_uri, to_uri,
	sip_code, sip_reason, start_time, end_time, received_at, updated_at,
	messages, answer_time, mos_average, mos_worst, has_mos,
	packetloss_pct_average, a_packetloss_pct_average,
	b_packetloss_pct_average)
SELECT call_pk, 'kam' || (i % 3 + 1), printf('@TAG@%010d@192.0.2.10', i),
	printf('%08x', h), printf('as%08x', h / 7), printf('sip:+4930%07d@192.0.2.10', h % 10000000),
	printf('sip:+4989%07d@192.0.2.20', (h / 3) % 10000000), 200, 'OK',
	strftime('%Y-%m-%dT%H:%M:%fZ', t, 'unixepoch'),
	strftime('%Y-%m-%dT%H:%M:%fZ', t + d, 'unixepoch'),
	strftime('%Y-%m-%dT%H:%M:%fZ', t + d + 1, 'unixepoch'),
	strftime('%Y-%m-%dT%H:%M:%fZ', t + d + 1, 'unixepoch'), 1,
	strftime('%Y-%m-%dT%H:%M:%fZ', t + 3, 'unixepoch'),
	-- the call's average is m, side B's at least m: the worst of the
	-- averages and minimums is the call's (and side A's) minimum
	CASE WHEN mix >= 10 THEN m / 10.0 END,
	CASE WHEN mix >= 10 THEN max(10, m - h % 9) / 10.0 END, mix >= 10,
	CASE WHEN mix >= 10 THEN h % 4 END, CASE WHEN mix >= 10 THEN h % 4 END,
	CASE WHEN mix >= 10 THEN h % 4 END
FROM (SELECT call_pk, i, h, t, m, mix, 5 + h % 895 AS d FROM gen)
ORDER BY call_pk;

INSERT INTO leg (call_pk, side, label, rtp_packets, rtp_bytes, rtp_errors,
	rtcp_packets, remote_addr, remote_port, protocol, codec, ssrc, mos_missing)
SELECT g.call_pk, s.side, s.label, 1000 + g.h % 40000, (1000 + g.h % 40000) * 172,
	0, CASE WHEN g.mix < 10 THEN 0 ELSE 10 + g.h % 90 END,
	'192.0.2.' || (g.h % 200 + 1), 10000 + g.h % 50000, 'RTP/AVP',
	'PCMU/8000', g.h, CASE WHEN g.mix < 10 THEN 'no_rtcp' END
FROM gen AS g
CROSS JOIN (SELECT 'A' AS side, 'caller' AS label
    UNION ALL SELECT 'B', 'callee') AS s
ORDER BY g.call_pk;

-- MOS in tenths: the call's base m; side B's a little better.
INSERT INTO mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct,
	jitter_ms, roundtrip_us, roundtrip_leg_us, samples, at_offset_s)
SELECT call_pk, scope, kind, 0,
	(CASE kind WHEN 'average' THEN sm WHEN 'min' THEN max(10, sm - h % 9)
	    ELSE min(45, sm + h % 3) END) / 10.0,
	CASE kind WHEN 'max' THEN 0 ELSE h % 4 + (kind = 'min') * (h % 7) END,
	h % 21 + (kind = 'min') * 10, 8000 + h % 152000, 4000 + h % 76000,
	CASE kind WHEN 'average' THEN 2 + h % 59 END,
	CASE kind WHEN 'average' THEN NULL ELSE h % 300 END
FROM (SELECT g.call_pk, g.h, s.scope, k.kind,
	CASE s.scope WHEN 'B' THEN min(44, g.m + g.h % 4) ELSE g.m END AS sm
	FROM gen AS g
	CROSS JOIN (SELECT 'A' AS scope UNION ALL SELECT 'B'
	    UNION ALL SELECT 'call') AS s
	CROSS JOIN (SELECT 'average' AS kind UNION ALL SELECT 'max'
	    UNION ALL SELECT 'min') AS k
	WHERE g.mix >= 10)
ORDER BY call_pk;

-- The progression: 10 points per side for a fifth of the calls.
INSERT INTO mos_sample (call_pk, scope, kind, seq, mos, packetloss_pct,
	jitter_ms, roundtrip_us, reported_at)
SELECT g.call_pk, s.scope, 'progression', q.seq,
	max(10, min(45, g.m + (q.seq * 7 + g.h) % 5 - 2)) / 10.0,
	(g.h + q.seq) % 5, (g.h + q.seq) % 25, 8000 + (g.h + q.seq) % 152000,
	strftime('%Y-%m-%dT%H:%M:%fZ', g.t + 5 * q.seq, 'unixepoch')
FROM gen AS g
CROSS JOIN (SELECT 'A' AS scope UNION ALL SELECT 'B') AS s
CROSS JOIN (WITH RECURSIVE r(seq) AS (SELECT 1 UNION ALL
    SELECT seq + 1 FROM r WHERE seq < 10) SELECT seq FROM r) AS q
WHERE g.mix >= 10 AND g.mix < 30
ORDER BY g.call_pk;
COMMIT;
DROP TABLE temp.gen;
DROP TABLE temp.gen_off;
PRAGMA journal_mode = WAL;
