/*
 * load.c -- loading a corpus database into memory (see store.h), once
 * load-open.c has opened and checked it: every value range-checked before
 * it becomes part of the tree.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "model/corpus.h"
#include "store/load-private.h"
#include "store/schema.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Column k of st as a NUL-free string (NULL if it holds a NUL byte). */
static const char *
load_text(sqlite3_stmt *st, int k)
{
	const char	*s = (const char *)sqlite3_column_text(st, k);
	int		 n = sqlite3_column_bytes(st, k);

	if (s == NULL || (int)strlen(s) != n)
		return NULL;
	return s;
}

int
load_docs_upto(struct load *l, struct corpus *c, sqlite3_int64 upto)
{
	sqlite3_stmt		*st;
	struct corpus_doc	 d;
	int			 rc, k;
	const char		*v[16];
	sqlite3_int64		 id, want = (sqlite3_int64)c->ndocs + 1;

	load_clock(l);
	/* Version 1 had no citation columns: they are empty there. */
	rc = sqlite3_prepare_v2(l->db, l->version >= 2 ?
	    "SELECT id, slug, alias, title, short, issuer, date, language, "
	    "source, work, kind, file, author, translator, publisher, "
	    "container, url FROM document WHERE id >= ?1 AND id <= ?2 "
	    "ORDER BY id" :
	    "SELECT id, slug, alias, title, short, issuer, date, language, "
	    "source, work, kind, file, '', '', '', '', '' FROM document "
	    "WHERE id >= ?1 AND id <= ?2 ORDER BY id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	sqlite3_bind_int64(st, 1, want);
	sqlite3_bind_int64(st, 2, upto);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		for (k = 0; k < 16; k++)
			if ((v[k] = load_text(st, k + 1)) == NULL)
				break;
		if (id != want++ || k < 16 || *v[0] == '\0' ||
		    *v[2] == '\0') {
			sqlite3_finalize(st);
			return load_fail(l, _("malformed document record"));
		}
		memset(&d, 0, sizeof d);
		d.slug = v[0];
		d.alias = v[1];
		d.title = v[2];
		d.short_title = v[3];
		d.issuer = v[4];
		d.date = v[5];
		d.language = v[6];
		d.source = v[7];
		d.work = v[8];
		d.kind = v[9];
		d.file = v[10];
		d.author = v[11];
		d.translator = v[12];
		d.publisher = v[13];
		d.container = v[14];
		d.url = v[15];
		/*
		 * The real corpus adds a document when its root node is met;
		 * until then the metadata waits in a corpus of its own.
		 */
		corpus_add_doc(c, &d);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return load_fail_db(l, rc);
	return 0;
}

int
load_docs(struct load *l, struct corpus *c)
{
	return load_docs_upto(l, c, INT64_MAX);
}

int
load_nodes(struct load *l, struct corpus *c, const struct corpus *meta,
    sqlite3_int64 first, sqlite3_int64 last, uint32_t docbase)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 id, docid = 0, parent, want = first;
	/* Nodes before c's first: c may have those before first already. */
	const sqlite3_int64 base = first - 1 - (sqlite3_int64)c->nnodes;
	const char	*kind, *label, *anchor, *title;
	const void	*body;
	int		 rc, k, blen;
	uint32_t	 doc = CORPUS_NONE, p;	/* doc: c's, from 0 */
	const char	*bad = NULL;

	load_clock(l);
	rc = sqlite3_prepare_v2(l->db, "SELECT id, doc, parent, kind, label, "
	    "anchor, title, body, page, line FROM node WHERE id BETWEEN ?1 "
	    "AND ?2 ORDER BY id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		docid = sqlite3_column_int64(st, 1);
		kind = load_text(st, 3);
		label = load_text(st, 4);
		anchor = load_text(st, 5);
		title = load_text(st, 6);
		body = sqlite3_column_blob(st, 7);
		blen = sqlite3_column_bytes(st, 7);
		if (id == want && blen > CORPUS_MAX_TEXT) {
			rc = SQLITE_TOOBIG;
			break;
		}
		if (id != want++ || kind == NULL || label == NULL ||
		    anchor == NULL || title == NULL || blen < 0 ||
		    strlen(label) > CORPUS_MAX_LABEL) {
			bad = "node";
			break;
		}
		k = kind_from_name(kind, strlen(kind));
		if (k < 0) {
			bad = "kind";
			break;
		}
		if (k == KIND_DOCUMENT) {
			if (sqlite3_column_type(st, 2) != SQLITE_NULL ||
			    docid != (sqlite3_int64)(docbase + c->ndocs) + 1 ||
			    docid > (sqlite3_int64)meta->ndocs) {
				bad = "document";
				break;
			}
			doc = (uint32_t)c->ndocs;
			corpus_add_doc(c, &meta->docs[docid - 1]);
			continue;
		}
		parent = sqlite3_column_int64(st, 2);
		if (doc == CORPUS_NONE ||
		    docid != (sqlite3_int64)docbase + doc + 1 ||
		    sqlite3_column_type(st, 2) != SQLITE_INTEGER ||
		    parent < base + c->docs[doc].root + 1 ||
		    parent >= id || *label == '\0') {
			bad = "parent";
			break;
		}
		p = (uint32_t)(parent - 1 - base);
		/* Preorder: the parent must be the last node or its ancestor. */
		{
			uint32_t	a = (uint32_t)c->nnodes - 1;

			while (a != p && a != CORPUS_NONE)
				a = c->nodes[a].parent;
			if (a != p) {
				bad = "order";
				break;
			}
		}
		if (kind_is_block(c->nodes[p].kind) ||
		    c->nodes[p].depth + 1 > CORPUS_MAX_DEPTH) {
			bad = "nesting";
			break;
		}
		corpus_add_node(c, p, k, label, anchor, title, body,
		    (size_t)blen, (int32_t)sqlite3_column_int(st, 8),
		    (uint32_t)sqlite3_column_int(st, 9));
	}
	sqlite3_finalize(st);
	/* A range must be whole: a missing id is a malformed node. */
	if (bad == NULL && rc == SQLITE_DONE && last != LOAD_ALL &&
	    want++ <= last)
		bad = "node";
	if (bad != NULL)
		return load_fail_node(l, want - 1, bad, doc != CORPUS_NONE ?
		    c->docs[doc].slug : docid >= 1 && docid <=
		    (sqlite3_int64)meta->ndocs ? meta->docs[docid - 1].slug :
		    NULL);
	/* SQLite's "string or blob too big", in charta's words. */
	if (rc == SQLITE_TOOBIG) {
		char	*msg = xasprintf(_("text of node %lld is larger than "
		    "the %d-byte limit (1 MiB)"), (long long)want,
		    CORPUS_MAX_TEXT);

		load_fail(l, msg);
		free(msg);
		return -1;
	}
	if (rc != SQLITE_DONE)
		return load_fail_db(l, rc);
	return 0;
}

