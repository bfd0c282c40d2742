/*
 * app.c -- the reader's main loop: read a key, turn it into a request
 * through the key map, act on it, draw, and let curses send the difference.
 *
 * Signals arrive as flags (screen.c); keys are read with a short timeout so
 * the flags are seen within a quarter of a second, and a terminal that has
 * gone away (hang-up) ends the loop instead of spinning on errors.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "store/state.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "ui/ui.h"
#include "util/command.h"
#include "util/command-line.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/xmalloc.h"

void
app_layout(struct app *a)
{
	int	body_h = LINES - 2, ow;

	a->too_small = COLS < APP_MIN_COLS || LINES < APP_MIN_LINES;
	if (a->too_small) {
		memset(&a->outline_rect, 0, sizeof a->outline_rect);
		memset(&a->text_rect, 0, sizeof a->text_rect);
		return;
	}
	a->split = COLS >= APP_SPLIT_COLS;
	if (a->split) {
		/* The outline takes a third, within reason. */
		ow = COLS / 3;
		if (ow < 28)
			ow = 28;
		if (ow > 56)
			ow = 56;
		a->outline_rect = (struct app_rect){ .y = 1, .x = 0,
		    .h = body_h, .w = ow };
		a->text_rect = (struct app_rect){ .y = 1, .x = ow + 2,
		    .h = body_h, .w = COLS - ow - 3 };
	} else if (a->focus == FOCUS_OUTLINE) {
		a->outline_rect = (struct app_rect){ .y = 1, .x = 0,
		    .h = body_h, .w = COLS };
		memset(&a->text_rect, 0, sizeof a->text_rect);
		a->text_rect.h = body_h;
	} else {
		memset(&a->outline_rect, 0, sizeof a->outline_rect);
		a->outline_rect.h = body_h;
		a->text_rect = (struct app_rect){ .y = 1, .x = 1,
		    .h = body_h, .w = COLS - 2 };
	}
}

/*
 * Make the text pane show the selection, keeping its place on resize: the
 * byte of text at the top stays at the top, whatever the new width wraps.
 * The place is the one the reader chose (anchor_node, anchor_off), not the
 * top line of the last width, so that resizing back and forth never
 * drifts.
 */
static void
app_sync_text(struct app *a)
{
	const struct tv_line	*t;
	bool			 rewrap;
	size_t			 width, l;

	width = a->text_rect.w > 0 ? (size_t)a->text_rect.w :
	    (size_t)(COLS > 2 ? COLS - 2 : 1);
	/* The same text at a new width: find the place before it goes. */
	rewrap = a->tv.root == a->ol.sel && a->tv.width != width &&
	    a->tv.nlines > 0;
	if (rewrap && textview_line_at(&a->tv, a->anchor_node,
	    a->anchor_off) != a->tv.top) {
		/* Scrolled since the last rewrap: the place is new. */
		t = &a->tv.lines[a->tv.top];
		a->anchor_node = t->node;
		a->anchor_off = t->off;
	}
	if (!textview_set(&a->tv, a->ol.sel, width))
		return;
	if (rewrap && (l = textview_line_at(&a->tv, a->anchor_node,
	    a->anchor_off)) != (size_t)-1) {
		a->tv.top = l;
		textview_scroll(&a->tv, 0, (size_t)a->text_rect.h);
	}
}

void
app_select(struct app *a, uint32_t n)
{
	if (n == CORPUS_NONE)
		return;
	outline_select(&a->ol, n);
	app_sync_text(a);
}

static void
app_set_focus(struct app *a, enum app_focus f)
{
	a->focus = f;
	if (!a->split)
		app_layout(a);
	app_sync_text(a);
}

