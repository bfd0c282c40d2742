/*
 * app-filter.c -- the filter's query, shared by every view, and the folded
 * index it searches.
 *
 * "/" opens the prompt for the view on top.  Every edit marks the query
 * dirty; when no key is waiting, the loop parses it (app_filter_settle),
 * makes it the query of the reader and tells the view, which narrows its
 * rows (the outline, a list) or only highlights.  Parsing once for all the
 * keys typed meanwhile keeps a slow search from making the screen lag
 * behind the keyboard.  Enter keeps the query (and adds it to the
 * history); Esc drops it and the view goes back to where it was.
 *
 * The index is built on a thread after the first screen.  A search asked
 * for before it is ready says "indexing..." and waits for the thread's
 * wake-up (app_wake_fd), without blocking the keyboard.
 */
#include "config.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index/index.h"
#include "model/corpus.h"
#include "ui/app.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

const struct query *
app_query(const struct app *a)
{
	return a->query;
}

const char *
app_query_text(const struct app *a)
{
	return a->query_text != NULL ? a->query_text : "";
}

unsigned long
app_query_generation(const struct app *a)
{
	return a->query_gen;
}

/* Tell the view the filter belongs to (if it is still open). */
static void
app_filter_tell(struct app *a, enum view_filter ev)
{
	struct view	*v = a->filter_view;

	if (v != NULL && v->ops->filter != NULL)
		v->ops->filter(v, ev);
}

bool
app_partial(const struct app *a)
{
	return a->partial;
}

const struct query *
app_query_previous(const struct app *a)
{
	return a->query_prev;
}

/*
 * Set the query (q may be NULL) and its text.  The one it replaces stays
 * alive until the next change, for the views to narrow their last search.
 */
static void
app_query_set(struct app *a, struct query *q, const char *text)
{
	query_free(a->query_prev);
	a->query_prev = a->query;
	a->query = q;
	free(a->query_text);
	a->query_text = q != NULL ? xstrdup(text) : NULL;
	a->query_gen++;
}

void
app_query_clear(struct app *a)
{
	if (a->query == NULL)
		return;
	app_query_set(a, NULL, NULL);
	app_filter_tell(a, VIEW_FILTER_CLEARED);
}

static void
app_filter_changed(struct app *a, void *arg, const char *text)
{
	(void)arg;
	(void)text;
	a->filter_dirty = true;
}

/* Make text the query and tell the view (the index must be ready). */
static void
app_filter_search(struct app *a, const char *text)
{
	struct query	*q;
	char		*err;

	a->filter_dirty = false;
	q = query_parse(a->c, text, strlen(text), &err);
	if (q == NULL) {
		/*
		 * Keep showing the last good result; say what is wrong --
		 * unless only the first documents are loaded: the document
		 * named may be in the rest.
		 */
		if (a->partial)
			app_message(a, false, "%s", _("loading..."));
		else
			app_message(a, true, "%s", err);
		free(err);
		return;
	}
	app_message(a, false, NULL);
	if (query_is_empty(q)) {
		query_free(q);
		app_query_clear(a);
		return;
	}
	app_query_set(a, q, text);
	app_filter_tell(a, VIEW_FILTER_CHANGED);
}

void
app_filter_settle(struct app *a)
{
	if (!a->filter_dirty || a->prc == NULL)
		return;
	/*
	 * Before the index is ready too: the view shows what it can (the
	 * reader, the first matches) and searches again when it is.
	 */
	app_filter_search(a, prompt_text(&a->pr));
}

static const struct prompt_client app_filter_client;

bool
app_filter_prompt_open(const struct app *a)
{
	return a->prc == &app_filter_client;
}

