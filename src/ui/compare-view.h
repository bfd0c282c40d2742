/*
 * compare-view.h -- the comparison view's state, shared by its two files
 * (compare-view.c: opening, layout, keys; compare-draw.c: drawing).
 */
#ifndef CHARTA_COMPARE_VIEW_H
#define CHARTA_COMPARE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diff/compare.h"
#include "text/spans.h"
#include "text/text.h"
#include "ui/view.h"

/* Narrower than this, the sides are stacked. */
#define CV_SIDE_BY_SIDE_COLS	100

/* One aligned group of the comparison, laid out for the screen. */
struct cv_group {
	char			*raw[2];	/* the text, per side */
	struct text_spans	 ts[2];		/* shown, with the words found
						   on one side only */
	struct text_line	*lines[2];
	size_t			 nlines[2];
	int			 sim;		/* % shared words */
	size_t			 row;		/* first row */
	size_t			 height;	/* rows, without the gap */
};

struct cmp_view {
	struct app		*app;
	struct compare		 cmp;
	uint32_t		 node[2];
	struct cv_group		*g;
	size_t			 ng;
	size_t			 nrows;
	size_t			 width[2];	/* of the layout built */
	bool			 stacked;	/* one above the other */
	bool			 sync;		/* scroll together */
	bool			 words;		/* highlight differences */
	int			 side;		/* the active side */
	size_t			 top[2];
	int			 section_sim;
	bool			 notes_changed;	/* lay out again */
	struct view_rect	 rect[2];	/* body of each side */
};

/* The group shown at row r. */
size_t	cv_group_at(const struct cmp_view *, size_t r);
/* Draw the comparison (compare-draw.c). */
void	cv_draw(struct view *);
/* Its status line (compare-draw.c). */
void	cv_status(struct view *, struct view_status *);

#endif /* CHARTA_COMPARE_VIEW_H */
