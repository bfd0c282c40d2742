/*
 * load-head.c -- the first screen's part of a corpus (see store.h): the
 * reader draws its first screen from the first documents, a few
 * milliseconds' worth, before it loads the whole, so that the first screen
 * comes as soon on a corpus of a million nodes as on the shipped one.
 */
#include "config.h"

#include <stdbool.h>
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

/* A node's document (its id: the metadata's index is one less). */
#define HEAD_DOC_OF	"SELECT doc FROM node WHERE id = ?1"

/* The document of node id, or 0 if the query fails. */
static sqlite3_int64
head_doc_of(struct load *l, sqlite3_int64 id)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 doc = 0;

	if (sqlite3_prepare_v2(l->db, HEAD_DOC_OF, -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		doc = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return doc;
}

/*
 * Add to c the next whole documents of l's corpus, up to at least
 * min_nodes nodes in all (and all of the first document); meta gets
 * their metadata, if it lacks it: only theirs is read (a corpus of a
 * thousand documents has milliseconds' worth).  0, or -1 if the corpus has
 * no more (or the load fails).
 */
static int
head_load(struct load *l, struct corpus *c, struct corpus *meta,
    size_t min_nodes)
{
	sqlite3_int64	last, doc;

	if ((last = head_last(l, min_nodes)) == 0 ||
	    last <= (sqlite3_int64)c->nnodes ||
	    (doc = head_doc_of(l, last)) <= 0 ||
	    load_docs_upto(l, meta, doc) == -1)
		return -1;
	corpus_reserve(c, (size_t)last);
	return load_nodes(l, c, meta, (sqlite3_int64)c->nnodes + 1, last, 0);
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

/*
 * Open the file at path for a first part: only a file quick_check has
 * passed as it is now (what is drawn before the whole load has checked
 * the file must be what it will show), and not a small one (it loads
 * whole as fast); its documents into meta, all of them if all, else none
 * yet (head_load reads its own).  0, or -1 (nothing said).
 */
static int
head_open(struct load *l, const char *path, struct corpus **meta, bool all)
{
	memset(l, 0, sizeof *l);
	l->path = path;
	*meta = NULL;
	if (load_open(l) == -1 || l->sb.st_size < LOAD_CHECK_INLINE ||
	    !load_verdict_known(&l->sb) || load_schema(l) == -1)
		return -1;
	*meta = corpus_new();
	return all ? load_docs(l, *meta) : 0;
}

/* Close what head_open opened. */
static void
head_close(struct load *l, struct corpus *meta)
{
	corpus_free(meta);
	if (l->db != NULL)
		sqlite3_close(l->db);
	free(l->err);
}

/*
 * The first node id in [1, max] whose document is doc or later (by st,
 * HEAD_DOC_OF), or max + 1.  An id with no row
 * counts as before.
 */
static sqlite3_int64
head_doc_bound(sqlite3_stmt *st, sqlite3_int64 doc, sqlite3_int64 max)
{
	sqlite3_int64	lo = 1, hi = max + 1, mid, at;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, mid);
		at = sqlite3_step(st) == SQLITE_ROW ?
		    sqlite3_column_int64(st, 0) : 0;
		if (at < doc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct corpus *
store_load_head_doc(const char *path, const char *slug)
{
	struct load	 l;
	struct corpus	*meta, *c = NULL;
	sqlite3_stmt	*st;
	sqlite3_int64	 first = 0, last = 0;
	uint32_t	 d, a, b;

	if (head_open(&l, path, &meta, true) == -1 ||
	    (d = corpus_find_doc(meta, slug, strlen(slug))) == CORPUS_NONE)
		goto out;
	/*
	 * The document's nodes: the rows come document after document (the
	 * whole load refuses a file where they do not), so a binary search
	 * on the rowid finds its first and the next one's, without reading
	 * the table.  load_nodes checks what it reads.
	 */
	load_clock(&l);
	if (sqlite3_prepare_v2(l.db, HEAD_DOC_OF, -1, &st, NULL) != SQLITE_OK)
		goto out;
	if (load_int(&l, "SELECT max(id) FROM node", &last) == 0) {
		first = head_doc_bound(st, (sqlite3_int64)d + 1, last);
		last = head_doc_bound(st, (sqlite3_int64)d + 2, last) - 1;
	}
	sqlite3_finalize(st);
	if (first <= 0 || last < first)
		goto out;
	c = corpus_new();
	corpus_reserve(c, (size_t)(last - first + 1));
	if (load_nodes(&l, c, meta, first, last, d) == -1 ||
	    corpus_finish(c, &a, &b) == -1 || c->ndocs != 1) {
		corpus_free(c);
		c = NULL;
	}
out:
	head_close(&l, meta);
	return c;
}

/* Nodes a first guess loads, to see how many rows documents make. */
#define HEAD_PROBE_NODES	256

struct corpus *
store_load_head(const char *path, size_t min_rows)
{
	struct load	 l;
	struct corpus	*meta = NULL, *c;
	size_t		 rows, want;
	uint32_t	 a, b;

	c = corpus_new();
	if (head_open(&l, path, &meta, false) == -1 ||
	    head_load(&l, c, meta, HEAD_PROBE_NODES) == -1)
		goto fail;
	/*
	 * Too few rows: as many more documents as they suggest, and a fifth
	 * again (documents differ), added in one more load.
	 */
	if ((rows = head_rows(c)) < min_rows) {
		want = c->nnodes * min_rows / (rows ? rows : 1);
		want += want / 5;
		if (head_load(&l, c, meta, want) == -1 ||
		    head_rows(c) < min_rows)
			goto fail;
	}
	if (corpus_finish(c, &a, &b) == -1)
		goto fail;
	head_close(&l, meta);
	return c;
fail:
	corpus_free(c);
	head_close(&l, meta);
	return NULL;
}
