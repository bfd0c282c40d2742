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

# Commands, from --help (made from the command table): every command of
# the command line has an entry ".It Cm NAME ..." whose line names each
# option `charta NAME --help` lists (but --db and --help, which every
# command takes); every command of the reader has ".It Ic :NAME".
"$CHARTA" --help >"$tmp/help"
awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }' \
    "$tmp/help" >"$tmp/cmds"
[ "$(wc -l <"$tmp/cmds")" -ge 6 ] || fail "--help lists no commands"
while read -r c; do
	line=$(grep "^\.It Cm $c\( \|$\)" "$man" | head -n 1)
	[ -n "$line" ] || { fail "charta.1 does not document the command $c"
	    continue; }
	"$CHARTA" "$c" --help >"$tmp/chelp" 2>&1 ||
	    fail "charta $c --help exited $?"
	grep -q "^Usage: charta $c " "$tmp/chelp" ||
	    fail "charta $c --help: no usage line"
	for o in $(sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}--\([a-z-]*\).*/\2/p' \
	    "$tmp/chelp"); do
		case $o in db | help) continue ;; esac
		case $line in
		*"Fl Fl $o"*) ;;
		*) short=$(sed -n "s/^ *-\([a-zA-Z]\), --$o.*/\1/p" \
		    "$tmp/chelp")
		   case $line in
		   *"Fl $short "*) [ -n "$short" ] && continue ;;
		   esac
		   fail "charta.1: the entry of $c does not name --$o" ;;
		esac
	done
done <"$tmp/cmds"
awk '/^Commands of the reader/ { on = 1; next } /^$/ { on = 0 }
    on { print $1 }' "$tmp/help" >"$tmp/rcmds"
[ "$(wc -l <"$tmp/rcmds")" -ge 3 ] || fail "--help lists no reader commands"
while read -r c; do
	grep -q "^\.It Ic :$c\( \|$\)" "$man" ||
	    fail "charta.1 does not document the reader command :$c"
done <"$tmp/rcmds"
# Every option anywhere in the help: in the OPTIONS section.
for c in "" $(cat "$tmp/cmds"); do
	"$CHARTA" $c --help
done 2>&1 | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/opts"
while read -r o; do
	grep -q -- "^\.It.*Fl Fl ${o#--}" "$man" ||
	    fail "charta.1 does not document $o"
done <"$tmp/opts"
finish
