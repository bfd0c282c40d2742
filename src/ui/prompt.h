/*
 * prompt.h -- the one-line editor of the bottom line (the ':' command line
 * and reference prompts): Left/Right, Home/End, Backspace, Delete, C-w,
 * C-u, C-a, C-e, and Tab completion supplied by the caller.
 */
#ifndef CHARTA_PROMPT_H
#define CHARTA_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"

enum prompt_result {
	PROMPT_EDITING,		/* still editing */
	PROMPT_DONE,		/* Enter: the text is ready */
	PROMPT_CANCEL,		/* Esc or C-c */
	PROMPT_COMPLETE,	/* Tab: the caller may complete */
};

/* The most text the prompt holds, in bytes. */
#define PROMPT_MAX	4096

struct prompt {
	bool		 active;
	const char	*label;		/* ":" or a translated "goto: " */
	struct text_buf	 buf;		/* UTF-8, NUL-terminated */
	size_t		 cursor;	/* byte offset in buf */
};

/* Open the prompt with label (not copied: keep it alive) and empty text. */
void	prompt_open(struct prompt *, const char *label);
/* Close the prompt and free its text. */
void	prompt_close(struct prompt *);
/* Replace the text (completion) and put the cursor at its end. */
void	prompt_set(struct prompt *, const char *text);

/*
 * Feed one key: ch is a character (is_func false) or a curses KEY_ code.
 * Returns what happened.
 */
enum prompt_result prompt_key(struct prompt *, int ch, bool is_func);

/*
 * Insert pasted text s[0..n) at the cursor, as text: no byte of it is a
 * key.  The prompt is one line, so each line break (CR, LF or CR LF)
 * becomes one space, and a NUL (which the text cannot hold) U+FFFD; the
 * rest is kept as it is -- tabs, escapes, bidi controls, ill-formed
 * UTF-8 -- and drawn through the sanitizer.  Only as much as fits in
 * PROMPT_MAX is taken, never half a character.  Returns the number of
 * bytes of s taken (n if all of it).
 */
size_t	prompt_paste(struct prompt *, const char *s, size_t n);

/* The prompt's text ("" if empty). */
const char *prompt_text(const struct prompt *);

/* Draw the prompt on row y, width columns, and place the cursor. */
void	prompt_draw(const struct prompt *, int y, size_t width);

#endif /* CHARTA_PROMPT_H */
