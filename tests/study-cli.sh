#!/bin/sh
# study-cli.sh -- `charta notes` and `charta marks` as a script sees them:
#  a. no state file: nothing found (exit 1), an empty JSON array, and no
#     file made;
#  b. notes imported from a W3C Web Annotation file with hostile bytes
#     (escape sequences, bidi controls, C1, invalid UTF-8): shown at their
#     logical place (the other translation's too), orphaned when their
#     passage is gone, sanitized on output, exported escaped and unchanged;
#  c. export, import into an empty state, export again: the same bytes;
#     importing again adds nothing; a changed note with a taken id is
#     added with a new one;
#  d. a malformed file is refused with FILE:LINE:COL and exit 2, and
#     nothing of it is imported, not even its good annotations;
#  e. Markdown; marks with hostile names, aligned; usage errors; a write
#     error.
. "${top_srcdir:-.}/tests/lib.sh"

rel_bin=$(cd "$(dirname "$CHARTA")/.." && pwd)/tests/reliability
DB_EXEC=$rel_bin/db-exec

mkdir -p "$tmp/home"
HOME=$tmp/home
XDG_DATA_HOME=$tmp/data
TZ=UTC
export HOME XDG_DATA_HOME TZ
state=$tmp/data/charta/state.db
cd "$tmp" || exit 99

# ------------------------------------------------------------ a. no state
expect_status 1 "$CHARTA" notes
[ -s out ] && fail "notes with no state printed: $(cat out)"
expect_status 1 "$CHARTA" notes --format=json
[ "$(cat out)" = "[]" ] || fail "notes --format=json with no state: $(cat out)"
expect_status 1 "$CHARTA" marks
[ -e "$tmp/data" ] && fail "listing made a state directory: $(ls -R data)"

# --------------------------------------------------- b. a file of notes
ESC=$(printf '\033')
# One note on mfa:II.2.p1 with hostile bytes in its text; one set in the
# UN translation; one whose document is gone but whose logical place is
# not; one whose passage is gone.  Byte 0xFF is \udcff (json.h).
cat >in.json <<'EOF'
[
  {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "id": "urn:uuid:11111111-1111-4111-8111-111111111111",
    "type": "Annotation",
    "created": "2017-03-01T08:00:00Z",
    "modified": "2017-03-02T08:00:00Z",
    "body": {"type": "TextualBody", "format": "text/plain",
      "value": "evil \u001b[2J\u001b]0;pwned\u0007 \u202eabc \udcff \u009b\nline two"},
    "target": {"source": "urn:charta:iscc-2017-mfa", "selector": [
      {"type": "charta:PlaceSelector", "work": "iscc-2017",
       "path": "sovereignty/1", "slug": "iscc-2017-mfa", "label": "II.2.p1"},
      {"type": "TextQuoteSelector", "exact": "As a basic norm",
       "prefix": "", "suffix": " in contemporary"}]}
  },
  {
    "id": "urn:uuid:22222222-2222-4222-8222-222222222222",
    "type": "Annotation",
    "created": "2017-03-03T08:00:00Z",
    "bodyValue": "set in the UN text",
    "target": {"selector": {"type": "charta:PlaceSelector",
      "work": "iscc-2017", "path": "sovereignty/1",
      "slug": "iscc-2017-un", "label": "II.2.p1"}}
  },
  {
    "id": "urn:uuid:33333333-3333-4333-8333-333333333333",
    "type": "Annotation",
    "created": "2017-03-04T08:00:00Z",
    "bodyValue": "its document is gone, its place is not",
    "target": {"selector": {"type": "charta:PlaceSelector",
      "work": "iscc-2017", "path": "sovereignty/1",
      "slug": "an-old-copy", "label": "X.1"}}
  },
  {
    "id": "urn:uuid:44444444-4444-4444-8444-444444444444",
    "type": "Annotation",
    "created": "2017-03-05T08:00:00Z",
    "bodyValue": "orphan",
    "target": {"selector": [{"type": "charta:PlaceSelector",
      "slug": "iscc-2017-mfa", "label": "IX.9.p9"},
      {"type": "TextQuoteSelector", "exact": "words \u001b[7m gone"}]}
  }
]
EOF
expect_status 0 "$CHARTA" notes --import in.json
grep -q '^4 notes imported; 1 is not at its place in this corpus' out ||
    fail "import summary: $(cat out) $(cat err)"
