/*
 * test-state.c -- unit tests of the user-state store (src/store/state*.c):
 * a version 1 file (the histories, as charta 0.1 made it) is upgraded in
 * place and keeps every entry; each kind of record (histories, reading
 * positions, marks, notes, drafts) comes back from the file byte for byte
 * as it was given, hostile bytes included; deleted marks and notes are
 * kept and can be brought back; a newer charta's file is read, never
 * written.  The locking and the writer thread are in test-state-async.c.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test-state-lib.h"

/* Bytes the store must keep as they are: an escape sequence, a bidi
 * override, invalid UTF-8, CJK. */
#define HOSTILE	"\033]0;pwned\007\342\200\256x\300\200\377 \344\270\255"

/* Version 1's schema exactly as charta 0.1 wrote it. */
static const char v1_schema[] =
    "PRAGMA journal_mode=WAL;"
    "BEGIN IMMEDIATE;"
    "CREATE TABLE IF NOT EXISTS history(id INTEGER PRIMARY KEY, "
    "kind TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS history_kind ON history(kind, id);"
    "PRAGMA application_id=1128813396; PRAGMA user_version=1;"
    "INSERT INTO history(kind, text, at) VALUES "
    "('filter', 'sovereignty', 1500000000), "
    "('goto', 'II.2', 1500000001), "
    "('filter', 'cyberspace -war', 1500000002), "
    "('command', 'compare un', 1500000003), "
    "('filter', '\"shared future\"', 1500000004);"
    "COMMIT";

static void
assert_history(struct state *st, const char *kind, const char **want,
    size_t nwant)
{
	char	**items;
	size_t	  n, i;

	n = state_history(st, kind, &items);
	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++)
		assert_string_equal(items[i], want[i]);
	state_history_free(items, n);
}

static void
test_upgrade_v1(void **unused)
{
	const char		*path = tpath("state.db");
	const char		*filters[] = { "\"shared future\"",
				    "cyberspace -war", "sovereignty" };
	const char		*gotos[] = { "II.2" }, *cmds[] = { "compare un" };
	const char		*filters2[] = { "new", "\"shared future\"",
				    "cyberspace -war", "sovereignty" };
	struct state		*st;
	struct state_anchor	 at = { "iscc", "II.2", "mfa", "II.2" };
	struct state_mark	*k;
	char			*err, id[STATE_ID_SIZE];

	(void)unused;
	sql_exec(path, v1_schema);
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_history(st, "filter", filters, 3);
	assert_history(st, "goto", gotos, 1);
	assert_history(st, "command", cmds, 1);
	assert_int_equal(sql_int(path, "PRAGMA user_version"), 2);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM history"), 5);
	/* The new tables work, and the old one still does. */
	assert_int_equal(state_mark_set(st, "a", &at, &err), 0);
	assert_int_equal(state_note_add(st, &at, NULL, "a note", id, &err), 0);
	assert_int_equal(state_history_add(st, "filter", "new", &err), 0);
	st = reopen(st, path);
	assert_history(st, "filter", filters2, 4);
	assert_history(st, "goto", gotos, 1);
	k = state_mark_get(st, "a");
	assert_non_null(k);
	assert_string_equal(k->at.anchor, "II.2");
	state_marks_free(k, 1);
	close_saved(st);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM note"), 1);
	assert_int_equal(sql_int(path, "PRAGMA application_id"),
	    STATE_APPLICATION_ID);
}

