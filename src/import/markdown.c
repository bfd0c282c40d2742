/*
 * markdown.c -- turning one source file into a document of the corpus:
 * libcmark parses the Markdown, and this file walks the top-level blocks,
 * opening a section at each heading (with its {#anchor .kind label=L page=N}
 * attributes) and adding each paragraph, block quote, list or code block as
 * a block of the current section.  See doc/source-format.md.
 *
 * Only the document's direct children are walked by hand; everything nested
 * (inlines, quotes in quotes) is flattened by flatten.c with cmark's
 * iterator, so deep nesting costs no stack.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "import/frontmatter.h"
#include "import/md-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static int
md_fail(struct md_state *st, size_t line, size_t col, const char *msg)
{
	if (st->err == NULL)
		st->err = xasprintf("%s:%zu:%zu: %s", st->name, line, col, msg);
	return -1;
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
	uint32_t	 line = (uint32_t)(st->line0 +
	    (size_t)cmark_node_get_start_line(n));
	uint32_t	 parent, node;
	char		*msg = NULL, *open, *label;
	struct md_level	*pl;
	int		 rc = -1;

	memset(&a, 0, sizeof a);
	text_buf_init(&b);
	md_flatten(st, n, &b);
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
	uint32_t	 line = (uint32_t)(st->line0 +
	    (size_t)cmark_node_get_start_line(n));
	struct md_level	*sec = &st->level[st->depth];
	const char	*text, *close;
	char		*msg = NULL, *label;
	int		 kind, r, rc = -1;
	size_t		 skip = 0;

	memset(&a, 0, sizeof a);
	text_buf_init(&b);
	md_flatten(st, n, &b);
	text = b.data != NULL ? b.data : "";
	kind = type == CMARK_NODE_BLOCK_QUOTE ? KIND_EPIGRAPH : KIND_PARAGRAPH;
	/*
	 * Raw HTML is a block of its text as written (flatten.c); one that
	 * was only comments is nothing at all.
	 */
	if (type == CMARK_NODE_HTML_BLOCK) {
		while (skip < b.len && (text[skip] == ' ' ||
		    text[skip] == '\t' || text[skip] == '\n'))
			skip++;
		if (skip == b.len) {
			rc = 0;
			goto out;
		}
		if (text[skip] == '{') {
			/* Attributes belong to Markdown, not to raw HTML. */
			goto add;
		}
	}
	/* A block may open with attributes: "{.byline} By ...". */
	if (skip == 0 && b.len > 0 && text[0] == '{' &&
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
add:
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
	return import_markdown_opt(c, name, data, len, NULL, err);
}

/* One top-level node of the body. */
static int
md_top(struct md_state *st, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		return md_heading(st, n);
	case CMARK_NODE_THEMATIC_BREAK:
		/* A rule between blocks: no text, nothing to keep. */
		return 0;
	default:
		return md_block(st, n);
	}
}

int
import_markdown_opt(struct corpus *c, const char *name, const char *data,
    size_t len, const struct import_options *opt, char **err)
{
	struct md_state		 st;
	struct import_diag	 diag;
	struct corpus_doc	 meta;
	size_t			 body, body_line;
	int			 l, rc;

	*err = NULL;
	if (frontmatter_parse(name, data, len, &meta, &body, &body_line,
	    err) == -1)
		return -1;
	memset(&diag, 0, sizeof diag);
	diag.opt = opt;
	diag.name = name;
	import_diag_scan(&diag, data, len, 1);
	meta.file = name;
	memset(&st, 0, sizeof st);
	st.c = c;
	st.name = name;
	st.diag = &diag;
	hashtab_init(&st.anchor_table, 64);
	st.level[0].node = corpus_add_doc(c, &meta);
	for (l = 1; l <= KIND_MAX_LEVEL; l++)
		st.level[l].node = CORPUS_NONE;
	meta.file = NULL;
	frontmatter_free(&meta);

	rc = md_parse_body(&st, data + body, len - body, body_line, md_top);
	free(st.anchors);
	hashtab_free(&st.anchor_table);
	if (rc != 0) {
		import_diag_free(&diag);
		*err = st.err;
		return -1;
	}
	import_diag_end(&diag);
	return 0;
}
