/*
 * cli.h -- the command-line commands.  Each command is one file
 * (cmd-NAME.c) that fills in one struct cli_cmd; main.c only parses the
 * options, finds the command in cli_cmds[] and runs it.
 */
#ifndef CHARTA_CLI_H
#define CHARTA_CLI_H

#include <stdbool.h>

struct corpus;

/* What every command gets: the options and the arguments after its name. */
struct cli_ctx {
	const char	*db_path;	/* --db, or NULL */
	int		 width;		/* -w N; 0 if not given */
	bool		 raw;		/* --raw */
	bool		 count;		/* --count */
	bool		 words;		/* --words */
	bool		 stats;		/* --stats */
	int		 argc;		/* arguments after the command name */
	char		**argv;
	struct corpus	*corpus;	/* loaded if the command needs it */
};

struct cli_cmd {
	const char	*name;
	const char	*args;		/* argument synopsis, e.g. "REF" */
	const char	*summary;	/* one line, marked N_() */
	int		 min_args;
	int		 max_args;	/* -1: any number */
	bool		 needs_corpus;
	int		(*exec)(struct cli_ctx *);	/* returns exit status */
};

extern const struct cli_cmd	cmd_list_entry;
extern const struct cli_cmd	cmd_toc_entry;
extern const struct cli_cmd	cmd_show_entry;
extern const struct cli_cmd	cmd_import_entry;
extern const struct cli_cmd	cmd_search_entry;
extern const struct cli_cmd	cmd_compare_entry;

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
