/*
 * test-import.c -- unit tests of the importer (src/import): checking and
 * normalising source text, front matter, headings and their attributes,
 * blocks and their labels, and the exact "NAME:LINE:COL: message" of every
 * refusal.  Everything runs on in-memory strings.
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

#include "import/import.h"
#include "model/corpus.h"
#include "model/kind.h"
#include "text/text.h"

/* A string literal as (pointer, length): literals may hold NUL bytes. */
#define S(x)	(x), (sizeof (x) - 1)

/* The smallest front matter: four lines, so the body starts at line 5. */
#define FM	"---\nslug: t\ntitle: T\n---\n"

/* Check and parse src[0..len) as file "t.md"; 0 or -1 with *err set. */
static int
run_import(struct corpus *c, const char *src, size_t len, char **err)
{
	char	*buf;
	size_t	 n = len;
	int	 rc;

	*err = NULL;
	buf = malloc(len + 1);
	assert_non_null(buf);
	memcpy(buf, src, len);
	buf[len] = '\0';
	rc = import_check_text("t.md", buf, &n, err);
	if (rc == 0)
		rc = import_markdown(c, "t.md", buf, n, err);
	free(buf);
	return rc;
}

/* Import src, which must succeed; returns the finished corpus. */
static struct corpus *
import_ok_n(const char *src, size_t len)
{
	struct corpus	*c = corpus_new();
	char		*err;
	uint32_t	 a, b;

	if (run_import(c, src, len, &err) != 0) {
		fprintf(stderr, "unexpected error: %s\n", err ? err : "(none)");
		fail();
	}
	assert_null(err);
	assert_int_equal(c->ndocs, 1);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	return c;
}
#define import_ok(s)	import_ok_n((s), strlen(s))

/* Import src, which must fail with exactly the message want. */
static void
expect_error_n(const char *src, size_t len, const char *want, bool prefix)
{
	struct corpus	*c = corpus_new();
	char		*err;
	int		 rc;

	rc = run_import(c, src, len, &err);
	if (rc != -1 || err == NULL) {
		fprintf(stderr, "import did not fail (rc %d); expected: %s\n",
		    rc, want);
		fail();
	}
	if (prefix ? strncmp(err, want, strlen(want)) != 0 :
	    strcmp(err, want) != 0) {
		fprintf(stderr, "got:  %s\nwant: %s%s\n", err, want,
		    prefix ? "..." : "");
		fail();
	}
	free(err);
	corpus_free(c);
}
#define expect_error(s, w)	expect_error_n((s), strlen(s), (w), false)
#define expect_prefix(s, w)	expect_error_n((s), strlen(s), (w), true)

/* The node labelled label in document t. */
static const struct corpus_node *
node(const struct corpus *c, const char *label)
{
	char		ref[128];
	uint32_t	i;

	snprintf(ref, sizeof ref, "t:%s", label);
	i = corpus_resolve(c, ref, strlen(ref));
	if (i == CORPUS_NONE) {
		fprintf(stderr, "no node %s\n", ref);
		fail();
	}
	return &c->nodes[i];
}

static void
assert_block(const struct corpus *c, const char *label, enum node_kind kind,
    const char *text, uint32_t line)
{
	const struct corpus_node	*n = node(c, label);

	if (n->kind != kind) {
		fprintf(stderr, "%s: kind %s, want %s\n", label,
		    kind_name(n->kind), kind_name(kind));
		fail();
	}
	assert_true(kind_is_block(n->kind));
	assert_string_equal(n->text, text);
	assert_int_equal(n->text_len, strlen(text));
	assert_string_equal(n->title, "");
	assert_int_equal(n->line, line);
}

static void
assert_section(const struct corpus *c, const char *label,
    enum node_kind kind, const char *title, const char *anchor, int page,
    uint32_t line)
{
	const struct corpus_node	*n = node(c, label);

	if (n->kind != kind) {
		fprintf(stderr, "%s: kind %s, want %s\n", label,
		    kind_name(n->kind), kind_name(kind));
		fail();
	}
	assert_string_equal(n->title, title);
	assert_string_equal(n->anchor, anchor);
	assert_string_equal(n->text, "");
	assert_int_equal(n->text_len, 0);
	assert_int_equal(n->page, page);
	assert_int_equal(n->line, line);
}

/* A string of n copies of s, NUL-terminated, to free. */
static char *
repeat(const char *head, const char *s, size_t n, const char *tail)
{
	struct text_buf	b;
	size_t		i;

	text_buf_init(&b);
	text_buf_puts(&b, head);
	for (i = 0; i < n; i++)
		text_buf_puts(&b, s);
	text_buf_puts(&b, tail);
	return text_buf_steal(&b);
}

/* ------------------------------------------------------- check_text */

/* Check src; must succeed and give want. */
static void
check_ok(const char *src, size_t len, const char *want, size_t wantlen)
{
	char	*buf = malloc(len + 1), *err = NULL;
	size_t	 n = len;

	assert_non_null(buf);
	memcpy(buf, src, len);
	buf[len] = '\0';
	if (import_check_text("t.md", buf, &n, &err) != 0) {
		fprintf(stderr, "unexpected error: %s\n", err);
		fail();
	}
	assert_null(err);
	assert_int_equal(n, wantlen);
	assert_memory_equal(buf, want, wantlen);
	assert_int_equal(buf[n], '\0');
	free(buf);
}

/* Check src; must fail with exactly want. */
static void
check_err(const char *src, size_t len, const char *want)
{
	char	*buf = malloc(len + 1), *err = NULL;
	size_t	 n = len;

	assert_non_null(buf);
	memcpy(buf, src, len);
	buf[len] = '\0';
	assert_int_equal(import_check_text("t.md", buf, &n, &err), -1);
	assert_non_null(err);
	if (strcmp(err, want) != 0) {
		fprintf(stderr, "got:  %s\nwant: %s\n", err, want);
		fail();
	}
	free(err);
	free(buf);
	/* The whole import refuses it the same way. */
	expect_error_n(src, len, want, false);
}

/* Check src; must fail with a message that starts with want. */
static void
check_prefix(const char *src, size_t len, const char *want)
{
	char	*buf = malloc(len + 1), *err = NULL;
	size_t	 n = len;

	assert_non_null(buf);
	memcpy(buf, src, len);
	buf[len] = '\0';
	assert_int_equal(import_check_text("t.md", buf, &n, &err), -1);
	assert_non_null(err);
	if (strncmp(err, want, strlen(want)) != 0) {
		fprintf(stderr, "got:  %s\nwant: %s...\n", err, want);
		fail();
	}
	free(err);
	free(buf);
	expect_error_n(src, len, want, true);
}

static void
test_check_plain(void **state)
{
	check_ok(S(""), S(""));
	check_ok(S("abc\n"), S("abc\n"));
	check_ok(S("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80\n"),
	    S("caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80\n"));
	/* Control characters other than NUL are text (shown safely later). */
	check_ok(S("a\tb\033c\x7f"), S("a\tb\033c\x7f"));
	/* A text that merely starts like a magic number is text. */
	check_ok(S("SQLite format 3\n"), S("SQLite format 3\n"));
	check_ok(S("GIF is a format\n"), S("GIF is a format\n"));
}

static void
test_check_line_endings(void **state)
{
	check_ok(S("a\r\nb\r\n"), S("a\nb\n"));
	check_ok(S("a\rb\rc"), S("a\nb\nc"));
	check_ok(S("a\r\nb\rc\r\n\r\nd"), S("a\nb\nc\n\nd"));
	check_ok(S("\r\r\n"), S("\n\n"));
	check_ok(S("x\r"), S("x\n"));
	check_ok(S("\n\r"), S("\n\n"));
	check_ok(S("\r"), S("\n"));
}

