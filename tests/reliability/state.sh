#!/bin/sh
# state.sh -- the user-state database ($XDG_DATA_HOME/charta/state.db, the
# filter history), driven by state-writer (the calls the reader makes):
#  a. two writers at once lose nothing, nor four first starts at once;
#  b. a writer killed with SIGKILL at random moments (300 times) leaves a
#     database that passes integrity_check and holds every write it had
#     acknowledged;
#  c. a damaged or foreign state file is moved aside, never deleted (its
#     bytes kept, even when two are damaged in the same second), and a
#     new one works, with a warning; a newer one is left alone;
#  d. an unusable place (XDG_DATA_HOME a file, a read-only directory or
#     file) is a warning and a failed write, not a crash, and the reader
#     still runs;
#  e. a full disk (ulimit -f) makes writes fail with a message, and the
#     database is whole afterwards;
#  f. a relative XDG_DATA_HOME is ignored; directories are made 0700, the
#     file 0600.
#
# STATE_KILL_TRIALS sets the number of kills (300); RELIABILITY_SEED
# replays the delays of an earlier run.
. "${top_srcdir:-.}/tests/reliability/lib.sh"

[ -x "$STATE_WRITER" ] && [ -x "$DB_EXEC" ] ||
    skip "the helpers are not built ($STATE_WRITER, $DB_EXEC)"

kill_trials=${STATE_KILL_TRIALS:-300}
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
"$W" -k shared add a/state.db 250 C >a/C.out 2>a/C.err &
pa=$!
"$W" -k shared add a/state.db 250 D >a/D.out 2>a/D.err &
pb=$!
wait $pa
sa=$?
wait $pb
sb=$?
[ $sa -eq 0 ] && [ $sb -eq 0 ] ||
    fail "two writers, one kind: exit statuses $sa, $sb"
"$W" -k shared list a/state.db >a/shared.list
[ "$(lines a/shared.list)" -eq 500 ] ||
    fail "two writers, one kind: $(lines a/shared.list) entries, not 500"
for w in C D; do
	reversed a/$w.out >a/$w.want
	grep "^$w-" a/shared.list | cmp -s - a/$w.want ||
	    fail "two writers, one kind: $w's entries are not all there"
done
integrity a/state.db "two writers"
acked=$(cat a/A.out a/B.out a/C.out a/D.out | wc -l | tr -d ' ')
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
echo "$test_name: concurrent writers: $acked acknowledged writes," \
    "all found"

# ------------------------------------------------------ b. kill -9 a writer
mkdir b
DB=b/state.db
random_list "$kill_trials" 21 >b/delays
echo "$test_name: $kill_trials kills 0-20 ms after a writer starts," \
    "seed $seed"
k_none=0
k_mid=0
k_done=0
k_inflight=0
k_acked=0
i=0
while read -r delay; do
	i=$((i + 1))
	# Now and then from nothing: the kill may come while it is created.
	if [ $((i % 25)) -eq 1 ]; then
		rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
	fi
	# (A kill may come before the redirections are made.)
	: >b/ack
	: >b/err
	"$W" add "$DB" 400 "K$i" >b/ack 2>b/err &
	pid=$!
	sleep_ms "$delay"
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	st=$?
	what="kill $i (after $delay ms)"
	[ $st -eq 137 ] || [ $st -eq 0 ] ||
	    fail "$what: the writer exited $st: $(head -c 300 b/err)"
	[ -s b/err ] && fail "$what: the writer said: $(head -c 300 b/err)"
	if [ $i -eq 1 ] && [ -e "$DB-wal" ]; then
		for f in "$DB-wal" "$DB-shm"; do
			[ -e "$f" ] && [ "$(stat -c %a "$f")" != 600 ] &&
			    fail "$f has mode $(stat -c %a "$f"), not 600"
		done
	fi
	# Before anything opens it through state_open (which would move a
	# damaged file aside).
	if [ -e "$DB" ]; then
		integrity "$DB" "$what"
	fi
	"$W" list "$DB" 2>b/lerr | grep "^K$i-" >b/found
	[ -s b/lerr ] && fail "$what: opening it said: $(cat b/lerr)"
	n=$(lines b/ack)
	k_acked=$((k_acked + n))
	# What it acknowledged, and perhaps the one write it was killed
	# between committing and saying so.
	reversed b/ack >b/want
	if cmp -s b/found b/want; then
		:
	elif [ "$(lines b/found)" -eq $((n + 1)) ] &&
	    tail -n +2 b/found | cmp -s - b/want &&
	    [ "$(head -n 1 b/found)" = "K$i-$((n + 1))" ]; then
		k_inflight=$((k_inflight + 1))
	else
		fail "$what: $n writes acknowledged, $(lines b/found) found"
	fi
	if [ $st -eq 0 ]; then
		k_done=$((k_done + 1))
	elif [ "$n" -eq 0 ]; then
		k_none=$((k_none + 1))
	else
		k_mid=$((k_mid + 1))
	fi
