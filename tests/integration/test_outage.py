"""Integration tests of moscdrd while PostgreSQL is away: records received
during an outage wait in the journal and reach the database exactly once when
it is back, whether it went away mid-stream, was down at start, or the
daemon was stopped before it came back.

The cluster is stopped and started with tests/pg/cluster.sh. Deadlines
only keep a broken daemon from hanging the suite; nothing asserts on time.
"""

import re
import threading
import time

import pytest

from faults_lib import last_stats
from moscdr_test import wait_until

DRAIN_TIMEOUT = 90


class Sender(threading.Thread):
    """Sends numbered messages to one daemon at a steady pace until
    stopped; the pace only keeps the stream going across the outage."""

    def __init__(self, d, prefix, interval=0.003):
        super().__init__(daemon=True)
        self.d = d
        self.prefix = prefix
        self.interval = interval
        self.sent = 0
        self.halt = threading.Event()
        self.error = None

    def run(self):
        try:
            while not self.halt.is_set():
                self.d.send({"call_id": "%s-%06d" % (self.prefix, self.sent),
                             "mos_average": "4.1",
                             "mos_average_roundtrip": "20000"})
                self.sent += 1
                time.sleep(self.interval)
        except Exception as e:      # reported by finish()
            self.error = e

    def wait_sent(self, n):
        wait_until(lambda: self.sent >= n or self.error, 60,
                   "%d messages sent" % n)

    def finish(self):
        self.halt.set()
        self.join(30)
        assert self.error is None, self.error
        return self.sent


def db_failed(d):
    """True once a periodic stats line counts a failed database call."""
    return last_stats(d).get("db_errors", 0) > 0


def drained(d, db, n):
    return db.count_calls() == n and last_stats(d).get("backlog", -1) == 0


def check_exactly_once(db, prefix, n):
    rows = db.query("SELECT call_id, messages FROM call WHERE call_id LIKE ?",
                    prefix + "-%")
    ids = sorted(r[0] for r in rows)
    assert ids == ["%s-%06d" % (prefix, i) for i in range(n)], (
        "missing: %d, duplicate rows: %d"
        % (n - len(set(ids)), len(ids) - len(set(ids))))
    assert all(r[1] == 1 for r in rows), [r for r in rows if r[1] != 1][:5]


@pytest.fixture
def cluster_restored(pg_cluster):
    """Starts the cluster again after the test, whatever happened."""
    yield pg_cluster
    if not pg_cluster.is_up():
        pg_cluster.start()


@pytest.mark.parametrize("how", ["stop", "kill"])
def test_postgresql_stops_mid_stream(pg_daemon, pg_db, cluster_restored,
                                     how):
    """A steady stream keeps arriving while PostgreSQL is stopped (a fast
    shutdown, or SIGKILL of the postmaster and crash recovery) and started
    again: every message ends in the database exactly once and the
    journal's backlog is empty afterwards."""
    cl = cluster_restored
    d = pg_daemon.start(log__stats_interval=1)
    s = Sender(d, "midstream")
    s.start()
    try:
        wait_until(lambda: pg_db.count_calls() > 0, 30,
                   "the first messages stored")
        s.wait_sent(s.sent + 100)
        if how == "stop":
            cl.stop()
        else:
            cl.kill()
        s.wait_sent(s.sent + 300)
        wait_until(lambda: db_failed(d), 60,
                   "a failed call while PostgreSQL is down")
        cl.start()
        s.wait_sent(s.sent + 200)
    finally:
        n = s.finish()
    wait_until(lambda: drained(d, pg_db, n), DRAIN_TIMEOUT,
               "all %d messages in the database and the spool empty" % n)
    st = d.stop()
    assert st["received_udp"] == n
    assert st["stored"] == n
    assert st["dropped_spool_full"] == 0 and st["dropped_queue_full"] == 0
    assert st["db_reconnects"] >= 1
    assert st["backlog"] == 0
    check_exactly_once(pg_db, "midstream", n)
    assert pg_db.scalar("SELECT count(*) FROM call") == n


def test_postgresql_down_at_start(pg_daemon, pg_db, cluster_restored):
    """The daemon starts ("ready") while PostgreSQL is down, keeps what
    arrives in the journal, creates the schema once the server is up and stores
    everything exactly once."""
    cl = cluster_restored
    cl.stop()
    d = pg_daemon.start(log__stats_interval=1)
    s = Sender(d, "downstart")
    s.start()
    try:
        s.wait_sent(300)
        wait_until(lambda: db_failed(d), 60,
                   "a failed call while PostgreSQL is down")
        cl.start()
        s.wait_sent(s.sent + 200)
    finally:
        n = s.finish()
    wait_until(lambda: drained(d, pg_db, n), DRAIN_TIMEOUT,
               "all %d messages in the database and the spool empty" % n)
    st = d.stop()
    assert st["received_udp"] == n
    assert st["stored"] == n and st["backlog"] == 0
    check_exactly_once(pg_db, "downstart", n)


def test_sigterm_during_outage_then_replay(pg_daemon, pg_db,
                                          cluster_restored):
    """SIGTERM while PostgreSQL is down: the daemon exits 0 at once with
    what it received in the journal, saying how many; a new daemon on the
    same spool directory writes them once the server is back."""
    cl = cluster_restored
    d1 = pg_daemon.start()
    d1.send({"call_id": "replay-000000", "mos_average": "3.3"})
    wait_until(lambda: pg_db.count_calls() == 1, 30, "the first message")
    cl.stop()
    n = 200
    for i in range(1, n):
        d1.send({"call_id": "replay-%06d" % i, "mos_average": "3.3"})
    st1 = d1.stop()
    assert st1["received_udp"] == n
    left = n - st1["stored"]
    assert left > 0 and st1["backlog"] == left
    assert re.search(r"stopped with %d messages not in the database yet"
                     % left, d1.log), d1.log[-2000:]

    cl.start()
    d2 = pg_daemon.start({"spool.dir": d1.spool_dir,
                          "log.stats_interval": 1})
    wait_until(lambda: drained(d2, pg_db, n), DRAIN_TIMEOUT,
               "the journal written into the database")
    st2 = d2.stop()
    assert st2["spool_replayed"] == left
    check_exactly_once(pg_db, "replay", n)
