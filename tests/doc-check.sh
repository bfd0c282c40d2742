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

# Quotes render right: no opening quote inside another (mdoc's Dq runs to
# the end of its line, so two on one line nest), no escape left as text.
if command -v mandoc >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1
then
	mandoc -T utf8 "$man" >"$tmp/man.txt" 2>/dev/null
	python3 - "$tmp/man.txt" >"$tmp/quotes" <<'PYEOF' ||
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
text = re.sub('.\b', '', text)          # bold and underline overstrikes
depth = 0
for no, line in enumerate(text.split('\n'), 1):
    for ch in line:
        depth += {'\u201c': 1, '\u201d': -1}.get(ch, 0)
        if depth > 1 or depth < 0:
            print('line %d: nested or unbalanced quotes: %s'
                  % (no, line.strip()))
            sys.exit(1)
    if re.search(r'\\[(&*e-]', line):
        print('line %d: an escape shown as text: %s' % (no, line.strip()))
        sys.exit(1)
PYEOF
	    fail "charta.1 as mandoc renders it: $(cat "$tmp/quotes")"
fi

# Actions: the second field of each X(ENUM, "name", ...) in keymap.h.
sed -n 's/^[[:space:]]*X([A-Z_]*,[[:space:]]*"\([a-z-]*\)".*/\1/p' \
    "$top_srcdir/src/ui/keymap.h" >"$tmp/actions"
[ "$(wc -l <"$tmp/actions")" -gt 20 ] || fail "no actions found in keymap.h"
while read -r a; do
	grep -q "^\.Cm.* $a\( ,\|$\| \.\)" "$man" ||
	    grep -q "Cm $a" "$man" || fail "charta.1 does not name the action $a"
done <"$tmp/actions"

# Keys: every default key of every action is in the manual page, in the
# section of the view that has it: the global and reader keys under Keys,
# the comparison's under Comparison, the lists of marks and notes under
# Reader commands.  A key is documented where a line with .Ic names it
# (mdoc escapes undone).  The entries of REQUEST_TABLE are one a line once
# its continuation lines are joined: X(ENUM, "name", GROUP, N_("help"),
# "key", ...).
{ sed -n '/^#define REQUEST_TABLE/,/^$/p' "$top_srcdir/src/ui/keymap.h" |
    sed 's/\\$//' | tr '\n\t' '  '; echo; } | sed 's/X(/\
X(/g' | sed -n 's/^X([A-Z_]*, *"\([a-z-]*\)", *KEYMAP_\([A-Z]*\), *N_("[^"]*"\( *"[^"]*"\)*) *, *\(.*\)) *$/\1 \2 \4/p' |
    sed 's/", *"/ /g; s/"//g' >"$tmp/keys"
[ "$(wc -l <"$tmp/keys")" -eq "$(wc -l <"$tmp/actions")" ] ||
    fail "keymap.h: $(wc -l <"$tmp/keys") actions with keys, $(wc -l <"$tmp/actions") actions"
# man_keys SECTION: the words of the .Ic lines of that subsection.
man_keys() {
	sed -n "/^\.Ss $1\$/,/^\.S[sh] /p" "$man" | grep '^\..*Ic ' |
	    sed 's/\\&//g; s/\\-/-/g; s/\\(aq/'"'"'/g' | tr ' ' '\n' |
	    sed 's/^\(.\{1,\}\),$/\1/' | sort -u
}
man_keys Keys >"$tmp/keys.Keys"
man_keys Comparison >"$tmp/keys.Comparison"
man_keys 'Reader commands' >"$tmp/keys.Reader"
set -f	# keys such as ? are not patterns
while read -r action group keys; do
	case $group in
	COMPARE) where=Comparison ;;
	STUDY) where=Reader ;;
	*) where=Keys ;;
	esac
	for k in $keys; do
		grep -qxF -- "$k" "$tmp/keys.$where" ||
		    fail "charta.1 ($where) does not name the key $k ($action)"
	done
done <"$tmp/keys"
set +f

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
