/*
 * align.c -- lining up the paragraphs of two translations (diff_align()):
 * which paragraph of one corresponds to which of the other, which exist
 * on one side only, and which one side split in two.
 *
 * Algorithm.  Dynamic programming over the grid of (i, j), "the first i
 * paragraphs of a and the first j of b are aligned", maximising the sum
 * of the groups' scores, in permille:
 *
 *	1-1	similarity of the two paragraphs		0..1000
 *	1-0, 0-1	-ALIGN_GAP
 *	1-2, 2-1	similarity of the one paragraph with the other two
 *			taken together, - ALIGN_SPLIT
 *
 * Two unrelated paragraphs side by side (score about 0) thus beat each
 * standing alone (-2 * ALIGN_GAP): a gap has to buy a better match
 * elsewhere.  A split costs more than a gap, so a paragraph is only taken
 * for split when the two halves together match it clearly better than the
 * first half alone does.  Ties go to 1-1, then gaps, then splits.
 *
 * The similarity is the Dice coefficient of the paragraphs' multisets of
 * word keys (2 * shared words / all words), not the LCS of diff_compute():
 * word order barely matters for telling which paragraph is which, and a
 * merge of two sorted arrays of key hashes is much cheaper than a diff.
 * Two paragraphs without words are alike (1000).
 *
 * The grid is only filled in a band around its diagonal from (0, 0) to
 * (na, nb), where |i * nb - j * na| <= W * max(na, nb): W paragraphs either
 * side of the diagonal, measured along the longer side, which keeps the
 * band connected whatever the shapes.  W is at least ALIGN_BAND and grows
 * to |na - nb| + ALIGN_BAND (paragraphs missing from one end push the
 * alignment that far off the diagonal) as long as the band stays within
 * about ALIGN_CELLS cells.  Time and memory are O(W * max(na, nb)) cells,
 * each a few merges of two paragraphs' hashes.
 *
 * Fast path: equal counts and every diagonal pair at least ALIGN_FAST
 * similar is the diagonal; no gap or split could beat that by enough to
 * be believed.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "util/xmalloc.h"

#define ALIGN_BAND	20		/* least half-width of the band */
#define ALIGN_CELLS	(1 << 18)	/* cells the band may grow to */
#define ALIGN_GAP	100		/* cost of a 1-0 or 0-1 group */
#define ALIGN_SPLIT	150		/* cost of a 1-2 or 2-1 group */
#define ALIGN_FAST	500		/* diagonal similarity for fast path */

#define ALIGN_NONE	INT64_MIN	/* score of a cell not reached */

/* Every paragraph's sorted key hashes: a's are 0..na-1, b's na.. after. */
struct align_bags {
	uint64_t	*h;
	size_t		*start;		/* paragraph p: h[start[p]..start[p+1]) */
};

/* The band: row i holds columns lo[i]..hi[i], cells row[i] on. */
struct align_band {
	size_t		*lo;
	size_t		*hi;
	size_t		*row;
	size_t		 cells;
};

static int
align_cmp_hash(const void *p, const void *q)
{
	uint64_t	x = *(const uint64_t *)p, y = *(const uint64_t *)q;

	return x < y ? -1 : x > y;
}

static void
align_bags_build(struct align_bags *g, const char *const *a,
    const size_t *alen, size_t na, const char *const *b, const size_t *blen,
    size_t nb)
{
	struct diff_words	 w;
	size_t			 p, len, cap, total;

	g->start = xreallocarray(NULL, na + nb + 1, sizeof *g->start);
	g->h = NULL;
	cap = total = 0;
	for (p = 0; p < na + nb; p++) {
		if (p < na)
			diff_words_split(a[p], alen[p], &w);
		else
			diff_words_split(b[p - na], blen[p - na], &w);
		g->start[p] = total;
		if (total + w.n > cap) {
			cap = (total + w.n) * 2;
			g->h = xreallocarray(g->h, cap, sizeof *g->h);
		}
		len = w.n;
		if (len != 0) {
			memcpy(g->h + total, w.khash, len * sizeof *g->h);
			qsort(g->h + total, len, sizeof *g->h, align_cmp_hash);
		}
		total += len;
		diff_words_free(&w);
	}
	g->start[na + nb] = total;
}

