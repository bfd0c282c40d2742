/*
 * ui.h -- the interactive reader, as the command line sees it.
 */
#ifndef CHARTA_UI_H
#define CHARTA_UI_H

#include <stddef.h>

struct app;
struct command;
struct corpus;

/*
 * Run the reader on c until the user quits or a signal ends it, opening at
 * node start (CORPUS_NONE: the first document), with the `:` commands of
 * commands[0..ncommands) (the command table; entries without a tui
 * handler are not the reader's).  The terminal is restored
 * before it returns.  Returns the exit status (0; 129 after a hang-up, 130
 * after Ctrl-C, 131 after Ctrl-\ (SIGQUIT), 143 after SIGTERM), or -1
 * with a message in *err if the terminal cannot run the reader (then
 * nothing was drawn).
 */
int	ui_run(const struct corpus *c, unsigned int start,
	    const struct command *commands, size_t ncommands, char **err);

/*
 * The same, at the first document, for a corpus not loaded yet: the first
 * screen is drawn from head (the corpus's first whole documents, as
 * store_load_head gives them; the caller keeps and frees it), then rest
 * is called on a thread, which loads the whole corpus and returns it (the
 * caller frees it after ui_run_staged returns) with what the user should
 * be told of it in *notes (malloc'ed, or NULL; shown on the status line),
 * or NULL with a message in *err; rest must not touch what the caller's
 * thread uses.  Meanwhile a filter typed is answered on head, its count
 * saying "so far"; every key typed meanwhile goes, in order, to the
 * reader of the whole corpus, whose first screen is the one drawn (or,
 * after a filter typed, the answer to it).  When the reading position
 * kept is in a document head lacks, at (if not NULL) is asked for that
 * document alone, as a corpus ui_run_staged frees, to draw the first
 * screen from.  Returns as ui_run; -1 with
 * rest's *err when it failed (the terminal is restored).  rest is not
 * called when the terminal cannot run the reader.
 */
int	ui_run_staged(const struct corpus *head,
	    const struct corpus *(*rest)(void *arg, char **notes, char **err),
	    struct corpus *(*at)(void *arg, const char *slug), void *arg,
	    const struct command *commands, size_t ncommands, char **err);

/*
 * The reader's `:` commands, for the command table (argv[0..argc) are the
 * words after the command's name, already counted against its
 * min_args/max_args).
 */
void	ui_cmd_goto(struct app *, int argc, char **argv);
void	ui_cmd_compare(struct app *, int argc, char **argv);
void	ui_cmd_help(struct app *, int argc, char **argv);
void	ui_cmd_messages(struct app *, int argc, char **argv);
void	ui_cmd_marks(struct app *, int argc, char **argv);
void	ui_cmd_notes(struct app *, int argc, char **argv);
void	ui_cmd_quit(struct app *, int argc, char **argv);
void	ui_cmd_kwic(struct app *, int argc, char **argv);
void	ui_cmd_stats(struct app *, int argc, char **argv);
void	ui_cmd_keyness(struct app *, int argc, char **argv);
void	ui_cmd_links(struct app *, int argc, char **argv);

/*
 * The citation format the config file's `set cite-format` names (an enum
 * cite_format, cite/cite.h; plain if it names none), for `charta cite`.
 * Returns 0, or -1 with "PATH:LINE: message" (malloc'ed) in *err if the
 * config file has an error.
 */
int	ui_config_cite_format(int *format, char **err);

#endif /* CHARTA_UI_H */
