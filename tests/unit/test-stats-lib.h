/*
 * test-stats-lib.h -- what the unit tests of the statistics and the
 * concordance share: a small corpus of two translations of one work.
 *
 * Included once by test-stats.c and test-kwic.c (its functions are static).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"

/*
 * Two documents: "alpha" (the title "Alpha Text", a paragraph before the
 * first chapter, chapters I and II) and "beta", of one work, so that each
 * paragraph of one has the other's as its translation.
 */
static const char	*beta_alias = "b";

static struct corpus *
small_corpus(const char *beta_p1)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 d;
	uint32_t		 r, s, x, y;
	const char		*p;

	memset(&d, 0, sizeof d);
	d.slug = "alpha";
	d.alias = "a";
	d.title = "Alpha Text";
	d.work = "w";
	r = corpus_add_doc(c, &d);
	p = "Before the chapters: sovereignty.";
	corpus_add_node(c, r, KIND_PARAGRAPH, "p1", "", NULL, p, strlen(p),
	    0, 1);
	s = corpus_add_node(c, r, KIND_CHAPTER, "I", "one", "Sovereignty",
	    NULL, 0, 0, 2);
	p = "State sovereignty and a shared-future; SOVEREIGNTY of states.";
	corpus_add_node(c, s, KIND_PARAGRAPH, "I.p1", "", NULL, p, strlen(p),
	    0, 3);
	s = corpus_add_node(c, r, KIND_CHAPTER, "II", "two", "Peace", NULL, 0,
	    0, 4);
	p = "A shared future for sovereign states: sovereignties.";
	corpus_add_node(c, s, KIND_PARAGRAPH, "II.p1", "", NULL, p, strlen(p),
	    0, 5);
	d.slug = "beta";
	d.alias = beta_alias;
	d.title = "Beta";
	r = corpus_add_doc(c, &d);
	corpus_add_node(c, r, KIND_PARAGRAPH, "p1", "", NULL, "Nothing here.",
	    13, 0, 1);
	s = corpus_add_node(c, r, KIND_CHAPTER, "I", "one", "Sovereign rights",
	    NULL, 0, 0, 2);
	corpus_add_node(c, s, KIND_PARAGRAPH, "I.p1", "", NULL, beta_p1,
	    strlen(beta_p1), 0, 3);
	assert_int_equal(corpus_finish(c, &x, &y), 0);
	return c;
}
