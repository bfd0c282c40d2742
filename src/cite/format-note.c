/*
 * format-note.c -- the citations that are a line of text: plain, the
 * Chicago note, and the same note in Markdown.
 *
 * The Chicago note (notes-bibliography, the full first note) is, for a
 * document that stands on its own (a strategy, a paper):
 *
 *     Author, Title, trans. Translator (Publisher, Month Day, Year),
 *         locator, URL.
 *
 * and for an article, a news report or a newsletter piece:
 *
 *     Author, "Title," trans. Translator, Container, Month Day, Year,
 *         locator, URL.
 *
 * The author is the by-line's person, else the issuer as an institution;
 * the publisher is left out where it is the author.  Whatever the front
 * matter lacks is left out with its punctuation.  Titles are plain in the
 * chicago format (a clipboard holds no italics); markdown sets them in
 * italics, links the title to the URL and escapes Markdown's syntax.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite-private.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A note being written: parts joined by ", ", a quoted title's comma
   and final period going inside its closing quote. */
struct note {
	struct text_buf	*b;
	bool		 md;		/* Markdown markup and escaping */
	bool		 quote_open;	/* a closing quote is pending */
	bool		 any;		/* a part has been written */
};

/* Does the ASCII byte ch mean something to Markdown inside a line? */
static bool
md_special(char ch)
{
	return ch != '\0' && strchr("\\`*_[]<>!&|~", ch) != NULL;
}

/*
 * Append s to b with Markdown's syntax escaped; line_start says that s
 * begins a line, where "#", "-", "+", "=" and "1." would start a heading
 * or a list.
 */
static void
md_escape(struct text_buf *b, const char *s, bool line_start)
{
	size_t	digits;

	if (line_start) {
		digits = strspn(s, "0123456789");
		if (strchr("#-+=", *s) != NULL && *s != '\0')
			text_buf_addc(b, '\\');
		else if (digits > 0 && (s[digits] == '.' ||
		    s[digits] == ')')) {
			text_buf_add(b, s, digits);
			s += digits;
			text_buf_addc(b, '\\');
		}
	}
	for (; *s != '\0'; s++) {
		if (md_special(*s))
			text_buf_addc(b, '\\');
		text_buf_addc(b, *s);
	}
}

/*
 * Append url to b for a Markdown link's destination: every byte that
 * could end or bend the destination (space, controls, quotes, brackets,
 * parentheses, backslash) and every byte beyond ASCII percent-encoded.
 */
static void
md_url(struct text_buf *b, const char *url)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p <= 0x20 || *p >= 0x7f || strchr("\"'<>()[]\\`{}|^",
		    *p) != NULL)
			text_buf_printf(b, "%%%02X", *p);
		else
			text_buf_addc(b, (char)*p);
	}
}

/* Start a new part: the separator, and a pending quote's comma. */
static void
note_sep(struct note *nt)
{
	if (!nt->any) {
		nt->any = true;
		return;
	}
	text_buf_puts(nt->b, nt->quote_open ? ",\xe2\x80\x9d " : ", ");
	nt->quote_open = false;
}

/* A part of text from the data (escaped in Markdown). */
static void
note_text(struct note *nt, const char *s)
{
	bool	first = !nt->any;

	note_sep(nt);
	if (nt->md)
		md_escape(nt->b, s, first);
	else
		text_buf_puts(nt->b, s);
}

/* Text in the same part: no separator. */
static void
note_more(struct note *nt, const char *s)
{
	if (nt->md)
		md_escape(nt->b, s, false);
	else
		text_buf_puts(nt->b, s);
}

/*
 * The title: quoted for an article, else italic in Markdown; linked to
 * url in Markdown when there is one.
 */
static void
note_title(struct note *nt, const char *title, bool quoted, bool italic,
    const char *url)
{
	bool	link = nt->md && *url != '\0';
	bool	first = !nt->any;

	note_sep(nt);
	if (quoted)
		text_buf_puts(nt->b, "\xe2\x80\x9c");		/* " */
	if (link)
		text_buf_addc(nt->b, '[');
	if (nt->md && italic)
		text_buf_addc(nt->b, '*');
	if (nt->md)
		md_escape(nt->b, title, first && !quoted && !link && !italic);
	else
		text_buf_puts(nt->b, title);
	if (nt->md && italic)
		text_buf_addc(nt->b, '*');
	if (link) {
		text_buf_puts(nt->b, "](");
		md_url(nt->b, url);
		text_buf_addc(nt->b, ')');
	}
	nt->quote_open = quoted;
}

static void
note_end(struct note *nt)
{
	text_buf_puts(nt->b, nt->quote_open ? ".\xe2\x80\x9d" : ".");
	nt->quote_open = false;
}

