/*
 * test-index.c -- the query language, the matcher and highlighting: what a
 * user types in the filter or `charta search`, and what they are shown.
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

#include "index/find.h"
#include "index/index.h"
#include "index/query-private.h"
#include "model/corpus.h"
#include "text/text.h"

static struct corpus	*c;
static struct index	*ix;

/* Two small documents: "alpha" (alias a) and "beta" (alias b). */
static int
setup(void **state)
{
	struct corpus_doc	d;
	uint32_t		r, s;
	uint32_t		x, y;

	c = corpus_new();
	memset(&d, 0, sizeof d);
	d.slug = "alpha";
	d.alias = "a";
	d.title = "Alpha";
	r = corpus_add_doc(c, &d);
	s = corpus_add_node(c, r, KIND_CHAPTER, "I", "one", "Peace and Order",
	    NULL, 0, 0, 1);
	corpus_add_node(c, s, KIND_PARAGRAPH, "I.p1", "", NULL,
	    "Die Straße der Coöperation.", strlen("Die Straße der Coöperation."),
	    0, 2);
	corpus_add_node(c, s, KIND_PARAGRAPH, "I.p2", "", NULL,
	    "A shared\nfuture in cyberspace.", 31, 0, 3);
	corpus_add_node(c, s, KIND_PRINCIPLE, "I.1", "", "The ICÁNN principle",
	    NULL, 0, 0, 4);
	d.slug = "beta";
	d.alias = "b";
	d.title = "Beta";
	r = corpus_add_doc(c, &d);
	corpus_add_node(c, r, KIND_PARAGRAPH, "p1", "", NULL,
	    "Shared governance, not shared future.", 37, 0, 1);
	assert_int_equal(corpus_finish(c, &x, &y), 0);
	ix = index_build(c);
	return 0;
}

static int
teardown(void **state)
{
	index_free(ix);
	corpus_free(c);
	return 0;
}

static struct query *
parse(const char *s)
{
	char		*err = NULL;
	struct query	*q = query_parse(c, s, strlen(s), &err);

	if (q == NULL)
		fail_msg("query '%s' refused: %s", s, err);
	return q;
}

/* The refs of the nodes matching s, space separated, into buf. */
static const char *
matches(const char *s, char *buf, size_t size)
{
	struct query		*q = parse(s);
	struct index_result	 r;
	size_t			 k;
	char			*ref;

	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	buf[0] = '\0';
	for (k = 0; k < r.n; k++) {
		ref = corpus_node_ref(c, r.nodes[k]);
		if (k > 0)
			strncat(buf, " ", size - strlen(buf) - 1);
		strncat(buf, ref, size - strlen(buf) - 1);
		free(ref);
	}
	index_result_free(&r);
	query_free(q);
	return buf;
}

static void
test_parse_terms(void **state)
{
	struct query	*q = parse("  Peace  \"Shared  FUTURE\" -order doc:b "
	    "kind:paragraph kind:principle ");

	assert_int_equal(q->npos, 2);
	assert_string_equal(q->pos[0].s, "peace");
	assert_string_equal(q->pos[1].s, "shared future");
	assert_int_equal(q->nneg, 1);
	assert_string_equal(q->neg[0].s, "order");
	assert_int_equal(q->ndocs, 1);
	assert_int_equal(q->docs[0], 1);
	assert_int_equal(q->kinds, (1u << KIND_PARAGRAPH) |
	    (1u << KIND_PRINCIPLE));
	query_free(q);
}

