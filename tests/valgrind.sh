#!/bin/sh
# valgrind.sh -- the fast unit tests and the command-line commands under
# valgrind: no invalid access, no uninitialised value, no leak.  Skipped in
# a sanitizer build (ASan and valgrind do not mix) or without valgrind.
. "${top_srcdir:-.}/tests/lib.sh"

[ "${CHARTA_SANITIZERS:-no}" = yes ] && skip "sanitizer build"
command -v valgrind >/dev/null 2>&1 || skip "valgrind is not installed"

builddir=$(dirname "$(dirname "$CHARTA")")
# The state store's tests wait for commits, which valgrind slows down.
STATE_TEST_WAIT_MS=300000
export STATE_TEST_WAIT_MS
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect \
	    --show-leak-kinds=definite,indirect "$@" >"$tmp/vg.out" 2>"$tmp/vg.err"
	rc=$?
	if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*== ' "$tmp/vg.err"; then
		fail "valgrind found errors in: $*"
		head -30 "$tmp/vg.err" >&2
	fi
}

for t in test-util test-text test-layout test-spans test-corpus \
    test-import test-store test-shipped test-index test-diff test-ui \
    test-widgets test-state test-state-async test-cite test-clipboard; do
	[ -x "$builddir/tests/unit/$t" ] && vg "$builddir/tests/unit/$t"
done
vg "$CHARTA" list
vg "$CHARTA" toc un
vg "$CHARTA" show -w 60 mfa
vg "$CHARTA" search --count sovereignty
vg "$CHARTA" search '"shared future"' -mankind
vg "$CHARTA" search -w 40 privacy
vg "$CHARTA" compare --words -w 100 mfa:II un:II
vg "$CHARTA" compare --stats wic:II.1
vg "$CHARTA" list --format=json
vg "$CHARTA" toc --format=tsv mfa:IV.5.p1
vg "$CHARTA" search --format=json privacy
vg "$CHARTA" search --count --format=tsv privacy
vg "$CHARTA" compare --stats --format=json mfa:II un:II
vg "$CHARTA" --db "$tmp/v.db" import "$top_srcdir/data/iscc-2017-mfa.md"
vg "$CHARTA" show nosuchdoc
vg "$CHARTA" cite --text --format=csl-json mfa:II.2 wic chinadaily:p4
vg "$CHARTA" cite --format=markdown un:II.2
vg "$CHARTA" links wic
finish
