/*
 * compare-view.c -- the comparison view: two passages side by side (one
 * above the other on a narrow terminal), aligned paragraph by paragraph.
 *
 * Layout: each aligned group takes as many rows as its longer side, plus a
 * blank row; the shorter side is padded with blank rows, so that a
 * paragraph and its counterpart always start on the same row and scrolling
 * never makes them drift apart.  With synchronised scrolling (the default)
 * both sides share one position; without, each keeps its own.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/compare.h"
#include "index/index.h"
#include "model/corpus.h"
#include "text/text.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Narrower than this, the sides are stacked. */
#define CV_SIDE_BY_SIDE_COLS	100

static void	cv_draw_line(struct app *, const struct cv_group *, int,
		    const struct text_line *, int, int, size_t, attr_t);
static void	cv_next_hit(struct app *, bool);

static void
cv_free_layout(struct cmp_view *cv)
{
	size_t	g;
	int	s;

	for (g = 0; g < cv->ng; g++) {
		for (s = 0; s < 2; s++) {
			free(cv->g[g].text[s]);
			free(cv->g[g].lines[s]);
			free(cv->g[g].spans[s]);
		}
	}
	free(cv->g);
	cv->g = NULL;
	cv->ng = 0;
	cv->nrows = 0;
}

/* Wrap every group to the sides' widths and number the rows. */
static void
cv_build_rows(struct app *a)
{
	struct cmp_view	*cv = &a->cv;
	size_t		 g, row = 0, shared = 0, total = 0, sh, tot;
	int		 s;
	char		*raw;

	cv_free_layout(cv);
	cv->ng = cv->cmp.ngroups;
	cv->g = xcalloc(cv->ng ? cv->ng : 1, sizeof *cv->g);
	for (g = 0; g < cv->ng; g++) {
		struct cv_group	*grp = &cv->g[g];

		for (s = 0; s < 2; s++) {
			raw = compare_group_text(&cv->cmp, g, s);
			grp->text[s] = text_sanitize(raw, strlen(raw),
			    TEXT_MODE_TTY, screen_ascii(), NULL);
			free(raw);
			grp->nlines[s] = text_wrap(grp->text[s],
			    strlen(grp->text[s]), cv->width[s],
			    &grp->lines[s]);
		}
		grp->sim = compare_words(grp->text[0], strlen(grp->text[0]),
		    grp->text[1], strlen(grp->text[1]), &grp->spans[0],
		    &grp->nspans[0], &grp->spans[1], &grp->nspans[1], &sh,
		    &tot);
		shared += sh;
		total += tot;
		grp->row = row;
		grp->height = grp->nlines[0] > grp->nlines[1] ?
		    grp->nlines[0] : grp->nlines[1];
		if (grp->height == 0)
			grp->height = 1;
		row += grp->height + 1;
	}
	cv->nrows = row;
	cv->section_sim = total ? (int)((shared * 100 + total / 2) / total) :
	    100;
}

void
cv_layout(struct app *a)
{
	struct cmp_view	*cv = &a->cv;
	int		 body = LINES - 2, h0, w;
	size_t		 old[2];

	if (!cv->active)
		return;
	old[0] = cv->width[0];
	old[1] = cv->width[1];
	cv->stacked = COLS < CV_SIDE_BY_SIDE_COLS;
	if (cv->stacked) {
		/* Each side: a header row, then its text; a rule between. */
		h0 = (body - 1) / 2;
		cv->rect[0] = (struct app_rect){ .y = 2, .x = 1, .h = h0 - 1,
		    .w = COLS - 2 };
		cv->rect[1] = (struct app_rect){ .y = 1 + h0 + 2, .x = 1,
		    .h = body - h0 - 2, .w = COLS - 2 };
	} else {
		w = (COLS - 3) / 2;
		cv->rect[0] = (struct app_rect){ .y = 2, .x = 0, .h = body - 1,
		    .w = w };
		cv->rect[1] = (struct app_rect){ .y = 2, .x = w + 3,
		    .h = body - 1, .w = COLS - w - 3 };
	}
	for (int s = 0; s < 2; s++) {
		if (cv->rect[s].h < 0)
			cv->rect[s].h = 0;
		if (cv->rect[s].w < 1)
			cv->rect[s].w = 1;
		cv->width[s] = (size_t)cv->rect[s].w;
	}
	if (cv->g == NULL || old[0] != cv->width[0] ||
	    old[1] != cv->width[1]) {
		/* Keep the group at the top in view across the re-wrap. */
		size_t	gtop = 0, g;

		for (g = 0; g < cv->ng; g++)
			if (cv->g[g].row <= cv->top[0])
				gtop = g;
		cv_build_rows(a);
		if (gtop < cv->ng)
			cv->top[0] = cv->top[1] = cv->g[gtop].row;
	}
}

