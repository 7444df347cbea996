#!/bin/sh
# The Debian package as an operator meets it, on this machine (as root):
# build it, dpkg -i it, check the files, user and modes it promised, run
# `moscdrd -t` and then the unit's own ExecStart command line as user
# moscdr (systemd need not be PID 1: setpriv does what User= does), send
# one message, read its row with sqlite3, stop the daemon with SIGTERM,
# write an HTML report as moscdr (the packaged Chart.js inlined),
# install again (an upgrade keeps the configuration and the data),
# `systemd-analyze verify` the installed unit, and purge. Leaves the
# machine as it found it: a package left by an earlier run is purged
# first, and the trap purges on every exit.
# Ends with "deb: N passed, M failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
pass=0 fail=0 pid=
tmp=$(mktemp -d /tmp/moscdr-deb.XXXXXX)
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
check() { # description, command...
	what=$1; shift
	if "$@" >"$tmp/out" 2>&1; then ok "$what"; else bad "$what"; cat "$tmp/out"; fi
}
purge() {
	if dpkg-query -W -f='${Status}' moscdr 2>/dev/null | grep -qv 'not-installed'; then
		dpkg --purge moscdr >"$tmp/purge.log" 2>&1 || cat "$tmp/purge.log"
	fi
}
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	purge
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ "$(id -u)" != 0 ]; then
	echo "deb: skipped: dpkg -i needs root"
	echo "deb: 0 passed, 0 failed"
	exit 0
fi
tests/deps.sh dpkg-dev debhelper lintian sqlite3 python3 util-linux libjs-chart.js || exit 1

echo "== make deb"
if ! make -s deb >"$tmp/build.log" 2>&1; then
	tail -n 40 "$tmp/build.log"
	bad "make deb"
	echo "deb: $pass passed, $fail failed"
	exit 1
fi
deb=$(ls build/moscdr_*_*.deb | head -n 1)
ok "make deb built $deb"

echo "== lintian"
lintian --no-cfg --fail-on error,warning "$deb" "${deb%.deb}.changes" \
    build/moscdr_*.changes >"$tmp/lintian.log" 2>&1
if grep -qE '^[EW]: ' "$tmp/lintian.log"; then
	bad "lintian: errors or warnings"; cat "$tmp/lintian.log"
else
	ok "lintian: no error, no warning"
fi

echo "== dpkg -i"
purge	# a package left over by an interrupted run
if dpkg -i "$deb" >"$tmp/install.log" 2>&1; then ok "dpkg -i"; else
	bad "dpkg -i"; cat "$tmp/install.log"; fi
# Where systemd runs, the package started the service: it would hold the
# port this test picks below, so stop it and run the command line here.
[ -d /run/systemd/system ] && systemctl stop moscdrd 2>/dev/null
check "user and group moscdr exist" id moscdr
check "conffile is root:moscdr 0640" \
    sh -c '[ "$(stat -c %U:%G:%a /etc/moscdr/moscdrd.conf)" = root:moscdr:640 ]'
check "/var/lib/moscdr is moscdr:moscdr 0750" \
    sh -c '[ "$(stat -c %U:%G:%a /var/lib/moscdr)" = moscdr:moscdr:750 ]'
check "/var/spool/moscdr is moscdr:moscdr 0750" \
    sh -c '[ "$(stat -c %U:%G:%a /var/spool/moscdr)" = moscdr:moscdr:750 ]'
check "conffile registered" sh -c \
    "dpkg-query -W -f='\${Conffiles}' moscdr | grep -q /etc/moscdr/moscdrd.conf"
for f in /usr/sbin/moscdrd /lib/systemd/system/moscdrd.service \
    /lib/systemd/system/moscdrd.socket /usr/lib/sysusers.d/moscdr.conf /usr/lib/tmpfiles.d/moscdr.conf \
    /usr/share/man/man8/moscdrd.8.gz /usr/share/man/man5/moscdrd.conf.5.gz \
    /usr/share/doc/moscdr/copyright /usr/share/doc/moscdr/examples.sql.gz \
    /usr/share/doc/moscdr/docs/operations.md.gz \
    /usr/share/moscdr/contrib/kamailio/moscdr.lua \
    /usr/share/moscdr/contrib/kamailio/moscdr-native.cfg \
    /usr/share/moscdr/contrib/kamailio/kamailio-native.cfg \
    /usr/share/moscdr/contrib/grafana/moscdr.json; do
	check "installed $f" test -f "$f"
done

unit=/lib/systemd/system/moscdrd.service
pre=$(sed -n 's/^ExecStartPre=//p' "$unit")
start=$(sed -n 's/^ExecStart=//p' "$unit")
check "unit runs as User=moscdr" grep -qx 'User=moscdr' "$unit"
check "unit is Type=notify" grep -qx 'Type=notify' "$unit"

