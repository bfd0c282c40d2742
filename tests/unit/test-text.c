/*
 * test-text.c -- unit tests of the text module (src/text): what the user
 * sees after sanitizing, measuring, wrapping and folding, byte for byte.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "text/text.h"
#include "util/xmalloc.h"

/* A string literal as (pointer, length): literals may hold NUL bytes. */
#define S(x)	(x), (sizeof (x) - 1)

/* Deterministic pseudo-random numbers, so that a failure can be rerun. */
static uint32_t	rng_state = 12345;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Fail showing both strings, escaped, when two byte ranges differ. */
static void
assert_bytes(const char *got, size_t gotlen, const char *want, size_t wantlen)
{
	size_t	i;

	if (gotlen == wantlen && memcmp(got, want, gotlen) == 0)
		return;
	fprintf(stderr, "got  (%zu): ", gotlen);
	for (i = 0; i < gotlen; i++)
		fprintf(stderr, "\\x%02x", (unsigned char)got[i]);
	fprintf(stderr, "\nwant (%zu): ", wantlen);
	for (i = 0; i < wantlen; i++)
		fprintf(stderr, "\\x%02x", (unsigned char)want[i]);
	fprintf(stderr, "\n");
	fail();
}

/* ---------------------------------------------------------------- buf */

static void
test_buf_appends(void **state)
{
	struct text_buf	b;

	(void)state;
	text_buf_init(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	text_buf_add(&b, S("ab"));
	text_buf_addc(&b, 'c');
	text_buf_puts(&b, "de");
	text_buf_add(&b, S("\0f"));
	assert_int_equal(b.len, 7);
	assert_bytes(b.data, b.len, S("abcde\0f"));
	assert_int_equal(b.data[b.len], '\0');
	text_buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

static void
test_buf_add_nothing_terminates(void **state)
{
	struct text_buf	b;

	(void)state;
	text_buf_init(&b);
	text_buf_add(&b, NULL, 0);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	text_buf_free(&b);
}

static void
test_buf_printf(void **state)
{
	struct text_buf	 b;
	char		*s;
	int		 i;

	(void)state;
	text_buf_init(&b);
	text_buf_printf(&b, "%d-%s", 42, "x");
	assert_string_equal(b.data, "42-x");
	/* Longer than any first allocation: the retry path. */
	for (i = 0; i < 3; i++)
		text_buf_printf(&b, "%0100d", i);
	assert_int_equal(b.len, 4 + 300);
	assert_int_equal(b.data[b.len], '\0');
	assert_int_equal(b.data[4 + 99], '0');
	assert_int_equal(b.data[4 + 299], '2');
	s = text_buf_steal(&b);
	assert_int_equal(strlen(s), 304);
	free(s);
}

static void
test_buf_steal(void **state)
{
	struct text_buf	 b;
	char		*s;

	(void)state;
	text_buf_init(&b);
	s = text_buf_steal(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);

	text_buf_puts(&b, "hello");
	s = text_buf_steal(&b);
	assert_string_equal(s, "hello");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	free(s);
	/* The buffer is usable again after stealing. */
	text_buf_puts(&b, "again");
	assert_string_equal(b.data, "again");
	text_buf_free(&b);
}

static void
test_buf_large(void **state)
{
	struct text_buf	b;
	size_t		i;

	(void)state;
	text_buf_init(&b);
	for (i = 0; i < 100000; i++)
		text_buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 100000);
	assert_int_equal(b.data[99999], 'a' + 99999 % 26);
	assert_int_equal(b.data[100000], '\0');
	text_buf_free(&b);
}

/* --------------------------------------------------------------- utf8 */

static void
test_utf8_valid_good(void **state)
{
	(void)state;
	assert_true(text_utf8_valid(S(""), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("plain ASCII\n"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("a\0b"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("caf\xc3\xa9 \xe4\xb8\xad "
	    "\xf0\x9f\x98\x80"), NULL, NULL, NULL));
	/* The edges of Table 3-7. */
	assert_true(text_utf8_valid(S("\xc2\x80"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("\xdf\xbf"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("\xe0\xa0\x80"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("\xed\x9f\xbf"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("\xee\x80\x80"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("\xef\xbf\xbf"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("\xf0\x90\x80\x80"), NULL, NULL, NULL));
	assert_true(text_utf8_valid(S("\xf4\x8f\xbf\xbf"), NULL, NULL, NULL));
}

static void
test_utf8_valid_position(void **state)
{
	size_t		line = 0, col = 0;
	unsigned char	byte = 0;

	(void)state;
	/* Columns count characters, not bytes. */
	assert_false(text_utf8_valid(S("ab\nc\xc3\xa9\xff z"), &line, &col,
	    &byte));
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	assert_int_equal(byte, 0xff);

	assert_false(text_utf8_valid(S("\xe9t\xe9"), &line, &col, &byte));
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	assert_int_equal(byte, 0xe9);

	assert_false(text_utf8_valid(S("x\n\n\n\xe4\xb8\xad\xe4\xb8"), &line,
	    &col, &byte));
	assert_int_equal(line, 4);
	assert_int_equal(col, 2);
	assert_int_equal(byte, 0xe4);

	/* The out parameters are optional. */
	assert_false(text_utf8_valid(S("\x80"), NULL, NULL, NULL));
}

static void
test_utf8_valid_bad(void **state)
{
	static const struct {
		const char	*s;
		size_t		 n;
		unsigned char	 byte;
	} bad[] = {
		{ S("\x80"), 0x80 },			/* lone continuation */
		{ S("\xbf"), 0xbf },
		{ S("\xc0\xaf"), 0xc0 },		/* overlong '/' */
		{ S("\xc1\xbf"), 0xc1 },
		{ S("\xe0\x80\xaf"), 0xe0 },		/* overlong */
		{ S("\xe0\x9f\xbf"), 0xe0 },
		{ S("\xed\xa0\x80"), 0xed },		/* surrogate */
		{ S("\xed\xbf\xbf"), 0xed },
		{ S("\xf0\x80\x80\xaf"), 0xf0 },	/* overlong */
		{ S("\xf0\x8f\xbf\xbf"), 0xf0 },
		{ S("\xf4\x90\x80\x80"), 0xf4 },	/* > U+10FFFF */
		{ S("\xf5\x80\x80\x80"), 0xf5 },
		{ S("\xfe"), 0xfe },
		{ S("\xff"), 0xff },
		{ S("\xc3"), 0xc3 },			/* truncated */
		{ S("\xe4\xb8"), 0xe4 },
		{ S("\xf0\x9f\x98"), 0xf0 },
		{ S("\xc3" "a"), 0xc3 },		/* interrupted */
	};
	size_t		i, line, col;
	unsigned char	byte;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		line = col = 0;
		byte = 0;
		assert_false(text_utf8_valid(bad[i].s, bad[i].n, &line, &col,
		    &byte));
		assert_int_equal(line, 1);
		assert_int_equal(col, 1);
		assert_int_equal(byte, bad[i].byte);
	}
}

/* ----------------------------------------------------------- sanitize */

/*
 * What every sanitized string must be, whatever the input: valid UTF-8,
 * no C0 byte but LF (and TAB outside TTY mode), no DEL and no C1 code
 * point (outside RAW mode), only ASCII if ascii_only, and a marks entry
 * for every byte.
 */
static void
check_sanitized(const char *out, size_t len, const unsigned char *marks,
    enum text_mode mode, bool ascii_only)
{
	size_t		i;
	ucs4_t		uc;
	int		k;

	assert_int_equal(out[len], '\0');
	assert_true(text_utf8_valid(out, len, NULL, NULL, NULL));
	for (i = 0; i < len; i += (size_t)k) {
		/* Reading every marks entry lets ASan check the array size. */
		assert_true(marks[i] == 0 || marks[i] == 1);
		k = u8_mbtouc(&uc, (const uint8_t *)out + i, len - i);
		assert_true(k > 0);
		if (ascii_only)
			assert_true(uc < 0x80);
		if (mode == TEXT_MODE_RAW)
			continue;
		if (uc < 0x20) {
			assert_true(uc == '\n' ||
			    (uc == '\t' && mode != TEXT_MODE_TTY));
		}
		assert_true(uc != 0x7f);
		assert_false(uc >= 0x80 && uc <= 0x9f);
	}
	for (i = 0; i < len; i++)
		assert_true(marks[i] == 0 || marks[i] == 1);
}

/* Sanitize s and compare with want, checking the invariants as well. */
static void
expect_sanitize(const char *s, size_t n, enum text_mode mode,
    bool ascii_only, const char *want, size_t wantlen)
{
	char		*out;
	unsigned char	*marks;

	out = text_sanitize(s, n, mode, ascii_only, &marks);
	assert_non_null(marks);
	assert_bytes(out, strlen(out), want, wantlen);
	check_sanitized(out, wantlen, marks, mode, ascii_only);
	free(marks);
	free(out);

	/* Without marks, the same text. */
	out = text_sanitize(s, n, mode, ascii_only, NULL);
	assert_bytes(out, strlen(out), want, wantlen);
	free(out);
}

/* Sanitize s and compare the marks with want, a string of '0' and '1'. */
static void
expect_marks(const char *s, size_t n, enum text_mode mode, bool ascii_only,
    const char *want)
{
	char		*out;
	unsigned char	*marks;
	size_t		 i, len;

	out = text_sanitize(s, n, mode, ascii_only, &marks);
	len = strlen(out);
	assert_int_equal(len, strlen(want));
	for (i = 0; i < len; i++) {
		if (marks[i] != want[i] - '0') {
			fprintf(stderr, "marks of \"%s\" at %zu: %d\n", out, i,
			    marks[i]);
			fail();
		}
	}
	free(marks);
	free(out);
}

static void
test_sanitize_plain(void **state)
{
	(void)state;
	expect_sanitize(S("Hello, world!"), TEXT_MODE_TTY, false,
	    S("Hello, world!"));
	expect_sanitize(S("Hello, world!"), TEXT_MODE_PIPE, false,
	    S("Hello, world!"));
	expect_sanitize(S("Hello, world!"), TEXT_MODE_RAW, false,
	    S("Hello, world!"));
	expect_sanitize(S("caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 "
	    "\xf0\x9f\x98\x80"), TEXT_MODE_TTY, false,
	    S("caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80"));
	expect_sanitize(S(""), TEXT_MODE_TTY, false, S(""));
	expect_sanitize(S(""), TEXT_MODE_RAW, true, S(""));
}

static void
test_sanitize_c0_caret(void **state)
{
	(void)state;
	expect_sanitize(S("\x1b[31mred\x1b[0m"), TEXT_MODE_TTY, false,
	    S("^[[31mred^[[0m"));
	expect_sanitize(S("\x1b]0;title\x07"), TEXT_MODE_PIPE, false,
	    S("^[]0;title^G"));
	expect_sanitize(S("a\0b"), TEXT_MODE_TTY, false, S("a^@b"));
	expect_sanitize(S("line\r\n"), TEXT_MODE_TTY, false, S("line^M\n"));
	expect_sanitize(S("\x01\x08\x0b\x0c\x1a\x1c\x1f"), TEXT_MODE_PIPE,
	    false, S("^A^H^K^L^Z^\\^_"));
	expect_sanitize(S("del\x7f"), TEXT_MODE_TTY, false, S("del^?"));
	expect_sanitize(S("del\x7f"), TEXT_MODE_PIPE, true, S("del^?"));
}

static void
test_sanitize_raw_keeps_controls(void **state)
{
	(void)state;
	expect_sanitize(S("\x1b[31m\x7f\r\t\n"), TEXT_MODE_RAW, false,
	    S("\x1b[31m\x7f\r\t\n"));
	expect_sanitize(S("\xc2\x9b" "1m\xe2\x80\xae"), TEXT_MODE_RAW, false,
	    S("\xc2\x9b" "1m\xe2\x80\xae"));
	/* ... but not ill-formed UTF-8. */
	expect_sanitize(S("\x1b\xff"), TEXT_MODE_RAW, false,
	    S("\x1b\xef\xbf\xbd"));
}

static void
test_sanitize_lf(void **state)
{
	(void)state;
	expect_sanitize(S("a\nb\n"), TEXT_MODE_TTY, false, S("a\nb\n"));
	expect_sanitize(S("a\nb\n"), TEXT_MODE_PIPE, true, S("a\nb\n"));
	expect_sanitize(S("\n\n"), TEXT_MODE_RAW, false, S("\n\n"));
}

static void
test_sanitize_tab_tty(void **state)
{
	(void)state;
	expect_sanitize(S("\tx"), TEXT_MODE_TTY, false, S("        x"));
	expect_sanitize(S("a\tb"), TEXT_MODE_TTY, false, S("a       b"));
	expect_sanitize(S("abcdefg\tb"), TEXT_MODE_TTY, false,
	    S("abcdefg b"));
	expect_sanitize(S("abcdefgh\tb"), TEXT_MODE_TTY, false,
	    S("abcdefgh        b"));
	expect_sanitize(S("a\t\tb"), TEXT_MODE_TTY, false,
	    S("a               b"));
	/* Columns restart after LF. */
	expect_sanitize(S("abc\n\tx"), TEXT_MODE_TTY, false,
	    S("abc\n        x"));
	/* Columns are display widths of the output. */
	expect_sanitize(S("\xe4\xb8\xad\tx"), TEXT_MODE_TTY, false,
	    S("\xe4\xb8\xad      x"));
	expect_sanitize(S("e\xcc\x81\tx"), TEXT_MODE_TTY, false,
	    S("e\xcc\x81       x"));
	expect_sanitize(S("\x1b\tx"), TEXT_MODE_TTY, false, S("^[      x"));
	expect_sanitize(S("\xc2\x85\tx"), TEXT_MODE_TTY, false,
	    S("<U+0085>        x"));
	expect_sanitize(S("\xc3\xa9\tx"), TEXT_MODE_TTY, true,
	    S("\\u00e9  x"));
}

static void
test_sanitize_tab_pipe_raw(void **state)
{
	(void)state;
	expect_sanitize(S("a\tb"), TEXT_MODE_PIPE, false, S("a\tb"));
	expect_sanitize(S("a\tb"), TEXT_MODE_RAW, false, S("a\tb"));
	expect_sanitize(S("a\tb"), TEXT_MODE_PIPE, true, S("a\tb"));
}

static void
test_sanitize_c1(void **state)
{
	(void)state;
	expect_sanitize(S("\xc2\x80"), TEXT_MODE_TTY, false, S("<U+0080>"));
	expect_sanitize(S("a\xc2\x85" "b"), TEXT_MODE_TTY, false,
	    S("a<U+0085>b"));
	expect_sanitize(S("\xc2\x9b" "31m"), TEXT_MODE_PIPE, false,
	    S("<U+009B>31m"));
	expect_sanitize(S("\xc2\x9f"), TEXT_MODE_PIPE, true, S("<U+009F>"));
	/* U+00A0 is past the C1 range: kept. */
	expect_sanitize(S("\xc2\xa0"), TEXT_MODE_TTY, false, S("\xc2\xa0"));
}

/* Every ill-formed case in every mode: maximal subparts, Table 3-8. */
static void
test_sanitize_ill_formed(void **state)
{
	static const struct {
		const char	*s;
		size_t		 n;
		const char	*want;
		size_t		 wantlen;
	} t[] = {
		{ S("\xe0\x80\x41"), S("\xef\xbf\xbd\xef\xbf\xbd" "A") },
		{ S("\xf0\x9f\x98"), S("\xef\xbf\xbd") },
		{ S("\xf0\x9f\x98" "x"), S("\xef\xbf\xbd" "x") },
		{ S("\xc0\xaf"), S("\xef\xbf\xbd\xef\xbf\xbd") },
		{ S("\xed\xa0\x80"), S("\xef\xbf\xbd\xef\xbf\xbd"
		    "\xef\xbf\xbd") },
		{ S("\xf4\x90\x80\x80"), S("\xef\xbf\xbd\xef\xbf\xbd"
		    "\xef\xbf\xbd\xef\xbf\xbd") },
		{ S("caf\xe9"), S("caf\xef\xbf\xbd") },
		{ S("\xe9t\xe9"), S("\xef\xbf\xbdt\xef\xbf\xbd") },
		{ S("\x80\xbf"), S("\xef\xbf\xbd\xef\xbf\xbd") },
		{ S("\xff\xfe"), S("\xef\xbf\xbd\xef\xbf\xbd") },
		{ S("\xe4\xb8"), S("\xef\xbf\xbd") },
		{ S("\xe4\xb8\xe4\xb8\xad"), S("\xef\xbf\xbd\xe4\xb8\xad") },
		{ S("\xc3\n"), S("\xef\xbf\xbd\n") },
		/* The Unicode 3.9 example, Table 3-8. */
		{ S("\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64"),
		  S("a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd"
		    "c\xef\xbf\xbd\xef\xbf\xbd" "d") },
	};
	static const enum text_mode modes[] = {
		TEXT_MODE_TTY, TEXT_MODE_PIPE, TEXT_MODE_RAW
	};
	size_t	i, m;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		for (m = 0; m < 3; m++)
			expect_sanitize(t[i].s, t[i].n, modes[m], false,
			    t[i].want, t[i].wantlen);
	}
}

static void
test_sanitize_bidi_and_invisible(void **state)
{
	static const uint32_t	hidden[] = {
		0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
		0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x00AD, 0x180E,
		0x200B, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF,
		0xE0000, 0xE0001, 0xE0020, 0xE0041, 0xE007F, 0xFFF9,
		0xFFFA, 0xFFFB
	};
	uint8_t	in[8];
	char	want[16];
	size_t	i;
	int	len, wlen;

	(void)state;
	for (i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		len = u8_uctomb(in, hidden[i], sizeof in);
		wlen = snprintf(want, sizeof want, "<U+%04X>",
		    (unsigned)hidden[i]);
		expect_sanitize((char *)in, (size_t)len, TEXT_MODE_TTY, false,
		    want, (size_t)wlen);
		expect_sanitize((char *)in, (size_t)len, TEXT_MODE_PIPE, false,
		    want, (size_t)wlen);
		expect_sanitize((char *)in, (size_t)len, TEXT_MODE_TTY, true,
		    want, (size_t)wlen);
		expect_sanitize((char *)in, (size_t)len, TEXT_MODE_RAW, false,
		    (char *)in, (size_t)len);
	}
	/* Trojan Source: the override is visible, the text in order. */
	expect_sanitize(S("if (a \xe2\x80\xae) b"), TEXT_MODE_TTY, false,
	    S("if (a <U+202E>) b"));
	expect_sanitize(S("\xef\xbb\xbftext"), TEXT_MODE_TTY, false,
	    S("<U+FEFF>text"));
	expect_sanitize(S("\xf3\xa0\x80\x81"), TEXT_MODE_TTY, false,
	    S("<U+E0001>"));
	/* Joiners that shape scripts and emoji are not hidden. */
	expect_sanitize(S("\xe2\x80\x8c\xe2\x80\x8d"), TEXT_MODE_TTY, false,
	    S("\xe2\x80\x8c\xe2\x80\x8d"));
}

static void
test_sanitize_unassigned(void **state)
{
	(void)state;
	/* Noncharacters and unassigned code points: U+FFFD on a terminal. */
	expect_sanitize(S("\xef\xbf\xbf"), TEXT_MODE_TTY, false,
	    S("\xef\xbf\xbd"));
	expect_sanitize(S("\xef\xbf\xbe"), TEXT_MODE_TTY, false,
	    S("\xef\xbf\xbd"));
	expect_sanitize(S("\xef\xb7\x90"), TEXT_MODE_TTY, false,
	    S("\xef\xbf\xbd"));
	expect_sanitize(S("\xf4\x8f\xbf\xbf"), TEXT_MODE_TTY, false,
	    S("\xef\xbf\xbd"));
	expect_sanitize(S("x\xcd\xb8y"), TEXT_MODE_TTY, false,
	    S("x\xef\xbf\xbdy"));
	/*
	 * A pipe gets the reader's U+FFFD for every noncharacter, but keeps
	 * unassigned code points, which a newer Unicode may have assigned.
	 */
	expect_sanitize(S("\xef\xbf\xbf"), TEXT_MODE_PIPE, false,
	    S("\xef\xbf\xbd"));
	expect_sanitize(S("a\xef\xbf\xbe" "b"), TEXT_MODE_PIPE, false,
	    S("a\xef\xbf\xbd" "b"));
	expect_sanitize(S("\xef\xb7\x90\xef\xb7\xaf"), TEXT_MODE_PIPE,
	    false, S("\xef\xbf\xbd\xef\xbf\xbd"));
	expect_sanitize(S("\xf0\x9f\xbf\xbe\xf4\x8f\xbf\xbf"),
	    TEXT_MODE_PIPE, false, S("\xef\xbf\xbd\xef\xbf\xbd"));
	expect_marks(S("\xef\xbf\xbf"), TEXT_MODE_PIPE, false, "111");
	expect_sanitize(S("x\xcd\xb8y"), TEXT_MODE_PIPE, false,
	    S("x\xcd\xb8y"));
	/* Next to the noncharacters, assigned characters are kept. */
	expect_sanitize(S("\xef\xb7\x8f\xef\xb7\xb0\xef\xbf\xbd"),
	    TEXT_MODE_PIPE, false,
	    S("\xef\xb7\x8f\xef\xb7\xb0\xef\xbf\xbd"));
	expect_sanitize(S("\xef\xbf\xbf"), TEXT_MODE_RAW, false,
	    S("\xef\xbf\xbf"));
	expect_sanitize(S("\xef\xbf\xbf"), TEXT_MODE_TTY, true,
	    S("\\ufffd"));
	/* Private use is assigned: kept. */
	expect_sanitize(S("\xee\x80\x80"), TEXT_MODE_TTY, false,
	    S("\xee\x80\x80"));
}

static void
test_sanitize_combining_cap(void **state)
{
	(void)state;
	/* Four marks stay. */
	expect_sanitize(S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84"), TEXT_MODE_TTY,
	    false, S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84"));
	/* A fifth and more become one ellipsis after the kept ones. */
	expect_sanitize(S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85x"),
	    TEXT_MODE_TTY, false,
	    S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xe2\x80\xa6x"));
	expect_sanitize(S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85\xcc\x86"
	    "\xcc\x87\xcc\x88\xcc\x89"), TEXT_MODE_TTY, false,
	    S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xe2\x80\xa6"));
	/* Each base has its own count. */
	expect_sanitize(S("a\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"
	    "b\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"), TEXT_MODE_TTY, false,
	    S("a\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xe2\x80\xa6"
	    "b\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xe2\x80\xa6"));
	/* Marks at the very start are capped too. */
	expect_sanitize(S("\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"),
	    TEXT_MODE_TTY, false,
	    S("\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xe2\x80\xa6"));
	/* A zero-width joiner does not start a new pile. */
	expect_sanitize(S("a\xcc\x81\xcc\x81\xcc\x81\xe2\x80\x8d\xcc\x81"
	    "\xcc\x81"), TEXT_MODE_TTY, false,
	    S("a\xcc\x81\xcc\x81\xcc\x81\xe2\x80\x8d\xcc\x81\xe2\x80\xa6"));
	/* Only TTY mode caps. */
	expect_sanitize(S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85"),
	    TEXT_MODE_PIPE, false,
	    S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85"));
	expect_sanitize(S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85"),
	    TEXT_MODE_RAW, false,
	    S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85"));
	/* In ascii_only mode the ellipsis is escaped as well. */
	expect_sanitize(S("e\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"),
	    TEXT_MODE_TTY, true,
	    S("e\\u0301\\u0301\\u0301\\u0301\\u2026"));
}

static void
test_sanitize_ascii_only(void **state)
{
	(void)state;
	expect_sanitize(S("caf\xc3\xa9"), TEXT_MODE_TTY, true,
	    S("caf\\u00e9"));
	expect_sanitize(S("\xf0\x9f\x98\x80!"), TEXT_MODE_PIPE, true,
	    S("\\U0001f600!"));
	expect_sanitize(S("\xe4\xb8\xad"), TEXT_MODE_RAW, true,
	    S("\\u4e2d"));
	expect_sanitize(S("\xef\xbf\xbd"), TEXT_MODE_TTY, true,
	    S("\\ufffd"));
	expect_sanitize(S("\xff"), TEXT_MODE_TTY, true, S("\\ufffd"));
	expect_sanitize(S("\xff"), TEXT_MODE_RAW, true, S("\\ufffd"));
	expect_sanitize(S("\xc2\x85\x1b"), TEXT_MODE_TTY, true,
	    S("<U+0085>^["));
	expect_sanitize(S("\xf4\x8f\xbf\xbd"), TEXT_MODE_PIPE, true,
	    S("\\U0010fffd"));
	expect_sanitize(S("plain"), TEXT_MODE_TTY, true, S("plain"));
}

static void
test_sanitize_marks(void **state)
{
	(void)state;
	expect_marks(S("a\x1b" "b"), TEXT_MODE_TTY, false, "0110");
	expect_marks(S("\xc3\xa9"), TEXT_MODE_TTY, false, "00");
	expect_marks(S("\xff" "a"), TEXT_MODE_TTY, false, "1110");
	expect_marks(S("\xff" "a"), TEXT_MODE_RAW, false, "1110");
	expect_marks(S("\xe2\x80\xae"), TEXT_MODE_PIPE, false, "11111111");
	expect_marks(S("\xc2\x9b"), TEXT_MODE_TTY, false, "11111111");
	expect_marks(S("a\tb"), TEXT_MODE_TTY, false, "000000000");
	expect_marks(S("a\tb\n"), TEXT_MODE_PIPE, false, "0000");
	expect_marks(S("\xef\xbf\xbf"), TEXT_MODE_TTY, false, "111");
	expect_marks(S("\xc3\xa9"), TEXT_MODE_TTY, true, "111111");
	expect_marks(S("e\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81"),
	    TEXT_MODE_TTY, false, "000000000111");
	expect_marks(S(""), TEXT_MODE_TTY, false, "");
}

static size_t
count_nul(const char *s, size_t n)
{
	size_t	i, c;

	for (i = c = 0; i < n; i++)
		c += s[i] == '\0';
	return c;
}

/* Random bytes, weighted towards the interesting ones, in every mode. */
static void
test_sanitize_random_invariants(void **state)
{
	static const char *const pieces[] = {
		"a", " ", "\t", "\n", "\r", "\x1b", "\x7f", "\0", "\xc2\x85",
		"\xc2\x9b", "\xe2\x80\xae", "\xef\xbb\xbf", "\xcc\x81",
		"\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xef\xbf\xbf", "\xc3\xa9",
		"\xe2\x80\x8d", "\xf3\xa0\x80\x81"
	};
	static const size_t piecelen[] = {
		1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 2, 3, 4, 3, 2, 3, 4
	};
	static const enum text_mode modes[] = {
		TEXT_MODE_TTY, TEXT_MODE_PIPE, TEXT_MODE_RAW
	};
	struct text_buf	 in;
	char		*out;
	unsigned char	*marks;
	size_t		 iter, k, m, len;
	uint32_t	 r;
	bool		 ascii;

	(void)state;
	for (iter = 0; iter < 2000; iter++) {
		text_buf_init(&in);
		len = rng() % 40;
		for (k = 0; k < len; k++) {
			r = rng() % 24;
			if (r < 19)
				text_buf_add(&in, pieces[r], piecelen[r]);
			else
				text_buf_addc(&in, (char)(rng() & 0xff));
		}
		for (m = 0; m < 6; m++) {
			ascii = m >= 3;
			out = text_sanitize(in.data, in.len, modes[m % 3],
			    ascii, &marks);
			check_sanitized(out, strlen(out), marks, modes[m % 3],
			    ascii);
			/* TTY output has its tabs expanded to stops. */
			if (modes[m % 3] == TEXT_MODE_TTY)
				assert_null(memchr(out, '\t', strlen(out)));
			/* Outside RAW mode no NUL can end the text early. */
			if (modes[m % 3] != TEXT_MODE_RAW)
				assert_true(strlen(out) >= in.len -
				    count_nul(in.data, in.len));
			free(marks);
			free(out);
		}
		text_buf_free(&in);
	}
}

/* Where each source byte went: the sanitizer's offset map. */
static void
test_sanitize_map(void **state)
{
	size_t	*map;
	char	*out;

	(void)state;
	/* a ESC b e-acute TAB c: "a^[b\u00e9" then spaces to column 8. */
	out = text_sanitize_map(S("a\x1b" "b\xc3\xa9\tc"), TEXT_MODE_TTY,
	    false, NULL, &map);
	assert_string_equal(out, "a^[b\xc3\xa9   c");
	assert_int_equal(map[0], 0);
	assert_int_equal(map[1], 1);		/* ESC: its "^[" */
	assert_int_equal(map[2], 3);
	assert_int_equal(map[3], 4);		/* e-acute... */
	assert_int_equal(map[4], 4);		/* ...inside it: its start */
	assert_int_equal(map[5], 6);		/* TAB: its spaces */
	assert_int_equal(map[6], 9);
	assert_int_equal(map[7], 10);		/* the end */
	free(map);
	free(out);

	/* Dropped marks map to where the text goes on. */
	out = text_sanitize_map(S("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85"
	    "\xcc\x86x"), TEXT_MODE_TTY, false, NULL, &map);
	assert_int_equal(map[9], 9);		/* the fifth: the ellipsis */
	assert_int_equal(map[11], 12);		/* the sixth: nothing */
	assert_int_equal(map[13], 12);		/* x */
	assert_int_equal(map[14], 13);
	free(map);
	free(out);

	/* Ill-formed: each maximal subpart is one U+FFFD. */
	out = text_sanitize_map(S("\xe0\x80" "A"), TEXT_MODE_PIPE, false, NULL,
	    &map);
	assert_string_equal(out, "\xef\xbf\xbd\xef\xbf\xbd" "A");
	assert_int_equal(map[1], 3);
	assert_int_equal(map[2], 6);
	free(map);
	free(out);
}

/*
 * For random text in every mode: sanitizing a prefix that ends at a
 * character gives the output up to that offset of the map.
 */
static void
test_sanitize_map_random(void **state)
{
	static const char *const pieces[] = {
		"a", " ", "\t", "\n", "\x1b", "\0", "\xc2\x85",
		"\xe2\x80\xae", "\xcc\x81", "\xe4\xb8\xad", "\xef\xbf\xbf",
		"\xc3\xa9", "\xe0\x80", "\xf0\x9f\x98\x80", "\xff"
	};
	static const enum text_mode modes[] = {
		TEXT_MODE_TTY, TEXT_MODE_PIPE, TEXT_MODE_RAW
	};
	struct text_buf	 in;
	char		*out, *pre;
	size_t		*map, iter, k, m, i, prelen;

	(void)state;
	for (iter = 0; iter < 400; iter++) {
		text_buf_init(&in);
		for (k = rng() % 24; k > 0; k--) {
			const char *p = pieces[rng() % 15];

			text_buf_add(&in, p, *p == '\0' ? 1 : strlen(p));
		}
		for (m = 0; m < 6; m++) {
			out = text_sanitize_map(in.data, in.len, modes[m % 3],
			    m >= 3, NULL, &map);
			for (i = 0; i <= in.len; i++) {
				if (i > 0)
					assert_true(map[i] >= map[i - 1]);
				if (i < in.len && ((unsigned char)in.data[i] &
				    0xC0) == 0x80)
					continue;
				pre = text_sanitize_map(in.data, i,
				    modes[m % 3], m >= 3, NULL, NULL);
				prelen = strlen(pre);
				if (modes[m % 3] != TEXT_MODE_RAW) {
					assert_int_equal(prelen, map[i]);
				}
				assert_memory_equal(pre, out, prelen);
				free(pre);
			}
			free(map);
			free(out);
		}
		text_buf_free(&in);
	}
}

/* -------------------------------------------------------------- width */

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(S("")), 0);
	assert_int_equal(text_width(S("hello")), 5);
	assert_int_equal(text_width(S("\xe4\xb8\xad\xe6\x96\x87")), 4);
	assert_int_equal(text_width(S("e\xcc\x81")), 1);
	assert_int_equal(text_width(S("\xf0\x9f\x98\x80")), 2);
	assert_int_equal(text_width(S("\xef\xbc\xa1")), 2);	/* Ａ */
	assert_int_equal(text_width(S("\xe2\x80\x8b")), 0);	/* ZWSP */
	assert_int_equal(text_width(S("\x1b\n")), 0);
	assert_int_equal(text_width(S("a\0b")), 2);
}

static void
test_width_ill_formed(void **state)
{
	(void)state;
	assert_int_equal(text_width(S("\xff")), 1);
	assert_int_equal(text_width(S("\xff\xfe")), 2);
	assert_int_equal(text_width(S("\xf0\x9f\x98")), 3);
	assert_int_equal(text_width(S("\xe0\x80\x41")), 3);
	assert_int_equal(text_width(S("\xed\xa0\x80")), 3);
	assert_int_equal(text_width(S("\xe4\xb8\xad\xe4\xb8")), 4);
}

static void
test_width_matches_u8_width(void **state)
{
	static const char *const s[] = {
		"plain", "caf\xc3\xa9", "\xe4\xb8\xad\xe6\x96\x87",
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
		"\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\x82\xe0\xa4\xa6\xe0\xa5\x80",
		"\xea\xb0\x80\xe1\x84\x80\xe1\x85\xa1", "\xc2\xa0\xc2\xad",
		"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7", "\xef\xbd\xb1\xe3\x80\x80"
	};
	size_t	i, n;

	(void)state;
	for (i = 0; i < sizeof s / sizeof s[0]; i++) {
		n = strlen(s[i]);
		assert_int_equal(text_width(s[i], n),
		    (size_t)u8_width((const uint8_t *)s[i], n, "UTF-8"));
	}
}

static void
test_fit(void **state)
{
	size_t	w;

	(void)state;
	assert_int_equal(text_fit(S("hello"), 3, &w), 3);
	assert_int_equal(w, 3);
	assert_int_equal(text_fit(S("hello"), 10, &w), 5);
	assert_int_equal(w, 5);
	assert_int_equal(text_fit(S("hello"), 0, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_fit(S(""), 5, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_fit(S("hello"), 2, NULL), 2);
	/* Wide characters are not split. */
	assert_int_equal(text_fit(S("\xe4\xb8\xad\xe6\x96\x87"), 3, &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit(S("\xe4\xb8\xad\xe6\x96\x87"), 1, &w), 0);
	assert_int_equal(w, 0);
	assert_int_equal(text_fit(S("a\xe4\xb8\xad"), 2, &w), 1);
	assert_int_equal(w, 1);
}

static void
test_fit_keeps_marks(void **state)
{
	size_t	w;

	(void)state;
	/* "é" decomposed stays whole, marks and all. */
	assert_int_equal(text_fit(S("e\xcc\x81\xcc\xa3x"), 1, &w), 5);
	assert_int_equal(w, 1);
	assert_int_equal(text_fit(S("ae\xcc\x81x"), 1, &w), 1);
	assert_int_equal(w, 1);
	/* Zero-width marks after the last fitting base come along. */
	assert_int_equal(text_fit(S("ab\xcc\x81"), 2, &w), 4);
	assert_int_equal(w, 2);
	/* A flag (two regional indicators) is one cluster. */
	assert_int_equal(text_fit(S("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
	    "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"), 3, &w), 8);
	assert_int_equal(w, 2);
	/* So is an emoji with its skin tone, and a ZWJ sequence. */
	assert_int_equal(text_fit(S("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbdx"), 2,
	    &w), 0);
	assert_int_equal(text_fit(S("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbdx"), 4,
	    &w), 8);
	assert_int_equal(text_fit(S("\xf0\x9f\x91\xa8\xe2\x80\x8d"
	    "\xf0\x9f\x91\xa9x"), 3, &w), 0);
	/* Hangul jamo make one syllable. */
	assert_int_equal(text_fit(S("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8"
	    "a"), 2, &w), 9);
	assert_int_equal(w, 2);
	/* Devanagari vowel signs stay with their consonant. */
	assert_int_equal(text_fit(S("\xe0\xa4\xb9\xe0\xa4\xbf" "a"), 1, &w),
	    0);
}

static void
test_fit_ill_formed(void **state)
{
	size_t	w;

	(void)state;
	/* One column per byte, and cut between bytes. */
	assert_int_equal(text_fit(S("\xf0\x9f\x98" "a"), 2, &w), 2);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit(S("\xff\xfe"), 1, &w), 1);
	assert_int_equal(w, 1);
	/* A mark after an ill-formed byte is not attached to it. */
	assert_int_equal(text_fit(S("\xff\xcc\x81"), 1, &w), 3);
	assert_int_equal(w, 1);
}

/* --------------------------------------------------------------- wrap */

/*
 * Wrap s at cols and compare with the lines in want, given one per
 * argument and ended by NULL; also check each line against the contract.
 */
static void
expect_wrap(const char *s, size_t n, size_t cols, ...)
{
	struct text_line	*lines;
	const char		*want;
	va_list			 ap;
	size_t			 nl, i;

	nl = text_wrap(s, n, cols, &lines);
	va_start(ap, cols);
	for (i = 0; (want = va_arg(ap, const char *)) != NULL; i++) {
		if (i >= nl) {
			fprintf(stderr, "missing line %zu \"%s\"\n", i, want);
			fail();
		}
		assert_bytes(s + lines[i].off, lines[i].len, want,
		    strlen(want));
		assert_int_equal(lines[i].width,
		    text_width(s + lines[i].off, lines[i].len));
	}
	va_end(ap);
	if (i != nl) {
		fprintf(stderr, "%zu lines, expected %zu; extra \"%.*s\"\n",
		    nl, i, (int)lines[i].len, s + lines[i].off);
		fail();
	}
	free(lines);
}

static void
test_wrap_empty(void **state)
{
	struct text_line	*lines;

	(void)state;
	assert_int_equal(text_wrap(S(""), 10, &lines), 0);
	assert_null(lines);
	assert_int_equal(text_wrap("", 0, 0, &lines), 0);
	assert_null(lines);
}

static void
test_wrap_words(void **state)
{
	(void)state;
	expect_wrap(S("hello world"), 11, "hello world", NULL);
	expect_wrap(S("hello world"), 80, "hello world", NULL);
	expect_wrap(S("hello world"), 10, "hello", "world", NULL);
	expect_wrap(S("hello world"), 5, "hello", "world", NULL);
	/* A line may be exactly as wide as the window. */
	expect_wrap(S("aaa bbb ccc"), 7, "aaa bbb", "ccc", NULL);
	expect_wrap(S("aa b cc"), 4, "aa b", "cc", NULL);
	expect_wrap(S("one two three four five"), 9, "one two", "three",
	    "four five", NULL);
}

static void
test_wrap_offsets(void **state)
{
	struct text_line	*lines;
	size_t			 n;

	(void)state;
	/* Spaces at a break belong to no line. */
	n = text_wrap(S("abc   def  "), 4, &lines);
	assert_int_equal(n, 2);
	assert_int_equal(lines[0].off, 0);
	assert_int_equal(lines[0].len, 3);
	assert_int_equal(lines[0].width, 3);
	assert_int_equal(lines[1].off, 6);
	assert_int_equal(lines[1].len, 3);
	assert_int_equal(lines[1].width, 3);
	free(lines);

	n = text_wrap(S("x\n\xe4\xb8\xad"), 5, &lines);
	assert_int_equal(n, 2);
	assert_int_equal(lines[1].off, 2);
	assert_int_equal(lines[1].len, 3);
	assert_int_equal(lines[1].width, 2);
	free(lines);
}

static void
test_wrap_newlines(void **state)
{
	(void)state;
	expect_wrap(S("a\n\nb"), 10, "a", "", "b", NULL);
	expect_wrap(S("a\nb"), 10, "a", "b", NULL);
	expect_wrap(S("a\n"), 10, "a", NULL);
	expect_wrap(S("\n"), 10, "", NULL);
	expect_wrap(S("\n\n"), 10, "", "", NULL);
	expect_wrap(S("a\r\nb"), 10, "a", "b", NULL);
	expect_wrap(S("a  \nb"), 10, "a", "b", NULL);
	expect_wrap(S("   "), 10, "", NULL);
	/* LINE SEPARATOR is a mandatory break too. */
	expect_wrap(S("a\xe2\x80\xa8" "b"), 10, "a", "b", NULL);
	/* Breaks restart the count. */
	expect_wrap(S("abcd\nef gh"), 5, "abcd", "ef gh", NULL);
}

static void
test_wrap_indent(void **state)
{
	(void)state;
	expect_wrap(S("  ab cd"), 10, "  ab cd", NULL);
	expect_wrap(S("  ab cd"), 4, "  ab", "cd", NULL);
}

static void
test_wrap_long_word(void **state)
{
	(void)state;
	expect_wrap(S("abcdefghij"), 4, "abcd", "efgh", "ij", NULL);
	expect_wrap(S("ab abcdefghij"), 4, "ab", "abcd", "efgh", "ij", NULL);
	/* The tail of a cut word is joined by what follows. */
	expect_wrap(S("abcde f"), 4, "abcd", "e f", NULL);
	expect_wrap(S("abcdefgh"), 4, "abcd", "efgh", NULL);
	/* cols 0 is 1. */
	expect_wrap(S("ab"), 0, "a", "b", NULL);
	/* Accents stay with their letters. */
	expect_wrap(S("e\xcc\x81" "e\xcc\x81" "e\xcc\x81"), 2,
	    "e\xcc\x81" "e\xcc\x81", "e\xcc\x81", NULL);
	/* Ill-formed bytes count one column each. */
	expect_wrap(S("\xff\xff\xff\xff\xff"), 2, "\xff\xff", "\xff\xff",
	    "\xff", NULL);
}

static void
test_wrap_cjk(void **state)
{
	(void)state;
	expect_wrap(S("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6"), 4,
	    "\xe4\xb8\xad\xe6\x96\x87", "\xe5\xad\x97\xe7\xac\xa6", NULL);
	expect_wrap(S("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6"), 5,
	    "\xe4\xb8\xad\xe6\x96\x87", "\xe5\xad\x97\xe7\xac\xa6", NULL);
	expect_wrap(S("\xe4\xb8\xad\xe6\x96\x87"), 3, "\xe4\xb8\xad",
	    "\xe6\x96\x87", NULL);
	/* Wider than the window: alone on its line, never split. */
	expect_wrap(S("\xe4\xb8\xad\xe6\x96\x87"), 1, "\xe4\xb8\xad",
	    "\xe6\x96\x87", NULL);
	expect_wrap(S("a\xe4\xb8\xad" "b"), 1, "a", "\xe4\xb8\xad", "b",
	    NULL);
}

static void
test_wrap_cjk_punctuation(void **state)
{
	/* 一二三，四五六。七八九、十 */
	static const char	s[] = "\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89"
	    "\xef\xbc\x8c\xe5\x9b\x9b\xe4\xba\x94\xe5\x85\xad\xe3\x80\x82"
	    "\xe4\xb8\x83\xe5\x85\xab\xe4\xb9\x9d\xe3\x80\x81\xe5\x8d\x81";
	struct text_line	*lines;
	size_t			 cols, nl, i;
	const char		*l;

	(void)state;
	expect_wrap(S(s), 6, "\xe4\xb8\x80\xe4\xba\x8c",
	    "\xe4\xb8\x89\xef\xbc\x8c\xe5\x9b\x9b",
	    "\xe4\xba\x94\xe5\x85\xad\xe3\x80\x82",
	    "\xe4\xb8\x83\xe5\x85\xab",
	    "\xe4\xb9\x9d\xe3\x80\x81\xe5\x8d\x81", NULL);
	for (cols = 4; cols < 30; cols++) {
		nl = text_wrap(S(s), cols, &lines);
		for (i = 0; i < nl; i++) {
			l = s + lines[i].off;
			assert_true(lines[i].width <= cols);
			assert_true(lines[i].len >= 3);
			assert_false(memcmp(l, "\xef\xbc\x8c", 3) == 0);
			assert_false(memcmp(l, "\xe3\x80\x82", 3) == 0);
			assert_false(memcmp(l, "\xe3\x80\x81", 3) == 0);
		}
		free(lines);
	}
}

/*
 * Random text, random widths: lines in order and in range, no wider
 * than cols unless one cluster, and every byte that is not a space or a
 * break in exactly one line.
 */
static void
test_wrap_random_invariants(void **state)
{
	static const char *const pieces[] = {
		"a", "bc", " ", "  ", "\n", "\xe4\xb8\xad", "\xcc\x81",
		"\xef\xbc\x8c", "-", "\xf0\x9f\x98\x80", "\xff", "(", ")",
		"supercalifragilistic", "\xc3\xa9"
	};
	struct text_buf		 in;
	struct text_line	*lines;
	unsigned char		*seen;
	size_t			 iter, k, len, cols, nl, i, j, cw, prev;

	(void)state;
	for (iter = 0; iter < 1500; iter++) {
		text_buf_init(&in);
		len = rng() % 30;
		for (k = 0; k < len; k++)
			text_buf_puts(&in,
			    pieces[rng() % (sizeof pieces / sizeof pieces[0])]);
		cols = rng() % 12;
		nl = text_wrap(in.data, in.len, cols, &lines);
		if (in.len == 0) {
			assert_int_equal(nl, 0);
			assert_null(lines);
			text_buf_free(&in);
			continue;
		}
		assert_true(nl > 0);
		seen = xcalloc(in.len, 1);
		prev = 0;
		for (i = 0; i < nl; i++) {
			assert_true(lines[i].off >= prev);
			assert_true(lines[i].off + lines[i].len <= in.len);
			assert_int_equal(lines[i].width,
			    text_width(in.data + lines[i].off, lines[i].len));
			if (lines[i].width > (cols == 0 ? 1 : cols)) {
				/* Only one cluster may overflow. */
				assert_int_equal(text_fit(in.data +
				    lines[i].off, lines[i].len,
				    lines[i].width - 1, &cw), 0);
			}
			for (j = lines[i].off; j < lines[i].off + lines[i].len;
			    j++) {
				assert_int_equal(seen[j], 0);
				seen[j] = 1;
			}
			if (lines[i].len > 0)
				assert_int_not_equal(in.data[lines[i].off +
				    lines[i].len - 1], ' ');
			prev = lines[i].off + lines[i].len;
		}
		for (j = 0; j < in.len; j++) {
			if (in.data[j] != ' ' && in.data[j] != '\n')
				assert_int_equal(seen[j], 1);
		}
		free(seen);
		free(lines);
		text_buf_free(&in);
	}
}

/* --------------------------------------------------------------- fold */

/* Fold s both ways, check they agree, and compare with want. */
static void
expect_fold(const char *s, size_t n, const char *want, size_t wantlen)
{
	char	*fast, *slow;
	size_t	 fastlen, slowlen, *map;

	fast = text_fold(s, n, &fastlen, &map);
	slow = text_fold_slow(s, n, &slowlen);
	assert_bytes(fast, fastlen, want, wantlen);
	assert_bytes(slow, slowlen, want, wantlen);
	assert_int_equal(fast[fastlen], '\0');
	assert_int_equal(map[fastlen], n);
	free(map);
	free(fast);
	free(slow);
}

static void
test_fold_ascii(void **state)
{
	(void)state;
	expect_fold(S("Hello, World! 123"), S("hello, world! 123"));
	expect_fold(S("ABCXYZ@[`{"), S("abcxyz@[`{"));
	expect_fold(S("a\0B"), S("a\0b"));
	expect_fold(S(""), S(""));
}

static void
test_fold_sharp_s(void **state)
{
	(void)state;
	expect_fold(S("STRASSE"), S("strasse"));
	expect_fold(S("Stra\xc3\x9f" "e"), S("strasse"));
	expect_fold(S("STRA\xe1\xba\x9e" "E"), S("strasse"));
}

static void
test_fold_accents(void **state)
{
	(void)state;
	expect_fold(S("IC\xc3\x81NN"), S("icann"));
	expect_fold(S("co\xc3\xb6peration"), S("cooperation"));
	expect_fold(S("coo\xcc\x88peration"), S("cooperation"));
	expect_fold(S("CR\xc3\x88ME BR\xc3\x9bL\xc3\x89" "E"),
	    S("creme brulee"));
	expect_fold(S("\xc3\x85ngstr\xc3\xb6m"), S("angstrom"));
	/* ANGSTROM SIGN and KELVIN SIGN fold to plain letters. */
	expect_fold(S("\xe2\x84\xab\xe2\x84\xaa"), S("ak"));
	/* Letters that are not decomposed keep their identity. */
	expect_fold(S("\xc3\x98\xc5\x81"), S("\xc3\xb8\xc5\x82"));
}

static void
test_fold_cjk_fullwidth(void **state)
{
	(void)state;
	expect_fold(S("\xe4\xb8\xad\xe6\x96\x87"),
	    S("\xe4\xb8\xad\xe6\x96\x87"));
	/* Fullwidth letters are lowered but stay fullwidth. */
	expect_fold(S("\xef\xbc\xa1\xef\xbc\xa2\xef\xbd\x83"),
	    S("\xef\xbd\x81\xef\xbd\x82\xef\xbd\x83"));
	expect_fold(S("\xef\xbc\x8c\xe3\x80\x82"),
	    S("\xef\xbc\x8c\xe3\x80\x82"));
}

static void
test_fold_greek(void **state)
{
	(void)state;
	/* ΟΔΟΣ, οδος (final sigma) and οδοσ all fold to οδοσ. */
	expect_fold(S("\xce\x9f\xce\x94\xce\x9f\xce\xa3"),
	    S("\xce\xbf\xce\xb4\xce\xbf\xcf\x83"));
	expect_fold(S("\xce\xbf\xce\xb4\xce\xbf\xcf\x82"),
	    S("\xce\xbf\xce\xb4\xce\xbf\xcf\x83"));
	expect_fold(S("\xce\xbf\xce\xb4\xce\xbf\xcf\x83"),
	    S("\xce\xbf\xce\xb4\xce\xbf\xcf\x83"));
	/* Accented capitals lose the tonos: Ά -> α. */
	expect_fold(S("\xce\x86"), S("\xce\xb1"));
	/* ΐ folds to three code points, accents dropped: ι. */
	expect_fold(S("\xce\x90"), S("\xce\xb9"));
}

static void
test_fold_turkish(void **state)
{
	(void)state;
	/* No language: I -> i, İ -> i + U+0307 -> i, ı unchanged. */
	expect_fold(S("I"), S("i"));
	expect_fold(S("\xc4\xb0stanbul"), S("istanbul"));
	expect_fold(S("\xc4\xb1"), S("\xc4\xb1"));
}

static void
test_fold_ill_formed(void **state)
{
	(void)state;
	expect_fold(S("A\xffZ"), S("a\xffz"));
	expect_fold(S("\xc3"), S("\xc3"));
	expect_fold(S("\xe0\x80\x41\xc3\x89"), S("\xe0\x80" "ae"));
	expect_fold(S("\xed\xa0\x80X"), S("\xed\xa0\x80x"));
}

static void
test_fold_map(void **state)
{
	char	*f;
	size_t	 len, *map, i;

	(void)state;
	/* S t r a ß e: ß at 4..5 gives "ss". */
	f = text_fold(S("Stra\xc3\x9f" "e"), &len, &map);
	assert_int_equal(len, 7);
	{
		static const size_t	want[] = { 0, 1, 2, 3, 4, 4, 6, 7 };

		for (i = 0; i <= len; i++)
			assert_int_equal(map[i], want[i]);
	}
	free(map);
	free(f);

	/* Decomposed é: the mark is dropped, the map ends at n. */
	f = text_fold(S("e\xcc\x81x"), &len, &map);
	assert_bytes(f, len, S("ex"));
	assert_int_equal(map[0], 0);
	assert_int_equal(map[1], 3);
	assert_int_equal(map[2], 4);
	free(map);
	free(f);

	/* Ill-formed bytes map to themselves. */
	f = text_fold(S("\xe4\xb8\xad\xff\xfe" "A"), &len, &map);
	assert_bytes(f, len, S("\xe4\xb8\xad\xff\xfe" "a"));
	{
		static const size_t	want[] = { 0, 0, 0, 3, 4, 5, 6 };

		for (i = 0; i <= len; i++)
			assert_int_equal(map[i], want[i]);
	}
	free(map);
	free(f);

	/* Empty input: one entry, n. */
	f = text_fold("", 0, &len, &map);
	assert_int_equal(len, 0);
	assert_string_equal(f, "");
	assert_int_equal(map[0], 0);
	free(map);
	free(f);

	/* map and outlen are optional. */
	f = text_fold(S("ABC"), NULL, NULL);
	assert_string_equal(f, "abc");
	free(f);
}

/* A match in the folded text is highlighted at the right source bytes. */
static void
test_fold_map_highlight(void **state)
{
	static const char	s[] = "Die GROSSE Stra\xc3\x9f" "e";
	char			*f, *hit;
	size_t			 len, *map, start, end;

	(void)state;
	f = text_fold(S(s), &len, &map);
	hit = strstr(f, "strasse");
	assert_non_null(hit);
	start = map[hit - f];
	end = map[hit - f + 7];
	assert_bytes(s + start, end - start, S("Stra\xc3\x9f" "e"));
	free(map);
	free(f);
}

/* Fast and slow agree on random mixes, and the map is sane. */
static void
test_fold_random(void **state)
{
	static const char *const pieces[] = {
		"A", "z", "Q", " ", "\n", "\xc3\x89", "\xc3\x9f", "\xc3\xa9",
		"\xc3\x96", "\xcc\x81", "\xcc\x88", "\xcc\xa3", "\xe4\xb8\xad",
		"\xef\xbc\xa1", "\xce\xa3", "\xcf\x82", "\xc4\xb0", "\xc4\xb1",
		"\xce\x90", "\xe1\xba\x9e", "\xe2\x84\xaa", "\xea\xb0\x80",
		"\xf0\x9f\x98\x80", "\xd0\x99", "\xe1\xbe\x88", "\xef\xac\x81",
		"\xc7\x85", "\xe0\xa4\xb9\xe0\xa4\xbf", "\xcd\x85",
		"\xd5\x87", "\xe1\xba\x96"
	};
	struct text_buf	 in;
	char		*fast, *slow;
	size_t		 iter, k, len, fastlen, slowlen, *map, i;
	uint32_t	 r;

	(void)state;
	for (iter = 0; iter < 3000; iter++) {
		text_buf_init(&in);
		len = rng() % 24;
		for (k = 0; k < len; k++) {
			r = rng() % 40;
			if (r < sizeof pieces / sizeof pieces[0])
				text_buf_puts(&in, pieces[r]);
			else
				text_buf_addc(&in, (char)(rng() & 0xff));
		}
		fast = text_fold(in.data, in.len, &fastlen, &map);
		slow = text_fold_slow(in.data, in.len, &slowlen);
		assert_bytes(fast, fastlen, slow, slowlen);
		for (i = 0; i < fastlen; i++) {
			assert_true(map[i] <= map[i + 1]);
			assert_true(map[i] < in.len);
		}
		assert_int_equal(map[fastlen], in.len);
		free(map);
		free(fast);
		free(slow);
		text_buf_free(&in);
	}
}

/*
 * Every code point, in runs with neighbours of all kinds (ASCII, marks,
 * sigma): the one-at-a-time fast path equals folding whole runs.
 */
static void
test_fold_all_code_points(void **state)
{
	struct text_buf	 in;
	char		*fast, *slow;
	size_t		 fastlen, slowlen;
	uint8_t		 enc[4];
	uint32_t	 uc, start;
	int		 len;

	(void)state;
	for (start = 0x80; start < 0x110000; start += 0x2000) {
		text_buf_init(&in);
		for (uc = start; uc < start + 0x2000 && uc < 0x110000; uc++) {
			if (uc >= 0xD800 && uc < 0xE000)
				continue;
			len = u8_uctomb(enc, uc, sizeof enc);
			text_buf_add(&in, (char *)enc, (size_t)len);
			switch (uc % 7) {
			case 0:
				text_buf_addc(&in, 'A');
				break;
			case 3:
				text_buf_puts(&in, "\xce\xa3");
				break;
			case 5:
				text_buf_puts(&in, "\xcc\x81");
				break;
			}
		}
		fast = text_fold(in.data, in.len, &fastlen, NULL);
		slow = text_fold_slow(in.data, in.len, &slowlen);
		assert_bytes(fast, fastlen, slow, slowlen);
		free(fast);
		free(slow);
		text_buf_free(&in);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_appends),
		cmocka_unit_test(test_buf_add_nothing_terminates),
		cmocka_unit_test(test_buf_printf),
		cmocka_unit_test(test_buf_steal),
		cmocka_unit_test(test_buf_large),
		cmocka_unit_test(test_utf8_valid_good),
		cmocka_unit_test(test_utf8_valid_position),
		cmocka_unit_test(test_utf8_valid_bad),
		cmocka_unit_test(test_sanitize_plain),
		cmocka_unit_test(test_sanitize_c0_caret),
		cmocka_unit_test(test_sanitize_raw_keeps_controls),
		cmocka_unit_test(test_sanitize_lf),
		cmocka_unit_test(test_sanitize_tab_tty),
		cmocka_unit_test(test_sanitize_tab_pipe_raw),
		cmocka_unit_test(test_sanitize_c1),
		cmocka_unit_test(test_sanitize_ill_formed),
		cmocka_unit_test(test_sanitize_bidi_and_invisible),
		cmocka_unit_test(test_sanitize_unassigned),
		cmocka_unit_test(test_sanitize_combining_cap),
		cmocka_unit_test(test_sanitize_ascii_only),
		cmocka_unit_test(test_sanitize_marks),
		cmocka_unit_test(test_sanitize_random_invariants),
		cmocka_unit_test(test_sanitize_map),
		cmocka_unit_test(test_sanitize_map_random),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_ill_formed),
		cmocka_unit_test(test_width_matches_u8_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_keeps_marks),
		cmocka_unit_test(test_fit_ill_formed),
		cmocka_unit_test(test_wrap_empty),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_offsets),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_indent),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_wrap_cjk_punctuation),
		cmocka_unit_test(test_wrap_random_invariants),
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_fold_sharp_s),
		cmocka_unit_test(test_fold_accents),
		cmocka_unit_test(test_fold_cjk_fullwidth),
		cmocka_unit_test(test_fold_greek),
		cmocka_unit_test(test_fold_turkish),
		cmocka_unit_test(test_fold_ill_formed),
		cmocka_unit_test(test_fold_map),
		cmocka_unit_test(test_fold_map_highlight),
		cmocka_unit_test(test_fold_random),
		cmocka_unit_test(test_fold_all_code_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
