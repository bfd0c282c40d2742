/*
 * index.c -- the folded index and the search over it (see index.h).
 *
 * Algorithm: every node's searchable text (a block's text, a section's
 * title) is folded once, at start-up.  Most of it -- all of it that folding
 * changes only by lowering ASCII letters and making line breaks spaces --
 * is "plain": it is searched where it is, in the corpus, by find_in_plain,
 * and no copy is kept.  The rest is folded into one buffer, each node's
 * text followed by a NUL; start[i] is where node i's folded text begins.
 * So the index costs a fraction of the text in memory, not as much again.
 *
 * A search takes the longest word of the query (the rarest, usually) and
 * looks for it in each node in turn (find.c: a few nanoseconds per
 * paragraph), then checks the nodes that have it against the rest of the
 * query.  With doc:, only those documents' nodes are looked at.  When the
 * query only grew, the previous result is checked instead of every node.
 * A search over many nodes runs on two threads.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "index/find.h"
#include "index/index.h"
#include "index/query-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct index {
	const struct corpus	*c;
	char			*buf;
	size_t			*start;		/* nnodes + 1 offsets */
	uint8_t			*plain;		/* nnodes flags */
	uint32_t		*letters;	/* nnodes find_letters sets */
};

/* Make room for n more bytes at the end of the buffer. */
static void
index_reserve(struct index *ix, size_t *cap, size_t used, size_t n)
{
	if (used + n <= *cap)
		return;
	*cap = (used + n) * 2;
	ix->buf = xreallocarray(ix->buf, *cap, 1);
}

/*
 * Fold s[0..n) into the buffer at *used, exactly as index_fold() would
 * (the unit tests compare the two), but without a copy per node: ASCII,
 * almost all of the text, is lowered and its blanks collapsed here in one
 * pass; only the runs of other characters go through text_fold().
 */
static void
index_fold_into(struct index *ix, size_t *cap, size_t *used, const char *s,
    size_t n)
{
	static const unsigned char	blank[256] = {
		[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
		['\v'] = 1,
	};
	const unsigned char		*p = (const unsigned char *)s;
	size_t				 i = 0, j, k, flen;
	size_t				 scalar_until = 0;
	bool				 in_blank = false;
	char				*f, *out;

	index_reserve(ix, cap, *used, n + 1);
	out = ix->buf;
	while (i < n) {
#ifdef __SSE2__
		/*
		 * Sixteen bytes at once where they are ASCII letters, marks
		 * and single blanks (spaces or line breaks): lower A-Z, make
		 * line breaks spaces, copy.  Anything else goes byte by byte.
		 */
		if (i + 16 <= n && i >= scalar_until) {
			__m128i		v = _mm_loadu_si128((const __m128i *)(p +
			    i));
			__m128i		nl = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
			unsigned int	sp, odd;

			v = _mm_add_epi8(v, _mm_and_si128(nl,
			    _mm_set1_epi8(' ' - '\n')));
			/* Signed: bytes from 0x80 count as below a space. */
			odd = (unsigned int)_mm_movemask_epi8(_mm_cmplt_epi8(v,
			    _mm_set1_epi8(' ')));
			sp = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
			    _mm_set1_epi8(' ')));
			if (odd == 0 && (sp & (sp >> 1)) == 0 &&
			    !(in_blank && (sp & 1))) {
				__m128i	up = _mm_and_si128(_mm_cmpgt_epi8(v,
				    _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v,
				    _mm_set1_epi8('Z' + 1)));

				v = _mm_add_epi8(v, _mm_and_si128(up,
				    _mm_set1_epi8('a' - 'A')));
				_mm_storeu_si128((__m128i *)(out + *used), v);
				*used += 16;
				in_blank = (sp >> 15) & 1;
				i += 16;
				continue;
			}
			/* Not now: the next sixteen bytes go one by one. */
			scalar_until = i + 16;
		}
#endif
		if (p[i] < 0x80) {
			if (blank[p[i]]) {
				if (!in_blank)
					out[(*used)++] = ' ';
				in_blank = true;
			} else {
				out[(*used)++] = (char)(p[i] >= 'A' &&
				    p[i] <= 'Z' ? p[i] + 32 : p[i]);
				in_blank = false;
			}
			i++;
			continue;
		}
		for (j = i; j < n && p[j] >= 0x80; j++)
			;
		f = text_fold(s + i, j - i, &flen, NULL);
		index_reserve(ix, cap, *used, flen + (n - j) + 1);
		out = ix->buf;
		for (k = 0; k < flen; k++) {
			/* a no-break space is a blank like any other */
			if ((unsigned char)f[k] == 0xc2 && k + 1 < flen &&
			    (unsigned char)f[k + 1] == 0xa0) {
				if (!in_blank)
					out[(*used)++] = ' ';
				in_blank = true;
				k++;
				continue;
			}
			if (blank[(unsigned char)f[k]]) {
				if (!in_blank)
					out[(*used)++] = ' ';
				in_blank = true;
				continue;
			}
			out[(*used)++] = f[k];
			in_blank = false;
		}
		free(f);
		i = j;
	}
}

