#!/bin/sh
# bad-db.sh -- charta given a corpus database it cannot use: a missing
# file, an empty one, a directory, a FIFO, /dev/zero, a text file, another
# application's SQLite file, a newer schema, truncated copies, copies with
# garbage over their page headers, a known column changed or a known table
# gone, a name with a newline and an escape sequence in it.
# `charta list`, `show mfa`, `search x` and the reader (in a pty, through
# script(1)) must each refuse it within 5 seconds with exit status 2 and
# exactly one line on standard error that starts "charta: " and names the
# file -- never hang, crash or dump core.  A corpus in WAL mode where its
# -shm cannot be made opens immutable if it cannot change (and says so), or
# is refused saying what to do.  An extra table, trigger, view,
# index or column (a newer charta may add them) is ignored: such a copy
# opens as the shipped corpus does.  A read-only copy, and a copy in a
# read-only directory, must open as usual: charta only reads.  Garbage in
# the middle of pages may be refused or may only change some text (SQLite
# has no checksums); either way nothing crashes and what is shown is still
# sanitized.
. "${top_srcdir:-.}/tests/reliability/lib.sh"
: "${CHARTA_DB:?CHARTA_DB is not set; run this through make check}"

[ -x "$DB_EXEC" ] || skip "$DB_EXEC is not built"

# script(1) from util-linux gives the reader a terminal.
have_script=no
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	have_script=yes
else
	echo "$test_name: no script(1) -e -c: the reader is not tried" >&2
fi
# A terminal type for the good databases (the reader must start).
have_term=no
for _d in /usr/share/terminfo /lib/terminfo /etc/terminfo; do
	[ -e "$_d/x/xterm" ] && have_term=yes
done
SHELL=/bin/sh
export SHELL

mkdir "$tmp/cwd" "$tmp/db" "$tmp/u"
chmod 0777 "$tmp/u"
cd "$tmp/cwd" || exit 99
ntried=0

# run NAME CMD...: run charta with a 5 s limit; status in $st, output in
# $tmp/out and $tmp/err.
run() {
	_name=$1
	shift
	timeout -k 2 5 "$CHARTA" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	if [ $st -eq 124 ] || [ $st -eq 137 ]; then
		fail "$_name: charta $*: still running after 5 s"
	fi
}

# reader DB: the reader in a pty, "q" typed; status in $st, stderr in
# $tmp/err.
reader() {
	R_DB=$1
	R_ERR=$tmp/err
	export R_DB R_ERR CHARTA
	printf q | timeout -k 2 5 script -qec \
	    'TERM=xterm "$CHARTA" --db "$R_DB" 2>"$R_ERR"' /dev/null \
	    >"$tmp/pty" 2>&1
	st=$?
	if [ $st -eq 124 ] || [ $st -eq 137 ]; then
		fail "the reader on $R_DB: still running after 5 s"
	fi
}

# refused NAME SHOWN WANT: the last run exited 2 with one line on stderr,
# "charta: ", naming the file as SHOWN, with WANT in it.
refused() {
	if [ $st -ne 2 ]; then
		fail "$1: exit status $st, expected 2: $(head -c 300 "$tmp/err")"
		return
	fi
	[ -s "$tmp/out" ] && fail "$1: wrote to standard output"
	[ "$(lines "$tmp/err")" -eq 1 ] ||
	    fail "$1: $(lines "$tmp/err") lines on stderr: $(head -c 300 "$tmp/err")"
	head -n 1 "$tmp/err" | grep -q '^charta: ' ||
	    fail "$1: message does not start 'charta: ': $(cat "$tmp/err")"
	grep -q -F -e "$2" "$tmp/err" ||
	    fail "$1: message does not name '$2': $(cat "$tmp/err")"
	[ -z "$3" ] || grep -q -F -e "$3" "$tmp/err" ||
	    fail "$1: message lacks '$3': $(cat "$tmp/err")"
	if tr -d '\n' <"$tmp/err" | LC_ALL=C grep -q '[[:cntrl:]]'; then
		fail "$1: control characters on stderr"
	fi
}

