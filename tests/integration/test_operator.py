"""The daemon as an operator runs it: it refuses to run wrong (a second
daemon on the same address or spool, a missing or unwritable database or
spool directory), names the right line of a broken configuration, survives
the signals an operator sends, and speaks systemd's protocols (sd_notify,
the journal's priority prefixes) when systemd is there. Real daemon, real
sockets, real files."""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile

import pytest

import moscdr_test as mt

SHIPPED = os.path.join(mt.ROOT, "conf", "moscdrd.conf")


def run_cli(moscdrd, *args, **kw):
    return subprocess.run([moscdrd] + list(args), capture_output=True,
                          text=True, timeout=30, **kw)


def paths(tmp_path):
    return ["-o", "database.path=%s" % (tmp_path / "m.db"),
            "-o", "spool.dir=%s" % (tmp_path / "spool")]


# --- configuration errors name the right line -----------------------------

def shipped_lines():
    with open(SHIPPED) as f:
        return f.read().split("\n")


def line_of(lines, pattern):
    """1-based number of the first line matching pattern."""
    for i, l in enumerate(lines):
        if re.search(pattern, l):
            return i + 1
    raise AssertionError("no line matches %r" % pattern)


def injected(lines, after, text):
    """The shipped file with text inserted as line after+1; returns the
    text and the line number of the inserted line."""
    out = lines[:after] + [text] + lines[after:]
    return "\n".join(out), after + 1


def error_cases():
    lines = shipped_lines()
    cases = []
    # Below the file's long comment header: a top-level unknown option.
    n = line_of(lines, r"^#user = ")
    cases.append(("top-level unknown option",) + injected(
        lines, n, "no_such_option = 1"))
    # Inside a section, deep in the file, after many comment lines.
    n = line_of(lines, r"^\tbatch_size = ")
    cases.append(("unknown option in database",) + injected(
        lines, n, "\tno_such_option = 1"))
    # A value the range check refuses (the validate callback's line).
    n = line_of(lines, r"^\tstats_interval = ")
    cases.append(("value out of range in log",) + injected(
        lines, n, "\tstats_interval = -5"))
    # A syntax error in the last section.
    n = line_of(lines, r"^\tdays = ")
    cases.append(("syntax error in retention",) + injected(
        lines, n, "\tdays = = 3"))
    # Below a block comment.
    n = line_of(lines, r"^queue \{")
    text, _ = injected(lines, n - 1, "/* a\n   block\n   comment */")
    text2 = text.split("\n")
    k = line_of(text2, r"^\tmax_bytes = ")
    cases.append(("bad option after a block comment",) + injected(
        text2, k, "\tmax_bites = 1"))
    return cases


@pytest.mark.parametrize("what,text,line", error_cases(),
                         ids=lambda v: v.replace(" ", "-")
                         if isinstance(v, str) and len(v) < 40 else None)
def test_error_line_in_shipped_config(moscdrd, tmp_path, what, text, line):
    """An error injected at a known line of the shipped, heavily
    commented conf/moscdrd.conf is reported at exactly that line."""
    p = tmp_path / "moscdrd.conf"
    p.write_text(text)
    r = run_cli(moscdrd, "-t", "-f", str(p), *paths(tmp_path))
    assert r.returncode == 1, what
    out = r.stdout + r.stderr
    assert "configuration OK" not in out
    m = re.search(re.escape(str(p)) + r":(\d+): ", out)
    assert m, out
    assert int(m.group(1)) == line, (what, out)


def test_check_directory(moscdrd, tmp_path):
    """-t on a directory: one clear line, exit 1."""
    r = run_cli(moscdrd, "-t", "-f", str(tmp_path))
    assert r.returncode == 1
    assert r.stderr.strip() == "moscdrd: %s: cannot read: is a directory, " \
        "not a file" % tmp_path
    assert r.stdout == ""


def as_nobody():
    """preexec_fn that becomes user nobody (the test runs as root), or
    None when the test is not root."""
    if os.geteuid() != 0:
        return None
    pw = pwd.getpwnam("nobody")

    def drop():
        os.setgroups([])
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)
    return drop