done <b/delays
ls b | grep -q corrupt && fail "a killed writer's database was moved aside"
echo "$test_name: kills before the first write $k_none, between writes" \
    "$k_mid (in $k_inflight of them a committed write was not yet" \
    "acknowledged: found, as allowed), writer done first $k_done;" \
    "all $k_acked acknowledged writes found"

# ----------------------------------------------------- c. damaged files
mkdir c
# warned NAME FILE: the warning says the file was moved aside.
warned() {
	grep -q 'was damaged; it was moved to .*\.corrupt-' "$2" ||
	    fail "$1: no warning that it was moved aside: $(cat "$2")"
}
# kept NAME REF: one state.db.corrupt-* in c/ holds the bytes of REF.
kept() {
	_k=no
	for f in c/state.db.corrupt-*; do
		[ -f "$f" ] && cmp -s "$f" "$2" && _k=yes
	done
	[ $_k = yes ] || fail "$1: the damaged file's bytes are gone"
}
# A file of garbage, then another one at once (the same second, mostly).
awk 'BEGIN { for (i = 0; i < 8192; i++) printf "%c", 32 + (i * 7919) % 95 }' \
    >c/garbage1
cp c/garbage1 c/state.db
"$W" add c/state.db 3 g >c/out 2>c/err
st=$?
[ $st -eq 0 ] || fail "garbage: exit status $st: $(cat c/err)"
warned garbage c/err
kept garbage c/garbage1
[ "$("$W" list c/state.db | tr '\n' ' ')" = "g-3 g-2 g-1 " ] ||
    fail "garbage: the new database does not hold the new writes"
{ cat c/garbage1; echo second; } >c/garbage2
cp c/garbage2 c/state.db
"$W" add c/state.db 1 h >c/out 2>c/err || fail "garbage again: $(cat c/err)"
warned "garbage again" c/err
kept "garbage again" c/garbage2
kept "garbage again (the first)" c/garbage1
# A state database with garbage over a b-tree page header.
rm -f c/state.db
"$W" -s 200 add c/state.db 100 p >/dev/null || fail "making a state db"
printf '\245\132\377\000\021\376\200\177' |
    dd of=c/state.db bs=1 seek=4096 conv=notrunc 2>/dev/null
cp c/state.db c/damaged
"$W" add c/state.db 1 q >c/out 2>c/err || fail "damaged page: $(cat c/err)"
warned "damaged page" c/err
kept "damaged page" c/damaged
integrity c/state.db "after a damaged page"
# Another application's database.
rm -f c/state.db
"$DB_EXEC" c/state.db 'CREATE TABLE t(x)' 'INSERT INTO t VALUES (42)' \
    'PRAGMA application_id=1234' || fail "making a foreign db"
cp c/state.db c/foreign
"$W" add c/state.db 1 r >c/out 2>c/err || fail "foreign: $(cat c/err)"
warned foreign c/err
kept foreign c/foreign
echo "$test_name: a damaged state file said:" "$(cat c/err)"
# A newer charta's: read, not written to, not touched.
rm -f c/state.db
"$W" add c/state.db 2 n >/dev/null || fail "making a state db"
"$DB_EXEC" c/state.db 'PRAGMA user_version=2' || fail "user_version"
cp c/state.db c/newer
"$W" add c/state.db 1 s >c/out 2>c/err
st=$?
[ $st -eq 0 ] || fail "newer: exit status $st: $(cat c/err)"
grep -q 'newer charta: its history is read' c/err ||
    fail "newer: warning: $(cat c/err)"
