#!/bin/sh
# Throwaway PostgreSQL 15 cluster for the moscdr tests and benchmarks.
#
#   cluster.sh start   DIR PORT  create (first time) and start; prints the conninfo
#                                (PORT may be left out once the cluster exists)
#   cluster.sh stop    DIR       pg_ctl stop -m fast (the cluster in DIR only)
#   cluster.sh restart DIR       stop then start again on the same port
#   cluster.sh kill    DIR       SIGKILL the postmaster named in DIR/data/postmaster.pid
#                                (a crash: the next start does crash recovery)
#   cluster.sh status  DIR       exit 0 when the server accepts connections
#   cluster.sh conninfo DIR      print the conninfo again
#   cluster.sh destroy DIR       stop and remove DIR
#   cluster.sh standby DIR PRIMARY PORT
#                                a streaming standby of the running cluster in
#                                directory PRIMARY (pg_basebackup -R), started
#                                on PORT; prints its conninfo
#   cluster.sh promote DIR       promote the standby in DIR (waits until it is
#                                a primary)
#
# Data directory DIR/data, Unix socket in DIR, TCP only on 127.0.0.1:PORT,
# fsync on (the default: the benchmarks measure real durability), trust
# authentication (nothing but the test user can reach the socket directory,
# and it is thrown away). Database "moscdr" owned by the superuser the
# cluster was created with ("postgres" when run as root, else the caller).
# Processes are only ever addressed through this cluster's own pid file.
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

die() {
	echo "cluster.sh: $*" >&2
	exit 1
}

usage() {
	die "usage: cluster.sh start DIR PORT | standby DIR PRIMARY PORT | stop|restart|kill|status|conninfo|promote|destroy DIR"
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$2
[ -x "$PGBIN/initdb" ] || die "$PGBIN/initdb not found (apt-get install postgresql-15, or set PGBIN)"

# initdb and postgres refuse to run as root: then everything that touches
# the cluster runs as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
	pguser=postgres
	as_pg() { runuser -u postgres -- "$@"; }
else
	pguser=$(id -un)
	as_pg() { "$@"; }
fi

case $dir in
/*) ;;
*) dir=$(pwd)/$dir ;;
esac
data=$dir/data

conninfo() {
	echo "host=$dir port=$(cat "$dir/port") dbname=moscdr user=$pguser"
}

is_running() {
	[ -f "$data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

wait_ready() {
	i=0
	while [ $i -lt 300 ]; do
		if as_pg "$PGBIN/pg_isready" -q -h "$dir" -p "$(cat "$dir/port")" -d postgres; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	die "server in $data not ready after 30 s (see $dir/server.log)"
}

do_start() {
	if [ ! -f "$data/PG_VERSION" ]; then
		mkdir -p "$dir"
		# The parents must be traversable by the server user; DIR itself
		# holds the socket and the log, so it belongs to that user.
		chmod 755 "$dir"
		[ "$(id -u)" -eq 0 ] && chown "$pguser" "$dir"
		as_pg "$PGBIN/initdb" -D "$data" -U "$pguser" -A trust -E UTF8 \
			--locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
			die "initdb failed (see $dir/initdb.log)"
		echo "$port" >"$dir/port"
		cat >>"$data/postgresql.conf" <<EOF
# moscdr test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = on
max_connections = 50
logging_collector = off
EOF
	fi
	if [ -n "${port:-}" ] && [ "$port" != "$(cat "$dir/port")" ]; then
		die "cluster in $dir already uses port $(cat "$dir/port"), not $port"
	fi
	if ! is_running; then
		as_pg "$PGBIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start >/dev/null 2>&1 ||
			die "pg_ctl start failed (see $dir/server.log)"
	fi
	wait_ready
	if ! as_pg "$PGBIN/psql" -h "$dir" -p "$(cat "$dir/port")" -d postgres -Atqc \
		"SELECT 1 FROM pg_database WHERE datname = 'moscdr'" | grep -q 1; then
		as_pg "$PGBIN/createdb" -h "$dir" -p "$(cat "$dir/port")" moscdr ||
			die "createdb moscdr failed"
	fi
	conninfo
}

do_stop() {
	[ -f "$data/PG_VERSION" ] || return 0
	if is_running; then
		as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
			die "pg_ctl stop failed (see $dir/server.log)"
	fi
}

# SIGKILL of the postmaster named in this cluster's pid file; waits for it.
do_kill() {
	[ -f "$data/postmaster.pid" ] || return 0
	pid=$(head -n 1 "$data/postmaster.pid")
	case $pid in
	'' | *[!0-9]*) die "bad pid file $data/postmaster.pid" ;;
	esac
	kill -KILL "$pid" 2>/dev/null || true
	# Backends notice the postmaster's death and exit; wait for the pid.
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

case $cmd in
start)
	if [ $# -eq 2 ] && [ -f "$dir/port" ]; then
		set -- "$1" "$2" "$(cat "$dir/port")"
	fi
	[ $# -eq 3 ] || usage
	port=$3
	case $port in
	'' | *[!0-9]*) die "PORT must be a number: $port" ;;
	esac
	do_start
	;;
stop)
	do_stop
	;;
restart)
	[ -f "$data/PG_VERSION" ] || die "no cluster in $dir"
	do_stop
	port=$(cat "$dir/port")
	do_start >/dev/null
	;;
kill)
	[ -f "$data/postmaster.pid" ] || die "no running cluster in $dir"
	do_kill
	;;
status)
	[ -f "$dir/port" ] || exit 1
	as_pg "$PGBIN/pg_isready" -q -h "$dir" -p "$(cat "$dir/port")" -d postgres
	;;
conninfo)
	[ -f "$dir/port" ] || die "no cluster in $dir"
	conninfo
	;;
destroy)
	# Whatever state the cluster is in (a primary waiting for a standby
	# that is gone may not stop in fast mode): fast, then immediate, then
	# SIGKILL of its postmaster, and the directory goes in any case.
	if [ -d "$dir" ]; then
		if [ -f "$data/PG_VERSION" ] && is_running; then
			as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
			    as_pg "$PGBIN/pg_ctl" -D "$data" -m immediate -w -t 20 stop >/dev/null 2>&1 ||
			    do_kill
		fi
		rm -rf "$dir"
	fi
	;;
standby)
	[ $# -eq 4 ] || usage
	primary=$3
	port=$4
	case $port in
	'' | *[!0-9]*) die "PORT must be a number: $port" ;;
	esac
	[ -f "$primary/port" ] || die "no cluster in $primary"
	[ ! -e "$data" ] || die "$data exists already"
	mkdir -p "$dir"
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown "$pguser" "$dir"
	as_pg "$PGBIN/pg_basebackup" -h "$primary" -p "$(cat "$primary/port")" \
		-D "$data" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 ||
		die "pg_basebackup failed (see $dir/basebackup.log)"
	echo "$port" >"$dir/port"
	# The copy holds the primary's settings: later lines win.
	cat >>"$data/postgresql.conf" <<EOF
# moscdr test standby
port = $port
unix_socket_directories = '$dir'
EOF
	as_pg "$PGBIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start >/dev/null 2>&1 ||
		die "pg_ctl start failed (see $dir/server.log)"
	wait_ready
	conninfo
	;;
promote)
	[ -f "$data/PG_VERSION" ] || die "no cluster in $dir"
	as_pg "$PGBIN/pg_ctl" -D "$data" -w -t 60 promote >/dev/null 2>&1 ||
		die "pg_ctl promote failed (see $dir/server.log)"
	;;
*)
	usage
	;;
esac