static void
test_history_round_trip(void **unused)
{
	const char	*path = tpath("state.db");
	const char	*want[] = { "b", HOSTILE, "a" };
	struct state	*st;
	char		*err, **items, text[32];
	size_t		 n;
	int		 i;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_history_add(st, "filter", "a", &err), 0);
	assert_int_equal(state_history_add(st, "filter", "b", &err), 0);
	assert_int_equal(state_history_add(st, "filter", HOSTILE, &err), 0);
	assert_int_equal(state_history_add(st, "filter", "b", &err), 0);
	assert_history(st, "filter", want, 3);
	for (i = 0; i < STATE_HISTORY_MAX + 10; i++) {
		snprintf(text, sizeof text, "g%d", i);
		assert_int_equal(state_history_add(st, "goto", text, &err), 0);
	}
	st = reopen(st, path);
	assert_history(st, "filter", want, 3);
	n = state_history(st, "goto", &items);
	assert_int_equal(n, STATE_HISTORY_MAX);
	snprintf(text, sizeof text, "g%d", STATE_HISTORY_MAX + 9);
	assert_string_equal(items[0], text);
	assert_string_equal(items[n - 1], "g10");
	state_history_free(items, n);
	assert_int_equal(state_history(st, "command", &items), 0);
	assert_null(items);
	/* An entry too long is refused with a message, not cut. */
	items = calloc(1, STATE_STRING_MAX + 2);
	memset(items, 'x', STATE_STRING_MAX + 1);
	assert_int_equal(state_history_add(st, "filter", (char *)items,
	    &err), -1);
	assert_non_null(strstr(err, "too long"));
	free(err);
	free(items);
	close_saved(st);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_position_round_trip(void **unused)
{
	const char		*path = tpath("state.db");
	char			 longa[400], longb[400];
	char			*open[] = { "II.2", "II", "II.2.p3", "II",
				    HOSTILE, longa, longb, "I" };
	char			*sorted[] = { HOSTILE, "I", "II", "II.2",
				    "II.2.p3", longa, longb };
	struct state_position	 pos = { "mfa", "II.2.p3", "iscc:II.2.p3",
				    12345678901ULL, "II.2", open, 8, 1, 0 };
	struct state_position	 other = { "un", "I", NULL, 0, NULL, NULL, 0,
				    0, 0 };
	struct state_position	*p;
	struct state		*st;
	char			*err, *doc;
	size_t			 i;

	(void)unused;
	/* Two labels sharing more than 255 bytes. */
	memset(longa, 'a', sizeof longa - 2);
	longa[sizeof longa - 2] = 'a';
	longa[sizeof longa - 1] = '\0';
	memcpy(longb, longa, sizeof longb);
	longb[sizeof longb - 2] = 'b';
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_null(state_position_load(st, "mfa"));
	assert_null(state_last_doc(st));
	assert_int_equal(state_position_save(st, &pos, &err), 0);
	assert_int_equal(state_position_save(st, &other, &err), 0);
	assert_int_equal(state_last_doc_set(st, "mfa", &err), 0);
	st = reopen(st, path);
	p = state_position_load(st, "mfa");
	assert_non_null(p);
	assert_string_equal(p->top_label, "II.2.p3");
	assert_string_equal(p->top_anchor, "iscc:II.2.p3");
	assert_true(p->top_offset == 12345678901ULL);
	assert_string_equal(p->sel_label, "II.2");
	assert_int_equal(p->focus, 1);
	assert_true(p->updated > 0);
	/* The expanded nodes, as a set. */
	assert_int_equal(p->nopen, 7);
	qsort(p->open, p->nopen, sizeof *p->open, cmp_str);
	for (i = 0; i < p->nopen; i++)
		assert_string_equal(p->open[i], sorted[i]);
	state_position_free(p);
	p = state_position_load(st, "un");
	assert_non_null(p);
	assert_null(p->top_anchor);
	assert_null(p->sel_label);
	assert_int_equal(p->nopen, 0);
	state_position_free(p);
	doc = state_last_doc(st);
	assert_string_equal(doc, "mfa");
	free(doc);
	/* A new position replaces the old one. */
	pos.top_label = "III";
	pos.nopen = 0;
	assert_int_equal(state_position_save(st, &pos, &err), 0);
	assert_int_equal(state_last_doc_set(st, "un", &err), 0);
	st = reopen(st, path);
	p = state_position_load(st, "mfa");
	assert_string_equal(p->top_label, "III");
	assert_int_equal(p->nopen, 0);
	state_position_free(p);
	doc = state_last_doc(st);
	assert_string_equal(doc, "un");
	free(doc);
	/* Without a label, it is refused with a message. */
	pos.top_label = NULL;
	assert_int_equal(state_position_save(st, &pos, &err), -1);
	assert_non_null(err);
	free(err);
	close_saved(st);
}

