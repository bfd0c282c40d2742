/*
 * markdown.h -- text put into a Markdown document so that it reads back
 * as itself (CommonMark): what Markdown would take for markup is escaped,
 * so that a passage quoted in an export of the notes stays the passage,
 * whatever characters it holds.
 */
#ifndef CHARTA_MARKDOWN_H
#define CHARTA_MARKDOWN_H

#include <stddef.h>

struct text_buf;

/*
 * Append s[0..n) to b, each of its lines after prefix ("> " for a block
 * quote, "" for none), with the punctuation Markdown reads as markup
 * backslash-escaped (\ ` * _ [ ] < > # | ~ &), the markers of lists,
 * headings and breaks escaped at the start of a line, and spaces at the
 * start and the end of a line, tabs and carriage returns written as
 * character references, which no parser strips.
 */
void	markdown_escape(struct text_buf *b, const char *s, size_t n,
	    const char *prefix);

#endif /* CHARTA_MARKDOWN_H */
