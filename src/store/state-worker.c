/*
 * state-worker.c -- the writer thread (see state.h, state-private.h): it
 * opens and loads the file, then commits the queued changes, a batch at a
 * time, retrying while the file is locked or the disk is full, with a
 * pause that grows (STATE_PAUSE_MIN_MS up to STATE_PAUSE_LOCK_MS for a
 * lock, STATE_PAUSE_ERROR_MS for other failures) and none while a flush
 * waits.  A change is freed only once committed; one the file refuses for
 * good (never expected: the interface checks the arguments) is kept aside
 * and counted as not saved.
 *
 * The event pipe carries at most one byte at a time: the thread writes
 * one when the status changes and none is waiting, and state_poll takes
 * it.  While nothing is pending the thread sleeps on its condition
 * variable, and nothing wakes the reader.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/state-private.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define STATE_PAUSE_MIN_MS	50
#define STATE_PAUSE_LOCK_MS	1000
#define STATE_PAUSE_ERROR_MS	5000
/* The pause between tries while a flush waits (a full disk fails fast). */
#define STATE_PAUSE_FLUSH_MS	10

/* The time ms from now on CLOCK_MONOTONIC. */
static struct timespec
state_deadline(int ms)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

static bool
state_passed(const struct timespec *ts)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > ts->tv_sec ||
	    (now.tv_sec == ts->tv_sec && now.tv_nsec >= ts->tv_nsec);
}

/* With mu held: record events and wake whoever waits for them. */
void
state_notify(struct state *st, unsigned int events)
{
	char	c = 1;

	st->events |= events;
	pthread_cond_broadcast(&st->changed);
	if (!st->signalled && write(st->evfd[1], &c, 1) == 1)
		st->signalled = true;
}

/* With mu held: a message for state_poll (taken over). */
void
state_add_message(struct state *st, char *message)
{
	char	*both;

	if (st->messages == NULL)
		st->messages = message;
	else {
		both = xasprintf("%s\n%s", st->messages, message);
		free(st->messages);
		free(message);
		st->messages = both;
	}
	state_notify(st, STATE_EVENT_MESSAGE);
}

/*
 * With mu held: whether the file is locked and the last failure (taken
 * over; NULL: none).  The reader is woken only if that changed: a lock
 * retried every second is one event, not one a second.
 */
static void
state_set_status(struct state *st, bool locked, char *error)
{
	bool	same;

	same = st->locked == locked && (st->error == NULL ? error == NULL :
	    error != NULL && strcmp(st->error, error) == 0);
	st->locked = locked;
	free(st->error);
	st->error = error;
	if (!same)
		state_notify(st, STATE_EVENT_STATUS);
}

/* ------------------------------------------------------- the thread */

/* With mu held: wait for a wake-up, or until the pause is over. */
static void
state_worker_pause(struct state *st, unsigned int *pause_ms,
    unsigned int cap)
{
	struct timespec	until;
	unsigned int	ms = st->flushing ? STATE_PAUSE_FLUSH_MS : *pause_ms;

	until = state_deadline((int)ms);
	while (!st->quit && !state_passed(&until) &&
	    (st->flushing == 0 || ms == STATE_PAUSE_FLUSH_MS))
		if (pthread_cond_timedwait(&st->wake, &st->mu, &until) ==
		    ETIMEDOUT)
			break;
	*pause_ms = *pause_ms * 2 > cap ? cap : *pause_ms * 2;
}

/* With mu held: open and load the file (mu is let go meanwhile). */
static void
state_worker_open(struct state *st, unsigned int *pause_ms)
{
	struct state_model	*m = NULL;
	char			*msg, *error;
	enum state_db_opened	 r;

	pthread_mutex_unlock(&st->mu);
	r = state_db_open_load(st, &m, &msg, &error);
	pthread_mutex_lock(&st->mu);
	if (msg != NULL)
		state_add_message(st, msg);
	switch (r) {
	case STATE_DB_OK:
	case STATE_DB_NEWER:
		st->loaded = m;
		st->phase = r == STATE_DB_OK ? STATE_READY : STATE_READONLY;
		state_set_status(st, false, NULL);
		*pause_ms = STATE_PAUSE_MIN_MS;
		state_notify(st, STATE_EVENT_LOADED | STATE_EVENT_STATUS);
		break;
	case STATE_DB_LOCKED:
	case STATE_DB_RETRY:
		/* Try again later; meanwhile the status says why. */
		state_set_status(st, r == STATE_DB_LOCKED, error);
		state_worker_pause(st, pause_ms, st->locked ?
		    STATE_PAUSE_LOCK_MS : STATE_PAUSE_ERROR_MS);
		break;
	case STATE_DB_FAILED:
		st->phase = STATE_FAILED;
		if (msg == NULL)
			state_add_message(st, xstrdup(error));
		state_set_status(st, false, error);
		state_notify(st, STATE_EVENT_STATUS);
		break;
	}
}

