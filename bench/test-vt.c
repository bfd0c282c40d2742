/*
 * test-vt.c -- unit tests of the benchmark harness's screen model
 * (bench/vt.c): after what ncurses, less and fzf send, the rows hold the
 * text a terminal would show.  The harness decides that a screen is
 * complete from these rows, so a wrong row is a wrong time.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vt.h"

/* Write a string literal to the screen. */
#define W(v, s)	vt_write((v), (s), sizeof (s) - 1)

static void
assert_row(const struct vt *v, int y, const char *want)
{
	char	buf[1024];

	assert_string_equal(vt_row(v, y, buf, sizeof buf), want);
}

static struct vt *
screen(int cols, int rows)
{
	struct vt	*v = vt_new(cols, rows, NULL, NULL);

	assert_non_null(v);
	return v;
}

/* A full row leaves the cursor at its end until the next character. */
static void
test_wrap_pending(void **state)
{
	struct vt	*v = screen(5, 3);

	(void)state;
	W(v, "abcde");
	assert_row(v, 0, "abcde");
	assert_row(v, 1, "");
	W(v, "f");
	assert_row(v, 1, "f");
	/* A carriage return at the pending wrap stays on the row. */
	W(v, "\033[3;1Hvwxyz\rV");
	assert_row(v, 2, "Vwxyz");
	vt_free(v);
}

static void
test_cursor_and_erase(void **state)
{
	struct vt	*v = screen(10, 4);

	(void)state;
	W(v, "\033[2;3Hhello\033[1;1Htop");
	assert_row(v, 0, "top");
	assert_row(v, 1, "  hello");
	W(v, "\033[2;5H\033[K");
	assert_row(v, 1, "  he");
	W(v, "\033[2;4H\033[1K");
	assert_row(v, 1, "");
	W(v, "\033[4;1Hbottom\033[3;1H\033[J");
	assert_row(v, 3, "");
	assert_row(v, 0, "top");
	W(v, "\033[H\033[2J");
	assert_row(v, 0, "");
	/* Relative moves, column and row addressing. */
	W(v, "\033[3dX\033[5GY\033[2CZ\033[AU\033[2DV");
	assert_row(v, 2, "X   Y  Z");
	assert_row(v, 1, "       VU");
	vt_free(v);
}

/* Wide characters take two cells; overwriting half blanks the other. */
static void
test_wide(void **state)
{
	struct vt	*v = screen(10, 2);

	(void)state;
	W(v, "a\xe7\xbd\x91\xe7\xbb\x9c" "b");	/* a网络b */
	assert_row(v, 0, "a\xe7\xbd\x91\xe7\xbb\x9c" "b");
	W(v, "\033[1;3Hx");		/* the right half of 网 */
	assert_row(v, 0, "a x\xe7\xbb\x9c" "b");
	vt_free(v);
	/* A wide character that does not fit wraps whole. */
	v = screen(3, 2);
	W(v, "ab\xe7\xbd\x91");
	assert_row(v, 0, "ab");
	assert_row(v, 1, "\xe7\xbd\x91");
	vt_free(v);
}

/* A character split between two writes is put together. */
static void
test_utf8_split(void **state)
{
	struct vt	*v = screen(10, 1);

	(void)state;
	W(v, "co\xc3");
	W(v, "\xb6p");
	assert_row(v, 0, "co\xc3\xb6p");
	W(v, "\033[");
	W(v, "1;1HX");
	assert_row(v, 0, "Xo\xc3\xb6p");
	vt_free(v);
}

/* Scrolling regions, as ncurses uses them to scroll the outline. */
static void
test_scroll_region(void **state)
{
	struct vt	*v = screen(5, 5);

	(void)state;
	W(v, "0\r\n1\r\n2\r\n3\r\n4");
	W(v, "\033[2;4r\033[4;1H\n");	/* scroll rows 2-4 up */
	assert_row(v, 0, "0");
	assert_row(v, 1, "2");
	assert_row(v, 2, "3");
	assert_row(v, 3, "");
	assert_row(v, 4, "4");
	W(v, "\033[2;1H\033M");		/* reverse index at the top */
	assert_row(v, 1, "");
	assert_row(v, 2, "2");
	assert_row(v, 3, "3");
	W(v, "\033[r\033[1;1H\033[2S");	/* whole screen up two */
	assert_row(v, 0, "2");
	assert_row(v, 2, "4");
	assert_row(v, 4, "");
	W(v, "\033[T");
	assert_row(v, 0, "");
	assert_row(v, 1, "2");
	/* Inserting and deleting lines stay inside the region. */
	W(v, "\033[H\033[2Ja\r\nb\r\nc\r\nd\r\ne\033[2;3r\033[2;1H\033[L");
	assert_row(v, 1, "");
	assert_row(v, 2, "b");
	assert_row(v, 3, "d");
	W(v, "\033[2;1H\033[2M");
	assert_row(v, 1, "");
	assert_row(v, 2, "");
	assert_row(v, 3, "d");
	assert_row(v, 4, "e");
	vt_free(v);
}

