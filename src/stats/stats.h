/*
 * stats.h -- counting words: the words of a text, terms, counts per
 * document and chapter with where each occurrence falls, collocates,
 * keyness, the stop word list, and the plots as SVG.  The concordance
 * (KWIC) is in kwic.h.
 *
 * What a word is (the counting rules; doc/charta.1 states them for the
 * user): a run of text between two UAX #29 word breaks (libunistring's
 * u8_wordbreaks) that holds a letter or a digit, as in src/diff.  So
 * "state-to-state" is three words (a hyphen ends a word), "China's" and
 * "China’s" one word each (an apostrophe between letters stays inside),
 * "countries’" one word and a mark, "1,000" and "2.5" one word, "U.S." the
 * word "U.S" and a full stop, and each Chinese or Japanese ideograph a
 * word of its own ("网络" is two).  Words are compared folded as search
 * folds them (index_fold: case and accents), so "Sovereignty" and
 * "SOVEREIGNTY" are one word.  A document's words are every word of its
 * title, its headings and its blocks, in reading order; labels are not
 * text.
 *
 * A term (what `charta stats` counts) is one word or several in a row (a
 * phrase: "shared future", which also matches "shared-future", since the
 * hyphen is no word); a word ending in '*' matches every word that starts
 * with it ("sovereign*").
 *
 * Ownership: results are structures the caller provides, filled here with
 * malloc'ed arrays and released by their _free function (NULL or a zeroed
 * struct is fine).  Allocation failure is fatal (util/xmalloc.h); the
 * functions that can fail otherwise return -1 with a message in *err
 * (malloc'ed, naming the file and line, or the term).
 */
#ifndef CHARTA_STATS_H
#define CHARTA_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/text.h"
#include "util/hash.h"

struct corpus;

/* ------------------------------------------------------------------ */
/* Words (words.c) */

/* One word: its bytes in the text it was split from. */
struct stats_word {
	uint32_t	off;
	uint32_t	len;
};

/* The words of one text; reused from text to text to save allocations. */
struct stats_words {
	struct stats_word	*v;
	size_t			 n;
	size_t			 cap;
	bool			 ascii;		/* the text was all ASCII */
	char			*brk;		/* u8_wordbreaks' scratch */
	size_t			 brkcap;
};

/* An empty list (no allocation yet). */
void	 stats_words_init(struct stats_words *);
/* Free what the list holds; it may be used again after init. */
void	 stats_words_free(struct stats_words *);

/*
 * Split s[0..n) (n below 4 GB) into words, replacing w's contents.  Plain
 * ASCII takes a fast path that gives the same words as u8_wordbreaks
 * (tests/unit/test-stats.c holds them to it); ill-formed bytes break words.
 */
void	 stats_words_split(struct stats_words *w, const char *s, size_t n);
/*
 * Plain text: all ASCII, without an underscore, where words are found and
 * counted a part at a time (counts-text.c looks only where a term is).
 * A word of a plain text starts with a letter or a digit.
 */
bool	 stats_words_plain(const char *s, size_t n);
/*
 * Does a word start at s[at] (at within s), by the rules of plain text?
 * Only s[at] and the two bytes before it are looked at; s may hold bytes
 * beyond ASCII elsewhere (one just before at ends any word there).
 */
bool	 stats_words_start_plain(const char *s, size_t at);
/*
 * How many words of plain text s start in s[from..to), where from and to
 * are each s's start or end, a word's start, or the end of a word.
 */
size_t	 stats_words_count_plain(const char *s, size_t from, size_t to);
/* The same by u8_wordbreaks alone, for testing the fast path against. */
void	 stats_words_split_slow(struct stats_words *w, const char *s,
	    size_t n);

/*
 * Put word s[0..n) folded as search folds it into out (its contents
 * replaced; NUL-terminated).  ASCII is lowered in place of index_fold,
 * which does the same to it.
 */
