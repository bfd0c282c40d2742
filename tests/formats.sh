#!/bin/sh
# formats.sh -- the output for scripts and colour, as a script relies on
# them: --format=tsv and --format=json of list, toc, search, search
# --count and compare --stats have the columns charta(1) documents, the
# two say the same thing, and both stay parseable and free of raw escape
# sequences when the text is hostile (control characters, bidi overrides,
# TABs, line feeds, backslashes, invalid UTF-8); --color works on every
# command that prints text; toc of a paragraph prints its entry.
. "${top_srcdir:-.}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 ||
    skip "python3 is not installed (Debian package python3)"

# A reader of charta's TSV, written from charta(1) alone: a header line,
# then rows of as many fields; in a field \\, \t, \n and \r are escapes and
# any other backslash is an error.  Prints the table as JSON (the TSV's
# strings, unescaped), for comparing with --format=json.
cat >"$tmp/read-tsv.py" <<'EOF'
import json, re, sys
data = open(sys.argv[1], 'rb').read().decode('utf-8')
if not data.endswith('\n'):
    sys.exit('no line feed at the end')
lines = data[:-1].split('\n')
cols = lines[0].split('\t')
esc = {'\\\\': '\\', '\\t': '\t', '\\n': '\n', '\\r': '\r'}
rows = []
for no, line in enumerate(lines[1:], 2):
    fields = line.split('\t')
    if len(fields) != len(cols):
        sys.exit('line %d: %d fields, the header has %d'
                 % (no, len(fields), len(cols)))
    for f in fields:
        if re.search(r'\\([^\\tnr]|$)', re.sub(r'\\[\\tnr]', '', f)):
            sys.exit('line %d: a bad escape in %r' % (no, f))
    rows.append(dict(zip(cols, [re.sub(r'\\[\\tnr]',
                                       lambda m: esc[m.group(0)], f)
                                for f in fields])))
json.dump({'columns': cols, 'rows': rows}, sys.stdout)
EOF

# The JSON, checked: one array of objects, each with exactly the columns
# in their order; printed back as the TSV reader prints a table (numbers
# and null as TSV writes them, arrays joined by spaces).
cat >"$tmp/read-json.py" <<'EOF'
import json, sys
raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-8')          # strict: invalid UTF-8 fails here
v = json.loads(text)
if not isinstance(v, list):
    sys.exit('not an array')
cols = sys.argv[2].split()
def tsv(x):
    if x is None:
        return ''
    if isinstance(x, list):
        return ' '.join(x)
    return str(x)
rows = []
for o in v:
    if not isinstance(o, dict) or list(o.keys()) != cols:
        sys.exit('an object without the columns %s: %r' % (cols, o))
    rows.append(dict((k, tsv(o[k])) for k in cols))
json.dump({'columns': cols, 'rows': rows}, sys.stdout)
EOF

# check_formats NAME COLUMNS ARGS...: charta ARGS --format=tsv and json
# succeed, have the columns COLUMNS, parse, and say the same thing.  The
# outputs are left in $tmp/NAME.tsv and $tmp/NAME.json.
check_formats() {
	_name=$1 _cols=$2
	shift 2
	"$CHARTA" "$@" --format=tsv >"$tmp/$_name.tsv" 2>"$tmp/err" ||
	    { fail "$* --format=tsv exited $?: $(cat "$tmp/err")"; return; }
	"$CHARTA" "$@" --format=json >"$tmp/$_name.json" 2>"$tmp/err" ||
	    { fail "$* --format=json exited $?: $(cat "$tmp/err")"; return; }
	[ "$(head -n 1 "$tmp/$_name.tsv")" = "$(printf %s "$_cols" | tr ' ' '\t')" ] ||
	    fail "$* --format=tsv: header '$(head -n 1 "$tmp/$_name.tsv")'"
	python3 -m json.tool "$tmp/$_name.json" >/dev/null 2>"$tmp/err" ||
	    fail "$* --format=json is not JSON: $(cat "$tmp/err")"
	python3 "$tmp/read-tsv.py" "$tmp/$_name.tsv" >"$tmp/$_name.t" 2>"$tmp/err" ||
	    fail "$* --format=tsv: $(cat "$tmp/err")"
	python3 "$tmp/read-json.py" "$tmp/$_name.json" "$_cols" >"$tmp/$_name.j" \
	    2>"$tmp/err" || fail "$* --format=json: $(cat "$tmp/err")"
}

# same NAME: the TSV and the JSON of NAME have the same rows (for text
# that needs no placeholder, where the TSV shows what the JSON carries).
same() {
	cmp -s "$tmp/$1.t" "$tmp/$1.j" ||
	    fail "$1: the TSV and the JSON differ: $(head -c 300 "$tmp/$1.t")" \
	    "/ $(head -c 300 "$tmp/$1.j")"
}

