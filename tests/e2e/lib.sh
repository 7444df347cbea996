# shellcheck shell=bash
# lib.sh: the shell that tests/e2e/run.sh (the KEMI Lua variant) and
# tests/e2e/native.sh (the native cfg) share: counting and printing
# checks, the work directory and its cleanup, processes started and
# stopped by pid, waiting for log lines and sockets, rtpengine, a
# PostgreSQL test cluster, one sipp call with its RTP endpoints, moscdrd's
# stop, and check.py's lines counted into the totals.
#
# Sourced (bash) after the script has set HERE, TOP, MOSCDRD, PY and
# TALK_MS, and:
#   E2E_SUITE  the name of the closing line ("e2e": "e2e: N passed, M
#              failed")
#   E2E_TAG    put before the text of each check line, its own and
#              check.py's ("" or "native: ")
# A script may define call_wanted RUN CASE (return 1: call skips the
# case) after sourcing; by default every case runs.

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $E2E_TAG$*"; }
bad() { failed=$((failed + 1)); echo "FAIL - $E2E_TAG$*"; }
note() { echo "# $*"; }

finish() {
	echo "$E2E_SUITE: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# need PACKAGE...: the Debian packages the script needs (tests/deps.sh
# installs what is missing) and the daemon under test; exits when either
# is missing.
need() {
	if ! "$TOP/tests/deps.sh" "$@"; then
		bad "install the Debian packages the test needs"
		finish
		exit 1
	fi
	if [ ! -x "$MOSCDRD" ]; then
		bad "daemon $MOSCDRD not built (make, or set MOSCDRD)"
		finish
		exit 1
	fi
}

# make_work PREFIX: WORK, a new directory /tmp/PREFIX.XXXXXX, removed at
# the end unless something failed or E2E_KEEP=1; every process started
# with bg is stopped at the end, also when a step fails or the run is
# interrupted, and the PostgreSQL cluster in PGDIR (if any) too.
make_work() {
	WORK=$(mktemp -d "/tmp/$1.XXXXXX")
	# the PostgreSQL cluster runs as "postgres" when we are root: it must
	# be able to reach its directory below WORK
	chmod 0755 "$WORK"
	PIDS=""
	PGDIR=""
	trap cleanup EXIT
	trap 'bad "interrupted"; finish; exit 130' INT TERM HUP
}

# stop_pid PID: SIGTERM, up to 10 s for it to exit, then SIGKILL.
stop_pid() {
	local p=$1
	kill -TERM "$p" 2>/dev/null
	for _ in $(seq 100); do
		kill -0 "$p" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	PIDS=$(echo " $PIDS " | sed "s/ $p / /")
}

cleanup() {
	local p
	trap - EXIT INT TERM HUP
	for p in $PIDS; do
		stop_pid "$p"
	done
	stop_pg
	if [ "$failed" -ne 0 ] || [ "${E2E_KEEP:-0}" = 1 ]; then
		echo "# ${E2E_TAG}logs kept in $WORK"
	else
		rm -rf "$WORK"
	fi
}

# bg LOGFILE CMD...: start CMD in the background, remember its pid in BG.
bg() {
	local log=$1
	shift
	"$@" >"$log" 2>&1 </dev/null &
	BG=$!
	PIDS="$PIDS $BG"
}

# wait_for FILE PATTERN COUNT SECONDS: until FILE has COUNT lines matching
# the extended regex PATTERN.
wait_for() {
	local n
	for _ in $(seq $(($4 * 10))); do
		n=$(grep -cE "$2" "$1" 2>/dev/null)
		[ "${n:-0}" -ge "$3" ] && return 0
		sleep 0.1
	done
	return 1
}

# wait_udp PORT: until something listens on udp 127.0.0.1:PORT (3 s).
wait_udp() {
	for _ in $(seq 30); do
		ss -Hlun "sport = :$1" 2>/dev/null | grep -q . && return 0
		sleep 0.1
	done
	return 1
}

# start_rtpengine NG_PORT FIRST_PORT LAST_PORT [OPTIONS...]: rtpengine on
# 127.0.0.1, its control protocol on NG_PORT, media ports FIRST_PORT to
# LAST_PORT, its log in $WORK/rtpengine/log; exits when it does not start.
start_rtpengine() {
	local ng=$1 lo=$2 hi=$3
	shift 3
	mkdir -p "$WORK/rtpengine"
	bg "$WORK/rtpengine/log" rtpengine --config-file=none --table=-1 \
	    --interface=127.0.0.1 --listen-ng="127.0.0.1:$ng" --foreground \
	    --log-stderr --port-min="$lo" --port-max="$hi" \
	    --pidfile="$WORK/rtpengine/pid" "$@"
	if wait_for "$WORK/rtpengine/log" "Startup complete" 1 10; then
		ok "rtpengine $(rtpengine --version 2>&1 | head -1) started"
	else
		bad "rtpengine did not start (see $WORK/rtpengine/log)"
		finish
		exit 1
	fi
}

# dbtext_rtpengine DIR NG_PORT: a db_text database in DIR whose rtpengine
# table has one row, the node udp:127.0.0.1:NG_PORT (for
# MOSCDR_RTPENGINE_DB_URL="text://DIR").
dbtext_rtpengine() {
	mkdir -p "$1"
	printf '%s\n%s\n' \
	    'id(int,auto) setid(int) url(string) weight(int) disabled(int) stamp(int)' \
	    "1:0:udp\\:127.0.0.1\\:$2:1:0:0" >"$1/rtpengine"
	printf '%s\n%s\n' 'table_name(string) table_version(int)' \
	    'rtpengine:1' >"$1/version"
}

# backend_opts BACKEND PORT: OPTS, moscdrd's options for BACKEND (none
# for sqlite, whose path the script's config gives); for postgresql a
# test cluster in $WORK/pg on PORT is started first (PGDIR, CONNINFO).
# Returns 1 (the failure counted) when that cannot be done.
# shellcheck disable=SC2034  # OPTS, DB_ARGS: for the sourcing script
backend_opts() {
	OPTS=()
	case $1 in
	sqlite) ;;
	postgresql)
		PGDIR=$WORK/pg
		if ! CONNINFO=$("$TOP/tests/pg/cluster.sh" start "$PGDIR" \
		    "$2" 2>"$WORK/pg.log"); then
			bad "postgresql: start a test cluster (see $WORK/pg.log)"
			return 1
		fi
		OPTS=(-o database.driver=postgresql
		    -o "database.conninfo=$CONNINFO")
		;;
	*)
		bad "unknown backend $1"
		return 1
		;;
	esac
}

