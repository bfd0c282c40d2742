/*
 * ui-run.c -- the reader's entry points (see ui.h): the key bindings from
 * the config file, the terminal, the reader at the bottom of the view
 * stack, and the loop; for a large corpus, a first screen drawn from its
 * first documents before the rest is loaded.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "ui/app.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "ui/keymap.h"
#include "ui/ui.h"

/* The key bindings, the terminal and an app on c.  0 or -1 (*err). */
static int
ui_setup(struct app *a, const struct corpus *c,
    const struct command *commands, size_t ncommands, char **err)
{
	/* The key bindings and settings of the config file. */
	if (keymap_config_load(err) == -1)
		return -1;
	if (screen_init(err) == -1)
		return -1;
	memset(a, 0, sizeof *a);
	a->c = c;
	a->commands = commands;
	a->ncommands = ncommands;
	a->wake[0] = a->wake[1] = -1;
	return 0;
}

int
ui_run(const struct corpus *c, unsigned int start,
    const struct command *commands, size_t ncommands, char **err)
{
	struct app	a;

	if (ui_setup(&a, c, commands, ncommands, err) == -1)
		return -1;
	app_push(&a, &reader_ops, reader_new(&a, start));
	return app_run(&a);
}

/* Close every view (nothing has run in them: nothing to keep). */
static void
ui_close_views(struct app *a)
{
	struct view	*v;

	while (a->nviews > 0) {
		v = a->stack[--a->nviews];
		v->ops->close(v);
		free(v);
	}
}

int
ui_run_staged(const struct corpus *head,
    const struct corpus *(*rest)(void *, char **, char **), void *arg,
    const struct command *commands, size_t ncommands, char **err)
{
	struct app		 a;
	const struct corpus	*c;
	char			*notes = NULL;

	if (ui_setup(&a, head, commands, ncommands, err) == -1)
		return -1;
	/*
	 * The reader of the first documents draws what the whole corpus's
	 * reader will show first: the same first nodes, unfolded alike.
	 */
	app_push(&a, &reader_ops, reader_new(&a, CORPUS_NONE));
	app_resize(&a);
	app_draw(&a);
	refresh();
	c = rest(arg, &notes, err);
	ui_close_views(&a);
	if (c == NULL) {
		screen_done();
		return -1;
	}
	a.c = c;
	app_push(&a, &reader_ops, reader_new(&a, CORPUS_NONE));
	if (notes != NULL)
		app_message(&a, false, "%s", notes);
	free(notes);
	return app_run(&a);
}
