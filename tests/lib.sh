# lib.sh -- shared helpers for charta's shell tests.  Source it.
#
# The test environment (Makefile.am) exports CHARTA (the binary), CHARTA_DB
# (the built corpus), srcdir and top_srcdir.

: "${CHARTA:?CHARTA is not set; run this through make check}"
: "${top_srcdir:?top_srcdir is not set; run this through make check}"

test_name=$(basename "$0" .sh)
failures=0

# A private temporary directory, removed on exit.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/charta-$test_name.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# fail MESSAGE: record a failure and go on.
fail() {
	echo "FAIL: $test_name: $*" >&2
	failures=$((failures + 1))
}

# skip MESSAGE: this test cannot run here.
skip() {
	echo "SKIP: $test_name: $*" >&2
	exit 77
}

# expect_status WANT CMD...: run CMD, fail unless it exits WANT.
expect_status() {
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] ||
	    fail "'$*' exited $got, expected $want: $(head -c 300 "$tmp/err")"
}

# finish: exit with the verdict.
finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$test_name: $failures failure(s)" >&2
		exit 1
	fi
	exit 0
}
