/*
 * reader.c -- the bottom view (see reader.h): its layout, its keys, its
 * mouse, and the `:goto` command.
 *
 * The text pane keeps its place: the byte of text the reader scrolled to
 * the top (anchor_node, anchor_off) stays at the top across a resize, at
 * whatever width the text wraps, so that resizing back and forth never
 * drifts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "ui/listview.h"
#include "ui/reader.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
reader_layout(struct reader *r)
{
	int	lines = app_lines(), cols = app_cols(), body_h = lines - 2, ow;

	r->split = cols >= READER_SPLIT_COLS;
	memset(&r->outline_rect, 0, sizeof r->outline_rect);
	memset(&r->text_rect, 0, sizeof r->text_rect);
	r->outline_rect.h = r->text_rect.h = body_h;
	if (r->split) {
		/* The outline takes a third, within reason. */
		ow = cols / 3;
		if (ow < 28)
			ow = 28;
		if (ow > 56)
			ow = 56;
		r->outline_rect = (struct view_rect){ .y = 1, .x = 0,
		    .h = body_h, .w = ow };
		r->text_rect = (struct view_rect){ .y = 1, .x = ow + 2,
		    .h = body_h, .w = cols - ow - 3 };
	} else if (r->focus == READER_OUTLINE)
		r->outline_rect = (struct view_rect){ .y = 1, .x = 0,
		    .h = body_h, .w = cols };
	else
		r->text_rect = (struct view_rect){ .y = 1, .x = 1,
		    .h = body_h, .w = cols - 2 };
}

void
reader_sync_text(struct reader *r)
{
	const struct tv_line	*t;
	bool			 rewrap;
	size_t			 width, l, cols = (size_t)app_cols();

	width = r->text_rect.w > 0 ? (size_t)r->text_rect.w :
	    (cols > 2 ? cols - 2 : 1);
	/*
	 * The same text laid out anew (a new width, the labels' margin, a
	 * note added): find the place before it goes.
	 */
	rewrap = r->tv.root == r->ol.sel && r->tv.nlines > 0 &&
	    (r->tv.width != width || r->tv.labels != r->tv.built_labels ||
	    r->tv.notes_gen != r->tv.built_notes_gen);
	if (rewrap && textview_line_at(&r->tv, r->anchor_node,
	    r->anchor_off) != r->tv.top) {
		/* Scrolled since the last rewrap: the place is new. */
		t = &r->tv.lines[r->tv.top];
		r->anchor_node = t->node;
		/* A note's line: the end of its paragraph's text. */
		r->anchor_off = t->style == TV_NOTE ? UINT32_MAX : t->off;
	}
	if (!textview_set(&r->tv, r->ol.sel, width))
		return;
	if (rewrap && (l = textview_line_at(&r->tv, r->anchor_node,
	    r->anchor_off)) != (size_t)-1) {
		r->tv.top = l;
		textview_scroll(&r->tv, 0, (size_t)r->text_rect.h);
	}
}

/*
 * The node to cite: the selection while its text is shown from the start;
 * once the text is scrolled, the paragraph at the top of the pane, so that
 * the title line follows the reading.
 */
uint32_t
reader_current_node(const struct reader *r)
{
	if (r->text_rect.w > 0 && r->tv.root == r->ol.sel && r->tv.top > 0 &&
	    r->tv.top < r->tv.nlines)
		return r->tv.lines[r->tv.top].node;
	return r->ol.sel;
}

void
reader_select(struct reader *r, uint32_t n)
{
	if (n == CORPUS_NONE)
		return;
	/* Leaving a document: keep its place, to come back to. */
	if (r->ol.sel != CORPUS_NONE && r->c->nodes[n].doc !=
	    r->c->nodes[r->ol.sel].doc)
		reader_position_save(r);
	outline_select(&r->ol, n);
	reader_sync_text(r);
}

static void
reader_set_focus(struct reader *r, enum reader_focus f)
{
	r->focus = f;
	reader_layout(r);
	reader_sync_text(r);
}

struct reader *
reader_new(struct app *a, uint32_t start)
{
	struct reader	*r = xcalloc(1, sizeof *r);

	r->app = a;
	r->c = app_corpus(a);
	outline_init(&r->ol, r->c);
	textview_init(&r->tv, r->c, app_ascii(a));
	r->tv.notes = reader_notes_text;
	r->tv.notes_arg = r;
	app_set_notes(a, reader_notes_text, r);
	r->focus = READER_OUTLINE;
	reader_links_init(r);
	if (start != CORPUS_NONE && start < r->c->nnodes) {
		r->moved = true;	/* charta REF: no place to restore */
		outline_select(&r->ol, start);
		/* One pane at a time: show the text asked for. */
		if (app_cols() < READER_SPLIT_COLS)
			r->focus = READER_TEXT;
	}
	return r;
}

