"""Integration tests of moscdrd's journal against the real daemon and real
SQLite and PostgreSQL: a writer blocked by another process holding the
SQLite write lock and then killed, a replay itself interrupted by kill -9,
a SIGTERM while PostgreSQL is frozen (SIGSTOP of its processes), and a
40 s PostgreSQL outage under live traffic that drains while the traffic
goes on.

What they prove: every message the daemon accepted is stored exactly once
(call.messages = 1 for every call, no call missing) whatever the crash or
the database did; a stop finishes although the database hangs; /health
stays 200 ("draining") while the backlog shrinks. Deadlines only keep a
broken daemon from hanging the suite; nothing asserts on time.
"""

import json
import os
import re
import signal
import sqlite3
import threading
import time

import pytest

import moscdr_test as mt
from moscdr_test import wait_until

WAIT = 120.0
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def message(prefix, i):
    return json.dumps({"v": 1, "call_id": "%s-%06d" % (prefix, i),
                       "mos_average": "4.1", "mos_min": "3.9",
                       "mos_max": "4.3"}).encode()


class Sender(threading.Thread):
    """Numbered messages at a steady rate from a socket of its own."""

    def __init__(self, d, prefix, rate):
        super().__init__(daemon=True)
        self.d = d
        self.prefix = prefix
        self.interval = 1.0 / rate
        self.sent = 0
        self.halt = threading.Event()

    def run(self):
        import socket
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        nxt = time.monotonic()
        while not self.halt.is_set():
            s.sendto(message(self.prefix, self.sent), ("127.0.0.1",
                                                       self.d.port))
            self.sent += 1
            nxt += self.interval
            time.sleep(max(0.0, nxt - time.monotonic()))
        s.close()

    def wait_sent(self, n):
        wait_until(lambda: self.sent >= n, WAIT, "%d sent" % n)

    def finish(self):
        self.halt.set()
        self.join(10)
        return self.sent


def last_stats(d):
    m = re.findall(r"\bstats: (.*)$", d.log, re.M)
    return mt.parse_stats(m[-1]) if m else {}


def received(d):
    return last_stats(d).get("received_udp", 0)


def check_exactly_once(db, prefix, n):
    rows = db.query("SELECT call_id, messages FROM call WHERE call_id LIKE ?",
                    prefix + "-%")
    ids = sorted(r[0] for r in rows)
    assert ids == ["%s-%06d" % (prefix, i) for i in range(n)], (
        "%d rows for %d messages" % (len(ids), n))
    twice = [r for r in rows if r[1] != 1]
    assert not twice, twice[:5]


def send_all(d, prefix, first, n):
    for i in range(first, first + n):
        d.send(message(prefix, i))
        if i % 500 == 0:
            time.sleep(0.02)


