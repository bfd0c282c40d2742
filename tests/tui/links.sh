#!/bin/sh
# links.sh -- "see also" in the reader: a marker on the outline rows of
# linked parts (and none on the others), a line under a linked part's
# text for each link, s (or C-]) following a link (straight there when
# there is one, from a list when there are several) and C-o coming back,
# S comparing the two passages, :links listing the links of a document,
# and a message where there are none.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

# row TEXT: the first outline row of the last capture that contains TEXT
# (the outline is left of the pane separator, "│" or "|").
row() {
	sed 's/[│|].*//' "$tmp/screen" | grep -F -- "$1" | head -n 1
}

# row_ends TEXT END: does that row end with END?  (Waited for with
# tui_until: a capture may come in the middle of a frame.)
row_ends() {
	case $(row "$1") in
	*"$2") return 0 ;;
	esac
	return 1
}

# below A B: is the first line with B the one under the first with A?
below() {
	_a=$(grep -nF -- "$1" "$tmp/screen" | head -n 1 | cut -d: -f1)
	_b=$(grep -nF -- "$2" "$tmp/screen" | head -n 1 | cut -d: -f1)
	[ -n "$_a" ] && [ "$_b" = $((_a + 1)) ]
}

tui_start 120 40 mfa:II.2
tui_expect "start" "$hint" || finish
tui_expect_ref "start" mfa:II.2
# The marker: at the end of the rows of linked parts only.
tui_expect "marker" '2. The Principle of Sovere' 'C  Conclusion' || finish
tui_until row_ends '2. The Principle of Sovere' '↔' ||
    fail "no marker on mfa:II.2's row: '$(row '2. The Principle of Sovere')'"
case $(row 'C  Conclusion') in
*'↔'*) fail "a marker on mfa:C, which has no link: '$(row 'C  Conclusion')'" ;;
esac
# The see-also lines, under the heading.
tui_expect "see also" \
    'see also: wic:II.1 carries forward mfa:II.2 (sovereignty in cyberspace)' \
    'see also: embassy:III summarizes mfa:II.2 (the principle of sovereignty)'
tui_until below 'II.2  2. The Principle of Sovereignty' \
    'see also: wic:II.1' || {
	fail "the see-also line is not under the heading:"
	tui_show
}

# Two links: s offers them; Enter goes to the first one's other end.
tui_keys s
tui_expect "s" 'See also (Enter: go there, q: cancel):' \
    'wic:II.1 carries forward mfa:II.2 (sovereignty in cyberspace)' \
    'embassy:III summarizes mfa:II.2 (the principle of sovereignty)' ||
    finish
tui_keys Enter
tui_expect_ref "s, Enter" wic:II.1
tui_expect "at wic:II.1" 'see also: wic:II.1 carries forward mfa:II.2'
# One link: C-] goes straight there; C-o comes back (the jump list).
tui_keys C-]
tui_expect_ref "C-] with one link" mfa:II.2
tui_keys C-o
tui_expect_ref "C-o after C-]" wic:II.1
tui_keys s
tui_expect_ref "s with one link" mfa:II.2

# S: the part and the linked passage side by side.
tui_keys S
tui_expect "S" 'Compare with a linked passage' || finish
tui_keys j Enter
tui_expect "S, Enter" 'Comparison: pair' 'ISCC 2017 (MFA) II.2' \
    'Embassy newsletter IV/2017 III'
tui_keys q
tui_expect_ref "back from the comparison" mfa:II.2

# No link: a message, and nothing else moves.
tui_keys :
tui_type 'goto un:II.2'
tui_keys Enter
tui_expect_ref ":goto un:II.2" un:II.2
tui_keys s
tui_expect "s without links" 'un:II.2 has no see-also links'
tui_expect_ref "s without links" un:II.2

# :links lists those of a whole document; Enter follows one.
tui_keys :
tui_type 'links chinadaily'
tui_keys Enter
tui_expect ":links" 'See also (Enter: go there' \
    'chinadaily:p4 summarizes wic (the release of the 2019 paper)' \
    'chinadaily:p15 summarizes wic:III (the five paths to realization)' ||
    finish
tui_keys G Enter
tui_expect_ref ":links, G, Enter" wic:III
tui_keys q
tui_expect_exit "q" 0

# ASCII only: the marker is "<>".
tui_lang=C
tui_start 120 40 wic:II.1
tui_expect "ASCII" 'Respecting sovereignty' || finish
tui_until row_ends 'II.1  Respecting' '<>' ||
    fail "ASCII: no <> on wic:II.1's row: '$(row 'II.1  Respecting')'"
tui_keys q
tui_expect_exit "q" 0
finish
