/*
 * cmd-remove.c -- `charta remove SLUG...`: remove documents from the
 * user's own corpus (or from the corpus database --db names).  The shipped
 * corpus is read-only: naming one of its documents is refused.  All or
 * nothing, as for import.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Load the corpus at path, which may not be there (*c = NULL). */
static int
cmd_remove_load(const char *path, struct corpus **c)
{
	struct stat	 sb;
	char		*err = NULL;

	*c = NULL;
	if (stat(path, &sb) == -1)
		return errno == ENOENT ? 0 : (output_error("%s: %s", path,
		    strerror(errno)), -1);
	if ((*c = store_load_corpus(path, &err)) == NULL) {
		output_error("%s", err);
		free(err);
		return -1;
	}
	return 0;
}

int
cmd_remove_exec(struct cli_ctx *ctx)
{
	struct corpus	*old = NULL, *shipped = NULL, *c = NULL;
	struct text_buf	 warnings;
	char		*path = NULL, *sp, *size, *err = NULL, **slugs;
	uint32_t	 d, a, b;
	size_t		 ns, nb;
	int		 i, status = EXIT_USAGE;

	text_buf_init(&warnings);
	slugs = xcalloc((size_t)ctx->argc + 1, sizeof *slugs);
	if (ctx->db_path != NULL)
		path = xstrdup(ctx->db_path);
	else {
		if ((path = cli_user_corpus_path(false, &err)) == NULL) {
			output_error(_("no directory for your data: set HOME "
			    "or XDG_DATA_HOME to an absolute path"));
			goto out;
		}
		sp = cli_corpus_path(NULL);
		i = cmd_remove_load(sp, &shipped);
		free(sp);
		if (i == -1)
			goto out;
	}
	if (cmd_remove_load(path, &old) == -1)
		goto out;
	for (i = 0; i < ctx->argc; i++) {
		d = old != NULL ? corpus_find_doc(old, ctx->argv[i],
		    strlen(ctx->argv[i])) : CORPUS_NONE;
		if (d != CORPUS_NONE) {
			slugs[i] = (char *)old->docs[d].slug;
			continue;
		}
		if (shipped != NULL && corpus_find_doc(shipped, ctx->argv[i],
		    strlen(ctx->argv[i])) != CORPUS_NONE)
			output_error(_("%s is a shipped document: the shipped "
			    "corpus is read-only, and only documents you "
			    "imported can be removed"), ctx->argv[i]);
		else
			output_error(_("no document '%s' in %s"), ctx->argv[i],
			    path);
		goto out;
	}
	c = cli_corpus_rebuild(old, NULL, slugs, ctx->argc, &warnings);
	if (corpus_finish(c, &a, &b) == -1) {
		output_error(_("%s: two documents share a name"), path);
		goto out;
	}
	if (store_write_corpus(path, c, &err) == -1) {
		output_error("%s", err);
		goto out;
	}
	cli_print_lines(warnings.len > 0 ? (warnings.data[warnings.len - 1] =
	    '\0', warnings.data) : NULL);
	for (i = 0; i < ctx->argc; i++) {
		d = corpus_find_doc(old, slugs[i], strlen(slugs[i]));
		cli_doc_counts(old, d, &ns, &nb);
		size = cli_doc_size(ns, nb);
		/* TRANSLATORS: a document removed by charta remove; the
		 * second %s is "3 sections and 12 paragraphs". */
		sp = xasprintf(_("removed %s: %s\n"), slugs[i], size);
		output_str(sp);
		free(sp);
		free(size);
	}
	status = EXIT_FOUND;
out:
	text_buf_free(&warnings);
	free(slugs);
	free(err);
	free(path);
	corpus_free(shipped);
	corpus_free(old);
	corpus_free(c);
	return status;
}
