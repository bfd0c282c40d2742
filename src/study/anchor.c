/*
 * anchor.c -- the logical place of a node, and finding a node from a
 * place (see study.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/corpus.h"
#include "study/study.h"
#include "util/xmalloc.h"

/* The section at or above node i with an anchor, or CORPUS_NONE. */
static uint32_t
anchor_section(const struct corpus *c, uint32_t i)
{
	for (; i != CORPUS_NONE; i = c->nodes[i].parent)
		if (*c->nodes[i].anchor != '\0' ||
		    c->nodes[i].kind == KIND_DOCUMENT)
			return i;
	return CORPUS_NONE;
}

/* Node i's position (1-based) among the blocks of its parent. */
static unsigned
anchor_block_position(const struct corpus *c, uint32_t i)
{
	uint32_t	k;
	unsigned	pos = 1;

	for (k = c->nodes[c->nodes[i].parent].first_child; k != i &&
	    k != CORPUS_NONE; k = c->nodes[k].next_sibling)
		if (kind_is_block(c->nodes[k].kind))
			pos++;
	return pos;
}

/*
 * The path of node i within its document: its anchor, or its anchored
 * parent section's anchor and its block position; NULL when it has none
 * (a block whose parent has no anchor, or a section without one).  The
 * document node's path is "".
 */
static char *
anchor_path(const struct corpus *c, uint32_t i)
{
	const struct corpus_node	*n = &c->nodes[i];
	uint32_t			 s;

	if (n->kind == KIND_DOCUMENT)
		return xstrdup("");
	if (*n->anchor != '\0')
		return xstrdup(n->anchor);
	if (!kind_is_block(n->kind))
		return NULL;
	s = anchor_section(c, n->parent);
	if (s != n->parent)
		return NULL;
	return xasprintf("%s/%u", c->nodes[s].anchor,
	    anchor_block_position(c, i));
}

/* The node of document d at path, or CORPUS_NONE. */
static uint32_t
anchor_find(const struct corpus *c, uint32_t d, const char *path)
{
	const char	*slash = strrchr(path, '/');
	size_t		 alen = slash ? (size_t)(slash - path) : strlen(path);
	unsigned long	 pos = 0;
	uint32_t	 i, s = CORPUS_NONE, k;
	char		*end;

	if (alen == 0)
		s = c->docs[d].root;
	else
		for (i = c->docs[d].root + 1; i < c->docs[d].end; i++)
			if (strlen(c->nodes[i].anchor) == alen &&
			    strncmp(c->nodes[i].anchor, path, alen) == 0) {
				s = i;
				break;
			}
	if (s == CORPUS_NONE || slash == NULL)
		return s;
	pos = strtoul(slash + 1, &end, 10);
	if (*end != '\0' || pos == 0)
		return CORPUS_NONE;
	for (k = c->nodes[s].first_child; k != CORPUS_NONE;
	    k = c->nodes[k].next_sibling)
		if (kind_is_block(c->nodes[k].kind) && --pos == 0)
			return k;
	return CORPUS_NONE;
}

void
study_anchor_of(const struct corpus *c, uint32_t i, struct state_anchor *at)
{
	const struct corpus_doc	*d = &c->docs[c->nodes[i].doc];
	char			*path = NULL;

	memset(at, 0, sizeof *at);
	if (*d->work != '\0')
		path = anchor_path(c, i);
	if (path != NULL) {
		at->work = xstrdup(d->work);
		at->anchor = path;
	}
	at->slug = xstrdup(d->slug);
	at->label = xstrdup(c->nodes[i].label);
}

void
study_anchor_dup(struct state_anchor *dst, const struct state_anchor *src)
{
	dst->work = src->work != NULL ? xstrdup(src->work) : NULL;
	dst->anchor = src->anchor != NULL ? xstrdup(src->anchor) : NULL;
	dst->slug = src->slug != NULL ? xstrdup(src->slug) : NULL;
	dst->label = src->label != NULL ? xstrdup(src->label) : NULL;
}

void
study_anchor_free(struct state_anchor *at)
{
	free(at->work);
	free(at->anchor);
	free(at->slug);
	free(at->label);
	memset(at, 0, sizeof *at);
}

