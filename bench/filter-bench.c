/*
 * filter-bench.c -- timing what the reader does at start-up and on every
 * keystroke of the live filter, with libcharta itself (see bench/README).
 *
 *   filter-bench startup DB [RUNS]
 *	store_load_corpus + index_build, best (and median) of RUNS (5) runs.
 *   filter-bench memory DB
 *	Load and index once in this fresh process; peak RSS (ru_maxrss)
 *	against the text size (sum of every node's text_len and title).
 *   filter-bench type DB QUERY [REPS]
 *	Type QUERY one character at a time as filter.c does: query_parse,
 *	query_narrows against the previous query, index_search (within the
 *	previous result when it narrows), outline_filter over the result.
 *	Per keystroke: median and worst over REPS (5) typings of the whole
 *	query; and the whole word's total.
 *   filter-bench export DB
 *	Every node's searchable text (section titles, block texts), one per
 *	line, blanks collapsed: the same text the index searches, for grep
 *	and fzf.
 *
 * Output lines starting with "@" are KEY=VALUE figures for the driver
 * (bench/run-bench.sh); the rest is for people.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "index/index.h"
#include "model/corpus.h"
#include "store/store.h"
#include "ui/outline.h"
#include "ui/textview.h"

#define MAX_QUERY	256
#define MAX_REPS	50

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(const double *v, size_t n)
{
	double	*s = malloc(n * sizeof *s), m;

	if (s == NULL || n == 0) {
		free(s);
		return 0;
	}
	memcpy(s, v, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_double);
	m = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	free(s);
	return m;
}

static double
maximum(const double *v, size_t n)
{
	double	m = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i] > m)
			m = v[i];
	return m;
}

static struct corpus *
load(const char *path)
{
	struct corpus	*c;
	char		*err = NULL;

	c = store_load_corpus(path, &err);
	if (c == NULL) {
		fprintf(stderr, "filter-bench: %s\n", err ? err : path);
		free(err);
		exit(1);
	}
	return c;
}

static size_t
text_size(const struct corpus *c)
{
	size_t	i, sum = 0;

	for (i = 0; i < c->nnodes; i++)
		sum += c->nodes[i].text_len + strlen(c->nodes[i].title);
	return sum;
}

static long
maxrss_kb(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int
cmd_startup(const char *db, int runs)
{
	double		 ld[MAX_REPS], ix[MAX_REPS], tot[MAX_REPS], t0, t1, t2;
	struct corpus	*c;
	struct index	*x;
	size_t		 nnodes = 0, ndocs = 0;
	int		 r;

	for (r = 0; r < runs; r++) {
		t0 = now_ms();
		c = load(db);
		t1 = now_ms();
		x = index_build(c);
		t2 = now_ms();
		ld[r] = t1 - t0;
		ix[r] = t2 - t1;
		tot[r] = t2 - t0;
		nnodes = c->nnodes;
		ndocs = c->ndocs;
		index_free(x);
		corpus_free(c);
	}
	qsort(ld, (size_t)runs, sizeof *ld, cmp_double);
	qsort(ix, (size_t)runs, sizeof *ix, cmp_double);
	qsort(tot, (size_t)runs, sizeof *tot, cmp_double);
	printf("%zu documents, %zu nodes; %d runs\n", ndocs, nnodes, runs);
	printf("  store_load_corpus  best %8.1f ms  median %8.1f ms\n", ld[0],
	    median(ld, (size_t)runs));
	printf("  index_build        best %8.1f ms  median %8.1f ms\n", ix[0],
	    median(ix, (size_t)runs));
	printf("  load + index       best %8.1f ms  median %8.1f ms\n",
	    tot[0], median(tot, (size_t)runs));
	printf("@docs=%zu\n@nodes=%zu\n", ndocs, nnodes);
	printf("@load_ms=%.2f\n@index_ms=%.2f\n@startup_ms=%.2f\n"
	    "@startup_median_ms=%.2f\n", ld[0], ix[0], tot[0],
	    median(tot, (size_t)runs));
	return 0;
}

static int
cmd_memory(const char *db)
{
	long		 base = maxrss_kb(), after_load, after_index;
	struct corpus	*c = load(db);
	struct index	*x;
	size_t		 text, i, blocks = 0;

	after_load = maxrss_kb();
	x = index_build(c);
	after_index = maxrss_kb();
	text = text_size(c);
	for (i = 0; i < c->nnodes; i++)
		if (kind_is_block(c->nodes[i].kind))
			blocks++;
	printf("text (node text_len + titles): %.1f MB\n", text / 1e6);
	printf("peak RSS: at start %.1f MB, after load %.1f MB, after "
	    "index_build %.1f MB\n", base / 1e3, after_load / 1e3,
	    after_index / 1e3);
	printf("peak RSS / text = %.2f; (peak - RSS at start) / text = %.2f\n",
	    after_index * 1024.0 / (double)text,
	    (after_index - base) * 1024.0 / (double)text);
	printf("@blocks=%zu\n", blocks);
	printf("@text_bytes=%zu\n@rss_start_kb=%ld\n@rss_load_kb=%ld\n"
	    "@rss_kb=%ld\n@rss_ratio=%.3f\n@rss_delta_ratio=%.3f\n", text, base,
	    after_load, after_index, after_index * 1024.0 / (double)text,
	    (after_index - base) * 1024.0 / (double)text);
	index_free(x);
	corpus_free(c);
	return 0;
}

/*
 * One keystroke of the filter: what filter.c's filter_update does, minus
 * drawing: parse, search (within the last result when the query narrows),
 * outline_filter, keep the selection on a match (else the first match after
 * it) and lay out the selected node in the text view (app_select).
 */
