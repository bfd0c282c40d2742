/*
 * state-rescue.c -- what could not be saved, written to a text file
 * beside the state file when charta quits (state_close_with), so that a
 * note typed while the file was locked, or the disk full, is not lost:
 * state.db.unsaved-YYYYmmddHHMMSS.txt, mode 0600, never replacing a file.
 * The strings are written byte for byte, as the user gave them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/state-private.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* "work anchor (slug label)" or "slug label" (malloc'ed). */
static char *
state_rescue_place(const struct state_anchor *a)
{
	if (a->work != NULL && a->anchor != NULL)
		return xasprintf("%s %s (%s %s)", a->work, a->anchor,
		    a->slug != NULL ? a->slug : "", a->label != NULL ?
		    a->label : "");
	return xasprintf("%s %s", a->slug != NULL ? a->slug : "",
	    a->label != NULL ? a->label : "");
}

/* One line saying what the change is (malloc'ed). */
char *
state_op_describe(const struct state_op *op)
{
	char	*place, *s;

	switch (op->kind) {
	case STATE_OP_HISTORY:
		return xasprintf(_("history (%s): %s"), op->hkind, op->text);
	case STATE_OP_POSITION:
		return xasprintf(_("reading position in %s: %s"),
		    op->pos.slug, op->pos.top_label);
	case STATE_OP_LAST_DOC:
		return xasprintf(_("last document open: %s"), op->text);
	case STATE_OP_MARK_SET:
		place = state_rescue_place(&op->mark.at);
		s = xasprintf(_("mark '%s' set on %s"), op->mark.name, place);
		free(place);
		return s;
	case STATE_OP_MARK_RENAME:
		return xasprintf(_("mark %s renamed '%s'"), op->mark.id,
		    op->mark.name);
	case STATE_OP_MARK_DELETE:
		return xasprintf(_("mark %s deleted"), op->mark.id);
	case STATE_OP_MARK_UNDELETE:
		return xasprintf(_("mark %s brought back"), op->mark.id);
	case STATE_OP_NOTE_PUT:
		place = state_rescue_place(&op->note.at);
		s = xasprintf(_("note %s on %s"), op->note.id, place);
		free(place);
		return s;
	case STATE_OP_NOTE_DELETE:
		return xasprintf(_("note %s deleted"), op->note.id);
	case STATE_OP_NOTE_UNDELETE:
		return xasprintf(_("note %s brought back"), op->note.id);
	case STATE_OP_NOTE_STATUS:
		return xasprintf(_("note %s marked %s"), op->note.id,
		    op->note.status == STATE_NOTE_ORPHANED ? _("orphaned") :
		    _("attached"));
	case STATE_OP_DRAFT_SAVE:
		place = state_rescue_place(&op->draft.at);
		s = xasprintf(_("draft of a note on %s"), place);
		free(place);
		return s;
	case STATE_OP_DRAFT_DISCARD:
		return xstrdup(_("draft discarded"));
	}
	return xstrdup("?");
}

/* The texts a change carries, if any (quote and body). */
static void
state_rescue_texts(FILE *f, const struct state_quote *q, const char *body)
{
	if (q->exact != NULL)
		fprintf(f, _("quote: %s\n"), q->exact);
	if (q->prefix != NULL)
		fprintf(f, _("before the quote: %s\n"), q->prefix);
	if (q->suffix != NULL)
		fprintf(f, _("after the quote: %s\n"), q->suffix);
	if (body != NULL)
		fprintf(f, _("text (%zu bytes):\n%s\n"), strlen(body), body);
}

static void
state_rescue_queue(FILE *f, const struct state_queue *q, size_t *k)
{
	const struct state_op	*op;
	char			*what, when[32];
	time_t			 t;
	struct tm		 tm;

	for (op = q->head; op != NULL; op = op->next) {
		t = (time_t)op->at;
		localtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		what = state_op_describe(op);
		fprintf(f, "\n--- %zu. %s (%s)\n", ++*k, what, when);
		free(what);
		if (op->failure != NULL)
			fprintf(f, "%s\n", op->failure);
		if (op->kind == STATE_OP_NOTE_PUT)
			state_rescue_texts(f, &op->note.quote, op->note.body);
		else if (op->kind == STATE_OP_DRAFT_SAVE)
			state_rescue_texts(f, &op->draft.quote, op->draft.body);
	}
}

/*
 * With mu held (or the writer thread gone): write the changes not saved
 * to a new file.  Returns its path (malloc'ed), or NULL with *err.
 */
char *
state_rescue_write(struct state *st, char **err)
{
	char		*path, stamp[32];
	time_t		 now = time(NULL);
	struct tm	 tm;
	FILE		*f;
	size_t		 k = 0;
	int		 fd, n, saved;

	*err = NULL;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
	path = xasprintf("%s.unsaved-%s.txt", st->path, stamp);
	for (n = 2; (fd = open(path, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0600)) == -1 && errno == EEXIST; n++) {
		free(path);
		path = xasprintf("%s.unsaved-%s-%d.txt", st->path, stamp, n);
	}
	if (fd == -1 || (f = fdopen(fd, "w")) == NULL) {
		*err = xasprintf(_("%s: %s"), path, strerror(errno));
		if (fd != -1)
			close(fd);
		free(path);
		return NULL;
	}
	fprintf(f, _("charta could not save these changes to %s; they are "
	    "kept here as they were made.\n"), st->path);
	state_rescue_queue(f, &st->queue, &k);
	state_rescue_queue(f, &st->failed, &k);
	if (fflush(f) != 0 || fsync(fd) != 0 || ferror(f)) {
		saved = errno;
		fclose(f);
		*err = xasprintf(_("%s: %s"), path, strerror(saved));
		free(path);
		return NULL;
	}
	if (fclose(f) != 0) {
		*err = xasprintf(_("%s: %s"), path, strerror(errno));
		free(path);
		return NULL;
	}
	return path;
}
