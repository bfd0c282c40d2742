/*
 * ui-run.c -- the reader's entry points (see ui.h): the key bindings from
 * the config file, the terminal, the reader at the bottom of the view
 * stack, and the loop; for a large corpus, a first screen drawn from its
 * first documents while the rest loads on a thread.
 *
 * Keys typed while the rest loads: a filter being typed ("/" and what
 * follows) is answered at once on the first documents, its count saying
 * "so far (loading...)", since the first matches in reading order are
 * the same there as in the whole.  Every key is kept, and when the whole
 * corpus is in, the keys go again, in order, to its reader, whose answer
 * replaces the preview: what the keys do is what they do on the whole.
 * The first key that is anything else (Enter, a movement, a command) ends
 * the preview, and it and the keys after it wait for the whole corpus.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/corpus.h"
#include "store/state.h"
#include "ui/app.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "ui/keymap.h"
#include "ui/ui.h"
#include "util/signals.h"
#include "util/xmalloc.h"

/*
 * How long the first screen waits for the user's state, to be drawn at
 * the reading position kept rather than jump there after.
 */
#define UI_STATE_WAIT_MS	150

/* An app on c, with nothing on its stack. */
static void
ui_app_init(struct app *a, const struct corpus *c,
    const struct command *commands, size_t ncommands)
{
	memset(a, 0, sizeof *a);
	a->c = c;
	a->commands = commands;
	a->ncommands = ncommands;
	a->wake[0] = a->wake[1] = -1;
}

/* The key bindings, the terminal and an app on c.  0 or -1 (*err). */
static int
ui_setup(struct app *a, const struct corpus *c,
    const struct command *commands, size_t ncommands, char **err)
{
	/* The key bindings and settings of the config file. */
	if (keymap_config_load(err) == -1)
		return -1;
	if (screen_init(err) == -1)
		return -1;
	ui_app_init(a, c, commands, ncommands);
	return 0;
}

/* The reader's first screen from a look into the state (reader_peek). */
static bool
ui_peek(void *r)
{
	return reader_peek(r, NULL);
}

/* A first part's reader, and the document last read, from a look. */
struct ui_first {
	struct reader	*r;
	char		*last;
};

static bool
ui_staged_peek(void *arg)
{
	struct ui_first	*f = arg;

	return reader_peek(f->r, &f->last);
}

int
ui_run(const struct corpus *c, unsigned int start,
    const struct command *commands, size_t ncommands, char **err)
{
	struct app	 a;
	struct reader	*r;

	if (ui_setup(&a, c, commands, ncommands, err) == -1)
		return -1;
	r = reader_new(&a, start);
	app_push(&a, &reader_ops, r);
	app_resize(&a);
	app_state_open_first(&a, UI_STATE_WAIT_MS, ui_peek, r);
	return app_run(&a);
}

/*
 * Close every view and free what the app holds (nothing has run in them
 * that must be kept: no state was opened).
 */
static void
ui_app_close(struct app *a)
{
	struct view	*v;

	if (a->prc != NULL)
		app_prompt_abandon(a);
	while (a->nviews > 0) {
		v = a->stack[--a->nviews];
		v->ops->close(v);
		free(v);
	}
	app_filter_free(a);
	app_messages_free(a);
}

/* The whole corpus, loaded on a thread. */
struct ui_rest {
	const struct corpus	*(*fn)(void *, char **, char **);
	void			*arg;
	const struct corpus	*c;
	char			*notes;
	char			*err;
	int			 done[2];	/* written to when it is in */
};

static void *
ui_rest_load(void *arg)
{
	struct ui_rest	*r = arg;

	r->c = r->fn(r->arg, &r->notes, &r->err);
	(void)!write(r->done[1], "", 1);
	return NULL;
}

/*
 * Keys read while the rest loads, to go again to the whole corpus's
 * reader.  Few: a wide character takes up to 4 of curses' 137 places for
 * keys put back.
 */
#define UI_AHEAD_MAX	32
struct ui_ahead {
	int		 key[UI_AHEAD_MAX];
	bool		 func[UI_AHEAD_MAX];
	size_t		 n;
	size_t		 answered;	/* of them, answered on the first part */
	MEVENT		 ev;		/* a click that ended the reading */
	bool		 mouse;
	bool		 reading;	/* keys are still read */
};

/*
 * May the first documents' reader answer this key: one that opens the
 * filter, or types into it?
 */
