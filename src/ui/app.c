/*
 * app.c -- the reader's loop and its view stack (see view.h): wait for a
 * key, a signal or a worker; turn keys into requests for the top view;
 * when no key is waiting, let the views finish their work and draw; let
 * curses send the terminal only what changed.
 *
 * The loop sleeps in poll() with no timeout on the terminal, the signal
 * pipe (util/signals.h) and the wake pipe of worker threads, so a reader
 * nobody types into uses no CPU at all.  A terminal that has gone away
 * (hang-up) ends the loop instead of spinning on errors.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/corpus.h"
#include "store/state.h"
#include "text/text.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/xmalloc.h"

const struct corpus *
app_corpus(const struct app *a)
{
	return a->c;
}

const struct command *
app_commands(const struct app *a)
{
	return a->commands;
}

size_t
app_ncommands(const struct app *a)
{
	return a->ncommands;
}

size_t
app_nmessages(const struct app *a)
{
	return a->nmessages;
}

const char *
app_message_at(const struct app *a, size_t k, bool *error)
{
	*error = a->messages_error[k];
	return a->messages[k];
}

struct state *
app_state(const struct app *a)
{
	return a->state;
}

bool
app_ascii(const struct app *a)
{
	(void)a;
	return screen_ascii();
}

int
app_lines(void)
{
	return LINES;
}

int
app_cols(void)
{
	return COLS;
}

void
app_quit(struct app *a, int status)
{
	a->quit = true;
	a->status = status;
}

static struct view *
app_top(const struct app *a)
{
	return a->nviews > 0 ? a->stack[a->nviews - 1] : NULL;
}

struct view *
app_push(struct app *a, const struct view_ops *ops, void *data)
{
	struct view	*v;

	v = xcalloc(1, sizeof *v);
	v->ops = ops;
	v->app = a;
	v->data = data;
	if (a->nviews == APP_MAX_VIEWS) {
		app_message(a, true, "%s", _("too many views open; press q "
		    "to close one"));
		ops->close(v);
		free(v);
		return NULL;
	}
	a->stack[a->nviews++] = v;
	if (ops->resize != NULL && !a->too_small)
		ops->resize(v);
	return v;
}

void
app_pop(struct app *a, struct view *v)
{
	struct view	*top;
	size_t		 k;

	for (k = 1; k < a->nviews && a->stack[k] != v; k++)
		;
	if (k >= a->nviews)
		return;			/* the bottom view, or not ours */
	while (a->nviews > k) {
		top = a->stack[--a->nviews];
		if (a->filter_view == top)
			a->filter_view = NULL;
		top->ops->close(top);
		free(top);
	}
	top = app_top(a);
	if (top->ops->resize != NULL && !a->too_small)
		top->ops->resize(top);	/* the size may have changed */
	if (top->ops->resume != NULL)
		top->ops->resume(top);
}

void
app_pop_above(struct app *a, struct view *v)
{
	size_t	k;

	for (k = 0; k + 1 < a->nviews; k++)
		if (a->stack[k] == v) {
			app_pop(a, a->stack[k + 1]);
			return;
		}
}

struct view *
app_find_view(const struct app *a, const struct view_ops *ops)
{
	size_t	k;

	for (k = a->nviews; k-- > 0;)
		if (a->stack[k]->ops == ops)
			return a->stack[k];
	return NULL;
}

struct view *
app_view_below(const struct app *a, const struct view *v)
{
	size_t	k;

	for (k = 1; k < a->nviews; k++)
		if (a->stack[k] == v)
			return a->stack[k - 1];
	return NULL;
}

uint32_t
app_current_node(const struct app *a)
{
	size_t		k;
	uint32_t	n;

	for (k = a->nviews; k-- > 0;) {
		if (a->stack[k]->ops->node == NULL)
			continue;
		n = a->stack[k]->ops->node(a->stack[k]);
		if (n != CORPUS_NONE)
			return n;
	}
	return CORPUS_NONE;
}

void
app_note_jump(struct app *a)
{
	size_t	k;

	for (k = 0; k < a->nviews; k++)
		if (a->stack[k]->ops->jump != NULL)
			a->stack[k]->ops->jump(a->stack[k]);
}

