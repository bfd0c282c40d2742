/*
 * words-count.c -- counting the words of a text without finding them all
 * (see stats.h): `charta stats` reads every word of the corpus, nearly
 * all of them in plain ASCII text that holds no term, where counting is a
 * matter of where runs of letters and digits start.  The splitter
 * (words.c) decides everything else, and the tests hold the counts to it.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "stats/stats.h"
#include "stats/words-private.h"

/*
 * The number of words of a plain text s (all ASCII, no underscore) that
 * start in s[from..to), where from and to are where a word starts or
 * ends (or s's ends), without finding them: every run of letters and
 * digits starts one, and every mark that joins two runs (WB6, WB7, WB11,
 * WB12: a letter on each side of ':', '.' or the apostrophe, a digit on
 * each side of '.', the apostrophe, ',' or ';') makes two of them one.
 * (An underscore may make a word with no letter or digit, which is no
 * word: words_split_ascii decides those.)
 */
#ifdef __SSE2__
/*
 * The bits set in x (below 1 << 16), by halves: without -mpopcnt the
 * compiler's builtin is a call.
 */
static inline size_t
words_bits(unsigned int x)
{
	x = x - ((x >> 1) & 0x5555);
	x = (x & 0x3333) + ((x >> 2) & 0x3333);
	x = (x + (x >> 4)) & 0x0f0f;
	return (x + (x >> 8)) & 0x1f;
}
#endif

size_t
stats_words_count_plain(const char *s, size_t from, size_t to)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 runs = 0, joins = 0, i = from;
	int			 cls;
	bool			 in = false, word;

#ifdef __SSE2__
	/*
	 * Sixteen bytes at a time: a run starts at a letter or digit after
	 * none; the marks, a few in a sentence, are looked at one by one.
	 */
	for (; i + 16 <= to; i += 16) {
		__m128i		v = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i		low = _mm_or_si128(v, _mm_set1_epi8(0x20));
		__m128i		top = _mm_set1_epi8((char)0x80);
		__m128i		letter = _mm_cmplt_epi8(_mm_xor_si128(
		    _mm_sub_epi8(low, _mm_set1_epi8('a')), top),
		    _mm_set1_epi8((char)(0x80 + 26)));
		__m128i		digit = _mm_cmplt_epi8(_mm_xor_si128(
		    _mm_sub_epi8(v, _mm_set1_epi8('0')), top),
		    _mm_set1_epi8((char)(0x80 + 10)));
		__m128i		mark = _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))), _mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(','))),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(';'))));
		unsigned int	wm = (unsigned int)_mm_movemask_epi8(
		    _mm_or_si128(letter, digit));
		unsigned int	mm = (unsigned int)_mm_movemask_epi8(mark);
		unsigned int	k;

		runs += words_bits(wm & ~(wm << 1 | (unsigned int)in) &
		    0xffff);
		in = (wm >> 15) & 1;
		for (; mm != 0; mm &= mm - 1) {
			k = (unsigned int)__builtin_ctz(mm);
			if (i + k > from && i + k + 1 < to &&
			    words_joins(words_class[p[i + k - 1]],
			    words_class[p[i + k]], words_class[p[i + k + 1]]))
				joins++;
		}
	}
#endif
	for (; i < to; i++) {
		cls = words_class[p[i]];
		word = cls == WC_LETTER || cls == WC_DIGIT;
		runs += word && !in;
		in = word;
		if (cls >= WC_MIDLETTER && cls <= WC_MIDNUM && i > from &&
		    i + 1 < to && words_joins(words_class[p[i - 1]], cls,
		    words_class[p[i + 1]]))
			joins++;
	}
	return runs - joins;
}

bool
stats_words_plain(const char *s, size_t n)
{
	return words_is_ascii(s, n) && memchr(s, '_', n) == NULL;
}

bool
stats_words_start_plain(const char *s, size_t at)
{
	const unsigned char	*p = (const unsigned char *)s;
	int			 cls = words_class[p[at]], mid;

	if (cls != WC_LETTER && cls != WC_DIGIT)
		return false;
	if (at == 0)
		return true;
	/* The byte before may be beyond ASCII: a word starts after it. */
	if (p[at - 1] >= 0x80)
		return true;
	mid = words_class[p[at - 1]];
	if (mid == WC_LETTER || mid == WC_DIGIT)
		return false;
	/* Not where a mark joins it to the word before (a letter or digit). */
	if (mid < WC_MIDLETTER || mid > WC_MIDNUM || at == 1 ||
	    p[at - 2] >= 0x80)
		return true;
	return !words_joins(words_class[p[at - 2]], mid, cls);
}
