#!/bin/sh
# import-memory.sh -- an import's memory is bounded by its largest block,
# not by its file: a file of one huge line, or of short lines with no
# blank line between them, is refused as soon as IMPORT_MAX_STRETCH
# (2 MiB) of it has been read, with a few MiB resident, however large the
# file is; a valid file of many short paragraphs peaks at a small multiple
# of its size (the corpus itself, the text and a 64-byte node a block),
# never at libcmark's tree of the whole file.
#
# IMPORT_MEMORY_MB sets the size of the files (16; the figures in the
# README are for 100).  Peak RSS is measured with getrusage (peak-rss);
# a sanitizer build keeps shadow memory, so there only the exit statuses
# are checked.
. "${top_srcdir:-.}/tests/reliability/lib.sh"

PEAK_RSS=$rel_bin/peak-rss
[ -x "$PEAK_RSS" ] || skip "$PEAK_RSS is not built"
mb=${IMPORT_MEMORY_MB:-16}
measure=yes
[ "$CHARTA_SANITIZERS" = yes ] && measure=no

fm() {
	printf -- '---\nslug: big\ntitle: A big document\n---\n\n'
}
# N MiB of the line LINE, LINE ending in "\n" or "\n\n".
lines() {
	awk -v mb="$1" -v line="$2" 'BEGIN {
		n = int(mb * 1048576 / length(line))
		for (i = 0; i < n; i++) printf "%s", line
	}'
}
{ fm; awk -v mb="$mb" 'BEGIN {
	n = int(mb * 1048576 / 5); for (i = 0; i < n; i++) printf "word "
	print "" }'; } >"$tmp/one-line.md"
{ fm; lines "$mb" "short line
"; } >"$tmp/short-lines.md"
{ fm; lines "$mb" "a short paragraph of text

"; } >"$tmp/short-paras.md"

# run NAME WANT-STATUS LIMIT-KIB FILE: import FILE; the status must be
# WANT-STATUS and (when measured) the peak at most LIMIT-KIB.
run() {
	rm -f "$tmp/m.db"
	"$PEAK_RSS" "$CHARTA" --db "$tmp/m.db" import "$5" >"$tmp/out" \
	    2>"$tmp/err"
	st=$?
	peak=$(sed -n 's/^peak-rss //p' "$tmp/err")
	[ "$st" -eq "$2" ] ||
	    fail "$1: exit status $st, expected $2: $(grep -v peak-rss "$tmp/err")"
	[ -n "$4" ] && { grep -q -F -e "$4" "$tmp/err" ||
	    fail "$1: the message lacks '$4': $(cat "$tmp/err")"; }
	echo "$test_name: $1 ($mb MiB): exit $st, peak RSS ${peak:-?} KiB"
	if [ $measure = yes ] && [ -n "$peak" ] && [ "$peak" -gt "$3" ]; then
		fail "$1: peak RSS $peak KiB, more than $3 KiB"
	fi
}

# Refused after 2 MiB, whatever the size: 32 MiB is the program, its
# libraries and the 2 MiB read, with room to spare.
run "one line" 2 32768 'block too long' "$tmp/one-line.md"
run "short lines, no blank line" 2 32768 'block too long' \
    "$tmp/short-lines.md"
# Imported: text, corpus and database pages; not 16 times the file.
run "short paragraphs" 0 $((mb * 1024 * 8 + 32768)) '' "$tmp/short-paras.md"
finish
