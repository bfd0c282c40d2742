/*
 * format.h -- the machine-readable outputs of the command line
 * (--format=tsv|json): fields and strings escaped so that a reader of the
 * format gets the data back, and so that nothing from the data reaches a
 * terminal raw.
 *
 * TSV: one record a line, fields separated by TAB; in a field, backslash,
 * TAB, line feed and carriage return are written \\, \t, \n and \r, and
 * the rest goes through the display policy like any output (output.h).
 * JSON: strings escaped as RFC 8259 asks, and more: every control
 * character, C1 character, bidi or invisible format character as \uXXXX
 * (a surrogate pair beyond the BMP), every character beyond ASCII so too
 * in a locale that is not UTF-8; an ill-formed byte as \ufffd.
 */
#ifndef CHARTA_FORMAT_H
#define CHARTA_FORMAT_H

#include <stddef.h>

enum format {
	FORMAT_TEXT,
	FORMAT_TSV,
	FORMAT_JSON,
};

/* Write s, charta's own text (no data in it), to stdout as it is. */
void	format_raw(const char *s);

/* The value of --format (NULL: text). */
enum format	format_from_option(const char *value);

/* Write s[0..n) (NUL-terminated s) as a TSV field. */
void	format_tsv(const char *s, size_t n);
void	format_tsv_str(const char *s);
/* Write s[0..n) (NUL-terminated s) as a JSON string, quotes included. */
void	format_json(const char *s, size_t n);
void	format_json_str(const char *s);

#endif /* CHARTA_FORMAT_H */
