/*
 * cmd-list.c -- `charta list`: one document a line, slug, alias, title;
 * the user's own documents (charta import) marked as such after it, the
 * shipped ones not.
 */
#include "config.h"

#include <string.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"

int
cmd_list_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	size_t			 d, wslug = 0, walias = 0, w;

	for (d = 0; d < c->ndocs; d++) {
		w = text_width(c->docs[d].slug, strlen(c->docs[d].slug));
		wslug = w > wslug ? w : wslug;
		w = text_width(c->docs[d].alias, strlen(c->docs[d].alias));
		walias = w > walias ? w : walias;
	}
	for (d = 0; d < c->ndocs; d++) {
		const struct corpus_doc	*doc = &c->docs[d];

		output_str(doc->slug);
		output_spaces(wslug + 2 - text_width(doc->slug,
		    strlen(doc->slug)));
		output_str(doc->alias);
		output_spaces(walias + 2 - text_width(doc->alias,
		    strlen(doc->alias)));
		output_str(doc->title);
		if (doc->origin == CORPUS_USER) {
			output_spaces(2);
			/* TRANSLATORS: charta list: a document you imported. */
			output_str(_("(yours)"));
		}
		output_raw("\n", 1);
	}
	return c->ndocs > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
