/*
 * clipboard.c -- OSC 52 and the clipboard command (see clipboard.h).
 *
 * OSC 52 is "ESC ] 52 ; c ; BASE64 BEL".  Inside screen it must be wrapped
 * in screen's passthrough, a DCS string ("ESC P ... ESC \") that screen
 * hands to the terminal outside; screen keeps such a string in a small
 * buffer, so the sequence goes in pieces of CLIPBOARD_SCREEN_CHUNK bytes,
 * each in its own DCS, as the terminal outside reads them back to back.
 * The BEL ends the OSC (ESC \ would end screen's DCS too early).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curses.h>

#include "text/text.h"
#include "ui/clipboard.h"
#include "ui/settings.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Last: term.h defines macros (lines, columns) that clash with names. */
#include <term.h>

#define CLIPBOARD_SCREEN_CHUNK	76
/* How long a clipboard command may take to read the text and exit. */
#define CLIPBOARD_TIMEOUT_MS	5000
/* Descriptors closed in a command's process (beyond: none are ours). */
#define CLIPBOARD_MAX_FD	1024

char *
clipboard_base64(const char *text, size_t len)
{
	static const char	 digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*p = (const unsigned char *)text;
	char			*out, *q;
	size_t			 k;
	uint32_t		 v;

	q = out = xmalloc((len + 2) / 3 * 4 + 1);
	for (k = 0; k + 2 < len; k += 3) {
		v = (uint32_t)p[k] << 16 | (uint32_t)p[k + 1] << 8 | p[k + 2];
		*q++ = digits[v >> 18];
		*q++ = digits[(v >> 12) & 63];
		*q++ = digits[(v >> 6) & 63];
		*q++ = digits[v & 63];
	}
	if (k < len) {
		v = (uint32_t)p[k] << 16;
		if (k + 1 < len)
			v |= (uint32_t)p[k + 1] << 8;
		*q++ = digits[v >> 18];
		*q++ = digits[(v >> 12) & 63];
		*q++ = k + 1 < len ? digits[(v >> 6) & 63] : '=';
		*q++ = '=';
	}
	*q = '\0';
	return out;
}

/*
 * Wait for pid; after CLIPBOARD_TIMEOUT_MS in all (*waited so far), kill
 * it and set *late.  Returns its wait status, or -1.
 */
static int
clipboard_reap(pid_t pid, int *waited, bool *late)
{
	int	status;
	pid_t	r;

	/* Most commands are done at once; a stuck one is stopped. */
	for (;;) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return status;
		if (r == -1 && errno != EINTR)
			return -1;
		if (*waited >= CLIPBOARD_TIMEOUT_MS) {
			*late = true;
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			while ((r = waitpid(pid, &status, 0)) == -1 &&
			    errno == EINTR)
				;
			return r == pid ? status : -1;
		}
		poll(NULL, 0, 10);
		*waited += 10;
	}
}

/*
 * Write in[0..inlen) to fd (non-blocking) while pid runs.  Returns how
 * much was written; *status gets pid's wait status if it exited meanwhile
 * (and *reaped is set).
 */
static size_t
clipboard_feed(int fd, const char *in, size_t inlen, pid_t pid, int *waited,
    int *status, bool *reaped)
{
	struct pollfd	pfd;
	size_t		off = 0;
	ssize_t		w;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	pfd.fd = fd;
	pfd.events = POLLOUT;
	while (off < inlen && *waited < CLIPBOARD_TIMEOUT_MS) {
		if (poll(&pfd, 1, 100) == 0) {
			*waited += 100;
			/* A full pipe and nobody left to read it. */
			if (waitpid(pid, status, WNOHANG) == pid) {
				*reaped = true;
				break;
			}
			continue;
		}
		w = write(fd, in + off, inlen - off);
		if (w > 0)
			off += (size_t)w;
		else if (w == -1 && errno != EINTR && errno != EAGAIN)
			break;
	}
	return off;
}

/*
 * Run /bin/sh -c script with in[0..inlen) on its standard input (/dev/null
 * if in is NULL) and, if out is not NULL, the start of its standard output
 * in out[0..outcap) (NUL-terminated); standard error to /dev/null.  The
 * command gets a session of its own, no descriptor of ours and the
 * default SIGPIPE.  Returns its wait status, or -1 with errno if it could
 * not be started.  *unread is set if it exited without reading all of in
 * (what it left in the pipe is counted: the parent keeps a read end);
 * *late if it had not finished after CLIPBOARD_TIMEOUT_MS (then it was
 * killed).
 */