# rows NAME: the number of rows of the TSV of NAME.
rows() {
	echo $(($(wc -l <"$tmp/$1.tsv") - 1))
}

# The shipped corpus.
check_formats list 'slug alias title date language origin' list
same list
[ "$(rows list)" -eq "$("$CHARTA" list | wc -l)" ] ||
    fail "list --format=tsv: $(rows list) rows"
sed -n 2p "$tmp/list.tsv" | grep -q "^iscc-2017-mfa	mfa	International Strategy of Cooperation on Cyberspace	2017-03-01	en	shipped$" ||
    fail "list --format=tsv: $(sed -n 2p "$tmp/list.tsv")"

cols='ref doc label depth kind title page'
check_formats toc "$cols" toc
same toc
[ "$(rows toc)" -eq "$("$CHARTA" toc | wc -l)" ] ||
    fail "toc --format=tsv: $(rows toc) rows, text $("$CHARTA" toc | wc -l)"
grep -q '^iscc-2017-mfa:IV\.5	iscc-2017-mfa	IV\.5	2	action	5\. International Cooperation on Cyber Terrorism and Cyber Crimes	$' \
    "$tmp/toc.tsv" || fail "toc --format=tsv: no row for mfa:IV.5"
grep -q '"page": [0-9]' "$tmp/toc.json" ||
    fail "toc --format=json: no page numbers (the UN text has them)"

check_formats search 'ref doc label kind text' search privacy
same search
[ "$(rows search)" -eq "$("$CHARTA" search privacy | wc -l)" ] ||
    fail "search --format=tsv: $(rows search) rows"
grep -q '^news-2017-release:p6	news-2017-release	p6	paragraph	China.s plan of action' \
    "$tmp/search.tsv" || fail "search --format=tsv: no row for news:p6"
# Nothing found: status 1, and still a table, empty.
expect_status 1 "$CHARTA" search --format=json nosuchwordanywhere
[ "$(cat "$tmp/out")" = '[]' ] ||
    fail "search --format=json with no match: $(cat "$tmp/out")"
expect_status 1 "$CHARTA" search --format=tsv nosuchwordanywhere
[ "$(cat "$tmp/out")" = "$(printf 'ref\tdoc\tlabel\tkind\ttext')" ] ||
    fail "search --format=tsv with no match: $(cat "$tmp/out")"

check_formats count 'doc paragraphs sections' search --count privacy
same count
grep -q '^iscc-2017-mfa	3	1$' "$tmp/count.tsv" ||
    fail "search --count --format=tsv: $(cat "$tmp/count.tsv")"

cols='pair left right shared words similarity'
check_formats stats "$cols" compare --stats mfa:II un:II
same stats
n=$("$CHARTA" compare --stats mfa:II un:II | wc -l)
[ "$(rows stats)" -eq "$n" ] || fail "compare --stats --format=tsv: $(rows stats) rows, text $n"
all=$("$CHARTA" compare --stats mfa:II un:II | tail -n 1 | grep -o '[0-9]*')
tail -n 1 "$tmp/stats.tsv" | grep -q "^all	iscc-2017-mfa:II	iscc-2017-un:II	[0-9]*	[0-9]*	$all$" ||
    fail "compare --stats --format=tsv: last row $(tail -n 1 "$tmp/stats.tsv"), text $all%"
grep -q '"pair": 1, "left": \["iscc-2017-mfa:II"\], "right": \["iscc-2017-un:II"\]' \
    "$tmp/stats.json" || fail "compare --stats --format=json: $(head -n 2 "$tmp/stats.json")"

# toc of a paragraph: its own entry, in every format.
expect_status 0 "$CHARTA" toc mfa:IV.5.p1
grep -q '^  IV\.5\.p1  Along with other countries, China will explore' \
    "$tmp/out" || fail "toc mfa:IV.5.p1: '$(cat "$tmp/out")'"
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "toc mfa:IV.5.p1: not one line"
check_formats para "ref doc label depth kind title page" toc mfa:IV.5.p1
same para
grep -q '^iscc-2017-mfa:IV\.5\.p1	iscc-2017-mfa	IV\.5\.p1	3	paragraph	Along with' \
    "$tmp/para.tsv" || fail "toc mfa:IV.5.p1 --format=tsv: $(cat "$tmp/para.tsv")"
