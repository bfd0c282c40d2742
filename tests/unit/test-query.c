/*
 * test-query.c -- the query language as a user writes it: negated fields,
 * kind: with what is inside, OR and groups, prefixes, folding, and the
 * message (and column) for a query that cannot be understood.
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

static struct corpus	*c;
static struct index	*ix;

/*
 * "alpha" (alias a): chapter I with two paragraphs and a principle inside;
 * "beta" (alias b): one paragraph; "gamma" (alias g): text typed with
 * typographic characters.
 */
static const char *const gamma_text[] = {
	"China\xe2\x80\x99s position",			/* ’ */
	"Issue \xe2\x85\xa3 of 2017",			/* Ⅳ */
	"\xef\xbc\xa3\xef\xbc\xa8\xef\xbc\xa9\xef\xbc\xae\xef\xbc\xa1 and "
	    "the \xef\xac\x81rst",			/* ＣＨＩＮＡ, ﬁ */
	"2017\xe2\x80\x93" "2019 \xe2\x80\x94 a decade",	/* – — */
	"non\xc2\xa0" "breaking\xe3\x80\x80space",	/* NBSP, U+3000 */
	"cyber\xc2\xadspace",				/* soft hyphen */
	"\xe2\x80\x9cquoted\xe2\x80\x9d",		/* “ ” */
	"na\xc3\xafve caf\xc3\xa9",			/* ï é */
	"\xe7\xbd\x91\xe7\xbb\x9c\xe7\xa9\xba\xe9\x97\xb4",	/* 网络空间 */
};

static int
setup(void **state)
{
	struct corpus_doc	d;
	uint32_t		r, s, x, y;
	size_t			k;
	char			label[8];

	(void)state;
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
	d.slug = "gamma";
	d.alias = "g";
	d.title = "Gamma";
	r = corpus_add_doc(c, &d);
	for (k = 0; k < sizeof gamma_text / sizeof gamma_text[0]; k++) {
		snprintf(label, sizeof label, "p%zu", k + 1);
		corpus_add_node(c, r, KIND_PARAGRAPH, label, "", NULL,
		    gamma_text[k], strlen(gamma_text[k]), 0, (uint32_t)k + 1);
	}
	assert_int_equal(corpus_finish(c, &x, &y), 0);
	ix = index_build(c);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	index_free(ix);
	corpus_free(c);
	return 0;
}

/* The refs of the nodes matching s, space separated (a static buffer). */
static const char *
matches(const char *s)
{
	static char		 buf[1024];
	struct query		*q;
	struct index_result	 r;
	size_t			 k;
	char			*ref, *err = NULL;

	q = query_parse(c, s, strlen(s), &err);
	if (q == NULL)
		fail_msg("query '%s' refused: %s", s, err);
	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	buf[0] = '\0';
	for (k = 0; k < r.n; k++) {
		ref = corpus_node_ref(c, r.nodes[k]);
		if (k > 0)
			strncat(buf, " ", sizeof buf - strlen(buf) - 1);
		strncat(buf, ref, sizeof buf - strlen(buf) - 1);
		free(ref);
		/* the one matcher: the search and the node test agree */
		assert_true(index_node_matches(ix, q, r.nodes[k]));
	}
	index_result_free(&r);
	query_free(q);
	return buf;
}

#define assert_matches(q, want)	assert_string_equal(matches(q), want)

static void
test_negated_fields(void **state)
{
	(void)state;
	assert_matches("-doc:b shared", "alpha:I.p2");
	assert_matches("shared -doc:alpha", "beta:p1");
	assert_matches("shared -doc:a -doc:b", "");
	assert_matches("icann -kind:principle", "");
	assert_matches("-kind:paragraph principle", "alpha:I.1");
	/* -kind: leaves out what is inside, too */
	assert_matches("shared -kind:chapter", "beta:p1");
}

static void
test_kind_inside(void **state)
{
	(void)state;
	/* kind: matches the node and everything inside it */
	assert_matches("kind:chapter shared", "alpha:I.p2");
	assert_matches("kind:chapter",
	    "alpha:I alpha:I.p1 alpha:I.p2 alpha:I.1");
	assert_matches("kind:principle", "alpha:I.1");
	assert_matches("kind:Paragraph doc:b", "beta:p1");
	assert_matches("kind:document -kind:chapter doc:a", "alpha");
	/* side by side, fields are alternatives */
	assert_matches("kind:principle kind:paragraph doc:a",
	    "alpha:I.p1 alpha:I.p2 alpha:I.1");
	assert_matches("doc:a doc:b shared", "alpha:I.p2 beta:p1");
	assert_matches("(doc:a) (doc:b) shared", "alpha:I.p2 beta:p1");
}

