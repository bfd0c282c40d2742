/*
 * app.h -- the reader's state, shared by the files of the ui module (the
 * main loop in app.c, drawing in draw.c, completion in complete.c, the help
 * screen in help.c).  Not for use outside ui/.
 */
#ifndef CHARTA_APP_H
#define CHARTA_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
};

/* A rectangle of the screen. */
struct app_rect {
	int	y;
	int	x;
	int	h;
	int	w;
};

struct app {
	const struct corpus	*c;
	struct outline		 ol;
	struct textview		 tv;
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
};

/* Lay the screen out for LINES x COLS (after start and every resize). */
void	app_layout(struct app *);
/* Draw everything into curses' buffer (refresh is the caller's). */
void	app_draw(struct app *);
/* Set the status-line message (printf format). */
void	app_message(struct app *, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* Complete the reference in the prompt (Tab).  */
void	app_complete(struct app *);

/* The help screen's lines (generated from the key table). */
size_t	help_nlines(void);
/* Line i of the help screen: keys (may be "") and text, both translated. */
void	help_line(size_t i, const char **keys, const char **text,
	    bool *heading);
/* Free the help screen's lines. */
void	help_free(void);

#endif /* CHARTA_APP_H */