void
cv_open(struct app *a, uint32_t left, uint32_t right)
{
	struct cmp_view	*cv = &a->cv;

	if (cv->active)
		cv_close(a);
	memset(cv, 0, sizeof *cv);
	cv->active = true;
	cv->sync = true;
	cv->node[0] = left;
	cv->node[1] = right;
	compare_build(&cv->cmp, a->c, left, right);
	cv_layout(a);
	app_message(a, false, NULL);
}

void
cv_close(struct app *a)
{
	struct cmp_view	*cv = &a->cv;

	cv_free_layout(cv);
	compare_free(&cv->cmp);
	free(cv->cands);
	memset(cv, 0, sizeof *cv);
}

void
cv_counterpart(struct app *a)
{
	struct cmp_view			*cv = &a->cv;
	struct corpus_counterpart	*cp;
	size_t				 n;
	char				*ref;

	n = corpus_counterparts(a->c, a->ol.sel, &cp);
	if (n == 0) {
		ref = corpus_node_ref(a->c, a->ol.sel);
		app_message(a, true, _("%s has no counterpart; press C to "
		    "name a passage"), ref);
		free(ref);
		return;
	}
	if (n == 1) {
		uint32_t	other = cp[0].node;

		free(cp);
		cv_open(a, a->ol.sel, other);
		return;
	}
	/* Several: offer the list. */
	free(cv->cands);
	cv->cands = cp;
	cv->ncands = n;
	cv->cand = 0;
	cv->choosing = true;
}

/* The largest top a side may scroll to. */
static size_t
cv_max_top(const struct cmp_view *cv, int s)
{
	size_t	h = (size_t)cv->rect[s].h;

	return cv->nrows > h ? cv->nrows - h : 0;
}

static void
cv_scroll(struct cmp_view *cv, long delta)
{
	int	s;

	for (s = 0; s < 2; s++) {
		long	t;

		if (!cv->sync && s != cv->side)
			continue;
		t = (long)cv->top[s] + delta;
		if (t > (long)cv_max_top(cv, s))
			t = (long)cv_max_top(cv, s);
		if (t < 0)
			t = 0;
		cv->top[s] = (size_t)t;
	}
}

