/*
 * reader-jump.c -- places in the reader and the jump list, with vim's and
 * less's habits: every jump (:goto, a match chosen by the filter, a mark,
 * a link, g and G, a comparison opened) remembers the place it left; C-o
 * goes back along the list, C-t forward again, and '' to the place before
 * the last jump (and back).
 *
 * A place is the selection, the text at the top of the text pane (a node
 * and a byte of its text, so it survives a rewrap) and the focus.  The
 * list is the session's; it is not kept across runs.
 */
#include "config.h"

#include <string.h>

#include "model/corpus.h"
#include "ui/reader.h"
#include "util/i18n.h"

void
reader_place_here(const struct reader *r, struct reader_place *p)
{
	const struct tv_line	*t;

	memset(p, 0, sizeof *p);
	p->sel = r->ol.sel;
	p->top_node = r->ol.sel;
	p->focus = r->focus;
	if (r->tv.root == r->ol.sel && r->tv.top < r->tv.nlines) {
		t = &r->tv.lines[r->tv.top];
		p->top_node = t->node;
		p->top_off = t->off;
	}
}

void
reader_place_go(struct reader *r, const struct reader_place *p)
{
	size_t	l;

	if (p->sel >= r->c->nnodes)
		return;
	/* Somewhere the filter hides: the filter goes. */
	if (r->ol.filtered && r->ol.hit[p->sel] == 0)
		app_query_clear(r->app);
	reader_select(r, p->sel);
	if (r->focus != p->focus) {
		r->focus = p->focus;
		reader_layout(r);
		reader_sync_text(r);
	}
	l = textview_line_at(&r->tv, p->top_node, p->top_off);
	if (l != (size_t)-1) {
		r->tv.top = l;
		textview_scroll(&r->tv, 0, (size_t)r->text_rect.h);
	}
	r->anchor_node = p->top_node;
	r->anchor_off = p->top_off;
}

static bool
reader_place_same(const struct reader_place *a, const struct reader_place *b)
{
	return a->sel == b->sel && a->top_node == b->top_node &&
	    a->top_off == b->top_off;
}

/* Append p to the list (the oldest goes when it is full). */
static void
reader_jump_append(struct reader *r, const struct reader_place *p)
{
	if (r->njumps > 0 && reader_place_same(&r->jumps[r->njumps - 1], p))
		return;
	if (r->njumps == READER_MAX_JUMPS) {
		memmove(r->jumps, r->jumps + 1, (READER_MAX_JUMPS - 1) *
		    sizeof *r->jumps);
		r->njumps--;
	}
	r->jumps[r->njumps++] = *p;
}

/*
 * The user is about to jump: remember where they are.  The places after
 * the current one (gone back to with C-o) are dropped, as in vim.
 */
void
reader_jump_record(struct reader *r)
{
	struct reader_place	here;

	reader_place_here(r, &here);
	reader_jump_push(r, &here);
}

void
reader_jump_push(struct reader *r, const struct reader_place *p)
{
	r->njumps = r->jump_pos < r->njumps ? r->jump_pos : r->njumps;
	reader_jump_append(r, p);
	r->jump_pos = r->njumps;
	r->last_jump = *p;
	r->has_last_jump = true;
}

/*
 * C-o (back) and C-t (forward) along the jump list.  jump_pos is the
 * place gone back to, or njumps at the newest end; going back from there
 * first keeps where the user is, so that C-t comes back to it.
 */
void
reader_jump_move(struct reader *r, bool back)
{
	struct reader_place	here;

	if (back) {
		if (r->jump_pos == r->njumps) {
			reader_place_here(r, &here);
			reader_jump_append(r, &here);
			r->jump_pos = r->njumps - 1;
		}
		if (r->jump_pos == 0) {
			app_message(r->app, false, "%s", _("no older place "
			    "in the jump list"));
			return;
		}
		r->jump_pos--;
	} else {
		if (r->jump_pos + 1 >= r->njumps) {
			app_message(r->app, false, "%s", _("no newer place "
			    "in the jump list"));
			return;
		}
		r->jump_pos++;
	}
	reader_place_go(r, &r->jumps[r->jump_pos]);
	/* TRANSLATORS: after C-o or C-t: where in the jump list */
	app_message(r->app, false, _("jump %zu of %zu"), r->jump_pos + 1,
	    r->njumps);
}

/* '': to the place before the last jump, which becomes the last one. */
void
reader_jump_swap(struct reader *r)
{
	struct reader_place	there;

	if (!r->has_last_jump) {
		app_message(r->app, false, "%s", _("no jump yet"));
		return;
	}
	there = r->last_jump;
	reader_jump_record(r);
	reader_place_go(r, &there);
}

void
reader_jump(struct view *v)
{
	reader_jump_record(v->data);
}
