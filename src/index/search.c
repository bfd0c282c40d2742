/*
 * search.c -- finding the nodes that match a query in the folded index
 * (see index.h; index.c builds the index).
 *
 * A search takes the longest word the query requires (the rarest,
 * usually) and looks for it in each node in turn (find.c: a few
 * nanoseconds per paragraph), then checks the nodes that have it against
 * the rest of the query.  A query that requires no word (only OR groups,
 * exclusions or filters) checks every node.  With doc:, only those
 * documents' nodes are looked at.  When the query only grew, the previous
 * result is checked instead of every node.  A search over many nodes runs
 * on two threads.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "index/find.h"
#include "index/index.h"
#include "index/index-private.h"
#include "index/match-private.h"
#include "index/query-private.h"
#include "model/corpus.h"
#include "util/xmalloc.h"

/* No driving term: check every node against the whole query. */
#define INDEX_NO_DRIVE	((size_t)-1)

/* Node m->fetch_node's text and document, when first needed. */
static void
index_fetch(struct match_text *m)
{
	const struct index	*ix = m->fetch_arg;
	uint32_t		 i = m->fetch_node;

	m->plain = (ix->len[i] & INDEX_PLAIN) != 0;
	m->s = ix->src[i];
	m->len = ix->len[i] & ~INDEX_PLAIN;
	m->doc = ix->doc[i];
	m->fetch = NULL;
}

/* What match_term and match_query need to know of node i. */
static inline void
index_text(const struct index *ix, uint32_t i, struct match_text *m)
{
	m->letters_known = true;
	m->letters = ix->letters[i];
	m->kinds = ix->kinds[i];
	m->fetch = index_fetch;
	m->fetch_arg = ix;
	m->fetch_node = i;
}

/* Is doc d among v[0..n)? */
static inline bool
index_doc_in(uint32_t d, const uint32_t *v, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (v[k] == d)
			return true;
	return false;
}

/*
 * Does node i match q?  Terms whose bit is set in skip are known to match
 * already (the term a scan just found, or terms a narrower search shares
 * with the search it narrows) and are not looked for again; likewise the
 * exclusions (skip_neg) and the doc: and kind: filters (skip_filters).
 */
static bool
index_matches_except(const struct index *ix, const struct query *q,
    uint32_t i, const uint8_t *skip_pos, bool skip_neg, bool skip_filters)
{
	struct match_text	m;

	index_text(ix, i, &m);
	return match_query(&m, q, skip_pos, skip_neg, skip_filters);
}

bool
index_node_matches(const struct index *ix, const struct query *q,
    uint32_t i)
{
	return !query_is_empty(q) &&
	    index_matches_except(ix, q, i, NULL, false, false);
}

/* r keeps no at and after from now on. */
static void
index_result_nowhere(struct index_result *r)
{
	free(r->at);
	free(r->after);
	r->at = NULL;
	r->after = NULL;
	r->nowhere = true;
}

/*
 * An array of a result, n elements of size bytes, p's contents kept: a
 * new one in huge pages when it is large (xmallocarray_huge), since it is
 * fresh memory written in full by this key's search, and one first touch
 * of each 4 KB page cost more than the search itself (a million nodes'
 * result is 16 MB: 4,000 page faults of some 10 microseconds on a
 * virtual machine, against 8 of 2 MB).
 */
static void *
index_array(void *p, size_t n, size_t size)
{
	return p == NULL ? xmallocarray_huge(n, size) :
	    xreallocarray(p, n, size);
}

/*
 * Make room in r for n nodes in all: a search knows how many it may find
 * at most, and arrays that grow as they fill are copied each time (a
 * first key's result is most of the corpus).  Pages never written cost
 * nothing.
 */
static void
index_result_reserve(struct index_result *r, size_t n)
{
	if (n <= r->cap)
		return;
	r->cap = n;
	r->nodes = index_array(r->nodes, n, sizeof *r->nodes);
	if (r->at != NULL) {
		r->at = index_array(r->at, n, sizeof *r->at);
		r->after = index_array(r->after, n, sizeof *r->after);
	}
}

/*
 * The bytes after the word of len bytes at at in m's text (fetched), as
 * index_result.after keeps them: as the search compares them (plain text
 * as it folds: A-Z lowered, a line break a space).
 */
static uint64_t
index_after(const struct match_text *m, uint32_t at, size_t len)
{
	uint64_t	v = 0;
	size_t		k, n, end = (size_t)at + len;
	unsigned char	ch;

	if (at == UINT32_MAX || m->fetch != NULL || end >= m->len)
		return 0;
	n = m->len - end < 7 ? m->len - end : 7;
	for (k = 0; k < n; k++) {
		ch = (unsigned char)m->s[end + k];
		if (m->plain && (unsigned char)(ch - 'A') < 26)
			ch = (unsigned char)(ch + 32);
		else if (m->plain && ch == '\n')
			ch = ' ';
		v |= (uint64_t)ch << (8 * k);
	}
	return v | (uint64_t)n << 56;
}

