/*
 * state-model.c -- the user's state in memory (state-private.h): the
 * records, their copies, and how each change applies to them.  The same
 * code applies a change when it is made and again on the model loaded from
 * the file, so what the reader sees is what the file will hold.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/state-private.h"
#include "util/xmalloc.h"

/* ------------------------------------------------------------ records */

void
state_anchor_copy(struct state_anchor *dst, const struct state_anchor *src)
{
	dst->work = state_xstrdup_null(src->work);
	dst->anchor = state_xstrdup_null(src->anchor);
	dst->slug = state_xstrdup_null(src->slug);
	dst->label = state_xstrdup_null(src->label);
}

void
state_anchor_clear(struct state_anchor *a)
{
	free(a->work);
	free(a->anchor);
	free(a->slug);
	free(a->label);
	memset(a, 0, sizeof *a);
}

void
state_quote_copy(struct state_quote *dst, const struct state_quote *src)
{
	dst->exact = state_xstrdup_null(src->exact);
	dst->prefix = state_xstrdup_null(src->prefix);
	dst->suffix = state_xstrdup_null(src->suffix);
}

void
state_quote_clear(struct state_quote *q)
{
	free(q->exact);
	free(q->prefix);
	free(q->suffix);
	memset(q, 0, sizeof *q);
}

void
state_position_copy(struct state_position *dst,
    const struct state_position *src)
{
	size_t	i;

	*dst = *src;
	dst->slug = state_xstrdup_null(src->slug);
	dst->top_label = state_xstrdup_null(src->top_label);
	dst->top_anchor = state_xstrdup_null(src->top_anchor);
	dst->sel_label = state_xstrdup_null(src->sel_label);
	dst->open = NULL;
	if (src->nopen > 0) {
		dst->open = xreallocarray(NULL, src->nopen, sizeof *dst->open);
		for (i = 0; i < src->nopen; i++)
			dst->open[i] = xstrdup(src->open[i]);
	}
}

void
state_position_clear(struct state_position *p)
{
	size_t	i;

	free(p->slug);
	free(p->top_label);
	free(p->top_anchor);
	free(p->sel_label);
	for (i = 0; i < p->nopen; i++)
		free(p->open[i]);
	free(p->open);
	memset(p, 0, sizeof *p);
}

void
state_mark_copy(struct state_mark *dst, const struct state_mark *src)
{
	*dst = *src;
	dst->name = state_xstrdup_null(src->name);
	state_anchor_copy(&dst->at, &src->at);
}

void
state_mark_clear(struct state_mark *m)
{
	free(m->name);
	state_anchor_clear(&m->at);
	memset(m, 0, sizeof *m);
}

void
state_note_copy(struct state_note *dst, const struct state_note *src)
{
	*dst = *src;
	state_anchor_copy(&dst->at, &src->at);
	state_quote_copy(&dst->quote, &src->quote);
	dst->body = state_xstrdup_null(src->body);
}

void
state_note_clear(struct state_note *n)
{
	state_anchor_clear(&n->at);
	state_quote_clear(&n->quote);
	free(n->body);
	memset(n, 0, sizeof *n);
}

void
state_draft_copy(struct state_draft *dst, const struct state_draft *src)
{
	*dst = *src;
	state_anchor_copy(&dst->at, &src->at);
	state_quote_copy(&dst->quote, &src->quote);
	dst->body = state_xstrdup_null(src->body);
}

void
state_draft_clear(struct state_draft *d)
{
	state_anchor_clear(&d->at);
	state_quote_clear(&d->quote);
	free(d->body);
	memset(d, 0, sizeof *d);
}

static bool
state_str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

bool
state_anchor_same_target(const struct state_anchor *a,
    const struct state_anchor *b)
{
	bool	la = a->work != NULL && a->anchor != NULL;
	bool	lb = b->work != NULL && b->anchor != NULL;

	if (la != lb)
		return false;
	if (la)
		return strcmp(a->work, b->work) == 0 &&
		    strcmp(a->anchor, b->anchor) == 0;
	return state_str_eq(a->slug, b->slug) &&
	    state_str_eq(a->label, b->label);
}

/*
 * A draft's key: "n" and the note id, or the logical target, each string
 * preceded by its length, so that no two targets share a key whatever
 * bytes they hold.
 */
char *
state_draft_key(const struct state_draft *d)
{
	const struct state_anchor	*a = &d->at;

	if (d->note_id[0] != '\0')
		return xasprintf("n%s", d->note_id);
	if (a->work != NULL && a->anchor != NULL)
		return xasprintf("w%zu:%s%zu:%s", strlen(a->work), a->work,
		    strlen(a->anchor), a->anchor);
	return xasprintf("d%zu:%s%zu:%s", strlen(a->slug), a->slug,
	    strlen(a->label), a->label);
}

