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

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "store/state.h"
#include "ui/compare-view.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static void
cv_free_layout(struct cmp_view *cv)
{
	size_t	g;
	int	s;

	for (g = 0; g < cv->ng; g++) {
		for (s = 0; s < 2; s++) {
			free(cv->g[g].raw[s]);
			text_spans_free(&cv->g[g].ts[s]);
			free(cv->g[g].lines[s]);
		}
	}
	free(cv->g);
	cv->g = NULL;
	cv->ng = 0;
	cv->nrows = 0;
}

/* The user's notes on the parts of side s of group g, after its text. */
static void
cv_add_notes(struct cmp_view *cv, size_t g, int s, char **raw)
{
	const struct compare_group	*grp = &cv->cmp.groups[g];
	char				*notes, *t;
	size_t				 k;

	for (k = 0; k < grp->count[s]; k++) {
		notes = app_notes(cv->app, cv->cmp.parts[s][grp->first[s] +
		    k]);
		if (notes == NULL)
			continue;
		t = xasprintf("%s\n%s", *raw, notes);
		free(*raw);
		free(notes);
		*raw = t;
	}
}

/*
 * Wrap every group to the sides' widths and number the rows.  The words
 * are compared in the texts themselves, as `charta compare` does, so that
 * both give the same figures.
 */
