/*
 * query-private.h -- the parsed query, shared by the files of the index
 * module (and its tests) only.
 *
 * A query is a tree (struct query_expr), but most queries are a plain
 * list of things that must all hold, and the search is fastest when it
 * can take that list apart: the longest word to scan for first, doc: to
 * look only at some documents.  So the top level, always an AND, is kept
 * flat in struct query: words, excluded words, document and kind filters,
 * and the rest (OR, excluded groups) as subtrees.
 */
#ifndef CHARTA_QUERY_PRIVATE_H
#define CHARTA_QUERY_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "index/find.h"

/* A folded word or phrase, and how to find it (f.s is s). */
struct query_term {
	char			*s;
	size_t			 len;
	bool			 prefix;	/* term*: where a word begins */
	struct find_term	 f;
};

enum query_op {
	QUERY_TERM,		/* term occurs */
	QUERY_DOCS,		/* the node is in one of docs */
	QUERY_KINDS,		/* the node or an ancestor has a kind in kinds */
	QUERY_NOT,		/* kids[0] does not hold */
	QUERY_AND,		/* all kids hold */
	QUERY_OR		/* one of the kids holds */
};

struct query_expr {
	enum query_op		 op;
	struct query_term	 term;		/* QUERY_TERM */
	uint32_t		*docs;		/* QUERY_DOCS */
	size_t			 ndocs;
	uint32_t		 kinds;		/* QUERY_KINDS: 1 << kind bits */
	struct query_expr	**kids;		/* QUERY_NOT, _AND, _OR */
	size_t			 nkids;
};

/* Everything listed must hold at once. */
struct query {
	struct query_term	*pos;		/* must all occur */
	size_t			 npos;
	struct query_term	*neg;		/* must not occur */
	size_t			 nneg;
	uint32_t		*docs;		/* doc: filters (ORed), none: any */
	size_t			 ndocs;
	uint32_t		*nodocs;	/* -doc: filters */
	size_t			 nnodocs;
	uint32_t		 kinds;		/* kind: bits (ORed), 0 = any */
	uint32_t		 nokinds;	/* -kind: bits */
	struct query_expr	**groups;	/* other conditions: OR, -(...) */
	size_t			 ngroups;
};

/* Free a subtree; NULL is a no-op. */
void		 query_expr_free(struct query_expr *);

/* True if a and b are the same condition, written the same way. */
bool		 query_expr_equal(const struct query_expr *a,
		    const struct query_expr *b);

/*
 * Fold and prepare s[0..len) as a term (blanks at either end dropped):
 * returns false, leaving t untouched, if nothing is left to search for.
 */
bool		 query_term_make(struct query_term *t, const char *s,
		    size_t len, bool prefix);

/*
 * Where a term may match at folded[at] in folded[0..n): anywhere, or for a
 * prefix term where a word begins.
 */
bool		 query_term_at(const struct query_term *t, const char *folded,
		    size_t n, size_t at);

#endif /* CHARTA_QUERY_PRIVATE_H */
