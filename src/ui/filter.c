/*
 * filter.c -- the live filter: every keystroke in the "/" prompt narrows
 * the outline to the matching nodes (and their ancestors, for context).
 *
 * When the query only grew (query_narrows), the search looks among the
 * previous matches only, which is what keeps typing a word cheap on a large
 * corpus.  Enter keeps the filter and adds it to the history; Esc drops it
 * and puts back the selection and scroll positions there were before "/".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "store/state.h"
#include "ui/app.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static void
filter_load_history(struct app *a)
{
	state_history_free(a->history, a->nhistory);
	a->nhistory = state_history(a->state, "filter", &a->history);
	a->history_pos = 0;
}

static void *
filter_build(void *arg)
{
	return index_build(arg);
}

void
filter_prepare(struct app *a)
{
	if (a->ix != NULL || a->ix_building)
		return;
	a->ix_building = pthread_create(&a->ix_thread, NULL, filter_build,
	    (void *)a->c) == 0;
}

/* Wait for the thread building the index, if there is one. */
static void
filter_join(struct app *a)
{
	void	*ix;

	if (!a->ix_building)
		return;
	if (pthread_join(a->ix_thread, &ix) == 0)
		a->ix = ix;
	a->ix_building = false;
}

/* The index, waiting for the thread that builds it if need be. */
static struct index *
filter_index(struct app *a)
{
	filter_join(a);
	if (a->ix == NULL)
		a->ix = index_build(a->c);
	return a->ix;
}

void
filter_open(struct app *a)
{
	a->saved_sel = a->ol.sel;
	a->saved_text_top = a->tv.top;
	a->saved_outline_top = a->ol.top;
	a->prompt_kind = APP_PROMPT_FILTER;
	prompt_open(&a->pr, "/");
	if (a->filter_text != NULL)
		prompt_set(&a->pr, a->filter_text);
	filter_load_history(a);
}

void
filter_clear(struct app *a)
{
	query_free(a->query);
	a->query = NULL;
	index_result_free(&a->res);
	free(a->filter_text);
	a->filter_text = NULL;
	if (a->ol.filtered)
		outline_unfilter(&a->ol);
}

void
filter_free(struct app *a)
{
	filter_clear(a);
	filter_join(a);		/* before freeing what it made */
	index_free(a->ix);
	a->ix = NULL;
	state_history_free(a->history, a->nhistory);
	a->history = NULL;
	a->nhistory = 0;
}

/* Run the query in the prompt and show its matches. */
static void
filter_update(struct app *a)
{
	const char		*text = prompt_text(&a->pr);
	struct query		*q;
	struct index_result	 r;
	const struct index_result *within = NULL;
	char			*err, *desc;
	uint32_t		 sel = a->ol.sel;
	size_t			 k;

	filter_index(a);
	q = query_parse(a->c, text, strlen(text), &err);
	if (q == NULL) {
		app_message(a, true, "%s", err);
		free(err);
		return;			/* keep showing the last good result */
	}
	if (query_is_empty(q)) {
		query_free(q);
		query_free(a->query);
		a->query = NULL;
		index_result_free(&a->res);
		if (a->ol.filtered)
			outline_unfilter(&a->ol);
		app_message(a, false, NULL);
		return;
	}
	if (a->query != NULL && query_narrows(q, a->query))
		within = &a->res;
	memset(&r, 0, sizeof r);
	index_search_narrowing(a->ix, q, within ? a->query : NULL, within,
	    &r);
	index_result_free(&a->res);
	a->res = r;
	query_free(a->query);
	a->query = q;

	if (a->res.n == 0) {
		/* Nothing matches: say so, and keep the whole tree. */
		if (a->ol.filtered)
			outline_unfilter(&a->ol);
		app_message(a, true, "%s", _("no match"));
		return;
	}
	outline_filter(&a->ol, a->res.nodes, a->res.n);
	/*
	 * Keep the selection on a match; from anywhere else go to the first
	 * match after it, so that the text pane shows a hit.
	 */
	if (a->ol.hit[sel] != OUTLINE_HIT) {
		for (k = 0; k < a->res.n && a->res.nodes[k] < sel; k++)
			;
		sel = a->res.nodes[k < a->res.n ? k : 0];
	}
	app_select(a, sel);
	desc = index_result_describe(&a->res);
	app_message(a, false, "%s", desc);
	free(desc);
}