static void
cv_build_rows(struct cmp_view *cv)
{
	struct compare_span	*sp[2];
	size_t			 g, row = 0, shared = 0, total = 0, sh, tot;
	size_t			 nsp[2], k;
	int			 s;

	cv_free_layout(cv);
	cv->ng = cv->cmp.ngroups;
	cv->g = xcalloc(cv->ng ? cv->ng : 1, sizeof *cv->g);
	for (g = 0; g < cv->ng; g++) {
		struct cv_group	*grp = &cv->g[g];

		for (s = 0; s < 2; s++)
			grp->raw[s] = compare_group_text(&cv->cmp, g, s);
		grp->sim = compare_words(grp->raw[0], strlen(grp->raw[0]),
		    grp->raw[1], strlen(grp->raw[1]), &sp[0], &nsp[0],
		    &sp[1], &nsp[1], &sh, &tot);
		for (s = 0; s < 2; s++) {
			k = strlen(grp->raw[s]);
			cv_add_notes(cv, g, s, &grp->raw[s]);
			text_spans_init(&grp->ts[s], grp->raw[s],
			    strlen(grp->raw[s]), TEXT_MODE_TTY,
			    app_ascii(cv->app), 0);
			/* The notes after the text: marked as notes. */
			text_spans_add(&grp->ts[s], TEXT_SPAN_NOTE, k,
			    strlen(grp->raw[s]));
			for (k = 0; k < nsp[s]; k++)
				text_spans_add(&grp->ts[s], s == 0 ?
				    TEXT_SPAN_DEL : TEXT_SPAN_INS,
				    sp[s][k].start, sp[s][k].end);
			free(sp[s]);
			grp->nlines[s] = text_spans_wrap(&grp->ts[s],
			    cv->width[s], TEXT_TARGET_COLOR, &grp->lines[s]);
		}
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

static void
cv_resize(struct view *v)
{
	struct cmp_view	*cv = v->data;
	int		 lines = app_lines(), cols = app_cols();
	int		 body = lines - 2, h0, w, s;
	size_t		 old[2], gtop = 0, g;

	old[0] = cv->width[0];
	old[1] = cv->width[1];
	cv->stacked = cols < CV_SIDE_BY_SIDE_COLS;
	if (cv->stacked) {
		/* Each side: a header row, then its text; a rule between. */
		h0 = (body - 1) / 2;
		cv->rect[0] = (struct view_rect){ .y = 2, .x = 1, .h = h0 - 1,
		    .w = cols - 2 };
		cv->rect[1] = (struct view_rect){ .y = 1 + h0 + 2, .x = 1,
		    .h = body - h0 - 2, .w = cols - 2 };
	} else {
		w = (cols - 3) / 2;
		cv->rect[0] = (struct view_rect){ .y = 2, .x = 0,
		    .h = body - 1, .w = w };
		cv->rect[1] = (struct view_rect){ .y = 2, .x = w + 3,
		    .h = body - 1, .w = cols - w - 3 };
	}
	for (s = 0; s < 2; s++) {
		if (cv->rect[s].h < 0)
			cv->rect[s].h = 0;
		if (cv->rect[s].w < 1)
			cv->rect[s].w = 1;
		cv->width[s] = (size_t)cv->rect[s].w;
	}
	if (cv->g != NULL && old[0] == cv->width[0] &&
	    old[1] == cv->width[1] && !cv->notes_changed)
		return;
	cv->notes_changed = false;
	/* Keep the group at the top in view across the re-wrap. */
	for (g = 0; g < cv->ng; g++)
		if (cv->g[g].row <= cv->top[0])
			gtop = g;
	cv_build_rows(cv);
	if (gtop < cv->ng)
		cv->top[0] = cv->top[1] = cv->g[gtop].row;
}

static void
cv_close(struct view *v)
{
	struct cmp_view	*cv = v->data;

	cv_free_layout(cv);
	compare_free(&cv->cmp);
	free(cv);
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
	long	t;

	for (s = 0; s < 2; s++) {
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

size_t
cv_group_at(const struct cmp_view *cv, size_t r)
{
	size_t	lo = 0, hi = cv->ng, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
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

/* n/N: the next (or previous) pair with a match of the filter. */
static void
cv_next_hit(struct cmp_view *cv, bool forward)
{
	const struct query	*q = app_query(cv->app);
	struct index_span	*sp;
	size_t			 g, k, n, t;
	int			 s;

	if (q == NULL || cv->ng == 0) {
		app_message(cv->app, false, "%s", _("no filter; press / to "
		    "search"));
		return;
	}
	g = cv_group_at(cv, cv->top[cv->side]);
	for (k = 1; k <= cv->ng; k++) {
		t = forward ? (g + k) % cv->ng : (g + cv->ng - k) % cv->ng;
		for (s = 0; s < 2; s++) {
			n = query_spans(q, cv->g[t].raw[s],
			    strlen(cv->g[t].raw[s]), &sp);
			free(sp);
			if (n > 0) {
				cv_scroll(cv, (long)cv->g[t].row -
				    (long)cv->top[cv->side]);
				return;
			}
		}
	}
	app_message(cv->app, false, "%s", _("no match here"));
}

/* Set up a comparison of left and right in cv (fresh). */
static void
cv_build(struct cmp_view *cv, uint32_t left, uint32_t right)
{
	cv->sync = true;
	cv->node[0] = left;
	cv->node[1] = right;
	compare_build(&cv->cmp, app_corpus(cv->app), left, right);
}

static bool
cv_request(struct view *v, enum request req)
{
	struct cmp_view	*cv = v->data;
	size_t		 h = (size_t)cv->rect[cv->side].h;
	uint32_t	 l, r;
	bool		 words;

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
		cv_next_hit(cv, req == REQ_NEXT_HIT);
		break;
	case REQ_SYNC_SCROLL:
		cv->sync = !cv->sync;
		if (cv->sync)
			cv->top[1 - cv->side] = cv->top[cv->side];
		app_message(cv->app, false, "%s", cv->sync ?
		    _("scrolling both sides together") :
		    _("scrolling each side on its own"));
		break;
	case REQ_WORD_DIFF:
		cv->words = !cv->words;
		break;
	case REQ_SWAP_SIDES:
		l = cv->node[0];
		r = cv->node[1];
		words = cv->words;
		cv_free_layout(cv);
		compare_free(&cv->cmp);
		memset(cv->top, 0, sizeof cv->top);
		cv->side = 0;
		cv_build(cv, r, l);
		cv->words = words;
		cv->width[0] = cv->width[1] = 0;
		cv_resize(v);
		break;
	case REQ_CLOSE:
		app_pop(v->app, v);
		break;
	default:
		return false;
	}
	return true;
}

static uint32_t
cv_node(struct view *v)
{
	struct cmp_view	*cv = v->data;

	return cv->node[cv->side];
}

/* The comparison highlights the query: nothing to narrow. */
static void
cv_filter(struct view *v, enum view_filter ev)
{
	(void)v;
	(void)ev;
}

/* Notes were added or changed: lay out again, to show them. */
static void
cv_state(struct view *v, unsigned events)
{
	struct cmp_view	*cv = v->data;

	if (events & (STATE_EVENT_LOADED | VIEW_STUDY_CHANGED)) {
		cv->notes_changed = true;
		cv_resize(v);
	}
}

static const struct view_ops cv_ops = {
	.name = "compare",
	.keys = KEYMAP_COMPARE,
	.close = cv_close,
	.resize = cv_resize,
	.draw = cv_draw,
	.request = cv_request,
	.status = cv_status,
	.filter = cv_filter,
	.node = cv_node,
	.state = cv_state,
};

/* ":compare REF [REF]": the current part and REF, or the two REFs. */
void
ui_cmd_compare(struct app *a, int argc, char **argv)
{
	const struct corpus	*c = app_corpus(a);
	struct cmp_view		*cv;
	struct view		*old;
	uint32_t		 n1, n2;

	n1 = corpus_resolve(c, argv[0], strlen(argv[0]));
	n2 = argc > 1 ? corpus_resolve(c, argv[1], strlen(argv[1])) :
	    CORPUS_NONE;
	if (n1 == CORPUS_NONE || (argc > 1 && n2 == CORPUS_NONE)) {
		app_message(a, true, _("no such reference: %s"),
		    n1 == CORPUS_NONE ? argv[0] : argv[1]);
		return;
	}
	if (argc == 1) {
		n2 = n1;
		n1 = app_current_node(a);
		if (n1 == CORPUS_NONE)
			return;
	}
	app_note_jump(a);
	/* One comparison at a time: a new one replaces it. */
	if ((old = app_find_view(a, &cv_ops)) != NULL)
		app_pop(a, old);
	cv = xcalloc(1, sizeof *cv);
	cv->app = a;
	cv_build(cv, n1, n2);
	app_push(a, &cv_ops, cv);
}
