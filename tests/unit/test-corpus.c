/*
 * test-corpus.c -- unit tests of the in-memory corpus (src/model/corpus.c):
 * building documents by hand, the tree links, subtree ranges, resolving
 * references through the reference index, and the clashes corpus_finish finds.
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

#include "model/corpus.h"
#include "model/kind.h"

#define NONE	CORPUS_NONE

/* The index of the node n points to. */
#define AT(n)	((uint32_t)((n) - c->nodes))

/* Resolve a NUL-terminated reference. */
static uint32_t
resolve(const struct corpus *c, const char *ref)
{
	return corpus_resolve(c, ref, strlen(ref));
}

static uint32_t
add_section(struct corpus *c, uint32_t parent, enum node_kind kind,
    const char *label, const char *anchor, const char *title)
{
	return corpus_add_node(c, parent, kind, label, anchor, title, NULL, 0,
	    0, 0);
}

static uint32_t
add_block(struct corpus *c, uint32_t parent, const char *label,
    const char *text)
{
	return corpus_add_node(c, parent, KIND_PARAGRAPH, label, NULL, NULL,
	    text, strlen(text), 0, 0);
}

/*
 * The test document:
 *
 *  0 mfa (iscc-2017-mfa, alias mfa)
 *  1   p1                     (block before the first heading)
 *  2   I          chapter
 *  3     I.p1
 *  4     I.1      principle
 *  5       I.1.p1
 *  6       I.1.p2
 *  7     I.2      principle
 *  8   IV         chapter
 *  9     IV.5     section
 * 10       IV.5.p1
 * 11       IV.5.p2
 * 12 un (iscc-2017-un, no alias)
 * 13   1          chapter
 * 14     1.p1
 */
struct fixture {
	struct corpus	*c;
	uint32_t	 mfa, p1, ch1, ch1p1, pr1, pr1p1, pr1p2, pr2;
	uint32_t	 ch4, iv5, iv5p1, iv5p2, un, un1, un1p1;
};

static struct fixture	fx;

static int
build(void **state)
{
	struct corpus		*c;
	struct corpus_doc	 m;
	uint32_t		 a, b;

	c = corpus_new();
	memset(&m, 0, sizeof m);
	m.slug = "iscc-2017-mfa";
	m.alias = "mfa";
	m.title = "China's Cooperation Strategy";
	m.short_title = "Strategy";
	m.issuer = "MFA";
	m.date = "2017-03-01";
	m.language = "en";
	m.source = "https://example.org/mfa";
	m.work = "iscc-2017";
	m.kind = "strategy";
	m.file = "data/iscc-2017-mfa.md";
	fx.mfa = corpus_add_doc(c, &m);
	fx.p1 = add_block(c, fx.mfa, "p1", "Preamble.");
	fx.ch1 = add_section(c, fx.mfa, KIND_CHAPTER, "I", "opportunities",
	    "Opportunities");
	fx.ch1p1 = add_block(c, fx.ch1, "I.p1", "First.");
	fx.pr1 = add_section(c, fx.ch1, KIND_PRINCIPLE, "I.1", "peace",
	    "Peace");
	fx.pr1p1 = add_block(c, fx.pr1, "I.1.p1", "Peace one.");
	fx.pr1p2 = add_block(c, fx.pr1, "I.1.p2", "Peace two.");
	fx.pr2 = add_section(c, fx.ch1, KIND_PRINCIPLE, "I.2", NULL,
	    "Sovereignty");
	fx.ch4 = add_section(c, fx.mfa, KIND_CHAPTER, "IV", NULL, "Actions");
	fx.iv5 = add_section(c, fx.ch4, KIND_SECTION, "IV.5", "cyberterror",
	    "Cyberterrorism");
	fx.iv5p1 = add_block(c, fx.iv5, "IV.5.p1", "Five one.");
	fx.iv5p2 = add_block(c, fx.iv5, "IV.5.p2", "Five two.");

	memset(&m, 0, sizeof m);
	m.slug = "iscc-2017-un";
	m.title = "The UN version";
	fx.un = corpus_add_doc(c, &m);
	fx.un1 = add_section(c, fx.un, KIND_CHAPTER, "1", NULL, "One");
	fx.un1p1 = add_block(c, fx.un1, "1.p1", "Un one.");

	a = b = 12345;
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	fx.c = c;
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	corpus_free(fx.c);
	fx.c = NULL;
	return 0;
}