static void
app_goto(struct app *a, const char *ref)
{
	uint32_t	n;

	while (*ref == ' ')
		ref++;
	n = corpus_resolve(a->c, ref, strlen(ref));
	if (n == CORPUS_NONE) {
		app_message(a, true, _("no such reference: %s"), ref);
		return;
	}
	if (a->cv.active)
		cv_close(a);
	/* Going somewhere the filter hides: drop the filter. */
	if (a->ol.filtered && a->ol.hit[n] == 0)
		filter_clear(a);
	app_select(a, n);
	app_set_focus(a, a->split ? FOCUS_OUTLINE : FOCUS_TEXT);
}

const struct command *
app_find_command(const struct app *a, const char *name)
{
	const struct command	*cmd;
	size_t			 i, k;

	for (i = 0; i < a->ncommands; i++) {
		cmd = &a->commands[i];
		if (cmd->tui == NULL)
			continue;
		if (strcmp(cmd->name, name) == 0)
			return cmd;
		for (k = 0; k < COMMAND_MAX_ALIASES && cmd->aliases[k] != NULL;
		    k++)
			if (strcmp(cmd->aliases[k], name) == 0)
				return cmd;
	}
	return NULL;
}

void
ui_cmd_goto(struct app *a, int argc, char **argv)
{
	(void)argc;
	app_goto(a, argv[0]);
}

/* ":compare REF [REF]": the selection and REF, or the two REFs. */
void
ui_cmd_compare(struct app *a, int argc, char **argv)
{
	uint32_t	n1, n2;

	n1 = corpus_resolve(a->c, argv[0], strlen(argv[0]));
	n2 = argc > 1 ? corpus_resolve(a->c, argv[1], strlen(argv[1])) :
	    CORPUS_NONE;
	if (n1 == CORPUS_NONE || (argc > 1 && n2 == CORPUS_NONE))
		app_message(a, true, _("no such reference: %s"),
		    n1 == CORPUS_NONE ? argv[0] : argv[1]);
	else if (argc == 1)
		cv_open(a, a->ol.sel, n1);
	else
		cv_open(a, n1, n2);
}

void
ui_cmd_help(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	a->help = true;
	a->help_top = 0;
}

void
ui_cmd_quit(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	a->quit = true;
}

static void
app_command(struct app *a, const char *line)
{
	struct command_line	cl;
	const struct command	*cmd;

	command_line_split(&cl, line);
	if (cl.argc == 0) {
		command_line_free(&cl);
		return;
	}
	cmd = app_find_command(a, cl.argv[0]);
	if (cmd == NULL) {
		/* ":mfa:IV.5" is a goto too */
		if (cl.argc == 1 && corpus_resolve(a->c, cl.argv[0],
		    strlen(cl.argv[0])) != CORPUS_NONE)
			app_goto(a, cl.argv[0]);
		else
			app_message(a, true, _("unknown command: %s (try "
			    ":help)"), cl.argv[0]);
	} else if (cl.argc - 1 < cmd->min_args || (cmd->max_args >= 0 &&
	    cl.argc - 1 > cmd->max_args))
		app_message(a, true, _("usage: :%s %s"), cmd->name,
		    cmd->synopsis);
	else
		cmd->tui(a, cl.argc - 1, cl.argv + 1);
	command_line_free(&cl);
}

static void
app_prompt_key(struct app *a, int ch, bool is_func)
{
	char	*text;

	switch (prompt_key(&a->pr, ch, is_func)) {
	case PROMPT_EDITING:
		app_message(a, false, NULL);
		break;
	case PROMPT_COMPLETE:
		app_complete(a);
		break;
	case PROMPT_CANCEL:
		prompt_close(&a->pr);
		app_message(a, false, NULL);
		break;
	case PROMPT_DONE:
		text = xstrdup(prompt_text(&a->pr));
		prompt_close(&a->pr);
		app_message(a, false, NULL);
		if (a->prompt_kind == APP_PROMPT_GOTO)
			app_goto(a, text);
		else if (a->prompt_kind == APP_PROMPT_COMPARE) {
			char	*line = xasprintf("compare %s", text);

			app_command(a, line);
			free(line);
		} else
			app_command(a, text);
		free(text);
		break;
	}
}

