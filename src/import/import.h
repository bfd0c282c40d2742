/*
 * import.h -- reading charta source files (Markdown with front matter, see
 * doc/source-format.md) into a corpus.
 *
 * The importer never writes anything itself: it adds documents to an
 * in-memory corpus, and the caller publishes the corpus (store_write) only
 * if every file was read without error.  That is what makes `charta import`
 * all or nothing.
 */
#ifndef CHARTA_IMPORT_H
#define CHARTA_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

struct corpus;

/*
 * How to import, from the command line's options.  A NULL options pointer
 * means the defaults: UTF-8 source, warnings not reported.
 */
struct import_options {
	const char	*encoding;	/* iconv name of the source's encoding;
					   NULL or "" for UTF-8 */
	bool		 quiet;		/* report no warnings */
	/*
	 * Called with each warning, "NAME:LINE:COL: warning: MESSAGE" (the
	 * message may hold bytes of the source: sanitize it to print it).
	 * NULL: warnings are dropped.
	 */
	void		(*warn)(void *arg, const char *msg);
	void		*arg;
	/*
	 * Bytes of Markdown given to libcmark at a time (0: the default,
	 * 256 KiB).  What is imported is the same whatever it is: the tests
	 * import with 1 (a cut at every place one can be) and compare.
	 */
	size_t		 chunk;
};

/* At most this many warnings are reported for one file. */
#define IMPORT_MAX_WARNINGS	50

/* The largest source file the importer reads. */
#define IMPORT_MAX_FILE	(256 * 1024 * 1024)

/*
 * The most bytes of source a block may take: the bytes after a blank line
 * (or an ATX heading line) and before the next one.  Twice the 1 MiB a
 * block's text may hold (CORPUS_MAX_TEXT), for markup; enforced while the
 * file is read, so that memory stays bounded by the largest block.
 */
#define IMPORT_MAX_STRETCH	(2 * 1024 * 1024)

/*
 * Read the file at path (a regular file no larger than IMPORT_MAX_FILE),
 * refuse binary, UTF-16/32 and ill-formed UTF-8 input, strip a UTF-8 BOM and
 * turn CRLF and lone CR into LF.  On success returns 0 and stores the text
 * (malloc'ed, NUL-terminated, the caller frees it) in *data and its length
 * in *len.  On failure returns -1 and stores a message
 * "PATH[:LINE:COL]: what is wrong" (malloc'ed, not yet sanitized for the
 * terminal) in *err.
 */
int	import_read_file(const char *path, char **data, size_t *len,
	    char **err);

/*
 * The same, with options: opt->encoding (NULL: UTF-8) names the file's
 * encoding, and the text is converted to UTF-8 as it is read (bytes that
 * are not valid in it are refused with their line and column).  Also
 * refused, with "PATH changed while it was being imported": a file whose
 * size, time stamp or inode changed while it was read, or that was
 * shorter or longer than when it was opened.  A stretch of more than
 * IMPORT_MAX_STRETCH bytes without a blank line is refused as soon as it
 * has been read.
 */
int	import_read_file_opt(const char *path,
	    const struct import_options *opt, char **data, size_t *len,
	    char **err);

/*
 * The same for a file already open as fd, whose fstat() before any read
 * is *before (the tests change the file between the two).  fd is not
 * closed.
 */
struct stat;
int	import_read_opened(int fd, const char *path,
	    const struct stat *before, const struct import_options *opt,
	    char **data, size_t *len, char **err);

/*
 * Check and normalise source text already in memory, as import_read_file
 * does after reading (name is used in messages).  data[0..len) is replaced
 * by the normalised text (len may shrink) and a NUL is stored after it, so
 * data must have room for len + 1 bytes.  Returns 0 or -1 with *err set.
 */
int	import_check_text(const char *name, char *data, size_t *len,
	    char **err);

/*
 * Parse one source file's text data[0..len) (already checked) and add its
 * document to c.  name is the file name used in messages and recorded as the
 * document's source file.  Returns 0, or -1 with a message
 * "NAME:LINE:COL: what is wrong" in *err (malloc'ed); after a failure the
 * corpus may hold part of the document and must be discarded.
 */
int	import_markdown(struct corpus *c, const char *name, const char *data,
	    size_t len, char **err);

/*
 * The same, reporting warnings through opt (NULL: none): characters a
 * reader cannot see (controls, bidi controls), raw HTML kept as text, an
 * unclosed HTML comment, nesting that is flattened.  Warnings never stop
 * the import, and the text is stored unchanged.
 */
int	import_markdown_opt(struct corpus *c, const char *name,
	    const char *data, size_t len, const struct import_options *opt,
	    char **err);

/*
 * Read a links file (data/links.tsv: FROM, TO, RELATION, NOTE separated by
 * tabs; '#' comments) into c, whose documents must be complete and
 * finished (corpus_finish), since the references are resolved now.
 * Returns 0, or -1 with "NAME:LINE: message" in *err.
 */
int	import_links(struct corpus *c, const char *name, const char *data,
	    size_t len, char **err);

#endif /* CHARTA_IMPORT_H */
