/*
 * meta.c -- what a citation is made of: the document's front matter
 * (cite_meta, the one reader of struct corpus_doc for citing), its date,
 * the node's place in its document, and the passage's text; all of it
 * cleaned by the display policy before any format sees it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cite/cite-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

char *
cite_clean_line(const char *s, size_t n)
{
	struct text_buf	 b;
	char		*clean;
	const char	*p;

	clean = text_sanitize(s, n, TEXT_MODE_PIPE, false, NULL);
	/* Pipe mode keeps LF and TAB; a field of a citation is one line. */
	if (strpbrk(clean, "\n\t") == NULL)
		return clean;
	text_buf_init(&b);
	for (p = clean; *p != '\0'; p++) {
		if (*p == '\n')
			text_buf_puts(&b, "^J");
		else if (*p == '\t')
			text_buf_puts(&b, "^I");
		else
			text_buf_addc(&b, *p);
	}
	free(clean);
	return text_buf_steal(&b);
}

/* n digits at s, as a number; -1 if they are not all digits. */
static int
cite_digits(const char *s, size_t n)
{
	size_t	k;
	int	v = 0;

	for (k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

void
cite_date_parse(const char *s, struct cite_date *d)
{
	size_t	len = strlen(s);

	memset(d, 0, sizeof *d);
	if (len != 4 && len != 7 && len != 10)
		return;
	if ((d->year = cite_digits(s, 4)) < 0)
		return;
	if (len >= 7 && (s[4] != '-' || (d->month = cite_digits(s + 5, 2)) < 1 ||
	    d->month > 12))
		return;
	if (len == 10 && (s[7] != '-' || (d->day = cite_digits(s + 8, 2)) < 1 ||
	    d->day > 31))
		return;
	d->parts = len == 4 ? 1 : len == 7 ? 2 : 3;
}

const char *
cite_month_name(int m)
{
	/*
	 * Not translated: Chicago's notes are written in English, as the
	 * metadata they are made of.
	 */
	static const char *const months[] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };

	return m >= 1 && m <= 12 ? months[m - 1] : "";
}

static char *
cite_field(const char *s)
{
	return cite_clean_line(s, strlen(s));
}

static bool
cite_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

void
cite_meta_init(struct cite_meta *m, const struct corpus *c, uint32_t doc)
{
	const struct corpus_doc	*d = &c->docs[doc];

	m->slug = cite_field(d->slug);
	m->title = cite_field(d->title);
	m->issuer = cite_field(d->issuer);
	m->date = cite_field(d->date);
	m->language = cite_field(d->language);
	m->kind = cite_field(d->kind);
	m->author = cite_field(d->author);
	m->translator = cite_field(d->translator);
	m->publisher = cite_field(d->publisher);
	m->container = cite_field(d->container);
	/*
	 * A document imported before the front matter had a url key may
	 * have its URL as its source, which otherwise names where the text
	 * comes from (not a publisher: that has its own key).
	 */
	if (*d->url != '\0')
		m->url = cite_field(d->url);
	else if (cite_is_url(d->source))
		m->url = cite_field(d->source);
	else
		m->url = xstrdup("");
}

void
cite_meta_free(struct cite_meta *m)
{
	free(m->slug);
	free(m->title);
	free(m->issuer);
	free(m->author);
	free(m->translator);
	free(m->publisher);
	free(m->container);
	free(m->date);
	free(m->language);
	free(m->url);
	free(m->kind);
	memset(m, 0, sizeof *m);
}

bool
cite_is_article(const struct cite_meta *m)
{
	return strcmp(m->kind, "article") == 0 ||
	    strcmp(m->kind, "news") == 0 ||
	    strcmp(m->kind, "newsletter") == 0;
}

/*
 * Block i's place among the blocks of its kind under its parent: its
 * number (1 for the first) in *nth, and how many there are in *total.
 * Paragraphs are counted as a reader of the original counts them: the
 * captions, by-lines and source lines around them (which the labels
 * count: chinadaily:p4 is the article's first paragraph) are not.
 */
static void
cite_block_nth(const struct corpus *c, uint32_t i, unsigned *nth,
    unsigned *total)
{
	uint32_t	k;

	*nth = *total = 0;
	for (k = c->nodes[c->nodes[i].parent].first_child; k != CORPUS_NONE;
	    k = c->nodes[k].next_sibling) {
		if (c->nodes[k].kind != c->nodes[i].kind)
			continue;
		++*total;
		if (k <= i)
			++*nth;
	}
}

/*
 * A block's locator, for Chicago ("para. 2", "epigraph", "source 3") and
 * for the plain format (the same, translated).
 */
static void
cite_block_locator(const struct corpus *c, uint32_t i, char **chicago,
    char **plain)
{
	enum node_kind	 k = c->nodes[i].kind;
	const char	*en, *local;
	unsigned	 nth, total;

	cite_block_nth(c, i, &nth, &total);
	if (k == KIND_PARAGRAPH) {
		*chicago = xasprintf("para. %u", nth);
		/* TRANSLATORS: where a cited block is: "paragraph 3" */
		*plain = xasprintf(_("paragraph %u"), nth);
		return;
	}
	/* Chicago's words are English, as the note they go in. */
	switch (k) {
	case KIND_EPIGRAPH:
		en = "epigraph";
		local = _("epigraph");
		break;
	case KIND_CAPTION:
		en = "caption";
		local = _("caption");
		break;
	case KIND_BYLINE:
		en = "byline";
		local = _("byline");
		break;
	case KIND_PULLQUOTE:
		en = "pull quote";
		local = _("pullquote");
		break;
	case KIND_SOURCE:
		en = "source line";
		local = _("source");
		break;
	case KIND_TITLE:
		en = "title";
		local = _("title");
		break;
	default:
		en = "signature";
		local = _("signature");
		break;
	}
	if (total > 1) {
		*chicago = xasprintf("%s %u", en, nth);
		*plain = xasprintf("%s %u", local, nth);
	} else {
		*chicago = xstrdup(en);
		*plain = xstrdup(local);
	}
}

/* Chicago's name for section s: "chap. II", "sec. II.2", "preface". */
static char *
cite_section_locator(const struct corpus_node *s)
{
	char	*label = cite_field(s->label), *loc;

	switch (s->kind) {
	case KIND_CHAPTER:
		loc = xasprintf("chap. %s", label);
		break;
	case KIND_PREFACE:
		loc = xstrdup("preface");
		break;
	case KIND_CONCLUSION:
		loc = xstrdup("conclusion");
		break;
	case KIND_LETTER:
		loc = xstrdup("letter");
		break;
	default:
		loc = xasprintf("sec. %s", label);
		break;
	}
	free(label);
	return loc;
}

/* Append ", " (unless b is empty) and s to b. */
static void
cite_join(struct text_buf *b, const char *s)
{
	if (b->len > 0)
		text_buf_puts(b, ", ");
	text_buf_puts(b, s);
}

void
cite_place_init(struct cite_place *p, const struct corpus *c, uint32_t i,
    bool with_text)
{
	const struct corpus_node	*n = &c->nodes[i];
	struct text_buf			 loc, where;
	uint32_t			 s;
	char				*ref, *t, *num = NULL;

	memset(p, 0, sizeof *p);
	p->node = i;
	p->whole = n->kind == KIND_DOCUMENT;
	cite_meta_init(&p->m, c, n->doc);
	ref = corpus_node_ref(c, i);
	p->ref = cite_field(ref);
	free(ref);
	/* The section the node is, or is in (not the document). */
	for (s = i; s != CORPUS_NONE && kind_is_block(c->nodes[s].kind);
	    s = c->nodes[s].parent)
		;
	if (s != CORPUS_NONE && c->nodes[s].kind == KIND_DOCUMENT)
		s = CORPUS_NONE;
	text_buf_init(&loc);
	text_buf_init(&where);
	if (s != CORPUS_NONE) {
		t = cite_section_locator(&c->nodes[s]);
		cite_join(&loc, t);
		free(t);
		t = cite_field(*c->nodes[s].title ? c->nodes[s].title :
		    c->nodes[s].label);
		cite_join(&where, t);
		free(t);
	}
	if (kind_is_block(n->kind)) {
		cite_block_locator(c, i, &t, &num);
		cite_join(&loc, t);
		cite_join(&where, num);
		free(t);
		free(num);
	} else if (n->page > 0) {
		/* Only a section's page is known: where it starts. */
		t = xasprintf("p. %d", (int)n->page);
		cite_join(&loc, t);
		free(t);
		/* TRANSLATORS: where a cited section starts: "page 4" */
		t = xasprintf(_("page %d"), (int)n->page);
		cite_join(&where, t);
		free(t);
	}
	text_buf_puts(&loc, "");
	text_buf_puts(&where, "");
	p->locator = text_buf_steal(&loc);
	p->where = text_buf_steal(&where);
	if (with_text)
		p->text = cite_passage_text(c, i);
}

void
cite_place_free(struct cite_place *p)
{
	cite_meta_free(&p->m);
	free(p->ref);
	free(p->locator);
	free(p->where);
	free(p->text);
	memset(p, 0, sizeof *p);
}

char *
cite_passage_text(const struct corpus *c, uint32_t i)
{
	struct text_buf	 b;
	uint32_t	 k, end = corpus_subtree_end(c, i);
	char		*clean;

	text_buf_init(&b);
	for (k = i; k < end; k++) {
		const struct corpus_node	*n = &c->nodes[k];

		if (k != i)
			text_buf_puts(&b, "\n\n");
		if (n->kind == KIND_DOCUMENT)
			text_buf_puts(&b, n->title);
		else if (!kind_is_block(n->kind))
			text_buf_printf(&b, "%s  %s", n->label, n->title);
		else
			text_buf_add(&b, n->text, n->text_len);
	}
	clean = text_sanitize(b.data != NULL ? b.data : "", b.len,
	    TEXT_MODE_PIPE, false, NULL);
	text_buf_free(&b);
	return clean;
}
