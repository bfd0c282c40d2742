/*
 * test-stats.c -- counting words and terms, collocates, keyness, the
 * stop word list and the SVG: what `charta stats`, `collocates`,
 * `keyness` and their views show, on small corpora built here (the
 * concordance: test-kwic.c).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index/index.h"
#include "model/corpus.h"
#include "stats/stats.h"
#include "text/text.h"
#include "util/xmalloc.h"
#include "test-stats-lib.h"

/* cmocka 1.1 has no assert_double_equal. */
#define assert_near(a, b, eps) do {					\
	double	a_ = (a), b_ = (b);					\
									\
	if (fabs(a_ - b_) > (eps))					\
		fail_msg("%s is %.12g, not %.12g", #a, a_, b_);		\
} while (0)

/* The words of s, as "w1|w2|...". */
static char *
words_of(const char *s, bool slow)
{
	struct stats_words	w;
	struct text_buf		b;
	size_t			i;

	stats_words_init(&w);
	if (slow)
		stats_words_split_slow(&w, s, strlen(s));
	else
		stats_words_split(&w, s, strlen(s));
	text_buf_init(&b);
	text_buf_add(&b, "", 0);
	for (i = 0; i < w.n; i++) {
		if (i > 0)
			text_buf_addc(&b, '|');
		text_buf_add(&b, s + w.v[i].off, w.v[i].len);
	}
	stats_words_free(&w);
	return text_buf_steal(&b);
}

/* Append s to buf[*len..]. */
static void
s_add(char *buf, size_t *len, const char *s)
{
	memcpy(buf + *len, s, strlen(s));
	*len += strlen(s);
}

static void
expect_words(const char *s, const char *want)
{
	char	*got = words_of(s, false);

	if (strcmp(got, want) != 0)
		fail_msg("words of '%s': '%s', expected '%s'", s, got, want);
	free(got);
}

/* The counting rules the manual page states. */
static void
test_words_rules(void **unused)
{
	(void)unused;
	expect_words("state-to-state relations", "state|to|state|relations");
	expect_words("China's and China\u2019s", "China's|and|China\u2019s");
	expect_words("countries\u2019 rights", "countries|rights");
	expect_words("the U.S. and 1,000 or 2.5", "the|U.S|and|1,000|or|2.5");
	expect_words("\u7f51\u7edc\u7a7a\u95f4", "\u7f51|\u7edc|\u7a7a|\u95f4");
	expect_words("Co\u00f6peration, Stra\u00dfe.",
	    "Co\u00f6peration|Stra\u00dfe");
	expect_words("-- ... \"\" *", "");
	expect_words("snake_case __x", "snake_case|__x");
}

/*
 * When s is plain, its words are counted (stats_words_count_plain from
 * each word's start) as many as words ("w1|w2|..." of s) has from there,
 * and stats_words_start_plain says where each starts.
 */
static void
expect_counted(const char *s, const char *words)
{
	struct stats_words	w;
	size_t			n = strlen(s), want = 0, got, i, k;

	for (i = 0; words[i] != '\0'; i++)
		want += words[i] == '|';
	if (*words != '\0')
		want++;
	stats_words_init(&w);
	if (stats_words_plain(s, n)) {
		if ((got = stats_words_count_plain(s, 0, n)) != want)
			fail_msg("'%s': %zu words counted, %zu split", s, got,
			    want);
		stats_words_split(&w, s, n);
		for (i = 0, k = 0; i < n; i++) {
			bool	start = k < w.n && w.v[k].off == i;

			if (stats_words_start_plain(s, i) != start)
				fail_msg("'%s': a word starts at %zu: %d", s,
				    i, !start);
			if (!start)
				continue;
			if ((got = stats_words_count_plain(s, i, n)) !=
			    w.n - k)
				fail_msg("'%s': %zu words from %zu, not %zu",
				    s, got, i, w.n - k);
			k++;
		}
	}
	stats_words_free(&w);
}

/*
 * The fast path (ASCII by hand, the rest a blank-separated run at a time)
 * gives the words libunistring gives for the whole text, on random text
 * made of the characters the word-break rules treat specially: ASCII
 * ones, letters with accents, combining marks, ideographs, katakana, the
 * curly apostrophe, the middle dot, a no-break space, an ill-formed byte.
 */
