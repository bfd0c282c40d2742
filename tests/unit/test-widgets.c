/*
 * test-widgets.c -- unit tests of the reader's parts on the shipped
 * shipped: the outline (folding, moving, filtering), the text view
 * (wrapping, keeping its place), the prompt's line editor, bracketed
 * paste and the key map (bindings, the config file, two-key sequences).
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
#include <unistd.h>

#include "index/index.h"
#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "ui/keymap.h"
#include "ui/outline.h"
#include "ui/paste.h"
#include "ui/prompt.h"
#include "ui/screen.h"
#include "ui/textview.h"
#include "util/xmalloc.h"
#include "shipped.h"


static uint32_t
ref(const char *r)
{
	uint32_t	n = corpus_resolve(shipped, r, strlen(r));

	assert_int_not_equal(n, CORPUS_NONE);
	return n;
}

/* The first screen: every document and its top level, nothing deeper. */
static void
test_outline_start(void **unused)
{
	struct outline	o;
	size_t		k, docs = 0;

	(void)unused;
	outline_init(&o, shipped);
	for (k = 0; k < o.nrows; k++) {
		assert_true(shipped->nodes[o.rows[k]].depth <= 1);
		docs += shipped->nodes[o.rows[k]].kind == KIND_DOCUMENT;
	}
	assert_int_equal(docs, shipped->ndocs);
	assert_int_equal(o.sel, 0);
	/* Selecting a deep node opens its ancestors, and it is visible. */
	outline_select(&o, ref("mfa:IV.5.p2"));
	assert_int_not_equal(outline_row_of(&o, ref("mfa:IV.5.p2")),
	    (size_t)-1);
	assert_true(o.open[ref("mfa:IV")] && o.open[ref("mfa:IV.5")]);
	outline_free(&o);
}

static void
test_outline_move_fold(void **unused)
{
	struct outline	o;
	size_t		rows;

	(void)unused;
	outline_init(&o, shipped);
	outline_move(&o, 1);
	assert_int_equal(o.sel, ref("mfa:P"));
	outline_move(&o, -5);
	assert_int_equal(o.sel, 0);
	rows = o.nrows;
	outline_set_open(&o, ref("mfa:II"), true);
	assert_true(o.nrows > rows);
	assert_true(outline_shows_children(&o, ref("mfa:II")));
	outline_set_open(&o, ref("mfa:II"), false);
	assert_int_equal(o.nrows, rows);
	outline_set_all(&o, false);
	assert_int_equal(o.nrows, shipped->ndocs);
	outline_set_all(&o, true);
	assert_true(o.nrows > shipped->nnodes / 4);
	/* Moving past the end stops at the last row. */
	outline_move(&o, 1000000);
	assert_int_equal(o.sel, o.rows[o.nrows - 1]);
	outline_free(&o);
}

/*
 * A filter shows the hits and their ancestors whatever the folds, and
 * the fold markers say what shows; unfiltering gives the folds back.
 */
static void
test_outline_filter(void **unused)
{
	struct outline	o, p;
	struct index	*ix = index_build(shipped);
	uint32_t	hits[2];
	size_t		rows;

	(void)unused;
	outline_init(&o, shipped);
	rows = o.nrows;
	hits[0] = ref("mfa:II.2.p1");
	hits[1] = ref("un:IV.5");
	/* The index's parents give the rows the corpus's nodes give. */
	outline_init(&p, shipped);
	outline_filter(&p, hits, 2, index_parents(ix));
	outline_filter(&o, hits, 2, NULL);
	assert_int_equal(p.nrows, o.nrows);
	assert_memory_equal(p.rows, o.rows, o.nrows * sizeof *o.rows);
	assert_memory_equal(p.hit, o.hit, shipped->nnodes);
	outline_free(&p);
	index_free(ix);
	assert_true(o.filtered);
	assert_int_equal(o.hit[hits[0]], OUTLINE_HIT);
	assert_int_equal(o.hit[ref("mfa:II.2")], OUTLINE_CONTEXT);
	assert_int_equal(o.hit[ref("mfa")], OUTLINE_CONTEXT);
	assert_true(outline_shows_children(&o, ref("mfa:II")));
	/* un:IV.5 is a hit but none of its children is. */
	assert_false(outline_shows_children(&o, ref("un:IV.5")));
	assert_int_equal(outline_row_of(&o, ref("mfa:II.1")), (size_t)-1);
	outline_unfilter(&o);
	assert_int_equal(o.nrows, rows);
	assert_int_equal(o.hit[hits[0]], 0);
	outline_free(&o);
}

