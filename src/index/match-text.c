/*
 * match-text.c -- the query language on text that is not the corpus's:
 * a note, a mark's quote (see index.h, query_match_text).  The same
 * parsed query and the same folding as the index, so that "/" in the
 * notes view means what it means in the outline.
 */
#include "config.h"

#include <stdlib.h>

#include "index/find.h"
#include "index/index.h"
#include "index/query-private.h"
#include "model/corpus.h"

/* What the text is, and the node it stands for (fields are its). */
struct match_text {
	const char		*folded;
	size_t			 len;
	const struct corpus	*c;
	uint32_t		 node;
};

static bool
match_term(const struct match_text *m, const struct query_term *t)
{
	const char	*hit;
	size_t		 at = 0;

	for (;;) {
		hit = find_in(m->folded + at, m->len - at, &t->f);
		if (hit == NULL)
			return false;
		if (query_term_at(t, m->folded, m->len, (size_t)(hit -
		    m->folded)))
			return true;
		at = (size_t)(hit - m->folded) + 1;
		if (at >= m->len)
			return false;
	}
}

static bool
match_doc(const struct match_text *m, const uint32_t *docs, size_t n)
{
	size_t	k;

	if (m->node == CORPUS_NONE)
		return false;
	for (k = 0; k < n; k++)
		if (docs[k] == m->c->nodes[m->node].doc)
			return true;
	return false;
}

/* Does the node (or an ancestor) have one of the kinds in bits? */
static bool
match_kind(const struct match_text *m, uint32_t bits)
{
	uint32_t	i;

	for (i = m->node; i != CORPUS_NONE; i = m->c->nodes[i].parent)
		if (bits & (UINT32_C(1) << m->c->nodes[i].kind))
			return true;
	return false;
}

static bool
match_eval(const struct match_text *m, const struct query_expr *e)
{
	size_t	k;

	switch (e->op) {
	case QUERY_TERM:
		return match_term(m, &e->term);
	case QUERY_DOCS:
		return match_doc(m, e->docs, e->ndocs);
	case QUERY_KINDS:
		return match_kind(m, e->kinds);
	case QUERY_NOT:
		return !match_eval(m, e->kids[0]);
	case QUERY_AND:
		for (k = 0; k < e->nkids; k++)
			if (!match_eval(m, e->kids[k]))
				return false;
		return true;
	case QUERY_OR:
		for (k = 0; k < e->nkids; k++)
			if (match_eval(m, e->kids[k]))
				return true;
		return false;
	}
	return false;
}

bool
query_match_folded(const struct query *q, const char *folded, size_t n,
    const struct corpus *c, uint32_t node)
{
	struct match_text	 m;
	size_t			 k;

	if (query_is_empty(q))
		return false;
	m.folded = folded;
	m.len = n;
	m.c = c;
	m.node = node;
	if (q->kinds != 0 && !match_kind(&m, q->kinds))
		return false;
	if (q->nokinds != 0 && match_kind(&m, q->nokinds))
		return false;
	if (q->ndocs != 0 && !match_doc(&m, q->docs, q->ndocs))
		return false;
	if (q->nnodocs != 0 && match_doc(&m, q->nodocs, q->nnodocs))
		return false;
	for (k = 0; k < q->npos; k++)
		if (!match_term(&m, &q->pos[k]))
			return false;
	for (k = 0; k < q->nneg; k++)
		if (match_term(&m, &q->neg[k]))
			return false;
	for (k = 0; k < q->ngroups; k++)
		if (!match_eval(&m, q->groups[k]))
			return false;
	return true;
}

bool
query_match_text(const struct query *q, const char *s, size_t n,
    const struct corpus *c, uint32_t node)
{
	char	*folded;
	size_t	 len;
	bool	 ok;

	if (query_is_empty(q))
		return false;
	folded = index_fold(s, n, &len, NULL);
	ok = query_match_folded(q, folded, len, c, node);
	free(folded);
	return ok;
}
