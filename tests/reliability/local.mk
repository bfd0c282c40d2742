# tests/reliability/local.mk -- what charta does when things go wrong:
# hostile corpus databases, kill -9 during an import, the user-state
# database (state.sh: concurrent writers, damage, a full disk;
# state-places.sh: symbolic links, modes, no HOME, unwritable places;
# state-kill.sh: kill -9 of a writer, STATE_KILL_TRIALS; state-lock.sh:
# another process holding it locked; study-faults.sh: the reader's notes
# through those faults, in tmux), and signals in command-line mode.  Included by
# Makefile.am; the tests are described at the top of each script.
#
# Makefile.am sets TESTS, check_PROGRAMS and EXTRA_DIST with '=' after
# including this file, so 'TESTS +=' and the like cannot be used here: the
# scripts join SCRIPT_TESTS (run by make check, distributed, run after the
# shipped corpus is built), and the helper programs are EXTRA_PROGRAMS (set
# by bench/local.mk), built before the tests that use them.

SCRIPT_TESTS += \
	tests/reliability/bad-db.sh \
	tests/reliability/import-kill.sh \
	tests/reliability/import-memory.sh \
	tests/reliability/state.sh \
	tests/reliability/state-places.sh \
	tests/reliability/state-kill.sh \
	tests/reliability/state-lock.sh \
	tests/reliability/study-faults.sh \
	tests/reliability/signals-cli.sh

EXTRA_PROGRAMS += tests/reliability/db-exec tests/reliability/state-writer \
	tests/reliability/peak-rss

tests_reliability_db_exec_SOURCES = tests/reliability/db-exec.c
# The scripts' shared helpers, distributed with a helper's sources.
EXTRA_tests_reliability_db_exec_SOURCES = tests/reliability/lib.sh
tests_reliability_db_exec_LDADD = $(SQLITE_LIBS)
tests_reliability_state_writer_SOURCES = tests/reliability/state-writer.c
tests_reliability_state_writer_LDADD = $(LIBCHARTA_LIBS)
tests_reliability_peak_rss_SOURCES = tests/reliability/peak-rss.c

RELIABILITY_HELPERS = tests/reliability/db-exec$(EXEEXT) \
	tests/reliability/state-writer$(EXEEXT) \
	tests/reliability/peak-rss$(EXEEXT)
tests/reliability/bad-db.log tests/reliability/state.log \
    tests/reliability/state-places.log tests/reliability/state-kill.log \
    tests/reliability/state-lock.log \
    tests/reliability/study-faults.log tests/tui/first-screen.log \
    tests/tui/staged.log \
    tests/reliability/import-memory.log: $(RELIABILITY_HELPERS)

CLEANFILES += $(RELIABILITY_HELPERS)
