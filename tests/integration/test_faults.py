"""Integration tests of moscdrd under faults: kill -9 while PostgreSQL is
down (kill -9 and restarts under a live stream, a blocked or hanging
database, an interrupted replay and an outage under traffic are in
test_restart_faults.py, on a socket held as systemd holds it), the SQLite
file system filling up or turning read-only under the running daemon, and
an evapi peer that freezes.

What they prove: a kill -9 loses nothing the daemon had read (every
message is in the journal before it is queued) and a restart stores
exactly what the database lacked, each message once (call.messages
exact), the database consistent (no call without the legs and samples of
the message that created it); a full or read-only database directory
keeps records in the journal without stopping the daemon, and they are
stored exactly once when the space or the write access is back; a
silent evapi peer is dropped and reconnected.

Mounts (tmpfs, a loop-mounted ext4 image) are made as root and removed in
finalizers; a test skips, saying why, when this machine cannot mount.
Deadlines only keep a broken daemon from hanging the suite; no assertion
depends on timing.
"""

import os
import re
import socket
import subprocess
import threading
import time

import pytest

import moscdr_test as mt
from evapi_server import EvapiServer
from faults_lib import check_consistent, last_stats, message
from moscdr_test import wait_until

WAIT = 60.0
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])

class Sender(threading.Thread):
    """Sends numbered messages from a socket of its own at a steady rate
    and logs when each was sent (monotonic), so a test can tell which
    messages were sent before a given instant. Send errors (the daemon is
    gone: ICMP port unreachable) are counted, not raised."""

    def __init__(self, port, prefix, rate=200, pad=0):
        super().__init__(daemon=True)
        self.dst = ("127.0.0.1", port)
        self.prefix = prefix
        self.interval = 1.0 / rate
        self.pad = pad
        self.times = []
        self.errors = 0
        self.halt = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    def run(self):
        nxt = time.monotonic()
        i = 0
        while not self.halt.is_set():
            try:
                self.sock.sendto(message(self.prefix, i, self.pad), self.dst)
            except OSError:
                self.errors += 1
            self.times.append(time.monotonic())
            i += 1
            nxt += self.interval
            time.sleep(max(0.0, nxt - time.monotonic()))

    @property
    def sent(self):
        return len(self.times)

    def wait_sent(self, n):
        wait_until(lambda: self.sent >= n, WAIT, "%d messages sent" % n)

    def finish(self):
        self.halt.set()
        self.join(10)
        self.sock.close()
        return self.sent


def stored_numbers(db, prefix):
    rows = db.query("SELECT call_id FROM call WHERE call_id LIKE ?",
                    prefix + "-%")
    return sorted(int(r[0].rsplit("-", 1)[1]) for r in rows)


def backlog(d):
    """Messages in the journal not in the database, from the last stats
    line (log.stats_interval) or the exit line."""
    return last_stats(d).get("backlog", -1)


# ------------------------------------------------------------- kill -9

def received(d):
    return last_stats(d).get("received_udp", 0)


def check_messages_exact(db, prefix, n):
    """Every one of the n calls stored once, from exactly one message."""
    assert stored_numbers(db, prefix) == list(range(n))
    assert db.scalar("SELECT count(*) FROM call WHERE call_id LIKE ? AND "
                     "messages = 1", prefix + "-%") == n


@pytest.fixture
def cluster_restored(pg_cluster):
    yield pg_cluster
    if not pg_cluster.is_up():
        pg_cluster.start()


def test_kill9_while_postgresql_down(pg_daemon, pg_db, cluster_restored):
    """Proves: records received while PostgreSQL is down wait in the
    journal: after a kill -9 of the daemon and PostgreSQL's return, a
    daemon restarted on the same journal writes exactly the 300 the
    database lacks, each stored exactly once, the database consistent and
    no backlog left."""
    cl = cluster_restored
    d = pg_daemon.start(log__stats_interval=1)
    for i in range(100):
        d.send(message("pgdown", i))
    wait_until(lambda: pg_db.count_calls() == 100, WAIT, "100 calls")
    cl.stop()
    for i in range(100, 400):
        d.send(message("pgdown", i))
        if i % 50 == 0:
            time.sleep(0.05)
    wait_until(lambda: received(d) == 400, WAIT, "400 received")
    st = last_stats(d)
    assert st["db_errors"] >= 1
    d.kill()
    cl.start()
    d2 = pg_daemon.start(opts={"spool.dir": d.spool_dir})
    wait_until(lambda: pg_db.count_calls() == 400, WAIT, "400 calls stored")
    st2 = d2.stop()
    assert st2["spool_replayed"] == 300 and st2["backlog"] == 0
    assert st2["received_udp"] == 0
    check_messages_exact(pg_db, "pgdown", 400)
    check_consistent(pg_db)
    assert "holds 300 messages from before" in d2.log


