/*
 * align-bags.c -- every paragraph as a weighted bag of word keys, and the
 * shared weight of two paragraphs, for diff_align() (see align.c for the
 * algorithm and align-private.h for the interface).
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/align-private.h"
#include "diff/diff.h"
#include "util/hash.h"
#include "util/xmalloc.h"

static void
align_swap(uint64_t *x, uint64_t *y)
{
	uint64_t	t = *x;

	*x = *y;
	*y = t;
}

/*
 * Sort v[0..n) in place: quicksort, insertion sort for short runs.  Not
 * qsort(), whose call per comparison made it the slowest part of
 * diff_align().
 */
static void
align_sort(uint64_t *v, size_t n)
{
	uint64_t	pivot, t;
	size_t		i, j;

	while (n > 16) {
		/* Median of three as pivot, then Hoare partition. */
		if (v[n / 2] < v[0])
			align_swap(&v[0], &v[n / 2]);
		if (v[n - 1] < v[0])
			align_swap(&v[0], &v[n - 1]);
		if (v[n - 1] < v[n / 2])
			align_swap(&v[n / 2], &v[n - 1]);
		pivot = v[n / 2];
		i = 0;
		j = n - 1;
		for (;;) {
			while (v[i] < pivot)
				i++;
			while (pivot < v[j])
				j--;
			if (i >= j)
				break;
			align_swap(&v[i], &v[j]);
			i++;
			j--;
		}
		/* Recurse into the smaller side, loop on the larger. */
		if (j + 1 < n - j - 1) {
			align_sort(v, j + 1);
			v += j + 1;
			n -= j + 1;
		} else {
			align_sort(v + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && v[j - 1] > t; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

/*
 * 16 * log2(x) for x >= 1, from the position of the top bit and the next
 * four bits as a straight line: within 0.1 of the truth, enough for a
 * weight, and no libm.
 */
static uint32_t
align_log2x16(uint64_t x)
{
	uint32_t	e = 0;

	while (x >> (e + 1) != 0)
		e++;
	if (e < 4)
		return 16 * e + (uint32_t)(((x << (4 - e)) & 15));
	return 16 * e + (uint32_t)((x >> (e - 4)) & 15);
}

/*
 * Weigh every word by how rare it is across all paragraphs of both sides,
 * 16 * log2(1 + P / df) for P paragraphs, df of them with the word: a
 * word in every paragraph weighs 16, a word in just two paragraphs (a
 * paragraph and its counterpart) of a thousand about 150.  Without this,
 * "the", "of" and "and" -- half of any English text -- make every two
 * paragraphs look a third alike and drown the words that tell paragraphs
 * apart (the idea of tf-idf).  Document frequencies are counted in an
 * open-addressing table of the hashes.
 */
static void
align_bags_weigh(struct align_bags *g, size_t np)
{
	struct hashtab		 t;
	struct hashtab_iter	 it;
	uint64_t		 P = np;
	uint32_t		*df, id;
	size_t			*slot, ne = g->start[np], nid = 0, p, k;

	/* Each distinct hash gets an id, its index in df. */
	hashtab_init(&t, ne);
	df = xcalloc(ne + 1, sizeof *df);
	slot = xreallocarray(NULL, ne + 1, sizeof *slot);
	for (k = 0; k < ne; k++) {
		id = hashtab_first(&t, g->h[k], &it);
		if (id == HASHTAB_NONE) {
			id = (uint32_t)nid++;
			hashtab_add(&t, g->h[k], id);
		}
		df[id]++;
		slot[k] = id;
	}
	hashtab_free(&t);

	g->w = xreallocarray(NULL, ne + 1, sizeof *g->w);
	g->total = xcalloc(np, sizeof *g->total);
	for (p = 0; p < np; p++) {
		for (k = g->start[p]; k < g->start[p + 1]; k++) {
			g->w[k] = align_log2x16(((P + df[slot[k]]) << 16) /
			    df[slot[k]]) - 16 * 16;
			g->total[p] += (uint64_t)g->w[k] * g->n[k];
		}
	}
	g->id = slot;
	g->nid = nid;
	free(df);
}

void
align_bags_build(struct align_bags *g, const char *const *a,
    const size_t *alen, size_t na, const char *const *b, const size_t *blen,
    size_t nb)
{
	struct diff_words	 w;
	size_t			 p, k, cap, total;

	g->start = xreallocarray(NULL, na + nb + 1, sizeof *g->start);
	g->h = NULL;
	g->n = NULL;
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
			g->n = xreallocarray(g->n, cap, sizeof *g->n);
		}
		/* Sort the hashes and squeeze equal ones into counts. */
		align_sort(w.khash, w.n);
		for (k = 0; k < w.n; k++) {
			if (total > g->start[p] &&
			    g->h[total - 1] == w.khash[k] &&
			    g->n[total - 1] < UINT32_MAX) {
				g->n[total - 1]++;
				continue;
			}
			g->h[total] = w.khash[k];
			g->n[total++] = 1;
		}
		diff_words_free(&w);
	}
	/* Never NULL, even without a word: align_common() offsets them. */
	if (g->h == NULL) {
		g->h = xreallocarray(NULL, 1, sizeof *g->h);
		g->n = xreallocarray(NULL, 1, sizeof *g->n);
	}
	g->start[na + nb] = total;
	align_bags_weigh(g, na + nb);
}

void
align_bags_free(struct align_bags *g)
{
	free(g->h);
	free(g->n);
	free(g->w);
	free(g->id);
	free(g->start);
	free(g->total);
}

/*
 * The weight paragraph x shares with paragraphs y1 and y2 taken together
 * (y2 == SIZE_MAX for y1 alone): the weighted size of the intersection of
 * their bags, sum of weight * min(count in x, count in y1 + count in y2),
 * by a merge of the sorted hashes.
 */
uint64_t
align_common(const struct align_bags *g, size_t x, size_t y1, size_t y2)
{
	const uint64_t	*X = g->h + g->start[x], *Y = g->h + g->start[y1];
	const uint64_t	*Z;
	const uint32_t	*NX = g->n + g->start[x], *NY = g->n + g->start[y1];
	const uint32_t	*NZ, *WX = g->w + g->start[x];
	size_t		 nx, ny, nz, i = 0, j = 0, k = 0;
	uint64_t	 v, common = 0, cy;

	nx = g->start[x + 1] - g->start[x];
	ny = g->start[y1 + 1] - g->start[y1];
	if (y2 == SIZE_MAX) {
		while (i < nx && j < ny) {
			if (X[i] < Y[j])
				i++;
			else if (X[i] > Y[j])
				j++;
			else {
				cy = NX[i] < NY[j] ? NX[i] : NY[j];
				common += WX[i] * cy;
				i++;
				j++;
			}
		}
		return common;
	}

	/* Merge x with the union of y1 (Y) and y2 (Z). */
	Z = g->h + g->start[y2];
	NZ = g->n + g->start[y2];
	nz = g->start[y2 + 1] - g->start[y2];
	while (i < nx && (j < ny || k < nz)) {
		if (k == nz || (j < ny && Y[j] < Z[k])) {
			v = Y[j];
			cy = NY[j++];
		} else if (j == ny || Z[k] < Y[j]) {
			v = Z[k];
			cy = NZ[k++];
		} else {
			v = Y[j];
			cy = (uint64_t)NY[j++] + NZ[k++];
		}
		while (i < nx && X[i] < v)
			i++;
		if (i < nx && X[i] == v) {
			common += WX[i] * (NX[i] < cy ? NX[i] : cy);
			i++;
		}
	}
	return common;
}

/*
 * The similarity in permille of paragraph x with paragraphs y1 and y2
 * that share common weight: the weighted Dice coefficient, 2 * common /
 * all weight.  Paragraphs without words are alike.
 */
int
align_permille(const struct align_bags *g, uint64_t common, size_t x,
    size_t y1, size_t y2)
{
	uint64_t	total;

	total = g->total[x] + g->total[y1];
	if (y2 != SIZE_MAX)
		total += g->total[y2];
	if (total == 0) {
		if (g->start[x + 1] == g->start[x] &&
		    g->start[y1 + 1] == g->start[y1] &&
		    (y2 == SIZE_MAX || g->start[y2 + 1] == g->start[y2]))
			return 1000;
		return 0;
	}
	if (common > total / 2)
		common = total / 2;	/* only for the bound in align_dp() */
	return (int)((2000 * common + total / 2) / total);
}

int
align_sim(const struct align_bags *g, size_t x, size_t y1, size_t y2)
{
	return align_permille(g, align_common(g, x, y1, y2), x, y1, y2);
}



void
align_postings_build(struct align_postings *pl, const struct align_bags *g,
    size_t na, size_t nb)
{
	size_t	k, id, p, *next;

	pl->start = xcalloc(g->nid + 1, sizeof *pl->start);
	for (k = g->start[na]; k < g->start[na + nb]; k++)
		pl->start[g->id[k] + 1]++;
	for (id = 0; id < g->nid; id++)
		pl->start[id + 1] += pl->start[id];
	k = g->start[na + nb] - g->start[na];
	pl->j = xreallocarray(NULL, k + 1, sizeof *pl->j);
	pl->n = xreallocarray(NULL, k + 1, sizeof *pl->n);
	next = xreallocarray(NULL, g->nid, sizeof *next);
	memcpy(next, pl->start, g->nid * sizeof *next);
	for (p = 0; p < nb; p++) {
		for (k = g->start[na + p]; k < g->start[na + p + 1]; k++) {
			pl->j[next[g->id[k]]] = p;
			pl->n[next[g->id[k]]++] = g->n[k];
		}
	}
	free(next);
}

void
align_postings_free(struct align_postings *pl)
{
	free(pl->start);
	free(pl->j);
	free(pl->n);
}

/*
 * The weight paragraph a[x] shares with each of b[jlo..jhi]: acc[j - jlo].
 * Rather than merging a[x] with each in turn, walk the postings of each
 * of its words from jlo on: a word of one paragraph costs a search and a
 * step or two, and only common words cost as many steps as the row is
 * wide.
 */
void
align_row_common(const struct align_bags *g, const struct align_postings *pl,
    size_t x, size_t jlo, size_t jhi, uint64_t *acc)
{
	size_t		k, lo, hi, mid, id;
	uint64_t	cx;

	memset(acc, 0, (jhi - jlo + 1) * sizeof *acc);
	for (k = g->start[x]; k < g->start[x + 1]; k++) {
		id = g->id[k];
		lo = pl->start[id];
		hi = pl->start[id + 1];
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (pl->j[mid] < jlo)
				lo = mid + 1;
			else
				hi = mid;
		}
		cx = g->n[k];
		for (; lo < pl->start[id + 1] && pl->j[lo] <= jhi; lo++) {
			acc[pl->j[lo] - jlo] += g->w[k] *
			    (pl->n[lo] < cx ? pl->n[lo] : cx);
		}
	}
}
