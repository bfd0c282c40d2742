/*
 * cmd-cite.c -- `charta cite REF...`: the citations the reader's yank keys
 * copy, on standard output (cite/cite.h makes them).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "ui/ui.h"
#include "util/xmalloc.h"

int
cmd_cite_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	const char		*name = ctx->opt[COMMAND_OPT_FORMAT];
	enum cite_format	 f = CITE_PLAIN;
	uint32_t		*nodes;
	char			*out, *warning, *err;
	int			 k, cfg;

	if (name != NULL) {
		/* The option parser took only a name from the list. */
		if (cite_format_from_name(name, &f) == -1)
			return EXIT_USAGE;
	} else {
		if (ui_config_cite_format(&cfg, &err) == -1) {
			output_error("%s", err);
			free(err);
			return EXIT_USAGE;
		}
		f = (enum cite_format)cfg;
	}
	/* Every reference first: a bad one, and nothing is printed. */
	nodes = xreallocarray(NULL, (size_t)ctx->argc, sizeof *nodes);
	for (k = 0; k < ctx->argc; k++) {
		nodes[k] = cli_resolve(c, ctx->argv[k]);
		if (nodes[k] == CORPUS_NONE) {
			free(nodes);
			return EXIT_USAGE;
		}
	}
	out = cite_nodes(c, nodes, (size_t)ctx->argc, f,
	    ctx->opt[COMMAND_OPT_TEXT] != NULL, &warning);
	output_str(out);
	if (warning != NULL)
		output_error("%s", warning);
	free(warning);
	free(out);
	free(nodes);
	return EXIT_FOUND;
}
