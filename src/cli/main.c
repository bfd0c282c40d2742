/*
 * main.c -- charta's entry point: locale and gettext, options, and the
 * dispatch to a command (cmd-*.c) or, with no command, the reader.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "store/store.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const struct cli_cmd *const cli_cmds[] = {
	&cmd_list_entry,
	&cmd_toc_entry,
	&cmd_show_entry,
	&cmd_search_entry,
	&cmd_compare_entry,
	&cmd_import_entry,
};
#define NCMDS	(sizeof cli_cmds / sizeof cli_cmds[0])

enum {
	OPT_RAW = 256,
	OPT_COUNT,
	OPT_WORDS,
	OPT_STATS,
};

static const struct option cli_options[] = {
	{ .name = "db", .has_arg = required_argument, .val = 'd' },
	{ .name = "width", .has_arg = required_argument, .val = 'w' },
	{ .name = "raw", .has_arg = no_argument, .val = OPT_RAW },
	{ .name = "count", .has_arg = no_argument, .val = OPT_COUNT },
	{ .name = "words", .has_arg = no_argument, .val = OPT_WORDS },
	{ .name = "stats", .has_arg = no_argument, .val = OPT_STATS },
	{ .name = "help", .has_arg = no_argument, .val = 'h' },
	{ .name = "version", .has_arg = no_argument, .val = 'V' },
	{ .name = NULL },
};

static void
cli_usage_hint(void)
{
	fprintf(stderr, _("Try 'charta --help' for more information.\n"));
}

static void
cli_help(void)
{
	size_t	i;

	printf(_("Usage: charta [OPTION]... [COMMAND [ARGUMENT]...]\n"));
	printf(_("Read, search and compare the texts of the International "
	    "Strategy of\nCooperation on Cyberspace and the documents around "
	    "it.\n"));
	printf(_("\nWith no COMMAND, open the interactive reader.\n"));
	printf(_("\nCommands:\n"));
	for (i = 0; i < NCMDS; i++) {
		char	*head = xasprintf("%s %s", cli_cmds[i]->name,
		    cli_cmds[i]->args);

		printf("  %-22s %s\n", head, _(cli_cmds[i]->summary));
		free(head);
	}
	printf(_("\nOptions:\n"));
	printf(_("  -d, --db=PATH          read the corpus database at PATH\n"));
	printf(_("  -w, --width=N          wrap text at N columns\n"));
	printf(_("      --raw              do not make control characters "
	    "visible\n"));
	printf(_("      --count            search: print how many match in "
	    "each document\n"));
	printf(_("      --words            compare: mark the words that "
	    "differ\n"));
	printf(_("      --stats            compare: print only the share of "
	    "shared words\n"));
	printf(_("  -h, --help             display this help and exit\n"));
	printf(_("  -V, --version          output version information and "
	    "exit\n"));
	printf(_("\nA reference names a document by its slug or alias "
	    "(iscc-2017-mfa, mfa),\nor a part of it by label: mfa:IV.5 "
	    "(action item 5 of chapter IV),\nmfa:IV.5.p2 (its second "
	    "paragraph).\n"));
	printf(_("\nExit status: 0 success, 1 nothing found or a write error, "
	    "2 bad usage or input.\n"));
	printf(_("\nExamples:\n"));
	printf("  charta toc mfa\n");
	printf("  charta show -w 72 mfa:II.2\n");
	printf("  charta search '\"cyber sovereignty\"' doc:mfa\n");
	printf("  charta compare --words mfa:II.2 un:II.2\n");
	printf(_("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
cli_version(void)
{
	printf("charta %s\n", PACKAGE_VERSION);
	printf(_("Copyright (C) 2026 The charta authors.\n"
	    "License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\nThere is NO WARRANTY, to the extent permitted by law.\n"));
}

static const struct cli_cmd *
cli_find(const char *name)
{
	size_t	i;

	for (i = 0; i < NCMDS; i++)
		if (strcmp(cli_cmds[i]->name, name) == 0)
			return cli_cmds[i];
	return NULL;
}

static int
cli_run(const struct cli_cmd *cmd, struct cli_ctx *ctx)
{
	char	*path, *err;
	int	 status;

	if (ctx->argc < cmd->min_args ||
	    (cmd->max_args >= 0 && ctx->argc > cmd->max_args)) {
		output_error(_("usage: charta %s %s"), cmd->name, cmd->args);
		cli_usage_hint();
		return EXIT_USAGE;
	}
	if (cmd->needs_corpus) {
		path = cli_corpus_path(ctx->db_path);
		ctx->corpus = store_load_corpus(path, &err);
		free(path);
		if (ctx->corpus == NULL) {
			output_error("%s", err);
			free(err);
			return EXIT_USAGE;
		}
	}
	status = cmd->exec(ctx);
	corpus_free(ctx->corpus);
	ctx->corpus = NULL;
	return status;
}

/* `charta [REF]`: the interactive reader, opened at REF if given. */
static int
cli_reader(struct cli_ctx *ctx, const char *ref)
{
	char		*path, *err = NULL;
	unsigned int	 start = CORPUS_NONE;
	int		 status;

	path = cli_corpus_path(ctx->db_path);
	ctx->corpus = store_load_corpus(path, &err);
	free(path);
	if (ctx->corpus == NULL) {
		output_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	if (ref != NULL) {
		start = corpus_resolve(ctx->corpus, ref, strlen(ref));
		if (start == CORPUS_NONE) {
			if (corpus_find_doc(ctx->corpus, ref, strcspn(ref,
			    ":")) == CORPUS_NONE && strchr(ref, ':') == NULL)
				output_error(_("unknown command or reference "
				    "'%s'"), ref);
			else
				cli_resolve(ctx->corpus, ref);
			corpus_free(ctx->corpus);
			return EXIT_USAGE;
		}
	}
	status = ui_run(ctx->corpus, start, &err);
	corpus_free(ctx->corpus);
	ctx->corpus = NULL;
	if (status == -1) {
		output_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	return status;
}

int
main(int argc, char **argv)
{
	const struct cli_cmd	*cmd;
	struct cli_ctx		 ctx;
	char			*end;
	long			 w;
	int			 ch;

	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);

	memset(&ctx, 0, sizeof ctx);
	while ((ch = getopt_long(argc, argv, "d:w:hV", cli_options,
	    NULL)) != -1) {
		switch (ch) {
		case 'd':
			ctx.db_path = optarg;
			break;
		case 'w':
			w = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || w < 10 ||
			    w > 10000) {
				output_init(false);
				output_error(_("invalid width '%s' (a number "
				    "from 10 to 10000)"), optarg);
				return EXIT_USAGE;
			}
			ctx.width = (int)w;
			break;
		case OPT_RAW:
			ctx.raw = true;
			break;
		case OPT_COUNT:
			ctx.count = true;
			break;
		case OPT_WORDS:
			ctx.words = true;
			break;
		case OPT_STATS:
			ctx.stats = true;
			break;
		case 'h':
			cli_help();
			return output_finish(EXIT_SUCCESS);
		case 'V':
			cli_version();
			return output_finish(EXIT_SUCCESS);
		default:
			cli_usage_hint();
			return EXIT_USAGE;
		}
	}
	output_init(ctx.raw);
	if (optind >= argc)
		return cli_reader(&ctx, NULL);
	cmd = cli_find(argv[optind]);
	if (cmd == NULL && optind + 1 == argc && strchr(argv[optind], '-') !=
	    argv[optind])
		return cli_reader(&ctx, argv[optind]);
	if (cmd == NULL) {
		output_error(_("unknown command '%s'"), argv[optind]);
		cli_usage_hint();
		return EXIT_USAGE;
	}
	ctx.argc = argc - optind - 1;
	ctx.argv = argv + optind + 1;
	return output_finish(cli_run(cmd, &ctx));
}