static void
test_parse_edge(void **state)
{
	struct query	*q;
	char		*err = NULL, *big;

	q = parse("");
	assert_true(query_is_empty(q));
	query_free(q);
	q = parse(" \t\n ");
	assert_true(query_is_empty(q));
	query_free(q);
	/* a prefix term, and a phrase's outer blanks dropped */
	q = parse("sov* \" shared  fut \"");
	assert_int_equal(q->npos, 2);
	assert_string_equal(q->pos[0].s, "sov");
	assert_true(q->pos[0].prefix);
	assert_string_equal(q->pos[1].s, "shared fut");
	assert_false(q->pos[1].prefix);
	query_free(q);
	/* negated fields, and what is not a plain list */
	q = parse("-doc:a -kind:principle (x OR y) -(z w)");
	assert_int_equal(q->nnodocs, 1);
	assert_int_equal(q->nodocs[0], 0);
	assert_int_equal(q->nokinds, 1u << KIND_PRINCIPLE);
	assert_int_equal(q->ngroups, 2);
	assert_int_equal(q->npos + q->nneg + q->ndocs + q->kinds, 0);
	query_free(q);
	assert_null(query_parse(c, "doc:nosuch x", 12, &err));
	assert_string_equal(err, "column 1: no document 'nosuch'");
	free(err);
	assert_null(query_parse(c, "kind:bogus", 10, &err));
	assert_non_null(strstr(err, "no kind 'bogus'"));
	free(err);
	big = malloc(10001);
	memset(big, 'x', 10000);
	big[10000] = '\0';
	q = parse(big);
	assert_int_equal(q->npos, 1);
	assert_int_equal(q->pos[0].len, 10000);
	query_free(q);
	free(big);
}

static void
test_match_folding(void **state)
{
	char	buf[256];

	assert_string_equal(matches("STRASSE", buf, sizeof buf), "alpha:I.p1");
	assert_string_equal(matches("cooperation", buf, sizeof buf),
	    "alpha:I.p1");
	assert_string_equal(matches("icann", buf, sizeof buf), "alpha:I.1");
	assert_string_equal(matches("peace order", buf, sizeof buf),
	    "alpha:I");
	assert_string_equal(matches("zzz", buf, sizeof buf), "");
}

static void
test_match_phrases(void **state)
{
	char	buf[256];

	/* across a line break */
	assert_string_equal(matches("\"shared future\"", buf, sizeof buf),
	    "alpha:I.p2 beta:p1");
	assert_string_equal(matches("\"future shared\"", buf, sizeof buf), "");
	assert_string_equal(matches("shared -governance", buf, sizeof buf),
	    "alpha:I.p2");
	assert_string_equal(matches("shared doc:b", buf, sizeof buf),
	    "beta:p1");
	assert_string_equal(matches("kind:principle", buf, sizeof buf),
	    "alpha:I.1");
	assert_string_equal(matches("-shared doc:a kind:paragraph", buf,
	    sizeof buf), "alpha:I.p1");
}

static void
test_narrowing(void **state)
{
	struct query		*q1 = parse("shar"), *q2 = parse("shared fu");
	struct query		*q3 = parse("sha -x"), *q4 = parse("shared doc:a");
	struct index_result	 r1, r2, r3;

	assert_true(query_narrows(q2, q1));
	assert_false(query_narrows(q1, q2));
	assert_false(query_narrows(q3, q1));	/* shorter word: wider */
	assert_true(query_narrows(q4, q1));
	memset(&r1, 0, sizeof r1);
	memset(&r2, 0, sizeof r2);
	memset(&r3, 0, sizeof r3);
	index_search(ix, q1, NULL, &r1);
	index_search_narrowing(ix, q2, q1, &r1, &r2);
	index_search(ix, q2, NULL, &r3);
	assert_int_equal(r2.n, r3.n);
	assert_memory_equal(r2.nodes, r3.nodes, r2.n * sizeof *r2.nodes);
	assert_int_equal(r2.nblocks, 2);
	assert_int_equal(r2.ndocs, 2);
	index_result_free(&r1);
	index_result_free(&r2);
	index_result_free(&r3);
	query_free(q1);
	query_free(q2);
	query_free(q3);
	query_free(q4);
}

