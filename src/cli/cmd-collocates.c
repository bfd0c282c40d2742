/*
 * cmd-collocates.c -- `charta collocates TERM [REF]`: the words found
 * within --window words of the term (5 by default) in the whole corpus or
 * under REF, at least --min times (2), stop words left out, by log-Dice
 * with mutual information beside it (stats/collocates.c says how each is
 * computed).  As text, TSV or JSON.  Exit status 0 if there are
 * collocates, 1 if none, 2 error.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "stats/stats.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define COLLOCATES_WINDOW	5
#define COLLOCATES_MIN		2

/* Read the stop word list; on error say why and return -1. */
int
cli_stopwords(struct stats_vocab *stop)
{
	char	*path, *err;

	stats_vocab_init(stop);
	path = stats_stopwords_path();
	if (stats_stopwords_load(stop, path, &err) == -1) {
		output_error("%s", err);
		free(err);
		free(path);
		stats_vocab_free(stop);
		return -1;
	}
	free(path);
	return 0;
}

static void
collocates_text(const struct stats_collocates *k, const struct stats_term *t)
{
	char		*s, *clean;
	size_t		 i, w, wordw = 4;
	const char	*word;

	clean = output_clean(t->text, strlen(t->text));
	/* TRANSLATORS: the first line of `charta collocates` */
	s = xasprintf(_("%s: %llu occurrences in %llu words; within %zu "
	    "words, seen near it at least %llu times\n"), clean,
	    (unsigned long long)k->node_freq, (unsigned long long)k->words,
	    k->window, (unsigned long long)k->min);
	output_raw(s, strlen(s));
	free(s);
	free(clean);
	for (i = 0; i < k->n; i++) {
		word = stats_vocab_word(&k->vocab, k->v[i].word);
		clean = output_clean(word, strlen(word));
		w = text_width(clean, strlen(clean));
		wordw = w > wordw ? w : wordw;
		free(clean);
	}
	/* TRANSLATORS: the header of `charta collocates`; keep the widths */
	{
		const char	*names[] = { _("word"), _("near"), _("total"),
		    _("log-Dice"), _("MI") };
		int		 widths[] = { -(int)wordw, 6, 6, 8, 6 };

		s = stats_columns(names, widths, 5);
		output_raw(s, strlen(s));
		output_raw("\n", 1);
		free(s);
	}
	for (i = 0; i < k->n; i++) {
		word = stats_vocab_word(&k->vocab, k->v[i].word);
		output_cell(word, wordw);
		s = xasprintf("  %6llu  %6llu  %8.2f  %6.2f\n",
		    (unsigned long long)k->v[i].near,
		    (unsigned long long)k->v[i].freq, k->v[i].logdice,
		    k->v[i].mi);
		output_raw(s, strlen(s));
		free(s);
	}
}

static void
collocates_records(const struct stats_collocates *k,
    const struct stats_term *t, bool json)
{
	char	*s;
	size_t	 i;

	if (json) {
		format_raw("{\"term\": ");
		format_json_str(t->text);
		s = xasprintf(", \"occurrences\": %llu, \"words\": %llu, "
		    "\"window\": %zu, \"min\": %llu, \"collocates\": [",
		    (unsigned long long)k->node_freq,
		    (unsigned long long)k->words, k->window,
		    (unsigned long long)k->min);
	} else
		s = xstrdup("word\tnear\ttotal\tlog_dice\tmi\n");
	output_raw(s, strlen(s));
	free(s);
	for (i = 0; i < k->n; i++) {
		if (json) {
			format_raw(i > 0 ? ",\n  {\"word\": " : "\n  {\"word\": ");
			format_json_str(stats_vocab_word(&k->vocab,
			    k->v[i].word));
			s = xasprintf(", \"near\": %llu, \"total\": %llu, "
			    "\"log_dice\": %.4f, \"mi\": %.4f}",
			    (unsigned long long)k->v[i].near,
			    (unsigned long long)k->v[i].freq,
			    k->v[i].logdice, k->v[i].mi);
		} else {
			format_tsv_str(stats_vocab_word(&k->vocab,
			    k->v[i].word));
			s = xasprintf("\t%llu\t%llu\t%.4f\t%.4f\n",
			    (unsigned long long)k->v[i].near,
			    (unsigned long long)k->v[i].freq,
			    k->v[i].logdice, k->v[i].mi);
		}
		output_raw(s, strlen(s));
		free(s);
	}
	if (json)
		format_raw("\n]}\n");
}

int
cmd_collocates_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	struct stats_term	 t;
	struct stats_vocab	 stop;
	struct stats_collocates	 k;
	enum format		 fmt;
	uint32_t		 from = 0, to = (uint32_t)c->nnodes;
	size_t			 window = COLLOCATES_WINDOW;
	uint64_t		 min = COLLOCATES_MIN;
	char			*err;
	int			 status;

	if (format_from_options(ctx, &fmt) == -1)
		return EXIT_USAGE;
	if (ctx->opt[COMMAND_OPT_WINDOW] != NULL)
		window = (size_t)atoi(ctx->opt[COMMAND_OPT_WINDOW]);
	if (ctx->opt[COMMAND_OPT_MIN] != NULL)
		min = (uint64_t)atol(ctx->opt[COMMAND_OPT_MIN]);
	if (ctx->argc > 1) {
		from = cli_resolve(c, ctx->argv[1]);
		if (from == CORPUS_NONE)
			return EXIT_USAGE;
		to = corpus_subtree_end(c, from);
	}
	if (stats_term_parse(&t, ctx->argv[0], &err) == -1) {
		output_error("%s", err);
		free(err);
		return EXIT_USAGE;
	}
	if (cli_stopwords(&stop) == -1) {
		stats_term_free(&t);
		return EXIT_USAGE;
	}
	stats_collocates(&k, c, &t, from, to, window, min, &stop);
	if (fmt == FORMAT_TEXT)
		collocates_text(&k, &t);
	else
		collocates_records(&k, &t, fmt == FORMAT_JSON);
	status = k.n > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
	stats_collocates_free(&k);
	stats_vocab_free(&stop);
	stats_term_free(&t);
	return status;
}