/* The date as Chicago writes it: "March 1, 2017", "October 2019". */
static char *
note_date(const char *date)
{
	struct cite_date	d;

	cite_date_parse(date, &d);
	switch (d.parts) {
	case 3:
		return xasprintf("%s %d, %d", cite_month_name(d.month), d.day,
		    d.year);
	case 2:
		return xasprintf("%s %d", cite_month_name(d.month), d.year);
	case 1:
		return xasprintf("%d", d.year);
	default:
		return xstrdup(date);	/* as the front matter has it */
	}
}

static void
cite_write_note(struct text_buf *b, const struct cite_place *p, bool md)
{
	const struct cite_meta	*m = &p->m;
	struct note		 nt = { .b = b, .md = md };
	const char		*who = *m->author ? m->author : m->issuer;
	const char		*pub = *m->publisher ? m->publisher :
	    m->container;
	char			*date = note_date(m->date);
	bool			 article = cite_is_article(m);

	if (strcmp(pub, who) == 0)
		pub = "";
	if (*who != '\0')
		note_text(&nt, who);
	note_title(&nt, m->title, article, !article, m->url);
	if (!article) {
		if (*m->translator != '\0') {
			note_more(&nt, ", trans. ");
			note_more(&nt, m->translator);
		}
		if (*pub != '\0' || *date != '\0') {
			note_more(&nt, " (");
			note_more(&nt, pub);
			if (*pub != '\0' && *date != '\0')
				note_more(&nt, ", ");
			note_more(&nt, date);
			note_more(&nt, ")");
		}
	} else {
		if (*m->translator != '\0') {
			note_sep(&nt);
			note_more(&nt, "trans. ");
			note_more(&nt, m->translator);
		}
		/* The container is the periodical, in italics. */
		if (*m->container != '\0' || *m->publisher != '\0') {
			note_sep(&nt);
			if (md)
				text_buf_addc(b, '*');
			note_more(&nt, *m->container ? m->container :
			    m->publisher);
			if (md)
				text_buf_addc(b, '*');
		}
		if (*date != '\0')
			note_text(&nt, date);
	}
	if (*p->locator != '\0')
		note_text(&nt, p->locator);
	if (!md && *m->url != '\0')
		note_text(&nt, m->url);
	note_end(&nt);
	free(date);
}

void
cite_write_chicago(struct text_buf *b, const struct cite_place *p)
{
	if (p->text != NULL) {
		text_buf_puts(b, p->text);
		text_buf_puts(b, "\n\n");
	}
	cite_write_note(b, p, false);
	text_buf_addc(b, '\n');
}

void
cite_write_markdown(struct text_buf *b, const struct cite_place *p)
{
	const char	*s, *nl;

	if (p->text != NULL) {
		/* The passage as a block quote, a "> " on every line. */
		for (s = p->text; ; s = nl + 1) {
			char	*line;

			nl = strchr(s, '\n');
			line = nl != NULL ? xstrndup(s, (size_t)(nl - s)) :
			    xstrdup(s);
			text_buf_puts(b, *line != '\0' ? "> " : ">");
			md_escape(b, line, true);
			text_buf_addc(b, '\n');
			free(line);
			if (nl == NULL)
				break;
		}
		text_buf_addc(b, '\n');
	}
	cite_write_note(b, p, true);
	text_buf_addc(b, '\n');
}

void
cite_write_plain(struct text_buf *b, const struct cite_place *p)
{
	const struct cite_meta	*m = &p->m;
	struct text_buf		 line;
	char			*t;

	if (p->text != NULL) {
		text_buf_puts(b, p->text);
		text_buf_puts(b, "\n\n");
	}
	/* Title, author, issuer, translator, date, reference (where). */
	text_buf_init(&line);
	text_buf_puts(&line, m->title);
	if (*m->author != '\0')
		text_buf_printf(&line, ", %s", m->author);
	if (*m->issuer != '\0')
		text_buf_printf(&line, ", %s", m->issuer);
	if (*m->translator != '\0') {
		/* TRANSLATORS: in a plain citation: "translated by NAME" */
		t = xasprintf(_("translated by %s"), m->translator);
		text_buf_printf(&line, ", %s", t);
		free(t);
	}
	if (*m->date != '\0')
		text_buf_printf(&line, ", %s", m->date);
	text_buf_printf(&line, ", %s", p->ref);
	if (*p->where != '\0')
		text_buf_printf(&line, " (%s)", p->where);
	if (*m->url != '\0')
		text_buf_printf(&line, ", %s", m->url);
	text_buf_puts(b, line.data);
	text_buf_addc(b, '\n');
	text_buf_free(&line);
}
