#!/bin/sh
# Runs moscdr's integration suite (tests/integration, pytest) against the
# built daemon: $MOSCDRD, default build/moscdrd. The suite starts its own
# throwaway PostgreSQL cluster with tests/pg/cluster.sh, or uses the one
# named by MOSCDR_TEST_PG_DIR (tests/run-all.sh starts one).
# Extra arguments go to pytest, e.g. tests/run-integration.sh -k sigterm -x
#
# Debian's interpreter on purpose: its pytest and psycopg2 are the tested
# ones (a pyenv python3 earlier on PATH has neither).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
: "${MOSCDRD:=$top/build/moscdrd}"
case $MOSCDRD in
/*) ;;
*) MOSCDRD=$top/$MOSCDRD ;;
esac
export MOSCDRD
if [ ! -x "$MOSCDRD" ]; then
	echo "run-integration.sh: $MOSCDRD not built (run make)" >&2
	exit 1
fi
# -p no:cacheprovider: no .pytest_cache in the tree; -rfE: a summary line
# per failure; the per-test deadline is the suite's own (conftest.py).
exec /usr/bin/python3 -m pytest -q -p no:cacheprovider -rfE \
	-o console_output_style=classic "$@" tests/integration