[ "$(cat c/out)" = "not kept: s-1" ] || fail "newer: add said $(cat c/out)"
cmp -s c/state.db c/newer || fail "newer: the file was changed"
"$W" list c/state.db >c/out 2>c/err || fail "newer: list: $(cat c/err)"
[ "$(cat c/out | tr '\n' ' ')" = "n-2 n-1 " ] ||
    fail "newer: history read: $(cat c/out)"
cmp -s c/state.db c/newer || fail "newer: list changed the file"
n=$(ls c | grep -c 'corrupt-')
[ "$n" -eq 4 ] || fail "$n files moved aside, expected 4: $(ls c)"

# --------------------------------------------------- d. unusable places
mkdir d
: >d/afile
XDG_DATA_HOME=$tmp/d/afile "$W" add - 2 x >d/out 2>d/err
st=$?
[ $st -eq 3 ] || fail "XDG_DATA_HOME a file: exit status $st: $(cat d/err)"
grep -q 'cannot create its directory (Not a directory); history will not' \
    d/err || fail "XDG_DATA_HOME a file: warning: $(cat d/err)"
[ -s d/afile ] && fail "XDG_DATA_HOME a file: the file was written"
# The reader runs on, the warning in its status line.
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null </dev/null >/dev/null 2>&1 &&
    { [ -e /usr/share/terminfo/x/xterm ] || [ -e /lib/terminfo/x/xterm ] ||
    [ -e /etc/terminfo/x/xterm ]; }; then
	R_ERR=$tmp/d/reader.err
	export R_ERR CHARTA
	printf q | XDG_DATA_HOME=$tmp/d/afile COLUMNS=200 LINES=30 \
	    SHELL=/bin/sh timeout -k 2 10 script -qec \
	    'TERM=xterm "$CHARTA" 2>"$R_ERR"' /dev/null >d/pty 2>&1
	st=$?
	[ $st -eq 0 ] && [ ! -s "$R_ERR" ] ||
	    fail "the reader without state: exit status $st: $(cat "$R_ERR")"
	grep -a -q 'history will not be kept' d/pty ||
	    fail "the reader did not show the warning"
else
	echo "$test_name: no script(1) or xterm terminfo: reader not tried" >&2
fi
if [ $have_user = yes ]; then
	# As a user file modes apply to.  No database yet, directory 0500:
	mkdir -p d/u/charta
	chown -R 65534:65534 d/u 2>/dev/null
	chmod 0500 d/u/charta
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" add - 2 x >d/out 2>d/err
	st=$?
	[ $st -eq 3 ] || fail "read-only directory: exit status $st"
	grep -q 'history will not be kept' d/err ||
	    fail "read-only directory: warning: $(cat d/err)"
	# A database in a directory made read-only since:
	chmod 0700 d/u/charta
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" add - 5 y >/dev/null 2>d/err ||
	    fail "making a state db: $(cat d/err)"
	cp d/u/charta/state.db d/ref
	chmod 0500 d/u/charta
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" add - 2 z >d/out 2>d/err
	st=$?
	[ $st -eq 3 ] || [ $st -eq 1 ] ||
	    fail "read-only directory with a db: exit status $st"
	grep -q -e 'history will not be kept' -e 'cannot save the history' \
	    d/err || fail "read-only directory with a db: $(cat d/err)"
	[ "$(lines d/err)" -le 2 ] ||
	    fail "read-only directory with a db: $(lines d/err) messages"
	grep -q 'newer charta' d/err &&
	    fail "read-only directory with a db: $(cat d/err)"
	cmp -s d/u/charta/state.db d/ref ||
	    fail "read-only directory with a db: the file changed"
	# A read-only file in a writable directory:
	chmod 0700 d/u/charta
	chmod 0400 d/u/charta/state.db
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" add - 2 z >d/out 2>d/err
	st=$?
	[ $st -eq 3 ] || [ $st -eq 1 ] ||
	    fail "read-only file: exit status $st"
	grep -q -e 'history will not be kept' -e 'cannot save the history' \
	    d/err || fail "read-only file: $(cat d/err)"
	grep -q 'newer charta' d/err && fail "read-only file: $(cat d/err)"
	cmp -s d/u/charta/state.db d/ref || fail "read-only file: it changed"
	chmod 0600 d/u/charta/state.db
	integrity d/u/charta/state.db "read-only file"