/* The group shown at row r. */
static size_t
cv_group_at(const struct cmp_view *cv, size_t r)
{
	size_t	lo = 0, hi = cv->ng;

	while (hi - lo > 1) {
		size_t	mid = lo + (hi - lo) / 2;

		if (cv->g[mid].row <= r)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Move to the next (or previous) aligned pair. */
static void
cv_pair(struct cmp_view *cv, bool next)
{
	size_t	s = (size_t)cv->side, g, target;

	if (cv->ng == 0)
		return;
	g = cv_group_at(cv, cv->top[s]);
	if (next)
		target = g + 1 < cv->ng ? cv->g[g + 1].row : cv->top[s];
	else
		target = cv->g[g].row < cv->top[s] ? cv->g[g].row :
		    g > 0 ? cv->g[g - 1].row : 0;
	cv_scroll(cv, (long)target - (long)cv->top[s]);
}

static void
cv_choose(struct app *a, int req)
{
	struct cmp_view	*cv = &a->cv;

	switch (req) {
	case REQ_DOWN:
		if (cv->cand + 1 < cv->ncands)
			cv->cand++;
		break;
	case REQ_UP:
		if (cv->cand > 0)
			cv->cand--;
		break;
	case REQ_OPEN: {
		uint32_t	other = cv->cands[cv->cand].node;

		/* cv_open starts afresh: the list goes first. */
		free(cv->cands);
		cv->cands = NULL;
		cv->choosing = false;
		cv_open(a, a->ol.sel, other);
		break;
	}
	case REQ_QUIT:
	case REQ_CLOSE:
		cv->choosing = false;
		free(cv->cands);
		cv->cands = NULL;
		break;
	default:
		break;
	}
}

void
cv_request(struct app *a, int req)
{
	struct cmp_view	*cv = &a->cv;
	size_t		 h = (size_t)cv->rect[cv->side].h;
	uint32_t	 t;

	if (cv->choosing) {
		cv_choose(a, req);
		return;
	}
	switch (req) {
	case REQ_DOWN:
		cv_scroll(cv, 1);
		break;
	case REQ_UP:
		cv_scroll(cv, -1);
		break;
	case REQ_PAGE_DOWN:
		cv_scroll(cv, h > 1 ? (long)h - 1 : 1);
		break;
	case REQ_PAGE_UP:
		cv_scroll(cv, h > 1 ? -(long)h + 1 : -1);
		break;
	case REQ_HALF_DOWN:
		cv_scroll(cv, (long)(h / 2 ? h / 2 : 1));
		break;
	case REQ_HALF_UP:
		cv_scroll(cv, -(long)(h / 2 ? h / 2 : 1));
		break;
	case REQ_TOP:
		cv_scroll(cv, -(long)cv->nrows);
		break;
	case REQ_BOTTOM:
		cv_scroll(cv, (long)cv->nrows);
		break;
	case REQ_NEXT_SIBLING:
		cv_pair(cv, true);
		break;
	case REQ_PREV_SIBLING:
		cv_pair(cv, false);
		break;
	case REQ_SWITCH_PANE:
		cv->side = 1 - cv->side;
		break;
	case REQ_NEXT_HIT:
	case REQ_PREV_HIT:
		cv_next_hit(a, req == REQ_NEXT_HIT);
		break;
	case REQ_FILTER:
		filter_open(a);
		break;
	case REQ_SYNC_SCROLL:
		cv->sync = !cv->sync;
		if (cv->sync)
			cv->top[1 - cv->side] = cv->top[cv->side];
		app_message(a, false, "%s", cv->sync ?
		    _("scrolling both sides together") :
		    _("scrolling each side on its own"));
		break;
	case REQ_WORD_DIFF:
		cv->words = !cv->words;
		break;
	case REQ_SWAP_SIDES:
		t = cv->node[0];
		cv_open(a, cv->node[1], t);
		break;
	case REQ_REDRAW:
	case REQ_HELP:
		app_view_request(a, req);
		break;
	case REQ_QUIT:
	case REQ_CLOSE:
		cv_close(a);
		break;
	default:
		break;
	}
}

/* The header of side s: document, label, title, similarity. */
static void
cv_draw_header(struct app *a, int s, int y, int x, size_t w)
{
	const struct corpus	*c = a->c;
	const struct corpus_node *n = &c->nodes[a->cv.node[s]];
	const struct corpus_doc	*d = &c->docs[n->doc];
	char			*h, *t;
	attr_t			 at = screen_attr(a->cv.side == s ?
	    THEME_SELECTED : THEME_SELECTED_IDLE);

	h = xasprintf("%s %s %s  %s", *d->short_title ? d->short_title :
	    d->slug, n->label, n->kind == KIND_DOCUMENT ? "" : n->title,
	    "");
	t = text_sanitize(h, strlen(h), TEXT_MODE_TTY, screen_ascii(), NULL);
	for (char *p = t; *p; p++)
		if (*p == '\n')
			*p = ' ';
	screen_fill(y, x, w, at);
	screen_put(y, x, t, strlen(t), w, at);
	free(t);
	free(h);
}

/* Draw side s of the comparison, rows from its top. */
static void
cv_draw_side(struct app *a, int s)
{
	struct cmp_view		*cv = &a->cv;
	const struct app_rect	*r = &cv->rect[s];
	int			 i;
	attr_t			 normal = screen_attr(THEME_NORMAL);

	for (i = 0; i < r->h; i++) {
		size_t			 row = cv->top[s] + (size_t)i, g, l;
		const struct cv_group	*grp;
		const struct text_line	*ln;

		screen_fill(r->y + i, r->x, (size_t)r->w, normal);
		if (row >= cv->nrows || cv->ng == 0)
			continue;
		g = cv_group_at(cv, row);
		grp = &cv->g[g];
		l = row - grp->row;
		if (cv->cmp.groups[g].count[s] == 0) {
			/* One side only: say so on the empty side. */
			if (l == 0) {
				const char *m = _("(not in this text)");

				screen_put(r->y + i, r->x, m, strlen(m),
				    (size_t)r->w, screen_attr(THEME_META));
			}
			continue;
		}
		if (l >= grp->nlines[s])
			continue;
		ln = &grp->lines[s][l];
		cv_draw_line(a, grp, s, ln, r->y + i, r->x, (size_t)r->w,
		    cv->cmp.groups[g].count[1 - s] == 0 ?
		    screen_attr(THEME_CAPTION) : normal);
	}
}

/* The first boundary of spans v[0..n) after pos (or lim). */
static size_t
cv_next_edge(const struct compare_span *v, size_t n, size_t pos, size_t lim)
{
	size_t	k;

	for (k = 0; k < n; k++) {
		if (v[k].start > pos)
			return v[k].start < lim ? v[k].start : lim;
		if (v[k].end > pos)
			return v[k].end < lim ? v[k].end : lim;
	}
	return lim;
}

static bool
cv_in(const struct compare_span *v, size_t n, size_t pos)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (pos >= v[k].start && pos < v[k].end)
			return true;
	return false;
}

/*
 * Draw one wrapped line of side s of a group: the filter's hits in the
 * hit colour, the words found on this side only (when asked) in the diff
 * colour, the rest in attr.
 */
static void
cv_draw_line(struct app *a, const struct cv_group *grp, int s,
    const struct text_line *ln, int y, int x, size_t w, attr_t attr)
{
	const char		*txt = grp->text[s];
	const struct compare_span *dv = a->cv.words ? grp->spans[s] : NULL;
	size_t			 nd = a->cv.words ? grp->nspans[s] : 0;
	struct index_span	*hv = NULL;
	struct compare_span	*hs = NULL;
	size_t			 nh = 0, pos = ln->off, end = ln->off + ln->len;
	size_t			 used = 0, next, k;
	attr_t			 at;

	if (a->query != NULL)
		nh = query_spans(a->query, txt, strlen(txt), &hv);
	if (nh > 0) {
		hs = xreallocarray(NULL, nh, sizeof *hs);
		for (k = 0; k < nh; k++) {
			hs[k].start = hv[k].start;
			hs[k].end = hv[k].end;
		}
	}
	while (pos < end && used < w) {
		next = cv_next_edge(hs, nh, pos, end);
		next = cv_next_edge(dv, nd, pos, next);
		at = cv_in(hs, nh, pos) ? screen_attr(THEME_HIT) :
		    cv_in(dv, nd, pos) ? screen_attr(THEME_DIFF) : attr;
		used += screen_put(y, x + (int)used, txt + pos, next - pos,
		    w - used, at);
		pos = next;
	}
	free(hv);
	free(hs);
}

/* n/N: the next (or previous) pair with a match of the filter. */
static void
cv_next_hit(struct app *a, bool forward)
{
	struct cmp_view		*cv = &a->cv;
	struct index_span	*sp;
	size_t			 g, k, n;
	int			 s;

	if (a->query == NULL || cv->ng == 0) {
		app_message(a, false, "%s", _("no filter; press / to search"));
		return;
	}
	g = cv_group_at(cv, cv->top[cv->side]);
	for (k = 1; k <= cv->ng; k++) {
		size_t	t = forward ? (g + k) % cv->ng : (g + cv->ng - k) %
		    cv->ng;

		for (s = 0; s < 2; s++) {
			n = query_spans(a->query, cv->g[t].text[s],
			    strlen(cv->g[t].text[s]), &sp);
			free(sp);
			if (n > 0) {
				cv_scroll(cv, (long)cv->g[t].row -
				    (long)cv->top[cv->side]);
				return;
			}
		}
	}
	app_message(a, false, "%s", _("no match here"));
}

static void
cv_draw_chooser(struct app *a)
{
	struct cmp_view	*cv = &a->cv;
	int		 y = 2;
	size_t		 k;
	const char	*t = _("Compare with (Enter: choose, q: cancel):");

	for (int r = 1; r < LINES - 1; r++)
		screen_fill(r, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	screen_put(1, 1, t, strlen(t), (size_t)COLS - 2,
	    screen_attr(THEME_HEADING));
	for (k = 0; k < cv->ncands && y < LINES - 1; k++, y++) {
		char	*ref = corpus_node_ref(a->c, cv->cands[k].node);
		char	*line = xasprintf("%s  (%s%s%s)  %s", ref,
		    cv->cands[k].relation, *cv->cands[k].note ? ": " : "",
		    cv->cands[k].note, a->c->nodes[cv->cands[k].node].title);
		char	*clean = text_sanitize(line, strlen(line),
		    TEXT_MODE_TTY, screen_ascii(), NULL);
		attr_t	 at = screen_attr(k == cv->cand ? THEME_SELECTED :
		    THEME_NORMAL);

		screen_fill(y, 1, (size_t)COLS - 2, at);
		screen_put(y, 2, clean, strlen(clean), (size_t)COLS - 3, at);
		free(clean);
		free(line);
		free(ref);
	}
}

void
cv_draw(struct app *a)
{
	struct cmp_view	*cv = &a->cv;
	int		 s, y;
	char		 buf[160];
	size_t		 g;

	if (cv->choosing) {
		cv_draw_chooser(a);
		return;
	}
	/* Margins and the gap between the sides are blank. */
	for (y = 1; y < LINES - 1; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	for (s = 0; s < 2; s++) {
		cv_draw_header(a, s, cv->rect[s].y - 1, cv->rect[s].x,
		    (size_t)cv->rect[s].w);
		cv_draw_side(a, s);
	}
	if (cv->stacked) {
		screen_fill(cv->rect[0].y + cv->rect[0].h, 0, (size_t)COLS,
		    screen_attr(THEME_NORMAL));
	} else {
		const char	*v = screen_glyph(GLYPH_VLINE);

		for (y = 1; y < LINES - 1; y++) {
			screen_fill(y, cv->rect[0].w, 3,
			    screen_attr(THEME_NORMAL));
			screen_put(y, cv->rect[0].w + 1, v, strlen(v), 1,
			    screen_attr(THEME_BORDER));
		}
	}
	/* The title line: the pair at the top and the section's figures. */
	g = cv->ng ? cv_group_at(cv, cv->top[cv->side]) : 0;
	/* TRANSLATORS: the comparison's title line: which aligned pair of
	   paragraphs is at the top, of how many; the share of words they
	   have in common; the same over the whole passage. */
	snprintf(buf, sizeof buf, _(" Comparison: pair %zu of %zu, %d%% "
	    "shared words; whole passage %d%%"), cv->ng ? g + 1 : 0, cv->ng,
	    cv->ng ? cv->g[g].sim : 100, cv->section_sim);
	screen_fill(0, 0, (size_t)COLS, screen_attr(THEME_TITLE));
	screen_put(0, 0, buf, strlen(buf), (size_t)COLS,
	    screen_attr(THEME_TITLE));
}
