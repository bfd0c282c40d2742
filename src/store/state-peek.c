/*
 * state-peek.c -- a look into the state file before the writer thread has
 * loaded it (see state.h): what the reader's first screen shows, read on
 * the reader's thread in a few indexed lookups.  With 10,000 notes the
 * whole load takes tens of milliseconds; the notes of the thirty or so
 * paragraphs on the first screen take one or two.
 *
 * The look changes nothing and hardly waits: the file is opened
 * read-only, a lock is waited for only as long as the writer thread's
 * own opening may hold one (STATE_PEEK_BUSY_MS), and any answer but the
 * plain one (no such file aside) -- locked, damaged, an older or newer
 * schema, a hot journal -- is "cannot look": the reader then waits for
 * the load as before.  Everything is read in one read transaction, a consistent
 * picture even while another charta writes.  Rows are decoded by the
 * loader's own functions (state-load.c), so a note looks the same here
 * as in the loaded state.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "store/state-private.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/* How long a look waits for a lock (the writer thread's recovery). */
#define STATE_PEEK_BUSY_MS	20
/*
 * The file is read, not mapped, into a few pages used again and again:
 * the notes of a paragraph are each on a page of their own, and the
 * first touch of a page, mapped or freshly allocated, is a page fault,
 * which costs more than reading the page (3x on a virtual machine).
 */
#define STATE_PEEK_SETUP	"PRAGMA query_only=1; " \
	"PRAGMA mmap_size=0; PRAGMA cache_size=32; BEGIN"

struct state_peek {
	sqlite3		*db;
	bool		 failed;	/* a query failed: the look is void */
};

int
state_peek_open(const char *path, struct state_peek **out)
{
	struct state_peek	*pk;
	struct stat		 sb;
	sqlite3			*db = NULL;
	int			 rc, id = 0, ver = 0;

	*out = NULL;
	if (path == NULL)
		return -1;
	if (lstat(path, &sb) == -1)
		return errno == ENOENT ? 0 : -1;
	/* A symlink or another odd file: the writer thread says what. */
	if (!S_ISREG(sb.st_mode))
		return -1;
	if (sb.st_size == 0)
		return 0;	/* made, not yet written: nothing kept */
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX |
	    SQLITE_OPEN_EXRESCODE, NULL);
	if (rc == SQLITE_OK) {
		state_db_configure(db);
		/*
		 * The writer thread opening the file at the same moment
		 * holds it for a moment (WAL recovery): that is waited for,
		 * not a lock another process keeps.
		 */
		sqlite3_busy_timeout(db, STATE_PEEK_BUSY_MS);
		rc = sqlite3_exec(db, STATE_PEEK_SETUP, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK)
		id = state_db_int(db, "PRAGMA application_id", &rc);
	if (rc == SQLITE_OK)
		ver = state_db_int(db, "PRAGMA user_version", &rc);
	/*
	 * Only this charta's own schema: an older file is upgraded and a
	 * newer one read as far as known by the writer thread, not here.
	 */
	if (rc != SQLITE_OK || id != STATE_APPLICATION_ID ||
	    ver != STATE_SCHEMA_VERSION) {
		sqlite3_close(db);
		return -1;
	}
	pk = xcalloc(1, sizeof *pk);
	pk->db = db;
	*out = pk;
	return 1;
}

bool
state_peek_ok(const struct state_peek *pk)
{
	return pk != NULL && !pk->failed;
}

