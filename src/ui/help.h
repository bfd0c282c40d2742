/*
 * help.h -- the lines of the help screen, made from the key table
 * (keymap.h, with the bindings of the moment) and the command table, so
 * that the help always tells the keys and commands as they are.  No
 * curses here: the unit tests read the lines.
 */
#ifndef CHARTA_HELP_H
#define CHARTA_HELP_H

#include <stdbool.h>
#include <stddef.h>

struct command;

struct help_line {
	char		*keys;		/* malloc'ed; NULL for a heading */
	const char	*text;		/* translated */
};

struct help {
	struct help_line	*lines;
	size_t			 n;
	size_t			 cap;
};

/*
 * Fill h with the help: each group of requests under its heading (its
 * keys as bound now, its help text), then the reader's commands of
 * commands[0..ncommands) (those with a tui handler), then the queries.
 */
void	help_build(struct help *h, const struct command *commands,
	    size_t ncommands);
/* Free what help_build made. */
void	help_free(struct help *h);

#endif /* CHARTA_HELP_H */
