/*
 * match-text.c -- the one matcher (match-private.h) for every caller:
 * conditions and whole queries on a struct match_text; and the query
 * language on text that is not the corpus's, a note or a mark's quote
 * (see index.h, query_match_text), folded as the index folds, so that "/"
 * in the notes view means what it means in the outline.
 */
#include "config.h"

#include <stdlib.h>

#include "index/find.h"
#include "index/index.h"
#include "index/match-private.h"
#include "index/query-private.h"
#include "model/corpus.h"

/* Is doc d among v[0..n)? */
static inline bool
match_doc_in(uint32_t d, const uint32_t *v, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (v[k] == d)
			return true;
	return false;
}

bool
match_eval(struct match_text *m, const struct query_expr *e)
{
	size_t	k;

	switch (e->op) {
	case QUERY_TERM:
		return match_term(m, &e->term);
	case QUERY_DOCS:
		if (m->fetch != NULL)
			m->fetch(m);
		return match_doc_in(m->doc, e->docs, e->ndocs);
	case QUERY_KINDS:
		return (m->kinds & e->kinds) != 0;
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
match_filters(struct match_text *m, const struct query *q)
{
	if (q->kinds != 0 && (m->kinds & q->kinds) == 0)
		return false;
	if (q->nokinds != 0 && (m->kinds & q->nokinds) != 0)
		return false;
	if ((q->ndocs != 0 || q->nnodocs != 0) && m->fetch != NULL)
		m->fetch(m);
	if (q->ndocs != 0 && !match_doc_in(m->doc, q->docs, q->ndocs))
		return false;
	if (q->nnodocs != 0 && match_doc_in(m->doc, q->nodocs, q->nnodocs))
		return false;
	return true;
}

bool
match_query(struct match_text *m, const struct query *q,
    const uint8_t *skip_pos, bool skip_neg, bool skip_filters)
{
	size_t	k;

	if (!skip_filters && !match_filters(m, q))
		return false;
	for (k = 0; k < q->npos; k++)
		if ((skip_pos == NULL || !skip_pos[k]) &&
		    !match_term(m, &q->pos[k]))
			return false;
	if (!skip_neg)
		for (k = 0; k < q->nneg; k++)
			if (match_term(m, &q->neg[k]))
				return false;
	for (k = 0; k < q->ngroups; k++)
		if (!match_eval(m, q->groups[k]))
			return false;
	return true;
}

bool
query_match_text(const struct query *q, const char *s, size_t n,
    const struct corpus *c, uint32_t node)
{
	struct match_text	 m;
	char			*folded;
	uint32_t		 i;
	bool			 ok;

	if (query_is_empty(q))
		return false;
	folded = index_fold(s, n, &m.len, NULL);
	m.s = folded;
	m.plain = false;
	m.letters_known = false;
	m.letters = 0;
	m.doc = node != CORPUS_NONE ? c->nodes[node].doc : CORPUS_NONE;
	m.kinds = 0;
	m.fetch = NULL;
	for (i = node; i != CORPUS_NONE; i = c->nodes[i].parent)
		m.kinds |= UINT32_C(1) << c->nodes[i].kind;
	ok = match_query(&m, q, NULL, false, false);
	free(folded);
	return ok;
}
