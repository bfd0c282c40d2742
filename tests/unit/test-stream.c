/*
 * test-stream.c -- the one-shot search, which reads the corpus once as it
 * streams by (search_stream: store_scan and index_stream), finds exactly
 * the nodes index_search finds in the corpus loaded whole and indexed,
 * in the same order, with the same labels and texts: over a list of
 * queries (words, prefixes, phrases across line breaks, OR, groups,
 * negation, doc:, kind:, non-ASCII text), on the shipped corpus ($CHARTA_DB)
 * and on a hostile one written here (typographic and compatibility
 * characters, soft hyphens, CJK, tabs, CRLF, blank runs, backticks, a
 * NUL byte in a text, deep nesting, labels in mixed case) large enough to
 * be read in two parts on two threads.  And a database the loader refuses
 * is not searched by the stream.  The same for `charta stats`
 * (stats_stream), which counts as stats_count counts.  And the reader's
 * filter typed a key at a time: each narrowing search (from where the
 * shorter word first matched) finds what a fresh search finds.
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
#include <unistd.h>

#include "cli/cli.h"
#include "cli/search.h"
#include "cli/stats-stream.h"
#include "index/index.h"
#include "model/corpus.h"
#include "stats/stats.h"
#include "store/store.h"
#include "text/text.h"

static const char *const queries[] = {
	"cyberspace", "governance", "gov", "sovereign*", "cyber*", "the",
	"a", "x", "\"cyberspace governance\"", "\"rule of law\"",
	"\"international community\"*", "\"peace and\"", "china OR un",
	"china | cyberspace", "(privacy OR security) -internet",
	"-governance", "-(a OR e)", "internet -\"cyber space\"",
	"doc:mfa", "doc:un cyberspace", "-doc:mfa sovereignty",
	"doc:mfa doc:un governance", "kind:action", "kind:chapter -kind:action",
	"kind:paragraph internet", "kind:action (data OR information)",
	"-kind:paragraph", "(doc:mfa kind:action) OR \"win-win\"",
	"china's", "china’s", "\"cyber-space\"", "—",
	"coöperation", "cooperation", "straße", "STRASSE", "ﬁnance",
	"finance", "ⅳ", "iv", "chapter iv", "ＣＨＩＮＡ", "网络", "网",
	"空间 OR 网络", "soft­hyphen", "softhyphen", "zero​width",
	"tab separated", "\"line break\"", "crlf", "back`tick", "back'tick",
	"nul", "épée", "ÉPÉE", "deep*", "label", "d1", "kind:section",
	"kind:document", "doc:h1 kind:action", "-doc:h2 -kind:action deep",
	"(alpha OR beta) (gamma OR -delta)", "\"ascii text\"",
	"\"with double spaces\"", "\"and blank lines\"", "\"blanks first\"",
	"\"last\"",
};

/* The shipped documents have these names; the hostile one h1 and h2. */

/* Stream the search of q on db into *found. */
static int
stream(const char *db, const char *q, struct search_found *found)
{
	struct cli_ctx	 ctx;
	char		*argv[1];

	memset(&ctx, 0, sizeof ctx);
	ctx.db_path = db;
	argv[0] = (char *)q;
	ctx.argc = 1;
	ctx.argv = argv;
	return search_stream(&ctx, true, found);
}

