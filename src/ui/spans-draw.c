/*
 * spans-draw.c -- strings from the data on one row (see spans-draw.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "text/spans.h"
#include "text/text.h"
#include "ui/screen.h"
#include "ui/spans-curses.h"
#include "ui/spans-draw.h"

void
spans_line(struct text_spans *ts, const char *s, size_t n)
{
	text_spans_init(ts, s, n, TEXT_MODE_TTY, screen_ascii(),
	    TEXT_SPANS_ONE_LINE);
}

void
spans_mark_query(struct text_spans *ts, const char *src, size_t n,
    const struct query *q)
{
	struct index_span	*v;
	size_t			 k, nv;

	text_spans_clear(ts, TEXT_SPAN_HIT);
	if (q == NULL)
		return;
	nv = query_spans(q, src, n, &v);
	for (k = 0; k < nv; k++)
		text_spans_add(ts, TEXT_SPAN_HIT, v[k].start, v[k].end);
	free(v);
}

size_t
spans_put_plain(int y, int x, const char *s, size_t n, size_t width,
    attr_t attr)
{
	struct text_spans	ts;
	size_t			used;

	spans_line(&ts, s, n);
	used = spans_curses_draw(y, x, width, &ts, 0, ts.len, attr,
	    TEXT_SPAN_ALL);
	text_spans_free(&ts);
	return used;
}

size_t
spans_put_cut(int y, int x, const char *s, size_t width, attr_t attr)
{
	struct text_spans	 ts;
	char			*cut;
	size_t			 used;

	spans_line(&ts, s, strlen(s));
	if (text_width(ts.s, ts.len) <= width) {
		used = spans_curses_draw(y, x, width, &ts, 0, ts.len, attr,
		    TEXT_SPAN_ALL);
	} else {
		/* Cut short: the ellipsis says so. */
		cut = text_fit_ellipsis(ts.s, ts.len, width,
		    screen_glyph(GLYPH_ELLIPSIS), &used);
		used = screen_put(y, x, cut, strlen(cut), width, attr);
		free(cut);
	}
	text_spans_free(&ts);
	return used;
}

size_t
spans_width(const char *s, size_t n)
{
	struct text_spans	ts;
	size_t			w;

	spans_line(&ts, s, n);
	w = text_width(ts.s, ts.len);
	text_spans_free(&ts);
	return w;
}
