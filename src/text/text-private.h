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
