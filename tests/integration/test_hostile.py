"""Integration tests of moscdrd against hostile input: datagrams of every
size, cut and malformed JSON, deep nesting, extreme numbers, invalid UTF-8,
NUL bytes, SQL metacharacters, call-ids at and over their limit, evapi
length headers announcing gigabytes, and a flood well above what the
database can take.

What they prove together: nothing a sender can put on the wire crashes the
daemon, makes it allocate what the sender announces, or alters a stored
value; every refusal is counted under its own reason; every accepted
message is stored exactly once, byte for byte.

Each case is interleaved with good messages and checked against the final
counters of the 'exiting, stats:' line. Deadlines only keep a broken
daemon from hanging the suite; no test asserts on time.
"""

import json
import os
import re
import socket
import threading
import time

import pytest

import moscdr_test as mt
from evapi_server import EvapiServer, netstring
from moscdr_test import wait_until

WAIT = 60.0             # only keeps a broken daemon from hanging the suite
UDP_IPV4_MAX = 65507    # 65535 - 20 (IPv4 header) - 8 (UDP header)
MESSAGE_MAX = 65535     # src/limits.h
CALL_ID_LEN_MAX = 1024  # src/limits.h
JSON_DEPTH_MAX = 16     # src/limits.h
REASONS = ("empty", "too_large", "bad_utf8", "too_deep", "not_json",
           "not_object", "bad_call_id", "bad_type", "bad_value",
           "bad_version")

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def good(call_id, **kw):
    m = {"v": 1, "call_id": call_id, "mos_average": "4.1"}
    m.update(kw)
    return json.dumps(m).encode()


def raw_json(**kw):
    """JSON text of kw, bytes as they are: ensure_ascii off so that a
    test's UTF-8 goes on the wire as UTF-8."""
    return json.dumps(kw, ensure_ascii=False).encode("utf-8")


def call_ids(db):
    return sorted(r[0] for r in db.query("SELECT call_id FROM call"))


def run_cases(d, db, cases):
    """Sends each (bytes, expectation) case between two good messages and
    stops the daemon. An expectation is a refusal reason, or "stored:ID"
    when the case must become call ID. Checks the counters exactly: one
    refusal per refused case under its reason, none under any other,
    every good message and every accepted case stored once. Returns the
    final counters."""
    want_refused = dict.fromkeys(REASONS, 0)
    want_ids = []
    for i, (data, expect) in enumerate(cases):
        gid = "between-%04d@hostile" % i
        d.send(good(gid))
        want_ids.append(gid)
        d.send(data)
        if expect.startswith("stored:"):
            want_ids.append(expect[len("stored:"):])
        else:
            assert expect in want_refused, expect
            want_refused[expect] += 1
    d.send(good("last@hostile"))
    want_ids.append("last@hostile")
    wait_until(lambda: db.count_calls() >= len(set(want_ids)), WAIT,
               "%d calls stored" % len(set(want_ids)))
    st = d.stop()
    assert d.returncode == 0
    assert st["received_udp"] == 2 * len(cases) + 1
    got_refused = {r: st["refused_" + r] for r in REASONS}
    assert got_refused == want_refused
    assert st["accepted"] == len(want_ids)
    assert st["stored"] == len(want_ids)
    assert st["dropped_rejected"] == 0, "the database refused a record"
    assert call_ids(db) == sorted(want_ids)
    assert db.query("SELECT count(*) FROM call WHERE messages <> 1") == [(0,)]
    return st


def as_json(v):
    """extra as a Python value: SQLite gives JSON text, psycopg2 a jsonb
    already decoded."""
    return json.loads(v) if isinstance(v, str) else v


