/*
 * test-shipped.c -- the shipped corpus has the structure its documents
 * have: both strategy translations with preface, chapters I-IV, four
 * principles, six goals, nine action items and a conclusion, under the same
 * labels and anchors; the 2019 paper with its four principles and five
 * paths; the newsletter with its five principles.  Reads $CHARTA_DB.
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
#include "store/store.h"
#include "shipped.h"

/* How many nodes of kind k does document slug have? */
static int
count_kind(const char *slug, enum node_kind k)
{
	uint32_t	d = corpus_find_doc(shipped, slug, strlen(slug));
	uint32_t	i;
	int		n = 0;

	assert_int_not_equal(d, CORPUS_NONE);
	for (i = shipped->docs[d].root; i < shipped->docs[d].end; i++)
		if (shipped->nodes[i].kind == k)
			n++;
	return n;
}

static void
expect_node(const char *ref, enum node_kind k, const char *anchor)
{
	uint32_t	i = corpus_resolve(shipped, ref, strlen(ref));

	if (i == CORPUS_NONE)
		fail_msg("%s does not resolve", ref);
	assert_int_equal(shipped->nodes[i].kind, k);
	if (anchor != NULL)
		assert_string_equal(shipped->nodes[i].anchor, anchor);
}

static void
test_documents(void **state)
{
	static const char *const slugs[] = { "iscc-2017-mfa", "iscc-2017-un",
	    "news-2017-release", "embassy-2017-newsletter",
	    "wic-2019-community", "chinadaily-2019-wic" };
	static const char *const aliases[] = { "mfa", "un", "news", "embassy",
	    "wic", "chinadaily" };
	size_t	i;

	assert_int_equal(shipped->ndocs, 6);
	for (i = 0; i < 6; i++) {
		assert_string_equal(shipped->docs[i].slug, slugs[i]);
		assert_string_equal(shipped->docs[i].alias, aliases[i]);
		assert_true(*shipped->docs[i].title != '\0');
	}
	assert_string_equal(shipped->docs[0].work, shipped->docs[1].work);
	assert_true(*shipped->docs[0].work != '\0');
}

static void
strategy_structure(const char *slug)
{
	static const char *const chapters[] = { "I", "II", "III", "IV" };
	char	 ref[64];
	int	 k;

	assert_int_equal(count_kind(slug, KIND_CHAPTER), 4);
	assert_int_equal(count_kind(slug, KIND_PRINCIPLE), 4);
	assert_int_equal(count_kind(slug, KIND_GOAL), 6);
	assert_int_equal(count_kind(slug, KIND_ACTION), 9);
	assert_int_equal(count_kind(slug, KIND_PREFACE), 1);
	assert_int_equal(count_kind(slug, KIND_CONCLUSION), 1);
	assert_int_equal(count_kind(slug, KIND_EPIGRAPH), 1);
	for (k = 0; k < 4; k++) {
		snprintf(ref, sizeof ref, "%s:%s", slug, chapters[k]);
		expect_node(ref, KIND_CHAPTER, NULL);
	}
	for (k = 1; k <= 4; k++) {
		snprintf(ref, sizeof ref, "%s:II.%d", slug, k);
		expect_node(ref, KIND_PRINCIPLE, NULL);
	}
	for (k = 1; k <= 6; k++) {
		snprintf(ref, sizeof ref, "%s:III.%d", slug, k);
		expect_node(ref, KIND_GOAL, NULL);
	}
	for (k = 1; k <= 9; k++) {
		snprintf(ref, sizeof ref, "%s:IV.%d", slug, k);
		expect_node(ref, KIND_ACTION, NULL);
	}
	snprintf(ref, sizeof ref, "%s:P", slug);
	expect_node(ref, KIND_PREFACE, "preface");
	snprintf(ref, sizeof ref, "%s:P.p1", slug);
	expect_node(ref, KIND_EPIGRAPH, NULL);
	snprintf(ref, sizeof ref, "%s:C", slug);
	expect_node(ref, KIND_CONCLUSION, "conclusion");
	snprintf(ref, sizeof ref, "%s:II.2", slug);
	expect_node(ref, KIND_PRINCIPLE, "sovereignty");
	snprintf(ref, sizeof ref, "%s:IV.5.p2", slug);
	expect_node(ref, KIND_PARAGRAPH, NULL);
}

static void
test_mfa(void **state)
{
	strategy_structure("iscc-2017-mfa");
	expect_node("mfa:C.p3", KIND_SOURCE, NULL);
}

