/*
 * index.h -- finding nodes by what they say: the query language, the
 * in-memory folded index, and highlight spans.
 *
 * The query language (doc/charta.1, QUERIES):
 *
 *   word         a node whose text holds word, anywhere ("gov" finds
 *                "governance": the filter narrows as the user types)
 *   word*        a node with a word that begins with word ("sovereign*":
 *                sovereign, sovereignty; not "nonsovereign")
 *   "a phrase"   the words in this order, across line breaks; "..."* as
 *                a prefix
 *   A B          both (blanks between terms mean AND)
 *   A OR B       either; A | B likewise (only OR in capitals)
 *   ( ... )      a group: (privacy OR security) doc:mfa
 *   -A           not A; A may be a word, a phrase, a field or a group
 *   doc:NAME     nodes of the document with that slug or alias
 *   kind:KIND    nodes of that kind and every node inside them:
 *                kind:action finds the action items and their paragraphs
 *
 * A node is a section (its title is its text) or a block (its text).
 * Several doc: fields that must hold together are alternatives ("doc:mfa
 * doc:un" means either, as a node is in one document); kind: fields
 * likewise.  Matching folds both sides with text_search_fold(): case
 * (full Unicode folding), accents, compatibility characters (Ⅳ is IV,
 * ＣＨＩＮＡ is CHINA, ﬁ is fi), typographic apostrophes, quotes and
 * dashes (’ is ', “ is ", — is -), any run of blanks, line breaks and
 * other spaces is one space, and format characters (soft hyphens,
 * zero-width spaces) are ignored.  Where a word begins for "word*": after
 * anything but a letter or digit; each ideograph is a word of its own.
 *
 * Strict: a query that cannot be understood -- an unknown field, document
 * or kind, an unbalanced quote or parenthesis, a "-", "OR" or "*" with
 * nothing to act on, an empty phrase or group -- is refused with a
 * message that names the problem and its column, never read as something
 * else.  The search, --count, the reader's filter and its highlighting
 * all use this one parser and matcher.
 *
 * The index knows every node's searchable text (a section's title, a
 * block's text) as folded: most of it in place in the corpus, the rest as a
 * folded copy (index.c); a search looks there, never in SQLite (search.c).
 */
#ifndef CHARTA_INDEX_H
#define CHARTA_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct corpus;
struct index;
struct query;

/* Fold every node of c (which must outlive the index). */
struct index	*index_build(const struct corpus *c);
/* Free the index; NULL is a no-op. */
void		 index_free(struct index *);
/*
 * Each node's parent (CORPUS_NONE for a document's node), an array of the
 * index's own: for walking up from many nodes (the outline of a filter's
 * matches) without reading each one's corpus node.  It lives as long as
 * the index.
 */
const uint32_t	*index_parents(const struct index *);

/*
 * Parse query text s[0..n) against c (doc: names are resolved now).
 * Returns the query (the caller frees it with query_free), or NULL with a
 * message in *err (malloc'ed, translated: "column 12: no document 'xyz'")
 * for a query that cannot be understood.  A query of blanks only is valid
 * and empty (query_is_empty).
 */
struct query	*query_parse(const struct corpus *c, const char *s, size_t n,
		    char **err);
/* Free a query; NULL is a no-op. */
void		 query_free(struct query *);
/* True if the query has no terms and no conditions (it matches nothing). */
bool		 query_is_empty(const struct query *);
/*
 * True if every node matching newer also matches older, so that a search
 * for newer may look only among older's results (the query grew by typing).
 */
bool		 query_narrows(const struct query *newer,
		    const struct query *older);

/* The matching nodes, in reading order, and how many of each. */
struct index_result {
	uint32_t	*nodes;
	/*
	 * Per node, where the query's one word (a query of one) first
	 * matches in the text it is searched by, or UINT32_MAX (not known,
	 * or a query of more): a search that narrows it by a longer word
	 * looks from there on.  NULL when none is known (a one-letter word,
	 * a query of more, a result not from the index), or the result is a
	 * quarter of the corpus or more (nowhere): the next key's result is
	 * then most often large too, and keeping where would cost more than
	 * it saves.
	 */
	uint32_t	*at;
	/*
	 * Per node with an at: the bytes that follow the word there, as
	 * the search reads them (up to 7, their count in the top byte), so
	 * that a longer word is often found there without reading the text;
	 * 0 when none are known.
	 */
	uint64_t	*after;
	bool		 nowhere;	/* too many: at and after not kept */
	size_t		 n;
	size_t		 cap;
	size_t		 nblocks;	/* paragraphs and other blocks */
	size_t		 nsections;	/* sections and document titles */
	size_t		 ndocs;		/* documents with a match */
	uint32_t	*per_doc;	/* matches per document (ndocs of c) */
};