/*
 * Do the first n bytes after a word (after) read ext?  If so, *rest is
 * what follows them.
 */
static bool
index_after_reads(uint64_t after, const char *ext, size_t n, uint64_t *rest)
{
	size_t	k, have = (size_t)(after >> 56);

	if (n > have)
		return false;
	for (k = 0; k < n; k++)
		if ((unsigned char)(after >> (8 * k)) != (unsigned char)ext[k])
			return false;
	after &= ~((uint64_t)0xff << 56);
	*rest = n == have ? 0 : after >> (8 * n) | (uint64_t)(have - n) << 56;
	return true;
}

/*
 * Add node i, where the query's one word first matches at at, followed by
 * after (index_result.after).
 */
static void
index_result_add(struct index_result *r, const struct index *ix,
    uint32_t i, uint32_t at, uint64_t after)
{
	size_t	k;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->nodes = xreallocarray(r->nodes, r->cap, sizeof *r->nodes);
		if (r->at != NULL) {
			r->at = xreallocarray(r->at, r->cap, sizeof *r->at);
			r->after = xreallocarray(r->after, r->cap,
			    sizeof *r->after);
		}
	}
	/*
	 * Where the word is, from the first node where it is known (a
	 * result of a one-letter word keeps none), until the result is a
	 * quarter of the corpus.
	 */
	if (r->at != NULL && r->n >= ix->c->nnodes / 4 + 1)
		index_result_nowhere(r);
	if (r->at == NULL && at != UINT32_MAX && !r->nowhere) {
		r->at = index_array(NULL, r->cap, sizeof *r->at);
		r->after = index_array(NULL, r->cap, sizeof *r->after);
		for (k = 0; k < r->n; k++) {
			r->at[k] = UINT32_MAX;
			r->after[k] = 0;
		}
	}
	if (r->at != NULL) {
		r->at[r->n] = at;
		r->after[r->n] = after;
	}
	r->nodes[r->n++] = i;
	if (index_is_block(ix, i))
		r->nblocks++;
	else
		r->nsections++;
	if (r->per_doc[ix->doc[i]]++ == 0)
		r->ndocs++;
}

/*
 * Look at nodes [first, end): for the driving term, q->pos[d], first, then
 * the rest; or, with no driving term, at everything.
 */
static void
index_scan(const struct index *ix, const struct query *q, size_t d,
    uint32_t first, uint32_t end, struct index_result *out)
{
	const struct query_term	*t;
	struct match_text	 m;
	uint32_t		 i, at;
	uint8_t			*skip;

	index_result_reserve(out, out->n + (end - first));
	if (d == INDEX_NO_DRIVE) {
		for (i = first; i < end; i++)
			if (index_matches_except(ix, q, i, NULL, false, false))
				index_result_add(out, ix, i, UINT32_MAX, 0);
		return;
	}
	t = &q->pos[d];
	skip = xcalloc(q->npos, 1);
	skip[d] = 1;
	for (i = first; i < end; i++) {
		/* Most nodes lack a letter of the word: read nothing more. */
		if ((ix->letters[i] & t->f.letters) != t->f.letters)
			continue;
		index_text(ix, i, &m);
		if (!match_term_from(&m, t, 0, &at) || !match_query(&m, q, skip,
		    false, false))
			continue;
		if (q->npos == 1)
			index_result_add(out, ix, i, at, index_after(&m, at,
			    t->len));
		else
			index_result_add(out, ix, i, UINT32_MAX, 0);
	}
	free(skip);
}

void
index_search(const struct index *ix, const struct query *q,
    const struct index_result *within, struct index_result *out)
{
	index_search_narrowing(ix, q, NULL, within, out);
}

/* Is term t, exactly, among v[0..n)? */
static bool
index_term_in(const struct query_term *t, const struct query_term *v,
    size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (v[k].len == t->len && v[k].prefix == t->prefix &&
		    memcmp(v[k].s, t->s, t->len) == 0)
			return true;
	return false;
}

/* Are q's doc: and kind: filters, both ways, older's? */
static bool
index_same_filters(const struct query *q, const struct query *older)
{
	return older->kinds == q->kinds && older->nokinds == q->nokinds &&
	    older->ndocs == q->ndocs && older->nnodocs == q->nnodocs &&
	    (q->ndocs == 0 || memcmp(older->docs, q->docs, q->ndocs *
	    sizeof *q->docs) == 0) && (q->nnodocs == 0 ||
	    memcmp(older->nodocs, q->nodocs, q->nnodocs *
	    sizeof *q->nodocs) == 0);
}

