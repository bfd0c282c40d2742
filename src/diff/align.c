/*
 * align.c -- lining up the paragraphs of two translations (diff_align()):
 * which paragraph of one corresponds to which of the other, which exist
 * on one side only, and which one side split in two.
 *
 * Algorithm.  Dynamic programming over the grid of (i, j), "the first i
 * paragraphs of a and the first j of b are aligned", maximising the sum
 * of the groups' scores, in permille:
 *
 *	1-1		similarity of the two paragraphs (0..1000)
 *	1-0, 0-1	-ALIGN_GAP
 *	1-2, 2-1	similarity of the one paragraph with the other two
 *			taken together, - ALIGN_SPLIT
 *
 * Two unrelated paragraphs side by side (score about 0) thus beat each
 * standing alone (-2 * ALIGN_GAP): a gap has to buy a better match
 * elsewhere, and sequences with nothing in common come out side by side.
 * A split costs more than a gap, so a paragraph is only taken for split
 * when the two halves together match it clearly better than the first
 * half alone does.  Ties go to 1-1, then gaps, then splits.
 *
 * The similarity is not the LCS of diff_compute() but a weighted Dice
 * coefficient of the paragraphs' multisets of word keys: 2 * the weight
 * of the words they share / the weight of all their words, each word
 * weighing more the fewer paragraphs it occurs in (align_bags_weigh()).
 * Word order barely matters for telling which paragraph is which; the
 * weights stop "the" and "of" from making every two paragraphs look
 * alike; and the shared weight of a paragraph of a with every paragraph
 * of b in its row of the band comes out of one walk over the postings of
 * its words (align_row_common()), not a diff or a merge per pair.  Two
 * paragraphs without words are alike (1000).
 *
 * The grid is only filled in a band around its diagonal from (0, 0) to
 * (na, nb), where |i * nb - j * na| <= W * max(na, nb): W paragraphs either
 * side of the diagonal, measured along the longer side, which keeps the
 * band connected whatever the shapes.  W is at least ALIGN_BAND and grows
 * to |na - nb| + ALIGN_BAND (paragraphs missing from one end push the
 * alignment that far off the diagonal) as long as the band stays within
 * about ALIGN_CELLS cells.  So the work is O(W * max(na, nb)) cells, and
 * memory linear in the cells and the words: two texts of 3,000 paragraphs
 * of 100 words align in about a tenth of a second, most of it splitting
 * the words.
 *
 * Fast path: with equal counts and every diagonal pair at least
 * ALIGN_FAST similar, the alignment is the diagonal without a search:
 * paragraphs that alike are each other's counterparts.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/align-private.h"
#include "diff/diff.h"
#include "util/xmalloc.h"

#define ALIGN_BAND	20		/* least half-width of the band */
#define ALIGN_CELLS	(1 << 17)	/* cells the band may grow to */
#define ALIGN_GAP	100		/* cost of a 1-0 or 0-1 group */
#define ALIGN_SPLIT	150		/* cost of a 1-2 or 2-1 group */
#define ALIGN_FAST	500		/* diagonal similarity for fast path */

#define ALIGN_NONE	INT64_MIN	/* score of a cell not reached */

/* The band: row i holds columns lo[i]..hi[i], cells row[i] on. */
struct align_band {
	size_t		*lo;
	size_t		*hi;
	size_t		*row;
	size_t		 cells;
};

/* Build the band for na, nb > 0; see the top of the file. */
static void
align_band_build(struct align_band *band, size_t na, size_t nb)
{
	size_t		L = na > nb ? na : nb, diff, w, cap, i;
	int64_t		t, reach;

	diff = na > nb ? na - nb : nb - na;
	w = diff + ALIGN_BAND;
	cap = ALIGN_CELLS / (2 * L + 1);
	if (cap < ALIGN_BAND)
		cap = ALIGN_BAND;
	if (w > cap)
		w = cap;
	if (w > L)
		w = L;
	reach = (int64_t)w * (int64_t)L;

	band->lo = xreallocarray(NULL, na + 1, sizeof *band->lo);
	band->hi = xreallocarray(NULL, na + 1, sizeof *band->hi);
	band->row = xreallocarray(NULL, na + 1, sizeof *band->row);
	band->cells = 0;
	for (i = 0; i <= na; i++) {
		/* lo = ceil((i * nb - reach) / na), hi = floor(... + reach). */
		t = (int64_t)i * (int64_t)nb - reach;
		band->lo[i] = t <= 0 ? 0 : (size_t)((t + (int64_t)na - 1) /
		    (int64_t)na);
		t = (int64_t)i * (int64_t)nb + reach;
		band->hi[i] = (size_t)(t / (int64_t)na);
		if (band->hi[i] > nb)
			band->hi[i] = nb;
		band->row[i] = band->cells;
		band->cells += band->hi[i] - band->lo[i] + 1;
	}
}

