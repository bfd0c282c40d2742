#!/bin/sh
# paste.sh -- bracketed paste (mode 2004): pasted text is text, never keys.
#  a. pasted into the note prompt, an escape sequence (a screen clear), a
#     bidi override and a line break are text: the note keeps them (the
#     line break a space), the screen shows placeholders and stays whole;
#  b. pasted with no prompt open, nothing happens but a message, not even
#     for a Ctrl-C or Ctrl-\ in the text;
#  c. a paste whose end never comes ends when the input pauses, and says
#     so; after a pasted end marker the rest is typed keys;
#  d. the mode is off whenever the shell has the terminal: after q or
#     SIGTERM, while stopped by Ctrl-Z; and on again after fg.
# (tmux's paste-buffer -p brackets a paste only if the application asked
# for mode 2004.)
. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
PEN=$(printf '\342\234\216')
d=$tmp/sh
mkdir -p "$d"

# paste TEXT: paste TEXT (printf escapes) as the terminal would, marked.
npaste=0
paste() {
	npaste=$((npaste + 1))
	$T set-buffer -b "p$npaste" "$(printf "$1")" || fail "set-buffer"
	$T paste-buffer -p -b "p$npaste" || fail "paste-buffer"
}

# charta_state CMD...: the command line on the last reader's state.
charta_state() {
	XDG_DATA_HOME=$tmp/state$tui_nserver TZ=UTC "$CHARTA" "$@"
}

# --------------------------------------------- a. into the note prompt
tui_start 100 30 mfa:II.2.p1
tui_expect "start" "$hint" || finish
tui_expect_ref "start" mfa:II.2.p1 || finish
title_before=$(tui_fmt '#{pane_title}')
tui_keys a
tui_wait_re -1 '^note:' || fail "a: no note prompt"
paste 'wiped \033[2J\033]0;pwned\007 \342\200\256evil\nsecond line'
tui_expect "a: the paste in the prompt, sanitized" \
    'note: wiped ^[[2J^[]0;pwned^G <U+202E>evil second line'
tui_keys Enter
tui_expect "a: the note kept" \
    "$PEN wiped ^[[2J^[]0;pwned^G <U+202E>evil second line"
tui_expect "a: the screen is whole" "ISCC 2017 (MFA) " \
    "p2  Upholding sovereignty" "As a basic norm in contemporary"
[ "$(tui_fmt '#{pane_title}')" = "$title_before" ] ||
    fail "a: the pane title changed to '$(tui_fmt '#{pane_title}')'"

# ------------------------------------------------- b. with no prompt
# Typed, G q would go to the end and quit, Ctrl-C and Ctrl-\ too (the
# terminal driver would make them signals before the reader saw them).
paste 'G\003\034q'
tui_expect "b: said" "pasted text ignored: paste into a prompt"
tui_alive "b: a paste outside a prompt" || finish
tui_expect_ref "b: not moved" mfa:II.2.p1

# ------------------------------------------- c. cut short, end inside
tui_keys :
tui_wait_re -1 '^:' || fail "c: no : prompt"
tui_keys -H 1b 5b 32 30 30 7e
tui_type 'goto un:II.2'
tui_expect "c: a paste with no end ends, saying so" \
    "the paste did not end (no end marker came): it ended when the input paused"
tui_keys Enter
tui_expect_ref "c: the paste was the command" un:II.2
# The first end marker ends a paste; what follows is typed.
tui_keys a
tui_wait_re -1 '^note:' || fail "c: no note prompt"
tui_keys -H 1b 5b 32 30 30 7e 6f 6e 65 1b 5b 32 30 31 7e 74 77 6f
tui_expect "c: after the end marker, typed keys" 'note: onetwo'
tui_keys Escape
tui_keys q
tui_expect_exit "q" 0
charta_state notes --format=json >"$tmp/notes.json" ||
    fail "charta notes --format=json"
grep -qF '"value": "wiped \u001b[2J\u001b]0;pwned\u0007 \u202eevil second line"' \
    "$tmp/notes.json" || fail "the pasted note as kept: $(grep value "$tmp/notes.json")"

# ------------------------------------- d. the mode, when the shell has it
# probe WHAT: what a paste sends the shell's terminal now (cat -v shows
# the markers if bracketed paste is still on).
nprobe=0
probe() {
	nprobe=$((nprobe + 1))
	tui_type "cat -v >$d/probe$nprobe; echo \"do\"\"ne-$nprobe\""
	tui_keys Enter
	paste "probe-$nprobe"
	tui_keys Enter C-d
	tui_until grep -q "done-$nprobe\$" "$tmp/screen" ||
	    { fail "$1: the probe did not finish"; tui_show; return 1; }
	grep -q "probe-$nprobe" "$d/probe$nprobe" ||
	    fail "$1: the probe's paste did not come: $(cat "$d/probe$nprobe")"
	! grep -qF '[200~' "$d/probe$nprobe" ||
	    fail "$1: bracketed paste is still on: $(cat "$d/probe$nprobe")"
}

# charta_in_shell WHAT: start charta from the shell, its pid in $d/pid;
# its exit status is printed as "status-K=N", K counting the runs.
nrun=0
charta_in_shell() {
	rm -f "$d/pid"
	nrun=$((nrun + 1))
	tui_type "sh -c 'echo \$\$ >$d/pid; exec \"\$CHARTA\" mfa:II.2.p1'; echo \"sta\"\"tus-$nrun=\$?\""
	tui_keys Enter
	tui_expect "$1: charta from the shell" "$hint"
}

tui_shell 100 30
charta_in_shell "q"
tui_keys q
tui_expect "d: q" "status-$nrun=0"
probe "after q"
charta_in_shell "Ctrl-Z"
tui_keys C-z
tui_expect "d: Ctrl-Z" 'Stopped'
probe "stopped by Ctrl-Z"
tui_type 'fg; echo "sta""tus-fg=$?"'
tui_keys Enter
tui_expect "d: fg" "$hint"
tui_keys :
tui_wait_re -1 '^:' || fail "d: no : prompt after fg"
paste 'goto un:II.2\nend'
tui_expect "d: after fg, a paste is text" ':goto un:II.2 end'
tui_keys Escape
tui_wait_re -1 '^ ' || fail "d: the prompt stays"
tui_keys q
tui_expect "d: q after fg" "status-fg=0"
probe "after fg and q"
# SIGTERM ends the reader through the same door.
charta_in_shell "SIGTERM"
kill -TERM "$(cat "$d/pid")"
tui_expect "d: SIGTERM" "status-$nrun=143"
probe "after SIGTERM"

finish