def proc_status(pid, key):
    """A kB figure of /proc/PID/status (VmRSS, VmHWM)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise AssertionError("no %s in /proc/%d/status" % (key, pid))


def udp_socket_drops(port):
    """The kernel's count of datagrams dropped on the 127.0.0.1:port UDP
    socket (the last column of /proc/net/udp): exact, per socket."""
    want = "0100007F:%04X" % port
    with open("/proc/net/udp") as f:
        next(f)
        for line in f:
            cols = line.split()
            if cols[1] == want:
                return int(cols[-1])
    raise AssertionError("no UDP socket on 127.0.0.1:%d" % port)


def snmp_udp(field):
    """A counter of the Udp: lines of /proc/net/snmp (host-wide)."""
    with open("/proc/net/snmp") as f:
        lines = [l.split() for l in f if l.startswith("Udp:")]
    return int(lines[1][lines[0].index(field)])


# ------------------------------------------------------------ sizes

def sized(n):
    """A datagram of exactly n bytes: below the shortest valid message a
    prefix of one (refused), from there on a valid message padded with
    JSON white space to n bytes, whose call_id names n."""
    head = b'{"call_id":"size-%05d"' % n
    if n < len(head) + 1:
        return head[:n], ("empty" if n == 0 else "not_json")
    return head + b" " * (n - len(head) - 1) + b"}", "stored:size-%05d" % n


def size_sweep():
    sizes = set(range(0, 300))
    sizes.update(range(300, UDP_IPV4_MAX, 3989))
    for edge in (1023, 1024, 1025, 1471, 1472, 1473, 8191, 8192, 8193,
                 32767, 32768, 65279, 65280, 65281):
        sizes.add(edge)
    sizes.update(range(UDP_IPV4_MAX - 4, UDP_IPV4_MAX + 1))
    return sorted(sizes)


def test_every_datagram_size(daemon, db):
    """Proves: every datagram size from 0 bytes to the IPv4 maximum (65507)
    is handled: the empty datagram is refused as empty, a cut message as
    not_json, and every complete message, up to a full 65507-byte
    datagram, is stored under its own call_id. A datagram over 65507
    bytes cannot even be sent over IPv4 (EMSGSIZE), so MESSAGE_MAX
    (65535) is out of UDP's reach: see the evapi test below for it."""
    d = daemon.start()
    sizes = size_sweep()
    want_ids = []
    want = dict.fromkeys(REASONS, 0)
    for k, n in enumerate(sizes):
        data, expect = sized(n)
        assert len(data) == n
        d.send(data)
        if expect.startswith("stored:"):
            want_ids.append(expect[7:])
        else:
            want[expect] += 1
        # Large datagrams fill the receive buffer quickly: let the daemon
        # catch up every few so none is lost in the kernel.
        if n > 8192 and k % 8 == 0:
            wait_until(lambda: db.count_calls() >= len(want_ids), WAIT,
                       "%d calls stored" % len(want_ids))
    with pytest.raises(OSError) as e:
        d.sock.sendto(b" " * (UDP_IPV4_MAX + 1), ("127.0.0.1", d.port))
    assert e.value.errno == 90       # EMSGSIZE
    wait_until(lambda: db.count_calls() >= len(want_ids), WAIT,
               "%d calls stored" % len(want_ids))
    drops = udp_socket_drops(d.port)
    st = d.stop()
    assert drops == 0
    assert st["received_udp"] == len(sizes)
    assert {r: st["refused_" + r] for r in REASONS} == want
    assert want["empty"] == 1 and want["not_json"] > 10
    assert st["stored"] == len(want_ids)
    assert call_ids(db) == sorted(want_ids)
    assert "size-%05d" % UDP_IPV4_MAX in want_ids


@sqlite_only
def test_message_max_over_evapi(daemon, db):
    """Proves: over evapi (where frames may exceed a UDP datagram), frames
    of MESSAGE_MAX - 1 and MESSAGE_MAX bytes are stored, and a frame of
    MESSAGE_MAX + 1 is refused from its length header (max_frame cannot
    be set above MESSAGE_MAX) as a framing error: the daemon drops the
    connection, reconnects and the next frame lands."""
    srv = EvapiServer().start()
    try:
        d = daemon.start(opts={"evapi.address": "127.0.0.1:%d" % srv.port,
                               "evapi.reconnect_max": 1})
        srv.wait_clients(1, timeout=WAIT)
        frames = []
        for n in (MESSAGE_MAX - 1, MESSAGE_MAX):
            head = b'{"call_id":"evapi-size-%d"' % n
            frames.append(head + b" " * (n - len(head) - 1) + b"}")
        srv.send_frames(frames)
        wait_until(lambda: db.count_calls() == 2, WAIT, "two big frames")
        over = b'{"call_id":"evapi-over"' + b" " * (MESSAGE_MAX - 23) + b"}"
        assert len(over) == MESSAGE_MAX + 1
        srv.send_raw(netstring(over))
        assert srv.client_closed(WAIT), "the daemon kept the connection"
        srv.wait_clients(1, timeout=WAIT, accepted=2)
        srv.send_frames([good("evapi-after-over")])
        wait_until(lambda: db.count_calls() == 3, WAIT, "the next frame")
        st = d.stop()
    finally:
        srv.stop()
    assert call_ids(db) == ["evapi-after-over", "evapi-size-65534",
                            "evapi-size-65535"]
    assert st["evapi_framing_errors"] == 1
    assert st["evapi_reconnects"] == 1
    assert "length over max_frame 65535" in d.log


# ------------------------------------------------------- malformed JSON

@sqlite_only
def test_truncated_json(daemon, db):
    """Proves: a full message (all AVPs and an rtpengine reply) cut after
    every one of many byte counts is refused as not_json (or empty at 0
    bytes), never stored in part."""
    full = json.dumps(mt.full_message("trunc@hostile")).encode()
    cuts = sorted(set(list(range(0, 64)) + list(range(64, len(full), 97))
                      + [len(full) - 2, len(full) - 1]))
    cases = [(full[:n], "empty" if n == 0 else "not_json") for n in cuts]
    cases.append((full, "stored:trunc@hostile"))
    d = daemon.start()
    run_cases(d, db, cases)