/* ----------------------------------------------------------- the model */

void
state_model_free(struct state_model *m)
{
	size_t	i, k;

	for (i = 0; i < m->nhist; i++) {
		for (k = 0; k < m->hist[i].n; k++)
			free(m->hist[i].items[k]);
		free(m->hist[i].items);
		free(m->hist[i].kind);
	}
	free(m->hist);
	for (i = 0; i < m->npos; i++)
		state_position_clear(&m->pos[i]);
	free(m->pos);
	free(m->last_doc);
	for (i = 0; i < m->nmarks; i++)
		state_mark_clear(&m->marks[i]);
	free(m->marks);
	for (i = 0; i < m->nnotes; i++)
		state_note_clear(&m->notes[i]);
	free(m->notes);
	for (i = 0; i < m->ndrafts; i++)
		state_draft_clear(&m->drafts[i]);
	free(m->drafts);
	memset(m, 0, sizeof *m);
}

struct state_hist *
state_model_hist(const struct state_model *m, const char *kind)
{
	size_t	i;

	for (i = 0; i < m->nhist; i++)
		if (strcmp(m->hist[i].kind, kind) == 0)
			return &m->hist[i];
	return NULL;
}

struct state_mark *
state_model_mark_live(const struct state_model *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->nmarks; i++)
		if (m->marks[i].deleted == 0 &&
		    strcmp(m->marks[i].name, name) == 0)
			return &m->marks[i];
	return NULL;
}

struct state_mark *
state_model_mark_id(const struct state_model *m, const char *id)
{
	size_t	i;

	for (i = 0; i < m->nmarks; i++)
		if (strcmp(m->marks[i].id, id) == 0)
			return &m->marks[i];
	return NULL;
}

struct state_note *
state_model_note_id(const struct state_model *m, const char *id)
{
	size_t	i;

	/* The newest first: a note just added is found at once. */
	for (i = m->nnotes; i > 0; i--)
		if (strcmp(m->notes[i - 1].id, id) == 0)
			return &m->notes[i - 1];
	return NULL;
}

static void
state_model_history_add(struct state_model *m, const char *kind,
    const char *text)
{
	struct state_hist	*h = state_model_hist(m, kind);
	size_t			 i;

	if (h == NULL) {
		m->hist = state_grow(m->hist, m->nhist, sizeof *m->hist);
		h = &m->hist[m->nhist++];
		h->kind = xstrdup(kind);
		h->items = NULL;
		h->n = 0;
	}
	for (i = 0; i < h->n; i++) {
		if (strcmp(h->items[i], text) == 0) {
			free(h->items[i]);
			memmove(&h->items[i], &h->items[i + 1],
			    (h->n - i - 1) * sizeof *h->items);
			h->n--;
			break;
		}
	}
	if (h->n == STATE_HISTORY_MAX)
		free(h->items[--h->n]);
	h->items = state_grow(h->items, h->n, sizeof *h->items);
	memmove(&h->items[1], &h->items[0], h->n * sizeof *h->items);
	h->items[0] = xstrdup(text);
	h->n++;
}

static void
state_model_position_put(struct state_model *m,
    const struct state_position *p, int64_t at)
{
	size_t	i;

	for (i = 0; i < m->npos; i++)
		if (strcmp(m->pos[i].slug, p->slug) == 0)
			break;
	if (i == m->npos) {
		m->pos = state_grow(m->pos, m->npos, sizeof *m->pos);
		m->npos++;
	} else
		state_position_clear(&m->pos[i]);
	state_position_copy(&m->pos[i], p);
	m->pos[i].updated = at;
}

/* A live mark named name, other than keep, becomes deleted at at. */
static void
state_model_mark_supersede(struct state_model *m, const char *name,
    const char *keep, int64_t at)
{
	size_t	i;

	for (i = 0; i < m->nmarks; i++)
		if (m->marks[i].deleted == 0 &&
		    strcmp(m->marks[i].name, name) == 0 &&
		    strcmp(m->marks[i].id, keep) != 0)
			m->marks[i].deleted = at;
}

