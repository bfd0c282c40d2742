/*
 * test-ui.c -- unit tests of the reader's skeleton: the view stack (a view
 * pushed and popped leaves the one below exactly as it was), the command
 * table (every command has its help, its completion, its entry in the
 * manual page) and the key table (every default key reaches a handler),
 * on the shipped corpus, with curses writing to /dev/null.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/corpus.h"
#include "store/state.h"
#include "store/store.h"
#include "ui/app.h"
#include "ui/complete.h"
#include "ui/help.h"
#include "ui/keymap.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "ui/ui.h"
#include "util/command.h"
#include "util/xmalloc.h"

static struct corpus	*corpus;
static struct state	*state;
static char		 statedir[] = "/tmp/charta-test-ui-XXXXXX";
static SCREEN		*scr;
static FILE		*devnull_out, *devnull_in;

static int
setup(void **unused)
{
	const char	*db = getenv("CHARTA_DB");
	char		*err = NULL, *path;

	(void)unused;
	setlocale(LC_CTYPE, "C.UTF-8");
	if (db == NULL)
		db = "data/corpus.db";
	corpus = store_load_corpus(db, &err);
	if (corpus == NULL) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	/* An 80x24 terminal nobody sees. */
	/* A key that opens the editor must not open a real one. */
	setenv("VISUAL", "true", 1);
	setenv("EDITOR", "true", 1);
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	devnull_out = fopen("/dev/null", "w");
	devnull_in = fopen("/dev/null", "r");
	scr = newterm("xterm", devnull_out, devnull_in);
	if (scr == NULL)
		return -1;
	keymap_init();
	/* A state of its own, for the lists of notes and marks. */
	if (mkdtemp(statedir) == NULL)
		return -1;
	path = xasprintf("%s/state.db", statedir);
	state = state_open(path, &err);
	free(path);
	free(err);
	return state != NULL ? 0 : -1;
}

static int
teardown(void **unused)
{
	char	*path;

	(void)unused;
	state_close(state);
	path = xasprintf("rm -rf '%s'", statedir);
	if (system(path) != 0)
		fprintf(stderr, "could not remove %s\n", statedir);
	free(path);
	endwin();
	delscreen(scr);
	fclose(devnull_out);
	fclose(devnull_in);
	corpus_free(corpus);
	return 0;
}

/* A reader app with the reader at the bottom, at node start. */
static void
app_setup(struct app *a, uint32_t start)
{
	memset(a, 0, sizeof *a);
	a->c = corpus;
	a->commands = command_table;
	a->ncommands = command_count;
	a->wake[0] = a->wake[1] = -1;
	app_push(a, &reader_ops, reader_new(a, start));
}

static void
app_teardown(struct app *a)
{
	app_prompt_abandon(a);
	while (a->nviews > 0) {
		struct view	*v = a->stack[--a->nviews];

		v->ops->close(v);
		free(v);
	}
	app_filter_free(a);
	app_messages_free(a);
}

static struct view *
top(struct app *a)
{
	return a->stack[a->nviews - 1];
}

/* A fake view that counts what happens to it. */
static int	fake_closed, fake_resumed;

static void
fake_close(struct view *v)
{
	fake_closed++;
	free(v->data);
}

static void
fake_draw(struct view *v)
{
	(void)v;
}

static bool
fake_request(struct view *v, enum request req)
{
	(void)v;
	return req == REQ_DOWN;
}

static void
fake_resume(struct view *v)
{
	(void)v;
	fake_resumed++;
}

static const struct view_ops fake_ops = {
	.name = "fake",
	.keys = KEYMAP_LIST,
	.close = fake_close,
	.draw = fake_draw,
	.request = fake_request,
	.resume = fake_resume,
};

/* Push and pop: order, close, resume, the limit, the bottom stays. */
static void
test_stack(void **unused)
{
	struct app	 a;
	struct view	*v1, *v2;
	int		 k;

	(void)unused;
	app_setup(&a, CORPUS_NONE);
	fake_closed = fake_resumed = 0;
	v1 = app_push(&a, &fake_ops, xstrdup("one"));
	v2 = app_push(&a, &fake_ops, xstrdup("two"));
	assert_int_equal(a.nviews, 3);
	assert_ptr_equal(app_find_view(&a, &fake_ops), v2);
	assert_ptr_equal(app_view_below(&a, v2), v1);
	/* Popping v1 pops v2 above it too, and the reader resumes. */
	app_pop(&a, v1);
	assert_int_equal(a.nviews, 1);
	assert_int_equal(fake_closed, 2);
	/* The bottom view cannot be popped. */
	app_pop(&a, top(&a));
	assert_int_equal(a.nviews, 1);
	/* A full stack refuses the push, and frees what it was given. */
	for (k = 1; k < APP_MAX_VIEWS; k++)
		assert_non_null(app_push(&a, &fake_ops, xstrdup("x")));
	fake_closed = 0;
	assert_null(app_push(&a, &fake_ops, xstrdup("one too many")));
	assert_int_equal(fake_closed, 1);
	assert_int_equal(a.nviews, APP_MAX_VIEWS);
	assert_non_null(a.message);
	app_pop_above(&a, a.stack[1]);
	assert_int_equal(a.nviews, 2);
	assert_int_equal(fake_resumed, 1);
	app_teardown(&a);
}