@sqlite_only
def test_deep_nesting(daemon, db):
    """Proves: nesting is bounded before any JSON parser recurses: depth
    JSON_DEPTH_MAX (16, counting the top-level object) is accepted, 17,
    20, 1000 and 30000 are refused as too_deep, and so is an unclosed run
    of '[' filling a whole datagram (what 100000 levels would start with:
    100000 levels need 200 kB, more than any datagram or evapi frame can
    carry). Nesting inside an rtpengine reply sent as a JSON string
    counts from its own depth and is refused as a bad value."""
    def nested(call_id, depth):
        inner = depth - 1     # the top-level object is level 1
        return (b'{"call_id":"%s","x":' % call_id.encode()
                + b"[" * inner + b"]" * inner + b"}")
    unclosed = b'{"call_id":"deep-open","x":'
    unclosed += b"[" * (UDP_IPV4_MAX - len(unclosed))
    deep_reply = "[" * 20 + "]" * 20
    cases = [
        (nested("deep-16", JSON_DEPTH_MAX), "stored:deep-16"),
        (nested("deep-17", JSON_DEPTH_MAX + 1), "too_deep"),
        (nested("deep-20", 20), "too_deep"),
        (nested("deep-1000", 1000), "too_deep"),
        (nested("deep-30000", 30000), "too_deep"),
        (unclosed, "too_deep"),
        (b'{"call_id":"deep-obj","x":' + b'{"a":' * 5000 + b"1"
         + b"}" * 5000 + b"}", "too_deep"),
        (raw_json(call_id="deep-rtp", rtpengine=deep_reply), "bad_value"),
    ]
    d = daemon.start()
    run_cases(d, db, cases)
    assert len(cases[4][0]) > 59000
    extra = as_json(db.scalar(
        "SELECT extra FROM call WHERE call_id = 'deep-16'"))
    # x holds the 15 arrays sent, kept whole: object + 15 = 16 levels.
    inner = JSON_DEPTH_MAX - 1
    assert json.dumps(extra["x"]).replace(" ", "") == "[" * inner + "]" * inner


# ---------------------------------------------------------------- numbers

def test_huge_numbers_and_nan_like_strings(daemon, db):
    """Proves: numbers at and past the double range and NaN-like strings
    never reach the database as inf/nan: a finite but impossible MOS
    (1e308, 99999999999999999999, -0) is stored as NULL and counted in
    mos_refused; an infinite one (1e309) or one written "NaN" or
    "Infinity" is refused as a bad value, as are such call fields
    (sip_code, start_time); bare NaN / Infinity tokens are not JSON."""
    cases = [
        (b'{"call_id":"n-mos-1e308","mos_average":1e308}', "stored:n-mos-1e308"),
        (b'{"call_id":"n-mos-1e309","mos_average":1e309}', "bad_value"),
        (b'{"call_id":"n-mos-big","mos_average":99999999999999999999}',
         "stored:n-mos-big"),
        (b'{"call_id":"n-mos-bigs","mos_average":"99999999999999999999"}',
         "stored:n-mos-bigs"),
        (b'{"call_id":"n-mos-neg0","mos_average":-0}', "stored:n-mos-neg0"),
        (b'{"call_id":"n-mos-neg0s","mos_average":"-0"}', "stored:n-mos-neg0s"),
        (b'{"call_id":"n-mos-nan","mos_average":"NaN"}', "bad_value"),
        (b'{"call_id":"n-mos-inf","mos_average":"Infinity"}', "bad_value"),
        (b'{"call_id":"n-mos-minf","mos_average":"-Infinity"}', "bad_value"),
        (b'{"call_id":"n-mos-nantok","mos_average":NaN}', "not_json"),
        (b'{"call_id":"n-mos-inftok","mos_average":Infinity}', "not_json"),
        (b'{"call_id":"n-code-big","sip_code":99999999999999999999}',
         "bad_value"),
        (b'{"call_id":"n-code-1e308","sip_code":1e308}', "bad_value"),
        (b'{"call_id":"n-code-nan","sip_code":"NaN"}', "bad_value"),
        (b'{"call_id":"n-start-1e308","start_time":1e308}', "bad_value"),
        (b'{"call_id":"n-start-1e309","start_time":1e309}', "bad_value"),
        (b'{"call_id":"n-start-big","start_time":"99999999999999999999"}',
         "bad_value"),
        (b'{"call_id":"n-start-inf","start_time":"Infinity"}', "bad_value"),
        (b'{"call_id":"n-pl-inf","mos_average_packetloss":"Infinity"}',
         "bad_value"),
        (b'{"call_id":"n-extra","x":"NaN","y":-0,"z":99999999999999999999}',
         "stored:n-extra"),
    ]
    d = daemon.start()
    st = run_cases(d, db, cases)
    assert st["mos_refused"] == 5
    for cid in ("n-mos-1e308", "n-mos-big", "n-mos-bigs", "n-mos-neg0",
                "n-mos-neg0s"):
        rows = db.query("SELECT s.mos FROM mos_sample s JOIN call c ON "
                        "c.call_pk = s.call_pk WHERE c.call_id = ?", cid)
        assert all(r[0] is None for r in rows), (cid, rows)
    extra = as_json(db.scalar(
        "SELECT extra FROM call WHERE call_id = 'n-extra'"))
    assert extra["x"] == "NaN"
    assert extra["y"] == 0
    # kept as sent, not as the double 1e20 nearest to it
    assert extra["z"] == 99999999999999999999
    # Nothing infinite or NaN anywhere in the numeric columns.
    bad = db.query("SELECT count(*) FROM mos_sample WHERE mos > 5 OR "
                   "mos < 1 OR packetloss_pct > 1e30 OR jitter_ms > 1e30")
    assert bad == [(0,)]


