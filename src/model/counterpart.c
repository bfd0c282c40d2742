/*
 * counterpart.c -- which passages correspond to a node (see corpus.h,
 * corpus_counterparts): the same passage in the other translations of its
 * work, found through shared anchors, and the passages linked to it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "util/xmalloc.h"

/* The section of document d with this anchor, or CORPUS_NONE. */
static uint32_t
counterpart_anchor(const struct corpus *c, uint32_t d, const char *anchor)
{
	uint32_t	i;

	for (i = c->docs[d].root + 1; i < c->docs[d].end; i++)
		if (strcmp(c->nodes[i].anchor, anchor) == 0)
			return i;
	return CORPUS_NONE;
}

/* Node i's position among its parent's children of the same class. */
static size_t
counterpart_position(const struct corpus *c, uint32_t i)
{
	uint32_t	k;
	size_t		pos = 0;
	bool		block = kind_is_block(c->nodes[i].kind);

	for (k = c->nodes[c->nodes[i].parent].first_child; k != i;
	    k = c->nodes[k].next_sibling)
		if (kind_is_block(c->nodes[k].kind) == block)
			pos++;
	return pos;
}

/* The node of document d corresponding to node i, or CORPUS_NONE. */
static uint32_t
counterpart_in(const struct corpus *c, uint32_t i, uint32_t d)
{
	const struct corpus_node	*n = &c->nodes[i];
	uint32_t			 p, k;
	size_t				 pos;

	if (n->kind == KIND_DOCUMENT)
		return c->docs[d].root;
	if (*n->anchor != '\0')
		return counterpart_anchor(c, d, n->anchor);
	if (!kind_is_block(n->kind))
		return corpus_resolve_label(c, d, n->label);
	/* A block: the same position in the corresponding section. */
	p = counterpart_in(c, n->parent, d);
	if (p == CORPUS_NONE)
		return CORPUS_NONE;
	pos = counterpart_position(c, i);
	for (k = c->nodes[p].first_child; k != CORPUS_NONE;
	    k = c->nodes[k].next_sibling) {
		if (!kind_is_block(c->nodes[k].kind))
			continue;
		if (pos-- == 0)
			return k;
	}
	return CORPUS_NONE;
}

static void
counterpart_add(struct corpus_counterpart **v, size_t *n, uint32_t node,
    const char *relation, const char *note)
{
	size_t	k;

	for (k = 0; k < *n; k++)
		if ((*v)[k].node == node)
			return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].node = node;
	(*v)[*n].relation = relation;
	(*v)[*n].note = note;
	(*n)++;
}

size_t
corpus_counterparts(const struct corpus *c, uint32_t i,
    struct corpus_counterpart **out)
{
	const struct corpus_doc	*doc = &c->docs[c->nodes[i].doc];
	size_t			 n = 0, d, k;
	uint32_t		 t;

	*out = NULL;
	for (d = 0; d < c->ndocs && *doc->work != '\0'; d++) {
		if (d == c->nodes[i].doc || strcmp(c->docs[d].work,
		    doc->work) != 0)
			continue;
		t = counterpart_in(c, i, (uint32_t)d);
		if (t != CORPUS_NONE)
			counterpart_add(out, &n, t, "translation", "");
	}
	for (k = 0; k < c->nlinks; k++) {
		const struct corpus_link	*l = &c->links[k];

		if (l->from == i)
			counterpart_add(out, &n, l->to, l->relation, l->note);
		else if (l->to == i)
			counterpart_add(out, &n, l->from, l->relation,
			    l->note);
	}
	return n;
}
