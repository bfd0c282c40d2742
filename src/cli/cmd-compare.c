/*
 * cmd-compare.c -- `charta compare REF [REF]`: two passages side by side in
 * aligned columns, like diff -y: a paragraph and its counterpart start on
 * the same line, " | " between them, " < " or " > " where one side has
 * nothing.  --words marks the words found on one side only (colour on a
 * terminal, [-old-] and {+new+} otherwise, closed at the end of every line
 * and the columns wrapped with room for them); --stats prints only the
 * share of words in common, per aligned pair and for the whole, as text
 * or (--format=tsv or json) as a table for scripts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "diff/compare.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* One side of one group, ready to print. */
struct cmp_cell {
	struct text_spans	 ts;
	struct text_line	*lines;
	size_t			 nlines;
};

/*
 * Make cell c side s of a group: its source text src, the words only it
 * has (sp[0..nsp), offsets in src) marked if words is set, wrapped at
 * cols.  Columns are a layout: the reader's policy, TABs expanded.
 */
static void
cmd_compare_cell(struct cmp_cell *c, const char *src, int s,
    const struct compare_span *sp, size_t nsp, bool words, size_t cols)
{
	size_t	k;

	output_spans_init(&c->ts, src, strlen(src), true, 0);
	for (k = 0; words && k < nsp; k++)
		text_spans_add(&c->ts, s == 0 ? TEXT_SPAN_DEL : TEXT_SPAN_INS,
		    sp[k].start, sp[k].end);
	c->nlines = text_spans_wrap(&c->ts, cols, output_target(), &c->lines);
}

/* Print line l of cell c, the left one padded to width cols. */
static void
cmd_compare_line(const struct cmp_cell *c, size_t l, size_t cols, int side)
{
	const struct text_line	*ln;
	size_t			 w;

	/* The right column ends the line: no padding after it. */
	if (l >= c->nlines) {
		if (side == 0)
			output_spaces(cols);
		return;
	}
	ln = &c->lines[l];
	output_spans(&c->ts, ln->off, ln->len);
	if (side == 0) {
		w = text_spans_width(&c->ts, ln->off, ln->len,
		    output_target());
		output_spaces(cols > w ? cols - w : 0);
	}
}

static void
cmd_compare_cell_free(struct cmp_cell *c)
{
	text_spans_free(&c->ts);
	free(c->lines);
}

/* "REF  Title" of node n in cols columns, cut with an ellipsis. */
static void
cmd_compare_header(const struct corpus *c, uint32_t n, size_t cols, bool pad)
{
	struct text_spans	 ts;
	char			*ref = corpus_node_ref(c, n), *h, *fit;
	size_t			 w;

	h = xasprintf("%s  %s", ref, c->nodes[n].title);
	output_spans_init(&ts, h, strlen(h), true, TEXT_SPANS_ONE_LINE);
	fit = text_fit_ellipsis(ts.s, ts.len, cols, output_ellipsis(), &w);
	output_raw(fit, strlen(fit));
	if (pad)
		output_spaces(cols - w);
	free(fit);
	text_spans_free(&ts);
	free(h);
	free(ref);
}

static const char *const stats_columns[] = {
	"pair", "left", "right", "shared", "words", "similarity"
};

/*
 * A row of compare --stats --format: pair number pair (0: the whole, as
 * "all"), the references of the parts on each side, the shared words and
 * all words (both sides counted), the similarity.
 */
static void
cmd_compare_row(struct format_table *t, const struct compare *cmp,
    size_t g, size_t pair, size_t shared, size_t total, int sim)
{
	char	**refs;
	size_t	  s, k, n;

	format_row(t);
	if (pair == 0)
		format_cstr(t, "all");
	else
		format_int(t, (long long)pair);
	for (s = 0; s < 2; s++) {
		n = pair == 0 ? 1 : cmp->groups[g].count[s];
		refs = xcalloc(n + 1, sizeof *refs);
		for (k = 0; k < n; k++)
			refs[k] = corpus_node_ref(cmp->c, pair == 0 ?
			    cmp->root[s] :
			    cmp->parts[s][cmp->groups[g].first[s] + k]);
		format_list(t, refs, n);
		for (k = 0; k < n; k++)
			free(refs[k]);
		free(refs);
	}
	format_int(t, (long long)shared);
	format_int(t, (long long)total);
	format_int(t, sim);
}