/* ---------------------------------------------------------------- build */

static void
test_indices(void **state)
{
	const struct corpus	*c = fx.c;

	assert_int_equal(fx.mfa, 0);
	assert_int_equal(fx.p1, 1);
	assert_int_equal(fx.ch1, 2);
	assert_int_equal(fx.iv5p2, 11);
	assert_int_equal(fx.un, 12);
	assert_int_equal(fx.un1p1, 14);
	assert_int_equal(c->nnodes, 15);
	assert_int_equal(c->ndocs, 2);
}

static void
test_doc_metadata(void **state)
{
	const struct corpus	*c = fx.c;
	const struct corpus_doc	*d = &c->docs[0], *u = &c->docs[1];

	assert_string_equal(d->slug, "iscc-2017-mfa");
	assert_string_equal(d->alias, "mfa");
	assert_string_equal(d->title, "China's Cooperation Strategy");
	assert_string_equal(d->short_title, "Strategy");
	assert_string_equal(d->issuer, "MFA");
	assert_string_equal(d->date, "2017-03-01");
	assert_string_equal(d->language, "en");
	assert_string_equal(d->source, "https://example.org/mfa");
	assert_string_equal(d->work, "iscc-2017");
	assert_string_equal(d->kind, "strategy");
	assert_string_equal(d->file, "data/iscc-2017-mfa.md");
	assert_int_equal(d->root, 0);
	assert_int_equal(d->end, 12);

	/* NULL fields become "", never NULL. */
	assert_string_equal(u->slug, "iscc-2017-un");
	assert_non_null(u->alias);
	assert_string_equal(u->alias, "");
	assert_string_equal(u->short_title, "");
	assert_string_equal(u->issuer, "");
	assert_string_equal(u->date, "");
	assert_string_equal(u->language, "");
	assert_string_equal(u->source, "");
	assert_string_equal(u->work, "");
	assert_string_equal(u->kind, "");
	assert_string_equal(u->file, "");
	assert_int_equal(u->root, 12);
	assert_int_equal(u->end, 15);
}

static void
test_document_node(void **state)
{
	const struct corpus		*c = fx.c;
	const struct corpus_node	*n = &c->nodes[fx.mfa];

	assert_int_equal(n->kind, KIND_DOCUMENT);
	assert_int_equal(n->depth, 0);
	assert_int_equal(n->doc, 0);
	assert_int_equal(n->parent, NONE);
	assert_int_equal(n->next_sibling, NONE);
	assert_int_equal(corpus_prev_sibling(c, AT(n)), NONE);
	assert_string_equal(n->label, "");
	assert_string_equal(n->anchor, "");
	assert_string_equal(n->title, "China's Cooperation Strategy");
	assert_string_equal(n->text, "");
	assert_int_equal(n->text_len, 0);
	assert_int_equal(n->first_child, fx.p1);
	assert_int_equal(corpus_last_child(c, AT(n)), fx.ch4);
	/* Documents are not siblings of each other. */
	assert_int_equal(c->nodes[fx.un].parent, NONE);
	assert_int_equal(corpus_prev_sibling(c, fx.un), NONE);
	assert_int_equal(c->nodes[fx.un].doc, 1);
	assert_true(corpus_node_is_section(c, fx.mfa));
}

