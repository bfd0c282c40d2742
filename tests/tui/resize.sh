#!/bin/sh
# resize.sh -- the window changes size: one pane or two, the smallest
# layout, "terminal too small", and back, keeping the selection and the
# place in the text (to the line, without drifting); a storm of resizes.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

# split_ok W: the last capture is the two-pane layout of a W-column window:
# the separator on every body line, in the outline's column (a third of
# the width, 28 to 56), and the status line.
split_ok() {
	_ow=$(($1 / 3))
	[ "$_ow" -lt 28 ] && _ow=28
	[ "$_ow" -gt 56 ] && _ow=56
	# (sed counts characters, in a UTF-8 locale.)
	! sed '1d;$d' "$tmp/screen" |
	    LC_ALL=C.UTF-8 sed -E "s/^.{$_ow}(.).*/\1/" | grep -qvx '│' &&
	    [ "$(wc -l <"$tmp/screen")" -gt 2 ] &&
	    tui_line -1 | grep -q "^ ? help .* [0-9]*%\$"
}

# single: one pane, no separator, the full status line.
single_ok() {
	! grep -q '│' "$tmp/screen" && tui_line -1 | grep -q "^ ? help "
}

tui_start 80 24
tui_expect "start" "$hint" || finish
tui_keys j j
tui_expect_ref "j j" mfa:I

# 120x40: both panes, the outline left, the selection's text right.
tui_resize 120 40
tui_until split_ok 120 || { fail "120x40: not the two-pane layout:"; tui_show; }
tui_expect "120x40" '▾ International Strategy of Cooperation' \
    '│ I  Chapter I. Opportunities and Challenges' \
    '│ With the accelerating trend toward a multi-polar'
[ "$(wc -l <"$tmp/screen")" -eq 40 ] ||
    fail "120x40: $(wc -l <"$tmp/screen") lines on the screen"
tui_expect_ref "120x40" mfa:I

# 20x5, the smallest layout: title, three rows, status.
tui_resize 20 5
tui_until single_ok || { fail "20x5: no one-pane layout:"; tui_show; }
tui_expect "20x5" ' ISCC 2017 (MFA)' '▾ International Stra' '  ▸ P  Preface' \
    '  ▸ I  Chapter I. Op'
tui_expect_not "20x5" 'terminal too small'

# Smaller than that: only the notice, in as much of it as fits.
tui_resize 1 1
tui_resize 19 5
tui_expect "19x5" 'too small'
tui_expect_not "19x5" 'ISCC'
tui_resize 20 4
tui_expect "20x4" 'too small'
tui_resize 30 4
tui_expect "30x4" 'terminal too small (30x4)'
tui_alive "too small" || finish
# Keys other than q do nothing there.
tui_keys j j
tui_resize 1 1

# Back to 80x24: the whole layout again, the same selection.
tui_resize 80 24
tui_until single_ok || { fail "80x24 again: not the layout:"; tui_show; }
tui_expect "80x24 again" "$hint" '▾ International Strategy of Cooperation on Cyberspace' \
    '  ▸ I  Chapter I. Opportunities and Challenges'
tui_expect_not "80x24 again" 'terminal too small'
tui_expect_ref "80x24 again: the same selection" mfa:I
[ "$(wc -l <"$tmp/screen")" -eq 24 ] ||
    fail "80x24: $(wc -l <"$tmp/screen") lines on the screen"
tui_keys j
tui_expect_ref "j after the resizes" mfa:II

# The text pane keeps its place: the text at the top stays at the top,
# even from the middle of a paragraph, and resizing back gives the same
# line, however often.  (Lines are found in `charta show -w 78`, which
# wraps as the text pane does at 80 columns.)
"$CHARTA" show -w 78 mfa >"$tmp/show" 2>"$tmp/err" ||
    fail "charta show: $(cat "$tmp/err")"
