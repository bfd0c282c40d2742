#!/bin/sh
# first-screen.sh -- the first screen's notes, marks and place come from a
# look into the state before the state is loaded (src/ui/reader-peek.c):
# with the loading held back by another process (it holds the file for
# writing; reading goes on), `charta` still opens at the paragraph kept,
# with its notes -- set in this translation and in the other -- under it,
# and the outline's note and mark markers on the rows that have them.
# Once the other process lets go, the state loads and the screen is the
# same; the keys then act on the whole state (a mark jump).  (The sleep
# is the writer thread's pause between tries: the load itself shows
# nothing, by design, to wait for.)  The look reads the notes of the
# text's paragraphs until they fill the screen; when some of those are
# notes the load will find moved, which a look leaves out, the screen
# shows the next paragraph after all, and its notes are read whole too.
. "$top_srcdir/tests/tui/lib.sh"

tui_need_helpers

hint='? help  Tab pane'
PEN=$(printf '\342\234\216')
state=$tmp/data/charta/state.db
tui_env="XDG_DATA_HOME=$tmp/data"

# Notes on mfa:II.2.p1 set in both translations, and one on mfa:II.2.p3.
cat >"$tmp/notes.json" <<'EOF'
[
  {"type": "Annotation", "created": "2017-03-01T08:00:00Z",
   "bodyValue": "set in the MFA text",
   "target": {"selector": {"type": "charta:PlaceSelector",
     "work": "iscc-2017", "path": "sovereignty/1",
     "slug": "iscc-2017-mfa", "label": "II.2.p1"}}},
  {"type": "Annotation", "created": "2017-03-02T08:00:00Z",
   "bodyValue": "set in the UN text",
   "target": {"selector": {"type": "charta:PlaceSelector",
     "work": "iscc-2017", "path": "sovereignty/1",
     "slug": "iscc-2017-un", "label": "II.2.p1"}}},
  {"type": "Annotation", "created": "2017-03-03T08:00:00Z",
   "bodyValue": "on the third paragraph",
   "target": {"selector": {"type": "charta:PlaceSelector",
     "slug": "iscc-2017-mfa", "label": "II.2.p3"}}}
]
EOF
XDG_DATA_HOME=$tmp/data "$CHARTA" notes --import "$tmp/notes.json" \
    >"$tmp/out" 2>&1 || { fail "import: $(cat "$tmp/out")"; finish; }

# A mark on II.2.p3, and the place left at II.2.p1.
tui_start 100 30 mfa:II.2.p3
tui_expect "a mark: start" "$hint" || finish
tui_keys m a
tui_expect "a mark: set" "mark 'a' set on"
tui_keys :
tui_type 'goto mfa:II.2.p1'
tui_keys Enter
tui_expect_ref "goto" mfa:II.2.p1
tui_keys q
tui_expect_exit "q" 0

# Held for writing by another process: the state cannot be loaded, but
# it can be read.
tui_hold "$state"

# same_as_held WHAT: the screen now is the held one, but for the status
# line.
same_as_held() {
	tui_capture
	head -n 29 "$tmp/screen" >"$tmp/loaded.rows"
	head -n 29 "$held" >"$tmp/held.rows"
	cmp -s "$tmp/loaded.rows" "$tmp/held.rows" || {
		fail "$1: the screen differs from the first one:"
		diff "$tmp/held.rows" "$tmp/loaded.rows" >&2
	}
}

tui_start 100 30
tui_expect "held: the first screen" "$hint" "$PEN set in the MFA text" \
    "$PEN set in the UN text" || finish
tui_expect_ref "held: the place kept" mfa:II.2.p1
tui_capture
held=$tmp/held.screen
cp "$tmp/screen" "$held"
# The outline: notes on p1 and p3, the mark on p3.
grep -q "p1  As a basic norm.*$PEN" "$held" ||
    fail "held: p1 has no note marker: $(grep 'p1  As' "$held")"
grep -q "p3  National gov.*'.*$PEN" "$held" ||
    fail "held: p3 has no mark and note markers: $(grep 'p3  Nat' "$held")"
grep -q "p2  Upholding.*$PEN" "$held" &&
    fail "held: p2 has a note marker: $(grep 'p2  Up' "$held")"

# Let go: the state loads, the writer thread trying again within a second
# (the load shows nothing to wait for, by design).  The keys act on the
# whole state: the mark jump works once it is in.
tui_let_go
tries=0 wait_s=$tui_timeout tui_timeout=1
until tui_keys "'" a && tui_until tui_line_has 0 mfa:II.2.p3; do
	tries=$((tries + 1))
	[ "$tries" -lt "$wait_s" ] || {
		fail "loaded: the mark jump never worked"
		tui_show
		finish
	}
done
tui_timeout=$wait_s
# Back where it was: the same screen as the first one, to the byte,
# but for the status line.
tui_keys C-o
tui_expect_ref "loaded: back" mfa:II.2.p1
same_as_held loaded
tui_keys q
tui_expect_exit "loaded: q" 0

# So many notes on p1 that they would fill the screen, were they not on
# words a re-import has changed: the look leaves such notes to the load,
# so p2 shows below p1 after all, with its own notes, whole.
{
	printf '['
	i=1
	while [ "$i" -le 30 ]; do
		printf '{"type": "Annotation", "bodyValue": "p1 moved %02d",
		  "target": {"selector": [{"type": "charta:PlaceSelector",
		    "work": "iscc-2017", "path": "sovereignty/1",
		    "slug": "iscc-2017-mfa", "label": "II.2.p1"},
		    {"type": "TextQuoteSelector",
		     "exact": "words no longer in any paragraph %02d"}]}},\n' \
		    "$i" "$i"
		printf '{"type": "Annotation", "bodyValue": "p2 note %02d",
		  "target": {"selector": {"type": "charta:PlaceSelector",
		    "slug": "iscc-2017-mfa", "label": "II.2.p2"}}}' "$i"
		[ "$i" -lt 30 ] && printf ',\n'
		i=$((i + 1))
	done
	printf ']\n'
} >"$tmp/many.json"
XDG_DATA_HOME=$tmp/data "$CHARTA" notes --import "$tmp/many.json" \
    >"$tmp/out" 2>&1 || { fail "import many: $(cat "$tmp/out")"; finish; }
tui_hold "$state"
tui_start 100 30 mfa:II.2
tui_expect "moved: the first screen" "$hint" "$PEN set in the MFA text" \
    "$PEN p2 note 01" || finish
tui_capture
cp "$tmp/screen" "$held"
grep -q "p1 moved" "$held" && fail "moved: a moved note shows"
grep -q "^ *$PEN *\$" "$held" &&
    fail "moved: a note shows without its text: $(grep -n "$PEN" "$held")"
# Once loaded, the moved notes are orphaned (said on the status line),
# and the rest of the screen is the same.
tui_let_go
tui_expect "moved: loaded" "30 orphaned" || finish
same_as_held moved
tui_keys q
tui_expect_exit "moved: q" 0

finish
