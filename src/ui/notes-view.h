/*
 * notes-view.h -- what the two files of `:notes` share (not for other
 * views): notes-view-rows.c reads the notes and makes the rows,
 * notes-view.c is the view, its keys and the command.
 */
#ifndef CHARTA_NOTES_VIEW_H
#define CHARTA_NOTES_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/state.h"

struct app;
struct listview;

/* One row: a draft or a note, and where it is. */
struct notes_row {
	bool		 draft;
	size_t		 k;		/* in drafts or notes */
	uint32_t	 node;		/* CORPUS_NONE: gone */
};

/*
 * What is read once when the list opens (or the notes change), so that a
 * key of the filter or s re-reads, re-places and re-folds nothing: with
 * 10,000 notes each key only matches the folded bodies and lists the
 * rows made already.
 */
struct notes_row_cache;

struct notes_list {
	struct app		*app;
	char			(*id)[STATE_ID_SIZE];	/* per live note */
	size_t			 nnotes;
	struct state_draft	*drafts;
	size_t			 ndrafts;
	uint32_t		*place;		/* drafts', then notes' nodes */
	char			**line;		/* per note: its row, made when it
					   is first shown (NULL till then) */
	struct notes_row_cache	*rows_made;	/* what rows share */
	char			**dline;	/* per draft: its row */
	char			**folded;	/* per note: its body folded */
	size_t			 nfolded;	/* the first nfolded are */
	size_t			*index;		/* per note: in state_note_view */
	size_t			*flen;
	int64_t			*modified;	/* per note */
	size_t			*by_place;	/* the notes in either order */
	size_t			*by_date;
	bool			*hit;		/* per note: the query matches */
	bool			 hits_valid;	/* hit is for hits_gen's query */
	unsigned long		 hits_gen;
	struct notes_row	*rows;		/* those listed */
	size_t			 nrows;
	size_t			 cap;
	bool			 by_date_on;
	char			 deleted[STATE_ID_SIZE];	/* for undo */
};


/* The list's free_arg: free nl and what it read. */
void	notes_list_free(void *nl);

/*
 * List the notes read, those the query matches, in the order chosen: what
 * "/" and "s" change, so they read, place and sort nothing again.
 */
void	notes_list_show(struct listview *, struct notes_list *);

/*
 * The listview's text_of: the row of note k, made now if it is not yet
 * (as the list shows it).
 */
const char *notes_list_row(void *nl, size_t k);

/* Read the notes again (where each is) and list them. */
void	notes_list_fill(struct listview *, struct notes_list *);

/*
 * Fold the bodies of up to max more notes for the filter (after the list
 * is drawn, between keys).  Returns false if the notes are no longer
 * those read: the list must be read again (notes_list_fill).
 */
bool	notes_list_fold(struct notes_list *, size_t max);

#endif /* CHARTA_NOTES_VIEW_H */
