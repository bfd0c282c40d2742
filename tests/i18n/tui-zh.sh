#!/bin/sh
# tui-zh.sh -- the reader in Simplified Chinese (and French) in a real
# terminal (tmux): the status line's key hints whole at 80x24, cut on a
# character boundary at 40x12 (valid UTF-8, at most 40 columns), at least
# a space between them and the percentage; the help screen's group titles
# translated and its key column aligned in display columns (a CJK
# character takes 2), every text whole (not cut at the right edge); the
# comparison's title and hints.  See tests/tui/README for the harness.
. "$top_srcdir/tests/tui/lib.sh"
. "$top_srcdir/tests/i18n/lib.sh"

i18n_setup zh_CN fr

# The messages, from the catalogs.
msg() {
	i18n_msgstr "$lang" "$1" || fail "$lang: no '$1' in po/$lang.po"
}

# settle: once the screen shows what a test waited for, capture until two
# captures a tenth of a second apart agree, so that the checks see a whole
# frame (the frame may still be arriving when its first part matched).
settle() {
	tui_capture
	cp "$tmp/screen" "$tmp/screen.prev"
	_n=$((tui_timeout * 10))
	while [ "$_n" -gt 0 ]; do
		sleep 0.1
		tui_capture
		cmp -s "$tmp/screen" "$tmp/screen.prev" && return 0
		cp "$tmp/screen" "$tmp/screen.prev"
		_n=$((_n - 1))
	done
	return 0
}

# screen_fits WHAT W: every line of the last capture is valid UTF-8 and
# at most W columns wide.
screen_fits() {
	if ! i18n_valid_utf8 "$tmp/screen"; then
		fail "$1: the screen is not valid UTF-8:"
		tui_show
		return 1
	fi
	_w=$(i18n_width <"$tmp/screen")
	[ "$_w" -le "$2" ] && return 0
	fail "$1: a line is $_w columns wide (more than $2):"
	tui_show
	return 1
}

# status_prefix: is the status line a good part of " $hint" (at least
# the first key and its word)?
status_prefix() {
	_l=$(tui_line -1)
	[ "${#_l}" -ge 6 ] || return 1
	case " $hint" in
	"$_l"*) return 0 ;;
	esac
	return 1
}

# help_aligned WHAT: on the help screen in the last capture, the text of
# every key line starts in the same display column.  Key lines are
# "  KEYS  TEXT" (KEYS has no two spaces in a row); headings " TITLE".
help_aligned() {
	sed -n '2,$p' "$tmp/screen" | sed '$d' >"$tmp/help"
	sed -n 's/^\(  [^ ][^ ]*\( [^ ][^ ]*\)*   *\)[^ ].*/\1/p' \
	    "$tmp/help" >"$tmp/prefixes"
	_n=$(wc -l <"$tmp/prefixes")
	if [ "$_n" -lt 5 ]; then
		fail "$1: only $_n key lines on the help screen:"
		tui_show
		return 1
	fi
	_cols=$(while IFS= read -r _p; do
		printf '%s\n' "$_p" | i18n_width
	done <"$tmp/prefixes" | sort -u)
	if [ "$(printf '%s\n' "$_cols" | wc -l)" -ne 1 ]; then
		fail "$1: the help text starts in columns" \
		    "$(printf '%s\n' "$_cols" | tr '\n' ' ')(0 is the left edge):"
		tui_show
		return 1
	fi
	return 0
}

# help_whole WHAT: every heading and help text on the help screen in the
# last capture (split by help_aligned) is a whole translation from the
# catalog: translated, and not cut at the right edge.
help_whole() {
	sed -n 's/^  [^ ][^ ]*\( [^ ][^ ]*\)*   *\([^ ].*\)/\2/p
	    s/^ \([^ ].*\)/\1/p' "$tmp/help" >"$tmp/texts"
	_bad=0
	while IFS= read -r _t; do
		grep -qxF -- "$_t" "$tmp/msgstrs" && continue
		fail "$1: '$_t' is cut, or not a translation"
		_bad=1
	done <"$tmp/texts"
	[ "$_bad" -eq 0 ] || tui_show
}

