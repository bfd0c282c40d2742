/*
 * outline.c -- the outline's fold state, visible rows and selection (see
 * outline.h).  The reader draws it (reader-draw.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "ui/outline.h"
#include "util/xmalloc.h"

void
outline_init(struct outline *o, const struct corpus *c)
{
	size_t	d;

	memset(o, 0, sizeof *o);
	o->c = c;
	o->open = xcalloc(c->nnodes ? c->nnodes : 1, 1);
	o->hit = xcalloc(c->nnodes ? c->nnodes : 1, 1);
	for (d = 0; d < c->ndocs; d++)
		o->open[c->docs[d].root] = 1;
	o->sel = c->nnodes > 0 ? 0 : CORPUS_NONE;
	outline_rebuild(o);
}

void
outline_free(struct outline *o)
{
	free(o->open);
	free(o->hit);
	free(o->rows);
	free(o->full);
	memset(o, 0, sizeof *o);
}

bool
outline_has_children(const struct outline *o, uint32_t n)
{
	return o->c->nodes[n].first_child != CORPUS_NONE;
}

static void
outline_push(struct outline *o, uint32_t n)
{
	if (o->nrows == o->rows_cap)
		o->rows = xgrowarray(o->rows, &o->rows_cap, o->nrows + 1,
		    sizeof *o->rows);
	o->rows[o->nrows++] = n;
}

/*
 * Forget the marks of the last filter: only its rows carry any.  When
 * they are many, clearing the whole array in order is the faster way.
 */
static void
outline_clear_marks(struct outline *o)
{
	size_t	r;

	if (!o->filtered)
		return;
	if (o->nrows > o->c->nnodes / 8) {
		memset(o->hit, 0, o->c->nnodes);
		return;
	}
	for (r = 0; r < o->nrows; r++)
		o->hit[o->rows[r]] = 0;
}

/* Swap the rows shown with the ones put aside. */
static void
outline_swap_rows(struct outline *o)
{
	uint32_t	*rows = o->rows;
	size_t		 n = o->nrows, cap = o->rows_cap;

	o->rows = o->full;
	o->nrows = o->nfull;
	o->rows_cap = o->full_cap;
	o->full = rows;
	o->nfull = n;
	o->full_cap = cap;
}

/*
 * Room for the rows of n hits at once, each with its ancestors (at most
 * every node): an array that grew as it filled would be copied each time
 * and its fresh pages touched one by one, 4 KB at a time; this one is
 * new, in huge pages when large (xmallocarray_huge).  The rows before
 * are not kept: the caller starts over.
 */
static void
outline_reserve(struct outline *o, size_t n)
{
	size_t	most = o->c->nnodes;

	if (n <= most / (CORPUS_MAX_DEPTH + 1))
		most = n * (CORPUS_MAX_DEPTH + 1);
	if (most == 0)
		most = 1;
	if (o->rows_cap >= most)
		return;
	free(o->rows);
	o->rows = xmallocarray_huge(most, sizeof *o->rows);
	o->rows_cap = most;
}

/* Node n's parent: from parents if there are (no corpus node read). */
static inline uint32_t
outline_parent(const struct corpus *c, const uint32_t *parents, uint32_t n)
{
	return parents != NULL ? parents[n] : c->nodes[n].parent;
}

void
outline_filter(struct outline *o, const uint32_t *hits, size_t n,
    const uint32_t *parents)
{
	const struct corpus	*c = o->c;
	uint32_t		 chain[CORPUS_MAX_DEPTH + 1], p;
	size_t			 k, depth;

	outline_clear_marks(o);
	if (!o->filtered) {
		/* Keep the fold state's rows for when the filter goes. */
		outline_swap_rows(o);
		o->full_valid = true;
	}
	o->filtered = true;
	o->hits = hits;
	o->nhits = n;
	o->nrows = 0;
	outline_reserve(o, n);
	/*
	 * Hits come in reading order, so each one's ancestors are either
	 * already shown (marked) or come right before it: push the unmarked
	 * ones top down.
	 */
	for (k = 0; k < n; k++) {
		depth = 0;
		for (p = outline_parent(c, parents, hits[k]); p != CORPUS_NONE &&
		    o->hit[p] == 0 && depth <= CORPUS_MAX_DEPTH;
		    p = outline_parent(c, parents, p))
			chain[depth++] = p;
		while (depth-- > 0) {
			o->hit[chain[depth]] = OUTLINE_CONTEXT;
			outline_push(o, chain[depth]);
		}
		if (o->hit[hits[k]] == OUTLINE_CONTEXT) {
			/* already shown as an ancestor: now a hit too */
			o->hit[hits[k]] = OUTLINE_HIT;
			continue;
		}
		o->hit[hits[k]] = OUTLINE_HIT;
		outline_push(o, hits[k]);
	}
}

