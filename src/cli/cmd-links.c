/*
 * cmd-links.c -- `charta links [REF]`: the links between passages of
 * different works (data/links.tsv) as TSV: from, to, relation, note, with
 * canonical references.  A tab or a line break inside a field shows as
 * "^I" or "^J", so that a line is always one link of four fields.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"

/* One field: sanitized, its tabs and line breaks made visible. */
static void
cmd_links_field(const char *s)
{
	char		*clean = output_clean(s, strlen(s));
	const char	*p;

	for (p = clean; *p != '\0'; p++) {
		if (*p == '\t')
			output_raw("^I", 2);
		else if (*p == '\n')
			output_raw("^J", 2);
		else
			output_raw(p, 1);
	}
	free(clean);
}

static void
cmd_links_ref(const struct corpus *c, uint32_t n)
{
	char	*ref = corpus_node_ref(c, n);

	cmd_links_field(ref);
	free(ref);
}

int
cmd_links_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	struct cite_link	*v = NULL;
	uint32_t		 n;
	size_t			 cnt, k;

	if (ctx->argc == 1) {
		if ((n = cli_resolve(c, ctx->argv[0])) == CORPUS_NONE)
			return EXIT_USAGE;
		cnt = cite_links_of(c, n, true, &v);
	} else
		cnt = c->nlinks;
	for (k = 0; k < cnt; k++) {
		const struct corpus_link	*l = &c->links[v != NULL ?
		    v[k].link : k];

		cmd_links_ref(c, l->from);
		output_raw("\t", 1);
		cmd_links_ref(c, l->to);
		output_raw("\t", 1);
		cmd_links_field(l->relation);
		output_raw("\t", 1);
		cmd_links_field(l->note);
		output_raw("\n", 1);
	}
	free(v);
	return cnt > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
