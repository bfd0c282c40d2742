/*
 * view.h -- the view core: what a view is, and what the reader (struct
 * app, app.c) does for views.  Every screen of the reader is a view on one
 * stack, after tig's struct view_ops and tmux's window modes: the outline
 * and text at the bottom, and help, the comparison, choosers, lists and
 * the like pushed on top; q or Esc pops back to exactly where the user
 * was, since the view below was never touched.
 *
 * The loop (app.c) knows no view by name.  A key becomes a request through
 * the key map (the top view's own keys first, keymap.h); the top view's
 * request op handles it or passes; a view that lets requests through
 * (pass_down) hands them to the view below; what nobody handles goes to
 * the global requests (quit, help, the command line, ...).  A view is
 * opened by a command of the command table (src/cli/commands.c) or by
 * another view through the command line (app_run_command), so that view
 * files depend on this core and not on each other.
 *
 * Adding a view: a file that fills in a const struct view_ops and opens
 * itself with app_push from its `:` command's handler, plus its line in
 * the command table.  doc/HACKING walks through one.
 */
#ifndef CHARTA_VIEW_H
#define CHARTA_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/keymap.h"

struct app;
struct command;
struct corpus;
struct index;
struct query;
struct state;
struct view;

/* A rectangle of the screen. */
struct view_rect {
	int	y;
	int	x;
	int	h;
	int	w;
};

/* What a view's status op gives the app to draw on the status line. */
struct view_status {
	char	*left;		/* malloc'ed, or NULL: hints or a count */
	char	*right;		/* malloc'ed, or NULL: "42%" */
};

/* What happens to the query while the user types after "/". */
enum view_filter {
	VIEW_FILTER_BEGIN,	/* "/" opened the prompt: remember the place */
	VIEW_FILTER_CHANGED,	/* the query changed (app_query) */
	VIEW_FILTER_KEPT,	/* Enter: the query stays */
	VIEW_FILTER_CANCELLED,	/* Esc: back to the place before "/" */
	VIEW_FILTER_CLEARED,	/* no query any more */
};

/* A mouse event, in screen coordinates. */
struct view_mouse {
	int		y;
	int		x;
	bool		click;		/* button 1 */
	bool		double_click;
	int		wheel;		/* -1 up, 1 down, 0 none */
};

struct view_ops {
	const char	*name;		/* for messages and tests */
	/* bindings of this group (keymap.h) come first in this view */
	enum keymap_group keys;
	/* requests this view does not handle go to the view below */
	bool		 pass_down;
	/* drawn over the view below, which is drawn first */
	bool		 overlay;

	/* Free the view's data (v->data).  Required. */
	void		(*close)(struct view *);
	/*
	 * Lay out for LINES x COLS: after the push and after every resize.
	 * Optional.
	 */
	void		(*resize)(struct view *);
	/*
	 * Draw rows 0 to LINES - 2 (the title line and the body; the status
	 * line is the app's) into curses' buffer.  Required.
	 */
	void		(*draw)(struct view *);
	/* Handle a request; false passes it on.  Required. */
	bool		(*request)(struct view *, enum request);
	/*
	 * A key before the key map sees it (views that take text or
	 * cycle completions); false lets it go on.  Optional.
	 */
	bool		(*key)(struct view *, int ch, bool is_func);
	/* Fill in the status line.  Optional. */
	void		(*status)(struct view *, struct view_status *);
	/* A mouse event inside the screen.  Optional. */
	void		(*mouse)(struct view *, const struct view_mouse *);
	/* The query changed (see enum view_filter).  Optional. */
	void		(*filter)(struct view *, enum view_filter);
	/*
	 * Work left for when no key is waiting (a search slower than the
	 * typing runs once for all the keys typed meanwhile).  Optional.
	 */
	void		(*idle)(struct view *);
	/* The view is on top again (the one above it was popped). Optional. */
	void		(*resume)(struct view *);
	/* The corpus node the view is at, or CORPUS_NONE.  Optional. */
	uint32_t	(*node)(struct view *);
	/*
	 * The user is about to jump elsewhere (a comparison, a link):
	 * remember the place, for the jump list.  Optional.
	 */
	void		(*jump)(struct view *);
	/*
	 * The user's state changed (STATE_EVENT_* bits of store/state.h:
	 * its contents arrived, or a change was saved).  Optional.
	 */
	void		(*state)(struct view *, unsigned events);
	/*
	 * The reader ends (q, a hang-up, a signal): keep what must be kept
	 * (reading positions, a note being edited).  Optional.
	 */
	void		(*quit)(struct view *);
};

struct view {
	const struct view_ops	*ops;
	struct app		*app;
	void			*data;		/* the view's own state */
};

/* The corpus the reader shows. */
const struct corpus	*app_corpus(const struct app *);

/* The command table (src/cli/commands.c) and its size. */
const struct command	*app_commands(const struct app *);
size_t			 app_ncommands(const struct app *);

/* The messages kept (oldest first), for :messages. */
size_t			 app_nmessages(const struct app *);
const char		*app_message_at(const struct app *, size_t k,
			    bool *error);

/*
 * Push a new view with ops and data (owned by the view from now on: ops
 * close frees it) on the stack, lay it out and return it.  At most
 * APP_MAX_VIEWS views: beyond, the push fails with a message, data is
 * freed through ops->close, and NULL is returned.
 */