/* Is the query one the corpus can parse (doc: names it has)? */
static void
compare_query(const char *db, const struct corpus *c, const struct index *ix,
    const char *qs)
{
	struct search_found	 f;
	struct index_result	 r;
	struct query		*q;
	char			*err = NULL;
	size_t			 k, len;
	const char		*text;

	q = query_parse(c, qs, strlen(qs), &err);
	if (q == NULL || query_is_empty(q)) {
		/* The stream leaves such a query to the whole load. */
		free(err);
		query_free(q);
		assert_int_equal(stream(db, qs, &f), -1);
		return;
	}
	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	if (stream(db, qs, &f) != 0)
		fail_msg("%s: the stream did not search \"%s\"", db, qs);
	if (f.n != r.n)
		fail_msg("%s: \"%s\": the stream finds %zu nodes, the index "
		    "%zu", db, qs, f.n, r.n);
	for (k = 0; k < r.n; k++) {
		const struct corpus_node	*n = &c->nodes[r.nodes[k]];

		if (kind_is_block(n->kind)) {
			text = n->text;
			len = n->text_len;
		} else {
			text = n->title;
			len = strlen(n->title);
		}
		if (f.hits[k].doc != n->doc || f.hits[k].kind != n->kind ||
		    strcmp(f.hits[k].label, n->label) != 0 ||
		    f.hits[k].len != len ||
		    memcmp(f.hits[k].text, text, len) != 0)
			fail_msg("%s: \"%s\": hit %zu is %s:%s in the stream, "
			    "%s:%s in the index", db, qs, k,
			    f.docs->docs[f.hits[k].doc].slug, f.hits[k].label,
			    c->docs[n->doc].slug, n->label);
	}
	index_result_free(&r);
	search_found_free(&f);
	query_free(q);
}

/* Typed a key at a time, as the reader's filter narrows them. */
static const char *const typed[] = {
	"governance", "sovereign*", "china's", "cyber-space", "\"rule of law\"",
	"in -the", "\u7f51\u7edc\u7a7a\u95f4", "stra\u00dfe", "co\u00f6peration",
	"deep*", "\u2163", "doc:mfa cyber", "kind:action data", "tab sep",
};

/*
 * Each prefix of each typed query, searched by narrowing the result of the
 * one before it (where it narrows: index_search_narrowing looks from where
 * the shorter word first matched), finds what a fresh search finds, and
 * where the word first matches is the same.
 */
static void
compare_typing(const char *db, const struct corpus *c, const struct index *ix)
{
	struct index_result	 prev, fresh, narrow;
	struct query		*q, *qprev;
	char			*err, buf[128];
	size_t			 w, len, k;

	for (w = 0; w < sizeof typed / sizeof typed[0]; w++) {
		memset(&prev, 0, sizeof prev);
		qprev = NULL;
		for (len = 1; len <= strlen(typed[w]); len++) {
			memcpy(buf, typed[w], len);
			buf[len] = '\0';
			err = NULL;
			q = query_parse(c, buf, len, &err);
			free(err);
			if (q == NULL || query_is_empty(q)) {
				query_free(q);
				continue;
			}
			memset(&fresh, 0, sizeof fresh);
			memset(&narrow, 0, sizeof narrow);
			index_search(ix, q, NULL, &fresh);
			if (qprev != NULL && query_narrows(q, qprev))
				index_search_narrowing(ix, q, qprev, &prev,
				    &narrow);
			else
				index_search(ix, q, NULL, &narrow);
			if (narrow.n != fresh.n || (fresh.n > 0 &&
			    memcmp(narrow.nodes, fresh.nodes, fresh.n *
			    sizeof *fresh.nodes) != 0))
				fail_msg("%s: \"%s\" typed: %zu nodes narrowed, "
				    "%zu searched", db, buf, narrow.n,
				    fresh.n);
			for (k = 0; fresh.at != NULL && narrow.at != NULL &&
			    k < fresh.n; k++)
				if (fresh.at[k] != UINT32_MAX &&
				    narrow.at[k] != UINT32_MAX &&
				    fresh.at[k] != narrow.at[k])
					fail_msg("%s: \"%s\" typed: node %u at "
					    "%u narrowed, %u searched", db,
					    buf, fresh.nodes[k], narrow.at[k],
					    fresh.at[k]);
			index_result_free(&fresh);
			index_result_free(&prev);
			prev = narrow;
			query_free(qprev);
			qprev = q;
		}
		index_result_free(&prev);
		query_free(qprev);
	}
}

/* Terms for stats: words, prefixes, phrases, folded forms, CJK. */
static const char *const terms[] = {
	"cyberspace", "cyber*", "governance", "chapter iv", "网络",
	"straße", "épée", "deep", "the", "china's",
	"cyber space", "nul",
};

