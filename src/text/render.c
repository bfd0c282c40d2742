/*
 * render.c -- the plain text and ANSI colour renderers of struct text_spans
 * (see spans.h), and the wrapping that leaves room for what they add.
 *
 * Both render one line at a time and leave nothing open at its end, so
 * that a line can be printed alone, cut, or grepped: a DEL span broken
 * over two lines is "[-great-]" on the first and "[-significance-]" on the
 * second, never "[-great" and "significance-]".
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "text/spans.h"
#include "text/text.h"
#include "text/text-private.h"

/* How each kind looks on the plain and ANSI targets, from the table. */
static const struct {
	const char	*sgr;
	const char	*open;
	const char	*close;
} render_style[TEXT_SPAN__COUNT] = {
#define RENDER_STYLE(k, sgr_, open_, close_)				\
	[TEXT_SPAN_##k] = { .sgr = sgr_, .open = open_, .close = close_ },
	TEXT_SPAN_TABLE(RENDER_STYLE)
#undef RENDER_STYLE
};

/* The kinds that have markers on the plain target. */
static unsigned
render_marked(void)
{
	unsigned	m = 0;
	int		k;

	for (k = 0; k < TEXT_SPAN__COUNT; k++)
		if (*render_style[k].open != '\0')
			m |= TEXT_SPAN_BIT(k);
	return m;
}

/* Columns of the markers around one part of a span of kind k. */
static size_t
render_marker_cols(int k)
{
	/* Markers are ASCII: one column a byte. */
	return strlen(render_style[k].open) + strlen(render_style[k].close);
}

size_t
text_spans_wrap(const struct text_spans *ts, size_t cols,
    enum text_target target, struct text_line **lines)
{
	struct text_wrap_marks	mk;

	if (target != TEXT_TARGET_PLAIN)
		return text_wrap(ts->s, ts->len, cols, lines);
	mk.v[0] = ts->v[TEXT_SPAN_DEL];
	mk.n[0] = ts->n[TEXT_SPAN_DEL];
	mk.cols[0] = render_marker_cols(TEXT_SPAN_DEL);
	mk.v[1] = ts->v[TEXT_SPAN_INS];
	mk.n[1] = ts->n[TEXT_SPAN_INS];
	mk.cols[1] = render_marker_cols(TEXT_SPAN_INS);
	return text_wrap_marked(ts->s, ts->len, cols, &mk, lines);
}

size_t
text_spans_width(const struct text_spans *ts, size_t off, size_t len,
    enum text_target target)
{
	size_t	w;
	int	k;

	w = text_width(ts->s + off, len);
	if (target != TEXT_TARGET_PLAIN)
		return w;
	for (k = 0; k < TEXT_SPAN__COUNT; k++)
		if (render_marked() & TEXT_SPAN_BIT(k))
			w += render_marker_cols(k) * text_range_meet(ts->v[k],
			    ts->n[k], off, off + len);
	return w;
}

/* Close the markers of the kinds in mask, innermost (last) first. */
static void
render_close(struct text_buf *out, unsigned mask)
{
	int	k;

	for (k = TEXT_SPAN__COUNT; k-- > 0;)
		if (mask & TEXT_SPAN_BIT(k))
			text_buf_puts(out, render_style[k].close);
}

static void
render_plain(struct text_buf *out, const struct text_spans *ts, size_t off,
    size_t len)
{
	size_t		pos, next, end = off + len;
	unsigned	kinds, open = 0, marked = render_marked();
	int		k;

	for (pos = off; pos < end; pos = next) {
		next = text_spans_run(ts, pos, end, &kinds);
		kinds &= marked;
		render_close(out, open & ~kinds);
		for (k = 0; k < TEXT_SPAN__COUNT; k++)
			if (kinds & ~open & TEXT_SPAN_BIT(k))
				text_buf_puts(out, render_style[k].open);
		open = kinds;
		text_buf_add(out, ts->s + pos, next - pos);
	}
	render_close(out, open);
}

static void
render_ansi(struct text_buf *out, const struct text_spans *ts, size_t off,
    size_t len)
{
	size_t			pos, next, end = off + len;
	unsigned		kinds;
	enum text_span_kind	top, shown = TEXT_SPAN__COUNT;

	for (pos = off; pos < end; pos = next) {
		next = text_spans_run(ts, pos, end, &kinds);
		top = text_spans_top(kinds);
		/* Runs in the same colour share one sequence. */
		if (top != shown) {
			if (shown != TEXT_SPAN__COUNT)
				text_buf_puts(out, "\033[m");
			if (top != TEXT_SPAN__COUNT)
				text_buf_printf(out, "\033[%sm",
				    render_style[top].sgr);
			shown = top;
		}
		text_buf_add(out, ts->s + pos, next - pos);
	}
	if (shown != TEXT_SPAN__COUNT)
		text_buf_puts(out, "\033[m");
}

void
text_spans_render(struct text_buf *out, const struct text_spans *ts,
    size_t off, size_t len, enum text_target target)
{
	if (target == TEXT_TARGET_PLAIN)
		render_plain(out, ts, off, len);
	else
		render_ansi(out, ts, off, len);
}
