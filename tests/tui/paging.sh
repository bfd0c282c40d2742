#!/bin/sh
# paging.sh -- paging the text pane: space and b, d and u, G and g, with
# the percentage on the status line.
#
# Where a screen line is in the text is found in `charta show -w 78`,
# which wraps paragraphs as the text pane does at 80 columns (78 wide).

. "$top_srcdir/tests/tui/lib.sh"

"$CHARTA" show -w 78 mfa >"$tmp/show" 2>"$tmp/err" ||
    fail "charta show -w 78 mfa: $(cat "$tmp/err")"
last_line=$(grep -v '^ *$' "$tmp/show" | tail -n 1)
[ -n "$last_line" ] || { fail "charta show printed nothing"; finish; }

# The body of the last capture: the 22 lines between title and status.
body() {
	sed '1d;$d' "$tmp/screen"
}

# pos: set $pos to the line number in the show output of the first line of
# the body that is there exactly once (0 if none is), and $pct to the
# percentage on the status line.
pos() {
	pos=0
	while IFS= read -r l; do
		l=${l# }
		[ -n "$l" ] || continue
		[ "$(grep -cxF -- "$l" "$tmp/show")" -eq 1 ] || continue
		pos=$(grep -nxF -- "$l" "$tmp/show" | cut -d: -f1)
		break
	done <<EOF
$(body)
EOF
	pct=$(tui_line -1 | sed -n 's/.* \([0-9]*\)%$/\1/p')
}

# body_changed: the body differs from $tmp/before (saved by the caller).
body_changed() {
	body | cmp -s - "$tmp/before" && return 1
	# And the frame is complete: the status line is there.
	tui_line -1 | grep -q '%$'
}

# page KEY WHAT: press KEY and wait for the body to change.
page() {
	body >"$tmp/before"
	tui_keys "$1"
	tui_until body_changed || { fail "$2: the text did not move"; tui_show; }
}

tui_start 80 24
tui_expect "start" '? help' || finish
tui_keys Tab
tui_expect "Tab to the text" 'P  Preface' \
    'Cyberspace is the common space of activities for mankind'
tui_line 1 | grep -q '^ International Strategy of Cooperation on Cyberspace$' ||
    fail "text: the first line is not the title: '$(tui_line 1)'"
pos
[ "$pct" = 0 ] || fail "text at the top: $pct%, expected 0%"
[ "$pos" -gt 0 ] || { fail "no line of the screen is in the show output:"
    tui_show; finish; }
first_pos=$pos
body >"$tmp/page0"

# Space pages down to the end: every page later by more than half a page,
# the percentage never back.
prev_pos=$pos prev_pct=$pct pages=0
while [ "$pct" != 100 ] && [ "$pages" -lt 60 ]; do
	page Space "space (page $((pages + 1)))"
	pages=$((pages + 1))
	[ "$pages" -eq 2 ] && body >"$tmp/page2"
	pos
	# (The last page stops at the end: it may move less.)
	[ "$pos" -gt $((prev_pos + 11)) ] ||
	    { [ "$pct" = 100 ] && [ "$pos" -gt "$prev_pos" ]; } ||
	    fail "space: page $pages starts at show line $pos, after $prev_pos"
	[ -n "$pct" ] && [ "$pct" -ge "$prev_pct" ] ||
	    fail "space: page $pages is at '$pct%', after $prev_pct%"
	prev_pos=$pos prev_pct=$pct
done
[ "$pct" = 100 ] || fail "space: still at $pct% after $pages pages"
[ "$pages" -ge 10 ] || fail "space: the end after only $pages pages"
tui_line -2 | grep -qxF -- " $last_line" ||
    fail "space to the end: the last line is '$(tui_line -2)', expected '$last_line'"
# At the end, space stays.
tui_keys Space
tui_sync
body | cmp -s - "$tmp/before" || [ "$(tui_line -2)" = " $last_line" ] ||
    fail "space at the end moved the text"

# g goes to the top, b back from page 3 to page 2.
tui_keys g
# (Poll for the whole frame: a capture may catch it half drawn.)
at_page0() {
	body | cmp -s - "$tmp/page0"
}
tui_until at_page0 || { fail "g: not the first page:"; tui_show; }
tui_wait_re -1 ' 0%$' || fail "g: status line is '$(tui_line -1)'"
page Space "space from the top"
page Space "space twice"
page Space "space three times"
pos
p3=$pos
page b "b"
body | cmp -s - "$tmp/page2" || { fail "b: not back on page 2:"; tui_show; }
pos
[ "$pos" -lt "$p3" ] || fail "b: at show line $pos, page 3 was at $p3"

# d and u move half a page.
tui_keys g
tui_wait_re -1 ' 0%$' || fail "g before d: status line is '$(tui_line -1)'"
tui_until body_changed
pos
p0=$pos
page d "d"
pos
[ "$pos" -gt "$p0" ] && [ "$pos" -lt $((p0 + 22)) ] ||
    fail "d: from show line $p0 to $pos, expected half a page"
page u "u"
body | cmp -s - "$tmp/page0" || { fail "u: not back at the top:"; tui_show; }

# G shows the end of the document, g the start again.
page G "G"
tui_line -2 | grep -qxF -- " $last_line" ||
    fail "G: the last line is '$(tui_line -2)', expected '$last_line'"
tui_wait_re -1 ' 100%$' || fail "G: status line is '$(tui_line -1)'"
page g "g"
tui_line 1 | grep -q '^ International Strategy of Cooperation on Cyberspace$' ||
    fail "g: the first line is '$(tui_line 1)'"
tui_wait_re -1 ' 0%$' || fail "g: status line is '$(tui_line -1)'"
pos
[ "$pos" = "$first_pos" ] || fail "g: at show line $pos, the top is $first_pos"

# In the outline, space pages the selection instead.
tui_keys Tab
tui_expect "Tab back to the outline" '▾ International Strategy of Cooperation'
tui_keys Space
tui_expect_ref "space in the outline" news:p3
tui_keys b
tui_expect_ref "b in the outline" mfa
tui_keys q
tui_expect_exit "q" 0
finish
