/*
 * lcs.c -- the word diff: which words of two texts are common to both
 * (diff_compute()), and how similar that makes them (diff_similarity()).
 *
 * Algorithm.  Words are first turned into small integers ("symbols"), one
 * per distinct key, through a hash table, so that the diff compares
 * integers.  Words whose key does not occur on the other side at all can
 * never be common; they are set aside (GNU diff does the same), which
 * makes two unrelated texts, however long, cost one linear pass.
 *
 * What is left is diffed with Myers' O(ND) algorithm in its linear-space
 * form (E. Myers, "An O(ND) Difference Algorithm and Its Variations",
 * 1986, section 4b): strip the common prefix and suffix, search forward
 * from the start and backward from the end at once until the two searches
 * meet on an optimal path (the "middle snake"), then diff the two halves
 * on either side of that point the same way.  The search code follows the
 * diag() function of GNU diffutils' diffseq.h, without its heuristics.
 * Memory is two vectors of n + m + 3 offsets; time is O((n + m) D), where
 * D is the edit distance, since each half has about D / 2 edits.  That is
 * ideal for two versions of one text (small D) and poor for two unrelated
 * paragraphs, where every step of the search is a mispredicted branch:
 * so a piece of at most LCS_BITS_CELLS cells (n * m, about 1000 words a
 * side) whose search costs more than a bit-parallel diff would is diffed
 * bit-parallel instead (lcs_bits(), O(n m / 64) and exact).  Two 300-word
 * paragraphs thus take tens of microseconds whatever they hold.
 *
 * The cost of a large D is bounded by a work budget counted in diagonals
 * visited and words compared: LCS_BUDGET for the whole diff (about what
 * an edit distance of 4096 costs), and never less than LCS_LOCAL per word
 * for any one split, so that the pieces of a large diff still get an
 * exact answer after the budget is spent.  A search that runs out falls
 * back to anchoring (the idea of Bram Cohen's "patience diff"): the words
 * that occur exactly once on each side of the piece are matched, the
 * longest run of them in the same order on both sides is kept (a longest
 * increasing subsequence, O(k log k)), and the gaps between these anchors
 * are diffed again from the start.  A piece with no unique words is cut
 * into chunks of LCS_CHUNK words at the same proportion of both sides,
 * each diffed again.  Fallbacks nest at most LCS_FALLBACK_DEPTH deep, so
 * the total work stays within a few passes over the text plus the budget,
 * memory stays linear, and the result is flagged approximate.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "diff/lcs-private.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/* Work allowed for the whole diff, in diagonals and comparisons. */
#define LCS_BUDGET	(UINT64_C(1) << 22)
/* Work any one split may do, per word of its piece, budget or not. */
#define LCS_LOCAL	16
/* Pieces without anchors are cut into chunks of this many words. */
#define LCS_CHUNK	1024
/* How many fallbacks may nest. */
#define LCS_FALLBACK_DEPTH	4
/* Myers may spend cells / LCS_BITS_RATIO on those first. */
#define LCS_BITS_RATIO	16

/* An anchor for the fallback: a[x] matches b[y]. */
struct lcs_pair {
	size_t	x;
	size_t	y;
};

static void	lcs_range(struct lcs *, size_t, size_t, size_t, size_t, int);

/* Do word i of v and word j of w have the same key? */
static bool
lcs_key_equal(const struct diff_words *v, size_t i, const struct diff_words *w,
    size_t j)
{
	size_t	len;

	if (v->khash[i] != w->khash[j])
		return false;
	len = v->koff[i + 1] - v->koff[i];
	if (len != w->koff[j + 1] - w->koff[j])
		return false;
	return memcmp(v->keys + v->koff[i], w->keys + w->koff[j], len) == 0;
}

/*
 * Give every word of a and b the symbol of its key: sa[i] for a, sb[j]
 * for b, symbols numbered from 0 in order of first appearance.  Returns
 * the number of symbols.  Open addressing over the key hashes.
 */
