/*
 * cmd-search.c -- `charta search QUERY...`: every node that matches, as
 * "REF: text", one a line (on a terminal or with -w N, wrapped like show,
 * its later lines indented), with the hits in colour on a terminal; or,
 * with --count, how many match in each document.  With --format=tsv or
 * json, the same as a table for scripts (charta(1) names the columns).
 * Grep's exit statuses: 0 found, 1 nothing found, 2 error.  Same query
 * language and matcher as the reader's filter (index.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "index/index.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Columns the lines after the first of a wrapped match are indented by. */
#define SEARCH_HANG	4

/*
 * Print one match: "REF: text", the hits marked (in colour on a terminal).
 * Unwrapped (cols 0) it is one line, the text's line feeds shown as
 * spaces; wrapped, its lines after the first are indented, so that where
 * each match starts stays plain.
 */
static void
cmd_search_print(const struct corpus *c, const struct query *q,
    uint32_t i, size_t cols)
{
	const struct corpus_node	*n = &c->nodes[i];
	struct text_buf			 src;
	struct text_spans		 ts;
	struct text_line		*lines;
	struct index_span		*spans;
	const char			*text;
	char				*ref;
	size_t				 len, prefix, nspans, nl, k, hang;

	if (kind_is_block(n->kind)) {
		text = n->text;
		len = n->text_len;
	} else {
		text = n->title;
		len = strlen(n->title);
	}
	ref = corpus_node_ref(c, i);
	text_buf_init(&src);
	text_buf_printf(&src, "%s: ", ref);
	prefix = src.len;
	text_buf_add(&src, text, len);
	free(ref);

	output_spans_init(&ts, src.data, src.len, cols > 0,
	    TEXT_SPANS_ONE_LINE);
	nspans = query_spans(q, text, len, &spans);
	for (k = 0; k < nspans; k++)
		text_spans_add(&ts, TEXT_SPAN_HIT, prefix + spans[k].start,
		    prefix + spans[k].end);
	free(spans);
	if (cols == 0) {
		output_spans(&ts, 0, ts.len);
		output_raw("\n", 1);
	} else {
		hang = SEARCH_HANG;
		cols = text_indent_fit(cols, &hang);
		nl = text_spans_wrap(&ts, cols, output_target(), &lines);
		for (k = 0; k < nl; k++) {
			if (k > 0 && lines[k].len > 0)
				output_spaces(hang);
			output_spans(&ts, lines[k].off, lines[k].len);
			output_raw("\n", 1);
		}
		free(lines);
	}
	text_spans_free(&ts);
	text_buf_free(&src);
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

static const char *const search_columns[] = {
	"ref", "doc", "label", "kind", "text"
};

/* Every match as a row: its reference, where it is, its kind and text. */
static void
cmd_search_table(const struct corpus *c, const struct index_result *r,
    enum format f)
{
	struct format_table	 t;
	size_t			 k;
	char			*ref;

	format_begin(&t, f, search_columns, sizeof search_columns /
	    sizeof search_columns[0]);
	for (k = 0; k < r->n; k++) {
		const struct corpus_node	*n = &c->nodes[r->nodes[k]];

		ref = corpus_node_ref(c, r->nodes[k]);
		format_row(&t);
		format_cstr(&t, ref);
		format_cstr(&t, c->docs[n->doc].slug);
		format_cstr(&t, n->label);
		format_cstr(&t, kind_name(n->kind));
		if (kind_is_block(n->kind))
			format_str(&t, n->text, n->text_len);
		else
			format_cstr(&t, n->title);
		free(ref);
	}
	format_end(&t);
}

static const char *const count_columns[] = {
	"doc", "paragraphs", "sections"
};

/* --count as a table: a row for each document with a match. */
static void
cmd_search_count_table(const struct corpus *c, const struct index_result *r,
    enum format f)
{
	struct format_table	 t;
	size_t			 d, k, *blocks, *sections;

	blocks = xcalloc(c->ndocs + 1, sizeof *blocks);
	sections = xcalloc(c->ndocs + 1, sizeof *sections);
	for (k = 0; k < r->n; k++) {
		const struct corpus_node	*n = &c->nodes[r->nodes[k]];

		if (kind_is_block(n->kind))
			blocks[n->doc]++;
		else
			sections[n->doc]++;
	}
	format_begin(&t, f, count_columns, sizeof count_columns /
	    sizeof count_columns[0]);
	for (d = 0; d < c->ndocs; d++) {
		if (r->per_doc[d] == 0)
			continue;
		format_row(&t);
		format_cstr(&t, c->docs[d].slug);
		format_int(&t, (long long)blocks[d]);
		format_int(&t, (long long)sections[d]);
	}
	format_end(&t);
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
	enum format		 f;
	size_t			 k, cols;

	if (format_from_options(ctx, &f) == -1)
		return EXIT_USAGE;
	text_buf_init(&qs);
	text_buf_join(&qs, ctx->argv, ctx->argc);
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
	cols = ctx->width > 0 ? (size_t)ctx->width :
	    (size_t)output_tty_width();
	ix = index_build(c);
	memset(&r, 0, sizeof r);
	index_search(ix, q, NULL, &r);
	if (f != FORMAT_TEXT && ctx->count)
		cmd_search_count_table(c, &r, f);
	else if (f != FORMAT_TEXT)
		cmd_search_table(c, &r, f);
	else if (ctx->count)
		cmd_search_count(c, &r);
	else
		for (k = 0; k < r.n; k++)
			cmd_search_print(c, q, r.nodes[k], cols);
	k = r.n;
	index_result_free(&r);
	index_free(ix);
	query_free(q);
	return k > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
