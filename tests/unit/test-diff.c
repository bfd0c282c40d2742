/*
 * test-diff.c -- unit tests of the diff module (src/diff): which words a
 * reader sees split out of a text, which of them are highlighted as
 * different between two translations, the similarity figure shown, and
 * which paragraphs are put side by side.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* A string literal as (pointer, length). */
#define S(x)	(x), (sizeof (x) - 1)

/* Deterministic pseudo-random numbers, so that a failure can be rerun. */
static uint32_t	rng_state = 2463534242U;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Assert that word i of w is s[off..off+len). */
static void
assert_word(const struct diff_words *w, size_t i, size_t off, size_t len)
{
	assert_true(i < w->n);
	assert_int_equal(w->w[i].off, off);
	assert_int_equal(w->w[i].len, len);
}

/*
 * The key of word i (a private field, read here only to check that the
 * words a diff marks as common really are equal).
 */
static void
word_key(const struct diff_words *w, size_t i, const char **key,
    size_t *len)
{
	*key = w->keys + w->koff[i];
	*len = w->koff[i + 1] - w->koff[i];
}

/* A diff of two strings, kept in a struct for the assertions. */
struct pair {
	struct diff_words	a;
	struct diff_words	b;
	struct diff_result	r;
};

static void
pair_diff(struct pair *p, const char *a, size_t alen, const char *b,
    size_t blen)
{
	diff_words_split(a, alen, &p->a);
	diff_words_split(b, blen, &p->b);
	diff_compute(&p->a, &p->b, &p->r);
}

static void
pair_free(struct pair *p)
{
	diff_result_free(&p->r);
	diff_words_free(&p->a);
	diff_words_free(&p->b);
}

/* Assert the marks of one side: want is a string of '1' and '0'. */
static void
assert_marks(const uint8_t *same, size_t n, const char *want)
{
	size_t	i;

	assert_int_equal(n, strlen(want));
	for (i = 0; i < n; i++) {
		if (same[i] != (want[i] == '1'))
			fail_msg("word %zu: got %d, want %c", i, same[i],
			    want[i]);
	}
}

/*
 * Assert that a result is a common subsequence: as many marks on each
 * side as common words, and the marked words equal pairwise in order.
 */
static void
assert_valid(const struct diff_words *a, const struct diff_words *b,
    const struct diff_result *r)
{
	const char	*ka, *kb;
	size_t		 i, j, ca = 0, cb = 0, la, lb;

	assert_int_equal(r->na, a->n);
	assert_int_equal(r->nb, b->n);
	for (i = 0; i < a->n; i++)
		ca += r->a_same[i];
	for (j = 0; j < b->n; j++)
		cb += r->b_same[j];
	assert_int_equal(ca, r->common);
	assert_int_equal(cb, r->common);
	for (i = j = 0; i < a->n; i++) {
		if (!r->a_same[i])
			continue;
		while (!r->b_same[j])
			j++;
		word_key(a, i, &ka, &la);
		word_key(b, j, &kb, &lb);
		assert_int_equal(la, lb);
		assert_memory_equal(ka, kb, la);
		j++;
	}
}

/* ----------------------------------------------------------- words */

static void
test_split_english(void **state)
{
	struct diff_words	w;

	(void)state;
	/* "China’s" keeps its 3-byte apostrophe; "," and "." are not words. */
	diff_words_split(S("China\xe2\x80\x99s strategy, 2017."), &w);
	assert_int_equal(w.n, 3);
	assert_word(&w, 0, 0, 9);
	assert_word(&w, 1, 10, 8);
	assert_word(&w, 2, 20, 4);
	diff_words_free(&w);
	assert_null(w.w);
	assert_int_equal(w.n, 0);
}

static void
test_split_punctuation_only(void **state)
{
	struct diff_words	w;

	(void)state;
	diff_words_split(S(" \"...\" -- (\xe2\x80\x94) ;\n\t!? \xe3\x80\x82"),
	    &w);
	assert_int_equal(w.n, 0);
	assert_null(w.w);
	diff_words_free(&w);
}

static void
test_split_empty(void **state)
{
	struct diff_words	w;

	(void)state;
	diff_words_split("", 0, &w);
	assert_int_equal(w.n, 0);
	assert_null(w.w);
	diff_words_free(&w);
	diff_words_free(NULL);
}

static void
test_split_cjk(void **state)
{
	struct diff_words	w;
	size_t			i;

	(void)state;
	/* 网络空间命运共同体。 -- nine ideographs, each a word; 。 is not. */
	diff_words_split(S("\xe7\xbd\x91\xe7\xbb\x9c\xe7\xa9\xba\xe9\x97\xb4"
	    "\xe5\x91\xbd\xe8\xbf\x90\xe5\x85\xb1\xe5\x90\x8c\xe4\xbd\x93"
	    "\xe3\x80\x82"), &w);
	assert_int_equal(w.n, 9);
	for (i = 0; i < 9; i++)
		assert_word(&w, i, 3 * i, 3);
	diff_words_free(&w);
}

static void
test_split_mixed_scripts(void **state)
{
	struct diff_words	w;

	(void)state;
	/* "2017年 Xi said" -- 2017 and 年 are separate words. */
	diff_words_split(S("2017\xe5\xb9\xb4 Xi said"), &w);
	assert_int_equal(w.n, 4);
	assert_word(&w, 0, 0, 4);
	assert_word(&w, 1, 4, 3);
	assert_word(&w, 2, 8, 2);
	assert_word(&w, 3, 11, 4);
	diff_words_free(&w);
}

