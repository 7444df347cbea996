"""Shared helpers of moscdr's integration tests: the daemon under test, the
databases it writes to, and the messages the tests send.

Everything here talks to the real built moscdrd over UDP on 127.0.0.1 and
reads rows back through the real database libraries (sqlite3, psycopg2).
Deadlines only keep a broken daemon from hanging the suite; no test asserts
on how long anything took.
"""

import datetime
import decimal
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TEST_DATA = os.path.join(ROOT, "tests", "data")

# Set by `make test SANITIZE=1` ("1": AddressSanitizer and UBSan) or
# `SANITIZE=thread` (tests/run-all.sh): the daemon under test is built
# with them.
SANITIZE = os.environ.get("MOSCDR_SANITIZE", "")
SANITIZED = SANITIZE not in ("", "0")


def not_sanitized(why):
    """A mark for a test the sanitizer suites skip, since there it adds
    nothing: it runs no C code, or only code that other tests of the same
    suite run too. why says which (the skip's reason)."""
    return pytest.mark.skipif(SANITIZED, reason="sanitizer suite: " + why)


def skip_sanitized(why):
    """The same, inside a test (for one of its parameters)."""
    if SANITIZED:
        pytest.skip("sanitizer suite: " + why)


READY_TIMEOUT = 10.0
STOP_TIMEOUT = 60.0

# The wire format's 56 MOS AVPs (rtpengine module modparams without "_pv").
STATS_KINDS = ("min", "max", "average")
METRICS = ("packetloss", "jitter", "roundtrip", "roundtrip_leg")


def avp_names():
    """The 56 AVP names the Kamailio 5.6 rtpengine module can fill."""
    names = []
    for sfx in ("", "_A", "_B"):
        if sfx:
            names.append("mos" + sfx + "_label")
        for k in STATS_KINDS:
            names.append("mos_%s%s" % (k, sfx))
        for k in ("min", "max"):
            names.append("mos_%s_at%s" % (k, sfx))
        for k in STATS_KINDS:
            for m in METRICS:
                names.append("mos_%s_%s%s" % (k, m, sfx))
        names.append("mos_average_samples" + sfx)
    return names


def sample_file(name):
    """Path of a sample file in tests/data/ (real captures)."""
    return os.path.join(TEST_DATA, name)


def sample_datagrams():
    """The real captured datagrams (tests/data/datagram-*.json)."""
    return [os.path.join(TEST_DATA, f) for f in sorted(os.listdir(TEST_DATA))
            if f.startswith("datagram-") and f.endswith(".json")]


def rtpengine_reply():
    with open(sample_file("rtpengine-delete-reply.json")) as f:
        return json.load(f)