# Free ports on 127.0.0.1, written into the installed configuration as an
# operator would (the shipped 9099/9199 may be taken on a shared machine).
ports=$(/usr/bin/python3 -c '
import socket
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
t = socket.socket(); t.bind(("127.0.0.1", 0))
print(u.getsockname()[1], t.getsockname()[1])')
udp=${ports% *} http=${ports#* }
sed -i -e "s|listen = {\"127.0.0.1:9099\"}|listen = {\"127.0.0.1:$udp\"}|" \
    -e "s|listen = \"127.0.0.1:9199\"|listen = \"127.0.0.1:$http\"|" \
    /etc/moscdr/moscdrd.conf
check "configuration edited to the test's ports" \
    grep -q "127.0.0.1:$udp" /etc/moscdr/moscdrd.conf

echo "== $pre (as moscdr)"
# shellcheck disable=SC2086
if setpriv --reuid=moscdr --regid=moscdr --init-groups -- $pre \
    >"$tmp/t.log" 2>&1; then
	ok "ExecStartPre as moscdr: $(cat "$tmp/t.log")"
else
	bad "ExecStartPre as moscdr"; cat "$tmp/t.log"
fi

echo "== $start (as moscdr)"
# shellcheck disable=SC2086
setpriv --reuid=moscdr --regid=moscdr --init-groups -- $start \
    >"$tmp/daemon.log" 2>&1 &
pid=$!
i=0
while ! grep -q 'ready$' "$tmp/daemon.log" && kill -0 "$pid" 2>/dev/null &&
    [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
if grep -q 'ready$' "$tmp/daemon.log"; then ok "daemon ready"; else
	bad "daemon ready"; cat "$tmp/daemon.log"; fi
check "daemon runs as moscdr" sh -c \
    "[ \"\$(ps -o user= -p $pid)\" = moscdr ]"
/usr/bin/python3 -c '
import json, socket, sys
m = {"v": 1, "call_id": "deb-check-1", "mos_average": "4.1",
     "mos_A_label": "a", "mos_average_A": "4.0"}
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(
    json.dumps(m).encode(), ("127.0.0.1", int(sys.argv[1])))' "$udp"
row= i=0
while [ -z "$row" ] && [ $i -lt 300 ]; do
	row=$(sqlite3 /var/lib/moscdr/moscdr.db \
	    "SELECT call_id || ' ' || mos_average FROM v_call_quality" 2>/dev/null)
	[ -n "$row" ] || sleep 0.1
	i=$((i + 1))
done
if [ "$row" = "deb-check-1 4.1" ]; then ok "row read back: $row"; else
	bad "row read back: '$row'"; cat "$tmp/daemon.log"; fi
check "database file belongs to moscdr" sh -c \
    '[ "$(stat -c %U /var/lib/moscdr/moscdr.db)" = moscdr ]'
kill -TERM "$pid"
wait "$pid"
rc=$?
pid=
if [ $rc -eq 0 ] && grep -q 'exiting, stats: .*stored=1 ' "$tmp/daemon.log"
then ok "SIGTERM: exit 0, stored=1"; else
	bad "SIGTERM: exit $rc"; cat "$tmp/daemon.log"; fi
# The report as the package's user, with the packaged Chart.js inlined.
chmod 0711 "$tmp"
install -d -o moscdr -g moscdr -m 0700 "$tmp/report"
check "moscdrd --report as moscdr" setpriv --reuid=moscdr --regid=moscdr \
    --init-groups -- /usr/sbin/moscdrd -f /etc/moscdr/moscdrd.conf \
    --report "$tmp/report/quality.html" --days 2
check "report holds the call and Chart.js" sh -c \
    "grep -q deb-check-1 '$tmp/report/quality.html' &&
     grep -q 'Chart.js v' '$tmp/report/quality.html'"

echo "== systemd-analyze verify"
if ! command -v systemd-analyze >/dev/null; then
	echo "skipped: no systemd-analyze on this machine"
else
	man=
	command -v man >/dev/null || { man=--man=no;
		echo "(no man command: Documentation= not checked)"; }
	for u in "$unit" /lib/systemd/system/moscdrd.socket; do
		[ -e "$u" ] || continue
		# shellcheck disable=SC2086
		if systemd-analyze verify $man "$u" >"$tmp/verify.log" 2>&1
		then
			ok "systemd-analyze verify $u"
		else
			bad "systemd-analyze verify $u"; cat "$tmp/verify.log"
		fi
	done
fi

echo "== upgrade (install again)"
if dpkg -i "$deb" >"$tmp/install2.log" 2>&1; then ok "dpkg -i again"; else
	bad "dpkg -i again"; cat "$tmp/install2.log"; fi
[ -d /run/systemd/system ] && systemctl stop moscdrd 2>/dev/null
check "configuration kept" grep -q "127.0.0.1:$udp" /etc/moscdr/moscdrd.conf
check "configuration still root:moscdr 0640" \
    sh -c '[ "$(stat -c %U:%G:%a /etc/moscdr/moscdrd.conf)" = root:moscdr:640 ]'
check "data kept" sh -c "[ \"\$(sqlite3 /var/lib/moscdr/moscdr.db \
    'SELECT count(*) FROM call')\" = 1 ]"

echo "== dpkg --purge"
if dpkg --purge moscdr >"$tmp/purge.log" 2>&1; then ok "dpkg --purge"; else
	bad "dpkg --purge"; cat "$tmp/purge.log"; fi
for f in /usr/sbin/moscdrd /lib/systemd/system/moscdrd.service /etc/moscdr \
    /var/lib/moscdr /var/spool/moscdr /usr/share/moscdr /usr/share/doc/moscdr \
    /usr/lib/sysusers.d/moscdr.conf /usr/lib/tmpfiles.d/moscdr.conf; do
	check "purge removed $f" sh -c "! test -e $f"
done
# Debian policy: a package does not remove its system user on purge.
check "user moscdr kept (policy)" id moscdr

echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
