/*
 * counts-text.c -- counting the words of one text and finding the terms
 * in it (stats_counter_text, see stats.h), for stats_count (counts.c) and
 * for a caller that reads the corpus as it streams by.  Nearly all of a corpus is ASCII and holds no
 * term, or a few: there the words are counted, not found (words-count.c),
 * and only the places where a term's first word is, which find_in_plain
 * finds, are looked at.  The runs between blanks that hold a byte beyond
 * ASCII or an underscore are split and each of their words looked at;
 * the splitter decides everything counting does not.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "index/find.h"
#include "stats/stats.h"
#include "stats/words-private.h"
#include "util/xmalloc.h"

/*
 * Can term t start at word s[0..n) of a text (all ASCII if ascii)?  False
 * only when it surely cannot: a word whose first byte is ASCII folds to
 * that byte lowered, and an ASCII word keeps its length; the rest is
 * stats_term_at's to say.  (Counting looks at every word of the corpus.)
 */
static inline bool
counts_maybe(const struct stats_term *t, const unsigned char *s, size_t n,
    bool ascii)
{
	unsigned char	c = s[0];

	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)t->words[0][0])
			return false;
	}
	return !ascii || (t->prefix[0] ? n >= t->lens[0] : n == t->lens[0]);
}

/* A place where a term's first word is, to look at. */
struct counts_lead {
	uint32_t	at;		/* byte offset in the text */
	uint32_t	term;
};

struct stats_counter {
	const struct stats_term	*t;
	size_t			 nterms;
	struct stats_hit	*hits;
	size_t			 nhits;
	size_t			 cap;
	/*
	 * The terms a word may start, by its first byte: bit ti for term
	 * ti (every term past 64).  first: of the word as written (ASCII
	 * lowered; all for a byte beyond ASCII, which may fold to anything);
	 * folded: of the word folded.  Most words start none.
	 */
	uint64_t		 first[256];
	uint64_t		 folded[256];
	/*
	 * Each term's first word, to find in ASCII text; len 0 for a word
	 * beyond ASCII or with an underscore, which plain text never holds.
	 */
	struct find_term	*lead;
	/* Scratch space for one text at a time. */
	struct stats_words	 words_at;
	struct text_buf		 fold;
	struct text_buf		 folded_word;
	struct counts_lead	*leads;
	size_t			 nleads;
	size_t			 leadcap;
};

struct stats_counter *
stats_counter_new(const struct stats_term *t, size_t nt)
{
	struct stats_counter	*sc = xcalloc(1, sizeof *sc);
	size_t			 ti;
	int			 b;

	sc->t = t;
	sc->nterms = nt;
	/* Which terms a word's first byte may start (past 64: all). */
	for (b = 0; b < 256; b++) {
		sc->folded[b] = nt > 64 ? ~(uint64_t)0 : 0;
		for (ti = 0; ti < nt && ti < 64; ti++)
			if ((unsigned char)t[ti].words[0][0] == b)
				sc->folded[b] |= (uint64_t)1 << ti;
	}
	for (b = 0; b < 256; b++)
		sc->first[b] = b >= 0x80 ? ~(uint64_t)0 : sc->folded[b >= 'A' &&
		    b <= 'Z' ? b - 'A' + 'a' : b];
	sc->lead = xcalloc(nt ? nt : 1, sizeof *sc->lead);
	for (ti = 0; ti < nt; ti++)
		if (stats_words_plain(t[ti].words[0], t[ti].lens[0]))
			find_prepare(&sc->lead[ti], t[ti].words[0],
			    t[ti].lens[0]);
	stats_words_init(&sc->words_at);
	text_buf_init(&sc->fold);
	text_buf_init(&sc->folded_word);
	return sc;
}

void
stats_counter_free(struct stats_counter *sc)
{
	if (sc == NULL)
		return;
	free(sc->hits);
	free(sc->lead);
	free(sc->leads);
	stats_words_free(&sc->words_at);
	text_buf_free(&sc->fold);
	text_buf_free(&sc->folded_word);
	free(sc);
}

size_t
stats_counter_held(const struct stats_counter *sc)
{
	return sc->nhits;
}

struct stats_hit *
stats_counter_take(struct stats_counter *sc, size_t *n)
{
	struct stats_hit	*v = sc->hits;

	*n = sc->nhits;
	sc->hits = NULL;
	sc->nhits = sc->cap = 0;
	return v;
}

/* Add an occurrence of term at word pos, where *at says. */
static void
counts_hit(struct stats_counter *job, uint32_t term,
    const struct stats_hit *at, uint64_t pos)
{
	struct stats_hit	*h;

	job->hits = xgrowarray(job->hits, &job->cap, job->nhits + 1,
	    sizeof *job->hits);
	h = &job->hits[job->nhits++];
	*h = *at;
	h->term = term;
	h->pos = pos;
}

/*
 * The terms (a bit each, as first) word w of text may start, before
 * stats_term_at says whether it does: none for most words.
 */
static uint64_t
counts_word_terms(struct stats_counter *job, const char *text,
    const struct stats_word *w, bool ascii)
{
	const unsigned char	*s = (const unsigned char *)text + w->off;
	uint64_t		 m = job->first[s[0]], any = 0;
	size_t			 ti;

	/* A word beyond ASCII may start any term: its folded first byte picks. */
	if (s[0] >= 0x80 && m != 0) {
		stats_word_fold(&job->folded_word, text + w->off, w->len);
		m = job->folded_word.len > 0 ? job->folded[(unsigned char)
		    job->folded_word.data[0]] : 0;
	}
	for (ti = 0; m != 0 && ti < job->nterms; ti++)
		if ((ti >= 64 || (m >> ti & 1)) && counts_maybe(&job->t[ti], s,
		    w->len, ascii))
			any |= (uint64_t)1 << (ti < 64 ? ti : 63);
	return any;
}

