#!/bin/sh
# goto.sh -- going to a reference: the command line (:goto, Tab
# completion, errors), the ' prompt, cancelling with Esc and Ctrl-C, and
# `charta REF`.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

tui_start 80 24
tui_expect "start" "$hint" || finish

# :goto opens the part in the text pane (one pane at 80 columns).
tui_keys :
tui_wait_re -1 '^:' || fail ": does not open the command line: '$(tui_line -1)'"
tui_type 'goto iscc-2017-mfa:IV.5'
tui_expect ":goto typed" ':goto iscc-2017-mfa:IV.5'
tui_keys Enter
tui_expect ":goto" \
    'IV.5  5. International Cooperation on Cyber Terrorism and Cyber Crimes' \
    'Along with other countries, China will explore norms' "$hint"
tui_expect_ref ":goto" mfa:IV.5
tui_line 0 | grep -q '› Chapter IV. Plan of Action  *mfa:IV.5$' ||
    fail ":goto: no breadcrumb on the title line: '$(tui_line 0)'"
tui_line 1 | grep -q '^ IV.5  5. International Cooperation' ||
    fail ":goto: the heading is not on the first line: '$(tui_line 1)'"

# Tab lists the candidates just above the prompt when there are several
# (eight rows of them), and Tab again walks them.
tui_keys :
tui_type 'goto un:IV.'
tui_keys Tab
# The candidates: IV's own paragraph, then its parts (their paragraphs
# only once "IV.1." is typed).
tui_expect "Tab with several candidates" ':goto un:IV.'
# (The list covers only its own columns: the text goes on to its right.)
tui_wait_re -9 '^ IV\.p1( |$)' ||
    fail "Tab: the list does not start with IV.p1: '$(tui_line -9)'"
tui_line -2 | grep -qE '^ IV\.7( |$)' ||
    fail "Tab: the candidates are not above the prompt: '$(tui_line -2)'"
grep -q 'IV\.1\.p1' "$tmp/screen" &&
    fail "Tab: IV.1.p1 offered before IV.1. is typed"
tui_keys Tab
tui_wait_re -1 '^:goto un:IV\.p1 *$' ||
    fail "Tab again does not put IV.p1 in the prompt: '$(tui_line -1)'"
tui_keys Tab
tui_wait_re -1 '^:goto un:IV\.1 *$' ||
    fail "Tab a third time does not go on to IV.1: '$(tui_line -1)'"
# A unique candidate is completed (a document, with its colon).
tui_keys C-u
tui_wait_re -1 '^: *$' || fail "C-u does not clear the line: '$(tui_line -1)'"
tui_type 'goto mf'
tui_expect "goto mf typed" ':goto mf'
tui_keys Tab
tui_wait_re -1 '^:goto mfa: *$' ||
    fail "Tab does not complete 'mf' to 'mfa:': '$(tui_line -1)'"
tui_type 'II.2'
tui_keys Enter
tui_expect ":goto mfa:II.2" '2. The Principle of Sovereignty' "$hint"
tui_expect_ref ":goto mfa:II.2" mfa:II.2

# A reference that does not resolve is an error, and nothing moves.
tui_keys :
tui_type 'goto nosuch:X'
tui_keys Enter
tui_expect "bad reference" 'no such reference: nosuch:X'
tui_expect_ref "bad reference: the selection stays" mfa:II.2
tui_keys :
tui_type 'goto mfa:IX.9'
tui_keys Enter
tui_expect "bad label" 'no such reference: mfa:IX.9'
tui_expect_ref "bad label: the selection stays" mfa:II.2
# An unknown command says so; a bare reference is a goto.
tui_keys :
tui_type 'frobnicate'
tui_keys Enter
tui_expect "unknown command" 'unknown command: frobnicate'
tui_keys :
tui_type 'un:III'
tui_keys Enter
tui_expect_ref ":REF" un:III

# The ' prompt takes a reference, with completion.
tui_keys o
tui_wait_re -1 '^goto: *$' || fail "o does not prompt: '$(tui_line -1)'"
tui_type 'un:II.2'
tui_keys Enter
tui_expect "' un:II.2" 'II.2  2. The principle of sovereignty' "$hint"
tui_expect_ref "' un:II.2" un:II.2
tui_keys o
tui_type 'mfa:C'
tui_keys Tab
tui_wait_re -1 '^goto: mfa:C *$' ||
    fail "Tab on a unique label: '$(tui_line -1)'"
tui_keys Enter
tui_expect "' mfa:C" 'C  Conclusion' "$hint"
tui_expect_ref "' mfa:C" mfa:C

# Esc cancels a prompt: nothing moves and the key hints come back.
tui_keys o
tui_type 'un:I'
tui_expect "' typed" 'goto: un:I'
tui_keys Escape
tui_expect "Esc" "$hint"
tui_expect_not "Esc" 'goto: un:I'
tui_expect_ref "Esc: the selection stays" mfa:C
tui_keys :
tui_type 'goto un:I'
tui_expect ": typed" ':goto un:I'
tui_keys Escape
tui_expect "Esc on the command line" "$hint"
tui_expect_ref "Esc on the command line: the selection stays" mfa:C

# Ctrl-C cancels a prompt, and charta keeps running.
tui_keys :
tui_type 'goto un:I'
tui_expect ": typed again" ':goto un:I'
tui_keys C-c
tui_expect "C-c in a prompt" "$hint"
tui_alive "C-c in a prompt" || finish
tui_expect_ref "C-c in a prompt: the selection stays" mfa:C
tui_keys o
tui_type 'mfa:I'
tui_keys C-c
tui_expect "C-c in the goto prompt" "$hint"
tui_alive "C-c in the goto prompt" || finish
# ... and reads keys as before.
tui_keys o
tui_type 'mfa:I'
tui_keys Enter
tui_expect_ref "goto after C-c" mfa:I
tui_keys :
tui_type quit
tui_keys Enter
tui_expect_exit ":quit" 0

# charta REF starts at REF, in the text pane at 80 columns ...
tui_start 80 24 mfa:II.2
tui_expect "charta mfa:II.2" 'II.2  2. The Principle of Sovereignty' \
    'As a basic norm in contemporary international relations' "$hint"
tui_expect_ref "charta mfa:II.2" mfa:II.2
# (h goes back to the outline, on the same part.)
tui_keys h
tui_expect "h after charta REF" '▸ II.2  2. The Principle of Sovereignty'
tui_expect_ref "h after charta REF" mfa:II.2
tui_keys q
tui_expect_exit "q" 0
# ... and with both panes at 120.
tui_start 120 30 un:IV.5
tui_expect "charta un:IV.5 at 120 columns" '│' 'IV.5  5.' "$hint"
tui_expect_ref "charta un:IV.5 at 120 columns" un:IV.5
tui_keys q
tui_expect_exit "q" 0

# A reference that does not resolve: an error, no reader.
tui_start 80 24 mfa:ZZ
tui_expect_exit "charta mfa:ZZ" 2
tui_capture_all
tui_has "nothing labelled 'ZZ'" ||
    fail "charta mfa:ZZ: no message: $(cat "$tmp/screen")"
finish
