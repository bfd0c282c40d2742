/*
 * kwic-view.c -- the concordance view (`:kwic QUERY`, or K on a kept
 * filter): every occurrence of the query's words as a line, keyword in the
 * middle (stats/kwic.h).  s sorts by reference, by the words to the left
 * or to the right; p shows under each line the same passage of the other
 * translation; the filter (/) narrows the lines to the passages it
 * matches (doc:, kind: ...); Enter goes to the passage, c compares it
 * with its translation.
 *
 * The hits need the index; a concordance asked for while the index is
 * still being built (just after start) says so and fills in from its idle
 * op when the index is ready.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "stats/kwic.h"
#include "ui/kwic-view.h"
#include "ui/spans-draw.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

const struct kwic_hit *
kwic_view_hit(const struct kwic_view *kv, size_t i)
{
	return kwic_at(&kv->k, kv->shown[i]);
}

char *
kwic_view_ref(const struct corpus *c, uint32_t n)
{
	const struct corpus_doc	*d = &c->docs[c->nodes[n].doc];
	const char		*name = *d->alias ? d->alias : d->slug;

	if (c->nodes[n].kind == KIND_DOCUMENT)
		return xstrdup(name);
	return xasprintf("%s:%s", name, c->nodes[n].label);
}

static void
kv_close(struct view *v)
{
	struct kwic_view	*kv = v->data;

	kwic_free(&kv->k);
	query_free(kv->q);
	free(kv->shown);
	free(kv->text);
	free(kv);
}

/* Let the filter look at the hits that came since it last looked. */
static void
kv_extend(struct kwic_view *kv)
{
	const struct query	*q = app_query(kv->app);
	struct index		*ix = app_index(kv->app);

	for (; kv->seen < kv->k.n; kv->seen++) {
		if (q != NULL && ix != NULL && !index_node_matches(ix, q,
		    kwic_at(&kv->k, kv->seen)->node))
			continue;
		kv->shown = xgrowarray(kv->shown, &kv->scap, kv->nshown + 1,
		    sizeof *kv->shown);
		kv->shown[kv->nshown++] = (uint32_t)kv->seen;
	}
}

/* The hits the filter lets through, keeping the selected hit if it can. */
static void
kv_refilter(struct kwic_view *kv)
{
	uint32_t	was = kv->nshown > 0 ? kv->shown[kv->sel] : UINT32_MAX;
	size_t		i;

	kv->nshown = 0;
	kv->seen = 0;
	kv->sel = 0;
	kv_extend(kv);
	for (i = 0; i < kv->nshown; i++)
		if (kv->shown[i] == was)
			kv->sel = i;
	if (kv->top > kv->sel)
		kv->top = kv->sel;
}

/* The width of node n's short reference, without building it. */
static size_t
kv_ref_width(const struct corpus *c, uint32_t n)
{
	const struct corpus_doc	*d = &c->docs[c->nodes[n].doc];
	const char		*name = *d->alias ? d->alias : d->slug;
	char			*ref;
	size_t			 w, i;

	w = strlen(name) + 1 + strlen(c->nodes[n].label);
	for (i = 0; name[i] != '\0'; i++)
		if ((unsigned char)name[i] >= 0x80 || name[i] < 0x20)
			break;
	if (name[i] == '\0')
		for (i = 0; c->nodes[n].label[i] != '\0'; i++)
			if ((unsigned char)c->nodes[n].label[i] >= 0x80 ||
			    c->nodes[n].label[i] < 0x20)
				break;
	if (name[i] == '\0' && c->nodes[n].label[i] == '\0')
		return w;
	ref = kwic_view_ref(c, n);
	w = spans_width(ref, strlen(ref));
	free(ref);
	return w;
}

/* Nodes whose hits come in one slice (a few milliseconds' work). */
#define KV_SLICE	2000

/* Bring in a slice of hits; ask for the idle op again if some are left. */
static void
kv_slice(struct kwic_view *kv, size_t nodes)
{
	if (!kwic_more(&kv->k, nodes))
		app_idle_again(kv->app);
	kv_extend(kv);
	if (kwic_done(&kv->k) && kv->k.n == 0)
		app_message(kv->app, false, "%s", kv->k.nnodes > 0 ?
		    _("nothing to show in context: the query has no word of "
		    "two letters or more") : _("no match"));
}

