/*
 * term.c -- the terms `charta stats` counts: a word, a phrase, a prefix
 * (see stats.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

int
stats_term_parse(struct stats_term *t, const char *s, char **err)
{
	struct stats_words	w;
	struct text_buf		f;
	size_t			k, end, n = strlen(s);

	memset(t, 0, sizeof *t);
	*err = NULL;
	stats_words_init(&w);
	stats_words_split(&w, s, n);
	if (w.n == 0) {
		stats_words_free(&w);
		*err = xasprintf(_("no word to count in '%s'"), s);
		return -1;
	}
	t->text = xstrdup(s);
	t->nwords = w.n;
	t->words = xcalloc(w.n, sizeof *t->words);
	t->lens = xcalloc(w.n, sizeof *t->lens);
	t->prefix = xcalloc(w.n, sizeof *t->prefix);
	text_buf_init(&f);
	for (k = 0; k < w.n; k++) {
		stats_word_fold(&f, s + w.v[k].off, w.v[k].len);
		t->words[k] = xstrndup(f.data, f.len);
		t->lens[k] = f.len;
		end = w.v[k].off + w.v[k].len;
		t->prefix[k] = end < n && s[end] == '*';
	}
	text_buf_free(&f);
	stats_words_free(&w);
	return 0;
}

void
stats_term_free(struct stats_term *t)
{
	size_t	k;

	if (t == NULL)
		return;
	for (k = 0; k < t->nwords; k++)
		free(t->words[k]);
	free(t->words);
	free(t->lens);
	free(t->prefix);
	free(t->text);
	memset(t, 0, sizeof *t);
}

/* Does word j of t match the text word s[0..n)? */
static bool
term_word_matches(const struct stats_term *t, size_t j, const char *s,
    size_t n, bool ascii, struct text_buf *fold)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*want = t->words[j];
	size_t			 wl = t->lens[j], i;
	unsigned char		 ch;

	/* ASCII words compare lowered, byte by byte, without a copy. */
	for (i = 0; !ascii && i < n; i++)
		if (p[i] >= 0x80)
			break;
	if (ascii || i == n) {
		if (t->prefix[j] ? n < wl : n != wl)
			return false;
		for (i = 0; i < wl; i++) {
			ch = p[i];
			if (ch >= 'A' && ch <= 'Z')
				ch = (unsigned char)(ch - 'A' + 'a');
			if (ch != (unsigned char)want[i])
				return false;
		}
		return true;
	}
	stats_word_fold(fold, s, n);
	if (t->prefix[j] ? fold->len < wl : fold->len != wl)
		return false;
	return memcmp(fold->data, want, wl) == 0;
}

bool
stats_term_at(const struct stats_term *t, const char *text,
    const struct stats_words *w, size_t k, struct text_buf *fold)
{
	size_t	j;

	if (k + t->nwords > w->n)
		return false;
	for (j = 0; j < t->nwords; j++)
		if (!term_word_matches(t, j, text + w->v[k + j].off,
		    w->v[k + j].len, w->ascii, fold))
			return false;
	return true;
}
