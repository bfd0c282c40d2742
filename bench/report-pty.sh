# report-pty.sh -- the `make bench` figures taken through a pseudo-terminal
# with bench/ptyrun (sourced by run-bench.sh; see bench/README): charta,
# less and fzf as their user sees them, a fresh process every run.

# The bottom row of charta's first screen: the key hints.
CHARTA_READY='-1:? help'

# pty_first SIZE COLSxROWS: charta's and less's first screen.
pty_first() {
	pf_s=$1 pf_dim=$2
	pf_v=${pf_s}_first_$(echo "$pf_dim" | tr x _)
	say "[$pf_s] first screen at $pf_dim, $RUNS fresh processes each:" \
	    "charta (done when its key hints show), then less on the same" \
	    "text (done when its prompt shows the file name)"
	run "${pf_v}_ch" "$PTYRUN" -q "$SETTLE" -n "$RUNS" -s "$pf_dim" \
	    -x "$CHARTA_READY" -- "$CHARTA" --db "$(db_of "$pf_s")"
	if command -v less >/dev/null 2>&1; then
		run "${pf_v}_le" "$PTYRUN" -q "$SETTLE" -n "$RUNS" \
		    -s "$pf_dim" -x "-1:bench/$pf_s.txt" -- less \
		    "bench/$pf_s.txt"
	else
		say "  less: not installed (apt-get install less): no ratio"
	fi
}

# pty_ahead SIZE: "/g" typed at once after the start; time to the first
# result (-f: the whole corpus's answer may follow within the settle time).
pty_ahead() {
	say "[$1] \"/g\" written right after the start: time to the first" \
	    "screen with the filter's result"
	run "${1}_ahead" "$PTYRUN" -f -q "$SETTLE" -n "$RUNS" -a /g \
	    -x '-1:/g' -x '-2:paragraph' -- "$CHARTA" --db "$(db_of "$1")"
}

# pty_type SIZE WORD VAR: charta's filter, WORD typed a key at a time,
# each key timed to the end of its redraw; then Enter keeps the filter,
# Esc (from the prompt, opened again with /) leaves it, and C-u (likewise)
# clears it.  The keys are typed once the reader has loaded and indexed
# the corpus: "/e" first, until its count is whole (not "so far"), then
# C-u; keys typed at once after the start are pty_ahead's.
pty_type() {
	pt_s=$1 pt_w=$2 pt_v=$3
	pt_first=$(printf %s "$pt_w" | cut -c 1)
	set -- "$PTYRUN" -q "$SETTLE" -n "$RUNS" -o \
	    "bench/transcripts/$pt_s-type-$pt_v" -x "$CHARTA_READY" \
	    -K /e -x '-1:/e' -x '-2:paragraph' -x '!-2:so far' \
	    -K '\x15' -x '-1:/' -x '!-1:/e' -x "!$CHARTA_READY"
	pt_i=0
	while [ "$pt_i" -lt "${#pt_w}" ]; do
		pt_i=$((pt_i + 1))
		pt_pre=$(printf %s "$pt_w" | cut -c "1-$pt_i")
		pt_key=$(printf %s "$pt_w" | cut -c "$pt_i")
		set -- "$@" -k "key.$pt_i=$pt_key" -x "-1:/$pt_pre"
	done
	set -- "$@" -k 'keep=\r' -x "-1:/$pt_w  (" \
	    -K / -x "-1:/$pt_w" -x '!-1:  (' -k 'leave=\e' -x "$CHARTA_READY" \
	    -K "/$pt_w\\r" -x "-1:/$pt_w  (" \
	    -K / -x "-1:/$pt_w" -x '!-1:  (' -k 'clear=\x15' \
	    -x "!-1:/$pt_first" -K '\r' -x "$CHARTA_READY" \
	    -- "$CHARTA" --db "$(db_of "$pt_s")"
	say "[$pt_s] charta's filter: \"$pt_w\" typed a key at a time, each" \
	    "key timed to the end of its redraw (the prompt shows the" \
	    "prefix); keep (Enter), leave (/ then Esc) and clear (/ then C-u)"
	run "${pt_s}_type_$pt_v" "$@"
}

