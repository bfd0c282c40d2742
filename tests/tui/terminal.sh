#!/bin/sh
# terminal.sh -- charta and its terminal: leaving it usable (q, signals,
# suspend), refusing terminals it cannot use, reading keys from /dev/tty,
# and the ASCII and no-colour modes.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
d=$tmp/sh
mkdir -p "$d"

# In an interactive shell in the pane.  shell_do CMDLINE: run it, wait
# for it to end.  (The marker is typed in pieces, so the command line on
# the screen does not match it.)
nmark=0
shell_do() {
	nmark=$((nmark + 1))
	tui_type "$1; echo \"do\"\"ne-$nmark\""
	tui_keys Enter
	tui_until grep -q "done-$nmark\$" "$tmp/screen" ||
	    { fail "shell: '$1' did not finish"; tui_show; }
}

# at_prompt: the shell waits for a command (the last line is its prompt).
at_prompt() {
	[ "$(grep -v '^ *$' "$tmp/screen" | tail -n 1)" = "$tui_prompt" ]
}

# modes: the terminal modes tmux tracks: alternate screen, cursor shown,
# mouse reporting, application cursor keys and keypad.
modes() {
	tui_fmt 'alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag} ckeys=#{keypad_cursor_flag} keypad=#{keypad_flag}'
}

# restored WHAT: after charta, the shell's terminal is as it was before
# ($d/stty.before and $modes_before): the same stty settings and modes,
# canonical input with echo, and a shell that runs commands.
restored() {
	tui_until at_prompt || { fail "$1: no shell prompt"; tui_show; }
	shell_do "stty -g >$d/stty.after"
	cmp -s "$d/stty.before" "$d/stty.after" ||
	    fail "$1: stty settings not restored: $(cat "$d/stty.after"), were $(cat "$d/stty.before")"
	[ "$(modes)" = "$modes_before" ] ||
	    fail "$1: terminal modes '$(modes)', were '$modes_before'"
	# (Clear the screen first: dash has no line editor to do it on C-l.)
	shell_do "printf '\\033[H\\033[2J'"
	tui_type 'stty -a; echo "ali""ve"'
	tui_keys Enter
	tui_expect "$1: a command after charta" 'alive' || return 1
	grep -qE '(^| )icanon( |$)' "$tmp/screen" ||
	    fail "$1: stty -a shows no icanon"
	grep -qE '(^| )echo( |$)' "$tmp/screen" ||
	    fail "$1: stty -a shows no echo"
	tui_until at_prompt ||
	    { fail "$1: no shell prompt after the command"; tui_show; }
}

# charta_in_shell [ARG]: start charta from the shell, its pid in $d/pid;
# its exit status is printed as "status-K=N", K counting the runs.
nrun=0
charta_in_shell() {
	rm -f "$d/pid"
	nrun=$((nrun + 1))
	tui_type "sh -c 'echo \$\$ >$d/pid; exec \"\$CHARTA\" $*'; echo \"sta\"\"tus-$nrun=\$?\""
	tui_keys Enter
	tui_expect "charta $* from the shell" "$hint"
}

tui_shell 80 24
shell_do "stty -g >$d/stty.before"
modes_before=$(modes)

# q: the shell gets its terminal back as it was.
tui_type '$CHARTA'
tui_keys Enter
tui_expect "charta in a shell" "$hint" '▾ International Strategy'
case $(modes) in
*alt=1*) ;;
*) fail "charta does not use the alternate screen: $(modes)" ;;
esac
tui_keys q
tui_until tui_lacks "$hint" || fail "q did not leave the reader"
restored "q"

# SIGTERM: exit 143, the terminal restored.
charta_in_shell
tui_keys j
tui_expect_ref "j" mfa:P
kill -TERM "$(cat "$d/pid")"
tui_expect "SIGTERM" "status-$nrun=143"
restored "SIGTERM"

# SIGINT (Ctrl-C): exit 130, the terminal restored.
charta_in_shell
tui_keys C-c
tui_expect "Ctrl-C" "status-$nrun=130"
restored "Ctrl-C"

# Ctrl-\ (SIGQUIT): exit 131 like SIGTERM, the terminal restored, no
# core dump.
charta_in_shell
tui_keys 'C-\'
tui_expect "Ctrl-\\" "status-$nrun=131"
restored "Ctrl-\\"

