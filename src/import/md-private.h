/*
 * md-private.h -- what the files of the Markdown importer share: the state
 * of one document being read (markdown.c), heading and block attributes
 * (attrs.c), flattening a block to plain text (flatten.c) and warnings
 * (diag.c).  Private to src/import.
 */
#ifndef CHARTA_MD_PRIVATE_H
#define CHARTA_MD_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmark.h>

#include "import/import.h"
#include "model/kind.h"
#include "util/hash.h"

struct corpus;
struct text_buf;

/* One warning held until the file is read. */
struct import_warning {
	size_t	 line;
	size_t	 col;
	size_t	 seq;		/* the order it was found in */
	char	*msg;		/* "NAME:LINE:COL: warning: MESSAGE" */
};

/*
 * Warnings of one source file (zero it, then set opt and name).  They are
 * held, the first IMPORT_MAX_WARNINGS in file order, and given to
 * opt->warn in that order when the file has been read (import_diag_end),
 * with one line more saying how many were not shown.  A file that is
 * refused shows its error alone (import_diag_free).
 */
struct import_diag {
	const struct import_options	*opt;
	const char			*name;
	size_t				 count;		/* all found */
	struct import_warning		 held[IMPORT_MAX_WARNINGS];
	size_t				 nheld;
};

/*
 * Note a warning at line:col (col 0: none) of the file.  The message is
 * formatted; it may hold bytes of the source (the caller of import_*
 * sanitizes what it prints).
 */
void	import_diag_warn(struct import_diag *, size_t line, size_t col,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Give the held warnings to opt->warn, in file order, and free them. */
void	import_diag_end(struct import_diag *);

/* Free the held warnings without showing them. */
void	import_diag_free(struct import_diag *);

/*
 * Warn about each character of the checked text data[0..len) that a reader
 * cannot see: C0 and C1 controls other than tab and newline, and bidi
 * controls (an unpaired embedding, override or isolate, and any other).
 * line0 is the line number of data's first line.
 */
void	import_diag_scan(struct import_diag *, const char *data, size_t len,
	    size_t line0);

/* Attributes of a heading or block: {#anchor .kind label=L page=N}. */
struct md_attrs {
	char	*anchor;
	char	*kind;
	char	*label;
	long	 page;
};

/* One open section at each heading level (0 = the document). */
struct md_level {
	uint32_t	node;		/* CORPUS_NONE if not open */
	unsigned	sections;	/* sections added under it so far */
	unsigned	blocks;		/* blocks added under it so far */
};

/* An anchor seen in this document, to report duplicates with both lines. */
struct md_anchor {
	const char	*anchor;
	uint32_t	 line;
};

struct md_state {
	struct corpus		*c;
	const char		*name;
	const char		*data;		/* the text cmark reads */
	size_t			 len;
	size_t			 line0;		/* file line of data's line 1,
						   minus one */
	struct import_diag	*diag;
	struct md_level		 level[KIND_MAX_LEVEL + 1];
	int			 depth;		/* deepest open level */
	struct md_anchor	*anchors;
	size_t			 nanchors;
	size_t			 anchors_cap;
	struct hashtab		 anchor_table;	/* hash -> index in anchors */
	char			*err;
};

/* attrs.c */
/* Free an attribute list's strings and zero it. */
void	md_attrs_free(struct md_attrs *);
/* True for the characters of an anchor, a kind or a label. */
int	md_is_ident_char(char);
int	md_parse_attrs(const char *s, size_t n, struct md_attrs *a,
	    bool strict, char **msg);
size_t	md_column(const struct md_state *, size_t lno, bool heading,
	    const char *needle);

/* flatten.c */
/*
 * Flatten a block's content to plain text in b: text as written, soft
 * breaks as spaces, hard breaks and block boundaries as newlines, list
 * items with their marker, raw HTML as doc/source-format.md says (comments
 * dropped, anything else kept as written, with a warning).  Warns once
 * about nesting it flattens.  Iterative, so any nesting depth is safe.
 */
void	md_flatten(struct md_state *, cmark_node *root, struct text_buf *b);

/* chunks.c */
/*
 * Parse the Markdown body text[0..len), whose first line is line line1 of
 * the file, a chunk at a time (see chunks.c), and call each() with every
 * top-level node in order; st->data, st->len and st->line0 describe the
 * text the node was parsed from while each() runs (the node is freed
 * after).  Returns 0, or the first non-zero value each() returns.
 */
int	md_parse_body(struct md_state *st, const char *text, size_t len,
	    size_t line1, int (*each)(struct md_state *, cmark_node *));

#endif /* CHARTA_MD_PRIVATE_H */