static void
test_mark_round_trip(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_anchor	 logical = { "iscc", "II.2.p3", "mfa",
				    "II.2.p3" };
	struct state_anchor	 plain = { NULL, NULL, "wic", HOSTILE };
	char			 name64[STATE_MARK_NAME_MAX + 2];
	struct state		*st;
	struct state_mark	*marks;
	char			*err;
	size_t			 n;

	(void)unused;
	memset(name64, 'm', sizeof name64);
	name64[STATE_MARK_NAME_MAX] = '\0';
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_mark_set(st, "a", &logical, &err), 0);
	assert_int_equal(state_mark_set(st, HOSTILE, &plain, &err), 0);
	assert_int_equal(state_mark_set(st, name64, &plain, &err), 0);
	assert_int_equal(state_mark_set(st, "b", &plain, &err), 0);
	/* Renamed to a word; not onto a taken name. */
	assert_int_equal(state_mark_rename(st, "b", "chapter two", &err), 0);
	assert_int_equal(state_mark_rename(st, "a", "chapter two", &err), -1);
	assert_non_null(strstr(err, "chapter two"));
	free(err);
	assert_int_equal(state_mark_rename(st, "zz", "y", &err), -1);
	free(err);
	name64[STATE_MARK_NAME_MAX] = 'm';
	name64[STATE_MARK_NAME_MAX + 1] = '\0';
	assert_int_equal(state_mark_set(st, name64, &plain, &err), -1);
	free(err);
	assert_int_equal(state_mark_set(st, "", &plain, &err), -1);
	free(err);
	name64[STATE_MARK_NAME_MAX] = '\0';
	st = reopen(st, path);
	n = state_mark_list(st, STATE_LIST_LIVE, &marks);
	assert_int_equal(n, 4);
	/* By name: bytes sort as bytes. */
	assert_string_equal(marks[0].name, HOSTILE);
	assert_string_equal(marks[1].name, "a");
	assert_string_equal(marks[2].name, "chapter two");
	assert_string_equal(marks[3].name, name64);
	assert_string_equal(marks[0].at.label, HOSTILE);
	assert_null(marks[0].at.work);
	assert_string_equal(marks[1].at.work, "iscc");
	assert_string_equal(marks[1].at.anchor, "II.2.p3");
	assert_string_equal(marks[1].at.slug, "mfa");
	assert_string_equal(marks[1].at.label, "II.2.p3");
	assert_true(marks[1].created > 0);
	assert_int_equal(marks[1].deleted, 0);
	assert_int_equal(strlen(marks[1].id), STATE_ID_SIZE - 1);
	state_marks_free(marks, n);
	close_saved(st);
}

static void
test_mark_delete_undo(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_anchor	 one = { NULL, NULL, "mfa", "I" };
	struct state_anchor	 two = { NULL, NULL, "mfa", "II" };
	struct state		*st;
	struct state_mark	*marks, *k;
	char			*err, id[STATE_ID_SIZE], old[STATE_ID_SIZE];
	size_t			 n;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_mark_set(st, "a", &one, &err), 0);
	assert_int_equal(state_mark_delete(st, "a", id, &err), 0);
	assert_null(state_mark_get(st, "a"));
	assert_int_equal(state_mark_delete(st, "a", old, &err), -1);
	free(err);
	st = reopen(st, path);
	assert_null(state_mark_get(st, "a"));
	n = state_mark_list(st, STATE_LIST_DELETED, &marks);
	assert_int_equal(n, 1);
	assert_string_equal(marks[0].id, id);
	assert_true(marks[0].deleted > 0);
	state_marks_free(marks, n);
	/* Undone, even after a restart. */
	assert_int_equal(state_mark_undelete(st, id, &err), 0);
	st = reopen(st, path);
	k = state_mark_get(st, "a");
	assert_non_null(k);
	assert_string_equal(k->at.label, "I");
	state_marks_free(k, 1);
	/* Set again elsewhere: the old one is kept, deleted, and can come
	 * back only once the name is free. */
	assert_int_equal(state_mark_set(st, "a", &two, &err), 0);
	st = reopen(st, path);
	k = state_mark_get(st, "a");
	assert_string_equal(k->at.label, "II");
	memcpy(old, k->id, sizeof old);
	state_marks_free(k, 1);
	assert_int_equal(state_mark_undelete(st, id, &err), -1);
	assert_non_null(strstr(err, "'a'"));
	free(err);
	assert_int_equal(state_mark_rename(st, "a", "b", &err), 0);
	assert_int_equal(state_mark_undelete(st, id, &err), 0);
	st = reopen(st, path);
	n = state_mark_list(st, STATE_LIST_ALL, &marks);
	assert_int_equal(n, 2);
	assert_string_equal(marks[0].name, "a");
	assert_string_equal(marks[0].at.label, "I");
	assert_string_equal(marks[1].name, "b");
	assert_string_equal(marks[1].id, old);
	state_marks_free(marks, n);
	close_saved(st);
	/* Nothing was ever removed from the file. */
	assert_int_equal(sql_int(path, "SELECT count(*) FROM mark"), 2);
}

