/*
 * state-load.c -- read everything the state file holds into a model, on
 * the writer thread, in one read transaction (a consistent picture even
 * while other charta write).  A newer charta's file is read as far as
 * this charta knows its tables: a table that is not there is skipped.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/state-private.h"
#include "util/xmalloc.h"

/* Column i as a new string (its bytes as stored), or NULL for NULL. */
static char *
state_load_text(sqlite3_stmt *stmt, int i)
{
	const unsigned char	*t = sqlite3_column_text(stmt, i);
	int			 len = sqlite3_column_bytes(stmt, i);
	char			*s;

	if (t == NULL)
		return NULL;
	s = xmalloc((size_t)len + 1);
	memcpy(s, t, (size_t)len);
	s[len] = '\0';
	return s;
}

/* Column i as a string never NULL (a NOT NULL column a file broke). */
static char *
state_load_text_nn(sqlite3_stmt *stmt, int i)
{
	char	*s = state_load_text(stmt, i);

	return s != NULL ? s : xstrdup("");
}

/* Column i into a fixed-size id. */
static void
state_load_id(sqlite3_stmt *stmt, int i, char id[STATE_ID_SIZE])
{
	const unsigned char	*t = sqlite3_column_text(stmt, i);

	snprintf(id, STATE_ID_SIZE, "%s", t != NULL ? (const char *)t : "");
}

/* Columns i..i+3: work, anchor, slug, label. */
static void
state_load_anchor(sqlite3_stmt *stmt, int i, struct state_anchor *a)
{
	a->work = state_load_text(stmt, i);
	a->anchor = state_load_text(stmt, i + 1);
	if (a->work == NULL || a->anchor == NULL) {
		free(a->work);
		free(a->anchor);
		a->work = a->anchor = NULL;
	}
	a->slug = state_load_text_nn(stmt, i + 2);
	a->label = state_load_text_nn(stmt, i + 3);
}

/* Columns i..i+2: exact, prefix, suffix. */
static void
state_load_quote(sqlite3_stmt *stmt, int i, struct state_quote *q)
{
	q->exact = state_load_text(stmt, i);
	q->prefix = state_load_text(stmt, i + 1);
	q->suffix = state_load_text(stmt, i + 2);
}

void
state_load_position_row(sqlite3_stmt *stmt, struct state_position *p)
{
	memset(p, 0, sizeof *p);
	p->slug = state_load_text_nn(stmt, 0);
	p->top_label = state_load_text_nn(stmt, 1);
	p->top_anchor = state_load_text(stmt, 2);
	p->top_offset = (uint64_t)sqlite3_column_int64(stmt, 3);
	p->sel_label = state_load_text(stmt, 4);
	p->nopen = state_labels_decode(sqlite3_column_blob(stmt, 5),
	    (size_t)sqlite3_column_bytes(stmt, 5), &p->open);
	p->focus = sqlite3_column_int(stmt, 6);
	p->updated = sqlite3_column_int64(stmt, 7);
}

void
state_load_mark_row(sqlite3_stmt *stmt, struct state_mark *k)
{
	memset(k, 0, sizeof *k);
	state_load_id(stmt, 0, k->id);
	k->name = state_load_text_nn(stmt, 1);
	state_load_anchor(stmt, 2, &k->at);
	k->created = sqlite3_column_int64(stmt, 6);
	k->deleted = sqlite3_column_int64(stmt, 7);
}

void
state_load_note_row(sqlite3_stmt *stmt, int i, struct state_note *n)
{
	memset(n, 0, sizeof *n);
	state_load_id(stmt, i, n->id);
	state_load_anchor(stmt, i + 1, &n->at);
	state_load_quote(stmt, i + 5, &n->quote);
	n->body = state_load_text_nn(stmt, i + 8);
	n->created = sqlite3_column_int64(stmt, i + 9);
	n->modified = sqlite3_column_int64(stmt, i + 10);
	n->status = sqlite3_column_int(stmt, i + 11) == STATE_NOTE_ORPHANED ?
	    STATE_NOTE_ORPHANED : STATE_NOTE_ATTACHED;
	n->deleted = sqlite3_column_int64(stmt, i + 12);
}

/*
 * Prepare sql: SQLITE_OK, or SQLITE_DONE when its table is not there in
 * a newer charta's file (nothing to read), or the error.
 */
static int
state_load_prepare(struct state *st, const char *sql, sqlite3_stmt **stmt)
{
	int	rc = sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);

	if (rc == SQLITE_ERROR && st->readonly_db) {
		*stmt = NULL;
		return SQLITE_DONE;
	}
	return rc;
}

