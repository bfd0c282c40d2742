#!/bin/sh
# hostile.sh -- a document made to attack the terminal: escape sequences
# that set the title, write the clipboard, clear the screen or make the
# terminal answer (and so type into charta), C1 controls, bidi overrides,
# invisible characters, piles of combining marks and invalid UTF-8.  The
# reader must show them as visible placeholders and the terminal must
# never see them.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

esc=$(printf '\033')
bel=$(printf '\007')
# a with 20 combining marks (U+0301 to U+0314).
zalgo=a$(printf '\314\201\314\202\314\203\314\204\314\205\314\206\314\207')
zalgo=$zalgo$(printf '\314\210\314\211\314\212\314\213\314\214\314\215')
zalgo=$zalgo$(printf '\314\216\314\217\314\220\314\221\314\222\314\223\314\224')

# Title: OSC 0 and OSC 2 (set the window title).  Heading: clear screen and
# home.  I.p2: OSC 52 (write the clipboard), DSR 6 (cursor position
# report), DA (device attributes) and DECRQSS, which make a terminal type
# its answer into charta.  I.p3: a C1 CSI and a right-to-left override.
# I.p4: a zero-width space and the marks.
{
	printf -- '---\nslug: evil\nalias: ev\n'
	printf 'title: Evil %s]0;pwned%s title\n' "$esc" "$bel"
	printf 'short: Evil%s]2;pwned%s\n' "$esc" "$bel"
	printf -- '---\n\n'
	printf '# Head %s[2J%s[H clear {.chapter label=I}\n\n' "$esc" "$esc"
	printf 'Plain first paragraph.\n\n'
	printf 'Then %s]52;c;cHduZWQ=%s clip, %s[6n report, %s[c attrs, ' \
	    "$esc" "$bel" "$esc" "$esc"
	printf '%sP$q"p%s\\\\ decrqss.\n\n' "$esc" "$esc"
	printf 'C1 \302\233 31m here and \342\200\256 bidi RLO.\n\n'
	printf 'Zero\342\200\213width and Z%s here.\n\n' "$zalgo"
	printf '# Second {.chapter label=II}\n\nPlain text of the second chapter.\n'
} >"$tmp/evil.md"
"$CHARTA" --db "$tmp/evil.db" import "$tmp/evil.md" >"$tmp/out" 2>&1 ||
    { fail "import: $(cat "$tmp/out")"; finish; }
db=$tmp/evil.db

# Invalid UTF-8 (which the importer refuses) straight into the database:
# stray bytes, an overlong ESC (C0 9B), a lone C1 CSI byte.
bad=no
second='Plain text of the second chapter.'
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$tmp/evil.db" "$tmp/bad.db"
	if sqlite3 "$tmp/bad.db" "UPDATE node SET body = \
	    X'426164206279746573FFFE20C09B9B5B326A20656E642E' \
	    WHERE label = 'II.p1'; UPDATE node SET title = \
	    CAST(X'5365636F6E64FF20C09B9B' AS TEXT) WHERE label = 'II';" \
	    2>"$tmp/err"; then
		db=$tmp/bad.db
		bad=yes
		second='Bad bytes�� ���[2j end.'
	else
		fail "sqlite3 could not change the database: $(cat "$tmp/err")"
	fi
else
	echo "hostile: no sqlite3: not testing invalid UTF-8" >&2
fi

# Let tmux take OSC 52 into a paste buffer, were it to come through.
echo 'set -s set-clipboard on' >>"$tmp/tmux.conf"

# Start charta only once the pane's output is logged (pipe-pane), so that
# everything it writes can be checked for raw control sequences.
tui_start_cmd 80 24 'read -r _ && exec "$CHARTA" --db "$1"' "$db"
$T pipe-pane "cat >>$tmp/raw"
title_before=$(tui_fmt '#{pane_title}')
tui_keys Enter

# redraw_same WHAT: what the terminal shows is what charta meant to show:
# a redraw from scratch (C-l) changes nothing.  (A sequence that got
# through would have changed the terminal behind curses' back.)  Each
# screen is taken once charta has handled every key (tui_sync): not in
# the middle of a frame.
redraw_same() {
	tui_sync		# every key handled, the frame complete
	tui_capture
	cp "$tmp/screen" "$tmp/before"
	tui_keys C-l
	tui_sync
	tui_capture
	cmp -s "$tmp/screen" "$tmp/before" ||
	    { fail "$1: the screen was not what charta drew:"
	      sed 's/^/	|/' "$tmp/before" >&2; }
}

