#!/bin/sh
# tests/bench/run.sh: the moscdr benchmark (what `make bench` runs); it
# measures moscdrd against the raw limit of its database in the same run.
#
# For each back end (SQLite file in a temporary directory; PostgreSQL in a
# throwaway cluster from tests/pg/cluster.sh):
#   1. baselines on empty databases with the daemon's schema (created by
#      starting moscdrd once): raw = prepared/bulk inserts in transactions
#      of 1,000 messages, the daemon's upsert SQL; naive = one autocommit
#      INSERT per row (build/bench/baseline_*);
#   2. moscdrd on its own empty database: short fixed-rate probes from
#      1.25 x the raw rate down to find the highest rate it takes with zero
#      loss and no backlog (nothing spooled), then a BENCH_SECONDS run at
#      that rate (sent == stored?), a BENCH_SECONDS run at BENCH_CPU_RATE
#      (CPU per message), a run at half the rate and one over evapi
#      (latency), and a burst at twice the rate (backlog or loss?).
#      Nothing reads the database during the rate, CPU and burst runs:
#      the daemon's own counters (/metrics over HTTP, asked only after the
#      sending) tell what was stored, and its commit histogram how long
#      transactions took. Only the latency runs poll the database (loadgen
#      -D, every 10 ms), because send -> visible is what they measure;
#   3. growth: a database grown to each size in BENCH_GROWTH with calls
#      generated in SQL (tests/bench/gen_<driver>.sql) and its rollups
#      filled by moscdrd's own migration fill, the raw (with rollups) and
#      the daemon's rate at that size, the time of every query of the
#      Grafana dashboard (PostgreSQL) and of the ten SQL examples
#      (tests/bench/queries.py), of moscdrd --report (report_time), and
#      the rollup check: the rollups must
#      equal the same aggregates computed from the rows.
# Prints a table; never fails because of a figure (exit 0 unless something
# broke, or the rollups differ from the rows). Every process it starts is stopped by its pid on exit.
#
# Environment:
#   MOSCDRD             the daemon (default build/moscdrd)
#   BENCH_BIN           loadgen and baselines (default build/bench)
#   BENCH_SECONDS       sustained run length (default 30)
#   BENCH_QUICK=1       development: 8 s runs, growth "0 100000"
#   BENCH_BACKENDS      default "sqlite postgresql"
#   BENCH_STEPS=growth  step 3 only (the 10 M run without the hour before it);
#                       the growth rates are then compared with the first size's
#   BENCH_GROWTH        database sizes in calls (default "0 1000000"; 10 M:
#                       BENCH_GROWTH="0 1000000 10000000", generated in SQL)
#   BENCH_PROBE_SECONDS length of one probe (default 5)
#   BENCH_BURST_SECONDS length of the burst at twice the sustained rate (default 5)
#   BENCH_CPU_RATE      rate of the CPU-per-message run (default 4000)
#   BENCH_PG_PORT       port of the throwaway cluster (default 55490)
#   BENCH_WRITERS_SECONDS  length of each many-writers run (default 10, quick 4)
#   BENCH_DAEMONS_SECONDS  length of each separate-daemons run (default 10, quick 4)
#   BENCH_DAEMONS_RATE  msg/s sent to those daemons in all (default 6000)
#   BENCH_KEEP=1        keep the work directory
#   BENCH_OUT           also write the summary here (default build/bench/results.txt)
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
MOSCDRD=${MOSCDRD:-$top/build/moscdrd}
BIN=${BENCH_BIN:-$top/build/bench}
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
	SECONDS_RUN=${BENCH_SECONDS:-8}
	GROWTH=${BENCH_GROWTH:-"0 100000"}
	PROBE=${BENCH_PROBE_SECONDS:-3}
	RAW_N=10000
	NAIVE_S=3
else
	SECONDS_RUN=${BENCH_SECONDS:-30}
	GROWTH=${BENCH_GROWTH:-"0 1000000"}
	PROBE=${BENCH_PROBE_SECONDS:-5}
	RAW_N=30000
	NAIVE_S=10
fi
BACKENDS=${BENCH_BACKENDS:-"sqlite postgresql"}
STEPS=${BENCH_STEPS:-all}
case $STEPS in
all | growth) ;;
*) echo "bench: BENCH_STEPS is all or growth, not $STEPS" >&2; exit 2 ;;
esac
BURST_S=${BENCH_BURST_SECONDS:-5}
PG_PORT=${BENCH_PG_PORT:-55490}
OUT=${BENCH_OUT:-$top/build/bench/results.txt}
FLUSH_MS=200		# database.flush_interval default (conf/moscdrd.conf)
CPU_RATE=${BENCH_CPU_RATE:-4000}	# msg/s of the CPU-per-message run
HZ=$(getconf CLK_TCK)

WRITERS_S=${BENCH_WRITERS_SECONDS:-$([ "$QUICK" = 1 ] && echo 4 || echo 10)}
DAEMONS_S=${BENCH_DAEMONS_SECONDS:-$([ "$QUICK" = 1 ] && echo 4 || echo 10)}
DAEMONS_RATE=${BENCH_DAEMONS_RATE:-6000}

