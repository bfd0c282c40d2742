/*
 * load.c -- opening a corpus database as hostile input and loading it into
 * memory (see store.h).  The steps follow RELIABILITY.md section 2: a
 * regular file only; read-only and defensive; tight limits; a wall-clock
 * budget per statement; application_id, user_version, quick_check; the
 * schema compared with the one we write, table by table; and every value
 * range-checked before it becomes part of the tree.
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
#include "store/schema.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * Seconds any one statement may run before it is interrupted.  Only the
 * fuzz harness builds this file with another value (fuzz/local.mk), so
 * that a slow image costs it a fraction of a second, not ten.
 */
#ifndef LOAD_BUDGET
#define LOAD_BUDGET	10.0
#endif

/*
 * A database smaller than this is checked on the loading connection: a
 * second connection and a thread cost more than quick_check does.
 */
#define LOAD_CHECK_INLINE	(1024 * 1024)

struct load {
	sqlite3		*db;
	const char	*path;
	struct stat	 sb;		/* the file, when opened */
	const struct stat *same_as;	/* a second connection: the first's */
	struct timespec	 start;
	char		*err;
};

static double
load_elapsed(const struct load *l)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - l->start.tv_sec) +
	    (double)(now.tv_nsec - l->start.tv_nsec) / 1e9;
}

/* SQLite's progress handler: non-zero interrupts the statement. */
static int
load_progress(void *arg)
{
	return load_elapsed(arg) > LOAD_BUDGET;
}

static int
load_fail(struct load *l, const char *msg)
{
	if (l->err == NULL)
		l->err = xasprintf("%s: %s", l->path, msg);
	return -1;
}

static int
load_fail_node(struct load *l, sqlite3_int64 id, const char *what)
{
	char	*msg = xasprintf(_("malformed node %lld (%s)"), (long long)id,
	    what);

	load_fail(l, msg);
	free(msg);
	return -1;
}

static int
load_fail_db(struct load *l, int rc)
{
	char	*msg;

	if (rc == SQLITE_INTERRUPT)
		return load_fail(l, _("reading the database took too long; "
		    "it may be damaged"));
	if (rc == SQLITE_NOTADB)
		return load_fail(l, _("not a charta database"));
	msg = xasprintf(_("cannot read the database: %s"),
	    sqlite3_errmsg(l->db));
	load_fail(l, msg);
	free(msg);
	return -1;
}

