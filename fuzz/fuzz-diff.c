/*
 * fuzz-diff.c -- the comparison of two texts: diff_words_split(),
 * diff_compute(), diff_similarity(), compare_words(), and diff_align() on
 * the two texts cut into paragraphs at each LF.
 *
 * Input: text a, a NUL byte, text b.  Without a NUL, the two halves.
 *
 * Invariants:
 *  - words: in order, not overlapping, non-empty, inside the text;
 *  - a diff: na and nb are the word counts, common <= min(na, nb), as
 *    many words marked on each side as common, and the marked words of a
 *    and of b, read in order, have equal keys; a text against itself has
 *    every word in common; when the diff is exact (not approximate) and
 *    small, common is the length of a longest common subsequence of the
 *    keys (a plain dynamic programming count), and the same both ways;
 *  - similarity 0..100, compare_words() agreeing with diff_similarity(),
 *    its spans sorted, not overlapping, inside the text;
 *  - an alignment: groups in order covering every paragraph of both sides
 *    exactly once, counts 0..2, never both 0.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/compare.h"
#include "diff/diff.h"
#include "fuzz.h"

/* The exact LCS is checked by dynamic programming up to this many words. */
#define FUZZ_LCS_MAX	300
/* Paragraphs for diff_align at most (a cut keeps the unit quick). */
#define FUZZ_MAX_PARAS	2000

static void
fuzz_check_words(const struct diff_words *w, size_t n)
{
	size_t	k;

	FUZZ_CHECK((w->n == 0) == (w->w == NULL));
	for (k = 0; k < w->n; k++) {
		FUZZ_CHECK(w->w[k].len > 0);
		FUZZ_CHECK(w->w[k].off <= n && w->w[k].len <= n - w->w[k].off);
		FUZZ_CHECK(k == 0 ||
		    w->w[k].off >= w->w[k - 1].off + w->w[k - 1].len);
		FUZZ_CHECK(w->koff[k] <= w->koff[k + 1]);
	}
}

static bool
fuzz_key_equal(const struct diff_words *v, size_t i,
    const struct diff_words *w, size_t j)
{
	size_t	len = v->koff[i + 1] - v->koff[i];

	return len == w->koff[j + 1] - w->koff[j] &&
	    memcmp(v->keys + v->koff[i], w->keys + w->koff[j], len) == 0;
}

