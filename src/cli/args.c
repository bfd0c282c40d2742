/*
 * args.c -- the command line's options, read for each command from the
 * command table (see cli.h), and the help made from the same table:
 * `charta --help` and `charta COMMAND --help`.
 *
 * Options may come before the command's name or after it, GNU style:
 * "--width=72", "--width 72", "-w72", "-w 72"; "--" ends them.  Each
 * command accepts only the options its entry lists (and --help); any other
 * is an error that names the command, so that `charta list --words` says
 * it makes no sense instead of being silently ignored.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const struct command_option_info cli_options[COMMAND_OPT__COUNT] = {
#define COMMAND_OPTION_INFO(e, l, s, k, v, lo, hi, ch, h)		\
	[COMMAND_OPT_##e] = { .name = l, .letter = s, .kind = k,	\
	    .value = v, .min = lo, .max = hi, .choices = ch, .help = h },
	COMMAND_OPTION_TABLE(COMMAND_OPTION_INFO)
#undef COMMAND_OPTION_INFO
};

const struct command_option_info *
cli_option_info(enum command_option o)
{
	return &cli_options[o];
}

/*
 * An error in the options of cmd: "charta: CMD: MESSAGE", or without the
 * command's name for the reader's options (charta [OPTION]... [REF]).
 */
static void __attribute__((format(printf, 2, 3)))
cli_option_error(const struct command *cmd, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	if (cmd->cli != NULL)
		output_error("%s: %s", cmd->name, msg ? msg : "");
	else
		output_error("%s", msg ? msg : "");
	free(msg);
}

/* Does cmd take option o?  (--help goes with every command.) */
static bool
cli_takes(const struct command *cmd, enum command_option o)
{
	size_t	k;

	if (o == COMMAND_OPT_HELP)
		return true;
	for (k = 0; k < COMMAND_MAX_OPTIONS && cmd->options[k] !=
	    COMMAND_OPT_NONE; k++)
		if (cmd->options[k] == o)
			return true;
	return false;
}

/*
 * The option "--name" (name[0..len)) or "-c" (letter c), or NONE.  Two
 * options may share a name if no command takes both (--format: tables
 * for list, toc, search and compare, citations for cite): the one cmd
 * takes wins.
 */
static enum command_option
cli_lookup(const struct command *cmd, const char *name, size_t len,
    int letter)
{
	int	o, first = COMMAND_OPT_NONE;

	for (o = 1; o < COMMAND_OPT__COUNT; o++) {
		if ((letter != 0 && cli_options[o].letter == letter) ||
		    (letter == 0 && strlen(cli_options[o].name) == len &&
		    strncmp(cli_options[o].name, name, len) == 0)) {
			if (cli_takes(cmd, (enum command_option)o))
				return (enum command_option)o;
			if (first == COMMAND_OPT_NONE)
				first = o;
		}
	}
	return (enum command_option)first;
}

/* Check value v of option o and store it; -1 after an error. */
static int
cli_store(const struct command *cmd, enum command_option o, const char *v,
    struct cli_ctx *ctx)
{
	const struct command_option_info	*oi = &cli_options[o];
	const char				*p;
	char					*end;
	long					 n = 0;
	size_t					 len = strlen(v);

	switch (oi->kind) {
	case COMMAND_NUMBER:
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || n < oi->min || n > oi->max) {
			cli_option_error(cmd, _("invalid value '%s' for --%s (a "
			    "number from %ld to %ld)"), v, oi->name,
			    oi->min, oi->max);
			return -1;
		}
		break;
	case COMMAND_CHOICE:
		for (p = oi->choices; *p != '\0'; p += strcspn(p, " "),
		    p += *p == ' ')
			if (strcspn(p, " ") == len && strncmp(p, v, len) == 0)
				break;
		if (len == 0 || *p == '\0') {
			cli_option_error(cmd, _("invalid value '%s' for --%s "
			    "(one of: %s)"), v, oi->name,
			    oi->choices);
			return -1;
		}
		break;
	default:
		break;
	}
	ctx->opt[o] = v;
	switch (o) {
	case COMMAND_OPT_DB:
		ctx->db_path = v;
		break;
	case COMMAND_OPT_WIDTH:
		ctx->width = (int)n;
		break;
	case COMMAND_OPT_RAW:
		ctx->raw = true;
		break;
	case COMMAND_OPT_COUNT:
		ctx->count = true;
		break;
	case COMMAND_OPT_WORDS:
		ctx->words = true;
		break;
	case COMMAND_OPT_STATS:
		ctx->stats = true;
		break;
	default:
		break;
	}
	return 0;
}

