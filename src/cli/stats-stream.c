/*
 * stats-stream.c -- `charta stats` without loading the corpus (see
 * cmd-stats.c): the store reads the nodes once, in reading order
 * (store_scan, on two threads for a large corpus), and each is counted as
 * it goes by (stats_counter_text, as stats_count counts), so that the
 * corpus's text is never copied: the time is near that of reading the
 * file and the memory small.  What the output names is kept as it goes
 * by: the documents, the chapters (a document's top-level sections) and
 * the nodes where a term occurs, which make a corpus of their own for the
 * output to name them from.  Anything wrong, and the caller loads the
 * corpus whole, whose loader says what.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/stats-stream.h"
#include "model/corpus.h"
#include "stats/stats.h"
#include "store/store.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* Not a node of its own: the document's. */
#define SS_DOC	UINT32_MAX

/* A node the output names: its strings are offsets into its half's. */
struct ss_node {
	uint32_t	doc;
	uint8_t		kind;
	size_t		label;
	size_t		title;
};

/* One half of the scan (store_scan_run), counted on its own. */
struct ss_half {
	struct stats_counter	*counter;
	struct ss_node		*nodes;
	size_t			 nnodes, nodecap;
	struct stats_part	*parts;		/* node: SS_DOC or a node */
	size_t			 nparts, partcap;
	struct text_buf		 strings;
	uint64_t		*doc_words;	/* shared, [ndocs] */
	bool			 in_doc;
	uint32_t		 doc, part, own;
	uint64_t		 pos, words;
};

static uint32_t
ss_add_node(struct ss_half *h, const struct store_row *row)
{
	struct ss_node	*n;

	h->nodes = xgrowarray(h->nodes, &h->nodecap, h->nnodes + 1,
	    sizeof *h->nodes);
	n = &h->nodes[h->nnodes];
	n->doc = row->doc;
	n->kind = row->kind;
	n->label = h->strings.len;
	text_buf_add(&h->strings, row->label, strlen(row->label) + 1);
	n->title = h->strings.len;
	if (!kind_is_block(row->kind))
		text_buf_add(&h->strings, row->text, row->len);
	text_buf_addc(&h->strings, '\0');
	return (uint32_t)h->nnodes++;
}

static uint32_t
ss_add_part(struct ss_half *h, uint32_t node, uint32_t doc)
{
	struct stats_part	*p;

	h->parts = xgrowarray(h->parts, &h->partcap, h->nparts + 1,
	    sizeof *h->parts);
	p = &h->parts[h->nparts];
	p->node = node;
	p->doc = doc;
	p->first = h->pos;
	p->words = 0;
	return (uint32_t)h->nparts++;
}

/* The document being read is done: its words are all counted. */
static void
ss_doc_done(struct ss_half *h)
{
	if (!h->in_doc)
		return;
	h->doc_words[h->doc] = h->pos;
	h->words += h->pos;
	h->in_doc = false;
}

/* As counts.c's counts_run, a node at a time. */
static void
ss_row(void *arg, const struct store_row *row)
{
	struct ss_half		*h = arg;
	struct stats_hit	 at;
	size_t			 held, n;
	uint32_t		 node = SS_DOC;

	if (row->kind == KIND_DOCUMENT) {
		ss_doc_done(h);
		h->in_doc = true;
		h->doc = row->doc;
		h->pos = 0;
		h->part = h->own = ss_add_part(h, SS_DOC, row->doc);
	} else if (row->depth == 1 && !kind_is_block(row->kind)) {
		/* The parts are in reading order: the next one starts. */
		node = ss_add_node(h, row);
		h->part = ss_add_part(h, node, row->doc);
	} else {
		/* A block at the top belongs to the document's part. */
		if (row->depth == 1)
			h->part = h->own;
		node = (uint32_t)h->nnodes;	/* if a term is in it */
	}
	memset(&at, 0, sizeof at);
	at.doc = row->doc;
	at.part = h->part;
	at.node = node;
	at.pos = h->pos;
	held = stats_counter_held(h->counter);
	n = stats_counter_text(h->counter, row->text, row->len, &at);
	if (node == h->nnodes && stats_counter_held(h->counter) > held)
		ss_add_node(h, row);
	h->pos += n;
	h->parts[h->part].words += n;
}

static void
ss_half_free(struct ss_half *h)
{
	stats_counter_free(h->counter);
	free(h->nodes);
	free(h->parts);
	text_buf_free(&h->strings);
}

