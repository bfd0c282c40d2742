/*
 * textview.h -- the text pane: a node and everything under it, sanitized
 * and wrapped to the pane's width, as a list of display lines.
 *
 * Lines point into per-node display strings (struct text_spans, which
 * also carry the highlights) the text view owns; they are rebuilt when the
 * node or the width changes, and only then.
 */
#ifndef CHARTA_TEXTVIEW_H
#define CHARTA_TEXTVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/spans.h"

struct corpus;

/* How a line is drawn. */
enum tv_style {
	TV_BLANK,
	TV_DOCUMENT,		/* the document's title */
	TV_HEADING,		/* a section heading: label, then title */
	TV_META,		/* a line of document metadata */
	TV_PARAGRAPH,
	TV_EPIGRAPH,		/* epigraphs and pull quotes, indented */
	TV_CAPTION,		/* captions, by-lines, sources, signatures */
	TV_TITLE,		/* a title line inside the text */
	TV_NOTE,		/* a note of the user's, under its block */
	TV_UNDER,		/* under a node's text: "see also" */
};

struct tv_line {
	uint32_t	node;
	uint32_t	off;		/* into the node's sanitized string */
	uint32_t	len;
	uint16_t	indent;
	uint16_t	label_len;	/* TV_HEADING: bytes of label at off */
	uint8_t		style;		/* TV_NOTE: off is into the notes */
};

/* One node of the text: its source, and its display with highlights. */
struct tv_node {
	const char		*src;		/* what was sanitized */
	size_t			 srclen;
	char			*owned;		/* src, when the view made it */
	struct text_spans	 ts;		/* display string and spans */
	struct text_spans	 notes;		/* the user's notes on it */
};

/*
 * What the view asks of its owner about the user's notes: the text to
 * show under node n (each note on a line of its own; a new string), or
 * NULL for none.
 */
typedef char	*(*textview_notes_fn)(void *arg, uint32_t n);

struct textview {
	const struct corpus	*c;
	uint32_t		 root;		/* CORPUS_NONE: nothing */
	size_t			 width;
	bool			 ascii;
	bool			 labels;	/* wanted: p1, p2 in a margin */
	textview_notes_fn	 notes;		/* NULL: no notes shown */
	void			*notes_arg;
	unsigned long		 notes_gen;	/* bump when notes change */
	unsigned long		 built_notes_gen;
	bool			 built_labels;	/* as laid out */
	size_t			 margin;	/* its columns (0: none) */
	struct tv_node		*nodes;		/* per node from root */
	uint32_t		 nnodes;
	uint32_t		 built;		/* nodes [root, built) laid out */
	uint32_t		 end;		/* root's subtree's end */
	struct tv_line		*lines;
	size_t			 nlines;
	size_t			 lines_cap;
	size_t			 top;		/* first line shown */
	/* What goes under a node's own text (textview_set_under). */
	char			*(*under)(void *arg, uint32_t node);
	void			*under_arg;
};

/* An empty text view of c; ascii selects the ASCII-only display. */
void	textview_init(struct textview *, const struct corpus *c, bool ascii);
/* Free everything the text view holds. */
void	textview_free(struct textview *);

/*
 * Show node root (and all under it) at width columns, with a margin for
 * the paragraphs' labels if tv->labels is set.  Does nothing if it
 * already shows root that way; otherwise rebuilds and scrolls to the top.
 * Returns true if it rebuilt.  The text is laid out as far as it is asked
 * for: its first lines at once, more by textview_more, textview_scroll and
 * textview_line_of; nlines counts the lines laid out so far, and the text
 * is all laid out when built == end.
 */
bool	textview_set(struct textview *, uint32_t root, size_t width);

/* Lay out until lines lines are, or the whole text ((size_t)-1: all). */
void	textview_more(struct textview *, size_t lines);

/*
 * Lines to show under a node's own text (its heading, or its paragraph):
 * under(arg, node) returns them as a new string (data: it is sanitized
 * here, and freed), or NULL for none.  They are TV_UNDER lines of the
 * node, after its own in its display string.  Set it before the first
 * textview_set.
 */
void	textview_set_under(struct textview *,
	    char *(*under)(void *arg, uint32_t node), void *arg);

/*
 * Node n's text as shown (its spans may be changed: the highlights), or
 * NULL if n is not in the view.
 */
/*
 * The user's notes on node n changed, and nothing else: its note lines
 * are laid out again and the rest kept, the line at the top staying at
 * the top, so that a note added where thousands show costs that node's
 * notes only.  Returns false, changing nothing, when n is not in the text
 * laid out, or the whole text is to be laid out again anyway.
 */
bool		 textview_notes_changed(struct textview *, uint32_t n);
struct tv_node	*textview_node(struct textview *, uint32_t n);

/*
 * The label to show in the margin beside line l ("p2" for IV.5.p2), or
 * NULL: only the first line of a block has one, and only with a margin.
 */
const char *textview_margin_label(const struct textview *, size_t l);

/* The sanitized text of line l (start pointer; length is lines[l].len). */
const char *textview_line_text(const struct textview *, size_t l);

/*
 * Scroll by delta lines, clamped so that a page of height stays full (the
 * lines it shows laid out).
 */
void	textview_scroll(struct textview *, long delta, size_t height);

/* The first line that belongs to node n (laid out), or (size_t)-1. */
size_t	textview_line_of(struct textview *, uint32_t n);

/*
 * The line that shows byte off of node n's text (as in tv_line.off), at
 * whatever width the view has; node n's first line if none does, or
 * (size_t)-1 if n is not shown.
 */
size_t	textview_line_at(struct textview *, uint32_t n, uint32_t off);

#endif /* CHARTA_TEXTVIEW_H */