/*
 * Read the option in w (and perhaps the next word, *i += 1).  Returns 1 if
 * w is an option (stored), 0 if it is not an option at all (an argument,
 * where the command allows "-word" arguments), -1 after an error.
 */
static int
cli_option(const struct command *cmd, char **words, int n, int *i,
    struct cli_ctx *ctx)
{
	const char		*w = words[*i], *eq, *v;
	enum command_option	 o;
	size_t			 len;
	bool			 is_long = w[1] == '-';

	if (is_long) {
		eq = strchr(w + 2, '=');
		len = eq ? (size_t)(eq - (w + 2)) : strlen(w + 2);
		o = cli_lookup(cmd, w + 2, len, 0);
	} else {
		eq = NULL;
		o = cli_lookup(cmd, NULL, 0, (unsigned char)w[1]);
		/*
		 * A value stuck to a short option: "-w72".  Where "-word" may
		 * be an argument ("-doc:mfa" in a query) only a number counts
		 * as one; a flag never takes one.
		 */
		if (o != COMMAND_OPT_NONE && w[2] != '\0' &&
		    (cli_options[o].kind == COMMAND_FLAG ||
		    ((cmd->flags & COMMAND_DASH_ARGS) &&
		    (cli_options[o].kind != COMMAND_NUMBER ||
		    strspn(w + 2, "0123456789") != strlen(w + 2)))))
			o = COMMAND_OPT_NONE;
	}
	if (o != COMMAND_OPT_NONE && !cli_takes(cmd, o) &&
	    (cmd->flags & COMMAND_DASH_ARGS) && !is_long)
		o = COMMAND_OPT_NONE;
	if (o == COMMAND_OPT_NONE) {
		if ((cmd->flags & COMMAND_DASH_ARGS) && !is_long)
			return 0;
		cli_option_error(cmd, _("unknown option '%s'"), w);
		return -1;
	}
	if (!cli_takes(cmd, o)) {
		cli_option_error(cmd, _("option '%s' does not apply to this "
		    "command"), w);
		return -1;
	}
	if (cli_options[o].kind == COMMAND_FLAG) {
		if (eq != NULL) {
			cli_option_error(cmd, _("option '--%s' takes no value"),
			    cli_options[o].name);
			return -1;
		}
		return cli_store(cmd, o, "", ctx) == 0 ? 1 : -1;
	}
	if (eq != NULL)
		v = eq + 1;
	else if (!is_long && w[2] != '\0')
		v = w + 2;
	else if (*i + 1 < n)
		v = words[++*i];
	else {
		cli_option_error(cmd, _("option '%s' needs a value"), w);
		return -1;
	}
	return cli_store(cmd, o, v, ctx) == 0 ? 1 : -1;
}

int
cli_parse_options(const struct command *cmd, char **pre, int npre,
    char **argv, int argc, struct cli_ctx *ctx)
{
	int	i, r;
	bool	dashes = false;

	ctx->cmd = cmd;
	for (i = 0; i < npre; i++) {
		r = cli_option(cmd, pre, npre, &i, ctx);
		if (r == 0)
			cli_option_error(cmd, _("unknown option '%s'"), pre[i]);
		if (r != 1)
			return -1;
	}
	ctx->argc = 0;
	ctx->argv = argv;
	for (i = 0; i < argc; i++) {
		if (!dashes && strcmp(argv[i], "--") == 0) {
			dashes = true;
			continue;
		}
		if (!dashes && argv[i][0] == '-' && argv[i][1] != '\0') {
			r = cli_option(cmd, argv, argc, &i, ctx);
			if (r == -1)
				return -1;
			if (r == 1)
				continue;
		}
		/* Arguments keep their order, packed at the front. */
		argv[ctx->argc++] = argv[i];
	}
	return 0;
}

