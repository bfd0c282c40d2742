#!/bin/sh
# help.sh -- the help screen, made from the key table, and the config file
# that rebinds keys (and shows in the help).

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
conf=$tmp/config/charta/config
mkdir -p "$tmp/config/charta"

# help_line KEYS TEXT: is there a help line with KEYS, then TEXT?
help_line() {
	grep -q "^  $1  *$2\$" "$tmp/screen"
}

# Tall enough for the whole help screen (it grows with each view).
tui_start 80 64
tui_expect "start" "$hint" || finish
tui_keys j
tui_expect_ref "j" mfa:P

# ? shows the help: headings, and lines made from the key table.
tui_keys '?'
tui_expect "?" ' Moving around' ' Views and commands' 'q back to the text'
help_line 'j, Down, C-n' 'move down a line' ||
    { fail "?: no help line for j"; tui_show; }
help_line 'q, Q' 'quit, or leave this view' ||
    { fail "?: no help line for q"; tui_show; }
help_line 'Tab' 'switch between outline and text' ||
    fail "?: no help line for Tab"
tui_expect_not "?: the outline is hidden" 'Chapter I. Opportunities'
# The commands, from the command table, further down.
tui_keys G
tui_expect "? G" 'Commands (after'
help_line 'goto REF' 'go to a reference: mfa:IV.5, un:II.2.p1, wic' ||
    fail "?: no help line for :goto"
help_line 'notes' 'list the notes: go, edit, delete, filter' ||
    fail "?: no help line for :notes"
tui_keys g
# q closes the help (and does not quit): the view is back, as it was.
tui_keys q
tui_expect "q in the help" "$hint" '  ▸ P  Preface'
tui_expect_not "q in the help" 'Moving around'
tui_alive "q in the help" || finish
tui_expect_ref "q in the help: the same selection" mfa:P
# Esc, ? and F1 close or open it too.
tui_keys '?'
tui_expect "? again" ' Moving around'
tui_keys Escape
tui_expect "Esc in the help" "$hint"
tui_keys F1
tui_expect "F1" ' Moving around'
tui_keys '?'
tui_expect "? in the help" "$hint"
tui_expect_not "? in the help" 'Moving around'
tui_keys q
tui_expect_exit "q" 0

# In a small window the help scrolls.
tui_start 80 12
tui_expect "80x12" "$hint"
tui_keys '?'
tui_wait_line 1 ' Moving around' || fail "80x12: help: '$(tui_line 1)'"
tui_keys j
tui_wait_re 1 '^  j, Down, C-n  *move down a line$' ||
    fail "j in the help: '$(tui_line 1)'"
tui_keys G
tui_wait_re -2 'bind KEY ACTION' ||
    fail "G in the help: not at the end: '$(tui_line -2)'"
tui_keys g
tui_wait_line 1 ' Moving around' || fail "g in the help: '$(tui_line 1)'"
tui_keys q
tui_expect "q in the small help" "$hint"
tui_keys q
tui_expect_exit "q" 0

# A config file: x quits, and the help says so; q is unbound.
cat >"$conf" <<'EOF'
# test bindings
bind x quit   # a comment
unbind q

EOF
# Tall enough for the whole help screen (it grows with each view).
tui_start 80 64
tui_expect "with config" "$hint"
tui_keys '?'
tui_expect "? with config" ' Moving around'
help_line 'Q, x' 'quit, or leave this view' ||
    { fail "?: the help does not list x for quit"; tui_show; }
help_line 'q, Q' 'quit' && fail "?: the help still lists q"
tui_keys Escape
tui_expect "Esc with config" "$hint"
tui_keys q
tui_expect "unbound q" 'key not bound; press ? for help'
tui_alive "unbound q" || finish
tui_keys x
tui_expect_exit "x bound to quit" 0

# The file in ~/.config when XDG_CONFIG_HOME is not set.
mkdir -p "$tmp/home/.config/charta"
echo 'bind y quit' >"$tmp/home/.config/charta/config"
tui_env='XDG_CONFIG_HOME='
tui_start 80 24
tui_expect "~/.config" "$hint"
tui_keys y
tui_expect_exit "y bound in ~/.config" 0
tui_env=

# A bad line: charta refuses to start, saying where.
check_bad() {
	tui_start 80 24
	tui_expect_exit "bad config ($1)" 2
	tui_capture_all
	tui_has "$conf:$2:" ||
	    { fail "bad config ($1): no '$conf:$2:' in the message:"; tui_show; }
	tui_has "$3" || { fail "bad config ($1): no '$3'"; tui_show; }
	tui_expect_not "bad config ($1)" "$hint"
}
printf 'bind x quit\nfrobnicate\n' >"$conf"
check_bad "unknown word" 2 "expected 'bind KEY ACTION' or 'unbind KEY'"
printf '# ok\n\nbind Hyper-x quit\n' >"$conf"
check_bad "unknown key" 3 "unknown key 'Hyper-x'"
printf 'bind x explode\n' >"$conf"
check_bad "unknown action" 1 "unknown action 'explode'"
printf 'bind x\n' >"$conf"
check_bad "missing action" 1 "expected 'bind KEY ACTION'"
finish