void	 stats_word_fold(struct text_buf *out, const char *s, size_t n);

/*
 * The text of node i that counts: a block's text, a section's (or the
 * document's) title.  Its length in *len; it lives as long as the corpus.
 */
const char *stats_node_text(const struct corpus *, uint32_t i, size_t *len);

/* ------------------------------------------------------------------ */
/* Terms (term.c) */

struct stats_term {
	char		*text;		/* as given, for display */
	char		**words;	/* folded, NUL-terminated */
	size_t		*lens;
	bool		*prefix;	/* the word ended in '*' */
	size_t		 nwords;
};

/*
 * Parse s (NUL-terminated) as a term.  Returns 0, or -1 with *err (a new
 * string) when s holds no word at all.
 */
int	 stats_term_parse(struct stats_term *t, const char *s, char **err);
void	 stats_term_free(struct stats_term *t);

/*
 * Does t occur at word k of text's words w?  fold is scratch space.
 * Words of a phrase must all be in w (a term never spans two texts).
 */
bool	 stats_term_at(const struct stats_term *t, const char *text,
	    const struct stats_words *w, size_t k, struct text_buf *fold);

/* ------------------------------------------------------------------ */
/* Counting one text at a time (counts-text.c) */

struct stats_hit;

/*
 * What stats_count does for each node, for a caller that reads the corpus
 * itself (as it streams by): terms t[0..nt) (which must outlive it) found
 * and words counted, one text after another, on one thread.
 */
struct stats_counter;

struct stats_counter *stats_counter_new(const struct stats_term *t,
	    size_t nt);
/* Free the counter and the hits it holds; NULL is a no-op. */
void	 stats_counter_free(struct stats_counter *);

/*
 * Count the words of text[0..len) and find the terms in it: its first word
 * is word at->pos of document at->doc, in part at->part, of node at->node.
 * Each occurrence is added to the counter's hits as *at with its term and
 * its word's place, in reading order (by word, then by term).  Returns
 * how many words the text has (stats_words_split's).
 */
size_t	 stats_counter_text(struct stats_counter *, const char *text,
	    size_t len, const struct stats_hit *at);

/* How many hits the counter holds. */
size_t	 stats_counter_held(const struct stats_counter *);
/* Hand over the hits so far (malloc'ed, *n of them); the counter keeps none. */
struct stats_hit *stats_counter_take(struct stats_counter *, size_t *n);

/* ------------------------------------------------------------------ */
/* Counts per document and chapter (counts.c) */

/*
 * A chapter, for counting: a top-level section of a document (preface,
 * chapter, letter, conclusion, ...), or the document's own part: its title
 * and whatever comes before its first top-level section (all of it, for a
 * document without sections).  A document's parts add up to it.
 */
struct stats_part {
	uint32_t	node;		/* the section, or the document node */
	uint32_t	doc;
	uint64_t	first;		/* its first word's place in the doc */
	uint64_t	words;
};

/* One occurrence of a term. */
struct stats_hit {
	uint32_t	term;
	uint32_t	doc;
	uint32_t	part;		/* index into parts */
	uint32_t	node;
	uint64_t	pos;		/* its first word's place in the doc */
};

struct stats_counts {
	size_t			 nterms;
	size_t			 ndocs;
	uint64_t		*doc_words;	/* [ndocs] */
	uint64_t		*doc_count;	/* [nterms * ndocs] */
	struct stats_part	*parts;
	size_t			 nparts;
	uint64_t		*part_count;	/* [nterms * nparts] */
	struct stats_hit	*hits;		/* in reading order */
	size_t			 nhits;
	uint64_t		*total;		/* [nterms]: the whole corpus */
	uint64_t		 words;		/* words in the corpus */
};

/*
 * Count terms t[0..nt) in every document of c: words and occurrences per
 * document and per part, and every occurrence.  out is overwritten.
 */
