/*
 * format-data.c -- the citations a reference manager reads: a BibTeX
 * entry and a CSL-JSON item (what Zotero imports).
 *
 * BibTeX: @techreport for a document an institution issued (the
 * institution its publisher, container or issuer, the type its kind),
 * @article for an article with a known periodical, @misc otherwise; the
 * key is the node's reference (iscc-2017-mfa:II.2.p1), the locator goes
 * in the note.  Names
 * are braced whole ({{...}}): an institution's name is one name, and a
 * person's name order is not guessed.  Every character special to BibTeX
 * or LaTeX in the data is escaped so that braces always balance.
 *
 * CSL-JSON: type report, article-newspaper or article-magazine; the issuer
 * as an institutional author ({"literal": ...}); issued as date-parts (or
 * raw, for a date of another form); the locator in the note.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite-private.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* Append s to b with everything special to BibTeX and LaTeX escaped. */
static void
bib_escape(struct text_buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		/*
		 * BibTeX counts braces even after a backslash: "\{" would
		 * unbalance the field.  These forms are balanced.
		 */
		case '{':
			text_buf_puts(b, "{\\textbraceleft}");
			break;
		case '}':
			text_buf_puts(b, "{\\textbraceright}");
			break;
		case '\\':
			text_buf_puts(b, "{\\textbackslash}");
			break;
		case '^':
			text_buf_puts(b, "{\\textasciicircum}");
			break;
		case '~':
			text_buf_puts(b, "{\\textasciitilde}");
			break;
		case '$':
		case '&':
		case '%':
		case '#':
		case '_':
			text_buf_addc(b, '\\');
			text_buf_addc(b, *s);
			break;
		default:
			text_buf_addc(b, *s);
			break;
		}
	}
}

/*
 * Append url to b for a BibTeX url field: braces, backslashes, spaces,
 * controls and bytes beyond ASCII percent-encoded.
 */
static void
bib_url(struct text_buf *b, const char *url)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p <= 0x20 || *p >= 0x7f || strchr("{}\\\"<>^`|", *p) !=
		    NULL)
			text_buf_printf(b, "%%%02X", *p);
		else
			text_buf_addc(b, (char)*p);
	}
}

/* "  name = {{value}},\n" (or one pair of braces: names, not text). */
static void
bib_field(struct text_buf *b, const char *name, const char *value,
    bool protect)
{
	if (*value == '\0')
		return;
	text_buf_printf(b, "  %s = {%s", name, protect ? "{" : "");
	bib_escape(b, value);
	text_buf_printf(b, "%s},\n", protect ? "}" : "");
}

/* A kind as a type: "strategy" -> "Strategy" (ASCII only changes). */
static char *
cite_type_word(const char *kind)
{
	char	*t = xstrdup(kind);

	if (*t >= 'a' && *t <= 'z')
		*t = (char)(*t - 'a' + 'A');
	return t;
}

void
cite_write_bibtex(struct text_buf *b, const struct cite_place *p)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	const struct cite_meta	*m = &p->m;
	const char		*who = *m->author ? m->author : m->issuer;
	const char		*type, *s;
	struct cite_date	 d;
	char			*word;

	if (cite_is_article(m))
		type = *m->container || *m->publisher ? "article" : "misc";
	else
		type = *m->publisher || *m->issuer ? "techreport" : "misc";
	text_buf_printf(b, "@%s{", type);
	/* The key: the reference, in the characters keys may hold. */
	for (s = p->ref; *s != '\0'; s++)
		text_buf_addc(b, strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:.-_", *s) != NULL ?
		    *s : '-');
	text_buf_puts(b, ",\n");
	bib_field(b, "author", who, true);
	bib_field(b, "title", m->title, true);
	bib_field(b, "translator", m->translator, true);
	if (strcmp(type, "article") == 0)
		bib_field(b, "journal", *m->container ? m->container :
		    m->publisher, true);
	else if (strcmp(type, "techreport") == 0) {
		/* As the Chicago note's publisher (format-note.c). */
		bib_field(b, "institution", *m->publisher ? m->publisher :
		    *m->container ? m->container : m->issuer, true);
		word = cite_type_word(m->kind);
		bib_field(b, "type", word, false);
		free(word);
	} else
		bib_field(b, "howpublished", *m->container ? m->container :
		    m->publisher, true);
	cite_date_parse(m->date, &d);
	if (d.parts > 0) {
		text_buf_printf(b, "  year = {%d},\n", d.year);
		if (d.parts > 1)
			text_buf_printf(b, "  month = %s,\n",
			    months[d.month - 1]);
		bib_field(b, "date", m->date, false);
	} else
		bib_field(b, "year", m->date, false);	/* as it is */
	bib_field(b, "language", m->language, false);
	if (*m->url != '\0') {
		text_buf_puts(b, "  url = {");
		bib_url(b, m->url);
		text_buf_puts(b, "},\n");
	}
	bib_field(b, "note", p->locator, false);
	if (p->text != NULL)
		bib_field(b, "annote", p->text, false);
	text_buf_puts(b, "}\n");
}