# A reference that names nothing is an error, whatever the format.
for args in "toc mfa:IV.5.p9" "toc mfa:IV.5.p9 --format=json" \
    "compare --stats --format=tsv mfa:IX" "show mfa:IV.5.p9"; do
	# shellcheck disable=SC2086
	expect_status 2 "$CHARTA" $args
	grep -q "iscc-2017-mfa has nothing labelled" "$tmp/err" ||
	    fail "$args: '$(cat "$tmp/err")'"
	[ -s "$tmp/out" ] && fail "$args printed '$(head -c 100 "$tmp/out")'"
done

# Options that do not go with a format are refused, naming both.
expect_status 2 "$CHARTA" list --format=xml
grep -q "invalid value 'xml' for --format" "$tmp/err" || fail "--format=xml"
# cite has a --format of its own: each command takes its own values.
expect_status 2 "$CHARTA" list --format=bibtex
grep -q "invalid value 'bibtex' for --format (one of: text tsv json)" \
    "$tmp/err" || fail "list --format=bibtex: $(cat "$tmp/err")"
expect_status 0 "$CHARTA" cite --format=bibtex mfa:IV.5
expect_status 2 "$CHARTA" cite --format=json mfa:IV.5
expect_status 2 "$CHARTA" compare --format=tsv mfa:II.2
grep -q -- "--format=tsv needs --stats" "$tmp/err" ||
    fail "compare --format without --stats: $(cat "$tmp/err")"
expect_status 2 "$CHARTA" search -w 40 --format=json privacy
grep -q -- "--width does not go with --format=json" "$tmp/err" ||
    fail "search -w --format: $(cat "$tmp/err")"
expect_status 2 "$CHARTA" toc --color=always --format=tsv
grep -q -- "--color=always does not go with --format=tsv" "$tmp/err" ||
    fail "toc --color=always --format: $(cat "$tmp/err")"
expect_status 2 "$CHARTA" show --format=json mfa
grep -q "option '--format=json' does not apply" "$tmp/err" ||
    fail "show --format: $(cat "$tmp/err")"

# A hostile document: escape sequences (title, clear screen, colour,
# OSC 52), BEL, C1, bidi override, zero-width space, TAB, backslash and
# quotes; then, straight into the database, line feeds, a carriage
# return and invalid UTF-8.
esc=$(printf '\033')
bel=$(printf '\007')
tab=$(printf '\t')
{
	printf -- '---\nslug: evil\nalias: ev\n'
	printf 'title: Evil %s]0;pwned%s title\n---\n\n' "$esc" "$bel"
	printf '# Head %s[2J%s[H clear {.chapter label=I}\n\n' "$esc" "$esc"
	printf 'Tab%shere, a back\\\\slash, "quotes", %s[31mred%s[0m, ' \
	    "$tab" "$esc" "$esc"
	printf '%s]52;c;cHduZWQ=%s clip, C1 \302\233 and bidi \342\200\256 ' \
	    "$esc" "$bel"
	printf 'RLO, zero\342\200\213width.\n\n'
	# A character beyond U+FFFF: a surrogate pair in ASCII JSON.
	printf '# Second {.chapter label=II}\n\nTab%shere too, in red \360\235\225\217.\n' \
	    "$tab"
} >"$tmp/evil.md"
expect_status 0 "$CHARTA" --db "$tmp/evil.db" import "$tmp/evil.md"
db=$tmp/evil.db
bad=no
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$tmp/evil.db" "$tmp/bad.db"
	if sqlite3 "$tmp/bad.db" "UPDATE node SET body = \
	    X'426164FFFE20C09B9B5B326A0A6C696E650D2E20' || body \
	    WHERE label = 'II.p1'; UPDATE node SET title = \
	    CAST(X'5365636F6E64FF0A6C696E65' AS TEXT) WHERE label = 'II';" \
	    2>"$tmp/err"; then
		db=$tmp/bad.db
		bad=yes
	else
		fail "sqlite3 could not change the database: $(cat "$tmp/err")"
	fi
fi

# no_raw FILE WHAT: FILE has no raw control sequence, C1, bidi or
# invisible character and no invalid UTF-8.
no_raw() {
	for _seq in "$esc" "$bel" "$(printf '\r')" "$(printf '\302\233')" \
	    "$(printf '\342\200\256')" "$(printf '\342\200\213')" \
	    "$(printf '\377')" "$(printf '\300')"; do
		if LC_ALL=C grep -qF -- "$_seq" "$1"; then
			fail "$2 wrote $(printf %s "$_seq" | od -An -c | tr -s ' ')"
		fi
	done
}

hostile() {
	_name=$1
	shift
	check_formats "$_name" "$@"
	no_raw "$tmp/$_name.tsv" "$* --format=tsv (hostile)"
	no_raw "$tmp/$_name.json" "$* --format=json (hostile)"
}
CHARTA_DB=$db
export CHARTA_DB
hostile hlist 'slug alias title date language origin' list
hostile htoc 'ref doc label depth kind title page' toc
hostile hsearch 'ref doc label kind text' search tab
hostile hcount 'doc paragraphs sections' search --count tab
hostile hstats 'pair left right shared words similarity' \
    compare --stats evil:I evil:II
