#!/bin/sh
# cli.sh -- the command line as a script sees it: help and version, exit
# statuses, messages naming what was wrong, quiet exit on a closed pipe,
# write errors reported, and no control bytes from the data on output.
. "${top_srcdir:-.}/tests/lib.sh"

# --help and --version
expect_status 0 "$CHARTA" --help
grep -q '^Usage: charta' "$tmp/out" || fail "--help has no Usage line"
for cmd in list toc show import; do
	grep -q "^  $cmd" "$tmp/out" || fail "--help does not list '$cmd'"
done
awk 'length($0) > 80 { exit 1 }' "$tmp/out" || fail "--help is wider than 80"
expect_status 0 "$CHARTA" --version
grep -q '^charta [0-9]' "$tmp/out" || fail "--version does not say charta N"

# Usage errors: status 2, one message on stderr.
expect_status 2 "$CHARTA" frobnicate
grep -q "unknown command or reference 'frobnicate'" "$tmp/err" || fail "unknown command"
expect_status 2 "$CHARTA" show
grep -q 'usage: charta show REF' "$tmp/err" || fail "show without REF"
expect_status 2 "$CHARTA" -w 3 show mfa
grep -q "show: invalid value '3' for --width" "$tmp/err" || fail "bad -w"
expect_status 2 "$CHARTA" show mfa:IV.10
grep -q "iscc-2017-mfa has nothing labelled 'IV.10'" "$tmp/err" ||
    fail "bad label message: $(cat "$tmp/err")"
expect_status 2 "$CHARTA" show nosuchdoc:I
grep -q "no document 'nosuchdoc'" "$tmp/err" || fail "bad doc message"
expect_status 2 "$CHARTA" --db "$tmp/missing.db" list
grep -q "$tmp/missing.db" "$tmp/err" || fail "missing db not named"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "more than one line for a missing db"

# References: slug, alias, label, paragraph, any case.
expect_status 0 "$CHARTA" show iscc-2017-mfa:IV.5
head -n 1 "$tmp/out" | grep -q 'IV.5' || fail "show mfa:IV.5 heading"
expect_status 0 "$CHARTA" show MFA:iv.5.P2
expect_status 0 "$CHARTA" toc un
grep -q '^    IV.9 ' "$tmp/out" || fail "toc un lacks IV.9"

# The labels of the two translations are the same.
"$CHARTA" toc mfa | awk 'NR > 1 { print $1 }' >"$tmp/mfa.labels"
"$CHARTA" toc un | awk 'NR > 1 && $1 != "L" { print $1 }' >"$tmp/un.labels"
cmp -s "$tmp/mfa.labels" "$tmp/un.labels" ||
    fail "toc labels differ between the translations"

# A closed pipe ends charta quietly; a full disk is an error.
"$CHARTA" show mfa 2>"$tmp/pipe.err" | head -n 1 >/dev/null
[ -s "$tmp/pipe.err" ] && fail "closed pipe printed: $(cat "$tmp/pipe.err")"
if [ -w /dev/full ]; then
	expect_status 1 sh -c '"$0" show mfa >/dev/full' "$CHARTA"
	grep -q 'write error' "$tmp/err" || fail "/dev/full not reported"
fi

# Hostile text: control sequences in the data never reach the output raw.
esc=$(printf '\033')
bel=$(printf '\007')
printf -- '---\nslug: evil\ntitle: Evil %s]0;pwned%s title\n---\n\n# Head %s[2J {.chapter label=I}\n\nText %s[31mred%s[0m and %s]52;c;aGk=%s and \302\233 C1 and \342\200\256 bidi.\n' \
    "$esc" "$bel" "$esc" "$esc" "$esc" "$esc" "$bel" >"$tmp/evil.md"
expect_status 0 "$CHARTA" --db "$tmp/evil.db" import "$tmp/evil.md"
for args in "list" "toc evil" "show evil" "show evil:I.p1"; do
	# shellcheck disable=SC2086
	"$CHARTA" --db "$tmp/evil.db" $args >"$tmp/evil.out" 2>&1
	if LC_ALL=C grep -q "[$esc$bel]" "$tmp/evil.out"; then
		fail "charta $args wrote a raw control character"
	fi
	if LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/evil.out"; then
		fail "charta $args wrote a raw C1 control"
	fi
done
"$CHARTA" --db "$tmp/evil.db" show evil:I.p1 >"$tmp/evil.out"
grep -q 'Text \^\[\[31mred\^\[\[0m and \^\[\]52;c;aGk=\^G and <U+009B> C1 and <U+202E> bidi.' \
    "$tmp/evil.out" || fail "control characters not shown as placeholders: $(cat "$tmp/evil.out")"
# --raw lets them through, for those who ask.
"$CHARTA" --raw --db "$tmp/evil.db" show evil:I.p1 >"$tmp/evil.raw"
LC_ALL=C grep -q "$esc" "$tmp/evil.raw" || fail "--raw sanitized the text"
# Error messages are sanitized too.
expect_status 2 "$CHARTA" --db "$tmp/evil.db" show "evil:$esc[2J"
LC_ALL=C grep -q "$esc" "$tmp/err" && fail "error message echoed a raw ESC"

# Non-UTF-8 locale: ASCII only.
if locale -a 2>/dev/null | grep -qx 'C'; then
	LC_ALL=C "$CHARTA" show mfa:P >"$tmp/ascii.out"
	LC_ALL=C grep -q "$(printf '[\200-\377]')" "$tmp/ascii.out" &&
	    fail "LC_ALL=C output has non-ASCII bytes"
	grep -q 'People\\u2019s' "$tmp/ascii.out" ||
	    fail "LC_ALL=C output does not escape U+2019"
fi
finish