/*
 * The second half of a corpus, loaded by load_half_thread on a connection
 * of its own: nodes first..last, the documents after docbase.
 */
struct load_half {
	struct load		 l;
	const struct corpus	*meta;
	sqlite3_int64		 first, last;
	uint32_t		 docbase;
	struct corpus		*c;		/* NULL on failure (l.err) */
};

static void *
load_half_thread(void *arg)
{
	struct load_half	*h = arg;

	if (load_open(&h->l) == 0) {
		h->c = corpus_new();
		corpus_reserve(h->c, (size_t)(h->last - h->first + 1));
		if (load_nodes(&h->l, h->c, h->meta, h->first, h->last,
		    h->docbase) == -1) {
			corpus_free(h->c);
			h->c = NULL;
		}
	}
	if (h->l.db != NULL)
		sqlite3_close(h->l.db);
	h->l.db = NULL;
	return NULL;
}

/*
 * The number of nodes, as far as can be told before loading them: the
 * largest id, or 0 if that is not a number a file of this size can hold
 * (each row takes more than 16 bytes).  The load checks the ids.
 */
static sqlite3_int64
load_count(struct load *l)
{
	sqlite3_int64	count;

	if (load_int(l, "SELECT max(id) FROM node", &count) == -1) {
		free(l->err);
		l->err = NULL;
		return 0;
	}
	return count > 0 && count <= l->sb.st_size / 16 ? count : 0;
}

