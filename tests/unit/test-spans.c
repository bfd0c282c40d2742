/*
 * test-spans.c -- text with highlighted spans (src/text/spans.h): spans
 * carried from the source through sanitizing, the plain and ANSI
 * renderers, and wrapping that leaves room for the markers, byte for byte
 * as a user sees them.
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

#include "text/spans.h"
#include "text/text.h"

/* A string literal as (pointer, length): literals may hold NUL bytes. */
#define S(x)	(x), (sizeof (x) - 1)

/* Deterministic pseudo-random numbers, so that a failure can be rerun. */
static uint32_t	rng_state = 2024;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Fail showing both strings when they differ. */
static void
assert_text(const char *got, size_t gotlen, const char *want)
{
	if (gotlen == strlen(want) && memcmp(got, want, gotlen) == 0)
		return;
	fprintf(stderr, "got:  \"%.*s\"\nwant: \"%s\"\n", (int)gotlen, got,
	    want);
	fail();
}

/*
 * Wrap ts for target at cols and render every line; the lines, joined by
 * "|", must be want.
 */
static void
expect_lines(const struct text_spans *ts, size_t cols,
    enum text_target target, const char *want)
{
	struct text_line	*lines;
	struct text_buf		 b;
	size_t			 n, k;

	text_buf_init(&b);
	text_buf_puts(&b, "");
	n = text_spans_wrap(ts, cols, target, &lines);
	for (k = 0; k < n; k++) {
		if (k > 0)
			text_buf_addc(&b, '|');
		text_spans_render(&b, ts, lines[k].off, lines[k].len, target);
	}
	assert_text(b.data, b.len, want);
	free(lines);
	text_buf_free(&b);
}

/* -------------------------------------------------------------- spans */

static void
test_spans_add_merge(void **state)
{
	struct text_spans	ts;

	(void)state;
	text_spans_init(&ts, S("0123456789abcdef"), TEXT_MODE_PIPE, false, 0);
	text_spans_add(&ts, TEXT_SPAN_HIT, 8, 10);
	text_spans_add(&ts, TEXT_SPAN_HIT, 2, 4);
	text_spans_add(&ts, TEXT_SPAN_HIT, 12, 14);
	assert_int_equal(ts.n[TEXT_SPAN_HIT], 3);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][0].start, 2);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][1].start, 8);
	/* Touching and overlapping merge; empty and past the end do not. */
	text_spans_add(&ts, TEXT_SPAN_HIT, 4, 9);
	text_spans_add(&ts, TEXT_SPAN_HIT, 5, 5);
	text_spans_add(&ts, TEXT_SPAN_HIT, 30, 40);
	text_spans_add(&ts, TEXT_SPAN_HIT, 15, 40);
	assert_int_equal(ts.n[TEXT_SPAN_HIT], 3);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][0].start, 2);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][0].end, 10);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][2].start, 15);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][2].end, 16);
	text_spans_add(&ts, TEXT_SPAN_HIT, 0, 16);
	assert_int_equal(ts.n[TEXT_SPAN_HIT], 1);
	/* Kinds are apart. */
	assert_int_equal(ts.n[TEXT_SPAN_DEL], 0);
	text_spans_clear(&ts, TEXT_SPAN_HIT);
	assert_int_equal(ts.n[TEXT_SPAN_HIT], 0);
	text_spans_free(&ts);
	text_spans_free(&ts);
	text_spans_free(NULL);
}

static void
test_spans_through_sanitizing(void **state)
{
	struct text_spans	ts;
	unsigned		kinds;
	size_t			end;

	(void)state;
	/* ESC "red" is at 5 in the source, at 6 on the screen. */
	text_spans_init(&ts, S("\x1b[31m\x1b" "red"), TEXT_MODE_TTY, false, 0);
	assert_text(ts.s, ts.len, "^[[31m^[red");
	text_spans_add(&ts, TEXT_SPAN_HIT, 5, 9);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][0].start, 6);
	assert_int_equal(ts.v[TEXT_SPAN_HIT][0].end, 11);
	/* The placeholders are spans of their own. */
	assert_int_equal(ts.n[TEXT_SPAN_PLACEHOLDER], 2);
	end = text_spans_run(&ts, 0, ts.len, &kinds);
	assert_int_equal(end, 2);
	assert_int_equal(kinds, TEXT_SPAN_BIT(TEXT_SPAN_PLACEHOLDER));
	end = text_spans_run(&ts, 2, ts.len, &kinds);
	assert_int_equal(end, 6);
	assert_int_equal(kinds, 0);
	/* Where the hit covers a placeholder, the placeholder shows. */
	end = text_spans_run(&ts, 6, ts.len, &kinds);
	assert_int_equal(end, 8);
	assert_int_equal(kinds, TEXT_SPAN_BIT(TEXT_SPAN_PLACEHOLDER) |
	    TEXT_SPAN_BIT(TEXT_SPAN_HIT));
	assert_int_equal(text_spans_top(kinds), TEXT_SPAN_PLACEHOLDER);
	assert_int_equal(text_spans_top(0), TEXT_SPAN__COUNT);
	end = text_spans_run(&ts, 8, 10, &kinds);
	assert_int_equal(end, 10);
	assert_int_equal(kinds, TEXT_SPAN_BIT(TEXT_SPAN_HIT));
	text_spans_free(&ts);

	/* One line: LF as a space, offsets unchanged. */
	text_spans_init(&ts, S("a\nb"), TEXT_MODE_PIPE, false,
	    TEXT_SPANS_ONE_LINE);
	assert_text(ts.s, ts.len, "a b");
	text_spans_free(&ts);

	/* RAW keeps a NUL, and the length says so. */
	text_spans_init(&ts, S("a\0b"), TEXT_MODE_RAW, false, 0);
	assert_int_equal(ts.len, 3);
	text_spans_free(&ts);
}

