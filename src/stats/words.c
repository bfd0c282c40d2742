/*
 * words.c -- splitting text into the words charta counts, and folding them
 * (see stats.h for what a word is).
 *
 * Counting reads every word of the corpus, so plain ASCII, nearly all of
 * the texts, takes a fast path: the few word-break rules of UAX #29 that
 * ASCII can meet (WB5 to WB13b: letters, digits, the underscore, and the
 * apostrophe, full stop, colon, comma and semicolon between them), which
 * gives the same words as u8_wordbreaks.  Any other text goes to
 * libunistring.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "index/index.h"
#include "model/corpus.h"
#include "stats/stats.h"
#include "stats/words-private.h"
#include "util/xmalloc.h"

#define WC_LETTERS(a)						\
	[a + 0] = WC_LETTER, [a + 1] = WC_LETTER, [a + 2] = WC_LETTER,	\
	[a + 3] = WC_LETTER, [a + 4] = WC_LETTER, [a + 5] = WC_LETTER,	\
	[a + 6] = WC_LETTER, [a + 7] = WC_LETTER, [a + 8] = WC_LETTER,	\
	[a + 9] = WC_LETTER, [a + 10] = WC_LETTER, [a + 11] = WC_LETTER, \
	[a + 12] = WC_LETTER, [a + 13] = WC_LETTER, [a + 14] = WC_LETTER, \
	[a + 15] = WC_LETTER, [a + 16] = WC_LETTER, [a + 17] = WC_LETTER, \
	[a + 18] = WC_LETTER, [a + 19] = WC_LETTER, [a + 20] = WC_LETTER, \
	[a + 21] = WC_LETTER, [a + 22] = WC_LETTER, [a + 23] = WC_LETTER, \
	[a + 24] = WC_LETTER, [a + 25] = WC_LETTER

const unsigned char	words_class[128] = {
	WC_LETTERS('A'), WC_LETTERS('a'),
	['0'] = WC_DIGIT, ['1'] = WC_DIGIT, ['2'] = WC_DIGIT, ['3'] = WC_DIGIT,
	['4'] = WC_DIGIT, ['5'] = WC_DIGIT, ['6'] = WC_DIGIT, ['7'] = WC_DIGIT,
	['8'] = WC_DIGIT, ['9'] = WC_DIGIT,
	[':'] = WC_MIDLETTER,
	['.'] = WC_MIDNUMLET, ['\''] = WC_MIDNUMLET,
	[','] = WC_MIDNUM, [';'] = WC_MIDNUM,
	['_'] = WC_EXTENDNUMLET,
};

void
stats_words_init(struct stats_words *w)
{
	memset(w, 0, sizeof *w);
}

void
stats_words_free(struct stats_words *w)
{
	if (w == NULL)
		return;
	free(w->v);
	free(w->brk);
	memset(w, 0, sizeof *w);
}

/* Make room for more words (out of the way of the hot loop). */
static void __attribute__((noinline))
words_grow(struct stats_words *w)
{
	w->v = xgrowarray(w->v, &w->cap, w->n + 1, sizeof *w->v);
}

static inline void
words_emit(struct stats_words *w, size_t start, size_t end)
{
	if (w->n == w->cap)
		words_grow(w);
	w->v[w->n].off = (uint32_t)start;
	w->v[w->n].len = (uint32_t)(end - start);
	w->n++;
}

