/*
 * state-db.c -- opening the state file on the writer thread: check it,
 * move a damaged one aside, upgrade an older one, open a newer one
 * read-only, choose the journal; and load what it holds.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "store/state-private.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/*
 * How long SQLite itself waits for a lock before the writer thread says
 * "locked" and retries on its own terms (state-worker.c).
 */
#define STATE_BUSY_MS	100

/* The files that go with a database. */
static const char *const state_db_companions[] = {
	"-wal", "-shm", "-journal"
};

bool
state_db_busy(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

bool
state_db_transient(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PROTOCOL:
	case SQLITE_READONLY:
	case SQLITE_CORRUPT:
	case SQLITE_NOLFS:
	case SQLITE_SCHEMA:
	case SQLITE_NOMEM:
		return true;
	default:
		return false;
	}
}

const char *
state_db_errmsg(struct state *st, int rc)
{
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return _("locked by another process");
	if (st->db != NULL && sqlite3_errcode(st->db) != SQLITE_OK)
		return sqlite3_errmsg(st->db);
	return sqlite3_errstr(rc);
}

void
state_db_close(struct state *st)
{
	if (st->db != NULL)
		sqlite3_close(st->db);
	st->db = NULL;
}

int
state_db_int(sqlite3 *db, const char *sql, int *rc)
{
	sqlite3_stmt	*stmt;
	int		 v = 0;

	*rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (*rc != SQLITE_OK)
		return 0;
	*rc = sqlite3_step(stmt);
	if (*rc == SQLITE_ROW) {
		v = sqlite3_column_int(stmt, 0);
		*rc = SQLITE_OK;
	} else if (*rc == SQLITE_DONE)
		*rc = SQLITE_OK;
	sqlite3_finalize(stmt);
	return v;
}

/* quick_check: SQLITE_OK, SQLITE_CORRUPT, or the error that stopped it. */
static int
state_db_quick_check(sqlite3 *db)
{
	sqlite3_stmt		*stmt;
	const unsigned char	*r;
	int			 rc;

	rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		r = sqlite3_column_text(stmt, 0);
		rc = r != NULL && strcmp((const char *)r, "ok") == 0 ?
		    SQLITE_OK : SQLITE_CORRUPT;
	}
	sqlite3_finalize(stmt);
	return rc;
}

void
state_db_configure(sqlite3 *db)
{
	sqlite3_busy_timeout(db, STATE_BUSY_MS);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
}

/*
 * Open and check the file, upgrading or creating its schema: SQLITE_OK;
 * SQLITE_CORRUPT or SQLITE_NOTADB for a file to move aside; SQLITE_FORMAT
 * (which SQLite never returns) for a newer charta's; or another error.
 */
static int
state_db_try(struct state *st)
{
	int		 rc, id = 0, ver = 0, nschema = 0;
	bool		 wal;
	const char	*mode, *sync;

	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX |
	    SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK)
		return rc;
	state_db_configure(st->db);
	/*
	 * One read transaction: another charta may be creating the file
	 * meanwhile, and an id read before its commit with a schema read
	 * after would look like another program's file.
	 */
	if ((rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL)) !=
	    SQLITE_OK)
		return rc;
	rc = state_db_quick_check(st->db);
	if (rc == SQLITE_OK)
		id = state_db_int(st->db, "PRAGMA application_id", &rc);
	if (rc == SQLITE_OK)
		ver = state_db_int(st->db, "PRAGMA user_version", &rc);
	if (rc == SQLITE_OK)
		nschema = state_db_int(st->db, "SELECT count(*) FROM "
		    "sqlite_schema", &rc);
	if (sqlite3_get_autocommit(st->db) == 0)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	/* Another program's file, even one that sets no id. */
	if (id != STATE_APPLICATION_ID && (id != 0 || nschema > 0))
		return SQLITE_NOTADB;
	if (ver > STATE_SCHEMA_VERSION)
		return SQLITE_FORMAT;
	/*
	 * Changing the journal mode takes an exclusive lock without the busy
	 * timeout: two charta starting at once (the first time, when the file
	 * is new) may see SQLITE_BUSY, which the writer thread retries.
	 */
	wal = st->journal == STATE_JOURNAL_WAL ||
	    (st->journal == STATE_JOURNAL_AUTO && !st->network);
	mode = wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE";
	if ((rc = sqlite3_exec(st->db, mode, NULL, NULL, NULL)) != SQLITE_OK)
		return rc;
	sync = st->sync == STATE_SYNC_NORMAL ? "PRAGMA synchronous=NORMAL" :
	    "PRAGMA synchronous=FULL";
	if ((rc = sqlite3_exec(st->db, sync, NULL, NULL, NULL)) != SQLITE_OK)
		return rc;
	if (id == 0)
		return state_schema_create(st->db);
	if (ver < STATE_SCHEMA_VERSION)
		return state_schema_upgrade(st->db, ver);
	return state_schema_check(st->db);
}

/*
 * A name for a damaged file that is not already taken: an earlier damaged
 * file (the same second) is never replaced.
 */