# bad NAME PATH WANT [SHOWN]: every way in refuses PATH.
bad() {
	_n=$1
	_p=$2
	_w=$3
	_s=${4:-$2}
	ntried=$((ntried + 1))
	run "$_n" --db "$_p" list
	refused "$_n: list" "$_s" "$_w"
	run "$_n" --db "$_p" show mfa
	refused "$_n: show mfa" "$_s" "$_w"
	run "$_n" --db "$_p" search x
	refused "$_n: search x" "$_s" "$_w"
	if [ $have_script = yes ]; then
		: >"$tmp/out"
		reader "$_p"
		refused "$_n: the reader" "$_s" "$_w"
	fi
	for _f in "$tmp"/cwd/core*; do
		[ -e "$_f" ] && fail "$_n: a core file"
	done
}

# good NAME PATH [RUNNER]: PATH opens as the shipped corpus does.
good() {
	_n=$1
	_p=$2
	shift 2
	"$@" timeout -k 2 5 "$CHARTA" --db "$_p" list >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ $st -eq 0 ] && [ ! -s "$tmp/err" ] ||
	    fail "$_n: list: exit status $st: $(cat "$tmp/err")"
	cmp -s "$tmp/out" "$tmp/list.ref" || fail "$_n: list differs"
	"$@" timeout -k 2 5 "$CHARTA" --db "$_p" show mfa >"$tmp/out" \
	    2>"$tmp/err"
	st=$?
	[ $st -eq 0 ] && cmp -s "$tmp/out" "$tmp/show.ref" ||
	    fail "$_n: show mfa: exit status $st: $(cat "$tmp/err")"
	if [ $have_script = yes ] && [ $have_term = yes ]; then
		# The pty's shell may be nobody: its stderr goes to $tmp/u.
		R_DB=$_p
		R_ERR=$tmp/u/err
		export R_DB R_ERR CHARTA
		rm -f "$R_ERR"
		printf q | "$@" timeout -k 2 10 script -qec \
		    'TERM=xterm "$CHARTA" --db "$R_DB" 2>"$R_ERR"' /dev/null \
		    >"$tmp/pty" 2>&1
		st=$?
		[ $st -eq 0 ] && [ -e "$R_ERR" ] && [ ! -s "$R_ERR" ] ||
		    fail "$_n: the reader: exit status $st: $(cat "$R_ERR")"
	fi
}

"$CHARTA" --db "$CHARTA_DB" list >"$tmp/list.ref" || fail "shipped list"
"$CHARTA" --db "$CHARTA_DB" show mfa >"$tmp/show.ref" || fail "shipped show"
cp "$CHARTA_DB" "$tmp/shipped.db"
size=$(wc -c <"$tmp/shipped.db" | tr -d ' ')
page=4096
npages=$((size / page))
[ $((npages * page)) -eq "$size" ] || fail "the shipped DB is not whole pages"

# ------------------------------------------------------- not a database
D=$tmp/db
bad missing "$D/missing.db" 'No such file or directory'
: >"$D/empty.db"
bad empty "$D/empty.db" 'empty file'
mkdir "$D/dir.db"
bad directory "$D/dir.db" 'not a regular file'
if mkfifo "$D/fifo.db" 2>/dev/null; then
	bad fifo "$D/fifo.db" 'not a regular file'
	ln -s fifo.db "$D/fifo-link.db"
	bad fifo-symlink "$D/fifo-link.db" 'not a regular file'
else
	echo "$test_name: no FIFO here: not tried" >&2
fi
[ -c /dev/zero ] && bad /dev/zero /dev/zero 'not a regular file'
[ -c /dev/null ] && bad /dev/null /dev/null 'not a regular file'
ln -s nowhere.db "$D/dangling.db"
bad dangling-symlink "$D/dangling.db" 'No such file or directory'
printf 'This is not a database.\nIt has two lines.\n' >"$D/text.db"
bad text "$D/text.db" 'not a charta database'
head -c 65536 /dev/zero >"$D/zeros.db"
bad zeros "$D/zeros.db" 'not a charta database'
# A name with a newline and an escape sequence is one line, shown.
nl_name=$(printf 'new\nline\033[2J.db')
bad newline-name "$D/$nl_name" 'No such file' 'new^Jline^[[2J.db'

# --------------------------------------------- SQLite, but not charta's
"$DB_EXEC" "$D/plain.db" 'CREATE TABLE t(x)' || fail "making plain.db"
bad plain-sqlite "$D/plain.db" 'not a charta database'
"$DB_EXEC" "$D/foreign.db" 'CREATE TABLE t(x)' \
    'PRAGMA application_id=1234' || fail "making foreign.db"