# The outline, at 80 columns.
tui_expect "outline" "$hint" ' Evil^[]2;pwned^G' '▾ Evil ^[]0;pwned^G title' \
    '  ▸ I  Head ^[[2J^[[H clear' '  ▸ II  Second' || finish
redraw_same "outline"
tui_keys j l
tui_expect "outline, I open" '      p1  Plain first paragraph.' \
    '      p2  Then ^[]52;c;cHduZWQ=^G clip, ^[[6n report, ^[[c attrs' \
    '      p3  C1 <U+009B> 31m here and <U+202E> bidi RLO.' \
    '      p4  Zero<U+200B>width and Z' '  ▸ II  Second'
redraw_same "outline, I open"
tui_keys j
tui_expect_ref "I.p1" ev:I.p1
tui_line 0 | grep -qF ' Evil^[]2;pwned^G › Head ^[[2J^[[H clear' ||
    fail "title line: '$(tui_line 0)'"
tui_keys k

# The text of I.p2 (the one that makes the terminal answer): charta must
# stay on it.  (An answer such as ESC [ 24 ; 1 R, read as keys, would
# move to the previous part with '['.)
tui_keys j j
tui_expect_ref "I.p2" ev:I.p2
tui_keys Tab
tui_expect "text of I.p2" \
    'Then ^[]52;c;cHduZWQ=^G clip, ^[[6n report, ^[[c attrs, ^[P$q"p^[\'
redraw_same "text of I.p2"
tui_sync
tui_expect_ref "no answer typed into charta" ev:I.p2
tui_expect_not "no answer typed into charta" 'key not bound'
tui_expect_not "no answer typed into charta" 'no previous part'

# The whole document in the text pane: every part, every placeholder.
tui_keys Tab g Tab
tui_expect_ref "g" ev
tui_expect "the whole text" 'Evil ^[]0;pwned^G title' \
    'I  Head ^[[2J^[[H clear' 'Plain first paragraph.' \
    '^[]52;c;cHduZWQ=^G clip' 'C1 <U+009B> 31m here and <U+202E> bidi RLO.' \
    'Zero<U+200B>width and Z' 'II  Second' "$second" "$hint"
# Four marks are kept on the a, then an ellipsis says more were dropped.
grep -q "Z$(printf 'a\314\201\314\202\314\203\314\204')… here\\." \
    "$tmp/screen" || fail "the combining marks are not cut at four"
redraw_same "the whole text"
if [ "$bad" = yes ]; then
	tui_expect "invalid UTF-8" 'II  Second� ���'
	LC_ALL=C grep -q "$(printf '\377')" "$tmp/screen" &&
	    fail "invalid UTF-8: raw bytes on the screen"
fi

# At 120 columns, both panes at once.
tui_resize 120 30
tui_expect "120 columns" '│' '▾ Evil ^[]0;pwned^G title' '▾ I  Head ^[[2J^[[H' \
    'p2  Then ^[]52;c;cHduZWQ=^G clip' '<U+202E> bidi RLO.' \
    "$second" "$hint"
redraw_same "120 columns"
tui_keys Tab j
tui_expect_ref "120 columns: j" ev:I
redraw_same "120 columns, I"
tui_keys G
tui_expect_ref "120 columns: G" ev:II
if [ "$bad" = yes ]; then
	tui_expect "120 columns: invalid UTF-8" '▸ II  Second� ���'
fi
redraw_same "120 columns, II"

# What the terminal never got: no new title, no clipboard write.
title_after=$(tui_fmt '#{pane_title}')
[ "$title_after" = "$title_before" ] ||
    fail "the pane title changed to '$title_after'"
case $title_after in
*pwned*) fail "the pane title is '$title_after'" ;;
esac
[ -z "$($T list-buffers 2>/dev/null)" ] ||
    fail "a paste buffer was made: $($T list-buffers)"
tui_keys q
tui_expect_exit "q" 0

# And in what charta wrote: no OSC, no DCS, no CSI from the data, no C1,
# no bidi control, no invalid UTF-8.
LC_ALL=C grep -qF '<U+202E>' "$tmp/raw" &&
    LC_ALL=C grep -qF ' bidi RLO.' "$tmp/raw" ||
    fail "the pane's output was not logged"
for seq in "${esc}]" "${esc}P" "${esc}[6n" "${esc}[c" "${esc}[2J${esc}[H clear" \
    "$(printf '\302\233')" "$(printf '\342\200\256')" \
    "$(printf '\342\200\213')" "$(printf '\377')" "$(printf '\300')" \
    "$bel"; do
	if LC_ALL=C grep -qF -- "$seq" "$tmp/raw"; then
		fail "charta wrote $(printf %s "$seq" | od -An -c | tr -s ' ')"
	fi
done
finish