static void
test_or_groups(void **state)
{
	(void)state;
	assert_matches("straße OR governance", "alpha:I.p1 beta:p1");
	assert_matches("icann | peace", "alpha:I alpha:I.1");
	assert_matches("icann|peace", "alpha:I alpha:I.1");
	assert_matches("(peace OR straße) (order OR coöperation)",
	    "alpha:I alpha:I.p1");
	assert_matches("shared -(governance future)", "alpha:I.p2");
	assert_matches("shared -(governance OR cyberspace)", "");
	assert_matches("doc:b OR icann", "alpha:I.1 beta beta:p1");
	assert_matches("-(-icann)", "alpha:I.1");
	/* only OR in capitals is the operator */
	assert_matches("peace or", "alpha:I");
	assert_matches("alpha OR beta OR gamma", "alpha beta gamma");
}

static void
test_prefix(void **state)
{
	(void)state;
	assert_matches("coop*", "alpha:I.p1");
	assert_matches("operation", "alpha:I.p1");
	/* a prefix begins a word */
	assert_matches("operation*", "");
	assert_matches("hared*", "");
	assert_matches("\"shared fu\"*", "alpha:I.p2 beta:p1");
	assert_matches("gov* OR icann*", "alpha:I.1 beta:p1");
	/* an ideograph is a word of its own */
	assert_matches("\xe7\xa9\xba\xe9\x97\xb4*", "gamma:p9");
	/* a letter after an apostrophe begins a word */
	assert_matches("s* doc:g", "gamma:p1 gamma:p5");
}

static void
test_folding(void **state)
{
	(void)state;
	/* typographic apostrophes, quotes, dashes as typed on a keyboard */
	assert_matches("China's", "gamma:p1");
	assert_matches("CHINA`S", "gamma:p1");
	assert_matches("china\xe2\x80\x98s", "gamma:p1");
	assert_matches("\"2017-2019 - a\"", "gamma:p4");
	assert_matches("\xe2\x80\x9cquoted\xe2\x80\x9d", "gamma:p7");
	/* compatibility characters */
	assert_matches("\"issue iv\"", "gamma:p2");
	assert_matches("\"issue \xe2\x85\xb3\"", "gamma:p2");	/* ⅳ */
	assert_matches("\"china and the first\"", "gamma:p3");
	assert_matches("\xef\xbd\x83hina doc:g", "gamma:p1 gamma:p3");
	/* spaces of every kind, and format characters dropped */
	assert_matches("\"non breaking space\"", "gamma:p5");
	assert_matches("cyberspace", "alpha:I.p2 gamma:p6");
	/* accents and case, as before */
	assert_matches("NAIVE cafe", "gamma:p8");
	assert_matches("\xe7\xbd\x91\xe7\xbb\x9c", "gamma:p9");
}

/* The message for query s, which must be refused. */
static void
expect_error(const char *s, const char *want)
{
	struct query	*q;
	char		*err = NULL;

	q = query_parse(c, s, strlen(s), &err);
	if (q != NULL) {
		query_free(q);
		fail_msg("query '%s' accepted, expected '%s'", s, want);
	}
	assert_non_null(err);
	if (strcmp(err, want) != 0)
		fail_msg("query '%s': '%s', expected '%s'", s, err, want);
	free(err);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("privacy -", "column 9: '-' needs a word, phrase, field "
	    "or group right after it");
	expect_error("- privacy", "column 1: '-' needs a word, phrase, field "
	    "or group right after it");
	expect_error("--x", "column 1: '-' needs a word, phrase, field or "
	    "group right after it");
	expect_error("a -doc:nosuch", "column 4: no document 'nosuch'");
	expect_error("kind:bogus", "column 1: no kind 'bogus' (try principle, "
	    "goal, action, chapter, paragraph)");
	expect_error("x doc:", "column 3: doc: needs a document name (try "
	    "'charta list')");
	expect_error("kind:", "column 1: kind: needs a kind (try principle, "
	    "goal, action, chapter, paragraph)");
	expect_error("note: x", "column 1: unknown field 'note:' (the fields "
	    "are doc: and kind:; to search for the word, put it in quotes)");
	expect_error("\"shared fut", "column 1: unbalanced '\"': the phrase "
	    "has no closing quote");
	expect_error("Straße \"a", "column 8: unbalanced '\"': the phrase has "
	    "no closing quote");
	expect_error("(a OR b", "column 1: unbalanced '(': no ')' closes it");
	expect_error("a OR b)", "column 7: unbalanced ')': no '(' opens it");
	expect_error("a ()", "column 3: nothing between '(' and ')'");
	expect_error("OR a", "column 1: OR needs something to search for "
	    "before it");
	expect_error("a | ", "column 3: OR needs something to search for "
	    "after it");
	expect_error("(a OR) b", "column 4: OR needs something to search for "
	    "after it");
	expect_error("*", "column 1: '*' needs a word before it");
	expect_error("a*b", "column 2: '*' can only end a word (to search for "
	    "it, put it in quotes)");
	expect_error("\"\"", "column 1: empty phrase");
	expect_error("\"  \" x", "column 1: empty phrase");
	/* a soft hyphen alone folds to nothing */
	expect_error("x \xc2\xad", "column 3: nothing to search for in "
	    "'\xc2\xad'");
}

