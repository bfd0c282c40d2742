/*
 * notes-view-rows.c -- the rows of `:notes` (notes-view.h): the notes read
 * where the state keeps them, each placed (the notes on the same words at
 * the same place placed once), made into its row when the list first
 * shows it (10,000 notes, a screen of rows), its body folded when the
 * first query comes; a key of the filter then matches folded bodies (only
 * the last matches when the query grew) and lists the rows again, and s
 * lists them in the other order, sorted once.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "index/index.h"
#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "ui/listview.h"
#include "ui/notes-view.h"
#include "ui/ui.h"
#include "util/hash.h"
#include "util/i18n.h"
#include "util/xmalloc.h"
static void	notes_row_cache_free(struct notes_row_cache *);

/* Free what notes_list_read read. */
static void
notes_list_clear(struct notes_list *nl)
{
	size_t	k;

	for (k = 0; k < nl->nnotes; k++) {
		free(nl->line[k]);
		free(nl->folded[k]);
	}
	notes_row_cache_free(nl->rows_made);
	nl->rows_made = NULL;
	for (k = 0; k < nl->ndrafts; k++)
		free(nl->dline[k]);
	free(nl->dline);
	nl->dline = NULL;
	free(nl->id);
	state_drafts_free(nl->drafts, nl->ndrafts);
	free(nl->place);
	free(nl->line);
	free(nl->folded);
	free(nl->flen);
	free(nl->modified);
	free(nl->by_place);
	free(nl->by_date);
	free(nl->hit);
	nl->id = NULL;
	nl->drafts = NULL;
	nl->nnotes = nl->ndrafts = 0;
	nl->place = NULL;
	nl->line = nl->folded = NULL;
	nl->flen = nl->by_place = nl->by_date = NULL;
	nl->modified = NULL;
	nl->hit = NULL;
	nl->hits_valid = false;
	free(nl->index);
	nl->index = NULL;
	nl->nfolded = 0;
}

void
notes_list_free(void *arg)
{
	struct notes_list	*nl = arg;

	notes_list_clear(nl);
	free(nl->rows);
	free(nl);
}

/* The first line of s, for a row. */
static char *
notes_first_line(const char *s)
{
	return xstrndup(s, strcspn(s, "\n"));
}

/* For sorting: the list whose rows or notes are sorted. */
static const struct notes_list	*notes_sorting;

static int
notes_row_cmp_place(const void *a, const void *b)
{
	const struct notes_row	*x = a, *y = b;

	if (x->draft != y->draft)
		return x->draft ? -1 : 1;
	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;	/* gone ones last */
	return x->k < y->k ? -1 : x->k > y->k;
}

/* Notes by place: as notes_row_cmp_place. */
static int
notes_cmp_place(const void *a, const void *b)
{
	size_t		x = *(const size_t *)a, y = *(const size_t *)b;
	uint32_t	nx = notes_sorting->place[notes_sorting->ndrafts + x];
	uint32_t	ny = notes_sorting->place[notes_sorting->ndrafts + y];

	if (nx != ny)
		return nx < ny ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Notes by date: the newest change first. */
static int
notes_cmp_date(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;
	int64_t	tx = notes_sorting->modified[x];
	int64_t	ty = notes_sorting->modified[y];

	if (tx != ty)
		return tx > ty ? -1 : 1;
	return x < y ? -1 : x > y;
}

/*
 * What the rows of many notes share, made once: the reference of each
 * node (a few hundred for 10,000 notes) and the date of the last time.
 */
struct notes_row_cache {
	const struct corpus	*c;
	struct hashtab		 nodes;		/* node -> refs[] */
	uint32_t		*node;
	char			**ref;
	size_t			 n;
	size_t			 cap;
	int64_t			 last_time;
	char			 last_date[32];
};

static struct notes_row_cache *
notes_row_cache_new(const struct corpus *c)
{
	struct notes_row_cache	*rc = xcalloc(1, sizeof *rc);

	rc->c = c;
	hashtab_init(&rc->nodes, 0);
	rc->last_time = -1;
	return rc;
}

/* Free rc and what it made; NULL is a no-op. */
static void
notes_row_cache_free(struct notes_row_cache *rc)
{
	size_t	k;

	if (rc == NULL)
		return;
	for (k = 0; k < rc->n; k++)
		free(rc->ref[k]);
	free(rc->ref);
	free(rc->node);
	hashtab_free(&rc->nodes);
	free(rc);
}

/* The short reference of node (the cache's string). */
static const char *
notes_row_ref(struct notes_row_cache *rc, uint32_t node)
{
	struct hashtab_iter	it;
	uint32_t		v;
	size_t			cap;

	for (v = hashtab_first(&rc->nodes, node, &it); v != HASHTAB_NONE;
	    v = hashtab_next(&rc->nodes, &it))
		if (rc->node[v] == node)
			return rc->ref[v];
	cap = rc->cap;
	rc->node = xgrowarray(rc->node, &cap, rc->n + 1, sizeof *rc->node);
	rc->ref = xgrowarray(rc->ref, &rc->cap, rc->n + 1, sizeof *rc->ref);
	rc->node[rc->n] = node;
	rc->ref[rc->n] = corpus_node_short_ref(rc->c, node);
	hashtab_add(&rc->nodes, node, (uint32_t)rc->n);
	return rc->ref[rc->n++];
}

/* The local date of t, "YYYY-mm-dd" (the cache's string). */
static const char *
notes_row_date(struct notes_row_cache *rc, int64_t t)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	/* Notes made together share their second: one conversion. */
	if (t != rc->last_time) {
		localtime_r(&tt, &tm);
		strftime(rc->last_date, sizeof rc->last_date, "%Y-%m-%d",
		    &tm);
		rc->last_time = t;
	}
	return rc->last_date;
}

