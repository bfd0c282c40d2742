/*
 * test-state-async.c -- unit tests of the state store's writer thread: the
 * reader never waits for the file.  The event descriptor becomes readable
 * when a change is committed and stays quiet while nothing is pending; a
 * change made while another connection holds the file locked returns at
 * once, the status says "locked", and the change lands once the lock is
 * let go; a file locked when it is opened (rollback journal: even reading
 * waits) is loaded later, and what was changed meanwhile is kept; a flush
 * with a deadline says what could not be saved, and closing writes it to
 * a file beside the state file.
 *
 * The lock is held by the test's own thread, on its own connection: a
 * call that waited for the lock would never return.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test-state-lib.h"

/* What the interface promises the reader's thread. */
#define CALL_MS	50

/* Another program's connection holding the file with BEGIN EXCLUSIVE. */
static sqlite3 *
lock_file(const char *path)
{
	sqlite3	*db;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
	    SQLITE_OK);
	return db;
}

static void
unlock_file(sqlite3 *db)
{
	assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
}

static bool
is_loaded(struct state *st)
{
	struct state_status	s;
	bool			loaded;

	state_status(st, &s);
	loaded = s.loaded;
	state_status_clear(&s);
	return loaded;
}

/* Wait, as the reader would, till the file's contents arrive. */
static void
wait_loaded(struct state *st)
{
	double	 until = now_ms() + 20000;
	char	*msg;

	while (!is_loaded(st)) {
		assert_true(now_ms() < until);
		(void)event_ready(st, (int)(until - now_ms()) + 1);
		(void)state_poll(st, &msg);
		free(msg);
	}
}

static void
test_event_fd(void **unused)
{
	const char		*path = tpath("state.db");
	struct state		*st;
	struct state_status	 s;
	char			*msg, *err;
	unsigned int		 ev;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	(void)state_poll(st, &msg);
	assert_null(msg);
	assert_false(event_ready(st, 0));
	assert_int_equal(state_history_add(st, "filter", "x", &err), 0);
	/* Readable once the change is committed. */
	assert_true(event_ready(st, 20000));
	wait_status(st, 0, 0);
	ev = state_poll(st, &msg);
	assert_null(msg);
	assert_true(ev & STATE_EVENT_STATUS);
	assert_false(event_ready(st, 0));
	state_status(st, &s);
	assert_int_equal(s.pending, 0);
	assert_true(s.loaded);
	assert_false(s.locked);
	assert_false(s.readonly);
	assert_false(s.disabled);
	assert_null(s.error);
	state_status_clear(&s);
	/* Idle: no periodic wake-up. */
	assert_false(event_ready(st, 300));
	close_saved(st);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM history"), 1);
}

static void
test_locked_wal(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_anchor	 at = { NULL, NULL, "mfa", "II.2" };
	struct state_position	 pos = { "mfa", "II.2", NULL, 0, NULL, NULL,
				    0, 0, 0 };
	struct state		*st;
	struct state_status	 s;
	struct state_mark	*k;
	sqlite3			*db;
	char			*err, *msg, id[STATE_ID_SIZE];
	double			 t0, worst = 0, t;
	int			 i;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_WAL);
	db = lock_file(path);
	for (i = 0; i < 4; i++) {
		t0 = now_ms();
		switch (i) {
		case 0:
			assert_int_equal(state_mark_set(st, "a", &at, &err),
			    0);
			break;
		case 1:
			assert_int_equal(state_note_add(st, &at, NULL,
			    "while locked", id, &err), 0);
			break;
		case 2:
			assert_int_equal(state_history_add(st, "goto", "II.2",
			    &err), 0);
			break;
		case 3:
			assert_int_equal(state_position_save(st, &pos, &err),
			    0);
			break;
		}
		if ((t = now_ms() - t0) > worst)
			worst = t;
	}
	print_message("longest call while locked: %.2f ms\n", worst);
	assert_true(worst < CALL_MS);
	/* Seen at once by the reader, not yet in the file. */
	k = state_mark_get(st, "a");
	assert_non_null(k);
	state_marks_free(k, 1);
	wait_status(st, 4, 1);
	state_status(st, &s);
	assert_non_null(s.error);
	assert_non_null(strstr(s.error, "locked"));
	state_status_clear(&s);
	/* Retried, but the reader is not woken while nothing changes. */
	(void)state_poll(st, &msg);
	free(msg);
	assert_false(event_ready(st, 300));
	assert_int_equal(sqlite3_exec(db, "SELECT 1", NULL, NULL, NULL),
	    SQLITE_OK);
	unlock_file(db);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM mark"), 0);
	/* Once the lock is gone, it lands. */
	wait_status(st, 0, 0);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM mark"), 1);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM note"), 1);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM history"), 1);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM "
	    "reading_position"), 1);
	close_saved(st);
}

