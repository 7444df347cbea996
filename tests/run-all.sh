#!/bin/sh
# What `make test` runs after building: a throwaway PostgreSQL cluster for
# the tests that need one, the unit tests (cmocka), the fuzz corpus replay
# and the integration suite (pytest, real daemon, SQLite and PostgreSQL).
# Ends with one line "tests: N passed, M failed" and a non-zero exit when
# anything failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
: "${BUILD:=build}"
tmp=$(mktemp -d /tmp/moscdr-test.XXXXXX)
chmod 755 "$tmp"
pgdir="$tmp/pg"
cleanup() {
	tests/pg/cluster.sh destroy "$pgdir" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

total_pass=0 total_fail=0 total_skip=0
count() { # parses "<label>: N passed, M failed[, K skipped]" from a file
	p=$(grep -oE '(^|[^0-9])[0-9]+ passed' "$1" | tail -n 1 | grep -oE '[0-9]+')
	f=$(grep -oE '(^|[^0-9])[0-9]+ failed' "$1" | tail -n 1 | grep -oE '[0-9]+')
	s=$(grep -oE '(^|[^0-9])[0-9]+ skipped' "$1" | tail -n 1 | grep -oE '[0-9]+')
	total_pass=$((total_pass + ${p:-0}))
	total_fail=$((total_fail + ${f:-0}))
	total_skip=$((total_skip + ${s:-0}))
}

# A free TCP port on 127.0.0.1 for the cluster.
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if conninfo=$(tests/pg/cluster.sh start "$pgdir" "$port"); then
	export MOSCDR_TEST_PG="$conninfo"
	export MOSCDR_TEST_PG_DIR="$pgdir"
	echo "postgresql: $conninfo"
else
	echo "postgresql: could not start a test cluster" >&2
	total_fail=$((total_fail + 1))
fi

echo "== unit tests"
tests/run-unit.sh "$@" 2>&1 | tee "$tmp/unit.log"

count "$tmp/unit.log"

echo "== fuzz corpus replay"
for r in "$BUILD"/tests/replay_*; do
	[ -x "$r" ] || continue
	name=${r##*/replay_}
	if "$r" "tests/fuzz/corpus/$name" >"$tmp/replay.log" 2>&1; then
		echo "replay $name: $(tail -n 1 "$tmp/replay.log")"
		total_pass=$((total_pass + 1))
	else
		cat "$tmp/replay.log"
		echo "replay $name: FAILED"
		total_fail=$((total_fail + 1))
	fi
done

echo "== integration tests"
tests/run-integration.sh 2>&1 | tee "$tmp/integration.log"
count "$tmp/integration.log"
if ! grep -Eq '[0-9]+ passed' "$tmp/integration.log"; then
	total_fail=$((total_fail + 1))
fi

echo "tests: $total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