static size_t
lcs_intern(const struct diff_words *a, const struct diff_words *b,
    size_t *sa, size_t *sb)
{
	const struct diff_words	*side[2] = { a, b }, *v, **rep_w;
	size_t			*out[2] = { sa, sb };
	size_t			*rep_i, nsym, i, k;
	struct hashtab		 t;
	struct hashtab_iter	 it;
	uint32_t		 s;

	hashtab_init(&t, a->n + b->n);
	rep_w = xreallocarray(NULL, a->n + b->n, sizeof *rep_w);
	rep_i = xreallocarray(NULL, a->n + b->n, sizeof *rep_i);
	nsym = 0;
	for (k = 0; k < 2; k++) {
		v = side[k];
		for (i = 0; i < v->n; i++) {
			for (s = hashtab_first(&t, v->khash[i], &it);
			    s != HASHTAB_NONE; s = hashtab_next(&t, &it))
				if (lcs_key_equal(rep_w[s], rep_i[s], v, i))
					break;
			if (s == HASHTAB_NONE) {
				rep_w[nsym] = v;
				rep_i[nsym] = i;
				s = (uint32_t)nsym++;
				hashtab_add(&t, v->khash[i], s);
			}
			out[k][i] = s;
		}
	}
	free(rep_i);
	free(rep_w);
	hashtab_free(&t);
	return nsym;
}

/*
 * Find the middle snake of a[a0..a1) and b[b0..b1), which must differ in
 * their first and in their last element: store in *xmid, *ymid a point
 * (relative to a0, b0) on a shortest edit path, at about half its edits,
 * and return true.  Return false, with nothing stored, if that took more
 * than limit units of work.  *cost receives the work done.
 *
 * Diagonal k is the set of points with x - y == k.  fd[k] is the furthest
 * x a forward path of the current number of edits reaches on diagonal k,
 * bd[k] the smallest x a backward path reaches.  When the edit distance is
 * odd the paths meet after a forward step, otherwise after a backward one.
 */
static bool
lcs_split(struct lcs *c, size_t a0, size_t a1, size_t b0, size_t b1,
    uint64_t limit, uint64_t *cost, size_t *xmid, size_t *ymid)
{
	const size_t	*A = c->a + a0, *B = c->b + b0;
	ptrdiff_t	*fd = c->fd, *bd = c->bd;
	ptrdiff_t	 N = (ptrdiff_t)(a1 - a0), M = (ptrdiff_t)(b1 - b0);
	ptrdiff_t	 dmin = -M, dmax = N, fmin, fmax, bmin, bmax, d;
	ptrdiff_t	 x, y, tlo, thi;
	uint64_t	 work = 0;
	bool		 odd = ((N - M) & 1) != 0;

	/* Vectors are indexed from -m - 1 for the whole diff: shift. */
	fd += c->m + 1;
	bd += c->m + 1;
	fd[0] = 0;
	bd[N - M] = N;
	fmin = fmax = 0;
	bmin = bmax = N - M;
	for (;;) {
		/*
		 * Widen the forward search by one edit on each side, unless
		 * at the edge of the grid; a -1 beside the range makes the
		 * loop below step in from the side inside it.
		 */
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			--fmax;
		for (d = fmax; d >= fmin; d -= 2) {
			tlo = fd[d - 1];
			thi = fd[d + 1];
			x = tlo < thi ? thi : tlo + 1;
			y = x - d;
			while (x < N && y < M && A[x] == B[y]) {
				x++;
				y++;
				work++;
			}
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
				*xmid = (size_t)x;
				*ymid = (size_t)y;
				*cost = work;
				return true;
			}
			if (++work > limit) {
				*cost = work;
				return false;
			}
		}

		/* The same backward from the end. */
		if (bmin > dmin)
			bd[--bmin - 1] = PTRDIFF_MAX;
		else
			++bmin;
		if (bmax < dmax)
			bd[++bmax + 1] = PTRDIFF_MAX;
		else
			--bmax;
		for (d = bmax; d >= bmin; d -= 2) {
			tlo = bd[d - 1];
			thi = bd[d + 1];
			x = tlo < thi ? tlo : thi - 1;
			y = x - d;
			while (x > 0 && y > 0 && A[x - 1] == B[y - 1]) {
				x--;
				y--;
				work++;
			}
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
				*xmid = (size_t)x;
				*ymid = (size_t)y;
				*cost = work;
				return true;
			}
			if (++work > limit) {
				*cost = work;
				return false;
			}
		}
	}
}

/*
 * The last resort for a piece with no anchors: diff it as a series of
 * chunks of at most LCS_CHUNK words a side, cut at the same proportion of
 * both sides, as if the texts ran in parallel.  That is what two long,
 * heavily reworded texts do, and each chunk is small enough for an exact
 * diff within its local budget.
 */
