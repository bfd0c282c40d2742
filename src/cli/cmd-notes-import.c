/*
 * cmd-notes-import.c -- `charta notes --import FILE`: the notes of a W3C
 * Web Annotation file (as `charta notes --format=json` writes it) added
 * to the user's state.
 *
 * All or nothing: the whole file is read and checked first (a mistake is
 * refused with FILE:LINE:COL and nothing is added), then every note is
 * added in one group, committed in one transaction.  A note keeps its id
 * and times, so that an export imported into an empty state gives the
 * same notes, and importing a file again adds nothing: a note whose id is
 * here already with the same text and place is passed over; one whose id
 * is here with other text is added as a new note (both are kept).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "model/corpus.h"
#include "store/state.h"
#include "study/annotation.h"
#include "study/study.h"
#include "text/text.h"
#include "util/hash.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* The largest file read (a state holds at most 1 MiB a note). */
#define NOTES_IMPORT_MAX	((size_t)1 << 30)

/* The whole of file ("-": standard input) into *data; -1 after a message. */
static int
notes_import_read(const char *file, char **data, size_t *len)
{
	struct stat	 sb;
	size_t		 cap = 0;
	ssize_t		 r;
	int		 fd;

	*data = NULL;
	*len = 0;
	fd = strcmp(file, "-") == 0 ? STDIN_FILENO :
	    open(file, O_RDONLY | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &sb) == -1) {
		output_error("%s: %s", file, strerror(errno));
		goto fail;
	}
	if (S_ISDIR(sb.st_mode)) {
		output_error("%s: %s", file, strerror(EISDIR));
		goto fail;
	}
	for (;;) {
		*data = xgrowarray(*data, &cap, *len + 65536, 1);
		r = read(fd, *data + *len, cap - *len - 1);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			output_error("%s: %s", file, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		*len += (size_t)r;
		if (*len > NOTES_IMPORT_MAX) {
			output_error(_("%s: larger than %zu bytes: not a file "
			    "of notes"), file, NOTES_IMPORT_MAX);
			goto fail;
		}
	}
	(*data)[*len] = '\0';
	if (fd != STDIN_FILENO)
		close(fd);
	return 0;
fail:
	if (fd != -1 && fd != STDIN_FILENO)
		close(fd);
	free(*data);
	*data = NULL;
	return -1;
}

static bool
notes_str_same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The same note: place, words and text (the times may differ). */
static bool
notes_same(const struct state_note *a, const struct state_note *b)
{
	return notes_str_same(a->at.work, b->at.work) &&
	    notes_str_same(a->at.anchor, b->at.anchor) &&
	    notes_str_same(a->at.slug, b->at.slug) &&
	    notes_str_same(a->at.label, b->at.label) &&
	    notes_str_same(a->quote.exact, b->quote.exact) &&
	    notes_str_same(a->quote.prefix, b->quote.prefix) &&
	    notes_str_same(a->quote.suffix, b->quote.suffix) &&
	    notes_str_same(a->body, b->body);
}

/* What the import does with each note of the file. */
enum notes_plan {
	NOTES_ADD,		/* with its own id */
	NOTES_ADD_NEW_ID,	/* its id is another note's here */
	NOTES_SKIP		/* here already */
};

/*
 * Decide for each note of the file, against the notes here (live or
 * deleted) and those before it in the file.  Returns the plan (an array
 * of n) and counts.
 */
static enum notes_plan *
notes_import_plan(const struct state_note *here, size_t nhere,
    struct state_note *in, size_t n, size_t count[3])
{
	struct hashtab		 t;
	struct hashtab_iter	 it;
	enum notes_plan		*plan = xcalloc(n ? n : 1, sizeof *plan);
	const struct state_note	*other;
	uint64_t		 h;
	uint32_t		 v;
	size_t			 k;

	/* Values: k for here[k], nhere + k for in[k]. */
	hashtab_init(&t, nhere + n);
	for (k = 0; k < nhere; k++)
		hashtab_add(&t, hash_bytes(here[k].id, strlen(here[k].id)),
		    (uint32_t)k);
	for (k = 0; k < n; k++) {
		plan[k] = NOTES_ADD;
		if (in[k].id[0] != '\0') {
			h = hash_bytes(in[k].id, strlen(in[k].id));
			for (v = hashtab_first(&t, h, &it); v != HASHTAB_NONE;
			    v = hashtab_next(&t, &it)) {
				other = v < nhere ? &here[v] : &in[v - nhere];
				if (strcmp(other->id, in[k].id) == 0)
					break;
			}
			if (v != HASHTAB_NONE)
				plan[k] = notes_same(other, &in[k]) ?
				    NOTES_SKIP : NOTES_ADD_NEW_ID;
			else
				hashtab_add(&t, h, (uint32_t)(nhere + k));
		}
		count[plan[k]]++;
	}
	hashtab_free(&t);
	return plan;
}

