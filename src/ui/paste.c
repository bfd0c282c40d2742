/*
 * paste.c -- the text of a bracketed paste (see paste.h).
 */
#include "config.h"

#include <string.h>

#include "ui/paste.h"

static const char	paste_end[] = "\033[201~";
#define PASTE_END_LEN	(sizeof paste_end - 1)

void
paste_init(struct paste *p)
{
	memset(p, 0, sizeof *p);
	text_buf_init(&p->text);
	text_buf_puts(&p->text, "");
}

static void
paste_add(struct paste *p, const char *s, size_t n)
{
	size_t	room = PASTE_MAX - p->text.len;

	if (n > room) {
		p->dropped += n - room;
		n = room;
	}
	text_buf_add(&p->text, s, n);
}

bool
paste_feed(struct paste *p, unsigned char byte)
{
	char	c = (char)byte;

	if (p->ended)
		return true;
	if (c == paste_end[p->matched]) {
		if (++p->matched == PASTE_END_LEN) {
			p->matched = 0;
			p->ended = true;
		}
		return p->ended;
	}
	/*
	 * Not the marker after all: what was held back is text.  The marker
	 * has no ESC but its first byte, so this byte can only begin a new
	 * one.
	 */
	paste_add(p, paste_end, p->matched);
	p->matched = 0;
	if (c == paste_end[0])
		p->matched = 1;
	else
		paste_add(p, &c, 1);
	return false;
}

void
paste_cut(struct paste *p)
{
	paste_add(p, paste_end, p->matched);
	p->matched = 0;
}

void
paste_free(struct paste *p)
{
	text_buf_free(&p->text);
	p->matched = 0;
	p->dropped = 0;
	p->ended = false;
}
