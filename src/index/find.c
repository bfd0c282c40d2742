/*
 * find.c -- the two-rare-bytes search (see find.h).
 *
 * This is the "generic SIMD" substring search described by Wojciech Muła:
 * for sixteen candidate starts at once, compare the haystack at the offsets
 * of two needle bytes with those bytes, AND the two masks, and memcmp only
 * where both agree.  Choosing the two rarest bytes (by English letter
 * frequency: folded text is lower case) makes a false candidate rare, so
 * the loop runs at the speed of the loads.  The last block is loaded so
 * that it ends where the haystack ends, overlapping the one before; a
 * haystack too short for one block is tried one position at a time (a
 * call to memmem would cost more in set-up than that).
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "index/find.h"

/*
 * How common a byte is in folded English text, from 0 (rare) up.  Letters
 * by their frequency in English, the blank most of all; digits and
 * punctuation in between; bytes of non-ASCII characters rare.
 */
static unsigned char
find_rank(unsigned char ch)
{
	static const char	order[] = "zqjxkvbpygfwmucldrhsnioate ";
	const char		*p;

	if (ch >= 0x80)
		return 1;
	if (ch == '\0')
		return 0;
	p = strchr(order, ch);
	if (p != NULL)
		return (unsigned char)(10 + (p - order) * 8);
	return 4;
}

void
find_prepare(struct find_term *t, const char *s, size_t len)
{
	size_t		i, r1 = 0, r2 = len > 1 ? 1 : 0;
	unsigned char	k1, k2, k;

	t->s = s;
	t->len = len;
	k1 = find_rank((unsigned char)s[r1]);
	k2 = find_rank((unsigned char)s[r2]);
	if (k2 < k1) {
		size_t	tmp = r1;

		r1 = r2;
		r2 = tmp;
		k = k1;
		k1 = k2;
		k2 = k;
	}
	for (i = 2; i < len; i++) {
		k = find_rank((unsigned char)s[i]);
		/* A byte equal to the rarest adds nothing: keep a different one. */
		if (k < k1 && s[i] != s[r1]) {
			r2 = r1;
			k2 = k1;
			r1 = i;
			k1 = k;
		} else if (k < k2 && s[i] != s[r1]) {
			r2 = i;
			k2 = k;
		}
	}
	t->rare1 = r1;
	t->rare2 = r2;
	t->letters = find_letters(s, len);
}

/*
 * The bit of each byte in a find_letters set (find.h); bytes of no class
 * that a search tells apart have none.
 */
static const uint32_t	find_letter_bits[256] = {
	['a'] = 1u << 0, ['A'] = 1u << 0,
	['b'] = 1u << 1, ['B'] = 1u << 1,
	['c'] = 1u << 2, ['C'] = 1u << 2,
	['d'] = 1u << 3, ['D'] = 1u << 3,
	['e'] = 1u << 4, ['E'] = 1u << 4,
	['f'] = 1u << 5, ['F'] = 1u << 5,
	['g'] = 1u << 6, ['G'] = 1u << 6,
	['h'] = 1u << 7, ['H'] = 1u << 7,
	['i'] = 1u << 8, ['I'] = 1u << 8,
	['j'] = 1u << 9, ['J'] = 1u << 9,
	['k'] = 1u << 10, ['K'] = 1u << 10,
	['l'] = 1u << 11, ['L'] = 1u << 11,
	['m'] = 1u << 12, ['M'] = 1u << 12,
	['n'] = 1u << 13, ['N'] = 1u << 13,
	['o'] = 1u << 14, ['O'] = 1u << 14,
	['p'] = 1u << 15, ['P'] = 1u << 15,
	['q'] = 1u << 16, ['Q'] = 1u << 16,
	['r'] = 1u << 17, ['R'] = 1u << 17,
	['s'] = 1u << 18, ['S'] = 1u << 18,
	['t'] = 1u << 19, ['T'] = 1u << 19,
	['u'] = 1u << 20, ['U'] = 1u << 20,
	['v'] = 1u << 21, ['V'] = 1u << 21,
	['w'] = 1u << 22, ['W'] = 1u << 22,
	['x'] = 1u << 23, ['X'] = 1u << 23,
	['y'] = 1u << 24, ['Y'] = 1u << 24,
	['z'] = 1u << 25, ['Z'] = 1u << 25,
	['0'] = 1u << 26, ['1'] = 1u << 26, ['2'] = 1u << 26,
	['3'] = 1u << 26, ['4'] = 1u << 26, ['5'] = 1u << 26,
	['6'] = 1u << 26, ['7'] = 1u << 26, ['8'] = 1u << 26,
	['9'] = 1u << 26,
	[' '] = 1u << 27, ['\n'] = 1u << 27,
};

