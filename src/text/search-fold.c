/*
 * search-fold.c -- what search folds beyond text_fold(), one character at
 * a time, and where words begin (text_search_fold(), text_word_start();
 * see text.h for the definitions).
 *
 * Why more than text_fold(): a reader who types "China's" means the
 * "China’s" of a translation with typographic apostrophes, and "IV" means
 * the "Ⅳ" of a newsletter; the compare view already counts these as the
 * same word.  So search also applies the compatibility decompositions
 * (NFKD: Roman numerals, fullwidth forms, ligatures), makes typographic
 * apostrophes, quotes and dashes their ASCII selves and every space
 * character a space, and drops format characters (soft hyphens,
 * zero-width spaces and joiners), which vary between typists, not
 * between readings.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "text/text.h"
#include "text/text-private.h"

/*
 * The ASCII character a typographic one stands for in search, or 0: the
 * apostrophe look-alikes (the same set the compare view strips from its
 * word keys, and the prime), double quotes and dashes.  Every space
 * character (general category Z) is a space.  Anything else is itself.
 */
static char
search_punct(uint32_t uc)
{
	switch (uc) {
	case 0x0060:	/* ` grave accent, typed for an apostrophe */
	case 0x02bc:	/* ʼ modifier letter apostrophe */
	case 0x2018:	/* ‘ */
	case 0x2019:	/* ’ */
	case 0x201a:	/* ‚ */
	case 0x201b:	/* ‛ */
	case 0x2032:	/* ′ prime */
		return '\'';
	case 0x201c:	/* “ */
	case 0x201d:	/* ” */
	case 0x201e:	/* „ */
	case 0x201f:	/* ‟ */
	case 0x2033:	/* ″ double prime */
		return '"';
	case 0x2010:	/* ‐ hyphen */
	case 0x2011:	/* ‑ non-breaking hyphen */
	case 0x2012:	/* ‒ figure dash */
	case 0x2013:	/* – en dash */
	case 0x2014:	/* — em dash */
	case 0x2015:	/* ― horizontal bar */
	case 0x2212:	/* − minus sign */
		return '-';
	}
	if (uc >= 0x80 && uc_is_general_category(uc, UC_CATEGORY_Z))
		return ' ';
	return 0;
}

/*
 * Append what search makes of the characters of the casefolded and
 * decomposed d[0..n): marks and format characters dropped, typographic
 * punctuation and spaces as ASCII.
 */
static void
search_emit(const uint8_t *d, size_t n, struct text_buf *out)
{
	size_t	i, len;
	ucs4_t	uc;
	char	ch;

	for (i = 0; i < n; i += len) {
		len = (size_t)u8_mbtouc(&uc, d + i, n - i);
		ch = search_punct(uc);
		if (ch != 0)
			text_buf_addc(out, ch);
		else if (uc < 0x80)
			text_buf_addc(out, (char)uc);
		else if (!uc_is_general_category(uc, UC_CATEGORY_M) &&
		    !uc_is_general_category(uc, UC_CATEGORY_Cf))
			text_buf_add(out, (const char *)d + i, len);
	}
}

/*
 * NFKD(casefold(NFKD(casefold(s[0..n))))) into a malloc'ed or stack
 * buffer (libunistring's convention: compare with buf before freeing).
 * Twice, because a compatibility decomposition can bring back capitals
 * (㎒ -> "MHz") and a case folding a decomposable character.
 */
static uint8_t *
search_decompose(const uint8_t *s, size_t n, uint8_t *buf, size_t size,
    size_t *outlen)
{
	uint8_t	 tmp[64];
	uint8_t	*a, *b;
	size_t	 alen, blen, round;

	a = (uint8_t *)s;
	alen = n;
	for (round = 0; round < 2; round++) {
		blen = sizeof tmp;
		b = u8_casefold(a, alen, NULL, NULL, tmp, &blen);
		if (b == NULL)
			text_oom();
		/* buf may hold a: read by now, so free to be written again */
		if (a != s && a != buf)
			free(a);
		alen = size;
		a = u8_normalize(UNINORM_NFKD, b, blen, buf, &alen);
		if (a == NULL)
			text_oom();
		if (b != tmp)
			free(b);
	}
	*outlen = alen;
	return a;
}

void
text_search_fold_char(uint32_t uc, const uint8_t *s, size_t len,
    struct text_buf *out)
{
	uint8_t	 buf[64];
	uint8_t	*d;
	size_t	 dlen;
	char	 ch;

	ch = search_punct(uc);
	if (ch != 0) {
		text_buf_addc(out, ch);
		return;
	}
	d = search_decompose(s, len, buf, sizeof buf, &dlen);
	search_emit(d, dlen, out);
	if (d != buf)
		free(d);
}

char *
text_search_fold_slow(const char *s, size_t n, size_t *outlen)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct text_buf		 out;
	uint8_t			 buf[64], *d;
	size_t			 i, run, len, dlen;
	uint32_t		 uc;
	char			 ch;

	/*
	 * Runs of well-formed characters outside the punctuation table go
	 * through libunistring whole; the table's characters, ASCII and
	 * ill-formed bytes one by one.
	 */
	text_buf_init(&out);
	i = run = 0;
	while (i < n) {
		len = text_utf8_decode(p + i, n - i, &uc);
		ch = uc == TEXT_BAD ? 0 : search_punct(uc);
		if (uc != TEXT_BAD && ch == 0) {
			i += len;
			continue;
		}
		if (i > run) {
			d = search_decompose(p + run, i - run, buf, sizeof buf,
			    &dlen);
			search_emit(d, dlen, &out);
			if (d != buf)
				free(d);
		}
		if (uc == TEXT_BAD)
			text_buf_add(&out, s + i, len);
		else
			text_buf_addc(&out, ch);
		i += len;
		run = i;
	}
	if (i > run) {
		d = search_decompose(p + run, i - run, buf, sizeof buf, &dlen);
		search_emit(d, dlen, &out);
		if (d != buf)
			free(d);
	}
	if (outlen != NULL)
		*outlen = out.len;
	return text_buf_steal(&out);
}

/* A letter or digit that joins its neighbours into one word. */
static bool
search_joins(uint32_t uc)
{
	if (uc < 0x80)
		return (uc | 0x20) - 'a' < 26 || uc - '0' < 10;
	/* Each ideograph is a word of its own. */
	if (uc_is_property_ideographic(uc))
		return false;
	return uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_N);
}

bool
text_word_start(const char *s, size_t n, size_t at)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 before, here;
	size_t			 back;

	if (at == 0 || at > n)
		return true;
	/* The character that ends at at: back over continuation bytes. */
	for (back = at - 1; back > 0 && at - back < 4 &&
	    (p[back] & 0xc0) == 0x80; back--)
		;
	if (text_utf8_decode(p + back, at - back, &before) != at - back ||
	    before == TEXT_BAD || !search_joins(before))
		return true;
	if (at == n)
		return true;
	text_utf8_decode(p + at, n - at, &here);
	return here == TEXT_BAD || !search_joins(here);
}
