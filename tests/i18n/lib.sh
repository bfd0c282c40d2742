# tests/i18n/lib.sh -- helpers for the translation tests.  Source it after
# tests/lib.sh (or tests/tui/lib.sh), which set $tmp, fail, skip, finish.
#
# i18n_setup LANG...: make the message catalogs of LANG... usable by the
#   charta under test: compile po/LANG.po (msgfmt), or else copy
#   po/LANG.gmo (built by `make` in po/), into $tmp/locale/LANG/
#   LC_MESSAGES/charta.mo, and export CHARTA_LOCALEDIR=$tmp/locale (see
#   main.c).  Then choose the locale to run charta in, $i18n_locale_LANG:
#   C.UTF-8 where gettext honours LANGUAGE in it (glibc 2.35 and later),
#   else LANG's own UTF-8 locale (zh_CN.UTF-8, fr_FR.UTF-8) if installed.
#   Skips the test (exit 77) when neither works, saying what to install.
# i18n_run LANG CMD...: run CMD with LANGUAGE=LANG in LANG's locale.
# i18n_msgstr LANG MSGID: print the translation of MSGID in po/LANG.po
#   (the first form of a plural), so that the tests follow the catalogs.
# i18n_po LANG: print every one-line translation in po/LANG.po.
# i18n_width: the display width of the widest line of stdin (a CJK
#   character is 2 columns), with GNU wc -L in a UTF-8 locale.
# i18n_valid_utf8 FILE: is FILE valid UTF-8?

i18n_podir=$top_srcdir/po

# The locale for UTF-8 text tools (wc -L, iconv), as the harness sets it.
i18n_utf8=${LC_ALL:-C.UTF-8}

i18n_width() {
	LC_ALL=$i18n_utf8 wc -L | tr -d ' '
}

i18n_valid_utf8() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}

# A check of the tools: wc -L must count a CJK character as 2 columns.
i18n_check_tools() {
	case $(printf '%s\n' "$i18n_utf8" | tr '[:upper:]' '[:lower:]') in
	*utf-8 | *utf8) ;;
	*) skip "the tests need a UTF-8 LC_ALL, not '$i18n_utf8'" ;;
	esac
	[ "$(printf 'a\344\270\255\n' | i18n_width)" = 3 ] ||
	    skip "wc -L does not measure display width here (GNU coreutils" \
	    "and a UTF-8 locale are needed)"
	printf 'a\344\270\255\n' >"$tmp/utf8-ok"
	printf 'a\344\270\n' >"$tmp/utf8-bad"
	i18n_valid_utf8 "$tmp/utf8-ok" && ! i18n_valid_utf8 "$tmp/utf8-bad" ||
	    skip "iconv cannot check UTF-8 here"
}

