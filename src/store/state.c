/*
 * state.c -- the user's state database (see state.h).
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/state.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* f_type values of file systems where WAL's shared memory is unsafe. */
#define FS_NFS		0x6969
#define FS_SMB		0x517b
#define FS_CIFS		0xff534d42
#define FS_SMB2		0xfe534d42
#define FS_FUSE		0x65735546

struct state {
	sqlite3	*db;
	char	*path;
	bool	 readonly;	/* a newer charta's: read, never written */
};

static const char state_schema[] =
    "CREATE TABLE IF NOT EXISTS history(id INTEGER PRIMARY KEY, "
    "kind TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS history_kind ON history(kind, id);";

char *
state_default_path(void)
{
	const char	*xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	/* XDG: a relative value is to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/charta/state.db", xdg);
	return xasprintf("%s/.local/share/charta/state.db",
	    home != NULL && *home != '\0' ? home : ".");
}

/* mkdir -p with mode 0700 for the directories of path. */
static int
state_mkdirs(const char *path)
{
	char	*p = xstrdup(path), *s;
	int	 rc = 0;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = '/';
	}
	free(p);
	return rc;
}

static bool
state_on_network_fs(const char *path)
{
	struct statfs	 sf;
	char		*dir = xstrdup(path), *slash;
	bool		 net = false;

	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	if (statfs(*dir ? dir : "/", &sf) == 0) {
		unsigned long	t = (unsigned long)sf.f_type;

		net = t == FS_NFS || t == FS_SMB || t == FS_CIFS ||
		    t == FS_SMB2 || t == FS_FUSE;
	}
	free(dir);
	return net;
}

/* Open and check the file; SQLITE_OK, or an error code. */
static int
state_try(struct state *st, bool network)
{
	sqlite3_stmt	*stmt;
	int		 rc, id = 0, ver = 0, tries;
	const char	*mode;

	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &stmt,
	    NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(stmt,
	    0), "ok") != 0)
		rc = SQLITE_CORRUPT;
	else if (rc == SQLITE_ROW)
		rc = SQLITE_OK;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return rc;
	if (sqlite3_prepare_v2(st->db, "PRAGMA application_id", -1, &stmt,
	    NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt,
	    NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		ver = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (id != 0 && id != STATE_APPLICATION_ID)
		return SQLITE_NOTADB;
	/* SQLite never returns SQLITE_FORMAT: it can only mean this. */
	if (ver > STATE_SCHEMA_VERSION)
		return SQLITE_FORMAT;
	mode = network ? "PRAGMA journal_mode=DELETE" :
	    "PRAGMA journal_mode=WAL";
	/*
	 * Changing the journal mode takes an exclusive lock without the busy
	 * timeout: two charta starting at once (the first time, when the file
	 * is new) would see SQLITE_BUSY.  Wait as the timeout would.
	 */
	for (tries = 0; tries < 500; tries++) {
		rc = sqlite3_exec(st->db, mode, NULL, NULL, NULL);
		if (rc != SQLITE_BUSY)
			break;
		sqlite3_sleep(10);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "PRAGMA synchronous=NORMAL", NULL,
		    NULL, NULL);
	if (rc == SQLITE_OK && id == 0) {
		char	*sql = xasprintf("BEGIN IMMEDIATE; %s "
		    "PRAGMA application_id=%d; PRAGMA user_version=%d; COMMIT",
		    state_schema, STATE_APPLICATION_ID, STATE_SCHEMA_VERSION);

		rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
		free(sql);
	}
	return rc;
}

/*
 * A name for a damaged file that is not already taken: an earlier damaged
 * file (the same second) is never replaced.
 */
static char *
state_aside_name(const char *path, const char *stamp)
{
	struct stat	 sb;
	char		*aside;
	int		 n;

	aside = xasprintf("%s.corrupt-%s", path, stamp);
	for (n = 2; lstat(aside, &sb) == 0; n++) {
		free(aside);
		aside = xasprintf("%s.corrupt-%s-%d", path, stamp, n);
	}
	return aside;
}

/* Open the file read-only, changing nothing in it. */
static int
state_open_readonly(struct state *st)
{
	int	rc;

	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(st->db, 5000);
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
		rc = sqlite3_exec(st->db, "PRAGMA query_only=1", NULL, NULL,
		    NULL);
	}
	st->readonly = true;
	return rc;
}

