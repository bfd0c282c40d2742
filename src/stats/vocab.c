/*
 * vocab.c -- the distinct folded words of some texts and how often each
 * occurs (see stats.h): the frequency lists of keyness and collocates,
 * the stop word list, the words the concordance sorts by.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/stats.h"
#include "util/hash.h"
#include "util/xmalloc.h"

void
stats_vocab_init(struct stats_vocab *v)
{
	memset(v, 0, sizeof *v);
	text_buf_init(&v->pool);
	hashtab_init(&v->table, 0);
}

void
stats_vocab_free(struct stats_vocab *v)
{
	if (v == NULL)
		return;
	text_buf_free(&v->pool);
	free(v->off);
	free(v->count);
	hashtab_free(&v->table);
	memset(v, 0, sizeof *v);
}

uint32_t
stats_vocab_find(const struct stats_vocab *v, const char *s, size_t n)
{
	struct hashtab_iter	 it;
	uint32_t		 id;
	const char		*w;

	if (v->n == 0)
		return UINT32_MAX;
	for (id = hashtab_first(&v->table, hash_bytes(s, n), &it);
	    id != HASHTAB_NONE; id = hashtab_next(&v->table, &it)) {
		w = v->pool.data + v->off[id];
		if (strlen(w) == n && memcmp(w, s, n) == 0)
			return id;
	}
	return UINT32_MAX;
}

uint32_t
stats_vocab_add(struct stats_vocab *v, const char *s, size_t n)
{
	struct hashtab_iter	 it;
	uint64_t		 h = hash_bytes(s, n);
	uint32_t		 id;
	const char		*w;
	size_t			 cap;

	for (id = v->n ? hashtab_first(&v->table, h, &it) : HASHTAB_NONE;
	    id != HASHTAB_NONE; id = hashtab_next(&v->table, &it)) {
		w = v->pool.data + v->off[id];
		/* (strncmp stops at w's NUL: never past the pool) */
		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return id;
	}
	cap = v->cap;
	v->off = xgrowarray(v->off, &cap, v->n + 1, sizeof *v->off);
	v->count = xgrowarray(v->count, &v->cap, v->n + 1, sizeof *v->count);
	id = (uint32_t)v->n++;
	v->off[id] = v->pool.len;
	v->count[id] = 0;
	text_buf_add(&v->pool, s, n);
	text_buf_addc(&v->pool, '\0');
	hashtab_add(&v->table, h, id);
	return id;
}

const char *
stats_vocab_word(const struct stats_vocab *v, uint32_t id)
{
	return v->pool.data + v->off[id];
}

uint64_t
stats_vocab_count(struct stats_vocab *v, const struct corpus *c,
    const uint32_t (*ranges)[2], size_t nranges)
{
	struct stats_words	 w;
	struct text_buf		 fold;
	uint8_t			*seen;
	const char		*text;
	size_t			 r, j, len;
	uint32_t		 i, id;
	uint64_t		 words = 0;

	seen = xcalloc(c->nnodes ? c->nnodes : 1, 1);
	stats_words_init(&w);
	text_buf_init(&fold);
	for (r = 0; r < nranges; r++) {
		for (i = ranges[r][0]; i < ranges[r][1]; i++) {
			if (seen[i])
				continue;
			seen[i] = 1;
			text = stats_node_text(c, i, &len);
			stats_words_split(&w, text, len);
			for (j = 0; j < w.n; j++) {
				stats_word_fold(&fold, text + w.v[j].off,
				    w.v[j].len);
				id = stats_vocab_add(v, fold.data, fold.len);
				v->count[id]++;
			}
			words += w.n;
		}
	}
	text_buf_free(&fold);
	stats_words_free(&w);
	free(seen);
	return words;
}
