/*
 * text.h -- everything charta knows about Unicode text: validation,
 * sanitizing for the terminal, display width, line breaking and folding.
 *
 * All of it is built on libunistring; no other module measures or breaks
 * text.  Strings are UTF-8 byte ranges given as (pointer, length): NUL is
 * an ordinary byte here and never ends a string early.
 *
 * Ownership: every function returning char * returns a new NUL-terminated
 * string from malloc (never NULL: allocation failure is fatal); the caller
 * frees it.  struct text_buf is a growable byte buffer owned by the caller.
 */
#ifndef CHARTA_TEXT_H
#define CHARTA_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* A growable byte buffer; always NUL-terminated after any append. */
struct text_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

/* Initialise an empty buffer (no allocation yet). */
void	 text_buf_init(struct text_buf *);
/* Append n bytes. */
void	 text_buf_add(struct text_buf *, const char *, size_t);
/* Append a NUL-terminated string. */
void	 text_buf_puts(struct text_buf *, const char *);
/* Append one byte. */
void	 text_buf_addc(struct text_buf *, char);
/* Append v[0..n), one space between each two (argv to a query line). */
void	 text_buf_join(struct text_buf *, char *const *v, int n);
/* Append printf-formatted text. */
void	 text_buf_printf(struct text_buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hand the data to the caller (who frees it) and reset the buffer. */
char	*text_buf_steal(struct text_buf *);
/* Free the data and reset the buffer. */
void	 text_buf_free(struct text_buf *);

/*
 * Validate UTF-8 strictly (Unicode Table 3-7: no overlongs, surrogates or
 * code points above U+10FFFF).  Returns true if s[0..n) is well formed.
 * Otherwise returns false and, if the pointers are not NULL, stores the
 * 1-based line and 1-based column (in characters) of the first bad byte
 * and the byte's value.
 */
bool	 text_utf8_valid(const char *s, size_t n, size_t *line, size_t *col,
	    unsigned char *byte);

/* How text is made safe for the terminal; see text_sanitize(). */
enum text_mode {
	TEXT_MODE_TTY,		/* TUI cells and CLI output on a terminal */
	TEXT_MODE_PIPE,		/* CLI output to a pipe or file */
	TEXT_MODE_RAW		/* --raw: only ill-formed UTF-8 is replaced */
};

/*
 * The one display policy (doc/reliability.md).  Returns a new string
 * that is safe to write to a terminal:
 *  - TAB: kept in PIPE/RAW mode; in TTY mode expanded with spaces to the
 *    next multiple of 8 columns (counted from the start of s or the last LF).
 *  - LF: kept in every mode.
 *  - other C0 bytes and DEL: caret form "^M", "^[", "^@", "^?" (every mode
 *    but RAW).
 *  - C1 code points U+0080..U+009F: "<U+009B>" (every mode but RAW).
 *  - ill-formed UTF-8: one U+FFFD per maximal subpart, never swallowing the
 *    next valid byte ("\xE0\x80A" -> "\uFFFD\uFFFDA"), in every mode.
 *  - bidi controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)
 *    and invisible format characters (U+00AD, U+180E, U+200B, U+2060..U+2064,
 *    U+FEFF, U+E0000..U+E007F, U+FFF9..U+FFFB): "<U+202E>" form (not RAW).
 *  - noncharacters (U+FDD0..U+FDEF, U+FFFE, U+FFFF, ... U+10FFFF): U+FFFD
 *    (not RAW); unassigned code points (the rest of category Cn): U+FFFD
 *    in TTY mode, kept in PIPE mode (a newer Unicode may assign them).
 *  - combining marks: at most 4 after one base in TTY mode; the rest are
 *    dropped and replaced by a single U+2026 after the kept ones.
 * If ascii_only (non-UTF-8 locale), every code point >= U+0080 that survives
 * the rules above is written as "\u00e9" or "\U0001f600" so that no byte
 * >= 0x80 is ever output.
 * If marks is not NULL, *marks receives a malloc'ed array, one byte per
 * output byte, set to 1 where the byte belongs to a placeholder the rules
 * above inserted (for showing placeholders in a distinct attribute), else 0.
 * Fitting and wrapping (text_fit, text_wrap) keep every placeholder whole.
 */
char	*text_sanitize(const char *s, size_t n, enum text_mode mode,
	    bool ascii_only, unsigned char **marks);

/*
 * text_sanitize(), and if map is not NULL, where each source byte went:
 * *map receives a malloc'ed array of n + 1 offsets, map[i] the offset in
 * the result where the output of the character that holds s[i] begins
 * (so an offset inside a character counts as that character's start, and
 * a dropped character maps to where it would have been); map[n] is the
 * length of the result.  The caller frees it.
 */
char	*text_sanitize_map(const char *s, size_t n, enum text_mode mode,
	    bool ascii_only, unsigned char **marks, size_t **map);

/*
 * Append s[0..n) to out as a JSON string, quotes included: well-formed
 * UTF-8 as it is, except that '"' and '\\' are escaped, and every control
 * character (C0, DEL, C1), format character (bidi controls, invisible
 * characters), unassigned code point, noncharacter and line or paragraph
 * separator is written as a \u escape (a surrogate pair beyond U+FFFF),
 * so that the JSON is exact and yet nothing in it acts on a terminal.
 * Ill-formed UTF-8 becomes one U+FFFD per maximal subpart, as in
 * text_sanitize(): the result is always valid JSON.  If ascii_only, every
 * code point >= U+0080 is a \u escape too, so no byte >= 0x80 is output.
 */
void	 text_json_quote(struct text_buf *out, const char *s, size_t n,
	    bool ascii_only);

/*
 * Display width in terminal columns of the UTF-8 string s[0..n), as
 * libunistring's u8_width with the "UTF-8" encoding: wide/fullwidth
 * characters count 2, combining and zero-width characters 0.  Meant for
 * strings that went through text_sanitize(TTY) (control characters would
 * count 0 otherwise).  Ill-formed bytes count 1 each.
 */
size_t	 text_width(const char *s, size_t n);

/*
 * The longest prefix of s[0..n) that fits in cols columns, never splitting
 * a character, a placeholder of text_sanitize() or separating a base from
 * its combining marks.  Returns the prefix length in bytes; *width (if not
 * NULL) receives its width.
 */
size_t	 text_fit(const char *s, size_t n, size_t cols, size_t *width);

/*
 * s[0..n) in at most cols columns, saying so when it is cut: s itself if
 * it fits; otherwise its longest prefix that leaves room for ellipsis (as
 * text_fit cuts, blanks at the cut dropped), then ellipsis (the caller's:
 * U+2026, or "..." where the output is ASCII only).  If not even the
 * ellipsis fits, as much of it as does.  Returns a new string; *width (if
 * not NULL) receives its width.
 */
char	*text_fit_ellipsis(const char *s, size_t n, size_t cols,
	    const char *ellipsis, size_t *width);

/* The fewest columns text_indent_fit() leaves for text. */
#define TEXT_MIN_COLS	8

/*
 * Text indented by *indent columns in lines of cols columns (cols > 0):
 * returns the columns left for the text, never fewer than TEXT_MIN_COLS
 * (or cols, if that is less), and reduces *indent where the two would not
 * fit side by side, so that indent plus text never exceeds cols.
 */
size_t	 text_indent_fit(size_t cols, size_t *indent);

/* A byte range [start, end) of a string. */
struct text_range {
	size_t	start;
	size_t	end;
};

/* One line of wrapped text: a byte range of the input, and its width. */
struct text_line {
	size_t	off;		/* byte offset of the line in the input */
	size_t	len;		/* bytes, without the break (trailing spaces
				   and the LF are excluded) */
	size_t	width;		/* display columns of s[off..off+len) */
};

/*
 * Break s[0..n) into lines of at most cols columns with Unicode line
 * breaking (UAX #14, u8_possible_linebreaks): a line never starts with a
 * closing punctuation such as "，。、", wide characters are never split.
 * Tailored so that a line never breaks inside a placeholder of
 * text_sanitize(), an abbreviation ("U.S.", "e.g.") or a URL.
 * LF is a mandatory break; blank lines come out as empty lines; a final LF
 * ends the last line and starts no empty one ("a\n" is one line).  A word
 * wider than cols is cut between grapheme clusters (a placeholder is one;
 * one wider than cols goes on a line of its own, which is then wider than
 * cols).  cols 0 is treated as 1.
 * Returns the number of lines and stores a malloc'ed array in *lines
 * (NULL when the result is 0 lines, for n == 0).  The caller frees it.
 */
size_t	 text_wrap(const char *s, size_t n, size_t cols,
	    struct text_line **lines);

/*
 * Fold s[0..n) for matching: full Unicode case folding (u8_casefold:
 * "Straße" and "STRASSE" fold alike) and removal of accents (NFD, then all
 * combining marks dropped: "coöperation" -> "cooperation").  ASCII runs take
 * a fast path; the result is byte-identical to the slow path.  Ill-formed
 * bytes pass through unchanged (each maps to its own offset).
 * Returns the folded string and its length in *outlen.  If map is not NULL,
 * *map receives a malloc'ed array of *outlen + 1 entries: map[i] is the byte
 * offset in s of the character that produced folded byte i (map[*outlen]
 * == n), so that a match in the folded text can be highlighted in s.
 */
char	*text_fold(const char *s, size_t n, size_t *outlen, size_t **map);

/* The slow, libunistring-only fold, for testing text_fold() against. */
char	*text_fold_slow(const char *s, size_t n, size_t *outlen);

/*
 * Fold s[0..n) for search: text_fold() and what else text that reads the
 * same differs by.  Each character c becomes, in order of precedence:
 *  - "'" for the apostrophes ` ʼ ‘ ’ ‚ ‛ and the prime ′; "\"" for the
 *    quotes “ ” „ ‟ and ″; "-" for the dashes ‐ ‑ ‒ – — ― and −;
 *  - " " for every other space character (general category Z);
 *  - ASCII letters lowered, other ASCII itself;
 *  - otherwise NFKD(casefold(NFKD(casefold(c)))) ("Ⅳ" -> "iv",
 *    "ＣＨＩＮＡ" -> "china", "ﬁ" -> "fi", "Straße" -> "strasse", "é" ->
 *    "e"), each character of that mapped as above, combining marks
 *    (general category M) and format characters (Cf: soft hyphen,
 *    zero-width space and joiners, bidi controls) dropped.
 * Ill-formed bytes pass through.  Blanks are not collapsed.  Ownership,
 * *outlen and *map as text_fold() (map[i]: where the character that made
 * folded byte i starts in s).
 */
char	*text_search_fold(const char *s, size_t n, size_t *outlen,
	    size_t **map);

/* The same by whole runs through libunistring, for testing. */
char	*text_search_fold_slow(const char *s, size_t n, size_t *outlen);

/*
 * True if a word begins at s[at] in the folded text s[0..n): at the start,
 * or where the characters on either side do not both join words (letters
 * and digits do, but each ideograph is a word of its own).  For the
 * prefix search "term*".
 */
bool	 text_word_start(const char *s, size_t n, size_t at);

#endif /* CHARTA_TEXT_H */