struct view		*app_push(struct app *, const struct view_ops *,
			    void *data);
#define APP_MAX_VIEWS	16

/* Pop v and every view above it (closing them); the bottom view stays. */
void			 app_pop(struct app *, struct view *v);
/* Pop every view above v, which is then on top. */
void			 app_pop_above(struct app *, struct view *v);

/* The topmost view with these ops, or NULL. */
struct view		*app_find_view(const struct app *,
			    const struct view_ops *);

/* The view under v, or NULL. */
struct view		*app_view_below(const struct app *,
			    const struct view *v);

/*
 * The node the user is at: the node op of the topmost view that has one,
 * or CORPUS_NONE.
 */
uint32_t		 app_current_node(const struct app *);

/*
 * Set the status-line message (printf format; NULL fmt clears it).  Every
 * message is also kept for :messages.  Data in it is sanitized when drawn.
 */
void			 app_message(struct app *, bool error,
			    const char *fmt, ...)
			    __attribute__((format(printf, 3, 4)));

/*
 * Run a `:` command line ("compare mfa:II.2 un:II.2") as if typed: the
 * command table's handler, or a reference to go to.  Returns 0, or -1
 * after a message saying what was wrong.
 */
int			 app_run_command(struct app *, const char *line);

/*
 * The user's notes on node n, as text to show under it (a new string), or
 * NULL: from the view that keeps the notes (the reader registers itself
 * with app_set_notes), for views that show passages (the comparison).
 */
char			*app_notes(const struct app *, uint32_t n);
void			 app_set_notes(struct app *,
			    char *(*fn)(void *, uint32_t), void *arg);

/* The user's notes or marks changed here: every view's state op hears
   VIEW_STUDY_CHANGED. */
#define VIEW_STUDY_CHANGED	0x100
void			 app_note_study_changed(struct app *);

/* Tell every view that keeps a jump list that the user jumps away. */
void			 app_note_jump(struct app *);

/* The end of the reader, with this exit status. */
void			 app_quit(struct app *, int status);

/* The filter's query (NULL if none) and its text ("" if none). */
const struct query	*app_query(const struct app *);
const char		*app_query_text(const struct app *);
/*
 * The query before the last change (NULL if none), alive until the next
 * change: a view whose last search was for it may search only among its
 * matches when query_narrows says the new one narrows it.
 */
const struct query	*app_query_previous(const struct app *);
/* Bumped at every change of the query, so views can tell theirs is old. */
unsigned long		 app_query_generation(const struct app *);
/*
 * True while only a large corpus's first documents are loaded: a search
 * answers "so far" (ui_run_staged).
 */
bool			 app_partial(const struct app *);
/* Drop the query (and tell the top view). */
void			 app_query_clear(struct app *);

/*
 * The folded index of the corpus for searching, or NULL while a thread
 * still builds it (after the first screen).  A view that gets NULL says
 * "indexing..." and tries again in its idle op: the loop wakes up and
 * runs it when the index is ready.
 */
struct index		*app_index(struct app *);

/*
 * Have the top view's idle op run again soon: after this frame is drawn,
 * the loop reads the keys typed meanwhile and comes back to it instead of
 * sleeping.  For work done a slice at a time (the hits of a concordance
 * of tens of thousands of lines), so that neither the first screen nor a
 * key waits for all of it.  Asked again by each slice that leaves work.
 */
void			 app_idle_again(struct app *);

/* The user's state database, or NULL if there is none. */
struct state		*app_state(const struct app *);

/* True if the screen shows ASCII only (a locale that is not UTF-8). */
bool			 app_ascii(const struct app *);

/* The size of the screen (LINES, COLS), for views that do not see curses. */
int			 app_lines(void);
int			 app_cols(void);

/*
 * A line editor on the bottom line, for any view.  The client's done gets
 * the text on Enter; cancel on Esc or C-c; changed (optional) after every
 * edit; arg is passed back.  history names a history kept in the state
 * ("filter", "command", "goto"; Up and Down walk it) or is NULL.  complete
 * says what Tab completes.
 */
enum prompt_completion {
	PROMPT_COMPLETE_NONE,
	PROMPT_COMPLETE_COMMAND,	/* a `:` command line */
	PROMPT_COMPLETE_REF,		/* a reference */
};

struct prompt_client {
	const char		*history;
	enum prompt_completion	 complete;
	void			(*done)(struct app *, void *arg,
				    const char *text);
	void			(*cancel)(struct app *, void *arg);
	void			(*changed)(struct app *, void *arg,
				    const char *text);
};

/* Open the prompt with label (kept, not copied) and initial text. */
void			 app_prompt(struct app *, const char *label,
			    const struct prompt_client *, void *arg,
			    const char *initial);
/* True while the prompt is open. */
bool			 app_prompt_active(const struct app *);
/* Replace the prompt's text (completion). */
void			 app_prompt_set(struct app *, const char *text);
/* The prompt's text. */
const char		*app_prompt_text(const struct app *);

/* The hints "KEY label  KEY label" for requests, with today's bindings. */
struct view_hint {
	enum request	 req;
	const char	*label;		/* N_() */
};
char			*app_hints(const struct view_hint *, size_t n);

#endif /* CHARTA_VIEW_H */
