/*
 * counts.c -- how often terms occur in each document and chapter, and
 * where (see stats.h).  One pass over the corpus in reading order: every
 * node's words are counted (they are the denominators of the rates) and
 * looked at for the terms.  A large corpus is read by two threads, half
 * the documents each, as the loader does.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "index/find.h"
#include "model/corpus.h"
#include "stats/counts-private.h"
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

static void *
counts_run(void *arg)
{
	struct counts_job	*job = arg;
	struct stats_counts	*k = job->k;
	const struct corpus	*c = job->c;
	const char		*text;
	size_t			 d, len, n, p = job->part;
	uint32_t		 i, part, own;
	uint64_t		 pos;

	stats_words_init(&job->words_at);
	text_buf_init(&job->fold);
	text_buf_init(&job->folded_word);
	for (d = job->from; d < job->to; d++) {
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
			n = counts_text(job, text, len, (uint32_t)d, part, i,
			    pos);
			pos += n;
			k->parts[part].words += n;
		}
		k->doc_words[d] = pos;
		job->words += pos;
	}
	text_buf_free(&job->fold);
	text_buf_free(&job->folded_word);
	stats_words_free(&job->words_at);
	free(job->leads);
	return NULL;
}

/* Above this much text, two threads count (half the documents each). */
#define COUNTS_SPLIT_BYTES	(8 * 1024 * 1024)

void
stats_count(struct stats_counts *k, const struct corpus *c,
    const struct stats_term *t, size_t nt)
{
	struct counts_job	 job[2];
	pthread_t		 th;
	uint64_t		 first[256], folded[256];
	struct find_term	*lead;
	size_t			 d, half, p, q, bytes = 0, ti;
	uint32_t		 i;
	int			 b;
	bool			 two = false;

	memset(k, 0, sizeof *k);
	k->nterms = nt;
	k->ndocs = c->ndocs;
	k->doc_words = xcalloc(c->ndocs ? c->ndocs : 1, sizeof *k->doc_words);
	k->doc_count = xcalloc(nt * c->ndocs + 1, sizeof *k->doc_count);
	k->total = xcalloc(nt ? nt : 1, sizeof *k->total);
	counts_parts(k, c);
	k->part_count = xcalloc(nt * k->nparts + 1, sizeof *k->part_count);

	/* Which terms a word's first byte may start (past 64: all). */
	for (b = 0; b < 256; b++) {
		folded[b] = nt > 64 ? ~(uint64_t)0 : 0;
		for (ti = 0; ti < nt && ti < 64; ti++)
			if ((unsigned char)t[ti].words[0][0] == b)
				folded[b] |= (uint64_t)1 << ti;
	}
	for (b = 0; b < 256; b++)
		first[b] = b >= 0x80 ? ~(uint64_t)0 : folded[b >= 'A' &&
		    b <= 'Z' ? b - 'A' + 'a' : b];

	lead = xcalloc(nt ? nt : 1, sizeof *lead);
	for (ti = 0; ti < nt; ti++)
		if (stats_words_plain(t[ti].words[0], t[ti].lens[0]))
			find_prepare(&lead[ti], t[ti].words[0], t[ti].lens[0]);

	/* Split the documents where half the text has gone by. */
	for (i = 0; i < c->nnodes; i++)
		bytes += c->nodes[i].text_len;
	half = c->ndocs;
	if (bytes > COUNTS_SPLIT_BYTES && c->ndocs > 1) {
		uint64_t	acc = 0;

		for (d = 0; d < c->ndocs && acc < bytes / 2; d++)
			for (i = c->docs[d].root; i < c->docs[d].end; i++)
				acc += c->nodes[i].text_len;
		half = d < c->ndocs ? d : c->ndocs - 1;
	}
	/* The first part of document half: count the parts before it. */
	for (p = 0; p < k->nparts && k->parts[p].doc < half; p++)
		;
	memset(job, 0, sizeof job);
	for (q = 0; q < 2; q++) {
		job[q].k = k;
		job[q].c = c;
		job[q].t = t;
		job[q].first = first;
		job[q].folded = folded;
		job[q].lead = lead;
		job[q].total = xcalloc(nt ? nt : 1, sizeof *job[q].total);
	}
	job[0].to = half;
	job[1].from = half;
	job[1].to = c->ndocs;
	job[1].part = p;
	if (half < c->ndocs)
		two = pthread_create(&th, NULL, counts_run, &job[1]) == 0;
	counts_run(&job[0]);
	if (two)
		pthread_join(th, NULL);
	else if (half < c->ndocs)
		counts_run(&job[1]);		/* no thread: here, after */
	/* Join: the first half's occurrences come first in reading order. */
	k->nhits = job[0].nhits + job[1].nhits;
	k->hits = xreallocarray(NULL, k->nhits ? k->nhits : 1,
	    sizeof *k->hits);
	if (job[0].nhits > 0)
		memcpy(k->hits, job[0].hits, job[0].nhits * sizeof *k->hits);
	if (job[1].nhits > 0)
		memcpy(k->hits + job[0].nhits, job[1].hits,
		    job[1].nhits * sizeof *k->hits);
	for (q = 0; q < 2; q++) {
		for (ti = 0; ti < nt; ti++)
			k->total[ti] += job[q].total[ti];
		k->words += job[q].words;
		free(job[q].total);
		free(job[q].hits);
	}
	free(lead);
}
