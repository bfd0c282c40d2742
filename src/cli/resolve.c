/*
 * resolve.c -- turning a reference typed by the user into a node, with a
 * message that says what was wrong (see cli.h).
 */
#include "config.h"

#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "util/i18n.h"

unsigned int
cli_resolve(const struct corpus *c, const char *ref)
{
	const char	*colon;
	uint32_t	 n, d;

	n = corpus_resolve(c, ref, strlen(ref));
	if (n != CORPUS_NONE)
		return n;
	colon = strchr(ref, ':');
	d = corpus_find_doc(c, ref, colon ? (size_t)(colon - ref) :
	    strlen(ref));
	if (d == CORPUS_NONE)
		output_error(_("no document '%.*s' (try 'charta list')"),
		    colon ? (int)(colon - ref) : (int)strlen(ref), ref);
	else
		output_error(_("%s has nothing labelled '%s' (try 'charta "
		    "toc %s')"), c->docs[d].slug, colon + 1, c->docs[d].slug);
	return CORPUS_NONE;
}