static int
state_load_history(struct state *st, struct state_model *m)
{
	sqlite3_stmt		*stmt;
	struct state_hist	*h;
	const unsigned char	*kind;
	int			 rc;

	if ((rc = state_load_prepare(st, "SELECT kind, text FROM history "
	    "ORDER BY kind, id DESC", &stmt)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		kind = sqlite3_column_text(stmt, 0);
		if (kind == NULL || sqlite3_column_type(stmt, 1) == SQLITE_NULL)
			continue;
		h = state_model_hist(m, (const char *)kind);
		if (h == NULL) {
			m->hist = state_grow(m->hist, m->nhist, sizeof *m->hist);
			h = &m->hist[m->nhist++];
			h->kind = xstrdup((const char *)kind);
			h->items = NULL;
			h->n = 0;
		}
		if (h->n == STATE_HISTORY_MAX)
			continue;
		h->items = state_grow(h->items, h->n, sizeof *h->items);
		h->items[h->n++] = state_load_text_nn(stmt, 1);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
state_load_positions(struct state *st, struct state_model *m)
{
	sqlite3_stmt		*stmt;
	struct state_position	*p;
	int			 rc;

	if ((rc = state_load_prepare(st, "SELECT " STATE_POSITION_COLUMNS
	    " FROM reading_position ORDER BY slug", &stmt)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		m->pos = state_grow(m->pos, m->npos, sizeof *m->pos);
		p = &m->pos[m->npos++];
		state_load_position_row(stmt, p);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return rc;
	if ((rc = state_load_prepare(st, "SELECT value FROM setting WHERE "
	    "name = 'last_doc'", &stmt)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		m->last_doc = state_load_text(stmt, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
state_load_marks(struct state *st, struct state_model *m)
{
	sqlite3_stmt		*stmt;
	struct state_mark	*k;
	int			 rc;

	if ((rc = state_load_prepare(st, "SELECT " STATE_MARK_COLUMNS
	    " FROM mark ORDER BY rowid", &stmt)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		m->marks = state_grow(m->marks, m->nmarks, sizeof *m->marks);
		k = &m->marks[m->nmarks++];
		state_load_mark_row(stmt, k);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
state_load_notes(struct state *st, struct state_model *m)
{
	sqlite3_stmt		*stmt;
	struct state_note	*n;
	int			 rc;

	if ((rc = state_load_prepare(st, "SELECT " STATE_NOTE_COLUMNS
	    " FROM note ORDER BY rowid", &stmt)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		m->notes = state_grow(m->notes, m->nnotes, sizeof *m->notes);
		n = &m->notes[m->nnotes++];
		state_load_note_row(stmt, 0, n);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
state_load_drafts(struct state *st, struct state_model *m)
{
	sqlite3_stmt		*stmt;
	struct state_draft	*d;
	int			 rc;

	if ((rc = state_load_prepare(st, "SELECT note_id, work, anchor, slug, "
	    "label, exact, prefix, suffix, body, saved FROM note_draft "
	    "ORDER BY rowid", &stmt)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		m->drafts = state_grow(m->drafts, m->ndrafts, sizeof *m->drafts);
		d = &m->drafts[m->ndrafts++];
		memset(d, 0, sizeof *d);
		state_load_id(stmt, 0, d->note_id);
		state_load_anchor(stmt, 1, &d->at);
		state_load_quote(stmt, 5, &d->quote);
		d->body = state_load_text_nn(stmt, 8);
		d->saved = sqlite3_column_int64(stmt, 9);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * Load the whole file into a new model (*out, to be freed with
 * state_model_free and free).  Returns SQLITE_OK, or the error (*out
 * NULL): SQLITE_BUSY when a rollback journal's file is locked, which the
 * writer thread retries.
 */
int
state_db_load(struct state *st, struct state_model **out)
{
	struct state_model	*m = xcalloc(1, sizeof *m);
	int			 rc;

	*out = NULL;
	rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = state_load_history(st, m);
	if (rc == SQLITE_OK)
		rc = state_load_positions(st, m);
	if (rc == SQLITE_OK)
		rc = state_load_marks(st, m);
	if (rc == SQLITE_OK)
		rc = state_load_notes(st, m);
	if (rc == SQLITE_OK)
		rc = state_load_drafts(st, m);
	if (sqlite3_get_autocommit(st->db) == 0)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		state_model_free(m);
		free(m);
		return rc;
	}
	*out = m;
	return SQLITE_OK;
}
