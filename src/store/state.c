/*
 * state.c -- the user's state (see state.h): opening and closing, the
 * checks every change goes through, histories and reading positions.
 * Marks are in state-mark.c, notes and drafts in state-note.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "store/state-private.h"
#include "store/userdir.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* f_type values of file systems where WAL's shared memory is unsafe. */
#define FS_NFS		0x6969
#define FS_SMB		0x517b
#define FS_CIFS		0xff534d42
#define FS_SMB2		0xfe534d42
#define FS_FUSE		0x65735546

/* How long closing waits for the writer thread once the flush is over. */
#define STATE_STOP_MS	500

/* The longest history kind, in bytes. */
#define STATE_KIND_MAX	64

static bool
state_on_network_fs(const char *dir)
{
	struct statfs	sf;
	unsigned long	t;

	if (statfs(dir, &sf) == -1)
		return false;
	t = (unsigned long)sf.f_type;
	return t == FS_NFS || t == FS_SMB || t == FS_CIFS || t == FS_SMB2 ||
	    t == FS_FUSE;
}

/*
 * The file, or one that goes with it, must be a regular file of the user,
 * not a symbolic link (which could point at another user's file: root
 * would write into it).  Returns 0 (also when it does not exist), or -1
 * with a message in *err.
 */
static int
state_check_file(const char *path, char **err)
{
	struct stat	sb;

	if (lstat(path, &sb) == -1) {
		if (errno == ENOENT)
			return 0;
		*err = xasprintf(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	if (S_ISLNK(sb.st_mode)) {
		*err = xasprintf(_("%s is a symbolic link; charta does not "
		    "write through one"), path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*err = xasprintf(_("%s is not a regular file"), path);
		return -1;
	}
	if (sb.st_uid != geteuid()) {
		*err = xasprintf(_("%s belongs to another user (uid %lu), "
		    "not to you (uid %lu)"), path, (unsigned long)sb.st_uid,
		    (unsigned long)geteuid());
		return -1;
	}
	return 0;
}

/*
 * The path to open: its directory made if need be (0700) and resolved,
 * so that SQLite's "no symbolic link" check (SQLITE_OPEN_NOFOLLOW) is
 * about the file itself, not about a link the user made higher up.  The
 * file is checked, and created (0600) if it is not there.  Returns the
 * path (malloc'ed), its directory in *dir, or NULL with *err.
 */
static char *
state_prepare_path(const char *given, char **dir, char **err)
{
	const char	*slash = strrchr(given, '/'), *base;
	char		*d, *real, *path, *failed;
	const char	*companion[] = { "-wal", "-shm", "-journal" };
	size_t		 i;
	int		 fd;

	*dir = NULL;
	base = slash != NULL ? slash + 1 : given;
	if (*base == '\0') {
		*err = xasprintf(_("%s is not a regular file"), given);
		return NULL;
	}
	if (userdir_mkdirs(given, &failed) == -1) {
		*err = xasprintf(_("%s: cannot create the directory (%s: %s)"),
		    given, failed, strerror(errno));
		free(failed);
		return NULL;
	}
	d = slash == NULL ? xstrdup(".") : slash == given ? xstrdup("/") :
	    xstrndup(given, (size_t)(slash - given));
	if ((real = realpath(d, NULL)) == NULL) {
		*err = xasprintf(_("%s: %s"), d, strerror(errno));
		free(d);
		return NULL;
	}
	free(d);
	path = xasprintf("%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/",
	    base);
	for (i = 0; i < sizeof companion / sizeof *companion; i++) {
		d = xasprintf("%s%s", path, companion[i]);
		if (state_check_file(d, err) == -1) {
			free(d);
			goto fail;
		}
		free(d);
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) != -1)
		close(fd);
	else if (errno != EEXIST && errno != ELOOP) {
		*err = xasprintf(_("%s: cannot create it: %s"), path,
		    strerror(errno));
		goto fail;
	}
	if (state_check_file(path, err) == -1)
		goto fail;
	*dir = real;
	return path;
fail:
	free(real);
	free(path);
	return NULL;
}

/* Free the state; the writer thread is gone. */
static void
state_free(struct state *st)
{
	state_model_free(&st->model);
	if (st->loaded != NULL) {
		state_model_free(st->loaded);
		free(st->loaded);
	}
	state_queue_free(&st->replay);
	state_queue_free(&st->queue);
	state_queue_free(&st->failed);
	free(st->error);
	free(st->messages);
	free(st->path);
	close(st->evfd[0]);
	close(st->evfd[1]);
	pthread_mutex_destroy(&st->mu);
	pthread_cond_destroy(&st->wake);
	pthread_cond_destroy(&st->changed);
	free(st);
}

struct state *
state_open_with(const struct state_options *opts, char **warning)
{
	struct state_options	 def = { NULL, STATE_OPEN_WAIT_MS,
				    STATE_JOURNAL_AUTO, STATE_SYNC_FULL, false };
	struct state		*st;
	char			*path, *dir, *err = NULL, *prepared;
	bool			 failed;

	*warning = NULL;
	if (opts == NULL)
		opts = &def;
	if (opts->path == NULL)
		path = userdir_path("state.db", &err);
	else
		path = xstrdup(opts->path);
	dir = NULL;
	if (path != NULL) {
		prepared = state_prepare_path(path, &dir, &err);
		free(path);
		path = prepared;
	}
	if (path == NULL) {
		*warning = xasprintf(_("%s; notes, marks and history will not "
		    "be kept"), err);
		free(err);
		return NULL;
	}
	st = xcalloc(1, sizeof *st);
	st->path = path;
	st->journal = opts->journal;
	st->sync = opts->sync;
	st->network = state_on_network_fs(dir);
	free(dir);
	st->phase = STATE_OPENING;
	st->held = opts->held;
	state_queue_init(&st->replay);
	state_queue_init(&st->queue);
	state_queue_init(&st->failed);
	if (state_worker_start(st) == -1) {
		*warning = xasprintf(_("%s: cannot start writing: %s; notes, "
		    "marks and history will not be kept"), path,
		    strerror(errno));
		free(st->path);
		free(st);
		return NULL;
	}
	if (!st->held)
		(void)state_wait_open(st, opts->wait_ms);
	pthread_mutex_lock(&st->mu);
	*warning = st->messages;
	st->messages = NULL;
	failed = st->phase == STATE_FAILED;
	if (failed && *warning == NULL)
		*warning = state_xstrdup_null(st->error);
	pthread_mutex_unlock(&st->mu);
	if (failed) {
		/* Nothing was made: nothing to save. */
		state_worker_stop(st, STATE_STOP_MS);
		state_free(st);
		return NULL;
	}
	return st;
}

struct state *
state_open(const char *path, char **warning)
{
	struct state_options	opts = { path, STATE_OPEN_WAIT_MS,
				    STATE_JOURNAL_AUTO, STATE_SYNC_FULL, false };

	return state_open_with(&opts, warning);
}

size_t
state_close_with(struct state *st, int timeout_ms, char **message)
{
	size_t	 n;
	char	*why, *file, *err;
	bool	 gone;

	*message = NULL;
	if (st == NULL)
		return 0;
	n = state_flush(st, timeout_ms, &why);
	free(why);
	gone = state_worker_stop(st, STATE_STOP_MS);
	pthread_mutex_lock(&st->mu);
	n = st->queue.n + st->failed.n + st->inflight;
	if (n > 0) {
		/* Nothing the user made is lost: it goes to a text file. */
		why = state_unsaved_message(st, n);
		if ((file = state_rescue_write(st, &err)) != NULL) {
			*message = xasprintf(_("%s; they were written to %s"),
			    why, file);
			free(file);
		} else {
			*message = xasprintf(_("%s; they could not be written "
			    "to a file either: %s"), why, err);
			free(err);
		}
		free(why);
	}
	pthread_mutex_unlock(&st->mu);
	/* A thread stuck in the file system still uses the state. */
	if (gone)
		state_free(st);
	return n;
}

void
state_close(struct state *st)
{
	char	*message;

	(void)state_close_with(st, STATE_CLOSE_WAIT_MS, &message);
	free(message);
}

char *
state_default_path(void)
{
	char	*err, *path = userdir_locate("state.db", &err);

	free(err);
	return path;
}

const char *
state_path(const struct state *st)
{
	return st != NULL ? st->path : NULL;
}

/* ---------------------------------------------------------- the checks */

int
state_check_string(const char *what, const char *s, size_t max,
    bool required, char **err)
{
	size_t	len;

	if (s == NULL) {
		if (!required)
			return 0;
		*err = xasprintf(_("%s is missing"), what);
		return -1;
	}
	len = strlen(s);
	if (required && len == 0) {
		*err = xasprintf(_("%s is empty"), what);
		return -1;
	}
	if (len > max) {
		*err = xasprintf(_("%s is too long: %zu bytes, at most %zu"),
		    what, len, max);
		return -1;
	}
	return 0;
}

int
state_check_anchor(const struct state_anchor *a, char **err)
{
	if (a == NULL) {
		*err = xasprintf(_("%s is missing"), _("the place"));
		return -1;
	}
	if ((a->work == NULL) != (a->anchor == NULL)) {
		*err = xstrdup(_("a work and an anchor go together"));
		return -1;
	}
	if (state_check_string(_("the document"), a->slug, STATE_STRING_MAX,
	    true, err) == -1 ||
	    state_check_string(_("the label"), a->label, STATE_STRING_MAX,
	    true, err) == -1 ||
	    state_check_string(_("the work"), a->work, STATE_STRING_MAX,
	    false, err) == -1 ||
	    state_check_string(_("the anchor"), a->anchor, STATE_STRING_MAX,
	    false, err) == -1)
		return -1;
	return 0;
}

int
state_check_quote(const struct state_quote *q, char **err)
{
	if (q == NULL)
		return 0;
	if (state_check_string(_("the quote"), q->exact, STATE_STRING_MAX,
	    false, err) == -1 ||
	    state_check_string(_("the quote"), q->prefix, STATE_STRING_MAX,
	    false, err) == -1 ||
	    state_check_string(_("the quote"), q->suffix, STATE_STRING_MAX,
	    false, err) == -1)
		return -1;
	return 0;
}

/* ----------------------------------------------------------- histories */

int
state_history_add(struct state *st, const char *kind, const char *text,
    char **err)
{
	struct state_op	*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (state_check_string(_("the history's kind"), kind, STATE_KIND_MAX,
	    true, err) == -1 ||
	    state_check_string(_("the history entry"), text, STATE_STRING_MAX,
	    true, err) == -1)
		return -1;
	op = state_op_new(STATE_OP_HISTORY);
	op->hkind = xstrdup(kind);
	op->text = xstrdup(text);
	return state_submit(st, op, err);
}

size_t
state_history(struct state *st, const char *kind, char ***items)
{
	const struct state_hist	*h;
	size_t			 i;

	*items = NULL;
	if (st == NULL)
		return 0;
	state_adopt(st);
	if ((h = state_model_hist(&st->model, kind)) == NULL || h->n == 0)
		return 0;
	*items = xreallocarray(NULL, h->n, sizeof **items);
	for (i = 0; i < h->n; i++)
		(*items)[i] = xstrdup(h->items[i]);
	return h->n;
}

void
state_history_free(char **items, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/* ----------------------------------------------------------- positions */

int
state_position_save(struct state *st, const struct state_position *pos,
    char **err)
{
	struct state_op	*op;
	size_t		 i;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (pos == NULL ||
	    state_check_string(_("the document"), pos->slug,
	    STATE_STRING_MAX, true, err) == -1 ||
	    /* Empty: the document's own title, its root. */
	    pos->top_label == NULL ||
	    state_check_string(_("the label"), pos->top_label,
	    STATE_STRING_MAX, false, err) == -1 ||
	    state_check_string(_("the anchor"), pos->top_anchor,
	    STATE_STRING_MAX, false, err) == -1 ||
	    state_check_string(_("the label"), pos->sel_label,
	    STATE_STRING_MAX, false, err) == -1) {
		if (*err == NULL)
			*err = xasprintf(_("%s is missing"), _("the place"));
		return -1;
	}
	if (pos->nopen > STATE_OPEN_MAX) {
		*err = xasprintf(_("%s is too long: %zu bytes, at most %zu"),
		    _("the list of open nodes"), pos->nopen,
		    (size_t)STATE_OPEN_MAX);
		return -1;
	}
	for (i = 0; i < pos->nopen; i++)
		if (state_check_string(_("the label"), pos->open[i],
		    STATE_STRING_MAX, true, err) == -1)
			return -1;
	op = state_op_new(STATE_OP_POSITION);
	state_position_copy(&op->pos, pos);
	op->pos.updated = op->at;
	return state_submit(st, op, err);
}

struct state_position *
state_position_load(struct state *st, const char *slug)
{
	struct state_position	*p;
	size_t			 i;

	if (st == NULL || slug == NULL)
		return NULL;
	state_adopt(st);
	for (i = 0; i < st->model.npos; i++) {
		if (strcmp(st->model.pos[i].slug, slug) == 0) {
			p = xmalloc(sizeof *p);
			state_position_copy(p, &st->model.pos[i]);
			return p;
		}
	}
	return NULL;
}

void
state_position_free(struct state_position *p)
{
	if (p == NULL)
		return;
	state_position_clear(p);
	free(p);
}

int
state_last_doc_set(struct state *st, const char *slug, char **err)
{
	struct state_op	*op;

	*err = NULL;
	if (st == NULL)
		return -1;
	state_adopt(st);
	if (state_check_string(_("the document"), slug, STATE_STRING_MAX,
	    true, err) == -1)
		return -1;
	op = state_op_new(STATE_OP_LAST_DOC);
	op->text = xstrdup(slug);
	return state_submit(st, op, err);
}

char *
state_last_doc(struct state *st)
{
	if (st == NULL)
		return NULL;
	state_adopt(st);
	return state_xstrdup_null(st->model.last_doc);
}
