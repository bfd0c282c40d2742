/*
 * test-read.c -- unit tests of reading source files (src/import/read.c,
 * encoding.c): other encodings named, guessed and converted; a file that
 * changes while it is read; the block-size guard that refuses a huge block
 * while the file is being read.  Every test works on files in a temporary
 * directory.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "import/import.h"
#include "model/corpus.h"
#include "text/text.h"

#define S(x)	(x), (sizeof (x) - 1)

static char	tmpdir[256];

static const char *
tpath(const char *name)
{
	static char	buf[4][512];
	static int	k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
}

static int
setup(void **state)
{
	const char	*t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof tmpdir, "%s/charta-test-read-XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char	cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
spit(const char *path, const char *data, size_t len)
{
	FILE	*f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Read path with encoding (NULL: UTF-8): must give want[0..wantlen). */
static void
read_ok(const char *path, const char *encoding, const char *want,
    size_t wantlen)
{
	struct import_options	 opt = { .encoding = encoding };
	char			*data = NULL, *err = NULL;
	size_t			 len;

	if (import_read_file_opt(path, &opt, &data, &len, &err) != 0) {
		fprintf(stderr, "unexpected error: %s\n", err);
		fail();
	}
	assert_int_equal(len, wantlen);
	assert_memory_equal(data, want, wantlen);
	free(data);
}

/* Read path with encoding: must fail with exactly want. */
static void
read_err(const char *path, const char *encoding, const char *want)
{
	struct import_options	 opt = { .encoding = encoding };
	char			*data = NULL, *err = NULL;
	size_t			 len;

	assert_int_equal(import_read_file_opt(path, &opt, &data, &len, &err),
	    -1);
	assert_null(data);
	if (err == NULL || strcmp(err, want) != 0) {
		fprintf(stderr, "got:  %s\nwant: %s\n", err, want);
		fail();
	}
	free(err);
}

/* ------------------------------------------------------- encodings */

/* Ill-formed UTF-8 is named with what it looks like. */
static void
test_encoding_hints(void **state)
{
	const char	*p = tpath("x.md");
	char		 want[512];

	spit(p, S("Caf\xe9 cr\xe8me br\xfbl\xe9" "e\n"));
	snprintf(want, sizeof want, "%s:1:4: invalid UTF-8 (byte 0xE9); the "
	    "file looks like ISO-8859-1: import it with "
	    "--encoding=ISO-8859-1", p);
	read_err(p, NULL, want);
	/* Windows quotes are C1 bytes in Latin-1: CP1252. */
	spit(p, S("\x93Quoted\x94 and \x96 dashed\n"));
	snprintf(want, sizeof want, "%s:1:1: invalid UTF-8 (byte 0x93); the "
	    "file looks like CP1252: import it with --encoding=CP1252", p);
	read_err(p, NULL, want);
	/* "Cyberspace" and "cooperation" in GB18030. */
	spit(p, S("\xcd\xf8\xc2\xe7\xbf\xd5\xbc\xe4\xba\xcf\xd7\xf7\n"));
	snprintf(want, sizeof want, "%s:1:1: invalid UTF-8 (byte 0xCD); the "
	    "file looks like GB18030: import it with --encoding=GB18030", p);
	read_err(p, NULL, want);
	/* UTF-8 with one stray byte is damage: no other encoding fits. */
	spit(p, S("caf\xc3\xa9 cr\xc3\xa8me \xe9t\xc3\xa9\n"));
	snprintf(want, sizeof want, "%s:1:12: invalid UTF-8 (byte 0xE9)", p);
	read_err(p, NULL, want);
}