/* A note's row: where it is (or was, orphaned), its first line, its date. */
static char *
notes_row_line(struct notes_row_cache *rc, const struct state_note *n,
    uint32_t node)
{
	char	*line, *row;

	line = notes_first_line(n->body);
	if (node == CORPUS_NONE)
		/* TRANSLATORS: a row of :notes whose passage is gone: where
		   it was, the note, the words it was on */
		row = xasprintf(_("orphaned  %s:%s  %s  (on: %s)  %s"),
		    n->at.slug, n->at.label, line, n->quote.exact ?
		    n->quote.exact : "", notes_row_date(rc, n->modified));
	else
		row = xasprintf("%s  %s  %s", notes_row_ref(rc, node), line,
		    notes_row_date(rc, n->modified));
	free(line);
	return row;
}

/*
 * Read the notes and drafts again; where each is (the notes on the same
 * words at the same place placed once) and the two orders (a row is made
 * when it is shown: notes_list_row; a body folded when a query comes).  The notes are read where the state keeps them, not
 * copied: only what the list shows is made.
 */
static void
notes_list_read(struct notes_list *nl)
{
	const struct corpus	*c = app_corpus(nl->app);
	struct state		*st = app_state(nl->app);
	const struct state_note	*all, *note;
	struct study_placer	 pl;
	char			*line;
	size_t			 k, n, nall;
	uint32_t		 node;
	bool			 moved;

	notes_list_clear(nl);
	nl->ndrafts = state_draft_list(st, &nl->drafts);
	/* From here on, no other state_* call while all is read. */
	nall = state_note_view(st, &all);
	n = nall + 1;
	nl->id = xreallocarray(NULL, n, sizeof *nl->id);
	nl->place = xreallocarray(NULL, nl->ndrafts + n, sizeof *nl->place);
	nl->line = xcalloc(n, sizeof *nl->line);
	nl->folded = xcalloc(n, sizeof *nl->folded);
	nl->flen = xcalloc(n, sizeof *nl->flen);
	nl->modified = xreallocarray(NULL, n, sizeof *nl->modified);
	nl->by_place = xreallocarray(NULL, n, sizeof *nl->by_place);
	nl->by_date = xreallocarray(NULL, n, sizeof *nl->by_date);
	nl->hit = xcalloc(n, sizeof *nl->hit);
	nl->index = xreallocarray(NULL, n, sizeof *nl->index);
	/* A note is where the reader shows it, or orphaned. */
	nl->dline = xcalloc(nl->ndrafts + 1, sizeof *nl->dline);
	for (k = 0; k < nl->ndrafts; k++) {
		nl->place[k] = study_resolve(c, &nl->drafts[k].at,
		    CORPUS_NONE);
		line = notes_first_line(nl->drafts[k].body);
		/* TRANSLATORS: a row of :notes for a note being written
		   when the terminal was lost */
		nl->dline[k] = xasprintf(_("draft  %s:%s  %s"),
		    nl->drafts[k].at.slug, nl->drafts[k].at.label, line);
		free(line);
	}
	study_placer_init(&pl, c, nall);
	nl->rows_made = notes_row_cache_new(c);
	for (k = 0; k < nall; k++) {
		note = &all[k];
		if (note->deleted != 0)
			continue;
		n = nl->nnotes++;
		nl->index[n] = k;
		memcpy(nl->id[n], note->id, STATE_ID_SIZE);
		node = study_placer_place(&pl, &note->at, &note->quote,
		    &moved, NULL);
		nl->place[nl->ndrafts + n] = node;
		nl->modified[n] = note->modified;
		nl->by_place[n] = nl->by_date[n] = n;
	}
	study_placer_free(&pl);
	notes_sorting = nl;
	if (nl->nnotes > 1) {
		qsort(nl->by_place, nl->nnotes, sizeof *nl->by_place,
		    notes_cmp_place);
		qsort(nl->by_date, nl->nnotes, sizeof *nl->by_date,
		    notes_cmp_date);
	}
}

