/*
 * cmd-import.c -- `charta import FILE...`: read source files and publish
 * them, with the documents already in the database, as a new database.
 * All or nothing: any error in any file leaves the database as it was.
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

/*
 * Keep an importer's warning: they are printed (sanitized, one a line)
 * only if the import succeeds, so that a refusal is one message alone.
 */
static void
cmd_import_warn(void *arg, const char *msg)
{
	struct text_buf	*w = arg;

	text_buf_puts(w, msg);
	text_buf_addc(w, '\n');
}

static void
cmd_import_print_warnings(const struct text_buf *w)
{
	const char	*s = w->data, *e;

	for (; s != NULL && *s != '\0'; s = e + 1) {
		e = strchr(s, '\n');
		output_error("%.*s", (int)(e - s), s);
	}
}

/* A links file is named *.tsv; everything else is a source document. */
static bool
cmd_import_is_links(const char *path)
{
	size_t	n = strlen(path);

	return n > 4 && strcmp(path + n - 4, ".tsv") == 0;
}

int
cmd_import_exec(struct cli_ctx *ctx)
{
	struct corpus	*c = NULL;
	struct stat	 sb;
	char		*path, *err = NULL, *data;
	size_t		 len;
	uint32_t	 a, b;
	int		 i, status = EXIT_USAGE;
	struct text_buf	 warnings;
	struct import_options opt = { .warn = cmd_import_warn,
	    .arg = &warnings };

	text_buf_init(&warnings);
	path = cli_corpus_path(ctx->db_path);
	/* Keep what the database already holds. */
	if (stat(path, &sb) == 0 && sb.st_size > 0) {
		c = store_load_corpus(path, &err);
		if (c == NULL) {
			output_error("%s", err);
			goto out;
		}
	} else if (stat(path, &sb) == -1 && errno != ENOENT) {
		output_error("%s: %s", path, strerror(errno));
		goto out;
	}
	/* New documents follow the old ones; the index is rebuilt below. */
	if (c == NULL)
		c = corpus_new();
	/* Documents first: links may point into any of them. */
	for (i = 0; i < ctx->argc; i++) {
		if (cmd_import_is_links(ctx->argv[i]))
			continue;
		if (import_read_file_opt(ctx->argv[i], &opt, &data, &len,
		    &err) == -1) {
			output_error("%s", err);
			goto out;
		}
		if (import_markdown_opt(c, ctx->argv[i], data, len, &opt,
		    &err) == -1) {
			free(data);
			output_error("%s", err);
			goto out;
		}
		free(data);
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
	cmd_import_print_warnings(&warnings);
	status = EXIT_FOUND;
out:
	text_buf_free(&warnings);
	free(err);
	free(path);
	corpus_free(c);
	return status;
}