uint32_t
find_letters(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 m0 = 0, m1 = 0, m2 = 0, m3 = 0;
	size_t			 k;

	/* Four sets at once, so that the ORs do not wait on each other. */
	for (k = 0; k + 4 <= n; k += 4) {
		m0 |= find_letter_bits[p[k]];
		m1 |= find_letter_bits[p[k + 1]];
		m2 |= find_letter_bits[p[k + 2]];
		m3 |= find_letter_bits[p[k + 3]];
	}
	for (; k < n; k++)
		m0 |= find_letter_bits[p[k]];
	return m0 | m1 | m2 | m3;
}

/*
 * What index folding makes of a byte of "plain" text (find_in_plain): A-Z
 * lowered, a line break a space, anything else itself.
 */
static inline unsigned char
find_plain_fold(unsigned char ch)
{
	if ((unsigned char)(ch - 'A') < 26)
		return (unsigned char)(ch + 32);
	return ch == '\n' ? ' ' : ch;
}

/* t at hay[0..len): exactly, or (plain) as folded. */
static inline int
find_same(const char *hay, const struct find_term *t, int plain)
{
	size_t	k;

	if (!plain)
		return memcmp(hay, t->s, t->len) == 0;
	for (k = 0; k < t->len; k++)
		if (find_plain_fold((unsigned char)hay[k]) !=
		    (unsigned char)t->s[k])
			return 0;
	return 1;
}

#ifdef __SSE2__
/* The two rare bytes, to compare sixteen haystack bytes with at once. */
struct find_vec {
	__m128i	or1, eq1, alt1;		/* (h | or) == eq, or h == alt */
	__m128i	or2, eq2, alt2;
};

/*
 * A needle byte ch as plain text may have it: a letter in either case (OR
 * 0x20 lowers A-Z and leaves a-z), a space as a space or a line break.
 */
static void
find_vec_byte(unsigned char ch, int plain, __m128i *or, __m128i *eq,
    __m128i *alt)
{
	*eq = _mm_set1_epi8((char)ch);
	*alt = *eq;
	*or = _mm_setzero_si128();
	if (plain && ch >= 'a' && ch <= 'z')
		*or = _mm_set1_epi8(0x20);
	else if (plain && ch == ' ')
		*alt = _mm_set1_epi8('\n');
}

/*
 * Bit k set: the rare bytes are in place for a match at p - rare + k.
 * Exact text compares the bytes; plain text ORs 0x20 in first when a rare
 * byte is a letter, and takes a line break for a space only if one of
 * them is a space (spaces is true), which the choice of rare bytes makes
 * rare.
 */
static inline unsigned int
find_block(const char *p1, const char *p2, const struct find_vec *v,
    int plain, int spaces)
{
	__m128i	a = _mm_loadu_si128((const __m128i *)p1);
	__m128i	b = _mm_loadu_si128((const __m128i *)p2);

	if (!plain)
		return (unsigned int)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(a, v->eq1), _mm_cmpeq_epi8(b, v->eq2)));
	if (!spaces)
		return (unsigned int)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(_mm_or_si128(a, v->or1), v->eq1),
		    _mm_cmpeq_epi8(_mm_or_si128(b, v->or2), v->eq2)));
	a = _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(a, v->or1), v->eq1),
	    _mm_cmpeq_epi8(a, v->alt1));
	b = _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(b, v->or2), v->eq2),
	    _mm_cmpeq_epi8(b, v->alt2));
	return (unsigned int)_mm_movemask_epi8(_mm_and_si128(a, b));
}

