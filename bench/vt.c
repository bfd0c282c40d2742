/*
 * vt.c -- the parser of the screen model: what the bytes a program writes
 * to its terminal mean (see vt.h; the cells are in vt-screen.c).
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
#include <string.h>

#include "vt-private.h"

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
