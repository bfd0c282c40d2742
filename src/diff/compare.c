/*
 * compare.c -- aligning two passages part by part (see compare.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diff/compare.h"
#include "diff/diff.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* The parts of the subtree of root, in reading order. */
static void
compare_parts(const struct corpus *c, uint32_t root, uint32_t **out,
    size_t *n)
{
	uint32_t	end = corpus_subtree_end(c, root), i;

	*n = 0;
	*out = xreallocarray(NULL, end - root, sizeof **out);
	for (i = root; i < end; i++) {
		/* A document's title is in the header, not a part. */
		if (c->nodes[i].kind == KIND_DOCUMENT)
			continue;
		(*out)[(*n)++] = i;
	}
}

static char *
compare_part_text(const struct corpus *c, uint32_t i)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (kind_is_block(n->kind))
		return xstrndup(n->text, n->text_len);
	return xasprintf("%s  %s", n->label, n->title);
}

/* Do both sides have the same shape: the same kinds, in order? */
static bool
compare_same_shape(const struct compare *cmp)
{
	size_t	k;

	if (cmp->nparts[0] != cmp->nparts[1])
		return false;
	for (k = 0; k < cmp->nparts[0]; k++)
		if (cmp->c->nodes[cmp->parts[0][k]].kind !=
		    cmp->c->nodes[cmp->parts[1][k]].kind)
			return false;
	return true;
}

void
compare_build(struct compare *cmp, const struct corpus *c, uint32_t left,
    uint32_t right)
{
	struct diff_group	*dg = NULL;
	char			**text[2];
	size_t			*len[2], k, s;

	memset(cmp, 0, sizeof *cmp);
	cmp->c = c;
	cmp->root[0] = left;
	cmp->root[1] = right;
	compare_parts(c, left, &cmp->parts[0], &cmp->nparts[0]);
	compare_parts(c, right, &cmp->parts[1], &cmp->nparts[1]);

	if (compare_same_shape(cmp)) {
		cmp->ngroups = cmp->nparts[0];
		cmp->groups = xcalloc(cmp->ngroups ? cmp->ngroups : 1,
		    sizeof *cmp->groups);
		for (k = 0; k < cmp->ngroups; k++) {
			cmp->groups[k].first[0] = cmp->groups[k].first[1] = k;
			cmp->groups[k].count[0] = cmp->groups[k].count[1] = 1;
		}
		return;
	}
	for (s = 0; s < 2; s++) {
		text[s] = xcalloc(cmp->nparts[s] + 1, sizeof *text[s]);
		len[s] = xcalloc(cmp->nparts[s] + 1, sizeof *len[s]);
		for (k = 0; k < cmp->nparts[s]; k++) {
			text[s][k] = compare_part_text(c, cmp->parts[s][k]);
			len[s][k] = strlen(text[s][k]);
		}
	}
	cmp->ngroups = diff_align((const char *const *)text[0], len[0],
	    cmp->nparts[0], (const char *const *)text[1], len[1],
	    cmp->nparts[1], &dg);
	cmp->groups = xcalloc(cmp->ngroups ? cmp->ngroups : 1,
	    sizeof *cmp->groups);
	for (k = 0; k < cmp->ngroups; k++) {
		cmp->groups[k].first[0] = dg[k].a_start;
		cmp->groups[k].count[0] = dg[k].a_count;
		cmp->groups[k].first[1] = dg[k].b_start;
		cmp->groups[k].count[1] = dg[k].b_count;
	}
	free(dg);
	for (s = 0; s < 2; s++) {
		for (k = 0; k < cmp->nparts[s]; k++)
			free(text[s][k]);
		free(text[s]);
		free(len[s]);
	}
}

void
compare_free(struct compare *cmp)
{
	free(cmp->parts[0]);
	free(cmp->parts[1]);
	free(cmp->groups);
	memset(cmp, 0, sizeof *cmp);
}

char *
compare_group_text(const struct compare *cmp, size_t g, int s)
{
	const struct compare_group	*grp = &cmp->groups[g];
	struct text_buf			 b;
	char				*t;
	size_t				 k;

	text_buf_init(&b);
	text_buf_puts(&b, "");
	for (k = 0; k < grp->count[s]; k++) {
		if (k > 0)
			text_buf_puts(&b, "\n\n");
		t = compare_part_text(cmp->c,
		    cmp->parts[s][grp->first[s] + k]);
		text_buf_puts(&b, t);
		free(t);
	}
	return text_buf_steal(&b);
}

/* The spans of the words of w not marked same[]. */
static size_t
compare_spans(const struct diff_words *w, const uint8_t *same,
    struct compare_span **out)
{
	size_t	k, n = 0;

	*out = NULL;
	for (k = 0; k < w->n; k++) {
		if (same[k])
			continue;
		/* Neighbouring different words make one span. */
		if (n > 0 && k > 0 && !same[k - 1]) {
			(*out)[n - 1].end = w->w[k].off + w->w[k].len;
			continue;
		}
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n].start = w->w[k].off;
		(*out)[n].end = w->w[k].off + w->w[k].len;
		n++;
	}
	return n;
}

int
compare_words(const char *a, size_t alen, const char *b, size_t blen,
    struct compare_span **as, size_t *nas, struct compare_span **bs,
    size_t *nbs, size_t *shared, size_t *total)
{
	struct diff_words	wa, wb;
	struct diff_result	r;
	int			sim;

	diff_words_split(a, alen, &wa);
	diff_words_split(b, blen, &wb);
	diff_compute(&wa, &wb, &r);
	sim = diff_similarity(&r);
	*nas = compare_spans(&wa, r.a_same, as);
	*nbs = compare_spans(&wb, r.b_same, bs);
	*shared = 2 * r.common;
	*total = r.na + r.nb;
	diff_result_free(&r);
	diff_words_free(&wa);
	diff_words_free(&wb);
	return sim;
}