static void
test_spans(void **state)
{
	struct query		*q = parse("straße \"der co\"");
	struct index_span	*sp;
	const char		*s = "Die STRASSE der Coöperation; die Straße.";
	size_t			 n;

	n = query_spans(q, s, strlen(s), &sp);
	assert_int_equal(n, 3);
	/* "STRASSE" */
	assert_int_equal(sp[0].start, 4);
	assert_int_equal(sp[0].end, 11);
	/* "der Co" */
	assert_int_equal(sp[1].start, 12);
	assert_int_equal(sp[1].end, 18);
	/* "Straße": the whole ß, 7 bytes */
	assert_int_equal(sp[2].start, strlen("Die STRASSE der Coöperation; "
	    "die "));
	assert_int_equal(sp[2].end - sp[2].start, strlen("Straße"));
	free(sp);
	query_free(q);
}

/* The index's fast fold gives the same bytes as index_fold. */
static void
test_fold_fast(void **state)
{
	static const char *const pieces[] = { "a", "Z", " ", "\t", "\n",
	    "\xc2\xa0", "ß", "Ä", "é", "\xcc\x81", "İ", "Σ", "ς", "网络",
	    "\xef\xbc\xa1", "\xff", "\xe0\x80", "K", "\xe2\x84\xaa",
	    /* what only search folds: ’ ` Ⅳ ﬁ – U+3000 soft hyphen ″ ㎒ */
	    "\xe2\x80\x99", "`", "\xe2\x85\xa3", "\xef\xac\x81",
	    "\xe2\x80\x93", "\xe3\x80\x80", "\xc2\xad", "\xe2\x80\xb3",
	    "\xe3\x8e\x92", "China`s view ", "``````````````````",
	    /* long ASCII runs, for the sixteen-byte path */
	    "Governance of the Internet ", "AND RULES\nfor", "@[`{ \x7f",
	    "cyberspace,", " \n", "\r\n", "Sovereignty", "0123456789" };
	char		s[1024], *a, *b;
	size_t		al, bl, len, k;
	unsigned	seed = 12345, i;

	for (i = 0; i < 3000; i++) {
		len = 0;
		s[0] = '\0';
		for (k = 0; k < 12 + i % 20; k++) {
			seed = seed * 1103515245u + 12345u;
			strcat(s, pieces[(seed >> 16) % (sizeof pieces /
			    sizeof pieces[0])]);
		}
		len = strlen(s);
		a = index_fold(s, len, &al, NULL);
		b = index_fold_fast(s, len, &bl);
		assert_int_equal(al, bl);
		assert_memory_equal(a, b, al);
		free(a);
		free(b);
	}
}

/*
 * Search folding: the fast fold (ASCII by hand, a cache of characters)
 * gives the same bytes as libunistring over whole runs, on random text
 * made of what search folds, and each piece folds as documented.
 */
