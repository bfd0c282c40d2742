# fuzz/local.mk -- fuzzing, included by Makefile.am.  See fuzz/README.
#
#   make fuzz                    build the libFuzzer targets with clang and
#                                run each for FUZZ_SECONDS (make -j2 fuzz
#                                runs two at a time); prints a report
#   make fuzz FUZZ_TARGETS=diff  only some targets
#   make fuzz-merge              minimize what the runs found into
#                                fuzz/corpus/TARGET (the seed corpora)
#   make fuzz-clean              drop the fuzz build and the run state
#
# `make check` needs no clang: it replays every input in fuzz/corpus and
# fuzz/crashes through the same targets, built with the normal compiler
# and linked with src/libcharta.a (fuzz/replay.c, fuzz/replay.sh).
#
# This file uses '+=' on TESTS, check_PROGRAMS and EXTRA_DIST, so it is
# included after Makefile.am has set them.

FUZZ_ALL = sanitize import dbopen query diff
FUZZ_TARGETS = $(FUZZ_ALL)
FUZZ_SECONDS = 60
CC_FUZZ ?= clang

# The regression replay, part of `make check`.
FUZZ_REPLAY = fuzz/replay-sanitize fuzz/replay-import fuzz/replay-dbopen \
	fuzz/replay-query fuzz/replay-diff
check_PROGRAMS += $(FUZZ_REPLAY)
TESTS += fuzz/replay.sh
fuzz_replay_sanitize_SOURCES = fuzz/replay.c fuzz/fuzz.h fuzz/fuzz-sanitize.c
fuzz_replay_sanitize_LDADD = $(LIBCHARTA_LIBS)
fuzz_replay_import_SOURCES = fuzz/replay.c fuzz/fuzz.h fuzz/fuzz-import.c
fuzz_replay_import_LDADD = $(LIBCHARTA_LIBS)
fuzz_replay_dbopen_SOURCES = fuzz/replay.c fuzz/fuzz.h fuzz/fuzz-dbopen.c
fuzz_replay_dbopen_LDADD = $(LIBCHARTA_LIBS)
fuzz_replay_query_SOURCES = fuzz/replay.c fuzz/fuzz.h fuzz/fuzz-query.c
fuzz_replay_query_LDADD = $(LIBCHARTA_LIBS)
fuzz_replay_diff_SOURCES = fuzz/replay.c fuzz/fuzz.h fuzz/fuzz-diff.c
fuzz_replay_diff_LDADD = $(LIBCHARTA_LIBS)

EXTRA_DIST += fuzz/README fuzz/local.mk fuzz/replay.sh fuzz/run-fuzz.sh \
	fuzz/import.dict fuzz/query.dict fuzz/sanitize.dict fuzz/diff.dict \
	fuzz/corpus fuzz/crashes

# The libFuzzer build: every source of libcharta.a compiled again by clang
# with coverage instrumentation and ASan/UBSan into fuzz/obj, one binary
# per target in fuzz/bin.  load.c's time budget is cut to one second a
# statement (see fuzz-dbopen.c).
FUZZ_CFLAGS = -std=c11 -g -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-DLOAD_BUDGET=1.0
FUZZ_CPPFLAGS = $(DEFS) -I. -I$(srcdir) $(AM_CPPFLAGS) \
	$(NCURSESW_CFLAGS) $(SQLITE_CFLAGS) $(CMARK_CFLAGS)
FUZZ_LIBS = $(NCURSESW_LIBS) $(SQLITE_LIBS) $(CMARK_LIBS) \
	$(UNISTRING_LIBS) $(LIBINTL)
FUZZ_OBJS = $(patsubst src/%.c,fuzz/obj/%.o, \
	$(filter %.c,$(src_libcharta_a_SOURCES)))
FUZZ_BINS = $(addprefix fuzz/bin/fuzz-,$(FUZZ_TARGETS))

$(FUZZ_OBJS): fuzz/obj/%.o: $(srcdir)/src/%.c $(wildcard $(srcdir)/src/*/*.h) \
    config.h
	@$(MKDIR_P) $(@D)
	$(AM_V_CC)$(CC_FUZZ) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer-no-link -c -o $@ $<

$(addprefix fuzz/bin/fuzz-,$(FUZZ_ALL)): fuzz/bin/fuzz-%: \
    $(srcdir)/fuzz/fuzz-%.c $(srcdir)/fuzz/fuzz.h $(FUZZ_OBJS)
	@$(MKDIR_P) $(@D)
	$(AM_V_CCLD)$(CC_FUZZ) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(FUZZ_LIBS)

FUZZ_ENV = FUZZ_SECONDS='$(FUZZ_SECONDS)' srcdir='$(srcdir)'

# One run per target, so that make -j2 runs two at once.
$(addprefix fuzz-run-,$(FUZZ_ALL)): fuzz-run-%: fuzz/bin/fuzz-%
	@$(FUZZ_ENV) $(SHELL) $(srcdir)/fuzz/run-fuzz.sh run $*

fuzz: $(addprefix fuzz-run-,$(FUZZ_TARGETS))
	@$(FUZZ_ENV) $(SHELL) $(srcdir)/fuzz/run-fuzz.sh report $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_BINS)

fuzz-merge: $(FUZZ_BINS)
	@for t in $(FUZZ_TARGETS); do \
	    $(FUZZ_ENV) $(SHELL) $(srcdir)/fuzz/run-fuzz.sh merge $$t || \
	    exit 1; \
	done

fuzz-clean:
	rm -rf fuzz/obj fuzz/bin fuzz/work

.PHONY: fuzz fuzz-build fuzz-merge fuzz-clean \
	$(addprefix fuzz-run-,$(FUZZ_ALL))
