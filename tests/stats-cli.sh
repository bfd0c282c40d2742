#!/bin/sh
# stats-cli.sh -- kwic, stats, collocates and keyness on the command line:
# the SVG is well-formed XML with one tick per occurrence and is written
# whole or not at all; JSON parses and says what TSV says; the stop word
# list can be the user's, and a bad one is refused naming FILE:LINE;
# hostile text stays sanitized in concordance lines (text, TSV and JSON);
# errors and exit statuses; --format is each command's own.
. "${top_srcdir:-.}/tests/lib.sh"

# No user file may change what the commands print.
XDG_CONFIG_HOME=$tmp/config
HOME=$tmp
export XDG_CONFIG_HOME HOME
have_python=no
command -v python3 >/dev/null 2>&1 && have_python=yes

# --- The SVG ---------------------------------------------------------
expect_status 0 "$CHARTA" stats --svg "$tmp/s.svg" sovereignty 'cyber*' \
    '"shared future"'
"$CHARTA" stats --format=tsv sovereignty 'cyber*' '"shared future"' |
    awk -F '\t' 'NR > 1 { n += $5 } END { print n }' >"$tmp/total"
ticks=$(grep -c '<line class="tick"' "$tmp/s.svg")
[ "$ticks" = "$(cat "$tmp/total")" ] ||
    fail "svg: $ticks ticks, but stats counts $(cat "$tmp/total")"
[ "$(grep -c '<rect class="bar"' "$tmp/s.svg")" = 18 ] ||
    fail "svg: not one bar per document and term"
if [ "$have_python" = yes ]; then
	python3 - "$tmp/s.svg" <<'EOF' || fail "svg: not well-formed XML"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
ticks = root.findall(".//{http://www.w3.org/2000/svg}line[@class='tick']")
assert len(ticks) > 0
EOF
elif command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$tmp/s.svg" || fail "svg: not well-formed XML"
fi
expect_status 0 "$CHARTA" stats --by=chapter --svg="$tmp/c.svg" sovereignty
grep -q 'mfa:II' "$tmp/c.svg" || fail "svg --by=chapter: no chapter bars"

# Not written half-way: an unwritable place leaves the old file as it was.
expect_status 2 "$CHARTA" stats --svg "$tmp/no/such/dir/x.svg" sovereignty
grep -q "cannot write $tmp/no/such/dir/x.svg" "$tmp/err" ||
    fail "svg to a missing directory: '$(cat "$tmp/err")'"
[ -s "$tmp/out" ] && fail "svg failed, but the table was printed"
if [ "$(id -u)" != 0 ]; then
	mkdir "$tmp/ro"
	echo old >"$tmp/ro/x.svg"
	chmod 555 "$tmp/ro"
	expect_status 2 "$CHARTA" stats --svg "$tmp/ro/x.svg" sovereignty
	[ "$(cat "$tmp/ro/x.svg")" = old ] ||
	    fail "a failed --svg changed the file that was there"
	[ "$(ls "$tmp/ro")" = x.svg ] || fail "a failed --svg left a file"
	chmod 755 "$tmp/ro"
fi

# --- JSON says what TSV says ----------------------------------------
if [ "$have_python" = yes ]; then
	for args in "kwic --parallel sovereignty doc:mfa" \
	    "stats --by=chapter sovereignty privacy" \
	    "collocates sovereignty" "keyness mfa un" "show mfa:II.2"; do
		# shellcheck disable=SC2086
		"$CHARTA" $args --format=json >"$tmp/j" ||
		    fail "$args --format=json exited $?"
		# shellcheck disable=SC2086
		"$CHARTA" $args --format=tsv >"$tmp/t"
		python3 - "$tmp/j" "$tmp/t" <<'EOF' || fail "$args: JSON and TSV differ"
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
rows = len(open(sys.argv[2], encoding="utf-8").read().splitlines()) - 1
if "hits" in j:
    n = len(j["hits"])
elif "terms" in j:
    n = sum(len(t["rows"]) for t in j["terms"])
elif "collocates" in j:
    n = len(j["collocates"])
elif "nodes" in j:
    n = len(j["nodes"])
else:
    n = len(j["words"])
assert n == rows and n > 0, (n, rows)
EOF
	done
fi

# --- Stop words ------------------------------------------------------
"$CHARTA" collocates --format=tsv sovereignty | cut -f 1 >"$tmp/default"
grep -qx interests "$tmp/default" || fail "collocates: no 'interests'"
grep -qx the "$tmp/default" && fail "collocates: the stop word 'the' is there"
mkdir -p "$tmp/config/charta"
printf '# mine\nInterests\n' >"$tmp/config/charta/stopwords"
"$CHARTA" collocates --format=tsv sovereignty | cut -f 1 >"$tmp/mine"
grep -qx interests "$tmp/mine" &&
    fail "collocates: the user's stop word 'interests' is there"
grep -qx the "$tmp/mine" ||
    fail "collocates: the user's list does not replace the shipped one"
