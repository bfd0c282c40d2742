/*
 * spans-curses.c -- drawing text with spans into curses (see
 * spans-curses.h): runs of one attribute at a time through screen_put,
 * which measures and cuts as everything else on the screen is.
 */
#include "config.h"

#include <stddef.h>

#include "text/spans.h"
#include "text/text.h"
#include "ui/screen.h"
#include "ui/spans-curses.h"

/* The theme element of each kind of span. */
static const enum theme_elem spans_curses_theme[TEXT_SPAN__COUNT] = {
	[TEXT_SPAN_PLACEHOLDER] = THEME_PLACEHOLDER,
	[TEXT_SPAN_HIT] = THEME_HIT,
	[TEXT_SPAN_DEL] = THEME_DIFF,
	[TEXT_SPAN_INS] = THEME_DIFF,
	[TEXT_SPAN_NOTE] = THEME_NOTE,
	[TEXT_SPAN_LINK] = THEME_LINK,
};

size_t
spans_curses_draw(int y, int x, size_t width, const struct text_spans *ts,
    size_t off, size_t len, attr_t attr, unsigned show)
{
	size_t			pos, next, run, fit, end = off + len;
	size_t			used = 0;
	unsigned		kinds;
	enum text_span_kind	top, k;
	attr_t			at;

	pos = off;
	while (pos < end && used < width) {
		/* Runs that look the same are drawn together. */
		next = text_spans_run(ts, pos, end, &kinds);
		top = text_spans_top(kinds & show);
		while (next < end) {
			run = text_spans_run(ts, next, end, &kinds);
			k = text_spans_top(kinds & show);
			if (k != top)
				break;
			next = run;
		}
		at = top == TEXT_SPAN__COUNT ? attr :
		    screen_attr(spans_curses_theme[top]);
		/*
		 * A run cut short ends the line: a narrower one after it
		 * must not fill the gap a wide character left.
		 */
		fit = text_fit(ts->s + pos, next - pos, width - used, NULL);
		used += screen_put(y, x + (int)used, ts->s + pos, next - pos,
		    width - used, at);
		if (fit < next - pos)
			break;
		pos = next;
	}
	return used;
}
