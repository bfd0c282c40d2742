/*
 * index-private.h -- the folded index as index.c builds it and search.c
 * reads it; nothing outside the index module sees it.
 */
#ifndef CHARTA_INDEX_PRIVATE_H
#define CHARTA_INDEX_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/corpus.h"

struct index {
	const struct corpus	*c;
	char			*buf;
	/*
	 * Per node, what a search reads of it, in arrays of their own so
	 * that a search never reads the corpus's nodes (a cache line each):
	 * the text it is searched by (src: the corpus's text if plain, else
	 * its folded copy in buf; len: its length, INDEX_PLAIN set if
	 * plain), its document and parent, the letters it has
	 * (find_letters), and the kinds of the node and of each ancestor
	 * (1 << kind).
	 */
	const char		**src;
	uint32_t		*len;
	uint32_t		*doc;
	uint32_t		*parent;
	uint32_t		*letters;
	uint32_t		*kinds;
	uint32_t		 block_kinds;	/* 1 << each block kind */
};

/* In len[i]: node i's text is plain, searched where it is. */
#define INDEX_PLAIN	(UINT32_C(1) << 31)

/* Is node i a block?  (A block has no children: its kind is in kinds.) */
static inline bool
index_is_block(const struct index *ix, uint32_t i)
{
	return (ix->kinds[i] & ix->block_kinds) != 0;
}

/* The text node i is searched by: a block's text, a section's title. */
static inline void
index_source(const struct corpus *c, uint32_t i, const char **s,
    size_t *len)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (kind_is_block(n->kind)) {
		*s = n->text;
		*len = n->text_len;
	} else {
		*s = n->title;
		*len = strlen(n->title);
	}
}

/*
 * Make room for n more bytes after the first used of *buf (cap bytes,
 * malloc'ed or NULL), moving it if need be.
 */
void	index_buf_reserve(char **buf, size_t *cap, size_t used, size_t n);

/*
 * Fold s[0..n) as index_fold() does into *buf at *used (no NUL after
 * it), growing the buffer as index_buf_reserve; *used is moved past it.
 */
void	index_fold_append(char **buf, size_t *cap, size_t *used,
	    const char *s, size_t n);

/*
 * Is s[0..n) "plain": does index_fold() change it only by lowering A-Z
 * and making line breaks spaces, byte for byte (find.h)?  Then
 * find_in_plain finds in s what find_in finds in its fold.  It may say
 * false of some text that is plain (control characters): then the text
 * is folded, which is never wrong.
 */
bool	index_text_plain(const char *s, size_t n);

#endif /* CHARTA_INDEX_PRIVATE_H */
