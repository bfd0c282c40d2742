# bench/local.mk -- `make bench`, included by Makefile.am.  See bench/README.
#
# `make bench` builds what it needs (charta, the shipped corpus, the bench
# programs, the synthetic corpora), runs every benchmark and prints a report,
# also written to bench/report.txt.  It is not part of `make check`, and no
# target in it fails on a missed target figure: they are reported.
#
#   make bench                       sizes S and M
#   make bench BENCH_SIZES="S M L"   and L (about 300 MB of text)
#   make bench-clean                 drop the cached corpora and exports

# Built only by `make bench` (EXTRA_PROGRAMS are not built by `make all`).
EXTRA_PROGRAMS = bench/gen-corpus bench/filter-bench bench/ptybytes \
	bench/state-bench bench/notes-fill

bench_gen_corpus_SOURCES = bench/gen-corpus.c
bench_filter_bench_SOURCES = bench/filter-bench.c
bench_filter_bench_LDADD = $(LIBCHARTA_LIBS)
bench_ptybytes_SOURCES = bench/ptybytes.c
bench_ptybytes_LDADD = -lutil
bench_state_bench_SOURCES = bench/state-bench.c
bench_state_bench_LDADD = $(LIBCHARTA_LIBS)
# Makefile.am sets EXTRA_DIST with '=' after including this file, so the
# driver and the README are distributed as extra sources of a bench program.
EXTRA_bench_filter_bench_SOURCES = bench/run-bench.sh bench/README

BENCH_SIZES = S M
# Synthetic sizes: documents and paragraphs per document (gen-corpus).
BENCH_M_DOCS = 1000
BENCH_M_PARAS = 200
BENCH_L_DOCS = 5000
BENCH_L_PARAS = 200
# Files per `charta import` (each import adds to the database).
BENCH_IMPORT_BATCH = 5000

# The database of each size; S is the shipped corpus as built.
BENCH_DB_S = data/corpus.db
BENCH_DB_M = bench/M.db
BENCH_DB_L = bench/L.db

BENCH_PROGS = bench/gen-corpus$(EXEEXT) bench/filter-bench$(EXEEXT) \
	bench/ptybytes$(EXEEXT) src/charta$(EXEEXT)

BENCH_ENV = \
	CHARTA=src/charta$(EXEEXT) \
	GEN_CORPUS=bench/gen-corpus$(EXEEXT) \
	FILTER_BENCH=bench/filter-bench$(EXEEXT) \
	PTYBYTES=bench/ptybytes$(EXEEXT) \
	BENCH_IMPORT_BATCH='$(BENCH_IMPORT_BATCH)' \
	BENCH_M_DOCS='$(BENCH_M_DOCS)' BENCH_M_PARAS='$(BENCH_M_PARAS)' \
	BENCH_L_DOCS='$(BENCH_L_DOCS)' BENCH_L_PARAS='$(BENCH_L_PARAS)' \
	BENCH_CFLAGS='$(CFLAGS) $(SANITIZER_CFLAGS)' \
	abs_builddir='$(abs_builddir)' srcdir='$(srcdir)'

# A synthetic corpus is generated and imported once, and again only when the
# generator's source or the sizes change (charta itself is only an
# order-only prerequisite: rebuilding it keeps the cache).
bench/M.db bench/L.db: bench/%.db: $(srcdir)/bench/gen-corpus.c \
    $(srcdir)/bench/local.mk | bench/gen-corpus$(EXEEXT) src/charta$(EXEEXT)
	$(AM_V_GEN)$(BENCH_ENV) $(SHELL) $(srcdir)/bench/run-bench.sh \
	    build $* $(BENCH_$*_DOCS) $(BENCH_$*_PARAS)

# One line per section title and block, for grep and fzf.
bench/S.txt: data/corpus.db | bench/filter-bench$(EXEEXT)
	$(AM_V_GEN)bench/filter-bench$(EXEEXT) export data/corpus.db \
	    >$@.tmp && mv -f $@.tmp $@
bench/M.txt bench/L.txt: bench/%.txt: bench/%.db | bench/filter-bench$(EXEEXT)
	$(AM_V_GEN)bench/filter-bench$(EXEEXT) export bench/$*.db \
	    >$@.tmp && mv -f $@.tmp $@

bench: $(BENCH_PROGS) data/corpus.db \
    $(foreach s,$(BENCH_SIZES),$(BENCH_DB_$(s)) bench/$(s).txt)
	@$(BENCH_ENV) $(SHELL) $(srcdir)/bench/run-bench.sh report \
	    $(BENCH_SIZES)

bench-clean:
	rm -rf bench/M bench/L bench/M.db bench/L.db bench/*.db.tmp \
	    bench/*.import bench/*.txt bench/*.tmp bench/*.tmp.csv \
	    bench/home bench/transcripts bench/M.* bench/L.* bench/state \
	    bench/notes

# The user-state store with 10,000 notes and 1,000 marks: opening and
# loading, and saving one note or mark, each in a fresh process.
BENCH_STATE_ARGS = -n 10000 -m 1000 -t 100
bench-state: bench/state-bench$(EXEEXT)
	bench/state-bench$(EXEEXT) $(BENCH_STATE_ARGS) bench/state

# The reader with 10,000 notes and 1,000 marks, through a pty: the first
# screen, saving a note or a mark, :notes and its filter (a few minutes).
bench_notes_fill_SOURCES = bench/notes-fill.c
bench_notes_fill_LDADD = $(LIBCHARTA_LIBS)
EXTRA_bench_notes_fill_SOURCES = bench/notes-bench.sh
bench-notes: bench/notes-fill$(EXEEXT) bench/ptybytes$(EXEEXT) \
    src/charta$(EXEEXT) data/corpus.db
	CHARTA=src/charta$(EXEEXT) PTYBYTES=bench/ptybytes$(EXEEXT) \
	    NOTES_FILL=bench/notes-fill$(EXEEXT) \
	    $(SHELL) $(srcdir)/bench/notes-bench.sh bench/notes

.PHONY: bench bench-clean bench-state bench-notes

# `make clean` drops the programs and the cheap outputs; the synthetic
# corpora stay cached until `make bench-clean`.
CLEANFILES += $(EXTRA_PROGRAMS) bench/report.txt bench/S.txt \
	bench/mfa-80.txt bench/run.tmp bench/run.tmp.csv
