#!/bin/sh
# outline.sh -- the outline: the start screen, moving, folding, documents
# and siblings, and the mouse.

. "$top_srcdir/tests/tui/lib.sh"

# The body rows of the last capture (between title and status line) that
# are not blank.
body_rows() {
	sed '1d;$d' "$tmp/screen" | grep -v '^ *$'
}

# A window tall enough for the whole start outline (6 documents, each
# expanded one level, is 66 rows).
tui_start 80 72

# The start screen: the six documents, open, the first one selected.
tui_expect "start: the six documents" '? help' \
    '▾ International Strategy of Cooperation on Cyberspace' \
    '▾ International Cyberspace Cooperation Strategy' \
    '▾ China releases first strategy on cyberspace cooperation' \
    '▾ China Releases First Strategy On Cyberspace Cooperation' \
    '▾ Jointly Build a Community with a Shared Future in Cyberspace' \
    '▾ World vision for internet cooperation key to WIC' || finish
tui_line 0 | grep -q '^ ISCC 2017 (MFA) .* mfa$' ||
    fail "start: title line is '$(tui_line 0)'"
tui_line -1 | grep -q '^ ? help .* q quit$' ||
    fail "start: status line is '$(tui_line -1)'"
# One level open: the chapters show, their paragraphs do not.
tui_has '  ▸ IV  Chapter IV. Plan of Action' ||
    fail "start: chapter IV of the first document not shown closed"
tui_has 'p1  epigraph: Cyberspace' &&
    fail "start: the preface's paragraphs show before it is opened"

# j moves down: the title line follows the selection.
tui_keys j
tui_expect_ref "j" mfa:P
# (The breadcrumb names the sections above the selection: none here.)
tui_line 0 | grep -q '^ ISCC 2017 (MFA)  *mfa:P$' ||
    fail "j: title line is '$(tui_line 0)'"
# k moves back up.
tui_keys k
tui_expect_ref "k" mfa
tui_keys j
tui_expect_ref "j again" mfa:P

# l opens the preface: its paragraphs appear under it.
tui_keys l
tui_expect "l" '  ▾ P  Preface' '      p1  epigraph: Cyberspace is the common' \
    '      p2  source: —Remarks by H.E. Xi Jinping' \
    '      p5  International Strategy of Cooperation'
tui_expect_ref "l: the selection stays" mfa:P
# h closes it again; a second h goes to the parent.
tui_keys h
tui_wait_not 'p1  epigraph: Cyberspace' ||
    fail "h: the preface's paragraphs still show"
tui_expect "h" '  ▸ P  Preface'
tui_expect_ref "h: the selection stays" mfa:P
tui_keys h
tui_expect_ref "h on a closed part goes to the parent" mfa

# - closes everything: six rows, the documents, all closed.
tui_keys j l
tui_expect "l before -" '      p1  epigraph:'
six_closed() {
	body_rows >"$tmp/rows"
	[ "$(wc -l <"$tmp/rows")" -eq 6 ] && ! grep -qv '^▸ ' "$tmp/rows"
}
tui_keys -
tui_until six_closed ||
    fail "-: expected six closed documents, the rows are: $(cat "$tmp/rows")"
tui_expect_ref "-: the selection goes to its document" mfa
# zR (as +) opens everything, down to the sections and their paragraphs.
tui_keys z R
tui_expect "zR" '    ▾ II.1  1. The Principle of Peace' \
    '        p1  In the interconnected cyberspace'
# zM (as -) and + again.
tui_keys z M
tui_wait_not 'II.1  1. The Principle' || fail "zM: sections still show"
tui_keys +
tui_expect "+" '    ▾ II.1  1. The Principle of Peace' \
    '  ▾ IV  Chapter IV. Plan of Action'
tui_wait_not '▸' || fail "+: a row is still closed: $(grep '▸' "$tmp/screen")"
tui_keys -

