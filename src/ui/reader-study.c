/*
 * reader-study.c -- the user's notes and marks in the reader: which nodes
 * carry them (in every translation of a work), the notes' text under
 * their paragraphs, re-attaching notes whose place a re-import removed,
 * and the view ops for the state's events.
 *
 * The notes and marks are read from the state (which keeps them in
 * memory) whenever it says something changed, and indexed by node: a
 * sorted array of (node, note) pairs, so that drawing a paragraph finds
 * its notes by binary search.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "text/text.h"
#include "ui/reader.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static int
reader_pair_cmp(const void *a, const void *b)
{
	const struct reader_pair	*x = a, *y = b;

	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

void
reader_study_free(struct reader *r)
{
	state_notes_free(r->notes, r->nnotes);
	state_marks_free(r->marks, r->nmarks);
	r->notes = NULL;
	r->nnotes = 0;
	r->marks = NULL;
	r->nmarks = 0;
	free(r->note_at);
	r->note_at = NULL;
	r->nnote_at = 0;
	free(r->flags);
	r->flags = NULL;
}

/*
 * A note whose place is gone: found again by its quote (and moved there),
 * or marked orphaned, never deleted.
 */
static void
reader_reattach(struct reader *r, struct state_note *n)
{
	struct state	*st = app_state(r->app);
	struct state_anchor at;
	uint32_t	 node;
	char		*err = NULL;

	node = study_reattach(r->c, &n->at, &n->quote);
	if (node != CORPUS_NONE) {
		study_anchor_of(r->c, node, &at);
		if (state_note_move(st, n->id, &at, &err) == 0) {
			study_anchor_free(&n->at);
			n->at = at;
			n->status = STATE_NOTE_ATTACHED;
			return;
		}
		study_anchor_free(&at);
		free(err);
		err = NULL;
	}
	if (n->status != STATE_NOTE_ORPHANED &&
	    state_note_set_status(st, n->id, STATE_NOTE_ORPHANED, &err) == 0)
		n->status = STATE_NOTE_ORPHANED;
	free(err);
}

void
reader_study_load(struct reader *r)
{
	struct state	*st = app_state(r->app);
	uint32_t	*nodes;
	size_t		 k, j, nn, cap = 0;
	size_t		 nre = 0, norph = 0;

	reader_study_free(r);
	r->flags = xcalloc(r->c->nnodes ? r->c->nnodes : 1, 1);
	if (st == NULL)
		goto out;
	r->nnotes = state_note_list(st, NULL, STATE_LIST_LIVE, &r->notes);
	r->nmarks = state_mark_list(st, STATE_LIST_LIVE, &r->marks);
	for (k = 0; k < r->nnotes; k++) {
		nn = study_nodes(r->c, &r->notes[k].at, &nodes);
		if (nn == 0) {
			reader_reattach(r, &r->notes[k]);
			nn = study_nodes(r->c, &r->notes[k].at, &nodes);
			if (nn > 0)
				nre++;
			else
				norph++;
		} else if (r->notes[k].status == STATE_NOTE_ORPHANED) {
			/* Its place came back (a re-import undone). */
			char	*err = NULL;

			(void)state_note_set_status(st, r->notes[k].id,
			    STATE_NOTE_ATTACHED, &err);
			free(err);
			r->notes[k].status = STATE_NOTE_ATTACHED;
		}
		for (j = 0; j < nn; j++) {
			r->note_at = xgrowarray(r->note_at, &cap,
			    r->nnote_at + 1, sizeof *r->note_at);
			r->note_at[r->nnote_at].node = nodes[j];
			r->note_at[r->nnote_at].k = k;
			r->nnote_at++;
			r->flags[nodes[j]] |= READER_NOTED;
		}
		free(nodes);
	}
	/* qsort(NULL, 0, ...) is undefined: no notes, no array. */
	if (r->nnote_at > 0)
		qsort(r->note_at, r->nnote_at, sizeof *r->note_at,
		    reader_pair_cmp);
	for (k = 0; k < r->nmarks; k++) {
		nn = study_nodes(r->c, &r->marks[k].at, &nodes);
		for (j = 0; j < nn; j++)
			r->flags[nodes[j]] |= READER_MARKED;
		free(nodes);
	}
	if (nre > 0 || norph > 0)
		/* TRANSLATORS: after a re-import moved or removed passages */
		app_message(r->app, norph > 0, _("notes whose passage is "
		    "gone: %zu found again by their words, %zu orphaned "
		    "(:notes lists them)"), nre, norph);
out:
	r->tv.notes_gen++;
	reader_sync_text(r);
}

size_t
reader_notes_at(const struct reader *r, uint32_t node, size_t *first)
{
	size_t	lo = 0, hi = r->nnote_at, mid, end;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->note_at[mid].node < node)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	for (end = lo; end < r->nnote_at && r->note_at[end].node == node;
	    end++)
		;
	return end - lo;
}

/* The text view's question: the notes to show under node n. */
char *
reader_notes_text(void *arg, uint32_t n)
{
	struct reader	*r = arg;
	struct text_buf	 b;
	size_t		 first, cnt, k;
	const char	*pen = app_ascii(r->app) ? "* " : "\xe2\x9c\x8e ";

	if (r->flags == NULL || !(r->flags[n] & READER_NOTED))
		return NULL;
	cnt = reader_notes_at(r, n, &first);
	if (cnt == 0)
		return NULL;
	text_buf_init(&b);
	for (k = first; k < first + cnt; k++) {
		if (b.len > 0)
			text_buf_addc(&b, '\n');
		text_buf_puts(&b, pen);
		text_buf_puts(&b, r->notes[r->note_at[k].k].body);
	}
	return text_buf_steal(&b);
}

void
reader_state(struct view *v, unsigned events)
{
	struct reader	*r = v->data;

	if (events & STATE_EVENT_LOADED) {
		reader_study_load(r);
		if (!r->moved)
			reader_position_restore(r, NULL);
	} else if (events & VIEW_STUDY_CHANGED)
		reader_study_load(r);
}