static void
test_words_fast_is_uax29(void **unused)
{
	static const char *const alpha[] = {
		"a", "Z", "q", "0", "9", ":", ".", "'", ",", ";", "_", "-",
		" ", " ", "\t", "\n", "\r", "!", "\"", "*",
		"\u00e9", "\u00df", "\u0301", "\u7f51", "\u30ab",
		"\u30bf", "\u2019", "\u00b7", "\u00a0", "\u3000",
		"\xff", "\u0661", "\u00bd",
	};
	char		 buf[160], *fast, *slow;
	uint64_t	 x = 0x9e3779b97f4a7c15ULL;
	size_t		 len, i, n, na = sizeof alpha / sizeof alpha[0];
	int		 trial;

	(void)unused;
	for (trial = 0; trial < 50000; trial++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = (size_t)(x % 40);
		len = 0;
		for (i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* Mostly ASCII, as the texts are. */
			s_add(buf, &len, alpha[(x >> 8) % 4 == 0 ?
			    x % na : x % 20]);
		}
		buf[len] = '\0';
		fast = words_of(buf, false);
		slow = words_of(buf, true);
		if (strcmp(fast, slow) != 0)
			fail_msg("'%s': fast path '%s', u8_wordbreaks '%s'",
			    buf, fast, slow);
		expect_counted(buf, slow);
		free(fast);
		free(slow);
	}
}

static void
test_term_parse(void **unused)
{
	struct stats_term	t;
	char			*err;

	(void)unused;
	assert_int_equal(stats_term_parse(&t, "\"Shared FUTURE\"", &err), 0);
	assert_int_equal(t.nwords, 2);
	assert_string_equal(t.words[0], "shared");
	assert_string_equal(t.words[1], "future");
	assert_false(t.prefix[0]);
	stats_term_free(&t);
	assert_int_equal(stats_term_parse(&t, "Sovereign*", &err), 0);
	assert_int_equal(t.nwords, 1);
	assert_true(t.prefix[0]);
	assert_string_equal(t.words[0], "sovereign");
	stats_term_free(&t);
	assert_int_equal(stats_term_parse(&t, "-- *", &err), -1);
	assert_non_null(strstr(err, "-- *"));
	free(err);
}

static void
test_counts(void **unused)
{
	struct corpus		*c = small_corpus("Equal sovereign states.");
	struct stats_term	 t[3];
	struct stats_counts	 k;
	char			*err;

	(void)unused;
	assert_int_equal(stats_term_parse(&t[0], "sovereignty", &err), 0);
	assert_int_equal(stats_term_parse(&t[1], "shared future", &err), 0);
	assert_int_equal(stats_term_parse(&t[2], "sovereign*", &err), 0);
	stats_count(&k, c, t, 3);
	/* alpha: title 2, p1 4, I 1, I.p1 9, II 1, II.p1 7 = 24 words */
	assert_int_equal(k.doc_words[0], 24);
	/* beta: title 1, p1 2, I 2, I.p1 3 */
	assert_int_equal(k.doc_words[1], 8);
	assert_int_equal(k.words, 32);
	/* Case ignored; "sovereign" and "sovereignties" are not it. */
	assert_int_equal(k.doc_count[0 * 2 + 0], 4);
	assert_int_equal(k.doc_count[0 * 2 + 1], 0);
	/* A phrase across a hyphen, and across a blank. */
	assert_int_equal(k.doc_count[1 * 2 + 0], 2);
	/* A prefix. */
	assert_int_equal(k.doc_count[2 * 2 + 0], 6);
	assert_int_equal(k.doc_count[2 * 2 + 1], 2);
	assert_int_equal(k.total[2], 8);
	/* Parts: alpha's own (title, p1), I, II; beta's own, I. */
	assert_int_equal(k.nparts, 5);
	assert_int_equal(k.parts[0].words, 6);
	assert_int_equal(k.parts[1].words, 10);
	assert_int_equal(k.parts[1].first, 6);
	assert_int_equal(k.parts[2].words, 8);
	assert_int_equal(k.part_count[0 * 5 + 0], 1);
	assert_int_equal(k.part_count[0 * 5 + 1], 3);
	assert_int_equal(k.part_count[0 * 5 + 2], 0);
	/* Every occurrence, in reading order, at its word. */
	assert_int_equal(k.nhits, 4 + 2 + 8);
	assert_int_equal(k.hits[0].term, 0);
	assert_int_equal(k.hits[0].pos, 5);
	assert_int_equal(k.hits[1].term, 2);
	assert_int_equal(k.hits[1].pos, 5);
	assert_near(stats_rate(4, 24), 4 * 10000.0 / 24, 1e-9);
	stats_counts_free(&k);
	/* More terms than a 64-bit mask has bits: the last still counts. */
	{
		struct stats_term	many[71];
		char			word[16];
		size_t			i;

		for (i = 0; i < 70; i++) {
			snprintf(word, sizeof word, "w%zu", i);
			assert_int_equal(stats_term_parse(&many[i], word, &err),
			    0);
		}
		assert_int_equal(stats_term_parse(&many[70], "sovereignty",
		    &err), 0);
		stats_count(&k, c, many, 71);
		assert_int_equal(k.total[70], 4);
		stats_counts_free(&k);
		for (i = 0; i < 71; i++)
			stats_term_free(&many[i]);
	}
	stats_term_free(&t[0]);
	stats_term_free(&t[1]);
	stats_term_free(&t[2]);
	corpus_free(c);
}

