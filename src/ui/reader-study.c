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
#include "util/hash.h"
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
	r->marks_cap = 0;
	free(r->mark_count);
	r->mark_count = NULL;
	free(r->note_at);
	r->note_at = NULL;
	r->nnote_at = 0;
	r->note_at_cap = 0;
	r->notes_cap = 0;
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
 * What becomes of note n placed at node (study_note_place's answer, moved
 * if found again by its words): after a re-import it is moved to where its
 * words are now, or marked orphaned, never deleted; an orphan whose place
 * came back (a re-import undone) is attached again.
 */
static enum reader_note_change
reader_note_apply(struct reader *r, struct state_note *n, uint32_t node,
    bool moved)
{
	struct state		*st = app_state(r->app);
	struct state_anchor	 at;
	enum state_note_status	 want;
	enum reader_note_change	 change = READER_NOTE_KEPT;
	char			*err = NULL;

	if (moved) {
		/* Shown there even if the state cannot keep the move. */
		study_anchor_of(r->c, node, &at);
		(void)state_note_move(st, n->id, &at, &err);
		free(err);
		err = NULL;
		study_anchor_free(&n->at);
		n->at = at;
		change = READER_NOTE_MOVED;
	}
	want = node == CORPUS_NONE ? STATE_NOTE_ORPHANED : STATE_NOTE_ATTACHED;
	if (n->status != want) {
		(void)state_note_set_status(st, n->id, want, &err);
		free(err);
		n->status = want;
		if (want == STATE_NOTE_ORPHANED)
			change = READER_NOTE_ORPHANED;
	}
	return change;
}

/*
 * Count mark at on its nodes, in every translation (delta 1 or -1): a node
 * is flagged while a mark is on it.  A count per node, so that a mark set
 * or replaced changes its own nodes only, not all the marks' flags.
 */
static void
reader_mark_count(struct reader *r, const struct state_anchor *at, int delta)
{
	uint32_t	*nodes;
	size_t		 j, nn;

	nn = study_nodes(r->c, at, &nodes);
	for (j = 0; j < nn; j++) {
		if (delta > 0)
			r->mark_count[nodes[j]]++;
		else if (r->mark_count[nodes[j]] > 0)
			r->mark_count[nodes[j]]--;
		if (r->mark_count[nodes[j]] > 0)
			r->flags[nodes[j]] |= READER_MARKED;
		else
			r->flags[nodes[j]] &= (uint8_t)~READER_MARKED;
	}
	free(nodes);
}