bool
state_peek_close(struct state_peek *pk)
{
	bool	ok;

	if (pk == NULL)
		return false;
	ok = !pk->failed;
	sqlite3_exec(pk->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(pk->db);
	free(pk);
	return ok;
}

/* Prepare sql, or void the look. */
static sqlite3_stmt *
state_peek_prepare(struct state_peek *pk, const char *sql)
{
	sqlite3_stmt	*stmt;

	if (pk->failed)
		return NULL;
	if (sqlite3_prepare_v2(pk->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		pk->failed = true;
		return NULL;
	}
	return stmt;
}

/* Finalize stmt after its last step (rc): anything but DONE voids. */
static void
state_peek_done(struct state_peek *pk, sqlite3_stmt *stmt, int rc)
{
	if (rc != SQLITE_DONE)
		pk->failed = true;
	sqlite3_finalize(stmt);
}

char *
state_peek_last_doc(struct state_peek *pk)
{
	sqlite3_stmt		*stmt;
	const unsigned char	*t;
	char			*last = NULL;
	int			 rc;

	if ((stmt = state_peek_prepare(pk, "SELECT value FROM setting "
	    "WHERE name = 'last_doc'")) == NULL)
		return NULL;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((t = sqlite3_column_text(stmt, 0)) != NULL)
			last = xstrdup((const char *)t);
		rc = SQLITE_DONE;
	}
	state_peek_done(pk, stmt, rc);
	return last;
}

struct state_position *
state_peek_position(struct state_peek *pk, const char *slug)
{
	sqlite3_stmt		*stmt;
	struct state_position	*p = NULL;
	int			 rc;

	if (slug == NULL || (stmt = state_peek_prepare(pk, "SELECT "
	    STATE_POSITION_COLUMNS " FROM reading_position WHERE slug = ?")) ==
	    NULL)
		return NULL;
	sqlite3_bind_text(stmt, 1, slug, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		p = xmalloc(sizeof *p);
		state_load_position_row(stmt, p);
		rc = SQLITE_DONE;
	}
	state_peek_done(pk, stmt, rc);
	return p;
}

/* The hash of a pair of strings (a work and anchor, a slug and label). */
static uint64_t
state_peek_pair_hash(const char *a, const char *b)
{
	return hash_bytes(a, strlen(a)) * 31 + hash_bytes(b, strlen(b));
}

/* Is (a, b) one of the targets' pairs (second: slug and label)? */
static bool
state_peek_pair_in(const struct hashtab *t, const struct state_anchor *tg,
    const char *a, const char *b, bool second)
{
	struct hashtab_iter	it;
	uint32_t		v;
	const char		*x, *y;

	if (a == NULL || b == NULL)
		return false;
	for (v = hashtab_first(t, state_peek_pair_hash(a, b), &it);
	    v != HASHTAB_NONE; v = hashtab_next(t, &it)) {
		x = second ? tg[v].slug : tg[v].work;
		y = second ? tg[v].label : tg[v].anchor;
		if (x != NULL && y != NULL && strcmp(x, a) == 0 &&
		    strcmp(y, b) == 0)
			return true;
	}
	return false;
}

static int
state_peek_mark_cmp(const void *a, const void *b)
{
	return strcmp(((const struct state_mark *)a)->name,
	    ((const struct state_mark *)b)->name);
}

size_t
state_peek_marks(struct state_peek *pk, const struct state_anchor *targets,
    size_t ntargets, struct state_mark **marks)
{
	struct hashtab	 by_work, by_doc;
	sqlite3_stmt	*stmt;
	size_t		 i, n = 0, cap = 0;
	int		 rc;

	*marks = NULL;
	/* Live as the loaded state says it: deleted NULL (or 0). */
	if ((stmt = state_peek_prepare(pk, "SELECT " STATE_MARK_COLUMNS
	    " FROM mark WHERE deleted IS NULL OR deleted = 0"))
	    == NULL)
		return 0;
	hashtab_init(&by_work, ntargets);
	hashtab_init(&by_doc, ntargets);
	for (i = 0; i < ntargets; i++) {
		if (targets[i].work != NULL && targets[i].anchor != NULL)
			hashtab_add(&by_work, state_peek_pair_hash(
			    targets[i].work, targets[i].anchor), (uint32_t)i);
		hashtab_add(&by_doc, state_peek_pair_hash(targets[i].slug,
		    targets[i].label), (uint32_t)i);
	}
	/*
	 * Every mark is looked at where it is (columns 2-5), and only those
	 * on a target are made: making a thousand marks' strings is most
	 * of reading them.
	 */
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!state_peek_pair_in(&by_work, targets,
		    (const char *)sqlite3_column_text(stmt, 2),
		    (const char *)sqlite3_column_text(stmt, 3), false) &&
		    !state_peek_pair_in(&by_doc, targets,
		    (const char *)sqlite3_column_text(stmt, 4),
		    (const char *)sqlite3_column_text(stmt, 5), true))
			continue;
		*marks = xgrowarray(*marks, &cap, n + 1, sizeof **marks);
		state_load_mark_row(stmt, &(*marks)[n++]);
	}
	hashtab_free(&by_work);
	hashtab_free(&by_doc);
	state_peek_done(pk, stmt, rc);
	/*
	 * In the list's order, by name (live names are unique).  Sorted
	 * here, the few on the targets: SQL's ORDER BY would sort them all.
	 */
	if (n > 1)
		qsort(*marks, n, sizeof **marks, state_peek_mark_cmp);
	return n;
}

/* A note read with its rowid, to put the notes in the file's order. */
struct state_peek_note {
	sqlite3_int64		rowid;
	bool			whole;	/* with its text and quote */
	struct state_note	note;
};

/* By rowid, and of the same note the whole one first. */
static int
state_peek_note_cmp(const void *a, const void *b)
{
	const struct state_peek_note	*x = a, *y = b;

	if (x->rowid != y->rowid)
		return x->rowid < y->rowid ? -1 : 1;
	return (int)y->whole - (int)x->whole;
}

/* The notes on one target, and the rows read so far. */
struct state_peek_query {
	sqlite3_stmt		*all;		/* whole, by both */
	sqlite3_stmt		*by_work;	/* on its work and anchor */
	sqlite3_stmt		*by_doc;	/* on its slug and label */
	bool			 whole;
	struct state_peek_note	*rows;
	size_t			 n;
	size_t			 cap;
};

