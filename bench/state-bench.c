/*
 * state-bench.c -- the user-state store with a large state: NOTES notes
 * (10,000) and MARKS marks (1,000).  Measured, each trial in a fresh
 * process (fork of this one, which has no thread then):
 *   - open and load everything: how long state_open keeps the reader's
 *     thread (it waits at most STATE_OPEN_WAIT_MS), and how long until
 *     everything is in memory;
 *   - save one note, and one mark: from the call to the commit
 *     (state_flush), with synchronous=FULL (what charta uses) and NORMAL
 *     (what FULL costs).
 *
 * Usage: state-bench [-n NOTES] [-m MARKS] [-t TRIALS] DIR
 * DIR is made if need be; DIR/state.db is made afresh.  Put DIR on the
 * disk the state lives on (a tmpfs makes fsync free).  `make bench-state`
 * runs it in bench/state.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/state.h"
#include "util/xmalloc.h"

static long	nnotes = 10000, nmarks = 1000, trials = 100;
static char	path[4096];

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "state-bench: %s: %s\n", what, why != NULL ? why :
	    "(no message)");
	exit(1);
}

static struct state *
open_loaded(enum state_sync sync)
{
	struct state_options	 o = { path, -1, STATE_JOURNAL_AUTO, sync,
				    false };
	struct state		*st;
	char			*warning;

	if ((st = state_open_with(&o, &warning)) == NULL || warning != NULL)
		die(path, warning);
	return st;
}

static void
close_saved(struct state *st)
{
	char	*msg;

	if (state_close_with(st, 60000, &msg) != 0)
		die(path, msg);
}

/* The state: notes of 100 to 600 bytes over 200 anchors, and marks. */
static void
make_state(void)
{
	struct state		*st;
	struct state_anchor	 at = { "iscc", NULL, "mfa", NULL };
	struct state_quote	 q = { "cyberspace", "peace in ", " and" };
	char			 anchor[32], name[32], id[STATE_ID_SIZE];
	char			*body, *err;
	long			 i;
	size_t			 len;

	(void)unlink(path);
	st = open_loaded(STATE_SYNC_FULL);
	body = xmalloc(700);
	state_group_begin(st);
	for (i = 0; i < nnotes; i++) {
		snprintf(anchor, sizeof anchor, "II.%ld.p%ld", i % 20, i % 10);
		at.anchor = at.label = anchor;
		len = 100 + (size_t)(i * 7919 % 500);
		memset(body, 'a' + (int)(i % 26), len);
		body[len] = '\0';
		if (state_note_add(st, &at, &q, body, id, &err) != 0)
			die("note", err);
	}
	for (i = 0; i < nmarks; i++) {
		snprintf(name, sizeof name, "m%ld", i);
		snprintf(anchor, sizeof anchor, "I.%ld", i);
		at.anchor = at.label = anchor;
		if (state_mark_set(st, name, &at, &err) != 0)
			die("mark", err);
	}
	state_group_end(st);
	free(body);
	close_saved(st);
}

/* What a child measures. */
enum what { OPEN, SAVE_NOTE, SAVE_MARK };