# The TSV shows the placeholders, its escapes keep a row one line.
grep -q '^evil	ev	Evil ^\[\]0;pwned^G title	' "$tmp/hlist.tsv" ||
    fail "list --format=tsv (hostile): $(sed -n 2p "$tmp/hlist.tsv")"
grep -qF 'Tab\there, a back\\slash, "quotes", ^[[31mred^[[0m, ^[]52;c;cHduZWQ=^G clip, C1 <U+009B> and bidi <U+202E> RLO, zero<U+200B>width.' \
    "$tmp/hsearch.tsv" || fail "search --format=tsv (hostile): $(cat "$tmp/hsearch.tsv")"
# The JSON carries the text exactly.
python3 - "$tmp/hsearch.json" <<'EOF' || fail "search --format=json (hostile) is not exact"
import json, sys
v = json.load(open(sys.argv[1], encoding='utf-8'))
t = [o['text'] for o in v if o['ref'] == 'evil:I.p1'][0]
want = ('Tab\there, a back\\slash, "quotes", \x1b[31mred\x1b[0m, '
        '\x1b]52;c;cHduZWQ=\x07 clip, C1 \x9b and bidi \u202e RLO, '
        'zero\u200bwidth.')
if t != want:
    sys.exit('%r\n!=\n%r' % (t, want))
EOF
if [ "$bad" = yes ]; then
	grep -qF 'Bad�� ���[2j\nline^M. Tab\there too' "$tmp/hsearch.tsv" ||
	    fail "search --format=tsv (invalid UTF-8): $(cat "$tmp/hsearch.tsv")"
	grep -qF '"text": "Bad�� ���[2j\nline\r. Tab\there too' \
	    "$tmp/hsearch.json" ||
	    fail "search --format=json (invalid UTF-8): $(cat "$tmp/hsearch.json")"
	grep -qF 'evil:II	evil	II	1	chapter	Second�\nline	' \
	    "$tmp/htoc.tsv" || fail "toc --format=tsv (invalid UTF-8): $(cat "$tmp/htoc.tsv")"
fi
# In a locale that is not UTF-8 the JSON is ASCII, and as exact.
if locale -a 2>/dev/null | grep -qx 'C'; then
	LC_ALL=C "$CHARTA" search --format=json tab >"$tmp/ascii.json" ||
	    fail "LC_ALL=C search --format=json failed"
	LC_ALL=C grep -q "$(printf '[\200-\377]')" "$tmp/ascii.json" &&
	    fail "LC_ALL=C search --format=json has non-ASCII bytes"
	python3 -c 'import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
sys.exit(a != b)' "$tmp/ascii.json" "$tmp/hsearch.json" ||
	    fail "LC_ALL=C search --format=json says something else"
fi

# --color: always colours, never and a pipe do not; NO_COLOR is for auto.
sgr=$(printf '\033\\[')
for args in "list" "toc" "toc evil:I" "show evil" "search tab" \
    "compare evil:I evil:II"; do
	# shellcheck disable=SC2086
	"$CHARTA" $args --color=always >"$tmp/c.out" 2>"$tmp/err" ||
	    fail "$args --color=always exited $?: $(cat "$tmp/err")"
	grep -q "${sgr}7m^\[${sgr}m" "$tmp/c.out" ||
	    fail "$args --color=always: no placeholder in reverse video"
	NO_COLOR=1 "$CHARTA" $args --color=always >"$tmp/c2.out" 2>&1
	cmp -s "$tmp/c.out" "$tmp/c2.out" ||
	    fail "$args --color=always: NO_COLOR made a difference"
	for when in never auto; do
		"$CHARTA" $args --color=$when >"$tmp/c.out" 2>"$tmp/err" ||
		    fail "$args --color=$when exited $?: $(cat "$tmp/err")"
		LC_ALL=C grep -q "$esc" "$tmp/c.out" &&
		    fail "$args --color=$when wrote an escape sequence"
	done
	"$CHARTA" $args >"$tmp/c3.out" 2>&1
	cmp -s "$tmp/c.out" "$tmp/c3.out" ||
	    fail "$args: --color=auto is not the default"
done
"$CHARTA" --db "$tmp/evil.db" search --color=always red >"$tmp/c.out"
grep -q "${sgr}1;31mred${sgr}m" "$tmp/c.out" ||
    fail "search --color=always: the match is not in colour: $(cat "$tmp/c.out")"
finish