/* Add the rows of stmt (rowid, then the note's columns) to q; how many. */
static size_t
state_peek_rows(struct state_peek *pk, struct state_peek_query *q,
    sqlite3_stmt *stmt)
{
	struct state_peek_note	*row;
	size_t			 before = q->n;
	int			 rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		q->rows = xgrowarray(q->rows, &q->cap, q->n + 1,
		    sizeof *q->rows);
		row = &q->rows[q->n++];
		row->rowid = sqlite3_column_int64(stmt, 0);
		row->whole = q->whole;
		state_load_note_row(stmt, 1, &row->note);
	}
	if (rc != SQLITE_DONE)
		pk->failed = true;
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return q->n - before;
}

/*
 * The note's columns, whole or without its text and quote (an empty body
 * and no quote: where it is set, not what it says).
 */
#define STATE_PEEK_WHOLE	"SELECT rowid, " STATE_NOTE_COLUMNS
#define STATE_PEEK_PLACE	"SELECT rowid, id, work, anchor, slug, " \
	"label, NULL, NULL, NULL, '', created, modified, status, deleted"
/* Live as the loaded state says it: deleted NULL (or 0). */
#define STATE_PEEK_LIVE		" AND (deleted IS NULL OR deleted = 0)"
/*
 * A target's notes whole: on its work and anchor or on its slug and
 * label, both indexes looked up in one query, each note read once.
 */
#define STATE_PEEK_ALL		" FROM note WHERE (work = ?1 AND anchor = ?2 " \
	"OR slug = ?3 AND label = ?4)" STATE_PEEK_LIVE
/*
 * Where a target has notes, one says so: a note on its work and anchor,
 * else one on its slug and label with no work (one with a work is where
 * its work and anchor are).  Each row read is a page of the file read:
 * these are most of the look.
 */
#define STATE_PEEK_ONE_BY_WORK	" FROM note WHERE work = ? AND anchor = ?" \
	STATE_PEEK_LIVE " LIMIT 1"
#define STATE_PEEK_ONE_BY_DOC	" FROM note WHERE slug = ? AND label = ? " \
	"AND work IS NULL" STATE_PEEK_LIVE " LIMIT 1"

/* Read the notes of target t into q; returns how many were read. */
static size_t
state_peek_target(struct state_peek *pk, struct state_peek_query *q,
    const struct state_anchor *t)
{
	size_t	n = 0;

	if (q->whole) {
		sqlite3_bind_text(q->all, 1, t->work, -1, SQLITE_STATIC);
		sqlite3_bind_text(q->all, 2, t->anchor, -1, SQLITE_STATIC);
		sqlite3_bind_text(q->all, 3, t->slug, -1, SQLITE_STATIC);
		sqlite3_bind_text(q->all, 4, t->label, -1, SQLITE_STATIC);
		return state_peek_rows(pk, q, q->all);
	}
	if (t->work != NULL && t->anchor != NULL) {
		sqlite3_bind_text(q->by_work, 1, t->work, -1, SQLITE_STATIC);
		sqlite3_bind_text(q->by_work, 2, t->anchor, -1, SQLITE_STATIC);
		n = state_peek_rows(pk, q, q->by_work);
	}
	/*
	 * The slug and label's index holds no work: each of its notes
	 * would be read to find one without.  One is found already.
	 */
	if (n > 0)
		return n;
	sqlite3_bind_text(q->by_doc, 1, t->slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(q->by_doc, 2, t->label, -1, SQLITE_STATIC);
	return state_peek_rows(pk, q, q->by_doc);
}

size_t
state_peek_notes(struct state_peek *pk, const struct state_anchor *targets,
    size_t ntargets, size_t *nwhole, state_peek_enough_fn *enough,
    void *arg, struct state_note **notes)
{
	struct state_peek_query	 q;
	size_t			 i, kept = 0, n, whole = *nwhole;

	*notes = NULL;
	memset(&q, 0, sizeof q);
	q.all = state_peek_prepare(pk, STATE_PEEK_WHOLE STATE_PEEK_ALL);
	q.by_work = state_peek_prepare(pk,
	    STATE_PEEK_PLACE STATE_PEEK_ONE_BY_WORK);
	q.by_doc = state_peek_prepare(pk,
	    STATE_PEEK_PLACE STATE_PEEK_ONE_BY_DOC);
	for (i = 0; i < ntargets && !pk->failed; i++) {
		q.whole = i < whole;
		n = state_peek_target(pk, &q, &targets[i]);
		if (q.whole && i + 1 < whole && enough != NULL &&
		    enough(arg, i, n))
			whole = i + 1;	/* the next ones without their text */
	}
	*nwhole = whole < ntargets ? whole : ntargets;
	sqlite3_finalize(q.all);
	sqlite3_finalize(q.by_work);
	sqlite3_finalize(q.by_doc);
	/* In the file's order, each once (found twice: whole if ever). */
	if (q.n > 1)
		qsort(q.rows, q.n, sizeof *q.rows, state_peek_note_cmp);
	if (q.n > 0)
		*notes = xreallocarray(NULL, q.n, sizeof **notes);
	for (i = 0; i < q.n; i++) {
		if (i > 0 && q.rows[i].rowid == q.rows[i - 1].rowid) {
			state_note_clear(&q.rows[i].note);
			continue;
		}
		(*notes)[kept++] = q.rows[i].note;
	}
	free(q.rows);
	return kept;
}