# } and { move between documents.
tui_keys '}'
tui_expect_ref "}" un
tui_line 0 | grep -q '^ ISCC 2017 (UN) ' ||
    fail "}: no short title 'ISCC 2017 (UN)': '$(tui_line 0)'"
tui_keys '}'
tui_expect_ref "} twice" news
tui_keys '{'
tui_expect_ref "{" un
# From inside a document, { goes to its top first.
tui_keys l j
tui_expect_ref "l j in the second document" un:p1
tui_keys '{'
tui_expect_ref "{ inside a document" un
tui_keys '{'
tui_expect_ref "{ to the first document" mfa
tui_line 0 | grep -q '^ ISCC 2017 (MFA) ' ||
    fail "{: no short title 'ISCC 2017 (MFA)': '$(tui_line 0)'"
tui_keys '{'
tui_expect "{ at the first document" 'this is the first document'
# The last document, and } past it.
tui_keys G
tui_expect_ref "G" chinadaily
tui_keys '}'
tui_expect "} at the last document" 'this is the last document'

# [ and ] move among siblings.
tui_keys g
tui_expect_ref "g" mfa
tui_keys l j
tui_expect_ref "l j" mfa:P
tui_keys ']'
tui_expect_ref "]" mfa:I
tui_line 0 | grep -q '^ ISCC 2017 (MFA)  *mfa:I$' ||
    fail "]: title line: '$(tui_line 0)'"
# Inside a section the breadcrumb names it.
tui_keys l j
tui_expect_ref "l j in I" mfa:I.p1
tui_line 0 | grep -q '^ ISCC 2017 (MFA) › Chapter I. Opportunities and Challenges  *mfa:I.p1$' ||
    fail "I.p1: breadcrumb: '$(tui_line 0)'"
tui_keys h h
tui_expect_ref "h h" mfa:I
tui_keys ']'
tui_expect_ref "] twice" mfa:II
tui_keys '['
tui_expect_ref "[" mfa:I
tui_keys '[' '['
tui_expect "[ at the first sibling" 'no previous part at this level'
tui_expect_ref "[ at the first sibling stays" mfa:P
tui_keys ']' ']' ']' ']' ']'
tui_expect_ref "] five times" mfa:C
tui_keys ']'
tui_expect "] at the last sibling" 'no next part at this level'
tui_expect_ref "] at the last sibling stays" mfa:C

# The mouse (X10 reports, as the terminfo entry's kmous says): a click
# selects a row, a click on the selection opens it, the wheel scrolls.
# mouse BUTTON X Y: one report (0-based cell); click X Y: press, release.
mouse() {
	tui_type "$(printf '\033[M%b%b%b' \
	    "\\0$(printf %o $((32 + $1)))" \
	    "\\0$(printf %o $((33 + $2)))" \
	    "\\0$(printf %o $((33 + $3)))")"
}
click() {
	mouse 0 "$1" "$2"
	mouse 3 "$1" "$2"
}
tui_keys -
tui_wait_not 'Chapter I. Opportunities' || fail "- before the mouse"
tui_keys g l
tui_expect "g l before the mouse" '  ▸ I  Chapter I. Opportunities'
# Screen row 3 is "I" (row 1 the document, 2 the preface).
click 6 3
tui_expect_ref "click" mfa:I
click 6 3
tui_expect "click on the selection" '  ▾ I  Chapter I. Opportunities' \
    '      p1  With the accelerating trend'
# The wheel scrolls the outline (once it is longer than the window) by
# three rows; the selection, still in view, stays.
tui_keys +
tui_expect "+ before the wheel" '    ▾ II.1  1. The Principle of Peace'
mouse 65 6 3
tui_wait_line 1 'p2  source: —Remarks by H.E. Xi Jinping' ||
    fail "wheel down: the outline did not scroll: '$(tui_line 1)'"
tui_expect_ref "wheel down" mfa:I
mouse 64 6 3
tui_expect "wheel up" '▾ International Strategy of Cooperation on Cyberspace'

tui_keys q
tui_expect_exit "q" 0
finish
