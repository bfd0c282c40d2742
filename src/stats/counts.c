/*
 * counts.c -- how often terms occur in each document and chapter, and
 * where (see stats.h).  One pass over the corpus in reading order: every
 * node's words are counted (they are the denominators of the rates) and
 * looked at for the terms.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/stats.h"
#include "util/xmalloc.h"

double
stats_rate(uint64_t count, uint64_t words)
{
	return words == 0 ? 0.0 : (double)count * 10000.0 / (double)words;
}

void
stats_counts_free(struct stats_counts *k)
{
	if (k == NULL)
		return;
	free(k->doc_words);
	free(k->doc_count);
	free(k->parts);
	free(k->part_count);
	free(k->hits);
	free(k->total);
	memset(k, 0, sizeof *k);
}

/* Does node i start a part: is it a top-level section? */
static bool
counts_starts_part(const struct corpus *c, uint32_t i)
{
	return c->nodes[i].depth == 1 && !kind_is_block(c->nodes[i].kind);
}

/* Count the parts of c's documents and set their nodes. */
static void
counts_parts(struct stats_counts *k, const struct corpus *c)
{
	size_t		d, cap = 0;
	uint32_t	i;

	for (d = 0; d < c->ndocs; d++) {
		const struct corpus_doc	*doc = &c->docs[d];

		for (i = doc->root; i < doc->end; i++) {
			if (i != doc->root && !counts_starts_part(c, i))
				continue;
			k->parts = xgrowarray(k->parts, &cap, k->nparts + 1,
			    sizeof *k->parts);
			k->parts[k->nparts].node = i;
			k->parts[k->nparts].doc = (uint32_t)d;
			k->parts[k->nparts].first = 0;
			k->parts[k->nparts].words = 0;
			k->nparts++;
		}
	}
}

static void
counts_add_hit(struct stats_counts *k, size_t *cap, uint32_t term,
    uint32_t doc, uint32_t part, uint32_t node, uint64_t pos)
{
	struct stats_hit	*h;

	k->hits = xgrowarray(k->hits, cap, k->nhits + 1, sizeof *k->hits);
	h = &k->hits[k->nhits++];
	h->term = term;
	h->doc = doc;
	h->part = part;
	h->node = node;
	h->pos = pos;
	k->doc_count[(size_t)term * k->ndocs + doc]++;
	k->part_count[(size_t)term * k->nparts + part]++;
	k->total[term]++;
}

void
stats_count(struct stats_counts *k, const struct corpus *c,
    const struct stats_term *t, size_t nt)
{
	struct stats_words	 w;
	struct text_buf		 fold;
	const char		*text;
	size_t			 d, len, j, p = 0, hcap = 0;
	uint32_t		 i, part, own;
	uint64_t		 pos;

	memset(k, 0, sizeof *k);
	k->nterms = nt;
	k->ndocs = c->ndocs;
	k->doc_words = xcalloc(c->ndocs ? c->ndocs : 1, sizeof *k->doc_words);
	k->doc_count = xcalloc(nt * c->ndocs + 1, sizeof *k->doc_count);
	k->total = xcalloc(nt ? nt : 1, sizeof *k->total);
	counts_parts(k, c);
	k->part_count = xcalloc(nt * k->nparts + 1, sizeof *k->part_count);
	stats_words_init(&w);
	text_buf_init(&fold);
	for (d = 0; d < c->ndocs; d++) {
		const struct corpus_doc	*doc = &c->docs[d];

		pos = 0;
		part = own = (uint32_t)p;
		for (i = doc->root; i < doc->end; i++) {
			/* The parts are in reading order: the next one starts. */
			if (p < k->nparts && k->parts[p].node == i) {
				part = (uint32_t)p++;
				k->parts[part].first = pos;
			}
			/* A block at the top belongs to the document's part. */
			if (c->nodes[i].depth == 1 &&
			    kind_is_block(c->nodes[i].kind))
				part = own;
			text = stats_node_text(c, i, &len);
			stats_words_split(&w, text, len);
			for (j = 0; j < w.n && nt > 0; j++) {
				size_t	ti;

				for (ti = 0; ti < nt; ti++)
					if (stats_term_at(&t[ti], text, &w, j,
					    &fold))
						counts_add_hit(k, &hcap,
						    (uint32_t)ti, (uint32_t)d,
						    part, i, pos + j);
			}
			pos += w.n;
			k->parts[part].words += w.n;
		}
		k->doc_words[d] = pos;
		k->words += pos;
	}
	text_buf_free(&fold);
	stats_words_free(&w);
}