/* Parentheses nested 32 deep are fine, 33 too deep. */
static void
test_nesting(void **state)
{
	struct query	*q;
	char		 s[128], *err = NULL;
	size_t		 k;

	(void)state;
	for (k = 0; k < 32; k++) {
		s[k] = '(';
		s[32 + 1 + k] = ')';
	}
	s[32] = 'x';
	q = query_parse(c, s, 65, &err);
	assert_non_null(q);
	query_free(q);
	memmove(s + 1, s, 65);
	s[0] = '(';
	s[66] = ')';
	s[67] = '\0';
	expect_error(s, "column 33: parentheses nested too deep");
}

static void
test_accepted(void **state)
{
	struct query	*q;
	char		*err = NULL;
	static const char *const ok[] = { "", "   ", "10:30", "II.2:",
	    ":x", "\"a*\"", "\"(a OR b)\"", "\"-x\"", "ORacle", "oR" };
	size_t		 k;

	(void)state;
	for (k = 0; k < sizeof ok / sizeof ok[0]; k++) {
		q = query_parse(c, ok[k], strlen(ok[k]), &err);
		if (q == NULL)
			fail_msg("query '%s' refused: %s", ok[k], err);
		query_free(q);
	}
	q = query_parse(c, "  ", 2, &err);
	assert_true(query_is_empty(q));
	query_free(q);
}

/* Where query s marks the text t: "[start,end)" pairs. */
static const char *
spans(const char *s, const char *t)
{
	static char		 buf[256];
	struct query		*q;
	struct index_span	*v;
	size_t			 n, k;
	char			*err = NULL;

	q = query_parse(c, s, strlen(s), &err);
	assert_non_null(q);
	n = query_spans(q, t, strlen(t), &v);
	buf[0] = '\0';
	for (k = 0; k < n; k++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    "[%zu,%zu)", v[k].start, v[k].end);
	free(v);
	query_free(q);
	return buf;
}

static void
test_spans(void **state)
{
	(void)state;
	/* the original characters are marked, whole */
	assert_string_equal(spans("china's", "China\xe2\x80\x99s position"),
	    "[0,9)");
	assert_string_equal(spans("\"issue iv\"", "Issue \xe2\x85\xa3 of"),
	    "[0,9)");
	/* part of what one character folds to marks all of it */
	assert_string_equal(spans("ci", "c\xe2\x85\xa3"), "[0,4)");
	assert_string_equal(spans("vi", "\xe2\x85\xa3ii"), "[0,4)");
	/* a prefix only where a word begins */
	assert_string_equal(spans("shar*", "Shared, unshared share"),
	    "[0,4)[17,21)");
	/* OR marks both sides; nothing under a '-' is marked */
	assert_string_equal(spans("peace OR order -(and)",
	    "Peace and Order"), "[0,5)[10,15)");
}

/*
 * While a query is typed, each prefix that parses and that the query
 * narrows may be searched within: the result must be the query's own.
 */
static void
test_narrowing(void **state)
{
	static const char *const typed[] = { "shared -doc:b future",
	    "(peace OR straße) kind:chapter", "coop* -kind:principle",
	    "sov* shared", "gov OR shared doc:b", "-(governance) shared fu",
	    "kind:chapter -kind:principle o" };
	struct query		*q, *p;
	struct index_result	 rp, rw, r;
	char			*err;
	size_t			 k, cut;

	(void)state;
	for (k = 0; k < sizeof typed / sizeof typed[0]; k++) {
		q = query_parse(c, typed[k], strlen(typed[k]), &err);
		assert_non_null(q);
		memset(&r, 0, sizeof r);
		index_search(ix, q, NULL, &r);
		for (cut = 1; cut < strlen(typed[k]); cut++) {
			err = NULL;
			p = query_parse(c, typed[k], cut, &err);
			free(err);
			if (p == NULL || !query_narrows(q, p)) {
				query_free(p);
				continue;
			}
			memset(&rp, 0, sizeof rp);
			memset(&rw, 0, sizeof rw);
			index_search(ix, p, NULL, &rp);
			index_search_narrowing(ix, q, p, &rp, &rw);
			if (rw.n != r.n || (r.n > 0 && memcmp(rw.nodes,
			    r.nodes, r.n * sizeof *r.nodes) != 0))
				fail_msg("'%s' within '%.*s': %zu nodes, not "
				    "%zu", typed[k], (int)cut, typed[k], rw.n,
				    r.n);
			index_result_free(&rp);
			index_result_free(&rw);
			query_free(p);
		}
		index_result_free(&r);
		query_free(q);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_negated_fields),
		cmocka_unit_test(test_kind_inside),
		cmocka_unit_test(test_or_groups),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_narrowing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