struct typing {
	const struct corpus	*c;
	const struct index	*ix;
	struct outline		 ol;
	struct textview		 tv;
	struct query		*q;		/* the last good query */
	struct index_result	 res;
};

/* The pane width of the text view at 80 columns (app_layout). */
#define TYPING_TEXT_WIDTH	78

static void
typing_reset(struct typing *t)
{
	query_free(t->q);
	t->q = NULL;
	index_result_free(&t->res);
	if (t->ol.filtered)
		outline_unfilter(&t->ol);
	outline_select(&t->ol, 0);
	textview_set(&t->tv, 0, TYPING_TEXT_WIDTH);
}

struct key_time {
	double	search, outline, view;
	size_t	hits, rows;
	int	narrowed;
};

static void
typing_key(struct typing *t, const char *text, size_t n, struct key_time *kt)
{
	struct query			*q;
	struct index_result		 r;
	const struct index_result	*within = NULL;
	char				*err, *desc;
	uint32_t			 sel = t->ol.sel;
	double				 t0, t1, t2;
	size_t				 k;

	memset(kt, 0, sizeof *kt);
	t0 = t1 = t2 = now_ms();
	q = query_parse(t->c, text, n, &err);
	if (q == NULL) {
		free(err);
		goto out;
	}
	if (query_is_empty(q)) {
		query_free(q);
		query_free(t->q);
		t->q = NULL;
		index_result_free(&t->res);
		if (t->ol.filtered)
			outline_unfilter(&t->ol);
		t1 = t2 = now_ms();
		goto out;
	}
	if (t->q != NULL && query_narrows(q, t->q))
		within = &t->res;
	kt->narrowed = within != NULL;
	memset(&r, 0, sizeof r);
	index_search_narrowing(t->ix, q, within ? t->q : NULL, within, &r);
	index_result_free(&t->res);
	t->res = r;
	query_free(t->q);
	t->q = q;
	t1 = now_ms();
	if (t->res.n == 0) {
		if (t->ol.filtered)
			outline_unfilter(&t->ol);
		t2 = now_ms();
		goto out;
	}
	outline_filter(&t->ol, t->res.nodes, t->res.n, index_parents(t->ix));
	if (t->ol.hit[sel] != OUTLINE_HIT) {
		for (k = 0; k < t->res.n && t->res.nodes[k] < sel; k++)
			;
		sel = t->res.nodes[k < t->res.n ? k : 0];
	}
	outline_select(&t->ol, sel);
	outline_scroll_to_sel(&t->ol, 22);
	desc = index_result_describe(&t->res);
	free(desc);
	t2 = now_ms();
	textview_set(&t->tv, sel, TYPING_TEXT_WIDTH);
out:
	kt->search = t1 - t0;
	kt->outline = t2 - t1;
	kt->view = now_ms() - t2;
	kt->hits = t->res.n;
	kt->rows = t->ol.filtered ? t->ol.nrows : 0;
}