/* Are the two node references the same? */
static void
same_ref(const char *db, const struct corpus *a, uint32_t x,
    const struct corpus *b, uint32_t y, const char *what)
{
	char	*r1 = corpus_node_ref(a, x), *r2 = corpus_node_ref(b, y);

	if (strcmp(r1, r2) != 0 || strcmp(a->nodes[x].title,
	    b->nodes[y].title) != 0)
		fail_msg("%s: %s is %s in the stream, %s loaded", db, what,
		    r1, r2);
	free(r1);
	free(r2);
}

/*
 * stats_stream counts as stats_count counts the corpus loaded whole: the
 * same words, parts, counts and occurrences, naming the same nodes.
 */
static void
compare_stats(const char *db, const struct corpus *c)
{
	struct stats_term	t[sizeof terms / sizeof terms[0]];
	struct stats_counts	k1, k2;
	struct corpus		*named;
	struct cli_ctx		 ctx;
	size_t			 nt = sizeof terms / sizeof terms[0], i;
	char			*err;

	for (i = 0; i < nt; i++)
		assert_int_equal(stats_term_parse(&t[i], terms[i], &err), 0);
	memset(&ctx, 0, sizeof ctx);
	ctx.db_path = db;
	if (stats_stream(&ctx, t, nt, &k1, &named) != 0)
		fail_msg("%s: stats did not stream", db);
	stats_count(&k2, c, t, nt);
	assert_int_equal(k1.words, k2.words);
	assert_int_equal(k1.ndocs, k2.ndocs);
	assert_int_equal(k1.nparts, k2.nparts);
	assert_int_equal(k1.nhits, k2.nhits);
	assert_memory_equal(k1.doc_words, k2.doc_words,
	    k1.ndocs * sizeof *k1.doc_words);
	assert_memory_equal(k1.doc_count, k2.doc_count,
	    nt * k1.ndocs * sizeof *k1.doc_count);
	assert_memory_equal(k1.part_count, k2.part_count,
	    nt * k1.nparts * sizeof *k1.part_count);
	for (i = 0; i < k1.nparts; i++) {
		assert_int_equal(k1.parts[i].doc, k2.parts[i].doc);
		assert_int_equal(k1.parts[i].first, k2.parts[i].first);
		assert_int_equal(k1.parts[i].words, k2.parts[i].words);
		same_ref(db, named, k1.parts[i].node, c, k2.parts[i].node,
		    "a part");
	}
	for (i = 0; i < k1.nhits; i++) {
		assert_int_equal(k1.hits[i].term, k2.hits[i].term);
		assert_int_equal(k1.hits[i].doc, k2.hits[i].doc);
		assert_int_equal(k1.hits[i].part, k2.hits[i].part);
		assert_int_equal(k1.hits[i].pos, k2.hits[i].pos);
		same_ref(db, named, k1.hits[i].node, c, k2.hits[i].node,
		    "an occurrence");
	}
	stats_counts_free(&k1);
	stats_counts_free(&k2);
	corpus_free(named);
	for (i = 0; i < nt; i++)
		stats_term_free(&t[i]);
}

static void
compare_all(const char *db)
{
	struct corpus	*c;
	struct index	*ix;
	char		*err = NULL;
	size_t		 k;

	c = store_load_corpus(db, &err);
	if (c == NULL)
		fail_msg("%s", err);
	ix = index_build(c);
	for (k = 0; k < sizeof queries / sizeof queries[0]; k++)
		compare_query(db, c, ix, queries[k]);
	compare_stats(db, c);
	compare_typing(db, c, ix);
	index_free(ix);
	corpus_free(c);
}

static void
test_shipped(void **state)
{
	const char	*db = getenv("CHARTA_DB");

	(void)state;
	compare_all(db != NULL ? db : "data/corpus.db");
}

/* Texts to put everywhere in the hostile corpus. */
static const char *const hostile_texts[] = {
	"China’s “cyberspace” governance — coöperation and ﬁnance",
	"CHAPTER Ⅳ: ＣＨＩＮＡ and the 网络空间 (网络 is network)",
	"soft\xc2\xadhyphen and zero\xe2\x80\x8bwidth, STRASSE and Straße",
	"tab\tseparated  double  spaces and a\nline\nbreak across",
	"crlf\r\nline, back`tick and ÉPÉE or épée",
	"Plain ASCII text about governance and the rule of law, long enough "
	"to be searched sixteen bytes at a time by the fast paths",
	"alpha gamma", "beta delta", "alpha delta", "win-win cyber-space",
	"deep inside the nesting, deeper still",
	"Plain ASCII  text with  double spaces, and\n\nblank lines, and "
	"nothing else odd in it",
	"  blanks first, and last  ",
};

