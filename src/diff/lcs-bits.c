/*
 * lcs-bits.c -- the bit-parallel word diff for pieces of a diff_compute()
 * small enough to hold every row (see lcs-private.h; lcs.c says when it is
 * chosen over the Myers search).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/lcs-private.h"
#include "util/xmalloc.h"

/* The number of bits set in x. */
static size_t
lcs_popcount(uint64_t x)
{
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) +
	    ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (size_t)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* The number of 0 bits among bits 0..i-1 of row. */
static size_t
lcs_zeros(const uint64_t *row, size_t i)
{
	size_t	q, ones = 0;

	for (q = 0; q < i / 64; q++)
		ones += lcs_popcount(row[q]);
	if (i % 64 != 0)
		ones += lcs_popcount(row[q] & ((UINT64_C(1) << (i % 64)) - 1));
	return i - ones;
}

/*
 * Mark a longest common subsequence of a[a0..a1) and b[b0..b1), at most
 * LCS_BITS_CELLS cells, by the bit-parallel LCS of Crochemore et al.
 * ("A fast and practical bit-vector algorithm for the longest common
 * subsequence problem", 2001; H. Hyyrö, "Bit-parallel LCS-length
 * computation revisited", 2004), in time O(n m / 64) whatever the edit
 * distance, where Myers would take O((n + m) D) with a mispredicted
 * branch per step.
 *
 * Call X the longer side (one bit per word) and Y the shorter.  Row j is
 * a vector V of |X| bits: bit i is 0 where the LCS of X[0..i] and Y[0..j)
 * is one longer than that of X[0..i), so that the LCS of X[0..i) and
 * Y[0..j) is the number of 0 bits below i.  With M the bits of X equal to
 * Y[j], the next row is (V + (V & M)) | (V & ~M), with carries across
 * words.  Every row is kept -- (|Y| + 1) * |X| / 64 words, bounded by the
 * cell limit -- and the walk back from the end takes a match wherever
 * there is one and otherwise steps to the neighbour with the same LCS.
 */
void
lcs_bits(struct lcs *c, size_t a0, size_t a1, size_t b0, size_t b1)
{
	const size_t	*X, *Y;
	uint64_t	*mask, *rows, *v, *w, *mk, u, sum, carry, t, bit;
	size_t		 nx, ny, nw, k, i, j, q, cur, up;
	bool		 swap;

	swap = b1 - b0 > a1 - a0;
	X = swap ? c->b + b0 : c->a + a0;
	nx = swap ? b1 - b0 : a1 - a0;
	Y = swap ? c->a + a0 : c->b + b0;
	ny = swap ? a1 - a0 : b1 - b0;
	nw = (nx + 63) / 64;

	/* A mask of X's bits per distinct word of Y; cnt_a numbers them. */
	k = 0;
	for (j = 0; j < ny; j++) {
		if (c->cnt_a[Y[j]] == 0)
			c->cnt_a[Y[j]] = ++k;
	}
	mask = xcalloc(k * nw, sizeof *mask);
	for (i = 0; i < nx; i++) {
		if ((q = c->cnt_a[X[i]]) != 0)
			mask[(q - 1) * nw + i / 64] |= UINT64_C(1) << (i % 64);
	}

	rows = xreallocarray(NULL, (ny + 1) * nw, sizeof *rows);
	memset(rows, 0xff, nw * sizeof *rows);
	for (j = 1; j <= ny; j++) {
		v = rows + (j - 1) * nw;
		w = v + nw;
		mk = mask + (c->cnt_a[Y[j - 1]] - 1) * nw;
		carry = 0;
		for (q = 0; q < nw; q++) {
			u = v[q] & mk[q];
			sum = v[q] + u;
			t = sum < u;
			sum += carry;
			carry = t | (sum < carry);
			w[q] = sum | (v[q] & ~mk[q]);
		}
	}
	for (j = 0; j < ny; j++)
		c->cnt_a[Y[j]] = 0;
	free(mask);

	/*
	 * Walk back from (nx, ny) keeping cur, the LCS of X[0..i) and
	 * Y[0..j), and up, that of X[0..i) and Y[0..j-1): a step left costs
	 * two bit tests, a step up a count of the row's zeros.
	 */
	i = nx;
	j = ny;
	cur = lcs_zeros(rows + j * nw, i);
	up = lcs_zeros(rows + (j - 1) * nw, i);
	while (i > 0 && j > 0) {
		if (X[i - 1] == Y[j - 1]) {
			if (swap)
				lcs_mark(c, a0 + j - 1, b0 + i - 1);
			else
				lcs_mark(c, a0 + i - 1, b0 + j - 1);
			i--;
			j--;
		} else if (up == cur)
			j--;
		else {
			i--;
			bit = UINT64_C(1) << (i % 64);
			cur -= (rows[j * nw + i / 64] & bit) == 0;
			up -= (rows[(j - 1) * nw + i / 64] & bit) == 0;
			continue;
		}
		if (j > 0) {
			cur = lcs_zeros(rows + j * nw, i);
			up = lcs_zeros(rows + (j - 1) * nw, i);
		}
	}
	free(rows);
}