def test_check_unreadable_file(moscdrd):
    """-t on a file this user cannot read: one clear line, exit 1.

    As root the daemon runs as nobody, which must reach both the binary
    and the file's directory: a checkout or a pytest directory below a
    mode 0700 directory would fail the exec or refuse the path instead
    of the file. So both go into a directory of their own in /var/tmp,
    mode 0755, and only the file's mode keeps it from being read."""
    d = tempfile.mkdtemp(prefix="moscdr-unreadable-", dir="/var/tmp")
    try:
        os.chmod(d, 0o755)
        exe = os.path.join(d, "moscdrd")
        shutil.copy2(moscdrd, exe)
        p = os.path.join(d, "secret.conf")
        shutil.copy(SHIPPED, p)
        os.chmod(p, 0)
        env = dict(os.environ)
        # ThreadSanitizer's build reads its suppressions from the
        # checkout at start: a copy beside the binary, for nobody.
        m = re.search(r"suppressions=(\S+)", env.get("TSAN_OPTIONS", ""))
        if m:
            supp = os.path.join(d, "tsan.supp")
            shutil.copy(m.group(1), supp)
            os.chmod(supp, 0o644)
            env["TSAN_OPTIONS"] = env["TSAN_OPTIONS"].replace(
                m.group(0), "suppressions=" + supp)
        r = run_cli(exe, "-t", "-f", p, preexec_fn=as_nobody(), env=env)
    finally:
        shutil.rmtree(d)
    if os.geteuid() == 0 or r.returncode == 1:
        assert r.returncode == 1
        assert r.stderr.strip() == \
            "moscdrd: %s: cannot read: Permission denied" % p
    else:
        pytest.skip("this user can read a mode 0 file")


# --- missing or unwritable directories stop the start -----------------------

def test_missing_database_directory(moscdrd, daemon, tmp_path):
    """A database directory that does not exist: -t and the start fail
    with one line naming it, the daemon does not spool forever."""
    bad = tmp_path / "nonexistent" / "m.db"
    r = run_cli(moscdrd, "-t", "-f", os.devnull, "-o",
                "database.path=%s" % bad, "-o",
                "spool.dir=%s" % (tmp_path / "spool"))
    assert r.returncode == 1
    assert "configuration OK" not in r.stdout
    assert "database.path %s: directory %s: No such file or directory" % (
        bad, bad.parent) in r.stderr, r.stderr
    d = daemon.start(opts={"database.path": str(bad),
                           "database.driver": "sqlite"}, wait_ready=False)
    assert d.proc.wait(timeout=30) == 1
    assert "database.path %s: directory %s" % (bad, bad.parent) in d.log
    assert not re.search(r"\bready\s*$", d.log, re.M)


def test_unwritable_spool_directory(moscdrd, daemon, tmp_path):
    """A spool directory the daemon's user cannot write: refused at -t and
    at start (not first noticed during an outage)."""
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere; the user case is in "
                    "test_check_as_configured_user")
    sp = tmp_path / "ro-spool"
    sp.mkdir()
    os.chmod(sp, 0o555)
    r = run_cli(moscdrd, "-t", "-f", os.devnull, "-o",
                "database.path=%s" % (tmp_path / "m.db"), "-o",
                "spool.dir=%s" % sp)
    assert r.returncode == 1
    assert "spool.dir %s" % sp in r.stderr



def test_previous_spool_format_refused(daemon, tmp_path):
    """A spool directory that still holds segments of the first release's
    spool (NNNNNNNNNNNNNNNN.seg) is not silently ignored: the start is
    refused with the way out, and the segment is left where it was."""
    sp = tmp_path / "old-spool"
    sp.mkdir()
    seg = sp / "0000000000000007.seg"
    seg.write_bytes(b"MOSCDRS1")
    d = daemon.start(opts={"spool.dir": str(sp)}, wait_ready=False)
    assert d.proc.wait(timeout=30) == 1
    assert "holds 1 segment(s) of the previous release's spool" in d.log, \
        d.log
    assert seg.exists()

@pytest.fixture
def open_tmp():
    """A directory every user can reach (pytest's tmp_path sits below a
    root-only directory)."""
    d = tempfile.mkdtemp(prefix="moscdr-op-", dir="/tmp")
    os.chmod(d, 0o755)
    yield __import__("pathlib").Path(d)
    shutil.rmtree(d, ignore_errors=True)