void	 stats_count(struct stats_counts *out, const struct corpus *c,
	    const struct stats_term *t, size_t nt);
/*
 * Fill in k's counts per document and part and its totals (allocated
 * here, replacing any) from its hits, nterms, ndocs and nparts.
 */
void	 stats_counts_tally(struct stats_counts *k);
void	 stats_counts_free(struct stats_counts *);

/* Occurrences per 10,000 words (0 for no words). */
double	 stats_rate(uint64_t count, uint64_t words);

/* ------------------------------------------------------------------ */
/* Folded words and their frequencies (vocab.c) */

/*
 * A vocabulary: each distinct folded word once, with an id (0, 1, ...)
 * and a count.
 */
struct stats_vocab {
	struct text_buf	 pool;		/* the words, NUL after each */
	size_t		*off;		/* word id's offset in pool */
	uint64_t	*count;
	size_t		 n;
	size_t		 cap;
	struct hashtab	 table;		/* hash of the word -> id */
};

void	 stats_vocab_init(struct stats_vocab *);
void	 stats_vocab_free(struct stats_vocab *);
/* The id of folded word s[0..n), added (count 0) if new. */
uint32_t stats_vocab_add(struct stats_vocab *, const char *s, size_t n);
/* The id of folded word s[0..n), or UINT32_MAX. */
uint32_t stats_vocab_find(const struct stats_vocab *, const char *s,
	    size_t n);
/* Word id's text (NUL-terminated). */
const char *stats_vocab_word(const struct stats_vocab *, uint32_t id);

/*
 * Count every word of the nodes in ranges[0..nranges) (pairs of node
 * indices [from, to), each node once even if ranges overlap) into v:
 * count[id] += 1 for each; returns the words counted.
 */
uint64_t stats_vocab_count(struct stats_vocab *v, const struct corpus *c,
	    const uint32_t (*ranges)[2], size_t nranges);

/*
 * Sort v[0..n) (elements of size bytes) by cmp, which gets arg as its
 * third argument; stable (sort.c).
 */
void	 stats_sort(void *v, size_t n, size_t size,
	    int (*cmp)(const void *, const void *, const void *),
	    const void *arg);

/*
 * A table's header line (columns.c): names[0..n), two spaces apart, each
 * padded to widths[k] display columns, on the left if widths[k] > 0
 * (right-aligned), on the right if < 0 (left-aligned; not the last).  The
 * names are charta's own text (translated), not data.  A new string.
 */
char	*stats_columns(const char *const *names, const int *widths, size_t n);

/* ------------------------------------------------------------------ */
/* Stop words (stopwords.c) */

/*
 * The stop word list: the user's own file if there is one
 * ($XDG_CONFIG_HOME/charta/stopwords, or ~/.config/charta/stopwords),
 * else the one shipped with the corpus (data/stopwords.txt).  Returns the
 * path of the file to read (a new string).
 */
char	*stats_stopwords_path(void);

/*
 * Read the list at path into v (initialised; words folded): one word a
 * line, blank lines and '#' comments ignored.  Returns 0, or -1 with
 * "PATH:LINE: message" (or "PATH: reason") in *err; then v holds nothing
 * (and is still the caller's to free).
 */
int	 stats_stopwords_load(struct stats_vocab *v, const char *path,
	    char **err);

/* ------------------------------------------------------------------ */
/* Collocates (collocates.c) */

struct stats_collocate {
	uint32_t	word;		/* id in the result's vocabulary */
	uint64_t	near;		/* times within the window: f(xy) */
	uint64_t	freq;		/* times in the texts: f(y) */
	double		logdice;	/* 14 + log2(2 f(xy) / (f(x) + f(y))) */
	double		mi;		/* log2(f(xy) N / (f(x) f(y))) */
};

