/*
 * test-study-many.c -- the study layer's ways of staying fast with 10,000
 * notes give what the plain ways give, on the shipped shipped:
 *  - study_placer places every note where study_note_place does, notes
 *    sharing their place and words or not, their words edited or gone;
 *  - state_note_view shows the notes state_note_list copies, deleted ones
 *    and changes made after the file was loaded included;
 *  - query_match_folded on a text folded by index_fold_fast answers as
 *    query_match_text on the text;
 *  - textview_notes_changed lays out one node's notes as a whole new
 *    layout would, and keeps the line at the top where it was;
 *  - a mark set in the reader (reader_mark_changed) flags the nodes a
 *    full reading of the marks flags, the mark it replaced unflagged.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>

#include "test-state-lib.h"

#include "cli/cli.h"
#include "index/index.h"
#include "model/corpus.h"
#include "store/store.h"
#include "study/study.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "ui/textview.h"
#include "util/xmalloc.h"
#include "shipped.h"


/* The shipped shipped's blocks. */
static uint32_t *
blocks_of(size_t *n)
{
	uint32_t	*b = xreallocarray(NULL, shipped->nnodes, sizeof *b);
	uint32_t	 i;

	*n = 0;
	for (i = 0; i < shipped->nnodes; i++)
		if (kind_is_block(shipped->nodes[i].kind))
			b[(*n)++] = i;
	return b;
}

/*
 * Notes as the reader makes them, several on each paragraph, some with
 * their words edited (a typo: still there), some with the words of
 * another paragraph (moved), some with words found nowhere (orphaned),
 * some of those with the start and length of the words of the notes
 * beside them (which only the comparison of all their words tells
 * apart).
 */
static void
test_placer(void **unused)
{
	struct study_placer	 pl;
	struct state_anchor	*at;
	struct state_quote	*q;
	uint32_t		*b, got, want;
	size_t			 nb, n, k, len, g;
	bool			 gm, wm;
	char			*s;

	(void)unused;
	b = blocks_of(&nb);
	assert_true(nb > 10);
	n = 4 * nb;
	at = xcalloc(n, sizeof *at);
	q = xcalloc(n, sizeof *q);
	/* Each paragraph's notes: as made, then edited in one way or another. */
	for (k = 0; k < n; k++) {
		study_anchor_of(shipped, b[(k * 7) % nb], &at[k]);
		study_quote_of(shipped, b[(k * 7) % nb], &q[k]);
		len = strlen(q[k].exact);
		if (k < nb || k >= 3 * nb)
			continue;	/* as made, twice */
		if (k >= 2 * nb && len > 16) {
			/* Its start and length kept, the rest nowhere. */
			memset(q[k].exact + 8, 'x', len - 8);
		} else if (k % 3 == 0 && len > 4) {
			q[k].exact[len / 2] = 'x';	/* edited */
		} else if (k % 3 == 1) {
			free(q[k].exact);		/* another's */
			q[k].exact = xstrdup(shipped->nodes[b[(k * 7 + 3) %
			    nb]].text);
		} else {
			s = xasprintf("%s and words found nowhere",
			    q[k].exact);
			free(q[k].exact);
			q[k].exact = s;
		}
	}
	study_placer_init(&pl, shipped, 0);
	for (k = 0; k < n; k++) {
		want = study_note_place(shipped, &at[k], &q[k], &wm);
		got = study_placer_place(&pl, &at[k], &q[k], &gm, &g);
		if (g > pl.n)
			fail_msg("note %zu: group %zu of %zu", k, g, pl.n);
		if (got != want || gm != wm)
			fail_msg("note %zu: placed %u, moved %d; want %u, %d",
			    k, got, gm, want, wm);
	}
	/* Notes on the same place and words share one placing. */
	assert_true(pl.n < n);
	study_placer_free(&pl);
	for (k = 0; k < n; k++) {
		study_anchor_free(&at[k]);
		study_quote_free(&q[k]);
	}
	free(at);
	free(q);
	free(b);
}

static void
assert_same_note(const struct state_note *a, const struct state_note *b)
{
	assert_string_equal(a->id, b->id);
	assert_string_equal(a->body, b->body);
	assert_string_equal(a->at.slug, b->at.slug);
	assert_string_equal(a->at.label, b->at.label);
	assert_string_equal(a->quote.exact, b->quote.exact);
	assert_int_equal(a->deleted != 0, b->deleted != 0);
	assert_int_equal(a->status, b->status);
}

