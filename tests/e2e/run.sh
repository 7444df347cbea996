#!/bin/bash
# run.sh: moscdr's end-to-end test with real Kamailio, rtpengine and sipp.
#
# What it proves: calls placed by sipp through Kamailio (contrib/kamailio/
# kamailio.cfg, its routing script kamailio.lua and the moscdr.lua module,
# unedited: only the settings block's defines are overridden with -A) and
# rtpengine, with RTP and RTCP from
# tests/e2e/rtpep.py on both sides, end up in moscdrd's database with the
# values rtpengine reported, in the right units, for each case:
#   clean      no impairment: MOS about 4.4 on both sides, mos_missing
#              NULL, the legs' packet counts equal to rtpengine's final
#              stats (uac.xml stops both endpoints 0.5 s before its BYE;
#              so for impaired, nortcp, oneside and short too)
#   impaired   the caller's endpoint drops 10 % of its RTP: the callee
#              reports loss and a lower MOS, the caller none
#   nortcp     RTP but no RTCP: call and legs stored, every MOS NULL,
#              mos_missing no_rtcp on both legs
#   oneside    RTCP from the callee only: rtpengine reports no MOS for
#              either side; the caller's leg mos_missing no_rtcp, the
#              callee's peer_no_rtcp (it sent RTCP, its peer none)
#   short      a call of 2 s (E2E_SHORT_MS): each leg's mos_missing as
#              the documented rule gives for what rtpengine reported
#   calleebye  the callee hangs up (From/To swapped in the BYE), over evapi,
#              with MOSCDR_QUERY=0 (AVPs only, no rtpengine reply), through
#              the Kamailio whose rtpengine node comes from a db_text
#              table of one row (MOSCDR_RTPENGINE_DB_URL)
#   both       UDP and evapi at once: one call row, messages = 2
#   busy       the callee answers 486: reported from failure_route
#   cancel     the caller cancels while it rings: reported with the 487
#   timeout    no BYE from either party: the dialog module's timeout
#              (DLG_TIMEOUT s) ends the call and sends both a BYE
#              (MOSCDR_TIMEOUT_BYE, dialog send_bye); reported once from
#              the first, with MOS, rtpengine's reply and ended_by timeout
#   latin1     a 486 whose reason phrase is Latin-1: stored, repaired
#   longcid    a Call-ID of about 600 bytes
#   reinvite   a re-INVITE half way: one call, both labels, its MOS
#   fclean, ftimeout, fbusy
#              clean, timeout and busy through a Kamailio whose routing
#              script is not ours (tests/e2e/foreign.lua: its own routing,
#              no dispatcher, just the moscdr module's calls), as the
#              same checks; ftimeout's parties vanish and the proxy sends
#              no BYE (MOSCDR_TIMEOUT_BYE=0): reported from the dialog's
#              end event, without rtpengine's reply
#   down       (first backend only) a call while moscdrd is not running:
#              the call still completes
# each against SQLite and against PostgreSQL (tests/pg/cluster.sh). Then,
# on SQLite only, sender authentication (moscdrd's auth.key_file, the
# script's MOSCDR_KEY_FILE):
#   signed/both      Kamailio and moscdrd share a key: the call, sent over
#                    UDP and evapi, is stored as usual and moscdrd
#                    refuses nothing (dropped_auth=0)
#   refused/wrongkey the same Kamailio, moscdrd with another key: nothing
#                    stored, auth_bad_signature for both copies
#   refused/unsigned a Kamailio without a key: auth_unsigned
#   refused/nokey    a Kamailio whose key file is missing sends nothing at
#                    all (never unsigned) and logs why
# tests/e2e/check.py compares the rows with the messages the Lua script
# logged (every MOS AVP and rtpengine's query reply).
#
# Environment: MOSCDRD (the daemon to test, default build/moscdrd),
# E2E_BACKENDS ("sqlite postgresql"), E2E_TALK_MS (6000), E2E_SHORT_MS
# (2000, the short case's talk time), E2E_SHORT_RTCP_S (1, the seconds
# between its endpoints' RTCP reports), E2E_CASES (the case names to run,
# e.g. "clean short"; "auth" stands for the authentication cases; default
# every case), E2E_KEEP=1 keeps the work directory. Prints "e2e: N passed, M failed"; exit 1 on failure.
#
# Every process is started here, remembered by pid and stopped by pid at
# the end, also when a step fails or the run is interrupted. What this
# script shares with native.sh (processes by pid, rtpengine, one sipp
# call, check.py's lines counted) is in tests/e2e/lib.sh.

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
MOSCDRD=${MOSCDRD:-$TOP/build/moscdrd}
PY=/usr/bin/python3
TALK_MS=${E2E_TALK_MS:-6000}
SHORT_MS=${E2E_SHORT_MS:-2000}
# seconds between the RTCP reports of the short case's endpoints
SHORT_RTCP_S=${E2E_SHORT_RTCP_S:-1}
BACKENDS=${E2E_BACKENDS:-sqlite postgresql}
KAM_CFG=$TOP/contrib/kamailio/kamailio.cfg
KAM_LUA=$TOP/contrib/kamailio/kamailio.lua
# the routing script finds the moscdr module here
export LUA_PATH="$TOP/contrib/kamailio/?.lua;;"
# a call without a BYE is ended by the dialog module after this long
DLG_TIMEOUT=${E2E_DIALOG_TIMEOUT:-10}

