#!/bin/sh
# cli.sh -- the command line in Simplified Chinese and French: --help and
# --version translated and no line wider than 80 columns (a CJK character
# is 2), messages translated, plural forms, exit statuses as in English,
# and the documents themselves never translated.
. "${top_srcdir:-.}/tests/lib.sh"
. "$top_srcdir/tests/i18n/lib.sh"

: "${CHARTA_DB:?CHARTA_DB is not set; run this through make check}"
export CHARTA_DB

i18n_setup zh_CN fr

# The English, for comparison: no LANGUAGE, no catalogs.
LANGUAGE='' "$CHARTA" --help >"$tmp/help.en" || fail "--help in English"
LANGUAGE='' "$CHARTA" show mfa:II.2 >"$tmp/show.en" ||
    fail "show mfa:II.2 in English"
[ -s "$tmp/show.en" ] || fail "show mfa:II.2 printed nothing"

for lang in zh_CN fr; do
	# --help: translated, every line within 80 columns.
	i18n_run "$lang" "$CHARTA" --help >"$tmp/help" 2>"$tmp/err" ||
	    fail "$lang: --help exited $?"
	usage=$(i18n_msgstr "$lang" "Usage: charta [OPTION]... [COMMAND [ARGUMENT]...]
")
	[ "$(head -n 1 "$tmp/help")" = "$usage" ] ||
	    fail "$lang: --help starts '$(head -n 1 "$tmp/help")'," \
	    "not '$usage'"
	opt=$(printf '%-24s %s' '  -h, --help' \
	    "$(i18n_msgstr "$lang" "display this help and exit")")
	grep -qxF -- "$opt" "$tmp/help" ||
	    fail "$lang: --help has no line '$opt'"
	cmds=$(i18n_msgstr "$lang" "
Commands:
" | sed -n 2p)
	grep -qxF -- "$cmds" "$tmp/help" ||
	    fail "$lang: --help has no heading '$cmds'"
	# The summary of each command, translated, after the command.
	summary=$(i18n_msgstr "$lang" "show the table of contents")
	grep -qE "^  toc \[REF\] +$summary\$" "$tmp/help" ||
	    fail "$lang: --help has no translated line for toc"
	# Untranslated: the commands, the options, the examples.
	for w in '  list' '  compare REF [REF]' '--db=' \
	    "  charta search '\"cyber sovereignty\"' doc:mfa"; do
		grep -qF -- "$w" "$tmp/help" ||
		    fail "$lang: --help lost '$w'"
	done
	cmp -s "$tmp/help" "$tmp/help.en" &&
	    fail "$lang: --help is the English one"
	# A command's own --help: translated, its options there.
	i18n_run "$lang" "$CHARTA" show --help >"$tmp/chelp" ||
	    fail "$lang: show --help exited $?"
	grep -qF -- '--width=N' "$tmp/chelp" ||
	    fail "$lang: show --help lost '--width=N'"
	wrap=$(i18n_msgstr "$lang" "wrap text at N columns")
	grep -qF -- "$wrap" "$tmp/chelp" ||
	    fail "$lang: show --help has no '$wrap'"
	w=$(i18n_width <"$tmp/chelp")
	[ "$w" -le 80 ] || fail "$lang: show --help is $w columns wide"
	w=$(i18n_width <"$tmp/help")
	[ "$w" -le 80 ] || {
		fail "$lang: --help is $w columns wide:"
		LC_ALL=$i18n_utf8 awk '{ print }' "$tmp/help" |
		    while IFS= read -r l; do
			n=$(printf '%s\n' "$l" | i18n_width)
			[ "$n" -gt 80 ] && printf '\t%s: %s\n' "$n" "$l" >&2
		done
	}
	i18n_valid_utf8 "$tmp/help" || fail "$lang: --help is not UTF-8"

	# --version: within 80 columns too.
	i18n_run "$lang" "$CHARTA" --version >"$tmp/version" ||
	    fail "$lang: --version exited $?"
	w=$(i18n_width <"$tmp/version")
	[ "$w" -le 80 ] || fail "$lang: --version is $w columns wide"
	grep -q '^charta [0-9]' "$tmp/version" ||
	    fail "$lang: --version does not say charta N"

	# Errors: translated, same exit status.
	i18n_run "$lang" "$CHARTA" nosuchref >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 2 ] || fail "$lang: charta nosuchref exited $st, not 2"
	fmt=$(i18n_msgstr "$lang" "unknown command or reference '%s'")
	# shellcheck disable=SC2059
	want="charta: $(printf "$fmt" nosuchref)"
	[ "$(head -n 1 "$tmp/err")" = "$want" ] ||
	    fail "$lang: unknown reference: '$(head -n 1 "$tmp/err")'," \
	    "expected '$want'"
	hint=$(i18n_msgstr "$lang" "Try 'charta --help' for more information.
")
	i18n_run "$lang" "$CHARTA" --frobnicate >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 2 ] || fail "$lang: --frobnicate exited $st, not 2"
	grep -qxF -- "$hint" "$tmp/err" ||
	    fail "$lang: --frobnicate: no '$hint' in: $(cat "$tmp/err")"
	i18n_run "$lang" "$CHARTA" show mfa:IV.99 >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 2 ] || fail "$lang: show mfa:IV.99 exited $st, not 2"
	fmt=$(i18n_msgstr "$lang" "%s has nothing labelled '%s' (try 'charta toc %s')")
	# shellcheck disable=SC2059
	want="charta: $(printf "$fmt" iscc-2017-mfa IV.99 iscc-2017-mfa)"
	[ "$(cat "$tmp/err")" = "$want" ] ||
	    fail "$lang: bad label: '$(cat "$tmp/err")', expected '$want'"

	# The documents are not translated: show prints the same bytes.
	i18n_run "$lang" "$CHARTA" show mfa:II.2 >"$tmp/show" ||
	    fail "$lang: show mfa:II.2 exited $?"
	cmp -s "$tmp/show" "$tmp/show.en" ||
	    fail "$lang: show mfa:II.2 differs from the English interface's"
	i18n_run "$lang" "$CHARTA" list >"$tmp/list" || fail "$lang: list"
	LANGUAGE='' "$CHARTA" list >"$tmp/list.en"
	cmp -s "$tmp/list" "$tmp/list.en" ||
	    fail "$lang: list differs from the English interface's"
