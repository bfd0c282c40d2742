/*
 * stats-draw.c -- drawing the statistics view's rows (see stats-view.h):
 * tables with bars in eighths of a cell, the dispersion strips (a document
 * a row, its length the row's width, a mark where the term occurs, the
 * chapters' starts dotted and labelled under it), collocates and keyness.
 * Unicode block and box characters, or ASCII (#, |, -, :) when the screen
 * is ASCII only; the theme carries NO_COLOR (screen.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/stats.h"
#include "ui/screen.h"
#include "ui/spans-draw.h"
#include "ui/stats-view.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The columns after a table's names: "  words  count  per 10k  ". */
#define SV_FIGURES_W	33

enum sv_glyph {
	SV_FULL,		/* a whole cell of bar */
	SV_BASE,		/* the strip where the term is not */
	SV_TICK,		/* where it is */
	SV_CHAPTER,		/* where a chapter starts */
};

static const char *
sv_glyph(const struct stats_view *sv, enum sv_glyph g)
{
	static const char *const utf8[] = {
		[SV_FULL] = "\u2588", [SV_BASE] = "\u2500",
		[SV_TICK] = "\u2503", [SV_CHAPTER] = "\u2506",
	};
	static const char *const ascii[] = {
		[SV_FULL] = "#", [SV_BASE] = "-", [SV_TICK] = "|",
		[SV_CHAPTER] = ":",
	};

	return app_ascii(sv->app) ? ascii[g] : utf8[g];
}

/* A bar of value / max over cols cells at (y, x). */
static void
sv_bar(const struct stats_view *sv, int y, int x, double value, double max,
    size_t cols, attr_t attr)
{
	static const char *const eighths[] = { "", "\u258f", "\u258e",
	    "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" };
	const char	*full = sv_glyph(sv, SV_FULL);
	size_t		 units, k;

	if (max <= 0 || value <= 0 || cols == 0)
		return;
	units = (size_t)(value / max * (double)(cols * 8) + 0.5);
	if (units == 0)
		units = 1;
	/* ASCII has no eighths: whole cells, at least one. */
	if (app_ascii(sv->app))
		units = (units + 4) / 8 > 0 ? (units + 4) / 8 * 8 : 8;
	for (k = 0; k < units / 8 && k < cols; k++)
		screen_put(y, x + (int)k, full, strlen(full), 1, attr);
	if (units % 8 && k < cols)
		screen_put(y, x + (int)k, eighths[units % 8],
		    strlen(eighths[units % 8]), 1, attr);
}

/* Plain text (charta's own, or sanitized data) at (y, x). */
static size_t
sv_text(int y, int x, const char *s, size_t width, attr_t attr)
{
	return spans_put_cut(y, x, s, width, attr);
}

static size_t
sv_namew(const struct stats_view *sv)
{
	size_t	max = (size_t)COLS / 3;

	return sv->namew < max ? sv->namew : max;
}

static void
sv_draw_heading(const struct stats_view *sv, int y, size_t ti)
{
	const struct stats_counts	*k = &sv->counts;
	char				*s;

	/* TRANSLATORS: a term's heading in the statistics view */
	s = xasprintf(ngettext("%s: %llu occurrence, %.2f per 10,000 words",
	    "%s: %llu occurrences, %.2f per 10,000 words", k->total[ti]),
	    sv->terms[ti].text, (unsigned long long)k->total[ti],
	    stats_rate(k->total[ti], k->words));
	sv_text(y, 1, s, (size_t)COLS - 2, screen_attr(THEME_HEADING));
	free(s);
}