static void
test_check_bom(void **state)
{
	check_ok(S("\xef\xbb\xbf" "abc"), S("abc"));
	check_ok(S("\xef\xbb\xbf"), S(""));
	check_ok(S("\xef\xbb\xbf" "a\r\nb"), S("a\nb"));
	/* Only a leading BOM is stripped, and only one. */
	check_ok(S("\xef\xbb\xbf\xef\xbb\xbf" "x"), S("\xef\xbb\xbf" "x"));
	check_ok(S("x\xef\xbb\xbf"), S("x\xef\xbb\xbf"));
}

static void
test_check_invalid_utf8(void **state)
{
	/*
	 * Line and column (in characters) of the first bad byte (what the
	 * bytes look like follows: test_encoding_hints).
	 */
	check_prefix(S("ab\nc\xc3("), "t.md:2:2: invalid UTF-8 (byte 0xC3)");
	check_prefix(S("\xff"), "t.md:1:1: invalid UTF-8 (byte 0xFF)");
	check_prefix(S("caf\xe9\n"), "t.md:1:4: invalid UTF-8 (byte 0xE9)");
	check_prefix(S("\xc3\xa9\xff"), "t.md:1:2: invalid UTF-8 (byte 0xFF)");
	check_prefix(S("\xe6\x97\xa5\xe6\x9c\xac\xff"),
	    "t.md:1:3: invalid UTF-8 (byte 0xFF)");
	check_prefix(S("a\nb\nc\n\xf0\x9f\x98\x80x\x80"),
	    "t.md:4:3: invalid UTF-8 (byte 0x80)");
	/* Overlong, surrogate, beyond U+10FFFF, truncated. */
	check_prefix(S("\xc0\xaf"), "t.md:1:1: invalid UTF-8 (byte 0xC0)");
	check_prefix(S("x\xe0\x80\xaf"), "t.md:1:2: invalid UTF-8 (byte 0xE0)");
	check_prefix(S("ab\xed\xa0\x80"), "t.md:1:3: invalid UTF-8 (byte 0xED)");
	check_prefix(S("\xf4\x90\x80\x80"), "t.md:1:1: invalid UTF-8 (byte 0xF4)");
	check_prefix(S("abc\xe4\xb8"), "t.md:1:4: invalid UTF-8 (byte 0xE4)");
	check_prefix(S("\xf5\x80\x80\x80"), "t.md:1:1: invalid UTF-8 (byte 0xF5)");
	/* In the front matter or the body alike. */
	check_prefix(S(FM "# Ti\xe8tle\n"), "t.md:5:5: invalid UTF-8 (byte 0xE8)");
	/* Counted as an editor shows them: no BOM, CR ends a line. */
	check_prefix(S("\xef\xbb\xbf" "ab\xff"),
	    "t.md:1:3: invalid UTF-8 (byte 0xFF)");
	check_prefix(S("a\rb\r\xff"), "t.md:3:1: invalid UTF-8 (byte 0xFF)");
	check_prefix(S("a\r\nb\r\n\r\nc\xff"),
	    "t.md:4:2: invalid UTF-8 (byte 0xFF)");
	check_prefix(S("a\xc3\r\n"), "t.md:1:2: invalid UTF-8 (byte 0xC3)");
}

static void
test_check_nul(void **state)
{
	char	*s;

	check_err(S("abc\0def"), "t.md:1:4: not a text file (NUL byte)");
	check_err(S("\0"), "t.md:1:1: not a text file (NUL byte)");
	check_err(S("a\nb\0"), "t.md:2:2: not a text file (NUL byte)");
	check_err(S("\xc3\xa9\0"), "t.md:1:2: not a text file (NUL byte)");
	check_err(S("a\rbc\0"), "t.md:2:3: not a text file (NUL byte)");
	check_err(S("\xef\xbb\xbf" "ab\0"),
	    "t.md:1:3: not a text file (NUL byte)");
	/* Within the first 8 KiB: binary. */
	s = repeat("", "a", 8191, "");
	s[8190] = '\0';
	check_err(s, 8191, "t.md:1:8191: not a text file (NUL byte)");
	free(s);
	s = repeat("", "a", 8193, "");
	s[8191] = '\0';
	check_err(s, 8193, "t.md:1:8192: not a text file (NUL byte)");
	s[8191] = 'a';
	s[8192] = '\0';
	check_err(s, 8193, "t.md:1:8193: NUL byte in text");
	free(s);
	/* Later: still refused, never truncated. */
	s = repeat("", "abcdefgh\n", 1000, "x");
	s[9001] = '\0';
	check_err(s, 9001 + 1, "t.md:1001:2: NUL byte in text");
	free(s);
}

static void
test_check_boms(void **state)
{
	check_err(S("\xff\xfe" "a\0b\0"), "t.md: file is UTF-16LE; convert it "
	    "with 'iconv -f UTF-16LE -t UTF-8' or import it with "
	    "--encoding=UTF-16LE");
	check_err(S("\xfe\xff\0a\0b"), "t.md: file is UTF-16BE; convert it "
	    "with 'iconv -f UTF-16BE -t UTF-8' or import it with "
	    "--encoding=UTF-16BE");
	check_err(S("\xff\xfe\0\0" "a\0\0\0"), "t.md: file is UTF-32LE; "
	    "convert it with 'iconv -f UTF-32LE -t UTF-8' or import it with "
	    "--encoding=UTF-32LE");
	check_err(S("\0\0\xfe\xff\0\0\0a"), "t.md: file is UTF-32BE; "
	    "convert it with 'iconv -f UTF-32BE -t UTF-8' or import it with "
	    "--encoding=UTF-32BE");
	/* A bare BOM is still the BOM. */
	check_err(S("\xff\xfe"), "t.md: file is UTF-16LE; convert it "
	    "with 'iconv -f UTF-16LE -t UTF-8' or import it with "
	    "--encoding=UTF-16LE");
	/* Without a BOM, UTF-16 and UTF-32 are told by their zero bytes. */
	check_err(S("-\0-\0-\0\n\0s\0l\0u\0g\0:\0 \0x\0\n\0"),
	    "t.md: file looks like UTF-16LE without a byte-order mark; "
	    "convert it with 'iconv -f UTF-16LE -t UTF-8' or import it with "
	    "--encoding=UTF-16LE");
	check_err(S("\0-\0-\0-\0\n\0s\0l\0u\0g\0:\0 \0x\0\n"),
	    "t.md: file looks like UTF-16BE without a byte-order mark; "
	    "convert it with 'iconv -f UTF-16BE -t UTF-8' or import it with "
	    "--encoding=UTF-16BE");
	check_err(S("-\0\0\0-\0\0\0-\0\0\0\n\0\0\0a\0\0\0"),
	    "t.md: file looks like UTF-32LE without a byte-order mark; "
	    "convert it with 'iconv -f UTF-32LE -t UTF-8' or import it with "
	    "--encoding=UTF-32LE");
	check_err(S("\0\0\0-\0\0\0-\0\0\0-\0\0\0\n\0\0\0a"),
	    "t.md: file looks like UTF-32BE without a byte-order mark; "
	    "convert it with 'iconv -f UTF-32BE -t UTF-8' or import it with "
	    "--encoding=UTF-32BE");
}

