/*
 * markdown.c -- turning one source file into a document of the corpus:
 * libcmark parses the Markdown, and this file walks the top-level blocks,
 * opening a section at each heading (with its {#anchor .kind label=L page=N}
 * attributes) and adding each paragraph, block quote, list or code block as
 * a block of the current section.  See doc/source-format.md.
 *
 * Only the document's direct children are walked by hand; everything nested
 * (inlines, quotes in quotes) is flattened with cmark's iterator, so deep
 * nesting costs no stack.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "import/frontmatter.h"
#include "import/import.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/* Attributes of a heading or block: {#anchor .kind label=L page=N}. */
struct md_attrs {
	char	*anchor;
	char	*kind;
	char	*label;
	long	 page;
};

/* One open section at each heading level (0 = the document). */
struct md_level {
	uint32_t	node;		/* CORPUS_NONE if not open */
	unsigned	sections;	/* sections added under it so far */
	unsigned	blocks;		/* blocks added under it so far */
};

/* An anchor seen in this document, to report duplicates with both lines. */
struct md_anchor {
	const char	*anchor;
	uint32_t	 line;
};

struct md_state {
	struct corpus		*c;
	const char		*name;
	const char		*data;
	size_t			 len;
	struct md_level		 level[KIND_MAX_LEVEL + 1];
	int			 depth;		/* deepest open level */
	struct md_anchor	*anchors;
	size_t			 nanchors;
	size_t			 anchors_cap;
	struct hashtab		 anchor_table;	/* hash -> index in anchors */
	char			*err;
};

static void
md_attrs_free(struct md_attrs *a)
{
	free(a->anchor);
	free(a->kind);
	free(a->label);
	memset(a, 0, sizeof *a);
}

/*
 * The column (in characters, 1-based) of needle in the attribute list on
 * line lno of the data, or 1 if it is not there.  The list starts at the
 * last "{" of a heading's line (attributes close a heading) and at the
 * first "{" of a block's line (they open a block).
 */
static size_t
md_column(const struct md_state *st, size_t lno, bool heading,
    const char *needle)
{
	const char	*s = st->data, *e = st->data + st->len, *nl, *p;
	const char	*open = NULL;
	size_t		 l, col = 1, n = strlen(needle);

	for (l = 1; l < lno && s < e; l++) {
		nl = memchr(s, '\n', (size_t)(e - s));
		if (nl == NULL)
			return 1;
		s = nl + 1;
	}
	nl = memchr(s, '\n', (size_t)(e - s));
	if (nl == NULL)
		nl = e;
	for (p = s; p < nl && (open == NULL || heading); p++)
		if (*p == '{')
			open = p;
	if (open == NULL)
		return 1;
	for (p = open; p + n <= nl && memcmp(p, needle, n) != 0; p++)
		;
	if (p + n > nl)
		return 1;
	for (; s < p; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			col++;
	return col;
}

static int
md_fail(struct md_state *st, size_t line, size_t col, const char *msg)
{
	if (st->err == NULL)
		st->err = xasprintf("%s:%zu:%zu: %s", st->name, line, col, msg);
	return -1;
}

static int
md_is_ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
}

/*
 * Parse attribute text s[0..n) (without the braces).  strict: anything that
 * is not an attribute is an error; otherwise returns 1 ("not attributes")
 * so the caller can keep the text as it is.  Returns 0 on success, -1 on an
 * error (message in *msg), 1 for "not attributes" when !strict.
 */
static int
md_parse_attrs(const char *s, size_t n, struct md_attrs *a, bool strict,
    char **msg)
{
	size_t		 i = 0, start;
	const char	*key;
	size_t		 klen;

	memset(a, 0, sizeof *a);
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++;
			continue;
		}
		start = i;
		if (s[i] == '#' || s[i] == '.') {
			char	**dst = s[i] == '#' ? &a->anchor : &a->kind;

			for (i++; i < n && md_is_ident_char(s[i]); i++)
				;
			if (i == start + 1 || (i < n && s[i] != ' ' &&
			    s[i] != '\t' && s[i] != '\n'))
				goto bad;
			if (*dst != NULL) {
				if (!strict)
					goto notattrs;
				*msg = xasprintf(s[start] == '#' ?
				    _("two anchors in one attribute list") :
				    _("two kinds in one attribute list"));
				goto fail;
			}
			*dst = xstrndup(s + start + 1, i - start - 1);
			continue;
		}
		if (!strict)
			goto notattrs;
		key = s + i;
		for (; i < n && s[i] != '=' && s[i] != ' '; i++)
			;
		klen = (size_t)(s + i - key);
		if (i >= n || s[i] != '=')
			goto bad;
		i++;
		start = i;
		if (i < n && s[i] == '"') {
			for (start = ++i; i < n && s[i] != '"'; i++)
				;
			if (i >= n)
				goto bad;
		} else
			for (; i < n && s[i] != ' ' && s[i] != '\t'; i++)
				;
		if (klen == 5 && memcmp(key, "label", 5) == 0) {
			if (a->label != NULL) {
				*msg = xstrdup(_("two labels in one attribute "
				    "list"));
				goto fail;
			}
			a->label = xstrndup(s + start, i - start);
		} else if (klen == 4 && memcmp(key, "page", 4) == 0) {
			char	*end, *v = xstrndup(s + start, i - start);

			a->page = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || a->page < 1 ||
			    a->page > 99999) {
				free(v);
				*msg = xstrdup(_("page must be a number from 1 "
				    "to 99999"));
				goto fail;
			}
			free(v);
		} else {
			*msg = xasprintf(_("unknown attribute '%.*s' (known: "
			    "#anchor, .kind, label=, page=)"),
			    (int)(klen > 40 ? 40 : klen), key);
			goto fail;
		}
		if (i < n && s[i] == '"')
			i++;
	}
	return 0;
