/*
 * listview.c -- a list as a view (see listview.h).
 *
 * Items that wrap (the messages) take as many rows as they need; the
 * selection is an item, and the list scrolls so that all of it shows.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "text/text.h"
#include "ui/listview.h"
#include "ui/screen.h"
#include "ui/spans-curses.h"
#include "ui/spans-draw.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct listview *
listview_new(const char *title)
{
	struct listview	*lv = xcalloc(1, sizeof *lv);

	lv->title = xstrdup(title);
	return lv;
}

void
listview_addf(struct listview *lv, uint32_t node, const char *fmt, ...)
{
	va_list	ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		s = xstrdup("");
	va_end(ap);
	lv->items = xgrowarray(lv->items, &lv->cap, lv->n + 1,
	    sizeof *lv->items);
	lv->items[lv->n].text = s;
	lv->items[lv->n].node = node;
	lv->items[lv->n].error = false;
	lv->items[lv->n].ref = 0;
	lv->n++;
}

void
listview_add(struct listview *lv, uint32_t node, const char *text)
{
	lv->items = xgrowarray(lv->items, &lv->cap, lv->n + 1,
	    sizeof *lv->items);
	lv->items[lv->n].text = (char *)text;	/* not freed: borrowed */
	lv->items[lv->n].node = node;
	lv->items[lv->n].error = false;
	lv->items[lv->n].ref = 0;
	lv->n++;
}

void
listview_add_ref(struct listview *lv, uint32_t node, size_t ref)
{
	listview_add(lv, node, NULL);
	lv->items[lv->n - 1].ref = ref;
}

void
listview_on_choose(struct listview *lv, void (*choose)(struct app *, void *,
    size_t), void *arg, void (*free_arg)(void *))
{
	lv->choose = choose;
	lv->arg = arg;
	lv->free_arg = free_arg;
}

void
listview_close(struct view *v)
{
	struct listview	*lv = v->data;

	listview_clear(lv);
	free(lv->items);
	if (lv->free_arg != NULL)
		lv->free_arg(lv->arg);
	free(lv->title);
	free(lv);
}

void
listview_clear(struct listview *lv)
{
	size_t	k;

	for (k = 0; k < lv->n && !lv->borrowed; k++)
		free(lv->items[k].text);
	lv->n = 0;
}

struct view *
listview_open(struct app *a, struct listview *lv)
{
	if (lv->end && lv->n > 0)
		lv->sel = lv->n - 1;
	return app_push(a, &listview_ops, lv);
}

/* Item k's text, made now if it is made when shown. */
static const char *
listview_text(const struct listview *lv, size_t k)
{
	const char	*s = lv->items[k].text;

	if (s == NULL && lv->text_of != NULL)
		s = lv->text_of(lv->arg, lv->items[k].ref);
	return s != NULL ? s : "";
}

/* The rows item k takes at width w (1 unless items wrap). */
static size_t
listview_rows(const struct listview *lv, size_t k, size_t w)
{
	struct text_spans	 ts;
	struct text_line	*lines;
	const char		*text;
	size_t			 n;

	if (!lv->wrap)
		return 1;
	text = listview_text(lv, k);
	spans_line(&ts, text, strlen(text));
	n = text_spans_wrap(&ts, w, TEXT_TARGET_COLOR, &lines);
	free(lines);
	text_spans_free(&ts);
	return n > 0 ? n : 1;
}

/* Scroll so that the selected item shows whole in h rows. */
static void
listview_scroll(struct listview *lv, size_t h, size_t w)
{
	size_t	rows = 0, k;

	if (lv->sel < lv->top)
		lv->top = lv->sel;
	for (;;) {
		rows = 0;
		for (k = lv->top; k <= lv->sel && k < lv->n; k++)
			rows += listview_rows(lv, k, w);
		if (rows <= h || lv->top == lv->sel)
			break;
		lv->top++;
	}
}