static void
test_split_combining_marks(void **state)
{
	struct diff_words	w;

	(void)state;
	/* "cafe\u0301 noir": the mark stays with its word. */
	diff_words_split(S("cafe\xcc\x81 noir"), &w);
	assert_int_equal(w.n, 2);
	assert_word(&w, 0, 0, 6);
	assert_word(&w, 1, 7, 4);
	diff_words_free(&w);

	/* "Ελλάδα" with its accent decomposed is still one word. */
	diff_words_split(S("\xce\x95\xce\xbb\xce\xbb\xce\xb1\xcc\x81\xce\xb4"
	    "\xce\xb1!"), &w);
	assert_int_equal(w.n, 1);
	assert_word(&w, 0, 0, 14);
	diff_words_free(&w);
}

static void
test_split_inside_words(void **state)
{
	struct diff_words	w;

	(void)state;
	/* UAX #29: "well-known" is two words, "3.14" and "U.S" one each. */
	diff_words_split(S("well-known 3.14 U.S."), &w);
	assert_int_equal(w.n, 4);
	assert_word(&w, 0, 0, 4);
	assert_word(&w, 1, 5, 5);
	assert_word(&w, 2, 11, 4);
	assert_word(&w, 3, 16, 3);
	diff_words_free(&w);
}

static void
test_split_ill_formed(void **state)
{
	struct diff_words	w;

	(void)state;
	/* A stray byte splits a word like a space would. */
	diff_words_split(S("ab\xff" "cd \xe2\x82 ef\xc3"), &w);
	assert_int_equal(w.n, 3);
	assert_word(&w, 0, 0, 2);
	assert_word(&w, 1, 3, 2);
	assert_word(&w, 2, 9, 2);
	diff_words_free(&w);
}

static void
test_split_random_bytes(void **state)
{
	static const char	*piece[] = {
		"a", "Z", "9", " ", ",", "'", "\xe2\x80\x99", "\xcc\x81",
		"\xe7\xbd\x91", "\xc3\xa9", "\xff", "\xe2\x82", "\xc2\xad",
		"-", "\xf0\x9f\x98\x80", "\t", "\n", "."
	};
	struct text_buf		 t;
	struct diff_words	 w, v;
	struct diff_result	 r;
	size_t			 i, end;
	int			 round, k;

	(void)state;
	/* Whatever the bytes: words in order, inside, well-formed. */
	for (round = 0; round < 500; round++) {
		text_buf_init(&t);
		for (k = (int)(rng() % 40); k > 0; k--)
			text_buf_puts(&t, piece[rng() % 18]);
		if (rng() % 2)
			text_buf_add(&t, "\0", 1);
		diff_words_split(t.data, t.len, &w);
		end = 0;
		for (i = 0; i < w.n; i++) {
			assert_true(w.w[i].off >= end);
			assert_true(w.w[i].len > 0);
			end = w.w[i].off + w.w[i].len;
			assert_true(end <= t.len);
			assert_true(text_utf8_valid(t.data + w.w[i].off,
			    w.w[i].len, NULL, NULL, NULL));
		}
		diff_words_split(t.data, t.len / 2, &v);
		diff_compute(&w, &v, &r);
		assert_valid(&w, &v, &r);
		diff_result_free(&r);
		diff_words_free(&v);
		diff_words_free(&w);
		text_buf_free(&t);
	}
}

static void
test_split_long_text_keys(void **state)
{
	struct text_buf		 t;
	struct diff_words	 w;
	const char		*key;
	size_t			 i, len;

	(void)state;
	/* Longer than one folding chunk; every key still lines up. */
	text_buf_init(&t);
	for (i = 0; i < 3000; i++)
		text_buf_printf(&t, "%s%zu, ", i % 2 ? "\xc3\x89t\xc3\xa9" :
		    "Word", i);
	diff_words_split(t.data, t.len, &w);
	assert_int_equal(w.n, 3000);
	for (i = 0; i < w.n; i++) {
		char	want[32];

		snprintf(want, sizeof want, "%s%zu", i % 2 ? "ete" : "word",
		    i);
		word_key(&w, i, &key, &len);
		assert_int_equal(len, strlen(want));
		assert_memory_equal(key, want, len);
	}
	diff_words_free(&w);
	text_buf_free(&t);
}

/* ------------------------------------------------------------ diff */

static void
test_diff_identical(void **state)
{
	struct pair	p;

	(void)state;
	pair_diff(&p, S("The quick brown fox."), S("The quick brown fox."));
	assert_int_equal(p.r.common, 4);
	assert_marks(p.r.a_same, p.r.na, "1111");
	assert_marks(p.r.b_same, p.r.nb, "1111");
	assert_false(p.r.approximate);
	assert_int_equal(diff_similarity(&p.r), 100);
	pair_free(&p);
}

static void
test_diff_disjoint(void **state)
{
	struct pair	p;

	(void)state;
	pair_diff(&p, S("alpha beta gamma"), S("one two three four"));
	assert_int_equal(p.r.common, 0);
	assert_marks(p.r.a_same, p.r.na, "000");
	assert_marks(p.r.b_same, p.r.nb, "0000");
	assert_false(p.r.approximate);
	assert_int_equal(diff_similarity(&p.r), 0);
	pair_free(&p);
}

