# tests/tui/local.mk -- end-to-end tests of the reader in a real terminal
# (tmux), included by Makefile.am.  See tests/tui/README.
TUI_TESTS = \
	tests/tui/outline.sh \
	tests/tui/goto.sh \
	tests/tui/paging.sh \
	tests/tui/resize.sh \
	tests/tui/help.sh \
	tests/tui/terminal.sh \
	tests/tui/hostile.sh \
	tests/tui/filter.sh \
	tests/tui/filter-oracle.sh \
	tests/tui/compare.sh \
	tests/tui/layout.sh \
	tests/tui/keyboard.sh \
	tests/tui/yank.sh \
	tests/tui/links.sh \
	tests/tui/messages.sh \
	tests/tui/kwic.sh \
	tests/tui/stats.sh \
	tests/tui/study.sh \
	tests/tui/notes.sh \
	tests/tui/paste.sh \
	tests/tui/staged.sh \
	tests/tui/first-screen.sh

# Distributed with dist_noinst_*: Makefile.am sets EXTRA_DIST with '='
# after it includes this file, and automake refuses '+=' before '='.
dist_noinst_SCRIPTS = $(TUI_TESTS)
dist_noinst_DATA = tests/tui/lib.sh tests/tui/README

# notes.sh makes a hostile mark with db-exec (tests/reliability).
tests/tui/notes.log: tests/reliability/db-exec$(EXEEXT)
