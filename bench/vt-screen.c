/*
 * vt-screen.c -- the screen model's cells: what printing, moving,
 * scrolling and erasing do to them, and the rows as text (see vt.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "vt-private.h"

void
vt_clear_cells(struct vt *v, int y, int x0, int x1)
{
	int	x;

	if (y < 0 || y >= v->rows)
		return;
	if (x0 < 0)
		x0 = 0;
	if (x1 > v->cols)
		x1 = v->cols;
	for (x = x0; x < x1; x++)
		CELL(v, x, y) = ' ';
}

void
vt_reset(struct vt *v)
{
	int	y;

	v->cells = v->main;
	for (y = 0; y < v->rows; y++) {
		vt_clear_cells(v, y, 0, v->cols);
		v->cells = v->alt;
		vt_clear_cells(v, y, 0, v->cols);
		v->cells = v->main;
	}
	v->x = v->y = v->saved_x = v->saved_y = 0;
	v->top = 0;
	v->bot = v->rows - 1;
	v->wrap_pending = 0;
	v->autowrap = 1;
	v->insert = 0;
	v->last = ' ';
	v->state = VT_GROUND;
	v->cp_left = 0;
}

struct vt *
vt_new(int cols, int rows, vt_reply_fn *reply, void *arg)
{
	struct vt	*v;
	size_t		 n;

	if (cols < 1 || rows < 1)
		return NULL;
	if ((v = calloc(1, sizeof *v)) == NULL)
		return NULL;
	n = (size_t)cols * (size_t)rows;
	v->cols = cols;
	v->rows = rows;
	v->main = calloc(n, sizeof *v->main);
	v->alt = calloc(n, sizeof *v->alt);
	if (v->main == NULL || v->alt == NULL) {
		vt_free(v);
		return NULL;
	}
	v->reply = reply;
	v->reply_arg = arg;
	vt_reset(v);
	return v;
}

void
vt_free(struct vt *v)
{
	if (v == NULL)
		return;
	free(v->main);
	free(v->alt);
	free(v);
}

int
vt_rows(const struct vt *v)
{
	return v->rows;
}

int
vt_cols(const struct vt *v)
{
	return v->cols;
}

void
vt_move(struct vt *v, int x, int y)
{
	v->x = x < 0 ? 0 : x >= v->cols ? v->cols - 1 : x;
	v->y = y < 0 ? 0 : y >= v->rows ? v->rows - 1 : y;
	v->wrap_pending = 0;
}

/* Move rows [from, to] of the region up by n (n < 0: down), blanking. */
void
vt_scroll(struct vt *v, int top, int bot, int n)
{
	size_t	w = (size_t)v->cols * sizeof *v->cells;
	int	y, h = bot - top + 1;

	if (top < 0 || bot >= v->rows || top > bot || n == 0)
		return;
	if (n >= h || -n >= h) {
		for (y = top; y <= bot; y++)
			vt_clear_cells(v, y, 0, v->cols);
		return;
	}
	if (n > 0) {
		memmove(&CELL(v, 0, top), &CELL(v, 0, top + n),
		    (size_t)(h - n) * w);
		for (y = bot - n + 1; y <= bot; y++)
			vt_clear_cells(v, y, 0, v->cols);
	} else {
		n = -n;
		memmove(&CELL(v, 0, top + n), &CELL(v, 0, top),
		    (size_t)(h - n) * w);
		for (y = top; y < top + n; y++)
			vt_clear_cells(v, y, 0, v->cols);
	}
}

/* Line feed: down a row, scrolling the region at its bottom. */
void
vt_linefeed(struct vt *v)
{
	v->wrap_pending = 0;
	if (v->y == v->bot)
		vt_scroll(v, v->top, v->bot, 1);
	else if (v->y < v->rows - 1)
		v->y++;
}

void
vt_reverse_index(struct vt *v)
{
	v->wrap_pending = 0;
	if (v->y == v->top)
		vt_scroll(v, v->top, v->bot, -1);
	else if (v->y > 0)
		v->y--;
}

