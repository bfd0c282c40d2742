/*
 * help.c -- the help screen's lines (see help.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/help.h"
#include "ui/keymap.h"
#include "util/command.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static void
help_add(struct help *h, char *keys, const char *text)
{
	h->lines = xgrowarray(h->lines, &h->cap, h->n + 1, sizeof *h->lines);
	h->lines[h->n].keys = keys;
	h->lines[h->n].text = text;
	h->n++;
}

void
help_build(struct help *h, const struct command *commands, size_t ncommands)
{
	static const struct {
		enum keymap_group	 group;
		const char		*title;
	} groups[] = {
		{ .group = KEYMAP_MOVE, .title = N_("Moving around") },
		{ .group = KEYMAP_SEARCH, .title = N_("Searching") },
		{ .group = KEYMAP_VIEW, .title = N_("Views and commands") },
		{ .group = KEYMAP_READER, .title = N_("In the reader") },
		{ .group = KEYMAP_COMPARE, .title = N_("In the comparison") },
		{ .group = KEYMAP_LIST, .title = N_("In lists") },
		{ .group = KEYMAP_KWIC, .title = N_("In the concordance") },
		{ .group = KEYMAP_STATS, .title = N_("In the statistics") },
		{ .group = KEYMAP_STUDY, .title = N_("In the lists of notes "
		    "and marks") },
	};
	const struct command	*cmd;
	size_t			 g, i, before;
	int			 r;

	memset(h, 0, sizeof *h);
	for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		before = h->n;
		if (h->n > 0)
			help_add(h, xstrdup(""), "");
		help_add(h, NULL, _(groups[g].title));
		for (r = 1; r < REQ__COUNT; r++)
			if (keymap_request_group((enum request)r) ==
			    groups[g].group)
				help_add(h, keymap_keys_for((enum request)r),
				    _(keymap_request_help((enum request)r)));
		/* A group with no requests (yet) has no section. */
		if (h->n == before + (before > 0 ? 2 : 1)) {
			while (h->n > before)
				free(h->lines[--h->n].keys);
		}
	}
	help_add(h, xstrdup(""), "");
	help_add(h, NULL, _("Commands (after ':')"));
	for (i = 0; i < ncommands; i++) {
		cmd = &commands[i];
		if (cmd->tui == NULL)
			continue;
		help_add(h, *cmd->synopsis ? xasprintf("%s %s", cmd->name,
		    cmd->synopsis) : xstrdup(cmd->name), _(cmd->summary));
	}
	help_add(h, xstrdup(""), "");
	help_add(h, NULL, _("Filter queries"));
	help_add(h, xstrdup("word word"), _("paragraphs with both words (any "
	    "case, any accents)"));
	help_add(h, xstrdup("\"a phrase\""), _("the words together, in this "
	    "order"));
	help_add(h, xstrdup("-word"), _("without this word"));
	help_add(h, xstrdup("doc:mfa"), _("only in this document"));
	help_add(h, xstrdup("kind:action"), _("only this kind: principle, "
	    "goal, action, paragraph, ..."));
	help_add(h, xstrdup(""), "");
	help_add(h, NULL, _("Keys can be rebound in ~/.config/charta/config: "
	    "bind KEY ACTION"));
}

void
help_free(struct help *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->lines[i].keys);
	free(h->lines);
	memset(h, 0, sizeof *h);
}
