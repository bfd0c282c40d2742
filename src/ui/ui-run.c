/*
 * ui-run.c -- the reader's entry point (see ui.h): the key bindings from
 * the config file, the terminal, the reader at the bottom of the view
 * stack, and the loop.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "ui/settings.h"
#include "ui/ui.h"

int
ui_run(const struct corpus *c, unsigned int start,
    const struct command *commands, size_t ncommands, char **err)
{
	struct app	 a;

	/* The key bindings and settings of the config file. */
	if (settings_load(err) == -1)
		return -1;
	if (screen_init(err) == -1)
		return -1;
	memset(&a, 0, sizeof a);
	a.c = c;
	a.commands = commands;
	a.ncommands = ncommands;
	a.wake[0] = a.wake[1] = -1;
	app_push(&a, &reader_ops, reader_new(&a, start));
	return app_run(&a);
}
