/*
 * stats-view.h -- the statistics view's state, shared by its two files
 * (stats-view.c: the commands that open it, its rows, its keys;
 * stats-draw.c: drawing each row at the screen's width).
 *
 * The view is a list of rows built from the results (stats/stats.h), each
 * drawn from its kind when it is on the screen, so a resize only draws
 * again; switching between documents and chapters, and the collocates
 * once counted, build the rows anew.  The collocates need every word of
 * the corpus: they are counted a slice at a time from the idle op, the
 * counts and the plots showing meanwhile.
 */
#ifndef CHARTA_STATS_VIEW_H
#define CHARTA_STATS_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/stats.h"
#include "ui/view.h"

enum sv_mode {
	SV_TERMS,		/* :stats TERM... */
	SV_KEYNESS,		/* :keyness REF REF */
};

enum sv_row_kind {
	SV_BLANK,
	SV_HEADING,		/* a: term; its total */
	SV_COUNT_HEAD,		/* the table's column names */
	SV_COUNT,		/* a: term, b: document or part */
	SV_COUNT_TOTAL,		/* a: term */
	SV_DISP_HEAD,		/* a: term */
	SV_DISP,		/* a: term, b: document: the strip */
	SV_DISP_LABELS,		/* a: term, b: document: chapter labels */
	SV_COLL_HEAD,		/* a: term */
	SV_COLL_COLS,
	SV_COLL,		/* a: term, b: collocate */
	SV_KEY_HEAD,
	SV_KEY_COLS,
	SV_KEY,			/* b: key word */
	SV_NOTE,		/* a: which note (enum sv_note) */
};

enum sv_note {
	SV_NOTE_NO_COLLOCATE,
	SV_NOTE_NO_KEY,
	SV_NOTE_STOPWORDS,	/* the stop word list could not be read */
	SV_NOTE_COUNTING,	/* the collocates are still being counted */
};

struct sv_row {
	enum sv_row_kind	kind;
	uint32_t		a;
	uint32_t		b;
};

struct stats_view {
	struct app		*app;
	enum sv_mode		 mode;
	char			*what;		/* the arguments, for the title */
	struct stats_term	*terms;
	size_t			 nterms;
	struct stats_counts	 counts;	/* SV_TERMS */
	bool			 by_part;	/* per chapter */
	struct stats_collocates	*colls;		/* one per term */
	struct stats_vocab	 stop;		/* the stop words */
	struct stats_keyness	 key;		/* SV_KEYNESS */
	char			*stop_err;	/* why there are no stop words */
	struct sv_row		*rows;
	size_t			 nrows;
	size_t			 cap;
	size_t			 top;
	size_t			 namew;		/* the first column's width */
};

/* Draw the view (stats-draw.c). */
void	 sv_draw(struct view *);
/* Its status line (stats-draw.c). */
void	 sv_status(struct view *, struct view_status *);
/* The name of row b of the counts (a document, or a chapter), new. */
char	*sv_count_name(const struct stats_view *, size_t b);

#endif /* CHARTA_STATS_VIEW_H */
