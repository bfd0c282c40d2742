/*
 * write.c -- publishing a corpus database atomically (see store.h).
 *
 * The sequence is doc/reliability.md, section 5: a temporary file made with
 * mkstemp beside the target, everything in one transaction, an integrity
 * check, journal_mode=DELETE so the file never needs a -wal or -shm to be
 * read, fsync, rename over the target, fsync of the directory.  Any
 * failure unlinks the temporary file, so the target is either the old file
 * or the complete new one, never something in between.
 *
 * A writer killed with SIGKILL cannot remove its temporary file, so the
 * name says whose it is: .charta-import-PID@HOST-XXXXXX.  Before it makes
 * its own, a writer removes those (and their -journal) of a process of
 * this host that no longer exists; a file of an older charta, whose name
 * has no PID, once it is an hour old.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "model/corpus.h"
#include "store/schema.h"
#include "store/store.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/xmalloc.h"

/*
 * Small pages for a small corpus (the shipped one: damage stays local to
 * a few hundred bytes of it); 64 KB pages past 8 MB of text, which a
 * large corpus loads a sixth faster with (sixteen times fewer reads).
 */
static int
write_page_size(const struct corpus *c)
{
	size_t	i, text = 0;

	for (i = 0; i < c->nnodes; i++)
		text += c->nodes[i].text_len;
	return text > 8u * 1024 * 1024 ? 65536 : 4096;
}