@sqlite_only
def test_infinite_number_in_unknown_key_not_turned_into_null(daemon, db):
    """Proves: numbers in unknown keys are stored as the sender wrote
    them: one that overflows a double (1e309) is neither refused nor
    turned into a null, 9007199254740993 (2^53 + 1, not a double) stays
    exact, and an exponent no store could hold is kept as its text."""
    d = daemon.start()
    run_cases(d, db, [
        (b'{"call_id":"n-extra-inf","x":1e309,"n":9007199254740993,'
         b'"e":1e99999}', "stored:n-extra-inf")])
    text = db.scalar("SELECT extra FROM call WHERE call_id = 'n-extra-inf'")
    assert '"x":1e309' in text
    assert '"n":9007199254740993' in text
    assert json.loads(text)["n"] == 9007199254740993
    assert json.loads(text)["e"] == "1e99999"


# ------------------------------------------------------------- encodings

BAD_UTF8 = [
    (b"\xc0\xaf", "overlong 2-byte '/'"),
    (b"\xe0\x80\xaf", "overlong 3-byte '/'"),
    (b"\xf0\x80\x80\xaf", "overlong 4-byte '/'"),
    (b"\xc1\xbf", "overlong 2-byte DEL"),
    (b"\xed\xa0\x80", "UTF-16 high surrogate D800"),
    (b"\xed\xbf\xbf", "UTF-16 low surrogate DFFF"),
    (b"\xed\xa0\xbd\xed\xb8\x80", "surrogate pair as CESU-8"),
    (b"\x80", "lone continuation byte"),
    (b"\xbf\xbf", "two continuation bytes"),
    (b"\xe2\x82", "sequence cut short"),
    (b"\xf4\x90\x80\x80", "above U+10FFFF"),
    (b"\xf5\x80\x80\x80", "F5 lead byte"),
    (b"\xfe\xff", "FE FF"),
    (b"\xff", "FF"),
]
GOOD_UTF8 = ["caf\u00e9", "\u20ac", "\U0001F600", "\U0010FFFF",
             "\uFFFD", "\u0080", "\u07FF", "\u0800", "\uFFFF"]


