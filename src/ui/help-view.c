/*
 * help-view.c -- the help screen as a view: the lines help.c makes, keys
 * in one column and what they do in the next, scrolled like a text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "ui/help.h"
#include "ui/screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct help_view {
	struct help	h;
	size_t		top;
};

static void
help_view_close(struct view *v)
{
	struct help_view	*hv = v->data;

	help_free(&hv->h);
	free(hv);
}

static void
help_view_draw(struct view *v)
{
	struct help_view	*hv = v->data;
	const struct help_line	*l;
	int			 y, top = 1, h = LINES - 2;
	size_t			 i, n = hv->h.n, kw = 0, w;
	const char		*title = _("Help");

	screen_fill(0, 0, (size_t)COLS, screen_attr(THEME_TITLE));
	screen_put(0, 1, title, strlen(title), (size_t)COLS - 1,
	    screen_attr(THEME_TITLE));
	for (i = 0; i < n; i++) {
		l = &hv->h.lines[i];
		if (l->keys == NULL)
			continue;
		w = text_width(l->keys, strlen(l->keys));
		kw = w > kw ? w : kw;
	}
	if (kw > (size_t)COLS / 2)
		kw = (size_t)COLS / 2;
	if (hv->top + (size_t)h > n)
		hv->top = n > (size_t)h ? n - (size_t)h : 0;
	for (y = 0; y < h; y++) {
		screen_fill(top + y, 0, (size_t)COLS,
		    screen_attr(THEME_NORMAL));
		i = hv->top + (size_t)y;
		if (i >= n)
			continue;
		l = &hv->h.lines[i];
		if (l->keys == NULL) {
			screen_put(top + y, 1, l->text, strlen(l->text),
			    (size_t)COLS - 1, screen_attr(THEME_HEADING));
			continue;
		}
		screen_put(top + y, 2, l->keys, strlen(l->keys), kw,
		    screen_attr(THEME_HELP_KEY));
		if ((size_t)COLS > kw + 5)
			screen_put(top + y, (int)kw + 4, l->text,
			    strlen(l->text), (size_t)COLS - kw - 5,
			    screen_attr(THEME_NORMAL));
	}
}

static bool
help_view_request(struct view *v, enum request req)
{
	struct help_view	*hv = v->data;
	size_t			 h = (size_t)(LINES > 2 ? LINES - 2 : 1);

	switch (req) {
	case REQ_DOWN:
		hv->top++;
		return true;
	case REQ_UP:
		if (hv->top > 0)
			hv->top--;
		return true;
	case REQ_PAGE_DOWN:
		hv->top += h;
		return true;
	case REQ_PAGE_UP:
		hv->top = hv->top > h ? hv->top - h : 0;
		return true;
	case REQ_HALF_DOWN:
		hv->top += h / 2 ? h / 2 : 1;
		return true;
	case REQ_HALF_UP:
		hv->top = hv->top > h / 2 ? hv->top - h / 2 : 0;
		return true;
	case REQ_TOP:
		hv->top = 0;
		return true;
	case REQ_BOTTOM:
		hv->top = hv->h.n;		/* draw clamps */
		return true;
	case REQ_HELP:
	case REQ_CLOSE:
		app_pop(v->app, v);
		return true;
	default:
		return false;
	}
}

static const struct view_hint help_view_hints[] = {
	{ .req = REQ_QUIT, .label = N_("back to the text") },
};

static void
help_view_status(struct view *v, struct view_status *st)
{
	(void)v;
	st->left = app_hints(help_view_hints, 1);
}

static const struct view_ops help_view_ops = {
	.name = "help",
	.keys = KEYMAP_HELP,
	.close = help_view_close,
	.draw = help_view_draw,
	.request = help_view_request,
	.status = help_view_status,
};

void
ui_cmd_help(struct app *a, int argc, char **argv)
{
	struct help_view	*hv;
	struct view		*v;

	(void)argc;
	(void)argv;
	/* Already up: back to its top. */
	if ((v = app_find_view(a, &help_view_ops)) != NULL) {
		app_pop_above(a, v);
		((struct help_view *)v->data)->top = 0;
		return;
	}
	hv = xcalloc(1, sizeof *hv);
	help_build(&hv->h, app_commands(a), app_ncommands(a));
	app_push(a, &help_view_ops, hv);
}
