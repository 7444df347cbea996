"""Socket activation: moscdrd takes the UDP socket systemd passes
(LISTEN_FDS/LISTEN_PID), here held by the test (sockact.py) as a
moscdrd.socket unit holds it.

- A restart (SIGTERM, start again) in the middle of 2,000 msg/s on the
  same socket loses nothing: what is sent while no moscdrd runs waits in
  the socket and the next process stores it; every message is one call
  with messages = 1, none twice.
- A passed socket whose address is not in udp.listen is refused with a
  message naming it, and moscdrd does not start.
- udp.rcvbuf is applied to the passed socket as to one moscdrd binds.
"""

import json
import os
import socket
import threading
import time

import pytest

import moscdr_test as mt
import sockact

RATE = 2000                 # messages per second
BEFORE = 3000               # sent before the restart begins
GAP = 400                   # sent while no moscdrd runs, at least
AFTER = 2000                # sent once the second process is ready
RCVBUF = 8 << 20


def message(i):
    return json.dumps({
        "v": 1, "call_id": "sa-%06d@test" % i, "from_tag": "ft%d" % i,
        "mos_average": "4.1", "mos_min": "3.9", "mos_max": "4.3"}).encode()


class Sender(threading.Thread):
    """Sends numbered messages to addr at RATE until told to stop after a
    given count; sent is the number handed to the kernel."""

    def __init__(self, addr):
        super().__init__(daemon=True)
        self.addr = addr
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sent = 0
        self.limit = None
        self.errors = 0
        self.done = threading.Event()

    def run(self):
        start = time.monotonic()
        while self.limit is None or self.sent < self.limit:
            due = start + self.sent / RATE
            now = time.monotonic()
            if due > now:
                time.sleep(due - now)
            try:
                self.sock.sendto(message(self.sent), self.addr)
                self.sent += 1
            except OSError:
                self.errors += 1
        self.sock.close()
        self.done.set()

    def wait_sent(self, n, what):
        mt.wait_until(lambda: self.sent >= n, 60, what)


def test_restart_on_passed_socket_loses_nothing(daemon, db, tmp_path):
    ls = sockact.ListenSocket(rcvbuf=RCVBUF)
    spool = str(tmp_path / "spool")
    opts = {"udp.rcvbuf": RCVBUF, "spool.dir": spool}
    try:
        d1 = daemon.start(opts, listen_sockets=[ls])
        assert "socket passed by systemd" in d1.log
        assert d1.port == ls.port
        s = Sender(("127.0.0.1", ls.port))
        s.start()
        s.wait_sent(BEFORE, "the first messages sent")
        st1 = d1.stop()
        # No moscdrd holds the socket now; what is sent waits in it.
        at_exit = s.sent
        s.wait_sent(at_exit + GAP, "messages sent while moscdrd is away")
        waiting = ls.pending()
        d2 = daemon.start(opts, listen_sockets=[ls])
        ready_at = s.sent
        s.limit = ready_at + AFTER
        assert s.done.wait(60), "sender did not finish"
        sent = s.sent
        assert s.errors == 0, "%d sends failed" % s.errors
        mt.wait_until(lambda: db.count_calls() >= sent, 60,
                      "%d calls stored" % sent)
        st2 = d2.stop()
    finally:
        ls.close()
    assert waiting > 0, "nothing waited in the socket during the restart"
    assert st1["received_udp"] + st2["received_udp"] == sent, (st1, st2)
    assert st1["stored"] + st2["stored"] == sent, (st1, st2)
    calls, distinct, messages = db.query(
        "SELECT count(*), count(DISTINCT call_id), sum(messages) "
        "FROM call")[0]
    assert (calls, distinct, messages) == (sent, sent, sent), (
        "sent %d (%d before the stop, %d while away, %d after); stored "
        "%d calls, %d distinct, messages %d"
        % (sent, at_exit, ready_at - at_exit, sent - ready_at, calls,
           distinct, messages))
    print("restart on a passed socket: sent %d (%d before the stop, %d "
          "while no moscdrd ran, %d after), stored %d, messages %d"
          % (sent, at_exit, ready_at - at_exit, sent - ready_at, calls,
             messages))
    # Both processes did part of the work.
    assert st1["stored"] >= BEFORE and st2["stored"] >= GAP + AFTER


def _wait_exit(d):
    try:
        return d.proc.wait(timeout=mt.READY_TIMEOUT)
    except Exception:
        raise AssertionError("moscdrd still running; log:\n%s" % d.log)


@pytest.mark.parametrize("kind", ["udp", "tcp"])
def test_passed_socket_not_configured_is_refused(daemon, kind):
    ls = sockact.ListenSocket(kind=socket.SOCK_DGRAM if kind == "udp"
                              else socket.SOCK_STREAM)
    # The configured address: a free port, not the passed socket's.
    other = sockact.ListenSocket()
    configured = other.address
    other.close()
    try:
        d = daemon.start({"udp.listen": configured}, wait_ready=False,
                         listen_sockets=[ls])
        rc = _wait_exit(d)
        log = d.log
    finally:
        ls.close()
    assert rc != 0, log
    assert "matches no udp.listen address" in log, log
    assert "%s 127.0.0.1:%d" % (kind, ls.port) in log, log
    assert "ready" not in log.split(), log


def test_passed_socket_gets_the_receive_buffer(daemon):
    want = 1 << 20          # under net.core.rmem_max: no privilege needed
    ls = sockact.ListenSocket(rcvbuf=64 << 10)
    try:
        before = ls.rcvbuf()
        d = daemon.start({"udp.rcvbuf": want}, listen_sockets=[ls])
        after = ls.rcvbuf()
        d.send(message(1))
        mt.wait_until(lambda: d.db.count_calls() == 1, 30, "the call")
        d.stop()
    finally:
        ls.close()
    assert before < 2 * want
    # The kernel reports twice the size set, on the socket the test holds.
    assert after == 2 * want, (before, after)
    assert "socket passed by systemd, receive buffer %d bytes" % after \
        in d.log, d.log
