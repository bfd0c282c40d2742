/*
 * spans-curses.h -- the curses target of text with spans (text/spans.h):
 * a line of a struct text_spans drawn into a row of the screen, each span
 * in its kind's theme attribute.
 */
#ifndef CHARTA_SPANS_CURSES_H
#define CHARTA_SPANS_CURSES_H

#include <stddef.h>

#include <curses.h>

#include "text/spans.h"

/*
 * Draw ts->s[off..off+len) at row y from column x in at most width
 * columns (screen_put's rules: a character that would cross the limit is
 * not drawn).  Text outside spans is in attr; a run covered by spans of
 * the kinds in show (a mask of TEXT_SPAN_BIT) is in the theme attribute
 * of the first of them in TEXT_SPAN_TABLE's order; spans of other kinds
 * are drawn as if absent.  Returns the columns used.
 */
size_t	spans_curses_draw(int y, int x, size_t width,
	    const struct text_spans *ts, size_t off, size_t len, attr_t attr,
	    unsigned show);

#endif /* CHARTA_SPANS_CURSES_H */
