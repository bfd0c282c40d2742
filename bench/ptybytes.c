/*
 * ptybytes.c -- how many bytes a full-screen program sends to the terminal,
 * at start-up and for each key (see bench/README).
 *
 * Usage: ptybytes [-n RUNS] [-q QUIET_MS] [-w START_MS] [-W KEY_MS]
 *            [-s COLSxROWS] [-o PREFIX]
 *            [-K KEYS | -k LABEL=KEYS]... [-e KEYS] -- COMMAND [ARG]...
 *
 * Runs COMMAND in a new pseudo-terminal (forkpty) of COLSxROWS (80x24) with
 * TERM=xterm-256color and LC_ALL=C.UTF-8 (LINES, COLUMNS, NO_COLOR, LESS,
 * LESSOPEN and LESSCLOSE removed from the environment), reads everything it
 * writes, and waits for its first byte (up to START_MS, 30000) and then
 * until the output has been quiet for QUIET_MS (300) milliseconds: that is
 * the first screen.  A key's output is waited for up to KEY_MS (2000).  Then, in order, each -K sends KEYS and waits for quiet
 * without reporting, and each -k sends KEYS, waits for quiet and reports the
 * bytes they produced under LABEL.  Finally -e KEYS (default "q") asks the
 * program to quit; it is killed if it has not after two seconds.
 *
 * KEYS may use \t \n \r \e \\ and \xHH.  "ms" is the time from the start
 * (or the key) to the last byte before the quiet, so it does not include
 * the quiet period.  With -n RUNS the whole session is run RUNS times and
 * the start time is reported as best and median; byte counts come from the
 * first run (a later run that differs is reported).  -o PREFIX saves the
 * first run's raw output in PREFIX.start, PREFIX.LABEL and PREFIX.keyN
 * (for the Nth step, unlabelled).
 *
 * Output lines starting with "@" are KEY=VALUE figures for the driver.
 */
#define _GNU_SOURCE	1

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_STEPS	64
#define MAX_RUNS	50

struct step {
	const char	*label;		/* NULL: not reported */
	char		 keys[256];
	size_t		 nkeys;
	size_t		 bytes[MAX_RUNS];
	double		 ms[MAX_RUNS];
};

static struct step	steps[MAX_STEPS];
static size_t		nsteps;
static int		quiet_ms = 300;
static int		first_start_ms = 30000;	/* wait for a first screen */
static int		first_key_ms = 2000;	/* wait for a key's output */
static FILE		*transcript;

static const char	*out_prefix;

/* Save what comes next in PREFIX.start, PREFIX.LABEL or PREFIX.keyN. */
static void
transcript_open(const char *label, size_t n)
{
	char	path[4096];

	if (transcript != NULL)
		fclose(transcript);
	transcript = NULL;
	if (out_prefix == NULL || (label == NULL && n == 0))
		return;
	if (n == (size_t)-1)
		snprintf(path, sizeof path, "%s.start", out_prefix);
	else if (label != NULL)
		snprintf(path, sizeof path, "%s.%s", out_prefix, label);
	else
		snprintf(path, sizeof path, "%s.key%zu", out_prefix, n);
	if ((transcript = fopen(path, "w")) == NULL)
		perror(path);
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode KEYS escapes into out; returns the length or -1. */
static long
decode(const char *s, char *out, size_t cap)
{
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		char	c = *s;

		if (c == '\\') {
			switch (*++s) {
			case 't': c = '\t'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 'e': c = 27; break;
			case '\\': c = '\\'; break;
			case 'x':
				if (hexval(s[1]) < 0 || hexval(s[2]) < 0)
					return -1;
				c = (char)(hexval(s[1]) * 16 + hexval(s[2]));
				s += 2;
				break;
			default:
				return -1;
			}
		}
		if (n == cap)
			return -1;
		out[n++] = c;
	}
	return (long)n;
}

/*
 * Read from fd until it has been quiet for quiet_ms after the first byte,
 * which may take up to first_ms (or until the child is gone).  Returns the bytes read; *last_ms gets the time of the last byte
 * relative to t0 (0 if none).
 */
static size_t
drain(int fd, double t0, int first_ms, double *last_ms, int *eof)
{
	char		buf[65536];
	struct pollfd	pfd = { .fd = fd, .events = POLLIN };
	size_t		total = 0;
	ssize_t		n;
	int		rc;

	*last_ms = 0;
	for (;;) {
		rc = poll(&pfd, 1, total == 0 ? first_ms : quiet_ms);
		if (rc == -1 && errno == EINTR)
			continue;
		if (rc <= 0)
			break;
		n = read(fd, buf, sizeof buf);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			*eof = 1;	/* EIO: the child closed the pty */
			break;
		}
		if (transcript != NULL)
			fwrite(buf, 1, (size_t)n, transcript);
		total += (size_t)n;
		*last_ms = now_ms() - t0;
	}
	return total;
}

