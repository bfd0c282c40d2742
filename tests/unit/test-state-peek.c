/*
 * test-state-peek.c -- unit tests of the look into the state file before
 * it is loaded (state_peek_*, src/store/state-peek.c), against the loaded
 * state as the oracle: for a few hundred random notes and marks, on
 * places with and without a work, some deleted, with hostile bytes, every
 * answer of the look is what the loaded state says, field by field, in
 * its order; the look says "nothing kept" for no file, and "cannot look"
 * for what it must not read (a symlink, another program's file, an older
 * or newer schema, a file another process holds locked).  A state held
 * for the look (state_open_with, held) writes nothing till released,
 * and loses nothing when closed held.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test-state-lib.h"

#define HOSTILE	"\033]0;pwned\007\342\200\256x\300\200\377 \344\270\255"

/* The places notes and marks are set on, with a work or without. */
static const struct state_anchor places[] = {
	{ "iscc", "II.2.p1", "mfa", "II.2.p1" },
	{ "iscc", "II.2.p1", "un", "II.2.p1" },
	{ "iscc", "II.3", "mfa", "II.3" },
	{ "iscc", "IV.5.p2", "un", "IV.5.p2" },
	{ NULL, NULL, "wic", "p1" },
	{ NULL, NULL, "wic", "p2" },
	{ NULL, NULL, "cd", "p1" },
	/* A work whose anchor moved: its slug and label are another's. */
	{ "iscc", "II.9", "mfa", "II.3" },
	/* Set with no work where notes with one are too. */
	{ NULL, NULL, "mfa", "II.2.p1" },
};
#define NPLACES	(sizeof places / sizeof *places)

static bool
str_same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static bool
anchor_same(const struct state_anchor *a, const struct state_anchor *b)
{
	return str_same(a->work, b->work) && str_same(a->anchor, b->anchor) &&
	    str_same(a->slug, b->slug) && str_same(a->label, b->label);
}

/* Is note n set on target t, as state_peek_notes looks for it? */
static bool
on_work(const struct state_note *n, const struct state_anchor *t)
{
	return t->work != NULL && str_same(n->at.work, t->work) &&
	    str_same(n->at.anchor, t->anchor);
}

static bool
on_doc(const struct state_note *n, const struct state_anchor *t)
{
	return str_same(n->at.slug, t->slug) && str_same(n->at.label, t->label);
}

/*
 * A state file at path of random notes (some deleted, some orphaned) and
 * marks (some replaced, some deleted), a position and the last document.
 */
static void
fill(const char *path, unsigned seed)
{
	struct state		*st;
	struct state_quote	 q = { "the words", "before ", " after" };
	struct state_position	 pos;
	char			 id[STATE_ID_SIZE], *err, body[64], name[16];
	size_t			 k;
	const struct state_anchor *at;

	srand(seed);
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	for (k = 0; k < 400; k++) {
		at = &places[(size_t)rand() % NPLACES];
		snprintf(body, sizeof body, "note %zu %s", k,
		    k % 7 == 0 ? HOSTILE : "");
		assert_int_equal(state_note_add(st, at, k % 3 ? &q : NULL,
		    body, id, &err), 0);
		if (k % 5 == 0)
			assert_int_equal(state_note_delete(st, id, &err), 0);
		else if (k % 11 == 0)
			assert_int_equal(state_note_set_status(st, id,
			    STATE_NOTE_ORPHANED, &err), 0);
	}
	for (k = 0; k < 60; k++) {
		snprintf(name, sizeof name, "%c%zu", 'a' + (int)(k % 26),
		    k / 26);
		assert_int_equal(state_mark_set(st, k % 9 == 0 ? HOSTILE :
		    name, &places[(size_t)rand() % NPLACES], &err), 0);
		if (k % 4 == 0 && k % 9 != 0)
			assert_int_equal(state_mark_delete(st, name, id,
			    &err), 0);
	}
	memset(&pos, 0, sizeof pos);
	pos.slug = "un";
	pos.top_label = "IV.5.p2";
	pos.top_anchor = "IV.5.p2";
	pos.top_offset = 42;
	pos.sel_label = "IV.5";
	pos.focus = 1;
	assert_int_equal(state_position_save(st, &pos, &err), 0);
	assert_int_equal(state_last_doc_set(st, "un", &err), 0);
	close_saved(st);
}

