#!/bin/sh
# signals-cli.sh -- the command line under signals, as a filter should be:
#  - a reader that stops reading (`charta show big | head -c 10`) ends
#    charta at once, by SIGPIPE (status 141), with nothing on stderr --
#    also when SIGPIPE was ignored by its parent (charta restores the
#    default and raises it on EPIPE: no "Broken pipe" message);
#  - a full disk (/dev/full) is "charta: write error: ...", status 1;
#  - SIGINT (Ctrl-C) and SIGTERM end a running command with 130 and 143,
#    silently, and an import so interrupted leaves the database as it was;
#  - none of these commands makes or writes the user-state database.
# charta is stopped while it writes into a pipe nobody reads, so that the
# signal comes while it runs, however fast the machine.
. "${top_srcdir:-.}/tests/reliability/lib.sh"

cd "$tmp" || exit 99

# A document of about 1 MB, so that its output is many pipe buffers long.
awk 'BEGIN {
	printf "---\nslug: big\ntitle: A generated document\n---\n\n"
	for (c = 1; c <= 40; c++) {
		printf "# Chapter %d {#c%d .chapter label=C%d}\n\n", c, c, c
		for (p = 1; p <= 40; p++) {
			line = "Paragraph " p " of chapter " c ":"
			for (k = 0; k < 20; k++)
				line = line " cyberspace governance security"
			print line ".\n"
		}
	}
}' >big.md
"$CHARTA" --db big.db import big.md || fail "importing big.md"
n=$("$CHARTA" --db big.db show big | wc -c)
[ "$n" -gt 500000 ] || fail "show big wrote only $n bytes"

# ------------------------------------------------------------- SIGPIPE
# epipe NAME CMD...: CMD | head -c 10 ends quickly, by SIGPIPE, silently.
epipe() {
	_n=$1
	shift
	rm -f st
	{ timeout -k 2 10 "$CHARTA" "$@" 2>err; echo $? >st; } |
	    head -c 10 >out
	st=$(cat st)
	[ "$st" -eq 141 ] || fail "$_n: exit status $st, expected 141"
	[ -s err ] && fail "$_n: said: $(head -c 300 err)"
	[ "$(wc -c <out)" -eq 10 ] || fail "$_n: head read no 10 bytes"
}
epipe "show | head" --db big.db show big
epipe "search | head" --db big.db search governance
# Output smaller than a pipe buffer may be written before head exits.
{ "$CHARTA" --db big.db toc big 2>err; echo $? >st; } | head -c 10 >/dev/null
[ "$(cat st)" -eq 0 ] || [ "$(cat st)" -eq 141 ] ||
    fail "toc | head: exit status $(cat st)"
[ -s err ] && fail "toc | head: said: $(head -c 300 err)"
(
	trap '' PIPE
	failures=0
	epipe "show | head, SIGPIPE ignored" --db big.db show big
	epipe "search | head, SIGPIPE ignored" --db big.db search governance
	[ $failures -eq 0 ]
) || failures=$((failures + 1))

# -------------------------------------------------------------- a full disk
if [ -w /dev/full ]; then
	for args in "show big" "search governance" "list" "toc big"; do
		# shellcheck disable=SC2086
		timeout -k 2 10 "$CHARTA" --db big.db $args >/dev/full 2>err
		st=$?
		[ $st -eq 1 ] || fail "$args >/dev/full: exit status $st"
		[ "$(lines err)" -eq 1 ] &&
		    grep -q '^charta: write error: No space left on device$' err ||
		    fail "$args >/dev/full: said: $(head -c 300 err)"
	done
else
	echo "$test_name: no /dev/full: the full disk is not tried" >&2
fi

# ------------------------------------------------------- SIGINT, SIGTERM
# An asynchronous command of sh starts with SIGINT ignored; env(1) can
# give charta the default back, as a terminal's foreground job has it.
if env --default-signal=INT true 2>/dev/null; then
	have_env=yes
	dfl_int="env --default-signal=INT"
