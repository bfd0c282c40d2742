/*
 * ptyrun.c -- time a full-screen program as its user sees it, through a
 * pseudo-terminal: the time to its first complete screen, and for each key
 * the time from the write of the key to the last byte of the redraw, and
 * the bytes written (see bench/README).
 *
 * Usage: ptyrun [-n RUNS] [-s COLSxROWS] [-q SETTLE_MS] [-w START_MS]
 *            [-W KEY_MS] [-o PREFIX] [-I SECONDS [-S STRACE]] [-e KEYS]
 *            [-a KEYS] [-x EXPECT]...
 *            [{-k LABEL=KEYS | -K KEYS} [-x EXPECT]...]... -- COMMAND [ARG]...
 *
 * Every run starts COMMAND afresh in a new pseudo-terminal of COLSxROWS
 * (80x24) with TERM=xterm-256color and LC_ALL=C.UTF-8.  The first screen
 * is done when every -x given before the first -k or -K holds and the
 * output has then been quiet for SETTLE_MS (100); -a KEYS are written
 * right after the start, before the first screen (typing ahead).  Then
 * each -k writes its KEYS and waits the same way for its own -x's (or, with
 * none, for some output and quiet), and reports under LABEL; -K does the
 * same without reporting.  EXPECT is ROW:TEXT (row ROW contains TEXT; 0 is
 * the top row, -1 the bottom one) or *:TEXT (some row does).  A screen
 * that does not come within START_MS (60000) or KEY_MS (10000) is an error
 * that shows the screen.  -I SECONDS then measures the program idle (bytes
 * written, context switches, and with -S the system calls strace counts).
 * Last, -e KEYS ("q") quits.  KEYS may use \t \n \r \e \\ and \xHH.
 *
 * Labels NAME.1, NAME.2, ... form a group, a word typed a key at a time:
 * its keystrokes' median and worst, and the median and worst sum.
 *
 * The figures are medians and worsts over the runs; byte counts are the
 * first run's (another run that differs is shown).  Lines starting with
 * "@" are KEY=VALUE figures for the driver.  -o PREFIX keeps the first
 * run's raw output of each step in PREFIX.LABEL and its screen in
 * PREFIX.LABEL.screen.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pty-session.h"

static struct pty_script	script;
static struct pty_run		runs[PTY_MAX_RUNS];

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(const double *v, size_t n)
{
	double	s[PTY_MAX_RUNS * PTY_MAX_STEPS];

	if (n == 0)
		return 0;
	memcpy(s, v, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_double);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

static double
maximum(const double *v, size_t n)
{
	double	m = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i] > m)
			m = v[i];
	return m;
}

static double
minimum(const double *v, size_t n)
{
	double	m = n ? v[0] : 0;
	size_t	i;

	for (i = 1; i < n; i++)
		if (v[i] < m)
			m = v[i];
	return m;
}

/* LABEL as a figure name: dots become underscores. */
static const char *
figure_name(const char *label)
{
	static char	buf[256];
	size_t		i;

	snprintf(buf, sizeof buf, "%s", label);
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == '.')
			buf[i] = '_';
	return buf;
}

/* The length of the group name in LABEL ("word.3" -> 4), or 0. */
static size_t
group_len(const char *label)
{
	const char	*dot = strrchr(label, '.');

	if (dot == NULL || dot == label || dot[1] == '\0' ||
	    strspn(dot + 1, "0123456789") != strlen(dot + 1))
		return 0;
	return (size_t)(dot - label);
}

static void
report_step(const struct pty_step *s, int nruns)
{
	const char	*f = figure_name(s->label);
	int		 r;

	printf("  %-22s %8zu B %9.2f ms median %9.2f ms worst %9.2f ms best\n",
	    s->label, s->bytes[0], median(s->ms, (size_t)nruns),
	    maximum(s->ms, (size_t)nruns), minimum(s->ms, (size_t)nruns));
	for (r = 1; r < nruns; r++)
		if (s->bytes[r] != s->bytes[0])
			printf("  %-22s (run %d: %zu B)\n", "", r + 1,
			    s->bytes[r]);
	printf("@%s_bytes=%zu\n", f, s->bytes[0]);
	printf("@%s_ms=%.2f\n", f, median(s->ms, (size_t)nruns));
	printf("@%s_worst_ms=%.2f\n", f, maximum(s->ms, (size_t)nruns));
	printf("@%s_best_ms=%.2f\n", f, minimum(s->ms, (size_t)nruns));
}

