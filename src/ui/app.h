/*
 * app.h -- the reader's own state: the view stack, the prompt, the
 * message, the filter's query, the index and the user's state.  Private
 * to the app*.c files; views see only view.h.
 */
#ifndef CHARTA_APP_H
#define CHARTA_APP_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/prompt.h"
#include "ui/view.h"

/* Below this size only a notice is shown. */
#define APP_MIN_COLS	20
#define APP_MIN_LINES	5
/* Messages kept for :messages. */
#define APP_MAX_MESSAGES	200

struct app {
	const struct corpus	*c;
	const struct command	*commands;	/* the command table */
	size_t			 ncommands;

	struct view		*stack[APP_MAX_VIEWS];
	size_t			 nviews;

	bool			 quit;
	int			 status;	/* exit status */
	bool			 too_small;
	bool			 started;	/* the first screen is out */
	int			 prefix;	/* pending first key of "zM" */
	bool			 idle_again;	/* a view has idle work left */
	/*
	 * Keys typed ahead were answered on the first documents' screen
	 * (ui-run.c): the first screen is theirs, not one drawn before them.
	 */
	bool			 keys_first;
	/* Only the first documents are loaded: results say "so far". */
	bool			 partial;

	/* The status line's message, and every message of the session. */
	char			*message;
	bool			 message_error;
	char			*messages[APP_MAX_MESSAGES];
	bool			 messages_error[APP_MAX_MESSAGES];
	size_t			 nmessages;	/* kept (the newest last) */

	/* The prompt and who asked for it. */
	struct prompt		 pr;
	const struct prompt_client *prc;
	void			*prc_arg;
	char			**history;	/* the client's, newest first */
	size_t			 nhistory;
	size_t			 history_pos;	/* 0: the text being typed */

	/* The filter's query, shared by every view. */
	struct query		*query;
	struct query		*query_prev;	/* the one before */
	char			*query_text;
	unsigned long		 query_gen;
	struct view		*filter_view;	/* the view "/" was typed in */
	bool			 filter_dirty;	/* typed, not yet parsed */

	/* The folded index, built on a thread after the first screen. */
	struct index		*ix;
	bool			 ix_building;
	atomic_bool		 ix_done;	/* set by the thread */
	pthread_t		 ix_thread;
	int			 wake[2];	/* workers wake the loop */

	struct state		*state;		/* NULL: no state kept */
	bool			 state_tried;	/* state_open was called */
	bool			 state_told;	/* views know it is loaded */
	/* app_state_open_first: keys wait for it until then. */
	struct timespec		 keys_wait_start;
	int			 keys_wait_ms;	/* 0: they do not */
	char			*(*notes_fn)(void *, uint32_t);
	void			*notes_arg;
};

/*
 * A request, from the top of the stack down: a view handles it, or passes
 * it to the view below if it lets requests through, or to the global
 * requests.  Returns false if nothing handled it.
 */
bool	app_dispatch(struct app *, enum request);
/* Handle a global request (nothing on the stack took it), or false. */
bool	app_global_request(struct app *, enum request);
/*
 * Handle a key as the loop does: a paste marker, the top view's own key,
 * the prompt's, or a request from the key bindings.
 */
void	app_key(struct app *, int ch, bool is_func);
/* A key typed while the prompt is open. */
void	app_prompt_key(struct app *, int ch, bool is_func);
/*
 * Pasted text s[0..n) into the open prompt, as text (prompt_paste), and
 * its client told of the change.  Returns the number of bytes taken.
 */
size_t	app_prompt_paste(struct app *, const char *s, size_t n);
/*
 * If the key code is a bracketed paste's marker (screen_paste_key), take
 * it and return true: after a beginning, read the paste to its end and
 * give it to the prompt, or drop it, saying so, if no prompt is open; an
 * end alone is nothing.  Otherwise return false.
 */
bool	app_paste(struct app *, int code);
/* Close the prompt (cancel, Enter) and forget its client. */
void	app_prompt_close(struct app *);
/* Close the prompt that gets no answer: its client's cancel is called. */
void	app_prompt_abandon(struct app *);
/* True if the prompt open is the filter's. */
bool	app_filter_prompt_open(const struct app *);
/* Open the filter prompt for the top view. */
void	app_filter_open(struct app *);
/* Parse what was typed into the filter, if it changed, and tell the view. */
void	app_filter_settle(struct app *);
/* Free the query and the index. */
void	app_filter_free(struct app *);
/* Start building the index on a thread. */
void	app_index_prepare(struct app *);
/* Wait for the index thread to finish. */
void	app_index_wait(struct app *);
/* The pipe workers write to when they are done (-1 if none). */
int	app_wake_fd(const struct app *);
/* A worker wrote to the pipe: empty it and collect what is done. */
void	app_woken(struct app *);

/* Lay every view out again for the screen's size. */
void	app_resize(struct app *);

/*
 * Run the loop on the views already pushed until the user quits or a
 * signal ends it; then restore the terminal and free everything.
 * Returns the exit status (see ui_run).
 */
int	app_run(struct app *);

/* Take in what the state store reports, and tell the views. */
void	app_state_events(struct app *);
/*
 * Open the user's state (once: later calls do nothing) and wait up to
 * wait_ms for its contents, which the views are told of, so that a first
 * screen drawn after it is at the reading position kept.  A state that
 * is slower (locked by another process) is told of when it comes.
 * Warnings go to the status line.
 */
void	app_state_open(struct app *, int wait_ms);
/*
 * The same for the first screen, without waiting for the contents when
 * peek(arg) can give the first screen what it shows of them (a look into
 * the file: reader_peek) and returns true; the first key then waits for
 * them (app_state_settle) until wait_ms from now, as the first screen
 * would have: what the keys do is done on the whole state.
 */
void	app_state_open_first(struct app *, int wait_ms,
	    bool (*peek)(void *), void *arg);
/* Before a key is handled: wait for the state as app_state_open_first says. */
void	app_state_settle(struct app *);
/* A message for after the terminal is restored (stderr, sanitized). */
void	app_report(const char *msg);

/* Draw the whole screen into curses' buffer. */
void	app_draw(struct app *);

/* Free every kept message. */
void	app_messages_free(struct app *);

#endif /* CHARTA_APP_H */
