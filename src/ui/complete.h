/*
 * complete.h -- Tab completion in the prompt: command names and, after a
 * command, its arguments of the kinds the command table gives (references
 * now); a reference prompt completes references.  One candidate is
 * completed at once; several are completed to what they share and listed
 * in a small view over the text, which Tab then walks.
 */
#ifndef CHARTA_COMPLETE_H
#define CHARTA_COMPLETE_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct command;

/*
 * Complete the prompt's text: a `:` command line if command_line, else a
 * reference.  commands[0..ncommands) is the command table.
 */
void	complete_open(struct app *, bool command_line,
	    const struct command *commands, size_t ncommands);

#endif /* CHARTA_COMPLETE_H */
