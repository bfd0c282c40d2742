/*
 * collocates.c -- the words found near a term (see stats.h).
 *
 * The association measure is log-Dice (Rychlý 2008): 14 + log2(2 f(xy) /
 * (f(x) + f(y))), where f(x) is how often the term occurs, f(y) how often
 * the collocate does and f(xy) how often the collocate is within the
 * window of an occurrence of the term.  Its maximum is 14 (the two always
 * together); it does not depend on the size of the corpus, so figures from
 * a document and from the whole corpus compare.  Mutual information
 * (log2(f(xy) N / (f(x) f(y))), N the words in all) is given beside it: it
 * favours rare words, log-Dice does not.
 *
 * A window stays within one block (or title): a paragraph's last words are
 * not near the next one's first.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/stats.h"
#include "util/xmalloc.h"

void
stats_collocates_free(struct stats_collocates *k)
{
	if (k == NULL)
		return;
	stats_vocab_free(&k->vocab);
	free(k->v);
	memset(k, 0, sizeof *k);
}

static int
collocate_cmp(const void *a, const void *b, const void *arg)
{
	const struct stats_collocate	*x = a, *y = b;
	const struct stats_vocab	*v = arg;

	if (x->logdice != y->logdice)
		return x->logdice > y->logdice ? -1 : 1;
	if (x->near != y->near)
		return x->near > y->near ? -1 : 1;
	return strcmp(stats_vocab_word(v, x->word),
	    stats_vocab_word(v, y->word));
}

void
stats_collocates(struct stats_collocates *out, const struct corpus *c,
    const struct stats_term *t, uint32_t from, uint32_t to, size_t window,
    uint64_t min, const struct stats_vocab *stop)
{
	struct stats_words	 w;
	struct text_buf		 fold;
	uint32_t		*ids = NULL;
	uint8_t			*inside = NULL;
	uint64_t		*near = NULL;
	size_t			 idcap = 0, incap = 0, nearcap = 0, nearlen = 0;
	size_t			 j, m, p, len;
	size_t			 lo, hi, cap = 0;
	const char		*text;
	uint32_t		 i, id;

	memset(out, 0, sizeof *out);
	stats_vocab_init(&out->vocab);
	out->window = window;
	out->min = min;
	stats_words_init(&w);
	text_buf_init(&fold);
	m = t->nwords;
	for (i = from; i < to; i++) {
		text = stats_node_text(c, i, &len);
		stats_words_split(&w, text, len);
		if (w.n == 0)
			continue;
		ids = xgrowarray(ids, &idcap, w.n, sizeof *ids);
		inside = xgrowarray(inside, &incap, w.n, 1);
		memset(inside, 0, w.n);
		for (j = 0; j < w.n; j++) {
			stats_word_fold(&fold, text + w.v[j].off, w.v[j].len);
			ids[j] = stats_vocab_add(&out->vocab, fold.data,
			    fold.len);
			out->vocab.count[ids[j]]++;
			/* 1: inside an occurrence; 3: its first word. */
			if (stats_term_at(t, text, &w, j, &fold)) {
				memset(inside + j, 1, m);
				inside[j] = 3;
			}
		}
		out->words += w.n;
		near = xgrowarray(near, &nearcap, out->vocab.n, sizeof *near);
		memset(near + nearlen, 0, (out->vocab.n - nearlen) *
		    sizeof *near);
		nearlen = out->vocab.n;
		for (j = 0; j < w.n; j++) {
			if (inside[j] != 3)
				continue;
			out->node_freq++;
			lo = j > window ? j - window : 0;
			hi = j + m + window < w.n ? j + m + window : w.n;
			for (p = lo; p < hi; p++)
				if (!inside[p])
					near[ids[p]]++;
		}
	}
	for (id = 0; id < nearlen; id++) {
		double	fxy, fx, fy;

		if (near[id] < min || near[id] == 0)
			continue;
		if (stop != NULL && stats_vocab_find(stop,
		    stats_vocab_word(&out->vocab, id),
		    strlen(stats_vocab_word(&out->vocab, id))) != UINT32_MAX)
			continue;
		out->v = xgrowarray(out->v, &cap, out->n + 1, sizeof *out->v);
		fxy = (double)near[id];
		fx = (double)out->node_freq;
		fy = (double)out->vocab.count[id];
		out->v[out->n].word = id;
		out->v[out->n].near = near[id];
		out->v[out->n].freq = out->vocab.count[id];
		out->v[out->n].logdice = 14.0 + log2(2.0 * fxy / (fx + fy));
		out->v[out->n].mi = log2(fxy * (double)out->words / (fx * fy));
		out->n++;
	}
	stats_sort(out->v, out->n, sizeof *out->v, collocate_cmp, &out->vocab);
	free(near);
	free(ids);
	free(inside);
	text_buf_free(&fold);
	stats_words_free(&w);
}