static void
test_render_plain(void **state)
{
	struct text_spans	ts;
	struct text_buf		b;

	(void)state;
	text_spans_init(&ts, S("one two three"), TEXT_MODE_PIPE, false, 0);
	text_spans_add(&ts, TEXT_SPAN_DEL, 4, 7);
	text_spans_add(&ts, TEXT_SPAN_HIT, 0, 3);
	text_buf_init(&b);
	text_spans_render(&b, &ts, 0, ts.len, TEXT_TARGET_PLAIN);
	assert_text(b.data, b.len, "one [-two-] three");
	/* Part of a span: its markers around the part. */
	text_buf_free(&b);
	text_spans_render(&b, &ts, 5, 5, TEXT_TARGET_PLAIN);
	assert_text(b.data, b.len, "[-wo-] th");
	assert_int_equal(text_spans_width(&ts, 5, 5, TEXT_TARGET_PLAIN), 9);
	assert_int_equal(text_spans_width(&ts, 5, 5, TEXT_TARGET_COLOR), 5);
	text_buf_free(&b);
	text_spans_free(&ts);

	text_spans_init(&ts, S("ab"), TEXT_MODE_PIPE, false, 0);
	text_spans_add(&ts, TEXT_SPAN_INS, 0, 2);
	text_spans_render(&b, &ts, 0, 2, TEXT_TARGET_PLAIN);
	assert_text(b.data, b.len, "{+ab+}");
	text_buf_free(&b);
	text_spans_free(&ts);
}

static void
test_render_ansi(void **state)
{
	struct text_spans	ts;
	struct text_buf		b;

	(void)state;
	text_spans_init(&ts, S("a privacy b\x07"), TEXT_MODE_PIPE, false, 0);
	text_spans_add(&ts, TEXT_SPAN_HIT, 2, 9);
	text_buf_init(&b);
	text_spans_render(&b, &ts, 0, ts.len, TEXT_TARGET_COLOR);
	assert_text(b.data, b.len,
	    "a \033[1;31mprivacy\033[m b\033[7m^G\033[m");
	text_buf_free(&b);
	/* Runs of one colour share a sequence; a line ends reset. */
	text_spans_add(&ts, TEXT_SPAN_DEL, 0, 11);
	text_spans_render(&b, &ts, 0, 5, TEXT_TARGET_COLOR);
	assert_text(b.data, b.len, "\033[1;31ma \033[m\033[1;31mpri\033[m");
	text_buf_free(&b);
	text_spans_free(&ts);

	text_spans_init(&ts, S("abcd"), TEXT_MODE_PIPE, false, 0);
	text_spans_add(&ts, TEXT_SPAN_INS, 1, 2);
	text_spans_add(&ts, TEXT_SPAN_LINK, 2, 3);
	text_spans_add(&ts, TEXT_SPAN_NOTE, 3, 4);
	text_spans_render(&b, &ts, 0, 4, TEXT_TARGET_COLOR);
	assert_text(b.data, b.len,
	    "a\033[1;32mb\033[m\033[4;36mc\033[m\033[4;33md\033[m");
	text_buf_free(&b);
	text_spans_free(&ts);
}

/* The compare --words case: a span over a line break is closed and
   opened again, and the markers count against the width. */