/* Move the selection to a sibling, or to the next/previous document. */
static void
app_sibling(struct app *a, bool next)
{
	const struct corpus_node	*n = &a->c->nodes[a->ol.sel];
	uint32_t			 t;

	if (n->kind == KIND_DOCUMENT) {
		t = next ? (n->doc + 1 < a->c->ndocs ?
		    a->c->docs[n->doc + 1].root : CORPUS_NONE) :
		    (n->doc > 0 ? a->c->docs[n->doc - 1].root : CORPUS_NONE);
	} else
		t = next ? n->next_sibling : corpus_prev_sibling(a->c,
		    a->ol.sel);
	if (t == CORPUS_NONE)
		app_message(a, false, "%s", next ? _("no next part at this "
		    "level") : _("no previous part at this level"));
	else
		app_select(a, t);
}

static void
app_document(struct app *a, bool next)
{
	uint32_t	d = a->c->nodes[a->ol.sel].doc;

	if (next && d + 1 < a->c->ndocs)
		app_select(a, a->c->docs[d + 1].root);
	else if (!next && a->ol.sel != a->c->docs[d].root)
		app_select(a, a->c->docs[d].root);
	else if (!next && d > 0)
		app_select(a, a->c->docs[d - 1].root);
	else
		app_message(a, false, "%s", next ? _("this is the last "
		    "document") : _("this is the first document"));
}

static bool
app_text_visible(const struct app *a)
{
	return a->split || a->focus == FOCUS_TEXT;
}

/* Scroll the text pane, or move the outline when only it is shown. */
static void
app_page(struct app *a, long pages_num, long pages_den)
{
	size_t	h = (size_t)a->text_rect.h;
	long	delta = (long)h * pages_num / pages_den;

	if (delta == 0)
		delta = pages_num < 0 ? -1 : 1;
	if (app_text_visible(a))
		textview_scroll(&a->tv, delta, h);
	else
		outline_move(&a->ol, delta), app_sync_text(a);
}

void
app_view_request(struct app *a, int req)
{
	if (req == REQ_REDRAW)
		clearok(curscr, TRUE);
	else if (req == REQ_HELP) {
		a->help = true;
		a->help_top = 0;
	}
}

