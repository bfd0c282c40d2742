#!/bin/sh
# state.sh -- the user-state database ($XDG_DATA_HOME/charta/state.db),
# driven by state-writer (the calls the reader makes), each change
# acknowledged only once committed:
#  a. two writers at once lose nothing (history entries, notes and marks),
#     nor four first starts at once on a new file;
#  b. a damaged, truncated or foreign state file (garbage, a PNG, another
#     program's SQLite file, a page overwritten) is moved aside with its
#     -wal and -shm, never deleted, named in the message, and a new one
#     works; a newer charta's file is read and left alone;
#  c. a full disk (ulimit -f) while history entries or a large note are
#     written: the change is not saved, with a message, stays pending in
#     memory, and the database is whole afterwards.
# The places state.db may or may not be (symbolic links, modes, HOME) are
# tests/reliability/state-places.sh; kill -9 is state-kill.sh; a third
# process holding the file locked is state-lock.sh.
. "${top_srcdir:-.}/tests/reliability/lib.sh"

[ -x "$STATE_WRITER" ] && [ -x "$DB_EXEC" ] ||
    skip "the helpers are not built ($STATE_WRITER, $DB_EXEC)"

W=$STATE_WRITER
cd "$tmp" || exit 99

# integrity DB NAME: PRAGMA integrity_check says ok.  (Without fsync when
# it closes: a checkpoint need not survive a power cut here.)
integrity() {
	"$DB_EXEC" "$1" 'PRAGMA synchronous=OFF' 'PRAGMA integrity_check' \
	    >"$tmp/ic" 2>&1
	[ "$(cat "$tmp/ic")" = ok ] ||
	    fail "$2: integrity_check: $(head -c 300 "$tmp/ic")"
}

# reversed FILE: its lines, last first (the history's order).
reversed() {
	awk '{ l[NR] = $0 } END { for (i = NR; i > 0; i--) print l[i] }' "$1"
}

# two NAME CMD ARGS...: run CMD ARGS A and CMD ARGS B at once, in a/.
two() {
	_n=$1
	shift
	"$W" "$@" A >a/A.out 2>a/A.err &
	_pa=$!
	"$W" "$@" B >a/B.out 2>a/B.err &
	_pb=$!
	wait $_pa
	_sa=$?
	wait $_pb
	_sb=$?
	[ $_sa -eq 0 ] && [ $_sb -eq 0 ] ||
	    fail "$_n: exit statuses $_sa, $_sb: $(cat a/A.err a/B.err)"
	[ -s a/A.err ] || [ -s a/B.err ] &&
	    fail "$_n: messages: $(head -c 300 a/A.err a/B.err)"
}

# ------------------------------------------------- a. two writers at once
mkdir a
# A new database (both create it), then one that exists; two kinds of
# 500, then one kind of 2 x 250 (the history keeps 500 per kind).
"$W" -k filter add a/state.db 500 A >a/A.out 2>a/A.err &
pa=$!
"$W" -k other add a/state.db 500 B >a/B.out 2>a/B.err &
pb=$!
wait $pa
sa=$?
wait $pb
sb=$?
[ $sa -eq 0 ] && [ $sb -eq 0 ] ||
    fail "two writers: exit statuses $sa, $sb: $(cat a/A.err a/B.err)"
[ -s a/A.err ] || [ -s a/B.err ] &&
    fail "two writers: messages: $(head -c 300 a/A.err a/B.err)"
"$W" -k filter list a/state.db >a/filter.list
"$W" -k other list a/state.db >a/other.list
reversed a/A.out | cmp -s - a/filter.list ||
    fail "two writers: writer A's 500 entries are not all there, in order"
reversed a/B.out | cmp -s - a/other.list ||
    fail "two writers: writer B's 500 entries are not all there, in order"
acked=$(cat a/A.out a/B.out | wc -l | tr -d ' ')
two "two writers, one kind" -k shared add a/state.db 250
"$W" -k shared list a/state.db >a/shared.list
[ "$(lines a/shared.list)" -eq 500 ] ||
    fail "two writers, one kind: $(lines a/shared.list) entries, not 500"
for w in A B; do
	reversed a/$w.out >a/$w.want
	grep "^$w-" a/shared.list | cmp -s - a/$w.want ||
	    fail "two writers, one kind: $w's entries are not all there"
done
acked=$((acked + $(cat a/A.out a/B.out | wc -l)))
# Notes and marks, each acknowledged once committed.
two "two writers of notes and marks" mixed a/state.db 200
"$W" notes a/state.db | sort >a/notes
"$W" marks a/state.db | sort >a/marks
sed -n 's/^note //p' a/A.out a/B.out | sort >a/notes.want
sed -n 's/^mark //p' a/A.out a/B.out | sort >a/marks.want
[ "$(lines a/notes.want)" -eq 400 ] && [ "$(lines a/marks.want)" -eq 400 ] ||
    fail "two writers of notes and marks: not all acknowledged"