/*
 * Can a match of t be found from where older's word t' first matched?
 * Where t begins with t' (typing on), every place t may match, t' may
 * too: none comes before t''s first.  (Unless t' must begin a word and t
 * need not.)
 */
static bool
index_term_extends(const struct query_term *t, const struct query_term *old)
{
	return t->len >= old->len && memcmp(t->s, old->s, old->len) == 0 &&
	    (!old->prefix || t->prefix);
}

/*
 * Look only among within's nodes [from, to); what q shares with older
 * needs no new look.  A query of one word that lengthens older's one
 * word is looked for from where that first matched in each node.
 */
static void
index_search_within(const struct index *ix, const struct query *q,
    const struct query *older, const struct index_result *within,
    size_t from, size_t to, struct index_result *out)
{
	struct match_text	 m;
	uint8_t			*skip;
	bool			 same_neg, same_filters, one, resume, known;
	bool			 same_prefix = false;
	const char		*ext = NULL;
	size_t			 k, next = 0;
	uint32_t		 i, at;
	uint64_t		 after;

	index_result_reserve(out, out->n + (to - from));
	skip = xcalloc(q->npos ? q->npos : 1, 1);
	same_neg = older != NULL && older->nneg == q->nneg;
	same_filters = older != NULL && index_same_filters(q, older);
	for (k = 0; older != NULL && k < q->npos; k++)
		skip[k] = index_term_in(&q->pos[k], older->pos, older->npos);
	for (k = 0; same_neg && k < q->nneg; k++)
		same_neg = index_term_in(&q->neg[k], older->neg, older->nneg);
	one = q->npos == 1;
	known = skip[0];
	resume = one && older != NULL && older->npos == 1 &&
	    within->at != NULL && within->after != NULL &&
	    index_term_extends(&q->pos[0], &older->pos[0]);
	if (resume) {
		/* What the longer word adds to the shorter one. */
		ext = q->pos[0].s + older->pos[0].len;
		next = q->pos[0].len - older->pos[0].len;
		same_prefix = q->pos[0].prefix == older->pos[0].prefix;
	}
	for (k = from; k < to; k++) {
		i = within->nodes[k];
		if (!one) {
			if (index_matches_except(ix, q, i, older != NULL ?
			    skip : NULL, same_neg, same_filters))
				index_result_add(out, ix, i, UINT32_MAX, 0);
			continue;
		}
		index_text(ix, i, &m);
		at = resume ? within->at[k] : UINT32_MAX;
		/*
		 * The same word where it was; or the longer word there, read
		 * in the bytes kept after the shorter one (where the word must
		 * begin as before), no text read; or found in the text.
		 */
		if (known && at != UINT32_MAX)
			after = within->after[k];
		else if (!(at != UINT32_MAX && same_prefix &&
		    index_after_reads(within->after[k], ext, next, &after))) {
			if (!match_term_from(&m, &q->pos[0], at != UINT32_MAX ?
			    at : 0, &at))
				continue;
			after = index_after(&m, at, q->pos[0].len);
		}
		skip[0] = 1;
		if (match_query(&m, q, skip, same_neg, same_filters))
			index_result_add(out, ix, i, at, after);
		skip[0] = known;
	}
	free(skip);
}

/*
 * Searching on two cores.  A search over many nodes (or a large previous
 * result) is cut in two; the second half runs in a thread while the
 * caller does the first, and the halves' results are joined in order.
 * Small searches stay on one thread, where a thread would cost more than
 * it saves.
 */
#define INDEX_PARALLEL_NODES	20000

struct index_job {
	const struct index		*ix;
	const struct query		*q;
	const struct query		*older;
	size_t				 drive;
	uint32_t			 first;		/* a scan: nodes */
	uint32_t			 end;
	const struct index_result	*within;	/* or within's nodes */
	size_t				 from;
	size_t				 to;
	struct index_result		 out;
};

static void *
index_job_run(void *arg)
{
	struct index_job	*j = arg;

	if (j->within != NULL)
		index_search_within(j->ix, j->q, j->older, j->within, j->from,
		    j->to, &j->out);
	else
		index_scan(j->ix, j->q, j->drive, j->first, j->end, &j->out);
	return NULL;
}