/* A corpus of ndocs documents of about per nodes each, written to path. */
static void
write_hostile(const char *path, size_t ndocs, size_t per)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 d;
	char			 slug[32], label[64], title[128];
	uint32_t		 root, ch, act, sec, a, b;
	size_t			 i, k, t = 0;
	char			*err = NULL;
	static const char	 nul_text[] = "a nul\0byte inside";

	for (i = 0; i < ndocs; i++) {
		memset(&d, 0, sizeof d);
		snprintf(slug, sizeof slug, "h%zu", i + 1);
		d.slug = slug;
		d.title = i % 2 ? "Épée and ＣＨＩＮＡ" : "A hostile document";
		root = corpus_add_doc(c, &d);
		ch = act = root;
		for (k = 0; k < per; k++) {
			const char	*s = hostile_texts[t++ %
			    (sizeof hostile_texts / sizeof hostile_texts[0])];

			if (k % 50 == 0) {
				snprintf(label, sizeof label, "C%zu", k);
				snprintf(title, sizeof title, "Chapter Ⅳ %zu "
				    "cyber-space", k);
				ch = corpus_add_node(c, root, KIND_CHAPTER,
				    label, "", title, NULL, 0, 0, 0);
				act = ch;
			} else if (k % 10 == 0) {
				snprintf(label, sizeof label, "c%zu.A%zu", k /
				    50, k);
				act = corpus_add_node(c, ch, KIND_ACTION,
				    label, "", s, NULL, 0, 0, 0);
			} else if (k % 10 == 7) {
				/* Nested sections down to the deepest. */
				snprintf(label, sizeof label, "x%zu.d1", k);
				sec = corpus_add_node(c, act, KIND_SECTION,
				    label, "", "deep one", NULL, 0, 0, 0);
				snprintf(label, sizeof label, "x%zu.D2", k);
				sec = corpus_add_node(c, sec, KIND_SECTION,
				    label, "", "Deep two", NULL, 0, 0, 0);
				snprintf(label, sizeof label, "x%zu.p", k);
				corpus_add_node(c, sec, KIND_PARAGRAPH, label,
				    "", "", k % 20 == 7 ? nul_text : s,
				    k % 20 == 7 ? sizeof nul_text - 1 :
				    strlen(s), 0, 0);
			} else {
				snprintf(label, sizeof label, "p%zu", k);
				corpus_add_node(c, act, k % 3 ? KIND_PARAGRAPH :
				    KIND_EPIGRAPH, label, "", "", s, strlen(s),
				    0, 0);
			}
		}
	}
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	if (store_write_corpus(path, c, &err) == -1)
		fail_msg("%s", err);
	corpus_free(c);
}

static void
test_hostile(void **state)
{
	char	path[] = "/tmp/test-stream-XXXXXX";
	char	db[64];
	int	fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd != -1);
	close(fd);
	unlink(path);
	snprintf(db, sizeof db, "%s.db", path);
	/* Small: read in one part. */
	write_hostile(db, 2, 120);
	compare_all(db);
	/* Over STORE_SPLIT_NODES: read in two parts at once. */
	write_hostile(db, 7, STORE_SPLIT_NODES / 6);
	compare_all(db);
	unlink(db);
}

/* A database the loader refuses is never searched by the stream. */
static void
test_refused(void **state)
{
	struct search_found	 f;
	FILE			*fp;

	(void)state;
	fp = fopen("/tmp/test-stream-not-a-db", "w");
	assert_non_null(fp);
	fputs("not a database\n", fp);
	fclose(fp);
	assert_int_equal(stream("/tmp/test-stream-not-a-db", "governance",
	    &f), -1);
	assert_null(f.hits);
	unlink("/tmp/test-stream-not-a-db");
	assert_int_equal(stream("/nonexistent/corpus.db", "governance", &f),
	    -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
