#!/bin/sh
# import-refuse.sh -- `charta import` is all or nothing: a bad source file
# (ill-formed UTF-8, a duplicate anchor, no front matter, binary, UTF-16,
# an alias another document has, a directory, a missing file, a FIFO, ...)
# is refused
# with exit status 2 and one sanitized line on standard error naming the
# file (and its line where there is one), and the database is left byte
# for byte as it was, with no temporary file beside it.
#
# Environment: CHARTA, the charta binary.  Exits 0 (pass), 1 (fail) or 77
# (skip).  POSIX sh.

if [ -z "$CHARTA" ] || [ ! -x "$CHARTA" ]; then
	echo "import-refuse.sh: CHARTA is not set to the charta binary" >&2
	exit 77
fi
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE CHARTA_DB

tmp=$(mktemp -d "${TMPDIR:-/tmp}/charta-import-refuse.XXXXXX") || exit 99
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
cd "$tmp" || exit 99

failures=0
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	failures=$((failures + 1))
}

# Run charta with a time limit where timeout(1) exists: nothing here may
# hang (a FIFO above all).
run() {
	if command -v timeout >/dev/null 2>&1; then
		timeout 20 "$CHARTA" "$@"
	else
		"$CHARTA" "$@"
	fi
}

fm() {
	printf -- '---\nslug: %s\ntitle: %s\n---\n' "$1" "$2"
}

mkdir db
DB=$tmp/db/corpus.db

# ---------------------------------------------------------------- files

{ fm good "A Good Document"; printf '# One {#one}\n\nText of one.\n'; } \
    >good.md
{ printf -- '---\nslug: second\nalias: two\ntitle: A Second Document\n'
  printf -- '---\n\nJust a paragraph.\n'; } >good2.md
{ printf -- '---\nslug: third\ntitle: A Third Document\n---\n\nText.\n'; } \
    >good3.md
{ fm utf8 U; printf 'ab\nc\303(\n'; } >bad-utf8.md
{ fm anchors A; printf '# A {#x}\n\n# B {#x}\n'; } >dup-anchor.md
{ fm kinds K; printf '# A {.bogus}\n'; } >bad-kind.md
printf '# A title\n\nText without front matter.\n' >no-front-matter.md
: >empty.md
printf -- '---\nslug: Bad Slug\ntitle: T\n---\n' >bad-slug.md
printf '\177ELF\002\001\001\000\000\000\000\000' >binary.md
printf 'abc\000def\n' >nul.md
printf '\377\376-\000-\000-\000\n\000' >utf16.md
{ printf -- '---\nslug: other\nalias: good\ntitle: T\n---\n'; } >dup-alias.md
{ fm second "Clashes with good2"; } >dup-new.md
mkdir dir.md
have_fifo=yes
mkfifo fifo.md 2>/dev/null || have_fifo=no

# ------------------------------------------------------------ the base

run --db "$DB" import good.md >out 2>err
status=$?
if [ $status -ne 0 ] || [ -s err ]; then
	fail "importing good.md: exit status $status: $(cat err)"
	exit 1
fi
cp "$DB" ref.db
sum=$(cksum <"$DB")

# no_temp: no temporary file of the writer is left in db/.
no_temp() {
	if ls -a db | grep -q '^\.charta-import-'; then
		fail "$1: a temporary file is left: $(ls -a db | tr '\n' ' ')"
	fi
	if ls -a db | grep -q -e '-journal$' -e '-wal$'; then
		fail "$1: a journal is left: $(ls -a db | tr '\n' ' ')"
	fi
}

# refuse NAME WANT FILE...: `charta import FILE...` must exit 2, print
# nothing on stdout and exactly one line on stderr that starts "charta: "
# and contains WANT, with no control characters; the database must keep
# its bytes.
refuse() {
	name=$1
	want=$2
	shift 2
	run --db "$DB" import "$@" >out 2>err
	status=$?
	[ $status -eq 2 ] || fail "$name: exit status $status, expected 2"
	[ -s out ] && fail "$name: wrote to standard output: $(cat out)"
	lines=$(wc -l <err)
	[ "$lines" -eq 1 ] ||
	    fail "$name: $lines lines on standard error: $(cat err)"
	head -n 1 err | grep -q '^charta: ' ||
	    fail "$name: message does not start 'charta: ': $(cat err)"
	grep -q -F -e "$want" err ||
	    fail "$name: message lacks '$want': $(cat err)"
	if tr -d '\n' <err | LC_ALL=C grep -q '[[:cntrl:]]'; then
		fail "$name: control characters on standard error"
	fi
	cmp -s "$DB" ref.db || fail "$name: the database changed"
	[ "$(cksum <"$DB")" = "$sum" ] || fail "$name: the checksum changed"
	no_temp "$name"
}

