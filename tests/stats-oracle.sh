#!/bin/sh
# stats-oracle.sh -- `charta stats` against an oracle: tests/stats-oracle.py
# splits the text of every document (from `charta show --format=tsv`) into
# words by its own implementation of the counting rules, recounts terms
# per document and per chapter, and must agree exactly with `charta stats
# --format=tsv --by=doc` and `--by=chapter`: words, counts and rates.
. "${top_srcdir:-.}/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"

# Words, phrases (one across a hyphen: "cyber-related"), prefixes, numbers,
# capitals, a word in titles only.
python3 "$top_srcdir/tests/stats-oracle.py" "$CHARTA" sovereignty \
    '"shared future"' 'cyber*' cyberspace China states \
    'international cooperation' privacy 2017 UN 'cyber related' \
    'principle' >"$tmp/out" 2>"$tmp/err" ||
    fail "the oracle and charta stats disagree: $(cat "$tmp/err")"
grep -q 'by=doc: 72 rows agree' "$tmp/out" ||
    fail "the oracle checked no rows per document: $(cat "$tmp/out")"
grep -q 'by=chapter: [0-9]* rows agree' "$tmp/out" ||
    fail "the oracle checked no rows per chapter: $(cat "$tmp/out")"
finish
