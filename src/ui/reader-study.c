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

/* What reader_note_nodes did to a note. */
enum reader_note_change {
	READER_NOTE_KEPT,
	READER_NOTE_MOVED,	/* found again by its words */
	READER_NOTE_ORPHANED	/* newly orphaned */
};

/*
 * Where note n shows (study_note_place): after a re-import it is moved to
 * where its words are now, or marked orphaned, never deleted; an orphan
 * whose place came back (a re-import undone) is attached again.  Returns
 * how many nodes it shows at (in every translation), in *nodes.
 */
static size_t
reader_note_nodes(struct reader *r, struct state_note *n, uint32_t **nodes,
    enum reader_note_change *change)
{
	struct state		*st = app_state(r->app);
	struct state_anchor	 at;
	enum state_note_status	 want;
	uint32_t		 node;
	char			*err = NULL;
	bool			 moved;

	*change = READER_NOTE_KEPT;
	*nodes = NULL;
	node = study_note_place(r->c, &n->at, &n->quote, &moved);
	if (moved) {
		/* Shown there even if the state cannot keep the move. */
		study_anchor_of(r->c, node, &at);
		(void)state_note_move(st, n->id, &at, &err);
		free(err);
		err = NULL;
		study_anchor_free(&n->at);
		n->at = at;
		*change = READER_NOTE_MOVED;
	}
	want = node == CORPUS_NONE ? STATE_NOTE_ORPHANED : STATE_NOTE_ATTACHED;
	if (n->status != want) {
		(void)state_note_set_status(st, n->id, want, &err);
		free(err);
		n->status = want;
		if (want == STATE_NOTE_ORPHANED)
			*change = READER_NOTE_ORPHANED;
	}
	return node == CORPUS_NONE ? 0 : study_nodes(r->c, &n->at, nodes);
}

/* Flag the nodes of r->marks, in every translation. */
static void
reader_marks_flag(struct reader *r)
{
	uint32_t	*nodes;
	size_t		 k, j, nn;

	for (k = 0; k < r->nmarks; k++) {
		nn = study_nodes(r->c, &r->marks[k].at, &nodes);
		for (j = 0; j < nn; j++)
			r->flags[nodes[j]] |= READER_MARKED;
		free(nodes);
	}
}

void
reader_marks_load(struct reader *r)
{
	struct state	*st = app_state(r->app);
	uint32_t	 i;

	if (r->flags == NULL || st == NULL) {
		reader_study_load(r);
		return;
	}
	/* The notes have not changed: 10,000 of them are not read again. */
	state_marks_free(r->marks, r->nmarks);
	r->nmarks = state_mark_list(st, STATE_LIST_LIVE, &r->marks);
	for (i = 0; i < r->c->nnodes; i++)
		r->flags[i] &= (uint8_t)~READER_MARKED;
	/* The outline shows them; the text is laid out as it was. */
	reader_marks_flag(r);
}

void
reader_study_load(struct reader *r)
{
	struct state		*st = app_state(r->app);
	enum reader_note_change	 change;
	uint32_t		*nodes;
	size_t			 k, j, nn, cap = 0;
	size_t			 nre = 0, norph = 0;

	reader_study_free(r);
	r->flags = xcalloc(r->c->nnodes ? r->c->nnodes : 1, 1);
	if (st == NULL)
		goto out;
	r->nnotes = state_note_list(st, NULL, STATE_LIST_LIVE, &r->notes);
	r->nmarks = state_mark_list(st, STATE_LIST_LIVE, &r->marks);
	for (k = 0; k < r->nnotes; k++) {
		nn = reader_note_nodes(r, &r->notes[k], &nodes, &change);
		nre += change == READER_NOTE_MOVED;
		norph += change == READER_NOTE_ORPHANED;
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
	if (r->nnote_at > 1)	/* none: note_at is NULL, not for qsort */
		qsort(r->note_at, r->nnote_at, sizeof *r->note_at,
		    reader_pair_cmp);
	reader_marks_flag(r);
	if (nre > 0 || norph > 0)
		/* TRANSLATORS: after a re-import moved or removed passages */
		app_message(r->app, norph > 0, _("notes whose passage is "
		    "gone: %zu found again by their words, %zu orphaned "
		    "(:notes lists them)"), nre, norph);
out:
	r->tv.notes_gen++;
	reader_sync_text(r);
}

/* Add note n's (node, k) pairs to r->note_at, kept sorted. */
static void
reader_note_index(struct reader *r, size_t k, const uint32_t *nodes,
    size_t nn)
{
	struct reader_pair	 p;
	size_t			 j, at, first;

	r->note_at = xreallocarray(r->note_at, r->nnote_at + nn,
	    sizeof *r->note_at);
	for (j = 0; j < nn; j++) {
		p.node = nodes[j];
		p.k = k;
		/* After the notes already there: k is the newest. */
		at = reader_notes_at(r, p.node, &first) + first;
		memmove(&r->note_at[at + 1], &r->note_at[at],
		    (r->nnote_at - at) * sizeof *r->note_at);
		r->note_at[at] = p;
		r->nnote_at++;
		r->flags[p.node] |= READER_NOTED;
	}
}

void
reader_note_saved(struct reader *r, const char *id)
{
	struct state_note	*got;
	enum reader_note_change	 change;
	uint32_t		*nodes;
	size_t			 k, nn;

	if (r->flags == NULL ||
	    (got = state_note_get(app_state(r->app), id)) == NULL)
		return;		/* not loaded yet: all of them will be */
	for (k = 0; k < r->nnotes; k++)
		if (strcmp(r->notes[k].id, id) == 0)
			break;
	if (k < r->nnotes) {
		/* Its text changed; its place did not. */
		free(r->notes[k].body);
		r->notes[k].body = got->body;
		r->notes[k].modified = got->modified;
		got->body = NULL;
		state_notes_free(got, 1);
	} else {
		r->notes = xreallocarray(r->notes, r->nnotes + 1,
		    sizeof *r->notes);
		r->notes[k] = *got;
		free(got);		/* the shell: its strings are r's now */
		r->nnotes++;
		nn = reader_note_nodes(r, &r->notes[k], &nodes, &change);
		reader_note_index(r, k, nodes, nn);
		free(nodes);
	}
	r->study_fresh = true;
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
	} else if (events & VIEW_STUDY_CHANGED) {
		if (!r->study_fresh)
			reader_study_load(r);
		r->study_fresh = false;
	}
}
