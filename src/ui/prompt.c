/*
 * prompt.c -- the bottom-line editor (see prompt.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text/text.h"
#include "ui/prompt.h"
#include "ui/screen.h"

void
prompt_open(struct prompt *p, const char *label)
{
	text_buf_free(&p->buf);
	text_buf_init(&p->buf);
	text_buf_puts(&p->buf, "");
	p->cursor = 0;
	p->label = label;
	p->active = true;
}

void
prompt_close(struct prompt *p)
{
	text_buf_free(&p->buf);
	p->active = false;
	p->cursor = 0;
}

void
prompt_set(struct prompt *p, const char *text)
{
	text_buf_free(&p->buf);
	text_buf_init(&p->buf);
	text_buf_puts(&p->buf, text);
	p->cursor = p->buf.len;
}

const char *
prompt_text(const struct prompt *p)
{
	return p->buf.data != NULL ? p->buf.data : "";
}

/* Byte offset of the character before / after offset i. */
static size_t
prompt_prev(const struct prompt *p, size_t i)
{
	while (i > 0 && ((unsigned char)p->buf.data[--i] & 0xc0) == 0x80)
		;
	return i;
}

static size_t
prompt_next(const struct prompt *p, size_t i)
{
	if (i < p->buf.len)
		i++;
	while (i < p->buf.len && ((unsigned char)p->buf.data[i] & 0xc0) ==
	    0x80)
		i++;
	return i;
}

static void
prompt_delete(struct prompt *p, size_t from, size_t to)
{
	memmove(p->buf.data + from, p->buf.data + to, p->buf.len - to + 1);
	p->buf.len -= to - from;
	p->cursor = from;
}

/* Insert s[0..n) at the cursor and move the cursor after it. */
static void
prompt_insert_bytes(struct prompt *p, const char *s, size_t n)
{
	text_buf_add(&p->buf, s, n);	/* grows; then shift into place */
	memmove(p->buf.data + p->cursor + n, p->buf.data + p->cursor,
	    p->buf.len - n - p->cursor);
	memcpy(p->buf.data + p->cursor, s, n);
	p->cursor += n;
}

static void
prompt_insert(struct prompt *p, int ch)
{
	char	mb[8];
	size_t	n;
	mbstate_t ps;

	memset(&ps, 0, sizeof ps);
	n = wcrtomb(mb, (wchar_t)ch, &ps);
	if (n == (size_t)-1 || p->buf.len + n > PROMPT_MAX)
		return;
	prompt_insert_bytes(p, mb, n);
}

size_t
prompt_paste(struct prompt *p, const char *s, size_t n)
{
	static const char	 fffd[] = "\xef\xbf\xbd";
	const char		*piece;
	size_t			 i = 0, len, adv;

	while (i < n) {
		/* A line break, a NUL, or a byte and what continues it. */
		adv = 1;
		if (s[i] == '\r' || s[i] == '\n') {
			if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
				adv = 2;
			piece = " ";
			len = 1;
		} else if (s[i] == '\0') {
			piece = fffd;
			len = sizeof fffd - 1;
		} else {
			while (i + adv < n &&
			    ((unsigned char)s[i + adv] & 0xc0) == 0x80)
				adv++;
			piece = s + i;
			len = adv;
		}
		if (p->buf.len + len > PROMPT_MAX)
			break;
		prompt_insert_bytes(p, piece, len);
		i += adv;
	}
	return i;
}

enum prompt_result
prompt_key(struct prompt *p, int ch, bool is_func)
{
	size_t	i;

	if (is_func) {
		switch (ch) {
		case KEY_LEFT:
			p->cursor = prompt_prev(p, p->cursor);
			break;
		case KEY_RIGHT:
			p->cursor = prompt_next(p, p->cursor);
			break;
		case KEY_HOME:
			p->cursor = 0;
			break;
		case KEY_END:
			p->cursor = p->buf.len;
			break;
		case KEY_BACKSPACE:
			if (p->cursor == 0 && p->buf.len == 0)
				return PROMPT_CANCEL;
			prompt_delete(p, prompt_prev(p, p->cursor), p->cursor);
			break;
		case KEY_DC:
			if (p->cursor < p->buf.len)
				prompt_delete(p, p->cursor,
				    prompt_next(p, p->cursor));
			break;
		case KEY_ENTER:
			return PROMPT_DONE;
		}
		return PROMPT_EDITING;
	}
	switch (ch) {
	case '\n':
	case '\r':
		return PROMPT_DONE;
	case 27:		/* Esc */
	case 3:			/* C-c */
	case 7:			/* C-g */
		return PROMPT_CANCEL;
	case '\t':
		return PROMPT_COMPLETE;
	case 127:
	case 8:
		if (p->cursor == 0 && p->buf.len == 0)
			return PROMPT_CANCEL;
		prompt_delete(p, prompt_prev(p, p->cursor), p->cursor);
		break;
	case 1:			/* C-a */
		p->cursor = 0;
		break;
	case 5:			/* C-e */
		p->cursor = p->buf.len;
		break;
	case 21:		/* C-u */
		prompt_delete(p, 0, p->cursor);
		break;
	case 23:		/* C-w: the word before the cursor */
		i = p->cursor;
		while (i > 0 && p->buf.data[i - 1] == ' ')
			i--;
		while (i > 0 && p->buf.data[i - 1] != ' ')
			i--;
		prompt_delete(p, i, p->cursor);
		break;
	default:
		if (ch >= 32 && ch != 127)
			prompt_insert(p, ch);
		break;
	}
	return PROMPT_EDITING;
}

void
prompt_draw(const struct prompt *p, int y, size_t width)
{
	size_t	lw, before, skip = 0, avail, next, w, *map;
	char	*clean;

	screen_fill(y, 0, width, screen_attr(THEME_NORMAL));
	lw = screen_put(y, 0, p->label, strlen(p->label), width,
	    screen_attr(THEME_NORMAL));
	if (lw >= width)
		return;
	avail = width - lw - 1;
	/*
	 * Widths as drawn: a placeholder ("^[", "<U+202E>") is wider than
	 * the byte it stands for, and the cursor goes after it.
	 */
	clean = text_sanitize_map(p->buf.data, p->buf.len, TEXT_MODE_TTY,
	    screen_ascii(), NULL, &map);
	before = text_width(clean, map[p->cursor]);
	/* Keep the cursor on screen: drop characters from the left. */
	while (before > avail && skip < p->cursor) {
		if ((next = prompt_next(p, skip)) > p->cursor)
			next = p->cursor;
		w = text_width(clean + map[skip], map[next] - map[skip]);
		before = w < before ? before - w : 0;
		skip = next;
	}
	screen_put(y, (int)lw, clean + map[skip], strlen(clean + map[skip]),
	    avail + 1, screen_attr(THEME_NORMAL));
	free(map);
	free(clean);
	move(y, (int)(lw + before));
}