static void
test_search_fold(void **state)
{
	static const char *const pieces[] = { "a", "Z", " ", "`", "'",
	    "\xc2\xa0", "\xc3\x9f", "\xc3\x84", "\xcc\x81", "\xc4\xb0",
	    "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x94", "\xe2\x80\xb3",
	    "\xe2\x85\xa3", "\xef\xbc\xa3", "\xef\xbd\x80", "\xef\xac\x81",
	    "\xe3\x8e\x92", "\xe3\x80\x80", "\xc2\xad", "\xe2\x80\x8b",
	    "\xe7\xbd\x91", "\xea\xb0\x80", "\xff", "\xe0\x80",
	    "\xe1\xbe\xb3", "\xc7\x85", "\xcd\x85" };
	static const struct {
		const char	*in;
		const char	*out;
	} folds[] = {
		{ "China\xe2\x80\x99s", "china's" },
		{ "\xe2\x80\x98`\xca\xbc\xe2\x80\xb2\xe2\x80\x9b",
		    "\x27\x27\x27\x27\x27" },
		{ "\xe2\x80\x9cx\xe2\x80\x9d\xe2\x80\x9e\xe2\x80\xb3",
		    "\"x\"\"\"" },
		{ "\xe2\x80\x90\xe2\x80\x91\xe2\x80\x92\xe2\x80\x93"
		    "\xe2\x80\x94\xe2\x80\x95\xe2\x88\x92", "-------" },
		{ "\xe2\x85\xa3.5", "iv.5" },
		{ "\xef\xbc\xa3\xef\xbc\xa8\xef\xbc\xa9\xef\xbc\xae\xef\xbc\xa1",
		    "china" },
		{ "\xef\xac\x81\xef\xac\x80", "fiff" },
		{ "\xe3\x8e\x92", "mhz" },
		{ "a\xc2\xa0" "b\xe3\x80\x80" "c\xe2\x80\xa8" "d", "a b c d" },
		{ "cy\xc2\xad" "ber\xe2\x80\x8b" "space\xe2\x80\x8f",
		    "cyberspace" },
		{ "Stra\xc3\x9f" "e co\xc3\xb6p\xc4\xb0", "strasse coopi" },
		{ "\xe7\xbd\x91\xe7\xbb\x9c", "\xe7\xbd\x91\xe7\xbb\x9c" },
	};
	char		s[512], *a, *b;
	size_t		al, bl, k, *map;
	unsigned	seed = 4242, i;

	(void)state;
	for (k = 0; k < sizeof folds / sizeof folds[0]; k++) {
		a = text_search_fold(folds[k].in, strlen(folds[k].in), &al,
		    &map);
		if (al != strlen(folds[k].out) || memcmp(a, folds[k].out,
		    al) != 0)
			fail_msg("'%s' folds to '%.*s', not '%s'", folds[k].in,
			    (int)al, a, folds[k].out);
		assert_int_equal(map[al], strlen(folds[k].in));
		free(a);
		free(map);
	}
	for (i = 0; i < 3000; i++) {
		s[0] = '\0';
		for (k = 0; k < 4 + i % 24; k++) {
			seed = seed * 1103515245u + 12345u;
			strcat(s, pieces[(seed >> 16) % (sizeof pieces /
			    sizeof pieces[0])]);
		}
		a = text_search_fold(s, strlen(s), &al, NULL);
		b = text_search_fold_slow(s, strlen(s), &bl);
		if (al != bl || memcmp(a, b, al) != 0)
			fail_msg("'%s': fast '%.*s', slow '%.*s'", s, (int)al, a,
			    (int)bl, b);
		free(a);
		free(b);
	}
}

/* Where words begin, for "term*". */
static void
test_word_start(void **state)
{
	static const struct {
		const char	*s;
		size_t		 at;
		bool		 start;
	} cases[] = {
		{ "ab cd", 0, true }, { "ab cd", 3, true }, { "abcd", 2, false },
		{ "a-b", 2, true }, { "x1", 1, false }, { "1x", 1, false },
		{ "china's", 6, true }, { "\xc3\xa9t\xc3\xa9", 2, false },
		{ "\xce\xb1\xce\xb2", 2, false },		/* αβ */
		{ "\xe7\xbd\x91\xe7\xbb\x9c", 3, true },	/* 网络 */
		{ "a\xe7\xbd\x91", 1, true }, { "\xe7\xbd\x91" "a", 3, true },
		{ "\xe3\x81\x82\xe3\x81\x84", 3, false },	/* あい */
		{ "\xff" "a", 1, true }, { "ab", 2, true },
	};
	size_t	k;

	(void)state;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
		if (text_word_start(cases[k].s, strlen(cases[k].s),
		    cases[k].at) != cases[k].start)
			fail_msg("'%s' at %zu: %s", cases[k].s, cases[k].at,
			    cases[k].start ? "no word start" : "a word start");
}

/*
 * The fast search finds exactly what memmem finds: every needle length
 * from 1 to 40, at every place in haystacks of every length up to 100
 * (the SSE2 loop and its tail meet at different places), with near misses
 * around it (the needle's rare bytes in place but another byte wrong).
 */
