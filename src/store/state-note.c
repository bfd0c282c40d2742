/*
 * state-note.c -- notes and note drafts (see state.h).  charta never
 * removes a note: a deleted one stays in the file, marked deleted, and
 * one whose anchor the reader no longer finds is marked orphaned.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/state-private.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A body may be empty, not missing. */
static int
state_note_check_body(const char *body, char **err)
{
	if (body == NULL) {
		*err = xasprintf(_("%s is missing"), _("the note"));
		return -1;
	}
	return state_check_string(_("the note"), body, STATE_NOTE_MAX, false,
	    err);
}

/* The live or deleted note id, or NULL with a message. */
static struct state_note *
state_note_find(struct state *st, const char *id, char **err)
{
	struct state_note	*n;

	if (id == NULL || (n = state_model_note_id(&st->model, id)) == NULL) {
		*err = xasprintf(_("no note with the id %s"),
		    id != NULL ? id : "");
		return NULL;
	}
	return n;
}

int
state_note_add(struct state *st, const struct state_anchor *at,
    const struct state_quote *quote, const char *body,
    char id[STATE_ID_SIZE], char **err)
{
	struct state_op	*op;

	*err = NULL;
	id[0] = '\0';
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (state_check_anchor(at, err) == -1 ||
	    state_check_quote(quote, err) == -1 ||
	    state_note_check_body(body, err) == -1)
		return -1;
	op = state_op_new(STATE_OP_NOTE_PUT);
	op->fresh = true;
	state_new_id(op->note.id);
	state_anchor_copy(&op->note.at, at);
	if (quote != NULL)
		state_quote_copy(&op->note.quote, quote);
	op->note.body = xstrdup(body);
	op->note.created = op->note.modified = op->at;
	op->note.status = STATE_NOTE_ATTACHED;
	memcpy(id, op->note.id, STATE_ID_SIZE);
	return state_submit(st, op, err);
}

bool
state_id_valid(const char *id)
{
	size_t	i;

	if (id == NULL || strlen(id) != STATE_ID_SIZE - 1)
		return false;
	for (i = 0; i < STATE_ID_SIZE - 1; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (id[i] != '-')
				return false;
		} else if (strchr("0123456789abcdef", id[i]) == NULL)
			return false;
	}
	return true;
}

int
state_note_import(struct state *st, const struct state_note *n,
    char id[STATE_ID_SIZE], char **err)
{
	struct state_op	*op;

	*err = NULL;
	id[0] = '\0';
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (n == NULL) {
		*err = xasprintf(_("%s is missing"), _("the note"));
		return -1;
	}
	if (n->id[0] != '\0' && !state_id_valid(n->id)) {
		*err = xasprintf(_("'%s' is not a note id"), n->id);
		return -1;
	}
	if (n->id[0] != '\0' &&
	    state_model_note_id(&st->model, n->id) != NULL) {
		*err = xasprintf(_("a note with the id %s is already here"),
		    n->id);
		return -1;
	}
	if (n->deleted != 0 || n->created < 0 || n->modified < 0 ||
	    (n->status != STATE_NOTE_ATTACHED &&
	    n->status != STATE_NOTE_ORPHANED)) {
		*err = xstrdup(_("a deleted note or a negative time cannot be "
		    "added"));
		return -1;
	}
	if (state_check_anchor(&n->at, err) == -1 ||
	    state_check_quote(&n->quote, err) == -1 ||
	    state_note_check_body(n->body, err) == -1)
		return -1;
	op = state_op_new(STATE_OP_NOTE_PUT);
	state_note_copy(&op->note, n);
	if (n->id[0] == '\0') {
		op->fresh = true;
		state_new_id(op->note.id);
	}
	/* Else not fresh: were the file loaded later, its twin is updated. */
	memcpy(id, op->note.id, STATE_ID_SIZE);
	return state_submit(st, op, err);
}

int
state_note_update(struct state *st, const char *id, const char *body,
    const struct state_quote *quote, char **err)
{
	struct state_note	*n;
	struct state_op		*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if ((n = state_note_find(st, id, err)) == NULL ||
	    state_check_quote(quote, err) == -1 ||
	    state_note_check_body(body, err) == -1)
		return -1;
	/* The whole note: were it gone from the file, it comes back. */
	op = state_op_new(STATE_OP_NOTE_PUT);
	state_note_copy(&op->note, n);
	free(op->note.body);
	op->note.body = xstrdup(body);
	if (quote != NULL) {
		state_quote_clear(&op->note.quote);
		state_quote_copy(&op->note.quote, quote);
	}
	op->note.modified = op->at;
	return state_submit(st, op, err);
}

int
state_note_move(struct state *st, const char *id,
    const struct state_anchor *at, char **err)
{
	struct state_note	*n;
	struct state_op		*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if ((n = state_note_find(st, id, err)) == NULL ||
	    state_check_anchor(at, err) == -1)
		return -1;
	op = state_op_new(STATE_OP_NOTE_PUT);
	state_note_copy(&op->note, n);
	state_anchor_clear(&op->note.at);
	state_anchor_copy(&op->note.at, at);
	op->note.status = STATE_NOTE_ATTACHED;
	return state_submit(st, op, err);
}

