/*
 * notes.h -- writing a note in the user's editor (reader-notes.c), for the
 * reader and the notes list.
 */
#ifndef CHARTA_NOTES_H
#define CHARTA_NOTES_H

#include <stdint.h>

struct app;

/*
 * Edit body in $VISUAL or $EDITOR (curses suspended meanwhile) and keep
 * the result: as note id's new body, or as a new note on node when id is
 * NULL or "".  Unchanged or empty text keeps nothing, with a message.  If
 * the terminal goes away meanwhile, the text is kept as a draft and 1 is
 * returned (the reader then ends).  Returns 0, 1, or -1 after a message.
 */
int	note_edit(struct app *, uint32_t node, const char *id,
	    const char *body);

#endif /* CHARTA_NOTES_H */
