/*
 * test-kwic.c -- the concordance: its hits, sorts, contexts and lines
 * fitted by display width, hostile text in them, and the other
 * translation's passage under each: what `charta kwic` and its view show,
 * on a small corpus built here.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "stats/kwic.h"
#include "stats/stats.h"
#include "text/text.h"
#include "util/xmalloc.h"
#include "test-stats-lib.h"

/* The keywords of the concordance of s, in its order, as "ref=kw ...". */
static char *
kwic_of(const struct corpus *c, const char *s, enum kwic_sort sort)
{
	struct index	*ix = index_build(c);
	struct query	*q;
	struct kwic	 k;
	struct text_buf	 b;
	const char	*text;
	char		*err, *ref;
	size_t		 i, len;

	q = query_parse(c, s, strlen(s), &err);
	assert_non_null(q);
	kwic_build(&k, c, ix, q);
	kwic_sort(&k, sort);
	text_buf_init(&b);
	text_buf_add(&b, "", 0);
	for (i = 0; i < k.n; i++) {
		const struct kwic_hit	*h = kwic_at(&k, i);

		text = stats_node_text(c, h->node, &len);
		ref = corpus_node_ref(c, h->node);
		text_buf_printf(&b, "%s%s=%.*s", i ? " " : "", ref,
		    (int)(h->end - h->start), text + h->start);
		free(ref);
	}
	kwic_free(&k);
	query_free(q);
	index_free(ix);
	return text_buf_steal(&b);
}

static void
test_kwic_hits_and_sorts(void **unused)
{
	struct corpus	*c = small_corpus("Equal sovereign states.");
	char		*got;

	(void)unused;
	/* A match widened to its word; every occurrence; doc: narrows. */
	got = kwic_of(c, "sovereign doc:a", KWIC_SORT_REF);
	assert_string_equal(got, "alpha:p1=sovereignty alpha:I=Sovereignty "
	    "alpha:I.p1=sovereignty alpha:I.p1=SOVEREIGNTY "
	    "alpha:II.p1=sovereign alpha:II.p1=sovereignties");
	free(got);
	/* Left: by L1 ("chapters:" < "" ...), ties in reading order. */
	got = kwic_of(c, "sovereign doc:a", KWIC_SORT_LEFT);
	assert_string_equal(got, "alpha:I=Sovereignty alpha:p1=sovereignty "
	    "alpha:II.p1=sovereign alpha:I.p1=SOVEREIGNTY "
	    "alpha:I.p1=sovereignty alpha:II.p1=sovereignties");
	free(got);
	got = kwic_of(c, "sovereign doc:a", KWIC_SORT_RIGHT);
	assert_string_equal(got, "alpha:p1=sovereignty alpha:I=Sovereignty "
	    "alpha:II.p1=sovereignties alpha:I.p1=sovereignty "
	    "alpha:I.p1=SOVEREIGNTY alpha:II.p1=sovereign");
	free(got);
	corpus_free(c);
}

/* A slice at a time, the same hits as all at once; a sort takes them all. */
static void
test_kwic_slices(void **unused)
{
	struct corpus	*c = small_corpus("Sovereign equality of sovereign states.");
	struct index	*ix = index_build(c);
	struct query	*q;
	struct kwic	 all, k;
	char		*err;
	size_t		 i;

	(void)unused;
	q = query_parse(c, "sovereign", 9, &err);
	kwic_build(&all, c, ix, q);
	assert_true(kwic_done(&all));
	kwic_start(&k, c, ix, q);
	assert_int_equal(k.n, 0);
	assert_int_equal(k.nnodes, all.nnodes);
	assert_false(kwic_more(&k, 1));
	assert_true(k.n > 0 && k.n < all.n);
	/* What is in is what the whole concordance starts with. */
	for (i = 0; i < k.n; i++)
		assert_memory_equal(kwic_at(&k, i), kwic_at(&all, i),
		    sizeof (struct kwic_hit));
	kwic_sort(&k, KWIC_SORT_LEFT);
	assert_true(kwic_done(&k));
	assert_int_equal(k.n, all.n);
	kwic_sort(&all, KWIC_SORT_LEFT);
	for (i = 0; i < k.n; i++)
		assert_memory_equal(kwic_at(&k, i), kwic_at(&all, i),
		    sizeof (struct kwic_hit));
	kwic_free(&k);
	kwic_free(&all);
	query_free(q);
	index_free(ix);
	corpus_free(c);
}

static char *
clean_tty(const char *s, size_t n)
{
	return text_sanitize(s, n, TEXT_MODE_TTY, false, NULL);
}