bad foreign-application-id "$D/foreign.db" 'not a charta database'
# a copy of the corpus with its header changed, or its schema added to
mod() {
	cp "$tmp/shipped.db" "$D/$1.db"
	_f=$1
	shift
	"$DB_EXEC" "$D/$_f.db" "$@" >/dev/null || fail "making $_f.db"
}
mod foreign-copy 'PRAGMA application_id=1234'
bad foreign-copy "$D/foreign-copy.db" 'not a charta database'
mod newer 'PRAGMA user_version=3'
bad newer-schema "$D/newer.db" 'created by a newer charta'
mod version0 'PRAGMA user_version=0'
bad unknown-schema "$D/version0.db" 'not a charta database'
mod no-links 'DROP TABLE link'
bad missing-table "$D/no-links.db" "not a charta database (no table 'link')"
mod link-view 'DROP TABLE link' \
    "CREATE VIEW link AS SELECT 1 AS id, 'a' AS a, 'b' AS b, 'r' AS relation, '' AS note"
bad link-view "$D/link-view.db" "not a charta database (no table 'link')"
mod changed-column 'ALTER TABLE node RENAME COLUMN body TO text'
bad changed-column "$D/changed-column.db" \
    'unsupported document schema (column node.body is missing or changed)'

# ------------------------------------------------------------ truncated
for n in 1 50 99 100 101 1024 4095 4096 4097 8192 $((size / 2)) \
    $((size - page - 1)) $((size - page)) $((size - 1)); do
	head -c "$n" "$tmp/shipped.db" >"$D/trunc-$n.db"
	bad "truncated to $n bytes" "$D/trunc-$n.db" ''
done

# ------------------------------------------- garbage over page headers
# Eight bytes over the b-tree page header of every page (page 1's is at
# byte 100), and over the next eight: always refused.
garbage() {
	cp "$tmp/shipped.db" "$2"
	printf '\245\132\377\000\021\376\200\177\001\310\044\333\100\377\377\033' |
	    dd of="$2" bs=1 seek="$1" conv=notrunc 2>/dev/null ||
	    fail "dd at $1"
}
p=0
while [ $p -lt $npages ]; do
	for off in 0 8; do
		o=$((p * page + off))
		[ $p -eq 0 ] && o=$((100 + off))
		garbage $o "$D/garbage.db"
		ntried=$((ntried + 1))
		run "garbage at $o" --db "$D/garbage.db" list
		refused "garbage at byte $o (page $((p + 1)) header): list" \
		    "$D/garbage.db" ''
	done
	p=$((p + 1))
done

# -------------------------------------- garbage in the middle of pages
# May be refused, may land in free space, may change some text; never a
# crash, a hang, or a raw control character on the output.
slugs=$(awk '{ print $1 }' "$tmp/list.ref")
for s in $slugs; do
	"$CHARTA" --db "$tmp/shipped.db" show "$s"
done >"$tmp/all.ref"
mid_refused=0
mid_same=0
mid_changed=0
p=0
while [ $p -lt $npages ]; do
	# Mid-page on even pages, near the end (cell contents) on odd ones.
	o=$((p * page + (p % 2 == 0 ? 2048 : 4000)))
	p=$((p + 1))
	garbage $o "$D/mid.db"
	ntried=$((ntried + 1))
	run "garbage at $o" --db "$D/mid.db" list
	if [ $st -eq 2 ]; then
		refused "garbage at byte $o: list" "$D/mid.db" ''
		mid_refused=$((mid_refused + 1))
		continue
	fi
	if [ $st -ne 0 ]; then
		fail "garbage at byte $o: list: exit status $st"
		continue
	fi
	: >"$tmp/all.out"
	for s in $slugs; do
		run "garbage at $o" --db "$D/mid.db" show "$s"
		[ $st -eq 0 ] ||
		    fail "garbage at byte $o: show $s: exit status $st"
		cat "$tmp/out" >>"$tmp/all.out"
	done
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" \
	    "$tmp/all.out"; then
		fail "garbage at byte $o: a raw control character shown"
	fi
	if cmp -s "$tmp/all.out" "$tmp/all.ref"; then
		mid_same=$((mid_same + 1))
	else
		mid_changed=$((mid_changed + 1))
	fi