/*
 * Where to split a corpus of count nodes, if it has STORE_SPLIT_NODES or
 * more: at the first document node past the middle.  Fills in h's range
 * and returns true, or false to load it whole (small, one document, or
 * nonsense: the whole load says what is wrong with it).
 */
static bool
load_split(struct load *l, const struct corpus *meta, sqlite3_int64 count,
    struct load_half *h)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 id, docid;
	bool		 ok = false;

	if (count < STORE_SPLIT_NODES || sqlite3_prepare_v2(l->db,
	    "SELECT id, doc FROM node WHERE id > ?1 AND kind = 'document' "
	    "ORDER BY id LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return false;
	load_clock(l);
	sqlite3_bind_int64(st, 1, count / 2);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		docid = sqlite3_column_int64(st, 1);
		if (id > 1 && id <= count && docid > 1 &&
		    docid <= (sqlite3_int64)meta->ndocs) {
			h->first = id;
			h->last = count;
			h->docbase = (uint32_t)(docid - 1);
			ok = true;
		}
	}
	sqlite3_finalize(st);
	return ok;
}

/*
 * Load the nodes into c: all on l's connection, or, for a large corpus,
 * the first half there while a thread loads the second on a connection of
 * its own (on two cores the load of a million nodes takes a fifth less).
 * The halves are checked as one: the first must hold exactly the
 * documents before the second's.  The arrays are made their full size
 * first: grown by doubling, they were copied and faulted in again and
 * again, a third of the load.
 */
static int
load_tree(struct load *l, struct corpus *c, const struct corpus *meta,
    bool split)
{
	struct load_half	h;
	pthread_t		t;
	sqlite3_int64		count;
	int			rc;

	memset(&h, 0, sizeof h);
	h.l.path = l->path;
	h.l.same_as = &l->sb;
	h.l.immutable = l->immutable;
	h.meta = meta;
	count = load_count(l);
	corpus_reserve(c, (size_t)count);
	if (!split || !load_split(l, meta, count, &h) ||
	    pthread_create(&t, NULL, load_half_thread, &h) != 0)
		return load_nodes(l, c, meta, 1, LOAD_ALL, 0);

	rc = load_nodes(l, c, meta, 1, h.first - 1, 0);
	pthread_join(t, NULL);
	/*
	 * The first error in reading order is the one to tell: the first
	 * half's, then the split itself (a document the first half did not
	 * end before), then the second half's.
	 */
	if (rc == 0 && c->ndocs != h.docbase)
		rc = load_fail_node(l, h.first, "document", NULL);
	else if (rc == 0 && h.c == NULL) {
		l->err = h.l.err;
		h.l.err = NULL;
		rc = -1;
	}
	if (rc == 0) {
		corpus_append(c, h.c);
		h.c = NULL;
	}
	corpus_free(h.c);
	free(h.l.err);
	return rc;
}

