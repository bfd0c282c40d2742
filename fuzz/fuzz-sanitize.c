/*
 * fuzz-sanitize.c -- text_sanitize() in every mode, with and without
 * ascii_only, then text_width(), text_fit() and text_wrap() on what it
 * made.  The first byte also picks the wrap width; all bytes are text.
 *
 * Invariants (doc/reliability.md, text.h):
 *  - the output is valid UTF-8 and NUL-terminated at its length;
 *  - TTY: no byte < 0x20 but LF, PIPE: none but TAB and LF; both: no DEL,
 *    no NUL, no C1 (C2 80..C2 9F), no bidi control, invisible format
 *    character or noncharacter; TTY also no unassigned code point and
 *    never more than 4 combining marks in a row;
 *  - RAW: every input unit accounted for (the output length is exactly
 *    the sum over the input of each unit's replacement), and valid UTF-8
 *    comes out unchanged;
 *  - ascii_only: no byte >= 0x80;
 *  - the marks array covers every output byte, each 0 or 1;
 *  - sanitizing the output again changes nothing;
 *  - the offset map rises, ends at the output's length, and a prefix of
 *    the input ending at a character sanitizes to the map's prefix;
 *  - text_fit: a prefix of whole units (clusters, placeholders kept
 *    whole), within cols, and the longest;
 *  - text_wrap: lines in order, inside the text, without LF, each at most
 *    cols wide unless it is one unit; every byte left out of all lines
 *    is a space or a mandatory break.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unilbrk.h>

#include "fuzz.h"
#include "text/text.h"
#include "text/text-private.h"

/* The characters the display policy never lets through (not RAW). */
static bool
fuzz_hidden(uint32_t uc)
{
	if (uc == 0x00AD || uc == 0x061C || uc == 0x180E || uc == 0x200B ||
	    uc == 0x200E || uc == 0x200F || uc == 0xFEFF)
		return true;
	return (uc >= 0x80 && uc <= 0x9F) ||
	    (uc >= 0x202A && uc <= 0x202E) ||
	    (uc >= 0x2060 && uc <= 0x2064) ||
	    (uc >= 0x2066 && uc <= 0x2069) ||
	    (uc >= 0xFFF9 && uc <= 0xFFFB) ||
	    (uc >= 0xE0000 && uc <= 0xE007F);
}

/* The output length RAW mode must produce for s[0..n). */
static size_t
fuzz_raw_length(const unsigned char *s, size_t n, bool ascii_only)
{
	size_t		i, len, out = 0;
	uint32_t	uc;

	for (i = 0; i < n; i += len) {
		len = text_utf8_decode(s + i, n - i, &uc);
		if (uc == TEXT_BAD)
			out += ascii_only ? 6 : 3;	/* \ufffd or U+FFFD */
		else if (ascii_only && uc >= 0x10000)
			out += 10;			/* \U0001f600 */
		else if (ascii_only && uc >= 0x80)
			out += 6;			/* \u00e9 */
		else
			out += len;
	}
	return out;
}

static void
fuzz_check_policy(const char *out, size_t len, enum text_mode mode,
    bool ascii_only)
{
	const unsigned char	*p = (const unsigned char *)out;
	size_t			 i, k, run = 0;
	uint32_t		 uc;

	FUZZ_CHECK(text_utf8_valid(out, len, NULL, NULL, NULL));
	for (i = 0; i < len; i += k) {
		if (ascii_only)
			FUZZ_CHECK(p[i] < 0x80);
		k = text_utf8_decode(p + i, len - i, &uc);
		FUZZ_CHECK(uc != TEXT_BAD);
		if (mode == TEXT_MODE_RAW)
			continue;
		if (uc < 0x20) {
			FUZZ_CHECK(uc == '\n' ||
			    (uc == '\t' && mode == TEXT_MODE_PIPE));
		}
		FUZZ_CHECK(uc != 0x7F);
		FUZZ_CHECK(!fuzz_hidden(uc));
		FUZZ_CHECK(!(uc >= 0xFDD0 && uc <= 0xFDEF) &&
		    (uc & 0xFFFE) != 0xFFFE);
		if (mode != TEXT_MODE_TTY)
			continue;
		FUZZ_CHECK(!uc_is_general_category(uc, UC_CATEGORY_Cn));
		if (uc_is_general_category(uc, UC_CATEGORY_M)) {
			run++;
			FUZZ_CHECK(run <= 4);
		} else
			run = 0;
	}
}

/* text_fit() at cols: whole units, within cols, the longest such. */
static void
fuzz_check_fit(const char *s, size_t n, size_t cols)
{
	size_t	k, w, i, len, cw, sum = 0;

	k = text_fit(s, n, cols, &w);
	FUZZ_CHECK(k <= n);
	FUZZ_CHECK(w <= cols);
	FUZZ_CHECK(w == text_width(s, k));
	/* The prefix is a run of units... */
	for (i = 0; i < k; i += len) {
		len = text_unit(s + i, n - i, &cw);
		FUZZ_CHECK(len > 0);
		sum += cw;
	}
	FUZZ_CHECK(i == k);
	FUZZ_CHECK(sum == w);
	/* ...and the next would not fit. */
	if (k < n) {
		text_unit(s + k, n - k, &cw);
		FUZZ_CHECK(w + cw > cols);
	}
}