# Ctrl-Z suspends (the shell's screen is back), fg redraws the reader.
charta_in_shell mfa:II.2
tui_expect "charta mfa:II.2 from the shell" 'II.2  2. The Principle of Sovereignty'
tui_keys C-z
tui_expect "Ctrl-Z" 'Stopped'
tui_until at_prompt || { fail "Ctrl-Z: no shell prompt"; tui_show; }
tui_expect_not "Ctrl-Z" "$hint"
case $(modes) in
*alt=0*) ;;
*) fail "Ctrl-Z: still on the alternate screen: $(modes)" ;;
esac
shell_do "stty -g >$d/stty.stopped"
cmp -s "$d/stty.before" "$d/stty.stopped" ||
    fail "Ctrl-Z: stty settings not restored while stopped"
tui_type 'fg; echo "sta""tus-fg=$?"'
tui_keys Enter
tui_expect "fg" "$hint" 'II.2  2. The Principle of Sovereignty' \
    'As a basic norm in contemporary international relations'
tui_expect_not "fg" 'Stopped'
tui_keys h
tui_expect "h after fg" '▸ II.2  2. The Principle of Sovereignty'
tui_keys q
tui_expect "q after fg" "status-fg=0"
restored "q after Ctrl-Z and fg"

# SIGHUP: exit 129, at once.
tui_start 80 24
tui_expect "start" "$hint"
pid=$(tui_pid)
t0=$(tui_now_ms)
kill -HUP "$pid"
tui_expect_exit "SIGHUP" 129
t1=$(tui_now_ms)
[ $((t1 - t0)) -lt 2000 ] || fail "SIGHUP: took $((t1 - t0)) ms to exit"
# A terminal that goes away (the pane killed): charta ends too.  Without
# the leak check here: LeakSanitizer checks at exit from a helper process
# in charta's process group, and when tmux's hangup signal reaches that
# helper (on a loaded machine) the check waits for it forever.  Every
# other test checks for leaks.
tui_env="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
tui_start 80 24
tui_env=
tui_expect "start" "$hint"
pid=$(tui_pid)
$T kill-server
n=0
while kill -0 "$pid" 2>/dev/null && [ "$n" -lt 100 ]; do
	sleep 0.1
	n=$((n + 1))
done
kill -0 "$pid" 2>/dev/null && { fail "a lost terminal: charta still runs"
    kill -KILL "$pid"; }

# SIGINT (Ctrl-C) straight in the pane.
tui_start 80 24
tui_expect "start" "$hint"
tui_keys C-c
tui_expect_exit "Ctrl-C" 130

# Terminals it cannot use: a message, exit 2.
tui_termtype=dumb
tui_start 80 24
tui_expect_exit "TERM=dumb" 2
tui_wait "terminal type 'dumb' is not usable for the interactive reader; use 'charta show'" ||
    { fail "TERM=dumb: no message"; tui_show; }
tui_termtype=-
tui_start 80 24
tui_expect_exit "TERM unset" 2
tui_wait "terminal type '' is not usable for the interactive reader" ||
    { fail "TERM unset: no message"; tui_show; }
tui_termtype=no-such-terminal-type
tui_start 80 24
tui_expect_exit "TERM=no-such-terminal-type" 2
tui_wait "terminal type 'no-such-terminal-type' is not usable" ||
    { fail "TERM unknown: no message"; tui_show; }
tui_termtype=$tui_term

# Standard output not a terminal: a message, exit 2, at once.
t0=$(tui_now_ms)
timeout 10 "$CHARTA" </dev/null >/dev/null 2>"$tmp/err"
st=$?
t1=$(tui_now_ms)
[ "$st" = 2 ] || fail "stdout not a tty: exit $st"
grep -q 'standard output is not a terminal' "$tmp/err" ||
    fail "stdout not a tty: message '$(cat "$tmp/err")'"
[ $((t1 - t0)) -lt 1000 ] || fail "stdout not a tty: took $((t1 - t0)) ms"

