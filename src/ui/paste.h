/*
 * paste.h -- the text of a bracketed paste (xterm's mode 2004), byte by
 * byte: the terminal sends ESC [ 200 ~, the pasted bytes, ESC [ 201 ~.
 *
 * The protocol cannot tell an end marker inside the pasted text from the
 * real one (some terminals strip it from what they paste; tmux 3.3 does
 * not): the first ESC [ 201 ~ ends the paste, and what follows it comes
 * as typed keys, which can do what typing them could and no more.  Everything before it is text, control characters and ill-formed
 * UTF-8 included, for the caller to insert as it is and draw through the
 * sanitizer.
 */
#ifndef CHARTA_PASTE_H
#define CHARTA_PASTE_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"

/* The most of one paste that is kept; the rest is counted, not kept. */
#define PASTE_MAX	(64 * 1024)

struct paste {
	struct text_buf	 text;		/* the pasted bytes (NUL-terminated) */
	size_t		 dropped;	/* bytes beyond PASTE_MAX */
	size_t		 matched;	/* bytes of the end marker seen */
	bool		 ended;		/* the end marker came */
};

/* Start an empty paste (after ESC [ 200 ~). */
void	paste_init(struct paste *);

/*
 * Take the next byte from the terminal.  Returns true once the end marker
 * has come (p->ended): the paste is whole and takes no more bytes.  A part
 * of the marker followed by anything else is text.
 */
bool	paste_feed(struct paste *, unsigned char byte);

/*
 * The paste ends without its marker (the input paused, or the reader is
 * ending): a part of the marker held back is text after all.
 */
void	paste_cut(struct paste *);

/* Free the text.  The struct may be paste_init'ed again. */
void	paste_free(struct paste *);

#endif /* CHARTA_PASTE_H */
