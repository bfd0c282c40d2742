/*
 * reader-filter.c -- the filter in the reader: every change of the query
 * narrows the outline to the matching nodes (and their ancestors, for
 * context).
 *
 * When the query only grew (query_narrows), the search looks among the
 * previous matches only, which is what keeps typing a word cheap on a
 * large corpus.  Esc (cancel) puts back the selection and scroll positions
 * there were before "/".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "stats/stats.h"
#include "ui/reader.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Forget the matches and show the whole outline. */
void
reader_filter_drop(struct reader *r)
{
	index_result_free(&r->res);
	r->query = NULL;
	r->kept = false;
	r->searching = false;
	r->query_gen = app_query_generation(r->app);
	if (r->ol.filtered)
		outline_unfilter(&r->ol);
}

/* Nodes a search before the index is ready looks at, at most. */
#define READER_SCAN_NODES	20000

/*
 * Before the index is ready: the first matches of q in reading order,
 * enough for a few screens, found in the nodes' own text by the index's
 * folding and matching (query_match_text), into res.
 */
static void
reader_scan(struct reader *r, const struct query *q,
    struct index_result *res)
{
	const struct corpus	*c = r->c;
	const char		*s;
	size_t			 len, want = 2 * (size_t)app_lines() + 16;
	uint32_t		 i;

	for (i = 0; i < c->nnodes && i < READER_SCAN_NODES && res->n < want;
	    i++) {
		s = stats_node_text(c, i, &len);
		if (!query_match_text(q, s, len, c, i))
			continue;
		res->nodes = xgrowarray(res->nodes, &res->cap, res->n + 1,
		    sizeof *res->nodes);
		res->nodes[res->n++] = i;
		if (kind_is_block(c->nodes[i].kind))
			res->nblocks++;
		else
			res->nsections++;
	}
}

/*
 * Search for the app's query and show its matches.  When the last search
 * was for the query just before this one (the app keeps it alive until
 * the next change) and the new one only narrows it, look among the last
 * matches only.
 */
static void
reader_search(struct reader *r)
{
	const struct query	*q = app_query(r->app);
	const struct query	*prev = app_query_previous(r->app);
	unsigned long		 gen = app_query_generation(r->app);
	struct index		*ix;
	struct index_result	 res;
	uint32_t		 sel = r->ol.sel;
	size_t			 k;
	char			*desc;

	if (q == NULL) {
		reader_filter_drop(r);
		return;
	}
	memset(&res, 0, sizeof res);
	if ((ix = app_index(r->app)) == NULL) {
		/* The first matches now, all of them when the index is in. */
		r->searching = true;
		reader_scan(r, q, &res);
	} else if (r->query != NULL && r->query_gen + 1 == gen &&
	    prev != NULL && query_narrows(q, prev)) {
		/* Typing on: only the last matches can match the longer one. */
		r->searching = false;
		index_search_narrowing(ix, q, prev, &r->res, &res);
	} else {
		r->searching = false;
		index_search(ix, q, NULL, &res);
	}
	index_result_free(&r->res);
	r->res = res;
	/* The first matches only are no matches to narrow from. */
	r->query = r->searching ? NULL : q;
	r->query_gen = gen;
	if (r->res.n == 0) {
		/* Nothing matches: say so, and keep the whole tree. */
		if (r->ol.filtered)
			outline_unfilter(&r->ol);
		if (r->searching)
			app_message(r->app, false, "%s",
			    _("no match so far (indexing...)"));
		else if (app_partial(r->app))
			app_message(r->app, false, "%s",
			    _("no match so far (loading...)"));
		else
			app_message(r->app, true, "%s", _("no match"));
		return;
	}
	ix = app_index(r->app);
	outline_filter(&r->ol, r->res.nodes, r->res.n, ix != NULL ?
	    index_parents(ix) : NULL);
	/*
	 * Keep the selection on a match; from anywhere else go to the first
	 * match after it, so that the text pane shows a hit.
	 */
	if (r->ol.hit[sel] != OUTLINE_HIT) {
		for (k = 0; k < r->res.n && r->res.nodes[k] < sel; k++)
			;
		sel = r->res.nodes[k < r->res.n ? k : 0];
	}
	reader_select(r, sel);
	if (r->searching) {
		desc = index_describe_counts(r->res.nblocks, r->res.nsections);
		/* TRANSLATORS: the first matches, found while the index is
		   built: "12 paragraphs, 1 section so far" */
		app_message(r->app, false, _("%s so far (indexing...)"), desc);
	} else {
		desc = index_result_describe(&r->res);
		/* TRANSLATORS: the matches in the first documents, while the
		   rest of a large corpus loads: "12 paragraphs in 1 document
		   so far" */
		app_message(r->app, false, app_partial(r->app) ?
		    _("%s so far (loading...)") : "%s", desc);
	}
	free(desc);
}