for lang in zh_CN fr; do
	i18n_po "$lang" >"$tmp/msgstrs"
	eval "tui_lang=\$i18n_locale_$lang"
	# shellcheck disable=SC2034  # read by tui_start (tests/tui/lib.sh)
	tui_env="LANGUAGE=$lang CHARTA_LOCALEDIR=$tmp/locale"
	# Key hints: "KEY label" pairs, the labels translated one by one.
	hint="? $(msg help)  Tab $(msg pane)  Enter $(msg open)  h $(msg close)  : $(msg goto)  q $(msg quit)"
	move=$(msg "Moving around")
	views=$(msg "Views and commands")
	rebind=$(msg "Keys can be rebound in ~/.config/charta/config: bind KEY ACTION")
	back="q $(msg "back to the text")"
	chint="s $(msg unsync)  d $(msg words)  = $(msg swap)  Tab $(msg side)  ] $(msg pairs)  q $(msg back)"
	ctitle=$(msg " Comparison: pair %zu of %zu, %d%% shared words; whole passage %d%%")
	ctitle=${ctitle%%%*}

	# 80x24: the hints whole, the percentage apart from them.
	tui_start 80 24
	tui_expect "$lang 80x24: start" "$hint" || continue
	settle
	line=$(tui_line -1)
	case $line in
	" $hint" | " $hint "*) ;;
	*) fail "$lang 80x24: status line '$line', expected ' $hint'" ;;
	esac
	screen_fits "$lang 80x24: start" 80
	tui_keys Tab
	if tui_wait_re -1 '[0-9]+%$'; then
		settle
		line=$(tui_line -1)
		rest=${line#" $hint"}
		if [ "$rest" = "$line" ]; then
			fail "$lang 80x24: with the text, status line '$line'"
		elif ! printf '%s\n' "$rest" | grep -qE '^ +[0-9]+%$'; then
			fail "$lang 80x24: the percentage touches the hints:" \
			    "'$line'"
		fi
	else
		fail "$lang 80x24: no percentage after Tab: '$(tui_line -1)'"
	fi

	# The help: translated headings, the text in one column.
	tui_keys '?'
	if tui_wait_line 1 " $move"; then
		tui_expect "$lang 80x24: help" " $back"
		settle
		help_aligned "$lang 80x24: help, top"
		help_whole "$lang 80x24: help, top"
		screen_fits "$lang 80x24: help, top" 80
	else
		fail "$lang 80x24: ? did not show ' $move' on line 1:"
		tui_show
	fi
	tui_keys G
	if tui_expect "$lang 80x24: help, bottom" " $rebind"; then
		settle
		help_aligned "$lang 80x24: help, bottom"
		help_whole "$lang 80x24: help, bottom"
		screen_fits "$lang 80x24: help, bottom" 80
	fi
	tui_keys q
	tui_wait_not " $move" || fail "$lang 80x24: q did not leave the help"

	# The comparison: its title line and key hints.
	tui_keys :
	tui_wait_re -1 '^:' || fail "$lang: no command line"
	tui_type 'compare mfa:II.2 un:II.2'
	tui_keys Enter
	if tui_wait_line 0 "$ctitle"; then
		settle
		line=$(tui_line -1)
		[ "$line" = " $chint" ] ||
		    fail "$lang 80x24: comparison hints '$line'," \
		    "expected ' $chint'"
		case $(tui_line 0) in
		"$ctitle"*) ;;
		*) fail "$lang 80x24: comparison title '$(tui_line 0)'" ;;
		esac
		screen_fits "$lang 80x24: comparison" 80
	else
		fail "$lang 80x24: :compare did not show '$ctitle':"
		tui_show
	fi
	tui_keys q
	tui_wait_not "$ctitle" ||
	    fail "$lang 80x24: q did not leave the comparison"
	tui_keys q
	tui_expect_exit "$lang 80x24: q" 0

	# 40x12: the hints cut on a character boundary, within 40 columns.
	tui_start 40 12
	if tui_until status_prefix; then
		settle
		status_prefix || fail "$lang 40x12: the status line" \
		    "'$(tui_line -1)' is not a part of ' $hint'"
		line=$(tui_line -1)
		printf '%s\n' "$line" >"$tmp/status"
		i18n_valid_utf8 "$tmp/status" ||
		    fail "$lang 40x12: the status line is not UTF-8: '$line'"
		w=$(i18n_width <"$tmp/status")
		[ "$w" -le 40 ] ||
		    fail "$lang 40x12: the status line is $w columns wide"
		screen_fits "$lang 40x12: start" 40
	else
		fail "$lang 40x12: the status line is not a part of" \
		    "' $hint': '$(tui_line -1)'"
		tui_show
	fi
	tui_keys '?'
	if tui_wait_line 1 " $move"; then
		settle
		help_aligned "$lang 40x12: help"
		screen_fits "$lang 40x12: help" 40
	else
		fail "$lang 40x12: ? did not show ' $move':"
		tui_show
	fi
	tui_keys q
	tui_until status_prefix ||
	    fail "$lang 40x12: q did not leave the help: '$(tui_line -1)'"
	tui_keys q
	tui_expect_exit "$lang 40x12: q" 0
done

finish
