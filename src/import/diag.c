/*
 * diag.c -- the importer's warnings (see md-private.h): what a source file
 * holds that charta imports as it is but that its author may not know of.
 * Characters a reader cannot see are found here, in the checked text,
 * before any Markdown is read:
 *
 *  - C0 controls other than tab and newline, DEL, and C1 controls;
 *  - bidi controls, as GCC's -Wbidi-chars does: an embedding, override or
 *    isolate (U+202A..U+202E, U+2066..U+2068) not closed on its line, or a
 *    close (U+202C, U+2069) with nothing open, is "unpaired"; every other
 *    bidi control (U+061C, U+200E, U+200F, and the paired ones) is
 *    reported too, so that none passes unseen.
 *
 * The text is stored unchanged; the reader shows these characters as
 * placeholders.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/md-private.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Does warning a come before b in the file? */
static bool
diag_before(const struct import_warning *a, size_t line, size_t col)
{
	return a->line < line || (a->line == line && a->col <= col);
}

void
import_diag_warn(struct import_diag *d, size_t line, size_t col,
    const char *fmt, ...)
{
	va_list			 ap;
	char			*msg;
	struct import_warning	*w;
	size_t			 k, last;

	if (d == NULL || d->opt == NULL || d->opt->quiet ||
	    d->opt->warn == NULL)
		return;
	d->count++;
	/*
	 * Keep the first IMPORT_MAX_WARNINGS in file order: when all are
	 * taken, a warning before the last one kept takes its place.
	 */
	if (d->nheld == IMPORT_MAX_WARNINGS) {
		last = 0;
		for (k = 1; k < d->nheld; k++)
			if (diag_before(&d->held[last], d->held[k].line,
			    d->held[k].col))
				last = k;
		if (diag_before(&d->held[last], line, col))
			return;
		free(d->held[last].msg);
		d->held[last] = d->held[--d->nheld];
	}
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	if (msg == NULL)
		return;
	w = &d->held[d->nheld++];
	w->line = line;
	w->col = col;
	w->seq = d->count;
	if (col > 0)
		w->msg = xasprintf(_("%s:%zu:%zu: warning: %s"), d->name, line,
		    col, msg);
	else
		w->msg = xasprintf(_("%s:%zu: warning: %s"), d->name, line, msg);
	free(msg);
}

static int
diag_cmp(const void *x, const void *y)
{
	const struct import_warning	*a = x, *b = y;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
import_diag_end(struct import_diag *d)
{
	char	*msg;
	size_t	 k;

	if (d == NULL || d->nheld == 0)
		return;
	qsort(d->held, d->nheld, sizeof d->held[0], diag_cmp);
	for (k = 0; k < d->nheld; k++)
		d->opt->warn(d->opt->arg, d->held[k].msg);
	if (d->count > d->nheld) {
		msg = xasprintf(_("%s: %zu more warnings not shown"), d->name,
		    d->count - d->nheld);
		d->opt->warn(d->opt->arg, msg);
		free(msg);
	}
	import_diag_free(d);
}

void
import_diag_free(struct import_diag *d)
{
	size_t	k;

	if (d == NULL)
		return;
	for (k = 0; k < d->nheld; k++)
		free(d->held[k].msg);
	d->nheld = 0;
}

/* Decode the UTF-8 character at s (valid, checked); its length in *n. */
static unsigned long
diag_decode(const unsigned char *s, size_t *n)
{
	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xe0) {
		*n = 2;
		return (unsigned long)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	}
	if (s[0] < 0xf0) {
		*n = 3;
		return (unsigned long)(s[0] & 0x0f) << 12 |
		    (unsigned long)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	*n = 4;
	return (unsigned long)(s[0] & 0x07) << 18 |
	    (unsigned long)(s[1] & 0x3f) << 12 |
	    (unsigned long)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
}

static bool
diag_is_bidi(unsigned long c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Opens a bidi context that U+202C (PDF) or U+2069 (PDI) closes. */
static bool
diag_bidi_opens(unsigned long c)
{
	return (c >= 0x202a && c <= 0x202e && c != 0x202c) ||
	    (c >= 0x2066 && c <= 0x2068);
}

/*
 * The bidi controls of one line s[0..n) (line lno): pair the opens with
 * the closes, as the Unicode bidi algorithm does within a paragraph, then
 * report each control, unpaired ones as such.
 */
static void
diag_bidi_line(struct import_diag *d, const char *s, size_t n, size_t lno)
{
	size_t		 i, i2, k, len, col, depth = 0;
	unsigned long	 c;
	/* Up to 125 levels, as the bidi algorithm; deeper ones are unpaired. */
	size_t		 open_at[128];
	unsigned long	 open_cp[128];
	bool		 paired;

	/*
	 * First pass: which opens are closed, which closes have an open.
	 * An open's position is remembered until its close is met.
	 */
	for (i = 0, col = 1; i < n; i += len, col++) {
		c = diag_decode((const unsigned char *)s + i, &len);
		if (!diag_is_bidi(c))
			continue;
		paired = false;
		if (diag_bidi_opens(c)) {
			if (depth < 128) {
				open_at[depth] = col;
				open_cp[depth] = c;
				depth++;
				continue;
			}
		} else if (c == 0x202c || c == 0x2069) {
			/* A PDI closes up to its isolate, a PDF its embedding. */
			for (k = depth; k > 0; k--) {
				bool iso = open_cp[k - 1] >= 0x2066;

				if (iso == (c == 0x2069))
					break;
			}
			if (k > 0) {
				import_diag_warn(d, lno, open_at[k - 1],
				    _("bidi control U+%04lX (closed at column "
				    "%zu)"), open_cp[k - 1], col);
				/* Opens inside it that stay open are unpaired. */
				for (i2 = k; i2 < depth; i2++)
					import_diag_warn(d, lno, open_at[i2],
					    _("unpaired bidi control U+%04lX "
					    "(not closed on its line)"),
					    open_cp[i2]);
				depth = k - 1;
				paired = true;
			}
			if (!paired) {
				import_diag_warn(d, lno, col, _("unpaired bidi "
				    "control U+%04lX (nothing open to close)"),
				    c);
				continue;
			}
			import_diag_warn(d, lno, col, _("bidi control U+%04lX"),
			    c);
			continue;
		}
		import_diag_warn(d, lno, col, _("bidi control U+%04lX"), c);
	}
	for (i2 = 0; i2 < depth; i2++)
		import_diag_warn(d, lno, open_at[i2], _("unpaired bidi "
		    "control U+%04lX (not closed on its line)"), open_cp[i2]);
}

void
import_diag_scan(struct import_diag *d, const char *data, size_t len,
    size_t line0)
{
	const unsigned char	*s = (const unsigned char *)data;
	size_t			 i, len1, lno = line0, col = 1, start = 0;
	unsigned long		 c;
	bool			 bidi = false;

	if (d == NULL || d->opt == NULL || d->opt->quiet ||
	    d->opt->warn == NULL)
		return;
	for (i = 0; i <= len; i += len1) {
		if (i == len || s[i] == '\n') {
			if (bidi)
				diag_bidi_line(d, data + start, i - start, lno);
			bidi = false;
			lno++;
			col = 1;
			start = i + 1;
			len1 = 1;
			continue;
		}
		c = diag_decode(s + i, &len1);
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			import_diag_warn(d, lno, col, _("control character "
			    "U+%04lX"), c);
		else if (c >= 0x80 && c <= 0x9f)
			import_diag_warn(d, lno, col, _("C1 control character "
			    "U+%04lX"), c);
		else if (diag_is_bidi(c))
			bidi = true;
		col++;
	}
}