static void
app_request(struct app *a, enum request req)
{
	bool		 text = a->focus == FOCUS_TEXT;
	uint32_t	 sel = a->ol.sel;
	size_t		 h = (size_t)a->text_rect.h;

	if (a->help) {
		switch (req) {
		case REQ_DOWN:
			a->help_top++;
			break;
		case REQ_UP:
			if (a->help_top > 0)
				a->help_top--;
			break;
		case REQ_PAGE_DOWN:
			a->help_top += h;
			break;
		case REQ_PAGE_UP:
			a->help_top = a->help_top > h ? a->help_top - h : 0;
			break;
		case REQ_HALF_DOWN:
			a->help_top += h / 2 ? h / 2 : 1;
			break;
		case REQ_HALF_UP:
			a->help_top = a->help_top > h / 2 ? a->help_top - h / 2 :
			    0;
			break;
		case REQ_TOP:
			a->help_top = 0;
			break;
		case REQ_BOTTOM:
			a->help_top = help_nlines(a);	/* draw_help clamps */
			break;
		case REQ_QUIT:
		case REQ_HELP:
		case REQ_CLOSE:
			a->help = false;
			break;
		default:
			break;
		}
		return;
	}
	switch (req) {
	case REQ_NONE:
	case REQ__COUNT:
		break;
	case REQ_DOWN:
		if (text)
			textview_scroll(&a->tv, 1, h);
		else
			outline_move(&a->ol, 1), app_sync_text(a);
		break;
	case REQ_UP:
		if (text)
			textview_scroll(&a->tv, -1, h);
		else
			outline_move(&a->ol, -1), app_sync_text(a);
		break;
	case REQ_OPEN:
		if (!text && outline_has_children(&a->ol, sel) &&
		    !a->ol.open[sel])
			outline_set_open(&a->ol, sel, true);
		else if (!text)
			app_set_focus(a, FOCUS_TEXT);
		break;
	case REQ_CLOSE:
		if (text) {
			app_set_focus(a, FOCUS_OUTLINE);
			break;
		}
		if (a->ol.open[sel] && outline_has_children(&a->ol, sel))
			outline_set_open(&a->ol, sel, false);
		else if (a->c->nodes[sel].parent != CORPUS_NONE)
			app_select(a, a->c->nodes[sel].parent);
		break;
	case REQ_PAGE_DOWN:
		app_page(a, 1, 1);
		break;
	case REQ_PAGE_UP:
		app_page(a, -1, 1);
		break;
	case REQ_HALF_DOWN:
		app_page(a, 1, 2);
		break;
	case REQ_HALF_UP:
		app_page(a, -1, 2);
		break;
	case REQ_TOP:
		if (text)
			a->tv.top = 0;
		else if (a->ol.nrows > 0)
			app_select(a, a->ol.rows[0]);
		break;
	case REQ_BOTTOM:
		if (text)
			textview_scroll(&a->tv, (long)a->tv.nlines, h);
		else if (a->ol.nrows > 0)
			app_select(a, a->ol.rows[a->ol.nrows - 1]);
		break;
	case REQ_NEXT_SIBLING:
	case REQ_PREV_SIBLING:
		app_sibling(a, req == REQ_NEXT_SIBLING);
		break;
	case REQ_NEXT_DOC:
	case REQ_PREV_DOC:
		app_document(a, req == REQ_NEXT_DOC);
		break;
	case REQ_COLLAPSE_ALL:
		outline_set_all(&a->ol, false);
		app_sync_text(a);
		break;
	case REQ_EXPAND_ALL:
		outline_set_all(&a->ol, true);
		break;
	case REQ_SWITCH_PANE:
		app_set_focus(a, text ? FOCUS_OUTLINE : FOCUS_TEXT);
		break;
	case REQ_FILTER:
		filter_open(a);
		break;
	case REQ_NEXT_HIT:
	case REQ_PREV_HIT:
		filter_next(a, req == REQ_NEXT_HIT);
		break;
	case REQ_COMPARE:
		cv_counterpart(a);
		break;
	case REQ_COMPARE_WITH:
		a->prompt_kind = APP_PROMPT_COMPARE;
		/* TRANSLATORS: the prompt for the passage to compare with */
		prompt_open(&a->pr, _("compare with: "));
		break;
	case REQ_SYNC_SCROLL:
	case REQ_WORD_DIFF:
	case REQ_SWAP_SIDES:
		break;			/* the comparison's own */
	case REQ_COMMAND:
		a->prompt_kind = APP_PROMPT_COMMAND;
		prompt_open(&a->pr, ":");
		break;
	case REQ_GOTO:
		a->prompt_kind = APP_PROMPT_GOTO;
		/* TRANSLATORS: the prompt for a reference, e.g. mfa:IV.5 */
		prompt_open(&a->pr, _("goto: "));
		break;
	case REQ_REDRAW:
	case REQ_HELP:
		app_view_request(a, req);
		break;
	case REQ_QUIT:
		a->quit = true;
		break;
	}
}

