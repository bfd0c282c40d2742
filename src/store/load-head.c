/*
 * load-head.c -- the first screen's part of a corpus (see store.h): the
 * reader draws its first screen from the first documents, a few
 * milliseconds' worth, before it loads the whole, so that the first screen
 * comes as soon on a corpus of a million nodes as on the shipped one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "model/corpus.h"
#include "store/load-private.h"
#include "store/store.h"

/*
 * The id of the last node of the first whole documents holding at least
 * min_nodes nodes, or 0 if the corpus has no more than that (or the query
 * fails: then the whole load will say what is wrong).
 */
static sqlite3_int64
head_last(struct load *l, size_t min_nodes)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 last = 0;

	load_clock(l);
	/* The rowid order: a step from min_nodes to the next document. */
	if (sqlite3_prepare_v2(l->db, "SELECT id FROM node WHERE id > ?1 AND "
	    "kind = 'document' ORDER BY id LIMIT 1", -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)min_nodes);
	if (sqlite3_step(st) == SQLITE_ROW)
		last = sqlite3_column_int64(st, 0) - 1;
	sqlite3_finalize(st);
	return last > 0 ? last : 0;
}

/*
 * The first whole documents of l's corpus, at least min_nodes nodes (and
 * all of the first document), finished; NULL if the corpus has no more.
 */
static struct corpus *
head_load(struct load *l, const struct corpus *meta, size_t min_nodes)
{
	struct corpus	*c;
	sqlite3_int64	 last;
	uint32_t	 a, b;

	if ((last = head_last(l, min_nodes)) == 0)
		return NULL;
	c = corpus_new();
	corpus_reserve(c, (size_t)last);
	if (load_nodes(l, c, meta, 1, last, 0) == -1 ||
	    corpus_finish(c, &a, &b) == -1) {
		corpus_free(c);
		return NULL;
	}
	return c;
}

/* The outline's rows of c as the reader opens it: documents open. */
static size_t
head_rows(const struct corpus *c)
{
	size_t		d, rows = 0;
	uint32_t	n;

	for (d = 0; d < c->ndocs; d++) {
		rows++;
		for (n = c->nodes[c->docs[d].root].first_child;
		    n != CORPUS_NONE; n = c->nodes[n].next_sibling)
			rows++;
	}
	return rows;
}

/* Nodes a first guess loads, to see how many rows documents make. */
#define HEAD_PROBE_NODES	256

struct corpus *
store_load_head(const char *path, size_t min_rows)
{
	struct load	 l;
	struct corpus	*meta = NULL, *c = NULL;
	size_t		 rows, want;

	memset(&l, 0, sizeof l);
	l.path = path;
	/*
	 * Only a file quick_check has passed as it is now: what is drawn
	 * before the whole load has checked the file must be what it will
	 * show.  A small file loads whole as fast.
	 */
	if (load_open(&l) == -1 || l.sb.st_size < LOAD_CHECK_INLINE ||
	    !load_verdict_known(&l.sb) || load_schema(&l) == -1)
		goto out;
	meta = corpus_new();
	if (load_docs(&l, meta) == -1 ||
	    (c = head_load(&l, meta, HEAD_PROBE_NODES)) == NULL)
		goto out;
	/*
	 * Too few rows: as many more documents as they suggest, and a fifth
	 * again (documents differ), in one more load.
	 */
	if ((rows = head_rows(c)) < min_rows) {
		want = c->nnodes * min_rows / (rows ? rows : 1);
		want += want / 5;
		corpus_free(c);
		c = head_load(&l, meta, want);
		if (c != NULL && head_rows(c) < min_rows) {
			corpus_free(c);
			c = NULL;
		}
	}
out:
	corpus_free(meta);
	if (l.db != NULL)
		sqlite3_close(l.db);
	free(l.err);
	return c;
}
