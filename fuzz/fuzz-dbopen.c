/*
 * fuzz-dbopen.c -- a database image through charta's whole defensive open
 * (store_load_corpus_mem(): sqlite3_deserialize(), then the same set-up,
 * limits, time budget, quick_check, schema check and range checks as a
 * file gets), then what the reader builds from a corpus at start-up: the
 * outline fully expanded, the search index and a search, the counterparts
 * of nodes, and the comparison of translations of one work.
 *
 * A hostile image must never crash, hang or leak.  Invariants of a corpus
 * that loaded:
 *  - documents tile the node array; the tree is in preorder (parents
 *    before children, in the same document, sections only), depths within
 *    CORPUS_MAX_DEPTH, sibling links consistent;
 *  - labels, anchors and titles are NUL-free strings, labels within
 *    CORPUS_MAX_LABEL, texts within CORPUS_MAX_TEXT;
 *  - every node's reference resolves back to it; links join two nodes;
 *  - the expanded outline lists every node once, in reading order;
 *  - a search returns nodes in reading order, each a match, and the
 *    outline filtered by it lists its rows in reading order;
 *  - comparison groups cover both sides exactly once.
 * The load is bounded by load.c's per-statement budget, which `make fuzz`
 * compiles as LOAD_BUDGET=1.0 seconds (10 in charta) so that a slow image
 * is a slow unit, not a libFuzzer timeout.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff/compare.h"
#include "fuzz.h"
#include "index/index.h"
#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/outline.h"

/* Work limits per image, so that a large corpus stays a quick unit. */
#define FUZZ_MAX_COUNTERPARTS	256
#define FUZZ_MAX_COMPARES	4

static void
fuzz_check_tree(const struct corpus *c)
{
	const struct corpus_node	*n, *p;
	size_t				 i, d;
	char				*ref;

	for (d = 0; d < c->ndocs; d++) {
		FUZZ_CHECK(c->docs[d].root < c->docs[d].end);
		FUZZ_CHECK(c->docs[d].end <= c->nnodes);
		FUZZ_CHECK(c->docs[d].root ==
		    (d == 0 ? 0 : c->docs[d - 1].end));
		FUZZ_CHECK(c->nodes[c->docs[d].root].kind == KIND_DOCUMENT);
	}
	FUZZ_CHECK(c->ndocs == 0 || c->docs[c->ndocs - 1].end == c->nnodes);
	for (i = 0; i < c->nnodes; i++) {
		n = &c->nodes[i];
		FUZZ_CHECK(n->doc < c->ndocs);
		FUZZ_CHECK(n->kind < KIND__COUNT);
		FUZZ_CHECK(n->label != NULL && n->anchor != NULL &&
		    n->title != NULL && n->text != NULL);
		FUZZ_CHECK(strlen(n->label) <= CORPUS_MAX_LABEL);
		FUZZ_CHECK(n->text_len <= CORPUS_MAX_TEXT);
		if (n->kind == KIND_DOCUMENT) {
			FUZZ_CHECK(n->parent == CORPUS_NONE);
			FUZZ_CHECK(i == c->docs[n->doc].root);
		} else {
			FUZZ_CHECK(n->parent < i);
			p = &c->nodes[n->parent];
			FUZZ_CHECK(p->doc == n->doc);
			FUZZ_CHECK(!kind_is_block(p->kind));
			FUZZ_CHECK(n->depth == p->depth + 1);
			FUZZ_CHECK(n->depth <= CORPUS_MAX_DEPTH);
		}
		if (n->next_sibling != CORPUS_NONE) {
			FUZZ_CHECK(n->next_sibling > i &&
			    n->next_sibling < c->nnodes);
			FUZZ_CHECK(corpus_prev_sibling(c, n->next_sibling) == i);
		}
		if (n->first_child != CORPUS_NONE)
			FUZZ_CHECK(n->first_child == i + 1);
		FUZZ_CHECK(corpus_subtree_end(c, (uint32_t)i) <=
		    c->docs[n->doc].end);
		ref = corpus_node_ref(c, (uint32_t)i);
		FUZZ_CHECK(corpus_resolve(c, ref, strlen(ref)) == i);
		free(ref);
	}
	for (i = 0; i < c->nlinks; i++) {
		FUZZ_CHECK(c->links[i].from < c->nnodes);
		FUZZ_CHECK(c->links[i].to < c->nnodes);
		FUZZ_CHECK(c->links[i].relation != NULL &&
		    c->links[i].note != NULL);
	}
}

