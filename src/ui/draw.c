/*
 * draw.c -- drawing the reader: title line, outline, text, status line,
 * help screen, and the notice for a terminal too small.
 *
 * Every frame draws every cell into curses' buffer, and curses sends the
 * terminal only the cells that changed (with hardware scrolling where it
 * applies), so a keystroke that moves one line costs a line, not a screen.
 * Nothing here calls clear().
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/corpus.h"
#include "text/text.h"
#include "ui/app.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Sanitize s[0..n) for one screen row: control characters visible, LF as
   a space. */
static char *
draw_clean(const char *s, size_t n)
{
	char	*t, *p;

	t = text_sanitize(s, n, TEXT_MODE_TTY, screen_ascii(), NULL);
	for (p = t; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	return t;
}

/* Draw a sanitized copy of s at (y, x), at most width; returns columns. */
static size_t
draw_str(int y, int x, const char *s, size_t width, attr_t attr)
{
	char	*t = draw_clean(s, strlen(s));
	size_t	 w = screen_put(y, x, t, strlen(t), width, attr);

	free(t);
	return w;
}

/*
 * Draw s[0..len) at (y, x) within width in attr, the parts inside spans
 * (offsets relative to s + base) in the highlight attribute.  Returns the
 * columns used.
 */
static size_t
draw_spans(int y, int x, const char *s, size_t len, size_t width,
    attr_t attr, const struct index_span *spans, size_t nspans, size_t base)
{
	size_t	at = 0, used = 0, k, a, b;
	attr_t	hl = screen_attr(THEME_HIT);

	for (k = 0; k < nspans && used < width; k++) {
		if (spans[k].end <= base + at)
			continue;
		if (spans[k].start >= base + len)
			break;
		a = spans[k].start > base + at ? spans[k].start - base : at;
		b = spans[k].end - base < len ? spans[k].end - base : len;
		used += screen_put(y, x + (int)used, s + at, a - at,
		    width - used, attr);
		if (used < width)
			used += screen_put(y, x + (int)used, s + a, b - a,
			    width - used, hl);
		at = b;
	}
	if (used < width && at < len)
		used += screen_put(y, x + (int)used, s + at, len - at,
		    width - used, attr);
	return used;
}

void
app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list	ap;

	free(a->message);
	a->message = NULL;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&a->message, fmt, ap) == -1)
		a->message = NULL;
	va_end(ap);
	a->message_error = error;
}

/* The percentage of the document before the first line shown. */
static int
draw_percent(const struct app *a)
{
	const struct corpus	*c = a->c;
	const struct corpus_doc	*d;
	uint32_t		 n;
	size_t			 last;

	if (a->tv.root == CORPUS_NONE || a->tv.nlines == 0)
		return 0;
	last = a->tv.top + (size_t)a->text_rect.h;
	n = a->tv.lines[a->tv.top].node;
	d = &c->docs[c->nodes[n].doc];
	if (last >= a->tv.nlines && corpus_subtree_end(c, a->tv.root) ==
	    d->end)
		return 100;
	if (d->end - d->root <= 1)
		return 100;
	return (int)((uint64_t)(n - d->root) * 100 / (d->end - d->root));
}

static void
draw_title(struct app *a)
{
	const struct corpus	*c = a->c;
	attr_t			 at = screen_attr(THEME_TITLE);
	uint32_t		 n = a->ol.sel, chain[CORPUS_MAX_DEPTH + 1];
	size_t			 depth = 0, x = 1, w, rw = 0, k;
	char			*ref = NULL;
	const struct corpus_doc	*d;

	screen_fill(0, 0, (size_t)COLS, at);
	if (n == CORPUS_NONE)
		return;
	d = &c->docs[c->nodes[n].doc];
	ref = corpus_node_ref(c, n);
	if ((size_t)COLS > 40) {
		char	*t = draw_clean(ref, strlen(ref));

		rw = text_width(t, strlen(t));
		if (rw + 2 < (size_t)COLS / 2)
			screen_put(0, COLS - (int)rw - 1, t, strlen(t), rw, at);
		else
			rw = 0;
		free(t);
	}
	w = (size_t)COLS - x - (rw ? rw + 2 : 1);
	x += draw_str(0, (int)x, *d->short_title ? d->short_title : d->title,
	    w, at);
	/*
	 * The breadcrumb: the sections above the selection (the selection
	 * itself is on its highlighted row, and its reference at the right),
	 * so that moving among siblings leaves the line as it is.
	 */
	for (n = c->nodes[n].parent; n != CORPUS_NONE &&
	    c->nodes[n].kind != KIND_DOCUMENT &&
	    depth <= CORPUS_MAX_DEPTH; n = c->nodes[n].parent)
		if (!kind_is_block(c->nodes[n].kind))
			chain[depth++] = n;
	for (k = depth; k-- > 0;) {
		size_t	used = x - 1;

		/* A separator is worth drawing only with some text after it. */
		if (used + text_width(screen_glyph(GLYPH_CRUMB),
		    strlen(screen_glyph(GLYPH_CRUMB))) + 4 > w)
			break;
		x += screen_put(0, (int)x, screen_glyph(GLYPH_CRUMB),
		    strlen(screen_glyph(GLYPH_CRUMB)), w - used, at);
		used = x - 1;
		if (used >= w)
			break;
		x += draw_str(0, (int)x, c->nodes[chain[k]].title, w - used,
		    at);
	}
	free(ref);
}