static void
test_tree_links(void **state)
{
	const struct corpus		*c = fx.c;
	const struct corpus_node	*n;

	/* The top level of mfa: p1, I, IV. */
	n = &c->nodes[fx.p1];
	assert_int_equal(n->parent, fx.mfa);
	assert_int_equal(corpus_prev_sibling(c, AT(n)), NONE);
	assert_int_equal(n->next_sibling, fx.ch1);
	assert_int_equal(n->first_child, NONE);
	assert_int_equal(corpus_last_child(c, AT(n)), NONE);
	assert_int_equal(n->depth, 1);

	n = &c->nodes[fx.ch1];
	assert_int_equal(n->parent, fx.mfa);
	assert_int_equal(corpus_prev_sibling(c, AT(n)), fx.p1);
	assert_int_equal(n->next_sibling, fx.ch4);
	assert_int_equal(n->first_child, fx.ch1p1);
	assert_int_equal(corpus_last_child(c, AT(n)), fx.pr2);
	assert_int_equal(n->depth, 1);
	assert_int_equal(n->kind, KIND_CHAPTER);
	assert_string_equal(n->anchor, "opportunities");
	assert_string_equal(n->title, "Opportunities");
	assert_string_equal(n->text, "");

	n = &c->nodes[fx.ch4];
	assert_int_equal(corpus_prev_sibling(c, AT(n)), fx.ch1);
	assert_int_equal(n->next_sibling, NONE);
	assert_int_equal(n->first_child, fx.iv5);
	assert_int_equal(corpus_last_child(c, AT(n)), fx.iv5);
	assert_string_equal(n->anchor, "");

	/* Inside I: I.p1, I.1, I.2. */
	assert_int_equal(c->nodes[fx.ch1p1].next_sibling, fx.pr1);
	assert_int_equal(corpus_prev_sibling(c, fx.pr1), fx.ch1p1);
	assert_int_equal(c->nodes[fx.pr1].next_sibling, fx.pr2);
	assert_int_equal(corpus_prev_sibling(c, fx.pr2), fx.pr1);
	assert_int_equal(c->nodes[fx.pr2].next_sibling, NONE);
	assert_int_equal(c->nodes[fx.pr2].first_child, NONE);
	assert_int_equal(corpus_last_child(c, fx.pr2), NONE);

	/* Depths follow the nesting. */
	assert_int_equal(c->nodes[fx.pr1].depth, 2);
	assert_int_equal(c->nodes[fx.pr1p1].depth, 3);
	assert_int_equal(c->nodes[fx.iv5p2].depth, 3);
	assert_int_equal(c->nodes[fx.un1p1].depth, 2);

	/* Blocks. */
	n = &c->nodes[fx.pr1p2];
	assert_int_equal(n->kind, KIND_PARAGRAPH);
	assert_int_equal(n->parent, fx.pr1);
	assert_int_equal(corpus_prev_sibling(c, AT(n)), fx.pr1p1);
	assert_int_equal(n->next_sibling, NONE);
	assert_string_equal(n->text, "Peace two.");
	assert_int_equal(n->text_len, strlen("Peace two."));
	assert_string_equal(n->title, "");
	assert_false(corpus_node_is_section(c, fx.pr1p2));
	assert_true(corpus_node_is_section(c, fx.pr1));

	/* Every node knows its document. */
	assert_int_equal(c->nodes[fx.iv5p2].doc, 0);
	assert_int_equal(c->nodes[fx.un1].doc, 1);
	assert_int_equal(c->nodes[fx.un1p1].doc, 1);
}

static void
test_page_and_line(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "d", .title = "D" };
	uint32_t		 r, s, a, b;

	r = corpus_add_doc(c, &m);
	s = corpus_add_node(c, r, KIND_SECTION, "1", "x", "X", NULL, 0, 17,
	    42);
	assert_int_equal(c->nodes[s].page, 17);
	assert_int_equal(c->nodes[s].line, 42);
	/* A length of 0 with text, and text NULL with a length, are empty. */
	s = corpus_add_node(c, s, KIND_PARAGRAPH, "1.p1", NULL, NULL, "abc", 0,
	    -3, UINT32_MAX - 1);
	assert_string_equal(c->nodes[s].text, "");
	assert_int_equal(c->nodes[s].text_len, 0);
	assert_int_equal(c->nodes[s].page, -3);
	assert_int_equal(c->nodes[s].line, UINT32_MAX - 1);
	s = corpus_add_node(c, r, KIND_PARAGRAPH, "p2", NULL, NULL, NULL, 5, 0,
	    0);
	assert_string_equal(c->nodes[s].text, "");
	assert_int_equal(c->nodes[s].text_len, 0);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	corpus_free(c);
}

static void
test_strings_are_copied(void **state)
{
	struct corpus		*c = corpus_new();
	char			 slug[] = "doc", title[] = "Title";
	char			 label[] = "L1", text[] = "a\0b\0c";
	struct corpus_doc	 m = { .slug = slug, .title = title };
	uint32_t		 r, s, a, b;

	r = corpus_add_doc(c, &m);
	s = corpus_add_node(c, r, KIND_PARAGRAPH, label, NULL, NULL, text,
	    sizeof text - 1, 0, 0);
	memset(slug, 'x', sizeof slug - 1);
	memset(title, 'x', sizeof title - 1);
	memset(label, 'x', sizeof label - 1);
	memset(text, 'x', sizeof text - 1);
	assert_string_equal(c->docs[0].slug, "doc");
	assert_string_equal(c->docs[0].title, "Title");
	assert_string_equal(c->nodes[r].title, "Title");
	assert_string_equal(c->nodes[s].label, "L1");
	/* Text keeps its exact bytes, NULs included, and is terminated. */
	assert_int_equal(c->nodes[s].text_len, 5);
	assert_memory_equal(c->nodes[s].text, "a\0b\0c", 6);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(resolve(c, "DOC:l1"), s);
	corpus_free(c);
}

