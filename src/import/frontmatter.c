/*
 * frontmatter.c -- parsing the front-matter block of a source file (see
 * frontmatter.h).  Unknown and repeated keys are errors: a misspelt key
 * would otherwise lose its value without a word.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import/frontmatter.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Each key and where its value goes in struct corpus_doc. */
static const struct frontmatter_key {
	const char	*name;
	size_t		 offset;
} frontmatter_keys[] = {
	{ .name = "slug", .offset = offsetof(struct corpus_doc, slug) },
	{ .name = "alias", .offset = offsetof(struct corpus_doc, alias) },
	{ .name = "title", .offset = offsetof(struct corpus_doc, title) },
	{ .name = "short", .offset = offsetof(struct corpus_doc, short_title) },
	{ .name = "issuer", .offset = offsetof(struct corpus_doc, issuer) },
	{ .name = "date", .offset = offsetof(struct corpus_doc, date) },
	{ .name = "language", .offset = offsetof(struct corpus_doc, language) },
	{ .name = "source", .offset = offsetof(struct corpus_doc, source) },
	{ .name = "work", .offset = offsetof(struct corpus_doc, work) },
	{ .name = "kind", .offset = offsetof(struct corpus_doc, kind) },
	{ .name = "author", .offset = offsetof(struct corpus_doc, author) },
	{ .name = "translator",
	    .offset = offsetof(struct corpus_doc, translator) },
	{ .name = "publisher",
	    .offset = offsetof(struct corpus_doc, publisher) },
	{ .name = "container",
	    .offset = offsetof(struct corpus_doc, container) },
	{ .name = "url", .offset = offsetof(struct corpus_doc, url) },
};
#define NKEYS	(sizeof frontmatter_keys / sizeof frontmatter_keys[0])
/* The keys whose values are checked, by their index in the table. */
#define KEY_SLUG	0
#define KEY_ALIAS	1
#define KEY_TITLE	2

/* Where a key's value starts, for messages about the value. */
struct frontmatter_pos {
	size_t	line;
	size_t	col;
};

static const char **
frontmatter_field(struct corpus_doc *meta, size_t k)
{
	return (const char **)((char *)meta + frontmatter_keys[k].offset);
}

void
frontmatter_free(struct corpus_doc *meta)
{
	size_t	k;

	for (k = 0; k < NKEYS; k++) {
		free((char *)*frontmatter_field(meta, k));
		*frontmatter_field(meta, k) = NULL;
	}
}

int
frontmatter_valid_slug(const char *s)
{
	size_t	i;

	if (s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 1; s[i] != '\0'; i++) {
		if (i >= 64)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	}
	return 1;
}

static int
frontmatter_is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Is line [s, e) the delimiter "---" (trailing blanks allowed)? */
static int
frontmatter_is_rule(const char *s, const char *e)
{
	if (e - s < 3 || memcmp(s, "---", 3) != 0)
		return 0;
	for (s += 3; s < e; s++)
		if (!frontmatter_is_space(*s))
			return 0;
	return 1;
}

/*
 * Parse one "key: value" line; line number lno.  Stores where the value
 * starts in pos[key].  Returns 0 or -1.
 */
