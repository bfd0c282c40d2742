/*
 * app-prompt.c -- the bottom line's editor for whichever view asks for it,
 * the `:` command line run through the command table, the requests no
 * view handles (quit, help, the prompts, redraw), and key hints made from
 * the bindings of the moment.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/corpus.h"
#include "store/state.h"
#include "text/text.h"
#include "ui/app.h"
#include "ui/complete.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "util/command.h"
#include "util/command-line.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static void
app_history_load(struct app *a, const char *kind)
{
	state_history_free(a->history, a->nhistory);
	a->history = NULL;
	a->nhistory = 0;
	a->history_pos = 0;
	if (kind != NULL && a->state != NULL)
		a->nhistory = state_history(a->state, kind, &a->history);
}

void
app_prompt_abandon(struct app *a)
{
	const struct prompt_client	*pc = a->prc;
	void				*arg = a->prc_arg;

	app_prompt_close(a);
	/* Its client may hold something for the answer that never came. */
	if (pc != NULL && pc->cancel != NULL)
		pc->cancel(a, arg);
}

void
app_prompt(struct app *a, const char *label, const struct prompt_client *pc,
    void *arg, const char *initial)
{
	app_prompt_abandon(a);
	a->prc = pc;
	a->prc_arg = arg;
	prompt_open(&a->pr, label);
	if (initial != NULL && *initial != '\0')
		prompt_set(&a->pr, initial);
	app_history_load(a, pc->history);
}

void
app_prompt_close(struct app *a)
{
	prompt_close(&a->pr);
	a->prc = NULL;
	a->prc_arg = NULL;
	state_history_free(a->history, a->nhistory);
	a->history = NULL;
	a->nhistory = 0;
}

bool
app_prompt_active(const struct app *a)
{
	return a->prc != NULL;
}

void
app_prompt_set(struct app *a, const char *text)
{
	prompt_set(&a->pr, text);
	if (a->prc != NULL && a->prc->changed != NULL)
		a->prc->changed(a, a->prc_arg, text);
}

const char *
app_prompt_text(const struct app *a)
{
	return prompt_text(&a->pr);
}

/* Up and Down walk the history (0 is the text being typed). */
static void
app_history_walk(struct app *a, bool older)
{
	if (a->nhistory == 0)
		return;
	if (older && a->history_pos < a->nhistory)
		a->history_pos++;
	else if (!older && a->history_pos > 0)
		a->history_pos--;
	app_prompt_set(a, a->history_pos == 0 ? "" :
	    a->history[a->history_pos - 1]);
}

void
app_prompt_key(struct app *a, int ch, bool is_func)
{
	const struct prompt_client	*pc = a->prc;
	void				*arg = a->prc_arg;
	char				*text, *err = NULL, *old;

	if (is_func && (ch == KEY_UP || ch == KEY_DOWN)) {
		app_history_walk(a, ch == KEY_UP);
		return;
	}
	old = xstrdup(prompt_text(&a->pr));
	switch (prompt_key(&a->pr, ch, is_func)) {
	case PROMPT_EDITING:
		app_message(a, false, NULL);
		if (pc->changed != NULL && strcmp(old, prompt_text(&a->pr)) != 0)
			pc->changed(a, arg, prompt_text(&a->pr));
		break;
	case PROMPT_COMPLETE:
		if (pc->complete != PROMPT_COMPLETE_NONE)
			complete_open(a, pc->complete == PROMPT_COMPLETE_COMMAND,
			    a->commands, a->ncommands);
		break;
	case PROMPT_CANCEL:
		app_prompt_close(a);
		app_message(a, false, NULL);
		if (pc->cancel != NULL)
			pc->cancel(a, arg);
		break;
	case PROMPT_DONE:
		text = xstrdup(prompt_text(&a->pr));
		app_prompt_close(a);
		app_message(a, false, NULL);
		if (pc->history != NULL && a->state != NULL && *text != '\0' &&
		    state_history_add(a->state, pc->history, text, &err) == -1) {
			app_message(a, true, "%s", err);
			free(err);
		}
		pc->done(a, arg, text);
		free(text);
		break;
	}
	free(old);
}

size_t
app_prompt_paste(struct app *a, const char *s, size_t n)
{
	size_t	taken = prompt_paste(&a->pr, s, n);

	app_message(a, false, NULL);
	if (taken > 0 && a->prc->changed != NULL)
		a->prc->changed(a, a->prc_arg, prompt_text(&a->pr));
	return taken;
}