static void
test_big_strings(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "big", .title = "Big" };
	size_t			 n = 600 * 1024, i;
	char			*big = malloc(n);
	uint32_t		 r, s1, s2, s3, a, b;

	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	r = corpus_add_doc(c, &m);
	s1 = add_block(c, r, "p1", "small before");
	s2 = corpus_add_node(c, r, KIND_PARAGRAPH, "p2", NULL, NULL, big, n,
	    0, 0);
	s3 = add_block(c, r, "p3", "small after");
	assert_string_equal(c->nodes[s1].text, "small before");
	assert_int_equal(c->nodes[s2].text_len, n);
	assert_memory_equal(c->nodes[s2].text, big, n);
	assert_int_equal(c->nodes[s2].text[n], '\0');
	assert_string_equal(c->nodes[s3].text, "small after");
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	free(big);
	corpus_free(c);
}

/* ---------------------------------------------------------- subtree end */

static void
test_subtree_end(void **state)
{
	const struct corpus	*c = fx.c;

	/* A document's subtree is its range. */
	assert_int_equal(corpus_subtree_end(c, fx.mfa), 12);
	assert_int_equal(corpus_subtree_end(c, fx.un), 15);
	/* A node with a next sibling ends there. */
	assert_int_equal(corpus_subtree_end(c, fx.p1), fx.ch1);
	assert_int_equal(corpus_subtree_end(c, fx.ch1), fx.ch4);
	assert_int_equal(corpus_subtree_end(c, fx.pr1), fx.pr2);
	assert_int_equal(corpus_subtree_end(c, fx.pr1p1), fx.pr1p2);
	/* The last child ends where an ancestor's next sibling starts. */
	assert_int_equal(corpus_subtree_end(c, fx.pr1p2), fx.pr2);
	assert_int_equal(corpus_subtree_end(c, fx.pr2), fx.ch4);
	/* ... or at the end of the document, not the corpus. */
	assert_int_equal(corpus_subtree_end(c, fx.ch4), 12);
	assert_int_equal(corpus_subtree_end(c, fx.iv5), 12);
	assert_int_equal(corpus_subtree_end(c, fx.iv5p2), 12);
	assert_int_equal(corpus_subtree_end(c, fx.un1p1), 15);
}

/* -------------------------------------------------------------- resolve */

static void
test_resolve_docs(void **state)
{
	const struct corpus	*c = fx.c;

	assert_int_equal(resolve(c, "iscc-2017-mfa"), fx.mfa);
	assert_int_equal(resolve(c, "mfa"), fx.mfa);
	assert_int_equal(resolve(c, "MFA"), fx.mfa);
	assert_int_equal(resolve(c, "ISCC-2017-Mfa"), fx.mfa);
	assert_int_equal(resolve(c, "iscc-2017-un"), fx.un);
	/* A trailing colon names the document itself. */
	assert_int_equal(resolve(c, "mfa:"), fx.mfa);
	assert_int_equal(resolve(c, "iscc-2017-un:"), fx.un);
	/* Prefixes and extensions of a name are not the name. */
	assert_int_equal(resolve(c, "mf"), NONE);
	assert_int_equal(resolve(c, "mfaa"), NONE);
	assert_int_equal(resolve(c, "iscc-2017"), NONE);
	assert_int_equal(resolve(c, "nope"), NONE);
	assert_int_equal(resolve(c, "nope:IV.5"), NONE);
	assert_int_equal(resolve(c, ""), NONE);
	assert_int_equal(resolve(c, ":"), NONE);
	assert_int_equal(resolve(c, ":IV.5"), NONE);
	/* A document without an alias is not found by the empty alias. */
	assert_int_equal(corpus_find_doc(c, "", 0), NONE);
	assert_int_equal(corpus_find_doc(c, "mfa", 3), 0);
	assert_int_equal(corpus_find_doc(c, "iscc-2017-un", 12), 1);
	/* Only len bytes count. */
	assert_int_equal(corpus_find_doc(c, "mfa:IV", 3), 0);
	assert_int_equal(corpus_resolve(c, "mfa:IV.5.p2", 6), fx.ch4);
	assert_int_equal(corpus_resolve(c, "mfaXYZ", 3), fx.mfa);
}