static int
write_exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int
write_docs(sqlite3 *db, const struct corpus *c)
{
	sqlite3_stmt	*st = NULL;
	size_t		 d;
	int		 rc, k;

	rc = sqlite3_prepare_v2(db, "INSERT INTO document VALUES "
	    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &st, NULL);
	for (d = 0; rc == SQLITE_OK && d < c->ndocs; d++) {
		const struct corpus_doc	*doc = &c->docs[d];
		const char		*v[] = { doc->slug, doc->alias,
		    doc->title, doc->short_title, doc->issuer, doc->date,
		    doc->language, doc->source, doc->work, doc->kind,
		    doc->file, doc->author, doc->translator, doc->publisher,
		    doc->container, doc->url };

		sqlite3_bind_int64(st, 1, (sqlite3_int64)d + 1);
		for (k = 0; k < (int)(sizeof v / sizeof v[0]); k++)
			sqlite3_bind_text(st, k + 2, v[k], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
write_nodes(sqlite3 *db, const struct corpus *c)
{
	sqlite3_stmt	*st = NULL;
	size_t		 i;
	int		 rc;

	rc = sqlite3_prepare_v2(db, "INSERT INTO node VALUES "
	    "(?,?,?,?,?,?,?,?,?,?)", -1, &st, NULL);
	for (i = 0; rc == SQLITE_OK && i < c->nnodes; i++) {
		const struct corpus_node	*n = &c->nodes[i];

		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)n->doc + 1);
		if (n->parent == CORPUS_NONE)
			sqlite3_bind_null(st, 3);
		else
			sqlite3_bind_int64(st, 3, (sqlite3_int64)n->parent + 1);
		sqlite3_bind_text(st, 4, kind_name(n->kind), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 5, n->label, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, n->anchor, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, n->title, -1, SQLITE_STATIC);
		/* A blob, so the loader gets exact bytes and length. */
		sqlite3_bind_blob(st, 8, n->text, (int)n->text_len,
		    SQLITE_STATIC);
		sqlite3_bind_int(st, 9, n->page);
		sqlite3_bind_int64(st, 10, n->line);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
write_links(sqlite3 *db, const struct corpus *c)
{
	sqlite3_stmt	*st = NULL;
	size_t		 i;
	int		 rc;
	char		*a, *b;

	rc = sqlite3_prepare_v2(db, "INSERT INTO link VALUES (?,?,?,?,?)", -1,
	    &st, NULL);
	for (i = 0; rc == SQLITE_OK && i < c->nlinks; i++) {
		a = corpus_node_ref(c, c->links[i].from);
		b = corpus_node_ref(c, c->links[i].to);
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 2, a, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, b, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, c->links[i].relation, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 5, c->links[i].note, -1, SQLITE_STATIC);
		free(a);
		free(b);
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Run PRAGMA integrity_check; SQLITE_OK if it says "ok". */
static int
write_check(sqlite3 *db)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = strcmp((const char *)sqlite3_column_text(st, 0), "ok") ==
		    0 ? SQLITE_OK : SQLITE_CORRUPT;
	sqlite3_finalize(st);
	return rc;
}

#define WRITE_TMP_PREFIX	".charta-import-"

/* This host's name as it goes in a file name: [A-Za-z0-9.] only. */
static void
write_host(char *buf, size_t size)
{
	size_t	i;

	if (gethostname(buf, size) == -1)
		buf[0] = '\0';
	buf[size - 1] = '\0';
	if (buf[0] == '\0')
		snprintf(buf, size, "localhost");
	for (i = 0; buf[i] != '\0'; i++)
		if (!((buf[i] >= 'a' && buf[i] <= 'z') ||
		    (buf[i] >= 'A' && buf[i] <= 'Z') ||
		    (buf[i] >= '0' && buf[i] <= '9') || buf[i] == '.'))
			buf[i] = '_';
}

/*
 * Is name (in dir) a temporary file of a writer that is gone: a process
 * of this host that does not exist, or (without a PID) an old charta's
 * file more than an hour old?
 */
static bool
write_is_stale(int dfd, const char *name, const char *host)
{
	const char	*p = name + strlen(WRITE_TMP_PREFIX), *at;
	char		*end;
	struct stat	 sb;
	long		 pid;

	if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !S_ISREG(sb.st_mode) || sb.st_uid != geteuid())
		return false;
	at = strchr(p, '@');
	if (at == NULL)
		return time(NULL) - sb.st_mtime > 3600;
	pid = strtol(p, &end, 10);
	if (end != at || pid <= 0 || strncmp(at + 1, host, strlen(host)) != 0 ||
	    at[1 + strlen(host)] != '-')
		return false;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

/* Remove the temporary files dead writers left in dir. */
static void
write_clean_stale(const char *dir, const char *host)
{
	DIR		*d;
	struct dirent	*e;
	int		 dfd;

	if ((d = opendir(dir)) == NULL)
		return;
	dfd = dirfd(d);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, WRITE_TMP_PREFIX,
		    strlen(WRITE_TMP_PREFIX)) == 0 &&
		    write_is_stale(dfd, e->d_name, host))
			(void)unlinkat(dfd, e->d_name, 0);
	closedir(d);
}

static int
write_fsync_path(const char *path, int flags)
{
	int	fd, rc;

	fd = open(path, flags);
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
store_write_corpus(const char *path, const struct corpus *c, char **err)
{
	sqlite3		*db = NULL;
	char		*copy, *tmp, *pragmas, *journal, host[65];
	const char	*dir;
	int		 fd, rc, k;
	mode_t		 mask;

	*err = NULL;
	/* dirname may return a static "." instead of changing the copy. */
	copy = xstrdup(path);
	dir = dirname(copy);
	write_host(host, sizeof host);
	write_clean_stale(dir, host);
	tmp = xasprintf("%s/" WRITE_TMP_PREFIX "%ld@%s-XXXXXX", dir,
	    (long)getpid(), host);
	fd = mkstemp(tmp);
	if (fd == -1) {
		*err = xasprintf(_("%s: cannot create a file beside it: %s"),
		    path, strerror(errno));
		free(tmp);
		free(copy);
		return -1;
	}
	signals_guard_files(tmp);
	/* mkstemp makes 0600; a corpus is as readable as any data file. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	close(fd);

	rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	/* The page size first: the header is written by the next pragma. */
	pragmas = xasprintf("PRAGMA page_size=%d; PRAGMA application_id=%d; "
	    "PRAGMA user_version=%d; PRAGMA journal_mode=DELETE; "
	    "BEGIN IMMEDIATE", write_page_size(c), STORE_APPLICATION_ID,
	    STORE_SCHEMA_VERSION);
	if (rc == SQLITE_OK)
		rc = write_exec(db, pragmas);
	free(pragmas);
	for (k = 0; rc == SQLITE_OK && k < schema_ntables; k++)
		rc = write_exec(db, schema_tables[k].sql);
	if (rc == SQLITE_OK)
		rc = write_docs(db, c);
	if (rc == SQLITE_OK)
		rc = write_nodes(db, c);
	if (rc == SQLITE_OK)
		rc = write_links(db, c);
	if (rc == SQLITE_OK)
		rc = write_exec(db, "COMMIT");
	if (rc == SQLITE_OK)
		rc = write_check(db);
	if (rc != SQLITE_OK) {
		*err = xasprintf(_("%s: cannot write the database: %s"), path,
		    db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		goto fail;
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		db = NULL;
		*err = xasprintf(_("%s: cannot close the database"), path);
		goto fail;
	}
	db = NULL;
	if (write_fsync_path(tmp, O_RDONLY) == -1 ||
	    rename(tmp, path) == -1) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	signals_unguard_files();
	(void)write_fsync_path(dir, O_RDONLY | O_DIRECTORY);
	free(tmp);
	free(copy);
	return 0;
fail:
	if (db != NULL)
		sqlite3_close(db);
	unlink(tmp);
	/* A transaction that failed half way may leave its journal. */
	journal = xasprintf("%s-journal", tmp);
	unlink(journal);
	free(journal);
	signals_unguard_files();
	free(tmp);
	free(copy);
	return -1;
}
