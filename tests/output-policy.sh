#!/bin/sh
# output-policy.sh -- what show, search, compare and toc print, as a user
# reading it sees it: TABs at stops of 8 wherever text is laid out, the
# reader's placeholders (noncharacters included), no placeholder, URL or
# abbreviation broken over two lines, no line wider than -w N, word-diff
# markers that never run from one line into the next, and cut titles
# that say so.
. "${top_srcdir:-.}/tests/lib.sh"

# widest FILE: the display width of the widest line (TABs to stops of 8).
widest() {
	LC_ALL=C.UTF-8 wc -L <"$1"
}

esc=$(printf '\033')
tab=$(printf '\t')
bels=$(printf '\a\a\a\a\a\a\a\a\a\a\a')
tags=$(printf '\363\240\201\201\363\240\201\201\363\240\201\201')
nonchars=$(printf '\357\277\276 \357\277\277 \357\267\220 \364\217\277\277')
{
	printf -- '---\nslug: hostile\ntitle: Hostile\n---\n\n'
	printf '# Tab%sin the heading {.chapter label=I}\n\n' "$tab"
	printf 'Col%sumn%sA and%stabs, then more words after them.\n\n' \
	    "$tab" "$tab" "$tab"
	printf 'Noncharacters %s end.\n\n' "$nonchars"
	printf 'Bells %s tags %s and %s[31mred%s[0m done.\n\n' \
	    "$bels" "$tags" "$esc" "$esc"
	printf 'Talks with the U.S. and the U.K. at '
	printf 'https://www.example.org/cyber.html now.\n\n'
	printf '> An epigraph indented by four columns, long enough to wrap.\n'
} >"$tmp/hostile.md"
expect_status 0 "$CHARTA" --db "$tmp/h.db" import "$tmp/hostile.md"
show() {
	"$CHARTA" --db "$tmp/h.db" "$@"
}

# TABs: expanded wherever text is wrapped, and the rule under a heading
# is as wide as the heading looks.
for w in 12 20 40 72; do
	show show -w "$w" hostile >"$tmp/w.out" || fail "show -w $w failed"
	grep -q "$tab" "$tmp/w.out" && fail "show -w $w printed a raw TAB"
	[ "$(widest "$tmp/w.out")" -le "$w" ] ||
	    fail "show -w $w has a line of $(widest "$tmp/w.out") columns"
done
show show hostile:I >"$tmp/h.out"
head -n 1 "$tmp/h.out" >"$tmp/h.head"
sed -n 2p "$tmp/h.out" | tr -d '\n' >"$tmp/h.rule"
[ "$(widest "$tmp/h.head")" -eq "$(wc -c <"$tmp/h.rule")" ] ||
    fail "the rule under a heading with a TAB differs: $(cat "$tmp/h.out")"
grep -q "$tab" "$tmp/h.head" && fail "a heading kept its raw TAB"

# Noncharacters: U+FFFD, as the reader shows them, even in a pipe.
show show hostile:I.p2 >"$tmp/nc.out"
LC_ALL=C grep -q "$(printf '\357\277[\276\277]')" "$tmp/nc.out" &&
    fail "show printed U+FFFE or U+FFFF raw"
LC_ALL=C grep -q "$(printf '\357\267\220')" "$tmp/nc.out" &&
    fail "show printed U+FDD0 raw"
fffd=$(printf '\357\277\275')
grep -q "Noncharacters $fffd $fffd $fffd $fffd end" "$tmp/nc.out" ||
    fail "noncharacters not shown as U+FFFD: $(cat "$tmp/nc.out")"

# A placeholder, an abbreviation or a URL is never broken over two lines.
for w in 10 11 12 13 14 17 24 40; do
	show show -w "$w" hostile:I.p3 >"$tmp/p.out"
	grep -Eq '\^$|<U?\+?[0-9A-F]*$' "$tmp/p.out" &&
	    fail "show -w $w cut a placeholder: $(cat "$tmp/p.out")"
	grep -Eq '^ *(G|[0-9A-F]*>|\+[0-9A-F]*>)' "$tmp/p.out" &&
	    fail "show -w $w cut a placeholder: $(cat "$tmp/p.out")"
	show show -w "$w" hostile:I.p4 >"$tmp/u.out"
	grep -Eq '(^|[^.])U\.$|^S\.|^K\.' "$tmp/u.out" &&
	    fail "show -w $w broke an abbreviation: $(cat "$tmp/u.out")"
	if [ "$w" -ge 34 ]; then
		grep -q '^https://www.example.org/cyber.html' "$tmp/u.out" ||
		    fail "show -w $w broke the URL: $(cat "$tmp/u.out")"
	fi