done

# Plural forms: search --count's last line.
i18n_run fr "$CHARTA" search --count sovereignty >"$tmp/count" ||
    fail "fr: search --count exited $?"
last=$(tail -n 1 "$tmp/count")
printf '%s\n' "$last" | grep -qE '^total : [0-9]+ paragraphes?, [0-9]+ sections? dans [0-9]+ documents?$' ||
    fail "fr: search --count ends '$last'"
printf '%s\n' "$last" | grep -qE '(^|[^0-9])[01] paragraphes|(^|[^0-9])([2-9]|[1-9][0-9]+) paragraphe( |,)' &&
    fail "fr: wrong plural in '$last'"
i18n_run zh_CN "$CHARTA" search --count sovereignty >"$tmp/count" ||
    fail "zh_CN: search --count exited $?"
last=$(tail -n 1 "$tmp/count")
printf '%s\n' "$last" | grep -qE '^总计：[0-9]+ 个段落，[0-9]+ 个章节，见于 [0-9]+ 个文档$' ||
    fail "zh_CN: search --count ends '$last'"
# One document: the singular in French.
i18n_run fr "$CHARTA" search --count sovereignty doc:mfa >"$tmp/count"
last=$(tail -n 1 "$tmp/count")
case $last in
*" dans 1 document") ;;
*) fail "fr: search --count in one document ends '$last'" ;;
esac

finish
