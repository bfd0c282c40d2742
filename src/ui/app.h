/*
 * app.h -- the reader's state, shared by the files of the ui module (the
 * main loop in app.c, drawing in draw.c, completion in complete.c, the help
 * screen in help.c).  Not for use outside ui/.
 */
#ifndef CHARTA_APP_H
#define CHARTA_APP_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diff/compare.h"
#include "index/index.h"
#include "model/corpus.h"
#include "ui/outline.h"
#include "ui/prompt.h"
#include "ui/textview.h"

/* Below this size only a notice is shown. */
#define APP_MIN_COLS	20
#define APP_MIN_LINES	5
/* From this width on, outline and text are side by side. */
#define APP_SPLIT_COLS	90

enum app_focus {
	FOCUS_OUTLINE,
	FOCUS_TEXT,
};

enum app_prompt {
	APP_PROMPT_COMMAND,	/* ":" */
	APP_PROMPT_GOTO,	/* "goto: " */
	APP_PROMPT_FILTER,	/* "/" */
	APP_PROMPT_COMPARE,	/* "compare with: " */
};

struct index;
struct query;
struct state;

/* A rectangle of the screen. */
struct app_rect {
	int	y;
	int	x;
	int	h;
	int	w;
};

/* One aligned group of the comparison, laid out for the screen. */
struct cv_group {
	char			*text[2];	/* sanitized, per side */
	struct text_line	*lines[2];
	size_t			 nlines[2];
	struct compare_span	*spans[2];	/* words on one side only */
	size_t			 nspans[2];
	int			 sim;		/* % shared words */
	size_t			 row;		/* first row */
	size_t			 height;	/* rows, without the gap */
};

/* The comparison view (compare-view.c). */
struct cmp_view {
	bool			 active;
	struct compare		 cmp;
	uint32_t		 node[2];
	struct cv_group		*g;
	size_t			 ng;
	size_t			 nrows;
	size_t			 width[2];	/* of the layout built */
	bool			 stacked;	/* one above the other */
	bool			 sync;		/* scroll together */
	bool			 words;		/* highlight differences */
	int			 side;		/* the active side */
	size_t			 top[2];
	int			 section_sim;
	struct app_rect		 rect[2];	/* body of each side */
	/* choosing among several counterparts */
	bool			 choosing;
	struct corpus_counterpart *cands;
	size_t			 ncands;
	size_t			 cand;
};


struct app {
	const struct corpus	*c;
	const struct command	*commands;	/* the command table */
	size_t			 ncommands;
	struct outline		 ol;
	struct textview		 tv;
	uint32_t		 anchor_node;	/* the text kept at the top: */
	uint32_t		 anchor_off;	/* a node, a byte in its text */
	struct prompt		 pr;
	enum app_prompt		 prompt_kind;
	enum app_focus		 focus;
	bool			 split;		/* both panes shown */
	bool			 too_small;
	bool			 help;		/* the help screen is up */
	size_t			 help_top;
	int			 prefix;	/* pending first key of "zM" */
	char			*message;	/* status-line message */
	bool			 message_error;
	struct app_rect		 outline_rect;
	struct app_rect		 text_rect;
	bool			 quit;
	int			 status;	/* exit status */

	struct cmp_view		 cv;

	/* The filter (filter.c). */
	struct index		*ix;		/* NULL until built */
	bool			 ix_building;	/* a thread builds it */
	bool			 filter_dirty;	/* typed, not yet searched */
	pthread_t		 ix_thread;
	struct query		*query;		/* NULL: no filter */
	struct index_result	 res;
	char			*filter_text;	/* kept with Enter */
	uint32_t		 saved_sel;	/* restored by Esc */
	size_t			 saved_text_top;
	size_t			 saved_outline_top;
	struct state		*state;		/* NULL: no history kept */
	bool			 started;	/* the first screen is out */
	char			**history;	/* newest first */
	size_t			 nhistory;
	size_t			 history_pos;	/* 0: editing new text */
};

/* Lay the screen out for LINES x COLS (after start and every resize). */
void	app_layout(struct app *);
/* Draw everything into curses' buffer (refresh is the caller's). */
void	app_draw(struct app *);
/* Set the status-line message (printf format). */
void	app_message(struct app *, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* What every view does alike: C-l redraws, ? opens the help. */
void	app_view_request(struct app *, int req);

/* Select node n and show it in the text pane. */
void	app_select(struct app *, uint32_t n);

/*
 * Start building the filter's index on another thread, so that the first
 * "/" finds it ready (the reader's first screen does not wait for it).
 */
void	filter_prepare(struct app *);

/* Open the filter prompt, saving the view for Esc. */
void	filter_open(struct app *);
/* A key typed into the filter prompt. */
void	filter_key(struct app *, int ch, bool is_func);
/*
 * Search for what was typed into the filter, if that has changed.  The
 * main loop calls it when no more keys are waiting, so that a search slower
 * than the typing runs once for the keys typed meanwhile, and the screen
 * never lags behind the keyboard.
 */
void	filter_settle(struct app *);
/* Go to the next (or previous) match in reading order. */
void	filter_next(struct app *, bool forward);
/* Drop the filter and show the whole outline. */
void	filter_clear(struct app *);
/* Free the filter's state. */
void	filter_free(struct app *);

/* Compare node left with node right (the comparison view). */
void	cv_open(struct app *, uint32_t left, uint32_t right);
/* `c`: compare the selection with its counterpart (or offer a list). */
void	cv_counterpart(struct app *);
/* A request while the comparison (or its chooser) is up. */
void	cv_request(struct app *, int req);
/* Lay out again for the screen size. */
void	cv_layout(struct app *);
/* Draw the comparison. */
void	cv_draw(struct app *);
/* Leave the comparison and free it. */
void	cv_close(struct app *);

/* The reader's command named (or aliased) name, or NULL. */
const struct command *app_find_command(const struct app *, const char *name);

/* Complete the reference in the prompt (Tab).  */
void	app_complete(struct app *);

/* The help screen's lines (generated from the key table). */
size_t	help_nlines(const struct app *);
/* Line i of the help screen: keys (may be "") and text, both translated. */
void	help_line(const struct app *, size_t i, const char **keys,
	    const char **text, bool *heading);
/* Free the help screen's lines. */
void	help_free(void);

#endif /* CHARTA_APP_H */