done
echo "$test_name: garbage in mid-page ($npages places):" \
    "$mid_refused refused, $mid_same unchanged (free space)," \
    "$mid_changed loaded with some text changed"

# -------------------- what a newer charta may add is ignored, and read
mod extra-table 'CREATE TABLE extra(x)'
mod trigger 'CREATE TRIGGER tr AFTER INSERT ON link BEGIN SELECT 1; END'
mod view 'CREATE VIEW v AS SELECT 1'
mod index 'CREATE INDEX ix ON node(label)'
mod extra-column 'ALTER TABLE document ADD COLUMN isbn TEXT'
for x in extra-table trigger view index extra-column; do
	ntried=$((ntried + 1))
	good "$x" "$D/$x.db"
done

# ----------------------------------------------- read-only, still read
cp "$tmp/shipped.db" "$D/readonly.db"
chmod 0444 "$D/readonly.db"
mkdir "$tmp/rodir"
cp "$tmp/shipped.db" "$tmp/rodir/corpus.db"
chmod 0555 "$tmp/rodir"
ntried=$((ntried + 2))
good read-only-file "$D/readonly.db"
good read-only-dir "$tmp/rodir/corpus.db"
if [ $have_user = yes ]; then
	# As a user the modes apply to (root ignores them).
	chmod 0755 "$tmp/db"
	good "read-only file (unprivileged)" "$D/readonly.db" as_user
	good "read-only directory (unprivileged)" "$tmp/rodir/corpus.db" \
	    as_user
	ls -a "$tmp/rodir" | grep -q -e '-journal$' -e '-wal$' -e '-shm$' &&
	    fail "a file was made beside a read-only corpus"
	# WAL mode where the -shm cannot be made: a file nobody may write
	# cannot change, and opens immutable, saying so; a file its owner
	# may still write is refused with what to do.
	mkdir "$tmp/walro" "$tmp/walrw"
	cp "$tmp/shipped.db" "$tmp/walro/corpus.db"
	cp "$tmp/shipped.db" "$tmp/walrw/corpus.db"
	"$DB_EXEC" "$tmp/walro/corpus.db" 'PRAGMA journal_mode=WAL' >/dev/null &&
	"$DB_EXEC" "$tmp/walrw/corpus.db" 'PRAGMA journal_mode=WAL' >/dev/null ||
	    fail "making the WAL copies"
	chmod 0444 "$tmp/walro/corpus.db"
	chmod 0555 "$tmp/walro" "$tmp/walrw"
	ntried=$((ntried + 2))
	as_user timeout -k 2 5 "$CHARTA" --db "$tmp/walro/corpus.db" list \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ $st -eq 0 ] && cmp -s "$tmp/out" "$tmp/list.ref" ||
	    fail "WAL, read-only: exit status $st: $(cat "$tmp/err")"
	grep -q "^charta: $tmp/walro/corpus.db: opened as immutable" "$tmp/err" ||
	    fail "WAL, read-only: not said: $(cat "$tmp/err")"
	as_user timeout -k 2 5 "$CHARTA" --db "$tmp/walrw/corpus.db" list \
	    >"$tmp/out" 2>"$tmp/err"
	st=$?
	refused "WAL, writable file, unwritable directory" \
	    "$tmp/walrw/corpus.db" 'in WAL mode, and its -shm cannot be made'
	ls -a "$tmp/walro" "$tmp/walrw" | grep -q -e '-shm$' &&
	    fail "a -shm was made beside a read-only corpus"
	cp "$tmp/shipped.db" "$D/unreadable.db"
	chmod 0200 "$D/unreadable.db"
	ntried=$((ntried + 1))
	for cmd in list "show mfa"; do
		# shellcheck disable=SC2086
		as_user timeout -k 2 5 "$CHARTA" --db "$D/unreadable.db" $cmd \
		    >"$tmp/out" 2>"$tmp/err"
		st=$?
		refused "unreadable: $cmd" "$D/unreadable.db" \
		    'Permission denied'
	done
else
	echo "$test_name: no unprivileged user: file modes tried as root" \
	    "only" >&2
fi
cmp -s "$tmp/shipped.db" "$CHARTA_DB" || fail "the shipped copy changed"
cmp -s "$D/readonly.db" "$CHARTA_DB" || fail "the read-only copy changed"

echo "$test_name: $ntried hostile or unusual databases tried"
finish
