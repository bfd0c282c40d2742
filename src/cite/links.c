/*
 * links.c -- the "see also" links of a node (data/links.tsv, kept in
 * corpus.links), and an index that says at once whether a node has any:
 * the outline asks it for every row it draws.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite.h"
#include "model/corpus.h"
#include "util/xmalloc.h"

struct cite_links {
	uint32_t	*nodes;		/* every linked node, sorted, once */
	size_t		 n;
};

static int
cite_links_cmp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

struct cite_links *
cite_links_new(const struct corpus *c)
{
	struct cite_links	*ix = xcalloc(1, sizeof *ix);
	size_t			 k, w;

	if (c->nlinks == 0)
		return ix;
	ix->nodes = xreallocarray(NULL, c->nlinks, 2 * sizeof *ix->nodes);
	for (k = 0; k < c->nlinks; k++) {
		ix->nodes[2 * k] = c->links[k].from;
		ix->nodes[2 * k + 1] = c->links[k].to;
	}
	qsort(ix->nodes, 2 * c->nlinks, sizeof *ix->nodes, cite_links_cmp);
	for (k = 1, w = 1; k < 2 * c->nlinks; k++)
		if (ix->nodes[k] != ix->nodes[w - 1])
			ix->nodes[w++] = ix->nodes[k];
	ix->n = w;
	return ix;
}

void
cite_links_free(struct cite_links *ix)
{
	if (ix == NULL)
		return;
	free(ix->nodes);
	free(ix);
}

bool
cite_links_has(const struct cite_links *ix, uint32_t i)
{
	return ix->n > 0 && bsearch(&i, ix->nodes, ix->n, sizeof *ix->nodes,
	    cite_links_cmp) != NULL;
}

size_t
cite_links_of(const struct corpus *c, uint32_t i, bool subtree,
    struct cite_link **out)
{
	struct cite_link	*v = NULL;
	size_t			 n = 0, cap = 0, k;
	uint32_t		 end = subtree ? corpus_subtree_end(c, i) : i + 1;

	for (k = 0; k < c->nlinks; k++) {
		const struct corpus_link	*l = &c->links[k];
		bool				 from = l->from >= i &&
		    l->from < end, to = l->to >= i && l->to < end;

		if (!from && !to)
			continue;
		v = xgrowarray(v, &cap, n + 1, sizeof *v);
		v[n].link = (uint32_t)k;
		v[n].outgoing = from;
		v[n].here = from ? l->from : l->to;
		v[n].other = from ? l->to : l->from;
		n++;
	}
	*out = v;
	return n;
}
