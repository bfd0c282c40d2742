/*
 * app-state.c -- the user's state in the reader's loop: what the state
 * store reports (loaded, saved, a failure) goes to every view, and the
 * notes a view shows come from whoever registered for them.
 */
#include "config.h"

#include <poll.h>
#include <stdlib.h>
#include <time.h>

#include "store/state.h"
#include "ui/app.h"

/* Tell every view what happened to the state. */
static void
app_state_tell(struct app *a, unsigned events)
{
	size_t	k;

	for (k = 0; k < a->nviews; k++)
		if (a->stack[k]->ops->state != NULL)
			a->stack[k]->ops->state(a->stack[k], events);
}

char *
app_notes(const struct app *a, uint32_t n)
{
	return a->notes_fn != NULL ? a->notes_fn(a->notes_arg, n) : NULL;
}

void
app_set_notes(struct app *a, char *(*fn)(void *, uint32_t), void *arg)
{
	a->notes_fn = fn;
	a->notes_arg = arg;
}

void
app_note_study_changed(struct app *a)
{
	app_state_tell(a, VIEW_STUDY_CHANGED);
}

void
app_state_events(struct app *a)
{
	unsigned	 events;
	char		*msg = NULL;

	if (a->state == NULL)
		return;
	events = state_poll(a->state, &msg);
	if (msg != NULL) {
		app_message(a, true, "%s", msg);
		free(msg);
	}
	/* The first poll after opening: the contents may be in already. */
	if (!a->state_told) {
		struct state_status	st;

		state_status(a->state, &st);
		if (st.loaded)
			events |= STATE_EVENT_LOADED;
		state_status_clear(&st);
	}
	if (events & STATE_EVENT_LOADED)
		a->state_told = true;
	if (events != 0)
		app_state_tell(a, events);
}

/* Milliseconds from t to now. */
static long
app_state_ms_since(const struct timespec *t)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000 +
	    (now.tv_nsec - t->tv_nsec) / 1000000;
}

/*
 * Open the state (once), waiting up to open_ms for it in state_open, or
 * held (state_open_with); false if it was opened before.
 */
static bool
app_state_start(struct app *a, int open_ms, bool held)
{
	struct state_options	 opts = { NULL, open_ms, STATE_JOURNAL_AUTO,
				    STATE_SYNC_FULL, held };
	char			*err = NULL;

	if (a->state_tried)
		return false;
	a->state_tried = true;
	a->state = state_open_with(&opts, &err);
	if (err != NULL) {
		app_message(a, true, "%s", err);
		free(err);
	}
	app_state_events(a);
	return true;
}

/* Wait for the state's contents until start + wait_ms at most. */
static void
app_state_wait(struct app *a, const struct timespec *start, int wait_ms)
{
	struct pollfd	pfd;
	long		left;

	while (a->state != NULL && !a->state_told &&
	    (left = wait_ms - app_state_ms_since(start)) > 0) {
		pfd.fd = state_event_fd(a->state);
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (pfd.fd < 0)
			break;
		(void)poll(&pfd, 1, (int)left);
		app_state_events(a);
	}
}

void
app_state_open(struct app *a, int wait_ms)
{
	struct timespec	start;

	clock_gettime(CLOCK_MONOTONIC, &start);
	if (app_state_start(a, STATE_OPEN_WAIT_MS, false))
		app_state_wait(a, &start, wait_ms);
}

void
app_state_open_first(struct app *a, int wait_ms, bool (*peek)(void *),
    void *arg)
{
	struct timespec	start;

	clock_gettime(CLOCK_MONOTONIC, &start);
	/* Held: the writer thread opens the file after the first screen. */
	if (!app_state_start(a, 0, true))
		return;
	if (a->state != NULL && peek(arg)) {
		/* The keys wait for the rest, as the first screen did. */
		a->keys_wait_start = start;
		a->keys_wait_ms = wait_ms;
		return;
	}
	state_release(a->state);
	app_state_wait(a, &start, wait_ms);
}

void
app_state_settle(struct app *a)
{
	if (a->keys_wait_ms <= 0)
		return;
	app_state_wait(a, &a->keys_wait_start, a->keys_wait_ms);
	a->keys_wait_ms = 0;
}
