/*
 * corpus.h -- the in-memory corpus: every document's tree in flat arrays.
 *
 * All nodes of all documents live in one array in reading order (each
 * document's nodes in preorder, documents one after another), so "next in
 * reading order" is index + 1 and a document's nodes are one range.  Tree
 * links are indices into the same array; CORPUS_NONE marks "no such node".
 *
 * Building: corpus_new(), then for each document corpus_add_doc() followed
 * by corpus_add_node() for its nodes in preorder (a parent is always added
 * before its children), then corpus_finish() once, which checks the
 * references.  After corpus_finish() the corpus is read-only.
 *
 * Strings passed in are copied into the corpus's own storage; strings handed
 * out live as long as the corpus.
 */
#ifndef CHARTA_CORPUS_H
#define CHARTA_CORPUS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "model/kind.h"

#define CORPUS_NONE	UINT32_MAX

/* Limits the importer enforces and the loader relies on. */
#define CORPUS_MAX_TEXT		(1024 * 1024)	/* bytes in one block */
#define CORPUS_MAX_DEPTH	8		/* document = 0 */
#define CORPUS_MAX_LABEL	64		/* bytes in a label */

/* A document's metadata (front matter).  Unset fields are "" (never NULL). */
struct corpus_doc {
	const char	*slug;
	const char	*alias;
	const char	*title;
	const char	*short_title;
	const char	*issuer;
	const char	*date;
	const char	*language;
	const char	*source;
	const char	*work;
	const char	*kind;
	/* For citations (front matter; corpus schema 2): */
	const char	*author;	/* a by-line's author */
	const char	*translator;
	const char	*publisher;
	const char	*container;	/* the series, newsletter or body it
					   appeared in */
	const char	*url;
	const char	*file;		/* the source file it was imported from */
	uint8_t		 origin;	/* CORPUS_SHIPPED or CORPUS_USER */
	uint32_t	 root;		/* its document node */
	uint32_t	 end;		/* one past its last node */
};

/* Where a document comes from: the shipped corpus or the user's own. */
#define CORPUS_SHIPPED	0
#define CORPUS_USER	1

struct corpus_node {
	uint32_t	 parent;
	uint32_t	 first_child;
	uint32_t	 next_sibling;	/* (corpus_prev_sibling goes back) */
	uint32_t	 doc;		/* index into corpus.docs */
	uint32_t	 line;		/* line in the source file, 0 if unknown */
	int32_t		 page;		/* page in the original, 0 if unknown */
	uint32_t	 text_len;	/* bytes in text (at most CORPUS_MAX_TEXT,
					   NUL-free UTF-8: the importer checks) */
	uint8_t		 depth;		/* document 0, top-level sections 1 */
	uint8_t		 kind;		/* enum node_kind */
	const char	*label;		/* "IV.5.p2"; "" for the document node */
	const char	*anchor;	/* "" if none */
	const char	*title;		/* section heading; "" for blocks */
	const char	*text;		/* block text; "" for sections */
};

/* A link between passages of different works (data/links.tsv). */
struct corpus_link {
	uint32_t	 from;
	uint32_t	 to;
	const char	*relation;	/* "carries forward", "summarizes" */
	const char	*note;		/* "" if none */
};

struct corpus {
	struct corpus_doc	*docs;
	size_t			 ndocs;
	struct corpus_node	*nodes;
	size_t			 nnodes;
	struct corpus_link	*links;
	size_t			 nlinks;
	/* private: */
	size_t			 docs_cap;
	size_t			 nodes_cap;
	size_t			 links_cap;
	uint32_t		 last_at[CORPUS_MAX_DEPTH + 1]; /* building */
	struct corpus_arena	*arena;
	uint64_t		*refs;		/* per node: hash << 32 | node */
	size_t			 nsorted;	/* documents with refs sorted */
	uint32_t		 clash[2];	/* first label clash, if any */
};

/* A new, empty corpus. */
struct corpus	*corpus_new(void);
/* Free the corpus and everything in it; NULL is a no-op. */
void		 corpus_free(struct corpus *);

/*
 * Add a document with the metadata in *meta (root and end are ignored; NULL
 * fields count as "").  Adds its document node (title = meta->title) and
 * returns the node's index.
 */
uint32_t	 corpus_add_doc(struct corpus *, const struct corpus_doc *meta);

/*
 * Add a node under parent (which must belong to the last document added and
 * be the last node added or one of its ancestors, so that nodes come in
 * preorder).  text[0..text_len) is copied; NULL strings count as "".
 * Returns the new node's index.
 */
