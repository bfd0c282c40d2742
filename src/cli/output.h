/*
 * output.h -- everything the command-line side writes goes through here:
 * text for stdout is sanitized by the one display policy (text_sanitize),
 * messages for stderr too, and write errors are caught at exit.
 */
#ifndef CHARTA_OUTPUT_H
#define CHARTA_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "text/spans.h"

/* Exit statuses (charta(1): 0 success, 1 nothing found, 2 bad input). */
#define EXIT_FOUND	0
#define EXIT_NOTFOUND	1
#define EXIT_WRITE	1
#define EXIT_USAGE	2

/*
 * Decide how output is sanitized: for a terminal or a pipe (by isatty), raw
 * if raw is set, ASCII-only if the locale's character set is not UTF-8.
 * Call once, after setlocale.
 */
void	 output_init(bool raw);
/*
 * --color=WHEN: "always", "never", or "auto" (or NULL, the default): a
 * terminal and NO_COLOR unset or empty.  Call after output_init.
 */
void	 output_set_color(const char *when);
/* True if stdout is a terminal. */
bool	 output_is_tty(void);
/* True if colour may be used on stdout (see output_set_color). */
bool	 output_color(void);
/* The terminal's width in columns, or 0 if stdout is not a terminal. */
int	 output_tty_width(void);
/* True if output is restricted to ASCII (non-UTF-8 locale). */
bool	 output_ascii_only(void);

/* s[0..n) sanitized for stdout, as a new string the caller frees. */
char	*output_clean(const char *s, size_t n);
/* Write s[0..n) to stdout, sanitized. */
void	 output_text(const char *s, size_t n);
/* Write NUL-terminated s to stdout, sanitized. */
void	 output_str(const char *s);
/* Write bytes charta itself produced (no data in them) to stdout as is. */
void	 output_raw(const char *s, size_t n);
/* Write n spaces. */
void	 output_spaces(size_t n);
/* Write s sanitized, then spaces to fill width display columns. */
void	 output_cell(const char *s, size_t width);

/*
 * Make ts the display form of s[0..n) for stdout (text_spans_init), with
 * flags as there.  layout says that the text is laid out in columns
 * (wrapped, underlined or aligned): it then gets the reader's own policy
 * (TEXT_MODE_TTY: TABs expanded to stops of 8, which is what makes widths
 * true), whatever stdout is; otherwise the mode output_init chose.  --raw
 * is RAW either way.  The caller frees ts with text_spans_free.
 */
void	 output_spans_init(struct text_spans *ts, const char *s, size_t n,
	    bool layout, int flags);
/* The target text with spans is rendered for: colour if output_color(). */
enum text_target output_target(void);
/* Write ts->s[off..off+len) rendered for output_target(). */
void	 output_spans(const struct text_spans *ts, size_t off, size_t len);
/*
 * Write s (NUL-terminated) on the current line, its line feeds shown as
 * spaces and its placeholders marked (in colour if output_color()), and
 * return its display width; if print is false, only measure it.  layout
 * as for output_spans_init: set it for text that others are aligned on.
 */
size_t	 output_line(const char *s, bool layout, bool print);
/* What ends text cut short: U+2026, or "..." if output is ASCII only. */
const char *output_ellipsis(void);

/*
 * Print "charta: MESSAGE" to stderr, the message formatted and sanitized
 * (it may carry file names and data).
 */
void	 output_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * Flush and close stdout; on a write error print one message and return
 * EXIT_WRITE, else return status.  A closed pipe ends the process quietly
 * by SIGPIPE, as for any filter.  Call last, with the intended status.
 */
int	 output_finish(int status);

#endif /* CHARTA_OUTPUT_H */
