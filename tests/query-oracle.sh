#!/bin/sh
# query-oracle.sh -- `charta search` and `charta search --count` agree with
# an independent implementation of the query language
# (tests/query-oracle.py: Python's own Unicode folding, its own parser) on
# every query of tests/query-oracle.queries: the same nodes, the same
# counts, and for a query that cannot be understood the same refusal at
# the same column.  Over the shipped corpus, and over a test text full of
# typographic and compatibility characters (tests/query-oracle.md).
#
# `charta --db DB search` streams the corpus (src/cli/search-stream.c);
# tests/stream-check makes sure that it does for every query here, and
# finds what index_search finds, so the verdict is on the stream and on
# the index alike.
#
# QUERY_ORACLE_FULL=1 also checks --count on the test text (make check
# runs only `search` there, to stay quick).

. "$top_srcdir/tests/lib.sh"

: "${CHARTA_DB:?CHARTA_DB is not set; run this through make check}"

command -v python3 >/dev/null 2>&1 ||
    skip "python3 is not installed (Debian package python3)"
python3 -c 'import unicodedata' 2>/dev/null ||
    skip "python3 has no unicodedata module"

# The helper is built beside charta: BUILDDIR/src/charta, BUILDDIR/tests.
builddir=$(cd "$(dirname "$CHARTA")/.." && pwd)
dump=$builddir/tests/query-dump
[ -x "$dump" ] || fail "no $dump (make check builds it)"
oracle="$top_srcdir/tests/query-oracle.py"
queries="$top_srcdir/tests/query-oracle.queries"

# oracle_run NAME DB [OPTION...]: the oracle on DB, failing on any
# disagreement (each is printed).
oracle_run() {
	_name=$1 _db=$2
	shift 2
	"$dump" "$_db" >"$tmp/$_name.tsv" ||
	    { fail "$_name: query-dump failed"; return; }
	"$builddir/tests/stream-check" "$_db" "$queries" \
	    >"$tmp/$_name.stream" 2>&1 ||
	    fail "$_name: the stream and the index disagree:" \
	    "$(grep -v '^[0-9]* queries' "$tmp/$_name.stream" | head -n 5)"
	python3 "$oracle" --dump "$tmp/$_name.tsv" --queries "$queries" \
	    --charta "$CHARTA" --db "$_db" "$@" >"$tmp/$_name.out" 2>&1
	_st=$?
	sed "s/^/$_name: /" "$tmp/$_name.out" >&2
	[ "$_st" -eq 0 ] || fail "$_name: charta and the oracle disagree"
	# The oracle must have run the whole list, not given up early.
	grep -q '^[0-9][0-9]* queries, 0 disagreements$' "$tmp/$_name.out" ||
	    [ "$_st" -ne 0 ] || fail "$_name: no summary from the oracle"
}

nq=$(grep -v '^#' "$queries" | grep -c .)
[ "$nq" -ge 150 ] || fail "only $nq queries in $queries"

oracle_run shipped "$CHARTA_DB"

"$CHARTA" --db "$tmp/fixture.db" import "$top_srcdir/tests/query-oracle.md" \
    >"$tmp/import.out" 2>&1 ||
    fail "importing the test text: $(head -c 300 "$tmp/import.out")"
if [ "${QUERY_ORACLE_FULL:-0}" = 1 ]; then
	oracle_run fixture "$tmp/fixture.db"
else
	oracle_run fixture "$tmp/fixture.db" --no-count
fi
finish
