/*
 * links.c -- reading a links file (data/links.tsv): one link a line,
 * FROM<TAB>TO<TAB>RELATION[<TAB>NOTE], '#' comments and blank lines
 * ignored.  Every reference must name a node of the corpus: a link that
 * points nowhere fails the import (and so the build) with its line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "model/corpus.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define LINKS_FIELDS	4

int
import_links(struct corpus *c, const char *name, const char *data,
    size_t len, char **err)
{
	const char	*s = data, *end = data + len, *e, *f[LINKS_FIELDS + 1];
	size_t		 lno = 0, fl[LINKS_FIELDS + 1];
	uint32_t	 node[2];
	int		 nf, k;
	char		*rel, *note;

	*err = NULL;
	for (; s < end; s = e + 1) {
		lno++;
		e = memchr(s, '\n', (size_t)(end - s));
		if (e == NULL)
			e = end;
		if (s == e || *s == '#')
			continue;
		/* Split at tabs. */
		nf = 0;
		f[0] = s;
		for (const char *p = s; p <= e && nf <= LINKS_FIELDS; p++) {
			if (p == e || *p == '\t') {
				fl[nf] = (size_t)(p - f[nf]);
				nf++;
				f[nf] = p + 1;
			}
		}
		if (nf < 3 || nf > LINKS_FIELDS) {
			*err = xasprintf(_("%s:%zu: expected FROM, TO, "
			    "RELATION and an optional NOTE, separated by tabs"),
			    name, lno);
			return -1;
		}
		for (k = 0; k < 2; k++) {
			node[k] = corpus_resolve(c, f[k], fl[k]);
			if (node[k] == CORPUS_NONE) {
				*err = xasprintf(_("%s:%zu: no such reference "
				    "'%.*s'"), name, lno,
				    (int)(fl[k] > 80 ? 80 : fl[k]), f[k]);
				return -1;
			}
		}
		if (node[0] == node[1] || fl[2] == 0) {
			*err = xasprintf(node[0] == node[1] ?
			    _("%s:%zu: a link from a passage to itself") :
			    _("%s:%zu: the relation is empty"), name, lno);
			return -1;
		}
		rel = xstrndup(f[2], fl[2]);
		note = nf > 3 ? xstrndup(f[3], fl[3]) : xstrdup("");
		corpus_add_link(c, node[0], node[1], rel, note);
		free(rel);
		free(note);
	}
	return 0;
}
