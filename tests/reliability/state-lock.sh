#!/bin/sh
# state-lock.sh -- a third process holds the state file locked (BEGIN
# EXCLUSIVE, as any SQLite program can) for STATE_LOCK_SECONDS (5) while a
# writer opens it the reader's way (state_open) and makes notes and marks:
#  - every call returns at once (the writer reports its longest call, far
#    under the time the lock is held);
#  - the status says "locked" while it is held;
#  - once it is let go every change lands, none lost, and the file is
#    whole.
# With WAL the file is read while locked; with a rollback journal (on
# network file systems) even reading waits: the writer's state is loaded
# once the lock is gone, and what it changed meanwhile is kept.
. "${top_srcdir:-.}/tests/reliability/lib.sh"

[ -x "$STATE_WRITER" ] && [ -x "$DB_EXEC" ] ||
    skip "the helpers are not built ($STATE_WRITER, $DB_EXEC)"

hold=${STATE_LOCK_SECONDS:-5}
W=$STATE_WRITER
cd "$tmp" || exit 99

# locked NAME JOURNAL: the test with journal JOURNAL ("" for WAL).
locked() {
	_name=$1
	_j=${2:+-j $2}
	rm -f state.db* ack err ready
	# shellcheck disable=SC2086
	"$W" $_j mixed state.db 3 pre >/dev/null || fail "$_name: making it"
	mkfifo ready
	# The holder keeps the lock until its standard input ends.
	sleep "$hold" | "$W" lock state.db >ready 2>lock.err &
	read -r line <ready
	[ "$line" = locked ] || fail "$_name: the lock was not taken: $line"
	# shellcheck disable=SC2086
	"$W" -a -v -o 0 $_j mixed state.db 50 L >ack 2>err
	st=$?
	wait
	[ $st -eq 0 ] || fail "$_name: exit status $st: $(head -c 300 err)"
	grep -q '^state-writer: locked$' err ||
	    fail "$_name: the status never said locked: $(cat err)"
	longest=$(sed -n 's/^state-writer: longest call \([0-9]*\) ms$/\1/p' err)
	[ -n "$longest" ] && [ "$longest" -lt $((hold * 500)) ] ||
	    fail "$_name: a call waited for the lock ($longest ms)"
	grep -v -e '^state-writer: locked$' -e '^state-writer: longest' err |
	    grep . && fail "$_name: other messages"
	[ "$(lines ack)" -eq 100 ] ||
	    fail "$_name: $(lines ack) of 100 changes acknowledged"
	"$DB_EXEC" state.db 'PRAGMA integrity_check' >ic 2>&1
	[ "$(cat ic)" = ok ] || fail "$_name: integrity_check: $(cat ic)"
	"$W" notes state.db | grep -c '^L-' >n.notes
	"$W" marks state.db | grep -c '^L-' >n.marks
	[ "$(cat n.notes) $(cat n.marks)" = "50 50" ] ||
	    fail "$_name: $(cat n.notes) notes and $(cat n.marks) marks of 50"
	[ "$("$W" notes state.db | grep -c '^pre-')" -eq 3 ] ||
	    fail "$_name: the notes from before are not all there"
	echo "$test_name: $_name: locked for $hold s by another process;" \
	    "longest call $longest ms; $(lines ack) changes landed after"
}

locked "WAL"
hold=$(( (hold + 1) / 2 ))
locked "rollback journal" rollback
finish