static void
align_band_free(struct align_band *band)
{
	free(band->lo);
	free(band->hi);
	free(band->row);
}

/* Cell (i, j) of the band, or SIZE_MAX if outside it. */
static size_t
align_cell(const struct align_band *band, size_t i, size_t j)
{
	if (j < band->lo[i] || j > band->hi[i])
		return SIZE_MAX;
	return band->row[i] + (j - band->lo[i]);
}

/* Append group (a_start, a_count, b_start, b_count). */
static void
align_add(struct diff_group *v, size_t *n, size_t as, size_t ac, size_t bs,
    size_t bc)
{
	v[*n].a_start = as;
	v[*n].a_count = ac;
	v[*n].b_start = bs;
	v[*n].b_count = bc;
	(*n)++;
}


/* The moves, in order of preference on equal scores. */
static const struct {
	size_t	da;
	size_t	db;
} align_moves[] = {
	{ 1, 1 }, { 1, 0 }, { 0, 1 }, { 1, 2 }, { 2, 1 }
};
#define ALIGN_NMOVES	(sizeof align_moves / sizeof align_moves[0])

/* The state of the dynamic programming. */
struct align_dp {
	const struct align_bags	*g;
	size_t			 na;
	struct align_band	 band;
	int64_t			*score;	/* per cell: best total to reach it */
	uint8_t			*move;	/* per cell: last group of that best */
	uint64_t		*common; /* per cell: weight of its 1-1 pair */
};

/*
 * The score of the group of move m ending at cell c, (i, j), and starting
 * at cell src; or ALIGN_NONE if it is a split that cannot beat best.
 *
 * A split would cost a merge of three paragraphs and rarely wins, so it
 * is first bounded by the weight its two 1-1 pairs share, which is at
 * least what the three share together, and only merged if that bound
 * could beat the best score found for the cell so far.  The result is
 * the same as if every split were merged.
 */
static int64_t
align_group(const struct align_dp *d, size_t m, size_t i, size_t j,
    size_t c, size_t src, int64_t best)
{
	size_t	na = d->na, x, y1, y2, pair;

	switch (m) {
	case 0:
		return align_permille(d->g, d->common[c], i - 1, na + j - 1,
		    SIZE_MAX);
	case 1:
	case 2:
		return -ALIGN_GAP;
	case 3:
		/* 1-2: a[i-1] with b[j-2] and b[j-1]. */
		x = i - 1;
		y1 = na + j - 2;
		y2 = na + j - 1;
		pair = align_cell(&d->band, i, j - 1);
		break;
	default:
		/* 2-1: b[j-1] with a[i-2] and a[i-1]. */
		x = na + j - 1;
		y1 = i - 2;
		y2 = i - 1;
		pair = align_cell(&d->band, i - 1, j);
		break;
	}
	if (pair != SIZE_MAX && best != ALIGN_NONE &&
	    d->score[src] + align_permille(d->g, d->common[pair] +
	    d->common[c], x, y1, y2) - ALIGN_SPLIT <= best)
		return ALIGN_NONE;
	return align_sim(d->g, x, y1, y2) - ALIGN_SPLIT;
}

