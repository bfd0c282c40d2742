/*
 * outline.h -- the outline pane: the corpus as a foldable tree of documents,
 * sections and blocks, one row per visible node, with a selection.
 *
 * The visible rows are recomputed from the fold state with a walk that
 * skips folded subtrees, so its cost is the number of visible rows, not the
 * size of the corpus.
 */
#ifndef CHARTA_OUTLINE_H
#define CHARTA_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct corpus;

struct outline {
	const struct corpus	*c;
	uint8_t			*open;		/* per node: expanded? */
	uint32_t		*rows;		/* visible nodes, in order */
	size_t			 nrows;
	size_t			 rows_cap;
	/*
	 * While a filter is on, the fold state's rows wait here, to be
	 * put back as they were when it goes (unless the fold state
	 * changed meanwhile: then full_valid is false).
	 */
	uint32_t		*full;
	size_t			 nfull;
	size_t			 full_cap;
	bool			 full_valid;
	uint8_t			*hit;		/* per node: OUTLINE_HIT.. */
	bool			 filtered;	/* rows come from a filter */
	const uint32_t		*hits;		/* the filter's nodes */
	size_t			 nhits;
	uint32_t		 sel;		/* selected node */
	size_t			 top;		/* first row shown */
};

/* Set up the outline of c with every document expanded one level. */
void	outline_init(struct outline *, const struct corpus *c);
/* Free what outline_init allocated. */
void	outline_free(struct outline *);

/*
 * Recompute the visible rows after a change of fold state (while a filter
 * is on, only note that they must be recomputed when it goes).
 */
void	outline_rebuild(struct outline *);

/* The row of node n, or (size_t)-1 if it is not visible. */
size_t	outline_row_of(const struct outline *, uint32_t n);

/* True if node n has children (and so can be expanded). */
bool	outline_has_children(const struct outline *, uint32_t n);

/*
 * True if node n's children show in the rows: its fold state, or in a
 * filtered outline whether any of them matched (the fold marker says so).
 */
bool	outline_shows_children(const struct outline *, uint32_t n);

/* Select node n, expanding its ancestors so that it is visible. */
void	outline_select(struct outline *, uint32_t n);

/* Move the selection by delta visible rows (clamped). */
void	outline_move(struct outline *, long delta);

/* Expand or collapse node n (a block cannot be expanded). */
void	outline_set_open(struct outline *, uint32_t n, bool open);

/* Expand every section, or collapse everything down to the documents. */
void	outline_set_all(struct outline *, bool open);

/* What outline.hit says of a node while a filter is on. */
#define OUTLINE_HIT	1	/* it matches */
#define OUTLINE_CONTEXT	2	/* an ancestor of a match */

/*
 * Show only the nodes hits[0..n) (in reading order; not copied: keep them
 * alive until the next call) and their ancestors, whatever the fold state.
 * parents, if not NULL, is each node's parent (index_parents), read in
 * place of the corpus's nodes.
 */
void	outline_filter(struct outline *, const uint32_t *hits, size_t n,
	    const uint32_t *parents);

/*
 * Back to the fold state's rows: those there were before the filter, if
 * the fold state has not changed since, so that leaving a filter costs
 * no more than the marks of its rows.
 */
void	outline_unfilter(struct outline *);

/* Keep the selection inside a window of height rows. */
void	outline_scroll_to_sel(struct outline *, size_t height);

#endif /* CHARTA_OUTLINE_H */
