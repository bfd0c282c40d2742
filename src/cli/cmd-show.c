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

/*
 * The lines of ts: wrapped at cols, or where cols is 0, as its line feeds
 * break it (a final one ends the last line, as in text_wrap).  Returns
 * their number and a malloc'ed array in *lines.
 */
static size_t
cmd_show_lines(const struct text_spans *ts, size_t cols,
    struct text_line **lines)
{
	struct text_line	*v = NULL;
	size_t			 n = 0, cap = 0, a, b;

	if (cols > 0)
		return text_spans_wrap(ts, cols, output_target(), lines);
	for (a = 0; a < ts->len; a = b + 1) {
		for (b = a; b < ts->len && ts->s[b] != '\n'; b++)
			;
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].off = a;
		v[n].len = b - a;
		v[n].width = text_width(ts->s + a, b - a);
		n++;
	}
	*lines = v;
	return n;
}

/*
 * Print src[0..n) in lines of at most cols columns (0: as its line feeds
 * break it), every line but a blank one indented by indent columns.
 * layout: sanitize for a layout even when not wrapped (for underlining).
 * Returns the width of the widest line, markers and indent included.
 */
static size_t
cmd_show_text(const char *src, size_t n, size_t indent, size_t cols,
    bool layout)
{
	struct text_spans	 ts;
	struct text_line	*lines;
	size_t			 nl, k, w, widest = 0;

	/* Too narrow for the indent and some text: the indent gives way. */
	if (cols > 0)
		cols = text_indent_fit(cols, &indent);
	output_spans_init(&ts, src, n, layout || cols > 0, 0);
	nl = cmd_show_lines(&ts, cols, &lines);
	for (k = 0; k < nl; k++) {
		if (lines[k].len > 0)
			output_spaces(indent);
		output_spans(&ts, lines[k].off, lines[k].len);
		output_raw("\n", 1);
		w = indent + text_spans_width(&ts, lines[k].off, lines[k].len,
		    output_target());
		widest = w > widest ? w : widest;
	}
	free(lines);
	text_spans_free(&ts);
	return widest;
}

static void
cmd_show_heading(const struct corpus_node *n, size_t cols)
{
	struct text_buf	line;
	size_t		w;
	char		rule;

	text_buf_init(&line);
	text_buf_puts(&line, n->title);
	if (*n->label != '\0')
		text_buf_printf(&line, "  [%s]", n->label);
	/* Laid out even when not wrapped: the rule is as wide as it. */
	w = cmd_show_text(line.data, line.len, 0, cols, true);
	if (n->kind == KIND_DOCUMENT || n->depth == 1) {
		rule = n->kind == KIND_DOCUMENT ? '=' : '-';
		while (w-- > 0)
			output_raw(&rule, 1);
		output_raw("\n", 1);
	}
	text_buf_free(&line);
}

static void
cmd_show_block(const struct corpus_node *n, size_t cols)
{
	size_t	 indent = 0;

	if (n->kind == KIND_EPIGRAPH || n->kind == KIND_PULLQUOTE)
		indent = SHOW_INDENT;
	cmd_show_text(n->text, n->text_len, indent, cols, false);
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
	if (format_from_options(ctx, &fmt) == -1)
		return EXIT_USAGE;
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