/* The length of a longest common subsequence of the keys, by DP. */
static size_t
fuzz_lcs(const struct diff_words *a, const struct diff_words *b)
{
	size_t	*prev, *cur, *t, i, j, r;

	prev = calloc(b->n + 1, sizeof *prev);
	cur = calloc(b->n + 1, sizeof *cur);
	FUZZ_CHECK(prev != NULL && cur != NULL);
	for (i = 1; i <= a->n; i++) {
		for (j = 1; j <= b->n; j++) {
			if (fuzz_key_equal(a, i - 1, b, j - 1))
				cur[j] = prev[j - 1] + 1;
			else
				cur[j] = prev[j] > cur[j - 1] ? prev[j] :
				    cur[j - 1];
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	r = prev[b->n];
	free(prev);
	free(cur);
	return r;
}

static void
fuzz_check_diff(const struct diff_words *a, const struct diff_words *b,
    const struct diff_result *r)
{
	size_t	i, j, ca = 0, cb = 0;
	int	sim;

	FUZZ_CHECK(r->na == a->n && r->nb == b->n);
	FUZZ_CHECK(r->common <= a->n && r->common <= b->n);
	for (i = 0; i < a->n; i++) {
		FUZZ_CHECK(r->a_same[i] <= 1);
		ca += r->a_same[i];
	}
	for (j = 0; j < b->n; j++) {
		FUZZ_CHECK(r->b_same[j] <= 1);
		cb += r->b_same[j];
	}
	FUZZ_CHECK(ca == r->common && cb == r->common);
	/* The marked words pair up in order, key for key. */
	for (i = 0, j = 0;; i++, j++) {
		while (i < a->n && !r->a_same[i])
			i++;
		while (j < b->n && !r->b_same[j])
			j++;
		if (i == a->n || j == b->n) {
			FUZZ_CHECK(i == a->n && j == b->n);
			break;
		}
		FUZZ_CHECK(fuzz_key_equal(a, i, b, j));
	}
	sim = diff_similarity(r);
	FUZZ_CHECK(sim >= 0 && sim <= 100);
	if (a->n + b->n == 0)
		FUZZ_CHECK(sim == 100);
}

static void
fuzz_check_spans(const struct compare_span *v, size_t nv, size_t n)
{
	size_t	k;

	FUZZ_CHECK((nv == 0) == (v == NULL));
	for (k = 0; k < nv; k++) {
		FUZZ_CHECK(v[k].start < v[k].end && v[k].end <= n);
		FUZZ_CHECK(k == 0 || v[k].start >= v[k - 1].end);
	}
}

/* Cut s[0..n) at each LF (at most FUZZ_MAX_PARAS paragraphs). */
static size_t
fuzz_paragraphs(const char *s, size_t n, const char **p, size_t *len)
{
	const char	*e, *end = s + n;
	size_t		 np = 0;

	if (n == 0)
		return 0;
	for (; np < FUZZ_MAX_PARAS; s = e + 1) {
		e = memchr(s, '\n', (size_t)(end - s));
		if (e == NULL)
			e = end;
		p[np] = s;
		len[np++] = (size_t)(e - s);
		if (e == end)
			break;
	}
	return np;
}

static void
fuzz_check_align(const char *a, size_t alen, const char *b, size_t blen)
{
	const char		**pa, **pb;
	size_t			 *la, *lb, na, nb, ng, k, ia = 0, ib = 0;
	struct diff_group	 *g;

	pa = calloc(FUZZ_MAX_PARAS, sizeof *pa);
	pb = calloc(FUZZ_MAX_PARAS, sizeof *pb);
	la = calloc(FUZZ_MAX_PARAS, sizeof *la);
	lb = calloc(FUZZ_MAX_PARAS, sizeof *lb);
	FUZZ_CHECK(pa != NULL && pb != NULL && la != NULL && lb != NULL);
	na = fuzz_paragraphs(a, alen, pa, la);
	nb = fuzz_paragraphs(b, blen, pb, lb);
	ng = diff_align(pa, la, na, pb, lb, nb, &g);
	FUZZ_CHECK((ng == 0) == (g == NULL));
	FUZZ_CHECK(ng <= na + nb);
	for (k = 0; k < ng; k++) {
		FUZZ_CHECK(g[k].a_count <= 2 && g[k].b_count <= 2);
		FUZZ_CHECK(g[k].a_count + g[k].b_count > 0);
		FUZZ_CHECK(g[k].a_start == ia && g[k].b_start == ib);
		ia += g[k].a_count;
		ib += g[k].b_count;
	}
	FUZZ_CHECK(ia == na && ib == nb);
	free(g);
	free(pa);
	free(pb);
	free(la);
	free(lb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*s = (const char *)data, *a, *b, *nul;
	size_t			 alen, blen, nas, nbs, shared, total, lcs;
	struct diff_words	 wa, wb;
	struct diff_result	 r, back, self;
	struct compare_span	*as, *bs;
	int			 sim;

	nul = memchr(s, '\0', size);
	a = s;
	if (nul != NULL) {
		alen = (size_t)(nul - s);
		b = nul + 1;
		blen = size - alen - 1;
	} else {
		alen = size / 2;
		b = s + alen;
		blen = size - alen;
	}

	diff_words_split(a, alen, &wa);
	diff_words_split(b, blen, &wb);
	fuzz_check_words(&wa, alen);
	fuzz_check_words(&wb, blen);

	diff_compute(&wa, &wb, &r);
	fuzz_check_diff(&wa, &wb, &r);
	diff_compute(&wb, &wa, &back);
	fuzz_check_diff(&wb, &wa, &back);
	if (!r.approximate && !back.approximate)
		FUZZ_CHECK(r.common == back.common);
	if (!r.approximate && wa.n <= FUZZ_LCS_MAX && wb.n <= FUZZ_LCS_MAX) {
		lcs = fuzz_lcs(&wa, &wb);
		FUZZ_CHECK(r.common == lcs);
	}
	diff_compute(&wa, &wa, &self);
	fuzz_check_diff(&wa, &wa, &self);
	FUZZ_CHECK(self.common == wa.n && diff_similarity(&self) == 100);

	sim = compare_words(a, alen, b, blen, &as, &nas, &bs, &nbs, &shared,
	    &total);
	FUZZ_CHECK(sim == diff_similarity(&r));
	FUZZ_CHECK(sim == diff_text_similarity(a, alen, b, blen));
	FUZZ_CHECK(shared == 2 * r.common && total == wa.n + wb.n);
	fuzz_check_spans(as, nas, alen);
	fuzz_check_spans(bs, nbs, blen);
	free(as);
	free(bs);

	diff_result_free(&self);
	diff_result_free(&back);
	diff_result_free(&r);
	diff_words_free(&wa);
	diff_words_free(&wb);

	fuzz_check_align(a, alen, b, blen);
	return 0;
}
