#!/bin/sh
# pandoc.sh -- a .html or .docx text comes into charta as
# doc/source-format.md says: `pandoc -t commonmark-raw_html --wrap=none`,
# with charta's front matter put before it.  Every word of the original
# must then be in the document charta shows, in order, and the import
# must give no warning.  Skipped where pandoc is not installed.
. "${top_srcdir:-.}/tests/lib.sh"

command -v pandoc >/dev/null 2>&1 || skip "pandoc is not installed"
unset CHARTA_DB
cd "$tmp" || exit 99

cat >in.html <<'HTML'
<html><head><meta charset="utf-8"><title>T</title></head><body>
<h1>Basic Principles</h1>
<p>The <em>principle</em> of peace &amp; <a href="http://x.org">sovereignty</a>.</p>
<div class="note"><p>Inside a <span class="x">div</span>.</p></div>
<ul><li>one</li><li>two<p>second para</p></li></ul>
<blockquote><p>A quotation.</p></blockquote>
<h2>Details</h2>
<p>Line one<br>line two &eacute;l&egrave;ve 网络空间</p>
</body></html>
HTML
# A .docx made from it by pandoc itself (no binary file in the sources).
pandoc -f html -o in.docx in.html || fail "pandoc cannot write in.docx"

# The recipe of doc/source-format.md.
to_charta() {
	printf -- '---\nslug: %s\ntitle: %s\nsource: %s\n---\n\n' "$1" "$2" "$3"
	pandoc -t commonmark-raw_html --wrap=none "$3"
}

for f in in.html in.docx; do
	slug=from-${f#in.}
	to_charta "$slug" "Converted from $f" "$f" >"$slug.md" ||
	    fail "$f: pandoc failed"
	expect_status 0 "$CHARTA" --db corpus.db import "$slug.md"
	[ -s "$tmp/err" ] && fail "$f: the import warned: $(cat "$tmp/err")"
	expect_status 0 "$CHARTA" --db corpus.db show "$slug"
	# Every word of the original, in order.
	tr -s ' \n' '\n\n' <"$tmp/out" >shown.words
	for w in Basic Principles The principle of peace '&' sovereignty. \
	    Inside a div. one two second para A quotation. Details Line one \
	    line two élève 网络空间; do
		awk -v w="$w" 'found == 0 && $0 == w { found = 1; next }
		    found == 1 { print }' shown.words >rest.words
		if [ ! -s rest.words ] && [ "$w" != 网络空间 ]; then
			fail "$f: '$w' is not shown, or not in order: $(cat "$tmp/out")"
			break
		fi
		grep -q -x -F -e "$w" shown.words ||
		    fail "$f: '$w' is not shown: $(cat "$tmp/out")"
		mv rest.words shown.words
	done
	expect_status 0 "$CHARTA" --db corpus.db toc "$slug"
	grep -q 'Details' "$tmp/out" || fail "$f: no section Details: $(cat "$tmp/out")"
done
finish
