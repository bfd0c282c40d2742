/*
 * textview.c -- laying out a subtree as display lines (see textview.h).
 *
 * Every string from the corpus becomes a struct text_spans (text/spans.h):
 * sanitized once (TTY mode) before it is measured or wrapped, so what is
 * measured is what is drawn, no byte of the data reaches the terminal
 * unsanitized, and highlights given in offsets of the source land on the
 * right characters of the display.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "text/spans.h"
#include "text/text.h"
#include "ui/textview.h"
#include "util/xmalloc.h"

#define TV_QUOTE_INDENT	4
/*
 * Lines laid out when a text is set; the rest as they are asked for.  A
 * document of a few hundred paragraphs takes milliseconds to lay out
 * whole; the first screen needs a pane's height.
 */
#define TEXTVIEW_FIRST_LINES	128

void
textview_init(struct textview *tv, const struct corpus *c, bool ascii)
{
	memset(tv, 0, sizeof *tv);
	tv->c = c;
	tv->root = CORPUS_NONE;
	tv->ascii = ascii;
}

static void
textview_clear(struct textview *tv)
{
	uint32_t	i;

	for (i = 0; i < tv->nnodes; i++) {
		text_spans_free(&tv->nodes[i].ts);
		text_spans_free(&tv->nodes[i].notes);
		free(tv->nodes[i].owned);
	}
	free(tv->nodes);
	tv->nodes = NULL;
	tv->nnodes = 0;
	tv->built = tv->end = 0;
	tv->nlines = 0;
	tv->top = 0;
}

void
textview_free(struct textview *tv)
{
	textview_clear(tv);
	free(tv->lines);
	memset(tv, 0, sizeof *tv);
	tv->root = CORPUS_NONE;
}

static struct tv_line *
textview_push(struct textview *tv, uint32_t node, enum tv_style style)
{
	struct tv_line	*l;

	if (tv->nlines == tv->lines_cap)
		tv->lines = xgrowarray(tv->lines, &tv->lines_cap,
		    tv->nlines + 1, sizeof *tv->lines);
	l = &tv->lines[tv->nlines++];
	memset(l, 0, sizeof *l);
	l->node = node;
	l->style = (uint8_t)style;
	return l;
}

/*
 * Make node's display text from src[0..n) (kept: src must outlive the
 * view, or be owned, which the view then frees) and wrap it into lines of
 * style and indent; the first line's first label_len source bytes are its
 * label.
 */
static void
textview_wrap(struct textview *tv, uint32_t node, const char *src, size_t n,
    char *owned, enum tv_style style, size_t indent, size_t label_len)
{
	struct tv_node		*tn = &tv->nodes[node - tv->root];
	struct text_line	*wl = NULL;
	size_t			 nl, k, avail, ll;
	struct tv_line		*l;

	tn->src = src;
	tn->srclen = n;
	tn->owned = owned;
	text_spans_init(&tn->ts, src, n, TEXT_MODE_TTY, tv->ascii, 0);
	ll = label_len > 0 ? tn->ts.map[label_len] : 0;
	avail = text_indent_fit(tv->width > tv->margin + TEXT_MIN_COLS ?
	    tv->width - tv->margin : tv->width, &indent);
	if (tv->width > tv->margin + TEXT_MIN_COLS)
		indent += tv->margin;
	nl = text_spans_wrap(&tn->ts, avail, TEXT_TARGET_COLOR, &wl);
	for (k = 0; k < nl; k++) {
		l = textview_push(tv, node, style);
		l->off = (uint32_t)wl[k].off;
		l->len = (uint32_t)wl[k].len;
		l->indent = (uint16_t)indent;
		if (k == 0 && ll <= wl[k].len)
			l->label_len = (uint16_t)ll;
	}
	free(wl);
}

void
textview_set_under(struct textview *tv,
    char *(*under)(void *arg, uint32_t node), void *arg)
{
	tv->under = under;
	tv->under_arg = arg;
}