static void
sv_draw_count(const struct stats_view *sv, int y, size_t ti, size_t r,
    bool total)
{
	const struct stats_counts	*k = &sv->counts;
	size_t				 nw = sv_namew(sv), nr, i;
	uint64_t			 count, words;
	double				 max = 0, rate;
	char				*name, *s;
	int				 x;

	nr = sv->by_part ? k->nparts : k->ndocs;
	for (i = 0; i < nr; i++) {
		rate = sv->by_part ? stats_rate(k->part_count[ti * k->nparts +
		    i], k->parts[i].words) : stats_rate(k->doc_count[ti *
		    k->ndocs + i], k->doc_words[i]);
		if (rate > max)
			max = rate;
	}
	if (total) {
		count = k->total[ti];
		words = k->words;
		name = xstrdup(_("total"));
	} else {
		count = sv->by_part ? k->part_count[ti * k->nparts + r] :
		    k->doc_count[ti * k->ndocs + r];
		words = sv->by_part ? k->parts[r].words : k->doc_words[r];
		name = sv_count_name(sv, r);
	}
	sv_text(y, 2, name, nw, screen_attr(total ? THEME_HEADING :
	    THEME_LABEL));
	free(name);
	s = xasprintf("%10llu  %7llu  %8.2f", (unsigned long long)words,
	    (unsigned long long)count, stats_rate(count, words));
	x = 2 + (int)nw + 2;
	screen_put(y, x, s, strlen(s), (size_t)(COLS - x), screen_attr(
	    THEME_NORMAL));
	free(s);
	x += SV_FIGURES_W - 2;
	if (!total && COLS > x + 1)
		sv_bar(sv, y, x, stats_rate(count, words), max,
		    (size_t)(COLS - x - 1), screen_attr(THEME_LABEL));
}

static void
sv_draw_count_head(const struct stats_view *sv, int y)
{
	const char	*names[] = { sv->by_part ? _("chapter") : _("document"),
	    _("word count"), _("count"), _("per 10k") };
	int		 widths[] = { -(int)sv_namew(sv), 10, 7, 8 };
	char		*s;

	s = stats_columns(names, widths, 4);
	sv_text(y, 2, s, (size_t)COLS - 3, screen_attr(THEME_META));
	free(s);
}

/* The strip of document d for term ti: a mark per cell with an occurrence. */
static void
sv_draw_disp(const struct stats_view *sv, int y, size_t ti, size_t d,
    bool labels)
{
	const struct corpus		*c = app_corpus(sv->app);
	const struct stats_counts	*k = &sv->counts;
	const struct corpus_doc		*doc = &c->docs[d];
	size_t				 nw = 10, w, cell, p, h, next = 0;
	uint64_t			 words = k->doc_words[d];
	char				*marks, *s;
	int				 x = 2 + (int)nw + 1;

	if (COLS < x + 12)
		return;
	w = (size_t)(COLS - x - 9);
	if (!labels)
		sv_text(y, 2, *doc->alias ? doc->alias : doc->slug, nw,
		    screen_attr(THEME_LABEL));
	marks = xcalloc(w, 1);
	for (p = 0; p < k->nparts; p++) {
		if (k->parts[p].doc != d || k->parts[p].node == doc->root)
			continue;
		cell = (size_t)(k->parts[p].first * w / words);
		if (cell >= w)
			cell = w - 1;
		if (labels) {
			/* A label where the last one has ended. */
			if (cell >= next)
				next = cell + 1 + sv_text(y, x + (int)cell,
				    c->nodes[k->parts[p].node].label, w - cell,
				    screen_attr(THEME_META));
		} else
			marks[cell] = 1;
	}
	if (labels) {
		free(marks);
		return;
	}
	for (h = 0; h < k->nhits; h++) {
		if (k->hits[h].term != ti || k->hits[h].doc != d)
			continue;
		cell = (size_t)(k->hits[h].pos * w / words);
		marks[cell < w ? cell : w - 1] = 2;
	}
	for (cell = 0; cell < w; cell++) {
		const char	*g = sv_glyph(sv, marks[cell] == 2 ? SV_TICK :
		    marks[cell] == 1 ? SV_CHAPTER : SV_BASE);

		screen_put(y, x + (int)cell, g, strlen(g), 1, screen_attr(
		    marks[cell] == 2 ? THEME_HIT : THEME_BORDER));
	}
	s = xasprintf("%7llu", (unsigned long long)k->doc_count[ti *
	    k->ndocs + d]);
	screen_put(y, x + (int)w + 1, s, strlen(s), 8, screen_attr(
	    THEME_NORMAL));
	free(s);
	free(marks);
}

