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
 * whole; the outline shows only a marker, so its rows' notes are read
 * without their text, which is most of their size.
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

/* Add node n's logical place to the targets (each node once). */
static void
reader_peek_add(struct reader *r, uint32_t n, uint8_t *seen,
    struct state_anchor **t, size_t *nt, size_t *cap)
{
	if (n >= r->c->nnodes || seen[n])
		return;
	seen[n] = 1;
	*t = xgrowarray(*t, cap, *nt + 1, sizeof **t);
	study_anchor_of(r->c, n, &(*t)[(*nt)++]);
}

/*
 * The places of the nodes the first screen may show, in *t: the text's
 * first (their notes are read whole, *nwhole of them), then the
 * outline's.  Returns their number.
 */
static size_t
reader_peek_window(struct reader *r, struct state_anchor **t, size_t *nwhole)
{
	uint8_t	*seen = xcalloc(r->c->nnodes ? r->c->nnodes : 1, 1);
	size_t	 i, nt = 0, cap = 0, h;

	*t = NULL;
	reader_sync_text(r);
	if (r->text_rect.h > 0) {
		h = (size_t)r->text_rect.h;
		for (i = r->tv.top; i < r->tv.nlines && i < r->tv.top + h; i++)
			reader_peek_add(r, r->tv.lines[i].node, seen, t, &nt,
			    &cap);
	}
	*nwhole = nt;
	if (r->outline_rect.h > 0) {
		h = (size_t)r->outline_rect.h;
		/* Where the outline will be drawn (reader_draw does it). */
		outline_scroll_to_sel(&r->ol, h);
		for (i = r->ol.top; i < r->ol.nrows && i < r->ol.top + h; i++)
			reader_peek_add(r, r->ol.rows[i], seen, t, &nt, &cap);
	}
	free(seen);
	return nt;
}

bool
reader_peek(struct reader *r)
{
	struct state		*st = app_state(r->app);
	struct state_peek	*pk;
	struct state_anchor	*t;
	struct state_note	*notes;
	struct state_mark	*marks;
	char			*last;
	size_t			 nt, nwhole, nnotes, nmarks, i;
	int			 rc;

	if (st == NULL)
		return true;
	if ((rc = state_peek_open(state_path(st), &pk)) <= 0)
		return rc == 0;		/* no file: nothing kept yet */
	/* charta REF opens at REF; else the place kept, as the load would. */
	if (!r->moved && (last = state_peek_last_doc(pk)) != NULL) {
		reader_position_apply(r, last,
		    state_peek_position(pk, last));
		free(last);
	}
	nt = reader_peek_window(r, &t, &nwhole);
	nmarks = state_peek_marks(pk, t, nt, &marks);
	nnotes = state_peek_notes(pk, t, nt, nwhole, &notes);
	for (i = 0; i < nt; i++)
		study_anchor_free(&t[i]);
	free(t);
	if (!state_peek_close(pk)) {
		state_notes_free(notes, nnotes);
		state_marks_free(marks, nmarks);
		return false;
	}
	/* The place is set: the load must not set it again. */
	r->moved = true;
	reader_study_peek(r, notes, nnotes, marks, nmarks);
	return true;
}
