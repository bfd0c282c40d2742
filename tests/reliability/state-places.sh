#!/bin/sh
# state-places.sh -- where the state file may be, and where it must not:
#  a. a symbolic link at state.db (to another user's SQLite file, or
#     dangling), or a symbolic link for the charta/ directory: refused
#     with a message, the target unchanged byte for byte, nothing made;
#  b. charta/ writable by group or others, or another user's (as ssh
#     checks ~/.ssh), or another user's state.db: refused, nothing
#     written;
#  c. HOME and XDG_DATA_HOME unset, empty or relative: the password
#     database's home, never the current directory, which stays empty;
#  d. XDG_DATA_HOME a file, unwritable, read-only places: a warning and
#     no state, never a crash, and the reader still runs;
#  e. directories are made 0700, the file 0600, whatever the umask.
. "${top_srcdir:-.}/tests/reliability/lib.sh"

[ -x "$STATE_WRITER" ] && [ -x "$DB_EXEC" ] ||
    skip "the helpers are not built ($STATE_WRITER, $DB_EXEC)"

W=$STATE_WRITER
cd "$tmp" || exit 99

# refused NAME EXPECT...: the last writer run exited 3 ("no state"), and
# its warning holds each EXPECT and says nothing is kept.
refused() {
	_n=$1
	shift
	[ "$st" -eq 3 ] || fail "$_n: exit status $st: $(head -c 300 err)"
	for _e in "$@" 'notes, marks and history will not be kept'; do
		grep -q -e "$_e" err || fail "$_n: no '$_e' in: $(cat err)"
	done
}

# ------------------------------------------------------- a. symbolic links
mkdir -p a/data/charta a/other
"$DB_EXEC" a/other/victim.db 'CREATE TABLE secret(x)' \
    "INSERT INTO secret VALUES ('theirs')" || fail "making another's db"
cp a/other/victim.db a/victim.ref
chmod 700 a/data/charta
ln -s "$tmp/a/other/victim.db" a/data/charta/state.db
XDG_DATA_HOME=$tmp/a/data "$W" add - 2 x >out 2>err
st=$?
refused "a link at state.db" "charta/state.db is a symbolic link"
cmp -s a/other/victim.db a/victim.ref ||
    fail "a link at state.db: the file it points to was changed"
[ -L a/data/charta/state.db ] || fail "a link at state.db: the link is gone"
ls a/other | grep -q -v '^victim\.db$' &&
    fail "a link at state.db: files made beside its target: $(ls a/other)"
echo "$test_name: a link at state.db:" "$(cat err)"
# The same, given as a path.
"$W" add a/data/charta/state.db 1 x >out 2>err
st=$?
refused "a link given as the path" "is a symbolic link"
cmp -s a/other/victim.db a/victim.ref || fail "the link's target changed"
# A dangling link: nothing made where it points.
rm a/data/charta/state.db
ln -s "$tmp/a/other/new.db" a/data/charta/state.db
XDG_DATA_HOME=$tmp/a/data "$W" add - 1 x >out 2>err
st=$?
refused "a dangling link at state.db" "is a symbolic link"
[ -e a/other/new.db ] && fail "a dangling link: its target was made"
# A link for the directory.
rm -rf a/data/charta
mkdir a/real
chmod 700 a/real
cp a/victim.ref a/real/state.db
ln -s "$tmp/a/real" a/data/charta
XDG_DATA_HOME=$tmp/a/data "$W" add - 1 x >out 2>err
st=$?
refused "a link for charta/" "charta is a symbolic link"
cmp -s a/real/state.db a/victim.ref || fail "a link for charta/: changed"
[ "$(ls a/real)" = state.db ] || fail "a link for charta/: $(ls a/real)"
echo "$test_name: a link for charta/:" "$(cat err)"