# ------------------------------------------------- losses in the log

LOST_RE = re.compile(
    r"message from .+? lost: the queue is full \(\d+ bytes\) and (.*?)"
    r"(?: \((\d+) more messages suppressed in the last 10 s(, none "
    r"since)?\))?$", re.M)


@sqlite_only
def test_loss_lines_add_up(daemon, db):
    """Proves: when the journal reaches spool.max_size while the writer
    cannot drain (another program holds SQLite's write lock), the lost
    messages are logged rate-limited under their real cause ("spool
    directory full: ... reached its cap"), and the lines add up: one
    message per line written plus the suppressed counts, which count
    messages, and the last count is logged once the losses stop (the
    last line again with ", none since"). Their sum is the
    dropped_spool_full counter, and everything not lost is stored once
    the lock goes."""
    import sqlite3
    cap = 256 << 10
    d = daemon.start(opts={"spool.max_size": cap, "queue.max_bytes": 65536,
                           "database.busy_timeout": 30000,
                           "log.stats_interval": 1})
    d.send(message("loss", 0))
    wait_until(lambda: db.count_calls() == 1, WAIT, "the first call")
    holder = sqlite3.connect(db.path, timeout=10, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    n = 3000
    try:
        for i in range(1, n):
            d.send(message("loss", i))
            if i % 200 == 0:
                time.sleep(0.02)
        wait_until(lambda: received(d) == n, WAIT, "%d received" % n)
        wait_until(lambda: "none since)" in d.log, 30,
                   "the last suppressed count")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    st = d.stop()
    lost = st["dropped_spool_full"]
    lines = LOST_RE.findall(d.log)
    logged = sum(int(k or 0) if since else 1 + int(k or 0)
                 for _, k, since in lines)
    print("spool cap %d bytes under a locked writer: %d of %d lost, %d "
          "loss lines, adding up to %d" % (cap, lost, n, len(lines), logged))
    assert lost > 0 and lines, d.log[-3000:]
    assert all(c.startswith("spool directory full: ") and
               "reached its cap of %d bytes" % cap in c
               for c, _, _ in lines), lines[:3]
    assert logged == lost, lines
    assert sum(1 for _, _, since in lines if since) == 1
    assert st["accepted"] + lost == n
    assert st["stored"] == st["accepted"] and st["backlog"] == 0
    assert db.count_calls() == n - lost


# ------------------------------------------------- full / read-only disk

def run(*argv, check=True):
    r = subprocess.run(list(argv), capture_output=True, text=True, timeout=60)
    if check and r.returncode != 0:
        raise RuntimeError("%s: %s%s" % (" ".join(argv), r.stdout, r.stderr))
    return r


def umount(path):
    for _ in range(50):
        r = run("umount", path, check=False)
        if r.returncode == 0 or "not mounted" in r.stderr:
            return
        time.sleep(0.1)
    run("umount", "-l", path, check=False)


@pytest.fixture
def tmpfs(tmp_path):
    """A 16 MB tmpfs for the database directory, unmounted at the end
    (tests take it before `daemon`, so the daemon is gone by then)."""
    mnt = tmp_path / "dbfs"
    mnt.mkdir()
    r = run("mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "tmpfs",
            str(mnt), check=False)
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (%s): not root, or no "
                    "CAP_SYS_ADMIN" % r.stderr.strip())
    try:
        yield str(mnt)
    finally:
        umount(str(mnt))


def fill(path):
    """Writes zeros to path until the file system is full."""
    r = run("dd", "if=/dev/zero", "of=" + path, "bs=64k", check=False)
    assert "No space left" in r.stderr, r.stderr
    return os.path.getsize(path)


