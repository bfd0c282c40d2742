/*
 * screen.h -- the terminal: starting and ending curses, the checks that
 * come first (TERM usable, a terminal to read keys from), signals, the
 * theme, and drawing text into a part of the screen by display width.
 *
 * Only the ui/ files include <curses.h>.
 */
#ifndef CHARTA_SCREEN_H
#define CHARTA_SCREEN_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

/*
 * The theme: every styled element of the screen, its colours and its
 * attributes with colour, and its attributes on a monochrome terminal or
 * with NO_COLOR (which must still make every kind distinguishable).
 * X(ENUM, foreground, background, attributes with colour, without)
 */
#define THEME_TABLE(X)							\
	X(NORMAL,	-1,		-1,	A_NORMAL,	A_NORMAL)	\
	X(TITLE,	COLOR_WHITE,	COLOR_BLUE, A_BOLD,	A_REVERSE)	\
	X(STATUS,	COLOR_WHITE,	COLOR_BLUE, A_NORMAL,	A_REVERSE)	\
	X(MESSAGE,	COLOR_YELLOW,	-1,	A_BOLD,		A_BOLD)		\
	X(ERROR,	COLOR_RED,	-1,	A_BOLD,		A_BOLD)		\
	X(SELECTED,	COLOR_BLACK,	COLOR_CYAN, A_NORMAL,	A_REVERSE)	\
	X(SELECTED_IDLE, COLOR_BLACK,	COLOR_WHITE, A_NORMAL,	A_UNDERLINE)	\
	X(LABEL,	COLOR_CYAN,	-1,	A_BOLD,		A_BOLD)		\
	X(HEADING,	-1,		-1,	A_BOLD,		A_BOLD)		\
	X(DOCUMENT,	COLOR_YELLOW,	-1,	A_BOLD,		A_BOLD | A_UNDERLINE) \
	X(EPIGRAPH,	COLOR_GREEN,	-1,	A_NORMAL,	A_DIM)		\
	X(CAPTION,	COLOR_MAGENTA,	-1,	A_NORMAL,	A_DIM)		\
	X(META,		COLOR_MAGENTA,	-1,	A_DIM,		A_DIM)		\
	X(PLACEHOLDER,	COLOR_RED,	-1,	A_NORMAL,	A_REVERSE)	\
	X(BORDER,	COLOR_BLUE,	-1,	A_NORMAL,	A_NORMAL)	\
	X(HELP_KEY,	COLOR_CYAN,	-1,	A_BOLD,		A_BOLD)		\
	X(HIT,		COLOR_BLACK,	COLOR_YELLOW, A_NORMAL,	A_REVERSE | A_BOLD) \
	X(DIFF,		COLOR_BLACK,	COLOR_MAGENTA, A_NORMAL, A_UNDERLINE | A_BOLD) \
	X(NOTE,		COLOR_YELLOW,	-1,	A_UNDERLINE,	A_UNDERLINE)	\
	X(LINK,		COLOR_CYAN,	-1,	A_UNDERLINE,	A_UNDERLINE)

enum theme_elem {
#define THEME_ENUM(e, f, b, ac, am)	THEME_##e,
	THEME_TABLE(THEME_ENUM)
#undef THEME_ENUM
	THEME__COUNT
};

/*
 * Check that the terminal can run the reader and start curses: TERM set and
 * capable (cursor addressing and clear), stdout a terminal, keys from stdin
 * or else /dev/tty.  Installs the signal handlers.  Returns 0, or -1 with a
 * message (malloc'ed) in *err; then the terminal is untouched.
 */
int		 screen_init(char **err);

/*
 * Give the terminal to a child (an editor) and take it back: the
 * terminal's own modes while it is away, a full repaint after.
 */
void		 screen_suspend(void);
void		 screen_resume(void);

/* Restore the terminal.  Safe to call twice, and before screen_init. */
void		 screen_done(void);

/* True if the interface is limited to ASCII (non-UTF-8 locale). */
bool		 screen_ascii(void);

/* The attributes (colour pair included) of a theme element. */
attr_t		 screen_attr(enum theme_elem);

/*
 * What a key code from get_wch (KEY_CODE_YES) is to bracketed paste: the
 * marker before pasted text (ESC [ 200 ~), the one after (ESC [ 201 ~),
 * or neither.  The mode is asked for only when both markers are keys.
 */
enum screen_paste {
	SCREEN_PASTE_NONE,
	SCREEN_PASTE_BEGIN,
	SCREEN_PASTE_END,
};
enum screen_paste screen_paste_key(int code);

/*
 * If ch is the terminal's interrupt, quit or suspend character (Ctrl-C,
 * Ctrl-\, Ctrl-Z; the reader reads them as keys), raise the signal the
 * terminal would have sent and return true.
 */
bool		 screen_signal_key(int ch);

/* The file descriptor keys are read from (for hang-up checks). */
int		 screen_input_fd(void);

/*
 * Draw s[0..n) (sanitized UTF-8) at row y from column x, at most width
 * columns, in attr; returns the columns used.  Wide characters that would
 * cross the limit are not drawn.
 */
size_t		 screen_put(int y, int x, const char *s, size_t n,
		    size_t width, attr_t attr);

/* Fill width columns of row y from column x with spaces in attr. */
void		 screen_fill(int y, int x, size_t width, attr_t attr);

/* One of the interface's symbols, with an ASCII fallback. */
enum screen_glyph {
	GLYPH_OPEN,		/* an expanded outline node */
	GLYPH_CLOSED,		/* a collapsed one */
	GLYPH_VLINE,		/* the pane separator */
	GLYPH_ELLIPSIS,		/* text cut short */
	GLYPH_CRUMB,		/* breadcrumb separator */
	GLYPH_LINK,		/* an outline row with "see also" links */
};
const char	*screen_glyph(enum screen_glyph);

#endif /* CHARTA_SCREEN_H */
