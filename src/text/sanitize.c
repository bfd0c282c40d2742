/*
 * sanitize.c -- text_sanitize(), the one display policy: whatever a
 * document, a file name or an error message contains, what reaches the
 * terminal is valid UTF-8 without control sequences, bidi overrides or
 * invisible characters, each replaced by a visible placeholder.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text/text.h"
#include "text/text-private.h"
#include "util/xmalloc.h"

/* Combining marks kept after one base in TTY mode (the rest is "..."). */
#define SANITIZE_MAX_MARKS	4

#define TAB_STOP		8

struct sanitize {
	enum text_mode	 mode;
	bool		 ascii_only;
	struct text_buf	 out;
	struct text_buf	 marks;
	bool		 want_marks;
	size_t		*map;		/* source offset -> output offset */
	size_t		 col;		/* columns since the start or LF */
	size_t		 nmarks;	/* combining marks on the last base */
};

/* Append bytes that are width columns wide; mark says if a placeholder. */
static void
put(struct sanitize *st, const char *p, size_t len, bool mark, size_t width)
{
	text_buf_add(&st->out, p, len);
	if (st->want_marks)
		text_buf_fill(&st->marks, mark ? 1 : 0, len);
	st->col += width;
}

/* Append a placeholder such as "^[" or "<U+202E>": all ASCII, all marked. */
static void
put_placeholder(struct sanitize *st, const char *p, size_t len)
{
	put(st, p, len, true, len);
	st->nmarks = 0;
}

/*
 * Append code point uc, as itself or, in ascii_only mode, as a C-style
 * escape (which is a placeholder too).
 */
static void
put_uc(struct sanitize *st, uint32_t uc, bool mark)
{
	char	esc[16];
	uint8_t	enc[6];
	int	len, w;

	if (st->ascii_only && uc >= 0x80) {
		if (uc < 0x10000)
			len = snprintf(esc, sizeof esc, "\\u%04x", (unsigned)uc);
		else
			len = snprintf(esc, sizeof esc, "\\U%08x", (unsigned)uc);
		put(st, esc, (size_t)len, true, (size_t)len);
		return;
	}
	len = u8_uctomb(enc, uc, sizeof enc);
	w = uc_width(uc, "UTF-8");
	put(st, (const char *)enc, (size_t)len, mark, w > 0 ? (size_t)w : 0);
}

/* "<U+202E>": how invisible and C1 characters are shown. */
static void
put_codepoint(struct sanitize *st, uint32_t uc)
{
	char	buf[16];
	int	len;

	len = snprintf(buf, sizeof buf, "<U+%04X>", (unsigned)uc);
	put_placeholder(st, buf, (size_t)len);
}

/* Caret notation for C0 controls and DEL: ^@, ^[, ^M, ^?. */
static void
put_caret(struct sanitize *st, uint32_t uc)
{
	char	buf[2];

	buf[0] = '^';
	buf[1] = uc == 0x7F ? '?' : (char)(uc + 0x40);
	put_placeholder(st, buf, 2);
}

/*
 * The 66 noncharacters (U+FDD0..U+FDEF and the last two code points of
 * every plane): meant for a program's internal use, never for interchange;
 * U+FFFE read as a byte order mark swaps what follows.
 */
static bool
is_noncharacter(uint32_t uc)
{
	return (uc >= 0xFDD0 && uc <= 0xFDEF) || (uc & 0xFFFE) == 0xFFFE;
}

/*
 * Bidi controls, which can reorder what the user sees (Trojan Source),
 * and invisible format characters, which can hide text or make two
 * different strings look the same.
 */
static bool
is_hidden(uint32_t uc)
{
	switch (uc) {
	case 0x00AD:		/* SOFT HYPHEN */
	case 0x061C:		/* ARABIC LETTER MARK */
	case 0x180E:		/* MONGOLIAN VOWEL SEPARATOR */
	case 0x200B:		/* ZERO WIDTH SPACE */
	case 0x200E:		/* LEFT-TO-RIGHT MARK */
	case 0x200F:		/* RIGHT-TO-LEFT MARK */
	case 0xFEFF:		/* ZERO WIDTH NO-BREAK SPACE, BOM */
		return true;
	}
	/*
	 * Embeddings and overrides, word joiner and invisible operators,
	 * isolates, interlinear annotation, tags.
	 */
	return (uc >= 0x202A && uc <= 0x202E) ||
	    (uc >= 0x2060 && uc <= 0x2064) ||
	    (uc >= 0x2066 && uc <= 0x2069) ||
	    (uc >= 0xFFF9 && uc <= 0xFFFB) ||
	    (uc >= 0xE0000 && uc <= 0xE007F);
}

/* TAB in TTY mode: spaces to the next multiple of TAB_STOP columns. */
static void
put_tab(struct sanitize *st)
{
	size_t	n;

	n = TAB_STOP - st->col % TAB_STOP;
	text_buf_fill(&st->out, ' ', n);
	if (st->want_marks)
		text_buf_fill(&st->marks, 0, n);
	st->col += n;
	st->nmarks = 0;
}