# -------------------------------------------- b. modes and owners
mkdir -p b/data/charta
for mode in 770 707 777 720; do
	chmod $mode b/data/charta
	XDG_DATA_HOME=$tmp/b/data "$W" add - 1 x >out 2>err
	st=$?
	refused "charta/ with mode $mode" "can be written by other users"
	[ -z "$(ls -A b/data/charta)" ] ||
	    fail "charta/ with mode $mode: files were made in it"
done
echo "$test_name: a group-writable charta/:" "$(cat err)"
chmod 700 b/data/charta
XDG_DATA_HOME=$tmp/b/data "$W" add - 1 x >out 2>err ||
    fail "charta/ with mode 700: $(cat err)"
if [ "$(id -u)" -eq 0 ]; then
	# Another user's directory, and another user's file.
	cp b/data/charta/state.db b/ref
	chown 65534 b/data/charta
	XDG_DATA_HOME=$tmp/b/data "$W" add - 1 y >out 2>err
	st=$?
	refused "another user's charta/" "belongs to another user"
	chown 0 b/data/charta
	chown 65534 b/data/charta/state.db
	XDG_DATA_HOME=$tmp/b/data "$W" add - 1 y >out 2>err
	st=$?
	refused "another user's state.db" "state.db belongs to another user"
	cmp -s b/data/charta/state.db b/ref ||
	    fail "another user's state.db was changed"
	echo "$test_name: another user's state.db:" "$(cat err)"
else
	echo "$test_name: not root: other users' files not tried" >&2
fi

# -------------------------------- c. no HOME, no XDG_DATA_HOME: no cwd
mkdir c c/cwd
pwhome=$(getent passwd "$(id -u)" | cut -d: -f6)
cd c/cwd || exit 99
for h in unset '' rel/home; do
	if [ "$h" = unset ]; then
		env -u HOME -u XDG_DATA_HOME "$W" path >../path 2>&1
	else
		HOME=$h XDG_DATA_HOME=$h "$W" path >../path 2>&1
	fi
	[ "$(cat ../path)" = "$pwhome/.local/share/charta/state.db" ] ||
	    fail "HOME and XDG_DATA_HOME '$h': the path is $(cat ../path)"
done
for x in rel/data '' .; do
	HOME=$tmp/c/home XDG_DATA_HOME=$x "$W" path >../path
	[ "$(cat ../path)" = "$tmp/c/home/.local/share/charta/state.db" ] ||
	    fail "XDG_DATA_HOME '$x': the path is $(cat ../path)"
done
HOME=$tmp/c/home XDG_DATA_HOME=rel/data "$W" add - 1 x >/dev/null 2>../err ||
    fail "relative XDG_DATA_HOME: $(cat ../err)"
[ -f "$tmp/c/home/.local/share/charta/state.db" ] ||
    fail "relative XDG_DATA_HOME: no state.db under HOME"
[ -z "$(ls -A)" ] || fail "the working directory was written: $(ls -A)"
cd "$tmp" || exit 99
if [ $have_user = yes ] && [ "$(id -u)" -eq 0 ]; then
	# As nobody, whose home (/nonexistent) cannot be made: no state,
	# and nothing in the working directory, even one anybody may write.
	nobody_home=$(getent passwd 65534 | cut -d: -f6)
	chmod 0777 c/cwd
	(cd c/cwd && as_user env -u HOME -u XDG_DATA_HOME "$W" add - 1 x) \
	    >out 2>err
	st=$?
	refused "nobody without HOME" "$nobody_home/.local/share"
	[ -z "$(ls -A c/cwd)" ] ||
	    fail "without HOME: the working directory was written: $(ls -A c/cwd)"
	echo "$test_name: without HOME or XDG_DATA_HOME:" "$(cat err)"
else
	echo "$test_name: not root: nothing written without HOME" \
	    "(it would be the real home)" >&2
fi

