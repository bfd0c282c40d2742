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
#include <stdint.h>

#include "util/command.h"

struct corpus;
struct stats_vocab;
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
int	cmd_cite_exec(struct cli_ctx *);
int	cmd_links_exec(struct cli_ctx *);
int	cmd_remove_exec(struct cli_ctx *);
int	cmd_help_exec(struct cli_ctx *);
int	cmd_kwic_exec(struct cli_ctx *);
int	cmd_stats_exec(struct cli_ctx *);
int	cmd_collocates_exec(struct cli_ctx *);
int	cmd_keyness_exec(struct cli_ctx *);

/*
 * Read the stop word list (stats_stopwords_path: the user's, or the one
 * shipped) into stop, which the caller frees with stats_vocab_free; on an
 * error print it, naming the file and line, and return -1.
 */
int	cli_stopwords(struct stats_vocab *stop);
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

/* The file name of the user's own corpus in charta's user directory. */
#define CLI_USER_CORPUS	"corpus.db"

/*
 * The user's own corpus: $XDG_DATA_HOME/charta/corpus.db (XDG_DATA_HOME
 * if absolute, else ~/.local/share).  create: make the directory if need
 * be (to write it), checked as userdir_path does.  Returns a new string,
 * or NULL (with a message in *err when create) if there is no place for it.
 */
char	*cli_user_corpus_path(bool create, char **err);

/*
 * Load the corpus into ctx->corpus: the one --db names, or the shipped
 * one (cli_corpus_path) with the user's own after it.  What the user
 * should know (their corpus left out, a corpus opened immutable) is
 * printed; on failure the error is, and -1 returned.
 */
int	cli_corpus_load(struct cli_ctx *ctx);

/*
 * The corpus a command may read as it streams by, without loading it: the
 * file --db names, or the shipped corpus when the user has none of their
 * own (malloc'ed); NULL when it is more than one corpus.
 */
char	*cli_stream_path(const struct cli_ctx *ctx);

/* How many sections and blocks document d of c has. */
void	cli_doc_counts(const struct corpus *c, uint32_t d, size_t *sections,
	    size_t *blocks);
/*
 * "3 sections and 12 paragraphs", in the user's language with the right
 * plurals; the caller frees it.
 */
char	*cli_doc_size(size_t sections, size_t blocks);

/*
 * A new corpus made of old (NULL: none) and fresh (NULL: none): old's
 * documents in their order, less those whose slug is in remove[0..nremove),
 * each replaced by fresh's document of the same slug where there is one;
 * then fresh's other documents; then old's links whose two ends still
 * resolve (by reference) -- each one dropped is named, a line, in
 * warnings.  corpus_finish has been called; if it found a clash, the
 * links are not added and the caller calls corpus_finish again to name it.
 */
struct text_buf;
struct corpus	*cli_corpus_rebuild(const struct corpus *old,
		    const struct corpus *fresh, char **remove, int nremove,
		    struct text_buf *warnings);

/* Print each line of lines (NULL: none) as output_error does. */
void	cli_print_lines(const char *lines);

/*
 * Where the message catalogs are: $CHARTA_LOCALEDIR if set and not
 * empty, else the build tree's po/locale when charta runs from its build
 * tree (`make` puts them there), else the installed LOCALEDIR.
 */
const char	*cli_locale_dir(void);

/*
 * Resolve ref in the loaded corpus; on failure print a message naming the
 * reference (and what it could have meant) and return CORPUS_NONE.
 */
unsigned int	cli_resolve(const struct corpus *, const char *ref);

#endif /* CHARTA_CLI_H */