for f in "$MOSCDRD" "$BIN/loadgen" "$BIN/baseline_sqlite" "$BIN/baseline_pg" "$BIN/pg_writers"; do
	[ -x "$f" ] || { echo "bench: $f missing (make bench builds it)" >&2; exit 1; }
done

work=$(mktemp -d /var/tmp/moscdr-bench.XXXXXX)
# The PostgreSQL server user must reach the cluster directory inside.
chmod 755 "$work"
daemon_pid=
pg_dir=
summary=$work/summary.txt
: >"$summary"

cleanup() {
	if [ -n "$daemon_pid" ]; then
		kill -TERM "$daemon_pid" 2>/dev/null
		wait "$daemon_pid" 2>/dev/null
	fi
	for p in ${md_pids:-}; do
		kill -TERM "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	[ -n "$pg_dir" ] && "$top/tests/pg/cluster.sh" destroy "$pg_dir" >/dev/null 2>&1
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "bench: work directory kept: $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

say() { echo "bench: $*" >&2; }
# kv KEY LINE: the value of KEY=value in a loadgen/baseline output line.
kv() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -n 1; }
calc() { awk "BEGIN { x = $1; if (x == int(x)) printf \"%d\", x; else printf \"%.2f\", x }"; }
ratio() { awk "BEGIN { if ($2 > 0) printf \"%.2f\", $1 / $2; else print \"n/a\" }"; }
row() { printf '%s\n' "$*" | tee -a "$summary"; }

