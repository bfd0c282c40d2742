/*
 * test-state-lib.h -- what the unit tests of the state store share: a
 * temporary directory per test, opening and reopening a state file,
 * running SQL on it directly (as another program would), and waiting for
 * the store's status through its event descriptor.
 *
 * Included once by each test-state*.c (its functions are static, and
 * not every test file uses every one).
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/state.h"

/* The temporary directory all files of one test live in. */
static char	tmpdir[256];

/* A path in the temporary directory (one of four rotating buffers). */
static __attribute__((unused)) const char *
tpath(const char *name)
{
	static char	buf[4][512];
	static int	k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
}

static __attribute__((unused)) int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (flag == FTW_DP || flag == FTW_D)
		return rmdir(path) == -1 ? -1 : 0;
	return unlink(path) == -1 ? -1 : 0;
}

static __attribute__((unused)) int
setup(void **unused)
{
	const char	*t = getenv("TMPDIR");

	(void)unused;
	snprintf(tmpdir, sizeof tmpdir, "%s/charta-test-state-XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		fprintf(stderr, "mkdtemp %s: %s\n", tmpdir, strerror(errno));
		return -1;
	}
	return 0;
}

static __attribute__((unused)) int
teardown(void **unused)
{
	(void)unused;
	(void)nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

/* Open path and wait till it is loaded; no warning expected. */
static __attribute__((unused)) struct state *
open_quiet(const char *path, enum state_journal journal)
{
	struct state_options	 o = { path, -1, journal, STATE_SYNC_FULL,
				    false };
	struct state		*st;
	char			*warning;

	st = state_open_with(&o, &warning);
	if (warning != NULL)
		fprintf(stderr, "unexpected warning: %s\n", warning);
	assert_null(warning);
	assert_non_null(st);
	return st;
}

/*
 * Close, all saved.  The wait is long enough for a loaded machine, and
 * STATE_TEST_WAIT_MS makes it longer (tests/valgrind.sh, where every
 * commit is many times slower).
 */
static __attribute__((unused)) void
close_saved(struct state *st)
{
	const char	*env = getenv("STATE_TEST_WAIT_MS");
	char		*msg;
	size_t		 n;

	n = state_close_with(st, env != NULL ? atoi(env) : 10000, &msg);

	if (msg != NULL)
		fprintf(stderr, "unexpected: %s\n", msg);
	assert_int_equal(n, 0);
	assert_null(msg);
}

/* Close and open again: what is read back is what the file holds. */
static __attribute__((unused)) struct state *
reopen(struct state *st, const char *path)
{
	close_saved(st);
	return open_quiet(path, STATE_JOURNAL_AUTO);
}

/* Run SQL statements on a database directly; the first row's first
 * column of the last one, as an integer. */
static __attribute__((unused)) long long
sql_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*stmt;
	long long	 v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

static __attribute__((unused)) void
sql_exec(const char *path, const char *sql)
{
	sqlite3	*db;
	char	*err = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fprintf(stderr, "%s: %s\n", sql, err);
	assert_null(err);
	sqlite3_close(db);
}

static __attribute__((unused)) double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Is the event descriptor readable now? */
static __attribute__((unused)) bool
event_ready(struct state *st, int timeout_ms)
{
	struct pollfd	pfd = { state_event_fd(st), POLLIN, 0 };

	return poll(&pfd, 1, timeout_ms) == 1;
}

/*
 * Wait (as the reader's loop would: sleeping on the event descriptor)
 * until the status has pending == want_pending (or any if < 0) and
 * locked == want_locked (or any if < 0).  The limit is a failure, not a
 * timing: the condition is expected long before.
 */
static __attribute__((unused)) void
wait_status(struct state *st, long want_pending, int want_locked)
{
	struct state_status	 s;
	double			 until = now_ms() + 20000;
	char			*msg;
	bool			 ok;

	for (;;) {
		state_status(st, &s);
		ok = (want_pending < 0 || s.pending == (size_t)want_pending) &&
		    (want_locked < 0 || s.locked == (want_locked != 0));
		state_status_clear(&s);
		if (ok)
			return;
		assert_true(now_ms() < until);
		(void)event_ready(st, (int)(until - now_ms()) + 1);
		(void)state_poll(st, &msg);
		free(msg);
	}
}

/* The bytes of a file (malloc'ed) and their number; NULL if unreadable. */
static __attribute__((unused)) char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf = NULL;
	size_t	 cap = 0, n = 0, r;

	if (f == NULL)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap + 1);
			assert_non_null(buf);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The name of the one file in tmpdir whose name has infix, or NULL. */
static __attribute__((unused)) char *
find_file(const char *infix)
{
	DIR		*d = opendir(tmpdir);
	struct dirent	*e;
	char		*found = NULL;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, infix) != NULL && found == NULL)
			found = strdup(tpath(e->d_name));
	closedir(d);
	return found;
}