/* Find the nodes and the first screen's hits, if the index is ready. */
static void
kv_build(struct kwic_view *kv)
{
	const struct corpus	*c = app_corpus(kv->app);
	struct index		*ix = app_index(kv->app);
	size_t			 i, w, want = (size_t)app_lines() * 2;

	if (kv->built || ix == NULL)
		return;
	kwic_start(&kv->k, c, ix, kv->q);
	kv->built = true;
	/* The references' column: as wide as the widest to come. */
	for (i = 0; i < kv->k.nnodes; i++) {
		w = kv_ref_width(c, kv->k.nodes[i]);
		if (w > kv->refw)
			kv->refw = w;
	}
	while (!kwic_done(&kv->k) && kv->k.n < want)
		kwic_more(&kv->k, 16);
	kv_slice(kv, 0);
}

static void
kv_idle(struct view *v)
{
	struct kwic_view	*kv = v->data;

	if (!kv->built)
		kv_build(kv);
	else if (!kwic_done(&kv->k))
		kv_slice(kv, KV_SLICE);
}

static void
kv_move(struct kwic_view *kv, long delta)
{
	long	s = (long)kv->sel + delta;

	if (s >= (long)kv->nshown)
		s = (long)kv->nshown - 1;
	if (s < 0)
		s = 0;
	kv->sel = (size_t)s;
}

/* { and }: the first hit of the next (previous) document. */
static void
kv_document(struct kwic_view *kv, bool next)
{
	const struct corpus	*c = app_corpus(kv->app);
	uint32_t		 doc;
	size_t			 i;

	if (kv->nshown == 0)
		return;
	doc = c->nodes[kwic_view_hit(kv, kv->sel)->node].doc;
	if (next) {
		for (i = kv->sel + 1; i < kv->nshown; i++)
			if (c->nodes[kwic_view_hit(kv, i)->node].doc != doc)
				break;
		if (i < kv->nshown)
			kv->sel = i;
		return;
	}
	/* Back to this document's first hit, or the one before's. */
	for (i = kv->sel; i > 0 && c->nodes[kwic_view_hit(kv, i - 1)->
	    node].doc == doc; i--)
		;
	if (i == kv->sel && i > 0) {
		doc = c->nodes[kwic_view_hit(kv, i - 1)->node].doc;
		for (i--; i > 0 && c->nodes[kwic_view_hit(kv, i - 1)->
		    node].doc == doc; i--)
			;
	}
	kv->sel = i;
}

/* Run "VERB REF [REF2]" on the selected hit (goto, compare). */
static void
kv_run(struct kwic_view *kv, bool compare)
{
	const struct corpus	*c = app_corpus(kv->app);
	const struct kwic_hit	*h;
	uint32_t		 s, e, cp;
	char			*ref, *cref, *line;

	if (kv->nshown == 0)
		return;
	h = kwic_view_hit(kv, kv->sel);
	ref = corpus_node_ref(c, h->node);
	if (!compare) {
		/* Through :goto, which records the jump (C-o comes back). */
		line = xasprintf("goto %s", ref);
		app_run_command(kv->app, line);
		free(line);
		free(ref);
		return;
	}
	cp = kwic_counterpart(c, kv->q, h, &s, &e);
	if (cp == CORPUS_NONE) {
		app_message(kv->app, false, "%s", _("this document has no "
		    "other translation"));
		free(ref);
		return;
	}
	cref = corpus_node_ref(c, cp);
	line = xasprintf("compare %s %s", ref, cref);
	app_run_command(kv->app, line);
	free(line);
	free(cref);
	free(ref);
}