static void
test_resolve_labels(void **state)
{
	const struct corpus	*c = fx.c;

	assert_int_equal(resolve(c, "iscc-2017-mfa:IV.5"), fx.iv5);
	assert_int_equal(resolve(c, "mfa:IV.5"), fx.iv5);
	assert_int_equal(resolve(c, "MFA:iv.5"), fx.iv5);
	assert_int_equal(resolve(c, "Iscc-2017-MFA:iV.5"), fx.iv5);
	assert_int_equal(resolve(c, "mfa:IV"), fx.ch4);
	assert_int_equal(resolve(c, "mfa:I"), fx.ch1);
	assert_int_equal(resolve(c, "mfa:I.1"), fx.pr1);
	assert_int_equal(resolve(c, "mfa:I.2"), fx.pr2);
	assert_int_equal(resolve(c, "mfa:p1"), fx.p1);
	assert_int_equal(resolve(c, "mfa:P1"), fx.p1);
	assert_int_equal(resolve(c, "mfa:I.p1"), fx.ch1p1);
	assert_int_equal(resolve(c, "mfa:I.1.p2"), fx.pr1p2);
	/* Labels with paragraphs. */
	assert_int_equal(resolve(c, "mfa:IV.5.p1"), fx.iv5p1);
	assert_int_equal(resolve(c, "mfa:IV.5.p2"), fx.iv5p2);
	assert_int_equal(resolve(c, "MFA:iv.5.P2"), fx.iv5p2);
	assert_int_equal(resolve(c, "iscc-2017-un:1"), fx.un1);
	assert_int_equal(resolve(c, "iscc-2017-un:1.p1"), fx.un1p1);

	/* Unknown labels. */
	assert_int_equal(resolve(c, "mfa:IV.6"), NONE);
	assert_int_equal(resolve(c, "mfa:IV.5.p3"), NONE);
	assert_int_equal(resolve(c, "mfa:IV.5."), NONE);
	assert_int_equal(resolve(c, "mfa:IV."), NONE);
	assert_int_equal(resolve(c, "mfa:IV.5 "), NONE);
	assert_int_equal(resolve(c, "mfa: IV.5"), NONE);
	assert_int_equal(resolve(c, "mfa:IV.5:p2"), NONE);
	assert_int_equal(resolve(c, "mfa:opportunities"), NONE);
	/* A label of another document is not found in this one. */
	assert_int_equal(resolve(c, "mfa:1"), NONE);
	assert_int_equal(resolve(c, "mfa:1.p1"), NONE);
	assert_int_equal(resolve(c, "iscc-2017-un:IV.5"), NONE);
	assert_int_equal(resolve(c, "iscc-2017-un:p1"), NONE);
	/* A label with a NUL byte inside is not a shorter label. */
	assert_int_equal(corpus_resolve(c, "mfa:IV\0.5", 9), NONE);
	assert_int_equal(corpus_resolve(c, "mfa:IV\0", 7), NONE);
}

static void
test_node_ref(void **state)
{
	const struct corpus	*c = fx.c;
	char			*s;

	s = corpus_node_ref(c, fx.mfa);
	assert_string_equal(s, "iscc-2017-mfa");
	free(s);
	s = corpus_node_ref(c, fx.iv5);
	assert_string_equal(s, "iscc-2017-mfa:IV.5");
	free(s);
	s = corpus_node_ref(c, fx.iv5p2);
	assert_string_equal(s, "iscc-2017-mfa:IV.5.p2");
	free(s);
	s = corpus_node_ref(c, fx.un);
	assert_string_equal(s, "iscc-2017-un");
	free(s);
	s = corpus_node_ref(c, fx.un1p1);
	assert_string_equal(s, "iscc-2017-un:1.p1");
	free(s);
}

/* The canonical reference of every node resolves back to that node. */
static void
test_ref_round_trip(void **state)
{
	const struct corpus	*c = fx.c;
	uint32_t		 i;
	char			*s;

	for (i = 0; i < c->nnodes; i++) {
		s = corpus_node_ref(c, i);
		assert_int_equal(resolve(c, s), i);
		free(s);
	}
}