/* The first candidate pos + k (bit k of mask) where t is in full. */
static inline const char *
find_verify(const char *hay, size_t pos, unsigned int mask,
    const struct find_term *t, int plain)
{
	while (mask != 0) {
		size_t	at = pos + (size_t)__builtin_ctz(mask);

		if (find_same(hay + at, t, plain))
			return hay + at;
		mask &= mask - 1;
	}
	return NULL;
}

static inline const char *
find_sse2(const char *hay, size_t n, const struct find_term *t, int plain,
    int spaces)
{
	const char	*p1 = hay + t->rare1, *p2 = hay + t->rare2;
	size_t		 len = t->len, pos = 0, last;
	unsigned int	 mask;
	const char	*hit;
	struct find_vec	 v;

	/* Candidates pos..pos+15 read up to pos + 15 + len - 1. */
	last = n - len - 15;
	find_vec_byte((unsigned char)t->s[t->rare1], plain, &v.or1, &v.eq1,
	    &v.alt1);
	find_vec_byte((unsigned char)t->s[t->rare2], plain, &v.or2, &v.eq2,
	    &v.alt2);
	for (;; pos += 16) {
		if (pos > last) {
			/*
			 * The tail: one more block, ending at the end of the
			 * haystack, without the candidates already tried.
			 */
			if (pos >= last + 16)
				return NULL;
			mask = find_block(p1 + last, p2 + last, &v, plain,
			    spaces) &
			    ~((1u << (pos - last)) - 1);
			return find_verify(hay, last, mask, t, plain);
		}
		mask = find_block(p1 + pos, p2 + pos, &v, plain, spaces);
		if (mask != 0 &&
		    (hit = find_verify(hay, pos, mask, t, plain)) != NULL)
			return hit;
	}
}
#endif

/* A haystack too short for one block: one position at a time. */
static const char *
find_short(const char *hay, size_t n, const struct find_term *t, int plain)
{
	size_t	pos;

	for (pos = 0; pos + t->len <= n; pos++)
		if (find_same(hay + pos, t, plain))
			return hay + pos;
	return NULL;
}

const char *
find_in(const char *hay, size_t n, const struct find_term *t)
{
	if (t->len == 0)
		return hay;
	if (n < t->len)
		return NULL;
	if (t->len == 1)
		return memchr(hay, t->s[0], n);
#ifdef __SSE2__
	if (n < t->len + 15)
		return find_short(hay, n, t, 0);
	return find_sse2(hay, n, t, 0, 0);
#else
	return memmem(hay, n, t->s, t->len);
#endif
}

const char *
find_in_plain(const char *hay, size_t n, const struct find_term *t)
{
	if (t->len == 0)
		return hay;
	if (n < t->len)
		return NULL;
#ifdef __SSE2__
	if (n >= t->len + 15) {
		if (t->s[t->rare1] == ' ' || t->s[t->rare2] == ' ')
			return find_sse2(hay, n, t, 1, 1);
		return find_sse2(hay, n, t, 1, 0);
	}
#endif
	return find_short(hay, n, t, 1);
}

bool
find_plain_folds_to(const char *s, const char *folded, size_t n)
{
	size_t	k = 0;

#ifdef __SSE2__
	/* Sixteen at a time: fold s as find_plain_fold does, compare. */
	for (; k + 16 <= n; k += 16) {
		__m128i	v = _mm_loadu_si128((const __m128i *)(s + k));
		__m128i	f = _mm_loadu_si128((const __m128i *)(folded + k));
		__m128i	nl = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
		/* Signed compares: bytes from 0x80 are not in A-Z. */
		__m128i	up = _mm_and_si128(_mm_cmpgt_epi8(v,
			    _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v,
			    _mm_set1_epi8('Z' + 1)));

		v = _mm_add_epi8(v, _mm_and_si128(nl, _mm_set1_epi8(' ' -
		    '\n')));
		v = _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8('a' -
		    'A')));
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, f)) != 0xffff)
			return false;
	}
#endif
	for (; k < n; k++)
		if (find_plain_fold((unsigned char)s[k]) !=
		    (unsigned char)folded[k])
			return false;
	return true;
}
