#!/bin/sh
# messages.sh -- a message longer than the status line can be read whole:
# it wraps onto the line above, says ":messages" when even that is not
# enough, and :messages lists every message of the session, whole.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
long=no-such-document-whatsoever:IV.5.p2-and-a-tail-to-make-it-long
tui_start 80 24
tui_expect "start" "$hint" || finish

# Two lines' worth: the message wraps above the status line.
tui_keys :
tui_type "goto $long"
tui_keys Enter
tui_expect "a long message" 'no such reference: no-such-document-whatsoever'
tui_line -2 | grep -q '^ no such reference: no-such-document-whatsoever' ||
    fail "the message does not start on the line above the status line: '$(tui_line -2)'"
tui_line -1 | grep -q 'long *$' ||
    fail "the message's end is not on the status line: '$(tui_line -1)'"

# Longer still: the second line points at :messages.
tui_keys :
tui_type "goto $long$long$long"
tui_keys Enter
tui_expect "a very long message" '(:messages)'

# :messages: both, whole, the newest last.
tui_keys :
tui_type messages
tui_keys Enter
tui_expect ":messages" 'Messages' 'no such reference: no-such-document'
# Each whole: the list wraps them; joined, with the blanks gone, the
# messages are all there.
joined=$(sed 's/^ *//' "$tmp/screen" | tr -d '\n ')
case $joined in
*"nosuchreference:$long"*"nosuchreference:$long$long$long"*) ;;
*) fail ":messages: the messages are not whole: $joined" ;;
esac
tui_keys q
tui_expect "q leaves :messages" "$hint"
tui_keys q
tui_expect_exit "q" 0
finish