# stop_pg: stops the test cluster, if one runs.
stop_pg() {
	if [ -n "$PGDIR" ]; then
		"$TOP/tests/pg/cluster.sh" stop "$PGDIR" >/dev/null 2>&1
		PGDIR=""
	fi
}

# db_args BACKEND DBFILE: DB_ARGS, check.py's options naming the database
# (DBFILE for sqlite, the test cluster's CONNINFO for postgresql).
# shellcheck disable=SC2034
db_args() {
	if [ "$1" = sqlite ]; then
		DB_ARGS=(--db "$2")
	else
		DB_ARGS=(--conninfo "$CONNINFO")
	fi
}

call_wanted() { return 0; }

# --- one call -------------------------------------------------------------
# call RUN CASE KAM UAS_XML UAC_XML MEDIA EP_A_ARGS EP_B_ARGS: one call
# placed by sipp (UAC_XML on UAC_PORT, to the Kamailio KAM, KAM_SIP[KAM])
# to sipp (UAS_XML on UAS_PORT[KAM]), its work in $WORK/RUN/CASE. MEDIA
# is "media" (an rtpep.py endpoint on each side, on EP_A and EP_B, with
# EP_A_ARGS and EP_B_ARGS) or "none". The Call-ID is e2e-RUN-CASE-...;
# case longcid pads it to about 600 bytes. Counts one check: both sipps
# exit 0.
call() {
	local be=$1 name=$2 kam=$3 uas=$4 uac=$5 media=$6 a_args=$7 b_args=$8
	local d=$WORK/$be/$name uas_pid a_pid="" b_pid="" rc uas_rc pad=""
	call_wanted "$be" "$name" || return 0
	# a Call-ID of about 600 bytes
	[ "$name" = longcid ] && pad=$(printf 'L%.0s' $(seq 560))-
	mkdir -p "$d"
	if [ "$media" = media ]; then
		# shellcheck disable=SC2086
		bg "$d/a.log" $PY "$HERE/rtpep.py" --port "$EP_A" \
		    --remote-file "$d/a.remote" --stats "$d/a.stats" \
		    --stop-file "$d/a.remote.stop" \
		    --max-seconds 60 $a_args
		a_pid=$BG
		# shellcheck disable=SC2086
		bg "$d/b.log" $PY "$HERE/rtpep.py" --port "$EP_B" \
		    --remote-file "$d/b.remote" --stats "$d/b.stats" \
		    --stop-file "$d/a.remote.stop" \
		    --max-seconds 60 $b_args
		b_pid=$BG
	fi
	bg "$d/uas.log" sipp -sf "$HERE/$uas" -i 127.0.0.1 \
	    -p "${UAS_PORT[$kam]}" -mp "${UAS_MP[$kam]}" -m 1 -d "$TALK_MS" \
	    -nostdin -key ep_port "$EP_B" -key ep_file "$d/b.remote" \
	    -timeout 45s -timeout_error -trace_err -error_file "$d/uas.err"
	uas_pid=$BG
	wait_udp "${UAS_PORT[$kam]}"
	timeout 60 sipp -sf "$HERE/$uac" -i 127.0.0.1 -p "$UAC_PORT" \
	    -mp "$UAC_MP" -m 1 -d "$TALK_MS" -nostdin \
	    -key ep_port "$EP_A" -key ep_file "$d/a.remote" \
	    -cid_str "e2e-$be-$name-\"q\"\\b-$pad%u-%p@%s" \
	    -timeout 45s -timeout_error -trace_err -error_file "$d/uac.err" \
	    "127.0.0.1:${KAM_SIP[$kam]}" >"$d/uac.log" 2>&1 </dev/null
	rc=$?
	# the UAS ends with the call; give it a moment for the last 200
	for _ in $(seq 50); do
		kill -0 "$uas_pid" 2>/dev/null || break
		sleep 0.1
	done
	wait "$uas_pid" 2>/dev/null
	uas_rc=$?
	stop_pid "$uas_pid"
	[ -n "$a_pid" ] && stop_pid "$a_pid"
	[ -n "$b_pid" ] && stop_pid "$b_pid"
	if [ "$rc" -eq 0 ] && [ "$uas_rc" -eq 0 ]; then
		ok "$be/$name: call through kamailio ($kam) completed"
	else
		bad "$be/$name: call failed (uac rc $rc, uas rc $uas_rc; $d)"
	fi
}