static void
app_mouse(struct app *a)
{
	MEVENT			 ev;
	const struct app_rect	*o = &a->outline_rect, *t = &a->text_rect;
	bool			 in_outline, in_text;
	size_t			 row;
	uint32_t		 n;

	if (getmouse(&ev) != OK || a->help)
		return;
	in_outline = o->w > 0 && ev.y >= o->y && ev.y < o->y + o->h &&
	    ev.x >= o->x && ev.x < o->x + o->w;
	in_text = t->w > 0 && ev.y >= t->y && ev.y < t->y + t->h &&
	    ev.x >= t->x && ev.x < t->x + t->w;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		long	d = (ev.bstate & BUTTON4_PRESSED) ? -3 : 3;

		if (in_text)
			textview_scroll(&a->tv, d, (size_t)t->h);
		else if (in_outline) {
			a->ol.top = (long)a->ol.top + d < 0 ? 0 :
			    (size_t)((long)a->ol.top + d);
			if (a->ol.top >= a->ol.nrows)
				a->ol.top = a->ol.nrows ? a->ol.nrows - 1 : 0;
			row = outline_row_of(&a->ol, a->ol.sel);
			if (row < a->ol.top)
				app_select(a, a->ol.rows[a->ol.top]);
			else if (row >= a->ol.top + (size_t)o->h)
				app_select(a, a->ol.rows[a->ol.top +
				    (size_t)o->h - 1]);
		}
		return;
	}
	if (in_outline) {
		row = a->ol.top + (size_t)(ev.y - o->y);
		if (row >= a->ol.nrows)
			return;
		n = a->ol.rows[row];
		a->focus = FOCUS_OUTLINE;
		/* A click on the selection, or a double click, folds. */
		if (n == a->ol.sel || (ev.bstate & BUTTON1_DOUBLE_CLICKED))
			outline_set_open(&a->ol, n, !a->ol.open[n]);
		app_select(a, n);
	} else if (in_text)
		app_set_focus(a, FOCUS_TEXT);
}

/* Are keys waiting to be read? */
static bool
app_input_pending(void)
{
	struct pollfd	pfd;

	pfd.fd = screen_input_fd();
	pfd.events = POLLIN;
	return pfd.fd >= 0 && poll(&pfd, 1, 0) == 1 &&
	    (pfd.revents & POLLIN) != 0;
}

