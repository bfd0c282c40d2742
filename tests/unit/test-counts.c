/*
 * test-counts.c -- `charta stats`'s counts against an oracle: random
 * texts, mostly ASCII as the corpora are, with the words and marks the
 * fast paths treat specially (case, accents, underscores, ideographs,
 * hyphens, apostrophes, numbers), counted by stats_count and, word by
 * word, by libunistring's splitter and the folding alone.  Every count,
 * every occurrence and its place must be the same.
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

#include "model/corpus.h"
#include "stats/stats.h"
#include "text/text.h"

static const char *const pieces[] = {
	"governance", "Governance", "GOVERNANCE", "governances", "gov",
	"g\u00f3vernance", "shared", "Shared", "future", "f\u00fature",
	"FUTURE", "snake_case", "_x", "cyber", "Cyberspace", "cyber-space",
	"1,000", "2.5", "a.b", "U.S.", "China's", "China\u2019s",
	"\u7f51\u7edc", "\u7f51", "e\u0301", "Stra\u00dfe", "strasse",
	" ", " ", " ", " ", " ", "\n", "\t", "-", ".", ",", "'", ":", ";",
	"_", "\"", "(", "x", "7",
};

static const char *const terms[] = {
	"governance", "gov*", "shared future", "cyber*", "f\u00fature",
	"snake_case", "\u7f51\u7edc", "1,000", "china's", "strasse",
	"a.b", "x", "future shared", "cyber space",
};

/* A word of a term (folded) matches a word of text, folded? */
static bool
oracle_word(const struct stats_term *t, size_t k, const char *s, size_t n)
{
	struct text_buf	f;
	bool		ok;

	text_buf_init(&f);
	stats_word_fold(&f, s, n);
	ok = t->prefix[k] ? f.len >= t->lens[k] &&
	    memcmp(f.data, t->words[k], t->lens[k]) == 0 :
	    f.len == t->lens[k] && memcmp(f.data, t->words[k], f.len) == 0;
	text_buf_free(&f);
	return ok;
}

/* The occurrences of t in text, word by word: "pos pos ..." appended. */
static size_t
oracle_text(const struct stats_term *t, const char *text, size_t len,
    uint64_t base, struct text_buf *out)
{
	struct stats_words	w;
	size_t			j, k, n;
	char			num[32];

	stats_words_init(&w);
	stats_words_split_slow(&w, text, len);
	for (j = 0; j < w.n; j++) {
		for (k = 0; k < t->nwords && j + k < w.n; k++)
			if (!oracle_word(t, k, text + w.v[j + k].off,
			    w.v[j + k].len))
				break;
		if (k == t->nwords) {
			snprintf(num, sizeof num, "%llu ",
			    (unsigned long long)(base + j));
			text_buf_puts(out, num);
		}
	}
	n = w.n;
	stats_words_free(&w);
	return n;
}

static uint64_t	rng = 0x2545f4914f6cdd1dULL;

static size_t
next(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

static void
test_counts_oracle(void **unused)
{
	struct stats_term	 t[sizeof terms / sizeof terms[0]];
	size_t			 nt = sizeof terms / sizeof terms[0];
	size_t			 np = sizeof pieces / sizeof pieces[0];
	int			 trial;

	(void)unused;
	for (size_t ti = 0; ti < nt; ti++) {
		char	*err;

		assert_int_equal(stats_term_parse(&t[ti], terms[ti], &err), 0);
	}
	for (trial = 0; trial < 300; trial++) {
		struct corpus		*c = corpus_new();
		struct corpus_doc	 d;
		struct stats_counts	 k;
		struct text_buf		 text[12], want, got;
		uint64_t		 base;
		uint32_t		 r, x, y;
		size_t			 i, j, ntext = 1 + next(12), ti;
		char			 label[16], num[32];

		memset(&d, 0, sizeof d);
		d.slug = "d";
		d.title = "T";
		r = corpus_add_doc(c, &d);
		for (i = 0; i < ntext; i++) {
			text_buf_init(&text[i]);
			text_buf_add(&text[i], "", 0);
			for (j = next(80); j > 0; j--)
				/* Mostly the words and blanks, as texts are. */
				text_buf_puts(&text[i], pieces[next(4) == 0 ?
				    next(np) : next(np < 35 ? np : 35)]);
			snprintf(label, sizeof label, "p%zu", i + 1);
			corpus_add_node(c, r, KIND_PARAGRAPH, label, "", NULL,
			    text[i].data, text[i].len, 0, 1);
		}
		assert_int_equal(corpus_finish(c, &x, &y), 0);
		stats_count(&k, c, t, nt);
		for (ti = 0; ti < nt; ti++) {
			text_buf_init(&want);
			text_buf_init(&got);
			text_buf_add(&want, "", 0);
			text_buf_add(&got, "", 0);
			/* The title "T" is the document's first word. */
			base = 1;
			for (i = 0; i < ntext; i++)
				base += oracle_text(&t[ti], text[i].data,
				    text[i].len, base, &want);
			assert_int_equal(k.doc_words[0], base);
			for (i = 0; i < k.nhits; i++) {
				if (k.hits[i].term != ti)
					continue;
				snprintf(num, sizeof num, "%llu ",
				    (unsigned long long)k.hits[i].pos);
				text_buf_puts(&got, num);
			}
			if (strcmp(want.data, got.data) != 0) {
				for (i = 0; i < ntext; i++)
					print_message("p%zu: '%s'\n", i + 1,
					    text[i].data);
				fail_msg("'%s' at %s, not at %s", terms[ti],
				    got.data, want.data);
			}
			text_buf_free(&want);
			text_buf_free(&got);
		}
		/* In reading order: by place, then by term. */
		for (i = 1; i < k.nhits; i++)
			assert_true(k.hits[i - 1].pos < k.hits[i].pos ||
			    (k.hits[i - 1].pos == k.hits[i].pos &&
			    k.hits[i - 1].term < k.hits[i].term));
		stats_counts_free(&k);
		for (i = 0; i < ntext; i++)
			text_buf_free(&text[i]);
		corpus_free(c);
	}
	for (size_t ti = 0; ti < nt; ti++)
		stats_term_free(&t[ti]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_oracle),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
