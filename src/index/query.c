/*
 * query.c -- what a parsed query is made of (terms, the tree), whether one
 * query narrows another, and where its hits are in a text (see index.h for
 * the language, query-parse.c for reading it).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "index/query-private.h"
#include "text/text.h"
#include "util/xmalloc.h"

static bool
query_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

char *
index_fold(const char *s, size_t n, size_t *outlen, size_t **map)
{
	char	*f;
	size_t	*m = NULL, len, i, j;
	bool	 blank = false;

	f = text_search_fold(s, n, &len, map ? &m : NULL);
	/* Collapse blanks (spaces of every kind are spaces by now). */
	for (i = j = 0; i < len; i++) {
		if (query_blank(f[i])) {
			if (blank)
				continue;
			blank = true;
			f[j] = ' ';
		} else {
			blank = false;
			f[j] = f[i];
		}
		if (m)
			m[j] = m[i];
		j++;
	}
	f[j] = '\0';
	if (m) {
		m[j] = n;
		*map = m;
	}
	*outlen = j;
	return f;
}

bool
query_term_make(struct query_term *t, const char *s, size_t len,
    bool prefix)
{
	char	*f;
	size_t	 flen;

	f = index_fold(s, len, &flen, NULL);
	/* Trim: a phrase's outer blanks mean nothing. */
	while (flen > 0 && f[flen - 1] == ' ')
		f[--flen] = '\0';
	if (flen > 0 && f[0] == ' ') {
		memmove(f, f + 1, flen);
		flen--;
	}
	if (flen == 0) {
		free(f);
		return false;
	}
	t->s = f;
	t->len = flen;
	t->prefix = prefix;
	find_prepare(&t->f, f, flen);
	return true;
}

bool
query_term_at(const struct query_term *t, const char *folded, size_t n,
    size_t at)
{
	return !t->prefix || text_word_start(folded, n, at);
}

void
query_expr_free(struct query_expr *e)
{
	size_t	k;

	if (e == NULL)
		return;
	for (k = 0; k < e->nkids; k++)
		query_expr_free(e->kids[k]);
	free(e->kids);
	free(e->docs);
	free(e->term.s);
	free(e);
}

bool
query_expr_equal(const struct query_expr *a, const struct query_expr *b)
{
	size_t	k;

	if (a->op != b->op || a->nkids != b->nkids)
		return false;
	switch (a->op) {
	case QUERY_TERM:
		return a->term.len == b->term.len &&
		    a->term.prefix == b->term.prefix &&
		    memcmp(a->term.s, b->term.s, a->term.len) == 0;
	case QUERY_DOCS:
		return a->ndocs == b->ndocs && memcmp(a->docs, b->docs,
		    a->ndocs * sizeof *a->docs) == 0;
	case QUERY_KINDS:
		return a->kinds == b->kinds;
	default:
		for (k = 0; k < a->nkids; k++)
			if (!query_expr_equal(a->kids[k], b->kids[k]))
				return false;
		return true;
	}
}

void
query_free(struct query *q)
{
	size_t	i;

	if (q == NULL)
		return;
	for (i = 0; i < q->npos; i++)
		free(q->pos[i].s);
	for (i = 0; i < q->nneg; i++)
		free(q->neg[i].s);
	for (i = 0; i < q->ngroups; i++)
		query_expr_free(q->groups[i]);
	free(q->pos);
	free(q->neg);
	free(q->docs);
	free(q->nodocs);
	free(q->groups);
	free(q);
}

bool
query_is_empty(const struct query *q)
{
	return q->npos == 0 && q->nneg == 0 && q->ndocs == 0 &&
	    q->nnodocs == 0 && q->kinds == 0 && q->nokinds == 0 &&
	    q->ngroups == 0;
}

/*
 * Does some term of v[0..n) imply t, wherever it matches?  Any term that
 * holds t implies it, as a prefix term ("sovereign*") implies its own
 * beginning ("sov*"); only a prefix term implies a prefix term.
 */
static bool
query_term_implied(const struct query_term *t, const struct query_term *v,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (v[i].len < t->len)
			continue;
		if (t->prefix) {
			if (v[i].prefix && memcmp(v[i].s, t->s, t->len) == 0)
				return true;
		} else if (memmem(v[i].s, v[i].len, t->s, t->len) != NULL)
			return true;
	}
	return false;
}

/* Is t, exactly, among v[0..n)? */
static bool
query_term_among(const struct query_term *t, const struct query_term *v,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i].len == t->len && v[i].prefix == t->prefix &&
		    memcmp(v[i].s, t->s, t->len) == 0)
			return true;
	return false;
}