cmp -s a/notes a/notes.want ||
    fail "two writers: $(lines a/notes) notes found, 400 acknowledged"
cmp -s a/marks a/marks.want ||
    fail "two writers: $(lines a/marks) marks found, 400 acknowledged"
integrity a/state.db "two writers"
acked=$((acked + $(cat a/A.out a/B.out | wc -l)))
# Four first starts at once, 60 times: each makes the new file WAL.
r=0
while [ $r -lt 60 ]; do
	r=$((r + 1))
	rm -f a/new.db a/new.db-wal a/new.db-shm
	for w in E F G H; do
		"$W" add a/new.db 1 $w >a/$w.out 2>a/$w.err &
	done
	wait
	cat a/E.err a/F.err a/G.err a/H.err >a/err
	[ -s a/err ] && fail "four first starts ($r): $(head -n 1 a/err)"
	[ "$("$W" list a/new.db | sort | tr '\n' ' ')" = \
	    "E-1 F-1 G-1 H-1 " ] || fail "four first starts ($r): entries lost"
	acked=$((acked + $(cat a/E.out a/F.out a/G.out a/H.out | wc -l)))
done
echo "$test_name: concurrent writers: $acked acknowledged changes," \
    "all found"

# ----------------------------------------------------- b. damaged files
mkdir b
# moved NAME REF [WAL]: the warning names the file moved aside, which
# holds the bytes of REF (and its -wal those of WAL), and a new state
# works.
moved() {
	grep -q 'was damaged; it was moved to .*\.corrupt-' b/err ||
	    fail "$1: no warning that it was moved aside: $(cat b/err)"
	_aside=$(sed -n 's/.*it was moved to \(.*\) and a new one.*/\1/p' b/err)
	[ -f "$_aside" ] && cmp -s "$_aside" "$2" ||
	    fail "$1: '$_aside', named in the message, does not hold its bytes"
	if [ -n "${3:-}" ]; then
		cmp -s "$_aside-wal" "$3" ||
		    fail "$1: its -wal was not moved with it"
		[ -e b/state.db-wal ] && cmp -s b/state.db-wal "$3" &&
		    fail "$1: the old -wal is still beside the new file"
	fi
	[ "$("$W" list b/state.db | tr '\n' ' ')" = "g-1 " ] ||
	    fail "$1: the new database does not hold the new entry"
}
# damage NAME REF: REF as the state file, then a writer opens it.
damage() {
	rm -f b/state.db b/state.db-wal b/state.db-shm
	cp "$2" b/state.db
	"$W" add b/state.db 1 g >b/out 2>b/err ||
	    fail "$1: exit status $?: $(cat b/err)"
	moved "$1" "$2"
}
awk 'BEGIN { for (i = 0; i < 8192; i++) printf "%c", 32 + (i * 7919) % 95 }' \
    >b/garbage1
damage garbage b/garbage1
# Another one at once (the same second, mostly): not over the first.
{ cat b/garbage1; echo second; } >b/garbage2
damage "garbage again" b/garbage2
n=$(ls b | grep -c '^state\.db\.corrupt-')
[ "$n" -eq 2 ] || fail "two damaged files: $n kept, not 2"
# A PNG image.
{ printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000'
  head -c 4000 b/garbage1; } >b/png
damage "a PNG image" b/png
# Another program's SQLite file, with an id, and without.
"$DB_EXEC" b/foreign 'CREATE TABLE t(x)' 'INSERT INTO t VALUES (42)' \
    'PRAGMA application_id=1234' || fail "making a foreign db"
damage "a foreign database" b/foreign
"$DB_EXEC" b/foreign0 'CREATE TABLE moz_places(url)' \
    'INSERT INTO moz_places VALUES (1)' || fail "making a foreign db"
damage "a foreign database without an id" b/foreign0
# A state database with garbage over a b-tree page header.
rm -f b/state.db
"$W" -s 200 add b/state.db 100 p >/dev/null || fail "making a state db"
cp b/state.db b/whole
printf '\245\132\377\000\021\376\200\177' |
    dd of=b/state.db bs=1 seek=4096 conv=notrunc 2>/dev/null
cp b/state.db b/page
damage "a damaged page" b/page
integrity b/state.db "after a damaged page"
# Truncated, at several points.
for size in 50 100 1000 4096 5000 12288 40000; do
	head -c "$size" b/whole >b/trunc-$size
	damage "truncated to $size bytes" b/trunc-$size
