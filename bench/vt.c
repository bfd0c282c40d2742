/*
 * vt.c -- a small model of an xterm screen: the text only (see vt.h).
 *
 * The parser follows the shape of a DEC terminal's (ground, escape,
 * control sequence, string), simplified: a control sequence collects its
 * numeric parameters, a private marker ("?", ">", "=") and intermediates,
 * and acts on its final byte.  Strings (OSC, DCS, APC, PM) are skipped up
 * to BEL or ESC \.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

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

static void
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

static void
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

static void
vt_move(struct vt *v, int x, int y)
{
	v->x = x < 0 ? 0 : x >= v->cols ? v->cols - 1 : x;
	v->y = y < 0 ? 0 : y >= v->rows ? v->rows - 1 : y;
	v->wrap_pending = 0;
}

/* Move rows [from, to] of the region up by n (n < 0: down), blanking. */
static void
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
static void
vt_linefeed(struct vt *v)
{
	v->wrap_pending = 0;
	if (v->y == v->bot)
		vt_scroll(v, v->top, v->bot, 1);
	else if (v->y < v->rows - 1)
		v->y++;
}

static void
vt_reverse_index(struct vt *v)
{
	v->wrap_pending = 0;
	if (v->y == v->top)
		vt_scroll(v, v->top, v->bot, -1);
	else if (v->y > 0)
		v->y--;
}

/* Put a character of width w (1 or 2) at the cursor. */
static void
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

static int
vt_param(const struct vt *v, int i, int dflt)
{
	if (i >= v->nparams || v->params[i] <= 0)
		return dflt;
	return v->params[i];
}

static void
vt_answer(struct vt *v, const char *s)
{
	if (v->reply != NULL)
		v->reply(v->reply_arg, s, strlen(s));
}

/* ?1049, ?1047, ?47, ?7 and 4 (insert mode); the rest changes no text. */
static void
vt_mode(struct vt *v, int set)
{
	int	i, m;

	for (i = 0; i < v->nparams; i++) {
		m = v->params[i];
		if (v->priv == 0 && m == 4)
			v->insert = set;
		if (v->priv != '?')
			continue;
		if (m == 7)
			v->autowrap = set;
		else if (m == 1049 || m == 1047 || m == 47) {
			if (m == 1049 && set) {
				v->saved_x = v->x;
				v->saved_y = v->y;
			}
			v->cells = set ? v->alt : v->main;
			if (set) {
				int	y;

				for (y = 0; y < v->rows; y++)
					vt_clear_cells(v, y, 0, v->cols);
			}
			if (m == 1049 && !set)
				vt_move(v, v->saved_x, v->saved_y);
		}
	}
}

static void
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
static void
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

static void
vt_csi(struct vt *v, char final)
{
	int	n = vt_param(v, 0, 1), i;
	char	buf[64];

	if (v->inter == '!' && final == 'p') {		/* DECSTR */
		v->top = 0;
		v->bot = v->rows - 1;
		v->insert = 0;
		v->autowrap = 1;
		return;
	}
	if (v->inter != 0)
		return;
	switch (final) {
	case '@':
		vt_shift_chars(v, n);
		break;
	case 'A':
		vt_move(v, v->x, v->y - n);
		break;
	case 'B':
	case 'e':
		vt_move(v, v->x, v->y + n);
		break;
	case 'C':
	case 'a':
		vt_move(v, v->x + n, v->y);
		break;
	case 'D':
		vt_move(v, v->x - n, v->y);
		break;
	case 'E':
		vt_move(v, 0, v->y + n);
		break;
	case 'F':
		vt_move(v, 0, v->y - n);
		break;
	case 'G':
	case '`':
		vt_move(v, n - 1, v->y);
		break;
	case 'H':
	case 'f':
		vt_move(v, vt_param(v, 1, 1) - 1, n - 1);
		break;
	case 'J':
		vt_erase_display(v, v->nparams > 0 ? v->params[0] : 0);
		break;
	case 'K':
		i = v->nparams > 0 ? v->params[0] : 0;
		if (i == 0)
			vt_clear_cells(v, v->y, v->x, v->cols);
		else if (i == 1)
			vt_clear_cells(v, v->y, 0, v->x + 1);
		else
			vt_clear_cells(v, v->y, 0, v->cols);
		break;
	case 'L':
	case 'M':
		if (v->y >= v->top && v->y <= v->bot)
			vt_scroll(v, v->y, v->bot, final == 'L' ? -n : n);
		v->x = 0;
		v->wrap_pending = 0;
		break;
	case 'P':
		vt_shift_chars(v, -n);
		break;
	case 'S':
		vt_scroll(v, v->top, v->bot, n);
		break;
	case 'T':
		if (v->priv == 0)
			vt_scroll(v, v->top, v->bot, -n);
		break;
	case 'X':
		vt_clear_cells(v, v->y, v->x, v->x + n);
		break;
	case 'b':
		for (i = 0; i < n && i < v->cols * v->rows; i++)
			vt_print(v, v->last);
		break;
	case 'c':
		if (v->priv == '>')
			vt_answer(v, "\033[>0;0;0c");
		else if (v->priv == 0)
			vt_answer(v, "\033[?1;2c");
		break;
	case 'd':
		vt_move(v, v->x, n - 1);
		break;
	case 'h':
	case 'l':
		vt_mode(v, final == 'h');
		break;
	case 'n':
		if (v->priv == 0 && n == 6) {
			snprintf(buf, sizeof buf, "\033[%d;%dR", v->y + 1,
			    v->x + 1);
			vt_answer(v, buf);
		} else if (v->priv == 0 && n == 5)
			vt_answer(v, "\033[0n");
		break;
	case 'r':
		if (v->priv != 0)
			break;
		i = vt_param(v, 1, v->rows);
		if (n < i && i <= v->rows) {
			v->top = n - 1;
			v->bot = i - 1;
		} else if (v->nparams == 0) {
			v->top = 0;
			v->bot = v->rows - 1;
		}
		vt_move(v, 0, 0);
		break;
	case 's':
		v->saved_x = v->x;
		v->saved_y = v->y;
		break;
	case 'u':
		vt_move(v, v->saved_x, v->saved_y);
		break;
	default:
		break;		/* SGR and the rest change no text */
	}
}