/* "  -w, --width=N" padded to the help column, then the help. */
static void
cli_print_option(enum command_option o)
{
	const struct command_option_info	*oi = &cli_options[o];
	char					*head;

	if (oi->letter != 0)
		head = xasprintf("  -%c, --%s%s%s", oi->letter, oi->name,
		    oi->value ? "=" : "", oi->value ? oi->value : "");
	else
		head = xasprintf("      --%s%s%s", oi->name,
		    oi->value ? "=" : "", oi->value ? oi->value : "");
	printf("%-24s %s\n", head, _(oi->help));
	free(head);
}

void
cli_usage_hint(const struct command *cmd)
{
	if (cmd != NULL && cmd->cli != NULL)
		fprintf(stderr, _("Try 'charta %s --help' for more "
		    "information.\n"), cmd->name);
	else
		fprintf(stderr, _("Try 'charta --help' for more "
		    "information.\n"));
}

/* The commands of the command line (or of the reader), one a line. */
static void
cli_list_commands(bool reader)
{
	const struct command	*c;
	char			*head;
	size_t			 i;

	for (i = 0; i < command_count; i++) {
		c = &command_table[i];
		if (reader ? c->tui == NULL : c->cli == NULL)
			continue;
		head = xasprintf("%s%s%s", c->name, *c->synopsis ? " " : "",
		    c->synopsis);
		printf("  %-22s %s\n", head, _(c->summary));
		free(head);
	}
}

void
cli_help(void)
{
	printf(_("Usage: charta [OPTION]... [COMMAND [ARGUMENT]...]\n"));
	printf(_("Read, search and compare the texts of the International "
	    "Strategy of\nCooperation on Cyberspace and the documents around "
	    "it.\n"));
	printf(_("\nWith no COMMAND, open the interactive reader.\n"));
	printf(_("\nCommands:\n"));
	cli_list_commands(false);
	printf(_("\nCommands of the reader (type ':' first):\n"));
	cli_list_commands(true);
	printf(_("\nOptions:\n"));
	cli_print_option(COMMAND_OPT_DB);
	cli_print_option(COMMAND_OPT_HELP);
	printf(_("  -V, --version          output version information and "
	    "exit\n"));
	printf(_("\nEach command takes its own options: 'charta COMMAND "
	    "--help' lists them.\n"));
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

/*
 * Print text folded at 78 columns by display width (a translation may be
 * CJK), each line indented by indent spaces.
 */
static void
cli_print_folded(const char *text, size_t indent)
{
	struct text_line	*lines;
	size_t			 n, k;

	n = text_wrap(text, strlen(text), 78 - indent, &lines);
	for (k = 0; k < n; k++)
		printf("%*s%.*s\n", (int)indent, "", (int)lines[k].len,
		    text + lines[k].off);
	free(lines);
}

void
cli_command_help(const struct command *cmd)
{
	size_t	k;

	printf(_("Usage: charta %s [OPTION]... %s\n"), cmd->name,
	    cmd->synopsis);
	cli_print_folded(_(cmd->help), 0);
	printf(_("\nOptions:\n"));
	for (k = 0; k < COMMAND_MAX_OPTIONS && cmd->options[k] !=
	    COMMAND_OPT_NONE; k++)
		cli_print_option(cmd->options[k]);
	cli_print_option(COMMAND_OPT_HELP);
}

/* `charta help [COMMAND]`. */
int
cmd_help_exec(struct cli_ctx *ctx)
{
	const struct command	*cmd;

	if (ctx->argc == 0) {
		cli_help();
		return EXIT_FOUND;
	}
	cmd = command_find(ctx->argv[0]);
	if (cmd == NULL || cmd->cli == NULL) {
		output_error(_("no command '%s' (try 'charta --help')"),
		    ctx->argv[0]);
		return EXIT_USAGE;
	}
	cli_command_help(cmd);
	return EXIT_FOUND;
}
