/*
 * spans-draw.h -- drawing strings from the data on one row, for views:
 * each is made a struct text_spans (text/spans.h) of one line, so it is
 * sanitized exactly as everything else, highlighted through
 * ui/spans-curses.c, and cut with an ellipsis when it does not fit.
 */
#ifndef CHARTA_SPANS_DRAW_H
#define CHARTA_SPANS_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "text/spans.h"

struct query;

/* ts: s[0..n) on one line (line feeds as spaces), for the screen. */
void	spans_line(struct text_spans *ts, const char *s, size_t n);

/*
 * Mark the matches of q (NULL: none) in ts, made from src[0..n), as HIT
 * spans (the old ones dropped).
 */
void	spans_mark_query(struct text_spans *ts, const char *src, size_t n,
	    const struct query *q);

/*
 * Data text s on one row at (y, x), at most width columns, in attr:
 * sanitized, cut with an ellipsis when it does not fit.  Returns the
 * columns used.
 */
size_t	spans_put_cut(int y, int x, const char *s, size_t width, attr_t attr);
/* The same for s[0..n), cut without an ellipsis. */
size_t	spans_put_plain(int y, int x, const char *s, size_t n, size_t width,
	    attr_t attr);
/* The display width of data text s[0..n) once sanitized. */
size_t	spans_width(const char *s, size_t n);

#endif /* CHARTA_SPANS_DRAW_H */
