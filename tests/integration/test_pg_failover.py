"""Failover: a primary and a streaming standby on loopback (cluster.sh,
pg_basebackup -R), synchronous replication, moscdrd given both servers in
one conninfo with target_session_attrs=read-write. In the middle of a
stream the standby is promoted and the old primary killed (SIGKILL); moscdrd must
carry on on the new primary and every message must be stored there
exactly once, the `messages` column included.

The time from the old primary's stop to the first message stored on the
new primary is printed (tests/run-integration.sh -s shows it); nothing
asserts on it.
"""

import os
import shutil
import tempfile
import threading
import time

import pytest

import moscdr_test as mt
from conftest import CLUSTER_SH, DaemonFactory, free_tcp_port
from moscdr_test import wait_until
import subprocess


def sh(*args):
    r = subprocess.run([CLUSTER_SH] + list(args), capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, "cluster.sh %s: %s%s" % (args, r.stdout,
                                                       r.stderr)
    return r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""


def destroy(d):
    """cluster.sh destroy, which stops the cluster whatever its state;
    should even that hang, its postmaster is killed and it is tried
    again. Never raises: the other cluster must go too."""
    for cmd in (["destroy"], ["kill"], ["destroy"]):
        try:
            r = subprocess.run([CLUSTER_SH] + cmd + [d], timeout=120,
                               capture_output=True)
            if cmd == ["destroy"] and r.returncode == 0:
                return
        except (subprocess.TimeoutExpired, OSError):
            pass


@pytest.fixture
def pair():
    """A primary and its standby, both removed on every way out of the
    test: an exception, a failed start of either, SIGTERM (a timeout of
    the suite: turned into SystemExit so the finally runs)."""
    import signal
    top = tempfile.mkdtemp(prefix="moscdr-it-failover-")
    os.chmod(top, 0o755)
    p, s = os.path.join(top, "primary"), os.path.join(top, "standby")

    def term(signum, frame):
        raise SystemExit("SIGTERM during the failover test")
    old = signal.signal(signal.SIGTERM, term)
    pids = []

    def postmaster(d):
        try:
            with open(os.path.join(d, "data", "postmaster.pid")) as f:
                pids.append(int(f.readline()))
        except (OSError, ValueError):
            pass
    try:
        pci = sh("start", p, str(free_tcp_port()))
        postmaster(p)
        sci = sh("standby", s, p, str(free_tcp_port()))
        postmaster(s)
        yield p, s, mt.Database("postgresql", conninfo=pci), \
            mt.Database("postgresql", conninfo=sci)
    finally:
        for d in (s, p):
            destroy(d)
        signal.signal(signal.SIGTERM, old)
        shutil.rmtree(top, ignore_errors=True)
    # Both servers are gone: pg_ctl returns once the pid file is removed,
    # the process itself exits a moment later.
    def alive(pid):
        try:
            with open("/proc/%d/comm" % pid) as f:
                return f.read().strip() == "postgres"
        except OSError:
            return False
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in pids), \
        "postmaster still running: %s" % [p for p in pids if alive(p)]


class Sender(threading.Thread):
    """Call k's first message, then the second message of call k - LAG:
    every call gets two messages, in different batches."""
    LAG = 40

    def __init__(self, d):
        super().__init__(daemon=True)
        self.d = d
        self.k = 0
        self.halt = threading.Event()
        self.error = None

    def first(self, k):
        self.d.send({"call_id": "fo-%06d" % k, "mos_average": "4.1"})

    def second(self, k):
        self.d.send({"call_id": "fo-%06d" % k, "sip_code": "200",
                     "mos_min": "3.2"})

    def run(self):
        try:
            while not self.halt.is_set():
                self.first(self.k)
                if self.k >= self.LAG:
                    self.second(self.k - self.LAG)
                self.k += 1
                time.sleep(0.004)
        except Exception as e:
            self.error = e

    def finish(self):
        self.halt.set()
        self.join(30)
        assert self.error is None, self.error
        for k in range(max(0, self.k - self.LAG), self.k):
            self.second(k)
        return self.k


def test_failover_exactly_once(moscdrd, pair, tmp_path):
    pdir, sdir, pdb, sdb = pair
    # Synchronous replication: a commit the primary acknowledged is on
    # the standby, so nothing acknowledged is lost by the failover.
    import psycopg2
    c = psycopg2.connect(pdb.conninfo)
    c.autocommit = True
    c.cursor().execute("ALTER SYSTEM SET synchronous_standby_names = '*'")
    c.cursor().execute("SELECT pg_reload_conf()")
    c.close()
    wait_until(lambda: pdb.query("SELECT sync_state FROM pg_stat_replication")
               == [("sync",)], 30, "standby synchronous")
    ci = "host=%s,%s port=%s,%s dbname=moscdr user=%s " \
         "target_session_attrs=read-write connect_timeout=2" % (
             pdir, sdir, open(os.path.join(pdir, "port")).read().strip(),
             open(os.path.join(sdir, "port")).read().strip(),
             "postgres" if os.getuid() == 0 else os.environ.get("USER"))
    db = mt.Database("postgresql", conninfo=ci)
    f = DaemonFactory(moscdrd, db, str(tmp_path))
    try:
        d = f.start(database__flush_interval=20)
        snd = Sender(d)
        snd.start()
        wait_until(lambda: pdb.count_calls() >= 300, 60, "300 calls")
        sh("promote", sdir)
        # A crash, not a clean stop: a fast shutdown of a primary whose
        # backends wait for a standby that was promoted can take long.
        sh("kill", pdir)
        t_stop = time.time()
        wait_until(lambda: sdb.scalar(
            "SELECT count(*) FROM call WHERE received_at >"
            " to_timestamp(?)", t_stop) > 0, 90, "writes on the new primary")
        resumed = time.time() - t_stop
        time.sleep(1)
        n = snd.finish()
        wait_until(lambda: sdb.scalar("SELECT count(*) FROM call WHERE"
                                      " messages >= 2") >= n,
                   120, "all %d calls merged twice on the new primary" % n)
        stats = d.stop()
        assert stats["backlog"] == 0
        rows = sdb.query("SELECT call_id, messages, sip_code FROM call"
                         " ORDER BY call_id")
        assert [r[0] for r in rows] == ["fo-%06d" % k for k in range(n)]
        assert {r[1] for r in rows} == {2}, [r for r in rows if r[1] != 2][:5]
        assert {r[2] for r in rows} == {200}
        assert sdb.scalar("SELECT count(*) FROM mos_sample") == 2 * n
        print("failover: %d calls, 2 messages each; first write on the new "
              "primary %.2f s after the old primary stopped; db_errors %s, "
              "spooled %s" % (n, resumed, stats.get("db_errors"),
                              stats.get("spool_written")))
    finally:
        f.cleanup()
