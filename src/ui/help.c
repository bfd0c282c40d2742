/*
 * help.c -- the `?` screen, generated from the key table (keymap.h), so
 * that it always tells the keys as they are bound, config file included.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/keymap.h"
#include "util/command.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct help_entry {
	char		*keys;		/* malloc'ed, or NULL for a heading */
	const char	*text;		/* translated */
};

static struct help_entry	*help_lines;
static size_t			 help_n;

static void
help_add(char *keys, const char *text)
{
	help_lines = xreallocarray(help_lines, help_n + 1,
	    sizeof *help_lines);
	help_lines[help_n].keys = keys;
	help_lines[help_n].text = text;
	help_n++;
}

static void
help_build(const struct app *a)
{
	static const struct {
		enum keymap_group	 group;
		const char		*title;
	} groups[] = {
		{ .group = KEYMAP_MOVE, .title = N_("Moving around") },
		{ .group = KEYMAP_SEARCH, .title = N_("Searching") },
		{ .group = KEYMAP_VIEW, .title = N_("Views and commands") },
		{ .group = KEYMAP_COMPARE, .title = N_("In the comparison") },
	};
	size_t	g, i;
	int	r;

	for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		if (g > 0)
			help_add(xstrdup(""), "");
		help_add(NULL, _(groups[g].title));
		for (r = 1; r < REQ__COUNT; r++) {
			if (keymap_request_group(r) != groups[g].group)
				continue;
			help_add(keymap_keys_for(r),
			    _(keymap_request_help(r)));
		}
	}
	help_add(xstrdup(""), "");
	help_add(NULL, _("Commands (after ':')"));
	for (i = 0; i < a->ncommands; i++) {
		const struct command	*cmd = &a->commands[i];

		if (cmd->tui == NULL)
			continue;
		help_add(*cmd->synopsis ? xasprintf("%s %s", cmd->name,
		    cmd->synopsis) : xstrdup(cmd->name), _(cmd->summary));
	}
	help_add(xstrdup(""), "");
	help_add(NULL, _("Filter queries"));
	help_add(xstrdup("word word"), _("paragraphs with both words (any "
	    "case, any accents)"));
	help_add(xstrdup("\"a phrase\""), _("the words together, in this "
	    "order"));
	help_add(xstrdup("-word"), _("without this word"));
	help_add(xstrdup("doc:mfa"), _("only in this document"));
	help_add(xstrdup("kind:action"), _("only this kind: principle, "
	    "goal, action, paragraph, ..."));
	help_add(xstrdup(""), "");
	help_add(NULL, _("Keys can be rebound in ~/.config/charta/config: "
	    "bind KEY ACTION"));
}

size_t
help_nlines(const struct app *a)
{
	if (help_lines == NULL)
		help_build(a);
	return help_n;
}

void
help_line(const struct app *a, size_t i, const char **keys,
    const char **text, bool *heading)
{
	if (help_lines == NULL)
		help_build(a);
	*heading = help_lines[i].keys == NULL;
	*keys = help_lines[i].keys != NULL ? help_lines[i].keys : "";
	*text = help_lines[i].text;
}

void
help_free(void)
{
	size_t	i;

	for (i = 0; i < help_n; i++)
		free(help_lines[i].keys);
	free(help_lines);
	help_lines = NULL;
	help_n = 0;
}