static void
test_check_magic(void **state)
{
	check_err(S("\177ELF\2\1\1\0\0\0"), "t.md: not a text file (it looks "
	    "like an ELF executable)");
	check_err(S("\211PNG\r\n\032\n\0\0\0\rIHDR"), "t.md: not a text file "
	    "(it looks like a PNG image)");
	check_err(S("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "t.md: not a text file "
	    "(it looks like a PDF document)");
	check_err(S("SQLite format 3\0\x10\0\1\1"), "t.md: not a text file "
	    "(it looks like an SQLite database)");
	check_err(S("PK\3\4\24\0"), "t.md: not a text file (it looks like a "
	    "ZIP archive)");
	check_err(S("\037\213\010\0"), "t.md: not a text file (it looks like "
	    "a gzip archive)");
	check_err(S("\377\330\377\340"), "t.md: not a text file (it looks like "
	    "a JPEG image)");
	check_err(S("GIF89a"), "t.md: not a text file (it looks like a GIF "
	    "image)");
}

/* ------------------------------------------------------ front matter */

static void
test_front_matter_all_keys(void **state)
{
	struct corpus			*c;
	const struct corpus_doc		*d;
	const struct corpus_node	*n;

	c = import_ok(
	    "---\n"
	    "slug: iscc-2017-mfa\n"
	    "alias: mfa\n"
	    "title: International Strategy of Cooperation on Cyberspace\n"
	    "short: \"  Cyberspace Strategy  \"\n"
	    "issuer: Ministry of Foreign Affairs\n"
	    "\n"
	    "date:    2017-03-01\n"
	    "language: zh-Hans \t \n"
	    "source: https://example.org/a:b?c=d\n"
	    "work: 'iscc-2017'\n"
	    "kind:\tstrategy\n"
	    "author: Zhang Linwan\n"
	    "translator: \"\"\n"
	    "publisher: China Daily\n"
	    "container: Newsletter, Issue IV of 2017\n"
	    "url: https://example.org/wic.html\n"
	    "---   \n"
	    "\n"
	    "Text.\n");
	d = &c->docs[0];
	assert_string_equal(d->slug, "iscc-2017-mfa");
	assert_string_equal(d->alias, "mfa");
	assert_string_equal(d->title,
	    "International Strategy of Cooperation on Cyberspace");
	assert_string_equal(d->short_title, "  Cyberspace Strategy  ");
	assert_string_equal(d->issuer, "Ministry of Foreign Affairs");
	assert_string_equal(d->date, "2017-03-01");
	assert_string_equal(d->language, "zh-Hans");
	assert_string_equal(d->source, "https://example.org/a:b?c=d");
	assert_string_equal(d->work, "iscc-2017");
	assert_string_equal(d->kind, "strategy");
	assert_string_equal(d->author, "Zhang Linwan");
	assert_string_equal(d->translator, "");
	assert_string_equal(d->publisher, "China Daily");
	assert_string_equal(d->container, "Newsletter, Issue IV of 2017");
	assert_string_equal(d->url, "https://example.org/wic.html");
	assert_string_equal(d->file, "t.md");
	assert_int_equal(d->root, 0);
	assert_int_equal(d->end, 2);
	n = &c->nodes[0];
	assert_int_equal(n->kind, KIND_DOCUMENT);
	assert_string_equal(n->title, d->title);
	/* The front matter is not text, and line numbers are the file's. */
	assert_int_equal(c->nnodes, 2);
	n = &c->nodes[1];
	assert_string_equal(n->text, "Text.");
	assert_string_equal(n->label, "p1");
	assert_int_equal(n->line, 20);
	assert_int_equal(corpus_resolve(c, S("mfa:p1")), 1);
	corpus_free(c);
}

static void
test_front_matter_minimal(void **state)
{
	struct corpus		*c;
	const struct corpus_doc	*d;
	char			*s;

	c = import_ok(FM);
	d = &c->docs[0];
	assert_string_equal(d->slug, "t");
	assert_string_equal(d->title, "T");
	assert_string_equal(d->alias, "");
	assert_string_equal(d->short_title, "");
	assert_string_equal(d->issuer, "");
	assert_string_equal(d->date, "");
	assert_string_equal(d->language, "");
	assert_string_equal(d->source, "");
	assert_string_equal(d->work, "");
	assert_string_equal(d->kind, "");
	assert_int_equal(c->nnodes, 1);
	corpus_free(c);

	/* No final newline; an empty alias is no alias. */
	c = import_ok("---\nslug: a-1\nalias:\ntitle: x\n---");
	assert_string_equal(c->docs[0].slug, "a-1");
	assert_string_equal(c->docs[0].alias, "");
	corpus_free(c);

	/* A slug of 64 bytes is allowed. */
	s = repeat("---\nslug: ", "a", 64, "\ntitle: x\n---\n");
	c = import_ok(s);
	assert_int_equal(strlen(c->docs[0].slug), 64);
	corpus_free(c);
	free(s);
}

static void
test_front_matter_errors(void **state)
{
	expect_error("# Title\n", "t.md:1:1: missing front matter (a '---' "
	    "line, 'key: value' lines, then '---')");
	expect_error("", "t.md:1:1: missing front matter (a '---' line, "
	    "'key: value' lines, then '---')");
	expect_prefix("\n---\nslug: a\ntitle: b\n---\n",
	    "t.md:1:1: missing front matter");
	expect_prefix("----\nslug: a\ntitle: b\n---\n",
	    "t.md:1:1: missing front matter");

	/* Not closed: the last line of the file. */
	expect_error("---\nslug: a\ntitle: b\n",
	    "t.md:3:1: front matter is not closed with '---'");
	expect_error("---\nslug: a\ntitle: b",
	    "t.md:3:1: front matter is not closed with '---'");
	expect_error("---\nslug: a\ntitle: b\n\n\n",
	    "t.md:5:1: front matter is not closed with '---'");
	expect_error("---\n", "t.md:1:1: front matter is not closed with "
	    "'---'");
	expect_error("---", "t.md:1:1: front matter is not closed with "
	    "'---'");

	expect_error("---\nslug: a\nThis is text.\n---\n",
	    "t.md:3:1: expected 'key: value' in the front matter");
	expect_error("---\nslug: a\n: b\n---\n",
	    "t.md:3:1: expected 'key: value' in the front matter");
	/* A heading: the front matter ran on into the text. */
	expect_error("---\nslug: a\ntitle: b\n\n# Heading\n\nText.\n",
	    "t.md:5:1: expected 'key: value' in the front matter");

	expect_error("---\nslug: a\ntitel: b\n---\n",
	    "t.md:3:1: unknown front-matter key 'titel'");
	expect_error("---\nslug: a\nTitle: b\n---\n",
	    "t.md:3:1: unknown front-matter key 'Title'");
	expect_error("---\nslug: a\ntitle : b\n---\n",
	    "t.md:3:1: unknown front-matter key 'title '");
	expect_error("---\nslug: a\ntitle: b\nslug: c\n---\n",
	    "t.md:4:1: front-matter key 'slug' given twice");
	expect_error("---\ntitle: b\n\ntitle: b\nslug: a\n---\n",
	    "t.md:4:1: front-matter key 'title' given twice");

	expect_error("---\ntitle: T\n---\n",
	    "t.md:1:1: front matter has no 'slug'");
	expect_error("---\nslug: a\n---\n",
	    "t.md:1:1: front matter has no 'title'");
}

static void
test_front_matter_bad_values(void **state)
{
	char	*s;

	/* Bad values are reported where the value is. */
	expect_error("---\ntitle: T\nslug: Bad Slug\n---\n",
	    "t.md:3:7: slug must be lower-case letters, digits and '-', "
	    "starting with a letter");
	expect_prefix("---\ntitle: T\nslug:   9lives\n---\n",
	    "t.md:3:9: slug must be");
	expect_prefix("---\nslug: a_b\ntitle: T\n---\n", "t.md:2:7: slug must");
	expect_prefix("---\nslug: mfa:iv\ntitle: T\n---\n",
	    "t.md:2:7: slug must");
	expect_prefix("---\nslug:\ntitle: T\n---\n", "t.md:2:6: slug must");
	s = repeat("---\nslug: ", "a", 65, "\ntitle: x\n---\n");
	expect_prefix(s, "t.md:2:7: slug must");
	free(s);
	expect_error("---\nslug: a\ntitle: T\n\nalias: M F A\n---\n",
	    "t.md:5:8: alias must be lower-case letters, digits and '-', "
	    "starting with a letter");
	expect_error("---\nslug: a\ntitle:\n---\n",
	    "t.md:3:7: front-matter key 'title' is empty");
	expect_error("---\nslug: a\ntitle:   \n---\n",
	    "t.md:3:10: front-matter key 'title' is empty");
	expect_error("---\nslug: a\ntitle: \"\"\n---\n",
	    "t.md:3:8: front-matter key 'title' is empty");

	/* Every value must fit the database's limits. */
	s = repeat("---\nslug: a\ntitle: ", "x", CORPUS_MAX_TEXT + 1,
	    "\n---\n");
	expect_error(s, "t.md:3:8: front-matter value too long (the limit is "
	    "1048576 bytes)");
	free(s);
}

/* ---------------------------------------------------------- headings */

static void
test_headings(void **state)
{
	struct corpus			*c;
	const struct corpus_node	*n;

	c = import_ok(FM
	    "# Basic Principles {#principles .chapter label=II page=4}\n"
	    "\n"
	    "## The Principle of Peace {#peace .principle label=II.1}\n"
	    "\n"
	    "Peace text.\n"
	    "\n"
	    "### A *Small* `Part` {.part page=12}\n"
	    "\n"
	    "# Conclusion {.conclusion   #end}\n"
	    "\n"
	    "Setext Heading {.letter label=L}\n"
	    "==============\n"
	    "\n"
	    "Plain Heading\n"
	    "---\n"
	    "## Goal {.goal page=99999}\n"
	    "## Action {.action}\n"
	    "## Sub {.section}\n"
	    "### Deeper {.section}\n"
	    "# Preface {.preface}\n");
	assert_section(c, "II", KIND_CHAPTER, "Basic Principles",
	    "principles", 4, 5);
	assert_section(c, "II.1", KIND_PRINCIPLE, "The Principle of Peace",
	    "peace", 0, 7);
	assert_block(c, "II.1.p1", KIND_PARAGRAPH, "Peace text.", 9);
	/* Inline markup in a heading is flattened too. */
	assert_section(c, "II.1.1", KIND_PART, "A Small Part", "", 12, 11);
	assert_section(c, "2", KIND_CONCLUSION, "Conclusion", "end", 0, 13);
	assert_section(c, "L", KIND_LETTER, "Setext Heading", "", 0, 15);
	assert_section(c, "L.1", KIND_SECTION, "Plain Heading", "", 0, 18);
	assert_section(c, "L.2", KIND_GOAL, "Goal", "", 99999, 20);
	assert_section(c, "L.3", KIND_ACTION, "Action", "", 0, 21);
	assert_section(c, "L.4", KIND_SECTION, "Sub", "", 0, 22);
	assert_section(c, "L.4.1", KIND_SECTION, "Deeper", "", 0, 23);
	assert_section(c, "4", KIND_PREFACE, "Preface", "", 0, 24);

	/* The tree follows the levels. */
	n = node(c, "II.1");
	assert_int_equal(n->depth, 2);
	assert_ptr_equal(&c->nodes[n->parent], node(c, "II"));
	assert_int_equal(node(c, "II.1.1")->depth, 3);
	assert_int_equal(node(c, "2")->parent, 0);
	assert_int_equal(node(c, "L.4.1")->depth, 3);
	assert_int_equal(node(c, "L.1")->depth, 2);
	corpus_free(c);
}

static void
test_heading_without_attributes(void **state)
{
	struct corpus	*c;

	/* A title that merely contains braces keeps them. */
	c = import_ok(FM "# Sets {a} and more\n\n# Ends in }\n");
	assert_section(c, "1", KIND_SECTION, "Sets {a} and more", "", 0, 5);
	assert_section(c, "2", KIND_SECTION, "Ends in }", "", 0, 7);
	corpus_free(c);
}

static void
test_auto_labels(void **state)
{
	struct corpus	*c;

	c = import_ok(FM
	    "# A\n"
	    "## A1\n"
	    "## A2\n"
	    "### A2a\n"
	    "### A2b\n"
	    "# B\n"
	    "## B1\n"
	    "# C {label=IV}\n"
	    "## C1\n"
	    "## C2 {label=IV.x}\n"
	    "### C2a\n"
	    "## C3\n");
	assert_section(c, "1", KIND_SECTION, "A", "", 0, 5);
	assert_section(c, "1.1", KIND_SECTION, "A1", "", 0, 6);
	assert_section(c, "1.2", KIND_SECTION, "A2", "", 0, 7);
	assert_section(c, "1.2.1", KIND_SECTION, "A2a", "", 0, 8);
	assert_section(c, "1.2.2", KIND_SECTION, "A2b", "", 0, 9);
	assert_section(c, "2", KIND_SECTION, "B", "", 0, 10);
	assert_section(c, "2.1", KIND_SECTION, "B1", "", 0, 11);
	assert_section(c, "IV", KIND_SECTION, "C", "", 0, 12);
	assert_section(c, "IV.1", KIND_SECTION, "C1", "", 0, 13);
	assert_section(c, "IV.x", KIND_SECTION, "C2", "", 0, 14);
	assert_section(c, "IV.x.1", KIND_SECTION, "C2a", "", 0, 15);
	/* Numbering counts every section, labelled or not. */
	assert_section(c, "IV.3", KIND_SECTION, "C3", "", 0, 16);
	assert_int_equal(c->nnodes, 13);
	corpus_free(c);
}

static void
test_block_labels(void **state)
{
	struct corpus	*c;

	c = import_ok(FM
	    "Intro one.\n"
	    "\n"
	    "Intro two.\n"
	    "# One\n"
	    "First.\n"
	    "\n"
	    "Second.\n"
	    "## Sub\n"
	    "Sub para.\n"
	    "# Two {label=IV.5}\n"
	    "Five one.\n"
	    "\n"
	    "Five two.\n"
	    "\n"
	    "***\n"
	    "\n"
	    "Five three.\n");
	assert_block(c, "p1", KIND_PARAGRAPH, "Intro one.", 5);
	assert_block(c, "p2", KIND_PARAGRAPH, "Intro two.", 7);
	assert_block(c, "1.p1", KIND_PARAGRAPH, "First.", 9);
	assert_block(c, "1.p2", KIND_PARAGRAPH, "Second.", 11);
	assert_block(c, "1.1.p1", KIND_PARAGRAPH, "Sub para.", 13);
	assert_block(c, "IV.5.p1", KIND_PARAGRAPH, "Five one.", 15);
	assert_block(c, "IV.5.p2", KIND_PARAGRAPH, "Five two.", 17);
	/* A thematic break is no block. */
	assert_block(c, "IV.5.p3", KIND_PARAGRAPH, "Five three.", 21);
	assert_int_equal(c->nnodes, 12);
	/* Blocks hang under their section, in order. */
	assert_int_equal(node(c, "1.p2")->parent, 3);
	assert_int_equal(node(c, "1.1.p1")->parent, 6);
	assert_int_equal(node(c, "1.1.p1")->depth, 3);
	assert_int_equal(c->nodes[3].first_child, 4);
	assert_int_equal(corpus_last_child(c, 3), 6);
	corpus_free(c);
}

static void
test_block_kinds(void **state)
{
	struct corpus			*c;
	const struct corpus_node	*n;

	c = import_ok(FM
	    "{.byline} By ZHANG LINWAN\n"
	    "\n"
	    "> {.pullquote} We are willing to share\n"
	    "> our *successful* experience.\n"
	    "\n"
	    "> Plain quote.\n"
	    "\n"
	    "{#fu-cong .signature} Fu Cong\n"
	    "\n"
	    "{.title}\n"
	    "ANNEX\n"
	    "\n"
	    "{not attributes} stays as it is\n"
	    "\n"
	    "{.caption #fig-1} Figure 1\n"
	    "\n"
	    "{.source}Xinhua, 2017\n"
	    "\n"
	    "{.paragraph} Plain.\n"
	    "\n"
	    "{.epigraph} Quoted.\n"
	    "\n"
	    "> > Nested\n"
	    "> quote.\n");
	assert_block(c, "p1", KIND_BYLINE, "By ZHANG LINWAN", 5);
	assert_block(c, "p2", KIND_PULLQUOTE,
	    "We are willing to share our successful experience.", 7);
	assert_block(c, "p3", KIND_EPIGRAPH, "Plain quote.", 10);
	assert_block(c, "p4", KIND_SIGNATURE, "Fu Cong", 12);
	assert_string_equal(node(c, "p4")->anchor, "fu-cong");
	assert_block(c, "p5", KIND_TITLE, "ANNEX", 14);
	assert_block(c, "p6", KIND_PARAGRAPH,
	    "{not attributes} stays as it is", 17);
	assert_block(c, "p7", KIND_CAPTION, "Figure 1", 19);
	assert_string_equal(node(c, "p7")->anchor, "fig-1");
	assert_block(c, "p8", KIND_SOURCE, "Xinhua, 2017", 21);
	assert_block(c, "p9", KIND_PARAGRAPH, "Plain.", 23);
	assert_block(c, "p10", KIND_EPIGRAPH, "Quoted.", 25);
	assert_block(c, "p11", KIND_EPIGRAPH, "Nested quote.", 27);
	n = node(c, "p1");
	assert_string_equal(n->anchor, "");
	assert_int_equal(n->page, 0);
	corpus_free(c);
}

static void
test_inline_flattening(void **state)
{
	struct corpus	*c;

	c = import_ok(FM
	    "A paragraph written\n"
	    "over several\n"
	    "   lines.\n"
	    "\n"
	    "Some *emphasis*, **strong**, _under_, `code`, "
	    "[a link](http://x.org \"t\"), <http://auto.link> and "
	    "![an image](i.png).\n"
	    "\n"
	    "Hard  \n"
	    "break and\\\n"
	    "another.\n"
	    "\n"
	    "Trailing blanks   \n"
	    "\n"
	    "Entities: &amp; &copy; &#x41; \\*not em\\*\n");
	assert_block(c, "p1", KIND_PARAGRAPH,
	    "A paragraph written over several lines.", 5);
	assert_block(c, "p2", KIND_PARAGRAPH, "Some emphasis, strong, under, "
	    "code, a link, http://auto.link and an image.", 9);
	assert_block(c, "p3", KIND_PARAGRAPH, "Hard\nbreak and\nanother.",
	    11);
	assert_block(c, "p4", KIND_PARAGRAPH, "Trailing blanks", 15);
	assert_block(c, "p5", KIND_PARAGRAPH,
	    "Entities: & \xc2\xa9 A *not em*", 17);
	corpus_free(c);
}

static void
test_html_comments(void **state)
{
	struct corpus	*c;

	c = import_ok(FM
	    "<!-- an author's note -->\n"
	    "\n"
	    "Text.\n"
	    "\n"
	    "<!--\n"
	    "a note over\n"
	    "several lines\n"
	    "-->\n"
	    "\n"
	    "# Heading\n"
	    "\n"
	    "<!-- another -->\n"
	    "More.\n");
	assert_block(c, "p1", KIND_PARAGRAPH, "Text.", 7);
	assert_block(c, "1.p1", KIND_PARAGRAPH, "More.", 17);
	assert_int_equal(c->nnodes, 4);
	corpus_free(c);
}

static void
test_lists(void **state)
{
	struct corpus	*c;

	c = import_ok(FM
	    "- one\n"
	    "- two\n"
	    "  continued\n"
	    "\n"
	    "3. three\n"
	    "4. four\n"
	    "\n"
	    "* loose\n"
	    "\n"
	    "* list\n"
	    "\n"
	    "1. a\n"
	    "2. b\n"
	    "   1. c\n"
	    "   2. d\n"
	    "      - e\n"
	    "3. f\n"
	    "\n"
	    "```\n"
	    "code {x}\n"
	    "  indented\n"
	    "```\n");
	assert_block(c, "p1", KIND_PARAGRAPH,
	    "\xe2\x80\xa2 one\n\xe2\x80\xa2 two continued", 5);
	assert_block(c, "p2", KIND_PARAGRAPH, "3. three\n4. four", 9);
	assert_block(c, "p3", KIND_PARAGRAPH,
	    "\xe2\x80\xa2 loose\n\xe2\x80\xa2 list", 12);
	/* Nested lists keep each list's own numbering. */
	assert_block(c, "p4", KIND_PARAGRAPH,
	    "1. a\n2. b\n1. c\n2. d\n\xe2\x80\xa2 e\n3. f", 16);
	assert_block(c, "p5", KIND_PARAGRAPH, "code {x}\n  indented", 23);
	corpus_free(c);
}

/* --------------------------------------------------- markdown errors */

static void
test_duplicate_anchor(void **state)
{
	expect_error(FM "# A {#x}\n\n# B {#x}\n",
	    "t.md:7:6: duplicate anchor '#x' (first used at line 5)");
	expect_error(FM "# A {#x .chapter}\n\nText.\n\n## B {.section #x}\n",
	    "t.md:9:16: duplicate anchor '#x' (first used at line 5)");
	/* A block's anchor: the column is in its attributes, not the text. */
	expect_error(FM "# A {#x}\n\n{#x .byline} By #x\n",
	    "t.md:7:2: duplicate anchor '#x' (first used at line 5)");
	expect_error(FM "{.caption #fig} One\n\n> {#fig .pullquote} #fig\n",
	    "t.md:7:4: duplicate anchor '#fig' (first used at line 5)");
	/* Anchors are case-sensitive: these are two. */
	corpus_free(import_ok(FM "# A {#x}\n\n# B {#X}\n"));
}

static void
test_section_kind_errors(void **state)
{
	expect_error(FM "# A {.bogus}\n",
	    "t.md:5:6: unknown section kind '.bogus'");
	/* The kind's column, not that of a later dot in the label. */
	expect_error(FM "# A {#a .bogus label=II.1}\n",
	    "t.md:5:9: unknown section kind '.bogus'");
	expect_error(FM "# A {.paragraph}\n",
	    "t.md:5:6: unknown section kind '.paragraph'");
	expect_error(FM "# A {.document}\n",
	    "t.md:5:6: unknown section kind '.document'");
	expect_error(FM "# A {.Chapter}\n",
	    "t.md:5:6: unknown section kind '.Chapter'");
	/* Columns count characters, not bytes. */
	expect_error(FM "# \xc3\x9cn\xc3\xaf" "code {.bogus}\n",
	    "t.md:5:12: unknown section kind '.bogus'");
	expect_error(FM "# a. b. {.bogus}\n",
	    "t.md:5:10: unknown section kind '.bogus'");

	expect_error(FM "# A\n\n## B {.chapter}\n",
	    "t.md:7:1: a chapter may not stand at heading level 2");
	expect_error(FM "# A {.principle}\n",
	    "t.md:5:1: a principle may not stand at heading level 1");
	expect_error(FM "# A\n## B\n### C {.letter}\n",
	    "t.md:7:1: a letter may not stand at heading level 3");
}

static void
test_heading_level_errors(void **state)
{
	expect_error(FM "# A\n## B\n### C\n#### D\n",
	    "t.md:8:1: heading level 4 is deeper than charta allows (3)");
	expect_error(FM "###### F\n",
	    "t.md:5:1: heading level 6 is deeper than charta allows (3)");
	expect_error(FM "## x\n",
	    "t.md:5:1: level-2 heading without a level-1 heading above it");
	expect_error(FM "Text.\n\n### x\n",
	    "t.md:7:1: level-3 heading without a level-1 heading above it");
	expect_error(FM "# a\n### b\n",
	    "t.md:6:1: level-3 heading without a level-2 heading above it");
	expect_error(FM "# a\n## b\n# c\n### d\n",
	    "t.md:8:1: level-3 heading without a level-2 heading above it");
	expect_error(FM "# {#a .chapter}\n", "t.md:5:1: heading has no text");
	expect_error(FM "# x\n\n#\n", "t.md:7:1: heading has no text");
}

static void
test_label_errors(void **state)
{
	char	*s;

	expect_error(FM "# A {label=\"a b\"}\n",
	    "t.md:5:6: a label is 1 to 64 letters, digits, '.', '-' or '_'");
	expect_error(FM "# A {#a label=\"\"}\n",
	    "t.md:5:9: a label is 1 to 64 letters, digits, '.', '-' or '_'");
	expect_error(FM "# A {label=a:b}\n",
	    "t.md:5:6: a label is 1 to 64 letters, digits, '.', '-' or '_'");
	s = repeat(FM "# A {label=", "x", 65, "}\n");
	expect_error(s,
	    "t.md:5:6: a label is 1 to 64 letters, digits, '.', '-' or '_'");
	free(s);
	s = repeat(FM "# A {label=", "x", 64, "}\n");
	corpus_free(import_ok(s));
	free(s);
	/* An unquoted space ends the value: "b" is then no attribute. */
	expect_error(FM "# A {label=a b}\n", "t.md:5:5: malformed attribute "
	    "list; expected {#anchor .kind label=L page=N}");
}

static void
test_page_errors(void **state)
{
	static const char	*bad[] = { "0", "abc", "-1", "100000", "",
	    "1x", "99999999999999999999" };
	char			 src[128];
	size_t			 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(src, sizeof src, FM "# A {page=%s}\n", bad[i]);
		expect_error(src,
		    "t.md:5:5: page must be a number from 1 to 99999");
	}
	expect_error(FM "# A {#a .chapter label=I page=0}\n",
	    "t.md:5:5: page must be a number from 1 to 99999");
}

