/*
 * stream-check.c -- a test helper, not installed: the one-shot search's
 * stream (search_stream) searches every query of a list on a corpus and
 * finds exactly the nodes index_search finds in the corpus loaded whole,
 * in order; tests/query-oracle.sh runs it on the oracle's queries and
 * corpora, so that the oracle's verdict on `charta search` is a verdict
 * on the stream.
 *
 * Usage: stream-check DB QUERIES
 *
 * QUERIES holds a query a line (lines starting with # are comments);
 * queries the corpus refuses are left out (the stream leaves them to the
 * whole load).  Each disagreement is printed.  Exit status 0, 1 on a
 * disagreement, 2 when the corpus or the list cannot be read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/search.h"
#include "index/index.h"
#include "model/corpus.h"
#include "store/store.h"

/* Does the stream find what the index finds for qs?  Prints if not. */
static int
check(const char *db, const struct corpus *c, const struct index *ix,
    char *qs)
{
	struct search_found	 f;
	struct index_result	 r;
	struct cli_ctx		 ctx;
	struct query		*q;
	char			*err = NULL;
	int			 bad = 0;
	size_t			 k;

	q = query_parse(c, qs, strlen(qs), &err);
	free(err);
	if (q == NULL || query_is_empty(q)) {
		query_free(q);
		return 0;
	}
	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	memset(&ctx, 0, sizeof ctx);
	ctx.db_path = db;
	ctx.argc = 1;
	ctx.argv = &qs;
	if (search_stream(&ctx, true, &f) == -1) {
		printf("%s: not streamed\n", qs);
		bad = 1;
	} else if (f.n != r.n) {
		printf("%s: the stream finds %zu nodes, the index %zu\n", qs,
		    f.n, r.n);
		bad = 1;
	} else
		for (k = 0; k < r.n && !bad; k++)
			if (f.hits[k].doc != c->nodes[r.nodes[k]].doc ||
			    strcmp(f.hits[k].label,
			    c->nodes[r.nodes[k]].label) != 0) {
				printf("%s: hit %zu differs\n", qs, k);
				bad = 1;
			}
	search_found_free(&f);
	index_result_free(&r);
	query_free(q);
	return bad;
}

int
main(int argc, char **argv)
{
	struct corpus	*c;
	struct index	*ix;
	FILE		*fp;
	char		*err = NULL, *line = NULL;
	size_t		 cap = 0, n = 0, bad = 0;
	ssize_t		 len;

	if (argc != 3) {
		fprintf(stderr, "usage: stream-check DB QUERIES\n");
		return 2;
	}
	if ((c = store_load_corpus(argv[1], &err)) == NULL) {
		fprintf(stderr, "stream-check: %s\n", err);
		free(err);
		return 2;
	}
	if ((fp = fopen(argv[2], "r")) == NULL) {
		perror(argv[2]);
		corpus_free(c);
		return 2;
	}
	ix = index_build(c);
	while ((len = getline(&line, &cap, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		n++;
		bad += (size_t)check(argv[1], c, ix, line);
	}
	printf("%zu queries, %zu disagreements\n", n, bad);
	free(line);
	fclose(fp);
	index_free(ix);
	corpus_free(c);
	return bad > 0 ? 1 : 0;
}
