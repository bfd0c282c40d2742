/*
 * kwic.h -- the concordance: every occurrence of a query's words as a
 * line of left context, keyword and right context (key word in context),
 * sorted by reference or by the words around it, with the aligned
 * paragraph of the other translation under it (parallel concordance).
 *
 * The hits are what the query finds (index.h): the nodes index_search
 * returns and, in each, the spans query_spans marks; so the concordance
 * follows the query language, doc: and kind: included.  A keyword is the
 * span widened to whole words (a search for "sovereign" shows
 * "sovereignty").  A hit is a node and two offsets, so memory grows with
 * the hits and nothing of the corpus is copied; contexts are cut out and
 * sanitized only for the lines shown.
 *
 * Sorting, as AntConc does: by reference (reading order), by the words
 * to the left (L1, then L2, then L3) or to the right (R1, R2, R3), words
 * compared folded (index_fold), byte by byte (code point order), ties in
 * reading order.  A missing word (the block's edge) sorts first.
 *
 * Ownership: struct kwic is the caller's, filled by kwic_build and
 * released by kwic_free; it borrows the corpus.  Strings returned are new
 * and the caller frees them.
 */
#ifndef CHARTA_KWIC_H
#define CHARTA_KWIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/stats.h"
#include "text/text.h"

struct corpus;
struct index;
struct query;

enum kwic_sort {
	KWIC_SORT_REF,
	KWIC_SORT_LEFT,
	KWIC_SORT_RIGHT,
};

/* The name of a sort ("ref", "left", "right") and back (-1: none). */
const char	*kwic_sort_name(enum kwic_sort);
int		 kwic_sort_from_name(const char *);

/* One occurrence: the keyword is text[start..end) of node's text. */
struct kwic_hit {
	uint32_t	node;
	uint32_t	start;
	uint32_t	end;
	uint32_t	nth;		/* 0 for the node's first hit, ... */
};

struct kwic {
	const struct corpus	*c;
	const struct query	*q;		/* borrowed */
	uint32_t		*nodes;		/* the nodes the query matched */
	size_t			 nnodes;
	size_t			 done;		/* nodes whose hits are in */
	struct kwic_hit		*hits;		/* in reading order */
	size_t			 n;
	size_t			 cap;
	uint32_t		*order;		/* hits in the current sort */
	size_t			 ocap;
	enum kwic_sort		 sort;
	size_t			 ndocs;		/* documents with a hit */
	uint32_t		 lastdoc;
	uint32_t		*left;		/* [3n] L1-L3 ranks, or NULL */
	uint32_t		*right;		/* [3n] R1-R3 ranks, or NULL */
	struct stats_words	 words;		/* scratch */
};

/*
 * Find every hit of q in c through the index ix, in reading order (the
 * sort is KWIC_SORT_REF).  *k is overwritten; q must outlive k.
 */
void	 kwic_build(struct kwic *k, const struct corpus *c,
	    const struct index *ix, const struct query *q);
/*
 * The same a slice at a time, for a first screen that does not wait for
 * all the hits: kwic_start finds the nodes (k->nnodes) and no hit yet;
 * kwic_more adds the hits of up to nodes more of them, in reading order,
 * and returns true once all are in (kwic_done).
 */
void	 kwic_start(struct kwic *k, const struct corpus *c,
	    const struct index *ix, const struct query *q);
bool	 kwic_more(struct kwic *k, size_t nodes);
bool	 kwic_done(const struct kwic *k);
void	 kwic_free(struct kwic *k);
/* Order the hits (k->order) by sort (after adding any still to come). */
void	 kwic_sort(struct kwic *k, enum kwic_sort sort);
/* The hit at place i of the current order. */
const struct kwic_hit *kwic_at(const struct kwic *k, size_t i);

/*
 * The context of hit h as byte offsets of its node's text: *from is where
 * the nwords-th word before the keyword starts (or the text's start),
 * *to where the nwords-th word after it ends (or the text's end).
 */
void	 kwic_context(const struct corpus *c, const struct kwic_hit *h,
	    size_t nwords, size_t *from, size_t *to);

/*
 * The counterpart of hit h in the other translation (the first
 * counterpart of its node whose relation is "translation"), and the
 * keyword there: the query's nth match in it (h->nth, or its last match
 * if it has fewer), widened to words.  Returns the counterpart's node, or
 * CORPUS_NONE if the document has no translation; *start and *end are
 * the keyword, equal if the counterpart has no match.
 */
uint32_t kwic_counterpart(const struct corpus *c, const struct query *q,
	    const struct kwic_hit *h, uint32_t *start, uint32_t *end);

/*
 * A line laid out for display: the three parts of text[from..to) (the
 * keyword [kstart, kend) inside it), blanks and line breaks shown as one
 * space, each sanitized by clean (text_sanitize for the target, as a new
 * string), the left part cut from its start to at most left_cols columns
 * and the right part cut at its end to at most right_cols (SIZE_MAX: no
 * limit), the keyword to at most key_cols.
 */
struct kwic_line {
	char	*left;
	char	*key;
	char	*right;
	size_t	 left_w;		/* display widths */
	size_t	 key_w;
	size_t	 right_w;
};

void	 kwic_line_make(struct kwic_line *l, const char *text, size_t from,
	    size_t kstart, size_t kend, size_t to,
	    char *(*clean)(const char *, size_t), size_t left_cols,
	    size_t key_cols, size_t right_cols);
void	 kwic_line_free(struct kwic_line *l);

/*
 * The longest end of s[0..n) (sanitized) that fits in cols columns,
 * never splitting a character from its marks: its offset in s; its width
 * in *width.
 */
size_t	 kwic_fit_end(const char *s, size_t n, size_t cols, size_t *width);

/*
 * Where to cut text[0..n) around [kstart, kend) for a line of about cols
 * columns on each side: *from and *to (at character starts), far enough
 * out that the cut never shows after sanitizing and fitting.
 */
void	 kwic_window(const char *text, size_t n, size_t kstart, size_t kend,
	    size_t cols, size_t *from, size_t *to);

#endif /* CHARTA_KWIC_H */