static void
test_attribute_errors(void **state)
{
	static const char	*malformed[] = { "#", ".", "label", "#a!",
	    ".chapter,", "label=\"x" };
	char			 src[128];
	size_t			 i;

	for (i = 0; i < sizeof malformed / sizeof malformed[0]; i++) {
		snprintf(src, sizeof src, FM "# A {%s}\n", malformed[i]);
		expect_error(src, "t.md:5:5: malformed attribute list; "
		    "expected {#anchor .kind label=L page=N}");
	}
	expect_error(FM "# A {foo=1}\n", "t.md:5:5: unknown attribute 'foo' "
	    "(known: #anchor, .kind, label=, page=)");
	expect_error(FM "# A {#a #b}\n",
	    "t.md:5:5: two anchors in one attribute list");
	expect_error(FM "# A {.section .part}\n",
	    "t.md:5:5: two kinds in one attribute list");
	expect_error(FM "# A {label=1 label=2}\n",
	    "t.md:5:5: two labels in one attribute list");
	/* The heading's own braces come before its attributes. */
	expect_error(FM "# Set {x} {#}\n", "t.md:5:11: malformed attribute "
	    "list; expected {#anchor .kind label=L page=N}");
}

static void
test_block_errors(void **state)
{
	expect_error(FM "{.bogus} x\n", "t.md:5:1: unknown block kind "
	    "'.bogus'");
	expect_error(FM "{.bogus} text {with braces}\n",
	    "t.md:5:1: unknown block kind '.bogus'");
	expect_error(FM "Text.\n\n> {.chapter} x\n",
	    "t.md:7:3: unknown block kind '.chapter'");
	expect_error(FM "{.section} x\n", "t.md:5:1: unknown block kind "
	    "'.section'");
	expect_error(FM "{.document} x\n", "t.md:5:1: unknown block kind "
	    "'.document'");
	expect_error(FM "{.caption}\n", "t.md:5:1: empty block");
	expect_error(FM "# A\n\n> {.pullquote}\n", "t.md:7:1: empty block");
	expect_error(FM "{#a}\n", "t.md:5:1: empty block");
}