# i18n_po LANG [MSGID]: with MSGID, print its translation in po/LANG.po
# (the first form of a plural); without, every one-line translation, one
# a line.
i18n_po() {
	I18N_WANT=${2-} I18N_ALL=$((${#} < 2)) LC_ALL=C awk '
	BEGIN { want = ENVIRON["I18N_WANT"]; all = ENVIRON["I18N_ALL"] + 0 }
	function unq(s,    r, i, c) {
		sub(/^[ \t]*"/, "", s)
		sub(/"[ \t]*$/, "", s)
		r = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\\" && i < length(s)) {
				c = substr(s, ++i, 1)
				if (c == "n") c = "\n"
				else if (c == "t") c = "\t"
			}
			r = r c
		}
		return r
	}
	function done() {
		if (field == "")
			return 0
		field = ""
		if (all) {
			if (id != "" && str != "" && index(str, "\n") == 0)
				print str
			return 0
		}
		if (id == want) {
			printf "%s", str
			found = 1
			return 1
		}
		return 0
	}
	/^msgid /        { field = "id"; id = unq(substr($0, 7)); str = ""; next }
	/^msgid_plural / { field = "plural"; next }
	/^msgstr(\[0\])? / {
		field = "str"
		str = unq(substr($0, index($0, " ") + 1))
		next
	}
	/^msgstr\[/      { field = "other"; next }
	/^[ \t]*"/ {
		if (field == "id") id = id unq($0)
		else if (field == "str") str = str unq($0)
		next
	}
	/^[ \t]*$/      { if (done()) exit }
	END {
		if (!found) done()
		exit (all || found) ? 0 : 1
	}' "$i18n_podir/$1.po"
}

# i18n_msgstr LANG MSGID
i18n_msgstr() {
	i18n_po "$1" "$2"
}

# i18n_catalog LANG: compile or copy LANG's catalog into $tmp/locale.
i18n_catalog() {
	_d=$tmp/locale/$1/LC_MESSAGES
	mkdir -p "$_d" || exit 99
	[ -f "$i18n_podir/$1.po" ] || fail "po/$1.po is missing"
	if command -v msgfmt >/dev/null 2>&1 &&
	    [ -f "$i18n_podir/$1.po" ]; then
		msgfmt -o "$_d/charta.mo" "$i18n_podir/$1.po" ||
		    { fail "msgfmt po/$1.po failed"; finish; }
	elif [ -f "$i18n_podir/$1.gmo" ]; then
		cp "$i18n_podir/$1.gmo" "$_d/charta.mo" || exit 99
	elif [ -f "po/$1.gmo" ]; then
		cp "po/$1.gmo" "$_d/charta.mo" || exit 99
	else
		skip "no msgfmt to compile po/$1.po, and no po/$1.gmo" \
		    "(install the Debian package gettext)"
	fi
}

# i18n_locale_has NAME: is the locale NAME usable (UTF-8)?  Without
# locale(1), say yes and let i18n_translates tell.
i18n_locale_has() {
	command -v locale >/dev/null 2>&1 || return 0
	[ "$(LC_ALL=$1 locale charmap 2>/dev/null)" = UTF-8 ]
}

# i18n_translates LOCALE LANG: does charta speak LANG in LOCALE?
i18n_translates() {
	_want=$(i18n_msgstr "$2" "Usage: charta [OPTION]... [COMMAND [ARGUMENT]...]
") || return 1
	_got=$(LANGUAGE=$2 LC_ALL=$1 "$CHARTA" --help 2>/dev/null | head -n 1)
	[ "$_got" = "$_want" ]
}

i18n_setup() {
	i18n_check_tools
	CHARTA_LOCALEDIR=$tmp/locale
	export CHARTA_LOCALEDIR
	for _l in "$@"; do
		i18n_catalog "$_l"
		_own=
		case $_l in
		zh_CN) _own=zh_CN.UTF-8 ;;
		fr) _own=fr_FR.UTF-8 ;;
		*) _own=$_l.UTF-8 ;;
		esac
		_loc=
		for _c in "$i18n_utf8" C.UTF-8 "$_own"; do
			i18n_locale_has "$_c" || continue
			if i18n_translates "$_c" "$_l"; then
				_loc=$_c
				break
			fi
		done
		if [ -z "$_loc" ]; then
			# glibc 2.35 and later: LANGUAGE works in C.UTF-8, so a
			# catalog that is not used there is a bug, not the host.
			_g=$(getconf GNU_LIBC_VERSION 2>/dev/null)
			case $_g in
			"glibc 2."3[5-9]* | "glibc 2."[4-9][0-9]* | "glibc "[3-9].*)
				if i18n_locale_has C.UTF-8; then
					fail "$_l: charta --help is not translated" \
					    "with LANGUAGE=$_l LC_ALL=C.UTF-8" \
					    "(catalog $tmp/locale/$_l)"
					finish
				fi
				;;
			esac
			skip "$_l: gettext ignores LANGUAGE in C.UTF-8 here and" \
			    "the locale $_own is not installed (Debian: install" \
			    "locales-all, or add '$_own UTF-8' to /etc/locale.gen" \
			    "and run locale-gen)"
		fi
		eval "i18n_locale_$_l=\$_loc"
	done
}

# i18n_run LANG CMD...
i18n_run() {
	eval "_loc=\$i18n_locale_$1"
	_lang=$1
	shift
	LANGUAGE=$_lang LC_ALL=$_loc "$@"
}