char *
index_fold_fast(const char *s, size_t n, size_t *outlen)
{
	struct index	ix;
	size_t		cap = 0, used = 0;

	memset(&ix, 0, sizeof ix);
	index_fold_into(&ix, &cap, &used, s, n);
	index_reserve(&ix, &cap, used, 1);
	ix.buf[used] = '\0';
	*outlen = used;
	return ix.buf;
}

/* The text node i is searched by: a block's text, a section's title. */
static inline void
index_source(const struct corpus *c, uint32_t i, const char **s,
    size_t *len)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (kind_is_block(n->kind)) {
		*s = n->text;
		*len = n->text_len;
	} else {
		*s = n->title;
		*len = strlen(n->title);
	}
}

struct index *
index_build(const struct corpus *c)
{
	struct index	*ix = xcalloc(1, sizeof *ix);
	size_t		 i, cap = 0, used = 0, len;
	const char	*s;

	ix->c = c;
	ix->start = xreallocarray(NULL, c->nnodes + 1, sizeof *ix->start);
	ix->plain = xcalloc(c->nnodes ? c->nnodes : 1, 1);
	ix->letters = xcalloc(c->nnodes ? c->nnodes : 1, sizeof *ix->letters);
	/*
	 * The folded text is at most about as long as the text: reserve that
	 * (pages never written to cost nothing), grow if need be.
	 */
	for (i = 0; i < c->nnodes; i++) {
		index_source(c, (uint32_t)i, &s, &len);
		cap += len;
	}
	cap += c->nnodes + 16;
	cap += cap / 16;
	ix->buf = xmalloc_huge(cap);
	for (i = 0; i < c->nnodes; i++) {
		index_source(c, (uint32_t)i, &s, &len);
		ix->start[i] = used;
		index_fold_into(ix, &cap, &used, s, len);
		/*
		 * Most text folds only by case and line breaks: it is searched
		 * as it is (find_in_plain), and its folded copy dropped.
		 */
		ix->letters[i] = find_letters(ix->buf + ix->start[i],
		    used - ix->start[i]);
		if (used - ix->start[i] == len &&
		    find_plain_folds_to(s, ix->buf + ix->start[i], len)) {
			ix->plain[i] = 1;
			used = ix->start[i];
			continue;
		}
		index_reserve(ix, &cap, used, 1);
		ix->buf[used++] = '\0';
	}
	ix->start[c->nnodes] = used;
	/* Give back what the guess overshot. */
	ix->buf = xreallocarray(ix->buf, used ? used : 1, 1);
	return ix;
}

void
index_free(struct index *ix)
{
	if (ix == NULL)
		return;
	free(ix->buf);
	free(ix->start);
	free(ix->plain);
	free(ix->letters);
	free(ix);
}

