/*
 * keyness.c -- the words one text uses markedly more than another (see
 * stats.h).
 *
 * Log-likelihood (G2, Dunning 1993, as Rayson and Garside 2000 compute
 * it): with a and b a word's frequencies in texts of na and nb words, and
 * the expected frequencies Ea = na (a + b) / (na + nb), Eb likewise,
 * G2 = 2 (a ln(a / Ea) + b ln(b / Eb)), a term being 0 when its frequency
 * is.  G2 says how sure the difference is, not how large: the effect size
 * beside it is Hardie's (2014) log ratio, log2((a / na) / (b / nb)), each
 * doubling of the relative frequency one point, a zero frequency counted
 * as 0.5 so that a word found in one text only still gets a finite size.
 * Positive: key in A; negative: key in B.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/stats.h"
#include "util/xmalloc.h"

double
stats_log_likelihood(uint64_t a, uint64_t na, uint64_t b, uint64_t nb)
{
	double	ea, eb, g = 0.0, total = (double)na + (double)nb;

	if (na == 0 || nb == 0 || a + b == 0)
		return 0.0;
	ea = (double)na * (double)(a + b) / total;
	eb = (double)nb * (double)(a + b) / total;
	if (a > 0)
		g += (double)a * log((double)a / ea);
	if (b > 0)
		g += (double)b * log((double)b / eb);
	return 2.0 * g;
}

double
stats_log_ratio(uint64_t a, uint64_t na, uint64_t b, uint64_t nb)
{
	double	fa = a > 0 ? (double)a : 0.5, fb = b > 0 ? (double)b : 0.5;

	if (na == 0 || nb == 0)
		return 0.0;
	return log2((fa / (double)na) / (fb / (double)nb));
}

void
stats_keyness_free(struct stats_keyness *k)
{
	if (k == NULL)
		return;
	stats_vocab_free(&k->vocab);
	free(k->v);
	memset(k, 0, sizeof *k);
}

static int
key_cmp(const void *a, const void *b, const void *arg)
{
	const struct stats_key		*x = a, *y = b;
	const struct stats_vocab	*v = arg;

	if (x->ll != y->ll)
		return x->ll > y->ll ? -1 : 1;
	return strcmp(stats_vocab_word(v, x->word),
	    stats_vocab_word(v, y->word));
}

void
stats_keyness(struct stats_keyness *out, const struct corpus *c,
    const uint32_t (*a)[2], size_t na, const uint32_t (*b)[2], size_t nb,
    uint64_t min, const struct stats_vocab *stop)
{
	struct stats_vocab	 vb;
	uint64_t		*fb;
	uint32_t		*map, id, idb;
	size_t			 cap = 0;
	const char		*word;

	memset(out, 0, sizeof *out);
	out->min = min;
	stats_vocab_init(&out->vocab);
	stats_vocab_init(&vb);
	out->words_a = stats_vocab_count(&out->vocab, c, a, na);
	out->words_b = stats_vocab_count(&vb, c, b, nb);
	/* B's words join A's vocabulary (new ones with an A count of 0). */
	map = xcalloc(vb.n ? vb.n : 1, sizeof *map);
	for (idb = 0; idb < vb.n; idb++)
		map[idb] = stats_vocab_add(&out->vocab,
		    stats_vocab_word(&vb, idb), strlen(stats_vocab_word(&vb,
		    idb)));
	fb = xcalloc(out->vocab.n ? out->vocab.n : 1, sizeof *fb);
	for (idb = 0; idb < vb.n; idb++)
		fb[map[idb]] = vb.count[idb];
	for (id = 0; id < out->vocab.n; id++) {
		uint64_t	ca = out->vocab.count[id], cb = fb[id];
		double		ll;

		if (ca + cb < min)
			continue;
		word = stats_vocab_word(&out->vocab, id);
		if (stop != NULL && stats_vocab_find(stop, word,
		    strlen(word)) != UINT32_MAX)
			continue;
		ll = stats_log_likelihood(ca, out->words_a, cb, out->words_b);
		if (ll < STATS_LL_CRITICAL)
			continue;
		out->v = xgrowarray(out->v, &cap, out->n + 1, sizeof *out->v);
		out->v[out->n].word = id;
		out->v[out->n].a = ca;
		out->v[out->n].b = cb;
		out->v[out->n].ll = ll;
		out->v[out->n].log_ratio = stats_log_ratio(ca, out->words_a,
		    cb, out->words_b);
		out->n++;
	}
	free(fb);
	free(map);
	stats_vocab_free(&vb);
	stats_sort(out->v, out->n, sizeof *out->v, key_cmp, &out->vocab);
}
