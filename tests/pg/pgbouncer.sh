#!/bin/sh
# A throwaway pgbouncer in front of a tests/pg/cluster.sh cluster.
#
#   pgbouncer.sh start DIR CLUSTERDIR PORT [KEY=VALUE...]
#                         write DIR/pgbouncer.ini (pool_mode = transaction
#                         unless a KEY=VALUE says otherwise; each one is a
#                         [pgbouncer] setting), start it on 127.0.0.1:PORT
#                         and print the conninfo of database "moscdr"
#                         through it (any database name of the cluster
#                         works: "*" is forwarded)
#   pgbouncer.sh stop DIR  SIGTERM to the pid in DIR/pgbouncer.pid
#
# Trust authentication, as the cluster behind it; the pooler runs as the
# cluster's user (it refuses to run as root). Only its own pid file is
# ever used to address the process.
set -eu

die() {
	echo "pgbouncer.sh: $*" >&2
	exit 1
}

[ $# -ge 2 ] || die "usage: pgbouncer.sh start DIR CLUSTERDIR PORT [K=V...] | stop DIR"
cmd=$1
dir=$2
case $dir in
/*) ;;
*) dir=$(pwd)/$dir ;;
esac

if [ "$(id -u)" -eq 0 ]; then
	pguser=postgres
	as_pg() { runuser -u postgres -- "$@"; }
else
	pguser=$(id -un)
	as_pg() { "$@"; }
fi

case $cmd in
start)
	[ $# -ge 4 ] || die "usage: pgbouncer.sh start DIR CLUSTERDIR PORT [K=V...]"
	cdir=$3
	port=$4
	shift 4
	command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] ||
		die "pgbouncer not installed (apt-get install pgbouncer)"
	bin=$(command -v pgbouncer 2>/dev/null || echo /usr/sbin/pgbouncer)
	cport=$(cat "$cdir/port")
	mkdir -p "$dir"
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown "$pguser" "$dir"
	echo "\"$pguser\" \"\"" >"$dir/users.txt"
	{
		echo "[databases]"
		echo "* = host=$cdir port=$cport"
		echo "[pgbouncer]"
		echo "listen_addr = 127.0.0.1"
		echo "listen_port = $port"
		echo "unix_socket_dir ="
		echo "auth_type = trust"
		echo "auth_file = $dir/users.txt"
		echo "pidfile = $dir/pgbouncer.pid"
		echo "logfile = $dir/pgbouncer.log"
		echo "pool_mode = transaction"
		echo "ignore_startup_parameters = extra_float_digits"
		for kv in "$@"; do
			echo "${kv%%=*} = ${kv#*=}"
		done
	} >"$dir/pgbouncer.ini"
	as_pg "$bin" -d -q "$dir/pgbouncer.ini" ||
		die "pgbouncer did not start (see $dir/pgbouncer.log)"
	i=0
	while ! as_pg /usr/lib/postgresql/15/bin/pg_isready -q -h 127.0.0.1 \
	    -p "$port" -d moscdr; do
		i=$((i + 1))
		[ $i -lt 100 ] || die "pgbouncer not ready (see $dir/pgbouncer.log)"
		sleep 0.1
	done
	echo "host=127.0.0.1 port=$port dbname=moscdr user=$pguser"
	;;
stop)
	[ -f "$dir/pgbouncer.pid" ] || exit 0
	pid=$(cat "$dir/pgbouncer.pid")
	case $pid in
	'' | *[!0-9]*) die "bad pid file $dir/pgbouncer.pid" ;;
	esac
	kill -TERM "$pid" 2>/dev/null || true
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	rm -f "$dir/pgbouncer.pid"
	;;
*)
	die "unknown command $cmd"
	;;
esac
