/*
 * load-private.h -- what the two halves of the corpus loader share:
 * opening a corpus database as hostile input (load-open.c) and reading it
 * into memory (load.c).  Private to the store module.
 */
#ifndef CHARTA_LOAD_PRIVATE_H
#define CHARTA_LOAD_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

struct corpus;

/*
 * Seconds any one statement may run before it is interrupted.  Only the
 * fuzz harness builds charta with another value (fuzz/local.mk), so that
 * a slow image costs it a fraction of a second, not ten.
 */
#ifndef LOAD_BUDGET
#define LOAD_BUDGET	10.0
#endif

/*
 * A database smaller than this is checked on the loading connection: a
 * second connection and a thread cost more than quick_check does.  Its
 * verdict is not kept either, and it is loaded whole at once.
 */
#define LOAD_CHECK_INLINE	(1024 * 1024)

/* One connection to a corpus database being loaded. */
struct load {
	sqlite3		*db;
	const char	*path;
	struct stat	 sb;		/* the file, when opened */
	const struct stat *same_as;	/* a second connection: the first's */
	struct timespec	 start;
	int		 version;	/* its schema version (user_version) */
	bool		 immutable;	/* opened with immutable=1 (set it
					   to open a second connection so) */
	int		 rc;		/* the last SQLite error */
	char		*err;		/* "PATH: message", once failed */
};

/*
 * Record a failure "PATH: msg" (the first one only) and return -1.  The
 * _db form puts charta's sentence around SQLite's error for rc (and keeps
 * rc in l->rc); the _node form names the node id, what is wrong with it
 * and its document's slug (doc; NULL if not known).
 */
int	load_fail(struct load *, const char *msg);
int	load_fail_db(struct load *, int rc);
int	load_fail_node(struct load *, sqlite3_int64 id, const char *what,
	    const char *doc);

/* Run a one-value query; stores the integer in *out.  0 or -1. */
int	load_int(struct load *, const char *sql, sqlite3_int64 *out);

/* Restart the time budget for the next statement. */
void	load_clock(struct load *);

/*
 * Open l->path (a regular file, read-only, defensive, with limits and the
 * time budget) and check its header: application_id, user_version (into
 * l->version), that the file holds every page.  0 or -1.
 */
int	load_open(struct load *);

/* The same for an image in memory, which SQLite reads in place. */
int	load_open_mem(struct load *, const void *data, size_t len);

/* PRAGMA quick_check; 0 if it says "ok". */
int	load_quick_check(struct load *);
/*
 * A thread's quick_check of the file l names, on a connection of its own
 * (opened and closed here): its verdict is left in l (load_quick_check).
 */
void	*load_check_thread(void *l);

/* The documents' metadata into c, one document node each.  0 or -1. */
int	load_docs(struct load *, struct corpus *c);
/*
 * The same for the documents after those c has, up to id upto: a first
 * part needs the metadata of its own documents alone.  0 or -1.
 */
int	load_docs_upto(struct load *, struct corpus *c, sqlite3_int64 upto);

/*
 * Load the nodes with ids first..last into c, which holds the documents
 * after the first docbase, taking document metadata from meta (which holds
 * one document node per document).  When last is LOAD_ALL, c is the whole
 * corpus.  Every range is checked: ids dense and in order (and, for a
 * range, all there), a document's root before its nodes, parents earlier
 * than their children and in the same document, blocks without children,
 * known kinds, labels and depth within limits.  0 or -1.
 */
#define LOAD_ALL	INT64_MAX
int	load_nodes(struct load *, struct corpus *c, const struct corpus *meta,
	    sqlite3_int64 first, sqlite3_int64 last, uint32_t docbase);

/*
 * Has quick_check already passed the file sb stands for (same device,
 * inode, size, mtime and ctime), by the verdicts kept in the user's data
 * directory (load-verdict.c)?  False when they cannot be read.
 */
bool	load_verdict_known(const struct stat *sb);

/*
 * Record that quick_check, begun at checked (CLOCK_REALTIME), passed the
 * file at path whose identity was sb, if it is still that file and was
 * older than its file system's clock tick then (else a later write could
 * leave the same times), and the user's data directory is there (it is
 * never made here).  Failures are silent: the file is then checked at its
 * next load, as if never checked.
 */
void	load_verdict_record(const char *path, const struct stat *sb,
	    const struct timespec *checked);

/*
 * The tables and columns charta reads must be there, as tables, with the
 * declared types of l->version; anything else is ignored.  0 or -1.
 */
int	load_schema(struct load *);

#endif /* CHARTA_LOAD_PRIVATE_H */
