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

uint32_t
find_letters(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 m = 0;
	size_t			 k;
	unsigned char		 ch;

	for (k = 0; k < n; k++) {
		ch = p[k] | 0x20;
		if ((unsigned char)(ch - 'a') < 26 && p[k] >= 'A')
			m |= 1u << (ch - 'a');
		else if (p[k] >= 0x80)
			m |= 1u << 29;
		else if (p[k] >= '0' && p[k] <= '9')
			m |= 1u << 26;
		else if (p[k] == ' ' || p[k] == '\n')
			m |= 1u << 27;
		else
			m |= 1u << 28;
	}
	return m;
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
	size_t	k;

	for (k = 0; k < n; k++)
		if (find_plain_fold((unsigned char)s[k]) !=
		    (unsigned char)folded[k])
			return false;
	return true;
}
