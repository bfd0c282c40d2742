# report-oneshot.sh -- one-shot `charta search` against rg on the same
# text, and the in-process micro figures of bench/filter-bench (sourced by
# run-bench.sh; see bench/README).

# hyper PREFIX CMD: time a command line with hyperfine (its output through
# a pipe, so that no program can see /dev/null and stop early): PREFIX_ms
# is the median, PREFIX_worst_ms the slowest run.  Without hyperfine, a
# loop of RUNS runs timed with date.
hyper() {
	hy_p=$1 hy_c=$2
	say "  \$ $hy_c"
	if command -v hyperfine >/dev/null 2>&1; then
		# shellcheck disable=SC2086
		if ! hyperfine -N --output=pipe -w 1 -r "$RUNS" --style none \
		    --export-csv "$tmp.csv" "$hy_c" >"$tmp" 2>&1; then
			say "    FAILED:"
			sed 's/^/    | /' "$tmp" | tee -a "$report"
			return
		fi
		eval "$(awk -F, -v p="$hy_p" 'NR == 2 {
			printf "%s_ms=%.2f\n%s_worst_ms=%.2f\n", p, $4 * 1000,
			    p, $8 * 1000 }' "$tmp.csv")"
	else
		: >"$tmp"
		for i in $(seq "$RUNS"); do
			hy_t0=$(date +%s%N)
			sh -c "$hy_c" | cat >/dev/null
			hy_t1=$(date +%s%N)
			echo $(((hy_t1 - hy_t0) / 1000)) >>"$tmp"
		done
		eval "$(sort -n "$tmp" | awk -v p="$hy_p" '{ v[NR] = $1 }
		    END { printf "%s_ms=%.2f\n%s_worst_ms=%.2f\n", p,
		    v[int((NR + 1) / 2)] / 1000, p, v[NR] / 1000 }')"
	fi
	say "    median $(ms "$(val "${hy_p}_ms")"), worst $(ms "$(val "${hy_p}_worst_ms")")"
}

# The terms `charta stats` counts (the goal: three terms on L in 1 s).
STATS_TERMS="governance sovereignty cyberspace"

# oneshot SIZE: charta search and search --count against rg -i -c, and
# stats of three terms.
oneshot() {
	os_s=$1
	os_db=$(db_of "$os_s")
	say ""
	say "[$os_s] one-shot searches, median and worst of $RUNS runs" \
	    "(hyperfine -N --output=pipe, one warm-up run)"
	for w in $WORDS; do
		say "  \"$w\": rg counts $(rg -i -c "$w" "bench/$os_s.txt" 2>/dev/null || echo n/a) lines; charta: $($CHARTA --db "$os_db" search --count "$w" | tail -n 1)"
		hyper "${os_s}_os_search_$w" "$CHARTA --db $os_db search $w"
		hyper "${os_s}_os_count_$w" \
		    "$CHARTA --db $os_db search --count $w"
		if command -v rg >/dev/null 2>&1; then
			hyper "${os_s}_os_rg_$w" "rg -i -c $w bench/$os_s.txt"
		else
			say "  rg: not installed (apt-get install ripgrep): no" \
			    "peer"
		fi
	done
	say "  stats of $STATS_TERMS: $($CHARTA --db "$os_db" stats \
	    --format=tsv $STATS_TERMS | awk -F '\t' 'NR > 1 { n += $5 }
	    END { print n + 0 }') occurrences"
	hyper "${os_s}_os_stats" "$CHARTA --db $os_db stats $STATS_TERMS"
}

# micro SIZE: the in-process figures (libcharta, no terminal).
micro() {
	mi_db=$(db_of "$1")
	say ""
	say "[$1] in process: store_load_corpus + index_build, best of 5"
	run "${1}_mi_start" "$FILTER_BENCH" startup "$mi_db" 5
	say "[$1] in process: peak RSS of loading and indexing"
	run "${1}_mi_mem" "$FILTER_BENCH" memory "$mi_db"
	for w in $WORDS; do
		say "[$1] in process: the filter's work per key, no drawing"
		run "${1}_mi_$w" "$FILTER_BENCH" type "$mi_db" "$w" "$RUNS"
	done
}

# micro_table: the in-process figures side by side.
micro_table() {
	say ""
	say "In-process micro figures (bench/filter-bench linked with" \
	    "libcharta: no process start, no terminal, no drawing; NOT what"
	say "the user sees, which is the table of goals below; for finding" \
	    "where the time goes)"
	say ""
	say "$(printf '  %-4s %12s %12s %12s %12s %14s %14s' size load \
	    index_build "RSS/text" "key median" "key worst" "word (sum)")"
	for s in $sizes; do
		for w in $WORDS; do
			say "$(printf '  %-4s %12s %12s %12s %12s %14s %14s  %s' \
			    "$s" "$(ms "$(val "${s}_mi_start_load_ms")")" \
			    "$(ms "$(val "${s}_mi_start_index_ms")")" \
			    "$(val "${s}_mi_mem_rss_ratio")" \
			    "$(ms "$(val "${s}_mi_${w}_key_median_ms")")" \
			    "$(ms "$(val "${s}_mi_${w}_key_worst_ms")")" \
			    "$(ms "$(val "${s}_mi_${w}_word_median_ms")")" "$w")"
		done
	done
}
