/*
 * vt.h -- a small model of an xterm screen for the benchmark harness: it
 * takes what a full-screen program writes to its terminal and keeps the
 * characters on the screen, so that the harness can tell when an expected
 * text is shown (see bench/README, "How a screen is known to be complete").
 *
 * It understands what ncurses, less and fzf send for TERM=xterm-256color:
 * UTF-8 text (wide characters take two cells), cursor movement, erasing,
 * inserting and deleting characters and lines, scrolling regions, the
 * alternate screen and REP.  Attributes and colours are ignored: only the
 * text of the screen is kept.  Requests for the cursor position (CSI 6 n)
 * and the device attributes (CSI c) are answered through a callback, since
 * some programs wait for the answer.
 */
#ifndef CHARTA_BENCH_VT_H
#define CHARTA_BENCH_VT_H

#include <stddef.h>

struct vt;

/* Called with bytes the terminal answers to the program. */
typedef void	vt_reply_fn(void *arg, const char *buf, size_t len);

/*
 * A new screen of cols x rows, blank, cursor at the top left.  reply (may
 * be NULL) receives the terminal's answers to queries.  Returns NULL when
 * out of memory.  Free with vt_free.
 */
struct vt	*vt_new(int cols, int rows, vt_reply_fn *reply, void *arg);

/* Free the screen; vt_free(NULL) does nothing. */
void		 vt_free(struct vt *);

/*
 * Interpret len bytes of program output.  A sequence or a UTF-8 character
 * split between calls is carried over to the next.  Never fails: what it
 * does not understand is skipped.
 */
void		 vt_write(struct vt *, const char *buf, size_t len);

/*
 * Row y (0 at the top; negative counts from the bottom, -1 is the last
 * row) as UTF-8 text with trailing blanks removed, in buf of size cap
 * (always NUL-terminated, cut at a character boundary if too small).
 * Returns buf, or an empty string for a row outside the screen.
 */
const char	*vt_row(const struct vt *, int y, char *buf, size_t cap);

/* The screen's size. */
int		 vt_rows(const struct vt *);
int		 vt_cols(const struct vt *);

#endif