static void
test_insert_delete(void **state)
{
	struct vt	*v = screen(8, 4);

	(void)state;
	W(v, "abcdef\033[1;3H\033[2@");
	assert_row(v, 0, "ab  cdef");
	W(v, "\033[3P");
	assert_row(v, 0, "abdef");
	W(v, "\033[2X");
	assert_row(v, 0, "ab  f");
	W(v, "\033[4hXY\033[4l");		/* insert mode */
	assert_row(v, 0, "abXY  f");
	W(v, "\033[2;1Hrow1\033[3;1Hrow2\033[4;1Hrow3");
	W(v, "\033[2;1H\033[L");
	assert_row(v, 1, "");
	assert_row(v, 2, "row1");
	assert_row(v, 3, "row2");
	W(v, "\033[M\033[M");
	assert_row(v, 1, "row2");
	assert_row(v, 2, "");
	W(v, "\033[3;1Hz\033[4b");		/* REP */
	assert_row(v, 2, "zzzzz");
	vt_free(v);
}

/* The alternate screen starts blank; leaving it shows the main one. */
static void
test_alternate_screen(void **state)
{
	struct vt	*v = screen(6, 2);

	(void)state;
	W(v, "shell");
	W(v, "\033[?1049h\033[22;0;0t");
	assert_row(v, 0, "");
	W(v, "\033[Happ");
	assert_row(v, 0, "app");
	W(v, "\033[?1049l");
	assert_row(v, 0, "shell");
	vt_free(v);
}

/* Attributes, charsets, titles and modes change no text. */
static void
test_ignored(void **state)
{
	struct vt	*v = screen(20, 2);

	(void)state;
	W(v, "\033(B\033[m\033[1;38;5;110ma\033[m\033]0;title\007b"
	    "\033[?25l\033=\033>\033P1$r\033\\c\033[?12;25h\033[!p\x0e" "d");
	assert_row(v, 0, "abcd");
	vt_free(v);
}

struct replies {
	char	buf[64];
	size_t	len;
};

static void
collect(void *arg, const char *buf, size_t len)
{
	struct replies	*r = arg;

	memcpy(r->buf + r->len, buf, len);
	r->len += len;
	r->buf[r->len] = '\0';
}

/* Programs that ask where the cursor is get an answer. */
static void
test_replies(void **state)
{
	struct replies	 r = { .len = 0 };
	struct vt	*v = vt_new(10, 5, collect, &r);

	(void)state;
	assert_non_null(v);
	W(v, "\033[3;7H\033[6n");
	assert_string_equal(r.buf, "\033[3;7R");
	vt_free(v);
}

/* Rows from the bottom, outside the screen, and a small buffer. */
static void
test_rows(void **state)
{
	struct vt	*v = screen(6, 3);
	char		 small[4];

	(void)state;
	W(v, "\033[3;1Hlast\033[1;1Hn\xc3\xa4me");
	assert_row(v, -1, "last");
	assert_row(v, -3, "n\xc3\xa4me");
	assert_row(v, 3, "");
	assert_row(v, -4, "");
	/* "nä" needs 3 bytes and the NUL: cut before the ä. */
	assert_string_equal(vt_row(v, 0, small, 3), "n");
	assert_string_equal(vt_row(v, 0, small, sizeof small), "n\xc3\xa4");
	assert_int_equal(vt_rows(v), 3);
	assert_int_equal(vt_cols(v), 6);
	vt_free(v);
	vt_free(NULL);
	assert_null(vt_new(0, 5, NULL, NULL));
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_wrap_pending),
		cmocka_unit_test(test_cursor_and_erase),
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_utf8_split),
		cmocka_unit_test(test_scroll_region),
		cmocka_unit_test(test_insert_delete),
		cmocka_unit_test(test_alternate_screen),
		cmocka_unit_test(test_ignored),
		cmocka_unit_test(test_replies),
		cmocka_unit_test(test_rows),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