const char *
notes_list_row(void *arg, size_t k)
{
	struct notes_list	*nl = arg;
	const struct state_note	*all, *n;
	size_t			 nall;

	if (k >= nl->nnotes)
		return "";
	if (nl->line[k] != NULL)
		return nl->line[k];
	/* The note is still where it was read, as in notes_list_fold. */
	nall = state_note_view(app_state(nl->app), &all);
	if (nl->index[k] >= nall)
		return "";
	n = &all[nl->index[k]];
	if (n->deleted != 0 || memcmp(n->id, nl->id[k], STATE_ID_SIZE) != 0)
		return "";
	nl->line[k] = notes_row_line(nl->rows_made, n,
	    nl->place[nl->ndrafts + k]);
	return nl->line[k];
}

/*
 * The bodies are folded where the state keeps them: the k-th note read
 * is still at index[k] there, as every change of the notes reads the list
 * again; its id says so.
 */
bool
notes_list_fold(struct notes_list *nl, size_t max)
{
	const struct state_note	*all, *n;
	size_t			 nall, end;

	nall = state_note_view(app_state(nl->app), &all);
	end = nl->nnotes - nl->nfolded < max ? nl->nnotes : nl->nfolded + max;
	for (; nl->nfolded < end; nl->nfolded++) {
		if (nl->index[nl->nfolded] >= nall)
			return false;
		n = &all[nl->index[nl->nfolded]];
		if (n->deleted != 0 ||
		    memcmp(n->id, nl->id[nl->nfolded], STATE_ID_SIZE) != 0)
			return false;
		nl->folded[nl->nfolded] = index_fold_fast(n->body,
		    strlen(n->body), &nl->flen[nl->nfolded]);
	}
	return true;
}

/*
 * Which notes the query matches, in nl->hit.  When the last query matched
 * was the one just before this (the filter grew by a key) and this one
 * only narrows it, only its matches can match: the others are not looked
 * at again.
 */
static void
notes_list_match(struct notes_list *nl)
{
	const struct corpus	*c = app_corpus(nl->app);
	const struct query	*q = app_query(nl->app);
	const struct query	*prev = app_query_previous(nl->app);
	unsigned long		 gen = app_query_generation(nl->app);
	size_t			 k;
	bool			 narrow;

	if (q == NULL) {
		for (k = 0; k < nl->nnotes; k++)
			nl->hit[k] = true;
		nl->hits_valid = false;
		return;
	}
	/* What the list's idle time has not folded yet, now. */
	if (!notes_list_fold(nl, SIZE_MAX)) {
		notes_list_read(nl);
		(void)notes_list_fold(nl, SIZE_MAX);
	}
	narrow = nl->hits_valid && nl->hits_gen + 1 == gen && prev != NULL &&
	    query_narrows(q, prev);
	for (k = 0; k < nl->nnotes; k++)
		if (!narrow || nl->hit[k])
			nl->hit[k] = query_match_folded(q, nl->folded[k],
			    nl->flen[k], c, nl->place[nl->ndrafts + k]);
	nl->hits_valid = true;
	nl->hits_gen = gen;
}

/*
 * List the notes read, those the query matches, in the order chosen: what
 * "/" and "s" change, so they read, place and sort nothing again.
 */
void
notes_list_show(struct listview *lv, struct notes_list *nl)
{
	const size_t		*order;
	struct notes_row	*row;
	size_t			 k, j;

	notes_list_match(nl);
	listview_clear(lv);
	nl->nrows = 0;
	nl->rows = xgrowarray(nl->rows, &nl->cap, nl->ndrafts + nl->nnotes + 1,
	    sizeof *nl->rows);
	/* The drafts first, whatever the query: they are few. */
	for (k = 0; k < nl->ndrafts; k++) {
		row = &nl->rows[nl->nrows++];
		row->draft = true;
		row->k = k;
		row->node = nl->place[k];
	}
	notes_sorting = nl;
	if (nl->nrows > 1 && !nl->by_date_on)
		qsort(nl->rows, nl->nrows, sizeof *nl->rows,
		    notes_row_cmp_place);
	for (k = 0; k < nl->nrows; k++)
		listview_add(lv, nl->rows[k].node, nl->dline[nl->rows[k].k]);
	order = nl->by_date_on ? nl->by_date : nl->by_place;
	for (j = 0; j < nl->nnotes; j++) {
		k = order[j];
		if (!nl->hit[k])
			continue;
		row = &nl->rows[nl->nrows++];
		row->draft = false;
		row->k = k;
		row->node = nl->place[nl->ndrafts + k];
		listview_add_ref(lv, row->node, k);
	}
	if (lv->sel >= lv->n)
		lv->sel = lv->n > 0 ? lv->n - 1 : 0;
}

/* Read the notes again and list them. */
void
notes_list_fill(struct listview *lv, struct notes_list *nl)
{
	notes_list_read(nl);
	notes_list_show(lv, nl);
}
