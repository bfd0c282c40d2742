#!/bin/sh
# study-faults.sh -- the reader's notes when things go wrong, as a user
# meets it in a terminal (tmux); the store's own tests are state*.sh:
#  a. two readers adding notes at once: none is lost
#     (STUDY_FAULT_NOTES each, 15 by default);
#  b. a third process holds the state file locked for STATE_LOCK_SECONDS
#     (10): the reader answers meanwhile, the status line says
#     "saving... (locked)", and the note lands once the lock is gone;
#  c. a corrupt, a truncated and a PNG state file: the reader starts,
#     says it moved the file aside (kept byte for byte), and keeps new
#     notes in a new one;
#  d. a file-size limit (ulimit -f) while a large note is saved: the
#     notes before it are intact, the file whole, and the large note is
#     written to the unsaved-changes file named at the end;
#  e. XDG_DATA_HOME unset, empty, relative (the default place, never the
#     current directory), a file (no state, said, the reader runs);
#  f. state.db a symbolic link: refused, said, its target untouched;
#  g. a hang-up (SIGHUP) while the editor is open: the draft is in
#     :notes at the next start, and becomes the note.
# (kill -9 of a writer at random points is state-kill.sh.)
. "$top_srcdir/tests/tui/lib.sh"

tui_need_helpers

hint='? help  Tab pane'
PEN=$(printf '\342\234\216')
nnotes=${STUDY_FAULT_NOTES:-15}
hold=${STATE_LOCK_SECONDS:-10}

# notes_in DIR: the notes of the state in DIR/charta, as text.
notes_in() {
	XDG_DATA_HOME=$1 TZ=UTC "$CHARTA" notes 2>&1
}

# note TEXT: a one-line note on the paragraph (in the current pane).
note() {
	tui_keys a
	tui_type "$1"
	tui_keys Enter
}

# integrity DB WHAT: PRAGMA integrity_check says ok.
integrity() {
	"$DB_EXEC" "$1" 'PRAGMA integrity_check' >"$tmp/ic" 2>&1
	[ "$(cat "$tmp/ic")" = ok ] ||
	    fail "$2: integrity_check: $(head -c 300 "$tmp/ic")"
}

# ------------------------------------------- a. two readers at once
tui_keep_state=yes
tui_start 100 24 mfa:II.2.p1
tui_expect "a: first reader" "$hint" || finish
# The second reader: another window of the same server and state.
_ifs=$IFS
IFS='
'
# shellcheck disable=SC2046
set -- $(tui_env_words)
IFS=$_ifs
$T new-window -d env "$@" sh -c 'exec "$CHARTA" un:II.3.p1' ||
    { fail "a: new-window"; finish; }
n=0
until $T capture-pane -p -t :1 2>/dev/null | grep -qF "$hint"; do
	n=$((n + 1))
	[ "$n" -lt $((tui_timeout * 10)) ] ||
	    { fail "a: the second reader did not start"; finish; }
	sleep 0.1
done
k=1
while [ "$k" -le "$nnotes" ]; do
	note "first-$k"
	$T send-keys -t :1 a
	$T send-keys -t :1 -l "second-$k"
	$T send-keys -t :1 Enter
	k=$((k + 1))
done
# Each reader has taken every key: its goto prompt opens and closes.
tui_sync
$T send-keys -t :1 o
n=0
until $T capture-pane -p -t :1 | tail -n 1 | grep -q '^goto:'; do
	n=$((n + 1))
	[ "$n" -lt $((tui_timeout * 10)) ] ||
	    { fail "a: the second reader does not answer"; break; }
	sleep 0.1
done
$T send-keys -t :1 Escape
$T send-keys -t :1 q
tui_keys q
tui_expect_exit "a: q" 0
n=0
until [ "$($T display-message -p -t :1 '#{pane_dead}' 2>/dev/null)" = 1 ]; do
	n=$((n + 1))
	[ "$n" -lt $((tui_timeout * 10)) ] ||
	    { fail "a: the second reader did not quit"; break; }
	sleep 0.1
done
notes_in "$tmp/state" >"$tmp/notes"
for who in first second; do
	got=$(grep -c "^    $who-[0-9]*$" "$tmp/notes")
	[ "$got" -eq "$nnotes" ] ||
	    fail "a: $got of the $who reader's $nnotes notes were kept"