void
app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list	ap;

	free(a->message);
	a->message = NULL;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&a->message, fmt, ap) == -1)
		a->message = NULL;
	va_end(ap);
	a->message_error = error;
	if (a->message == NULL || *a->message == '\0')
		return;
	/* Kept for :messages, the oldest dropped when there are too many. */
	if (a->nmessages == APP_MAX_MESSAGES) {
		free(a->messages[0]);
		memmove(a->messages, a->messages + 1, (APP_MAX_MESSAGES - 1) *
		    sizeof *a->messages);
		memmove(a->messages_error, a->messages_error + 1,
		    (APP_MAX_MESSAGES - 1) * sizeof *a->messages_error);
		a->nmessages--;
	}
	a->messages[a->nmessages] = xstrdup(a->message);
	a->messages_error[a->nmessages] = error;
	a->nmessages++;
}

void
app_report(const char *msg)
{
	char	*t;

	t = text_sanitize(msg, strlen(msg), isatty(STDERR_FILENO) ?
	    TEXT_MODE_TTY : TEXT_MODE_PIPE, screen_ascii(), NULL);
	fprintf(stderr, "charta: %s\n", t);
	free(t);
}

void
app_messages_free(struct app *a)
{
	size_t	k;

	for (k = 0; k < a->nmessages; k++)
		free(a->messages[k]);
	a->nmessages = 0;
	free(a->message);
	a->message = NULL;
}

void
app_resize(struct app *a)
{
	size_t	k;

	a->too_small = COLS < APP_MIN_COLS || LINES < APP_MIN_LINES;
	if (a->too_small)
		return;
	for (k = 0; k < a->nviews; k++)
		if (a->stack[k]->ops->resize != NULL)
			a->stack[k]->ops->resize(a->stack[k]);
}

bool
app_dispatch(struct app *a, enum request req)
{
	size_t		 k;
	struct view	*v;

	for (k = a->nviews; k-- > 0;) {
		v = a->stack[k];
		if (v->ops->request(v, req))
			return true;
		if (!v->ops->pass_down)
			break;
	}
	return app_global_request(a, req);
}