/*
 * Help and the comparison over the reader: after q, the reader is as it
 * was, selection, text scroll, outline scroll and folds.
 */
static void
test_push_pop_restores(void **unused)
{
	struct app	 a;
	struct reader	*r;
	uint32_t	 sel, n;
	size_t		 ttop, otop;
	uint8_t		*open;

	(void)unused;
	n = corpus_resolve(corpus, "mfa:IV.5", 8);
	assert_int_not_equal(n, CORPUS_NONE);
	app_setup(&a, n);
	r = top(&a)->data;
	app_dispatch(&a, REQ_DOWN);
	app_dispatch(&a, REQ_DOWN);
	sel = r->ol.sel;
	ttop = r->tv.top;
	otop = r->ol.top;
	assert_int_equal(sel, n);
	assert_true(ttop == 2);
	open = xmalloc(corpus->nnodes);
	memcpy(open, r->ol.open, corpus->nnodes);

	app_run_command(&a, "help");
	assert_int_equal(a.nviews, 2);
	app_dispatch(&a, REQ_BOTTOM);
	app_dispatch(&a, REQ_QUIT);
	assert_int_equal(a.nviews, 1);
	assert_false(a.quit);

	app_run_command(&a, "compare mfa:IV.5 un:IV.5");
	assert_int_equal(a.nviews, 2);
	app_dispatch(&a, REQ_PAGE_DOWN);
	app_dispatch(&a, REQ_WORD_DIFF);
	app_dispatch(&a, REQ_CANCEL);
	assert_int_equal(a.nviews, 1);

	assert_ptr_equal(top(&a)->data, r);
	assert_int_equal(r->ol.sel, sel);
	assert_int_equal(r->tv.top, ttop);
	assert_int_equal(r->ol.top, otop);
	assert_memory_equal(r->ol.open, open, corpus->nnodes);
	free(open);
	/* q on the reader itself quits. */
	app_dispatch(&a, REQ_QUIT);
	assert_true(a.quit);
	app_teardown(&a);
}

/* :goto from over a comparison pops back to the reader and goes there. */
static void
test_goto_from_above(void **unused)
{
	struct app	 a;
	struct reader	*r;

	(void)unused;
	app_setup(&a, CORPUS_NONE);
	r = top(&a)->data;
	app_run_command(&a, "compare mfa:II.2 un:II.2");
	app_run_command(&a, "help");
	assert_int_equal(a.nviews, 3);
	assert_int_equal(app_run_command(&a, "goto un:III.4"), 0);
	assert_int_equal(a.nviews, 1);
	assert_int_equal(r->ol.sel, corpus_resolve(corpus, "un:III.4", 8));
	/* A reference alone is a goto; nonsense is an error. */
	assert_int_equal(app_run_command(&a, "mfa:C"), 0);
	assert_int_equal(r->ol.sel, corpus_resolve(corpus, "mfa:C", 5));
	assert_int_equal(app_run_command(&a, "frobnicate"), -1);
	assert_non_null(strstr(a.message, "unknown command"));
	assert_int_equal(app_run_command(&a, "goto"), -1);
	assert_string_equal(a.message, "usage: :goto REF");
	app_teardown(&a);
}

/* Every command: summary, help, and its place in the manual page. */
static void
test_commands_documented(void **unused)
{
	const char	*top_srcdir = getenv("top_srcdir");
	char		*path, *man, *want;
	FILE		*f;
	long		 len;
	size_t		 i, k;

	(void)unused;
	path = xasprintf("%s/doc/charta.1", top_srcdir ? top_srcdir : ".");
	f = fopen(path, "r");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	man = xmalloc((size_t)len + 1);
	assert_int_equal(fread(man, 1, (size_t)len, f), (size_t)len);
	man[len] = '\0';
	fclose(f);
	for (i = 0; i < command_count; i++) {
		const struct command	*c = &command_table[i];

		assert_true(*c->summary != '\0' && *c->help != '\0');
		assert_true(c->cli != NULL || c->tui != NULL);
		if (c->cli != NULL) {
			want = xasprintf("\n.It Cm %s", c->name);
			if (strstr(man, want) == NULL)
				fail_msg("charta.1 lacks '.It Cm %s'", c->name);
			free(want);
		}
		if (c->tui != NULL) {
			want = xasprintf("\n.It Ic :%s", c->name);
			if (strstr(man, want) == NULL)
				fail_msg("charta.1 lacks '.It Ic :%s'",
				    c->name);
			free(want);
		}
		for (k = 0; k < COMMAND_MAX_OPTIONS &&
		    c->options[k] != COMMAND_OPT_NONE; k++)
			assert_non_null(cli_option_info(c->options[k])->help);
	}
	free(man);
	free(path);
}

