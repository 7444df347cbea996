"""Headless Chromium (Debian's chromium package) driven through the
DevTools protocol over --remote-debugging-pipe: JSON messages separated
by NUL bytes on file descriptors 3 (to the browser) and 4 (from it). No
websocket and no chromedriver needed, only the standard library.

Page.open(path) loads a local file and records what a test asks about:
console messages and their levels, uncaught exceptions, and every
network request the page made besides loading the file itself.
"""

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

CHROMIUM = shutil.which("chromium")


class Browser:
    def __init__(self, width=1280, height=900):
        assert CHROMIUM, "chromium missing: install the chromium package"
        self.profile = tempfile.mkdtemp(prefix="moscdr-chromium-")
        to_r, self._to = os.pipe()
        self._from, from_w = os.pipe()

        def fds():
            # The browser reads commands on 3 and answers on 4.
            a, b = os.dup(to_r), os.dup(from_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-pipe", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync",
             "--disable-component-update", "--disable-dev-shm-usage",
             "--user-data-dir=" + self.profile,
             "--window-size=%d,%d" % (width, height), "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=fds)
        os.close(to_r)
        os.close(from_w)
        self._buf = b""
        self._id = 0
        self.events = []

    def _send(self, method, params=None, session=None):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to, json.dumps(msg).encode() + b"\0")
        return self._id

    def _read(self, timeout):
        """The next message, or None after timeout seconds."""
        end = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = end - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self._from], [], [], left)
            if r:
                chunk = os.read(self._from, 1 << 20)
                assert chunk, "chromium closed the DevTools pipe"
                self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None, timeout=60):
        """Sends a command and returns its result; events that arrive
        meanwhile are kept in self.events."""
        want = self._send(method, params, session)
        end = time.monotonic() + timeout
        while True:
            msg = self._read(max(0.0, end - time.monotonic()))
            assert msg is not None, "no answer to %s" % method
            if msg.get("id") == want:
                assert "error" not in msg, (method, msg["error"])
                return msg.get("result", {})
            self.events.append(msg)

    def wait_event(self, method, session=None, timeout=60):
        end = time.monotonic() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == method and e.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            msg = self._read(max(0.0, end - time.monotonic()))
            assert msg is not None, "no %s event" % method
            if msg.get("method") == method and \
                    msg.get("sessionId") == session:
                return msg
            self.events.append(msg)

    def open(self, path, width=1280, height=900):
        t = self.call("Target.createTarget", {"url": "about:blank"})
        s = self.call("Target.attachToTarget",
                      {"targetId": t["targetId"], "flatten": True})
        return Page(self, s["sessionId"], "file://" + os.path.abspath(path),
                    width, height)

    def close(self):
        try:
            self._send("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to)
        os.close(self._from)
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    def __init__(self, browser, session, url, width, height):
        self.b = browser
        self.s = session
        self.url = url
        for domain in ("Runtime", "Log", "Network", "Page"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height,
                   "deviceScaleFactor": 1, "mobile": False})
        self.call("Page.navigate", {"url": url})
        self.b.wait_event("Page.loadEventFired", session)

    def call(self, method, params=None):
        return self.b.call(method, params, self.s)

    def evaluate(self, expr):
        r = self.call("Runtime.evaluate", {"expression": expr,
                                           "returnByValue": True})
        assert "exceptionDetails" not in r, r
        return r["result"].get("value")

    def _events(self, method):
        return [e["params"] for e in self.b.events
                if e.get("sessionId") == self.s and e.get("method") == method]

    def console_errors(self):
        """Console calls of level error or warning, log entries of level
        error, and uncaught exceptions."""
        out = [p for p in self._events("Runtime.consoleAPICalled")
               if p["type"] in ("error", "warning", "assert")]
        out += [p for p in self._events("Log.entryAdded")
                if p["entry"]["level"] in ("error", "warning")]
        out += self._events("Runtime.exceptionThrown")
        return out

    def requests(self):
        """URLs the page requested besides itself."""
        return [p["request"]["url"]
                for p in self._events("Network.requestWillBeSent")
                if p["request"]["url"] != self.url]

    def screenshot(self, path):
        """A PNG of the whole page."""
        h = self.evaluate("document.documentElement.scrollHeight")
        w = self.evaluate("document.documentElement.scrollWidth")
        r = self.call("Page.captureScreenshot",
                      {"format": "png", "captureBeyondViewport": True,
                       "clip": {"x": 0, "y": 0, "width": w, "height": h,
                                "scale": 1}})
        with open(path, "wb") as f:
            f.write(base64.b64decode(r["data"]))
