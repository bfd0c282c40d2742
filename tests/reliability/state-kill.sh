#!/bin/sh
# state-kill.sh -- kill -9 of a writer of notes and marks at random
# moments: every time the state file passes integrity_check, and holds
# every note and mark the writer acknowledged (it acknowledges a change
# only once state_flush says it is committed), and at most the one change
# it was killed between committing and saying so.  Now and then the file
# is new, so that some kills come while it is made.
#
# STATE_KILL_TRIALS sets the number of kills (100 in make check; the
# README's figures come from 1,000); RELIABILITY_SEED replays the delays
# of an earlier run.
. "${top_srcdir:-.}/tests/reliability/lib.sh"

[ -x "$STATE_WRITER" ] && [ -x "$DB_EXEC" ] ||
    skip "the helpers are not built ($STATE_WRITER, $DB_EXEC)"

trials=${STATE_KILL_TRIALS:-100}
W=$STATE_WRITER
DB=$tmp/state.db
cd "$tmp" || exit 99

random_list "$trials" 61 >delays
echo "$test_name: $trials kills 0-60 ms after a writer starts, seed $seed"
k_none=0
k_mid=0
k_done=0
k_inflight=0
ic_failed=0
acked=0
i=0
while read -r delay; do
	i=$((i + 1))
	if [ $((i % 25)) -eq 1 ]; then
		rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
	fi
	# (A kill may come before the redirections are made.)
	: >ack
	: >err
	"$W" mixed "$DB" 400 "K$i" >ack 2>err &
	pid=$!
	sleep_ms "$delay"
	kill -KILL $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	st=$?
	what="kill $i (after $delay ms)"
	[ $st -eq 137 ] || [ $st -eq 0 ] ||
	    fail "$what: the writer exited $st: $(head -c 300 err)"
	[ -s err ] && fail "$what: the writer said: $(head -c 300 err)"
	if [ -e "$DB-wal" ] && [ -z "${modes_checked:-}" ]; then
		modes_checked=yes
		for f in "$DB" "$DB-wal" "$DB-shm"; do
			[ -e "$f" ] && [ "$(stat -c %a "$f")" != 600 ] &&
			    fail "$f has mode $(stat -c %a "$f"), not 600"
		done
	fi
	# Before anything opens it through state_open (which would move a
	# damaged file aside).
	if [ -e "$DB" ]; then
		"$DB_EXEC" "$DB" 'PRAGMA synchronous=OFF' \
		    'PRAGMA integrity_check' >ic 2>&1
		if [ "$(cat ic)" != ok ]; then
			fail "$what: integrity_check: $(head -c 300 ic)"
			ic_failed=$((ic_failed + 1))
		fi
	fi
	"$W" notes "$DB" 2>lerr | grep "^K$i-" | sed 's/^/note /' >found
	"$W" marks "$DB" 2>>lerr | grep "^K$i-" | sed 's/^/mark /' >>found
	[ -s lerr ] && fail "$what: opening it said: $(cat lerr)"
	n=$(lines ack)
	acked=$((acked + n))
	sort ack >want
	sort found >got
	# What it acknowledged, and perhaps the next change, committed but
	# not yet acknowledged.
	if [ $((n % 2)) -eq 0 ]; then
		next="note K$i-$((n / 2 + 1))"
	else
		next="mark K$i-$(((n + 1) / 2))"
	fi
	if cmp -s got want; then
		:
	elif { cat want; echo "$next"; } | sort | cmp -s - got; then
		k_inflight=$((k_inflight + 1))
	else
		fail "$what: $n changes acknowledged, $(lines got) found:" \
		    "$(comm -23 want got | head -n 3 | tr '\n' ' ')missing"
	fi
	if [ $st -eq 0 ]; then
		k_done=$((k_done + 1))
	elif [ "$n" -eq 0 ]; then
		k_none=$((k_none + 1))
	else
		k_mid=$((k_mid + 1))
	fi
done <delays
ls | grep -q corrupt && fail "a killed writer's database was moved aside"
echo "$test_name: kills before the first acknowledgement $k_none, after" \
    "$k_mid (in $k_inflight of them a committed change was not yet" \
    "acknowledged: found, as allowed), writer done first $k_done;" \
    "$acked notes and marks acknowledged; $ic_failed integrity failures"
finish
