#!/bin/sh
# notes-bench.sh -- the reader with a large study layer: NOTES_BENCH_NOTES
# notes (10,000) and NOTES_BENCH_MARKS marks (1,000) in the user's state
# (bench/notes-fill), against an empty state, through a pseudo-terminal
# (bench/ptyrun: forkpty, 100x30; a screen is done when what it must show
# is there and the output has then been quiet for 100 ms, and a time is
# from the key to the screen's last byte).  Measured, each a user-visible
# wait:
#   A. the first screen (charta mfa:II.2.p1, with the notes under its
#      paragraph drawn), best and median of RUNS;
#   B. saving a one-line note: from Enter in the prompt to the screen
#      showing it (the commit itself is the writer thread's, off this
#      path: bench-state measures it), NOTES_BENCH_SESSIONS sessions of 20;
#   C. setting a mark (m and a letter), as many;
#   D. :notes opening, and its filter per key typed ("sovereignty").
# Targets: A no more than 5 ms slower than with no notes; B and C p99 at
# most 5 ms; D at most 16 ms per key.
#
# Usage (from the build directory, `make bench-notes` sets these):
#   CHARTA=src/charta PTYRUN=bench/ptyrun NOTES_FILL=bench/notes-fill \
#       sh bench/notes-bench.sh [DIR]
# DIR (bench/notes) is made afresh.
set -u

: "${CHARTA:=src/charta}" "${PTYRUN:=bench/ptyrun}"
: "${NOTES_FILL:=bench/notes-fill}"
dir=${1:-bench/notes}
db=${NOTES_BENCH_DB:-data/corpus.db}
nnotes=${NOTES_BENCH_NOTES:-10000}
nmarks=${NOTES_BENCH_MARKS:-1000}
sessions=${NOTES_BENCH_SESSIONS:-5}
runs=${NOTES_BENCH_RUNS:-21}
ref=mfa:II.2.p1

for p in "$CHARTA" "$PTYRUN" "$NOTES_FILL"; do
	[ -x "$p" ] || { echo "notes-bench: $p is not built" >&2; exit 2; }
done
rm -rf "$dir"
mkdir -p "$dir/home" || exit 2
# XDG_DATA_HOME must be absolute (a relative one is ignored).
dir=$(cd "$dir" && pwd) || exit 2

# state NAME NOTES MARKS: a state directory with that many.
state() {
	mkdir -p "$dir/$1/charta" && chmod 700 "$dir/$1" "$dir/$1/charta" &&
	    "$NOTES_FILL" "$dir/$1/charta/state.db" "$db" "$2" "$3" >&2 ||
	    exit 2
}

# pty STATE PTYRUN-ARGS...: ptyrun on charta with that state.
pty() {
	_s=$1
	shift
	env HOME="$dir/home" XDG_CONFIG_HOME="$dir/home" \
	    XDG_DATA_HOME="$dir/$_s" "$PTYRUN" -s 100x30 "$@"
}

# val FILE KEY: the @KEY=VALUE figure of a ptyrun output.
val() {
	sed -n "s/^@$2=//p" "$1"
}

# stats FILE: the count, p50, p99 and worst of the numbers in FILE.
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "no samples"; exit }
		p50 = v[int((NR + 1) / 2)]
		i = int(NR * 0.99 + 0.999); if (i < 1) i = 1
		printf "%d samples: p50 %.1f ms, p99 %.1f ms, worst %.1f ms\n",
		    NR, p50, v[i], v[NR]
	}'
}

# p99 FILE: the p99 alone.
p99() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		i = int(NR * 0.99 + 0.999); if (i < 1) i = 1; print v[i] }'
}

echo "notes-bench: $nnotes notes and $nmarks marks; load average:" \
    "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
state empty 0 0
state full "$nnotes" "$nmarks"

# A. The first screen.  Its notes come from a look into the state file
# (src/ui/reader-peek.c) and the whole state is loaded after it; were the
# notes drawn later than the text, the screen is done only when a note
# shows.
pty empty -n "$runs" -x '-1:? help' -- \
    "$CHARTA" --db "$db" "$ref" >"$dir/start-empty.out" || exit 1