/* ------------------------------------------------------- warnings */

/* Every warning of one import, one a line. */
static void
collect_warning(void *arg, const char *msg)
{
	text_buf_puts(arg, msg);
	text_buf_addc(arg, '\n');
}

/*
 * Import src (which must succeed) with warnings collected; the warnings
 * must be exactly want.  Returns the finished corpus.
 */
static struct corpus *
import_warns(const char *src, const char *want)
{
	struct corpus		*c = corpus_new();
	struct text_buf		 w;
	struct import_options	 opt = { .warn = collect_warning, .arg = &w };
	char			*buf, *err = NULL;
	size_t			 n = strlen(src);
	uint32_t		 a, b;

	text_buf_init(&w);
	buf = strdup(src);
	assert_non_null(buf);
	assert_int_equal(import_check_text("t.md", buf, &n, &err), 0);
	if (import_markdown_opt(c, "t.md", buf, n, &opt, &err) != 0) {
		fprintf(stderr, "unexpected error: %s\n", err);
		fail();
	}
	free(buf);
	if (strcmp(w.data != NULL ? w.data : "", want) != 0) {
		fprintf(stderr, "warnings:\n%s---\nwanted:\n%s---\n",
		    w.data != NULL ? w.data : "", want);
		fail();
	}
	text_buf_free(&w);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	return c;
}

