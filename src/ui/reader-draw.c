/*
 * reader-draw.c -- drawing the reader: the title line (document, the path
 * to the selection, and the reference of the paragraph at the top of the
 * text), the outline, the text, and the status line's hints.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "text/text.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "ui/spans-curses.h"
#include "ui/spans-draw.h"
#include "util/i18n.h"
#include "util/xmalloc.h"



/* The percentage of the document before the first line shown. */
static int
reader_percent(struct reader *r)
{
	const struct corpus	*c = r->c;
	const struct corpus_doc	*d;
	uint32_t		 n;
	size_t			 last;

	last = r->tv.top + (size_t)r->text_rect.h;
	/* The end of the text shows if no line after the page is laid out. */
	textview_more(&r->tv, last + 1);
	if (r->tv.root == CORPUS_NONE || r->tv.nlines == 0)
		return 0;
	n = r->tv.lines[r->tv.top].node;
	d = &c->docs[c->nodes[n].doc];
	if (last >= r->tv.nlines && corpus_subtree_end(c, r->tv.root) ==
	    d->end)
		return 100;
	if (d->end - d->root <= 1)
		return 100;
	return (int)((uint64_t)(n - d->root) * 100 / (d->end - d->root));
}

static void
reader_draw_title(struct reader *r)
{
	const struct corpus	*c = r->c;
	attr_t			 at = screen_attr(THEME_TITLE);
	uint32_t		 n = r->ol.sel, chain[CORPUS_MAX_DEPTH + 1];
	size_t			 depth = 0, x = 1, w, rw = 0, k, cols;
	const struct corpus_doc	*d;
	const char		*crumb = screen_glyph(GLYPH_CRUMB);
	char			*ref;

	cols = (size_t)COLS;
	screen_fill(0, 0, cols, at);
	if (n == CORPUS_NONE)
		return;
	d = &c->docs[c->nodes[n].doc];
	/* At the right: where the reader is, to cite it. */
	ref = corpus_node_short_ref(c, reader_current_node(r));
	if (cols > 40) {
		rw = spans_width(ref, strlen(ref));
		if (rw + 2 < cols / 2)
			spans_put_plain(0, (int)(cols - rw - 1), ref,
			    strlen(ref), rw, at);
		else
			rw = 0;
	}
	free(ref);
	w = cols - x - (rw ? rw + 2 : 1);
	x += spans_put_cut(0, (int)x, *d->short_title ? d->short_title :
	    d->title, w, at);
	/*
	 * The breadcrumb: the sections above the selection (the selection
	 * itself is on its highlighted row), so that moving among siblings
	 * leaves the line as it is.
	 */
	for (n = c->nodes[n].parent; n != CORPUS_NONE &&
	    c->nodes[n].kind != KIND_DOCUMENT &&
	    depth <= CORPUS_MAX_DEPTH; n = c->nodes[n].parent)
		if (!kind_is_block(c->nodes[n].kind))
			chain[depth++] = n;
	for (k = depth; k-- > 0;) {
		size_t	used = x - 1;

		/* A separator is worth drawing only with some text after it. */
		if (used + text_width(crumb, strlen(crumb)) + 4 > w)
			break;
		x += screen_put(0, (int)x, crumb, strlen(crumb), w - used, at);
		used = x - 1;
		if (used >= w)
			break;
		x += spans_put_cut(0, (int)x, c->nodes[chain[k]].title,
		    w - used, at);
	}
}

/*
 * The name of a block's kind, as the outline shows it before the block's
 * first words ("source: ..."): kind.h's names, repeated here so that
 * xgettext finds them.
 */