/* Links name their ends by reference: each must resolve. */
static int
load_links(struct load *l, struct corpus *c)
{
	sqlite3_stmt	*st;
	const char	*a, *b, *rel, *note;
	uint32_t	 from, to;
	int		 rc;

	load_clock(l);
	rc = sqlite3_prepare_v2(l->db, "SELECT a, b, relation, note FROM link "
	    "ORDER BY id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		a = load_text(st, 0);
		b = load_text(st, 1);
		rel = load_text(st, 2);
		note = load_text(st, 3);
		from = a ? corpus_resolve(c, a, strlen(a)) : CORPUS_NONE;
		to = b ? corpus_resolve(c, b, strlen(b)) : CORPUS_NONE;
		if (from == CORPUS_NONE || to == CORPUS_NONE || rel == NULL ||
		    note == NULL) {
			sqlite3_finalize(st);
			return load_fail(l, _("malformed link record"));
		}
		corpus_add_link(c, from, to, rel, note);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return load_fail_db(l, rc);
	return 0;
}

/*
 * Everything after the open: checks, then the tree, in two halves if split
 * is true (l is a file).  NULL on failure.
 */
static struct corpus *
load_all(struct load *l, bool quick_check, bool split)
{
	struct corpus	*meta, *c = NULL;
	uint32_t	 a, b;

	meta = corpus_new();
	if ((quick_check && load_quick_check(l) == -1) ||
	    load_schema(l) == -1 || load_docs(l, meta) == -1)
		goto out;
	c = corpus_new();
	if (load_tree(l, c, meta, split) == -1 || (c->ndocs != meta->ndocs &&
	    load_fail(l, _("a document has no nodes")) == -1)) {
		corpus_free(c);
		c = NULL;
		goto out;
	}
	if (corpus_finish(c, &a, &b) == -1) {
		char	*msg = xasprintf(_("two nodes share the reference "
		    "'%s:%s'"), c->docs[c->nodes[b].doc].slug,
		    c->nodes[b].label);

		load_fail(l, msg);
		free(msg);
		corpus_free(c);
		c = NULL;
	} else if (load_links(l, c) == -1) {
		corpus_free(c);
		c = NULL;
	}
out:
	corpus_free(meta);
	return c;
}

/*
 * quick_check reads every page, a tenth of a second on a large corpus: it
 * runs on a second connection in a thread while the first loads the tree,
 * and its verdict is waited for before the corpus is handed out.  A small
 * file is checked in line (LOAD_CHECK_INLINE).  A file it has passed
 * before, unchanged since, is not checked again (load-verdict.c).
 */
void *
load_check_thread(void *arg)
{
	struct load	*l = arg;

	if (load_open(l) == 0)
		(void)load_quick_check(l);
	if (l->db != NULL)
		sqlite3_close(l->db);
	l->db = NULL;
	return NULL;
}

struct corpus *
store_load_corpus(const char *path, char **err)
{
	struct corpus	*c;
	char		*note = NULL;

	c = store_load_corpus_note(path, &note, err);
	free(note);
	return c;
}

struct corpus *
store_load_corpus_note(const char *path, char **note, char **err)
{
	struct load	 l, check;
	struct corpus	*c = NULL;
	struct timespec	 checked;
	pthread_t	 t;
	bool		 threaded = false, cached, known;

	memset(&l, 0, sizeof l);
	memset(&check, 0, sizeof check);
	l.path = check.path = path;
	if (load_open(&l) == 0) {
		check.same_as = &l.sb;
		check.immutable = l.immutable;
		/*
		 * A file already checked as it is now is not read twice.  A
		 * small one is checked every time: it costs less than
		 * keeping its verdict.
		 */
		cached = l.sb.st_size >= LOAD_CHECK_INLINE;
		known = cached && load_verdict_known(&l.sb);
		clock_gettime(CLOCK_REALTIME, &checked);
		threaded = !known && l.sb.st_size >= LOAD_CHECK_INLINE &&
		    pthread_create(&t, NULL, load_check_thread, &check) == 0;
		c = load_all(&l, !known && !threaded, true);
		if (threaded) {
			pthread_join(t, NULL);
			/* A damaged file: say that, whatever the load said. */
			if (check.err != NULL) {
				corpus_free(c);
				c = NULL;
				free(l.err);
				l.err = check.err;
				check.err = NULL;
			}
		}
		if (c != NULL && cached && !known)
			load_verdict_record(path, &l.sb, &checked);
	}
	if (l.db != NULL)
		sqlite3_close(l.db);
	free(check.err);
	*note = c != NULL && l.immutable ? xasprintf(_("%s: opened as "
	    "immutable: it is in WAL mode where its -shm cannot be made, "
	    "and cannot change"), path) : NULL;
	*err = l.err;
	return c;
}

struct corpus *
store_load_corpus_mem(const void *data, size_t len, const char *name,
    char **err)
{
	struct load	 l;
	struct corpus	*c = NULL;

	memset(&l, 0, sizeof l);
	l.path = name;
	if (load_open_mem(&l, data, len) == 0)
		c = load_all(&l, true, false);
	if (l.db != NULL)
		sqlite3_close(l.db);
	*err = l.err;
	return c;
}