pty full -n "$runs" -x '-1:? help' -x '*:Note ' -- \
    "$CHARTA" --db "$db" "$ref" >"$dir/start-full.out" || exit 1
eb=$(val "$dir/start-empty.out" start_best_ms)
em=$(val "$dir/start-empty.out" start_ms)
fb=$(val "$dir/start-full.out" start_best_ms)
fm=$(val "$dir/start-full.out" start_ms)
echo "A. first screen, $runs runs: no notes best $eb ms, median $em ms;" \
    "$nnotes notes best $fb ms, median $fm ms"
slower=$(awk -v a="$fm" -v b="$em" 'BEGIN { printf "%.1f", a - b }')
echo "   slower by $slower ms (medians)"

# B and C. Saving notes and marks, 20 a session, each session on a copy
# of the full state.
: >"$dir/note.ms"
: >"$dir/mark.ms"
letters="a b c d e f g h i j k l m n o p q r s t"
k=1
while [ "$k" -le "$sessions" ]; do
	rm -rf "$dir/work"
	cp -R "$dir/full" "$dir/work"
	set --
	for l in $letters; do
		set -- "$@" -K a -K "n$k$l" -k "note_$l=\\r"
	done
	pty work -n 1 -x '*:Note ' "$@" -- "$CHARTA" --db "$db" "$ref" \
	    >"$dir/note-$k.out" || exit 1
	for l in $letters; do
		val "$dir/note-$k.out" "note_${l}_ms" >>"$dir/note.ms"
	done
	set --
	for l in $letters; do
		set -- "$@" -K m -k "mark_$l=$l"
	done
	pty work -n 1 -x '*:Note ' "$@" -- "$CHARTA" --db "$db" "$ref" \
	    >"$dir/mark-$k.out" || exit 1
	for l in $letters; do
		val "$dir/mark-$k.out" "mark_${l}_ms" >>"$dir/mark.ms"
	done
	k=$((k + 1))
done
echo "B. saving a note (Enter to the screen): $(stats "$dir/note.ms")"
echo "C. setting a mark (m x to the screen): $(stats "$dir/mark.ms")"

# D. :notes and its filter.
set -- -k 'open=:notes\r' -x '0:Notes' -K /
word=sovereignty
i=1
while [ "$i" -le "${#word}" ]; do
	c=$(printf %s "$word" | cut -c"$i")
	set -- "$@" -k "key$i=$c"
	i=$((i + 1))
done
: >"$dir/view.ms"
k=1
while [ "$k" -le "$sessions" ]; do
	# Typed once the state is loaded (it loads behind the first screen,
	# and the first key waits for it): 300 ms of quiet before each key.
	pty full -n 1 -q 300 -x '*:Note ' -e '\e\eqq' "$@" -- "$CHARTA" \
	    --db "$db" "$ref" \
	    >"$dir/view-$k.out" || exit 1
	val "$dir/view-$k.out" open_ms >>"$dir/open.ms"
	i=1
	while [ "$i" -le "${#word}" ]; do
		val "$dir/view-$k.out" "key${i}_ms" >>"$dir/view.ms"
		i=$((i + 1))
	done
	k=$((k + 1))
done
echo "D. :notes opening: $(stats "$dir/open.ms")"
echo "   its filter, per key: $(stats "$dir/view.ms")"

# Targets.
verdict() {
	awk -v v="$2" -v lim="$3" -v what="$1" 'BEGIN {
		printf "  %-44s %8.1f ms  (target %s ms)  %s\n", what, v, lim,
		    v <= lim ? "PASS" : "OVER" }'
}
echo "Targets (PASS/OVER):"
verdict "A. first screen slower with the notes" "$slower" 5
verdict "B. saving a note, p99" "$(p99 "$dir/note.ms")" 5
verdict "C. setting a mark, p99" "$(p99 "$dir/mark.ms")" 5
verdict "D. :notes opening, p99" "$(p99 "$dir/open.ms")" 16
verdict "D. :notes filter per key, p99" "$(p99 "$dir/view.ms")" 16
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
