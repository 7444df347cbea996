"""The example alerting rules contrib/prometheus/moscdr-rules.yml.

Proves: promtool (Debian's prometheus package) accepts the file and its
unit tests (moscdr-rules.test.yml) pass, a wrong expectation in them
fails (the tests really evaluate the rules), and every moscdr_ series the
rules read is one that a running moscdrd exposes on /metrics.
"""

import os
import re
import shutil
import subprocess

import moscdr_test as mt
from test_metrics import http_get

DIR = os.path.join(mt.ROOT, "contrib", "prometheus")
RULES = os.path.join(DIR, "moscdr-rules.yml")
TESTS = os.path.join(DIR, "moscdr-rules.test.yml")
PROMTOOL = shutil.which("promtool")



def promtool(*args, cwd=DIR):
    # make deps-test installs Debian's prometheus package: never skipped.
    assert PROMTOOL, "promtool missing: install the prometheus package"
    return subprocess.run([PROMTOOL] + list(args), cwd=cwd,
                          capture_output=True, text=True, timeout=60)


@mt.not_sanitized("promtool runs no C code of ours")
def test_rules_check_and_unit_tests_pass():
    r = promtool("check", "rules", RULES)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "SUCCESS: 6 rules found" in r.stdout
    r = promtool("test", "rules", TESTS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "SUCCESS" in r.stdout


@mt.not_sanitized("promtool runs no C code of ours")
def test_a_wrong_expectation_fails(tmp_path):
    shutil.copy(RULES, tmp_path / "moscdr-rules.yml")
    with open(TESTS) as f:
        text = f.read()
    bad = text.replace("lost 3 records", "lost 4 records")
    assert bad != text
    (tmp_path / "moscdr-rules.test.yml").write_text(bad)
    r = promtool("test", "rules", "moscdr-rules.test.yml", cwd=tmp_path)
    assert r.returncode != 0
    assert "FAILED" in r.stdout + r.stderr


@mt.not_sanitized("the metrics page is served in test_metrics.py")
def test_rules_read_series_the_daemon_exposes(daemon, db):
    with open(RULES) as f:
        names = set(re.findall(r"\bmoscdr_[a-z_]+", f.read()))
    assert len(names) >= 5
    d = daemon.start(metrics__listen="127.0.0.1:0")
    status, _, page = http_get(d, "/metrics")
    d.stop()
    assert status == 200
    exposed = set(re.findall(r"^# TYPE (\S+) ", page, re.M))
    # A histogram's series are name_bucket, name_sum and name_count.
    for h in re.findall(r"^# TYPE (\S+) histogram", page, re.M):
        exposed |= {h + "_bucket", h + "_sum", h + "_count"}
    assert "moscdr_call_mos_bucket" in names
    assert names <= exposed, names - exposed
