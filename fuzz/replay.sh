#!/bin/sh
# replay.sh -- every saved fuzz input (fuzz/corpus/TARGET and
# fuzz/crashes/TARGET) through its target once, built without libFuzzer
# (fuzz/replay-TARGET): a broken invariant aborts, and in a sanitizer
# build ASan and UBSan check every access.  Run by make check.
. "${top_srcdir:-.}/tests/lib.sh"

total=0
failed=0
for t in sanitize import dbopen query diff; do
	bin=fuzz/replay-$t
	[ -x "$bin" ] || { fail "$bin is not built"; continue; }
	set --
	for f in "$top_srcdir/fuzz/corpus/$t"/* "$top_srcdir/fuzz/crashes/$t"/*
	do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	[ $# -eq 0 ] && continue
	total=$((total + $#))
	# All at once; on a failure, one at a time to name the input.
	if "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; then
		echo "$t: $# inputs replayed"
		continue
	fi
	for f in "$@"; do
		if ! "$bin" "$f" >"$tmp/out" 2>"$tmp/err"; then
			failed=$((failed + 1))
			fail "$t: $f"
			head -20 "$tmp/err" >&2
		fi
	done
done
[ "$total" -eq 0 ] && skip "no saved inputs"
echo "$((total - failed)) passed, $failed failed"
finish