static void
lcs_chunks(struct lcs *c, size_t a0, size_t a1, size_t b0, size_t b1,
    int depth)
{
	size_t	n = a1 - a0, m = b1 - b0, q, k, x, y, nx, ny;

	q = ((n > m ? n : m) + LCS_CHUNK - 1) / LCS_CHUNK;
	if (q < 2)
		return;
	x = a0;
	y = b0;
	for (k = 1; k <= q; k++) {
		nx = a0 + n * k / q;
		ny = b0 + m * k / q;
		lcs_range(c, x, nx, y, ny, depth + 1);
		x = nx;
		y = ny;
	}
}

/*
 * The approximation for a[a0..a1) and b[b0..b1) when an exact search ran
 * out of budget: match the words unique to both sides that are in the
 * same order on both, then diff the gaps between them.  See the top of
 * the file.
 */
static void
lcs_fallback(struct lcs *c, size_t a0, size_t a1, size_t b0, size_t b1,
    int depth)
{
	struct lcs_pair	*pairs, *anchors;
	size_t		*tail, *prev, np, nt, na, i, lo, hi, mid, k, x, y;

	c->r->approximate = true;
	if (depth >= LCS_FALLBACK_DEPTH)
		return;

	/* The words that occur once in each piece, in a's order. */
	for (i = a0; i < a1; i++)
		c->cnt_a[c->a[i]]++;
	for (i = b0; i < b1; i++) {
		c->cnt_b[c->b[i]]++;
		c->pos_b[c->b[i]] = i;
	}
	pairs = xreallocarray(NULL, a1 - a0, sizeof *pairs);
	np = 0;
	for (i = a0; i < a1; i++) {
		if (c->cnt_a[c->a[i]] == 1 && c->cnt_b[c->a[i]] == 1) {
			pairs[np].x = i;
			pairs[np].y = c->pos_b[c->a[i]];
			np++;
		}
	}
	for (i = a0; i < a1; i++)
		c->cnt_a[c->a[i]] = 0;
	for (i = b0; i < b1; i++)
		c->cnt_b[c->b[i]] = 0;

	/*
	 * Longest increasing subsequence of their y by patience sorting:
	 * tail[k] is the pair ending the best run of length k + 1 found so
	 * far with the smallest y; prev[] links each pair to its run.
	 */
	tail = xreallocarray(NULL, np + 1, sizeof *tail);
	prev = xreallocarray(NULL, np + 1, sizeof *prev);
	nt = 0;
	for (i = 0; i < np; i++) {
		lo = 0;
		hi = nt;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (pairs[tail[mid]].y < pairs[i].y)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : SIZE_MAX;
		tail[lo] = i;
		if (lo == nt)
			nt++;
	}
	na = nt;
	anchors = xreallocarray(NULL, na + 1, sizeof *anchors);
	for (k = na, i = nt > 0 ? tail[nt - 1] : SIZE_MAX; k > 0; k--) {
		anchors[k - 1] = pairs[i];
		i = prev[i];
	}
	free(prev);
	free(tail);
	free(pairs);

	if (na == 0) {
		free(anchors);
		lcs_chunks(c, a0, a1, b0, b1, depth);
		return;
	}

	/* The gaps, each with a fresh local budget. */
	x = a0;
	y = b0;
	for (k = 0; k < na; k++) {
		lcs_range(c, x, anchors[k].x, y, anchors[k].y, depth + 1);
		lcs_mark(c, anchors[k].x, anchors[k].y);
		x = anchors[k].x + 1;
		y = anchors[k].y + 1;
	}
	lcs_range(c, x, a1, y, b1, depth + 1);
	free(anchors);
}

