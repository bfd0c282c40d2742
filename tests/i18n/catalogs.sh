#!/bin/sh
# catalogs.sh -- every message in the sources has a finished translation
# in each catalog of po/LINGUAS (fr and zh_CN at least): a template made
# afresh from the sources, the way po/Makefile makes po/charta.pot, merged
# with po/LANG.po leaves nothing untranslated or fuzzy; msgfmt -c accepts
# each catalog (format directives, plural forms, header).  Also: every
# source or header file with marked strings is in po/POTFILES.in.
. "${top_srcdir:-.}/tests/lib.sh"

for t in xgettext msgmerge msgattrib msgfmt; do
	command -v "$t" >/dev/null 2>&1 ||
	    skip "$t is not installed (Debian package gettext)"
done

po=$top_srcdir/po

# The languages: po/LINGUAS, comments aside.
langs=$(sed 's/#.*//' "$po/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
for want in fr zh_CN; do
	printf '%s\n' "$langs" | grep -qx "$want" ||
	    fail "po/LINGUAS does not list $want"
done

# Headers with marked strings are in POTFILES.in too (po-check.sh looks
# at the .c files); i18n.h only defines the macros.
# shellcheck disable=SC2046
(cd "$top_srcdir" && grep -l -E '\b(N?_|ngettext)\("' \
    $(find src -name '*.h' ! -name i18n.h | sort)) >"$tmp/headers"
while read -r f; do
	grep -qx "$f" "$po/POTFILES.in" ||
	    fail "$f has marked strings but is not in po/POTFILES.in"
done <"$tmp/headers"

# The template, as po/Makefile's $(DOMAIN).pot-update makes it.
opts=$(sed -n 's/^XGETTEXT_OPTIONS[ \t]*=[ \t]*//p' "$po/Makevars")
[ -n "$opts" ] || fail "no XGETTEXT_OPTIONS in po/Makevars"
# shellcheck disable=SC2086
xgettext --default-domain=charta --directory="$top_srcdir" \
    --add-comments=TRANSLATORS: --files-from="$po/POTFILES.in" \
    --package-name=charta --msgid-bugs-address=x \
    $opts -o "$tmp/charta.pot" 2>"$tmp/xgettext.err" ||
    { fail "xgettext failed: $(cat "$tmp/xgettext.err")"; finish; }
n=$(grep -c '^msgid ' "$tmp/charta.pot")
[ "$n" -gt 100 ] || fail "the template has only $n messages"

for lang in $langs; do
	f=$po/$lang.po
	if [ ! -f "$f" ]; then
		fail "po/LINGUAS lists $lang, but po/$lang.po is missing"
		continue
	fi
	msgfmt -c -o /dev/null "$f" 2>"$tmp/err" ||
	    fail "msgfmt -c po/$lang.po: $(cat "$tmp/err")"
	grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"' "$f" ||
	    fail "po/$lang.po: the charset is not UTF-8"
	grep -q "^\"Language: $lang\\\\n\"" "$f" ||
	    fail "po/$lang.po: no 'Language: $lang' in the header"
	case $lang in
	zh_CN) pf='nplurals=1; plural=0;' ;;
	fr) pf='nplurals=2; plural=(n > 1);' ;;
	*) pf= ;;
	esac
	[ -z "$pf" ] || grep -qF "\"Plural-Forms: $pf\\n\"" "$f" ||
	    fail "po/$lang.po: Plural-Forms is not '$pf'"

	# The catalog against the fresh template: nothing new untranslated,
	# nothing fuzzy.  (Without fuzzy matching, a changed message shows
	# as untranslated.)
	msgmerge --quiet --no-fuzzy-matching --lang="$lang" \
	    -o "$tmp/$lang.po" "$f" "$tmp/charta.pot" 2>"$tmp/err" ||
	    { fail "msgmerge po/$lang.po: $(cat "$tmp/err")"; continue; }
	# (msgattrib keeps the header, the first entry: drop it.)
	msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" |
	    sed '1,/^$/d' | grep -A1 '^msgid ' >"$tmp/$lang.untranslated"
	if [ -s "$tmp/$lang.untranslated" ]; then
		fail "po/$lang.po: untranslated messages (update it with" \
		    "'make -C po update-po' and translate them):"
		sed 's/^/	/' "$tmp/$lang.untranslated" >&2
	fi
	msgattrib --only-fuzzy --no-obsolete --no-wrap "$f" |
	    sed '1,/^$/d' | grep -A1 '^msgid ' >"$tmp/$lang.fuzzy"
	if [ -s "$tmp/$lang.fuzzy" ]; then
		fail "po/$lang.po: fuzzy messages:"
		sed 's/^/	/' "$tmp/$lang.fuzzy" >&2
	fi
	msgfmt -c --statistics -o /dev/null "$tmp/$lang.po" 2>"$tmp/stats"
	grep -q 'untranslated\|fuzzy' "$tmp/stats" &&
	    fail "po/$lang.po: $(cat "$tmp/stats")"
done
finish
