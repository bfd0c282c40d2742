/*
 * main.c -- charta's entry point: locale and gettext, options, and the
 * dispatch to a command (cmd-*.c) or, with no command, the reader.
 */
#include "config.h"

#include <sys/ioctl.h>

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "store/store.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

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

/* Load the corpus into ctx; on failure say why and return -1. */
static int
cli_load(struct cli_ctx *ctx)
{
	return cli_corpus_load(ctx);
}

static int
cli_run(const struct command *cmd, struct cli_ctx *ctx)
{
	int	status;

	if (ctx->opt[COMMAND_OPT_HELP] != NULL) {
		cli_command_help(cmd);
		return EXIT_FOUND;
	}
	if (ctx->argc < cmd->min_args ||
	    (cmd->max_args >= 0 && ctx->argc > cmd->max_args)) {
		output_error(_("usage: charta %s %s"), cmd->name,
		    cmd->synopsis);
		cli_usage_hint(cmd);
		return EXIT_USAGE;
	}
	if ((cmd->flags & COMMAND_CORPUS) && cli_load(ctx) == -1)
		return EXIT_USAGE;
	status = cmd->cli(ctx);
	corpus_free(ctx->corpus);
	ctx->corpus = NULL;
	return status;
}

/*
 * The rows of the terminal, for the first screen's part of the corpus:
 * its height, or a tall one's if it cannot be told.
 */
static size_t
cli_reader_rows(void)
{
	struct winsize	ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
		return ws.ws_row;
	return 100;
}

/* The whole corpus, loaded once the first screen is out. */
struct cli_staged {
	const char	*path;
	struct corpus	*corpus;
};

static const struct corpus *
cli_reader_rest(void *arg, char **notes, char **err)
{
	struct cli_staged	*st = arg;

	st->corpus = store_load_corpora(st->path, NULL, notes, err);
	return st->corpus;
}

/* The document of the reading position kept, alone, for the first screen. */
static struct corpus *
cli_reader_at(void *arg, const char *slug)
{
	struct cli_staged	*st = arg;

	return store_load_head_doc(st->path, slug);
}

/*
 * The reader at the first document of a corpus a megabyte or more large,
 * its first screen drawn from the first documents before the whole is
 * loaded (ui_run_staged): the screen comes first, with the machine to
 * itself.  Returns the exit status, or -2 if the corpus is not one for
 * that (no kept verdict of quick_check, the user's own corpus beside it):
 * then nothing was done.
 */
static int
cli_reader_staged(struct cli_ctx *ctx)
{
	struct cli_staged	 st;
	struct corpus		*head = NULL;
	char			*path, *user = NULL, *e = NULL, *err = NULL;
	int			 status = -2;

	memset(&st, 0, sizeof st);
	path = cli_corpus_path(ctx->db_path);
	if (ctx->db_path == NULL)
		user = cli_user_corpus_path(false, &e);
	free(e);
	/* The user's documents come after the shipped ones: load in line. */
	if ((user == NULL || access(user, F_OK) == -1) &&
	    (head = store_load_head(path, cli_reader_rows())) != NULL) {
		st.path = path;
		status = ui_run_staged(head, cli_reader_rest, cli_reader_at, &st,
		    command_table, command_count, &err);
		if (status == -1) {
			output_error("%s", err);
			free(err);
			status = EXIT_USAGE;
		}
	}
	corpus_free(st.corpus);
	corpus_free(head);
	free(user);
	free(path);
	return status;
}

