/*
 * width.c -- display width of UTF-8 text (text_width) and cutting it to a
 * number of columns at grapheme cluster boundaries, placeholders whole
 * (text_fit, text_fit_ellipsis, text_indent_fit).
 *
 * Widths are libunistring's uc_width() with the "UTF-8" encoding, so that
 * they agree with u8_width(); ill-formed bytes, which u8_width() cannot
 * see, count one column each, as text_sanitize() draws each subpart as
 * one U+FFFD and is never wider.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <uniwidth.h>

#include "text/text.h"
#include "text/text-private.h"

/* uc_width() without the -1 it gives control characters. */
static size_t
uc_columns(uint32_t uc)
{
	int	w;

	w = uc_width(uc, "UTF-8");
	return w > 0 ? (size_t)w : 0;
}

size_t
text_width(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, len, width;
	uint32_t		 uc;

	width = 0;
	for (i = 0; i < n; i += len) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			len = 1;
			width++;
			continue;
		}
		len = text_utf8_decode(p + i, n - i, &uc);
		if (uc == TEXT_BAD)
			width += len;
		else
			width += uc_columns(uc);
	}
	return width;
}

/* Whether a control-like break property, after which every cluster ends. */
static bool
gbp_is_control(int gbp)
{
	return gbp == GBP_CONTROL || gbp == GBP_CR || gbp == GBP_LF;
}

/*
 * Whether code point b (property gb) continues the cluster whose last code
 * point has property ga.  The extended grapheme cluster rules of UAX #29
 * that need no more than the previous code point, plus the count of
 * regional indicators for flags.  GB11 is simplified to "ZWJ x
 * Extended_Pictographic", which keeps emoji ZWJ sequences together.
 */
static bool
gbp_continues(int ga, uint32_t b, int gb, size_t ri)
{
	if (ga == GBP_CR && gb == GBP_LF)
		return true;			/* GB3 */
	if (gbp_is_control(ga) || gbp_is_control(gb))
		return false;			/* GB4, GB5 */
	if (ga == GBP_L && (gb == GBP_L || gb == GBP_V || gb == GBP_LV ||
	    gb == GBP_LVT))
		return true;			/* GB6 */
	if ((ga == GBP_LV || ga == GBP_V) && (gb == GBP_V || gb == GBP_T))
		return true;			/* GB7 */
	if ((ga == GBP_LVT || ga == GBP_T) && gb == GBP_T)
		return true;			/* GB8 */
	if (gb == GBP_EXTEND || gb == GBP_ZWJ || gb == GBP_SPACINGMARK)
		return true;			/* GB9, GB9a */
	if (ga == GBP_PREPEND)
		return true;			/* GB9b */
	if (ga == GBP_ZWJ && uc_is_property_extended_pictographic(b))
		return true;			/* GB11 */
	if (ga == GBP_RI && gb == GBP_RI && ri % 2 == 1)
		return true;			/* GB12, GB13 */
	return false;
}

size_t
text_cluster(const char *s, size_t n, size_t *width)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, len, w, ri;
	uint32_t		 a, b;
	int			 ga, gb;

	len = text_utf8_decode(p, n, &a);
	if (a == TEXT_BAD) {
		/* One byte, one column: an ill-formed run may be cut. */
		*width = 1;
		return 1;
	}
	w = uc_columns(a);
	ga = uc_graphemeclusterbreak_property(a);
	ri = ga == GBP_RI ? 1 : 0;
	for (i = len; i < n; i += len) {
		len = text_utf8_decode(p + i, n - i, &b);
		if (b == TEXT_BAD)
			break;
		gb = uc_graphemeclusterbreak_property(b);
		if (!gbp_continues(ga, b, gb, ri))
			break;
		w += uc_columns(b);
		if (gb == GBP_RI)
			ri++;
		ga = gb;
	}
	*width = w;
	return i;
}

size_t
text_unit(const char *s, size_t n, size_t *width)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, len, w;
	uint32_t		 uc;
	int			 gb;

	i = text_placeholder(s, n);
	if (i == 0)
		return text_cluster(s, n, width);
	/* Marks after a placeholder would draw on its last character. */
	w = i;
	for (; i < n; i += len) {
		len = text_utf8_decode(p + i, n - i, &uc);
		if (uc == TEXT_BAD)
			break;
		gb = uc_graphemeclusterbreak_property(uc);
		if (gb != GBP_EXTEND && gb != GBP_ZWJ && gb != GBP_SPACINGMARK)
			break;
		w += uc_columns(uc);
	}
	*width = w;
	return i;
}

/* The bytes that may start a placeholder (see text_placeholder). */
static bool
may_start_placeholder(unsigned char c)
{
	return c == '^' || c == '<' || c == '\\';
}

size_t
text_fit(const char *s, size_t n, size_t cols, size_t *width)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, len, w, cw;

	w = 0;
	for (i = 0; i < n; i += len) {
		/*
		 * Printable ASCII followed by ASCII (or the end) is a cluster
		 * of its own, unless a placeholder starts there: no need to
		 * ask libunistring.
		 */
		if (p[i] >= 0x20 && p[i] < 0x7F &&
		    !may_start_placeholder(p[i]) &&
		    (i + 1 == n || p[i + 1] < 0x80)) {
			len = 1;
			cw = 1;
		} else
			len = text_unit(s + i, n - i, &cw);
		if (cw > cols - w)
			break;
		w += cw;
	}
	if (width != NULL)
		*width = w;
	return i;
}

char *
text_fit_ellipsis(const char *s, size_t n, size_t cols, const char *ellipsis,
    size_t *width)
{
	struct text_buf	b;
	size_t		len, w, elen, ew;

	text_buf_init(&b);
	len = text_fit(s, n, cols, &w);
	if (len == n) {
		text_buf_add(&b, s, n);
		if (width != NULL)
			*width = w;
		return text_buf_steal(&b);
	}
	elen = strlen(ellipsis);
	ew = text_width(ellipsis, elen);
	if (ew > cols) {
		len = text_fit(ellipsis, elen, cols, &w);
		text_buf_add(&b, ellipsis, len);
		if (width != NULL)
			*width = w;
		return text_buf_steal(&b);
	}
	len = text_fit(s, n, cols - ew, &w);
	/* "Peace and…", not "Peace and …". */
	while (len > 0 && s[len - 1] == ' ') {
		len--;
		w--;
	}
	text_buf_add(&b, s, len);
	text_buf_add(&b, ellipsis, elen);
	if (width != NULL)
		*width = w + ew;
	return text_buf_steal(&b);
}

size_t
text_indent_fit(size_t cols, size_t *indent)
{
	if (cols >= *indent + TEXT_MIN_COLS)
		return cols - *indent;
	/* Narrower: the indent gives way, never the right margin. */
	*indent = cols > TEXT_MIN_COLS ? cols - TEXT_MIN_COLS : 0;
	return cols - *indent;
}