static void
test_find_agrees(void **state)
{
	static const char	alphabet[] = "abeginorst zq\xc3\xa9";
	char			hay[128], needle[48];
	struct find_term	t;
	uint64_t		x = 88172645463325252u;
	size_t			n, len, at, k, round;

	(void)state;
	for (round = 0; round < 4000; round++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		len = 1 + x % 40;
		n = (x >> 8) % 100;
		for (k = 0; k < len; k++)
			needle[k] = alphabet[(x >> (k % 50)) %
			    (sizeof alphabet - 1)];
		for (k = 0; k < n; k++)
			hay[k] = alphabet[(x >> ((k * 7) % 50)) %
			    (sizeof alphabet - 1)];
		if (n >= len && (x >> 20) % 3 != 0) {
			at = (x >> 24) % (n - len + 1);
			memcpy(hay + at, needle, len);
			if ((x >> 40) % 2 == 0)
				/* a near miss: spoil one byte of the copy */
				hay[at + (x >> 44) % len] ^= 1;
		}
		find_prepare(&t, needle, len);
		assert_ptr_equal(find_in(hay, n, &t),
		    memmem(hay, n, needle, len));
	}
}

/*
 * In plain text (capitals, line breaks), find_in_plain finds what find_in
 * finds in its folded copy, at the same offset; and find_plain_folds_to
 * tells plain text from text that folds otherwise.
 */
static void
test_find_plain(void **state)
{
	static const char	alphabet[] = "aAbEgGinNoRsT \n.zQ";
	char			hay[128], folded[128], needle[48];
	struct find_term	t;
	uint64_t		x = 0x9e3779b97f4a7c15u;
	size_t			n, len, at, k, round;
	const char		*a, *b;

	(void)state;
	for (round = 0; round < 4000; round++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = x % 100;
		for (k = 0; k < n; k++)
			hay[k] = alphabet[(x >> ((k * 5) % 50)) %
			    (sizeof alphabet - 1)];
		for (k = 0; k < n; k++)
			folded[k] = hay[k] == '\n' ? ' ' :
			    (char)(hay[k] >= 'A' && hay[k] <= 'Z' ?
			    hay[k] + 32 : hay[k]);
		assert_true(find_plain_folds_to(hay, folded, n));
		len = 1 + (x >> 9) % 20;
		if (n >= len && (x >> 20) % 4 != 0) {
			/* a needle taken from the folded text */
			at = (x >> 24) % (n - len + 1);
			memcpy(needle, folded + at, len);
		} else
			for (k = 0; k < len; k++)
				needle[k] = "abegins ."[(x >> k) % 9];
		find_prepare(&t, needle, len);
		a = find_in_plain(hay, n, &t);
		b = find_in(folded, n, &t);
		assert_int_equal(a == NULL ? -1 : a - hay,
		    b == NULL ? -1 : b - folded);
	}
	assert_false(find_plain_folds_to("Stra\xc3\x9f" "e", "strasse", 7));
	assert_false(find_plain_folds_to("a\tb", "a b", 3));
	assert_true(find_plain_folds_to("A\nb", "a b", 3));
	/* Past the first sixteen bytes, too. */
	assert_true(find_plain_folds_to("The Rules of CYBERSPACE\nand its Law",
	    "the rules of cyberspace and its law", 35));
	assert_false(find_plain_folds_to("The Rules of CYBERSPACE\tand its Law",
	    "the rules of cyberspace and its law", 35));
	assert_false(find_plain_folds_to("The Rules of CYBERSPACE and its La@",
	    "the rules of cyberspace and its la`", 35));
	/* Letters in either case, digits, blanks; nothing for the rest. */
	assert_int_equal(find_letters("Ab 1\nZ.", 7),
	    1u << 0 | 1u << 1 | 1u << 25 | 1u << 26 | 1u << 27);
	assert_int_equal(find_letters("\xc3\xa9-", 3), 0);
}