/* A change of note id of kind (delete, undelete, status). */
static int
state_note_change(struct state *st, const char *id, enum state_op_kind kind,
    enum state_note_status status, char **err)
{
	struct state_note	*n;
	struct state_op		*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if ((n = state_note_find(st, id, err)) == NULL)
		return -1;
	if ((kind == STATE_OP_NOTE_DELETE && n->deleted != 0) ||
	    (kind == STATE_OP_NOTE_UNDELETE && n->deleted == 0) ||
	    (kind == STATE_OP_NOTE_STATUS && n->status == status))
		return 0;
	op = state_op_new(kind);
	memcpy(op->note.id, n->id, sizeof op->note.id);
	op->note.status = status;
	return state_submit(st, op, err);
}

int
state_note_delete(struct state *st, const char *id, char **err)
{
	return state_note_change(st, id, STATE_OP_NOTE_DELETE,
	    STATE_NOTE_ATTACHED, err);
}

int
state_note_undelete(struct state *st, const char *id, char **err)
{
	return state_note_change(st, id, STATE_OP_NOTE_UNDELETE,
	    STATE_NOTE_ATTACHED, err);
}

int
state_note_set_status(struct state *st, const char *id,
    enum state_note_status status, char **err)
{
	if (status != STATE_NOTE_ATTACHED && status != STATE_NOTE_ORPHANED) {
		*err = xstrdup(_("no such note status"));
		return -1;
	}
	return state_note_change(st, id, STATE_OP_NOTE_STATUS, status, err);
}

size_t
state_note_list(struct state *st, const struct state_anchor *target,
    int which, struct state_note **notes)
{
	const struct state_note	*n;
	size_t			 i, count = 0, cap = 0;
	bool			 live;

	*notes = NULL;
	if (st == NULL)
		return 0;
	state_adopt(st);
	for (i = 0; i < st->model.nnotes; i++) {
		n = &st->model.notes[i];
		live = n->deleted == 0;
		if ((live && !(which & STATE_LIST_LIVE)) ||
		    (!live && !(which & STATE_LIST_DELETED)))
			continue;
		if (target != NULL && !state_anchor_same_target(&n->at, target))
			continue;
		/* Doubling: 10,000 notes are not 10,000 reallocations. */
		*notes = xgrowarray(*notes, &cap, count + 1, sizeof **notes);
		state_note_copy(&(*notes)[count++], n);
	}
	return count;
}

struct state_note *
state_note_get(struct state *st, const char *id)
{
	const struct state_note	*n;
	struct state_note	*copy;

	if (st == NULL || id == NULL)
		return NULL;
	state_adopt(st);
	if ((n = state_model_note_id(&st->model, id)) == NULL ||
	    n->deleted != 0)
		return NULL;
	copy = xcalloc(1, sizeof *copy);
	state_note_copy(copy, n);
	return copy;
}

size_t
state_note_view(struct state *st, const struct state_note **notes)
{
	*notes = NULL;
	if (st == NULL)
		return 0;
	state_adopt(st);
	*notes = st->model.notes;
	return st->model.nnotes;
}

void
state_notes_free(struct state_note *notes, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		state_note_clear(&notes[i]);
	free(notes);
}

/* -------------------------------------------------------------- drafts */

int
state_draft_save(struct state *st, const struct state_draft *d, char **err)
{
	struct state_op	*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (d == NULL) {
		*err = xasprintf(_("%s is missing"), _("the note"));
		return -1;
	}
	if (state_check_anchor(&d->at, err) == -1 ||
	    state_check_quote(&d->quote, err) == -1 ||
	    state_note_check_body(d->body, err) == -1)
		return -1;
	if (memchr(d->note_id, '\0', sizeof d->note_id) == NULL) {
		*err = xasprintf(_("no note with the id %s"), "?");
		return -1;
	}
	op = state_op_new(STATE_OP_DRAFT_SAVE);
	state_draft_copy(&op->draft, d);
	op->draft.saved = op->at;
	return state_submit(st, op, err);
}

size_t
state_draft_list(struct state *st, struct state_draft **drafts)
{
	size_t	i;

	*drafts = NULL;
	if (st == NULL)
		return 0;
	state_adopt(st);
	if (st->model.ndrafts == 0)
		return 0;
	*drafts = xreallocarray(NULL, st->model.ndrafts, sizeof **drafts);
	for (i = 0; i < st->model.ndrafts; i++)
		state_draft_copy(&(*drafts)[i], &st->model.drafts[i]);
	return st->model.ndrafts;
}

int
state_draft_discard(struct state *st, const struct state_draft *d,
    char **err)
{
	struct state_op	*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (d == NULL || (d->note_id[0] == '\0' &&
	    state_check_anchor(&d->at, err) == -1)) {
		if (*err == NULL)
			*err = xasprintf(_("%s is missing"), _("the note"));
		return -1;
	}
	op = state_op_new(STATE_OP_DRAFT_DISCARD);
	memcpy(op->draft.note_id, d->note_id, sizeof op->draft.note_id);
	if (d->note_id[0] == '\0')
		state_anchor_copy(&op->draft.at, &d->at);
	return state_submit(st, op, err);
}

void
state_drafts_free(struct state_draft *drafts, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		state_draft_clear(&drafts[i]);
	free(drafts);
}
