/*
 * stats-view.c -- the statistics view: `:stats TERM...` (for each term its
 * count and rate per 10,000 words per document, or with v per chapter, as
 * a table with bars; a dispersion plot per document; its collocates) and
 * `:keyness REF REF`.  The figures are those
 * of `charta stats`, `collocates` and `keyness` (stats/stats.h); ] and [
 * go from one part of the report to the next.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/stats.h"
#include "ui/spans-draw.h"
#include "ui/stats-view.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The same defaults as the command line's. */
#define SV_WINDOW	5
#define SV_MIN		2

static void
sv_add(struct stats_view *sv, enum sv_row_kind kind, size_t a, size_t b)
{
	sv->rows = xgrowarray(sv->rows, &sv->cap, sv->nrows + 1,
	    sizeof *sv->rows);
	sv->rows[sv->nrows].kind = kind;
	sv->rows[sv->nrows].a = (uint32_t)a;
	sv->rows[sv->nrows].b = (uint32_t)b;
	sv->nrows++;
}

char *
sv_count_name(const struct stats_view *sv, size_t b)
{
	const struct corpus		*c = app_corpus(sv->app);
	const struct stats_part		*p;
	const struct corpus_doc		*d;

	if (!sv->by_part) {
		d = &c->docs[b];
		return xstrdup(*d->alias ? d->alias : d->slug);
	}
	p = &sv->counts.parts[b];
	d = &c->docs[p->doc];
	if (p->node == d->root)
		return xstrdup(*d->alias ? d->alias : d->slug);
	return xasprintf("%s:%s %s", *d->alias ? d->alias : d->slug,
	    c->nodes[p->node].label, c->nodes[p->node].title);
}

/* The collocates' rows of term ti. */
static void
sv_rows_collocates(struct stats_view *sv, size_t ti)
{
	size_t	k;

	sv_add(sv, SV_COLL_HEAD, ti, 0);
	if (sv->stop_err != NULL) {
		sv_add(sv, SV_NOTE, SV_NOTE_STOPWORDS, 0);
		return;
	}
	if (!sv->colls[ti].done) {
		sv_add(sv, SV_NOTE, SV_NOTE_COUNTING, 0);
		return;
	}
	if (sv->colls[ti].n == 0) {
		sv_add(sv, SV_NOTE, SV_NOTE_NO_COLLOCATE, 0);
		return;
	}
	sv_add(sv, SV_COLL_COLS, ti, 0);
	for (k = 0; k < sv->colls[ti].n; k++)
		sv_add(sv, SV_COLL, ti, k);
}

/* Lay the report out as rows (again, after v). */
static void
sv_rows(struct stats_view *sv)
{
	const struct corpus	*c = app_corpus(sv->app);
	size_t			 ti, r, nr, w;
	char			*name;

	sv->nrows = 0;
	sv->namew = 8;
	if (sv->mode == SV_KEYNESS) {
		sv_add(sv, SV_KEY_HEAD, 0, 0);
		if (sv->stop_err != NULL)
			sv_add(sv, SV_NOTE, SV_NOTE_STOPWORDS, 0);
		else if (sv->key.n == 0)
			sv_add(sv, SV_NOTE, SV_NOTE_NO_KEY, 0);
		else {
			sv_add(sv, SV_KEY_COLS, 0, 0);
			for (r = 0; r < sv->key.n; r++)
				sv_add(sv, SV_KEY, 0, r);
		}
		return;
	}
	nr = sv->by_part ? sv->counts.nparts : sv->counts.ndocs;
	for (r = 0; r < nr; r++) {
		name = sv_count_name(sv, r);
		w = spans_width(name, strlen(name));
		if (w > sv->namew)
			sv->namew = w;
		free(name);
	}
	for (ti = 0; ti < sv->nterms; ti++) {
		if (ti > 0)
			sv_add(sv, SV_BLANK, 0, 0);
		sv_add(sv, SV_HEADING, ti, 0);
		sv_add(sv, SV_COUNT_HEAD, ti, 0);
		for (r = 0; r < nr; r++)
			sv_add(sv, SV_COUNT, ti, r);
		sv_add(sv, SV_COUNT_TOTAL, ti, 0);
		sv_add(sv, SV_BLANK, 0, 0);
		sv_add(sv, SV_DISP_HEAD, ti, 0);
		for (r = 0; r < c->ndocs; r++) {
			if (sv->counts.doc_words[r] == 0)
				continue;
			sv_add(sv, SV_DISP, ti, r);
			sv_add(sv, SV_DISP_LABELS, ti, r);
		}
		sv_add(sv, SV_BLANK, 0, 0);
		sv_rows_collocates(sv, ti);
	}
}