char *
index_describe_counts(size_t blocks, size_t sections)
{
	char	*b, *s, *r;

	b = xasprintf(ngettext("%zu paragraph", "%zu paragraphs", blocks),
	    blocks);
	s = xasprintf(ngettext("%zu section", "%zu sections", sections),
	    sections);
	/* TRANSLATORS: "3 paragraphs, 1 section" */
	r = xasprintf(_("%s, %s"), b, s);
	free(b);
	free(s);
	return r;
}

char *
index_result_describe(const struct index_result *r)
{
	char	*counts, *s;

	counts = index_describe_counts(r->nblocks, r->nsections);
	/* TRANSLATORS: "3 paragraphs, 1 section in 2 documents" */
	s = xasprintf(ngettext("%s in %zu document", "%s in %zu documents",
	    r->ndocs), counts, r->ndocs);
	free(counts);
	return s;
}

void
index_result_free(struct index_result *r)
{
	free(r->nodes);
	free(r->per_doc);
	memset(r, 0, sizeof *r);
}

/* Does node i's folded text contain t? */
static inline bool
index_has(const struct index *ix, uint32_t i, const struct query_term *t)
{
	const char	*s;
	size_t		 len;

	/* Without one of the term's letters, a node cannot hold it. */
	if ((ix->letters[i] & t->f.letters) != t->f.letters)
		return false;
	/* With the letter, it holds a one-letter term. */
	if (t->len == 1 && (unsigned char)(t->s[0] - 'a') < 26)
		return true;
	if (ix->plain[i]) {
		index_source(ix->c, i, &s, &len);
		return find_in_plain(s, len, &t->f) != NULL;
	}
	s = ix->buf + ix->start[i];
	len = ix->start[i + 1] - ix->start[i] - 1;
	return find_in(s, len, &t->f) != NULL;
}

/*
 * Does node i match q?  Terms whose bit is set in skip are known to match
 * already (the term a scan just found, or terms a narrower search shares
 * with the search it narrows) and are not looked for again.
 */
static bool
index_matches_except(const struct index *ix, const struct query *q,
    uint32_t i, const uint8_t *skip_pos, bool skip_neg, bool skip_filters)
{
	const struct corpus_node	*n = &ix->c->nodes[i];
	size_t				 k;

	if (!skip_filters) {
		if (q->kinds != 0 && !(q->kinds & (1u << n->kind)))
			return false;
		if (q->ndocs != 0) {
			for (k = 0; k < q->ndocs; k++)
				if (q->docs[k] == n->doc)
					break;
			if (k == q->ndocs)
				return false;
		}
	}
	for (k = 0; k < q->npos; k++)
		if ((skip_pos == NULL || !skip_pos[k]) &&
		    !index_has(ix, i, &q->pos[k]))
			return false;
	if (!skip_neg)
		for (k = 0; k < q->nneg; k++)
			if (index_has(ix, i, &q->neg[k]))
				return false;
	return true;
}

bool
index_node_matches(const struct index *ix, const struct query *q,
    uint32_t i)
{
	return index_matches_except(ix, q, i, NULL, false, false);
}

static void
index_result_add(struct index_result *r, const struct corpus *c,
    uint32_t i)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->nodes = xreallocarray(r->nodes, r->cap, sizeof *r->nodes);
	}
	r->nodes[r->n++] = i;
	if (kind_is_block(n->kind))
		r->nblocks++;
	else
		r->nsections++;
	if (r->per_doc[n->doc]++ == 0)
		r->ndocs++;
}

/* Look at nodes [first, end) for the driving term, q->pos[d], first. */
static void
index_scan(const struct index *ix, const struct query *q, size_t d,
    uint32_t first, uint32_t end, struct index_result *out)
{
	uint32_t	 i;
	uint8_t		*skip;

	skip = xcalloc(q->npos ? q->npos : 1, 1);
	skip[d] = 1;
	for (i = first; i < end; i++)
		if (index_has(ix, i, &q->pos[d]) &&
		    index_matches_except(ix, q, i, skip, false, false))
			index_result_add(out, ix->c, i);
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
		if (v[k].len == t->len && memcmp(v[k].s, t->s, t->len) == 0)
			return true;
	return false;
}

