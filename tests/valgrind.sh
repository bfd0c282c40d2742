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
    test-widgets test-state test-state-async test-cite test-clipboard \
    test-stats test-counts test-kwic test-study test-study-many test-query \
    test-display test-read; do
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
vg "$CHARTA" kwic --parallel --sort=left sovereignty
vg "$CHARTA" kwic --format=json --parallel cyberterrorism
vg "$CHARTA" stats --by=chapter --svg "$tmp/v.svg" sovereignty 'cyber*'
vg "$CHARTA" stats --format=json '"shared future"'
vg "$CHARTA" collocates sovereignty
vg "$CHARTA" keyness --format=tsv mfa,un wic
vg "$CHARTA" show --format=tsv mfa:II
vg "$CHARTA" --db "$tmp/v.db" import "$top_srcdir/data/iscc-2017-mfa.md"
vg "$CHARTA" show nosuchdoc
vg "$CHARTA" cite --text --format=csl-json mfa:II.2 wic chinadaily:p4
vg "$CHARTA" cite --format=markdown un:II.2
vg "$CHARTA" links wic
# The study data, in a state of its own: an import, each export, marks.
mkdir -p "$tmp/data/charta" && chmod 700 "$tmp/data" "$tmp/data/charta"
cat >"$tmp/notes.json" <<'EOF'
[{"id": "urn:uuid:11111111-1111-4111-8111-111111111111",
  "type": "Annotation", "created": "2017-03-01T08:00:00Z",
  "bodyValue": "a note on the principle",
  "target": {"selector": [{"type": "charta:PlaceSelector",
    "slug": "iscc-2017-mfa", "label": "II.2.p1"},
    {"type": "TextQuoteSelector", "exact": "sovereignty"}]}},
 {"id": "urn:uuid:22222222-2222-4222-8222-222222222222",
  "type": "Annotation", "created": "2017-03-02T08:00:00Z",
  "bodyValue": "an orphan",
  "target": {"selector": {"type": "charta:PlaceSelector",
    "slug": "iscc-2017-mfa", "label": "IX.9.p9"}}}]
EOF
XDG_DATA_HOME=$tmp/data vg "$CHARTA" notes --import "$tmp/notes.json"
XDG_DATA_HOME=$tmp/data vg "$CHARTA" notes
XDG_DATA_HOME=$tmp/data vg "$CHARTA" notes --format=json
XDG_DATA_HOME=$tmp/data vg "$CHARTA" notes --format=markdown
XDG_DATA_HOME=$tmp/data vg "$CHARTA" marks
finish
