/*
 * study.h -- where a note or a mark is, in the corpus: the logical place
 * of a node (so that a note on mfa:II.2.p3 is also on un:II.2.p3), a
 * text-quote selector of its words (W3C Web Annotation), and finding the
 * node again from either, after a re-import too.
 *
 * The logical place of a node of a document that belongs to a work is the
 * work and a path: the anchor of the nearest section at or above it that
 * has one, then, for a block, its position among that section's blocks
 * ("sovereignty/3": the third paragraph of the section anchored
 * sovereignty).  That is how two translations of a work correspond
 * (corpus_counterparts).  A document that belongs to no work has no
 * logical places: its nodes are found by slug and label.
 *
 * Strings handed out are malloc'ed: free them with the matching _free.
 */
#ifndef CHARTA_STUDY_H
#define CHARTA_STUDY_H

#include <stdbool.h>
#include <stdint.h>

#include "store/state.h"
#include "util/hash.h"

struct corpus;

/*
 * Fill *at with where node i is: work and path when its document has a
 * work and the node a path (else both NULL), and always its document's
 * slug and its label.  Free with study_anchor_free.
 */
void		study_anchor_of(const struct corpus *, uint32_t i,
		    struct state_anchor *at);
/* Make *dst a copy of *src (free with study_anchor_free). */
void		study_anchor_dup(struct state_anchor *dst,
		    const struct state_anchor *src);
/* Free the strings of *at (and set them to NULL). */
void		study_anchor_free(struct state_anchor *at);

/*
 * The node at: in document prefer (a document index, or CORPUS_NONE) if
 * it belongs to at's work; else where it was set (its slug and label, or
 * its work and path there); else in the first document of its work that
 * has it.  CORPUS_NONE if the place is gone.
 */
uint32_t	study_resolve(const struct corpus *,
		    const struct state_anchor *at, uint32_t prefer);

/*
 * The nearest surviving node: at's node, or its label's ancestors in
 * turn ("IV.5.p9", then "IV.5", then "IV"), or its document.  CORPUS_NONE
 * if the document is gone.  *exact says whether it is at's own node.
 */
uint32_t	study_resolve_near(const struct corpus *,
		    const struct state_anchor *at, bool *exact);

/*
 * Every node at the logical place of at, in each document of its work (or
 * its own node, for a place without a work): returns how many, and a
 * malloc'ed array in *out (NULL if none).
 */
size_t		study_nodes(const struct corpus *,
		    const struct state_anchor *at, uint32_t **out);

/* True if node i is at the logical place of at (in any translation). */
bool		study_at(const struct corpus *, uint32_t i,
		    const struct state_anchor *at);

/*
 * A text-quote selector for node i: its text (a block's, or a section's
 * title) as exact, with up to STUDY_QUOTE_CONTEXT bytes of the text before
 * and after it in reading order as prefix and suffix.  Free with
 * study_quote_free.
 */
#define STUDY_QUOTE_CONTEXT	32
void		study_quote_of(const struct corpus *, uint32_t i,
		    struct state_quote *q);
void		study_quote_free(struct state_quote *q);

/*
 * A node for a note whose place is gone, found by its quote: the node of
 * at's document (or of a document of its work) whose text is the quote's
 * exact text, or failing that contains it, the prefix and suffix deciding
 * between several.  CORPUS_NONE if there is none.
 */
uint32_t	study_reattach(const struct corpus *,
		    const struct state_anchor *at,
		    const struct state_quote *q);

/*
 * Where a note on at, on the words q, is after any re-import.  Its words
 * are checked in the document the note was set in: its place there
 * (study_resolve), as long as that node still holds them, or text close
 * to them (the paragraph was edited); else the node its words are at now
 * (study_reattach: a paragraph was inserted before it, or it moved), with
 * *moved set; else CORPUS_NONE: the note is orphaned.  A place that names
 * another paragraph now is never taken for the note's own.  When that
 * document is gone, or the note has no words, its place (in another
 * translation) is taken as it is.
 */
uint32_t	study_note_place(const struct corpus *,
		    const struct state_anchor *at, const struct state_quote *q,
		    bool *moved);

/*
 * Placing many notes: study_note_place's answers, each computed once for
 * all the notes on the same place and words (a few hundred placings for
 * 10,000 notes on as many paragraphs).  The strings of the places and
 * quotes given are the caller's and must live as long as the placer.
 *
 *	study_placer_init(&pl, c, n);
 *	for (k = 0; k < n; k++)
 *		node[k] = study_placer_place(&pl, &notes[k].at,
 *		    &notes[k].quote, &moved, NULL);
 *	study_placer_free(&pl);
 */
struct study_placer {
	const struct corpus	*c;
	struct hashtab		 seen;
	struct study_placed	*placed;
	size_t			 n;
	size_t			 cap;
};

/* Start a placer for corpus c, sized for about expected notes. */
void		study_placer_init(struct study_placer *,
		    const struct corpus *c, size_t expected);
/*
 * study_note_place(c, at, q, moved), remembered by the placer.  If group
 * is not NULL, it receives the number of the place and words (0, 1, ...
 * in the order first met): notes with the same number share them.
 */
uint32_t	study_placer_place(struct study_placer *,
		    const struct state_anchor *at,
		    const struct state_quote *q, bool *moved, size_t *group);
/* Free what the placer holds (not the caller's strings). */
void		study_placer_free(struct study_placer *);

#endif /* CHARTA_STUDY_H */
