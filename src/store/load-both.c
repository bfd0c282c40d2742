/*
 * load-both.c -- the shipped corpus and the user's own, loaded together
 * (see store.h).  The shipped corpus loads as it always did; the user's is
 * loaded after it and appended, so a start without one costs nothing more,
 * and nothing wrong with the user's corpus -- damage, a document whose
 * slug a newer shipped corpus took -- ever stops the shipped one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Add a line to the notes. */
static void
both_note(struct text_buf *notes, const char *line)
{
	if (notes->len > 0)
		text_buf_addc(notes, '\n');
	text_buf_puts(notes, line);
}

/* Does a name of user document d name a document of c? */
static const char *
both_clash(const struct corpus *c, const struct corpus_doc *d)
{
	if (corpus_find_doc(c, d->slug, strlen(d->slug)) != CORPUS_NONE)
		return d->slug;
	if (*d->alias != '\0' &&
	    corpus_find_doc(c, d->alias, strlen(d->alias)) != CORPUS_NONE)
		return d->alias;
	return NULL;
}

/*
 * u without the documents whose names c has (each named in a note), and
 * without the links to them.  Returns u itself if nothing clashes.
 */
static struct corpus *
both_drop_clashes(const struct corpus *c, struct corpus *u, const char *path,
    struct text_buf *notes)
{
	struct corpus	*k;
	const char	*name;
	uint32_t	*map, a, b;
	size_t		 d, i, nclash = 0;
	char		*msg;
	bool		*drop;

	drop = xcalloc(u->ndocs, sizeof *drop);
	for (d = 0; d < u->ndocs; d++) {
		if ((name = both_clash(c, &u->docs[d])) == NULL)
			continue;
		drop[d] = true;
		nclash++;
		msg = xasprintf(_("%s: your document '%s' is not shown: '%s' "
		    "names a shipped document too; import it again under "
		    "another slug"), path, u->docs[d].slug, name);
		both_note(notes, msg);
		free(msg);
	}
	if (nclash == 0) {
		free(drop);
		return u;
	}
	k = corpus_new();
	map = xcalloc(u->nnodes, sizeof *map);
	for (d = 0; d < u->ndocs; d++) {
		if (drop[d]) {
			for (i = u->docs[d].root; i < u->docs[d].end; i++)
				map[i] = CORPUS_NONE;
			continue;
		}
		a = corpus_copy_doc(k, u, (uint32_t)d);
		for (i = u->docs[d].root; i < u->docs[d].end; i++)
			map[i] = a + (uint32_t)(i - u->docs[d].root);
	}
	for (i = 0; i < u->nlinks; i++)
		if (map[u->links[i].from] != CORPUS_NONE &&
		    map[u->links[i].to] != CORPUS_NONE)
			corpus_add_link(k, map[u->links[i].from],
			    map[u->links[i].to], u->links[i].relation,
			    u->links[i].note);
	(void)corpus_finish(k, &a, &b);
	free(map);
	free(drop);
	corpus_free(u);
	return k;
}

struct corpus *
store_load_corpora(const char *shipped, const char *user, char **notes,
    char **err)
{
	struct corpus		*c, *u;
	struct corpus_link	*links;
	struct text_buf		 nb;
	char			*note = NULL, *uerr = NULL, *msg;
	size_t			 i, nlinks;
	uint32_t		 base, a, b;

	*notes = NULL;
	text_buf_init(&nb);
	c = store_load_corpus_note(shipped, &note, err);
	if (note != NULL)
		both_note(&nb, note);
	free(note);
	note = NULL;
	if (c == NULL || user == NULL || access(user, F_OK) == -1)
		goto out;
	u = store_load_corpus_note(user, &note, &uerr);
	if (note != NULL)
		both_note(&nb, note);
	free(note);
	if (u == NULL) {
		msg = xasprintf(_("%s; your own documents are not shown"),
		    uerr);
		both_note(&nb, msg);
		free(msg);
		free(uerr);
		goto out;
	}
	for (i = 0; i < u->ndocs; i++)
		u->docs[i].origin = CORPUS_USER;
	u = both_drop_clashes(c, u, user, &nb);
	if (u->ndocs == 0) {
		corpus_free(u);
		goto out;
	}
	/* corpus_append moves nodes, not links: they are added after. */
	base = (uint32_t)c->nnodes;
	nlinks = u->nlinks;
	links = xcalloc(nlinks + 1, sizeof *links);
	if (nlinks > 0)
		memcpy(links, u->links, nlinks * sizeof *links);
	u->nlinks = 0;
	corpus_append(c, u);
	for (i = 0; i < nlinks; i++)
		corpus_add_link(c, links[i].from + base, links[i].to + base,
		    links[i].relation, links[i].note);
	free(links);
	(void)corpus_finish(c, &a, &b);
out:
	if (nb.len > 0)
		*notes = text_buf_steal(&nb);
	text_buf_free(&nb);
	return c;
}