static void
reader_close(struct view *v)
{
	struct reader	*r = v->data;

	app_set_notes(r->app, NULL, NULL);
	outline_free(&r->ol);
	textview_free(&r->tv);
	index_result_free(&r->res);
	reader_links_free(r);
	reader_study_free(r);
	free(r);
}

static void
reader_resize(struct view *v)
{
	struct reader	*r = v->data;

	reader_layout(r);
	reader_sync_text(r);
}

/* Move the selection to a sibling, or to the next/previous document. */
static void
reader_sibling(struct reader *r, bool next)
{
	const struct corpus		*c = r->c;
	const struct corpus_node	*n = &c->nodes[r->ol.sel];
	uint32_t			 t;

	if (n->kind == KIND_DOCUMENT) {
		t = next ? (n->doc + 1 < c->ndocs ? c->docs[n->doc + 1].root :
		    CORPUS_NONE) : (n->doc > 0 ? c->docs[n->doc - 1].root :
		    CORPUS_NONE);
	} else
		t = next ? n->next_sibling : corpus_prev_sibling(c, r->ol.sel);
	if (t == CORPUS_NONE)
		app_message(r->app, false, "%s", next ? _("no next part at "
		    "this level") : _("no previous part at this level"));
	else
		reader_select(r, t);
}

static void
reader_document(struct reader *r, bool next)
{
	const struct corpus	*c = r->c;
	uint32_t		 d = c->nodes[r->ol.sel].doc;

	if (next && d + 1 < c->ndocs)
		reader_select(r, c->docs[d + 1].root);
	else if (!next && r->ol.sel != c->docs[d].root)
		reader_select(r, c->docs[d].root);
	else if (!next && d > 0)
		reader_select(r, c->docs[d - 1].root);
	else
		app_message(r->app, false, "%s", next ? _("this is the last "
		    "document") : _("this is the first document"));
}

static bool
reader_text_visible(const struct reader *r)
{
	return r->split || r->focus == READER_TEXT;
}

/* Scroll the text pane, or move the outline when only it is shown. */
static void
reader_page(struct reader *r, long pages_num, long pages_den)
{
	size_t	h = (size_t)r->text_rect.h;
	long	delta = (long)h * pages_num / pages_den;

	if (delta == 0)
		delta = pages_num < 0 ? -1 : 1;
	if (reader_text_visible(r))
		textview_scroll(&r->tv, delta, h);
	else {
		outline_move(&r->ol, delta);
		reader_sync_text(r);
	}
}

/* A choice of counterparts: the one chosen, compared. */
struct reader_choice {
	uint32_t			 node;
	struct corpus_counterpart	*cands;
	size_t				 n;
};

static void
reader_compare_with(struct app *a, uint32_t left, uint32_t right)
{
	const struct corpus	*c = app_corpus(a);
	char			*l = corpus_node_ref(c, left);
	char			*r = corpus_node_ref(c, right);
	char			*line = xasprintf("compare %s %s", l, r);

	app_run_command(a, line);
	free(line);
	free(r);
	free(l);
}

static void
reader_choose(struct app *a, void *arg, size_t k)
{
	struct reader_choice	*ch = arg;
	uint32_t		 left = ch->node, right = ch->cands[k].node;

	/* The chooser goes first: the comparison replaces it. */
	app_pop(a, app_find_view(a, &listview_ops));
	reader_compare_with(a, left, right);
}

static void
reader_choice_free(void *arg)
{
	struct reader_choice	*ch = arg;

	free(ch->cands);
	free(ch);
}

/* `c`: compare the selection with its counterpart (or offer a list). */
static void
reader_counterpart(struct reader *r)
{
	struct corpus_counterpart	*cp;
	struct reader_choice		*ch;
	struct listview			*lv;
	size_t				 n, k;
	char				*ref;

	n = corpus_counterparts(r->c, r->ol.sel, &cp);
	if (n == 0) {
		ref = corpus_node_ref(r->c, r->ol.sel);
		app_message(r->app, true, _("%s has no counterpart; press C "
		    "to name a passage"), ref);
		free(ref);
		return;
	}
	if (n == 1) {
		reader_compare_with(r->app, r->ol.sel, cp[0].node);
		free(cp);
		return;
	}
	/* Several: offer the list. */
	ch = xcalloc(1, sizeof *ch);
	ch->node = r->ol.sel;
	ch->cands = cp;
	ch->n = n;
	lv = listview_new(_("Compare with (Enter: choose, q: cancel):"));
	for (k = 0; k < n; k++) {
		ref = corpus_node_ref(r->c, cp[k].node);
		listview_addf(lv, cp[k].node, "%s  (%s%s%s)  %s", ref,
		    cp[k].relation, *cp[k].note ? ": " : "", cp[k].note,
		    r->c->nodes[cp[k].node].title);
		free(ref);
	}
	listview_on_choose(lv, reader_choose, ch, reader_choice_free);
	listview_open(r->app, lv);
}

