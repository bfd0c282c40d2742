/*
 * cmd-kwic.c -- `charta kwic QUERY...`: the concordance (stats/kwic.h),
 * one line per occurrence: the reference, the left context aligned on the
 * keyword, the keyword (in colour on a terminal), the right context; with
 * --parallel, under each line of a translated document, the same passage
 * in the other translation, aligned on its match or saying there is none.
 * As text, TSV or JSON (cli/format.h).  Exit status 0 found, 1 nothing
 * found, 2 error, as for search.
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
#include "stats/kwic.h"
#include "stats/stats.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define KWIC_CONTEXT_WORDS	6	/* --context's default */
#define KWIC_INDENT		2	/* a counterpart's reference, indented */
#define SGR_HIT			"\033[1;31m"
#define SGR_OFF			"\033[m"

/* One printed line: a hit or its counterpart. */
struct kwic_out {
	char		*ref;
	struct kwic_line line;
	bool		 counterpart;	/* indented, under its hit */
	bool		 nomatch;	/* a counterpart without the words */
};

struct kwic_cli {
	const struct corpus	*c;
	const struct query	*q;
	struct kwic		 k;
	size_t			 nwords;
	bool			 parallel;
	struct kwic_out		*lines;
	size_t			 n;
	size_t			 cap;
};

/* Lay out hit h (node, keyword) with nwords of context each side. */
static void
kwic_cli_line(struct kwic_cli *kc, const struct kwic_hit *h, bool cp)
{
	struct kwic_out	*o;
	const char	*text;
	size_t		 len, from, to;

	kc->lines = xgrowarray(kc->lines, &kc->cap, kc->n + 1,
	    sizeof *kc->lines);
	o = &kc->lines[kc->n++];
	memset(o, 0, sizeof *o);
	o->ref = corpus_node_ref(kc->c, h->node);
	o->counterpart = cp;
	text = stats_node_text(kc->c, h->node, &len);
	kwic_context(kc->c, h, kc->nwords, &from, &to);
	kwic_line_make(&o->line, text, from, h->start, h->end, to,
	    output_clean, SIZE_MAX, SIZE_MAX, SIZE_MAX);
}

/* Its counterpart's line, if its document has a translation. */
static void
kwic_cli_counterpart(struct kwic_cli *kc, const struct kwic_hit *h)
{
	struct kwic_hit	 ch;
	struct kwic_out	*o;
	uint32_t	 s, e, node;

	node = kwic_counterpart(kc->c, kc->q, h, &s, &e);
	if (node == CORPUS_NONE)
		return;
	memset(&ch, 0, sizeof ch);
	ch.node = node;
	ch.start = s;
	ch.end = e;
	if (s == e) {
		kc->lines = xgrowarray(kc->lines, &kc->cap, kc->n + 1,
		    sizeof *kc->lines);
		o = &kc->lines[kc->n++];
		memset(o, 0, sizeof *o);
		o->ref = corpus_node_ref(kc->c, node);
		o->counterpart = true;
		o->nomatch = true;
		return;
	}
	kwic_cli_line(kc, &ch, true);
}