def mmss(s):
    return "%d:%02d" % (s // 60, s % 60)


# Distinct values for every AVP, so that a value landing in the wrong
# column shows. Tuples: (mos, at_s, packetloss, jitter, roundtrip_us,
# roundtrip_leg_us, samples) per scope and kind.
FULL_VALUES = {
    "call": {
        "average": (3.9, None, 2, 7, 90930, 45000, 11),
        "min": (3.2, 5, 5, 12, 120500, 60100, None),
        "max": (4.3, 727, 0, 3, 40200, 20300, None),
    },
    "A": {
        "average": (4.1, None, 1, 4, 80100, 40511, 5),
        "min": (3.5, 3, 3, 8, 110200, 55000, None),
        "max": (4.4, 70, 0, 2, 30300, 15000, None),
    },
    "B": {
        "average": (3.7, None, 3, 9, 100000, 50000, 6),
        "min": (2.9, 9, 6, 15, 130000, 65000, None),
        "max": (4.2, 120, 1, 5, 50000, 25000, None),
    },
}
FULL_LABELS = {"A": "Aleg_label", "B": "Bleg_label"}
FULL_FROM_TAG = "bea85f0b"
FULL_TO_TAG = "cNgQQcg2N572N"
FULL_START = 1709294400.25      # 2024-03-01T12:00:00.250Z
FULL_END = 1709294493.75        # 93.5 s later


def full_message(call_id, with_rtpengine=True):
    """A message with all 56 AVPs as Kamailio writes them (strings), call
    fields, an unknown key, and the rtpengine query reply whose tags carry
    the same labels, from_tag and to_tag."""
    m = {
        "v": 1,
        "call_id": call_id,
        "from_tag": FULL_FROM_TAG,
        "to_tag": FULL_TO_TAG,
        "from_uri": "sip:alice@example.org",
        "to_uri": "sip:bob@example.org",
        "sip_code": 200,
        "sip_reason": "OK",
        "start_time": FULL_START,
        "end_time": "%.2f" % FULL_END,
        "x_site": "lab-1",
    }
    for scope, kinds in FULL_VALUES.items():
        sfx = "" if scope == "call" else "_" + scope
        if sfx:
            m["mos" + sfx + "_label"] = FULL_LABELS[scope]
        for kind, (mos, at, pl, jit, rt, rtl, n) in kinds.items():
            m["mos_%s%s" % (kind, sfx)] = "%.1f" % mos
            if at is not None:
                m["mos_%s_at%s" % (kind, sfx)] = mmss(at)
            m["mos_%s_packetloss%s" % (kind, sfx)] = str(pl)
            m["mos_%s_jitter%s" % (kind, sfx)] = str(jit)
            m["mos_%s_roundtrip%s" % (kind, sfx)] = str(rt)
            m["mos_%s_roundtrip_leg%s" % (kind, sfx)] = str(rtl)
            if n is not None:
                m["mos_average_samples" + sfx] = str(n)
    if with_rtpengine:
        m["rtpengine"] = rtpengine_reply()
    return m


def expected_progression():
    """{side: [(mos, reported_at, roundtrip_us, jitter, packetloss)]} from
    the rtpengine reply used by full_message()."""
    reply = rtpengine_reply()
    side_of_label = {v: k for k, v in FULL_LABELS.items()}
    out = {}
    for tag in reply["tags"].values():
        side = side_of_label[tag["label"]]
        ssrcs = {s["SSRC"] for med in tag["medias"] for s in med["streams"]}
        for ssrc in ssrcs:
            ent = reply["SSRC"][str(ssrc)]["MOS progression"]["entries"]
            out.setdefault(side, []).extend(
                (e["MOS"] / 10.0, e["reported at"], e["round-trip time"],
                 e["jitter"], e["packet loss"]) for e in ent)
    return out


def to_epoch(v):
    """A time column as unix seconds: SQLite ISO-8601 text or a PG
    timestamptz (datetime)."""
    if v is None:
        return None
    if isinstance(v, datetime.datetime):
        return v.timestamp()
    if isinstance(v, str):
        s = v.replace("Z", "+00:00")
        return datetime.datetime.fromisoformat(s).timestamp()
    raise TypeError("not a time: %r" % (v,))


def to_day(v):
    """A day column as 'YYYY-MM-DD' (SQLite text, PG date)."""
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def _norm(v):
    if isinstance(v, decimal.Decimal):
        return float(v)
    return v


def approx_row(row, expected, what=""):
    """Checks row[k] against expected[k] for each k: None must be NULL,
    numbers equal within float rounding (PG real is 4 bytes), the rest
    equal."""
    for k, want in expected.items():
        assert k in row, "%s: no column %r in %r" % (what, k, sorted(row))
        got = row[k]
        if want is None:
            assert got is None, "%s.%s: want NULL, got %r" % (what, k, got)
        elif isinstance(want, (int, float)) and not isinstance(want, bool):
            assert got is not None and not isinstance(got, str), (
                "%s.%s: want %r, got %r" % (what, k, want, got))
            assert abs(got - want) <= 1e-6 + 1e-6 * abs(want), (
                "%s.%s: want %r, got %r" % (what, k, want, got))
        else:
            assert got == want, "%s.%s: want %r, got %r" % (what, k, want,
                                                            got)


def parse_stats(line):
    """'k=v k=v ...' into a dict; integer values as int."""
    out = {}
    for tok in line.split():
        if "=" not in tok:
            continue
        k, v = tok.split("=", 1)
        try:
            out[k] = int(v)
        except ValueError:
            try:
                out[k] = float(v)
            except ValueError:
                out[k] = v
    return out


def wait_until(pred, timeout, what, interval=0.05):
    """Polls pred() until it returns a true value; fails with `what` when
    the deadline passes. The deadline only guards against hanging."""
    deadline = time.monotonic() + timeout
    while True:
        v = pred()
        if v:
            return v
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %.0f s waiting for %s"
                                 % (timeout, what))
        time.sleep(interval)


class Database:
    """One fresh database of one back end. query() opens a new connection
    each time so it sees everything committed, also after the daemon
    stopped."""

    def __init__(self, driver, path=None, conninfo=None):
        self.driver = driver
        self.path = path
        self.conninfo = conninfo

    def daemon_options(self):
        if self.driver == "sqlite":
            return {"database.driver": "sqlite", "database.path": self.path}
        return {"database.driver": "postgresql",
                "database.conninfo": self.conninfo}

    def _connect(self):
        if self.driver == "sqlite":
            return sqlite3.connect(self.path, timeout=30)
        import psycopg2
        c = psycopg2.connect(self.conninfo)
        c.autocommit = True
        return c

    def _sql(self, sql):
        # Tests write "?" placeholders; psycopg2 wants "%s".
        if self.driver == "postgresql":
            return sql.replace("%", "%%").replace("?", "%s")
        return sql

    def query(self, sql, *params):
        """Rows as tuples (Decimal -> float)."""
        c = self._connect()
        try:
            cur = c.cursor()
            cur.execute(self._sql(sql), params)
            rows = cur.fetchall()
            return [tuple(_norm(v) for v in r) for r in rows]
        finally:
            c.close()

    def query_dicts(self, sql, *params):
        c = self._connect()
        try:
            cur = c.cursor()
            cur.execute(self._sql(sql), params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, (_norm(v) for v in r)))
                    for r in cur.fetchall()]
        finally:
            c.close()

    def columns(self, relation):
        """Column names of a table or view, in order."""
        c = self._connect()
        try:
            cur = c.cursor()
            cur.execute("SELECT * FROM %s LIMIT 0" % relation)
            return [d[0] for d in cur.description]
        finally:
            c.close()

    def scalar(self, sql, *params):
        return self.query(sql, *params)[0][0]

    def exists(self):
        """True once the daemon created the schema (call table)."""
        try:
            self.query("SELECT count(*) FROM call")
            return True
        except Exception:
            return False

    def count_calls(self):
        try:
            return self.scalar("SELECT count(*) FROM call")
        except Exception:
            return -1