# fzf_count SIZE QUERY: how many lines fzf -e matches (cached, since fzf
# normalises accents, grep -i cannot tell).
fzf_count() {
	fc_cache=bench/$1.fzf-counts
	fc_n=$(awk -v q="$2" '$1 == q { print $2; exit }' "$fc_cache" \
	    2>/dev/null)
	if [ -z "$fc_n" ]; then
		fc_n=$(fzf -e --filter "$2" <"bench/$1.txt" | wc -l)
		echo "$2 $fc_n" >>"$fc_cache"
	fi
	echo "$fc_n"
}

# pty_fzf SIZE WORD VAR: fzf -e on the same text, the same word typed a
# key at a time; a key is done when fzf shows its count of matches.
pty_fzf() {
	pz_s=$1 pz_w=$2 pz_v=$3
	if ! command -v fzf >/dev/null 2>&1; then
		say "[$pz_s] fzf: not installed (apt-get install fzf): no peer" \
		    "for the filter"
		return
	fi
	pz_total=$(wc -l <"bench/$pz_s.txt" | tr -d ' ')
	set -- "$PTYRUN" -q "$SETTLE" -n "$RUNS" -e '\x03' \
	    -x "-2:  $pz_total/$pz_total"
	pz_i=0
	while [ "$pz_i" -lt "${#pz_w}" ]; do
		pz_i=$((pz_i + 1))
		pz_pre=$(printf %s "$pz_w" | cut -c "1-$pz_i")
		pz_key=$(printf %s "$pz_w" | cut -c "$pz_i")
		set -- "$@" -k "key.$pz_i=$pz_key" -x "-1:> $pz_pre" \
		    -x "-2:  $(fzf_count "$pz_s" "$pz_pre")/$pz_total"
	done
	say "[$pz_s] fzf -e on bench/$pz_s.txt, the same word a key at a" \
	    "time (a key is done when fzf's count of matches is right;" \
	    "the counts come from fzf -e --filter)"
	run "${pz_s}_fzf_$pz_v" "$@" -- sh -c 'exec fzf -e <"$0"' \
	    "bench/$pz_s.txt"
}

# pty_bytes SIZE: bytes at 80x24 with a filter kept, and in the
# comparison view (the first chapters of the first two documents).
pty_bytes() {
	say "[$1] bytes at 80x24 with a filter kept: a line down (j), a page" \
	    "(Space), and a filter key (/ then Backspace: the list changes)"
	run "${1}_kept" "$PTYRUN" -q "$SETTLE" -n 1 \
	    -o "bench/transcripts/$1-kept" -x "$CHARTA_READY" \
	    -K '/governance\r' -x '-1:/governance  (' -x '!-1:indexing' \
	    -k line=j -k page=' ' \
	    -K / -x '-1:/governance' -x '!-1:  (' \
	    -k filter_key='\x7f' -x '-1:/governanc' -x '!-1:/governance' \
	    -- "$CHARTA" --db "$(db_of "$1")"
	say "[$1] bytes at 80x24 in the comparison view: b1:I beside b2:I" \
	    "(C, then the reference), a line down (j), a page (Space)"
	run "${1}_cmp" "$PTYRUN" -q "$SETTLE" -n 1 \
	    -o "bench/transcripts/$1-compare" -x "$CHARTA_READY" \
	    -K C -x '-1:compare with' -k 'open=b2:I\r' -x '0:Comparison' \
	    -k line=j -k page=' ' -- "$CHARTA" --db "$(db_of "$1")" b1:I
}

# pty_idle SIZE: 10 s with no input after the first screen.
pty_idle() {
	pi_strace=
	if command -v strace >/dev/null 2>&1; then
		pi_strace=strace
	else
		say "  strace: not installed (apt-get install strace): system" \
		    "calls not counted"
	fi
	say "[$1] idle: 10 s with no input, 1 s after the first screen" \
	    "(context switches of all threads; then 10 s more under strace" \
	    "-f -c)"
	run "${1}_idle" "$PTYRUN" -q "$SETTLE" -n 1 -I 10 \
	    ${pi_strace:+-S "$pi_strace"} -x "$CHARTA_READY" \
	    -- "$CHARTA" --db "$(db_of "$1")"
}

# pty_size SIZE: every pty figure of a size.
pty_size() {
	say ""
	for d in $DIMS; do
		pty_first "$1" "$d"
	done
	case $1 in
	P)
		pty_type P governance governance
		return ;;
	H)
		return ;;
	esac
	pty_ahead "$1"
	for w in $WORDS; do
		pty_type "$1" "$w" "$w"
		pty_fzf "$1" "$w" "$w"
	done
	case $1 in
	M | L) pty_bytes "$1" ;;
	esac
}
