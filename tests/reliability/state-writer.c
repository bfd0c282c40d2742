/*
 * state-writer.c -- drive the user-state database (src/store/state.c) from
 * a script, for tests/reliability/state.sh: the same calls the reader
 * makes when a filter is kept, without a terminal.
 *
 * Usage:
 *   state-writer [-c] [-k KIND] [-s SIZE] add PATH COUNT TAG
 *	state_open(PATH), then state_history_add of "TAG-1" ... "TAG-COUNT"
 *	(each padded with " xxx..." to SIZE bytes if -s is given).  Each
 *	acknowledged write (state_history_add returned 0, so it committed)
 *	is printed as "TAG-N" on standard output and flushed before the next
 *	one starts; an entry a read-only state did not keep (it returned 1)
 *	is printed as "not kept: TAG-N".  A failed write prints its message on standard error and
 *	stops, or with -c goes on with the next one.
 *   state-writer [-k KIND] list PATH
 *	state_open(PATH) and print state_history, newest first, one entry
 *	a line (only the "TAG-N" word of a padded entry).
 *   state-writer path
 *	print state_default_path().
 *
 * PATH "-" means the default place (state_open(NULL, ...)).  KIND is
 * "filter" unless -k is given.  A warning from state_open is printed on
 * standard error as "state-writer: warning: ...".  If state_open returns
 * NULL, the program goes on as the reader does, without state:
 * state_history_add must fail and state_history must be empty; then it
 * prints "no state" and exits 3.
 *
 * Exit status: 0 all done, 1 a write failed, 2 bad usage, 3 no state.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/state.h"
#include "util/xmalloc.h"

static void
usage(void)
{
	fprintf(stderr, "usage: state-writer [-c] [-k KIND] [-s SIZE] add "
	    "PATH COUNT TAG\n"
	    "       state-writer [-k KIND] list PATH\n"
	    "       state-writer path\n");
	exit(2);
}

/* Open the state; NULL (after checking that it degrades) if it fails. */
static struct state *
writer_open(const char *path, const char *kind)
{
	struct state	*st;
	char		*warning, *err, **items;
	size_t		 n;

	st = state_open(strcmp(path, "-") == 0 ? NULL : path, &warning);
	if (warning != NULL) {
		fprintf(stderr, "state-writer: warning: %s\n", warning);
		free(warning);
	}
	if (st != NULL)
		return st;
	/* What the reader does without state: it must not matter. */
	if (state_history_add(NULL, kind, "x", &err) != -1) {
		fprintf(stderr, "state-writer: a write without state "
		    "succeeded\n");
		exit(1);
	}
	free(err);
	n = state_history(NULL, kind, &items);
	if (n != 0 || items != NULL) {
		fprintf(stderr, "state-writer: a history without state\n");
		exit(1);
	}
	state_close(NULL);
	printf("no state\n");
	exit(3);
}

int
main(int argc, char **argv)
{
	struct state	*st;
	const char	*kind = "filter", *cmd;
	char		*text, *err, **items, *end;
	long		 count, i, size = 0;
	size_t		 n, k, len;
	int		 ch, keep_going = 0, status = 0, rc;

	while ((ch = getopt(argc, argv, "ck:s:")) != -1) {
		switch (ch) {
		case 'c':
			keep_going = 1;
			break;
		case 'k':
			kind = optarg;
			break;
		case 's':
			size = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || size < 0 ||
			    size > 1000000)
				usage();
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
		printf("%s\n", text);
		free(text);
		return 0;
	}
	if (strcmp(cmd, "list") == 0 && argc == 2) {
		st = writer_open(argv[1], kind);
		n = state_history(st, kind, &items);
		for (k = 0; k < n; k++)
			printf("%.*s\n", (int)strcspn(items[k], " "),
			    items[k]);
		state_history_free(items, n);
		state_close(st);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (strcmp(cmd, "add") != 0 || argc != 4)
		usage();
	count = strtol(argv[2], &end, 10);
	if (*argv[2] == '\0' || *end != '\0' || count < 0)
		usage();
	st = writer_open(argv[1], kind);
	for (i = 1; i <= count; i++) {
		text = xasprintf("%s-%ld", argv[3], i);
		len = strlen(text);
		if ((size_t)size > len + 1) {
			text = xreallocarray(text, (size_t)size + 1, 1);
			text[len] = ' ';
			memset(text + len + 1, 'x', (size_t)size - len - 1);
			text[size] = '\0';
		}
		rc = state_history_add(st, kind, text, &err);
		if (rc >= 0) {
			printf("%s%s-%ld\n", rc == 1 ? "not kept: " : "",
			    argv[3], i);
			if (fflush(stdout) != 0) {
				free(text);
				state_close(st);
				return 1;
			}
		} else {
			fprintf(stderr, "state-writer: %s\n",
			    err != NULL ? err : "(no message)");
			free(err);
			status = 1;
			if (!keep_going) {
				free(text);
				break;
			}
		}
		free(text);
	}
	state_close(st);
	return status;
}