static int
session(char **argv, int cols, int rows, int run, const char *end_keys,
    size_t *start_bytes, double *start_ms)
{
	struct winsize	ws = { .ws_row = (unsigned short)rows,
	    .ws_col = (unsigned short)cols };
	int		fd, eof = 0, status;
	pid_t		pid;
	double		t0, t, dummy;
	size_t		i;
	char		end[256];
	long		nend;

	t0 = now_ms();
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid == -1) {
		perror("ptybytes: forkpty");
		return -1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
		unsetenv("NO_COLOR");
		unsetenv("LESS");
		unsetenv("LESSOPEN");
		unsetenv("LESSCLOSE");
		execvp(argv[0], argv);
		fprintf(stderr, "ptybytes: %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	*start_bytes = drain(fd, t0, first_start_ms, start_ms, &eof);
	for (i = 0; i < nsteps && !eof; i++) {
		struct step	*s = &steps[i];

		if (out_prefix != NULL && run == 0)
			transcript_open(s->label, i + 1);
		t = now_ms();
		if (write(fd, s->keys, s->nkeys) != (ssize_t)s->nkeys)
			break;
		s->bytes[run] = drain(fd, t, first_key_ms, &s->ms[run], &eof);
	}
	transcript_open(NULL, 0);
	nend = decode(end_keys, end, sizeof end);
	if (!eof && nend > 0 && write(fd, end, (size_t)nend) == nend) {
		t = now_ms();
		while (!eof && now_ms() - t < 2000 &&
		    waitpid(pid, &status, WNOHANG) == 0)
			drain(fd, t, quiet_ms, &dummy, &eof);
	}
	if (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGTERM);
		t = now_ms();
		while (waitpid(pid, &status, WNOHANG) == 0) {
			if (now_ms() - t > 2000) {
				kill(pid, SIGKILL);
				waitpid(pid, &status, 0);
				break;
			}
			drain(fd, t, quiet_ms, &dummy, &eof);
		}
	}
	close(fd);
	return 0;
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
usage(void)
{
	fprintf(stderr, "usage: ptybytes [-n RUNS] [-q QUIET_MS] [-w START_MS] "
	    "[-W KEY_MS]\n           [-s COLSxROWS] [-o PREFIX]\n"
	    "           [-K KEYS | -k LABEL=KEYS]... [-e KEYS] -- COMMAND "
	    "[ARG]...\n");
	return 2;
}

int
main(int argc, char **argv)
{
	const char	*end_keys = "q", *out = NULL, *eq;
	int		 ch, runs = 1, cols = 80, rows = 24, r;
	size_t		 start_bytes[MAX_RUNS], i;
	double		 start_ms[MAX_RUNS], sorted[MAX_RUNS];
	long		 n;

	while ((ch = getopt(argc, argv, "+n:q:w:W:s:o:K:k:e:")) != -1) {
		switch (ch) {
		case 'n':
			runs = atoi(optarg);
			if (runs < 1 || runs > MAX_RUNS)
				return usage();
			break;
		case 'q':
			quiet_ms = atoi(optarg);
			if (quiet_ms < 10)
				return usage();
			break;
		case 'w':
			first_start_ms = atoi(optarg);
			if (first_start_ms < 10)
				return usage();
			break;
		case 'W':
			first_key_ms = atoi(optarg);
			if (first_key_ms < 10)
				return usage();
			break;
		case 's':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2 ||
			    cols < 1 || rows < 1)
				return usage();
			break;
		case 'o':
			out = optarg;
			break;
		case 'K':
		case 'k':
			if (nsteps == MAX_STEPS)
				return usage();
			eq = optarg;
			if (ch == 'k') {
				eq = strchr(optarg, '=');
				if (eq == NULL || eq == optarg)
					return usage();
				steps[nsteps].label = strndup(optarg,
				    (size_t)(eq - optarg));
				eq++;
			}
			n = decode(eq, steps[nsteps].keys,
			    sizeof steps[nsteps].keys);
			if (n <= 0)
				return usage();
			steps[nsteps++].nkeys = (size_t)n;
			break;
		case 'e':
			end_keys = optarg;
			break;
		default:
			return usage();
		}
	}
	if (optind >= argc)
		return usage();
	for (r = 0; r < runs; r++) {
		out_prefix = r == 0 ? out : NULL;
		transcript_open(NULL, (size_t)-1);
		if (session(argv + optind, cols, rows, r, end_keys,
		    &start_bytes[r], &start_ms[r]) == -1)
			return 1;
	}
	memcpy(sorted, start_ms, (size_t)runs * sizeof *sorted);
	qsort(sorted, (size_t)runs, sizeof *sorted, cmp_double);
	printf("%dx%d, quiet %d ms, %d run%s\n", cols, rows, quiet_ms, runs,
	    runs > 1 ? "s" : "");
	printf("  %-24s %8zu bytes  %8.1f ms (best; median %.1f ms)\n",
	    "first screen", start_bytes[0], sorted[0],
	    sorted[runs / 2]);
	printf("@start_bytes=%zu\n@start_ms=%.2f\n@start_median_ms=%.2f\n",
	    start_bytes[0], sorted[0], sorted[runs / 2]);
	for (r = 1; r < runs; r++)
		if (start_bytes[r] != start_bytes[0])
			printf("  (run %d: first screen %zu bytes)\n", r + 1,
			    start_bytes[r]);
	for (i = 0; i < nsteps; i++) {
		if (steps[i].label == NULL)
			continue;
		printf("  %-24s %8zu bytes  %8.1f ms\n", steps[i].label,
		    steps[i].bytes[0], steps[i].ms[0]);
		printf("@%s_bytes=%zu\n@%s_ms=%.2f\n", steps[i].label,
		    steps[i].bytes[0], steps[i].label, steps[i].ms[0]);
		for (r = 1; r < runs; r++)
			if (steps[i].bytes[r] != steps[i].bytes[0])
				printf("  (run %d: %s %zu bytes)\n", r + 1,
				    steps[i].label, steps[i].bytes[r]);
	}
	return 0;
}
