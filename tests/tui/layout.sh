#!/bin/sh
# layout.sh -- small layout faults: the comparison's title line keeps its
# figures in a narrow window; the counterpart list honours G and g; on a
# terminal without an alternate screen (vt100, linux) quitting clears the
# reader's screen and leaves the shell's prompt on an empty last line.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'

# The figures the comparison of mfa:II.2 and un:II.2 shows: the first
# pair's share of words in common and the whole passage's, from
# compare --stats.
"$CHARTA" compare --stats mfa:II.2 un:II.2 >"$tmp/stats" ||
    fail "compare --stats mfa:II.2 un:II.2 failed"
pair1=$(sed -n 1p "$tmp/stats" | grep -o '[0-9]*%' | tail -n 1)
whole=$(tail -n 1 "$tmp/stats" | grep -o '[0-9]*%')
npairs=$(($(wc -l <"$tmp/stats") - 1))
[ -n "$pair1" ] && [ -n "$whole" ] ||
    fail "compare --stats: no figures in '$(cat "$tmp/stats")'"

# At 120 columns the long form, at 60 and 40 shorter ones, all with both
# figures and the number of pairs.
for w in 120 60 40; do
	tui_start "$w" 24 mfa:II.2
	tui_expect "start at $w columns" 'II.2  2. The Principle of Sovereignty' ||
	    continue
	tui_keys :
	tui_type 'compare mfa:II.2 un:II.2'
	tui_keys Enter
	tui_wait_line 0 "$whole" || true
	title=$(tui_line 0)
	case $title in
	*" 1 of $npairs, $pair1 shared words; whole passage $whole"*)
		[ "$w" -eq 120 ] ||
		    fail "$w columns: the long title '$title' does not fit" ;;
	*" 1/$npairs"*"$pair1"*"$whole"*)
		[ "$w" -lt 120 ] ||
		    fail "$w columns: a short title '$title' with room" ;;
	*)
		fail "$w columns: the comparison's title '$title' lacks" \
		    "pair 1 of $npairs, $pair1 or $whole"
		tui_show ;;
	esac
	# Nothing cut: the title ends with its last figure.
	printf '%s\n' "$title" | grep -q "$whole *\$" ||
	    fail "$w columns: the title '$title' is cut"
done

# The counterpart list: G selects the last, g the first (Enter opens it).
tui_start 120 30 mfa:II.2
tui_expect "start" 'II.2  2. The Principle of Sovereignty' || finish
tui_keys c
tui_expect "c" 'Compare with' 'iscc-2017-un:II.2  (translation)' || finish
# The last one, from the list as drawn.
last=$(grep -o '[a-z0-9-]*:[A-Za-z0-9.]*  (' "$tmp/screen" | tail -n 1 |
    sed 's/  ($//')
first=$(grep -o '[a-z0-9-]*:[A-Za-z0-9.]*  (' "$tmp/screen" | head -n 1 |
    sed 's/  ($//')
[ -n "$last" ] && [ "$last" != "$first" ] ||
    fail "the counterpart list has not two entries: $(cat "$tmp/screen")"
tui_keys G Enter
tui_expect "G Enter: the comparison with the last, $last" \
    'Comparison:' "$(printf %s "$last" | sed 's/.*://')"
tui_wait_re 1 "$(printf %s "$last" | sed 's/.*://;s/\./\\./g')" ||
    fail "G Enter did not compare with $last: $(tui_line 1)"
tui_keys q
tui_expect "q" "$hint" || finish
tui_keys c
tui_expect "c again" 'Compare with' || finish
tui_keys G g Enter
tui_expect "G g Enter: the comparison with the first, $first" \
    'Comparison:' 'ISCC 2017 (UN) II.2'

# No alternate screen: q clears the screen, the prompt is on the last
# line and nothing else is left.
for term in vt100 linux; do
	if command -v infocmp >/dev/null 2>&1 &&
	    ! infocmp "$term" >/dev/null 2>&1; then
		echo "no terminfo entry for $term: not tested" >&2
		continue
	fi
	tui_termtype=$term
	# On TERM=linux ncurses' mousemask loads libgpm, which leaks a few
	# bytes when there is no gpm to talk to (nothing of charta's): in a
	# sanitizer build, LeakSanitizer is told so (with whole stacks, to
	# see where the leak comes from).
	printf 'leak:mousemask_sp\n' >"$tmp/lsan.supp"
	tui_env="LSAN_OPTIONS=suppressions=$tmp/lsan.supp"
	tui_env="$tui_env:fast_unwind_on_malloc=0:print_suppressions=0"
	tui_shell 80 24
	tui_type '"$CHARTA" mfa:II.2'
	tui_keys Enter
	tui_expect "TERM=$term: charta" "$hint" \
	    'II.2  2. The Principle of Sovereignty' || continue
	tui_keys q
	tui_until tui_lacks "$hint" ||
	    { fail "TERM=$term: q did not leave the reader"; tui_show; }
	tui_wait_line -1 "$tui_prompt"
	[ "$(tui_line -1 | sed 's/ *$//')" = "$tui_prompt" ] ||
	    { fail "TERM=$term: after q the last line is '$(tui_line -1)'"; tui_show; }
	# Above it, only the command line that started charta.
	if sed '$d' "$tmp/screen" | grep -v '^ *$' | grep -v 'CHARTA' |
	    grep -q .; then
		fail "TERM=$term: the reader's screen is left after q:"
		tui_show
	fi
done
tui_termtype=$tui_term
tui_env=

finish