static bool
reader_request(struct view *v, enum request req)
{
	struct reader	*r = v->data;
	bool		 text = r->focus == READER_TEXT;
	uint32_t	 sel = r->ol.sel;
	size_t		 h = (size_t)r->text_rect.h;

	r->moved = true;
	switch (req) {
	case REQ_DOWN:
	case REQ_UP:
		if (text)
			textview_scroll(&r->tv, req == REQ_DOWN ? 1 : -1, h);
		else {
			outline_move(&r->ol, req == REQ_DOWN ? 1 : -1);
			reader_sync_text(r);
		}
		return true;
	case REQ_OPEN:
		if (!text && outline_has_children(&r->ol, sel) &&
		    !r->ol.open[sel])
			outline_set_open(&r->ol, sel, true);
		else if (!text)
			reader_set_focus(r, READER_TEXT);
		return true;
	case REQ_CLOSE:
		if (text)
			reader_set_focus(r, READER_OUTLINE);
		else if (r->ol.open[sel] && outline_has_children(&r->ol, sel))
			outline_set_open(&r->ol, sel, false);
		else if (r->c->nodes[sel].parent != CORPUS_NONE)
			reader_select(r, r->c->nodes[sel].parent);
		return true;
	case REQ_PAGE_DOWN:
		reader_page(r, 1, 1);
		return true;
	case REQ_PAGE_UP:
		reader_page(r, -1, 1);
		return true;
	case REQ_HALF_DOWN:
		reader_page(r, 1, 2);
		return true;
	case REQ_HALF_UP:
		reader_page(r, -1, 2);
		return true;
	case REQ_TOP:
		reader_jump_record(r);
		if (text)
			r->tv.top = 0;
		else if (r->ol.nrows > 0)
			reader_select(r, r->ol.rows[0]);
		return true;
	case REQ_BOTTOM:
		reader_jump_record(r);
		if (text) {
			textview_more(&r->tv, (size_t)-1);
			textview_scroll(&r->tv, (long)r->tv.nlines, h);
		}
		else if (r->ol.nrows > 0)
			reader_select(r, r->ol.rows[r->ol.nrows - 1]);
		return true;
	case REQ_NEXT_SIBLING:
	case REQ_PREV_SIBLING:
		reader_sibling(r, req == REQ_NEXT_SIBLING);
		return true;
	case REQ_NEXT_DOC:
	case REQ_PREV_DOC:
		reader_jump_record(r);
		reader_document(r, req == REQ_NEXT_DOC);
		return true;
	case REQ_JUMP_BACK:
	case REQ_JUMP_FORWARD:
		reader_jump_move(r, req == REQ_JUMP_BACK);
		return true;
	case REQ_MARK_JUMP:
		r->pending = READER_PENDING_MARK_JUMP;
		/* TRANSLATORS: after ', waiting for a mark's letter */
		app_message(r->app, false, "%s", _("mark? (' for the place "
		    "before the last jump)"));
		return true;
	case REQ_MARK_SET:
		r->pending = READER_PENDING_MARK_SET;
		/* TRANSLATORS: after m, waiting for a mark's letter */
		app_message(r->app, false, "%s", _("mark name? (a letter)"));
		return true;
	case REQ_NOTE:
		reader_note_inline(r);
		return true;
	case REQ_NOTE_EDIT:
		reader_note_edit(r);
		return true;
	case REQ_LABELS:
		r->tv.labels = !r->tv.labels;
		reader_sync_text(r);
		return true;
	case REQ_COLLAPSE_ALL:
		outline_set_all(&r->ol, false);
		reader_sync_text(r);
		return true;
	case REQ_EXPAND_ALL:
		outline_set_all(&r->ol, true);
		return true;
	case REQ_SWITCH_PANE:
		reader_set_focus(r, text ? READER_OUTLINE : READER_TEXT);
		return true;
	case REQ_NEXT_HIT:
	case REQ_PREV_HIT:
		reader_next_hit(r, req == REQ_NEXT_HIT);
		return true;
	case REQ_CANCEL:
		/* Esc: a kept filter goes. */
		if (app_query(r->app) == NULL)
			return false;
		app_query_clear(r->app);
		return true;
	case REQ_COMPARE:
		reader_counterpart(r);
		return true;
	case REQ_YANK:
	case REQ_YANK_TEXT:
		reader_yank(r, req == REQ_YANK_TEXT);
		return true;
	case REQ_FOLLOW_LINK:
	case REQ_COMPARE_LINK:
		reader_links_follow(r, req == REQ_COMPARE_LINK);
		return true;
	default:
		return false;
	}
}