/* --encoding converts Latin-1, CP1252, UTF-16 and GB18030 to UTF-8. */
static void
test_encoding_convert(void **state)
{
	const char	*p = tpath("x.md");
	char		 want[512];
	char		*big, *bigwant;
	size_t		 i, n = 200000;

	spit(p, S("Caf\xe9 cr\xe8me\r\n"));
	read_ok(p, "ISO-8859-1", S("Caf\xc3\xa9 cr\xc3\xa8me\n"));
	read_ok(p, "latin1", S("Caf\xc3\xa9 cr\xc3\xa8me\n"));
	spit(p, S("\x93Quoted\x94 \x80 \x96\n"));
	read_ok(p, "CP1252", S("\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x82\xac "
	    "\xe2\x80\x93\n"));
	spit(p, S("\xcd\xf8\xc2\xe7\xbf\xd5\xbc\xe4\n"));
	read_ok(p, "GB18030", S("\xe7\xbd\x91\xe7\xbb\x9c\xe7\xa9\xba\xe9\x97"
	    "\xb4\n"));
	/* UTF-16 without a BOM, once named, and with one. */
	spit(p, S("-\0-\0-\0\n\0\xe9\0\n\0"));
	read_ok(p, "UTF-16LE", S("---\n\xc3\xa9\n"));
	spit(p, S("\xff\xfe-\0-\0\n\0"));
	read_ok(p, "UTF-16", S("--\n"));
	/* Characters cut by the 64 KiB reads are joined again. */
	big = malloc(2 * n);
	bigwant = malloc(3 * n);
	for (i = 0; i < n; i++) {
		big[2 * i] = (char)(i % 64 == 63 ? '\n' : 0xe9);
		big[2 * i + 1] = 0;
	}
	spit(p, big, 2 * n);
	for (i = 0; i < n; i++)
		if (i % 64 == 63)
			strcpy(bigwant + i * 2 - i / 64, "\n");
	{
		/* the expected text, built plainly */
		struct text_buf	b;

		text_buf_init(&b);
		for (i = 0; i < n; i++)
			text_buf_puts(&b, i % 64 == 63 ? "\n" : "\xc3\xa9");
		read_ok(p, "UTF-16LE", b.data, b.len);
		text_buf_free(&b);
	}
	free(big);
	free(bigwant);
	/* Bytes the encoding has no character for, by line and column. */
	spit(p, S("ok\nab\x81" "c\n"));
	snprintf(want, sizeof want, "%s:2:3: not valid CP1252 (byte 0x81)", p);
	read_err(p, "CP1252", want);
	spit(p, S("a\0b"));
	snprintf(want, sizeof want, "%s:1:2: not valid UTF-16LE (byte 0x62)", p);
	read_err(p, "UTF-16LE", want);
	snprintf(want, sizeof want, "%s: unknown encoding 'NO-SUCH-CODE' "
	    "(iconv -l lists the known ones)", p);
	read_err(p, "NO-SUCH-CODE", want);
	/* A binary file is still one, whatever its encoding is said to be. */
	spit(p, S("\211PNG\r\n\032\n\0\0\0\rIHDR"));
	snprintf(want, sizeof want, "%s: not a text file (it looks like a PNG "
	    "image)", p);
	read_err(p, "latin1", want);
}

/* ------------------------------------------- a file that changes */

/* Open path, fstat it, let change() alter it, then read: refused. */
static void
read_changed(const char *path, void (*change)(const char *))
{
	struct stat	 st;
	char		*data = NULL, *err = NULL, want[600];
	size_t		 len;
	int		 fd;

	fd = open(path, O_RDONLY);
	assert_true(fd != -1);
	assert_int_equal(fstat(fd, &st), 0);
	change(path);
	assert_int_equal(import_read_opened(fd, path, &st, NULL, &data, &len,
	    &err), -1);
	close(fd);
	snprintf(want, sizeof want, "%s changed while it was being imported",
	    path);
	if (err == NULL || strcmp(err, want) != 0) {
		fprintf(stderr, "got:  %s\nwant: %s\n", err, want);
		fail();
	}
	assert_null(data);
	free(err);
}

