/*
 * spans.c -- struct text_spans: a display string made once from a source
 * string, the spans on it kept per kind as sorted ranges, and the runs a
 * renderer draws (see spans.h).  Rendering is render.c's.
 *
 * Spans are kept in display offsets: they arrive in source offsets and go
 * through the sanitizer's map once, when added, so that the renderers and
 * the wrapping never see a source offset.  Per kind they are sorted and
 * merged, so that finding the spans at an offset is a binary search per
 * kind, whatever a hostile text makes of their number.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "text/spans.h"
#include "text/text.h"
#include "text/text-private.h"
#include "util/xmalloc.h"

/* The first of v[0..n) (sorted, disjoint) that ends after pos, or n. */
static size_t
spans_after(const struct text_range *v, size_t n, size_t pos)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].end > pos)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Add the display range [a, b), a < b, to kind k, merging as needed. */
static void
spans_insert(struct text_spans *ts, enum text_span_kind k, size_t a,
    size_t b)
{
	struct text_range	*v;
	size_t			 n = ts->n[k], lo, hi;

	if (n == ts->cap[k]) {
		ts->cap[k] = ts->cap[k] == 0 ? 8 : ts->cap[k] * 2;
		ts->v[k] = xreallocarray(ts->v[k], ts->cap[k],
		    sizeof *ts->v[k]);
	}
	v = ts->v[k];
	/* Spans mostly come in order: after the last, not touching it. */
	if (n == 0 || a > v[n - 1].end) {
		v[n].start = a;
		v[n].end = b;
		ts->n[k]++;
		return;
	}
	/* v[lo..hi) are the ranges that overlap or touch [a, b). */
	lo = a == 0 ? 0 : spans_after(v, n, a - 1);
	for (hi = lo; hi < n && v[hi].start <= b; hi++)
		;
	if (lo == hi) {
		memmove(v + lo + 1, v + lo, (n - lo) * sizeof *v);
		v[lo].start = a;
		v[lo].end = b;
		ts->n[k]++;
		return;
	}
	v[lo].start = a < v[lo].start ? a : v[lo].start;
	v[lo].end = b > v[hi - 1].end ? b : v[hi - 1].end;
	memmove(v + lo + 1, v + hi, (n - hi) * sizeof *v);
	ts->n[k] -= hi - lo - 1;
}

void
text_spans_init(struct text_spans *ts, const char *src, size_t n,
    enum text_mode mode, bool ascii_only, int flags)
{
	unsigned char	*marks;
	size_t		 i, j;

	memset(ts, 0, sizeof *ts);
	ts->s = text_sanitize_map(src, n, mode, ascii_only, &marks, &ts->map);
	/* Not strlen: in RAW mode a NUL byte is text like any other. */
	ts->len = ts->map[n];
	ts->srclen = n;
	if (flags & TEXT_SPANS_ONE_LINE) {
		for (i = 0; i < ts->len; i++)
			if (ts->s[i] == '\n')
				ts->s[i] = ' ';
	}
	for (i = 0; i < ts->len; i = j) {
		for (; i < ts->len && !marks[i]; i++)
			;
		for (j = i; j < ts->len && marks[j]; j++)
			;
		if (j > i)
			spans_insert(ts, TEXT_SPAN_PLACEHOLDER, i, j);
	}
	free(marks);
}

void
text_spans_free(struct text_spans *ts)
{
	int	k;

	if (ts == NULL)
		return;
	free(ts->s);
	free(ts->map);
	for (k = 0; k < TEXT_SPAN__COUNT; k++)
		free(ts->v[k]);
	memset(ts, 0, sizeof *ts);
}

void
text_spans_add(struct text_spans *ts, enum text_span_kind kind,
    size_t start, size_t end)
{
	size_t	a, b;

	if (end > ts->srclen)
		end = ts->srclen;
	if (start >= end)
		return;
	a = ts->map[start];
	b = ts->map[end];
	/* All of it dropped (marks past the cap): nothing to show. */
	if (a >= b)
		return;
	spans_insert(ts, kind, a, b);
}

void
text_spans_clear(struct text_spans *ts, enum text_span_kind kind)
{
	ts->n[kind] = 0;
}

size_t
text_spans_run(const struct text_spans *ts, size_t pos, size_t lim,
    unsigned *kinds)
{
	const struct text_range	*v;
	size_t			 next = lim, i;
	unsigned		 mask = 0;
	int			 k;

	for (k = 0; k < TEXT_SPAN__COUNT; k++) {
		v = ts->v[k];
		i = spans_after(v, ts->n[k], pos);
		if (i == ts->n[k])
			continue;
		if (v[i].start <= pos) {
			mask |= TEXT_SPAN_BIT(k);
			if (v[i].end < next)
				next = v[i].end;
		} else if (v[i].start < next)
			next = v[i].start;
	}
	*kinds = mask;
	return next;
}

enum text_span_kind
text_spans_top(unsigned kinds)
{
	int	k;

	for (k = 0; k < TEXT_SPAN__COUNT; k++)
		if (kinds & TEXT_SPAN_BIT(k))
			return (enum text_span_kind)k;
	return TEXT_SPAN__COUNT;
}