static void
kwic_cli_print_text(struct kwic_cli *kc, int width)
{
	size_t		 refw = 0, leftw = 0, keyw = 0, i, w, left, right;
	size_t		 avail;
	struct kwic_out	*o;
	const char	*none;

	/* The columns: references, then the keyword after the widest left. */
	for (i = 0; i < kc->n; i++) {
		o = &kc->lines[i];
		w = text_width(o->ref, strlen(o->ref)) +
		    (o->counterpart ? KWIC_INDENT : 0);
		if (w > refw)
			refw = w;
		if (o->line.left_w > leftw)
			leftw = o->line.left_w;
		if (o->line.key_w > keyw)
			keyw = o->line.key_w;
	}
	left = leftw;
	right = SIZE_MAX;
	if (width > 0) {
		/* Fit the terminal (or -w): the keyword in the middle. */
		avail = (size_t)width > refw + 2 + 20 ? (size_t)width - refw -
		    2 : 20;
		left = avail > keyw ? (avail - keyw) / 2 : 0;
		if (left > leftw)
			left = leftw;
	}
	for (i = 0; i < kc->n; i++) {
		char	*clean;

		o = &kc->lines[i];
		if (o->counterpart)
			output_spaces(KWIC_INDENT);
		clean = output_clean(o->ref, strlen(o->ref));
		output_raw(clean, strlen(clean));
		free(clean);
		w = text_width(o->ref, strlen(o->ref)) +
		    (o->counterpart ? KWIC_INDENT : 0);
		output_spaces(refw - w + 2);
		if (o->nomatch) {
			output_spaces(left);
			none = _("(no match in the counterpart)");
			output_raw(none, strlen(none));
			format_raw("\n");
			continue;
		}
		if (width > 0 && o->line.left_w > left) {
			/* Cut again to the narrower column. */
			size_t	off = kwic_fit_end(o->line.left,
			    strlen(o->line.left), left, &w);

			output_spaces(left - w);
			output_raw(o->line.left + off, strlen(o->line.left +
			    off));
		} else {
			output_spaces(left - o->line.left_w);
			output_raw(o->line.left, strlen(o->line.left));
		}
		if (output_color())
			output_raw(SGR_HIT, strlen(SGR_HIT));
		output_raw(o->line.key, strlen(o->line.key));
		if (output_color())
			output_raw(SGR_OFF, strlen(SGR_OFF));
		right = width > 0 && (size_t)width > refw + 2 + left +
		    o->line.key_w ? (size_t)width - refw - 2 - left -
		    o->line.key_w : SIZE_MAX;
		if (right == SIZE_MAX || o->line.right_w <= right)
			output_raw(o->line.right, strlen(o->line.right));
		else
			output_raw(o->line.right, text_fit(o->line.right,
			    strlen(o->line.right), right, NULL));
		format_raw("\n");
	}
}

/* TSV and JSON: the raw context (escaped), not the squeezed lines. */
static void
kwic_cli_fields(struct kwic_cli *kc, const struct kwic_hit *h, bool json)
{
	const char	*text;
	size_t		 len, from, to;
	char		*ref;

	text = stats_node_text(kc->c, h->node, &len);
	kwic_context(kc->c, h, kc->nwords, &from, &to);
	ref = corpus_node_ref(kc->c, h->node);
	if (json) {
		format_raw("{\"ref\": ");
		format_json_str(ref);
		format_raw(", \"left\": ");
		format_json(text + from, h->start - from);
		format_raw(", \"keyword\": ");
		format_json(text + h->start, h->end - h->start);
		format_raw(", \"right\": ");
		format_json(text + h->end, to - h->end);
	} else {
		format_tsv_str(ref);
		format_raw("\t");
		format_tsv(text + from, h->start - from);
		format_raw("\t");
		format_tsv(text + h->start, h->end - h->start);
		format_raw("\t");
		format_tsv(text + h->end, to - h->end);
	}
	free(ref);
}

static void
kwic_cli_record(struct kwic_cli *kc, const struct kwic_hit *h, bool json)
{
	struct kwic_hit	 ch;
	uint32_t	 s, e, node;
	char		*ref;

	if (json)
		format_raw("{\"hit\": ");
	kwic_cli_fields(kc, h, json);
	if (json)
		format_raw("}");
	if (kc->parallel) {
		node = kwic_counterpart(kc->c, kc->q, h, &s, &e);
		memset(&ch, 0, sizeof ch);
		ch.node = node;
		ch.start = s;
		ch.end = e;
		if (json)
			format_raw(", \"counterpart\": ");
		else
			format_raw("\t");
		if (node == CORPUS_NONE)
			format_raw(json ? "null" : "\t\t\t");
		else if (s == e) {
			ref = corpus_node_ref(kc->c, node);
			if (json) {
				format_raw("{\"ref\": ");
				format_json_str(ref);
				format_raw(", \"match\": false}");
			} else {
				format_tsv_str(ref);
				format_raw("\t\t\t");
			}
			free(ref);
		} else {
			kwic_cli_fields(kc, &ch, json);
			if (json)
				format_raw(", \"match\": true}");
		}
	}
	output_raw(json ? "}" : "\n", 1);
}

