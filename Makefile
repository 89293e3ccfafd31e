# prof, tprof, kprof for Linux. One non-recursive makefile; see `make help`.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
ifeq ($(origin CC),default)
CC = cc
endif

# SAN=1 builds everything with AddressSanitizer + UndefinedBehaviorSanitizer
# into build-san/, so both trees can coexist.
ifeq ($(SAN),1)
B := build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
B := build
SANFLAGS :=
endif

ELF_CFLAGS := $(shell pkg-config --cflags libelf 2>/dev/null)
ELF_LIBS := $(shell pkg-config --libs libelf 2>/dev/null || echo -lelf)

WARN := -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
BASECFLAGS := -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) -Iinclude -Isrc/lib $(ELF_CFLAGS) $(SANFLAGS)
ALLCFLAGS := $(BASECFLAGS) $(CFLAGS)
ALLLDFLAGS := $(SANFLAGS) $(LDFLAGS)

ifneq ($(V),1)
Q := @
endif

# The tools' library, private to the commands (never installed): a folder
# per wing, each with its header; see the README's "Where things live".
LIBSRC := $(wildcard src/lib/*/*.c)
LIBOBJ := $(LIBSRC:src/lib/%.c=$(B)/lib/%.o)
LIB := $(B)/libproftools.a
# every src/cmd/X.c is a command X
CMDS := $(sort $(basename $(notdir $(wildcard src/cmd/*.c))))
RTSRC := $(wildcard src/rt/*.c)
RTOBJ := $(RTSRC:src/rt/%.c=$(B)/rt/%.o)
RTLIBS := $(B)/libprof.a $(B)/libprof.so
# The runtime: position-independent, hidden but for its interface, never instrumented.
# SAN=1 sanitizes the tools only: the runtime lives inside programs built without it.
# No store merging: a frame's fields written by one vector store and read back one by
# one at the exit hook cost a failed store-to-load forwarding (sort with a comparator:
# 15 % slower here).
RTCFLAGS := $(filter-out -finstrument-functions $(SANFLAGS),$(ALLCFLAGS)) -fPIC -fvisibility=hidden \
	-fno-tree-slp-vectorize -Isrc/rt
BINS := $(CMDS:%=$(B)/%)
TESTSRC := $(wildcard tests/bin/*.c)
TESTBINS := $(TESTSRC:tests/bin/%.c=$(B)/tests/%)

.PHONY: all check install uninstall clean bench help deps demo
all: $(BINS) $(RTLIBS)

$(B)/lib/%.o: src/lib/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALLCFLAGS) -MMD -MP -c -o $@ $<

$(B)/cmd/%.o: src/cmd/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALLCFLAGS) -MMD -MP -c -o $@ $<

$(B)/rt/%.o: src/rt/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(RTCFLAGS) -MMD -MP -c -o $@ $<

$(B)/libprof.a: $(RTOBJ)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(B)/libprof.so: $(RTOBJ) src/rt/exports.map
	$(Q)$(CC) $(LDFLAGS) -shared -Wl,--version-script=src/rt/exports.map -o $@ $(RTOBJ) -lpthread -ldl

$(LIB): $(LIBOBJ)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(B)/%: $(B)/cmd/%.o $(LIB)
	$(Q)$(CC) $(ALLLDFLAGS) -o $@ $< $(LIB) $(ELF_LIBS)

# Test helpers link the library too; they are never installed.
$(B)/tests/%: tests/bin/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALLCFLAGS) $(ALLLDFLAGS) -MMD -MP -o $@ $< $(LIB) $(ELF_LIBS)

# With CI=true (as CI sets it), tests/ci.sh: the tests, again under ASan+UBSan,
# the tools' tests under valgrind, and each fuzzer's smoke run.
check: all $(TESTBINS)
ifeq ($(CI),true)
	@sh tests/ci.sh
else
	@B=$(B) sh tests/run.sh
endif

bench: all $(TESTBINS)
	@B=$(B) sh bench/run.sh
	@B=$(B) sh bench/runtime.sh
	@B=$(B) sh bench/kprof.sh
	@B=$(B) sh bench/bigprof.sh
	@B=$(B) sh bench/tprof.sh
	@B=$(B) sh bench/sqlite.sh
	@B=$(B) sh bench/lua.sh
	@B=$(B) sh bench/zstd.sh

# Check that libelf's headers are here; as root, install what is missing.
deps:
	@sh tools/deps.sh

# the demo writes a Plan 9 8.out and prof.out with two of the tests' tools
demo: all $(B)/tests/mkaout $(B)/tests/mkclassic
	@B=$(B) sh examples/demo.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin
	install -m 644 man/prof.1 $(DESTDIR)$(PREFIX)/share/man/man1
	for c in $(filter-out prof,$(CMDS)); do echo '.so man1/prof.1' > $(DESTDIR)$(PREFIX)/share/man/man1/$$c.1; done
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man3 \
		$(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 include/prof.h include/proffile.h $(DESTDIR)$(PREFIX)/include
	install -m 644 $(B)/libprof.a $(DESTDIR)$(PREFIX)/lib
	install -m 755 $(B)/libprof.so $(DESTDIR)$(PREFIX)/lib
	sed -e 's|@PREFIX@|$(PREFIX)|g' prof.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/prof.pc
	install -m 644 man/prof.3 $(DESTDIR)$(PREFIX)/share/man/man3
	install -m 644 man/prof.5 $(DESTDIR)$(PREFIX)/share/man/man5

uninstall:
	rm -f $(CMDS:%=$(DESTDIR)$(PREFIX)/bin/%) $(CMDS:%=$(DESTDIR)$(PREFIX)/share/man/man1/%.1) \
		$(DESTDIR)$(PREFIX)/include/prof.h $(DESTDIR)$(PREFIX)/include/proffile.h \
		$(DESTDIR)$(PREFIX)/lib/libprof.a $(DESTDIR)$(PREFIX)/lib/libprof.so \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig/prof.pc $(DESTDIR)$(PREFIX)/share/man/man3/prof.3 \
		$(DESTDIR)$(PREFIX)/share/man/man5/prof.5

# Fuzzing: a libFuzzer harness per parser (fuzz/NAME.c; fuzz/fuzz.c is their
# helpers), linked with a copy of the library built by clang with the same
# sanitizers into $(B)/fuzz/. make fuzz runs each for FUZZTIME seconds on a
# copy of its seeds (tests/fuzz-seeds/NAME); tools/fuzz.sh says what it found.
FUZZCC ?= $(shell command -v clang-14 || command -v clang || echo clang)
FUZZTIME ?= 120
FUZZCFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 $(WARN) -Iinclude -Isrc/lib $(ELF_CFLAGS) \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZERS := $(filter-out fuzz,$(sort $(basename $(notdir $(wildcard fuzz/*.c)))))
FUZZBINS := $(FUZZERS:%=$(B)/fuzz/%)
FUZZOBJ := $(LIBSRC:src/lib/%.c=$(B)/fuzz/lib/%.o)

.PHONY: fuzz fuzz-smoke fuzz-build
$(B)/fuzz/lib/%.o: src/lib/%.c
	@mkdir -p $(dir $@)
	$(Q)$(FUZZCC) $(FUZZCFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(B)/fuzz/libproftools.a: $(FUZZOBJ)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(B)/fuzz/%: fuzz/%.c fuzz/fuzz.c fuzz/fuzz.h $(B)/fuzz/libproftools.a
	$(Q)$(FUZZCC) $(FUZZCFLAGS) -fsanitize=fuzzer -o $@ $< fuzz/fuzz.c $(B)/fuzz/libproftools.a $(ELF_LIBS)

fuzz-build: $(FUZZBINS)

# tools/fuzzdeps.sh installs libelf-dev, clang and its fuzzer runtime first, as root.
fuzz:
	@sh tools/fuzzdeps.sh
	@$(MAKE) --no-print-directory B=$(B) fuzz-build
	@B=$(B) FUZZTIME=$(FUZZTIME) sh tools/fuzz.sh $(FUZZERS)

fuzz-smoke:
	@$(MAKE) --no-print-directory B=$(B) FUZZTIME=30 fuzz

-include $(FUZZOBJ:.o=.d)

clean:
	rm -rf build build-san

help:
	@echo 'make [all]       build the library and the commands into $(B)/'
	@echo 'make check       run every test (SAN=1: under ASan+UBSan; VALGRIND=1: tools under memcheck)'
	@echo 'make bench       benchmarks against the peer tools, as ratios (SQLite, Lua, zstd from Debian source)'
	@echo 'make demo        build the examples and show their profiles'
	@echo 'make deps        check for (and, as root, install) build dependencies'
	@echo 'make install     PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)'
	@echo 'make fuzz        run each libFuzzer harness (fuzz/) FUZZTIME=$(FUZZTIME) seconds; clang needed'
	@echo 'make fuzz-smoke  the same for 30 s each (CI)'
	@echo 'make clean | uninstall'
	@echo 'Variables: CC, CFLAGS and LDFLAGS (appended), V=1 to show commands, SAN=1'

.SECONDARY:
-include $(LIBOBJ:.o=.d) $(RTOBJ:.o=.d) $(BINS:$(B)/%=$(B)/cmd/%.d) $(TESTBINS:=.d)
