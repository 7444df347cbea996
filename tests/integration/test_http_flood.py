"""/health and /metrics stay reachable while the HTTP endpoint is flooded.

500 idle connections (reopened as the server times them out, so the
flood lasts), sixteen clients that trickle a request header one byte
every 3 s (under the 5 s idle timeout, so it never closes them: the
slow-header attack that blocked /health for 40 s with the former limit
of 16 connections), one that sends a byte a second and one that sends a
byte every 8 s hold the endpoint while a monitoring probe asks for
/health twenty times: every probe is answered. The idle connections are
all accepted (none reset at the door) and the slowest client is closed
by the server. No assertion on time beyond a generous timeout per probe.
"""

import http.client
import re
import socket
import threading
import time

import pytest

import moscdr_test as mt

IDLE = 500
SLOW_HEADERS = 16
PROBES = 20
PROBE_TIMEOUT = 15


def http_address(d):
    m = mt.wait_until(lambda: re.search(
        r"metrics on http://(127\.0\.0\.1):(\d+)/metrics", d.log), 10,
        "the 'metrics on' log line")
    return m.group(1), int(m.group(2))


def connect(addr):
    s = socket.create_connection(addr, timeout=5)
    s.setblocking(False)    # is_open() must not wait
    return s


def is_open(s):
    """True while the server has neither closed nor reset s."""
    try:
        return s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


class Trickler(threading.Thread):
    """Sends a request header one byte every `every` seconds until the
    server closes the connection or stop is set."""

    HEADER = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200

    def __init__(self, addr, every, stop):
        super().__init__(daemon=True)
        self.sock = connect(addr)
        self.every = every
        self.stop = stop
        self.sent = 0
        self.closed_by_server = threading.Event()

    def run(self):
        for b in self.HEADER:
            if self.stop.wait(self.every):
                break
            if not is_open(self.sock):
                self.closed_by_server.set()
                break
            try:
                self.sock.send(bytes([b]))
                self.sent += 1
            except OSError:
                self.closed_by_server.set()
                break
        self.sock.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_health_answers_while_flooded(daemon):
    d = daemon.start({"metrics.listen": "127.0.0.1:0"})
    addr = http_address(d)
    stop = threading.Event()
    idle = [connect(addr) for _ in range(IDLE)]
    slow = Trickler(addr, 1.0, stop)
    slowest = Trickler(addr, 8.0, stop)
    headers = [Trickler(addr, 3.0, stop) for _ in range(SLOW_HEADERS)]
    reopened = [0]
    lock = threading.Lock()

    def keep_flooding():
        while not stop.wait(0.2):
            with lock:
                for i, s in enumerate(idle):
                    if not is_open(s):
                        s.close()
                        try:
                            idle[i] = connect(addr)
                            reopened[0] += 1
                        except OSError:
                            pass

    try:
        # Accepted, not reset: the server holds all of them.
        time.sleep(0.5)
        with lock:
            held = sum(1 for s in idle if is_open(s))
        assert held == IDLE, "%d of %d idle connections reset" % (
            IDLE - held, IDLE)
        slow.start()
        slowest.start()
        for t in headers:
            t.start()
        flooder = threading.Thread(target=keep_flooding, daemon=True)
        flooder.start()
        answered = []
        failures = []
        for i in range(PROBES):
            c = http.client.HTTPConnection(*addr, timeout=PROBE_TIMEOUT)
            try:
                c.request("GET", "/health")
                r = c.getresponse()
                r.read()
                answered.append(r.status)
            except (OSError, http.client.HTTPException) as e:
                failures.append("probe %d: %r" % (i, e))
            finally:
                c.close()
            time.sleep(0.5)
        mt.wait_until(slowest.closed_by_server.is_set, 60,
                      "the server to close the client that sends a byte "
                      "every 8 s")
        slow_alive = slow.is_alive() and not slow.closed_by_server.is_set()
        trickling = sum(1 for t in headers if t.is_alive() and
                        not t.closed_by_server.is_set())
    finally:
        stop.set()
        with lock:
            for s in idle:
                s.close()
    print("flood: %d idle connections held (%d reopened after the server "
          "timed them out), %d of %d probes answered (%s), slow client "
          "still open: %s, %d of %d slow-header clients still trickling at "
          "the end" % (held, reopened[0], len(answered), PROBES,
                       sorted(set(answered)), slow_alive, trickling,
                       SLOW_HEADERS))
    assert not failures, "%d of %d probes unanswered: %s" % (
        len(failures), PROBES, failures)
    assert answered == [200] * PROBES, answered
    d.stop()
