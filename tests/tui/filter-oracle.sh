#!/bin/sh
# filter-oracle.sh -- the reader's filter agrees with the independent
# implementation of the query language (tests/query-oracle.py) on a sample
# of tests/query-oracle.queries: typed at "/", each query shows the
# oracle's count of paragraphs, sections and documents on the status line
# (kept with Enter), "no match" when nothing matches, or the oracle's
# refusal, at the same column, when it cannot be understood.

. "$top_srcdir/tests/tui/lib.sh"

command -v python3 >/dev/null 2>&1 ||
    skip "python3 is not installed (Debian package python3)"
python3 -c 'import unicodedata' 2>/dev/null ||
    skip "python3 has no unicodedata module"

builddir=$(cd "$(dirname "$CHARTA")/.." && pwd)
"$builddir/tests/query-dump" "$CHARTA_DB" >"$tmp/dump.tsv" ||
    { fail "query-dump failed"; finish; }
python3 "$top_srcdir/tests/query-oracle.py" --dump "$tmp/dump.tsv" \
    --queries "$top_srcdir/tests/query-oracle.queries" --expect 20 \
    >"$tmp/expect" || { fail "the oracle failed"; finish; }
[ "$(grep -c . "$tmp/expect")" -ge 15 ] ||
    fail "only $(grep -c . "$tmp/expect") queries in the sample"

# The counts on the last line, as "P S D" (loosely: the status line's
# wording may change, its three numbers stay).
status_counts() {
	tui_line -1 | sed -n 's/.*[^0-9]\([0-9][0-9]*\) paragraphs\{0,1\}, \([0-9][0-9]*\) sections\{0,1\} in \([0-9][0-9]*\) documents\{0,1\}.*/\1 \2 \3/p'
}

tui_start 160 40
tui_expect "start" '? help  Tab pane' || finish

tab=$(printf '\t')
n=0
while IFS=$tab read -r query what a b c; do
	n=$((n + 1))
	tui_keys /
	tui_wait_re -1 '^/' || { fail "$query: / opens no prompt"; continue; }
	tui_keys C-u
	tui_type "$query"
	case $what in
	error)
		# The refusal, with its column; the last good result stays.
		tui_expect "$query" "column $a: $b" || true
		tui_keys Escape
		tui_wait_re -1 '^ ' || fail "$query: Esc leaves the prompt"
		;;
	none | count)
		# Enter keeps the filter; once the ' prompt has come and gone,
		# every key has been read and the status line is the query's.
		tui_keys Enter
		tui_sync
		if [ "$what" = none ]; then
			if tui_line -1 | grep -qF -- "/$query  ("; then
				fail "$query: the oracle finds nothing, the" \
				    "reader shows '$(tui_line -1)'"
			fi
		else
			got=$(status_counts)
			tui_line -1 | grep -qF -- "/$query" && [ "$got" = "$a $b $c" ] ||
			    fail "$query: the oracle counts $a paragraphs, $b" \
			    "sections in $c documents; the status line is" \
			    "'$(tui_line -1)'"
		fi
		;;
	*)
		fail "unknown expectation '$what' for $query"
		;;
	esac
done <"$tmp/expect"
[ "$n" -ge 15 ] || fail "only $n queries typed"

tui_keys q
tui_expect_exit "q" 0
finish