else
	echo "$test_name: no unprivileged user: read-only places not tried" >&2
fi

# ------------------------------------------------------ e. a full disk
mkdir e
"$W" add e/state.db 5 pre >/dev/null || fail "making a state db"
# Over the limit write() fails with EFBIG (SIGXFSZ ignored), as on a
# full disk with ENOSPC.
sh -c 'ulimit -f 256 && trap "" XFSZ && exec "$0" -c -s 3000 add \
    e/state.db 300 full' "$W" >e/ack 2>e/err
st=$?
[ $st -eq 1 ] || fail "full disk: exit status $st (1 expected)"
nfail=$(grep -c 'cannot save the history' e/err)
[ "$nfail" -gt 0 ] || fail "full disk: no write failed"
[ "$(grep -v -c 'cannot save the history' e/err)" -eq 0 ] ||
    fail "full disk: other messages: $(grep -v 'cannot save' e/err | head -3)"
integrity e/state.db "full disk"
"$W" list e/state.db >e/list 2>e/lerr
[ -s e/lerr ] && fail "full disk: opening it again: $(cat e/lerr)"
reversed e/ack >e/want
grep '^full-' e/list | cmp -s - e/want ||
    fail "full disk: the history is not what was acknowledged"
[ "$(grep -c '^pre-' e/list)" -eq 5 ] || fail "full disk: older entries lost"
echo "$test_name: full disk: $(lines e/ack) writes acknowledged," \
    "$nfail refused with a message, e.g.: $(head -n 1 e/err)"
"$W" add e/state.db 1 after >/dev/null 2>e/err ||
    fail "full disk: no write after: $(cat e/err)"

# ---------------------------------------- f. where it is, and its modes
mkdir f f/cwd
cd f/cwd || exit 99
for rel in rel/data '' .; do
	HOME=$tmp/f/home XDG_DATA_HOME=$rel "$W" path >../path
	[ "$(cat ../path)" = "$tmp/f/home/.local/share/charta/state.db" ] ||
	    fail "XDG_DATA_HOME='$rel': the path is $(cat ../path)"
done
HOME=$tmp/f/home XDG_DATA_HOME=rel/data "$W" add - 1 x >/dev/null 2>../err ||
    fail "relative XDG_DATA_HOME: $(cat ../err)"
[ -e rel ] && fail "relative XDG_DATA_HOME: rel/ was made"
[ -f "$tmp/f/home/.local/share/charta/state.db" ] ||
    fail "relative XDG_DATA_HOME: no state.db under HOME"
cd "$tmp" || exit 99
HOME=$tmp/f/home2 XDG_DATA_HOME=$tmp/f/xdg "$W" path >f/path
[ "$(cat f/path)" = "$tmp/f/xdg/charta/state.db" ] ||
    fail "absolute XDG_DATA_HOME: the path is $(cat f/path)"
# Modes, whatever the umask.
for mask in 022 000; do
	rm -rf f/xdg
	(umask $mask && XDG_DATA_HOME=$tmp/f/xdg/a/b "$W" add - 1 x \
	    >/dev/null) || fail "umask $mask: the write failed"
	for d in f/xdg f/xdg/a f/xdg/a/b f/xdg/a/b/charta; do
		m=$(stat -c %a "$d")
		[ "$m" = 700 ] || fail "umask $mask: $d has mode $m, not 700"
	done
	m=$(stat -c %a f/xdg/a/b/charta/state.db)
	[ "$m" = 600 ] || fail "umask $mask: state.db has mode $m, not 600"
done
for d in .local .local/share .local/share/charta; do
	m=$(stat -c %a "f/home/$d")
	[ "$m" = 700 ] || fail "$d has mode $m, not 700"
done
m=$(stat -c %a f/home/.local/share/charta/state.db)
[ "$m" = 600 ] || fail "state.db under HOME has mode $m, not 600"
finish
