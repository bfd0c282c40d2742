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
#include <stdint.h>

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
 * Reading a corpus database once, node by node, in reading order, without
 * loading it: for a one-shot search, which needs each node's text only
 * long enough to match it.
 *
 * store_scan_open opens the database at path and reads its documents;
 * store_scan_run then reads every node and calls fn for each.  Either
 * returns NULL or -1 when the file is not one to read so, for whatever
 * reason, and says nothing: the caller then loads it whole
 * (store_load_corpora), which refuses what is wrong with it, naming it,
 * or gives its note (immutable).  A run that returns 0 read exactly the
 * nodes and texts store_load_corpus loads from the file, having made
 * every check the loader makes, quick_check's included.
 */
struct store_scan;

/* A node as a scan reads it, valid during the call to fn only. */
struct store_row {
	uint32_t	 doc;		/* its document's index, from 0 */
	uint8_t		 kind;		/* enum node_kind */
	uint32_t	 kinds;		/* 1 << kind of it and each ancestor */
	uint8_t		 depth;		/* 0 for a document's node */
	const char	*label;		/* "" for a document's node */
	const char	*text;		/* what it is searched by: a block's
					   text, a section's or document's
					   title; NUL-free but for a block */
	size_t		 len;
};

/* Open path and read its documents; NULL: load it whole instead. */
struct store_scan *store_scan_open(const char *path);

/*
 * The documents, as a corpus of their document nodes only (finished):
 * for resolving doc: names and naming documents (doc is an index into
 * its docs).  It lives as long as the scan.
 */
const struct corpus *store_scan_docs(const struct store_scan *);

/*
 * Read every node, calling fn(arg[part], row) for each.  A large corpus
 * is read in two parts at once, on two threads: the nodes of part 0 all
 * come before part 1's in reading order, and within a part fn is called
 * in reading order, never for two rows at once; part 1 is empty for a
 * small corpus.  0, or -1 (load it whole instead; what fn was told
 * is void).  Call it once.
 */
int		 store_scan_run(struct store_scan *,
		    void (*fn)(void *arg, const struct store_row *row),
		    void *arg[2]);

/* Close the scan; NULL is a no-op. */
void		 store_scan_free(struct store_scan *);

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