/* With mu held: what the file will never take is kept aside. */
static void
state_worker_refuse_all(struct state *st)
{
	struct state_op	*op;
	const char	*why;

	why = st->phase == STATE_READONLY ? _("the file is a newer "
	    "charta's, opened read-only") : st->error != NULL ? st->error :
	    _("no usable file");
	while ((op = st->queue.head) != NULL) {
		st->queue.head = op->next;
		if (op->failure == NULL)
			op->failure = xstrdup(why);
		state_queue_push(&st->failed, op);
	}
	state_queue_init(&st->queue);
	state_notify(st, STATE_EVENT_STATUS);
}

/* With mu held: write one batch (mu is let go meanwhile). */
static void
state_worker_write(struct state *st, size_t *single, unsigned int *pause_ms)
{
	struct state_queue	 batch;
	struct state_op		*op;
	char			*why;
	int			 rc;
	bool			 busy;

	batch = st->queue;
	state_queue_init(&st->queue);
	if (*single > 0 && batch.n > 1) {
		/* One at a time, to find the change the file refuses. */
		st->queue.head = batch.head->next;
		st->queue.tail = batch.tail;
		st->queue.n = batch.n - 1;
		batch.head->next = NULL;
		batch.tail = &batch.head->next;
		batch.n = 1;
	}
	st->inflight = batch.n;
	pthread_mutex_unlock(&st->mu);
	rc = state_save_batch(st, batch.head, batch.n, &why);
	pthread_mutex_lock(&st->mu);
	st->inflight = 0;
	if (rc == 0) {
		if (*single > 0)
			(*single)--;
		state_queue_free(&batch);
		*pause_ms = STATE_PAUSE_MIN_MS;
		state_set_status(st, false, NULL);
		state_notify(st, STATE_EVENT_STATUS);	/* fewer pending */
		return;
	}
	busy = state_db_busy(rc);
	if (state_db_transient(rc)) {
		state_queue_prepend(&st->queue, &batch);
		state_set_status(st, busy, xasprintf(_("%s: cannot save: %s"),
		    st->path, why));
		free(why);
		state_worker_pause(st, pause_ms, busy ? STATE_PAUSE_LOCK_MS :
		    STATE_PAUSE_ERROR_MS);
		return;
	}
	if (batch.n > 1) {
		state_queue_prepend(&st->queue, &batch);
		*single = st->queue.n;
		free(why);
		return;
	}
	op = batch.head;
	op->failure = xasprintf(_("%s: cannot save: %s"), st->path, why);
	free(why);
	state_queue_push(&st->failed, op);
	if (*single > 0)
		(*single)--;
	state_notify(st, STATE_EVENT_STATUS);
}

static void *
state_worker_main(void *arg)
{
	struct state	*st = arg;
	unsigned int	 pause_ms = STATE_PAUSE_MIN_MS;
	size_t		 single = 0;

	pthread_mutex_lock(&st->mu);
	while (!st->quit) {
		if (st->phase == STATE_OPENING && st->held)
			pthread_cond_wait(&st->wake, &st->mu);
		else if (st->phase == STATE_OPENING)
			state_worker_open(st, &pause_ms);
		else if (st->phase != STATE_READY) {
			if (st->queue.n > 0)
				state_worker_refuse_all(st);
			else
				pthread_cond_wait(&st->wake, &st->mu);
		} else if (st->queue.n == 0 || st->group)
			pthread_cond_wait(&st->wake, &st->mu);
		else
			state_worker_write(st, &single, &pause_ms);
	}
	pthread_mutex_unlock(&st->mu);
	state_db_close(st);
	pthread_mutex_lock(&st->mu);
	st->exited = true;
	pthread_cond_broadcast(&st->changed);
	pthread_mutex_unlock(&st->mu);
	return NULL;
}