/* Append s to b as a JSON string, quotes included. */
static void
json_string(struct text_buf *b, const char *s)
{
	const unsigned char	*p;

	text_buf_addc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			text_buf_addc(b, '\\');
			text_buf_addc(b, (char)*p);
		} else if (*p == '\n')
			text_buf_puts(b, "\\n");
		else if (*p == '\t')
			text_buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			text_buf_printf(b, "\\u%04x", *p);
		else if (*p == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0xa8 || p[2] == 0xa9)) {
			/* U+2028, U+2029: valid JSON, line ends to JavaScript */
			text_buf_printf(b, "\\u%04x", 0x2000 + (p[2] - 0x80));
			p += 2;
		} else
			text_buf_addc(b, (char)*p);
	}
	text_buf_addc(b, '"');
}

/* ',\n    "name": "value"' for a non-empty value. */
static void
json_field(struct text_buf *b, const char *name, const char *value)
{
	if (*value == '\0')
		return;
	text_buf_printf(b, ",\n    \"%s\": ", name);
	json_string(b, value);
}

/* ',\n    "name": [{"literal": "value"}]': a name as one institution. */
static void
json_name(struct text_buf *b, const char *name, const char *value)
{
	if (*value == '\0')
		return;
	text_buf_printf(b, ",\n    \"%s\": [{\"literal\": ", name);
	json_string(b, value);
	text_buf_puts(b, "}]");
}

/* The CSL type of a document of metadata m. */
static const char *
csl_type(const struct cite_meta *m)
{
	if (strcmp(m->kind, "newsletter") == 0)
		return "article-magazine";
	if (cite_is_article(m))
		return "article-newspaper";
	return "report";
}

void
cite_write_csl_item(struct text_buf *b, const struct cite_place *p,
    bool first)
{
	const struct cite_meta	*m = &p->m;
	const char		*type = csl_type(m);
	struct cite_date	 d;
	char			*word;

	text_buf_puts(b, first ? "  {\n    \"id\": " : ",\n  {\n    \"id\": ");
	json_string(b, p->ref);
	json_field(b, "type", type);
	if (strcmp(type, "report") == 0) {
		word = cite_type_word(m->kind);
		json_field(b, "genre", word);
		free(word);
	}
	json_field(b, "title", m->title);
	json_name(b, "author", *m->author ? m->author : m->issuer);
	json_name(b, "translator", m->translator);
	json_field(b, "publisher", m->publisher);
	json_field(b, "container-title", m->container);
	cite_date_parse(m->date, &d);
	if (d.parts > 0) {
		text_buf_printf(b, ",\n    \"issued\": {\"date-parts\": "
		    "[[%d", d.year);
		if (d.parts > 1)
			text_buf_printf(b, ", %d", d.month);
		if (d.parts > 2)
			text_buf_printf(b, ", %d", d.day);
		text_buf_puts(b, "]]}");
	} else if (*m->date != '\0') {
		text_buf_puts(b, ",\n    \"issued\": {\"raw\": ");
		json_string(b, m->date);
		text_buf_addc(b, '}');
	}
	json_field(b, "language", m->language);
	json_field(b, "URL", m->url);
	json_field(b, "note", p->locator);
	if (p->text != NULL)
		json_field(b, "annote", p->text);
	text_buf_puts(b, "\n  }");
}