/* The notes where the state keeps them are the notes it lists. */
static void
test_note_view(void **unused)
{
	struct state		*st;
	struct state_note	*list;
	const struct state_note	*view;
	struct state_anchor	 at;
	struct state_quote	 q;
	char			 id[STATE_ID_SIZE], *err, body[64];
	uint32_t		*b;
	size_t			 nb, k, n, nv;

	(void)unused;
	b = blocks_of(&nb);
	st = open_quiet(tpath("state.db"), STATE_JOURNAL_AUTO);
	for (k = 0; k < 40; k++) {
		study_anchor_of(shipped, b[k % nb], &at);
		study_quote_of(shipped, b[k % nb], &q);
		snprintf(body, sizeof body, "note %zu", k);
		assert_int_equal(state_note_add(st, &at, &q, body, id, &err),
		    0);
		if (k % 4 == 0)
			assert_int_equal(state_note_delete(st, id, &err), 0);
		study_anchor_free(&at);
		study_quote_free(&q);
	}
	/* Read back from the file, then changed again. */
	st = reopen(st, tpath("state.db"));
	n = state_note_list(st, NULL, STATE_LIST_ALL, &list);
	assert_int_equal(n, 40);
	assert_int_equal(state_note_update(st, list[5].id, "changed", NULL,
	    &err), 0);
	state_notes_free(list, n);
	n = state_note_list(st, NULL, STATE_LIST_ALL, &list);
	nv = state_note_view(st, &view);
	assert_int_equal(nv, n);
	for (k = 0; k < n; k++)
		assert_same_note(&view[k], &list[k]);
	assert_string_equal(view[5].body, "changed");
	state_notes_free(list, n);
	close_saved(st);
	free(b);
}

/* Matching folded text is matching the text. */
static void
test_match_folded(void **unused)
{
	static const char *const queries[] = {
		"sovereignty", "cyber*", "\"cyberspace governance\"",
		"peace OR order", "-the", "doc:mfa", "kind:paragraph cyber",
		"Stra\xc3\x9f" "e", "co\xc3\xb6peration", "internet -china",
	};
	struct query	*qy;
	const char	*t;
	char		*folded, *err;
	uint32_t	*b;
	size_t		 nb, k, i, len;

	(void)unused;
	b = blocks_of(&nb);
	for (k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		qy = query_parse(shipped, queries[k], strlen(queries[k]), &err);
		if (qy == NULL)
			fail_msg("%s: %s", queries[k], err);
		for (i = 0; i < nb; i++) {
			t = shipped->nodes[b[i]].text;
			folded = index_fold_fast(t, strlen(t), &len);
			if (query_match_folded(qy, folded, len, shipped, b[i]) !=
			    query_match_text(qy, t, strlen(t), shipped, b[i]))
				fail_msg("%s on node %u: not the same",
				    queries[k], b[i]);
			free(folded);
		}
		query_free(qy);
	}
	free(b);
}

/* Notes for the text view: node -> text, from a table the test changes. */
static char	*tv_notes[64];
static uint32_t	 tv_base;

static char *
tv_notes_fn(void *arg, uint32_t n)
{
	(void)arg;
	if (n < tv_base || n - tv_base >= 64 || tv_notes[n - tv_base] == NULL)
		return NULL;
	return xstrdup(tv_notes[n - tv_base]);
}

static void
assert_same_layout(const struct textview *a, const struct textview *b)
{
	size_t	l;

	assert_int_equal(a->nlines, b->nlines);
	for (l = 0; l < a->nlines; l++) {
		assert_int_equal(a->lines[l].node, b->lines[l].node);
		assert_int_equal(a->lines[l].style, b->lines[l].style);
		assert_int_equal(a->lines[l].off, b->lines[l].off);
		assert_int_equal(a->lines[l].len, b->lines[l].len);
		assert_int_equal(a->lines[l].indent, b->lines[l].indent);
		assert_string_equal(textview_line_text(a, l),
		    textview_line_text(b, l));
	}
}

