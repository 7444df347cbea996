#!/usr/bin/python3
"""restart.py: moscdrd restarted in the middle of a sipp load through real
Kamailio 5.6 and rtpengine, with and without socket activation.

One Kamailio (contrib/kamailio, unedited, settings by -A) sends each
call's message over UDP and over evapi (MOSCDR_TRANSPORT "both") to a
moscdrd on SQLite. sipp places CALLS calls at RATE calls/s (1 s each);
AWAY_AT s into the load moscdrd gets SIGTERM and is started again AWAY s
later. Two runs:

  activated  the UDP socket is held by this script and passed to each
             moscdrd as systemd passes a socket unit's socket
             (tests/integration/sockact.py). Asserted: the script
             reported every call sipp completed (and those that failed),
             every reported call is stored exactly once (one row per
             Call-ID, the Call-IDs the Kamailio script logged), and every
             UDP copy arrived (received_udp of both processes).
  plain      moscdrd binds its own socket. Measured only: the UDP and
             evapi copies lost while moscdrd was away.

Prints "ok"/"FAIL" lines, the figures as "# ..." lines and ends with
"restart: N passed, M failed"; exit 1 on failure. Every process it starts
is stopped by its pid. Environment: MOSCDRD.
"""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(TOP, "tests", "integration"))
import ports      # noqa: E402
import sockact    # noqa: E402

MOSCDRD = os.environ.get("MOSCDRD", os.path.join(TOP, "build", "moscdrd"))
RATE = 20
CALLS = 200
AWAY_AT = 3.0
AWAY = 3.0
TALK_MS = 1000

passed = 0
failed = 0
procs = []


def ok(what):
    global passed
    passed += 1
    print("ok   - restart: " + what, flush=True)


def bad(what):
    global failed
    failed += 1
    print("FAIL - restart: " + what, flush=True)


def note(what):
    print("# " + what, flush=True)


def start(argv, log, popen=subprocess.Popen, **kw):
    f = open(log, "wb")
    p = popen(argv, stdin=subprocess.DEVNULL, stdout=f,
              stderr=subprocess.STDOUT, **kw)
    f.close()
    procs.append(p)
    return p


def stop(p, sig=signal.SIGTERM, timeout=20):
    if p.poll() is None:
        p.send_signal(sig)
        try:
            p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    if p in procs:
        procs.remove(p)
    return p.returncode


def wait_log(path, pattern, count=1, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
            if len(re.findall(pattern, text, re.M)) >= count:
                return True
        except FileNotFoundError:
            pass
        time.sleep(0.1)
    return False


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


def stats_of(log):
    lines = re.findall(r"exiting, stats: (.*)$", read(log), re.M)
    if not lines:
        return {}
    return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)\b", lines[-1])}


