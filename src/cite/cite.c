/*
 * cite.c -- the citations of a list of nodes in one format (see cite.h):
 * the formats by name, and the writers of format-note.c and format-data.c
 * put one after another.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cite/cite-private.h"
#include "model/corpus.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const char *const cite_names[CITE__COUNT] = {
	[CITE_PLAIN] = "plain",
	[CITE_CHICAGO] = "chicago",
	[CITE_BIBTEX] = "bibtex",
	[CITE_CSL_JSON] = "csl-json",
	[CITE_MARKDOWN] = "markdown",
};

int
cite_format_from_name(const char *name, enum cite_format *out)
{
	int	f;

	for (f = 0; f < CITE__COUNT; f++)
		if (strcmp(cite_names[f], name) == 0) {
			*out = (enum cite_format)f;
			return 0;
		}
	return -1;
}

const char *
cite_format_name(enum cite_format f)
{
	return (unsigned)f < CITE__COUNT ? cite_names[f] : "";
}

char *
cite_nodes(const struct corpus *c, const uint32_t *nodes, size_t n,
    enum cite_format f, bool with_text, char **warning)
{
	struct text_buf		b;
	struct cite_place	p;
	size_t			k;

	if (warning != NULL)
		*warning = NULL;
	text_buf_init(&b);
	if (f == CITE_CSL_JSON)
		text_buf_puts(&b, "[\n");
	for (k = 0; k < n; k++) {
		cite_place_init(&p, c, nodes[k], with_text);
		/* Entries, and passages, are set apart by a blank line. */
		if (k > 0 && (f == CITE_BIBTEX || with_text) &&
		    f != CITE_CSL_JSON)
			text_buf_addc(&b, '\n');
		switch (f) {
		case CITE_PLAIN:
			cite_write_plain(&b, &p);
			break;
		case CITE_CHICAGO:
			cite_write_chicago(&b, &p);
			break;
		case CITE_BIBTEX:
			cite_write_bibtex(&b, &p);
			break;
		case CITE_CSL_JSON:
			cite_write_csl_item(&b, &p, k == 0);
			break;
		default:
			cite_write_markdown(&b, &p);
			if (*p.m.url == '\0' && warning != NULL &&
			    *warning == NULL)
				*warning = xasprintf(_("%s has no URL: its "
				    "Markdown citation has no link"),
				    p.m.slug);
			break;
		}
		cite_place_free(&p);
	}
	if (f == CITE_CSL_JSON)
		text_buf_puts(&b, n > 0 ? "\n]\n" : "]\n");
	text_buf_puts(&b, "");
	return text_buf_steal(&b);
}
