#!/bin/sh
# study.sh -- where the reader is, and going back there, as a user does it:
#  - "where am I": the title line names the paragraph at the top of the
#    text as it scrolls; # shows the paragraph labels (p1, p2) beside it;
#  - quit and reopen: charta with no reference opens at the same
#    paragraph; `charta REF` opens at REF all the same;
#  - a mark set in one translation goes to the same passage in the other
#    ('x), and '' goes back to where the jump came from;
#  - the jump list: C-o back and C-t forward (C-i is Tab) after several
#    jumps;
#  - `charta marks` lists what was set in the reader.
. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

# goto REF: the : command line, to REF.
goto() {
	tui_keys :
	tui_type "goto $1"
	tui_keys Enter
	tui_expect_ref ":goto $1" "$1"
}

# -------------------------------------------------------- where am I
tui_keep_state=yes
tui_start 100 20 mfa:II
tui_expect "start at mfa:II" "$hint" || finish
tui_expect_ref "start" mfa:II || finish
tui_keys Tab Space
# The text scrolled into II.1: its heading's see-also lines at the top,
# then a page on, its second paragraph.
tui_expect_ref "a page down" mfa:II.1
tui_expect "a page down: the text" "peaceful settlement of"
tui_keys Space
tui_expect_ref "another page down" mfa:II.1.p2
tui_keys b
tui_expect_ref "a page up" mfa:II.1
tui_keys '#'
tui_expect "# shows the labels" "p1 In the interconnected cyberspace" \
    "p2 The international community should"
tui_keys '#'
tui_wait_not "p2 The international community should" ||
    fail "# again did not hide the labels"
tui_expect "# hides them again" "The international community should"

# --------------------------------------------- quit and reopen there
tui_keys q
tui_expect_exit "q" 0
tui_start 100 20
tui_expect "reopen" "$hint" || finish
tui_expect_ref "reopened at the same place" mfa:II.1
tui_expect "reopened: the text" "peaceful settlement of"
tui_keys q
tui_expect_exit "q after reopening" 0
# A reference given wins over the place kept.
tui_start 100 20 un:IV.5
tui_expect_ref "charta un:IV.5" un:IV.5
tui_keys q
tui_expect_exit "q after charta un:IV.5" 0
# ... and the place in the other document is kept too, and is the first
# screen drawn: not the first document's, then a jump (everything written
# is logged, so that a screen drawn in passing would be seen).
tui_start_cmd 100 20 'read -r _ && exec "$CHARTA"'
$T pipe-pane "cat >>$tmp/raw"
tui_keys Enter
tui_expect_ref "reopened at the last document's place" un:IV.5
tui_sync
grep -q 'ISCC 2017 (UN)' "$tmp/raw" ||
    fail "reopened: no title line of the UN text in what was written"
! grep -q 'ISCC 2017 (MFA)' "$tmp/raw" ||
    fail "reopened: the first document's screen was drawn before the place kept"
tui_keys q
tui_expect_exit "q again" 0
# A document's own title (its root has no label) is a place kept too.
tui_start 100 20
tui_expect_ref "reopened" un:IV.5
goto un
tui_keys q
tui_expect_exit "q at a document's title" 0
tui_start 100 20
tui_expect_ref "reopened at a document's title" un
tui_expect_not "reopened at a document's title" "is gone"
tui_keys q
tui_expect_exit "q at the title again" 0

# -------------------------------- marks across translations, and ''
tui_keep_state=no
tui_start 100 20 mfa:II.2
tui_expect_ref "start at mfa:II.2" mfa:II.2 || finish
tui_keys m x
tui_expect "m x" "mark 'x' set on mfa:II.2"
tui_keys m y
tui_expect "m y" "mark 'y' set on mfa:II.2"
goto un:I
tui_keys "'" x
tui_expect_ref "'x in the UN translation" un:II.2
tui_keys "'" "'"
tui_expect_ref "'' goes back" un:I
tui_keys "'" "'"
tui_expect_ref "'' and forth" un:II.2
tui_keys "'" z
tui_expect "'z: no such mark" "no mark 'z'"
tui_expect_ref "'z stays" un:II.2
# What the reader set, the command line lists (the reader keeps its
# state in $tmp/state$tui_nserver).
XDG_DATA_HOME=$tmp/state$tui_nserver TZ=UTC "$CHARTA" marks >"$tmp/marks" \
    2>&1 || fail "charta marks exited $?: $(cat "$tmp/marks")"
grep -q '^x  mfa:II\.2  20' "$tmp/marks" && grep -q '^y  mfa:II\.2  20' \
    "$tmp/marks" || fail "charta marks: $(cat "$tmp/marks")"
tui_keys q
tui_expect_exit "q after the marks" 0

# ----------------------------------------------------- the jump list
tui_start 100 20 mfa:I
tui_expect_ref "start at mfa:I" mfa:I || finish
goto mfa:II.3
goto mfa:III
goto un:IV.5
tui_keys C-o
tui_expect_ref "C-o" mfa:III
tui_keys C-o
tui_expect_ref "C-o C-o" mfa:II.3
tui_keys C-o
tui_expect_ref "C-o C-o C-o" mfa:I
tui_keys C-t
tui_expect_ref "C-t" mfa:II.3
tui_keys C-t
tui_expect_ref "C-t C-t" mfa:III
tui_keys C-t
tui_expect_ref "C-t C-t C-t" un:IV.5
# A new jump from the middle of the list drops what was ahead.
tui_keys C-o C-o
tui_expect_ref "back twice" mfa:II.3
goto mfa:C
tui_keys C-t
tui_sync
tui_expect_ref "C-t at the end of the list stays" mfa:C
tui_keys C-o
tui_expect_ref "C-o after the new jump" mfa:II.3
tui_keys q
tui_expect_exit "q after the jumps" 0
finish