/* One node's notes laid out again: the layout a new one makes. */
static void
test_textview_notes_changed(void **unused)
{
	struct textview	 tv, fresh;
	uint32_t	 root, n, top_node;
	const char	*top_text;
	char		*saved;
	size_t		 k, step;

	(void)unused;
	root = corpus_resolve(shipped, "mfa:II", 6);
	assert_true(root != CORPUS_NONE);
	assert_true(corpus_subtree_end(shipped, root) - root > 8);
	tv_base = root;
	memset(tv_notes, 0, sizeof tv_notes);
	tv_notes[2] = xstrdup("* a first note, long enough to be wrapped "
	    "over more than one line of forty columns");
	textview_init(&tv, shipped, false);
	tv.notes = tv_notes_fn;
	textview_set(&tv, root, 40);
	textview_more(&tv, (size_t)-1);
	for (step = 0; step < 4; step++) {
		/* A note added, lengthened, removed, on node root + n. */
		n = step == 3 ? 2 : 1 + 2 * (uint32_t)step;
		free(tv_notes[n]);
		tv_notes[n] = step == 3 ? NULL : xasprintf("* note %zu: some "
		    "words\n* and another note under the same paragraph, "
		    "wrapped", step);
		/* The top line: after the changed node, then on it. */
		tv.top = step % 2 == 0 ? tv.nlines - 2 : 0;
		top_node = tv.lines[tv.top].node;
		saved = xstrdup(textview_line_text(&tv, tv.top));
		assert_true(textview_notes_changed(&tv, root + n));
		textview_init(&fresh, shipped, false);
		fresh.notes = tv_notes_fn;
		textview_set(&fresh, root, 40);
		textview_more(&fresh, (size_t)-1);
		assert_same_layout(&tv, &fresh);
		/* The same text at the top. */
		assert_int_equal(tv.lines[tv.top].node, top_node);
		top_text = textview_line_text(&tv, tv.top);
		assert_string_equal(top_text, saved);
		free(saved);
		textview_free(&fresh);
	}
	/* A node outside the text: nothing to do. */
	assert_false(textview_notes_changed(&tv, root > 0 ? root - 1 :
	    corpus_subtree_end(shipped, root)));
	textview_free(&tv);
	for (k = 0; k < 64; k++)
		free(tv_notes[k]);
}

/* A reader app on its own state, curses writing nowhere. */
static void
reader_app(struct app *a, struct state *st, SCREEN **scr, FILE **out,
    FILE **in)
{
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	*out = fopen("/dev/null", "w");
	*in = fopen("/dev/null", "r");
	*scr = newterm("xterm", *out, *in);
	assert_non_null(*scr);
	keymap_init();
	memset(a, 0, sizeof *a);
	a->c = shipped;
	a->commands = command_table;
	a->ncommands = command_count;
	a->wake[0] = a->wake[1] = -1;
	a->state = st;
	app_push(a, &reader_ops, reader_new(a, corpus_resolve(shipped,
	    "mfa:II.2", 8)));
}

/* A mark set in the reader flags what a full reading of the marks does. */
static void
test_reader_mark_changed(void **unused)
{
	struct app		 a;
	struct reader		*r;
	struct state		*st;
	struct state_anchor	 at;
	SCREEN			*scr;
	FILE			*out, *in;
	uint8_t			*flags;
	uint32_t		*b;
	char			*err, name[16];
	size_t			 nb, k;

	(void)unused;
	b = blocks_of(&nb);
	st = open_quiet(tpath("state.db"), STATE_JOURNAL_AUTO);
	reader_app(&a, st, &scr, &out, &in);
	r = a.stack[0]->data;
	reader_study_load(r);
	flags = xmalloc(shipped->nnodes);
	for (k = 0; k < 60; k++) {
		/* Ten names set again and again: each replaces the last. */
		snprintf(name, sizeof name, "%zu", k % 10);
		study_anchor_of(shipped, b[(k * 13) % nb], &at);
		assert_int_equal(state_mark_set(st, name, &at, &err), 0);
		study_anchor_free(&at);
		reader_mark_changed(r, name);
		memcpy(flags, r->flags, shipped->nnodes);
		reader_marks_load(r);
		if (memcmp(flags, r->flags, shipped->nnodes) != 0)
			fail_msg("mark %zu: the flags differ from a full "
			    "reading", k);
	}
	free(flags);
	while (a.nviews > 0) {
		struct view	*v = a.stack[--a.nviews];

		v->ops->close(v);
		free(v);
	}
	app_filter_free(&a);
	app_messages_free(&a);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	close_saved(st);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placer),
		cmocka_unit_test_setup_teardown(test_note_view, setup,
		    teardown),
		cmocka_unit_test(test_match_folded),
		cmocka_unit_test(test_textview_notes_changed),
		cmocka_unit_test_setup_teardown(test_reader_mark_changed,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, shipped_setup, shipped_teardown);
}
