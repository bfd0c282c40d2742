/*
 * json.h -- JSON (RFC 8259) for the notes' export and import: a strict
 * reader that says where a file goes wrong, and a string writer that keeps
 * every byte.
 *
 * Bytes that are not UTF-8.  A note may hold any bytes (the store keeps
 * them as given), but a JSON string holds Unicode.  The writer turns each
 * byte of ill-formed UTF-8 into a lone low surrogate, \udc80 to \udcff
 * for the bytes 0x80 to 0xff (as Python's "surrogateescape" does), and
 * the reader turns them back, so that an export read back gives the same
 * bytes.  Any other lone surrogate cannot be kept and is refused.
 *
 * Nothing is written raw that the display policy (text_sanitize) would
 * change: control characters, C1, bidi controls, invisible format
 * characters and noncharacters are written as \u escapes, so that the
 * file is safe on a terminal and the text in it exact.
 */
#ifndef CHARTA_JSON_H
#define CHARTA_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct text_buf;

/* Nesting deeper than this is refused (the reader recurses). */
#define JSON_MAX_DEPTH	64

enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

struct json_value {
	enum json_type		 type;
	uint32_t		 line;	/* where it starts, from 1 */
	uint32_t		 col;	/* in characters, from 1 */
	char			*str;	/* STRING: decoded, NUL-ended;
					   NUMBER: its text */
	size_t			 len;	/* of str (a string may hold NULs) */
	struct json_value	*items;	/* ARRAY, OBJECT: the values */
	struct json_value	*keys;	/* OBJECT: the keys (STRINGs) */
	size_t			 n;	/* how many items (and keys) */
};

/*
 * Read the JSON text s[0..n) (UTF-8; a leading byte order mark is
 * skipped).  Returns the value (free with json_free), or NULL with a
 * message in *err (malloc'ed) that starts with "LINE:COL: ": the first
 * thing wrong, whether bad UTF-8, bad syntax, a duplicate key, a lone
 * surrogate or nesting deeper than JSON_MAX_DEPTH.
 */
struct json_value *json_parse(const char *s, size_t n, char **err);

/* Free v and everything in it; NULL is ok. */
void		json_free(struct json_value *v);

/* The value of key in object v, or NULL (also if v is not an object). */
const struct json_value *json_get(const struct json_value *v,
		    const char *key);

/* True if v is a string equal to s. */
bool		json_is(const struct json_value *v, const char *s);

/*
 * Append s[0..n) to b as a JSON string, quotes included, escaped as the
 * top of this file says; with ascii_only, every character beyond ASCII
 * is escaped too (for a terminal whose locale is not UTF-8).
 */
void		json_put_string(struct text_buf *b, const char *s, size_t n,
		    bool ascii_only);

#endif /* CHARTA_JSON_H */