static void
test_diff_reordered(void **state)
{
	struct pair	p;

	(void)state;
	pair_diff(&p, S("a b c d"), S("d c b a"));
	assert_int_equal(p.r.common, 1);
	assert_int_equal(diff_similarity(&p.r), 25);
	assert_valid(&p.a, &p.b, &p.r);
	pair_free(&p);
}

static void
test_diff_inserted(void **state)
{
	struct pair	p;

	(void)state;
	pair_diff(&p, S("the quick fox jumps"), S("the quick brown fox jumps"));
	assert_int_equal(p.r.common, 4);
	assert_marks(p.r.a_same, p.r.na, "1111");
	assert_marks(p.r.b_same, p.r.nb, "11011");
	assert_int_equal(diff_similarity(&p.r), 89);	/* 8 / 9 */
	pair_free(&p);
}

static void
test_diff_replaced(void **state)
{
	struct pair	p;

	(void)state;
	pair_diff(&p, S("We will build a community of shared future."),
	    S("We shall build a community with a shared future!"));
	assert_marks(p.r.a_same, p.r.na, "10111011");
	assert_marks(p.r.b_same, p.r.nb, "101110011");
	assert_int_equal(p.r.common, 6);
	assert_int_equal(diff_similarity(&p.r), 71);	/* 12 / 17 */
	pair_free(&p);
}

static void
test_diff_translation(void **state)
{
	struct pair	p;

	(void)state;
	/* Two published translations of one sentence. */
	pair_diff(&p, S("Cyberspace is the common space of activities for "
	    "mankind."), S("Cyberspace is a shared space of activities for "
	    "humankind;"));
	assert_marks(p.r.a_same, p.r.na, "110011110");
	assert_marks(p.r.b_same, p.r.nb, "110011110");
	assert_int_equal(diff_similarity(&p.r), 67);
	pair_free(&p);
}

static void
test_diff_folding(void **state)
{
	struct pair	p;

	(void)state;
	/* Case, typographic apostrophe, accents, sharp s, soft hyphen. */
	pair_diff(&p, S("People's Cafe\xcc\x81 STRASSE co\xc2\xad" "operation"),
	    S("people\xe2\x80\x99s caf\xc3\xa9 Stra\xc3\x9f" "e cooperation"));
	assert_int_equal(p.r.common, 4);
	assert_int_equal(diff_similarity(&p.r), 100);
	pair_free(&p);

	pair_diff(&p, S("peoples"), S("people\xca\xbcs"));
	assert_int_equal(diff_similarity(&p.r), 100);
	pair_free(&p);

	/* Folding does not make different words equal. */
	pair_diff(&p, S("resume"), S("resumes"));
	assert_int_equal(p.r.common, 0);
	pair_free(&p);
}

static void
test_diff_cjk(void **state)
{
	struct pair	p;

	(void)state;
	/* 网络空间命运共同体 vs 网络空间共同体: 命运 deleted. */
	pair_diff(&p, S("\xe7\xbd\x91\xe7\xbb\x9c\xe7\xa9\xba\xe9\x97\xb4"
	    "\xe5\x91\xbd\xe8\xbf\x90\xe5\x85\xb1\xe5\x90\x8c\xe4\xbd\x93"),
	    S("\xe7\xbd\x91\xe7\xbb\x9c\xe7\xa9\xba\xe9\x97\xb4"
	    "\xe5\x85\xb1\xe5\x90\x8c\xe4\xbd\x93"));
	assert_int_equal(p.r.common, 7);
	assert_marks(p.r.a_same, p.r.na, "111100111");
	assert_marks(p.r.b_same, p.r.nb, "1111111");
	assert_int_equal(diff_similarity(&p.r), 88);	/* 14 / 16 */
	pair_free(&p);
}

static void
test_diff_empty(void **state)
{
	struct pair	p;

	(void)state;
	pair_diff(&p, "", 0, "", 0);
	assert_int_equal(p.r.common, 0);
	assert_int_equal(diff_similarity(&p.r), 100);
	pair_free(&p);

	pair_diff(&p, "", 0, S("some words"));
	assert_int_equal(p.r.common, 0);
	assert_marks(p.r.b_same, p.r.nb, "00");
	assert_int_equal(diff_similarity(&p.r), 0);
	pair_free(&p);

	pair_diff(&p, S("some words"), S(" -- "));
	assert_marks(p.r.a_same, p.r.na, "00");
	assert_int_equal(diff_similarity(&p.r), 0);
	pair_free(&p);

	/* Punctuation only on both sides: no words, alike. */
	pair_diff(&p, S("..."), S("!"));
	assert_int_equal(diff_similarity(&p.r), 100);
	pair_free(&p);
	diff_result_free(NULL);
}

static void
test_similarity_values(void **state)
{
	(void)state;
	assert_int_equal(diff_text_similarity(S("a"), S("a b c")), 50);
	assert_int_equal(diff_text_similarity(S("a b c"), S("a b d")), 67);
	assert_int_equal(diff_text_similarity(S("a"), S("a b")), 67);
	assert_int_equal(diff_text_similarity(S("a b"), S("b a")), 50);
	/* 2 / 16 = 12.5%: halves round up. */
	assert_int_equal(diff_text_similarity(S("a"),
	    S("a b c d e f g h i j k l m n o")), 13);
	/* 2 * 99 / 201 = 98.5%. */
	{
		struct text_buf	x, y;
		int		i;

		text_buf_init(&x);
		text_buf_init(&y);
		for (i = 0; i < 100; i++)
			text_buf_printf(&x, "w%d ", i);
		for (i = 0; i < 101; i++)
			text_buf_printf(&y, "w%d ", i == 50 ? 1000 : i);
		assert_int_equal(diff_text_similarity(x.data, x.len, y.data,
		    y.len), 99);
		text_buf_free(&x);
		text_buf_free(&y);
	}
	assert_int_equal(diff_text_similarity(S("x"), S("y")), 0);
	assert_int_equal(diff_text_similarity("", 0, "", 0), 100);
}