def test_invalid_utf8_repaired_valid_utf8_verbatim(daemon, db):
    """Proves: every kind of invalid UTF-8 (overlong forms, surrogates,
    lone continuation bytes, cut sequences, bytes above U+10FFFF) in a
    call_id is refused as bad_utf8 (a repaired Call-ID could be another
    call's); in a URI, an unknown key or its value it becomes U+FFFD and
    the call is stored with its MOS value, counted in text_repaired;
    escaped lone surrogates ("\\ud800", "\\udc00") are refused as not
    JSON (they name no character); and valid UTF-8 from 1 to 4 bytes,
    escaped or not, is stored verbatim in both back ends (PostgreSQL
    would reject invalid text, so nothing invalid may pass)."""
    cases = []
    repaired = []
    for i, (seq, what) in enumerate(BAD_UTF8):
        cases += [
            (b'{"call_id":"u8-%d-' % i + seq + b'"}', "bad_utf8"),
            (b'{"call_id":"u8-%d@u","mos_average":"4.1","from_uri":"sip:'
             % i + seq + b'@x"}', "stored:u8-%d@u" % i),
            (b'{"call_id":"u8-%d@k","mos_average":"4.1","k' % i + seq +
             b'":"v"}', "stored:u8-%d@k" % i),
            (b'{"call_id":"u8-%d@v","mos_average":"4.1","k":"' % i + seq +
             b'"}', "stored:u8-%d@v" % i),
        ]
        repaired += [("u8-%d@u" % i, seq), ("u8-%d@k" % i, seq),
                     ("u8-%d@v" % i, seq)]
    cases += [
        (b'{"call_id":"esc-hi-\\ud800"}', "not_json"),
        (b'{"call_id":"esc-lo-\\udc00"}', "not_json"),
        (b'{"call_id":"esc-rev","to_uri":"\\udc00\\ud800"}', "not_json"),
    ]
    good_ids = []
    for i, s in enumerate(GOOD_UTF8):
        cid = "u8ok-%d-%s" % (i, s)
        good_ids.append(cid)
        cases.append((raw_json(call_id=cid, from_uri="sip:%s@x" % s,
                               sip_reason=s, x_note=s), "stored:" + cid))
    # The same characters as JSON escapes (a surrogate pair for U+1F600).
    cases.append((b'{"call_id":"u8esc-\\u00e9\\ud83d\\ude00",'
                  b'"sip_reason":"\\u20ac"}',
                  "stored:u8esc-\u00e9\U0001F600"))
    d = daemon.start()
    st = run_cases(d, db, cases)
    assert st["text_repaired"] == len(repaired)
    for cid, seq in repaired:
        want = seq.decode("utf-8", errors="replace")
        row = db.query("SELECT from_uri, extra FROM call WHERE call_id = ?",
                       cid)
        assert len(row) == 1, cid
        if cid.endswith("@u"):
            assert row[0][0] == "sip:%s@x" % want, (cid, row)
        elif cid.endswith("@k"):
            assert as_json(row[0][1]) == {"k" + want: "v"}, (cid, row)
        else:
            assert as_json(row[0][1]) == {"k": want}, (cid, row)
        assert db.query("SELECT count(*) FROM mos_sample s JOIN call c ON "
                        "c.call_pk = s.call_pk WHERE c.call_id = ? AND "
                        "abs(s.mos - 4.1) < 1e-6", cid) == [(1,)]
    for i, s in enumerate(GOOD_UTF8):
        row = db.query("SELECT from_uri, sip_reason, extra FROM call "
                       "WHERE call_id = ?", good_ids[i])
        assert len(row) == 1, good_ids[i]
        assert row[0][0] == "sip:%s@x" % s
        assert row[0][1] == s
        assert as_json(row[0][2]) == {"x_note": s}
    assert db.query("SELECT sip_reason FROM call WHERE call_id = ?",
                    "u8esc-\u00e9\U0001F600") == [("\u20ac",)]


def test_nul_bytes(daemon, db):
    """Proves: a raw NUL byte anywhere in a message is refused (bad_utf8:
    NUL is not text the wire format allows), "\\u0000" is refused in a
    call_id (bad_call_id), a text field, an unknown key or its value
    (bad_value) instead of silently cutting the string short, and an
    escaped backslash followed by the text u0000 is not mistaken for it
    and is stored verbatim."""
    cases = [
        (b'{"call_id":"nul-raw\x00@h"}', "bad_utf8"),
        (b'{"call_id":"nul-raw2@h","from_uri":"sip:a\x00b"}', "bad_utf8"),
        (b'{"call_id":"nul-raw3@h"}\x00', "bad_utf8"),
        (b'\x00{"call_id":"nul-raw4@h"}', "bad_utf8"),
        (b'{"call_id":"nul-esc\\u0000@h"}', "bad_call_id"),
        (b'{"call_id":"\\u0000"}', "bad_call_id"),
        (b'{"call_id":"nul-esc2@h","from_uri":"sip:a\\u0000b"}', "bad_value"),
        (b'{"call_id":"nul-esc3@h","sip_reason":"\\u0000"}', "bad_value"),
        (b'{"call_id":"nul-esc4@h","mos_A_label":"a\\u0000"}', "bad_value"),
        (b'{"call_id":"nul-esc5@h","x":"a\\u0000b"}', "bad_value"),
        (b'{"call_id":"nul-esc6@h","x\\u0000y":"v"}', "bad_value"),
        (b'{"call_id":"nul-esc7@h","node":"n\\u0000"}', "bad_value"),
        (b'{"call_id":"nul-lit\\\\u0000@h","x":"\\\\u0000"}',
         "stored:nul-lit\\u0000@h"),
    ]
    d = daemon.start()
    run_cases(d, db, cases)
    extra = db.scalar("SELECT extra FROM call WHERE call_id = ?",
                      "nul-lit\\u0000@h")
    assert as_json(extra) == {"x": "\\u0000"}


# ----------------------------------------------------------- SQL and keys

SQL_NASTY = [
    "'; DROP TABLE call; --",
    "Robert'); DROP TABLE leg;--",
    "\" OR 1=1 --",
    "\\'; SELECT pg_sleep(0); --",
    "back\\slash\\\\two",
    "it's \"quoted\" `tick`",
    "%s %d %n %% $1 ? :name @p",
    "E'\\x00' $$ dollar $$ $tag$x$tag$",
    "/* comment */ -- line",
    "semi;colon\ttab\nnewline\rcr",
    "_%_ LIKE wildcards",
]


