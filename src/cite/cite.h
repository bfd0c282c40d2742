/*
 * cite.h -- citations of the corpus's passages, and their "see also"
 * links.  No curses and no SQLite here: the reader's yank keys, `charta
 * cite` and `charta links` all come through these functions, so that the
 * screen and the command line cite alike.
 *
 * A citation is made from the document's front matter only (cite_meta:
 * one accessor reads struct corpus_doc) and the cited node's place in its
 * document (its label, its section, its page where the source gives one).
 * Nothing is guessed: a field the front matter lacks is left out.
 *
 * Every string handed out is valid UTF-8 with no control character but
 * LF, and no bidi or invisible format character: the metadata went through
 * the display policy (text_sanitize) before any format's own escaping, so
 * that hostile metadata can neither break a format's syntax nor carry an
 * escape sequence to a terminal or a clipboard.
 */
#ifndef CHARTA_CITE_H
#define CHARTA_CITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct corpus;

/* The formats, in the order of their names in CITE_FORMAT_NAMES. */
enum cite_format {
	CITE_PLAIN,		/* title, issuer, date, reference, paragraph */
	CITE_CHICAGO,		/* Chicago notes-bibliography, a full note */
	CITE_BIBTEX,		/* one entry per cited node */
	CITE_CSL_JSON,		/* an array of CSL items (Zotero imports it) */
	CITE_MARKDOWN,		/* the Chicago note with Markdown's markup */
	CITE__COUNT
};

/* The formats' names, as the config file and --format take them. */
#define CITE_FORMAT_NAMES	"plain chicago bibtex csl-json markdown"

/* The format named name ("csl-json"): 0, or -1 if there is none. */
int		 cite_format_from_name(const char *name,
		    enum cite_format *out);
/* The name of format f ("plain"). */
const char	*cite_format_name(enum cite_format f);

/*
 * What a citation needs of a document, each field cleaned (see above) and
 * on one line: a line break in the data shows as "^J".  Unset fields are
 * "" (never NULL).  This is the one place that reads a document's front
 * matter for citing.
 */
struct cite_meta {
	char	*slug;
	char	*title;
	char	*issuer;	/* who issued it: an institutional author */
	char	*author;	/* a person a by-line names */
	char	*translator;
	char	*publisher;
	char	*container;	/* the newsletter, series or body it is in */
	char	*date;		/* as the front matter gives it */
	char	*language;
	char	*url;
	char	*kind;		/* strategy, news, article ... */
};

/* Fill m from document doc of c; free it with cite_meta_free. */
void		 cite_meta_init(struct cite_meta *m, const struct corpus *c,
		    uint32_t doc);
/* Free the fields of m (not m itself). */
void		 cite_meta_free(struct cite_meta *m);

/*
 * The citations of nodes[0..n) in format f, one after another: a line
 * each in plain, chicago and markdown, an entry each in bibtex, and one
 * array of n items in csl-json.  With with_text each comes with the
 * passage's text: before the citation in plain and chicago, as a block
 * quote in markdown, in the annote field in bibtex and csl-json.
 * Returns a new string ending in a newline, which the caller frees.
 * If warning is not NULL it receives NULL, or a new (translated) message
 * saying what could not be done exactly (a Markdown citation of a
 * document without a URL has no link).
 */
char		*cite_nodes(const struct corpus *c, const uint32_t *nodes,
		    size_t n, enum cite_format f, bool with_text,
		    char **warning);

/*
 * The text of node i and everything under it, cleaned (see above; line
 * breaks kept): headings with their labels, blocks separated by blank
 * lines.  A new string the caller frees.
 */
char		*cite_passage_text(const struct corpus *c, uint32_t i);

/* One "see also" link as seen from a node (data/links.tsv). */
struct cite_link {
	uint32_t	 link;		/* index into corpus.links */
	uint32_t	 here;		/* the node it was found from */
	uint32_t	 other;		/* the node at its other end */
	bool		 outgoing;	/* here is the link's from */
};

/*
 * An index of the corpus's links by node, for asking often which nodes
 * have links (the outline's marker).  Built once; read-only after.
 */
struct cite_links;

/* Index the links of c (which must outlive the index). */
struct cite_links *cite_links_new(const struct corpus *c);
/* Free the index; NULL is a no-op. */
void		 cite_links_free(struct cite_links *);
/* True if node i is at either end of a link. */
bool		 cite_links_has(const struct cite_links *, uint32_t i);

/*
 * The links of node i (subtree false), or of i and every node under it
 * (subtree true), in either direction, in the order of data/links.tsv.
 * Returns how many, with a malloc'ed array in *out (NULL if none) that
 * the caller frees.
 */
size_t		 cite_links_of(const struct corpus *c, uint32_t i,
		    bool subtree, struct cite_link **out);

#endif /* CHARTA_CITE_H */