/* Words beyond ASCII fold to a term's words, ASCII or not. */
static void
test_counts_folding(void **unused)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 d;
	struct stats_term	 t[4];
	struct stats_counts	 k;
	const char		*p = "\u00c9t\u00e9, \u00c9T\u00c9, ete; "
	    "STRASSE, Stra\u00dfe; \u7f51\u7edc \u7f51 \uff21b";
	char			*err;
	uint32_t		 r, x, y;

	(void)unused;
	memset(&d, 0, sizeof d);
	d.slug = "f";
	d.title = "F";
	r = corpus_add_doc(c, &d);
	corpus_add_node(c, r, KIND_PARAGRAPH, "p1", "", NULL, p, strlen(p), 0,
	    1);
	assert_int_equal(corpus_finish(c, &x, &y), 0);
	assert_int_equal(stats_term_parse(&t[0], "ete", &err), 0);
	assert_int_equal(stats_term_parse(&t[1], "stra\u00dfe", &err), 0);
	assert_int_equal(stats_term_parse(&t[2], "\u7f51", &err), 0);
	assert_int_equal(stats_term_parse(&t[3], "\u7f51\u7edc", &err), 0);
	stats_count(&k, c, t, 4);
	assert_int_equal(k.total[0], 3);
	assert_int_equal(k.total[1], 2);
	assert_int_equal(k.total[2], 2);
	assert_int_equal(k.total[3], 1);
	stats_counts_free(&k);
	stats_term_free(&t[0]);
	stats_term_free(&t[1]);
	stats_term_free(&t[2]);
	stats_term_free(&t[3]);
	corpus_free(c);
}

/*
 * A corpus of more than 8 MB is counted by two threads: the same counts,
 * and the occurrences still in reading order.
 */
static void
test_counts_large(void **unused)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 d;
	struct stats_term	 t;
	struct stats_counts	 k;
	struct text_buf		 b;
	char			 slug[16], *err;
	uint32_t		 r, x, y;
	size_t			 i, j;

	(void)unused;
	memset(&d, 0, sizeof d);
	for (i = 0; i < 10; i++) {
		/* Document i: i + 1 occurrences in 1 MB of other words. */
		text_buf_init(&b);
		for (j = 0; b.len < 1000000; j++)
			text_buf_puts(&b, j % 10000 == 7 && j / 10000 <= i ?
			    "Sovereignty " : "word, ");
		snprintf(slug, sizeof slug, "d%zu", i);
		d.slug = slug;
		d.title = "T";
		r = corpus_add_doc(c, &d);
		corpus_add_node(c, r, KIND_PARAGRAPH, "p1", "", NULL, b.data,
		    b.len, 0, 1);
		text_buf_free(&b);
	}
	assert_int_equal(corpus_finish(c, &x, &y), 0);
	assert_int_equal(stats_term_parse(&t, "sovereignty", &err), 0);
	stats_count(&k, c, &t, 1);
	for (i = 0; i < 10; i++) {
		assert_int_equal(k.doc_count[i], i + 1);
		assert_int_equal(k.parts[i].words, k.doc_words[i]);
	}
	assert_int_equal(k.total[0], 55);
	assert_int_equal(k.nhits, 55);
	for (i = 1; i < k.nhits; i++)
		assert_true(k.hits[i - 1].doc < k.hits[i].doc ||
		    (k.hits[i - 1].doc == k.hits[i].doc &&
		    k.hits[i - 1].pos < k.hits[i].pos));
	stats_counts_free(&k);
	stats_term_free(&t);
	corpus_free(c);
}

