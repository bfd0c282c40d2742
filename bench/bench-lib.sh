# bench-lib.sh -- helpers of the `make bench` driver (sourced by
# run-bench.sh; see bench/README): the report, figures from the tools,
# goals and their verdicts.

report=bench/report.txt
goals=bench/goals.tmp
tmp=bench/run.tmp

# say TEXT...: a line of the report.
say() {
	printf '%s\n' "$*" | tee -a "$report"
}

# Print the arguments as a shell command line, quoted where needed.
cmdline() {
	out=
	for a in "$@"; do
		case $a in
		'' | *[!A-Za-z0-9_./:=,+@%-]*)
			a="'$(printf %s "$a" | sed "s/'/'\\\\''/g")'" ;;
		esac
		out="$out${out:+ }$a"
	done
	printf '%s\n' "$out"
}

# grab PREFIX FILE: its "@key=value" lines become variables PREFIX_key.
grab() {
	eval "$(sed -n "s/^@\([A-Za-z0-9_]*\)=\([-0-9.e+]*\)\$/$1_\1=\2/p" "$2")"
}

# run PREFIX CMD...: print "$ CMD", run it, show its human lines and keep
# its figures as PREFIX_*.  A command that fails is reported, with its
# message, and its figures stay unset (n/a): no figure is made up.
run() {
	r_p=$1
	shift
	r_cmd=$(cmdline "$@")
	eval "${r_p}_cmd=\$r_cmd"
	say "  \$ $r_cmd"
	# No reading position kept from another command (the corpora share
	# their documents' names): every command starts where a new user
	# does.  quick_check's verdicts (corpus-checked) stay.
	rm -f "$HOME/charta/state.db" "$HOME/charta/state.db-wal" \
	    "$HOME/charta/state.db-shm"
	if "$@" >"$tmp" 2>&1; then
		grep -v '^@' "$tmp" | sed 's/^/    /' | tee -a "$report"
		grab "$r_p" "$tmp"
	else
		say "    FAILED (status $?); its output:"
		sed 's/^/    | /' "$tmp" | tee -a "$report"
		eval "${r_p}_failed=1"
	fi
}

# val NAME: the value of the variable NAME, or "n/a".
val() {
	eval "printf '%s' \"\${$1:-n/a}\""
}

# ratio A B: A / B to two decimals, or n/a.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a != "n/a" && b != "n/a" && b + 0 > 0)
			printf "%.2f", a / b
		else
			printf "n/a" }'
}

# ms VALUE: a time for the table (n/a stays n/a).
ms() {
	awk -v v="$1" 'BEGIN {
		if (v == "n/a" || v == "") printf "n/a"
		else if (v + 0 >= 100) printf "%.0f ms", v
		else printf "%.1f ms", v }'
}

# mb KB: kilobytes (of 1024 bytes) as megabytes (of 10^6 bytes).
mb() {
	awk -v v="$1" 'BEGIN {
		if (v == "n/a" || v == "") printf "n/a"
		else printf "%.1f MB", v * 1024 / 1e6 }'
}

# verdict VALUE LIMIT: PASS when VALUE <= LIMIT, MISS, or n/a.
verdict() {
	if [ "$1" = n/a ] || [ -z "$1" ] || [ "$2" = n/a ]; then
		printf 'n/a '
	elif awk -v v="$1" -v l="$2" 'BEGIN { exit !(v + 0 <= l + 0) }'; then
		printf 'PASS'
	else
		printf 'MISS'
	fi
}

# med_worst PREFIX LABEL: "MEDIAN (worst WORST)" of a ptyrun step.
med_worst() {
	printf '%s (worst %s)' "$(ms "$(val "${1}_${2}_ms")")" \
	    "$(ms "$(val "${1}_${2}_worst_ms")")"
}

# goal VERDICT NAME SIZE MEASURED GOAL PEER RATIO: a row of the goals
# table, printed at the end of the report.
goal() {
	printf '  %-4s  %-44s %-4s %-27s %-18s %-16s %s\n' "$@" >>"$goals"
}

# goal_limit NAME SIZE VALUE MEASURED LIMIT GOALTEXT [PEER [RATIO]]: a goal
# of an absolute limit.
goal_limit() {
	goal "$(verdict "$3" "$5")" "$1" "$2" "$4" "$6" "${7:--}" "${8:--}"
}

# goal_ratio NAME SIZE VALUE MEASURED PEERNAME PEERVALUE PEERTEXT FACTOR:
# a goal of at most FACTOR times the peer's figure.
goal_ratio() {
	gr_r=$(ratio "$3" "$6")
	[ "$gr_r" != n/a ] && gr_r=${gr_r}x
	goal "$(verdict "${gr_r%x}" "$8")" "$1" "$2" "$4" "<= ${8}x $5" \
	    "$7" "$gr_r"
}

# goal_none NAME SIZE WHY: a goal not measured in this run, and why.
goal_none() {
	goal "n/a " "$1" "$2" "not measured" "-" "-" "$3"
}

loadavg() {
	cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo "?"
}

# has SIZE: is SIZE among those measured?
has() {
	case " $sizes $special " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

db_of() {
	case $1 in
	S) echo data/corpus.db ;;
	*) echo "bench/$1.db" ;;
	esac
}

# The figures of each size's corpus: documents and paragraphs per
# document, and gen-corpus's mode.
gen_args() {
	case $1 in
	M) echo "$BENCH_M_DOCS $BENCH_M_PARAS" ;;
	L) echo "$BENCH_L_DOCS $BENCH_L_PARAS" ;;
	P) echo "-m short $BENCH_P_DOCS $BENCH_P_PARAS" ;;
	H) echo "-m headings $BENCH_H_DOCS $BENCH_H_PARAS" ;;
	esac
}

describe_size() {
	case $1 in
	S) echo "the shipped corpus" ;;
	M) echo "synthetic, medium" ;;
	L) echo "synthetic, large" ;;
	P) echo "2M short paragraphs" ;;
	H) echo "1M headings" ;;
	esac
}