@sqlite_only
def test_sqlite_locked_then_kill9(daemon, db):
    """Another process holds SQLite's write lock (BEGIN IMMEDIATE) so the
    writer's commits wait out busy_timeout and fail; 3,000 messages
    arrive meanwhile, then moscdrd is killed with SIGKILL. Once the lock
    is released, a new daemon on the same journal stores all 3,000
    exactly once."""
    opts = {"log.stats_interval": 1, "database.busy_timeout": 1000}
    d = daemon.start(opts=opts)
    d.send(message("locked", 0))
    wait_until(lambda: db.count_calls() == 1, WAIT, "the first call")
    holder = sqlite3.connect(db.path, timeout=10, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        send_all(d, "locked", 1, 2999)
        wait_until(lambda: received(d) == 3000, WAIT, "3000 received")
        wait_until(lambda: last_stats(d).get("db_errors", 0) > 0, WAIT,
                   "a commit refused by the lock")
        d.kill()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db.count_calls() == 1
    d2 = daemon.start(opts=dict(opts, **{"spool.dir": d.spool_dir}))
    wait_until(lambda: db.count_calls() == 3000, WAIT, "3000 stored")
    st = d2.stop()
    assert st["spool_replayed"] == 2999 and st["backlog"] == 0
    check_exactly_once(db, "locked", 3000)


def test_interrupted_replay(request, daemon, db, backend):
    """A backlog of 20,000 messages in the journal (the database locked or
    away while they arrived, then kill -9) is being written by a new
    daemon in small transactions when that daemon, too, is killed with
    SIGKILL part-way; a third daemon finishes it. Every message is stored
    exactly once: the replay resumes after the last committed
    transaction, neither repeating nor skipping any."""
    n = 20000
    opts = {"log.stats_interval": 1, "database.busy_timeout": 200}
    d = daemon.start(opts=opts)
    if backend == "sqlite":
        holder = sqlite3.connect(db.path, timeout=10, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
    else:
        cl = request.getfixturevalue("cluster_restored")
        cl.stop()
    try:
        send_all(d, "irr", 0, n)
        wait_until(lambda: received(d) == n, WAIT, "%d received" % n)
        d.kill()
    finally:
        if backend == "sqlite":
            holder.execute("ROLLBACK")
            holder.close()
        else:
            cl.start()
    assert db.count_calls() == 0
    # Small transactions (4 x 50 per read-back batch), killed part-way.
    d2 = daemon.start(opts=dict(opts, **{"spool.dir": d.spool_dir,
                                         "database.batch_size": 50}))
    wait_until(lambda: db.count_calls() >= n // 4, WAIT,
               "a quarter of the backlog stored")
    d2.kill()
    partial = db.count_calls()
    print("interrupted replay (%s): %d of %d stored at the kill"
          % (backend, partial, n))
    assert 0 < partial
    d3 = daemon.start(opts=dict(opts, **{"spool.dir": d.spool_dir}))
    wait_until(lambda: db.count_calls() == n, WAIT, "all %d stored" % n)
    st = d3.stop()
    assert st["backlog"] == 0
    if partial < n:
        assert st["spool_replayed"] == n - partial
    check_exactly_once(db, "irr", n)


@pytest.fixture
def cluster_restored(pg_cluster):
    yield pg_cluster
    cont_cluster(pg_cluster)
    if not pg_cluster.is_up():
        pg_cluster.start()


def cluster_pids(cluster):
    """The postmaster (from its pid file) and its children, by /proc."""
    with open(os.path.join(cluster.dir, "data", "postmaster.pid")) as f:
        pm = int(f.readline().strip())
    pids = [pm]
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % p) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pm:
            pids.append(int(p))
    return pids


_frozen = []


def freeze_cluster(cluster):
    for pid in cluster_pids(cluster):
        os.kill(pid, signal.SIGSTOP)
        _frozen.append(pid)


def cont_cluster(cluster):
    while _frozen:
        try:
            os.kill(_frozen.pop(), signal.SIGCONT)
        except ProcessLookupError:
            pass


def test_sigterm_while_postgresql_frozen(pg_daemon, pg_db, cluster_restored):
    """PostgreSQL's processes are stopped (SIGSTOP) in the middle of a
    stream, so the writer hangs inside a transaction; SIGTERM then makes
    moscdrd exit 0 within database.stop_timeout (plus a second), logging
    that the writer is stuck and how many messages stay in the journal.
    After SIGCONT a new daemon stores every message exactly once."""
    cl = cluster_restored
    d = pg_daemon.start(opts={"log.stats_interval": 1,
                              "database.stop_timeout": 3})
    s = Sender(d, "frozen", 500)
    s.start()
    try:
        wait_until(lambda: pg_db.count_calls() > 0, WAIT, "the first calls")
        s.wait_sent(s.sent + 500)
        freeze_cluster(cl)
        s.wait_sent(s.sent + 1000)
    finally:
        n = s.finish()
    wait_until(lambda: received(d) == n, WAIT, "%d received" % n)
    st = d.stop()
    assert st["received_udp"] == n
    assert re.search(r"the writer is still inside a database call after 3 "
                     r"s; \d+ messages not in the database stay in the "
                     r"journal", d.log), d.log[-3000:]
    cont_cluster(cl)
    d2 = pg_daemon.start(opts={"spool.dir": d.spool_dir})
    wait_until(lambda: pg_db.count_calls() == n, WAIT, "all %d stored" % n)
    d2.stop()
    check_exactly_once(pg_db, "frozen", n)


def test_outage_drains_under_traffic(pg_daemon, pg_db, cluster_restored):
    """A 40 s PostgreSQL outage under 1,000 messages/s of live traffic:
    the queue fills and lets go of the rest (the journal holds it); when
    the server is back, the backlog is read back in large transactions
    while the traffic goes on, /health answers 200 ("draining") from the
    reconnect on, and the run ends with no backlog, /health "ok" and
    every message stored exactly once."""
    cl = cluster_restored
    d = pg_daemon.start(opts={"log.stats_interval": 1,
                              "metrics.listen": "127.0.0.1:0"})
    addr = wait_until(lambda: re.search(
        r"metrics on http://(127\.0\.0\.1:\d+)/metrics", d.log), 10,
        "the metrics address").group(1)

    def health():
        import urllib.error
        import urllib.request
        try:
            with urllib.request.urlopen("http://%s/health" % addr,
                                        timeout=5) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    s = Sender(d, "drain", 1000)
    s.start()
    seen = []
    try:
        wait_until(lambda: pg_db.count_calls() > 0, WAIT, "the first calls")
        cl.stop()
        time.sleep(40)
        down = health()
        cl.start()
        wait_until(lambda: "database available again" in d.log, WAIT,
                   "the reconnect")
        t0 = time.monotonic()
        b0 = last_stats(d).get("backlog", 0)
        # Poll /health while the backlog drains and the traffic goes on.
        while True:
            seen.append(health())
            if last_stats(d).get("backlog", -1) < 2000 and \
                    seen[-1][1].startswith("ok"):
                break
            assert time.monotonic() - t0 < WAIT, seen[-5:]
            time.sleep(0.2)
        drain_s = time.monotonic() - t0
        s.wait_sent(s.sent + 1000)
    finally:
        n = s.finish()
    wait_until(lambda: pg_db.count_calls() == n, WAIT, "all %d stored" % n)
    wait_until(lambda: last_stats(d).get("backlog", -1) == 0, WAIT,
               "no backlog")
    final = health()
    st = d.stop()
    print("outage 40 s at 1000 msg/s: backlog %d at the reconnect, drained "
          "in about %.1f s with the traffic going on; spool_written %d, "
          "spool_replayed %d; /health during the outage: %s"
          % (b0, drain_s, st["spool_written"], st["spool_replayed"], down))
    assert down[0] == 503 and down[1].startswith("database unavailable")
    assert all(code == 200 for code, _ in seen), [x for x in seen
                                                  if x[0] != 200][:3]
    assert any(body.startswith("draining") for _, body in seen), seen[:3]
    assert final == (200, "ok\n")
    assert st["spool_written"] > 0
    assert st["dropped_queue_full"] == 0 and st["dropped_spool_full"] == 0
    check_exactly_once(pg_db, "drain", n)