static void
child(int fd, enum what what, enum state_sync sync, long k)
{
	struct state_anchor	 at = { NULL, NULL, "wic", "I.1" };
	struct state		*st;
	struct state_status	 s;
	struct pollfd		 pfd;
	char			*warning, *err, *msg, id[STATE_ID_SIZE], name[32];
	double			 t[2], t0;
	int			 rc;
	bool			 loaded;

	if (what == OPEN) {
		t0 = now_ms();
		if ((st = state_open(path, &warning)) == NULL)
			die(path, warning);
		pfd.fd = state_event_fd(st);
		pfd.events = POLLIN;
		t[0] = now_ms() - t0;
		/* As the reader would: sleep on the event descriptor. */
		for (;;) {
			state_status(st, &s);
			loaded = s.loaded;
			state_status_clear(&s);
			if (loaded)
				break;
			(void)poll(&pfd, 1, 1000);
			(void)state_poll(st, &msg);
			free(msg);
		}
		t[1] = now_ms() - t0;
	} else {
		st = open_loaded(sync);
		snprintf(name, sizeof name, "t%ld", k % 26);
		t0 = now_ms();
		rc = what == SAVE_NOTE ? state_note_add(st, &at, NULL,
		    "one more note, of a sentence or two", id, &err) :
		    state_mark_set(st, name, &at, &err);
		if (rc != 0)
			die("save", err);
		if (state_flush(st, 60000, &msg) != 0)
			die("save", msg);
		t[0] = t[1] = now_ms() - t0;
	}
	close_saved(st);
	if (write(fd, t, sizeof t) != (ssize_t)sizeof t)
		_exit(1);
	_exit(0);
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Run trials children; their first and second figures, sorted. */
static void
run(enum what what, enum state_sync sync, double *first, double *second)
{
	int	fds[2], status;
	pid_t	pid;
	double	t[2];
	long	i;

	for (i = 0; i < trials; i++) {
		if (pipe(fds) == -1)
			die("pipe", strerror(errno));
		fflush(NULL);
		if ((pid = fork()) == -1)
			die("fork", strerror(errno));
		if (pid == 0) {
			close(fds[0]);
			child(fds[1], what, sync, i);
		}
		close(fds[1]);
		if (read(fds[0], t, sizeof t) != (ssize_t)sizeof t)
			die("a trial", "no figures");
		close(fds[0]);
		if (waitpid(pid, &status, 0) == -1 || status != 0)
			die("a trial", "failed");
		first[i] = t[0];
		second[i] = t[1];
	}
	qsort(first, (size_t)trials, sizeof *first, cmp_double);
	qsort(second, (size_t)trials, sizeof *second, cmp_double);
}

static double
pct(const double *v, double p)
{
	long	i = (long)(p / 100.0 * (double)(trials - 1) + 0.5);

	return v[i];
}

static void
report(const char *what, const double *v)
{
	printf("  %-44s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what,
	    pct(v, 50), pct(v, 99), v[trials - 1]);
}

static void
usage(void)
{
	fprintf(stderr, "usage: state-bench [-n NOTES] [-m MARKS] "
	    "[-t TRIALS] DIR\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	double		*a, *b, t0;
	struct stat	 sb;
	int		 ch;

	while ((ch = getopt(argc, argv, "m:n:t:")) != -1) {
		switch (ch) {
		case 'm':
			nmarks = atol(optarg);
			break;
		case 'n':
			nnotes = atol(optarg);
			break;
		case 't':
			trials = atol(optarg);
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 1 || nnotes < 0 || nmarks < 0 || trials < 1)
		usage();
	if (mkdir(argv[optind], 0700) == -1 && errno != EEXIST)
		die(argv[optind], strerror(errno));
	snprintf(path, sizeof path, "%s/state.db", argv[optind]);
	a = xreallocarray(NULL, (size_t)trials, sizeof *a);
	b = xreallocarray(NULL, (size_t)trials, sizeof *b);

	t0 = now_ms();
	make_state();
	if (stat(path, &sb) == -1)
		die(path, strerror(errno));
	printf("state-bench: %ld notes and %ld marks in %s (%.1f MB, made "
	    "in %.0f ms); %ld trials, each in a fresh process\n", nnotes,
	    nmarks, path, (double)sb.st_size / 1e6, now_ms() - t0, trials);
	run(OPEN, STATE_SYNC_FULL, a, b);
	report("state_open (the reader's thread waits)", a);
	report("open and load everything", b);
	run(SAVE_NOTE, STATE_SYNC_FULL, a, b);
	report("save one note, to commit (synchronous=FULL)", a);
	run(SAVE_MARK, STATE_SYNC_FULL, a, b);
	report("save one mark, to commit (synchronous=FULL)", a);
	run(SAVE_NOTE, STATE_SYNC_NORMAL, a, b);
	report("save one note, to commit (NORMAL)", a);
	run(SAVE_MARK, STATE_SYNC_NORMAL, a, b);
	report("save one mark, to commit (NORMAL)", a);
	printf("reproduce: make bench/state-bench && bench/state-bench "
	    "-n %ld -m %ld -t %ld %s\n", nnotes, nmarks, trials,
	    argv[optind]);
	free(a);
	free(b);
	return 0;
}