bad:
	if (!strict)
		goto notattrs;
	*msg = xstrdup(_("malformed attribute list; expected "
	    "{#anchor .kind label=L page=N}"));
fail:
	md_attrs_free(a);
	return -1;
notattrs:
	md_attrs_free(a);
	return 1;
}

/*
 * Append a literal cmark made.  The source is valid UTF-8, but cmark
 * encodes the character references &#xFFFE; and &#xFFFF; as the lone
 * bytes FE and FF: whatever is ill-formed becomes U+FFFD, so that the
 * corpus holds UTF-8 only.
 */
static void
md_put_literal(struct text_buf *b, const char *lit)
{
	size_t	 len = strlen(lit);
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
 * Flatten a block's content to plain text: text as written, soft breaks as
 * spaces, hard breaks and block boundaries as newlines, list items with
 * their marker.  Iterative, so any nesting depth is safe.
 */
static void
md_flatten(cmark_node *root, struct text_buf *b)
{
	cmark_iter		*it = cmark_iter_new(root);
	cmark_event_type	 ev;
	cmark_node		*n;
	const char		*lit;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			if (lit != NULL)
				md_put_literal(b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
			text_buf_addc(b, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			text_buf_addc(b, '\n');
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
			if (b->len > 0 && b->data[b->len - 1] != '\n')
				text_buf_addc(b, '\n');
			lit = cmark_node_get_literal(n);
			if (lit != NULL)
				md_put_literal(b, lit);
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev == CMARK_EVENT_ENTER && b->len > 0 &&
			    b->data[b->len - 1] != '\n' &&
			    cmark_node_get_type(cmark_node_parent(n)) !=
			    CMARK_NODE_ITEM)
				text_buf_addc(b, '\n');
			break;
		case CMARK_NODE_ITEM:
			if (ev != CMARK_EVENT_ENTER)
				break;
			if (b->len > 0 && b->data[b->len - 1] != '\n')
				text_buf_addc(b, '\n');
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

static int
md_valid_label(const char *s)
{
	size_t	i;

	if (*s == '\0' || strlen(s) > CORPUS_MAX_LABEL)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!md_is_ident_char(s[i]))
			return 0;
	return 1;
}

/*
 * Remember an anchor (of a heading or a block on line); a second use of one
 * is an error citing both lines.  The anchors are in a hash table, so that
 * a document of many anchors is not a quadratic scan.
 */
static int
md_add_anchor(struct md_state *st, const char *anchor, uint32_t line,
    bool heading)
{
	struct hashtab_iter	 it;
	uint64_t		 h;
	uint32_t		 k;
	char			*msg;

	if (strlen(anchor) > CORPUS_MAX_TEXT) {
		md_fail(st, line, md_column(st, line, heading, "#"),
		    _("anchor too long"));
		return -1;
	}
	h = hash_bytes(anchor, strlen(anchor));
	for (k = hashtab_first(&st->anchor_table, h, &it); k != HASHTAB_NONE;
	    k = hashtab_next(&st->anchor_table, &it)) {
		if (strcmp(st->anchors[k].anchor, anchor) == 0) {
			msg = xasprintf(_("duplicate anchor '#%s' (first used "
			    "at line %u)"), anchor, st->anchors[k].line);
			md_fail(st, line, md_column(st, line, heading, "#"),
			    msg);
			free(msg);
			return -1;
		}
	}
	st->anchors = xgrowarray(st->anchors, &st->anchors_cap,
	    st->nanchors + 1, sizeof *st->anchors);
	st->anchors[st->nanchors].anchor = anchor;
	st->anchors[st->nanchors].line = line;
	hashtab_add(&st->anchor_table, h, (uint32_t)st->nanchors);
	st->nanchors++;
	return 0;
}

static int
md_heading(struct md_state *st, cmark_node *n)
{
	struct text_buf	 b;
	struct md_attrs	 a;
	int		 level = cmark_node_get_heading_level(n), kind, l;
	uint32_t	 line = (uint32_t)cmark_node_get_start_line(n);
	uint32_t	 parent, node;
	char		*msg = NULL, *open, *label;
	struct md_level	*pl;
	int		 rc = -1;

	memset(&a, 0, sizeof a);
	text_buf_init(&b);
	md_flatten(n, &b);
	if (level > KIND_MAX_LEVEL) {
		msg = xasprintf(_("heading level %d is deeper than charta "
		    "allows (%d)"), level, KIND_MAX_LEVEL);
		md_fail(st, line, 1, msg);
		goto out;
	}
	for (l = 1; l < level; l++) {
		if (st->level[l].node == CORPUS_NONE) {
			msg = xasprintf(_("level-%d heading without a level-%d "
			    "heading above it"), level, l);
			md_fail(st, line, 1, msg);
			goto out;
		}
	}
	/* Attributes close the heading: "Title {#a .kind label=L}". */
	open = b.len > 0 && b.data[b.len - 1] == '}' ?
	    strrchr(b.data, '{') : NULL;
	if (open != NULL) {
		if (md_parse_attrs(open + 1, (size_t)(b.data + b.len - 1 -
		    open - 1), &a, true, &msg) != 0) {
			md_fail(st, line, md_column(st, line, true, "{"), msg);
			goto out;
		}
		*open = '\0';
		b.len = (size_t)(open - b.data);
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
	}
	if (b.len == 0) {
		md_fail(st, line, 1, _("heading has no text"));
		goto out;
	}
	if (b.len > CORPUS_MAX_TEXT) {
		msg = xasprintf(_("heading too long (%zu bytes; the limit is "
		    "%d)"), b.len, CORPUS_MAX_TEXT);
		md_fail(st, line, 1, msg);
		goto out;
	}
	kind = a.kind == NULL ? KIND_SECTION :
	    kind_from_name(a.kind, strlen(a.kind));
	if (kind < 0 || kind_is_block(kind) || kind == KIND_DOCUMENT) {
		msg = xasprintf(_("unknown section kind '.%s'"), a.kind);
		md_fail(st, line, md_column(st, line, true, "."), msg);
		goto out;
	}
	if (!kind_allows_level(kind, level)) {
		msg = xasprintf(_("a %s may not stand at heading level %d"),
		    kind_name(kind), level);
		md_fail(st, line, 1, msg);
		goto out;
	}
	pl = &st->level[level - 1];
	parent = pl->node;
	pl->sections++;
	if (a.label != NULL)
		label = xstrdup(a.label);
	else if (st->c->nodes[parent].kind == KIND_DOCUMENT)
		label = xasprintf("%u", pl->sections);
	else
		label = xasprintf("%s.%u", st->c->nodes[parent].label,
		    pl->sections);
	if (!md_valid_label(label)) {
		free(label);
		md_fail(st, line, md_column(st, line, true, "label="),
		    _("a label is 1 to 64 letters, digits, '.', '-' or '_'"));
		goto out;
	}
	if (a.anchor != NULL && md_add_anchor(st, a.anchor, line, true) == -1) {
		free(label);
		goto out;
	}
	node = corpus_add_node(st->c, parent, kind, label, a.anchor, b.data,
	    NULL, 0, (int32_t)a.page, line);
	free(label);
	if (a.anchor != NULL)
		st->anchors[st->nanchors - 1].anchor =
		    st->c->nodes[node].anchor;
	st->level[level].node = node;
	st->level[level].sections = 0;
	st->level[level].blocks = 0;
	for (l = level + 1; l <= KIND_MAX_LEVEL; l++)
		st->level[l].node = CORPUS_NONE;
	st->depth = level;
	rc = 0;
out:
	free(msg);
	md_attrs_free(&a);
	text_buf_free(&b);
	return rc;
}

static int
md_block(struct md_state *st, cmark_node *n)
{
	struct text_buf	 b;
	struct md_attrs	 a;
	cmark_node_type	 type = cmark_node_get_type(n);
	uint32_t	 line = (uint32_t)cmark_node_get_start_line(n);
	struct md_level	*sec = &st->level[st->depth];
	const char	*text, *close;
	char		*msg = NULL, *label;
	int		 kind, r, rc = -1;
	size_t		 skip = 0;

	memset(&a, 0, sizeof a);
	text_buf_init(&b);
	md_flatten(n, &b);
	text = b.data != NULL ? b.data : "";
	kind = type == CMARK_NODE_BLOCK_QUOTE ? KIND_EPIGRAPH : KIND_PARAGRAPH;
	/* A block may open with attributes: "{.byline} By ...". */
	if (b.len > 0 && text[0] == '{' &&
	    (close = memchr(text, '}', b.len)) != NULL) {
		r = md_parse_attrs(text + 1, (size_t)(close - text - 1), &a,
		    false, &msg);
		if (r == -1) {
			md_fail(st, line, md_column(st, line, false, "{"), msg);
			goto out;
		}
		if (r == 0) {
			if (a.kind != NULL) {
				kind = kind_from_name(a.kind, strlen(a.kind));
				if (kind < 0 || !kind_is_block(kind)) {
					msg = xasprintf(_("unknown block kind "
					    "'.%s'"), a.kind);
					md_fail(st, line, md_column(st, line,
					    false, "{"), msg);
					goto out;
				}
			}
			skip = (size_t)(close + 1 - text);
			while (skip < b.len && (text[skip] == ' ' ||
			    text[skip] == '\n'))
				skip++;
		}
	}
	if (b.len - skip == 0) {
		md_fail(st, line, 1, _("empty block"));
		goto out;
	}
	if (b.len - skip > CORPUS_MAX_TEXT) {
		msg = xasprintf(_("block too long (%zu bytes; the limit is "
		    "%d)"), b.len - skip, CORPUS_MAX_TEXT);
		md_fail(st, line, 1, msg);
		goto out;
	}
	if (a.anchor != NULL && md_add_anchor(st, a.anchor, line, false) == -1)
		goto out;
	sec->blocks++;
	if (st->c->nodes[sec->node].kind == KIND_DOCUMENT)
		label = xasprintf("p%u", sec->blocks);
	else
		label = xasprintf("%s.p%u", st->c->nodes[sec->node].label,
		    sec->blocks);
	/* A long section label may leave no room for ".p12". */
	if (strlen(label) > CORPUS_MAX_LABEL) {
		msg = xasprintf(_("block label '%s' is longer than %d bytes; "
		    "shorten the section's label"), label, CORPUS_MAX_LABEL);
		free(label);
		md_fail(st, line, 1, msg);
		goto out;
	}
	corpus_add_node(st->c, sec->node, kind, label, a.anchor, NULL,
	    text + skip, b.len - skip, 0, line);
	free(label);
	if (a.anchor != NULL)
		st->anchors[st->nanchors - 1].anchor =
		    st->c->nodes[st->c->nnodes - 1].anchor;
	rc = 0;
out:
	free(msg);
	md_attrs_free(&a);
	text_buf_free(&b);
	return rc;
}

int
import_markdown(struct corpus *c, const char *name, const char *data,
    size_t len, char **err)
{
	struct md_state		 st;
	struct corpus_doc	 meta;
	cmark_node		*doc, *n;
	char			*copy;
	int			 l, rc = 0;

	*err = NULL;
	copy = xstrndup(data, len);
	if (frontmatter_parse(name, copy, len, &meta, err) == -1) {
		free(copy);
		return -1;
	}
	meta.file = name;
	memset(&st, 0, sizeof st);
	st.c = c;
	st.name = name;
	st.data = data;
	st.len = len;
	hashtab_init(&st.anchor_table, 64);
	st.level[0].node = corpus_add_doc(c, &meta);
	for (l = 1; l <= KIND_MAX_LEVEL; l++)
		st.level[l].node = CORPUS_NONE;
	meta.file = NULL;
	frontmatter_free(&meta);

	doc = cmark_parse_document(copy, len, CMARK_OPT_DEFAULT);
	free(copy);
	for (n = cmark_node_first_child(doc); n != NULL && rc == 0;
	    n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			rc = md_heading(&st, n);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			break;
		case CMARK_NODE_HTML_BLOCK: {
			const char	*lit = cmark_node_get_literal(n);

			/* Comments are the author's notes, not text. */
			if (lit != NULL && strncmp(lit, "<!--", 4) == 0)
				break;
			rc = md_fail(&st, (size_t)cmark_node_get_start_line(n),
			    1, _("raw HTML is not part of the source format"));
			break;
		}
		default:
			rc = md_block(&st, n);
			break;
		}
	}
	cmark_node_free(doc);
	free(st.anchors);
	hashtab_free(&st.anchor_table);
	if (rc != 0) {
		*err = st.err;
		return -1;
	}
	return 0;
}