/* Append b's nodes and counts to a (b's nodes all come after a's). */
static void
index_result_join(struct index_result *a, const struct index_result *b,
    size_t ndocs)
{
	size_t	d, k;

	if (a->n + b->n > a->cap) {
		a->cap = a->n + b->n;
		a->nodes = xreallocarray(a->nodes, a->cap, sizeof *a->nodes);
		if (a->at != NULL) {
			a->at = xreallocarray(a->at, a->cap, sizeof *a->at);
			a->after = xreallocarray(a->after, a->cap,
			    sizeof *a->after);
		}
	}
	/* Where the word is: known in either half, then in both. */
	if (b->nowhere && !a->nowhere)
		index_result_nowhere(a);
	if (a->at == NULL && b->at != NULL && !a->nowhere) {
		a->at = index_array(NULL, a->cap, sizeof *a->at);
		a->after = index_array(NULL, a->cap, sizeof *a->after);
		for (k = 0; k < a->n; k++) {
			a->at[k] = UINT32_MAX;
			a->after[k] = 0;
		}
	}
	if (b->n > 0)
		memcpy(a->nodes + a->n, b->nodes, b->n * sizeof *b->nodes);
	for (k = 0; a->at != NULL && k < b->n; k++) {
		a->at[a->n + k] = b->at != NULL ? b->at[k] : UINT32_MAX;
		a->after[a->n + k] = b->after != NULL ? b->after[k] : 0;
	}
	a->n += b->n;
	a->nblocks += b->nblocks;
	a->nsections += b->nsections;
	a->ndocs = 0;
	for (d = 0; d < ndocs; d++) {
		a->per_doc[d] += b->per_doc[d];
		if (a->per_doc[d] > 0)
			a->ndocs++;
	}
}

/* Run job in two halves (split by the caller) on two threads. */
static void
index_run_split(struct index_job *half, struct index_result *out)
{
	pthread_t	t;
	size_t		ndocs = half[0].ix->c->ndocs, k, total = 0;
	bool		threaded;

	for (k = 0; k < 2; k++) {
		memset(&half[k].out, 0, sizeof half[k].out);
		half[k].out.per_doc = xcalloc(ndocs ? ndocs : 1,
		    sizeof *half[k].out.per_doc);
	}
	/* The first half's result has room for the second's: no copy of it. */
	for (k = 0; k < 2; k++)
		total += half[k].within != NULL ? half[k].to - half[k].from :
		    (size_t)(half[k].end - half[k].first);
	index_result_reserve(&half[0].out, total);
	threaded = pthread_create(&t, NULL, index_job_run, &half[1]) == 0;
	index_job_run(&half[0]);
	if (threaded)
		pthread_join(t, NULL);
	else
		index_job_run(&half[1]);
	index_result_join(&half[0].out, &half[1].out, ndocs);
	index_result_free(out);
	*out = half[0].out;
	index_result_free(&half[1].out);
}

/* Scan nodes [first, end), on two threads if that is worth it. */
static void
index_scan_range(const struct index *ix, const struct query *q, size_t drive,
    uint32_t first, uint32_t end, struct index_result *out)
{
	struct index_job	half[2];
	uint32_t		mid;

	if (end - first < INDEX_PARALLEL_NODES) {
		index_scan(ix, q, drive, first, end, out);
		return;
	}
	mid = first + (end - first) / 2;
	memset(half, 0, sizeof half);
	half[0] = (struct index_job){ .ix = ix, .q = q, .drive = drive,
	    .first = first, .end = mid };
	half[1] = (struct index_job){ .ix = ix, .q = q, .drive = drive,
	    .first = mid, .end = end };
	index_run_split(half, out);
}

void
index_search_narrowing(const struct index *ix, const struct query *q,
    const struct query *older, const struct index_result *within,
    struct index_result *out)
{
	const struct corpus	*c = ix->c;
	size_t			 k, d, drive = INDEX_NO_DRIVE;

	index_result_free(out);
	out->per_doc = xcalloc(c->ndocs ? c->ndocs : 1, sizeof *out->per_doc);
	if (query_is_empty(q))
		return;
	if (within != NULL && within->n >= INDEX_PARALLEL_NODES) {
		struct index_job	half[2];

		memset(half, 0, sizeof half);
		half[0] = (struct index_job){ .ix = ix, .q = q,
		    .older = older, .within = within, .from = 0,
		    .to = within->n / 2 };
		half[1] = (struct index_job){ .ix = ix, .q = q,
		    .older = older, .within = within, .from = within->n / 2,
		    .to = within->n };
		index_run_split(half, out);
		return;
	}
	if (within != NULL) {
		index_search_within(ix, q, older, within, 0, within->n, out);
		return;
	}
	for (k = 0; k < q->npos; k++)
		if (drive == INDEX_NO_DRIVE ||
		    q->pos[k].len > q->pos[drive].len)
			drive = k;
	if (q->ndocs == 0) {
		index_scan_range(ix, q, drive, 0, (uint32_t)c->nnodes, out);
		return;
	}
	/* doc: filters scan their documents' slices, in reading order. */
	for (d = 0; d < c->ndocs; d++)
		if (index_doc_in((uint32_t)d, q->docs, q->ndocs))
			index_scan(ix, q, drive, c->docs[d].root,
			    c->docs[d].end, out);
}