/* The fast path: the words of s[from..to), which is all ASCII. */
static void
words_split_ascii(struct stats_words *w, const char *s, size_t from,
    size_t to)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = from, start;
	int			 prev, cur, next;
	bool			 alnum;

	while (i < to) {
		prev = words_class[p[i]];
		if (prev != WC_LETTER && prev != WC_DIGIT &&
		    prev != WC_EXTENDNUMLET) {
			i++;
			continue;
		}
		start = i++;
		alnum = prev != WC_EXTENDNUMLET;
		while (i < to) {
			cur = words_class[p[i]];
			if (cur == WC_LETTER || cur == WC_DIGIT) {
				/* WB5, WB8-WB10, WB13b: most of any text */
				alnum = true;
				prev = cur;
				i++;
				continue;
			}
			next = i + 1 < to ? words_class[p[i + 1]] : WC_OTHER;
			if (cur == WC_EXTENDNUMLET) {			/* WB13a */
				prev = cur;
				i++;
			} else if (prev == WC_LETTER && (cur == WC_MIDLETTER ||
			    cur == WC_MIDNUMLET) && next == WC_LETTER) {
				/* WB6, WB7: "a.b", "a'b", "a:b" */
				prev = WC_LETTER;
				i += 2;
			} else if (prev == WC_DIGIT && (cur == WC_MIDNUM ||
			    cur == WC_MIDNUMLET) && next == WC_DIGIT) {
				/* WB11, WB12: "1,000", "2.5" */
				prev = WC_DIGIT;
				i += 2;
			} else
				break;
		}
		if (alnum)
			words_emit(w, start, i);
	}
}

/* Does code point uc make a run of text a word? (As src/diff does.) */
static bool
words_is_alnum(ucs4_t uc)
{
	if (uc < 0x80)
		return words_class[uc] == WC_LETTER ||
		    words_class[uc] == WC_DIGIT;
	return uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_N) ||
	    uc_is_property_alphabetic(uc);
}

/* The words of s[from..to) by u8_wordbreaks. */
static void
words_split_unistring(struct stats_words *w, const char *s, size_t from,
    size_t to)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 i, len, start, n = to - from;
	bool		 alnum;
	ucs4_t		 uc;
	int		 r;

	if (n == 0)
		return;
	if (w->brkcap < n) {
		free(w->brk);
		w->brk = xmalloc(n);
		w->brkcap = n;
	}
	u8_wordbreaks(p + from, n, w->brk);
	start = from;
	alnum = false;
	for (i = from; i < to; i += len) {
		if (w->brk[i - from] && i > start) {
			if (alnum)
				words_emit(w, start, i);
			start = i;
			alnum = false;
		}
		r = u8_mbtoucr(&uc, p + i, to - i);
		if (r < 0) {
			/* An ill-formed byte ends the word before it. */
			if (alnum)
				words_emit(w, start, i);
			len = 1;
			start = i + 1;
			alnum = false;
			continue;
		}
		len = (size_t)r;
		if (!alnum && words_is_alnum(uc))
			alnum = true;
	}
	if (alnum)
		words_emit(w, start, to);
}

void
stats_words_split_slow(struct stats_words *w, const char *s, size_t n)
{
	w->n = 0;
	w->ascii = false;
	words_split_unistring(w, s, 0, n);
}

void
stats_words_split(struct stats_words *w, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, odd, start, end;

	w->n = 0;
	w->ascii = words_is_ascii(s, n);
	if (w->ascii) {
		words_split_ascii(w, s, 0, n);
		return;
	}
	/*
	 * Text with a few characters beyond ASCII: a word never spans a
	 * blank, so each run between blanks that holds one is split by
	 * libunistring, and the ASCII between them by the fast path.
	 */
	while (i < n) {
		if ((odd = words_next_odd(s, i, n, false)) == n) {
			words_split_ascii(w, s, i, n);
			break;
		}
		for (start = odd; start > i && !words_blank(p[start - 1]);
		    start--)
			;
		words_split_ascii(w, s, i, start);
		for (end = odd; end < n && !words_blank(p[end]); end++)
			;
		words_split_unistring(w, s, start, end);
		i = end;
	}
}

void
stats_word_fold(struct text_buf *out, const char *s, size_t n)
{
	char	*f;
	size_t	 flen, i;

	out->len = 0;
	if (words_is_ascii(s, n)) {
		text_buf_add(out, s, n);
		for (i = 0; i < n; i++)
			if (out->data[i] >= 'A' && out->data[i] <= 'Z')
				out->data[i] = (char)(out->data[i] - 'A' + 'a');
		return;
	}
	f = index_fold(s, n, &flen, NULL);
	text_buf_add(out, f, flen);
	free(f);
}

const char *
stats_node_text(const struct corpus *c, uint32_t i, size_t *len)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (kind_is_block(n->kind)) {
		*len = n->text_len;
		return n->text;
	}
	*len = strlen(n->title);
	return n->title;
}
