#!/bin/sh
# run-fuzz.sh -- the driver behind `make fuzz` and `make fuzz-merge` (see
# fuzz/local.mk and fuzz/README).  Runs in the build directory.
#
#   run-fuzz.sh run TARGET       fuzz TARGET for $FUZZ_SECONDS seconds;
#                                new units go to fuzz/work/TARGET, crashing
#                                inputs to $srcdir/fuzz/crashes/TARGET, the
#                                log (each line prefixed with the seconds
#                                since the start) to fuzz/work/TARGET.log
#   run-fuzz.sh report TARGET... the figures of the last runs
#   run-fuzz.sh merge TARGET     minimize the seeds and fuzz/work/TARGET
#                                into $srcdir/fuzz/corpus/TARGET
set -u
: "${srcdir:=.}"
: "${FUZZ_SECONDS:=60}"

# Options for each target: dictionary, input size, timeout.
fuzz_opts() {
	opts="-timeout=25 -rss_limit_mb=4096"
	[ -f "$srcdir/fuzz/$1.dict" ] && opts="$opts -dict=$srcdir/fuzz/$1.dict"
	case $1 in
	import) opts="$opts -max_len=65536" ;;
	dbopen) opts="$opts -max_len=262144" ;;
	*) opts="$opts -max_len=8192" ;;
	esac
	echo "$opts"
}

run() {
	t=$1
	bin=fuzz/bin/fuzz-$t
	work=fuzz/work/$t
	crashes=$srcdir/fuzz/crashes/$t
	mkdir -p "$work" "$crashes" || exit 1
	ls "$crashes" >"fuzz/work/$t.before"
	echo "fuzzing $t for $FUZZ_SECONDS s..."
	# shellcheck disable=SC2046
	"$bin" $(fuzz_opts "$t") -max_total_time="$FUZZ_SECONDS" \
	    -print_final_stats=1 -artifact_prefix="$crashes/" \
	    "$work" "$srcdir/fuzz/corpus/$t" 2>&1 |
	    perl -ne 'BEGIN { $| = 1 } print time() - $^T, "\t$_"' \
	    >"fuzz/work/$t.log"
	ls "$crashes" >"fuzz/work/$t.after"
	return 0
}

# The value of stat::NAME in log $1.
stat() {
	sed -n "s/^[0-9]*	stat::$2: *//p" "$1" | tail -1
}

report() {
	printf '%-9s %12s %8s %7s %8s %7s %6s %8s %s\n' target execs exec/s \
	    cov ft corpus new crashes "last new ft/cov at"
	for t in "$@"; do
		log=fuzz/work/$t.log
		[ -f "$log" ] || { echo "$t: not run"; continue; }
		execs=$(stat "$log" number_of_executed_units)
		rate=$(stat "$log" average_exec_per_sec)
		new=$(stat "$log" new_units_added)
		last=$(grep '	#[0-9]*	.* cov: ' "$log" | tail -1)
		cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
		ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
		corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p')
		end=$(tail -1 "$log" | cut -f1)
		lastnew=$(grep '	#[0-9]*	NEW ' "$log" | tail -1 | cut -f1)
		# When the edge count (cov) last grew.
		lastcov=$(sed -n 's/^\([0-9]*\)	#[0-9]*	.* cov: \([0-9]*\) .*/\1 \2/p' \
		    "$log" | awk '$2 != c { c = $2; t = $1 } END { print t }')
		crashes=$(comm -13 "fuzz/work/$t.before" "fuzz/work/$t.after" |
		    wc -l)
		if [ -n "$lastnew" ]; then
			since="ft ${lastnew}s, cov ${lastcov}s (end ${end}s)"
		else
			since="none"
		fi
		printf '%-9s %12s %8s %7s %8s %7s %6s %8s %s\n' "$t" \
		    "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
		    "${corp:-?}" "${new:-?}" "$crashes" "$since"
		comm -13 "fuzz/work/$t.before" "fuzz/work/$t.after" |
		    sed "s|^|    new crash: $srcdir/fuzz/crashes/$t/|"
		grep -q '==ERROR\|check failed\|runtime error' "$log" &&
		    grep -m3 '==ERROR\|check failed\|runtime error' "$log" |
		    cut -f2- | sed 's/^/    /'
	done
	return 0
}

# A seed corpus stays within this many files and bytes (fuzz/README).
FUZZ_MAX_FILES=500
FUZZ_MAX_BYTES=2000000

# Copy the hand-made seeds of $1 (names that are not a SHA-1) to $2.
hand_seeds() {
	for f in "$1"/*; do
		[ -f "$f" ] || continue
		case ${f##*/} in
		????????????????????????????????????????) ;;
		*) cp "$f" "$2"/ ;;
		esac
	done
}

bytes() {
	cat "$1"/* 2>/dev/null | wc -c
}

merge() {
	t=$1
	dest=$srcdir/fuzz/corpus/$t
	new=fuzz/work/$t.merged
	small=fuzz/work/$t.small
	rm -rf "$new" "$small"
	mkdir -p "$new" "$small" "fuzz/work/$t" "$dest" || exit 1
	log=fuzz/work/$t.merge.log
	: >"$log"
	# The hand-made seeds stay; what adds a feature joins them.
	hand_seeds "$dest" "$new"
	# shellcheck disable=SC2046
	fuzz/bin/fuzz-"$t" $(fuzz_opts "$t") -merge=1 "$new" "$dest" \
	    "fuzz/work/$t" >>"$log" 2>&1 || {
		echo "merge of $t failed; see $log" >&2
		return 1
	}
	# Too big: the seeds, every file that adds an edge, then the
	# smallest of the others (those add a hit count) while there is room.
	if [ "$(ls "$new" | wc -l)" -gt "$FUZZ_MAX_FILES" ] ||
	    [ "$(bytes "$new")" -gt "$FUZZ_MAX_BYTES" ]; then
		hand_seeds "$dest" "$small"
		# shellcheck disable=SC2046
		fuzz/bin/fuzz-"$t" $(fuzz_opts "$t") -merge=1 \
		    -use_counters=0 "$small" "$new" >>"$log" 2>&1 || return 1
		# Still too big: drop the largest files that are not seeds.
		total=$(bytes "$small")
		ls -S "$small" | while read -r f; do
			[ "$total" -le "$FUZZ_MAX_BYTES" ] && break
			[ ${#f} -ne 40 ] && continue
			total=$((total - $(wc -c <"$small/$f")))
			rm -f "$small/$f"
		done
		total=$(bytes "$small")
		files=$(ls "$small" | wc -l)
		ls -S -r "$new" | while read -r f; do
			[ -f "$small/$f" ] && continue
			size=$(wc -c <"$new/$f")
			[ "$files" -ge "$FUZZ_MAX_FILES" ] && break
			[ $((total + size)) -gt "$FUZZ_MAX_BYTES" ] && break
			cp "$new/$f" "$small"/
			files=$((files + 1))
			total=$((total + size))
		done
		rm -rf "$new"
		mv "$small" "$new"
	fi
	rm -f "$dest"/*
	cp "$new"/* "$dest"/
	rm -rf "$new" "$small"
	echo "$t: $(ls "$dest" | wc -l) files, $(bytes "$dest") bytes"
}

cmd=$1
shift
case $cmd in
run) run "$1" ;;
report) report "$@" ;;
merge) merge "$1" ;;
*) echo "usage: run-fuzz.sh run|report|merge TARGET..." >&2; exit 2 ;;
esac
