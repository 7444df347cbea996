#!/usr/bin/python3
"""A stand-in for Kamailio's evapi module, for moscdr's tests.

Like evapi it is the TCP server: it listens on 127.0.0.1 (a free port unless
one is given), accepts any number of clients and writes netstring frames
"<len>:<payload>," to every connected client, by default one write() per
frame as evapi does. Other ways of writing, to exercise the client:

  each      one write per frame (what Kamailio does)
  bytewise  every byte in its own write (TCP_NODELAY, a short pause between)
  batch     all frames of one call in a single write
  raw       the bytes as given, no framing (garbage, a bare length header)

It can also drop every client (close), stop listening and come back on the
same port (restart), or accept and never write (silent: just do nothing).

From Python:
    srv = EvapiServer(); srv.start()
    srv.wait_clients(1)
    srv.send_frames([b'{"call_id":"x"}'], mode="each")
    srv.close_clients(); srv.stop()

From the command line (sends N generated messages to each client that
connects, then keeps serving until interrupted):
    evapi_server.py [--port P] [--mode each|bytewise|batch] [--count N]
                    [--interval S] [--garbage] [--huge] [--flap S]
"""

import argparse
import json
import socket
import sys
import threading
import time


def netstring(payload):
    """One frame as evapi writes it: decimal length, ':', payload, ','."""
    if isinstance(payload, str):
        payload = payload.encode()
    return b"%d:%s," % (len(payload), payload)


class EvapiServer:
    """A listening socket and the clients accepted on it. Thread-safe: the
    accept loop runs in a thread of its own; send/close from any thread."""

    def __init__(self, host="127.0.0.1", port=0):
        self.host = host
        self.port = port
        self.lsock = None
        self.clients = []
        self.accepted = 0       # clients accepted since creation
        self.lock = threading.Condition()
        self.thread = None
        self.running = False

    def start(self):
        """Listens (on the same port again after stop()) and accepts in a
        background thread. Returns self."""
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((self.host, self.port))
        s.listen(16)
        s.settimeout(0.1)
        self.port = s.getsockname()[1]
        self.lsock = s
        self.running = True
        self.thread = threading.Thread(target=self._accept_loop, daemon=True)
        self.thread.start()
        return self

    def _accept_loop(self):
        while self.running:
            try:
                c, _ = self.lsock.accept()
            except socket.timeout:
                continue
            except OSError:
                break
            c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            c.settimeout(10)
            with self.lock:
                self.clients.append(c)
                self.accepted += 1
                self.lock.notify_all()

    def wait_clients(self, n=1, timeout=15.0, accepted=None):
        """Waits until n clients are connected (or, with accepted=k, until
        k clients have been accepted in total). Raises on timeout."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                if accepted is not None:
                    if self.accepted >= accepted:
                        return
                elif len(self.clients) >= n:
                    return
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        "evapi server: %s clients after %.0f s (accepted "
                        "%d)" % (len(self.clients), timeout, self.accepted))
                self.lock.wait(left)

    def _targets(self):
        with self.lock:
            return list(self.clients)

    def send_bytes(self, data, mode="each"):
        """Writes data to every client: in one write, or (bytewise) one
        byte per write with a short pause so the reads split too."""
        for c in self._targets():
            try:
                if mode == "bytewise":
                    for i in range(len(data)):
                        c.sendall(data[i:i + 1])
                        time.sleep(0.0005)
                else:
                    c.sendall(data)
            except OSError:
                self._forget(c)

    def send_frames(self, payloads, mode="each"):
        """Frames each payload (bytes, str, or anything JSON) and writes
        them as mode says: each / bytewise / batch."""
        frames = [netstring(p if isinstance(p, (bytes, str))
                            else json.dumps(p)) for p in payloads]
        if mode == "batch":
            self.send_bytes(b"".join(frames))
        elif mode == "bytewise":
            self.send_bytes(b"".join(frames), mode="bytewise")
        elif mode == "each":
            for f in frames:
                self.send_bytes(f)
        else:
            raise ValueError("unknown mode %r" % mode)

    def send_raw(self, data):
        """Bytes exactly as given (garbage, a bare '10485760:' header)."""
        self.send_bytes(data if isinstance(data, bytes) else data.encode())

    def _forget(self, c):
        with self.lock:
            if c in self.clients:
                self.clients.remove(c)
        try:
            c.close()
        except OSError:
            pass

    def client_closed(self, timeout=15.0):
        """Waits until every client has hung up on us (we read EOF or an
        error); returns True, or False on timeout. Used to see that the
        daemon dropped a connection after a framing error."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            alive = []
            for c in self._targets():
                try:
                    c.setblocking(False)
                    d = c.recv(4096)
                    if d == b"":
                        self._forget(c)
                        continue
                except BlockingIOError:
                    pass
                except OSError:
                    self._forget(c)
                    continue
                finally:
                    try:
                        c.settimeout(10)
                    except OSError:
                        pass
                alive.append(c)
            if not alive:
                return True
            time.sleep(0.05)
        return False

    def close_clients(self):
        """Closes every client connection (Kamailio restarting, or a
        network cut seen as a FIN)."""
        for c in self._targets():
            self._forget(c)

    def stop(self):
        """Stops listening and closes every client; start() listens again
        on the same port."""
        self.running = False
        if self.lsock is not None:
            self.lsock.close()
            self.lsock = None
        if self.thread is not None:
            self.thread.join(5)
            self.thread = None
        self.close_clients()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def sample_message(i):
    """A small wire-format v1 message with a distinct call_id."""
    return {"v": 1, "call_id": "evapi-cli-%d@test" % i,
            "from_tag": "ft%d" % i, "to_tag": "tt%d" % i,
            "mos_average": "4.1", "mos_min": "3.8", "mos_max": "4.3",
            "start_time": time.time() - 60, "end_time": time.time()}


def main(argv=None):
    ap = argparse.ArgumentParser(description="A test evapi server.")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--mode", choices=("each", "bytewise", "batch"),
                    default="each")
    ap.add_argument("--count", type=int, default=10,
                    help="messages sent to each client that connects")
    ap.add_argument("--interval", type=float, default=0.0,
                    help="seconds between messages")
    ap.add_argument("--garbage", action="store_true",
                    help="after the messages, send a malformed frame")
    ap.add_argument("--huge", action="store_true",
                    help="after the messages, send '10485760:' and no more")
    ap.add_argument("--flap", type=float, default=0.0,
                    help="drop all clients every S seconds")
    args = ap.parse_args(argv)

    srv = EvapiServer(port=args.port).start()
    print("evapi server listening on 127.0.0.1:%d" % srv.port, flush=True)
    served = 0
    n = 0
    last_flap = time.monotonic()
    try:
        while True:
            if srv.accepted > served:
                served = srv.accepted
                print("client connected (%d so far)" % served, flush=True)
                for _ in range(args.count):
                    srv.send_frames([sample_message(n)], mode=args.mode)
                    n += 1
                    if args.interval:
                        time.sleep(args.interval)
                if args.garbage:
                    srv.send_raw(b"12:not a frame")
                    srv.send_raw(b"XX")
                if args.huge:
                    srv.send_raw(b"10485760:")
            if args.flap and time.monotonic() - last_flap >= args.flap:
                srv.close_clients()
                last_flap = time.monotonic()
                print("dropped all clients", flush=True)
            time.sleep(0.05)
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
