#!/bin/sh
# notes.sh -- notes as a user writes them, and what becomes of them:
#  a. a note written in $EDITOR (a script here) and a one-line note show
#     under their paragraph in both translations and in the comparison;
#     :notes lists them;
#  b. `charta notes --format=json` exports them; imported into an empty
#     state they are back in the reader, at the same paragraph;
#  c. a document of one's own, noted, changed and imported again: the
#     note is found again by its words when a paragraph is inserted
#     before it, and orphaned (listed, never lost) when its paragraph is
#     gone;
#  d. hostile text -- escape sequences, bidi controls, C1, invalid UTF-8
#     -- in a note from the editor, in a pasted one-line note, in a mark's
#     name and in an imported annotation file: shown through the
#     sanitizer (the terminal's title and screen untouched), exported
#     unchanged but escaped.
# A hang-up with the editor open is in tests/reliability/study-faults.sh.
. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
rel_bin=$(cd "$(dirname "$CHARTA")/.." && pwd)/tests/reliability
DB_EXEC=$rel_bin/db-exec
PEN=$(printf '\342\234\216')

# An editor that writes its note: the text of $tmp/note-text.
cat >"$tmp/editor" <<EOF
#!/bin/sh
cat "$tmp/note-text" >"\$1"
EOF
chmod +x "$tmp/editor"
printf 'Sovereignty, noted from the editor\nand its second line\n' \
    >"$tmp/note-text"

# charta_state CMD...: the command line on the last reader's state.
charta_state() {
	XDG_DATA_HOME=$tmp/state$tui_nserver TZ=UTC "$CHARTA" "$@"
}

goto() {
	tui_keys :
	tui_type "goto $1"
	tui_keys Enter
	tui_expect_ref ":goto $1" "$1"
}

# ------------------------------------ a. written, and seen everywhere
tui_env="EDITOR=$tmp/editor VISUAL="
tui_start 100 30 mfa:II.2.p1
tui_expect "start" "$hint" || finish
tui_expect_ref "start" mfa:II.2.p1 || finish
tui_keys A
tui_expect "A: the editor's note kept" "note on mfa:II.2.p1 kept"
tui_expect "A: under its paragraph" \
    "$PEN Sovereignty, noted from the editor" "and its second line"
tui_keys a
tui_wait_re -1 '^note:' || fail "a: no note prompt"
tui_type 'A one-line note'
tui_keys Enter
tui_expect "a: kept" "$PEN A one-line note"
# A again: the paragraph's last note, in the editor, changed in place.
printf 'A one-line note, edited\n' >"$tmp/note-text"
tui_keys A
tui_expect "A: the last note edited" "$PEN A one-line note, edited"
tui_capture
[ "$(grep -c "$PEN A one-line note" "$tmp/screen")" -eq 1 ] ||
    { fail "the edited note is shown twice, or not at all"; tui_show; }
goto un:II.2.p1
tui_expect "in the UN translation" \
    "$PEN Sovereignty, noted from the editor" "$PEN A one-line note"
tui_keys c
tui_expect "in the comparison" "Comparison: pair 1"
tui_expect "in the comparison: both sides" \
    "$PEN Sovereignty, noted from the editor"
[ "$(grep -c "$PEN Sovereignty, noted" "$tmp/screen")" -eq 2 ] ||
    { fail "the comparison does not show the note on both sides"; tui_show; }
tui_keys q
tui_keys :
tui_type notes
tui_keys Enter
tui_expect ":notes" "mfa:II.2.p1  Sovereignty, noted from the editor" \
    "mfa:II.2.p1  A one-line note"
# "/" filters them by their words; s sorts them by date.
tui_keys /
tui_wait_re -1 '^/' || fail ":notes: / opens no prompt"
tui_type 'editor'
tui_expect ":notes /editor" "mfa:II.2.p1  Sovereignty, noted from the editor"
tui_capture
tui_expect_not ":notes /editor: the other note is not listed" \
    "A one-line note"
tui_keys C-u
tui_type 'one-line'
tui_expect ":notes /one-line" "mfa:II.2.p1  A one-line note, edited"
tui_capture
tui_expect_not ":notes /one-line: the other note is not listed" \
    "Sovereignty, noted"
tui_keys Escape
tui_expect ":notes, the filter gone" \
    "mfa:II.2.p1  Sovereignty, noted from the editor" \
    "mfa:II.2.p1  A one-line note, edited"
tui_keys s
tui_expect ":notes s" "notes by date, the newest first" \
    "mfa:II.2.p1  Sovereignty, noted from the editor" \
    "mfa:II.2.p1  A one-line note, edited"
tui_keys q q
tui_expect_exit "q" 0

# ------------------------------------------ b. export and import again
charta_state notes --format=json >"$tmp/export.json" ||
    fail "charta notes --format=json exited $?"
