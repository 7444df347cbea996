# moscdr: build, run and test moscdrd.
#
#   make run     install what is missing, build, run on the SQLite default
#   make test    install what is missing, build, run every test
#   make e2e     the end-to-end suite with real Kamailio, rtpengine and sipp
#   make bench   the benchmark (figures and ratios, never pass/fail)
#   make fuzz    run each libFuzzer target for FUZZ_SECONDS
#   make install PREFIX=/usr/local DESTDIR=
#   make deb     the Debian package: build/moscdr_VERSION_ARCH.deb
#
# SANITIZE=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer
# into build/san/ and runs the same suite there; SANITIZE=thread does the
# same with ThreadSanitizer into build/tsan/.

PREFIX	?= /usr/local
DESTDIR	?=
SBINDIR	?= $(PREFIX)/sbin
SYSCONFDIR ?= /etc
LOCALSTATEDIR ?= /var
DATADIR	?= $(PREFIX)/share/moscdr
UNITDIR	?= $(PREFIX)/lib/systemd/system
MANDIR	?= $(PREFIX)/share/man
DOCDIR	?= $(PREFIX)/share/doc/moscdr
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d

CC	?= cc
PKG_CONFIG ?= pkg-config
PKGS	= libcjson libconfuse sqlite3 libpq libevent libevent_pthreads libcrypto \
	  libmicrohttpd libsystemd zlib

WARN	= -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	  -Wpointer-arith -Wformat=2
CFLAGS	?= -O2 -g
ifeq ($(CI),true)
WERROR	?= -Werror
endif

ifeq ($(SANITIZE),1)
BUILD	?= build/san
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer
else ifeq ($(SANITIZE),thread)
BUILD	?= build/tsan
SANFLAGS = -fsanitize=thread -fno-omit-frame-pointer
# Reports from the whole suite's daemons fail their tests (exitcode),
# with the project's commented suppressions.
export TSAN_OPTIONS ?= halt_on_error=1 exitcode=66 \
	suppressions=$(abspath tests/tsan.supp)
else ifeq ($(SANITIZE),fuzz)
BUILD	?= build/fuzz
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined \
	   -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD	?= build
SANFLAGS =
endif

DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=gnu11 -D_GNU_SOURCE $(WARN) $(WERROR) $(CPPFLAGS) $(CFLAGS) \
	     $(SANFLAGS) -Isrc $(DEP_CFLAGS)
ALL_LIBS   = $(LDFLAGS) $(DEP_LIBS) -lpthread -lm

