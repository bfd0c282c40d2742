/*
 * store.h -- everything charta keeps in SQLite.  No other module includes
 * sqlite3.h.
 *
 * The corpus database is written whole by store_write_corpus (the importer's
 * output) and read whole by store_load_corpus at start-up; after that charta
 * never queries it.  Reading treats the file as hostile input (see
 * doc/reliability.md, section 2): read-only, defensive, limits, a time budget,
 * quick_check, and an exact schema check.
 */
#ifndef CHARTA_STORE_H
#define CHARTA_STORE_H

#include <stddef.h>

struct corpus;

/* PRAGMA application_id of a charta corpus: "CHRT". */
#define STORE_APPLICATION_ID	0x43485254
/*
 * PRAGMA user_version: the schema this charta writes.  It reads this one
 * and every older one (src/store/schema.c says what changed).
 */
#define STORE_SCHEMA_VERSION	2

/*
 * Open the corpus database at path and load all of it into a new corpus
 * (corpus_finish already called).  Returns the corpus, or NULL with a
 * message naming the file in *err (malloc'ed; it may hold bytes from the
 * file, so sanitize it before printing).  A missing, foreign, newer,
 * corrupt or malformed database is refused.
 */
struct corpus	*store_load_corpus(const char *path, char **err);

/*
 * The same, and *note (malloc'ed, or NULL) says what the user should know
 * of a corpus that did load: that it was opened immutable (a database in
 * WAL mode on read-only media).
 */
struct corpus	*store_load_corpus_note(const char *path, char **note,
		    char **err);

/*
 * The shipped corpus at shipped and, if user is not NULL and the file is
 * there, the user's own corpus, as one: the user's documents after the
 * shipped ones, their origin CORPUS_USER.  The shipped corpus failing is
 * an error (NULL, *err as store_load_corpus).  The user's failing, or a
 * document of it whose slug or alias a shipped document has, is not: it
 * is left out, and *notes says so -- one message a line, each naming the
 * file, malloc'ed; NULL if there is nothing to say.  *notes may be set
 * when NULL is returned too.
 */
struct corpus	*store_load_corpora(const char *shipped, const char *user,
		    char **notes, char **err);

/*
 * The first whole documents of the corpus at path, enough of them for
 * min_rows rows of the outline as the reader opens it (each document and
 * its top-level parts), as a corpus of their own (finished; without
 * links), for the reader to draw its first screen from before it loads
 * the whole: the same nodes, in the same order, as the whole corpus has
 * first.  NULL when that is not worth it or not safe, and nothing is
 * said: a file under a megabyte, one that quick_check has not passed as
 * it is now, one whose documents make fewer rows than that, one that does
 * not open.  The whole load (store_load_corpora) checks and says
 * everything.
 */
struct corpus	*store_load_head(const char *path, size_t min_rows);
/*
 * The same for the one document with that slug (the reading position
 * kept may be in any document): a corpus of that document alone, its
 * nodes the whole corpus's, in the same order.  NULL as above, or if no
 * document has that slug.
 */
struct corpus	*store_load_head_doc(const char *path, const char *slug);

/*
 * store_load_corpus loads a corpus of this many nodes or more in two
 * halves on two connections, in parallel (the tests build one just over).
 */
#define STORE_SPLIT_NODES	50000

/*
 * The same for a database image data[0..len) in memory (read in place,
 * never changed; name stands for the file in messages), with the same
 * defensive open and checks.  For the fuzz harness (fuzz/fuzz-dbopen.c).
 */
struct corpus	*store_load_corpus_mem(const void *data, size_t len,
		    const char *name, char **err);

/*
 * Write every document of c (finished) to a new corpus database that
 * replaces path atomically: a temporary file in the same directory, one
 * transaction, integrity_check, fsync, rename, fsync of the directory.
 * On failure the temporary file is removed, path is left exactly as it
 * was, and -1 is returned with a message in *err.  Returns 0 on success.
 */
int		 store_write_corpus(const char *path, const struct corpus *c,
		    char **err);

#endif /* CHARTA_STORE_H */