done
integrity "$tmp/state/charta/state.db" "a"
echo "$test_name: a. two readers, $nnotes notes each: $(grep -c '^    ' \
    "$tmp/notes") kept" >&2

# ------------------------------------------- b. locked by another
mkdir -p "$tmp/b"
tui_env="XDG_DATA_HOME=$tmp/b"
tui_start 100 24 mfa:II.2.p2
tui_expect "b: start" "$hint" || finish
note "before the lock"
tui_expect "b: the first note" "$PEN before the lock"
tui_sync
# The holder keeps the lock until its standard input ends.
mkfifo "$tmp/ready"
sleep "$hold" | "$STATE_WRITER" lock "$tmp/b/charta/state.db" \
    >"$tmp/ready" 2>"$tmp/lock.err" &
read -r line <"$tmp/ready"
[ "$line" = locked ] || fail "b: the lock was not taken: $line $(cat "$tmp/lock.err")"
started=$(tui_now_ms)
note "during the lock"
tui_expect "b: the note is shown at once" "$PEN during the lock"
tui_wait "saving... (locked)" || { fail "b: the status line never said \
'saving... (locked)'"; tui_show; }
# The reader answers meanwhile.
tui_keys :
tui_type 'goto un:IV.5'
tui_keys Enter
tui_expect_ref "b: a goto while locked" un:IV.5
if [ $(($(tui_now_ms) - started)) -ge $((hold * 1000)) ]; then
	echo "$test_name: b. the machine is slow: the lock may be gone" >&2
fi
wait
tui_wait_not "saving... (locked)" ||
    fail "b: still 'saving... (locked)' after the lock was let go"
tui_keys q
tui_expect_exit "b: q" 0
notes_in "$tmp/b" >"$tmp/notes"
grep -q '^    before the lock$' "$tmp/notes" &&
    grep -q '^    during the lock$' "$tmp/notes" ||
    fail "b: notes after the lock: $(cat "$tmp/notes")"
integrity "$tmp/b/charta/state.db" "b"

# ------------------------------------------ c. damaged state files
# damaged NAME: the reader starts on $tmp/c-NAME's file, moves it aside
# whole, says so, and keeps a new note.
damaged() {
	_d=$tmp/c-$1
	cp "$_d/charta/state.db" "$tmp/c-$1.orig"
	tui_env="XDG_DATA_HOME=$_d"
	tui_start 160 24 mfa:II.2.p3
	tui_expect "c: $1: start" "ISCC 2017 (MFA)" || return
	tui_expect "c: $1: said" "was damaged; it was moved to"
	_aside=$(ls "$_d/charta" | grep '^state\.db\.corrupt-' | head -n 1)
	[ -n "$_aside" ] || { fail "c: $1: nothing moved aside: \
$(ls "$_d/charta")"; return; }
	cmp -s "$_d/charta/$_aside" "$tmp/c-$1.orig" ||
	    fail "c: $1: the file moved aside is not the damaged one"
	note "after the $1 file"
	tui_expect "c: $1: a new note" "$PEN after the $1 file"
	tui_keys q
	tui_expect_exit "c: $1: q" 0
	notes_in "$_d" | grep -q "^    after the $1 file$" ||
	    fail "c: $1: the new note was not kept"
	integrity "$_d/charta/state.db" "c: $1"
}
for kind in corrupt truncated png; do
	mkdir -p "$tmp/c-$kind/charta"
	chmod 700 "$tmp/c-$kind/charta"
done
# Garbage where the pages are: a real file, its pages overwritten.
"$STATE_WRITER" note "$tmp/c-corrupt/charta/state.db" 20 x >/dev/null ||
    fail "c: making a state file"
"$DB_EXEC" "$tmp/c-corrupt/charta/state.db" 'PRAGMA wal_checkpoint' \
    >/dev/null
rm -f "$tmp/c-corrupt/charta/state.db-wal" "$tmp/c-corrupt/charta/state.db-shm"
size=$(wc -c <"$tmp/c-corrupt/charta/state.db")
head -c $((size - 100)) /dev/urandom | dd of="$tmp/c-corrupt/charta/state.db" \
    bs=1 seek=100 conv=notrunc 2>/dev/null
# A file cut short: its header promises pages that are not there.
"$STATE_WRITER" -s 20000 note "$tmp/c-truncated/charta/state.db" 10 x \
    >/dev/null || fail "c: making a state file"
