/*
 * svg.c -- the counts as a picture for a paper (see stats.h): for each
 * term, a bar chart of its rate per 10,000 words and a dispersion plot in
 * the manner of AntConc's concordance plot, in one self-contained SVG.
 *
 * Made for print: black text in a common sans-serif at 11 to 16 px on a
 * 820 px wide page, thin grey rules, and one colour per term chosen from
 * dark, well separated shades so that the terms stay apart when printed
 * in grey.  Every text from the corpus is sanitized (the display policy:
 * no control character, nothing an XML parser refuses) and escaped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "stats/stats.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define SVG_WIDTH	820
#define SVG_MARGIN	20
#define SVG_LABEL_W	190	/* the labels' column */
#define SVG_VALUE_W	110	/* the figures after a bar */
#define SVG_ROW		20	/* a bar's row */
#define SVG_PLOT_ROW	34	/* a dispersion row, with its chapter labels */
#define SVG_FONT	"DejaVu Sans, Helvetica, Arial, sans-serif"

/* Dark shades far apart in lightness: they stay apart in grey. */
static const char *const svg_colours[] = {
	"#1f3b73", "#b35806", "#1b7837", "#762a83", "#4d4d4d", "#8c510a",
};
#define SVG_NCOLOURS	(sizeof svg_colours / sizeof svg_colours[0])

/* Data text s[0..n) sanitized, on one line, and escaped for XML. */
static void
svg_text(struct text_buf *b, const char *s, size_t n)
{
	char	*clean, *p;

	/* TTY mode: non-characters become U+FFFD, which XML takes. */
	clean = text_sanitize(s, n, TEXT_MODE_TTY, false, NULL);
	for (p = clean; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			text_buf_puts(b, "&amp;");
			break;
		case '<':
			text_buf_puts(b, "&lt;");
			break;
		case '>':
			text_buf_puts(b, "&gt;");
			break;
		case '"':
			text_buf_puts(b, "&quot;");
			break;
		case '\n':
			text_buf_addc(b, ' ');
			break;
		default:
			text_buf_addc(b, *p);
		}
	}
	free(clean);
}

static void
svg_str(struct text_buf *b, const char *s)
{
	svg_text(b, s, strlen(s));
}

/* The short name of a document: its alias, else its slug. */
static const char *
svg_doc_name(const struct corpus *c, uint32_t d)
{
	return *c->docs[d].alias != '\0' ? c->docs[d].alias : c->docs[d].slug;
}

/* A text element at (x, y) of size px, anchored as anchor. */
static void
svg_label(struct text_buf *b, double x, double y, int size, const char *anchor,
    const char *weight, const char *s)
{
	text_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" "
	    "text-anchor=\"%s\"%s%s%s>", x, y, size, anchor,
	    weight ? " font-weight=\"" : "", weight ? weight : "",
	    weight ? "\"" : "");
	svg_str(b, s);
	text_buf_puts(b, "</text>\n");
}

/* The name of row r of the bar chart: a document, or a part of one. */
static char *
svg_row_name(const struct corpus *c, const struct stats_counts *k,
    bool by_part, size_t r)
{
	const struct stats_part	*p;

	if (!by_part)
		return xstrdup(svg_doc_name(c, (uint32_t)r));
	p = &k->parts[r];
	/* Labels, not titles: a title would not fit the column. */
	if (p->node == c->docs[p->doc].root)
		return xstrdup(svg_doc_name(c, p->doc));
	return xasprintf("%s:%s", svg_doc_name(c, p->doc),
	    c->nodes[p->node].label);
}

/* The bar chart of term ti, from y; returns the y after it. */
static double
svg_bars(struct text_buf *b, const struct corpus *c,
    const struct stats_counts *k, size_t ti, bool by_part, double y)
{
	size_t		 nrows = by_part ? k->nparts : k->ndocs, r;
	double		 max = 0.0, rate, x0, w, plot_w;
	uint64_t	 count, words;
	char		*name, *fig;
	const char	*colour = svg_colours[ti % SVG_NCOLOURS];

	x0 = SVG_MARGIN + SVG_LABEL_W;
	plot_w = SVG_WIDTH - 2 * SVG_MARGIN - SVG_LABEL_W - SVG_VALUE_W;
	for (r = 0; r < nrows; r++) {
		words = by_part ? k->parts[r].words : k->doc_words[r];
		count = by_part ? k->part_count[ti * k->nparts + r] :
		    k->doc_count[ti * k->ndocs + r];
		rate = stats_rate(count, words);
		if (rate > max)
			max = rate;
	}
	/* TRANSLATORS: the heading of a bar chart in the SVG */
	svg_label(b, SVG_MARGIN, y + 14, 13, "start", "bold",
	    _("Occurrences per 10,000 words"));
	y += 22;
	for (r = 0; r < nrows; r++) {
		words = by_part ? k->parts[r].words : k->doc_words[r];
		if (words == 0)
			continue;
		count = by_part ? k->part_count[ti * k->nparts + r] :
		    k->doc_count[ti * k->ndocs + r];
		rate = stats_rate(count, words);
		name = svg_row_name(c, k, by_part, r);
		text_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" "
		    "font-size=\"11\" text-anchor=\"end\">",
		    x0 - 8, y + 13);
		svg_str(b, name);
		text_buf_puts(b, "</text>\n");
		free(name);
		w = max > 0 ? rate / max * plot_w : 0;
		text_buf_printf(b, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", x0, y + 3,
		    w, SVG_ROW - 6, colour);
		fig = xasprintf("%.2f (%llu)", rate, (unsigned long long)count);
		svg_label(b, x0 + w + 6, y + 13, 11, "start", NULL, fig);
		free(fig);
		y += SVG_ROW;
	}
	return y + 10;
}

