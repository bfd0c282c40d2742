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
#include "util/xmalloc.h"

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

static unsigned char	words_class[128];
static bool		words_ready;

static void
words_init_classes(void)
{
	int	c;

	for (c = 'a'; c <= 'z'; c++)
		words_class[c] = words_class[c - 'a' + 'A'] = WC_LETTER;
	for (c = '0'; c <= '9'; c++)
		words_class[c] = WC_DIGIT;
	words_class[':'] = WC_MIDLETTER;
	words_class['.'] = WC_MIDNUMLET;
	words_class['\''] = WC_MIDNUMLET;
	words_class[','] = WC_MIDNUM;
	words_class[';'] = WC_MIDNUM;
	words_class['_'] = WC_EXTENDNUMLET;
	words_ready = true;
}

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

static void
words_emit(struct stats_words *w, size_t start, size_t end)
{
	if (w->n == w->cap)
		w->v = xgrowarray(w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n].off = (uint32_t)start;
	w->v[w->n].len = (uint32_t)(end - start);
	w->n++;
}

static bool
words_is_ascii(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint64_t		 acc = 0, x;
	size_t			 i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, p + i, 8);
		acc |= x;
	}
	for (; i < n; i++)
		acc |= p[i];
	return (acc & 0x8080808080808080ULL) == 0;
}

/* The fast path: s[0..n) is all ASCII. */
static void
words_split_ascii(struct stats_words *w, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, start;
	int			 prev, cur, next;
	bool			 alnum;

	while (i < n) {
		prev = words_class[p[i]];
		if (prev != WC_LETTER && prev != WC_DIGIT &&
		    prev != WC_EXTENDNUMLET) {
			i++;
			continue;
		}
		start = i++;
		alnum = prev != WC_EXTENDNUMLET;
		while (i < n) {
			cur = words_class[p[i]];
			next = i + 1 < n ? words_class[p[i + 1]] : WC_OTHER;
			if (cur == WC_EXTENDNUMLET ||			/* WB13a */
			    (cur == WC_LETTER || cur == WC_DIGIT)) {	/* WB5, 8-10, 13b */
				if (cur != WC_EXTENDNUMLET)
					alnum = true;
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
		return uc < 128 && (words_class[uc] == WC_LETTER ||
		    words_class[uc] == WC_DIGIT);
	return uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_N) ||
	    uc_is_property_alphabetic(uc);
}

void
stats_words_split_slow(struct stats_words *w, const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 i, len, start;
	bool		 alnum;
	ucs4_t		 uc;
	int		 r;

	if (!words_ready)
		words_init_classes();
	w->n = 0;
	w->ascii = false;
	if (n == 0)
		return;
	if (w->brkcap < n) {
		free(w->brk);
		w->brk = xmalloc(n);
		w->brkcap = n;
	}
	u8_wordbreaks(p, n, w->brk);
	start = 0;
	alnum = false;
	for (i = 0; i < n; i += len) {
		if (w->brk[i] && i > start) {
			if (alnum)
				words_emit(w, start, i);
			start = i;
			alnum = false;
		}
		r = u8_mbtoucr(&uc, p + i, n - i);
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
		words_emit(w, start, n);
}

void
stats_words_split(struct stats_words *w, const char *s, size_t n)
{
	if (!words_ready)
		words_init_classes();
	if (!words_is_ascii(s, n)) {
		stats_words_split_slow(w, s, n);
		return;
	}
	w->n = 0;
	w->ascii = true;
	words_split_ascii(w, s, n);
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