def test_check_as_configured_user(moscdrd, open_tmp):
    """As root with user = nobody, -t checks the paths as nobody: a spool
    directory only root can write is refused, naming it and the user."""
    if os.geteuid() != 0:
        pytest.skip("needs root to switch users")
    tmp_path = open_tmp
    sp = tmp_path / "root-spool"
    sp.mkdir(mode=0o755)
    dbdir = tmp_path / "db"
    dbdir.mkdir()
    os.chown(dbdir, pwd.getpwnam("nobody").pw_uid, -1)
    args = ["-t", "-f", os.devnull, "-o", "user=nobody", "-o",
            "database.path=%s" % (dbdir / "m.db")]
    r = run_cli(moscdrd, *args, "-o", "spool.dir=%s" % sp)
    assert r.returncode == 1, r.stdout
    assert "spool.dir %s: directory %s not writable by uid %d" % (
        sp, sp, pwd.getpwnam("nobody").pw_uid) in r.stderr, r.stderr
    assert "checked as user nobody" in r.stderr
    os.chown(sp, pwd.getpwnam("nobody").pw_uid, -1)
    r = run_cli(moscdrd, *args, "-o", "spool.dir=%s" % sp)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("configuration OK: %s " % os.devnull)
    assert "user nobody" in r.stdout


# --- two daemons never share an address or a spool ------------------------

def test_second_daemon_same_udp_port(daemon):
    """A second daemon on the first one's UDP address fails to start with
    a clear error; the first keeps receiving."""
    d1 = daemon.start()
    d2 = daemon.start(opts={"udp.listen": "127.0.0.1:%d" % d1.port},
                      wait_ready=False)
    assert d2.proc.wait(timeout=30) == 1
    assert "udp 127.0.0.1:%d: cannot bind: Address already in use" % \
        d1.port in d2.log, d2.log
    d1.send(mt.full_message("after-second"))
    mt.wait_until(lambda: d1.db.count_calls() == 1, 30, "row stored")
    st = d1.stop()
    assert st["stored"] == 1


def test_second_daemon_same_spool(daemon):
    """Two daemons never share a spool directory: the second is refused,
    naming the first one's pid."""
    d1 = daemon.start()
    d2 = daemon.start(opts={"spool.dir": d1.spool_dir}, wait_ready=False)
    assert d2.proc.wait(timeout=30) == 1
    assert "spool %s: in use by another moscdrd (pid %d)" % (
        d1.spool_dir, d1.pid) in d2.log, d2.log
    d1.stop()
    # Once the first is gone, the directory is free again.
    d3 = daemon.start(opts={"spool.dir": d1.spool_dir})
    d3.stop()


# --- signals ----------------------------------------------------------------

def test_signals_do_not_kill(daemon):
    """SIGUSR1 logs the stats line now; SIGUSR2 and SIGPIPE are ignored;
    the daemon goes on storing."""
    d = daemon.start()
    d.send(mt.full_message("sig-1"))
    mt.wait_until(lambda: d.db.count_calls() == 1, 30, "first row")
    os.kill(d.pid, signal.SIGUSR1)
    mt.wait_until(lambda: "SIGUSR1: stats: " in d.log, 10,
                  "a stats line after SIGUSR1")
    line = re.search(r"SIGUSR1: stats: (.*)$", d.log, re.M).group(1)
    assert mt.parse_stats(line)["stored"] == 1
    os.kill(d.pid, signal.SIGUSR2)
    os.kill(d.pid, signal.SIGPIPE)
    d.send(mt.full_message("sig-2"))
    mt.wait_until(lambda: d.db.count_calls() == 2, 30, "second row")
    assert d.running()
    st = d.stop()
    assert st["stored"] == 2


# --- systemd: sd_notify and the journal -------------------------------------

