#!/bin/sh
# po-check.sh -- every source file with translatable strings is listed in
# po/POTFILES.in, and every file listed there exists.
. "${top_srcdir:-.}/tests/lib.sh"

cd "$top_srcdir" || exit 99
grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort >"$tmp/listed"
grep -l -E '\b(N?_|ngettext)\("' $(find src -name '*.[ch]' ! -name i18n.h | sort) | sort >"$tmp/used"
comm -13 "$tmp/listed" "$tmp/used" >"$tmp/missing"
[ -s "$tmp/missing" ] &&
    fail "files with _() strings missing from po/POTFILES.in: $(cat "$tmp/missing" | tr '\n' ' ')"
while read -r f; do
	[ -f "$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done <"$tmp/listed"
finish
