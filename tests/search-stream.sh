#!/bin/sh
# search-stream.sh -- `charta search` and `charta stats` read a corpus once
# as it streams by, without loading it (src/cli/search-stream.c,
# src/cli/stats-stream.c), and:
#
#  1. prints byte for byte what the search of the corpus loaded whole
#     prints, for every --format, --count, --color and -w: the whole load
#     is what search does when the user's own corpus is beside the shipped
#     one (here a damaged one, left out with a note), so the two ways are
#     run on the same documents and their outputs compared;
#     and stats prints what it prints on the corpus loaded whole, for
#     every --format, --by and --svg;
#  2. never searches or counts a corpus the loader refuses: each database
#     below is damaged in one way the loader checks, and search and stats
#     must say what the loader says (as `charta list` does), exit 2, and
#     print nothing else.

. "$top_srcdir/tests/lib.sh"

: "${CHARTA_DB:?CHARTA_DB is not set; run this through make check}"

export XDG_DATA_HOME="$tmp/data" HOME="$tmp/home"
mkdir -p "$XDG_DATA_HOME/charta" "$HOME"

# 1. The stream against the whole load.
printf 'not a corpus\n' >"$XDG_DATA_HOME/charta/corpus.db"

# both DB ARGS...: charta ARGS on --db DB (streamed) and on DB as the
# shipped corpus beside the user's damaged one (loaded whole): the same
# exit status, output and SVG (--svg $tmp/plot.svg), no message streamed.
both() {
	b_db=$1
	shift
	b_what="$*"
	"$CHARTA" --db "$b_db" "$@" >"$tmp/stream" 2>"$tmp/stream.err"
	st1=$?
	[ -f "$tmp/plot.svg" ] && mv "$tmp/plot.svg" "$tmp/stream.svg"
	(CHARTA_DB=$b_db; export CHARTA_DB; "$CHARTA" "$@") \
	    >"$tmp/whole" 2>"$tmp/whole.err"
	st2=$?
	grep -q 'your own documents are not shown' "$tmp/whole.err" ||
	    fail "$b_what: the whole load did not run"
	[ -s "$tmp/stream.err" ] &&
	    fail "$b_what: $(head -c 200 "$tmp/stream.err")"
	[ "$st1" -eq "$st2" ] ||
	    fail "$b_what: exit $st1 streamed, $st2 loaded"
	cmp -s "$tmp/stream" "$tmp/whole" ||
	    fail "$b_what: the output differs: $(diff "$tmp/stream" \
	    "$tmp/whole" | head -n 4)"
	if [ -f "$tmp/plot.svg" ]; then
		cmp -s "$tmp/stream.svg" "$tmp/plot.svg" ||
		    fail "$b_what: the SVG differs"
		rm -f "$tmp/plot.svg" "$tmp/stream.svg"
	fi
}

for q in cyberspace '"rule of law" OR sovereign*' \
    '(privacy OR security) -internet doc:mfa' 'kind:action -china’s' \
    'nosuchword'; do
	for opt in "" --count --format=tsv --format=json "--count --format=tsv" \
	    "--count --format=json" --color=always "-w 50" \
	    "--color=always -w 40"; do
		# shellcheck disable=SC2086
		both "$CHARTA_DB" search $opt -- "$q"
	done
done

# stats_both DB: stats streamed and loaded whole print the same.
stats_both() {
	for opt in "" --format=tsv --format=json --by=chapter \
	    "--by=chapter --format=json" "--svg $tmp/plot.svg"; do
		# shellcheck disable=SC2086
		{
			both "$1" stats $opt -- cyberspace
			both "$1" stats $opt -- 'sovereign*' 'shared future' \
			    '网络'
			both "$1" stats $opt -- nosuchword
		}
	done
}
stats_both "$CHARTA_DB"
# A block at a document's top after a chapter (the importer makes none;
# here the first document's last node, a leaf): it counts in the
# document's own part.
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$CHARTA_DB" "$tmp/top.db"
	[ "$(sqlite3 "$tmp/top.db" "UPDATE node SET parent = (SELECT min(id)
	    FROM node WHERE doc = 1) WHERE id = (SELECT max(id) FROM node
	    WHERE doc = 1); SELECT changes()")" = 1 ] ||
	    fail "top.db: no block moved"
	stats_both "$tmp/top.db"
fi
rm -f "$XDG_DATA_HOME/charta/corpus.db"

command -v sqlite3 >/dev/null 2>&1 || { finish; }

# 2. Damaged corpora: damaged NAME SQL...
damaged() {
	name=$1
	shift
	cp "$CHARTA_DB" "$tmp/$name.db"
	sqlite3 "$tmp/$name.db" "$@" ||
	    { fail "$name: sqlite3 failed"; return; }
	"$CHARTA" --db "$tmp/$name.db" list >/dev/null 2>"$tmp/$name.want"
	[ -s "$tmp/$name.want" ] ||
	    { fail "$name: the loader does not refuse it"; return; }
	for cmd in search stats; do
		"$CHARTA" --db "$tmp/$name.db" "$cmd" cyberspace \
		    >"$tmp/$name.out" 2>"$tmp/$name.err"
		st=$?
		[ "$st" -eq 2 ] || fail "$name: $cmd exited $st, expected 2"
		[ -s "$tmp/$name.out" ] && fail "$name: $cmd printed:" \
		    "$(head -c 200 "$tmp/$name.out")"
		cmp -s "$tmp/$name.err" "$tmp/$name.want" ||
		    fail "$name: $cmd says '$(cat "$tmp/$name.err")', the" \
		    "loader '$(cat "$tmp/$name.want")'"
	done
}

damaged same-label "UPDATE node SET label = 'P.p1' WHERE id = 4"
damaged same-label-case "UPDATE node SET label = 'p.P1' WHERE id = 4"
damaged link-label "UPDATE link SET b = 'iscc-2017-mfa:II.99' WHERE id = 1"
damaged link-doc "UPDATE link SET a = 'nosuch:I' WHERE id = 2"
damaged nul-label \
    "UPDATE node SET label = CAST(x'50002e7031' AS TEXT) WHERE id = 3"
damaged nul-anchor "UPDATE node SET anchor = CAST(x'6100' AS TEXT) WHERE id = 5"
damaged nul-title "UPDATE node SET title = CAST(x'6100' AS TEXT) WHERE id = 8"
damaged long-label \
    "UPDATE node SET label = printf('%.*c', 65, 'x') WHERE id = 5"
damaged order "UPDATE node SET parent = 2 WHERE id = 9"
damaged block-parent "UPDATE node SET parent = 3 WHERE id = 4"
damaged kind "UPDATE node SET kind = 'bogus' WHERE id = 5"
damaged no-nodes "INSERT INTO document SELECT 7, 'extra', '', title, short,
    issuer, date, language, source, work, kind, file, author, translator,
    publisher, container, url FROM document WHERE id = 6"
damaged alias "UPDATE document SET alias = 'MFA' WHERE id = 2"
damaged gap "DELETE FROM node WHERE id = 5"
damaged doc "UPDATE node SET doc = 2 WHERE id = 5"
damaged too-big "UPDATE node SET body = zeroblob(1048577) WHERE id = 5"
damaged doc-parent "UPDATE node SET parent = 1 WHERE id = 1"
finish
