/*
 * reader-marks.c -- marks, with vim's habits: m and a letter (or any
 * character) marks the paragraph the reader is at; ' and the same
 * character goes back to it.  Marks name logical places (study.h), so a
 * mark set in one translation is found in the other: ' goes to the marked
 * passage in the document being read when it has it.  `:marks` lists
 * them: Enter goes there, r renames, d deletes and u brings back the
 * last deleted.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "ui/listview.h"
#include "ui/reader.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The mark's name from the key typed: the character, as UTF-8. */
static bool
reader_mark_name(int ch, char *name, size_t size)
{
	mbstate_t	ps;
	size_t		n;

	if (ch <= ' ' || ch == 0x7f || size < MB_LEN_MAX + 1)
		return false;
	memset(&ps, 0, sizeof ps);
	n = wcrtomb(name, (wchar_t)ch, &ps);
	if (n == (size_t)-1)
		return false;
	name[n] = '\0';
	return true;
}

/* Go to mark name: in this document if it has the place. */
static void
reader_mark_jump(struct reader *r, const char *name)
{
	struct state_mark	*m;
	struct reader_place	 p;
	uint32_t		 n;

	m = state_mark_get(app_state(r->app), name);
	if (m == NULL) {
		app_message(r->app, true, _("no mark '%s'"), name);
		return;
	}
	n = study_resolve(r->c, &m->at, r->c->nodes[r->ol.sel].doc);
	if (n == CORPUS_NONE) {
		app_message(r->app, true, _("mark '%s' is on %s:%s, which is "
		    "gone"), name, m->at.slug, m->at.label);
		state_marks_free(m, 1);
		return;
	}
	state_marks_free(m, 1);
	reader_jump_record(r);
	memset(&p, 0, sizeof p);
	p.sel = p.top_node = n;
	p.focus = r->split ? r->focus : READER_TEXT;
	reader_place_go(r, &p);
}

void
reader_mark_key(struct reader *r, enum reader_pending p, int ch)
{
	struct state		*st = app_state(r->app);
	struct state_anchor	 at;
	char			 name[MB_LEN_MAX + 1], *err = NULL, *ref;
	uint32_t		 n;

	if (!reader_mark_name(ch, name, sizeof name)) {
		app_message(r->app, true, "%s", _("a mark is named by a "
		    "letter or another printable character"));
		return;
	}
	if (st == NULL) {
		app_message(r->app, true, "%s", _("no state file: marks are "
		    "not kept"));
		return;
	}
	if (p == READER_PENDING_MARK_JUMP) {
		reader_mark_jump(r, name);
		return;
	}
	n = reader_current_node(r);
	study_anchor_of(r->c, n, &at);
	if (state_mark_set(st, name, &at, &err) == -1) {
		app_message(r->app, true, "%s", err);
		free(err);
	} else {
		ref = corpus_node_short_ref(r->c, n);
		/* TRANSLATORS: after m and a letter */
		app_message(r->app, false, _("mark '%s' set on %s"), name,
		    ref);
		free(ref);
		reader_mark_changed(r, name);
	}
	study_anchor_free(&at);
}

/* ---------------------------------------------------------- the list */

struct marks_list {
	struct app		*app;
	struct state_mark	*marks;
	size_t			 n;
	char			 deleted[STATE_ID_SIZE];	/* for undo */
};

static void
marks_list_free(void *arg)
{
	struct marks_list	*ml = arg;

	state_marks_free(ml->marks, ml->n);
	free(ml);
}

/* Fill lv with the marks (again). */
static void
marks_list_fill(struct listview *lv, struct marks_list *ml)
{
	const struct corpus	*c = app_corpus(ml->app);
	struct state_mark	*m;
	uint32_t		 n;
	size_t			 k;

	listview_clear(lv);
	state_marks_free(ml->marks, ml->n);
	ml->n = state_mark_list(app_state(ml->app), STATE_LIST_LIVE,
	    &ml->marks);
	for (k = 0; k < ml->n; k++) {
		m = &ml->marks[k];
		n = study_resolve(c, &m->at, CORPUS_NONE);
		if (n == CORPUS_NONE)
			listview_addf(lv, CORPUS_NONE, _("%s  %s:%s  (gone)"),
			    m->name, m->at.slug, m->at.label);
		else
			listview_addf(lv, n, "%s  %s:%s  %s", m->name,
			    m->at.slug, m->at.label, kind_is_block(
			    c->nodes[n].kind) ? c->nodes[n].text :
			    c->nodes[n].title);
	}
}

