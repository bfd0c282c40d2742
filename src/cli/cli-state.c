/*
 * cli-state.c -- the user's state for the commands that read or change
 * notes and marks: opened as the reader opens it (state.h), waited for
 * until its contents are in, and closed only once every change is
 * committed, or said not to be.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "store/state.h"
#include "util/i18n.h"

/* How long a command waits for the file's contents (it may be locked). */
#define CLI_STATE_LOAD_MS	10000
/* How long closing waits for the changes to be committed. */
#define CLI_STATE_FLUSH_MS	30000

static int64_t
cli_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Say what the state has to say (a file moved aside, ...). */
static void
cli_state_messages(struct state *st)
{
	char	*msg = NULL;

	(void)state_poll(st, &msg);
	if (msg != NULL)
		output_error("%s", msg);
	free(msg);
}

/*
 * Wait until the file's contents are in: 1; 0 if they did not come in
 * time; -1 if the file turned out unusable (the state said why).
 */
static int
cli_state_wait(struct state *st)
{
	struct state_status	ss;
	struct pollfd		pfd;
	int64_t			until = cli_now_ms() + CLI_STATE_LOAD_MS, left;
	bool			loaded, failed;

	for (;;) {
		cli_state_messages(st);
		state_status(st, &ss);
		loaded = ss.loaded;
		failed = ss.disabled;
		state_status_clear(&ss);
		if (loaded || failed)
			return loaded ? 1 : -1;
		if ((left = until - cli_now_ms()) <= 0)
			return 0;
		pfd.fd = state_event_fd(st);
		pfd.events = POLLIN;
		(void)poll(&pfd, 1, (int)left);
	}
}

struct state *
cli_state_open(bool create, bool *none)
{
	struct state	*st;
	struct stat	 sb;
	char		*path, *warning = NULL;

	*none = false;
	if (!create) {
		/* Only reading: no file is made where there is none. */
		path = state_default_path();
		if (path == NULL || (stat(path, &sb) == -1 &&
		    errno == ENOENT)) {
			free(path);
			*none = true;
			return NULL;
		}
		free(path);
	}
	st = state_open(NULL, &warning);
	if (warning != NULL)
		output_error("%s", warning);
	free(warning);
	if (st == NULL)
		return NULL;
	switch (cli_state_wait(st)) {
	case 1:
		return st;
	case 0:
		output_error(_("%s: the file could not be read in %d seconds "
		    "(another program holds it locked?)"), state_path(st),
		    CLI_STATE_LOAD_MS / 1000);
		break;
	}
	(void)cli_state_close(st);
	return NULL;
}

int
cli_state_close(struct state *st)
{
	char	*msg = NULL;
	size_t	 n;

	if (st == NULL)
		return 0;
	cli_state_messages(st);
	n = state_close_with(st, CLI_STATE_FLUSH_MS, &msg);
	if (n > 0)
		output_error("%s", msg != NULL ? msg : _("changes could not be "
		    "saved"));
	free(msg);
	return n > 0 ? -1 : 0;
}