static void
change_truncate(const char *path)
{
	assert_int_equal(truncate(path, 100), 0);
}

static void
change_grow(const char *path)
{
	FILE	*f = fopen(path, "ab");

	assert_non_null(f);
	fputs("more text\n", f);
	assert_int_equal(fclose(f), 0);
}

static void
change_rewrite(const char *path)
{
	struct timeval	tv[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	int		fd = open(path, O_WRONLY);

	/* The same size, other bytes, another time stamp. */
	assert_true(fd != -1);
	assert_int_equal(pwrite(fd, "X", 1, 10), 1);
	close(fd);
	assert_int_equal(utimes(path, tv), 0);
}

static void
change_replace(const char *path)
{
	char	other[600];

	/* Another file of the same size renamed over it. */
	snprintf(other, sizeof other, "%s.new", path);
	spit(other, S("---\nslug: t\ntitle: T\n---\n\nanother text\n"));
	assert_int_equal(truncate(other, 8000), 0);
	assert_int_equal(rename(other, path), 0);
}

static void
test_changed_while_read(void **state)
{
	void		(*changes[])(const char *) = { change_truncate,
	    change_grow, change_rewrite, change_replace };
	const char	*p = tpath("s.md");
	char		 buf[8000];
	size_t		 k;

	memset(buf, 'a', sizeof buf);
	for (k = 0; k < sizeof buf; k += 80)
		buf[k] = '\n';
	for (k = 0; k < sizeof changes / sizeof changes[0]; k++) {
		spit(p, buf, sizeof buf);
		read_changed(p, changes[k]);
	}
	/* Unchanged, the same file reads. */
	spit(p, buf, sizeof buf);
	read_ok(p, NULL, buf, sizeof buf);
}

/* --------------------------------------------- the block-size guard */

static void
test_block_guard(void **state)
{
	const char	*p = tpath("big.md");
	struct text_buf	 b;
	char		 want[600];
	size_t		 i;

	/* One line longer than a block may be: refused, naming its line. */
	text_buf_init(&b);
	text_buf_puts(&b, "---\nslug: t\ntitle: T\n---\n\n");
	for (i = 0; i < IMPORT_MAX_STRETCH + 1; i++)
		text_buf_addc(&b, 'x');
	text_buf_puts(&b, "\n");
	spit(p, b.data, b.len);
	snprintf(want, sizeof want, "%s:6: block too long: more than %d bytes "
	    "of source from this line on without a blank line (a block holds "
	    "at most %d bytes of text)", p, IMPORT_MAX_STRETCH,
	    CORPUS_MAX_TEXT);
	read_err(p, NULL, want);
	/* Short lines, no blank line between them: the same. */
	text_buf_free(&b);
	text_buf_init(&b);
	text_buf_puts(&b, "---\nslug: t\ntitle: T\n---\n\n# A\n\n");
	for (i = 0; i < IMPORT_MAX_STRETCH / 4 + 1; i++)
		text_buf_puts(&b, "abc\r\n");
	spit(p, b.data, b.len);
	snprintf(want, sizeof want, "%s:8: block too long: more than %d bytes "
	    "of source from this line on without a blank line (a block holds "
	    "at most %d bytes of text)", p, IMPORT_MAX_STRETCH,
	    CORPUS_MAX_TEXT);
	read_err(p, NULL, want);
	/* Blank lines or headings between them: any size is read. */
	text_buf_free(&b);
	text_buf_init(&b);
	text_buf_puts(&b, "---\nslug: t\ntitle: T\n---\n\n");
	for (i = 0; i < 3 * IMPORT_MAX_STRETCH / 16; i++)
		text_buf_puts(&b, i % 2 ? "Some text.\n\n" : "# H\ntext\n");
	spit(p, b.data, b.len);
	read_ok(p, NULL, b.data, b.len);
	text_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_encoding_hints, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_encoding_convert, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_changed_while_read, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_block_guard, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