"$DB_EXEC" "$tmp/c-truncated/charta/state.db" 'PRAGMA wal_checkpoint' \
    >/dev/null
rm -f "$tmp/c-truncated/charta/state.db-wal" \
    "$tmp/c-truncated/charta/state.db-shm"
head -c 12288 "$tmp/c-truncated/charta/state.db" >"$tmp/cut" &&
    cat "$tmp/cut" >"$tmp/c-truncated/charta/state.db"
# A PNG.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211' \
    >"$tmp/c-png/charta/state.db"
head -c 4000 /dev/urandom >>"$tmp/c-png/charta/state.db"
for kind in corrupt truncated png; do
	chmod 600 "$tmp/c-$kind/charta/state.db"
	damaged "$kind"
done

# ------------------------------------------------ d. ulimit -f
# How many bytes a block of ulimit -f is, in the shell the pane runs.
(cd "$tmp" && sh -c 'ulimit -f 1; head -c 2048 /dev/zero >blk' 2>/dev/null)
block=$(wc -c <"$tmp/blk" 2>/dev/null || echo 512)
rm -f "$tmp/blk"
[ "$block" -gt 0 ] || block=512
# A 192 KB note; a limit 8 KB above it: the file of unsaved changes
# (the note and a little) fits, the state file's journal (the note's
# pages and more) does not.
head -c 147456 /dev/urandom | od -An -tx1 | tr -d ' \n' | fold -w 100 \
    >"$tmp/big" 2>/dev/null
bigsize=$(wc -c <"$tmp/big")
limit=$(((bigsize + 8192) / block))
cat >"$tmp/big-editor" <<EOF
#!/bin/sh
cat "$tmp/big" >"\$1"
EOF
chmod +x "$tmp/big-editor"
mkdir -p "$tmp/d"
tui_env="XDG_DATA_HOME=$tmp/d EDITOR=$tmp/big-editor VISUAL="
tui_start_cmd 100 24 "ulimit -f $limit && \"\$CHARTA\" \"\$@\"; \
echo \"charta exited \$?\"" mfa:II.2.p1
tui_expect "d: start" "$hint" || finish
note "small, before the large one"
tui_expect "d: the small note" "$PEN small, before the large one"
tui_keys A
tui_expect "d: the large note is shown" "note on mfa:II.2.p1 kept"
tui_keys q
tui_expect_exit "d: q" 0
tui_capture_all
rescue=$(ls "$tmp/d/charta" | grep '^state\.db\.unsaved-.*\.txt$' | head -n 1)
if [ -z "$rescue" ]; then
	fail "d: no file of unsaved changes: $(ls "$tmp/d/charta")"
	tui_show
else
	tui_has "could not be saved" "they were written to" "$rescue" ||
	    { fail "d: the end does not name $rescue:"; tui_show; }
	grep -qF "$(head -n 1 "$tmp/big")" "$tmp/d/charta/$rescue" &&
	    grep -qF "$(tail -n 1 "$tmp/big")" "$tmp/d/charta/$rescue" ||
	    fail "d: the large note is not whole in $rescue"
fi
notes_in "$tmp/d" | grep -q '^    small, before the large one$' ||
    fail "d: the note before the large one was lost"
integrity "$tmp/d/charta/state.db" "d"

