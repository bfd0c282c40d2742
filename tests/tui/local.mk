# tests/tui/local.mk -- end-to-end tests of the reader in a real terminal
# (tmux), included by Makefile.am.
TUI_TESTS =
