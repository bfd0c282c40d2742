/*
 * reader-notes.c -- writing notes: a one-line note at the prompt (a), or
 * a note of any length in the user's editor (A, and e in the notes list),
 * with curses suspended around it as for Ctrl-Z.
 *
 * A note is kept twice over (study.h): at the logical place of the
 * paragraph (so it shows in every translation) and with the paragraph's
 * words (a text-quote selector) to find it again after a re-import.
 *
 * If the terminal goes away while the editor runs (a dropped ssh
 * connection), what the editor's file holds is saved as a draft, with the
 * reading position, before the reader exits; the notes list offers it
 * back.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/corpus.h"
#include "store/state.h"
#include "study/study.h"
#include "ui/notes.h"
#include "ui/reader.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/xmalloc.h"

/* The note on node n being written (the prompt's, or the editor's). */
struct note_job {
	struct app		*app;
	struct reader		*r;
	uint32_t		 node;
	char			 id[STATE_ID_SIZE];	/* "": a new note */
};

/*
 * Add a note with body on node, or change note id's body.  r, if not
 * NULL, is the reader it was written in: it reads that note alone again.
 */
static int
note_save(struct app *a, struct reader *r, uint32_t node, const char *id,
    const char *body)
{
	const struct corpus	*c = app_corpus(a);
	struct state		*st = app_state(a);
	struct state_anchor	 at;
	struct state_quote	 q;
	char			 newid[STATE_ID_SIZE], *err = NULL, *ref;
	int			 rc;

	if (st == NULL) {
		app_message(a, true, "%s", _("no state file: notes are not "
		    "kept"));
		return -1;
	}
	if (id != NULL && *id != '\0')
		rc = state_note_update(st, id, body, NULL, &err);
	else {
		study_anchor_of(c, node, &at);
		study_quote_of(c, node, &q);
		rc = state_note_add(st, &at, &q, body, newid, &err);
		study_anchor_free(&at);
		study_quote_free(&q);
	}
	if (rc == -1) {
		app_message(a, true, "%s", err != NULL ? err :
		    _("the note could not be kept"));
		free(err);
		return -1;
	}
	ref = corpus_node_short_ref(c, node);
	app_message(a, false, rc == 1 ? _("the state file is a newer "
	    "charta's: the note on %s is not kept") : _("note on %s kept"),
	    ref);
	free(ref);
	if (r != NULL && rc == 0)
		reader_note_saved(r, id != NULL && *id != '\0' ? id : newid,
		    id == NULL || *id == '\0');
	app_note_study_changed(a);
	return 0;
}

static void
note_inline_done(struct app *a, void *arg, const char *text)
{
	struct note_job	*job = arg;

	if (*text != '\0')
		(void)note_save(a, job->r, job->node, NULL, text);
	free(job);
}

static void
note_inline_cancel(struct app *a, void *arg)
{
	(void)a;
	free(arg);
}

static const struct prompt_client note_inline_client = {
	.done = note_inline_done,
	.cancel = note_inline_cancel,
};

void
reader_note_inline(struct reader *r)
{
	struct note_job	*job = xcalloc(1, sizeof *job);

	job->app = r->app;
	job->r = r;
	job->node = reader_current_node(r);
	/* TRANSLATORS: the prompt for a one-line note */
	app_prompt(r->app, _("note: "), &note_inline_client, job, NULL);
}

/* The editor the user asked for: $VISUAL, $EDITOR, else vi. */
static const char *
note_editor(void)
{
	const char	*e = getenv("VISUAL");

	if (e == NULL || *e == '\0')
		e = getenv("EDITOR");
	return e != NULL && *e != '\0' ? e : "vi";
}

