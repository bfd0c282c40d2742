# report-goals.sh -- the table of goals at the end of the `make bench`
# report (sourced by run-bench.sh; see bench/README).  Every row: the
# verdict, what is measured, on which corpus, the measured value (median
# of the runs, and the worst), the goal, the peer's figure and the ratio.
# A verdict is taken on the median unless the goal is about the worst.

goals_first() {
	for s in S M L H; do
		has "$s" || { goal_none "first screen" "$s" \
		    "size not in BENCH_SIZES/BENCH_SPECIAL"; continue; }
		for d in $DIMS; do
			v=${s}_first_$(echo "$d" | tr x _)
			goal_ratio "first screen, $d" "$s" \
			    "$(val "${v}_ch_start_ms")" "$(med_worst "${v}_ch" start)" \
			    less "$(val "${v}_le_start_ms")" \
			    "less $(ms "$(val "${v}_le_start_ms")")" 3
		done
	done
}

goals_filter() {
	if has M; then
		goal_limit "first result of /g typed at start" M \
		    "$(val M_ahead_start_ms)" "$(med_worst M_ahead start)" 150 \
		    "<= 150 ms"
	else
		goal_none "first result of /g typed at start" M "M not measured"
	fi
	for s in M L; do
		case $s in
		M) med=8 worst=16 ;;
		L) med=25 worst=50 ;;
		esac
		has "$s" || { goal_none "filter keys" "$s" \
		    "size not in BENCH_SIZES"; continue; }
		for w in $WORDS; do
			p=${s}_type_${w}_key
			f=${s}_fzf_${w}_key
			goal_ratio_or_limit "key median, \"$w\"" "$s" \
			    "$(val "${p}_key_median_ms")" \
			    "$(ms "$(val "${p}_key_median_ms")")" "$med" \
			    "$(val "${f}_key_median_ms")"
			goal_ratio_or_limit "key worst, \"$w\"" "$s" \
			    "$(val "${p}_key_worst_ms")" \
			    "$(ms "$(val "${p}_key_worst_ms")")" "$worst" \
			    "$(val "${f}_key_worst_ms")"
			[ "$s" = M ] && goal_ratio_or_limit \
			    "whole word, \"$w\" (${#w} keys)" "$s" \
			    "$(val "${p}_word_median_ms")" \
			    "$(ms "$(val "${p}_word_median_ms")") (worst $(ms "$(val "${p}_word_worst_ms")"))" \
			    100 "$(val "${f}_word_median_ms")"
		done
	done
}

# goal_ratio_or_limit NAME SIZE VALUE MEASURED LIMIT FZF_VALUE: an
# absolute goal with fzf's figure beside it.
goal_ratio_or_limit() {
	grl_r=$(ratio "$3" "$6")
	[ "$grl_r" != n/a ] && grl_r=${grl_r}x
	goal "$(verdict "$3" "$5")" "$1" "$2" "$4" "<= $5 ms" \
	    "fzf $(ms "$6")" "$grl_r"
}

goals_leave() {
	for s in M L P; do
		case $s in
		M) lim=16 ;;
		*) lim=50 ;;
		esac
		has "$s" || { goal_none "leave/clear a kept filter" "$s" \
		    "size not measured"; continue; }
		p=${s}_type_governance
		goal_limit "leave a kept filter (Esc)" "$s" \
		    "$(val "${p}_leave_ms")" "$(med_worst "$p" leave)" "$lim" \
		    "<= $lim ms"
		goal_limit "clear a kept filter (C-u)" "$s" \
		    "$(val "${p}_clear_ms")" "$(med_worst "$p" clear)" "$lim" \
		    "<= $lim ms"
	done
}

