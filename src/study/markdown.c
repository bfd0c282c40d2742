/*
 * markdown.c -- text escaped for Markdown (markdown.h).
 */
#include "config.h"

#include <string.h>

#include "study/markdown.h"
#include "text/text.h"

/* Escaped wherever they are. */
#define MARKDOWN_PUNCT	"\\`*_[]<>#|~&"

/* One line, s[0..n) without its line feed. */
static void
markdown_line(struct text_buf *b, const char *s, size_t n)
{
	size_t	i = 0, end = n, d;

	/* Leading and trailing blanks: a parser would drop them. */
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	for (; i < end && (s[i] == ' ' || s[i] == '\t'); i++)
		text_buf_puts(b, s[i] == ' ' ? "&#32;" : "&#9;");
	/* A list item, a heading's underline, a block quote's mark. */
	if (i < end && strchr("-+=", s[i]) != NULL) {
		text_buf_addc(b, '\\');
		text_buf_addc(b, s[i++]);
	} else {
		for (d = i; d < end && s[d] >= '0' && s[d] <= '9'; d++)
			;
		if (d > i && d < end && (s[d] == '.' || s[d] == ')')) {
			text_buf_add(b, s + i, d - i);
			text_buf_addc(b, '\\');
			text_buf_addc(b, s[d]);
			i = d + 1;
		}
	}
	for (; i < end; i++) {
		if (s[i] == '\r')
			text_buf_puts(b, "&#13;");
		else if (s[i] == '\t')
			text_buf_puts(b, "&#9;");
		else {
			if (strchr(MARKDOWN_PUNCT, s[i]) != NULL &&
			    s[i] != '\0')
				text_buf_addc(b, '\\');
			text_buf_addc(b, s[i]);
		}
	}
	for (; i < n; i++)
		text_buf_puts(b, s[i] == ' ' ? "&#32;" : "&#9;");
}

void
markdown_escape(struct text_buf *b, const char *s, size_t n,
    const char *prefix)
{
	const char	*nl;
	size_t		 len;

	for (;;) {
		nl = memchr(s, '\n', n);
		len = nl != NULL ? (size_t)(nl - s) : n;
		text_buf_puts(b, prefix);
		markdown_line(b, s, len);
		if (nl == NULL)
			break;
		text_buf_addc(b, '\n');
		s += len + 1;
		n -= len + 1;
	}
}