static void
marks_list_choose(struct app *a, void *arg, size_t k)
{
	struct marks_list	*ml = arg;
	char			*line;

	line = xasprintf("goto %s:%s", ml->marks[k].at.slug,
	    ml->marks[k].at.label);
	app_run_command(a, line);
	free(line);
}

static void
marks_list_renamed(struct app *a, void *arg, const char *text)
{
	struct view	*v = arg;
	struct listview	*lv = v->data;
	struct marks_list *ml = lv->arg;
	char		*err = NULL;

	if (*text == '\0' || lv->n == 0)
		return;
	if (state_mark_rename(app_state(a), ml->marks[lv->sel].name, text,
	    &err) == -1) {
		app_message(a, true, "%s", err);
		free(err);
		return;
	}
	marks_list_fill(lv, ml);
	app_note_study_changed(a);
}

static const struct prompt_client marks_rename_client = {
	.done = marks_list_renamed,
};

static bool
marks_list_request(struct view *v, enum request req)
{
	struct listview		*lv = v->data;
	struct marks_list	*ml = lv->arg;
	char			*err = NULL;

	switch (req) {
	case REQ_RENAME:
		if (lv->n > 0)
			/* TRANSLATORS: the prompt for a mark's new name */
			app_prompt(v->app, _("new name: "),
			    &marks_rename_client, v, ml->marks[lv->sel].name);
		return true;
	case REQ_DELETE:
		if (lv->n == 0)
			return true;
		if (state_mark_delete(app_state(v->app),
		    ml->marks[lv->sel].name, ml->deleted, &err) == -1) {
			app_message(v->app, true, "%s", err);
			free(err);
			return true;
		}
		app_message(v->app, false, _("mark '%s' deleted; u brings it "
		    "back"), ml->marks[lv->sel].name);
		break;
	case REQ_UNDO:
		if (*ml->deleted == '\0' || state_mark_undelete(
		    app_state(v->app), ml->deleted, &err) == -1) {
			app_message(v->app, true, "%s", err != NULL ? err :
			    _("nothing to undo"));
			free(err);
			return true;
		}
		*ml->deleted = '\0';
		break;
	default:
		return listview_request(v, req);
	}
	marks_list_fill(lv, ml);
	if (lv->sel >= lv->n && lv->n > 0)
		lv->sel = lv->n - 1;
	app_note_study_changed(v->app);
	return true;
}

static const struct view_hint marks_list_hints[] = {
	{ .req = REQ_OPEN, .label = N_("go") },
	{ .req = REQ_RENAME, .label = N_("rename") },
	{ .req = REQ_DELETE, .label = N_("delete") },
	{ .req = REQ_UNDO, .label = N_("undo") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

static const struct view_ops marks_list_ops = {
	.name = "marks",
	.keys = KEYMAP_STUDY,
	.close = listview_close,
	.draw = listview_draw,
	.request = marks_list_request,
	.status = listview_status,
	.node = listview_node,
};

void
ui_cmd_marks(struct app *a, int argc, char **argv)
{
	struct marks_list	*ml;
	struct listview		*lv;

	(void)argc;
	(void)argv;
	if (app_state(a) == NULL) {
		app_message(a, true, "%s", _("no state file: marks are not "
		    "kept"));
		return;
	}
	ml = xcalloc(1, sizeof *ml);
	ml->app = a;
	lv = listview_new(_("Marks (Enter: go, r: rename, d: delete)"));
	marks_list_fill(lv, ml);
	listview_on_choose(lv, marks_list_choose, ml, marks_list_free);
	lv->hints = marks_list_hints;
	lv->nhints = sizeof marks_list_hints / sizeof marks_list_hints[0];
	app_push(a, &marks_list_ops, lv);
}
