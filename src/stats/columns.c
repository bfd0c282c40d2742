/*
 * columns.c -- a table's header line, each name padded by display width
 * (see stats.h), so that translated names (Chinese takes two columns a
 * character) stay over their figures.
 */
#include "config.h"

#include <string.h>

#include "stats/stats.h"
#include "text/text.h"

static void
columns_pad(struct text_buf *b, size_t n)
{
	while (n-- > 0)
		text_buf_addc(b, ' ');
}

char *
stats_columns(const char *const *names, const int *widths, size_t n)
{
	struct text_buf	 b;
	size_t		 k, w, want;
	const char	*s;

	text_buf_init(&b);
	text_buf_add(&b, "", 0);
	for (k = 0; k < n; k++) {
		s = names[k];
		w = text_width(s, strlen(s));
		want = (size_t)(widths[k] < 0 ? -widths[k] : widths[k]);
		if (k > 0)
			text_buf_puts(&b, "  ");
		if (widths[k] > 0 && w < want)
			columns_pad(&b, want - w);
		text_buf_puts(&b, s);
		/* Left-aligned: padded, but not the last column. */
		if (widths[k] < 0 && w < want && k + 1 < n)
			columns_pad(&b, want - w);
	}
	return text_buf_steal(&b);
}