static void
sv_draw_coll(const struct stats_view *sv, int y, size_t ti, size_t i,
    bool head)
{
	const struct stats_collocates	*k = &sv->colls[ti];
	const struct stats_collocate	*co;
	char				*s;
	size_t				 ww = 18;

	if (head) {
		const char	*names[] = { _("word"), _("near"), _("total"),
		    _("log-Dice"), _("MI") };
		int		 widths[] = { -(int)ww, 6, 6, 8, 6 };

		s = stats_columns(names, widths, 5);
		sv_text(y, 2, s, (size_t)COLS - 3, screen_attr(THEME_META));
		free(s);
		return;
	}
	co = &k->v[i];
	sv_text(y, 2, stats_vocab_word(&k->vocab, co->word), ww,
	    screen_attr(THEME_LABEL));
	s = xasprintf("%6llu  %6llu  %8.2f  %6.2f",
	    (unsigned long long)co->near, (unsigned long long)co->freq,
	    co->logdice, co->mi);
	screen_put(y, 2 + (int)ww + 2, s, strlen(s), (size_t)COLS, screen_attr(
	    THEME_NORMAL));
	free(s);
	/* The bar: log-Dice against the best one's (the first). */
	if (COLS > (int)ww + 2 + 36 + 2)
		sv_bar(sv, y, (int)ww + 2 + 36, co->logdice, k->v[0].logdice,
		    (size_t)(COLS - (int)ww - 2 - 36 - 1),
		    screen_attr(THEME_LABEL));
}

static void
sv_draw_key(const struct stats_view *sv, int y, size_t i, bool head)
{
	const struct stats_keyness	*k = &sv->key;
	const struct stats_key		*kw;
	double				 max = 0;
	size_t				 ww = 18, j;
	char				*s;
	int				 x = 2 + (int)ww + 2 + 42;

	if (head) {
		const char	*names[] = { _("word"), "A", "B", _("G2"),
		    _("log ratio"), _("key in") };
		int		 widths[] = { -(int)ww, 6, 6, 8, 9, -6 };

		s = stats_columns(names, widths, 6);
		sv_text(y, 2, s, (size_t)COLS - 3, screen_attr(THEME_META));
		free(s);
		return;
	}
	kw = &k->v[i];
	for (j = 0; j < k->n; j++) {
		double	lr = k->v[j].log_ratio < 0 ? -k->v[j].log_ratio :
		    k->v[j].log_ratio;

		if (lr > max)
			max = lr;
	}
	sv_text(y, 2, stats_vocab_word(&k->vocab, kw->word), ww,
	    screen_attr(THEME_LABEL));
	s = xasprintf("%6llu  %6llu  %8.2f  %+9.2f  %s",
	    (unsigned long long)kw->a, (unsigned long long)kw->b, kw->ll,
	    kw->log_ratio, kw->log_ratio > 0 ? "A" : "B");
	screen_put(y, 2 + (int)ww + 2, s, strlen(s), (size_t)COLS, screen_attr(
	    THEME_NORMAL));
	free(s);
	if (COLS > x + 1)
		sv_bar(sv, y, x, kw->log_ratio < 0 ? -kw->log_ratio :
		    kw->log_ratio, max, (size_t)(COLS - x - 1), screen_attr(
		    kw->log_ratio > 0 ? THEME_LABEL : THEME_CAPTION));
}

/* Headings of the dispersion, the collocates and keyness. */
static void
sv_draw_part_head(const struct stats_view *sv, int y,
    const struct sv_row *row)
{
	char	*s = NULL;

	switch (row->kind) {
	case SV_DISP_HEAD:
		s = xstrdup(_("Where it occurs (a mark: one occurrence or "
		    "more; chapters dotted)"));
		break;
	case SV_COLL_HEAD:
		/* TRANSLATORS: the heading of the collocates */
		s = xasprintf(_("Collocates within %zu words, seen near it at "
		    "least %llu times, by log-Dice"),
		    sv->colls ? sv->colls[row->a].window : 0,
		    sv->colls ? (unsigned long long)sv->colls[row->a].min : 0);
		break;
	case SV_KEY_HEAD:
		/* TRANSLATORS: the heading of keyness (A and B: the texts) */
		s = xasprintf(_("A: %llu words; B: %llu words; log-likelihood "
		    "at least 3.84 (p < 0.05)"),
		    (unsigned long long)sv->key.words_a,
		    (unsigned long long)sv->key.words_b);
		break;
	default:
		return;
	}
	sv_text(y, 1, s, (size_t)COLS - 2, screen_attr(THEME_HEADING));
	free(s);
}