struct stats_collocates {
	struct stats_vocab	 vocab;
	struct stats_collocate	*v;		/* by log-Dice, best first */
	size_t			 n;
	uint64_t		 node_freq;	/* f(x): the term's occurrences */
	uint64_t		 words;		/* N */
	size_t			 window;
	uint64_t		 min;
	bool			 done;		/* v and n are the result */
	/* private, while counting: */
	const struct corpus	*c;
	const struct stats_term	*t;
	uint32_t		 next;
	uint32_t		 to;
	uint64_t		*near;		/* f(xy) by word id */
	size_t			 nearlen;
	size_t			 nearcap;
	uint32_t		*ids;
	size_t			 idcap;
	uint8_t			*inside;
	size_t			 incap;
	struct stats_words	 w;
	struct text_buf		 fold;
};

/*
 * The collocates of term t in the nodes [from, to) of c: the words within
 * window words before or after an occurrence, in the same block (or
 * title), leaving out stop words and the term's own words, kept if near
 * at least min times.  out is overwritten.
 */
void	 stats_collocates(struct stats_collocates *out,
	    const struct corpus *c, const struct stats_term *t, uint32_t from,
	    uint32_t to, size_t window, uint64_t min,
	    const struct stats_vocab *stop);
void	 stats_collocates_free(struct stats_collocates *);
/*
 * The same a slice at a time (the reader counts between frames):
 * _start (c and t must outlive out), _more over up to nodes more nodes
 * (true once all are counted), _finish to leave out the stop words,
 * compute the measures and sort.
 */
void	 stats_collocates_start(struct stats_collocates *out,
	    const struct corpus *c, const struct stats_term *t, uint32_t from,
	    uint32_t to, size_t window, uint64_t min);
bool	 stats_collocates_more(struct stats_collocates *out, size_t nodes);
void	 stats_collocates_finish(struct stats_collocates *out,
	    const struct stats_vocab *stop);

/* ------------------------------------------------------------------ */
/* Keyness (keyness.c) */

struct stats_key {
	uint32_t	word;		/* id in the result's vocabulary */
	uint64_t	a;		/* times in A */
	uint64_t	b;		/* times in B */
	double		ll;		/* log-likelihood (G2) */
	double		log_ratio;	/* log2 of A's rate over B's */
};

struct stats_keyness {
	struct stats_vocab	 vocab;
	struct stats_key	*v;		/* by ll, highest first */
	size_t			 n;
	uint64_t		 words_a;
	uint64_t		 words_b;
	uint64_t		 min;
};

/* G2 above this is significant at p < 0.05 (one degree of freedom). */
#define STATS_LL_CRITICAL	3.84

/*
 * The words whose frequency differs between A (node ranges a[0..na)) and
 * B (b[0..nb)) with log-likelihood at least STATS_LL_CRITICAL, seen at
 * least min times in A and B together, stop words left out.  out is
 * overwritten.
 */
void	 stats_keyness(struct stats_keyness *out, const struct corpus *c,
	    const uint32_t (*a)[2], size_t na, const uint32_t (*b)[2],
	    size_t nb, uint64_t min, const struct stats_vocab *stop);
void	 stats_keyness_free(struct stats_keyness *);

/* G2 of a word seen a times in na words and b times in nb words. */
double	 stats_log_likelihood(uint64_t a, uint64_t na, uint64_t b,
	    uint64_t nb);
/* Hardie's log ratio, zero frequencies taken as 0.5. */
double	 stats_log_ratio(uint64_t a, uint64_t na, uint64_t b, uint64_t nb);

/* ------------------------------------------------------------------ */
/* The plots as SVG (svg.c) */

/*
 * A self-contained SVG of the counts: for each term, a bar chart of its
 * rate per 10,000 words per document (by_part: per chapter) and a
 * dispersion plot (each document a line of its length, chapters marked,
 * one tick per occurrence).  Returns a new string.
 */
char	*stats_svg(const struct corpus *c, const struct stats_counts *k,
	    const struct stats_term *t, bool by_part);

#endif /* CHARTA_STATS_H */