E2E_SUITE=e2e
E2E_TAG=
# shellcheck source=tests/e2e/lib.sh
. "$HERE/lib.sh"

# wanted NAME: is case NAME among E2E_CASES (every case when unset)?
wanted() {
	case " ${E2E_CASES:-$1} " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# call's filter: the authentication runs' calls are case "auth"
call_wanted() {
	case $1 in
	signed | refused) wanted auth ;;
	*) wanted "$2" ;;
	esac
}

need kamailio kamailio-lua-modules kamailio-extra-modules \
    kamailio-tls-modules lua-cjson rtpengine-daemon sip-tester python3 \
    python3-psycopg2 sqlite3 postgresql
# The shipped dispatcher.list, in the layout docs/kamailio.md gives (the
# cfg's default listen address): every destination is a UAS, none the
# proxy itself (the INVITE would loop until Max-Forwards runs out).
listen=$(sed -n 's/^#!trydef MOSCDR_SIP_LISTEN udp:\([^ ]*\)$/\1/p' "$KAM_CFG")
dests=$(awk '!/^#/ && NF >= 2 { sub(/^sip:/, "", $2); print $2 }' \
    "$TOP/contrib/kamailio/dispatcher.list")
if [ -n "$listen" ] && [ -n "$dests" ] &&
    ! printf '%s\n' $dests | grep -qxF "$listen"; then
	ok "shipped dispatcher.list: destinations" $dests "not the proxy's $listen"
else
	bad "shipped dispatcher.list: destinations '$dests', proxy '$listen'"
fi

make_work moscdr-e2e
declare -A EVAPI_SEEN

# --- ports ----------------------------------------------------------------
mapfile -t B < <($PY "$HERE/ports.py" blocks 18 6)
mapfile -t R < <($PY "$HERE/ports.py" blocks 1 120)
if [ "${#B[@]}" -ne 18 ] || [ "${#R[@]}" -ne 1 ]; then
	bad "find free ports"
	finish
	exit 1
fi
RTPE_NG=${B[0]}
declare -A KAM_SIP KAM_EVAPI UAS_PORT UAS_MP
i=1
for k in udp evapi both; do
	KAM_SIP[$k]=${B[$i]}
	KAM_EVAPI[$k]=$((B[i] + 1))
	UAS_PORT[$k]=${B[$((i + 3))]}
	UAS_MP[$k]=$((B[i + 3] + 2))
	i=$((i + 1))
done
UAC_PORT=${B[7]}
UAC_MP=$((B[7] + 2))
EP_A=${B[8]}
EP_B=${B[9]}
MOSCDR_UDP=${B[10]}
PG_PORT=${B[11]}
# the signing Kamailio ("auth") and the one with a missing key ("nokey")
# send to a second moscdrd port, used by the authentication cases only
KAM_SIP[auth]=${B[12]}
KAM_EVAPI[auth]=$((B[12] + 1))
MOSCDR_AUTH_UDP=$((B[12] + 3))
KAM_SIP[nokey]=${B[13]}
KAM_EVAPI[nokey]=$((B[13] + 1))
UAS_PORT[auth]=${B[14]}
UAS_MP[auth]=$((B[14] + 2))
UAS_PORT[nokey]=${B[15]}
UAS_MP[nokey]=$((B[15] + 2))
# the Kamailio running a routing script that is not ours (foreign.lua)
KAM_SIP[foreign]=${B[16]}
KAM_EVAPI[foreign]=$((B[16] + 1))
UAS_PORT[foreign]=${B[17]}
UAS_MP[foreign]=$((B[17] + 2))
KAMS="udp evapi both auth nokey foreign"

# --- rtpengine --------------------------------------------------------------
start_rtpengine "$RTPE_NG" "${R[0]}" "$((R[0] + 119))"