void
listview_draw(struct view *v)
{
	struct listview		*lv = v->data;
	struct text_spans	 ts;
	struct text_line	*lines;
	const char		*text;
	size_t			 h, w, k, l, nl;
	int			 y;
	attr_t			 at;

	screen_fill(0, 0, (size_t)COLS, screen_attr(THEME_TITLE));
	spans_put_cut(0, 1, lv->title, (size_t)COLS - 2,
	    screen_attr(THEME_TITLE));
	h = (size_t)(LINES > 3 ? LINES - 3 : 0);
	w = (size_t)(COLS > 4 ? COLS - 4 : 1);
	for (y = 1; y < LINES - 1; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	if (lv->n == 0) {
		const char	*none = _("(nothing here)");

		screen_put(2, 2, none, strlen(none), w, screen_attr(THEME_META));
		return;
	}
	listview_scroll(lv, h, w);
	y = 2;
	for (k = lv->top; k < lv->n && y < LINES - 1; k++) {
		at = screen_attr(k == lv->sel ? THEME_SELECTED :
		    lv->items[k].error ? THEME_ERROR : THEME_NORMAL);
		text = listview_text(lv, k);
		spans_line(&ts, text, strlen(text));
		if (!lv->wrap) {
			screen_fill(y, 1, (size_t)COLS - 2, at);
			spans_curses_draw(y, 2, w, &ts, 0, ts.len, at,
			    TEXT_SPAN_ALL);
			y++;
		} else {
			nl = text_spans_wrap(&ts, w, TEXT_TARGET_COLOR,
			    &lines);
			for (l = 0; l < nl && y < LINES - 1; l++, y++) {
				screen_fill(y, 1, (size_t)COLS - 2, at);
				spans_curses_draw(y, 2, w, &ts, lines[l].off,
				    lines[l].len, at, TEXT_SPAN_ALL);
			}
			free(lines);
		}
		text_spans_free(&ts);
	}
}

bool
listview_request(struct view *v, enum request req)
{
	struct listview	*lv = v->data;
	size_t		 h = (size_t)(LINES > 3 ? LINES - 3 : 1);

	switch (req) {
	case REQ_DOWN:
		if (lv->sel + 1 < lv->n)
			lv->sel++;
		return true;
	case REQ_UP:
		if (lv->sel > 0)
			lv->sel--;
		return true;
	case REQ_PAGE_DOWN:
	case REQ_HALF_DOWN:
		h = req == REQ_HALF_DOWN ? (h / 2 ? h / 2 : 1) : h;
		lv->sel = lv->sel + h < lv->n ? lv->sel + h :
		    (lv->n ? lv->n - 1 : 0);
		return true;
	case REQ_PAGE_UP:
	case REQ_HALF_UP:
		h = req == REQ_HALF_UP ? (h / 2 ? h / 2 : 1) : h;
		lv->sel = lv->sel > h ? lv->sel - h : 0;
		return true;
	case REQ_TOP:
		lv->sel = 0;
		return true;
	case REQ_BOTTOM:
		lv->sel = lv->n ? lv->n - 1 : 0;
		return true;
	case REQ_OPEN:
		if (lv->choose != NULL && lv->n > 0)
			lv->choose(v->app, lv->arg, lv->sel);
		return true;
	case REQ_CLOSE:
		app_pop(v->app, v);
		return true;
	default:
		return false;
	}
}

static const struct view_hint listview_default_hints[] = {
	{ .req = REQ_OPEN, .label = N_("choose") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

void
listview_status(struct view *v, struct view_status *st)
{
	struct listview	*lv = v->data;

	if (lv->hints != NULL)
		st->left = app_hints(lv->hints, lv->nhints);
	else if (lv->choose != NULL)
		st->left = app_hints(listview_default_hints, 2);
	else
		st->left = app_hints(listview_default_hints + 1, 1);
	if (lv->n > 0)
		st->right = xasprintf("%zu/%zu", lv->sel + 1, lv->n);
}

uint32_t
listview_node(struct view *v)
{
	struct listview	*lv = v->data;

	return lv->n > 0 ? lv->items[lv->sel].node : CORPUS_NONE;
}

const struct view_ops listview_ops = {
	.name = "list",
	.keys = KEYMAP_LIST,
	.close = listview_close,
	.draw = listview_draw,
	.request = listview_request,
	.status = listview_status,
	.node = listview_node,
};
