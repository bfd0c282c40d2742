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
#include <time.h>

#include "index/index.h"
#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "ui/listview.h"
#include "ui/notes.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* One row: a draft or a note, and where it is. */
struct notes_row {
	bool		 draft;
	size_t		 k;		/* in drafts or notes */
	uint32_t	 node;		/* CORPUS_NONE: gone */
};

struct notes_list {
	struct app		*app;
	struct state_note	*notes;
	size_t			 nnotes;
	struct state_draft	*drafts;
	size_t			 ndrafts;
	uint32_t		*place;		/* drafts', then notes' nodes */
	struct notes_row	*rows;		/* those listed */
	size_t			 nrows;
	size_t			 cap;
	bool			 by_date;
	char			 deleted[STATE_ID_SIZE];	/* for undo */
};

static void
notes_list_free(void *arg)
{
	struct notes_list	*nl = arg;

	state_notes_free(nl->notes, nl->nnotes);
	state_drafts_free(nl->drafts, nl->ndrafts);
	free(nl->place);
	free(nl->rows);
	free(nl);
}

/* The first line of s, for a row. */
static char *
notes_first_line(const char *s)
{
	return xstrndup(s, strcspn(s, "\n"));
}

static int
notes_row_cmp_place(const void *a, const void *b)
{
	const struct notes_row	*x = a, *y = b;

	if (x->draft != y->draft)
		return x->draft ? -1 : 1;
	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;	/* gone ones last */
	return x->k < y->k ? -1 : x->k > y->k;
}

/* For sorting by date: the notes, newest change first. */
static const struct notes_list	*notes_sorting;

static int
notes_row_cmp_date(const void *a, const void *b)
{
	const struct notes_row	*x = a, *y = b;
	int64_t			 tx, ty;

	if (x->draft != y->draft)
		return x->draft ? -1 : 1;
	tx = x->draft ? 0 : notes_sorting->notes[x->k].modified;
	ty = y->draft ? 0 : notes_sorting->notes[y->k].modified;
	if (tx != ty)
		return tx > ty ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/* Read the notes and drafts again, and where each is. */
static void
notes_list_read(struct notes_list *nl)
{
	const struct corpus	*c = app_corpus(nl->app);
	struct state		*st = app_state(nl->app);
	size_t			 k;
	bool			 moved;

	state_notes_free(nl->notes, nl->nnotes);
	state_drafts_free(nl->drafts, nl->ndrafts);
	nl->nnotes = state_note_list(st, NULL, STATE_LIST_LIVE, &nl->notes);
	nl->ndrafts = state_draft_list(st, &nl->drafts);
	free(nl->place);
	nl->place = xreallocarray(NULL, nl->ndrafts + nl->nnotes + 1,
	    sizeof *nl->place);
	/* A note is where the reader shows it, or orphaned. */
	for (k = 0; k < nl->ndrafts; k++)
		nl->place[k] = study_resolve(c, &nl->drafts[k].at,
		    CORPUS_NONE);
	for (k = 0; k < nl->nnotes; k++)
		nl->place[nl->ndrafts + k] = study_note_place(c,
		    &nl->notes[k].at, &nl->notes[k].quote, &moved);
}

/*
 * List the notes read, those the query matches, sorted: what "/" and "s"
 * change, so they read nothing again (10,000 notes are placed once).
 */
static void
notes_list_show(struct listview *lv, struct notes_list *nl)
{
	const struct corpus	*c = app_corpus(nl->app);
	const struct query	*q = app_query(nl->app);
	struct state_note	*n;
	struct notes_row	*row;
	char			 date[32], *line, *ref;
	struct tm		 tm;
	time_t			 t;
	size_t			 k;

	listview_clear(lv);
	nl->nrows = 0;
	for (k = 0; k < nl->ndrafts + nl->nnotes; k++) {
		nl->rows = xgrowarray(nl->rows, &nl->cap, nl->nrows + 1,
		    sizeof *nl->rows);
		row = &nl->rows[nl->nrows];
		row->draft = k < nl->ndrafts;
		row->k = row->draft ? k : k - nl->ndrafts;
		row->node = nl->place[k];
		if (q != NULL && !row->draft && !query_match_text(q,
		    nl->notes[row->k].body, strlen(nl->notes[row->k].body), c,
		    row->node))
			continue;
		nl->nrows++;
	}
	notes_sorting = nl;
	if (nl->nrows > 1)	/* none: rows may be NULL, not for qsort */
		qsort(nl->rows, nl->nrows, sizeof *nl->rows, nl->by_date ?
		    notes_row_cmp_date : notes_row_cmp_place);
	for (k = 0; k < nl->nrows; k++) {
		row = &nl->rows[k];
		if (row->draft) {
			line = notes_first_line(nl->drafts[row->k].body);
			/* TRANSLATORS: a row of :notes for a note being
			   written when the terminal was lost */
			listview_addf(lv, row->node, _("draft  %s:%s  %s"),
			    nl->drafts[row->k].at.slug,
			    nl->drafts[row->k].at.label, line);
			free(line);
			continue;
		}
		n = &nl->notes[row->k];
		t = (time_t)n->modified;
		localtime_r(&t, &tm);
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
		line = notes_first_line(n->body);
		if (row->node == CORPUS_NONE)
			/* TRANSLATORS: a row of :notes whose passage is gone:
			   where it was, the note, the words it was on */
			listview_addf(lv, CORPUS_NONE, _("orphaned  %s:%s  %s  "
			    "(on: %s)  %s"), n->at.slug, n->at.label, line,
			    n->quote.exact ? n->quote.exact : "", date);
		else {
			ref = corpus_node_short_ref(c, row->node);
			listview_addf(lv, row->node, "%s  %s  %s", ref, line,
			    date);
			free(ref);
		}
		free(line);
	}
	if (lv->sel >= lv->n)
		lv->sel = lv->n > 0 ? lv->n - 1 : 0;
}

/* Read the notes again and list them. */
static void
notes_list_fill(struct listview *lv, struct notes_list *nl)
{
	notes_list_read(nl);
	notes_list_show(lv, nl);
}

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
	char			*err = NULL, *body;

	if (!row->draft) {
		(void)note_edit(v->app, row->node, nl->notes[row->k].id,
		    nl->notes[row->k].body);
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
		    nl->notes[row->k].id, &err) == 0) {
			memcpy(nl->deleted, nl->notes[row->k].id,
			    STATE_ID_SIZE);
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
		nl->by_date = !nl->by_date;
		app_message(v->app, false, "%s", nl->by_date ?
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
	listview_on_choose(lv, notes_list_choose, nl, notes_list_free);
	notes_list_fill(lv, nl);
	lv->hints = notes_list_hints;
	lv->nhints = sizeof notes_list_hints / sizeof notes_list_hints[0];
	app_push(a, &notes_list_ops, lv);
}
