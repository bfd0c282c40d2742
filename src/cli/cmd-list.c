/*
 * cmd-list.c -- `charta list`: one document a line, slug, alias, title;
 * the user's own documents (charta import) marked as such after it, the
 * shipped ones not.  With --format=tsv or json, the columns of charta(1):
 * slug, alias, title, date, language, origin.
 */
#include "config.h"

#include <string.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"

static const char *const list_columns[] = {
	"slug", "alias", "title", "date", "language", "origin"
};

static void
cmd_list_table(const struct corpus *c, enum format f)
{
	struct format_table	t;
	size_t			d;

	format_begin(&t, f, list_columns, sizeof list_columns /
	    sizeof list_columns[0]);
	for (d = 0; d < c->ndocs; d++) {
		const struct corpus_doc	*doc = &c->docs[d];

		format_row(&t);
		format_cstr(&t, doc->slug);
		format_cstr(&t, doc->alias);
		format_cstr(&t, doc->title);
		format_cstr(&t, doc->date);
		format_cstr(&t, doc->language);
		format_cstr(&t, doc->origin == CORPUS_USER ? "user" :
		    "shipped");
	}
	format_end(&t);
}

int
cmd_list_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	enum format		 f;
	size_t			 d, wslug = 0, walias = 0, w;

	if (format_from_options(ctx, &f) == -1)
		return EXIT_USAGE;
	if (f != FORMAT_TEXT) {
		cmd_list_table(c, f);
		return c->ndocs > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
	}
	for (d = 0; d < c->ndocs; d++) {
		w = output_line(c->docs[d].slug, true, false);
		wslug = w > wslug ? w : wslug;
		w = output_line(c->docs[d].alias, true, false);
		walias = w > walias ? w : walias;
	}
	for (d = 0; d < c->ndocs; d++) {
		const struct corpus_doc	*doc = &c->docs[d];

		output_spaces(wslug + 2 - output_line(doc->slug, true, true));
		output_spaces(walias + 2 - output_line(doc->alias, true,
		    true));
		output_line(doc->title, false, true);
		if (doc->origin == CORPUS_USER) {
			output_spaces(2);
			/* TRANSLATORS: charta list: a document you imported. */
			output_str(_("(yours)"));
		}
		output_raw("\n", 1);
	}
	return c->ndocs > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