/* One well-formed code point other than printable ASCII, mode not RAW. */
static void
sanitize_uc(struct sanitize *st, const char *p, size_t len, uint32_t uc)
{
	bool	tty = st->mode == TEXT_MODE_TTY;
	int	w;

	if (uc == '\t') {
		if (tty)
			put_tab(st);
		else
			put(st, p, len, false, 0);
		return;
	}
	if (uc == '\n') {
		put(st, p, len, false, 0);
		st->col = 0;
		st->nmarks = 0;
		return;
	}
	if (uc < 0x20 || uc == 0x7F) {
		put_caret(st, uc);
		return;
	}
	if ((uc >= 0x80 && uc <= 0x9F) || is_hidden(uc)) {
		put_codepoint(st, uc);
		return;
	}
	/*
	 * Unassigned code points and noncharacters (category Cn: uc_width()
	 * calls them 1 column wide) render unpredictably, if at all.  A pipe
	 * keeps the unassigned ones, which a newer Unicode than
	 * libunistring's may have assigned, but no noncharacter.
	 */
	if ((tty && uc_is_general_category(uc, UC_CATEGORY_Cn)) ||
	    is_noncharacter(uc)) {
		put_uc(st, 0xFFFD, true);
		st->nmarks = 0;
		return;
	}
	if (tty && uc_is_general_category(uc, UC_CATEGORY_M)) {
		/*
		 * A pile of marks on one base ("Zalgo" text) draws over the
		 * lines around it.  Keep a few, then say that more were
		 * dropped, once.
		 */
		st->nmarks++;
		if (st->nmarks == SANITIZE_MAX_MARKS + 1)
			put_uc(st, 0x2026, true);
		if (st->nmarks > SANITIZE_MAX_MARKS)
			return;
		put_uc(st, uc, false);
		return;
	}
	w = uc_width(uc, "UTF-8");
	if (st->ascii_only)
		put_uc(st, uc, false);
	else
		put(st, p, len, false, w > 0 ? (size_t)w : 0);
	/*
	 * A zero-width character (ZWJ, ZWNJ) is no new base: marks after
	 * it still pile up on the same one.
	 */
	if (w != 0)
		st->nmarks = 0;
}

char *
text_sanitize(const char *s, size_t n, enum text_mode mode,
    bool ascii_only, unsigned char **marks)
{
	return text_sanitize_map(s, n, mode, ascii_only, marks, NULL);
}

/* Map the source bytes s[i..i+len) to the output from offset out on. */
static void
map_unit(struct sanitize *st, size_t i, size_t len, size_t out, bool each)
{
	size_t	k;

	if (st->map == NULL)
		return;
	for (k = 0; k < len; k++)
		st->map[i + k] = each ? out + k : out;
}

char *
text_sanitize_map(const char *s, size_t n, enum text_mode mode,
    bool ascii_only, unsigned char **marks, size_t **map)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct sanitize		 st;
	size_t			 i, j, len;
	uint32_t		 uc;

	st.mode = mode;
	st.ascii_only = ascii_only;
	text_buf_init(&st.out);
	text_buf_init(&st.marks);
	st.want_marks = marks != NULL;
	st.map = map != NULL ? xreallocarray(NULL, n + 1, sizeof *st.map) :
	    NULL;
	st.col = 0;
	st.nmarks = 0;

	for (i = 0; i < n; i += len) {
		/* Printable ASCII is the common case: copy runs of it. */
		for (j = i; j < n && p[j] >= 0x20 && p[j] < 0x7F; j++)
			;
		if (j > i) {
			map_unit(&st, i, j - i, st.out.len, true);
			put(&st, s + i, j - i, false, j - i);
			st.nmarks = 0;
			len = j - i;
			continue;
		}
		len = text_utf8_decode(p + i, n - i, &uc);
		map_unit(&st, i, len, st.out.len, false);
		if (uc == TEXT_BAD) {
			put_uc(&st, 0xFFFD, true);
			st.nmarks = 0;
		} else if (mode == TEXT_MODE_RAW) {
			if (ascii_only)
				put_uc(&st, uc, false);
			else
				put(&st, s + i, len, false, 0);
		} else
			sanitize_uc(&st, s + i, len, uc);
	}
	if (map != NULL) {
		st.map[n] = st.out.len;
		*map = st.map;
	}
	if (marks != NULL)
		*marks = (unsigned char *)text_buf_steal(&st.marks);
	return text_buf_steal(&st.out);
}

/* An upper-case (or, if lower, a lower-case) hexadecimal digit. */
static bool
is_hex(unsigned char c, bool lower)
{
	if (c >= '0' && c <= '9')
		return true;
	if (lower)
		return c >= 'a' && c <= 'f';
	return c >= 'A' && c <= 'F';
}

/* Whether s[from..from+count) are count hexadecimal digits. */
static bool
all_hex(const unsigned char *p, size_t from, size_t count, bool lower)
{
	size_t	i;

	for (i = from; i < from + count; i++)
		if (!is_hex(p[i], lower))
			return false;
	return true;
}

size_t
text_placeholder(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	if (n < 2)
		return 0;
	switch (p[0]) {
	case '^':			/* put_caret */
		return (p[1] >= '@' && p[1] <= '_') || p[1] == '?' ? 2 : 0;
	case '<':			/* put_codepoint: 4 to 6 digits */
		if (n < 8 || p[1] != 'U' || p[2] != '+')
			return 0;
		for (i = 3; i < n && i < 9 && is_hex(p[i], false); i++)
			;
		return i >= 7 && i < n && p[i] == '>' ? i + 1 : 0;
	case '\\':			/* put_uc in ascii_only mode */
		if (p[1] == 'u' && n >= 6 && all_hex(p, 2, 4, true))
			return 6;
		if (p[1] == 'U' && n >= 10 && all_hex(p, 2, 8, true))
			return 10;
		return 0;
	}
	return 0;
}