# --- keys ---------------------------------------------------------------------
# KEY_A is shared by the "auth" Kamailio and the first authenticated
# moscdrd; KEY_B is another key. Both sides strip trailing white space, so
# moscdrd's copy ends in extra blanks and still is the same key.
mkdir -p "$WORK/keys"
KEY_A=$($PY -c 'import secrets; print(secrets.token_hex(32))')
KEY_B=$($PY -c 'import secrets; print(secrets.token_hex(32))')
(
	umask 077
	printf '%s\n' "$KEY_A" >"$WORK/keys/kamailio.key"
	printf '%s \t\n\n' "$KEY_A" >"$WORK/keys/moscdrd-a.key"
	printf '%s\n' "$KEY_B" >"$WORK/keys/moscdrd-b.key"
)

# --- Kamailio: one instance per transport setting, two for signing --------
# Same cfg and script; only the settings block's defines differ.
for k in $KAMS; do
	d=$WORK/kam-$k
	mkdir -p "$d"
	echo "1 sip:127.0.0.1:${UAS_PORT[$k]}" >"$d/dispatcher.list"
	lua=$KAM_LUA
	case $k in
	udp | evapi | both) tr=$k dst=$MOSCDR_UDP ;;
	# someone else's routing script with the moscdr module in it: its
	# one next hop comes from its environment
	foreign) tr=udp dst=$MOSCDR_UDP lua=$HERE/foreign.lua ;;
	*) tr=both dst=$MOSCDR_AUTH_UDP ;;
	esac
	# the evapi instance reads its rtpengine node from a db_text table of
	# one row, the others get rtpengine_sock
	if [ "$k" = evapi ]; then
		dbtext_rtpengine "$d/dbtext" "$RTPE_NG"
		rtp=(-A "MOSCDR_RTPENGINE_DB_URL=\"text://$d/dbtext\"")
	else
		rtp=(-A "MOSCDR_RTPENGINE_SOCK=\"udp:127.0.0.1:$RTPE_NG\"")
	fi
	set -- -f "$KAM_CFG" -DD -E -Y "$d" \
	    -A "MOSCDR_SIP_LISTEN=udp:127.0.0.1:${KAM_SIP[$k]}" \
	    "${rtp[@]}" \
	    -A "MOSCDR_DISPATCHER_LIST=\"$d/dispatcher.list\"" \
	    -A "MOSCDR_LUA=\"$lua\"" \
	    -A "MOSCDR_TRANSPORT=\"$tr\"" \
	    -A "MOSCDR_UDP_DST=\"sip:127.0.0.1:$dst\"" \
	    -A "MOSCDR_EVAPI_BIND=\"127.0.0.1:${KAM_EVAPI[$k]}\"" \
	    -A "MOSCDR_LOG_MESSAGES=1" \
	    -A "MOSCDR_DIALOG_TIMEOUT=$DLG_TIMEOUT"
	case $k in
	# the evapi instance sends the AVPs only, without rtpengine's reply
	evapi) set -- "$@" -A "MOSCDR_QUERY=0" ;;
	# no BYEs on a dialog timeout: the end event reports it
	foreign) set -- "$@" -A "MOSCDR_TIMEOUT_BYE=0" ;;
	# both ways of turning signing on: WITH_MOSCDR_AUTH (here with the
	# key file moved), and MOSCDR_KEY_FILE alone (naming a missing file)
	auth) set -- "$@" -A WITH_MOSCDR_AUTH \
	    -A "MOSCDR_KEY_FILE=\"$WORK/keys/kamailio.key\"" ;;
	nokey) set -- "$@" -A "MOSCDR_KEY_FILE=\"$WORK/keys/missing.key\"" ;;
	esac
	if ! kamailio -c "$@" >"$d/check.log" 2>&1; then
		bad "kamailio -c accepts the cfg (transport $k; $d/check.log)"
		finish
		exit 1
	fi
	bg "$d/log" env "FOREIGN_NEXT_HOP=sip:127.0.0.1:${UAS_PORT[$k]}" \
	    kamailio "$@"
done
for k in $KAMS; do
	if wait_for "$WORK/kam-$k/log" "rtpengine instance .* found" 1 10; then
		ok "kamailio (transport $k) started and reached rtpengine"
	else
		bad "kamailio (transport $k) start (see $WORK/kam-$k/log)"
		finish
		exit 1
	fi
done

