/*
 * output.c -- sanitized, checked output for the command line (see
 * output.h).
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/output.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static enum text_mode	output_mode = TEXT_MODE_PIPE;
static bool		output_ascii;
static bool		output_tty;
static int		output_color_when;	/* -1 never, 0 auto, 1 always */

void
output_init(bool raw)
{
	const char	*cs = nl_langinfo(CODESET);

	output_tty = isatty(STDOUT_FILENO) == 1;
	output_mode = raw ? TEXT_MODE_RAW :
	    output_tty ? TEXT_MODE_TTY : TEXT_MODE_PIPE;
	output_ascii = cs == NULL || (strcasecmp(cs, "UTF-8") != 0 &&
	    strcasecmp(cs, "utf8") != 0);
}

bool
output_is_tty(void)
{
	return output_tty;
}

void
output_set_color(const char *when)
{
	output_color_when = when == NULL ? 0 : strcmp(when, "always") == 0 ?
	    1 : strcmp(when, "never") == 0 ? -1 : 0;
}

bool
output_color(void)
{
	const char	*nc = getenv("NO_COLOR");

	if (output_color_when != 0)
		return output_color_when > 0;
	return output_tty && (nc == NULL || *nc == '\0');
}

bool
output_ascii_only(void)
{
	return output_ascii;
}

int
output_tty_width(void)
{
	struct winsize	ws;

	if (!output_tty || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == -1 ||
	    ws.ws_col == 0)
		return 0;
	return ws.ws_col;
}

/* A write failed: a closed pipe ends us like any filter, quietly. */
static void
output_check(void)
{
	if (ferror(stdout) && errno == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
}

void
output_raw(const char *s, size_t n)
{
	if (fwrite(s, 1, n, stdout) != n)
		output_check();
}

char *
output_clean(const char *s, size_t n)
{
	return text_sanitize(s, n, output_mode, output_ascii, NULL);
}

void
output_text(const char *s, size_t n)
{
	char	*clean;

	clean = output_clean(s, n);
	output_raw(clean, strlen(clean));
	free(clean);
}

void
output_str(const char *s)
{
	output_text(s, strlen(s));
}

void
output_cell(const char *s, size_t width)
{
	char	*clean = output_clean(s, strlen(s));
	size_t	 w = text_width(clean, strlen(clean));

	output_raw(clean, strlen(clean));
	output_spaces(width > w ? width - w : 0);
	free(clean);
}

void
output_spaces(size_t n)
{
	static const char	sp[] = "                                ";

	while (n > 0) {
		size_t	k = n < sizeof sp - 1 ? n : sizeof sp - 1;

		output_raw(sp, k);
		n -= k;
	}
}

void
output_spans_init(struct text_spans *ts, const char *s, size_t n,
    bool layout, int flags)
{
	enum text_mode	mode = output_mode;

	if (layout && mode != TEXT_MODE_RAW)
		mode = TEXT_MODE_TTY;
	text_spans_init(ts, s, n, mode, output_ascii, flags);
}

enum text_target
output_target(void)
{
	return output_color() ? TEXT_TARGET_COLOR : TEXT_TARGET_PLAIN;
}

void
output_spans(const struct text_spans *ts, size_t off, size_t len)
{
	struct text_buf	b;

	text_buf_init(&b);
	text_spans_render(&b, ts, off, len, output_target());
	if (b.len > 0)
		output_raw(b.data, b.len);
	text_buf_free(&b);
}

size_t
output_line(const char *s, bool layout, bool print)
{
	struct text_spans	ts;
	size_t			w;

	output_spans_init(&ts, s, strlen(s), layout, TEXT_SPANS_ONE_LINE);
	if (print)
		output_spans(&ts, 0, ts.len);
	w = text_width(ts.s, ts.len);
	text_spans_free(&ts);
	return w;
}

const char *
output_ellipsis(void)
{
	return output_ascii ? "..." : "\xe2\x80\xa6";
}

void
output_error(const char *fmt, ...)
{
	va_list		 ap;
	char		*msg, *clean, *line, *q;
	const char	*p;
	size_t		 nl = 0;
	bool		 tty = isatty(STDERR_FILENO) == 1;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	if (msg == NULL)
		return;
	clean = text_sanitize(msg, strlen(msg),
	    tty ? TEXT_MODE_TTY : TEXT_MODE_PIPE, output_ascii, NULL);
	/*
	 * One message, one line: a newline in it (from a file name, or in
	 * SQLite's quick_check report) is shown as ^J.
	 */
	for (p = clean; *p != '\0'; p++)
		nl += *p == '\n';
	line = xmalloc(strlen(clean) + nl + 1);
	for (p = clean, q = line; *p != '\0'; p++) {
		if (*p == '\n') {
			*q++ = '^';
			*q++ = 'J';
		} else
			*q++ = *p;
	}
	*q = '\0';
	fflush(stdout);
	fprintf(stderr, "charta: %s\n", line);
	free(line);
	free(clean);
	free(msg);
}

int
output_finish(int status)
{
	int	err = 0;

	if (fflush(stdout) != 0 || ferror(stdout))
		err = errno;
	if (fclose(stdout) != 0 && err == 0)
		err = errno;
	if (err == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	if (err != 0) {
		output_error(_("write error: %s"), strerror(err));
		return EXIT_WRITE;
	}
	return status;
}