/* Mark the common words of a[a0..a1) and b[b0..b1). */
static void
lcs_range(struct lcs *c, size_t a0, size_t a1, size_t b0, size_t b1,
    int depth)
{
	uint64_t	limit, cost, n, m;
	size_t		x, y;
	bool		small;

	while (a0 < a1 && b0 < b1 && c->a[a0] == c->b[b0])
		lcs_mark(c, a0++, b0++);
	while (a0 < a1 && b0 < b1 && c->a[a1 - 1] == c->b[b1 - 1])
		lcs_mark(c, --a1, --b1);
	if (a0 == a1 || b0 == b1)
		return;

	/*
	 * A small piece gets what a bit-parallel diff would cost, in case
	 * it is so alike that Myers is faster; a large one the budget.
	 */
	n = a1 - a0;
	m = b1 - b0;
	small = n <= LCS_BITS_CELLS && m <= LCS_BITS_CELLS &&
	    n * m <= LCS_BITS_CELLS;
	if (small)
		limit = n * m / LCS_BITS_RATIO;
	else {
		limit = LCS_LOCAL * (n + m);
		if (limit < c->budget)
			limit = c->budget;
	}
	cost = 0;
	if (!lcs_split(c, a0, a1, b0, b1, limit, &cost, &x, &y)) {
		c->budget -= cost < c->budget ? cost : c->budget;
		if (small)
			lcs_bits(c, a0, a1, b0, b1);
		else
			lcs_fallback(c, a0, a1, b0, b1, depth);
		return;
	}
	c->budget -= cost < c->budget ? cost : c->budget;

	/*
	 * Both halves have fewer edits than the whole (which has at least
	 * two, the ends being different), so this recursion is about
	 * log2(D) deep.
	 */
	lcs_range(c, a0, a0 + x, b0, b0 + y, depth);
	lcs_range(c, a0 + x, a1, b0 + y, b1, depth);
}

void
diff_compute(const struct diff_words *a, const struct diff_words *b,
    struct diff_result *out)
{
	struct lcs	 c;
	size_t		*sa, *sb, nsym, i;

	memset(out, 0, sizeof *out);
	out->na = a->n;
	out->nb = b->n;
	out->a_same = xcalloc(a->n, 1);
	out->b_same = xcalloc(b->n, 1);
	if (a->n == 0 || b->n == 0)
		return;

	memset(&c, 0, sizeof c);
	c.r = out;
	c.budget = LCS_BUDGET;
	sa = xreallocarray(NULL, a->n, sizeof *sa);
	sb = xreallocarray(NULL, b->n, sizeof *sb);
	nsym = lcs_intern(a, b, sa, sb);
	c.cnt_a = xcalloc(nsym, sizeof *c.cnt_a);
	c.cnt_b = xcalloc(nsym, sizeof *c.cnt_b);
	c.pos_b = xreallocarray(NULL, nsym, sizeof *c.pos_b);

	/* Set aside the words the other side lacks. */
	for (i = 0; i < a->n; i++)
		c.cnt_a[sa[i]] = 1;
	for (i = 0; i < b->n; i++)
		c.cnt_b[sb[i]] = 1;
	c.a = xreallocarray(NULL, a->n, sizeof *c.a);
	c.ia = xreallocarray(NULL, a->n, sizeof *c.ia);
	for (i = 0; i < a->n; i++) {
		if (c.cnt_b[sa[i]]) {
			c.a[c.n] = sa[i];
			c.ia[c.n++] = i;
		}
	}
	c.b = xreallocarray(NULL, b->n, sizeof *c.b);
	c.ib = xreallocarray(NULL, b->n, sizeof *c.ib);
	for (i = 0; i < b->n; i++) {
		if (c.cnt_a[sb[i]]) {
			c.b[c.m] = sb[i];
			c.ib[c.m++] = i;
		}
	}
	memset(c.cnt_a, 0, nsym * sizeof *c.cnt_a);
	memset(c.cnt_b, 0, nsym * sizeof *c.cnt_b);
	free(sb);
	free(sa);

	c.fd = xreallocarray(NULL, c.n + c.m + 3, sizeof *c.fd);
	c.bd = xreallocarray(NULL, c.n + c.m + 3, sizeof *c.bd);
	lcs_range(&c, 0, c.n, 0, c.m, 0);

	free(c.bd);
	free(c.fd);
	free(c.ib);
	free(c.b);
	free(c.ia);
	free(c.a);
	free(c.pos_b);
	free(c.cnt_b);
	free(c.cnt_a);
}

void
diff_result_free(struct diff_result *r)
{
	if (r == NULL)
		return;
	free(r->a_same);
	free(r->b_same);
	memset(r, 0, sizeof *r);
}

int
diff_similarity(const struct diff_result *r)
{
	size_t	total = r->na + r->nb;

	if (total == 0)
		return 100;
	/* 200 * common / total, rounded half up, in integers. */
	return (int)((200 * r->common + total / 2) / total);
}

int
diff_text_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
	struct diff_words	wa, wb;
	struct diff_result	r;
	int			sim;

	diff_words_split(a, alen, &wa);
	diff_words_split(b, blen, &wb);
	diff_compute(&wa, &wb, &r);
	sim = diff_similarity(&r);
	diff_result_free(&r);
	diff_words_free(&wb);
	diff_words_free(&wa);
	return sim;
}