printf 'interests\nthe and\n' >"$tmp/config/charta/stopwords"
expect_status 2 "$CHARTA" keyness mfa un
grep -q "$tmp/config/charta/stopwords:2: " "$tmp/err" ||
    fail "a bad stop word list: '$(cat "$tmp/err")'"
[ -s "$tmp/out" ] && fail "a bad stop word list, and keyness printed"
rm -f "$tmp/config/charta/stopwords"

# --- Hostile text stays sanitized in concordance lines -----------------
esc=$(printf '\033')
{
	printf -- '---\nslug: evil\nalias: ev\ntitle: Evil\n---\n\n'
	printf 'Then %s]52;c;cHduZWQ=\007 the keyword %s[2J and ' "$esc" "$esc"
	printf '\342\200\256 bidi, C1 \302\233 here, Za'
	printf '\314\201\314\202\314\203\314\204\314\205\314\206\314\207'
	printf ' keyword end.\n'
} >"$tmp/evil.md"
"$CHARTA" --db "$tmp/evil.db" import "$tmp/evil.md" >/dev/null 2>&1 ||
    fail "import of the hostile document failed"
for fmt in text tsv json; do
	"$CHARTA" --db "$tmp/evil.db" kwic --format=$fmt --parallel keyword \
	    >"$tmp/k.$fmt" 2>&1 || fail "kwic --format=$fmt on hostile text"
	if LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" \
	    "$tmp/k.$fmt"; then
		fail "kwic --format=$fmt: a control character got through"
		od -c "$tmp/k.$fmt" | head -20 >&2
	fi
	LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/k.$fmt" &&
	    fail "kwic --format=$fmt: a C1 control got through"
	LC_ALL=C grep -q "$(printf '\342\200\256')" "$tmp/k.$fmt" &&
	    fail "kwic --format=$fmt: a bidi override got through"
done
grep -q '\^\[\[2J' "$tmp/k.text" || fail "kwic: ESC not shown as ^["
grep -q '<U+202E>' "$tmp/k.text" || fail "kwic: bidi not made visible"
grep -q '\\u001b\[2J' "$tmp/k.json" || fail "kwic json: ESC not \\u001b"
grep -q '\\u202e' "$tmp/k.json" || fail "kwic json: bidi not \\u202e"
[ "$(grep -c . "$tmp/k.text")" = 2 ] ||
    fail "kwic: not one line per hit: $(cat "$tmp/k.text")"

# --- Errors and exit statuses ---------------------------------------
expect_status 1 "$CHARTA" kwic nosuchwordanywhere
expect_status 2 "$CHARTA" kwic doc:nosuchdoc sovereignty
grep -q "no document 'nosuchdoc'" "$tmp/err" ||
    fail "kwic doc:nosuchdoc: '$(cat "$tmp/err")'"
expect_status 1 "$CHARTA" kwic doc:mfa
grep -q "no word of two letters" "$tmp/err" ||
    fail "kwic with no word: '$(cat "$tmp/err")'"
expect_status 2 "$CHARTA" kwic --sort=middle sovereignty
expect_status 2 "$CHARTA" stats '*'
grep -q "no word to count in '\*'" "$tmp/err" ||
    fail "stats '*': '$(cat "$tmp/err")'"
expect_status 1 "$CHARTA" stats nosuchwordanywhere
expect_status 0 "$CHARTA" stats --by=chapter sovereignty
expect_status 2 "$CHARTA" stats --by=page sovereignty
expect_status 2 "$CHARTA" keyness mfa nosuchdoc
grep -q "no document 'nosuchdoc'" "$tmp/err" ||
    fail "keyness mfa nosuchdoc: '$(cat "$tmp/err")'"
expect_status 2 "$CHARTA" keyness mfa mfa:IX.9
expect_status 0 "$CHARTA" keyness mfa,un news,embassy
expect_status 2 "$CHARTA" collocates sovereignty mfa:nosuchlabel
expect_status 0 "$CHARTA" collocates --window=3 --min=1 sovereignty mfa:II
expect_status 2 "$CHARTA" collocates --window=0 sovereignty
expect_status 1 "$CHARTA" collocates nosuchwordanywhere
expect_status 2 "$CHARTA" kwic --count sovereignty
grep -q "does not apply" "$tmp/err" ||
    fail "kwic --count: '$(cat "$tmp/err")'"
# --format: an output format here, a citation format for cite (one name,
# two options): each command reads its own, and says which values it takes.
expect_status 2 "$CHARTA" kwic --format=bibtex sovereignty
grep -q "(one of: text tsv json)" "$tmp/err" ||
    fail "kwic --format=bibtex: '$(cat "$tmp/err")'"
expect_status 0 "$CHARTA" stats --format=json sovereignty
expect_status 0 "$CHARTA" show --format tsv mfa:II.2
expect_status 0 "$CHARTA" cite --format=bibtex mfa:II.2
grep -q '^@' "$tmp/out" || fail "cite --format=bibtex: '$(cat "$tmp/out")'"
expect_status 2 "$CHARTA" cite --format=json mfa:II.2
grep -q "(one of: plain chicago" "$tmp/err" ||
    fail "cite --format=json: '$(cat "$tmp/err")'"
finish