uint32_t	 corpus_add_node(struct corpus *, uint32_t parent,
		    enum node_kind kind, const char *label, const char *anchor,
		    const char *title, const char *text, size_t text_len,
		    int32_t page, uint32_t line);

/*
 * Make room for nnodes nodes in all, so that adding them never moves the
 * arrays (a loader that knows the count saves the copies and the page
 * faults of growing them).  Only a hint: more nodes can still be added.
 */
void		 corpus_reserve(struct corpus *, size_t nnodes);

/*
 * Append part, a corpus built on its own (its first node a document node,
 * no links), to c: its documents follow c's and its nodes c's, every index
 * in it shifted to match.  part is consumed, its strings moved, not copied:
 * two threads can build the halves of a corpus and join them.  A label
 * clash in part is reported by corpus_finish(c) after c's own.
 */
void		 corpus_append(struct corpus *c, struct corpus *part);

/*
 * Add a copy of document d of src (its metadata and all its nodes) to
 * dst, as corpus_add_doc and corpus_add_node would.  Returns the index of
 * its document node in dst.
 */
uint32_t	 corpus_copy_doc(struct corpus *dst, const struct corpus *src,
		    uint32_t d);

/* Add a link from node from to node to (strings are copied). */
void		 corpus_add_link(struct corpus *, uint32_t from, uint32_t to,
		    const char *relation, const char *note);

/*
 * Check the references.  Returns 0, or -1 if two nodes of one document
 * have the same label or two documents the same slug or alias (compared
 * without regard to ASCII case); then *first and *second receive the two
 * node indices (document nodes for a slug clash).
 */
int		 corpus_finish(struct corpus *, uint32_t *first,
		    uint32_t *second);

/*
 * Is the NUL-terminated label a the label b[0..blen), ASCII case ignored,
 * as labels and references are compared?
 */
bool		 corpus_label_eq(const char *a, const char *b, size_t blen);
/*
 * The document whose slug or alias is name[0..len) (ASCII case ignored), or
 * CORPUS_NONE.
 */
uint32_t	 corpus_find_doc(const struct corpus *, const char *name,
		    size_t len);

/*
 * Resolve a reference: "SLUG", "ALIAS", "SLUG:LABEL" or "ALIAS:LABEL"
 * (ASCII case ignored in both parts).  Returns the node index, or
 * CORPUS_NONE if the reference names nothing.
 */
uint32_t	 corpus_resolve(const struct corpus *, const char *ref,
		    size_t len);

/* The node of document doc labelled label, or CORPUS_NONE. */
uint32_t	 corpus_resolve_label(const struct corpus *, uint32_t doc,
		    const char *label);

/*
 * Write the canonical reference of node i ("iscc-2017-mfa:IV.5", or just the
 * slug for a document node) into a new string the caller frees.
 */
char		*corpus_node_ref(const struct corpus *, uint32_t i);

/*
 * The short reference of node i, as a reader cites it: the document's
 * alias ("mfa:IV.5"; the slug if it has none).  A new string.
 */
char		*corpus_node_short_ref(const struct corpus *, uint32_t i);

/* True if node i is a section (or document), false if a block. */
bool		 corpus_node_is_section(const struct corpus *, uint32_t i);

/* The sibling before node i, or CORPUS_NONE (also for a document). */
uint32_t	 corpus_prev_sibling(const struct corpus *, uint32_t i);

/* The last child of node i, or CORPUS_NONE. */
uint32_t	 corpus_last_child(const struct corpus *, uint32_t i);

/* The index one past the last node in the subtree of node i. */
uint32_t	 corpus_subtree_end(const struct corpus *, uint32_t i);

/* Where a counterpart of a node comes from. */
struct corpus_counterpart {
	uint32_t	 node;
	const char	*relation;	/* "translation", or the link's */
	const char	*note;		/* "" if none */
};

/*
 * The passages that correspond to node i: the same passage in each other
 * translation of its work (documents with the same work: same anchor for
 * a section, same position within the corresponding section for a block,
 * same label where there is no anchor), then the nodes linked to it, in
 * either direction.  Returns how many, and a malloc'ed array in *out (NULL
 * if none).
 */
size_t		 corpus_counterparts(const struct corpus *, uint32_t i,
		    struct corpus_counterpart **out);

#endif /* CHARTA_CORPUS_H */
