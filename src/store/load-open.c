/*
 * load-open.c -- opening a corpus database as hostile input (see
 * load-private.h).  The steps follow doc/reliability.md, section 2: a regular
 * file only; read-only and defensive; tight limits; a wall-clock budget
 * per statement; application_id, user_version, quick_check; and the
 * columns charta reads checked, table by table.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "model/corpus.h"
#include "store/load-private.h"
#include "store/schema.h"
#include "store/store.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static double
load_elapsed(const struct load *l)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - l->start.tv_sec) +
	    (double)(now.tv_nsec - l->start.tv_nsec) / 1e9;
}

/* SQLite's progress handler: non-zero interrupts the statement. */
static int
load_progress(void *arg)
{
	return load_elapsed(arg) > LOAD_BUDGET;
}

int
load_fail(struct load *l, const char *msg)
{
	if (l->err == NULL)
		l->err = xasprintf("%s: %s", l->path, msg);
	return -1;
}

int
load_fail_node(struct load *l, sqlite3_int64 id, const char *what,
    const char *doc)
{
	char	*msg = doc != NULL ? xasprintf(_("document '%s': malformed "
	    "node %lld (%s)"), doc, (long long)id, what) :
	    xasprintf(_("malformed node %lld (%s)"), (long long)id, what);

	load_fail(l, msg);
	free(msg);
	return -1;
}

int
load_fail_db(struct load *l, int rc)
{
	char	*msg;

	if (rc == SQLITE_INTERRUPT)
		return load_fail(l, _("reading the database took too long; "
		    "it may be damaged"));
	l->rc = rc;
	if (rc == SQLITE_NOTADB)
		return load_fail(l, _("not a charta database"));
	if (rc == SQLITE_READONLY_ROLLBACK)
		return load_fail(l, _("needs recovery: an interrupted write "
		    "left its -journal beside it; open it once with write "
		    "access (charta only reads a corpus)"));
	if (rc == SQLITE_TOOBIG)
		return load_fail(l, _("a value in it is larger than the 1 MiB "
		    "limit"));
	msg = xasprintf(_("cannot read the database: %s"),
	    l->db != NULL ? sqlite3_errmsg(l->db) : sqlite3_errstr(rc));
	load_fail(l, msg);
	free(msg);
	return -1;
}

/* Run a one-value query; stores the integer in *out. */
void
load_clock(struct load *l)
{
	clock_gettime(CLOCK_MONOTONIC, &l->start);
}