static void
test_note_round_trip(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_anchor	 mfa = { "iscc", "II.2.p3", "mfa", "II.2.p3" };
	struct state_anchor	 un = { "iscc", "II.2.p3", "un", "2.3" };
	struct state_anchor	 wic = { NULL, NULL, "wic", "I.1" };
	struct state_quote	 quote = { "shared " HOSTILE, "a ", " of" };
	struct state_quote	 quote2 = { "future", NULL, NULL };
	struct state		*st;
	struct state_note	*notes;
	char			*err, *big, a[STATE_ID_SIZE], b[STATE_ID_SIZE];
	char			 c[STATE_ID_SIZE];
	size_t			 n;

	(void)unused;
	big = malloc(STATE_NOTE_MAX + 2);
	assert_non_null(big);
	memset(big, 'n', STATE_NOTE_MAX + 1);
	big[STATE_NOTE_MAX] = '\0';
	big[STATE_NOTE_MAX + 1] = '\0';
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_note_add(st, &mfa, &quote, "body " HOSTILE, a,
	    &err), 0);
	assert_int_equal(state_note_add(st, &wic, NULL, big, b, &err), 0);
	assert_int_equal(state_note_add(st, &un, NULL, "", c, &err), 0);
	assert_string_not_equal(a, b);
	big[STATE_NOTE_MAX] = 'n';
	assert_int_equal(state_note_add(st, &wic, NULL, big, c, &err), -1);
	assert_non_null(strstr(err, "too long"));
	free(err);
	big[STATE_NOTE_MAX] = '\0';
	assert_int_equal(state_note_update(st, a, "changed", &quote2, &err), 0);
	assert_int_equal(state_note_set_status(st, b, STATE_NOTE_ORPHANED,
	    &err), 0);
	assert_int_equal(state_note_update(st, "nosuchid", "x", NULL, &err),
	    -1);
	free(err);
	st = reopen(st, path);
	/* The logical target: a note on mfa shows at un's counterpart. */
	n = state_note_list(st, &un, STATE_LIST_LIVE, &notes);
	assert_int_equal(n, 2);
	assert_string_equal(notes[0].id, a);
	assert_string_equal(notes[0].body, "changed");
	assert_string_equal(notes[0].quote.exact, "future");
	assert_null(notes[0].quote.prefix);
	assert_string_equal(notes[0].at.slug, "mfa");
	assert_int_equal(notes[0].status, STATE_NOTE_ATTACHED);
	assert_true(notes[0].modified >= notes[0].created);
	assert_string_equal(notes[1].body, "");
	state_notes_free(notes, n);
	n = state_note_list(st, &wic, STATE_LIST_LIVE, &notes);
	assert_int_equal(n, 1);
	assert_string_equal(notes[0].body, big);
	assert_int_equal(notes[0].status, STATE_NOTE_ORPHANED);
	assert_null(notes[0].at.work);
	state_notes_free(notes, n);
	n = state_note_list(st, NULL, STATE_LIST_ALL, &notes);
	assert_int_equal(n, 3);
	state_notes_free(notes, n);
	free(big);
	close_saved(st);
}

static void
test_note_delete_undo(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_anchor	 at = { NULL, NULL, "mfa", "I" };
	struct state		*st;
	struct state_note	*notes;
	char			*err, id[STATE_ID_SIZE];
	size_t			 n;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_note_add(st, &at, NULL, "keep me", id, &err),
	    0);
	assert_int_equal(state_note_delete(st, id, &err), 0);
	assert_int_equal(state_note_list(st, &at, STATE_LIST_LIVE, &notes), 0);
	st = reopen(st, path);
	assert_int_equal(state_note_list(st, NULL, STATE_LIST_LIVE, &notes),
	    0);
	n = state_note_list(st, NULL, STATE_LIST_DELETED, &notes);
	assert_int_equal(n, 1);
	assert_string_equal(notes[0].body, "keep me");
	assert_true(notes[0].deleted > 0);
	state_notes_free(notes, n);
	assert_int_equal(state_note_undelete(st, id, &err), 0);
	st = reopen(st, path);
	n = state_note_list(st, &at, STATE_LIST_LIVE, &notes);
	assert_int_equal(n, 1);
	assert_int_equal(notes[0].deleted, 0);
	state_notes_free(notes, n);
	close_saved(st);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM note"), 1);
}

