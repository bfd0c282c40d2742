/*
 * state-save.c -- write a batch of changes in one BEGIN IMMEDIATE
 * transaction, on the writer thread.
 *
 * Every change writes only what it changed (a note's status, its deleted
 * time, its body and quote), so that two charta working on the same file
 * do not undo each other's changes to other fields; and gives the same
 * result written twice, so a batch whose commit is in doubt can be
 * written again.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/state-private.h"
#include "util/xmalloc.h"

/* How a statement's parameters are given: one letter each. */
struct state_arg {
	char		 type;	/* 't' text (NULL: SQL NULL), 'i' integer,
				   'b' blob, 'z' integer or NULL if 0 */
	const char	*text;
	int64_t		 i;
	const void	*blob;
	size_t		 len;
};

#define T(s)		{ 't', (s), 0, NULL, 0 }
#define I(v)		{ 'i', NULL, (v), NULL, 0 }
#define Z(v)		{ 'z', NULL, (v), NULL, 0 }
#define B(p, n)		{ 'b', NULL, 0, (p), (n) }

/* Run one statement with its n parameters; SQLITE_OK or the error. */
static int
state_save_run(sqlite3 *db, const char *sql, const struct state_arg *args,
    int n)
{
	sqlite3_stmt	*stmt;
	int		 rc, i;

	if ((rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL)) != SQLITE_OK)
		return rc;
	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		switch (args[i].type) {
		case 't':
			rc = args[i].text == NULL ?
			    sqlite3_bind_null(stmt, i + 1) :
			    sqlite3_bind_text(stmt, i + 1, args[i].text,
			    (int)strlen(args[i].text), SQLITE_STATIC);
			break;
		case 'i':
			rc = sqlite3_bind_int64(stmt, i + 1, args[i].i);
			break;
		case 'z':
			rc = args[i].i == 0 ? sqlite3_bind_null(stmt, i + 1) :
			    sqlite3_bind_int64(stmt, i + 1, args[i].i);
			break;
		case 'b':
			rc = args[i].blob == NULL ?
			    sqlite3_bind_null(stmt, i + 1) :
			    sqlite3_bind_blob(stmt, i + 1, args[i].blob,
			    (int)args[i].len, SQLITE_STATIC);
			break;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

#define RUN(sql, ...) do {						\
	const struct state_arg	a_[] = { __VA_ARGS__ };			\
	if ((rc = state_save_run(db, (sql), a_,				\
	    (int)(sizeof a_ / sizeof *a_))) != SQLITE_OK)		\
		return rc;						\
} while (0)

static int
state_save_history(sqlite3 *db, const struct state_op *op)
{
	int	rc;

	RUN("DELETE FROM history WHERE kind = ?1 AND text = ?2",
	    T(op->hkind), T(op->text));
	RUN("INSERT INTO history(kind, text, at) VALUES (?1, ?2, ?3)",
	    T(op->hkind), T(op->text), I(op->at));
	RUN("DELETE FROM history WHERE kind = ?1 AND id NOT IN (SELECT id "
	    "FROM history WHERE kind = ?1 ORDER BY id DESC LIMIT ?2)",
	    T(op->hkind), I(STATE_HISTORY_MAX));
	return rc;
}

static int
state_save_position(sqlite3 *db, const struct state_op *op)
{
	const struct state_position	*p = &op->pos;
	void				*blob;
	size_t				 len;
	int				 rc;

	blob = state_labels_encode(p->open, p->nopen, &len);
	rc = state_save_run(db, "INSERT OR REPLACE INTO reading_position(slug, "
	    "top_label, top_anchor, top_offset, sel_label, open_labels, focus, "
	    "updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	    (struct state_arg[]){ T(p->slug), T(p->top_label),
	    T(p->top_anchor), I((int64_t)p->top_offset), T(p->sel_label),
	    B(blob, len), I(p->focus), I(op->at) }, 8);
	free(blob);
	return rc;
}

static int
state_save_mark(sqlite3 *db, const struct state_op *op)
{
	const struct state_mark	*k = &op->mark;
	int			 rc = SQLITE_OK;

	switch (op->kind) {
	case STATE_OP_MARK_SET:
		RUN("UPDATE mark SET deleted = ?3 WHERE name = ?1 AND "
		    "deleted IS NULL AND id <> ?2", T(k->name), T(k->id),
		    I(op->at));
		RUN("INSERT INTO mark(id, name, work, anchor, slug, label, "
		    "created, deleted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL) "
		    "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
		    "work = excluded.work, anchor = excluded.anchor, "
		    "slug = excluded.slug, label = excluded.label, "
		    "deleted = NULL", T(k->id), T(k->name), T(k->at.work),
		    T(k->at.anchor), T(k->at.slug), T(k->at.label),
		    I(k->created));
		break;
	case STATE_OP_MARK_RENAME:
		RUN("UPDATE mark SET deleted = ?3 WHERE name = ?1 AND "
		    "deleted IS NULL AND id <> ?2", T(k->name), T(k->id),
		    I(op->at));
		RUN("UPDATE mark SET name = ?1 WHERE id = ?2", T(k->name),
		    T(k->id));
		break;
	case STATE_OP_MARK_DELETE:
		RUN("UPDATE mark SET deleted = ?2 WHERE id = ?1 AND "
		    "deleted IS NULL", T(k->id), I(op->at));
		break;
	case STATE_OP_MARK_UNDELETE:
		RUN("UPDATE mark SET deleted = ?2 WHERE deleted IS NULL AND "
		    "id <> ?1 AND name = (SELECT name FROM mark WHERE id = ?1)",
		    T(k->id), I(op->at));
		RUN("UPDATE mark SET deleted = NULL WHERE id = ?1", T(k->id));
		break;
	default:
		break;
	}
	return rc;
}