/* Flag the nodes of r->marks, in every translation. */
static void
reader_marks_flag(struct reader *r)
{
	size_t	k;

	r->marks_cap = r->nmarks;
	free(r->mark_count);
	r->mark_count = xcalloc(r->c->nnodes ? r->c->nnodes : 1,
	    sizeof *r->mark_count);
	for (k = 0; k < r->nmarks; k++)
		reader_mark_count(r, &r->marks[k].at, 1);
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
reader_mark_changed(struct reader *r, const char *name)
{
	struct state_mark	*got;
	size_t			 k;

	if (r->flags == NULL || r->mark_count == NULL) {
		reader_marks_load(r);
		return;
	}
	/* The live mark of that name it replaced, if any, is gone. */
	for (k = 0; k < r->nmarks; k++)
		if (strcmp(r->marks[k].name, name) == 0)
			break;
	if (k < r->nmarks) {
		reader_mark_count(r, &r->marks[k].at, -1);
		free(r->marks[k].name);
		study_anchor_free(&r->marks[k].at);
		r->marks[k] = r->marks[--r->nmarks];	/* no order kept */
	}
	if ((got = state_mark_get(app_state(r->app), name)) == NULL)
		return;
	r->marks = xgrowarray(r->marks, &r->marks_cap, r->nmarks + 1,
	    sizeof *r->marks);
	r->marks[r->nmarks++] = *got;
	free(got);		/* the shell: its strings are r's now */
	reader_mark_count(r, &r->marks[r->nmarks - 1].at, 1);
}

/* Where the notes of one place and words show, found once for them all. */
struct reader_group {
	uint32_t	*nodes;
	size_t		 nn;
};

/*
 * Read the notes all[0..nall) (where the state keeps them, without
 * copying them all, or a look's few): each live note is placed (the
 * notes on the same place and words once, study_placer) and only its
 * id, text and times are kept, since that is
 * all the reader shows.  Nothing else of the state is called meanwhile.
 * Returns each kept note's place (malloc'ed, r->nnotes of them), whether
 * it moved in *moved, its group in *group, and the groups in *groups:
 * where their notes show (a moved one where it is now).
 */
static uint32_t *
reader_notes_place(struct reader *r, const struct state_note *all,
    size_t nall, size_t **group, bool **moved, struct reader_group **groups,
    size_t *ngroups)
{
	const struct state_note	*n;
	struct study_placer	 pl;
	struct state_note	*mine;
	struct state_anchor	 now;
	uint32_t		*found;
	size_t			 k, cap = 0, g;

	r->notes = xcalloc(nall + 1, sizeof *r->notes);
	r->notes_cap = nall + 1;
	found = xreallocarray(NULL, nall + 1, sizeof *found);
	*group = xreallocarray(NULL, nall + 1, sizeof **group);
	*moved = xreallocarray(NULL, nall + 1, sizeof **moved);
	*groups = NULL;
	*ngroups = 0;
	study_placer_init(&pl, r->c, nall);
	for (k = 0; k < nall; k++) {
		n = &all[k];
		if (n->deleted != 0)
			continue;
		mine = &r->notes[r->nnotes];
		memcpy(mine->id, n->id, sizeof mine->id);
		mine->body = xstrdup(n->body);
		mine->created = n->created;
		mine->modified = n->modified;
		mine->status = n->status;
		found[r->nnotes] = study_placer_place(&pl, &n->at, &n->quote,
		    &(*moved)[r->nnotes], &g);
		(*group)[r->nnotes] = g;
		if (g == *ngroups) {
			/* The first note on these words: where they show. */
			*groups = xgrowarray(*groups, &cap, g + 1,
			    sizeof **groups);
			(*groups)[g].nodes = NULL;
			(*groups)[g].nn = 0;
			if (found[r->nnotes] != CORPUS_NONE &&
			    (*moved)[r->nnotes]) {
				study_anchor_of(r->c, found[r->nnotes], &now);
				(*groups)[g].nn = study_nodes(r->c, &now,
				    &(*groups)[g].nodes);
				study_anchor_free(&now);
			} else if (found[r->nnotes] != CORPUS_NONE)
				(*groups)[g].nn = study_nodes(r->c, &n->at,
				    &(*groups)[g].nodes);
			*ngroups = g + 1;
		}
		r->nnotes++;
	}
	study_placer_free(&pl);
	return found;
}

/* Are notes shown under any node the text view lays out? */
static bool
reader_notes_in_text(const struct reader *r)
{
	size_t	first;

	if (r->tv.root == CORPUS_NONE || r->nnote_at == 0)
		return false;
	(void)reader_notes_at(r, r->tv.root, &first);
	return first < r->nnote_at &&
	    r->note_at[first].node - r->tv.root < r->tv.nnodes;
}

/*
 * Show the notes all[0..nall) and the marks[0..nmarks) (taken over)
 * instead of those shown.  On the state's whole contents, a note found
 * moved or newly orphaned after a re-import is changed in the state too,
 * and the user told; on a look (peek), which has only some of the notes,
 * nothing is written: such a note is left out until the state's load,
 * which does it.  all is read before any state_* call is made.
 */
static void
reader_study_set(struct reader *r, const struct state_note *all,
    size_t nall, struct state_mark *marks, size_t nmarks, bool peek)
{
	enum reader_note_change	 change;
	struct reader_group	*groups = NULL, *g;
	uint32_t		*found;
	size_t			*group = NULL, k, j, ngroups = 0;
	size_t			 nre = 0, norph = 0;
	bool			*moved = NULL, had;

	had = reader_notes_in_text(r);
	reader_study_free(r);
	r->flags = xcalloc(r->c->nnodes ? r->c->nnodes : 1, 1);
	found = reader_notes_place(r, all, nall, &group, &moved, &groups,
	    &ngroups);
	r->marks = marks;
	r->nmarks = nmarks;
	for (k = 0; k < r->nnotes; k++) {
		if (peek && (moved[k] || found[k] == CORPUS_NONE))
			continue;
		/* Moved or orphaned after a re-import, in the state too. */
		change = peek ? READER_NOTE_KEPT : reader_note_apply(r,
		    &r->notes[k], found[k], moved[k]);
		nre += change == READER_NOTE_MOVED;
		norph += change == READER_NOTE_ORPHANED;
		g = &groups[group[k]];
		for (j = 0; j < g->nn; j++) {
			r->note_at = xgrowarray(r->note_at, &r->note_at_cap,
			    r->nnote_at + 1, sizeof *r->note_at);
			r->note_at[r->nnote_at].node = g->nodes[j];
			r->note_at[r->nnote_at].k = k;
			r->nnote_at++;
			r->flags[g->nodes[j]] |= READER_NOTED;
		}
	}
	for (k = 0; k < ngroups; k++)
		free(groups[k].nodes);
	free(groups);
	free(found);
	free(group);
	free(moved);
	if (r->nnote_at > 1)	/* none: note_at is NULL, not for qsort */
		qsort(r->note_at, r->nnote_at, sizeof *r->note_at,
		    reader_pair_cmp);
	reader_marks_flag(r);
	if (nre > 0 || norph > 0)
		/* TRANSLATORS: after a re-import moved or removed passages */
		app_message(r->app, norph > 0, _("notes whose passage is "
		    "gone: %zu found again by their words, %zu orphaned "
		    "(:notes lists them)"), nre, norph);
	/*
	 * The text laid out again only if notes were or are in it: a
	 * document is laid out whole, milliseconds for a large one.
	 */
	if (had || reader_notes_in_text(r))
		r->tv.notes_gen++;
	reader_sync_text(r);
}

void
reader_study_load(struct reader *r)
{
	struct state		*st = app_state(r->app);
	const struct state_note	*all = NULL;
	struct state_mark	*marks = NULL;
	size_t			 nall = 0, nmarks = 0;

	if (st != NULL) {
		nmarks = state_mark_list(st, STATE_LIST_LIVE, &marks);
		/* Valid until the next state_* call (reader_study_set). */
		nall = state_note_view(st, &all);
	}
	reader_study_set(r, all, nall, marks, nmarks, false);
}

void
reader_study_peek(struct reader *r, struct state_note *notes, size_t nnotes,
    struct state_mark *marks, size_t nmarks)
{
	reader_study_set(r, notes, nnotes, marks, nmarks, true);
	state_notes_free(notes, nnotes);
}

/* Add note n's (node, k) pairs to r->note_at, kept sorted. */
static void
reader_note_index(struct reader *r, size_t k, const uint32_t *nodes,
    size_t nn)
{
	struct reader_pair	 p;
	size_t			 j, at, first;

	if (nn == 0)
		return;
	r->note_at = xgrowarray(r->note_at, &r->note_at_cap,
	    r->nnote_at + nn, sizeof *r->note_at);
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

/*
 * Lay out again the notes under nodes[0..nn) alone, where the text shows
 * them; the rest of the text stays as it was laid out.
 */
static void
reader_notes_relayout(struct reader *r, const uint32_t *nodes, size_t nn)
{
	size_t	j;

	for (j = 0; j < nn; j++)
		(void)textview_notes_changed(&r->tv, nodes[j]);
	/* Anything else pending (a new width) as before. */
	reader_sync_text(r);
}

void
reader_note_saved(struct reader *r, const char *id, bool fresh)
{
	struct state_note	*got;
	uint32_t		*nodes = NULL, node;
	size_t			 k, nn = 0, j;
	bool			 moved;

	if (r->flags == NULL ||
	    (got = state_note_get(app_state(r->app), id)) == NULL)
		return;		/* not loaded yet: all of them will be */
	/* A new note is not among the 10,000 already here. */
	k = r->nnotes;
	if (!fresh)
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
		nodes = xreallocarray(NULL, r->nnote_at + 1, sizeof *nodes);
		for (j = 0; j < r->nnote_at; j++)
			if (r->note_at[j].k == k)
				nodes[nn++] = r->note_at[j].node;
	} else {
		r->notes = xgrowarray(r->notes, &r->notes_cap, r->nnotes + 1,
		    sizeof *r->notes);
		r->notes[k] = *got;
		free(got);		/* the shell: its strings are r's now */
		r->nnotes++;
		node = study_note_place(r->c, &r->notes[k].at,
		    &r->notes[k].quote, &moved);
		(void)reader_note_apply(r, &r->notes[k], node, moved);
		nn = node == CORPUS_NONE ? 0 : study_nodes(r->c,
		    &r->notes[k].at, &nodes);
		reader_note_index(r, k, nodes, nn);
	}
	r->study_fresh = true;
	reader_notes_relayout(r, nodes, nn);
	free(nodes);
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
