#!/bin/sh
# kwic.sh -- the concordance view: :kwic shows a line per occurrence with
# the keywords in one column, at 200 and at 80 columns; s sorts by the
# words to the left and right; p puts the UN translation's passage under
# each line of the foreign ministry's, or says it has no match; / narrows
# the lines; Enter goes to the passage, a jump C-o comes back from; K opens
# the concordance of a kept filter; q goes back; hostile text stays
# placeholders; and in Chinese.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
title='Concordance of sovereignty doc:mfa: 10 hits in 1 document'

# key_columns: the columns (in characters) where the keyword ($kw, any
# case) starts on the concordance's lines (rows 1 to the status line) of
# the last capture, one a line, the counterparts' lines (indented) left out
# unless $1 = all.
kw=sovereignty
key_columns() {
	_re=$(printf '%s' "$kw" | sed 's/./[&]/g')
	sed '1d;$d' "$tmp/screen" | while IFS= read -r line; do
		case $line in
		' '[a-z]*:*) ;;
		'   '[a-z]*:* | *'(no match'*) [ "${1:-}" = all ] || continue ;;
		*) continue ;;
		esac
		pre=$(printf '%s\n' "$line" | sed "s/$_re.*//I")
		[ "$pre" = "$line" ] && continue
		printf '%s' "$pre" | wc -m
	done | sort -u
}

# one_column WHAT: the keywords of the last capture are in one column.
one_column() {
	_c=$(key_columns "${2:-}")
	[ -n "$_c" ] && [ "$(printf '%s\n' "$_c" | wc -l)" -eq 1 ] && return 0
	fail "$1: the keywords are not in one column ($(printf '%s ' $_c)):"
	tui_show
	return 1
}

# kwic QUERY: run :kwic QUERY.
kwic() {
	tui_keys :
	tui_wait_re -1 '^:' || fail "no command line"
	tui_type "kwic $1"
	tui_keys Enter
}

for cols in 200 80; do
	tui_start "$cols" 30
	tui_expect "$cols: start" "$hint" || continue
	start_ref=$(tui_line 0 | awk '{ print $NF }')
	kwic 'sovereignty doc:mfa'
	tui_expect "$cols: :kwic" "$title, by reference" 'mfa:I.p1' \
	    'mfa:III.1.p2' || continue
	tui_expect "$cols: hints" 's sort  p parallel  Enter go' '1/10'
	one_column "$cols: :kwic"
	line=$(grep 'mfa:II.2.p1' "$tmp/screen")
	case $line in
	*'principle of sovereignty enshrined'*) ;;
	*) fail "$cols: mfa:II.2.p1's line: '$line'" ;;
	esac
	# s: by the words to the left (country's before of ... state ...),
	# to the right, by reference; the title says so where it fits.
	wide=
	[ "$cols" = 200 ] && wide=yes
	tui_keys s
	tui_wait_line 1 'mfa:III.p1 ' || fail "$cols: s: '$(tui_line 1)'"
	[ -z "$wide" ] || tui_expect "$cols: s" "$title, by the words to the left"
	one_column "$cols: s"
	tui_keys s
	tui_wait_line 1 'mfa:I.p1 ' || fail "$cols: s s: '$(tui_line 1)'"
	[ -z "$wide" ] ||
	    tui_expect "$cols: s s" "$title, by the words to the right"
	tui_keys s
	tui_wait_line 2 'mfa:I.p2 ' || fail "$cols: s s s: '$(tui_line 2)'"
	# p: the UN's passage under each line, and where it has no match.
	tui_keys p
	tui_expect "$cols: p" 'un:II.2.p1' '(no match in the counterpart)'
	[ -z "$wide" ] || tui_expect "$cols: p: title" \
	    '1 without a match in the other translation'
	line=$(grep -A1 'mfa:II.2.p2' "$tmp/screen" | tail -n 1)
	case $line in
	*'un:II.2.p2'*'Affirming sovereignty in cyberspace'*) ;;
	*) fail "$cols: p: under mfa:II.2.p2: '$line'" ;;
	esac
	one_column "$cols: p" all
	tui_keys p
	tui_wait_not 'un:I.p1' || fail "$cols: p again: still parallel"
	# /: the filter narrows the lines (kind:goal: goal III.1, its
	# heading and its paragraphs).
	tui_keys /
	tui_type 'kind:goal'
	tui_keys Enter
	tui_expect "$cols: / kind:goal" '3 of 10 hits' 'mfa:III.1 ' \
	    'mfa:III.1.p2 '
	tui_expect_not "$cols: / kind:goal" 'mfa:I.p1'
	tui_keys Escape
	tui_expect "$cols: Esc" '10 hits in 1 document' 'mfa:I.p1' '8/10'
	# Enter: to the passage, in the reader.
	tui_keys g j j j j
	tui_expect "$cols: j x4" '5/10'
	tui_keys Enter
	tui_expect_ref "$cols: Enter" mfa:II.2.p1
	# A jump: C-o brings the reader back to where it was, C-t there again.
	tui_keys C-o
	tui_expect_ref "$cols: C-o" "$start_ref"
	tui_keys C-t
	tui_expect_ref "$cols: C-t" mfa:II.2.p1
	tui_keys q
	tui_expect_exit "$cols: q" 0
