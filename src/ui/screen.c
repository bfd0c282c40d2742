/*
 * screen.c -- curses set-up and tear-down, signals and the theme (see
 * screen.h).
 *
 * Signal handlers only set flags (util/signals.h); the main loop sleeps
 * in poll() on the terminal and the signal pipe, so it sees both at once.
 * SIGWINCH and SIGTSTP are left to ncurses, which turns a resize into
 * KEY_RESIZE and restores the terminal around a suspend.
 *
 * Bracketed paste (xterm's mode 2004) is on while the reader has the
 * terminal, and off whenever it gives it back: at the end, however it
 * comes (a signal ends the loop, which ends here), around $EDITOR, and
 * around Ctrl-Z (util/signals.h wraps curses' handler).  Its markers
 * come as keys of their own (screen_paste_key).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "text/text.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/xmalloc.h"

/* Last: term.h defines macros (lines, columns) that clash with names. */
#include <term.h>

static void	screen_keys_not_signals(void);
static void	screen_paste_start(void);
static void	screen_paste_mode(bool);

static SCREEN	*screen_sp;
static FILE	*screen_in;
static bool	 screen_ascii_only;
static attr_t	 screen_attrs[THEME__COUNT];
static int	 screen_paste_keys[2] = { -1, -1 };	/* begin, end */
static bool	 screen_paste_on;

static const char	screen_paste_set[] = "\033[?2004h";
static const char	screen_paste_reset[] = "\033[?2004l";

