#!/bin/sh
# cite.sh -- `charta cite` and `charta links` as a script sees them: each
# citation format of the shipped documents against golden files checked
# by hand (tests/golden/cite/FORMAT.out), the exit statuses, CSL-JSON that
# JSON parsers accept with the fields Zotero reads, hostile metadata that
# keeps BibTeX balanced and carries no escape sequence, the config file's
# cite-format, and the links as TSV, line for line data/links.tsv.
#
# To accept new output after a deliberate change:
#   GOLDEN_UPDATE=1 make check TESTS=tests/cite.sh
. "${top_srcdir:-.}/tests/lib.sh"

golden=$top_srcdir/tests/golden/cite
# No user's config file: the default format is plain.
XDG_CONFIG_HOME=$tmp/config
export XDG_CONFIG_HOME

# One part of every document, of every kind a citation tells apart: a
# paragraph, a section with a page, a letter, a news report's paragraph, a
# newsletter's principle and paragraph, a whole document, a principle, an
# article's paragraph, a preface's paragraph, a chapter.
refs="mfa:II.2.p1 un:II.2 un:L.p1 news:p3 embassy:III embassy:2.p1 wic
wic:II.1 chinadaily:p4 mfa:P.p1 mfa:IV"

# golden NAME ARGS...: charta ARGS... against $golden/NAME.out.
golden() {
	name=$1
	shift
	"$CHARTA" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	st=$?
	[ "$st" -eq 0 ] || fail "charta $* exited $st: $(cat "$tmp/$name.err")"
	if [ -n "${GOLDEN_UPDATE:-}" ]; then
		cp "$tmp/$name.out" "$golden/$name.out"
		return
	fi
	if ! cmp -s "$tmp/$name.out" "$golden/$name.out"; then
		fail "charta $* differs from $name.out:"
		diff -u "$golden/$name.out" "$tmp/$name.out" | head -20 >&2
	fi
}

# shellcheck disable=SC2086
for f in plain chicago bibtex csl-json markdown; do
	golden "$f" cite --format="$f" $refs
done
golden text-plain cite --text news:p4 embassy:I
golden text-markdown cite --text --format=markdown news:p4 embassy:I
golden text-bibtex cite --text --format=bibtex embassy:2.p3
# No shipped document has a URL: markdown says its link is missing.
grep -q "iscc-2017-mfa has no URL: its Markdown citation has no link" \
    "$tmp/markdown.err" || fail "markdown: no word of the missing URL"
[ -s "$tmp/plain.err" ] && fail "plain wrote to stderr: $(cat "$tmp/plain.err")"

# Exit statuses: an unknown reference is 2, and nothing is printed.
expect_status 2 "$CHARTA" cite mfa:IV.10
grep -q "iscc-2017-mfa has nothing labelled 'IV.10'" "$tmp/err" ||
    fail "cite mfa:IV.10: $(cat "$tmp/err")"
expect_status 2 "$CHARTA" cite mfa:II.2 nosuch:I
grep -q "no document 'nosuch'" "$tmp/err" || fail "cite nosuch:I"
[ -s "$tmp/out" ] && fail "cite with a bad reference printed: $(cat "$tmp/out")"
expect_status 2 "$CHARTA" cite --format=apa mfa
grep -q "cite: invalid value 'apa' for --format (one of: plain chicago bibtex csl-json markdown)" \
    "$tmp/err" || fail "--format=apa: $(cat "$tmp/err")"
expect_status 2 "$CHARTA" cite
grep -q 'usage: charta cite REF...' "$tmp/err" || fail "cite without REF"
expect_status 2 "$CHARTA" show --format=plain mfa
grep -q "option '--format=plain' does not apply" "$tmp/err" ||
    fail "show --format: $(cat "$tmp/err")"
expect_status 0 "$CHARTA" cite MFA:iv.5.P2
grep -q 'iscc-2017-mfa:IV.5.p2' "$tmp/out" || fail "cite MFA:iv.5.P2"

# The config file's cite-format is the default; --format wins over it.
mkdir -p "$tmp/config/charta"
echo 'set cite-format bibtex' >"$tmp/config/charta/config"
expect_status 0 "$CHARTA" cite wic
grep -q '^@techreport{wic-2019-community,$' "$tmp/out" ||
    fail "cite-format bibtex: $(cat "$tmp/out")"