static void
test_drafts(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_anchor	 at = { "iscc", "II", "mfa", "II" };
	struct state_draft	 fresh = { "", { "iscc", "II", "mfa", "II" },
				    { "exact", NULL, NULL }, "half a tho",
				    0 };
	struct state_draft	 edit = { "", { NULL, NULL, "un", "II" },
				    { NULL, NULL, NULL }, "edited " HOSTILE,
				    0 };
	struct state		*st;
	struct state_draft	*d;
	struct state_note	*notes;
	char			*err, id[STATE_ID_SIZE], nid[STATE_ID_SIZE];
	size_t			 n;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_note_add(st, &at, NULL, "old", id, &err), 0);
	memcpy(edit.note_id, id, sizeof edit.note_id);
	/* Saved as a hang-up would: both in one transaction. */
	state_group_begin(st);
	assert_int_equal(state_draft_save(st, &fresh, &err), 0);
	assert_int_equal(state_draft_save(st, &edit, &err), 0);
	state_group_end(st);
	fresh.body = "half a thought";
	assert_int_equal(state_draft_save(st, &fresh, &err), 0);
	st = reopen(st, path);
	n = state_draft_list(st, &d);
	assert_int_equal(n, 2);
	assert_string_equal(d[0].note_id, id);
	assert_string_equal(d[0].body, "edited " HOSTILE);
	assert_string_equal(d[1].note_id, "");
	assert_string_equal(d[1].body, "half a thought");
	assert_string_equal(d[1].quote.exact, "exact");
	assert_string_equal(d[1].at.work, "iscc");
	assert_true(d[1].saved > 0);
	state_drafts_free(d, n);
	/* The draft becomes a note: one transaction again. */
	state_group_begin(st);
	assert_int_equal(state_note_add(st, &at, &fresh.quote, fresh.body,
	    nid, &err), 0);
	assert_int_equal(state_draft_discard(st, &fresh, &err), 0);
	state_group_end(st);
	assert_int_equal(state_draft_discard(st, &edit, &err), 0);
	st = reopen(st, path);
	assert_int_equal(state_draft_list(st, &d), 0);
	n = state_note_list(st, &at, STATE_LIST_LIVE, &notes);
	assert_int_equal(n, 2);
	assert_string_equal(notes[1].body, "half a thought");
	state_notes_free(notes, n);
	close_saved(st);
}

static void
test_newer_read_only(void **unused)
{
	const char	*path = tpath("state.db");
	const char	*want[] = { "two", "one" };
	struct state	*st;
	struct state_options o = { path, -1, STATE_JOURNAL_AUTO,
			    STATE_SYNC_FULL, false };
	char		*err, *warning, *before, *after, id[STATE_ID_SIZE];
	size_t		 lb, la;
	struct state_anchor at = { NULL, NULL, "mfa", "I" };

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_ROLLBACK);
	assert_int_equal(state_history_add(st, "filter", "one", &err), 0);
	assert_int_equal(state_history_add(st, "filter", "two", &err), 0);
	close_saved(st);
	sql_exec(path, "PRAGMA user_version=3");
	before = slurp(path, &lb);
	st = state_open_with(&o, &warning);
	assert_non_null(st);
	assert_non_null(warning);
	assert_non_null(strstr(warning, "newer charta"));
	free(warning);
	assert_history(st, "filter", want, 2);
	assert_int_equal(state_history_add(st, "filter", "x", &err), 1);
	assert_int_equal(state_note_add(st, &at, NULL, "x", id, &err), 1);
	close_saved(st);
	after = slurp(path, &la);
	assert_int_equal(la, lb);
	assert_memory_equal(before, after, lb);
	free(before);
	free(after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_upgrade_v1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_history_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_position_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_mark_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_mark_delete_undo, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_note_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_note_delete_undo, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_read_only, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
