/*
 * kwic-draw.c -- drawing the concordance: the title (query, hits, order),
 * then a line per hit: its reference in a column, the left context
 * flush against the keyword, the keyword highlighted in a column of its
 * own a little left of the middle, the right context; in parallel mode,
 * under each, the other translation's passage aligned on its keyword or a
 * note that it has none.  Only the lines on the screen are laid out, so
 * drawing costs the same for ten hits as for a hundred thousand.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/kwic.h"
#include "stats/stats.h"
#include "text/spans.h"
#include "text/text.h"
#include "ui/kwic-view.h"
#include "ui/screen.h"
#include "ui/spans-curses.h"
#include "ui/spans-draw.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A keyword is usually narrower than this: the column is left of middle. */
#define KWIC_KEY_COLS	14

/* The columns of the screen, for this width. */
struct kv_layout {
	int	refx;
	size_t	refw;
	int	kx;		/* the keyword's column */
	size_t	left;		/* columns for the left context */
	size_t	rest;		/* for the keyword and the right context */
};

static void
kv_layout(const struct kwic_view *kv, struct kv_layout *lo)
{
	size_t	cols = (size_t)(COLS > 2 ? COLS - 2 : 1), area;

	lo->refx = 1;
	lo->refw = kv->refw + (kv->parallel ? 2 : 0);
	if (lo->refw > cols / 4)
		lo->refw = cols / 4;
	area = cols > lo->refw + 2 ? cols - lo->refw - 2 : 1;
	lo->left = area > KWIC_KEY_COLS + 2 ? (area - KWIC_KEY_COLS) / 2 :
	    area / 3;
	lo->rest = area - lo->left;
	lo->kx = lo->refx + (int)lo->refw + 2 + (int)lo->left;
}

/*
 * One line: node's text around [start, end), the keyword at the
 * layout's column; hl's matches marked in the context.  Each part is a
 * one-line text_spans of its source (sanitized once, the matches found
 * in the source), the left one drawn from where its end fits.
 */
static void
kv_draw_line(const struct kwic_view *kv, const struct kv_layout *lo, int y,
    uint32_t node, uint32_t start, uint32_t end, const struct query *hl,
    attr_t attr)
{
	const struct corpus	*c = app_corpus(kv->app);
	struct text_spans	 ts;
	const char		*text;
	size_t			 len, from, to, width, off, w, kw;

	text = stats_node_text(c, node, &len);
	width = lo->left > lo->rest ? lo->left : lo->rest;
	kwic_window(text, len, start, end, width, &from, &to);
	spans_line(&ts, text + from, start - from);
	spans_mark_query(&ts, text + from, start - from, hl);
	off = kwic_fit_end(ts.s, ts.len, lo->left, &w);
	spans_curses_draw(y, lo->kx - (int)w, w, &ts, off, ts.len - off, attr,
	    TEXT_SPAN_ALL);
	text_spans_free(&ts);
	spans_line(&ts, text + start, end - start);
	kw = spans_curses_draw(y, lo->kx, lo->rest, &ts, 0, ts.len,
	    screen_attr(THEME_HIT), TEXT_SPAN_ALL);
	text_spans_free(&ts);
	if (lo->rest <= kw)
		return;
	spans_line(&ts, text + end, to - end);
	spans_mark_query(&ts, text + end, to - end, hl);
	spans_curses_draw(y, lo->kx + (int)kw, lo->rest - kw, &ts, 0, ts.len,
	    attr, TEXT_SPAN_ALL);
	text_spans_free(&ts);
}

/* The row under hit h: its counterpart in the other translation. */
static void
kv_draw_counterpart(const struct kwic_view *kv, const struct kv_layout *lo,
    int y, const struct kwic_hit *h)
{
	const struct corpus	*c = app_corpus(kv->app);
	uint32_t		 cp, s, e;
	const char		*m, *text;
	char			*ref;
	size_t			 w, len;
	attr_t			 meta = screen_attr(THEME_META);

	cp = kwic_counterpart(c, kv->q, h, &s, &e);
	if (cp == CORPUS_NONE) {
		m = _("(no other translation)");
		screen_put(y, lo->kx, m, strlen(m), lo->rest, meta);
		return;
	}
	ref = kwic_view_ref(c, cp);
	if (lo->refw > 2)
		spans_put_cut(y, lo->refx + 2, ref, lo->refw - 2, meta);
	free(ref);
	if (s != e) {
		kv_draw_line(kv, lo, y, cp, s, e, kv->q,
		    screen_attr(THEME_NORMAL));
		return;
	}
	/* No match: say so where the keyword would be, then its start. */
	m = _("(no match in the counterpart)");
	w = screen_put(y, lo->kx, m, strlen(m), lo->rest,
	    screen_attr(THEME_ERROR));
	if (lo->rest > w + 1) {
		text = stats_node_text(c, cp, &len);
		spans_put_cut(y, lo->kx + (int)w + 1, text, lo->rest - w - 1,
		    meta);
	}
}