static void
state_model_mark_op(struct state_model *m, const struct state_op *op)
{
	struct state_mark	*k = state_model_mark_id(m, op->mark.id);

	switch (op->kind) {
	case STATE_OP_MARK_SET:
		state_model_mark_supersede(m, op->mark.name, op->mark.id,
		    op->at);
		if (k == NULL) {
			m->marks = state_grow(m->marks, m->nmarks,
			    sizeof *m->marks);
			k = &m->marks[m->nmarks++];
		} else
			state_mark_clear(k);
		state_mark_copy(k, &op->mark);
		k->deleted = 0;
		break;
	case STATE_OP_MARK_RENAME:
		if (k == NULL)
			break;
		state_model_mark_supersede(m, op->mark.name, k->id, op->at);
		free(k->name);
		k->name = xstrdup(op->mark.name);
		break;
	case STATE_OP_MARK_DELETE:
		if (k != NULL && k->deleted == 0)
			k->deleted = op->at;
		break;
	case STATE_OP_MARK_UNDELETE:
		if (k == NULL)
			break;
		state_model_mark_supersede(m, k->name, k->id, op->at);
		k->deleted = 0;
		break;
	default:
		break;
	}
}

static void
state_model_note_op(struct state_model *m, const struct state_op *op)
{
	struct state_note	*n = NULL;

	/* A new note's id is new: no need to look for it among 10,000. */
	if (!op->fresh)
		n = state_model_note_id(m, op->note.id);
	switch (op->kind) {
	case STATE_OP_NOTE_PUT:
		if (n == NULL) {
			m->notes = state_grow(m->notes, m->nnotes,
			    sizeof *m->notes);
			state_note_copy(&m->notes[m->nnotes++], &op->note);
			break;
		}
		/*
		 * As the file does: its place (a note moved), words, body,
		 * time and status; its id, creation and deletion stay.
		 */
		state_anchor_clear(&n->at);
		state_anchor_copy(&n->at, &op->note.at);
		free(n->body);
		n->body = xstrdup(op->note.body);
		state_quote_clear(&n->quote);
		state_quote_copy(&n->quote, &op->note.quote);
		n->modified = op->note.modified;
		n->status = op->note.status;
		break;
	case STATE_OP_NOTE_DELETE:
		if (n != NULL && n->deleted == 0)
			n->deleted = op->at;
		break;
	case STATE_OP_NOTE_UNDELETE:
		if (n != NULL)
			n->deleted = 0;
		break;
	case STATE_OP_NOTE_STATUS:
		if (n != NULL)
			n->status = op->note.status;
		break;
	default:
		break;
	}
}

static void
state_model_draft_op(struct state_model *m, const struct state_op *op)
{
	char	*key = state_draft_key(&op->draft), *other;
	size_t	 i;

	for (i = 0; i < m->ndrafts; i++) {
		other = state_draft_key(&m->drafts[i]);
		if (strcmp(other, key) == 0) {
			free(other);
			break;
		}
		free(other);
	}
	free(key);
	if (op->kind == STATE_OP_DRAFT_DISCARD) {
		if (i < m->ndrafts) {
			state_draft_clear(&m->drafts[i]);
			memmove(&m->drafts[i], &m->drafts[i + 1],
			    (m->ndrafts - i - 1) * sizeof *m->drafts);
			m->ndrafts--;
		}
		return;
	}
	if (i < m->ndrafts) {
		/* A newer draft of the same: it moves to the end. */
		state_draft_clear(&m->drafts[i]);
		memmove(&m->drafts[i], &m->drafts[i + 1],
		    (m->ndrafts - i - 1) * sizeof *m->drafts);
		m->ndrafts--;
	}
	m->drafts = state_grow(m->drafts, m->ndrafts, sizeof *m->drafts);
	state_draft_copy(&m->drafts[m->ndrafts], &op->draft);
	m->drafts[m->ndrafts++].saved = op->at;
}

void
state_model_apply(struct state_model *m, const struct state_op *op)
{
	switch (op->kind) {
	case STATE_OP_HISTORY:
		state_model_history_add(m, op->hkind, op->text);
		break;
	case STATE_OP_POSITION:
		state_model_position_put(m, &op->pos, op->at);
		break;
	case STATE_OP_LAST_DOC:
		free(m->last_doc);
		m->last_doc = xstrdup(op->text);
		break;
	case STATE_OP_MARK_SET:
	case STATE_OP_MARK_RENAME:
	case STATE_OP_MARK_DELETE:
	case STATE_OP_MARK_UNDELETE:
		state_model_mark_op(m, op);
		break;
	case STATE_OP_NOTE_PUT:
	case STATE_OP_NOTE_DELETE:
	case STATE_OP_NOTE_UNDELETE:
	case STATE_OP_NOTE_STATUS:
		state_model_note_op(m, op);
		break;
	case STATE_OP_DRAFT_SAVE:
	case STATE_OP_DRAFT_DISCARD:
		state_model_draft_op(m, op);
		break;
	}
}
