/*
 * find.h -- finding a folded word or phrase in folded text, fast.
 *
 * A search for a term looks at two of its bytes, the two that are rarest in
 * English text, and checks where both are in place at once, sixteen
 * positions at a time (SSE2 where the compiler targets it, memmem
 * elsewhere); only those positions are compared in full.  Unlike memmem,
 * it needs no set-up per call: a term is prepared once per query and then
 * searched for in hundreds of thousands of short texts.
 */
#ifndef CHARTA_FIND_H
#define CHARTA_FIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A term to find, prepared by find_prepare. */
struct find_term {
	const char	*s;
	size_t		 len;
	size_t		 rare1;		/* offsets of the two rarest bytes */
	size_t		 rare2;
	uint32_t	 letters;	/* find_letters of the term */
};

/*
 * Which letters a-z (bits 0 to 25, either case), and whether digits (bit
 * 26) and blanks (bit 27: a space or a line break) occur in s[0..n).
 * Text can hold a term only if it has all of the term's: a node's set,
 * kept by the index, rules most nodes out of a search for a rare letter
 * without reading them, and decides a one-letter search alone.
 */
uint32_t	 find_letters(const char *s, size_t n);

/* Prepare s[0..len) (len > 0; s must outlive t) for find_in. */
void		 find_prepare(struct find_term *t, const char *s, size_t len);

/*
 * The first occurrence of t in hay[0..n), or NULL.  Returns the same as
 * memmem(hay, n, t->s, t->len).
 */
const char	*find_in(const char *hay, size_t n, const struct find_term *t);

/*
 * As find_in, but in "plain" text: text that index folding changes only by
 * lowering A-Z and turning line breaks into spaces, byte for byte (see
 * find_plain_folds_to).  Finds t where it is in the folded text, without
 * the folded copy.
 */
const char	*find_in_plain(const char *hay, size_t n,
		    const struct find_term *t);

/*
 * True if folded[0..n) is s[0..n) with A-Z lowered and line breaks made
 * spaces, and nothing else changed: then s is plain, and find_in_plain
 * finds in s what find_in finds in folded.
 */
bool		 find_plain_folds_to(const char *s, const char *folded,
		    size_t n);

#endif /* CHARTA_FIND_H */