static void
assert_note_equal(const struct state_note *a, const struct state_note *b,
    bool whole)
{
	assert_string_equal(a->id, b->id);
	assert_true(anchor_same(&a->at, &b->at));
	assert_int_equal(a->created, b->created);
	assert_int_equal(a->modified, b->modified);
	assert_int_equal(a->status, b->status);
	assert_int_equal(a->deleted, 0);
	if (whole) {
		assert_string_equal(a->body, b->body);
		assert_true(str_same(a->quote.exact, b->quote.exact));
		assert_true(str_same(a->quote.prefix, b->quote.prefix));
		assert_true(str_same(a->quote.suffix, b->quote.suffix));
	} else {
		assert_string_equal(a->body, "");
		assert_null(a->quote.exact);
	}
}

/*
 * The look's marks on targets t[0..nt) against the loaded state's live
 * marks, in its order: those on a target's work and anchor, or on its
 * slug and label.
 */
static void
check_marks(struct state *st, struct state_peek *pk,
    const struct state_anchor *t, size_t nt)
{
	struct state_mark	*got, *all;
	size_t			 ngot, nall, i, j, g = 0;
	bool			 on;

	ngot = state_peek_marks(pk, t, nt, &got);
	nall = state_mark_list(st, STATE_LIST_LIVE, &all);
	for (i = 0; i < nall; i++) {
		for (j = 0, on = false; j < nt && !on; j++)
			on = (t[j].work != NULL &&
			    str_same(all[i].at.work, t[j].work) &&
			    str_same(all[i].at.anchor, t[j].anchor)) ||
			    (str_same(all[i].at.slug, t[j].slug) &&
			    str_same(all[i].at.label, t[j].label));
		if (!on)
			continue;
		assert_true(g < ngot);
		assert_string_equal(got[g].id, all[i].id);
		assert_string_equal(got[g].name, all[i].name);
		assert_true(anchor_same(&got[g].at, &all[i].at));
		assert_int_equal(got[g].created, all[i].created);
		assert_int_equal(got[g].deleted, 0);
		g++;
	}
	assert_int_equal(g, ngot);
	state_marks_free(got, ngot);
	state_marks_free(all, nall);
}

/* Says "enough" after target stop, and keeps the counts it was given. */
struct enough_probe {
	size_t	stop;
	size_t	asked;		/* how many times */
	size_t	count[NPLACES + 2];
};

static bool
enough_at(void *arg, size_t target, size_t nnotes)
{
	struct enough_probe	*p = arg;

	assert_true(target < NPLACES + 2);
	assert_int_equal(target, p->asked);	/* each in turn, once */
	p->asked++;
	p->count[target] = nnotes;
	return target == p->stop;
}

/*
 * The look's notes on targets t[0..nt) (the first nwhole whole, or up to
 * target stop with an enough that stops there) against the loaded state's
 * notes: every live note on a whole target, whole; for each other target
 * the first live note on its work and anchor, or if it has none the first
 * on its slug and label with no work; in the state's order.  enough is
 * given each whole target's number of live notes.
 */
