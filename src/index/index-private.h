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
	size_t			*start;		/* nnodes + 1 offsets */
	uint8_t			*plain;		/* nnodes flags */
	uint32_t		*letters;	/* nnodes find_letters sets */
	uint32_t		*kinds;		/* nnodes: 1 << kind of the node
						   and of each ancestor */
};

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
