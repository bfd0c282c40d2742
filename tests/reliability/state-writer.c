/*
 * state-writer.c -- drive the user-state store (src/store/state*.c) from a
 * script, for tests/reliability/state*.sh: the calls the reader makes,
 * without a terminal.
 *
 * Usage:
 *   state-writer [options] add PATH COUNT TAG
 *	history entries "TAG-1" ... "TAG-COUNT" (kind -k, "filter")
 *   state-writer [options] note PATH COUNT TAG
 *	notes whose bodies are "TAG-1" ... (padded to -s SIZE bytes)
 *   state-writer [options] mark PATH COUNT TAG
 *	marks named "TAG-1" ...
 *   state-writer [options] mixed PATH COUNT TAG
 *	for each N, note "TAG-N", then mark "TAG-N"
 *	Each change is acknowledged -- printed on standard output ("TAG-N",
 *	or "note TAG-N" / "mark TAG-N" for mixed) and flushed -- only once
 *	state_flush says it is committed.  An entry a read-only state did not
 *	keep is printed as "not kept: TAG-N".  A change that is not saved
 *	within -w MS prints the message on standard error and stops, or with
 *	-c goes on with the next one (the change stays pending: it may still
 *	land).  With -a, all changes are made first (each call returning at
 *	once), then one flush acknowledges them all.
 *   state-writer [-k KIND] list PATH	the history, newest first
 *   state-writer notes PATH		live notes, oldest first: "TAG-N"
 *   state-writer marks PATH		live marks by name
 *	(only the "TAG-N" word of a padded entry or body is printed)
 *   state-writer path			state_default_path()
 *   state-writer lock PATH		hold the database with BEGIN
 *	EXCLUSIVE (SQLite directly, as another program would) until standard
 *	input ends; "locked" is printed once it is held
 *   state-writer hold PATH		the same with BEGIN IMMEDIATE (others
 *	read, none writes); "held" is printed
 *
 * Options: -c go on after a failure; -k KIND; -s SIZE pad to SIZE bytes;
 * -w MS how long a flush waits (20000); -o MS how long state_open waits
 * (20000; -o 0 is the reader's way: state_open(PATH)); -j rollback a
 * rollback journal instead of WAL; -a as above; -v say on standard error
 * "state-writer: locked" when the status first says so, and at the end
 * "state-writer: longest call N ms" (the longest a change took to return).
 *
 * PATH "-" means the default place.  A warning from state_open, or a
 * message from state_poll, is printed on standard error as
 * "state-writer: warning: ...".  If state_open returns NULL, the program
 * checks that the store degrades (changes fail, lists are empty), prints
 * "no state" and exits 3.  At the end, state_close_with's message, if any,
 * is printed on standard error.
 *
 * Exit status: 0 all done, 1 a change was not saved, 2 bad usage, 3 no
 * state.
 */
#include "config.h"

#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/state.h"
#include "util/xmalloc.h"

static const char	*kind = "filter";
static long		 pad;
static int		 flush_ms = 20000;
static int		 open_ms = 20000;
static bool		 keep_going, async, verbose, saw_locked;
static enum state_journal journal = STATE_JOURNAL_AUTO;
static double		 longest_ms;

static void
usage(void)
{
	fprintf(stderr, "usage: state-writer [-acv] [-j rollback] [-k KIND] "
	    "[-o MS] [-s SIZE] [-w MS]\n"
	    "           add|note|mark|mixed PATH COUNT TAG\n"
	    "       state-writer [-k KIND] list|notes|marks|lock PATH\n"
	    "       state-writer path\n");
	exit(2);
}

static long
number(const char *s, long max)
{
	char	*end;
	long	 v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > max)
		usage();
	return v;
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* "TAG-N", padded with " xxx..." to pad bytes. */
static char *
padded(const char *tag, long i)
{
	char	*text = xasprintf("%s-%ld", tag, i);
	size_t	 len = strlen(text);

	if ((size_t)pad > len + 1) {
		text = xreallocarray(text, (size_t)pad + 1, 1);
		text[len] = ' ';
		memset(text + len + 1, 'x', (size_t)pad - len - 1);
		text[pad] = '\0';
	}
	return text;
}

/* Print what the store has to say; note a lock. */
static void
take_events(struct state *st)
{
	struct state_status	 s;
	char			*msg;

	(void)state_poll(st, &msg);
	if (msg != NULL) {
		fprintf(stderr, "state-writer: warning: %s\n", msg);
		free(msg);
	}
	state_status(st, &s);
	if (s.locked && !saw_locked && verbose)
		fprintf(stderr, "state-writer: locked\n");
	saw_locked |= s.locked;
	state_status_clear(&s);
}

