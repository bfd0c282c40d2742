#!/bin/sh
# examples.sh -- every example command of README and of charta(1) does what
# the text beside it promises.  The commands are taken from the documents
# themselves (README: indented lines that start with `charta` or
# `$ charta`, a trailing # comment dropped; charta.1: the .Dl lines that
# start with charta), so an example added without an expectation here, or
# an expectation whose example is gone, is a failure too.  Those that open
# the reader run in tmux (skipped without it, saying so).
. "${top_srcdir:-.}/tests/lib.sh"

# The expectations, one an example:
#   STATUS@CHECK@WANT@UNWANTED@COMMAND
# STATUS: the exit status, or "reader" for an example that opens the
# reader (WANT is then text its screen shows, and q must exit 0).
# CHECK: "out" for the command's standard output, "file:NAME" for the
# file NAME it wrote, or a charta command run after it in the same
# directory whose output is checked.
# WANT: an extended regular expression the output must match; UNWANTED:
# one it must not (may be empty).
# COMMAND: the example exactly as the document writes it.
cat >"$tmp/expect" <<'EOF'
reader@out@International Strategy of Cooperation on Cyberspace@@charta
reader@out@IV.5  5. International Cooperation on Cyber Terrorism@@charta mfa:IV.5
0@out@^iscc-2017-un +un +International Cyberspace Cooperation Strategy$@@charta list
0@out@^  II +Chapter II Basic principles@iscc-2017-mfa@charta toc un
0@out@^2\. The Principle of Sovereignty  \[II\.2\]$@.{73}@charta show -w 72 mfa:II.2
0@out@^wic-2019-community:[^ ]*: .*shared future@^iscc@charta search '"shared future"' doc:wic
0@out@^iscc-2017-mfa: 8 paragraphs, 2 sections$@@charta search --count sovereignty
0@out@The principle of sovereign equality@@charta compare mfa:II.2 un:II.2
0@out@\[-[^]]*-\]@@charta compare --words mfa:II.2
0@out@^iscc-2017-mfa:IV\.6\.p1: China supports discussion on privacy@^news@charta search privacy -doc:news
0@out@^iscc-2017-un:IV\.6\.p1: @^(news|embassy|wic)@charta search privacy doc:mfa doc:un
0@out@^iscc-2017-un:II\.2: 2\. The principle of sovereignty$@^iscc-2017-[a-z]+:(P|I|III|IV|C)[.:]@charta search 'sovereign*' kind:principle
0@out@^iscc-2017-mfa:II\.1\.p3: Cyber terrorism@^iscc-2017-un@charta search '(privacy OR security)' doc:mfa
0@out@^iscc-2017-mfa	8	2$@:@charta search --count --format=tsv sovereignty
0@out@^slug	alias	title	date	language	origin$@@charta list --format=tsv
0@out@^\{"ref": "iscc-2017-mfa:[^"]*", "doc": "iscc-2017-mfa"@@charta search --format=json privacy
0@out@^1	iscc-2017-mfa:II	iscc-2017-un:II	[0-9]+	[0-9]+	[0-9]+$@@charta compare --stats --format=tsv mfa:II un:II
0@out@^interests +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+$@@charta collocates sovereignty
0@out@^cyber +64 +1 +[0-9.]+ +\+[0-9.]+ +A$@@charta keyness mfa un
0@out@^  iscc-2017-un:I\.p1 +and a new domain of State sovereignty\.$@@charta kwic --parallel sovereignty doc:mfa
0@out@^iscc-2017-un:P\.p4 +to build a community with a shared future\.$@@charta kwic --sort=left '"shared future"'
0@out@^iscc-2017-mfa:I\.p1 +and a new domain of state sovereignty\.$@iscc-2017-un@charta kwic sovereignty doc:mfa
0@out@^sovereignty +iscc-2017-mfa:II +[0-9]+ +4 +@@charta stats --by=chapter --svg=sovereignty.svg sovereignty
0@out@^cyber\* +iscc-2017-mfa:II +@@charta stats --by=chapter sovereignty 'cyber*'
0@out@^sovereignty +iscc-2017-mfa +4485 +10 +@@charta stats --svg=plot.svg sovereignty '"shared future"'
0@out@^mfa:II\.2\.p1  2017-03-01 08:00$@@charta notes
0@out@^> As a basic norm$@@charta notes --format=markdown
0@file:notes.json@"value": "sovereign equality, in the UN text"@@charta notes --format=json > notes.json
0@out@^0 notes imported; 1 was here already$@@charta notes --import notes.json
0@out@^.techreport\{iscc-2017-mfa:IV\.5,$@@charta cite --format=bibtex mfa:IV.5
0@out@^.article\{embassy-2017-newsletter:2\.p3,$@@charta cite --text --format=bibtex embassy:2.p3
0@out@International Strategy of Cooperation on Cyberspace .*, sec\. II\.2, para\. 1\.$@@charta cite mfa:II.2.p1 --format=chicago
0@out@^wic-2019-community:II\.1	iscc-2017-mfa:II\.2	carries forward	@@charta links mfa:II.2
0@out@^iscc-2017-mfa:II\.2$@	@charta links wic:II | cut -f 2
0@charta --db my.db list@^my-text +mytext +My commentary$@@charta --db my.db import my-text.md
0@charta list@^my-commentary +mycomm +My commentary +\(yours\)$@@charta import my-commentary.md
0@charta list@^iscc-2017-mfa@^my-commentary@charta remove my-commentary
EOF

# The examples, as the documents write them.
grep -E '^[[:space:]]+(\$ )?charta( |$)' "$top_srcdir/README" |
    sed 's/^[[:space:]]*\(\$ \)\{0,1\}//; s/[[:space:]][[:space:]]*#[[:space:]].*$//; s/[[:space:]]*$//' \
    >"$tmp/examples"
sed -n 's/^\.Dl charta/charta/p' "$top_srcdir/doc/charta.1" |
    sed 's/\\(aq/'"'"'/g; s/\\(dq/"/g; s/\\-/-/g; s/\\&//g; s/\\e/\\/g' \
    >>"$tmp/examples"
sort -u "$tmp/examples" >"$tmp/examples.u"
[ "$(wc -l <"$tmp/examples.u")" -ge 10 ] ||
    fail "only $(wc -l <"$tmp/examples.u") examples found in README and charta.1"
cut -d@ -f5- "$tmp/expect" | sort -u >"$tmp/expected"
comm -23 "$tmp/examples.u" "$tmp/expected" | while read -r e; do
	echo "FAIL: $test_name: the example '$e' has no expectation here" >&2
	echo x
done >"$tmp/missing"
comm -13 "$tmp/examples.u" "$tmp/expected" | while read -r e; do
	echo "FAIL: $test_name: no example '$e' in README or charta.1" >&2
	echo x
done >>"$tmp/missing"
[ -s "$tmp/missing" ] && fail "$(wc -l <"$tmp/missing") example(s) and expectations do not match"

# A directory to run them in, with the documents the import examples name.
run=$tmp/run
mkdir -p "$run" "$tmp/data"
for doc in my-text:mytext my-commentary:mycomm; do
	printf -- '---\nslug: %s\nalias: %s\ntitle: My commentary\n---\n\n# On sovereignty {.chapter label=I}\n\nA paragraph of my own on sovereignty.\n' \
	    "${doc%:*}" "${doc#*:}" >"$run/${doc%:*}.md"
done
XDG_DATA_HOME=$tmp/data
export XDG_DATA_HOME
# One note in the state, for the examples that export and import notes.
cat >"$tmp/seed.json" <<'EOF'
[{"id": "urn:uuid:11111111-1111-4111-8111-111111111111",
  "type": "Annotation", "created": "2017-03-01T08:00:00Z",
  "bodyValue": "sovereign equality, in the UN text",
  "target": {"selector": [{"type": "charta:PlaceSelector",
    "work": "iscc-2017", "path": "sovereignty/1", "slug": "iscc-2017-mfa",
    "label": "II.2.p1"}, {"type": "TextQuoteSelector",
    "exact": "As a basic norm", "prefix": "", "suffix": " in contemporary"}]}}]
EOF
"$CHARTA" notes --import "$tmp/seed.json" >/dev/null ||
    fail "could not add the examples' note"

# run_example CMD: CMD (a charta command line, shell-quoted as written)
# run in $run with charta as $CHARTA; output in $tmp/out and $tmp/err.
run_example() {
	(cd "$run" && eval "\"\$CHARTA\"${1#charta}") >"$tmp/out" 2>"$tmp/err"
}

: >"$tmp/reader"
while IFS=@ read -r status check want unwanted cmd; do
	grep -qxF -- "$cmd" "$tmp/examples.u" || continue
	if [ "$status" = reader ]; then
		printf '%s@%s\n' "$want" "$cmd" >>"$tmp/reader"
		continue
	fi
	run_example "$cmd"
	got=$?
	[ "$got" -eq "$status" ] ||
	    { fail "'$cmd' exited $got, not $status: $(head -c 300 "$tmp/err")"
	    continue; }
	case $check in
	out) ;;
	file:*)
		cp "$run/${check#file:}" "$tmp/out" ||
		    fail "'$cmd' wrote no ${check#file:}" ;;
	*)
		run_example "$check"
		[ $? -eq 0 ] ||
		    fail "'$cmd', then '$check': $(head -c 300 "$tmp/err")"
		;;
	esac
	grep -qE -- "$want" "$tmp/out" ||
	    fail "'$cmd': no line matches '$want': $(head -c 500 "$tmp/out")"
	if [ -n "$unwanted" ] && grep -qE -- "$unwanted" "$tmp/out"; then
		fail "'$cmd': a line matches '$unwanted':" \
		    "$(grep -E -- "$unwanted" "$tmp/out" | head -n 3)"
	fi
done <"$tmp/expect"

# The reader's examples, in tmux: the screen shows WANT, q exits 0.
reader=$tmp/reader
if [ -s "$reader" ]; then
	(
	. "$top_srcdir/tests/tui/lib.sh"
	while IFS=@ read -r want cmd; do
		# shellcheck disable=SC2086
		tui_start 120 30 ${cmd#charta}
		tui_expect "'$cmd'" "$want" '? help' || continue
		tui_keys q
		tui_expect_exit "'$cmd', then q" 0
	done <"$reader"
	finish
	)
	case $? in
	0) ;;
	77) echo "examples that open the reader not run (no tmux)" >&2 ;;
	*) fail "an example that opens the reader" ;;
	esac
fi

finish