static void
sv_close(struct view *v)
{
	struct stats_view	*sv = v->data;
	size_t			 ti;

	for (ti = 0; ti < sv->nterms; ti++) {
		stats_term_free(&sv->terms[ti]);
		if (sv->colls != NULL)
			stats_collocates_free(&sv->colls[ti]);
	}
	free(sv->terms);
	free(sv->colls);
	stats_vocab_free(&sv->stop);
	stats_counts_free(&sv->counts);
	stats_keyness_free(&sv->key);
	free(sv->stop_err);
	free(sv->rows);
	free(sv->what);
	free(sv);
}

/* The next (previous) heading of a part of the report. */
static void
sv_part(struct stats_view *sv, bool next)
{
	size_t	r;

	for (r = sv->top; next ? r + 1 < sv->nrows : r > 0;) {
		r = next ? r + 1 : r - 1;
		switch (sv->rows[r].kind) {
		case SV_HEADING:
		case SV_DISP_HEAD:
		case SV_COLL_HEAD:
		case SV_KEY_HEAD:
			sv->top = r;
			return;
		default:
			break;
		}
	}
}

static void
sv_scroll(struct stats_view *sv, long delta)
{
	long	body = app_lines() - 2, max, t;

	max = (long)sv->nrows - body;
	if (max < 0)
		max = 0;
	t = (long)sv->top + delta;
	if (t > max)
		t = max;
	if (t < 0)
		t = 0;
	sv->top = (size_t)t;
}

static bool
sv_request(struct view *v, enum request req)
{
	struct stats_view	*sv = v->data;
	long			 page = app_lines() - 3;

	if (page < 1)
		page = 1;
	switch (req) {
	case REQ_DOWN:
		sv_scroll(sv, 1);
		break;
	case REQ_UP:
		sv_scroll(sv, -1);
		break;
	case REQ_PAGE_DOWN:
		sv_scroll(sv, page);
		break;
	case REQ_PAGE_UP:
		sv_scroll(sv, -page);
		break;
	case REQ_HALF_DOWN:
		sv_scroll(sv, page / 2 ? page / 2 : 1);
		break;
	case REQ_HALF_UP:
		sv_scroll(sv, -(page / 2 ? page / 2 : 1));
		break;
	case REQ_TOP:
		sv->top = 0;
		break;
	case REQ_BOTTOM:
		sv_scroll(sv, (long)sv->nrows);
		break;
	case REQ_NEXT_SIBLING:
	case REQ_PREV_SIBLING:
		sv_part(sv, req == REQ_NEXT_SIBLING);
		break;
	case REQ_STATS_BY:
		if (sv->mode != SV_TERMS) {
			app_message(sv->app, false, "%s", _("only the counts "
			    "of :stats are per document or chapter"));
			break;
		}
		sv->by_part = !sv->by_part;
		sv->top = 0;
		sv_rows(sv);
		break;
	case REQ_CLOSE:
		app_pop(v->app, v);
		break;
	default:
		return false;
	}
	return true;
}

static void
sv_mouse(struct view *v, const struct view_mouse *m)
{
	if (m->wheel != 0)
		sv_scroll(v->data, 3 * m->wheel);
}

/* Nodes the collocates count in one slice (a few milliseconds' work). */
#define SV_SLICE	2000

/* Count a slice of the first term whose collocates are not done. */
static void
sv_idle(struct view *v)
{
	struct stats_view	*sv = v->data;
	size_t			 ti;

	if (sv->colls == NULL || sv->stop_err != NULL)
		return;
	for (ti = 0; ti < sv->nterms && sv->colls[ti].done; ti++)
		;
	if (ti == sv->nterms)
		return;
	if (stats_collocates_more(&sv->colls[ti], SV_SLICE)) {
		stats_collocates_finish(&sv->colls[ti], &sv->stop);
		sv_rows(sv);
	}
	if (ti + 1 < sv->nterms || !sv->colls[ti].done)
		app_idle_again(sv->app);
}

static const struct view_ops sv_ops = {
	.name = "stats",
	.keys = KEYMAP_STATS,
	.close = sv_close,
	.draw = sv_draw,
	.request = sv_request,
	.status = sv_status,
	.mouse = sv_mouse,
	.idle = sv_idle,
};