int
state_worker_start(struct state *st)
{
	pthread_condattr_t	attr;
	sigset_t		all, old;
	int			rc;

	if (pipe2(st->evfd, O_CLOEXEC | O_NONBLOCK) == -1)
		return -1;
	pthread_mutex_init(&st->mu, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&st->wake, &attr);
	pthread_cond_init(&st->changed, &attr);
	pthread_condattr_destroy(&attr);
	/*
	 * Signals are for the reader's thread: its handlers set flags that
	 * its loop must see, its read() must be the call they interrupt.
	 */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&st->thread, NULL, state_worker_main, st);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		close(st->evfd[0]);
		close(st->evfd[1]);
		pthread_mutex_destroy(&st->mu);
		pthread_cond_destroy(&st->wake);
		pthread_cond_destroy(&st->changed);
		errno = rc;
		return -1;
	}
	st->thread_started = true;
	return 0;
}

/*
 * Stop the thread, waiting up to timeout_ms for it to finish what it is
 * doing.  Returns true when it is gone; false when it is still inside
 * SQLite (a file system that does not answer): it is left to end with the
 * process, and the state must not be freed.
 */
bool
state_worker_stop(struct state *st, int timeout_ms)
{
	struct timespec	until = state_deadline(timeout_ms);
	bool		gone;

	if (!st->thread_started)
		return true;
	pthread_mutex_lock(&st->mu);
	st->quit = true;
	pthread_cond_signal(&st->wake);
	while (!st->exited)
		if (pthread_cond_timedwait(&st->changed, &st->mu, &until) ==
		    ETIMEDOUT)
			break;
	gone = st->exited;
	pthread_mutex_unlock(&st->mu);
	if (gone)
		pthread_join(st->thread, NULL);
	else
		pthread_detach(st->thread);
	st->thread_started = false;
	return gone;
}

/* ------------------------------------------- the reader's side */

void
state_release(struct state *st)
{
	if (st == NULL)
		return;
	pthread_mutex_lock(&st->mu);
	if (st->held) {
		st->held = false;
		pthread_cond_signal(&st->wake);
	}
	pthread_mutex_unlock(&st->mu);
}

bool
state_wait_open(struct state *st, int timeout_ms)
{
	struct timespec	until = state_deadline(timeout_ms < 0 ? 0 : timeout_ms);
	bool		done;

	pthread_mutex_lock(&st->mu);
	while (st->phase == STATE_OPENING) {
		if (timeout_ms < 0)
			pthread_cond_wait(&st->changed, &st->mu);
		else if (pthread_cond_timedwait(&st->changed, &st->mu,
		    &until) == ETIMEDOUT)
			break;
	}
	done = st->phase != STATE_OPENING;
	pthread_mutex_unlock(&st->mu);
	state_adopt(st);
	return done;
}

void
state_adopt(struct state *st)
{
	struct state_model	*m;
	struct state_op		*op;

	if (st->adopted)
		return;
	pthread_mutex_lock(&st->mu);
	m = st->loaded;
	st->loaded = NULL;
	pthread_mutex_unlock(&st->mu);
	if (m == NULL)
		return;
	/* The changes made before the file's contents arrived, again. */
	for (op = st->replay.head; op != NULL; op = op->next)
		state_model_apply(m, op);
	state_queue_free(&st->replay);
	state_model_free(&st->model);
	st->model = *m;
	free(m);
	st->adopted = true;
}

