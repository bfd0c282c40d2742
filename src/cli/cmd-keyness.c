/*
 * cmd-keyness.c -- `charta keyness REF REF`: the words one text (A, the
 * first REF) uses markedly more or less than another (B): log-likelihood
 * at least 3.84 (p < 0.05), with the log ratio as the size of the
 * difference (stats/keyness.c).  A REF may be a group: references joined
 * by commas (mfa,un).  Stop words are left out.  As text, TSV or JSON.
 * Exit status 0 if a word is key, 1 if none is, 2 error.
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

#define KEYNESS_MIN	2

/* The node ranges of "REF[,REF...]"; -1 after a message. */
static int
keyness_ranges(const struct corpus *c, const char *arg, uint32_t (**out)[2],
    size_t *n)
{
	char		*copy = xstrdup(arg), *p, *comma;
	uint32_t	 node;
	size_t		 cap = 0;

	*out = NULL;
	*n = 0;
	for (p = copy; p != NULL; p = comma) {
		comma = strchr(p, ',');
		if (comma != NULL)
			*comma++ = '\0';
		if (*p == '\0')
			continue;
		node = cli_resolve(c, p);
		if (node == CORPUS_NONE) {
			free(copy);
			free(*out);
			*out = NULL;
			return -1;
		}
		*out = xgrowarray(*out, &cap, *n + 1, sizeof **out);
		(*out)[*n][0] = node;
		(*out)[*n][1] = corpus_subtree_end(c, node);
		(*n)++;
	}
	free(copy);
	if (*n == 0) {
		output_error(_("no reference in '%s'"), arg);
		return -1;
	}
	return 0;
}

static void
keyness_text(const struct stats_keyness *k, char **argv)
{
	char		*s, *a, *b, *clean;
	size_t		 i, w, wordw = 4;
	const char	*word;

	a = output_clean(argv[0], strlen(argv[0]));
	b = output_clean(argv[1], strlen(argv[1]));
	/* TRANSLATORS: the first line of `charta keyness` */
	s = xasprintf(_("A: %s, %llu words; B: %s, %llu words\n"), a,
	    (unsigned long long)k->words_a, b, (unsigned long long)k->words_b);
	output_raw(s, strlen(s));
	free(s);
	free(a);
	free(b);
	for (i = 0; i < k->n; i++) {
		word = stats_vocab_word(&k->vocab, k->v[i].word);
		clean = output_clean(word, strlen(word));
		w = text_width(clean, strlen(clean));
		wordw = w > wordw ? w : wordw;
		free(clean);
	}
	/* TRANSLATORS: the header of `charta keyness`; keep the widths */
	{
		const char	*names[] = { _("word"), "A", "B", _("G2"),
		    _("log ratio"), _("key in") };
		int		 widths[] = { -(int)wordw, 6, 6, 8, 9, -6 };

		s = stats_columns(names, widths, 6);
		output_raw(s, strlen(s));
		output_raw("\n", 1);
		free(s);
	}
	for (i = 0; i < k->n; i++) {
		word = stats_vocab_word(&k->vocab, k->v[i].word);
		output_cell(word, wordw);
		s = xasprintf("  %6llu  %6llu  %8.2f  %+9.2f  %s\n",
		    (unsigned long long)k->v[i].a,
		    (unsigned long long)k->v[i].b, k->v[i].ll,
		    k->v[i].log_ratio, k->v[i].log_ratio > 0 ? "A" : "B");
		output_raw(s, strlen(s));
		free(s);
	}
}

static void
keyness_records(const struct stats_keyness *k, char **argv, bool json)
{
	char	*s;
	size_t	 i;

	if (json) {
		format_raw("{\"a\": ");
		format_json_str(argv[0]);
		format_raw(", \"b\": ");
		format_json_str(argv[1]);
		s = xasprintf(", \"words_a\": %llu, \"words_b\": %llu, "
		    "\"min\": %llu, \"words\": [",
		    (unsigned long long)k->words_a,
		    (unsigned long long)k->words_b,
		    (unsigned long long)k->min);
	} else
		s = xstrdup("word\ta\tb\tll\tlog_ratio\tkey_in\n");
	output_raw(s, strlen(s));
	free(s);
	for (i = 0; i < k->n; i++) {
		if (json) {
			format_raw(i > 0 ? ",\n  {\"word\": " : "\n  {\"word\": ");
			format_json_str(stats_vocab_word(&k->vocab,
			    k->v[i].word));
			s = xasprintf(", \"a\": %llu, \"b\": %llu, "
			    "\"ll\": %.4f, \"log_ratio\": %.4f, "
			    "\"key_in\": \"%s\"}",
			    (unsigned long long)k->v[i].a,
			    (unsigned long long)k->v[i].b, k->v[i].ll,
			    k->v[i].log_ratio,
			    k->v[i].log_ratio > 0 ? "a" : "b");
		} else {
			format_tsv_str(stats_vocab_word(&k->vocab,
			    k->v[i].word));
			s = xasprintf("\t%llu\t%llu\t%.4f\t%.4f\t%s\n",
			    (unsigned long long)k->v[i].a,
			    (unsigned long long)k->v[i].b, k->v[i].ll,
			    k->v[i].log_ratio,
			    k->v[i].log_ratio > 0 ? "a" : "b");
		}
		output_raw(s, strlen(s));
		free(s);
	}
	if (json)
		format_raw("\n]}\n");
}

int
cmd_keyness_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c = ctx->corpus;
	struct stats_vocab	 stop;
	struct stats_keyness	 k;
	uint32_t		(*a)[2], (*b)[2];
	size_t			 na, nb;
	uint64_t		 min = KEYNESS_MIN;
	enum format		 fmt;
	int			 status;

	if (format_from_options(ctx, &fmt) == -1)
		return EXIT_USAGE;
	if (ctx->opt[COMMAND_OPT_MIN] != NULL)
		min = (uint64_t)atol(ctx->opt[COMMAND_OPT_MIN]);
	if (keyness_ranges(c, ctx->argv[0], &a, &na) == -1)
		return EXIT_USAGE;
	if (keyness_ranges(c, ctx->argv[1], &b, &nb) == -1) {
		free(a);
		return EXIT_USAGE;
	}
	if (cli_stopwords(&stop) == -1) {
		free(a);
		free(b);
		return EXIT_USAGE;
	}
	stats_keyness(&k, c, (const uint32_t (*)[2])a, na,
	    (const uint32_t (*)[2])b, nb, min, &stop);
	if (fmt == FORMAT_TEXT)
		keyness_text(&k, ctx->argv);
	else
		keyness_records(&k, ctx->argv, fmt == FORMAT_JSON);
	status = k.n > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
	stats_keyness_free(&k);
	stats_vocab_free(&stop);
	free(a);
	free(b);
	return status;
}