@sqlite_only
def test_sqlite_disk_full(tmpfs, daemon):
    """Proves: when the SQLite file's file system fills up under the
    running daemon, it logs a clear error naming the cause, keeps the
    records in the journal (on another file system), keeps running and
    receiving; once space is freed it catches up by itself, and every
    message is stored exactly once in a file that passes
    integrity_check."""
    db = mt.Database("sqlite", path=os.path.join(tmpfs, "moscdr.db"))
    d = daemon.start(db=db, opts={"log.stats_interval": 1})
    for i in range(20):
        d.send(message("full", i, pad=3000))
    wait_until(lambda: db.count_calls() == 20, WAIT, "20 calls")
    filled = fill(os.path.join(tmpfs, "fill"))
    n = 800         # 800 x 3 kB: 2.4 MB, where no byte is left
    for i in range(20, n):
        d.send(message("full", i, pad=3000))
        if i % 100 == 0:
            time.sleep(0.05)
    wait_until(lambda: last_stats(d).get("received_udp", 0) == n, WAIT,
               "%d messages received" % n)
    wait_until(lambda: last_stats(d).get("db_errors", 0) > 0, WAIT,
               "a failed commit while the disk is full")
    line = re.search(r"database unavailable: (.*)$", d.log, re.M)
    assert line and "full" in line.group(1), d.log[-3000:]
    assert d.running()
    os.unlink(os.path.join(tmpfs, "fill"))
    wait_until(lambda: db.count_calls() == n, 120,
               "all %d stored after space was freed" % n, interval=0.5)
    st = d.stop()
    print("disk full: filled %d bytes; spool_written %d, db_errors %d"
          % (filled, st["spool_written"], st["db_errors"]))
    assert st["stored"] == n and st["backlog"] == 0
    assert st["dropped_spool_full"] == 0 and st["dropped_queue_full"] == 0
    assert st["db_reconnects"] >= 1
    assert stored_numbers(db, "full") == list(range(n))
    check_consistent(db)
    assert "database available again" in d.log


@sqlite_only
def test_sqlite_read_only_filesystem(tmpfs, daemon):
    """Proves: (a) Linux refuses to remount a file system read-only while
    the daemon holds its database open for writing (EBUSY), so a
    read-only database is met at start or after the kernel itself forces
    it (see the ext4 test); (b) started on a read-only database the
    daemon still becomes ready, logs why it cannot write, keeps what it
    receives in the journal, and once the file system is writable again stores all of
    it exactly once without a restart."""
    db = mt.Database("sqlite", path=os.path.join(tmpfs, "moscdr.db"))
    d = daemon.start(db=db)
    for i in range(10):
        d.send(message("ro", i))
    wait_until(lambda: db.count_calls() == 10, WAIT, "10 calls")
    r = run("mount", "-o", "remount,ro", tmpfs, check=False)
    busy = r.returncode != 0
    if not busy:       # a kernel that allows it: put it back for (b)
        run("mount", "-o", "remount,rw", tmpfs)
    d.stop()
    assert busy, "remount,ro succeeded under an open database"

    run("mount", "-o", "remount,ro", tmpfs)
    try:
        d2 = daemon.start(db=db, opts={"log.stats_interval": 1,
                                       "spool.dir": d.spool_dir})
        for i in range(10, 200):
            d2.send(message("ro", i))
        wait_until(lambda: received(d2) == 190, WAIT, "190 received")
        assert re.search(r"database unavailable: .*(read.?only|unable to "
                         r"open)", d2.log, re.M | re.I), d2.log[-3000:]
        assert last_stats(d2)["stored"] == 0
    finally:
        run("mount", "-o", "remount,rw", tmpfs)
    wait_until(lambda: db.count_calls() == 200, 120,
               "all 200 stored once the file system is writable",
               interval=0.5)
    st = d2.stop()
    assert st["stored"] == 190 and st["backlog"] == 0
    check_messages_exact(db, "ro", 200)
    check_consistent(db)


@pytest.fixture
def ext4_image(tmp_path):
    """An 8 MB ext4 image loop-mounted with errors=remount-ro; yields
    (mountpoint, sysfs dir of the file system). Unmounted at the end."""
    img = tmp_path / "fs.img"
    mnt = tmp_path / "ext4"
    mnt.mkdir()
    with open(img, "wb") as f:
        f.truncate(8 << 20)
    if run("mkfs.ext4", "-q", "-F", str(img), check=False).returncode != 0:
        pytest.skip("mkfs.ext4 not available")
    r = run("mount", "-o", "loop,errors=remount-ro", str(img), str(mnt),
            check=False)
    if r.returncode != 0:
        pytest.skip("cannot loop-mount an ext4 image here: %s"
                    % r.stderr.strip())
    try:
        dev = None
        for line in open("/proc/mounts"):
            f = line.split()
            if f[1] == str(mnt):
                dev = os.path.basename(f[0])
        sysfs = "/sys/fs/ext4/%s" % dev
        if not os.path.exists(sysfs + "/trigger_fs_error"):
            pytest.skip("this kernel has no %s/trigger_fs_error" % sysfs)
        yield str(mnt), str(img), sysfs
    finally:
        umount(str(mnt))


