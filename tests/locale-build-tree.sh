#!/bin/sh
# locale-build-tree.sh -- an uninstalled ./src/charta speaks the user's
# language, as it finds its corpus: `make` puts the catalogs in the build
# tree's po/locale, and charta reads them there when it runs from its
# build tree (CHARTA_LOCALEDIR unset).  Skipped where no UTF-8 locale
# lets LANGUAGE choose the language.
. "${top_srcdir:-.}/tests/lib.sh"

unset CHARTA_LOCALEDIR
want=$(awk '/^msgid "Usage: charta \[OPTION\]\.\.\. \[COMMAND/ { on = 1; next }
    on && /^msgstr/ { sub(/^msgstr "/, ""); sub(/\\n"$/, ""); print; exit }' \
    "$top_srcdir/po/fr.po")
[ -n "$want" ] || fail "no French usage line in po/fr.po"
[ -f "$(dirname "$CHARTA")/../po/locale/fr/LC_MESSAGES/charta.mo" ] ||
    skip "no compiled French catalog in the build tree (no msgfmt?)"
got=
for loc in C.UTF-8 fr_FR.UTF-8 en_US.UTF-8; do
	got=$(LANGUAGE=fr LC_ALL=$loc "$CHARTA" --help 2>/dev/null | head -n 1)
	[ "$got" = "$want" ] && break
done
[ "$got" = "$want" ] || {
	LANGUAGE=fr LC_ALL=C.UTF-8 CHARTA_LOCALEDIR=$(dirname "$CHARTA")/../po/locale \
	    "$CHARTA" --help | head -n 1 | grep -q -F "$want" ||
	    skip "no locale here lets LANGUAGE=fr choose French"
	fail "the uninstalled charta is not in French: '$got', want '$want'"
}
finish
