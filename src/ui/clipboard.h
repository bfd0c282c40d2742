/*
 * clipboard.h -- copying text out of the reader: with OSC 52 (the
 * terminal's clipboard, which works over ssh; through tmux and screen
 * too) or with a command such as wl-copy, as the config file's `set
 * clipboard` says (settings.h).
 *
 * This is the only place charta writes OSC 52, and only the yank keys
 * call it: the text goes base64-encoded inside the sequence, so no byte
 * of the data reaches the terminal as it is.
 */
#ifndef CHARTA_CLIPBOARD_H
#define CHARTA_CLIPBOARD_H

#include <stdbool.h>
#include <stddef.h>

/* Where copied text went. */
enum clipboard_where {
	CLIPBOARD_TERMINAL,	/* OSC 52 to the terminal */
	CLIPBOARD_TMUX,		/* OSC 52 to tmux (set-clipboard on), which
				   keeps it as a paste buffer */
	CLIPBOARD_SCREEN,	/* OSC 52 through screen to its terminal */
	CLIPBOARD_COMMAND,	/* the clipboard command read it */
	CLIPBOARD_NOWHERE,	/* `set clipboard off` */
};

/* The most text OSC 52 carries (terminals and tmux limit the sequence). */
#define CLIPBOARD_OSC52_MAX	(256 * 1024)

/*
 * Copy text[0..len) (UTF-8) to the clipboard the config file names.
 * Returns 0 with where it went in *where, or -1 with a message (malloc'ed,
 * translated, naming the command or the terminal) in *err, and then
 * nothing was copied:
 *  - OSC 52 is written to the terminal (standard output) after a
 *    refresh(), so that it never lands inside curses' own output.  In
 *    "auto" mode only where the terminal takes it: its terminfo entry has
 *    Ms, or its TERM is a terminal known to; inside tmux only if tmux's
 *    set-clipboard is on (tmux drops it otherwise); inside screen it goes
 *    in screen's passthrough (DCS) to the terminal outside.
 *  - A command runs with /bin/sh -c COMMAND (the user's own line; the
 *    text is never in it) with the text on its standard input, its output
 *    and errors to /dev/null, in a session of its own so that it cannot
 *    take the terminal; a failure (exit status, signal, not reading the
 *    text) is the error.
 */
int	clipboard_copy(const char *text, size_t len,
	    enum clipboard_where *where, char **err);

/*
 * The OSC 52 sequence that sets the clipboard to text[0..len), in
 * screen's passthrough if screen is true; a new string (ASCII only).
 */
char	*clipboard_osc52_sequence(const char *text, size_t len, bool screen);

/*
 * text[0..len) as base64 (RFC 4648, with padding), a new string; for the
 * tests too.
 */
char	*clipboard_base64(const char *text, size_t len);

#endif /* CHARTA_CLIPBOARD_H */
