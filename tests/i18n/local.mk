# tests/i18n/local.mk -- the translations (po/fr.po, po/zh_CN.po): the
# catalogs complete, the command line and the reader in Simplified Chinese
# and French.  Included by Makefile.am after tests/tui/local.mk.
#
#   catalogs.sh  every message of the sources translated, none fuzzy,
#                msgfmt -c clean (needs the gettext tools)
#   cli.sh       --help/--version translated and within 80 columns (CJK
#                counted 2), messages and plurals translated, the texts not
#   tui-zh.sh    the reader in tmux at 80x24 and 40x12: status line key
#                hints, help screen alignment, the comparison (zh_CN, fr)
#
# The tests compile po/LANG.po with msgfmt (or copy po/LANG.gmo) into a
# private directory and point charta at it with CHARTA_LOCALEDIR; they run
# it with LANGUAGE=LANG in C.UTF-8 (glibc 2.35 or later honours LANGUAGE
# there), or else in LANG's own locale, and skip if neither is available.
#
# Makefile.am sets TESTS with '=' after including this file, so the
# scripts join SCRIPT_TESTS (run by make check after the shipped corpus is
# built, and distributed), as in tests/reliability/local.mk.
SCRIPT_TESTS += \
	tests/i18n/catalogs.sh \
	tests/i18n/cli.sh \
	tests/i18n/tui-zh.sh
EXTRA_DIST += tests/i18n/lib.sh