/*
 * The corpus the output names things from: each document, and under it
 * the nodes the halves kept, in reading order; gnode[k][n] is the index
 * of half k's node n in it.  NULL if it cannot be made.
 */
static struct corpus *
ss_corpus(const struct corpus *docs, struct ss_half *h, uint32_t *gnode[2],
    uint32_t *roots)
{
	struct corpus	*c = corpus_new();
	const struct ss_node *n;
	size_t		 k = 0, i = 0;
	uint32_t	 d, a, b;

	for (d = 0; d < docs->ndocs; d++) {
		roots[d] = corpus_copy_doc(c, docs, d);
		for (; k < 2; k++, i = 0) {
			for (; i < h[k].nnodes && h[k].nodes[i].doc == d; i++) {
				n = &h[k].nodes[i];
				gnode[k][i] = corpus_add_node(c, roots[d],
				    n->kind, h[k].strings.data + n->label, "",
				    h[k].strings.data + n->title, "", 0, 0, 0);
			}
			if (i < h[k].nnodes)
				break;		/* a later document's */
		}
	}
	if (k < 2 || corpus_finish(c, &a, &b) == -1) {
		corpus_free(c);
		return NULL;
	}
	return c;
}

int
stats_stream(const struct cli_ctx *ctx, const struct stats_term *t,
    size_t nt, struct stats_counts *k, struct corpus **named)
{
	struct store_scan	*scan;
	const struct corpus	*docs;
	struct ss_half		 h[2];
	struct stats_hit	*v[2], *hit;
	uint32_t		*gnode[2], *roots = NULL;
	void			*arg[2];
	char			*path;
	size_t			 n[2], q, i;
	int			 rc = -1;

	memset(k, 0, sizeof *k);
	*named = NULL;
	if ((path = cli_stream_path(ctx)) == NULL)
		return -1;
	scan = store_scan_open(path);
	free(path);
	if (scan == NULL)
		return -1;
	docs = store_scan_docs(scan);
	memset(h, 0, sizeof h);
	memset(v, 0, sizeof v);
	memset(gnode, 0, sizeof gnode);
	k->nterms = nt;
	k->ndocs = docs->ndocs;
	k->doc_words = xcalloc(docs->ndocs + 1, sizeof *k->doc_words);
	for (q = 0; q < 2; q++) {
		h[q].counter = stats_counter_new(t, nt);
		h[q].doc_words = k->doc_words;
		text_buf_init(&h[q].strings);
		arg[q] = &h[q];
	}
	if (store_scan_run(scan, ss_row, arg) == -1)
		goto out;
	for (q = 0; q < 2; q++) {
		ss_doc_done(&h[q]);
		k->words += h[q].words;
		gnode[q] = xcalloc(h[q].nnodes + 1, sizeof *gnode[q]);
		v[q] = stats_counter_take(h[q].counter, &n[q]);
	}
	roots = xcalloc(docs->ndocs + 1, sizeof *roots);
	if ((*named = ss_corpus(docs, h, gnode, roots)) == NULL)
		goto out;
	/* The halves joined: the first's parts and hits come first. */
	k->nparts = h[0].nparts + h[1].nparts;
	k->parts = xcalloc(k->nparts + 1, sizeof *k->parts);
	k->nhits = n[0] + n[1];
	k->hits = xcalloc(k->nhits + 1, sizeof *k->hits);
	for (q = 0; q < 2; q++) {
		struct stats_part	*p = k->parts + (q ? h[0].nparts : 0);

		for (i = 0; i < h[q].nparts; i++) {
			p[i] = h[q].parts[i];
			p[i].node = p[i].node == SS_DOC ? roots[p[i].doc] :
			    gnode[q][p[i].node];
		}
		hit = k->hits + (q ? n[0] : 0);
		for (i = 0; i < n[q]; i++) {
			hit[i] = v[q][i];
			hit[i].node = hit[i].node == SS_DOC ?
			    roots[hit[i].doc] : gnode[q][hit[i].node];
			if (q == 1)
				hit[i].part += (uint32_t)h[0].nparts;
		}
	}
	stats_counts_tally(k);
	rc = 0;
out:
	for (q = 0; q < 2; q++) {
		ss_half_free(&h[q]);
		free(v[q]);
		free(gnode[q]);
	}
	free(roots);
	store_scan_free(scan);
	if (rc == -1) {
		stats_counts_free(k);
		memset(k, 0, sizeof *k);
	}
	return rc;
}