/*
 * "3 paragraphs, 1 section" for the counts given, translated, with plural
 * forms (a new string).
 */
char		*index_describe_counts(size_t blocks, size_t sections);

/* "3 paragraphs, 1 section in 2 documents" for r (a new string). */
char		*index_result_describe(const struct index_result *r);

/* Release a result's arrays and zero it. */
void		 index_result_free(struct index_result *);

/*
 * Find the nodes matching q.  If within is not NULL, only its nodes are
 * considered (use it when query_narrows holds).  out is overwritten (it
 * may not be within).
 */
void		 index_search(const struct index *, const struct query *,
		    const struct index_result *within,
		    struct index_result *out);

/*
 * As index_search, for a search that narrows the search for older (the
 * query grew, query_narrows(q, older)): within must be older's result.
 * The words, exclusions and filters q shares with older are known to match
 * within's nodes and are not looked for again.
 */
void		 index_search_narrowing(const struct index *,
		    const struct query *q, const struct query *older,
		    const struct index_result *within,
		    struct index_result *out);

/* True if node i matches q (never for an empty query). */
bool		 index_node_matches(const struct index *, const struct query *,
		    uint32_t i);

/*
 * Does text s[0..n) (a note, not a node of the corpus) match q?  Words,
 * phrases, prefixes, OR and groups look in the text, folded as the index
 * folds; doc: and kind: fields ask about node (the node the text belongs
 * to; CORPUS_NONE matches no field).
 */
bool		 query_match_text(const struct query *, const char *s, size_t n,
		    const struct corpus *c, uint32_t node);
/*
 * query_match_text on text already folded by index_fold (folded[0..n)):
 * for matching the same texts against query after query, folded once.
 */
bool		 query_match_folded(const struct query *, const char *folded,
		    size_t n, const struct corpus *c, uint32_t node);

/*
 * A query matched against nodes met one at a time, in any order, without
 * an index: for the one-shot search, which reads the corpus once and
 * keeps nothing of it.  q must outlive it; free it with
 * index_stream_free (NULL is a no-op).  One stream is for one thread.
 */
struct index_stream;
struct index_stream *index_stream_new(const struct query *q);
void		 index_stream_free(struct index_stream *);

/*
 * Does a node with searchable text s[0..n) (a block's text, a section's
 * title, a document's title), in document doc (its index in the corpus
 * q was parsed against), whose kind and ancestors' kinds are the bits
 * kinds (1 << kind of each), match q?  Exactly index_node_matches'
 * answer for that node (never for an empty query).  The text is folded
 * into the stream's buffer, reused from node to node.
 */
bool		 index_stream_match(struct index_stream *, const char *s,
		    size_t n, uint32_t doc, uint32_t kinds);

/* A highlighted byte range [start, end) of a display string. */
struct index_span {
	size_t	start;
	size_t	end;
};

/*
 * Where q's words and phrases occur in the display string s[0..n) (any
 * text, e.g. sanitized for the screen), folded as the index folds, so
 * that the original characters are marked ("China’s" for china's, all of
 * "Ⅳ" for iv); a one-letter word, and anything under a "-", is not
 * marked.  Returns the number of spans, sorted and non-overlapping, and
 * stores a malloc'ed array in *spans (NULL if none).
 */
size_t		 query_spans(const struct query *, const char *s, size_t n,
		    struct index_span **spans);

/*
 * The same folding as index_fold (without the map), by the index's fast
 * path; for testing the one against the other.  Returns a new string.
 */
char		*index_fold_fast(const char *s, size_t n, size_t *outlen);

/*
 * Fold s[0..n) as the index does (text_search_fold, then every run of
 * blanks as one space).  Returns the folded text (length in *outlen); if map is not
 * NULL, *map receives the source offset of each folded byte (*outlen + 1
 * entries).
 */
char		*index_fold(const char *s, size_t n, size_t *outlen,
		    size_t **map);

#endif /* CHARTA_INDEX_H */
