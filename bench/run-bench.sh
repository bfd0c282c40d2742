# run-bench.sh -- the driver of `make bench` (see bench/README).  Run by
# make in the build directory, with the programs and the sizes in the
# environment (bench/local.mk sets them); the other parts of the driver
# are read from the same directory as this file.
#
#   run-bench.sh build SIZE GEN-CORPUS-ARGS...   generate and import
#                                                bench/SIZE.db
#   run-bench.sh report                          run the benchmarks, print
#                                                the report and write
#                                                bench/report.txt
#
# Every figure is printed with the command that reproduces it (run from the
# build directory).  Goals are checked and marked PASS or MISS; a missed
# goal never makes this script fail.

set -u

here=$(dirname "$0")
: "${CHARTA:=src/charta}" "${GEN_CORPUS:=bench/gen-corpus}"
: "${FILTER_BENCH:=bench/filter-bench}" "${PTYRUN:=bench/ptyrun}"
: "${BENCH_IMPORT_BATCH:=5000}" "${BENCH_CFLAGS:=?}"
: "${BENCH_SIZES=S M L}" "${BENCH_SPECIAL=P H}" "${BENCH_RUNS:=5}"
: "${BENCH_SETTLE_MS:=100}"
: "${BENCH_M_DOCS:=1000}" "${BENCH_M_PARAS:=200}"
: "${BENCH_L_DOCS:=5000}" "${BENCH_L_PARAS:=200}"
: "${BENCH_P_DOCS:=1000}" "${BENCH_P_PARAS:=2000}"
: "${BENCH_H_DOCS:=1000}" "${BENCH_H_PARAS:=1000}"

LC_ALL=C.UTF-8
LANGUAGE=
export LC_ALL LANGUAGE
unset CHARTA_DB NO_COLOR

# shellcheck source=bench/bench-lib.sh
. "$here/bench-lib.sh"
# shellcheck source=bench/report-pty.sh
. "$here/report-pty.sh"
# shellcheck source=bench/report-oneshot.sh
. "$here/report-oneshot.sh"
# shellcheck source=bench/report-goals.sh
. "$here/report-goals.sh"

# ---------------------------------------------------------------------------
# build SIZE ARGS...: bench/SIZE/*.md (gen-corpus ARGS) and bench/SIZE.db,
# imported by charta itself, timed.  Nothing is left half-made: the
# database is built as bench/SIZE.db.tmp and renamed when complete.

build() {
	size=$1
	shift
	dir=bench/$size db=bench/$size.db
	mkdir -p bench
	rm -rf "$dir" "$db.tmp" "$db"
	echo "bench: generating $dir: $GEN_CORPUS $* $dir"
	"$GEN_CORPUS" "$@" "$dir" || exit 1
	echo "bench: importing $dir into $db ($BENCH_IMPORT_BATCH files per" \
	    "import)"
	t0=$(date +%s%N)
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
	t1=$(date +%s%N)
	nbatch=$(ls "$dir".batch.* | wc -l)
	rm -f "$dir".batch.* "$dir.list" "$dir.rss"
	{
		echo "import_ms=$(((t1 - t0) / 1000000))"
		echo "import_rss_kb=$rss"
		echo "import_batches=$nbatch"
		echo "source_bytes=$(cat "$dir"/*.md | wc -c)"
		echo "gen_args='$*'"
		echo "built='$(date '+%Y-%m-%d %H:%M')'"
	} >"bench/$size.import"
	mv -f "$db.tmp" "$db"
}

# ---------------------------------------------------------------------------
# report

corpora() {
	say ""
	say "Corpora (text: bench/SIZE.txt, every section title and block on" \
	    "one line, made by $FILTER_BENCH export DB: what less, fzf and rg" \
	    "are given)"
	for s in $sizes $special; do
		db=$(db_of "$s")
		say "  $s ($(describe_size "$s")): $(wc -l <"bench/$s.txt" | tr -d ' ') nodes with text," \
		    "text $(wc -c <"bench/$s.txt" | awk '{ printf "%.1f", $1 / 1e6 }') MB," \
		    "database $(wc -c <"$db" | awk '{ printf "%.1f", $1 / 1e6 }') MB ($db)"
		[ "$s" = S ] && continue
		(
			. "bench/$s.import"
			say "     sources: $(awk -v b="$source_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $GEN_CORPUS $gen_args bench/$s;" \
			    "imported in $(awk -v m="$import_ms" 'BEGIN { printf "%.1f", m / 1000 }') s ($import_batches import(s)," \
			    "peak RSS $(awk -v k="$import_rss_kb" 'BEGIN { printf "%.0f", k / 1024 }') MB; built $built)"
		)
	done
}

report() {
	mkdir -p bench bench/home bench/transcripts
	: >"$report"
	RUNS=$BENCH_RUNS
	SETTLE=$BENCH_SETTLE_MS
	DIMS="80x24 200x50"
	WORDS="infrastructure governance"
	sizes=$BENCH_SIZES
	special=$BENCH_SPECIAL
	# A home of their own: no user's configuration or state.
	HOME=$(pwd)/bench/home
	XDG_CONFIG_HOME=$HOME
	XDG_DATA_HOME=$HOME
	export HOME XDG_CONFIG_HOME XDG_DATA_HOME
	idle_size=S
	has M && idle_size=M

	say "charta benchmarks -- $(date '+%Y-%m-%d %H:%M %Z')"
	say "machine: $(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(nproc 2>/dev/null || echo ?) CPUs, $(uname -sr)"
	say "build: CFLAGS=$BENCH_CFLAGS; $($CHARTA --version | head -n 1)"
	say "sizes: $sizes, and $special for their own goals (BENCH_SIZES=\"S M\" drops L; BENCH_SPECIAL= drops P and H)"
	say "Commands run from the build directory $(pwd), with HOME, XDG_CONFIG_HOME and XDG_DATA_HOME set to $HOME"
	say "Through a pty (bench/ptyrun): a fresh process every run, $RUNS runs; a screen is complete when its expected"
	say "text shows and no byte has come for $SETTLE ms; its time is that of its last byte (bench/README)."
	say "Peers: $(for t in less fzf rg hyperfine strace; do command -v $t >/dev/null 2>&1 && printf '%s ' "$t" || printf '(%s missing) ' "$t"; done)"
	say "Load average at the start: $(loadavg) (on a busy machine times are worth little)"

	corpora
	say ""
	say "A. What the user sees, through a pseudo-terminal"
	for s in $sizes $special; do
		pty_size "$s"
	done
	say ""
	pty_idle "$idle_size"

	say ""
	say "B. One-shot searches against rg on the same text"
	for s in $sizes; do
		[ "$s" = S ] && continue
		oneshot "$s"
	done

	say ""
	say "C. In process (bench/filter-bench): where the time goes"
	for s in $sizes; do
		micro "$s"
	done
	micro_table

	goals_table
	rm -f "$tmp" "$tmp.csv"
	say ""
	say "Load average at the end: $(loadavg)"
	say "Report written to $(pwd)/$report; raw output and screens of some sessions in bench/transcripts/"
}

mode=${1:-}
[ $# -gt 0 ] && shift
case $mode in
build)
	[ $# -ge 3 ] || { echo "usage: run-bench.sh build SIZE GEN-CORPUS-ARGS..." >&2; exit 2; }
	build "$@"
	;;
report)
	report
	;;
*)
	echo "usage: run-bench.sh build SIZE GEN-CORPUS-ARGS... | report" >&2
	exit 2
	;;
esac
