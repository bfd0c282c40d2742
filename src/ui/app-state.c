/*
 * app-state.c -- the user's state in the reader's loop: what the state
 * store reports (loaded, saved, a failure) goes to every view, and the
 * notes a view shows come from whoever registered for them.
 */
#include "config.h"

#include <stdlib.h>

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