static const struct theme_info {
	short	fg;
	short	bg;
	attr_t	color_attr;
	attr_t	mono_attr;
} theme_info[THEME__COUNT] = {
#define THEME_INFO(e, f, b, ac, am)					\
	[THEME_##e] = { .fg = f, .bg = b, .color_attr = ac, .mono_attr = am },
	THEME_TABLE(THEME_INFO)
#undef THEME_INFO
};

static void
screen_theme(void)
{
	const char	*nc = getenv("NO_COLOR");
	bool		 color;
	int		 e;

	color = (nc == NULL || *nc == '\0') && has_colors() &&
	    start_color() == OK;
	if (color)
		use_default_colors();
	for (e = 0; e < THEME__COUNT; e++) {
		const struct theme_info	*t = &theme_info[e];

		if (!color || COLORS < 8) {
			screen_attrs[e] = t->mono_attr;
			continue;
		}
		if (t->fg == -1 && t->bg == -1) {
			screen_attrs[e] = t->color_attr;
			continue;
		}
		init_pair((short)e, t->fg, t->bg);
		screen_attrs[e] = t->color_attr | COLOR_PAIR(e);
	}
}

/*
 * How long Esc waits for the rest of a key's sequence (an arrow is Esc [
 * A), in milliseconds: ESCDELAY if it is set to a number, as curses
 * reads it; otherwise 25 over ssh, where a packet may split a sequence,
 * and 10 on this machine's terminals (and in tmux or screen, which pass
 * a sequence whole), where Esc alone is then answered sooner.
 */
static int
screen_escdelay(void)
{
	const char	*e = getenv("ESCDELAY");
	char		*end;
	long		 ms;

	if (e != NULL && *e != '\0') {
		errno = 0;
		ms = strtol(e, &end, 10);
		if (errno == 0 && *end == '\0' && ms >= 0 && ms <= 10000)
			return (int)ms;
	}
	if (getenv("SSH_CONNECTION") != NULL || getenv("SSH_TTY") != NULL)
		return 25;
	return 10;
}

int
screen_init(char **err)
{
	const char	*term = getenv("TERM"), *cs;
	int		 rc, in_fd = STDIN_FILENO;

	*err = NULL;
	if (!isatty(STDOUT_FILENO)) {
		*err = xstrdup(_("standard output is not a terminal; use "
		    "'charta show' or 'charta toc' in scripts"));
		return -1;
	}
	if (term == NULL || *term == '\0' ||
	    setupterm(NULL, STDOUT_FILENO, &rc) != OK ||
	    tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1 ||
	    tigetstr("clear") == NULL || tigetstr("clear") == (char *)-1) {
		*err = xasprintf(_("terminal type '%s' is not usable for the "
		    "interactive reader; use 'charta show'"),
		    term ? term : "");
		if (cur_term != NULL)
			del_curterm(cur_term);
		return -1;
	}
	/* newterm makes its own: this one was only for the check. */
	del_curterm(cur_term);
	/* Keys come from the terminal even when stdin is a pipe (less). */
	if (!isatty(STDIN_FILENO)) {
		in_fd = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
		if (in_fd == -1) {
			*err = xasprintf(_("no terminal to read keys from "
			    "(%s); use 'charta show'"), strerror(errno));
			return -1;
		}
		screen_in = fdopen(in_fd, "r");
	} else
		screen_in = fdopen(dup(STDIN_FILENO), "r");
	if (screen_in == NULL) {
		*err = xasprintf("%s", strerror(errno));
		return -1;
	}
	cs = nl_langinfo(CODESET);
	screen_ascii_only = cs == NULL || (strcasecmp(cs, "UTF-8") != 0 &&
	    strcasecmp(cs, "utf8") != 0);

	screen_sp = newterm(NULL, stdout, screen_in);
	if (screen_sp == NULL) {
		*err = xasprintf(_("terminal type '%s' is not usable for the "
		    "interactive reader; use 'charta show'"), term);
		fclose(screen_in);
		screen_in = NULL;
		return -1;
	}
	signals_catch();
	cbreak();
	screen_keys_not_signals();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	scrollok(stdscr, FALSE);
	leaveok(stdscr, TRUE);
	curs_set(0);
	set_escdelay(screen_escdelay());
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED |
	    BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	screen_theme();
	screen_paste_start();
	return 0;
}

/*
 * A key code of its own for seq: the terminal's, if its entry has one,
 * else the first code after KEY_MAX that no key has.  -1 if none.
 */
static int
screen_define_key(const char *seq)
{
	int	code = key_defined(seq);

	if (code > 0)
		return code;
	for (code = KEY_MAX + 1; code < KEY_MAX + 4096; code++)
		if (!has_key(code))
			return define_key(seq, code) == OK ? code : -1;
	return -1;
}

/* Ask for bracketed paste, once its markers are keys. */
static void
screen_paste_start(void)
{
	screen_paste_keys[0] = screen_define_key("\033[200~");
	screen_paste_keys[1] = screen_define_key("\033[201~");
	if (screen_paste_keys[0] == -1 || screen_paste_keys[1] == -1)
		return;
	screen_paste_on = true;
	screen_paste_mode(true);
	signals_around_stop(STDOUT_FILENO, screen_paste_reset,
	    screen_paste_set);
}

/* Turn bracketed paste on or off, after what curses has written. */
static void
screen_paste_mode(bool on)
{
	const char	*seq = on ? screen_paste_set : screen_paste_reset;
	size_t		 n = strlen(seq);
	ssize_t		 w;

	if (!screen_paste_on || !isatty(STDOUT_FILENO))
		return;
	fflush(stdout);
	while (n > 0) {
		w = write(STDOUT_FILENO, seq, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return;		/* the terminal is gone */
		seq += w;
		n -= (size_t)w;
	}
}

enum screen_paste
screen_paste_key(int code)
{
	if (code == screen_paste_keys[0])
		return SCREEN_PASTE_BEGIN;
	if (code == screen_paste_keys[1])
		return SCREEN_PASTE_END;
	return SCREEN_PASTE_NONE;
}

/*
 * Ctrl-S and Ctrl-Q are keys, not flow control: with IXON on, a stray
 * Ctrl-S froze the reader's output until a Ctrl-Q came.  Ctrl-C, Ctrl-\
 * and Ctrl-Z come as keys too (ISIG off), made signals again by
 * screen_signal_key: so that the same bytes inside a paste are text, as
 * the terminal driver would otherwise have turned them into signals
 * before the reader saw the paste.  The terminal's own modes come back at
 * endwin.
 */
static cc_t	screen_sig_chars[3];
static const int screen_sig_signals[3] = { SIGINT, SIGQUIT, SIGTSTP };

static void
screen_keys_not_signals(void)
{
	struct termios	t;
	int		fd = fileno(screen_in);

	if (tcgetattr(fd, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (t.c_lflag & ISIG) {
		screen_sig_chars[0] = t.c_cc[VINTR];
		screen_sig_chars[1] = t.c_cc[VQUIT];
		screen_sig_chars[2] = t.c_cc[VSUSP];
		t.c_lflag &= ~(tcflag_t)ISIG;
	}
	if (tcsetattr(fd, TCSANOW, &t) == 0)
		def_prog_mode();	/* kept across Ctrl-Z and fg */
}

bool
screen_signal_key(int ch)
{
	int	k;

	for (k = 0; k < 3; k++)
		if (screen_sig_chars[k] != _POSIX_VDISABLE &&
		    screen_sig_chars[k] != 0 && ch == screen_sig_chars[k]) {
			raise(screen_sig_signals[k]);
			return true;
		}
	return false;
}

void
screen_suspend(void)
{
	def_prog_mode();
	endwin();
	fflush(stdout);
	screen_paste_mode(false);
}

void
screen_resume(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	screen_paste_mode(true);
}

void
screen_done(void)
{
	if (screen_sp == NULL)
		return;
	/*
	 * A terminal without an alternate screen (vt100, linux: no
	 * smcup/rmcup) would keep the reader's last screen, the shell's
	 * prompt written over its status line: clear it.  endwin then
	 * leaves the cursor at the bottom, on an empty line.
	 */
	if (exit_ca_mode == NULL || exit_ca_mode == (char *)-1 ||
	    *exit_ca_mode == '\0') {
		clear();
		refresh();
	}
	curs_set(1);
	endwin();
	signals_around_stop(-1, NULL, NULL);
	screen_paste_mode(false);
	screen_paste_on = false;
	delscreen(screen_sp);
	screen_sp = NULL;
	if (screen_in != NULL)
		fclose(screen_in);
	screen_in = NULL;
}

bool
screen_ascii(void)
{
	return screen_ascii_only;
}

attr_t
screen_attr(enum theme_elem e)
{
	return screen_attrs[e];
}

int
screen_input_fd(void)
{
	return screen_in != NULL ? fileno(screen_in) : -1;
}

size_t
screen_put(int y, int x, const char *s, size_t n, size_t width,
    attr_t attr)
{
	size_t	len, w;

	if (width == 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if ((size_t)(COLS - x) < width)
		width = (size_t)(COLS - x);
	len = text_fit(s, n, width, &w);
	attrset(attr);
	mvaddnstr(y, x, s, (int)len);
	attrset(A_NORMAL);
	return w;
}

void
screen_fill(int y, int x, size_t width, attr_t attr)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if ((size_t)(COLS - x) < width)
		width = (size_t)(COLS - x);
	attrset(attr);
	mvhline(y, x, ' ', (int)width);
	attrset(A_NORMAL);
}

const char *
screen_glyph(enum screen_glyph g)
{
	static const char *const utf8[] = {
		[GLYPH_OPEN] = "\xe2\x96\xbe",		/* ▾ */
		[GLYPH_CLOSED] = "\xe2\x96\xb8",	/* ▸ */
		[GLYPH_VLINE] = "\xe2\x94\x82",		/* │ */
		[GLYPH_ELLIPSIS] = "\xe2\x80\xa6",	/* … */
		[GLYPH_CRUMB] = " \xe2\x80\xba ",	/* › */
		[GLYPH_LINK] = "\xe2\x86\x94",		/* ↔ */
	};
	static const char *const ascii[] = {
		[GLYPH_OPEN] = "-",
		[GLYPH_CLOSED] = "+",
		[GLYPH_VLINE] = "|",
		[GLYPH_ELLIPSIS] = "~",
		[GLYPH_CRUMB] = " > ",
		[GLYPH_LINK] = "<>",
	};

	return screen_ascii_only ? ascii[g] : utf8[g];
}
