/*
 * index.c -- the folded index (see index.h; search.c searches it).
 *
 * Algorithm: every node's searchable text (a block's text, a section's
 * title) is folded once, at start-up.  Most of it -- all of it that folding
 * changes only by lowering ASCII letters and making line breaks spaces --
 * is "plain": it is searched where it is, in the corpus, by find_in_plain,
 * and no copy is kept.  The rest is folded into one buffer, each node's
 * text followed by a NUL.  So the index costs a fraction of the text in
 * memory, not as much again.  Beside it, per node: where its text is and
 * how long, its document, the letters its text has (find_letters), and
 * the kinds of the node and its ancestors, for kind:.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "index/find.h"
#include "index/index.h"
#include "index/index-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Corpora of this many nodes or more are indexed in two halves at once. */
#define INDEX_SPLIT_NODES	50000

/*
 * The part of an index a thread folds: nodes [from, to), their folded text
 * in a buffer of its own (buf[0..used)), their start offsets counted from
 * it (start, the index's array while it is built).  len and letters are
 * written in place, in the index's arrays.
 */
struct index_part {
	struct index	*ix;
	size_t		*start;
	uint32_t	 from, to;
	char		*buf;
	size_t		 used;
};

static void *
index_fold_part(void *arg)
{
	struct index_part	*part = arg;
	struct index		*ix = part->ix;
	size_t			*start = part->start;
	char			*buf;
	const struct corpus	*c = ix->c;
	size_t			 cap = 0, used = 0, len;
	const char		*s;
	uint32_t		 i;

	/*
	 * The folded text is at most about as long as the text: reserve that
	 * (pages never written to cost nothing), grow if need be.
	 */
	for (i = part->from; i < part->to; i++) {
		index_source(c, i, &s, &len);
		cap += len;
	}
	cap += (part->to - part->from) + 16;
	cap += cap / 16;
	buf = xmalloc_huge(cap);
	for (i = part->from; i < part->to; i++) {
		index_source(c, i, &s, &len);
		start[i] = used;
		index_fold_append(&buf, &cap, &used, s, len);
		/*
		 * Most text folds only by case and line breaks: it is searched
		 * as it is (find_in_plain), and its folded copy dropped.
		 */
		ix->letters[i] = find_letters(buf + start[i], used - start[i]);
		if (used - start[i] == len &&
		    find_plain_folds_to(s, buf + start[i], len)) {
			ix->src[i] = s;
			ix->len[i] = (uint32_t)len | INDEX_PLAIN;
			used = start[i];
			continue;
		}
		/* Where it is in buf, once buf has stopped moving. */
		ix->len[i] = (uint32_t)(used - start[i]);
		index_buf_reserve(&buf, &cap, used, 1);
		buf[used++] = '\0';
	}
	part->buf = buf;
	part->used = used;
	return NULL;
}

struct index *
index_build(const struct corpus *c)
{
	struct index		*ix = xcalloc(1, sizeof *ix);
	struct index_part	 first, second;
	pthread_t		 t;
	bool			 threaded;
	size_t			 i, n = c->nnodes ? c->nnodes : 1, *start;
	int			 k;

	ix->c = c;
	start = xreallocarray(NULL, n, sizeof *start);
	ix->src = xcalloc(n, sizeof *ix->src);
	ix->len = xcalloc(n, sizeof *ix->len);
	ix->doc = xcalloc(n, sizeof *ix->doc);
	ix->parent = xcalloc(n, sizeof *ix->parent);
	ix->letters = xcalloc(n, sizeof *ix->letters);
	ix->kinds = xcalloc(n, sizeof *ix->kinds);
	for (k = 0; k < KIND__COUNT; k++)
		if (kind_is_block((enum node_kind)k))
			ix->block_kinds |= UINT32_C(1) << k;
	/* A parent comes before its children: its set is ready. */
	for (i = 0; i < c->nnodes; i++) {
		ix->kinds[i] = 1u << c->nodes[i].kind |
		    (c->nodes[i].parent != CORPUS_NONE ?
		    ix->kinds[c->nodes[i].parent] : 0);
		ix->doc[i] = c->nodes[i].doc;
		ix->parent[i] = c->nodes[i].parent;
	}
	/*
	 * A large corpus is folded in two halves, the second on a thread:
	 * on two cores the index is ready in little more than half the time.
	 * Each half has a buffer of its own; the second is put after the
	 * first, its offsets moved by the first's length.
	 */
	memset(&first, 0, sizeof first);
	memset(&second, 0, sizeof second);
	first.ix = second.ix = ix;
	first.start = second.start = start;
	first.to = (uint32_t)c->nnodes;
	threaded = false;
	if (c->nnodes >= INDEX_SPLIT_NODES) {
		second.from = first.to = (uint32_t)(c->nnodes / 2);
		second.to = (uint32_t)c->nnodes;
		threaded = pthread_create(&t, NULL, index_fold_part,
		    &second) == 0;
		if (!threaded)
			first.to = (uint32_t)c->nnodes;
	}
	index_fold_part(&first);
	ix->buf = first.buf;
	if (threaded) {
		pthread_join(t, NULL);
		ix->buf = xreallocarray(ix->buf, first.used + second.used + 1,
		    1);
		memcpy(ix->buf + first.used, second.buf, second.used);
		free(second.buf);
		for (i = second.from; i < second.to; i++)
			start[i] += first.used;
	} else
		/* Give back what the guess overshot. */
		ix->buf = xreallocarray(ix->buf, first.used ? first.used : 1,
		    1);
	/* The folded copies' places, now that buf stays where it is. */
	for (i = 0; i < c->nnodes; i++)
		if (!(ix->len[i] & INDEX_PLAIN))
			ix->src[i] = ix->buf + start[i];
	free(start);
	return ix;
}

void
index_free(struct index *ix)
{
	if (ix == NULL)
		return;
	free(ix->buf);
	free(ix->src);
	free(ix->len);
	free(ix->doc);
	free(ix->parent);
	free(ix->letters);
	free(ix->kinds);
	free(ix);
}

char *
index_describe_counts(size_t blocks, size_t sections)
{
	char	*b, *s, *r;

	b = xasprintf(ngettext("%zu paragraph", "%zu paragraphs", blocks),
	    blocks);
	s = xasprintf(ngettext("%zu section", "%zu sections", sections),
	    sections);
	/* TRANSLATORS: "3 paragraphs, 1 section" */
	r = xasprintf(_("%s, %s"), b, s);
	free(b);
	free(s);
	return r;
}

const uint32_t *
index_parents(const struct index *ix)
{
	return ix->parent;
}

char *
index_result_describe(const struct index_result *r)
{
	char	*counts, *s;

	counts = index_describe_counts(r->nblocks, r->nsections);
	/* TRANSLATORS: "3 paragraphs, 1 section in 2 documents" */
	s = xasprintf(ngettext("%s in %zu document", "%s in %zu documents",
	    r->ndocs), counts, r->ndocs);
	free(counts);
	return s;
}

void
index_result_free(struct index_result *r)
{
	free(r->nodes);
	free(r->at);
	free(r->after);
	free(r->per_doc);
	memset(r, 0, sizeof *r);
}
