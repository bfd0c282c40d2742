/*
 * text-private.h -- helpers shared by the files of the text module and
 * nothing else: the one UTF-8 decoder, grapheme clusters for cutting, and
 * the out-of-memory exit for memory libunistring failed to allocate.
 */
#ifndef CHARTA_TEXT_PRIVATE_H
#define CHARTA_TEXT_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "text/text.h"

/* What text_utf8_decode() stores for an ill-formed subsequence. */
#define TEXT_BAD	UINT32_C(0xFFFFFFFF)

/*
 * Decode one unit at s[0..n), n > 0.  A well-formed character stores its
 * code point in *uc and returns its length.  Otherwise stores TEXT_BAD and
 * returns the length of the maximal subpart (Unicode 3.9, Table 3-7), at
 * least 1, so that a following valid byte is never swallowed.
 */
size_t	 text_utf8_decode(const unsigned char *s, size_t n, uint32_t *uc);

/*
 * Length in bytes of the grapheme cluster (approximately UAX #29) at the
 * start of s[0..n), n > 0; *width receives its display width.
 */
size_t	 text_cluster(const char *s, size_t n, size_t *width);

/*
 * The length of the placeholder text_sanitize() writes ("^[", "<U+202E>",
 * and in ascii_only mode "\u00e9", "\U0001f600") that s[0..n) starts
 * with, or 0 if none does.  Recognised by its form, so that anything
 * measuring or breaking sanitized text can keep placeholders whole without
 * being handed the marks (the same characters in the source are kept
 * whole too, which does no harm).
 */
size_t	 text_placeholder(const char *s, size_t n);

/*
 * Length in bytes of the unit at the start of s[0..n), n > 0, that is never
 * cut in fitting and wrapping: a placeholder with any marks after it, else
 * a grapheme cluster.  *width receives its display width.
 */
size_t	 text_unit(const char *s, size_t n, size_t *width);

/*
 * The line break opportunities of s[0..n) into p[0..n), one
 * UC_BREAK_* value per byte as u8_possible_linebreaks() gives them, then
 * tailored: no break inside a placeholder, after the full stop of an
 * abbreviation ("U.S.", "e.g.") or inside a URL.
 */
void	 text_linebreaks(const char *s, size_t n, char *p);

/*
 * Two lists of spans drawn with markers around them ("[-" and "-]"), which
 * take room on every line a span is on: cols[i] columns of markers for
 * each part of a span of list i on a line.  Each list is sorted and its
 * ranges are disjoint.
 */
struct text_wrap_marks {
	const struct text_range	*v[2];
	size_t			 n[2];
	size_t			 cols[2];
};

/* How many of the ranges v[0..n) (sorted, disjoint) meet [a, b). */
size_t	 text_range_meet(const struct text_range *v, size_t n, size_t a,
	    size_t b);

/*
 * text_wrap(), counting marks (if not NULL) as part of a line's width: no
 * line is wider than cols with its markers, unless one unit is.  The
 * width of each line in *lines is still that of its text alone.
 */
size_t	 text_wrap_marked(const char *s, size_t n, size_t cols,
	    const struct text_wrap_marks *marks, struct text_line **lines);

/*
 * Append what text_search_fold() makes of the one well-formed non-ASCII
 * character uc, encoded as s[0..len) (search-fold.c).
 */
void	 text_search_fold_char(uint32_t uc, const uint8_t *s, size_t len,
	    struct text_buf *out);

/* Append n copies of byte c. */
void	 text_buf_fill(struct text_buf *, char c, size_t n);

/* A libunistring call failed for lack of memory: exit like xmalloc. */
void	 text_oom(void) __attribute__((noreturn));

#endif /* CHARTA_TEXT_PRIVATE_H */
