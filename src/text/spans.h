/*
 * spans.h -- text with highlighted spans, and its renderers: the one way
 * charta shows a string with parts marked in it (the filter's matches,
 * the words a comparison finds on one side only, links, notes, and the
 * placeholders of the sanitizer) on every target: plain text, ANSI colour
 * (here), and curses windows (ui/spans-curses.c).
 *
 * Use: text_spans_init() sanitizes the source string once, for one mode,
 * and records where the placeholders it put in are; text_spans_add() adds
 * spans given in offsets of the source string, which it carries through
 * the sanitizing; text_spans_wrap() breaks the display string into lines
 * for a target, and text_spans_render() (or spans_curses_draw()) draws a
 * line.  Nothing from the source reaches a target but the display string.
 *
 * Ownership: struct text_spans owns its display string, its map and its
 * spans; text_spans_free() frees them.  Allocation failure is fatal.
 */
#ifndef CHARTA_SPANS_H
#define CHARTA_SPANS_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"

/*
 * The kinds of span, in order of precedence: where spans overlap, a target
 * that can show only one (a colour) shows the first kind in this list.
 * X(NAME, SGR parameters for ANSI colour, plain text opening and closing
 * markers).  Only DEL and INS have markers: a plain target shows the rest
 * as the text alone.
 */
#define TEXT_SPAN_TABLE(X)						\
	X(PLACEHOLDER,	"7",	"",	"")	/* put in by the sanitizer */ \
	X(HIT,		"1;31",	"",	"")	/* a match of the query */ \
	X(DEL,		"1;31",	"[-",	"-]")	/* words only the left has */ \
	X(INS,		"1;32",	"{+",	"+}")	/* words only the right has */ \
	X(NOTE,		"4;33",	"",	"")	/* a passage with a note */ \
	X(LINK,		"4;36",	"",	"")	/* the text of a link */

enum text_span_kind {
#define TEXT_SPAN_ENUM(k, sgr, open, close)	TEXT_SPAN_##k,
	TEXT_SPAN_TABLE(TEXT_SPAN_ENUM)
#undef TEXT_SPAN_ENUM
	TEXT_SPAN__COUNT
};

/* A set of kinds, as a mask of (1u << kind). */
#define TEXT_SPAN_BIT(k)	(1u << (k))
#define TEXT_SPAN_ALL		((1u << TEXT_SPAN__COUNT) - 1)

/* Where the display string goes: what a span costs in columns. */
enum text_target {
	TEXT_TARGET_PLAIN,	/* no colour: DEL and INS between markers */
	TEXT_TARGET_COLOR	/* ANSI SGR or curses attributes: spans take
				   no room of their own */
};

/* How text_spans_init() treats line feeds. */
#define TEXT_SPANS_ONE_LINE	0x1	/* each LF shown as a space */

struct text_spans {
	char			*s;		/* the display string */
	size_t			 len;
	size_t			*map;		/* source offset -> s offset */
	size_t			 srclen;
	/* Per kind: sorted, disjoint, never adjacent display ranges. */
	struct text_range	*v[TEXT_SPAN__COUNT];
	size_t			 n[TEXT_SPAN__COUNT];
	size_t			 cap[TEXT_SPAN__COUNT];
};

/*
 * Make ts the display form of the source src[0..n): text_sanitize() in
 * mode (ascii_only as there), with a PLACEHOLDER span over each
 * placeholder it put in, and LFs shown as spaces if flags has
 * TEXT_SPANS_ONE_LINE.
 */
void	 text_spans_init(struct text_spans *ts, const char *src, size_t n,
	    enum text_mode mode, bool ascii_only, int flags);

/* Free what ts holds (a zeroed or freed ts is fine) and zero it. */
void	 text_spans_free(struct text_spans *ts);

/*
 * Mark the source bytes [start, end) of the string ts was made from as a
 * span of kind (offsets past the end are clipped; an offset inside a
 * character counts as that character's start).  Spans of one kind that
 * overlap or touch are merged.  Spans from anything computed on the source
 * (query_spans, compare_words, note and link anchors) go in here; never
 * offsets computed on ts->s.
 */
void	 text_spans_add(struct text_spans *ts, enum text_span_kind kind,
	    size_t start, size_t end);

/* Drop every span of kind (to add new ones, as when the query changes). */
void	 text_spans_clear(struct text_spans *ts, enum text_span_kind kind);

/*
 * The run of the display string from offset pos (< lim) over which the
 * set of spans does not change: returns where it ends (at most lim) and
 * stores in *kinds the mask of the kinds of span that cover it.
 */
size_t	 text_spans_run(const struct text_spans *ts, size_t pos, size_t lim,
	    unsigned *kinds);

/*
 * The kind a one-colour target shows for the mask kinds (the first in
 * TEXT_SPAN_TABLE), or TEXT_SPAN__COUNT if kinds is 0.
 */
enum text_span_kind text_spans_top(unsigned kinds);

/*
 * Break the display string into lines of cols columns as text_wrap()
 * does (placeholders, abbreviations and URLs whole), room left for the
 * target's markers: for TEXT_TARGET_PLAIN a line that shows part of a DEL
 * or INS span carries its markers, and the line with them fits in cols.
 * Returns the number of lines and a malloc'ed array in *lines (offsets
 * into ts->s; widths of the text without markers), as text_wrap().
 */
size_t	 text_spans_wrap(const struct text_spans *ts, size_t cols,
	    enum text_target target, struct text_line **lines);

/*
 * The columns ts->s[off..off+len) takes when rendered for target: its
 * width plus any markers.
 */
size_t	 text_spans_width(const struct text_spans *ts, size_t off,
	    size_t len, enum text_target target);

/*
 * Append ts->s[off..off+len) rendered for target to out: for
 * TEXT_TARGET_PLAIN each part of a DEL or INS span between its markers
 * ("[-old-]", "{+new+}"), opened again at off if the span began before;
 * for TEXT_TARGET_COLOR each run of a span in its kind's SGR colour, reset
 * at its end.  A line rendered alone is complete: no marker or colour is
 * left open after it.  The range should not hold a LF (lines from
 * text_spans_wrap never do).
 */
void	 text_spans_render(struct text_buf *out, const struct text_spans *ts,
	    size_t off, size_t len, enum text_target target);

#endif /* CHARTA_SPANS_H */