/* Paragraphs of one list item stay apart, on lines of their own. */
static void
test_item_paragraphs(void **state)
{
	struct corpus	*c;

	c = import_warns(FM "- one\n\n  two\n\n  three\n- four\n\n"
	    "1. x\n\n   ```\n   code\n   ```\n\n   y\n\n"
	    "> quoted\n>\n> twice\n", "");
	assert_block(c, "p1", KIND_PARAGRAPH,
	    "\xe2\x80\xa2 one\ntwo\nthree\n\xe2\x80\xa2 four", 5);
	assert_block(c, "p2", KIND_PARAGRAPH, "1. x\ncode\ny", 12);
	assert_block(c, "p3", KIND_EPIGRAPH, "quoted\ntwice", 20);
	corpus_free(c);
}

/*
 * The raw-HTML policy (doc/source-format.md): comments are dropped, text
 * beside them kept; any other raw HTML is kept as written, with a warning.
 */
static void
test_raw_html(void **state)
{
	struct corpus	*c;

	/* The text after a comment on its line is not lost. */
	c = import_warns(FM "<!-- c --> trailing text\n",
	    "t.md:5:1: warning: text beside an HTML comment is kept as "
	    "written (its Markdown is not read)\n");
	assert_block(c, "p1", KIND_PARAGRAPH, "trailing text", 5);
	assert_int_equal(c->nnodes, 2);
	corpus_free(c);
	/* A comment alone is nothing; inline, it goes and its text stays. */
	c = import_warns(FM "<!-- a note -->\n\nSome <!-- x --> text.\n\n"
	    "- a <!-- y -->\n\n  <!-- z -->\n- b\n", "");
	assert_block(c, "p1", KIND_PARAGRAPH, "Some  text.", 7);
	assert_block(c, "p2", KIND_PARAGRAPH,
	    "\xe2\x80\xa2 a\n\xe2\x80\xa2 b", 9);
	assert_int_equal(c->nnodes, 3);
	corpus_free(c);
	/* Tags and HTML blocks are kept as written, and named. */
	c = import_warns(FM "<div>x</div>\n\nA <b>bold</b> word.\n\n"
	    "# A\n\n<script>alert(1)</script>\n",
	    "t.md:5:1: warning: raw HTML kept as text: '<div>'\n"
	    "t.md:7:3: warning: raw HTML kept as text: '<b>'\n"
	    "t.md:7:10: warning: raw HTML kept as text: '</b>'\n"
	    "t.md:11:1: warning: raw HTML kept as text: '<script>'\n");
	assert_block(c, "p1", KIND_PARAGRAPH, "<div>x</div>", 5);
	assert_block(c, "p2", KIND_PARAGRAPH, "A <b>bold</b> word.", 7);
	assert_block(c, "1.p1", KIND_PARAGRAPH, "<script>alert(1)</script>",
	    11);
	corpus_free(c);
	/* A comment never closed: what it swallows is named. */
	c = import_warns(FM "Text.\n\n<!-- open\n\nlost\n",
	    "t.md:7:1: warning: HTML comment is not closed: the text after "
	    "it in this block is dropped\n");
	assert_int_equal(c->nnodes, 2);
	corpus_free(c);
	/* Nested, the same rules; a comment's text beside it is kept. */
	c = import_warns(FM "> <!-- c --> kept\n> <span>s</span>\n",
	    "t.md:5:1: warning: text beside an HTML comment is kept as "
	    "written (its Markdown is not read)\n"
	    "t.md:6:3: warning: raw HTML kept as text: '<span>'\n"
	    "t.md:6:10: warning: raw HTML kept as text: '</span>'\n");
	assert_block(c, "p1", KIND_EPIGRAPH, "kept\n<span>s</span>", 5);
	corpus_free(c);
}

