/*
 * wrap.c -- text_wrap(): breaking text into lines of a given width.
 *
 * The break opportunities are UAX #14's, from libunistring's
 * u8_possible_linebreaks() as linebreak.c tailors them; the lines are
 * then filled greedily here rather than by u8_width_linebreaks(), which
 * counts the spaces at the end of a line against the width and so wraps
 * "aaa bbb ccc" at 7 columns after "aaa" although "aaa bbb" fits.  Filling
 * here also lets a word wider than the line be cut (between units: a
 * placeholder is never cut), which u8_width_linebreaks() never does, and
 * measures with text_width(), so that ill-formed bytes count as they are
 * drawn.
 *
 * With marks (text_wrap_marked), a line costs its width plus the markers
 * of every marked span it shows part of: the plain renderer's "[-" and
 * "-]" close a span at the end of a line and open it again on the next,
 * so each part of a span on a line costs its list's marks->cols[i].
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <unilbrk.h>

#include "text/text.h"
#include "text/text-private.h"
#include "util/xmalloc.h"

struct wrap {
	const char		*s;
	size_t			 cols;
	const struct text_wrap_marks *mk;	/* NULL if none */
	struct text_line	*lines;
	size_t			 nlines;
	size_t			 alloc;

	/* The line being filled: s[start..end) is its text so far... */
	size_t			 start;
	size_t			 end;
	/* ...and its width including the spaces after end. */
	size_t			 width;
};

static void
wrap_emit(struct wrap *w, size_t off, size_t len)
{
	struct text_line	*l;

	if (w->nlines == w->alloc) {
		w->alloc = w->alloc == 0 ? 16 : w->alloc * 2;
		w->lines = xreallocarray(w->lines, w->alloc, sizeof *w->lines);
	}
	l = &w->lines[w->nlines++];
	l->off = off;
	l->len = len;
	l->width = text_width(w->s + off, len);
}

size_t
text_range_meet(const struct text_range *v, size_t n, size_t a, size_t b)
{
	size_t	lo, hi, mid, first;

	if (a >= b)
		return 0;
	/* The first that ends after a... */
	lo = 0;
	hi = n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].end > a)
			hi = mid;
		else
			lo = mid + 1;
	}
	first = lo;
	/* ...up to the first that starts at b or later. */
	hi = n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].start >= b)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo - first;
}

/* The columns of markers a line showing s[a..b) carries. */
static size_t
wrap_marks(const struct wrap *w, size_t a, size_t b)
{
	const struct text_wrap_marks	*mk = w->mk;

	if (mk == NULL)
		return 0;
	return mk->cols[0] * text_range_meet(mk->v[0], mk->n[0], a, b) +
	    mk->cols[1] * text_range_meet(mk->v[1], mk->n[1], a, b);
}

/*
 * The longest prefix of s[a..b) that fits on a line with its markers,
 * never cutting a unit (text_unit); its width in *width.
 */
static size_t
wrap_fit(const struct wrap *w, size_t a, size_t b, size_t *width)
{
	size_t	i, len, cw, tw;

	if (wrap_marks(w, a, b) == 0)
		return text_fit(w->s + a, b - a, w->cols, width);
	tw = 0;
	for (i = a; i < b; i += len) {
		len = text_unit(w->s + i, b - i, &cw);
		if (tw + cw + wrap_marks(w, a, i + len) > w->cols)
			break;
		tw += cw;
	}
	*width = tw;
	return i - a;
}

/*
 * Add the piece s[x..y) between two break opportunities to the line; it
 * ends in spaces from ce on, which may hang past the right margin.
 */
