/*
 * reader.h -- the bottom view: the outline of the documents and the text
 * of the selected part, side by side from APP_SPLIT_COLS columns, one at
 * a time below.  Shared by the reader's files (reader.c: keys and layout;
 * reader-draw.c: drawing; reader-filter.c: the filter's matches in the
 * outline).
 */
#ifndef CHARTA_READER_H
#define CHARTA_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "index/index.h"
#include "ui/outline.h"
#include "ui/textview.h"
#include "ui/view.h"

struct cite_links;

/* From this width on, outline and text are side by side. */
#define READER_SPLIT_COLS	90

enum reader_focus {
	READER_OUTLINE,
	READER_TEXT,
};

struct reader {
	struct app		*app;
	const struct corpus	*c;
	struct outline		 ol;
	struct textview		 tv;
	uint32_t		 anchor_node;	/* the text kept at the top: */
	uint32_t		 anchor_off;	/* a node, a byte in its text */
	enum reader_focus	 focus;
	bool			 split;		/* both panes shown */
	struct view_rect	 outline_rect;
	struct view_rect	 text_rect;

	/* The filter's matches (reader-filter.c). */
	const struct query	*query;		/* the one searched for */
	unsigned long		 query_gen;
	struct index_result	 res;
	bool			 kept;		/* Enter kept the filter */
	bool			 searching;	/* waiting for the index */
	uint32_t		 saved_sel;	/* restored by Esc */
	size_t			 saved_text_top;
	size_t			 saved_outline_top;

	struct cite_links	*links;		/* see also (reader-links.c) */
};

extern const struct view_ops	reader_ops;

/* A new reader of the app's corpus, at node start (CORPUS_NONE: top). */
struct reader	*reader_new(struct app *, uint32_t start);

/* Select node n and show it in the text pane. */
void	reader_select(struct reader *, uint32_t n);
/* Make the text pane show the selection (keeping the place on rewrap). */
void	reader_sync_text(struct reader *);
/* Lay out the panes for the screen's size and the focus. */
void	reader_layout(struct reader *);

/* Draw the reader (reader-draw.c). */
void	reader_draw(struct view *);
/* The reader's status line (reader-draw.c). */
void	reader_status(struct view *, struct view_status *);

/*
 * The node the title line names and the yank keys cite: the selection,
 * or once its text is scrolled, the paragraph at the top (reader-draw.c).
 */
uint32_t reader_top_node(const struct reader *);
/* Node n's reference as the reader shows it (mfa:IV.5.p2), a new string. */
char	*reader_ref(const struct corpus *, uint32_t n);

/* The yank keys: copy the top node's citation, or passage (reader-yank.c). */
void	reader_yank(struct reader *, bool with_text);

/*
 * See also (reader-links.c): set up and free the links' index and the
 * lines under linked text; the outline's marker of a linked row (drawn at
 * the right end of the row, *avail shrunk to keep the text clear of it);
 * following a link of the top node, or comparing it with one.
 */
void	reader_links_init(struct reader *);
void	reader_links_free(struct reader *);
void	reader_links_mark(struct reader *, int y, size_t x, size_t *avail,
	    uint32_t n);
void	reader_links_follow(struct reader *, bool compare);

/* The filter (reader-filter.c): the view op, n/N, and dropping it. */
void	reader_filter(struct view *, enum view_filter);
void	reader_filter_idle(struct view *);
void	reader_filter_resume(struct view *);
void	reader_next_hit(struct reader *, bool forward);
void	reader_filter_drop(struct reader *);

#endif /* CHARTA_READER_H */