/* The length of a longest common subsequence, by the textbook O(nm) table. */
static size_t
lcs_reference(const struct diff_words *a, const struct diff_words *b)
{
	size_t		*prev, *cur, *t, i, j, la, lb, best;
	const char	*ka, *kb;

	prev = xcalloc(b->n + 1, sizeof *prev);
	cur = xcalloc(b->n + 1, sizeof *cur);
	for (i = 1; i <= a->n; i++) {
		word_key(a, i - 1, &ka, &la);
		for (j = 1; j <= b->n; j++) {
			word_key(b, j - 1, &kb, &lb);
			if (la == lb && memcmp(ka, kb, la) == 0)
				cur[j] = prev[j - 1] + 1;
			else
				cur[j] = prev[j] > cur[j - 1] ? prev[j] :
				    cur[j - 1];
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	best = prev[b->n];
	free(prev);
	free(cur);
	return best;
}

static const char	*vocab[] = {
	"the", "of", "and", "cyberspace", "peace", "security", "open",
	"cooperation", "order", "China", "world", "shared"
};

/* Random text of n words over an alphabet of k words. */
static void
random_text(struct text_buf *t, size_t n, uint32_t k)
{
	size_t	i;

	text_buf_init(t);
	for (i = 0; i < n; i++) {
		text_buf_puts(t, vocab[rng() % k]);
		text_buf_puts(t, rng() % 5 == 0 ? ", " : " ");
	}
}

/*
 * Text t edited into u: each word deleted, replaced or preceded by an
 * inserted word, each with probability pct percent.
 */
static void
edit_text(const struct text_buf *t, struct text_buf *u, uint32_t pct)
{
	struct diff_words	w;
	size_t			i;

	diff_words_split(t->data, t->len, &w);
	text_buf_init(u);
	for (i = 0; i < w.n; i++) {
		if (rng() % 100 < pct)
			text_buf_printf(u, "%s ", vocab[rng() % 12]);
		if (rng() % 100 < pct)
			continue;
		if (rng() % 100 < pct)
			text_buf_printf(u, "%s ", vocab[rng() % 12]);
		else {
			text_buf_add(u, t->data + w.w[i].off, w.w[i].len);
			text_buf_addc(u, ' ');
		}
	}
	diff_words_free(&w);
}

static void
test_diff_random_is_minimal(void **state)
{
	struct text_buf	x, y;
	struct pair	p;
	int		round;

	(void)state;
	for (round = 0; round < 400; round++) {
		random_text(&x, rng() % 60, 2 + rng() % 10);
		random_text(&y, rng() % 60, 2 + rng() % 10);
		pair_diff(&p, x.data, x.len, y.data, y.len);
		assert_valid(&p.a, &p.b, &p.r);
		assert_false(p.r.approximate);
		assert_int_equal(p.r.common, lcs_reference(&p.a, &p.b));
		pair_free(&p);
		text_buf_free(&x);
		text_buf_free(&y);
	}
}

static void
test_diff_long_is_minimal(void **state)
{
	struct text_buf	x, y;
	struct pair	p;
	int		round;

	(void)state;
	/* Long enough for Myers' search rather than the bit-parallel one. */
	for (round = 0; round < 6; round++) {
		random_text(&x, 1200 + rng() % 600, 3 + (uint32_t)round);
		edit_text(&x, &y, 1 + (uint32_t)round);
		pair_diff(&p, x.data, x.len, y.data, y.len);
		assert_valid(&p.a, &p.b, &p.r);
		assert_false(p.r.approximate);
		assert_int_equal(p.r.common, lcs_reference(&p.a, &p.b));
		pair_free(&p);
		text_buf_free(&x);
		text_buf_free(&y);
	}
}

static void
test_diff_paragraphs_are_exact(void **state)
{
	struct text_buf	x, y;
	struct pair	p;

	(void)state;
	/* Two unrelated 300-word paragraphs over the same words. */
	random_text(&x, 300, 12);
	random_text(&y, 300, 12);
	pair_diff(&p, x.data, x.len, y.data, y.len);
	assert_valid(&p.a, &p.b, &p.r);
	assert_false(p.r.approximate);
	assert_int_equal(p.r.common, lcs_reference(&p.a, &p.b));
	pair_free(&p);
	text_buf_free(&x);
	text_buf_free(&y);
}

/* ---------------------------------------------------- large inputs */

#define BIG	100000

/* BIG words: word i is "w<f(i)>". */
static void
big_text(struct text_buf *t, const uint32_t *ids)
{
	size_t	i;

	text_buf_init(t);
	for (i = 0; i < BIG; i++)
		text_buf_printf(t, "w%u ", ids[i]);
}

static void
shuffle(uint32_t *v, size_t n)
{
	size_t		i, j;
	uint32_t	t;

	for (i = n; i > 1; i--) {
		j = rng() % i;
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

static void
test_big_identical(void **state)
{
	struct text_buf	 x;
	struct pair	 p;
	uint32_t	*ids;
	size_t		 i;

	(void)state;
	ids = xreallocarray(NULL, BIG, sizeof *ids);
	for (i = 0; i < BIG; i++)
		ids[i] = rng() % 5000;
	big_text(&x, ids);
	pair_diff(&p, x.data, x.len, x.data, x.len);
	assert_int_equal(p.r.common, BIG);
	assert_false(p.r.approximate);
	assert_int_equal(diff_similarity(&p.r), 100);
	pair_free(&p);
	text_buf_free(&x);
	free(ids);
}

static void
test_big_disjoint(void **state)
{
	struct text_buf	 x, y;
	struct pair	 p;
	uint32_t	*ids;
	size_t		 i;

	(void)state;
	ids = xreallocarray(NULL, BIG, sizeof *ids);
	for (i = 0; i < BIG; i++)
		ids[i] = rng() % 5000;
	big_text(&x, ids);
	for (i = 0; i < BIG; i++)
		ids[i] = 5000 + rng() % 5000;
	big_text(&y, ids);
	pair_diff(&p, x.data, x.len, y.data, y.len);
	assert_int_equal(p.r.common, 0);
	/* No word in common is an exact answer, however long. */
	assert_false(p.r.approximate);
	assert_int_equal(diff_similarity(&p.r), 0);
	pair_free(&p);
	text_buf_free(&x);
	text_buf_free(&y);
	free(ids);
}

static void
test_big_shuffled(void **state)
{
	struct text_buf	 x, y;
	struct pair	 p;
	uint32_t	*ids;
	size_t		 i;

	(void)state;
	/* The same 100,000 words from a 5,000-word vocabulary, shuffled. */
	ids = xreallocarray(NULL, BIG, sizeof *ids);
	for (i = 0; i < BIG; i++)
		ids[i] = rng() % 5000;
	big_text(&x, ids);
	shuffle(ids, BIG);
	big_text(&y, ids);
	pair_diff(&p, x.data, x.len, y.data, y.len);
	assert_valid(&p.a, &p.b, &p.r);
	assert_true(p.r.approximate);
	pair_free(&p);
	text_buf_free(&x);
	text_buf_free(&y);

	/* 100,000 distinct words shuffled: anchoring finds an LIS. */
	for (i = 0; i < BIG; i++)
		ids[i] = (uint32_t)i;
	big_text(&x, ids);
	shuffle(ids, BIG);
	big_text(&y, ids);
	pair_diff(&p, x.data, x.len, y.data, y.len);
	assert_valid(&p.a, &p.b, &p.r);
	assert_true(p.r.approximate);
	/* A random permutation's LIS is about 2 sqrt(n), 632 here. */
	assert_true(p.r.common > 400);
	pair_free(&p);
	text_buf_free(&x);
	text_buf_free(&y);
	free(ids);
}

static void
test_big_two_words(void **state)
{
	struct text_buf	 x, y;
	struct pair	 p;
	uint32_t	*ids;
	size_t		 i;

	(void)state;
	/* Long matching runs everywhere: the worst case for Myers' snakes. */
	ids = xreallocarray(NULL, BIG, sizeof *ids);
	for (i = 0; i < BIG; i++)
		ids[i] = rng() % 2;
	big_text(&x, ids);
	for (i = 0; i < BIG; i++)
		ids[i] = rng() % 2;
	big_text(&y, ids);
	pair_diff(&p, x.data, x.len, y.data, y.len);
	assert_valid(&p.a, &p.b, &p.r);
	assert_true(p.r.approximate);
	pair_free(&p);
	text_buf_free(&x);
	text_buf_free(&y);
	free(ids);
}

static void
test_big_few_edits(void **state)
{
	struct text_buf	 x, y;
	struct pair	 p;
	uint32_t	*ids;
	size_t		 i;

	(void)state;
	/* 300 words replaced by new ones: exact, however long the text. */
	ids = xreallocarray(NULL, BIG, sizeof *ids);
	for (i = 0; i < BIG; i++)
		ids[i] = rng() % 5000;
	big_text(&x, ids);
	for (i = 0; i < 300; i++)
		ids[i * (BIG / 300) + rng() % 100] = 10000 + (uint32_t)i;
	big_text(&y, ids);
	pair_diff(&p, x.data, x.len, y.data, y.len);
	assert_valid(&p.a, &p.b, &p.r);
	assert_false(p.r.approximate);
	assert_int_equal(p.r.common, BIG - 300);
	pair_free(&p);
	text_buf_free(&x);
	text_buf_free(&y);
	free(ids);
}

/* ------------------------------------------------------- alignment */

/* Paragraph texts under construction, freed together. */
struct paras {
	char	*s[4096];
	size_t	 len[4096];
	size_t	 n;
};

static void
paras_add(struct paras *p, char *s)
{
	assert_true(p->n < 4096);
	p->s[p->n] = s;
	p->len[p->n] = strlen(s);
	p->n++;
}

static void
paras_free(struct paras *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		free(p->s[i]);
	p->n = 0;
}

/* A made-up word, "z" and k in letters: never a stop word. */
static void
add_word(struct text_buf *t, uint32_t k)
{
	text_buf_addc(t, 'z');
	do {
		text_buf_addc(t, (char)('a' + k % 26));
		k /= 26;
	} while (k != 0);
	text_buf_addc(t, ' ');
}

/*
 * A paragraph about topic: half its words common English words shared by
 * every paragraph, half drawn from the topic's own 40 words.  Two calls on
 * the same topic are like two translations of one paragraph: they share
 * most of their vocabulary but not their wording.  change_pct of the topic
 * words are replaced by words of no topic at all.
 */
static char *
make_para(uint32_t topic, size_t nwords, uint32_t change_pct)
{
	static const char	*stop[] = {
		"the", "of", "and", "to", "in", "a", "is", "that", "for",
		"on", "with", "as", "by", "it", "be", "this", "are", "from",
		"at", "or"
	};
	struct text_buf		 t;
	size_t			 i;

	text_buf_init(&t);
	for (i = 0; i < nwords; i++) {
		if (i % 2 == 0) {
			text_buf_puts(&t, stop[rng() % 20]);
			text_buf_addc(&t, ' ');
		} else if (rng() % 100 < change_pct)
			add_word(&t, 1000000 + rng() % 1000000);
		else
			add_word(&t, topic * 40 + rng() % 40);
	}
	text_buf_puts(&t, "end.");
	return text_buf_steal(&t);
}

/* Assert that groups cover both sides exactly once, in order. */
static void
assert_cover(const struct diff_group *g, size_t n, size_t na, size_t nb)
{
	size_t	i, a = 0, b = 0;

	for (i = 0; i < n; i++) {
		assert_int_equal(g[i].a_start, a);
		assert_int_equal(g[i].b_start, b);
		assert_true(g[i].a_count <= 2 && g[i].b_count <= 2);
		assert_true(g[i].a_count + g[i].b_count >= 1);
		assert_true(g[i].a_count + g[i].b_count <= 3);
		a += g[i].a_count;
		b += g[i].b_count;
	}
	assert_int_equal(a, na);
	assert_int_equal(b, nb);
}

/* Assert group i is (a_start, a_count, b_start, b_count). */
static void
assert_group(const struct diff_group *g, size_t n, size_t i, size_t as,
    size_t ac, size_t bs, size_t bc)
{
	assert_true(i < n);
	if (g[i].a_start != as || g[i].a_count != ac ||
	    g[i].b_start != bs || g[i].b_count != bc)
		fail_msg("group %zu: got %zu+%zu / %zu+%zu, want %zu+%zu / "
		    "%zu+%zu", i, g[i].a_start, g[i].a_count, g[i].b_start,
		    g[i].b_count, as, ac, bs, bc);
}

static size_t
align(const struct paras *a, const struct paras *b, struct diff_group **g)
{
	size_t	n;

	n = diff_align((const char *const *)a->s, a->len, a->n,
	    (const char *const *)b->s, b->len, b->n, g);
	assert_cover(*g, n, a->n, b->n);
	return n;
}

static void
test_align_identical(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i;

	(void)state;
	for (i = 0; i < 6; i++) {
		paras_add(&a, make_para((uint32_t)i, 60, 0));
		paras_add(&b, xstrdup(a.s[i]));
	}
	n = align(&a, &b, &g);
	assert_int_equal(n, 6);
	for (i = 0; i < 6; i++)
		assert_group(g, n, i, i, 1, i, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_translations(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i;

	(void)state;
	/* Loosely matching paragraphs (below the fast path) still pair up. */
	for (i = 0; i < 12; i++) {
		paras_add(&a, make_para((uint32_t)i, 60, 30));
		paras_add(&b, make_para((uint32_t)i, 40 + rng() % 60, 30));
	}
	n = align(&a, &b, &g);
	assert_int_equal(n, 12);
	for (i = 0; i < 12; i++)
		assert_group(g, n, i, i, 1, i, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_missing_in_b(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i;

	(void)state;
	for (i = 0; i < 7; i++) {
		paras_add(&a, make_para((uint32_t)i, 60, 20));
		if (i != 3)
			paras_add(&b, make_para((uint32_t)i, 60, 20));
	}
	n = align(&a, &b, &g);
	assert_int_equal(n, 7);
	for (i = 0; i < 3; i++)
		assert_group(g, n, i, i, 1, i, 1);
	assert_group(g, n, 3, 3, 1, 3, 0);
	for (i = 4; i < 7; i++)
		assert_group(g, n, i, i, 1, i - 1, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_missing_in_a(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i;

	(void)state;
	/* The first paragraph and the fifth exist in b only. */
	for (i = 0; i < 8; i++) {
		if (i != 0 && i != 4)
			paras_add(&a, make_para((uint32_t)i, 50, 20));
		paras_add(&b, make_para((uint32_t)i, 50, 20));
	}
	n = align(&a, &b, &g);
	assert_int_equal(n, 8);
	assert_group(g, n, 0, 0, 0, 0, 1);
	assert_group(g, n, 1, 0, 1, 1, 1);
	assert_group(g, n, 2, 1, 1, 2, 1);
	assert_group(g, n, 3, 2, 1, 3, 1);
	assert_group(g, n, 4, 3, 0, 4, 1);
	assert_group(g, n, 5, 3, 1, 5, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_split(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	char			*cut;
	size_t			 n, i;

	(void)state;
	for (i = 0; i < 6; i++) {
		paras_add(&a, make_para((uint32_t)i, 80, 10));
		if (i != 2) {
			paras_add(&b, xstrdup(a.s[i]));
			continue;
		}
		/* b splits paragraph 2 at a space near its middle. */
		cut = strchr(a.s[i] + a.len[i] / 2, ' ');
		paras_add(&b, xstrndup(a.s[i], (size_t)(cut - a.s[i])));
		paras_add(&b, xstrdup(cut + 1));
	}
	n = align(&a, &b, &g);
	assert_int_equal(n, 6);
	assert_group(g, n, 0, 0, 1, 0, 1);
	assert_group(g, n, 1, 1, 1, 1, 1);
	assert_group(g, n, 2, 2, 1, 2, 2);
	assert_group(g, n, 3, 3, 1, 4, 1);
	assert_group(g, n, 5, 5, 1, 6, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_merged(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	struct text_buf		 t;
	char			*x, *y;
	size_t			 n, i;

	(void)state;
	/* b has a's paragraphs 3 and 4 as one (and in other words). */
	for (i = 0; i < 7; i++)
		paras_add(&a, make_para((uint32_t)i, 60, 20));
	for (i = 0; i < 7; i++) {
		if (i == 4)
			continue;
		if (i != 3) {
			paras_add(&b, make_para((uint32_t)i, 60, 20));
			continue;
		}
		x = make_para(3, 60, 20);
		y = make_para(4, 60, 20);
		text_buf_init(&t);
		text_buf_printf(&t, "%s %s", x, y);
		paras_add(&b, text_buf_steal(&t));
		free(x);
		free(y);
	}
	n = align(&a, &b, &g);
	assert_int_equal(n, 6);
	assert_group(g, n, 2, 2, 1, 2, 1);
	assert_group(g, n, 3, 3, 2, 3, 1);
	assert_group(g, n, 4, 5, 1, 4, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_missing_block_at_end(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i;

	(void)state;
	/* b stops 40 paragraphs early: further off the diagonal than 20. */
	for (i = 0; i < 100; i++) {
		paras_add(&a, make_para((uint32_t)i, 40, 20));
		if (i < 60)
			paras_add(&b, make_para((uint32_t)i, 40, 20));
	}
	n = align(&a, &b, &g);
	assert_int_equal(n, 100);
	for (i = 0; i < 60; i++)
		assert_group(g, n, i, i, 1, i, 1);
	for (i = 60; i < 100; i++)
		assert_group(g, n, i, i, 1, 60, 0);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_real_translations(void **state)
{
	static const char	*mfa[] = {
		"> {.epigraph} Cyberspace is the common space of activities "
		"for mankind. The future of cyberspace should be in the hands "
		"of all countries. Countries should step up communications, "
		"broaden consensus and deepen cooperation to jointly build a "
		"community of shared future in cyberspace.",
		"{.source} \xe2\x80\x94Remarks by H.E. Xi Jinping, President of "
		"the People\xe2\x80\x99s Republic of China, 2015/12/16",
		"Today, the rapid advancement of information technology "
		"represented by the Internet has brought about new ways of "
		"social production, created new space for people\xe2\x80\x99s "
		"life, opened new horizons of state governance and enhanced "
		"people\xe2\x80\x99s ability to understand and shape the world.",
		"As the common asset of human society, the Internet has turned "
		"the world into a global village. In the interconnected "
		"cyberspace, countries are bound together by intertwined "
		"interests."
	};
	static const char	*un[] = {
		"I have the honour to transmit herewith the text of the "
		"Cyberspace Cooperation Strategy issued by the Chinese Foreign "
		"Ministry and the State Internet Information Office on 1 March "
		"2017.",
		"I would be grateful if you could issue and circulate the "
		"letter and the annexed text as an official document of the "
		"Conference on Disarmament.",
		"> {.epigraph} Cyberspace is a shared space of activities for "
		"humankind; its future must be in the hands of all States. The "
		"countries of the world must together strengthen "
		"communication, broaden consensus and build cooperation to "
		"forge a common destiny in cyberspace.",
		"{.source} \xe2\x80\x94 Xi Jinping, President of the People's "
		"Republic of China, 16 December 2015",
		"In today's world, changes in information technology emerge "
		"with every passing day, as we can see in the Internet. These "
		"changes have transformed the way we produce things in our "
		"societies; they have opened new expanses for our lives, "
		"extended the scope of governance to new domains and massively "
		"increased humankind's capacity to understand and transform "
		"the world.",
		"As a common asset of human society, the Internet has turned "
		"the world into a global village. In cyberspace, countries are "
		"bound together by intertwined interests, for better or for "
		"worse."
	};
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i;

	(void)state;
	/* The UN edition opens with a covering letter the MFA's lacks. */
	for (i = 0; i < 4; i++)
		paras_add(&a, xstrdup(mfa[i]));
	for (i = 0; i < 6; i++)
		paras_add(&b, xstrdup(un[i]));
	n = align(&a, &b, &g);
	assert_int_equal(n, 6);
	assert_group(g, n, 0, 0, 0, 0, 1);
	assert_group(g, n, 1, 0, 0, 1, 1);
	for (i = 0; i < 4; i++)
		assert_group(g, n, 2 + i, i, 1, 2 + i, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_empty(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n;

	(void)state;
	n = align(&a, &b, &g);
	assert_int_equal(n, 0);
	assert_null(g);

	paras_add(&a, xstrdup("one"));
	paras_add(&a, xstrdup("two"));
	n = align(&a, &b, &g);
	assert_int_equal(n, 2);
	assert_group(g, n, 0, 0, 1, 0, 0);
	assert_group(g, n, 1, 1, 1, 0, 0);
	free(g);
	n = align(&b, &a, &g);
	assert_int_equal(n, 2);
	assert_group(g, n, 0, 0, 0, 0, 1);
	assert_group(g, n, 1, 0, 0, 1, 1);
	free(g);

	/* Paragraphs without words (rules, blank) are alike. */
	paras_add(&b, xstrdup("* * *"));
	paras_add(&b, xstrdup(""));
	paras_free(&a);
	paras_add(&a, xstrdup("---"));
	paras_add(&a, xstrdup("..."));
	n = align(&a, &b, &g);
	assert_int_equal(n, 2);
	assert_group(g, n, 0, 0, 1, 0, 1);
	assert_group(g, n, 1, 1, 1, 1, 1);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_unrelated(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i, pairs;

	(void)state;
	/*
	 * Nothing in common but "the", "of" and such: side by side as far
	 * as they go, the rest alone, and nothing taken for split.
	 */
	for (i = 0; i < 5; i++)
		paras_add(&a, make_para((uint32_t)i, 40, 0));
	for (i = 0; i < 3; i++)
		paras_add(&b, make_para(100 + (uint32_t)i, 40, 0));
	n = align(&a, &b, &g);
	assert_int_equal(n, 5);
	for (i = 0, pairs = 0; i < n; i++) {
		assert_true(g[i].b_count <= 1);
		pairs += g[i].b_count;
	}
	assert_int_equal(pairs, 3);
	free(g);
	paras_free(&a);
	paras_free(&b);
}

static void
test_align_random_cover(void **state)
{
	struct paras		 a = { .n = 0 }, b = { .n = 0 };
	struct diff_group	*g;
	size_t			 n, i, na, nb;
	int			 round;

	(void)state;
	for (round = 0; round < 300; round++) {
		na = rng() % 50;
		nb = rng() % 50;
		if (round % 10 == 0)
			nb = na + rng() % 200;
		for (i = 0; i < na; i++) {
			paras_add(&a, rng() % 8 == 0 ? xstrdup("") :
			    make_para(rng() % 10, rng() % 30, rng() % 100));
		}
		for (i = 0; i < nb; i++) {
			paras_add(&b, rng() % 8 == 0 ? xstrdup("") :
			    make_para(rng() % 10, rng() % 30, rng() % 100));
		}
		n = align(&a, &b, &g);
		if (na + nb > 0) {
			assert_true(n >= (na > nb ? na : nb) / 2);
			assert_true(n <= na + nb);
		}
		free(g);
		n = align(&b, &a, &g);
		free(g);
		paras_free(&a);
		paras_free(&b);
	}
}

static void
test_align_large(void **state)
{
	struct paras		*a, *b;
	struct diff_group	*g;
	size_t			 n, i, gaps;

	(void)state;
	/* 3,000 paragraphs, every 100th missing from b. */
	a = xcalloc(1, sizeof *a);
	b = xcalloc(1, sizeof *b);
	for (i = 0; i < 3000; i++) {
		paras_add(a, make_para((uint32_t)i, 60, 20));
		if (i % 100 != 50)
			paras_add(b, make_para((uint32_t)i, 60, 20));
	}
	n = align(a, b, &g);
	assert_int_equal(n, 3000);
	gaps = 0;
	for (i = 0; i < n; i++) {
		if (g[i].b_count == 0) {
			assert_int_equal(g[i].a_start % 100, 50);
			gaps++;
		} else
			assert_int_equal(g[i].a_start, g[i].b_start + gaps);
	}
	assert_int_equal(gaps, 30);
	free(g);
	paras_free(a);
	paras_free(b);
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_english),
		cmocka_unit_test(test_split_punctuation_only),
		cmocka_unit_test(test_split_empty),
		cmocka_unit_test(test_split_cjk),
		cmocka_unit_test(test_split_mixed_scripts),
		cmocka_unit_test(test_split_combining_marks),
		cmocka_unit_test(test_split_inside_words),
		cmocka_unit_test(test_split_ill_formed),
		cmocka_unit_test(test_split_random_bytes),
		cmocka_unit_test(test_split_long_text_keys),
		cmocka_unit_test(test_diff_identical),
		cmocka_unit_test(test_diff_disjoint),
		cmocka_unit_test(test_diff_reordered),
		cmocka_unit_test(test_diff_inserted),
		cmocka_unit_test(test_diff_replaced),
		cmocka_unit_test(test_diff_translation),
		cmocka_unit_test(test_diff_folding),
		cmocka_unit_test(test_diff_cjk),
		cmocka_unit_test(test_diff_empty),
		cmocka_unit_test(test_similarity_values),
		cmocka_unit_test(test_diff_random_is_minimal),
		cmocka_unit_test(test_diff_long_is_minimal),
		cmocka_unit_test(test_diff_paragraphs_are_exact),
		cmocka_unit_test(test_big_identical),
		cmocka_unit_test(test_big_disjoint),
		cmocka_unit_test(test_big_shuffled),
		cmocka_unit_test(test_big_two_words),
		cmocka_unit_test(test_big_few_edits),
		cmocka_unit_test(test_align_identical),
		cmocka_unit_test(test_align_translations),
		cmocka_unit_test(test_align_missing_in_b),
		cmocka_unit_test(test_align_missing_in_a),
		cmocka_unit_test(test_align_split),
		cmocka_unit_test(test_align_merged),
		cmocka_unit_test(test_align_missing_block_at_end),
		cmocka_unit_test(test_align_real_translations),
		cmocka_unit_test(test_align_empty),
		cmocka_unit_test(test_align_unrelated),
		cmocka_unit_test(test_align_random_cover),
		cmocka_unit_test(test_align_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