/* Has the terminal gone away?  (Reads fail with EIO or end of file.) */
static bool
app_hung_up(void)
{
	struct pollfd	pfd;

	pfd.fd = screen_input_fd();
	pfd.events = POLLIN;
	if (pfd.fd < 0 || poll(&pfd, 1, 0) == -1)
		return errno != EINTR;
	return (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void
app_key(struct app *a, int ch, bool is_func)
{
	struct keymap_key	key = { .code = ch, .is_func = is_func };
	int			req;

	/* Enter comes as CR (nonl mode), LF or KEY_ENTER: one key. */
	if ((!is_func && ch == '\r') || (is_func && ch == KEY_ENTER)) {
		ch = '\n';
		is_func = false;
		key.code = ch;
		key.is_func = 0;
	}
	if (a->pr.active) {
		if (a->prompt_kind == APP_PROMPT_FILTER)
			filter_key(a, ch, is_func);
		else
			app_prompt_key(a, ch, is_func);
		return;
	}
	app_message(a, false, NULL);
	if (!is_func && ch == 27 && a->help) {
		a->help = false;
		return;
	}
	/* Esc leaves the comparison too. */
	if (!is_func && ch == 27 && (a->cv.active || a->cv.choosing)) {
		cv_request(a, REQ_QUIT);
		return;
	}
	req = keymap_lookup(a->cv.active, a->prefix, &key);
	if (req == -1) {
		a->prefix = ch;
		return;
	}
	a->prefix = 0;
	if (req == REQ_NONE) {
		if (!(a->too_small))
			app_message(a, false, _("key not bound; press ? for "
			    "help"));
		return;
	}
	if (a->too_small && req != REQ_QUIT)
		return;
	/* The comparison takes its keys, but for the prompts and help. */
	if ((a->cv.active || a->cv.choosing) && !a->help &&
	    req != REQ_COMMAND && req != REQ_GOTO && req != REQ_COMPARE_WITH) {
		cv_request(a, req);
		return;
	}
	app_request(a, req);
}

/*
 * What no screen needs before the first key waits until the first screen
 * is out, which then comes a millisecond or two sooner: the filter's index
 * starts building (in a thread), and the state file, which holds only the
 * filter's history, is opened.  Its warnings go to the status line.
 */
static void
app_after_first_screen(struct app *a)
{
	char	*err = NULL;

	a->started = true;
	filter_prepare(a);
	a->state = state_open(NULL, &err);
	if (err != NULL) {
		app_message(a, true, "%s", err);
		free(err);
	}
}

static int
app_loop(struct app *a)
{
	wint_t	wc;
	int	rc, stale = 0;

	for (;;) {
		if (signals_hup)
			return 129;
		if (signals_term)
			return 143;
		if (signals_quit)
			return 131;	/* Ctrl-\: as SIGTERM, not a core dump */
		if (signals_int) {
			signals_int = 0;
			if (!a->pr.active)
				return 130;
			/* Ctrl-C cancels a prompt, as Esc does */
			if (a->prompt_kind == APP_PROMPT_FILTER)
				filter_key(a, 27, false);
			else
				prompt_close(&a->pr);
		}
		if (a->quit)
			return 0;
		/* Keys already typed come first; then search, then draw. */
		if (a->filter_dirty && !app_input_pending())
			filter_settle(a);
		if (a->filter_dirty) {
			/* more keys are waiting: read them before searching */
		} else
			app_draw(a);
		if (a->pr.active) {
			leaveok(stdscr, FALSE);
			curs_set(1);
		} else {
			leaveok(stdscr, TRUE);
			curs_set(0);
		}
		refresh();
		if (!a->started) {
			app_after_first_screen(a);
			continue;	/* to show what it had to say */
		}
		rc = get_wch(&wc);
		if (rc == ERR) {
			/* A timeout, a signal, or a terminal that is gone. */
			if (errno == EIO || app_hung_up() || ++stale > 1000)
				return 129;
			if (errno != EINTR && errno != EAGAIN && errno != 0)
				stale += 100;
			errno = 0;
			continue;
		}
		stale = 0;
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			app_layout(a);
			app_sync_text(a);
			cv_layout(a);
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			app_mouse(a);
			continue;
		}
		app_key(a, (int)wc, rc == KEY_CODE_YES);
	}
}

int
ui_run(const struct corpus *c, unsigned int start,
    const struct command *commands, size_t ncommands, char **err)
{
	struct app	 a;
	char		*path, *kerr = NULL;
	const char	*xdg = getenv("XDG_CONFIG_HOME"), *home;
	int		 status;

	keymap_init();
	home = getenv("HOME");
	if (xdg != NULL && *xdg == '/')
		path = xasprintf("%s/charta/config", xdg);
	else
		path = xasprintf("%s/.config/charta/config",
		    home ? home : "");
	if (keymap_load(path, &kerr) == -1) {
		*err = kerr;
		free(path);
		return -1;
	}
	free(path);
	if (screen_init(err) == -1)
		return -1;

	memset(&a, 0, sizeof a);
	a.c = c;
	a.commands = commands;
	a.ncommands = ncommands;
	outline_init(&a.ol, c);
	textview_init(&a.tv, c, screen_ascii());
	a.focus = FOCUS_OUTLINE;
	app_layout(&a);
	if (start != CORPUS_NONE && start < c->nnodes) {
		app_select(&a, start);
		if (!a.split)
			app_set_focus(&a, FOCUS_TEXT);
	} else
		app_sync_text(&a);
	status = app_loop(&a);

	if (status == 129)
		endwin();		/* nothing more to say to a lost tty */
	screen_done();
	prompt_close(&a.pr);
	outline_free(&a.ol);
	textview_free(&a.tv);
	free(a.message);
	cv_close(&a);
	filter_free(&a);
	state_close(a.state);
	help_free();
	return status;
}