/* Is every document of a[0..na) among b[0..nb)? */
static bool
query_docs_within(const uint32_t *a, size_t na, const uint32_t *b,
    size_t nb)
{
	size_t	i, j;

	for (i = 0; i < na; i++) {
		for (j = 0; j < nb; j++)
			if (a[i] == b[j])
				break;
		if (j == nb)
			return false;
	}
	return true;
}

bool
query_narrows(const struct query *newer, const struct query *older)
{
	size_t	i, j;

	/* Each old word must be implied by a new one... */
	for (i = 0; i < older->npos; i++)
		if (!query_term_implied(&older->pos[i], newer->pos,
		    newer->npos))
			return false;
	/* ... each old exclusion and condition still there, as it was... */
	for (i = 0; i < older->nneg; i++)
		if (!query_term_among(&older->neg[i], newer->neg, newer->nneg))
			return false;
	for (i = 0; i < older->ngroups; i++) {
		for (j = 0; j < newer->ngroups; j++)
			if (query_expr_equal(older->groups[i],
			    newer->groups[j]))
				break;
		if (j == newer->ngroups)
			return false;
	}
	if ((older->nokinds & ~newer->nokinds) != 0 ||
	    !query_docs_within(older->nodocs, older->nnodocs, newer->nodocs,
	    newer->nnodocs))
		return false;
	/* ... and no wider document or kind filter. */
	if (older->kinds != 0 && (newer->kinds == 0 ||
	    (newer->kinds & ~older->kinds) != 0))
		return false;
	if (older->ndocs != 0 && (newer->ndocs == 0 ||
	    !query_docs_within(newer->docs, newer->ndocs, older->docs,
	    older->ndocs)))
		return false;
	return !query_is_empty(older);
}

/* The terms that are marked: those not under a NOT. */
struct query_marks {
	const struct query_term	**v;
	size_t			  n;
};

static void
query_marks_add(struct query_marks *m, const struct query_expr *e)
{
	size_t	k;

	if (e->op == QUERY_TERM) {
		m->v = xreallocarray(m->v, m->n + 1, sizeof *m->v);
		m->v[m->n++] = &e->term;
	} else if (e->op != QUERY_NOT)
		for (k = 0; k < e->nkids; k++)
			query_marks_add(m, e->kids[k]);
}

static int
query_span_cmp(const void *a, const void *b)
{
	const struct index_span	*x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

size_t
query_spans(const struct query *q, const char *s, size_t n,
    struct index_span **spans)
{
	struct index_span	*v = NULL;
	struct query_marks	 m;
	size_t			 nv = 0, i, j, k, flen, *map;
	char			*f;
	const char		*p;

	*spans = NULL;
	if (q == NULL || n == 0)
		return 0;
	memset(&m, 0, sizeof m);
	for (i = 0; i < q->npos; i++) {
		m.v = xreallocarray(m.v, m.n + 1, sizeof *m.v);
		m.v[m.n++] = &q->pos[i];
	}
	for (i = 0; i < q->ngroups; i++)
		query_marks_add(&m, q->groups[i]);
	if (m.n == 0)
		return 0;
	f = index_fold(s, n, &flen, &map);
	for (i = 0; i < m.n; i++) {
		const struct query_term	*t = m.v[i];

		/*
		 * One typed letter matches nearly everywhere: marking every
		 * "g" on the screen says nothing and costs a redraw.
		 */
		if (t->len == 1)
			continue;

		for (p = f; (p = memmem(p, flen - (size_t)(p - f), t->s,
		    t->len)) != NULL; p++) {
			size_t	fs = (size_t)(p - f), fe = fs + t->len;

			if (!query_term_at(t, f, flen, fs))
				continue;
			v = xreallocarray(v, nv + 1, sizeof *v);
			v[nv].start = map[fs];
			/*
			 * The end: where the next character starts, past the
			 * rest of a character that folds to several (Ⅳ).
			 */
			for (k = fe; k < flen && map[k] == map[fe - 1]; k++)
				;
			v[nv].end = k < flen ? map[k] : n;
			nv++;
		}
	}
	free(m.v);
	free(f);
	free(map);
	if (nv == 0)
		return 0;
	qsort(v, nv, sizeof *v, query_span_cmp);
	/* Merge overlapping spans. */
	for (i = 0, j = 1; j < nv; j++) {
		if (v[j].start <= v[i].end) {
			if (v[j].end > v[i].end)
				v[i].end = v[j].end;
		} else
			v[++i] = v[j];
	}
	*spans = v;
	return i + 1;
}
