#!/bin/sh
# partitions.sh: PostgreSQL retention by partition against batched
# deletes, at an opt-in size (make bench with BENCH_PARTITIONS=N, N the
# mos_sample rows to generate; 100000000 is the size issue 15 names).
#
# A throwaway cluster; one database migrated by moscdrd's store
# (pg_writers), filled with N samples of calls spread over 30 days in
# SQL (tests/bench/gen_postgresql.sql, about 12 samples a call), then:
#   1. the ingest rate of one writer (pg_writers: store_pg.c's put_batch,
#      as moscdrd's writer thread) for BENCH_PARTITIONS_SECONDS alone;
#   2. the same while retention drops the oldest whole days, one every
#      2 s: the statements of moscdrd's retention (store_pg_part.c
#      store_pg_purge: lock the three parent tables, detach and drop each
#      day's partitions), each drop timed; then, as the baseline of the
#      same run, with migration 012's lock of every partition (2b);
#   3. the same while batched deletes (500 calls with their legs and
#      samples per transaction, back to back, the size of the landed
#      retention's batches) delete the next whole days; the time and calls
#      per day deleted that way.
# Prints one line per figure. Figures, never pass/fail (docs/benchmark.md).
#
#   BENCH_PARTITIONS          mos_sample rows (required)
#   BENCH_PARTITIONS_SECONDS  length of each ingest run (default 20)
#   BENCH_PARTITIONS_PORT     port of the cluster (default 55492)
#   MOSCDRD, BENCH_BIN        as for run.sh (pg_writers is used)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
N=${BENCH_PARTITIONS:?set BENCH_PARTITIONS to a number of mos_sample rows}
S=${BENCH_PARTITIONS_SECONDS:-20}
PORT=${BENCH_PARTITIONS_PORT:-55492}
BIN=${BENCH_BIN:-$top/build/bench}
work=$(mktemp -d /var/tmp/moscdr-partitions.XXXXXX)
# the cluster runs as postgres when this runs as root
chmod 755 "$work"
pg_dir=$work/pg
bg=
: >"$work/gone"