/* Record the place "/" was typed at as the one a jump left. */
static void
reader_jump_from_saved(struct reader *r)
{
	struct reader_place	before;

	memset(&before, 0, sizeof before);
	before.sel = before.top_node = r->saved_sel;
	before.focus = r->focus;
	reader_jump_push(r, &before);
}

void
reader_filter(struct view *v, enum view_filter ev)
{
	struct reader	*r = v->data;

	switch (ev) {
	case VIEW_FILTER_BEGIN:
		r->saved_sel = r->ol.sel;
		r->saved_text_top = r->tv.top;
		r->saved_outline_top = r->ol.top;
		r->kept = false;
		break;
	case VIEW_FILTER_CHANGED:
		reader_search(r);
		break;
	case VIEW_FILTER_KEPT:
		if (r->query_gen != app_query_generation(r->app))
			reader_search(r);
		r->kept = r->res.n > 0;
		/* The filter took the user to a match: a jump from there. */
		if (r->kept && r->ol.sel != r->saved_sel)
			reader_jump_from_saved(r);
		if (!r->kept)
			app_query_clear(r->app);
		app_message(r->app, false, NULL);	/* the status says it */
		break;
	case VIEW_FILTER_CANCELLED:
		reader_filter_drop(r);
		reader_select(r, r->saved_sel);
		r->tv.top = r->saved_text_top;
		textview_scroll(&r->tv, 0, (size_t)r->text_rect.h);
		r->ol.top = r->saved_outline_top;
		break;
	case VIEW_FILTER_CLEARED:
		reader_filter_drop(r);
		break;
	}
}

/* The index was not ready: search now if it is. */
void
reader_filter_idle(struct view *v)
{
	struct reader	*r = v->data;

	if (r->searching && app_index(r->app) != NULL)
		reader_search(r);
}

/* Back on top: the query may have changed in a view above. */
void
reader_filter_resume(struct view *v)
{
	struct reader	*r = v->data;

	if (r->query_gen == app_query_generation(r->app))
		return;
	if (app_query(r->app) == NULL)
		reader_filter_drop(r);
	else {
		reader_search(r);
		r->kept = r->res.n > 0;
	}
}

void
reader_next_hit(struct reader *r, bool forward)
{
	const uint32_t	*h = r->res.nodes;
	size_t		 n = r->res.n, lo = 0, hi = n, k;
	uint32_t	 sel = r->ol.sel;
	const char	*wrapped = NULL;

	if (app_query(r->app) == NULL || n == 0) {
		app_message(r->app, false, "%s", _("no filter; press / to "
		    "search"));
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
		k = lo;
		if (k == n) {
			k = 0;
			wrapped = _("search wrapped to the first match");
		}
	} else {
		/* lo - 1 is the selection itself when it matches */
		k = lo;
		if (k > 0 && h[k - 1] == sel)
			k--;
		if (k == 0) {
			k = n;
			wrapped = _("search wrapped to the last match");
		}
		k--;
	}
	reader_jump_record(r);
	reader_select(r, h[k]);
	/* TRANSLATORS: after n or N: which match this is, of how many */
	if (wrapped != NULL)
		app_message(r->app, false, _("match %zu of %zu; %s"), k + 1, n,
		    wrapped);
	else
		app_message(r->app, false, _("match %zu of %zu"), k + 1, n);
}
