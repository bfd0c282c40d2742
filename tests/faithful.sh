#!/bin/sh
# faithful.sh -- check that every word of a seed text occurs, in order, in a
# text produced from it (the output of `charta show DOC`).
#
# usage: faithful.sh [-x] SEED_FILE TEXT_FILE [SKIP_FROM SKIP_TO]...
#
# With -x (exact), TEXT_FILE must hold the seed's words and nothing else:
# every text word must be the next seed word, and none may be left over.
#
# Both files are split into words at white space.  In the seed, first:
#   - seed lines SKIP_FROM..SKIP_TO (inclusive, 1-based) are dropped, for
#     each pair given (e.g. a table of contents, or the part of a seed that
#     went into another document);
#   - "**", "<i>" and "</i>" are removed, and so are leading "#" heading
#     markers, "*" emphasis marks at the start or end of a word, and
#     thematic-break lines ("---", "***", "___");
#   - a word that ends a line with a hyphen ("develop-") is joined with the
#     first word of the next non-empty line that is not skipped; the joined
#     word matches the text whether the hyphen was dropped ("development") or
#     kept ("people-centered").
# The seed's words must then occur in TEXT_FILE as a subsequence, in order,
# compared exactly (case and attached punctuation count): each seed word is
# looked for after the match of the one before (greedily), so the text may
# hold more words (document title, labels) than the seed.  TEXT_FILE may be
# "-" for standard input.
#
# Prints nothing and exits 0 when all words are found.  Otherwise prints, on
# standard error, the first seed word that was not found, its seed line and
# the 10 seed words before it, and exits 1.  Exits 2 on a usage error or an
# unreadable file, or when the seed has no words left after skipping.
#
# POSIX sh and awk only.

prog=faithful.sh

usage() {
	echo "usage: $prog [-x] SEED_FILE TEXT_FILE [SKIP_FROM SKIP_TO]..." >&2
	exit 2
}

exact=0
if [ "${1:-}" = -x ]; then
	exact=1
	shift
fi
[ $# -ge 2 ] || usage
seed=$1
text=$2
shift 2
[ $(($# % 2)) -eq 0 ] || usage

skips=
while [ $# -gt 0 ]; do
	for n in "$1" "$2"; do
		case $n in
		'' | *[!0-9]*)
			echo "$prog: not a line number: '$n'" >&2
			usage
			;;
		esac
	done
	if [ "$1" -gt "$2" ]; then
		echo "$prog: empty skip range: $1 $2" >&2
		usage
	fi
	skips="$skips $1 $2"
	shift 2
done

if [ -d "$seed" ] || [ ! -r "$seed" ]; then
	echo "$prog: cannot read seed file: $seed" >&2
	exit 2
fi
if [ "$text" != - ] && { [ -d "$text" ] || [ ! -r "$text" ]; }; then
	echo "$prog: cannot read text file: $text" >&2
	exit 2
fi

# An awk operand containing "=" would be taken for an assignment.
textarg=$text
case $text in
/* | -) ;;
*=*) textarg=./$text ;;
esac

FAITHFUL_EXACT=$exact FAITHFUL_SEED=$seed FAITHFUL_TEXT=$text FAITHFUL_SKIPS=$skips \
LC_ALL=C awk '
function skipped(ln,    j) {
	for (j = 1; j < nsk; j += 2)
		if (ln >= sk[j] + 0 && ln <= sk[j + 1] + 0)
			return 1
	return 0
}

# Add a seed word (and an alternative spelling, or "") found on line ln.
function add(w, a, ln) {
	n++
	word[n] = w
	alt[n] = a
	wline[n] = ln
}

BEGIN {
	seed = ENVIRON["FAITHFUL_SEED"]
	exact = ENVIRON["FAITHFUL_EXACT"] + 0
	textname = ENVIRON["FAITHFUL_TEXT"]
	nsk = split(ENVIRON["FAITHFUL_SKIPS"], sk, " ")
	n = 0
	pend = 0	# a hyphenated word waits for the next line
	ln = 0
	while ((r = (getline line < seed)) > 0) {
		ln++
		if (skipped(ln))
			continue
		gsub(/\r/, " ", line)
		# A thematic break ("---", "***", "___") is markup, not text.
		if (line ~ /^[ \t]*-[ \t]*-[ \t]*-[- \t]*$/ ||
		    line ~ /^[ \t]*\*[ \t]*\*[ \t]*\*[* \t]*$/ ||
		    line ~ /^[ \t]*_[ \t]*_[ \t]*_[_ \t]*$/)
			continue
		gsub(/\*\*/, "", line)
		gsub(/<\/?i>/, "", line)
		sub(/^[ \t]*#+([ \t]|$)/, "", line)
		# Single "*" emphasis marks at the edges of words go too.
		m0 = split(line, w0)
		m = 0
		for (i = 1; i <= m0; i++) {
			sub(/^\*+/, "", w0[i])
			sub(/\*+$/, "", w0[i])
			if (w0[i] != "")
				w[++m] = w0[i]
		}
		if (m == 0)
			continue
		first = 1
		if (pend) {
			add(pstem w[1], pstem "-" w[1], pline)
			pend = 0
			first = 2
		}
		for (i = first; i <= m; i++)
			add(w[i], "", ln)
		# The last word ends in a hyphen after something other than a
		# hyphen ("develop-", not "-" or "---"): join it with the next line.
		if (word[n] ~ /[^-]-$/) {
			pstem = substr(word[n], 1, length(word[n]) - 1)
			pline = wline[n]
			pend = 1
			n--
		}
	}
	if (r < 0) {
		printf "%s: cannot read seed file: %s\n", "faithful.sh", seed | "cat 1>&2"
		close("cat 1>&2")
		bad = 2
		exit 2
	}
	close(seed)
	if (pend)
		add(pstem "-", "", pline)
	if (n == 0) {
		printf "%s: no words in seed file (after skipping): %s\n", "faithful.sh", seed | "cat 1>&2"
		close("cat 1>&2")
		bad = 2
		exit 2
	}
	k = 1
	mline = 0	# text line of the last match
}

{
	if (index($0, "\r")) {
		gsub(/\r/, " ")
		$0 = $0
	}
	for (i = 1; i <= NF; i++) {
		t = $i ""
		if (k > n) {
			printf "%s: %s:%d: extra word \"%s\" after the last seed word\n", \
			    "faithful.sh", textname, NR, t | "cat 1>&2"
			close("cat 1>&2")
			bad = 1
			exit 1
		}
		if (t == word[k] || (alt[k] != "" && t == alt[k])) {
			mline = NR
			if (++k > n && !exact)
				exit 0
		} else if (exact) {
			printf "%s: %s:%d: text has \"%s\" where the seed (line %d) has \"%s\"\n", \
			    "faithful.sh", textname, NR, t, wline[k], word[k] | "cat 1>&2"
			close("cat 1>&2")
			bad = 1
			exit 1
		}
	}
}

END {
	if (bad)
		exit bad
	if (k <= n) {
		printf "%s: %s:%d: seed word \"%s\" not found in %s (in order; %d of %d seed words matched)\n", \
		    "faithful.sh", seed, wline[k], word[k], textname, k - 1, n | "cat 1>&2"
		s = ""
		for (j = (k > 10 ? k - 10 : 1); j < k; j++)
			s = s " " word[j]
		printf "  the 10 seed words before it:%s\n", s | "cat 1>&2"
		if (k > 1)
			printf "  (the word before it matched on line %d of the text)\n", mline | "cat 1>&2"
		close("cat 1>&2")
		exit 1
	}
	exit 0
}
' "$textarg"
