/*
 * kind.h -- the kinds of node in a charta document, from one table.
 *
 * Sections (made from headings) and blocks (paragraphs and the like) are
 * both nodes.  The table says, for each kind, its name in the source format
 * and the database, whether it is a block, and at which heading levels a
 * section of that kind may stand.
 */
#ifndef CHARTA_KIND_H
#define CHARTA_KIND_H

#include <stdbool.h>

/* X(ENUM, name, is_block, heading-level mask: bit n = level n allowed) */
#define KIND_TABLE(X)						\
	X(DOCUMENT,	"document",	false,	0x00)		\
	X(CHAPTER,	"chapter",	false,	0x02)		\
	X(PREFACE,	"preface",	false,	0x02)		\
	X(CONCLUSION,	"conclusion",	false,	0x02)		\
	X(LETTER,	"letter",	false,	0x02)		\
	X(SECTION,	"section",	false,	0x0e)		\
	X(PRINCIPLE,	"principle",	false,	0x0c)		\
	X(GOAL,		"goal",		false,	0x0c)		\
	X(ACTION,	"action",	false,	0x0c)		\
	X(PART,		"part",		false,	0x0c)		\
	X(PARAGRAPH,	"paragraph",	true,	0x00)		\
	X(EPIGRAPH,	"epigraph",	true,	0x00)		\
	X(CAPTION,	"caption",	true,	0x00)		\
	X(BYLINE,	"byline",	true,	0x00)		\
	X(PULLQUOTE,	"pullquote",	true,	0x00)		\
	X(SOURCE,	"source",	true,	0x00)		\
	X(TITLE,	"title",	true,	0x00)		\
	X(SIGNATURE,	"signature",	true,	0x00)

enum node_kind {
#define KIND_ENUM(e, n, b, l)	KIND_##e,
	KIND_TABLE(KIND_ENUM)
#undef KIND_ENUM
	KIND__COUNT
};

/* The deepest heading level any kind allows. */
#define KIND_MAX_LEVEL	3

/* The kind's name ("principle"); never NULL for a valid kind. */
const char	*kind_name(enum node_kind);
/* The kind named name[0..len), or -1 if there is none. */
int		 kind_from_name(const char *name, size_t len);
/* True for paragraphs and other blocks, false for sections. */
bool		 kind_is_block(enum node_kind);
/* True if a heading of this kind may stand at level (1 = "#"). */
bool		 kind_allows_level(enum node_kind, int level);

#endif /* CHARTA_KIND_H */
