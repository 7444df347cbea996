"""The "did it commit?" path: the connection breaks while a batch's
COMMIT is on its way, so moscdrd cannot know from the connection whether
the batch committed (store_pg.c, pg_resolve: it reconnects and reads its
own row in moscdr_writer, written by the same transaction).

moscdrd talks to PostgreSQL through a small TCP proxy that reads the
client's protocol messages. Of the batch commits (the simple query that
writes moscdr_writer and COMMITs), some are forwarded and the connection
is cut before the server's answer comes back (committed, answer lost:
writing the batch again would count its messages twice), others are cut
before being forwarded (not committed: the batch must be written again).
Every call gets two messages in different batches; at the end every call
is stored once with messages = 2 and its samples, nothing more.
"""

import re
import socket
import struct
import threading
import time

import moscdr_test as mt
from conftest import DaemonFactory
from moscdr_test import wait_until


class CommitCutter:
    """Listens on 127.0.0.1; each connection is relayed to the server.
    The n-th batch commit (n counted over all connections) is handled by
    plan(n): "after" forwards it, waits for the server to run it, and
    closes both sides without relaying the answer; "before" closes both
    sides without forwarding it; None relays it."""

    def __init__(self, port, plan):
        self.target = ("127.0.0.1", port)
        self.plan = plan
        self.commits = 0
        self.cut = {"after": 0, "before": 0}
        self.lock = threading.Lock()
        self.ls = socket.socket()
        self.ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.ls.bind(("127.0.0.1", 0))
        self.ls.listen(16)
        self.port = self.ls.getsockname()[1]
        self.halt = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self):
        self.halt = True
        self.ls.close()

    def _accept(self):
        while not self.halt:
            try:
                c, _ = self.ls.accept()
            except OSError:
                return
            s = socket.create_connection(self.target)
            mute = threading.Event()    # the server's answers are dropped
            threading.Thread(target=self._down, args=(s, c, mute),
                             daemon=True).start()
            threading.Thread(target=self._up, args=(c, s, mute),
                             daemon=True).start()

    @staticmethod
    def _down(s, c, mute):
        try:
            while True:
                b = s.recv(65536)
                if not b:
                    break
                if not mute.is_set():
                    c.sendall(b)
        except OSError:
            pass
        for x in (c, s):
            try:
                x.close()
            except OSError:
                pass

    def _up(self, c, s, mute):
        buf = b""
        started = False
        try:
            while True:
                b = c.recv(65536)
                if not b:
                    break
                buf += b
                out = b""
                while True:
                    if not started:
                        # Startup message (or SSLRequest): length first.
                        if len(buf) < 4:
                            break
                        n = struct.unpack("!I", buf[:4])[0]
                        if len(buf) < n:
                            break
                        msg, buf = buf[:n], buf[n:]
                        code = struct.unpack("!I", msg[4:8])[0] \
                            if n >= 8 else 0
                        if code not in (80877103, 80877104):  # SSL, GSS
                            started = True
                        out += msg
                        continue
                    if len(buf) < 5:
                        break
                    n = struct.unpack("!I", buf[1:5])[0]
                    if len(buf) < 1 + n:
                        break
                    msg, buf = buf[:1 + n], buf[1 + n:]
                    if msg[:1] == b"Q" and b"moscdr_writer" in msg and \
                            b"COMMIT" in msg:
                        with self.lock:
                            self.commits += 1
                            what = self.plan(self.commits)
                        if what == "before":
                            s.sendall(out)
                            with self.lock:
                                self.cut["before"] += 1
                            raise ConnectionAbortedError
                        if what == "after":
                            s.sendall(out)
                            time.sleep(0.1)     # earlier answers relayed
                            mute.set()
                            s.sendall(msg)
                            # The server reads the whole query before it
                            # could notice the close: it runs and commits.
                            time.sleep(0.3)
                            with self.lock:
                                self.cut["after"] += 1
                            raise ConnectionAbortedError
                    out += msg
                if out:
                    s.sendall(out)
        except OSError:
            pass
        for x in (c, s):
            try:
                x.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                x.close()
            except OSError:
                pass


def test_commit_answer_lost_exactly_once(moscdrd, pg_db, tmp_path):
    port = int(re.search(r"port=(\d+)", pg_db.conninfo).group(1))
    dbname = re.search(r"dbname=(\S+)", pg_db.conninfo).group(1)
    user = re.search(r"user=(\S+)", pg_db.conninfo)
    # Commits 3 to 6: after, before, after, before
    # (after each cut the writer backs off, so commits are few).
    plan = {3: "after", 4: "before", 5: "after", 6: "before"}
    cutter = CommitCutter(port, plan.get)
    ci = "host=127.0.0.1 port=%d dbname=%s sslmode=disable%s" % (
        cutter.port, dbname, " user=" + user.group(1) if user else "")
    db = mt.Database("postgresql", conninfo=ci)
    f = DaemonFactory(moscdrd, db, str(tmp_path))
    calls = 600
    try:
        d = f.start(database__flush_interval=20)
        lag = 40
        for k in range(calls + lag):
            if k < calls:
                d.send({"call_id": "cl-%05d" % k, "mos_average": "4.1"})
            if k >= lag:
                d.send({"call_id": "cl-%05d" % (k - lag), "sip_code": "200",
                        "mos_min": "3.2"})
            time.sleep(0.005)
        wait_until(lambda: pg_db.scalar(
            "SELECT count(*) FROM call WHERE messages >= 2") >= calls,
            120, "every call merged twice")
        stats = d.stop()
        log = d.log
    finally:
        f.cleanup()
        cutter.close()
    assert cutter.cut["after"] >= 2 and cutter.cut["before"] >= 2, \
        (cutter.commits, cutter.cut)
    rows = pg_db.query("SELECT call_id, messages, sip_code FROM call"
                       " ORDER BY call_id")
    assert [r[0] for r in rows] == ["cl-%05d" % k for k in range(calls)]
    assert {r[1] for r in rows} == {2}, [r for r in rows if r[1] != 2][:5]
    assert {r[2] for r in rows} == {200}
    assert pg_db.scalar("SELECT count(*) FROM mos_sample") == 2 * calls
    assert stats["backlog"] == 0
    # The committed-but-unanswered batches were found committed.
    assert len(re.findall(r"batch \d+ did commit", log)) >= \
        cutter.cut["after"], log[-3000:]
    print("commit lost: %d batch commits, cut after forwarding %d, before "
          "%d; every call once with messages = 2" % (
              cutter.commits, cutter.cut["after"], cutter.cut["before"]))