[ "$(grep -c '"type": "Annotation"' "$tmp/export.json")" -eq 2 ] ||
    fail "the export: $(cat "$tmp/export.json")"
XDG_DATA_HOME=$tmp/fresh "$CHARTA" notes --import "$tmp/export.json" \
    >"$tmp/out" 2>&1 || fail "import into an empty state: $(cat "$tmp/out")"
tui_env="XDG_DATA_HOME=$tmp/fresh"
tui_start 100 30 un:II.2.p1
tui_expect "re-imported: in the reader" \
    "$PEN Sovereignty, noted from the editor" "$PEN A one-line note"
tui_keys q
tui_expect_exit "q after the re-import" 0
XDG_DATA_HOME=$tmp/fresh "$CHARTA" notes --format=json |
    cmp -s - "$tmp/export.json" || fail "export, import, export differ"

# --------------------------- c. a document of one's own, changed twice
cat >"$tmp/my.md" <<'EOF'
---
slug: my-notes
alias: my
title: My own text
---
# One {#one label=I}

Alpha paragraph about sovereignty.

Beta paragraph about peace and order.

Gamma paragraph about cooperation.
EOF
# reimport: the corpus of my.md afresh (a re-import replaces it).
reimport() {
	rm -f "$tmp/my.db"
	"$CHARTA" --db "$tmp/my.db" import "$tmp/my.md" >"$tmp/out" 2>&1 ||
	    fail "import my.md: $(cat "$tmp/out")"
}
reimport
printf 'On beta: peace first\n' >"$tmp/note-text"
tui_keep_state=yes
tui_env="EDITOR=$tmp/editor VISUAL= CHARTA_DB=$tmp/my.db"
tui_start 100 24 my:I.p2
tui_expect_ref "my own text" my:I.p2 || finish
tui_keys A
tui_expect "my own text: noted" "note on my:I.p2 kept" \
    "$PEN On beta: peace first"
# A second note on the same words: placed with the first, moved with it.
tui_keys a
tui_wait_re -1 '^note:' || fail "a on beta: no note prompt"
tui_type 'On beta too'
tui_keys Enter
tui_expect "my own text: the second note" "$PEN On beta too"
tui_keys q
tui_expect_exit "q from my own text" 0
# A paragraph before it: the note follows its words to I.p3.
sed 's/^Alpha paragraph/New first paragraph.\n\nAlpha paragraph/' \
    "$tmp/my.md" >"$tmp/my2.md" && mv "$tmp/my2.md" "$tmp/my.md"
reimport
tui_start 100 24 my:I.p3
tui_expect "re-attached: said" "2 found again by their words, 0 orphaned"
tui_expect "re-attached: shown" "Beta paragraph about peace and order." \
    "$PEN On beta: peace first" "$PEN On beta too"
tui_keys q
tui_expect_exit "q after re-attaching" 0
XDG_DATA_HOME=$tmp/state TZ=UTC "$CHARTA" --db "$tmp/my.db" notes \
    >"$tmp/out" 2>&1
grep -q '^my:I\.p3  ' "$tmp/out" || fail "charta notes: $(cat "$tmp/out")"
# No opening at I.p2 shows it there (Alpha).
tui_start 100 24 my:I.p2
tui_expect "I.p2 is Alpha now" "Alpha paragraph about sovereignty."
tui_capture
tui_expect_not "the note is not under Alpha" "$PEN On beta"
tui_keys q
tui_expect_exit "q at I.p2" 0
# Its paragraph gone: orphaned, listed, not lost.
grep -v '^Beta paragraph' "$tmp/my.md" >"$tmp/my2.md" &&
    mv "$tmp/my2.md" "$tmp/my.md"
reimport
tui_start 100 24 my:I.p3
tui_expect "orphaned: said" "0 found again by their words, 2 orphaned"
tui_capture
tui_expect_not "orphaned: not under Gamma" "$PEN On beta"
tui_keys :
tui_type notes
tui_keys Enter
tui_expect "orphaned: in :notes" \
    "orphaned  my-notes:I.p3  On beta: peace first  (on: Beta paragraph"
tui_keys q q
tui_expect_exit "q after the orphan" 0
XDG_DATA_HOME=$tmp/state TZ=UTC "$CHARTA" --db "$tmp/my.db" notes \
    >"$tmp/out" 2>&1
grep -q '^orphaned (was my-notes:I\.p3)' "$tmp/out" ||
    fail "charta notes: the orphan: $(cat "$tmp/out")"
# The paragraph back: the note is back under it.
printf -- '---\nslug: my-notes\nalias: my\ntitle: My own text\n---\n# One {#one label=I}\n\nNew first paragraph.\n\nAlpha paragraph about sovereignty.\n\nBeta paragraph about peace and order.\n\nGamma paragraph about cooperation.\n' >"$tmp/my.md"
reimport
tui_start 100 24 my:I.p3
tui_expect "back: shown" "$PEN On beta: peace first" "$PEN On beta too"
tui_keys q
tui_expect_exit "q after the paragraph came back" 0
tui_keep_state=no