/* The dispersion plot of term ti, from y; returns the y after it. */
static double
svg_dispersion(struct text_buf *b, const struct corpus *c,
    const struct stats_counts *k, size_t ti, double y)
{
	size_t		 d, p, h;
	double		 x0, plot_w, x;
	const char	*colour = svg_colours[ti % SVG_NCOLOURS];
	char		*fig;

	x0 = SVG_MARGIN + SVG_LABEL_W;
	plot_w = SVG_WIDTH - 2 * SVG_MARGIN - SVG_LABEL_W - SVG_VALUE_W;
	/* TRANSLATORS: the heading of the dispersion plot in the SVG */
	svg_label(b, SVG_MARGIN, y + 14, 13, "start", "bold",
	    _("Where it occurs (each tick one occurrence)"));
	y += 24;
	for (d = 0; d < k->ndocs; d++) {
		if (k->doc_words[d] == 0)
			continue;
		svg_label(b, x0 - 8, y + 12, 11, "end", NULL,
		    svg_doc_name(c, (uint32_t)d));
		text_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"16\" fill=\"none\" stroke=\"#999999\" "
		    "stroke-width=\"0.8\"/>\n", x0, y, plot_w);
		/* Chapters: a dotted rule at each start, its label under. */
		for (p = 0; p < k->nparts; p++) {
			const struct stats_part	*pt = &k->parts[p];

			if (pt->doc != d || pt->node == c->docs[d].root)
				continue;
			x = x0 + (double)pt->first / (double)k->doc_words[d] *
			    plot_w;
			text_buf_printf(b, "<line class=\"chapter\" "
			    "x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
			    "stroke=\"#999999\" stroke-width=\"0.8\" "
			    "stroke-dasharray=\"2,2\"/>\n", x, y, x, y + 16);
			svg_label(b, x + 2, y + 27, 9, "start", NULL,
			    c->nodes[pt->node].label);
		}
		for (h = 0; h < k->nhits; h++) {
			if (k->hits[h].term != ti || k->hits[h].doc != d)
				continue;
			x = x0 + ((double)k->hits[h].pos + 0.5) /
			    (double)k->doc_words[d] * plot_w;
			text_buf_printf(b, "<line class=\"tick\" x1=\"%.1f\" "
			    "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
			    "stroke-width=\"1.5\"/>\n", x, y + 1, x, y + 15,
			    colour);
		}
		fig = xasprintf("%llu", (unsigned long long)
		    k->doc_count[ti * k->ndocs + d]);
		svg_label(b, x0 + plot_w + 6, y + 12, 11, "start", NULL, fig);
		free(fig);
		y += SVG_PLOT_ROW;
	}
	return y + 6;
}

char *
stats_svg(const struct corpus *c, const struct stats_counts *k,
    const struct stats_term *t, bool by_part)
{
	struct text_buf	 body, out;
	size_t		 ti;
	double		 y = SVG_MARGIN;
	char		*head;

	text_buf_init(&body);
	for (ti = 0; ti < k->nterms; ti++) {
		head = xasprintf("%s: %llu", t[ti].text,
		    (unsigned long long)k->total[ti]);
		svg_label(&body, SVG_MARGIN, y + 16, 16, "start", "bold", head);
		free(head);
		y += 28;
		y = svg_bars(&body, c, k, ti, by_part, y);
		y = svg_dispersion(&body, c, k, ti, y);
		y += 14;
	}
	text_buf_init(&out);
	text_buf_printf(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	    "height=\"%.0f\" viewBox=\"0 0 %d %.0f\" font-family=\"%s\" "
	    "fill=\"#000000\">\n"
	    "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
	    SVG_WIDTH, y + SVG_MARGIN, SVG_WIDTH, y + SVG_MARGIN, SVG_FONT);
	text_buf_add(&out, body.data ? body.data : "", body.len);
	text_buf_puts(&out, "</svg>\n");
	text_buf_free(&body);
	return text_buf_steal(&out);
}