static void
wrap_piece(struct wrap *w, size_t x, size_t ce, size_t y)
{
	const char	*s = w->s;
	size_t		 wc, ws, rest, k, kw, e, mc;

	wc = text_width(s + x, ce - x);
	ws = y - ce;			/* spaces are one column each */
	/* The markers of the line if it took the piece. */
	mc = wrap_marks(w, w->start, ce > x ? ce : w->end);

	if (w->end > w->start && w->width + wc + mc > w->cols) {
		wrap_emit(w, w->start, w->end - w->start);
		w->start = w->end = x;
		w->width = 0;
		mc = wrap_marks(w, x, ce);
	}
	/*
	 * Indentation that leaves no room for the first word is dropped, as
	 * spaces at a break are, rather than cut into lines of blanks.
	 */
	if (w->end == w->start && x > w->start && w->width + wc + mc >
	    w->cols && wc + wrap_marks(w, x, ce) <= w->cols) {
		w->start = w->end = x;
		w->width = 0;
		mc = wrap_marks(w, x, ce);
	}
	if (w->width + wc + mc <= w->cols) {
		if (ce > x)
			w->end = ce;
		w->width += wc + ws;
		return;
	}

	/*
	 * Too wide even on a line of its own (with any indentation before
	 * it): cut at grapheme cluster boundaries.  Spaces at a cut are
	 * dropped as at a break (a piece may hold spaces UAX #14 does not
	 * break at, as in "a  )").  The last part stays on the line being
	 * filled, so that what follows may join it.
	 */
	rest = w->width + wc;
	while (rest + wrap_marks(w, w->start, ce) > w->cols) {
		k = wrap_fit(w, w->start, ce, &kw);
		if (k == 0) {
			/* One unit wider than the line goes alone. */
			k = text_unit(s + w->start, ce - w->start, &kw);
			if (w->start + k == ce)
				break;
		}
		for (e = w->start + k; e > w->start && s[e - 1] == ' '; e--)
			;
		if (e > w->start)
			wrap_emit(w, w->start, e - w->start);
		w->start += k;
		rest -= kw;
		/* ce follows a non-space, so this stops before it. */
		while (s[w->start] == ' ') {
			w->start++;
			rest--;
		}
	}
	w->end = ce;
	w->width = rest + ws;
}

/*
 * Fill lines from the paragraph s[a..b), which has no mandatory break.
 * p holds the break opportunities of the whole string.
 */
static void
wrap_paragraph(struct wrap *w, const char *p, size_t a, size_t b)
{
	const unsigned char	*u = (const unsigned char *)w->s;
	size_t			 i, x, ce, len;
	uint32_t		 uc;

	w->start = w->end = a;
	w->width = 0;
	x = a;
	ce = a;
	for (i = a; i < b; i += len) {
		len = text_utf8_decode(u + i, b - i, &uc);
		/* Opportunities are taken only at our character boundaries. */
		if (i > x && p[i] == UC_BREAK_POSSIBLE) {
			wrap_piece(w, x, ce, i);
			x = i;
		}
		if (u[i] != ' ')
			ce = i + len;
		else if (ce < x)
			ce = x;
	}
	if (ce < x)
		ce = x;
	wrap_piece(w, x, ce, b);
	wrap_emit(w, w->start, w->end - w->start);
}

size_t
text_wrap(const char *s, size_t n, size_t cols, struct text_line **lines)
{
	return text_wrap_marked(s, n, cols, NULL, lines);
}

size_t
text_wrap_marked(const char *s, size_t n, size_t cols,
    const struct text_wrap_marks *marks, struct text_line **lines)
{
	const unsigned char	*u = (const unsigned char *)s;
	struct wrap		 w;
	char			*p;
	size_t			 i, a, len;
	uint32_t		 uc;

	*lines = NULL;
	if (n == 0)
		return 0;

	w.s = s;
	w.cols = cols == 0 ? 1 : cols;
	w.mk = marks;
	w.lines = NULL;
	w.nlines = 0;
	w.alloc = 0;

	p = xmalloc(n);
	text_linebreaks(s, n, p);

	/* Split at mandatory breaks (LF, CR LF, and the rest of UAX #14's). */
	a = 0;
	for (i = 0; i < n; i += len) {
		len = text_utf8_decode(u + i, n - i, &uc);
		if (uc == TEXT_BAD)
			continue;
		if (p[i] == UC_BREAK_CR_BEFORE_LF && i + 1 < n &&
		    u[i + 1] == '\n')
			len = 2;
		else if (p[i] != UC_BREAK_MANDATORY)
			continue;
		wrap_paragraph(&w, p, a, i);
		a = i + len;
	}
	/* A final LF ends the last line; it starts no empty one. */
	if (a < n)
		wrap_paragraph(&w, p, a, n);

	free(p);
	*lines = w.lines;
	return w.nlines;
}