static void
test_locked_at_open(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_options	 o = { path, STATE_OPEN_WAIT_MS,
				    STATE_JOURNAL_ROLLBACK, STATE_SYNC_FULL,
				    false };
	struct state_anchor	 one = { NULL, NULL, "mfa", "I" };
	struct state_anchor	 two = { NULL, NULL, "mfa", "II" };
	const char		*want[] = { "during", "before" };
	struct state		*st;
	struct state_mark	*k, *marks;
	sqlite3			*db;
	char			*err, *warning, **items;
	size_t			 n, i;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_ROLLBACK);
	assert_int_equal(state_history_add(st, "filter", "before", &err), 0);
	assert_int_equal(state_mark_set(st, "a", &one, &err), 0);
	close_saved(st);
	/* With a rollback journal, a lock stops even the reading. */
	db = lock_file(path);
	st = state_open_with(&o, &warning);
	assert_non_null(st);
	assert_null(warning);
	assert_false(is_loaded(st));
	assert_int_equal(state_history(st, "filter", &items), 0);
	/* Changes made meanwhile are kept, and win. */
	assert_int_equal(state_history_add(st, "filter", "during", &err), 0);
	assert_int_equal(state_mark_set(st, "a", &two, &err), 0);
	wait_status(st, 2, 1);
	unlock_file(db);
	wait_loaded(st);
	wait_status(st, 0, 0);
	for (i = 0; i < 2; i++) {
		n = state_history(st, "filter", &items);
		assert_int_equal(n, 2);
		assert_string_equal(items[0], want[0]);
		assert_string_equal(items[1], want[1]);
		state_history_free(items, n);
		k = state_mark_get(st, "a");
		assert_non_null(k);
		assert_string_equal(k->at.label, "II");
		state_marks_free(k, 1);
		n = state_mark_list(st, STATE_LIST_DELETED, &marks);
		assert_int_equal(n, 1);
		assert_string_equal(marks[0].at.label, "I");
		state_marks_free(marks, n);
		if (i == 0)
			st = reopen(st, path);
	}
	close_saved(st);
}

static void
test_flush_deadline(void **unused)
{
	const char		*path = tpath("state.db");
	struct state_anchor	 at = { NULL, NULL, "mfa", "II.2" };
	struct state		*st;
	sqlite3			*db;
	struct stat		 sb;
	char			*err, *msg, *file, *text, id[STATE_ID_SIZE];
	size_t			 n, len;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_WAL);
	db = lock_file(path);
	assert_int_equal(state_note_add(st, &at, NULL, "rescue me \033[2J",
	    id, &err), 0);
	assert_int_equal(state_mark_set(st, "a", &at, &err), 0);
	assert_int_equal(state_history_add(st, "filter", "f", &err), 0);
	n = state_flush(st, 300, &msg);
	assert_int_equal(n, 3);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "3 changes could not be saved"));
	assert_non_null(strstr(msg, "locked"));
	free(msg);
	/* Closing: not lost, but written to a file, which it names. */
	n = state_close_with(st, 300, &msg);
	assert_int_equal(n, 3);
	assert_non_null(msg);
	file = find_file(".unsaved-");
	assert_non_null(file);
	assert_non_null(strstr(msg, file));
	free(msg);
	assert_int_equal(lstat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	text = slurp(file, &len);
	assert_non_null(strstr(text, "rescue me \033[2J"));
	assert_non_null(strstr(text, "mark 'a'"));
	free(text);
	free(file);
	unlock_file(db);
	assert_int_equal(sql_int(path, "SELECT count(*) FROM note"), 0);
	/* A flush with nothing pending says nothing. */
	st = open_quiet(path, STATE_JOURNAL_WAL);
	assert_int_equal(state_flush(st, 0, &msg), 0);
	assert_null(msg);
	close_saved(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_event_fd, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_locked_wal, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_locked_at_open, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_flush_deadline, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
