/*
 * stream.c -- a query matched against nodes met one at a time, for the
 * one-shot search, which reads the corpus once and keeps nothing of it
 * (see index.h, index_stream_new).  Each node's text is folded into the
 * same buffer, as index.c folds it, and matched by the index's own
 * matcher (match-private.h): the answer is index_search's.
 */
#include "config.h"

#include <stdlib.h>

#include "index/index.h"
#include "index/index-private.h"
#include "index/match-private.h"
#include "index/query-private.h"
#include "util/xmalloc.h"

struct index_stream {
	const struct query	*q;
	char			*buf;		/* the node's folded text */
	size_t			 cap;
};

struct index_stream *
index_stream_new(const struct query *q)
{
	struct index_stream	*st = xcalloc(1, sizeof *st);

	st->q = q;
	return st;
}

void
index_stream_free(struct index_stream *st)
{
	if (st == NULL)
		return;
	free(st->buf);
	free(st);
}

bool
index_stream_match(struct index_stream *st, const char *s, size_t n,
    uint32_t doc, uint32_t kinds)
{
	struct match_text	m;
	size_t			used = 0;

	if (query_is_empty(st->q))
		return false;
	m.doc = doc;
	m.kinds = kinds;
	/* The filters first: a node they rule out is not folded. */
	if (!match_filters(&m, st->q))
		return false;
	index_fold_append(&st->buf, &st->cap, &used, s, n);
	m.s = st->buf != NULL ? st->buf : "";
	m.len = used;
	m.plain = false;
	m.letters_known = false;
	m.letters = 0;
	return match_query(&m, st->q, NULL, false, true);
}
