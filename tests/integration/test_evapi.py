"""Integration tests of the evapi transport: the real moscdrd connects as a
client to a stand-in evapi server (evapi_server.py) on 127.0.0.1, which
writes netstring frames the way Kamailio does and misbehaves on request;
rows are read back from the SQLite database the daemon writes.

The transport does not depend on the database back end, so these tests run
on SQLite only (the `backend` fixture below overrides conftest's).
"""

import os
import re
import signal

import pytest

import moscdr_test as mt
from evapi_server import EvapiServer

WAIT = 20.0     # only keeps a broken daemon from hanging the suite


@pytest.fixture
def backend():
    return "sqlite"


@pytest.fixture
def server():
    srv = EvapiServer().start()
    try:
        yield srv
    finally:
        srv.stop()


def start(daemon, srv, **opts):
    o = {"evapi.address": "127.0.0.1:%d" % srv.port,
         "evapi.reconnect_max": 2}
    o.update(opts)
    d = daemon.start(opts=o)
    srv.wait_clients(1, timeout=WAIT)
    return d


def msg(call_id, mos="4.1"):
    return {"v": 1, "call_id": call_id, "from_tag": "ft-" + call_id,
            "mos_average": mos, "mos_min": "3.8", "mos_max": "4.3"}


def calls(d):
    return dict(d.query("SELECT call_id, messages FROM call"))


def wait_calls(d, ids, what=None):
    ids = set(ids)
    return mt.wait_until(lambda: ids <= set(calls(d)), WAIT,
                         what or "calls %s in the database" % sorted(ids))