static void
kwic_cli_print_records(struct kwic_cli *kc, bool json, const char *query)
{
	size_t	i;
	char	*head;

	if (json) {
		format_raw("{\"query\": ");
		format_json_str(query);
		head = xasprintf(", \"sort\": \"%s\", \"context\": %zu, "
		    "\"hits\": [", kwic_sort_name(kc->k.sort), kc->nwords);
		output_raw(head, strlen(head));
		free(head);
	} else {
		head = xstrdup(kc->parallel ? "ref\tleft\tkeyword\tright\t"
		    "counterpart\tcounterpart_left\tcounterpart_keyword\t"
		    "counterpart_right\n" : "ref\tleft\tkeyword\tright\n");
		output_raw(head, strlen(head));
		free(head);
	}
	for (i = 0; i < kc->k.n; i++) {
		if (json)
			format_raw(i > 0 ? ",\n  " : "\n  ");
		kwic_cli_record(kc, kwic_at(&kc->k, i), json);
	}
	if (json)
		format_raw("\n]}\n");
}

int
cmd_kwic_exec(struct cli_ctx *ctx)
{
	struct kwic_cli	 kc;
	struct text_buf	 qs;
	struct query	*q;
	struct index	*ix;
	enum format	 fmt;
	char		*err;
	const char	*sort = ctx->opt[COMMAND_OPT_SORT];
	int		 width;
	size_t		 k, n;

	if (format_from_options(ctx, &fmt) == -1)
		return EXIT_USAGE;
	text_buf_init(&qs);
	text_buf_join(&qs, ctx->argv, ctx->argc);
	q = query_parse(ctx->corpus, qs.data, qs.len, &err);
	if (q == NULL || query_is_empty(q)) {
		output_error("%s", q == NULL ? err : _("empty query"));
		free(q == NULL ? err : NULL);
		query_free(q);
		text_buf_free(&qs);
		return EXIT_USAGE;
	}
	memset(&kc, 0, sizeof kc);
	kc.c = ctx->corpus;
	kc.q = q;
	kc.nwords = ctx->opt[COMMAND_OPT_CONTEXT] != NULL ?
	    (size_t)atoi(ctx->opt[COMMAND_OPT_CONTEXT]) : KWIC_CONTEXT_WORDS;
	kc.parallel = ctx->opt[COMMAND_OPT_PARALLEL] != NULL;
	ix = index_build(ctx->corpus);
	kwic_build(&kc.k, ctx->corpus, ix, q);
	kwic_sort(&kc.k, sort != NULL ? (enum kwic_sort)kwic_sort_from_name(
	    sort) : KWIC_SORT_REF);
	if (kc.k.n == 0 && kc.k.nnodes > 0)
		output_error("%s", _("nothing to show in context: the query "
		    "has no word of two letters or more"));
	if (fmt != FORMAT_TEXT)
		kwic_cli_print_records(&kc, fmt == FORMAT_JSON, qs.data);
	else if (kc.k.n > 0) {
		width = ctx->width > 0 ? ctx->width : output_tty_width();
		for (k = 0; k < kc.k.n; k++) {
			kwic_cli_line(&kc, kwic_at(&kc.k, k), false);
			if (kc.parallel)
				kwic_cli_counterpart(&kc, kwic_at(&kc.k, k));
		}
		kwic_cli_print_text(&kc, width);
	}
	n = kc.k.n;
	for (k = 0; k < kc.n; k++) {
		free(kc.lines[k].ref);
		kwic_line_free(&kc.lines[k].line);
	}
	free(kc.lines);
	kwic_free(&kc.k);
	index_free(ix);
	query_free(q);
	text_buf_free(&qs);
	return n > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