/*
 * Look only among within's nodes [from, to); the terms older had need no
 * new look.
 */
static void
index_search_within(const struct index *ix, const struct query *q,
    const struct query *older, const struct index_result *within,
    size_t from, size_t to, struct index_result *out)
{
	uint8_t	*skip;
	bool	 same_neg, same_filters;
	size_t	 k;

	skip = xcalloc(q->npos ? q->npos : 1, 1);
	same_neg = older != NULL && older->nneg == q->nneg;
	same_filters = older != NULL && older->kinds == q->kinds &&
	    older->ndocs == q->ndocs;
	for (k = 0; older != NULL && k < q->npos; k++)
		skip[k] = index_term_in(&q->pos[k], older->pos, older->npos);
	for (k = 0; same_neg && k < q->nneg; k++)
		same_neg = index_term_in(&q->neg[k], older->neg, older->nneg);
	for (k = 0; same_filters && k < q->ndocs; k++)
		same_filters = q->docs[k] == older->docs[k];
	for (k = from; k < to; k++)
		if (index_matches_except(ix, q, within->nodes[k],
		    older != NULL ? skip : NULL, same_neg, same_filters))
			index_result_add(out, ix->c, within->nodes[k]);
	free(skip);
}

/*
 * Searching on two cores.  A search over many nodes (or a large previous
 * result) is cut in two; the second half
 * runs in a thread while the caller does the first, and the halves'
 * results are joined in order.  Small searches stay on one thread, where a
 * thread would cost more than it saves.
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

static void	index_search_within(const struct index *, const struct query *,
		    const struct query *, const struct index_result *, size_t,
		    size_t, struct index_result *);

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
	size_t	d;

	if (a->n + b->n > a->cap) {
		a->cap = a->n + b->n;
		a->nodes = xreallocarray(a->nodes, a->cap, sizeof *a->nodes);
	}
	if (b->n > 0)
		memcpy(a->nodes + a->n, b->nodes, b->n * sizeof *b->nodes);
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
	size_t		ndocs = half[0].ix->c->ndocs, k;
	bool		threaded;

	for (k = 0; k < 2; k++) {
		memset(&half[k].out, 0, sizeof half[k].out);
		half[k].out.per_doc = xcalloc(ndocs ? ndocs : 1,
		    sizeof *half[k].out.per_doc);
	}
	threaded = pthread_create(&t, NULL, index_job_run, &half[1]) == 0;
	index_job_run(&half[0]);
	if (threaded)
		pthread_join(t, NULL);
	else
		index_job_run(&half[1]);
	index_result_join(&half[0].out, &half[1].out, ndocs);
	free(out->nodes);
	free(out->per_doc);
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
	size_t			 k, d, drive = (size_t)-1;
	uint32_t		 i;

	free(out->nodes);
	free(out->per_doc);
	memset(out, 0, sizeof *out);
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
		if (drive == (size_t)-1 || q->pos[k].len > q->pos[drive].len)
			drive = k;
	if (drive == (size_t)-1) {
		/* Only exclusions and filters: every node is a candidate. */
		for (i = 0; i < c->nnodes; i++)
			if (index_node_matches(ix, q, i))
				index_result_add(out, c, i);
		return;
	}
	if (q->ndocs == 0) {
		index_scan_range(ix, q, drive, 0, (uint32_t)c->nnodes, out);
		return;
	}
	/* doc: filters scan their documents' slices, in reading order. */
	for (d = 0; d < c->ndocs; d++) {
		for (k = 0; k < q->ndocs; k++)
			if (q->docs[k] == d)
				break;
		if (k < q->ndocs)
			index_scan(ix, q, drive, c->docs[d].root,
			    c->docs[d].end, out);
	}
}
