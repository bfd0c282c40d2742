/*
 * cmd-import.c -- `charta import FILE...`: read source files into the
 * user's own corpus ($XDG_DATA_HOME/charta/corpus.db), never into the
 * shipped one, or into the corpus database --db names (that is how
 * data/corpus.db is built).  A document whose slug is there already is
 * replaced, and what changed is said; a slug or alias of a shipped
 * document is refused.  All or nothing: any error in any file leaves the
 * database as it was.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "import/import.h"
#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Describe a clash found by corpus_finish: "FILE:LINE: ... (FILE:LINE)". */
static void
cmd_import_clash(const struct corpus *c, uint32_t a, uint32_t b)
{
	const struct corpus_node	*x = &c->nodes[a], *y = &c->nodes[b];
	const struct corpus_doc		*dx = &c->docs[x->doc];
	const struct corpus_doc		*dy = &c->docs[y->doc];
	const char			*name = dy->slug;

	/* Name the one of y's names that x has: its slug, else its alias. */
	if (strcasecmp(dy->slug, dx->slug) != 0 && (*dx->alias == '\0' ||
	    strcasecmp(dy->slug, dx->alias) != 0))
		name = dy->alias;
	if (y->kind == KIND_DOCUMENT)
		output_error(_("%s: slug or alias '%s' is already used by %s "
		    "(%s)"), dy->file, name, dx->slug, dx->file);
	else
		output_error(_("%s:%u: label '%s' is already used at line %u"),
		    dy->file, y->line, y->label, x->line);
}

/* Keep an importer's warning: printed only if the import succeeds. */
static void
cmd_import_warn(void *arg, const char *msg)
{
	struct text_buf	*w = arg;

	text_buf_puts(w, msg);
	text_buf_addc(w, '\n');
}

/* A links file is named *.tsv; everything else is a source document. */
static bool
cmd_import_is_links(const char *path)
{
	size_t	n = strlen(path);

	return n > 4 && strcmp(path + n - 4, ".tsv") == 0;
}

/*
 * Load the corpus at path into *c if the file is there (else *c = NULL).
 * Returns 0, or -1 after printing why not.
 */
static int
cmd_import_load(const char *path, struct corpus **c)
{
	struct stat	 sb;
	char		*err = NULL;

	*c = NULL;
	if (stat(path, &sb) == -1) {
		if (errno == ENOENT)
			return 0;
		output_error("%s: %s", path, strerror(errno));
		return -1;
	}
	if ((*c = store_load_corpus(path, &err)) == NULL) {
		output_error("%s", err);
		free(err);
		return -1;
	}
	return 0;
}

/*
 * A document of fresh with a slug or alias of a shipped document: refused,
 * since the shipped corpus is read-only and its names must stay its own.
 */
static int
cmd_import_check_shipped(const struct corpus *fresh,
    const struct corpus *shipped)
{
	const struct corpus_doc	*d;
	const char		*name;
	uint32_t		 s;
	size_t			 k;

	for (k = 0; shipped != NULL && k < fresh->ndocs; k++) {
		d = &fresh->docs[k];
		name = d->slug;
		s = corpus_find_doc(shipped, name, strlen(name));
		if (s == CORPUS_NONE && *d->alias != '\0') {
			name = d->alias;
			s = corpus_find_doc(shipped, name, strlen(name));
		}
		if (s == CORPUS_NONE)
			continue;
		output_error(_("%s: '%s' names the shipped document %s (%s), "
		    "which cannot be replaced; choose another slug or alias"),
		    d->file, name, shipped->docs[s].slug,
		    shipped->docs[s].title);
		return -1;
	}
	return 0;
}

/* Does a document of fresh replace one of old? */
static bool
cmd_import_replaces(const struct corpus *old, const struct corpus *fresh)
{
	size_t	k, o;

	for (k = 0; old != NULL && k < fresh->ndocs; k++)
		for (o = 0; o < old->ndocs; o++)
			if (strcasecmp(old->docs[o].slug,
			    fresh->docs[k].slug) == 0)
				return true;
	return false;
}

/*
 * "replaced SLUG: S sections and B paragraphs before, S' and B' now", a
 * line for each document of fresh that replaces one of old, into report
 * (printed once the new corpus is written).
 */
static void
cmd_import_report(const struct corpus *old, const struct corpus *fresh,
    struct text_buf *report)
{
	size_t		 k, s0, b0, s1, b1;
	uint32_t	 o;
	char		*msg, *was, *now;

