#!/bin/sh
# compare.sh -- the two translations side by side: c on a principle opens
# it beside its counterparts, paragraphs start on the same row and stay so
# while scrolling, d marks the differing words, a narrow window stacks the
# sides, and q goes back to where the reader was.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

tui_start 120 40
tui_expect "start" "$hint" || finish
tui_keys :
tui_type 'goto iscc-2017-mfa:II.2'
tui_keys Enter
tui_expect_ref ":goto" mfa:II.2

# Several counterparts: a list, the translation first.
tui_keys c
tui_expect "c" 'Compare with' 'iscc-2017-un:II.2  (translation)' \
    'wic-2019-community:II.1  (carries forward'
tui_keys Enter
tui_expect "comparison" 'Comparison: pair 1 of' \
    'ISCC 2017 (MFA) II.2 2. The Principle of Sovereignty' \
    'ISCC 2017 (UN) II.2 2. The principle of sovereignty' || finish

# Each paragraph starts on the same row as its counterpart.
row_of() {
	grep -n -F -- "$1" "$tmp/screen" | head -n 1 | cut -d: -f1
}
same_row() {
	tui_capture
	a=$(row_of "$1")
	b=$(row_of "$2")
	[ -n "$a" ] && [ "$a" = "$b" ]
}
tui_until same_row 'As a basic norm in contemporary' \
    'The principle of sovereign equality' ||
    { fail "first paragraphs not on one row"; tui_show; }
tui_until same_row 'Upholding sovereignty in cyberspace' \
    'Affirming sovereignty in cyberspace' ||
    { fail "second paragraphs not on one row"; tui_show; }

# Scrolling keeps them aligned.
tui_keys j j j j j
tui_until same_row 'Upholding sovereignty in cyberspace' \
    'Affirming sovereignty in cyberspace' ||
    { fail "after j x5: second paragraphs not on one row"; tui_show; }
tui_keys ']'
tui_expect "]" 'Comparison: pair'
tui_until same_row 'National governments are entitled' \
    'National Governments have the right' ||
    { fail "third paragraphs not on one row"; tui_show; }
tui_keys g

# d: the differing words are marked (a colour or reverse video).
tui_keys d
tui_until sh -c "$T capture-pane -p -e | grep -q 'sovereign equality'" ||
    fail "d: no screen"
# s toggles synchronised scrolling.
tui_keys s
tui_expect "s" 'scrolling each side on its own'
tui_keys s
tui_expect "s again" 'scrolling both sides together'

# A narrow window stacks the sides.
tui_resize 80 40
tui_until sh -c "! $T capture-pane -p | grep -q '│'" ||
    fail "80 columns: still side by side"
tui_expect "stacked" 'ISCC 2017 (MFA) II.2' 'ISCC 2017 (UN) II.2' \
    'As a basic norm in contemporary'
# above A B: is the first line with A above the first with B (in the
# last capture)?
above() {
	a=$(row_of "$1")
	b=$(row_of "$2")
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}
tui_until above 'ISCC 2017 (MFA) II.2' 'ISCC 2017 (UN) II.2' ||
    { fail "stacked: the MFA side is not above the UN side"; tui_show; }

# = swaps the sides (waited for: the key may not be read yet).
tui_keys =
tui_until above 'ISCC 2017 (UN) II.2' 'ISCC 2017 (MFA) II.2' ||
    { fail "=: the sides did not swap"; tui_show; }

# q goes back to the reader, on the same part.
tui_keys q
tui_expect "q" "$hint"
tui_expect_ref "q" mfa:II.2
tui_keys q
tui_expect_exit "quit" 0
finish
