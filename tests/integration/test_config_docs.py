"""Every option config.c accepts is documented where an operator looks:
in man/moscdrd.conf.5, under its section, with its type and default and
whether a reload applies it, and in conf/moscdrd.conf, the shipped file
(under its section, set or commented out). The list is read from the
libconfuse option tables in src/config.c, so a new option without docs
fails here."""

import os
import re

import moscdr_test as mt

CONFIG_C = os.path.join(mt.ROOT, "src", "config.c")
MAN = os.path.join(mt.ROOT, "man", "moscdrd.conf.5")
CONF = os.path.join(mt.ROOT, "conf", "moscdrd.conf")


def accepted_options():
    """{section or "": [option names]} from config_init_cfg()'s tables."""
    src = open(CONFIG_C).read()
    tables = {}
    for m in re.finditer(r"static cfg_opt_t (\w+)\[\] = \{(.*?)\n\t\};",
                         src, re.S):
        tables[m.group(1)] = re.findall(r'CFG_\w+\("(\w+)"', m.group(2))
    assert "opts" in tables, "no top-level option table in config.c"
    top = tables["opts"]
    out = {"": []}
    for name in top:
        sec = re.search(r'CFG_SEC\("%s", (\w+),' % name, src)
        if sec:
            out[name] = tables[sec.group(1)]
        else:
            out[""].append(name)
    return out


@mt.not_sanitized("reads the source and the docs: no C code runs")
def test_option_tables_found():
    opts = accepted_options()
    # The parse above found the tables it must (a test that cannot fail
    # is no test): the sections and some options known to exist.
    for sec in ("udp", "evapi", "database", "spool", "queue", "log", "auth",
                "metrics", "retention"):
        assert sec in opts, sec
    assert "node" in opts[""] and "allow" in opts["udp"]
    assert sum(len(v) for v in opts.values()) >= 30


def man_sections():
    """{section or "": text of that part of the man page}."""
    text = open(MAN).read()
    parts = re.split(r"^\.SH ", text, flags=re.M)
    out = {}
    for p in parts:
        head = p.split("\n", 1)[0]
        m = re.match(r"SECTION (\w+)", head)
        if m:
            out[m.group(1)] = p
        elif head.startswith("TOP LEVEL"):
            out[""] = p
    return out


@mt.not_sanitized("reads the source and the docs: no C code runs")
def test_every_option_in_the_man_page():
    secs = man_sections()
    missing = []
    for sec, names in accepted_options().items():
        body = secs.get(sec)
        if body is None:
            missing.append("section %s" % (sec or "top level"))
            continue
        # Each option is a .TP entry: ".TP\n.B name\n" then its text,
        # which says its default and whether a reload applies it.
        entries = re.split(r"^\.TP\n", body, flags=re.M)
        for n in names:
            e = [x for x in entries if re.match(r"\.B %s\n" % n, x)]
            if not e:
                missing.append("%s.%s" % (sec, n) if sec else n)
                continue
            if sec != "evapi":      # evapi says reload once, for all
                assert re.search(r"Reload: (yes|restart)\b", e[0]), \
                    "%s.%s: no Reload: line" % (sec, n)
            assert "default" in e[0].lower() or sec == "evapi" and \
                n == "address", "%s.%s: no default" % (sec, n)
    assert not missing, "not in man/moscdrd.conf.5: %s" % missing


def conf_blocks():
    """{section or "": text} of conf/moscdrd.conf: each section's block
    (set or commented out), the top level without the blocks."""
    lines = open(CONF).read().split("\n")
    out, top, cur, body = {}, [], None, []
    for l in lines:
        m = re.match(r"#?(\w+)( \"[^\"]*\")? \{\s*$", l)
        if cur is None and m:
            cur, body = m.group(1), []
            continue
        if cur is not None and re.match(r"#?\}\s*$", l):
            out[cur] = "\n".join(body)
            cur = None
            continue
        (body if cur is not None else top).append(l)
    out[""] = "\n".join(top)
    return out


@mt.not_sanitized("reads the source and the docs: no C code runs")
def test_every_option_in_the_shipped_file():
    blocks = conf_blocks()
    missing = []
    for sec, names in accepted_options().items():
        body = blocks.get(sec)
        for n in names:
            if body is None or not re.search(
                    r"^[#\t ]*%s = " % n, body, re.M):
                missing.append("%s.%s" % (sec, n) if sec else n)
    assert not missing, "not in conf/moscdrd.conf: %s" % missing