/* text_sanitize_map(): where each character of s[0..n) went. */
static void
fuzz_check_map(const char *s, size_t n, enum text_mode mode, bool ascii_only,
    const char *out, size_t len)
{
	char	*got, *pre;
	size_t	*map, i;

	got = text_sanitize_map(s, n, mode, ascii_only, NULL, &map);
	FUZZ_CHECK(memcmp(got, out, len) == 0);
	FUZZ_CHECK(map[n] == len);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(map[i] <= map[i + 1]);
		/* Checking every prefix is quadratic: a few will do. */
		if (i % 7 != 0 || ((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		pre = text_sanitize(s, i, mode, ascii_only, NULL);
		FUZZ_CHECK(memcmp(pre, out, map[i]) == 0);
		if (mode != TEXT_MODE_RAW)
			FUZZ_CHECK(strlen(pre) == map[i]);
		free(pre);
	}
	free(map);
	free(got);
}

static void
fuzz_check_wrap(const char *s, size_t n, size_t cols)
{
	struct text_line	*lines;
	char			*brk, *covered;
	size_t			 nl, i, k, prev = 0, cw, len;
	uint32_t		 uc;

	nl = text_wrap(s, n, cols, &lines);
	if (n == 0) {
		FUZZ_CHECK(nl == 0 && lines == NULL);
		return;
	}
	if (cols == 0)
		cols = 1;
	covered = calloc(n, 1);
	FUZZ_CHECK(covered != NULL);
	for (i = 0; i < nl; i++) {
		const struct text_line	*l = &lines[i];

		FUZZ_CHECK(l->off >= prev);
		FUZZ_CHECK(l->off <= n && l->len <= n - l->off);
		FUZZ_CHECK(memchr(s + l->off, '\n', l->len) == NULL);
		FUZZ_CHECK(l->width == text_width(s + l->off, l->len));
		if (l->width > cols)
			FUZZ_CHECK(text_unit(s + l->off, l->len, &cw) ==
			    l->len);
		memset(covered + l->off, 1, l->len);
		prev = l->off + l->len;
	}
	/* Only blanks and the break characters themselves are dropped. */
	brk = malloc(n);
	FUZZ_CHECK(brk != NULL);
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
	for (k = 0; k < n; k += len) {
		len = text_utf8_decode((const unsigned char *)s + k, n - k,
		    &uc);
		if (covered[k])
			continue;
		FUZZ_CHECK(s[k] == ' ' || brk[k] == UC_BREAK_MANDATORY ||
		    brk[k] == UC_BREAK_CR_BEFORE_LF);
	}
	free(brk);
	free(covered);
	free(lines);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum text_mode	 modes[] = {
		TEXT_MODE_TTY, TEXT_MODE_PIPE, TEXT_MODE_RAW
	};
	const char			*s = (const char *)data;
	char				*out, *again;
	unsigned char			*marks;
	size_t				 len, alen, i, m, cols;
	bool				 ascii_only, plain;
	int				 a;

	cols = size > 0 ? data[0] % 41 : 10;
	/* Printable ASCII and LF only: every mode copies it unchanged. */
	plain = true;
	for (i = 0; i < size && plain; i++)
		plain = (data[i] >= 0x20 && data[i] < 0x7F) || data[i] == '\n';

	for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		for (a = 0; a < 2; a++) {
			ascii_only = a == 1;
			out = text_sanitize(s, size, modes[m], ascii_only,
			    &marks);
			if (modes[m] == TEXT_MODE_RAW) {
				len = fuzz_raw_length(data, size, ascii_only);
				FUZZ_CHECK(out[len] == '\0');
				if (!ascii_only && text_utf8_valid(s, size,
				    NULL, NULL, NULL))
					FUZZ_CHECK(len == size &&
					    memcmp(out, s, size) == 0);
			} else
				len = strlen(out);
			if (plain)
				FUZZ_CHECK(len == size &&
				    memcmp(out, s, size) == 0);
			fuzz_check_policy(out, len, modes[m], ascii_only);
			fuzz_check_map(s, size, modes[m], ascii_only, out, len);
			/* ASan sees a marks array shorter than the output. */
			for (i = 0; i < len; i++)
				FUZZ_CHECK(marks[i] == 0 || marks[i] == 1);
			free(marks);

			again = text_sanitize(out, len, modes[m], ascii_only,
			    NULL);
			alen = modes[m] == TEXT_MODE_RAW ? fuzz_raw_length(
			    (const unsigned char *)out, len, ascii_only) :
			    strlen(again);
			FUZZ_CHECK(alen == len && memcmp(again, out, len) == 0);
			free(again);

			if (modes[m] == TEXT_MODE_TTY && !ascii_only) {
				fuzz_check_fit(out, len, cols);
				fuzz_check_fit(out, len, 0);
				fuzz_check_wrap(out, len, cols);
			}
			free(out);
		}
	}
	/* Unsanitized bytes must not trouble the measuring either. */
	fuzz_check_fit(s, size, cols);
	fuzz_check_wrap(s, size, cols);
	return 0;
}
