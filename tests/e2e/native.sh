#!/bin/bash
# native.sh: moscdr's end-to-end test of the native-cfg variant
# (contrib/kamailio/moscdr-native.cfg) with real Kamailio 5.6, rtpengine
# and sipp. Run by `make e2e` after run.sh (the KEMI Lua variant).
#
# Two Kamailio instances run the example native proxy
# contrib/kamailio/kamailio-native.cfg unedited (only -A defines
# differ), which pulls in moscdr-native.cfg with include_file and calls
# its MOSCDR_* routes; both SIGN every message (one with
# WITH_MOSCDR_AUTH and the key file moved, one with MOSCDR_KEY_FILE
# alone) and moscdrd has the key, so an unsigned or badly signed message
# would be refused:
#   nudp    transport udp, rtpengine_sock, rtpengine's query reply sent
#   nevapi  transport evapi, MOSCDR_QUERY=0, its rtpengine node from a
#           db_text table of one row, no BYEs of its own on a dialog
#           timeout (MOSCDR_TIMEOUT_BYE=0)
#   nnokey  MOSCDR_KEY_FILE names a missing file: it must send nothing at
#           all (never unsigned) and log why
# Cases (the names are check.py's, which checks each as for the Lua
# variant: every stored value against the AVPs and rtpengine's reply the
# cfg logged, labels, times, units, one row per call):
#   endevent   no BYE at all: the dialog's timeout (DLG_TIMEOUT s) ends
#              the call, event_route[dialog:end] reports it: MOS, ended_by
#              timeout (nevapi, evapi)
#   timeout    no BYE from the parties: the dialog's timeout ends the call
#              and sends BYEs (send_bye); event_route[tm:local-request]
#              reports it from the first, with rtpengine's query reply,
#              MOS, ended_by timeout
#   clean      a clean call with RTCP: MOS on both sides, the legs' packet
#              counts equal to rtpengine's final ones (the endpoints stop
#              before the BYE, check.py --exact-counts)
#   latin1     a 486 whose reason phrase is Latin-1: jansson refuses it
#              as it is, the cfg repairs it (U+FFFD), valid JSON
#   longcid    a Call-ID of about 600 bytes
#   reinvite   a re-INVITE half way: one call, both labels, MOS
#   calleebye  the callee hangs up (From/To swapped), over evapi, through
#              the db_text instance
#   nokey      a 486 through nnokey: nothing reaches moscdrd
# on SQLite and PostgreSQL (E2E_NATIVE_BACKENDS, default "sqlite
# postgresql"). First, tests/e2e/native_utf8.py checks the cfg's UTF-8
# repair on its own (a Kamailio that runs the route at start, no SIP).
#
# Environment: MOSCDRD (default build/moscdrd), E2E_TALK_MS (6000),
# E2E_DIALOG_TIMEOUT (10), E2E_KEEP=1 keeps the work directory.
# Prints "e2e native: N passed, M failed"; exit 1 on failure. Every
# process is started here and stopped by its pid. The shell it shares
# with run.sh (the call, its endpoints, the checks' counts) is in
# tests/e2e/lib.sh.

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
MOSCDRD=${MOSCDRD:-$TOP/build/moscdrd}
PY=/usr/bin/python3
TALK_MS=${E2E_TALK_MS:-6000}
DLG_TIMEOUT=${E2E_DIALOG_TIMEOUT:-10}
BACKENDS=${E2E_NATIVE_BACKENDS:-sqlite postgresql}
KAM_CFG=$TOP/contrib/kamailio/kamailio-native.cfg

E2E_SUITE="e2e native"
E2E_TAG="native: "
# shellcheck source=tests/e2e/lib.sh
. "$HERE/lib.sh"

need kamailio kamailio-extra-modules kamailio-tls-modules \
    rtpengine-daemon sip-tester python3 sqlite3
make_work moscdr-e2e-native

# --- ports ------------------------------------------------------------------
mapfile -t B < <($PY "$HERE/ports.py" blocks 11 6)
mapfile -t R < <($PY "$HERE/ports.py" blocks 1 60)
if [ "${#B[@]}" -ne 11 ] || [ "${#R[@]}" -ne 1 ]; then
	bad "find free ports"
	finish
	exit 1
fi
RTPE_NG=${B[0]}
declare -A KAM_SIP KAM_EVAPI UAS_PORT UAS_MP
KAM_SIP[nudp]=${B[1]}
KAM_EVAPI[nudp]=$((B[1] + 1))
KAM_SIP[nevapi]=${B[2]}
KAM_EVAPI[nevapi]=$((B[2] + 1))
UAS_PORT[nudp]=${B[3]}
UAS_MP[nudp]=$((B[3] + 2))
UAS_PORT[nevapi]=${B[4]}
UAS_MP[nevapi]=$((B[4] + 2))
UAC_PORT=${B[5]}
UAC_MP=$((B[5] + 2))
EP_A=${B[6]}
EP_B=${B[7]}
MOSCDR_UDP=${B[8]}
PG_PORT=$((B[8] + 2))
KAM_SIP[nnokey]=${B[9]}
KAM_EVAPI[nnokey]=$((B[9] + 1))
UAS_PORT[nnokey]=${B[10]}
UAS_MP[nnokey]=$((B[10] + 2))
KAMS="nudp nevapi nnokey"

