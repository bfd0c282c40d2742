/*
 * reader-peek.c -- the reader's first screen from a look into the user's
 * state before the writer thread has loaded it (state_peek_*): the place
 * kept, and the marks and notes of the nodes the first screen may show,
 * the notes found by the state's indexes.  With 10,000 notes the whole
 * load takes tens of milliseconds; these take one or two, and the first
 * screen is as soon with them as without.  When the load arrives, the
 * reader takes everything from it (reader_state), and the screen stays as
 * it was.
 *
 * The nodes the first screen may show: the outline's rows in its pane,
 * and the text's lines from its top, a pane's height of them, laid out
 * without notes (notes only add lines under their paragraph, so with
 * them fewer nodes show, never others).  The text's nodes' notes are read
 * whole, in the text's order, until they fill the pane: the notes of a
 * paragraph that ten thousand notes share among two hundred are ninety,
 * and the screen shows ten.  The outline shows only a marker, so its
 * rows' notes, and the text's below the screen, are read without their
 * text, which is most of their size, one for each.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "ui/app.h"
#include "ui/reader.h"
#include "util/xmalloc.h"

/* The first screen's places: the text's nodes', then the outline's. */
struct reader_peek_window {
	struct state_anchor	*t;
	size_t			 nt;
	size_t			 cap;
	size_t			 ntext;		/* the text's, first */
	uint32_t		*node;		/* each target's node */
	size_t			*lines;		/* its lines shown, no notes */
	size_t			 need;		/* the text pane's height */
	size_t			 have;		/* lines known to show */
};

/*
 * Add node n's logical place to the targets (each node once); a text's
 * line (text) is counted as its node's.
 */
static void
reader_peek_add(struct reader *r, struct reader_peek_window *w, uint32_t n,
    uint8_t *seen, bool text)
{
	if (n >= r->c->nnodes)
		return;
	if (seen[n]) {
		/* A node's lines are together: it is the last one added. */
		if (text && w->nt > 0 && w->node[w->nt - 1] == n)
			w->lines[w->nt - 1]++;
		return;
	}
	seen[n] = 1;
	w->t = xgrowarray(w->t, &w->cap, w->nt + 1, sizeof *w->t);
	w->node = xreallocarray(w->node, w->cap, sizeof *w->node);
	w->lines = xreallocarray(w->lines, w->cap, sizeof *w->lines);
	study_anchor_of(r->c, n, &w->t[w->nt]);
	w->node[w->nt] = n;
	w->lines[w->nt++] = text ? 1 : 0;
}

/*
 * The places of the nodes the first screen may show, in w: the text's
 * first (their notes are read whole) with the number of lines each has
 * on the first screen laid out without notes, then the outline's.
 */
static void
reader_peek_window(struct reader *r, struct reader_peek_window *w)
{
	uint8_t	*seen = xcalloc(r->c->nnodes ? r->c->nnodes : 1, 1);
	size_t	 i, h;

	memset(w, 0, sizeof *w);
	reader_sync_text(r);
	if (r->text_rect.h > 0) {
		h = w->need = (size_t)r->text_rect.h;
		textview_more(&r->tv, r->tv.top + h);
		for (i = r->tv.top; i < r->tv.nlines && i < r->tv.top + h; i++)
			reader_peek_add(r, w, r->tv.lines[i].node, seen,
			    true);
	}
	w->ntext = w->nt;
	if (r->outline_rect.h > 0) {
		h = (size_t)r->outline_rect.h;
		/* Where the outline will be drawn (reader_draw does it). */
		outline_scroll_to_sel(&r->ol, h);
		for (i = r->ol.top; i < r->ol.nrows && i < r->ol.top + h; i++)
			reader_peek_add(r, w, r->ol.rows[i], seen, false);
	}
	free(seen);
}

static void
reader_peek_window_free(struct reader_peek_window *w)
{
	size_t	i;

	for (i = 0; i < w->nt; i++)
		study_anchor_free(&w->t[i]);
	free(w->t);
	free(w->node);
	free(w->lines);
}

/*
 * Each note takes a line at least, under its node's text: once the text's
 * nodes read so far with their notes fill the pane, the notes of the
 * nodes after them cannot show, and only where they are is read.
 */
static bool
reader_peek_enough(void *arg, size_t target, size_t nnotes)
{
	struct reader_peek_window	*w = arg;

	w->have += w->lines[target] + nnotes;
	return w->have >= w->need;
}

/* Is every node on the text's first screen one of the first nwhole? */
static bool
reader_peek_shown_whole(struct reader *r,
    const struct reader_peek_window *w, size_t nwhole)
{
	size_t		l, k;
	uint32_t	n;

	textview_more(&r->tv, r->tv.top + (size_t)r->text_rect.h);
	for (l = r->tv.top; l < r->tv.nlines &&
	    l < r->tv.top + (size_t)r->text_rect.h; l++) {
		n = r->tv.lines[l].node;
		for (k = 0; k < nwhole && w->node[k] != n; k++)
			;
		if (k == nwhole)
			return false;
	}
	return true;
}

/*
 * The notes and marks of the window's places, shown (nothing written).
 * The whole notes of the text's nodes are read until they fill the pane;
 * should the screen show a node beyond those after all (a note its load
 * would move after a re-import is left out of a look), they are read
 * again, all of them whole.
 */
static bool
reader_peek_study(struct reader *r, struct state_peek *pk,
    struct reader_peek_window *w)
{
	struct state_note	*notes;
	struct state_mark	*marks;
	size_t			 nnotes, nmarks, nwhole;
	int			 pass;

	for (pass = 0; pass < 2; pass++) {
		nmarks = state_peek_marks(pk, w->t, w->nt, &marks);
		nwhole = w->ntext;
		w->have = 0;
		nnotes = state_peek_notes(pk, w->t, w->nt, &nwhole,
		    pass == 0 ? reader_peek_enough : NULL, w, &notes);
		if (!state_peek_ok(pk)) {
			state_notes_free(notes, nnotes);
			state_marks_free(marks, nmarks);
			return false;
		}
		reader_study_peek(r, notes, nnotes, marks, nmarks);
		if (nwhole == w->ntext || reader_peek_shown_whole(r, w, nwhole))
			break;
	}
	return true;
}

bool
reader_peek(struct reader *r, char **lastp)
{
	struct state			*st = app_state(r->app);
	struct state_peek		*pk;
	struct reader_peek_window	 w;
	char				*last;
	bool				 ok;
	int				 rc;

	if (lastp != NULL)
		*lastp = NULL;
	if (st == NULL)
		return true;
	if ((rc = state_peek_open(state_path(st), &pk)) <= 0)
		return rc == 0;		/* no file: nothing kept yet */
	last = state_peek_last_doc(pk);
	/* charta REF opens at REF; else the place kept, as the load would. */
	if (!r->moved && last != NULL)
		reader_position_apply(r, last,
		    state_peek_position(pk, last));
	reader_peek_window(r, &w);
	ok = reader_peek_study(r, pk, &w);
	reader_peek_window_free(&w);
	if (!state_peek_close(pk) || !ok) {
		free(last);
		return false;
	}
	if (lastp != NULL)
		*lastp = last;
	else
		free(last);
	/* The place is set: the load must not set it again. */
	r->moved = true;
	return true;
}