# stop_moscdrd RUN: SIGTERM to MOSCDRD_PID; moscdrd commits everything it
# received, logs its "exiting, stats:" line and must exit 0.
stop_moscdrd() {
	sleep 0.5
	kill -TERM "$MOSCDRD_PID"
	if wait "$MOSCDRD_PID"; then
		ok "$1: moscdrd exited 0 on SIGTERM"
	else
		bad "$1: moscdrd exit status on SIGTERM"
	fi
	PIDS=$(echo " $PIDS " | sed "s/ $MOSCDRD_PID / /")
}

# count_lines FILE WHAT: the "ok"/"FAIL" lines of a checking script's
# output FILE printed (with E2E_TAG) and counted into the totals; one
# more failure when it did not run to the end (no check line, a
# traceback, or, with END, no line starting with END).
count_lines() {
	local out=$1 what=$2 end=${3:-}
	sed "s/^\(ok  \|FAIL\) - /&$E2E_TAG/" "$out" |
	    if [ -n "$end" ]; then grep -v "^$end"; else cat; fi
	passed=$((passed + $(grep -c '^ok ' "$out")))
	failed=$((failed + $(grep -c '^FAIL ' "$out")))
	if ! grep -qE '^(ok|FAIL) ' "$out" || grep -q '^Traceback' "$out" ||
	    { [ -n "$end" ] && ! grep -q "^$end" "$out"; }; then
		bad "$what ran to the end"
	fi
}

# run_check RUN ARGS...: check.py ARGS, its output in $WORK/RUN/check.out,
# its lines counted into the totals.
run_check() {
	local run=$1
	shift
	$PY "$HERE/check.py" "$@" >"$WORK/$run/check.out" 2>&1
	count_lines "$WORK/$run/check.out" "$run: check.py"
}