expect_status 0 "$CHARTA" cite --format=plain wic
grep -q '^Jointly Build' "$tmp/out" || fail "--format=plain over the config"
printf 'bind y yank\nset cite-format harvard\n' >"$tmp/config/charta/config"
expect_status 2 "$CHARTA" cite wic
grep -q "config/charta/config:2: unknown citation format 'harvard'" \
    "$tmp/err" || fail "bad cite-format: $(cat "$tmp/err")"
rm -f "$tmp/config/charta/config"

# CSL-JSON is JSON, with the fields Zotero reads.
if command -v python3 >/dev/null 2>&1; then
	# shellcheck disable=SC2046
	"$CHARTA" cite --format=csl-json --text $("$CHARTA" list |
	    awk '{ print $1 }') $refs >"$tmp/all.json" ||
	    fail "cite --format=csl-json of every document"
	python3 -m json.tool "$tmp/all.json" >/dev/null 2>"$tmp/json.err" ||
	    fail "not JSON: $(cat "$tmp/json.err")"
	python3 - "$tmp/all.json" <<'EOF' || fail "CSL-JSON lacks what Zotero reads"
import json, sys
items = json.load(open(sys.argv[1]))
assert len(items) == 17, len(items)
for it in items:
    for key in ("id", "type", "title", "issued", "language"):
        assert key in it, (it["id"], key)
    assert it["type"] in ("report", "article-newspaper",
        "article-magazine"), it["type"]
    parts = it["issued"]["date-parts"][0]
    assert 1 <= len(parts) <= 3 and all(type(p) is int for p in parts), parts
    for name in it.get("author", []):
        assert list(name) == ["literal"], name   # an institution, whole
    assert it["annote"], it["id"]
byid = {it["id"]: it for it in items}
mfa = byid["iscc-2017-mfa"]
assert mfa["author"][0]["literal"].startswith("Ministry of Foreign Affairs")
assert mfa["issued"]["date-parts"] == [[2017, 3, 1]]
assert byid["news-2017-release"].get("author") is None   # no issuer
assert byid["iscc-2017-un:II.2"]["note"] == "sec. II.2, p. 4"
EOF
else
	echo "cite: no python3: CSL-JSON not parsed" >&2
fi

# Hostile metadata: escape sequences, bidi, quotes, braces, backslashes in
# the front matter and the text (and invalid UTF-8 in a damaged database).
esc=$(printf '\033')
bel=$(printf '\007')
printf -- '---\nslug: evil\ntitle: Q"uo{te}s \\back\\slash %s[31mred %s]52;c;aGk=%s \342\200\256bidi \302\233 *md* [x](y) $&%%#_^~\nissuer: Inst "A" {B} %s[2J\ndate: 2017-03\nsource: https://example.org/a b(c)"{}\nkind: strategy\n---\n\n# Head %s[1m {.chapter label=I}\n\nText with } and %s]52;c;aGk=%s and @x{y, \\end\n' \
    "$esc" "$esc" "$bel" "$esc" "$esc" "$esc" "$bel" >"$tmp/evil.md"
expect_status 0 "$CHARTA" --db "$tmp/evil.db" import "$tmp/evil.md"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$tmp/evil.db" "UPDATE document SET title = title || \
	    X'FFE08041'" 2>"$tmp/err" ||
	    fail "sqlite3 could not change the database: $(cat "$tmp/err")"
fi
for f in plain chicago bibtex csl-json markdown; do
	"$CHARTA" --db "$tmp/evil.db" cite --text --format="$f" evil:I.p1 \
	    >"$tmp/evil.$f" 2>/dev/null || fail "cite --format=$f of evil"
	LC_ALL=C grep -q "[$esc$bel]" "$tmp/evil.$f" &&
	    fail "$f: a raw control character"
	LC_ALL=C grep -q "$(printf '\342\200\256')" "$tmp/evil.$f" &&
	    fail "$f: a raw bidi control"
	LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/evil.$f" &&
	    fail "$f: a raw C1 control"
	iconv -f UTF-8 -t UTF-8 "$tmp/evil.$f" >/dev/null 2>&1 ||
	    fail "$f: not valid UTF-8"
