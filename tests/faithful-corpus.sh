#!/bin/sh
# faithful-corpus.sh -- every word of every seed text is in its document, in
# order, and nothing else is: `charta show DOC`, less the lines charta adds
# (the document title and its rule, section rules, "[LABEL]" citations),
# has exactly the seed's words (see faithful.sh -x).
#
# Skipped seed lines: the UN text's table of contents (000, lines 27-54),
# which became the sections' page numbers; and in seed 004, which holds two
# texts, the lines of the other text (the China Daily photo caption, line
# 34, belongs to the article; lines 82-123 are the article).
. "${top_srcdir:-.}/tests/lib.sh"

seeds=$top_srcdir/tests/seeds

# check DOC SEED [SKIP_FROM SKIP_TO]...
check() {
	doc=$1
	seed=$seeds/$2
	shift 2
	if ! "$CHARTA" show "$doc" >"$tmp/$doc.txt" 2>"$tmp/err"; then
		fail "charta show $doc: $(cat "$tmp/err")"
		return
	fi
	sed -e '1,2d' -e 's/  \[[^]]*\]$//' -e '/^-*$/d' "$tmp/$doc.txt" \
	    >"$tmp/$doc.words"
	sh "$top_srcdir/tests/faithful.sh" -x "$seed" "$tmp/$doc.words" "$@" ||
	    fail "$doc is not faithful to $seed"
}

check iscc-2017-mfa 001_aa75b5da32834063.txt
check iscc-2017-un 000_15755c6df6191b85.txt 27 54
check news-2017-release 002_f5a1f253dfa391e3.txt
check embassy-2017-newsletter 003_bcf7c6d5bcec221f.txt
check wic-2019-community 004_ad4755c0b9a740af.txt 34 34 82 123
check chinadaily-2019-wic 004_ad4755c0b9a740af.txt 1 33 35 81

# The check itself must be able to fail: drop one word from a paragraph.
sed '20s/ the / /' "$tmp/iscc-2017-mfa.words" >"$tmp/damaged"
if sh "$top_srcdir/tests/faithful.sh" -x "$seeds/001_aa75b5da32834063.txt" \
    "$tmp/damaged" 2>/dev/null; then
	fail "faithful.sh accepted a text with a word missing"
fi

# No extraction damage is left in the texts.
for doc in iscc-2017-mfa iscc-2017-un news-2017-release \
    embassy-2017-newsletter wic-2019-community chinadaily-2019-wic; do
	if grep -n -E '\*\*|<i>|</i>|[a-z]- [a-z]' "$tmp/$doc.txt" >"$tmp/damage"
	then
		fail "$doc still shows extraction damage: $(head -3 "$tmp/damage")"
	fi
done
finish