/*
 * The text view: lines within the width, a node's text in order, and
 * the same byte found at any width (what keeps the place on resize).
 */
static void
test_textview(void **unused)
{
	struct textview	 tv;
	uint32_t	 n = ref("mfa:II.2"), p = ref("mfa:II.2.p2");
	size_t		 l, w, at80, at40;

	(void)unused;
	textview_init(&tv, shipped, false);
	assert_true(textview_set(&tv, n, 80));
	assert_false(textview_set(&tv, n, 80));	/* nothing to redo */
	for (l = 0; l < tv.nlines; l++) {
		w = tv.lines[l].indent + text_width(textview_line_text(&tv, l),
		    tv.lines[l].len);
		assert_true(w <= 80);
	}
	at80 = textview_line_of(&tv, p);
	assert_int_not_equal(at80, (size_t)-1);
	l = textview_line_at(&tv, p, 200);
	assert_true(l >= at80);
	assert_true(textview_set(&tv, n, 40));
	at40 = textview_line_at(&tv, p, 200);
	assert_true(at40 > l);
	assert_true(tv.lines[at40].off <= 200 && tv.lines[at40].off +
	    tv.lines[at40].len >= 200);
	/* Scrolling stays within a full page. */
	textview_scroll(&tv, 100000, 10);
	assert_int_equal(tv.top, tv.nlines - 10);
	textview_scroll(&tv, -100000, 10);
	assert_int_equal(tv.top, 0);
	textview_free(&tv);
}

/* Are the lines of a and b the same, the first n of them? */
static void
assert_same_lines(const struct textview *a, const struct textview *b,
    size_t n)
{
	size_t	l;

	assert_true(a->nlines >= n && b->nlines >= n);
	for (l = 0; l < n; l++) {
		assert_int_equal(a->lines[l].node, b->lines[l].node);
		assert_int_equal(a->lines[l].off, b->lines[l].off);
		assert_int_equal(a->lines[l].len, b->lines[l].len);
		assert_int_equal(a->lines[l].indent, b->lines[l].indent);
		assert_int_equal(a->lines[l].style, b->lines[l].style);
		assert_int_equal(a->lines[l].label_len,
		    b->lines[l].label_len);
		assert_memory_equal(textview_line_text(a, l),
		    textview_line_text(b, l), a->lines[l].len);
	}
}

/*
 * A text is laid out as far as it is asked for, and what is laid out
 * by parts -- scrolling a line at a time, finding a node's line -- is
 * what is laid out whole.
 */
static void
test_textview_lazy(void **unused)
{
	struct textview	 whole, part;
	size_t		 d, w, k, widths[] = { 80, 33 };
	uint32_t	 root, last;
	bool		 lazy = false;

	(void)unused;
	for (d = 0; d < shipped->ndocs; d++)
		for (w = 0; w < 2; w++) {
			root = shipped->docs[d].root;
			last = shipped->docs[d].end - 1;
			textview_init(&whole, shipped, false);
			textview_set(&whole, root, widths[w]);
			textview_more(&whole, (size_t)-1);
			assert_int_equal(whole.built, whole.end);
			/* Scrolled through a line at a time. */
			textview_init(&part, shipped, false);
			textview_set(&part, root, widths[w]);
			if (part.nlines < whole.nlines)
				lazy = true;
			for (k = 0; k < whole.nlines; k++)
				textview_scroll(&part, 1, 10);
			assert_int_equal(part.nlines, whole.nlines);
			assert_same_lines(&part, &whole, whole.nlines);
			assert_int_equal(part.top, whole.nlines > 10 ?
			    whole.nlines - 10 : 0);
			textview_free(&part);
			/* The last node's line, found at once. */
			textview_init(&part, shipped, false);
			textview_set(&part, root, widths[w]);
			assert_int_equal(textview_line_of(&part, last),
			    textview_line_of(&whole, last));
			assert_same_lines(&part, &whole, part.nlines);
			textview_free(&part);
			textview_free(&whole);
		}
	/* A document at 33 columns is longer than the first lines. */
	assert_true(lazy);
}

