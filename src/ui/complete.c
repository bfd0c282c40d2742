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
#include "util/command.h"
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

/*
 * The kind of the word being typed on the command line text, and where it
 * starts (*head): a command's name, or its argument of the kind the
 * command table says.
 */
static enum command_arg
complete_kind(const struct app *a, const char *text, size_t *head)
{
	const struct command	*cmd;
	const char		*sp = strchr(text, ' '), *last;
	char			*name;
	int			 nth = 0;

	*head = 0;
	if (sp == NULL)
		return COMMAND_ARG_COMMAND;
	name = xstrndup(text, (size_t)(sp - text));
	cmd = app_find_command(a, name);
	free(name);
	last = strrchr(text, ' ');
	*head = (size_t)(last - text) + 1;
	if (cmd == NULL)
		return COMMAND_ARG_NONE;
	/* Which argument: count the words before the last. */
	for (; sp < last; sp++)
		if (*sp == ' ' && sp[1] != ' ')
			nth++;
	return cmd->args[nth < 2 ? nth : 2];
}

void
app_complete(struct app *a)
{
	const struct corpus	*c = a->c;
	const char		*text = prompt_text(&a->pr), *ref, *colon;
	struct complete		 cp;
	struct text_buf		 out;
	size_t			 head = 0, d, i, k;
	uint32_t		 doc;
	enum command_arg	 kind = COMMAND_ARG_REF;

	/* On the command line, what is typed decides what completes. */
	if (a->prompt_kind == APP_PROMPT_COMMAND) {
		kind = complete_kind(a, text, &head);
		if (kind != COMMAND_ARG_REF && kind != COMMAND_ARG_COMMAND) {
			app_message(a, true, "%s", _("no completion"));
			return;
		}
	}
	ref = text + head;
	memset(&cp, 0, sizeof cp);
	text_buf_init(&cp.list);
	colon = strchr(ref, ':');
	if (kind == COMMAND_ARG_COMMAND) {
		cp.word = ref;
		cp.wlen = strlen(ref);
		for (i = 0; i < a->ncommands; i++) {
			if (a->commands[i].tui == NULL)
				continue;
			complete_offer(&cp, a->commands[i].name);
			for (k = 0; k < COMMAND_MAX_ALIASES &&
			    a->commands[i].aliases[k] != NULL; k++)
				if (strlen(a->commands[i].aliases[k]) > 1)
					complete_offer(&cp,
					    a->commands[i].aliases[k]);
		}
	} else if (colon == NULL) {
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
	/* A whole name: a command takes a space, a document a colon. */
	if (cp.count == 1 && kind == COMMAND_ARG_COMMAND)
		text_buf_addc(&out, ' ');
	else if (cp.count == 1 && colon == NULL)
		text_buf_addc(&out, ':');
	prompt_set(&a->pr, out.data);
	text_buf_free(&out);
	if (cp.count > 1)
		app_message(a, false, "%s", cp.list.data);
	else
		app_message(a, false, NULL);
	text_buf_free(&cp.list);
}