static bool
kv_request(struct view *v, enum request req)
{
	struct kwic_view	*kv = v->data;
	long			 page = app_lines() - 2;

	page /= KWIC_VIEW_ROWS(kv);
	if (page < 1)
		page = 1;
	switch (req) {
	case REQ_DOWN:
		kv_move(kv, 1);
		break;
	case REQ_UP:
		kv_move(kv, -1);
		break;
	case REQ_PAGE_DOWN:
		kv_move(kv, page);
		break;
	case REQ_PAGE_UP:
		kv_move(kv, -page);
		break;
	case REQ_HALF_DOWN:
		kv_move(kv, page / 2 ? page / 2 : 1);
		break;
	case REQ_HALF_UP:
		kv_move(kv, -(page / 2 ? page / 2 : 1));
		break;
	case REQ_TOP:
		kv->sel = 0;
		break;
	case REQ_NEXT_DOC:
	case REQ_PREV_DOC:
		kv_document(kv, req == REQ_NEXT_DOC);
		break;
	case REQ_OPEN:
		kv_run(kv, false);
		break;
	case REQ_COMPARE:
		kv_run(kv, true);
		break;
	case REQ_CLOSE:
		app_pop(v->app, v);
		break;
	case REQ_CANCEL:
		/* Esc: a kept filter goes first, then the view. */
		if (app_query(v->app) == NULL)
			return false;
		app_query_clear(v->app);
		break;
	case REQ_KWIC_SORT:
		if (!kv->built)
			break;
		kwic_sort(&kv->k, (enum kwic_sort)((kv->k.sort + 1) % 3));
		kv->nshown = 0;
		kv_refilter(kv);
		kv->sel = kv->top = 0;
		break;
	case REQ_BOTTOM:
		/* The bottom is where the last hit is: bring them all. */
		if (kv->built && !kwic_done(&kv->k))
			kv_slice(kv, SIZE_MAX);
		kv->sel = kv->nshown ? kv->nshown - 1 : 0;
		break;
	case REQ_PARALLEL:
		kv->parallel = !kv->parallel;
		break;
	default:
		return false;
	}
	return true;
}

static void
kv_filter(struct view *v, enum view_filter ev)
{
	struct kwic_view	*kv = v->data;

	if (ev == VIEW_FILTER_BEGIN || !kv->built)
		return;
	kv_refilter(kv);
}

static void
kv_mouse(struct view *v, const struct view_mouse *m)
{
	struct kwic_view	*kv = v->data;
	size_t			 i;

	if (m->wheel != 0) {
		kv_move(kv, 3 * m->wheel);
		return;
	}
	if ((!m->click && !m->double_click) || m->y < 1 || m->y >=
	    app_lines() - 1)
		return;
	i = kv->top + (size_t)(m->y - 1) / (size_t)KWIC_VIEW_ROWS(kv);
	if (i >= kv->nshown)
		return;
	kv->sel = i;
	if (m->double_click)
		kv_run(kv, false);
}

static uint32_t
kv_node(struct view *v)
{
	struct kwic_view	*kv = v->data;

	return kv->nshown > 0 ? kwic_view_hit(kv, kv->sel)->node :
	    CORPUS_NONE;
}

static const struct view_ops kv_ops = {
	.name = "kwic",
	.keys = KEYMAP_KWIC,
	.close = kv_close,
	.draw = kwic_view_draw,
	.request = kv_request,
	.status = kwic_view_status,
	.mouse = kv_mouse,
	.filter = kv_filter,
	.idle = kv_idle,
	.node = kv_node,
};

/* ":kwic QUERY...": the concordance of the query's words. */
void
ui_cmd_kwic(struct app *a, int argc, char **argv)
{
	struct kwic_view	*kv;
	struct text_buf		 qs;
	struct query		*q;
	struct view		*old;
	char			*err;

	text_buf_init(&qs);
	text_buf_join(&qs, argv, argc);
	q = query_parse(app_corpus(a), qs.data, qs.len, &err);
	if (q == NULL || query_is_empty(q)) {
		app_message(a, true, "%s", q == NULL ? err : _("empty query"));
		free(q == NULL ? err : NULL);
		query_free(q);
		text_buf_free(&qs);
		return;
	}
	/* One concordance at a time: a new one replaces it. */
	if ((old = app_find_view(a, &kv_ops)) != NULL)
		app_pop(a, old);
	kv = xcalloc(1, sizeof *kv);
	kv->app = a;
	kv->q = q;
	kv->text = text_buf_steal(&qs);
	kv->nomatch = -1;
	if (app_push(a, &kv_ops, kv) == NULL)
		return;
	kv_build(kv);
}
