/*
 * fuzz-query.c -- the query language and the search: query_parse() against
 * a small corpus built in memory, index_build() and index_search(), and
 * query_spans() on a text.
 *
 * Input: a query, then optionally a NUL byte and a text (any bytes).  With
 * no NUL the query's own bytes are the text.  The text is also added to
 * the corpus as a paragraph, so that searches can find it.
 *
 * Invariants:
 *  - query_parse() returns a query and no message, or NULL and a message
 *    that names the column of the problem;
 *  - a search returns the nodes in reading order, exactly those for which
 *    index_node_matches() holds (checked against every node), and counts
 *    that add up;
 *  - when query_narrows(q, p) holds for p a prefix of the query (the user
 *    was typing), searching q within p's result gives q's result;
 *  - query_spans(): sorted, non-overlapping, inside the text, on character
 *    boundaries when the text is valid UTF-8, and at least one span when
 *    the text's node matches a query with a word of two bytes or more.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "index/index.h"
#include "index/query-private.h"
#include "model/corpus.h"
#include "text/text.h"

static const struct {
	const char	*title;		/* a section, or NULL */
	const char	*text;		/* else a paragraph */
} fuzz_alpha[] = {
	{ "Principles of cooperation", NULL },
	{ NULL, "Peace, sovereignty, shared governance and shared "
	    "benefits." },
	{ NULL, "Die Stra\xc3\x9f" "e der Zusammenarbeit; STRASSE; caf\xc3\xa9 "
	    "co\xc3\xb6peration." },
	{ "Goals", NULL },
	{ NULL, "\xe7\xbd\x91\xe7\xbb\x9c\xe7\xa9\xba\xe9\x97\xb4\xe5\x91\xbd"
	    "\xe8\xbf\x90\xe5\x85\xb1\xe5\x90\x8c\xe4\xbd\x93\xe3\x80\x82" },
	{ NULL, "a  phrase\nacross\xc2\xa0lines and -dashes \"quoted\"" },
	/* China’s “Issue Ⅳ” — ＣＨＩＮＡ ﬁrst cyber(soft hyphen)space */
	{ NULL, "China\xe2\x80\x99s \xe2\x80\x9cIssue \xe2\x85\xa3\xe2\x80\x9d "
	    "\xe2\x80\x94 \xef\xbc\xa3\xef\xbc\xa8\xef\xbc\xa9"
	    "\xef\xbc\xae\xef\xbc\xa1 \xef\xac\x81rst cyber\xc2\xadspace" },
};

/* Two documents of one work; the text is a paragraph of the second. */
static struct corpus *
fuzz_corpus(const char *text, size_t len)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 d;
	uint32_t		 root, sec = CORPUS_NONE, a, b;
	size_t			 i;
	char			 label[16];

	memset(&d, 0, sizeof d);
	d.slug = "alpha-2017";
	d.alias = "alpha";
	d.title = "Alpha strategy";
	d.work = "w";
	root = corpus_add_doc(c, &d);
	for (i = 0; i < sizeof fuzz_alpha / sizeof fuzz_alpha[0]; i++) {
		snprintf(label, sizeof label, "%zu", i + 1);
		if (fuzz_alpha[i].title != NULL)
			sec = corpus_add_node(c, root, KIND_PRINCIPLE, label,
			    "", fuzz_alpha[i].title, NULL, 0, 1, (uint32_t)i);
		else
			corpus_add_node(c, sec, KIND_PARAGRAPH, label, "",
			    NULL, fuzz_alpha[i].text,
			    strlen(fuzz_alpha[i].text), 0, (uint32_t)i);
	}
	d.slug = "beta-2019";
	d.alias = "beta";
	d.title = "Beta: shared future";
	root = corpus_add_doc(c, &d);
	sec = corpus_add_node(c, root, KIND_SECTION, "1", "", "Shared future",
	    NULL, 0, 0, 1);
	corpus_add_node(c, sec, KIND_EPIGRAPH, "1.p1", "", NULL,
	    "Caf\xc3\xa9 society", 14, 0, 2);
	corpus_add_node(c, sec, KIND_PARAGRAPH, "1.p2", "", NULL, text, len,
	    0, 3);
	FUZZ_CHECK(corpus_finish(c, &a, &b) == 0);
	return c;
}

