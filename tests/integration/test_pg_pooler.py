"""moscdrd behind a real pgbouncer in transaction pooling mode.

In that mode consecutive transactions of one client may run on different
server connections, and one server connection serves several clients in
turn. server_lifetime = 1 makes pgbouncer close a server connection a
second after it was opened, so a run of a few seconds is sure to move the
daemon to new server connections many times: anything one transaction
left on its session (a named prepared statement, a temporary table, a
session setting or lock) is missing in a later one. A pool of one server
connection shared by two daemons makes each see what the other left.
Every message must be stored exactly once: the call rows, their
`messages` counts and their samples.
"""

import os
import subprocess

import pytest

import moscdr_test as mt
from conftest import DaemonFactory, free_tcp_port
from moscdr_test import wait_until

PGBOUNCER_SH = os.path.join(mt.ROOT, "tests", "pg", "pgbouncer.sh")


@pytest.fixture
def bouncer(pg_cluster, pg_db, tmp_path):
    """pgbouncer (transaction mode, one server connection at most, each
    closed after 1 s) in front of the test's database."""
    import tempfile
    top = tempfile.mkdtemp(prefix="moscdr-it-bouncer-")
    os.chmod(top, 0o755)
    d = os.path.join(top, "b")
    port = free_tcp_port()
    r = subprocess.run([PGBOUNCER_SH, "start", d, pg_cluster.dir, str(port),
                        "default_pool_size=1", "max_db_connections=1",
                        "server_lifetime=1"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    from psycopg2.extensions import make_dsn, parse_dsn
    dbname = parse_dsn(pg_db.conninfo)["dbname"]
    conninfo = make_dsn(r.stdout.strip().splitlines()[-1], dbname=dbname)
    try:
        yield mt.Database("postgresql", conninfo=conninfo)
    finally:
        subprocess.run([PGBOUNCER_SH, "stop", d], timeout=60)
        subprocess.run(["rm", "-rf", top])


def test_transaction_pooling_exactly_once(moscdrd, pg_db, bouncer, tmp_path):
    f = DaemonFactory(moscdrd, bouncer, str(tmp_path))
    try:
        a = f.start(node="a", database__flush_interval=20)
        b = f.start(node="b", database__flush_interval=20)
        n = 300
        for i in range(n):
            # Two messages per call, in different batches: every call is
            # merged across transactions (and server connections).
            for d in (a, b):
                d.send({"call_id": "pool-%04d" % i, "mos_average": "4.1"})
            if i % 20 == 19:
                wait_until(lambda: pg_db.count_calls() >= 2 * (i + 1) - 40,
                           60, "calls stored")
        for i in range(n):
            for d in (a, b):
                d.send({"call_id": "pool-%04d" % i, "sip_code": "200",
                        "mos_min": "3.5"})
        wait_until(lambda: pg_db.scalar(
            "SELECT count(*) FROM call WHERE messages = 2") == 2 * n, 90,
            "every call merged twice")
        sa = a.stop()
        sb = b.stop()
        for s in (sa, sb):
            assert s.get("db_errors", 0) == 0, s
            assert s.get("spool_written", 0) == 0, s
        rows = pg_db.query("SELECT node, count(*), min(messages),"
                           " max(messages), count(sip_code) FROM call"
                           " GROUP BY node ORDER BY node")
        assert rows == [("a", n, 2, 2, n), ("b", n, 2, 2, n)]
        assert pg_db.scalar("SELECT count(*) FROM mos_sample") == 4 * n
        assert pg_db.scalar("SELECT count(*) FROM mos_sample"
                            " WHERE mos IS NULL") == 0
    finally:
        f.cleanup()
