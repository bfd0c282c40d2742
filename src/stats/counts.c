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

/*
 * The work of one thread: documents [from, to), their parts starting at
 * part.  The words of a document and of its parts are its own thread's to
 * write; the occurrences are its counter's, joined after.
 */
struct counts_job {
	struct stats_counts		*k;
	const struct corpus		*c;
	size_t				 from;
	size_t				 to;
	size_t				 part;
	struct stats_counter		*counter;
	uint64_t			 words;
};

static void *
counts_run(void *arg)
{
	struct counts_job	*job = arg;
	struct stats_counts	*k = job->k;
	const struct corpus	*c = job->c;
	struct stats_hit	 at;
	const char		*text;
	size_t			 d, len, n, p = job->part;
	uint32_t		 i, own;

	memset(&at, 0, sizeof at);
	for (d = job->from; d < job->to; d++) {
		const struct corpus_doc	*doc = &c->docs[d];

		at.doc = (uint32_t)d;
		at.pos = 0;
		at.part = own = (uint32_t)p;
		for (i = doc->root; i < doc->end; i++) {
			/* The parts are in reading order: the next one starts. */
			if (p < k->nparts && k->parts[p].node == i) {
				at.part = (uint32_t)p++;
				k->parts[at.part].first = at.pos;
			}
			/* A block at the top belongs to the document's part. */
			if (c->nodes[i].depth == 1 &&
			    kind_is_block(c->nodes[i].kind))
				at.part = own;
			text = stats_node_text(c, i, &len);
			at.node = i;
			n = stats_counter_text(job->counter, text, len, &at);
			at.pos += n;
			k->parts[at.part].words += n;
		}
		k->doc_words[d] = at.pos;
		job->words += at.pos;
	}
	return NULL;
}

/* Above this much text, two threads count (half the documents each). */
#define COUNTS_SPLIT_BYTES	(8 * 1024 * 1024)

void
stats_counts_tally(struct stats_counts *k)
{
	const struct stats_hit	*h;
	size_t			 i, nt = k->nterms;

	free(k->doc_count);
	free(k->part_count);
	free(k->total);
	k->doc_count = xcalloc(nt * k->ndocs + 1, sizeof *k->doc_count);
	k->part_count = xcalloc(nt * k->nparts + 1, sizeof *k->part_count);
	k->total = xcalloc(nt ? nt : 1, sizeof *k->total);
	for (i = 0; i < k->nhits; i++) {
		h = &k->hits[i];
		k->doc_count[(size_t)h->term * k->ndocs + h->doc]++;
		k->part_count[(size_t)h->term * k->nparts + h->part]++;
		k->total[h->term]++;
	}
}

void
stats_count(struct stats_counts *k, const struct corpus *c,
    const struct stats_term *t, size_t nt)
{
	struct counts_job	 job[2];
	struct stats_hit	*v[2];
	size_t			 n[2];
	pthread_t		 th;
	size_t			 d, half, p, q, bytes = 0;
	uint32_t		 i;
	bool			 two = false;

	memset(k, 0, sizeof *k);
	k->nterms = nt;
	k->ndocs = c->ndocs;
	k->doc_words = xcalloc(c->ndocs ? c->ndocs : 1, sizeof *k->doc_words);
	counts_parts(k, c);

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
		job[q].counter = stats_counter_new(t, nt);
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
	for (q = 0; q < 2; q++) {
		v[q] = stats_counter_take(job[q].counter, &n[q]);
		stats_counter_free(job[q].counter);
		k->words += job[q].words;
	}
	k->nhits = n[0] + n[1];
	k->hits = xreallocarray(v[0], k->nhits ? k->nhits : 1,
	    sizeof *k->hits);
	if (n[1] > 0)
		memcpy(k->hits + n[0], v[1], n[1] * sizeof *k->hits);
	free(v[1]);
	stats_counts_tally(k);
}