int
cmd_compare_exec(struct cli_ctx *ctx)
{
	const struct corpus		*c = ctx->corpus;
	struct compare			 cmp;
	struct corpus_counterpart	*cp;
	struct cmp_cell			 cell[2];
	uint32_t			 node[2];
	size_t				 width, cols, g, l, rows, shared = 0;
	size_t				 total = 0, sh, tot, s, ncp;
	char				*raw[2], *ref[2], line[64];
	struct compare_span		*sp[2];
	struct format_table		 table;
	enum format			 f;
	size_t				 nsp[2];
	int				 sim;

	if (format_from_options(ctx, &f) == -1)
		return EXIT_USAGE;
	if (f != FORMAT_TEXT && !ctx->stats) {
		output_error(_("compare: --format=%s needs --stats"),
		    ctx->opt[COMMAND_OPT_TABLE_FORMAT]);
		return EXIT_USAGE;
	}
	node[0] = cli_resolve(c, ctx->argv[0]);
	if (node[0] == CORPUS_NONE)
		return EXIT_USAGE;
	if (ctx->argc > 1) {
		node[1] = cli_resolve(c, ctx->argv[1]);
		if (node[1] == CORPUS_NONE)
			return EXIT_USAGE;
	} else {
		ncp = corpus_counterparts(c, node[0], &cp);
		if (ncp == 0) {
			output_error(_("%s has no counterpart; name the "
			    "second passage"), ctx->argv[0]);
			return EXIT_USAGE;
		}
		node[1] = cp[0].node;
		free(cp);
	}
	width = ctx->width > 0 ? (size_t)ctx->width :
	    output_tty_width() > 0 ? (size_t)output_tty_width() : 80;
	cols = width > 13 ? (width - 3) / 2 : 5;

	compare_build(&cmp, c, node[0], node[1]);
	if (f != FORMAT_TEXT)
		format_begin(&table, f, stats_columns, sizeof stats_columns /
		    sizeof stats_columns[0]);
	if (!ctx->stats) {
		cmd_compare_header(c, node[0], cols, true);
		output_raw("   ", 3);
		cmd_compare_header(c, node[1], cols, false);
		output_raw("\n", 1);
	}
	for (g = 0; g < cmp.ngroups; g++) {
		/* The words are compared in the source, not its display. */
		for (s = 0; s < 2; s++)
			raw[s] = compare_group_text(&cmp, g, (int)s);
		sim = compare_words(raw[0], strlen(raw[0]), raw[1],
		    strlen(raw[1]), &sp[0], &nsp[0], &sp[1], &nsp[1], &sh,
		    &tot);
		shared += sh;
		total += tot;
		if (f != FORMAT_TEXT)
			cmd_compare_row(&table, &cmp, g, g + 1, sh, tot, sim);
		else if (ctx->stats) {
			for (s = 0; s < 2; s++) {
				ref[s] = cmp.groups[g].count[s] == 0 ?
				    xstrdup("-") : corpus_node_ref(c,
				    cmp.parts[s][cmp.groups[g].first[s]]);
				output_str(ref[s]);
				output_raw("\t", 1);
				free(ref[s]);
			}
			snprintf(line, sizeof line, "%d%%\n", sim);
			output_raw(line, strlen(line));
		} else {
			for (s = 0; s < 2; s++)
				cmd_compare_cell(&cell[s], raw[s], (int)s,
				    sp[s], nsp[s], ctx->words, cols);
			rows = cell[0].nlines > cell[1].nlines ?
			    cell[0].nlines : cell[1].nlines;
			output_raw("\n", 1);
			for (l = 0; l < rows; l++) {
				const char *mid = cmp.groups[g].count[0] == 0 ?
				    " > " : cmp.groups[g].count[1] == 0 ?
				    " < " : " | ";

				cmd_compare_line(&cell[0], l, cols, 0);
				output_raw(mid, 3);
				cmd_compare_line(&cell[1], l, cols, 1);
				output_raw("\n", 1);
			}
			cmd_compare_cell_free(&cell[0]);
			cmd_compare_cell_free(&cell[1]);
		}
		for (s = 0; s < 2; s++) {
			free(raw[s]);
			free(sp[s]);
		}
	}
	sim = total ? (int)((shared * 100 + total / 2) / total) : 100;
	if (f != FORMAT_TEXT) {
		cmd_compare_row(&table, &cmp, 0, 0, shared, total, sim);
		format_end(&table);
	} else if (ctx->stats) {
		/* TRANSLATORS: the last line of compare --stats: the share
		   of words the two passages have in common, over all pairs */
		char	*msg = xasprintf(_("all: %d%% shared words\n"), sim);

		output_raw(msg, strlen(msg));
		free(msg);
	}
	compare_free(&cmp);
	return EXIT_FOUND;
}
