/*
 * linebreak.c -- where a line may break: UAX #14 as libunistring's
 * u8_possible_linebreaks() finds it, then tailored for what charta shows.
 *
 * The tailoring works the way libunistring's own override arrays do (the
 * "o" argument of u8_width_linebreaks): a pass over the opportunities that
 * turns some of them into UC_BREAK_PROHIBITED, never the other way, and
 * never touches a mandatory break.  Three things are kept whole:
 *  - a placeholder of text_sanitize(), so that a row never ends in "<U+"
 *    and the next starts with "202E>": libunistring is shown it as so
 *    many letters, so that it also stays with the word it is in
 *    ("caf\u00e9" is one word, although UAX #14 breaks before "\");
 *  - an abbreviation: libunistring breaks after a full stop followed by a
 *    letter ("U.|S.", "e.|g."), which UAX #14 since LB29 does not;
 *  - a URL ("https://..." or "www...."), which libunistring breaks after
 *    every "/" and ".": copied from a terminal, a broken URL is a wrong
 *    one.  A URL runs to the first blank, non-ASCII or quoting character.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unilbrk.h>

#include "text/text.h"
#include "text/text-private.h"
#include "util/xmalloc.h"

/* Turn the opportunities strictly inside s[a..b) into prohibitions. */
static void
linebreak_keep(char *p, size_t a, size_t b)
{
	size_t	k;

	for (k = a + 1; k < b; k++)
		if (p[k] == UC_BREAK_POSSIBLE)
			p[k] = UC_BREAK_PROHIBITED;
}

static bool
is_ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_ascii_alnum(unsigned char c)
{
	return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

/* A character of a URL scheme (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" /
   "-" / "." )). */
static bool
is_scheme_char(unsigned char c)
{
	return is_ascii_alnum(c) || c == '+' || c == '-' || c == '.';
}

/*
 * Whether a URL ends before c: a blank, a control, anything not ASCII, and
 * the characters RFC 3986 leaves out of URLs that text puts around them.
 */
static bool
ends_url(unsigned char c)
{
	return c <= 0x20 || c >= 0x7F || strchr("<>\"^\\{}|`", c) != NULL;
}

/*
 * The end of the URL that starts at s[i], or i if none does: a scheme and
 * "://", or "www.", at the start of a word.
 */
static size_t
linebreak_url(const unsigned char *s, size_t n, size_t i)
{
	size_t	j;

	if (!is_ascii_alpha(s[i]) || (i > 0 && is_scheme_char(s[i - 1])))
		return i;
	if (n - i > 4 && (s[i] | 0x20) == 'w' && (s[i + 1] | 0x20) == 'w' &&
	    (s[i + 2] | 0x20) == 'w' && s[i + 3] == '.')
		j = i + 4;
	else {
		for (j = i; j < n && is_scheme_char(s[j]); j++)
			;
		if (n - j < 4 || memcmp(s + j, "://", 3) != 0)
			return i;
		j += 3;
	}
	while (j < n && !ends_url(s[j]))
		j++;
	return j;
}

/* Whether the character at s[0..n), n > 0, is a letter or a digit. */
static bool
is_alnum_at(const unsigned char *s, size_t n)
{
	uint32_t	uc;

	if (s[0] < 0x80)
		return is_ascii_alnum(s[0]);
	text_utf8_decode(s, n, &uc);
	return uc != TEXT_BAD && (uc_is_alpha(uc) || uc_is_digit(uc));
}

/*
 * s[0..n) with every placeholder written over with letters, or NULL if it
 * holds none (a new string the caller frees).
 */
static char *
linebreak_letters(const char *s, size_t n)
{
	char	*copy = NULL;
	size_t	 i, len;

	for (i = 0; i < n; i++) {
		if ((len = text_placeholder(s + i, n - i)) == 0)
			continue;
		if (copy == NULL) {
			copy = xmalloc(n);
			memcpy(copy, s, n);
		}
		memset(copy + i, 'x', len);
		i += len - 1;
	}
	return copy;
}

void
text_linebreaks(const char *s, size_t n, char *p)
{
	const unsigned char	*u = (const unsigned char *)s;
	char			*letters;
	size_t			 i, end;

	letters = linebreak_letters(s, n);
	u8_possible_linebreaks(letters != NULL ? (const uint8_t *)letters : u,
	    n, "UTF-8", p);
	free(letters);
	for (i = 0; i < n; i++) {
		if ((end = text_placeholder(s + i, n - i)) > 0) {
			i += end - 1;
			continue;
		}
		if ((end = linebreak_url(u, n, i)) > i) {
			linebreak_keep(p, i, end);
			i = end - 1;
			continue;
		}
		/* "U.S.": a full stop with a letter or digit right after. */
		if (u[i] == '.' && i > 0 && i + 1 < n && u[i - 1] > ' ' &&
		    is_alnum_at(u + i + 1, n - i - 1) &&
		    p[i + 1] == UC_BREAK_POSSIBLE)
			p[i + 1] = UC_BREAK_PROHIBITED;
	}
}