/* Open the state; without one, check that it degrades, and exit 3. */
static struct state *
writer_open(const char *path)
{
	struct state_options	 o = { NULL, 0, journal, STATE_SYNC_FULL,
				    false };
	struct state		*st;
	struct state_anchor	 at = { NULL, NULL, "doc", "1" };
	char			*warning, *err, **items, id[STATE_ID_SIZE];
	struct state_note	*notes;
	size_t			 n;

	o.path = strcmp(path, "-") == 0 ? NULL : path;
	o.wait_ms = open_ms;
	if (open_ms == 0)
		st = state_open(o.path, &warning);
	else
		st = state_open_with(&o, &warning);
	if (warning != NULL) {
		fprintf(stderr, "state-writer: warning: %s\n", warning);
		free(warning);
	}
	if (st != NULL)
		return st;
	if (state_history_add(NULL, kind, "x", &err) != -1 ||
	    state_note_add(NULL, &at, NULL, "x", id, &err) != -1 ||
	    state_mark_set(NULL, "a", &at, &err) != -1) {
		fprintf(stderr, "state-writer: a change without state "
		    "succeeded\n");
		exit(1);
	}
	n = state_history(NULL, kind, &items);
	if (n != 0 || items != NULL ||
	    state_note_list(NULL, NULL, STATE_LIST_ALL, &notes) != 0) {
		fprintf(stderr, "state-writer: a history without state\n");
		exit(1);
	}
	state_close(NULL);
	printf("no state\n");
	exit(3);
}

/* Make change i of cmd; 0, 1 (not kept) or -1 (refused). */
static int
make_change(struct state *st, const char *cmd, const char *tag, long i,
    bool second)
{
	struct state_anchor	 at = { NULL, NULL, "doc", NULL };
	char			*text = padded(tag, i), *err = NULL;
	char			 id[STATE_ID_SIZE], label[32];
	double			 t0 = now_ms(), t;
	int			 rc;

	snprintf(label, sizeof label, "%ld", i);
	at.label = label;
	if (strcmp(cmd, "add") == 0)
		rc = state_history_add(st, kind, text, &err);
	else if (strcmp(cmd, "note") == 0 || (strcmp(cmd, "mixed") == 0 &&
	    !second))
		rc = state_note_add(st, &at, NULL, text, id, &err);
	else {
		free(text);
		text = xasprintf("%s-%ld", tag, i);
		rc = state_mark_set(st, text, &at, &err);
	}
	if ((t = now_ms() - t0) > longest_ms)
		longest_ms = t;
	if (rc == -1)
		fprintf(stderr, "state-writer: %s\n", err != NULL ? err :
		    "(no message)");
	free(err);
	free(text);
	return rc;
}

/* Wait for the changes to be committed; print why not. */
static bool
committed(struct state *st)
{
	char	*msg;
	size_t	 n;

	take_events(st);
	if (verbose) {
		/* Watch the status as the reader would, till all is saved. */
		struct pollfd		pfd = { state_event_fd(st), POLLIN, 0 };
		struct state_status	s;
		double			until = now_ms() + flush_ms;

		for (;;) {
			state_status(st, &s);
			n = s.pending;
			state_status_clear(&s);
			if (n == 0 || now_ms() >= until)
				break;
			(void)poll(&pfd, 1, (int)(until - now_ms()) + 1);
			take_events(st);
		}
	}
	n = state_flush(st, flush_ms, &msg);
	take_events(st);
	if (n == 0)
		return true;
	fprintf(stderr, "state-writer: %s\n", msg != NULL ? msg :
	    "(no message)");
	free(msg);
	return false;
}

static void
ack(const char *cmd, const char *tag, long i, bool second, int rc)
{
	const char	*what = "";

	if (strcmp(cmd, "mixed") == 0)
		what = second ? "mark " : "note ";
	printf("%s%s%s-%ld\n", rc == 1 ? "not kept: " : "", what, tag, i);
	if (fflush(stdout) != 0)
		exit(1);
}