static void
test_measures(void **unused)
{
	(void)unused;
	/* 10 of 1000 against 0 of 1000: E = 5 each. */
	assert_near(stats_log_likelihood(10, 1000, 0, 1000),
	    2 * 10 * log(2.0), 1e-9);
	assert_near(stats_log_ratio(10, 1000, 0, 1000), log2(20.0),
	    1e-9);
	assert_near(stats_log_likelihood(5, 100, 5, 100), 0, 1e-12);
	assert_near(stats_log_ratio(5, 100, 10, 200), 0, 1e-12);
	assert_true(stats_log_ratio(1, 100, 4, 100) < 0);
}

static void
test_collocates(void **unused)
{
	struct corpus		*c = small_corpus("Equal sovereign states.");
	struct stats_term	 t;
	struct stats_vocab	 stop;
	struct stats_collocates	 k;
	char			*err;
	size_t			 i;
	bool			 states = false;

	(void)unused;
	stats_vocab_init(&stop);
	stats_vocab_add(&stop, "and", 3);
	stats_vocab_add(&stop, "of", 2);
	assert_int_equal(stats_term_parse(&t, "sovereignty", &err), 0);
	stats_collocates(&k, c, &t, 0, (uint32_t)c->nnodes, 2, 1, &stop);
	assert_int_equal(k.node_freq, 4);
	assert_int_equal(k.words, 32);
	for (i = 0; i < k.n; i++) {
		const char	*w = stats_vocab_word(&k.vocab, k.v[i].word);

		assert_string_not_equal(w, "and");
		assert_string_not_equal(w, "sovereignty");
		if (strcmp(w, "states") == 0) {
			/* "SOVEREIGNTY of states": near once, in text twice */
			states = true;
			assert_int_equal(k.v[i].near, 1);
			assert_int_equal(k.v[i].freq, 3);
			assert_near(k.v[i].logdice,
			    14 + log2(2.0 * 1 / (4 + 3)), 1e-9);
			assert_near(k.v[i].mi,
			    log2(1.0 * 32 / (4 * 3)), 1e-9);
		}
		if (i > 0)
			assert_true(k.v[i - 1].logdice >= k.v[i].logdice);
	}
	assert_true(states);
	/* A node at a time: the same collocates. */
	{
		struct stats_collocates	 s;
		size_t			 steps = 0;

		stats_collocates_start(&s, c, &t, 0, (uint32_t)c->nnodes, 2, 1);
		while (!stats_collocates_more(&s, 1))
			steps++;
		assert_true(steps > 3);
		assert_false(s.done);
		stats_collocates_finish(&s, &stop);
		assert_true(s.done);
		assert_int_equal(s.n, k.n);
		for (i = 0; i < k.n; i++) {
			assert_string_equal(stats_vocab_word(&s.vocab,
			    s.v[i].word), stats_vocab_word(&k.vocab,
			    k.v[i].word));
			assert_int_equal(s.v[i].near, k.v[i].near);
		}
		stats_collocates_free(&s);
	}
	/* "state" is within 2 words of one; "chapters" of another. */
	stats_collocates_free(&k);
	stats_collocates(&k, c, &t, 0, (uint32_t)c->nnodes, 2, 2, &stop);
	assert_int_equal(k.n, 0);
	stats_collocates_free(&k);
	stats_vocab_free(&stop);
	stats_term_free(&t);
	corpus_free(c);
}

static void
test_keyness(void **unused)
{
	struct corpus		*c;
	struct stats_keyness	 k;
	uint32_t		 a[1][2], b[1][2];
	size_t			 i;
	bool			 found = false;

	(void)unused;
	c = small_corpus("States states states states states states.");
	a[0][0] = c->docs[0].root;
	a[0][1] = c->docs[0].end;
	b[0][0] = c->docs[1].root;
	b[0][1] = c->docs[1].end;
	stats_keyness(&k, c, (const uint32_t (*)[2])a, 1,
	    (const uint32_t (*)[2])b, 1, 1, NULL);
	assert_int_equal(k.words_a, 24);
	assert_int_equal(k.words_b, 11);
	for (i = 0; i < k.n; i++) {
		const char	*w = stats_vocab_word(&k.vocab, k.v[i].word);

		assert_true(k.v[i].ll >= STATS_LL_CRITICAL);
		if (i > 0)
			assert_true(k.v[i - 1].ll >= k.v[i].ll);
		if (strcmp(w, "states") == 0) {
			/* "of states", "sovereign states" against six */
			found = true;
			assert_int_equal(k.v[i].a, 2);
			assert_int_equal(k.v[i].b, 6);
			assert_near(k.v[i].ll, stats_log_likelihood(2, 24, 6,
			    11), 1e-12);
			assert_near(k.v[i].log_ratio, log2((2.0 / 24) /
			    (6.0 / 11)), 1e-12);
		}
	}
	assert_true(found);
	stats_keyness_free(&k);
	/* Seen 8 times in all: not with --min=9. */
	stats_keyness(&k, c, (const uint32_t (*)[2])a, 1,
	    (const uint32_t (*)[2])b, 1, 9, NULL);
	for (i = 0; i < k.n; i++)
		assert_string_not_equal(stats_vocab_word(&k.vocab,
		    k.v[i].word), "states");
	stats_keyness_free(&k);
	corpus_free(c);
}

