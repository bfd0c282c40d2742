/*
 * kwic-line.c -- a concordance line laid out for the screen or the
 * command line: the context around a keyword cut to columns by display
 * width, every part sanitized (see kwic.h).  Widths and cuts come from
 * src/text (libunistring): a wide character or a base with its marks is
 * never split, and nothing of the data reaches the terminal raw.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stats/kwic.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* Bytes of text to take per column wanted, beyond what a line shows. */
#define KWIC_BYTES_PER_COL	4
#define KWIC_SLACK		16

size_t
kwic_fit_end(const char *s, size_t n, size_t cols, size_t *width)
{
	size_t	total, drop, off, w, rest;

	total = text_width(s, n);
	if (total <= cols) {
		if (width != NULL)
			*width = total;
		return 0;
	}
	/*
	 * Drop the shortest start that is at least total - cols columns
	 * wide; text_fit's prefixes end on cluster boundaries, and a wide
	 * cluster that straddles the line is dropped whole.
	 */
	drop = total - cols;
	off = text_fit(s, n, drop, &w);
	rest = text_width(s + off, n - off);
	while (rest > cols && off < n) {
		drop++;
		off = text_fit(s, n, drop, &w);
		rest = text_width(s + off, n - off);
	}
	if (width != NULL)
		*width = rest;
	return off;
}

void
kwic_window(const char *text, size_t n, size_t kstart, size_t kend,
    size_t cols, size_t *from, size_t *to)
{
	size_t	span = cols > (SIZE_MAX - KWIC_SLACK) / KWIC_BYTES_PER_COL ?
	    SIZE_MAX : cols * KWIC_BYTES_PER_COL + KWIC_SLACK;

	*from = kstart > span ? kstart - span : 0;
	/* At a character's first byte, not in the middle of one. */
	while (*from > 0 && *from < kstart &&
	    ((unsigned char)text[*from] & 0xC0) == 0x80)
		(*from)++;
	*to = n - kend > span ? kend + span : n;
	while (*to < n && *to > kend && ((unsigned char)text[*to] & 0xC0) ==
	    0x80)
		(*to)--;
}

/* s[0..n) with every run of blanks and line breaks as one space. */
static char *
kwic_squeeze(const char *s, size_t n, size_t *outlen)
{
	char	*out = xmalloc(n + 1);
	size_t	 i, j = 0;
	bool	 blank = false;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			if (!blank)
				out[j++] = ' ';
			blank = true;
			continue;
		}
		blank = false;
		out[j++] = s[i];
	}
	out[j] = '\0';
	*outlen = j;
	return out;
}

/* Squeeze and sanitize s[0..n). */
static char *
kwic_clean(const char *s, size_t n, char *(*clean)(const char *, size_t))
{
	char	*sq, *out;
	size_t	 len;

	sq = kwic_squeeze(s, n, &len);
	out = clean(sq, len);
	free(sq);
	return out;
}

void
kwic_line_make(struct kwic_line *l, const char *text, size_t from,
    size_t kstart, size_t kend, size_t to,
    char *(*clean)(const char *, size_t), size_t left_cols, size_t key_cols,
    size_t right_cols)
{
	char	*s;
	size_t	 off, len;

	memset(l, 0, sizeof *l);
	s = kwic_clean(text + from, kstart - from, clean);
	off = kwic_fit_end(s, strlen(s), left_cols, &l->left_w);
	l->left = xstrdup(s + off);
	free(s);

	s = kwic_clean(text + kstart, kend - kstart, clean);
	len = text_fit(s, strlen(s), key_cols, &l->key_w);
	s[len] = '\0';
	l->key = s;

	s = kwic_clean(text + kend, to - kend, clean);
	len = text_fit(s, strlen(s), right_cols, &l->right_w);
	s[len] = '\0';
	l->right = s;
}

void
kwic_line_free(struct kwic_line *l)
{
	if (l == NULL)
		return;
	free(l->left);
	free(l->key);
	free(l->right);
	memset(l, 0, sizeof *l);
}
