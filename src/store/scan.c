/*
 * scan.c -- reading a corpus database once, node by node, without
 * loading it (see store.h, store_scan_open): for the one-shot search,
 * which needs each node's text only long enough to match it.
 *
 * The file is opened as store_load_corpus opens it (load-open.c: a
 * regular file, read-only, defensive, limits, the time budget, the header,
 * quick_check or its kept verdict, the exact schema) and every check the
 * loader makes of the nodes is made here too, as they go by: ids dense
 * and in order, documents in order, parents earlier, in the same document
 * and among the last node's ancestors (a stack of them is kept, with
 * their kinds, for kind:), blocks without children, known kinds, labels
 * and depth within limits, no two labels of a document alike, every
 * link's ends there.  Anything wrong is not told here: the scan fails,
 * and the caller loads the corpus whole, whose loader names the problem.
 * A scan that succeeds read exactly the corpus store_load_corpus loads.
 *
 * A large corpus is read in two halves at once, on two connections, split
 * at a document as the loader splits it.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "model/corpus.h"
#include "store/load-private.h"
#include "store/store.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/* An end of a link that names a label: the label must be in doc. */
struct scan_ref {
	uint32_t	 doc;
	char		*label;
};

struct store_scan {
	char			*path;
	struct load		 l;
	struct load		 check;		/* quick_check, on a thread */
	pthread_t		 check_thread;
	bool			 checking;
	bool			 record;	/* keep quick_check's verdict */
	struct timespec		 checked;
	struct corpus		*meta;		/* a document node each */
	struct scan_ref		*refs;		/* sorted by doc */
	size_t			 nrefs;
};

/* One half's reading: nodes first..last, documents after docbase. */
struct scan_half {
	struct store_scan	*sc;
	struct load		*l;
	sqlite3_int64		 first, last;
	uint32_t		 docbase;
	uint32_t		 ndocs;		/* documents met */
	void			 (*fn)(void *, const struct store_row *);
	void			*arg;
	bool			 ok;
	/* The current document's labels, to find two alike. */
	struct hashtab		 labels;
	char			*lbuf;
	size_t			 lused, lcap;
	uint32_t		*loff;
	size_t			 nloff, loffcap;
	size_t			 nextref;	/* the first ref not yet checked */
	char			 kname[16];	/* the last kind's name, */
	size_t			 knlen;
	int			 kind;		/* and the kind */
};

/* kind_from_name, the kind of the row before remembered: most repeat. */
static int
scan_kind(struct scan_half *h, const char *name, size_t len)
{
	if (len == h->knlen && len > 0 && memcmp(name, h->kname, len) == 0)
		return h->kind;
	h->kind = kind_from_name(name, len);
	h->knlen = 0;
	if (h->kind >= 0 && len <= sizeof h->kname) {
		memcpy(h->kname, name, len);
		h->knlen = len;
	}
	return h->kind;
}

/* Column k as bytes without a NUL, or NULL (as load.c's load_text). */
static const char *
scan_text(sqlite3_stmt *st, int k, size_t *len)
{
	const char	*s;
	int		 n, type;

	/* A blob needs no terminating copy; a number becomes text. */
	s = sqlite3_column_blob(st, k);
	n = sqlite3_column_bytes(st, k);
	/*
	 * No pointer: an empty string or blob, or NULL, or a number that
	 * could not be made text (out of memory).
	 */
	if (s == NULL) {
		type = sqlite3_column_type(st, k);
		if (n != 0 || (type != SQLITE_TEXT && type != SQLITE_BLOB))
			return NULL;
	}
	if (n < 0 || (n > 0 && memchr(s, '\0', (size_t)n) != NULL))
		return NULL;
	*len = (size_t)n;
	return n > 0 ? s : "";
}

/*
 * Is label[0..len) a label of the document being read?  If not, and add
 * is true, it is one now.
 */