/* Enter: keep the filter (and remember it). */
static void
filter_keep(struct app *a)
{
	char	*err = NULL;

	free(a->filter_text);
	a->filter_text = NULL;
	if (a->query == NULL || a->res.n == 0) {
		filter_clear(a);
		app_message(a, false, NULL);
		return;
	}
	a->filter_text = xstrdup(prompt_text(&a->pr));
	app_message(a, false, NULL);	/* the status line shows the filter */
	if (a->state != NULL && state_history_add(a->state, "filter",
	    a->filter_text, &err) == -1) {
		app_message(a, true, "%s", err);
		free(err);
	}
}

/* Esc: no filter, and the view as it was before "/". */
static void
filter_cancel(struct app *a)
{
	filter_clear(a);
	app_message(a, false, NULL);
	app_select(a, a->saved_sel);
	a->tv.top = a->saved_text_top;
	textview_scroll(&a->tv, 0, (size_t)a->text_rect.h);
	a->ol.top = a->saved_outline_top;
}

/* Up and Down walk the history (0 is the text being typed). */
static void
filter_history(struct app *a, bool older)
{
	if (a->nhistory == 0)
		return;
	if (older && a->history_pos < a->nhistory)
		a->history_pos++;
	else if (!older && a->history_pos > 0)
		a->history_pos--;
	prompt_set(&a->pr, a->history_pos == 0 ? "" :
	    a->history[a->history_pos - 1]);
	a->filter_dirty = true;
}

void
filter_key(struct app *a, int ch, bool is_func)
{
	size_t	before = a->pr.buf.len;
	char	*old = xstrdup(prompt_text(&a->pr));

	if (is_func && (ch == KEY_UP || ch == KEY_DOWN)) {
		filter_history(a, ch == KEY_UP);
		free(old);
		return;
	}
	switch (prompt_key(&a->pr, ch, is_func)) {
	case PROMPT_EDITING:
		/* Only a change of text searches again. */
		if (a->pr.buf.len != before ||
		    strcmp(old, prompt_text(&a->pr)) != 0)
			a->filter_dirty = true;
		break;
	case PROMPT_COMPLETE:
		break;
	case PROMPT_CANCEL:
		a->filter_dirty = false;
		prompt_close(&a->pr);
		filter_cancel(a);
		break;
	case PROMPT_DONE:
		filter_settle(a);
		filter_keep(a);
		prompt_close(&a->pr);
		break;
	}
	free(old);
}

void
filter_settle(struct app *a)
{
	if (!a->filter_dirty)
		return;
	a->filter_dirty = false;
	if (a->pr.active && a->prompt_kind == APP_PROMPT_FILTER)
		filter_update(a);
}

void
filter_next(struct app *a, bool forward)
{
	const uint32_t	*h = a->res.nodes;
	size_t		 n = a->res.n, lo = 0, hi = n;
	uint32_t	 sel = a->ol.sel;

	if (a->query == NULL || n == 0) {
		app_message(a, false, "%s", _("no filter; press / to search"));
		return;
	}
	/* The first match after the selection (binary search). */
	while (lo < hi) {
		size_t	mid = lo + (hi - lo) / 2;

		if (h[mid] <= sel)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (forward) {
		if (lo == n) {
			app_select(a, h[0]);
			app_message(a, false, "%s", _("search wrapped to the "
			    "first match"));
		} else
			app_select(a, h[lo]);
	} else {
		/* lo - 1 is the selection itself when it matches */
		size_t	k = lo;

		if (k > 0 && h[k - 1] == sel)
			k--;
		if (k == 0) {
			app_select(a, h[n - 1]);
			app_message(a, false, "%s", _("search wrapped to the "
			    "last match"));
		} else
			app_select(a, h[k - 1]);
	}
}