/*
 * Similarity in permille of paragraph x with paragraphs y1 and y2 taken
 * together (y2 == SIZE_MAX for y1 alone): the Dice coefficient of their
 * multisets of keys, computed by merging the sorted hashes.
 */
static int
align_sim(const struct align_bags *g, size_t x, size_t y1, size_t y2)
{
	const uint64_t	*X = g->h + g->start[x], *Y1 = g->h + g->start[y1];
	const uint64_t	*Y2 = NULL;
	size_t		 nx, n1, n2 = 0, i = 0, j1 = 0, j2 = 0, common = 0;
	size_t		 total;
	uint64_t	 v;
	bool		 first;

	nx = g->start[x + 1] - g->start[x];
	n1 = g->start[y1 + 1] - g->start[y1];
	if (y2 != SIZE_MAX) {
		Y2 = g->h + g->start[y2];
		n2 = g->start[y2 + 1] - g->start[y2];
	}
	total = nx + n1 + n2;
	if (total == 0)
		return 1000;
	while (i < nx && (j1 < n1 || j2 < n2)) {
		/* The smaller head of Y1 and Y2 is the next of their union. */
		first = j2 >= n2 || (j1 < n1 && Y1[j1] <= Y2[j2]);
		v = first ? Y1[j1] : Y2[j2];
		if (X[i] < v)
			i++;
		else {
			if (X[i] == v) {
				common++;
				i++;
			}
			if (first)
				j1++;
			else
				j2++;
		}
	}
	return (int)((2000 * common + total / 2) / total);
}

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

/* Score of the group of move m that ends at (i, j). */
static int64_t
align_score(const struct align_bags *g, size_t na, size_t m, size_t i,
    size_t j)
{
	switch (m) {
	case 0:
		return align_sim(g, i - 1, na + j - 1, SIZE_MAX);
	case 1:
	case 2:
		return -ALIGN_GAP;
	case 3:
		return align_sim(g, i - 1, na + j - 2, na + j - 1) -
		    ALIGN_SPLIT;
	default:
		return align_sim(g, na + j - 1, i - 2, i - 1) - ALIGN_SPLIT;
	}
}

/* The dynamic programming over the band, for na, nb > 0. */
static size_t
align_dp(const struct align_bags *g, size_t na, size_t nb,
    struct diff_group *out)
{
	struct align_band	 band;
	struct diff_group	 swap;
	int64_t			*score, s, best;
	uint8_t			*move;
	size_t			 i, j, k, m, c, src, bestm, n;

	align_band_build(&band, na, nb);
	score = xreallocarray(NULL, band.cells, sizeof *score);
	move = xmalloc(band.cells);
	for (i = 0; i <= na; i++) {
		for (j = band.lo[i]; j <= band.hi[i]; j++) {
			c = align_cell(&band, i, j);
			if (i == 0 && j == 0) {
				score[c] = 0;
				move[c] = 0;
				continue;
			}
			best = ALIGN_NONE;
			bestm = 0;
			for (m = 0; m < ALIGN_NMOVES; m++) {
				if (i < align_moves[m].da ||
				    j < align_moves[m].db)
					continue;
				src = align_cell(&band, i - align_moves[m].da,
				    j - align_moves[m].db);
				if (src == SIZE_MAX || score[src] == ALIGN_NONE)
					continue;
				s = score[src] + align_score(g, na, m, i, j);
				if (best == ALIGN_NONE || s > best) {
					best = s;
					bestm = m;
				}
			}
			score[c] = best;
			move[c] = (uint8_t)bestm;
		}
	}

	/* Walk back from (na, nb); the band always connects it to (0, 0). */
	n = 0;
	i = na;
	j = nb;
	while (i > 0 || j > 0) {
		m = move[align_cell(&band, i, j)];
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

	free(move);
	free(score);
	align_band_free(&band);
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
	free(g.h);
	free(g.start);
	*groups = out;
	return n;
}