/*
 * stats_counter_text the long way, for any text: every word found, and each that
 * may start a term looked at.
 */
static size_t
counts_any(struct stats_counter *job, const char *text, size_t len,
    const struct stats_hit *where)
{
	struct stats_words	*w = &job->words_at;
	size_t			 j, ti;
	uint64_t		 m;

	stats_words_split(w, text, len);
	for (j = 0; j < w->n && job->nterms > 0; j++) {
		m = counts_word_terms(job, text, &w->v[j], w->ascii);
		for (ti = 0; m != 0 && ti < job->nterms; ti++)
			if ((ti >= 63 ? m >> 63 : m >> ti & 1) &&
			    stats_term_at(&job->t[ti], text, w, j, &job->fold))
				counts_hit(job, (uint32_t)ti, where,
				    where->pos + j);
	}
	return w->n;
}

/* Places in reading order: by offset, then by term. */
static int
counts_lead_cmp(const void *a, const void *b)
{
	const struct counts_lead	*x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->term < y->term ? -1 : x->term > y->term;
}

/* Where the terms' first words are in text[0..len), in any case. */
static void
counts_find_leads(struct stats_counter *job, const char *text, size_t len)
{
	const struct find_term	*f;
	const char		*hit;
	size_t			 ti, at;

	job->nleads = 0;
	for (ti = 0; ti < job->nterms; ti++) {
		f = &job->lead[ti];
		if (f->len == 0)
			continue;
		for (at = 0; at < len && (hit = find_in_plain(text + at,
		    len - at, f)) != NULL; at++) {
			at = (size_t)(hit - text);
			job->leads = xgrowarray(job->leads, &job->leadcap,
			    job->nleads + 1, sizeof *job->leads);
			job->leads[job->nleads].at = (uint32_t)at;
			job->leads[job->nleads++].term = (uint32_t)ti;
		}
	}
	if (job->nleads > 1 && job->nterms > 1)
		qsort(job->leads, job->nleads, sizeof *job->leads,
		    counts_lead_cmp);
}

/*
 * Is term ti at text[at], where a word of an ASCII run starts?  Its words
 * are split from there to a blank (no word goes across one), and on to
 * the next ones while the term has more words.
 */
static bool
counts_term_at(struct stats_counter *job, const char *text, size_t len,
    size_t at, size_t ti)
{
	const unsigned char	*p = (const unsigned char *)text;
	struct stats_words	*w = &job->words_at;
	size_t			 end = at;

	for (;;) {
		for (; end < len && !words_blank(p[end]); end++)
			;
		stats_words_split(w, text + at, end - at);
		if (w->n >= job->t[ti].nwords || end == len)
			break;
		for (; end < len && words_blank(p[end]); end++)
			;
	}
	return stats_term_at(&job->t[ti], text + at, w, 0, &job->fold);
}

/*
 * The words of the run between blanks text[start..end), which holds a byte
 * beyond ASCII or an underscore, the idx-th word of the text on: each
 * looked at for a term of one word; false if one may start a term of
 * more words, which stats_counter_text then leaves to counts_any.
 */
static bool
counts_odd_run(struct stats_counter *job, const char *text, size_t start,
    size_t end, const struct stats_hit *where, size_t *idx)
{
	struct stats_words	*w = &job->words_at;
	const char		*run = text + start;
	size_t			 j, ti;
	uint64_t		 m;

	stats_words_split(w, run, end - start);
	for (j = 0; j < w->n; j++) {
		m = counts_word_terms(job, run, &w->v[j], w->ascii);
		for (ti = 0; m != 0 && ti < job->nterms; ti++) {
			if (!(ti >= 63 ? m >> 63 : m >> ti & 1))
				continue;
			if (job->t[ti].nwords > 1)
				return false;
			if (stats_term_at(&job->t[ti], run, w, j, &job->fold))
				counts_hit(job, (uint32_t)ti, where,
				    where->pos + *idx + j);
		}
	}
	*idx += w->n;
	return true;
}

size_t
stats_counter_text(struct stats_counter *job, const char *text, size_t len,
    const struct stats_hit *where)
{
	const unsigned char	*p = (const unsigned char *)text;
	size_t			 first = job->nhits, idx = 0, c = 0, from, at;
	size_t			 next = 0, odd, start, end;
	uint32_t		 ti;

	counts_find_leads(job, text, len);
	while (next < len) {
		/* ASCII without an underscore up to the run of odd. */
		odd = words_next_odd(text, next, len, true);
		for (start = odd; odd < len && start > next &&
		    !words_blank(p[start - 1]); start--)
			;
		for (from = next; c < job->nleads &&
		    job->leads[c].at < start; c++) {
			at = job->leads[c].at;
			ti = job->leads[c].term;
			if (!stats_words_start_plain(text, at))
				continue;
			idx += stats_words_count_plain(text, from, at);
			from = at;
			if (counts_term_at(job, text, len, at, ti))
				counts_hit(job, ti, where, where->pos + idx);
		}
		idx += stats_words_count_plain(text, from, start);
		if (odd == len)
			break;
		/* The run: its words found, the places in it passed. */
		for (end = odd; end < len && !words_blank(p[end]); end++)
			;
		for (; c < job->nleads && job->leads[c].at < end; c++)
			;
		if (!counts_odd_run(job, text, start, end, where, &idx)) {
			job->nhits = first;
			idx = counts_any(job, text, len, where);
			break;
		}
		next = end;
	}
	return idx;
}
