/*
 * utf8.c -- the module's one strict UTF-8 decoder (Unicode Table 3-7) and
 * text_utf8_valid() on top of it.  Every other file decodes through
 * text_utf8_decode() so that all of them agree on where an ill-formed
 * subsequence starts and ends.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/text.h"
#include "text/text-private.h"

size_t
text_utf8_decode(const unsigned char *s, size_t n, uint32_t *uc)
{
	unsigned char	c, lo, hi;
	size_t		need, i;
	uint32_t	v;

	c = s[0];
	if (c < 0x80) {
		*uc = c;
		return 1;
	}
	/* Continuation bytes, overlong leads C0/C1 and F5..FF never start. */
	if (c < 0xC2 || c > 0xF4) {
		*uc = TEXT_BAD;
		return 1;
	}
	if (c < 0xE0) {
		need = 1;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		need = 2;
		v = c & 0x0F;
	} else {
		need = 3;
		v = c & 0x07;
	}

	/*
	 * The second byte's range excludes overlongs (E0, F0), surrogates
	 * (ED) and values past U+10FFFF (F4); later bytes are plain
	 * continuations.  The first byte out of range ends the maximal
	 * subpart.
	 */
	lo = 0x80;
	hi = 0xBF;
	switch (c) {
	case 0xE0:
		lo = 0xA0;
		break;
	case 0xED:
		hi = 0x9F;
		break;
	case 0xF0:
		lo = 0x90;
		break;
	case 0xF4:
		hi = 0x8F;
		break;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*uc = TEXT_BAD;
			return i;
		}
		v = (v << 6) | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*uc = v;
	return need + 1;
}

bool
text_utf8_valid(const char *s, size_t n, size_t *line, size_t *col,
    unsigned char *byte)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, len, ln, cl;
	uint32_t		 uc;

	ln = 1;
	cl = 1;
	for (i = 0; i < n; i += len) {
		/* ASCII needs no decoding; most text is mostly ASCII. */
		if (p[i] < 0x80) {
			len = 1;
			if (p[i] == '\n') {
				ln++;
				cl = 1;
			} else
				cl++;
			continue;
		}
		len = text_utf8_decode(p + i, n - i, &uc);
		if (uc == TEXT_BAD) {
			/*
			 * The bad byte is the one the ill-formed subsequence
			 * starts with: for Latin-1 text that is the accented
			 * letter itself, which is what the user can find.
			 */
			if (line != NULL)
				*line = ln;
			if (col != NULL)
				*col = cl;
			if (byte != NULL)
				*byte = p[i];
			return false;
		}
		cl++;
	}
	return true;
}