static void
test_resolve_before_finish(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "d", .title = "D" };
	uint32_t		 r, a, b;

	assert_int_equal(resolve(c, "d"), NONE);
	assert_int_equal(resolve(c, "d:1"), NONE);
	r = corpus_add_doc(c, &m);
	add_section(c, r, KIND_SECTION, "1", NULL, "One");
	/* No index yet: documents resolve, labels do not (and no crash). */
	assert_int_equal(resolve(c, "d"), r);
	assert_int_equal(resolve(c, "d:1"), NONE);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(resolve(c, "d:1"), 1);
	corpus_free(c);
}

/* An empty corpus finishes and resolves nothing. */
static void
test_empty_corpus(void **state)
{
	struct corpus	*c = corpus_new();
	uint32_t	 a, b;

	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(resolve(c, "x"), NONE);
	assert_int_equal(resolve(c, "x:1"), NONE);
	assert_int_equal(c->nnodes, 0);
	assert_int_equal(c->ndocs, 0);
	corpus_free(c);
}

static void
test_free_null(void **state)
{
	corpus_free(NULL);
}

/* -------------------------------------------------------------- clashes */

static void
test_duplicate_label(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "d", .title = "D" };
	uint32_t		 r, s1, s2, a = 0, b = 0;

	r = corpus_add_doc(c, &m);
	s1 = add_section(c, r, KIND_CHAPTER, "IV.5", NULL, "One");
	add_block(c, s1, "IV.5.p1", "x");
	add_section(c, r, KIND_CHAPTER, "V", NULL, "Two");
	s2 = add_section(c, r, KIND_CHAPTER, "iv.5", NULL, "Three");
	assert_int_equal(corpus_finish(c, &a, &b), -1);
	/* Both nodes, the first one first; case does not tell them apart. */
	assert_int_equal(a, s1);
	assert_int_equal(b, s2);
	corpus_free(c);
}

static void
test_duplicate_block_label(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "d", .title = "D" };
	uint32_t		 r, p1, s, p2, a = 0, b = 0;

	r = corpus_add_doc(c, &m);
	p1 = add_block(c, r, "p1", "x");
	s = add_section(c, r, KIND_SECTION, "1", NULL, "One");
	p2 = add_block(c, s, "p1", "y");
	assert_int_equal(corpus_finish(c, &a, &b), -1);
	assert_int_equal(a, p1);
	assert_int_equal(b, p2);
	corpus_free(c);
}

/*
 * In a document of thousands of nodes, with several labels repeated: the
 * clash reported is the one whose second node comes first, paired with the
 * first node of that label; nodes of other documents never clash.
 */
static void
test_first_clash_of_many(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "a", .title = "A" };
	char			 label[32];
	uint32_t		 r, i, n700 = 0, second = 0, a = 0, b = 0;

	r = corpus_add_doc(c, &m);
	for (i = 0; i < 3000; i++) {
		snprintf(label, sizeof label, "n%u", i);
		if (i == 2500)
			snprintf(label, sizeof label, "N3");
		if (i == 1500 || i == 2000)
			snprintf(label, sizeof label, "n700");
		if (i == 1500)
			second = (uint32_t)c->nnodes;
		if (i == 700)
			n700 = (uint32_t)c->nnodes;
		add_block(c, r, label, "x");
	}
	m.slug = "b";
	r = corpus_add_doc(c, &m);
	add_block(c, r, "n1", "x");
	assert_int_equal(corpus_finish(c, &a, &b), -1);
	assert_int_equal(a, n700);
	assert_int_equal(b, second);
	corpus_free(c);
}

/*
 * Build documents first..last-1 of a small set into c: each a section with
 * two paragraphs, labels repeated across documents.  With clash, the last
 * document repeats a label.
 */
static void
add_docs(struct corpus *c, int first, int last, bool clash)
{
	char			 slug[16];
	struct corpus_doc	 m = { .slug = slug, .title = "T" };
	uint32_t		 r, s;
	int			 d;

	for (d = first; d < last; d++) {
		snprintf(slug, sizeof slug, "d%d", d);
		r = corpus_add_doc(c, &m);
		s = add_section(c, r, KIND_CHAPTER, "I", "one", "One");
		add_block(c, s, "I.p1", slug);
		add_block(c, s, clash && d == last - 1 ? "i" : "I.p2", "y");
	}
}

