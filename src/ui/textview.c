/*
 * textview.c -- laying out a subtree as display lines (see textview.h).
 *
 * Every string from the corpus goes through text_sanitize (TTY mode) before
 * it is measured or wrapped, so what is measured is what is drawn, and no
 * byte of the data reaches the terminal unsanitized.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "text/text.h"
#include "ui/textview.h"
#include "util/xmalloc.h"

#define TV_QUOTE_INDENT	4

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

	for (i = 0; i < tv->nclean; i++)
		free(tv->clean[i]);
	free(tv->clean);
	tv->clean = NULL;
	tv->nclean = 0;
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

	if (tv->nlines == tv->lines_cap) {
		tv->lines_cap = tv->lines_cap ? tv->lines_cap * 2 : 256;
		tv->lines = xreallocarray(tv->lines, tv->lines_cap,
		    sizeof *tv->lines);
	}
	l = &tv->lines[tv->nlines++];
	memset(l, 0, sizeof *l);
	l->node = node;
	l->style = (uint8_t)style;
	return l;
}

/* Wrap s into lines of node, style, indent; the first has label_len. */
static void
textview_wrap(struct textview *tv, uint32_t node, const char *s,
    enum tv_style style, size_t indent, size_t label_len)
{
	struct text_line	*wl = NULL;
	size_t			 n, k, avail;
	struct tv_line		*l;

	avail = tv->width > indent + 8 ? tv->width - indent : 8;
	n = text_wrap(s, strlen(s), avail, &wl);
	for (k = 0; k < n; k++) {
		l = textview_push(tv, node, style);
		l->off = (uint32_t)wl[k].off;
		l->len = (uint32_t)wl[k].len;
		l->indent = (uint16_t)indent;
		if (k == 0 && label_len <= wl[k].len)
			l->label_len = (uint16_t)label_len;
	}
	free(wl);
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

static char *
textview_clean(const struct textview *tv, const char *s, size_t n)
{
	return text_sanitize(s, n, TEXT_MODE_TTY, tv->ascii, NULL);
}

/* A document's title, then its issuer, date and source as metadata. */
static void
textview_document(struct textview *tv, uint32_t i)
{
	const struct corpus_doc	*d = &tv->c->docs[tv->c->nodes[i].doc];
	struct text_buf		 b;
	size_t			 k, first = tv->nlines, title_len;
	char			*title;

	title = textview_clean(tv, d->title, strlen(d->title));
	title_len = strlen(title);
	text_buf_init(&b);
	text_buf_puts(&b, title);
	free(title);
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
	/* The metadata came from the database too: sanitize it as well. */
	tv->clean[i - tv->root] = textview_clean(tv, b.data, b.len);
	text_buf_free(&b);
	textview_wrap(tv, i, tv->clean[i - tv->root], TV_DOCUMENT, 0, 0);
	for (k = first; k < tv->nlines; k++)
		if (tv->lines[k].off > title_len)
			tv->lines[k].style = TV_META;
}

void
textview_set_under(struct textview *tv,
    char *(*under)(void *arg, uint32_t node), void *arg)
{
	tv->under = under;
	tv->under_arg = arg;
}

/*
 * The lines under node i's own text: appended to its sanitized string
 * after a line break, so that they are drawn (and highlighted) as its.
 */
static void
textview_under(struct textview *tv, uint32_t i)
{
	char	*extra, *clean, *whole;
	size_t	 base, first, k;

	if (tv->under == NULL || (extra = tv->under(tv->under_arg, i)) ==
	    NULL)
		return;
	clean = textview_clean(tv, extra, strlen(extra));
	free(extra);
	base = strlen(tv->clean[i - tv->root]) + 1;
	whole = xasprintf("%s\n%s", tv->clean[i - tv->root], clean);
	free(clean);
	free(tv->clean[i - tv->root]);
	tv->clean[i - tv->root] = whole;
	first = tv->nlines;
	textview_wrap(tv, i, whole + base, TV_UNDER, 0, 0);
	for (k = first; k < tv->nlines; k++)
		tv->lines[k].off += (uint32_t)base;
}

bool
textview_set(struct textview *tv, uint32_t root, size_t width)
{
	const struct corpus	*c = tv->c;
	uint32_t		 end, i;
	size_t			 indent;
	enum tv_style		 style;

	if (width < 1)
		width = 1;
	if (tv->root == root && tv->width == width)
		return false;
	textview_clear(tv);
	tv->root = root;
	tv->width = width;
	if (root == CORPUS_NONE)
		return true;
	end = corpus_subtree_end(c, root);
	tv->nclean = end - root;
	tv->clean = xcalloc(tv->nclean, sizeof *tv->clean);
	for (i = root; i < end; i++) {
		const struct corpus_node	*n = &c->nodes[i];
		char				*label, *title;

		if (i != root)
			textview_push(tv, i, TV_BLANK);
		if (n->kind == KIND_DOCUMENT) {
			textview_document(tv, i);
			textview_under(tv, i);
			continue;
		}
		if (!kind_is_block(n->kind)) {
			label = textview_clean(tv, n->label,
			    strlen(n->label));
			title = textview_clean(tv, n->title,
			    strlen(n->title));
			tv->clean[i - root] = xasprintf("%s  %s", label,
			    title);
			textview_wrap(tv, i, tv->clean[i - root], TV_HEADING,
			    0, strlen(label));
			free(label);
			free(title);
			textview_under(tv, i);
			continue;
		}
		style = textview_block_style(n->kind, &indent);
		tv->clean[i - root] = textview_clean(tv, n->text, n->text_len);
		textview_wrap(tv, i, tv->clean[i - root], style, indent, 0);
		textview_under(tv, i);
	}
	return true;
}

const char *
textview_line_text(const struct textview *tv, size_t l)
{
	const struct tv_line	*line = &tv->lines[l];
	const char		*s = tv->clean[line->node - tv->root];

	return s != NULL ? s + line->off : "";
}

void
textview_scroll(struct textview *tv, long delta, size_t height)
{
	long	top = (long)tv->top + delta, max;

	max = tv->nlines > height ? (long)(tv->nlines - height) : 0;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	tv->top = (size_t)top;
}

size_t
textview_line_of(const struct textview *tv, uint32_t n)
{
	size_t	l;

	for (l = 0; l < tv->nlines; l++)
		if (tv->lines[l].node == n && tv->lines[l].style != TV_BLANK)
			return l;
	return (size_t)-1;
}

size_t
textview_line_at(const struct textview *tv, uint32_t n, uint32_t off)
{
	size_t	first = textview_line_of(tv, n), l, at;

	if (first == (size_t)-1)
		return first;
	/* A node's lines are together and in the order of its text. */
	at = first;
	for (l = first; l < tv->nlines && tv->lines[l].node == n; l++)
		if (tv->lines[l].style != TV_BLANK && tv->lines[l].off <= off)
			at = l;
	return at;
}
