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
# nothing, by design, to wait for.)
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

# The file in a rollback journal, held for writing by another process:
# the state cannot be loaded (its journal mode is set first), but it can
# be read.
"$DB_EXEC" "$state" "PRAGMA journal_mode=DELETE" >/dev/null ||
    fail "journal_mode"
# It holds the file until its standard input ends: when the sleep that
# writes it is killed (not a descriptor of this shell's, which the tmux
# server started later would inherit and keep open).
mkfifo "$tmp/in" "$tmp/ready"
"$STATE_WRITER" hold "$state" <"$tmp/in" >"$tmp/ready" 2>"$tmp/hold.err" &
holder=$!
sleep 600 >"$tmp/in" &
sleeper=$!
read -r line <"$tmp/ready"
[ "$line" = held ] || fail "the file was not held: $line $(cat "$tmp/hold.err")"

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
kill "$sleeper"
wait "$holder"
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
tui_capture
head -n 29 "$tmp/screen" >"$tmp/loaded.rows"
head -n 29 "$held" >"$tmp/held.rows"
cmp -s "$tmp/loaded.rows" "$tmp/held.rows" || {
	fail "loaded: the screen differs from the first one:"
	diff "$tmp/held.rows" "$tmp/loaded.rows" >&2
}
tui_keys q
tui_expect_exit "loaded: q" 0

finish