/* The line editor: insert, move, delete by character and word, cancel. */
static void
test_prompt(void **unused)
{
	struct prompt	p;

	(void)unused;
	memset(&p, 0, sizeof p);
	prompt_open(&p, ":");
	assert_string_equal(prompt_text(&p), "");
	assert_int_equal(prompt_key(&p, 'g', false), PROMPT_EDITING);
	prompt_key(&p, 'o', false);
	prompt_key(&p, ' ', false);
	prompt_key(&p, 0x00e9, false);		/* é: two bytes */
	prompt_key(&p, 'x', false);
	assert_string_equal(prompt_text(&p), "go \xc3\xa9x");
	prompt_key(&p, KEY_LEFT, true);
	prompt_key(&p, KEY_BACKSPACE, true);	/* the é, whole */
	assert_string_equal(prompt_text(&p), "go x");
	prompt_key(&p, 1, false);		/* C-a */
	prompt_key(&p, 'a', false);
	assert_string_equal(prompt_text(&p), "ago x");
	prompt_key(&p, 5, false);		/* C-e */
	prompt_key(&p, 23, false);		/* C-w: the last word */
	assert_string_equal(prompt_text(&p), "ago ");
	prompt_key(&p, 21, false);		/* C-u: all before the cursor */
	assert_string_equal(prompt_text(&p), "");
	assert_int_equal(prompt_key(&p, '\t', false), PROMPT_COMPLETE);
	prompt_set(&p, "mfa:II");
	assert_int_equal(p.cursor, 6);
	assert_int_equal(prompt_key(&p, '\n', false), PROMPT_DONE);
	assert_int_equal(prompt_key(&p, 27, false), PROMPT_CANCEL);
	prompt_close(&p);
	assert_false(p.active);
}

/* Feed s[0..n) to a paste; the number of bytes taken before its end. */
static size_t
feed(struct paste *p, const char *s, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		if (paste_feed(p, (unsigned char)s[k]))
			return k + 1;
	return n;
}

/*
 * A paste's text is every byte up to the first ESC [ 201 ~: escapes and
 * parts of the marker included; the rest is not the paste's.
 */
static void
test_paste(void **unused)
{
	static const char	 in[] = "a\033[2J\033[20\033\033[201x\033[2"
	    "01~rest";
	struct paste		 p;
	char			*big;

	(void)unused;
	paste_init(&p);
	assert_int_equal(feed(&p, in, sizeof in - 1), sizeof in - 1 - 4);
	assert_true(p.ended);
	assert_string_equal(p.text.data, "a\033[2J\033[20\033\033[201x");
	assert_true(paste_feed(&p, 'r'));	/* ended: takes no more */
	assert_string_equal(p.text.data, "a\033[2J\033[20\033\033[201x");
	paste_free(&p);
	/* Cut short inside a marker: the part held back is text. */
	paste_init(&p);
	assert_int_equal(feed(&p, "x\033[20", 5), 5);
	assert_false(p.ended);
	assert_string_equal(p.text.data, "x");
	paste_cut(&p);
	assert_string_equal(p.text.data, "x\033[20");
	paste_free(&p);
	/* Longer than PASTE_MAX: the rest counted, not kept. */
	big = xmalloc(PASTE_MAX + 10);
	memset(big, 'z', PASTE_MAX + 10);
	paste_init(&p);
	feed(&p, big, PASTE_MAX + 10);
	assert_int_equal(p.text.len, PASTE_MAX);
	assert_int_equal(p.dropped, 10);
	paste_free(&p);
	free(big);
}

/*
 * Pasted into the prompt: no byte is a key, line breaks are one space
 * each, NUL is U+FFFD, and no more than PROMPT_MAX is taken, never half a
 * character.
 */
