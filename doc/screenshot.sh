#!/bin/sh
# screenshot.sh -- render the README pictures from real charta screens.
#
# Usage: doc/screenshot.sh BUILDDIR OUTDIR
#
# Runs BUILDDIR/src/charta (on BUILDDIR/data/corpus.db, or $CHARTA_DB) in a
# private, detached tmux server, types the keys of each scene, waits until
# the screen shows what the scene expects, captures it with its colours and
# attributes (tmux capture-pane -p -e -N) and turns the capture into an SVG
# drawn on a fixed cell grid, inside a window frame:
#
#   OUTDIR/reader.svg   charta mfa:IV.5                      110x32
#   OUTDIR/compare.svg  charta mfa:II.2, c, Enter, d         120x32
#   OUTDIR/filter.svg   charta, /, privacy                   110x32
#   OUTDIR/notes.svg    charta mfa:II.2.p1, a NOTE, h, c, Enter  120x32
#
# Needs tmux and a POSIX sh and awk (mawk and gawk give the same SVGs).
# Example, from the top of a built tree:  doc/screenshot.sh . doc/screenshots

set -eu

prog=${0##*/}

die() {
	printf '%s: %s\n' "$prog" "$*" >&2
	exit 1
}

[ $# -eq 2 ] || {
	printf 'Usage: %s BUILDDIR OUTDIR\n' "$prog" >&2
	exit 2
}

builddir=$1
outdir=$2
charta=$builddir/src/charta
db=${CHARTA_DB:-$builddir/data/corpus.db}

[ -x "$charta" ] || die "$charta: not built (run make)"
[ -r "$db" ] || die "$db: no corpus database (run make)"
command -v tmux >/dev/null 2>&1 || die "tmux is needed"

# Absolute paths: the session's shell does not start in this directory.
abspath() {
	(cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")")
}
charta=$(abspath "$charta")
db=$(abspath "$db")
mkdir -p "$outdir"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/charta-shot.XXXXXX")
sock=$tmpdir/tmux   # a private server, its socket removed with tmpdir
trap 'tmux -S "$sock" kill-server >/dev/null 2>&1 || :; rm -rf "$tmpdir"' EXIT
trap 'exit 1' HUP INT TERM

# A tenth of a second where sleep takes fractions, else a second.
nap() {
	sleep 0.1 2>/dev/null || sleep 1
}

# The terminal type: tmux's own, whose terminfo has no bce, so that curses
# paints the bars' blanks instead of erasing with a background colour;
# tmux keeps erased cells out of its captures, so with xterm-256color a
# bar would stop where its text does.
term=xterm-256color
for t in tmux-256color screen-256color; do
	if infocmp "$t" >/dev/null 2>&1; then
		term=$t
		break
	fi
done

# start W H ARG...: a fresh charta in a fresh tmux server, W x H cells,
# with an empty configuration and state (the reader remembers its place).
start() {
	w=$1 h=$2
	shift 2
	tmux -S "$sock" kill-server >/dev/null 2>&1 || :
	rm -rf "${tmpdir:?}/home"
	mkdir -p "$tmpdir/home"
	cmd="exec env TERM=$term LC_ALL=C.UTF-8 NO_COLOR="
	cmd="$cmd HOME='$tmpdir/home' XDG_DATA_HOME='$tmpdir/home'"
	cmd="$cmd XDG_CONFIG_HOME='$tmpdir/home' CHARTA_DB='$db' '$charta'"
	for a; do
		cmd="$cmd '$a'"
	done
	tmux -S "$sock" -f /dev/null new-session -d -x "$w" -y "$h" "$cmd"
	tmux -S "$sock" set-option -g status off >/dev/null
	tmux -S "$sock" resize-window -x "$w" -y "$h" >/dev/null 2>&1 || :
	size=$(tmux -S "$sock" display-message -p '#{pane_width}x#{pane_height}')
	[ "$size" = "${w}x$h" ] || die "the pane is $size, not ${w}x$h"
}

keys() {
	tmux -S "$sock" send-keys "$@"
}

screen() {
	tmux -S "$sock" capture-pane -p "$@"
}

# wait_for TEXT...: until the screen shows every TEXT (fixed strings), then
# until it stops changing.
wait_for() {
	n=0
	while :; do
		s=$(screen 2>/dev/null) || s=
		ok=1
		for t; do
			case $s in
			*"$t"*) ;;
			*) ok=0 ;;
			esac
		done
		[ $ok -eq 1 ] && break
		n=$((n + 1))
		[ $n -lt 100 ] || {
			printf '%s\n' "$s" >&2
			die "timed out waiting for: $*"
		}
		nap
	done
	settle
}

