/*
 * attrs.c -- pandoc-style attribute lists, {#anchor .kind label=L page=N},
 * that close a heading or open a block (doc/source-format.md), and the
 * column of an attribute for messages.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import/md-private.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
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
size_t
md_column(const struct md_state *st, size_t lno, bool heading,
    const char *needle)
{
	const char	*s = st->data, *e = st->data + st->len, *nl, *p;
	const char	*open = NULL;
	size_t		 l, col = 1, n = strlen(needle);

	/* lno is the file's line; data starts at line line0 + 1. */
	lno -= st->line0;
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

int
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
int
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