static int
cmd_type(const char *db, const char *query, int reps)
{
	size_t		 len = strlen(query), k, nall = 0;
	struct key_time	 kt[MAX_QUERY][MAX_REPS];
	double		 tot[MAX_QUERY][MAX_REPS], srch[MAX_REPS];
	double		 outl[MAX_REPS], view[MAX_REPS], word[MAX_REPS];
	double		 word_search[MAX_REPS];
	double		*all, t0, first_lazy;
	bool		 skip[MAX_QUERY];
	struct corpus	*c;
	struct index	*ix;
	struct typing	 t;
	int		 r;

	if (len == 0 || len > MAX_QUERY) {
		fprintf(stderr, "filter-bench: query of 1 to %d bytes\n",
		    MAX_QUERY);
		return 2;
	}
	c = load(db);
	/*
	 * The reader builds the index on the first filter keystroke
	 * (filter_update): time that once, as the user would feel it.
	 */
	t0 = now_ms();
	ix = index_build(c);
	first_lazy = now_ms() - t0;

	memset(&t, 0, sizeof t);
	t.c = c;
	t.ix = ix;
	outline_init(&t.ol, c);
	textview_init(&t.tv, c, false);
	for (k = 0; k < len; k++)
		/* a keystroke ends on a whole UTF-8 character */
		skip[k] = k + 1 < len && ((unsigned char)query[k + 1] &
		    0xc0) == 0x80;
	for (r = 0; r < reps; r++) {
		typing_reset(&t);
		word[r] = 0;
		for (k = 0; k < len; k++) {
			if (skip[k])
				continue;
			t0 = now_ms();
			typing_key(&t, query, k + 1, &kt[k][r]);
			tot[k][r] = now_ms() - t0;
			word[r] += tot[k][r];
		}
	}
	/* The whole query searched at once (as `charta search` does). */
	for (r = 0; r < reps; r++) {
		struct query		*q;
		struct index_result	 res;
		char			*err;

		memset(&res, 0, sizeof res);
		t0 = now_ms();
		q = query_parse(c, query, len, &err);
		if (q == NULL) {
			free(err);
			word_search[r] = 0;
			continue;
		}
		index_search(ix, q, NULL, &res);
		word_search[r] = now_ms() - t0;
		index_result_free(&res);
		query_free(q);
	}
	all = malloc(len * (size_t)reps * sizeof *all);
	printf("typing \"%s\", %d times, on %zu nodes (the reader's first "
	    "keystroke also runs index_build: %.1f ms)\n", query, reps,
	    c->nnodes, first_lazy);
	printf("  %-15s %8s %8s %6s %9s %9s %9s %9s %9s\n", "prefix", "hits",
	    "rows", "within", "search", "outline", "view", "median", "worst");
	for (k = 0; k < len; k++) {
		if (skip[k])
			continue;
		for (r = 0; r < reps; r++) {
			srch[r] = kt[k][r].search;
			outl[r] = kt[k][r].outline;
			view[r] = kt[k][r].view;
		}
		printf("  %-15.*s %8zu %8zu %6s %6.2f ms %6.2f ms %6.2f ms "
		    "%6.2f ms %6.2f ms\n", (int)k + 1, query, kt[k][0].hits,
		    kt[k][0].rows, kt[k][0].narrowed ? "yes" : "no",
		    median(srch, (size_t)reps), median(outl, (size_t)reps),
		    median(view, (size_t)reps), median(tot[k], (size_t)reps),
		    maximum(tot[k], (size_t)reps));
		memcpy(all + nall, tot[k], (size_t)reps * sizeof *all);
		nall += (size_t)reps;
	}
	printf("  per keystroke: median %.2f ms, worst %.2f ms; the whole "
	    "query (%zu keystrokes): median %.1f ms, worst %.1f ms\n",
	    median(all, nall), maximum(all, nall), nall / (size_t)reps,
	    median(word, (size_t)reps), maximum(word, (size_t)reps));
	printf("  the whole query searched at once (query_parse + "
	    "index_search): median %.2f ms\n", median(word_search,
	    (size_t)reps));
	printf("@search_ms=%.3f\n", median(word_search, (size_t)reps));
	printf("@key_median_ms=%.3f\n@key_worst_ms=%.3f\n@first_key_ms=%.3f\n"
	    "@word_median_ms=%.2f\n@word_worst_ms=%.2f\n@keys=%zu\n"
	    "@lazy_index_ms=%.2f\n@final_hits=%zu\n", median(all, nall),
	    maximum(all, nall), median(tot[0], (size_t)reps),
	    median(word, (size_t)reps), maximum(word, (size_t)reps),
	    nall / (size_t)reps, first_lazy, kt[len - 1][0].hits);
	free(all);
	query_free(t.q);
	index_result_free(&t.res);
	textview_free(&t.tv);
	outline_free(&t.ol);
	index_free(ix);
	corpus_free(c);
	return 0;
}