cleanup() {
	[ -n "$bg" ] && kill "$bg" 2>/dev/null && wait "$bg" 2>/dev/null
	"$top/tests/pg/cluster.sh" destroy "$pg_dir" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

say() { echo "partitions: $*"; }
ms() { echo $(($(date +%s%N) / 1000000)); }

ci=$("$top/tests/pg/cluster.sh" start "$pg_dir" "$PORT")
q() { psql "$ci" -X -Atq -v ON_ERROR_STOP=1 -c "$1"; }

"$BIN/pg_writers" "$ci" 1 distinct 1 warm >/dev/null
calls=$(((N + 11) / 12))
say "generating $calls calls over 30 days (SQL)"
t0=$(ms)
sed -e "s/@N@/$calls/g; s/@NOW@/$(date +%s)/g; s/@TAG@/gen-/g" \
    "$top/tests/bench/gen_postgresql.sql" >"$work/gen.sql"
psql "$ci" -X -q -v ON_ERROR_STOP=1 -f "$work/gen.sql" >/dev/null
q "ANALYZE"
say "generated $(q "SELECT count(*) FROM mos_sample") mos_sample rows," \
    "$(q "SELECT count(*) FROM call") calls in $(($(ms) - t0)) ms;" \
    "database $(q "SELECT pg_size_pretty(pg_database_size(current_database()))")," \
    "$(q "SELECT count(*) FROM moscdr_partition WHERE parent = 'call'") day partitions"

# The full days, oldest first (the first one is partial).
days=$(q "SELECT to_char(lo AT TIME ZONE 'UTC', 'YYYYMMDD') FROM moscdr_partition
    WHERE parent = 'call' AND lo > (SELECT min(part_at) FROM call)
    ORDER BY lo LIMIT 28")

# Drops day $1 under the lock statement $2: moscdrd's retention takes
# the lock of the three parents (moscdr_partition_lock(), migration 014);
# the one of 012 locked every partition too (LOCK012).
LOCK014="SELECT moscdr_partition_lock()"
LOCK012="LOCK TABLE call, leg, mos_sample IN ACCESS EXCLUSIVE MODE"
drop_day() {
	q "BEGIN; SET LOCAL lock_timeout = '2s'; $2;
	    ALTER TABLE mos_sample DETACH PARTITION mos_sample_p$1;
	    DROP TABLE mos_sample_p$1;
	    ALTER TABLE leg DETACH PARTITION leg_p$1; DROP TABLE leg_p$1;
	    ALTER TABLE call DETACH PARTITION call_p$1; DROP TABLE call_p$1;
	    COMMIT"
}

# Day $1 by batched deletes: the 500 oldest calls with their legs and
# samples per transaction (a DO block that commits each batch: one
# session, no client round trip counted), until the day is empty.
delete_day() {
	q "DO \$\$ BEGIN LOOP
	    WITH c AS (DELETE FROM call_p$1 WHERE call_pk = ANY (ARRAY(
	    SELECT call_pk FROM call_p$1
	    ORDER BY coalesce(start_time, received_at) LIMIT 500)
	    ) RETURNING call_pk, part_at),
	    l AS (DELETE FROM leg_p$1 AS l USING c
	    WHERE l.call_pk = c.call_pk AND l.part_at = c.part_at)
	    DELETE FROM mos_sample_p$1 AS s USING c
	    WHERE s.call_pk = c.call_pk AND s.part_at = c.part_at;
	    COMMIT;
	    EXIT WHEN NOT EXISTS (SELECT 1 FROM call_p$1);
	    END LOOP; END \$\$"
}

# Autovacuum workers at work (after the generation they vacuum the new
# partitions for a long while, as after any bulk load).
autovac() {
	say "  autovacuum workers busy: $(q "SELECT count(*) FROM
	    pg_stat_activity WHERE backend_type = 'autovacuum worker'")"
}

rate() { sed -n 's/.* rate=\([0-9]*\) .*/\1/p'; }

"$BIN/pg_writers" "$ci" 1 distinct 5 warmup >/dev/null
autovac
say "ingest alone, $S s"
r0=$("$BIN/pg_writers" "$ci" 1 distinct "$S" alone | rate)
say "ingest alone: $r0 msg/s"

# Each background loop runs until the writer's run ends (the stop file),
# so the whole run is measured against it.
set -- $days

# 2. drops, one day every 2 s, during the ingest run; $1 the lock
# statement (drop_day), $2 the run's name, the rest the days to drop.
drops() {
	lock=$1 name=$2
	shift 2
	rm -f "$work/stop"
	(
		for d in "$@"; do
			grep -qx "$d" "$work/gone" && continue
			[ -e "$work/stop" ] && break
			sleep 2
			calls_d=$(q "SELECT count(*) FROM call_p$d")
			t=$(ms)
			if drop_day "$d" "$lock" >/dev/null 2>&1; then
				echo "drop $d calls=$calls_d ms=$(($(ms) - t))"
				echo "$d" >>"$work/gone"
			else
				echo "drop $d failed (lock timeout) ms=$(($(ms) - t))"
			fi
		done
	) >"$work/drops" 2>&1 &
	bg=$!
	r=$("$BIN/pg_writers" "$ci" 1 distinct "$S" "$name" | rate)
	touch "$work/stop"
	wait "$bg" || true
	bg=
}

autovac
drops "$LOCK014" drop "$@"
r1=$r
say "ingest while dropping a day every 2 s (lock of the parents): $r1 msg/s"
sed 's/^/partitions:   /' "$work/drops"

# 2b. the same with migration 012's lock of every partition: the
# baseline of 2 in this run.
autovac
drops "$LOCK012" drop012 "$@"
r1b=$r
say "ingest while dropping a day every 2 s (lock of every partition," \
    "012): $r1b msg/s"
sed 's/^/partitions:   /' "$work/drops"

# 3. batched deletes, back to back, of the days left, during the run
autovac
rm -f "$work/stop"
(
	for d in "$@"; do
		grep -qx "$d" "$work/gone" && continue
		[ -e "$work/stop" ] && break
		calls_d=$(q "SELECT count(*) FROM call_p$d")
		t=$(ms)
		delete_day "$d"
		echo "delete $d calls=$calls_d ms=$(($(ms) - t))"
	done
) >"$work/deletes" 2>&1 &
bg=$!
r2=$("$BIN/pg_writers" "$ci" 1 distinct "$S" del | rate)
touch "$work/stop"
say "ingest while batched deletes run: $r2 msg/s"
wait "$bg" || true
bg=
sed 's/^/partitions:   /' "$work/deletes"
autovac
say "ingest alone, again, $S s"
r3=$("$BIN/pg_writers" "$ci" 1 distinct "$S" again | rate)
say "summary: samples=$N ingest_alone=$r0,$r3 ingest_drop=$r1" \
    "ingest_drop012=$r1b ingest_delete=$r2"
