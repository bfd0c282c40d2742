#!/bin/sh
# staged.sh -- a corpus of a megabyte or more, already checked, opens with
# a first screen drawn from its first documents before the rest loads
# (src/ui/ui-run.c): the screen is the whole corpus's, and keys
# typed at once go to the reader of the whole corpus; a filter typed at
# once is answered on the first documents "so far", then on the whole.

. "$top_srcdir/tests/tui/lib.sh"

# 40 documents of 250 paragraphs: about 1.5 MB, 10,000 nodes.
mkdir "$tmp/src"
awk -v dir="$tmp/src" 'BEGIN {
	for (d = 1; d <= 40; d++) {
		f = sprintf("%s/d%02d.md", dir, d)
		printf "---\nslug: staged-%02d\nalias: s%d\n", d, d > f
		printf "title: Staged Document %d\nshort: Staged %d\n", d, d > f
		printf "issuer: Test\ndate: 2020-01-01\nlanguage: en\n" > f
		printf "kind: strategy\n---\n\n" > f
		for (p = 1; p <= 250; p++)
			printf "Paragraph %d of document %d: cooperation " \
			    "in cyberspace, governance and infrastructure " \
			    "for a shared future of all.\n\n", p, d > f
		close(f)
	}
}' || fail "cannot write the sources"
"$CHARTA" --db "$tmp/big.db" import -q "$tmp"/src/*.md >"$tmp/out" 2>&1 ||
    { fail "import: $(head -c 300 "$tmp/out")"; finish; }
size=$(wc -c <"$tmp/big.db")
[ "$size" -ge 1048576 ] || { fail "big.db is only $size bytes"; finish; }

# The reader keeps its state, and quick_check's verdicts, in one place.
tui_keep_state=yes
# Load it until quick_check's verdict is kept: a file younger than the
# file system's clock tick gets none.  (The data directory is the
# reader's to make; a command does not.)
mkdir -p "$tmp/state/charta" && chmod 700 "$tmp/state" "$tmp/state/charta"
n=0
until grep -q '^ok ' "$tmp/state/charta/corpus-checked" 2>/dev/null; do
	n=$((n + 1))
	[ "$n" -le 200 ] || { fail "no verdict kept for big.db"; finish; }
	XDG_DATA_HOME=$tmp/state HOME=$tmp/home \
	    "$CHARTA" --db "$tmp/big.db" list >/dev/null 2>"$tmp/err" ||
	    { fail "list: $(head -c 300 "$tmp/err")"; finish; }
done

tui_start 80 24 --db "$tmp/big.db"
tui_expect "start" '? help' '▾ Staged Document 1' \
    'p1  Paragraph 1 of document 1' 'p21  Paragraph 21 of document 1' ||
    finish
tui_expect_ref "start" s1

# The last document is not in the first screen's part: :goto finds it.
tui_keys :
tui_type 'goto s40:p250'
tui_keys Enter
tui_expect_ref ":goto the last paragraph" s40:p250
tui_expect ":goto the last paragraph" 'Paragraph 250 of document 40'

# } walks the documents of the whole corpus, past the first part's.
tui_keys :
tui_type 'goto s30'
tui_keys Enter
tui_expect_ref ":goto s30" s30
tui_keys '}'
tui_expect_ref "}" s31

tui_keys q
tui_expect_exit "q" 0

# The place kept is in a document of the rest (s31, a document's title):
# the first part's screen is not drawn, then left; the first screen is
# the place kept.
tui_start_cmd 80 24 'read -r _ && exec "$CHARTA" --db "$1"' "$tmp/big.db"
$T pipe-pane "cat >>$tmp/raw-kept"
tui_keys Enter
tui_expect_ref "reopened in the rest" s31
tui_until grep -q 'Staged Document 31' "$tmp/raw-kept" ||
    fail "reopened in the rest: s31 was not written"
! grep -q 'of document 1:' "$tmp/raw-kept" ||
    fail "reopened in the rest: the first part's screen was drawn first"
tui_keys q
tui_expect_exit "q in the rest" 0
# No place kept from here on (the verdict on big.db stays).
rm -f "$tmp/state/charta/state.db"

# A filter typed at once, as charta starts: the first documents answer it
# "so far" while the rest loads (everything written is logged, so that
# the passing answer is seen), then the whole corpus's reader does.  A
# query naming a document of the rest, and Enter typed ahead too.
tui_start_cmd 80 24 'read -r _ && exec "$CHARTA" --db "$1"' "$tmp/big.db"
$T pipe-pane "cat >>$tmp/raw"
# Enter and the filter in one go: the filter is waiting when charta
# starts, however fast the rest loads (typed after it, it could come
# once the rest is in, and the whole corpus's reader answer it alone).
$T send-keys Enter \; send-keys -l -- '/"of document 1:"'
tui_wait_re -2 ' 250 paragraphs, 0 sections in 1 document *$'
tui_expect "a filter typed at once" '250 paragraphs, 0 sections in 1 document' \
    'Paragraph 1 of document 1: cooperation' || finish
tui_expect_not "a filter typed at once" 'so far'
tui_until grep -q 'in 1 document so far (loading' "$tmp/raw" ||
    fail "a filter typed at once: no answer on the first documents"
tui_keys Escape q
tui_expect_exit "Esc q" 0

tui_start 80 24 --db "$tmp/big.db"
tui_type '/doc:s39 "of document 39:"'
tui_keys Enter
tui_expect "doc: of the rest, Enter typed ahead" \
    '/doc:s39 "of document 39:"  (250 paragraphs, 0 sections in 1 document)' || finish
tui_expect_ref "doc: of the rest, Enter typed ahead" s39:p1
tui_keys n
tui_expect_ref "n after a filter typed ahead" s39:p2
tui_keys q
tui_expect_exit "q" 0

# With the state held for writing by another process, the first screen
# still has the notes kept: a look into the file gives them, on the first
# part and on the document of the place kept, loaded alone.  (No place
# kept to begin with.)
tui_need_helpers
rm -f "$tmp/state/charta/state.db"
PEN=$(printf '\342\234\216')
cat >"$tmp/notes.json" <<'EOF'
[{"type": "Annotation", "bodyValue": "a note on the first document",
  "target": {"selector": {"type": "charta:PlaceSelector",
    "slug": "staged-01", "label": "p1"}}},
 {"type": "Annotation", "bodyValue": "a note on document 31",
  "target": {"selector": {"type": "charta:PlaceSelector",
    "slug": "staged-31", "label": "p1"}}}]
EOF
XDG_DATA_HOME=$tmp/state HOME=$tmp/home "$CHARTA" --db "$tmp/big.db" \
    notes --import "$tmp/notes.json" >"$tmp/out" 2>&1 ||
    { fail "notes --import: $(cat "$tmp/out")"; finish; }
# The first frame has the note: it is written before the status line.
# Once the rest is in (it shows nothing new, by design: a second is
# ample), the whole corpus's reader has it too.
tui_hold "$tmp/state/charta/state.db"
tui_start_cmd 100 30 'read -r _ && exec "$CHARTA" --db "$1"' "$tmp/big.db"
$T pipe-pane "cat >>$tmp/raw-held"
tui_keys Enter
tui_expect "held: the first part" '? help' "$PEN a note on the first document" ||
    finish
note_at=$(grep -boa 'a note on the first document' "$tmp/raw-held" |
    head -n 1 | cut -d: -f1)
help_at=$(grep -boa '? help' "$tmp/raw-held" | head -n 1 | cut -d: -f1)
[ -n "$note_at" ] && [ -n "$help_at" ] && [ "$note_at" -lt "$help_at" ] ||
    fail "held: the first frame has no note (note at ${note_at:-none}, status line at ${help_at:-none})"
sleep 1
tui_expect "held: the whole corpus" "$PEN a note on the first document"
tui_let_go
tui_keys q
tui_expect_exit "held: q" 0
tui_start 100 30 --db "$tmp/big.db" s31:p1
tui_expect_ref "the place kept: s31" s31:p1
tui_keys q
tui_expect_exit "the place kept: q" 0
tui_hold "$tmp/state/charta/state.db"
tui_start 100 30 --db "$tmp/big.db"
tui_expect "held: reopened in the rest" '? help' "$PEN a note on document 31" ||
    finish
tui_expect_ref "held: reopened in the rest" s31:p1
sleep 1
tui_expect "held: reopened, the whole corpus" "$PEN a note on document 31"
tui_let_go
tui_keys q
tui_expect_exit "held: reopened: q" 0
finish
