/*
 * corpus-ref.c -- finding a node by its reference (mfa:IV.5.p2) and
 * naming one (see corpus.h): labels are compared ASCII case folded,
 * through the sorted hashes of each document's labels.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus-private.h"
#include "model/corpus.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/* The label's hash, ASCII case folded (refs keep 32 bits of it). */
uint32_t
corpus_hash(const char *label, size_t len)
{
	uint64_t	h = hash_bytes_lower(label, len);

	return (uint32_t)(h ^ (h >> 32));
}

bool
corpus_label_eq(const char *a, const char *b, size_t blen)
{
	size_t	i;

	for (i = 0; i < blen; i++) {
		unsigned char	x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x == '\0')
			return false;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return false;
	}
	return a[blen] == '\0';
}

/* The node of document doc labelled label[0..len), or CORPUS_NONE. */
static uint32_t
corpus_find_label(const struct corpus *c, uint32_t doc, const char *label,
    size_t len)
{
	const uint64_t	*a;
	size_t		 lo, hi, mid;
	uint32_t	 h, root;

	if (doc >= c->nsorted)
		return CORPUS_NONE;
	h = corpus_hash(label, len);
	root = c->docs[doc].root;
	a = c->refs + root;
	lo = 0;
	hi = c->docs[doc].end - root;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (REF_HASH(a[mid]) < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->docs[doc].end - root && REF_HASH(a[lo]) == h; lo++)
		if (REF_NODE(a[lo]) != root && corpus_label_eq(
		    c->nodes[REF_NODE(a[lo])].label, label, len))
			return REF_NODE(a[lo]);
	return CORPUS_NONE;
}

uint32_t
corpus_find_doc(const struct corpus *c, const char *name, size_t len)
{
	size_t	d;

	/* Few documents: a scan of the slugs is the hash here. */
	for (d = 0; d < c->ndocs; d++) {
		if (corpus_label_eq(c->docs[d].slug, name, len) ||
		    (*c->docs[d].alias &&
		    corpus_label_eq(c->docs[d].alias, name, len)))
			return (uint32_t)d;
	}
	return CORPUS_NONE;
}

uint32_t
corpus_resolve(const struct corpus *c, const char *ref, size_t len)
{
	const char	*colon;
	uint32_t	 d;

	colon = memchr(ref, ':', len);
	d = corpus_find_doc(c, ref, colon ? (size_t)(colon - ref) : len);
	if (d == CORPUS_NONE)
		return CORPUS_NONE;
	if (colon == NULL || colon == ref + len - 1)
		return c->docs[d].root;
	return corpus_find_label(c, d, colon + 1,
	    len - (size_t)(colon + 1 - ref));
}

uint32_t
corpus_resolve_label(const struct corpus *c, uint32_t doc, const char *label)
{
	return corpus_find_label(c, doc, label, strlen(label));
}

char *
corpus_node_ref(const struct corpus *c, uint32_t i)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (n->kind == KIND_DOCUMENT)
		return xstrdup(c->docs[n->doc].slug);
	return xasprintf("%s:%s", c->docs[n->doc].slug, n->label);
}

char *
corpus_node_short_ref(const struct corpus *c, uint32_t i)
{
	const struct corpus_node	*n = &c->nodes[i];
	const struct corpus_doc		*d = &c->docs[n->doc];
	const char			*name = *d->alias ? d->alias : d->slug;

	if (n->kind == KIND_DOCUMENT)
		return xstrdup(name);
	return xasprintf("%s:%s", name, n->label);
}
