/*
 * replace.c -- a corpus database rewritten with documents replaced, added
 * or removed (see cli.h): what `charta import` and `charta remove` publish.
 * The new corpus is built whole in memory and written by store_write_corpus,
 * which replaces the file atomically: the change is one transaction.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

void
cli_doc_counts(const struct corpus *c, uint32_t d, size_t *sections,
    size_t *blocks)
{
	uint32_t	i;

	*sections = *blocks = 0;
	for (i = c->docs[d].root + 1; i < c->docs[d].end; i++) {
		if (corpus_node_is_section(c, i))
			(*sections)++;
		else
			(*blocks)++;
	}
}

char *
cli_doc_size(size_t sections, size_t blocks)
{
	char	*s, *b, *both;

	s = xasprintf(ngettext("%zu section", "%zu sections",
	    (unsigned long)sections), sections);
	b = xasprintf(ngettext("%zu paragraph", "%zu paragraphs",
	    (unsigned long)blocks), blocks);
	/* TRANSLATORS: "3 sections" and "12 paragraphs". */
	both = xasprintf(_("%s and %s"), s, b);
	free(s);
	free(b);
	return both;
}

/* The document of c whose slug is slug (exactly, ASCII case aside). */
static uint32_t
replace_find(const struct corpus *c, const char *slug)
{
	size_t	d;

	for (d = 0; c != NULL && d < c->ndocs; d++)
		if (strcasecmp(c->docs[d].slug, slug) == 0)
			return (uint32_t)d;
	return CORPUS_NONE;
}

struct corpus *
cli_corpus_rebuild(const struct corpus *old, const struct corpus *fresh,
    char **remove, int nremove, struct text_buf *warnings)
{
	struct corpus	*c = corpus_new();
	uint32_t	 f, a, b;
	size_t		 d, i;
	int		 k;
	char		*ra, *rb, *msg;
	bool		*placed;

	placed = xcalloc(fresh != NULL ? fresh->ndocs + 1 : 1, sizeof *placed);
	/* Old documents in their order, a new one where it replaces one. */
	for (d = 0; old != NULL && d < old->ndocs; d++) {
		for (k = 0; k < nremove; k++)
			if (strcasecmp(old->docs[d].slug, remove[k]) == 0)
				break;
		if (k < nremove)
			continue;
		f = fresh != NULL ? replace_find(fresh, old->docs[d].slug) :
		    CORPUS_NONE;
		if (f != CORPUS_NONE) {
			corpus_copy_doc(c, fresh, f);
			placed[f] = true;
		} else
			corpus_copy_doc(c, old, (uint32_t)d);
	}
	for (d = 0; fresh != NULL && d < fresh->ndocs; d++)
		if (!placed[d])
			corpus_copy_doc(c, fresh, (uint32_t)d);
	free(placed);
	if (corpus_finish(c, &a, &b) == -1)
		return c;	/* the caller reports the clash */
	/* The old links, by reference: those that still name passages. */
	for (i = 0; old != NULL && i < old->nlinks; i++) {
		ra = corpus_node_ref(old, old->links[i].from);
		rb = corpus_node_ref(old, old->links[i].to);
		a = corpus_resolve(c, ra, strlen(ra));
		b = corpus_resolve(c, rb, strlen(rb));
		if (a != CORPUS_NONE && b != CORPUS_NONE)
			corpus_add_link(c, a, b, old->links[i].relation,
			    old->links[i].note);
		else if (warnings != NULL) {
			msg = xasprintf(_("the link from %s to %s (%s) is "
			    "dropped: %s names no passage now"), ra, rb,
			    old->links[i].relation, a == CORPUS_NONE ? ra : rb);
			text_buf_puts(warnings, msg);
			text_buf_addc(warnings, '\n');
			free(msg);
		}
		free(ra);
		free(rb);
	}
	return c;
}