static bool
ui_ahead_answers(struct app *a, int ch, bool is_func)
{
	struct keymap_key	key;

	if (app_filter_prompt_open(a)) {
		if (is_func)
			return ch == KEY_BACKSPACE;
		return ch >= 32 || ch == 8;	/* 127 and 8: Backspace */
	}
	if (is_func || a->prc != NULL || a->nviews != 1 || a->prefix != 0 ||
	    screen_signal_key(ch))
		return false;
	key.code = ch;
	key.is_func = false;
	return keymap_lookup(a->stack[0]->ops->keys, 0, &key) == REQ_FILTER;
}

/* A key read while the rest loads: keep it, and answer it if it may. */
static void
ui_ahead_key(struct app *a, struct ui_ahead *ah, int ch, bool is_func)
{
	if (is_func && ch == KEY_RESIZE) {
		app_resize(a);		/* the whole's reader starts sized */
		return;
	}
	ah->key[ah->n] = ch;
	ah->func[ah->n++] = is_func;
	if (is_func && ch == KEY_MOUSE)
		ah->mouse = getmouse(&ah->ev) == OK;
	if (ah->answered + 1 != ah->n || !a->partial ||
	    !ui_ahead_answers(a, ch, is_func))
		ah->reading = false;
	else {
		ah->answered++;
		app_key(a, ch, is_func);
	}
	if (ah->n == UI_AHEAD_MAX)
		ah->reading = false;
}

/* Put the keys back for the whole corpus's reader, the first one first. */
static void
ui_ahead_replay(struct ui_ahead *ah)
{
	size_t	k = ah->n;

	while (k-- > 0) {
		if (ah->func[k] && ah->key[k] == KEY_MOUSE) {
			if (ah->mouse)
				ungetmouse(&ah->ev);
		} else if (ah->func[k])
			ungetch(ah->key[k]);
		else
			unget_wch((wchar_t)ah->key[k]);
	}
}

/*
 * Until the rest is in: read keys and answer what may be answered on the
 * first documents, drawing after each batch.  A signal that ends the
 * reader ends the reading: the whole's reader, once loaded, ends then.
 */
static void
ui_staged_wait(struct app *a, struct ui_rest *r, struct ui_ahead *ah)
{
	struct pollfd	 pfd[4];
	struct view	*top;
	nfds_t		 n, k;
	wint_t		 wc;
	int		 rc;

	nodelay(stdscr, TRUE);
	for (;;) {
		/* Every key curses holds first: poll() cannot see those. */
		while (ah->reading && (rc = get_wch(&wc)) != ERR)
			ui_ahead_key(a, ah, (int)wc, rc == KEY_CODE_YES);
		if (ah->answered > 0) {
			app_filter_settle(a);
			top = a->stack[a->nviews - 1];
			if (top->ops->idle != NULL)
				top->ops->idle(top);
			app_draw(a);
			refresh();
		}
		n = 0;
		pfd[n].fd = r->done[0];
		pfd[n++].events = POLLIN;
		pfd[n].fd = signals_fd();
		pfd[n++].events = POLLIN;
		pfd[n].fd = app_wake_fd(a);
		pfd[n++].events = POLLIN;
		pfd[n].fd = ah->reading ? screen_input_fd() : -1;
		pfd[n++].events = POLLIN;
		for (k = 0; k < n; k++)
			pfd[k].revents = 0;
		if (poll(pfd, n, -1) == -1)
			continue;	/* a signal: look again */
		if (pfd[0].revents & POLLIN)
			return;
		if (pfd[1].revents & POLLIN) {
			signals_drain();
			if (signals_hup || signals_term || signals_quit)
				ah->reading = false;
		}
		if (pfd[2].revents & POLLIN)
			app_woken(a);
		if (pfd[3].revents & (POLLHUP | POLLERR | POLLNVAL))
			ah->reading = false;
	}
}

/*
 * The document last read, from the look (f) or else from the state; NULL
 * if none is kept.
 */
static char *
ui_staged_last(struct app *a, struct ui_first *f)
{
	char	*last = f->last;

	f->last = NULL;
	if (last == NULL && a->state != NULL && a->state_told)
		last = state_last_doc(a->state);
	return last;
}

/*
 * Close a's views and open a reader on c in their place, keeping a's
 * state, of which the new reader is told (it puts back the place kept);
 * while the state is not loaded, the reader has a look of its own into
 * it, as the first screen did (and the keys still wait for the load).
 */
