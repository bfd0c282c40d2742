/*
 * cmd-search.c -- `charta search QUERY...`: every node that matches, as
 * "REF: text", one a line (on a terminal or with -w N, wrapped like show,
 * its later lines indented), with the hits in colour on a terminal; or,
 * with --count, how many match in each document.  With --format=tsv or
 * json, the same as a table for scripts (charta(1) names the columns).
 * Grep's exit statuses: 0 found, 1 nothing found, 2 error.  Same query
 * language and matcher as the reader's filter (index.h).
 *
 * The search reads the corpus once as it streams by, without loading it
 * (search-stream.c); when it cannot (the user's own corpus beside the
 * shipped one, or anything wrong), the corpus is loaded whole and
 * indexed, and the loader says what is wrong.  Either way the same nodes
 * are printed, the same way.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "cli/search.h"
#include "index/index.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Columns the lines after the first of a wrapped match are indented by. */
#define SEARCH_HANG	4

/* "SLUG:LABEL", or the slug for a document (as corpus_node_ref). */
static char *
cmd_search_ref(const struct search_found *f, const struct search_hit *h)
{
	const char	*slug = f->docs->docs[h->doc].slug;

	if (h->kind == KIND_DOCUMENT)
		return xstrdup(slug);
	return xasprintf("%s:%s", slug, h->label);
}

/*
 * Print one match: "REF: text", the hits marked (in colour on a terminal).
 * Unwrapped (cols 0) it is one line, the text's line feeds shown as
 * spaces; wrapped, its lines after the first are indented, so that where
 * each match starts stays plain.
 */