static void
app_mouse(struct app *a)
{
	MEVENT			ev;
	struct view_mouse	m;
	struct view		*top = app_top(a);

	if (getmouse(&ev) != OK || top->ops->mouse == NULL || a->too_small)
		return;
	memset(&m, 0, sizeof m);
	m.y = ev.y;
	m.x = ev.x;
	m.click = (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0;
	m.double_click = (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0;
	m.wheel = (ev.bstate & BUTTON4_PRESSED) ? -1 :
	    (ev.bstate & BUTTON5_PRESSED) ? 1 : 0;
	top->ops->mouse(top, &m);
}

void
app_key(struct app *a, int ch, bool is_func)
{
	struct keymap_key	 key;
	struct view		*top = app_top(a);
	int			 req;

	/* A paste's marker; a key the terminal would have made a signal. */
	if (is_func ? app_paste(a, ch) : screen_signal_key(ch))
		return;
	/* Enter comes as CR (nonl mode), LF or KEY_ENTER: one key. */
	if ((!is_func && ch == '\r') || (is_func && ch == KEY_ENTER)) {
		ch = '\n';
		is_func = false;
	}
	if (top->ops->key != NULL && top->ops->key(top, ch, is_func))
		return;
	if (a->prc != NULL) {
		app_prompt_key(a, ch, is_func);
		return;
	}
	app_message(a, false, NULL);
	key.code = ch;
	key.is_func = is_func;
	req = keymap_lookup(top->ops->keys, a->prefix, &key);
	if (req == -1) {
		a->prefix = ch;
		return;
	}
	a->prefix = 0;
	if (req == REQ_NONE) {
		if (!a->too_small)
			app_message(a, false, "%s", _("key not bound; press ? "
			    "for help"));
		return;
	}
	if (a->too_small && req != REQ_QUIT)
		return;
	app_dispatch(a, (enum request)req);
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

/*
 * What no screen needs before the first key waits until the first screen
 * is out, which then comes sooner: the filter's index starts building (on
 * a thread) and the state file is opened.  Its warnings go to the status
 * line.
 */
static void
app_after_first_screen(struct app *a)
{
	a->started = true;
	app_index_prepare(a);
	app_state_open(a, 0);
	/* A state held for the first screen's look (app_state_open_first). */
	state_release(a->state);
}

/* The top view has idle work left: app_wait polls without sleeping. */
void
app_idle_again(struct app *a)
{
	a->idle_again = true;
}

/*
 * Sleep until a key, a signal or a worker's wake-up comes (not at all if
 * a view asked app_idle_again).  Returns 0, or an exit status if the
 * terminal is gone.
 */
static int
app_wait(struct app *a)
{
	struct pollfd	pfd[4];
	nfds_t		n = 0, k, wake = 0, st = 0;

	pfd[n].fd = screen_input_fd();
	pfd[n++].events = POLLIN;
	pfd[n].fd = signals_fd();
	pfd[n++].events = POLLIN;
	if (app_wake_fd(a) >= 0) {
		wake = n;
		pfd[n].fd = app_wake_fd(a);
		pfd[n++].events = POLLIN;
	}
	if (a->state != NULL && state_event_fd(a->state) >= 0) {
		st = n;
		pfd[n].fd = state_event_fd(a->state);
		pfd[n++].events = POLLIN;
	}
	for (k = 0; k < n; k++)
		pfd[k].revents = 0;
	/* What the heap grew by since it was last hinted, before a sleep. */
	if (!a->idle_again)
		xmalloc_heap_huge();
	/* Work left for the idle op: look for keys, do not sleep. */
	if (poll(pfd, n, a->idle_again ? 0 : -1) == -1)
		return 0;		/* a signal (SIGWINCH): look again */
	if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
		return 129;
	if (pfd[1].revents & POLLIN)
		signals_drain();
	if (wake != 0 && (pfd[wake].revents & POLLIN))
		app_woken(a);
	if (st != 0 && (pfd[st].revents & POLLIN))
		app_state_events(a);
	return 0;
}

/* The signals that end the reader, as exit statuses (0: none came). */
static int
app_signalled(struct app *a)
{
	if (signals_hup)
		return 129;
	if (signals_term)
		return 143;
	if (signals_quit)
		return 131;	/* Ctrl-\: as SIGTERM, not a core dump */
	if (signals_int) {
		signals_int = 0;
		if (a->prc == NULL)
			return 130;
		/* Ctrl-C cancels a prompt, as Esc does */
		app_prompt_key(a, 27, false);
	}
	return 0;
}

static int
app_loop(struct app *a)
{
	struct view	*top;
	wint_t		 wc;
	int		 rc, st, stale = 0;

	/*
	 * Keys are read without waiting: curses may hold keys it has read
	 * (the 'q' after an Esc it tried as a sequence) that poll() cannot
	 * see, so every key it has comes first; then the work, the drawing,
	 * and the sleep.
	 */
	nodelay(stdscr, TRUE);
	for (;;) {
		if (!a->started) {
			/*
			 * The first screen comes before any key typed ahead,
			 * unless they were answered on the first documents'
			 * screen (ui-run.c): then theirs is the first.
			 */
			if (!a->keys_first) {
				app_draw(a);
				refresh();
			}
			app_after_first_screen(a);
			if (!a->keys_first) {
				app_draw(a);	/* what it had to say */
				refresh();
			}
		}
		if ((st = app_signalled(a)) != 0)
			return st;
		if (a->quit)
			return a->status;
		rc = get_wch(&wc);
		if (rc != ERR) {
			stale = 0;
			app_state_settle(a);
			if (rc == KEY_CODE_YES && wc == KEY_RESIZE)
				app_resize(a);
			else if (rc == KEY_CODE_YES && wc == KEY_MOUSE)
				app_mouse(a);
			else
				app_key(a, (int)wc, rc == KEY_CODE_YES);
			continue;
		}
		if (errno == EIO)
			return 129;
		errno = 0;
		app_filter_settle(a);
		top = app_top(a);
		a->idle_again = false;
		if (top->ops->idle != NULL)
			top->ops->idle(top);
		app_draw(a);
		refresh();
		/*
		 * A terminal that says it has input but gives no key, time
		 * after time, is gone (end of file on the tty).
		 */
		if (app_input_pending() && ++stale > 1000)
			return 129;
		if ((st = app_wait(a)) != 0)
			return st;
	}
}

int
app_run(struct app *a)
{
	char	*msg = NULL;
	size_t	 k;
	int	 status;

	app_resize(a);
	status = app_loop(a);
	/* What must be kept is kept, however the reader ends. */
	for (k = 0; k < a->nviews; k++)
		if (a->stack[k]->ops->quit != NULL)
			a->stack[k]->ops->quit(a->stack[k]);
	if (status == 129)
		endwin();		/* nothing more to say to a lost tty */
	screen_done();
	app_prompt_abandon(a);
	while (a->nviews > 0) {
		struct view	*v = a->stack[--a->nviews];

		v->ops->close(v);
		free(v);
	}
	app_filter_free(a);
	app_messages_free(a);
	/* A lost terminal is not kept waiting long: the rest is rescued. */
	if (state_close_with(a->state, status == 129 ? 500 :
	    STATE_CLOSE_WAIT_MS, &msg) > 0 && msg != NULL)
		app_report(msg);
	free(msg);
	return status;
}