int
state_submit(struct state *st, struct state_op *op, char **err)
{
	enum state_phase	phase;

	pthread_mutex_lock(&st->mu);
	phase = st->phase;
	if (phase == STATE_FAILED)
		*err = xasprintf(_("%s; nothing is kept"), st->error != NULL ?
		    st->error : st->path);
	pthread_mutex_unlock(&st->mu);
	if (phase == STATE_READONLY || phase == STATE_FAILED) {
		state_op_free(op);
		return phase == STATE_READONLY ? 1 : -1;
	}
	state_model_apply(&st->model, op);
	if (!st->adopted)
		state_queue_push(&st->replay, state_op_dup(op));
	pthread_mutex_lock(&st->mu);
	state_queue_push(&st->queue, op);
	if (!st->group)
		pthread_cond_signal(&st->wake);
	pthread_mutex_unlock(&st->mu);
	return 0;
}

int
state_event_fd(const struct state *st)
{
	return st != NULL ? st->evfd[0] : -1;
}

unsigned int
state_poll(struct state *st, char **message)
{
	unsigned int	ev;
	char		buf[16];
	char		*msg;

	*message = NULL;
	if (st == NULL)
		return 0;
	pthread_mutex_lock(&st->mu);
	while (read(st->evfd[0], buf, sizeof buf) > 0)
		;
	st->signalled = false;
	ev = st->events;
	st->events = 0;
	msg = st->messages;
	st->messages = NULL;
	pthread_mutex_unlock(&st->mu);
	if (ev & STATE_EVENT_LOADED)
		state_adopt(st);
	ev &= ~(unsigned int)STATE_EVENT_MESSAGE;
	if (msg != NULL) {
		*message = msg;
		ev |= STATE_EVENT_MESSAGE;
	}
	return ev;
}

void
state_status(struct state *st, struct state_status *s)
{
	memset(s, 0, sizeof *s);
	if (st == NULL) {
		s->disabled = true;
		return;
	}
	pthread_mutex_lock(&st->mu);
	s->pending = st->queue.n + st->inflight + st->failed.n;
	s->loaded = st->adopted || st->loaded != NULL ||
	    st->phase == STATE_READY || st->phase == STATE_READONLY;
	s->locked = st->locked;
	s->readonly = st->phase == STATE_READONLY;
	s->disabled = st->phase == STATE_FAILED;
	s->error = state_xstrdup_null(st->failed.head != NULL ?
	    st->failed.head->failure : st->error);
	pthread_mutex_unlock(&st->mu);
}

void
state_status_clear(struct state_status *s)
{
	free(s->error);
	s->error = NULL;
}

void
state_group_begin(struct state *st)
{
	if (st == NULL)
		return;
	pthread_mutex_lock(&st->mu);
	st->group = true;
	pthread_mutex_unlock(&st->mu);
}

void
state_group_end(struct state *st)
{
	if (st == NULL)
		return;
	pthread_mutex_lock(&st->mu);
	st->group = false;
	pthread_cond_signal(&st->wake);
	pthread_mutex_unlock(&st->mu);
}

char *
state_unsaved_message(struct state *st, size_t n)
{
	const char	*why;

	if (st->failed.head != NULL)
		why = st->failed.head->failure;
	else if (st->error != NULL)
		why = st->error;
	else if (st->phase == STATE_OPENING)
		why = _("the file is not open yet");
	else
		why = _("the writer stopped");
	return xasprintf(ngettext("%zu change could not be saved (%s)",
	    "%zu changes could not be saved (%s)", n), n, why);
}

size_t
state_flush(struct state *st, int timeout_ms, char **message)
{
	struct timespec	until = state_deadline(timeout_ms < 0 ? 0 : timeout_ms);
	size_t		n;

	*message = NULL;
	if (st == NULL)
		return 0;
	pthread_mutex_lock(&st->mu);
	st->held = false;	/* what is to be committed needs the file */
	st->group = false;
	st->flushing++;
	pthread_cond_signal(&st->wake);
	while (st->queue.n + st->inflight > 0 && !st->exited &&
	    (st->phase == STATE_READY || st->phase == STATE_OPENING ||
	    st->queue.n > 0)) {
		if (timeout_ms < 0)
			pthread_cond_wait(&st->changed, &st->mu);
		else if (pthread_cond_timedwait(&st->changed, &st->mu,
		    &until) == ETIMEDOUT)
			break;
	}
	st->flushing--;
	n = st->queue.n + st->inflight + st->failed.n;
	if (n > 0)
		*message = state_unsaved_message(st, n);
	pthread_mutex_unlock(&st->mu);
	return n;
}