else
	have_env=no
	dfl_int=
	echo "$test_name: env has no --default-signal: SIGINT not tried" >&2
fi
mkfifo fifo || skip "no FIFO"

# stopped SIG CMD...: run charta with CMD, its output into a pipe whose
# reader takes 100 bytes and then stops reading; once they are read,
# send SIG to charta.  The status is in $st.
stopped() {
	_sig=$1
	shift
	rm -f got
	{ head -c 100 >got; exec sleep 60; } <fifo &
	_r=$!
	$dfl_int "$CHARTA" "$@" >fifo 2>err &
	_c=$!
	_t=0
	while [ "$(cat got 2>/dev/null | wc -c)" -lt 100 ] && [ $_t -lt 200 ]
	do
		sleep 0.05
		_t=$((_t + 1))
	done
	[ $_t -lt 200 ] || fail "$*: no output in 10 s"
	kill -"$_sig" $_c
	# (The shell would say "Interrupted" or "Terminated".)
	{ wait $_c; } 2>/dev/null
	st=$?
	kill $_r 2>/dev/null
	{ wait $_r; } 2>/dev/null
}

for cmd in "show big" "search governance"; do
	if [ $have_env = yes ]; then
		# shellcheck disable=SC2086
		stopped INT --db big.db $cmd
		[ $st -eq 130 ] || fail "SIGINT to $cmd: exit status $st"
		[ -s err ] && fail "SIGINT to $cmd: said: $(cat err)"
	fi
	# shellcheck disable=SC2086
	stopped TERM --db big.db $cmd
	[ $st -eq 143 ] || fail "SIGTERM to $cmd: exit status $st"
	[ -s err ] && fail "SIGTERM to $cmd: said: $(cat err)"
done

# An import interrupted: the database as it was, and it loads.
mkdir db
cp "$CHARTA_DB" db/corpus.db
cp db/corpus.db before.db
# What a completed import makes: a signal after the rename finds it done.
cp before.db after.db
"$CHARTA" --db after.db import big.md || fail "reference import"
cp before.db db/corpus.db
n_int=0
n_int_done=0
sigs="TERM HUP"
[ $have_env = yes ] && sigs="INT $sigs"
for sig in $sigs; do
	for delay in 5 20 40; do
		$dfl_int "$CHARTA" --db db/corpus.db import big.md \
		    >/dev/null 2>err &
		pid=$!
		sleep_ms $delay
		kill -$sig $pid 2>/dev/null
		{ wait $pid; } 2>/dev/null
		st=$?
		if [ $st -eq 0 ]; then
			n_int_done=$((n_int_done + 1))
			cp before.db db/corpus.db
			continue
		fi
		n_int=$((n_int + 1))
		case $sig in
		INT) want=130 ;;
		TERM) want=143 ;;
		HUP) want=129 ;;
		esac
		[ $st -eq $want ] ||
		    fail "SIG$sig to import: exit status $st, expected $want"
		[ -s err ] && fail "SIG$sig to import: said: $(cat err)"
		cmp -s db/corpus.db before.db || cmp -s db/corpus.db after.db ||
		    fail "SIG$sig to import: the database is neither the old" \
		    "one nor the complete new one"
		cp before.db db/corpus.db
		"$CHARTA" --db db/corpus.db list >/dev/null 2>err ||
		    fail "SIG$sig to import: list fails: $(cat err)"
	done
done
echo "$test_name: $n_int imports interrupted by SIGINT, SIGTERM or SIGHUP" \
    "($n_int_done finished first); database unchanged each time;" \
    "temporary files left: $(ls -a db | grep -c '^\.charta-import-')"

# None of this wrote the user's state.
[ -e "$XDG_DATA_HOME/charta" ] && fail "a CLI command made the state directory"
[ -e "$HOME/.local/share/charta" ] && fail "a CLI command made ~/.local/share/charta"
finish
