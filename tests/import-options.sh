#!/bin/sh
# import-options.sh -- what `charta import` says of a source it imports:
# warnings (FILE:LINE:COL, sanitized, one a line, only when the import
# succeeds) for characters no reader sees and raw HTML, none with -q or
# --quiet; --encoding=NAME reads a Latin-1, CP1252 or UTF-16 file; bad
# UTF-8 is refused saying what the bytes look like.
. "${top_srcdir:-.}/tests/lib.sh"

unset CHARTA_DB
cd "$tmp" || exit 99
fm() {
	printf -- '---\nslug: %s\ntitle: %s\n---\n\n' "$1" "$2"
}

{ fm warn W; printf 'An \033[31mescape and a <b>tag</b>.\n\nRTL \342\200\256x\n'; } >warn.md
expect_status 0 "$CHARTA" --db w.db import warn.md
cat >want <<'WANT'
charta: warn.md:6:4: warning: control character U+001B
charta: warn.md:6:22: warning: raw HTML kept as text: '<b>'
charta: warn.md:6:28: warning: raw HTML kept as text: '</b>'
charta: warn.md:8:5: warning: unpaired bidi control U+202E (not closed on its line)
WANT
cmp -s "$tmp/err" want || fail "warnings: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "warnings on standard output: $(cat "$tmp/out")"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/err"; then
	fail "a raw escape in a warning"
fi
# The text is stored as it was.
expect_status 0 "$CHARTA" --db w.db --raw show warn:p1
grep -q -F "$(printf 'An \033[31mescape')" "$tmp/out" ||
    fail "the escape is not stored: $(cat "$tmp/out")"
rm -f w.db
expect_status 0 "$CHARTA" --db w.db import -q warn.md
[ -s "$tmp/err" ] && fail "-q: $(cat "$tmp/err")"
rm -f w.db
expect_status 0 "$CHARTA" --db w.db import --quiet warn.md
[ -s "$tmp/err" ] && fail "--quiet: $(cat "$tmp/err")"

# Another encoding, named.
{ fm latin L; printf 'Caf\351 cr\350me br\373l\351e.\n'; } >latin.md
expect_status 2 "$CHARTA" --db e.db import latin.md
grep -q -x "charta: latin.md:6:4: invalid UTF-8 (byte 0xE9); the file looks like ISO-8859-1: import it with --encoding=ISO-8859-1" \
    "$tmp/err" || fail "latin.md without --encoding: $(cat "$tmp/err")"
expect_status 0 "$CHARTA" --db e.db import --encoding=ISO-8859-1 latin.md
expect_status 0 "$CHARTA" --db e.db show latin:p1
grep -q -x 'Café crème brûlée.' "$tmp/out" || fail "latin: $(cat "$tmp/out")"
{ fm cp C; printf '\223Quoted\224 \226 dash.\n'; } >cp.md
expect_status 0 "$CHARTA" --db e.db import --encoding CP1252 cp.md
expect_status 0 "$CHARTA" --db e.db show cp:p1
grep -q -x '“Quoted” – dash.' "$tmp/out" || fail "cp1252: $(cat "$tmp/out")"
if command -v iconv >/dev/null 2>&1; then
	{ fm wide U; printf 'Wide text.\n'; } | iconv -f UTF-8 -t UTF-16LE >wide.md
	expect_status 2 "$CHARTA" --db e.db import wide.md
	grep -q 'file looks like UTF-16LE without a byte-order mark' \
	    "$tmp/err" || fail "UTF-16LE: $(cat "$tmp/err")"
	expect_status 0 "$CHARTA" --db e.db import --encoding=UTF-16LE wide.md
	expect_status 0 "$CHARTA" --db e.db show wide:p1
	grep -q -x 'Wide text.' "$tmp/out" || fail "UTF-16LE: $(cat "$tmp/out")"
fi
expect_status 2 "$CHARTA" --db e.db import --encoding=NO-SUCH latin.md
grep -q "unknown encoding 'NO-SUCH'" "$tmp/err" ||
    fail "unknown encoding: $(cat "$tmp/err")"
finish