/* Two halves built apart and appended are the corpus built in one. */
static void
test_append(void **state)
{
	struct corpus	*whole = corpus_new(), *c = corpus_new();
	struct corpus	*part = corpus_new();
	uint32_t	 a, b, i;
	char		 ref[32];

	add_docs(whole, 0, 7, false);
	add_docs(c, 0, 3, false);
	add_docs(part, 3, 7, false);
	corpus_reserve(part, 1000);
	corpus_append(c, part);
	assert_int_equal(corpus_finish(whole, &a, &b), 0);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(c->ndocs, whole->ndocs);
	assert_int_equal(c->nnodes, whole->nnodes);
	for (i = 0; i < c->nnodes; i++) {
		assert_int_equal(c->nodes[i].parent, whole->nodes[i].parent);
		assert_int_equal(c->nodes[i].first_child,
		    whole->nodes[i].first_child);
		assert_int_equal(c->nodes[i].next_sibling,
		    whole->nodes[i].next_sibling);
		assert_int_equal(c->nodes[i].doc, whole->nodes[i].doc);
		assert_string_equal(c->nodes[i].label, whole->nodes[i].label);
		assert_string_equal(c->nodes[i].text, whole->nodes[i].text);
	}
	for (i = 0; i < c->ndocs; i++) {
		assert_string_equal(c->docs[i].slug, whole->docs[i].slug);
		assert_int_equal(c->docs[i].root, whole->docs[i].root);
		assert_int_equal(c->docs[i].end, whole->docs[i].end);
		snprintf(ref, sizeof ref, "d%u:i.P2", i);
		assert_int_equal(resolve(c, ref), whole->docs[i].root + 3);
		snprintf(ref, sizeof ref, "d%u", i);
		assert_int_equal(resolve(c, ref), whole->docs[i].root);
	}
	assert_int_equal(resolve(c, "d6:I.p3"), CORPUS_NONE);
	corpus_free(whole);
	corpus_free(c);

	/* A clash in the appended half names its nodes in the whole. */
	c = corpus_new();
	part = corpus_new();
	add_docs(c, 0, 3, false);
	add_docs(part, 3, 5, true);
	corpus_append(c, part);
	assert_int_equal(corpus_finish(c, &a, &b), -1);
	assert_int_equal(a, c->docs[4].root + 1);
	assert_int_equal(b, c->docs[4].root + 3);
	corpus_free(c);
}

/* The same label in two documents is no clash. */
static void
test_same_label_two_docs(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .slug = "a", .title = "A" };
	uint32_t		 r1, r2, s1, s2, a, b;

	r1 = corpus_add_doc(c, &m);
	s1 = add_section(c, r1, KIND_SECTION, "1", NULL, "One");
	m.slug = "b";
	r2 = corpus_add_doc(c, &m);
	s2 = add_section(c, r2, KIND_SECTION, "1", NULL, "One");
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(resolve(c, "a:1"), s1);
	assert_int_equal(resolve(c, "b:1"), s2);
	assert_int_equal(resolve(c, "a"), r1);
	assert_int_equal(resolve(c, "b"), r2);
	corpus_free(c);
}

/* Two documents named alike: expect a clash between roots r1 and r2. */
static void
expect_doc_clash(const char *slug1, const char *alias1, const char *slug2,
    const char *alias2)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .title = "T" };
	uint32_t		 r0, r1, r2, a = 0, b = 0;

	m.slug = "other";
	m.alias = "oth";
	r0 = corpus_add_doc(c, &m);
	add_block(c, r0, "p1", "x");
	m.slug = slug1;
	m.alias = alias1;
	r1 = corpus_add_doc(c, &m);
	add_block(c, r1, "p1", "x");
	m.slug = slug2;
	m.alias = alias2;
	r2 = corpus_add_doc(c, &m);
	add_block(c, r2, "p1", "x");
	if (corpus_finish(c, &a, &b) != -1) {
		fprintf(stderr, "no clash: %s/%s vs %s/%s\n", slug1,
		    alias1 ? alias1 : "-", slug2, alias2 ? alias2 : "-");
		fail();
	}
	assert_int_equal(a, r1);
	assert_int_equal(b, r2);
	corpus_free(c);
}

