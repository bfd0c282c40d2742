# test-ptyrun.sh -- the benchmark harness (bench/ptyrun) measures the
# screens it claims to: a step is not over while its expected text has not
# shown, even through a pause; it says so, with the screen, when the text
# never comes; and an idle program that wakes up is caught.  No timing is
# asserted: only bytes, screens and counts.

. "$top_srcdir/tests/lib.sh"

ptyrun=${PTYRUN:-./bench/ptyrun}
[ -x "$ptyrun" ] || { fail "$ptyrun is not built"; finish; }

# figure NAME FILE: the value of "@NAME=" in ptyrun's output.
figure() {
	sed -n "s/^@$1=//p" "$2"
}

# 1. The first screen is complete only when "ready" shows: the pause
# after "loading" (longer than the settle time) does not end it.
"$ptyrun" -e '\x03' -q 20 -o "$tmp/t1" -x '0:ready' -- sh -c \
    'printf loading; sleep 0.4; printf "\r\033[Kready\n"; read -r x' \
    >"$tmp/out1" 2>"$tmp/err1" || fail "ptyrun failed: $(cat "$tmp/err1")"
# "loading" 7, "\r\033[K" 4, "ready" 5, "\r\n" 2 (the pty adds the \r)
[ "$(figure start_bytes "$tmp/out1")" = 18 ] ||
    fail "first screen: $(figure start_bytes "$tmp/out1") bytes, not 18"
grep -q '^  |ready$' "$tmp/t1.start.screen" ||
    fail "the first screen's rows: $(cat "$tmp/t1.start.screen")"

# 2. A key's step waits for its own screen: "got b" after "got a".
"$ptyrun" -e '\x03' -q 20 -o "$tmp/t2" -x '0:ready' \
    -k a='a\r' -x '*:got a' -k b='b\r' -x '*:got b' -- sh -c \
    'printf "ready\n"; while read -r l; do sleep 0.2; echo "got $l"; done' \
    >"$tmp/out2" 2>"$tmp/err2" || fail "ptyrun failed: $(cat "$tmp/err2")"
grep -q '^  |got b$' "$tmp/t2.b.screen" ||
    fail "the screen after b: $(cat "$tmp/t2.b.screen")"
# the echo "b\r\n" and "got b\r\n"
[ "$(figure b_bytes "$tmp/out2")" = 10 ] ||
    fail "key b: $(figure b_bytes "$tmp/out2") bytes, not 10"

# 3. A screen that never shows the expected text is an error that names
# the step and the text and shows the screen; no figure is printed.
if "$ptyrun" -w 300 -x '-1:never' -- sh -c 'printf "not it\n"; read -r x' \
    >"$tmp/out3" 2>"$tmp/err3"; then
	fail "ptyrun succeeded on a screen that never came"
fi
grep -q 'step start: time ran out before the screen showed \[row -1: "never"\]' \
    "$tmp/err3" || fail "the message: $(cat "$tmp/err3")"
grep -q '^  |not it$' "$tmp/err3" || fail "no screen in: $(cat "$tmp/err3")"
grep -q '^@' "$tmp/out3" && fail "figures printed after a failure"

# 4. Idle: a program asleep makes no bytes and no wakeups; one that
# writes every 0.1 s is counted.
"$ptyrun" -e '\x03' -I 1 -x '0:ready' -- sh -c 'printf "ready\n"; exec sleep 60' \
    >"$tmp/out4" 2>"$tmp/err4" || fail "ptyrun failed: $(cat "$tmp/err4")"
[ "$(figure idle_bytes "$tmp/out4")" = 0 ] ||
    fail "asleep: $(figure idle_bytes "$tmp/out4") bytes while idle"
[ "$(figure idle_ctxsw "$tmp/out4")" = 0 ] ||
    fail "asleep: $(figure idle_ctxsw "$tmp/out4") context switches"
"$ptyrun" -e '\x03' -I 1 -x '0:ready' -- sh -c \
    'printf "ready\n"; while :; do sleep 0.1; printf x; done' \
    >"$tmp/out5" 2>"$tmp/err5" || fail "ptyrun failed: $(cat "$tmp/err5")"
[ "$(figure idle_bytes "$tmp/out5")" -gt 0 ] ||
    fail "busy: no bytes counted while idle"
[ "$(figure idle_ctxsw "$tmp/out5")" -gt 0 ] ||
    fail "busy: no context switches counted"

# 6. With -f a step's time is when its text first shows: "ready" and then,
# within the settle time, a second frame; without -f, the second frame's.
for f in "" -f; do
	"$ptyrun" $f -e '\x03' -q 300 -x '0:ready' -- sh -c \
	    'printf "ready\n"; sleep 0.2; printf "again\n"; read -r x' \
	    >"$tmp/out6$f" 2>"$tmp/err6$f" ||
	    fail "ptyrun $f failed: $(cat "$tmp/err6$f")"
done
awk -v a="$(figure start_ms "$tmp/out6-f")" 'BEGIN { exit !(a < 150) }' ||
    fail "-f: the first frame came at $(figure start_ms "$tmp/out6-f") ms"
awk -v a="$(figure start_ms "$tmp/out6")" 'BEGIN { exit !(a >= 200) }' ||
    fail "without -f: the second frame came at $(figure start_ms "$tmp/out6") ms"

finish