def test_sql_metacharacters_stored_verbatim(daemon, db):
    """Proves: SQL metacharacters (quotes, backslashes, comments, ';',
    placeholders, dollar quotes, LIKE wildcards, control characters) in
    every string field of the wire format, the node, both leg labels and
    the unknown keys and values kept in extra are stored verbatim as data
    in both back ends, and the tables they name are all still there."""
    d = daemon.start()
    expected = []
    for i, s in enumerate(SQL_NASTY):
        m = {"v": 1, "call_id": "%d %s" % (i, s), "node": "n%d%s" % (i, s[:60]),
             "from_tag": "ft" + s, "to_tag": "tt" + s, "from_uri": "sip:" + s,
             "to_uri": "sip:to" + s, "sip_reason": s, "sip_code": 200,
             "mos_A_label": "A" + s, "mos_B_label": "B" + s,
             "mos_average_A": "4.0", "mos_average_B": "3.9",
             "mos_average": "4.1", "x_" + s: s}
        expected.append(m)
        d.send(json.dumps(m).encode())
    wait_until(lambda: db.count_calls() == len(SQL_NASTY), WAIT,
               "%d calls" % len(SQL_NASTY))
    st = d.stop()
    assert st["stored"] == len(SQL_NASTY)
    assert sum(st["refused_" + r] for r in REASONS) == 0
    for m in expected:
        rows = db.query_dicts("SELECT * FROM call WHERE call_id = ?",
                              m["call_id"])
        assert len(rows) == 1, m["call_id"]
        r = rows[0]
        for k in ("node", "from_tag", "to_tag", "from_uri", "to_uri",
                  "sip_reason"):
            assert r[k] == m[k], (k, r[k], m[k])
        extra = as_json(r["extra"])
        assert extra == {k: v for k, v in m.items() if k.startswith("x_")}
        legs = dict(db.query("SELECT side, label FROM leg WHERE call_pk = ?",
                             r["call_pk"]))
        assert legs == {"A": m["mos_A_label"], "B": m["mos_B_label"]}
    for table in ("call", "leg", "mos_sample", "moscdr_schema_version"):
        db.query("SELECT count(*) FROM %s" % table)
    assert db.scalar("SELECT count(*) FROM leg") == 2 * len(SQL_NASTY)


def call_id_of_bytes(n, seed):
    """A call_id of exactly n UTF-8 bytes made of quotes, backslashes,
    SQL and LIKE metacharacters and multibyte characters."""
    unit = "'\"\\%_;-- \u00e9\u20ac\U0001F600" + seed
    out = ""
    while len(out.encode()) < n:
        nxt = out + unit[len(out) % len(unit)]
        if len(nxt.encode()) > n:
            nxt = out + "x"
        out = nxt
    assert len(out.encode()) == n
    return out


def test_call_id_at_and_over_the_limit(daemon, db):
    """Proves: call_ids of exactly CALL_ID_LEN_MAX (1,024) bytes, full of
    quotes, backslashes, SQL metacharacters and multibyte UTF-8, are
    stored byte for byte and found again by an exact lookup in both back
    ends; 1,025-byte ones (ASCII, or over the limit only by the last byte
    of a multibyte character) are refused as bad_call_id, and so is a
    1,024-character call_id of 2-byte characters (2,048 bytes): the limit
    counts bytes, not characters. The refusal's log line names the
    limit."""
    ok = [call_id_of_bytes(CALL_ID_LEN_MAX, s) for s in "abc"]
    ok.append("\\" * CALL_ID_LEN_MAX)
    ok.append("'" * CALL_ID_LEN_MAX)
    ok.append('"' * CALL_ID_LEN_MAX)
    assert len(set(ok)) == len(ok)
    over = [call_id_of_bytes(CALL_ID_LEN_MAX + 1, s) for s in "ab"]
    over.append("x" * (CALL_ID_LEN_MAX - 1) + "\u00e9")  # one byte over
    over.append("\u00e9" * CALL_ID_LEN_MAX)     # 2,048 bytes
    over.append("\\" * (CALL_ID_LEN_MAX + 1))
    cases = [(raw_json(call_id=c, mos_average="4.2"), "stored:" + c)
             for c in ok]
    cases += [(raw_json(call_id=c, mos_average="4.2"), "bad_call_id")
              for c in over]
    d = daemon.start()
    run_cases(d, db, cases)
    for c in ok:
        got = db.query("SELECT call_id FROM call WHERE call_id = ?", c)
        assert got == [(c,)]
        if db.driver == "sqlite":
            n = db.scalar("SELECT length(CAST(call_id AS BLOB)) FROM call "
                          "WHERE call_id = ?", c)
        else:
            n = db.scalar("SELECT octet_length(call_id) FROM call "
                          "WHERE call_id = ?", c)
        assert n == CALL_ID_LEN_MAX
    assert "the limit is %d" % CALL_ID_LEN_MAX in d.log