static bool
scan_label_seen(struct scan_half *h, const char *label, size_t len,
    bool add)
{
	struct hashtab_iter	 it;
	uint64_t		 hash = hash_bytes_lower(label, len);
	uint32_t		 v;

	for (v = hashtab_first(&h->labels, hash, &it); v != HASHTAB_NONE;
	    v = hashtab_next(&h->labels, &it))
		if (corpus_label_eq(h->lbuf + h->loff[v], label, len))
			return true;
	if (!add)
		return false;
	if (h->lused + len + 1 > h->lcap) {
		h->lcap = (h->lused + len + 1) * 2;
		h->lbuf = xreallocarray(h->lbuf, h->lcap, 1);
	}
	if (h->nloff == h->loffcap) {
		h->loffcap = h->loffcap ? h->loffcap * 2 : 256;
		h->loff = xreallocarray(h->loff, h->loffcap, sizeof *h->loff);
	}
	memcpy(h->lbuf + h->lused, label, len);
	h->lbuf[h->lused + len] = '\0';
	h->loff[h->nloff] = (uint32_t)h->lused;
	hashtab_add(&h->labels, hash, (uint32_t)h->nloff++);
	h->lused += len + 1;
	return false;
}

/*
 * The document being read (doc, in the corpus) is complete: the links'
 * labels in it must all be there.  Then forget its labels.
 */
static bool
scan_doc_done(struct scan_half *h, uint32_t doc)
{
	struct store_scan	*sc = h->sc;
	const struct scan_ref	*r;
	bool			 ok = true;

	for (; h->nextref < sc->nrefs && sc->refs[h->nextref].doc <= doc;
	    h->nextref++) {
		r = &sc->refs[h->nextref];
		if (r->doc == doc && !scan_label_seen(h, r->label,
		    strlen(r->label), false))
			ok = false;
	}
	hashtab_free(&h->labels);
	hashtab_init(&h->labels, h->nloff);
	h->lused = h->nloff = 0;
	return ok;
}

/* One ancestor of the node being read. */
struct scan_anc {
	sqlite3_int64	id;
	uint8_t		kind;
	uint32_t	kinds;		/* 1 << kind of it and its ancestors */
};

/*
 * Read h's nodes, calling h->fn for each; false at the first thing the
 * loader would refuse (load_nodes, load_all, corpus_finish, load_links).
 */
