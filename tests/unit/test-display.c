/*
 * test-display.c -- the reader and `charta show` show a hostile text alike.
 *
 * A document made of what attacks or confuses a display (TABs, escape
 * sequences, NUL, C1 and bidi controls, tags, noncharacters, invalid UTF-8,
 * piles of combining marks, long runs of placeholders, CJK, an
 * abbreviation, a URL, an indented epigraph) is written to a database;
 * then, for every block and at several widths, what the reader's text pane
 * lays out for it (ui/textview.c: sanitize and wrap, with the indent) must
 * be, line for line and byte for byte, what `charta show -w N` prints: the
 * same placeholders, the same TAB stops, the same breaks.  Once in a UTF-8
 * locale and once in the C locale (ASCII only).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/textview.h"
#include "util/xmalloc.h"

/* A string literal as (pointer, length): literals may hold NUL bytes. */
#define S(x)	(x), (sizeof (x) - 1)

/* The blocks of the hostile document (kind and text). */
static const struct {
	enum node_kind	 kind;
	const char	*text;
	size_t		 len;
} blocks[] = {
	{ KIND_PARAGRAPH, S("Col\tumn\tA and\ttabs\there, then\tmore text "
	    "after them so that it wraps\tround.\n\tIndented line.") },
	{ KIND_PARAGRAPH, S("Noncharacters \xef\xbf\xbe \xef\xbf\xbf "
	    "\xef\xb7\x90 \xf4\x8f\xbf\xbf and \xf0\x9f\xbf\xbe, unassigned "
	    "\xcd\xb8, private \xee\x80\x80 end.") },
	{ KIND_PARAGRAPH, S("Bells \a\a\a\a\a\a\a\a\a\a\a\a\a\a\a and "
	    "\x1b[31mred\x1b[0m, nul \0 here, \x1b]0;title\a and "
	    "\x7f\x7f delete.") },
	{ KIND_PARAGRAPH, S("C1 \xc2\x9b" "31m, bidi \xe2\x80\xae" "abc"
	    "\xe2\x80\xac, tags \xf3\xa0\x81\x81\xf3\xa0\x81\x81\xf3\xa0\x81"
	    "\x81 and zero\xe2\x80\x8bwidth caf\xc2\x85" "e.") },
	{ KIND_PARAGRAPH, S("Zalgo Z\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85"
	    "\xcc\x86\xcc\x87\xcc\x88\xcc\x89\xcc\x8a\xcc\x8b\xcc\x8c here, "
	    "bad \xff\xfe\xc0\x9b\xe0\x80" "A bytes and \xed\xa0\x80 more.") },
	{ KIND_PARAGRAPH, S("Talks with the U.S. and the U.K. are at "
	    "https://www.example.org/policy/cyber-2017.html for e.g. all.") },
	{ KIND_PARAGRAPH, S("\xe7\xbd\x91\xe7\xbb\x9c\xe7\xa9\xba\xe9\x97\xb4"
	    "\xe5\x91\xbd\xe8\xbf\x90\xe5\x85\xb1\xe5\x90\x8c\xe4\xbd\x93\xef"
	    "\xbc\x8c\xe5\x92\x8c\xe5\xb9\xb3\xe3\x80\x81\xe5\xae\x89\xe5\x85"
	    "\xa8\xe3\x80\x81\xe5\xbc\x80\xe6\x94\xbe\xe3\x80\x82") },
	{ KIND_EPIGRAPH, S("An epigraph\twith a tab and \x1b[2J a clear, "
	    "indented by four columns.") },
};

static struct corpus	*c;
static char		*dir;
static char		*db;

static int
setup(void **state)
{
	struct corpus_doc	d;
	uint32_t		r, s, x, y;
	size_t			i;
	char			label[16], *err = NULL;

	(void)state;
	dir = xasprintf("%s/charta-test-display.XXXXXX", getenv("TMPDIR") ?
	    getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "mkdtemp: %s\n", strerror(errno));
		return -1;
	}
	db = xasprintf("%s/evil.db", dir);
	c = corpus_new();
	memset(&d, 0, sizeof d);
	d.slug = "evil";
	d.title = "Evil";
	r = corpus_add_doc(c, &d);
	s = corpus_add_node(c, r, KIND_CHAPTER, "I", NULL, "One", NULL, 0, 0,
	    1);
	for (i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
		snprintf(label, sizeof label, "I.p%zu", i + 1);
		corpus_add_node(c, s, blocks[i].kind, label, NULL, NULL,
		    blocks[i].text, blocks[i].len, 0, (uint32_t)i + 2);
	}
	if (corpus_finish(c, &x, &y) != 0 ||
	    store_write_corpus(db, c, &err) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", db, err);
		free(err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(db);
	rmdir(dir);
	free(dir);
	free(db);
	corpus_free(c);
	return 0;
}

/* What the reader's text pane shows for node n at width cols. */
static char *
reader_lines(uint32_t n, size_t cols, bool ascii)
{
	struct textview	tv;
	struct text_buf	b;
	size_t		l;
	int		k;

	textview_init(&tv, c, ascii);
	textview_set(&tv, n, cols);
	textview_more(&tv, (size_t)-1);
	text_buf_init(&b);
	text_buf_puts(&b, "");
	for (l = 0; l < tv.nlines; l++) {
		if (tv.lines[l].len > 0)
			for (k = 0; k < tv.lines[l].indent; k++)
				text_buf_addc(&b, ' ');
		text_buf_add(&b, textview_line_text(&tv, l), tv.lines[l].len);
		text_buf_addc(&b, '\n');
	}
	textview_free(&tv);
	return text_buf_steal(&b);
}

/* What `charta show -w cols` prints for node n. */
static char *
show_lines(const char *charta, uint32_t n, size_t cols, bool ascii)
{
	struct text_buf	 b;
	char		*cmd, *ref, buf[4096];
	FILE		*f;
	size_t		 got;

	ref = corpus_node_ref(c, n);
	cmd = xasprintf("LC_ALL=%s '%s' --db '%s' show -w %zu %s",
	    ascii ? "C" : "C.UTF-8", charta, db, cols, ref);
	f = popen(cmd, "r");
	assert_non_null(f);
	text_buf_init(&b);
	text_buf_puts(&b, "");
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		text_buf_add(&b, buf, got);
	assert_int_equal(pclose(f), 0);
	free(cmd);
	free(ref);
	return text_buf_steal(&b);
}

static void
test_show_is_the_reader(void **state)
{
	static const size_t	 widths[] = { 12, 13, 17, 20, 33, 80 };
	const char		*charta = getenv("CHARTA");
	char			*want, *got;
	uint32_t		 n;
	size_t			 w;
	int			 ascii;

	(void)state;
	if (charta == NULL)
		skip();
	for (ascii = 0; ascii < 2; ascii++) {
		for (n = 0; n < c->nnodes; n++) {
			if (!kind_is_block(c->nodes[n].kind))
				continue;
			for (w = 0; w < sizeof widths / sizeof widths[0];
			    w++) {
				want = reader_lines(n, widths[w], ascii);
				got = show_lines(charta, n, widths[w], ascii);
				if (strcmp(want, got) != 0) {
					fprintf(stderr, "node %u, -w %zu%s:\n"
					    "reader:\n%sshow:\n%s", n,
					    widths[w], ascii ? ", LC_ALL=C" :
					    "", want, got);
					fail();
				}
				free(want);
				free(got);
			}
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_show_is_the_reader),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
