/*
 * lcs-private.h -- the state of one word diff, shared by the Myers search
 * and its fallbacks (lcs.c) and the bit-parallel diff (lcs-bits.c).  Not
 * for use outside src/diff.
 */
#ifndef CHARTA_DIFF_LCS_PRIVATE_H
#define CHARTA_DIFF_LCS_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "diff/diff.h"

/* The state of one diff_compute(). */
struct lcs {
	struct diff_result	*r;
	size_t			*a;	/* symbols of a's words that b has */
	size_t			*b;	/* and of b's words that a has */
	size_t			*ia;	/* a[x] is word ia[x] of a */
	size_t			*ib;
	size_t			 n;	/* length of a[] */
	size_t			 m;	/* length of b[] */
	ptrdiff_t		*fd;	/* forward vector, diagonal k at [k] */
	ptrdiff_t		*bd;	/* backward vector */
	size_t			*cnt_a;	/* per symbol scratch, all 0 */
	size_t			*cnt_b;	/* between uses: counts in */
	size_t			*pos_b;	/* lcs_fallback(), cnt_a also mask
					   numbers in lcs_bits() */
	uint64_t		 budget;	/* work left */
};

/* a[x] and b[y] are common: mark both words and count them. */
static inline void
lcs_mark(struct lcs *c, size_t x, size_t y)
{
	c->r->a_same[c->ia[x]] = 1;
	c->r->b_same[c->ib[y]] = 1;
	c->r->common++;
}

/*
 * Mark a longest common subsequence of a[a0..a1) and b[b0..b1), a piece of
 * at most LCS_BITS_CELLS (n * m) cells, exactly, in time O(n m / 64)
 * (lcs-bits.c).  Uses c->cnt_a as scratch and leaves it all 0.
 */
void	lcs_bits(struct lcs *, size_t, size_t, size_t, size_t);

/* Pieces of at most this many cells (n * m) may be diffed bit-parallel. */
#define LCS_BITS_CELLS	(UINT64_C(1) << 20)

#endif
