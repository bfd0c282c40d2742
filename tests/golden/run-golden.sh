#!/bin/sh
# run-golden.sh -- the plain-text renderers pinned by golden files: each
# tests/golden/expected/NAME.out is what `charta ARGS` prints, ARGS being
# the first line of tests/golden/expected/NAME.args.
#
# To accept new output after a deliberate change:
#   GOLDEN_UPDATE=1 make check TESTS=tests/golden/run-golden.sh
. "${top_srcdir:-.}/tests/lib.sh"

dir=$top_srcdir/tests/golden/expected
# The user's own files (a stop word list) must not change the output.
XDG_CONFIG_HOME=$tmp/config
HOME=$tmp
export XDG_CONFIG_HOME HOME
for args in "$dir"/*.args; do
	name=$(basename "$args" .args)
	# shellcheck disable=SC2046
	"$CHARTA" $(head -n 1 "$args") >"$tmp/$name.out" 2>"$tmp/$name.err"
	if [ -n "${GOLDEN_UPDATE:-}" ]; then
		cp "$tmp/$name.out" "$dir/$name.out"
		continue
	fi
	if ! cmp -s "$tmp/$name.out" "$dir/$name.out"; then
		fail "charta $(head -n 1 "$args") differs from $name.out:"
		diff -u "$dir/$name.out" "$tmp/$name.out" | head -20 >&2
	fi
	if [ -s "$tmp/$name.err" ]; then
		fail "charta $(head -n 1 "$args") wrote to stderr: $(cat "$tmp/$name.err")"
	fi
done
finish
