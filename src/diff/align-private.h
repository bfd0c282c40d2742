/*
 * align-private.h -- the word bags behind diff_align() (align-bags.c), shared
 * with the alignment itself (align.c).  Not for use outside src/diff.
 */
#ifndef CHARTA_DIFF_ALIGN_PRIVATE_H
#define CHARTA_DIFF_ALIGN_PRIVATE_H

#include <stddef.h>
#include <stdint.h>


/*
 * Every paragraph's words as a bag: its distinct key hashes, sorted, each
 * with how often it occurs and its weight.  a's paragraphs are 0..na-1,
 * b's na.. after them.
 */
struct align_bags {
	uint64_t	*h;
	uint32_t	*n;	/* occurrences of h[k] in its paragraph */
	uint32_t	*w;	/* weight of one occurrence of h[k] */
	size_t		*id;	/* h[k]'s number (< nid), the same per hash */
	size_t		 nid;
	size_t		*start;	/* paragraph p is h[start[p]..start[p+1]) */
	uint64_t	*total;	/* paragraph p's total weight */
};

/* For each word id, the paragraphs of b with it, in order. */
struct align_postings {
	size_t		*start;		/* id's are j[start[id]..start[id+1]) */
	size_t		*j;		/* paragraph of b, from 0 */
	uint32_t	*n;		/* occurrences there */
};

/*
 * Split the na paragraphs of a and the nb of b (lengths alen, blen) into
 * bags and weigh their words.  Free with align_bags_free().
 */
void	align_bags_build(struct align_bags *, const char *const *,
	    const size_t *, size_t, const char *const *, const size_t *, size_t);
void	align_bags_free(struct align_bags *);

/*
 * The weight paragraph x shares with y1 and y2 together (y2 == SIZE_MAX:
 * y1 alone), and the weighted Dice similarity in permille (0..1000) of x
 * with them given that shared weight; align_sim() is the two at once.
 */
uint64_t align_common(const struct align_bags *, size_t, size_t, size_t);
int	align_permille(const struct align_bags *, uint64_t, size_t, size_t,
	    size_t);
int	align_sim(const struct align_bags *, size_t, size_t, size_t);

/* The postings of b's na..na+nb-1 paragraphs, by word id; and their free. */
void	align_postings_build(struct align_postings *,
	    const struct align_bags *, size_t, size_t);
void	align_postings_free(struct align_postings *);

/*
 * acc[j - jlo] = the weight paragraph x of a shares with paragraph j of b,
 * for j in jlo..jhi.
 */
void	align_row_common(const struct align_bags *,
	    const struct align_postings *, size_t, size_t, size_t, uint64_t *);

#endif