static void
test_wrap_markers(void **state)
{
	static const char	 text[] = "In the interconnected cyberspace, "
	    "countries are bound together by intertwined interests.";
	struct text_spans	 ts;

	(void)state;
	text_spans_init(&ts, S(text), TEXT_MODE_PIPE, false, 0);
	text_spans_add(&ts, TEXT_SPAN_DEL, 0, 6);
	text_spans_add(&ts, TEXT_SPAN_DEL, 22, 32);
	expect_lines(&ts, 31, TEXT_TARGET_PLAIN,
	    "[-In the-] interconnected|[-cyberspace-], countries are|"
	    "bound together by intertwined|interests.");
	/* In colour the markers take no room. */
	expect_lines(&ts, 31, TEXT_TARGET_COLOR,
	    "\033[1;31mIn the\033[m interconnected|"
	    "\033[1;31mcyberspace\033[m, countries are bound|"
	    "together by intertwined|interests.");
	text_spans_clear(&ts, TEXT_SPAN_DEL);
	/* One span over three lines. */
	text_spans_add(&ts, TEXT_SPAN_DEL, 34, 77);
	expect_lines(&ts, 24, TEXT_TARGET_PLAIN,
	    "In the interconnected|cyberspace,|[-countries are bound-]|"
	    "[-together by-]|[-intertwined-]|interests.");
	text_spans_free(&ts);

	/* A word too long for a line with its markers is cut. */
	text_spans_init(&ts, S("abcdefghij"), TEXT_MODE_PIPE, false, 0);
	text_spans_add(&ts, TEXT_SPAN_INS, 0, 10);
	expect_lines(&ts, 8, TEXT_TARGET_PLAIN, "{+abcd+}|{+efgh+}|{+ij+}");
	text_spans_free(&ts);
}

/* Whether s[0..n) has the plain markers balanced: no span left open. */
static bool
markers_balanced(const char *s, size_t n)
{
	size_t	i;
	int	del = 0, ins = 0;

	for (i = 0; i + 1 < n; i++) {
		if (s[i] == '[' && s[i + 1] == '-')
			del++;
		else if (s[i] == '-' && s[i + 1] == ']')
			del--;
		else if (s[i] == '{' && s[i + 1] == '+')
			ins++;
		else if (s[i] == '+' && s[i + 1] == '}')
			ins--;
		else
			continue;
		if (del < 0 || del > 1 || ins < 0 || ins > 1)
			return false;
		i++;
	}
	return del == 0 && ins == 0;
}

/*
 * Random words and spans: every rendered line fits in cols with its
 * markers (unless it holds one unit, which may be wider) and leaves no
 * marker open, and the lines hold every byte of the text but spaces.
 */
static void
test_wrap_markers_random(void **state)
{
	static const char *const words[] = {
		"a", "bc", "def", "ghijklmnop", "\xe4\xb8\xad\xe6\x96\x87",
		"x.y", "\x07", "\xe2\x80\xae", "e\xcc\x81", "-"
	};
	struct text_spans	 ts;
	struct text_line	*lines;
	struct text_buf		 in, b, all;
	size_t			 iter, k, n, nl, cols, a, w;

	(void)state;
	for (iter = 0; iter < 1500; iter++) {
		text_buf_init(&in);
		for (k = rng() % 20; k > 0; k--) {
			text_buf_puts(&in, words[rng() % 10]);
			text_buf_puts(&in, rng() % 4 ? " " : "  ");
		}
		text_spans_init(&ts, in.data, in.len, TEXT_MODE_TTY, false, 0);
		for (k = rng() % 5; k > 0 && in.len > 0; k--) {
			a = rng() % in.len;
			n = rng() % 12;
			text_spans_add(&ts, rng() % 2 ? TEXT_SPAN_DEL :
			    TEXT_SPAN_HIT, a, a + n);
		}
		cols = 5 + rng() % 20;
		nl = text_spans_wrap(&ts, cols, TEXT_TARGET_PLAIN, &lines);
		text_buf_init(&all);
		for (k = 0; k < nl; k++) {
			text_buf_init(&b);
			text_spans_render(&b, &ts, lines[k].off, lines[k].len,
			    TEXT_TARGET_PLAIN);
			assert_true(markers_balanced(b.data, b.len));
			w = text_spans_width(&ts, lines[k].off, lines[k].len,
			    TEXT_TARGET_PLAIN);
			assert_int_equal(w, text_width(b.data, b.len));
			if (w > cols)
				assert_int_equal(text_fit(ts.s + lines[k].off,
				    lines[k].len, lines[k].width - 1, NULL),
				    0);
			text_buf_add(&all, ts.s + lines[k].off, lines[k].len);
			text_buf_free(&b);
		}
		/* Nothing lost: the same text without its spaces. */
		for (a = n = 0; a < ts.len; a++) {
			if (ts.s[a] == ' ')
				continue;
			while (n < all.len && all.data[n] == ' ')
				n++;
			assert_true(n < all.len && ts.s[a] == all.data[n]);
			n++;
		}
		free(lines);
		text_buf_free(&all);
		text_spans_free(&ts);
		text_buf_free(&in);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans_add_merge),
		cmocka_unit_test(test_spans_through_sanitizing),
		cmocka_unit_test(test_render_plain),
		cmocka_unit_test(test_render_ansi),
		cmocka_unit_test(test_wrap_markers),
		cmocka_unit_test(test_wrap_markers_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
