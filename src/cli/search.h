/*
 * search.h -- what `charta search` found, however it found it: by reading
 * the corpus once as it streams by (search-stream.c), or from the whole
 * corpus loaded and indexed (cmd-search.c).  Private to the two.
 */
#ifndef CHARTA_CLI_SEARCH_H
#define CHARTA_CLI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cli_ctx;
struct corpus;
struct query;

/* A node that matched: what the output says of it. */
struct search_hit {
	uint32_t	 doc;		/* in the corpus's docs */
	uint8_t		 kind;		/* enum node_kind */
	const char	*label;		/* "" for a document's node */
	const char	*text;		/* a block's text, else the title */
	size_t		 len;
};

/* What a search found, in reading order. */
struct search_found {
	const struct corpus	*docs;		/* its docs name the documents */
	struct query		*q;
	struct search_hit	*hits;
	size_t			 n;
	void			*own;		/* what the above live in */
};

/*
 * The search of ctx's query, reading the corpus once as it streams by,
 * without loading it: for --db, or the shipped corpus when the user has
 * none of their own.  The labels and texts are kept only if keep_text
 * (not for --count).  Returns 0 and fills in *found (free it with
 * search_found_free), or -1, having printed nothing, when the search is
 * not one to do so (the user's corpus beside the shipped one) or anything
 * is wrong with the corpus or the query: then the caller loads the corpus
 * whole and searches that, and says what is wrong.
 */
int	search_stream(const struct cli_ctx *ctx, bool keep_text,
	    struct search_found *found);

/* Free what search_stream found; the struct is left zeroed. */
void	search_found_free(struct search_found *);

#endif /* CHARTA_CLI_SEARCH_H */