# top_line: line 1 of the last capture, text only, without indentation.
top_line() {
	tui_line 1 | sed 's/^.*│//; s/^ *//'
}
# mid_para LINE: LINE is in the show output once, and not the first line
# of its paragraph.
mid_para() {
	[ -n "$1" ] && [ "$(grep -cxF -- "$1" "$tmp/show")" = 1 ] &&
	    awk -v l="$1" '{ t = $0; sub(/^ */, "", t) }
		t == l { exit !(prev !~ /^ *$/) } { prev = $0 }' "$tmp/show"
}
# at_top80: the top line is the one chosen at 80 columns.
at_top80() {
	[ "$(top_line)" = "$top80" ]
}
# at_top_wide: in a wider pane the top line holds the start of that line:
# its first word, and with the next line its first three.
at_top_wide() {
	_l1=$(top_line)
	_l2=$(tui_line 2 | sed 's/^.*│//; s/^ *//')
	case $_l1 in
	*"$word1"*) ;;
	*) return 1 ;;
	esac
	case "$_l1 $_l2" in
	*"$words3"*) return 0 ;;
	esac
	return 1
}
tui_keys -
tui_expect_ref "- before the text" mfa
tui_keys Tab
tui_expect "Tab to the text" 'P  Preface'
tui_keys Space Space
tui_wait_not 'P  Preface' || fail "space space: the text did not move"
# j until the top line is inside a paragraph.
n=0 top80=
while [ "$n" -lt 30 ]; do
	l=$(top_line)
	if mid_para "$l"; then
		top80=$l
		break
	fi
	tui_keys j
	tui_until sh -c '[ "$(sed -n 2p "$1")" != "$2" ]' sh "$tmp/screen" \
	    "$(tui_line 1)"
	n=$((n + 1))
done
[ -n "$top80" ] || { fail "no paragraph's inner line at the top:"; tui_show; }
word1=$(printf %s "$top80" | cut -d' ' -f1)
words3=$(printf %s "$top80" | cut -d' ' -f1-3)
for round in 1 2; do
	tui_resize 120 40
	tui_until split_ok 120 || { fail "120x40 in the text: not split:"; tui_show; }
	tui_until at_top_wide ||
	    fail "120x40 ($round): the top line is '$(top_line)', expected '$words3...' in it"
	tui_resize 80 24
	tui_until single_ok || { fail "80x24 in the text: not the layout:"; tui_show; }
	tui_until at_top80 ||
	    fail "80x24 ($round): the top line is '$(top_line)', expected '$top80'"
done
tui_expect_not "80x24 in the text: still the text pane" '▾ International'

# A storm of resizes, through sizes down to a single cell (tmux refuses 0).
for s in 1x1 2x1 1x2 0x0 30x10 200x60 5x5 1x1 90x24 89x24 120x40 3x2 \
    1x1 100x30 40x12 20x5 19x5 1x1 150x50 60x20 1x1 2x2 80x24 1x1 \
    300x100 10x3 1x1 91x25 200x5 120x40; do
	tui_resize "${s%x*}" "${s#*x}"
done
[ "$(tui_fmt '#{window_width}x#{window_height}')" = 120x40 ] ||
    fail "storm: tmux ended at $(tui_fmt '#{window_width}x#{window_height}')"
tui_until split_ok 120 || { fail "after the storm: not split at 120:"; tui_show; }
tui_until at_top_wide ||
    fail "after the storm: the top line is '$(top_line)', expected '$words3...' in it"
[ "$(wc -l <"$tmp/screen")" -eq 40 ] ||
    fail "after the storm: $(wc -l <"$tmp/screen") lines on the screen"
# The title line cites the paragraph at the top of the scrolled text.
tui_expect_ref "after the storm: the same place" mfa:I.p1
tui_alive "after the storm" || finish
# Still responsive: j scrolls the text, Tab and j move in the outline.
scrolled() {
	tui_line 1 | grep -q '│' && ! at_top_wide
}
tui_keys j
tui_until scrolled ||
    fail "j after the storm: the text did not scroll: '$(tui_line 1)'"
tui_keys Tab j
tui_expect_ref "Tab j after the storm" un
tui_resize 100 30
tui_until split_ok 100 || { fail "100x30: not split:"; tui_show; }

# q still quits when the window is too small.
tui_resize 10 3
tui_expect "10x3" 'too small'
tui_keys q
tui_expect_exit "q in a window too small" 0
finish