static void
fuzz_check_result(const struct corpus *c, const struct index *ix,
    const struct query *q, const struct index_result *r)
{
	size_t		k, blocks = 0, docs = 0, sum = 0;
	uint32_t	i;

	FUZZ_CHECK(r->nblocks + r->nsections == r->n);
	for (k = 0; k < r->n; k++) {
		FUZZ_CHECK(r->nodes[k] < c->nnodes);
		FUZZ_CHECK(k == 0 || r->nodes[k] > r->nodes[k - 1]);
		if (kind_is_block(c->nodes[r->nodes[k]].kind))
			blocks++;
	}
	FUZZ_CHECK(blocks == r->nblocks);
	for (k = 0; k < c->ndocs; k++) {
		sum += r->per_doc[k];
		if (r->per_doc[k] > 0)
			docs++;
	}
	FUZZ_CHECK(sum == r->n && docs == r->ndocs);
	/* Exactly the matching nodes (an empty query matches nothing). */
	for (i = 0, k = 0; i < c->nnodes; i++) {
		bool	in = k < r->n && r->nodes[k] == i;

		if (in)
			k++;
		FUZZ_CHECK(in == (!query_is_empty(q) &&
		    index_node_matches(ix, q, i)));
	}
}

static bool
fuzz_same_result(const struct index_result *x, const struct index_result *y)
{
	return x->n == y->n && (x->n == 0 ||
	    memcmp(x->nodes, y->nodes, x->n * sizeof *x->nodes) == 0);
}

static void
fuzz_check_spans(const struct query *q, const char *s, size_t n,
    bool matched)
{
	struct index_span	*v;
	size_t			 nv, k;
	bool			 utf8 = text_utf8_valid(s, n, NULL, NULL, NULL);

	nv = query_spans(q, s, n, &v);
	FUZZ_CHECK((nv == 0) == (v == NULL));
	for (k = 0; k < nv; k++) {
		FUZZ_CHECK(v[k].start <= v[k].end && v[k].end <= n);
		FUZZ_CHECK(k == 0 || v[k].start > v[k - 1].end);
		if (utf8) {
			FUZZ_CHECK(v[k].start == n ||
			    ((unsigned char)s[v[k].start] & 0xc0) != 0x80);
			FUZZ_CHECK(v[k].end == n ||
			    ((unsigned char)s[v[k].end] & 0xc0) != 0x80);
		}
	}
	/*
	 * Every word of a matching node's text is somewhere in it, and is
	 * marked unless it is a single byte (query_spans() skips those).
	 */
	if (matched) {
		for (k = 0; k < q->npos && q->pos[k].len < 2; k++)
			;
		if (k < q->npos)
			FUZZ_CHECK(nv > 0);
	}
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*s = (const char *)data, *text, *nul;
	struct corpus		*c;
	struct index		*ix;
	struct query		*q, *p;
	struct index_result	 r, rp, rw;
	char			*err = NULL, *desc;
	size_t			 qlen, tlen, cuts[2], k;
	bool			 matched;

	nul = memchr(s, '\0', size);
	qlen = nul != NULL ? (size_t)(nul - s) : size;
	text = nul != NULL ? nul + 1 : s;
	tlen = nul != NULL ? size - qlen - 1 : size;
	if (tlen > CORPUS_MAX_TEXT)
		tlen = CORPUS_MAX_TEXT;

	c = fuzz_corpus(text, tlen);
	q = query_parse(c, s, qlen, &err);
	if (q == NULL) {
		FUZZ_CHECK(err != NULL && strncmp(err, "column ", 7) == 0);
		free(err);
		corpus_free(c);
		return 0;
	}
	FUZZ_CHECK(err == NULL);

	ix = index_build(c);
	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	fuzz_check_result(c, ix, q, &r);
	desc = index_result_describe(&r);
	free(desc);

	/* The same query as it was while being typed. */
	memset(&rp, 0, sizeof rp);
	memset(&rw, 0, sizeof rw);
	cuts[0] = qlen / 2;
	cuts[1] = qlen > 0 ? qlen - 1 : 0;
	for (k = 0; k < 2; k++) {
		p = query_parse(c, s, cuts[k], &err);
		free(err);
		err = NULL;
		if (p != NULL && query_narrows(q, p)) {
			index_search(ix, p, NULL, &rp);
			index_search(ix, q, &rp, &rw);
			FUZZ_CHECK(fuzz_same_result(&rw, &r));
		}
		query_free(p);
	}
	index_result_free(&rp);
	index_result_free(&rw);

	/* The text is the last node. */
	matched = !query_is_empty(q) &&
	    index_node_matches(ix, q, (uint32_t)(c->nnodes - 1));
	fuzz_check_spans(q, text, tlen, matched);

	index_result_free(&r);
	index_free(ix);
	query_free(q);
	corpus_free(c);
	return 0;
}
