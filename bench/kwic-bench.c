/*
 * kwic-bench.c -- timing the concordance and the statistics with
 * libcharta itself (see bench/README, "make bench-kwic").
 *
 *   kwic-bench DB QUERY [TERM...]
 *
 * After loading DB and building its index (not timed), RUNS (5) times:
 *   first screen  what the view does before its first frame: query_parse,
 *                 kwic_start (the search), kwic_more until there are
 *                 ROWS (48) hits, and those lines laid out at COLS (200)
 *                 columns (kwic_window, kwic_line_make);
 *   all hits      kwic_more for the rest (the view's idle slices);
 *   page          the next ROWS lines, for every page of the first hundred
 *                 (and the last one): median and worst;
 *   sort left     kwic_sort by L1 L2 L3 (its keys built), and right;
 *   stats         stats_count of the TERMs (three by default) over the
 *                 whole corpus.
 * And the concordance's memory: the hits and the sorts' arrays, per hit,
 * against the corpus's text.  Times are medians of the runs, wall-clock
 * and, for the first screen and the statistics, the process's CPU time
 * too (all threads): on a busy machine the wall clock says little.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "index/index.h"
#include "model/corpus.h"
#include "stats/kwic.h"
#include "stats/stats.h"
#include "store/store.h"
#include "text/text.h"

#define RUNS		5
#define ROWS		48
#define COLS		200
#define MAX_PAGES	100

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of the process (all threads), in ms: less hostage to a busy machine. */
static double
cpu_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sorts v in place; returns its median. */
static double
median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *
clean(const char *s, size_t n)
{
	return text_sanitize(s, n, TEXT_MODE_TTY, false, NULL);
}

/* Lay out the lines [from, from + ROWS) of k, as the view does. */
static size_t
layout(const struct kwic *k, size_t from)
{
	struct kwic_line	 l;
	const struct kwic_hit	*h;
	const char		*text;
	size_t			 i, len, a, b, cols = 0;

	for (i = from; i < from + ROWS && i < k->n; i++) {
		h = kwic_at(k, i);
		text = stats_node_text(k->c, h->node, &len);
		kwic_window(text, len, h->start, h->end, COLS / 2, &a, &b);
		kwic_line_make(&l, text, a, h->start, h->end, b, clean,
		    COLS / 2 - 10, COLS / 2, COLS / 2);
		cols += l.left_w + l.key_w + l.right_w;
		kwic_line_free(&l);
	}
	return cols;
}

int
main(int argc, char **argv)
{
	static const char	*default_terms[] = { "governance",
	    "infrastructure", "cyber*" };
	struct corpus		*c;
	struct index		*ix;
	struct query		*q;
	struct kwic		 k;
	struct stats_term	*t;
	struct stats_counts	 counts;
	const char		**terms;
	double			 first[RUNS], all[RUNS], page[MAX_PAGES + 1];
	double			 sl[RUNS];
	double			 sr[RUNS], st[RUNS], stc[RUNS], t0, c0;
	double			 fc[RUNS], pworst = 0;
	char			*err = NULL;
	size_t			 nterms, r, p, npages = 0, bytes = 0, hits = 0;
	size_t			 i, text = 0;
	uint64_t		 occ = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: kwic-bench DB QUERY [TERM...]\n");
		return 2;
	}
	terms = argc > 3 ? (const char **)argv + 3 : default_terms;
	nterms = argc > 3 ? (size_t)argc - 3 : 3;
	c = store_load_corpus(argv[1], &err);
	if (c == NULL) {
		fprintf(stderr, "kwic-bench: %s\n", err);
		return 2;
	}
	for (i = 0; i < c->nnodes; i++)
		text += c->nodes[i].text_len + strlen(c->nodes[i].title);
	ix = index_build(c);
	for (r = 0; r < RUNS; r++) {
		t0 = now_ms();
		c0 = cpu_ms();
		q = query_parse(c, argv[2], strlen(argv[2]), &err);
		if (q == NULL) {
			fprintf(stderr, "kwic-bench: %s\n", err);
			return 2;
		}
		kwic_start(&k, c, ix, q);
		while (!kwic_done(&k) && k.n < ROWS)
			kwic_more(&k, 16);
		layout(&k, 0);
		first[r] = now_ms() - t0;
		fc[r] = cpu_ms() - c0;
		t0 = now_ms();
		kwic_more(&k, SIZE_MAX);
		all[r] = now_ms() - t0;
		if (r == 0) {
			hits = k.n;
			for (p = 1; p <= MAX_PAGES && p * ROWS < k.n; p++) {
				t0 = now_ms();
				layout(&k, p * ROWS);
				page[npages++] = now_ms() - t0;
			}
			if (k.n > ROWS) {
				t0 = now_ms();
				layout(&k, k.n - ROWS);
				page[npages++] = now_ms() - t0;
			}
		}
		t0 = now_ms();
		kwic_sort(&k, KWIC_SORT_LEFT);
		layout(&k, 0);
		sl[r] = now_ms() - t0;
		t0 = now_ms();
		kwic_sort(&k, KWIC_SORT_RIGHT);
		layout(&k, 0);
		sr[r] = now_ms() - t0;
		if (r == RUNS - 1)
			bytes = k.n * (sizeof *k.hits + sizeof *k.order +
			    6 * sizeof *k.left);
		kwic_free(&k);
		query_free(q);
	}
	t = calloc(nterms, sizeof *t);
	for (i = 0; i < nterms; i++)
		if (stats_term_parse(&t[i], terms[i], &err) == -1) {
			fprintf(stderr, "kwic-bench: %s\n", err);
			return 2;
		}
	for (r = 0; r < RUNS; r++) {
		t0 = now_ms();
		c0 = cpu_ms();
		stats_count(&counts, c, t, nterms);
		st[r] = now_ms() - t0;
		stc[r] = cpu_ms() - c0;
		occ = counts.nhits;
		stats_counts_free(&counts);
	}
	for (p = 0; p < npages; p++)
		if (page[p] > pworst)
			pworst = page[p];
	printf("corpus: %zu nodes, %.1f MB of text\n", c->nnodes,
	    (double)text / 1e6);
	printf("kwic '%s': %zu hits\n", argv[2], hits);
	printf("  first screen (build + %d lines at %d columns): %.1f ms "
	    "(CPU %.1f ms)\n", ROWS, COLS, median(first, RUNS),
	    median(fc, RUNS));
	printf("  all the hits, after it (in slices between frames): "
	    "%.1f ms\n", median(all, RUNS));
	printf("  a page (%d lines), %zu pages: median %.2f ms, worst %.2f "
	    "ms\n", ROWS, npages, median(page, npages), pworst);
	printf("  sort by left (keys, order, first screen): %.1f ms\n",
	    median(sl, RUNS));
	printf("  sort by right: %.1f ms\n", median(sr, RUNS));
	printf("  memory: %zu bytes, %.1f per hit (the corpus's text: %zu "
	    "bytes, not copied)\n", bytes, hits ? (double)bytes /
	    (double)hits : 0, text);
	printf("stats of %zu terms:", nterms);
	for (i = 0; i < nterms; i++)
		printf(" %s", terms[i]);
	printf(": %llu occurrences, %.1f ms (CPU %.1f ms, on two threads "
	    "above 8 MB of text)\n", (unsigned long long)occ,
	    median(st, RUNS), median(stc, RUNS));
	for (i = 0; i < nterms; i++)
		stats_term_free(&t[i]);
	free(t);
	index_free(ix);
	corpus_free(c);
	return 0;
}
