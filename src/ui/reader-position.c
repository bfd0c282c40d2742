/*
 * reader-position.c -- reading positions: per document, the selection,
 * the text at the top of the pane (a node and a byte of its text), the
 * folds of the outline and the focus, kept in the user's state when the
 * reader leaves a document or ends, and put back when `charta` starts
 * without a reference or goes to a document as a whole.
 *
 * Positions name nodes by label, which a re-import may change: a label
 * that is gone falls back to its nearest surviving ancestor (IV.5.p9 to
 * IV.5), with a message.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "ui/reader.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
reader_position_save(struct reader *r)
{
	struct state			*st = app_state(r->app);
	const struct corpus		*c = r->c;
	const struct corpus_doc		*d;
	struct state_position		 pos;
	struct reader_place		 here;
	uint32_t			 i;
	char				*err = NULL;

	if (st == NULL || r->ol.sel == CORPUS_NONE)
		return;
	d = &c->docs[c->nodes[r->ol.sel].doc];
	reader_place_here(r, &here);
	memset(&pos, 0, sizeof pos);
	pos.slug = (char *)d->slug;
	pos.top_label = (char *)c->nodes[here.top_node].label;
	pos.top_anchor = *c->nodes[here.top_node].anchor ?
	    (char *)c->nodes[here.top_node].anchor : NULL;
	pos.top_offset = here.top_off;
	pos.sel_label = (char *)c->nodes[r->ol.sel].label;
	pos.focus = (int)r->focus;
	/* The folds: the open nodes of this document (not its own root). */
	pos.open = xcalloc(d->end - d->root, sizeof *pos.open);
	for (i = d->root + 1; i < d->end; i++)
		if (r->ol.open[i])
			pos.open[pos.nopen++] = (char *)c->nodes[i].label;
	state_group_begin(st);
	if (state_position_save(st, &pos, &err) == -1 ||
	    state_last_doc_set(st, d->slug, &err) == -1) {
		app_message(r->app, true, "%s", err);
		free(err);
	}
	state_group_end(st);
	free(pos.open);
}

/* The node of document d labelled label, or its nearest ancestor's. */
static uint32_t
reader_position_node(const struct corpus *c, uint32_t d, const char *label,
    bool *exact)
{
	struct state_anchor	at;

	/* The document's own title: its root has no label. */
	if (label == NULL || *label == '\0') {
		*exact = true;
		return c->docs[d].root;
	}
	memset(&at, 0, sizeof at);
	at.slug = (char *)c->docs[d].slug;
	at.label = (char *)(label != NULL ? label : "");
	return study_resolve_near(c, &at, exact);
}

void
reader_position_restore(struct reader *r, const char *slug)
{
	struct state	*st = app_state(r->app);
	char		*last = NULL;

	if (st == NULL)
		return;
	if (slug == NULL && (slug = last = state_last_doc(st)) == NULL)
		return;
	reader_position_apply(r, slug, state_position_load(st, slug));
	free(last);
}

void
reader_position_apply(struct reader *r, const char *slug,
    struct state_position *pos)
{
	const struct corpus	*c = r->c;
	struct reader_place	 p;
	char			*ref;
	uint32_t		 d, n;
	size_t			 k;
	bool			 exact = true, top_exact = true;

	d = corpus_find_doc(c, slug, strlen(slug));
	if (d == CORPUS_NONE || pos == NULL) {
		state_position_free(pos);
		return;
	}
	for (k = 0; k < pos->nopen; k++)
		if ((n = corpus_resolve_label(c, d, pos->open[k])) !=
		    CORPUS_NONE && outline_has_children(&r->ol, n))
			r->ol.open[n] = 1;
	outline_rebuild(&r->ol);
	memset(&p, 0, sizeof p);
	p.sel = reader_position_node(c, d, pos->sel_label, &exact);
	p.top_node = reader_position_node(c, d, pos->top_label, &top_exact);
	p.top_off = top_exact ? (uint32_t)pos->top_offset : 0;
	p.focus = pos->focus == READER_TEXT ? READER_TEXT : READER_OUTLINE;
	/* The top of the text must be in the selection's subtree. */
	if (p.top_node < p.sel || p.top_node >= corpus_subtree_end(c, p.sel))
		p.top_node = p.sel;
	reader_place_go(r, &p);
	if (!exact) {
		ref = corpus_node_short_ref(c, p.sel);
		/* TRANSLATORS: the place saved is gone after a re-import */
		app_message(r->app, false, _("%s:%s is gone; opened at %s"),
		    pos->slug, pos->sel_label ? pos->sel_label : "", ref);
		free(ref);
	}
	state_position_free(pos);
}

void
reader_quit(struct view *v)
{
	reader_position_save(v->data);
}
