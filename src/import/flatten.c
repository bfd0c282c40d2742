/*
 * flatten.c -- a block of the source as plain text (see md-private.h), and
 * the raw-HTML policy of doc/source-format.md:
 *
 *  - an HTML comment, inline or a block, is the editor's note: dropped,
 *    silently, but text beside it on its lines is kept; a comment that is
 *    never closed drops the rest of its block, so that is warned about;
 *  - any other raw HTML (a tag, <?...?>, <!DECL>, CDATA), inline or a
 *    block, is kept exactly as written, with a warning: charta stores
 *    plain text and cannot tell markup from content.
 *
 * Everything nested is walked with cmark's iterator, so deep nesting costs
 * no stack.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import/md-private.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * Append a literal cmark made.  The source is valid UTF-8, but cmark
 * encodes the character references &#xFFFE; and &#xFFFF; as the lone
 * bytes FE and FF: whatever is ill-formed becomes U+FFFD, so that the
 * corpus holds UTF-8 only.
 */
static void
md_put_literal(struct text_buf *b, const char *lit, size_t len)
{
	char	*fixed;

	if (text_utf8_valid(lit, len, NULL, NULL, NULL)) {
		text_buf_add(b, lit, len);
		return;
	}
	fixed = text_sanitize(lit, len, TEXT_MODE_RAW, false, NULL);
	text_buf_puts(b, fixed);
	free(fixed);
}

/*
 * End the current line, if one is open, for a new block: blanks at its
 * end are nothing anyone sees, and the line it ends is the block's.
 */
static void
md_newline(struct text_buf *b)
{
	while (b->len > 0 && (b->data[b->len - 1] == ' ' ||
	    b->data[b->len - 1] == '\t'))
		b->data[--b->len] = '\0';
	if (b->len > 0 && b->data[b->len - 1] != '\n')
		text_buf_addc(b, '\n');
}

/* The line and column (in characters) of p in lit, which starts there. */
static void
md_html_where(const char *lit, const char *p, size_t *line, size_t *col)
{
	for (; lit < p; lit++) {
		if (*lit == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*lit & 0xc0) != 0x80)
			(*col)++;
	}
}

/* The first tag of raw HTML s, at most 40 bytes of it, for a message. */
static int
md_html_quote_len(const char *s, size_t n)
{
	const char	*gt = memchr(s, '>', n);
	size_t		 k = gt != NULL ? (size_t)(gt - s) + 1 : n;

	if (memchr(s, '\n', k) != NULL)
		k = (size_t)((const char *)memchr(s, '\n', k) - s);
	return (int)(k > 40 ? 40 : k);
}

/*
 * Raw HTML lit (an inline's or a block's literal, starting at line:col of
 * the file) into b: comments dropped, the rest as written.  block: a
 * block's literal, whose lines are the source's.
 */
static void
md_html(struct md_state *st, const char *lit, size_t line, size_t col,
    bool block, struct text_buf *b)
{
	const char	*p = lit, *open, *close, *e = lit + strlen(lit);
	const char	*first = NULL;
	size_t		 l, c, start = b->len;
	bool		 comment = false;

	while (p < e) {
		open = strstr(p, "<!--");
		if (open == NULL)
			open = e;
		if (open > p) {
			/* Text outside comments: is there markup in it? */
			const char	*q;

			for (q = p; q < open && first == NULL; q++)
				if (*q == '<' && q + 1 < open &&
				    (q[1] == '/' || q[1] == '?' || q[1] == '!' ||
				    (q[1] >= 'a' && q[1] <= 'z') ||
				    (q[1] >= 'A' && q[1] <= 'Z')))
					first = q;
			md_put_literal(b, p, (size_t)(open - p));
		}
		if (open == e)
			break;
		comment = true;
		close = strstr(open + 4, "-->");
		/* "<!-->" and "<!--->" are closed comments too. */
		if (strncmp(open + 4, ">", 1) == 0)
			close = open + 2;
		else if (strncmp(open + 4, "->", 2) == 0)
			close = open + 3;
		if (close == NULL) {
			l = line;
			c = col;
			md_html_where(lit, open, &l, &c);
			import_diag_warn(st->diag, l, c, _("HTML comment is "
			    "not closed: the text after it in this block is "
			    "dropped"));
			break;
		}
		p = close + 3;
		/* No blanks doubled or left leading where it was. */
		if (b->len == start || b->data[b->len - 1] == ' ' ||
		    b->data[b->len - 1] == '\n')
			while (p < e && (*p == ' ' || *p == '\t'))
				p++;
	}
	/* Only comments and blanks: nothing was written. */
	if (comment && first == NULL) {
		const char	*t;

		for (t = b->data + start; t < b->data + b->len; t++)
			if (*t != ' ' && *t != '\t' && *t != '\n')
				break;
		if (t == b->data + b->len) {
			b->len = start;
			if (b->data != NULL)
				b->data[b->len] = '\0';
			return;
		}
	}
	if (first != NULL) {
		l = line;
		c = col;
		md_html_where(lit, first, &l, &c);
		import_diag_warn(st->diag, l, c, _("raw HTML kept as text: "
		    "'%.*s'"), md_html_quote_len(first, (size_t)(e - first)),
		    first);
	} else if (comment && block) {
		/* Text beside a comment in an HTML block is not Markdown. */
		import_diag_warn(st->diag, line, col, _("text beside an HTML "
		    "comment is kept as written (its Markdown is not read)"));
	}
}