# --- the UTF-8 repair alone ------------------------------------------------------
$PY "$HERE/native_utf8.py" "$WORK/utf8" "$((B[9] + 3))" >"$WORK/utf8.out" 2>&1
count_lines "$WORK/utf8.out" native_utf8.py "native utf8: "

# --- rtpengine ----------------------------------------------------------------
# --delete-delay=0: a deleted call is gone (and its "Final packet stats",
# which check.py compares, logged) at once, not 30 s later, which would
# be after this short run has stopped rtpengine
start_rtpengine "$RTPE_NG" "${R[0]}" "$((R[0] + 59))" --delete-delay=0

# --- the key: Kamailio's copy and moscdrd's (0600, extra trailing blanks) --
mkdir -p "$WORK/keys"
KEY=$($PY -c 'import secrets; print(secrets.token_hex(32))')
(
	umask 077
	printf '%s\n' "$KEY" >"$WORK/keys/kamailio.key"
	printf '%s \t\n\n' "$KEY" >"$WORK/keys/moscdrd.key"
)

# --- Kamailio: the example native proxy, twice -------------------------------
for k in $KAMS; do
	d=$WORK/kam-$k
	mkdir -p "$d"
	echo "1 sip:127.0.0.1:${UAS_PORT[$k]}" >"$d/dispatcher.list"
	set -- -f "$KAM_CFG" -DD -E -Y "$d" \
	    -A "MOSCDR_SIP_LISTEN=udp:127.0.0.1:${KAM_SIP[$k]}" \
	    -A "MOSCDR_DISPATCHER_LIST=\"$d/dispatcher.list\"" \
	    -A "MOSCDR_UDP_DST=\"sip:127.0.0.1:$MOSCDR_UDP\"" \
	    -A "MOSCDR_EVAPI_BIND=\"127.0.0.1:${KAM_EVAPI[$k]}\"" \
	    -A "MOSCDR_LOG_MESSAGES=1" \
	    -A "MOSCDR_DIALOG_TIMEOUT=$DLG_TIMEOUT"
	if [ "$k" = nnokey ]; then
		set -- "$@" -A "MOSCDR_TRANSPORT=\"both\"" \
		    -A "MOSCDR_RTPENGINE_SOCK=\"udp:127.0.0.1:$RTPE_NG\"" \
		    -A "MOSCDR_KEY_FILE=\"$WORK/keys/missing.key\""
	elif [ "$k" = nudp ]; then
		set -- "$@" -A "MOSCDR_TRANSPORT=\"udp\"" \
		    -A "MOSCDR_RTPENGINE_SOCK=\"udp:127.0.0.1:$RTPE_NG\"" \
		    -A WITH_MOSCDR_AUTH \
		    -A "MOSCDR_KEY_FILE=\"$WORK/keys/kamailio.key\""
	else
		dbtext_rtpengine "$d/dbtext" "$RTPE_NG"
		set -- "$@" -A "MOSCDR_TRANSPORT=\"evapi\"" -A "MOSCDR_QUERY=0" \
		    -A "MOSCDR_TIMEOUT_BYE=0" \
		    -A "MOSCDR_RTPENGINE_DB_URL=\"text://$d/dbtext\"" \
		    -A "MOSCDR_KEY_FILE=\"$WORK/keys/kamailio.key\""
	fi
	# run from elsewhere: include_file finds moscdr-native.cfg beside
	# the cfg that includes it
	if (cd / && kamailio -c "$@") >"$d/check.log" 2>&1 &&
	    ! grep -qiE "warning|error" "$d/check.log"; then
		ok "kamailio -c accepts the native cfg with its include, no warning ($k)"
	else
		bad "kamailio -c of the native cfg ($k; $d/check.log)"
		finish
		exit 1
	fi
	bg "$d/log" kamailio "$@"
done
for k in $KAMS; do
	if wait_for "$WORK/kam-$k/log" "rtpengine instance .* found" 1 10; then
		ok "kamailio ($k) started and reached rtpengine"
	else
		bad "kamailio ($k) start (see $WORK/kam-$k/log)"
		finish
		exit 1
	fi
done
if grep -q "Loading rtpengine definitions from DB" "$WORK/kam-nevapi/log" &&
    ! grep -q "rset_first" "$WORK/kam-nevapi/log"; then
	ok "kamailio (nevapi): rtpengine node read from a db_text table of one row"
else
	bad "kamailio (nevapi): rtpengine from db_text ($WORK/kam-nevapi/log)"
fi

