/*
 * match-private.h -- deciding whether one text matches a query: the one
 * matcher of the index module.  The index's search (search.c), the notes'
 * filter (match-text.c) and the one-shot search (stream.c) each say what
 * they know of a node's text in a struct match_text and ask here.
 */
#ifndef CHARTA_MATCH_PRIVATE_H
#define CHARTA_MATCH_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "index/find.h"
#include "index/query-private.h"

/* A text to match, and the node it stands for. */
struct match_text {
	const char	*s;		/* folded (index_fold), or plain */
	size_t		 len;
	bool		 plain;		/* s is the unfolded text, which folds
					   only by case and line breaks
					   (find_in_plain finds in it) */
	bool		 letters_known;	/* letters is the folded text's */
	uint32_t	 letters;	/* its find_letters set */
	uint32_t	 doc;		/* its document; CORPUS_NONE: none, and
					   no doc: field holds */
	uint32_t	 kinds;		/* 1 << kind of the node and of each
					   ancestor; 0 for none */
	/*
	 * If not NULL, s, len, plain and doc are not known yet: fetch fills
	 * them in (and sets fetch to NULL) when they are first needed, so
	 * that the index reads no text of a node its letters rule out.
	 */
	void		(*fetch)(struct match_text *);
	const void	*fetch_arg;
	uint32_t	 fetch_node;
};

/*
 * Does m's text hold t (where t may match: a prefix where a word begins)
 * at offset from or after?  If so and at is not NULL, *at is where it
 * first does, or UINT32_MAX when the letters alone said so (a one-letter
 * term).
 */
static inline bool
match_term_from(struct match_text *m, const struct query_term *t,
    size_t from, uint32_t *at)
{
	const char	*hit;
	size_t		 k;

	if (m->letters_known) {
		/* Without one of the term's letters, it cannot hold it. */
		if ((m->letters & t->f.letters) != t->f.letters)
			return false;
		/* With the letter, it holds a one-letter term. */
		if (from == 0 && t->len == 1 && !t->prefix &&
		    (unsigned char)(t->s[0] - 'a') < 26) {
			if (at != NULL)
				*at = UINT32_MAX;
			return true;
		}
	}
	if (m->fetch != NULL)
		m->fetch(m);
	/*
	 * A prefix term holds where a word begins: try the next hit until
	 * one does.  (Plain text differs from its folded form only in case
	 * and line breaks, which do not change where words begin.)
	 */
	for (k = from; k <= m->len; k = (size_t)(hit - m->s) + 1) {
		hit = m->plain ? find_in_plain(m->s + k, m->len - k, &t->f) :
		    find_in(m->s + k, m->len - k, &t->f);
		if (hit == NULL)
			return false;
		if (query_term_at(t, m->s, m->len, (size_t)(hit - m->s))) {
			if (at != NULL)
				*at = (uint32_t)(hit - m->s);
			return true;
		}
	}
	return false;
}

/* Does m's text hold t (where t may match: a prefix where a word begins)? */
static inline bool
match_term(struct match_text *m, const struct query_term *t)
{
	return match_term_from(m, t, 0, NULL);
}

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

/* Does condition e hold for m? */
bool	match_eval(struct match_text *m, const struct query_expr *e);

/* Do q's doc: and kind: filters hold for m (its doc and kinds only)? */
static inline bool
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

/*
 * Does m match q (which is not empty)?  The words whose skip_pos[k] is set
 * are known to match already and are not looked for again (skip_pos may
 * be NULL); likewise the exclusions if skip_neg, the doc: and kind:
 * filters if skip_filters.  (Inline: the index calls it for every node
 * a search looks at.)
 */
static inline bool
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

#endif /* CHARTA_MATCH_PRIVATE_H */