# ------------------------------------------------- e. XDG_DATA_HOME
# xdg NAME SETTING: charta with XDG_DATA_HOME SETTING ("-" unset) keeps a
# note in ~/.local/share, and makes nothing in the current directory.
xdg() {
	rm -rf "$tmp/home/.local" "$tmp/cwd"
	mkdir -p "$tmp/cwd"
	if [ "$2" = - ]; then
		_set='unset XDG_DATA_HOME'
	else
		_set="XDG_DATA_HOME='$2'; export XDG_DATA_HOME"
	fi
	tui_env=
	tui_start_cmd 100 24 "cd '$tmp/cwd' && $_set && exec \"\$CHARTA\" \"\$@\"" \
	    mfa:II.2.p1
	tui_expect "e: $1: start" "$hint" || return
	note "xdg $1"
	tui_expect "e: $1: the note" "note on mfa:II.2.p1 kept"
	tui_keys q
	tui_expect_exit "e: $1: q" 0
	[ -f "$tmp/home/.local/share/charta/state.db" ] ||
	    fail "e: $1: no ~/.local/share/charta/state.db"
	notes_in "$tmp/home/.local/share" | grep -q "^    xdg $1\$" ||
	    fail "e: $1: the note is not in ~/.local/share"
	[ -z "$(ls -A "$tmp/cwd")" ] ||
	    fail "e: $1: made in the current directory: $(ls -A "$tmp/cwd")"
}
xdg unset -
xdg empty ''
xdg relative 'rel/data'
# A file where the directory should be: no state, said; the reader runs.
: >"$tmp/xdg-file"
tui_env="XDG_DATA_HOME=$tmp/xdg-file"
tui_start 120 24 mfa:II.2.p1
tui_expect "e: a file: start" "ISCC 2017 (MFA)" || finish
tui_expect "e: a file: said" "notes, marks and history will not be kept"
note "not kept"
tui_expect "e: a file: a note is refused" "no state file: notes are not kept"
tui_keys j
tui_expect_ref "e: a file: the reader runs" mfa:II.2.p2
tui_keys q
tui_expect_exit "e: a file: q" 0
[ -s "$tmp/xdg-file" ] && fail "e: a file: it was written to"

# ---------------------------------------------- f. a symbolic link
mkdir -p "$tmp/f/charta" "$tmp/other"
chmod 700 "$tmp/f/charta"
"$DB_EXEC" "$tmp/other/victim.db" 'CREATE TABLE secret(x)' \
    "INSERT INTO secret VALUES ('theirs')" >/dev/null ||
    fail "f: making another's file"
cp "$tmp/other/victim.db" "$tmp/victim.ref"
ln -s "$tmp/other/victim.db" "$tmp/f/charta/state.db"
tui_env="XDG_DATA_HOME=$tmp/f"
tui_start 160 24 mfa:II.2.p1
tui_expect "f: start" "ISCC 2017 (MFA)" || finish
tui_expect "f: said" "is a symbolic link"
note "not kept"
tui_expect "f: a note is refused" "no state file: notes are not kept"
tui_keys q
tui_expect_exit "f: q" 0
cmp -s "$tmp/other/victim.db" "$tmp/victim.ref" ||
    fail "f: the link's target was changed"
[ -L "$tmp/f/charta/state.db" ] || fail "f: the link is gone"
[ "$(ls "$tmp/other")" = victim.db ] ||
    fail "f: files made beside the target: $(ls "$tmp/other")"

# ----------------------------------- g. a hang-up with the editor open
cat >"$tmp/slow-editor" <<EOF
#!/bin/sh
printf 'a draft, written when the line dropped\n' >"\$1"
: >"$tmp/editing"
exec sleep 600
EOF
chmod +x "$tmp/slow-editor"
mkdir -p "$tmp/g"
tui_env="XDG_DATA_HOME=$tmp/g EDITOR=$tmp/slow-editor VISUAL="
tui_start 100 24 mfa:II.2.p1
tui_expect "g: start" "$hint" || finish
pid=$(tui_pid)
tui_keys A
n=0
while [ ! -e "$tmp/editing" ] && [ "$n" -lt $((tui_timeout * 10)) ]; do
	sleep 0.1
	n=$((n + 1))
done
[ -e "$tmp/editing" ] || fail "g: the editor did not start"
kill -HUP "$pid"
tui_expect_exit "g: SIGHUP" 129
cat >"$tmp/editor" <<'EOF'
#!/bin/sh
printf 'the draft, finished\n' >"$1"
EOF
chmod +x "$tmp/editor"
tui_env="XDG_DATA_HOME=$tmp/g EDITOR=$tmp/editor VISUAL="
tui_start 100 24
tui_expect "g: restart" "$hint" || finish
tui_keys :
tui_type notes
tui_keys Enter
tui_expect "g: the draft in :notes" \
    "draft  iscc-2017-mfa:II.2.p1  a draft, written when the line dropped"
tui_keys Enter
tui_expect "g: the draft becomes the note" "note on mfa:II.2.p1 kept"
tui_wait_not "draft  iscc-2017-mfa" ||
    { fail "g: the draft is still listed"; tui_show; }
tui_keys q q
tui_expect_exit "g: q" 0
notes_in "$tmp/g" | grep -q '^    the draft, finished$' ||
    fail "g: the note from the draft: $(notes_in "$tmp/g")"
finish