# --- per backend: moscdrd with the key, the calls, check.py -------------------
for be in $BACKENDS; do
	run=native-$be
	d=$WORK/$run
	mkdir -p "$d"
	backend_opts "$be" "$PG_PORT" || continue
	cat >"$d/moscdrd.conf" <<-EOF
	node = "e2e"
	udp {
		listen = {"127.0.0.1:$MOSCDR_UDP"}
	}
	evapi "kam-nevapi" {
		address = "127.0.0.1:${KAM_EVAPI[nevapi]}"
	}
	auth {
		key_file = "$WORK/keys/moscdrd.key"
	}
	database {
		driver = "sqlite"
		path = "$d/moscdr.db"
		flush_interval = 50
	}
	spool {
		dir = "$d/spool"
	}
	log {
		stats_interval = 0
	}
	EOF
	seen=$(grep -c "moscdr: evapi client connected" "$WORK/kam-nevapi/log")
	bg "$d/moscdrd.log" "$MOSCDRD" -d -f "$d/moscdrd.conf" "${OPTS[@]}"
	MOSCDRD_PID=$BG
	if wait_for "$d/moscdrd.log" " ready" 1 15 &&
	    wait_for "$WORK/kam-nevapi/log" "moscdr: evapi client connected from" \
	    $((seen + 1)) 15; then
		ok "$run: moscdrd ready with auth.key_file, route(MOSCDR_EVAPI_CONNECTED) logged it"
	else
		bad "$run: moscdrd start or evapi connection ($d/moscdrd.log)"
		continue
	fi

	# first: its report comes DLG_TIMEOUT s after the answer, while the
	# next calls run
	call "$run" endevent nevapi uas-nobye.xml uac-nobye.xml media \
	    "--seed 173" "--seed 174"
	# the parties stay until the proxy's BYEs end the call
	call "$run" timeout nudp uas-timeoutbye.xml uac-timeoutbye-slow.xml media \
	    "--seed 171" "--seed 172"
	call "$run" clean nudp uas.xml uac.xml media "--seed 111" "--seed 112"
	call "$run" latin1 nudp uas-busy-latin1.xml uac-busy.xml none "" ""
	call "$run" longcid nudp uas.xml uac.xml media "--seed 181" "--seed 182"
	call "$run" reinvite nudp uas-reinvite.xml uac-reinvite.xml media \
	    "--seed 191" "--seed 192"
	call "$run" calleebye nevapi uas-sendbye.xml uac-recvbye.xml media \
	    "--seed 141" "--seed 142"
	call "$run" nokey nnokey uas-busy.xml uac-busy.xml none "" ""
	# the no-BYE call's report, if it has not come yet
	wait_for "$WORK/kam-nevapi/log" \
	    "moscdr: message .*e2e-$run-endevent-" 1 $((DLG_TIMEOUT + 5))

	stop_moscdrd "$run"

	db_args "$be" "$d/moscdr.db"
	run_check "$run" --backend "$be" --name "$run" --work "$d" \
	    --exact-counts --timeout-reply \
	    --moscdrd-log "$d/moscdrd.log" \
	    --kamlog "$WORK/kam-nudp/log" --kamlog "$WORK/kam-nevapi/log" \
	    --expect-stat dropped_auth=0 --expect-stat accepted=7 \
	    "${DB_ARGS[@]}"
	stop_pg
done

# --- the cfg's side, from Kamailio's logs ---------------------------------------
for k in nudp nevapi; do
	if grep -qE "moscdr: .*(left out|not sent|failed|unknown|needs the)" \
	    "$WORK/kam-$k/log"; then
		bad "kamailio ($k): the cfg logged a failure ($WORK/kam-$k/log)"
	else
		ok "kamailio ($k): every message built, signed and sent"
	fi
done
# the key file missing: nothing sent (moscdrd's counts above include no
# message from it), the reason logged once per call here (a minute apart
# at most once; these calls are the first of each worker)
if grep -q "moscdr: message not sent (signing is on and the key file is unusable: $WORK/keys/missing.key: cannot be read); 1 message(s) not sent since the last such error" \
    "$WORK/kam-nnokey/log" &&
    ! grep -q "moscdr: evapi relay\|moscdr: udp send" "$WORK/kam-nnokey/log"; then
	ok "nnokey: the cfg sent nothing without its key and logged why"
else
	bad "nnokey: no 'message not sent' error in $WORK/kam-nnokey/log"
fi
# jansson refuses Latin-1 as it is: the cfg repaired it before, so the
# module never logged a refusal
if grep -q "Occup\\\\ufffd ici\|Occup$(printf '\357\277\275') ici" \
    "$WORK/kam-nudp/log" && ! grep -q "ERROR: jansson" "$WORK/kam-nudp/log"
then
	ok "latin1: the reason phrase repaired before jansson_set, no jansson error"
else
	bad "latin1: repaired reason phrase not in the message ($WORK/kam-nudp/log)"
fi

finish