int
load_int(struct load *l, const char *sql, sqlite3_int64 *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	load_clock(l);
	rc = sqlite3_prepare_v2(l->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return load_fail_db(l, rc);
	}
	*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/*
 * The defensive set-up of a database just opened as l->db, whose image is
 * l->sb.st_size bytes: configuration, limits, the time budget, then the
 * header checks.
 */
static int
load_setup(struct load *l)
{
	static const struct { int limit, value; } limits[] = {
		{ SQLITE_LIMIT_LENGTH, CORPUS_MAX_TEXT + 1024 },
		{ SQLITE_LIMIT_SQL_LENGTH, 100000 },
		{ SQLITE_LIMIT_COLUMN, 100 },
		{ SQLITE_LIMIT_EXPR_DEPTH, 50 },
		{ SQLITE_LIMIT_COMPOUND_SELECT, 4 },
		{ SQLITE_LIMIT_VDBE_OP, 100000 },
		{ SQLITE_LIMIT_FUNCTION_ARG, 8 },
		{ SQLITE_LIMIT_ATTACHED, 0 },
		{ SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100 },
		{ SQLITE_LIMIT_VARIABLE_NUMBER, 16 },
		{ SQLITE_LIMIT_TRIGGER_DEPTH, 1 },
	};
	sqlite3_int64	 v, pages, psize;
	size_t		 i;
	int		 rc;

	sqlite3_db_config(l->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(l->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(l->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_db_config(l->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	for (i = 0; i < sizeof limits / sizeof limits[0]; i++)
		sqlite3_limit(l->db, limits[i].limit, limits[i].value);
	sqlite3_progress_handler(l->db, 1000, load_progress, l);
	/*
	 * One read transaction for everything this connection reads: one
	 * snapshot, and the file is locked and its journal looked for once,
	 * not once per statement.
	 */
	rc = sqlite3_exec(l->db, "PRAGMA query_only=1; "
	    "PRAGMA cell_size_check=ON; PRAGMA mmap_size=0; BEGIN", NULL, NULL,
	    NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);

	if (load_int(l, "PRAGMA application_id", &v) == -1)
		return -1;
	if (v != STORE_APPLICATION_ID)
		return load_fail(l, _("not a charta database"));
	if (load_int(l, "PRAGMA user_version", &v) == -1)
		return -1;
	if (v > STORE_SCHEMA_VERSION) {
		char	*msg = xasprintf(_("created by a newer charta (schema "
		    "%lld; this charta reads %d)"), (long long)v,
		    STORE_SCHEMA_VERSION);

		load_fail(l, msg);
		free(msg);
		return -1;
	}
	if (v < 1)
		return load_fail(l, _("not a charta database (unknown schema "
		    "version)"));
	l->version = (int)v;
	/*
	 * SQLite reads the pages a truncated file lacks as zeros, and
	 * quick_check does not look inside records: the text would just
	 * change.  The file must hold every page its header counts.
	 */
	if (load_int(l, "PRAGMA page_count", &pages) == -1 ||
	    load_int(l, "PRAGMA page_size", &psize) == -1)
		return -1;
	if (l->sb.st_size < pages * psize)
		return load_fail(l, _("the database is damaged (the file is "
		    "truncated)"));
	return 0;
}

/*
 * Open l->path read-only (or immutable) on a new connection and set it
 * up.  SQLite takes a URI for immutable=1: the path is escaped for it.
 */
static int
load_connect(struct load *l, bool immutable)
{
	struct text_buf	 uri;
	const char	*p;
	int		 rc;

	if (l->db != NULL) {
		sqlite3_close(l->db);
		l->db = NULL;
	}
	text_buf_init(&uri);
	if (immutable) {
		text_buf_puts(&uri, "file:");
		for (p = l->path; *p != '\0'; p++) {
			if (*p == '?' || *p == '#' || *p == '%' ||
			    (unsigned char)*p < 0x20)
				text_buf_printf(&uri, "%%%02X",
				    (unsigned char)*p);
			else
				text_buf_addc(&uri, *p);
		}
		text_buf_puts(&uri, "?immutable=1");
	}
	/*
	 * Each connection is used by one thread only: without SQLite's
	 * mutexes (taken on every call) the load is a seventh faster.
	 */
	rc = sqlite3_open_v2(immutable ? uri.data : l->path, &l->db,
	    SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
	    SQLITE_OPEN_EXRESCODE | (immutable ? SQLITE_OPEN_URI : 0), NULL);
	text_buf_free(&uri);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	return load_setup(l);
}

/* Does a file beside the database (its -wal, its -journal) hold bytes? */
static bool
load_has_side(const char *path, const char *suffix)
{
	struct stat	 sb;
	char		*side = xasprintf("%s%s", path, suffix);
	bool		 has = stat(side, &sb) == 0 && sb.st_size > 0;

	free(side);
	return has;
}

/*
 * Can l->path not change under us: on a read-only file system, or a file
 * nobody may write?  Then immutable=1 is safe, as long as no -wal or
 * -journal holds what the file itself does not.
 */
static bool
load_may_be_immutable(const struct load *l)
{
	struct statvfs	vfs;

	if (load_has_side(l->path, "-wal") ||
	    load_has_side(l->path, "-journal"))
		return false;
	if (statvfs(l->path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
		return true;
	return (l->sb.st_mode & 0222) == 0;
}

int
load_open(struct load *l)
{
	struct stat	 sb;
	int		 fd;

	if (stat(l->path, &sb) == -1)
		return load_fail(l, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return load_fail(l, _("not a regular file"));
	if (sb.st_size == 0)
		return load_fail(l, _("empty file; not a charta database"));
	/*
	 * The importer renames a new corpus over the old one: a second
	 * connection must not read the new file for the old one's half.
	 */
	if (l->same_as != NULL && (sb.st_dev != l->same_as->st_dev ||
	    sb.st_ino != l->same_as->st_ino ||
	    sb.st_size != l->same_as->st_size ||
	    sb.st_mtim.tv_sec != l->same_as->st_mtim.tv_sec ||
	    sb.st_mtim.tv_nsec != l->same_as->st_mtim.tv_nsec))
		return load_fail(l, _("the file changed while it was read; "
		    "try again"));
	l->sb = sb;
	/* SQLite would say only "unable to open": say why. */
	if ((fd = open(l->path, O_RDONLY | O_CLOEXEC)) == -1)
		return load_fail(l, strerror(errno));
	close(fd);
	/* A second connection opens as the first did. */
	if (l->immutable)
		return load_connect(l, true);
	if (load_connect(l, false) == 0)
		return 0;
	/*
	 * A database in WAL mode needs its -shm, which cannot be made on
	 * read-only media or in a directory we cannot write.  If the file
	 * cannot change under us, immutable=1 reads it without one.
	 */
	if (l->rc == SQLITE_READONLY_DIRECTORY ||
	    l->rc == SQLITE_READONLY_CANTINIT ||
	    l->rc == SQLITE_READONLY_RECOVERY ||
	    (l->rc & 0xff) == SQLITE_CANTOPEN) {
		free(l->err);
		l->err = NULL;
		if (load_may_be_immutable(l)) {
			l->immutable = true;
			return load_connect(l, true);
		}
		return load_fail(l, _("cannot be read here: it is in WAL mode, "
		    "and its -shm cannot be made beside it; open it once with "
		    "write access and set PRAGMA journal_mode=DELETE, or make "
		    "it read-only (chmod a-w)"));
	}
	return -1;
}

/* The same for an image in memory, which SQLite reads in place. */
int
load_open_mem(struct load *l, const void *data, size_t len)
{
	int	rc;

	if (len == 0)
		return load_fail(l, _("empty file; not a charta database"));
	l->sb.st_size = (off_t)len;
	rc = sqlite3_open_v2(":memory:", &l->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	rc = sqlite3_deserialize(l->db, "main", (unsigned char *)data,
	    (sqlite3_int64)len, (sqlite3_int64)len,
	    SQLITE_DESERIALIZE_READONLY);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	return load_setup(l);
}

int
load_quick_check(struct load *l)
{
	sqlite3_stmt	*st;
	const char	*res;
	char		*msg;
	int		 rc;

	load_clock(l);
	rc = sqlite3_prepare_v2(l->db, "PRAGMA quick_check(1)", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return load_fail_db(l, rc);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return load_fail_db(l, rc);
	}
	res = (const char *)sqlite3_column_text(st, 0);
	if (res == NULL || strcmp(res, "ok") != 0) {
		msg = xasprintf(_("the database is damaged (%s)"),
		    res ? res : "?");
		load_fail(l, msg);
		free(msg);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/*
 * The tables charta reads must be tables (not views), with the columns of
 * the file's version and their declared types.  Other tables, views,
 * indexes, triggers and columns are ignored: a newer charta may add them,
 * and views and triggers never run here (load_setup turns them off).
 */
int
load_schema(struct load *l)
{
	sqlite3_stmt			*st;
	const struct schema_table	*t;
	const char			*type, *name;
	char				*msg;
	int				 rc, k, c, found;

	for (k = 0; k < schema_ntables; k++) {
		t = &schema_tables[k];
		load_clock(l);
		/* A virtual table would run a module's code: not a table. */
		rc = sqlite3_prepare_v2(l->db, "SELECT CASE WHEN sql LIKE "
		    "'CREATE VIRTUAL%' THEN 'virtual' ELSE type END FROM "
		    "sqlite_schema WHERE name = ?1 COLLATE NOCASE", -1, &st,
		    NULL);
		if (rc != SQLITE_OK)
			return load_fail_db(l, rc);
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		type = rc == SQLITE_ROW ?
		    (const char *)sqlite3_column_text(st, 0) : NULL;
		found = type != NULL && strcmp(type, "table") == 0;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return load_fail_db(l, rc);
		if (!found) {
			msg = xasprintf(_("not a charta database (no table "
			    "'%s')"), t->name);
			load_fail(l, msg);
			free(msg);
			return -1;
		}
		for (c = 0; c < t->ncolumns; c++) {
			if (t->columns[c].since > l->version)
				continue;
			load_clock(l);
			/* A generated column computes; charta reads values. */
			rc = sqlite3_prepare_v2(l->db, "SELECT type FROM "
			    "pragma_table_xinfo(?1) WHERE name = ?2 AND "
			    "hidden = 0", -1, &st, NULL);
			if (rc != SQLITE_OK)
				return load_fail_db(l, rc);
			sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, t->columns[c].name, -1,
			    SQLITE_STATIC);
			rc = sqlite3_step(st);
			name = rc == SQLITE_ROW ?
			    (const char *)sqlite3_column_text(st, 0) : NULL;
			found = name != NULL &&
			    strcmp(name, t->columns[c].type) == 0;
			sqlite3_finalize(st);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE)
				return load_fail_db(l, rc);
			if (!found) {
				msg = xasprintf(_("unsupported document schema "
				    "(column %s.%s is missing or changed)"),
				    t->name, t->columns[c].name);
				load_fail(l, msg);
				free(msg);
				return -1;
			}
		}
	}
	return 0;
}
