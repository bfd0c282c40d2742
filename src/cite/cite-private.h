/*
 * cite-private.h -- what the files of src/cite share: cleaned strings,
 * dates, the place of a node in its document, and the formats' writers.
 */
#ifndef CHARTA_CITE_PRIVATE_H
#define CHARTA_CITE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cite/cite.h"

struct corpus;
struct text_buf;

/*
 * s[0..n) through the display policy (text_sanitize, pipe mode), on one
 * line: LF and TAB show as "^J" and "^I".  A new string.
 */
char	*cite_clean_line(const char *s, size_t n);

/* A front-matter date: YYYY, YYYY-MM or YYYY-MM-DD. */
struct cite_date {
	int	parts;		/* 1 to 3; 0 if the date is not of that form */
	int	year;
	int	month;		/* 1-12 */
	int	day;		/* 1-31 */
};

/* Read s into *d (parts 0 if s is empty or of another form). */
void	 cite_date_parse(const char *s, struct cite_date *d);
/* The English name of month m (1-12), as Chicago writes dates. */
const char *cite_month_name(int m);

/* Where a cited node is: its document's metadata and its locators. */
struct cite_place {
	uint32_t		 node;
	bool			 whole;		/* the document itself */
	struct cite_meta	 m;
	char			*ref;		/* "iscc-2017-mfa:II.2.p1" */
	/*
	 * Chicago's locator: "sec. II.2, para. 1", "chap. II", "preface,
	 * para. 2", "sec. II.2, p. 4"; "" for a whole document.
	 */
	char			*locator;
	/*
	 * The plain format's: the heading of the section it is in and the
	 * paragraph ("2. The Principle of Sovereignty, paragraph 1").
	 */
	char			*where;
	char			*text;		/* with_text: the passage */
};

/* Fill p for node i of c (with its text if with_text). */
void	 cite_place_init(struct cite_place *p, const struct corpus *c,
	    uint32_t i, bool with_text);
void	 cite_place_free(struct cite_place *p);

/* The kinds of document cited as a part of something (an article). */
bool	 cite_is_article(const struct cite_meta *m);

/*
 * The writers of each format: append the citation of p to b.  The note
 * formats (format-note.c) write one line; the data formats
 * (format-data.c) one entry, or one array item (first: the first item).
 */
void	 cite_write_plain(struct text_buf *b, const struct cite_place *p);
void	 cite_write_chicago(struct text_buf *b, const struct cite_place *p);
void	 cite_write_markdown(struct text_buf *b, const struct cite_place *p);
void	 cite_write_bibtex(struct text_buf *b, const struct cite_place *p);
void	 cite_write_csl_item(struct text_buf *b, const struct cite_place *p,
	    bool first);

#endif /* CHARTA_CITE_PRIVATE_H */