static void
test_stopwords(void **unused)
{
	struct stats_vocab	 v;
	char			 path[] = "/tmp/charta-stop.XXXXXX", *err;
	FILE			*f;
	int			 fd;

	(void)unused;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("# a comment\nThe\n\n  of  # after\nÉté\n", f);
	fclose(f);
	stats_vocab_init(&v);
	assert_int_equal(stats_stopwords_load(&v, path, &err), 0);
	assert_int_equal(v.n, 3);
	assert_int_not_equal(stats_vocab_find(&v, "the", 3), UINT32_MAX);
	assert_int_not_equal(stats_vocab_find(&v, "ete", 3), UINT32_MAX);
	stats_vocab_free(&v);
	f = fopen(path, "w");
	fputs("the\nof the\n", f);
	fclose(f);
	stats_vocab_init(&v);
	assert_int_equal(stats_stopwords_load(&v, path, &err), -1);
	assert_non_null(strstr(err, ":2: "));
	assert_int_equal(v.n, 0);
	free(err);
	stats_vocab_free(&v);
	f = fopen(path, "w");
	fputs("the\n\xff\n", f);
	fclose(f);
	stats_vocab_init(&v);
	assert_int_equal(stats_stopwords_load(&v, path, &err), -1);
	assert_non_null(strstr(err, ":2:1: "));
	free(err);
	stats_vocab_free(&v);
	unlink(path);
	stats_vocab_init(&v);
	assert_int_equal(stats_stopwords_load(&v, path, &err), -1);
	assert_non_null(strstr(err, path));
	free(err);
	stats_vocab_free(&v);
}


static size_t
count_of(const char *s, const char *what)
{
	size_t	n = 0;

	for (; (s = strstr(s, what)) != NULL; s += strlen(what))
		n++;
	return n;
}

static void
test_svg(void **unused)
{
	struct corpus		*c;
	struct stats_term	 t[2];
	struct stats_counts	 k;
	char			*err, *svg;

	(void)unused;
	/* A hostile name reaches the picture escaped and visible. */
	beta_alias = "<b>&\033";
	c = small_corpus("Equal sovereign states.");
	beta_alias = "b";
	assert_int_equal(stats_term_parse(&t[0], "sovereignty", &err), 0);
	assert_int_equal(stats_term_parse(&t[1], "sovereign*", &err), 0);
	stats_count(&k, c, t, 2);
	svg = stats_svg(c, &k, t, false);
	assert_int_equal(count_of(svg, "<line class=\"tick\""), k.nhits);
	assert_int_equal(count_of(svg, "<rect class=\"bar\""), 2 * 2);
	assert_non_null(strstr(svg, "&lt;b&gt;&amp;^["));
	assert_null(strchr(svg, '\033'));
	assert_int_equal(count_of(svg, "<svg "), 1);
	assert_non_null(strstr(svg, "</svg>\n"));
	free(svg);
	svg = stats_svg(c, &k, t, true);
	assert_int_equal(count_of(svg, "<rect class=\"bar\""), 2 * 5);
	free(svg);
	stats_counts_free(&k);
	stats_term_free(&t[0]);
	stats_term_free(&t[1]);
	corpus_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_rules),
		cmocka_unit_test(test_words_fast_is_uax29),
		cmocka_unit_test(test_term_parse),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_counts_folding),
		cmocka_unit_test(test_counts_large),
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_collocates),
		cmocka_unit_test(test_keyness),
		cmocka_unit_test(test_stopwords),
		cmocka_unit_test(test_svg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