static void
test_prompt_paste(void **unused)
{
	static const char	 in[] = "a\033[2J\r\nb\nc\rd\te\0\xe2\x80\xae\xff";
	struct prompt		 p;
	char			*big;

	(void)unused;
	memset(&p, 0, sizeof p);
	prompt_open(&p, "note: ");
	prompt_key(&p, 'X', false);
	prompt_key(&p, KEY_LEFT, true);
	assert_int_equal(prompt_paste(&p, in, sizeof in - 1), sizeof in - 1);
	assert_string_equal(prompt_text(&p),
	    "a\033[2J b c d\te\xef\xbf\xbd\xe2\x80\xae\xffX");
	assert_int_equal(p.cursor, strlen(prompt_text(&p)) - 1);
	/* Full: a three-byte character that does not fit is not cut. */
	big = xmalloc(PROMPT_MAX);
	memset(big, 'z', PROMPT_MAX);
	prompt_set(&p, "");
	assert_int_equal(prompt_paste(&p, big, PROMPT_MAX - 2), PROMPT_MAX - 2);
	assert_int_equal(prompt_paste(&p, "\xe4\xb8\xad", 3), 0);
	assert_int_equal(p.buf.len, PROMPT_MAX - 2);
	assert_int_equal(prompt_paste(&p, "yyy", 3), 2);
	assert_int_equal(p.buf.len, PROMPT_MAX);
	free(big);
	prompt_close(&p);
}

/* The key map: defaults, a view's own keys first, the config file. */
static void
test_keymap(void **unused)
{
	struct keymap_key	 k;
	char			 path[] = "/tmp/charta-keymap-XXXXXX";
	char			*err = NULL, *keys;
	int			 fd, prefix;
	FILE			*f;

	(void)unused;
	keymap_init();
	assert_int_equal(keymap_parse_key("j", &prefix, &k), 0);
	assert_int_equal(keymap_lookup(KEYMAP_READER, prefix, &k), REQ_DOWN);
	/* "d" is half a page down, but the comparison's own "words". */
	assert_int_equal(keymap_parse_key("d", &prefix, &k), 0);
	assert_int_equal(keymap_lookup(KEYMAP_READER, 0, &k), REQ_HALF_DOWN);
	assert_int_equal(keymap_lookup(KEYMAP_COMPARE, 0, &k), REQ_WORD_DIFF);
	/* "z" waits for the second key of zM. */
	assert_int_equal(keymap_parse_key("z", &prefix, &k), 0);
	assert_int_equal(keymap_lookup(KEYMAP_READER, 0, &k), -1);
	assert_int_equal(keymap_parse_key("zM", &prefix, &k), 0);
	assert_int_equal(keymap_lookup(KEYMAP_READER, prefix, &k),
	    REQ_COLLAPSE_ALL);
	assert_int_equal(keymap_parse_key("nonsense", &prefix, &k), -1);

	fd = mkstemp(path);
	assert_true(fd != -1);
	f = fdopen(fd, "w");
	fputs("# comment\nbind x quit\nunbind q\nbind C-k up\n", f);
	fclose(f);
	assert_int_equal(keymap_load(path, &err), 0);
	keys = keymap_keys_for(REQ_QUIT);
	assert_string_equal(keys, "Q, x");
	free(keys);
	keys = keymap_keys_for(REQ_UP);
	assert_non_null(strstr(keys, "C-k"));
	free(keys);
	f = fopen(path, "w");
	fputs("bind x frobnicate\n", f);
	fclose(f);
	assert_int_equal(keymap_load(path, &err), -1);
	assert_non_null(strstr(err, ":1: unknown action 'frobnicate'"));
	free(err);
	unlink(path);
	keymap_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outline_start),
		cmocka_unit_test(test_outline_move_fold),
		cmocka_unit_test(test_outline_filter),
		cmocka_unit_test(test_textview),
		cmocka_unit_test(test_textview_lazy),
		cmocka_unit_test(test_prompt),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_prompt_paste),
		cmocka_unit_test(test_keymap),
	};

	return cmocka_run_group_tests(tests, shipped_setup, shipped_teardown);
}
