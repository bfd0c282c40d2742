#!/bin/sh
# yank.sh -- the yank keys: y copies the citation of the part the title
# line names, Y its text with the citation; through tmux (OSC 52, tmux's
# set-clipboard on: read back from tmux's paste buffer) and through a
# clipboard command from the config file; the status line says where the
# text went, or why it went nowhere.  A document's own OSC 52 never
# reaches the clipboard.

. "$top_srcdir/tests/tui/lib.sh"

hint='? help  Tab pane'
conf=$tmp/config/charta/config
mkdir -p "$tmp/config/charta"

# tmux keeps what OSC 52 sets as a paste buffer when set-clipboard is on.
cp "$tmp/tmux.conf" "$tmp/tmux.base"
echo 'set -s set-clipboard on' >>"$tmp/tmux.conf"

# buffer: tmux's newest paste buffer (empty if there is none).
buffer() {
	$T show-buffer 2>/dev/null
}
# buffer_is WANT: wait until the paste buffer is WANT.
buffer_is() {
	tui_until sh -c '[ "$($1 show-buffer 2>/dev/null)" = "$2" ]' sh \
	    "$T" "$1"
}

# y on a section, from the outline: its plain citation.
tui_start 120 16 mfa:II.2
tui_expect "start" "$hint" || finish
tui_expect_ref "start" mfa:II.2
[ -z "$(buffer)" ] || fail "a paste buffer before any yank: $(buffer)"
tui_keys y
tui_expect "y" 'mfa:II.2: plain citation copied to tmux (OSC 52)'
want=$("$CHARTA" cite mfa:II.2)
buffer_is "$want" || fail "y: the buffer is '$(buffer)', not '$want'"

# Scrolled to a paragraph: the title line names it, and y cites it.
tui_keys Tab
tui_keys j j j j j j j j j j j j j j
tui_expect_ref "scrolled" mfa:II.2.p2 || finish
tui_keys y
tui_expect "y on p2" 'mfa:II.2.p2: plain citation copied to tmux'
want=$("$CHARTA" cite mfa:II.2.p2)
buffer_is "$want" || fail "y on p2: the buffer is '$(buffer)'"

# Y: the paragraph's text, then its citation.
tui_keys Y
tui_expect "Y" 'mfa:II.2.p2: text and plain citation copied to tmux'
want=$("$CHARTA" cite --text mfa:II.2.p2)
buffer_is "$want" || fail "Y: the buffer is '$(buffer)', not '$want'"
case $want in
"Upholding sovereignty in cyberspace"*"iscc-2017-mfa:II.2.p2 ("*) ;;
*) fail "Y: cite --text is not text then citation: $want" ;;
esac
tui_keys q
tui_expect_exit "q" 0

# tmux's default (external) drops OSC 52 from programs: charta says so.
cp "$tmp/tmux.base" "$tmp/tmux.conf"
echo 'set -s set-clipboard external' >>"$tmp/tmux.conf"
tui_start 120 40 wic:II.1
tui_expect "external" "$hint" || finish
tui_keys y
tui_expect "external: y" "tmux drops OSC 52 while its set-clipboard is 'external'"
[ -z "$(buffer)" ] || fail "external: a buffer: $(buffer)"
tui_keys q
tui_expect_exit "q" 0

# A document whose text holds OSC 52 and other sequences: shown, never
# obeyed; only the yank sets the clipboard.
cp "$tmp/tmux.base" "$tmp/tmux.conf"
echo 'set -s set-clipboard on' >>"$tmp/tmux.conf"
printf -- '---\nslug: evil\ntitle: Evil \033]52;c;cHduZWQ=\007 title\n---\n\n# Head {.chapter label=I}\n\nText \033]52;c;cHduZWQ=\007 and \033P\033]52;c;cHduZWQ=\007\033\\ end.\n' \
    >"$tmp/evil.md"
"$CHARTA" --db "$tmp/evil.db" import "$tmp/evil.md" ||
    fail "import evil.md"
tui_env="CHARTA_DB=$tmp/evil.db"
tui_start 100 30 evil:I
tui_expect "evil" 'Text ^[]52;c;cHduZWQ=^G and' || finish
tui_sync
[ -z "$(buffer)" ] || fail "the document's OSC 52 set the clipboard: $(buffer)"
tui_keys y
tui_expect "evil: y" 'evil:I: plain citation copied to tmux'
want=$(CHARTA_DB=$tmp/evil.db "$CHARTA" cite evil:I)
buffer_is "$want" || fail "evil: y: the buffer is '$(buffer)'"
case $(buffer) in
*pwned*) fail "evil: the document's OSC 52 reached the clipboard" ;;
esac
tui_keys q
tui_expect_exit "q" 0
tui_env=

# A clipboard command gets the text on its standard input; the format is
# the config file's.
cat >"$tmp/clip.sh" <<EOF
cat >"$tmp/clip.tmp" && mv "$tmp/clip.tmp" "$tmp/clip.out"
EOF
printf 'set clipboard sh %s/clip.sh\nset cite-format bibtex\n' "$tmp" >"$conf"
tui_start 120 40 embassy:III
tui_expect "command" "$hint" || finish
tui_keys y
tui_expect "command: y" "embassy:III: bibtex citation copied with 'sh $tmp/clip.sh'"
tui_until test -s "$tmp/clip.out" || fail "the command wrote nothing"
# All of it but the last newline.
printf '%s' "$("$CHARTA" cite --format=bibtex embassy:III)" >"$tmp/want.nonl"
cmp -s "$tmp/want.nonl" "$tmp/clip.out" ||
    fail "command: got '$(cat "$tmp/clip.out")'"
[ -z "$(buffer)" ] || fail "command: OSC 52 was written too: $(buffer)"
tui_keys q
tui_expect_exit "q" 0

# A failing command: the status line says how it failed.
printf 'set clipboard cat >/dev/null; exit 3\n' >"$conf"
tui_start 120 40 wic
tui_expect "failing command" "$hint" || finish
tui_keys y
tui_expect "failing command: y" \
    "clipboard command 'cat >/dev/null; exit 3' failed (exit status 3)"
tui_keys q
tui_expect_exit "q" 0

# Off: the status line shows the citation, nothing is copied.
printf 'set clipboard off\nset cite-format chicago\n' >"$conf"
tui_start 160 40 news:p3
tui_expect "off" "$hint" || finish
tui_keys y
tui_expect "off: y" 'the clipboard is off (config file): ' \
    'cyberspace cooperation,” March 1, 2017, para. 2.'
[ -z "$(buffer)" ] || fail "off: a buffer: $(buffer)"
tui_keys q
tui_expect_exit "q" 0
finish