class Setup:
    def __init__(self, work):
        self.work = work
        b = ports.blocks(4, 8)
        r = ports.blocks(1, 1000)
        self.rtpe_ng = b[0]
        self.kam_sip, self.kam_evapi = b[1], b[1] + 1
        self.moscdr_udp = b[1] + 2
        self.uas_port, self.uas_mp = b[2], b[2] + 2
        self.uac_port, self.uac_mp = b[3], b[3] + 2
        self.rtp = r[0]

    def start_media_and_proxy(self):
        w = self.work
        log = os.path.join(w, "rtpengine.log")
        start(["rtpengine", "--config-file=none", "--table=-1",
               "--interface=127.0.0.1",
               "--listen-ng=127.0.0.1:%d" % self.rtpe_ng, "--foreground",
               "--log-stderr", "--port-min=%d" % self.rtp,
               "--port-max=%d" % (self.rtp + 999),
               # ports back at once after a delete: 200 calls in 10 s
               "--delete-delay=0",
               "--pidfile=%s" % os.path.join(w, "rtpengine.pid")], log)
        if not wait_log(log, "Startup complete"):
            bad("rtpengine started (%s)" % log)
            return False
        kd = os.path.join(w, "kam")
        os.makedirs(kd)
        with open(os.path.join(kd, "dispatcher.list"), "w") as f:
            f.write("1 sip:127.0.0.1:%d\n" % self.uas_port)
        argv = ["kamailio", "-f",
                os.path.join(TOP, "contrib", "kamailio", "kamailio.cfg"),
                "-DD", "-E", "-Y", kd,
                "-A", "MOSCDR_SIP_LISTEN=udp:127.0.0.1:%d" % self.kam_sip,
                "-A", 'MOSCDR_RTPENGINE_SOCK="udp:127.0.0.1:%d"'
                % self.rtpe_ng,
                "-A", 'MOSCDR_DISPATCHER_LIST="%s"'
                % os.path.join(kd, "dispatcher.list"),
                "-A", 'MOSCDR_LUA="%s"' % os.path.join(
                    TOP, "contrib", "kamailio", "kamailio.lua"),
                "-A", 'MOSCDR_TRANSPORT="both"',
                "-A", 'MOSCDR_UDP_DST="sip:127.0.0.1:%d"' % self.moscdr_udp,
                "-A", 'MOSCDR_EVAPI_BIND="127.0.0.1:%d"' % self.kam_evapi,
                "-A", "MOSCDR_LOG_MESSAGES=1",
                "-A", "MOSCDR_QUERY=0"]
        os.environ["LUA_PATH"] = os.path.join(
            TOP, "contrib", "kamailio", "?.lua") + ";;"
        self.kamlog = os.path.join(kd, "log")
        start(argv, self.kamlog)
        if not wait_log(self.kamlog, r"rtpengine instance .* found"):
            bad("kamailio started and reached rtpengine (%s)" % self.kamlog)
            return False
        ok("rtpengine and kamailio (udp and evapi) started")
        return True

    def moscdrd(self, run, n, sockets):
        d = os.path.join(self.work, run)
        os.makedirs(d, exist_ok=True)
        conf = os.path.join(d, "moscdrd.conf")
        with open(conf, "w") as f:
            f.write('node = "e2e"\n'
                    'udp {\n\tlisten = {"127.0.0.1:%d"}\n\trcvbuf = %d\n}\n'
                    'evapi "kam" {\n\taddress = "127.0.0.1:%d"\n}\n'
                    'database {\n\tdriver = "sqlite"\n\tpath = "%s"\n'
                    '\tflush_interval = 50\n}\n'
                    'spool {\n\tdir = "%s"\n}\n'
                    'log {\n\tstats_interval = 0\n}\n'
                    % (self.moscdr_udp, 8 << 20, self.kam_evapi,
                       os.path.join(d, "moscdr.db"),
                       os.path.join(d, "spool")))
        log = os.path.join(d, "moscdrd-%d.log" % n)
        seen = len(re.findall("evapi client connected", read(self.kamlog)))
        argv = [MOSCDRD, "-d", "-f", conf]
        if sockets:
            p = start(argv, log, sockact.popen, sockets=sockets)
        else:
            p = start(argv, log)
        if not wait_log(log, r" ready\s*$") or not wait_log(
                self.kamlog, "evapi client connected", seen + 1):
            # Without socket activation the port is free while moscdrd is
            # away and another program may take it: the run measures only.
            (bad if sockets else note)("%s: moscdrd %d ready and connected "
                                       "(%s)" % (run, n, log))
            return None, log
        return p, log

    def run(self, run, activated):
        d = os.path.join(self.work, run)
        os.makedirs(d)
        ls = None
        if activated:
            ls = sockact.ListenSocket(port=self.moscdr_udp, rcvbuf=8 << 20)
        sockets = [ls] if ls else []
        try:
            m1, log1 = self.moscdrd(run, 1, sockets)
            if m1 is None:
                return
            if activated and "socket passed by systemd" not in read(log1):
                bad("%s: moscdrd took the passed socket" % run)
            epf = os.path.join(d, "ep")
            uas = start(["sipp", "-sf", os.path.join(HERE, "uas.xml"),
                         "-i", "127.0.0.1", "-p", str(self.uas_port),
                         "-mp", str(self.uas_mp), "-m", str(CALLS),
                         "-nostdin", "-key", "ep_port", "9",
                         "-key", "ep_file", epf, "-timeout", "90s",
                         "-trace_err", "-error_file",
                         os.path.join(d, "uas.err")],
                        os.path.join(d, "uas.log"))
            time.sleep(0.5)
            uac = start(["sipp", "-sf", os.path.join(HERE, "uac.xml"),
                         "-i", "127.0.0.1", "-p", str(self.uac_port),
                         "-mp", str(self.uac_mp), "-m", str(CALLS),
                         "-r", str(RATE), "-d", str(TALK_MS), "-nostdin",
                         "-key", "ep_port", "9", "-key", "ep_file", epf,
                         "-cid_str", "restart-%s-%%u-%%p@%%s" % run,
                         "-timeout", "90s",
                         "127.0.0.1:%d" % self.kam_sip],
                        os.path.join(d, "uac.log"))
            time.sleep(AWAY_AT)
            rc1 = stop(m1)
            time.sleep(AWAY)
            m2, log2 = self.moscdrd(run, 2, sockets)
            if m2 is None:
                return
            try:
                uac.wait(timeout=120)
            except subprocess.TimeoutExpired:
                pass
            uac_rc = stop(uac)
            stop(uas, timeout=10)
            # the last reports follow the last BYE
            logged = lambda: set(re.findall(
                r'moscdr: message \{.*?"call_id":"(restart-%s-[^"]*)"'
                % run, read(self.kamlog)))
            time.sleep(2)
            rc2 = stop(m2)
        finally:
            if ls:
                ls.close()
        # sipp's final statistics screen, at the end of its output
        m = re.findall(r"Successful call\s*\|\s*\d+\s*\|\s*(\d+)",
                       read(os.path.join(d, "uac.log")))
        completed = int(m[-1]) if m else -1
        ids = logged()
        s1, s2 = stats_of(log1), stats_of(log2)
        udp = s1.get("received_udp", 0) + s2.get("received_udp", 0)
        evapi = s1.get("received_evapi", 0) + s2.get("received_evapi", 0)
        db = sqlite3.connect(os.path.join(d, "moscdr.db"))
        rows = db.execute("SELECT call_id, messages FROM call").fetchall()
        db.close()
        stored = {r[0] for r in rows}
        note("%s: sipp completed %d of %d calls (uac rc %s); the script "
             "reported %d; moscdrd away %.0f s at %d calls/s; received "
             "over udp %d, over evapi %d (lost: udp %d, evapi %d); stored "
             "%d calls (%d distinct), %d of the reported missing"
             % (run, completed, CALLS, uac_rc, len(ids), AWAY, RATE, udp,
                evapi, len(ids) - udp, len(ids) - evapi, len(rows),
                len(stored), len(ids - stored)))
        if rc1 != 0 or rc2 != 0:
            bad("%s: moscdrd exit codes %s, %s" % (run, rc1, rc2))
        # A call that failed (a 408 under load) is reported too.
        if completed <= 0 or len(ids) < completed:
            bad("%s: the script reported each completed call (%d "
                "reported, %d completed)" % (run, len(ids), completed))
        elif activated:
            ok("%s: the script reported the %d completed calls (%d "
               "reports)" % (run, completed, len(ids)))
        if not activated or not ids:
            return
        if udp == len(ids):
            ok("%s: every UDP copy arrived across the restart (%d)"
               % (run, udp))
        else:
            bad("%s: UDP copies received %d of %d" % (run, udp, len(ids)))
        if stored == ids and len(rows) == len(stored):
            ok("%s: every completed call stored exactly once (%d)"
               % (run, len(rows)))
        else:
            bad("%s: stored %d rows, %d distinct, %d missing, %d extra"
                % (run, len(rows), len(stored), len(ids - stored),
                   len(stored - ids)))


def main():
    for tool in ("kamailio", "rtpengine", "sipp"):
        if shutil.which(tool) is None:
            bad("%s installed" % tool)
            return
    work = tempfile.mkdtemp(prefix="moscdr-e2e-restart.")
    os.chmod(work, 0o755)
    keep = False
    try:
        s = Setup(work)
        if s.start_media_and_proxy():
            s.run("activated", True)
            s.run("plain", False)
    finally:
        for p in list(procs):
            stop(p)
        keep = failed > 0 or os.environ.get("E2E_KEEP") == "1"
        if keep:
            note("logs kept in %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a crash of the script is a failure, shown
        import traceback
        traceback.print_exc()
        bad("ran to the end (%r)" % e)
        for p in list(procs):
            stop(p)
    print("restart: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
