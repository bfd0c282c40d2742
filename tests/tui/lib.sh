# tests/tui/lib.sh -- helpers for the reader's end-to-end tests: charta runs
# in a pane of a private tmux server, keys go in with send-keys, and what
# the user would see comes back with capture-pane.  It sources tests/lib.sh
# (fail, skip, finish, $tmp).
#
# Never sleep to synchronise: wait for what the screen should show
# (tui_wait, tui_expect ...), with a generous cap, so that a loaded machine
# is only slower.  Check a screen only after waiting for all of it: a
# capture may come in the middle of a frame.

. "$top_srcdir/tests/lib.sh"

: "${CHARTA_DB:?CHARTA_DB is not set; run this through make check}"

command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"
# 3.0 or later: commands as argument vectors, resize-window.
case $(tmux -V 2>/dev/null) in
"tmux "[3-9].* | "tmux "[1-9][0-9]* | "tmux next-"*) ;;
*) skip "tmux 3.0 or later is needed, not $(tmux -V 2>&1)" ;;
esac

# Seconds to wait for the screen before calling it a failure.
tui_timeout=${TUI_TIMEOUT:-10}

# A terminal type that tmux emulates and that terminfo knows.
tui_term=
for _t in tmux-256color screen-256color screen xterm-256color; do
	if command -v infocmp >/dev/null 2>&1; then
		infocmp "$_t" >/dev/null 2>&1 || continue
	else
		_f=$(printf %s "$_t" | cut -c1)
		[ -e "/usr/share/terminfo/$_f/$_t" ] ||
		    [ -e "/lib/terminfo/$_f/$_t" ] ||
		    [ -e "/etc/terminfo/$_f/$_t" ] || continue
	fi
	tui_term=$_t
	break
done
[ -n "$tui_term" ] || skip "no terminfo entry for tmux, screen or xterm"

unset TMUX TMUX_PANE
# Not window-size manual here: tmux 3.3a crashes on it in a configuration
# file (resize-window sets it for the window).  A pane that has exited
# stays (remain-on-exit) so that its last screen can be read.
cat >"$tmp/tmux.conf" <<EOF
set -g default-terminal $tui_term
set -g remain-on-exit on
set -g status off
set -g history-limit 100
set -s escape-time 0
EOF

# The pane runs this: it runs its arguments, leaving their pid in DIR/pid
# and, once they have exited, their exit status in DIR/status.  (Not
# #{pane_dead_status}: tmux 3.3a sometimes never sets it.)
# It outlives its command when the terminal sends the whole foreground
# group a signal (Ctrl-C): it catches them, so they are the default again
# in the command.  (Not SIGHUP: when a server is killed, it goes at once.)
cat >"$tmp/run" <<'EOF'
trap : INT QUIT TERM
d=$1
shift
sh -c 'echo $$ >"$0/pid.tmp" && mv "$0/pid.tmp" "$0/pid" && exec "$@"' \
    "$d" "$@"
echo $? >"$d/status.tmp"
mv "$d/status.tmp" "$d/status"
EOF

# Every start gets a new server (one being killed may still accept a
# connection and then drop it) and a new directory $tui_dir for the pane's
# pid and status; $T is the tmux command for the current server.
tui_nserver=0
T=
tui_dir=
tui_new_server() {
	[ -n "$T" ] && $T kill-server >/dev/null 2>&1
	tui_nserver=$((tui_nserver + 1))
	T="tmux -S $tmp/tmux$tui_nserver.sock -f $tmp/tmux.conf"
	tui_dir=$tmp/pane$tui_nserver
	mkdir -p "$tui_dir"
}

