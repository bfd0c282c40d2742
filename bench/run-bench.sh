# run-bench.sh -- the driver of `make bench` (see bench/README).  Run by
# make from the build directory, with CHARTA, GEN_CORPUS, FILTER_BENCH,
# PTYBYTES, abs_builddir and srcdir in the environment:
#
#   run-bench.sh build SIZE NDOCS PARAS   generate and import bench/SIZE.db
#   run-bench.sh report SIZE...           run the benchmarks, print the
#                                         report and write bench/report.txt
#
# Every figure is printed with the command that reproduces it (run from the
# build directory).  Targets are checked and marked PASS or OVER; a missed
# target never makes this script fail.

set -u

: "${CHARTA:=src/charta}" "${GEN_CORPUS:=bench/gen-corpus}"
: "${FILTER_BENCH:=bench/filter-bench}" "${PTYBYTES:=bench/ptybytes}"
: "${abs_builddir:=$(pwd)}" "${srcdir:=.}" "${BENCH_IMPORT_BATCH:=5000}"
: "${BENCH_CFLAGS:=?}"

LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE
unset CHARTA_DB NO_COLOR

# Milliseconds since some point (GNU date).
now_ms() {
	date +%s%N | awk '{ printf "%.3f\n", $1 / 1e6 }'
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

# ---------------------------------------------------------------------------
# build SIZE NDOCS PARAS: bench/SIZE/*.md and bench/SIZE.db, timed.

build() {
	size=$1 ndocs=$2 paras=$3
	dir=bench/$size db=bench/$size.db
	mkdir -p bench
	rm -rf "$dir" "$db.tmp" "$db"
	echo "bench: generating $dir ($ndocs documents, $paras paragraphs each)"
	"$GEN_CORPUS" "$ndocs" "$paras" "$dir" || exit 1
	echo "bench: importing $dir into $db ($BENCH_IMPORT_BATCH files per" \
	    "import)"
	t0=$(now_ms)
	rss=0
	printf '%s\n' "$dir"/*.md >"$dir.list"
	split -l "$BENCH_IMPORT_BATCH" "$dir.list" "$dir.batch."
	for b in "$dir".batch.*; do
		if [ -x /usr/bin/time ]; then
			# shellcheck disable=SC2046
			/usr/bin/time -f %M -o "$dir.rss" "$CHARTA" --db "$db.tmp" \
			    import $(cat "$b") || exit 1
			r=$(tail -n 1 "$dir.rss")
			[ "$r" -gt "$rss" ] && rss=$r
		else
			# shellcheck disable=SC2046
			"$CHARTA" --db "$db.tmp" import $(cat "$b") || exit 1
		fi
	done
	t1=$(now_ms)
	nbatch=$(ls "$dir".batch.* | wc -l)
	rm -f "$dir".batch.* "$dir.list" "$dir.rss"
	{
		echo "import_ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }')"
		echo "import_rss_kb=$rss"
		echo "import_batches=$nbatch"
		echo "source_bytes=$(cat "$dir"/*.md | wc -c)"
		echo "built='$(date '+%Y-%m-%d %H:%M')'"
	} >"bench/$size.import"
	mv -f "$db.tmp" "$db"
}

# ---------------------------------------------------------------------------
# report

report=bench/report.txt
tmp=bench/run.tmp

# say TEXT...: a line of the report.
say() {
	printf '%s\n' "$*" | tee -a "$report"
}

# show FILE: the human lines of a tool's output, indented.
show() {
	grep -v '^@' "$1" | sed 's/^/    /' | tee -a "$report"
}

# grab PREFIX FILE: turn its "@key=value" lines into variables PREFIX_key.
grab() {
	eval "$(sed -n "s/^@\([A-Za-z0-9_]*\)=\([-0-9.e+]*\)\$/$1_\1=\2/p" "$2")"
}

# run PREFIX CMD...: print "$ CMD", run it, show its output, grab figures.
run() {
	p=$1
	shift
	LAST_CMD=$(cmdline "$@")
	eval "${p}_cmd=\$LAST_CMD"
	say "  \$ $LAST_CMD"
	"$@" >"$tmp" 2>&1
	show "$tmp"
	grab "$p" "$tmp"
}

# val NAME: the value of the variable NAME, or "n/a".
val() {
	eval "printf '%s' \"\${$1:-n/a}\""
}

# check LABEL VALUE LIMIT UNIT COMMAND: PASS or OVER against the target,
# with the command that measures it.
check() {
	c_label=$1 c_v=$2 c_lim=$3 c_unit=$4 c_cmd=$5
	if [ "$c_v" = n/a ] || [ -z "$c_v" ]; then
		c_verdict="n/a "
	elif awk -v v="$c_v" -v l="$c_lim" 'BEGIN { exit !(v + 0 <= l + 0) }'
	then
		c_verdict="PASS"
	else
		c_verdict="OVER"
	fi
	say "$(printf '  %-4s %-46s %9s %-2s (target <= %s %s)' \
	    "$c_verdict" "$c_label" "$c_v" "$c_unit" "$c_lim" "$c_unit")"
	[ -n "$c_cmd" ] && say "         \$ $c_cmd"
	return 0
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a != "n/a") printf "%.2f", a / b; else printf "n/a" }'
}

# hyper PREFIX CMD: time a command line (its output through a pipe, so
# that grep cannot see /dev/null and stop at the first match); PREFIX_ms is
# the median, PREFIX_min_ms the best.
hyper() {
	p=$1 c=$2
	say "  \$ $c"
	if command -v hyperfine >/dev/null 2>&1; then
		case $c in
		*[\<\>\|]*) hshell= ;;
		*) hshell=-N ;;
		esac
		hout=
		hyperfine --help 2>/dev/null | grep -q -e '--output' &&
		    hout=--output=pipe
		# shellcheck disable=SC2086
		hyperfine $hshell $hout -i -w 1 -r "$HYPER_RUNS" --style none \
		    --export-csv "$tmp.csv" "$c" >/dev/null 2>&1
		eval "$(awk -F, -v p="$p" 'NR == 2 { printf "%s_ms=%.2f\n%s_min_ms=%.2f\n", p, $4 * 1000, p, $7 * 1000 }' "$tmp.csv")"
	else
		best=
		for i in 1 2 3 4 5; do
			t0=$(now_ms)
			sh -c "$c" | cat >/dev/null 2>&1
			t1=$(now_ms)
			best=$(awk -v a="$t0" -v b="$t1" -v m="$best" 'BEGIN { d = b - a; if (m == "" || d < m) m = d; printf "%.2f", m }')
		done
		eval "${p}_ms=$best ${p}_min_ms=$best"
	fi
}

report() {
	mkdir -p bench bench/home bench/transcripts
	: >"$report"
	HYPER_RUNS=${HYPER_RUNS:-5}
	home=$abs_builddir/bench/home
	sizes="$*"

	say "charta benchmarks -- $(date '+%Y-%m-%d %H:%M %Z')"
	say "machine: $(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(nproc 2>/dev/null || echo ?) CPUs, $(uname -sr)"
	say "build: CFLAGS=$BENCH_CFLAGS; $($CHARTA --version | head -n 1)"
	say "sizes: $sizes  (make bench BENCH_SIZES=\"S M L\" adds L, ~300 MB of text)"
	say "Commands are run from the build directory $abs_builddir."
	say "Times are wall-clock (CLOCK_MONOTONIC); ms = milliseconds."
	say "Load average at the start: $(loadavg) (on a busy machine times are noisy)"

	# --- A ---------------------------------------------------------------
	say ""
	say "A. Corpora"
	say ""
	for s in $sizes; do
		db=$(db_of "$s")
		"$FILTER_BENCH" memory "$db" >"$tmp" 2>&1
		grab "${s}_mem" "$tmp"
		"$FILTER_BENCH" startup "$db" 1 >"$tmp" 2>&1
		grab "${s}_cnt" "$tmp"
		line=$(printf '  %s: %s documents, %s nodes (%s blocks), text %s MB, database %s MB' \
		    "$s" "$(val "${s}_cnt_docs")" "$(val "${s}_cnt_nodes")" \
		    "$(val "${s}_mem_blocks")" \
		    "$(awk -v b="$(val "${s}_mem_text_bytes")" 'BEGIN { printf "%.1f", b / 1e6 }')" \
		    "$(ls -l "$db" | awk '{ printf "%.1f", $5 / 1e6 }')")
		say "$line"
		if [ "$s" = S ]; then
			say "     the shipped corpus, as built: $CHARTA --db data/corpus.db.tmp import data/*.md (see Makefile.am)"
			continue
		fi
		(
			. "bench/$s.import"
			say "     sources: $(awk -v b="$source_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB in bench/$s/*.md, made by $GEN_CORPUS $(gen_args "$s") bench/$s"
			say "     import: $(awk -v m="$import_ms" 'BEGIN { printf "%.2f", m / 1000 }') s in $import_batches import(s) of <= $BENCH_IMPORT_BATCH files, peak RSS $(awk -v k="$import_rss_kb" 'BEGIN { printf "%.0f", k / 1024 }') MB (built $built; cached until bench/gen-corpus.c or bench/local.mk change)"
			say "     \$ rm -f bench/$s.db && $CHARTA --db bench/$s.db import bench/$s/*.md"
		)
	done

	# --- B ---------------------------------------------------------------
	say ""
	say "B. Start-up, memory and the live filter (bench/filter-bench, libcharta)"
	for s in $sizes; do
		db=$(db_of "$s")
		say ""
		say "[$s] start-up: store_load_corpus + index_build, best of 5"
		run "${s}_start" "$FILTER_BENCH" startup "$db" 5
		say "[$s] peak memory in a fresh process"
		run "${s}_mem" "$FILTER_BENCH" memory "$db"
		for q in governance palimpsest "cyber rule" infrastructure; do
			say "[$s] live filter"
			run "${s}_$(echo "$q" | tr -c 'a-z\n' _)" \
			    "$FILTER_BENCH" type "$db" "$q" 5
		done
	done

	# --- C ---------------------------------------------------------------
	say ""
	say "C. The same searches with grep and fzf over the same text"
	say "   (bench/SIZE.txt: every section title and block, one per line:"
	say "    $FILTER_BENCH export DB > bench/SIZE.txt)"
	for s in $sizes; do
		db=$(db_of "$s")
		txt=bench/$s.txt
		say ""
		say "[$s] $(wc -l <"$txt") lines, $(wc -c <"$txt" | awk '{ printf "%.1f", $1 / 1e6 }') MB"
		for w in governance palimpsest infrastructure; do
			v=$(echo "$w" | tr -c 'a-z\n' _)
			say "  \"$w\": $(grep -c -i -F "$w" "$txt") lines with grep; median of $HYPER_RUNS runs (hyperfine):"
			hyper "${s}_grep_$v" "grep -c -i -F $w $txt"
			say "      grep                       $(val "${s}_grep_${v}_ms") ms"
			if command -v fzf >/dev/null 2>&1; then
				hyper "${s}_fzf_$v" "fzf -e --filter $w < $txt"
				say "      fzf                        $(val "${s}_fzf_${v}_ms") ms"
			else
				say "      fzf: not installed (apt-get install fzf)"
			fi
			hyper "${s}_cli_$v" "$CHARTA --db $db search --count $w"
			say "      charta search (process)    $(val "${s}_cli_${v}_ms") ms  (load + index + search)"
			ms=$(val "${s}_$(echo "$w" | tr -c 'a-z\n' _)_search_ms")
			say "      charta index_search        $ms ms  (in memory, the whole word at once;"
			say "        \$ $FILTER_BENCH type $db $w 5)"
			say "      ratios charta/grep: process $(ratio "$(val "${s}_cli_${v}_ms")" "$(val "${s}_grep_${v}_ms")"), in memory $(ratio "$ms" "$(val "${s}_grep_${v}_ms")");" \
			    "charta/fzf: process $(ratio "$(val "${s}_cli_${v}_ms")" "$(val "${s}_fzf_${v}_ms")"), in memory $(ratio "$ms" "$(val "${s}_fzf_${v}_ms")")"
		done
		if command -v fzf >/dev/null 2>&1 && [ -x /usr/bin/time ]; then
			say "  start-up + memory, one process each (/usr/bin/time -f '%e s %M KB'):"
			say "  \$ /usr/bin/time -f '%e s %M KB' fzf -e --filter governance < $txt > /dev/null"
			/usr/bin/time -f '%e %M' -o "$tmp" fzf -e --filter governance <"$txt" >/dev/null 2>&1
			read -r fe fm <"$tmp"
			say "      fzf: $fe s, peak RSS $(awk -v k="$fm" 'BEGIN { printf "%.1f", k / 1024 }') MB"
			say "  \$ /usr/bin/time -f '%e s %M KB' $CHARTA --db $db search --count governance"
			/usr/bin/time -f '%e %M' -o "$tmp" "$CHARTA" --db "$db" search --count governance >/dev/null 2>&1
			read -r ce cm <"$tmp"
			say "      charta: $ce s, peak RSS $(awk -v k="$cm" 'BEGIN { printf "%.1f", k / 1024 }') MB"
			say "      ratios charta/fzf: time $(ratio "$ce" "$fe"), memory $(ratio "$cm" "$fm")"
		fi
	done

	# --- D ---------------------------------------------------------------
	say ""
	say "D. Terminal bytes at 80x24 (bench/ptybytes: forkpty, TERM=xterm-256color,"
	say "   LC_ALL=C.UTF-8; a screen is done when the output is quiet for 300 ms)"
	say ""
	penv="env HOME=$home XDG_DATA_HOME=$home XDG_CONFIG_HOME=$home"
	say "charta, opened at the whole of mfa in the text view (80 columns is"
	say "too narrow for two panes): text_j = j, text_page = Space; Tab to the"
	say "outline (not counted), outline_j = j; / (not counted), filter_change ="
	say "g (the list changes); o, v (not counted); filter_keep = e (gov -> gove:"
	say "the same list, the highlights grow); filter_same = Space (\"gove \" is"
	say "the same query: nothing changes but the prompt).  Raw output of each"
	say "step: bench/transcripts/charta-mfa.STEP (cat -v to read)."
	# shellcheck disable=SC2086
	run ch $penv "$PTYBYTES" -n 3 -o bench/transcripts/charta-mfa \
	    -k text_j=j -k text_page=' ' -K '\t' -k outline_j=j -K / \
	    -k filter_change=g -K o -K v -k filter_keep=e -k filter_same=' ' \
	    -K '\e' -e q -- "$CHARTA" --db data/corpus.db mfa
	"$CHARTA" --db data/corpus.db show -w 80 mfa >bench/mfa-80.txt
	say "less on the same text ($CHARTA --db data/corpus.db show -w 80 mfa > bench/mfa-80.txt)"
	run le "$PTYBYTES" -n 3 -o bench/transcripts/less-mfa \
	    -k text_j=j -k text_page=' ' -e q -- less bench/mfa-80.txt
	say ""
	say "  bytes               charta     less   charta/less"
	for k in start text_j text_page outline_j filter_change filter_keep \
	    filter_same; do
		kk=${k}_bytes
		say "$(printf '  %-16s %9s %8s %9s' "$k" "$(val "ch_$kk")" "$(val "le_$kk")" "$(ratio "$(val "ch_$kk")" "$(val "le_$kk")")")"
	done
	say "$(printf '  %-16s %9s %8s %9s' "start ms (best)" "$(val ch_start_ms)" "$(val le_start_ms)" "$(ratio "$(val ch_start_ms)" "$(val le_start_ms)")")"
	for s in $sizes; do
		db=$(db_of "$s")
		say "[$s] reader start-up to the first screen, best of 5"
		# shellcheck disable=SC2086
		run "${s}_pty" $penv "$PTYBYTES" -n 5 -- "$CHARTA" --db "$db"
	done

	# --- targets -----------------------------------------------------------
	say ""
	say "Targets (PASS/OVER; the build never fails on them)"
	for s in $sizes; do
		case $s in
		S) lim=10 ;;
		M) lim=220 ;;
		L) lim=1100 ;;
		*) lim= ;;
		esac
		[ -n "$lim" ] && check "start-up $s (load + index_build, best)" \
		    "$(val "${s}_start_startup_ms")" "$lim" ms \
		    "$FILTER_BENCH startup $(db_of "$s") 5"
	done
	for s in $sizes; do
		check "peak memory $s / text size" \
		    "$(val "${s}_mem_rss_ratio")" 2.2 x \
		    "$FILTER_BENCH memory $(db_of "$s")"
	done
	case " $sizes " in
	*" S "*)
		say "         (S: the process's fixed few MB dominate a 0.1 MB text;" \
		    "B shows (peak - RSS at start) / text too)" ;;
	esac
	for s in $sizes; do
		case $s in
		M) med=10 worst=16 ;;
		L) med=50 worst=100 ;;
		*) continue ;;
		esac
		for q in governance palimpsest "cyber rule" infrastructure; do
			v=${s}_$(echo "$q" | tr -c 'a-z\n' _)
			check "filter $s \"$q\": keystroke median" \
			    "$(val "${v}_key_median_ms")" "$med" ms \
			    "$(cmdline "$FILTER_BENCH" type "$(db_of "$s")" "$q" 5)"
			check "filter $s \"$q\": keystroke worst" \
			    "$(val "${v}_key_worst_ms")" "$worst" ms \
			    "$(cmdline "$FILTER_BENCH" type "$(db_of "$s")" "$q" 5)"
		done
		[ "$s" = M ] && check "filter M: 14 keystrokes \"infrastructure\"" \
		    "$(val M_infrastructure_word_median_ms)" 100 ms \
		    "$FILTER_BENCH type bench/M.db infrastructure 5"
	done
	for s in $sizes; do
		case $s in
		S) lim=10 ;;
		M) lim=220 ;;
		L) lim=1100 ;;
		*) continue ;;
		esac
		check "reader $s to its first screen (pty, best)" \
		    "$(val "${s}_pty_start_ms")" "$lim" ms "$(val "${s}_pty_cmd")"
	done
	say "  terminal bytes, all from one session:"
	say "         \$ $(val ch_cmd)"
	check "bytes: charta first screen" "$(val ch_start_bytes)" 2048 B ""
	check "bytes: outline selection one line (j)" "$(val ch_outline_j_bytes)" 120 B ""
	check "bytes: text one line (j)" "$(val ch_text_j_bytes)" 250 B ""
	check "bytes: text one page (Space)" "$(val ch_text_page_bytes)" 2048 B ""
	check "bytes: filter key that changes the list" "$(val ch_filter_change_bytes)" 2048 B ""
	check "bytes: filter key that changes nothing" "$(val ch_filter_same_bytes)" 20 B ""
	rm -f "$tmp" "$tmp.csv"
	say ""
	say "Load average at the end: $(loadavg)"
	say ""
	say "Report written to $abs_builddir/$report"
}

loadavg() {
	cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo "?"
}

db_of() {
	case $1 in
	S) echo data/corpus.db ;;
	*) echo "bench/$1.db" ;;
	esac
}

gen_args() {
	case $1 in
	M) echo "${BENCH_M_DOCS:-1000} ${BENCH_M_PARAS:-200}" ;;
	L) echo "${BENCH_L_DOCS:-5000} ${BENCH_L_PARAS:-200}" ;;
	esac
}

mode=${1:-}
[ $# -gt 0 ] && shift
case $mode in
build)
	[ $# -eq 3 ] || { echo "usage: run-bench.sh build SIZE NDOCS PARAS" >&2; exit 2; }
	build "$@"
	;;
report)
	report "$@"
	;;
*)
	echo "usage: run-bench.sh build SIZE NDOCS PARAS | report SIZE..." >&2
	exit 2
	;;
esac