static void
test_un(void **state)
{
	strategy_structure("iscc-2017-un");
	expect_node("un:L", KIND_LETTER, "letter");
	expect_node("un:p1", KIND_SOURCE, NULL);
	/* the table of contents became page numbers */
	assert_int_equal(shipped->nodes[corpus_resolve(shipped, "un:IV.6",
	    7)].page, 10);
	assert_int_equal(shipped->nodes[corpus_resolve(shipped, "un:P",
	    4)].page, 3);
}

/* Every section of one translation has its counterpart, same label. */
static void
test_translations_aligned(void **state)
{
	uint32_t	mfa = corpus_find_doc(shipped, "mfa", 3);
	uint32_t	i, j;
	char		ref[128];
	int		sections = 0;

	for (i = shipped->docs[mfa].root + 1; i < shipped->docs[mfa].end;
	    i++) {
		const struct corpus_node	*n = &shipped->nodes[i];

		/* Source lines are each edition's own. */
		if (n->kind == KIND_SOURCE)
			continue;
		snprintf(ref, sizeof ref, "un:%s", n->label);
		j = corpus_resolve(shipped, ref, strlen(ref));
		if (j == CORPUS_NONE)
			fail_msg("%s has no counterpart", ref);
		if (corpus_node_is_section(shipped, i)) {
			assert_string_equal(n->anchor,
			    shipped->nodes[j].anchor);
			assert_int_equal(n->kind, shipped->nodes[j].kind);
			sections++;
		}
	}
	assert_int_equal(sections, 25);
}

static void
test_wic(void **state)
{
	int	k;
	char	ref[32];

	assert_int_equal(count_kind("wic", KIND_PRINCIPLE), 4);
	assert_int_equal(count_kind("wic", KIND_CHAPTER), 4);
	for (k = 1; k <= 5; k++) {
		snprintf(ref, sizeof ref, "wic:III.%d", k);
		expect_node(ref, KIND_PART, NULL);
	}
	expect_node("wic:P", KIND_PREFACE, "preface");
	expect_node("chinadaily:p3", KIND_BYLINE, NULL);
	assert_int_equal(count_kind("chinadaily", KIND_PULLQUOTE), 1);
	assert_int_equal(count_kind("chinadaily", KIND_CAPTION), 1);
}

static void
test_newsletter(void **state)
{
	static const char *const labels[] = { "I", "II", "III", "IV", "V" };
	char	ref[32];
	int	k;

	assert_int_equal(count_kind("embassy", KIND_PRINCIPLE), 5);
	for (k = 0; k < 5; k++) {
		snprintf(ref, sizeof ref, "embassy:%s", labels[k]);
		expect_node(ref, KIND_PRINCIPLE, NULL);
	}
}

/*
 * Citation metadata from the seeds, and only what they say: no document
 * names a translator or a URL, so none has one.
 */
static void
test_citation_metadata(void **state)
{
	static const struct {
		const char	*slug, *author, *publisher, *container;
	} want[] = {
		{ "iscc-2017-mfa", "", "Ministry of Foreign Affairs of the "
		    "People's Republic of China", "" },
		{ "iscc-2017-un", "", "", "Conference on Disarmament" },
		{ "news-2017-release", "", "", "" },
		{ "embassy-2017-newsletter", "", "Embassy of the People's "
		    "Republic of China", "NEWSLETTER Issue \xe2\x85\xa3 of 2017" },
		{ "wic-2019-community", "", "Organizing Committee of the World "
		    "Internet Conference", "" },
		{ "chinadaily-2019-wic", "Zhang Linwan", "China Daily", "" },
	};
	const struct corpus_doc	*d;
	uint32_t		 n;
	size_t			 k;

	for (k = 0; k < sizeof want / sizeof want[0]; k++) {
		n = corpus_find_doc(shipped, want[k].slug,
		    strlen(want[k].slug));
		assert_int_not_equal(n, CORPUS_NONE);
		d = &shipped->docs[n];
		assert_string_equal(d->author, want[k].author);
		assert_string_equal(d->publisher, want[k].publisher);
		assert_string_equal(d->container, want[k].container);
		assert_string_equal(d->translator, "");
		assert_string_equal(d->url, "");
		assert_string_equal(d->language, "en");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_citation_metadata),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_mfa),
		cmocka_unit_test(test_un),
		cmocka_unit_test(test_translations_aligned),
		cmocka_unit_test(test_wic),
		cmocka_unit_test(test_newsletter),
	};

	return cmocka_run_group_tests(tests, shipped_setup, shipped_teardown);
}
