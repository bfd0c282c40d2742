/*
 * compare-draw.c -- drawing the comparison: a header per side (document,
 * label, title), the aligned text with the filter's matches and, when
 * asked, the words found on one side only; the title line with the pair
 * at the top and the share of words in common.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "text/text.h"
#include "ui/compare-view.h"
#include "ui/screen.h"
#include "ui/spans-curses.h"
#include "ui/spans-draw.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The header of side s: document, label, title. */
static void
cv_draw_header(struct cmp_view *cv, int s, int y, int x, size_t w)
{
	const struct corpus	*c = app_corpus(cv->app);
	const struct corpus_node *n = &c->nodes[cv->node[s]];
	const struct corpus_doc	*d = &c->docs[n->doc];
	char			*h;
	attr_t			 at = screen_attr(cv->side == s ?
	    THEME_SELECTED : THEME_SELECTED_IDLE);

	h = xasprintf("%s %s %s", *d->short_title ? d->short_title : d->slug,
	    n->label, n->kind == KIND_DOCUMENT ? "" : n->title);
	screen_fill(y, x, w, at);
	spans_put_cut(y, x, h, w, at);
	free(h);
}

/*
 * One wrapped line of side s of a group, with the filter's matches and,
 * when asked, the words found on one side only.
 */
static void
cv_draw_line(struct cmp_view *cv, struct cv_group *grp, int s,
    const struct text_line *ln, int y, int x, size_t w, attr_t attr)
{
	unsigned	show = TEXT_SPAN_ALL;

	if (!cv->words)
		show &= ~(TEXT_SPAN_BIT(TEXT_SPAN_DEL) |
		    TEXT_SPAN_BIT(TEXT_SPAN_INS));
	spans_curses_draw(y, x, w, &grp->ts[s], ln->off, ln->len, attr, show);
}

/* Draw side s of the comparison, rows from its top. */
static void
cv_draw_side(struct cmp_view *cv, int s)
{
	const struct view_rect	*r = &cv->rect[s];
	struct cv_group		*grp;
	size_t			 row, g, l, marked = (size_t)-1;
	int			 i;
	attr_t			 normal = screen_attr(THEME_NORMAL);
	const char		*m;

	for (i = 0; i < r->h; i++) {
		row = cv->top[s] + (size_t)i;
		screen_fill(r->y + i, r->x, (size_t)r->w, normal);
		if (row >= cv->nrows || cv->ng == 0)
			continue;
		g = cv_group_at(cv, row);
		grp = &cv->g[g];
		l = row - grp->row;
		if (cv->cmp.groups[g].count[s] == 0) {
			/* One side only: say so on the empty side. */
			if (l == 0) {
				m = _("(not in this text)");
				screen_put(r->y + i, r->x, m, strlen(m),
				    (size_t)r->w, screen_attr(THEME_META));
			}
			continue;
		}
		if (l >= grp->nlines[s])
			continue;
		/* The filter's matches, found once per group. */
		if (g != marked) {
			spans_mark_query(&grp->ts[s], grp->raw[s],
			    strlen(grp->raw[s]), app_query(cv->app));
			marked = g;
		}
		cv_draw_line(cv, grp, s, &grp->lines[s][l], r->y + i, r->x,
		    (size_t)r->w, cv->cmp.groups[g].count[1 - s] == 0 ?
		    screen_attr(THEME_CAPTION) : normal);
	}
}

/*
 * The title line for pair `pair` of `npairs`, with the share of words in
 * common of that pair (sim) and of the whole passage (whole), as a new
 * string: the long form if it fits in cols columns, else a shorter one,
 * so that a narrow window (60 columns) still shows both figures.
 */
static char *
cv_title(size_t pair, size_t npairs, int sim, int whole, size_t cols)
{
	char	*t;

	/* TRANSLATORS: the comparison's title line: which aligned pair of
	   paragraphs is at the top, of how many; the share of words they
	   have in common; the same over the whole passage. */
	t = xasprintf(_(" Comparison: pair %zu of %zu, %d%% shared words; "
	    "whole passage %d%%"), pair, npairs, sim, whole);
	if (text_width(t, strlen(t)) <= cols)
		return t;
	free(t);
	/* TRANSLATORS: the same, short, for a narrow window. */
	t = xasprintf(_(" Pair %zu/%zu: %d%% shared; whole %d%%"), pair,
	    npairs, sim, whole);
	if (text_width(t, strlen(t)) <= cols)
		return t;
	free(t);
	/* TRANSLATORS: the same, shortest: pair/pairs, the pair's share and
	   (in brackets) the whole passage's. */
	return xasprintf(_(" %zu/%zu %d%% (%d%%)"), pair, npairs, sim, whole);
}

void
cv_draw(struct view *v)
{
	struct cmp_view	*cv = v->data;
	const char	*vl = screen_glyph(GLYPH_VLINE);
	char		*title;
	size_t		 g;
	int		 s, y;

	/* Margins and the gap between the sides are blank. */
	for (y = 1; y < LINES - 1; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	for (s = 0; s < 2; s++) {
		cv_draw_header(cv, s, cv->rect[s].y - 1, cv->rect[s].x,
		    (size_t)cv->rect[s].w);
		cv_draw_side(cv, s);
	}
	if (!cv->stacked)
		for (y = 1; y < LINES - 1; y++)
			screen_put(y, cv->rect[0].w + 1, vl, strlen(vl), 1,
			    screen_attr(THEME_BORDER));
	/* The title line: the pair at the top and the section's figures. */
	g = cv->ng ? cv_group_at(cv, cv->top[cv->side]) : 0;
	title = cv_title(cv->ng ? g + 1 : 0, cv->ng,
	    cv->ng ? cv->g[g].sim : 100, cv->section_sim, (size_t)COLS);
	screen_fill(0, 0, (size_t)COLS, screen_attr(THEME_TITLE));
	screen_put(0, 0, title, strlen(title), (size_t)COLS,
	    screen_attr(THEME_TITLE));
	free(title);
}

static const struct view_hint cv_hints_sync[] = {
	{ .req = REQ_SYNC_SCROLL, .label = N_("unsync") },
	{ .req = REQ_WORD_DIFF, .label = N_("words") },
	{ .req = REQ_SWAP_SIDES, .label = N_("swap") },
	{ .req = REQ_SWITCH_PANE, .label = N_("side") },
	{ .req = REQ_NEXT_SIBLING, .label = N_("pairs") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

static const struct view_hint cv_hints_unsync[] = {
	{ .req = REQ_SYNC_SCROLL, .label = N_("sync") },
	{ .req = REQ_WORD_DIFF, .label = N_("words") },
	{ .req = REQ_SWAP_SIDES, .label = N_("swap") },
	{ .req = REQ_SWITCH_PANE, .label = N_("side") },
	{ .req = REQ_NEXT_SIBLING, .label = N_("pairs") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

void
cv_status(struct view *v, struct view_status *st)
{
	struct cmp_view	*cv = v->data;

	st->left = cv->sync ? app_hints(cv_hints_sync, 6) :
	    app_hints(cv_hints_unsync, 6);
}
