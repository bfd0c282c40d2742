/*
 * spans-draw.h -- the curses target of highlighted text: a display string
 * (sanitized once, here) with spans that are drawn in their own attribute
 * (a match of the filter, a word found on one side of a comparison).
 * Every view draws highlighted text through these, so that sanitizing and
 * line breaks are handled in one place.
 */
#ifndef CHARTA_SPANS_DRAW_H
#define CHARTA_SPANS_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

struct query;

enum span_kind {
	SPAN_HIT,		/* a match of the filter's query */
	SPAN_DIFF,		/* a word found on this side only */
};

struct span {
	size_t		start;
	size_t		end;
	enum span_kind	kind;
};

struct spans {
	char		*text;		/* sanitized, NUL-terminated */
	size_t		 len;
	bool		 owned;		/* text is ours to free */
	struct span	*v;		/* sorted by start */
	size_t		 n;
	size_t		 cap;
};

/*
 * Sanitize s[0..n) for the screen (line breaks become spaces) into sp,
 * with no spans yet.  ascii: the ASCII-only display.
 */
void	spans_init(struct spans *sp, const char *s, size_t n, bool ascii);
/* Use text, already sanitized, as it is (not copied: keep it alive). */
void	spans_init_clean(struct spans *sp, const char *text);
/* Free what sp holds (the struct may be initialised again). */
void	spans_free(struct spans *sp);

/* Mark q's matches in the text (nothing if q is NULL). */
void	spans_add_query(struct spans *sp, const struct query *q);
/* Mark [start, end) as kind. */
void	spans_add(struct spans *sp, size_t start, size_t end,
	    enum span_kind kind);

/*
 * Draw text[start..end) at (y, x) within width columns in attr, spans in
 * theirs (a match over a difference).  Returns the columns used.
 */
size_t	spans_put_range(const struct spans *sp, int y, int x, size_t start,
	    size_t end, size_t width, attr_t attr);
/* The same for the whole text, as one line. */
size_t	spans_put_line(const struct spans *sp, int y, int x, size_t width,
	    attr_t attr);

/*
 * Data text s (any bytes) on one line: sanitized, cut to width with an
 * ellipsis when it does not fit.  Returns the columns used.
 */
size_t	spans_put_cut(int y, int x, const char *s, size_t width,
	    attr_t attr);
/* The same without the ellipsis, for s[0..n). */
size_t	spans_put_plain(int y, int x, const char *s, size_t n, size_t width,
	    attr_t attr);
/* Display width of data text s[0..n) once sanitized. */
size_t	spans_width(const char *s, size_t n);

#endif /* CHARTA_SPANS_DRAW_H */
