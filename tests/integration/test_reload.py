"""SIGHUP (systemctl reload) through the real daemon: what can change
while it runs does (udp.allow, the auth section and its key file,
log.level, retention.days), each change is logged, options that need a
restart say so, and a file that does not load changes nothing."""

import json
import os
import re
import signal
import time

import pytest

import moscdr_test as mt
from test_security import sign

DONE = re.compile(r"reload: .*(applied, \d+ at the next restart|nothing "
                  r"changed|keeping the running configuration)$", re.M)
WAIT = 30


@pytest.fixture
def sqlite_only(backend):
    if backend != "sqlite":
        pytest.skip("reload is independent of the back end: SQLite is "
                    "enough")


def conf_path(d):
    return d.argv[d.argv.index("-f") + 1]


def reload(d, text, until=DONE):
    """Writes text as the daemon's file, sends SIGHUP, waits for the
    reload's last line (or the next line matching until); returns it."""
    n = len(until.findall(d.log))
    with open(conf_path(d), "w") as f:
        f.write(text)
    os.kill(d.pid, signal.SIGHUP)
    mt.wait_until(lambda: len(until.findall(d.log)) > n, WAIT,
                  "the reload's summary line")
    return [m.group(0) for m in until.finditer(d.log)][n]


def msg(call_id, **extra):
    m = {"call_id": call_id, "mos_average": "4.1"}
    m.update(extra)
    return json.dumps(m).encode()


def calls(d):
    return sorted(r[0] for r in d.query("SELECT call_id FROM call"))


def stored_after(d, marker):
    """Sends a good message from the same socket and waits for its row:
    everything sent before it has been handled."""
    d.send(msg(marker))
    mt.wait_until(lambda: marker in calls(d), WAIT, "row %s" % marker)


def test_reload_allow_list(sqlite_only, daemon):
    d = daemon.start()
    stored_after(d, "before")
    line = reload(d, 'udp {\n\tallow = {"10.0.0.0/8"}\n}\n')
    assert line.endswith("1 change applied, 0 at the next restart"), line
    assert "reload: udp.allow changed: 1 entries" in d.log
    d.send(msg("denied"))
    line = reload(d, "# back to the default\n")
    assert "udp.allow changed: 2 entries" in d.log
    stored_after(d, "after")
    st = d.stop()
    assert calls(d) == ["after", "before"]
    assert st["dropped_denied"] == 1


def test_reload_auth_key(sqlite_only, daemon, tmp_path):
    key = tmp_path / "k"
    key.write_bytes(b"A" * 32 + b"\n")
    os.chmod(key, 0o600)
    d = daemon.start()
    conf = 'auth {\n\tkey_file = "%s"\n}\n' % key
    reload(d, conf)
    assert "reload: auth changed: key read again" in d.log
    d.send(msg("unsigned"))
    d.send(sign(msg("signed-a"), key=b"A" * 32))
    mt.wait_until(lambda: "signed-a" in calls(d), WAIT, "signed-a")
    # Same path, new key: the reload reads it again.
    key.write_bytes(b"B" * 32 + b"\n")
    line = reload(d, conf)
    assert line.endswith("1 change applied, 0 at the next restart"), line
    d.send(sign(msg("old-key"), key=b"A" * 32))
    d.send(sign(msg("signed-b"), key=b"B" * 32))
    mt.wait_until(lambda: "signed-b" in calls(d), WAIT, "signed-b")
    # A key file others may read is refused, and with it the whole
    # reload: the allow list in the same file is not applied either.
    os.chmod(key, 0o644)
    line = reload(d, conf + 'udp {\n\tallow = {"10.0.0.0/8"}\n}\n')
    assert "reload: auth.key_file: %s" % key in line, line
    assert line.endswith("keeping the running configuration")
    d.send(sign(msg("still-b"), key=b"B" * 32))
    mt.wait_until(lambda: "still-b" in calls(d), WAIT, "still-b")
    st = d.stop()
    assert calls(d) == ["signed-a", "signed-b", "still-b"]
    assert st["dropped_auth"] == 2
    assert st["dropped_denied"] == 0


def test_reload_invalid_file_keeps_running_settings(sqlite_only, daemon):
    d = daemon.start()
    reload(d, 'udp {\n\tallow = {"10.0.0.0/8"}\n}\n')
    bad = '# a comment\n# another\nudp {\n\tallow = {"127.0.0.0/8"}\n' \
          '\tno_such = 1\n}\n'
    line = reload(d, bad)
    assert line == "reload: %s:5: no such option 'no_such': keeping " \
        "the running configuration" % conf_path(d), line
    d.send(msg("still-denied"))
    reload(d, "")
    stored_after(d, "allowed")
    st = d.stop()
    assert calls(d) == ["allowed"]
    assert st["dropped_denied"] == 1


def test_reload_log_level(sqlite_only, daemon):
    d = daemon.start()
    d.send(b"not json")
    stored_after(d, "m1")
    assert "not_json" in d.log
    # At level err the reload's own summary is not logged: wait for the
    # line that announces the change (written before it applies).
    reload(d, 'log {\n\tlevel = "err"\n}\n',
           until=re.compile(r"reload: log.level info -> err$", re.M))
    d.send(b"[1]")                      # not_object: a warning
    stored_after(d, "m2")
    assert "not_object" not in d.log
    reload(d, 'log {\n\tlevel = "info"\n}\n',
           until=re.compile(r"reload: log.level err -> info$", re.M))
    d.send(b"[2]")
    stored_after(d, "m3")
    mt.wait_until(lambda: "not_object" in d.log, WAIT,
                  "the warning logged again")
    d.stop()


def test_reload_retention(sqlite_only, daemon):
    d = daemon.start()
    old = time.time() - 10 * 86400
    d.send(msg("old", start_time=old))
    stored_after(d, "new")
    line = reload(d, "retention {\n\tdays = 5\n}\n")
    assert "reload: retention.days 0 -> 5" in d.log
    mt.wait_until(lambda: calls(d) == ["new"], WAIT,
                  "the old call deleted by retention")
    d.stop()


def test_reload_restart_only_option(sqlite_only, daemon):
    d = daemon.start()
    line = reload(d, "database {\n\tbatch_size = 7\n}\nqueue {\n"
                  "\tmax_bytes = 1048576\n}\n")
    assert line.endswith("0 changes applied, 2 at the next restart"), line
    assert "reload: database.batch_size changed: it takes effect at the " \
        "next restart" in d.log
    assert "reload: queue.max_bytes changed" in d.log
    stored_after(d, "x")
    d.stop()
