#!/bin/sh
# keyboard.sh -- the keyboard cannot break the reader or the terminal:
# a megabyte of random bytes typed into it (all but the keys that quit or
# suspend it) leaves it alive and answering; Ctrl-S is a key, not frozen
# output; Ctrl-\ ends it like SIGTERM, the terminal restored.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
# KEYBOARD_BYTES=N for a longer or shorter storm: 256 KB in make check,
# KEYBOARD_BYTES=1048576 for the megabyte README reports.
nbytes=${KEYBOARD_BYTES:-262144}
seed=${RELIABILITY_SEED:-$$}
echo "keyboard: RELIABILITY_SEED=$seed, $nbytes bytes" >&2

# Random bytes without q, Q, Ctrl-C, Ctrl-Z and Ctrl-\ (which quit,
# suspend or end the reader on purpose), from a seeded generator.
awk -v n="$nbytes" -v seed="$seed" 'BEGIN {
	srand(seed)
	for (i = 0; i < n; i++) {
		do { c = int(rand() * 256) } while (c == 113 || c == 81 ||
		    c == 3 || c == 26 || c == 28)
		printf "%c", c
	}
}' </dev/null | LC_ALL=C tr -d '\000' >"$tmp/storm"
[ "$(wc -c <"$tmp/storm")" -gt $((nbytes / 2)) ] ||
    { fail "could not make the random bytes"; finish; }

# The storm must not run an editor or a clipboard command, whatever keys
# it presses.
tui_env="EDITOR=true VISUAL=true"
tui_start 80 24
tui_expect "start" "$hint" || finish
$T load-buffer -b storm "$tmp/storm" || { fail "load-buffer"; finish; }
$T paste-buffer -d -b storm || { fail "paste-buffer"; finish; }
# tmux may deliver keys sent now before the end of the paste: wait until
# the screen has been still for two seconds (the storm is eaten).
still=0 n=0
: >"$tmp/prev"
while [ "$still" -lt 4 ] && [ "$n" -lt 1200 ]; do
	sleep 0.5
	tui_capture
	if cmp -s "$tmp/screen" "$tmp/prev"; then
		still=$((still + 1))
	else
		still=0
		cp "$tmp/screen" "$tmp/prev"
	fi
	n=$((n + 1))
done
[ "$still" -ge 4 ] || { fail "the screen never settled after the storm"; }
# Back to a known state: leave any prompt or view (Esc, C-g), then a goto.
n=0
while [ "$n" -lt 10 ]; do
	tui_keys Escape
	n=$((n + 1))
done
tui_alive "after the storm" || finish
tui_keys :
tui_type 'goto mfa:IV.5'
tui_keys Enter
tui_expect_ref "after the storm: :goto" mfa:IV.5 || finish
tui_keys q
# q may first close a view the storm opened.
n=0
while [ ! -e "$tui_dir/status" ] && [ "$n" -lt 20 ]; do
	tui_keys q
	sleep 0.1
	n=$((n + 1))
done
tui_expect_exit "q after the storm" 0

# Ctrl-S does not freeze the output: the next key still moves.
tui_start 80 24
tui_expect "start" "$hint" || finish
tui_keys C-s j
tui_expect_ref "Ctrl-S j" mfa:P
tui_keys C-q j
tui_expect_ref "Ctrl-Q j" mfa:I
tui_keys q
tui_expect_exit "q" 0

# Ctrl-\ (SIGQUIT): status 131, no core dump.
tui_start 80 24
tui_expect "start" "$hint" || finish
tui_keys 'C-\'
tui_expect_exit "Ctrl-\\" 131
finish