static const char *
reader_kind_name(enum node_kind k)
{
	switch (k) {
	case KIND_EPIGRAPH:
		/* TRANSLATORS: kinds of block (not paragraphs), shown in
		   the outline before the block's first words: "p1  epigraph:
		   ...". */
		return _("epigraph");
	case KIND_CAPTION:
		/* TRANSLATORS: a kind of block: the caption of a picture */
		return _("caption");
	case KIND_BYLINE:
		/* TRANSLATORS: a kind of block: the line naming the author */
		return _("byline");
	case KIND_PULLQUOTE:
		/* TRANSLATORS: a kind of block: a quotation set off in an
		   article */
		return _("pullquote");
	case KIND_SOURCE:
		/* TRANSLATORS: a kind of block: where a text comes from */
		return _("source");
	case KIND_TITLE:
		/* TRANSLATORS: a kind of block: a title set as a block */
		return _("title");
	case KIND_SIGNATURE:
		/* TRANSLATORS: a kind of block: the signature under a
		   letter */
		return _("signature");
	default:
		return kind_name(k);
	}
}

/* The text of an outline row for node n (a new string). */
static char *
reader_outline_label(const struct reader *r, uint32_t n)
{
	const struct corpus_node	*node = &r->c->nodes[n];
	const char			*lbl = node->label, *dot;
	size_t				 len;
	char				*snip, *s;

	if (node->kind == KIND_DOCUMENT)
		return xstrdup(node->title);
	if (!kind_is_block(node->kind))
		return xasprintf("%s  %s", lbl, node->title);
	/* A block: its label, its kind unless a paragraph, its first words. */
	len = node->text_len < 200 ? node->text_len : 200;
	while (len > 0 && len < node->text_len &&
	    ((unsigned char)node->text[len] & 0xc0) == 0x80)
		len--;
	snip = xstrndup(node->text, len);
	dot = strrchr(lbl, '.');
	lbl = dot != NULL ? dot + 1 : lbl;
	if (node->kind != KIND_PARAGRAPH)
		s = xasprintf("%s  %s: %s", lbl, reader_kind_name(node->kind),
		    snip);
	else
		s = xasprintf("%s  %s", lbl, snip);
	free(snip);
	return s;
}

/* Row y of the outline: node n, from column x, avail columns. */
static void
reader_draw_row(struct reader *r, int y, size_t x, size_t avail, uint32_t n,
    attr_t sel)
{
	const struct corpus	*c = r->c;
	struct text_spans	 ts;
	char			*label;
	const char		*gap;
	size_t			 used, ll;
	attr_t			 at;

	if (c->nodes[n].kind == KIND_DOCUMENT)
		at = screen_attr(THEME_DOCUMENT);
	else if (kind_is_block(c->nodes[n].kind))
		at = screen_attr(THEME_NORMAL);
	else
		at = screen_attr(THEME_HEADING);
	if (r->ol.filtered && r->ol.hit[n] == OUTLINE_CONTEXT)
		at = screen_attr(THEME_META);
	reader_links_mark(r, y, x, &avail, n);
	label = reader_outline_label(r, n);
	spans_line(&ts, label, strlen(label));
	if (r->ol.filtered && r->ol.hit[n] == OUTLINE_HIT)
		spans_mark_query(&ts, label, strlen(label),
		    app_query(r->app));
	used = spans_curses_draw(y, (int)x, avail, &ts, 0, ts.len, at,
	    TEXT_SPAN_ALL);
	/* The selected row's label, in the selection colour. */
	if (n == r->ol.sel && c->nodes[n].kind != KIND_DOCUMENT) {
		gap = strstr(ts.s, "  ");
		ll = gap ? (size_t)(gap - ts.s) : ts.len;
		screen_put(y, (int)x, ts.s, ll, avail, sel);
	}
	/* A document's number of matches, after its title. */
	if (r->ol.filtered && c->nodes[n].kind == KIND_DOCUMENT &&
	    used + 2 < avail && r->res.per_doc != NULL) {
		char	cnt[32];
		int	cl = snprintf(cnt, sizeof cnt, " (%u)",
		    (unsigned)r->res.per_doc[c->nodes[n].doc]);

		screen_put(y, (int)(x + used), cnt, (size_t)cl,
		    avail - used, at);
	}
	text_spans_free(&ts);
	free(label);
}

/*
 * At the right end of an outline row: the user's note (a pen) and mark
 * (') on the node, over whatever of the row was there.
 */