static void
sv_draw_row(const struct stats_view *sv, int y, const struct sv_row *row)
{
	const char	*note;

	switch (row->kind) {
	case SV_HEADING:
		sv_draw_heading(sv, y, row->a);
		break;
	case SV_COUNT_HEAD:
		sv_draw_count_head(sv, y);
		break;
	case SV_COUNT:
	case SV_COUNT_TOTAL:
		sv_draw_count(sv, y, row->a, row->b, row->kind ==
		    SV_COUNT_TOTAL);
		break;
	case SV_DISP:
	case SV_DISP_LABELS:
		sv_draw_disp(sv, y, row->a, row->b, row->kind ==
		    SV_DISP_LABELS);
		break;
	case SV_COLL_COLS:
	case SV_COLL:
		sv_draw_coll(sv, y, row->a, row->b, row->kind == SV_COLL_COLS);
		break;
	case SV_KEY_COLS:
	case SV_KEY:
		sv_draw_key(sv, y, row->b, row->kind == SV_KEY_COLS);
		break;
	case SV_NOTE:
		note = row->a == SV_NOTE_NO_COLLOCATE ? _("(no collocate)") :
		    row->a == SV_NOTE_NO_KEY ? _("(no word is key)") :
		    row->a == SV_NOTE_COUNTING ? _("counting...") :
		    sv->stop_err;
		sv_text(y, 2, note, (size_t)COLS - 3, screen_attr(
		    row->a == SV_NOTE_STOPWORDS ? THEME_ERROR : THEME_META));
		break;
	default:
		sv_draw_part_head(sv, y, row);
		break;
	}
}

void
sv_draw(struct view *v)
{
	struct stats_view	*sv = v->data;
	char			*title;
	size_t			 r;
	int			 y;

	switch (sv->mode) {
	case SV_TERMS:
		/* TRANSLATORS: the statistics view's title line */
		title = xasprintf(sv->by_part ? _(" Statistics of %s, per "
		    "chapter") : _(" Statistics of %s, per document"),
		    sv->what);
		break;
	default:
		title = xasprintf(_(" Keyness: %s"), sv->what);
		break;
	}
	screen_fill(0, 0, (size_t)COLS, screen_attr(THEME_TITLE));
	spans_put_cut(0, 0, title, (size_t)COLS, screen_attr(THEME_TITLE));
	free(title);
	for (y = 1; y < LINES - 1; y++) {
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
		r = sv->top + (size_t)(y - 1);
		if (r < sv->nrows)
			sv_draw_row(sv, y, &sv->rows[r]);
	}
}

static const struct view_hint sv_hints_doc[] = {
	{ .req = REQ_STATS_BY, .label = N_("per chapter") },
	{ .req = REQ_NEXT_SIBLING, .label = N_("parts") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

static const struct view_hint sv_hints_part[] = {
	{ .req = REQ_STATS_BY, .label = N_("per document") },
	{ .req = REQ_NEXT_SIBLING, .label = N_("parts") },
	{ .req = REQ_QUIT, .label = N_("back") },
};

void
sv_status(struct view *v, struct view_status *st)
{
	struct stats_view	*sv = v->data;
	size_t			 body = (size_t)(app_lines() > 2 ?
	    app_lines() - 2 : 1);

	if (sv->mode != SV_TERMS)
		st->left = app_hints(sv_hints_doc + 1, 2);
	else
		st->left = app_hints(sv->by_part ? sv_hints_part :
		    sv_hints_doc, 3);
	if (sv->nrows > body)
		st->right = xasprintf("%zu%%", (sv->top + body) * 100 /
		    sv->nrows > 100 ? 100 : (sv->top + body) * 100 / sv->nrows);
}