def proc_status(pid, key):
    """A kB figure of /proc/PID/status (VmRSS, VmHWM, VmPeak)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise AssertionError("no %s in /proc/%d/status" % (key, pid))


def test_frames_land(daemon, server):
    """Proves: frames written one per write() (as evapi does) are stored,
    counted as evapi frames, and the connection is logged."""
    d = start(daemon, server)
    ids = ["evapi-land-%d@h" % i for i in range(3)]
    server.send_frames([msg(i) for i in ids], mode="each")
    wait_calls(d, ids)
    st = d.stop()
    assert calls(d) == {i: 1 for i in ids}
    assert st["evapi_frames"] == 3
    assert st["received_evapi"] == 3
    assert st["evapi_framing_errors"] == 0
    assert re.search(r"evapi \S+: connected to 127\.0\.0\.1:%d$"
                     % server.port, d.log, re.M), d.log


def test_many_frames_in_one_write(daemon, server):
    """Proves: 200 frames arriving in a single write() (Kamailio under
    load, or TCP coalescing) are each stored."""
    d = start(daemon, server)
    ids = ["evapi-batch-%d@h" % i for i in range(200)]
    server.send_frames([msg(i) for i in ids], mode="batch")
    wait_calls(d, ids)
    st = d.stop()
    assert len(calls(d)) == 200
    assert st["evapi_frames"] == 200


def test_bytewise_frames(daemon, server):
    """Proves: frames whose bytes arrive one write() at a time (so split
    at every offset across reads) are reassembled and stored."""
    d = start(daemon, server)
    ids = ["evapi-bytes-%d@h" % i for i in range(2)]
    server.send_frames([msg(i) for i in ids], mode="bytewise")
    wait_calls(d, ids)
    st = d.stop()
    assert set(calls(d)) == set(ids)
    assert st["evapi_frames"] == 2
    assert st["evapi_framing_errors"] == 0


def test_reconnects_after_server_restart(daemon, server):
    """Proves: when Kamailio's evapi goes away and comes back on the same
    port, the daemon logs the loss, reconnects by itself and keeps
    storing; evapi_reconnects counts it."""
    d = start(daemon, server)
    server.send_frames([msg("evapi-before@h")])
    wait_calls(d, ["evapi-before@h"])
    server.stop()
    mt.wait_until(lambda: "connection lost" in d.log, WAIT,
                  "a 'connection lost' log line")
    server.start()              # same port
    server.wait_clients(1, timeout=WAIT, accepted=2)
    server.send_frames([msg("evapi-after@h")])
    wait_calls(d, ["evapi-after@h"])
    st = d.stop()
    assert set(calls(d)) == {"evapi-before@h", "evapi-after@h"}
    assert st["evapi_reconnects"] >= 1
    assert st["evapi_framing_errors"] == 0
    assert len(re.findall(r"connected to 127\.0\.0\.1:%d$" % server.port,
                          d.log, re.M)) >= 2


def test_garbage_frame_reconnects(daemon, server):
    """Proves: a malformed frame is counted as a framing error, the
    daemon drops that connection (a netstring stream cannot resync) and
    reconnects, and frames sent afterwards still land."""
    d = start(daemon, server)
    server.send_frames([msg("evapi-good1@h")])
    wait_calls(d, ["evapi-good1@h"])
    server.send_raw(b"12:not a frame")      # 11 bytes of payload...
    server.send_raw(b"XX")                  # ...then no ','
    assert server.client_closed(WAIT), "the daemon kept the connection"
    server.wait_clients(1, timeout=WAIT, accepted=2)
    server.send_frames([msg("evapi-good2@h")])
    wait_calls(d, ["evapi-good2@h"])
    st = d.stop()
    assert set(calls(d)) == {"evapi-good1@h", "evapi-good2@h"}
    assert st["evapi_framing_errors"] == 1
    assert st["evapi_frames"] == 2
    assert "framing error: no ',' after the payload" in d.log


def test_huge_length_header_refused(daemon, server):
    """Proves: a frame announcing 10 MB (> max_frame) is refused from its
    length digits alone: the daemon's peak virtual size and peak resident
    size do not grow by anything near 10 MB, it counts a framing error,
    reconnects, and the next frames land."""
    d = start(daemon, server)
    # A first stored message makes every thread allocate its arenas, so
    # the peaks below compare like with like.
    server.send_frames([msg("evapi-pre@h")])
    wait_calls(d, ["evapi-pre@h"])
    peak_before = proc_status(d.pid, "VmPeak")
    hwm_before = proc_status(d.pid, "VmHWM")
    server.send_raw(b"10485760:")
    assert server.client_closed(WAIT), "the daemon kept the connection"
    server.wait_clients(1, timeout=WAIT, accepted=2)
    server.send_frames([msg("evapi-post@h")])
    wait_calls(d, ["evapi-post@h"])
    peak_after = proc_status(d.pid, "VmPeak")
    hwm_after = proc_status(d.pid, "VmHWM")
    rss = proc_status(d.pid, "VmRSS")
    st = d.stop()
    assert peak_after - peak_before < 4096, (peak_before, peak_after)
    assert hwm_after - hwm_before < 4096, (hwm_before, hwm_after)
    assert rss < 64 * 1024, "VmRSS %d kB" % rss
    assert st["evapi_framing_errors"] == 1
    assert "length over max_frame 65535" in d.log
    assert set(calls(d)) == {"evapi-pre@h", "evapi-post@h"}


def test_same_call_over_evapi_and_udp_stored_once(daemon, server):
    """Proves: the same call arriving over evapi and over UDP (a Lua
    script that sends on both) is one call row with messages = 2."""
    d = start(daemon, server)
    m = msg("evapi-both@h")
    server.send_frames([m])
    wait_calls(d, ["evapi-both@h"])
    d.send(m)
    mt.wait_until(lambda: calls(d).get("evapi-both@h") == 2, WAIT,
                  "the UDP copy merged into the call")
    st = d.stop()
    assert d.query("SELECT count(*) FROM call") == [(1,)]
    assert calls(d) == {"evapi-both@h": 2}
    assert st["received_evapi"] == 1
    assert st["received_udp"] == 1


def test_silent_server_idle_timeout(daemon, server):
    """Proves: with idle_timeout set, a server that accepts and never
    writes is dropped and reconnected (the log says why), and a frame
    sent on the new connection lands."""
    d = start(daemon, server, **{"evapi.idle_timeout": 1})
    server.wait_clients(1, timeout=WAIT, accepted=2)
    assert re.search(r"connection lost: nothing received for 1 s", d.log), \
        d.log
    server.close_clients()
    server.wait_clients(1, timeout=WAIT, accepted=3)
    server.send_frames([msg("evapi-idle@h")])
    wait_calls(d, ["evapi-idle@h"])
    st = d.stop()
    assert st["evapi_reconnects"] >= 2


def test_unreachable_logged_once(daemon):
    """Proves: an evapi server that is not there does not keep the daemon
    from starting or from storing UDP messages, and repeated failed
    attempts give one warning when it goes down and one 'still
    unreachable', not one per retry; once the server appears the daemon
    connects."""
    srv = EvapiServer().start()
    port = srv.port
    srv.stop()              # nothing listens on that port now
    d = daemon.start(opts={"evapi.address": "127.0.0.1:%d" % port,
                           "evapi.reconnect_max": 1}, extra_args=["-v"])
    d.send(msg("udp-meanwhile@h"))
    wait_calls(d, ["udp-meanwhile@h"])
    attempt = r"debug: evapi \S+: connecting to 127\.0\.0\.1:%d$" % port
    mt.wait_until(lambda: len(re.findall(attempt, d.log, re.M)) >= 4, WAIT,
                  "four connection attempts")
    srv = EvapiServer(port=port).start()
    try:
        srv.wait_clients(1, timeout=WAIT)
        mt.wait_until(lambda: "connected to 127.0.0.1:%d" % port in d.log,
                      WAIT, "the 'connected' line")
        st = d.stop()
    finally:
        srv.stop()
    warnings = re.findall(r"warning: evapi .*$", d.log, re.M)
    assert len([w for w in warnings if "cannot connect" in w]) == 1, d.log
    assert len([w for w in warnings if "still unreachable" in w]) == 1, d.log
    assert len(warnings) == 2, d.log
    assert st["evapi_reconnects"] == 0      # a first connection


def test_frames_sent_before_sigterm_are_stored(daemon, server):
    """Proves: frames Kamailio wrote before moscdrd got SIGTERM are stored
    on the way out. The daemon is frozen (SIGSTOP) while the frames are
    written, so they wait in its socket buffer when SIGTERM arrives."""
    d = start(daemon, server)
    ids = ["evapi-late-%d@h" % i for i in range(50)]
    os.kill(d.pid, signal.SIGSTOP)
    try:
        server.send_frames([msg(i) for i in ids], mode="each")
        os.kill(d.pid, signal.SIGTERM)
    finally:
        os.kill(d.pid, signal.SIGCONT)
    d.proc.wait(timeout=WAIT)
    st = d.stop()
    assert st["evapi_frames"] == 50
    assert set(calls(d)) == set(ids)