# the db_text instance: its one row loaded, the node found, no
# "no rtpp_set_list->rset_first" (reported for older versions)
if grep -q "Loading rtpengine definitions from DB" "$WORK/kam-evapi/log" &&
    grep -q "rtpengine instance <udp:127.0.0.1:$RTPE_NG> found" \
    "$WORK/kam-evapi/log" && ! grep -q "rset_first" "$WORK/kam-evapi/log"
then
	ok "kamailio (evapi): rtpengine node read from a db_text table of one row"
else
	bad "kamailio (evapi): rtpengine from db_text ($WORK/kam-evapi/log)"
fi

# --- moscdrd ------------------------------------------------------------------
# start_moscdrd RUN UDP_PORT "KAMS" KEY_FILE [OPTIONS...]: starts moscdrd
# for RUN (a backend, or an authentication phase) listening on UDP_PORT,
# an evapi client of each Kamailio in KAMS, with auth.key_file KEY_FILE
# ("" for none); MOSCDRD_PID, its log in $WORK/RUN/moscdrd.log. Waits for
# "ready" and for each of those Kamailios to see it connected.
start_moscdrd() {
	local be=$1 port=$2 kams=$3 key=$4 d=$WORK/$1 k
	shift 4
	mkdir -p "$d"
	{
		echo "node = \"e2e\""
		echo "udp {"
		echo "	listen = {\"127.0.0.1:$port\"}"
		echo "}"
		for k in $kams; do
			echo "evapi \"kam-$k\" {"
			echo "	address = \"127.0.0.1:${KAM_EVAPI[$k]}\""
			echo "}"
		done
		if [ -n "$key" ]; then
			echo "auth {"
			echo "	key_file = \"$key\""
			echo "}"
		fi
	} >"$d/moscdrd.conf"
	cat >>"$d/moscdrd.conf" <<-EOF
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
	for k in $kams; do
		EVAPI_SEEN[$k]=$(grep -c "evapi client connected" \
		    "$WORK/kam-$k/log")
	done
	bg "$d/moscdrd.log" "$MOSCDRD" -d -f "$d/moscdrd.conf" "$@"
	MOSCDRD_PID=$BG
	if ! wait_for "$d/moscdrd.log" " ready" 1 15; then
		bad "$be: moscdrd ready (see $d/moscdrd.log)"
		return 1
	fi
	for k in $kams; do
		if ! wait_for "$WORK/kam-$k/log" "evapi client connected" \
		    $((EVAPI_SEEN[$k] + 1)) 15; then
			bad "$be: moscdrd connected to kamailio ($k) evapi"
			return 1
		fi
	done
	ok "$be: moscdrd ready${key:+ with auth.key_file}, evapi client of" \
	    "kamailio ($kams)"
}

first=1
for be in $BACKENDS; do
	note "backend $be"
	mkdir -p "$WORK/$be"
	backend_opts "$be" "$PG_PORT" || continue

	if [ $first -eq 1 ] && wanted down; then
		# moscdrd not running yet: nobody on UDP, no evapi client
		call "$be" down both uas.xml uac.xml none "" ""
		if grep -q "moscdr: message {.*\"call_id\":\"e2e-$be-down-" \
		    "$WORK/kam-both/log"; then
			ok "$be/down: the script sent (into the void) and routing went on"
		else
			bad "$be/down: no message logged by the script"
		fi
		first=0
	fi

	start_moscdrd "$be" "$MOSCDR_UDP" "evapi both" "" "${OPTS[@]}" || continue
	# first: its report comes DLG_TIMEOUT s after the answer, while the
	# next calls run; through the routing script that is not ours and
	# without send_bye, so reported from the dialog's end event
	call "$be" ftimeout foreign uas-nobye.xml uac-nobye.xml media \
	    "--seed 73" "--seed 74"
	# no BYE from the parties: the dialog timeout's own BYEs end the call
	# (MOSCDR_TIMEOUT_BYE) and the first reports it, with the query reply
	call "$be" timeout udp uas-timeoutbye.xml uac-timeoutbye-slow.xml media \
	    "--seed 71" "--seed 72"
	call "$be" clean udp uas.xml uac.xml media "--seed 11" "--seed 12"
	call "$be" fclean foreign uas.xml uac.xml media "--seed 13" "--seed 14"
	call "$be" fbusy foreign uas-busy.xml uac-busy.xml none "" ""
	call "$be" impaired udp uas.xml uac.xml media \
	    "--seed 21 --drop 10" "--seed 22"
	call "$be" nortcp udp uas.xml uac.xml media \
	    "--seed 31 --no-rtcp" "--seed 32 --no-rtcp"
	call "$be" oneside udp uas.xml uac.xml media \
	    "--seed 33 --no-rtcp" "--seed 34"
	# sipp's pause (-d) for this one call only
	TALK_MS=$SHORT_MS call "$be" short udp uas.xml uac.xml media \
	    "--seed 35 --rtcp-interval $SHORT_RTCP_S" \
	    "--seed 36 --rtcp-interval $SHORT_RTCP_S"
	call "$be" calleebye evapi uas-sendbye.xml uac-recvbye.xml media \
	    "--seed 41" "--seed 42"
	call "$be" both both uas.xml uac.xml media "--seed 51" "--seed 52"
	call "$be" busy udp uas-busy.xml uac-busy.xml none "" ""
	call "$be" cancel udp uas-cancel.xml uac-cancel.xml none "" ""
	call "$be" latin1 udp uas-busy-latin1.xml uac-busy.xml none "" ""
	call "$be" longcid udp uas.xml uac.xml media "--seed 81" "--seed 82"
	call "$be" reinvite udp uas-reinvite.xml uac-reinvite.xml media \
	    "--seed 91" "--seed 92"

	# the no-BYE calls' reports, if they have not come yet
	for kc in udp:timeout foreign:ftimeout; do
		wanted "${kc#*:}" || continue
		wait_for "$WORK/kam-${kc%:*}/log" \
		    "moscdr: message .*e2e-$be-${kc#*:}-" 1 $((DLG_TIMEOUT + 5))
	done
	stop_moscdrd "$be"

	db_args "$be" "$WORK/$be/moscdr.db"
	run_check "$be" --backend "$be" --work "$WORK/$be" \
	    --exact-counts --timeout-reply \
	    --moscdrd-log "$WORK/$be/moscdrd.log" \
	    --kamlog "$WORK/kam-udp/log" --kamlog "$WORK/kam-evapi/log" \
	    --kamlog "$WORK/kam-both/log" --kamlog "$WORK/kam-foreign/log" \
	    "${DB_ARGS[@]}"
