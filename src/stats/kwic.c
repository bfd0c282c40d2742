/*
 * kwic.c -- the concordance's hits: finding them, sorting them, their
 * context and their counterpart in the other translation (see kwic.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "stats/kwic.h"
#include "stats/stats.h"
#include "util/xmalloc.h"

static const char *const kwic_sort_names[] = {
	[KWIC_SORT_REF] = "ref",
	[KWIC_SORT_LEFT] = "left",
	[KWIC_SORT_RIGHT] = "right",
};

const char *
kwic_sort_name(enum kwic_sort s)
{
	return kwic_sort_names[s];
}

int
kwic_sort_from_name(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof kwic_sort_names / sizeof kwic_sort_names[0];
	    i++)
		if (strcmp(kwic_sort_names[i], name) == 0)
			return (int)i;
	return -1;
}

/* The first of w's words that ends after off (w->n if none). */
static size_t
kwic_word_ending_after(const struct stats_words *w, size_t off)
{
	size_t	lo = 0, hi = w->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((size_t)w->v[mid].off + w->v[mid].len <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first of w's words that starts at or after off (w->n if none). */
static size_t
kwic_word_from(const struct stats_words *w, size_t off)
{
	size_t	lo = 0, hi = w->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (w->v[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Widen [*s, *e) to the words it touches. */
static void
kwic_widen(const struct stats_words *w, size_t *s, size_t *e)
{
	size_t	a, b;

	a = kwic_word_ending_after(w, *s);
	if (a < w->n && w->v[a].off < *s)
		*s = w->v[a].off;
	if (*e == 0)
		return;
	b = kwic_word_ending_after(w, *e - 1);
	if (b < w->n && w->v[b].off < *e &&
	    (size_t)w->v[b].off + w->v[b].len > *e)
		*e = (size_t)w->v[b].off + w->v[b].len;
}

/* Blanks: a word never spans one (see words.c). */
static bool
kwic_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/*
 * Widen [*s, *e) of text[0..len) to the words it touches, splitting into
 * words only the run between the blanks around it: a node may be long,
 * and only the words at the match's edges matter.
 */
static void
kwic_widen_in(const char *text, size_t len, struct stats_words *w,
    size_t *s, size_t *e)
{
	size_t	from = *s, to = *e, ls, le;

	while (from > 0 && !kwic_blank(text[from - 1]))
		from--;
	while (to < len && !kwic_blank(text[to]))
		to++;
	stats_words_split(w, text + from, to - from);
	ls = *s - from;
	le = *e - from;
	kwic_widen(w, &ls, &le);
	*s = from + ls;
	*e = from + le;
}

/* Add node i's hits (query spans widened to words, merged) to k. */
static void
kwic_add_node(struct kwic *k, uint32_t i)
{
	struct index_span	*sp;
	const char		*text;
	size_t			 len, ns, j, s, e, first = k->n;
	struct kwic_hit		*last;

	text = stats_node_text(k->c, i, &len);
	ns = query_spans(k->q, text, len, &sp);
	for (j = 0; j < ns; j++) {
		s = sp[j].start;
		e = sp[j].end;
		kwic_widen_in(text, len, &k->words, &s, &e);
		last = k->n > first ? &k->hits[k->n - 1] : NULL;
		if (last != NULL && s < last->end) {
			/* Two matches in one word: one hit. */
			if (e > last->end)
				last->end = (uint32_t)e;
			continue;
		}
		k->hits = xgrowarray(k->hits, &k->cap, k->n + 1,
		    sizeof *k->hits);
		k->order = xgrowarray(k->order, &k->ocap, k->n + 1,
		    sizeof *k->order);
		k->hits[k->n].node = i;
		k->hits[k->n].start = (uint32_t)s;
		k->hits[k->n].end = (uint32_t)e;
		k->hits[k->n].nth = (uint32_t)(k->n - first);
		/* In reading order while the hits come. */
		k->order[k->n] = (uint32_t)k->n;
		k->n++;
	}
	free(sp);
	if (k->n > first && k->c->nodes[i].doc != k->lastdoc) {
		k->lastdoc = k->c->nodes[i].doc;
		k->ndocs++;
	}
}

void
kwic_start(struct kwic *k, const struct corpus *c, const struct index *ix,
    const struct query *q)
{
	struct index_result	r;

	memset(k, 0, sizeof *k);
	k->c = c;
	k->q = q;
	k->lastdoc = CORPUS_NONE;
	k->sort = KWIC_SORT_REF;
	stats_words_init(&k->words);
	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	/* The result's node array is kept; its other arrays go. */
	k->nodes = r.nodes;
	k->nnodes = r.n;
	r.nodes = NULL;
	index_result_free(&r);
}

bool
kwic_more(struct kwic *k, size_t nodes)
{
	size_t	end = k->nnodes - k->done > nodes ? k->done + nodes :
	    k->nnodes;

	while (k->done < end)
		kwic_add_node(k, k->nodes[k->done++]);
	if (k->done < k->nnodes)
		return false;
	if (k->order == NULL)
		k->order = xreallocarray(NULL, 1, sizeof *k->order);
	return true;
}

bool
kwic_done(const struct kwic *k)
{
	return k->done == k->nnodes;
}

void
kwic_build(struct kwic *k, const struct corpus *c, const struct index *ix,
    const struct query *q)
{
	kwic_start(k, c, ix, q);
	kwic_more(k, SIZE_MAX);
}

void
kwic_free(struct kwic *k)
{
	if (k == NULL)
		return;
	free(k->hits);
	free(k->order);
	free(k->left);
	free(k->right);
	free(k->nodes);
	stats_words_free(&k->words);
	memset(k, 0, sizeof *k);
}

const struct kwic_hit *
kwic_at(const struct kwic *k, size_t i)
{
	return &k->hits[k->order[i]];
}

static int
kwic_word_cmp(const void *a, const void *b, const void *arg)
{
	const struct stats_vocab	*v = arg;

	return strcmp(stats_vocab_word(v, *(const uint32_t *)a),
	    stats_vocab_word(v, *(const uint32_t *)b));
}

/* The folded words' ranks (1, 2, ...) in byte order, by id. */
static uint32_t *
kwic_ranks(const struct stats_vocab *v)
{
	uint32_t	*ids, *rank;
	size_t		 i;

	ids = xreallocarray(NULL, v->n ? v->n : 1, sizeof *ids);
	rank = xreallocarray(NULL, v->n ? v->n : 1, sizeof *rank);
	for (i = 0; i < v->n; i++)
		ids[i] = (uint32_t)i;
	stats_sort(ids, v->n, sizeof *ids, kwic_word_cmp, v);
	for (i = 0; i < v->n; i++)
		rank[ids[i]] = (uint32_t)i + 1;
	free(ids);
	return rank;
}

/*
 * The sort keys of every hit: the ranks of the three folded words to the
 * left (L1 L2 L3) and to the right (R1 R2 R3) of its keyword, 0 where the
 * block ends first.  The hits of a node are together (reading order), so
 * each node is split into words once.
 */
static void
kwic_keys(struct kwic *k)
{
	struct stats_vocab	 v;
	struct stats_words	 w;
	struct text_buf		 fold;
	const struct kwic_hit	*h;
	const char		*text = NULL;
	uint32_t		*rank, node = CORPUS_NONE;
	size_t			 i, j, a, b, len;
	size_t			 cap = k->n ? 3 * k->n : 1;

	k->left = xreallocarray(NULL, cap, sizeof *k->left);
	k->right = xreallocarray(NULL, cap, sizeof *k->right);
	stats_vocab_init(&v);
	stats_words_init(&w);
	text_buf_init(&fold);
	for (i = 0; i < k->n; i++) {
		h = &k->hits[i];
		if (h->node != node) {
			node = h->node;
			text = stats_node_text(k->c, node, &len);
			stats_words_split(&w, text, len);
		}
		a = kwic_word_from(&w, h->start);
		b = kwic_word_from(&w, h->end);
		for (j = 0; j < 3; j++) {
			k->left[3 * i + j] = UINT32_MAX;
			k->right[3 * i + j] = UINT32_MAX;
			if (a > j) {
				stats_word_fold(&fold, text + w.v[a - j - 1].off,
				    w.v[a - j - 1].len);
				k->left[3 * i + j] = stats_vocab_add(&v,
				    fold.data, fold.len);
			}
			if (b + j < w.n) {
				stats_word_fold(&fold, text + w.v[b + j].off,
				    w.v[b + j].len);
				k->right[3 * i + j] = stats_vocab_add(&v,
				    fold.data, fold.len);
			}
		}
	}
	/* Ids to ranks: the words in byte order, a missing word first. */
	rank = kwic_ranks(&v);
	for (i = 0; i < 3 * k->n; i++) {
		k->left[i] = k->left[i] == UINT32_MAX ? 0 : rank[k->left[i]];
		k->right[i] = k->right[i] == UINT32_MAX ? 0 :
		    rank[k->right[i]];
	}
	free(rank);
	text_buf_free(&fold);
	stats_words_free(&w);
	stats_vocab_free(&v);
}

static int
kwic_key_cmp(const void *a, const void *b, const void *arg)
{
	const uint32_t	*keys = arg;
	uint32_t	 x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	size_t		 j;

	for (j = 0; j < 3; j++)
		if (keys[3 * x + j] != keys[3 * y + j])
			return keys[3 * x + j] < keys[3 * y + j] ? -1 : 1;
	return x < y ? -1 : x > y;
}

void
kwic_sort(struct kwic *k, enum kwic_sort sort)
{
	size_t	i;

	kwic_more(k, SIZE_MAX);		/* every hit, before any order */
	k->sort = sort;
	for (i = 0; i < k->n; i++)
		k->order[i] = (uint32_t)i;
	if (sort == KWIC_SORT_REF || k->n == 0)
		return;
	if (k->left == NULL)
		kwic_keys(k);
	stats_sort(k->order, k->n, sizeof *k->order, kwic_key_cmp,
	    sort == KWIC_SORT_LEFT ? k->left : k->right);
}

void
kwic_context(const struct corpus *c, const struct kwic_hit *h,
    size_t nwords, size_t *from, size_t *to)
{
	struct stats_words	 w;
	const char		*text;
	size_t			 len, a, b;

	text = stats_node_text(c, h->node, &len);
	*from = h->start;
	*to = h->end;
	if (nwords == 0)
		return;
	stats_words_init(&w);
	stats_words_split(&w, text, len);
	a = kwic_word_from(&w, h->start);
	b = kwic_word_from(&w, h->end);
	*from = a >= nwords ? w.v[a - nwords].off : 0;
	*to = b + nwords <= w.n ? (size_t)w.v[b + nwords - 1].off +
	    w.v[b + nwords - 1].len : len;
	stats_words_free(&w);
}

uint32_t
kwic_counterpart(const struct corpus *c, const struct query *q,
    const struct kwic_hit *h, uint32_t *start, uint32_t *end)
{
	struct corpus_counterpart	*cp;
	struct index_span		*sp;
	struct stats_words		 w;
	const char			*text;
	size_t				 n, j, len, ns, s, e;
	uint32_t			 node = CORPUS_NONE;

	*start = *end = 0;
	n = corpus_counterparts(c, h->node, &cp);
	for (j = 0; j < n; j++)
		if (strcmp(cp[j].relation, "translation") == 0) {
			node = cp[j].node;
			break;
		}
	free(cp);
	if (node == CORPUS_NONE)
		return CORPUS_NONE;
	text = stats_node_text(c, node, &len);
	ns = query_spans(q, text, len, &sp);
	if (ns == 0)
		return node;
	/* The same place among the matches, as near as there is one. */
	j = h->nth < ns ? h->nth : ns - 1;
	s = sp[j].start;
	e = sp[j].end;
	free(sp);
	stats_words_init(&w);
	stats_words_split(&w, text, len);
	kwic_widen(&w, &s, &e);
	stats_words_free(&w);
	*start = (uint32_t)s;
	*end = (uint32_t)e;
	return node;
}
