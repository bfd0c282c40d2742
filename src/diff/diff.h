/*
 * diff.h -- comparing two translations of the same text: words, the word
 * diff between two paragraphs, their similarity, and the alignment of two
 * sequences of paragraphs.
 *
 * Texts are UTF-8 byte ranges given as (pointer, length); they need not be
 * NUL-terminated and are never modified or retained.  A "word" is a run of
 * text between two UAX #29 word breaks (libunistring's u8_wordbreaks) that
 * holds at least one letter or digit; spaces and punctuation are not words,
 * and a hyphen ends a word ("well-known" is two).  Ideographs are words on
 * their own ("网络" is two words) because UAX #29 breaks between them, and
 * so, without a dictionary, are the letters of Thai and other scripts
 * written without spaces.  Combining marks stay with their letter.
 *
 * Words compare by key: the word folded with text_fold() (case and accents:
 * "Été" is "ete") with punctuation and format characters inside it removed,
 * so that "people's", "People’s" and "peoples" are the same word, as are
 * "cooperation" and "co\u00ADoperation" with a soft hyphen.
 *
 * Ownership: diff_words_split() and diff_compute() fill a structure the
 * caller provides and owns; its arrays are malloc'ed and released by
 * diff_words_free() and diff_result_free().  diff_align() returns a
 * malloc'ed array the caller frees with free().  Allocation failure is
 * fatal (util/xmalloc.h), so nothing here returns an error.
 */
#ifndef CHARTA_DIFF_H
#define CHARTA_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One word: its bytes in the text it was split from. */
struct diff_word {
	size_t	off;		/* byte offset in the text */
	size_t	len;		/* length in bytes, > 0 */
};

/* The words of one text, in order, with their comparison keys. */
struct diff_words {
	struct diff_word	*w;	/* n words; NULL when n == 0 */
	size_t			 n;

	/* Private to src/diff: the keys, see the top of this file. */
	char			*keys;	/* all keys, one after another */
	size_t			*koff;	/* key i is keys[koff[i]..koff[i+1]) */
	uint64_t		*khash;	/* hash of key i */
};

/*
 * Split the UTF-8 text s[0..n) into words and compute their keys.  Ill-
 * formed bytes are never part of a word (they break words like a space).
 * *out is overwritten (not freed first) and must be released with
 * diff_words_free().  Linear time and memory.
 */
void	 diff_words_split(const char *s, size_t n, struct diff_words *out);

/* Release what diff_words_split() allocated and empty *w.  NULL is fine. */
void	 diff_words_free(struct diff_words *w);

/* The outcome of a word diff. */
struct diff_result {
	uint8_t	*a_same;	/* na bytes: 1 if word i of a is common */
	uint8_t	*b_same;	/* nb bytes: 1 if word j of b is common */
	size_t	 na;		/* words in a */
	size_t	 nb;		/* words in b */
	size_t	 common;	/* common words (1s in a_same, and in b_same) */
	bool	 approximate;	/* the diff gave up on a minimal result */
};

/*
 * Diff the words of a and b: mark the words of a longest common
 * subsequence of their keys (the words a reader sees as unchanged); every
 * unmarked word is deleted from a or inserted in b.  The marked words of a
 * and of b, read in order, have equal keys.
 *
 * The result is minimal (a true LCS) unless out->approximate is set.  That
 * only happens when the edit distance runs into thousands (two long texts
 * largely reworded or reordered) and an exact diff would exceed a fixed
 * work budget: the rest is then matched by cheaper means (words unique to
 * both sides as anchors, chunks diffed exactly in parallel), and fewer
 * words may be marked than could be.  Whatever the input, two texts of
 * 100,000 words take well under a second and memory linear in the words;
 * two paragraphs take microseconds.  See lcs.c for the algorithm.
 * *out is overwritten and must be released with diff_result_free().
 */
void	 diff_compute(const struct diff_words *a, const struct diff_words *b,
	    struct diff_result *out);

/* Release what diff_compute() allocated and empty *r.  NULL is fine. */
void	 diff_result_free(struct diff_result *r);

/*
 * The share of common words as a percentage, 2 * common / (na + nb) * 100
 * rounded to the nearest integer (halves up): 0 to 100.  Two texts without
 * words are 100% similar; one without words and one with are 0%.
 */
int	 diff_similarity(const struct diff_result *r);

/* diff_similarity() of two UTF-8 texts, split and diffed on the way. */
int	 diff_text_similarity(const char *a, size_t alen, const char *b,
	    size_t blen);

/*
 * One step of a paragraph alignment: a_count paragraphs of a from a_start
 * correspond to b_count paragraphs of b from b_start.  Counts are 0, 1 or
 * 2 and never both 0: 1-1 is a paragraph and its counterpart, 1-0 and 0-1
 * a paragraph present on one side only, 1-2 and 2-1 a paragraph the other
 * side split in two.
 */
struct diff_group {
	size_t	a_start;
	size_t	a_count;
	size_t	b_start;
	size_t	b_count;
};

/*
 * Align the paragraphs a[0..na) (lengths alen[]) with b[0..nb) (lengths
 * blen[]).  Stores a malloc'ed array of groups in *groups (NULL when both
 * are empty) and returns how many.  The groups are in order and cover
 * every paragraph of both sides exactly once: the first starts at (0, 0),
 * each starts where the previous ended, the last ends at (na, nb).
 *
 * Paragraphs are compared by the words they share, rare words counting
 * more than common ones, regardless of order; the alignment maximises
 * the similarity of the paragraphs put side by side, less a penalty for
 * each paragraph left alone or taken for split (see align.c).  When
 * na == nb and every paragraph is at least 50% similar to its
 * counterpart, the alignment is the diagonal without further search.
 * Otherwise it is searched in a band around the diagonal, so time and
 * memory grow with na + nb (times the band width, at least 20 and up to
 * |na - nb| + 20 when that is affordable), not with na * nb; an alignment
 * that strays further from the diagonal than the band cannot be found.
 */
size_t	 diff_align(const char *const *a, const size_t *alen, size_t na,
	    const char *const *b, const size_t *blen, size_t nb,
	    struct diff_group **groups);

#endif /* CHARTA_DIFF_H */
