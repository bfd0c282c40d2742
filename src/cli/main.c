/*
 * main.c -- charta's entry point: locale and gettext, options, and the
 * dispatch to a command (cmd-*.c) or, with no command, the reader.
 */
#include "config.h"

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

/* Load the corpus into ctx; on failure say why and return -1. */
static int
cli_load(struct cli_ctx *ctx)
{
	char	*path, *err = NULL;

	path = cli_corpus_path(ctx->db_path);
	ctx->corpus = store_load_corpus(path, &err);
	free(path);
	if (ctx->corpus == NULL) {
		output_error("%s", err);
		free(err);
		return -1;
	}
	return 0;
}

static int
cli_run(const struct cli_cmd *cmd, struct cli_ctx *ctx)
{
	int	status;

	if (ctx->argc < cmd->min_args ||
	    (cmd->max_args >= 0 && ctx->argc > cmd->max_args)) {
		output_error(_("usage: charta %s %s"), cmd->name, cmd->args);
		cli_usage_hint();
		return EXIT_USAGE;
	}
	if (cmd->needs_corpus && cli_load(ctx) == -1)
		return EXIT_USAGE;
	status = cmd->exec(ctx);
	corpus_free(ctx->corpus);
	ctx->corpus = NULL;
	return status;
}

/* `charta [REF]`: the interactive reader, opened at REF if given. */
static int
cli_reader(struct cli_ctx *ctx, const char *ref)
{
	char		*err = NULL;
	unsigned int	 start = CORPUS_NONE;
	int		 status;

	if (cli_load(ctx) == -1)
		return EXIT_USAGE;
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

/* The value of option name: "--name=V", "-xV", or the next word. */
static const char *
cli_optarg(const char *word, size_t skip, int argc, char **argv, int *i)
{
	if (word[skip] == '=')
		return word + skip + 1;
	if (word[skip] != '\0')
		return word + skip;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

/*
 * Parse the command line: options anywhere (before or after the command),
 * "--" ending them; the other words go to pos[] in order (*npos of them).
 * After the command "search", a word that is not a known option is a query
 * term ("-word" excludes a word), so it goes to pos[] too.  Returns 0, 'h'
 * or 'V' for --help and --version, or -1 after printing an error.
 */
static int
cli_parse(int argc, char **argv, struct cli_ctx *ctx, char **pos, int *npos)
{
	const struct {
		const char	*name;
		bool		*flag;
	} flags[] = {
		{ .name = "raw", .flag = &ctx->raw },
		{ .name = "count", .flag = &ctx->count },
		{ .name = "words", .flag = &ctx->words },
		{ .name = "stats", .flag = &ctx->stats },
	};
	const size_t	 nflags = sizeof flags / sizeof flags[0];
	const char	*w, *v;
	char		*end;
	long		 n;
	int		 i;
	size_t		 k;
	bool		 dashes = false, search = false;

	*npos = 0;
	for (i = 1; i < argc; i++) {
		w = argv[i];
		if (dashes || w[0] != '-' || w[1] == '\0') {
			if (*npos == 0 && strcmp(w, "search") == 0)
				search = true;
			pos[(*npos)++] = argv[i];
			continue;
		}
		if (strcmp(w, "--") == 0) {
			dashes = true;
			continue;
		}
		if (strcmp(w, "--help") == 0 || strcmp(w, "-h") == 0)
			return 'h';
		if (strcmp(w, "--version") == 0 || strcmp(w, "-V") == 0)
			return 'V';
		for (k = 0; k < nflags; k++)
			if (strncmp(w, "--", 2) == 0 &&
			    strcmp(w + 2, flags[k].name) == 0)
				break;
		if (k < nflags) {
			*flags[k].flag = true;
			continue;
		}
		if (strncmp(w, "--db", 4) == 0 && (w[4] == '\0' ||
		    w[4] == '=')) {
			if ((v = cli_optarg(w, 4, argc, argv, &i)) == NULL)
				goto missing;
			ctx->db_path = v;
			continue;
		}
		if (strncmp(w, "-d", 2) == 0 && !search) {
			if ((v = cli_optarg(w, 2, argc, argv, &i)) == NULL)
				goto missing;
			ctx->db_path = v;
			continue;
		}
		if ((strncmp(w, "--width", 7) == 0 && (w[7] == '\0' ||
		    w[7] == '=')) || (strncmp(w, "-w", 2) == 0 &&
		    (!search || w[2] == '\0' || (w[2] >= '0' &&
		    w[2] <= '9')))) {
			v = cli_optarg(w, w[1] == '-' ? 7 : 2, argc, argv, &i);
			if (v == NULL)
				goto missing;
			n = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || n < 10 ||
			    n > 10000) {
				output_init(false);
				output_error(_("invalid width '%s' (a number "
				    "from 10 to 10000)"), v);
				return -1;
			}
			ctx->width = (int)n;
			continue;
		}
		/* In a query, "-word" excludes a word. */
		if (search && *npos > 0 && w[1] != '-') {
			pos[(*npos)++] = argv[i];
			continue;
		}
		output_init(false);
		output_error(_("unknown option '%s'"), w);
		return -1;
	}
	return 0;
missing:
	output_init(false);
	output_error(_("option '%s' needs a value"), w);
	return -1;
}

int
main(int argc, char **argv)
{
	const struct cli_cmd	*cmd;
	struct cli_ctx		 ctx;
	char			**pos;
	const char		*localedir;
	int			 npos, status;

	/*
	 * Only the categories charta uses, as tmux does: the character set
	 * (display width, the terminal's encoding) and the messages.  No
	 * collation, dates or numbers depend on the locale, and loading their
	 * data took half a millisecond of every start.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	/*
	 * CHARTA_LOCALEDIR, when set and not empty, is where the message
	 * catalogs are (DIR/LANG/LC_MESSAGES/charta.mo) instead of the
	 * installed LOCALEDIR: the tests (tests/i18n) use it to run the
	 * build tree's translations without `make install`.
	 */
	localedir = getenv("CHARTA_LOCALEDIR");
	if (localedir == NULL || *localedir == '\0')
		localedir = LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	textdomain(PACKAGE);

	memset(&ctx, 0, sizeof ctx);
	pos = xcalloc((size_t)argc + 1, sizeof *pos);
	switch (cli_parse(argc, argv, &ctx, pos, &npos)) {
	case 'h':
		free(pos);
		cli_help();
		return output_finish(EXIT_SUCCESS);
	case 'V':
		free(pos);
		cli_version();
		return output_finish(EXIT_SUCCESS);
	case -1:
		free(pos);
		cli_usage_hint();
		return EXIT_USAGE;
	}
	output_init(ctx.raw);
	if (npos == 0) {
		free(pos);
		return cli_reader(&ctx, NULL);
	}
	cmd = cli_find(pos[0]);
	if (cmd == NULL && npos == 1) {
		status = cli_reader(&ctx, pos[0]);
		free(pos);
		return status;
	}
	if (cmd == NULL) {
		output_error(_("unknown command '%s'"), pos[0]);
		free(pos);
		cli_usage_hint();
		return EXIT_USAGE;
	}
	ctx.argc = npos - 1;
	ctx.argv = pos + 1;
	status = output_finish(cli_run(cmd, &ctx));
	free(pos);
	return status;
}