done
grep -q '\^\[\[31mred \^\[\]52;c;aGk=\^G <U+202E>bidi <U+009B> ' \
    "$tmp/evil.plain" || fail "plain: placeholders: $(cat "$tmp/evil.plain")"
if command -v sqlite3 >/dev/null 2>&1; then
	grep -q "$(printf '~\357\277\275\357\277\275\357\277\275A')" \
	    "$tmp/evil.plain" ||
	    fail "plain: invalid UTF-8 not one U+FFFD per maximal subpart"
fi
if command -v python3 >/dev/null 2>&1; then
	python3 - "$tmp/evil.csl-json" <<'EOF' || fail "evil CSL-JSON: $(cat "$tmp/evil.csl-json")"
import json, sys
it = json.load(open(sys.argv[1]))[0]
assert it["title"].startswith('Q"uo{te}s \\back\\slash ^[[31mred'), it["title"]
assert it["author"] == [{"literal": 'Inst "A" {B} ^[[2J'}], it["author"]
assert it["URL"] == 'https://example.org/a b(c)"{}', it["URL"]
assert it["annote"] == "Text with } and ^[]52;c;aGk=^G and @x{y, \\end"
EOF
	# Braces balance in BibTeX, and an '@' starts nothing inside a field.
	python3 - "$tmp/evil.bibtex" <<'EOF' || fail "evil BibTeX: $(cat "$tmp/evil.bibtex")"
import sys
s = open(sys.argv[1], encoding="utf-8").read()
depth = 0
for i, ch in enumerate(s):
    if ch == "{":
        depth += 1
    elif ch == "}":
        depth -= 1
        assert depth >= 0, s[:i]
    elif ch == "@":
        assert depth > 0 or i == 0, s[:i]
assert depth == 0
assert "title = {{Q\"uo{\\textbraceleft}te{\\textbraceright}s {\\textbackslash}back" in s, s
assert "\\$\\&\\%\\#\\_{\\textasciicircum}{\\textasciitilde}" in s, s
assert "url = {https://example.org/a%20b(c)%22%7B%7D}" in s, s
EOF
fi

# Links: the TSV is data/links.tsv with full references, line for line.
expect_status 0 "$CHARTA" links
cp "$tmp/out" "$tmp/links.out"
awk -F '\t' 'NF != 4 { exit 1 }' "$tmp/links.out" ||
    fail "links: a line without four fields"
"$CHARTA" list | awk '{ print $2 "\t" $1 }' >"$tmp/aliases"
awk -F '\t' 'NR == FNR { slug[$1] = $2; next }
    /^#/ || NF == 0 { next }
    { split($1, a, ":"); split($2, b, ":")
      f = slug[a[1]] (a[2] != "" ? ":" a[2] : "")
      t = slug[b[1]] (b[2] != "" ? ":" b[2] : "")
      print f "\t" t "\t" $3 "\t" $4 }' \
    "$tmp/aliases" "$top_srcdir/data/links.tsv" >"$tmp/links.want"
if ! cmp -s "$tmp/links.want" "$tmp/links.out"; then
	fail "charta links is not data/links.tsv:"
	diff -u "$tmp/links.want" "$tmp/links.out" | head -10 >&2
fi
expect_status 0 "$CHARTA" links mfa:II.2
printf 'wic-2019-community:II.1\tiscc-2017-mfa:II.2\tcarries forward\tsovereignty in cyberspace\nembassy-2017-newsletter:III\tiscc-2017-mfa:II.2\tsummarizes\tthe principle of sovereignty\n' \
    >"$tmp/want"
cmp -s "$tmp/want" "$tmp/out" || fail "links mfa:II.2: $(cat "$tmp/out")"
# A document: the links of everything in it, whichever end.
expect_status 0 "$CHARTA" links wic
[ "$(wc -l <"$tmp/out")" -eq 22 ] || fail "links wic: $(wc -l <"$tmp/out") lines"
grep -v 'wic-2019-community' "$tmp/out" && fail "links wic: a link not of wic"
expect_status 1 "$CHARTA" links un:II.2
[ -s "$tmp/out" ] && fail "links un:II.2 printed: $(cat "$tmp/out")"
expect_status 2 "$CHARTA" links nosuch
grep -q "no document 'nosuch'" "$tmp/err" || fail "links nosuch"
expect_status 2 "$CHARTA" links mfa wic
finish