/* The keystrokes of the group starting at step first, and their sums. */
static void
report_group(size_t first, size_t glen, int nruns)
{
	static double	keys[PTY_MAX_RUNS * PTY_MAX_STEPS];
	static double	bytes[PTY_MAX_STEPS];
	double		word[PTY_MAX_RUNS];
	const char	*label = script.steps[first].label;
	char		name[256];
	size_t		i, nkeys = 0, n = 0;
	int		r;

	snprintf(name, sizeof name, "%.*s", (int)glen, label);
	for (r = 0; r < nruns; r++)
		word[r] = 0;
	for (i = first; i < script.nsteps; i++) {
		const struct pty_step	*s = &script.steps[i];

		if (s->label == NULL || group_len(s->label) != glen ||
		    strncmp(s->label, label, glen) != 0)
			continue;
		bytes[nkeys++] = (double)s->bytes[0];
		for (r = 0; r < nruns; r++) {
			keys[n++] = s->ms[r];
			word[r] += s->ms[r];
		}
	}
	printf("  %s, %zu keys: per key %.2f ms median, %.2f ms worst; all "
	    "%zu keys %.1f ms median, %.1f ms worst\n", name, nkeys,
	    median(keys, n), maximum(keys, n), nkeys,
	    median(word, (size_t)nruns), maximum(word, (size_t)nruns));
	printf("  %s, bytes per key: %.0f B median, %.0f B most\n", name,
	    median(bytes, nkeys), maximum(bytes, nkeys));
	printf("@%s_keys=%zu\n", figure_name(name), nkeys);
	printf("@%s_key_bytes=%.0f\n", figure_name(name), median(bytes, nkeys));
	printf("@%s_key_bytes_max=%.0f\n", figure_name(name),
	    maximum(bytes, nkeys));
	printf("@%s_key_median_ms=%.2f\n", figure_name(name), median(keys, n));
	printf("@%s_key_worst_ms=%.2f\n", figure_name(name), maximum(keys, n));
	printf("@%s_word_median_ms=%.2f\n", figure_name(name),
	    median(word, (size_t)nruns));
	printf("@%s_word_worst_ms=%.2f\n", figure_name(name),
	    maximum(word, (size_t)nruns));
}

static void
report(int nruns)
{
	double	rss[PTY_MAX_RUNS];
	size_t	i, j, glen;
	int	r, seen;

	printf("%dx%d, settle %d ms, %d fresh run%s\n", script.cols,
	    script.rows, script.settle_ms, nruns, nruns > 1 ? "s" : "");
	printf("@runs=%d\n", nruns);
	for (i = 0; i < script.nsteps; i++)
		if (script.steps[i].label != NULL)
			report_step(&script.steps[i], nruns);
	for (i = 0; i < script.nsteps; i++) {
		const char	*l = script.steps[i].label;

		if (l == NULL || (glen = group_len(l)) == 0)
			continue;
		for (seen = 0, j = 0; j < i && !seen; j++)
			seen = script.steps[j].label != NULL &&
			    group_len(script.steps[j].label) == glen &&
			    strncmp(script.steps[j].label, l, glen) == 0;
		if (!seen)
			report_group(i, glen, nruns);
	}
	for (r = 0; r < nruns; r++)
		rss[r] = (double)runs[r].maxrss_kb;
	printf("  peak RSS %.1f MB median, %.1f MB worst\n",
	    median(rss, (size_t)nruns) / 1024, maximum(rss, (size_t)nruns) /
	    1024);
	printf("@rss_kb=%.0f\n@rss_worst_kb=%.0f\n", median(rss,
	    (size_t)nruns), maximum(rss, (size_t)nruns));
	if (!runs[0].idle_done)
		return;
	printf("  idle %d s: %zu B in %zu writes, %ld context switches; ",
	    script.idle_s, runs[0].idle_bytes, runs[0].idle_chunks,
	    runs[0].idle_ctxsw);
	if (runs[0].idle_syscalls >= 0)
		printf("under strace -f -c for %d s more: %ld system calls "
		    "(%s)\n", script.idle_s, runs[0].idle_syscalls,
		    runs[0].idle_top);
	else
		printf("system calls not counted (no strace)\n");
	printf("@idle_bytes=%zu\n@idle_writes=%zu\n@idle_ctxsw=%ld\n",
	    runs[0].idle_bytes, runs[0].idle_chunks, runs[0].idle_ctxsw);
	if (runs[0].idle_syscalls >= 0)
		printf("@idle_syscalls=%ld\n", runs[0].idle_syscalls);
}

