/*
 * index.c -- the folded index and the search over it (see index.h).
 *
 * Algorithm: every node's searchable text is folded once, at start-up, into
 * one buffer, each node's text followed by a NUL so that no match crosses
 * two nodes; start[i] is where node i's text begins.  A search takes the
 * longest word of the query (the rarest, usually) and runs memmem over the
 * buffer -- or over each document's slice of it, with doc: -- and, at each
 * hit, finds the node by binary search on start[], checks the node against
 * the rest of the query, and resumes after that node.  So a rare word costs
 * one fast pass over the text, and a common one at most one short memmem
 * per node.  When the query only grew, the previous result is checked
 * instead of the whole buffer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "index/query-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct index {
	const struct corpus	*c;
	char			*buf;
	size_t			*start;		/* nnodes + 1 offsets */
};

struct index *
index_build(const struct corpus *c)
{
	struct index	*ix = xcalloc(1, sizeof *ix);
	size_t		 i, len, cap = 0, used = 0;
	char		*f;

	ix->c = c;
	ix->start = xreallocarray(NULL, c->nnodes + 1, sizeof *ix->start);
	/* The folded text is about as long as the text: guess, then grow. */
	for (i = 0; i < c->nnodes; i++)
		cap += kind_is_block(c->nodes[i].kind) ? c->nodes[i].text_len :
		    strlen(c->nodes[i].title);
	cap += c->nnodes + 16;
	cap += cap / 16;
	ix->buf = xmalloc(cap);
	for (i = 0; i < c->nnodes; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		if (kind_is_block(n->kind))
			f = index_fold(n->text, n->text_len, &len, NULL);
		else
			f = index_fold(n->title, strlen(n->title), &len, NULL);
		if (used + len + 1 > cap) {
			cap = (used + len + 1) * 2;
			ix->buf = xreallocarray(ix->buf, cap, 1);
		}
		ix->start[i] = used;
		memcpy(ix->buf + used, f, len);
		used += len;
		ix->buf[used++] = '\0';
		free(f);
	}
	ix->start[c->nnodes] = used;
	/* Give back what the guess overshot. */
	ix->buf = xreallocarray(ix->buf, used ? used : 1, 1);
	return ix;
}

void
index_free(struct index *ix)
{
	if (ix == NULL)
		return;
	free(ix->buf);
	free(ix->start);
	free(ix);
}

char *
index_describe_counts(size_t blocks, size_t sections)
{
	char	*b, *s, *r;

	b = xasprintf(ngettext("%zu paragraph", "%zu paragraphs", blocks),
	    blocks);
	s = xasprintf(ngettext("%zu section", "%zu sections", sections),
	    sections);
	/* TRANSLATORS: "3 paragraphs, 1 section" */
	r = xasprintf(_("%s, %s"), b, s);
	free(b);
	free(s);
	return r;
}

char *
index_result_describe(const struct index_result *r)
{
	char	*counts, *s;

	counts = index_describe_counts(r->nblocks, r->nsections);
	/* TRANSLATORS: "3 paragraphs, 1 section in 2 documents" */
	s = xasprintf(ngettext("%s in %zu document", "%s in %zu documents",
	    r->ndocs), counts, r->ndocs);
	free(counts);
	return s;
}

void
index_result_free(struct index_result *r)
{
	free(r->nodes);
	free(r->per_doc);
	memset(r, 0, sizeof *r);
}

/* Does node i's folded text contain t? */
static bool
index_has(const struct index *ix, uint32_t i, const struct query_term *t)
{
	size_t	s = ix->start[i], len = ix->start[i + 1] - s - 1;

	return len >= t->len && memmem(ix->buf + s, len, t->s, t->len) !=
	    NULL;
}

bool
index_node_matches(const struct index *ix, const struct query *q,
    uint32_t i)
{
	const struct corpus_node	*n = &ix->c->nodes[i];
	size_t				 k;

	if (q->kinds != 0 && !(q->kinds & (1u << n->kind)))
		return false;
	if (q->ndocs != 0) {
		for (k = 0; k < q->ndocs; k++)
			if (q->docs[k] == n->doc)
				break;
		if (k == q->ndocs)
			return false;
	}
	for (k = 0; k < q->npos; k++)
		if (!index_has(ix, i, &q->pos[k]))
			return false;
	for (k = 0; k < q->nneg; k++)
		if (index_has(ix, i, &q->neg[k]))
			return false;
	return true;
}

static void
index_result_add(struct index_result *r, const struct corpus *c,
    uint32_t i)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->nodes = xreallocarray(r->nodes, r->cap, sizeof *r->nodes);
	}
	r->nodes[r->n++] = i;
	if (kind_is_block(n->kind))
		r->nblocks++;
	else
		r->nsections++;
	if (r->per_doc[n->doc]++ == 0)
		r->ndocs++;
}

/* The node whose text holds buffer offset off. */
static uint32_t
index_node_at(const struct index *ix, size_t off)
{
	size_t	lo = 0, hi = ix->c->nnodes;

	while (hi - lo > 1) {
		size_t	mid = lo + (hi - lo) / 2;

		if (ix->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

/* Scan nodes [first, end) of the buffer for the driving term t. */
static void
index_scan(const struct index *ix, const struct query *q,
    const struct query_term *t, uint32_t first, uint32_t end,
    struct index_result *out)
{
	size_t		 pos = ix->start[first], stop = ix->start[end];
	const char	*hit;
	uint32_t	 i;

	while (pos < stop) {
		hit = memmem(ix->buf + pos, stop - pos, t->s, t->len);
		if (hit == NULL)
			break;
		i = index_node_at(ix, (size_t)(hit - ix->buf));
		if (index_node_matches(ix, q, i))
			index_result_add(out, ix->c, i);
		pos = ix->start[i + 1];
	}
}

void
index_search(const struct index *ix, const struct query *q,
    const struct index_result *within, struct index_result *out)
{
	const struct corpus	*c = ix->c;
	const struct query_term	*drive = NULL;
	size_t			 k, d;
	uint32_t		 i;

	free(out->nodes);
	free(out->per_doc);
	memset(out, 0, sizeof *out);
	out->per_doc = xcalloc(c->ndocs ? c->ndocs : 1, sizeof *out->per_doc);
	if (query_is_empty(q))
		return;
	if (within != NULL) {
		for (k = 0; k < within->n; k++)
			if (index_node_matches(ix, q, within->nodes[k]))
				index_result_add(out, c, within->nodes[k]);
		return;
	}
	for (k = 0; k < q->npos; k++)
		if (drive == NULL || q->pos[k].len > drive->len)
			drive = &q->pos[k];
	if (drive == NULL) {
		/* Only exclusions and filters: every node is a candidate. */
		for (i = 0; i < c->nnodes; i++)
			if (index_node_matches(ix, q, i))
				index_result_add(out, c, i);
		return;
	}
	if (q->ndocs == 0) {
		index_scan(ix, q, drive, 0, (uint32_t)c->nnodes, out);
		return;
	}
	/* doc: filters scan their documents' slices, in reading order. */
	for (d = 0; d < c->ndocs; d++) {
		for (k = 0; k < q->ndocs; k++)
			if (q->docs[k] == d)
				break;
		if (k < q->ndocs)
			index_scan(ix, q, drive, c->docs[d].root,
			    c->docs[d].end, out);
	}
}