[ -s err ] && fail "import said on stderr: $(cat err)"
[ "$(stat -c %a "$state" 2>/dev/null)" = 600 ] ||
    fail "state file mode: $(stat -c %a "$state" 2>&1)"

expect_status 0 "$CHARTA" notes
cat >want <<EOF
mfa:II.2.p1  2017-03-02 08:00
    evil ^[[2J^[]0;pwned^G <U+202E>abc $(printf '\357\277\275') <U+009B>
    line two

mfa:II.2.p1  2017-03-04 08:00
    its document is gone, its place is not

un:II.2.p1  2017-03-03 08:00
    set in the UN text

orphaned (was iscc-2017-mfa:IX.9.p9)  2017-03-05 08:00
    orphan
    (on: words ^[[7m gone)
EOF
cmp -s out want || fail "notes as text: $(diff want out)"
grep -q "$ESC" out && fail "notes wrote an escape character"

# --raw: the bytes as they are (but for ill-formed UTF-8).
expect_status 0 "$CHARTA" notes --raw
grep -q "$ESC\\[2J" out || fail "notes --raw did not keep the escape"

# ------------------------------------------------------- c. round trips
expect_status 0 "$CHARTA" notes --format=json
mv out export1.json
grep -q "$ESC" export1.json && fail "the JSON holds an escape character"
grep -qF '"value": "evil \u001b[2J\u001b]0;pwned\u0007 \u202eabc \udcff \u009b\nline two"' \
    export1.json || fail "the hostile note's JSON: $(grep value export1.json)"
grep -qF '"source": "urn:charta:an-old-copy"' export1.json ||
    fail "no urn:charta source"
grep -qF '"modified": "2017-03-03T08:00:00Z"' export1.json ||
    fail "a missing modified time is not the created one"
# Into an empty state, and out again: the same bytes.
XDG_DATA_HOME=$tmp/data2 "$CHARTA" notes --import export1.json >out 2>err ||
    fail "importing the export: $(cat err)"
XDG_DATA_HOME=$tmp/data2 "$CHARTA" notes --format=json >export2.json ||
    fail "exporting again"
cmp -s export1.json export2.json ||
    fail "export, import, export differ: $(diff export1.json export2.json)"
# Again: nothing is added.
expect_status 0 "$CHARTA" notes --import export1.json
grep -q '^0 notes imported; 4 were here already$' out ||
    fail "importing twice: $(cat out)"
"$CHARTA" notes --format=json | cmp -s - export1.json ||
    fail "importing twice changed the notes"
# A changed note under a taken id is added with a new id; none is lost.
sed 's/set in the UN text/changed elsewhere/' export1.json >changed.json
expect_status 0 "$CHARTA" notes --import changed.json
grep -q '^1 note imported; 3 were here already; 1 has a new id' out ||
    fail "a changed note: $(cat out)"
expect_status 0 "$CHARTA" notes
grep -q 'set in the UN text' out && grep -q 'changed elsewhere' out ||
    fail "a changed note: both should be kept: $(cat out)"
# From standard input.
XDG_DATA_HOME=$tmp/data3 "$CHARTA" notes --import - <export1.json >out ||
    fail "import from standard input"
grep -q '^4 notes imported' out || fail "import -: $(cat out)"

# ------------------------------------------------------ d. refused files
"$CHARTA" notes --format=json >before.json
# refused NAME FILE WANT: import of FILE exits 2, says WANT, adds nothing.
refused() {
	expect_status 2 "$CHARTA" notes --import "$2"
	grep -qF -- "$3" err || fail "$1: no '$3' in: $(cat err)"
	[ -s out ] && fail "$1: printed $(cat out)"
	"$CHARTA" notes --format=json | cmp -s - before.json ||
	    fail "$1: the notes changed"
}
printf '[\n  {"type": "Annotation"},\n]\n' >trailing.json
refused "a trailing comma" trailing.json \
    "trailing.json:3:1: ']' where a value should be"
# Three good notes, then a bad one: none of them is imported.
sed -e 's/1111-4111/1111-4aaa/; s/2222-4222/2222-4aaa/' \
    -e 's/"orphan"/"bad \\u0000 nul"/' in.json >fourth-bad.json
refused "a NUL in the fourth note" fourth-bad.json \
    "fourth-bad.json:38:18: \"bodyValue\" holds a NUL character"
printf '[{"type": "Annotation", "bodyValue": "x", "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}]' >noplace.json
refused "no place" noplace.json "noplace.json:1:53: the target has no charta:PlaceSelector"
printf '"\377"' >binary.json
refused "not UTF-8" binary.json "binary.json:1:2: byte 0xFF is not UTF-8"
refused "a directory" . ".: Is a directory"
refused "a missing file" nosuch.json "nosuch.json: No such file"
printf '["\\ud800"]' >surrogate.json
refused "a lone surrogate" surrogate.json \
    "surrogate.json:1:9: a lone surrogate \\uD800"

# ------------------------------------------------- e. Markdown, marks, usage
expect_status 0 "$CHARTA" notes --format=markdown
head -n 3 out | tr '\n' '|' | grep -q '^# Notes||## mfa:II\.2\.p1|$' ||
    fail "markdown head: $(head -n 3 out)"
grep -qF '> As a basic norm' out || fail "markdown: no quote"
grep -q '^## orphaned (was iscc-2017-mfa:IX\.9\.p9)$' out ||
    fail "markdown: the orphan's heading: $(grep orphan out)"
grep -q '^\*2017-03-05 08:00\*$' out || fail "markdown: no date"
grep -q "$ESC" out && fail "markdown wrote an escape character"

if [ -x "$DB_EXEC" ]; then
	"$DB_EXEC" "$state" "INSERT INTO mark(id, name, work, anchor, slug,
	    label, created) VALUES
	    ('aaaaaaaa-0000-4000-8000-000000000001', 'a', 'iscc-2017',
	     'sovereignty', 'iscc-2017-un', 'II.2', 1488355200),
	    ('aaaaaaaa-0000-4000-8000-000000000002', X'1b5b324ae4b8ad',
	     NULL, NULL, 'gone-doc', 'I.1', 1488441600)" ||
	    fail "making marks"
	expect_status 0 "$CHARTA" marks
	cat >want <<EOF
^[[2J$(printf '\344\270\255')  gone (was gone-doc:I.1)  2017-03-02 08:00
a        un:II.2                  2017-03-01 08:00
EOF
	cmp -s out want || fail "marks: $(diff want out)"
else
	echo "$test_name: no db-exec: marks with hostile names not checked" >&2
fi

expect_status 2 "$CHARTA" notes --format=json --import in.json
grep -q 'not for --import' err || fail "--format with --import: $(cat err)"
expect_status 2 "$CHARTA" notes --format=tsv
grep -q "invalid value 'tsv' for --format" err || fail "--format=tsv"
# cite's --format is another option of the same name: each command its own.
expect_status 2 "$CHARTA" notes --format=chicago
grep -q "invalid value 'chicago' for --format (one of: text markdown json)" \
    err || fail "notes --format=chicago: $(cat err)"
expect_status 0 "$CHARTA" cite --format=chicago mfa:II.2.p1
expect_status 2 "$CHARTA" cite --format=json mfa:II.2.p1
grep -q "invalid value 'json' for --format (one of: plain" err ||
    fail "cite --format=json: $(cat err)"
expect_status 2 "$CHARTA" notes extra
grep -q 'usage: charta notes' err || fail "notes with an argument"
expect_status 2 "$CHARTA" marks --format=json
grep -q "does not apply" err || fail "marks --format"
if [ -w /dev/full ]; then
	"$CHARTA" notes --format=json >/dev/full 2>err
	[ $? -eq 1 ] || fail "notes >/dev/full did not exit 1"
	grep -q 'No space left' err || fail "notes >/dev/full: $(cat err)"
fi
finish