/* `charta [REF]`: the interactive reader, opened at REF if given. */
static int
cli_reader(struct cli_ctx *ctx, const char *ref)
{
	char		*err = NULL;
	unsigned int	 start = CORPUS_NONE;
	int		 status;

	/*
	 * Fresh memory in huge pages, before the corpus is read: the first
	 * screen and the filter's keys fault in far less of it (xmalloc.h).
	 * Only here and in `search`, where time is what counts: it costs a
	 * few MB of memory touched, which an import, bounded by its block
	 * limit, must not spend.
	 */
	xmalloc_heap_huge();
	if (ref == NULL && (status = cli_reader_staged(ctx)) != -2)
		return status;
	if (cli_load(ctx) == -1)
		return EXIT_USAGE;
	xmalloc_heap_large();	/* the corpus is in */
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
	status = ui_run(ctx->corpus, start, command_table, command_count,
	    &err);
	corpus_free(ctx->corpus);
	ctx->corpus = NULL;
	if (status == -1) {
		output_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	return status;
}

/*
 * The reader's own "command" for option checking: it takes --db only.
 */
static const struct command cli_reader_cmd = {
	.name = "charta",
	.synopsis = "[REF]",
	.max_args = 1,
	.options = { COMMAND_OPT_DB },
};

/*
 * Is w (argv[i]) an option that takes its value from the next word?  Only
 * the options before the command's name need this: the words after it
 * are read by cli_parse_options.
 */
static bool
cli_takes_next(const char *w)
{
	const struct command_option_info	*oi;
	int					 o;

	for (o = 1; o < COMMAND_OPT__COUNT; o++) {
		oi = cli_option_info((enum command_option)o);
		if (oi->kind == COMMAND_FLAG)
			continue;
		if ((w[1] == '-' && strcmp(w + 2, oi->name) == 0) ||
		    (w[1] == oi->letter && w[2] == '\0'))
			return true;
	}
	return false;
}

int
main(int argc, char **argv)
{
	const struct command	*cmd;
	struct cli_ctx		 ctx;
	char			**pre;
	const char		*localedir;
	int			 npre, i;

	/*
	 * A file-size limit (ulimit -f) makes a write fail with EFBIG, which
	 * is reported, instead of killing charta by SIGXFSZ half-way.
	 */
	signal(SIGXFSZ, SIG_IGN);
	/*
	 * Only the categories charta uses, as tmux does: the character set
	 * (display width, the terminal's encoding) and the messages.  No
	 * collation, dates or numbers depend on the locale, and loading their
	 * data took half a millisecond of every start.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	/*
	 * The catalogs: $CHARTA_LOCALEDIR, the build tree's (an uninstalled
	 * ./src/charta speaks the user's language too), or the installed.
	 */
	localedir = cli_locale_dir();
	bindtextdomain(PACKAGE, localedir);
	textdomain(PACKAGE);

	memset(&ctx, 0, sizeof ctx);
	/* The options before the command (or the reference): pre[]. */
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0' &&
	    strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--version") == 0 ||
		    strcmp(argv[i], "-V") == 0) {
			cli_version();
			return output_finish(EXIT_SUCCESS);
		}
		if (cli_takes_next(argv[i]) && i + 1 < argc)
			i++;
	}
	pre = argv + 1;
	npre = i - 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	cmd = i < argc ? command_find(argv[i]) : NULL;
	if (cmd != NULL && cmd->cli == NULL)
		cmd = NULL;		/* a reader command: a reference? */
	if (cmd == NULL) {
		/* `charta [OPTION]... [REF]`: the reader. */
		if (cli_parse_options(&cli_reader_cmd, pre, npre, argv + i,
		    argc - i, &ctx) == -1) {
			cli_usage_hint(NULL);
			return EXIT_USAGE;
		}
		output_init(false);
		if (ctx.opt[COMMAND_OPT_HELP] != NULL) {
			cli_help();
			return output_finish(EXIT_SUCCESS);
		}
		if (ctx.argc > 1) {
			output_error(_("unknown command '%s'"), ctx.argv[0]);
			cli_usage_hint(NULL);
			return EXIT_USAGE;
		}
		return cli_reader(&ctx, ctx.argc == 1 ? ctx.argv[0] : NULL);
	}
	if (cli_parse_options(cmd, pre, npre, argv + i + 1, argc - i - 1,
	    &ctx) == -1) {
		cli_usage_hint(cmd);
		return EXIT_USAGE;
	}
	output_init(ctx.raw);
	output_set_color(ctx.opt[COMMAND_OPT_COLOR]);
	return output_finish(cli_run(cmd, &ctx));
}