/*
 * Every `:` command completes from its first two letters (to itself, or
 * among the candidates), and the help screen lists it.
 */
static void
test_commands_complete_and_help(void **unused)
{
	struct app	 a;
	struct help	 h;
	char		*typed;
	size_t		 i, k;
	bool		 found;

	(void)unused;
	app_setup(&a, CORPUS_NONE);
	help_build(&h, command_table, command_count);
	for (i = 0; i < command_count; i++) {
		const struct command	*c = &command_table[i];

		if (c->tui == NULL)
			continue;
		typed = xstrndup(c->name, 2);
		app_prompt(&a, ":", &(struct prompt_client){
		    .complete = PROMPT_COMPLETE_COMMAND }, NULL, typed);
		complete_open(&a, true, command_table, command_count);
		/* Walk the candidates (if several) until the name shows. */
		found = false;
		for (k = 0; k < 10 && !found; k++) {
			found = strncmp(app_prompt_text(&a), c->name,
			    strlen(c->name)) == 0;
			if (!found && a.nviews > 1)
				top(&a)->ops->key(top(&a), '\t', false);
			else if (!found)
				break;
		}
		if (!found)
			fail_msg(":%s does not complete from '%s'", c->name,
			    typed);
		if (a.nviews > 1)
			app_pop(&a, top(&a));
		app_prompt_close(&a);
		free(typed);
		found = false;
		for (k = 0; k < h.n && !found; k++)
			found = h.lines[k].keys != NULL &&
			    strncmp(h.lines[k].keys, c->name,
			    strlen(c->name)) == 0;
		if (!found)
			fail_msg("the help screen does not list :%s", c->name);
	}
	help_free(&h);
	app_teardown(&a);
}

/* The view a request belongs to, opened over the reader. */
static void
open_for(struct app *a, enum keymap_group g, enum request r)
{
	if (g == KEYMAP_STUDY)
		app_run_command(a, r == REQ_RENAME ? "marks" : "notes");
	else if (g == KEYMAP_COMPARE)
		app_run_command(a, "compare mfa:II.2 un:II.2");
	else if (g == KEYMAP_LIST) {
		app_message(a, false, "one message");
		app_run_command(a, "messages");
	} else if (g == KEYMAP_HELP)
		app_run_command(a, "help");
	else if (g == KEYMAP_KWIC)
		app_run_command(a, "kwic sovereignty");
	else if (g == KEYMAP_STATS)
		app_run_command(a, "stats sovereignty");
}

/*
 * Every default key: the key map gives its request in its view, and a
 * view or the global table handles the request.
 */
static void
test_every_key_handled(void **unused)
{
	struct app		 a;
	struct keymap_key	 key;
	enum keymap_group	 g;
	char			*keys, *p, *save;
	int			 r, prefix, got;

	(void)unused;
	for (r = 1; r < REQ__COUNT; r++) {
		g = keymap_request_group((enum request)r);
		keys = keymap_keys_for((enum request)r);
		for (p = strtok_r(keys, ", ", &save); p != NULL;
		    p = strtok_r(NULL, ", ", &save)) {
			assert_int_equal(keymap_parse_key(p, &prefix, &key),
			    0);
			got = keymap_lookup(KEYMAP_GLOBAL(g) ? KEYMAP_READER :
			    g, prefix, &key);
			if (got != r)
				fail_msg("key %s gives request %d, not %s", p,
				    got, keymap_request_name(r));
		}
		free(keys);
		app_setup(&a, corpus_resolve(corpus, "mfa:II.2", 8));
		a.state = state;
		open_for(&a, g, (enum request)r);
		if (!app_dispatch(&a, (enum request)r))
			fail_msg("nothing handles %s",
			    keymap_request_name((enum request)r));
		a.state = NULL;
		app_teardown(&a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stack),
		cmocka_unit_test(test_push_pop_restores),
		cmocka_unit_test(test_goto_from_above),
		cmocka_unit_test(test_commands_documented),
		cmocka_unit_test(test_commands_complete_and_help),
		cmocka_unit_test(test_every_key_handled),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