static bool
scan_nodes(struct scan_half *h)
{
	const struct corpus	*meta = h->sc->meta;
	struct scan_anc		 stack[CORPUS_MAX_DEPTH + 1];
	struct store_row	 row;
	sqlite3_stmt		*st;
	sqlite3_int64		 id = 0, docid, parent, want = h->first;
	const char		*kind, *label, *anchor, *title, *body;
	size_t			 klen, llen, alen, tlen;
	int			 rc, k, blen, depth = -1;
	uint32_t		 doc = CORPUS_NONE;

	load_clock(h->l);
	if (sqlite3_prepare_v2(h->l->db, "SELECT id, doc, parent, kind, "
	    "label, anchor, title, body FROM node WHERE id BETWEEN ?1 AND ?2 "
	    "ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, h->first);
	sqlite3_bind_int64(st, 2, h->last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		docid = sqlite3_column_int64(st, 1);
		kind = scan_text(st, 3, &klen);
		label = scan_text(st, 4, &llen);
		anchor = scan_text(st, 5, &alen);
		title = scan_text(st, 6, &tlen);
		body = sqlite3_column_blob(st, 7);
		blen = sqlite3_column_bytes(st, 7);
		if (id != want++ || kind == NULL || label == NULL ||
		    anchor == NULL || title == NULL || blen < 0 ||
		    blen > CORPUS_MAX_TEXT || llen > CORPUS_MAX_LABEL)
			break;
		if ((k = scan_kind(h, kind, klen)) < 0)
			break;
		if (k == KIND_DOCUMENT) {
			if (sqlite3_column_type(st, 2) != SQLITE_NULL ||
			    docid != (sqlite3_int64)(h->docbase + h->ndocs) +
			    1 || docid > (sqlite3_int64)meta->ndocs ||
			    (doc != CORPUS_NONE && !scan_doc_done(h, doc)))
				break;
			doc = (uint32_t)(docid - 1);
			h->ndocs++;
			depth = 0;
			stack[0].id = id;
			stack[0].kind = KIND_DOCUMENT;
			stack[0].kinds = UINT32_C(1) << KIND_DOCUMENT;
			row.doc = doc;
			row.kind = KIND_DOCUMENT;
			row.kinds = stack[0].kinds;
			row.depth = 0;
			row.label = "";
			row.text = meta->docs[doc].title;
			row.len = strlen(row.text);
			h->fn(h->arg, &row);
			continue;
		}
		parent = sqlite3_column_int64(st, 2);
		if (doc == CORPUS_NONE || docid != (sqlite3_int64)doc + 1 ||
		    sqlite3_column_type(st, 2) != SQLITE_INTEGER ||
		    parent < stack[0].id || parent >= id || llen == 0)
			break;
		/* Preorder: the parent is the last node or its ancestor. */
		while (depth >= 0 && stack[depth].id != parent)
			depth--;
		if (depth < 0 || kind_is_block(stack[depth].kind) ||
		    depth + 1 > CORPUS_MAX_DEPTH ||
		    scan_label_seen(h, label, llen, true))
			break;
		depth++;
		stack[depth].id = id;
		stack[depth].kind = (uint8_t)k;
		stack[depth].kinds = stack[depth - 1].kinds |
		    UINT32_C(1) << k;
		row.doc = doc;
		row.kind = (uint8_t)k;
		row.kinds = stack[depth].kinds;
		row.depth = (uint8_t)depth;
		row.label = h->lbuf + h->loff[h->nloff - 1];
		if (kind_is_block(k)) {
			row.text = body != NULL ? body : "";
			row.len = body != NULL ? (size_t)blen : 0;
		} else {
			row.text = title;
			row.len = tlen;
		}
		h->fn(h->arg, &row);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return false;
	/* A range must be whole; the last document's links checked too. */
	if (h->last != LOAD_ALL && want <= h->last)
		return false;
	return doc == CORPUS_NONE || scan_doc_done(h, doc);
}

static void *
scan_half_thread(void *arg)
{
	struct scan_half	*h = arg;

	hashtab_init(&h->labels, 0);
	h->ok = (h->l->db != NULL || load_open(h->l) == 0) &&
	    !h->l->immutable && scan_nodes(h);
	hashtab_free(&h->labels);
	free(h->lbuf);
	free(h->loff);
	return NULL;
}

static int
scan_ref_cmp(const void *a, const void *b)
{
	const struct scan_ref	*x = a, *y = b;

	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* Every link's ends must name a document, and a label that is in it. */
static bool
scan_links(struct store_scan *sc)
{
	sqlite3_stmt	*st;
	const char	*v[4], *colon;
	size_t		 len[4], k;
	uint32_t	 d;
	int		 rc;

	load_clock(&sc->l);
	if (sqlite3_prepare_v2(sc->l.db, "SELECT a, b, relation, note FROM "
	    "link ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (k = 0; k < 4; k++)
			if ((v[k] = scan_text(st, (int)k, &len[k])) == NULL)
				break;
		if (k < 4)
			break;
		for (k = 0; k < 2; k++) {
			colon = memchr(v[k], ':', len[k]);
			d = corpus_find_doc(sc->meta, v[k], colon != NULL ?
			    (size_t)(colon - v[k]) : len[k]);
			if (d == CORPUS_NONE)
				break;
			if (colon == NULL || colon == v[k] + len[k] - 1)
				continue;
			sc->refs = xreallocarray(sc->refs, sc->nrefs + 1,
			    sizeof *sc->refs);
			sc->refs[sc->nrefs].doc = d;
			sc->refs[sc->nrefs++].label = xstrndup(colon + 1,
			    len[k] - (size_t)(colon + 1 - v[k]));
		}
		if (k < 2)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return false;
	if (sc->nrefs > 0)
		qsort(sc->refs, sc->nrefs, sizeof *sc->refs, scan_ref_cmp);
	return true;
}

/* Is the database's text UTF-8, which the loader's strings are? */
static bool
scan_utf8(struct store_scan *sc)
{
	sqlite3_stmt	*st;
	const char	*enc;
	bool		 ok = false;

	load_clock(&sc->l);
	if (sqlite3_prepare_v2(sc->l.db, "PRAGMA encoding", -1, &st, NULL) !=
	    SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		enc = (const char *)sqlite3_column_text(st, 0);
		ok = enc != NULL && strcmp(enc, "UTF-8") == 0;
	}
	sqlite3_finalize(st);
	return ok;
}

struct store_scan *
store_scan_open(const char *path)
{
	struct store_scan	*sc = xcalloc(1, sizeof *sc);
	uint32_t		 a, b;
	bool			 known;

	sc->path = xstrdup(path);
	sc->l.path = sc->check.path = sc->path;
	/* Opened immutable, the loader has a note to give: let it. */
	if (load_open(&sc->l) == -1 || sc->l.immutable)
		goto fail;
	sc->check.same_as = &sc->l.sb;
	/* quick_check as the loader runs it: its verdict kept, or in line. */
	if (sc->l.sb.st_size >= LOAD_CHECK_INLINE) {
		known = load_verdict_known(&sc->l.sb);
		clock_gettime(CLOCK_REALTIME, &sc->checked);
		sc->record = !known;
		if (!known) {
			if (pthread_create(&sc->check_thread, NULL,
			    load_check_thread, &sc->check) != 0)
				goto fail;
			sc->checking = true;
		}
	} else if (load_quick_check(&sc->l) == -1)
		goto fail;
	sc->meta = corpus_new();
	if (!scan_utf8(sc) || load_schema(&sc->l) == -1 ||
	    load_docs(&sc->l, sc->meta) == -1 ||
	    corpus_finish(sc->meta, &a, &b) == -1 || !scan_links(sc))
		goto fail;
	return sc;
fail:
	store_scan_free(sc);
	return NULL;
}

const struct corpus *
store_scan_docs(const struct store_scan *sc)
{
	return sc->meta;
}

/*
 * Where to split: at the first document node past the middle of count
 * nodes, as load.c splits (h[1]'s range); false to read it whole.
 */
static bool
scan_split(struct store_scan *sc, struct scan_half *h)
{
	sqlite3_stmt	*st;
	sqlite3_int64	 count, id, docid;
	bool		 ok = false;

	if (load_int(&sc->l, "SELECT max(id) FROM node", &count) == -1 ||
	    count < STORE_SPLIT_NODES || count > sc->l.sb.st_size / 16)
		return false;
	load_clock(&sc->l);
	if (sqlite3_prepare_v2(sc->l.db, "SELECT id, doc FROM node WHERE id > "
	    "?1 AND kind = 'document' ORDER BY id LIMIT 1", -1, &st, NULL) !=
	    SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, count / 2);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		docid = sqlite3_column_int64(st, 1);
		if (id > 1 && id <= count && docid > 1 &&
		    docid <= (sqlite3_int64)sc->meta->ndocs) {
			h[0].last = id - 1;
			h[1].first = id;
			h[1].last = count;
			h[1].docbase = (uint32_t)(docid - 1);
			ok = true;
		}
	}
	sqlite3_finalize(st);
	return ok;
}

int
store_scan_run(struct store_scan *sc,
    void (*fn)(void *arg, const struct store_row *row), void *arg[2])
{
	struct scan_half	 h[2];
	struct load		 second;
	pthread_t		 t;
	bool			 split, ok;
	size_t			 k;

	memset(h, 0, sizeof h);
	memset(&second, 0, sizeof second);
	second.path = sc->l.path;
	second.same_as = &sc->l.sb;
	for (k = 0; k < 2; k++) {
		h[k].sc = sc;
		h[k].fn = fn;
		h[k].arg = arg[k];
	}
	h[0].l = &sc->l;
	h[0].first = 1;
	h[0].last = LOAD_ALL;
	h[1].l = &second;
	split = scan_split(sc, h) && pthread_create(&t, NULL,
	    scan_half_thread, &h[1]) == 0;
	if (!split) {
		h[0].last = LOAD_ALL;
		scan_half_thread(&h[0]);
		ok = h[0].ok && h[0].ndocs == sc->meta->ndocs;
	} else {
		scan_half_thread(&h[0]);
		pthread_join(t, NULL);
		ok = h[0].ok && h[1].ok && h[0].ndocs == h[1].docbase &&
		    h[0].ndocs + h[1].ndocs == sc->meta->ndocs;
	}
	if (second.db != NULL)
		sqlite3_close(second.db);
	free(second.err);
	if (sc->checking) {
		pthread_join(sc->check_thread, NULL);
		sc->checking = false;
		if (sc->check.err != NULL)
			ok = false;
	}
	if (ok && sc->record)
		load_verdict_record(sc->l.path, &sc->l.sb, &sc->checked);
	return ok ? 0 : -1;
}

void
store_scan_free(struct store_scan *sc)
{
	size_t	k;

	if (sc == NULL)
		return;
	if (sc->checking)
		pthread_join(sc->check_thread, NULL);
	if (sc->l.db != NULL)
		sqlite3_close(sc->l.db);
	free(sc->l.err);
	free(sc->check.err);
	corpus_free(sc->meta);
	for (k = 0; k < sc->nrefs; k++)
		free(sc->refs[k].label);
	free(sc->refs);
	free(sc->path);
	free(sc);
}
