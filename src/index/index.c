/*
 * index.c -- the folded index (see index.h; search.c searches it).
 *
 * Algorithm: every node's searchable text (a block's text, a section's
 * title) is folded once, at start-up.  Most of it -- all of it that folding
 * changes only by lowering ASCII letters and making line breaks spaces --
 * is "plain": it is searched where it is, in the corpus, by find_in_plain,
 * and no copy is kept.  The rest is folded into one buffer, each node's
 * text followed by a NUL; start[i] is where node i's folded text begins.
 * So the index costs a fraction of the text in memory, not as much again.
 * Beside it, per node: the letters its text has (find_letters), and the
 * kinds of the node and its ancestors, for kind:.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "index/find.h"
#include "index/index.h"
#include "index/index-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Corpora of this many nodes or more are indexed in two halves at once. */
#define INDEX_SPLIT_NODES	50000

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
 * pass (and a grave accent made an apostrophe, as text_search_fold()
 * does); only the runs of other characters go through text_search_fold().
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
		 * and single blanks (spaces or line breaks), and no grave
		 * accent: lower A-Z, make line breaks spaces, copy.  Anything
		 * else goes byte by byte.
		 */
		if (i + 16 <= n && i >= scalar_until) {
			__m128i		v = _mm_loadu_si128((const __m128i *)(p +
			    i));
			__m128i		nl = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
			unsigned int	sp, odd;

			v = _mm_add_epi8(v, _mm_and_si128(nl,
			    _mm_set1_epi8(' ' - '\n')));
			/* Signed: bytes from 0x80 count as below a space. */
			odd = (unsigned int)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmplt_epi8(v, _mm_set1_epi8(' ')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('`'))));
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
				    p[i] <= 'Z' ? p[i] + 32 : p[i] == '`' ?
				    '\'' : p[i]);
				in_blank = false;
			}
			i++;
			continue;
		}
		for (j = i; j < n && p[j] >= 0x80; j++)
			;
		f = text_search_fold(s + i, j - i, &flen, NULL);
		index_reserve(ix, cap, *used, flen + (n - j) + 1);
		out = ix->buf;
		for (k = 0; k < flen; k++) {
			/* no-break and other spaces are spaces by now */
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

/*
 * The part of an index a thread folds: nodes [from, to), their folded text
 * in a buffer of its own (buf[0..used)), their start offsets counted from
 * it.  plain and letters are written in place, in the index's arrays.
 */
struct index_part {
	struct index	*ix;
	uint32_t	 from, to;
	char		*buf;
	size_t		 used;
};

static void *
index_fold_part(void *arg)
{
	struct index_part	*part = arg;
	struct index		*ix = part->ix, tmp;
	const struct corpus	*c = ix->c;
	size_t			 cap = 0, used = 0, len;
	const char		*s;
	uint32_t		 i;

	/*
	 * The folded text is at most about as long as the text: reserve that
	 * (pages never written to cost nothing), grow if need be.
	 */
	for (i = part->from; i < part->to; i++) {
		index_source(c, i, &s, &len);
		cap += len;
	}
	cap += (part->to - part->from) + 16;
	cap += cap / 16;
	memset(&tmp, 0, sizeof tmp);
	tmp.buf = xmalloc_huge(cap);
	for (i = part->from; i < part->to; i++) {
		index_source(c, i, &s, &len);
		ix->start[i] = used;
		index_fold_into(&tmp, &cap, &used, s, len);
		/*
		 * Most text folds only by case and line breaks: it is searched
		 * as it is (find_in_plain), and its folded copy dropped.
		 */
		ix->letters[i] = find_letters(tmp.buf + ix->start[i],
		    used - ix->start[i]);
		if (used - ix->start[i] == len &&
		    find_plain_folds_to(s, tmp.buf + ix->start[i], len)) {
			ix->plain[i] = 1;
			used = ix->start[i];
			continue;
		}
		index_reserve(&tmp, &cap, used, 1);
		tmp.buf[used++] = '\0';
	}
	part->buf = tmp.buf;
	part->used = used;
	return NULL;
}

struct index *
index_build(const struct corpus *c)
{
	struct index		*ix = xcalloc(1, sizeof *ix);
	struct index_part	 first, second;
	pthread_t		 t;
	bool			 threaded;
	size_t			 i;

	ix->c = c;
	ix->start = xreallocarray(NULL, c->nnodes + 1, sizeof *ix->start);
	ix->plain = xcalloc(c->nnodes ? c->nnodes : 1, 1);
	ix->letters = xcalloc(c->nnodes ? c->nnodes : 1, sizeof *ix->letters);
	ix->kinds = xcalloc(c->nnodes ? c->nnodes : 1, sizeof *ix->kinds);
	/* A parent comes before its children: its set is ready. */
	for (i = 0; i < c->nnodes; i++)
		ix->kinds[i] = 1u << c->nodes[i].kind |
		    (c->nodes[i].parent != CORPUS_NONE ?
		    ix->kinds[c->nodes[i].parent] : 0);
	/*
	 * A large corpus is folded in two halves, the second on a thread:
	 * on two cores the index is ready in little more than half the time.
	 * Each half has a buffer of its own; the second is put after the
	 * first, its offsets moved by the first's length.
	 */
	memset(&first, 0, sizeof first);
	memset(&second, 0, sizeof second);
	first.ix = second.ix = ix;
	first.to = (uint32_t)c->nnodes;
	threaded = false;
	if (c->nnodes >= INDEX_SPLIT_NODES) {
		second.from = first.to = (uint32_t)(c->nnodes / 2);
		second.to = (uint32_t)c->nnodes;
		threaded = pthread_create(&t, NULL, index_fold_part,
		    &second) == 0;
		if (!threaded)
			first.to = (uint32_t)c->nnodes;
	}
	index_fold_part(&first);
	ix->buf = first.buf;
	if (threaded) {
		pthread_join(t, NULL);
		ix->buf = xreallocarray(ix->buf, first.used + second.used + 1,
		    1);
		memcpy(ix->buf + first.used, second.buf, second.used);
		free(second.buf);
		for (i = second.from; i < second.to; i++)
			ix->start[i] += first.used;
		first.used += second.used;
	} else
		/* Give back what the guess overshot. */
		ix->buf = xreallocarray(ix->buf, first.used ? first.used : 1,
		    1);
	ix->start[c->nnodes] = first.used;
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
	free(ix->kinds);
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