/* Nesting that flattening loses is named, once per block. */
static void
test_nesting_warnings(void **state)
{
	struct corpus	*c;

	c = import_warns(FM "- a\n  - b\n    - c\n\n> q\n> > qq\n\n"
	    "- x\n\n  # h\n\n- y\n\n  ---\n\n- plain\n- list\n",
	    "t.md:6:3: warning: a list inside a list is flattened into its "
	    "text\n"
	    "t.md:10:3: warning: a block quote inside a block quote is "
	    "flattened into its text\n"
	    "t.md:14:3: warning: a heading inside a list is flattened into "
	    "its text\n");
	assert_block(c, "p1", KIND_PARAGRAPH, "\xe2\x80\xa2 a\n\xe2\x80\xa2 "
	    "b\n\xe2\x80\xa2 c", 5);
	assert_block(c, "p3", KIND_PARAGRAPH, "\xe2\x80\xa2 x\nh\n"
	    "\xe2\x80\xa2 y\n\xe2\x80\xa2 plain\n\xe2\x80\xa2 list", 12);
	corpus_free(c);
}

/* Characters nobody sees are named; the text keeps them. */
static void
test_invisible_warnings(void **state)
{
	struct corpus		*c;
	struct corpus		*q = corpus_new();
	struct import_options	 opt = { .quiet = true,
	    .warn = collect_warning };
	struct text_buf		 w;
	char			*err = NULL;
	static const char	 src[] = FM "a\x1b[31mb\x7f\n"
	    "c\xc2\x9b d\n\n"
	    "x\xe2\x80\xaey\xe2\x80\xac z \xe2\x80\x8f\n\n"
	    "\xe2\x81\xa6open \xe2\x80\xae" "and\n\n"
	    "stray \xe2\x81\xa9\n";

	c = import_warns(src,
	    "t.md:5:2: warning: control character U+001B\n"
	    "t.md:5:8: warning: control character U+007F\n"
	    "t.md:6:2: warning: C1 control character U+009B\n"
	    "t.md:8:2: warning: bidi control U+202E (closed at column 4)\n"
	    "t.md:8:4: warning: bidi control U+202C\n"
	    "t.md:8:8: warning: bidi control U+200F\n"
	    "t.md:10:1: warning: unpaired bidi control U+2066 (not closed on "
	    "its line)\n"
	    "t.md:10:7: warning: unpaired bidi control U+202E (not closed on "
	    "its line)\n"
	    "t.md:12:7: warning: unpaired bidi control U+2069 (nothing open to "
	    "close)\n");
	assert_block(c, "p1", KIND_PARAGRAPH,
	    "a\x1b[31mb\x7f c\xc2\x9b d", 5);
	assert_block(c, "p2", KIND_PARAGRAPH,
	    "x\xe2\x80\xaey\xe2\x80\xac z \xe2\x80\x8f", 8);
	corpus_free(c);
	/* --quiet: not a word. */
	text_buf_init(&w);
	opt.arg = &w;
	assert_int_equal(import_markdown_opt(q, "t.md", S(src), &opt, &err),
	    0);
	assert_int_equal(w.len, 0);
	text_buf_free(&w);
	corpus_free(q);
}

/* A file of many warnings names the first ones and counts the rest. */
static void
test_warning_cap(void **state)
{
	struct corpus	*c;
	char		*src = repeat(FM, "x\x01\n", 60, ""), *want;
	struct text_buf	 w;
	int		 i;

	text_buf_init(&w);
	for (i = 0; i < 50; i++)
		text_buf_printf(&w, "t.md:%d:2: warning: control character "
		    "U+0001\n", 5 + i);
	text_buf_puts(&w, "t.md: 10 more warnings not shown\n");
	want = text_buf_steal(&w);
	c = import_warns(src, want);
	corpus_free(c);
	free(want);
	free(src);
}

static void
test_limits(void **state)
{
	char	*s;

	/* A block may hold CORPUS_MAX_TEXT bytes, not one more. */
	s = repeat(FM, "a", CORPUS_MAX_TEXT, "\n");
	corpus_free(import_ok(s));
	free(s);
	s = repeat(FM, "a", CORPUS_MAX_TEXT + 1, "\n");
	expect_error(s, "t.md:5:1: block too long (1048577 bytes; the limit "
	    "is 1048576)");
	free(s);
	/* So may a heading and an anchor: the loader relies on it. */
	s = repeat(FM "# ", "a", CORPUS_MAX_TEXT + 1, "\n");
	expect_error(s, "t.md:5:1: heading too long (1048577 bytes; the "
	    "limit is 1048576)");
	free(s);
	s = repeat(FM "# x {#", "a", CORPUS_MAX_TEXT + 1, "}\n");
	expect_error(s, "t.md:5:6: anchor too long");
	free(s);
}

/* End to end: BOM and CRLF are undone before the Markdown is read. */
static void
test_crlf_document(void **state)
{
	struct corpus	*c;

	c = import_ok("\xef\xbb\xbf---\r\nslug: t\r\ntitle: T\r\n---\r\n"
	    "# One {#one}\r\n\r\nLine one\r\nline two\r\n\r\nOld\rMac\r");
	assert_string_equal(c->docs[0].slug, "t");
	assert_string_equal(c->docs[0].title, "T");
	assert_section(c, "1", KIND_SECTION, "One", "one", 0, 5);
	assert_block(c, "1.p1", KIND_PARAGRAPH, "Line one line two", 7);
	assert_block(c, "1.p2", KIND_PARAGRAPH, "Old Mac", 10);
	corpus_free(c);
	expect_error("---\rslug: t\rtitle: T\r---\r\r# A {.bogus}\r",
	    "t.md:6:6: unknown section kind '.bogus'");
	expect_error("\xef\xbb\xbf---\r\nslug: t\r\ntitle: T\r\n---\r\n"
	    "# A {.bogus}\r\n", "t.md:5:6: unknown section kind '.bogus'");
}