/* Put a character of width w (1 or 2) at the cursor. */
void
vt_print(struct vt *v, uint32_t c)
{
	int	w = wcwidth((wchar_t)c);

	if (w == 0)
		return;			/* combining: not kept */
	if (w < 0)
		w = 1;
	if (w > v->cols)
		return;
	if (v->wrap_pending && v->autowrap) {
		v->x = 0;
		vt_linefeed(v);
	}
	v->wrap_pending = 0;
	if (v->x + w > v->cols) {
		if (!v->autowrap)
			return;
		v->x = 0;
		vt_linefeed(v);
	}
	if (v->insert) {
		int	x;

		for (x = v->cols - 1; x >= v->x + w; x--)
			CELL(v, x, v->y) = CELL(v, x - w, v->y);
	}
	/* Half of a wide character that is overwritten goes blank. */
	if (CELL(v, v->x, v->y) == 0 && v->x > 0)
		CELL(v, v->x - 1, v->y) = ' ';
	if (v->x + w < v->cols && CELL(v, v->x + w, v->y) == 0)
		CELL(v, v->x + w, v->y) = ' ';
	CELL(v, v->x, v->y) = c;
	if (w == 2)
		CELL(v, v->x + 1, v->y) = 0;
	v->last = c;
	if (v->x + w >= v->cols) {
		v->x = v->cols - 1;
		v->wrap_pending = 1;
	} else
		v->x += w;
}

void
vt_erase_display(struct vt *v, int how)
{
	int	y;

	switch (how) {
	case 0:
		vt_clear_cells(v, v->y, v->x, v->cols);
		for (y = v->y + 1; y < v->rows; y++)
			vt_clear_cells(v, y, 0, v->cols);
		break;
	case 1:
		for (y = 0; y < v->y; y++)
			vt_clear_cells(v, y, 0, v->cols);
		vt_clear_cells(v, v->y, 0, v->x + 1);
		break;
	default:
		for (y = 0; y < v->rows; y++)
			vt_clear_cells(v, y, 0, v->cols);
		break;
	}
}

/* Insert (n > 0) or delete (n < 0) characters at the cursor. */
void
vt_shift_chars(struct vt *v, int n)
{
	int	x, k = n > 0 ? n : -n;

	if (k > v->cols - v->x)
		k = v->cols - v->x;
	if (n > 0) {
		for (x = v->cols - 1; x >= v->x + k; x--)
			CELL(v, x, v->y) = CELL(v, x - k, v->y);
		vt_clear_cells(v, v->y, v->x, v->x + k);
	} else {
		for (x = v->x; x + k < v->cols; x++)
			CELL(v, x, v->y) = CELL(v, x + k, v->y);
		vt_clear_cells(v, v->y, v->cols - k, v->cols);
	}
}

/* Append the UTF-8 of c to buf at *n if it fits (with the NUL). */
static int
vt_put_utf8(char *buf, size_t cap, size_t *n, uint32_t c)
{
	char	u[4];
	size_t	k;

	if (c < 0x80) {
		u[0] = (char)c;
		k = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		k = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		k = 3;
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		k = 4;
	}
	if (*n + k >= cap)
		return -1;
	memcpy(buf + *n, u, k);
	*n += k;
	return 0;
}

const char *
vt_row(const struct vt *v, int y, char *buf, size_t cap)
{
	size_t	n = 0, end = 0;
	int	x;

	if (cap == 0)
		return buf;
	buf[0] = '\0';
	if (y < 0)
		y += v->rows;
	if (y < 0 || y >= v->rows)
		return buf;
	for (x = 0; x < v->cols; x++) {
		uint32_t	c = v->cells[(size_t)y * (size_t)v->cols +
				    (size_t)x];

		if (c == 0)
			continue;	/* the right half of a wide one */
		if (vt_put_utf8(buf, cap, &n, c) == -1)
			break;
		if (c != ' ')
			end = n;
	}
	buf[end] = '\0';
	return buf;
}