static char *
state_db_aside_name(const char *path)
{
	struct stat	 sb;
	char		*aside, stamp[32];
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 n;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
	aside = xasprintf("%s.corrupt-%s", path, stamp);
	for (n = 2; lstat(aside, &sb) == 0; n++) {
		free(aside);
		aside = xasprintf("%s.corrupt-%s-%d", path, stamp, n);
	}
	return aside;
}

/*
 * Move the damaged file aside with its -wal, -shm and -journal (a stale
 * -wal left behind would be read into the new file).  Returns the new
 * name (malloc'ed), or NULL with errno set.
 */
static char *
state_db_move_aside(const char *path)
{
	struct stat	 sb;
	char		*aside = state_db_aside_name(path), *from, *to;
	size_t		 i;

	if (rename(path, aside) == -1) {
		free(aside);
		return NULL;
	}
	for (i = 0; i < sizeof state_db_companions /
	    sizeof *state_db_companions; i++) {
		from = xasprintf("%s%s", path, state_db_companions[i]);
		to = xasprintf("%s%s", aside, state_db_companions[i]);
		if (lstat(from, &sb) == 0)
			(void)rename(from, to);
		free(from);
		free(to);
	}
	return aside;
}

/* Open a newer charta's file read-only, changing nothing in it. */
static int
state_db_open_readonly(struct state *st)
{
	int	rc;

	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX |
	    SQLITE_OPEN_EXRESCODE, NULL);
	if (rc == SQLITE_OK) {
		state_db_configure(st->db);
		rc = sqlite3_exec(st->db, "PRAGMA query_only=1", NULL, NULL,
		    NULL);
	}
	return rc;
}

/* The reason of an error: SQLite's, and the system's if it has one. */
char *
state_db_reason(struct state *st, int rc)
{
	int	sys = st->db != NULL ? sqlite3_system_errno(st->db) : 0;

	/* (Only these come from a system call that just failed.) */
	if (sys != 0 && ((rc & 0xff) == SQLITE_IOERR ||
	    (rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_CANTOPEN))
		return xasprintf("%s (%s)", state_db_errmsg(st, rc),
		    strerror(sys));
	return xstrdup(state_db_errmsg(st, rc));
}

/* What to do after the error rc while opening (or reading), and why. */
static enum state_db_opened
state_db_failed(struct state *st, int rc, bool reading, char **error)
{
	char			*why = state_db_reason(st, rc);
	enum state_db_opened	 r;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		r = STATE_DB_LOCKED;
		break;
	case SQLITE_FULL:
	case SQLITE_PROTOCOL:
	case SQLITE_NOMEM:
		r = STATE_DB_RETRY;
		break;
	default:
		r = STATE_DB_FAILED;
		break;
	}
	if (r == STATE_DB_FAILED)
		*error = xasprintf(_("%s: %s; notes, marks and history will "
		    "not be kept"), st->path, why);
	else if (reading)
		*error = xasprintf(_("%s: cannot read: %s"), st->path, why);
	else
		*error = xasprintf(_("%s: cannot open: %s"), st->path, why);
	free(why);
	state_db_close(st);
	return r;
}

/*
 * Open the file and load it into *m (state-private.h says what comes
 * back).  *message receives what the user must be told even when all
 * goes well (a damaged file moved aside, a newer charta's), or NULL;
 * *error the reason of a failure, or NULL (both malloc'ed).
 */
enum state_db_opened
state_db_open_load(struct state *st, struct state_model **m, char **message,
    char **error)
{
	char	*aside;
	int	 rc = SQLITE_OK, tries;

	*m = NULL;
	*message = *error = NULL;
	st->readonly_db = false;
	for (tries = 0; tries < 2; tries++) {
		rc = state_db_try(st);
		if ((rc & 0xff) != SQLITE_CORRUPT &&
		    (rc & 0xff) != SQLITE_NOTADB)
			break;
		/*
		 * Keep the damaged file for the user, as it is (closing
		 * would write the -wal into it, then delete it); start
		 * afresh.
		 */
		if (st->db != NULL)
			sqlite3_db_config(st->db,
			    SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		state_db_close(st);
		if ((aside = state_db_move_aside(st->path)) == NULL) {
			*error = xasprintf(_("%s is damaged and cannot be "
			    "moved aside (%s); notes, marks and history will "
			    "not be kept"), st->path, strerror(errno));
			return STATE_DB_FAILED;
		}
		free(*message);
		*message = xasprintf(_("%s was damaged; it was moved to %s "
		    "and a new one started"), st->path, aside);
		free(aside);
	}
	if (rc == SQLITE_FORMAT) {
		/*
		 * A newer charta's file: what it holds is still shown, but
		 * nothing is written to a schema this charta does not know.
		 */
		state_db_close(st);
		st->readonly_db = true;
		if ((rc = state_db_open_readonly(st)) != SQLITE_OK)
			return state_db_failed(st, rc, false, error);
		free(*message);
		*message = xasprintf(_("%s was written by a newer charta: it "
		    "is read, but new notes, marks and history are not "
		    "kept"), st->path);
	} else if (rc != SQLITE_OK)
		return state_db_failed(st, rc, false, error);
	if ((rc = state_db_load(st, m)) != SQLITE_OK)
		return state_db_failed(st, rc, true, error);
	return st->readonly_db ? STATE_DB_NEWER : STATE_DB_OK;
}