def test_sd_notify(daemon, tmp_path):
    """With NOTIFY_SOCKET, the daemon sends STATUS= and READY=1 once it is
    ready, and STOPPING=1 on SIGTERM; without it nothing changes (every
    other test)."""
    path = str(tmp_path / "notify")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.bind(path)
    s.settimeout(30)
    old = os.environ.get("NOTIFY_SOCKET")
    os.environ["NOTIFY_SOCKET"] = path
    try:
        d = daemon.start(wait_ready=False)
    finally:
        if old is None:
            del os.environ["NOTIFY_SOCKET"]
        else:
            os.environ["NOTIFY_SOCKET"] = old
    got = []
    while not any("READY=1" in m for m in got):
        got.append(s.recv(4096).decode())
    assert re.search(r"\bready\s*$", d.log, re.M), \
        "READY=1 before the log says ready"
    assert any(m.startswith("STATUS=database up; received 0, stored 0")
               for m in got), got
    d.wait_ready()
    d.send(mt.full_message("notify-1"))
    mt.wait_until(lambda: d.db.count_calls() == 1, 30, "row stored")
    os.kill(d.pid, signal.SIGTERM)
    while not any("STOPPING=1" in m for m in got):
        got.append(s.recv(4096).decode())
    d.stop()
    s.close()


def test_journal_priority_prefix(daemon, moscdrd, tmp_path):
    """When stderr is the journal's stream (JOURNAL_STREAM names it),
    each line starts with <N> and has no timestamp; an error is <2> or
    <3>, info <6>."""
    log = tmp_path / "journal.log"
    with open(log, "wb") as f:
        st = os.fstat(f.fileno())
        env = dict(os.environ, JOURNAL_STREAM="%d:%d" % (st.st_dev,
                                                         st.st_ino))
        p = subprocess.Popen(
            [moscdrd, "-d", "-f", os.devnull, "-o", "udp.listen=127.0.0.1:0",
             "-o", "metrics.listen=", "-o",
             "database.path=%s" % (tmp_path / "nonexistent" / "m.db"),
             "-o", "spool.dir=%s" % (tmp_path / "spool")],
            stdout=f, stderr=f, env=env)
        assert p.wait(timeout=30) == 1
    lines = log.read_text().splitlines()
    assert lines, "nothing logged"
    for l in lines:
        assert re.match(r"<[0-7]>", l), l
        assert not re.match(r"<\d>\d{4}-\d\d-\d\dT", l), l
    assert any(l.startswith("<6>moscdrd ") for l in lines), lines
    assert re.match(r"<[23]>error: database.path ", lines[-1]), lines
    # The same run with the variable naming another stream: timestamps.
    with open(log, "wb") as f:
        env = dict(os.environ, JOURNAL_STREAM="1:1")
        p = subprocess.Popen(
            [moscdrd, "-d", "-f", os.devnull, "-o", "udp.listen=127.0.0.1:0",
             "-o", "metrics.listen=", "-o",
             "database.path=%s" % (tmp_path / "nonexistent" / "m.db")],
            stdout=f, stderr=f, env=env)
        assert p.wait(timeout=30) == 1
    for l in log.read_text().splitlines():
        assert re.match(r"\d{4}-\d\d-\d\dT", l), l


def free_tcp_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_metrics_after_privilege_drop(moscdrd, daemon, open_tmp):
    """/metrics and /health are started only after the switch to the
    configured user: the log says so in that order, and the HTTP thread
    runs as that user."""
    if os.geteuid() != 0:
        pytest.skip("needs root to switch users")
    nobody = pwd.getpwnam("nobody")
    os.chown(open_tmp, nobody.pw_uid, -1)
    port = free_tcp_port()
    opts = {"user": "nobody", "metrics.listen": "127.0.0.1:%d" % port,
            "spool.dir": str(open_tmp / "spool")}
    if daemon.db.daemon_options().get("database.driver") != "postgresql":
        opts["database.path"] = str(open_tmp / "m.db")
    d = daemon.start(opts=opts)
    log = d.log
    i_user = log.index("running as user nobody")
    i_metrics = log.index("metrics on http://127.0.0.1:%d" % port)
    assert i_user < i_metrics, log
    for task in os.listdir("/proc/%d/task" % d.pid):
        with open("/proc/%d/task/%s/status" % (d.pid, task)) as f:
            uid = re.search(r"^Uid:\s+(\d+)", f.read(), re.M).group(1)
        assert int(uid) == nobody.pw_uid, task
    d.stop()