/*
 * textview_wrap, with the lines the under hook gives for node (if any)
 * after its own text: one display string for both, so that they are
 * drawn and highlighted as the node's, and TV_UNDER lines after it.
 */
static void
textview_wrap_under(struct textview *tv, uint32_t node, const char *src,
    size_t n, char *owned, enum tv_style style, size_t indent,
    size_t label_len)
{
	char	*extra, *both;
	size_t	 elen, first = tv->nlines, k, at;

	if (tv->under == NULL || (extra = tv->under(tv->under_arg, node)) ==
	    NULL) {
		textview_wrap(tv, node, src, n, owned, style, indent,
		    label_len);
		return;
	}
	elen = strlen(extra);
	both = xmalloc(n + 1 + elen + 1);
	memcpy(both, src, n);
	both[n] = '\n';
	memcpy(both + n + 1, extra, elen + 1);
	free(extra);
	free(owned);
	textview_wrap(tv, node, both, n + 1 + elen, both, style, indent,
	    label_len);
	at = tv->nodes[node - tv->root].ts.map[n + 1];
	for (k = first; k < tv->nlines; k++)
		if (tv->lines[k].off >= at)
			tv->lines[k].style = TV_UNDER;
}

static enum tv_style
textview_block_style(enum node_kind k, size_t *indent)
{
	*indent = 0;
	switch (k) {
	case KIND_EPIGRAPH:
	case KIND_PULLQUOTE:
		*indent = TV_QUOTE_INDENT;
		return TV_EPIGRAPH;
	case KIND_CAPTION:
	case KIND_BYLINE:
	case KIND_SOURCE:
	case KIND_SIGNATURE:
		return TV_CAPTION;
	case KIND_TITLE:
		return TV_TITLE;
	default:
		return TV_PARAGRAPH;
	}
}

/* A document's title, then its issuer, date and source as metadata. */
static void
textview_document(struct textview *tv, uint32_t i)
{
	const struct corpus_doc	*d = &tv->c->docs[tv->c->nodes[i].doc];
	struct tv_node		*tn;
	struct text_buf		 b;
	size_t			 k, first = tv->nlines, title_end;

	text_buf_init(&b);
	text_buf_puts(&b, d->title);
	if (*d->issuer || *d->date) {
		text_buf_addc(&b, '\n');
		text_buf_puts(&b, d->issuer);
		if (*d->issuer && *d->date)
			text_buf_puts(&b, ", ");
		text_buf_puts(&b, d->date);
	}
	if (*d->source) {
		text_buf_addc(&b, '\n');
		text_buf_puts(&b, d->source);
	}
	k = b.len;
	textview_wrap_under(tv, i, b.data, k, b.data, TV_DOCUMENT, 0, 0);
	/* The lines after the title's are metadata. */
	tn = &tv->nodes[i - tv->root];
	title_end = tn->ts.map[strlen(d->title)];
	for (k = first; k < tv->nlines; k++)
		if (tv->lines[k].off > title_end &&
		    tv->lines[k].style == TV_DOCUMENT)
			tv->lines[k].style = TV_META;
}

/* The user's notes on node i, on lines of their own under its text. */
static void
textview_notes(struct textview *tv, uint32_t i)
{
	struct tv_node		*tn = &tv->nodes[i - tv->root];
	struct text_line	*wl = NULL;
	struct tv_line		*l;
	size_t			 nl, k, indent = 2, avail;
	char			*text;

	if (tv->notes == NULL ||
	    (text = tv->notes(tv->notes_arg, i)) == NULL)
		return;
	text_spans_init(&tn->notes, text, strlen(text), TEXT_MODE_TTY,
	    tv->ascii, 0);
	free(text);
	text_spans_add(&tn->notes, TEXT_SPAN_NOTE, 0, tn->notes.srclen);
	avail = text_indent_fit(tv->width > tv->margin + TEXT_MIN_COLS ?
	    tv->width - tv->margin : tv->width, &indent);
	if (tv->width > tv->margin + TEXT_MIN_COLS)
		indent += tv->margin;
	nl = text_spans_wrap(&tn->notes, avail, TEXT_TARGET_COLOR, &wl);
	for (k = 0; k < nl; k++) {
		l = textview_push(tv, i, TV_NOTE);
		l->off = (uint32_t)wl[k].off;
		l->len = (uint32_t)wl[k].len;
		l->indent = (uint16_t)indent;
	}
	free(wl);
}