/* The table of contents, every section open: each node once, in order. */
static void
fuzz_check_outline(const struct corpus *c)
{
	struct outline	o;
	size_t		i;

	outline_init(&o, c);
	outline_set_all(&o, true);
	outline_rebuild(&o);
	FUZZ_CHECK(o.nrows == c->nnodes);
	for (i = 0; i < o.nrows; i++) {
		FUZZ_CHECK(o.rows[i] == i);
		FUZZ_CHECK(outline_row_of(&o, o.rows[i]) == i);
	}
	if (c->nnodes > 0) {
		outline_select(&o, (uint32_t)(c->nnodes - 1));
		outline_move(&o, -3);
		outline_scroll_to_sel(&o, 5);
		outline_set_all(&o, false);
		outline_rebuild(&o);
		FUZZ_CHECK(o.nrows <= c->nnodes);
	}
	outline_free(&o);
}

static void
fuzz_check_search(const struct corpus *c, const char *q)
{
	struct index		*ix;
	struct query		*qq;
	struct index_result	 r;
	struct outline		 o;
	char			*err = NULL;
	size_t			 k;

	ix = index_build(c);
	qq = query_parse(c, q, strlen(q), &err);
	FUZZ_CHECK(qq != NULL && err == NULL);
	memset(&r, 0, sizeof r);
	index_search(ix, qq, NULL, &r);
	FUZZ_CHECK(r.nblocks + r.nsections == r.n);
	for (k = 0; k < r.n; k++) {
		FUZZ_CHECK(r.nodes[k] < c->nnodes);
		FUZZ_CHECK(k == 0 || r.nodes[k] > r.nodes[k - 1]);
		FUZZ_CHECK(index_node_matches(ix, qq, r.nodes[k]));
	}
	/* The filtered outline: the hits and their ancestors, in order. */
	outline_init(&o, c);
	outline_filter(&o, r.nodes, r.n, index_parents(ix));
	FUZZ_CHECK(o.nrows >= r.n);
	for (k = 1; k < o.nrows; k++)
		FUZZ_CHECK(o.rows[k] > o.rows[k - 1]);
	outline_unfilter(&o);
	outline_free(&o);
	index_result_free(&r);
	query_free(qq);
	index_free(ix);
}

static void
fuzz_check_compare(const struct corpus *c, uint32_t left, uint32_t right)
{
	struct compare	cmp;
	size_t		g, s, next[2] = { 0, 0 };
	char		*t;

	compare_build(&cmp, c, left, right);
	for (g = 0; g < cmp.ngroups; g++) {
		FUZZ_CHECK(cmp.groups[g].count[0] + cmp.groups[g].count[1] >
		    0);
		for (s = 0; s < 2; s++) {
			FUZZ_CHECK(cmp.groups[g].count[s] <= 2);
			FUZZ_CHECK(cmp.groups[g].first[s] == next[s] ||
			    cmp.groups[g].count[s] == 0);
			next[s] += cmp.groups[g].count[s];
			t = compare_group_text(&cmp, g, (int)s);
			free(t);
		}
	}
	FUZZ_CHECK(next[0] == cmp.nparts[0] && next[1] == cmp.nparts[1]);
	compare_free(&cmp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus			*c;
	struct corpus_counterpart	*cp;
	char				*err = NULL, *safe;
	size_t				 i, k, ncp, d, e, ncmp = 0;

	c = store_load_corpus_mem(data, size, "fuzz.db", &err);
	if (c == NULL) {
		/* Refused, with a message naming the file. */
		FUZZ_CHECK(err != NULL && strncmp(err, "fuzz.db: ", 9) == 0);
		safe = text_sanitize(err, strlen(err), TEXT_MODE_TTY, false,
		    NULL);
		free(safe);
		free(err);
		return 0;
	}
	FUZZ_CHECK(err == NULL);
	fuzz_check_tree(c);
	fuzz_check_outline(c);
	fuzz_check_search(c, "the -cyberspace kind:paragraph");
	for (i = 0; i < c->nnodes && i < FUZZ_MAX_COUNTERPARTS; i++) {
		ncp = corpus_counterparts(c, (uint32_t)i, &cp);
		for (k = 0; k < ncp; k++)
			FUZZ_CHECK(cp[k].node < c->nnodes);
		free(cp);
	}
	for (d = 0; d < c->ndocs; d++) {
		for (e = d + 1; e < c->ndocs; e++) {
			if (*c->docs[d].work == '\0' ||
			    strcmp(c->docs[d].work, c->docs[e].work) != 0 ||
			    ncmp++ >= FUZZ_MAX_COMPARES)
				continue;
			fuzz_check_compare(c, c->docs[d].root,
			    c->docs[e].root);
		}
	}
	corpus_free(c);
	return 0;
}