static void
check_notes(struct state *st, struct state_peek *pk,
    const struct state_anchor *t, size_t nt, size_t nwhole, size_t stop)
{
	const struct state_note	*all;
	struct state_note	*got;
	struct enough_probe	 probe;
	size_t			 nall, ngot, i, j, g = 0, asked, nw;
	size_t			 count[NPLACES + 2];
	bool			*want, *whole, first_work, first_doc;

	memset(&probe, 0, sizeof probe);
	probe.stop = stop;
	nw = nwhole;
	asked = nwhole > 0 ? nwhole - 1 : 0;	/* not after the last */
	if (stop < asked)
		asked = stop + 1;
	if (stop < nwhole)
		nwhole = stop + 1;
	assert_true(nt <= NPLACES + 2);
	nall = state_note_view(st, &all);
	want = calloc(nall + 1, sizeof *want);
	whole = calloc(nall + 1, sizeof *whole);
	for (j = 0; j < nt; j++) {
		first_work = first_doc = true;
		count[j] = 0;
		for (i = 0; i < nall; i++) {
			if (all[i].deleted != 0)
				continue;
			if (on_work(&all[i], &t[j]) || on_doc(&all[i], &t[j]))
				count[j]++;
			if (j < nwhole && (on_work(&all[i], &t[j]) ||
			    on_doc(&all[i], &t[j])))
				want[i] = whole[i] = true;
			if (j >= nwhole && first_work &&
			    on_work(&all[i], &t[j])) {
				want[i] = true;
				first_work = false;
			}
		}
		for (i = 0; i < nall && j >= nwhole && first_work; i++)
			if (all[i].deleted == 0 && first_doc &&
			    all[i].at.work == NULL && on_doc(&all[i], &t[j])) {
				want[i] = true;
				first_doc = false;
			}
	}
	ngot = state_peek_notes(pk, t, nt, &nw, stop == SIZE_MAX ? NULL :
	    enough_at, &probe, &got);
	assert_int_equal(nw, nwhole);
	if (stop != SIZE_MAX) {
		assert_int_equal(probe.asked, asked);
		for (j = 0; j < asked; j++)
			assert_int_equal(probe.count[j], count[j]);
	}
	for (i = 0; i < nall; i++) {
		if (!want[i])
			continue;
		assert_true(g < ngot);
		assert_note_equal(&got[g++], &all[i], whole[i]);
	}
	assert_int_equal(g, ngot);
	state_notes_free(got, ngot);
	free(want);
	free(whole);
}

static void
test_peek_matches_load(void **unused)
{
	const char		*path = tpath("state.db");
	struct state		*st;
	struct state_peek	*pk;
	struct state_position	*a, *b;
	struct state_note	*none;
	struct state_anchor	 t[NPLACES + 1];
	char			*la, *lb;
	size_t			 i, nt, nwhole;
	unsigned		 seed;

	(void)unused;
	for (seed = 1; seed <= 4; seed++) {
		unlink(path);
		fill(path, seed);
		st = open_quiet(path, STATE_JOURNAL_AUTO);
		assert_int_equal(state_peek_open(path, &pk), 1);
		/* The place kept. */
		la = state_peek_last_doc(pk);
		lb = state_last_doc(st);
		assert_string_equal(la, lb);
		a = state_peek_position(pk, la);
		b = state_position_load(st, lb);
		assert_non_null(a);
		assert_string_equal(a->slug, b->slug);
		assert_string_equal(a->top_label, b->top_label);
		assert_true(str_same(a->top_anchor, b->top_anchor));
		assert_int_equal(a->top_offset, b->top_offset);
		assert_true(str_same(a->sel_label, b->sel_label));
		assert_int_equal(a->focus, b->focus);
		assert_null(state_peek_position(pk, "nowhere"));
		state_position_free(a);
		state_position_free(b);
		free(la);
		free(lb);
		memcpy(t, places, sizeof places);
		t[NPLACES] = (struct state_anchor){ "none", "x", "none", "x" };
		nt = NPLACES + 1;
		/* The live marks on some of the places, in the list's order. */
		for (i = 0; i < nt; i += 2)
			check_marks(st, pk, t + i, nt - i > 2 ? 2 : nt - i);
		check_marks(st, pk, t, nt);
		/*
		 * Notes on every split of the places into whole and not,
		 * given or found by enough.
		 */
		for (nwhole = 0; nwhole <= nt; nwhole++)
			for (i = 0; i <= nt; i++)
				check_notes(st, pk, t + seed % 2,
				    nt - seed % 2, nwhole > nt - seed % 2 ?
				    nt - seed % 2 : nwhole,
				    i == nt ? SIZE_MAX : i);
		/* One place with notes on its work and some with none. */
		check_notes(st, pk, t, 1, 0, SIZE_MAX);
		check_notes(st, pk, t, 1, 1, SIZE_MAX);
		nwhole = 0;
		assert_int_equal(state_peek_notes(pk, t, 0, &nwhole, NULL,
		    NULL, &none), 0);
		assert_null(none);
		assert_true(state_peek_close(pk));
		close_saved(st);
	}
}