# ----------------------------------------------------------------- evapi

@sqlite_only
@pytest.mark.parametrize("header", [b"4294967296:", b"4294967295:",
                                    b"18446744073709551616:",
                                    b"9999999999:", b"99999999999:"])
def test_evapi_gigabyte_header_allocates_nothing(daemon, db, header):
    """Proves: a netstring header announcing gigabytes (4 GiB, 4 GiB - 1,
    2^64 which would wrap a 64-bit size to 0, more digits than allowed)
    is refused from the digits alone: the daemon's resident peak (VmHWM)
    grows by less than 4 MB, it counts one framing error, drops the
    connection, reconnects, and frames sent on the new connection land.
    Nothing of the announced size is stored, not even as an empty frame."""
    srv = EvapiServer().start()
    try:
        d = daemon.start(opts={"evapi.address": "127.0.0.1:%d" % srv.port,
                               "evapi.reconnect_max": 1})
        srv.wait_clients(1, timeout=WAIT)
        # Every thread has allocated its arenas once a record is stored.
        srv.send_frames([good("gig-before")])
        wait_until(lambda: db.count_calls() == 1, WAIT, "the first frame")
        hwm0 = proc_status(d.pid, "VmHWM")
        srv.send_raw(header + b"{" * 4096)
        assert srv.client_closed(WAIT), "the daemon kept the connection"
        srv.wait_clients(1, timeout=WAIT, accepted=2)
        srv.send_frames([good("gig-after")])
        wait_until(lambda: db.count_calls() == 2, WAIT, "the next frame")
        hwm1 = proc_status(d.pid, "VmHWM")
        rss = proc_status(d.pid, "VmRSS")
        st = d.stop()
    finally:
        srv.stop()
    assert hwm1 - hwm0 < 4096, "VmHWM %d kB -> %d kB" % (hwm0, hwm1)
    assert rss < 64 * 1024, "VmRSS %d kB" % rss
    assert st["evapi_framing_errors"] == 1
    assert st["evapi_frames"] == 2
    assert st["received_evapi"] == 2
    assert st["evapi_reconnects"] == 1
    assert call_ids(db) == ["gig-after", "gig-before"]
    assert re.search(r"framing error: (length over max_frame|too many)",
                     d.log), d.log


# ----------------------------------------------------------------- flood

FLOOD_GOOD = int(os.environ.get("MOSCDR_FLOOD_GOOD", "100000"))
SANITIZED = mt.SANITIZED
# Datagrams per second: about four times what SQLite commits on this
# 2-core machine, so most of the flood has to go through the spool.
FLOOD_RATE = int(os.environ.get("MOSCDR_FLOOD_RATE", "40000"))
FLOOD_BAD_EVERY = 97
FLOOD_BAD = [
    (b"", "empty"),
    (b"{\"call_id\":", "not_json"),
    (b"[1,2]", "not_object"),
    (b'{"call_id":"bad\xff"}', "bad_utf8"),
    (b'{"call_id":"d","x":' + b"[" * 40 + b"]" * 40 + b"}", "too_deep"),
    (b'{"mos_average":"4.1"}', "bad_call_id"),
    (b'{"call_id":"t","sip_code":[]}', "bad_type"),
    (b'{"call_id":"v","mos_average":"NaN"}', "bad_value"),
    (b'{"call_id":"w","v":2}', "bad_version"),
]


def flood_message(i):
    return (b'{"v":1,"call_id":"flood-%06d@h","from_tag":"ft%d",'
            b'"mos_average":"4.1","mos_min":"3.9","mos_max":"4.3",'
            b'"mos_A_label":"a","mos_average_A":"4.0","mos_B_label":"b",'
            b'"mos_average_B":"4.2"}' % (i, i))


