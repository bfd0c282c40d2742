/*
 * cmd-search.c -- `charta search QUERY...`: every node that matches, as
 * "REF: text", one a line, with the hits in colour on a terminal; or, with
 * --count, how many match in each document.  Grep's exit statuses: 0 found,
 * 1 nothing found, 2 error.  Same query language and matcher as the
 * reader's filter (index.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "index/index.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define SGR_HIT		"\033[1;31m"
#define SGR_OFF		"\033[m"

/* Print one match: its reference, then its text on one line. */
static void
cmd_search_print(const struct corpus *c, const struct query *q,
    uint32_t i)
{
	const struct corpus_node	*n = &c->nodes[i];
	char				*ref, *text, *p;
	struct index_span		*spans;
	size_t				 nspans, k, at = 0, len;

	ref = corpus_node_ref(c, i);
	output_str(ref);
	output_raw(": ", 2);
	free(ref);
	if (kind_is_block(n->kind))
		text = output_clean(n->text, n->text_len);
	else
		text = output_clean(n->title, strlen(n->title));
	/* One match, one line. */
	for (p = text; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	len = strlen(text);
	nspans = output_color() ? query_spans(q, text, len, &spans) : 0;
	for (k = 0; k < nspans; k++) {
		output_raw(text + at, spans[k].start - at);
		output_raw(SGR_HIT, strlen(SGR_HIT));
		output_raw(text + spans[k].start, spans[k].end -
		    spans[k].start);
		output_raw(SGR_OFF, strlen(SGR_OFF));
		at = spans[k].end;
	}
	output_raw(text + at, len - at);
	output_raw("\n", 1);
	if (nspans > 0)
		free(spans);
	free(text);
}

static void
cmd_search_count(const struct corpus *c, const struct index_result *r)
{
	size_t	 d, k, *blocks, *sections;
	char	*counts, *line;

	blocks = xcalloc(c->ndocs + 1, sizeof *blocks);
	sections = xcalloc(c->ndocs + 1, sizeof *sections);
	for (k = 0; k < r->n; k++) {
		const struct corpus_node	*n = &c->nodes[r->nodes[k]];

		if (kind_is_block(n->kind))
			blocks[n->doc]++;
		else
			sections[n->doc]++;
	}
	for (d = 0; d < c->ndocs; d++) {
		if (r->per_doc[d] == 0)
			continue;
		output_str(c->docs[d].slug);
		counts = index_describe_counts(blocks[d], sections[d]);
		line = xasprintf(": %s\n", counts);
		output_raw(line, strlen(line));
		free(line);
		free(counts);
	}
	counts = index_result_describe(r);
	/* TRANSLATORS: the last line of search --count */
	line = xasprintf(_("total: %s\n"), counts);
	output_raw(line, strlen(line));
	free(line);
	free(counts);
	free(blocks);
	free(sections);
}

int
cmd_search_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	struct text_buf		 qs;
	struct query		*q;
	struct index		*ix;
	struct index_result	 r;
	char			*err;
	int			 i;
	size_t			 k;

	text_buf_init(&qs);
	for (i = 0; i < ctx->argc; i++) {
		if (i > 0)
			text_buf_addc(&qs, ' ');
		text_buf_puts(&qs, ctx->argv[i]);
	}
	q = query_parse(c, qs.data, qs.len, &err);
	text_buf_free(&qs);
	if (q == NULL) {
		output_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	if (query_is_empty(q)) {
		output_error("%s", _("empty query"));
		query_free(q);
		return EXIT_USAGE;
	}
	ix = index_build(c);
	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	if (ctx->count)
		cmd_search_count(c, &r);
	else
		for (k = 0; k < r.n; k++)
			cmd_search_print(c, q, r.nodes[k]);
	k = r.n;
	index_result_free(&r);
	index_free(ix);
	query_free(q);
	return k > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
