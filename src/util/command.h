/*
 * command.h -- the shape of an entry of charta's one command table.
 *
 * Every `:` command of the reader and every subcommand of the command line
 * is one struct command (the table is src/cli/commands.c).  From it come
 * the dispatch on both sides, `charta --help`, `charta COMMAND --help`,
 * the reader's `?` screen and its Tab completion; tests/doc-check.sh
 * checks the manual page against it.  The options of the command line are
 * one table too (COMMAND_OPTION_TABLE below): a command lists which of
 * them it takes, and the parser refuses the others, naming the command.
 *
 * Only types live here, so that both ui/ and cli/ can see them without
 * seeing each other.
 */
#ifndef CHARTA_COMMAND_H
#define CHARTA_COMMAND_H

#include <stdbool.h>

struct app;
struct cli_ctx;

/* What an argument is, for completion and for the synopsis. */
enum command_arg {
	COMMAND_ARG_NONE = 0,
	COMMAND_ARG_REF,	/* a reference: mfa:IV.5 */
	COMMAND_ARG_QUERY,	/* query words */
	COMMAND_ARG_FILE,	/* a file name */
	COMMAND_ARG_COMMAND,	/* a command's name */
	COMMAND_ARG_MARK,	/* a mark's name */
	COMMAND_ARG_WORD,	/* anything else */
};

/* How an option's value is read. */
enum command_value {
	COMMAND_FLAG,		/* no value */
	COMMAND_NUMBER,		/* an integer from min to max */
	COMMAND_CHOICE,		/* one of the words in choices */
	COMMAND_STRING,		/* any text */
};

/*
 * The options of the command line:
 * X(ENUM, long name, short letter or 0, value kind, value name, min, max,
 *   choices, help)
 * The help is one line, marked for translation; --help lays it out.
 */
#define COMMAND_OPTION_TABLE(X)						\
	X(DB, "db", 'd', COMMAND_STRING, "PATH", 0, 0, NULL,		\
	    N_("read the corpus database at PATH"))			\
	X(WIDTH, "width", 'w', COMMAND_NUMBER, "N", 10, 10000, NULL,	\
	    N_("wrap text at N columns"))					\
	X(RAW, "raw", 0, COMMAND_FLAG, NULL, 0, 0, NULL,		\
	    N_("do not make control characters visible"))		\
	X(COLOR, "color", 0, COMMAND_CHOICE, "WHEN", 0, 0,		\
	    "auto always never",					\
	    N_("colour: auto (a terminal, no NO_COLOR), always, never")) \
	/* --format of list, toc, search, compare; cite has its own */	\
	X(TABLE_FORMAT, "format", 0, COMMAND_CHOICE, "FORMAT", 0, 0,	\
	    "text tsv json",						\
	    N_("print as text, tab-separated values (tsv) or JSON")) \
	X(COUNT, "count", 0, COMMAND_FLAG, NULL, 0, 0, NULL,		\
	    N_("print how many match in each document"))		\
	X(WORDS, "words", 0, COMMAND_FLAG, NULL, 0, 0, NULL,		\
	    N_("mark the words that differ"))				\
	X(STATS, "stats", 0, COMMAND_FLAG, NULL, 0, 0, NULL,		\
	    N_("print only the share of shared words"))			\
	X(FORMAT, "format", 0, COMMAND_CHOICE, "FORMAT", 0, 0,		\
	    "plain chicago bibtex csl-json markdown",			\
	    N_("citation format: plain, chicago, bibtex, csl-json, markdown")) \
	X(TEXT, "text", 0, COMMAND_FLAG, NULL, 0, 0, NULL,		\
	    N_("the passage's text too, with its citation"))		\
	X(QUIET, "quiet", 'q', COMMAND_FLAG, NULL, 0, 0, NULL,		\
	    N_("print no warnings"))					\
	X(ENCODING, "encoding", 0, COMMAND_STRING, "NAME", 0, 0, NULL,	\
	    N_("read the files in encoding NAME (see iconv -l)"))	\
	X(HELP, "help", 'h', COMMAND_FLAG, NULL, 0, 0, NULL,		\
	    N_("display this help and exit"))

enum command_option {
	COMMAND_OPT_NONE = 0,
#define COMMAND_OPTION_ENUM(e, l, s, k, v, lo, hi, ch, h)	COMMAND_OPT_##e,
	COMMAND_OPTION_TABLE(COMMAND_OPTION_ENUM)
#undef COMMAND_OPTION_ENUM
	COMMAND_OPT__COUNT
};

/* The facts of one option, from COMMAND_OPTION_TABLE. */
struct command_option_info {
	const char		*name;		/* long name, without "--" */
	int			 letter;	/* short name, or 0 */
	enum command_value	 kind;
	const char		*value;		/* "N", "PATH"; NULL for flags */
	long			 min;
	long			 max;
	const char		*choices;	/* "auto always never" */
	const char		*help;		/* untranslated (N_) */
};

/* Flags of a command. */
#define COMMAND_CORPUS		0x1	/* the CLI side needs the corpus */
#define COMMAND_DASH_ARGS	0x2	/* "-word" is an argument (queries) */

#define COMMAND_MAX_ALIASES	3
#define COMMAND_MAX_OPTIONS	12

struct command {
	const char		*name;
	const char		*aliases[COMMAND_MAX_ALIASES];
	const char		*synopsis;	/* "REF [REF]" */
	/* kinds of the first, second and any further arguments */
	enum command_arg	 args[3];
	int			 min_args;
	int			 max_args;	/* -1: any number */
	unsigned int		 flags;
	const char		*summary;	/* one line, N_() */
	const char		*help;		/* a paragraph, N_() */
	/* the CLI options it takes, ended by COMMAND_OPT_NONE */
	enum command_option	 options[COMMAND_MAX_OPTIONS];
	/* the subcommand; NULL if there is none */
	int			(*cli)(struct cli_ctx *);
	/* the `:` command; NULL if there is none */
	void			(*tui)(struct app *, int argc, char **argv);
};

#endif /* CHARTA_COMMAND_H */
