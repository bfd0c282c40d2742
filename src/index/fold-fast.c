/*
 * fold-fast.c -- folding text as index_fold() does, fast, into a buffer
 * the caller keeps (see index-private.h): the index folds every node into
 * one, the one-shot search (index_stream) each node in turn into the
 * same small one.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "index/index.h"
#include "index/index-private.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* Make room for n more bytes at the end of the buffer. */
void
index_buf_reserve(char **buf, size_t *cap, size_t used, size_t n)
{
	if (used + n <= *cap)
		return;
	*cap = (used + n) * 2;
	*buf = xreallocarray(*buf, *cap, 1);
}

/*
 * Exactly as index_fold() (the unit tests compare the two), but without
 * a copy per node: ASCII, almost all of the text, is lowered and its
 * blanks collapsed here in one pass (and a grave accent made an
 * apostrophe, as text_search_fold() does); only the runs of other
 * characters go through text_search_fold().
 */
void
index_fold_append(char **buf, size_t *cap, size_t *used, const char *s,
    size_t n)
{
	static const unsigned char	blank[256] = {
		[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
		['\v'] = 1,
	};
	const unsigned char		*p = (const unsigned char *)s;
	size_t				 i = 0, j, k, flen;
	size_t				 scalar_until = 0;
	bool				 in_blank = false;
	char				*f, *out;

	index_buf_reserve(buf, cap, *used, n + 1);
	out = *buf;
	while (i < n) {
#ifdef __SSE2__
		/*
		 * Sixteen bytes at once where they are ASCII letters, marks
		 * and single blanks (spaces or line breaks), and no grave
		 * accent: lower A-Z, make line breaks spaces, copy.  Anything
		 * else goes byte by byte.
		 */
		if (i + 16 <= n && i >= scalar_until) {
			__m128i		v = _mm_loadu_si128((const __m128i *)(p +
			    i));
			__m128i		nl = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
			unsigned int	sp, odd;

			v = _mm_add_epi8(v, _mm_and_si128(nl,
			    _mm_set1_epi8(' ' - '\n')));
			/* Signed: bytes from 0x80 count as below a space. */
			odd = (unsigned int)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmplt_epi8(v, _mm_set1_epi8(' ')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('`'))));
			sp = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
			    _mm_set1_epi8(' ')));
			if (odd == 0 && (sp & (sp >> 1)) == 0 &&
			    !(in_blank && (sp & 1))) {
				__m128i	up = _mm_and_si128(_mm_cmpgt_epi8(v,
				    _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v,
				    _mm_set1_epi8('Z' + 1)));

				v = _mm_add_epi8(v, _mm_and_si128(up,
				    _mm_set1_epi8('a' - 'A')));
				_mm_storeu_si128((__m128i *)(out + *used), v);
				*used += 16;
				in_blank = (sp >> 15) & 1;
				i += 16;
				continue;
			}
			/* Not now: the next sixteen bytes go one by one. */
			scalar_until = i + 16;
		}
#endif
		if (p[i] < 0x80) {
			if (blank[p[i]]) {
				if (!in_blank)
					out[(*used)++] = ' ';
				in_blank = true;
			} else {
				out[(*used)++] = (char)(p[i] >= 'A' &&
				    p[i] <= 'Z' ? p[i] + 32 : p[i] == '`' ?
				    '\'' : p[i]);
				in_blank = false;
			}
			i++;
			continue;
		}
		for (j = i; j < n && p[j] >= 0x80; j++)
			;
		f = text_search_fold(s + i, j - i, &flen, NULL);
		index_buf_reserve(buf, cap, *used, flen + (n - j) + 1);
		out = *buf;
		for (k = 0; k < flen; k++) {
			/* no-break and other spaces are spaces by now */
			if (blank[(unsigned char)f[k]]) {
				if (!in_blank)
					out[(*used)++] = ' ';
				in_blank = true;
				continue;
			}
			out[(*used)++] = f[k];
			in_blank = false;
		}
		free(f);
		i = j;
	}
}

bool
index_text_plain(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0;
	bool			 blank = false, b;

#ifdef __SSE2__
	/* As index_fold_append's fast path, without the copy. */
	for (; i + 16 <= n; i += 16) {
		__m128i		v = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i		nl = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
		unsigned int	sp, odd;

		v = _mm_add_epi8(v, _mm_and_si128(nl, _mm_set1_epi8(' ' -
		    '\n')));
		/* Signed: bytes from 0x80 count as below a space. */
		odd = (unsigned int)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmplt_epi8(v, _mm_set1_epi8(' ')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('`'))));
		sp = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8(' ')));
		if (odd != 0 || (sp & (sp >> 1)) != 0 || (blank && (sp & 1)))
			return false;
		blank = (sp >> 15) & 1;
	}
#endif
	for (; i < n; i++) {
		if (p[i] >= 0x80 || p[i] == '`' || (p[i] < ' ' &&
		    p[i] != '\n'))
			return false;
		b = p[i] == ' ' || p[i] == '\n';
		if (b && blank)
			return false;
		blank = b;
	}
	return true;
}

char *
index_fold_fast(const char *s, size_t n, size_t *outlen)
{
	char	*buf = NULL;
	size_t	 cap = 0, used = 0;

	index_fold_append(&buf, &cap, &used, s, n);
	index_buf_reserve(&buf, &cap, used, 1);
	buf[used] = '\0';
	*outlen = used;
	return buf;
}
