/*
 * vt-private.h -- the inside of the screen model (vt.h), shared by the
 * parser (vt.c) and the screen's operations (vt-screen.c).
 */
#ifndef CHARTA_BENCH_VT_PRIVATE_H
#define CHARTA_BENCH_VT_PRIVATE_H

#include <stdint.h>

#include "vt.h"

#define VT_MAX_PARAMS	16

enum vt_state {
	VT_GROUND,
	VT_ESC,			/* after ESC */
	VT_ESC_SKIP,		/* ESC ( and the like: skip one more byte */
	VT_CSI,			/* after ESC [ */
	VT_STRING,		/* OSC, DCS, ...: up to BEL or ESC \ */
	VT_STRING_ESC,		/* ESC inside a string */
};

struct vt {
	int		 cols, rows;
	uint32_t	*main;		/* rows * cols cells: a code point, */
	uint32_t	*alt;		/* 0 for the right half of a wide one */
	uint32_t	*cells;		/* main or alt */
	int		 x, y;		/* the cursor */
	int		 saved_x, saved_y;
	int		 top, bot;	/* the scrolling region, inclusive */
	int		 wrap_pending;	/* at the last column, xenl */
	int		 autowrap;
	int		 insert;	/* IRM */
	uint32_t	 last;		/* the last character printed, for REP */

	enum vt_state	 state;
	int		 params[VT_MAX_PARAMS];
	int		 nparams;
	int		 have_param;
	char		 priv;		/* '?', '>', '=' or 0 */
	char		 inter;		/* an intermediate byte or 0 */

	uint32_t	 cp;		/* UTF-8 being decoded */
	int		 cp_left;

	vt_reply_fn	*reply;
	void		*reply_arg;
};

#define CELL(v, x, y)	((v)->cells[(size_t)(y) * (size_t)(v)->cols + (size_t)(x)])

/* Blank cells [x0, x1) of row y (clipped to the screen). */
void	vt_clear_cells(struct vt *, int y, int x0, int x1);
/* Both screens blank, the cursor home, the modes and the parser reset. */
void	vt_reset(struct vt *);
/* Move the cursor (clipped to the screen); ends a pending wrap. */
void	vt_move(struct vt *, int x, int y);
/* Rows [top, bot] up by n (down when n < 0), blanking what comes in. */
void	vt_scroll(struct vt *, int top, int bot, int n);
/* Down a row, scrolling the region at its bottom (LF, IND). */
void	vt_linefeed(struct vt *);
/* Up a row, scrolling the region down at its top (RI). */
void	vt_reverse_index(struct vt *);
/* Put the character c at the cursor, wrapping and inserting as set. */
void	vt_print(struct vt *, uint32_t c);
/* ED: 0 from the cursor, 1 up to the cursor, 2 and 3 all of it. */
void	vt_erase_display(struct vt *, int how);
/* Insert (n > 0) or delete (n < 0) characters at the cursor. */
void	vt_shift_chars(struct vt *, int n);

#endif
