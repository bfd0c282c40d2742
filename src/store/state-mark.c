/*
 * state-mark.c -- marks (see state.h): set, renamed, deleted and brought
 * back.  A deleted or replaced mark stays in the file, marked deleted.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/state-private.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static int
state_mark_check_name(const char *name, char **err)
{
	return state_check_string(_("the mark's name"), name,
	    STATE_MARK_NAME_MAX, true, err);
}

int
state_mark_set(struct state *st, const char *name,
    const struct state_anchor *at, char **err)
{
	struct state_op	*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (state_mark_check_name(name, err) == -1 ||
	    state_check_anchor(at, err) == -1)
		return -1;
	op = state_op_new(STATE_OP_MARK_SET);
	state_new_id(op->mark.id);
	op->mark.name = xstrdup(name);
	state_anchor_copy(&op->mark.at, at);
	op->mark.created = op->at;
	return state_submit(st, op, err);
}

int
state_mark_rename(struct state *st, const char *name, const char *newname,
    char **err)
{
	struct state_mark	*k;
	struct state_op		*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (state_mark_check_name(newname, err) == -1)
		return -1;
	if (name == NULL || (k = state_model_mark_live(&st->model,
	    name)) == NULL) {
		*err = xasprintf(_("no mark '%s'"), name != NULL ? name : "");
		return -1;
	}
	if (strcmp(name, newname) == 0)
		return 0;
	if (state_model_mark_live(&st->model, newname) != NULL) {
		*err = xasprintf(_("there is already a mark '%s'"), newname);
		return -1;
	}
	op = state_op_new(STATE_OP_MARK_RENAME);
	memcpy(op->mark.id, k->id, sizeof op->mark.id);
	op->mark.name = xstrdup(newname);
	return state_submit(st, op, err);
}

int
state_mark_delete(struct state *st, const char *name,
    char id[STATE_ID_SIZE], char **err)
{
	struct state_mark	*k;
	struct state_op		*op;

	*err = NULL;
	id[0] = '\0';
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (name == NULL || (k = state_model_mark_live(&st->model,
	    name)) == NULL) {
		*err = xasprintf(_("no mark '%s'"), name != NULL ? name : "");
		return -1;
	}
	op = state_op_new(STATE_OP_MARK_DELETE);
	memcpy(op->mark.id, k->id, sizeof op->mark.id);
	memcpy(id, k->id, STATE_ID_SIZE);
	return state_submit(st, op, err);
}

int
state_mark_undelete(struct state *st, const char *id, char **err)
{
	struct state_mark	*k;
	struct state_op		*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (id == NULL || (k = state_model_mark_id(&st->model, id)) == NULL) {
		*err = xasprintf(_("no mark with the id %s"),
		    id != NULL ? id : "");
		return -1;
	}
	if (k->deleted == 0)
		return 0;
	if (state_model_mark_live(&st->model, k->name) != NULL) {
		*err = xasprintf(_("there is already a mark '%s'"), k->name);
		return -1;
	}
	op = state_op_new(STATE_OP_MARK_UNDELETE);
	memcpy(op->mark.id, k->id, sizeof op->mark.id);
	return state_submit(st, op, err);
}

struct state_mark *
state_mark_get(struct state *st, const char *name)
{
	struct state_mark	*k, *copy;

	if (st == NULL || name == NULL)
		return NULL;
	state_adopt(st);
	if ((k = state_model_mark_live(&st->model, name)) == NULL)
		return NULL;
	copy = xmalloc(sizeof *copy);
	state_mark_copy(copy, k);
	return copy;
}

/* Live marks by name, then deleted ones, the latest deleted first. */
static int
state_mark_order(const void *a, const void *b)
{
	const struct state_mark	*x = *(const struct state_mark *const *)a;
	const struct state_mark	*y = *(const struct state_mark *const *)b;

	if ((x->deleted == 0) != (y->deleted == 0))
		return x->deleted == 0 ? -1 : 1;
	if (x->deleted != y->deleted)
		return x->deleted > y->deleted ? -1 : 1;
	return strcmp(x->name, y->name);
}

size_t
state_mark_list(struct state *st, int which, struct state_mark **marks)
{
	struct state_mark	**sel;
	size_t			  i, n = 0;
	bool			  live;

	*marks = NULL;
	if (st == NULL)
		return 0;
	state_adopt(st);
	if (st->model.nmarks == 0)
		return 0;
	sel = xreallocarray(NULL, st->model.nmarks, sizeof *sel);
	for (i = 0; i < st->model.nmarks; i++) {
		live = st->model.marks[i].deleted == 0;
		if ((live && (which & STATE_LIST_LIVE)) ||
		    (!live && (which & STATE_LIST_DELETED)))
			sel[n++] = &st->model.marks[i];
	}
	qsort(sel, n, sizeof *sel, state_mark_order);
	if (n > 0)
		*marks = xreallocarray(NULL, n, sizeof **marks);
	for (i = 0; i < n; i++)
		state_mark_copy(&(*marks)[i], sel[i]);
	free(sel);
	return n;
}

void
state_marks_free(struct state_mark *marks, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		state_mark_clear(&marks[i]);
	free(marks);
}
