/*
 * fold.c -- text_fold(): folding text for matching, so that a search for
 * "strasse" finds "Straße" and "cooperation" finds "coöperation"; and
 * text_search_fold(), which folds more the same way (search-fold.c).
 *
 * The definition is text_fold_slow(): u8_casefold(), then NFD, then every
 * combining mark (general category M) dropped; ill-formed bytes pass
 * through unchanged.  text_fold() gets the same bytes faster by lowering
 * ASCII itself and folding other characters one at a time through a small
 * cache, which is only equivalent because full case folding without a
 * language needs no context and NFD reorders nothing but marks, which are
 * dropped; the unit tests compare the two on random text.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "text/text.h"
#include "text/text-private.h"
#include "util/xmalloc.h"

/* Per-call cache of folded characters: most text repeats a few dozen. */
#define FOLD_CACHE_SIZE		256
#define FOLD_CACHE_BYTES	23

struct fold_cache {
	uint32_t	uc;		/* TEXT_BAD when empty */
	unsigned char	len;
	char		bytes[FOLD_CACHE_BYTES];
};

/*
 * The search fold's cache outlives the call, one per thread: the index
 * folds each node in a call of its own, and the nodes share their few
 * non-ASCII characters (’, —), each of which would otherwise go through
 * libunistring (four passes) again in every node.
 */
static _Thread_local struct fold_cache	search_cache[FOLD_CACHE_SIZE];
static _Thread_local bool		search_ready;

/* The map under construction: one source offset per output byte. */
struct fold_map {
	size_t		*v;
	size_t		 len;
	size_t		 cap;
};

/* Fold the well-formed s[0..n), n > 0, appending the result to out. */
static void
fold_run(const uint8_t *s, size_t n, struct text_buf *out)
{
	uint8_t	 buf1[64], buf2[64];
	uint8_t	*cf, *nfd;
	size_t	 cflen, nfdlen, i, len;
	ucs4_t	 uc;

	/* The stack buffers serve short runs; libunistring mallocs others. */
	cflen = sizeof buf1;
	cf = u8_casefold(s, n, NULL, NULL, buf1, &cflen);
	if (cf == NULL)
		text_oom();
	nfdlen = sizeof buf2;
	nfd = u8_normalize(UNINORM_NFD, cf, cflen, buf2, &nfdlen);
	if (nfd == NULL)
		text_oom();
	for (i = 0; i < nfdlen; i += len) {
		len = (size_t)u8_mbtouc(&uc, nfd + i, nfdlen - i);
		if (!uc_is_general_category(uc, UC_CATEGORY_M))
			text_buf_add(out, (const char *)nfd + i, len);
	}
	if (nfd != buf2)
		free(nfd);
	if (cf != buf1)
		free(cf);
}

char *
text_fold_slow(const char *s, size_t n, size_t *outlen)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct text_buf		 out;
	size_t			 i, run, len;
	uint32_t		 uc;

	text_buf_init(&out);
	/* Well-formed runs are folded whole, ill-formed bytes copied. */
	i = run = 0;
	while (run < n) {
		len = text_utf8_decode(p + run, n - run, &uc);
		if (uc != TEXT_BAD) {
			run += len;
			continue;
		}
		if (run > i)
			fold_run(p + i, run - i, &out);
		text_buf_add(&out, s + run, len);
		run += len;
		i = run;
	}
	if (run > i)
		fold_run(p + i, run - i, &out);
	if (outlen != NULL)
		*outlen = out.len;
	return text_buf_steal(&out);
}

/* Record that the output bytes from m->len up to upto come from off. */
static void
fold_map_add(struct fold_map *m, size_t upto, size_t off)
{
	if (upto > m->cap) {
		while (m->cap < upto)
			m->cap = m->cap == 0 ? 64 : m->cap * 2;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	while (m->len < upto)
		m->v[m->len++] = off;
}

/*
 * Fold the one character uc, encoded as s[0..len), appending to out (for
 * search: text_search_fold_char()).  The cache lives on the caller's
 * stack (for search, in the thread), so folding stays reentrant; it is
 * cleared on first use, as pure ASCII text never needs it.
 */
static void
fold_char(struct fold_cache *cache, bool *ready, uint32_t uc,
    const uint8_t *s, size_t len, bool search, struct text_buf *out)
{
	struct fold_cache	*c;
	size_t			 before, i, got;

	if (!*ready) {
		for (i = 0; i < FOLD_CACHE_SIZE; i++)
			cache[i].uc = TEXT_BAD;
		*ready = true;
	}
	c = &cache[uc % FOLD_CACHE_SIZE];
	if (c->uc == uc) {
		text_buf_add(out, c->bytes, c->len);
		return;
	}
	before = out->len;
	if (search)
		text_search_fold_char(uc, s, len, out);
	else
		fold_run(s, len, out);
	got = out->len - before;
	if (got <= FOLD_CACHE_BYTES) {
		c->uc = uc;
		c->len = (unsigned char)got;
		if (got != 0)
			memcpy(c->bytes, out->data + before, got);
	}
}

/* text_fold() or, if search, text_search_fold(). */
static char *
fold_text(const char *s, size_t n, size_t *outlen, size_t **map,
    bool search)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct fold_cache	 cache[FOLD_CACHE_SIZE];
	bool			 ready = false;
	struct text_buf		 out;
	struct fold_map		 m;
	size_t			 i, j, k, len;
	uint32_t		 uc;

	text_buf_init(&out);
	m.v = NULL;
	m.len = m.cap = 0;
	for (i = 0; i < n; i += len) {
		if (p[i] < 0x80) {
			/* ASCII lowers itself, whatever the locale. */
			for (j = i; j < n && p[j] < 0x80; j++)
				;
			len = j - i;
			k = out.len;
			text_buf_add(&out, s + i, len);
			for (; k < out.len; k++) {
				if (out.data[k] >= 'A' && out.data[k] <= 'Z')
					out.data[k] += 'a' - 'A';
				else if (search && out.data[k] == '`')
					out.data[k] = '\'';
			}
			if (map != NULL) {
				/* Each byte is its own character. */
				k = out.len - len;
				for (j = 0; j < len; j++)
					fold_map_add(&m, k + j + 1, i + j);
			}
			continue;
		}
		len = text_utf8_decode(p + i, n - i, &uc);
		if (uc == TEXT_BAD) {
			/* Passed through; each byte maps to itself. */
			k = out.len;
			text_buf_add(&out, s + i, len);
			if (map != NULL) {
				for (j = 0; j < len; j++)
					fold_map_add(&m, k + j + 1, i + j);
			}
			continue;
		}
		if (search)
			fold_char(search_cache, &search_ready, uc, p + i, len,
			    true, &out);
		else
			fold_char(cache, &ready, uc, p + i, len, false, &out);
		if (map != NULL)
			fold_map_add(&m, out.len, i);
	}
	if (map != NULL) {
		fold_map_add(&m, out.len + 1, n);
		*map = m.v;
	}
	if (outlen != NULL)
		*outlen = out.len;
	return text_buf_steal(&out);
}

char *
text_fold(const char *s, size_t n, size_t *outlen, size_t **map)
{
	return fold_text(s, n, outlen, map, false);
}

char *
text_search_fold(const char *s, size_t n, size_t *outlen, size_t **map)
{
	return fold_text(s, n, outlen, map, true);
}