static void
draw_status(struct app *a)
{
	attr_t		 at = screen_attr(THEME_STATUS);
	int		 y = LINES - 1;
	char		 pct[16];
	size_t		 pw = 0, w;

	if (a->pr.active) {
		/* Completions and errors show just above the prompt. */
		if (a->message != NULL && y > 1) {
			screen_fill(y - 1, 0, (size_t)COLS, at);
			draw_str(y - 1, 1, a->message, (size_t)COLS - 2,
			    a->message_error ? screen_attr(THEME_ERROR) | at :
			    at);
		}
		prompt_draw(&a->pr, y, (size_t)COLS);
		return;
	}
	screen_fill(y, 0, (size_t)COLS, at);
	/* How far into the text: only while the text is on the screen. */
	if (!a->help && !a->cv.active && a->tv.root != CORPUS_NONE &&
	    a->text_rect.w > 0) {
		pw = (size_t)snprintf(pct, sizeof pct, "%d%%",
		    draw_percent(a));
		screen_put(y, COLS - (int)pw - 1, pct, pw, pw, at);
	}
	w = (size_t)COLS > pw + 3 ? (size_t)COLS - pw - 3 : 0;
	if (a->message != NULL)
		draw_str(y, 1, a->message, w, a->message_error ?
		    screen_attr(THEME_ERROR) | at : at);
	else if (a->filter_text != NULL && !a->help) {
		char	*desc = index_result_describe(&a->res);
		char	*line = xasprintf("/%s  (%s)  n/N", a->filter_text,
		    desc);

		draw_str(y, 1, line, w, at);
		free(line);
		free(desc);
	} else if (a->help)
		screen_put(y, 1, _("q: back to the text"), strlen(
		    _("q: back to the text")), w, at);
	else if (a->cv.active) {
		const char	*hint = a->cv.sync ?
		    /* TRANSLATORS: key hints in the comparison, while both
		       sides scroll together; keep it short. */
		    _("s: unsync  d: words  =: swap  Tab: side  ] [: pairs  "
		    "q: back") :
		    /* TRANSLATORS: the same, while each side scrolls on its
		       own. */
		    _("s: sync  d: words  =: swap  Tab: side  ] [: pairs  "
		    "q: back");

		screen_put(y, 1, hint, strlen(hint), w, at);
	}
	else {
		/* TRANSLATORS: key hints on the status line; keep it short. */
		const char	*hint = _("? help  Tab pane  Enter open  "
		    "h close  : goto  q quit");

		screen_put(y, 1, hint, strlen(hint), w, at);
	}
}

/*
 * The name of a block's kind, as the outline shows it before the block's
 * first words ("source: ..."): kind.h's names, repeated here so that
 * xgettext finds them.
 */
static const char *
draw_kind_name(enum node_kind k)
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
draw_outline_label(const struct app *a, uint32_t n)
{
	const struct corpus_node	*node = &a->c->nodes[n];
	const char			*lbl = node->label;

	if (node->kind == KIND_DOCUMENT)
		return xasprintf("%s", node->title);
	if (!kind_is_block(node->kind))
		return xasprintf("%s  %s", lbl, node->title);
	/* A block: its label, its kind unless a paragraph, its first words. */
	{
		const char	*dot = strrchr(lbl, '.');
		size_t		 n200 = node->text_len < 200 ? node->text_len :
		    200;
		char		*snip;

		while (n200 > 0 && n200 < node->text_len &&
		    ((unsigned char)node->text[n200] & 0xc0) == 0x80)
			n200--;
		snip = xstrndup(node->text, n200);
		lbl = dot != NULL ? dot + 1 : lbl;
		if (node->kind != KIND_PARAGRAPH) {
			char	*s = xasprintf("%s  %s: %s", lbl,
			    draw_kind_name(node->kind), snip);

			free(snip);
			return s;
		}
		{
			char	*s = xasprintf("%s  %s", lbl, snip);

			free(snip);
			return s;
		}
	}
}