# wait_change BEFORE: until the coloured screen differs from BEFORE, then
# until it stops changing.
wait_change() {
	n=0
	while [ "$(screen -e)" = "$1" ]; do
		n=$((n + 1))
		[ $n -lt 100 ] || die "timed out waiting for the screen to change"
		nap
	done
	settle
}

settle() {
	a=$(screen -e)
	nap
	b=$(screen -e)
	while [ "$a" != "$b" ]; do
		a=$b
		nap
		b=$(screen -e)
	done
}

# shot FILE TITLE: capture the screen (and its cursor) as the SVG FILE.
shot() {
	screen -e -N >"$tmpdir/screen"
	# shellcheck disable=SC2046 # five numbers, split on purpose
	set -- "$1" "$2" $(tmux -S "$sock" display-message -p \
	    '#{pane_width} #{pane_height} #{cursor_flag} #{cursor_x} #{cursor_y}')
	LC_ALL=C awk -v cols="$3" -v rows="$4" -v curon="$5" -v curx="$6" \
	    -v cury="$7" -v title="$2" "$ansi2svg" "$tmpdir/screen" >"$1.tmp"
	mv "$1.tmp" "$1"
	printf '%s\n' "$1"
}

# The converter: tmux's capture (text with SGR sequences) to SVG.  It reads
# bytes (LC_ALL=C) and decodes UTF-8 itself, so that any awk will do.
# shellcheck disable=SC2016 # an awk program, not for the shell
ansi2svg='
function init(	i, lv) {
	for (i = 1; i < 256; i++)
		ord[sprintf("%c", i)] = i
	CW = 8.4; CH = 18; PAD = 14; BAR = 32
	FONT = "DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace"
	DEFBG = "#1e1e1e"; DEFFG = "#cccccc"; BOLDFG = "#e5e5e5"
	split("#000000 #cd3131 #0dbc79 #e5e510 #2472c8 #bc3fbc #11a8cd " \
	    "#e5e5e5 #666666 #f14c4c #23d18b #f5f543 #3b8eea #d670d6 " \
	    "#29b8db #ffffff", pal, " ")
	for (i = 0; i < 16; i++)
		col256[i] = pal[i + 1]
	split("0 95 135 175 215 255", lv, " ")
	for (i = 16; i < 232; i++)
		col256[i] = rgb(lv[int((i - 16) / 36) + 1],
		    lv[int((i - 16) / 6) % 6 + 1], lv[(i - 16) % 6 + 1])
	for (i = 232; i < 256; i++)
		col256[i] = rgb(8 + 10 * (i - 232), 8 + 10 * (i - 232),
		    8 + 10 * (i - 232))
	# Box drawing drawn as strokes, so that they join from row to row:
	# which of up, right, down, left each one reaches.
	box["\342\224\202"] = "1010"; box["\342\224\200"] = "0101"
	box["\342\224\214"] = "0110"; box["\342\224\220"] = "0011"
	box["\342\224\224"] = "1100"; box["\342\224\230"] = "1001"
	box["\342\224\234"] = "1110"; box["\342\224\244"] = "1011"
	box["\342\224\254"] = "0111"; box["\342\224\264"] = "1101"
	box["\342\224\274"] = "1111"
	reset()
}
function rgb(r, g, b) {
	return sprintf("#%02x%02x%02x", r, g, b)
}
function reset() {
	fg = "d"; bg = "d"; bold = dim = ul = rev = ital = strike = 0
}
function sgr(s,	n, p, i, v) {
	gsub(":", ";", s)
	n = split(s, p, ";")
	if (n == 0) { reset(); return }
	for (i = 1; i <= n; i++) {
		v = p[i] + 0
		if (v == 0) reset()
		else if (v == 1) bold = 1
		else if (v == 2) dim = 1
		else if (v == 3) ital = 1
		else if (v == 4) ul = 1
		else if (v == 7) rev = 1
		else if (v == 9) strike = 1
		else if (v == 21 || v == 22) bold = dim = 0
		else if (v == 23) ital = 0
		else if (v == 24) ul = 0
		else if (v == 27) rev = 0
		else if (v == 29) strike = 0
		else if (v >= 30 && v <= 37) fg = v - 30
		else if (v >= 90 && v <= 97) fg = v - 90 + 8
		else if (v == 39) fg = "d"
		else if (v >= 40 && v <= 47) bg = v - 40
		else if (v >= 100 && v <= 107) bg = v - 100 + 8
		else if (v == 49) bg = "d"
		else if ((v == 38 || v == 48) && p[i + 1] == 5) {
			if (v == 38) fg = p[i + 2] + 0; else bg = p[i + 2] + 0
			i += 2
		} else if ((v == 38 || v == 48) && p[i + 1] == 2) {
			if (p[i + 2] == "" && n >= i + 5) i++  # 38:2::r:g:b
			if (v == 38) fg = rgb(p[i + 2], p[i + 3], p[i + 4])
			else bg = rgb(p[i + 2], p[i + 3], p[i + 4])
			i += 4
		}
	}
}
function color(c) {
	if (c ~ /^#/) return c
	return col256[c + 0]
}
# Cells a code point takes: 0 (combining), 1 or 2 (East Asian wide).
function wcwidth(c) {
	if ((c >= 768 && c <= 879) || (c >= 8203 && c <= 8207) || c == 65279)
		return 0
	if ((c >= 4352 && c <= 4447) || (c >= 11904 && c <= 42191 && \
	    c != 12351) || (c >= 44032 && c <= 55203) || \
	    (c >= 63744 && c <= 64255) || (c >= 65072 && c <= 65103) || \
	    (c >= 65280 && c <= 65376) || (c >= 65504 && c <= 65510) || \
	    (c >= 127744 && c <= 128591) || (c >= 129280 && c <= 129535) || \
	    (c >= 131072 && c <= 262141))
		return 2
	return 1
}
function esc(s) {
	gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
	return s
}
function put(ch, w) {
	if (x >= cols) return
	if (w == 0) {		# combining: onto the previous cell
		if (x > 0) cch[x - 1] = cch[x - 1] ch
		return
	}
	cch[x] = ch; cw[x] = w
	attrs(x)
	x++
	if (w == 2 && x < cols) { cch[x] = ""; cw[x] = 0; attrs(x); x++ }
}
function attrs(i) {
	cfg[i] = fg; cbg[i] = bg; cb[i] = bold; cd[i] = dim; cu[i] = ul
	cr[i] = rev; ci[i] = ital; cs[i] = strike
}
# The cells of one row, as resolved colours, then as rects and texts.
function row(y,	i, j, f, b, k, bx, ty, t, n, lead, tx, kk) {
	for (i = 0; i < cols; i++) {
		f = cfg[i] == "d" ? (cb[i] ? BOLDFG : DEFFG) : color(cfg[i])
		b = cbg[i] == "d" ? DEFBG : color(cbg[i])
		if (cr[i] != (curon && y == cury && i == curx)) {
			t = f; f = b; b = t
		}
		rf[i] = f; rb[i] = b
	}
	for (i = 0; i < cols; i = j) {		# backgrounds
		for (j = i + 1; j < cols && rb[j] == rb[i]; j++) ;
		if (rb[i] != DEFBG)
			printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" " \
			    "height=\"%d\" fill=\"%s\"/>\n", i * CW, y * CH,
			    (j - i) * CW, CH, rb[i]
	}
	for (i = 0; i < cols; i = j) {		# underline, strike-through
		for (j = i + 1; j < cols && rf[j] == rf[i] && cu[j] == cu[i] && \
		    cs[j] == cs[i]; j++) ;
		if (cu[i])
			printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" " \
			    "height=\"1\" fill=\"%s\"/>\n", i * CW,
			    y * CH + CH - 3, (j - i) * CW, rf[i]
		if (cs[i])
			printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" " \
			    "height=\"1\" fill=\"%s\"/>\n", i * CW,
			    y * CH + CH / 2, (j - i) * CW, rf[i]
	}
	ty = y * CH + 13.5
	for (i = 0; i < cols; i = j) {		# text, a run per attribute
		if (cch[i] in box) {
			bx = box[cch[i]]
			line(i, y, bx, rf[i], cb[i])
			j = i + 1
			continue
		}
		kk = rf[i] SUBSEP cb[i] SUBSEP cd[i] SUBSEP ci[i]
		t = ""; n = 0
		for (j = i; j < cols; j++) {
			if (j > i && (rf[j] SUBSEP cb[j] SUBSEP cd[j] SUBSEP \
			    ci[j]) != kk && cch[j] != " ")
				break
			if (cch[j] in box || cw[j] == 2 && j > i) break
			t = t cch[j]; n++
			if (cw[j] == 2) { n++; j += 2; break }
		}
		# Drop the blanks at both ends: they draw nothing.
		lead = 0
		while (substr(t, 1, 1) == " ") { t = substr(t, 2); lead++ }
		while (t != "" && substr(t, length(t), 1) == " ") {
			t = substr(t, 1, length(t) - 1); n--
		}
		if (t == "") continue
		n -= lead
		tx = "<text x=\"" sprintf("%.1f", (i + lead) * CW) "\" y=\"" ty "\""
		if (rf[i] != DEFFG) tx = tx " fill=\"" rf[i] "\""
		if (cb[i]) tx = tx " font-weight=\"bold\""
		if (cd[i]) tx = tx " opacity=\"0.6\""
		if (ci[i]) tx = tx " font-style=\"italic\""
		if (n > 1)
			tx = tx " textLength=\"" sprintf("%.1f", n * CW) "\"" \
			    " lengthAdjust=\"spacing\""
		print tx ">" esc(t) "</text>"
	}
}
function line(i, y, bx, f, bold,	cx, cy, x0, y0, s) {
	cx = i * CW + CW / 2; cy = y * CH + CH / 2
	s = " stroke=\"" f "\" stroke-width=\"" (bold ? 2 : 1.2) "\"/>"
	if (substr(bx, 1, 1) == "1" || substr(bx, 3, 1) == "1")
		printf "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s\n",
		    cx, substr(bx, 1, 1) == "1" ? y * CH : cy, cx,
		    substr(bx, 3, 1) == "1" ? y * CH + CH : cy, s
	if (substr(bx, 2, 1) == "1" || substr(bx, 4, 1) == "1")
		printf "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s\n",
		    substr(bx, 4, 1) == "1" ? i * CW : cx, cy,
		    substr(bx, 2, 1) == "1" ? i * CW + CW : cx, cy, s
}
BEGIN {
	init()
	W = cols * CW + 2 * PAD; H = rows * CH + 2 * PAD + BAR
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" " \
	    "height=\"%d\" viewBox=\"0 0 %.0f %d\">\n", W, H, W, H
	printf "<rect x=\"0.5\" y=\"0.5\" width=\"%.0f\" height=\"%d\" " \
	    "rx=\"9\" fill=\"%s\" stroke=\"#3c3c3c\"/>\n", W - 1, H - 1, DEFBG
	printf "<path d=\"M0.5 %d V9.5 a9 9 0 0 1 9 -9 H%.1f a9 9 0 0 1 9 9 " \
	    "V%d Z\" fill=\"#323233\" stroke=\"#3c3c3c\"/>\n", BAR,
	    W - 9.5, BAR
	printf "<circle cx=\"20\" cy=\"16\" r=\"6\" fill=\"#ff5f57\"/>" \
	    "<circle cx=\"40\" cy=\"16\" r=\"6\" fill=\"#febc2e\"/>" \
	    "<circle cx=\"60\" cy=\"16\" r=\"6\" fill=\"#28c840\"/>\n"
	printf "<text x=\"%.1f\" y=\"21\" text-anchor=\"middle\" " \
	    "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" " \
	    "font-size=\"13px\" fill=\"#a0a0a0\">%s</text>\n", W / 2, esc(title)
	printf "<g transform=\"translate(%d %d)\" font-family=\"%s\" " \
	    "font-size=\"14px\" fill=\"%s\" xml:space=\"preserve\">\n",
	    PAD, BAR + PAD, FONT, DEFFG
	y = 0
}
y < rows {
	s = $0; L = length(s); x = 0
	for (i = 0; i < cols; i++) { cch[i] = " "; cw[i] = 1 }
	for (p = 1; p <= L; ) {
		c = ord[substr(s, p, 1)]
		if (c == 27) {
			c2 = substr(s, p + 1, 1)
			if (c2 == "[") {	# CSI: parameters, final byte
				for (q = p + 2; q <= L; q++)
					if (substr(s, q, 1) ~ /[@-~]/) break
				if (substr(s, q, 1) == "m")
					sgr(substr(s, p + 2, q - p - 2))
				p = q + 1
			} else if (c2 == "]") {	# OSC: to BEL or ST
				for (q = p + 2; q <= L; q++) {
					if (ord[substr(s, q, 1)] == 7) break
					if (ord[substr(s, q, 1)] == 27) { q++; break }
				}
				p = q + 1
			} else
				p += 2
			continue
		}
		if (c < 128) {
			if (c == 9) { do put(" ", 1); while (x % 8) }
			else if (c >= 32) put(substr(s, p, 1), 1)
			p++
			continue
		}
		n = c >= 240 ? 4 : c >= 224 ? 3 : c >= 192 ? 2 : 1
		cp = n == 4 ? c - 240 : n == 3 ? c - 224 : n == 2 ? c - 192 : 65533
		for (q = 1; q < n; q++)
			cp = cp * 64 + ord[substr(s, p + q, 1)] - 128
		put(n == 1 ? "?" : substr(s, p, n), wcwidth(cp))
		p += n
	}
	# Past the end of the line (captured with -N, so blanks that were
	# written are kept) the cells are empty.  The attributes carry over
	# to the next line, as tmux writes only their changes.
	if (x < cols) {
		sf = fg; sb = bg; s1 = bold; s2 = dim; s3 = ul; s4 = rev
		s5 = ital; s6 = strike
		reset()
		while (x < cols) put(" ", 1)
		fg = sf; bg = sb; bold = s1; dim = s2; ul = s3; rev = s4
		ital = s5; strike = s6
	}
	row(y)
	y++
}
END {
	print "</g>"
	print "</svg>"
}
'

# The reader, at action item IV.5 of the foreign ministry's translation.
start 110 32 mfa:IV.5
wait_for 'IV.5  5. International Cooperation on Cyber' 'Chapter IV. Plan of Action' '? help'
shot "$outdir/reader.svg" 'charta — mfa:IV.5'

# The principle of sovereignty beside its UN translation, words marked.
start 120 32 mfa:II.2
wait_for 'mfa:II.2' '? help'
keys c
wait_for 'Compare with' 'iscc-2017-un:II.2'
keys Enter
wait_for 'Comparison: pair' 'ISCC 2017 (UN)'
before=$(screen -e)
keys d
wait_change "$before"
shot "$outdir/compare.svg" 'charta — mfa:II.2 beside un:II.2'

# The filter, as it narrows the outline to "privacy".
start 110 32
wait_for '? help'
keys /
wait_for '/'
keys -l privacy
wait_for '/privacy' 'paragraphs'
shot "$outdir/filter.svg" 'charta — /privacy'

# A note on the first paragraph of the principle of sovereignty, shown
# beside the same paragraph of the UN translation too.
start 120 32 mfa:II.2.p1
wait_for 'mfa:II.2.p1' '? help'
keys a
wait_for 'note:'
keys -l "Sovereignty here is the state's, not the network's: compare the UN wording."
keys Enter
wait_for 'note on mfa:II.2.p1 kept'
keys h c
wait_for 'Compare with' 'iscc-2017-un:II.2'
keys Enter
wait_for 'Comparison: pair' 'ISCC 2017 (UN)'
shot "$outdir/notes.svg" 'charta — a note on mfa:II.2.p1, in both translations'
