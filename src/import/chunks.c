/*
 * chunks.c -- reading a document's Markdown a chunk at a time, so that
 * libcmark's tree never holds more than one chunk of it: a node costs
 * cmark some 130 bytes, and a whole file of short lines made a tree thirty
 * times the file's size.
 *
 * Algorithm.  A chunk ends (about MD_CHUNK bytes after it starts) at a
 * place where no Markdown construct can go on across the cut: a line at
 * column 0 that is not a blank, a tab or a list marker, after a blank line
 * (it starts a top-level block: lists, quotes, paragraphs and indented
 * code are closed there), or an ATX heading line at column 0.  Only a
 * fenced code block or an HTML block can still be open there, and that is
 * checked by cmark itself: the chunk is parsed with a sentinel line of the
 * same form after it, and the cut is good only if the sentinel comes out
 * as a top-level block of its own.  Otherwise the chunk grows (its target
 * size doubles, so that the work stays linear) and is parsed again.
 *
 * Link reference definitions are the one thing that reaches across the
 * whole document.  A body with "]:" in it (which every definition has) is
 * read twice: first only to cut it into good chunks, keeping those with
 * "]:" in them as a preamble; then each chunk is parsed after the
 * preamble, whose nodes are skipped: every definition is known to every
 * chunk, first definition first, as in one parse.  A preamble larger than
 * MD_PREAMBLE_MAX, or one that does not end cleanly, falls back to one
 * parse of the whole body.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import/md-private.h"
#include "text/text.h"
#include "util/xmalloc.h"

#define MD_CHUNK		(256 * 1024)
#define MD_PREAMBLE_MAX		(1024 * 1024)
#define MD_SENTINEL		"charta-chunk-end-5b0f1c93"

struct md_chunks {
	const char	*text;		/* the body */
	size_t		 len;
	size_t		 line1;		/* the file's line of text[0] */
	struct text_buf	 preamble;	/* chunks with "]:", or empty */
	size_t		 plines;	/* lines in the preamble */
	bool		 fallback;	/* parse the body whole */
	size_t		 chunk;		/* the target size of a chunk */
};

