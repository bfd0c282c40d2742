/*
 * format.h -- the output for scripts (--format=tsv or --format=json) of
 * list, toc, search and compare --stats: a table of rows under named
 * columns, written as tab-separated values or as one JSON array of
 * objects.  charta(1) documents each command's columns; they are a
 * promise to scripts, so a column is only ever added at the end.
 *
 * TSV: a header line naming the columns, then a line a row.  A field's
 * text is sanitized as all output is (output_clean: no control character
 * reaches the terminal raw), then backslash, TAB, line feed and carriage
 * return are written as \\, \t, \n and \r, so that every row is one line
 * with as many fields as the header.  A value that is not known (a page)
 * is an empty field.
 *
 * JSON: "[", one object a line, "]".  Strings go through text_json_quote:
 * exact, valid UTF-8, every control or invisible character escaped; a
 * value that is not known is null.
 *
 * Neither is coloured or wrapped.  Writing goes through output_raw, so
 * write errors are caught by output_finish as for the text output.
 */
#ifndef CHARTA_FORMAT_H
#define CHARTA_FORMAT_H

#include <stddef.h>

#include "text/text.h"

struct cli_ctx;

enum format {
	FORMAT_TEXT,
	FORMAT_TSV,
	FORMAT_JSON
};

struct format_table {
	enum format		 format;
	const char *const	*columns;	/* names, in order */
	size_t			 ncolumns;
	size_t			 col;		/* fields written in this row */
	size_t			 nrows;
	struct text_buf		 row;		/* the row being written */
};

/*
 * The format ctx's --format asks for, in *f (FORMAT_TEXT if none).
 * Options that lay out text (--width, --color=always) make no sense with
 * tsv or json: then an error naming both is printed and -1 returned; else
 * 0.
 */
int	format_from_options(const struct cli_ctx *ctx, enum format *f);

/*
 * Start a table in format f (TSV or JSON) with the columns
 * columns[0..ncolumns), which must outlive the table: TSV prints the
 * header line, JSON the opening bracket.
 */
void	format_begin(struct format_table *t, enum format f,
	    const char *const *columns, size_t ncolumns);
/* Start a row (ending the one before).  Its fields follow, in order. */
void	format_row(struct format_table *t);
/* The next field: the text s[0..n) (from the data or not). */
void	format_str(struct format_table *t, const char *s, size_t n);
/* The next field: NUL-terminated s. */
void	format_cstr(struct format_table *t, const char *s);
/* The next field: a number. */
void	format_int(struct format_table *t, long long v);
/* The next field: a value that is not known (TSV: empty; JSON: null). */
void	format_null(struct format_table *t);
/*
 * The next field: the strings v[0..n) (JSON: an array; TSV: joined by
 * single spaces, empty if n is 0).
 */
void	format_list(struct format_table *t, char *const *v, size_t n);
/* End the last row and the table; frees what t holds. */
void	format_end(struct format_table *t);

#endif /* CHARTA_FORMAT_H */
