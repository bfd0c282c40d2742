/*
 * cmd-show.c -- `charta show REF`: a node and everything under it as plain
 * text.  The document title is underlined with '=', top-level sections with
 * '-'; each heading carries its label in brackets for citing; blocks are
 * separated by blank lines, epigraphs and pull quotes indented by four
 * columns.  With -w N (or on a terminal, its width) text is wrapped with
 * Unicode line breaking.  With --format=tsv or json, one record per node
 * instead: reference, kind, depth, label, title and text, whole and
 * escaped (cli/format.h), for scripts that count or compare.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define SHOW_INDENT	4

/* Print s (already sanitized) wrapped at cols (0: unwrapped), indented. */
static void
cmd_show_wrapped(const char *s, size_t indent, size_t cols)
{
	struct text_line	*lines = NULL;
	size_t			 n, k, len = strlen(s), avail;

	if (cols == 0)
		avail = (size_t)-1;
	else
		avail = cols > indent + 10 ? cols - indent : 10;
	if (cols == 0 && indent == 0) {
		output_raw(s, len);
		output_raw("\n", 1);
		return;
	}
	if (cols == 0) {
		const char	*p = s, *nl;

		/* unwrapped, but every line of the block indented */
		while ((nl = memchr(p, '\n', len - (size_t)(p - s))) != NULL) {
			output_spaces(indent);
			output_raw(p, (size_t)(nl + 1 - p));
			p = nl + 1;
		}
		output_spaces(indent);
		output_raw(p, len - (size_t)(p - s));
		output_raw("\n", 1);
		return;
	}
	n = text_wrap(s, len, avail, &lines);
	for (k = 0; k < n; k++) {
		if (lines[k].len > 0)
			output_spaces(indent);
		output_raw(s + lines[k].off, lines[k].len);
		output_raw("\n", 1);
	}
	free(lines);
}

static void
cmd_show_heading(const struct corpus_node *n, size_t cols)
{
	char	*title, *label, *line;
	size_t	 w;
	char	 rule;

	title = output_clean(n->title, strlen(n->title));
	label = output_clean(n->label, strlen(n->label));
	if (*label != '\0')
		line = xasprintf("%s  [%s]", title, label);
	else
		line = xstrdup(title);
	cmd_show_wrapped(line, 0, cols);
	if (n->kind == KIND_DOCUMENT || n->depth == 1) {
		rule = n->kind == KIND_DOCUMENT ? '=' : '-';
		w = text_width(line, strlen(line));
		if (cols != 0 && w > cols)
			w = cols;
		while (w-- > 0)
			output_raw(&rule, 1);
		output_raw("\n", 1);
	}
	free(line);
	free(label);
	free(title);
}

static void
cmd_show_block(const struct corpus_node *n, size_t cols)
{
	char	*text;
	size_t	 indent = 0;

	if (n->kind == KIND_EPIGRAPH || n->kind == KIND_PULLQUOTE)
		indent = SHOW_INDENT;
	text = output_clean(n->text, n->text_len);
	cmd_show_wrapped(text, indent, cols);
	free(text);
}

/* Node i as a TSV record or a JSON object. */
static void
cmd_show_record(const struct corpus *c, uint32_t i, bool json)
{
	const struct corpus_node	*n = &c->nodes[i];
	char				*ref = corpus_node_ref(c, i), *depth;

	depth = xasprintf("%u", (unsigned)n->depth);
	if (json) {
		format_raw("{\"ref\": ");
		format_json_str(ref);
		format_raw(", \"kind\": ");
		format_json_str(kind_name(n->kind));
		format_raw(", \"depth\": ");
		output_raw(depth, strlen(depth));
		format_raw(", \"label\": ");
		format_json_str(n->label);
		format_raw(", \"title\": ");
		format_json_str(n->title);
		format_raw(", \"text\": ");
		format_json(n->text, n->text_len);
		format_raw("}");
	} else {
		format_tsv_str(ref);
		format_raw("\t");
		format_tsv_str(kind_name(n->kind));
		format_raw("\t");
		output_raw(depth, strlen(depth));
		format_raw("\t");
		format_tsv_str(n->label);
		format_raw("\t");
		format_tsv_str(n->title);
		format_raw("\t");
		format_tsv(n->text, n->text_len);
		format_raw("\n");
	}
	free(depth);
	free(ref);
}

static void
cmd_show_records(const struct corpus *c, uint32_t first, uint32_t end,
    bool json)
{
	uint32_t	i;

	if (json)
		format_raw("{\"nodes\": [");
	else
		output_str("ref\tkind\tdepth\tlabel\ttitle\ttext\n");
	for (i = first; i < end; i++) {
		if (json)
			output_raw(i > first ? ",\n  " : "\n  ", i > first ? 4 :
			    3);
		cmd_show_record(c, i, json);
	}
	if (json)
		format_raw("\n]}\n");
}

int
cmd_show_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	uint32_t		 first, end, i;
	size_t			 cols;
	enum format		 fmt;

	first = cli_resolve(c, ctx->argv[0]);
	if (first == CORPUS_NONE)
		return EXIT_USAGE;
	fmt = format_from_option(ctx->opt[COMMAND_OPT_FORMAT]);
	if (fmt != FORMAT_TEXT) {
		cmd_show_records(c, first, corpus_subtree_end(c, first),
		    fmt == FORMAT_JSON);
		return EXIT_FOUND;
	}
	cols = ctx->width > 0 ? (size_t)ctx->width :
	    (size_t)output_tty_width();
	end = corpus_subtree_end(c, first);
	for (i = first; i < end; i++) {
		if (i != first)
			output_raw("\n", 1);
		if (corpus_node_is_section(c, i))
			cmd_show_heading(&c->nodes[i], cols);
		else
			cmd_show_block(&c->nodes[i], cols);
	}
	return EXIT_FOUND;
}