static void
reader_draw_markers(struct reader *r, int y, const struct view_rect *rc,
    uint32_t n)
{
	const char	*pen = app_ascii(r->app) ? "*" : "\xe2\x9c\x8e";
	int		 x = rc->x + rc->w - 1;

	if (r->flags == NULL || r->flags[n] == 0 || rc->w < 12)
		return;
	if (r->flags[n] & READER_NOTED) {
		screen_put(y, x - 1, " ", 1, 1, screen_attr(THEME_NORMAL));
		screen_put(y, x, pen, strlen(pen), 1, screen_attr(THEME_NOTE));
		x -= 2;
	}
	if (r->flags[n] & READER_MARKED) {
		screen_put(y, x - 1, " '", 2, 2, screen_attr(THEME_NOTE));
	}
}

static void
reader_draw_outline(struct reader *r)
{
	const struct view_rect	*rc = &r->outline_rect;
	const struct corpus	*c = r->c;
	size_t			 i, row, x, indent;
	attr_t			 base = screen_attr(THEME_NORMAL), sel;
	const char		*g;
	int			 y;
	uint32_t		 n;

	sel = screen_attr(r->focus == READER_OUTLINE ? THEME_SELECTED :
	    THEME_SELECTED_IDLE);
	outline_scroll_to_sel(&r->ol, (size_t)rc->h);
	for (i = 0; i < (size_t)rc->h; i++) {
		y = rc->y + (int)i;
		row = r->ol.top + i;
		screen_fill(y, rc->x, (size_t)rc->w, base);
		if (row >= r->ol.nrows)
			continue;
		n = r->ol.rows[row];
		/*
		 * The selection is marked on the fold marker and the label
		 * only, not the whole row: moving it over a slow link then
		 * repaints a few cells, not two full lines.
		 */
		indent = 2u * c->nodes[n].depth;
		if (indent + 4 > (size_t)rc->w)
			indent = rc->w > 4 ? (size_t)rc->w - 4 : 0;
		x = (size_t)rc->x + indent;
		if (outline_has_children(&r->ol, n)) {
			/* In a filtered outline the marker says what is shown. */
			bool	open = r->ol.filtered ?
			    outline_shows_children(&r->ol, n) : r->ol.open[n];

			g = screen_glyph(open ? GLYPH_OPEN : GLYPH_CLOSED);
			screen_put(y, (int)x, g, strlen(g), 1, n == r->ol.sel ?
			    sel : base);
		} else if (n == r->ol.sel)
			screen_put(y, (int)x, " ", 1, 1, sel);
		if (n == r->ol.sel)
			screen_put(y, (int)x + 1, " ", 1, 1, sel);
		x += 2;
		if (x >= (size_t)(rc->x + rc->w))
			continue;
		reader_draw_row(r, y, x, (size_t)(rc->x + rc->w) - x, n, sel);
		reader_draw_markers(r, y, rc, n);
	}
}

static attr_t
reader_line_attr(enum tv_style s)
{
	switch (s) {
	case TV_DOCUMENT:
		return screen_attr(THEME_DOCUMENT);
	case TV_HEADING:
	case TV_TITLE:
		return screen_attr(THEME_HEADING);
	case TV_META:
	case TV_UNDER:
		return screen_attr(THEME_META);
	case TV_EPIGRAPH:
		return screen_attr(THEME_EPIGRAPH);
	case TV_CAPTION:
		return screen_attr(THEME_CAPTION);
	default:
		return screen_attr(THEME_NORMAL);
	}
}

