/*
 * notes-view.c -- `:notes`: every note, in the order of the texts or by
 * date (s), with the drafts a lost terminal left first; "/" filters them
 * with the query language (their words, doc: and kind: of their place);
 * Enter goes to a note's paragraph, e edits it in the editor, d deletes it
 * and u brings it back.  A note whose place is gone is listed as orphaned,
 * with the words it was on.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "ui/listview.h"
#include "ui/notes.h"
#include "ui/notes-view.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static void
notes_list_choose(struct app *a, void *arg, size_t k)
{
	struct notes_list	*nl = arg;
	char			*ref, *line;

	if (nl->rows[k].node == CORPUS_NONE) {
		app_message(a, true, "%s", _("this note's passage is gone; e "
		    "edits it, d deletes it"));
		return;
	}
	ref = corpus_node_short_ref(app_corpus(a), nl->rows[k].node);
	line = xasprintf("goto %s", ref);
	app_run_command(a, line);
	free(line);
	free(ref);
}

/*
 * e (or Enter on a draft): the editor; a draft becomes its note.  Saving
 * lists the notes again (the study changed), so what the draft is known
 * by is copied first.
 */
static void
notes_list_edit(struct view *v, struct notes_list *nl, size_t k)
{
	const struct notes_row	*row = &nl->rows[k];
	const struct state_draft *d;
	struct state_draft	 key;
	struct state_note	*note;
	char			*err = NULL, *body;

	if (!row->draft) {
		/* The one note, copied: the editor changes the state. */
		if ((note = state_note_get(app_state(v->app),
		    nl->id[row->k])) == NULL) {
			app_message(v->app, true, _("no note with the id %s"),
			    nl->id[row->k]);
			return;
		}
		(void)note_edit(v->app, row->node, note->id, note->body);
		state_notes_free(note, 1);
		return;
	}
	d = &nl->drafts[row->k];
	if (row->node == CORPUS_NONE && *d->note_id == '\0') {
		app_message(v->app, true, "%s", _("this draft's passage is "
		    "gone"));
		return;
	}
	memset(&key, 0, sizeof key);
	memcpy(key.note_id, d->note_id, sizeof key.note_id);
	study_anchor_dup(&key.at, &d->at);
	body = xstrdup(d->body);
	if (note_edit(v->app, row->node, key.note_id, body) == 0) {
		(void)state_draft_discard(app_state(v->app), &key, &err);
		free(err);
		app_note_study_changed(v->app);
	}
	study_anchor_free(&key.at);
	free(body);
}

static bool
notes_list_request(struct view *v, enum request req)
{
	struct listview		*lv = v->data;
	struct notes_list	*nl = lv->arg;
	const struct notes_row	*row;
	char			*err = NULL;

	row = lv->n > 0 ? &nl->rows[lv->sel] : NULL;
	switch (req) {
	case REQ_OPEN:
		if (row != NULL && row->draft)
			notes_list_edit(v, nl, lv->sel);
		else if (row != NULL)
			notes_list_choose(v->app, nl, lv->sel);
		return true;
	case REQ_EDIT:
		if (row != NULL)
			notes_list_edit(v, nl, lv->sel);
		break;
	case REQ_DELETE:
		if (row == NULL)
			return true;
		if (row->draft) {
			(void)state_draft_discard(app_state(v->app),
			    &nl->drafts[row->k], &err);
		} else if (state_note_delete(app_state(v->app),
		    nl->id[row->k], &err) == 0) {
			memcpy(nl->deleted, nl->id[row->k], STATE_ID_SIZE);
			app_message(v->app, false, "%s", _("note deleted; u "
			    "brings it back"));
		}
		if (err != NULL) {
			app_message(v->app, true, "%s", err);
			free(err);
		}
		break;
	case REQ_UNDO:
		if (*nl->deleted == '\0' || state_note_undelete(
		    app_state(v->app), nl->deleted, &err) == -1) {
			app_message(v->app, true, "%s", err != NULL ? err :
			    _("nothing to undo"));
			free(err);
			return true;
		}
		*nl->deleted = '\0';
		break;
	case REQ_SORT:
		nl->by_date_on = !nl->by_date_on;
		app_message(v->app, false, "%s", nl->by_date_on ?
		    _("notes by date, the newest first") :
		    _("notes in the order of the texts"));
		notes_list_show(lv, nl);	/* the notes did not change */
		return true;
	default:
		return listview_request(v, req);
	}
	notes_list_fill(lv, nl);
	app_note_study_changed(v->app);
	return true;
}

/* "/" in the list: the notes the query matches. */
static void
notes_list_filter(struct view *v, enum view_filter ev)
{
	struct listview	*lv = v->data;

	(void)ev;
	notes_list_show(lv, lv->arg);
}

/*
 * Between keys, the bodies are folded for the filter, a slice at a time,
 * so that neither the opening nor the first key of the filter waits for
 * 10,000 of them.
 */
#define NOTES_FOLD_SLICE	1000

static void
notes_list_idle(struct view *v)
{
	struct listview		*lv = v->data;
	struct notes_list	*nl = lv->arg;

	if (nl->nfolded == nl->nnotes)
		return;
	if (!notes_list_fold(nl, NOTES_FOLD_SLICE))
		notes_list_fill(lv, nl);	/* changed: read them again */
	if (nl->nfolded < nl->nnotes)
		app_idle_again(v->app);
}

/* Another view changed the notes: list them again. */
static void
notes_list_state(struct view *v, unsigned events)
{
	struct listview	*lv = v->data;

	if (events & (STATE_EVENT_LOADED | VIEW_STUDY_CHANGED))
		notes_list_fill(lv, lv->arg);
}

static const struct view_hint notes_list_hints[] = {
	{ .req = REQ_OPEN, .label = N_("go") },
	{ .req = REQ_EDIT, .label = N_("edit") },
	{ .req = REQ_DELETE, .label = N_("delete") },
	{ .req = REQ_SORT, .label = N_("sort") },
	{ .req = REQ_FILTER, .label = N_("filter") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

static const struct view_ops notes_list_ops = {
	.name = "notes",
	.keys = KEYMAP_STUDY,
	.close = listview_close,
	.draw = listview_draw,
	.request = notes_list_request,
	.status = listview_status,
	.node = listview_node,
	.filter = notes_list_filter,
	.idle = notes_list_idle,
	.state = notes_list_state,
};

void
ui_cmd_notes(struct app *a, int argc, char **argv)
{
	struct notes_list	*nl;
	struct listview		*lv;

	(void)argc;
	(void)argv;
	if (app_state(a) == NULL) {
		app_message(a, true, "%s", _("no state file: notes are not "
		    "kept"));
		return;
	}
	nl = xcalloc(1, sizeof *nl);
	nl->app = a;
	lv = listview_new(_("Notes (Enter: go, e: edit, d: delete, s: sort, "
	    "/: filter)"));
	lv->wrap = true;
	lv->borrowed = true;	/* the rows are nl's, made once */
	listview_on_choose(lv, notes_list_choose, nl, notes_list_free);
	lv->text_of = notes_list_row;
	notes_list_fill(lv, nl);
	lv->hints = notes_list_hints;
	lv->nhints = sizeof notes_list_hints / sizeof notes_list_hints[0];
	app_push(a, &notes_list_ops, lv);
}