/* The part of a block's label after its last dot: "p2" of "IV.5.p2". */
static const char *
textview_short_label(const char *label)
{
	const char	*dot = strrchr(label, '.');

	return dot != NULL ? dot + 1 : label;
}

/* The margin the labels of the blocks in [root, end) need (at most 8). */
static size_t
textview_margin_width(const struct textview *tv, uint32_t root,
    uint32_t end)
{
	size_t		w = 0, lw;
	uint32_t	i;

	for (i = root; i < end; i++) {
		if (!kind_is_block(tv->c->nodes[i].kind))
			continue;
		lw = text_width(textview_short_label(tv->c->nodes[i].label),
		    strlen(textview_short_label(tv->c->nodes[i].label)));
		w = lw > w ? lw : w;
	}
	return w == 0 ? 0 : (w + 1 < 8 ? w + 1 : 8);
}

const char *
textview_margin_label(const struct textview *tv, size_t l)
{
	const struct tv_line	*line = &tv->lines[l];
	const struct corpus_node *n = &tv->c->nodes[line->node];

	if (tv->margin == 0 || line->style == TV_BLANK ||
	    line->style == TV_NOTE || line->off != 0 ||
	    !kind_is_block(n->kind))
		return NULL;
	return textview_short_label(n->label);
}

/* Lay out node i, the next one after those laid out. */
static void
textview_lay(struct textview *tv, uint32_t i)
{
	const struct corpus_node	*n = &tv->c->nodes[i];
	size_t				 indent;
	enum tv_style			 style;
	char				*head;

	if (i != tv->root)
		textview_push(tv, i, TV_BLANK);
	if (n->kind == KIND_DOCUMENT) {
		textview_document(tv, i);
		return;
	}
	if (!kind_is_block(n->kind)) {
		head = xasprintf("%s  %s", n->label, n->title);
		textview_wrap_under(tv, i, head, strlen(head), head,
		    TV_HEADING, 0, strlen(n->label));
		textview_notes(tv, i);
		return;
	}
	style = textview_block_style(n->kind, &indent);
	textview_wrap_under(tv, i, n->text, n->text_len, NULL, style, indent,
	    0);
	textview_notes(tv, i);
}

void
textview_more(struct textview *tv, size_t lines)
{
	while (tv->built < tv->end && tv->nlines < lines)
		textview_lay(tv, tv->built++);
}

/* Lay out the nodes up to n, if n is one of the view's. */
static void
textview_through(struct textview *tv, uint32_t n)
{
	while (tv->built < tv->end && tv->built <= n)
		textview_lay(tv, tv->built++);
}

bool
textview_set(struct textview *tv, uint32_t root, size_t width)
{
	const struct corpus	*c = tv->c;
	uint32_t		 end;

	if (width < 1)
		width = 1;
	if (tv->root == root && tv->width == width &&
	    tv->built_labels == tv->labels &&
	    tv->built_notes_gen == tv->notes_gen)
		return false;
	textview_clear(tv);
	tv->root = root;
	tv->width = width;
	tv->built_labels = tv->labels;
	tv->built_notes_gen = tv->notes_gen;
	tv->margin = 0;
	if (root == CORPUS_NONE)
		return true;
	end = corpus_subtree_end(c, root);
	if (tv->labels)
		tv->margin = textview_margin_width(tv, root, end);
	tv->nnodes = end - root;
	tv->nodes = xcalloc(tv->nnodes, sizeof *tv->nodes);
	tv->built = root;
	tv->end = end;
	textview_more(tv, TEXTVIEW_FIRST_LINES);
	return true;
}