/* The reader's command named (or aliased) name, or NULL. */
static const struct command *
app_find_command(const struct app *a, const char *name)
{
	const struct command	*cmd;
	size_t			 i, k;

	for (i = 0; i < a->ncommands; i++) {
		cmd = &a->commands[i];
		if (cmd->tui == NULL)
			continue;
		if (strcmp(cmd->name, name) == 0)
			return cmd;
		for (k = 0; k < COMMAND_MAX_ALIASES && cmd->aliases[k] != NULL;
		    k++)
			if (strcmp(cmd->aliases[k], name) == 0)
				return cmd;
	}
	return NULL;
}

int
app_run_command(struct app *a, const char *line)
{
	struct command_line	 cl;
	const struct command	*cmd;
	int			 rc = -1;

	command_line_split(&cl, line);
	if (cl.argc == 0) {
		command_line_free(&cl);
		return 0;
	}
	cmd = app_find_command(a, cl.argv[0]);
	if (cmd == NULL) {
		/* ":mfa:IV.5" is a goto too */
		if (cl.argc == 1 && (cmd = app_find_command(a, "goto")) !=
		    NULL && corpus_resolve(a->c, cl.argv[0],
		    strlen(cl.argv[0])) != CORPUS_NONE) {
			cmd->tui(a, 1, cl.argv);
			rc = 0;
		} else
			app_message(a, true, _("unknown command: %s (try "
			    ":help)"), cl.argv[0]);
	} else if (cl.argc - 1 < cmd->min_args || (cmd->max_args >= 0 &&
	    cl.argc - 1 > cmd->max_args)) {
		/* TRANSLATORS: ":goto REF" when a command lacks arguments */
		app_message(a, true, _("usage: :%s %s"), cmd->name,
		    cmd->synopsis);
	} else {
		cmd->tui(a, cl.argc - 1, cl.argv + 1);
		rc = 0;
	}
	command_line_free(&cl);
	return rc;
}

static void
app_command_done(struct app *a, void *arg, const char *text)
{
	const char	*prefix = arg;
	char		*line;

	if (prefix == NULL) {
		app_run_command(a, text);
		return;
	}
	if (*text == '\0')
		return;
	line = xasprintf("%s %s", prefix, text);
	app_run_command(a, line);
	free(line);
}

static const struct prompt_client app_command_client = {
	.history = "command",
	.complete = PROMPT_COMPLETE_COMMAND,
	.done = app_command_done,
};

static const struct prompt_client app_ref_client = {
	.history = "goto",
	.complete = PROMPT_COMPLETE_REF,
	.done = app_command_done,
};

/* K: the concordance of the kept filter's query. */
static void
app_concordance(struct app *a)
{
	char	*line;

	if (a->query == NULL) {
		app_message(a, false, "%s", _("no filter: type / and words, "
		    "Enter, then K for their concordance"));
		return;
	}
	line = xasprintf("kwic %s", a->query_text);
	app_run_command(a, line);
	free(line);
}

bool
app_global_request(struct app *a, enum request req)
{
	switch (req) {
	case REQ_QUIT:
		if (a->nviews > 1)
			app_pop(a, a->stack[a->nviews - 1]);
		else
			app_quit(a, 0);
		return true;
	case REQ_CLOSE:
	case REQ_CANCEL:
		/* On the bottom view there is nothing to leave. */
		if (a->nviews > 1)
			app_pop(a, a->stack[a->nviews - 1]);
		return true;
	case REQ_HELP:
		app_run_command(a, "help");
		return true;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		return true;
	case REQ_COMMAND:
		app_prompt(a, ":", &app_command_client, NULL, NULL);
		return true;
	case REQ_GOTO:
		/* TRANSLATORS: the prompt for a reference, e.g. mfa:IV.5 */
		app_prompt(a, _("goto: "), &app_ref_client, "goto", NULL);
		return true;
	case REQ_COMPARE_WITH:
		/* TRANSLATORS: the prompt for the passage to compare with */
		app_prompt(a, _("compare with: "), &app_ref_client, "compare",
		    NULL);
		return true;
	case REQ_FILTER:
		app_filter_open(a);
		return true;
	case REQ_CONCORDANCE:
		app_concordance(a);
		return true;
	default:
		return false;
	}
}

char *
app_hints(const struct view_hint *h, size_t n)
{
	struct text_buf	 b;
	char		*keys, *comma;
	size_t		 k;

	text_buf_init(&b);
	text_buf_puts(&b, "");
	for (k = 0; k < n; k++) {
		keys = keymap_keys_for(h[k].req);
		if (*keys != '\0') {
			/* The first key bound is the one shown. */
			if ((comma = strchr(keys, ',')) != NULL)
				*comma = '\0';
			if (b.len > 0)
				text_buf_puts(&b, "  ");
			/* TRANSLATORS: a key hint: a key, then what it does */
			text_buf_printf(&b, _("%s %s"), keys, _(h[k].label));
		}
		free(keys);
	}
	return text_buf_steal(&b);
}