/* The document with this slug, or CORPUS_NONE. */
static uint32_t
anchor_doc(const struct corpus *c, const char *slug)
{
	size_t	d;

	for (d = 0; slug != NULL && d < c->ndocs; d++)
		if (strcasecmp(c->docs[d].slug, slug) == 0)
			return (uint32_t)d;
	return CORPUS_NONE;
}

/* Does document d belong to work? */
static bool
anchor_in_work(const struct corpus *c, uint32_t d, const char *work)
{
	return d != CORPUS_NONE && work != NULL &&
	    strcmp(c->docs[d].work, work) == 0;
}

uint32_t
study_resolve(const struct corpus *c, const struct state_anchor *at,
    uint32_t prefer)
{
	uint32_t	d, n;
	size_t		k;

	if (at->work != NULL && at->anchor != NULL &&
	    anchor_in_work(c, prefer, at->work) &&
	    (n = anchor_find(c, prefer, at->anchor)) != CORPUS_NONE)
		return n;
	d = anchor_doc(c, at->slug);
	if (d != CORPUS_NONE) {
		if (at->work != NULL && at->anchor != NULL &&
		    anchor_in_work(c, d, at->work))
			n = anchor_find(c, d, at->anchor);
		else
			n = corpus_resolve_label(c, d, at->label);
		if (n != CORPUS_NONE)
			return n;
	}
	for (k = 0; at->work != NULL && at->anchor != NULL && k < c->ndocs;
	    k++)
		if (anchor_in_work(c, (uint32_t)k, at->work) &&
		    (n = anchor_find(c, (uint32_t)k, at->anchor)) !=
		    CORPUS_NONE)
			return n;
	return CORPUS_NONE;
}

uint32_t
study_resolve_near(const struct corpus *c, const struct state_anchor *at,
    bool *exact)
{
	uint32_t	d, n;
	char		*label, *dot;

	*exact = true;
	if ((n = study_resolve(c, at, CORPUS_NONE)) != CORPUS_NONE)
		return n;
	*exact = false;
	if ((d = anchor_doc(c, at->slug)) == CORPUS_NONE)
		return CORPUS_NONE;
	label = xstrdup(at->label != NULL ? at->label : "");
	while ((dot = strrchr(label, '.')) != NULL) {
		*dot = '\0';
		if ((n = corpus_resolve_label(c, d, label)) != CORPUS_NONE) {
			free(label);
			return n;
		}
	}
	free(label);
	return c->docs[d].root;
}

size_t
study_nodes(const struct corpus *c, const struct state_anchor *at,
    uint32_t **out)
{
	uint32_t	n, *v = NULL;
	size_t		k, cnt = 0, cap = 0;

	*out = NULL;
	if (at->work != NULL && at->anchor != NULL) {
		for (k = 0; k < c->ndocs; k++) {
			if (!anchor_in_work(c, (uint32_t)k, at->work))
				continue;
			n = anchor_find(c, (uint32_t)k, at->anchor);
			if (n == CORPUS_NONE)
				continue;
			v = xgrowarray(v, &cap, cnt + 1, sizeof *v);
			v[cnt++] = n;
		}
	}
	if (cnt == 0 && (n = study_resolve(c, at, CORPUS_NONE)) !=
	    CORPUS_NONE) {
		v = xgrowarray(v, &cap, cnt + 1, sizeof *v);
		v[cnt++] = n;
	}
	*out = v;
	return cnt;
}

bool
study_at(const struct corpus *c, uint32_t i, const struct state_anchor *at)
{
	const struct corpus_doc	*d = &c->docs[c->nodes[i].doc];
	char			*path;
	bool			 same;

	if (at->work != NULL && at->anchor != NULL && *d->work != '\0') {
		if (strcmp(d->work, at->work) != 0)
			return false;
		path = anchor_path(c, i);
		same = path != NULL && strcmp(path, at->anchor) == 0;
		free(path);
		return same;
	}
	return at->slug != NULL && at->label != NULL &&
	    strcasecmp(d->slug, at->slug) == 0 &&
	    strcasecmp(c->nodes[i].label, at->label) == 0;
}