# ----------------------------------------------- d. unusable places
mkdir d
: >d/afile
XDG_DATA_HOME=$tmp/d/afile "$W" add - 2 x >out 2>err
st=$?
refused "XDG_DATA_HOME a file" "afile/charta: cannot create the directory" \
    "Not a directory"
[ -s d/afile ] && fail "XDG_DATA_HOME a file: the file was written"
echo "$test_name: XDG_DATA_HOME a file:" "$(cat err)"
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
	grep -a -q 'will not be kept' d/pty ||
	    fail "the reader did not show the warning"
else
	echo "$test_name: no script(1) or xterm terminfo: reader not tried" >&2
fi
if [ $have_user = yes ]; then
	# As a user file modes apply to.  An unwritable XDG_DATA_HOME:
	mkdir -p d/ro
	chmod 0555 d/ro
	as_user env XDG_DATA_HOME="$tmp/d/ro" "$W" add - 1 x >out 2>err
	st=$?
	refused "an unwritable XDG_DATA_HOME" "Permission denied"
	# No database yet, charta/ 0500:
	mkdir -p d/u/charta
	chown -R 65534:65534 d/u 2>/dev/null
	chmod 0500 d/u/charta
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" add - 2 x >out 2>err
	st=$?
	refused "a read-only directory" "Permission denied"
	# A database in a directory made read-only since:
	chmod 0700 d/u/charta
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" add - 5 y >/dev/null 2>err ||
	    fail "making a state db: $(cat err)"
	cp d/u/charta/state.db d/ref
	chmod 0500 d/u/charta
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" -w 300 add - 2 z >out 2>err
	st=$?
	[ $st -eq 3 ] || [ $st -eq 1 ] ||
	    fail "read-only directory with a db: exit status $st"
	grep -q -e 'will not be kept' -e 'could not be saved' err ||
	    fail "read-only directory with a db: $(cat err)"
	grep -q 'newer charta' err &&
	    fail "read-only directory with a db: $(cat err)"
	cmp -s d/u/charta/state.db d/ref ||
	    fail "read-only directory with a db: the file changed"
	# A read-only file in a writable directory: the change is not
	# saved, with a message, and kept in a file beside.
	chmod 0700 d/u/charta
	chmod 0400 d/u/charta/state.db
	as_user env XDG_DATA_HOME="$tmp/d/u" "$W" -w 300 add - 2 z >out 2>err
	st=$?
	[ $st -eq 3 ] || [ $st -eq 1 ] || fail "read-only file: exit status $st"
	grep -q -e 'will not be kept' -e 'could not be saved' err ||
	    fail "read-only file: $(cat err)"
	grep -q 'newer charta' err && fail "read-only file: $(cat err)"
	cmp -s d/u/charta/state.db d/ref || fail "read-only file: it changed"
	echo "$test_name: a read-only state.db:" "$(cat err)"
	chmod 0600 d/u/charta/state.db
else
	echo "$test_name: no unprivileged user: read-only places not tried" >&2
fi

# ---------------------------------------- e. the modes of what is made
for mask in 022 000 077; do
	rm -rf e
	(umask $mask && XDG_DATA_HOME=$tmp/e/a/b "$W" add - 1 x \
	    >/dev/null) || fail "umask $mask: the write failed"
	for d in e e/a e/a/b e/a/b/charta; do
		m=$(stat -c %a "$d")
		[ "$m" = 700 ] || fail "umask $mask: $d has mode $m, not 700"
	done
	m=$(stat -c %a e/a/b/charta/state.db)
	[ "$m" = 600 ] || fail "umask $mask: state.db has mode $m, not 600"
done
for d in .local .local/share .local/share/charta; do
	m=$(stat -c %a "c/home/$d")
	[ "$m" = 700 ] || fail "$d has mode $m, not 700"
done
m=$(stat -c %a c/home/.local/share/charta/state.db)
[ "$m" = 600 ] || fail "state.db under HOME has mode $m, not 600"
finish