static int
usage(void)
{
	fprintf(stderr, "usage: ptyrun [-f] [-n RUNS] [-s COLSxROWS] [-q SETTLE_MS] "
	    "[-w START_MS] [-W KEY_MS]\n"
	    "           [-o PREFIX] [-I SECONDS [-S STRACE]] [-e KEYS] "
	    "[-a KEYS] [-x EXPECT]...\n"
	    "           [{-k LABEL=KEYS | -K KEYS} [-x EXPECT]...]... -- "
	    "COMMAND [ARG]...\n");
	return 2;
}

/* [!]ROW:TEXT or [!]*:TEXT into the last step's expectations. */
static int
parse_expect(const char *arg)
{
	struct pty_step		*s = &script.steps[script.nsteps - 1];
	struct pty_expect	*x;
	const char		*colon;
	char			*end;

	if (s->nexpect == PTY_MAX_EXPECT)
		return -1;
	x = &s->expect[s->nexpect];
	if ((x->negated = arg[0] == '!'))
		arg++;
	colon = strchr(arg, ':');
	if (colon == NULL || colon == arg || colon[1] == '\0')
		return -1;
	if (arg[0] == '*' && colon == arg + 1)
		x->any_row = 1;
	else {
		x->row = (int)strtol(arg, &end, 10);
		if (end != colon)
			return -1;
	}
	x->text = colon + 1;
	s->nexpect++;
	return 0;
}

static int
parse_step(int ch, const char *arg)
{
	struct pty_step	*s;
	const char	*keys = arg, *eq;
	long		 n;

	if (script.nsteps == PTY_MAX_STEPS)
		return -1;
	s = &script.steps[script.nsteps];
	if (ch == 'k') {
		if ((eq = strchr(arg, '=')) == NULL || eq == arg)
			return -1;
		s->label = strndup(arg, (size_t)(eq - arg));
		keys = eq + 1;
	}
	n = pty_keys_decode(keys, s->keys, sizeof s->keys);
	if (n <= 0)
		return -1;
	s->nkeys = (size_t)n;
	script.nsteps++;
	return 0;
}

int
main(int argc, char **argv)
{
	const char	*end = "q";
	int		 ch, nruns = 1, r;
	long		 n;

	setlocale(LC_CTYPE, "C.UTF-8");
	script.cols = 80;
	script.rows = 24;
	script.settle_ms = 100;
	script.start_max_ms = 60000;
	script.key_max_ms = 10000;
	script.steps[0].label = "start";
	script.nsteps = 1;
	while ((ch = getopt(argc, argv, "+fn:s:q:w:W:o:I:S:e:a:x:k:K:")) != -1) {
		switch (ch) {
		case 'n':
			nruns = atoi(optarg);
			if (nruns < 1 || nruns > PTY_MAX_RUNS)
				return usage();
			break;
		case 's':
			if (sscanf(optarg, "%dx%d", &script.cols,
			    &script.rows) != 2 || script.cols < 2 ||
			    script.rows < 2 || script.cols > 1000 ||
			    script.rows > 1000)
				return usage();
			break;
		case 'q':
			if ((script.settle_ms = atoi(optarg)) < 10)
				return usage();
			break;
		case 'w':
			if ((script.start_max_ms = atoi(optarg)) < 10)
				return usage();
			break;
		case 'W':
			if ((script.key_max_ms = atoi(optarg)) < 10)
				return usage();
			break;
		case 'f':
			script.first_shown = 1;
			break;
		case 'o':
			script.prefix = optarg;
			break;
		case 'I':
			if ((script.idle_s = atoi(optarg)) < 1)
				return usage();
			break;
		case 'S':
			script.strace = optarg;
			break;
		case 'e':
			end = optarg;
			break;
		case 'a':
			n = pty_keys_decode(optarg, script.steps[0].keys,
			    sizeof script.steps[0].keys);
			if (n <= 0)
				return usage();
			script.steps[0].nkeys = (size_t)n;
			break;
		case 'x':
			if (parse_expect(optarg) == -1)
				return usage();
			break;
		case 'k':
		case 'K':
			if (parse_step(ch, optarg) == -1)
				return usage();
			break;
		default:
			return usage();
		}
	}
	if (optind >= argc)
		return usage();
	n = pty_keys_decode(end, script.end, sizeof script.end);
	if (n < 0)
		return usage();
	script.nend = (size_t)n;
	script.argv = argv + optind;
	for (r = 0; r < nruns; r++) {
		if (pty_session_run(&script, r, &runs[r]) == -1)
			return 1;
	}
	report(nruns);
	return fflush(stdout) == EOF ? 1 : 0;
}
