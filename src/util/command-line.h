/*
 * command-line.h -- a `:` command line cut into words: blanks separate
 * words, except inside double quotes, which stay part of their word (so
 * that a query argument such as "shared future" reaches its command as
 * typed).
 */
#ifndef CHARTA_COMMAND_LINE_H
#define CHARTA_COMMAND_LINE_H

struct command_line {
	int	  argc;
	char	**argv;		/* argc words, then NULL */
};

/* Cut line into words (an unclosed quote runs to the end of the line). */
void	command_line_split(struct command_line *, const char *line);
/* Free the words; the struct may be used again. */
void	command_line_free(struct command_line *);

#endif /* CHARTA_COMMAND_LINE_H */
