/*
 * query-dump.c -- a test helper, not installed: every node of a corpus as
 * one line of tab-separated fields, for the query oracle
 * (tests/query-oracle.py) to search on its own.
 *
 * Usage: query-dump DB
 *
 * Fields: the node's reference, its kind, the kinds of its ancestors from
 * the document down (comma-separated, "-" for none), its document's slug
 * and alias, "block" or "section", and the text a search looks in (a
 * block's text, a section's title) with backslash, tab, line feed and
 * carriage return written \\, \t, \n and \r.  Exit status 0, or 2 when the
 * corpus cannot be loaded.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "store/store.h"

/* Write s[0..n) with the four escapes. */
static void
dump_text(const char *s, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++) {
		switch (s[k]) {
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\r':
			fputs("\\r", stdout);
			break;
		default:
			putchar(s[k]);
		}
	}
}

int
main(int argc, char **argv)
{
	struct corpus			*c;
	const struct corpus_node	*n;
	char				*err = NULL, *ref;
	uint32_t			 i, up, chain[CORPUS_MAX_DEPTH + 1];
	size_t				 depth, k;

	if (argc != 2) {
		fprintf(stderr, "usage: query-dump DB\n");
		return 2;
	}
	c = store_load_corpus(argv[1], &err);
	if (c == NULL) {
		fprintf(stderr, "query-dump: %s\n", err);
		free(err);
		return 2;
	}
	for (i = 0; i < c->nnodes; i++) {
		n = &c->nodes[i];
		ref = corpus_node_ref(c, i);
		printf("%s\t%s\t", ref, kind_name(n->kind));
		free(ref);
		depth = 0;
		for (up = n->parent; up != CORPUS_NONE && depth <
		    CORPUS_MAX_DEPTH + 1; up = c->nodes[up].parent)
			chain[depth++] = up;
		if (depth == 0)
			putchar('-');
		for (k = depth; k > 0; k--)
			printf("%s%s", k < depth ? "," : "",
			    kind_name(c->nodes[chain[k - 1]].kind));
		printf("\t%s\t%s\t%s\t", c->docs[n->doc].slug,
		    c->docs[n->doc].alias, kind_is_block(n->kind) ? "block" :
		    "section");
		if (kind_is_block(n->kind))
			dump_text(n->text, n->text_len);
		else
			dump_text(n->title, strlen(n->title));
		putchar('\n');
	}
	corpus_free(c);
	return ferror(stdout) ? 2 : 0;
}