static void
app_filter_done(struct app *a, void *arg, const char *text)
{
	struct query	*q;
	char		*err;

	(void)arg;
	/*
	 * A query that does not parse is not kept under the text typed: the
	 * prompt stays, with the error, to be mended or dropped with Esc.
	 */
	if ((q = query_parse(a->c, text, strlen(text), &err)) == NULL) {
		app_prompt(a, "/", &app_filter_client, NULL, text);
		app_message(a, true, "%s", err);
		free(err);
		return;
	}
	query_free(q);
	/* The search for the last keys, if it is still to come. */
	if (a->filter_dirty || a->query_text == NULL ||
	    strcmp(a->query_text, text) != 0) {
		app_index_wait(a);
		app_filter_search(a, text);
	}
	if (a->query == NULL) {
		app_filter_tell(a, VIEW_FILTER_CLEARED);
		return;
	}
	app_filter_tell(a, VIEW_FILTER_KEPT);
}

static void
app_filter_cancel(struct app *a, void *arg)
{
	(void)arg;
	a->filter_dirty = false;
	app_query_set(a, NULL, NULL);
	app_filter_tell(a, VIEW_FILTER_CANCELLED);
}

static const struct prompt_client app_filter_client = {
	.history = "filter",
	.complete = PROMPT_COMPLETE_NONE,
	.done = app_filter_done,
	.cancel = app_filter_cancel,
	.changed = app_filter_changed,
};

void
app_filter_open(struct app *a)
{
	struct view	*top = a->stack[a->nviews - 1];

	if (top->ops->filter == NULL) {
		app_message(a, false, "%s", _("nothing to filter here"));
		return;
	}
	a->filter_view = top;
	app_filter_tell(a, VIEW_FILTER_BEGIN);
	app_prompt(a, "/", &app_filter_client, NULL, app_query_text(a));
}

/*
 * The index thread: builds, then says so down the wake pipe.  The loop
 * joins it when it wakes.
 */
static void *
app_index_build(void *arg)
{
	struct app	*a = arg;
	struct index	*ix = index_build(a->c);

	atomic_store(&a->ix_done, true);
	if (a->wake[1] != -1)
		(void)!write(a->wake[1], "", 1);
	return ix;
}

void
app_index_prepare(struct app *a)
{
	int	k;

	if (a->ix != NULL || a->ix_building)
		return;
	if (a->wake[0] == -1 && pipe(a->wake) == 0)
		for (k = 0; k < 2; k++) {
			fcntl(a->wake[k], F_SETFL, O_NONBLOCK |
			    fcntl(a->wake[k], F_GETFL));
			fcntl(a->wake[k], F_SETFD, FD_CLOEXEC);
		}
	atomic_store(&a->ix_done, false);
	/* The first documents of a large corpus: a screenful, folded now. */
	a->ix_building = !a->partial && pthread_create(&a->ix_thread, NULL,
	    app_index_build, a) == 0;
	if (!a->ix_building)
		a->ix = index_build(a->c);	/* no thread: here, now */
}

/* Join the thread if it has finished (or, if wait, when it does). */
static void
app_index_join(struct app *a, bool wait)
{
	void	*ix;

	if (!a->ix_building || (!wait && !atomic_load(&a->ix_done)))
		return;
	if (pthread_join(a->ix_thread, &ix) == 0)
		a->ix = ix;
	a->ix_building = false;
}

struct index *
app_index(struct app *a)
{
	if (a->ix == NULL && !a->ix_building)
		app_index_prepare(a);
	app_index_join(a, false);
	return a->ix;
}

void
app_index_wait(struct app *a)
{
	if (a->ix == NULL && !a->ix_building)
		app_index_prepare(a);
	app_index_join(a, true);
}

int
app_wake_fd(const struct app *a)
{
	return a->wake[0];
}

void
app_woken(struct app *a)
{
	char	buf[64];

	while (read(a->wake[0], buf, sizeof buf) > 0)
		;
	app_index_join(a, false);
}

void
app_filter_free(struct app *a)
{
	app_query_set(a, NULL, NULL);
	query_free(a->query_prev);
	a->query_prev = NULL;
	app_index_join(a, true);	/* before freeing what it made */
	index_free(a->ix);
	a->ix = NULL;
	if (a->wake[0] != -1) {
		close(a->wake[0]);
		close(a->wake[1]);
		a->wake[0] = a->wake[1] = -1;
	}
}
