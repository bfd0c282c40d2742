/*
 * quote.c -- text-quote selectors (W3C Web Annotation): the words a note
 * is on, with a little of the text before and after, and finding them
 * again when a re-import has moved or renamed the node (see study.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/corpus.h"
#include "study/study.h"
#include "util/xmalloc.h"

/* The text node i shows: a block's text, a section's or document's title. */
static const char *
quote_text(const struct corpus *c, uint32_t i, size_t *len)
{
	const struct corpus_node	*n = &c->nodes[i];

	if (kind_is_block(n->kind)) {
		*len = n->text_len;
		return n->text;
	}
	*len = strlen(n->title);
	return n->title;
}

/* The last (or first) bytes of s[0..n), at most max, not cutting UTF-8. */
static char *
quote_edge(const char *s, size_t n, size_t max, bool tail)
{
	size_t	k;

	if (n <= max)
		return xstrndup(s, n);
	if (tail) {
		k = n - max;
		while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
			k++;
		return xstrndup(s + k, n - k);
	}
	k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	return xstrndup(s, k);
}

void
study_quote_of(const struct corpus *c, uint32_t i, struct state_quote *q)
{
	const struct corpus_doc	*d = &c->docs[c->nodes[i].doc];
	const char		*t;
	size_t			 len;

	memset(q, 0, sizeof *q);
	t = quote_text(c, i, &len);
	q->exact = xstrndup(t, len);
	/* The context: the nodes before and after, in the same document. */
	if (i > d->root) {
		t = quote_text(c, i - 1, &len);
		q->prefix = quote_edge(t, len, STUDY_QUOTE_CONTEXT, true);
	}
	if (i + 1 < d->end) {
		t = quote_text(c, i + 1, &len);
		q->suffix = quote_edge(t, len, STUDY_QUOTE_CONTEXT, false);
	}
}

void
study_quote_free(struct state_quote *q)
{
	free(q->exact);
	free(q->prefix);
	free(q->suffix);
	memset(q, 0, sizeof *q);
}

/*
 * How well node i fits q: 4 for its text equal to exact, 2 for containing
 * it, 0 for neither; plus one each for the prefix ending the node before
 * and the suffix starting the node after.
 */
static int
quote_score(const struct corpus *c, uint32_t i, const struct state_quote *q)
{
	const struct corpus_doc	*d = &c->docs[c->nodes[i].doc];
	const char		*t;
	size_t			 len, el = strlen(q->exact), pl, sl;
	int			 score;

	t = quote_text(c, i, &len);
	if (len == el && memcmp(t, q->exact, el) == 0)
		score = 4;
	else if (el > 0 && len > el && memmem(t, len, q->exact, el) != NULL)
		score = 2;
	else
		return 0;
	if (q->prefix != NULL && i > d->root) {
		t = quote_text(c, i - 1, &len);
		pl = strlen(q->prefix);
		if (len >= pl && memcmp(t + len - pl, q->prefix, pl) == 0)
			score++;
	}
	if (q->suffix != NULL && i + 1 < d->end) {
		t = quote_text(c, i + 1, &len);
		sl = strlen(q->suffix);
		if (len >= sl && memcmp(t, q->suffix, sl) == 0)
			score++;
	}
	return score;
}

uint32_t
study_reattach(const struct corpus *c, const struct state_anchor *at,
    const struct state_quote *q)
{
	uint32_t	best = CORPUS_NONE, i;
	int		bs = 0, s;
	size_t		d;
	bool		mine;

	if (q == NULL || q->exact == NULL || *q->exact == '\0')
		return CORPUS_NONE;
	for (d = 0; d < c->ndocs; d++) {
		mine = at->slug != NULL && strcasecmp(c->docs[d].slug,
		    at->slug) == 0;
		if (!mine && (at->work == NULL ||
		    strcmp(c->docs[d].work, at->work) != 0))
			continue;
		for (i = c->docs[d].root; i < c->docs[d].end; i++) {
			s = quote_score(c, i, q);
			/* Its own document first, when the fit is as good. */
			if (s > 0 && mine)
				s = 2 * s + 1;
			else
				s = 2 * s;
			if (s > bs) {
				bs = s;
				best = i;
			}
		}
	}
	return best;
}

/*
 * Is t[0..len) the quote's text, edited: do the two share, from their
 * start and from their end, at least half of the longer one?  A typo
 * mended or a sentence added keeps a note; another paragraph does not.
 */
static bool
quote_close(const char *t, size_t len, const char *e, size_t el)
{
	size_t	pre = 0, suf = 0, most = len > el ? len : el;

	while (pre < len && pre < el && t[pre] == e[pre])
		pre++;
	while (suf < len - pre && suf < el - pre &&
	    t[len - 1 - suf] == e[el - 1 - suf])
		suf++;
	return most > 0 && 2 * (pre + suf) >= most;
}

uint32_t
study_note_place(const struct corpus *c, const struct state_anchor *at,
    const struct state_quote *q, bool *moved)
{
	uint32_t	place, found;
	const char	*t;
	size_t		len, d;
	bool		own_doc = false;

	*moved = false;
	place = study_resolve(c, at, CORPUS_NONE);
	if (q == NULL || q->exact == NULL || *q->exact == '\0')
		return place;
	for (d = 0; at->slug != NULL && d < c->ndocs && !own_doc; d++)
		own_doc = strcasecmp(c->docs[d].slug, at->slug) == 0;
	/* Its own document gone: its place in another translation. */
	if (!own_doc && place != CORPUS_NONE)
		return place;
	/* Else the words are checked where they were taken from. */
	if (place != CORPUS_NONE &&
	    strcasecmp(c->docs[c->nodes[place].doc].slug, at->slug) == 0) {
		t = quote_text(c, place, &len);
		if (quote_score(c, place, q) > 0 ||
		    quote_close(t, len, q->exact, strlen(q->exact)))
			return place;
	}
	found = study_reattach(c, at, q);
	*moved = found != CORPUS_NONE;
	return found;
}
