/*
 * counts-private.h -- what counting the corpus (counts.c) and counting
 * one text (counts-text.c) share: the work of one thread.
 */
#ifndef CHARTA_COUNTS_PRIVATE_H
#define CHARTA_COUNTS_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "index/find.h"
#include "stats/stats.h"
#include "text/text.h"

/* A place where a term's first word is, to look at (counts-text.c). */
struct counts_lead {
	uint32_t	at;		/* byte offset in the text */
	uint32_t	term;
};

/*
 * The work of one thread: documents [from, to), their parts starting at
 * part.  The counts of a document and of its parts are its own thread's
 * to write; occurrences and totals are kept apart and joined after.
 */
struct counts_job {
	struct stats_counts		*k;
	const struct corpus		*c;
	const struct stats_term		*t;
	size_t				 from;
	size_t				 to;
	size_t				 part;
	struct stats_hit		*hits;
	size_t				 nhits;
	size_t				 cap;
	uint64_t			*total;		/* [nterms] */
	uint64_t			 words;
	/*
	 * The terms a word may start, by its first byte: bit ti for term
	 * ti (every term past 64).  first: of the word as written (ASCII
	 * lowered; all for a byte beyond ASCII, which may fold to anything);
	 * folded: of the word folded.  Most words start none.
	 */
	const uint64_t			*first;
	const uint64_t			*folded;
	/*
	 * Each term's first word, to find in ASCII text; len 0 for a word
	 * beyond ASCII or with an underscore, which plain text never holds.
	 */
	const struct find_term		*lead;
	/* Scratch space for one text at a time. */
	struct stats_words		 words_at;
	struct text_buf			 fold;
	struct text_buf			 folded_word;
	struct counts_lead		*leads;
	size_t				 nleads;
	size_t				 leadcap;
};

/*
 * Count the words of node i's text[0..len) and find the terms in it: the
 * text's first word is word pos of document d, in part; its occurrences
 * are added to job->hits, in reading order, and counted.  Returns how
 * many words the text has.
 */
size_t	counts_text(struct counts_job *job, const char *text, size_t len,
	    uint32_t d, uint32_t part, uint32_t i, uint64_t pos);

#endif /* CHARTA_COUNTS_PRIVATE_H */
