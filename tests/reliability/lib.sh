# tests/reliability/lib.sh -- helpers shared by the reliability tests.
# Source it; it sources tests/lib.sh (fail, skip, finish, $tmp).
#
# It sets DB_EXEC and STATE_WRITER (the helper programs built beside
# charta), points HOME and the XDG directories into $tmp so that no test
# touches the user's files, and offers:
#   as_user CMD...    run CMD as an unprivileged user (nobody, through
#                     setpriv, when the tests run as root: file modes mean
#                     nothing to root); $have_user is "no" if impossible
#   random_list N MAX print N pseudo-random integers in [0, MAX), one a
#                     line, from $seed (set RELIABILITY_SEED to replay)
#   sleep_ms MS       sleep MS milliseconds (MS < 1000)
#   lines FILE        the number of lines in FILE

. "$top_srcdir/tests/lib.sh"

# A directory made read-only must not stop the clean-up.
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

rel_bin=${RELIABILITY_BIN:-$(cd "$(dirname "$CHARTA")/.." &&
    pwd)/tests/reliability}
DB_EXEC=$rel_bin/db-exec
STATE_WRITER=$rel_bin/state-writer

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data"
HOME=$tmp/home
XDG_CONFIG_HOME=$tmp/config
XDG_DATA_HOME=$tmp/data
export HOME XDG_CONFIG_HOME XDG_DATA_HOME

seed=${RELIABILITY_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}

# Park and Miller's generator, exact in awk's doubles (mawk's srand
# ignores most of a large seed).
random_list() {
	awk -v n="$1" -v max="$2" -v seed="$seed" 'BEGIN {
		x = seed % 2147483646 + 1
		for (i = 0; i < 3; i++)
			x = (x * 16807) % 2147483647
		for (i = 0; i < n; i++) {
			x = (x * 16807) % 2147483647
			print int(x / 2147483647 * max)
		}
	}'
}

sleep_ms() {
	sleep "$(printf '0.%03d' "$1")"
}

lines() {
	wc -l <"$1" | tr -d ' '
}

# nobody's ids; root can give it files with chown.
have_user=no
if [ "$(id -u)" -ne 0 ]; then
	have_user=yes
	as_user() { "$@"; }
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	as_user() {
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	}
	# nobody must be able to reach its files (not read the others).
	chmod 0711 "$tmp"
	if setpriv --reuid=65534 --regid=65534 --clear-groups \
	    test -x "$CHARTA"; then
		have_user=yes
	fi
fi
