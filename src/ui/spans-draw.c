/*
 * spans-draw.c -- highlighted text drawn with curses (see spans-draw.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "text/text.h"
#include "ui/screen.h"
#include "ui/spans-draw.h"
#include "util/xmalloc.h"

void
spans_init(struct spans *sp, const char *s, size_t n, bool ascii)
{
	char	*p;

	memset(sp, 0, sizeof *sp);
	sp->text = text_sanitize(s, n, TEXT_MODE_TTY, ascii, NULL);
	for (p = sp->text; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	sp->len = strlen(sp->text);
	sp->owned = true;
}

void
spans_init_clean(struct spans *sp, const char *text)
{
	memset(sp, 0, sizeof *sp);
	sp->text = (char *)text;
	sp->len = strlen(text);
}

void
spans_free(struct spans *sp)
{
	if (sp->owned)
		free(sp->text);
	free(sp->v);
	memset(sp, 0, sizeof *sp);
}

void
spans_add(struct spans *sp, size_t start, size_t end, enum span_kind kind)
{
	size_t	k;

	if (end > sp->len)
		end = sp->len;
	if (start >= end)
		return;
	sp->v = xgrowarray(sp->v, &sp->cap, sp->n + 1, sizeof *sp->v);
	/* Kept sorted by start; spans are few. */
	for (k = sp->n; k > 0 && sp->v[k - 1].start > start; k--)
		sp->v[k] = sp->v[k - 1];
	sp->v[k].start = start;
	sp->v[k].end = end;
	sp->v[k].kind = kind;
	sp->n++;
}

void
spans_add_query(struct spans *sp, const struct query *q)
{
	struct index_span	*v;
	size_t			 n, k;

	if (q == NULL)
		return;
	n = query_spans(q, sp->text, sp->len, &v);
	for (k = 0; k < n; k++)
		spans_add(sp, v[k].start, v[k].end, SPAN_HIT);
	free(v);
}

/* The kind covering byte pos (a match wins), or -1; *next: where it ends. */
static int
spans_at(const struct spans *sp, size_t pos, size_t lim, size_t *next)
{
	size_t	k;
	int	kind = -1;

	*next = lim;
	for (k = 0; k < sp->n; k++) {
		const struct span	*s = &sp->v[k];

		if (s->start > pos) {
			if (s->start < *next)
				*next = s->start;
			continue;
		}
		if (s->end <= pos)
			continue;
		if (kind == -1 || s->kind == SPAN_HIT)
			kind = (int)s->kind;
		if (s->end < *next)
			*next = s->end;
	}
	return kind;
}

size_t
spans_put_range(const struct spans *sp, int y, int x, size_t start,
    size_t end, size_t width, attr_t attr)
{
	size_t	used = 0, pos = start, next;
	int	kind;
	attr_t	at;

	if (end > sp->len)
		end = sp->len;
	while (pos < end && used < width) {
		kind = spans_at(sp, pos, end, &next);
		at = kind == SPAN_HIT ? screen_attr(THEME_HIT) :
		    kind == SPAN_DIFF ? screen_attr(THEME_DIFF) : attr;
		used += screen_put(y, x + (int)used, sp->text + pos,
		    next - pos, width - used, at);
		pos = next;
	}
	return used;
}

size_t
spans_put_line(const struct spans *sp, int y, int x, size_t width,
    attr_t attr)
{
	return spans_put_range(sp, y, x, 0, sp->len, width, attr);
}

size_t
spans_put_plain(int y, int x, const char *s, size_t n, size_t width,
    attr_t attr)
{
	struct spans	sp;
	size_t		used;

	spans_init(&sp, s, n, screen_ascii());
	used = screen_put(y, x, sp.text, sp.len, width, attr);
	spans_free(&sp);
	return used;
}

size_t
spans_put_cut(int y, int x, const char *s, size_t width, attr_t attr)
{
	struct spans	 sp;
	const char	*ell = screen_glyph(GLYPH_ELLIPSIS);
	size_t		 used, ew, fit, w;

	spans_init(&sp, s, strlen(s), screen_ascii());
	w = text_width(sp.text, sp.len);
	if (w <= width) {
		used = screen_put(y, x, sp.text, sp.len, width, attr);
	} else {
		/* Cut short: the ellipsis says so. */
		ew = text_width(ell, strlen(ell));
		if (width <= ew) {
			used = screen_put(y, x, sp.text, sp.len, width, attr);
		} else {
			fit = text_fit(sp.text, sp.len, width - ew, &used);
			screen_put(y, x, sp.text, fit, used, attr);
			used += screen_put(y, x + (int)used, ell, strlen(ell),
			    width - used, attr);
		}
	}
	spans_free(&sp);
	return used;
}

size_t
spans_width(const char *s, size_t n)
{
	struct spans	sp;
	size_t		w;

	spans_init(&sp, s, n, screen_ascii());
	w = text_width(sp.text, sp.len);
	spans_free(&sp);
	return w;
}
