/*
 * ui.h -- the interactive reader, as the command line sees it.
 */
#ifndef CHARTA_UI_H
#define CHARTA_UI_H

struct corpus;

/*
 * Run the reader on c until the user quits or a signal ends it, opening at
 * node start (CORPUS_NONE: the first document).  The terminal is restored
 * before it returns.  Returns the exit status (0; 129 after a hang-up, 130
 * after Ctrl-C, 131 after Ctrl-\ (SIGQUIT), 143 after SIGTERM), or -1
 * with a message in *err if the terminal cannot run the reader (then
 * nothing was drawn).
 */
int	ui_run(const struct corpus *c, unsigned int start, char **err);

#endif /* CHARTA_UI_H */