static void
draw_outline(struct app *a)
{
	const struct app_rect	*r = &a->outline_rect;
	const struct corpus	*c = a->c;
	size_t			 i, row, x, indent;
	attr_t			 base, at, sel;

	sel = screen_attr(a->focus == FOCUS_OUTLINE ? THEME_SELECTED :
	    THEME_SELECTED_IDLE);
	outline_scroll_to_sel(&a->ol, (size_t)r->h);
	for (i = 0; i < (size_t)r->h; i++) {
		int	y = r->y + (int)i;
		uint32_t n;
		char	*label;

		row = a->ol.top + i;
		if (row >= a->ol.nrows) {
			screen_fill(y, r->x, (size_t)r->w,
			    screen_attr(THEME_NORMAL));
			continue;
		}
		n = a->ol.rows[row];
		/*
		 * The selection is marked on the fold marker and the label
		 * only, not the whole row: moving it over a slow link then
		 * repaints a few cells, not two full lines.
		 */
		base = screen_attr(THEME_NORMAL);
		screen_fill(y, r->x, (size_t)r->w, base);
		indent = 2u * c->nodes[n].depth;
		if (indent + 4 > (size_t)r->w)
			indent = r->w > 4 ? (size_t)r->w - 4 : 0;
		x = (size_t)r->x + indent;
		if (outline_has_children(&a->ol, n)) {
			const char	*g = screen_glyph(a->ol.open[n] ?
			    GLYPH_OPEN : GLYPH_CLOSED);

			screen_put(y, (int)x, g, strlen(g), 1, n == a->ol.sel ?
			    sel : base);
		} else if (n == a->ol.sel)
			screen_put(y, (int)x, " ", 1, 1, sel);
		if (n == a->ol.sel)
			screen_put(y, (int)x + 1, " ", 1, 1, sel);
		x += 2;
		if (x >= (size_t)(r->x + r->w))
			continue;
		if (c->nodes[n].kind == KIND_DOCUMENT)
			at = screen_attr(THEME_DOCUMENT);
		else if (kind_is_block(c->nodes[n].kind))
			at = screen_attr(THEME_NORMAL);
		else
			at = screen_attr(THEME_HEADING);
		if (a->ol.filtered && a->ol.hit[n] == OUTLINE_CONTEXT)
			at = screen_attr(THEME_META);
		label = draw_outline_label(a, n);
		{
			char			*t = draw_clean(label,
			    strlen(label));
			struct index_span	*sp = NULL;
			size_t			 nsp = 0, avail, used, tl;

			if (a->ol.filtered && a->ol.hit[n] == OUTLINE_HIT)
				nsp = query_spans(a->query, t, strlen(t), &sp);
			avail = (size_t)(r->x + r->w) - x;
			tl = strlen(t);
			used = draw_spans(y, (int)x, t, tl, avail, at, sp, nsp,
			    0);
			/* The selected row's label, in the selection colour. */
			if (n == a->ol.sel && c->nodes[n].kind !=
			    KIND_DOCUMENT) {
				const char	*gap = strstr(t, "  ");
				size_t		 ll = gap ? (size_t)(gap - t) : tl;

				screen_put(y, (int)x, t, ll, avail, sel);
			}
			/* A document's number of matches, after its title. */
			if (a->ol.filtered && c->nodes[n].kind ==
			    KIND_DOCUMENT && used + 2 < avail) {
				char	cnt[32];
				int	cl = snprintf(cnt, sizeof cnt, " (%u)",
				    (unsigned)a->res.per_doc[c->nodes[n].doc]);

				screen_put(y, (int)(x + used), cnt, (size_t)cl,
				    avail - used, at);
			}
			free(sp);
			free(t);
		}
		free(label);
	}
}