/* The whole of file path (a new string), or NULL. */
static char *
note_read(const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*buf = NULL;
	size_t	 len = 0, cap = 0, n;

	if (f == NULL)
		return NULL;
	for (;;) {
		buf = xgrowarray(buf, &cap, len + 4096, 1);
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
		if (n == 0 || len > STATE_NOTE_MAX)
			break;
	}
	fclose(f);
	buf[len] = '\0';
	/* An editor's final line feed is not part of the note. */
	while (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	return buf;
}

/*
 * Run the editor on path and wait for it, curses suspended.  Returns 0
 * when it ended; 1 if the terminal went away meanwhile (the editor is
 * then told to stop too); -1 if it could not be run.
 */
static int
note_run_editor(const char *path)
{
	pid_t	pid;
	int	status, n;

	screen_suspend();
	signals_editor(true);
	pid = fork();
	if (pid == 0) {
		signals_editor(false);
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		/* The user's editor setting may hold words: a shell reads it. */
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", note_editor(),
		    path, (char *)NULL);
		_exit(127);
	}
	if (pid == -1) {
		signals_editor(false);
		screen_resume();
		return -1;
	}
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR || !signals_hup)
			continue;
		/* The terminal is gone: the editor goes too, soon. */
		kill(pid, SIGHUP);
		for (n = 0; n < 20 && waitpid(pid, &status, WNOHANG) == 0;
		    n++)
			usleep(50000);
		if (n == 20) {
			kill(pid, SIGKILL);
			(void)waitpid(pid, &status, 0);
		}
		break;
	}
	signals_editor(false);
	if (signals_hup)
		return 1;
	screen_resume();
	return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? -1 : 0;
}

/* The terminal went away: keep what the editor's file held. */
static void
note_save_draft(struct app *a, uint32_t node, const char *id,
    const char *body)
{
	const struct corpus	*c = app_corpus(a);
	struct state_draft	 d;
	char			*err = NULL;

	if (app_state(a) == NULL)
		return;
	memset(&d, 0, sizeof d);
	if (id != NULL)
		memcpy(d.note_id, id, STATE_ID_SIZE);
	study_anchor_of(c, node, &d.at);
	study_quote_of(c, node, &d.quote);
	d.body = (char *)body;
	(void)state_draft_save(app_state(a), &d, &err);
	free(err);
	study_anchor_free(&d.at);
	study_quote_free(&d.quote);
}

/* note_edit, from reader r (or NULL: from another view). */
static int
note_edit_in(struct app *a, struct reader *r, uint32_t node, const char *id,
    const char *body)
{
	char		 path[] = "/tmp/charta-note-XXXXXX";
	const char	*tmpdir = getenv("TMPDIR");
	char		*file, *text;
	int		 fd, rc;
	size_t		 len = strlen(body);

	file = tmpdir != NULL && *tmpdir == '/' ?
	    xasprintf("%s/charta-note-XXXXXX", tmpdir) : xstrdup(path);
	if ((fd = mkstemp(file)) == -1 ||
	    (len > 0 && write(fd, body, len) != (ssize_t)len) ||
	    (len > 0 && write(fd, "\n", 1) != 1)) {
		app_message(a, true, _("cannot make a file for the editor: "
		    "%s"), strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(file);
		}
		free(file);
		return -1;
	}
	close(fd);
	rc = note_run_editor(file);
	text = note_read(file);
	if (rc == 1) {
		/* A hang-up: the draft, and the loop ends the reader. */
		note_save_draft(a, node, id, text != NULL ? text : body);
	} else if (rc == -1)
		app_message(a, true, _("could not run the editor '%s'"),
		    note_editor());
	else if (text == NULL)
		app_message(a, true, _("the editor's file is gone: %s"),
		    strerror(errno));
	else if (strlen(text) > STATE_NOTE_MAX)
		app_message(a, true, _("the note is longer than %d bytes: "
		    "not kept"), STATE_NOTE_MAX);
	else if (strcmp(text, body) == 0)
		app_message(a, false, "%s", _("the note is unchanged"));
	else if (*text == '\0')
		app_message(a, false, "%s", _("the note is empty: nothing "
		    "kept (d in :notes deletes a note)"));
	else
		rc = note_save(a, r, node, id, text);
	free(text);
	unlink(file);
	free(file);
	return rc;
}

int
note_edit(struct app *a, uint32_t node, const char *id, const char *body)
{
	return note_edit_in(a, NULL, node, id, body);
}

void
reader_note_edit(struct reader *r)
{
	uint32_t	node = reader_current_node(r);
	size_t		first, n;
	struct state_note *note = NULL;

	/* The paragraph's last note, or a new one. */
	n = reader_notes_at(r, node, &first);
	if (n > 0)
		note = &r->notes[r->note_at[first + n - 1].k];
	(void)note_edit_in(r->app, r, node, note ? note->id : NULL,
	    note ? note->body : "");
}
