/*
 * test-layout.c -- laying sanitized text out in columns (src/text): line
 * breaking that keeps placeholders, abbreviations and URLs whole, fitting
 * that keeps placeholders whole or says with an ellipsis that it cut, and
 * indenting that never pushes text past the margin.
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

#include "text/text.h"

/* A string literal as (pointer, length): literals may hold NUL bytes. */
#define S(x)	(x), (sizeof (x) - 1)

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

/* The lines text_wrap() makes of s at cols, joined by "|". */
static void
expect_wrap(const char *s, size_t cols, const char *want)
{
	struct text_line	*lines;
	struct text_buf		 b;
	size_t			 n, k;

	text_buf_init(&b);
	text_buf_puts(&b, "");
	n = text_wrap(s, strlen(s), cols, &lines);
	for (k = 0; k < n; k++) {
		if (k > 0)
			text_buf_addc(&b, '|');
		text_buf_add(&b, s + lines[k].off, lines[k].len);
	}
	assert_text(b.data, b.len, want);
	free(lines);
	text_buf_free(&b);
}

/* -------------------------------------------------------- line breaks */

static void
test_wrap_keeps_placeholders(void **state)
{
	(void)state;
	/* A run of carets is cut between placeholders, never inside. */
	expect_wrap("^G^G^G^G^G^G^G", 5, "^G^G|^G^G|^G^G|^G");
	expect_wrap("tags <U+E0041><U+E0041> end", 12,
	    "tags|<U+E0041>|<U+E0041>|end");
	/* Wider than the line: alone, and whole. */
	expect_wrap("a <U+E0041> b", 5, "a|<U+E0041>|b");
	expect_wrap("caf\\u00e9 \\U0001f600x", 8,
	    "caf|\\u00e9|\\U0001f600|x");
	/* A placeholder breaks as letters do: not off its word. */
	expect_wrap("xy ab\\u00e9", 8, "xy|ab\\u00e9");
	expect_wrap("one two<U+202E>", 11, "one|two<U+202E>");
	/* Not a placeholder: cut like any word. */
	expect_wrap("^g^g^g", 3, "^g^|g^g");
}

static void
test_wrap_abbreviations(void **state)
{
	(void)state;
	expect_wrap("talks with the U.S. and the U.K. on", 16,
	    "talks with the|U.S. and the|U.K. on");
	expect_wrap("e.g. the case", 3, "e.g|.|the|cas|e");
	expect_wrap("x the U.S.-China talks", 9, "x the|U.S.-|China|talks");
	/* Figures never broke, and sentences still do. */
	expect_wrap("worth 3.14 and 2.5 more", 10, "worth 3.14|and 2.5|more");
	expect_wrap("End. Next one.", 6, "End.|Next|one.");
}

static void
test_wrap_urls(void **state)
{
	(void)state;
	expect_wrap("see https://www.fmprc.gov.cn/eng/t1442390.shtml now", 45,
	    "see|https://www.fmprc.gov.cn/eng/t1442390.shtml|now");
	expect_wrap("at www.example.org/a/b now", 20,
	    "at|www.example.org/a/b|now");
	/* Too long for a line: cut at the margin, as a long word is. */
	expect_wrap("http://x.org/abcdefgh", 10, "http://x.o|rg/abcdefg|h");
	/* Where it ends: blank, quote, or anything not ASCII. */
	expect_wrap("(http://a.b/c) x", 15, "(http://a.b/c)|x");
	expect_wrap("\xe8\xa7\x81http://a.b/c\xe3\x80\x82\xe4\xb8\x8b", 14,
	    "\xe8\xa7\x81|http://a.b/c\xe3\x80\x82|\xe4\xb8\x8b");
	expect_wrap("see http://a.b/c\xe2\x80\x94more words", 14,
	    "see|http://a.b/c\xe2\x80\x94|more words");
	/* Paths without a scheme still break after a slash. */
	expect_wrap("and/or either/or", 8, "and/or|either/|or");
}

/* ---------------------------------------------------------- fitting */

static void
test_fit_placeholders(void **state)
{
	size_t	w;

	(void)state;
	assert_int_equal(text_fit(S("ab<U+202E>c"), 6, &w), 2);
	assert_int_equal(w, 2);
	assert_int_equal(text_fit(S("ab<U+202E>c"), 10, &w), 10);
	assert_int_equal(text_fit(S("^[^["), 3, &w), 2);
	/* A literal "<" or "^" is one column like any letter. */
	assert_int_equal(text_fit(S("a<b^c"), 3, &w), 3);
	assert_int_equal(text_fit(S("<U+12>"), 3, &w), 3);
}

static void
test_fit_ellipsis(void **state)
{
	static const char	ell[] = "\xe2\x80\xa6";
	char			*s;
	size_t			 w;

	(void)state;
	s = text_fit_ellipsis(S("Peace and Security"), 18, ell, &w);
	assert_string_equal(s, "Peace and Security");
	assert_int_equal(w, 18);
	free(s);
	s = text_fit_ellipsis(S("Peace and Security"), 17, ell, &w);
	assert_string_equal(s, "Peace and Securi\xe2\x80\xa6");
	assert_int_equal(w, 17);
	free(s);
	/* No blank before the ellipsis. */
	s = text_fit_ellipsis(S("Peace and Security"), 11, ell, &w);
	assert_string_equal(s, "Peace and\xe2\x80\xa6");
	assert_int_equal(w, 10);
	free(s);
	/* Never half a wide character or a placeholder. */
	s = text_fit_ellipsis(S("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97"), 4,
	    ell, &w);
	assert_string_equal(s, "\xe4\xb8\xad\xe2\x80\xa6");
	assert_int_equal(w, 3);
	free(s);
	s = text_fit_ellipsis(S("a<U+202E>b"), 8, "...", &w);
	assert_string_equal(s, "a...");
	assert_int_equal(w, 4);
	free(s);
	/* Room for the ellipsis only, or not even that. */
	s = text_fit_ellipsis(S("abc"), 1, ell, &w);
	assert_string_equal(s, ell);
	free(s);
	s = text_fit_ellipsis(S("abcd"), 2, "...", &w);
	assert_string_equal(s, "..");
	assert_int_equal(w, 2);
	free(s);
	s = text_fit_ellipsis(S(""), 0, ell, &w);
	assert_string_equal(s, "");
	assert_int_equal(w, 0);
	free(s);
}

static void
test_indent_fit(void **state)
{
	size_t	indent, cols, i;

	(void)state;
	indent = 4;
	assert_int_equal(text_indent_fit(60, &indent), 56);
	assert_int_equal(indent, 4);
	indent = 4;
	assert_int_equal(text_indent_fit(12, &indent), 8);
	assert_int_equal(indent, 4);
	indent = 4;
	assert_int_equal(text_indent_fit(10, &indent), 8);
	assert_int_equal(indent, 2);
	indent = 4;
	assert_int_equal(text_indent_fit(5, &indent), 5);
	assert_int_equal(indent, 0);
	/* Whatever the width, indent and text fit in it. */
	for (cols = 1; cols < 40; cols++) {
		for (i = 0; i < 20; i++) {
			indent = i;
			assert_true(text_indent_fit(cols, &indent) + indent ==
			    cols);
			assert_true(indent <= i);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_keeps_placeholders),
		cmocka_unit_test(test_wrap_abbreviations),
		cmocka_unit_test(test_wrap_urls),
		cmocka_unit_test(test_fit_placeholders),
		cmocka_unit_test(test_fit_ellipsis),
		cmocka_unit_test(test_indent_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