done

# --- sender authentication (SQLite) ------------------------------------------
if wanted auth; then
	note "sender authentication"
	# Shared key: a normal call, sent signed over UDP and evapi, is stored
	# with every value (the same checks as the backends' "both" case).
	if start_moscdrd signed "$MOSCDR_AUTH_UDP" "auth" "$WORK/keys/moscdrd-a.key"; then
		call signed both auth uas.xml uac.xml media "--seed 61" "--seed 62"
		stop_moscdrd signed
		run_check signed --backend sqlite --name signed --exact-counts \
		    --work "$WORK/signed" --db "$WORK/signed/moscdr.db" \
		    --moscdrd-log "$WORK/signed/moscdrd.log" \
		    --kamlog "$WORK/kam-auth/log" \
		    --expect-stat dropped_auth=0 --expect-stat stored=2
	fi
	# Another key in moscdrd: the signed copies (UDP and evapi) are refused as
	# bad_signature; an unsigned Kamailio's message as unsigned; the Kamailio
	# whose key file is missing sends nothing at all.
	if start_moscdrd refused "$MOSCDR_AUTH_UDP" "auth evapi nokey" \
	    "$WORK/keys/moscdrd-b.key"; then
		call refused wrongkey auth uas-busy.xml uac-busy.xml none "" ""
		call refused unsigned evapi uas-busy.xml uac-busy.xml none "" ""
		call refused nokey nokey uas-busy.xml uac-busy.xml none "" ""
		stop_moscdrd refused
		run_check refused --backend sqlite --name refused --refused \
		    --work "$WORK/refused" --db "$WORK/refused/moscdr.db" \
		    --moscdrd-log "$WORK/refused/moscdrd.log" \
		    --kamlog "$WORK/kam-auth/log" --kamlog "$WORK/kam-evapi/log" \
		    --kamlog "$WORK/kam-nokey/log" \
		    --expect-stat received_udp=1 --expect-stat received_evapi=2 \
		    --expect-stat dropped_auth=3 --expect-stat auth_bad_signature=2 \
		    --expect-stat auth_unsigned=1 --expect-stat accepted=0
	fi
	# the script's side of it, from Kamailio's logs
	if grep -q "moscdr: message not sent (signing is on and the key file is unusable: .*missing.key" \
	    "$WORK/kam-nokey/log"; then
		ok "nokey: the script logged why it did not send"
	else
		bad "nokey: no 'message not sent' error in $WORK/kam-nokey/log"
	fi
	if ! grep -qE "moscdr: (message not sent|report failed)" "$WORK/kam-auth/log"; then
		ok "auth: the signing script sent every message"
	else
		bad "auth: the signing script failed to send ($WORK/kam-auth/log)"
	fi
fi

finish
