/*
 * compare.h -- two passages, paragraph by paragraph: the parts of each side
 * in reading order (headings and blocks), grouped into aligned pairs, and
 * the words that differ within a pair.  Used by the reader's comparison
 * view and by `charta compare`; drawing is theirs.
 */
#ifndef CHARTA_COMPARE_H
#define CHARTA_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct corpus;

/* One aligned group: a_count parts of side 0 facing b_count of side 1. */
struct compare_group {
	size_t	first[2];	/* index of the first part, per side */
	size_t	count[2];	/* 0, 1 or 2 parts */
};

struct compare {
	const struct corpus	*c;
	uint32_t		 root[2];
	uint32_t		*parts[2];	/* nodes, in reading order */
	size_t			 nparts[2];
	struct compare_group	*groups;
	size_t			 ngroups;
};

/*
 * Align the subtrees of nodes left and right.  Two passages with the same
 * shape (the same kinds in the same order, as two translations of one work
 * have) are paired part by part; otherwise the parts are aligned by the
 * words they share (diff_align), allowing parts found on one side only and
 * a paragraph split in two on one side.
 */
void	compare_build(struct compare *, const struct corpus *c,
	    uint32_t left, uint32_t right);
/* Free what compare_build allocated. */
void	compare_free(struct compare *);

/*
 * The raw text of side s of group g (a new string; "" if the side is
 * empty): a heading as "LABEL  Title", a block as its text, two parts
 * separated by a blank line.  Sanitize before display.
 */
char	*compare_group_text(const struct compare *, size_t g, int s);

/* A byte range of a display string. */
struct compare_span {
	size_t	start;
	size_t	end;
};

/*
 * The words of a[0..alen) and b[0..blen) that the other side does not have
 * (by a word LCS that ignores case, accents and punctuation): spans for each
 * side (malloc'ed arrays, NULL if none).  Returns the similarity, 0-100
 * (shared words / all words, both sides), and in *shared and *total the
 * counts behind it, for summing over a section.
 */
int	compare_words(const char *a, size_t alen, const char *b, size_t blen,
	    struct compare_span **as, size_t *nas, struct compare_span **bs,
	    size_t *nbs, size_t *shared, size_t *total);

#endif /* CHARTA_COMPARE_H */
