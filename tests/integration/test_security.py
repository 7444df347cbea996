"""Who may send: the UDP allow list and HMAC sender authentication, through
the real daemon. Transport-level checks, so SQLite only."""

import base64
import hashlib
import hmac
import json
import os
import re
import socket
import subprocess
import time

import pytest

import moscdr_test as mt

KEY = b"0123456789abcdef0123456789abcdef"


def sign(payload, key=KEY, ts=None, hexsig=False):
    """The envelope of docs/security.md, "Signed messages"."""
    ts = int(time.time()) if ts is None else ts
    head = b"MOSCDR1 %d" % ts
    mac = hmac.new(key, head + b"\n" + payload, hashlib.sha256).digest()
    sig = mac.hex().encode() if hexsig else \
        base64.urlsafe_b64encode(mac).rstrip(b"=")
    return head + b" " + sig + b"\n" + payload


def msg(call_id):
    return json.dumps({"call_id": call_id, "mos_average": "4.1"}).encode()


@pytest.fixture
def sqlite_only(backend):
    if backend != "sqlite":
        pytest.skip("transport-level test: SQLite is enough")


@pytest.fixture
def keyfile(tmp_path):
    p = tmp_path / "moscdr.key"
    p.write_bytes(KEY + b"\n")
    os.chmod(p, 0o600)
    return str(p)


def calls(d):
    return sorted(r[0] for r in d.query("SELECT call_id FROM call"))


def test_allow_list_drops_and_counts_strangers(sqlite_only, daemon):
    """127.0.0.1 is outside 10.0.0.0/8: dropped, counted, logged with the
    sender; nothing reaches the database."""
    d = daemon.start(opts={"udp.allow": "10.0.0.0/8"})
    d.send(msg("denied-1"))
    d.send(msg("denied-2"))
    st = d.stop()
    assert st["dropped_denied"] == 2
    assert st["received_udp"] == 2
    assert st["stored"] == 0
    assert calls(d) == []
    assert "refused message from udp 127.0.0.1:%d: denied" % d.source_port \
        in d.log


def test_default_allow_list_takes_loopback(sqlite_only, daemon):
    """The shipped default (127.0.0.0/8, ::1) lets local senders in."""
    d = daemon.start()
    d.send(msg("local-1"))
    st = d.stop()
    assert st["dropped_denied"] == 0
    assert calls(d) == ["local-1"]


def test_ipv6_sender_checked_against_ipv6_entries(sqlite_only, daemon):
    """On [::1], a sender ::1 is denied by an IPv4-only list and allowed
    by one naming ::1."""
    for allow, stored in (("127.0.0.0/8", 0), ("::1", 1)):
        d = daemon.start(opts={"udp.listen": "[::1]:0", "udp.allow": allow},
                         wait_ready=False)
        mt.wait_until(lambda: "listening on udp [::1]:" in d.log, 10,
                      "the IPv6 listener")
        port = int(d.log.split("listening on udp [::1]:")[1].split()[0])
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.sendto(msg("v6-%s" % allow), ("::1", port))
        s.close()
        # The line "ready", not the word inside another one ("Address
        # already in use" when another daemon holds the metrics port).
        mt.wait_until(lambda: re.search(r"\bready\s*$", d.log, re.M), 10,
                      "ready")
        st = d.stop()
        assert st["stored"] == stored, allow
        assert st["dropped_denied"] == 1 - stored, allow


def test_signed_messages_stored_bad_ones_refused(sqlite_only, daemon,
                                                  keyfile):
    """With a key: base64url and hex signatures are accepted; unsigned,
    tampered, replayed, expired and wrong-key messages are refused, each
    under its own counter, and none of them reaches the database."""
    d = daemon.start(opts={"auth.key_file": keyfile})
    good = sign(msg("signed-b64"))
    d.send(good)
    d.send(sign(msg("signed-hex"), hexsig=True))
    d.send(msg("unsigned"))
    d.send(good.replace(b"4.1", b"4.4"))            # payload changed
    d.send(good)                                     # the same again
    d.send(sign(msg("old"), ts=int(time.time()) - 3600))
    d.send(sign(msg("wrongkey"), key=b"another-key-another-key-0000"))
    st = d.stop()
    assert calls(d) == ["signed-b64", "signed-hex"]
    assert st["stored"] == 2
    assert st["dropped_auth"] == 5
    assert st["auth_unsigned"] == 1
    assert st["auth_bad_signature"] == 2
    assert st["auth_replay"] == 1
    assert st["auth_expired"] == 1
    assert "refused message from udp 127.0.0.1:%d: auth (unsigned)" \
        % d.source_port in d.log
    assert KEY.decode() not in d.log


def test_world_readable_key_refused(sqlite_only, moscdrd, keyfile,
                                    tmp_path):
    """A key file others can read is refused by -t and at start."""
    os.chmod(keyfile, 0o644)
    paths = ["-o", "database.path=%s" % (tmp_path / "k.db"),
             "-o", "spool.dir=%s" % (tmp_path / "spool")]
    r = subprocess.run([moscdrd, "-t", "-f", os.devnull, "-o",
                        "auth.key_file=" + keyfile] + paths,
                       capture_output=True, text=True)
    assert r.returncode != 0
    assert "auth.key_file" in r.stderr
    os.chmod(keyfile, 0o600)
    r = subprocess.run([moscdrd, "-t", "-f", os.devnull, "-o",
                        "auth.key_file=" + keyfile] + paths,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("configuration OK: %s " % os.devnull)
