/*
 * cmd-stats.c -- `charta stats TERM...`: how often each term occurs in
 * each document (--by=chapter: each chapter), as a count, the words there
 * and the rate per 10,000 words, with a bar for the rate; as text, TSV or
 * JSON (JSON adds every occurrence's place); with --svg FILE, also the bar
 * charts and dispersion plots as an SVG picture (stats/svg.c), written
 * whole or not at all.  What a word and a term are: stats/stats.h and the
 * manual page.  Exit status 0 if a term occurs, 1 if none does, 2 error.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "cli/stats-stream.h"
#include "model/corpus.h"
#include "stats/stats.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define STATS_BAR_COLS	20

/* Write s to path through a temporary file beside it: whole or not at all. */
static int
cmd_stats_write_file(const char *path, const char *s)
{
	char	*tmp;
	FILE	*f;
	int	 fd, err = 0;
	size_t	 n = strlen(s);
	mode_t	 mask;

	tmp = xasprintf("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd == -1) {
		output_error(_("cannot write %s: %s"), path, strerror(errno));
		free(tmp);
		return -1;
	}
	/* The permissions any new file gets, not mkstemp's 0600. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	f = fdopen(fd, "w");
	if (f == NULL) {
		err = errno;
		close(fd);
	} else {
		if (fwrite(s, 1, n, f) != n || fflush(f) != 0)
			err = errno ? errno : EIO;
		if (fclose(f) != 0 && err == 0)
			err = errno;
	}
	if (err == 0 && rename(tmp, path) == -1)
		err = errno;
	if (err != 0) {
		output_error(_("cannot write %s: %s"), path, strerror(err));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* A bar of value / max over cols columns: eighths in UTF-8, # in ASCII. */
static void
cmd_stats_bar(double value, double max, size_t cols)
{
	static const char *const eighths[] = { "", "\u258f", "\u258e",
	    "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" };
	size_t	units, k;

	if (max <= 0 || value <= 0)
		return;
	units = (size_t)(value / max * (double)(cols * 8) + 0.5);
	if (units == 0)
		units = 1;
	if (output_ascii_only()) {
		for (k = 0; k < (units + 4) / 8 || (k == 0 && units > 0); k++)
			format_raw("#");
		return;
	}
	for (k = 0; k < units / 8; k++)
		format_raw("\u2588");
	output_raw(eighths[units % 8], strlen(eighths[units % 8]));
}

/* Row r's reference (a document's slug, or a chapter's ref). */
static char *
cmd_stats_row_ref(const struct corpus *c, const struct stats_counts *k,
    bool by_part, size_t r)
{
	if (!by_part)
		return xstrdup(c->docs[r].slug);
	return corpus_node_ref(c, k->parts[r].node);
}

static const char *
cmd_stats_row_title(const struct corpus *c, const struct stats_counts *k,
    bool by_part, size_t r)
{
	if (!by_part)
		return c->docs[r].title;
	return c->nodes[k->parts[r].node].title;
}

static void
cmd_stats_row(const struct stats_counts *k, bool by_part, size_t ti,
    size_t r, uint64_t *count, uint64_t *words)
{
	*words = by_part ? k->parts[r].words : k->doc_words[r];
	*count = by_part ? k->part_count[ti * k->nparts + r] :
	    k->doc_count[ti * k->ndocs + r];
}

static void
cmd_stats_text(const struct corpus *c, const struct stats_counts *k,
    const struct stats_term *t, bool by_part)
{
	size_t		 nrows = by_part ? k->nparts : k->ndocs, ti, r, w;
	size_t		 termw = 4, refw = 3;
	uint64_t	 count, words;
	double		 max;
	char		*ref, *line, *clean;

	for (ti = 0; ti < k->nterms; ti++) {
		clean = output_clean(t[ti].text, strlen(t[ti].text));
		w = text_width(clean, strlen(clean));
		termw = w > termw ? w : termw;
		free(clean);
	}
	for (r = 0; r < nrows; r++) {
		ref = cmd_stats_row_ref(c, k, by_part, r);
		w = text_width(ref, strlen(ref));
		refw = w > refw ? w : refw;
		free(ref);
	}
	/* TRANSLATORS: the header of `charta stats`; keep the widths */
	{
		const char	*names[] = { _("term"), by_part ?
		    _("chapter") : _("document"), _("word count"),
		    _("count"), _("per 10k") };
		int		 widths[] = { -(int)termw, -(int)refw, 10, 7, 8 };

		line = stats_columns(names, widths, 5);
		output_raw(line, strlen(line));
		output_raw("\n", 1);
		free(line);
	}
	for (ti = 0; ti < k->nterms; ti++) {
		max = 0;
		for (r = 0; r < nrows; r++) {
			cmd_stats_row(k, by_part, ti, r, &count, &words);
			if (stats_rate(count, words) > max)
				max = stats_rate(count, words);
		}
		for (r = 0; r <= nrows; r++) {
			clean = output_clean(t[ti].text, strlen(t[ti].text));
			output_raw(clean, strlen(clean));
			output_spaces(termw - text_width(clean, strlen(clean)) +
			    2);
			free(clean);
			if (r < nrows) {
				cmd_stats_row(k, by_part, ti, r, &count,
				    &words);
				ref = cmd_stats_row_ref(c, k, by_part, r);
			} else {
				count = k->total[ti];
				words = k->words;
				/* TRANSLATORS: the last row of a term */
				ref = xstrdup(_("total"));
			}
			clean = output_clean(ref, strlen(ref));
			output_raw(clean, strlen(clean));
			output_spaces(refw - text_width(clean, strlen(clean)) +
			    2);
			free(clean);
			free(ref);
			line = xasprintf("%10llu  %7llu  %8.2f  ",
			    (unsigned long long)words,
			    (unsigned long long)count,
			    stats_rate(count, words));
			output_raw(line, strlen(line));
			free(line);
			if (r < nrows)
				cmd_stats_bar(stats_rate(count, words), max,
				    STATS_BAR_COLS);
			format_raw("\n");
		}
	}
}

static void
cmd_stats_tsv(const struct corpus *c, const struct stats_counts *k,
    const struct stats_term *t, bool by_part)
{
	size_t		 nrows = by_part ? k->nparts : k->ndocs, ti, r;
	uint64_t	 count, words;
	char		*ref, *nums;

	output_str("term\tref\ttitle\twords\tcount\tper_10k\n");
	for (ti = 0; ti < k->nterms; ti++) {
		for (r = 0; r < nrows; r++) {
			cmd_stats_row(k, by_part, ti, r, &count, &words);
			format_tsv_str(t[ti].text);
			format_raw("\t");
			ref = cmd_stats_row_ref(c, k, by_part, r);
			format_tsv_str(ref);
			free(ref);
			format_raw("\t");
			format_tsv_str(cmd_stats_row_title(c, k, by_part, r));
			nums = xasprintf("\t%llu\t%llu\t%.2f\n",
			    (unsigned long long)words,
			    (unsigned long long)count,
			    stats_rate(count, words));
			output_raw(nums, strlen(nums));
			free(nums);
		}
	}
}

static void
cmd_stats_json(const struct corpus *c, const struct stats_counts *k,
    const struct stats_term *t, bool by_part)
{
	size_t		 nrows = by_part ? k->nparts : k->ndocs, ti, r, h;
	uint64_t	 count, words;
	char		*ref, *s;
	bool		 first;

	s = xasprintf("{\"by\": \"%s\", \"words\": %llu, \"terms\": [",
	    by_part ? "chapter" : "doc", (unsigned long long)k->words);
	output_raw(s, strlen(s));
	free(s);
	for (ti = 0; ti < k->nterms; ti++) {
		format_raw(ti > 0 ? ",\n {\"term\": " : "\n {\"term\": ");
		format_json_str(t[ti].text);
		s = xasprintf(", \"total\": %llu, \"rows\": [",
		    (unsigned long long)k->total[ti]);
		output_raw(s, strlen(s));
		free(s);
		for (r = 0; r < nrows; r++) {
			cmd_stats_row(k, by_part, ti, r, &count, &words);
			format_raw(r > 0 ? ",\n  {\"ref\": " : "\n  {\"ref\": ");
			ref = cmd_stats_row_ref(c, k, by_part, r);
			format_json_str(ref);
			free(ref);
			format_raw(", \"title\": ");
			format_json_str(cmd_stats_row_title(c, k, by_part, r));
			s = xasprintf(", \"words\": %llu, \"count\": %llu, "
			    "\"per_10k\": %.2f}", (unsigned long long)words,
			    (unsigned long long)count,
			    stats_rate(count, words));
			output_raw(s, strlen(s));
			free(s);
		}
		format_raw("],\n  \"occurrences\": [");
		first = true;
		for (h = 0; h < k->nhits; h++) {
			if (k->hits[h].term != ti)
				continue;
			format_raw(first ? "{\"ref\": " : ", {\"ref\": ");
			first = false;
			ref = corpus_node_ref(c, k->hits[h].node);
			format_json_str(ref);
			free(ref);
			s = xasprintf(", \"word\": %llu, \"of\": %llu}",
			    (unsigned long long)k->hits[h].pos,
			    (unsigned long long)k->doc_words[k->hits[h].doc]);
			output_raw(s, strlen(s));
			free(s);
		}
		format_raw("]}");
	}
	format_raw("\n]}\n");
}

int
cmd_stats_exec(struct cli_ctx *ctx)
{
	const struct corpus	*c;
	struct corpus		*named = NULL;
	struct stats_term	*t;
	struct stats_counts	 k;
	const char		*by = ctx->opt[COMMAND_OPT_BY];
	const char		*svg_path = ctx->opt[COMMAND_OPT_SVG];
	enum format		 fmt;
	bool			 by_part = by != NULL && strcmp(by, "chapter") ==
	    0;
	char			*err = NULL, *svg;
	int			 i, n = ctx->argc, status = EXIT_NOTFOUND;
	size_t			 ti;

	/*
	 * The terms first: then the corpus is read once, as it streams by,
	 * if it can be; else loaded whole, which says what is wrong with it
	 * before anything is said of the options or the terms, as ever.
	 */
	t = xcalloc((size_t)n, sizeof *t);
	for (i = 0; i < n && err == NULL; i++)
		if (stats_term_parse(&t[i], ctx->argv[i], &err) == -1)
			break;
	if (err != NULL || stats_stream(ctx, t, (size_t)n, &k, &named) == -1) {
		memset(&k, 0, sizeof k);
		if (cli_corpus_load(ctx) == -1)
			status = EXIT_USAGE;
	}
	c = named != NULL ? named : ctx->corpus;
	if (status == EXIT_USAGE)
		;
	else if (format_from_options(ctx, &fmt) == -1)
		status = EXIT_USAGE;
	else if (svg_path != NULL && *svg_path == '\0') {
		output_error("%s", _("--svg needs a file name"));
		status = EXIT_USAGE;
	} else if (err != NULL) {
		output_error("%s", err);
		status = EXIT_USAGE;
	}
	if (status == EXIT_USAGE)
		goto out;
	if (named == NULL)
		stats_count(&k, c, t, (size_t)n);
	if (svg_path != NULL) {
		svg = stats_svg(c, &k, t, by_part);
		if (cmd_stats_write_file(svg_path, svg) == -1)
			status = EXIT_USAGE;
		free(svg);
	}
	if (status != EXIT_USAGE) {
		if (fmt == FORMAT_TSV)
			cmd_stats_tsv(c, &k, t, by_part);
		else if (fmt == FORMAT_JSON)
			cmd_stats_json(c, &k, t, by_part);
		else
			cmd_stats_text(c, &k, t, by_part);
		for (ti = 0; ti < k.nterms; ti++)
			if (k.total[ti] > 0)
				status = EXIT_FOUND;
	}
out:
	stats_counts_free(&k);
	corpus_free(named);
	free(err);
	for (i = 0; i < n; i++)
		stats_term_free(&t[i]);
	free(t);
	return status;
}