static void
cmd_search_print(const struct search_found *f, const struct search_hit *h,
    size_t cols)
{
	struct text_buf		 src;
	struct text_spans	 ts;
	struct text_line	*lines;
	struct index_span	*spans;
	char			*ref;
	size_t			 prefix, nspans, nl, k, hang;

	ref = cmd_search_ref(f, h);
	text_buf_init(&src);
	text_buf_printf(&src, "%s: ", ref);
	prefix = src.len;
	text_buf_add(&src, h->text, h->len);
	free(ref);

	output_spans_init(&ts, src.data, src.len, cols > 0,
	    TEXT_SPANS_ONE_LINE);
	/* Hits are only coloured: without colour they change nothing. */
	if (output_target() == TEXT_TARGET_COLOR) {
		nspans = query_spans(f->q, h->text, h->len, &spans);
		for (k = 0; k < nspans; k++)
			text_spans_add(&ts, TEXT_SPAN_HIT, prefix +
			    spans[k].start, prefix + spans[k].end);
		free(spans);
	}
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

/*
 * The matches per document, blocks and sections apart, and r's counts
 * (its nodes left NULL) for index_result_describe.  The arrays are new.
 */
static void
cmd_search_tally(const struct search_found *f, size_t **blocks,
    size_t **sections, struct index_result *r)
{
	size_t	nd = f->docs->ndocs, k;

	*blocks = xcalloc(nd + 1, sizeof **blocks);
	*sections = xcalloc(nd + 1, sizeof **sections);
	memset(r, 0, sizeof *r);
	r->n = f->n;
	for (k = 0; k < f->n; k++) {
		if (kind_is_block(f->hits[k].kind)) {
			(*blocks)[f->hits[k].doc]++;
			r->nblocks++;
		} else {
			(*sections)[f->hits[k].doc]++;
			r->nsections++;
		}
	}
	for (k = 0; k < nd; k++)
		if ((*blocks)[k] + (*sections)[k] > 0)
			r->ndocs++;
}

static void
cmd_search_count(const struct search_found *f)
{
	struct index_result	 r;
	size_t			 d, *blocks, *sections;
	char			*counts, *line;

	cmd_search_tally(f, &blocks, &sections, &r);
	for (d = 0; d < f->docs->ndocs; d++) {
		if (blocks[d] + sections[d] == 0)
			continue;
		output_str(f->docs->docs[d].slug);
		counts = index_describe_counts(blocks[d], sections[d]);
		line = xasprintf(": %s\n", counts);
		output_raw(line, strlen(line));
		free(line);
		free(counts);
	}
	counts = index_result_describe(&r);
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
cmd_search_table(const struct search_found *f, enum format fmt)
{
	struct format_table	 t;
	size_t			 k;
	char			*ref;

	format_begin(&t, fmt, search_columns, sizeof search_columns /
	    sizeof search_columns[0]);
	for (k = 0; k < f->n; k++) {
		const struct search_hit	*h = &f->hits[k];

		ref = cmd_search_ref(f, h);
		format_row(&t);
		format_cstr(&t, ref);
		format_cstr(&t, f->docs->docs[h->doc].slug);
		format_cstr(&t, h->label);
		format_cstr(&t, kind_name(h->kind));
		if (kind_is_block(h->kind))
			format_str(&t, h->text, h->len);
		else
			format_cstr(&t, h->text);
		free(ref);
	}
	format_end(&t);
}

static const char *const count_columns[] = {
	"doc", "paragraphs", "sections"
};

/* --count as a table: a row for each document with a match. */
static void
cmd_search_count_table(const struct search_found *f, enum format fmt)
{
	struct format_table	 t;
	struct index_result	 r;
	size_t			 d, *blocks, *sections;

	cmd_search_tally(f, &blocks, &sections, &r);
	format_begin(&t, fmt, count_columns, sizeof count_columns /
	    sizeof count_columns[0]);
	for (d = 0; d < f->docs->ndocs; d++) {
		if (blocks[d] + sections[d] == 0)
			continue;
		format_row(&t);
		format_cstr(&t, f->docs->docs[d].slug);
		format_int(&t, (long long)blocks[d]);
		format_int(&t, (long long)sections[d]);
	}
	format_end(&t);
	free(blocks);
	free(sections);
}

/*
 * The search on the corpus loaded whole into ctx and indexed, the output
 * format checked into *fmt.  Returns an exit status if it cannot be done
 * (the message printed), else -1 with *f filled in; its hits point into
 * ctx->corpus.
 */
static int
cmd_search_loaded(struct cli_ctx *ctx, struct search_found *f,
    enum format *fmt)
{
	const struct corpus	*c;
	struct text_buf		 qs;
	struct index		*ix;
	struct index_result	 r;
	char			*err;
	size_t			 k;

	memset(f, 0, sizeof *f);
	if (cli_corpus_load(ctx) == -1 || format_from_options(ctx, fmt) == -1)
		return EXIT_USAGE;
	c = f->docs = ctx->corpus;
	text_buf_init(&qs);
	text_buf_join(&qs, ctx->argv, ctx->argc);
	f->q = query_parse(c, qs.data, qs.len, &err);
	text_buf_free(&qs);
	if (f->q == NULL) {
		output_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	if (query_is_empty(f->q)) {
		output_error("%s", _("empty query"));
		return EXIT_USAGE;
	}
	ix = index_build(c);
	memset(&r, 0, sizeof r);
	index_search(ix, f->q, NULL, &r);
	f->n = r.n;
	f->hits = xcalloc(r.n + 1, sizeof *f->hits);
	for (k = 0; k < r.n; k++) {
		const struct corpus_node	*n = &c->nodes[r.nodes[k]];

		f->hits[k].doc = n->doc;
		f->hits[k].kind = n->kind;
		f->hits[k].label = n->label;
		if (kind_is_block(n->kind)) {
			f->hits[k].text = n->text;
			f->hits[k].len = n->text_len;
		} else {
			f->hits[k].text = n->title;
			f->hits[k].len = strlen(n->title);
		}
	}
	index_result_free(&r);
	index_free(ix);
	return -1;
}

int
cmd_search_exec(struct cli_ctx *ctx)
{
	struct search_found	 found;
	const char		*color = ctx->opt[COMMAND_OPT_COLOR];
	const char		*output = ctx->opt[COMMAND_OPT_OUTPUT];
	enum format		 f;
	size_t			 k, cols;
	int			 status;

	/* As the reader: a search over the corpus is timed (main.c). */
	xmalloc_heap_huge();

	/*
	 * Options a table refuses are refused after the corpus has loaded,
	 * as ever: such a search is not streamed.
	 */
	if (output != NULL && strcmp(output, "text") != 0 &&
	    (ctx->opt[COMMAND_OPT_WIDTH] != NULL || (color != NULL &&
	    strcmp(color, "always") == 0)))
		status = cmd_search_loaded(ctx, &found, &f);
	else if (search_stream(ctx, !ctx->count, &found) == 0)
		status = format_from_options(ctx, &f) == 0 ? -1 : EXIT_USAGE;
	else
		status = cmd_search_loaded(ctx, &found, &f);
	if (status != -1) {
		search_found_free(&found);
		return status;
	}
	cols = ctx->width > 0 ? (size_t)ctx->width :
	    (size_t)output_tty_width();
	if (f != FORMAT_TEXT && ctx->count)
		cmd_search_count_table(&found, f);
	else if (f != FORMAT_TEXT)
		cmd_search_table(&found, f);
	else if (ctx->count)
		cmd_search_count(&found);
	else
		for (k = 0; k < found.n; k++)
			cmd_search_print(&found, &found.hits[k], cols);
	status = found.n > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
	search_found_free(&found);
	return status;
}