/*
 * Type the words of chain one after another into big's filter, each
 * narrowing the one before (where each first matched and the bytes after
 * it are kept by the two threads' halves and joined): every result is what a
 * node-by-node check finds, and its counts add up.
 */
static void
check_narrowing_chain(const struct corpus *big, const struct index *bix,
    const char *const *chain, size_t n)
{
	struct index_result	 prev, r;
	struct query		*q, *older = NULL;
	char			*err;
	size_t			 k, m, i, sum;

	memset(&prev, 0, sizeof prev);
	for (k = 0; k < n; k++) {
		q = query_parse(big, chain[k], strlen(chain[k]), &err);
		assert_non_null(q);
		memset(&r, 0, sizeof r);
		index_search_narrowing(bix, q, older, older != NULL ? &prev :
		    NULL, &r);
		for (m = 0, i = 0; i < big->nnodes; i++) {
			if (!index_node_matches(bix, q, (uint32_t)i))
				continue;
			if (m >= r.n || r.nodes[m] != i)
				fail_msg("'%s' after '%s': node %zu missing",
				    chain[k], k ? chain[k - 1] : "", i);
			m++;
		}
		assert_int_equal(m, r.n);
		assert_int_equal(r.nblocks + r.nsections, r.n);
		for (sum = 0, i = 0; i < big->ndocs; i++)
			sum += r.per_doc[i];
		assert_int_equal(sum, r.n);
		index_result_free(&prev);
		prev = r;
		query_free(older);
		older = q;
	}
	index_result_free(&prev);
	query_free(older);
}

/*
 * A corpus big enough for the two-thread search (several MB, tens of
 * thousands of nodes) finds exactly what a node-by-node check finds.
 */
