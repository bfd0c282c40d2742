/*
 * app-draw.c -- the whole screen: the views (an overlay over the view
 * below it), then the status line: the prompt, or a message, or what the
 * top view has to say; and the notice for a terminal too small.
 *
 * Every frame draws every cell into curses' buffer and curses sends the
 * terminal only the cells that changed, so a key that moves one line costs
 * a line, not a screen.  Nothing here calls clear().
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/state.h"
#include "text/text.h"
#include "ui/app.h"
#include "ui/screen.h"
#include "ui/spans-curses.h"
#include "ui/spans-draw.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static void
app_draw_too_small(void)
{
	char		 msg[96], size[32];
	const char	*text;
	int		 y;

	/* TRANSLATORS: shown when the window is smaller than 20x5. */
	snprintf(msg, sizeof msg, _("terminal too small (%dx%d)"), COLS,
	    LINES);
	snprintf(size, sizeof size, "%dx%d", COLS, LINES);
	/* The longest form that fits: the message, "too small", the size. */
	text = msg;
	if (text_width(msg, strlen(msg)) > (size_t)COLS)
		/* TRANSLATORS: the short form of "terminal too small" */
		text = _("too small");
	if (text_width(text, strlen(text)) > (size_t)COLS)
		text = size;
	for (y = 0; y < LINES; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	screen_put(0, 0, text, strlen(text), (size_t)COLS,
	    screen_attr(THEME_NORMAL));
}

/*
 * The message on the status line (row y): sanitized, and when it is wider
 * than the line, wrapped onto the row above as well; if even two rows are
 * not enough, the second ends with a pointer to :messages, where it is
 * whole.
 */
static void
app_draw_message(struct app *a, int y, attr_t at)
{
	struct text_spans	 ts;
	struct text_line	*lines = NULL;
	size_t			 n, w = (size_t)COLS - 2, mw, used, end;
	const char		*more = _(" ... (:messages)");
	attr_t			 mat = a->message_error ?
	    screen_attr(THEME_ERROR) | at : at;

	spans_line(&ts, a->message, strlen(a->message));
	n = text_spans_wrap(&ts, w, TEXT_TARGET_COLOR, &lines);
	if (n <= 1 || y < 1) {
		spans_curses_draw(y, 1, w, &ts, 0, ts.len, mat, TEXT_SPAN_ALL);
	} else {
		screen_fill(y - 1, 0, (size_t)COLS, at);
		spans_curses_draw(y - 1, 1, w, &ts, lines[0].off, lines[0].len,
		    mat, TEXT_SPAN_ALL);
		end = n == 2 ? lines[1].off + lines[1].len : ts.len;
		mw = n == 2 ? 0 : text_width(more, strlen(more));
		used = spans_curses_draw(y, 1, w > mw ? w - mw : 0, &ts,
		    lines[1].off, end - lines[1].off, mat, TEXT_SPAN_ALL);
		if (n > 2)
			screen_put(y, 1 + (int)used, more, strlen(more),
			    w - used, at);
	}
	free(lines);
	text_spans_free(&ts);
}

/*
 * While another process holds the state locked and changes wait, the
 * status line says so, before the view's own figures.
 */
static void
app_draw_saving(struct app *a, struct view_status *st)
{
	struct state_status	 ss;
	char			*r;

	if (a->state == NULL)
		return;
	state_status(a->state, &ss);
	if (ss.pending > 0 && ss.locked) {
		/* TRANSLATORS: on the status line while changes wait for
		   another process to release the state file */
		r = xasprintf("%s%s%s", _("saving... (locked)"),
		    st->right ? "  " : "", st->right ? st->right : "");
		free(st->right);
		st->right = r;
	}
	state_status_clear(&ss);
}

static void
app_draw_status(struct app *a, struct view *top)
{
	attr_t			 at = screen_attr(THEME_STATUS);
	int			 y = LINES - 1;
	struct view_status	 st;
	size_t			 rw = 0, w;

	if (a->prc != NULL) {
		/* Completions and errors show just above the prompt. */
		if (a->message != NULL && y > 1) {
			screen_fill(y - 1, 0, (size_t)COLS, at);
			app_draw_message(a, y - 1, at);
		}
		prompt_draw(&a->pr, y, (size_t)COLS);
		return;
	}
	screen_fill(y, 0, (size_t)COLS, at);
	memset(&st, 0, sizeof st);
	if (top->ops->status != NULL)
		top->ops->status(top, &st);
	app_draw_saving(a, &st);
	if (st.right != NULL) {
		rw = text_width(st.right, strlen(st.right));
		if (rw + 4 < (size_t)COLS)
			screen_put(y, COLS - (int)rw - 1, st.right,
			    strlen(st.right), rw, at);
		else
			rw = 0;
	}
	w = (size_t)COLS > rw + 3 ? (size_t)COLS - rw - 3 : 0;
	if (a->message != NULL)
		app_draw_message(a, y, at);
	else if (st.left != NULL)
		spans_put_plain(y, 1, st.left, strlen(st.left), w, at);
	free(st.left);
	free(st.right);
}

void
app_draw(struct app *a)
{
	struct view	*top = a->stack[a->nviews - 1];
	size_t		 k;

	if (a->too_small) {
		app_draw_too_small();
		return;
	}
	/* From the highest view that is not an overlay, up. */
	for (k = a->nviews - 1; k > 0 && a->stack[k]->ops->overlay; k--)
		;
	for (; k < a->nviews; k++)
		a->stack[k]->ops->draw(a->stack[k]);
	app_draw_status(a, top);
	if (a->prc != NULL) {
		leaveok(stdscr, FALSE);
		curs_set(1);
		prompt_draw(&a->pr, LINES - 1, (size_t)COLS);	/* cursor */
	} else {
		leaveok(stdscr, TRUE);
		curs_set(0);
	}
}