static void
vt_control(struct vt *v, unsigned char c)
{
	switch (c) {
	case '\b':
		if (v->x > 0)
			vt_move(v, v->x - 1, v->y);
		break;
	case '\t':
		vt_move(v, (v->x / 8 + 1) * 8, v->y);
		break;
	case '\n':
	case '\v':
	case '\f':
		vt_linefeed(v);
		break;
	case '\r':
		vt_move(v, 0, v->y);
		break;
	case 033:
		v->state = VT_ESC;
		break;
	default:
		break;		/* BEL, SO, SI, ... */
	}
}

static void
vt_esc(struct vt *v, unsigned char c)
{
	v->state = VT_GROUND;
	switch (c) {
	case '[':
		v->state = VT_CSI;
		v->nparams = 0;
		v->have_param = 0;
		v->priv = 0;
		v->inter = 0;
		memset(v->params, 0, sizeof v->params);
		break;
	case ']':
	case 'P':
	case '_':
	case '^':
	case 'X':
		v->state = VT_STRING;
		break;
	case '(':
	case ')':
	case '*':
	case '+':
	case '#':
	case '%':
		v->state = VT_ESC_SKIP;
		break;
	case '7':
		v->saved_x = v->x;
		v->saved_y = v->y;
		break;
	case '8':
		vt_move(v, v->saved_x, v->saved_y);
		break;
	case 'D':
		vt_linefeed(v);
		break;
	case 'E':
		v->x = 0;
		vt_linefeed(v);
		break;
	case 'M':
		vt_reverse_index(v);
		break;
	case 'c':
		vt_reset(v);
		break;
	default:
		break;		/* ESC =, ESC >, ESC H, ... */
	}
}

static void
vt_csi_byte(struct vt *v, unsigned char c)
{
	if (c >= '0' && c <= '9') {
		if (v->nparams == 0)
			v->nparams = 1;
		if (v->params[v->nparams - 1] < 100000)
			v->params[v->nparams - 1] =
			    v->params[v->nparams - 1] * 10 + (c - '0');
	} else if (c == ';' || c == ':') {
		if (v->nparams == 0)
			v->nparams = 1;
		if (v->nparams < VT_MAX_PARAMS)
			v->nparams++;
	} else if (c == '?' || c == '>' || c == '=' || c == '<')
		v->priv = (char)c;
	else if (c >= 0x20 && c <= 0x2f)
		v->inter = (char)c;
	else if (c >= 0x40 && c <= 0x7e) {
		v->state = VT_GROUND;
		vt_csi(v, (char)c);
	} else if (c == 033)
		v->state = VT_ESC;
	else if (c < 0x20)
		vt_control(v, c);	/* controls act inside a sequence */
}

/* A byte of text: decode UTF-8 (a bad byte prints as U+FFFD). */
static void
vt_text_byte(struct vt *v, unsigned char c)
{
	if (v->cp_left > 0) {
		if ((c & 0xc0) == 0x80) {
			v->cp = (v->cp << 6) | (c & 0x3f);
			if (--v->cp_left == 0)
				vt_print(v, v->cp);
			return;
		}
		v->cp_left = 0;
		vt_print(v, 0xfffd);
	}
	if (c < 0x80)
		vt_print(v, c);
	else if ((c & 0xe0) == 0xc0) {
		v->cp = c & 0x1f;
		v->cp_left = 1;
	} else if ((c & 0xf0) == 0xe0) {
		v->cp = c & 0x0f;
		v->cp_left = 2;
	} else if ((c & 0xf8) == 0xf0) {
		v->cp = c & 0x07;
		v->cp_left = 3;
	} else
		vt_print(v, 0xfffd);
}

void
vt_write(struct vt *v, const char *buf, size_t len)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)buf[i];
		switch (v->state) {
		case VT_GROUND:
			if (c < 0x20 || c == 0x7f) {
				if (c != 0x7f)
					vt_control(v, c);
			} else
				vt_text_byte(v, c);
			break;
		case VT_ESC:
			vt_esc(v, c);
			break;
		case VT_ESC_SKIP:
			v->state = VT_GROUND;
			break;
		case VT_CSI:
			vt_csi_byte(v, c);
			break;
		case VT_STRING:
			if (c == 7)
				v->state = VT_GROUND;
			else if (c == 033)
				v->state = VT_STRING_ESC;
			break;
		case VT_STRING_ESC:
			v->state = c == '\\' ? VT_GROUND : VT_STRING;
			break;
		}
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