static int
write_changes(const char *cmd, const char *path, long count, const char *tag)
{
	struct state	*st = writer_open(path);
	long		 i;
	int		 rc, k, steps, status = 0;
	char		*msg;

	steps = strcmp(cmd, "mixed") == 0 ? 2 : 1;
	for (i = 1; i <= count && (status == 0 || keep_going); i++) {
		for (k = 0; k < steps && (status == 0 || keep_going); k++) {
			rc = make_change(st, cmd, tag, i, k == 1);
			if (rc == -1)
				status = 1;
			else if (rc == 1)
				ack(cmd, tag, i, k == 1, 1);
			else if (async)
				continue;
			else if (committed(st))
				ack(cmd, tag, i, k == 1, 0);
			else
				status = 1;
		}
	}
	if (async && status == 0 && committed(st)) {
		for (i = 1; i <= count; i++)
			for (k = 0; k < steps; k++)
				ack(cmd, tag, i, k == 1, 0);
	} else if (async)
		status = 1;
	if (verbose)
		fprintf(stderr, "state-writer: longest call %.0f ms\n",
		    longest_ms);
	if (state_close_with(st, flush_ms, &msg) > 0)
		status = 1;
	if (msg != NULL) {
		fprintf(stderr, "state-writer: %s\n", msg);
		free(msg);
	}
	return status;
}

/* The first word of s. */
static void
print_word(const char *s)
{
	printf("%.*s\n", (int)strcspn(s, " "), s);
}

static int
list(const char *cmd, const char *path)
{
	struct state		*st = writer_open(path);
	char			**items;
	struct state_note	 *notes;
	struct state_mark	 *marks;
	size_t			  n, k;

	if (strcmp(cmd, "list") == 0) {
		n = state_history(st, kind, &items);
		for (k = 0; k < n; k++)
			print_word(items[k]);
		state_history_free(items, n);
	} else if (strcmp(cmd, "notes") == 0) {
		n = state_note_list(st, NULL, STATE_LIST_LIVE, &notes);
		for (k = 0; k < n; k++)
			print_word(notes[k].body);
		state_notes_free(notes, n);
	} else {
		n = state_mark_list(st, STATE_LIST_LIVE, &marks);
		for (k = 0; k < n; k++)
			print_word(marks[k].name);
		state_marks_free(marks, n);
	}
	take_events(st);
	state_close(st);
	return fflush(stdout) == 0 ? 0 : 1;
}

/*
 * Another program holding the file locked until standard input ends:
 * with BEGIN EXCLUSIVE (how is "locked"), or BEGIN IMMEDIATE (how is
 * "held": others may read, not write).
 */
static int
lock(const char *path, const char *how)
{
	sqlite3	*db;
	char	 buf[256];
	bool	 excl = strcmp(how, "locked") == 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK || sqlite3_busy_timeout(db, 10000) != SQLITE_OK ||
	    sqlite3_exec(db, excl ? "BEGIN EXCLUSIVE" : "BEGIN IMMEDIATE",
	    NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "state-writer: lock: %s\n", sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	printf("%s\n", how);
	fflush(stdout);
	while (fread(buf, 1, sizeof buf, stdin) > 0)
		;
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}

int
main(int argc, char **argv)
{
	const char	*cmd;
	char		*text;
	int		 ch;

	while ((ch = getopt(argc, argv, "acj:k:o:s:vw:")) != -1) {
		switch (ch) {
		case 'a':
			async = true;
			break;
		case 'c':
			keep_going = true;
			break;
		case 'j':
			if (strcmp(optarg, "rollback") != 0)
				usage();
			journal = STATE_JOURNAL_ROLLBACK;
			break;
		case 'k':
			kind = optarg;
			break;
		case 'o':
			open_ms = (int)number(optarg, 600000);
			break;
		case 's':
			pad = number(optarg, STATE_NOTE_MAX);
			break;
		case 'v':
			verbose = true;
			break;
		case 'w':
			flush_ms = (int)number(optarg, 600000);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	cmd = argv[0];
	if (strcmp(cmd, "path") == 0 && argc == 1) {
		text = state_default_path();
		printf("%s\n", text != NULL ? text : "(none)");
		free(text);
		return 0;
	}
	if (argc == 2 && (strcmp(cmd, "list") == 0 ||
	    strcmp(cmd, "notes") == 0 || strcmp(cmd, "marks") == 0))
		return list(cmd, argv[1]);
	if (argc == 2 && strcmp(cmd, "lock") == 0)
		return lock(argv[1], "locked");
	if (argc == 2 && strcmp(cmd, "hold") == 0)
		return lock(argv[1], "held");
	if (argc != 4 || (strcmp(cmd, "add") != 0 && strcmp(cmd, "note") != 0 &&
	    strcmp(cmd, "mark") != 0 && strcmp(cmd, "mixed") != 0))
		usage();
	return write_changes(cmd, argv[1], number(argv[2], 10000000),
	    argv[3]);
}