/* A second document goes after the first; its labels are its own. */
static void
test_two_documents(void **state)
{
	struct corpus	*c = corpus_new();
	char		*err;
	uint32_t	 a, b;

	assert_int_equal(import_markdown(c, "a.md",
	    S("---\nslug: a\ntitle: A\n---\n# X\n\nText.\n"), &err), 0);
	assert_int_equal(import_markdown(c, "b.md",
	    S("---\nslug: b\nalias: bee\ntitle: B\n---\nText b.\n"), &err), 0);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	assert_int_equal(c->ndocs, 2);
	assert_string_equal(c->docs[0].file, "a.md");
	assert_string_equal(c->docs[1].file, "b.md");
	assert_int_equal(c->docs[1].root, 3);
	assert_int_equal(corpus_resolve(c, S("a:1.p1")), 2);
	assert_int_equal(corpus_resolve(c, S("bee:p1")), 4);
	assert_int_equal(corpus_resolve(c, S("a:p1")), CORPUS_NONE);
	corpus_free(c);

	/* A second document with the same slug: corpus_finish finds it. */
	c = corpus_new();
	assert_int_equal(import_markdown(c, "a.md",
	    S("---\nslug: a\ntitle: A\n---\n"), &err), 0);
	assert_int_equal(import_markdown(c, "b.md",
	    S("---\nslug: b\nalias: a\ntitle: B\n---\n"), &err), 0);
	assert_int_equal(corpus_finish(c, &a, &b), -1);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	corpus_free(c);
}

/* ------------------------------------------------------ pathological */

/* Import src (owned, freed here): must end, with success or an error. */
static struct corpus *
import_any(char *src)
{
	struct corpus	*c = corpus_new();
	char		*err = NULL;
	int		 rc;

	rc = run_import(c, src, strlen(src), &err);
	free(src);
	if (rc != 0) {
		assert_non_null(err);
		assert_int_equal(strncmp(err, "t.md:", 5), 0);
		free(err);
		corpus_free(c);
		return NULL;
	}
	assert_null(err);
	return c;
}

static void
test_deep_quotes(void **state)
{
	struct corpus	*c;

	c = import_any(repeat(FM, "> ", 10000, "x\n"));
	assert_non_null(c);
	assert_int_equal(c->nnodes, 2);
	assert_int_equal(c->nodes[1].kind, KIND_EPIGRAPH);
	assert_string_equal(c->nodes[1].text, "x");
	corpus_free(c);
	/* The same, one level a line. */
	c = import_any(repeat(FM, ">", 10000, "x\n"));
	assert_non_null(c);
	assert_string_equal(c->nodes[1].text, "x");
	corpus_free(c);
}

static void
test_brackets(void **state)
{
	struct corpus	*c;
	char		*want = repeat("", "[", 50000, "");

	c = import_any(repeat(FM, "[", 50000, "\n"));
	assert_non_null(c);
	assert_int_equal(c->nnodes, 2);
	assert_string_equal(c->nodes[1].text, want);
	corpus_free(c);
	free(want);
	c = import_any(repeat(FM "x", "[a](", 20000, "\n"));
	corpus_free(c);
	c = import_any(repeat(FM "x", "![[]", 20000, "\n"));
	corpus_free(c);
}

static void
test_emphasis_openers(void **state)
{
	struct corpus	*c;
	char		*want = repeat("", "*a ", 30000, "");

	/* Openers only: nothing closes them, so all of it is text. */
	c = import_any(repeat(FM, "*a ", 30000, "\n"));
	assert_non_null(c);
	assert_int_equal(c->nnodes, 2);
	want[strlen(want) - 1] = '\0';
	assert_string_equal(c->nodes[1].text, want);
	corpus_free(c);
	free(want);
	c = import_any(repeat(FM, "*a", 30000, "\n"));
	corpus_free(c);
	c = import_any(repeat(FM, "_a*", 30000, "\n"));
	corpus_free(c);
	c = import_any(repeat(FM, "a**b", 30000, "\n"));
	corpus_free(c);
}

static void
test_nested_lists(void **state)
{
	struct corpus	*c;
	struct text_buf	 b;
	size_t		 i, k;

	/* 10,000 items, each indented 2 more than the one before. */
	text_buf_init(&b);
	text_buf_puts(&b, FM);
	for (i = 0; i < 10000; i++) {
		for (k = 0; k < 2 * i; k++)
			text_buf_addc(&b, ' ');
		text_buf_puts(&b, "- a\n");
	}
	c = import_any(text_buf_steal(&b));
	if (c != NULL) {
		assert_int_equal(c->nnodes, 2);
		assert_int_equal(strncmp(c->nodes[1].text,
		    "\xe2\x80\xa2 a\n\xe2\x80\xa2 a\n", 12), 0);
		corpus_free(c);
	}
	/* 10,000 levels on one line. */
	c = import_any(repeat(FM, "- ", 10000, "a\n"));
	if (c != NULL)
		corpus_free(c);
	c = import_any(repeat(FM, "1. ", 10000, "a\n"));
	if (c != NULL)
		corpus_free(c);
}

/* Many items in one ordered list: numbering them must stay linear. */
static void
test_long_ordered_list(void **state)
{
	struct corpus	*c;
	const char	*t;

	c = import_any(repeat(FM, "1. a\n", 100000, ""));
	assert_non_null(c);
	assert_int_equal(c->nnodes, 2);
	t = c->nodes[1].text;
	assert_int_equal(strncmp(t, "1. a\n2. a\n3. a\n", 15), 0);
	assert_string_equal(t + c->nodes[1].text_len - 9, "100000. a");
	corpus_free(c);
}

/* Many anchors: checking them for duplicates must stay linear. */
static void
test_many_anchors(void **state)
{
	struct corpus	*c;
	struct text_buf	 b;
	size_t		 i;

	text_buf_init(&b);
	text_buf_puts(&b, FM);
	for (i = 0; i < 100000; i++)
		text_buf_printf(&b, "# H {#a%zu}\n\n{#b%zu} x\n\n", i, i);
	c = import_any(text_buf_steal(&b));
	assert_non_null(c);
	assert_int_equal(c->nnodes, 200001);
	assert_string_equal(c->nodes[200000].anchor, "b99999");
	corpus_free(c);

	/* ... and find the one duplicate at the end. */
	text_buf_init(&b);
	text_buf_puts(&b, FM);
	for (i = 0; i < 50000; i++)
		text_buf_printf(&b, "# H {#a%zu}\n", i);
	text_buf_puts(&b, "# H {#a777}\n");
	expect_error(b.data, "t.md:50005:6: duplicate anchor '#a777' (first "
	    "used at line 782)");
	text_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_plain),
		cmocka_unit_test(test_check_line_endings),
		cmocka_unit_test(test_check_bom),
		cmocka_unit_test(test_check_invalid_utf8),
		cmocka_unit_test(test_check_nul),
		cmocka_unit_test(test_check_boms),
		cmocka_unit_test(test_check_magic),
		cmocka_unit_test(test_front_matter_all_keys),
		cmocka_unit_test(test_front_matter_minimal),
		cmocka_unit_test(test_front_matter_errors),
		cmocka_unit_test(test_front_matter_bad_values),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_heading_without_attributes),
		cmocka_unit_test(test_auto_labels),
		cmocka_unit_test(test_block_labels),
		cmocka_unit_test(test_block_kinds),
		cmocka_unit_test(test_inline_flattening),
		cmocka_unit_test(test_html_comments),
		cmocka_unit_test(test_item_paragraphs),
		cmocka_unit_test(test_raw_html),
		cmocka_unit_test(test_nesting_warnings),
		cmocka_unit_test(test_invisible_warnings),
		cmocka_unit_test(test_warning_cap),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_duplicate_anchor),
		cmocka_unit_test(test_section_kind_errors),
		cmocka_unit_test(test_heading_level_errors),
		cmocka_unit_test(test_label_errors),
		cmocka_unit_test(test_page_errors),
		cmocka_unit_test(test_attribute_errors),
		cmocka_unit_test(test_block_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_crlf_document),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_deep_quotes),
		cmocka_unit_test(test_brackets),
		cmocka_unit_test(test_emphasis_openers),
		cmocka_unit_test(test_nested_lists),
		cmocka_unit_test(test_long_ordered_list),
		cmocka_unit_test(test_many_anchors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