class Daemon:
    """One running moscdrd. send() goes over UDP from a socket of its own;
    stop() asks it to exit with SIGTERM and returns the final counters.
    listen_sockets (sockact.ListenSocket): passed to it as systemd passes
    a socket unit's sockets (LISTEN_FDS), instead of letting it bind."""

    def __init__(self, binary, db, workdir, name, overrides, extra_args=(),
                 listen_sockets=()):
        self.db = db
        self.name = name
        self.workdir = workdir
        self.spool_dir = overrides.get("spool.dir")
        self.logpath = os.path.join(workdir, name + ".log")
        conf = os.path.join(workdir, name + ".conf")
        with open(conf, "w") as f:
            f.write("# empty: built-in defaults, the test sets the rest "
                    "with -o\n")
        self.argv = [binary, "-d", "-f", conf]
        for k, v in overrides.items():
            self.argv += ["-o", "%s=%s" % (k, v)]
        self.argv += list(extra_args)
        self._logf = open(self.logpath, "wb")
        if listen_sockets:
            import sockact
            self.proc = sockact.popen(self.argv, listen_sockets,
                                      stdin=subprocess.DEVNULL,
                                      stdout=self._logf,
                                      stderr=subprocess.STDOUT)
        else:
            self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL,
                                         stdout=self._logf,
                                         stderr=subprocess.STDOUT)
        self.pid = self.proc.pid
        self.port = None
        self.sock = None
        self.source_port = None
        self.returncode = None
        self.stats = None

    @property
    def log(self):
        with open(self.logpath, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def wait_ready(self, timeout=READY_TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            text = self.log
            if re.search(r"\bready\s*$", text, re.M):
                break
            if self.proc.poll() is not None:
                raise AssertionError(
                    "moscdrd exited with %s before 'ready'; log:\n%s"
                    % (self.proc.returncode, text))
            if time.monotonic() > deadline:
                raise AssertionError(
                    "moscdrd not ready after %.0f s; log:\n%s"
                    % (timeout, text))
            time.sleep(0.02)
        m = re.search(r"listening on udp 127\.0\.0\.1:(\d+)", text)
        if m is None:
            raise AssertionError("no 'listening on udp 127.0.0.1:PORT' in "
                                 "the log:\n%s" % text)
        self.port = int(m.group(1))
        assert self.port != 0, "the log shows port 0, not the bound port"
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        # The sender's port, as the daemon's refusal log must name it.
        self.source_port = self.sock.getsockname()[1]
        return self

    def send(self, msg):
        """One datagram: bytes as they are, anything else as JSON."""
        if isinstance(msg, str):
            data = msg.encode()
        elif isinstance(msg, (bytes, bytearray)):
            data = bytes(msg)
        else:
            data = json.dumps(msg).encode()
        self.sock.sendto(data, ("127.0.0.1", self.port))

    def running(self):
        return self.proc.poll() is None

    def stop(self, expect_rc=0, sig=signal.SIGTERM):
        """SIGTERM (or sig), wait, check the exit code; returns the
        counters of the 'exiting, stats:' line."""
        if self.proc.poll() is None:
            os.kill(self.pid, sig)
        try:
            self.returncode = self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError("moscdrd did not exit within %.0f s of "
                                 "SIGTERM; log:\n%s" % (STOP_TIMEOUT, self.log))
        self._close()
        text = self.log
        assert self.returncode == expect_rc, (
            "moscdrd exited with %s; log:\n%s" % (self.returncode, text))
        lines = re.findall(r"exiting, stats: (.*)$", text, re.M)
        assert lines, "no 'exiting, stats:' line; log:\n%s" % text
        self.stats = parse_stats(lines[-1])
        return self.stats

    def kill(self):
        """SIGKILL (by pid), then reap."""
        if self.proc.poll() is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
        self._close()

    def _close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        if not self._logf.closed:
            self._logf.close()

    def query(self, sql, *params):
        return self.db.query(sql, *params)

    def spool_files(self):
        if not self.spool_dir or not os.path.isdir(self.spool_dir):
            return []
        return sorted(os.listdir(self.spool_dir))