static int
frontmatter_line(const char *name, const char *s, const char *e,
    size_t lno, struct corpus_doc *meta, struct frontmatter_pos *pos,
    char **err)
{
	const char	*colon, *v, *ve;
	size_t		 k, klen;
	const char	**field;

	colon = memchr(s, ':', (size_t)(e - s));
	if (colon == NULL || colon == s) {
		*err = xasprintf(_("%s:%zu:1: expected 'key: value' in the "
		    "front matter"), name, lno);
		return -1;
	}
	klen = (size_t)(colon - s);
	for (k = 0; k < NKEYS; k++)
		if (strlen(frontmatter_keys[k].name) == klen &&
		    memcmp(frontmatter_keys[k].name, s, klen) == 0)
			break;
	if (k == NKEYS) {
		*err = xasprintf(_("%s:%zu:1: unknown front-matter key '%.*s'"),
		    name, lno, (int)(klen > 40 ? 40 : klen), s);
		return -1;
	}
	field = frontmatter_field(meta, k);
	if (*field != NULL) {
		*err = xasprintf(_("%s:%zu:1: front-matter key '%s' given "
		    "twice"), name, lno, frontmatter_keys[k].name);
		return -1;
	}
	for (v = colon + 1; v < e && frontmatter_is_space(*v); v++)
		;
	for (ve = e; ve > v && frontmatter_is_space(ve[-1]); ve--)
		;
	/* The key and the blanks are ASCII: bytes are columns. */
	pos[k].line = lno;
	pos[k].col = (size_t)(v - s) + 1;
	if (ve - v > CORPUS_MAX_TEXT) {
		*err = xasprintf(_("%s:%zu:%zu: front-matter value too long "
		    "(the limit is %d bytes)"), name, lno, pos[k].col,
		    CORPUS_MAX_TEXT);
		return -1;
	}
	/* A value may be quoted, to keep a leading or trailing blank. */
	if (ve - v >= 2 && ((*v == '"' && ve[-1] == '"') ||
	    (*v == '\'' && ve[-1] == '\''))) {
		v++;
		ve--;
	}
	*field = xstrndup(v, (size_t)(ve - v));
	return 0;
}

int
frontmatter_parse(const char *name, const char *data, size_t len,
    struct corpus_doc *meta, size_t *body, size_t *body_line, char **err)
{
	struct frontmatter_pos	 pos[NKEYS];
	const char		*s = data, *e, *end = data + len;
	size_t			 lno = 1;
	int			 closed = 0;

	memset(meta, 0, sizeof *meta);
	memset(pos, 0, sizeof pos);
	e = memchr(s, '\n', len);
	if (e == NULL)
		e = end;
	if (!frontmatter_is_rule(s, e)) {
		*err = xasprintf(_("%s:1:1: missing front matter (a '---' "
		    "line, 'key: value' lines, then '---')"), name);
		return -1;
	}
	/* A final newline ends the last line; it opens no new one. */
	while (e + 1 < end) {
		s = e + 1;
		lno++;
		e = memchr(s, '\n', (size_t)(end - s));
		if (e == NULL)
			e = end;
		if (frontmatter_is_rule(s, e)) {
			closed = 1;
			break;
		}
		if (s == e || (e - s == 0))
			continue;
		if (frontmatter_line(name, s, e, lno, meta, pos, err) == -1) {
			frontmatter_free(meta);
			return -1;
		}
	}
	if (!closed) {
		*err = xasprintf(_("%s:%zu:1: front matter is not closed with "
		    "'---'"), name, lno);
		frontmatter_free(meta);
		return -1;
	}
	if (meta->slug == NULL) {
		*err = xasprintf(_("%s:1:1: front matter has no 'slug'"), name);
		frontmatter_free(meta);
		return -1;
	}
	if (!frontmatter_valid_slug(meta->slug)) {
		*err = xasprintf(_("%s:%zu:%zu: slug must be lower-case "
		    "letters, digits and '-', starting with a letter"), name,
		    pos[KEY_SLUG].line, pos[KEY_SLUG].col);
		frontmatter_free(meta);
		return -1;
	}
	if (meta->alias != NULL && *meta->alias != '\0' &&
	    !frontmatter_valid_slug(meta->alias)) {
		*err = xasprintf(_("%s:%zu:%zu: alias must be lower-case "
		    "letters, digits and '-', starting with a letter"), name,
		    pos[KEY_ALIAS].line, pos[KEY_ALIAS].col);
		frontmatter_free(meta);
		return -1;
	}
	if (meta->title == NULL) {
		*err = xasprintf(_("%s:1:1: front matter has no 'title'"),
		    name);
		frontmatter_free(meta);
		return -1;
	}
	if (*meta->title == '\0') {
		*err = xasprintf(_("%s:%zu:%zu: front-matter key 'title' is "
		    "empty"), name, pos[KEY_TITLE].line, pos[KEY_TITLE].col);
		frontmatter_free(meta);
		return -1;
	}
	*body = e < end ? (size_t)(e + 1 - data) : len;
	*body_line = lno + 1;
	return 0;
}