# No controlling terminal at all.
if setsid --help 2>&1 | grep -q -- --wait; then
	t0=$(tui_now_ms)
	timeout 10 setsid -w "$CHARTA" </dev/null >/dev/null 2>"$tmp/err"
	st=$?
	t1=$(tui_now_ms)
	[ "$st" = 2 ] || fail "setsid: exit $st"
	[ -s "$tmp/err" ] || fail "setsid: no message"
	[ $((t1 - t0)) -lt 1000 ] || fail "setsid: took $((t1 - t0)) ms"
	# Output to the pane, but no terminal to read keys from.
	tui_start_cmd 80 24 'exec setsid -w "$CHARTA" </dev/null'
	tui_expect_exit "setsid in the pane" 2
	tui_wait 'no terminal to read keys from' ||
	    { fail "setsid in the pane: no message"; tui_show; }
else
	echo "setsid has no --wait: no test without a controlling tty" >&2
fi

# Standard input not a terminal: keys come from /dev/tty.
tui_start_cmd 80 24 'echo | "$CHARTA"'
tui_expect "stdin a pipe" "$hint" '▾ International Strategy'
tui_keys j
tui_expect_ref "stdin a pipe: j" mfa:P
tui_keys q
tui_expect_exit "stdin a pipe: q" 0
tui_start_cmd 80 24 'exec "$CHARTA" </dev/null'
tui_expect "stdin /dev/null" "$hint"
tui_keys q
tui_expect_exit "stdin /dev/null: q" 0

# LC_ALL=C: nothing but ASCII on the screen.
ascii_only() {
	! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$tmp/screen"
}
tui_lang=C
tui_start 100 24
tui_expect "LC_ALL=C" '- International Strategy of Coope|' '  + P  Preface' \
    'Ministry of Foreign Affairs of the People'"'"'s Republic of China' \
    '? help'
ascii_only || { fail "LC_ALL=C: non-ASCII on the screen:"; tui_show; }
tui_keys j j j
tui_expect_ref "LC_ALL=C: j j j" mfa:II
tui_keys l
tui_expect "LC_ALL=C: l" '  - II  Chapter II. Basic Prin <>'
tui_keys j
tui_expect_ref "LC_ALL=C: l j" mfa:II.p1
tui_line 0 | grep -q '^ ISCC 2017 (MFA) > Chapter II. Basic Principles ' ||
    fail "LC_ALL=C: title line '$(tui_line 0)'"
tui_keys g Tab G
tui_expect "LC_ALL=C: the end of the text" '100%' \
    '(Source: Ministry of Foreign Affairs of the People\u2019s' \
    'of China\u2019s cyber and information sector'
ascii_only || { fail "LC_ALL=C: non-ASCII in the text:"; tui_show; }
tui_keys '?'
tui_expect "LC_ALL=C: help" 'Moving around'
ascii_only || { fail "LC_ALL=C: non-ASCII in the help:"; tui_show; }
tui_keys q
tui_expect "LC_ALL=C: q in the help" "$hint"
tui_keys q
tui_expect_exit "LC_ALL=C: q" 0
tui_lang=C.UTF-8

# NO_COLOR: the same text, without colours.
# sgr_colours: the colour parameters in the SGR sequences of the screen.
sgr_colours() {
	$T capture-pane -p -e | LC_ALL=C tr '\033' '\001' |
	    LC_ALL=C grep -oE "$(printf '\001')\\[[0-9;]*m" |
	    LC_ALL=C sed 's/^.\[//; s/m$//' | tr ';' '\n' |
	    grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$'
}
tui_start 100 24
tui_expect "colour" "$hint" '│'
tui_keys j
tui_expect_ref "colour: j" mfa:P
cp "$tmp/screen" "$tmp/colour.screen"
[ -n "$(sgr_colours)" ] || fail "no colours without NO_COLOR"
tui_keys q
tui_expect_exit "colour: q" 0
tui_env=NO_COLOR=1
tui_start 100 24
tui_expect "NO_COLOR" "$hint" '│'
tui_keys j
tui_expect_ref "NO_COLOR: j" mfa:P
cmp -s "$tmp/screen" "$tmp/colour.screen" ||
    { fail "NO_COLOR: not the same text as in colour:"; tui_show; }
c=$(sgr_colours | sort -u | tr '\n' ' ')
[ -z "$c" ] || fail "NO_COLOR: colours on the screen: $c"
tui_keys q
tui_expect_exit "NO_COLOR: q" 0
finish
