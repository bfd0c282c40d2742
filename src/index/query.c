/*
 * query.c -- parsing the query language and highlighting its hits (see
 * index.h for the language).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "index/query-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
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

	f = text_fold(s, n, &len, map ? &m : NULL);
	/* Collapse blanks (and no-break spaces) so phrases span lines. */
	for (i = j = 0; i < len; i++) {
		bool	b = query_blank(f[i]);
		size_t	src = m ? m[i] : 0;

		if (!b && (unsigned char)f[i] == 0xc2 && i + 1 < len &&
		    (unsigned char)f[i + 1] == 0xa0) {
			b = true;
			i++;
		}
		if (b) {
			if (blank)
				continue;
			blank = true;
			f[j] = ' ';
		} else {
			blank = false;
			f[j] = f[i];
		}
		if (m)
			m[j] = src;
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

static void
query_add(struct query_term **v, size_t *n, const char *s, size_t len)
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
		return;
	}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].s = f;
	(*v)[*n].len = flen;
	find_prepare(&(*v)[*n].f, f, flen);
	(*n)++;
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
	free(q->pos);
	free(q->neg);
	free(q->docs);
	free(q);
}

bool
query_is_empty(const struct query *q)
{
	return q->npos == 0 && q->nneg == 0 && q->ndocs == 0 &&
	    q->kinds == 0;
}

/* A field "doc:" or "kind:" with value v[0..vlen); -1 with *err on error. */
static int
query_field(struct query *q, const struct corpus *c, const char *f,
    size_t flen, const char *v, size_t vlen, char **err)
{
	uint32_t	d;
	int		k;

	if (flen == 3 && memcmp(f, "doc", 3) == 0) {
		d = corpus_find_doc(c, v, vlen);
		if (d == CORPUS_NONE) {
			*err = xasprintf(_("no document '%.*s'"),
			    (int)(vlen > 64 ? 64 : vlen), v);
			return -1;
		}
		q->docs = xreallocarray(q->docs, q->ndocs + 1,
		    sizeof *q->docs);
		q->docs[q->ndocs++] = d;
		return 0;
	}
	k = kind_from_name(v, vlen);
	if (k < 0) {
		*err = xasprintf(_("no kind '%.*s' (try principle, goal, "
		    "action, chapter, paragraph)"), (int)(vlen > 64 ? 64 : vlen),
		    v);
		return -1;
	}
	q->kinds |= 1u << k;
	return 0;
}

struct query *
query_parse(const struct corpus *c, const char *s, size_t n, char **err)
{
	struct query	*q = xcalloc(1, sizeof *q);
	size_t		 i = 0, start;
	bool		 neg;

	*err = NULL;
	while (i < n) {
		if (query_blank(s[i])) {
			i++;
			continue;
		}
		neg = false;
		/* A lone "-" (typed before its word) means nothing yet. */
		if (s[i] == '-' && (i + 1 == n || query_blank(s[i + 1]))) {
			i++;
			continue;
		}
		if (s[i] == '-') {
			neg = true;
			i++;
		}
		if (s[i] == '"') {
			/* A phrase runs to the closing quote, or the end. */
			start = ++i;
			while (i < n && s[i] != '"')
				i++;
			if (neg)
				query_add(&q->neg, &q->nneg, s + start,
				    i - start);
			else
				query_add(&q->pos, &q->npos, s + start,
				    i - start);
			if (i < n)
				i++;
			continue;
		}
		start = i;
		while (i < n && !query_blank(s[i]))
			i++;
		if (!neg) {
			const char	*colon = memchr(s + start, ':',
			    i - start);
			size_t		 flen = colon ?
			    (size_t)(colon - s - start) : 0;

			if (colon != NULL && ((flen == 3 &&
			    memcmp(s + start, "doc", 3) == 0) || (flen == 4 &&
			    memcmp(s + start, "kind", 4) == 0))) {
				/* "doc:" alone, while typing, filters nothing */
				if (colon + 1 == s + i)
					continue;
				if (query_field(q, c, s + start, flen,
				    colon + 1, (size_t)(s + i - colon - 1),
				    err) == -1) {
					query_free(q);
					return NULL;
				}
				continue;
			}
		}
		if (neg)
			query_add(&q->neg, &q->nneg, s + start, i - start);
		else
			query_add(&q->pos, &q->npos, s + start, i - start);
	}
	return q;
}

/* Is t a substring of some term in v? */
static bool
query_term_within(const struct query_term *t, const struct query_term *v,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i].len >= t->len && memmem(v[i].s, v[i].len, t->s,
		    t->len) != NULL)
			return true;
	return false;
}

bool
query_narrows(const struct query *newer, const struct query *older)
{
	size_t	i, j;

	/* Each old word must be inside a new one (so implied by it)... */
	for (i = 0; i < older->npos; i++)
		if (!query_term_within(&older->pos[i], newer->pos,
		    newer->npos))
			return false;
	/* ... each old exclusion still there, as it was... */
	for (i = 0; i < older->nneg; i++) {
		for (j = 0; j < newer->nneg; j++)
			if (newer->neg[j].len == older->neg[i].len &&
			    memcmp(newer->neg[j].s, older->neg[i].s,
			    older->neg[i].len) == 0)
				break;
		if (j == newer->nneg)
			return false;
	}
	/* ... and no wider document or kind filter. */
	if (older->kinds != 0 && (newer->kinds == 0 ||
	    (newer->kinds & ~older->kinds) != 0))
		return false;
	if (older->ndocs != 0) {
		if (newer->ndocs == 0)
			return false;
		for (i = 0; i < newer->ndocs; i++) {
			for (j = 0; j < older->ndocs; j++)
				if (newer->docs[i] == older->docs[j])
					break;
			if (j == older->ndocs)
				return false;
		}
	}
	return !query_is_empty(older);
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
	size_t			 nv = 0, i, j, flen, *map;
	char			*f;
	const char		*p;

	*spans = NULL;
	if (q == NULL || q->npos == 0 || n == 0)
		return 0;
	f = index_fold(s, n, &flen, &map);
	for (i = 0; i < q->npos; i++) {
		const struct query_term	*t = &q->pos[i];

		/*
		 * One typed letter matches nearly everywhere: marking every
		 * "g" on the screen says nothing and costs a redraw.
		 */
		if (t->len == 1)
			continue;

		for (p = f; (p = memmem(p, flen - (size_t)(p - f), t->s,
		    t->len)) != NULL; p += t->len) {
			size_t	fs = (size_t)(p - f), fe = fs + t->len;

			v = xreallocarray(v, nv + 1, sizeof *v);
			v[nv].start = map[fs];
			/* the end: where the next folded byte comes from */
			v[nv].end = fe < flen ? map[fe] : n;
			if (v[nv].end < v[nv].start)
				v[nv].end = v[nv].start;
			nv++;
		}
	}
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
