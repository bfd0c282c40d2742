/*
 * complete-view.c -- completion in the prompt (see complete.h), and the
 * list of candidates as an overlay view just above the prompt.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/corpus.h"
#include "text/text.h"
#include "ui/complete.h"
#include "ui/screen.h"
#include "ui/spans-draw.h"
#include "ui/view.h"
#include "util/command.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The rows the list takes at most. */
#define COMPLETE_ROWS	8

struct complete {
	char		*head;		/* the text before the word */
	const char	*word;		/* the word typed */
	size_t		 wlen;
	char		**cands;	/* every candidate (not copied) */
	size_t		 n;
	size_t		 cap;
	size_t		 cur;		/* the one in the prompt; n: none */
	const char	*suffix;	/* after a whole candidate: ":" " " */
};

static void
complete_offer(struct complete *cp, const char *cand)
{
	size_t	k;

	if (*cand == '\0' || strncasecmp(cand, cp->word, cp->wlen) != 0)
		return;
	for (k = 0; k < cp->n; k++)
		if (strcmp(cp->cands[k], cand) == 0)
			return;
	cp->cands = xgrowarray(cp->cands, &cp->cap, cp->n + 1,
	    sizeof *cp->cands);
	cp->cands[cp->n++] = (char *)cand;
}

/* The bytes every candidate shares with the first (ASCII case ignored). */
static size_t
complete_common(const struct complete *cp)
{
	size_t	common = strlen(cp->cands[0]), k, i;

	for (k = 1; k < cp->n; k++) {
		for (i = 0; i < common && cp->cands[k][i] != '\0' &&
		    (cp->cands[k][i] | 0x20) == (cp->cands[0][i] | 0x20); i++)
			;
		common = i;
	}
	return common;
}

/* The command line's command named name, with a tui handler, or NULL. */
static const struct command *
complete_command(const struct command *cmds, size_t n, const char *name,
    size_t len)
{
	size_t	i, k;

	for (i = 0; i < n; i++) {
		if (cmds[i].tui == NULL)
			continue;
		if (strlen(cmds[i].name) == len &&
		    strncmp(cmds[i].name, name, len) == 0)
			return &cmds[i];
		for (k = 0; k < COMMAND_MAX_ALIASES && cmds[i].aliases[k]; k++)
			if (strlen(cmds[i].aliases[k]) == len &&
			    strncmp(cmds[i].aliases[k], name, len) == 0)
				return &cmds[i];
	}
	return NULL;
}

/*
 * What the last word of a command line is: a command's name, or its
 * argument of the kind the table says.  *at: where the word starts.
 */
static enum command_arg
complete_kind(const struct command *cmds, size_t ncmds, const char *text,
    size_t *at)
{
	const struct command	*cmd;
	const char		*sp = strchr(text, ' '), *last, *p;
	int			 nth = 0;

	*at = 0;
	if (sp == NULL)
		return COMMAND_ARG_COMMAND;
	cmd = complete_command(cmds, ncmds, text, (size_t)(sp - text));
	last = strrchr(text, ' ');
	*at = (size_t)(last - text) + 1;
	if (cmd == NULL)
		return COMMAND_ARG_NONE;
	/* Which argument: count the words between. */
	for (p = sp; p < last; p++)
		if (*p == ' ' && p[1] != ' ')
			nth++;
	return cmd->args[nth < 2 ? nth : 2];
}

/* Does word start with the label of node i's parent and a dot? */
static bool
complete_under(const struct corpus *c, uint32_t i, const char *word)
{
	uint32_t	p = c->nodes[i].parent;
	const char	*pl = p != CORPUS_NONE ? c->nodes[p].label : "";
	size_t		 n = strlen(pl);

	if (n == 0)		/* a document's own paragraphs: p1, p2 */
		return true;
	return strncasecmp(word, pl, n) == 0 && word[n] == '.';
}

/* Offer the references that start like the word. */
static int
complete_refs(struct app *a, struct complete *cp)
{
	const struct corpus	*c = app_corpus(a);
	const char		*colon = strchr(cp->word, ':');
	uint32_t		 doc, i;
	size_t			 d;

	if (colon == NULL) {
		for (d = 0; d < c->ndocs; d++) {
			complete_offer(cp, c->docs[d].slug);
			complete_offer(cp, c->docs[d].alias);
		}
		cp->suffix = ":";
		return 0;
	}
	doc = corpus_find_doc(c, cp->word, (size_t)(colon - cp->word));
	if (doc == CORPUS_NONE) {
		app_message(a, true, _("no document '%.*s'"),
		    (int)(colon - cp->word), cp->word);
		return -1;
	}
	/* The labels complete the part after the colon. */
	cp->head = xasprintf("%s%.*s", cp->head,
	    (int)(colon + 1 - cp->word), cp->word);
	cp->word = colon + 1;
	cp->wlen = strlen(cp->word);
	for (i = c->docs[doc].root + 1; i < c->docs[doc].end; i++)
		/* A paragraph once its section's label and dot are typed. */
		if (!kind_is_block(c->nodes[i].kind) ||
		    complete_under(c, i, cp->word))
			complete_offer(cp, c->nodes[i].label);
	cp->suffix = "";
	return 0;
}

