/*
 * cli.h -- the command line.  Each subcommand is one file (cmd-NAME.c)
 * exporting its handler; src/cli/commands.c is the one table that names
 * them (with the reader's `:` commands), and args.c reads the options
 * every command takes from that table.  main.c only finds the command and
 * runs it.
 */
#ifndef CHARTA_CLI_H
#define CHARTA_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "util/command.h"

struct corpus;
struct state;

/* What every command gets: the options and the arguments after its name. */
struct cli_ctx {
	const struct command	*cmd;
	/* every option given, by COMMAND_OPT_x: its value, "" for a flag */
	const char		*opt[COMMAND_OPT__COUNT];
	const char		*db_path;	/* --db, or NULL */
	int			 width;		/* -w N; 0 if not given */
	bool			 raw;		/* --raw */
	bool			 count;		/* --count */
	bool			 words;		/* --words */
	bool			 stats;		/* --stats */
	int			 argc;		/* arguments after the name */
	char			**argv;
	struct corpus		*corpus;	/* loaded if COMMAND_CORPUS */
};

/* The command table (commands.c): every command, in the order of --help. */
extern const struct command	command_table[];
extern const size_t		command_count;

/* The command named (or aliased) name, or NULL. */
const struct command *command_find(const char *name);

/* The facts of option o (from COMMAND_OPTION_TABLE). */
const struct command_option_info *cli_option_info(enum command_option o);

/*
 * Read the options and arguments of argv[0..argc) (the words after the
 * command's name, or before it: pre[0..npre)) for cmd into ctx: options
 * anywhere, "--" ending them; an option the command does not take is an
 * error naming the command; with COMMAND_DASH_ARGS a "-word" that is no
 * option is an argument.  Returns 0, or -1 after printing the error.
 */
int	cli_parse_options(const struct command *cmd, char **pre, int npre,
	    char **argv, int argc, struct cli_ctx *ctx);

/* `charta --help`: the commands and the options common to all. */
void	cli_help(void);
/* `charta COMMAND --help`: its usage, help and options. */
void	cli_command_help(const struct command *cmd);
/* "Try 'charta --help' (or 'charta COMMAND --help')..." on stderr. */
void	cli_usage_hint(const struct command *cmd);

/* The subcommands (cmd-*.c); each returns the exit status. */
int	cmd_list_exec(struct cli_ctx *);
int	cmd_toc_exec(struct cli_ctx *);
int	cmd_show_exec(struct cli_ctx *);
int	cmd_search_exec(struct cli_ctx *);
int	cmd_compare_exec(struct cli_ctx *);
int	cmd_import_exec(struct cli_ctx *);
int	cmd_help_exec(struct cli_ctx *);
int	cmd_notes_exec(struct cli_ctx *);
int	cmd_marks_exec(struct cli_ctx *);

/* `charta notes --import FILE` (cmd-notes-import.c, for cmd-notes.c). */
int	cmd_notes_import(struct cli_ctx *, const char *file);

/*
 * Open the user's state (state_open, the default place) for a command
 * and wait until its contents are in.  With create false (only reading),
 * no file is made: if there is none, returns NULL with *none true.
 * Otherwise returns the state, or NULL after printing why there is none
 * (a refused place, a file locked for long).  Messages of the state (a
 * damaged file moved aside) are printed.
 */
struct state	*cli_state_open(bool create, bool *none);

/*
 * Commit the changes (waiting for a lock to go, within reason) and close
 * st.  Returns 0; or -1 after printing how many changes were not saved
 * and the file they were written to instead.  NULL is a no-op.
 */
int	cli_state_close(struct state *);

/*
 * Find the corpus database: path if not NULL, else $CHARTA_DB, else the
 * build tree's data/corpus.db when charta runs from its build tree, else
 * the installed one in $(pkgdatadir).  Returns a new string.
 */
char	*cli_corpus_path(const char *path);

/*
 * Resolve ref in the loaded corpus; on failure print a message naming the
 * reference (and what it could have meant) and return CORPUS_NONE.
 */
unsigned int	cli_resolve(const struct corpus *, const char *ref);

#endif /* CHARTA_CLI_H */