bool
textview_notes_changed(struct textview *tv, uint32_t n)
{
	struct tv_line	*after;
	size_t		 lo, hi, mid, notes, end, nafter, old, added;

	if (tv->root == CORPUS_NONE || n < tv->root || n >= tv->built ||
	    tv->built_notes_gen != tv->notes_gen)
		return false;
	/* The lines are in node order: n's are found by bisection. */
	lo = 0;
	hi = tv->nlines;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (tv->lines[mid].node <= n)
			lo = mid + 1;
		else
			hi = mid;
	}
	end = lo;
	/* Its notes' lines come last among n's. */
	for (notes = end; notes > 0 && tv->lines[notes - 1].node == n &&
	    tv->lines[notes - 1].style == TV_NOTE; notes--)
		;
	old = end - notes;
	nafter = tv->nlines - end;
	after = xreallocarray(NULL, nafter + 1, sizeof *after);
	memcpy(after, tv->lines + end, nafter * sizeof *after);
	tv->nlines = notes;
	text_spans_free(&tv->nodes[n - tv->root].notes);
	textview_notes(tv, n);
	added = tv->nlines - notes;
	if (tv->nlines + nafter > tv->lines_cap)
		tv->lines = xgrowarray(tv->lines, &tv->lines_cap,
		    tv->nlines + nafter, sizeof *tv->lines);
	memcpy(tv->lines + tv->nlines, after, nafter * sizeof *after);
	tv->nlines += nafter;
	free(after);
	/* The line at the top stays there. */
	if (tv->top >= end)
		tv->top = tv->top - old + added;
	else if (tv->top >= notes && tv->top - notes >= added)
		tv->top = added > 0 ? notes + added - 1 : notes;
	if (tv->top >= tv->nlines)
		tv->top = tv->nlines > 0 ? tv->nlines - 1 : 0;
	return true;
}

const char *
textview_line_text(const struct textview *tv, size_t l)
{
	const struct tv_line	*line = &tv->lines[l];
	const struct tv_node	*tn = &tv->nodes[line->node - tv->root];
	const struct text_spans	*ts = line->style == TV_NOTE ? &tn->notes :
	    &tn->ts;

	return ts->s != NULL ? ts->s + line->off : "";
}

struct tv_node *
textview_node(struct textview *tv, uint32_t n)
{
	if (tv->root == CORPUS_NONE || n < tv->root ||
	    n - tv->root >= tv->nnodes)
		return NULL;
	return &tv->nodes[n - tv->root];
}

void
textview_scroll(struct textview *tv, long delta, size_t height)
{
	long	top = (long)tv->top + delta, max;

	/* What the page scrolled to shows, laid out, and a line after. */
	textview_more(tv, (size_t)(top > 0 ? top : 0) + height + 1);
	max = tv->nlines > height ? (long)(tv->nlines - height) : 0;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	tv->top = (size_t)top;
}

size_t
textview_line_of(struct textview *tv, uint32_t n)
{
	size_t	l;

	textview_through(tv, n);
	for (l = 0; l < tv->nlines; l++)
		if (tv->lines[l].node == n && tv->lines[l].style != TV_BLANK)
			return l;
	return (size_t)-1;
}

size_t
textview_line_at(struct textview *tv, uint32_t n, uint32_t off)
{
	size_t	first = textview_line_of(tv, n), l, at;

	if (first == (size_t)-1)
		return first;
	/* A node's lines are together and in the order of its text. */
	at = first;
	for (l = first; l < tv->nlines && tv->lines[l].node == n; l++)
		if (tv->lines[l].style != TV_BLANK &&
		    tv->lines[l].style != TV_NOTE && tv->lines[l].off <= off)
			at = l;
	return at;
}