done

# Indented epigraphs fit at every width (-w 10 to 13 let them overflow).
for w in 10 11 12 13 14 20; do
	show show -w "$w" hostile:I.p5 >"$tmp/e.out"
	[ "$(widest "$tmp/e.out")" -le "$w" ] ||
	    fail "show -w $w: an epigraph line is $(widest "$tmp/e.out") wide"
	grep -q '^  ' "$tmp/e.out" ||
	    fail "show -w $w: the epigraph lost its indent"
done
"$CHARTA" show -w 10 chinadaily >"$tmp/cd.out"
[ "$(widest "$tmp/cd.out")" -le 10 ] ||
    fail "show -w 10 chinadaily is $(widest "$tmp/cd.out") wide"

# search wraps at -w N, each match's later lines indented under its
# first; unwrapped it is one line a match.
"$CHARTA" search -w 40 privacy >"$tmp/s.out"
[ "$(widest "$tmp/s.out")" -le 40 ] ||
    fail "search -w 40 has a line of $(widest "$tmp/s.out") columns"
n=$("$CHARTA" search privacy | wc -l)
[ "$(grep -Ec '^[a-z0-9-]+:[^ ]+:( |$)' "$tmp/s.out")" -eq "$n" ] ||
    fail "search -w 40 does not start each of its $n matches on a line"
grep -Ev '^[a-z0-9-]+:[^ ]+:( |$)' "$tmp/s.out" | grep -qv '^    ' &&
    fail "search -w 40 has a continuation line not indented"
grep -q 'privacy' "$tmp/s.out" || fail "search -w 40 lost the text"

# compare --words: every line has its markers closed, and fits.
for w in 30 41 60 80 120; do
	"$CHARTA" compare --words -w "$w" mfa:II un:II >"$tmp/c.out"
	[ "$(widest "$tmp/c.out")" -le "$w" ] ||
	    fail "compare -w $w has a line of $(widest "$tmp/c.out") columns"
	awk '{
		o = gsub(/\[-/, "&"); c = gsub(/-\]/, "&")
		i = gsub(/\{\+/, "&"); j = gsub(/\+\}/, "&")
		if (o != c || i != j) { print NR ": " $0; bad = 1 }
	} END { exit bad }' "$tmp/c.out" >"$tmp/c.bad" ||
	    fail "compare --words -w $w left a marker open: $(head -3 "$tmp/c.bad")"
done

# A title cut to its column ends with an ellipsis.
"$CHARTA" compare -w 60 embassy:II >"$tmp/t.out"
head -n 1 "$tmp/t.out" | grep -q "$(printf '\342\200\246')" ||
    fail "a cut title has no ellipsis: $(head -n 1 "$tmp/t.out")"
LC_ALL=C "$CHARTA" compare -w 60 embassy:II | head -n 1 | grep -q '\.\.\.' ||
    fail "a cut title in the C locale has no '...'"

# toc: one section a line, even when a title holds a line feed, and the
# titles in one column even when a label holds a TAB.
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$tmp/h.db" "$tmp/toc.db"
	sqlite3 "$tmp/toc.db" "UPDATE node SET title = 'Two' || char(10) || \
	    'lines' WHERE label = 'I';" 2>"$tmp/err" ||
	    fail "sqlite3: $(cat "$tmp/err")"
	"$CHARTA" --db "$tmp/toc.db" toc hostile >"$tmp/toc.out" 2>&1
	[ "$(wc -l <"$tmp/toc.out")" -eq 2 ] ||
	    fail "toc split a title over lines: $(cat "$tmp/toc.out")"
	grep -q '^  I  Two lines$' "$tmp/toc.out" ||
	    fail "toc title with a line feed: $(cat "$tmp/toc.out")"
fi
finish