void
outline_unfilter(struct outline *o)
{
	if (!o->filtered)
		return;
	outline_clear_marks(o);
	o->filtered = false;
	o->hits = NULL;
	o->nhits = 0;
	outline_swap_rows(o);
	if (!o->full_valid)
		outline_rebuild(o);
}

void
outline_rebuild(struct outline *o)
{
	const struct corpus	*c = o->c;
	uint32_t		 n;

	if (o->filtered) {
		o->full_valid = false;
		return;
	}
	o->nrows = 0;
	if (c->nnodes == 0)
		return;
	n = 0;
	while (n != CORPUS_NONE) {
		outline_push(o, n);
		/* Into an open node; else on to the next sibling, or up. */
		if (o->open[n] && c->nodes[n].first_child != CORPUS_NONE) {
			n = c->nodes[n].first_child;
			continue;
		}
		while (n != CORPUS_NONE && c->nodes[n].next_sibling ==
		    CORPUS_NONE) {
			if (c->nodes[n].kind == KIND_DOCUMENT) {
				/* documents follow one another */
				uint32_t	d = c->nodes[n].doc + 1;

				n = d < c->ndocs ? c->docs[d].root :
				    CORPUS_NONE;
				goto next;
			}
			n = c->nodes[n].parent;
		}
		if (n != CORPUS_NONE)
			n = c->nodes[n].next_sibling;
next:
		;
	}
}

size_t
outline_row_of(const struct outline *o, uint32_t n)
{
	size_t	lo = 0, hi = o->nrows;

	/* Rows are in node order: binary search. */
	while (lo < hi) {
		size_t	mid = lo + (hi - lo) / 2;

		if (o->rows[mid] < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < o->nrows && o->rows[lo] == n ? lo : (size_t)-1;
}

bool
outline_shows_children(const struct outline *o, uint32_t n)
{
	size_t	row = outline_row_of(o, n);

	return row != (size_t)-1 && row + 1 < o->nrows &&
	    o->c->nodes[o->rows[row + 1]].parent == n;
}

void
outline_select(struct outline *o, uint32_t n)
{
	uint32_t	p;
	bool		changed = false;

	for (p = o->c->nodes[n].parent; p != CORPUS_NONE;
	    p = o->c->nodes[p].parent) {
		if (!o->open[p]) {
			o->open[p] = 1;
			changed = true;
		}
	}
	if (changed)
		outline_rebuild(o);
	o->sel = n;
}

void
outline_move(struct outline *o, long delta)
{
	size_t	row = outline_row_of(o, o->sel);
	long	r;

	if (o->nrows == 0)
		return;
	if (row == (size_t)-1)
		row = 0;
	r = (long)row + delta;
	if (r < 0)
		r = 0;
	if (r >= (long)o->nrows)
		r = (long)o->nrows - 1;
	o->sel = o->rows[r];
}

void
outline_set_open(struct outline *o, uint32_t n, bool open)
{
	if (!outline_has_children(o, n) || (bool)o->open[n] == open)
		return;
	o->open[n] = open;
	outline_rebuild(o);
}

void
outline_set_all(struct outline *o, bool open)
{
	size_t	i;

	for (i = 0; i < o->c->nnodes; i++)
		o->open[i] = open && outline_has_children(o, (uint32_t)i) &&
		    !kind_is_block(o->c->nodes[i].kind);
	if (!open && o->sel != CORPUS_NONE)
		o->sel = o->c->docs[o->c->nodes[o->sel].doc].root;
	outline_rebuild(o);
}

void
outline_scroll_to_sel(struct outline *o, size_t height)
{
	size_t	row = outline_row_of(o, o->sel);

	if (height == 0)
		return;
	if (row == (size_t)-1)
		row = 0;
	if (row < o->top)
		o->top = row;
	else if (row >= o->top + height)
		o->top = row - height + 1;
	if (o->top + height > o->nrows)
		o->top = o->nrows > height ? o->nrows - height : 0;
}