static void
reader_mouse(struct view *v, const struct view_mouse *m)
{
	struct reader		*r = v->data;
	const struct view_rect	*o = &r->outline_rect, *t = &r->text_rect;
	bool			 in_outline, in_text;
	size_t			 row;
	uint32_t		 n;

	in_outline = o->w > 0 && m->y >= o->y && m->y < o->y + o->h &&
	    m->x >= o->x && m->x < o->x + o->w;
	in_text = t->w > 0 && m->y >= t->y && m->y < t->y + t->h &&
	    m->x >= t->x && m->x < t->x + t->w;
	if (m->wheel != 0) {
		long	d = 3 * m->wheel;

		if (in_text)
			textview_scroll(&r->tv, d, (size_t)t->h);
		else if (in_outline) {
			r->ol.top = (long)r->ol.top + d < 0 ? 0 :
			    (size_t)((long)r->ol.top + d);
			if (r->ol.top >= r->ol.nrows)
				r->ol.top = r->ol.nrows ? r->ol.nrows - 1 : 0;
			row = outline_row_of(&r->ol, r->ol.sel);
			if (row < r->ol.top)
				reader_select(r, r->ol.rows[r->ol.top]);
			else if (row >= r->ol.top + (size_t)o->h)
				reader_select(r, r->ol.rows[r->ol.top +
				    (size_t)o->h - 1]);
		}
		return;
	}
	if (!m->click && !m->double_click)
		return;
	if (in_outline) {
		row = r->ol.top + (size_t)(m->y - o->y);
		if (row >= r->ol.nrows)
			return;
		n = r->ol.rows[row];
		r->focus = READER_OUTLINE;
		/* A click on the selection, or a double click, folds. */
		if (n == r->ol.sel || m->double_click)
			outline_set_open(&r->ol, n, !r->ol.open[n]);
		reader_select(r, n);
	} else if (in_text)
		reader_set_focus(r, READER_TEXT);
}

/* The key after one that takes a key: a mark's name. */
static bool
reader_key(struct view *v, int ch, bool is_func)
{
	struct reader		*r = v->data;
	enum reader_pending	 p = r->pending;

	if (p == READER_PENDING_NONE)
		return false;
	r->pending = READER_PENDING_NONE;
	app_message(r->app, false, NULL);
	if (is_func || ch == 27)
		return true;		/* Esc, or a key that names no mark */
	if (p == READER_PENDING_MARK_JUMP && ch == '\'')
		reader_jump_swap(r);
	else
		reader_mark_key(r, p, ch);
	return true;
}

static uint32_t
reader_node(struct view *v)
{
	struct reader	*r = v->data;

	return r->ol.sel;
}

const struct view_ops reader_ops = {
	.name = "reader",
	.keys = KEYMAP_READER,
	.close = reader_close,
	.resize = reader_resize,
	.draw = reader_draw,
	.request = reader_request,
	.status = reader_status,
	.mouse = reader_mouse,
	.filter = reader_filter,
	.idle = reader_filter_idle,
	.resume = reader_filter_resume,
	.node = reader_node,
	.key = reader_key,
	.jump = reader_jump,
	.state = reader_state,
	.quit = reader_quit,
};

void
ui_cmd_goto(struct app *a, int argc, char **argv)
{
	struct view	*v = app_find_view(a, &reader_ops);
	struct reader	*r;
	const char	*ref = argv[0];
	uint32_t	 n;

	(void)argc;
	if (v == NULL)
		return;
	r = v->data;
	n = corpus_resolve(r->c, ref, strlen(ref));
	if (n == CORPUS_NONE) {
		app_message(a, true, _("no such reference: %s"), ref);
		return;
	}
	r->moved = true;
	/* Back to the reader, from whatever is over it. */
	app_pop_above(a, v);
	reader_jump_record(r);
	/* Going somewhere the filter hides: drop the filter. */
	if (r->ol.filtered && r->ol.hit[n] == 0)
		app_query_clear(a);
	reader_select(r, n);
	reader_set_focus(r, r->split ? READER_OUTLINE : READER_TEXT);
}

void
ui_cmd_quit(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	app_quit(a, 0);
}