static void
test_parallel_agrees(void **state)
{
	static const char *const words[] = { "peace", "sovereignty",
	    "Straße", "cyberspace", "governance", "order", "shared", "future",
	    "ICÁNN", "rule", "law", "coöperation" };
	static const char *const queries[] = { "g", "go", "gov governance",
	    "shared future", "\"shared future\"", "-peace", "strasse rule",
	    "o -order", "icann", "zz", "g* -(peace OR law)", "sov* | fut*",
	    "-kind:paragraph", "kind:chapter -rule" };
	static const char *const plain[] = { "strasse", "icann",
	    "cooperation", "governance", "ace", "ss" };
	struct corpus		*big = corpus_new();
	struct corpus_doc	 d;
	struct index		*bix;
	struct index_result	 r, r2;
	struct query		*q, *q2;
	char			 text[512], *err;
	uint32_t		 root, sec = 0, i, x, y;
	unsigned		 seed = 7;
	size_t			 k, w, n, qi;

	memset(&d, 0, sizeof d);
	d.slug = "big";
	d.title = "Big";
	root = corpus_add_doc(big, &d);
	for (k = 0; k < 60000; k++) {
		if (k % 50 == 0) {
			snprintf(text, sizeof text, "S%zu", k / 50);
			sec = corpus_add_node(big, root, KIND_CHAPTER, text,
			    "", "Section", NULL, 0, 0, 0);
		}
		text[0] = '\0';
		for (w = 0; w < 12; w++) {
			seed = seed * 1103515245u + 12345u;
			strcat(text, words[(seed >> 16) % 12]);
			strcat(text, (seed >> 8) % 5 ? " " : "\n");
		}
		snprintf(text + strlen(text), 16, "%zu", k);
		{
			char	label[32];

			snprintf(label, sizeof label, "P%zu", k);
			corpus_add_node(big, sec, KIND_PARAGRAPH, label, "",
			    NULL, text, strlen(text), 0, 0);
		}
	}
	assert_int_equal(corpus_finish(big, &x, &y), 0);
	bix = index_build(big);
	/*
	 * The index of so many nodes is folded in two halves: every node of
	 * each, accented ones too, finds what its text folded on its own has.
	 */
	for (qi = 0; qi < sizeof plain / sizeof plain[0]; qi++) {
		q = query_parse(big, plain[qi], strlen(plain[qi]), &err);
		assert_non_null(q);
		memset(&r, 0, sizeof r);
		index_search(bix, q, NULL, &r);
		for (n = 0, i = 0; i < big->nnodes; i++) {
			const struct corpus_node	*nd = &big->nodes[i];
			const char			*src;
			size_t				 len, flen;
			char				*f, *z;
			bool				 has;

			src = kind_is_block(nd->kind) ? nd->text : nd->title;
			len = kind_is_block(nd->kind) ? nd->text_len :
			    strlen(nd->title);
			f = text_search_fold(src, len, &flen, NULL);
			z = strndup(f, flen);
			assert_non_null(z);
			has = strstr(z, plain[qi]) != NULL;
			free(z);
			free(f);
			if (!has)
				continue;
			if (n >= r.n || r.nodes[n] != i)
				fail_msg("'%s': node %u (%s) missing",
				    plain[qi], i, nd->label);
			n++;
		}
		assert_int_equal(n, r.n);
		index_result_free(&r);
		query_free(q);
	}
	for (qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		q = query_parse(big, queries[qi], strlen(queries[qi]), &err);
		assert_non_null(q);
		memset(&r, 0, sizeof r);
		index_search(bix, q, NULL, &r);
		for (n = 0, i = 0; i < big->nnodes; i++) {
			if (!index_node_matches(bix, q, i))
				continue;
			if (n >= r.n || r.nodes[n] != i)
				fail_msg("query '%s': node %u missing",
				    queries[qi], i);
			n++;
		}
		assert_int_equal(n, r.n);
		/* Narrowing "g" -> "go" within a large result, two threads. */
		q2 = query_parse(big, "go", 2, &err);
		if (query_narrows(q2, q)) {
			memset(&r2, 0, sizeof r2);
			index_search_narrowing(bix, q2, q, &r, &r2);
			for (n = 0, k = 0; k < r.n; k++)
				if (index_node_matches(bix, q2, r.nodes[k]))
					assert_int_equal(r2.nodes[n++],
					    r.nodes[k]);
			assert_int_equal(n, r2.n);
			index_result_free(&r2);
		}
		query_free(q2);
		index_result_free(&r);
		query_free(q);
	}
	{
		static const char *const c1[] = { "c", "co", "coo", "coop",
		    "cooperation" };
		static const char *const c2[] = { "s", "st", "str", "stra",
		    "strasse" };
		static const char *const c3[] = { "r", "ru", "rul", "rule",
		    "rules" };
		static const char *const c4[] = { "g", "go", "gov", "gove",
		    "governance" };

		check_narrowing_chain(big, bix, c1, 5);
		check_narrowing_chain(big, bix, c2, 5);
		check_narrowing_chain(big, bix, c3, 5);
		/*
		 * Numbers are rare: where they match is kept (fewer than a
		 * quarter of the nodes), by the runs of two threads, and the
		 * next key looks from there.
		 */
		static const char *const c5[] = { "1", "12", "123", "1234" };
		static const char *const c6[] = { "2", "20", "205", "2059" };

		check_narrowing_chain(big, bix, c4, 5);
		check_narrowing_chain(big, bix, c5, 4);
		check_narrowing_chain(big, bix, c5 + 1, 3);
		check_narrowing_chain(big, bix, c6, 4);
	}
	index_free(bix);
	corpus_free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_terms),
		cmocka_unit_test(test_parse_edge),
		cmocka_unit_test(test_match_folding),
		cmocka_unit_test(test_match_phrases),
		cmocka_unit_test(test_narrowing),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_fold_fast),
		cmocka_unit_test(test_search_fold),
		cmocka_unit_test(test_word_start),
		cmocka_unit_test(test_find_agrees),
		cmocka_unit_test(test_find_plain),
		cmocka_unit_test(test_parallel_agrees),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
