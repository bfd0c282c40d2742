# bench/local.mk -- `make bench`, included by Makefile.am.  See bench/README.
#
# `make bench` builds what it needs (charta, the shipped corpus, the bench
# programs, the synthetic corpora), runs every benchmark and prints a report,
# also written to bench/report.txt.  It is not part of `make check`, and a
# missed goal never fails it: goals are reported PASS or MISS.  It works in
# any build directory (paths are relative to it, sources found by srcdir).
#
#   make bench                       sizes S, M and L, and P and H
#   make bench BENCH_SIZES="S M"     without L (about 300 MB of text)
#   make bench BENCH_SPECIAL=        without P and H
#   make bench BENCH_RUNS=9          more runs of everything (5)
#   make bench-clean                 drop the cached corpora and exports

# Built only by `make bench` (EXTRA_PROGRAMS are not built by `make all`).
EXTRA_PROGRAMS = bench/gen-corpus bench/filter-bench bench/state-bench \
	bench/kwic-bench \
	bench/notes-fill

bench_gen_corpus_SOURCES = bench/gen-corpus.c
bench_filter_bench_SOURCES = bench/filter-bench.c
bench_filter_bench_LDADD = $(LIBCHARTA_LIBS)
bench_state_bench_SOURCES = bench/state-bench.c
bench_state_bench_LDADD = $(LIBCHARTA_LIBS)
bench_kwic_bench_SOURCES = bench/kwic-bench.c
bench_kwic_bench_LDADD = $(LIBCHARTA_LIBS)
# Makefile.am sets EXTRA_DIST with '=' after including this file, so the
# driver and the README are distributed as extra sources of a bench program.
EXTRA_bench_filter_bench_SOURCES = bench/run-bench.sh bench/bench-lib.sh \
	bench/report-pty.sh bench/report-oneshot.sh bench/report-goals.sh \
	bench/test-ptyrun.sh bench/README

# The harness and its screen model are tested by `make check` (Makefile.am
# adds these to check_PROGRAMS and TESTS): a harness that mistakes the end
# of a screen gives wrong figures without a word.
BENCH_CHECK_PROGS = bench/ptyrun bench/test-vt
BENCH_TESTS = bench/test-vt bench/test-ptyrun.sh
bench_ptyrun_SOURCES = bench/ptyrun.c bench/pty-session.c \
	bench/pty-session.h bench/pty-idle.c bench/vt.c bench/vt-screen.c \
	bench/vt.h bench/vt-private.h
bench_ptyrun_LDADD = -lutil
bench_test_vt_SOURCES = bench/test-vt.c bench/vt.c bench/vt-screen.c \
	bench/vt.h bench/vt-private.h
bench_test_vt_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
bench_test_vt_LDADD = $(CMOCKA_LIBS)
bench/test-ptyrun.log: bench/ptyrun$(EXEEXT)

# S, M, L: the sizes every figure is taken on.  P (2M short paragraphs)
# and H (1M headings): corpora for their own goals only.
BENCH_SIZES = S M L
BENCH_SPECIAL = P H
BENCH_RUNS = 5
# A screen is complete when no byte has come for this long (and its
# expected text shows); the time is that of its last byte.
BENCH_SETTLE_MS = 100
# Synthetic sizes: documents and paragraphs per document (gen-corpus).
BENCH_M_DOCS = 1000
BENCH_M_PARAS = 200
BENCH_L_DOCS = 5000
BENCH_L_PARAS = 200
BENCH_P_DOCS = 1000
BENCH_P_PARAS = 2000
BENCH_H_DOCS = 1000
BENCH_H_PARAS = 1000
BENCH_GEN_M = $(BENCH_M_DOCS) $(BENCH_M_PARAS)
BENCH_GEN_L = $(BENCH_L_DOCS) $(BENCH_L_PARAS)
BENCH_GEN_P = -m short $(BENCH_P_DOCS) $(BENCH_P_PARAS)
BENCH_GEN_H = -m headings $(BENCH_H_DOCS) $(BENCH_H_PARAS)
# Files per `charta import` (each import adds to the database).
BENCH_IMPORT_BATCH = 5000

BENCH_PROGS = bench/gen-corpus$(EXEEXT) bench/filter-bench$(EXEEXT) \
	bench/ptyrun$(EXEEXT) src/charta$(EXEEXT)

