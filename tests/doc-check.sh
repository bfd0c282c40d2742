#!/bin/sh
# doc-check.sh -- the manual page is lint-clean and names every action a
# key can be bound to, every command and every long option.
. "${top_srcdir:-.}/tests/lib.sh"

man=$top_srcdir/doc/charta.1
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -W warning "$man" >"$tmp/lint" 2>&1
	grep -v 'mandoc.db' "$tmp/lint" >"$tmp/lint2"
	[ -s "$tmp/lint2" ] && fail "mandoc -Tlint: $(head -5 "$tmp/lint2")"
elif command -v groff >/dev/null 2>&1; then
	groff -ww -z -mdoc "$man" 2>"$tmp/lint"
	[ -s "$tmp/lint" ] && fail "groff -ww: $(head -5 "$tmp/lint")"
fi

# Actions: the second field of each X(ENUM, "name", ...) in keymap.h.
sed -n 's/^[[:space:]]*X([A-Z_]*,[[:space:]]*"\([a-z-]*\)".*/\1/p' \
    "$top_srcdir/src/ui/keymap.h" >"$tmp/actions"
[ "$(wc -l <"$tmp/actions")" -gt 20 ] || fail "no actions found in keymap.h"
while read -r a; do
	grep -q "^\.Cm.* $a\( ,\|$\| \.\)" "$man" ||
	    grep -q "Cm $a" "$man" || fail "charta.1 does not name the action $a"
done <"$tmp/actions"

# Commands and long options, from --help.
"$CHARTA" --help >"$tmp/help"
for c in $(awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 }
    on { print $1 }' "$tmp/help"); do
	grep -q "^\.It Cm $c\|^\.Cm $c" "$man" ||
	    fail "charta.1 does not document the command $c"
done
for o in $(grep -o -- '--[a-z]*' "$tmp/help" | sort -u); do
	grep -q -- "Fl Fl ${o#--}" "$man" ||
	    fail "charta.1 does not document $o"
done
finish
