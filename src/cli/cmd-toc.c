/*
 * cmd-toc.c -- `charta toc [REF]`: the sections of a document (or of all
 * documents, or under one section) as an indented tree of labels and
 * titles; for a paragraph (or any block), its own entry, its label and
 * its text.  With --format=tsv or json, the columns of charta(1): ref,
 * doc, label, depth, kind, title, page.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"

/*
 * Is node i an entry of the listing that starts at node first?  first
 * itself is, whatever it is (a paragraph too), and the sections under it.
 */
static bool
cmd_toc_entry(const struct corpus *c, uint32_t first, uint32_t i)
{
	return i == first || corpus_node_is_section(c, i);
}

/* What an entry shows after its label: a heading, or a block's text. */
static const char *
cmd_toc_title(const struct corpus_node *n)
{
	return kind_is_block(n->kind) ? n->text : n->title;
}

/* Two columns per level below the node the listing starts at. */
static size_t
cmd_toc_indent(const struct corpus_node *n, uint16_t base)
{
	return 2u * (size_t)(n->depth - base + (base == 0 ? 0 : 1));
}

/* Print the entries from node first up to (not including) end. */
static void
cmd_toc_range(const struct corpus *c, uint32_t first, uint32_t end)
{
	uint32_t	 i;
	uint16_t	 base = c->nodes[first].depth;
	size_t		 w, lw = 0;

	/* Titles start in one column: the widest indent plus label. */
	for (i = first; i < end; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		if (!cmd_toc_entry(c, first, i) || n->kind == KIND_DOCUMENT)
			continue;
		w = cmd_toc_indent(n, base) + output_line(n->label, true,
		    false);
		lw = w > lw ? w : lw;
	}
	for (i = first; i < end; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		if (!cmd_toc_entry(c, first, i))
			continue;
		if (n->kind == KIND_DOCUMENT) {
			output_line(c->docs[n->doc].slug, false, true);
			output_raw("  ", 2);
			output_line(n->title, false, true);
			output_raw("\n", 1);
			continue;
		}
		output_spaces(cmd_toc_indent(n, base));
		w = output_line(n->label, true, true);
		output_spaces(lw + 2 - cmd_toc_indent(n, base) - w);
		output_line(cmd_toc_title(n), false, true);
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

static const char *const toc_columns[] = {
	"ref", "doc", "label", "depth", "kind", "title", "page"
};

/* The same entries as a table for scripts. */
static void
cmd_toc_table(const struct corpus *c, uint32_t first, uint32_t end,
    enum format f)
{
	struct format_table	 t;
	uint32_t		 i;
	char			*ref;

	format_begin(&t, f, toc_columns, sizeof toc_columns /
	    sizeof toc_columns[0]);
	for (i = first; i < end; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		if (!cmd_toc_entry(c, first, i))
			continue;
		ref = corpus_node_ref(c, i);
		format_row(&t);
		format_cstr(&t, ref);
		format_cstr(&t, c->docs[n->doc].slug);
		format_cstr(&t, n->label);
		format_int(&t, n->depth);
		format_cstr(&t, kind_name(n->kind));
		if (kind_is_block(n->kind))
			format_str(&t, n->text, n->text_len);
		else
			format_cstr(&t, n->title);
		if (n->page > 0)
			format_int(&t, n->page);
		else
			format_null(&t);
		free(ref);
	}
	format_end(&t);
}

int
cmd_toc_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	enum format		 f;
	uint32_t		 first = 0, end = (uint32_t)c->nnodes;

	if (format_from_options(ctx, &f) == -1)
		return EXIT_USAGE;
	if (ctx->argc > 0) {
		first = cli_resolve(c, ctx->argv[0]);
		if (first == CORPUS_NONE)
			return EXIT_USAGE;
		end = corpus_subtree_end(c, first);
	}
	if (f != FORMAT_TEXT)
		cmd_toc_table(c, first, end, f);
	else if (end > first)
		cmd_toc_range(c, first, end);
	return end > first ? EXIT_FOUND : EXIT_NOTFOUND;
}