BENCH_ENV = \
	CHARTA=src/charta$(EXEEXT) \
	GEN_CORPUS=bench/gen-corpus$(EXEEXT) \
	FILTER_BENCH=bench/filter-bench$(EXEEXT) \
	PTYRUN=bench/ptyrun$(EXEEXT) \
	BENCH_SIZES='$(BENCH_SIZES)' BENCH_SPECIAL='$(BENCH_SPECIAL)' \
	BENCH_RUNS='$(BENCH_RUNS)' BENCH_SETTLE_MS='$(BENCH_SETTLE_MS)' \
	BENCH_IMPORT_BATCH='$(BENCH_IMPORT_BATCH)' \
	BENCH_CFLAGS='$(CFLAGS) $(SANITIZER_CFLAGS)'

# The database of each size; S is the shipped corpus as built.
bench_db = $(if $(filter S,$(1)),data/corpus.db,bench/$(1).db)

# A synthetic corpus is generated and imported once, and again only when
# the generator's source or these rules change (charta itself is only an
# order-only prerequisite: rebuilding it keeps the cache).
bench/M.db bench/L.db bench/P.db bench/H.db: bench/%.db: \
    $(srcdir)/bench/gen-corpus.c $(srcdir)/bench/local.mk \
    | bench/gen-corpus$(EXEEXT) src/charta$(EXEEXT)
	$(AM_V_GEN)$(BENCH_ENV) $(SHELL) $(srcdir)/bench/run-bench.sh \
	    build $* $(BENCH_GEN_$*)

# One line per section title and block: the text less, fzf and rg get.
bench/S.txt: data/corpus.db | bench/filter-bench$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) bench && rm -f bench/S.fzf-counts && \
	bench/filter-bench$(EXEEXT) export data/corpus.db >$@.tmp && \
	mv -f $@.tmp $@
bench/M.txt bench/L.txt bench/P.txt bench/H.txt: bench/%.txt: bench/%.db \
    | bench/filter-bench$(EXEEXT)
	$(AM_V_GEN)rm -f bench/$*.fzf-counts && \
	bench/filter-bench$(EXEEXT) export bench/$*.db >$@.tmp && \
	mv -f $@.tmp $@

bench: $(BENCH_PROGS) data/corpus.db \
    $(foreach s,$(BENCH_SIZES) $(BENCH_SPECIAL),$(call bench_db,$(s)) \
    bench/$(s).txt)
	@$(BENCH_ENV) $(SHELL) $(srcdir)/bench/run-bench.sh report

bench-clean:
	rm -rf bench/M bench/L bench/P bench/H bench/*.db bench/*.db.tmp \
	    bench/*.import bench/*.txt bench/*.tmp bench/*.tmp.csv \
	    bench/*.fzf-counts bench/home bench/transcripts bench/state \
	    bench/notes

# The user-state store with 10,000 notes and 1,000 marks: opening and
# loading, and saving one note or mark, each in a fresh process.
BENCH_STATE_ARGS = -n 10000 -m 1000 -t 100
bench-state: bench/state-bench$(EXEEXT)
	bench/state-bench$(EXEEXT) $(BENCH_STATE_ARGS) bench/state

# The concordance and the statistics on M (bench/kwic-bench.c): the first
# screen of a frequent word's concordance, a page, the sorts, and three
# terms counted over the corpus.
bench-kwic: bench/kwic-bench$(EXEEXT) bench/M.db
	@bench/kwic-bench$(EXEEXT) bench/M.db governance

# The reader with 10,000 notes and 1,000 marks, through a pty: the first
# screen, saving a note or a mark, :notes and its filter (a few minutes).
bench_notes_fill_SOURCES = bench/notes-fill.c
bench_notes_fill_LDADD = $(LIBCHARTA_LIBS)
EXTRA_bench_notes_fill_SOURCES = bench/notes-bench.sh
bench-notes: bench/notes-fill$(EXEEXT) bench/ptyrun$(EXEEXT) \
    src/charta$(EXEEXT) data/corpus.db
	CHARTA=src/charta$(EXEEXT) PTYRUN=bench/ptyrun$(EXEEXT) \
	    NOTES_FILL=bench/notes-fill$(EXEEXT) \
	    $(SHELL) $(srcdir)/bench/notes-bench.sh bench/notes

.PHONY: bench bench-clean bench-state bench-kwic bench-notes

# `make clean` drops the programs and the cheap outputs; the synthetic
# corpora stay cached until `make bench-clean`.
CLEANFILES += $(EXTRA_PROGRAMS) bench/report.txt bench/S.txt \
	bench/S.fzf-counts bench/run.tmp bench/run.tmp.csv bench/goals.tmp