# ------------------------------------------------------------ refusals

refuse utf8 'charta: bad-utf8.md:6:2: invalid UTF-8 (byte 0xC3)' bad-utf8.md
refuse anchor \
    "charta: dup-anchor.md:7:6: duplicate anchor '#x' (first used at line 5)" \
    dup-anchor.md
refuse kind "charta: bad-kind.md:5:6: unknown section kind '.bogus'" \
    bad-kind.md
refuse front-matter 'charta: no-front-matter.md:1:1: missing front matter' \
    no-front-matter.md
refuse empty 'charta: empty.md:1:1: missing front matter' empty.md
refuse slug 'charta: bad-slug.md:2:7: slug must be' bad-slug.md
refuse binary \
    'charta: binary.md: not a text file (it looks like an ELF executable)' \
    binary.md
refuse nul 'charta: nul.md:1:4: not a text file (NUL byte)' nul.md
refuse utf16 'charta: utf16.md: file is UTF-16LE' utf16.md
refuse dup-alias \
    "charta: dup-alias.md: slug or alias 'good' is already used by good" \
    dup-alias.md
refuse directory 'charta: dir.md: not a regular file' dir.md
refuse missing 'charta: missing.md: No such file or directory' missing.md
if [ $have_fifo = yes ]; then
	refuse fifo 'charta: fifo.md: not a regular file' fifo.md
fi

# All or nothing: a good file before a bad one is not added either.
refuse multi 'charta: bad-utf8.md:6:2:' good2.md bad-utf8.md
refuse multi-missing 'charta: missing.md:' good2.md good3.md missing.md
refuse multi-clash "charta: dup-new.md: slug or alias 'second' is already" \
    good2.md dup-new.md
refuse multi-self "charta: good2.md: slug or alias 'second' is already" \
    good2.md good2.md

# A name with terminal controls in it is shown, not obeyed.
esc_name=$(printf 'bad\033]0;x\007.md')
printf '# no front matter\n' >"$esc_name"
refuse escape 'charta: bad^[]0;x^G.md:1:1: missing front matter' "$esc_name"

# A database that is not one is refused, and left alone.
printf 'not a database\n' >db/text.db
cp db/text.db text.ref
run --db "$tmp/db/text.db" import good2.md >out 2>err
status=$?
[ $status -eq 2 ] || fail "text.db: exit status $status, expected 2"
grep -q -F 'not a charta database' err ||
    fail "text.db: message lacks 'not a charta database': $(cat err)"
cmp -s db/text.db text.ref || fail "text.db: the file changed"
rm -f db/text.db
no_temp text.db

# ------------------------------------------------------- good imports

run --db "$DB" import good2.md >out 2>err
status=$?
[ $status -eq 0 ] || fail "good2.md: exit status $status: $(cat err)"
[ -s err ] && fail "good2.md: wrote to standard error: $(cat err)"
no_temp good2.md
run --db "$DB" list >out 2>err
status=$?
[ $status -eq 0 ] || fail "list: exit status $status: $(cat err)"
grep -q '^good  *A Good Document$' out ||
    fail "list does not show good: $(cat out)"
grep -q '^second  *two  *A Second Document$' out ||
    fail "list does not show second: $(cat out)"
[ "$(wc -l <out)" -eq 2 ] || fail "list shows $(wc -l <out) documents"
run --db "$DB" show two >out 2>err ||
    fail "show two: exit status $?: $(cat err)"
grep -q 'Just a paragraph\.' out || fail "show two: $(cat out)"

# And a refusal now keeps both.
cp "$DB" ref.db
sum=$(cksum <"$DB")
refuse after-two 'charta: bad-utf8.md:6:2:' good3.md good2.md bad-utf8.md
run --db "$DB" list >out 2>&1
[ "$(wc -l <out)" -eq 2 ] || fail "after a refusal list shows: $(cat out)"

if [ $failures -ne 0 ]; then
	echo "import-refuse.sh: $failures failure(s)" >&2
	exit 1
fi
exit 0