/* Is line s (up to a newline or e) blank: spaces and tabs only? */
static bool
md_line_blank(const char *s, const char *e)
{
	for (; s < e && *s != '\n'; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

/* Does line s start with a list marker: "-", "+", "*", "1." or "1)"? */
static bool
md_line_marker(const char *s, const char *e)
{
	const char	*p = s;

	if (*s == '-' || *s == '+' || *s == '*')
		p = s + 1;
	else {
		while (p < e && p - s < 9 && *p >= '0' && *p <= '9')
			p++;
		if (p == s || p >= e || (*p != '.' && *p != ')'))
			return false;
		p++;
	}
	return p >= e || *p == ' ' || *p == '\t' || *p == '\n';
}

/* Is line s an ATX heading at column 0? */
static bool
md_line_atx(const char *s, const char *e)
{
	const char	*p = s;

	while (p < e && *p == '#' && p - s < 7)
		p++;
	return p > s && p - s <= 6 && (p >= e || *p == ' ' || *p == '\t' ||
	    *p == '\n');
}

/*
 * The first place to cut at or after offset from, which is past start:
 * the offset of the line that begins a new block there, or len.  *atx:
 * that line is an ATX heading (else it follows a blank line).
 */
static size_t
md_next_cut(const struct md_chunks *mc, size_t start, size_t from, bool *atx)
{
	const char	*t = mc->text, *e = mc->text + mc->len, *p, *nl;
	bool		 prev_blank;

	if (from >= mc->len)
		return mc->len;
	/* The line that holds from-1, then the lines after it. */
	p = t + from;
	while (p > t + start && p[-1] != '\n')
		p--;
	for (;;) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			return mc->len;
		prev_blank = md_line_blank(p, nl);
		p = nl + 1;
		if (p >= e)
			return mc->len;
		if ((size_t)(p - t) < from)
			continue;
		if (md_line_atx(p, e)) {
			*atx = true;
			return (size_t)(p - t);
		}
		if (prev_blank && *p != ' ' && *p != '\t' && *p != '\n' &&
		    !md_line_marker(p, e)) {
			*atx = false;
			return (size_t)(p - t);
		}
	}
}

static size_t
md_count_lines(const char *s, size_t n)
{
	size_t		 k = 0;
	const char	*e = s + n;

	while ((s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

/*
 * Parse preamble + text[start..end) (+ a sentinel if end is a cut of the
 * given form).  Returns the tree, or NULL if the sentinel did not come
 * out a block of its own (then the cut is no good); the sentinel is
 * removed.  *input receives the text parsed (the caller frees it).
 */
static cmark_node *
md_parse_chunk(const struct md_chunks *mc, size_t start, size_t end,
    bool sentinel, bool atx, char **input, size_t *inlen)
{
	struct text_buf	 in;
	cmark_node	*doc, *last, *t;
	size_t		 lines;
	const char	*lit;

	text_buf_init(&in);
	text_buf_add(&in, mc->preamble.data != NULL ? mc->preamble.data : "",
	    mc->preamble.len);
	text_buf_add(&in, mc->text + start, end - start);
	lines = mc->plines + md_count_lines(mc->text + start, end - start);
	if (sentinel) {
		if (in.len > 0 && in.data[in.len - 1] != '\n') {
			text_buf_addc(&in, '\n');
			lines++;
		}
		text_buf_puts(&in, atx ? "# " MD_SENTINEL "\n" :
		    MD_SENTINEL "\n");
	}
	doc = cmark_parse_document(in.data != NULL ? in.data : "", in.len,
	    CMARK_OPT_DEFAULT);
	*inlen = in.len;
	*input = text_buf_steal(&in);
	if (!sentinel)
		return doc;
	last = cmark_node_last_child(doc);
	t = last != NULL ? cmark_node_first_child(last) : NULL;
	lit = t != NULL ? cmark_node_get_literal(t) : NULL;
	if (last == NULL || cmark_node_get_type(last) != (atx ?
	    CMARK_NODE_HEADING : CMARK_NODE_PARAGRAPH) ||
	    cmark_node_get_start_line(last) != (int)lines + 1 ||
	    cmark_node_get_type(t) != CMARK_NODE_TEXT ||
	    cmark_node_next(t) != NULL || lit == NULL ||
	    strcmp(lit, MD_SENTINEL) != 0) {
		cmark_node_free(doc);
		free(*input);
		*input = NULL;
		return NULL;
	}
	cmark_node_free(last);
	return doc;
}

/*
 * Cut the body into good chunks from start and parse the next one: its
 * tree, the text parsed (*input, *inlen) and where the next chunk starts
 * (*next).
 */
static cmark_node *
md_next_chunk(const struct md_chunks *mc, size_t start, char **input,
    size_t *inlen, size_t *next)
{
	cmark_node	*doc;
	size_t		 target = mc->chunk, end;
	bool		 atx = false;

	for (;;) {
		end = mc->fallback ? mc->len :
		    md_next_cut(mc, start, start + target, &atx);
		doc = md_parse_chunk(mc, start, end, end < mc->len, atx, input,
		    inlen);
		if (doc != NULL) {
			*next = end;
			return doc;
		}
		/* Grow past the bad cut, doubling to stay linear. */
		target = end - start + 1 > target * 2 ? end - start + 1 :
		    target * 2;
	}
}

/*
 * The preamble: every good chunk with "]:" in it, in order, each ending
 * with a blank line.  A chunk at the end of the body must end cleanly too
 * (no fence or HTML block left open), or the body is parsed whole.
 */
static void
md_make_preamble(struct md_chunks *mc)
{
	cmark_node	*doc;
	char		*input;
	size_t		 start = 0, next, inlen;

	while (start < mc->len) {
		doc = md_next_chunk(mc, start, &input, &inlen, &next);
		cmark_node_free(doc);
		free(input);
		if (memmem(mc->text + start, next - start, "]:", 2) != NULL) {
			text_buf_add(&mc->preamble, mc->text + start,
			    next - start);
			if (mc->preamble.data[mc->preamble.len - 1] != '\n')
				text_buf_addc(&mc->preamble, '\n');
			text_buf_addc(&mc->preamble, '\n');
		}
		if (mc->preamble.len > MD_PREAMBLE_MAX)
			break;
		start = next;
	}
	if (mc->preamble.len > 0 && mc->preamble.len <= MD_PREAMBLE_MAX) {
		struct md_chunks	probe = *mc;

		/* Does the preamble end cleanly? */
		probe.text = "";
		probe.len = 0;
		doc = md_parse_chunk(&probe, 0, 0, true, false, &input, &inlen);
		if (doc != NULL) {
			cmark_node_free(doc);
			free(input);
			mc->plines = md_count_lines(mc->preamble.data,
			    mc->preamble.len);
			return;
		}
	}
	text_buf_free(&mc->preamble);
	text_buf_init(&mc->preamble);
	mc->fallback = true;
}

int
md_parse_body(struct md_state *st, const char *text, size_t len,
    size_t line1, int (*each)(struct md_state *, cmark_node *))
{
	struct md_chunks	 mc;
	cmark_node		*doc, *n, *nn;
	char			*input;
	size_t			 start = 0, next, inlen, line = line1;
	int			 rc = 0;

	memset(&mc, 0, sizeof mc);
	mc.text = text;
	mc.len = len;
	mc.line1 = line1;
	mc.chunk = st->diag != NULL && st->diag->opt != NULL &&
	    st->diag->opt->chunk > 0 ? st->diag->opt->chunk : MD_CHUNK;
	text_buf_init(&mc.preamble);
	if (memmem(text, len, "]:", 2) != NULL)
		md_make_preamble(&mc);
	while (rc == 0 && start < len) {
		doc = md_next_chunk(&mc, start, &input, &inlen, &next);
		st->data = input;
		st->len = inlen;
		/* cmark's line k is the file's line line0 + k. */
		st->line0 = line - 1 - mc.plines;
		for (n = cmark_node_first_child(doc); n != NULL && rc == 0;
		    n = nn) {
			nn = cmark_node_next(n);
			if ((size_t)cmark_node_get_start_line(n) <= mc.plines)
				continue;
			rc = each(st, n);
		}
		cmark_node_free(doc);
		free(input);
		st->data = NULL;
		st->len = 0;
		line += md_count_lines(text + start, next - start);
		start = next;
	}
	text_buf_free(&mc.preamble);
	return rc;
}
