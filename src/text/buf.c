/*
 * buf.c -- struct text_buf, the growable byte buffer every text function
 * builds its result in.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text/text.h"
#include "text/text-private.h"
#include "util/xmalloc.h"

void
text_oom(void)
{
	static const char msg[] = "charta: out of memory\n";

	/* Same message and status as xmalloc's failure: one behaviour. */
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(70);
}

void
text_buf_init(struct text_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

/* Make room for n more bytes and the terminating NUL. */
static void
text_buf_grow(struct text_buf *b, size_t n)
{
	size_t	need, cap;

	/* Sizes of real objects cannot overflow; a bogus one is a bug. */
	if (n > SIZE_MAX - 1 - b->len)
		abort();
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
}

void
text_buf_add(struct text_buf *b, const char *p, size_t n)
{
	text_buf_grow(b, n);
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
text_buf_fill(struct text_buf *b, char c, size_t n)
{
	text_buf_grow(b, n);
	memset(b->data + b->len, (unsigned char)c, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
text_buf_puts(struct text_buf *b, const char *s)
{
	text_buf_add(b, s, strlen(s));
}

void
text_buf_join(struct text_buf *b, char *const *v, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			text_buf_addc(b, ' ');
		text_buf_puts(b, v[i]);
	}
}

void
text_buf_addc(struct text_buf *b, char c)
{
	text_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void
text_buf_printf(struct text_buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;
	size_t	room;

	/* First try in the space there is; retry once with the exact size. */
	text_buf_grow(b, 0);
	room = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	if ((size_t)n >= room) {
		text_buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		n = vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
		if (n < 0)
			abort();
	}
	b->len += (size_t)n;
	b->data[b->len] = '\0';
}

char *
text_buf_steal(struct text_buf *b)
{
	char	*p;

	/* Never NULL, even for a buffer nothing was appended to. */
	if (b->data == NULL)
		text_buf_grow(b, 0);
	p = b->data;
	p[b->len] = '\0';
	text_buf_init(b);
	return p;
}

void
text_buf_free(struct text_buf *b)
{
	free(b->data);
	text_buf_init(b);
}