static int
state_save_note(sqlite3 *db, const struct state_op *op)
{
	const struct state_note	*n = &op->note;
	int			 rc = SQLITE_OK;

	switch (op->kind) {
	case STATE_OP_NOTE_PUT:
		RUN("INSERT INTO note(id, work, anchor, slug, label, exact, "
		    "prefix, suffix, body, created, modified, status, deleted) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		    "?13) ON CONFLICT(id) DO UPDATE SET work = excluded.work, "
		    "anchor = excluded.anchor, slug = excluded.slug, "
		    "label = excluded.label, exact = excluded.exact, "
		    "prefix = excluded.prefix, suffix = excluded.suffix, "
		    "body = excluded.body, modified = excluded.modified, "
		    "status = excluded.status",
		    T(n->id), T(n->at.work), T(n->at.anchor), T(n->at.slug),
		    T(n->at.label), T(n->quote.exact), T(n->quote.prefix),
		    T(n->quote.suffix), T(n->body), I(n->created),
		    I(n->modified), I(n->status), Z(n->deleted));
		break;
	case STATE_OP_NOTE_DELETE:
		RUN("UPDATE note SET deleted = ?2 WHERE id = ?1 AND "
		    "deleted IS NULL", T(n->id), I(op->at));
		break;
	case STATE_OP_NOTE_UNDELETE:
		RUN("UPDATE note SET deleted = NULL WHERE id = ?1", T(n->id));
		break;
	case STATE_OP_NOTE_STATUS:
		RUN("UPDATE note SET status = ?2 WHERE id = ?1", T(n->id),
		    I(n->status));
		break;
	default:
		break;
	}
	return rc;
}

static int
state_save_draft(sqlite3 *db, const struct state_op *op)
{
	const struct state_draft	*d = &op->draft;
	char				*key = state_draft_key(d);
	int				 rc = SQLITE_OK;

	do {
		if (op->kind == STATE_OP_DRAFT_DISCARD) {
			rc = state_save_run(db, "DELETE FROM note_draft WHERE "
			    "key = ?1", (struct state_arg[]){ T(key) }, 1);
			break;
		}
		rc = state_save_run(db, "INSERT OR REPLACE INTO note_draft(key, "
		    "note_id, work, anchor, slug, label, exact, prefix, suffix, "
		    "body, saved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
		    "?10, ?11)", (struct state_arg[]){ T(key),
		    T(d->note_id[0] != '\0' ? d->note_id : NULL),
		    T(d->at.work), T(d->at.anchor), T(d->at.slug),
		    T(d->at.label), T(d->quote.exact), T(d->quote.prefix),
		    T(d->quote.suffix), T(d->body), I(op->at) }, 11);
	} while (0);
	free(key);
	return rc;
}

static int
state_save_op(sqlite3 *db, const struct state_op *op)
{
	int	rc = SQLITE_OK;

	switch (op->kind) {
	case STATE_OP_HISTORY:
		return state_save_history(db, op);
	case STATE_OP_POSITION:
		return state_save_position(db, op);
	case STATE_OP_LAST_DOC:
		RUN("INSERT OR REPLACE INTO setting(name, value) VALUES "
		    "('last_doc', ?1)", T(op->text));
		return rc;
	case STATE_OP_MARK_SET:
	case STATE_OP_MARK_RENAME:
	case STATE_OP_MARK_DELETE:
	case STATE_OP_MARK_UNDELETE:
		return state_save_mark(db, op);
	case STATE_OP_NOTE_PUT:
	case STATE_OP_NOTE_DELETE:
	case STATE_OP_NOTE_UNDELETE:
	case STATE_OP_NOTE_STATUS:
		return state_save_note(db, op);
	case STATE_OP_DRAFT_SAVE:
	case STATE_OP_DRAFT_DISCARD:
		return state_save_draft(db, op);
	}
	return rc;
}

/*
 * Write the first n changes of the list ops in one transaction.  Returns
 * SQLITE_OK when committed; else the error, nothing written, and *why the
 * reason (malloc'ed).
 */
int
state_save_batch(struct state *st, struct state_op *ops, size_t n,
    char **why)
{
	struct state_op	*op;
	size_t		 i;
	int		 rc;

	*why = NULL;
	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	for (op = ops, i = 0; rc == SQLITE_OK && op != NULL && i < n;
	    op = op->next, i++)
		rc = state_save_op(st->db, op);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		*why = state_db_reason(st, rc);
		if (sqlite3_get_autocommit(st->db) == 0)
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}