/* A new view of mode for the arguments argv[0..argc), terms parsed. */
static struct stats_view *
sv_new(struct app *a, enum sv_mode mode, int argc, char **argv, int nterms)
{
	struct stats_view	*sv;
	struct text_buf		 b;
	char			*err;
	int			 i;

	sv = xcalloc(1, sizeof *sv);
	sv->app = a;
	sv->mode = mode;
	text_buf_init(&b);
	for (i = 0; i < argc; i++) {
		if (i > 0)
			text_buf_addc(&b, ' ');
		text_buf_puts(&b, argv[i]);
	}
	sv->what = text_buf_steal(&b);
	sv->terms = xcalloc((size_t)nterms + 1, sizeof *sv->terms);
	for (i = 0; i < nterms; i++) {
		if (stats_term_parse(&sv->terms[i], argv[i], &err) == -1) {
			app_message(a, true, "%s", err);
			free(err);
			sv->nterms = (size_t)i;
			sv_close(&(struct view){ .data = sv });
			return NULL;
		}
		sv->nterms++;
	}
	return sv;
}

/* Read the stop words into stop, or keep why not in sv->stop_err. */
static bool
sv_stopwords(struct stats_view *sv, struct stats_vocab *stop)
{
	char	*path = stats_stopwords_path();

	stats_vocab_init(stop);
	if (stats_stopwords_load(stop, path, &sv->stop_err) == -1) {
		app_message(sv->app, true, "%s", sv->stop_err);
		free(path);
		return false;
	}
	free(path);
	return true;
}

/* Push sv, replacing a statistics view already open. */
static void
sv_open(struct app *a, struct stats_view *sv)
{
	struct view	*old;

	if ((old = app_find_view(a, &sv_ops)) != NULL)
		app_pop(a, old);
	sv_rows(sv);
	app_push(a, &sv_ops, sv);
}

/* Start counting the collocates of every term of sv (sv_idle goes on). */
static void
sv_collocates(struct stats_view *sv)
{
	const struct corpus	*c = app_corpus(sv->app);
	size_t			 ti;

	sv->colls = xcalloc(sv->nterms + 1, sizeof *sv->colls);
	if (!sv_stopwords(sv, &sv->stop))
		return;
	for (ti = 0; ti < sv->nterms; ti++)
		stats_collocates_start(&sv->colls[ti], c, &sv->terms[ti], 0,
		    (uint32_t)c->nnodes, SV_WINDOW, SV_MIN);
}

void
ui_cmd_stats(struct app *a, int argc, char **argv)
{
	const struct corpus	*c = app_corpus(a);
	struct stats_view	*sv;

	if ((sv = sv_new(a, SV_TERMS, argc, argv, argc)) == NULL)
		return;
	stats_count(&sv->counts, c, sv->terms, sv->nterms);
	sv_collocates(sv);
	sv_open(a, sv);
}

/* The node ranges of "REF[,REF...]", or NULL after a message. */
static uint32_t (*sv_ranges(struct app *a, const char *arg, size_t *n))[2]
{
	const struct corpus	*c = app_corpus(a);
	uint32_t		(*v)[2] = NULL, node;
	char			*copy = xstrdup(arg), *p, *comma;
	size_t			 cap = 0;

	*n = 0;
	for (p = copy; p != NULL; p = comma) {
		if ((comma = strchr(p, ',')) != NULL)
			*comma++ = '\0';
		if (*p == '\0')
			continue;
		node = corpus_resolve(c, p, strlen(p));
		if (node == CORPUS_NONE) {
			app_message(a, true, _("no such reference: %s"), p);
			free(v);
			free(copy);
			return NULL;
		}
		v = xgrowarray(v, &cap, *n + 1, sizeof *v);
		v[*n][0] = node;
		v[*n][1] = corpus_subtree_end(c, node);
		(*n)++;
	}
	free(copy);
	if (*n == 0)
		app_message(a, true, _("no reference in '%s'"), arg);
	return v;
}

void
ui_cmd_keyness(struct app *a, int argc, char **argv)
{
	struct stats_view	*sv;
	struct stats_vocab	 stop;
	uint32_t		(*ra)[2], (*rb)[2];
	size_t			 na, nb;

	if ((ra = sv_ranges(a, argv[0], &na)) == NULL)
		return;
	if ((rb = sv_ranges(a, argv[1], &nb)) == NULL) {
		free(ra);
		return;
	}
	sv = sv_new(a, SV_KEYNESS, argc, argv, 0);
	if (sv_stopwords(sv, &stop))
		stats_keyness(&sv->key, app_corpus(a),
		    (const uint32_t (*)[2])ra, na, (const uint32_t (*)[2])rb,
		    nb, SV_MIN, &stop);
	stats_vocab_free(&stop);
	free(ra);
	free(rb);
	sv_open(a, sv);
}