goals_oneshot() {
	for s in M L; do
		has "$s" || { goal_none "search, search --count" "$s" \
		    "size not in BENCH_SIZES"; continue; }
		for w in $WORDS; do
			for k in search count; do
				p=${s}_os_${k}_$w
				r=${s}_os_rg_$w
				n="search $w"
				[ "$k" = count ] && n="search --count $w"
				goal_ratio "$n" "$s" "$(val "${p}_ms")" \
				    "$(ms "$(val "${p}_ms")") (worst $(ms "$(val "${p}_worst_ms")"))" \
				    "rg -i -c" \
				    "$(val "${r}_ms")" "rg $(ms "$(val "${r}_ms")")" 1.5
			done
		done
		p=${s}_os_stats
		goal_limit "stats of three terms" "$s" "$(val "${p}_ms")" \
		    "$(ms "$(val "${p}_ms")") (worst $(ms "$(val "${p}_worst_ms")"))" \
		    1000 "<= 1000 ms"
	done
}

goals_memory() {
	for s in M L; do
		has "$s" || { goal_none "peak RSS / text" "$s" \
		    "size not in BENCH_SIZES"; continue; }
		rss=$(val "${s}_type_governance_rss_kb")
		text=$(wc -c <"bench/$s.txt" | tr -d ' ')
		r=$(awk -v r="$rss" -v t="$text" 'BEGIN {
			if (r == "n/a") printf "n/a"
			else printf "%.2f", r * 1024 / t }')
		goal_limit "peak RSS / text size" "$s" "$r" \
		    "${r}x ($(mb "$rss") / $(mb "$((text / 1024))"))" 1.5 \
		    "<= 1.5x"
	done
}

goals_idle() {
	p=${idle_size}_idle
	goal_limit "idle 10 s: bytes written (redraws)" "$idle_size" \
	    "$(val "${p}_idle_bytes")" \
	    "$(val "${p}_idle_bytes") B in $(val "${p}_idle_writes") writes" \
	    0 "0"
	goal_limit "idle 10 s: wakeups (context switches)" "$idle_size" \
	    "$(val "${p}_idle_ctxsw")" "$(val "${p}_idle_ctxsw")" 0 "0"
	goal_limit "idle 10 s: system calls (strace -f -c)" "$idle_size" \
	    "$(val "${p}_idle_syscalls")" "$(val "${p}_idle_syscalls")" 0 "0"
}

goals_bytes() {
	if ! has M; then
		goal_none "bytes at 80x24" M "M not measured"
		return
	fi
	v=$(val M_first_80_24_ch_start_bytes)
	goal_limit "bytes: first screen" M "$v" "$v B" 2048 "<= 2048 B"
	for k in kept cmp; do
		case $k in
		kept) n="filter kept" ;;
		cmp) n="comparison" ;;
		esac
		v=$(val "M_${k}_line_bytes")
		goal_limit "bytes: line down, $n" M "$v" "$v B" 120 "<= 120 B"
		v=$(val "M_${k}_page_bytes")
		goal_limit "bytes: page down, $n" M "$v" "$v B" 2048 \
		    "<= 2048 B"
	done
	v=$(val M_cmp_open_bytes)
	goal_limit "bytes: comparison, its first screen" M "$v" "$v B" 2048 \
	    "<= 2048 B"
	v=$(val M_kept_filter_key_bytes)
	goal_limit "bytes: filter key (Backspace), filter kept" M "$v" \
	    "$v B" 2048 "<= 2048 B"
	for w in $WORDS; do
		v=$(val "M_type_${w}_key_key_bytes_max")
		goal_limit "bytes: filter key, most in \"$w\"" M "$v" "$v B" \
		    2048 "<= 2048 B"
	done
}

goals_table() {
	: >"$goals"
	goals_first
	goals_filter
	goals_leave
	goals_oneshot
	goals_memory
	goals_idle
	goals_bytes
	say ""
	say "Goals (median of $RUNS fresh runs, worst in brackets; the" \
	    "verdict is on the median unless the goal is a worst;"
	say "PASS/MISS; a missed goal never fails the build; the commands" \
	    "are above)"
	say ""
	say "$(printf '  %-4s  %-44s %-4s %-27s %-18s %-16s %s' verd goal size \
	    measured target peer ratio)"
	tee -a "$report" <"$goals"
	say ""
	say "$(grep -c '^  PASS' "$goals") PASS, $(grep -c '^  MISS' "$goals")" \
	    "MISS, $(grep -c '^  n/a' "$goals") not measured"
	rm -f "$goals"
}