static attr_t
draw_line_attr(enum tv_style s)
{
	switch (s) {
	case TV_DOCUMENT:
		return screen_attr(THEME_DOCUMENT);
	case TV_HEADING:
	case TV_TITLE:
		return screen_attr(THEME_HEADING);
	case TV_META:
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
draw_text(struct app *a)
{
	const struct app_rect	*r = &a->text_rect;
	size_t			 i, l, nsp = 0;
	attr_t			 at = screen_attr(THEME_NORMAL);
	struct index_span	*sp = NULL;
	uint32_t		 sp_node = CORPUS_NONE;

	for (i = 0; i < (size_t)r->h; i++) {
		int			 y = r->y + (int)i;
		const struct tv_line	*line;
		const char		*s;
		size_t			 x, w;

		screen_fill(y, r->x, (size_t)r->w, at);
		l = a->tv.top + i;
		if (l >= a->tv.nlines)
			continue;
		line = &a->tv.lines[l];
		s = textview_line_text(&a->tv, l);
		x = (size_t)r->x + line->indent;
		if (line->indent >= (size_t)r->w)
			continue;
		w = (size_t)r->w - line->indent;
		/* The filter's hits in this node, found once per node. */
		if (a->query != NULL && line->node != sp_node &&
		    line->style != TV_BLANK) {
			const char	*whole = a->tv.clean[line->node -
			    a->tv.root];

			free(sp);
			sp = NULL;
			sp_node = line->node;
			nsp = whole != NULL ? query_spans(a->query, whole,
			    strlen(whole), &sp) : 0;
		}
		if (line->node != sp_node)
			nsp = 0;
		if (line->label_len > 0) {
			size_t	lw = screen_put(y, (int)x, s, line->label_len,
			    w, screen_attr(THEME_LABEL));

			x += lw;
			w -= lw < w ? lw : w;
			draw_spans(y, (int)x, s + line->label_len,
			    line->len - line->label_len, w,
			    draw_line_attr(line->style), sp, nsp,
			    line->off + line->label_len);
			continue;
		}
		draw_spans(y, (int)x, s, line->len, w,
		    draw_line_attr(line->style), sp, nsp, line->off);
	}
	free(sp);
}

static void
draw_separator(struct app *a)
{
	const char	*g = screen_glyph(GLYPH_VLINE);
	int		 x = a->outline_rect.x + a->outline_rect.w, y;

	for (y = a->outline_rect.y; y < a->outline_rect.y +
	    a->outline_rect.h; y++)
		screen_put(y, x, g, strlen(g), 1, screen_attr(THEME_BORDER));
}

static void
draw_help(struct app *a)
{
	int	 y, top = 1, h = LINES - 2;
	size_t	 i, n = help_nlines(a), kw = 0, w;
	const char *keys, *text;
	bool	 heading;

	for (i = 0; i < n; i++) {
		help_line(a, i, &keys, &text, &heading);
		w = text_width(keys, strlen(keys));
		kw = w > kw ? w : kw;
	}
	if (kw > (size_t)COLS / 2)
		kw = (size_t)COLS / 2;
	if (a->help_top + (size_t)h > n)
		a->help_top = n > (size_t)h ? n - (size_t)h : 0;
	for (y = 0; y < h; y++) {
		screen_fill(top + y, 0, (size_t)COLS,
		    screen_attr(THEME_NORMAL));
		i = a->help_top + (size_t)y;
		if (i >= n)
			continue;
		help_line(a, i, &keys, &text, &heading);
		if (heading) {
			screen_put(top + y, 1, text, strlen(text),
			    (size_t)COLS - 1, screen_attr(THEME_HEADING));
			continue;
		}
		screen_put(top + y, 2, keys, strlen(keys), kw,
		    screen_attr(THEME_HELP_KEY));
		if ((size_t)COLS > kw + 5)
			screen_put(top + y, (int)kw + 4, text, strlen(text),
			    (size_t)COLS - kw - 5, screen_attr(THEME_NORMAL));
	}
}

static void
draw_too_small(void)
{
	char		 msg[96], size[32];
	const char	*text;
	int		 y;
	size_t		 w;

	/* TRANSLATORS: shown when the window is smaller than 20x5. */
	snprintf(msg, sizeof msg, _("terminal too small (%dx%d)"), COLS,
	    LINES);
	snprintf(size, sizeof size, "%dx%d", COLS, LINES);
	/* The longest form that fits: the message, "too small", the size. */
	text = msg;
	w = text_width(msg, strlen(msg));
	if (w > (size_t)COLS)
		/* TRANSLATORS: the short form of "terminal too small" */
		text = _("too small");
	if (text_width(text, strlen(text)) > (size_t)COLS)
		text = size;
	for (y = 0; y < LINES; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	screen_put(0, 0, text, strlen(text), (size_t)COLS,
	    screen_attr(THEME_NORMAL));
}

void
app_draw(struct app *a)
{
	int	y;

	if (a->too_small) {
		draw_too_small();
		return;
	}
	if ((a->cv.active || a->cv.choosing) && !a->help) {
		cv_draw(a);
		draw_status(a);
		return;
	}
	draw_title(a);
	/* Margins and gaps between the panes are blank. */
	for (y = 1; y < LINES - 1; y++)
		screen_fill(y, 0, (size_t)COLS, screen_attr(THEME_NORMAL));
	if (a->help)
		draw_help(a);
	else {
		if (a->outline_rect.w > 0)
			draw_outline(a);
		if (a->text_rect.w > 0)
			draw_text(a);
		if (a->split)
			draw_separator(a);
	}
	draw_status(a);
}