tui_cleanup() {
	for _s in "$tmp"/tmux*.sock; do
		[ -S "$_s" ] && tmux -S "$_s" kill-server >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap tui_cleanup EXIT
trap 'exit 1' HUP INT TERM

mkdir -p "$tmp/home" "$tmp/config"

# The environment charta runs in; a test may change these before
# tui_start: tui_lang (LC_ALL), tui_termtype (TERM; "-" to unset it) and
# tui_env (more VAR=value words).
tui_lang=C.UTF-8
tui_termtype=$tui_term
tui_env=
tui_keep_state=no

# tui_env_words: the env(1) arguments for charta's environment.
tui_env_words() {
	printf '%s\n' -u COLUMNS -u LINES
	if [ "$tui_termtype" = - ]; then
		printf '%s\n' -u TERM
	else
		printf '%s\n' "TERM=$tui_termtype"
	fi
	# A state of its own for each start (the reading position would
	# carry over), unless the test keeps one: tui_keep_state=yes.
	if [ "$tui_keep_state" = yes ]; then
		_state=$tmp/state
	else
		_state=$tmp/state$tui_nserver
	fi
	printf '%s\n' "LC_ALL=$tui_lang" LANGUAGE= \
	    "HOME=$tmp/home" "XDG_CONFIG_HOME=$tmp/config" \
	    "XDG_DATA_HOME=$_state" \
	    "CHARTA_DB=$CHARTA_DB" NO_COLOR= "CHARTA=$CHARTA"
	IFS=' '
	for _e in $tui_env; do
		printf '%s\n' "$_e"
	done
}

# tui_start W H [ARG...]: start charta ARG... in a W x H pane.
tui_start() {
	_w=$1 _h=$2
	shift 2
	tui_start_cmd "$_w" "$_h" 'exec "$CHARTA" "$@"' "$@"
}

# tui_start_cmd W H SCRIPT [ARG...]: start `sh -c SCRIPT sh ARG...` in a
# W x H pane, in charta's environment ($CHARTA is the binary).
tui_start_cmd() {
	_w=$1 _h=$2 _script=$3
	shift 3
	tui_new_server
	# Each word of tui_env_words is one argument (no spaces in them).
	_ifs=$IFS
	IFS='
'
	# shellcheck disable=SC2046
	set -- $(tui_env_words) sh -c "$_script" sh "$@"
	IFS=$_ifs
	$T new-session -d -x "$_w" -y "$_h" sh "$tmp/run" "$tui_dir" \
	    env "$@" || { fail "tmux new-session failed"; finish; }
}

# tui_shell W H: an interactive sh in a W x H pane, with charta's
# environment ($CHARTA is the binary) and the prompt $tui_prompt.
tui_prompt='tui$'
tui_shell() {
	_w=$1 _h=$2
	tui_new_server
	_ifs=$IFS
	IFS='
'
	# shellcheck disable=SC2046
	set -- $(tui_env_words) ENV= "PS1=$tui_prompt " sh
	IFS=$_ifs
	$T new-session -d -x "$_w" -y "$_h" env "$@" ||
	    { fail "tmux new-session failed"; finish; }
	tui_wait "$tui_prompt" || { fail "no shell prompt"; finish; }
}

# tui_need_helpers: set STATE_WRITER and DB_EXEC, the reliability tests'
# helper programs (tests/reliability), or skip the test if they are not
# built.
tui_need_helpers() {
	_rel=$(cd "$(dirname "$CHARTA")/.." && pwd)/tests/reliability
	STATE_WRITER=$_rel/state-writer
	DB_EXEC=$_rel/db-exec
	[ -x "$STATE_WRITER" ] && [ -x "$DB_EXEC" ] ||
	    skip "the helpers are not built ($STATE_WRITER, $DB_EXEC)"
}

# tui_hold FILE: another process holds the state file FILE for writing,
# in a rollback journal (BEGIN IMMEDIATE), until tui_let_go: the state
# cannot be loaded, but it can be read.  It holds the file until its
# standard input ends: when the sleep that writes it is killed (not a
# descriptor of this shell's, which a tmux server started later would
# inherit and keep open).  Needs tui_need_helpers.
tui_hold() {
	"$DB_EXEC" "$1" "PRAGMA journal_mode=DELETE" >/dev/null ||
	    fail "journal_mode"
	rm -f "$tmp/hold.in" "$tmp/hold.ready"
	mkfifo "$tmp/hold.in" "$tmp/hold.ready"
	"$STATE_WRITER" hold "$1" <"$tmp/hold.in" >"$tmp/hold.ready" \
	    2>"$tmp/hold.err" &
	tui_holder=$!
	sleep 600 >"$tmp/hold.in" &
	tui_sleeper=$!
	read -r _line <"$tmp/hold.ready"
	[ "$_line" = held ] ||
	    fail "the file was not held: $_line $(cat "$tmp/hold.err")"
}

# tui_let_go: the holder of tui_hold lets go.
tui_let_go() {
	kill "$tui_sleeper"
	wait "$tui_holder"
}

# tui_keys KEY...: send tmux key names (j, Enter, Escape, C-c, Space).
tui_keys() {
	$T send-keys "$@"
}

# tui_type TEXT: send TEXT literally.
tui_type() {
	$T send-keys -l -- "$1"
}

# tui_capture: the screen, into $tmp/screen.
tui_capture() {
	$T capture-pane -p >"$tmp/screen" 2>/dev/null
}

# tui_capture_all: the screen with the lines scrolled off it, into
# $tmp/screen, wrapped lines joined.  (When the pane's command has exited,
# tmux scrolls the screen up a line for its "Pane is dead" notice.)
tui_capture_all() {
	$T capture-pane -p -J -S -100 >"$tmp/screen" 2>/dev/null
}

# tui_has TEXT...: does the last capture show every TEXT?
tui_has() {
	for _s in "$@"; do
		grep -qF -- "$_s" "$tmp/screen" || return 1
	done
	return 0
}

# tui_line N: line N of the last capture (0 is the top; -1 the last).
tui_line() {
	if [ "$1" -lt 0 ]; then
		tail -n "$((-$1))" "$tmp/screen" | head -n 1
	else
		sed -n "$(($1 + 1))p" "$tmp/screen"
	fi
}

# tui_until CMD...: capture the screen until CMD succeeds (at most
# $tui_timeout seconds; gives up early once the pane's command has exited).
tui_until() {
	_n=$((tui_timeout * 10))
	while [ "$_n" -gt 0 ]; do
		tui_capture
		"$@" && return 0
		if [ $((_n % 10)) -eq 0 ] && [ -e "$tui_dir/status" ]; then
			tui_capture_all
			"$@"
			return
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	return 1
}

# tui_wait TEXT...: wait until one screen shows every TEXT.
tui_wait() {
	tui_until tui_has "$@"
}

# tui_wait_not TEXT: wait until the screen no longer shows TEXT.
tui_wait_not() {
	tui_until tui_lacks "$1"
}
tui_lacks() {
	! tui_has "$1"
}

# tui_wait_line N TEXT: wait until screen line N contains TEXT.
tui_wait_line() {
	tui_until tui_line_has "$1" "$2"
}
tui_line_has() {
	tui_line "$1" | grep -qF -- "$2"
}

# tui_wait_re N ERE: wait until screen line N matches the extended regular
# expression ERE.
tui_wait_re() {
	tui_until tui_line_matches "$1" "$2"
}
tui_line_matches() {
	tui_line "$1" | grep -qE -- "$2"
}

# tui_show: the last capture, for a failure message.
tui_show() {
	sed 's/^/	|/' "$tmp/screen" >&2
}

# tui_expect WHAT TEXT...: wait for TEXT..., or fail showing the screen.
tui_expect() {
	_what=$1
	shift
	tui_wait "$@" && return 0
	fail "$_what: the screen does not show all of '$*':"
	tui_show
	return 1
}

# tui_expect_not WHAT TEXT: the last capture must not show TEXT.
tui_expect_not() {
	tui_has "$2" || return 0
	fail "$1: the screen shows '$2':"
	tui_show
	return 1
}

# tui_expect_ref WHAT REF: wait until the title line ends with the
# reference REF (the selection), or fail.
tui_expect_ref() {
	tui_wait_re 0 " $(printf %s "$2" | sed 's/[].[*^$()+?{}|\\]/\\&/g')\$" &&
	    return 0
	fail "$1: title line is '$(tui_line 0)', expected the reference $2"
	return 1
}

# tui_sync: wait until charta has handled every key sent so far: open the
# goto prompt and close it again.  (Keys are read in order.)
tui_sync() {
	tui_keys o
	tui_wait_re -1 '^goto:' || fail "sync: no goto prompt"
	tui_keys Escape
	tui_wait_re -1 '^ ' || { fail "sync: the prompt stays"; return 1; }
}

# tui_fmt FORMAT: a tmux format for the pane.
tui_fmt() {
	$T display-message -p "$1" 2>/dev/null
}

# tui_pid: the pid of the pane's command (charta, with tui_start).
tui_pid() {
	_n=$((tui_timeout * 10))
	while [ ! -s "$tui_dir/pid" ] && [ "$_n" -gt 0 ]; do
		sleep 0.1
		_n=$((_n - 1))
	done
	cat "$tui_dir/pid" 2>/dev/null
}

# tui_wait_exit: wait until the pane's command has exited; its exit status
# is then in $tui_status (empty if it did not exit in time).
tui_wait_exit() {
	_n=$((tui_timeout * 10))
	tui_status=
	while [ "$_n" -gt 0 ]; do
		if [ -s "$tui_dir/status" ]; then
			tui_status=$(cat "$tui_dir/status")
			return 0
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	return 1
}

# tui_expect_exit WHAT STATUS: wait for the exit, fail unless STATUS.
tui_expect_exit() {
	if ! tui_wait_exit; then
		tui_capture
		fail "$1: charta did not exit within ${tui_timeout}s:"
		tui_show
		return 1
	fi
	[ "$tui_status" = "$2" ] && return 0
	tui_capture_all
	fail "$1: charta exited $tui_status, expected $2:"
	tui_show
	return 1
}

# tui_alive WHAT: fail unless the pane's command is still running.
tui_alive() {
	[ ! -e "$tui_dir/status" ] && return 0
	tui_capture_all
	fail "$1: charta has exited ($(cat "$tui_dir/status")):"
	tui_show
	return 1
}

# tui_resize W H: resize the window (charta gets SIGWINCH).
tui_resize() {
	$T resize-window -x "$1" -y "$2" >/dev/null 2>&1
}

# tui_now_ms: a clock in milliseconds.
tui_now_ms() {
	echo $(($(date +%s%N) / 1000000))
}