class HwmWatch(threading.Thread):
    """Samples the daemon's VmRSS while the flood runs (VmHWM is the
    kernel's own peak; this only reports the curve's top for the
    docs/faults.md)."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.halt = threading.Event()

    def run(self):
        while not self.halt.is_set():
            try:
                self.peak = max(self.peak, proc_status(self.pid, "VmRSS"))
            except (OSError, AssertionError):
                return
            time.sleep(0.05)


def test_flood(daemon, db, backend):
    """Proves: a flood of FLOOD_GOOD good messages (default 100,000) with a
    bad one of each refusal reason interleaved every 97, sent at FLOOD_RATE
    (default 40,000/s), well above what the database takes: the daemon
    stays up; its resident peak (VmHWM) stays under 64 MB although the
    backlog can grow far larger than queue.max_bytes (whatever the queue
    cannot hold waits in the journal and is read back; the queue is made small
    here so that it usually does, but how much depends on the machine's
    speed, which a test must not assume); every good message is stored
    exactly once; and
    the counters account for every datagram: received_udp plus the
    socket's kernel drops equals what was sent, each bad kind is refused
    under its own reason, stored equals the good ones received, nothing
    is dropped inside the daemon."""
    d = daemon.start(opts={"database.flush_interval": 200,
                           "queue.max_bytes": 4 << 20,
                           "log.stats_interval": 1})
    snd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    snd.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 8 << 20)
    dst = ("127.0.0.1", d.port)
    rcvbuf_errors0 = snmp_udp("RcvbufErrors")
    watch = HwmWatch(d.pid)
    watch.start()
    sent_bad = dict.fromkeys(REASONS, 0)
    goods = [flood_message(i) for i in range(FLOOD_GOOD)]
    t0 = time.monotonic()
    nbad = 0
    for i, m in enumerate(goods):
        if i % 200 == 0:                # pace to FLOOD_RATE
            ahead = t0 + i / FLOOD_RATE - time.monotonic()
            if ahead > 0:
                time.sleep(ahead)
        while True:
            try:
                snd.sendto(m, dst)
                break
            except BlockingIOError:     # the send buffer is full
                time.sleep(0.0005)
        if i % FLOOD_BAD_EVERY == 0:
            data, why = FLOOD_BAD[nbad % len(FLOOD_BAD)]
            snd.sendto(data, dst)
            sent_bad[why] += 1
            nbad += 1
    send_s = time.monotonic() - t0
    snd.close()
    sent = FLOOD_GOOD + nbad

    def last_stats():
        m = re.findall(r"\bstats: (.*)$", d.log, re.M)
        return mt.parse_stats(m[-1]) if m else {}

    wait_until(lambda: last_stats().get("received_udp", 0)
               + udp_socket_drops(d.port) >= sent, 120,
               "every datagram received or dropped by the kernel")
    drops = udp_socket_drops(d.port)

    def settled():
        s = last_stats()
        return (s["stored"] == s["accepted"] and s["queue_len"] == 0
                and s["backlog"] == 0)
    wait_until(settled, 900, "every accepted message stored, the "
               "journal's backlog written", interval=1)
    hwm = proc_status(d.pid, "VmHWM")
    assert d.running()
    st = d.stop()
    watch.halt.set()
    watch.join(5)
    rcvbuf_errors = snmp_udp("RcvbufErrors") - rcvbuf_errors0
    calls = db.count_calls()
    print("flood %s: %d datagrams in %.1f s (%.0f/s); VmHWM %d kB, VmRSS "
          "peak sampled %d kB; spool_written %d; socket drops %d, host "
          "RcvbufErrors %d" % (backend, sent, send_s, sent / send_s, hwm,
                               watch.peak, st["spool_written"], drops,
                               rcvbuf_errors))

    # A sanitizer's shadow memory (and AddressSanitizer's quarantine)
    # make a sanitizer build's resident size meaningless: the bound is checked on the
    # plain build (make test), the rest of the test on both.
    if not SANITIZED:
        assert hwm < 64 * 1024, "VmHWM %d kB" % hwm
    assert drops <= rcvbuf_errors, "socket drops the host did not count"
    assert st["received_udp"] + drops == sent
    for why in ("spool_full", "rejected", "truncated", "denied", "auth"):
        assert st.get("dropped_" + why, 0) == 0, why
    qfull = st["dropped_queue_full"]
    assert st["spool_replayed"] == st["spool_written"]
    assert st["stored"] == st["accepted"] == calls
    assert db.query("SELECT count(*) FROM call WHERE messages <> 1") == [(0,)]
    refused = {r: st["refused_" + r] for r in REASONS}
    # Every datagram the daemon read is refused, stored or dropped for a
    # full queue (good ones only: bad ones are refused before the queue).
    assert sum(refused.values()) + calls + qfull == st["received_udp"]
    if drops == 0:
        assert refused == sent_bad
        assert calls + qfull == FLOOD_GOOD
    else:
        # The kernel dropped datagrams before the daemon saw them: which
        # ones is unknown, so each count is bounded by what was sent.
        for r in REASONS:
            assert refused[r] <= sent_bad[r], r
        assert FLOOD_GOOD - calls - qfull <= drops
    assert db.scalar("SELECT count(*) FROM leg") == 2 * calls
    # The writer moves a backlog to the spool and replays one batch at a
    # time, so a flood above the database's rate loses nothing in the
    # daemon (the kernel's own drops are accounted for above). Under
    # ThreadSanitizer every memory access is checked, the daemon runs
    # several times slower and the flood outruns even the spool: there
    # only the accounting above holds.
    if mt.SANITIZE != "thread":
        assert qfull == 0, "dropped_queue_full=%d" % qfull
