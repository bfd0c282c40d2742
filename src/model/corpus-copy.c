/*
 * corpus-copy.c -- copying a document from one corpus into another, for
 * rebuilding a corpus without some of its documents (a document replaced
 * or removed by the importer, a user's document left out at load time).
 */
#include "config.h"

#include <stdlib.h>

#include "model/corpus.h"
#include "util/xmalloc.h"

uint32_t
corpus_copy_doc(struct corpus *dst, const struct corpus *src, uint32_t d)
{
	const struct corpus_doc		*doc = &src->docs[d];
	const struct corpus_node	*n;
	uint32_t			*map, root, i;

	root = corpus_add_doc(dst, doc);
	/* Old index -> new, for the parents: nodes come in preorder. */
	map = xcalloc(doc->end - doc->root, sizeof *map);
	map[0] = root;
	for (i = doc->root + 1; i < doc->end; i++) {
		n = &src->nodes[i];
		map[i - doc->root] = corpus_add_node(dst,
		    map[n->parent - doc->root], n->kind, n->label, n->anchor,
		    n->title, n->text, n->text_len, n->page, n->line);
	}
	free(map);
	return root;
}
