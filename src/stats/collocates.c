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
	free(k->near);
	free(k->ids);
	free(k->inside);
	text_buf_free(&k->fold);
	stats_words_free(&k->w);
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
stats_collocates_start(struct stats_collocates *out, const struct corpus *c,
    const struct stats_term *t, uint32_t from, uint32_t to, size_t window,
    uint64_t min)
{
	memset(out, 0, sizeof *out);
	stats_vocab_init(&out->vocab);
	out->window = window;
	out->min = min;
	out->c = c;
	out->t = t;
	out->next = from;
	out->to = to;
	stats_words_init(&out->w);
	text_buf_init(&out->fold);
}

/* Count the words of node i and those near the term in it. */
static void
collocates_node(struct stats_collocates *out, uint32_t i)
{
	const struct stats_term	*t = out->t;
	struct stats_words	*w = &out->w;
	const char		*text;
	size_t			 j, p, len, lo, hi, m = t->nwords;
	size_t			 window = out->window;

	text = stats_node_text(out->c, i, &len);
	stats_words_split(w, text, len);
	if (w->n == 0)
		return;
	out->ids = xgrowarray(out->ids, &out->idcap, w->n, sizeof *out->ids);
	out->inside = xgrowarray(out->inside, &out->incap, w->n, 1);
	memset(out->inside, 0, w->n);
	for (j = 0; j < w->n; j++) {
		stats_word_fold(&out->fold, text + w->v[j].off, w->v[j].len);
		out->ids[j] = stats_vocab_add(&out->vocab, out->fold.data,
		    out->fold.len);
		out->vocab.count[out->ids[j]]++;
		/* 1: inside an occurrence; 3: its first word. */
		if (stats_term_at(t, text, w, j, &out->fold)) {
			memset(out->inside + j, 1, m);
			out->inside[j] = 3;
		}
	}
	out->words += w->n;
	out->near = xgrowarray(out->near, &out->nearcap, out->vocab.n,
	    sizeof *out->near);
	memset(out->near + out->nearlen, 0, (out->vocab.n - out->nearlen) *
	    sizeof *out->near);
	out->nearlen = out->vocab.n;
	for (j = 0; j < w->n; j++) {
		if (out->inside[j] != 3)
			continue;
		out->node_freq++;
		lo = j > window ? j - window : 0;
		hi = j + m + window < w->n ? j + m + window : w->n;
		for (p = lo; p < hi; p++)
			if (!out->inside[p])
				out->near[out->ids[p]]++;
	}
}

bool
stats_collocates_more(struct stats_collocates *out, size_t nodes)
{
	while (out->next < out->to && nodes-- > 0)
		collocates_node(out, out->next++);
	return out->next >= out->to;
}

void
stats_collocates_finish(struct stats_collocates *out,
    const struct stats_vocab *stop)
{
	const char	*word;
	size_t		 cap = 0;
	uint32_t	 id;
	double		 fxy, fx, fy;

	stats_collocates_more(out, SIZE_MAX);
	for (id = 0; id < out->nearlen; id++) {
		if (out->near[id] < out->min || out->near[id] == 0)
			continue;
		word = stats_vocab_word(&out->vocab, id);
		if (stop != NULL && stats_vocab_find(stop, word,
		    strlen(word)) != UINT32_MAX)
			continue;
		out->v = xgrowarray(out->v, &cap, out->n + 1, sizeof *out->v);
		fxy = (double)out->near[id];
		fx = (double)out->node_freq;
		fy = (double)out->vocab.count[id];
		out->v[out->n].word = id;
		out->v[out->n].near = out->near[id];
		out->v[out->n].freq = out->vocab.count[id];
		out->v[out->n].logdice = 14.0 + log2(2.0 * fxy / (fx + fy));
		out->v[out->n].mi = log2(fxy * (double)out->words / (fx * fy));
		out->n++;
	}
	stats_sort(out->v, out->n, sizeof *out->v, collocate_cmp, &out->vocab);
	/* The counting's scratch goes; the results stay. */
	free(out->near);
	free(out->ids);
	free(out->inside);
	out->near = NULL;
	out->ids = NULL;
	out->inside = NULL;
	out->nearlen = out->nearcap = out->idcap = out->incap = 0;
	text_buf_free(&out->fold);
	stats_words_free(&out->w);
	out->done = true;
}

void
stats_collocates(struct stats_collocates *out, const struct corpus *c,
    const struct stats_term *t, uint32_t from, uint32_t to, size_t window,
    uint64_t min, const struct stats_vocab *stop)
{
	stats_collocates_start(out, c, t, from, to, window, min);
	stats_collocates_finish(out, stop);
}
