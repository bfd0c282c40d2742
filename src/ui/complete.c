/*
 * complete.c -- Tab completion of references in the prompt: document slugs
 * and aliases before the colon, the document's labels after it.  A unique
 * candidate is completed; several are completed to their common prefix and
 * listed on the status line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/corpus.h"
#include "text/text.h"
#include "ui/app.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Candidates collected for one completion. */
struct complete {
	const char	*word;		/* what is typed (after the prefix) */
	size_t		 wlen;
	const char	*first;		/* first match */
	size_t		 common;	/* bytes all matches share */
	size_t		 count;
	struct text_buf	 list;		/* the first few, for the status */
};

static void
complete_offer(struct complete *cp, const char *cand)
{
	size_t	k;

	if (*cand == '\0' || strncasecmp(cand, cp->word, cp->wlen) != 0)
		return;
	if (cp->count == 0) {
		cp->first = cand;
		cp->common = strlen(cand);
	} else {
		for (k = 0; k < cp->common && cand[k] != '\0' &&
		    (cand[k] | 0x20) == (cp->first[k] | 0x20); k++)
			;
		cp->common = k;
	}
	if (cp->count < 12) {
		if (cp->list.len > 0)
			text_buf_addc(&cp->list, ' ');
		text_buf_puts(&cp->list, cand);
	} else if (cp->count == 12)
		text_buf_puts(&cp->list, " ...");
	cp->count++;
}

void
app_complete(struct app *a)
{
	const struct corpus	*c = a->c;
	const char		*text = prompt_text(&a->pr), *ref, *colon;
	struct complete		 cp;
	struct text_buf		 out;
	size_t			 head = 0, d, i;
	uint32_t		 doc;

	/* In the command line, only the argument of goto is completed. */
	if (a->prompt_kind == APP_PROMPT_COMMAND) {
		if (strncmp(text, "goto ", 5) == 0)
			head = 5;
		else if (strncmp(text, "g ", 2) == 0)
			head = 2;
		else if (strncmp(text, "compare ", 8) == 0)
			/* the word being typed: the first or second REF */
			head = (size_t)(strrchr(text, ' ') - text) + 1;
		else
			return;
	}
	ref = text + head;
	memset(&cp, 0, sizeof cp);
	text_buf_init(&cp.list);
	colon = strchr(ref, ':');
	if (colon == NULL) {
		cp.word = ref;
		cp.wlen = strlen(ref);
		for (d = 0; d < c->ndocs; d++) {
			complete_offer(&cp, c->docs[d].slug);
			complete_offer(&cp, c->docs[d].alias);
		}
	} else {
		doc = corpus_find_doc(c, ref, (size_t)(colon - ref));
		if (doc == CORPUS_NONE) {
			app_message(a, true, _("no document '%.*s'"),
			    (int)(colon - ref), ref);
			text_buf_free(&cp.list);
			return;
		}
		cp.word = colon + 1;
		cp.wlen = strlen(colon + 1);
		for (i = c->docs[doc].root + 1; i < c->docs[doc].end; i++)
			/* Paragraphs only once their section is typed. */
			if (!kind_is_block(c->nodes[i].kind) ||
			    strchr(cp.word, '.') != NULL)
				complete_offer(&cp, c->nodes[i].label);
	}
	if (cp.count == 0) {
		app_message(a, true, "%s", _("no completion"));
		text_buf_free(&cp.list);
		return;
	}
	text_buf_init(&out);
	text_buf_add(&out, text, (size_t)(cp.word - text));
	text_buf_add(&out, cp.first, cp.common);
	if (cp.count == 1 && colon == NULL)
		text_buf_addc(&out, ':');
	prompt_set(&a->pr, out.data);
	text_buf_free(&out);
	if (cp.count > 1)
		app_message(a, false, "%s", cp.list.data);
	else
		app_message(a, false, NULL);
	text_buf_free(&cp.list);
}