/* Fill cell c, (i, j), from the cells before it. */
static void
align_fill(struct align_dp *d, size_t i, size_t j, size_t c)
{
	int64_t	best = ALIGN_NONE, s;
	size_t	m, src, bestm = 0;

	for (m = 0; m < ALIGN_NMOVES; m++) {
		if (i < align_moves[m].da || j < align_moves[m].db)
			continue;
		src = align_cell(&d->band, i - align_moves[m].da,
		    j - align_moves[m].db);
		if (src == SIZE_MAX || d->score[src] == ALIGN_NONE)
			continue;
		s = align_group(d, m, i, j, c, src, best);
		if (s == ALIGN_NONE)
			continue;
		s += d->score[src];
		if (best == ALIGN_NONE || s > best) {
			best = s;
			bestm = m;
		}
	}
	d->score[c] = best;
	d->move[c] = (uint8_t)bestm;
}

/*
 * The dynamic programming over the band, for na, nb > 0, row by row.  A
 * row's 1-1 shared weights come from align_row_common() first.  Returns
 * the number of groups stored in out.
 */
static size_t
align_dp(const struct align_bags *g, size_t na, size_t nb,
    struct diff_group *out)
{
	struct align_dp		 d;
	struct align_postings	 pl;
	struct diff_group	 swap;
	uint64_t		*acc;
	size_t			 i, j, k, m, c, n, jlo;

	d.g = g;
	d.na = na;
	align_band_build(&d.band, na, nb);
	align_postings_build(&pl, g, na, nb);
	d.score = xreallocarray(NULL, d.band.cells, sizeof *d.score);
	d.move = xmalloc(d.band.cells);
	d.common = xreallocarray(NULL, d.band.cells, sizeof *d.common);
	acc = xreallocarray(NULL, nb + 1, sizeof *acc);
	for (i = 0; i <= na; i++) {
		/* Cell (i, j) pairs a[i-1] with b[j-1]. */
		jlo = d.band.lo[i] > 0 ? d.band.lo[i] - 1 : 0;
		if (i > 0 && d.band.hi[i] > 0)
			align_row_common(g, &pl, i - 1, jlo,
			    d.band.hi[i] - 1, acc);
		for (j = d.band.lo[i]; j <= d.band.hi[i]; j++) {
			c = align_cell(&d.band, i, j);
			d.common[c] = i > 0 && j > 0 ? acc[j - 1 - jlo] : 0;
			if (i == 0 && j == 0) {
				d.score[c] = 0;
				d.move[c] = 0;
			} else
				align_fill(&d, i, j, c);
		}
	}

	/* Walk back from (na, nb); the band always connects it to (0, 0). */
	n = 0;
	i = na;
	j = nb;
	while (i > 0 || j > 0) {
		m = d.move[align_cell(&d.band, i, j)];
		i -= align_moves[m].da;
		j -= align_moves[m].db;
		align_add(out, &n, i, align_moves[m].da, j,
		    align_moves[m].db);
	}
	for (k = 0; k < n / 2; k++) {
		swap = out[k];
		out[k] = out[n - 1 - k];
		out[n - 1 - k] = swap;
	}

	free(acc);
	free(d.common);
	free(d.move);
	free(d.score);
	align_postings_free(&pl);
	align_band_free(&d.band);
	return n;
}

size_t
diff_align(const char *const *a, const size_t *alen, size_t na,
    const char *const *b, const size_t *blen, size_t nb,
    struct diff_group **groups)
{
	struct align_bags	 g;
	struct diff_group	*out;
	size_t			 n, i;

	*groups = NULL;
	if (na == 0 && nb == 0)
		return 0;
	/* At most one group per paragraph. */
	out = xreallocarray(NULL, na + nb, sizeof *out);
	n = 0;
	if (na == 0 || nb == 0) {
		for (i = 0; i < na; i++)
			align_add(out, &n, i, 1, 0, 0);
		for (i = 0; i < nb; i++)
			align_add(out, &n, 0, 0, i, 1);
		*groups = out;
		return n;
	}

	align_bags_build(&g, a, alen, na, b, blen, nb);
	if (na == nb) {
		for (i = 0; i < na; i++) {
			if (align_sim(&g, i, na + i, SIZE_MAX) < ALIGN_FAST)
				break;
		}
		if (i == na) {
			for (i = 0; i < na; i++)
				align_add(out, &n, i, 1, i, 1);
		}
	}
	if (n == 0)
		n = align_dp(&g, na, nb, out);
	align_bags_free(&g);
	*groups = out;
	return n;
}
