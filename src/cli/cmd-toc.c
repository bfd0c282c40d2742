/*
 * cmd-toc.c -- `charta toc [REF]`: the sections of a document (or of all
 * documents, or under one section) as an indented tree of labels and
 * titles.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"

/* Two columns per level below the node the listing starts at. */
static size_t
cmd_toc_indent(const struct corpus_node *n, uint16_t base)
{
	return 2u * (size_t)(n->depth - base + (base == 0 ? 0 : 1));
}

/*
 * Print s (a label or a title) on the current line, its line feeds shown
 * as spaces, and return its width; if print is false, only measure it.
 * A label is aligned on, so it is laid out (TABs expanded).
 */
static size_t
cmd_toc_put(const char *s, bool layout, bool print)
{
	struct text_spans	ts;
	size_t			w;

	output_spans_init(&ts, s, strlen(s), layout, TEXT_SPANS_ONE_LINE);
	if (print)
		output_spans(&ts, 0, ts.len);
	w = text_width(ts.s, ts.len);
	text_spans_free(&ts);
	return w;
}

/* Print the sections from node first up to (not including) end. */
static void
cmd_toc_range(const struct corpus *c, uint32_t first, uint32_t end)
{
	uint32_t	 i;
	uint16_t	 base = c->nodes[first].depth;
	size_t		 w, lw = 0;

	/* Titles start in one column: the widest indent plus label. */
	for (i = first; i < end; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		if (!corpus_node_is_section(c, i) || n->kind == KIND_DOCUMENT)
			continue;
		w = cmd_toc_indent(n, base) + cmd_toc_put(n->label, true,
		    false);
		lw = w > lw ? w : lw;
	}
	for (i = first; i < end; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		if (!corpus_node_is_section(c, i))
			continue;
		if (n->kind == KIND_DOCUMENT) {
			cmd_toc_put(c->docs[n->doc].slug, false, true);
			output_raw("  ", 2);
			cmd_toc_put(n->title, false, true);
			output_raw("\n", 1);
			continue;
		}
		output_spaces(cmd_toc_indent(n, base));
		w = cmd_toc_put(n->label, true, true);
		output_spaces(lw + 2 - cmd_toc_indent(n, base) - w);
		cmd_toc_put(n->title, false, true);
		if (n->page > 0) {
			char	buf[32];
			/* TRANSLATORS: after a title in the table of
			   contents: the page of the printed original */
			int	len = snprintf(buf, sizeof buf, _("  (p. %d)"),
			    (int)n->page);

			output_raw(buf, (size_t)len);
		}
		output_raw("\n", 1);
	}
}

int
cmd_toc_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	uint32_t		 n;

	if (ctx->argc == 0) {
		cmd_toc_range(c, 0, (uint32_t)c->nnodes);
		return c->nnodes > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
	}
	n = cli_resolve(c, ctx->argv[0]);
	if (n == CORPUS_NONE)
		return EXIT_USAGE;
	cmd_toc_range(c, n, corpus_subtree_end(c, n));
	return EXIT_FOUND;
}
