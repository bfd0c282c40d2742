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
query_match_folded(const struct query *q, const char *folded, size_t n,
    const struct corpus *c, uint32_t node)
{
	struct match_text	 m;
	uint32_t		 i;

	if (query_is_empty(q))
		return false;
	m.s = folded;
	m.len = n;
	m.plain = false;
	m.letters_known = false;
	m.letters = 0;
	m.doc = node != CORPUS_NONE ? c->nodes[node].doc : CORPUS_NONE;
	m.kinds = 0;
	m.fetch = NULL;
	for (i = node; i != CORPUS_NONE; i = c->nodes[i].parent)
		m.kinds |= UINT32_C(1) << c->nodes[i].kind;
	return match_query(&m, q, NULL, false, false);
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