struct state *
state_open(const char *path, char **warning)
{
	struct state	*st = xcalloc(1, sizeof *st);
	bool		 network;
	int		 rc;
	char		*aside;
	char		 stamp[32];
	time_t		 now;
	mode_t		 old;

	*warning = NULL;
	st->path = path ? xstrdup(path) : state_default_path();
	if (state_mkdirs(st->path) == -1) {
		*warning = xasprintf(_("%s: cannot create its directory (%s); "
		    "history will not be kept"), st->path, strerror(errno));
		goto fail;
	}
	network = state_on_network_fs(st->path);
	old = umask(077);		/* the file: 0600 */
	rc = state_try(st, network);
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) {
		/* Keep the damaged file for the user; start afresh. */
		sqlite3_close(st->db);
		st->db = NULL;
		now = time(NULL);
		strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S",
		    localtime(&now));
		aside = state_aside_name(st->path, stamp);
		if (rename(st->path, aside) == -1) {
			*warning = xasprintf(_("%s is damaged and cannot be "
			    "moved aside (%s); history will not be kept"),
			    st->path, strerror(errno));
			free(aside);
			umask(old);
			goto fail;
		}
		*warning = xasprintf(_("%s was damaged; it was moved to %s "
		    "and a new one started"), st->path, aside);
		free(aside);
		rc = state_try(st, network);
	}
	umask(old);
	if (rc == SQLITE_FORMAT) {
		/*
		 * A newer charta's file: its history is still shown, but
		 * nothing is written to a schema this charta does not know.
		 */
		sqlite3_close(st->db);
		st->db = NULL;
		rc = state_open_readonly(st);
		if (rc != SQLITE_OK) {
			*warning = xasprintf(_("%s was written by a newer "
			    "charta; history will not be kept"), st->path);
			goto fail;
		}
		*warning = xasprintf(_("%s was written by a newer charta: "
		    "its history is read, new entries are not kept"),
		    st->path);
		return st;
	}
	if (rc != SQLITE_OK) {
		free(*warning);
		*warning = xasprintf(_("%s: %s; history will not be kept"),
		    st->path, st->db ? sqlite3_errmsg(st->db) :
		    sqlite3_errstr(rc));
		goto fail;
	}
	return st;
fail:
	state_close(st);
	return NULL;
}

void
state_close(struct state *st)
{
	if (st == NULL)
		return;
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

int
state_history_add(struct state *st, const char *kind, const char *text,
    char **err)
{
	sqlite3_stmt	*del = NULL, *ins = NULL, *trim = NULL;
	int		 rc;

	*err = NULL;
	if (st == NULL)
		return -1;
	if (st->readonly)
		return 1;
	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "DELETE FROM history WHERE "
		    "kind = ?1 AND text = ?2", -1, &del, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "INSERT INTO history(kind, "
		    "text, at) VALUES (?1, ?2, strftime('%s','now'))", -1,
		    &ins, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(st->db, "DELETE FROM history WHERE "
		    "kind = ?1 AND id NOT IN (SELECT id FROM history WHERE "
		    "kind = ?1 ORDER BY id DESC LIMIT ?2)", -1, &trim, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(del, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(del, 2, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(trim, 1, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int(trim, 2, STATE_HISTORY_MAX);
		rc = sqlite3_step(del);
		if (rc == SQLITE_DONE)
			rc = sqlite3_step(ins);
		if (rc == SQLITE_DONE)
			rc = sqlite3_step(trim);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	sqlite3_finalize(trim);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		*err = xasprintf(_("%s: cannot save the history: %s"),
		    st->path, sqlite3_errmsg(st->db));
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

size_t
state_history(struct state *st, const char *kind, char ***items)
{
	sqlite3_stmt	*stmt;
	size_t		 n = 0;
	const char	*t;

	*items = NULL;
	if (st == NULL || sqlite3_prepare_v2(st->db, "SELECT text FROM "
	    "history WHERE kind = ? ORDER BY id DESC LIMIT ?", -1, &stmt,
	    NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, STATE_HISTORY_MAX);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(stmt, 0);
		if (t == NULL)
			continue;
		*items = xreallocarray(*items, n + 1, sizeof **items);
		(*items)[n++] = xstrdup(t);
	}
	sqlite3_finalize(stmt);
	return n;
}

void
state_history_free(char **items, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
}
