#!/usr/bin/python3
"""native_utf8.py: the UTF-8 repair of contrib/kamailio/moscdr-native.cfg.

jansson_set refuses text that is not UTF-8, so the native cfg checks each
value with a byte outside printable ASCII (route MOSCDR_UTF8) and, when it
is not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
nothing above U+10FFFF, no truncated sequence), replaces every byte above
0x7f by U+FFFD before route MOSCDR_ADD hands it to jansson_set.

This runs a real Kamailio 5.6 on a small cfg that includes
moscdr-native.cfg unedited and calls route(MOSCDR_ADD) from
event_route[htable:mod-init] (run once at start, no SIP needed) for each
test value, logging the JSON that jansson built. Each must be valid JSON
and hold exactly the expected text: the value itself when it is UTF-8
(as Python's strict decoder says), else its bytes with each one above 0x7f
replaced by U+FFFD. Prints "ok   - ..." / "FAIL - ..." lines and
"native utf8: N passed, M failed"; exit 1 on failure.

Usage: native_utf8.py WORKDIR
"""

import json
import os
import signal
import subprocess
import sys
import time

# check.py's check() and its passed/failed counts (this directory is on
# sys.path as the script's own)
import check as checks
from check import check

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
INCLUDE = os.path.join(TOP, "contrib", "kamailio", "moscdr-native.cfg")

CASES = [
    ("ascii", b"Busy Here"),
    ("latin1", b"Occup\xe9 ici"),
    ("latin1 at end", b"Non trouv\xe9"),
    ("2-byte", "Occupé ici".encode()),
    ("3-byte", "Anruf über € ok".encode()),
    ("4-byte", "note \U0001F3B5 end".encode()),
    ("highest", "x\U0010FFFFy".encode()),
    ("mixed valid and Latin-1", "é".encode() + b" \xe9"),
    ("overlong /", b"a\xc0\xafb"),
    ("overlong 3-byte", b"a\xe0\x80\xafb"),
    ("surrogate", b"a\xed\xa0\x80b"),
    ("above U+10FFFF", b"a\xf4\x90\x80\x80b"),
    ("F5 lead", b"a\xf5\x80\x80\x80b"),
    ("truncated 3-byte", b"a\xe2\x82"),
    ("lone continuation", b"\x80abc"),
    ("tab and DEL", b"a\tb\x7fc"),
    ("quote and backslash", b'say "hi" \\ \xff'),
]

def stop_group(p):
    """SIGTERM to the process group of p (started with its own session),
    then SIGKILL to whatever of it is left after p exits."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(p.pid, sig)
        except ProcessLookupError:
            break
        if sig == signal.SIGTERM:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                pass
            time.sleep(0.5)
    p.wait()


def expected(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(chr(b) if b < 0x80 else "\ufffd" for b in raw)


def main():
    work = sys.argv[1]
    os.makedirs(work, exist_ok=True)
    lines = []
    for i, (_, raw) in enumerate(CASES):
        lines.append('\t$var(t) = "%s";' % raw.hex())
        lines.append("\t$avp(moscdr_v) = $(var(t){s.decode.hexa});")
        lines.append('\t$var(moscdr_k) = "v"; $var(moscdr_json) = "{}";')
        lines.append("\troute(MOSCDR_ADD);")
        lines.append('\txinfo("UTF8TEST %d $var(moscdr_json)\\n");' % i)
    cfg = os.path.join(work, "utf8.cfg")
    with open(cfg, "w") as f:
        f.write("""#!KAMAILIO
debug=2
log_stderror=yes
children=1
listen=udp:127.0.0.1:%d
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "kex.so"
loadmodule "tm.so"
loadmodule "htable.so"
loadmodule "rtpengine.so"
modparam("rtpengine", "rtpengine_sock", "udp:127.0.0.1:9")
include_file "%s"
event_route[htable:mod-init] {
%s
	xinfo("UTF8TEST done\\n");
}
request_route { exit; }
""" % (int(sys.argv[2]) if len(sys.argv) > 2 else 29990, INCLUDE,
       "\n".join(lines)))
    log = os.path.join(work, "utf8.log")
    with open(log, "wb") as out:
        # its own process group: the route runs while Kamailio starts,
        # and a child forked just as the main process gets SIGTERM would
        # outlive it; the group (this Kamailio only) is stopped as a whole
        p = subprocess.Popen(["kamailio", "-f", cfg, "-DD", "-E", "-Y", work],
                             stdout=out, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL,
                             start_new_session=True)
        try:
            for _ in range(100):
                with open(log, "rb") as f:
                    if b"UTF8TEST done" in f.read() or p.poll() is not None:
                        break
                time.sleep(0.1)
        finally:
            stop_group(p)
    got = {}
    with open(log, "rb") as f:
        for line in f:
            i = line.find(b"UTF8TEST ")
            if i < 0 or b"UTF8TEST done" in line:
                continue
            n, _, text = line[i + 9:].rstrip(b"\n").partition(b" ")
            got[int(n)] = text
    check(len(got) == len(CASES), "kamailio ran route(MOSCDR_ADD) for all "
          "%d values (log %s)" % (len(CASES), log))
    for i, (name, raw) in enumerate(CASES):
        text = got.get(i)
        try:
            obj = json.loads(text.decode("utf-8", "strict"))
        except (AttributeError, UnicodeDecodeError, ValueError):
            check(False, "%s: valid JSON in valid UTF-8 (got %r)" % (name, text))
            continue
        want = expected(raw)
        check(obj.get("v") == want, "%s: %r gives %r (got %r)"
              % (name, raw, want, obj.get("v")))
    with open(log, "rb") as f:
        text = f.read()
    check(b"ERROR: jansson" not in text and b"left out" not in text,
          "jansson refused nothing (each value repaired before)")
    print("native utf8: %d passed, %d failed" % (checks.passed, checks.failed))
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
