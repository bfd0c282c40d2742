/*
 * kwic-view.h -- the concordance view's state, shared by its two files
 * (kwic-view.c: opening, keys, the filter; kwic-draw.c: drawing).
 *
 * The hits come a slice at a time (kwic_more): enough for the first
 * screen when the view opens, the rest from its idle op between frames,
 * so that a frequent word's concordance shows at once and keys are never
 * kept waiting.  Sorting takes them all first.
 */
#ifndef CHARTA_KWIC_VIEW_H
#define CHARTA_KWIC_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/kwic.h"
#include "ui/view.h"

struct kwic_view {
	struct app	*app;
	char		*text;		/* the query, as typed */
	struct query	*q;
	struct kwic	 k;
	bool		 built;		/* k holds the hits (the index was
					   ready) */
	bool		 parallel;	/* the other translation under each */
	/* The hits the filter lets through: places in k's order. */
	uint32_t	*shown;
	size_t		 nshown;
	size_t		 scap;
	size_t		 seen;		/* hits the filter has looked at */
	size_t		 sel;		/* in shown */
	size_t		 top;		/* first shown hit on the screen */
	size_t		 refw;		/* the references' column */
	/* Parallel: hits whose counterpart lacks the words (-1: not yet). */
	long		 nomatch;
};

/* Rows a hit takes: 1, or 2 with the counterpart under it. */
#define KWIC_VIEW_ROWS(kv)	((kv)->parallel ? 2 : 1)

/* The hit shown at place i of shown. */
const struct kwic_hit *kwic_view_hit(const struct kwic_view *, size_t i);
/* The short reference of node n ("mfa:II.2.p1"), a new string. */
char	*kwic_view_ref(const struct corpus *, uint32_t n);
/* Draw the concordance (kwic-draw.c). */
void	 kwic_view_draw(struct view *);
/* Its status line (kwic-draw.c). */
void	 kwic_view_status(struct view *, struct view_status *);

#endif /* CHARTA_KWIC_VIEW_H */