static void
expect_no_doc_clash(const char *slug1, const char *alias1, const char *slug2,
    const char *alias2)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .title = "T" };
	uint32_t		 r1, r2, a, b;

	m.slug = slug1;
	m.alias = alias1;
	r1 = corpus_add_doc(c, &m);
	m.slug = slug2;
	m.alias = alias2;
	r2 = corpus_add_doc(c, &m);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(resolve(c, slug1), r1);
	assert_int_equal(resolve(c, slug2), r2);
	if (alias1 != NULL && *alias1 != '\0')
		assert_int_equal(resolve(c, alias1), r1);
	if (alias2 != NULL && *alias2 != '\0')
		assert_int_equal(resolve(c, alias2), r2);
	corpus_free(c);
}

static void
test_doc_clashes(void **state)
{
	expect_doc_clash("mfa", NULL, "mfa", NULL);
	expect_doc_clash("mfa", NULL, "MFA", NULL);
	expect_doc_clash("iscc-2017-mfa", "mfa", "mfa", NULL);
	expect_doc_clash("mfa", NULL, "iscc-2017-mfa", "mfa");
	expect_doc_clash("iscc-2017-mfa", "mfa", "iscc-2017-un", "MFA");
	expect_doc_clash("a", "b", "b", "a");
	expect_doc_clash("a", "", "a", "");

	expect_no_doc_clash("a", NULL, "b", NULL);
	expect_no_doc_clash("a", "", "b", "");
	expect_no_doc_clash("a", "x", "b", "y");
	expect_no_doc_clash("a", "", "b", "c");
	expect_no_doc_clash("ab", NULL, "a", "abc");
}

/* ------------------------------------------------------------------ big */

/*
 * 100,000 nodes in two documents: every label resolves (through the index:
 * a scan per lookup would be 10^10 comparisons and never finish).
 */
static void
test_large_corpus(void **state)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m = { .title = "Big" };
	char			 label[64], ref[96];
	uint32_t		 r, s, i, k, a, b;
	size_t			 n;
	int			 d;

	for (d = 0; d < 2; d++) {
		m.slug = d == 0 ? "big-one" : "big-two";
		m.alias = d == 0 ? "b1" : "b2";
		r = corpus_add_doc(c, &m);
		for (i = 1; i <= 500; i++) {
			snprintf(label, sizeof label, "S%u", i);
			s = add_section(c, r, KIND_SECTION, label, NULL, label);
			for (k = 1; k <= 99; k++) {
				snprintf(label, sizeof label, "S%u.p%u", i, k);
				add_block(c, s, label, "text");
			}
		}
	}
	assert_int_equal(c->nnodes, 100002);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	for (i = 0; i < c->nnodes; i++) {
		const struct corpus_node	*nd = &c->nodes[i];

		if (nd->kind == KIND_DOCUMENT)
			continue;
		n = (size_t)snprintf(ref, sizeof ref, "%s:%s",
		    i % 2 ? c->docs[nd->doc].alias : c->docs[nd->doc].slug,
		    nd->label);
		/* Upper-case every third reference. */
		if (i % 3 == 0)
			for (k = 0; k < n; k++)
				if (ref[k] >= 'a' && ref[k] <= 'z')
					ref[k] -= 'a' - 'A';
		if (corpus_resolve(c, ref, n) != i) {
			fprintf(stderr, "%s does not resolve to %u\n", ref, i);
			fail();
		}
	}
	assert_int_equal(resolve(c, "b1:S500.p100"), NONE);
	assert_int_equal(resolve(c, "b2:S501"), NONE);
	corpus_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_indices, build, teardown),
		cmocka_unit_test_setup_teardown(test_doc_metadata, build,
		    teardown),
		cmocka_unit_test_setup_teardown(test_document_node, build,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tree_links, build,
		    teardown),
		cmocka_unit_test(test_page_and_line),
		cmocka_unit_test(test_strings_are_copied),
		cmocka_unit_test(test_big_strings),
		cmocka_unit_test_setup_teardown(test_subtree_end, build,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resolve_docs, build,
		    teardown),
		cmocka_unit_test_setup_teardown(test_resolve_labels, build,
		    teardown),
		cmocka_unit_test_setup_teardown(test_node_ref, build,
		    teardown),
		cmocka_unit_test_setup_teardown(test_ref_round_trip, build,
		    teardown),
		cmocka_unit_test(test_resolve_before_finish),
		cmocka_unit_test(test_empty_corpus),
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_duplicate_label),
		cmocka_unit_test(test_duplicate_block_label),
		cmocka_unit_test(test_first_clash_of_many),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_same_label_two_docs),
		cmocka_unit_test(test_doc_clashes),
		cmocka_unit_test(test_large_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
