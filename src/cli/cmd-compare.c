/*
 * cmd-compare.c -- `charta compare REF [REF]`: two passages side by side in
 * aligned columns, like diff -y: a paragraph and its counterpart start on
 * the same line, " | " between them, " < " or " > " where one side has
 * nothing.  --words marks the words found on one side only (colour on a
 * terminal, [-old-] and {+new+} otherwise); --stats prints only the share
 * of words in common, per aligned pair and for the whole.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "diff/compare.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define SGR_OLD		"\033[1;31m"
#define SGR_NEW		"\033[1;32m"
#define SGR_OFF		"\033[m"

/* One side of one group, ready to print. */
struct cmp_cell {
	char			*text;		/* sanitized (and marked) */
	struct text_line	*lines;
	size_t			 nlines;
	struct compare_span	*spans;		/* for colour */
	size_t			 nspans;
};

/* Insert [- -] or {+ +} around the spans (no colour available). */
static char *
cmd_compare_mark(const char *s, const struct compare_span *sp, size_t n,
    int side)
{
	struct text_buf	b;
	size_t		k, at = 0;

	text_buf_init(&b);
	text_buf_puts(&b, "");
	for (k = 0; k < n; k++) {
		text_buf_add(&b, s + at, sp[k].start - at);
		text_buf_puts(&b, side == 0 ? "[-" : "{+");
		text_buf_add(&b, s + sp[k].start, sp[k].end - sp[k].start);
		text_buf_puts(&b, side == 0 ? "-]" : "+}");
		at = sp[k].end;
	}
	text_buf_puts(&b, s + at);
	return text_buf_steal(&b);
}

/* Print line l of cell c, padded to width cols (colour spans if any). */
static void
cmd_compare_line(const struct cmp_cell *c, size_t l, size_t cols, int side)
{
	const struct text_line	*ln;
	size_t			 k, at, end, a, b;
	const char		*sgr = side == 0 ? SGR_OLD : SGR_NEW;

	/* The right column ends the line: no padding after it. */
	if (l >= c->nlines) {
		if (side == 0)
			output_spaces(cols);
		return;
	}
	ln = &c->lines[l];
	at = ln->off;
	end = ln->off + ln->len;
	for (k = 0; k < c->nspans; k++) {
		if (c->spans[k].end <= at || c->spans[k].start >= end)
			continue;
		a = c->spans[k].start > at ? c->spans[k].start : at;
		b = c->spans[k].end < end ? c->spans[k].end : end;
		output_raw(c->text + at, a - at);
		output_raw(sgr, strlen(sgr));
		output_raw(c->text + a, b - a);
		output_raw(SGR_OFF, strlen(SGR_OFF));
		at = b;
	}
	output_raw(c->text + at, end - at);
	if (side == 0)
		output_spaces(cols > ln->width ? cols - ln->width : 0);
}

static void
cmd_compare_cell_free(struct cmp_cell *c)
{
	free(c->text);
	free(c->lines);
	free(c->spans);
}

static void
cmd_compare_header(const struct corpus *c, uint32_t n, size_t cols, bool pad)
{
	char	*ref = corpus_node_ref(c, n), *h, *clean;
	size_t	 len, w;

	h = xasprintf("%s  %s", ref, c->nodes[n].title);
	clean = output_clean(h, strlen(h));
	len = text_fit(clean, strlen(clean), cols, &w);
	output_raw(clean, len);
	if (pad)
		output_spaces(cols - w);
	free(clean);
	free(h);
	free(ref);
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
	char				*raw[2], *clean[2], *ref[2], line[64];
	struct compare_span		*sp[2];
	size_t				 nsp[2];
	int				 sim;
	bool				 color = output_color();

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
	if (!ctx->stats) {
		cmd_compare_header(c, node[0], cols, true);
		output_raw("   ", 3);
		cmd_compare_header(c, node[1], cols, false);
		output_raw("\n", 1);
	}
	for (g = 0; g < cmp.ngroups; g++) {
		memset(cell, 0, sizeof cell);
		for (s = 0; s < 2; s++) {
			raw[s] = compare_group_text(&cmp, g, (int)s);
			clean[s] = output_clean(raw[s], strlen(raw[s]));
			free(raw[s]);
		}
		sim = compare_words(clean[0], strlen(clean[0]), clean[1],
		    strlen(clean[1]), &sp[0], &nsp[0], &sp[1], &nsp[1], &sh,
		    &tot);
		shared += sh;
		total += tot;
		if (ctx->stats) {
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
			for (s = 0; s < 2; s++) {
				if (ctx->words && !color) {
					cell[s].text = cmd_compare_mark(
					    clean[s], sp[s], nsp[s], (int)s);
					free(clean[s]);
				} else {
					cell[s].text = clean[s];
					if (ctx->words) {
						cell[s].spans = sp[s];
						cell[s].nspans = nsp[s];
						sp[s] = NULL;
					}
				}
				clean[s] = NULL;
				cell[s].nlines = text_wrap(cell[s].text,
				    strlen(cell[s].text), cols,
				    &cell[s].lines);
			}
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
			free(clean[s]);
			free(sp[s]);
		}
	}
	if (ctx->stats) {
		/* TRANSLATORS: the last line of compare --stats: the share
		   of words the two passages have in common, over all pairs */
		char	*msg = xasprintf(_("all: %d%% shared words\n"),
		    total ? (int)((shared * 100 + total / 2) / total) : 100);

		output_raw(msg, strlen(msg));
		free(msg);
	}
	compare_free(&cmp);
	return EXIT_FOUND;
}