# --------------------------------------------------- d. hostile text
ESC=$(printf '\033')
title_before=
# A note from the editor: a title-setting OSC, a screen clear, an
# overline, a bidi override, C1, invalid UTF-8.
printf 'evil \033]0;pwned\007\033[2J\033[53m \342\200\256RLO \302\233c1 \377\376 end\n' \
    >"$tmp/note-text"
tui_env="EDITOR=$tmp/editor VISUAL="
tui_start 100 30 mfa:II.2.p1
tui_expect "hostile: start" "$hint" || finish
title_before=$(tui_fmt '#{pane_title}')
tui_keys A
tui_expect "hostile note from the editor" \
    "evil ^[]0;pwned^G^[[2J^[[53m <U+202E>RLO <U+009B>c1 $(printf '\357\277\275\357\277\275') end"
# Pasted into the one-line note prompt as typed text (paste-buffer
# without -p, as a terminal with no bracketed paste; a bracketed one is
# in paste.sh): bidi isolates, C1, a
# noncharacter, CJK.  (Not invalid UTF-8: curses drops what follows it.)
$T set-buffer -b hostile "$(printf 'pasted \342\201\246iso\342\201\251 \302\205nel \357\277\276 \344\270\255')" ||
    fail "set-buffer"
tui_keys a
tui_wait_re -1 '^note:' || fail "a: no note prompt"
$T paste-buffer -b hostile
tui_expect "the pasted text in the prompt, sanitized" \
    "note: pasted <U+2066>iso<U+2069> <U+0085>nel"
tui_keys Enter
tui_expect "the pasted note, sanitized" \
    "$PEN pasted <U+2066>iso<U+2069> <U+0085>nel $(printf '\357\277\275 \344\270\255')"
[ "$(tui_fmt '#{pane_title}')" = "$title_before" ] ||
    fail "the pane title changed to '$(tui_fmt '#{pane_title}')'"
tui_expect "the screen is whole" "ISCC 2017 (MFA) " "p2  Upholding sovereignty"
tui_keys q
tui_expect_exit "q after the hostile notes" 0
# Exported unchanged, escaped; nothing raw.
charta_state notes --format=json >"$tmp/hostile.json" ||
    fail "export of the hostile notes"
grep -q "$ESC" "$tmp/hostile.json" && fail "the JSON holds an escape"
grep -qF '"value": "evil \u001b]0;pwned\u0007\u001b[2J\u001b[53m \u202eRLO \u009bc1 \udcff\udcfe end"' \
    "$tmp/hostile.json" || fail "the editor's note in JSON: $(grep value "$tmp/hostile.json")"
grep -qF '"value": "pasted \u2066iso\u2069 \u0085nel \ufffe '"$(printf '\344\270\255')"'"' \
    "$tmp/hostile.json" || fail "the pasted note in JSON: $(grep value "$tmp/hostile.json")"

# A mark's name and an imported annotation file.
state=$tmp/state$tui_nserver
cat >"$tmp/hostile-in.json" <<'EOF'
[{"type": "Annotation", "id": "urn:uuid:55555555-5555-4555-8555-555555555555",
  "bodyValue": "imported \u001b[31mred\u001b[0m \u202eevil \udcff",
  "target": {"selector": {"type": "charta:PlaceSelector",
    "work": "iscc-2017", "path": "sovereignty/2",
    "slug": "iscc-2017-mfa", "label": "II.2.p2"}}}]
EOF
XDG_DATA_HOME=$state "$CHARTA" notes --import "$tmp/hostile-in.json" \
    >"$tmp/out" 2>&1 || fail "import of the hostile file: $(cat "$tmp/out")"
if [ -x "$DB_EXEC" ]; then
	"$DB_EXEC" "$state/charta/state.db" "INSERT INTO mark(id, name, slug,
	    label, created) VALUES ('aaaaaaaa-0000-4000-8000-000000000001',
	    X'1b5d303b6d61726b071b5b324ae280ae', 'iscc-2017-mfa', 'II.3',
	    1488355200)" || fail "making a hostile mark"
fi
tui_env="XDG_DATA_HOME=$state"
tui_start 100 30 un:II.2.p2
tui_expect "the imported note, sanitized" \
    "$PEN imported ^[[31mred^[[0m <U+202E>evil $(printf '\357\277\275')"
if [ -x "$DB_EXEC" ]; then
	tui_keys :
	tui_type marks
	tui_keys Enter
	tui_expect "the hostile mark's name, sanitized" \
	    "^[]0;mark^G^[[2J<U+202E>"
	tui_keys q
fi
[ "$(tui_fmt '#{pane_title}')" = "$title_before" ] ||
    fail "the pane title changed to '$(tui_fmt '#{pane_title}')'"
tui_keys q
tui_expect_exit "q after the imported note" 0
finish