static void
reader_draw_text(struct reader *r)
{
	const struct view_rect	*rc = &r->text_rect;
	const struct query	*q = app_query(r->app);
	const struct tv_line	*line;
	struct tv_node		*tn = NULL;
	uint32_t		 marked = CORPUS_NONE;
	const char		*ml;
	size_t			 i, l, x, w, lw;
	attr_t			 at = screen_attr(THEME_NORMAL);
	int			 y;

	textview_more(&r->tv, r->tv.top + (size_t)rc->h);
	for (i = 0; i < (size_t)rc->h; i++) {
		y = rc->y + (int)i;
		screen_fill(y, rc->x, (size_t)rc->w, at);
		l = r->tv.top + i;
		if (l >= r->tv.nlines)
			continue;
		line = &r->tv.lines[l];
		if (line->style == TV_BLANK || line->indent >= (size_t)rc->w)
			continue;
		/* A paragraph's label in the margin, as verse numbers. */
		if ((ml = textview_margin_label(&r->tv, l)) != NULL) {
			lw = spans_width(ml, strlen(ml));
			spans_put_plain(y, rc->x + (lw + 1 < r->tv.margin ?
			    (int)(r->tv.margin - 1 - lw) : 0), ml, strlen(ml),
			    r->tv.margin - 1, screen_attr(THEME_LABEL));
		}
		x = (size_t)rc->x + line->indent;
		w = (size_t)rc->w - line->indent;
		/* A node's highlights, found once for all its lines. */
		if (line->node != marked) {
			tn = textview_node(&r->tv, line->node);
			spans_mark_query(&tn->ts, tn->src, tn->srclen, q);
			marked = line->node;
		}
		if (line->style == TV_NOTE) {
			spans_curses_draw(y, (int)x, w, &tn->notes, line->off,
			    line->len, screen_attr(THEME_NORMAL),
			    TEXT_SPAN_ALL);
			continue;
		}
		if (line->label_len > 0) {
			lw = spans_curses_draw(y, (int)x, w, &tn->ts, line->off,
			    line->label_len, screen_attr(THEME_LABEL),
			    TEXT_SPAN_ALL);
			x += lw;
			w -= lw < w ? lw : w;
		}
		spans_curses_draw(y, (int)x, w, &tn->ts, line->off +
		    line->label_len, line->len - line->label_len,
		    reader_line_attr(line->style), TEXT_SPAN_ALL);
	}
}

void
reader_draw(struct view *v)
{
	struct reader	*r = v->data;
	const char	*g = screen_glyph(GLYPH_VLINE);
	int		 y;

	reader_draw_title(r);
	/* Margins and gaps between the panes are blank. */
	for (y = 1; y < LINES - 1; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	if (r->outline_rect.w > 0)
		reader_draw_outline(r);
	if (r->text_rect.w > 0)
		reader_draw_text(r);
	if (r->split)
		for (y = r->outline_rect.y; y < r->outline_rect.y +
		    r->outline_rect.h; y++)
			screen_put(y, r->outline_rect.x + r->outline_rect.w, g,
			    strlen(g), 1, screen_attr(THEME_BORDER));
}

static const struct view_hint reader_hints[] = {
	{ .req = REQ_HELP, .label = N_("help") },
	{ .req = REQ_SWITCH_PANE, .label = N_("pane") },
	{ .req = REQ_OPEN, .label = N_("open") },
	{ .req = REQ_CLOSE, .label = N_("close") },
	{ .req = REQ_COMMAND, .label = N_("goto") },
	{ .req = REQ_QUIT, .label = N_("quit") },
};

void
reader_status(struct view *v, struct view_status *st)
{
	struct reader	*r = v->data;
	char		*desc;

	/* How far into the text: only while the text is on the screen. */
	if (r->tv.root != CORPUS_NONE && r->text_rect.w > 0)
		st->right = xasprintf("%d%%", reader_percent(r));
	if (app_query(r->app) != NULL && r->kept) {
		/* The first matches only, while the index is built. */
		desc = r->searching ? xstrdup(_("indexing...")) :
		    index_result_describe(&r->res);
		/* TRANSLATORS: the status line while a filter is kept: the
		   query, what matches, the keys to move among the matches
		   and to drop the filter */
		st->left = xasprintf(_("/%s  (%s)  n/N  Esc: clear"),
		    app_query_text(r->app), desc);
		free(desc);
	} else
		st->left = app_hints(reader_hints, sizeof reader_hints /
		    sizeof reader_hints[0]);
}