done
# Garbage with a stale -wal and -shm beside it: they go with it.
cp b/garbage1 b/state.db
head -c 4120 b/garbage2 >b/state.db-wal
head -c 32768 b/garbage1 >b/state.db-shm
cp b/state.db-wal b/wal
"$W" add b/state.db 1 g >b/out 2>b/err || fail "with a -wal: $(cat b/err)"
moved "garbage with a -wal" b/garbage1 b/wal
echo "$test_name: a damaged state file said:" "$(cat b/err)"
# A newer charta's: read, not written to, not touched.
rm -f b/state.db
"$W" add b/state.db 2 n >/dev/null || fail "making a state db"
"$DB_EXEC" b/state.db 'PRAGMA user_version=3' || fail "user_version"
cp b/state.db b/newer
"$W" add b/state.db 1 s >b/out 2>b/err
st=$?
[ $st -eq 0 ] || fail "newer: exit status $st: $(cat b/err)"
grep -q 'written by a newer charta: it is read' b/err ||
    fail "newer: warning: $(cat b/err)"
[ "$(cat b/out)" = "not kept: s-1" ] || fail "newer: add said $(cat b/out)"
cmp -s b/state.db b/newer || fail "newer: the file was changed"
"$W" list b/state.db >b/out 2>b/err || fail "newer: list: $(cat b/err)"
[ "$(cat b/out | tr '\n' ' ')" = "n-2 n-1 " ] ||
    fail "newer: history read: $(cat b/out)"
cmp -s b/state.db b/newer || fail "newer: list changed the file"
n=$(ls b | grep -c '^state\.db\.corrupt-[0-9-]*$')
[ "$n" -eq 14 ] || fail "$n files moved aside, expected 14: $(ls b)"

# ------------------------------------------------------ c. a full disk
mkdir c
"$W" add c/state.db 5 pre >/dev/null || fail "making a state db"
"$W" note c/state.db 3 keep >/dev/null || fail "making a state db"
# Over the limit write() fails with EFBIG (SIGXFSZ ignored), as on a
# full disk with ENOSPC.  A change not saved stops the writer, which is
# told why; closing puts it in a file beside (when that fits).
sh -c 'ulimit -f 256 && trap "" XFSZ && exec "$0" -w 300 -s 3000 add \
    c/state.db 300 full' "$W" >c/ack 2>c/err
st=$?
[ $st -eq 1 ] || fail "full disk: exit status $st (1 expected)"
grep -q 'change could not be saved' c/err || fail "full disk: no message"
integrity c/state.db "full disk"
"$W" list c/state.db >c/list 2>c/lerr
[ -s c/lerr ] && fail "full disk: opening it again: $(cat c/lerr)"
# Each entry acknowledged is there; the one that was not may have landed
# later (it stayed pending), nothing else.
reversed c/ack >c/want
n=$(lines c/ack)
grep '^full-' c/list >c/found
{ cmp -s c/found c/want ||
    { [ "$(head -n 1 c/found)" = "full-$((n + 1))" ] &&
    tail -n +2 c/found | cmp -s - c/want; }; } ||
    fail "full disk: the history is not what was acknowledged"
[ "$(grep -c '^pre-' c/list)" -eq 5 ] || fail "full disk: older entries lost"
echo "$test_name: full disk: $n history entries acknowledged, then:" \
    "$(head -n 1 c/err)"
# A large note.
sh -c 'ulimit -f 512 && trap "" XFSZ && exec "$0" -w 300 -s 900000 note \
    c/state.db 1 big' "$W" >c/ack 2>c/err
st=$?
[ $st -eq 1 ] || fail "a large note on a full disk: exit status $st"
[ -s c/ack ] && fail "a large note on a full disk was acknowledged"
grep -q '1 change could not be saved (.*cannot save: ' c/err ||
    fail "a large note on a full disk: message: $(head -c 300 c/err)"
grep -q 'could not be written to a file either: .*File too large' c/err ||
    fail "a large note on a full disk: the rescue file: $(cat c/err)"
integrity c/state.db "a large note on a full disk"
[ "$("$W" notes c/state.db | tr '\n' ' ')" = "keep-1 keep-2 keep-3 " ] ||
    fail "a large note on a full disk: the notes are not what they were"
echo "$test_name: a large note on a full disk:" "$(head -n 1 c/err)"
"$W" -s 900000 note c/state.db 1 after >/dev/null 2>c/err ||
    fail "full disk: no write after: $(cat c/err)"
integrity c/state.db "after the full disk"
finish
