/*
 * cmd-notes.c -- `charta notes`: the user's notes, in the order of the
 * texts, as text (the default) or Markdown, or as W3C Web Annotations in
 * JSON (study/annotation.h) in the order they were written; `charta notes
 * --import FILE` is cmd-notes-import.c.
 *
 * A note is shown where the reader shows it (study_note_place: where it
 * was set, else its place in the other translation, else where its words
 * are now); one whose passage is gone is "orphaned", with the place it
 * had and the words it was on.
 * Everything from the notes and the corpus is written through the
 * display policy (output.h); the JSON escapes what it would change.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "store/state.h"
#include "study/annotation.h"
#include "study/markdown.h"
#include "study/study.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* A note and the node it shows at (CORPUS_NONE: orphaned). */
struct notes_place {
	size_t		k;
	uint32_t	node;
};

static int
notes_place_cmp(const void *a, const void *b)
{
	const struct notes_place	*x = a, *y = b;

	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;	/* orphans last */
	return x->k < y->k ? -1 : x->k > y->k;
}

/* The notes in the order of the texts: a malloc'ed array of n places. */
static struct notes_place *
notes_in_order(const struct corpus *c, const struct state_note *notes,
    size_t n)
{
	struct notes_place	*p = xreallocarray(NULL, n ? n : 1, sizeof *p);
	size_t			 k;
	bool			 moved;

	/* Where the reader shows them, after a re-import too. */
	for (k = 0; k < n; k++) {
		p[k].k = k;
		p[k].node = study_note_place(c, &notes[k].at, &notes[k].quote,
		    &moved);
	}
	qsort(p, n, sizeof *p, notes_place_cmp);
	return p;
}

/* "2026-03-01 09:30", local time. */
static void
notes_date(int64_t t, char *buf, size_t size)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		*buf = '\0';
}

/* Where the note shows: "mfa:II.2.p3", or orphaned and where it was. */
static char *
notes_where(const struct corpus *c, const struct state_note *n,
    uint32_t node)
{
	if (node != CORPUS_NONE)
		return corpus_node_short_ref(c, node);
	/* TRANSLATORS: a note whose passage is gone from the corpus */
	return xasprintf(_("orphaned (was %s:%s)"), n->at.slug, n->at.label);
}

/* Every line of s, indented. */
static void
notes_indented(const char *s)
{
	const char	*nl;
	size_t		 len;

	for (;;) {
		nl = strchr(s, '\n');
		len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		output_spaces(4);
		output_text(s, len);
		output_raw("\n", 1);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

static void
notes_print_text(const struct corpus *c, const struct state_note *notes,
    const struct notes_place *order, size_t n)
{
	const struct state_note	*note;
	char			 date[32], *where, *on;
	size_t			 k;

	for (k = 0; k < n; k++) {
		note = &notes[order[k].k];
		if (k > 0)
			output_raw("\n", 1);
		where = notes_where(c, note, order[k].node);
		notes_date(note->modified, date, sizeof date);
		output_str(where);
		output_spaces(2);
		output_str(date);
		output_raw("\n", 1);
		notes_indented(note->body);
		if (order[k].node == CORPUS_NONE && note->quote.exact != NULL) {
			/* TRANSLATORS: the words an orphaned note was on */
			on = xasprintf(_("(on: %s)"), note->quote.exact);
			notes_indented(on);
			free(on);
		}
		free(where);
	}
}

static void
notes_print_markdown(const struct corpus *c, const struct state_note *notes,
    const struct notes_place *order, size_t n)
{
	const struct state_note	*note;
	struct text_buf		 b;
	char			 date[32], *where;
	size_t			 k;

	text_buf_init(&b);
	text_buf_printf(&b, "# %s\n", _("Notes"));
	for (k = 0; k < n; k++) {
		note = &notes[order[k].k];
		where = notes_where(c, note, order[k].node);
		text_buf_puts(&b, "\n## ");
		markdown_escape(&b, where, strlen(where), "");
		text_buf_puts(&b, "\n\n");
		if (note->quote.exact != NULL && *note->quote.exact != '\0') {
			markdown_escape(&b, note->quote.exact,
			    strlen(note->quote.exact), "> ");
			text_buf_puts(&b, "\n\n");
		}
		/* The note is the user's own text: it may be Markdown. */
		text_buf_puts(&b, note->body);
		notes_date(note->modified, date, sizeof date);
		text_buf_printf(&b, "\n\n*%s*\n", date);
		free(where);
	}
	output_text(b.data, b.len);
	text_buf_free(&b);
}

int
cmd_notes_exec(struct cli_ctx *ctx)
{
	const char		*format = ctx->opt[COMMAND_OPT_NOTES_FORMAT];
	struct state		*st;
	struct state_note	*notes = NULL;
	struct notes_place	*order;
	struct text_buf		 b;
	size_t			 n = 0;
	bool			 none;

	if (ctx->opt[COMMAND_OPT_IMPORT] != NULL) {
		if (format != NULL) {
			output_error("%s", _("notes: --format is for printing "
			    "the notes, not for --import"));
			return EXIT_USAGE;
		}
		return cmd_notes_import(ctx, ctx->opt[COMMAND_OPT_IMPORT]);
	}
	if (format == NULL)
		format = "text";
	if (strcmp(format, "text") != 0 && strcmp(format, "markdown") != 0 &&
	    strcmp(format, "json") != 0) {
		output_error(_("notes: invalid value '%s' for --format (one "
		    "of: %s)"), format, "text markdown json");
		return EXIT_USAGE;
	}
	st = cli_state_open(false, &none);
	if (st == NULL && !none)
		return EXIT_USAGE;
	n = state_note_list(st, NULL, STATE_LIST_LIVE, &notes);
	if (strcmp(format, "json") == 0) {
		/* Valid JSON, an empty array for no notes. */
		text_buf_init(&b);
		annotation_write(&b, notes, n, output_ascii_only());
		output_raw(b.data, b.len);
		text_buf_free(&b);
	} else if (n > 0) {
		order = notes_in_order(ctx->corpus, notes, n);
		if (strcmp(format, "markdown") == 0)
			notes_print_markdown(ctx->corpus, notes, order, n);
		else
			notes_print_text(ctx->corpus, notes, order, n);
		free(order);
	}
	state_notes_free(notes, n);
	if (cli_state_close(st) == -1)
		return EXIT_WRITE;
	return n > 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
