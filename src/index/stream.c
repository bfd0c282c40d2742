/*
 * stream.c -- a query matched against nodes met one at a time, for the
 * one-shot search, which reads the corpus once and keeps nothing of it
 * (see index.h, index_stream_new).  A node's text that is plain (folding
 * would only lower its ASCII letters and make line breaks spaces) is
 * searched where it is, as the index searches it; any other is folded
 * into the same buffer, node after node, as index.c folds it.  Either is
 * matched by the index's own matcher (match-private.h): the answer is
 * index_search's.
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
	m.fetch = NULL;
	/* The filters first: a node they rule out is not folded. */
	if (!match_filters(&m, st->q))
		return false;
	/* Most text is plain ASCII: searched as it is, as the index does. */
	if (index_text_plain(s, n)) {
		m.s = s;
		m.len = n;
		m.plain = true;
	} else {
		index_fold_append(&st->buf, &st->cap, &used, s, n);
		m.s = st->buf != NULL ? st->buf : "";
		m.len = used;
		m.plain = false;
	}
	m.letters_known = false;
	m.letters = 0;
	return match_query(&m, st->q, NULL, false, true);
}
