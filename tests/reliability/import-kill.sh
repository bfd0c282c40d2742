#!/bin/sh
# import-kill.sh -- `charta import` killed with SIGKILL at a random moment
# (0-50 ms after it starts, or up to 5/4 of the time a whole import takes
# here if that is longer: an import of the generated document takes some
# tens of ms) never damages the database: afterwards it is byte for byte
# the database before the import, or -- if the kill came after the rename
# that publishes it -- the database a whole import makes, and it loads.
# The temporary files the killed imports leave (.charta-import-PID@HOST-*
# and their journals) never replace it, do not stop a later import, and do
# not survive it: every import that runs to its end leaves no temporary
# file at all, its own or a dead one's.
#
# IMPORT_KILL_TRIALS sets the number of trials (50); RELIABILITY_SEED
# replays the delays of an earlier run.
. "${top_srcdir:-.}/tests/reliability/lib.sh"
: "${CHARTA_DB:?CHARTA_DB is not set; run this through make check}"

trials=${IMPORT_KILL_TRIALS:-50}

# A document of about 1 MB: 40 chapters of 40 paragraphs.
gen() {
	awk -v slug="$1" -v chapters=40 -v paras=40 'BEGIN {
		printf "---\nslug: %s\ntitle: A generated document\n---\n\n", slug
		n = split("cyberspace governance security cooperation " \
		    "sovereignty peace rules order development internet " \
		    "community shared future nations infrastructure", w, " ")
		for (c = 1; c <= chapters; c++) {
			printf "# Chapter %d {#c%d .chapter label=C%d}\n\n", c, c, c
			for (p = 1; p <= paras; p++) {
				line = "Paragraph " p " of chapter " c ":"
				for (k = 0; k < 60; k++)
					line = line " " w[(c * 7 + p * 13 + k * 3) % n + 1]
				print line ".\n"
			}
		}
	}'
}
gen big >"$tmp/big.md"
gen other >"$tmp/other.md"

mkdir "$tmp/db"
DB=$tmp/db/corpus.db
cp "$CHARTA_DB" "$tmp/before.db"
"$CHARTA" --db "$tmp/before.db" list >"$tmp/before.list" ||
    fail "list of the shipped corpus"

# What a whole import makes (the writer is deterministic), and how long
# it takes.
cp "$tmp/before.db" "$tmp/after.db"
t0=$(date +%s%N)
"$CHARTA" --db "$tmp/after.db" import "$tmp/big.md" ||
    fail "a whole import failed"
t1=$(date +%s%N)
cp "$tmp/before.db" "$tmp/after2.db"
"$CHARTA" --db "$tmp/after2.db" import "$tmp/big.md"
t2=$(date +%s%N)
# The faster of the two (the first may find a cold cache).
ms=$(((t1 - t0) / 1000000))
[ $(((t2 - t1) / 1000000)) -lt $ms ] && ms=$(((t2 - t1) / 1000000))
range=$((ms * 5 / 4))
[ $range -lt 50 ] && range=50
[ $range -gt 999 ] && range=999
cmp -s "$tmp/after.db" "$tmp/after2.db" ||
    skip "two imports of the same file differ: cannot compare bytes"
"$CHARTA" --db "$tmp/after.db" list >"$tmp/after.list"
grep -q '^big ' "$tmp/after.list" || fail "the whole import lacks big"

ntemp() {
	ls -a "$tmp/db" | grep -c '^\.charta-import-'
}

echo "$test_name: $trials trials, a whole import takes $ms ms, kills" \
    "0-$range ms after the start, seed $seed"
random_list "$trials" $((range + 1)) >"$tmp/delays"
n_before=0
n_mid=0
n_renamed=0
n_done=0
i=0
cp "$tmp/before.db" "$DB"
while read -r delay; do
	i=$((i + 1))
	temps=$(ntemp)
	"$CHARTA" --db "$DB" import "$tmp/big.md" >/dev/null 2>"$tmp/err" &
	pid=$!
	sleep_ms "$delay"
	kill -KILL $pid 2>/dev/null
	# (The shell would say "Killed".)
	{ wait $pid; } 2>/dev/null
	st=$?
	what="trial $i (kill after $delay ms)"
	if [ $st -eq 0 ]; then
		n_done=$((n_done + 1))
		cmp -s "$DB" "$tmp/after.db" ||
		    fail "$what: finished, but the database is not the import"
		[ "$(ntemp)" -eq 0 ] ||
		    fail "$what: finished, but left temporary files:" \
		    "$(ls -a "$tmp/db" | tr '\n' ' ')"
		want=$tmp/after.list
	elif [ $st -eq 137 ]; then
		if cmp -s "$DB" "$tmp/before.db"; then
			if [ "$(ntemp)" -gt "$temps" ]; then
				n_mid=$((n_mid + 1))
			else
				n_before=$((n_before + 1))
			fi
			want=$tmp/before.list
		elif cmp -s "$DB" "$tmp/after.db"; then
			n_renamed=$((n_renamed + 1))
			want=$tmp/after.list
		else
			fail "$what: the database is neither the old nor the new"
			cp "$DB" "$tmp/damaged-$i.db"
			want=$tmp/before.list
		fi
	else
		fail "$what: exit status $st: $(cat "$tmp/err")"
		want=$tmp/before.list
	fi
	"$CHARTA" --db "$DB" list >"$tmp/list" 2>"$tmp/err" ||
	    fail "$what: list fails afterwards: $(cat "$tmp/err")"
	cmp -s "$tmp/list" "$want" || fail "$what: list shows other documents"
	# The next trial starts from the old database again.
	cmp -s "$DB" "$tmp/before.db" || cp "$tmp/before.db" "$DB"
done <"$tmp/delays"

left=$(ntemp)
echo "$test_name: killed before writing $n_before, while writing the" \
    "temporary file $n_mid, after the rename $n_renamed;" \
    "finished before the kill $n_done; temporary files left: $left"
[ $((n_before + n_mid + n_renamed + n_done)) -eq "$trials" ] ||
    fail "some trials were not counted"

# The leftovers do not stop a later import, which removes them all.
"$CHARTA" --db "$DB" import "$tmp/big.md" >"$tmp/out" 2>"$tmp/err" ||
    fail "import after the kills: exit status $?: $(cat "$tmp/err")"
cmp -s "$DB" "$tmp/after.db" || fail "import after the kills differs"
"$CHARTA" --db "$DB" import "$tmp/other.md" >"$tmp/out" 2>"$tmp/err" ||
    fail "a second import after the kills: $(cat "$tmp/err")"
"$CHARTA" --db "$DB" list >"$tmp/list" 2>"$tmp/err" ||
    fail "list after the imports: $(cat "$tmp/err")"
grep -q '^big ' "$tmp/list" && grep -q '^other ' "$tmp/list" ||
    fail "the later imports are not in the list: $(cat "$tmp/list")"
[ "$(ntemp)" -eq 0 ] ||
    fail "temporary files survive the later imports: $(ls -a "$tmp/db" | tr '\n' ' ')"
finish