static void
ui_app_move(struct app *a, const struct corpus *c)
{
	struct state		*st = a->state;
	const struct command	*commands = a->commands;
	size_t			 ncommands = a->ncommands;
	struct timespec		 keys_wait_start = a->keys_wait_start;
	int			 keys_wait_ms = a->keys_wait_ms;

	a->state = NULL;
	ui_app_close(a);
	ui_app_init(a, c, commands, ncommands);
	a->state = st;
	a->state_tried = true;
	a->keys_wait_start = keys_wait_start;
	a->keys_wait_ms = keys_wait_ms;
	app_push(a, &reader_ops, reader_new(a, CORPUS_NONE));
	app_resize(a);
	app_state_events(a);
	if (a->state != NULL && !a->state_told)
		(void)reader_peek(a->stack[0]->data, NULL);
}

/*
 * The reader of a on the document last read, alone (at(arg, last)),
 * instead of the first part, the state going with it (ui_app_move).
 * Returns that corpus (the caller frees it once the reader is closed), or
 * NULL if it cannot be had (a is left as it was).
 */
static struct corpus *
ui_staged_reopen(struct app *a, struct corpus *(*at)(void *, const char *),
    void *arg, const char *last)
{
	struct corpus	*c;

	if (at == NULL || (c = at(arg, last)) == NULL)
		return NULL;
	ui_app_move(a, c);
	return c;
}

int
ui_run_staged(const struct corpus *head,
    const struct corpus *(*rest)(void *, char **, char **),
    struct corpus *(*at)(void *, const char *), void *arg,
    const struct command *commands, size_t ncommands, char **err)
{
	struct app	 a;
	struct ui_rest	 r;
	struct ui_ahead	 ah;
	struct state	*st;
	struct corpus	*kept = NULL;
	struct ui_first	 first;
	char		*last;
	pthread_t	 t;
	bool		 threaded = false;

	if (ui_setup(&a, head, commands, ncommands, err) == -1)
		return -1;
	/*
	 * The reader of the first documents draws what the whole corpus's
	 * reader will show first: the same first nodes, unfolded alike.
	 */
	first.r = reader_new(&a, CORPUS_NONE);
	first.last = NULL;
	app_push(&a, &reader_ops, first.r);
	app_resize(&a);
	app_state_open_first(&a, UI_STATE_WAIT_MS, ui_staged_peek, &first);
	memset(&r, 0, sizeof r);
	memset(&ah, 0, sizeof ah);
	r.fn = rest;
	r.arg = arg;
	r.done[0] = r.done[1] = -1;
	/*
	 * A reading position kept in a document the first part lacks: the
	 * first screen is drawn from that document alone (a filter typed
	 * meanwhile waits for the whole, since the first matches are not
	 * there).  If it cannot be had (no such document any more), from
	 * the first part: the whole's reader says where it opens.
	 */
	if ((last = ui_staged_last(&a, &first)) != NULL &&
	    corpus_find_doc(a.c, last, strlen(last)) == CORPUS_NONE)
		kept = ui_staged_reopen(&a, at, arg, last);
	free(last);
	a.partial = kept == NULL;
	app_draw(&a);
	refresh();
	/* A state held for the first screen's look: loaded behind it. */
	state_release(a.state);
	if (pipe(r.done) == 0) {
		fcntl(r.done[0], F_SETFD, FD_CLOEXEC);
		fcntl(r.done[1], F_SETFD, FD_CLOEXEC);
		threaded = pthread_create(&t, NULL, ui_rest_load, &r) == 0;
	}
	if (threaded) {
		ah.reading = true;
		ui_staged_wait(&a, &r, &ah);
		pthread_join(t, NULL);
	} else
		r.c = rest(arg, &r.notes, &r.err);	/* here, now */
	xmalloc_heap_large();	/* the corpus is in, loaded either way */
	if (r.done[0] != -1) {
		close(r.done[0]);
		close(r.done[1]);
	}
	if (r.c == NULL) {
		st = a.state;
		a.state = NULL;
		ui_app_close(&a);
		corpus_free(kept);
		state_close(st);
		screen_done();
		*err = r.err;
		return -1;
	}
	/*
	 * The state goes on to the whole's reader, which is told of it (it
	 * is waited for as by the first key), or has a look of its own.
	 */
	app_state_settle(&a);
	ui_app_move(&a, r.c);
	corpus_free(kept);		/* its reader is closed */
	if (r.notes != NULL)
		app_message(&a, false, "%s", r.notes);
	free(r.notes);
	/*
	 * The preview stays on the screen until the whole's answer to the
	 * same keys replaces it: no screen of the whole without them between.
	 */
	a.keys_first = ah.answered > 0;
	ui_ahead_replay(&ah);
	return app_run(&a);
}