/* Run a one-value query; stores the integer in *out. */
static int
load_int(struct load *l, const char *sql, sqlite3_int64 *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	clock_gettime(CLOCK_MONOTONIC, &l->start);
	rc = sqlite3_prepare_v2(l->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return load_fail_db(l, rc);
	}
	*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/*
 * The defensive set-up of a database just opened as l->db, whose image is
 * l->sb.st_size bytes: configuration, limits, the time budget, then the
 * header checks.
 */
static int
load_setup(struct load *l)
{
	static const struct { int limit, value; } limits[] = {
		{ SQLITE_LIMIT_LENGTH, CORPUS_MAX_TEXT + 1024 },
		{ SQLITE_LIMIT_SQL_LENGTH, 100000 },
		{ SQLITE_LIMIT_COLUMN, 100 },
		{ SQLITE_LIMIT_EXPR_DEPTH, 50 },
		{ SQLITE_LIMIT_COMPOUND_SELECT, 4 },
		{ SQLITE_LIMIT_VDBE_OP, 100000 },
		{ SQLITE_LIMIT_FUNCTION_ARG, 8 },
		{ SQLITE_LIMIT_ATTACHED, 0 },
		{ SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100 },
		{ SQLITE_LIMIT_VARIABLE_NUMBER, 16 },
		{ SQLITE_LIMIT_TRIGGER_DEPTH, 1 },
	};
	sqlite3_int64	 v, pages, psize;
	size_t		 i;
	int		 rc;

	sqlite3_db_config(l->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(l->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(l->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_db_config(l->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	for (i = 0; i < sizeof limits / sizeof limits[0]; i++)
		sqlite3_limit(l->db, limits[i].limit, limits[i].value);
	sqlite3_progress_handler(l->db, 1000, load_progress, l);
	/*
	 * One read transaction for everything this connection reads: one
	 * snapshot, and the file is locked and its journal looked for once,
	 * not once per statement.
	 */
	rc = sqlite3_exec(l->db, "PRAGMA query_only=1; "
	    "PRAGMA cell_size_check=ON; PRAGMA mmap_size=0; BEGIN", NULL, NULL,
	    NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);

	if (load_int(l, "PRAGMA application_id", &v) == -1)
		return -1;
	if (v != STORE_APPLICATION_ID)
		return load_fail(l, _("not a charta database"));
	if (load_int(l, "PRAGMA user_version", &v) == -1)
		return -1;
	if (v > STORE_SCHEMA_VERSION) {
		char	*msg = xasprintf(_("created by a newer charta (schema "
		    "%lld; this charta reads %d)"), (long long)v,
		    STORE_SCHEMA_VERSION);

		load_fail(l, msg);
		free(msg);
		return -1;
	}
	if (v != STORE_SCHEMA_VERSION)
		return load_fail(l, _("not a charta database (unknown schema "
		    "version)"));
	/*
	 * SQLite reads the pages a truncated file lacks as zeros, and
	 * quick_check does not look inside records: the text would just
	 * change.  The file must hold every page its header counts.
	 */
	if (load_int(l, "PRAGMA page_count", &pages) == -1 ||
	    load_int(l, "PRAGMA page_size", &psize) == -1)
		return -1;
	if (l->sb.st_size < pages * psize)
		return load_fail(l, _("the database is damaged (the file is "
		    "truncated)"));
	return 0;
}

static int
load_open(struct load *l)
{
	struct stat	 sb;
	int		 rc, fd;

	if (stat(l->path, &sb) == -1)
		return load_fail(l, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return load_fail(l, _("not a regular file"));
	if (sb.st_size == 0)
		return load_fail(l, _("empty file; not a charta database"));
	/*
	 * The importer renames a new corpus over the old one: a second
	 * connection must not read the new file for the old one's half.
	 */
	if (l->same_as != NULL && (sb.st_dev != l->same_as->st_dev ||
	    sb.st_ino != l->same_as->st_ino ||
	    sb.st_size != l->same_as->st_size ||
	    sb.st_mtim.tv_sec != l->same_as->st_mtim.tv_sec ||
	    sb.st_mtim.tv_nsec != l->same_as->st_mtim.tv_nsec))
		return load_fail(l, _("the file changed while it was read; "
		    "try again"));
	l->sb = sb;
	/* SQLite would say only "unable to open": say why. */
	if ((fd = open(l->path, O_RDONLY | O_CLOEXEC)) == -1)
		return load_fail(l, strerror(errno));
	close(fd);
	/*
	 * Each connection is used by one thread only: without SQLite's
	 * mutexes (taken on every call) the load is a seventh faster.
	 */
	rc = sqlite3_open_v2(l->path, &l->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	return load_setup(l);
}

/* The same for an image in memory, which SQLite reads in place. */
static int
load_open_mem(struct load *l, const void *data, size_t len)
{
	int	rc;

	if (len == 0)
		return load_fail(l, _("empty file; not a charta database"));
	l->sb.st_size = (off_t)len;
	rc = sqlite3_open_v2(":memory:", &l->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	rc = sqlite3_deserialize(l->db, "main", (unsigned char *)data,
	    (sqlite3_int64)len, (sqlite3_int64)len,
	    SQLITE_DESERIALIZE_READONLY);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	return load_setup(l);
}

static int
load_quick_check(struct load *l)
{
	sqlite3_stmt	*st;
	const char	*res;
	char		*msg;
	int		 rc;

	clock_gettime(CLOCK_MONOTONIC, &l->start);
	rc = sqlite3_prepare_v2(l->db, "PRAGMA quick_check(1)", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return load_fail_db(l, rc);
	}
	res = (const char *)sqlite3_column_text(st, 0);
	if (res == NULL || strcmp(res, "ok") != 0) {
		msg = xasprintf(_("the database is damaged (%s)"),
		    res ? res : "?");
		load_fail(l, msg);
		free(msg);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* The schema must be exactly ours: these tables, these statements. */
static int
load_schema(struct load *l)
{
	sqlite3_stmt	*st;
	const char	*type, *name, *sql;
	int		 rc, k, seen = 0;

	clock_gettime(CLOCK_MONOTONIC, &l->start);
	rc = sqlite3_prepare_v2(l->db, "SELECT type, name, sql FROM "
	    "sqlite_schema", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		type = (const char *)sqlite3_column_text(st, 0);
		name = (const char *)sqlite3_column_text(st, 1);
		sql = (const char *)sqlite3_column_text(st, 2);
		for (k = 0; k < schema_ntables; k++)
			if (type && name && sql && strcmp(type, "table") == 0 &&
			    strcmp(name, schema_tables[k].name) == 0 &&
			    strcmp(sql, schema_tables[k].sql) == 0)
				break;
		if (k == schema_ntables || (seen & (1 << k))) {
			sqlite3_finalize(st);
			return load_fail(l, _("not a charta database "
			    "(unexpected schema)"));
		}
		seen |= 1 << k;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return load_fail_db(l, rc);
	if (seen != (1 << schema_ntables) - 1)
		return load_fail(l, _("not a charta database (tables "
		    "missing)"));
	return 0;
}

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

static int
load_docs(struct load *l, struct corpus *c)
{
	sqlite3_stmt		*st;
	struct corpus_doc	 d;
	int			 rc, k;
	const char		*v[11];
	sqlite3_int64		 id, want = 1;

	clock_gettime(CLOCK_MONOTONIC, &l->start);
	rc = sqlite3_prepare_v2(l->db, "SELECT id, slug, alias, title, short, "
	    "issuer, date, language, source, work, kind, file FROM document "
	    "ORDER BY id", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		for (k = 0; k < 11; k++)
			if ((v[k] = load_text(st, k + 1)) == NULL)
				break;
		if (id != want++ || k < 11 || *v[0] == '\0' ||
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

/*
 * Load the nodes with ids first..last into c, which holds the documents
 * after the first docbase, taking document metadata from meta (which holds
 * one document node per document).  When last is LOAD_ALL, c is the whole
 * corpus.  Every range is checked: ids dense and in order (and, for a
 * range, all there), a document's root before its nodes, parents earlier
 * than their children and in the same document, blocks without children,
 * known kinds, labels and depth within limits.
 */
#define LOAD_ALL	INT64_MAX
static int
load_nodes(struct load *l, struct corpus *c, const struct corpus *meta,
    sqlite3_int64 first, sqlite3_int64 last, uint32_t docbase)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 id, docid, parent, want = first;
	const sqlite3_int64 base = first - 1;	/* nodes before c's first */
	const char	*kind, *label, *anchor, *title;
	const void	*body;
	int		 rc, k, blen;
	uint32_t	 doc = CORPUS_NONE, p;	/* doc: c's, from 0 */
	const char	*bad = NULL;

	clock_gettime(CLOCK_MONOTONIC, &l->start);
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
		if (id != want++ || kind == NULL || label == NULL ||
		    anchor == NULL || title == NULL || blen < 0 ||
		    blen > CORPUS_MAX_TEXT || strlen(label) > CORPUS_MAX_LABEL) {
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
		return load_fail_node(l, want - 1, bad);
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
	clock_gettime(CLOCK_MONOTONIC, &l->start);
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
		rc = load_fail_node(l, h.first, "document");
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

	clock_gettime(CLOCK_MONOTONIC, &l->start);
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
 * file is checked in line (LOAD_CHECK_INLINE).
 */
static void *
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
	struct load	 l, check;
	struct corpus	*c = NULL;
	pthread_t	 t;
	bool		 threaded = false;

	memset(&l, 0, sizeof l);
	memset(&check, 0, sizeof check);
	l.path = check.path = path;
	if (load_open(&l) == 0) {
		check.same_as = &l.sb;
		threaded = l.sb.st_size >= LOAD_CHECK_INLINE &&
		    pthread_create(&t, NULL, load_check_thread, &check) == 0;
		c = load_all(&l, !threaded, true);
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
	}
	if (l.db != NULL)
		sqlite3_close(l.db);
	free(check.err);
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
