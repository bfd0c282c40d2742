/*
 * frontmatter.h -- the `---` ... `---` block of key: value lines that opens
 * every source file (doc/source-format.md).  Private to the importer.
 */
#ifndef CHARTA_FRONTMATTER_H
#define CHARTA_FRONTMATTER_H

#include <stddef.h>

#include "model/corpus.h"

/*
 * Parse the front matter at the start of data[0..len) into *meta (whose
 * strings are malloc'ed; free them with frontmatter_free).  The Markdown
 * body starts at byte *body of data, which is line *body_line of the file.
 * Returns 0, or -1 with "NAME:LINE:COL: message" in *err.
 */
int	frontmatter_parse(const char *name, const char *data, size_t len,
	    struct corpus_doc *meta, size_t *body, size_t *body_line,
	    char **err);

/* Free the strings frontmatter_parse stored in *meta. */
void	frontmatter_free(struct corpus_doc *meta);

/* True if s is a valid slug or alias: [a-z][a-z0-9-]*, at most 64 bytes. */
int	frontmatter_valid_slug(const char *s);

#endif /* CHARTA_FRONTMATTER_H */