	for (k = 0; old != NULL && k < fresh->ndocs; k++) {
		for (o = 0; o < old->ndocs; o++)
			if (strcasecmp(old->docs[o].slug,
			    fresh->docs[k].slug) == 0)
				break;
		if (o == old->ndocs)
			continue;
		cli_doc_counts(old, o, &s0, &b0);
		cli_doc_counts(fresh, (uint32_t)k, &s1, &b1);
		was = cli_doc_size(s0, b0);
		now = cli_doc_size(s1, b1);
		/* TRANSLATORS: a document replaced by charta import; each
		 * other %s is "3 sections and 12 paragraphs". */
		msg = xasprintf(_("replaced %s: %s before, %s now\n"),
		    fresh->docs[k].slug, was, now);
		free(was);
		free(now);
		text_buf_puts(report, msg);
		free(msg);
	}
}

int
cmd_import_exec(struct cli_ctx *ctx)
{
	struct corpus		*old = NULL, *fresh, *c = NULL, *shipped = NULL;
	char			*path = NULL, *err = NULL, *data, *sp;
	size_t			 len;
	uint32_t		 a, b;
	int			 i, status = EXIT_USAGE;
	struct text_buf		 warnings, report;
	struct import_options	 opt = { .warn = cmd_import_warn,
	    .arg = &warnings };

	text_buf_init(&warnings);
	text_buf_init(&report);
	fresh = corpus_new();
	opt.quiet = ctx->opt[COMMAND_OPT_QUIET] != NULL;
	opt.encoding = ctx->opt[COMMAND_OPT_ENCODING];
	if (ctx->db_path != NULL)
		path = xstrdup(ctx->db_path);
	else {
		/* The user's corpus; the shipped one is only read. */
		if ((path = cli_user_corpus_path(true, &err)) == NULL) {
			output_error("%s", err);
			goto out;
		}
		sp = cli_corpus_path(NULL);
		i = cmd_import_load(sp, &shipped);
		free(sp);
		if (i == -1)
			goto out;
	}
	if (cmd_import_load(path, &old) == -1)
		goto out;
	/* Documents first: links may point into any of them. */
	for (i = 0; i < ctx->argc; i++) {
		if (cmd_import_is_links(ctx->argv[i]))
			continue;
		if (import_read_file_opt(ctx->argv[i], &opt, &data, &len,
		    &err) == -1) {
			output_error("%s", err);
			goto out;
		}
		if (import_markdown_opt(fresh, ctx->argv[i], data, len, &opt,
		    &err) == -1) {
			free(data);
			output_error("%s", err);
			goto out;
		}
		free(data);
	}
	/* A file given twice, or two files of one slug. */
	if (corpus_finish(fresh, &a, &b) == -1) {
		cmd_import_clash(fresh, a, b);
		goto out;
	}
	if (cmd_import_check_shipped(fresh, shipped) == -1)
		goto out;
	if (cmd_import_replaces(old, fresh)) {
		c = cli_corpus_rebuild(old, fresh, NULL, 0, &warnings);
		cmd_import_report(old, fresh, &report);
	} else if (old == NULL) {
		/* Nothing to copy: a large import needs its memory once. */
		c = fresh;
		fresh = NULL;
	} else {
		/* New documents after the old ones, moved, not copied. */
		c = old;
		old = NULL;
		corpus_append(c, fresh);
		fresh = NULL;
	}
	if (corpus_finish(c, &a, &b) == -1) {
		cmd_import_clash(c, a, b);
		goto out;
	}
	for (i = 0; i < ctx->argc; i++) {
		if (!cmd_import_is_links(ctx->argv[i]))
			continue;
		if (import_read_file_opt(ctx->argv[i], &opt, &data, &len,
		    &err) == -1) {
			output_error("%s", err);
			goto out;
		}
		if (import_links(c, ctx->argv[i], data, len, &err) == -1) {
			free(data);
			output_error("%s", err);
			goto out;
		}
		free(data);
	}
	if (store_write_corpus(path, c, &err) == -1) {
		output_error("%s", err);
		goto out;
	}
	if (!opt.quiet)
		cli_print_lines(warnings.len > 0 ?
		    (warnings.data[warnings.len - 1] = '\0', warnings.data) :
		    NULL);
	if (report.len > 0)
		output_str(report.data);
	status = EXIT_FOUND;
out:
	text_buf_free(&warnings);
	text_buf_free(&report);
	free(err);
	free(path);
	corpus_free(shipped);
	corpus_free(old);
	corpus_free(fresh);
	corpus_free(c);
	return status;
}