static void
test_peek_nothing_or_refused(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_peek	*pk;
	sqlite3			*db;

	(void)unused;
	/* No file, an empty one: nothing is kept yet. */
	assert_int_equal(state_peek_open(path, &pk), 0);
	assert_null(pk);
	fclose(fopen(path, "w"));
	assert_int_equal(state_peek_open(path, &pk), 0);
	unlink(path);
	/* A symlink at the state's place, a directory: not read. */
	fill(tpath("real.db"), 1);
	assert_int_equal(symlink(tpath("real.db"), path), 0);
	assert_int_equal(state_peek_open(path, &pk), -1);
	assert_null(pk);
	unlink(path);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(state_peek_open(path, &pk), -1);
	rmdir(path);
	/* Another program's file; an older and a newer schema. */
	sql_exec(path, "CREATE TABLE t(x); PRAGMA application_id=7");
	assert_int_equal(state_peek_open(path, &pk), -1);
	unlink(path);
	fill(path, 2);
	sql_exec(path, "PRAGMA user_version=1");
	assert_int_equal(state_peek_open(path, &pk), -1);
	sql_exec(path, "PRAGMA user_version=3");
	assert_int_equal(state_peek_open(path, &pk), -1);
	sql_exec(path, "PRAGMA user_version=2");
	assert_int_equal(state_peek_open(path, &pk), 1);
	assert_true(state_peek_close(pk));
	/*
	 * Held locked by another process (a rollback journal's exclusive
	 * lock): the look gives up at once rather than wait.
	 */
	sql_exec(path, "PRAGMA journal_mode=DELETE");
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL,
	    NULL), SQLITE_OK);
	assert_int_equal(state_peek_open(path, &pk), -1);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(state_peek_open(path, &pk), 1);
	assert_true(state_peek_close(pk));
}

static void
test_held(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_options	 o = { path, 0, STATE_JOURNAL_AUTO,
				    STATE_SYNC_FULL, true };
	struct state_status	 s;
	struct state		*st;
	char			*warning, *err, id[STATE_ID_SIZE];

	(void)unused;
	fill(path, 3);
	/* Held: nothing is read; a change made meanwhile is kept. */
	st = state_open_with(&o, &warning);
	assert_null(warning);
	assert_non_null(st);
	assert_int_equal(state_note_add(st, &places[0], NULL, "while held",
	    id, &err), 0);
	usleep(50000);
	state_status(st, &s);
	assert_false(s.loaded);
	assert_int_equal(s.pending, 1);
	state_status_clear(&s);
	/* Released: loaded, and the change committed. */
	state_release(st);
	wait_status(st, 0, -1);
	state_status(st, &s);
	assert_true(s.loaded);
	state_status_clear(&s);
	close_saved(st);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM note WHERE "
	    "body = 'while held'"), 1);
	/* Closed while still held: the change is committed all the same. */
	st = state_open_with(&o, &warning);
	assert_non_null(st);
	assert_int_equal(state_note_add(st, &places[4], NULL, "closed held",
	    id, &err), 0);
	close_saved(st);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM note WHERE "
	    "body = 'closed held'"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_peek_matches_load, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_peek_nothing_or_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_held, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