# Every src/*.c but the daemon's main() goes into a static library that
# the daemon, the unit tests and the fuzz targets link.
LIB_SRC	= $(filter-out src/moscdrd.c,$(wildcard src/*.c))
LIB_OBJ	= $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/migrate_sql.o
SQL_FILES = $(wildcard sql/*/[0-9][0-9][0-9]_*.sql sql/*/views.sql)
LIB	= $(BUILD)/libmoscdr.a
DAEMON	= $(BUILD)/moscdrd

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

# Each fuzz target, linked with a plain main() that replays its corpus
# (tests/fuzz/corpus/NAME/) in the normal test run, and with libFuzzer
# for `make fuzz`.
FUZZ_NAMES = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BIN = $(FUZZ_NAMES:%=$(BUILD)/tests/replay_%)
FUZZ_SECONDS ?= 60

# Debian packages: to build and run; to test.
# (sqlite3, the command-line client, is how the quick start reads the
# database back.)
DEPS_BUILD = build-essential pkg-config libcjson-dev libconfuse-dev \
	     libsqlite3-dev libpq-dev libevent-dev libssl-dev libmicrohttpd-dev \
	     libsystemd-dev zlib1g-dev sqlite3
DEPS_TEST  = libcmocka-dev python3 python3-pytest python3-psycopg2 pgbouncer \
	     postgresql prometheus libjs-chart.js chromium

.PHONY: all deps deps-test run test unit integration e2e bench fuzz \
	install deb clean check-config

all: $(DAEMON)

# Installs only what is missing; does nothing (no apt) when all is there.
deps:
	@tests/deps.sh $(DEPS_BUILD)

deps-test:
	@tests/deps.sh $(DEPS_BUILD) $(DEPS_TEST)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The migrations are compiled into the daemon (src/migrate.h).
$(BUILD)/gen/migrate_sql.c: $(SQL_FILES) tests/gen-sql.sh
	mkdir -p $(BUILD)/gen
	tests/gen-sql.sh sql > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/migrate_sql.o: $(BUILD)/gen/migrate_sql.c src/migrate.h | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(DAEMON): $(BUILD)/obj/moscdrd.o $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LIBS) -lcmocka

$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB) $(ALL_LIBS)

$(BUILD)/obj $(BUILD)/tests $(BUILD)/bench:
	mkdir -p $@

# The benchmark's programs: load generator and database baselines.
BENCH_PROGS = $(BUILD)/bench/loadgen $(BUILD)/bench/baseline_sqlite \
	      $(BUILD)/bench/pg_writers $(BUILD)/bench/parse_bench \
	      $(BUILD)/bench/baseline_pg

$(BUILD)/bench/%: tests/bench/%.c tests/bench/benchmsg.h $(LIB) | $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LIBS)

# The daemon in the foreground on the default configuration (SQLite file
# under var/ in this tree, UDP on 127.0.0.1:9099).
run: deps
	@$(MAKE) --no-print-directory all
	mkdir -p var
	$(DAEMON) -d -f conf/moscdrd.conf

check-config: all
	mkdir -p var
	$(DAEMON) -t -f conf/moscdrd.conf

unit: $(UNIT_BIN)
	@tests/run-unit.sh $(UNIT_BIN)

integration: all
	@MOSCDRD=$(abspath $(DAEMON)) tests/run-integration.sh

test: deps-test
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(REPLAY_BIN)
	@MOSCDRD=$(abspath $(DAEMON)) BUILD=$(BUILD) MOSCDR_SANITIZE=$(SANITIZE) \
	    tests/run-all.sh $(UNIT_BIN)

# Runs each libFuzzer target for FUZZ_SECONDS; new inputs go to
# build/fuzz/corpus-NAME, crashes to tests/fuzz/ (add them to the corpus
# with the fix).
fuzz: deps-test
	@tests/deps.sh clang libclang-rt-dev
	@$(MAKE) --no-print-directory CC=clang SANITIZE=fuzz build/fuzz/libmoscdr.a
	@set -e; for n in $(FUZZ_NAMES); do \
	    clang -std=gnu11 -D_GNU_SOURCE -g -O1 -Isrc $(DEP_CFLAGS) \
	        -fsanitize=fuzzer,address,undefined -o build/fuzz/fuzz_$$n \
	        tests/fuzz/fuzz_$$n.c build/fuzz/libmoscdr.a $(ALL_LIBS); \
	    mkdir -p build/fuzz/corpus-$$n; \
	    echo "== fuzz $$n for $(FUZZ_SECONDS) s"; \
	    build/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) \
	        -artifact_prefix=tests/fuzz/ build/fuzz/corpus-$$n \
	        tests/fuzz/corpus/$$n; \
	done

# Figures and ratios, never pass/fail on timing (docs/benchmark.md).
bench: deps-test
	@$(MAKE) --no-print-directory all $(BENCH_PROGS)
	@MOSCDRD=$(abspath $(DAEMON)) BENCH_BIN=$(abspath $(BUILD)/bench) \
	    tests/bench/run.sh
	@if [ -n "$(BENCH_PARTITIONS)" ]; then \
	    MOSCDRD=$(abspath $(DAEMON)) BENCH_BIN=$(abspath $(BUILD)/bench) \
	    BENCH_PARTITIONS="$(BENCH_PARTITIONS)" tests/bench/partitions.sh; fi

e2e: deps-test
	@$(MAKE) --no-print-directory all
	@MOSCDRD=$(abspath $(DAEMON)) tests/e2e/run.sh; rc=$$?; \
	    MOSCDRD=$(abspath $(DAEMON)) tests/e2e/native.sh || rc=1; \
	    MOSCDRD=$(abspath $(DAEMON)) /usr/bin/python3 tests/e2e/restart.py \
	    || rc=1; exit $$rc

# Installs the daemon, its configuration (kept when one exists), the
# unit, the sysusers.d and tmpfiles.d entries, the man pages, the docs and
# SQL examples, the migrations, the Kamailio and Grafana files. Without
# DESTDIR, as root, it also creates the user and the directories and
# gives the configuration to the daemon's group (INSTALL_SYSTEM=no skips
# that; then it prints the commands that do it).
install: all
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(SYSCONFDIR)/moscdr \
	    $(DESTDIR)$(DATADIR)/sql/sqlite $(DESTDIR)$(DATADIR)/sql/postgresql \
	    $(DESTDIR)$(DATADIR)/contrib $(DESTDIR)$(UNITDIR) \
	    $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(DOCDIR)/docs $(DESTDIR)$(SYSUSERSDIR) \
	    $(DESTDIR)$(TMPFILESDIR)
	install -m 0755 $(DAEMON) $(DESTDIR)$(SBINDIR)/moscdrd
	# The installed file keeps its data in the system's places, not
	# under var/ of a source tree; an existing one is never replaced.
	sed -e 's|"var/moscdr.db"|"$(LOCALSTATEDIR)/lib/moscdr/moscdr.db"|' \
	    -e 's|"var/spool"|"$(LOCALSTATEDIR)/spool/moscdr"|' \
	    conf/moscdrd.conf > $(BUILD)/moscdrd.conf.installed
	install -m 0644 $(BUILD)/moscdrd.conf.installed \
	    $(DESTDIR)$(DATADIR)/moscdrd.conf.example
	test -e $(DESTDIR)$(SYSCONFDIR)/moscdr/moscdrd.conf || \
	    install -m 0640 $(BUILD)/moscdrd.conf.installed \
	    $(DESTDIR)$(SYSCONFDIR)/moscdr/moscdrd.conf
	install -m 0644 sql/sqlite/*.sql $(DESTDIR)$(DATADIR)/sql/sqlite/
	install -m 0644 sql/postgresql/*.sql $(DESTDIR)$(DATADIR)/sql/postgresql/
	cp -R contrib/kamailio contrib/grafana $(DESTDIR)$(DATADIR)/contrib/
	install -m 0644 man/moscdrd.8 $(DESTDIR)$(MANDIR)/man8/
	install -m 0644 man/moscdrd.conf.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 0644 README.md $(DESTDIR)$(DOCDIR)/
	install -m 0644 docs/*.md $(DESTDIR)$(DOCDIR)/docs/
	install -m 0644 tests/sql/examples.sql $(DESTDIR)$(DOCDIR)/examples.sql
	install -m 0644 contrib/systemd/moscdr-sysusers.conf \
	    $(DESTDIR)$(SYSUSERSDIR)/moscdr.conf
	install -m 0644 contrib/systemd/moscdr-tmpfiles.conf \
	    $(DESTDIR)$(TMPFILESDIR)/moscdr.conf
	# The units name the installed paths, whatever PREFIX is.
	for u in contrib/systemd/*.service contrib/systemd/*.socket; do \
	    [ -e "$$u" ] || continue; \
	    sed -e 's|/usr/sbin/moscdrd|$(SBINDIR)/moscdrd|g' \
	        -e 's|/etc/moscdr|$(SYSCONFDIR)/moscdr|g' \
	        "$$u" > $(DESTDIR)$(UNITDIR)/$${u##*/}; \
	    chmod 0644 $(DESTDIR)$(UNITDIR)/$${u##*/}; \
	done
	@if [ -z "$(DESTDIR)" ] && [ "$(INSTALL_SYSTEM)" != no ] && \
	    [ "$$(id -u)" = 0 ] && command -v systemd-sysusers >/dev/null; then \
	    echo "systemd-sysusers $(SYSUSERSDIR)/moscdr.conf"; \
	    systemd-sysusers $(SYSUSERSDIR)/moscdr.conf && \
	    echo "systemd-tmpfiles --create $(TMPFILESDIR)/moscdr.conf" && \
	    systemd-tmpfiles --create $(TMPFILESDIR)/moscdr.conf && \
	    echo "chgrp moscdr $(SYSCONFDIR)/moscdr/moscdrd.conf" && \
	    chgrp moscdr $(SYSCONFDIR)/moscdr/moscdrd.conf; \
	elif [ -z "$(DESTDIR)" ]; then \
	    echo "make install: as root, create the user, the directories and" \
	        "give the configuration to the daemon's group with:" \
	        "systemd-sysusers $(SYSUSERSDIR)/moscdr.conf &&" \
	        "systemd-tmpfiles --create $(TMPFILESDIR)/moscdr.conf &&" \
	        "chgrp moscdr $(SYSCONFDIR)/moscdr/moscdrd.conf"; \
	fi

# The Debian package, from this tree: build/moscdr_VERSION_ARCH.deb (and
# its .buildinfo and .changes). dpkg-buildpackage writes into the parent
# directory; a copy of the tree under build/ keeps that inside build/.
deb:
	rm -rf build/deb && mkdir -p build/deb/src
	tar --exclude=./build --exclude=./.git --exclude=./var -cf - . | \
	    tar -xf - -C build/deb/src
	cd build/deb/src && dpkg-buildpackage -us -uc -b
	mv build/deb/*.deb build/deb/*.buildinfo build/deb/*.changes build/
	@ls build/*.deb

clean:
	rm -rf build
