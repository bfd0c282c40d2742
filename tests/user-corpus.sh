#!/bin/sh
# user-corpus.sh -- the user's own corpus.  `charta import FILE` without
# --db writes $XDG_DATA_HOME/charta/corpus.db, never the shipped corpus;
# every command then sees the shipped and the user's documents together,
# and `charta list` marks the user's.  Re-importing a slug replaces that
# document and says what changed; `charta remove SLUG` removes it; a
# shipped document can be neither replaced nor removed.  A damaged user
# corpus, or one whose document a shipped one's name took, never stops
# the shipped corpus from opening.  An uninstalled ./src/charta reads
# only: listing creates no directory.
. "${top_srcdir:-.}/tests/lib.sh"
: "${CHARTA_DB:?CHARTA_DB is not set; run this through make check}"

mkdir "$tmp/home" "$tmp/data"
HOME=$tmp/home
XDG_DATA_HOME=$tmp/data
export HOME XDG_DATA_HOME
cp "$CHARTA_DB" "$tmp/shipped.db"
CHARTA_DB=$tmp/shipped.db
export CHARTA_DB
user=$XDG_DATA_HOME/charta/corpus.db
sum=$(cksum <"$CHARTA_DB")
cd "$tmp" || exit 99

"$CHARTA" list >shipped.list || fail "list of the shipped corpus"
[ -e "$XDG_DATA_HOME/charta" ] && fail "list made the user directory"

printf -- '---\nslug: mine\nalias: my\ntitle: My own paper\n---\n\n# One\n\nFirst.\n\nSecond.\n' >mine.md
expect_status 0 "$CHARTA" import mine.md
[ -s "$tmp/out" ] && fail "a new document: something printed: $(cat "$tmp/out")"
[ -f "$user" ] || fail "no user corpus at $user"
[ "$(cksum <"$CHARTA_DB")" = "$sum" ] || fail "the shipped corpus changed"

# Seen with the shipped ones, by every command, marked as the user's.
expect_status 0 "$CHARTA" list
head -n "$(wc -l <shipped.list)" "$tmp/out" | cmp -s - shipped.list ||
    fail "the shipped documents are not listed as before: $(cat "$tmp/out")"
grep -q '^mine  *my  *My own paper  (yours)$' "$tmp/out" ||
    fail "list does not mark mine: $(cat "$tmp/out")"
grep '(yours)' "$tmp/out" | grep -v -q '^mine' &&
    fail "a shipped document is marked as the user's"
expect_status 0 "$CHARTA" show my:1.p2
grep -q '^Second\.$' "$tmp/out" || fail "show my:1.p2: $(cat "$tmp/out")"
expect_status 0 "$CHARTA" search second
grep -q 'mine' "$tmp/out" || fail "search does not find mine: $(cat "$tmp/out")"
expect_status 0 "$CHARTA" show mfa:II
# --db names one corpus: the user's is not added.
expect_status 0 "$CHARTA" --db "$CHARTA_DB" list
grep -q '^mine' "$tmp/out" && fail "--db shows the user's documents"

# Re-import: replaced, and what changed is said.
printf -- '---\nslug: mine\nalias: my\ntitle: My own paper, again\n---\n\n# One\n\nFirst.\n\n# Two\n\nThird.\n\nFourth.\n\nFifth.\n' >mine.md
expect_status 0 "$CHARTA" import mine.md
grep -q -x 'replaced mine: 1 section and 2 paragraphs before, 2 sections and 4 paragraphs now' \
    "$tmp/out" || fail "re-import: $(cat "$tmp/out")"
expect_status 0 "$CHARTA" list
[ "$(grep -c '^mine' "$tmp/out")" -eq 1 ] || fail "mine twice: $(cat "$tmp/out")"
grep -q 'My own paper, again' "$tmp/out" || fail "not replaced: $(cat "$tmp/out")"
expect_status 0 "$CHARTA" show my:2.p3
grep -q '^Fifth\.$' "$tmp/out" || fail "show my:2.p3: $(cat "$tmp/out")"

# A shipped document's slug or alias: refused, nothing written.
cp "$user" user.before
printf -- '---\nslug: iscc-2017-mfa\ntitle: Not it\n---\n\nText.\n' >clash.md
expect_status 2 "$CHARTA" import clash.md
grep -q "^charta: clash.md: 'iscc-2017-mfa' names the shipped document iscc-2017-mfa" \
    "$tmp/err" || fail "slug clash: $(cat "$tmp/err")"
printf -- '---\nslug: other\nalias: mfa\ntitle: Not it\n---\n\nText.\n' >clash2.md
expect_status 2 "$CHARTA" import clash2.md
grep -q "^charta: clash2.md: 'mfa' names the shipped document iscc-2017-mfa" \
    "$tmp/err" || fail "alias clash: $(cat "$tmp/err")"
cmp -s "$user" user.before || fail "a refused import changed the user corpus"
[ "$(cksum <"$CHARTA_DB")" = "$sum" ] || fail "the shipped corpus changed"

# remove: the user's, yes; a shipped one, no; nothing, no.
expect_status 2 "$CHARTA" remove mfa
grep -q '^charta: mfa is a shipped document: the shipped corpus is read-only' \
    "$tmp/err" || fail "remove mfa: $(cat "$tmp/err")"
expect_status 2 "$CHARTA" remove nosuch
grep -q "^charta: no document 'nosuch' in " "$tmp/err" ||
    fail "remove nosuch: $(cat "$tmp/err")"
cmp -s "$user" user.before || fail "a refused remove changed the user corpus"
expect_status 0 "$CHARTA" remove my
grep -q -x 'removed mine: 2 sections and 4 paragraphs' "$tmp/out" ||
    fail "remove my: $(cat "$tmp/out")"
expect_status 0 "$CHARTA" list
cmp -s "$tmp/out" shipped.list || fail "after remove: $(cat "$tmp/out")"

# A damaged user corpus: the shipped one opens all the same, and says so.
printf 'garbage, not a database\n' >"$user"
expect_status 0 "$CHARTA" list
cmp -s "$tmp/out" shipped.list || fail "damaged user corpus: list differs"
grep -q "^charta: $user: not a charta database; your own documents are not shown$" \
    "$tmp/err" || fail "damaged user corpus: $(cat "$tmp/err")"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "more than one line: $(cat "$tmp/err")"
expect_status 0 "$CHARTA" show mfa:II.2
# A user document named as a shipped one (a newer shipped corpus took the
# name): left out, said; the others shown.
rm -f "$user"
printf -- '---\nslug: kept\ntitle: Kept\n---\n\nText.\n' >kept.md
printf -- '---\nslug: taken\nalias: un\ntitle: Taken\n---\n\nText.\n' >taken.md
expect_status 0 "$CHARTA" --db "$user" import kept.md taken.md
expect_status 0 "$CHARTA" list
grep -q '^kept' "$tmp/out" || fail "kept is not listed: $(cat "$tmp/out")"
grep -q '^taken' "$tmp/out" && fail "taken is listed: $(cat "$tmp/out")"
grep -q "your document 'taken' is not shown: 'un' names a shipped document too" \
    "$tmp/err" || fail "taken: $(cat "$tmp/err")"
finish
