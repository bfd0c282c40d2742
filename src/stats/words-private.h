/*
 * words-private.h -- what splitting words (words.c) and counting them
 * (words-count.c) share: the word-break classes of ASCII, blanks, and
 * finding the bytes the fast paths cannot take.
 */
#ifndef CHARTA_WORDS_PRIVATE_H
#define CHARTA_WORDS_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Word-break classes of ASCII characters (UAX #29 Word_Break). */
enum words_class {
	WC_OTHER,
	WC_LETTER,	/* ALetter */
	WC_DIGIT,	/* Numeric */
	WC_MIDLETTER,	/* ':' */
	WC_MIDNUMLET,	/* '.' and the apostrophe (Single_Quote) */
	WC_MIDNUM,	/* ',' ';' */
	WC_EXTENDNUMLET, /* '_' */
};

/* The class of each ASCII byte (constant: threads split at once). */
extern const unsigned char	words_class[128];

/*
 * Does a mark of class mid between a byte of class before and one of class
 * after join them into one word (WB6, WB7, WB11, WB12): a letter on each
 * side of ':', '.' or the apostrophe, a digit on each side of '.', the
 * apostrophe, ',' or ';'?
 */
static inline bool
words_joins(int before, int mid, int after)
{
	if (before != after)
		return false;
	if (before == WC_LETTER)
		return mid == WC_MIDLETTER || mid == WC_MIDNUMLET;
	if (before == WC_DIGIT)
		return mid == WC_MIDNUM || mid == WC_MIDNUMLET;
	return false;
}

/* Blanks: no word goes across one (UAX #29 breaks around them). */
static inline bool
words_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/*
 * The first byte of s[from..n) beyond ASCII, or also an underscore if
 * underscore is true; n if there is none.  Eight bytes at a time.
 */
static inline size_t
words_next_odd(const char *s, size_t from, size_t n, bool underscore)
{
	const unsigned char	*p = (const unsigned char *)s;
	const uint64_t		 ones = 0x0101010101010101ULL;
	const uint64_t		 highs = 0x8080808080808080ULL;
	uint64_t		 x, u;
	size_t			 i = from;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, p + i, 8);
		u = x ^ (ones * '_');
		/* A high bit, or a zero byte of u (an underscore). */
		if (((x | (underscore ? (u - ones) & ~u : 0)) & highs) != 0)
			break;
	}
	for (; i < n; i++)
		if (p[i] >= 0x80 || (underscore && p[i] == '_'))
			break;
	return i;
}

/* Is s[0..n) all ASCII? */
static inline bool
words_is_ascii(const char *s, size_t n)
{
	return words_next_odd(s, 0, n, false) == n;
}

#endif /* CHARTA_WORDS_PRIVATE_H */