# daemon_start LOG ARGS...: starts moscdrd in the foreground, waits for
# "ready", sets daemon_pid and udp_port.
daemon_start() {
	log=$1
	shift
	"$MOSCDRD" -d -f "$top/conf/moscdrd.conf" -o node=bench \
	    -o udp.listen=127.0.0.1:0 -o spool.dir="$work/spool" \
	    -o log.stats_interval=0 -o metrics.listen=127.0.0.1:0 "$@" 2>"$log" &
	daemon_pid=$!
	i=0
	while ! grep -q ' ready$' "$log" 2>/dev/null; do
		if ! kill -0 "$daemon_pid" 2>/dev/null || [ $i -ge 300 ]; then
			say "moscdrd did not become ready:"
			cat "$log" >&2
			kill -TERM "$daemon_pid" 2>/dev/null
			wait "$daemon_pid" 2>/dev/null
			daemon_pid=
			return 1
		fi
		sleep 0.1
		i=$((i + 1))
	done
	udp_port=$(sed -n 's/.*listening on udp 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -n 1)
	metrics_addr=$(sed -n 's|.*metrics on http://\([^/]*\)/metrics.*|\1|p' "$log" | head -n 1)
}

# metric NAME [LABELS]: one value of the daemon's /metrics (an HTTP GET on
# its own thread: no database read, no lock the writer waits for).
metric() {
	curl -fsS "http://$metrics_addr/metrics" 2>/dev/null |
	    awk -v n="$1${2:+\{$2\}}" '$1 == n { print $2; exit }'
}
# The counters a probe compares before and after: stored, spooled, lost.
mark() {
	m_stored=$(metric moscdr_messages_stored_total)
	m_spool=$(metric moscdr_spool_written_total)
	m_qfull=$(metric moscdr_messages_dropped_total 'reason="queue_full"')
	m_batches=$(metric moscdr_batches_total)
}

# quiet_run RATE SECONDS PREFIX [WAIT]: loadgen at RATE for SECONDS with
# nothing reading the database meanwhile; afterwards /metrics is asked
# every 0.1 s until the daemon has committed them all, for at most WAIT
# seconds (default 3: a probe that needs more has failed anyway) and no
# longer than 5 s without a new commit (what the kernel dropped never
# comes). Prints "sent=N stored=N lost=N spooled=N queue_full=N drain_s=S
# batches=N": stored counts the daemon's commits of this run, lost =
# sent - stored, spooled = messages that went through the disk spool (a
# backlog), drain_s = seconds from the last send to the last commit seen.
quiet_run() {
	mark
	s0=$m_stored; sp0=$m_spool; q0=$m_qfull; b0=$m_batches
	out=$("$BIN/loadgen" -u 127.0.0.1:$udp_port -r "$1" -s "$2" -p "$3" 2>>"$work/loadgen.log")
	n=$(kv sent "$out")
	t0=$(date +%s.%N)
	tl=$t0
	last=$s0
	while :; do
		st=$(metric moscdr_messages_stored_total)
		now=$(date +%s.%N)
		[ "$st" != "$last" ] && { last=$st; tl=$now; }
		[ $((st - s0)) -ge "$n" ] && break
		awk "BEGIN { exit !($now - $t0 > ${4:-3} || $now - $tl > 5) }" && break
		sleep 0.1
	done
	mark
	echo "sent=$n stored=$((m_stored - s0)) lost=$((n - (m_stored - s0))) spooled=$((m_spool - sp0)) queue_full=$((m_qfull - q0)) drain_s=$(awk "BEGIN { printf \"%.1f\", $tl - $t0 }") batches=$((m_batches - b0))"
}

# commit_pct P: the P-th percentile of the daemon's batch commit time
# (moscdr_batch_commit_seconds, since start) in ms, as the upper bound of
# the histogram bucket it falls in.
commit_pct() {
	curl -fsS "http://$metrics_addr/metrics" 2>/dev/null | awk -v p="$1" '
	    /^moscdr_batch_commit_seconds_bucket/ {
		le = $1; sub(/.*le="/, "", le); sub(/".*/, "", le)
		n++; b[n] = le; c[n] = $2 }
	    END { if (n == 0 || c[n] == 0) { print "n/a"; exit }
		for (i = 1; i <= n; i++) if (c[i] >= c[n] * p / 100) {
			if (b[i] == "+Inf") print "> 10000"; else printf "<= %g\n", b[i] * 1000
			exit } }'
}

daemon_stop() {
	[ -n "$daemon_pid" ] || return 0
	kill -TERM "$daemon_pid" 2>/dev/null
	wait "$daemon_pid" 2>/dev/null
	daemon_pid=
}

# CPU seconds (user + system) and peak RSS (kB) of the daemon so far.
daemon_cpu() { awk -v hz="$HZ" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$daemon_pid/stat"; }
daemon_hwm() { awk '/^VmHWM/ { print $2 }' "/proc/$daemon_pid/status"; }

# schema_version DRIVER TARGET: the newest migration applied, or nothing.
schema_version() {
	q="SELECT max(version) FROM moscdr_schema_version"
	if [ "$1" = sqlite ]; then
		sqlite3 "$2" "$q" 2>/dev/null
	else
		psql "$2" -Atqc "$q" 2>/dev/null
	fi
}

# db_init DRIVER TARGET: creates the schema by starting moscdrd once
# ("ready" comes also when the database is down, so check the result).
db_init() {
	if [ "$1" = sqlite ]; then
		daemon_start "$work/init.log" -o database.driver=sqlite -o database.path="$2" || return 1
	else
		daemon_start "$work/init.log" -o database.driver=postgresql -o database.conninfo="$2" || return 1
	fi
	i=0
	while [ -z "$(schema_version "$1" "$2")" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	daemon_stop
	[ -n "$(schema_version "$1" "$2")" ] && return 0
	say "moscdrd did not create the schema in $2:"
	cat "$work/init.log" >&2
	return 1
}

# pg_conninfo DBNAME: the cluster's conninfo with another database.
pg_conninfo() { echo "$pg_ci" | sed "s/dbname=[^ ]*/dbname=$1/"; }

# Waits until the daemon has written what an overload left (nothing in
# the queue, no journal backlog) and stops committing, asking /metrics
# once a second, not the database, for at most 120 s. A commit can take
# seconds: a stored count that did not move for a second is not enough,
# or the next probe counts this one's backlog as its own.
wait_idle() {
	prev=-1
	for _ in $(seq 120); do
		n=$(metric moscdr_messages_stored_total)
		q=$(metric moscdr_queue_length)
		b=$(metric moscdr_journal_backlog)
		[ "${q:-0}" = 0 ] && [ "${b:-0}" = 0 ] && [ "$n" = "$prev" ] && return 0
		prev=$n
		sleep 1
	done
}

# lg ARGS...: one loadgen run against the running daemon, polling its db.
lg() {
	"$BIN/loadgen" -D "$dspec" "$@" 2>>"$work/loadgen.log"
}

# probe_ok LINE: the daemon kept up with a fixed-rate quiet_run: nothing
# lost, nothing moved to the spool (a backlog), and the last message
# committed within 2 s after it was sent.
probe_ok() {
	[ "$(kv lost "$1")" = 0 ] && [ "$(kv spooled "$1")" = 0 ] || return 1
	awk "BEGIN { exit !($(kv drain_s "$1") <= 2) }"
}

# probe_zero_loss LINE: nothing lost (every message sent was committed)
# and the last one committed within 2 s after it was sent; messages the
# full queue left to the journal and the writer read back count as
# stored, not as a failure. The journal-cost comparison uses this test
# for both daemons: without the journal such a message is dropped
# (queue_full) and counts as lost.
probe_zero_loss() {
	[ "$(kv lost "$1")" = 0 ] || return 1
	awk "BEGIN { exit !($(kv drain_s "$1") <= 2) }"
}

# find_rate PREFIX START [TEST]: fixed-rate probes of PROBE seconds, from
# START down by 15 % per failure, then one step back up halfway to the
# last failure; TEST (default probe_ok) judges a probe. Sets sustained
# (0 when even the lowest probe failed) and passed (that probe's line).
find_rate() {
	r=$2
	judge=${3:-probe_ok}
	sustained=0
	failed_at=0
	passed=
	# Down by 15 % a step until a probe passes: 30 steps reach 0.8 % of
	# the start, as the raw loop (the start's reference) can be several
	# times faster than the daemon, which also parses every message.
	for _ in $(seq 30); do
		[ "$r" -ge 10 ] || break
		line=$(quiet_run "$r" "$PROBE" "$1p$r")
		say "probe $r/s: $line"
		if $judge "$line"; then
			sustained=$r
			passed=$line
			break
		fi
		failed_at=$r
		wait_idle
		r=$(awk "BEGIN { printf \"%d\", $r * 0.85 }")
	done
	[ "$sustained" -gt 0 ] && [ "$failed_at" -gt 0 ] || return 0
	r=$(((sustained + failed_at) / 2))
	line=$(quiet_run "$r" "$PROBE" "$1q$r")
	say "probe $r/s: $line"
	if $judge "$line"; then
		sustained=$r
		passed=$line
	else
		wait_idle
	fi
}

# many_daemons N MODE: N moscdrd on database "daemons$MODE$N" of the
# cluster, each with its own spool, UDP port and loadgen; prints one row.
many_daemons() {
	md_db=daemons$2$1
	psql "$pg_ci" -qc "CREATE DATABASE $md_db" >/dev/null || return 1
	md_ci=$(pg_conninfo "$md_db")
	db_init postgresql "$md_ci" || return 1
	md_pids= md_ports= md_logs=
	i=1
	while [ $i -le "$1" ]; do
		node=bench$i
		[ "$2" = shared ] && node=bench
		md_log=$work/md-$2-$1-$i.log
		mkdir -p "$work/mdspool-$2-$1-$i"
		"$MOSCDRD" -d -f "$top/conf/moscdrd.conf" -o node=$node \
		    -o udp.listen=127.0.0.1:0 -o spool.dir="$work/mdspool-$2-$1-$i" \
		    -o log.stats_interval=0 -o database.driver=postgresql \
		    -o database.conninfo="$md_ci" 2>"$md_log" &
		md_pids="$md_pids $!"
		md_logs="$md_logs $md_log"
		j=0
		while ! grep -q ' ready$' "$md_log" 2>/dev/null && [ $j -lt 300 ]; do
			sleep 0.1
			j=$((j + 1))
		done
		md_ports="$md_ports $(sed -n 's/.*listening on udp 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$md_log" | head -n 1)"
		i=$((i + 1))
	done
	t0=$(date +%s.%N)
	i=1
	md_lg=
	for port in $md_ports; do
		pfx=md$2$1d$i
		[ "$2" != distinct ] && pfx=md$2$1
		"$BIN/loadgen" -u 127.0.0.1:$port -r $((DAEMONS_RATE / $1)) -s "$DAEMONS_S" -p "$pfx" >"$work/mdlg-$2-$1-$i.out" 2>>"$work/loadgen.log" &
		md_lg="$md_lg $!"
		i=$((i + 1))
	done
	for p in $md_lg; do wait "$p"; done
	sent=0
	for f in "$work"/mdlg-$2-$1-*.out; do
		sent=$((sent + $(kv sent "$(cat "$f")")))
	done
	# Until the journals are written: sum(messages) stops growing.
	last=-1 same=0
	while [ $same -lt 20 ]; do
		st=$(psql "$md_ci" -Atc "SELECT coalesce(sum(messages), 0) FROM call")
		if [ "$st" = "$last" ]; then same=$((same + 1)); else same=0; last=$st; t1=$(date +%s.%N); fi
		[ "$st" -ge "$sent" ] && { t1=$(date +%s.%N); break; }
		sleep 0.25
	done
	for p in $md_pids; do kill -TERM "$p" 2>/dev/null; done
	for p in $md_pids; do wait "$p" 2>/dev/null; done
	md_pids=
	stored=0 dl=0 recv=0
	for f in $md_logs; do
		s1=$(sed -n 's/.*exiting, stats: .*stored=\([0-9]*\).*/\1/p' "$f" | tail -n 1)
		r1=$(sed -n 's/.*exiting, stats: .*received_udp=\([0-9]*\).*/\1/p' "$f" | tail -n 1)
		stored=$((stored + ${s1:-0}))
		recv=$((recv + ${r1:-0}))
		dl=$((dl + $(grep -c 'deadlock' "$f")))
	done
	inrows=$(psql "$md_ci" -Atc "SELECT coalesce(sum(messages), 0) FROM call")
	row "  $(printf '%7s | %8s | %6s | %8s | %6s | %14s | %12s | %s' "$1" "$2" "$sent" "$recv" "$stored" "$(awk "BEGIN { printf \"%.0f\", $stored / ($t1 - $t0) }")" "$((stored - inrows))" "$dl")"
}

# report_time FILE ARGS...: the best of 3 wall times (ms) of moscdrd
# --report over 30 days, with the 20 worst calls and without them
# (docs/report.md, "Cost"), ARGS the database's -o options, appended to
# FILE as query= lines. 1 when a report fails.
report_time() {
	rt_out=$1
	shift
	for rt_w in 20 0; do
		rt_best=
		for rt_i in 1 2 3; do
			rt_t0=$(date +%s%N)
			if ! "$MOSCDRD" -f "$top/conf/moscdrd.conf" "$@" --report "$work/report.html" --days 30 --worst "$rt_w" >/dev/null 2>"$work/report.err"; then
				echo "query=report_30d_worst$rt_w failed: $(head -n 1 "$work/report.err")" >>"$rt_out"
				return 1
			fi
			rt_ms=$((($(date +%s%N) - rt_t0) / 1000000))
			if [ -z "$rt_best" ] || [ "$rt_ms" -lt "$rt_best" ]; then
				rt_best=$rt_ms
			fi
		done
		echo "query=report_30d_worst$rt_w ms=$rt_best rows=$rt_w" >>"$rt_out"
	done
	return 0
}

# grow DRIVER TARGET N TAG: N more calls generated in SQL into the real
# tables (tests/bench/gen_<driver>.sql, which also sets migration 013's
# per-call figures; the rollup check compares them with the samples),
# then the rollups filled again from all calls by moscdrd
# itself: the rollup tables are dropped and migration 006 marked as not
# applied, so the daemon's migration refills them with its own
# statements, as on an upgrade.
grow() {
	sed -e "s/@N@/$3/g; s/@NOW@/$(date +%s)/g; s/@TAG@/$4-/g" \
	    "$top/tests/bench/gen_$1.sql" >"$work/gen.sql"
	# (PostgreSQL: with the views on them, which moscdrd then creates
	# again since moscdr_views no longer matches.)
	drop="DROP TABLE rollup_hour$([ "$1" = postgresql ] && echo ' CASCADE');"
	drop="$drop DROP TABLE rollup_mos$([ "$1" = postgresql ] && echo ' CASCADE');"
	drop="$drop DELETE FROM moscdr_schema_version WHERE version = 6;"
	drop="$drop DELETE FROM moscdr_views;"
	if [ "$1" = sqlite ]; then
		# (stdout: the journal_mode pragmas print the mode)
		sqlite3 "$2" <"$work/gen.sql" >/dev/null && sqlite3 "$2" "$drop" || return 1
	else
		psql "$2" -v ON_ERROR_STOP=1 -q -f "$work/gen.sql" >/dev/null &&
		    psql "$2" -qc "$drop" || return 1
	fi
	t0=$(date +%s)
	if [ "$1" = sqlite ]; then
		daemon_start "$work/fill.log" -o database.driver=sqlite -o database.path="$2" || return 1
	else
		daemon_start "$work/fill.log" -o database.driver=postgresql -o database.conninfo="$2" || return 1
	fi
	q="SELECT count(*) FROM moscdr_schema_version WHERE version = 6"
	i=0
	while :; do
		if [ "$1" = sqlite ]; then n=$(sqlite3 "$2" "$q" 2>/dev/null); else n=$(psql "$2" -Atqc "$q" 2>/dev/null); fi
		[ "$n" = 1 ] && break
		i=$((i + 1))
		[ $i -lt 36000 ] || { daemon_stop; say "the rollup fill did not finish"; return 1; }
		sleep 0.1
	done
	daemon_stop
	say "rollups filled by the migration in $(($(date +%s) - t0)) s"
	[ "$1" = postgresql ] && psql "$2" -qc "ANALYZE" >/dev/null
	return 0
}

# bench_rates: steps 1 and 2 for one back end (bench_backend's
# variables: driver, the databases, baseline); sets empty_rate, the
# zero-loss rate on the empty database.
bench_rates() {
	say "$driver: baselines"
	raw=$("$baseline" raw "$raw_db" -n "$RAW_N" -p raw)
	naive=$("$baseline" naive "$naive_db" -s "$NAIVE_S" -p naive)
	raw_rate=$(kv rate "$raw")
	naive_rate=$(kv rate "$naive")
	# What the rollups cost (the daemon's own rollup statements, -r):
	# start times spread over 30 days (every call its own hour: the
	# worst case) and calls that end now (start in the last hour).
	say "$driver: the raw loop with and without the rollups"
	rawr=$("$baseline" raw "$rawr_db" -n "$RAW_N" -p rawr -r)
	rawt=$("$baseline" raw "$rawt_db" -n "$RAW_N" -p rawt -T 3600)
	rawtr=$("$baseline" raw "$rawtr_db" -n "$RAW_N" -p rawtr -T 3600 -r)
	naive_wal=
	if [ "$driver" = sqlite ]; then
		naive_wal=$("$baseline" naive "$naive_db" -s "$NAIVE_S" -p naivewal -P daemon)
	fi

	say "$driver: moscdrd, search for the highest zero-loss rate"
	evport=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	if [ "$driver" = sqlite ]; then
		set -- -o database.driver=sqlite -o database.path="$ddb"
	else
		set -- -o database.driver=postgresql -o database.conninfo="$ddb"
	fi
	daemon_start "$work/daemon-$driver.log" "$@" \
	    -o evapi.address=127.0.0.1:$evport -o evapi.reconnect_max=1 || return 1
	# CPU per message at a fixed 4,000 msg/s (below saturation on both
	# back ends), nothing reading the database: first, on the daemon's
	# empty database, so that the figure does not depend on how much the
	# rate probes happened to store (CPU per message grows with the
	# database: deeper indexes, pages read back once they leave the
	# cache; the growth table shows the rates at larger sizes).
	cpu0=$(daemon_cpu)
	fixed=$(quiet_run "$CPU_RATE" "$SECONDS_RUN" "${driver}c" 30)
	cpu1=$(daemon_cpu)
	say "cpu run: $fixed"
	cpu_us=$(awk "BEGIN { n = $(kv sent "$fixed"); if (n > 0) printf \"%.0f\", ($cpu1 - $cpu0) / n * 1e6; else print \"n/a\" }")
	wait_idle
	# From above the raw rate: the daemon may batch better than the loop.
	find_rate "${driver}s" "$(awk "BEGIN { printf \"%d\", $raw_rate * 1.25 }")"
	rate=$sustained
	[ "$rate" -gt 0 ] || rate=10
	# A short probe can pass on buffers alone: the long run decides. On
	# loss, 15 % less, at most three times.
	attempts=
	for try in 1 2 3; do
		cpu0=$(daemon_cpu)
		say "$driver: sustained run at $rate/s for ${SECONDS_RUN}s"
		main=$(quiet_run "$rate" "$SECONDS_RUN" "${driver}m$try")
		cpu1=$(daemon_cpu)
		say "sustained: $main"
		probe_ok "$main" && break
		attempts="$attempts $rate/s lost $(kv lost "$main") spooled $(kv spooled "$main") of $(kv sent "$main"), last commit $(kv drain_s "$main") s after;"
		[ $try = 3 ] && break
		wait_idle
		rate=$(awk "BEGIN { printf \"%d\", $rate * 0.85 }")
	done
	sustained=$rate
	probe_ok "$main" || sustained=0
	commit_p50=$(commit_pct 50)
	commit_p99=$(commit_pct 99)
	half=$((rate / 2))
	hs=$SECONDS_RUN
	[ "$hs" -gt 10 ] && hs=10
	# The latency run: the only one with a poller reading the database.
	low=$(lg -u 127.0.0.1:$udp_port -r "$half" -s "$hs" -p "${driver}h" -w 5)
	say "half rate: $low"
	ev=$(lg -e "$evport" -r "$rate" -s "$hs" -p "${driver}e" -w 5)
	say "evapi: $ev"
	# A burst well above what the database takes: backlog or loss?
	burst=$(quiet_run $((rate * 2)) "$BURST_S" "${driver}b" 120)
	say "burst: $burst"
	hwm=$(daemon_hwm)
	daemon_stop
	grep 'exiting, stats' "$work/daemon-$driver.log" | sed 's/.*exiting, stats: /bench: daemon stats: /' >&2

	sent=$(kv sent "$main")
	[ -n "$sent" ] || { say "the sustained run failed (see $work/loadgen.log)"; return 1; }
	row ""
	row "== $driver ($(date -u +%Y-%m-%dT%H:%MZ), $cpus cores, load $(cut -d' ' -f1-3 /proc/loadavg)) =="
	row "raw limit (1,000 msgs/transaction):     $raw_rate msg/s ($(kv rows_per_s "$raw") rows/s)"
	row "naive (autocommit row by row):          $naive_rate msg/s ($(kv rows_per_s "$naive") rows/s)"
	row "rollup cost, raw loop, same run: starts over 30 days: without $raw_rate, with $(kv rate "$rawr") msg/s (with/without $(ratio "$(kv rate "$rawr")" "$raw_rate")); calls ending now: without $(kv rate "$rawt"), with $(kv rate "$rawtr") msg/s (with/without $(ratio "$(kv rate "$rawtr")" "$(kv rate "$rawt")"))"
	[ -n "$naive_wal" ] && row "naive with the daemon's WAL pragmas:    $(kv rate "$naive_wal") msg/s"
	row "moscdrd sustained zero-loss rate:       $sustained msg/s   (daemon/raw $(ratio "$sustained" "$raw_rate"), daemon/naive $(ratio "$sustained" "$naive_rate"))"
	row "  (the highest UDP rate at which a ${SECONDS_RUN}s run was stored completely, nothing going"
	row "  through the spool and the last message committed within 2 s of the last send;"
	row "  nothing read the database meanwhile)"
	[ -n "$attempts" ] && row "  longer runs that did not keep up:$attempts"
	row "  ${SECONDS_RUN}s at $rate/s: sent $sent stored $(kv stored "$main") lost $(kv lost "$main") spooled $(kv spooled "$main"), $(kv batches "$main") transactions, last commit $(kv drain_s "$main") s after the last send"
	row "  batch commit time (daemon's histogram, all runs so far): p50 $commit_p50 ms, p99 $commit_p99 ms"
	row "  CPU per message at $CPU_RATE msg/s: $cpu_us us (target <= 100 us); $(kv stored "$fixed") of $(kv sent "$fixed") stored"
	row "  (moscdrd's user + system CPU time from /proc/PID/stat, all its threads, from before a"
	row "  ${SECONDS_RUN}s run until its last message was committed, divided by the messages sent;"
	row "  the first run, on the daemon's empty database (at its end it holds that run's calls"
	row "  only), nothing reading it meanwhile; CPU time, not wall time, so a busy machine"
	row "  moves it less than the rates; it grows with the database, see the growth table)"
	row "  latency run, ${hs}s at $half/s with a poller reading the database every 10 ms: send -> visible p50 $(kv p50_ms "$low") ms p99 $(kv p99_ms "$low") ms (target < $((2 * FLUSH_MS)) ms); lost $(kv lost "$low")"
	row "  evapi latency run, ${hs}s at $rate/s, same poller: stored $(kv stored "$ev") of $(kv sent "$ev")  p50 $(kv p50_ms "$ev") ms p99 $(kv p99_ms "$ev") ms"
	row "  burst ${BURST_S}s at $((rate * 2))/s: sent $(kv sent "$burst") stored $(kv stored "$burst") lost $(kv lost "$burst") spooled $(kv spooled "$burst"), all committed $(kv drain_s "$burst") s after the last send"
	row "  moscdrd peak RSS through all of the above, burst included: $((hwm / 1024)) MiB ($hwm kB; target < 32 MiB)"
	empty_rate=$rate

	# What the journal costs: the same search twice in a row, from the
	# same start, on the same database, judged by the same test
	# (probe_zero_loss: every message stored, the last within 2 s),
	# once with the journal (the default) and once without it
	# (spool.journal=false: every message waits in memory only, what the
	# full queue cannot hold is dropped). With the journal a message
	# the full queue lets go of is read back and stored, so it does not
	# fail the probe; without it, it is lost and does.
	jstart=$(awk "BEGIN { printf \"%d\", $raw_rate * 1.25 }")
	say "$driver: journal cost, with the journal"
	daemon_start "$work/journal-$driver.log" "$@" || return 1
	find_rate "${driver}jw" "$jstart" probe_zero_loss
	with_j=$sustained
	with_line=$passed
	daemon_stop
	say "$driver: journal cost, without the journal"
	daemon_start "$work/nojournal-$driver.log" "$@" \
	    -o spool.journal=false || return 1
	find_rate "${driver}jn" "$jstart" probe_zero_loss
	without_j=$sustained
	daemon_stop
	row "  journal cost (probes of ${PROBE}s from $jstart/s down, zero loss = every message sent stored and the last within 2 s):"
	row "    with the journal $with_j msg/s ($(kv spooled "$with_line") of $(kv sent "$with_line") read back from it in that probe), without $without_j msg/s: with/without $(ratio "$with_j" "$without_j")"

	if [ "$driver" = postgresql ]; then
		# 1, 2 and 4 writers (each one moscdrd's store connection) on one
		# database: distinct nodes, and one node name shared by all with
		# the same Call-IDs (tests/bench/pg_writers.c).
		say "$driver: many writers"
		psql "$pg_ci" -qc "CREATE DATABASE writers" >/dev/null || return 1
		row "  many writers, ${WRITERS_S}s each: writers | Call-IDs | msg/s in total | retries | deadlocks | lost updates"
		for mode in distinct overlap; do
			for n in 1 2 4; do
				w=$("$BIN/pg_writers" "$(pg_conninfo writers)" "$n" "$mode" "$WRITERS_S" "w$mode$n") || return 1
				row "  $(printf '%7s | %8s | %14s | %7s | %9s | %s' "$n" "$mode" "$(kv rate "$w")" "$(kv retries "$w")" "$(kv deadlocks "$w")" "$(kv lost "$w")")"
			done
		done
	fi

	if [ "$driver" = postgresql ]; then
		# 1, 2 and 4 separate moscdrd processes on one database (one per
		# Kamailio node), each fed by its own loadgen, DAEMONS_RATE msg/s
		# in all for DAEMONS_S s (more than one server takes: the surplus
		# waits in each journal), timed until the last message is
		# committed.
		# distinct: own node, own Call-IDs; overlap: own node, the same
		# Call-IDs (one call per node and Call-ID); shared: one node name
		# and the same Call-IDs for all (the mistake: the same rows).
		# received < sent: datagrams the kernel dropped (the machine was
		# busy); lost updates: stored minus sum(call.messages), 0 unless
		# a merge was lost; deadlocks: "deadlock" lines in the logs.
		say "$driver: many daemons"
		row "  separate daemons, ${DAEMONS_S}s at $DAEMONS_RATE msg/s in all: daemons | Call-IDs | sent | received | stored | msg/s in total (until the last commit) | lost updates | deadlocks"
		for mode in distinct overlap shared; do
			for n in 1 2 4; do
				many_daemons "$n" "$mode" || return 1
			done
		done
	fi
}

bench_backend() {
	driver=$1
	if [ "$driver" = sqlite ]; then
		raw_db=$work/raw.db
		naive_db=$work/naive.db
		ddb=$work/daemon.db
		gdb=$work/growth.db
		for d in "$raw_db" "$naive_db" "$ddb" "$gdb" "$work/rawr.db" \
		    "$work/rawt.db" "$work/rawtr.db"; do
			db_init sqlite "$d" || return 1
		done
		rawr_db=$work/rawr.db rawt_db=$work/rawt.db rawtr_db=$work/rawtr.db
		baseline=$BIN/baseline_sqlite
		dspec=sqlite:$ddb
	else
		pg_dir=$work/pg
		pg_ci=$("$top/tests/pg/cluster.sh" start "$pg_dir" "$PG_PORT") || {
			say "PostgreSQL cluster did not start; skipping postgresql"
			pg_dir=
			return 0
		}
		for d in raw naive daemon growth rawr rawt rawtr; do
			psql "$pg_ci" -qc "CREATE DATABASE $d" >/dev/null || return 1
			db_init postgresql "$(pg_conninfo $d)" || return 1
		done
		rawr_db=$(pg_conninfo rawr) rawt_db=$(pg_conninfo rawt)
		rawtr_db=$(pg_conninfo rawtr)
		# One database per use, each migrated by moscdrd itself.
		raw_db=$(pg_conninfo raw)
		naive_db=$(pg_conninfo naive)
		ddb=$(pg_conninfo daemon)
		gdb=$(pg_conninfo growth)
		baseline=$BIN/baseline_pg
		dspec=pg:$ddb
	fi
	cpus=$(nproc)
	empty_rate=
	if [ "$STEPS" = growth ]; then
		row ""
		row "== $driver ($(date -u +%Y-%m-%dT%H:%MZ), $cpus cores, load $(cut -d' ' -f1-3 /proc/loadavg)), growth only =="
	else
		bench_rates || return 1
	fi

	say "$driver: growth"
	row "  growth: calls stored | raw msg/s (with rollups) | moscdrd zero-loss msg/s (x empty) | rollups = rows"
	have=0
	for size in $GROWTH; do
		if [ "$size" -gt "$have" ]; then
			say "$driver: generating $((size - have)) calls (SQL), then the rollups (moscdrd's migration fill)"
			grow "$driver" "$gdb" $((size - have)) "g$size" || return 1
			have=$size
		fi
		graw=$("$baseline" raw "$gdb" -n "$RAW_N" -p "g${size}r" -r)
		if [ "$driver" = sqlite ]; then
			set -- -o database.driver=sqlite -o database.path="$gdb"
			dspec=sqlite:$gdb
		else
			set -- -o database.driver=postgresql -o database.conninfo="$gdb"
			dspec=pg:$gdb
		fi
		ddb_save=$ddb
		ddb=${dspec#*:}
		daemon_start "$work/growth-$driver-$size.log" "$@" || return 1
		# Growth only: no rate on the empty database measured before, so
		# the search starts above this size's raw rate, and the first
		# size's rate (0 calls, when BENCH_GROWTH begins with 0) is the
		# one the others are compared with.
		find_rate "${driver}g${size}" "${empty_rate:-$(awk "BEGIN { printf \"%d\", $(kv rate "$graw") * 1.25 }")}"
		[ -n "$empty_rate" ] || empty_rate=$sustained
		daemon_stop
		ddb=$ddb_save
		/usr/bin/python3 "$top/tests/bench/queries.py" "$driver" "$gdb" --check >"$work/q-$driver-$size.txt" 2>&1
		qrc=$?
		report_time "$work/q-$driver-$size.txt" "$@" || qrc=1
		check=$(sed -n 's/^check=rollups //p' "$work/q-$driver-$size.txt")
		[ $qrc = 0 ] || { failed_check="$failed_check $driver@$size"; check="$check FAILED"; }
		row "  $(printf '%12s | %9s | %9s (%s) | %s' "$size" "$(kv rate "$graw")" "$sustained" "$(ratio "$sustained" "$empty_rate")" "$check")"
		grep '^query=' "$work/q-$driver-$size.txt" | sed 's/^query=//' >"$work/q-$driver-$size.rows"
		sizes_done="$sizes_done $size"
		grep 'difference\|failed' "$work/q-$driver-$size.txt" | sed "s/^/  $size: /" | tee -a "$summary" >&2
	done
	# Each query's best-of-3 time (ms) at each size, one row per query.
	row "  query times in ms (best of 3) at $(echo $sizes_done | sed 's/ / | /g') calls:"
	for q in $(awk '{print $1}' "$work/q-$driver-$have.rows"); do
		line=$(printf '%-60s' "$q")
		for size in $sizes_done; do
			line="$line | $(awk -v q="$q" '$1 == q { sub(/^ms=/, "", $2); print $2 }' "$work/q-$driver-$size.rows")"
		done
		row "    $line"
	done
	sizes_done=
	# the growth database is the largest file of the run (tens of GB at
	# 10 M calls): gone before the next back end fills its own
	[ "$driver" = sqlite ] && rm -f "$gdb" "$gdb-wal" "$gdb-shm"
	if [ -n "$pg_dir" ]; then
		"$top/tests/pg/cluster.sh" destroy "$pg_dir" >/dev/null 2>&1
		pg_dir=
	fi
}

say "work directory $work; sustained runs ${SECONDS_RUN}s, probes ${PROBE}s, growth: $GROWTH"
failed=0
failed_check=
sizes_done=
for b in $BACKENDS; do
	if ! bench_backend "$b"; then
		say "$b: a benchmark step failed (see above)"
		failed=1
	fi
	daemon_stop
done
# The parser alone, one core: a message without and with rtpengine's reply
# (whose per-leg media facts and MOS progression are read), in the same
# run as the figures above.
if [ -x "$BIN/parse_bench" ]; then
	echo "parser cost per message (build/bench/parse_bench):" >>"$summary"
	"$BIN/parse_bench" -n 20000 -d "$top/tests/data" >>"$summary" 2>&1 ||
	    echo "parse_bench failed" >>"$summary"
fi
if [ -n "$failed_check" ]; then
	echo "rollups differ from the rows (or a query failed) at:$failed_check" >>"$summary"
	failed=1
fi
echo
echo "moscdr benchmark summary"
cat "$summary"
mkdir -p "$(dirname "$OUT")" && cp "$summary" "$OUT"
exit $failed