done

# 80 columns: nothing wider than the screen, the keyword mid-screen.
tui_start 80 24
tui_expect "80x24" "$hint"
kwic 'cyberterrorism'
tui_expect "80x24: :kwic" 'Concordance of cyberterrorism'
kw=cyberterrorism
one_column "80x24: :kwic"
c=$(key_columns)
c=${c:-0}
[ "$c" -gt 25 ] && [ "$c" -lt 55 ] ||
    { fail "80x24: the keyword starts in column $c"; tui_show; }
# q: back to the reader as it was.
kw=sovereignty
tui_keys q
tui_expect "80x24: q" "$hint"
tui_expect_not "80x24: q" 'Concordance'

# K: the concordance of a kept filter.
tui_keys K
tui_expect "K without a filter" 'no filter: type / and words'
tui_keys /
tui_type 'privacy doc:wic'
tui_keys Enter
tui_expect "/privacy" 'paragraph'
tui_keys K
tui_expect "K" 'Concordance of privacy doc:wic: 1 hit in 1 document' \
    'wic:I.p2'
tui_keys q q
tui_expect_exit "K: q q" 0

# Many hits come a slice at a time: the first screen at once, the count
# grows to all of them with no key pressed, and G reaches the last.
{
	printf -- '---\nslug: many\nalias: many\ntitle: Many\n---\n\n'
	awk 'BEGIN { for (i = 1; i <= 5000; i++)
	    printf "Paragraph %d on sovereignty and more.\n\n", i }'
} >"$tmp/many.md"
"$CHARTA" --db "$tmp/many.db" import "$tmp/many.md" >"$tmp/out" 2>&1 ||
    { fail "import: $(cat "$tmp/out")"; finish; }
tui_start 120 30 --db "$tmp/many.db"
tui_expect "many: start" "$hint"
kwic sovereignty
tui_expect "many: :kwic" 'Concordance of sovereignty: 5000 hits in 1 document' \
    'Paragraph 1 on sovereignty'
tui_keys G
tui_expect "many: G" 'Paragraph 5000 on sovereignty' '5000/5000'
tui_keys q q
tui_expect_exit "many: q" 0

# Hostile text: placeholders on the screen, nothing raw to the terminal.
esc=$(printf '\033')
{
	printf -- '---\nslug: evil\nalias: ev\ntitle: Evil\n---\n\n'
	printf 'Then %s]0;pwned\007 the keyword %s[2J and ' "$esc" "$esc"
	printf '\342\200\256 bidi, Za'
	printf '\314\201\314\202\314\203\314\204\314\205\314\206\314\207'
	printf ' keyword end.\n'
} >"$tmp/evil.md"
"$CHARTA" --db "$tmp/evil.db" import "$tmp/evil.md" >"$tmp/out" 2>&1 ||
    { fail "import: $(cat "$tmp/out")"; finish; }
tui_start_cmd 100 20 'read -r _ && exec "$CHARTA" --db "$1"' "$tmp/evil.db"
$T pipe-pane "cat >>$tmp/raw"
tui_keys Enter
tui_expect "evil: start" "$hint"
kwic keyword
tui_expect "evil: :kwic" 'ev:p1' '^[]0;pwned^G the' '^[[2J and <U+202E>'
[ "$(tui_fmt '#{pane_title}')" = pwned ] && fail "evil: the title was set"
if LC_ALL=C grep -q "$(printf '\033\\]0;pwned')" "$tmp/raw" ||
    LC_ALL=C grep -q "$(printf '\342\200\256')" "$tmp/raw"; then
	fail "evil: a sequence from the data reached the terminal"
fi
tui_keys q q
tui_expect_exit "evil: q" 0

# In Chinese: the title, the hints, the note, within 80 columns.
. "$top_srcdir/tests/i18n/lib.sh"
i18n_setup zh_CN
msg() {
	i18n_msgstr zh_CN "$1" || fail "zh_CN: no '$1' in po/zh_CN.po"
}
tui_lang=$i18n_locale_zh_CN
tui_env="LANGUAGE=zh_CN CHARTA_LOCALEDIR=$tmp/locale"
zh_title=$(msg ' Concordance of %s: ')
zh_title=$(printf '%s' "$zh_title" | sed 's/%s/sovereignty doc:mfa/')
zh_hint="s $(msg sort)  p $(msg parallel)  Enter $(msg go)"
zh_none=$(msg '(no match in the counterpart)')
tui_start 80 24
tui_expect "zh_CN: start" "$(msg help)"
kwic 'sovereignty doc:mfa'
tui_expect "zh_CN: :kwic" "$zh_title" "$zh_hint" || finish
one_column "zh_CN: :kwic"
tui_keys p
tui_expect "zh_CN: p" "$zh_none"
i18n_valid_utf8 "$tmp/screen" || fail "zh_CN: the screen is not UTF-8"
[ "$(i18n_width <"$tmp/screen")" -le 80 ] ||
    { fail "zh_CN: a line is wider than 80 columns"; tui_show; }
tui_keys q q
tui_expect_exit "zh_CN: q" 0
finish
