#!/bin/sh
# stats.sh -- the statistics view: :stats shows a term's counts and rates
# per document with bars, the dispersion plot (a mark where it occurs,
# chapters labelled) and its collocates, at 200 and at 80 columns; v
# switches to chapters; ] goes to the next part; :keyness; ASCII bars and
# marks under LC_ALL=C; and in Chinese.  The figures are the command
# line's (`charta stats`), which the oracle checks.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
heading='sovereignty: 27 occurrences, 19.92 per 10,000 words'

# stats ARGS: run :stats ARGS (or another command with cmd=...).
run() {
	tui_keys :
	tui_wait_re -1 '^:' || fail "no command line"
	tui_type "$1"
	tui_keys Enter
}

# row_of TEXT: the first line of the last capture that starts with TEXT
# after its indentation.
row_of() {
	grep -m 1 "^ *$1" "$tmp/screen"
}

for cols in 200 80; do
	tui_start "$cols" 50
	tui_expect "$cols: start" "$hint" || continue
	run 'stats sovereignty "shared future"'
	tui_expect "$cols: :stats" 'Statistics of sovereignty "shared future"' \
	    "$heading" || continue
	tui_expect "$cols: hints" 'v per chapter  ] parts  q back'
	# The table: the same figures as `charta stats`, and a bar.
	line=$(row_of 'mfa ')
	case $line in
	*' 4485 '*' 10 '*' 22.30 '*█*) ;;
	*) fail "$cols: mfa's row: '$line'" ;;
	esac
	line=$(row_of 'chinadaily ')
	case $line in
	*' 0 '*' 0.00') ;;
	*) fail "$cols: chinadaily's row (no bar): '$line'" ;;
	esac
	# The dispersion: mfa's row has marks, its chapters labelled under.
	tui_expect "$cols: dispersion" 'Where it occurs'
	line=$(grep -m 1 '^  mfa  *[─┃┆]' "$tmp/screen")
	marks=$(printf '%s' "$line" | grep -o '┃' | wc -l)
	[ "$marks" -ge 4 ] || fail "$cols: dispersion: '$line'"
	grep -A1 '^  mfa  *[─┃┆]' "$tmp/screen" | tail -n 1 |
	    grep -q 'P  *I  *II  *III  *IV  *C' ||
	    { fail "$cols: no chapter labels under mfa's row"; tui_show; }
	# v: per chapter.
	tui_keys v
	tui_expect "$cols: v" 'per chapter' 'mfa:II '
	line=$(row_of 'mfa:II ')
	case $line in
	*' 932 '*' 4 '*' 42.92'*) ;;
	*) fail "$cols: v: mfa:II's row: '$line'" ;;
	esac
	tui_expect "$cols: v: hints" 'v per document'
	# ]: the next part of the report at the top.
	tui_keys ']'
	tui_wait_line 1 'Where it occurs' || fail "$cols: ]: '$(tui_line 1)'"
	tui_keys ']'
	tui_wait_line 1 'Collocates within 5 words' ||
	    fail "$cols: ] ]: '$(tui_line 1)'"
	tui_expect "$cols: collocates" 'interests'
	tui_keys q
	tui_expect "$cols: q" "$hint"
	tui_expect_not "$cols: q" 'Statistics of'
	# :keyness.
	run 'keyness mfa un'
	tui_expect "$cols: :keyness" 'Keyness: mfa un' 'A: 4485 words; B: 5296'
	line=$(row_of 'cyber ')
	case $line in
	*' 64 '*' 1 '*' 90.70 '*'+6.24'*'A'*) ;;
	*) fail "$cols: keyness: cyber's row: '$line'" ;;
	esac
	tui_keys q q
	tui_expect_exit "$cols: q" 0
done

# Errors say what is wrong and open nothing; a bad stop word list is
# named with its line, and the counts still show.
mkdir -p "$tmp/config/charta"
printf 'the and\n' >"$tmp/config/charta/stopwords"
tui_start 100 24
tui_expect "errors" "$hint"
run 'stats *'
tui_expect "stats *" "no word to count in '*'"
run 'keyness mfa nosuch'
tui_expect "keyness mfa nosuch" 'no such reference: nosuch'
run 'keyness mfa un'
tui_expect "keyness, bad stop words" 'Keyness: mfa un' \
    'charta/stopwords:1: one word a line'
tui_keys q
run 'stats privacy'
tui_expect "stats, bad stop words" 'privacy: 18 occurrences' \
    'charta/stopwords:1: one word a line'
tui_keys q q
tui_expect_exit "errors: q" 0
rm -f "$tmp/config/charta/stopwords"

# LC_ALL=C: ASCII bars and marks, no byte beyond ASCII.
tui_lang=C
tui_start 100 40
tui_expect "C: start" "$hint"
run 'stats sovereignty'
tui_expect "C: :stats" "$heading" 'Where it occurs'
line=$(row_of 'mfa ')
case $line in
*' 22.30  '*'#'*) ;;
*) fail "C: mfa's bar: '$line'" ;;
esac
grep -q '^  mfa  *[-|:]*|[-|:]*' "$tmp/screen" ||
    { fail "C: no ASCII dispersion row"; tui_show; }
LC_ALL=C grep -q "$(printf '[\200-\377]')" "$tmp/screen" &&
    { fail "C: a byte beyond ASCII on the screen"; tui_show; }
tui_keys q q
tui_expect_exit "C: q" 0
tui_lang=C.UTF-8

# In Chinese: the title and the headings, within 80 columns.
. "$top_srcdir/tests/i18n/lib.sh"
i18n_setup zh_CN
msg() {
	i18n_msgstr zh_CN "$1" || fail "zh_CN: no '$1' in po/zh_CN.po"
}
tui_lang=$i18n_locale_zh_CN
tui_env="LANGUAGE=zh_CN CHARTA_LOCALEDIR=$tmp/locale"
zh_title=$(msg ' Statistics of %s, per document' | sed 's/%s/sovereignty/')
zh_count=$(msg 'word count')
tui_start 80 30
tui_expect "zh_CN: start" "$(msg help)"
run 'stats sovereignty'
tui_expect "zh_CN: :stats" "$zh_title" "$zh_count" || finish
i18n_valid_utf8 "$tmp/screen" || fail "zh_CN: the screen is not UTF-8"
[ "$(i18n_width <"$tmp/screen")" -le 80 ] ||
    { fail "zh_CN: a line is wider than 80 columns"; tui_show; }
# The figures stay under their names: "词数" ends where the numbers do.
head=$(grep -m 1 "$zh_count" "$tmp/screen")
row=$(row_of 'mfa ')
hw=$(printf '%s' "${head%%"$zh_count"*}$zh_count" | i18n_width)
rw=$(printf '%s' "${row%%4485*}4485" | i18n_width)
[ "$hw" = "$rw" ] ||
    { fail "zh_CN: '$zh_count' ends in column $hw, 4485 in $rw"; tui_show; }
tui_keys q q
tui_expect_exit "zh_CN: q" 0
finish