static int
clipboard_run(const char *script, const char *in, size_t inlen, char *out,
    size_t outcap, bool *unread, bool *late)
{
	char *const		 argv[] = { (char *)"sh", (char *)"-c",
	    (char *)script, NULL };
	struct sigaction	 ign, old_pipe;
	struct pollfd		 pfd;
	int			 to[2] = { -1, -1 }, from[2] = { -1, -1 };
	int			 devnull, status = -1, fd, waited = 0, saved;
	int			 left = 0;
	size_t			 got = 0, fed = 0;
	ssize_t			 w;
	pid_t			 pid;
	bool			 reaped = false;

	*unread = *late = false;
	if ((devnull = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
		return -1;
	if ((in != NULL && pipe(to) == -1) ||
	    (out != NULL && pipe(from) == -1)) {
		saved = errno;
		goto fail;
	}
	/* Only the async-signal-safe between fork and exec: threads run. */
	if ((pid = fork()) == -1) {
		saved = errno;
		goto fail;
	}
	if (pid == 0) {
		struct sigaction	dfl;

		setsid();
		dup2(in != NULL ? to[0] : devnull, STDIN_FILENO);
		dup2(out != NULL ? from[1] : devnull, STDOUT_FILENO);
		dup2(devnull, STDERR_FILENO);
		for (fd = 3; fd < CLIPBOARD_MAX_FD; fd++)
			close(fd);
		memset(&dfl, 0, sizeof dfl);
		dfl.sa_handler = SIG_DFL;
		sigaction(SIGPIPE, &dfl, NULL);
		sigaction(SIGXFSZ, &dfl, NULL);
		execv("/bin/sh", argv);
		_exit(127);
	}
	close(devnull);
	/* SIGPIPE ignored here too (the reader ignores it already). */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old_pipe);
	if (in != NULL) {
		fed = clipboard_feed(to[1], in, inlen, pid, &waited, &status,
		    &reaped);
		close(to[1]);
	}
	if (out != NULL) {
		close(from[1]);
		pfd.fd = from[0];
		pfd.events = POLLIN;
		while (got + 1 < outcap && waited < CLIPBOARD_TIMEOUT_MS) {
			if (poll(&pfd, 1, 100) == 0) {
				waited += 100;
				continue;
			}
			w = read(from[0], out + got, outcap - 1 - got);
			if (w == 0 || (w == -1 && errno != EINTR))
				break;
			if (w > 0)
				got += (size_t)w;
		}
		out[got] = '\0';
		close(from[0]);
	}
	sigaction(SIGPIPE, &old_pipe, NULL);
	if (!reaped)
		status = clipboard_reap(pid, &waited, late);
	if (in != NULL) {
		if (ioctl(to[0], FIONREAD, &left) == -1)
			left = 0;
		*unread = fed < inlen || left > 0;
		close(to[0]);
	}
	return status;

fail:
	for (fd = 0; fd < 2; fd++) {
		if (to[fd] != -1)
			close(to[fd]);
		if (from[fd] != -1)
			close(from[fd]);
	}
	close(devnull);
	errno = saved;
	return -1;
}

/* Copy with the clipboard command. */
static int
clipboard_command(const char *text, size_t len, char **err)
{
	const char	*cmd = settings_clipboard_command();
	bool		 unread, late;
	int		 st;

	st = clipboard_run(cmd, text, len, NULL, 0, &unread, &late);
	if (st == -1)
		*err = xasprintf(_("clipboard command '%s' could not be "
		    "started: %s"), cmd, strerror(errno));
	else if (late)
		*err = xasprintf(_("clipboard command '%s' did not finish "
		    "within %d seconds and was stopped"), cmd,
		    CLIPBOARD_TIMEOUT_MS / 1000);
	else if (WIFSIGNALED(st))
		*err = xasprintf(_("clipboard command '%s' was killed by "
		    "signal %d"), cmd, WTERMSIG(st));
	else if (WEXITSTATUS(st) != 0)
		*err = xasprintf(_("clipboard command '%s' failed (exit "
		    "status %d)"), cmd, WEXITSTATUS(st));
	else if (unread)
		*err = xasprintf(_("clipboard command '%s' did not read the "
		    "text"), cmd);
	else
		return 0;
	return -1;
}

/*
 * tmux's set-clipboard ("on", "external", "off"), or "" if tmux cannot
 * say.  Only "on" makes tmux take OSC 52 from a program.
 */
static void
clipboard_tmux_option(char *value, size_t cap)
{
	bool	unread, late;
	int	st;

	st = clipboard_run("exec tmux show-options -sv set-clipboard", NULL,
	    0, value, cap, &unread, &late);
	if (st == -1 || late || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		*value = '\0';
	value[strcspn(value, "\r\n")] = '\0';
}

/* Is the terminal one that takes OSC 52? */
static bool
clipboard_terminal_takes(const char *term)
{
	static const char *const known[] = { "xterm", "alacritty", "foot",
	    "kitty", "wezterm", "st-", "contour", "rio", "ghostty",
	    "mintty", "tmux" };
	const char	*ms = tigetstr("Ms");
	size_t		 k;

	/* Ms is the terminfo extension that says how to set the selection. */
	if (ms != NULL && ms != (char *)-1)
		return true;
	if (strcmp(term, "st") == 0)
		return true;
	for (k = 0; k < sizeof known / sizeof known[0]; k++)
		if (strncmp(term, known[k], strlen(known[k])) == 0)
			return true;
	return false;
}

char *
clipboard_osc52_sequence(const char *text, size_t len, bool screen)
{
	struct text_buf	 seq;
	char		*b64;
	size_t		 k, n;

	b64 = clipboard_base64(text, len);
	text_buf_init(&seq);
	if (!screen)
		text_buf_printf(&seq, "\033]52;c;%s\a", b64);
	else {
		text_buf_puts(&seq, "\033P\033]52;c;");
		n = strlen(b64);
		for (k = 0; k < n; k += CLIPBOARD_SCREEN_CHUNK) {
			if (k > 0)
				text_buf_puts(&seq, "\033\\\033P");
			text_buf_add(&seq, b64 + k, n - k <
			    CLIPBOARD_SCREEN_CHUNK ? n - k :
			    CLIPBOARD_SCREEN_CHUNK);
		}
		text_buf_puts(&seq, "\a\033\\");
	}
	free(b64);
	return text_buf_steal(&seq);
}

/* Write OSC 52 with text to the terminal, wrapped for screen if asked. */
static int
clipboard_osc52(const char *text, size_t len, bool screen, char **err)
{
	char	*seq;
	size_t	 n;
	int	 rc = 0;

	if (!isatty(STDOUT_FILENO)) {
		*err = xstrdup(_("standard output is not a terminal: nowhere "
		    "to send OSC 52"));
		return -1;
	}
	seq = clipboard_osc52_sequence(text, len, screen);
	n = strlen(seq);
	/*
	 * curses has sent all it had (its buffer is empty after a refresh),
	 * so the sequence cannot split one of its own.  The cursor and the
	 * screen are as they were: an OSC moves and draws nothing.
	 */
	refresh();
	if (fwrite(seq, 1, n, stdout) != n || fflush(stdout) != 0) {
		*err = xasprintf(_("writing OSC 52 to the terminal failed: "
		    "%s"), strerror(errno));
		clearerr(stdout);
		rc = -1;
	}
	free(seq);
	return rc;
}

int
clipboard_copy(const char *text, size_t len, enum clipboard_where *where,
    char **err)
{
	enum settings_clipboard	 mode = settings_clipboard();
	const char		*term = getenv("TERM"), *tmux = getenv("TMUX");
	const char		*sty = getenv("STY");
	char			 opt[64];

	*err = NULL;
	if (term == NULL)
		term = "";
	switch (mode) {
	case SETTINGS_CLIPBOARD_OFF:
		*where = CLIPBOARD_NOWHERE;
		return 0;
	case SETTINGS_CLIPBOARD_COMMAND:
		*where = CLIPBOARD_COMMAND;
		return clipboard_command(text, len, err);
	default:
		break;
	}
	if (len > CLIPBOARD_OSC52_MAX) {
		*err = xasprintf(_("%zu bytes are too many for OSC 52 (at most "
		    "%d): set clipboard COMMAND in the config file"), len,
		    CLIPBOARD_OSC52_MAX);
		return -1;
	}
	if (tmux != NULL && *tmux != '\0') {
		*where = CLIPBOARD_TMUX;
		clipboard_tmux_option(opt, sizeof opt);
		if (mode == SETTINGS_CLIPBOARD_AUTO && *opt != '\0' &&
		    strcmp(opt, "on") != 0) {
			*err = xasprintf(_("tmux drops OSC 52 while its "
			    "set-clipboard is '%s': run 'tmux set -s "
			    "set-clipboard on', or set clipboard COMMAND in "
			    "the config file"), opt);
			return -1;
		}
		return clipboard_osc52(text, len, false, err);
	}
	if (sty != NULL && *sty != '\0') {
		*where = CLIPBOARD_SCREEN;
		return clipboard_osc52(text, len, true, err);
	}
	*where = CLIPBOARD_TERMINAL;
	if (mode == SETTINGS_CLIPBOARD_AUTO && !clipboard_terminal_takes(term)) {
		*err = xasprintf(_("the terminal (TERM=%s) is not known to take "
		    "OSC 52: set clipboard on, or set clipboard COMMAND, in "
		    "the config file"), term);
		return -1;
	}
	return clipboard_osc52(text, len, false, err);
}
