#!/bin/sh
# filter.sh -- the live filter as a user types it: the outline narrows at
# every key, counts show, n/N go from match to match, Enter keeps the
# filter, Esc gives back the view there was, and the history comes back
# with Up in a later run.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

tui_keep_state=yes
tui_start 160 40
tui_expect "start" "$hint" 'China releases first strategy' || finish

# Every key narrows: "p" still leaves most, "privacy" only a few.
tui_keys /
tui_wait_re -1 '^/' || fail "/ does not open the filter: '$(tui_line -1)'"
tui_type 'priv'
tui_expect "typing priv" '/priv' 'paragraphs'
tui_type 'acy'
tui_expect "typing privacy" '/privacy' \
    '9 paragraphs, 2 sections in 5 documents' \
    'IV.6  6. Protection of Citizens' 'p1  China supports discussion'
# The news report's other paragraphs are gone; its matching one stays.
tui_expect_not "privacy" 'China on Wednesday released'
tui_expect "privacy: context kept" 'Chapter IV. Plan of Action'
# The selection went to the first match; its text shows, hit and all.
tui_expect_ref "privacy" mfa:III.4.p1

# Enter keeps the filter, shown on the status line.
tui_keys Enter
tui_expect "Enter" '/privacy  (9 paragraphs, 2 sections in 5 documents)'

# n and N walk the matches in reading order.
tui_keys n
tui_expect_ref "n" mfa:IV.6
tui_keys n
tui_expect_ref "n n" mfa:IV.6.p1
tui_keys N
tui_expect_ref "n n N" mfa:IV.6

# Nothing matches: say so, and show the whole tree.
tui_keys /
tui_keys C-u
tui_type 'zzqx'
tui_expect "no match" 'no match' 'I  Chapter I. Opportunities and Challenges'

# Esc drops the filter and goes back to where "/" was pressed.
tui_keys Escape
tui_expect_ref "Esc" mfa:IV.6
tui_expect "Esc: the whole outline" 'I  Chapter I. Opportunities and Challenges'
tui_expect_not "Esc: no filter on the status line" '/privacy  ('

# The query language: a phrase, an exclusion, doc: and kind:.
tui_keys /
tui_type '"shared future" -mankind doc:mfa'
tui_expect "phrase" '1 paragraph, 0 sections in 1 document'
tui_keys C-u
tui_type 'kind:action doc:un'
tui_expect "kind:" '30 paragraphs, 9 sections in 1 document'
tui_keys C-u
tui_type 'doc:nosuch'
tui_expect "bad doc:" "no document 'nosuch'"
tui_keys Escape
tui_keys q
tui_expect_exit "q" 0

# A later run remembers the filter: Up brings it back.
tui_start 160 40
tui_expect "second run" "$hint" || finish
tui_keys / Up
tui_expect "history" '/privacy' '9 paragraphs, 2 sections in 5 documents'
tui_keys Escape q
tui_expect_exit "q again" 0
finish