@sqlite_only
def test_sqlite_filesystem_turns_read_only(ext4_image, daemon):
    """Proves: when the kernel turns the database's file system read-only
    under the running daemon (ext4 errors=remount-ro after an error, here
    forced through sysfs), the daemon logs the error, keeps every record
    in the journal and keeps running; that state only ends with an
    unmount, so the operator stops the daemon (SIGTERM: exit 0, the
    journal kept, the count logged), repairs and
    mounts the file system, starts it again, and every message is then
    stored exactly once."""
    mnt, img, sysfs = ext4_image
    db = mt.Database("sqlite", path=os.path.join(mnt, "moscdr.db"))
    d = daemon.start(db=db, opts={"log.stats_interval": 1})
    for i in range(30):
        d.send(message("erro", i))
    wait_until(lambda: db.count_calls() == 30, WAIT, "30 calls")
    # SQLite commits with synchronous=NORMAL reach the disk at the next
    # checkpoint: a file system that dies first loses them (as a power
    # cut would). Flush them so this test is about the spool path.
    os.sync()
    with open(sysfs + "/trigger_fs_error", "w") as f:
        f.write("moscdr test\n")
    for i in range(30, 300):
        d.send(message("erro", i))
    wait_until(lambda: received(d) == 300, WAIT, "300 received")
    wait_until(lambda: re.search(r"database unavailable: ", d.log), WAIT,
               "the failure logged")
    assert d.running()
    st = d.stop()
    assert st["dropped_spool_full"] == 0 and st["dropped_queue_full"] == 0
    assert re.search(r"stopped with 270 messages not in the database yet",
                     d.log), d.log[-3000:]
    umount(mnt)
    run("fsck.ext4", "-y", img, check=False)
    run("mount", "-o", "loop,errors=remount-ro", img, mnt)
    d2 = daemon.start(db=db, opts={"spool.dir": d.spool_dir})
    wait_until(lambda: db.count_calls() == 300, WAIT,
               "all 300 stored after the repair")
    st2 = d2.stop()
    assert st2["spool_replayed"] == 270 and st2["backlog"] == 0
    check_messages_exact(db, "erro", 300)
    check_consistent(db)


# ----------------------------------------------------------- evapi freeze

@sqlite_only
@pytest.mark.parametrize("where", ["between", "mid_frame"])
def test_evapi_peer_freezes(daemon, db, where):
    """Proves: an evapi peer that keeps its connection open but stops
    sending (between frames, or halfway through one) is dropped after
    idle_timeout (2 s): the log says "nothing received for 2 s", the
    daemon reconnects (evapi_reconnects grows), the half-received frame is
    discarded, never stored in part, and frames on the new connection
    land."""
    srv = EvapiServer().start()
    try:
        d = daemon.start(opts={"evapi.address": "127.0.0.1:%d" % srv.port,
                               "evapi.idle_timeout": 2,
                               "evapi.reconnect_max": 1})
        srv.wait_clients(1, timeout=WAIT)
        srv.send_frames([message("frz", 0), message("frz", 1)])
        wait_until(lambda: db.count_calls() == 2, WAIT, "two frames")
        if where == "mid_frame":
            half = message("frz-half", 0)
            srv.send_raw(b"%d:%s" % (len(half), half[:len(half) // 2]))
        # Now the peer is frozen: it holds the connection, sends nothing.
        srv.wait_clients(1, timeout=WAIT, accepted=2)
        with srv.lock:
            frozen = srv.clients[:-1]
        for c in frozen:
            srv._forget(c)
        srv.send_frames([message("frz", 2)])
        wait_until(lambda: db.count_calls() == 3, WAIT, "the frame sent "
                   "after the reconnect")
        st = d.stop()
    finally:
        srv.stop()
    assert st["evapi_reconnects"] >= 1
    assert re.search(r"evapi \S+: connection lost: nothing received for 2 s",
                     d.log), d.log
    assert stored_numbers(db, "frz") == [0, 1, 2]
    assert db.count_calls() == 3
    assert st["evapi_framing_errors"] == 0