/* Parallel mode's figure: hits whose counterpart lacks the words. */
static long
kv_nomatch(struct kwic_view *kv)
{
	const struct corpus	*c = app_corpus(kv->app);
	uint32_t		 s, e;
	size_t			 i;

	if (kv->nomatch >= 0)
		return kv->nomatch;
	kv->nomatch = 0;
	for (i = 0; i < kv->k.n; i++)
		if (kwic_counterpart(c, kv->q, &kv->k.hits[i], &s, &e) !=
		    CORPUS_NONE && s == e)
			kv->nomatch++;
	return kv->nomatch;
}

static void
kv_draw_title(struct kwic_view *kv)
{
	struct text_buf	 b;
	const char	*order[] = {
		N_("by reference"),
		N_("by the words to the left"),
		N_("by the words to the right"),
	};

	text_buf_init(&b);
	/* TRANSLATORS: the concordance's title line starts so */
	text_buf_printf(&b, _(" Concordance of %s: "), kv->text);
	if (!kv->built)
		text_buf_puts(&b, _("indexing..."));
	else if (!kwic_done(&kv->k))
		/* TRANSLATORS: while the concordance's hits still come */
		text_buf_printf(&b, ngettext("%zu hit so far...",
		    "%zu hits so far...", kv->k.n), kv->k.n);
	else {
		if (kv->nshown < kv->k.n)
			/* TRANSLATORS: "12 of 40 hits" (a filter is on) */
			text_buf_printf(&b, ngettext("%zu of %zu hit",
			    "%zu of %zu hits", kv->k.n), kv->nshown, kv->k.n);
		else
			text_buf_printf(&b, ngettext("%zu hit", "%zu hits",
			    kv->k.n), kv->k.n);
		text_buf_puts(&b, " ");
		text_buf_printf(&b, ngettext("in %zu document",
		    "in %zu documents", kv->k.ndocs), kv->k.ndocs);
		text_buf_puts(&b, ", ");
		text_buf_puts(&b, _(order[kv->k.sort]));
		if (kv->parallel)
			/* TRANSLATORS: after the concordance's title */
			text_buf_printf(&b, ngettext("; %ld without a match "
			    "in the other translation", "; %ld without a "
			    "match in the other translation", kv_nomatch(kv)),
			    kv_nomatch(kv));
	}
	screen_fill(0, 0, (size_t)COLS, screen_attr(THEME_TITLE));
	spans_put_cut(0, 0, b.data, (size_t)COLS, screen_attr(THEME_TITLE));
	text_buf_free(&b);
}

void
kwic_view_draw(struct view *v)
{
	struct kwic_view	*kv = v->data;
	const struct corpus	*c = app_corpus(kv->app);
	const struct kwic_hit	*h;
	struct kv_layout	 lo;
	size_t			 i, per = (size_t)KWIC_VIEW_ROWS(kv), vis;
	int			 y, body = LINES - 2;
	attr_t			 at;
	char			*ref;
	const char		*none;

	kv_draw_title(kv);
	for (y = 1; y < LINES - 1; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	if (!kv->built || kv->nshown == 0) {
		none = kv->built ? _("(nothing here)") : _("indexing...");
		screen_put(2, 2, none, strlen(none), (size_t)COLS,
		    screen_attr(THEME_META));
		return;
	}
	vis = body > 0 ? (size_t)body / per : 0;
	if (vis == 0)
		vis = 1;
	if (kv->sel < kv->top)
		kv->top = kv->sel;
	if (kv->sel >= kv->top + vis)
		kv->top = kv->sel - vis + 1;
	kv_layout(kv, &lo);
	for (i = kv->top, y = 1; i < kv->nshown && y < LINES - 1; i++) {
		h = kwic_view_hit(kv, i);
		at = screen_attr(i == kv->sel ? THEME_SELECTED : THEME_NORMAL);
		if (i == kv->sel)
			screen_fill(y, 0, (size_t)COLS, at);
		ref = kwic_view_ref(c, h->node);
		spans_put_cut(y, lo.refx, ref, lo.refw, i == kv->sel ? at :
		    screen_attr(THEME_LABEL));
		free(ref);
		kv_draw_line(kv, &lo, y, h->node, h->start, h->end,
		    app_query(kv->app), at);
		y++;
		if (kv->parallel && y < LINES - 1)
			kv_draw_counterpart(kv, &lo, y++, h);
	}
}

static const struct view_hint kv_hints[] = {
	{ .req = REQ_KWIC_SORT, .label = N_("sort") },
	{ .req = REQ_PARALLEL, .label = N_("parallel") },
	{ .req = REQ_OPEN, .label = N_("go") },
	{ .req = REQ_COMPARE, .label = N_("compare") },
	{ .req = REQ_FILTER, .label = N_("filter") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

void
kwic_view_status(struct view *v, struct view_status *st)
{
	struct kwic_view	*kv = v->data;

	st->left = app_hints(kv_hints, sizeof kv_hints / sizeof kv_hints[0]);
	if (kv->nshown > 0)
		st->right = xasprintf("%zu/%zu", kv->sel + 1, kv->nshown);
}
