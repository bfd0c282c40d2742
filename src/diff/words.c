/*
 * words.c -- splitting text into words and computing the keys they are
 * compared by (diff_words_split(); see diff.h for what both are).
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "diff/diff.h"
#include "text/text.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/*
 * Words are folded a chunk of about this many bytes at a time: one
 * text_fold() call per chunk keeps its per-call cache of folded characters
 * warm (one call per word would fold every ideograph from scratch), while
 * the offset map it returns, eight bytes per byte, stays small.
 */
#define WORDS_FOLD_CHUNK	4096

/* The growing word array while splitting. */
struct words_acc {
	struct diff_word	*v;
	size_t			 n;
	size_t			 cap;
};

static bool
words_ascii_alnum(unsigned char c)
{
	return ((unsigned char)((c | 0x20) - 'a') < 26 ||
	    (unsigned char)(c - '0') < 10);
}

/* Does code point uc make a run of text a word? */
static bool
words_is_alnum(ucs4_t uc)
{
	if (uc < 0x80)
		return words_ascii_alnum((unsigned char)uc);
	return (uc_is_general_category(uc, UC_CATEGORY_L) ||
	    uc_is_general_category(uc, UC_CATEGORY_N) ||
	    uc_is_property_alphabetic(uc));
}

/*
 * Is uc left out of keys?  Punctuation and format characters that UAX #29
 * lets inside a word (apostrophes, the colon, the middle dot, soft hyphen,
 * zero width joiners) and the apostrophe look-alikes that are not
 * punctuation: the grave accent and U+02BC MODIFIER LETTER APOSTROPHE.
 * They vary between typists, not between readings.
 */
static bool
words_is_stripped(ucs4_t uc)
{
	if (uc < 0x80 && words_ascii_alnum((unsigned char)uc))
		return false;
	if (uc == 0x60 || uc == 0x2bc)
		return true;
	return (uc_is_general_category(uc, UC_CATEGORY_P) ||
	    uc_is_general_category(uc, UC_CATEGORY_Cf));
}

/* Keep s[start..end) as a word if it holds a letter or digit. */
static void
words_emit(struct words_acc *acc, size_t start, size_t end, bool alnum)
{
	if (!alnum || end <= start)
		return;
	if (acc->n == acc->cap)
		acc->v = xgrowarray(acc->v, &acc->cap, acc->n + 1,
		    sizeof *acc->v);
	acc->v[acc->n].off = start;
	acc->v[acc->n].len = end - start;
	acc->n++;
}

/* Append folded[0..n) to keys without the characters keys leave out. */
static void
words_add_key(struct text_buf *keys, const char *folded, size_t n)
{
	const uint8_t	*p = (const uint8_t *)folded;
	size_t		 i, len;
	ucs4_t		 uc;
	int		 r;

	for (i = 0; i < n; i += len) {
		if (words_ascii_alnum(p[i])) {
			text_buf_addc(keys, folded[i]);
			len = 1;
			continue;
		}
		r = u8_mbtoucr(&uc, p + i, n - i);
		if (r < 0) {
			/* Cannot happen inside a word; keep the byte. */
			text_buf_addc(keys, folded[i]);
			len = 1;
			continue;
		}
		len = (size_t)r;
		if (!words_is_stripped(uc))
			text_buf_add(keys, folded + i, len);
	}
}

/*
 * Compute the keys of words w[first..last], which lie in s[start..end):
 * fold that stretch once and cut each word's folded bytes out of it with
 * the offset map.  Folding is context-free (text_fold() folds character by
 * character), so the folded stretch is the concatenation of the folded
 * pieces and the map never decreases.
 */
static void
words_keys_chunk(const char *s, struct diff_words *out, size_t first,
    size_t last, size_t start, size_t end, struct text_buf *keys)
{
	char	*folded;
	size_t	*map, flen, k, i, lo, hi, from;

	folded = text_fold(s + start, end - start, &flen, &map);
	k = 0;
	for (i = first; i <= last; i++) {
		lo = out->w[i].off - start;
		hi = lo + out->w[i].len;
		while (k < flen && map[k] < lo)
			k++;
		from = k;
		while (k < flen && map[k] < hi)
			k++;
		out->koff[i] = keys->len;
		words_add_key(keys, folded + from, k - from);
		out->khash[i] = hash_bytes(keys->data + out->koff[i],
		    keys->len - out->koff[i]);
	}
	free(map);
	free(folded);
}

void
diff_words_split(const char *s, size_t n, struct diff_words *out)
{
	const uint8_t		*p = (const uint8_t *)s;
	struct words_acc	 acc;
	struct text_buf		 keys;
	char			*brk;
	size_t			 i, len, start, first, last, end;
	bool			 alnum;
	ucs4_t			 uc;
	int			 r;

	memset(out, 0, sizeof *out);
	if (n == 0)
		return;

	/*
	 * Cut at every word break and around every ill-formed byte (which
	 * u8_wordbreaks() reads as U+FFFD); keep the runs with a letter or
	 * digit in them.
	 */
	brk = xmalloc(n);
	u8_wordbreaks(p, n, brk);
	memset(&acc, 0, sizeof acc);
	start = 0;
	alnum = false;
	for (i = 0; i < n; i += len) {
		if (brk[i] && i > start) {
			words_emit(&acc, start, i, alnum);
			start = i;
			alnum = false;
		}
		if (p[i] < 0x80) {
			len = 1;
			if (words_ascii_alnum(p[i]))
				alnum = true;
			continue;
		}
		r = u8_mbtoucr(&uc, p + i, n - i);
		if (r < 0) {
			words_emit(&acc, start, i, alnum);
			len = 1;
			start = i + 1;
			alnum = false;
			continue;
		}
		len = (size_t)r;
		if (!alnum && words_is_alnum(uc))
			alnum = true;
	}
	words_emit(&acc, start, n, alnum);
	free(brk);

	out->w = acc.v;
	out->n = acc.n;
	if (out->n == 0)
		return;

	out->koff = xreallocarray(NULL, out->n + 1, sizeof *out->koff);
	out->khash = xreallocarray(NULL, out->n, sizeof *out->khash);
	text_buf_init(&keys);
	/* Allocated now: an empty first key is hashed at keys.data + 0. */
	text_buf_add(&keys, "", 0);
	for (first = 0; first < out->n; first = last + 1) {
		start = out->w[first].off;
		last = first;
		while (last + 1 < out->n && out->w[last + 1].off +
		    out->w[last + 1].len - start <= WORDS_FOLD_CHUNK)
			last++;
		end = out->w[last].off + out->w[last].len;
		words_keys_chunk(s, out, first, last, start, end, &keys);
	}
	out->koff[out->n] = keys.len;
	/* All keys may be empty (words of stray marks): keep non-NULL. */
	if (keys.data == NULL)
		text_buf_addc(&keys, '\0');
	out->keys = text_buf_steal(&keys);
}

void
diff_words_free(struct diff_words *w)
{
	if (w == NULL)
		return;
	free(w->w);
	free(w->keys);
	free(w->koff);
	free(w->khash);
	memset(w, 0, sizeof *w);
}