/* Add the notes the plan adds, in one group; -1 after a message. */
static int
notes_import_apply(struct state *st, const char *file, struct state_note *in,
    const enum notes_plan *plan, size_t n)
{
	char	 id[STATE_ID_SIZE], *err = NULL;
	int64_t	 now = (int64_t)time(NULL);
	size_t	 k;
	int	 rc = 0;

	state_group_begin(st);
	for (k = 0; k < n && rc == 0; k++) {
		if (plan[k] == NOTES_SKIP)
			continue;
		if (plan[k] == NOTES_ADD_NEW_ID)
			in[k].id[0] = '\0';
		if (in[k].created < 0)
			in[k].created = now;
		if (in[k].modified < 0)
			in[k].modified = in[k].created;
		/*
		 * annotation_read checked what the store checks: nothing is
		 * refused here but by a file that failed meanwhile, which
		 * then keeps nothing of the group either.
		 */
		rc = state_note_import(st, &in[k], id, &err);
	}
	state_group_end(st);
	if (rc != 0) {
		output_error(rc == 1 ? _("%s: the state file is a newer "
		    "charta's: no note was imported") : "%s: %s", file,
		    err != NULL ? err : "");
		free(err);
		return -1;
	}
	return 0;
}

/* The notes whose place this corpus does not have (for the summary). */
static size_t
notes_import_astray(const struct corpus *c, const struct state_note *in,
    const enum notes_plan *plan, size_t n)
{
	size_t	k, astray = 0;
	bool	moved;

	for (k = 0; k < n; k++)
		if (plan[k] != NOTES_SKIP &&
		    study_note_place(c, &in[k].at, &in[k].quote, &moved) ==
		    CORPUS_NONE)
			astray++;
	return astray;
}

/* What was done, on standard output: one line. */
static void
notes_import_summary(const size_t count[3], size_t astray)
{
	struct text_buf	b;
	size_t		added = count[NOTES_ADD] + count[NOTES_ADD_NEW_ID];

	text_buf_init(&b);
	/* TRANSLATORS: the summary of charta notes --import */
	text_buf_printf(&b, ngettext("%zu note imported", "%zu notes imported",
	    added), added);
	if (count[NOTES_SKIP] > 0)
		text_buf_printf(&b, ngettext("; %zu was here already",
		    "; %zu were here already", count[NOTES_SKIP]),
		    count[NOTES_SKIP]);
	if (count[NOTES_ADD_NEW_ID] > 0)
		text_buf_printf(&b, ngettext("; %zu has a new id (its id was "
		    "another note's here)", "; %zu have a new id (their id "
		    "was another note's here)", count[NOTES_ADD_NEW_ID]),
		    count[NOTES_ADD_NEW_ID]);
	if (astray > 0)
		text_buf_printf(&b, ngettext("; %zu is not at its place in "
		    "this corpus (the reader finds it by its words, or lists "
		    "it as orphaned)", "; %zu are not at their place in this "
		    "corpus (the reader finds them by their words, or lists "
		    "them as orphaned)", astray), astray);
	text_buf_addc(&b, '\n');
	output_text(b.data, b.len);
	text_buf_free(&b);
}

int
cmd_notes_import(struct cli_ctx *ctx, const char *file)
{
	struct state		*st = NULL;
	struct state_note	*in = NULL, *here = NULL;
	struct state_status	 ss;
	enum notes_plan		*plan = NULL;
	char			*data, *err = NULL;
	size_t			 len, n = 0, nhere = 0, count[3] = { 0, 0, 0 };
	size_t			 astray;
	int			 status = EXIT_USAGE;
	bool			 none;

	if (notes_import_read(file, &data, &len) == -1)
		return EXIT_USAGE;
	if (annotation_read(data, len, &in, &n, &err) == -1) {
		output_error("%s:%s", file, err);
		free(err);
		free(data);
		return EXIT_USAGE;
	}
	free(data);
	if ((st = cli_state_open(true, &none)) == NULL)
		goto out;
	state_status(st, &ss);
	if (ss.readonly)
		output_error(_("%s: the state file is a newer charta's: no "
		    "note was imported"), file);
	state_status_clear(&ss);
	if (ss.readonly)
		goto out;
	nhere = state_note_list(st, NULL, STATE_LIST_ALL, &here);
	plan = notes_import_plan(here, nhere, in, n, count);
	astray = notes_import_astray(ctx->corpus, in, plan, n);
	if (notes_import_apply(st, file, in, plan, n) == -1)
		goto out;
	status = EXIT_FOUND;
	if (cli_state_close(st) == -1)
		status = EXIT_WRITE;
	st = NULL;
	if (status != EXIT_FOUND)
		goto out;
	notes_import_summary(count, astray);
out:
	(void)cli_state_close(st);
	state_notes_free(in, n);
	state_notes_free(here, nhere);
	free(plan);
	return status;
}