/* Write s[0..n) on one line, every run of blanks as one space. */
static void
put_line(const char *s, size_t n)
{
	size_t	i;
	int	blank = 0;

	for (i = 0; i < n; i++) {
		char	ch = s[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
		    ch == '\f' || ch == '\v') {
			if (!blank)
				putchar(' ');
			blank = 1;
			continue;
		}
		blank = 0;
		putchar(ch);
	}
	putchar('\n');
}

static int
cmd_export(const char *db)
{
	struct corpus	*c = load(db);
	size_t		 i;

	for (i = 0; i < c->nnodes; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		if (n->title[0] != '\0')
			put_line(n->title, strlen(n->title));
		else if (n->text_len > 0)
			put_line(n->text, n->text_len);
	}
	corpus_free(c);
	return fflush(stdout) == EOF ? 1 : 0;
}

static int
usage(void)
{
	fprintf(stderr, "usage: filter-bench startup DB [RUNS]\n"
	    "       filter-bench memory DB\n"
	    "       filter-bench type DB QUERY [REPS]\n"
	    "       filter-bench export DB\n");
	return 2;
}

static int
count_arg(const char *s, int dflt)
{
	int	n = s ? atoi(s) : dflt;

	return n < 1 ? 1 : n > MAX_REPS ? MAX_REPS : n;
}

int
main(int argc, char **argv)
{
	if (argc < 3)
		return usage();
	if (strcmp(argv[1], "startup") == 0 && argc <= 4)
		return cmd_startup(argv[2], count_arg(argv[3], 5));
	if (strcmp(argv[1], "memory") == 0 && argc == 3)
		return cmd_memory(argv[2]);
	if (strcmp(argv[1], "type") == 0 && (argc == 4 || argc == 5))
		return cmd_type(argv[2], argv[3], count_arg(argv[4], 5));
	if (strcmp(argv[1], "export") == 0 && argc == 3)
		return cmd_export(argv[2]);
	return usage();
}