static void
test_kwic_context_and_lines(void **unused)
{
	struct corpus		*c = small_corpus("Equal sovereign states.");
	struct kwic_hit		 h;
	struct kwic_line	 l;
	const char		*text;
	size_t			 from, to, len, w, off;

	(void)unused;
	/* alpha:I.p1, "sovereignty" at 6: two words on each side. */
	memset(&h, 0, sizeof h);
	h.node = corpus_resolve(c, "a:I.p1", 6);
	h.start = 6;
	h.end = 17;
	kwic_context(c, &h, 2, &from, &to);
	text = stats_node_text(c, h.node, &len);
	assert_int_equal(from, 0);
	assert_memory_equal(text + to - 5, "and a", 5);
	kwic_line_make(&l, text, from, h.start, h.end, to, clean_tty,
	    SIZE_MAX, SIZE_MAX, SIZE_MAX);
	assert_string_equal(l.left, "State ");
	assert_string_equal(l.key, "sovereignty");
	assert_string_equal(l.right, " and a");
	kwic_line_free(&l);
	/* Cut to columns: the left from its start, the right at its end. */
	kwic_line_make(&l, text, from, h.start, h.end, to, clean_tty, 3,
	    SIZE_MAX, 4);
	assert_string_equal(l.left, "te ");
	assert_int_equal(l.left_w, 3);
	assert_string_equal(l.right, " and");
	kwic_line_free(&l);
	/* A wide character that would straddle the cut is left out. */
	off = kwic_fit_end("ab\u7f51\u7edc", 8, 3, &w);
	assert_string_equal("ab\u7f51\u7edc" + off, "\u7edc");
	assert_int_equal(w, 2);
	off = kwic_fit_end("abc", 3, 10, &w);
	assert_int_equal(off, 0);
	assert_int_equal(w, 3);
	corpus_free(c);
}

/* Nothing from the data reaches the screen raw in a concordance line. */
static void
test_kwic_hostile(void **unused)
{
	struct text_buf		 b;
	struct kwic_line	 l;
	const unsigned char	*p;
	size_t			 i, kstart, marks = 0, maxmarks = 0;

	(void)unused;
	text_buf_init(&b);
	text_buf_puts(&b, "\033[2J\033]0;title\007 \u202eevil\u202c e");
	for (i = 0; i < 200; i++)
		text_buf_puts(&b, "\u0301");
	text_buf_puts(&b, " \r\xc2\x9b ");
	kstart = b.len;
	text_buf_puts(&b, "keyword\033[31m x\u2066y\n\tz \xe0\x80 end");
	kwic_line_make(&l, b.data, 0, kstart, kstart + 7, b.len, clean_tty,
	    SIZE_MAX, SIZE_MAX, SIZE_MAX);
	assert_string_equal(l.key, "keyword");
	for (i = 0; i < 2; i++) {
		const char	*s = i == 0 ? l.left : l.right;

		for (p = (const unsigned char *)s; *p != '\0'; p++) {
			if (*p < 0x20 || *p == 0x7f)
				fail_msg("a control byte 0x%02x in '%s'", *p, s);
			/* U+0301 is CC 81 */
			if (p[0] == 0xcc && p[1] == 0x81) {
				if (++marks > maxmarks)
					maxmarks = marks;
			} else if ((*p & 0xc0) != 0x80)
				marks = 0;
		}
	}
	assert_true(maxmarks <= 4);
	assert_non_null(strstr(l.left, "^[[2J"));
	assert_non_null(strstr(l.left, "<U+202E>"));
	assert_non_null(strstr(l.left, "^M"));
	assert_non_null(strstr(l.left, "<U+009B>"));
	assert_non_null(strstr(l.right, "^[[31m"));
	assert_non_null(strstr(l.right, "<U+2066>"));
	assert_null(strchr(l.right, '\n'));
	kwic_line_free(&l);
	text_buf_free(&b);
}

static void
test_kwic_counterpart(void **unused)
{
	struct corpus	*c;
	struct index	*ix;
	struct query	*q;
	struct kwic	 k;
	char		*err;
	uint32_t	 node, s, e;
	size_t		 i;

	(void)unused;
	/* beta:I.p1 says "sovereign", not "sovereignty". */
	c = small_corpus("Equal sovereign states.");
	ix = index_build(c);
	q = query_parse(c, "sovereignty doc:a", 17, &err);
	kwic_build(&k, c, ix, q);
	for (i = 0; i < k.n; i++) {
		node = kwic_counterpart(c, q, &k.hits[i], &s, &e);
		if (k.hits[i].node != corpus_resolve(c, "a:I.p1", 6))
			continue;
		assert_int_equal(node, corpus_resolve(c, "b:I.p1", 6));
		assert_int_equal(s, e);
	}
	kwic_free(&k);
	query_free(q);
	index_free(ix);
	corpus_free(c);
	/* Now it does: the keyword is found there, the second for the second. */
	c = small_corpus("The sovereignty and sovereignty.");
	ix = index_build(c);
	q = query_parse(c, "sovereignty doc:a", 17, &err);
	kwic_build(&k, c, ix, q);
	for (i = 0; i < k.n; i++) {
		node = kwic_counterpart(c, q, &k.hits[i], &s, &e);
		if (k.hits[i].node != corpus_resolve(c, "a:I.p1", 6))
			continue;
		assert_int_equal(s, k.hits[i].nth == 0 ? 4 : 20);
		assert_int_equal(e - s, 11);
	}
	kwic_free(&k);
	query_free(q);
	index_free(ix);
	corpus_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kwic_hits_and_sorts),
		cmocka_unit_test(test_kwic_slices),
		cmocka_unit_test(test_kwic_context_and_lines),
		cmocka_unit_test(test_kwic_hostile),
		cmocka_unit_test(test_kwic_counterpart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