/* Put candidate k (or the common part, k == n) into the prompt. */
static void
complete_apply(struct app *a, struct complete *cp, size_t k)
{
	char	*line;

	if (k == cp->n)
		line = xasprintf("%s%.*s", cp->head, (int)complete_common(cp),
		    cp->cands[0]);
	else
		line = xasprintf("%s%s%s", cp->head, cp->cands[k],
		    cp->n == 1 ? cp->suffix : "");
	app_prompt_set(a, line);
	free(line);
}

static void
complete_free(struct complete *cp)
{
	free(cp->head);
	free(cp->cands);
	free(cp);
}

static void
complete_close(struct view *v)
{
	complete_free(v->data);
}

/* The list, in a box just above the prompt's line. */
static void
complete_draw(struct view *v)
{
	struct complete	*cp = v->data;
	size_t		 rows = cp->n < COMPLETE_ROWS ? cp->n : COMPLETE_ROWS;
	size_t		 first, k, w = 0, cw;
	int		 y0 = LINES - 1 - (int)rows, y;
	attr_t		 at;

	if (y0 < 1)
		return;
	for (k = 0; k < cp->n; k++) {
		cw = spans_width(cp->cands[k], strlen(cp->cands[k]));
		w = cw > w ? cw : w;
	}
	w += 2;
	if (w > (size_t)COLS)
		w = (size_t)COLS;
	first = cp->cur < cp->n && cp->cur >= rows ? cp->cur - rows + 1 : 0;
	for (k = first, y = y0; k < cp->n && y < LINES - 1; k++, y++) {
		at = screen_attr(k == cp->cur ? THEME_SELECTED : THEME_STATUS);
		screen_fill(y, 0, w, at);
		spans_put_plain(y, 1, cp->cands[k], strlen(cp->cands[k]),
		    w - 1, at);
	}
}

/* Tab and Shift-Tab walk the list; anything else goes to the prompt. */
static bool
complete_key(struct view *v, int ch, bool is_func)
{
	struct complete	*cp = v->data;

	if ((!is_func && ch == '\t') || (is_func && ch == KEY_DOWN)) {
		cp->cur = cp->cur >= cp->n ? 0 : (cp->cur + 1) % cp->n;
		complete_apply(v->app, cp, cp->cur);
		return true;
	}
	if (is_func && (ch == KEY_BTAB || ch == KEY_UP)) {
		cp->cur = cp->cur == 0 || cp->cur >= cp->n ? cp->n - 1 :
		    cp->cur - 1;
		complete_apply(v->app, cp, cp->cur);
		return true;
	}
	app_pop(v->app, v);
	/* Esc closes the list only; the prompt stays. */
	return !is_func && ch == 27;
}

static bool
complete_request(struct view *v, enum request req)
{
	(void)v;
	(void)req;
	return false;
}

static const struct view_ops complete_ops = {
	.name = "completion",
	.keys = KEYMAP_LIST,
	.overlay = true,
	.close = complete_close,
	.draw = complete_draw,
	.request = complete_request,
	.key = complete_key,
};

void
complete_open(struct app *a, bool command_line,
    const struct command *cmds, size_t ncmds)
{
	const char		*text = app_prompt_text(a);
	struct complete		*cp = xcalloc(1, sizeof *cp);
	enum command_arg	 kind = COMMAND_ARG_REF;
	size_t			 at = 0, i, k;
	char			*head;

	if (command_line)
		kind = complete_kind(cmds, ncmds, text, &at);
	cp->head = xstrndup(text, at);
	cp->word = text + at;
	cp->wlen = strlen(cp->word);
	if (kind == COMMAND_ARG_COMMAND) {
		for (i = 0; i < ncmds; i++) {
			if (cmds[i].tui == NULL)
				continue;
			complete_offer(cp, cmds[i].name);
			for (k = 0; k < COMMAND_MAX_ALIASES &&
			    cmds[i].aliases[k] != NULL; k++)
				if (strlen(cmds[i].aliases[k]) > 1)
					complete_offer(cp, cmds[i].aliases[k]);
		}
		cp->suffix = " ";
	} else if (kind == COMMAND_ARG_REF) {
		head = cp->head;
		if (complete_refs(a, cp) == -1) {
			if (cp->head != head)
				free(head);
			complete_free(cp);
			return;
		}
		if (cp->head != head)
			free(head);
	}
	if (cp->n == 0) {
		app_message(a, true, "%s", _("no completion"));
		complete_free(cp);
		return;
	}
	cp->cur = cp->n;
	if (cp->n == 1) {
		complete_apply(a, cp, 0);
		complete_free(cp);
		return;
	}
	complete_apply(a, cp, cp->n);
	app_push(a, &complete_ops, cp);
}