/* Is n a list or a block quote? */
static bool
md_is_container(cmark_node *n)
{
	cmark_node_type	t = cmark_node_get_type(n);

	return t == CMARK_NODE_LIST || t == CMARK_NODE_BLOCK_QUOTE;
}

static const char *
md_node_name(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LIST:
		return _("a list");
	case CMARK_NODE_BLOCK_QUOTE:
		return _("a block quote");
	case CMARK_NODE_HEADING:
		return _("a heading");
	default:
		return _("a thematic break");
	}
}

/*
 * Warn about the first thing in root that flattening loses the structure
 * of: a list or block quote inside a list or block quote, or a heading or
 * thematic break inside one (the break is dropped; a heading becomes a
 * line of the text).  Once per top-level block.
 */
static void
md_nesting(struct md_state *st, cmark_node *n, bool *warned)
{
	cmark_node	*p;
	cmark_node_type	 t = cmark_node_get_type(n);

	if (*warned || (t != CMARK_NODE_LIST && t != CMARK_NODE_BLOCK_QUOTE &&
	    t != CMARK_NODE_HEADING && t != CMARK_NODE_THEMATIC_BREAK))
		return;
	for (p = cmark_node_parent(n); p != NULL; p = cmark_node_parent(p))
		if (md_is_container(p))
			break;
	if (p == NULL)
		return;
	*warned = true;
	import_diag_warn(st->diag, st->line0 + (size_t)cmark_node_get_start_line(n),
	    (size_t)cmark_node_get_start_column(n), _("%s inside %s is "
	    "flattened into its text"), md_node_name(n), md_node_name(p));
}

void
md_flatten(struct md_state *st, cmark_node *root, struct text_buf *b)
{
	cmark_iter		*it = cmark_iter_new(root);
	cmark_event_type	 ev;
	cmark_node		*n, *parent;
	const char		*lit;
	bool			 warned = false;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER)
			md_nesting(st, n, &warned);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			if (lit != NULL)
				md_put_literal(b, lit, strlen(lit));
			break;
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			if (lit != NULL)
				md_html(st, lit, st->line0 +
				    (size_t)cmark_node_get_start_line(n),
				    (size_t)cmark_node_get_start_column(n),
				    false, b);
			break;
		case CMARK_NODE_SOFTBREAK:
			text_buf_addc(b, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			text_buf_addc(b, '\n');
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
			md_newline(b);
			lit = cmark_node_get_literal(n);
			if (lit == NULL)
				break;
			if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
				md_put_literal(b, lit, strlen(lit));
			else
				md_html(st, lit, st->line0 +
				    (size_t)cmark_node_get_start_line(n), 1,
				    true, b);
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			/*
			 * A list item's first paragraph follows its marker;
			 * any later one starts a line of its own.
			 */
			parent = cmark_node_parent(n);
			if (ev == CMARK_EVENT_ENTER &&
			    (cmark_node_get_type(parent) != CMARK_NODE_ITEM ||
			    cmark_node_previous(n) != NULL))
				md_newline(b);
			break;
		case CMARK_NODE_ITEM:
			if (ev != CMARK_EVENT_ENTER)
				break;
			md_newline(b);
			if (cmark_node_get_list_type(cmark_node_parent(n)) ==
			    CMARK_ORDERED_LIST) {
				cmark_node	*l = cmark_node_parent(n);
				intptr_t	 k;

				/*
				 * The list keeps the last number: counting
				 * the items before each one is quadratic.
				 */
				if (cmark_node_previous(n) == NULL)
					k = cmark_node_get_list_start(l);
				else
					k = (intptr_t)
					    cmark_node_get_user_data(l) + 1;
				cmark_node_set_user_data(l, (void *)k);
				text_buf_printf(b, "%ld. ", (long)k);
			} else
				text_buf_puts(b, "\xe2\x80\xa2 ");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	/* No trailing blanks or newlines. */
	while (b->len > 0 && (b->data[b->len - 1] == '\n' ||
	    b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
		b->data[--b->len] = '\0';
}
